"""What became of each agency: SUCCEEDED_BY edges, units that are history, `orggraph history`,
`which --all` naming successors.  Real documents of data/national.tar.xz, expectations read from
their text (交通部公路局組織法 第7條: 「本法施行前原交通部公路總局…隨同業務移撥」)."""
from __future__ import annotations

import json
import sys

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "eval"))
import corpus  # noqa: E402

# 交通部公路總局組織法 (1945 and 2002 versions), 公路總局辦事細則, 交通部公路局組織法 and its 處務規程.
PCODES = ("K0000003", "K0000058", "K0010034", "K0000207", "K0010146", "K0000206", "K0000004")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    folder = tmp_path_factory.mktemp("laws")
    for pcode in PCODES:
        (folder / f"{pcode}.json").write_bytes(corpus.national_file(pcode))
    path = folder / "store.json"
    open_store(path).add(read_paths([folder]).documents)
    return path


@pytest.fixture(scope="module")
def history_graph(store):
    from graph_model.store.store import open_store
    return open_store(store).graph(history=True)


def law_line(pcode: str, line: int) -> str:
    from loaders import read_bytes
    return read_bytes(corpus.national_file(pcode), f"{pcode}.json")[0].splitlines()[line - 1]


def test_a_successors_transitional_article_makes_the_edge_with_its_line(history_graph):
    edges = {(u, v): d for u, v, d in history_graph.edges("SUCCEEDED_BY")}
    edge = edges[("行政院/交通部/公路總局", "行政院/交通部/公路局")]
    assert edge["doc"] == "K0000207" and edge["article"] == "第7條" and edge["date"] == "2023-09-15"
    assert "原交通部公路總局" in edge["evidence"] and edge["evidence"][:12] in law_line("K0000207", edge["line"])


def test_units_set_up_only_by_documents_that_no_longer_apply_are_history(history_graph):
    old = history_graph.node("行政院/交通部/公路總局")
    assert old["status"] == "superseded" and old["successors"] == ["交通部公路局"]
    assert history_graph.node("行政院/交通部/公路局").get("status", "current") == "current"
    # A division set up by 公路總局's office rules (abolished 2018) is part of the agency 公路局 succeeded.
    below = [u for u in history_graph.descendants("行政院/交通部/公路總局", depth=1)
             if history_graph.node(u)["kind"] != "Agency"]
    assert below and all(history_graph.node(u)["status"] == "superseded" for u in below)


def test_the_current_view_leaves_history_out(store):
    from graph_model.store.store import open_store
    current = open_store(store).graph()
    assert "行政院/交通部/公路局" in current and "行政院/交通部/公路總局" not in current


def test_cli_history_prints_the_timeline_with_its_sources(run, store):
    out = run("--store", store, "history", "交通部公路總局").stdout
    assert out.startswith("行政院 › 交通部 › 公路總局  (superseded)\n  now: 行政院 › 交通部 › 公路局\n")
    assert "1943-04-29  enacted    交通部公路總局組織法" in out  # K0000003's 沿革: 三十二年四月二十九日
    assert "2023-09-15  superseded 交通部公路總局組織法 by 交通部公路局" in out and "K0000207 line" in out
    data = json.loads(run("--store", store, "history", "交通部公路局", "--json").stdout)
    assert data["status"] == "current" and data["predecessors"] == ["行政院/交通部/公路總局"]
    assert {"date": "2023-06-07", "kind": "enacted", "text": "交通部公路局組織法",
            "where": "K0000207 沿革內容"} in data["events"]


def test_cli_history_as_of_a_date(run, store):
    old = run("--store", store, "history", "--as-of", "2012-01-01", "交通部").stdout
    assert "行政院 › 交通部 › 公路總局  (since" in old and "行政院 › 交通部 › 公路局  (" not in old
    now = run("--store", store, "history", "--as-of", "2024-10-11", "交通部").stdout
    assert "行政院 › 交通部 › 公路局  (since 2023-06-07)" in now and "公路總局  (" not in now
    # Dates as planners write them: of the Republic (民國101年 = 2012), with other separators, a year alone.
    for written in ("民國101年1月1日", "中華民國一百零一年一月一日", "101.1.1", "101/01/01", "2012/01/01", "2012"):
        assert run("--store", store, "history", "--as-of", written, "交通部").stdout == old, written
    enacted = run("--store", store, "history", "--as-of", "2023-06-07", "交通部").stdout
    assert "agencies existed on 2023-06-07:" in enacted and "交通部 › 公路局  (since 2023-06-07)" in enacted
    for written in ("民國112年6月7日", "112.6.7", "112/06/07"):
        assert run("--store", store, "history", "--as-of", written, "交通部").stdout == enacted, written
    for bad_date in ("next year", "101", "2012-01-01-01"):
        bad = run("--store", store, "history", "--as-of", bad_date)
        assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr and "民國99年1月1日" in bad.stderr
        assert "Traceback" not in bad.stderr
    for day in ("2023-02-30", "2024-13-01", "2024-00-10"):  # the right shape, but no day of the calendar
        bad = run("--store", store, "history", "--as-of", day)
        assert bad.exit_code == 2 and f"'{day}' is not a date" in bad.stderr, bad.stdout


