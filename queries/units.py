"""Units: resolve a reference, show one unit, print the hierarchy.

Each query takes the graph first and returns JSON-ready data; ``render_*``
functions turn that data into the CLI's text.

>>> from graph_model.store import open_store
>>> g = open_store("/nonexistent/store.json").graph()   # the bundled corpus
>>> resolve(g, "基隆關/稽查組")
'財政部/關務署/基隆關/稽查組'
>>> info = show(g, "基隆關/稽查組")
>>> info["breadcrumb"], info["parent"]
('財政部 › 關務署 › 基隆關 › 稽查組', '財政部/關務署/基隆關')
>>> info["duties"][0]["text"], info["duties"][0]["cite"]
('進口、出口及轉運及轉口貨櫃（物）之抽核與儀器檢查', '001_586683daab11227d:34 3')
>>> print(render_tree(tree(g, "基隆關/稽查組")))
財政部/關務署/基隆關/稽查組
"""
from __future__ import annotations

from graph_model.records import Source

BREADCRUMB_SEP = " › "


# --------------------------------------------------------------------------- helpers
def resolve(graph, ref: str) -> str:
    """Unit id for an id, path suffix (``基隆關/稽查組``) or unique name; raises UnknownUnit/AmbiguousUnit."""
    return graph.resolve(ref)


def cite(prov: dict) -> str:
    """Citation of a node's or edge's provenance, e.g. ``002_af79314871040b19:22 第3條 一``."""
    return Source(prov["doc"], prov["line"], prov.get("end_line"), prov.get("article") or None,
                  prov.get("item") or None).cite()


def breadcrumb(graph, uid: str) -> str:
    return BREADCRUMB_SEP.join(graph.node(uid)["path"])


def duties_in_order(graph, uid: str) -> list[tuple[dict, dict]]:
    """``(duty node, HANDLES edge)`` pairs in document order (document, line, then order in the line)."""
    pairs = [(graph.g.nodes[v], data) for _, v, data in graph.g.out_edges(uid, data=True)
             if data["type"] == "HANDLES"]
    return sorted(pairs, key=lambda p: (p[1]["doc"], p[1]["line"]))  # stable: keeps order within a line


def _unit_brief(node: dict) -> dict:
    return {"id": node["id"], "name": node["name"], "kind": node["kind"], "unit_type": node["unit_type"]}


def _flags(duty: dict) -> list[str]:
    return [flag for flag, on in (("catch-all", duty.get("catch_all")), ("residual", duty.get("residual"))) if on]


# --------------------------------------------------------------------------- show
def show(graph, ref: str) -> dict:
    """Everything about one unit: place in the hierarchy, children, duties and who else handles them."""
    uid = resolve(graph, ref)
    node = graph.node(uid)
    parent = graph.parent(uid)
    duties = []
    for duty, edge in duties_in_order(graph, uid):
        others = []  # in document order
        for u, e in sorted(graph.handlers(duty["id"]), key=lambda p: (p[1]["doc"], p[1]["line"], p[0]["id"])):
            if u["id"] != uid and u["id"] not in others:
                others.append(u["id"])
        duties.append({
            "id": duty["id"], "text": duty["text"], "flags": _flags(duty),
            "basis": edge.get("basis", "explicit"), "post": edge.get("post", ""),
            "doc": edge["doc"], "line": edge["line"], "end_line": edge["end_line"],
            "article": edge.get("article", ""), "item": edge.get("item", ""), "cite": cite(edge),
            "shared_with": others,
        })
    return {
        "id": uid, "name": node["name"], "full_name": node.get("full_name", node["name"]),
        "aliases": list(node.get("aliases", [])), "labels": list(node["labels"]), "kind": node["kind"],
        "unit_type": node["unit_type"], "path": list(node["path"]), "breadcrumb": breadcrumb(graph, uid),
        "parent": parent, "children": [_unit_brief(graph.node(c)) for c in graph.children(uid)],
        "sources": [cite(s) for s in node.get("sources", [])] or ([cite(node)] if node.get("doc") else []),
        "implied": bool(node.get("implied")), "note": node.get("note", ""), "duties": duties,
        "staffing": _staffing(graph, uid),
    }


