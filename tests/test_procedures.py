"""Procedures (seed 004) and the rules of office rules (seed 003): parse, graph, queries, chart, CLI.

Every expectation cites the lines of data/seeds/004_cb8c5378b4c98a4f.txt (or 003)
it was checked against.
"""
from __future__ import annotations

import copy
import re

import pytest

from graph_model.graph.graph import OrgGraph
from graph_model.records.records import Actor, Source, TimeLimit
from loaders import load_path
from loaders.procedures.procedures import office_rule_procedures
from loaders.read.text import logical_lines
from queries.charts.chart import ChartError
from queries.charts.procedure_chart import procedure_chart
from queries.procedure import (
    AmbiguousProcedure,
    UnknownProcedure,
    procedure,
    procedure_documents,
    procedures_based_on,
    procedures_of,
    render_procedure,
)
from support import SEED_ACT, SEED_BUDGET, SEED_RULES, SEED_SOP

SOP_DOC = SEED_SOP.stem
RULES_DOC = SEED_RULES.stem

# Every procedure title of seed 004 with its line: 34 procedures (the title at 691 and 718 is one title
# written twice, told apart by its 【子女在國內就學】/【子女在國外就學】 qualifier).
TITLES = [
    (3, "經濟部駐外經濟商務機構商務人員特種考試作業程序"),
    (90, "經濟部駐外經濟商務機構條戳更換作業程序"),
    (112, "經濟部駐外經濟商務機構人才儲備甄選事宜"),
    (130, "經濟部駐外經濟商務機構商務人員輪調作業程序"),
    (147, "經濟部駐外經濟商務機構商務人員調整對外名義或加銜作業程序"),
    (164, "經濟部駐外機構人員申請護照及簽證作業流程"),
    (205, "經濟部駐外機構人員赴任辦理保留戶籍程序"),
    (225, "經濟部駐外經濟商務機構赴任商務人員緩徵作業流程"),
    (254, "經濟部駐外機構人員銓審作業程序"),
    (279, "經濟部駐外機構人員請任免作業程序"),
    (300, "經濟部駐外機構人員申請行李通關作業流程"),
    (333, "經濟部駐外機構主管交接清冊辦理程序"),
    (352, "經濟部駐外機構人員返國述職辦理程序"),
    (360, "經濟部駐外經濟商務機構商務人員留職停薪及復職申請"),
    (394, "經濟部駐外經濟商務機構工作績效考評作業程序"),
    (426, "經濟部駐外機構人員獎懲作業"),
    (453, "經濟部駐外經濟商務機構商務人員服務獎章請頒及獎勵金申請處理作業"),
    (525, "經濟部駐外機構人員差勤管理作業程序"),
    (548, "經濟部駐外機構人員休假補助費核發程序"),
    (577, "經濟部駐外經濟商務機構商務人員撫卹作業程序"),
    (646, "經濟部駐外機構人員辦理眷屬補助費申領作業程序"),
    (691, "經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國內就學）"),
    (718, "經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國外就學）"),
    (754, "經濟部駐外機構人員子女申請就學作業程序"),
    (789, "經濟部駐外經濟商務機構商務人員子女申請大學入學作業程序"),
    (830, "經濟部辦理駐外機構人員購買機票及川裝費作業程序"),
    (873, "經濟部駐外經濟商務機構雇員（含專撥約雇員）僱用程序"),
    (900, "經濟部駐外機構辦公室租約作業程序"),
    (913, "經濟部駐外機構合署辦公作業程序"),
    (925, "經濟部駐外機構通訊錄製作流程"),
    (960, "經濟部駐外機構人事資料管理（現有員額數考核部分）"),
    (980, "經濟部駐外機構人事資料管理（個人人事資料正確性部分）"),
    (1000, "經濟部駐外機構人員申請電子郵件位址及電腦設備作業流程"),
    (1011, "經濟部駐外機構人員申請中、英文證明作業流程"),
]

# line: (laws, steps, NEXT edges, forms, responsible units, time in days) — counted in the text:
COUNTS = {
    # 8-13: six listed, three of them 「…及其施行細則」 (two laws each); no flow text (17: 「D日為考試舉辦日」);
    # 87: seven forms in the 使用書表 cell; 考選部 (33, 審議 37), 人事行政總處 (轉請 37), 保訓會 (核定 55),
    # 人事單位 → 人事處 (80, inferred), 考試院 (發給 80).
    3: (9, 0, 0, 7, 6, None),
    # 302; 306-331: two branches (調部, 外派) of three boxes each; 3 日 each; 人事處, 基隆關稅局, 保三總隊.
    300: (1, 6, 4, 0, 4, 3),
    # 355; mermaid at 356: A→B, B→C, B→D, C→E, D→E; 作業時間 30; 358: one form; 357: 國際貿易局 核辦.
    352: (1, 5, 5, 1, 2, 30),
    # 579: three listed, the first with 施行細則; mermaid at 581: 13 nodes, 12 arrows; no 作業時間 value;
    # forms 585-592 (8) and 632-636 (5), 撫卹事實表 and 同一順序遺族領卹代表同意書 written twice → 11;
    # units: 人事單位 → 人事處 (inferred), 銓敘部 (核辦 602), 人事行政總處 (副知 603), 內政部中部辦公室 (628).
    577: (4, 13, 12, 11, 5, None),
    # 457-459; 463-487: 請核頒獎章部分 (7 boxes), 服務獎章獎勵金部分 (3 boxes); 約 7 日; 522-523.
    453: (3, 10, 8, 2, 5, 7),
    # 650; 654-656: two boxes; 30日 (660); 689; 人事處 (654).
    646: (1, 2, 1, 1, 2, 30),
    # 834; 840-844: two boxes; 1 日 至 3 日 (846-850); 871; 人事處 彙辦/審核, 國際貿易局 and its 會計室、秘書室,
    # 會計處, 總務司 續辦 (844), 國際貿易局秘書室事務科 核發 (861).
    830: (1, 2, 1, 1, 8, 3),
    # no law (927); 931-946: nine boxes; 60日 (950); 957-958; 人事處 (核定 936, 校對 942), 總務司 (940, 944).
    925: (0, 9, 8, 2, 3, 60),
    # 398; flow is an image; 422-424; 考評 by 國際貿易局, 投資業務處, 工業局, 國際合作處, 人事處, 會計處 (407-409).
    394: (1, 0, 0, 3, 7, None),
    # 166; 201-203; 領事事務局 (176, 截角註銷 194), 外交部 (176), 人事處 (194, 協助 196).
    164: (1, 0, 0, 3, 4, None),
    # 258-261: four listed, three with 施行細則; 275-277; 人事主管人員 → 人事處 (查核 270, inferred).
    254: (7, 0, 0, 3, 2, None),
    # 692: no 法令依據 in this half; 716; 人事單位 複核 → 人事處 (701, inferred).
    691: (0, 0, 0, 1, 2, None),
    # 722; 749, 752.
    718: (1, 0, 0, 2, 1, None),
    # 964; 作業時間 ←—— 3日 ——→ (970).
    960: (1, 0, 0, 0, 1, 3),
    # 917: 「駐外機構統一指揮要點」第 19 點規定.
    913: (1, 0, 0, 0, 1, None),
}


