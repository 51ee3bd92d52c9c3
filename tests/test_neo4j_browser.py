"""Neo4j Browser: the style sheet, the graph cookbook, the guide, and Browser itself in headless Chromium.

The graph queries (```` ```cypher graph ```` in docs/neo4j.md) run against the real server of
``neo4j_server`` holding the bundled corpus; their subgraphs are checked against the
embedded graph and the seed documents' text.  Browser is the web app the server serves
(the ``org.neo4j.client:neo4j-browser`` jar of neo4j/pom.xml), driven in Debian's chromium
with every request off the loopback refused.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from graph_model.neo4j import guide
from graph_model.neo4j.connection import Settings, connect
from graph_model.neo4j.writer import expected_counts, push
from graph_model.records.records import UNIT_KINDS
from queries.textnorm import fold
from support import REPO, SEED_ACT, SEED_BUDGET, SEED_SOP, SEEDS

GRASS = REPO / "docs" / "orggraph.grass"
SHOTS = os.environ.get("ORGGRAPH_BROWSER_SHOTS")  # a directory: keep the screenshots there (docs/img)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from graph_model.store.store import open_store
    return open_store(tmp_path_factory.mktemp("nostore") / "store.json").graph()


def grass_rules(text: str) -> dict[str, dict[str, str]]:
    """``selector -> {property: value}``, read as Browser's own parser reads grass (parseGrass, ported).

    Braces inside quotes are text, quotes are dropped, a declaration that does not split
    into exactly ``name: value`` is lost (so a caption may not hold ``:``): asserted here.
    """
    raw, selector, body, quoted, in_rule, nested = {}, "", "", False, False, False
    for ch in text:
        special = ch in "{}'\""
        if ch == "{":
            if quoted:
                special = False
            elif in_rule:
                nested = True
            else:
                in_rule = True
        elif ch == "}":
            if quoted:
                special = False
            elif nested:
                nested = False
            else:
                in_rule, raw[selector], selector, body = False, body, "", ""
        elif ch in "'\"":
            quoted = not quoted
        if not special:
            if in_rule:
                body += ch
            elif not ch.isspace():
                selector += ch
    rules = {}
    for sel, decls in raw.items():
        rules[sel] = {}
        for decl in decls.split(";"):
            parts = decl.split(":")
            assert len(parts) == 2 or not decl.strip(), f"Browser cannot read {decl.strip()!r} in {sel}"
            if len(parts) == 2:
                rules[sel][parts[0].strip()] = parts[1].strip()
    return rules


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def squash(text: str) -> str:
    return "".join(fold(text).split())


SEED_LINES = {p.stem: _lines(p) for p in SEEDS.glob("*.txt")}


def said(doc: str, line: int, end_line: int | None, text: str) -> bool:
    """``text`` is on lines ``line``..``end_line`` (or the next two) of seed ``doc``, spacing and width aside."""
    span = SEED_LINES[doc][line - 1:max(end_line or line, line + 2)]
    return squash(text) in squash("".join(span))


# --------------------------------------------------------------------------- the style sheet
def test_every_label_and_type_orggraph_writes_is_styled(corpus):
    rules = grass_rules(GRASS.read_text(encoding="utf-8"))
    counts = expected_counts(corpus)
    labels = set(counts["labels"]) | set(UNIT_KINDS)
    assert {"Procedure", "Step", "Law", "Form", "Post", "Headcount", "Committee", "Rule", "Team"} <= labels
    for label in labels:
        rule = rules[f"node.{label}"]
        assert {"color", "diameter", "caption", "font-size", "border-color"} <= set(rule), label
        assert re.fullmatch(r"#[0-9A-F]{6}", rule["color"]), label
        # every caption names properties the nodes of that label have
        nodes = list(corpus.nodes_with_label(label))
        for prop in re.findall(r"\{(\w+)\}", rule["caption"]):
            assert not nodes or any(prop in n for n in nodes), (label, prop)
    for rtype in counts["types"]:
        rule = rules[f"relationship.{rtype}"]
        assert rule["caption"] and "color" in rule, rtype
        for prop in re.findall(r"\{(\w+)\}", rule["caption"]):
            assert any(prop in d for *_, d in corpus.edges(rtype)), (rtype, prop)
    # duties are large, with text that fits: ten characters on the middle line, not 「進口…」
    duty = rules["node.Duty"]
    assert duty["caption"] == "{text}"
    assert float(duty["diameter"].removesuffix("px")) / float(duty["font-size"].removesuffix("px")) >= 10
    assert rules["node.Step"]["caption"].startswith("{n}.")  # steps show their order


# --------------------------------------------------------------------------- the guide (no server)
def test_graph_queries_are_read_from_the_docs_with_titles_and_params():
    queries = guide.cookbook()
    names = [q.name for q in queries]
    assert names == ["graph-unit-duties", "graph-who-handles", "graph-shared-duties", "graph-subtree",
                     "graph-procedure-steps", "graph-units-of-law", "graph-posts-and-headcount"]
    for q in queries:
        assert q.params and all(f"${k}" in q.cypher for k in q.params), q.name  # parameterized, all used
        assert re.search(r"\bRETURN p\b", q.cypher), q.name  # returns paths: Browser draws a graph
        assert q.title and "```" not in q.title
    two = next(q for q in queries if len(q.params) == 2)
    assert two.param_command() == ':params {id: "財政部/關務署/基隆關", year: 109}'


def test_guide_html_has_a_slide_per_query_and_the_style_link():
    queries = guide.cookbook()
    page = guide.guide_html(queries, "http://localhost:1234")
    assert page.count("<slide ") == len(queries) + 1
    assert 'exec-topic="style http://localhost:1234/orggraph.grass"' in page
    import html
    text = html.unescape(page)
    for q in queries:
        assert q.cypher in text and q.param_command() in text


def test_cli_guide_serves_guide_and_style_until_interrupted():
    proc = subprocess.Popen([sys.executable, "-c", "from cli import main; main()", "neo4j", "guide", "--port", "0"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        url = re.search(r"at (http://localhost:\d+)/", first).group(1)
        assert proc.stdout.readline() == "in Neo4j Browser, run:\n"
        assert proc.stdout.readline() == f"  :play {url}/orggraph.html\n"
        assert proc.stdout.readline() == f"  :style {url}/orggraph.grass\n"
        with urllib.request.urlopen(url.replace("localhost", "127.0.0.1") + "/orggraph.grass") as resp:
            assert resp.headers["Access-Control-Allow-Origin"] == "*"
            assert resp.read().decode("utf-8") == GRASS.read_text(encoding="utf-8")
        with urllib.request.urlopen(url.replace("localhost", "127.0.0.1") + "/orggraph.html") as resp:
            assert "<carousel" in resp.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url.replace("localhost", "127.0.0.1") + "/etc/passwd")
        assert missing.value.code == 404
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)  # a guard against a hang, not a timing
    assert proc.returncode == 0 and "Traceback" not in err


def test_cli_guide_on_a_taken_port_is_one_line(run):
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("neo4j", "guide", "--port", port)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot listen on 127.0.0.1:{port}: Address already in use "
                             "(choose another with --port)\n")


# --------------------------------------------------------------------------- the graph cookbook on a real server
def conf(server) -> Settings:
    return Settings(server["NEO4J_URI"], server["NEO4J_USERNAME"], server["NEO4J_PASSWORD"], server["NEO4J_DATABASE"])


@pytest.fixture(scope="module")
def pushed(neo4j_server, corpus):
    push(corpus, conf(neo4j_server))
    return conf(neo4j_server)


def subgraph(settings, query):
    """Nodes ``{id: (labels, props)}`` and relationships ``[(type, source id, target id, props)]`` of the result."""
    with connect(settings) as driver, driver.session(database=settings.database, default_access_mode="READ") as s:
        graph = s.run(query.cypher, query.params).graph()
        nodes = {n["id"]: (set(n.labels), dict(n)) for n in graph.nodes}
        rels = [(r.type, r.start_node["id"], r.end_node["id"], dict(r)) for r in graph.relationships]
    return nodes, rels


QUERIES = {q.name: q for q in guide.cookbook()}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_graph_query(name, pushed, corpus):
    query = QUERIES[name]
    p = query.params
    nodes, rels = subgraph(pushed, query)
    assert nodes and rels
    for rtype, src, dst, _props in rels:  # what a path shows is what the documents say
        assert corpus.g.has_edge(src, dst), (rtype, src, dst)
    if name == "graph-unit-duties":
        duties = {d["text"] for d, _ in corpus.duties_of(p["id"])}
        assert {n["text"] for labels, n in nodes.values() if "Duty" in labels} == duties and len(duties) >= 5
        assert {r[0] for r in rels} == {"HANDLES"} and {r[1] for r in rels} == {p["id"]}
        for _, _, did, h in rels:
            assert said(h["doc"], h["line"], h.get("end_line"), nodes[did][1]["text"]), nodes[did][1]["text"]
    elif name == "graph-who-handles":
        texts = [n["text"] for labels, n in nodes.values() if "Duty" in labels]
        assert "保稅工廠、保稅倉庫、物流中心及進出口貨棧之監管" in texts and len(texts) <= 5
        assert all("保稅" in t or "監管" in t for t in texts)
        holders = {src for _, src, _, _ in rels}
        assert "財政部/關務署/高雄關/嘉南分關" in holders
        for _, _src, did, h in rels:  # every unit drawn is every unit that holds the statement
            assert {u["id"] for u, _ in corpus.handlers(did)} <= holders
            assert said(h["doc"], h["line"], h.get("end_line"), nodes[did][1]["text"])
    elif name == "graph-shared-duties":
        mine = {d["id"] for d, _ in corpus.duties_of(p["id"])}
        shared = {did for did in mine if len(corpus.handlers(did)) > 1}
        assert {i for i, (labels, _) in nodes.items() if "Duty" in labels} == shared and shared
        others = {u["id"] for did in shared for u, _ in corpus.handlers(did)} - {p["id"]}
        assert {i for i, (labels, _) in nodes.items() if "Unit" in labels} == others | {p["id"]}
        # 印信典守 is the 秘書室's of every customs office (seed 001, one line each)
        seal = next(n["text"] for labels, n in nodes.values() if "Duty" in labels and n["text"].startswith("印信典守"))
        lines = [h for t, _, did, h in rels if nodes[did][1]["text"] == seal]
        assert len(lines) >= 4 and all(said(h["doc"], h["line"], h.get("end_line"), seal) for h in lines)
    elif name == "graph-subtree":
        expected = set(corpus.descendants(p["id"], depth=2))
        assert set(nodes) == expected | {p["id"]} and len(expected) >= 10
        assert {"財政部/關務署/基隆關/稽查組", "財政部/關務署/基隆關/八里分關"} <= expected
        for _, _src, dst, h in rels:  # each child is named where the budget book lists its parent's units
            assert nodes[dst][1]["name"] in "".join(
                SEED_LINES[h["doc"]][h["line"] - 1:(h.get("end_line") or h["line"]) + 2])
    elif name == "graph-procedure-steps":
        procs = [n for labels, n in nodes.values() if "Procedure" in labels]
        assert [n["title"] for n in procs] == ["經濟部駐外機構通訊錄製作流程"]
        steps = sorted((n for labels, n in nodes.values() if "Step" in labels), key=lambda s: s["n"])
        assert [s["n"] for s in steps] == list(range(1, len(steps) + 1)) and len(steps) == 9
        sop = SEED_LINES[SEED_SOP.stem]
        for s in steps:
            assert said(s["doc"], s["line"], s.get("end_line"), s["text"][:12]), s["text"]
        assert [s["line"] for s in steps] == sorted(s["line"] for s in steps)  # in the document's order
        nexts = sorted((nodes[a][1]["n"], nodes[b][1]["n"]) for t, a, b, _ in rels if t == "NEXT")
        assert nexts == [(i, i + 1) for i in range(1, 9)]
        assert "通訊錄製作流程" in "".join(sop[procs[0]["line"] - 1:procs[0]["line"] + 1])
    elif name == "graph-units-of-law":
        act = SEED_ACT.stem
        stated = {(u, v) for u, v, d in corpus.edges("HAS_UNIT") if d["doc"] == act}
        assert {(a, b) for _, a, b, _ in rels} == stated and len(stated) >= 10
        text = squash("".join(SEED_LINES[act]))
        for _, _, child, _ in rels:  # each unit is named in the organization act
            assert squash(nodes[child][1]["name"]) in text, nodes[child][1]["name"]
    elif name == "graph-posts-and-headcount":
        unit, year = p["id"], p["year"]
        posts = [n for labels, n in nodes.values() if "Post" in labels]
        figures = {n["category"]: n["value"] for labels, n in nodes.values() if "Headcount" in labels}
        assert [n["title"] for n in posts] == ["關務長"]
        assert said(posts[0]["doc"], posts[0]["line"], posts[0].get("end_line"), "關務長")
        # the budget book's staffing table, 109年度, 基隆關: each value is the number on its line
        for labels, n in nodes.values():
            if "Headcount" in labels:
                assert n["year"] == year and n["doc"] == SEED_BUDGET.stem
                assert SEED_LINES[n["doc"]][n["line"] - 1].strip() == str(n["value"])
        assert figures["合計"] == 1146 and figures["職員"] == 1038 and len(figures) == 7
        assert all(src == unit for _, src, _, _ in rels)
    else:  # pragma: no cover
        raise AssertionError(f"no assertion for graph query {name!r}")


# --------------------------------------------------------------------------- Neo4j Browser in Chromium
@pytest.fixture(scope="module")
def guide_server():
    server = guide.serve(port=0)
    yield server
    server.shutdown()


@pytest.fixture
def loopback_page(browser):
    """A page that reaches only 127.0.0.1/localhost (Browser asks for web fonts, which are refused)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", lambda route: route.continue_()
                  if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost") else route.abort())
    try:
        yield context.new_page()
    finally:
        context.close()


