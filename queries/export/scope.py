"""What an export holds: the units under a root (or every organization), their HAS_UNIT edges
and the duties they handle, and the meetings they hold with the matters those decide — shared by
every export format.

Like ``tree`` and ``chart``, units only named in procedures are left out (they set up nothing
and handle no duty).

>>> from graph_model.store.store import open_store
>>> s = scope(open_store("/nonexistent/store.json").graph(), "基隆關", depth=1)
>>> s.units[:3], len(s.units), len(s.has_unit)
(['財政部/關務署/基隆關', '財政部/關務署/基隆關/業務一組', '財政部/關務署/基隆關/業務二組'], 16, 15)
>>> s.below["財政部/關務署/基隆關/業務一組"]
0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from queries.units import LoadedUnits, hierarchy_view

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph


@dataclass
class Scope:
    graph: OrgGraph
    units: list[str]                 # parents before children, siblings in document order
    depth: dict[str, int]            # levels below the export's root(s)
    has_unit: list[tuple[str, str, dict]]   # (parent, child, edge) among ``units``
    handles: list[tuple[str, str, dict]]    # (unit, duty, edge) in each unit's document order
    duties: list[str]                # duty ids, in order of first appearance
    below: dict[str, int] = field(default_factory=dict)  # units cut off by ``depth`` under each unit
    meetings: list[str] = field(default_factory=list)  # meetings the units hold (no units themselves)
    decides: list[tuple[str, str, dict]] = field(default_factory=list)  # (meeting, duty, edge)
    matters: list[str] = field(default_factory=list)  # duty ids only meetings decide (not in ``duties``)

    def parent(self, uid: str) -> str | None:
        return self._parents.get(uid)

    def __post_init__(self):
        self._parents = {child: parent for parent, child, _ in self.has_unit}


def scope(graph: OrgGraph, unit: str | None = None, depth: int | None = None) -> Scope:
    """The units at and under ``unit`` (every organization when None), at most ``depth`` levels down."""
    roots = [graph.resolve(unit)] if unit else LoadedUnits(graph).roots()
    view = hierarchy_view(graph, roots)
    units: list[str] = []
    level: dict[str, int] = {}
    has_unit: list[tuple[str, str, dict]] = []
    below: dict[str, int] = {}
    stack: list[tuple[str, int, str | None]] = [(r, 0, None) for r in reversed(roots)]
    while stack:  # depth-first, so every unit follows its parent and siblings keep document order
        uid, d, parent = stack.pop()
        if uid in level:  # a unit two documents place under different parents is exported once
            continue
        units.append(uid)
        level[uid] = d
        if parent is not None:  # (the child was found by its HAS_UNIT edge)
            has_unit.append((parent, uid, cast(dict, graph.edge(parent, uid, "HAS_UNIT"))))
        kids = view.children(uid)
        if depth is not None and d >= depth:
            below[uid] = len(view.descendants(uid)) if kids else 0
            continue
        below[uid] = 0
        stack.extend((k, d + 1, uid) for k in reversed(kids))
    handles, duties, seen = [], [], set()
    for uid in units:
        for duty, edge in graph.duties_of(uid):
            handles.append((uid, duty["id"], edge))
            if duty["id"] not in seen:
                seen.add(duty["id"])
                duties.append(duty["id"])
    meetings = [m["id"] for uid in units for m in graph.meetings_of(uid)]
    decides = [(mid, duty["id"], edge) for mid in meetings for duty, edge in graph.matters_of(mid)]
    matters = [did for did in dict.fromkeys(did for _, did, _ in decides) if did not in seen]
    return Scope(graph, units, level, has_unit, handles, duties, below, meetings, decides, matters)


def short(text: str, limit: int = 24) -> str:
    """``text`` cut to ``limit`` characters (with …), for labels of long duty statements.

    >>> short("進口、出口及轉運及轉口貨櫃（物）之抽核與儀器檢查", 10)
    '進口、出口及轉運及…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def path_text(node: dict) -> str:
    return "/".join(node["path"])
