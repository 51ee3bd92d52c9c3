"""Units named with words beyond 科/組/室/處 (司, 廳, 館, 會館, and the words of a list of units).

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz), several per convention.
"""
from __future__ import annotations

import re
import sys

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "eval"))

import corpus  # noqa: E402

import loaders  # noqa: E402
from graph_model.records.naming import classify_agency, classify_unit  # noqa: E402


def parse(pcode: str):
    return loaders.parse_bytes(corpus.national_file(pcode), f"{pcode}.json")


def units(parsed) -> dict[str, list]:
    """Last name → records of the units below the document's agency."""
    agency = parsed.agency
    out: dict[str, list] = {}
    for u in parsed.units:
        if len(u.path) > len(agency) and u.path[:len(agency)] == agency:
            out.setdefault(u.path[-1], []).append(u)
    return out


@pytest.mark.parametrize("pcode,line,names", [
    # G0310006 財政部處務規程 第5條「本部設下列司、處：」「一、綜合規劃司，分四科辦事。」…
    ("G0310006", 22, ("綜合規劃司", "國際財政司", "推動促參司")),
    # D0010001 內政部處務規程「一、綜合規劃司，分七科辦事。」…「八、資訊服務司，分七科辦事。」
    ("D0010001", 22, ("綜合規劃司", "民政司", "戶政司", "地政司", "宗教及禮制司", "合作及人民團體司", "役政司",
                      "資訊服務司")),
    # E0010001 外交部處務規程「一、亞東太平洋司，分八科辦事。」…「九、國際傳播司，分八科辦事。」
    ("E0010001", 21, ("亞東太平洋司", "亞西及非洲司", "歐洲司", "北美司", "條約法律司", "國際傳播司")),
])
def test_a_ministrys_departments_are_its_divisions(pcode, line, names):
    parsed = parse(pcode)
    found = units(parsed)
    for name in names:
        [u] = found[name]
        assert u.path[:-1] == parsed.agency and (u.kind, u.unit_type) == ("Division", "司")
        assert re.fullmatch("分[一二三四五六七八九十]+科辦事", u.note), u.note  # 「，分四科辦事。」
    assert found[names[0]][0].source.line == line


def test_a_departments_own_article_gives_it_its_duties():
    # G0310006 第6條「綜合規劃司掌理事項如下：」「一、財政政策、法令、制度與措施之研擬、規劃及協調。」
    duties = [(d.text, d.source.line) for d in parse("G0310006").duties if d.unit[-1] == "綜合規劃司"]
    assert duties[0] == ("財政政策、法令、制度與措施之研擬、規劃及協調", 33)
    assert len(duties) >= 8


@pytest.mark.parametrize("pcode,word", [
    # U0010018 line 22「…交通作業基金下設民航事業作業基金、觀光發展基金、桃園國際機場股份有限公司…」
    ("U0010018", "公司"),
    # J0000071 line 29「本公司為分區管理經營業務，於台北、台中、台南、花蓮各地設分公司，」
    ("J0000071", "公司"),
    # K0010034 line 421「本局設局務會議，以局長、副局長、總工程司、主任秘書…」: a post
    ("K0010034", "工程司"),
])
def test_a_company_or_an_engineers_title_is_no_department(pcode, word):
    assert [n for n in units(parse(pcode)) if n.endswith(word)] == []


def test_a_libraries_and_museums_inside_an_agency_with_their_sections():
    # A0020056 立法院處務規程 line 115「國會圖書館設三科，分掌下列事項：」「一、第一科：」
    # 「（一）關於圖書資訊之選擇採訪事項。」
    # line 150「議政博物館設二科，分掌下列事項：」
    parsed = parse("A0020056")
    found = units(parsed)
    assert [(u.kind, u.unit_type, u.source.line) for u in found["國會圖書館"]] == [("Division", "館", 115)]
    assert [u.source.line for u in found["議政博物館"]] == [150]
    sections = {u.path[-2] for u in found["第一科"]}
    assert {"國會圖書館", "議政博物館"} <= sections
    duties = {(d.unit[-2:], d.text, d.source.line) for d in parsed.duties}
    assert (("國會圖書館", "第一科"), "關於圖書資訊之選擇採訪事項", 117) in duties


