"""The long tail of the genre: conventions few documents use, each read by a rule, never a document.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).  Conventions the national corpus does not use (an old list's
dash) are checked on snippets written as the issue describes them.
"""
from __future__ import annotations

import re
import sys
import textwrap

import pytest

from support import REPO, duties_of, parse_national, units_below

sys.path.insert(0, str(REPO / "eval"))

import corpus  # noqa: E402

import loaders  # noqa: E402
from graph_model.records.records import Document  # noqa: E402
from loaders.acts.structure import parse_document  # noqa: E402

parse, below, duties = parse_national, units_below, duties_of


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


def test_an_old_list_written_on_one_line():
    # 「本處設下列各課室分掌事項：一、總務課－掌理…。二、會計課－…」 all on one line, as a PDF's text layer has it.
    parsed = rules("第 2 條", "本處設下列各課室分掌事項：一、總務課－掌理文書、出納事項。二、會計室－辦理歲計事項。"
                   "三、業務課－掌理推廣、宣導事項。", "第 3 條", "本處置處長一人。")
    assert below(parsed) == ["總務課", "會計室", "業務課"]
    assert duties(parsed, "會計室") == ["歲計事項"] and duties(parsed, "業務課") == ["推廣、宣導事項"]


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
    # F0000058 陸軍步兵學校 第6條「本校設學員生總隊部、教勤營、汽車連、本部連。」 (本部連: the headquarters company,
    # a name though 本部 starts it)
    ("F0000058", ("學員生總隊部", "教勤營", "汽車連", "本部連")),
    # F0000069 陸軍專科學校 第6條「本校設教學部、通識教育中心、學員生指揮部及本部連。」 (the company after 及)
    ("F0000069", ("教學部", "通識教育中心", "學員生指揮部", "本部連")),
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


# ------------------------------------------------------------------ the fourth sample's conventions
def test_regions_set_up_together_and_each_ones_own_offices():
    # K0000004 交通部臺灣區國道高速公路局組織條例「本局為辦理國道高速公路之養護及管理，設北區、中區、南區工程處。」
    # 「各區工程處，各設人事室及會計室；…」: three 工程處, each with its own 人事室 and 會計室.
    got = below(parse("K0000004"))
    for region in ("北區工程處", "中區工程處", "南區工程處"):
        assert region in got and f"{region}/人事室" in got and f"{region}/會計室" in got
    assert "人事室" in got and "會計室" in got  # 第7條: the 局's own


def test_a_facility_set_up_in_the_sentences_later_clause():
    # L0000028 行政院衛生署管制藥品管理局辦事細則「本局設證照管理組、…政風室及會計室，並設製藥工廠，另因業務需要得設
    # 分局。」 + 「分局掌理事項如下：」: the 工廠 is a unit; the 分局 (得設, as many as needed) are the family 各分局 (a
    # bare 分局 is no name: eval/national.py's invariants).
    got = below(parse("L0000028"))
    assert "製藥工廠" in got and "各分局" in got and "分局" not in got


def test_a_unit_set_up_beside_a_post():
    # A0010007 國民大會宣言起草委員會組織規程「本委員會得設置執筆小組及總執筆一人，其人選由召集人提請本委員會決定之。」
    assert below(parse("A0010007")) == ["執筆小組"]


def test_each_grade_a_familys_name_lists_is_the_family():
    # K0000270 交通部中央氣象署二等三等四等氣象測報機構辦事細則: 「四等氣象站掌理事項如下：」 … 「四、各項儀器之操作、
    # 初級維護及校驗；通信網路故障之申告。」 — each grade the title lists has its own list, and each is the family's
    # (no duty was read before: a name opening with 四等 was taken for prose).
    parsed = parse("K0000270")
    assert below(parsed) == []
    duties = duties_of(parsed, "")
    assert "各項儀器之操作、初級維護及校驗" in duties and "通信網路故障之申告" in duties
    assert "氣象雷達設備之改良" in duties  # 「二等氣象雷達站掌理事項如下：」
    assert "高山、離島之大氣觀測、記錄及分析" in duties  # the 四等氣象站's own