@pytest.fixture(scope="module")
def sop():
    return load_path(SEED_SOP)


@pytest.fixture(scope="module")
def procs(sop):
    return {p.source.line: p for p in sop.procedures}


@pytest.fixture(scope="module")
def rules_doc():
    """Seed 003 with its rules parsed by office_rule_procedures (as the office_rules loader does)."""
    parsed = copy.deepcopy(load_path(SEED_RULES))
    lines = logical_lines(SEED_RULES.read_text(encoding="utf-8"))
    parsed.procedures = office_rule_procedures(lines, ("經濟部", "智慧財產局"), RULES_DOC,
                                               units=[u.path for u in parsed.units])
    return parsed


@pytest.fixture(scope="module")
def graph(sop, rules_doc):
    return OrgGraph.build([load_path(SEED_BUDGET), load_path(SEED_ACT), rules_doc, sop])


def _units(proc):
    return list(dict.fromkeys(u.unit for u in proc.units))


# --------------------------------------------------------------------------- parsing seed 004
def test_every_procedure_is_found(sop):
    assert [(p.source.line, p.title) for p in sop.procedures] == TITLES
    assert len({p.id for p in sop.procedures}) == 34
    assert sop.unplaced == []


def test_the_repeated_title_keeps_its_qualifiers(procs):
    # 691-692 and 718-719: one title, two procedures.
    assert procs[691].qualifier == "子女在國內就學" and procs[718].qualifier == "子女在國外就學"
    assert procs[691].title_as_written == procs[718].title_as_written == "經濟部駐外機構人員辦理子女教育補助費作業程序"
    assert procs[691].source.end_line < 718


def test_self_reference_resolved_in_titles(procs):
    # 3: 「本部駐外…」 is 經濟部's.
    assert procs[3].title_as_written.startswith("本部") and procs[3].title.startswith("經濟部")
    assert all(p.agency == ("經濟部",) for p in procs.values())


@pytest.mark.parametrize("line", sorted(COUNTS))
def test_counts_against_the_text(procs, line):
    laws, steps, edges, forms, units, days = COUNTS[line]
    p = procs[line]
    assert (len(p.laws), len(p.steps), len(p.flow), len(p.forms), len(_units(p))) == \
        (laws, steps, edges, forms, units)
    assert (p.time.days if p.time else None) == days


def test_mermaid_chart_of_the_pension_procedure(procs):
    p = procs[577]  # 581: graph TD Start{{公務人員在職亡故}} --> Branch1[因公死亡] …
    steps = {s.n: s for s in p.steps}
    assert (steps[1].text, steps[1].shape) == ("公務人員在職亡故", "hexagon")
    assert (steps[7].text, steps[7].shape) == ("是否符合", "decision")
    assert steps[8].text == ""  # RightCol[]: an empty box
    assert (steps[13].text, steps[13].shape) == ("A", "circle")  # End((A)): connector to the next page
    branches = sorted((e.to_step, e.label) for e in p.flow if e.from_step == 7)
    assert branches == [(8, "否"), (9, "是")]
    assert sorted(e.to_step for e in p.flow if e.from_step == 1) == [2, 3]  # 因公死亡 / 病故或意外死亡
    assert [s.n for s in p.steps if s.unit_only] == [6, 10, 12]  # Step3/5/7[人事單位]
    assert p.time is None  # 581: the 作業時間 column is empty


def test_mermaid_chart_of_home_leave(procs):
    p = procs[352]  # 356: A --> B; B --> C; B --> D; C --> E; D --> E; 作業時間 30
    assert [(e.from_step, e.to_step) for e in p.flow] == [(1, 2), (2, 3), (2, 4), (3, 5), (4, 5)]
    assert p.steps[1].text.startswith("1.由本部每年年底調查")
    assert p.time.days == 30
    assert [n.marker for n in p.notes] == ["1", "2", "3", "4"]  # 357: <ol> 1. … 4.


def test_branches_and_time_of_baggage_clearance(procs):
    p = procs[300]  # 306 「1. 調部」, 319 「2. 外派」; 作業時間 3 日 at 314-317 and 327-331
    assert [s.branch for s in p.steps] == ["調部"] * 3 + ["外派"] * 3
    assert p.steps[3].notes == ["外派商務人員委託包裝公司申請亦可"]  # 321 (…亦可)
    assert p.time.text == "3日"


def test_step_remarks_are_split_from_the_step(procs):
    first = procs[453].steps[0]  # 465-467
    assert first.text == "人事單位於公務人員退休（職）、資遣、辭職或死亡請頒"
    assert first.notes[0] == "1.於案件經核定或事實發生之日起3個月內辦理"
    assert [s.branch for s in procs[453].steps] == ["請核頒獎章部分"] * 7 + ["服務獎章獎勵金部分"] * 3


def test_time_ranges_and_undated_time(procs):
    assert (procs[830].time.min_days, procs[830].time.days) == (1, 3)  # 846-850: 1 日 至 3 日
    assert procs[980].time.days == 3  # 990: ←————— 3 日 —————→
    assert procs[3].time == TimeLimit("D日為考試舉辦日", Source(SOP_DOC, 17, 17), None, None)  # 17