def test_a_lodge_listed_among_the_units_a_unit_sets_up():
    # A0020056 line 48「總務處設庶務科、…、營繕科、住宿會館、研究會館、醫務室及警衛隊，分掌下列事項：」
    # line 54「六、住宿會館：關於本院住宿會館之管理與服務等事項。」
    parsed = parse("A0020056")
    found = units(parsed)
    for name in ("住宿會館", "研究會館"):
        assert {(u.path[-2], u.kind, u.unit_type) for u in found[name]} == {("總務處", "Facility", "會館")}
    assert ("住宿會館", "關於本院住宿會館之管理與服務等事項", 54) in {(d.unit[-1], d.text, d.source.line)
                                                              for d in parsed.duties}


def test_a_館_that_is_the_organization_itself_and_one_it_sets_up_after_a_purpose_clause():
    # A0010017 國史館組織條例 line 33「本館為加強臺灣史之研究、修纂及重要史料之審訂、彙編，設臺灣文獻館，
    # 其組織另以法律定之。」
    parsed = parse("A0010017")
    assert parsed.agency[-1] == "國史館"
    own = next(u for u in parsed.units if u.path == parsed.agency)
    assert (own.kind, own.unit_type) == ("Agency", "館") == classify_agency("國史館")
    assert [(u.path[-2], u.source.line) for u in units(parsed)["臺灣文獻館"]] == [("國史館", 33)]


@pytest.mark.parametrize("pcode,name,line", [
    # A0030032 行政院研究發展考核委員會組織條例「本會為辦理政府機關檔案管理工作，設檔案管理局；其組織另以法律定之。」
    ("A0030032", "檔案管理局", 72),
    # A0010100 少年及家事法院組織法「少年及家事法院為辦理強制執行事務，得設執行處，或囑託…」
    ("A0010100", "執行處", 38),
    # D0000069「本署為處理重大災害搶救等應變事宜，應設特種搜救隊及訓練中心；」
    ("D0000069", "訓練中心", 50),
])
def test_a_purpose_clause_before_what_is_set_up(pcode, name, line):
    assert line in [u.source.line for u in units(parse(pcode))[name]]


@pytest.mark.parametrize("pcode,names", [
    # A0020070 司法院處務規程「本院設下列各廳、處、室…：」「一、民事廳，分四科辦事。」
    ("A0020070", ("民事廳", "刑事廳", "行政訴訟及懲戒廳", "少年及家事廳", "司法行政廳")),
    # U0000001 審計部組織法「審計部設下列各廳、室、處：」「一、第一廳：掌理普通公務審計事項。」
    ("U0000001", ("第一廳", "第二廳", "第六廳")),
])
def test_the_halls_of_a_court_or_of_the_audit_ministry(pcode, names):
    found = units(parse(pcode))
    for name in names:
        assert {(u.kind, u.unit_type) for u in found[name]} == {("Division", "廳")}


def test_a_hall_of_an_audit_ministry_has_its_duty():
    duties = {(d.unit[-1], d.text, d.source.line) for d in parse("U0000001").duties}
    assert ("第一廳", "普通公務審計事項", 27) in duties


def test_sections_in_every_court_are_no_unit_named_so():
    # A0020094 行政法院處務規程「書記廳設下列科，…：」「一、各庭各設書記科。」「二、審查科。」
    found = units(parse("A0020094"))
    assert "審查科" in found and not [n for n in found if "各設" in n]


@pytest.mark.parametrize("pcode,expected", [
    # H0010032 國立傳統藝術中心處務規程「本中心設下列組、室、團、館：」「七、國光劇團，分三科辦事。」
    # 「十、臺灣音樂館，分二科辦事。」
    ("H0010032", {"國光劇團": ("Division", "劇團"), "臺灣國樂團": ("Division", "樂團"),
                  "臺灣音樂館": ("Division", "館")}),
    # G0420005 中央印製廠「十、第一工廠。」「十一、第二工廠。」
    ("G0420005", {"第一工廠": ("Facility", "廠"), "第二工廠": ("Facility", "廠")}),
    # M0010069 農業科技園區管理中心「桃園園區。」「蘭花園區。」
    ("M0010069", {"桃園園區": ("Facility", "園區"), "蘭花園區": ("Facility", "園區")}),
    # A0020155 行政院處務規程「法規會，分八科辦事。」
    ("A0020155", {"法規會": ("Committee", "會")}),
])
def test_an_item_of_a_list_of_units_is_a_unit_by_the_lists_words(pcode, expected):
    found = units(parse(pcode))
    for name, kind in expected.items():
        assert {(u.kind, u.unit_type) for u in found[name]} == {kind}, name