def test_a_list_item_with_a_comma_typed_for_the_colon():
    # L0000042 行政院衛生署玉里醫院暫行組織規程「本院設各科、室，分別掌理下列事項：」…「五、心理衛生科、心理疾病之早期
    # 發現診斷、治療…等事項。」
    parsed = parse("L0000042")
    assert "心理衛生科" in below(parsed) and duties(parsed, "心理衛生科")
    # K0010049「秘書室設研考、公關…六科，分別掌理下列事項：」「九、辦公室、員工眷舍管理…之督導事項。」: a duty.
    assert not [u for u in below(parse("K0010049")) if u.endswith("辦公室")]


# ------------------------------------------------------------------ lists written on one line (PDF text layers)
def _one_line_lists(text: str, width: int | None = None) -> str:
    """The text as a PDF's text layer may give it: hard wraps undone, every list run onto its intro's line
    (「…下列事項：一、…。二、…」), then optionally the lines wrapped again every ``width`` characters."""
    out: list[str] = []
    for line in (raw.strip() for raw in text.splitlines()):
        heading = re.match(r"^第 .{1,4} [條章]", line)
        if out and line and out[-1] and not heading and not re.match(r"^第 .{1,4} [條章]", out[-1]) and \
                (not out[-1].endswith(("。", "：")) or re.match(r"^[一二三四五六七八九十]+、", line)):
            out[-1] += line
        else:
            out.append(line)
    if width:
        out = [piece for line in out for piece in (textwrap.wrap(line, width) or [""])]
    return "\n".join(out)


@pytest.mark.parametrize("pcode", ["A0010081", "K0000004", "L0000042", "D0000117", "D0000090", "A0010103"])
@pytest.mark.parametrize("width", [None, 37, 23])
def test_a_list_run_onto_one_line_reads_as_the_list(pcode, width):
    # A0010081 「本會設議事組、研究組、行政組，分別掌理下列事項：」「一、議事組：有關本會會議之議事行政事項。」…,
    # K0000004 「本局掌理左列事項：」「一、國道高速公路之養護及拓建工程事項。」…,
    # A0010103 「一、第一科：」 + 「（一）…」 (a list in each item), D0000090 「…設各課、室，分別掌理下列事項：」: the
    # same lists, each run onto one line (and hard-wrapped, as a PDF page has it, a marker's numeral and its 、 on
    # two lines), give the same units and duties.
    text = loaders.read_bytes(corpus.national_file(pcode), f"{pcode}.json")[0]
    flat = _one_line_lists(text, width)
    assert flat.count("\n") < text.count("\n") or width
    want, got = (loaders.parse_text(t, pcode) for t in (text, flat))
    assert [u.path for u in got.units] == [u.path for u in want.units]
    assert sorted((d.unit, d.text) for d in got.duties) == sorted((d.unit, d.text) for d in want.duties)


# ------------------------------------------------------------------ budget books as PDF text layers give them
@pytest.mark.parametrize("contents", [
    "目 錄 壹、總說明－－－－－－－－－1～6 貳、歲入來源別預算表－－－－－－7",
    "壹、總說明‥‥‥‥‥‥‥‥1-6 貳、歲入來源別預算表‥‥‥‥‥‥7 參、歲出機關別預算表‥‥‥‥8-9",
    "壹、總說明 . . . . . . . . . 1 貳、歲入來源別預算表 . . . . . . . 7",
    "壹、總說明・・・・・・・・1 貳、歲入來源別預算表・・・・・・7",
])
@pytest.mark.parametrize("first", [True, False])
def test_a_table_of_contents_is_never_the_agencys_name(contents, first):
    # tests/data/layouts/cwa_budget_flattened.txt (交通部中央氣象署's book, K0000206/K0000212), its table of contents
    # written with other leaders, before the title (where it runs into the title's line) or after it.
    lines = (REPO / "tests/data/layouts/cwa_budget_flattened.txt").read_text(encoding="utf-8").splitlines()
    text = "\n".join([contents] + lines[:2] + lines[3:] if first else lines[:2] + [contents] + lines[3:])
    parsed = loaders.parse_text(text, "cwa", genre="budget")
    assert [u.path for u in parsed.units[:2]] == [("交通部",), ("交通部", "中央氣象署")]
    assert all(len(u.path[-1]) <= 18 for u in parsed.units)


