"""Duty statements in the forms the fresh national sample found dropped or misplaced.

Every input is a national document (data/national.tar.xz); each expectation quotes the line it
is read from.
"""
from __future__ import annotations

import sys

from support import REPO

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
    # 32 「本署之次級機關及其業務如下：」 33 「一、刑事警察局：執行犯罪偵防事項。」 (內政部 is filed under 行政)
    assert ("行政院", "內政部", "警政署", "刑事警察局") in [u.path for u in p.units if u.source.line == 33]


# ------------------------------------------------------------------ 「…事項，由各組共同辦理之。」
def test_a_duty_given_to_every_unit_of_a_type_goes_to_each_of_the_articles_units():
    p = parse("A0020056")
    groups = {f"第{n}組" for n in "一二三四五"}
    # 98 「預算中心設五組，分掌下列事項：」 … 112 「關於中央政府總預算案及中央政府總決算審核報告案之整體評估、分析事項，
    # 由各組共同辦理之。」
    at_112 = {d.unit for d in p.duties if d.source.line == 112}
    assert at_112 == {("立法院", "預算中心", g) for g in groups}
    assert {d.text for d in p.duties if d.source.line == 112} == {
        "關於中央政府總預算案及中央政府總決算審核報告案之整體評估、分析事項"}
    # 82 「法制局設五組，分掌下列事項：」 … 96 「外國法規及立法制度之研究…等事項，由各組分別辦理之。」:
    # 法制局's 組, not 預算中心's.
    assert {d.unit for d in p.duties if d.source.line == 96} == {("立法院", "法制局", g) for g in groups}


def test_a_duty_handed_to_a_unit_the_document_never_set_up_is_no_duty():
    # K0000150 line 27 「各區鑑定會人事業務，由本局各區監理所人事室辦理。」: another agency's office.
    assert [d for d in parse("K0000150").duties if d.source.line == 27] == []


# ------------------------------------------------------------------ 「設下列／左列＋type word：」
def names_under(parsed, parent: str) -> set[str]:
    return {u.path[-1] for u in parsed.units if len(u.path) > 1 and u.path[-2] == parent}


def test_a_type_word_after_set_up_introduces_the_list_and_names_no_unit():
    p = parse("L0000002")
    # 21 「本會得設下列小組，分別辦理第二條所列事項：」
    # 22-24 「一、醫療技術小組。」 「二、專科醫師小組。」 「三、醫事鑑定小組。」
    assert names_under(p, "醫事審議委員會") == {"醫療技術小組", "專科醫師小組", "醫事鑑定小組"}
    assert "小組" not in {u.path[-1] for u in p.units}
    assert [d for d in p.duties if d.source.line == 21] == []  # 「第二條所列事項」 only points back
    k = parse("K0000039")
    # 8 「本處設左列各組室，分別掌理有關事項，並得分科辦事：」 9 「一、規劃組：…」
    assert {"規劃組", "工務組", "行政室"} <= names_under(k, "高速鐵路工程籌備處")
    assert "組室" not in {u.path[-1] for u in k.units}


def test_the_listed_units_are_set_up_where_the_list_is_even_without_a_colon():
    # G0310003 9 「本署設左列各組、室。」 10 「一、第一組。」 … 16 「七、人事室。」
    first = [u for u in parse("G0310003").units if u.path[-1] == "第一組"]
    assert [u.source.line for u in first] == [10]


def test_what_the_listed_units_do_together_is_the_subjects_duty():
    # D0000118 17 「本會設左列各處組，辦理會議、文書、事務及有關籌備建省之研究、設計事項：」 19 「一、秘書處。」
    p = parse("D0000118")
    assert duties_at(p, 17) == {"海南建省籌備委員會": ["會議、文書、事務及有關籌備建省之研究、設計事項"]}
    assert {"秘書處", "民政組"} <= names_under(p, "海南建省籌備委員會")


