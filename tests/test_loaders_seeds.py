"""The bundled seeds come out exactly right.

Every expectation below cites the document line it was checked against.
"""
import re
from pathlib import Path

import pytest

from graph_model.graph.graph import OrgGraph
from loaders import detect_genre, load_path

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
BUDGET, ACT, RULES, SOP = (SEEDS / f for f in (
    "001_586683daab11227d.txt", "002_af79314871040b19.txt", "003_ddbe94cb5fa75ce1.txt", "004_cb8c5378b4c98a4f.txt"))


@pytest.fixture(scope="module")
def graph():
    return OrgGraph.build([load_path(p) for p in (BUDGET, ACT, RULES)])


def child_names(graph, uid):
    return [graph.node(c)["name"] for c in graph.children(uid)]


def test_genres_are_detected():
    assert [detect_genre(p.read_text()) for p in (BUDGET, ACT, RULES, SOP)] == \
        ["budget", "org_act", "office_rules", "procedures"]


def test_keelung_customs_has_eleven_divisions_and_four_branch_offices(graph):
    # 001 lines 32-47: items 1-11 are 組/室, items 12-15 are 分關.
    kids = [graph.node(c) for c in graph.children("財政部/關務署/基隆關")]
    assert [k["name"] for k in kids if k["kind"] == "Division"] == [
        "業務一組", "業務二組", "稽查組", "倉棧組", "機動稽核組", "法務緝案組",
        "秘書室", "人事室", "政風室", "主計室", "資訊室"]
    assert [k["name"] for k in kids if k["kind"] == "BranchOffice"] == ["五堵分關", "桃園分關", "八里分關", "花蓮分關"]


def test_customs_administration_has_twelve_units_and_four_customs(graph):
    # 001 lines 13-28 (關務署 items 1-12) and headings (2)-(5) at lines 30, 48, 64, 75.
    kids = [graph.node(c) for c in graph.children("財政部/關務署")]
    assert len([k for k in kids if k["kind"] == "Division"]) == 12
    assert [k["name"] for k in kids if k["kind"] == "Agency"] == ["基隆關", "臺北關", "臺中關", "高雄關"]
    assert graph.parent("財政部/關務署") == "財政部"


def test_keelung_inspection_division_duties_cite_line_34(graph):
    duties = graph.duties_of("財政部/關務署/基隆關/稽查組")
    texts = [d["text"] for d, _ in duties]
    assert texts[0] == "進口、出口及轉運及轉口貨櫃（物）之抽核與儀器檢查"
    assert texts[-1] == "其他有關稽查事項"
    assert len(texts) == 9  # nine ；-separated duties on line 34
    assert {e["line"] for _, e in duties} == {34}
    assert duties[-1][0]["catch_all"] is True


def test_shared_duty_is_one_node_with_many_handlers(graph):
    did = next(d["id"] for d, _ in graph.duties_of("財政部/關務署/基隆關/稽查組")
               if d["text"] == "違章及行政救濟案件之處理")
    handlers = {u["id"] for u, _ in graph.handlers(did)}
    assert "財政部/關務署/臺中關/保稅組" in handlers  # 001 line 69
    assert "財政部/關務署/高雄關/嘉南分關" in handlers  # 001 line 102
    assert len(handlers) > 20


def test_residual_duty_is_flagged(graph):
    texts = {d["text"]: d for d, _ in graph.duties_of("財政部/關務署/秘書室")}
    assert texts["不屬其他各組、室事項"]["residual"] is True  # 001 line 19


def test_programme_results_do_not_leak_into_the_last_unit(graph):
    # 嘉南分關 (001 line 102) is the last unit; 施政目標/成果 start at line 915.
    assert {e["line"] for _, e in graph.duties_of("財政部/關務署/高雄關/嘉南分關")} == {102}
    assert all(e["line"] < 915 for _, _, e in graph.edges("HANDLES") if e["doc"].startswith("001"))


def test_flattened_chart_makes_no_units(graph):
    assert all(n["line"] < 104 for n in graph.units() if n["doc"].startswith("001"))
    parsed = load_path(BUDGET)
    # [image: …]主: the chart's first character
    assert any(u.source.line == 105 and "chart" in u.reason for u in parsed.unplaced)