def test_an_organisation_chart_ends_where_the_next_part_begins():
    # The chart line of cwa_budget_flattened.txt with the book's next part run onto it: no unit from its prose.
    text = (REPO / "tests/data/layouts/cwa_budget_flattened.txt").read_text(encoding="utf-8")
    chart = next(line for line in text.splitlines() if "組織系統圖" in line)
    run_on = text.replace(chart + "\n貳、施政目標與重點\n一、提升災害性天氣監測與預報能力。",
                          chart + " 貳、施政目標與重點 一、提升災害性天氣監測與預報能力。"
                                  "二、強化地震測報作業及資訊處。")
    assert run_on != text
    want, got = (loaders.parse_text(t, "cwa", genre="budget") for t in (text, run_on))
    assert [u.path for u in got.units] == [u.path for u in want.units]


def test_a_budget_books_unit_lists_run_onto_one_line():
    # data/seeds/001 (財政部關務署及所屬 budget book): each agency's 「1. 綜合規劃組：掌理…。」「2. 通關業務組：…」 run
    # onto one line, as a PDF's text layer may give them, reads as the lines do.
    text = (REPO / "data/seeds/001_586683daab11227d.txt").read_text(encoding="utf-8")
    out: list[str] = []
    for line in text.splitlines():
        if out and re.match(r"^\s*\d+\s*\.", line) and re.match(r"^\s*\d+\s*\.", out[-1]):
            out[-1] += line.strip()
        elif line.strip() or not out or not re.match(r"^\s*\d+\s*\.", out[-1]):
            out.append(line)
    flat = "\n".join(out)
    assert flat.count("\n") < text.count("\n") - 50
    want, got = (loaders.parse_text(t, "001", genre="budget") for t in (text, flat))
    assert [u.path for u in got.units] == [u.path for u in want.units] and len(want.units) > 60
    assert sorted((d.unit, d.text) for d in got.duties) == sorted((d.unit, d.text) for d in want.duties)


# ------------------------------------------------------------------ the long tail's conventions
def test_a_self_reference_defined_in_a_variant_character():
    # K0000046 交通部民用航空局飛航服務總臺組織條例 第2條「交通部民用航空局飛航服務總台（以下簡稱本總台）掌理下列
    # 事項︰」 (台 in the text, 臺 in the title) 第3條「本總台設台北飛航情報中心、台北區域管制中心、…及飛航業務室、
    # 航電技術室、供應室，分別掌理前條所列事項。」 第4條「本總台設秘書室，…」
    got = below(parse("K0000046"))
    for name in ("台北飛航情報中心", "台北區域管制中心", "台北航空通信中心", "台北航空氣象中心", "資訊管理中心",
                 "飛航業務室", "航電技術室", "供應室", "秘書室", "人事室", "會計室", "政風室"):
        assert name in got, name


@pytest.mark.parametrize("pcode,names", [
    # K0000081 交通部花蓮港務局港埠工程處組織條例 第3條「本處設二課及船舶機械修理廠，分別掌理前條所列事項。」
    ("K0000081", ("船舶機械修理廠",)),
    # K0000070 交通部臺中港務局組織條例「本局得設棧埠管理處、港埠工程處、船舶機械修造工廠，…」
    ("K0000070", ("棧埠管理處", "港埠工程處", "船舶機械修造工廠")),
    # F0000012 魚殖管理處組織規程「本處得視魚殖地區之分佈，酌設養殖中心、工作站及加工廠；…」
    ("F0000012", ("養殖中心", "工作站", "加工廠")),
])
def test_a_works_named_in_a_list_of_units(pcode, names):
    got = below(parse(pcode))
    assert set(names) <= set(got), got
    assert "二課" not in got


