"""Meetings (會議, 會報) the documents set up: a collegial body of the agency that holds it, with the matters it
decides as its duties — no unit of the organisation chart (the samples' annotators list meetings as "not units").

Each expectation was read from the document's text (quoted beside it); the documents come from the national
laws database (data/national.tar.xz).
"""
from __future__ import annotations

from graph_model.graph.graph import OrgGraph
from support import national_store, parse_national, units_below


def meetings(pcode: str) -> dict[str, tuple]:
    parsed = parse_national(pcode)
    return {m.name: (m.holder[-1], m.members, m.schedule, [d.text for d in m.matters], m.source.line)
            for m in parsed.meetings}


def test_a_meeting_that_decides_a_list_of_matters():
    # 最高軍事法院處務規程 第25條 (F0010067:95): 「本院定期舉行軍事審判官會議，決定下列事項：一、軍事審判官事務分配。
    # 二、軍事審判官代理次序。三、合議審判軍事審判官之配置。」
    holder, _, schedule, matters, line = meetings("F0010067")["軍事審判官會議"]
    assert holder == "最高軍事法院" and schedule == "定期舉行" and line == 95
    assert matters == ["軍事審判官事務分配", "軍事審判官代理次序", "合議審判軍事審判官之配置"]
    assert "軍事審判官會議" not in units_below(parse_national("F0010067"))


def test_a_meeting_set_up_with_its_members_reviews_its_list():
    # 國史館臺灣文獻館處務規程 (A0020191:72–77): 「本館每月舉行業務會報一次，…由館長召集之。」, 第19條
    # 「業務會報由館長、副館長、主任秘書及各組室主管組成，負責審議下列事項：…三、各主管人員之建議事項。」
    holder, members, schedule, matters, line = meetings("A0020191")["業務會報"]
    assert holder == "臺灣文獻館" and line == 72 and schedule.startswith("每月舉行")
    assert members == "館長、副館長、主任秘書及各組室主管"  # the clause that says who sits in it
    assert "各主管人員之建議事項" in matters
    assert "業務會報" not in units_below(parse_national("A0020191"))


def test_matters_brought_to_a_meeting_are_its_own():
    # 國家運輸安全調查委員會組織法 第9條: 「下列事項，應經本會委員會議決議：一、重大運輸事故調查報告之審議。…」
    _, _, _, matters, _ = meetings("K0000146")["委員會議"]
    assert matters[0] == "重大運輸事故調查報告之審議"


def test_a_mention_of_a_meeting_sets_none_up():
    # 國史館處務規程: 「館務會議審議下列事項」 sets 館務會議 up; 「…提館務會議」 and 「必要時得召開臨時會議」 set
    # nothing up of their own: a session of another meeting, a matter brought to it
    names = set(meetings("A0020042"))
    assert "館務會議" in names and not any(n.startswith(("臨時", "前")) for n in names)
    # 國家安全會議組織法: 「國家安全會議之出席人員如下：」 is the agency itself, no meeting of it
    assert "國家安全會議" not in meetings("A0010021")


def test_the_graph_holds_a_meeting_beside_the_units_and_which_answers_with_it(tmp_path):
    from queries.lookup.which import which

    graph: OrgGraph = national_store(tmp_path, "F0010067").graph()
    held = graph.meetings_of(graph.resolve("最高軍事法院"))
    assert [m["name"] for m in held] == ["軍事審判官會議"]
    assert all("Meeting" not in u["labels"] for u in graph.units())
    assert [d["text"] for d, _ in graph.matters_of(held[0]["id"])][0] == "軍事審判官事務分配"
    first = which(graph, "軍事審判官事務分配")[0]
    assert first.unit["path"][-2:] == ["最高軍事法院", "軍事審判官會議"] and first.unit["kind"] == "Meeting"
    assert first.breadcrumb.endswith("軍事審判官會議 (meeting)") and first.evidence[0].line == 96


def test_tree_and_show_mark_a_meeting_and_the_exports_hold_it(tmp_path):
    import json

    from queries.export import export
    from queries.units import render_show, render_tree, show, tree

    graph = national_store(tmp_path, "F0010067").graph()
    assert "├── 軍事審判官會議 (meeting)" in render_tree(tree(graph, "最高軍事法院", depth=1)).splitlines() or \
        "└── 軍事審判官會議 (meeting)" in render_tree(tree(graph, "最高軍事法院", depth=1)).splitlines()
    text = render_show(show(graph, "最高軍事法院"))
    assert "Meeting: 軍事審判官會議  [F0010067:95 第25條]" in text and "  1. 軍事審判官事務分配  [F0010067:96" in text
    data = json.loads(export(graph, "json", "最高軍事法院"))
    assert {"HOLDS_MEETING", "DECIDES"} <= {e["type"] for e in data["edges"]}
    assert any(n["labels"] == ["Meeting"] for n in data["nodes"])


def test_a_question_asking_which_unit_is_answered_by_a_unit_not_a_meeting(tmp_path):
    from queries.lookup.ask import ask_graph

    # 中央研究院處務規程: 「院務會議審議或核備下列事項：…八、院長交議事項。」 (A0020033:139) beside the 處 that do
    # 「院長交辦事項」 (:55, :75 …): asked for a 處, a 處 answers; asked where it is reviewed, the meeting may
    graph = national_store(tmp_path, "A0020033").graph()
    first = ask_graph(graph, "中央研究院哪個處在辦院長交議事項？", top=3).hits[0]
    assert first.unit["kind"] != "Meeting"
    first = ask_graph(graph, "中央研究院院長交議事項由哪個會議審議？", top=3).hits[0]
    assert first.unit["path"][-1] == "院務會議"


def test_show_of_a_meeting_as_which_names_it(tmp_path):
    from queries.units import render_show, show

    graph = national_store(tmp_path, "F0010067").graph()
    text = render_show(show(graph, "最高軍事法院/軍事審判官會議"))
    assert text.splitlines()[0] == "行政院 › 國防部 › 最高軍事法院 › 軍事審判官會議 (meeting)"
    assert "  1. 軍事審判官事務分配  [F0010067:96 第25條 item 1]" in text


def test_neo4j_answers_with_a_meeting_as_the_embedded_lookup_does(neo4j_server, tmp_path):
    # pushed through the writer (UNWIND $rows), with the lookup's nodes; the meeting read by its own label
    from graph_model.neo4j.connection import Settings, connect
    from graph_model.neo4j.writer import push
    from queries.lookup.neo4j_lookup import which as from_neo4j
    from queries.lookup.neo4j_rows import lookup_nodes
    from queries.lookup.search import build_index
    from queries.lookup.which import which

    graph = national_store(tmp_path, "F0010067", "A0020191").graph()
    settings = Settings(neo4j_server["NEO4J_URI"], neo4j_server["NEO4J_USERNAME"], neo4j_server["NEO4J_PASSWORD"],
                        neo4j_server["NEO4J_DATABASE"])
    index = build_index(graph)
    summary = push(graph, settings, lookup=lookup_nodes(index))
    assert summary["labels"]["Meeting"] == len(graph.meetings()) and summary["types"]["DECIDES"] > 0
    with connect(settings) as driver:
        for text in ("軍事審判官事務分配", "業務之協調與合作", "業務會報"):
            embedded = [(h.unit["id"], h.unit["kind"], h.score) for h in which(index, text, top=None)]
            neo4j = [(h.unit["id"], h.unit["kind"], h.score) for h in from_neo4j(settings, text, top=None,
                                                                                driver=driver)]
            assert [u[:2] for u in neo4j] == [u[:2] for u in embedded] and embedded[0][1] == "Meeting", text
