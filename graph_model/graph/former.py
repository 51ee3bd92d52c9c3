"""The bodies that no longer exist, kept on their successors in the current government.

The current view holds only the documents in force, so 行政院衛生署 or 交通部公路總局 is no unit of it;
planners still name them (「衛生署哪個單位管藥物」).  :func:`record` reads what became of each from the
documents' own statuses (:mod:`graph_model.graph.lineage`: its 沿革, a transitional article, a rename,
a reviewed row of data/lineage.tsv) and writes, on each current successor unit, a ``formerly`` list:
the former body's name as the documents give it, its name in full, the date and where it is said.
The lookup reads it as names a question may give its successor (:mod:`queries.lookup.former`); being a
property of the unit node, the JSON export and ``neo4j push`` carry it alike.

>>> from graph_model.graph.graph import OrgGraph
>>> from graph_model.graph.lineage import Status
>>> from graph_model.records.records import Document, ParsedDocument, Source, UnitRecord
>>> old = ParsedDocument(Document("L1", "行政院衛生署組織法", "org_act"),
...     units=[UnitRecord(("行政院", "衛生署"), "Agency", "署", Source("L1", 1))])
>>> new = ParsedDocument(Document("L2", "衛生福利部組織法", "org_act"),
...     units=[UnitRecord(("行政院", "衛生福利部"), "Agency", "部", Source("L2", 1))])
>>> g = OrgGraph.build([new])
>>> record(g, {"L1": Status("L1", "superseded", ("衛生福利部",), "2013-07-23", "…", "L1 沿革內容"),
...            "L2": Status("L2", "current")}, [old, new])
>>> g.node("行政院/衛生福利部")["formerly"]
[{'name': '衛生署', 'full_name': '行政院衛生署', 'date': '2013-07-23', 'where': 'L1 沿革內容'}]
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from graph_model.records.naming import BRANCH_BODIES
from graph_model.records.unitref import NameIndex

from .lineage import Status, agency_of, renames

if TYPE_CHECKING:
    from graph_model.records.records import ParsedDocument

PROPERTY = "formerly"
CHAIN = 4  # successions followed from an ended body to a current one (勞委會 › 勞保監理會 → … → 勞動部)
NAMED_DEPTH = 3  # a body this high is named by its own name (林務局); a branch lower (基隆分局) by its full name


def _body(p: ParsedDocument) -> tuple[str, ...]:
    """The path of the body a document is about: the deepest unit its title line names."""
    paths = [u.path for u in p.units if u.source.line == 1]
    return max(paths, key=len) if paths else ()


def record(graph, statuses: Mapping[str, Status], docs: Sequence[ParsedDocument]) -> None:
    """Write on each current unit the bodies that ended into it (see the module's docstring)."""
    units = graph.units()
    rows = NameIndex((u["id"], u["path"], u["full_name"], u["aliases"]) for u in units)
    ended: dict[str, tuple[str, list[Status]]] = {}  # full name -> (its own name, the statuses naming successors)
    for p in sorted(docs, key=lambda p: p.document.id):
        s = statuses.get(p.document.id)
        path = _body(p)
        if s is None or s.state == "current" or not s.successors or not path:
            continue
        full = agency_of(p.document.title)
        if full in s.successors or path[-1] in s.successors:  # a later act of the same body: it went on
            continue
        if rows.named(full) or rows.named(path[-1]):  # a body of that name is current: the documents' own
            continue
        depth = len(path) + (path[0] not in BRANCH_BODIES.values())  # counted from the 院 (交通部 › 公路總局: 3)
        ended.setdefault(full, (path[-1] if depth <= NAMED_DEPTH else full, []))[1].append(s)
    # a successor named as it was before a rename (科技部…管理局 → 國家科學及技術委員會…管理局): the new name's body
    renamed = {agency_of(old): agency_of(new) for p in docs
               for old, new, _, _ in renames(p.document.meta.get("history", ""))}

    def current(name: str, depth: int = 0) -> list[str]:
        found = [rows.units[i][0] for i in rows.named(name)]
        if found or depth >= CHAIN:
            return found
        if name in renamed:
            return current(renamed[name], depth + 1)
        return list(dict.fromkeys(u for s in ended.get(name, ("", []))[1] for n in s.successors
                                  for u in current(n, depth + 1)))

    for full, (name, said) in sorted(ended.items()):
        said = sorted(said, key=lambda s: (s.date or "9999", s.doc))  # the first that says it: when it happened
        # (a branch's head, 行政院 or 考試院, that repealed a body's rules acted as its superior: no successor that
        # scopes a question — succession._add_successor reads it alike)
        targets = list(dict.fromkeys(u for s in said for n in s.successors for u in current(n)
                                     if len(graph.node(u)["path"]) > 1))
        for uid in targets:
            kept = graph.node(uid).setdefault(PROPERTY, [])
            if all(f["full_name"] != full for f in kept):
                kept.append({"name": name, "full_name": full, "date": said[0].date, "where": said[0].where})