def _staffing(graph, uid: str) -> dict | None:
    from .staffing import summary  # staffing builds on this module
    return summary(graph, uid)


def relative_name(path: list[str], other: list[str]) -> str:
    """``other`` named from where it parts from ``path``: siblings by name, cousins from the common ancestor.

    >>> relative_name(["財政部", "關務署", "基隆關", "稽查組"], ["財政部", "關務署", "臺中關", "稽查組"])
    '臺中關/稽查組'
    """
    common = 0
    while common < min(len(path), len(other)) - 1 and path[common] == other[common]:
        common += 1
    return "/".join(other[common:])


def render_show(info: dict) -> str:
    def field(label: str, value: str) -> str:
        return f"  {label + ':':<10} {value}"

    lines = [info["breadcrumb"], field("id", info["id"]), field("kind", f"{info['kind']} ({info['unit_type']})")]
    if info["full_name"] != info["name"]:
        lines.append(field("full name", info["full_name"]))
    aliases = [a for a in info["aliases"] if a != info["full_name"]]
    if aliases:
        lines.append(field("aliases", ", ".join(aliases)))
    lines.append(field("parent", info["parent"] or "(none: top organization)"))
    if info["sources"]:
        lines.append(field("source", "; ".join(info["sources"])))
    elif info["implied"]:
        lines.append(field("source", "(named as a parent only; no document sets it up)"))
    if info["note"]:
        lines.append(field("note", info["note"]))
    if info.get("staffing"):
        from .staffing import render_summary
        lines += render_summary(info["staffing"])
    lines.append(f"Children ({len(info['children'])})" + (":" if info["children"] else ""))
    for child in info["children"]:
        lines.append(f"  {child['name']}  [{child['kind']}]")
    lines.append(f"Duties ({len(info['duties'])})" + (":" if info["duties"] else ""))
    width = len(str(len(info["duties"])))
    pad = " " * (width + 4)
    for n, duty in enumerate(info["duties"], 1):
        marks = [*duty["flags"]]
        if duty["basis"] != "explicit":
            marks.append(duty["basis"])
        if duty["post"]:
            marks.append(f"post: {duty['post']}")
        mark = f"  [{', '.join(marks)}]" if marks else ""
        lines.append(f"  {n:>{width}}. {duty['text']}{mark}")
        lines.append(f"{pad}{duty['cite']}")
        if duty["shared_with"]:
            others = [relative_name(info["path"], other.split("/")) for other in duty["shared_with"]]
            lines.append(f"{pad}also handled by: {', '.join(others)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- tree
def tree(graph, ref: str | None = None, depth: int | None = None) -> list[dict]:
    """The hierarchy as nested dicts (``id``, ``name``, ``kind``, ``unit_type``, ``children``).

    One tree per root when ``ref`` is None; ``depth`` limits the levels below each root.
    """
    roots = [resolve(graph, ref)] if ref else graph.roots()

    def build(uid: str, level: int) -> dict:
        item = _unit_brief(graph.node(uid))
        kids = graph.children(uid)
        if depth is None or level < depth:
            item["children"] = [build(k, level + 1) for k in kids]
        else:
            item["children"] = []
            if kids:
                item["more"] = len(graph.descendants(uid))
        return item

    return [build(r, 0) for r in roots]


def render_tree(trees: list[dict]) -> str:
    """Box-drawing text of :func:`tree`'s result; each root is shown by its full id."""
    out: list[str] = []

    def walk(item: dict, prefix: str) -> None:
        kids = item["children"]
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            more = f"  (+{kid['more']} below)" if kid.get("more") else ""
            out.append(f"{prefix}{'└── ' if last else '├── '}{kid['name']}{more}")
            walk(kid, prefix + ("    " if last else "│   "))

    for root in trees:
        more = f"  (+{root['more']} below)" if root.get("more") else ""
        out.append(f"{root['id']}{more}")
        walk(root, "")
    return "\n".join(out)
