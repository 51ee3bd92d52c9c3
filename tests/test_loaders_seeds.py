"""The bundled seeds come out exactly right.

Every expectation below cites the document line it was checked against.
"""
from pathlib import Path

import pytest

from graph_model.graph import OrgGraph
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
    did = next(d["id"] for d, _ in graph.duties_of("財政部/關務署/基隆關/稽查組") if d["text"] == "違章及行政救濟案件之處理")
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
    assert any(u.source.line == 104 and "chart" in u.reason for u in parsed.unplaced)


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