# ------------------------------------------------------------------ a committee works through its posts
def post_duties(parsed, line: int) -> list[tuple[str, str, str]]:
    return [(d.unit[-1], d.post, d.text) for d in parsed.duties if d.source.line == line]


def test_a_committee_without_units_reads_its_mandate_and_its_posts_duties():
    p = parse("S0000003")
    # 4-5 「銓敘部…依訴願法二十六條第一項之規定，設訴願審議委員會（以下簡稱本會）處理訴願事件。」
    assert post_duties(p, 4) == [("訴願審議委員會", "", "訴願事件")]
    # 15 「委員負責訴願事件之審查及審議事項。」
    assert post_duties(p, 15) == [("訴願審議委員會", "委員", "訴願事件之審查及審議事項")]
    # 17 「執行秘書承主任委員之命，掌理左列事項：」 20 「三、訴願案卷之整理及保管。」
    assert post_duties(p, 20) == [("訴願審議委員會", "執行秘書", "訴願案卷之整理及保管")]
    a = parse("A0010066")
    # 14 「委員負責訴願事件之審查、調查、審議及決定等事項。」 16 「執行秘書承主任委員之命，掌理下列事項：」
    # 18 「二、訴願事件之蒐證及調查事項。」
    assert post_duties(a, 14) == [("訴願審議委員會", "委員", "訴願事件之審查、調查、審議及決定等事項")]
    assert post_duties(a, 18) == [("訴願審議委員會", "執行秘書", "訴願事件之蒐證及調查事項")]


def test_a_post_under_orders_keeps_its_duties_in_an_agency_too():
    # A0020115 22 「參事承長官之命，掌理下列事項：」 23 「一、關於本院業務有關法規、命令之研究、撰擬及審核事項。」
    assert post_duties(parse("A0020115"), 23) == [
        ("監察院", "參事", "關於本院業務有關法規、命令之研究、撰擬及審核事項")]


def test_the_purpose_stays_the_mandate_when_only_posts_have_duties():
    # M0000027 4 「行政院農業委員會為推動屏東農業生物技術園區之規劃、開發及營運等相關業務，特設屏東農業生物技術園區
    # 籌備處（以下簡稱本處）。」: its other duties are its posts' (主任秘書…).
    m = parse("M0000027")
    assert post_duties(m, 4) == [
        ("屏東農業生物技術園區籌備處", "", "推動屏東農業生物技術園區之規劃、開發及營運等相關業務")]
    agency = next(d.unit for d in m.duties if d.source.line == 4)
    assert all(d.post for d in m.duties if d.unit == agency and d.source.line != 4)


# ------------------------------------------------------------------ 「本X為負責Y，得…聘用」
def test_what_an_agency_hires_staff_for_is_its_duty():
    # H0000113 20 「本中心為負責戲劇、國樂之創作與展演、劇藝排演與指導及人才培育，
    # 得依聘用人員聘用條例之規定聘用專業人員…」
    assert post_duties(parse("H0000113"), 20) == [
        ("國立傳統藝術中心", "", "戲劇、國樂之創作與展演、劇藝排演與指導及人才培育")]
    # D0000009 9 「本會為辦理會議紀錄及建築師懲戒覆審案件登記，統計暨其他日常會務，置秘書一人…」
    assert [t for _, _, t in post_duties(parse("D0000009"), 9)] == ["會議紀錄及建築師懲戒覆審案件登記",
                                                                    "統計暨其他日常會務"]


def test_a_purpose_that_is_a_need_or_belongs_to_a_unit_set_up_is_no_duty():
    # F0000041 20 「本部為執行陸軍作戰及建軍備戰之需要，得設指揮、訓練…」;
    # K0000042 37 「本處為辦理材料試驗，得設材料試驗所，置主任…」
    assert post_duties(parse("F0000041"), 20) == []
    assert [d for d in parse("K0000042").duties if d.source.line == 37 and d.unit[-1] != "材料試驗所"] == []