@pytest.mark.parametrize("pcode,not_units", [
    # D0010011「本處設下列課、室：」…「七、人事管理員。」「八、會計員。」: posts, not units
    ("D0010011", ("人事管理員", "會計員")),
    # H0000020「校務會議：由校長、處、科、室主任…組成之」: meetings
    ("H0000020", ("校務會議", "行政會議", "教務會議")),
])
def test_posts_and_meetings_in_a_list_stay_no_units(pcode, not_units):
    found = units(parse(pcode))
    assert not set(not_units) & set(found)


def test_a_word_that_ends_a_name_only_in_a_list_of_units():
    # Outside a list a 會 or 廠 name is read only when the text sets it up by a known word.
    assert classify_unit("法規會") == ("Committee", "會") and classify_unit("第一工廠") == ("Facility", "廠")
    assert classify_agency("臺灣電力股份有限公司")[0] == "Agency"


def test_a_range_is_written_only_where_it_is_written():
    # A0020056 line 40「公報處設第一科至第五科及印刷所」; line 208「主計處設四科」 + line 209「一、第一科：」;
    # line 133「中南部服務中心設三科」: their 第一科 were never written as 「第一科至第五科」.
    found = units(parse("A0020056"))
    by_parent = {u.path[-2]: u for u in found["第一科"]}
    assert by_parent["主計處"].source.line == 209 and by_parent["主計處"].written == ""
    assert by_parent["中南部服務中心"].written == ""
    # D0010042「偵查第一大隊至偵查第九大隊」 keeps the range where it is written.
    corps = [u for u in parse("D0010042").units if u.path[-1] == "偵查第一大隊"]
    assert {u.written for u in corps} == {"偵查第一大隊至偵查第九大隊"}


def test_a_name_that_ends_the_agencys_own_name_is_the_agency():
    # K0000083 交通部民用航空局所屬航空站組織通則 line 6「本局所屬航空站掌理下列事項：」「一、航空站之經營管理事項。」
    parsed = parse("K0000083")
    agency = parsed.agency
    assert ("航空站之經營管理事項", 7) in {(d.text, d.source.line) for d in parsed.duties if d.unit == agency}
    # H0000065 國立新竹彰化臺南臺東社會教育館 line 18「社會教育館置組長、室主任…」: the 館 itself, no unit below it
    assert "社會教育館" not in units(parse("H0000065"))


def test_a_list_that_the_agency_sets_up_is_no_subject():
    # D0080096 line 9「本校設教務處、訓導處、總務處、秘書室、科學實驗室、圖書館、各科、推廣教育班、…學生總隊，分掌…」
    found = units(parse("D0080096"))
    assert not [n for n in found if n.startswith(("本校", "為"))]
    assert [u.source.line for u in found["圖書館"]] == [9] and 9 in [u.source.line for u in found["學生總隊"]]


@pytest.mark.parametrize("pcode,name,duty,line", [
    # A0010017 line 33「本館為加強臺灣史之研究、修纂及重要史料之審訂、彙編，設臺灣文獻館，其組織另以法律定之。」
    ("A0010017", "臺灣文獻館", "加強臺灣史之研究、修纂及重要史料之審訂、彙編", 33),
    # A0010095 臺中市議會組織自治條例 line 86「本會為審定議事日程及其他程序相關事項，設程序委員會；」
    ("A0010095", "程序委員會", "審定議事日程及其他程序相關事項", 86),
    # G0300047 line 67「鹽務總局為兼管鹽警事宜，得設鹽務管理處，其組織條例另定之。」
    ("G0300047", "鹽務管理處", "兼管鹽警事宜", 67),
])
def test_what_a_unit_is_set_up_for_is_its_mandate(pcode, name, duty, line):
    assert (duty, line) in {(d.text, d.source.line) for d in parse(pcode).duties if d.unit[-1] == name}


