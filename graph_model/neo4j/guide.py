"""A Neo4j Browser guide for orggraph's graph queries, and a small local server for it.

Neo4j Browser plays a guide with ``:play URL`` and loads a style sheet with
``:style URL``; both fetch over HTTP from a host on the server's allowlist
(``browser.remote_content_hostname_whitelist``, by default ``guides.neo4j.com,
localhost``).  :func:`serve` therefore listens on 127.0.0.1 and names itself
``localhost``, and answers with ``Access-Control-Allow-Origin: *`` (Browser's
page is on another port: another origin) what is asked of it by that name or its
address only.

The guide is built from docs/neo4j.md, so the queries it offers are the
cookbook's, those the test suite runs: every block fenced ```` ```cypher graph ````
becomes a slide with its ``:param`` line and the query (both click to the editor).

>>> md = '''Intro.
...
... A unit and its duties:
...
... ```cypher graph
... // name: unit-duties
... // params: {"id": "財政部/關務署"}
... MATCH p = (:Unit {id: $id})-[:HANDLES]->(:Duty) RETURN p
... ```
... '''
>>> [(q.name, q.title, q.params) for q in graph_queries(md)]
[('unit-duties', 'A unit and its duties', {'id': '財政部/關務署'})]
>>> graph_queries(md)[0].param_command()
':param id => "財政部/關務署"'
"""
from __future__ import annotations

import html
import json
import re
import sys
import threading
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast

from graph_model.errors import GuideError

GUIDE_PATH = "/orggraph.html"
STYLE_PATH = "/orggraph.grass"
DEFAULT_PORT = 7480

# docs/ in a checkout; <prefix>/share/orggraph in an installed wheel (pyproject data-files).
_REPO_DOCS = Path(__file__).resolve().parents[2] / "docs"
DOCS_DIR = next((d for d in (_REPO_DOCS, Path(sys.prefix) / "share" / "orggraph")
                 if (d / "orggraph.grass").is_file()), _REPO_DOCS)

_BLOCK = re.compile(r"(?:^|\n\n)((?:[^\n]+\n)*?[^\n]+)\n\n```cypher graph\n(.*?)```", re.S)




@dataclass(frozen=True)
class GraphQuery:
    """One cookbook query whose result is a subgraph: ``params`` as the docs' ``// params:`` line gives them."""

    name: str
    title: str
    params: dict
    cypher: str

    def param_command(self) -> str:
        """The Browser command that sets the parameters (``:param k => v``, one or a map)."""
        if len(self.params) == 1:
            (key, value), = self.params.items()
            return f":param {key} => {json.dumps(value, ensure_ascii=False)}"
        return ":params " + _cypher_map(self.params)


def _cypher_map(params: dict) -> str:
    return "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in params.items()) + "}"


def graph_queries(markdown: str) -> list[GraphQuery]:
    """The ```` ```cypher graph ```` blocks of ``markdown``; a block's title is the paragraph before it."""
    out = []
    for intro, body in _BLOCK.findall(markdown):
        name = re.search(r"^// name: (\S+)$", body, re.M)
        params = re.search(r"^// params: (.*)$", body, re.M)
        if not (name and params):
            raise GuideError(f"a graph query in the cookbook lacks its // name: or // params: line:\n{body}")
        title = " ".join(intro.split()).rstrip(":：")
        out.append(GraphQuery(name.group(1), title, json.loads(params.group(1)), body.strip()))
    return out


def cookbook() -> list[GraphQuery]:
    """The graph queries of docs/neo4j.md."""
    return graph_queries(_read("neo4j.md"))


def style_sheet() -> str:
    """docs/orggraph.grass, the style sheet the guide applies."""
    return _read("orggraph.grass")


def _read(name: str) -> str:
    path = DOCS_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GuideError(f"cannot read {path}: {exc.strerror}") from None


