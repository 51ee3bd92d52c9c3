"""Export formats: each read back by a real reader and checked against the documents.

The bundled corpus (data/seeds) is the main fixture; seed 001's budget lines
``N. 名稱：掌理A；B；…`` under ``(n) 機關`` headings give the expected (unit, parent, duty, line)
rows.  A graph built by hand holds names with quotes, ``<``, ``&``, ``/``, newlines and control
characters; the national corpus (data/national.tar.xz) is the store-sized graph.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
import rdflib

from graph_model.graph.graph import OrgGraph
from graph_model.records.records import Source
from graph_model.store.store import open_store
from queries.export import export
from queries.export.jsonld import doc_iri, duty_iri, unit_iri
from queries.export.scope import scope, short
from queries.export.xml_text import legal
from support import BUDGET_ID, BUDGET_LINES, REPO

Y = "{http://www.yworks.com/xml/graphml}"
G = "{http://graphml.graphdrawing.org/xmlns}"
ORG, PROV, DCT = "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/"


def loaded_units(graph) -> set[str]:
    return {u["id"] for u in graph.units() if not u.get("mentioned")}


def handles(graph) -> list[tuple[str, str, dict]]:
    return list(graph.edges("HANDLES"))


def plain(text: str) -> str:
    """Text as duties store it: NFKC (the seed writes some characters as CJK compatibility
    ideographs, 理 as U+F9E4; full-width brackets) and no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def budget_rows() -> list[tuple[str, str, list[str], int]]:
    """``(parent name, unit name, duty clauses, line)`` of seed 001's numbered units under ``(n) 機關``."""
    rows, parent = [], None
    for number, line in enumerate(BUDGET_LINES, 1):
        if m := re.match(r"^\(\d+\)\s*(\S+)$", line):
            parent = m.group(1)
        elif parent and (m := re.match(r"^\d+\.\s*([^：]+)：掌理(.+)。$", line)):
            rows.append((parent, m.group(1), m.group(2).split("；"), number))
        elif line.startswith("2、"):  # the next part of the budget book: no more unit lists
            parent = None
    return rows


# --------------------------------------------------------------------------- graphml
def test_graphml_reads_back_in_networkx_with_every_unit_duty_and_edge(samples_graph):
    text = export(samples_graph, "graphml")
    g = nx.read_graphml(io.BytesIO(text.encode()))
    units = loaded_units(samples_graph)
    duties = {d for _, d, _ in handles(samples_graph)}
    assert set(g.nodes) == units | duties
    for uid in units:
        node = samples_graph.node(uid)
        assert g.nodes[uid]["label"] == g.nodes[uid]["name"] == node["name"]
        assert (g.nodes[uid]["unit_type"], g.nodes[uid]["path"]) == (node["unit_type"], uid)
        assert (g.nodes[uid]["document"], g.nodes[uid]["line"]) == (node["doc"], node["line"])
    types = [d["type"] for _, _, d in g.edges(data=True)]
    assert types.count("HANDLES") == len(handles(samples_graph))
    assert types.count("HAS_UNIT") == len(units) - len([r for r in samples_graph.roots() if r in units])
    keelung = "財政部/關務署/基隆關/稽查組"
    lines = {(samples_graph.node(v)["text"], d["document"], d["line"]) for _, v, d in g.out_edges(keelung, data=True)}
    assert ("入出境運輸工具之通關及管理", BUDGET_ID, 34) in lines
    assert "入出境運輸工具之通關及管理" in BUDGET_LINES[34 - 1]


def test_graphml_every_node_has_a_yed_label_equal_to_its_name(samples_graph):
    root = ET.fromstring(export(samples_graph, "graphml").encode())
    keys = {k.get("id"): k for k in root.iter(f"{G}key")}
    graphics = [k for k in keys.values() if k.get("yfiles.type") == "nodegraphics"]
    assert len(graphics) == 1 and graphics[0].get("for") == "node"
    nodes = list(root.iter(f"{G}node"))
    assert len(nodes) == len(loaded_units(samples_graph)) + len({d for _, d, _ in handles(samples_graph)})
    for node in nodes:
        labels = [lab.text for lab in node.iter(f"{Y}NodeLabel")]
        data = samples_graph.node(node.get("id"))
        assert labels == [data["name"] if "Unit" in data["labels"] else short(data["text"])]
        geometry = node.find(f".//{Y}Geometry")
        assert float(geometry.get("width")) > 0 and geometry.get("x") is not None