def test_which_all_names_what_became_of_an_old_unit(run, store):
    out = run("--store", store, "--all", "which", "公路監理", "--json").stdout
    old = [h for h in json.loads(out) if h["unit"]["id"].startswith("行政院/交通部/公路總局")]
    assert old and all(h["unit"]["status"].startswith("superseded by 交通部公路局") or
                       h["unit"]["status"].startswith("superseded by 行政院 › 交通部 › 公路局") for h in old)
    current = json.loads(run("--store", store, "which", "公路監理", "--json").stdout)
    assert current and not any("status" in h["unit"] for h in current)


def test_the_json_export_carries_the_succession(run, store, tmp_path):
    out = tmp_path / "g.json"
    run("--store", store, "--all", "export", "--format", "json", "-o", out)
    links = [link for link in json.loads(out.read_text(encoding="utf-8"))["edges"] if link["type"] == "SUCCEEDED_BY"]
    assert {(link["source"], link["target"]) for link in links} >= {("行政院/交通部/公路總局", "行政院/交通部/公路局")}


def test_the_jsonld_export_says_it_as_w3c_org_change_events(run, store, tmp_path):
    import rdflib
    out = tmp_path / "g.jsonld"
    run("--store", store, "--all", "export", "--format", "jsonld", "-o", out)
    g = rdflib.Graph().parse(out, format="json-ld")
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    events = list(g.subjects(rdflib.RDF.type, org.ChangeEvent))
    pairs = {(str(g.value(e, org.originalOrganization)), str(g.value(e, org.resultingOrganization))) for e in events}
    from queries.export.jsonld import unit_iri
    assert (unit_iri("行政院/交通部/公路總局"), unit_iri("行政院/交通部/公路局")) in pairs


def test_a_name_held_at_two_points_of_one_succession_asks_for_the_body(tmp_path):
    # 國立國父紀念館 is under 教育部 in its 組織條例's time (H0000028, repealed), under 文化部 by 組織法 (H0000112, in
    # force): two units of one name, the first succeeded by the second. The name asks for the body: its history is the
    # latest one's, which names the move; a name unrelated units hold (each body's 人事室) stays ambiguous.
    from graph_model.errors import AmbiguousUnit
    from queries.history import history
    from support import national_store
    graph = national_store(tmp_path, "H0000028", "H0000112", "H0010033", "H0000001", "H0010029",
                           "A0010032").graph(history=True)
    assert sorted(u["id"] for u in graph.units() if u["name"] == "國立國父紀念館") == [
        "行政院/教育部/國立國父紀念館", "行政院/文化部/國立國父紀念館"]
    h = history(graph, "國立國父紀念館")
    assert h.unit["id"] == "行政院/文化部/國立國父紀念館" and h.status == "current"
    assert any(e.kind == "succeeded" and "教育部" in e.text for e in h.events)
    with pytest.raises(AmbiguousUnit):
        history(graph, "人事室")


def test_with_all_tree_and_show_mark_what_is_history(run, store):
    # 交通部公路局組織法 第7條 ends 公路總局 on 2023-09-15; 公路局 is current and carries no mark.
    tree = run("--store", store, "--all", "tree", "交通部", "--depth", "1").stdout.splitlines()
    assert any(line[4:].startswith("公路總局  (superseded 2023-09-15)  (+") for line in tree)
    assert [line for line in tree if "── 公路局" in line] and all("superseded" not in line for line in tree
                                                                if "── 公路局" in line)
    data = json.loads(run("--store", store, "--all", "tree", "交通部", "--depth", "1", "--json").stdout)
    old = next(k for k in data[0]["children"] if k["name"] == "公路總局")
    assert old["status"] == "superseded" and old["status_date"] == "2023-09-15"
    shown = run("--store", store, "--all", "show", "公路總局").stdout
    assert "  status:    superseded 2023-09-15 by 交通部公路局\n" in shown
    assert "status:" not in run("--store", store, "show", "公路局").stdout