# ------------------------------------------------------------------ old lists written without markers
def test_an_old_list_of_units_without_markers():
    # A0010003 國民大會提案審查委員會組織規程 第2條「提案之審查設左列各委員會：」「第一審查委員會審查關於憲法之提案及
    # 不屬於其他審查委員會之提案。」…「第八審查委員會審查關於僑務之提案。」「上列各委員會由代表自由認定參加…」
    parsed = parse("A0010003")
    got = below(parsed)
    assert got == [f"第{n}審查委員會" for n in "一二三四五六七八"]
    assert duties(parsed, "第二審查委員會") == ["審查關於國防之提案"]
    # H0000005 教育部訓育委員會組織條例 第4條「訓育委員會設左列三組：」「第一組：辦理訓育工作之指導…事項。」
    parsed = parse("H0000005")
    assert below(parsed) == ["第一組", "第二組", "第三組"]
    assert duties(parsed, "第三組") == ["學生自治團體之指導及學生身心發展狀況之調查事項"]  # (辦理: the verb)


def test_an_old_list_of_sections_under_each_group():
    # D0020003 國民大會代表立法院立法委員選舉總事務所組織條例 第3條「國民大會代表及立法院立法委員選舉總事務所設左列
    # 各組：」「第一組。」…「庶務組。」 第4條「第一組設左列二科：」「第一科掌理江蘇山東浙江南京上海青島各省市之選舉
    # 事項。」… 第10條「法制組設左列三科：」 (the title drops the name's 及: the text's name is the agency's own)
    parsed = parse("D0020003")
    got = below(parsed)
    groups = [f"第{n}組" for n in "一二三四五六"] + ["法制組", "文書組", "庶務組"]
    assert [u for u in got if "/" not in u and u.endswith("組")] == groups
    assert {u for u in got if "/" in u} >= {"第一組/第一科", "第一組/第二科", "法制組/第三科", "庶務組/第三科"}
    assert not [u for u in got if "事務所" in u]
    assert duties(parsed, "第一組/第一科") == ["江蘇山東浙江南京上海青島各省市之選舉事項"]


def test_an_old_list_of_sections_each_with_its_marked_duties():
    # A0010015 稽勳委員會組織條例 第4條「稽勳委員會設秘書處，置左列各科，分掌事務：」「審核科職掌如左：」「一、關於
    # 勳績之調查事項。」…「登記科職掌如左：」… 第6條「稽勳委員會秘書處置科長三人…」 (the agency's name before its
    # unit's)
    parsed = parse("A0010015")
    assert below(parsed) == ["秘書處", "秘書處/審核科", "秘書處/登記科", "秘書處/總務科"]
    assert duties(parsed, "秘書處/登記科") == ["關於受勳人員之登記事項", "關於勳章之法規、圖說編纂事項"]


def test_an_old_marker_a_numeral_and_a_space():
    # Q0000001 行政院大陸委員會組織條例 第4條「本會設左列各處：」「一　企劃處。」…「七　秘書處。」 第5條「企劃處掌理
    # 左列事項：」「一　關於大陸政策之研究及綜合規劃事項。」
    parsed = parse("Q0000001")
    assert below(parsed)[:7] == ["企劃處", "文教處", "經濟處", "法政處", "港澳處", "聯絡處", "秘書處"]
    assert duties(parsed, "企劃處")[0] == "關於大陸政策之研究及綜合規劃事項"
    # D0010031 第15條「會計室之職掌如下：」…「八、歲出應付款案件…」「九 年度決算報告之編送及公告事項。」「十、…」: the
    # list goes on past the item typed with a space
    parsed = parse("D0010031")
    assert "年度決算報告之編送及公告事項" in duties(parsed, "會計室")
    assert any(d.startswith("營繕工程與購置") for d in duties(parsed, "會計室"))


def test_punctuation_alone_is_no_duty():
    # T0010002 行政院主計處電子處理資料中心辦事細則「審查輔導組之職掌如左：」「一  各機關申請設置電子計算機之審核
    # 事項。、」
    parsed = parse("T0010002")
    assert "各機關申請設置電子計算機之審核事項" in duties(parsed, "審查輔導組")
    assert not [d for d in parsed.duties if not re.search(r"\w", d.text)]