def test_laws(procs):
    assert [ln.name for ln in procs[3].laws][:2] == ["公務人員任用法", "公務人員任用法施行細則"]  # 8
    law = procs[913].laws[0]  # 917
    assert (law.name, law.article, law.source.line) == ("駐外機構統一指揮要點", "第19點", 917)
    law = procs[225].laws[4]  # 233: 國防部頒「…」
    assert (law.name, law.issuer) == ("後備軍人及補充兵緩召、逐次與儘召處理規定", "國防部")
    assert procs[1000].laws[0].issuer == "經濟部資訊中心"  # 1002: 本部資訊中心訂定之「…」


def test_forms(procs):
    assert [f.name for f in procs[3].forms][0] == "錄取名單"  # 87
    pension = {f.name: f for f in procs[577].forms}
    assert pension["公務人員撫卹事實表"].also_written == ["撫卹事實表"]  # 585 and 632
    assert pension["公務人員撫卹事實表"].lines == [585, 632]
    assert "死亡證明書" in pension and "公務人員因公死亡證明書" in pension  # 586 ≠ 633
    assert pension["因公死亡證明書及相關證明文件"].note == "因公死亡者另附；註3"  # 591
    assert procs[164].forms_note.startswith("至外交部領事事務局網頁")  # 199


def test_notes_keep_their_nesting_and_tables(procs):
    notes = procs[360].notes  # 372-373, then the 權責單位/注意事項 cells of 381-391
    assert [n.kind for n in notes] == ["note", "note", "remark", "note", "note", "remark", "note"]
    assert notes[2].text == "註1：期間屆滿前或留職停薪原因消失"
    rows = [n.text for n in procs[577].notes if "｜" in n.text]  # 613-620: one note per table row
    assert len(rows) == 8 and rows[1] == "第1款｜冒險犯難或戰地殉職。｜撫卹法施行細則第5條"
    perf = procs[394].notes[1].text  # 407-409: a hard wrap across a blank line, joined back
    assert perf.endswith("（f）其他行政工作（由國際貿易局、本部人事處及會計處考評）。")


def test_units_and_roles(procs):
    def roles(line):
        return {("/".join(u.unit), u.role) for u in procs[line].units}

    assert ("經濟部/國際貿易局", "核辦") in roles(352)  # 357 送國際貿易局核辦
    assert {("經濟部/人事處", "彙辦"), ("經濟部/人事處", "審核"), ("經濟部/總務司", "續辦")} <= roles(830)  # 840-844
    assert {("考選部", "審議"), ("行政院/人事行政總處", "轉請"), ("公務人員保障暨培訓委員會", "核定")} <= roles(3)
    assert {("外交部/領事事務局", "截角註銷"), ("經濟部/人事處", "協助")} <= roles(164)  # 194, 196
    assert ("經濟部/人事處", "權責單位") in roles(360)  # 381: 權責單位 | 人事單位
    assert ("行政院/大陸委員會", "同意") in roles(130)  # 144
    owner = procs[300].units[0]
    assert (owner.unit, owner.role, owner.source.line) == (("經濟部",), "主辦機關", 300)
    post = next(u for u in procs[925].units if u.role == "核定")  # 936 簽報本(人事)處處長核定
    assert (post.unit, post.post) == (("經濟部", "人事處"), "處長")
    inferred = next(u for u in procs[577].units if u.unit == ("經濟部", "人事處"))
    assert inferred.basis == "inferred"  # 581: 「人事單位」, the agency's personnel office


def test_units_named_without_a_role(procs):
    # 125: 「儲備對象：本部國際合作處、…投資審議委員會直接負責處理涉外事務有關人員」 — sources of candidates.
    assert [u.unit[-1] for u in procs[112].named] == [
        "國際合作處", "投資業務處", "工業局", "國際貿易局", "智慧財產局", "標準檢驗局", "加工出口區管理處",
        "中小企業處", "投資審議委員會"]
    assert _units(procs[112]) == [("經濟部",)]


def test_unit_records_resolved_and_created_once(sop):
    units = {u.path: u for u in sop.units}
    assert len(units) == len(sop.units)
    expected = {
        ("經濟部",): "Agency", ("經濟部", "人事處"): "Division", ("經濟部", "國際貿易局"): "Agency",
        ("經濟部", "智慧財產局"): "Agency", ("考選部",): "Agency", ("公務人員保障暨培訓委員會",): "Agency",
        ("外交部", "領事事務局"): "Agency", ("行政院", "人事行政總處"): "Agency", ("經濟部", "總務司"): "Division",
        ("財政部", "關稅總局", "基隆關稅局"): "Agency", ("內政部", "警政署", "保安警察第三總隊"): "Division",
    }
    assert {path: units[path].kind for path in expected} == expected
    assert not any(p[0] in ("本部", "本局") for p in units)


def test_no_markup_leaks(sop):
    leak = re.compile(r"<|>|\*\*|graph TD|-->|&nbsp;|\t|^\s*[-•]\s")

    def texts(p):
        yield p.title
        yield from (law.name for law in p.laws)
        for s in p.steps:
            yield s.text
            yield from s.notes
        yield from (n.text for n in p.notes)
        yield from (f.name for f in p.forms)
        yield p.forms_note

    bad = [(p.source.line, t) for p in sop.procedures for t in texts(p) if leak.search(t)]
    assert bad == []


# --------------------------------------------------------------------------- the graph
def test_graph_nodes_relationships_and_provenance(graph):
    pid = "procedure:經濟部駐外經濟商務機構商務人員撫卹作業程序"
    node = graph.node(pid)
    assert node["labels"] == ["Procedure"] and (node["doc"], node["line"]) == (SOP_DOC, 577)
    steps = [v for _, v, d in graph.g.out_edges(pid, data=True) if d["type"] == "HAS_STEP"]
    assert len(steps) == 13 and f"step:{node['title']}:7" in steps
    conditions = sorted(d["condition"] for _, _, d in graph.g.out_edges(f"step:{node['title']}:7", data=True))
    assert conditions == ["否", "是"]
    for label in ("Procedure", "Step", "Law", "Form"):
        for n in graph.nodes_with_label(label):
            assert n["doc"] and n["line"] > 0, n["id"]
    for rel in ("RESPONSIBLE_FOR", "NAMED_IN", "HAS_STEP", "NEXT", "BASED_ON", "USES_FORM"):
        edges = list(graph.edges(rel))
        assert edges, rel
        assert all(d["doc"] and d["line"] > 0 for _, _, d in edges), rel