def test_graphml_layout_puts_every_unit_below_its_parent_and_no_two_nodes_on_one_spot(samples_graph):
    root = ET.fromstring(export(samples_graph, "graphml", unit="關務署").encode())
    spot = {n.get("id"): (float(n.find(f".//{Y}Geometry").get("x")), float(n.find(f".//{Y}Geometry").get("y")))
            for n in root.iter(f"{G}node")}
    assert len(set(spot.values())) == len(spot)
    for uid in scope(samples_graph, "關務署").units[1:]:
        assert spot[uid][1] > spot[samples_graph.parent(uid)][1]


# --------------------------------------------------------------------------- gexf
def test_gexf_reads_back_in_networkx_with_labels_and_attributes(samples_graph):
    g = nx.read_gexf(io.BytesIO(export(samples_graph, "gexf").encode()))
    units = loaded_units(samples_graph)
    assert {n for n in g.nodes if n in units} == units
    for uid in units:
        assert g.nodes[uid]["label"] == samples_graph.node(uid)["name"]
        assert g.nodes[uid]["line"] == samples_graph.node(uid)["line"]
    duty = next(d for _, d, _ in samples_graph.edges("HANDLES"))
    assert g.nodes[duty]["text"] == samples_graph.node(duty)["text"]
    assert g.nodes[duty]["label"] == short(samples_graph.node(duty)["text"])
    labels = [d["label"] for _, _, d in g.edges(data=True)]
    assert labels.count("HANDLES") == len(handles(samples_graph))
    edge = next(d for u, v, d in g.edges(data=True) if u == "財政部/關務署/基隆關/稽查組"
                and g.nodes[v]["text"] == "押運業務")
    assert (edge["document"], edge["line"]) == (BUDGET_ID, 34)