def guide_html(queries: list[GraphQuery], base_url: str) -> str:
    """The guide (slides for ``:play``): applying the style from ``base_url``, then one slide per query."""
    style = f"style {base_url}{STYLE_PATH}"
    slides = [
        "<h3>orggraph in Neo4j Browser</h3>\n"
        "<p>Government units, the duties they handle, their posts and headcounts, and procedures, "
        "as <code>orggraph neo4j push</code> wrote them. First apply the style sheet "
        "(colours, sizes and captions for every label):</p>\n"
        f'<p><a href="#" exec-topic="{html.escape(style)}">Apply the orggraph style</a> '
        f"(runs <code>:{html.escape(style)}</code>)</p>\n"
        f'<pre class="code runnable">:{html.escape(style)}</pre>\n'
        "<p>Each next slide is a cookbook query that draws a subgraph: click the "
        "<code>:param</code> line, run it, then click the query and run it. "
        "Change the parameter to look at another unit.</p>"
    ]
    for q in queries:
        slides.append(
            f"<h3>{html.escape(q.title)}</h3>\n"
            f"<p>Parameters (<code>{html.escape(q.name)}</code>):</p>\n"
            f'<pre class="code runnable">{html.escape(q.param_command())}</pre>\n'
            f'<pre class="code runnable">{html.escape(q.cypher)}</pre>')
    body = "\n".join(f"<slide class=\"row-fluid\">\n<div class=\"col-sm-12\">\n{s}\n</div>\n</slide>" for s in slides)
    return ('<article class="guide">\n<carousel class="deck container-fluid">\n'
            f"{body}\n</carousel>\n</article>\n")


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, files: dict, **kwargs):
        self.files = files
        super().__init__(*args, **kwargs)

    def do_GET(self):  # noqa: N802 (http.server's name)
        # Only by its own name: a page of another site whose name was made to point here (DNS rebinding)
        # sends that name, and the guide is served to any origin.
        if self.headers.get("Host", "").lower() not in cast("GuideServer", self.server).hosts:
            self.send_error(421, "orggraph answers only at localhost")
            return
        found = self.files.get(self.path.split("?")[0].split("#")[0])
        if found is None:
            self.send_error(404, "orggraph serves only " + ", ".join(sorted(self.files)))
            return
        body, kind = found
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind + "; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")  # Browser's page is another origin
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # quiet: the CLI says what it serves
        pass


class GuideServer(ThreadingHTTPServer):
    url = ""  # the base URL, set by serve()
    hosts: frozenset[str] = frozenset()  # the Host headers it answers: its name and address, with the port


def serve(port: int = DEFAULT_PORT, host: str = "127.0.0.1") -> GuideServer:
    """A started server (in a daemon thread) for the guide and the style sheet; ``.url`` is its base URL.

    The files are read once, now; call ``.shutdown()`` to stop it.
    """
    queries, style = cookbook(), style_sheet()
    try:
        server = GuideServer((host, port), partial(_Handler, files={}))
    except OSError as exc:
        raise GuideError(f"cannot listen on {host}:{port}: {exc.strerror} (choose another with --port)") from None
    name = "localhost" if host in ("127.0.0.1", "localhost") else host
    server.url = f"http://{name}:{server.server_address[1]}"
    server.hosts = frozenset(f"{h}:{server.server_address[1]}" for h in ("localhost", "127.0.0.1", host))
    server.RequestHandlerClass = partial(_Handler, files={
        GUIDE_PATH: (guide_html(queries, server.url), "text/html"),
        STYLE_PATH: (style, "text/plain"),
        "/": (f'<p>orggraph: <a href="{GUIDE_PATH}">{GUIDE_PATH}</a>, '
              f'<a href="{STYLE_PATH}">{STYLE_PATH}</a></p>', "text/html")})
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def instructions(url: str) -> str:
    """What to type in Browser for the guide served at ``url``."""
    return (f"serving the orggraph guide and style sheet at {url}/ (Ctrl+C to stop)\n"
            "in Neo4j Browser, run:\n"
            f"  :play {url}{GUIDE_PATH}\n"
            f"  :style {url}{STYLE_PATH}")