def test_customs_general_office_units_from_articles_3_4_8_9_10_10_1(graph):
    kids = child_names(graph, "財政部/關稅總局")
    # 第3條 (line 22): 徵課處 … 法制室; 第4條 (26) 總務處; 第8-10-1條 (46-66) 人事/會計/統計/督察/政風室.
    for name in ["徵課處", "稅則處", "查緝處", "驗估處", "保稅退稅處", "海務處", "資料處理處", "法制室",
                 "總務處", "人事室", "會計室", "統計室", "督察室", "政風室"]:
        assert name in kids
    assert graph.node("財政部/關稅總局/燈塔")["kind"] == "Facility"  # 第11條 line 70
    assert graph.node("財政部/關稅總局/政風室")["article"] == "第10-1條"


def test_customs_general_office_agency_duties_and_inferred_assignment(graph):
    agency = graph.duties_of("財政部/關稅總局")
    assert len(agency) == 11  # 第2條 items 一 to 十一, lines 8-18
    assert all(e["basis"] == "explicit" and e["article"] == "第2條" for _, e in agency)
    tariff = graph.duties_of("財政部/關稅總局/稅則處")
    assert [(d["text"], e["basis"]) for d, e in tariff] == [("關稅稅則之研修建議事項", "inferred")]


def test_ipo_patent_division_two_has_six_sections_with_duties(graph):
    sections = child_names(graph, "經濟部/智慧財產局/專利二組")
    assert sections == ["第一科", "第二科", "第三科", "第四科", "第五科", "第六科"]  # 003 lines 27-40
    first = graph.duties_of("經濟部/智慧財產局/專利二組/第一科")
    assert first[0][0]["text"].startswith("半導體類發明專利案之審查")
    assert first[0][1]["line"] == 28 and first[0][1]["article"] == "第6條"


def test_ipo_structure(graph):
    divisions = child_names(graph, "經濟部/智慧財產局")
    assert divisions == ["專利一組", "專利二組", "專利三組", "商標權組", "著作權組", "資料服務組",
                         "國際事務及綜合企劃組", "秘書室", "法務室", "資訊室", "人事室", "會計室", "政風室"]
    section_counts = {d: len(graph.children(f"經濟部/智慧財產局/{d}")) for d in divisions}
    # 「分N科辦事」 in 第5-16條
    assert section_counts == {"專利一組": 4, "專利二組": 6, "專利三組": 5, "商標權組": 6, "著作權組": 3,
                              "資料服務組": 3, "國際事務及綜合企劃組": 4, "秘書室": 5, "法務室": 0,
                              "資訊室": 2, "人事室": 2, "會計室": 2, "政風室": 0}


def test_ipo_document_chapters_do_not_create_duties(graph):
    # 第三章 人事管理 onwards (line 188+) are rules, not structure.
    assert all(e["line"] < 188 for _, _, e in graph.edges("HANDLES") if e["doc"].startswith("003"))


def test_chief_secretary_duties_are_marked_with_the_post(graph):
    duties = graph.duties_of("經濟部/智慧財產局")
    assert [(e["post"], e["line"]) for _, e in duties] == [("主任秘書", 12), ("主任秘書", 13), ("主任秘書", 14)]


def test_same_ministry_across_documents_is_one_node(graph):
    assert graph.parent("財政部/關稅總局") == graph.parent("財政部/關務署") == "財政部"
    assert graph.resolve("關務署") == "財政部/關務署"
    assert graph.resolve("經濟部智慧財產局") == "經濟部/智慧財產局"
    assert graph.resolve("基隆關/稽查組") == "財政部/關務署/基隆關/稽查組"


def test_reloading_gives_the_same_ids():
    first = OrgGraph.build([load_path(BUDGET)]).to_node_link()
    second = OrgGraph.build([load_path(BUDGET)]).to_node_link()
    assert first == second


def test_budget_mandate_gives_the_customs_administration_its_duties(graph):
    # 001 line 8 主要職掌: 「關務署督導所屬各關，辦理對外貿易之貨運管理、關稅稽徵、保稅退稅、私運查緝、貿易統計、
    # 及執行有關外匯及貿易管制之政府各項規定，並受理委託代徵之各種稅捐及其他政府機關委託辦理事項」; the
    # sentence on its legal basis and the one about 所屬各關 give 關務署 nothing.
    duties = graph.duties_of("財政部/關務署")
    assert [d["text"] for d, _ in duties] == [
        "對外貿易之貨運管理", "關稅稽徵", "保稅退稅", "私運查緝", "貿易統計", "執行有關外匯及貿易管制之政府各項規定",
        "受理委託代徵之各種稅捐及其他政府機關委託辦理事項"]
    assert {(e["line"], e["item"]) for _, e in duties} == {(8, "主要職掌")}
    assert not any(d["catch_all"] for d, _ in duties)  # 「及其他政府機關委託辦理事項」 is part of a real duty