def test_laws_and_forms_are_shared(graph):
    # 公務人員任用法 is listed at 8, 133, 258 and 283.
    lines = sorted(graph.node(u)["line"] for u, _, d in graph.g.in_edges("law:公務人員任用法", data=True))
    assert lines == [3, 130, 254, 279]
    based = procedures_based_on(graph, "返國入學辦法")  # 758, 793
    assert [r["procedure"].split(":")[1][-12:] for r in based] == ["人員子女申請就學作業程序",
                                                                  "子女申請大學入學作業程序"]
    users = [u for u, _, d in graph.g.in_edges("form:政府派赴國外工作人員子女返國入學申請表", data=True)]
    assert len(users) == 2  # 787, 828


def test_units_merge_with_the_office_rules_agency(graph):
    # 智慧財產局 of 004:125 is 經濟部智慧財產局 of seed 003: one node, set up by 003.
    node = graph.node("經濟部/智慧財產局")
    assert node["kind"] == "Agency" and not node["implied"]
    assert {s["doc"] for s in node["sources"]} >= {RULES_DOC}
    assert len([u for u in graph.units() if u["name"] == "智慧財產局"]) == 1
    assert graph.node("經濟部/人事處")["kind"] == "Division"


def test_procedures_of_a_unit(graph):
    titles = [r["title"] for r in procedures_of(graph, "國際貿易局")]
    assert "經濟部駐外機構人員返國述職辦理程序" in titles and "經濟部駐外經濟商務機構工作績效考評作業程序" in titles


# --------------------------------------------------------------------------- queries
def test_procedure_lookup(graph):
    assert procedure(graph, "撫卹")["line"] == 577
    assert procedure(graph, "留職停薪復職")["line"] == 360  # characters in order: 留職停薪「及」復職
    with pytest.raises(AmbiguousProcedure) as err:
        procedure(graph, "子女教育補助")
    assert len(err.value.candidates) == 2
    assert procedure(graph, "國外就學")["line"] == 718
    with pytest.raises(UnknownProcedure):
        procedure(graph, "火星探測")


def test_procedure_view_of_the_pension_procedure(graph):
    info = procedure(graph, "撫卹")
    assert [ln["name"] for ln in info["laws"]] == ["公務人員撫卹法", "公務人員撫卹法施行細則",
                                                 "公務人員勳績撫卹金給與標準", "公務人員死亡殮葬補助費給與標準"]
    assert info["steps"][6]["next"] == [{"n": 8, "condition": "否"}, {"n": 9, "condition": "是"}]
    assert [u["unit"] for u in info["units"]] == ["經濟部", "經濟部/人事處", "銓敘部", "行政院/人事行政總處",
                                                  "內政部/中部辦公室"]
    text = render_procedure(info)
    assert "  7. 是否符合  [decision]" in text and "next: 否 → 8, 是 → 9" in text
    assert "  8. （空白）" in text


def test_procedure_documents_for_which(graph):
    docs = list(procedure_documents(graph))
    assert all(len(d) == 6 for d in docs)
    # 701: 「經人事單位複核後」 in the notes of 子女教育補助 (國內就學).
    hit = [d for d in docs if d.line == 701 and d.doc == SOP_DOC]
    assert [(d.unit_id, d.step_id) for d in hit] == [("經濟部/人事處", None)]
    assert hit[0].procedure_id.endswith("（子女在國內就學）")
    # 357: 返國述職機票 → 國際貿易局 核辦.
    assert any(d.unit_id == "經濟部/國際貿易局" and d.line == 357 for d in docs)
    # steps carry their step id; titles once per responsible unit
    step = [d for d in docs if d.step_id == "step:經濟部駐外機構人員申請行李通關作業流程:3"]
    assert [d.unit_id for d in step] == ["財政部/關稅總局/基隆關稅局", "內政部/警政署/保安警察第三總隊"]
    titles = [d.unit_id for d in docs if d.step_id is None and d.text == "經濟部駐外機構人員申請行李通關作業流程"]
    assert titles == ["經濟部", "經濟部/人事處", "財政部/關稅總局/基隆關稅局", "內政部/警政署/保安警察第三總隊"]


# --------------------------------------------------------------------------- rules of office rules (seed 003)
def test_rules_of_document_handling_and_delegation(rules_doc):
    rules = {r.source.article: r for r in rules_doc.procedures}
    assert sorted(rules, key=lambda a: int(a[1:-1])) == ["第26條", "第29條", "第32條", "第34條", "第35條", "第55條",
                                                         "第56條", "第57條", "第59條"]
    extension = rules["第35條"]  # 285-286
    assert extension.title == "經濟部智慧財產局辦事細則第35條（展期）"
    assert [(s.terms.deciders, s.terms.min_days, s.terms.max_days) for s in extension.steps[:3]] == [
        (("主管科長",), None, 7), (("單位主管",), 7, 30), (("機關首長",), 30, None)]
    assert extension.steps[0].source == Source(RULES_DOC, 285, 286, "第35條", "1")
    limits = rules["第34條"].steps  # 257-259
    assert [(s.branch, s.text, s.terms.days) for s in limits[:3]] == [
        ("一般公文", "最速件：一日。", 1), ("一般公文", "速件：三日。", 3), ("一般公文", "普通件：六日。", 6)]
    errors = rules["第59條"].steps  # 435-443
    assert errors[0].terms.deciders == ("第三層主管",)
    assert errors[2].terms.deciders == ("承辦單位主管", "擬稿人員", "會辦單位主管", "經辦人員")
    assert rules["第56條"].steps[2].terms.deciders == ("局長", "副局長")  # 425
    assert rules["第26條"].steps[3].terms.hours == 4  # 223 工作時間四小時內


