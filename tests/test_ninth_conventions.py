"""Conventions the ninth hand-checked sample (eval/ninth) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_a_name_may_hold_an_alternate_in_parentheses():
    # D0000022 中央警察大學組織條例「本大學設學生（員）總隊，掌理學生（員）軍訓及生活輔導事項；置總隊長一人…」
    parsed = parse("D0000022")
    assert "學生（員）總隊" in below(parsed)
    assert duties(parsed, "學生（員）總隊") == ["學生（員）軍訓及生活輔導事項"]
    # D0080004 中央警察大學辦事細則「…醫務室、人事室、會計室、學生（員）總隊（以下簡稱各單位）…」 and its own article
    # 「學生（員）總隊分設一至三大隊，其職掌如下：」「一、學生（員）軍訓之實施及考核事項。」
    parsed = parse("D0080004")
    assert "學生（員）總隊" in below(parsed)
    assert "學生（員）軍訓之實施及考核事項" in duties(parsed, "學生（員）總隊")
    # J0000064 「各局得依實際需要於所轄區域，設水庫（堰壩）管理中心，掌理水庫運轉…」
    assert "水庫（堰壩）管理中心" in below(parse("J0000064"))
    # U0000002 審計處室組織通則「各縣（市）審計室得設三課至五課」: every 審計室 of the family, no unit
    assert not [u for u in below(parse("U0000002")) if "（" in u]


def test_an_office_calls_itself_by_the_tail_of_its_name_in_the_genres_opening_article():
    # A0020209 監察院監察委員行署辦事細則 第2條「行署處理事務，除法令別有規定外，悉依本細則行之。」: 行署 is the
    # agency itself, so 「行署各科室得分股辦事」 sets up no unit 行署
    parsed = parse("A0020209")
    assert "行署" in parsed.units[len(parsed.agency) - 1].aliases
    assert "行署" not in below(parsed)


def test_a_unit_sets_up_an_office_and_staffs_it():
    # A0010053 法院組織法「地方法院設公證處，置公證人及佐理員；…」, 「地方法院設提存所，置主任及佐理員。」,
    # 「地方法院設登記處，置主任及佐理員。」: units of the class 地方法院, whatever their posts are called
    units = set(below(parse("A0010053")))
    assert {"地方法院/公證處", "地方法院/提存所", "地方法院/登記處"} <= units
    # 「地方法院設公設辯護人室，置公設辯護人…」, 「高等法院設公設辯護人室，…」: 公設 (state-appointed) is a word, not 設
    assert {"地方法院/公設辯護人室", "高等法院/公設辯護人室"} <= units
    # 「最高法院設於中央政府所在地。」 sets up nothing
    assert not [u for u in units if u.endswith("所在地")]


def test_a_courts_chambers_are_units():
    # A0010053 法院組織法「地方法院分設民事庭、刑事庭，其庭數視事務之繁簡定之」, 「地方法院得設簡易庭」,
    # 「高等法院分設民事庭、刑事庭」
    units = set(below(parse("A0010053")))
    assert {"地方法院/民事庭", "地方法院/刑事庭", "地方法院/簡易庭", "高等法院/民事庭", "高等法院/刑事庭"} <= units
    # A0020093 最高法院處務規程「第 三 章 民、刑事庭」: the chapter on the chambers' work names them
    assert {"民事庭", "刑事庭"} <= set(below(parse("A0020093")))
