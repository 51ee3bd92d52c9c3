"""What became of each agency, in the graph: document statuses, unit statuses, SUCCEEDED_BY edges.

:mod:`graph_model.graph.lineage` decides each document's :class:`~graph_model.graph.lineage.Status` from the
documents.  :func:`mark` writes them into a built graph:

- every Document node gets ``status`` (current, superseded, abolished), ``successors``,
  ``status_date``, ``status_evidence`` and ``status_where``;
- a unit set up only by documents that no longer apply gets the same (``status``, ``successors``,
  ``status_date``): it is history, shown only with ``--all``;
- an agency whose documents name a successor gets a ``SUCCEEDED_BY`` edge to each successor the
  graph holds (the successor's own name, full name or alias), with the date, the sentence and where
  it is — in the graph, the JSON export and Neo4j alike.

>>> from graph_model.graph.graph import OrgGraph
>>> from graph_model.graph.lineage import Status
>>> from graph_model.records.records import Document, ParsedDocument, Source, UnitRecord
>>> old = ParsedDocument(Document("K1", "交通部觀光局組織條例", "org_act"),
...     units=[UnitRecord(("交通部", "觀光局"), "Agency", "局", Source("K1", 2))])
>>> new = ParsedDocument(Document("K2", "交通部觀光署組織法", "org_act"),
...     units=[UnitRecord(("交通部", "觀光署"), "Agency", "署", Source("K2", 2), full_name="交通部觀光署")])
>>> g = OrgGraph.build([old, new])
>>> mark(g, {"K1": Status("K1", "superseded", ("交通部觀光署",), "2023-09-15", "…改制為交通部觀光署",
...                         "K2 line 9 第7條"),
...          "K2": Status("K2", "current")})
>>> g.node("交通部/觀光局")["status"], [v for _, v, _ in g.edges("SUCCEEDED_BY")]
('superseded', ['交通部/觀光署'])
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from graph_model.records.naming import DISTINCT_NAME
from graph_model.records.unitref import NameIndex

from .continuity import continuations
from .lineage import Status, history_entries, roc_date

EDGE = "SUCCEEDED_BY"
AGENCY_KINDS = ("Agency", "BranchOffice", "Facility", "Committee")
PREPARATORY = "籌備處"
FAMILY = re.compile(r"^各(?:地?區)?(?P<kind>\S{2,})$")  # 各分局, 各區監理所: the bodies of one kind
_WHERE_LINE = re.compile(r"^(?P<doc>\S+) line (?P<line>\d+)(?: (?P<article>\S+))?$")


def mark(graph, statuses: Mapping, docs=()) -> None:
    """Write ``statuses`` (document id -> Status) into ``graph`` (see the module's docstring), and
    each document's enactment date (the first entry of its 沿革) from ``docs`` (parsed documents)."""
    enacted = {p.document.id: roc_date((history_entries(p.document.meta.get("history", "")) or [""])[0])
               for p in docs}
    for node in graph.nodes_with_label("Document"):
        doc = node["id"].removeprefix("doc:")
        if enacted.get(doc):
            node["enacted"] = enacted[doc]
        s = statuses.get(doc)
        if s is not None:
            node.update(status=s.state, successors=list(s.successors), status_date=s.date,
                        status_evidence=s.evidence, status_where=s.where)
    units = graph.units()
    own_docs: dict[str, set[str]] = {}  # unit id -> the documents about it (not those of units below it)
    for doc, uid in _agencies_of_documents(units).items():
        own_docs.setdefault(uid, set()).add(doc)
    ended: dict[str, list] = {}  # unit id -> the statuses of the documents that set it up, none current
    for unit in units:
        docs = {src["doc"] for src in unit.get("sources", ())}
        found = [s for d in sorted(docs) if (s := statuses.get(d)) is not None]
        if found and len(found) == len(docs) and all(s.state != "current" for s in found):
            ended[unit["id"]] = found
            # Its own documents say what became of it; a document of a unit below only names that unit's heir.
            telling = [s for s in found if s.doc in own_docs.get(unit["id"], ())] or found
            first = next((s for s in telling if s.successors), telling[0])
            unit.update(status=first.state, status_date=first.date,
                        successors=list(dict.fromkeys(n for s in telling for n in s.successors)))
    rows = NameIndex((u["id"], u["path"], u["full_name"], u["aliases"]) for u in units)
    # Superseded documents first: their evidence (a transitional article) says more than a repeal.
    about = sorted(_agencies_of_documents(units).items(),
                   key=lambda du: (statuses[du[0]].state != "superseded", du[0]) if du[0] in statuses
                   else (True, du[0]))
    for doc, uid in about:
        s = statuses.get(doc)
        if s is not None and uid in ended:
            for name in s.successors:
                for target in _successor_units(rows, name, ended):
                    _add_edge(graph, uid, _same_name_below(graph, target, uid, ended), s)
    # An agency whose own act is not loaded still has the successor its other documents name (the
    # repeal orders of 行政院農業委員會's rules, issued by 農業部).
    for uid, found in ended.items():
        node = graph.node(uid)
        if node["kind"] == "Agency" and len(node["path"]) <= 3 and not graph.out(uid, EDGE):
            s = next((s for s in found if s.successors), None)
            for name in s.successors if s else ():
                for target in _successor_units(rows, name, ended):
                    _add_edge(graph, uid, _same_name_below(graph, target, uid, ended), s)
    _same_name_elsewhere(graph, ended)
    _continued(graph, ended, enacted)
    _joined_family(graph, ended)
    _prepared_elsewhere(graph, ended)
    _inherit(graph, ended)


def _same_name_elsewhere(graph, ended: Mapping) -> None:
    """An agency that is history whose name one current agency bears under its old parent's successor,
    or anywhere if the name is distinctive: the reorganisation moved it (行政院農業委員會 › 臺中區農業改良場
    → 農業部 › 臺中區農業改良場; 交通部觀光局 › 東部海岸國家風景區管理處 → 交通部觀光署 › …).  That body is
    its successor also where the documents only said where its parent's work went (行政院衛生署 ›
    胸腔病院: 衛生福利部, which holds a 胸腔病院).  A preparatory office became the body it prepared."""
    by_name: dict[str, list[str]] = {}
    for unit in graph.units():
        if unit["id"] not in ended and unit["kind"] in AGENCY_KINDS:
            by_name.setdefault(unit["name"], []).append(unit["id"])
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS:
            continue
        if _names_its_own(graph, uid):
            continue
        heirs = _heirs_of_ancestors(graph, uid)
        parent = graph.parent(uid)
        if node["name"] == PREPARATORY and parent is not None and parent not in ended:
            # 國立東華大學 › 籌備處 became 國立東華大學
            _replace_successor(graph, uid, parent, "a preparatory office became the body")
            continue
        prepared = node["name"].removesuffix(PREPARATORY) if node["name"].endswith(PREPARATORY) else ""
        if prepared and len(by_name.get(prepared, [])) == 1:  # 國立海洋生物博物館籌備處 → 國立海洋生物博物館
            _replace_successor(graph, uid, by_name[prepared][0], "a preparatory office became the body")
            continue
        same = [u for u in by_name.get(node["name"], [])
                if any(u.startswith(h + "/") for h in heirs) or len(node["name"]) >= DISTINCT_NAME]
        if len(same) == 1:
            target = graph.node(same[0])
            _replace_successor(graph, uid, same[0], f"the same name under {' › '.join(target['path'][:-1])}")


def _names_its_own(graph, uid: str) -> bool:
    """True when the documents name a successor of the unit itself, not only where its parent's work went."""
    own = [t for t, _ in graph.out(uid, EDGE)]
    if not own:
        return bool(graph.node(uid).get("successors"))
    heirs = _heirs_of_ancestors(graph, uid)
    return not all(t in heirs for t in own)


def _continued(graph, ended: Mapping, enacted: Mapping[str, str]) -> None:
    """A body that is history and names no successor of its own: the body that took its work over
    (:func:`graph_model.graph.continuity.continuations`), where the duties show one."""
    if not ended:
        return
    units = graph.units()
    bodies = set(_agencies_of_documents(units).values())
    born = {u["id"]: min(enacted.get(src["doc"]) or "9999" for src in u["sources"])
            for u in units if u.get("sources")}
    for uid, (target, work, name) in continuations(graph, ended, bodies, born).items():
        if not _names_its_own(graph, uid):
            _replace_successor(graph, uid, target, f"took its work over: duties alike {work:.2f}, "
                                                   f"names {name:.2f}; set up {born[target]}")


def _joined_family(graph, ended: Mapping) -> None:
    """A body that is history and names no successor of its own, of a kind a current family under the
    same parent (or the parent's successor) gathers: the family's rules govern it now (標準檢驗局 ›
    花蓮分局 → 各分局; 交通部公路局 › 嘉義區監理所 → 交通部公路局 › 各區監理所)."""
    families: dict[str, list[tuple[str, str]]] = {}  # parent id -> (family id, the members' common end)
    for unit in graph.units():
        m = FAMILY.match(unit["name"])
        parent = graph.parent(unit["id"])
        if m and unit["id"] not in ended and parent is not None:
            families.setdefault(parent, []).append((unit["id"], m.group("kind")))
    for uid in ended:
        node, parent = graph.node(uid), graph.parent(uid)
        if parent is None or node["kind"] not in AGENCY_KINDS or FAMILY.match(node["name"]) or \
                _names_its_own(graph, uid):
            continue
        places = [parent, *(t for t, _ in graph.out(parent, EDGE))]
        found = [f for place in places for f, kind in families.get(place, ())
                 if node["name"].endswith(kind) and len(node["name"]) > len(kind)]
        if len(found) == 1:
            family = graph.node(found[0])
            _replace_successor(graph, uid, found[0], f"one of {family['name']}, whose rules govern them now")


def _prepared_elsewhere(graph, ended: Mapping) -> None:
    """A preparatory office that names no successor became the body it prepared, though no document
    here sets that body up (國立東華大學籌備處 → 國立東華大學: 「本處於國立東華大學成立時裁撤之」)."""
    for uid in ended:
        node = graph.node(uid)
        prepared = node["name"].removesuffix(PREPARATORY)
        if prepared != node["name"] and len(prepared) >= 2 and not _names_its_own(graph, uid):
            node.update(status="superseded", successors=[" › ".join((*node["path"][:-1], prepared))])


def _replace_successor(graph, uid: str, target: str, evidence: str) -> None:
    """Make ``target`` the successor of ``uid`` in place of where its parent's work went."""
    node, body = graph.node(uid), graph.node(target)
    for old, _ in graph.out(uid, EDGE):
        graph.g.remove_edge(uid, old, key=f"{EDGE}:{old}")
    where = f"{body['doc']} line {body['line']}" if body.get("line") else body.get("doc", "")
    _add_edge(graph, uid, target, Status(body.get("doc", ""), "superseded", (body["name"],),
                                         node.get("status_date", ""), evidence, where))
    node.update(status="superseded", successors=[" › ".join(body["path"])])


def _heirs_of_ancestors(graph, uid: str) -> list[str]:
    """The successors of the units above ``uid`` (where its work would have gone)."""
    out, up = [], graph.parent(uid)
    while up is not None:
        out += [t for t, _ in graph.out(up, EDGE)]
        up = graph.parent(up)
    return out


def _inherit(graph, ended: Mapping) -> None:
    """A unit that is history and names no successor of its own is part of an agency that has one:
    that is where its work went (行政院農業委員會漁業署's 漁船科 → 農業部 › 漁業署)."""
    for uid in ended:
        node = graph.node(uid)
        if node.get("successors"):
            continue
        up = graph.parent(uid)
        while up is not None and not graph.out(up, EDGE) and not graph.node(up).get("successors"):
            up = graph.parent(up)
        if up is None:
            continue
        if graph.out(up, EDGE):
            targets = [t for t, _ in graph.out(up, EDGE)]
            node.update(status="superseded", status_date=node.get("status_date") or graph.out(up, EDGE)[0][1]["date"],
                        successors=[" › ".join(graph.node(t)["path"]) for t in targets])
        else:  # a successor the graph does not hold (國營臺灣鐵路股份有限公司)
            above = graph.node(up)
            node.update(status="superseded", status_date=node.get("status_date") or above.get("status_date", ""),
                        successors=list(above["successors"]))


def documents_about(graph) -> dict[str, str]:
    """Document id -> the id of the organization it is about (see :func:`_agencies_of_documents`)."""
    return _agencies_of_documents(graph.units())


def _agencies_of_documents(units) -> dict[str, str]:
    """Document id -> the organization it is about: the deepest unit its title line names (a title
    names the chain 交通部 › 觀光局; the units the text sets up come from later lines)."""
    out: dict[str, tuple[int, str]] = {}
    for unit in units:
        for src in unit.get("sources", ()):
            if src.get("line") == 1 and len(unit["path"]) > out.get(src["doc"], (0, ""))[0]:
                out[src["doc"]] = (len(unit["path"]), unit["id"])
    return {doc: uid for doc, (_, uid) in sorted(out.items())}


def _same_name_below(graph, target: str, old: str, ended: Mapping) -> str:
    """A successor named at a higher level (農業部, the body that repealed 行政院農業委員會漁業署's rules)
    that holds a unit of the old one's name (農業部 › 漁業署): that unit is the successor."""
    name = graph.node(old)["name"]
    below = [u for u in graph.descendants(target, depth=2) if graph.node(u)["name"] == name and u not in ended]
    return below[0] if len(below) == 1 else target


def _successor_units(rows: NameIndex, name: str, ended: Mapping) -> list[str]:
    """The units a successor's name stands for: current ones, the shallowest of them."""
    found = [rows.units[i][0] for i in rows.named(name) if rows.units[i][0] not in ended]
    if not found:
        return []
    depth = min(f.count("/") for f in found)
    return [f for f in found if f.count("/") == depth]


def _add_edge(graph, source: str, target: str, s) -> None:
    m = _WHERE_LINE.match(s.where)
    prov = {"doc": m["doc"], "line": int(m["line"]), "article": m["article"] or ""} if m else \
        {"doc": s.where.split(" ")[0] if s.where else s.doc, "line": 0, "article": ""}
    key = f"{EDGE}:{target}"  # one succession per pair: the first evidence found
    if graph.edge(source, target, key) is None:
        graph.g.add_edge(source, target, key=key, type=EDGE, date=s.date, evidence=s.evidence, where=s.where,
                         item="", **prov)


def note(unit: Mapping) -> str:
    """One line for a unit that is history: ``superseded by 交通部公路局 (2023-09-15)``; ``""`` if current."""
    state = unit.get("status", "current")
    if state == "current":
        return ""
    date = f" ({unit['status_date']})" if unit.get("status_date") else ""
    successors = unit.get("successors") or []
    return f"{state} by {'、'.join(successors)}{date}" if successors else f"{state}{date}"