def test_rules_in_the_graph_answer_who_decides(graph):
    info = procedure(graph, "展期")
    assert info["kind"] == "rule" and graph.node(info["id"])["labels"] == ["Procedure", "Rule"]
    assert info["units"][0]["unit"] == "經濟部/智慧財產局"
    text = render_procedure(info)
    assert "decides: 主管科長" in text and "time: up to 7 days" in text
    hits = [d for d in procedure_documents(graph) if "展期" in d.text and d.step_id]
    assert (hits[0].text, hits[0].unit_id, hits[0].line) == ("一般公文展期天數七日以內者，由主管科長核定",
                                                             "經濟部/智慧財產局", 285)


# --------------------------------------------------------------------------- chart
def test_chart_of_a_flow(graph):
    c = procedure_chart(graph, "撫卹")
    dot = c.to_string()
    assert c.steps[0] == "step:經濟部駐外經濟商務機構商務人員撫卹作業程序:1"
    assert 'fontname="Noto Sans CJK TC"' in dot
    assert dot.count("shape=diamond") == 1 and dot.count("shape=hexagon") == 1
    assert 'label="否"' in dot and 'label="是"' in dot
    assert dot.count(" -> ") == 12
    branches = procedure_chart(graph, "行李通關").to_string()
    assert branches.count("subgraph cluster_") == 2 and 'label="調部"' in branches
    assert procedure_chart(graph, "撫卹").to_string() == dot  # deterministic


def test_chart_of_a_procedure_without_flow_text(graph):
    with pytest.raises(ChartError, match="image in the source"):
        procedure_chart(graph, "條戳更換")


def test_chart_of_a_rule(graph):
    dot = procedure_chart(graph, "展期").to_string()
    assert dot.count(" -> ") == 4 and "主管科長" in dot


# --------------------------------------------------------------------------- CLI (bundled corpus)
BAGGAGE = """\
經濟部駐外機構人員申請行李通關作業流程
  id:      procedure:經濟部駐外機構人員申請行李通關作業流程
  agency:  經濟部
  source:  004_cb8c5378b4c98a4f:300-331
  time:    3 days (3日)
Legal basis (1):
  1. 政府派駐國外人員任滿調回攜帶自用物品辦法  [004_cb8c5378b4c98a4f:302]
Steps (6):
  [調部]
  1. 調部服務人員提供貨櫃提單（Bill）及物品清單（Packing List）影本各1份
     next: 2
  2. 人事處
     by: 經濟部/人事處 (辦理)
     next: 3
  3. 財政部基隆關稅局、保三總隊
     by: 財政部/關稅總局/基隆關稅局 (辦理); 內政部/警政署/保安警察第三總隊 (辦理)
  [外派]
  4. 外派人員以書面或電話申請通知
     note: 外派商務人員委託包裝公司申請亦可
     next: 5
  5. 人事處
     by: 經濟部/人事處 (辦理)
     next: 6
  6. 財政部基隆關稅局
     by: 財政部/關稅總局/基隆關稅局 (辦理)
Units (4):
  經濟部: 主辦機關  [004_cb8c5378b4c98a4f:300]
  經濟部/人事處: 辦理  (step 2)  [004_cb8c5378b4c98a4f:310]
  財政部/關稅總局/基隆關稅局: 辦理  (step 3)  [004_cb8c5378b4c98a4f:312]
  內政部/警政署/保安警察第三總隊: 辦理  (step 3)  [004_cb8c5378b4c98a4f:312]
Forms (0)
Notes (0)
"""


def test_cli_procedure_exact_output(run):
    result = run("procedure", "行李通關")
    assert result.exit_code == 0
    assert result.stdout == BAGGAGE


def test_cli_procedure_json(run):
    import json
    result = run("procedure", "返國述職", "--json")
    data = json.loads(result.stdout)
    assert (data["line"], data["time"]["days"], len(data["steps"])) == (352, 30, 5)


def test_cli_procedure_errors(run):
    result = run("procedure", "子女教育補助")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: '子女教育補助' names 2 procedures; use a longer name: ")
    result = run("procedure", "火星探測")
    assert (result.exit_code, result.stderr) == (1, "Error: no procedure named '火星探測'\n")


def test_write_procedure_chart_renders_with_graphviz(graph, tmp_path):
    from queries.charts.procedure_chart import write_procedure_chart
    dot = write_procedure_chart(graph, "通訊錄", tmp_path / "flow.dot")
    assert (tmp_path / "flow.dot").read_text(encoding="utf-8") == dot.to_string()
    assert dot.units == ["經濟部/人事處", "經濟部/總務司"]  # 936-944
    svg = write_procedure_chart(graph, "撫卹", tmp_path / "flow.svg")
    assert svg.warnings == [] and "是否符合" in (tmp_path / "flow.svg").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- other shapes of procedure text
OTHER = """\
財政部關務署員工差假申請作業程序

一、法令依據：公務人員請假規則

二、處理流程：
申請人填具假單 → 單位主管核准 → 人事室登記

```mermaid
graph LR
  A[收件] -->|合格| B[本署秘書室彙辦]
  A -->|不合格| C[退件]
```

作業時間：約5個工作天

三、作業注意事項
1. 請假應事先辦理，並送本署人事室核備。

四、使用表格
請假單
"""


def test_arrow_chains_fenced_mermaid_and_working_days():
    from loaders import parse_text
    parsed = parse_text(OTHER, "sop", genre=None)
    assert parsed.document.genre == "procedures"
    [p] = parsed.procedures
    assert [s.text for s in p.steps] == [
        "申請人填具假單", "單位主管核准", "人事室登記", "收件", "本署秘書室彙辦", "退件"]
    assert [(e.from_step, e.to_step, e.label) for e in p.flow] == [(1, 2, ""), (2, 3, ""), (4, 5, "合格"),
                                                                   (4, 6, "不合格")]
    assert [s.key for s in p.steps] == ["", "", "", "A", "B", "C"]  # mermaid boxes keep their keys
    assert p.time.days == 5
    assert p.steps[4].actors == [Actor(("財政部", "關務署", "秘書室"), "彙辦", "explicit")]
    assert {u.path for u in parsed.units} == {("財政部",), ("財政部", "關務署"), ("財政部", "關務署", "人事室"),
                                              ("財政部", "關務署", "秘書室")}