def test_the_current_view_says_a_name_is_history_and_how_to_see_it(run, store):
    result = run("--store", store, "show", "公路總局")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: no unit named '公路總局' in the current government: 行政院 › 交通部 › 公路總局 is history "
        f"(superseded 2023-09-15 by 交通部公路局); add --all to see it (orggraph --all --store {store} show 公路總局), "
        "or see `orggraph history 公路總局`")
    error = json.loads(run("--store", store, "tree", "公路總局", "--json").stdout)["error"]
    assert error["kind"] == "not_found" and "is history" in error["message"]
    assert "is history" not in run("--store", store, "show", "不存在局").stderr


def test_a_store_of_history_only_says_so_in_tree(run, tmp_path):
    # 交通部公路總局組織法 of 1943 alone: the database marks it 廢 (repealed 2002), so nothing of it is current.
    (tmp_path / "K0000003.json").write_bytes(corpus.national_file("K0000003"))
    store = tmp_path / "old.sqlite"
    assert run("--store", store, "load", tmp_path / "K0000003.json").exit_code == 0
    result = run("--store", store, "tree")
    assert result.exit_code == 0 and result.stdout == (
        f"(nothing current: every loaded document is history; add --all: orggraph --all --store {store} tree)\n")
    assert json.loads(run("--store", store, "tree", "--json").stdout) == []
    assert "公路總局" in run("--store", store, "--all", "tree").stdout


def test_stats_counts_the_documents_that_are_history(run, store):
    # Some of the seven laws are history (the 1943 act is 廢; 公路總局組織法 ended with 公路局組織法): counted apart.
    from graph_model.store.store import open_store
    current = sum(1 for _ in open_store(store).graph().nodes_with_label("Document"))
    assert 0 < current < len(PCODES)
    first = run("--store", store, "stats").stdout.splitlines()[0]
    assert first == f"Documents: {current} current; {len(PCODES) - current} more are history (orggraph --all stats)"
    assert json.loads(run("--store", store, "stats", "--json").stdout)["history_documents"] == len(PCODES) - current
    assert run("--store", store, "--all", "stats").stdout.splitlines()[0] == f"Documents: {len(PCODES)}"


@pytest.fixture(scope="module")
def atomic_store(tmp_path_factory):
    # 行政院原子能委員會辦事細則 (repealed 2023-12-27), 核能安全委員會組織法 and 處務規程: 原能會 is history.
    from support import national_store
    folder = tmp_path_factory.mktemp("atomic")
    national_store(folder, "J0010017", "J0000101", "J0010058")
    return folder / "store.db"


def test_a_short_name_of_a_body_that_is_history_gets_a_command_that_works(run, atomic_store):
    # agencies.tsv: 原能會 is short for 原子能委員會.  `history` reads every document as --all: it says which name
    # to give, not to add --all (which would change nothing); the current view's --all command names the body.
    for argv in (("history", "原能會"), ("--all", "history", "原能會")):
        result = run("--store", atomic_store, *argv)
        assert result.exit_code == 1 and result.stderr.strip() == (
            "Error: no unit named '原能會': 原能會 is short for 原子能委員會 (agencies.tsv:22); "
            "give the name 原子能委員會")
    timeline = run("--store", atomic_store, "history", "原子能委員會").stdout
    assert timeline.startswith("行政院 › 原子能委員會  (superseded)")
    shown = run("--store", atomic_store, "show", "原能會").stderr
    assert f"add --all to see it (orggraph --all --store {atomic_store} show 原子能委員會)" in shown
    assert run("--store", atomic_store, "--all", "show", "原子能委員會").exit_code == 0


def test_a_successor_named_as_a_member_of_a_family_says_which_unit_holds_it(tmp_path):
    # 行政院衛生署金門醫院組織規程 (L0000048, repealed) and 衛生福利部各醫院組織準則 (L0000053: the family 各醫院, no
    # hospital of its own): 衛生福利部 › 金門醫院 names no unit, so the family it is one of is named beside it.
    from queries.history import history
    from queries.units import ended_unit, status_text
    from support import national_store
    graph = national_store(tmp_path, "L0000001", "L0000055", "L0000048", "L0000053").graph(history=True)
    ended = ended_unit(graph, "金門醫院")
    assert ended is not None and status_text(ended).endswith(
        "by 行政院 › 衛生福利部 › 金門醫院 (one of 行政院 › 衛生福利部 › 各醫院)")
    assert "行政院/衛生福利部/金門醫院" not in graph and "行政院/衛生福利部/各醫院" in graph
    assert history(graph, "衛生署/金門醫院").now == [
        "行政院 › 衛生福利部 › 金門醫院 (one of 行政院 › 衛生福利部 › 各醫院)"]