def test_a_family_named_by_a_word_a_lists_names_end_with():
    # K0000308 交通部公路局各區監理所辦事細則「各區車輛行車事故鑑定會掌理事項如下：」「一、…」 (會 ends a unit's name
    # only as such a subject or in a list of units)
    parsed = parse("K0000308")
    assert "各區車輛行車事故鑑定會" in below(parsed)
    assert any("鑑定意見書之製作" in d for d in duties(parsed, "各區車輛行車事故鑑定會"))


@pytest.mark.parametrize("pcode", ["A0010081", "D0000117", "L0000042"])
def test_a_unit_name_broken_by_a_hard_wrap_inside_a_list(pcode):
    # A0010081 「一、議事組：有關本會會議之議事行政事項。」, D0000117 「一、秘書處掌理…事項。」, L0000042
    # 「五、心理衛生科、…」: each item's name cut by a hard wrap before its last two characters, as a narrow PDF column
    # has it (「一、議事」 + 「組：有關…」, the issue's 「法規委」 + 「員會」), reads as the whole line does.
    text = loaders.read_bytes(corpus.national_file(pcode), f"{pcode}.json")[0]
    want = loaders.parse_text(text, pcode)
    broken, n = text, 0
    for name in {u.path[-1] for u in want.units if len(u.path[-1]) >= 3}:
        broken, k = re.subn(rf"(?m)^([一二三四五六七八九十]+、{re.escape(name[:-2])})(?={re.escape(name[-2:])}[：、]|"
                            rf"{re.escape(name[-2:])}掌理)", r"\1\n", broken)
        n += k
    assert n >= 2
    got = loaders.parse_text(broken, pcode)
    assert [u.path for u in got.units] == [u.path for u in want.units]
    assert sorted((d.unit, d.text) for d in got.duties) == sorted((d.unit, d.text) for d in want.duties)


# ------------------------------------------------------------------ schools' teaching units
def test_a_universitys_colleges_are_its_divisions():
    # F0000049 國防大學組織規程「本校設…戰爭學院、陸軍指揮參謀學院、…理工學院、管理學院、政治作戰學院…」: colleges of
    # the university, no agencies (A0010051 司法院組織法's 法官學院 stays an agency of 司法院)
    kinds = {u.path[-1]: u.kind for u in parse("F0000049").units}
    assert kinds["戰爭學院"] == kinds["理工學院"] == kinds["管理學院"] == "Division"
    assert {u.path[-1]: u.kind for u in parse("A0010051").units}["法官學院"] == "Agency"


def test_a_schools_departments_set_up_by_name():
    # The schools (no national document names its 學系): 「本校設資訊工程學系、…、應用外語系及通識教育中心。」 —
    # a 學系 is a unit wherever it is set up, a 系 in a list with other units (系 alone ends 體系 too).
    parsed = rules("第 2 條", "本處設資訊工程學系、電機工程學系、應用外語系及通識教育中心。")
    assert below(parsed) == ["資訊工程學系", "電機工程學系", "應用外語系", "通識教育中心"]
    # 「一、工學院：設機械工程學系、土木工程學系。」 and, in a list of units, the units alone after the colon
    parsed = rules("第 2 條", "本處設下列教學單位：", "一、工學院：設機械工程學系、土木工程學系。",
                   "二、管理學院：企業管理學系、財務金融學系及資訊管理研究所。", "三、教務處：掌理註冊、課務事項。")
    assert below(parsed) == ["工學院", "工學院/機械工程學系", "工學院/土木工程學系", "管理學院",
                             "管理學院/企業管理學系", "管理學院/財務金融學系", "管理學院/資訊管理研究所", "教務處"]
    assert duties(parsed, "教務處") == ["註冊、課務事項"] and not duties(parsed, "管理學院")


