"""Units: show one unit, print the hierarchy.

Each query takes the graph first and returns JSON-ready data; ``render_*``
functions turn that data into the CLI's text.

>>> from graph_model.store.store import open_store
>>> g = open_store("/nonexistent/store.json").graph()   # the bundled corpus
>>> g.resolve("基隆關/稽查組")
'財政部/關務署/基隆關/稽查組'
>>> info = show(g, "基隆關/稽查組")
>>> info["breadcrumb"], info["parent"]
('財政部 › 關務署 › 基隆關 › 稽查組', '財政部/關務署/基隆關')
>>> info["duties"][0]["text"], info["duties"][0]["cite"]
('進口、出口及轉運及轉口貨櫃（物）之抽核與儀器檢查', '001_586683daab11227d:34 item 3')
>>> print(render_tree(tree(g, "基隆關/稽查組")))
財政部/關務署/基隆關/稽查組
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from graph_model.records.naming import breadcrumb_of
from graph_model.records.provenance import cite

from .staffing import render_summary, summary

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph


# --------------------------------------------------------------------------- helpers
def breadcrumb(graph: OrgGraph, uid: str) -> str:
    return breadcrumb_of(graph.node(uid)["path"])


def duties_in_order(graph: OrgGraph, uid: str) -> list[tuple[dict, dict]]:
    """``(duty node, HANDLES edge)`` pairs in document order (document, line, then order in the line)."""
    pairs = [(graph.node(v), data) for v, data in graph.out(uid, "HANDLES")]
    return sorted(pairs, key=lambda p: (p[1]["doc"], p[1]["line"]))  # stable: keeps order within a line


def _unit_brief(node: dict) -> dict:
    brief = {"id": node["id"], "name": node["name"], "kind": node["kind"], "unit_type": node["unit_type"]}
    if node.get("mentioned"):
        brief["mentioned"] = True
    brief |= _status(node)
    return brief


def _status(node: dict) -> dict:
    """What became of a unit that is history (``--all``): ``status``, ``status_date``, ``successors``; nothing
    for a current one, so that the current view reads as before."""
    if node.get("status", "current") == "current":
        return {}
    within = {"within": dict(node["within"])} if node.get("within") else {}
    return {"status": node["status"], "status_date": node.get("status_date", ""),
            "successors": list(node.get("successors") or [])} | within


def status_text(info: dict, successors: bool = True) -> str:
    """「superseded 2023-09-15 by 交通部公路局」 of a brief or ``show`` result (without its successors: a tree's
    line stays short); "" when current."""
    if not info.get("status"):
        return ""
    # a member of a family the graph holds only as the family: the unit to see (行政院 › 衛生福利部 › 各醫院)
    named = [f"{n} (one of {info['within'][n]})" if n in info.get("within", {}) else n
             for n in info.get("successors") or ()]
    by = f" by {'、'.join(named)}" if successors and named else ""
    return f"{info['status']}{' ' + info['status_date'] if info.get('status_date') else ''}{by}"


def ended_unit(history_graph: OrgGraph, ref: str) -> dict | None:
    """The unit ``ref`` names in the graph with history, for a reference the current view does not know:
    ``{"id", "breadcrumb", "kind", "status", "status_date", "successors"}``, or None when it names none there (or
    several).  Such a unit is history: only the documents that no longer apply set it up."""
    from graph_model.errors import AmbiguousUnit, UnknownUnit
    try:
        uid = history_graph.resolve(ref)
    except (UnknownUnit, AmbiguousUnit):
        return None
    node = history_graph.node(uid)
    return {"id": uid, "breadcrumb": breadcrumb_of(node["path"]), "kind": node["kind"],
            "status": node.get("status", "superseded"),
            "status_date": node.get("status_date", ""), "successors": list(node.get("successors") or []),
            "within": dict(node.get("within") or {})}


MENTIONED_TEXT = "only named in procedures"


class LoadedUnits:
    """The graph as ``tree`` and ``chart`` show it: without units only *mentioned* (by procedures).

    A procedure names organizations (考選部, 外交部領事事務局 …) and parts of its agency
    (本部人事處) that no loaded document sets up; their nodes carry ``mentioned=True``.
    ``which`` and ``show`` reach them; the hierarchy views leave them out unless asked.
    Everything but :meth:`roots`, :meth:`children` and :meth:`descendants` is the graph's.
    """

    def __init__(self, graph: OrgGraph):
        self.graph = graph

    def __getattr__(self, name):
        return getattr(self.graph, name)

    def __contains__(self, node_id: str) -> bool:  # `in` is looked up on the class, never through __getattr__
        return node_id in self.graph

    def roots(self) -> list[str]:
        return [r for r in self.graph.roots() if not self.graph.node(r).get("mentioned")]

    def children(self, uid: str) -> list[str]:
        return [k for k in self.graph.children(uid) if not self.graph.node(k).get("mentioned")]

    def descendants(self, uid: str, depth: int | None = None) -> list[str]:
        out, frontier, level = [], [uid], 0
        while frontier and (depth is None or level < depth):
            frontier = [c for f in frontier for c in self.children(f)]
            out.extend(frontier)
            level += 1
        return out


def hierarchy_view(graph: OrgGraph, roots: list[str] | None = None, mentioned: bool = False):
    """``graph`` itself when mentioned units are wanted (or a root asked for is one), else :class:`LoadedUnits`."""
    if mentioned or any(graph.node(r).get("mentioned") for r in roots or ()):
        return graph
    return LoadedUnits(graph)


def mentioned_below(graph: OrgGraph, ref: str | None = None) -> int:
    """How many units only named in procedures a view of ``ref`` (or of everything) leaves out."""
    if ref is None:
        return sum(1 for u in graph.units() if u.get("mentioned"))
    uid = graph.resolve(ref)
    if graph.node(uid).get("mentioned"):
        return 0
    return len(graph.descendants(uid)) - len(LoadedUnits(graph).descendants(uid))


def _flags(duty: dict) -> list[str]:
    return [flag for flag, on in (("catch-all", duty.get("catch_all")), ("residual", duty.get("residual"))) if on]


# --------------------------------------------------------------------------- show
def show(graph: OrgGraph, ref: str) -> dict:
    """Everything about one unit: place in the hierarchy, children, duties and who else handles them (or about
    a meeting, as `which` names it: :func:`meeting_info`)."""
    from graph_model.errors import UnknownUnit
    try:
        uid = graph.resolve(ref)
    except UnknownUnit:
        key = ref.strip().replace(" › ", "/").removesuffix(" (meeting)")
        found = [m for m in graph.meetings() if m["id"] == key or m["id"].endswith("/" + key)]
        if len(found) != 1:
            raise
        return meeting_info(graph, found[0])
    node = graph.node(uid)
    parent = graph.parent(uid)
    duties = []
    for duty, edge in duties_in_order(graph, uid):
        others = []  # in document order
        for u, _ in sorted(graph.handlers(duty["id"]), key=lambda p: (p[1]["doc"], p[1]["line"], p[0]["id"])):
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
        "implied": bool(node.get("implied")), "mentioned": bool(node.get("mentioned")),
        "note": node.get("note", ""), "duties": duties, "procedures": _procedures(graph, uid),
        "staffing": summary(graph, uid), "meetings": meetings_held(graph, uid), **_status(node),
    }


def meeting_info(graph: OrgGraph, meeting: dict) -> dict:
    """A meeting as `show` prints it: who holds it, who sits in it, when, and what it decides (no unit)."""
    return {"id": meeting["id"], "name": meeting["name"], "kind": "Meeting", "path": list(meeting["path"]),
            "breadcrumb": breadcrumb_of(meeting["path"]) + " (meeting)", "held_by": meeting["holder"],
            "meetings": [m for m in meetings_held(graph, meeting["holder"]) if m["id"] == meeting["id"]]}


def meetings_held(graph: OrgGraph, uid: str) -> list[dict]:
    """The meetings a unit holds (graph_model.graph.meetings: no units), each with what it decides."""
    return [{"id": m["id"], "name": m["name"], "members": m.get("members", ""), "schedule": m.get("schedule", ""),
             "cite": cite(m), "matters": [{"id": d["id"], "text": d["text"], "cite": cite(e)}
                                          for d, e in graph.matters_of(m["id"])]}
            for m in graph.meetings_of(uid)]


def _procedures(graph: OrgGraph, uid: str) -> list[dict]:
    """Procedures the unit has a role in (``RESPONSIBLE_FOR``): ``{"id", "title", "roles", "cite"}``."""
    found: dict[str, dict] = {}
    for pid, d in sorted(graph.out(uid, "RESPONSIBLE_FOR"), key=lambda e: (e[1].get("doc", ""), e[1].get("line", 0))):
        entry = found.setdefault(pid, {"id": pid, "title": graph.node(pid)["title"], "roles": [], "cite": cite(d)})
        if d["role"] not in entry["roles"]:
            entry["roles"].append(d["role"])
    return list(found.values())


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

    if info["kind"] == "Meeting":
        return "\n".join([info["breadcrumb"], field("id", info["id"]), field("held by", info["held_by"]),
                          *_meeting_lines(info["meetings"], field)])
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
    if info.get("mentioned"):
        lines.append(field("loaded", f"no: {MENTIONED_TEXT}, no document sets it up"))
    if info.get("status"):
        lines.append(field("status", status_text(info)))
    if info["note"]:
        lines.append(field("note", info["note"]))
    if info.get("staffing"):
        lines += render_summary(info["staffing"])
    lines.append(f"Children ({len(info['children'])})" + (":" if info["children"] else ""))
    for child in info["children"]:
        lines.append(f"  {child['name']}  [{child['kind']}"
                     + (f"; {MENTIONED_TEXT}" if child.get("mentioned") else "")
                     + (f"; {child['status']}]" if child.get("status") else "]"))
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
    lines += _meeting_lines(info.get("meetings", []), field)
    if info.get("procedures"):  # only when there are some: a unit without any shows no such block
        lines.append(f"Procedures ({len(info['procedures'])}):")
        for p in info["procedures"]:
            lines.append(f"  {p['title']}  ({', '.join(p['roles'])})  [{p['cite']}]")
    return "\n".join(lines)


def _meeting_lines(meetings: list[dict], field) -> list[str]:
    """The meetings a unit holds, each a body that meets (no unit): said so, with what it decides."""
    lines = []
    for meeting in meetings:
        lines.append(f"Meeting: {meeting['name']}  [{meeting['cite']}]")
        for label, key in (("members", "members"), ("meets", "schedule")):
            if meeting[key]:
                lines.append(field(label, meeting[key]))
        for n, matter in enumerate(meeting["matters"], 1):
            lines.append(f"  {n}. {matter['text']}  [{matter['cite']}]")
    return lines


# --------------------------------------------------------------------------- tree
def tree(graph: OrgGraph, ref: str | None = None, depth: int | None = None, mentioned: bool = False) -> list[dict]:
    """The hierarchy as nested dicts (``id``, ``name``, ``kind``, ``unit_type``, ``children``).

    One tree per root when ``ref`` is None; ``depth`` limits the levels below each root.
    Units only named in procedures are left out (see :class:`LoadedUnits`) unless
    ``mentioned`` is true or ``ref`` is one of them; shown, they carry ``mentioned``.
    """
    roots = [graph.resolve(ref)] if ref else None
    graph = hierarchy_view(graph, roots, mentioned)
    roots = roots or graph.roots()

    def build(uid: str, level: int) -> dict:
        item = _unit_brief(graph.node(uid))
        kids = graph.children(uid)
        held = graph.meetings_of(uid)
        if held:  # the meetings it holds, marked as such (no units: graph_model.graph.meetings)
            item["meetings"] = [m["name"] for m in held]
        if depth is None or level < depth:
            item["children"] = [build(k, level + 1) for k in kids]
        else:
            item["children"] = []
            if kids:
                item["more"] = len(graph.descendants(uid))
        return item

    return [build(r, 0) for r in roots]


def render_tree(trees: list[dict], hidden: int = 0) -> str:
    """Box-drawing text of :func:`tree`'s result; each root is shown by its full id.

    ``hidden``: units only named in procedures that the tree leaves out (a last line says so).
    """
    out: list[str] = []

    def extra(item: dict) -> str:
        return (f"  ({status_text(item, successors=False)})" if item.get("status") else "") + \
            (f"  (+{item['more']} below)" if item.get("more") else "") + \
            (f"  ({MENTIONED_TEXT})" if item.get("mentioned") else "")

    def walk(item: dict, prefix: str) -> None:
        kids = item["children"]
        held = item.get("meetings", []) if "more" not in item else []
        for i, name in enumerate(held):
            last = i == len(held) - 1 and not kids
            out.append(f"{prefix}{'└── ' if last else '├── '}{name} (meeting)")
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            out.append(f"{prefix}{'└── ' if last else '├── '}{kid['name']}{extra(kid)}")
            walk(kid, prefix + ("    " if last else "│   "))

    for root in trees:
        out.append(f"{root['id']}{extra(root)}")
        walk(root, "")
    if hidden:
        out.append(f"(not shown: {hidden} unit{'s' if hidden != 1 else ''} {MENTIONED_TEXT}; add --mentioned)")
    return "\n".join(out)
