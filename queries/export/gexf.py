"""GEXF 1.2 export for Gephi: units and duties with their labels and attributes, HAS_UNIT and
HANDLES edges (the relation as the edge label) with their provenance, and the same tree
layout and colours as the GraphML export (``viz:position``, ``viz:color``).

>>> import io, networkx as nx
>>> from graph_model.store.store import open_store
>>> from queries.export.scope import scope
>>> g = nx.read_gexf(io.BytesIO(gexf(scope(open_store("/x/s.json").graph(), "基隆關")).encode()))
>>> g.nodes["財政部/關務署/基隆關/稽查組"]["label"], g.nodes["財政部/關務署/基隆關/稽查組"]["unit_type"]
('稽查組', '組')
"""
from __future__ import annotations

from .graphml import FILL, labelled_layout
from .scope import Scope, path_text
from .xml_text import attr

NODE_ATTRS = (("name", "string"), ("kind", "string"), ("unit_type", "string"), ("path", "string"),
              ("text", "string"), ("catch_all", "boolean"), ("residual", "boolean"), ("document", "string"),
              ("line", "integer"), ("article", "string"), ("item", "string"))
EDGE_ATTRS = (("document", "string"), ("line", "integer"), ("article", "string"), ("item", "string"),
              ("basis", "string"), ("post", "string"))


def _declare(cls: str, attrs) -> list[str]:
    return ([f'<attributes class="{cls}" mode="static">'] +
            [f'<attribute id="{name}" title="{name}" type="{t}"/>' for name, t in attrs] + ["</attributes>"])


def _values(values: dict) -> str:
    cells = "".join(f'<attvalue for="{k}" value="{attr(str(v).lower() if isinstance(v, bool) else v)}"/>'
                    for k, v in values.items() if v not in ("", None))
    return f"<attvalues>{cells}</attvalues>"


def _viz(kind: str, x: float, y: float) -> str:
    r, g, b = (int(FILL.get(kind, "#FFFFFF")[i:i + 2], 16) for i in (1, 3, 5))
    return f'<viz:color r="{r}" g="{g}" b="{b}"/><viz:position x="{x:.1f}" y="{-y:.1f}" z="0.0"/>'


def _prov(p: dict) -> dict:
    return {"document": p["doc"], "line": p["line"], "article": p.get("article"), "item": p.get("item")}


def gexf(s: Scope) -> str:
    """The scope as GEXF 1.2 (``networkx.read_gexf`` and Gephi read it)."""
    g = s.graph
    labels, pos = labelled_layout(s)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
           "<meta><creator>orggraph</creator></meta>", '<graph defaultedgetype="directed" mode="static">']
    out += _declare("node", NODE_ATTRS) + _declare("edge", EDGE_ATTRS) + ["<nodes>"]
    for uid in s.units:
        n = g.node(uid)
        values = {"name": n["name"], "kind": n["kind"], "unit_type": n["unit_type"], "path": path_text(n), **_prov(n)}
        out.append(f'<node id="{attr(uid)}" label="{attr(labels[uid])}">{_values(values)}'
                   f'{_viz(n["kind"], *pos[uid])}</node>')
    for did in s.duties:
        n = g.node(did)
        values = {"kind": "Duty", "text": n["text"], "catch_all": bool(n["catch_all"]),
                  "residual": bool(n["residual"])}
        out.append(f'<node id="{attr(did)}" label="{attr(labels[did])}">'
                   f'{_values(values)}{_viz("Duty", *pos[did])}</node>')
    out += ["</nodes>", "<edges>"]
    for i, (u, v, e) in enumerate([*s.has_unit, *s.handles]):
        values = {**_prov(e), "basis": e.get("basis"), "post": e.get("post")}
        out.append(f'<edge id="{i}" source="{attr(u)}" target="{attr(v)}" label="{e["type"]}">'
                   f'{_values(values)}</edge>')
    out += ["</edges>", "</graph>", "</gexf>", ""]
    return "\n".join(out)