def test_procedures_survive_the_store_round_trip(sop):
    import json

    from graph_model.records.records import parsed_from_dict, to_dict
    again = parsed_from_dict(json.loads(json.dumps(to_dict(sop), ensure_ascii=False)))
    assert again == sop
    a, b = OrgGraph.build([sop]), OrgGraph.build([again])
    assert a.to_node_link() == b.to_node_link()


def test_short_numbered_steps_are_steps_not_branches():
    from loaders import parse_text
    text = "內政部警政署員工文具請領作業程序\n一、法令依據：物品管理手冊\n二、處理流程\n1. 填單\n2. 審核\n3. 發給\n"
    [p] = parse_text(text, "sop2").procedures
    assert [(s.text, s.branch) for s in p.steps] == [("填單", ""), ("審核", ""), ("發給", "")]
    assert len(p.flow) == 2


def test_which_entries_index_steps_and_notes_with_their_acting_units(graph):
    from queries.procedure import which_entries
    entries = list(which_entries(graph))
    assert {e.kind for e in entries} == {"procedure"}
    by_ref = {}
    for e in entries:
        by_ref.setdefault(e.ref, []).append(e)
    # 285: a clause of a rule answers with its agency (the deciders are its posts)
    [clause] = by_ref["step:經濟部智慧財產局辦事細則第35條（展期）:1"]
    assert [h.unit for h in clause.handlers] == ["經濟部/智慧財產局"]
    # 357: the note naming 國際貿易局 核辦; a note naming no acting unit is not indexed by default
    notes = [e for e in by_ref["procedure:經濟部駐外機構人員返國述職辦理程序"] if e.text.startswith("往返機票")]
    assert [h.unit for n in notes for h in n.handlers] == ["經濟部/國際貿易局"]
    assert not [e for e in entries if e.text.startswith("返國期間：")]  # 357 note 1 names no unit


# --------------------------------------------------------------------------- office rules loaded with their rules
CORPUS_RULES = {
    # 07: 第三章 職責 (726-748): 分層負責 (727), 意見不同 陳由局長核定 (730-731), responsibility for errors (733-745),
    # 代理 (747-748).
    "07_kaohsiung_ntb_office_rules": ["第22條", "第23條", "第24條", "第25條"],
    # 08: 第三章 權責 (248-341): 第12-17條 are the powers of posts (綜理, 權責如下, 承長官之命): no rule;
    # 分層負責 (307), 代判 (309-310), 意見不同 (312-314), errors (316-337), 代理 (339-341).
    "08_cip_office_rules": ["第18條", "第19條", "第20條", "第21條", "第22條"],
    # 09: 第三章 權責 (392-422): 第16-18條 are posts' powers; 第19條 分層負責 (422).
    "09_epa_office_rules": ["第19條"],
    # 10, 11: no chapters at all; 「秘書權責如下」 is a post's duties.
    "10_nppa_north_branch_office_rules": [], "11_energy_admin_office_rules": [],
}


def test_the_office_rules_loader_adds_the_rules(rules_doc):
    loaded = load_path(SEED_RULES)
    assert loaded.procedures == rules_doc.procedures
    assert {p.kind for p in loaded.procedures} == {"rule"}
    assert loaded.posts  # the posts the loader read, beside the rules


@pytest.mark.parametrize("name", sorted(CORPUS_RULES))
def test_rules_of_the_corpus_office_rules(name):
    from support import CORPUS
    parsed = load_path(CORPUS / f"{name}.txt")
    assert parsed.document.genre == "office_rules"
    rules = parsed.procedures
    assert [r.source.article for r in rules] == CORPUS_RULES[name]
    assert all(r.title.startswith(parsed.document.title) for r in rules)  # 財政部高雄市國稅局辦事細則第22條（…）


def test_corpus_rules_name_who_decides_and_who_answers():
    from support import CORPUS
    rules = {r.source.article: r for r in load_path(CORPUS / "08_cip_office_rules.txt").procedures}
    disagreements = rules["第20條"].steps  # 312-314
    assert [s.terms.deciders for s in disagreements] == [("主任委員", "副主任委員"), ("各該處、室主管",)]
    errors = rules["第21條"].steps  # 316-337
    assert errors[1].terms.deciders == ("承辦人員", "審核人員", "主管人員")  # 318-319: 負連帶責任
    # 322-323: 「…由承辦人員負責；其關係重大者，…負連帶責任」 is one clause, not two
    assert errors[4].text == "會計、統計數字錯誤者，由承辦人員負責；其關係重大者，審核人員及主管人員負連帶責任。"
    assert errors[6].terms.deciders == ("繕、校人員",)  # 327: 繕、校人員 is one post
    assert rules["第22條"].steps[0].terms.deciders == ("代理人",)  # 339-340: 代理人就代理職務負其責任
    ntb = {r.source.article: r for r in load_path(CORPUS / "07_kaohsiung_ntb_office_rules.txt").procedures}
    assert ntb["第23條"].steps[0].terms.deciders == ("局長",)  # 730-731


def test_organization_acts_have_no_rules():
    from support import CORPUS
    for path in [SEED_ACT, *sorted(CORPUS.glob("0[1-6]_*.txt")), CORPUS / "12_tainan_city_gov_organization_rules.txt"]:
        assert load_path(path).procedures == [], path.name


# --------------------------------------------------------------------------- units only mentioned
def test_units_only_named_by_procedures_are_marked(graph):
    mentioned = {u["id"] for u in graph.units() if u.get("mentioned")}
    # 004:33 考選部, 564 交通部觀光局, 176 外交部領事事務局, 194 本部人事處; 003:271 立法院 (a rule cites it)
    assert {"考選部", "交通部", "交通部/觀光局", "外交部", "外交部/領事事務局", "經濟部/人事處", "立法院"} <= mentioned
    # set up by documents, or above a unit a document sets up
    assert not mentioned & {"經濟部", "經濟部/智慧財產局", "財政部", "財政部/關稅總局", "財政部/關務署"}