def test_an_items_units_after_its_colon_but_not_a_typo_of_its_set_up():
    # K0000116「一、台北機廠：設計術、工作、材料三組、總務室、勞工安全衛生室及技工養成所。」 (設技術… as typed): 設
    # opens a set-up, no list of names (no 設計術組)
    assert not [u for u in below(parse("K0000116")) if "設計" in u]


def test_an_items_intro_on_a_line_of_its_own():
    # N0010010 勞工保險局辦事細則 第4條「承保處分設五科，各科職掌如下：」「二、工廠事業科：」「掌理工廠、場礦及交通公用
    # 事業等投保單位之下列事項：」「（一）各類異動表之處理事項。」…「三、公司行號科：」「掌理商業、服務業及金融保險業等
    # 公司行號投保單位之下列事項：」…: the list goes on past each unit's intro
    parsed = parse("N0010010")
    got = below(parsed)
    for name in ("新投保科", "工廠事業科", "公司行號科", "職漁團體科", "保險資料科"):
        assert f"承保處/{name}" in got, name
    assert "各類異動表之處理事項" in duties(parsed, "承保處/公司行號科")


def test_the_agency_named_by_the_paragraph_before():
    # L0000033 行政院衛生署所屬醫院暫行組織規程 第3條「前項各醫院兼掌精神病防治及心理衛生指導及研究者，得視業務需要，
    # 增設各科、室，分別掌理下列事項：」「一、成人精神科：…」 (各醫院: the document's own name for its hospitals)
    parsed = parse("L0000033")
    assert {"成人精神科", "兒童精神科", "心理衛生科", "作業指導室"} <= set(below(parsed))
    assert duties(parsed, "成人精神科")


def test_those_of_the_kind_without_a_unit_are_no_unit_and_each_of_the_kind_is_the_family():
    # K0000235 交通部民用航空局各航空站辦事細則 line 101「未設人事室之航空站置人事管理員，…依法辦理人事管理事項。」:
    # the airports without a 人事室, not a unit of their own; line 109「各站掌理事項如下︰」
    # 「一、協助有關飛航安全之執行。」: every airport, the family the document is about.
    parsed = parse("K0000235")
    assert not [u for u in below(parsed) if "未設" in u]
    assert "協助有關飛航安全之執行" in duties(parsed, "")
    held = {(d.text, d.post) for d in parsed.duties if d.unit == parsed.agency}
    assert ("人事管理事項", "人事管理員") in held and ("政風事項", "政風員") in held


def test_a_name_joining_two_bodies_is_one_body():
    # D0020003 國民大會代表立法院立法委員選舉總事務所組織條例 第2條「國民大會代表及立法院立法委員選舉總事務所直隸於
    # 國民政府」: the title drops the 及; the name is one office's, not 立法院 › 立法委員選舉總事務所.
    parsed = parse("D0020003")
    assert parsed.agency[-1] == "國民大會代表立法院立法委員選舉總事務所"
    assert "立法院" not in "".join(parsed.agency[:-1])
    assert {"第一組", "法制組", "會計室"} <= set(below(parsed))


@pytest.mark.parametrize("pcode,duty", [
    # G0300007 財政部法規委員會組織規程 第5條「本會委員分為左列三組，負責法規案件之初審及研究。」
    # 「二、第二組：研審賦稅法規案件。」
    ("G0300007", "研審賦稅法規案件"),
    # A0010052 司法院法規研究委員會組織規程 第6條「本會為便利研究起見，依問題之性質及類別，分為左列各組：」
    # 「二、第二組  掌理刑事法規之研究工作。」
    ("A0010052", "刑事法規之研究工作"),
])
def test_a_committees_members_divided_into_groups(pcode, duty):
    parsed = parse(pcode)
    assert below(parsed) == ["第一組", "第二組", "第三組"]
    assert duty in duties(parsed, "第二組")


def test_staff_assigned_to_a_line_of_work_hold_the_offices_duties():
    # K0010075 臺北運務段辦事細則 第4條「經指派擔任客貨營運業務之人員，負責辦理下列事項：」「四、辦理票證自動化事宜。」;
    # 第6條「經指派擔任總務之人員，負責辦理下列事項：」「二、年度預算編製事項。」: no unit, the 段's duties,
    # held by them.
    parsed = parse("K0010075")
    assert below(parsed) == []
    held = {(d.text, d.post) for d in parsed.duties if d.unit == parsed.agency}
    assert ("票證自動化事宜", "客貨營運業務人員") in held and ("年度預算編製事項", "總務人員") in held


