"""The long tail of the genre (issue 22): conventions few documents use, each read by a rule, never a document.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).  Conventions the national corpus does not use (an old list's
dash) are checked on snippets written as the issue describes them.
"""
from __future__ import annotations

import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "eval"))

import corpus  # noqa: E402

import loaders  # noqa: E402
from graph_model.records.records import Document  # noqa: E402
from loaders.acts.structure import parse_document  # noqa: E402


def parse(pcode: str):
    return loaders.parse_bytes(corpus.national_file(pcode), f"{pcode}.json")


def below(parsed) -> list[str]:
    """The units below the document's agency, as paths under it."""
    n = len(parsed.agency)
    return ["/".join(u.path[n:]) for u in parsed.units if len(u.path) > n and u.path[:n] == parsed.agency]


def duties(parsed, unit: str) -> list[str]:
    return [d.text for d in parsed.duties if "/".join(d.unit[len(parsed.agency):]) == unit]


def rules(*lines: str):
    text = "某某處辦事細則\n第 1 條\n某某處（以下簡稱本處）為處理內部分工，特訂定本細則。\n" + "\n".join(lines)
    return parse_document(text, Document("t", "", "office_rules"))


# ------------------------------------------------------------------ old-style lists
@pytest.mark.parametrize("dash", ["－", "－－", "—", "──", "-", " － "])
def test_an_old_lists_dash_parts_the_unit_from_its_duty(dash):
    # 「本處設下列各課室分掌事項：一、總務課－掌理…」: however the typist wrote the dash.
    parsed = rules("第 2 條", "本處設下列各課室分掌事項：", f"一、總務課{dash}掌理文書、出納事項。",
                   f"二、會計室{dash}辦理歲計事項。")
    assert below(parsed) == ["總務課", "會計室"]
    assert duties(parsed, "總務課") == ["文書、出納事項"] and duties(parsed, "會計室") == ["歲計事項"]


def test_units_set_up_by_name_share_the_list_after_them():
    # A0010081 臺灣省諮議會組織規程「本會設議事組、研究組、行政組，分別掌理下列事項：」「一、議事組：有關本會會議之
    # 議事行政事項。」
    parsed = parse("A0010081")
    assert duties(parsed, "議事組") == ["有關本會會議之議事行政事項"]
    assert "下列事項" not in [d.text for d in parsed.duties]
    # A0010071 監察院組織法「…設監察業務處、…、綜合業務處，分別掌理下列事項：」 + items naming no unit: the agency's
    # duties (no unit is charged with 「下列事項」).
    parsed = parse("A0010071")
    assert "關於糾舉、彈劾事項" in duties(parsed, "")
    assert not [d for d in parsed.duties if d.text == "下列事項"]


# ------------------------------------------------------------------ schools and research bodies
def test_a_schools_departments_and_their_groups():
    # H0000020 國立復興劇藝實驗學校組織規程 第5條「本校設左列各處、科、組及軍訓人員。」「一、教務處：設教學、註冊、
    # 設備三組。」…「五、國劇科：設劇藝、音樂、容粧佈置三組。」「九、軍訓人員：…」
    parsed = parse("H0000020")
    units = below(parsed)
    for name in ("教務處/教學組", "教務處/註冊組", "教務處/設備組", "國劇科/容粧佈置組",
                 "劇藝服裝道具科/道具設計製作組"):
        assert name in units
    assert not [u for u in units if "軍訓" in u]
    # 第6條「前條各處、科、組之職掌如左：」「一、教務處：掌理課程編排…」「（一）教學組：掌理課程編排…」
    assert duties(parsed, "教務處")[0].startswith("課程編排")
    assert duties(parsed, "教務處/教學組") == ["課程編排、教學實施及課業考查等事項"]
    assert len(units) == len(set(units))  # named again for its duties, a unit is still one record


@pytest.mark.parametrize("pcode,names", [
    # M0010048 「本分所設下列系、室：」「一、農藝系。」「二、園藝系。」「三、植物保護系。」「四、秘書室。」
    ("M0010048", ("農藝系", "園藝系", "植物保護系", "秘書室")),
    # M0010077 「一、乳牛科技系。」…「四、畜產輔導系。」
    ("M0010077", ("乳牛科技系", "家禽科技系", "動物應用系", "畜產輔導系")),
])
def test_a_research_stations_departments(pcode, names):
    parsed = parse(pcode)
    assert set(names) <= set(below(parsed))
    assert duties(parsed, names[0])  # 第4條「農藝系掌理事項如下：」


def test_names_with_the_word_set_up_inside_them():
    # K0010035 「工務組設規劃、設計、工事三科」: 設計科 is a name (設 as a verb is none).
    assert "工務組/設計科" in below(parse("K0010035"))


# ------------------------------------------------------------------ junk
@pytest.mark.parametrize("pcode,junk,kept", [
    # D0000034「本校得視實際需要分設有關科、班」: the relevant ones, no name
    ("D0000034", "有關科", "教務處"),
    # A0020033「本規程依相關事務區分為院本部職掌及院務會議。」
    ("A0020033", "本規程依相關事務區分為院本部", "院本部"),
    # F0000055「後備動員管理學校 (以下簡稱本校) 隸屬國防部、得委任國防部後備司令部…」
    ("F0000055", "得委任國防部後備司令部", "教務處"),
    # J0000045「…、保健物理組、分析組十一組，分別掌理…」: the list's count after its last name
    ("J0000045", "分析組十一組", "分析組"),
])
def test_prose_and_counts_are_no_unit(pcode, junk, kept):
    units = [u.split("/")[-1] for u in below(parse(pcode))]
    assert junk not in units and kept in units


@pytest.mark.parametrize("pcode,names", [
    # F0000051 海軍技術學校 第6條「本校設航海事務部、戰鬥系統部、動力系統部、學員生大隊部、勤務連。」
    ("F0000051", ("航海事務部", "戰鬥系統部", "動力系統部", "學員生大隊部", "勤務連")),
    # F0000058 陸軍步兵學校 第6條「本校設學員生總隊部、教勤營、汽車連、本部連。」
    ("F0000058", ("學員生總隊部", "教勤營", "汽車連")),
])
def test_a_military_schools_divisions_companies_and_battalions(pcode, names):
    parsed = parse(pcode)
    assert set(names) <= set(below(parsed))
    kinds = {u.path[-1]: u.kind for u in parsed.units}
    assert {kinds[n] for n in names} == {"Division"}  # a school's 部 is no agency


def test_a_department_is_an_agency_only_under_a_branch_of_government():
    # A hospital's 內科部 (F0000018 高雄榮民總醫院) is a division; 國防部's 參謀本部 (F0000074) and 陸軍司令部
    # (F0000041 國防部陸軍司令部組織規程) are agencies.
    kinds = {u.path[-1]: u.kind for u in parse("F0000018").units}
    assert kinds["內科部"] == "Division"
    assert {u.path[-1]: u.kind for u in parse("F0000074").units}["參謀本部"] == "Agency"
    assert {u.path[-1]: u.kind for u in parse("F0000041").units}["陸軍司令部"] == "Agency"