def test_a_document_setting_a_unit_up_clears_the_mention_whatever_the_order():
    from graph_model.records.records import Document, ParsedDocument, Source, UnitRecord
    sop = ParsedDocument(Document("a_sop", "t", "procedures"),
                         units=[UnitRecord(("經濟部", "人事處"), "Division", "處", Source("a_sop", 1))])
    act = ParsedDocument(Document("b_act", "t", "org_act"),
                         units=[UnitRecord(("經濟部", "國際貿易局"), "Agency", "局", Source("b_act", 1))])
    g = OrgGraph.build([sop, act])
    assert g.node("經濟部/人事處")["mentioned"] and not g.node("經濟部")["mentioned"]
    g = OrgGraph.build([sop])
    assert g.node("經濟部")["mentioned"]
    # a unit implied as a parent and set up later is still upgraded (implied → set up)
    top = ParsedDocument(Document("c_act", "t", "org_act"),
                         units=[UnitRecord(("經濟部",), "Agency", "部", Source("c_act", 2))])
    g = OrgGraph.build([act, top])
    assert (g.node("經濟部")["implied"], g.node("經濟部")["mentioned"], g.node("經濟部")["doc"]) == (False, False,
                                                                                                "c_act")


def test_tree_and_chart_leave_mentioned_units_out(graph):
    from queries.charts.chart import chart
    from queries.units import mentioned_below, render_tree, tree
    trees = tree(graph, depth=1)
    assert [t["id"] for t in trees] == ["經濟部", "財政部"]
    assert [k["name"] for k in trees[0]["children"]] == ["智慧財產局"]
    hidden = mentioned_below(graph)
    assert hidden == sum(1 for u in graph.units() if u.get("mentioned"))
    assert render_tree(trees, hidden).splitlines()[-1] == \
        f"(not shown: {hidden} units only named in procedures; add --mentioned)"
    everything = tree(graph, depth=0, mentioned=True)
    assert "考選部" in [t["id"] for t in everything] and all(t.get("mentioned") for t in everything
                                                           if t["id"] not in ("經濟部", "財政部"))
    assert render_tree(tree(graph, "外交部")) == "外交部  (only named in procedures)\n" \
                                                "└── 領事事務局  (only named in procedures)"
    drawn = chart(graph).units
    assert drawn and not [u for u in drawn if graph.node(u).get("mentioned")]
    assert chart(graph, "外交部").units == ["外交部", "外交部/領事事務局"]


def test_validate_does_not_ask_for_duties_of_mentioned_units(graph):
    from queries.validate import validate
    flagged = {i["unit"] for c in validate(graph)["checks"] if c["name"] == "no_duties" for i in c["issues"]}
    assert not [u for u in flagged if graph.node(u).get("mentioned")]


def test_show_and_which_still_reach_mentioned_units(graph):
    from queries.lookup.which import which
    from queries.units import render_show, show
    info = show(graph, "考選部")
    assert info["mentioned"] and info["procedures"][0]["title"] == "經濟部駐外經濟商務機構商務人員特種考試作業程序"
    assert "  loaded:    no: only named in procedures, no document sets it up" in render_show(info).splitlines()
    # 564: 「以國民旅遊卡於交通部觀光局審核通過之國民旅遊卡特約商店刷卡消費」
    assert which(graph, "國民旅遊卡特約商店審核")[0].unit["id"] == "交通部/觀光局"


# --------------------------------------------------------------------------- which over procedures and rules
def test_which_answers_with_the_acting_unit(graph):
    from queries.lookup.which import which
    # 701: 「經人事單位複核後」 (子女在國內就學) → 經濟部/人事處; the agency that owns both procedures comes after it.
    hits = which(graph, "子女教育補助")
    assert [h.unit["id"] for h in hits[:2]] == ["經濟部/人事處", "經濟部"]
    ev = hits[0].evidence[0]
    assert (ev.kind, ev.context, ev.role, ev.line) == ("procedure", "procedure", "複核 (inferred)", 701)
    assert ev.text == "經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國內就學）"
    # 381, 388: 權責單位 人事單位; 「服務機關」 (372, 383) is the agency by a generic word: it answers after.
    hits = which(graph, "留職停薪復職")
    assert [h.unit["id"] for h in hits[:2]] == ["經濟部/人事處", "經濟部"]
    assert hits[0].evidence[0].line == 381


def test_which_answers_who_decides_a_rule(graph):
    from queries.lookup.which import which
    hit = which(graph, "公文展期")[0]
    assert hit.unit["id"] == "經濟部/智慧財產局"
    step = hit.evidence[0]  # 003:285 「一般公文展期天數七日以內者,由主管科長核定」
    assert (step.text, step.doc, step.line, step.article) == ("一般公文展期天數七日以內者，由主管科長核定", RULES_DOC,
                                                             285, "第35條")
    assert step.context == "step 1 of 經濟部智慧財產局辦事細則第35條（展期）; decides: 主管科長"
    title = [e for e in hit.evidence if e.text == "經濟部智慧財產局辦事細則第35條（展期）"][0]
    assert title.context == "rule; decides: 主管科長、單位主管、機關首長"  # 285-286
    assert step.to_dict()["context"] == step.context


def test_which_procedure_entries_are_registered_and_light():
    from queries.lookup import search
    from queries.procedure import which_entries
    assert search.ENTRY_SOURCES["procedure"] is which_entries


WHICH_CHILD_EDUCATION = f"""\
1. 經濟部 › 人事處  (score 37.81)
   經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國內就學）
   procedure; role: 複核 (inferred)
   {SOP_DOC}:701
2. 經濟部  (score 18.90)
   經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國內就學）
   procedure; role: 主辦機關
   {SOP_DOC}:691
   經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國外就學）
   procedure; role: 主辦機關
   {SOP_DOC}:718
"""

WHICH_EXAM_PLAN = f"""\
1. 考試計畫草案函送審議：考試計畫草案應於預訂舉辦考試前5個月，函送行政院人事行政總處轉請考選部審議。\
  (score 56.99, 2 units)
   note of 經濟部駐外經濟商務機構商務人員特種考試作業程序
   考選部  {SOP_DOC}:35  [審議]
   行政院 › 人事行政總處  {SOP_DOC}:35  [轉請]
"""