def open_browser(page, settings: Settings):
    """Open the server's Neo4j Browser and connect with the test server's user and password."""
    import neo4j  # the server's settings: no read of the graph, so not through orggraph cypher
    with neo4j.GraphDatabase.driver(settings.uri, auth=(settings.username, settings.password)) as driver:
        http = driver.execute_query("SHOW SETTINGS YIELD name, value WHERE name = 'server.http.listen_address' "
                                    "RETURN value").records[0][0]
    bolt = urlparse(settings.uri)
    page.goto(f"http://{http}/browser/?dbms=bolt://{settings.username}@{bolt.hostname}:{bolt.port}&db=neo4j")
    page.fill("[data-testid=password]", settings.password)
    page.click("[data-testid=connect]")
    page.wait_for_selector("text=You are connected", timeout=90000)


def run_in_editor(page, command: str):
    page.locator("[data-testid=activeEditor]").first.click()
    page.keyboard.insert_text(command)
    page.click("[data-testid=editor-Run]")
    # Browser empties the editor once it took the command: only then can the next one be typed
    page.wait_for_function("() => !document.querySelector('[data-testid=activeEditor] .view-lines')"
                           ".textContent.trim()", timeout=60000)


def set_params(page, query):
    """Run the query's ``:param`` line and wait until Browser has set them (it evaluates them as Cypher)."""
    run_in_editor(page, query.param_command())
    page.wait_for_selector("text=Successfully set your parameters", timeout=60000)


