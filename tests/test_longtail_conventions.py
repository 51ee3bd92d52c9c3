"""Conventions of the national corpus's long tail (issue 22), each read by a rule that holds across documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_staff_assigned_full_time_or_concurrently_hold_the_offices_duties():
    # K0010091 交通部臺灣鐵路管理局宜蘭工務段辦事細則 第9條「經指派專任政風業務之人員，負責辦理下列事項：」
    # 「一、政風法令宣導事項。」 (專任 for 擔任, in 13 documents of the railway's 段)
    parsed = parse("K0010091")
    held = [d for d in parsed.duties if d.post == "政風業務人員"]
    assert "政風法令宣導事項" in [d.text for d in held]
    assert {d.unit[-1] for d in held} == {"宜蘭工務段"}
    # K0010110 第9條「經指派擔（兼）任人事業務之人員，負責辦理下列事項：」
    assert any(d.post == "人事業務人員" for d in parse("K0010110").duties)
    # K0010098 「經指派擔任鐵路軌道材料製供及鋼梁修護工程人員，負責辦理下列事項：」 (no 之)
    assert any(d.post == "鐵路軌道材料製供及鋼梁修護工程人員" for d in parse("K0010098").duties)
    # K0010086 「經指派擔任總務之人員，負責辦理下列事項。」 (the intro ends with 。)
    assert "公文流程管制、繕印及校對" in [d.text for d in parse("K0010086").duties if d.post == "總務人員"]