def test_cli_which_over_procedures_exact_output(run, store_path):
    # A store with seed 004 only: the scores depend on nothing else.
    assert run("--store", store_path, "load", SEED_SOP).exit_code == 0
    result = run("--store", store_path, "which", "子女教育補助")
    assert (result.exit_code, result.stdout) == (0, WHICH_CHILD_EDUCATION)
    # 35-37: 「函送行政院人事行政總處轉請考選部審議」: two units share the note, each with its role
    result = run("--store", store_path, "which", "考試計畫草案審議", "--top", "2")
    assert (result.exit_code, result.stdout) == (0, WHICH_EXAM_PLAN)
    import json
    [hit, _] = json.loads(run("--store", store_path, "which", "子女教育補助", "--json").stdout)
    assert hit["evidence"][0] == {"text": "經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國內就學）",
                                  "doc": SOP_DOC,
                                  "line": 701, "article": "", "item": "", "kind": "procedure", "context": "procedure",
                                  "role": "複核 (inferred)"}


def test_cli_tree_hides_and_shows_mentioned_units(run, store_path):
    assert run("--store", store_path, "load", SEED_SOP).exit_code == 0
    result = run("--store", store_path, "tree")
    assert result.stdout == "(not shown: 38 units only named in procedures; add --mentioned)\n"
    out = run("--store", store_path, "tree", "--mentioned", "--depth", "0").stdout
    assert "考選部  (only named in procedures)" in out.splitlines()


# --------------------------------------------------------------------------- chart --procedure
# The flow charts of seed 004 (steps, NEXT arrows, branches), counted in the text (see COUNTS):
FLOWS = {
    "行李通關": (6, 4, ["調部", "外派"]),  # 306-331
    "返國述職": (5, 5, []),  # mermaid at 356: A→B, B→C, B→D, C→E, D→E
    "服務獎章": (10, 8, ["請核頒獎章部分", "服務獎章獎勵金部分"]),  # 463-487
    "撫卹": (13, 12, []),  # mermaid at 581
    "眷屬補助費": (2, 1, []),  # 654-656
    "購買機票": (2, 1, []),  # 840-844
    "通訊錄": (9, 8, []),  # 931-946
}


@pytest.mark.parametrize("name", sorted(FLOWS))
def test_cli_chart_procedure_dot_of_every_flow_chart(run, tmp_path, name):
    steps, arrows, branches = FLOWS[name]
    out = tmp_path / "flow.dot"
    result = run("chart", "--procedure", name, "-o", out)
    from graph_model.store.store import open_store
    graph = open_store(tmp_path / "none.json").graph()  # the bundled corpus, as the command read it
    info = procedure(graph, name)
    assert (result.exit_code, result.stdout) == (0, f"wrote {out} (dot, {info['title']}: {steps} steps)\n")
    dot = out.read_text(encoding="utf-8")
    assert dot == procedure_chart(graph, name).to_string()
    assert dot.count(f'"step:{info["title"]}:') == steps + 2 * arrows  # each node once, each arrow's two ends
    assert dot.count(" -> ") == arrows
    assert re.findall(r'subgraph cluster_\w+ \{\s*label="([^"]+)"', dot) == branches
    assert 'fontname="Noto Sans CJK TC"' in dot


def test_cli_chart_procedure_branches_and_conditions(run, tmp_path):
    out = tmp_path / "pension.dot"
    assert run("chart", "--procedure", "撫卹", "-o", out, "--direction", "LR").exit_code == 0
    dot = out.read_text(encoding="utf-8")
    assert "rankdir=LR;" in dot
    # 581: Start{{公務人員在職亡故}} (hexagon), 是否符合 (decision) with 否/是, End((A)) (circle)
    assert dot.count("shape=hexagon") == 1 and dot.count("shape=diamond") == 1 and dot.count("shape=circle") == 1
    assert re.findall(r'-> "[^"]+" \[label="([^"]+)"\]', dot) == ["否", "是"]


def test_cli_chart_procedure_renders_png_and_svg(run, tmp_path):
    png, svg = tmp_path / "pension.png", tmp_path / "flow.svg"
    assert run("chart", "--procedure", "撫卹", "-o", png).stdout == \
        f"wrote {png} (png, 經濟部駐外經濟商務機構商務人員撫卹作業程序: 13 steps)\n"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    result = run("chart", "--procedure", "展期", "-o", svg, "--json")
    import json
    summary = json.loads(result.stdout)
    assert (summary["format"], summary["steps"], summary["units"]) == ("svg", 4, [])
    text = svg.read_text(encoding="utf-8")
    assert "主管科長" in text and "機關首長" in text  # 285-286, drawn as text
    assert not list(tmp_path.glob(".*.part"))


def test_cli_chart_procedure_errors(run, tmp_path):
    out = tmp_path / "x.png"
    result = run("chart", "--procedure", "子女教育補助", "-o", out)
    assert (result.exit_code, result.stderr) == (1, "Error: '子女教育補助' names 2 procedures; use a longer name: "
                                                    "經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國內就學）, "
                                                    "經濟部駐外機構人員辦理子女教育補助費作業程序（子女在國外就學）\n")
    result = run("chart", "--procedure", "火星探測", "-o", out)
    assert (result.exit_code, result.stderr) == (1, "Error: no procedure named '火星探測'\n")
    result = run("chart", "--procedure", "條戳更換", "-o", out)  # 90-111: the flow chart was an image
    assert result.exit_code == 1 and "its flow chart was an image in the source" in result.stderr
    result = run("chart", "基隆關", "--procedure", "撫卹", "--depth", "1", "-o", out)
    assert result.exit_code == 2 and "UNIT, --depth are for org charts, not for --procedure" in result.stderr
    result = run("chart", "--procedure", "撫卹", "-o", tmp_path / "x.jpg")
    assert result.exit_code == 1 and "unknown chart format '.jpg'" in result.stderr
    assert not out.exists()


def test_procedure_module_examples():
    import doctest

    from queries import procedure as procedure_module, units
    from queries.charts import procedure_chart as chart_module
    for module in (procedure_module, chart_module, units):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