def drawn(page, count: int) -> list[dict]:
    """The nodes the graph frame draws, once there are ``count``: caption (lines joined, no spaces), fill, radius."""
    frame = page.locator("svg.neod3viz").first
    page.wait_for_function("n => { const s = document.querySelector('svg.neod3viz');"
                           " return s && s.querySelectorAll('g.node').length >= n }", arg=count, timeout=90000)
    page.wait_for_timeout(2500)  # the layout settles
    return frame.evaluate(r"""svg => Array.from(svg.querySelectorAll('g.node')).map(g => {
        const ring = g.querySelector('circle.b-outline');
        return {caption: Array.from(g.querySelectorAll('text')).map(t => t.textContent).join('').replace(/\s/g, ''),
                fill: ring && ring.getAttribute('fill'), r: ring && parseFloat(ring.getAttribute('r'))};
    })""")


def shot(page, tmp_path, name):
    path = Path(SHOTS or tmp_path) / f"browser-{name}.png"
    page.locator("article").first.screenshot(path=str(path))
    assert path.stat().st_size > 20_000  # a picture, not a blank frame
    return path


def matches(caption: str, text: str) -> bool:
    """Browser's caption (spaces removed) is the text, or its start cut with 「…」."""
    whole = text.replace(" ", "")
    return caption == whole or (caption.endswith("…") and whole.startswith(caption[:-1]))