@pytest.mark.parametrize("pcode,unit,duty", [
    # J0010005 第4條「第一課課長承分局長之命綜理課務，並督率所屬辦理左列事項：」「二、關於植物檢疫之執行事項。」
    ("J0010005", "第一課", "關於植物檢疫之執行事項"),
    # J0010004 第6條「第三課課長承分局長之命綜理課務並督率所屬分辦左列事項：」; 第10條「會計室主任承分局長之命，兼受
    # 上級會計機構之業務指導監督，綜理室務，並督率所屬辦理左列事項。」
    ("J0010004", "會計室", None),
    # J0010008 第4條「第一課課長，承分局長之命綜理課務，其職掌如左：」
    ("J0010008", "第一課", None),
])
def test_a_units_head_leading_it_introduces_the_units_duties(pcode, unit, duty):
    parsed = parse(pcode)
    got = duties(parsed, unit)
    assert got and (duty is None or duty in got)
    assert not [d for d in parsed.duties if d.unit == parsed.agency and d.post.endswith(("課長", "主任"))]


def test_a_units_sections_share_out_the_list_after_them():
    # K0010049 基隆港務局辦事細則 第4條「港務組設港灣、繫船二科，分別掌理下列事項：」「六、防颱業務之處理事項。」:
    # the sections are set up, the list is the group's (which section does which the text does not say).
    parsed = parse("K0010049")
    assert {"港務組/港灣科", "港務組/繫船科"} <= set(below(parsed))
    assert "防颱業務之處理事項" in duties(parsed, "港務組")


def test_a_units_business_is_its_duties():
    # D0010035 警察電訊所辦事細則 第4條「第一課業務職掌如下：」「一、警察電訊網路之整體規劃、協調事項。」
    parsed = parse("D0010035")
    assert "警察電訊網路之整體規劃、協調事項" in duties(parsed, "第一課")


def test_a_unit_set_up_in_each_place_is_named_for_it():
    # D0010035 第3條「本所於臺北、新竹、臺中、臺南、高雄、南投、宜蘭、花蓮、臺東及澎湖各設分所，掌理轄內有、無線電
    # 通訊等事項。」: the places are named, so are the ten 分所 (臺北分所 …), as 「設北區、中區分局」 names its 分局;
    # 「分所職掌如下：」 is every one's.
    parsed = parse("D0010035")
    got = below(parsed)
    assert "各分所" not in got
    assert {"臺北分所", "澎湖分所"} <= set(got) and len([u for u in got if u.endswith("分所")]) == 10
    assert "轄內有、無線電通訊等事項" in duties(parsed, "澎湖分所")
    assert set(duties(parsed, "臺北分所")) == set(duties(parsed, "澎湖分所")) and len(duties(parsed, "臺北分所")) > 1


@pytest.mark.parametrize("pcode,junk,kept", [
    # H0000079 第10條「本館得依實際需要，以任務編組方式設置諮詢、典藏、展品審查等委員會」: task forces (no standing
    # unit), and never one called 展品審查等委員會
    ("H0000079", "展品審查等委員會", set()),
    # F0000041 第4條「得設指揮、訓練、專業、執行、支援、研究發展等機構及部隊」: kinds of bodies, none named
    ("F0000041", "研究發展等機構及部隊", set()),
    # L0010004 第3條「本所設檢疫組、…、會計室及基隆、台北、高雄第一、高雄第二、台中、花蓮、蘇澳七個檢疫分所」
    ("L0010004", "蘇澳七個檢疫分所", {"基隆檢疫分所", "高雄第二檢疫分所", "蘇澳檢疫分所"}),
])
def test_a_list_that_ends_with_its_kind(pcode, junk, kept):
    got = set(below(parse(pcode)))
    assert junk not in got and kept <= got