@pytest.mark.parametrize("pcode,name,clause", [
    # D0000038 line 49「本局為應業務需要，設刑事警察隊及直屬船隊；」: a need, no mandate
    ("D0000038", "直屬船隊", "應業務需要"),
    # E0000013 line 10「凡以一國為業務區域者，設代表處，其地位相當於大使館；」: a condition
    ("E0000013", "代表處", "業務區域者"),
    # F0000074 line 18「本部為掌理前條所列事項，得設…」: a pointer to another article
    ("F0000074", "次長室", "前條所列事項"),
])
def test_a_need_a_condition_or_a_pointer_is_no_mandate(pcode, name, clause):
    parsed = parse(pcode)
    assert name in units(parsed)
    assert not [d.text for d in parsed.duties if d.unit[-1] == name and clause in d.text]


@pytest.mark.parametrize("line,names", [
    # A0010053 法院組織法 第10條「法院得設簡易庭，其管轄事件依法律之規定。」
    (82, ("簡易庭",)),
    # 第14條「地方法院分設民事庭、刑事庭，其庭數視事務之繁簡定之；必要時得設專業法庭。」
    (94, ("民事庭", "刑事庭")),
])
def test_a_courts_chambers_are_of_type_庭(line, names):
    chambers = {(u.path[-1], u.unit_type) for u in parse("A0010053").units if u.source.line == line}
    assert {(name, "庭") for name in names} <= chambers


@pytest.mark.parametrize("pcode,name,word", [
    ("A0010021", "國家安全會議", "會議"),  # 國家安全會議組織法
    ("F0000049", "國防大學", "大學"),  # 國防大學組織規程
    ("F0000080", "軍事監獄", "監獄"),  # 國防部軍事監獄組織規程
    ("E0000017", "駐外機構", "機構"),  # 駐外機構組織通則
])
def test_an_agency_is_of_its_kinds_word_not_of_its_last_character(pcode, name, word):
    parsed = parse(pcode)
    assert parsed.agency[-1] == name
    assert {(u.kind, u.unit_type) for u in parsed.units if u.path == parsed.agency} == {("Agency", word)}


def test_a_longer_kind_word_wins_over_the_suffix_it_ends_with():
    # agencies of the national store: 內政部's 地方立法機關 is no customs office (關), 國軍退除役官兵輔導委員會's
    # 榮民工程股份有限公司 no department (司), 行政院's 中央銀行 no 行
    assert classify_agency("地方立法機關") == ("Agency", "機關")
    assert classify_agency("榮民工程股份有限公司") == ("Agency", "公司")
    assert classify_agency("中央銀行") == ("Agency", "銀行")
    # a bare word keeps its suffix: the loaders read a name that is its own type word as no name at all
    assert classify_unit("機關")[1] != "機關" and classify_unit("公司")[1] != "公司"


def test_a_listed_agency_and_station_are_typed_by_their_whole_word():
    # K0000208 交通部民用航空局組織法 第5條「本局之次級機關及其業務如下：」「二、飛航服務總臺：執行臺北飛航情報區…」:
    # an agency (its own 組織條例, K0000046), not a facility of the type 臺.
    [u] = units(parse("K0000208"))["飛航服務總臺"]
    assert (u.kind, u.unit_type) == ("Agency", "總臺")
    # M0010023 漁業廣播電臺辦事細則 第3條「本臺設下列課、室、臺：」「四、澎湖發射臺。」
    [u] = units(parse("M0010023"))["澎湖發射臺"]
    assert (u.kind, u.unit_type) == ("Facility", "發射臺")


@pytest.mark.parametrize("pcode,agency", [
    ("F0150042", "各榮譽國民之家"),  # 國軍退除役官兵輔導委員會各榮譽國民之家辦事細則
    ("D0010068", "北區老人之家"),  # 內政部北區老人之家辦事細則
    ("K0000046", "飛航服務總臺"),  # 交通部民用航空局飛航服務總臺組織條例
])
def test_homes_and_the_flight_service_station_are_agencies_of_their_word(pcode, agency):
    from support import graph_of
    graph = graph_of(pcode)
    [(kind, unit_type)] = [(d["kind"], d["unit_type"]) for _, d in graph.g.nodes(data=True)
                           if d.get("name") == agency and "Unit" in (d.get("labels") or [])]
    assert (kind, unit_type) == ("Agency", agency[-2:])
    assert classify_agency(agency) == ("Agency", agency[-2:])
