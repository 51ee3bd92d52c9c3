"""Duty statements in the forms the fresh national sample found dropped or misplaced.

Every input is a national document (data/national.tar.xz); each expectation quotes the line it
is read from.
"""
from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "eval"))

import corpus  # noqa: E402

import loaders  # noqa: E402


def parse(pcode: str):
    return loaders.parse_bytes(corpus.national_file(pcode), f"{pcode}.json")


def duties_at(parsed, line: int) -> dict[str, list[str]]:
    """unit name → duty texts read from ``line`` (the line an item or paragraph starts on)."""
    out: dict[str, list[str]] = {}
    for d in parsed.duties:
        if d.source.line == line:
            out.setdefault(d.unit[-1], []).append(d.text)
    return out


# ------------------------------------------------------------------ 「X掌理〈object〉，辦理下列事項：」
def test_audit_section_heading_with_its_scope_is_a_list_of_its_duties():
    p = parse("U0010029")
    # 22 「第一課掌理屏東縣議會、屏東縣政府及其所屬機關之財務及財物報損報廢審計，辦理下列事項：」: 所屬機關 here is
    # the scope of the section's audit, not a list of subordinate agencies.
    assert duties_at(p, 22) == {"第一課": ["屏東縣議會、屏東縣政府及其所屬機關之財務及財物報損報廢審計"]}
    # 36 「十四、…縣總決算（含附屬單位決算及綜計表）、特別決算之審核及審核報告之編報事項。」
    assert "縣總決算（含附屬單位決算及綜計表）、特別決算之審核及審核報告之編報事項" in duties_at(p, 36)["第一課"]
    # 61 「二、關於所管機關採購之規劃、設計、招標、履約、驗收及其他相關作業之稽察事項。」 under 第三課 (line 59)
    assert duties_at(p, 61) == {"第三課": ["關於所管機關採購之規劃、設計、招標、履約、驗收及其他相關作業之稽察事項"]}
    assert duties_at(p, 44)["第二課"][0].startswith("屏東縣各鄉（鎮、市）民代表會、鄉（鎮、市）公所及其所屬機關之財務")
    assert [u for u in p.unplaced if 22 <= u.source.line <= 68] == []


def test_the_object_clause_before_a_list_is_the_subjects_duty():
    # U0010019 line 21 「第一科掌理國庫集中支付及財物保管審計，辦理左列事項：」
    assert duties_at(parse("U0010019"), 21) == {"第一科": ["國庫集中支付及財物保管審計"]}
    # G0310016 lines 80-81 「稅則處掌理稅則有關事宜及貨物化驗鑑定事項，依稅則章別分設三科辦理下列事項：」:
    # the clause setting up its sections is no part of the duty.
    assert duties_at(parse("G0310016"), 80) == {"稅則處": ["稅則有關事宜及貨物化驗鑑定事項"]}
    # F0000044 line 7 「本部主管國軍聯合後勤事務，掌理下列事項：」: the agency's own.
    assert duties_at(parse("F0000044"), 7) == {"聯合後勤司令部": ["國軍聯合後勤事務"]}


def test_an_agencys_list_of_subordinate_agencies_still_sets_them_up():
    p = parse("D0000159")
    # 32 「本署之次級機關及其業務如下：」 33 「一、刑事警察局：執行犯罪偵防事項。」
    assert ("內政部", "警政署", "刑事警察局") in [u.path for u in p.units if u.source.line == 33]


# ------------------------------------------------------------------ 「…事項，由各組共同辦理之。」
def test_a_duty_given_to_every_unit_of_a_type_goes_to_each_of_the_articles_units():
    p = parse("A0020056")
    groups = {f"第{n}組" for n in "一二三四五"}
    # 98 「預算中心設五組，分掌下列事項：」 … 112 「關於中央政府總預算案及中央政府總決算審核報告案之整體評估、分析事項，
    # 由各組共同辦理之。」
    at_112 = {d.unit for d in p.duties if d.source.line == 112}
    assert at_112 == {("立法院", "預算中心", g) for g in groups}
    assert {d.text for d in p.duties if d.source.line == 112} == {"關於中央政府總預算案及中央政府總決算審核報告案之整體評估、分析事項"}
    # 82 「法制局設五組，分掌下列事項：」 … 96 「外國法規及立法制度之研究…等事項，由各組分別辦理之。」: 法制局's 組, not 預算中心's.
    assert {d.unit for d in p.duties if d.source.line == 96} == {("立法院", "法制局", g) for g in groups}


def test_a_duty_handed_to_a_unit_the_document_never_set_up_is_no_duty():
    # K0000150 line 27 「各區鑑定會人事業務，由本局各區監理所人事室辦理。」: another agency's office.
    assert [d for d in parse("K0000150").duties if d.source.line == 27] == []