def test_respective_duties_follow_the_order_of_the_act(graph):
    # 002 第3條 (line 22) lists 徵課處 … 法制室 in the order of 第2條's items 一 … 十 (lines 8-17): a unit whose
    # name shares words with an item takes it (稅則處 ↔ 二 關稅稅則); one whose name shares none takes the
    # items between its neighbours' (海務處 ↔ 七 燈塔及助航設備, between 保稅退稅處's 六 and 資料處理處's 八).
    inferred = {}
    for unit, _, e in graph.edges("HANDLES"):
        if e["doc"].startswith("002") and e["basis"] == "inferred":
            inferred.setdefault(graph.node(unit)["name"], []).append(e["line"])
    assert inferred == {"徵課處": [8], "稅則處": [9], "查緝處": [10], "驗估處": [11, 12], "保稅退稅處": [13],
                        "海務處": [14], "資料處理處": [15], "法制室": [16, 17]}
    assert graph.duties_of("財政部/關稅總局/海務處")[0][0]["text"] == "燈塔及助航設備之建管、補給及無線電管理事項"


def test_catch_all_of_the_act_is_flagged_and_never_inferred(graph):
    # 002 line 18: 「十一、關於關務之其他事項。」
    last, edge = graph.duties_of("財政部/關稅總局")[-1]
    assert (last["text"], edge["line"], last["catch_all"]) == ("關務之其他事項", 18, True)
    assert [u["id"] for u, _ in graph.handlers(last["id"])] == ["財政部/關稅總局"]


def test_citations_name_the_article_and_the_item(graph):
    from queries.units import show
    assert show(graph, "基隆關/稽查組")["duties"][0]["cite"] == "001_586683daab11227d:34 item 3"  # 3. 稽查組
    assert show(graph, "關稅總局/海務處")["duties"][0]["cite"] == "002_af79314871040b19:14 第2條 item 7"  # 七、
    assert show(graph, "財政部/關務署")["duties"][0]["cite"] == "001_586683daab11227d:8 主要職掌"


def test_truncated_utf8_is_refused_as_truncated(tmp_path):
    from loaders import LoadError
    data = BUDGET.read_bytes()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[:data.index("稽查組".encode()) + 1])  # ends inside 稽
    with pytest.raises(LoadError) as err:
        load_path(cut)
    assert "looks truncated" in str(err.value) and "Big5" not in str(err.value) and "BIG5" not in str(err.value)


def test_budget_mandate_listing_its_duties_gives_one_duty_per_item():
    # The genre's other form: 「主要職掌：本署依法掌理下列事項：」 followed by the items.
    from loaders import parse_text
    text = ("財政部測試署及所屬\n預算總說明\n\n壹、現行法定職掌\n一、主要職掌：本署依法掌理下列事項：\n"
            "(一)全國測試政策之規劃。\n(二)測試業務之督導；其他有關測試事項。\n二、內部分層業務：\n(1) 測試署\n"
            "1. 秘書室：掌理文書；不屬其他各組事項。\n")
    parsed = parse_text(text, "t", genre="budget")
    assert [(d.unit[-1], d.text, d.source.cite()) for d in parsed.duties] == [
        ("測試署", "全國測試政策之規劃", "t:6 主要職掌 item 1"), ("測試署", "測試業務之督導", "t:7 主要職掌 item 2"),
        ("測試署", "其他有關測試事項", "t:7 主要職掌 item 2"),
        ("秘書室", "文書", "t:10 item 1"), ("秘書室", "不屬其他各組事項", "t:10 item 1")]


@pytest.mark.parametrize("space", ["\u3000", " "])
def test_an_article_whose_text_follows_its_number_on_one_line_reads_as_when_apart(tmp_path, space):
    # Word files of office rules write 「第五條　專利一組置組長、副組長各一人，…」 on one line; seed 003 has 「第 5 條」
    # on a line of its own.  Joined so, the article's text made units of 「第5條專利一組」 and the like.
    text = RULES.read_text(encoding="utf-8")
    joined = re.sub(r"^(第 \d+(?:-\d+)? 條)\n", rf"\1{space}", text, flags=re.M)
    assert "第 5 條" + space + "專利一組置組長、副組長各一人,分四科辦事,其掌理事項如下:" in joined
    path = tmp_path / "003-one-line.txt"
    path.write_text(joined, encoding="utf-8")
    apart, together = load_path(RULES), load_path(path)
    assert sorted(u.path for u in together.units) == sorted(u.path for u in apart.units)
    assert [(d.unit, d.text) for d in together.duties] == [(d.unit, d.text) for d in apart.duties]
