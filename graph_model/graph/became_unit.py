"""Successors of bodies that became internal units: a body whose own rules ended while a body's rules made after
(or as) it ended set it up as one of that body's internal units.

- **in place**: its parent's rules, made after its own ended, still set it up, now as an internal unit (交通部臺灣
  鐵路管理局 › 員工訓練中心: its 暫行組織規程 repealed 2005-07-19; 臺灣鐵路管理局辦事細則 第3條 「並設秘書室、行政處、
  員工訓練中心…」, made in 2006): its parent absorbed it;
- **elsewhere**: rules made within :data:`~graph_model.graph.succession_edges.MOVE_DAYS` of its end set up an
  internal unit of its name, or its name less what precedes it (國立國光劇團, its rules repealed 2008-03-11 →
  國立臺灣傳統藝術總處籌備處辦事細則, made 2008-03-04, 第4條 「八、國光劇團，分三科辦事。」), in one body only:
  that body absorbed it, as that unit;
- **a namesake unit**: a body whose one successor is a unit of its very name that no document is about, set up in
  another body's rules (交通部公路總局各區車輛行車事故鑑定會, repealed 2018-01-23; 交通部公路總局各區監理所辦事細則,
  in force 2018-01-15, 第15條 「各區車輛行車事故鑑定會掌理事項如下」): that body took it in, as that unit;
- **a division of its name**: a body that ended with no successor, whose name without the word for what it is
  (:data:`~graph_model.graph.succession_edges._BODY_WORD`), 4 topic characters or more, is all the name of one division
  (組, 處, 司, 室) of one body in force under its parent or its parent's heir (行政院衛生署管制藥品管理局, its 辦事細則
  repealed 2011-11-15 → 衛生福利部食品藥物管理署處務規程 第4條 「五、管制藥品組，分六科辦事」): that body took it in,
  as that division;
- **a sibling's own**: a body named as a sibling's and more (國立教育廣播電臺 + 分臺), whose rules the order that
  repealed the sibling's older rules repealed too, the sibling going on under newer ones: it was the sibling's, and
  went on within it.
"""
from __future__ import annotations

from collections.abc import Mapping

from .lineage import ORDER_NO, Status, history_entries
from .succession_edges import (
    _BODY_WORD,
    AGENCY_KINDS,
    EDGE,
    KIND_ENDING,
    MOVE_DAYS,
    _agencies_of_documents,
    _days,
    _end,
    _replace_successor,
    _topic_chars,
)

# The part of a body's name a unit elsewhere must bear: this long at least (國光劇團; not 秘書室).
UNIT_CHARS = 4


def became_a_unit(graph, ended: Mapping, enacted: Mapping[str, str]) -> None:
    """See the module's docstring.  Only bodies with rules of their own that name no successor of their own."""
    bodies = _agencies_of_documents(graph.units())
    own: dict[str, set[str]] = {}
    for doc, uid in bodies.items():
        own.setdefault(uid, set()).add(doc)
    made = _units_made(graph, bodies, enacted)
    for uid, found in ended.items():
        node = graph.node(uid)
        # when its own rules ended (not the rules of the body that kept it on as a unit)
        end = _end([s for s in found if s.doc in own.get(uid, ())])
        if uid not in own or not end or node.get("successors") or graph.out(uid, EDGE):
            continue
        held = _kept_in_place(graph, uid, own, bodies, enacted, end)
        target = held or _kept_elsewhere(graph, uid, made, enacted, end)
        if target is not None:
            body, unit, src = target
            doc = src["doc"]
            # the line of the rules that set it up as a unit, not the node's first source (its old parent's act)
            said = Status(doc, "superseded", (graph.node(body)["name"],), "", graph.node(unit)["name"],
                          f"{doc} line {src['line']} {src.get('article', '')}".rstrip())
            _replace_successor(graph, uid, body, f"an internal unit of {' › '.join(graph.node(body)['path'])} in "
                                                 f"{doc}, made {enacted[doc]}, after its own rules ended {end}", said)
        if held is not None:
            _units_of_the_unit(graph, uid, ended, end, held[0])


def _units_of_the_unit(graph, uid: str, ended: Mapping, end: str, holder: str) -> None:
    """The units below a body kept on as a unit in place that ended after its own rules did were its holder's
    units when they ended (員工訓練中心 › 教務科, in 臺灣鐵路管理局辦事細則 until 2024): they went where the holder
    went (國營臺灣鐵路股份有限公司), not to the holder."""
    heirs = graph.node(holder).get("successors")
    for below in ended:
        node = graph.node(below)
        if heirs and below.startswith(uid + "/") and not node.get("successors") and node.get("status_date", "") > end:
            node.update(status="superseded", successors=list(heirs))


def _kept_in_place(graph, uid, own, bodies, enacted, end):
    """The parent whose rules, made after ``uid``'s ended, set it up as an internal unit."""
    node = graph.node(uid)
    later = sorted((src for src in node.get("sources", ())
                    if src["doc"] not in own[uid] and src.get("line") != 1 and enacted.get(src["doc"], "") > end
                    and bodies.get(src["doc"]) == graph.parent(uid)), key=lambda src: (src["doc"], src["line"]))
    return (graph.parent(uid), uid, later[0]) if later else None