def test_browser_plays_the_guide_applies_the_style_and_draws_a_cookbook_query(loopback_page, pushed, corpus,
                                                                              guide_server, tmp_path):
    page = loopback_page
    open_browser(page, pushed)
    run_in_editor(page, f":play {guide_server.url}{guide.GUIDE_PATH}")
    page.wait_for_selector("text=orggraph in Neo4j Browser", timeout=60000)
    shot(page, tmp_path, "guide")
    page.click("text=Apply the orggraph style")  # exec-topic: runs :style URL
    page.wait_for_selector("text=Duty", timeout=60000)
    query = QUERIES["graph-shared-duties"]
    set_params(page, query)
    run_in_editor(page, query.cypher)
    expected, _ = subgraph(pushed, query)
    nodes = drawn(page, len(expected))
    assert len(nodes) == len(expected)
    rules = grass_rules(GRASS.read_text(encoding="utf-8"))
    duties = [n for n in nodes if n["fill"] == rules["node.Duty"]["color"]]
    units = [n for n in nodes if n["fill"] == rules["node.Division"]["color"]]
    assert len(duties) == sum("Duty" in labels for labels, _ in expected.values())
    assert len(units) == sum("Unit" in labels for labels, _ in expected.values())
    assert {n["r"] for n in duties} == {float(rules["node.Duty"]["diameter"].removesuffix("px")) / 2}
    texts = [n["text"] for labels, n in expected.values() if "Duty" in labels]
    for n in duties:  # each duty circle shows the start of one duty the unit shares
        assert any(matches(n["caption"], t) for t in texts), n["caption"]
        assert len(n["caption"]) >= 8
    assert {n["caption"] for n in units} == {"秘書室"}
    shot(page, tmp_path, "shared-duties")


