"""GraphML export that yEd and Gephi open with labels shown.

yEd draws only its own yFiles data (``y:ShapeNode`` with a ``y:NodeLabel``, under a key
``yfiles.type="nodegraphics"``), so every node carries one, placed as a top-down tree (units
centred over their sub-units, each unit's duties in a column under it) so the file opens
readable before any layout.  Gephi takes the plain ``label`` attribute.  The other attributes
(name, kind, unit_type, path, document, line …) are ordinary GraphML data keys, which
``networkx.read_graphml`` reads back.

>>> import networkx as nx
>>> from graph_model.store.store import open_store
>>> from queries.export.scope import scope
>>> g = nx.read_graphml(__import__("io").BytesIO(graphml(scope(open_store("/x/s.json").graph(), "基隆關")).encode()))
>>> g.nodes["財政部/關務署/基隆關/稽查組"]["label"], g.nodes["財政部/關務署/基隆關/稽查組"]["line"]
('稽查組', 34)
"""
from __future__ import annotations

from .scope import Scope, path_text, short
from .xml_text import attr, text

NODE_KEYS = (  # (id, attr.name, attr.type)
    ("label", "label", "string"), ("name", "name", "string"), ("kind", "kind", "string"),
    ("unit_type", "unit_type", "string"), ("path", "path", "string"), ("text", "text", "string"),
    ("catch_all", "catch_all", "boolean"), ("residual", "residual", "boolean"),
    ("document", "document", "string"), ("line", "line", "int"), ("article", "article", "string"),
    ("item", "item", "string"),
)
EDGE_KEYS = (
    ("e_type", "type", "string"), ("e_document", "document", "string"), ("e_line", "line", "int"),
    ("e_article", "article", "string"), ("e_item", "item", "string"), ("e_basis", "basis", "string"),
    ("e_post", "post", "string"),
)
FILL = {"Agency": "#C6DBEF", "BranchOffice": "#FDD0A2", "Committee": "#D9F0D3", "Division": "#FFFFFF",
        "Section": "#F0F0F0", "Facility": "#E5D8BD", "Duty": "#FFFFE0"}
ROW, DUTY_ROW, HEIGHT, CHAR, PAD = 90.0, 40.0, 30.0, 13.0, 16.0


def _width(label: str) -> float:
    return PAD + CHAR * max(len(label), 2)


def labelled_layout(s: Scope) -> tuple[dict[str, str], dict[str, tuple[float, float]]]:
    """``(labels, positions)`` of the scope's units and duties, as yEd and Gephi draw them."""
    g = s.graph
    labels = {uid: g.node(uid)["name"] for uid in s.units}
    labels.update((did, short(g.node(did)["text"])) for did in s.duties)
    return labels, layout(s, labels)


def layout(s: Scope, labels: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Top-left corner of every node: a tidy tree whose leaves are units without sub-units and
    the column of duties under each unit (a duty sits under the first unit that handles it)."""
    column: dict[str, list[str]] = {}
    placed = set()
    for uid, did, _ in s.handles:
        if did not in placed:
            placed.add(did)
            column.setdefault(uid, []).append(did)
    children: dict[str, list[str]] = {}
    for uid in s.units:
        if (parent := s.parent(uid)) is not None:
            children.setdefault(parent, []).append(uid)
    slot_width = max(map(_width, labels.values()), default=0) + PAD
    slot, own = 0, {}
    for uid in s.units:  # pre-order: a unit's duty column comes before its sub-units
        if uid in column or uid not in children:
            own[uid] = slot
            slot += 1
    span: dict[str, tuple[int, int]] = {}
    for uid in reversed(s.units):  # children before parents
        ends = [own[uid]] if uid in own else []
        for c in children.get(uid, ()):
            ends.extend(span[c])
        span[uid] = (min(ends), max(ends))
    pos = {}
    for uid in s.units:
        centre = (span[uid][0] + span[uid][1]) / 2 * slot_width
        pos[uid] = (centre - _width(labels[uid]) / 2, s.depth[uid] * ROW)
        for k, did in enumerate(column.get(uid, ())):
            x = own[uid] * slot_width - _width(labels[did]) / 2
            pos[did] = (x, (s.depth[uid] + 1) * ROW + k * DUTY_ROW)
    return pos


def _data(key: str, value) -> str:
    if isinstance(value, bool):
        value = "true" if value else "false"
    return f'<data key="{key}">{text(value)}</data>'


def _prov(prefix: str, prov: dict) -> list[str]:
    out = [_data(prefix + "document", prov["doc"]), _data(prefix + "line", prov["line"])]
    out += [_data(prefix + k, prov[k]) for k in ("article", "item") if prov.get(k)]
    return out


def _shape(label: str, kind: str, x: float, y: float) -> str:
    shape = "roundrectangle" if kind == "Duty" else "rectangle"
    return (f'<data key="graphics"><y:ShapeNode><y:Geometry height="{HEIGHT}" width="{_width(label):.0f}" '
            f'x="{x:.1f}" y="{y:.1f}"/><y:Fill color="{FILL.get(kind, "#FFFFFF")}" transparent="false"/>'
            f'<y:BorderStyle color="#000000" type="line" width="1.0"/>'
            f'<y:NodeLabel alignment="center" fontFamily="Noto Sans CJK TC" fontSize="12" modelName="internal" '
            f'modelPosition="c" textColor="#000000" visible="true">{text(label)}</y:NodeLabel>'
            f'<y:Shape type="{shape}"/></y:ShapeNode></data>')


def graphml(s: Scope) -> str:
    """The scope as GraphML with yFiles node graphics: units and duties, HAS_UNIT and HANDLES edges."""
    g = s.graph
    labels, pos = labelled_layout(s)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">']
    out += [f'<key id="{k}" for="node" attr.name="{name}" attr.type="{t}"/>' for k, name, t in NODE_KEYS]
    out += [f'<key id="{k}" for="edge" attr.name="{name}" attr.type="{t}"/>' for k, name, t in EDGE_KEYS]
    out += ['<key id="graphics" for="node" yfiles.type="nodegraphics"/>',
            '<graph id="orggraph" edgedefault="directed">']
    for uid in s.units:
        n = g.node(uid)
        fields = [_data("label", labels[uid]), _data("name", n["name"]), _data("kind", n["kind"]),
                  _data("unit_type", n["unit_type"]), _data("path", path_text(n)), *_prov("", n)]
        out.append(f'<node id="{attr(uid)}">{"".join(fields)}{_shape(labels[uid], n["kind"], *pos[uid])}</node>')
    for did in s.duties:
        n = g.node(did)
        fields = [_data("label", labels[did]), _data("kind", "Duty"), _data("text", n["text"]),
                  _data("catch_all", bool(n["catch_all"])), _data("residual", bool(n["residual"]))]
        out.append(f'<node id="{attr(did)}">{"".join(fields)}{_shape(labels[did], "Duty", *pos[did])}</node>')
    edges = [(u, v, e) for u, v, e in s.has_unit] + s.handles
    for i, (u, v, e) in enumerate(edges):
        fields = [_data("e_type", e["type"]), *_prov("e_", e)]
        fields += [_data("e_" + k, e[k]) for k in ("basis", "post") if e.get(k)]
        out.append(f'<edge id="e{i}" source="{attr(u)}" target="{attr(v)}">{"".join(fields)}</edge>')
    out += ["</graph>", "</graphml>", ""]
    return "\n".join(out)