def _units_made(graph, bodies, enacted) -> dict[str, list[tuple[str, str, dict]]]:
    """An internal unit's name -> (its body, the unit, the rules that set it up) for every unit right under a body."""
    out: dict[str, list[tuple[str, str, dict]]] = {}
    for unit in graph.units():
        if unit["kind"] in AGENCY_KINDS or len(unit["name"]) < UNIT_CHARS:
            continue
        for src in unit.get("sources", ()):
            body = bodies.get(src["doc"])
            if body and enacted.get(src["doc"]) and graph.parent(unit["id"]) == body:
                out.setdefault(unit["name"], []).append((body, unit["id"], src))
    return out


def _kept_elsewhere(graph, uid, made, enacted, end):
    """The one body whose rules, made within MOVE_DAYS of ``uid``'s end, set up an internal unit of its name."""
    node = graph.node(uid)
    if node["kind"] not in AGENCY_KINDS:
        return None
    name = node["name"]
    found = {(body, unit): src for i in range(len(name) - UNIT_CHARS + 1) for body, unit, src in made.get(name[i:], ())
             if body != uid and not unit.startswith(uid + "/") and _days(enacted[src["doc"]], end) <= MOVE_DAYS}
    if len(found) != 1:
        return None
    ((body, unit), src), = found.items()
    return body, unit, src


def held_as_namesake(graph, ended: Mapping) -> None:
    """See the module's docstring: a namesake unit.  Not a member of a class of its kind (直轄市選舉委員會 in
    直轄市縣市選舉委員會: the same ending of :data:`KIND_ENDING` characters), which is a body of its own."""
    own = set(_agencies_of_documents(graph.units()).values())
    for uid in ended:
        edges = [t for t, _ in graph.out(uid, EDGE)]
        if uid not in own or len(edges) != 1:
            continue
        unit, name = edges[0], graph.node(uid)["name"]
        holder = graph.parent(unit)
        if unit in own or holder not in own or graph.node(unit)["name"] != name \
                or _shared_ending(name, graph.node(holder)["name"]) >= KIND_ENDING:
            continue
        _replace_successor(graph, uid, holder, f"went on as {name}, an internal unit of "
                                               f"{' › '.join(graph.node(holder)['path'])}", at=unit)


# The words for a division: what a body's name less its own word, with one of them, names.
_DIVISION_WORDS = ("組", "處", "司", "室")


def named_as_division(graph, ended: Mapping) -> None:
    """See the module's docstring: a division of its name."""
    divisions: dict[str, list[str]] = {}
    for unit in graph.units():
        if unit["kind"] not in AGENCY_KINDS and unit["id"] not in ended and unit["name"].endswith(_DIVISION_WORDS):
            divisions.setdefault(unit["name"][:-1], []).append(unit["id"])
    for uid in ended:
        node, parent = graph.node(uid), graph.parent(uid)
        topic = _BODY_WORD.sub("", node["name"])
        if parent is None or node["kind"] not in AGENCY_KINDS or node.get("successors") or graph.out(uid, EDGE) \
                or topic == node["name"] or len(_topic_chars(topic)) < KIND_ENDING:
            continue
        places = {parent, *(t for t, _ in graph.out(parent, EDGE))}
        found = [(b, d) for d in divisions.get(topic, ()) if (b := graph.parent(d)) not in ended
                 and graph.node(b)["kind"] in AGENCY_KINDS and graph.parent(b) in places]
        if len(found) == 1:
            (body, division), = found
            _replace_successor(graph, uid, body, f"taken in as {graph.node(division)['name']} of "
                                                 f"{' › '.join(graph.node(body)['path'])}", at=division)


def _shared_ending(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def repealed_with_sibling(graph, ended: Mapping, docs) -> None:
    """A body that ended with no successor at all, whose name is a sibling's and more (國立教育廣播電臺分臺), each of
    whose own documents was repealed by an order that repealed an older document of that sibling too, the sibling
    current under newer ones (國立教育廣播電臺分臺組織通則 and 國立教育廣播電臺組織條例, both 「總統華總一義字第
    10300004893 號令公布廢止」; 國立教育廣播電臺組織法 in force from 2013): the sibling took it in."""
    bodies = _agencies_of_documents(graph.units())
    repealed_by: dict[str, str] = {}  # an abolished document -> the order its last 沿革 entry repealed it by
    for p in docs:
        entries = history_entries(p.document.meta.get("history", ""))
        m = ORDER_NO.search(entries[-1]) if p.document.meta.get("abolished") and entries else None
        if m and "廢止" in entries[-1]:
            repealed_by[p.document.id] = m.group(1)
    own: dict[str, set[str]] = {}
    for doc, uid in bodies.items():
        own.setdefault(uid, set()).add(doc)
    for uid in ended:
        node, parent = graph.node(uid), graph.parent(uid)
        orders = {repealed_by.get(d, "") for d in own.get(uid, ())}
        if parent is None or node["kind"] not in AGENCY_KINDS or node.get("successors") or graph.out(uid, EDGE) \
                or not orders or "" in orders:
            continue
        found = [c for c in graph.children(parent) if c != uid and c not in ended and len(graph.node(c)["name"]) >= 3
                 and node["name"].startswith(graph.node(c)["name"])
                 and any(repealed_by.get(d) in orders for d in own.get(c, ()))]
        if len(found) != 1:
            continue
        sibling = found[0]
        doc = next(d for d in sorted(own[sibling]) if repealed_by.get(d) in orders)
        said = Status(doc, "superseded", (graph.node(sibling)["name"],), "", "", f"{doc} 沿革內容")
        title, order = graph.node(f"doc:{doc}")["title"], repealed_by[doc]
        _replace_successor(graph, uid, sibling, f"repealed by the order that repealed {title} (字第{order}號), "
                                                f"while {graph.node(sibling)['name']} went on", said)