@pytest.mark.parametrize("name", ["graph-procedure-steps", "graph-subtree"])
def test_browser_draws_styled_captions(name, loopback_page, pushed, guide_server, tmp_path):
    page = loopback_page
    open_browser(page, pushed)
    run_in_editor(page, f":style {guide_server.url}{guide.STYLE_PATH}")
    page.wait_for_selector("text=node.Step", timeout=60000)  # the :style frame lists the sheet Browser took
    query = QUERIES[name]
    set_params(page, query)
    run_in_editor(page, query.cypher)
    expected, _ = subgraph(pushed, query)
    nodes = drawn(page, len(expected))
    rules = grass_rules(GRASS.read_text(encoding="utf-8"))
    captions = sorted(n["caption"] for n in nodes)
    if name == "graph-procedure-steps":
        steps = [n for n in nodes if n["fill"] == rules["node.Step"]["color"]]
        assert sorted(int(n["caption"].split(".")[0]) for n in steps) == list(range(1, 10))
        for n in steps:  # 「3. 」 and the start of step 3's text
            number, _, start = n["caption"].partition(".")
            step = next(s for labels, s in expected.values() if "Step" in labels and s["n"] == int(number))
            assert matches(start, step["text"]), n["caption"]
    else:
        names = sorted(n["name"] for _, n in expected.values())
        assert captions == names  # unit names fit whole
        fills = {n["caption"]: n["fill"] for n in nodes}
        assert fills["八里分關"] == rules["node.BranchOffice"]["color"]
        assert fills["基隆關"] == rules["node.Agency"]["color"]
    shot(page, tmp_path, name.removeprefix("graph-"))


def test_browser_takes_the_style_sheet_dropped_on_it(loopback_page, pushed, tmp_path):
    page = loopback_page
    open_browser(page, pushed)
    grass = GRASS.read_text(encoding="utf-8")
    page.evaluate("""text => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'orggraph.grass', {type: 'text/plain'}));
        const target = document.querySelector('[data-testid=activeEditor]');
        for (const type of ['dragenter', 'dragover', 'drop'])
            target.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
    }""", grass)
    page.wait_for_selector("text=node.Headcount", timeout=60000)  # Browser shows the style it took
    query = QUERIES["graph-posts-and-headcount"]
    set_params(page, query)
    run_in_editor(page, query.cypher)
    expected, _ = subgraph(pushed, query)
    nodes = drawn(page, len(expected))
    rules = grass_rules(grass)
    figures = sorted(n["caption"] for n in nodes if n["fill"] == rules["node.Headcount"]["color"])
    assert figures == sorted(f"{n['year']}{n['category']}{n['value']}" for labels, n in expected.values()
                             if "Headcount" in labels)
    assert "109合計1146" in figures  # 基隆關's 109 total, as its line of the budget book says