# --------------------------------------------------------------------------- csv
def read_csv(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_has_one_row_per_handles_edge_and_rows_match_the_budget_text(samples_graph):
    rows = read_csv(export(samples_graph, "csv"))
    assert len(rows) == len(handles(samples_graph))
    by_unit_line: dict[tuple[str, int], list[dict]] = {}
    for r in rows:
        if r["document"] == BUDGET_ID:
            by_unit_line.setdefault((r["unit"], int(r["line"])), []).append(r)
    expected = budget_rows()
    assert len(expected) > 40
    for parent, name, clauses, line in expected:
        found = by_unit_line[(name, line)]  # every unit the line lists has its rows, on that line
        assert {r["parent"].rsplit("/", 1)[-1] for r in found} == {parent}
        assert {r["unit_id"] for r in found} == {f"{r['parent']}/{name}" for r in found}
        # each duty is a clause (or a part of one) of that line, in the line's order
        text = plain("；".join(clauses))
        at = [text.find(plain(r["duty"])) for r in found]
        assert -1 not in at and at == sorted(at) and at[0] == 0, (name, line)
        assert {r["document_title"] for r in found} == {samples_graph.node(f"doc:{BUDGET_ID}")["title"]}


def test_csv_units_table_has_every_unit_with_its_parent_and_duty_count(samples_graph):
    rows = read_csv(export(samples_graph, "csv", table="units"))
    assert {r["unit_id"] for r in rows} == loaded_units(samples_graph) and len(rows) == len(loaded_units(samples_graph))
    ids = {r["unit_id"] for r in rows}
    for r in rows:
        assert r["parent"] == "" or r["parent"] in ids
        assert int(r["duties"]) == len(samples_graph.duties_of(r["unit_id"]))
    keelung = next(r for r in rows if r["unit_id"] == "財政部/關務署/基隆關/稽查組")
    assert (keelung["unit_type"], keelung["kind"], keelung["line"], keelung["duties"]) == ("組", "Division", "34", "9")


def test_csv_file_is_utf8_with_bom_and_a_sub_tree_holds_only_its_units(run, tmp_path):
    target = tmp_path / "keelung.csv"
    result = run("export", "基隆關", "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "稽查組".encode() in raw
    rows = read_csv(raw.decode("utf-8"))
    assert rows and all(r["unit_id"].startswith("財政部/關務署/基隆關") for r in rows)
    units = read_csv(run("export", "基隆關", "--format", "csv", "--table", "units").stdout)
    assert (units[0]["unit_id"], units[0]["parent"], units[0]["depth"]) == ("財政部/關務署/基隆關", "財政部/關務署",
                                                                           "2")
    graph = open_store("/nonexistent/store.json").graph()
    under = {"財政部/關務署/基隆關", *graph.descendants("財政部/關務署/基隆關")}
    assert len(rows) == sum(1 for u, _, _ in graph.edges("HANDLES") if u in under)


# --------------------------------------------------------------------------- json-ld
@pytest.fixture(scope="module")
def rdf(samples_graph):
    g = rdflib.Graph()
    g.parse(data=export(samples_graph, "jsonld"), format="json-ld")
    return g


def test_jsonld_divisions_are_organizational_units_of_their_agency(rdf):
    ask = """ASK { ?u a org:OrganizationalUnit ; org:unitOf ?a . ?a a org:FormalOrganization ;
                   org:hasUnit ?u ; skos:prefLabel "基隆關"@zh-Hant-TW . ?u skos:prefLabel "稽查組"@zh-Hant-TW }"""
    assert rdf.query(ask, initNs={"org": ORG, "skos": "http://www.w3.org/2004/02/skos/core#"}).askAnswer
    unit = rdflib.URIRef(unit_iri("財政部/關務署/基隆關/稽查組"))
    agency = rdflib.URIRef(unit_iri("財政部/關務署/基隆關"))
    assert (unit, rdflib.URIRef(ORG + "unitOf"), agency) in rdf
    customs = rdflib.URIRef(unit_iri("財政部/關務署"))
    assert (agency, rdflib.URIRef(ORG + "subOrganizationOf"), customs) in rdf
    assert (customs, rdflib.URIRef(ORG + "hasSubOrganization"), agency) in rdf


def test_jsonld_a_duty_is_a_purpose_whose_statement_names_its_document_and_line(rdf, samples_graph):
    rows = rdf.query("""
        SELECT ?title ?line WHERE {
          ?u org:purpose ?d . ?d rdfs:label "押運業務"@zh-Hant-TW .
          ?s og:unit ?u ; og:duty ?d ; prov:wasDerivedFrom ?doc ; og:line ?line .
          ?doc dct:title ?title . FILTER (?u = ?unit) }""",
        initNs={"org": ORG, "prov": PROV, "dct": DCT, "og": "urn:orggraph:vocab:",
                "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
        initBindings={"unit": rdflib.URIRef(unit_iri("財政部/關務署/基隆關/稽查組"))})
    assert [(str(t), int(n)) for t, n in rows] == [(samples_graph.node(f"doc:{BUDGET_ID}")["title"], 34)]
    assert "押運業務" in BUDGET_LINES[34 - 1]
    statements = list(rdf.subjects(predicate=rdflib.URIRef("urn:orggraph:vocab:duty")))
    assert len(statements) == len(handles(samples_graph))


def test_jsonld_iris_are_stable_and_percent_encoded(samples_graph):
    assert unit_iri("財政部/關務署") == "urn:orggraph:unit:%E8%B2%A1%E6%94%BF%E9%83%A8/%E9%97%9C%E5%8B%99%E7%BD%B2"
    assert unit_iri("a b\"<c>") == "urn:orggraph:unit:a%20b%22%3Cc%3E"
    assert export(samples_graph, "jsonld") == export(samples_graph, "jsonld")
    assert doc_iri(BUDGET_ID) == f"urn:orggraph:doc:{BUDGET_ID}"
    assert duty_iri("duty:5fac265cd520") == "urn:orggraph:duty:5fac265cd520"


# --------------------------------------------------------------------------- mermaid
def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """``(node id → unescaped label, edges)``; fails on any line that is neither."""
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    nodes, edges = {}, []
    for line in lines[1:]:
        if m := re.fullmatch(r'    ([A-Za-z]\w*)\["([^"\n]*)"\]', line):
            assert m.group(1) not in nodes
            nodes[m.group(1)] = re.sub(r"#(\d+);", lambda e: chr(int(e.group(1))), m.group(2))
        elif m := re.fullmatch(r"    ([A-Za-z]\w*) --> ([A-Za-z]\w*)", line):
            edges.append((m.group(1), m.group(2)))
        else:
            raise AssertionError(f"not a Mermaid node or edge: {line!r}")
    return nodes, edges


def test_mermaid_edges_join_declared_nodes_and_labels_are_the_names(samples_graph):
    nodes, edges = parse_mermaid(export(samples_graph, "mermaid", unit="關務署"))
    s = scope(samples_graph, "關務署")
    assert list(nodes.values()) == [samples_graph.node(u)["name"] for u in s.units]
    by_id = dict(zip(nodes, s.units))
    assert all(a in nodes and b in nodes for a, b in edges)
    assert sorted((by_id[a], by_id[b]) for a, b in edges) == sorted(
        (samples_graph.parent(u), u) for u in s.units[1:])
    # tree 關務署's children, in document order
    assert [by_id[b] for a, b in edges if by_id[a] == "財政部/關務署"] == samples_graph.children("財政部/關務署")


def test_mermaid_depth_cuts_levels_and_says_how_many_are_below(run):
    out = run("export", "關務署", "--depth", "1", "--format", "mermaid", "-o", "-")
    assert out.exit_code == 0
    nodes, edges = parse_mermaid(out.stdout)
    graph = open_store("/nonexistent/store.json").graph()
    assert len(nodes) == 1 + len(graph.children("財政部/關務署")) and len(edges) == len(nodes) - 1
    keelung = len(graph.descendants("財政部/關務署/基隆關"))
    assert f"基隆關<br>+{keelung} below" in nodes.values()


# --------------------------------------------------------------------------- names that break formats
NASTY = ['甲"乙\'', "<丙&丁>", "戊/己", "庚\n辛", "壬\x01癸\x7f", "[子](丑){寅}|卯`辰#35;", "巳\r\t午"]


@pytest.fixture(scope="module")
def nasty():
    g = OrgGraph()
    for i, name in enumerate(NASTY):
        src = Source("doc&<1>", i + 3, i + 3, "第2條", "一")
        g.add_unit(("機關\"<&>",), "Agency", "部", Source("doc&<1>", 1))
        g.add_unit(("機關\"<&>", name), "Division", "組", src)
        g.add_duty(("機關\"<&>", name), f"{name}之管理", src)
    return g


def test_nasty_names_give_valid_graphml_and_gexf(nasty):
    units = [u["id"] for u in nasty.units()]
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = reader(io.BytesIO(export(nasty, fmt).encode()))
        for uid in units:
            assert g.nodes[legal(uid)]["label"] == legal(nasty.node(uid)["name"])
        assert sum(1 for _, _, d in g.edges(data=True) if d.get("type", d.get("label")) == "HANDLES") == len(NASTY)
    root = ET.fromstring(export(nasty, "graphml").encode())
    assert sorted(lab.text for lab in root.iter(f"{Y}NodeLabel") if "之管理" not in lab.text) == \
        sorted(legal(nasty.node(u)["name"]) for u in units)


def test_nasty_names_give_valid_csv_jsonld_mermaid_and_json(nasty):
    rows = read_csv(export(nasty, "csv"))
    assert [r["unit"] for r in rows] == [nasty.node(u)["name"] for u, _, _ in nasty.edges("HANDLES")]
    assert {r["document"] for r in rows} == {"doc&<1>"}
    g = rdflib.Graph().parse(data=export(nasty, "jsonld"), format="json-ld")
    labels = {str(o) for o in g.objects(predicate=rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
    assert {u["name"] for u in nasty.units()} <= labels
    nodes, edges = parse_mermaid(export(nasty, "mermaid"))
    assert sorted(nodes.values()) == sorted(u["name"] for u in nasty.units())
    assert len(edges) == len(NASTY)
    assert json.loads(export(nasty, "json"))["nodes"]


def test_csv_cells_never_become_spreadsheet_formulas():
    # A document's text is data: 「=HYPERLINK(…)」 or 「@SUM(…)」 must reach the sheet as text, not run.
    g = OrgGraph()
    src = Source("evil", 3, 3, "第2條", "一")
    g.add_unit(("某局",), "Agency", "局", Source("evil", 1))
    g.add_unit(("某局", "=HYPERLINK(\"http://x\")組"), "Division", "組", src)
    g.add_duty(("某局", "=HYPERLINK(\"http://x\")組"), "@cmd之管理", src)
    g.add_duty(("某局", "=HYPERLINK(\"http://x\")組"), "-1+1之審核", src)
    rows = read_csv(export(g, "csv"))
    assert {r["unit"] for r in rows} == {"'=HYPERLINK(\"http://x\")組"}
    assert sorted(r["duty"] for r in rows) == ["'-1+1之審核", "'@cmd之管理"]
    assert not any(v[:1] in "=+-@" for r in rows for v in r.values() if v)


# --------------------------------------------------------------------------- the command
@pytest.mark.parametrize("suffix, check", [
    (".graphml", lambda p: nx.read_graphml(p)), (".gexf", lambda p: nx.read_gexf(p)),
    (".csv", lambda p: read_csv(p.read_text(encoding="utf-8"))),
    (".jsonld", lambda p: json.loads(p.read_text())["@graph"]),
    (".mmd", lambda p: parse_mermaid(p.read_text())[0]), (".mermaid", lambda p: parse_mermaid(p.read_text())[0]),
    (".json", lambda p: json.loads(p.read_text())["nodes"]),
])
def test_the_format_follows_the_file_suffix(run, tmp_path, suffix, check):
    target = tmp_path / f"out{suffix}"
    assert run("export", "基隆關", "-o", target).exit_code == 0
    assert len(check(target)) > 0


def test_bad_export_requests_are_one_line_errors(run, tmp_path):
    for args in (["-o", tmp_path / "x.txt"], ["不存在的單位", "-o", tmp_path / "x.csv"]):
        result = run("export", *args)
        assert result.exit_code == 1 and result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
        assert "Traceback" not in result.stderr and not list(tmp_path.iterdir())
    result = run("export", "--format", "gexf", "--table", "units")
    assert result.exit_code == 2 and "--table is for --format csv" in result.stderr


def test_an_unwritable_export_path_is_an_export_error_not_a_store_one(run, tmp_path):
    """A planner writing `export -o` somewhere they cannot write is told about that file, not sent to --store."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("export", "基隆關", "-o", blocker / "x.csv")
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {blocker / 'x.csv'}: cannot write here")
    assert "--store" not in result.stderr and not blocker.is_dir()
    from graph_model.errors import ExportError
    from graph_model.store.files import atomic_write
    with pytest.raises(ExportError):
        atomic_write(blocker / "x.csv", b"", error=ExportError)


def test_export_to_dash_writes_csv_to_standard_output(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", "基隆關/稽查組", "--format", "csv", "-o", "-")
    assert result.exit_code == 0 and not (tmp_path / "-").exists()
    assert [r["line"] for r in read_csv(result.stdout)] == ["34"] * 9


def test_global_all_exports_abolished_documents_too(run, store001, tmp_path):
    sys.path.insert(0, str(REPO / "eval"))
    from corpus import national_file
    abolished = tmp_path / "A0010042.json"  # 檔案管理局組織條例, 廢止註記 「廢」
    abolished.write_bytes(national_file("A0010042"))
    assert json.loads(abolished.read_text(encoding="utf-8-sig"))["廢止註記"] == "廢"
    assert run("--store", store001, "load", abolished).exit_code == 0
    ids = {}
    for flags in ([], ["--all"]):
        result = run("--store", store001, *flags, "export", "--format", "csv", "--table", "units", "-o", "-")
        assert result.exit_code == 0
        ids[bool(flags)] = {r["unit_id"] for r in read_csv(result.stdout)}
        assert ids[bool(flags)] == loaded_units(open_store(store001).graph(history=bool(flags)))
    added = ids[True] - ids[False]
    assert "國家發展委員會/檔案管理局/秘書室" in added and ids[False] < ids[True]
    assert all(u.startswith("國家發展委員會") for u in added)  # only what the abolished act set up


# --------------------------------------------------------------------------- the national store
@pytest.fixture(scope="module")
def national(tmp_path_factory, national_documents):
    """The graph of the whole national corpus (data/national.tar.xz), as `load DIR` stores it."""
    store = open_store(tmp_path_factory.mktemp("national") / "store.json")
    store.add({p.document.id: (p.document.path, p) for p in national_documents})
    return store.graph()


def test_every_format_exports_the_national_store(national):
    # Parsed with a plain XML parser here (networkx's readers are exercised on the bundled corpus above).
    units, edges = loaded_units(national), handles(national)
    # (The current government: 3,931 units, superseded documents left out.)
    assert len(units) > 3500 and len(edges) > 20000
    assert len(read_csv(export(national, "csv"))) == len(edges)
    assert len(read_csv(export(national, "csv", table="units"))) == len(units)
    root = ET.fromstring(export(national, "graphml").encode())
    labels = {n.get("id"): n.find(f".//{Y}NodeLabel").text for n in root.iter(f"{G}node")}
    assert all(labels[u] == national.node(u)["name"] for u in units)
    assert sum(1 for _ in root.iter(f"{G}edge")) == len(edges) + len(units) - len(set(national.roots()) & units)
    gexf = ET.fromstring(export(national, "gexf").encode())
    assert sum(1 for _ in gexf.iter("{http://www.gexf.net/1.2draft}node")) == len(labels)
    ld = json.loads(export(national, "jsonld"))["@graph"]
    assert sum(1 for n in ld if "og:DutyStatement" in n.get("@type", ()) and "og:unit" in n) == len(edges)
    # the meetings units hold (最高軍事法院's 軍事審判官會議, F0010067:95) and what each decides: no units
    meetings = [n for n in ld if "og:Meeting" in n.get("@type", ())]
    decided = [n for n in ld if "og:meeting" in n]
    assert any(n["rdfs:label"]["@value"] == "軍事審判官會議" for n in meetings)
    assert decided and all(n["og:meeting"]["@id"] in {m["@id"] for m in meetings} for n in decided)
    nodes, links = parse_mermaid(export(national, "mermaid"))
    assert len(nodes) == len(units) and len(links) == len(units) - len(set(national.roots()) & units)
