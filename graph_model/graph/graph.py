"""OrgGraph: a typed wrapper around a networkx MultiDiGraph.

Node ids are stable and readable: units use their path (``財政部/關務署/基隆關/稽查組``),
duties ``duty:<hash of normalized text>``.  Every node has ``labels`` (e.g.
``["Unit", "Division"]``); every edge has ``type`` (``HAS_UNIT``, ``HANDLES``, …)
and provenance (``doc``, ``line``, ``article``, ``item``).

>>> from graph_model.records.records import ParsedDocument, Document, UnitRecord, DutyRecord, Source
>>> src = Source("d1", 3)
>>> parsed = ParsedDocument(Document("d1", "t", "org_act"),
...     units=[UnitRecord(("經濟部", "智慧財產局"), "Agency", "局", src)],
...     duties=[DutyRecord(("經濟部", "智慧財產局"), "專利審查。", src)])
>>> g = OrgGraph.build([parsed])
>>> [u["id"] for u in g.units()]
['經濟部', '經濟部/智慧財產局']
>>> [d["text"] for d, _ in g.duties_of("經濟部/智慧財產局")]
['專利審查']
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import cast

import networkx as nx

from graph_model.errors import AmbiguousUnit, UnknownUnit
from graph_model.records.duties import duty_flags, normalize_duty
from graph_model.records.ids import document_id, duty_id, unit_id
from graph_model.records.naming import DISTINCT_NAME, classify_agency, closest_units, member_of
from graph_model.records.records import DefinitionRecord, ParsedDocument, Source
from graph_model.records.unitref import ends_with, parse_unit_ref, units_named

from . import meetings, procedures, staffing


def build_definitions(graph: OrgGraph, records: list[DefinitionRecord], parsed: ParsedDocument) -> None:
    """The short forms a document defines, on its node: ``[short, full, line, article]`` each (what the
    lookup reads the corpus's own vocabulary from, queries/lookup/definitions.py)."""
    graph.g.nodes[document_id(parsed.document.id)]["definitions"] = [
        [r.short, r.full, r.source.line, r.source.article or ""] for r in records]


# What the graph is built from besides units and duties, in this order: a field of ParsedDocument
# -> function(graph, records, parsed) adding those records.  Add a kind of record here.
EXTRA_BUILDERS: Mapping[str, Callable[[OrgGraph, list, ParsedDocument], None]] = MappingProxyType({
    "headcounts": staffing.build_headcounts,
    "posts": staffing.build_posts,
    "procedures": procedures.build_procedures,
    "definitions": build_definitions,
    "meetings": meetings.build_meetings,
})

# A body set up by an act of its own (組織法, 組織條例, 組織通則) is an agency whatever its name ends with:
# 國家發展委員會 is a council of 行政院, not a committee inside one.
AGENCY_ACT = re.compile(r"組織(?:法|條例|通則)$")


def _taken(records: list) -> Iterator:
    """The items of ``records`` from its end, each removed as it is given."""
    while records:
        yield records.pop()


class OrgGraph:
    """The organization graph.  Build it with :meth:`build` from parsed documents."""

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self.g = graph if graph is not None else nx.MultiDiGraph()
        self._handles_seq = self.g.number_of_edges()
        self._by_name: dict[str, list[str]] | None = None  # unit name → ids, for ending_with
        self.homes: dict[str, tuple[str, ...]] = {}  # while building: distinct agency names → their place

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, documents: Iterable[ParsedDocument], spend: bool = False) -> OrgGraph:
        """Merge parsed documents (in document-id order) into one graph.  ``spend``: the documents are the
        caller's to lose: each duty record is let go once its edge is made (a large document's duties would
        be held beside the graph they are now), leaving their lists empty."""
        self = cls()
        docs = sorted(documents, key=lambda p: p.document.id)
        canon = _Canonicalizer(docs)
        self.homes = canon.homes
        # Agencies two documents place under different parents (validate reports them).
        self.g.graph["agency_conflicts"] = {name: ["/".join(p) for p in parents]
                                            for name, parents in sorted(canon.conflicts.items())}
        for parsed in docs:
            d = parsed.document
            meta = {k: d.meta[k] for k in ("category", "updated", "abolished", "nature", "url") if k in d.meta}
            self.g.add_node(document_id(d.id), id=document_id(d.id), labels=["Document"], name=d.title, title=d.title,
                            genre=d.genre, path_on_disk=d.path, sha256=d.sha256, lines=d.lines, **meta)
            mentioned = d.genre == "procedures"  # a procedure names units; it sets none up
            for rec in parsed.units:
                self.add_unit(canon(rec.path), rec.kind, rec.unit_type, rec.source,
                              full_name=rec.full_name, aliases=rec.aliases, note=rec.note, mentioned=mentioned)
            duties = parsed.duties
            if spend:
                duties.reverse()  # taken from the end, in the document's order
            for duty in _taken(duties) if spend else duties:
                self.add_duty(canon(duty.unit), duty.text, duty.source, basis=duty.basis, post=duty.post)
            for key, build in EXTRA_BUILDERS.items():
                records = getattr(parsed, key)
                if records:
                    build(self, records, parsed)
        for parsed in docs:
            if AGENCY_ACT.search(parsed.document.title) and parsed.agency:
                self._make_agency(unit_id(canon(parsed.agency)))
        self.homes = {}
        return self

    def _make_agency(self, uid: str) -> None:
        node = self.g.nodes.get(uid)
        if node is not None and node["kind"] == "Committee":
            node.update(kind="Agency", labels=["Unit", "Agency"])

    def add_unit(self, path: tuple[str, ...], kind: str, unit_type: str, source: Source, *,
                 full_name: str = "", aliases: Iterable[str] = (), note: str = "", mentioned: bool = False) -> str:
        """Add (or merge into) the unit at ``path``, creating missing ancestors as agencies.

        ``mentioned``: the unit is only named (by a procedure), not set up by an organization
        document; the node keeps ``mentioned=True`` until a document sets it or a unit under it up.
        """
        for depth in range(1, len(path)):
            ancestor = path[:depth]
            if unit_id(ancestor) not in self.g:
                a_kind, a_type = classify_agency(ancestor[-1])
                self._upsert_unit(ancestor, a_kind, a_type, source, implied=True, mentioned=mentioned)
            elif not mentioned:
                self.g.nodes[unit_id(ancestor)]["mentioned"] = False
        uid = self._upsert_unit(path, kind, unit_type, source, full_name=full_name, aliases=aliases, note=note,
                                mentioned=mentioned)
        if len(path) > 1:
            parent = unit_id(path[:-1])
            if not self.g.has_edge(parent, uid, key="HAS_UNIT"):
                self.g.add_edge(parent, uid, key="HAS_UNIT", type="HAS_UNIT", **source.prov())
        return uid

    def _upsert_unit(self, path, kind, unit_type, source, *, full_name="", aliases=(), note="", implied=False,
                     mentioned=False) -> str:
        uid = unit_id(path)
        node = self.g.nodes.get(uid)
        if node is not None and "Unit" not in node["labels"]:  # a meeting of that name: the body is the unit
            self.g.remove_node(uid)
            node = None
        if node is None:
            self.g.add_node(uid, id=uid, labels=["Unit", kind], kind=kind, name=path[-1], unit_type=unit_type,
                            path=list(path), full_name=full_name or path[-1], aliases=[], sources=[],
                            implied=implied, mentioned=mentioned, note=note, seq=self.g.number_of_nodes(),
                            **source.prov())
            node = self.g.nodes[uid]
            if self._by_name is not None:
                self._by_name.setdefault(path[-1], []).append(uid)
        elif node["implied"] and not implied:
            # A document that sets the unit up explicitly outranks one that merely implied it.
            node.update(labels=["Unit", kind], kind=kind, unit_type=unit_type, implied=False, **source.prov())
        if not mentioned:  # set up (or implied) by an organization document, not only named by a procedure
            node["mentioned"] = False
        if full_name and len(full_name) > len(node["full_name"]):
            node["full_name"] = full_name
        node["aliases"] = sorted(set(node["aliases"]) | {a for a in aliases if a and a != path[-1]})
        if note and not node["note"]:
            node["note"] = note
        prov = source.prov()
        if not implied and prov not in node["sources"]:
            node["sources"].append(prov)
        return uid

    def add_duty(self, unit: tuple[str, ...], text: str, source: Source, *, basis: str = "explicit",
                 post: str = "") -> str | None:
        """Attach a duty statement to a unit; the same normalized text is one ``Duty`` node."""
        norm = normalize_duty(text)
        if not norm:
            return None
        uid = unit_id(unit)
        if uid not in self.g:
            kind, unit_type = classify_agency(unit[-1])
            self.add_unit(unit, kind, unit_type, source)
        did = duty_id(norm, normalized=True)
        if did not in self.g:
            catch_all, residual = duty_flags(norm)
            self.g.add_node(did, id=did, labels=["Duty"], text=norm, catch_all=catch_all, residual=residual)
        key = f"HANDLES:{source.doc}:{source.line}:{source.item or ''}:{post}"
        # seq keeps the document's own order of duties that share a line.
        # A running counter: number_of_edges() walks every node of a multigraph, quadratic over a build.
        self._handles_seq += 1
        self.g.add_edge(uid, did, key=key, type="HANDLES", basis=basis, post=post, seq=self._handles_seq,
                        **source.prov())
        return did

    # ------------------------------------------------------------------ reading
    def node(self, node_id: str) -> dict:
        return self.g.nodes[node_id]

    def __contains__(self, node_id: str) -> bool:
        return node_id in self.g

    def get(self, node_id: str, default=None):
        """The node's attributes, or ``default`` when the graph has no such node."""
        return self.g.nodes.get(node_id, default)

    def nodes_with_label(self, label: str) -> Iterator[dict]:
        return (data for _, data in self.g.nodes(data=True) if label in data["labels"])

    def units(self, kind: str | None = None) -> list[dict]:
        """All unit nodes (optionally of one kind), in id order."""
        found = [d for d in self.nodes_with_label("Unit") if kind is None or d["kind"] == kind]
        return sorted(found, key=lambda d: d["id"])

    def find_unit(self, path) -> str | None:
        """Id of the unit at ``path``, else of the one unit whose path ends with it (``None``: none or several).

        Documents name a unit as they like (關務署, 財政部/關務署); the graph re-roots short
        paths, so a record's path is matched by suffix.
        """
        uid = unit_id(path)
        if uid in self.g and "Unit" in self.g.nodes[uid]["labels"]:
            return uid
        matches = self.ending_with(path)
        return matches[0] if len(matches) == 1 else None

    def ending_with(self, path) -> list[str]:
        """Ids of the units whose path ends with ``path`` (関務署/秘書室 …), in id order.

        Found through the units of that last name, so a build that asks for every
        record stays linear in the graph's size.
        """
        path = list(path)
        if not path:
            return []
        if self._by_name is None:
            self._by_name = {}
            for uid, data in self.g.nodes(data=True):
                if "Unit" in data["labels"]:
                    self._by_name.setdefault(data["name"], []).append(uid)
        return sorted(uid for uid in self._by_name.get(path[-1], ()) if ends_with(self.g.nodes[uid]["path"], path))

    def nodes(self) -> Iterator[dict]:
        """Every node's attributes."""
        return (data for _, data in self.g.nodes(data=True))

    def out(self, node_id: str, rel_type: str) -> list[tuple[str, dict]]:
        """``(target id, edge)`` of the ``rel_type`` edges leaving ``node_id``."""
        return [(v, data) for _, v, data in self.g.out_edges(node_id, data=True) if data["type"] == rel_type]

    def into(self, node_id: str, rel_type: str) -> list[tuple[str, dict]]:
        """``(source id, edge)`` of the ``rel_type`` edges reaching ``node_id``."""
        return [(u, data) for u, _, data in self.g.in_edges(node_id, data=True) if data["type"] == rel_type]

    def edge(self, source: str, target: str, key: str) -> dict | None:
        """The edge ``key`` (``HAS_UNIT``, a HANDLES key …) from ``source`` to ``target``, or ``None``."""
        return self.g.get_edge_data(source, target, key=key)

    def subgraph(self, node_ids: Iterable[str]) -> OrgGraph:
        """The graph of these nodes and the edges among them (a read-only view)."""
        return OrgGraph(self.g.subgraph(node_ids))

    def size(self) -> int:
        """Nodes plus edges: what a push writes."""
        return self.g.number_of_nodes() + self.g.number_of_edges()

    def agency_conflicts(self) -> dict[str, list[str]]:
        """Agencies that documents place under different parents: name → the parents' ids."""
        return self.g.graph.get("agency_conflicts", {})

    def edges(self, rel_type: str | None = None) -> Iterator[tuple[str, str, dict]]:
        for u, v, data in self.g.edges(data=True):
            if rel_type is None or data["type"] == rel_type:
                yield u, v, data

    def parent(self, uid: str) -> str | None:
        for p, _, data in self.g.in_edges(uid, data=True):
            if data["type"] == "HAS_UNIT":
                return p
        return None

    def children(self, uid: str) -> list[str]:
        """Child units in document order (by line), then by id."""
        kids = {v for _, v, data in self.g.out_edges(uid, data=True) if data["type"] == "HAS_UNIT"}
        return sorted(kids, key=lambda k: (self.g.nodes[k]["doc"], self.g.nodes[k]["line"], self.g.nodes[k]["seq"]))

    def roots(self) -> list[str]:
        return [u["id"] for u in self.units() if self.parent(u["id"]) is None]

    def descendants(self, uid: str, depth: int | None = None) -> list[str]:
        out, frontier = [], [uid]
        level = 0
        while frontier and (depth is None or level < depth):
            frontier = [c for f in frontier for c in self.children(f)]
            out.extend(frontier)
            level += 1
        return out

    def duties_of(self, uid: str) -> list[tuple[dict, dict]]:
        """``(duty node, HANDLES edge)`` pairs of a unit, in document order."""
        pairs = [(self.g.nodes[v], data) for _, v, data in self.g.out_edges(uid, data=True)
                 if data["type"] == "HANDLES"]
        return sorted(pairs, key=lambda p: (p[1]["doc"], p[1]["line"], p[1]["seq"]))

    def meetings(self) -> list[dict]:
        """Every meeting node (:mod:`graph_model.graph.meetings`: no unit), in id order."""
        return sorted(self.nodes_with_label("Meeting"), key=lambda d: d["id"])

    def meetings_of(self, uid: str) -> list[dict]:
        """The meetings a unit holds, in document order."""
        found = {v for _, v, data in self.g.out_edges(uid, data=True) if data["type"] == "HOLDS_MEETING"}
        return sorted((self.g.nodes[m] for m in found), key=lambda n: (n["doc"], n["line"], n["id"]))

    def matters_of(self, mid: str) -> list[tuple[dict, dict]]:
        """``(duty node, DECIDES edge)`` pairs of a meeting: what it decides or reviews, in document order."""
        pairs = [(self.g.nodes[v], data) for _, v, data in self.g.out_edges(mid, data=True)
                 if data["type"] == "DECIDES"]
        return sorted(pairs, key=lambda p: (p[1]["doc"], p[1]["line"], p[1].get("item") or ""))

    def deciders(self, did: str) -> list[tuple[dict, dict]]:
        """``(meeting node, DECIDES edge)`` pairs of every meeting that decides a duty."""
        return [(self.g.nodes[u], data) for u, _, data in self.g.in_edges(did, data=True) if data["type"] == "DECIDES"]

    def handlers(self, did: str) -> list[tuple[dict, dict]]:
        """``(unit node, HANDLES edge)`` pairs of every unit that handles a duty."""
        return [(self.g.nodes[u], data) for u, _, data in self.g.in_edges(did, data=True) if data["type"] == "HANDLES"]

    # ------------------------------------------------------------------ lookup
    def resolve(self, ref: str) -> str:
        """The one unit a reference names (:func:`graph_model.records.unitref.units_named`: an id, a path
        suffix such as ``基隆關/稽查組``, a name, full name or alias).

        Raises :class:`UnknownUnit` or :class:`AmbiguousUnit` (with the candidates).
        """
        key = parse_unit_ref(ref)[0]
        if "Unit" in self.g.nodes.get(key, {}).get("labels", ()):
            return key  # an id names its unit alone: found without reading every unit
        units = self.units()
        matches = [units[i]["id"] for i in
                   units_named(ref, ((u["id"], u["path"], u["full_name"], u["aliases"]) for u in units))]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise UnknownUnit(ref, self._suggest(key))
        raise AmbiguousUnit(ref, matches)

    def _suggest(self, ref: str, limit: int = 5) -> list[str]:
        return closest_units(ref, ((u["name"], u["id"]) for u in self.units()), limit)

    # ------------------------------------------------------------------ export
    def to_node_link(self) -> dict:
        data = nx.node_link_data(self.g, edges="edges")
        data["edges"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
        data["nodes"].sort(key=lambda n: n["id"])
        return data

    @classmethod
    def from_node_link(cls, data: dict) -> OrgGraph:
        # a MultiDiGraph, as asked (the stub says Graph whatever the arguments)
        return cls(cast(nx.MultiDiGraph, nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")))


class _Canonicalizer:
    """Maps paths that start at an agency's own name onto the place other documents give it.

    A document may name 關務署 or 交通部 where another sets up 財政部/關務署 or lists 交通部
    under 行政院 (行政院組織法 「行政院設下列各部」): one agency is one node.  A path whose first
    name is the last name of a longer agency path is re-rooted under the shortest such path;
    when two such paths are equally short (two different parents), the one a document's own words
    give wins over those only the database's filing gives (台灣美國事務委員會: 「行政院…特設」 in its act;
    its office rules filed under 外交部), and the others are moved under it; else the path is left as
    it is and the disagreement is recorded in ``conflicts`` (``validate`` reports it) — unless each
    parent's body is its own: a name a document of that parent sets up (航空警察局辦事細則's 臺北分局,
    司法院及所屬機關訴願審議委員會組織規程's 訴願審議委員會) is the parent's body, as the genre names a
    committee or branch by its parent (司法院訴願審議委員會, 考試院訴願審議委員會: two bodies, not one
    placed twice).

    A member of a family (各關 › 基隆關, 港務警察總隊 › 基隆港務警察總隊) that is also set up beside its
    family, under the same parent, is that one body: the family's document and the member's own
    speak of one node (關務署 › 基隆關).
    """

    def __init__(self, docs: list[ParsedDocument]):
        longer: dict[str, set[tuple[str, ...]]] = {}
        filed: dict[str, set[tuple[str, ...]]] = {}  # parents only a document's 法規類別 gives
        owned: dict[str, set[tuple[str, ...]]] = {}  # parents whose own document sets the body up
        # a family named by a list of kinds (「直轄市、縣（市）選舉委員會」): the list's items, by the family's name
        self.kinds: dict[str, tuple[str, ...]] = {}
        for parsed in docs:
            title, category = parsed.document.title, parsed.document.meta.get("category", "")
            for rec in parsed.units:
                path = unrepeated(rec.path)
                for alias in rec.aliases:
                    if "、" in alias and len(path) > 1:
                        self.kinds.setdefault(path[-1], tuple(alias.split("、")))
                if rec.kind in ("Agency", "BranchOffice", "Committee") and len(path) > 1:
                    longer.setdefault(path[-1], set()).add(path[:-1])
                    if path[-2] in category and path[-2] not in title:
                        filed.setdefault(path[-1], set()).add(path[:-1])
                    if path[-2] in title:
                        owned.setdefault(path[-1], set()).add(path[:-1])
        self.prefix: dict[str, tuple[str, ...]] = {}
        self.moved: dict[str, set[tuple[str, ...]]] = {}
        self.conflicts: dict[str, list[tuple[str, ...]]] = {}
        self.beside: set[tuple[str, ...]] = set()  # every unit's own path: where a family's member also stands
        for name, parents in longer.items():
            shortest = min(map(len, parents))
            best = sorted(p for p in parents if len(p) == shortest)
            stated = [p for p in best if p not in filed.get(name, ())]
            if len(best) == 1:
                self.prefix[name] = best[0]
            elif len(stated) == 1:
                self.prefix[name], self.moved[name] = stated[0], set(best) - set(stated)
            elif not self._several(name, best, longer, owned):
                self.conflicts[name] = best
        # A chain of re-rootings (內政部 → 行政院/內政部, 消防署 → 內政部/消防署) is followed to its end,
        # never round a cycle.
        for name in list(self.prefix):
            seen, head = {name}, self.prefix[name]
            while head and head[0] in self.prefix and head[0] not in seen:
                seen.add(head[0])
                head = self.prefix[head[0]] + head
            self.prefix[name] = head if name not in head else self.prefix[name]
        # An agency of a name no other body bears, set up in one place: where a post of another document
        # that names it belongs (法院組織法's 「最高檢察署…置一等通譯」: 法務部's 最高檢察署).
        places: dict[str, set[tuple[str, ...]]] = {}
        for parsed in docs:
            for rec in parsed.units:
                if rec.kind == "Agency" and len(rec.path[-1]) >= DISTINCT_NAME:
                    places.setdefault(rec.path[-1], set()).add(self(rec.path))
        self.homes = {name: next(iter(paths)) for name, paths in places.items() if len(paths) == 1}
        self.beside = {self(rec.path) for parsed in docs for rec in parsed.units}

    @staticmethod
    def _several(name: str, parents: list[tuple[str, ...]], longer: dict, owned: dict) -> bool:
        """Are the bodies named ``name`` under ``parents`` several, each its parent's?  So when each parent's
        own document sets one up, and parents of one name (各區養護工程分局 of 公路局 and of 高速公路局) are
        themselves several bodies — not one parent placed twice (臺灣省政府 under 內政部 and under 行政院)."""
        if not set(parents) <= owned.get(name, set()):
            return False
        names = [p[-1] for p in parents]
        return all(longer[n] <= owned.get(n, set()) for n in set(names) if names.count(n) > 1 and n in longer)

    def __call__(self, path: tuple[str, ...]) -> tuple[str, ...]:
        return self._as_member(self._rooted(path))

    def _as_member(self, path: tuple[str, ...]) -> tuple[str, ...]:
        for i in range(1, len(path) - 1):
            if (member_of(path[i + 1], path[i]) or self._of_a_kind(path[i + 1], path[i])) \
                    and path[:i] + path[i + 1:i + 2] in self.beside:
                return path[:i] + path[i + 1:]
        return path

    def _of_a_kind(self, name: str, family: str) -> bool:
        """Is ``name`` the body of one kind the family's list names (直轄市選舉委員會 of 「直轄市、縣（市）選舉委員會」:
        an item with the list's shared ending, of 3 characters or more, or the last item whole)?  Such a family's
        document speaks of each kind's body (「直轄市選舉委員會置委員九人至十三人」), not of a unit within it."""
        *first, last = self.kinds.get(family, ("",))
        if not first:
            return False
        return name == last or any(name.startswith(item) and len(name) - len(item) >= 3
                                   and last.endswith(name[len(item):]) for item in first)

    def _rooted(self, path: tuple[str, ...]) -> tuple[str, ...]:
        path = unrepeated(path)
        for i in range(1, len(path)):
            if path[i] in self.moved and path[:i] in self.moved[path[i]]:
                return self.prefix[path[i]] + path[i:]
        head = path[0]
        if head in self.prefix:
            full = self.prefix[head] + tuple(path)
            if len(set(full)) == len(full) or len(set(path)) < len(path):
                return full
        return tuple(path)


def unrepeated(path: tuple[str, ...]) -> tuple[str, ...]:
    """A unit's name that repeats its parent's (行政院 › 行政院主計總處, 航政局 › 航政局第一科) names it
    without the repetition: 行政院 › 主計總處, as the unit's own documents place it.

    >>> unrepeated(("行政院", "行政院人事行政總處")), unrepeated(("少年及家事法院", "少年及家事法院分院"))
    (('行政院', '人事行政總處'), ('少年及家事法院', '少年及家事法院分院'))
    """
    out = list(path)
    for i in range(1, len(out)):
        parent, name = out[i - 1], out[i]
        if name.startswith(parent) and len(name) - len(parent) >= 3:
            out[i] = name[len(parent):]
    return tuple(out)
