"""Posts and headcount figures in the graph.

Builds two typed fields of :class:`~graph_model.records.records.ParsedDocument` (listed in
:data:`graph_model.graph.graph.EXTRA_BUILDERS`; records from :mod:`loaders.acts.posts` and
:mod:`loaders.budget.staffing_table`):

- ``posts``: each :class:`~graph_model.records.records.PostRecord` → a ``Post`` node,
  ``(:Unit)-[:HAS_POST]->(:Post)``.  Id
  ``<unit id>#post:<title>`` (``@<variant>`` appended for 一等/二等… offices).  Flat
  properties, so Neo4j can filter on them: ``title``, ``min``, ``max``,
  ``class_from``, ``grade_from``, ``class_to``, ``grade_to``, ``series``,
  ``rank_text``, ``rank``, ``concurrent``, ``per``, ``variant``, ``note``;
  ``sub_quotas`` (list of dicts); provenance ``doc``/``line``/… and ``sources``.
  A :class:`~graph_model.records.records.QuotaRule` sets ``staff_from_quota`` and ``staffing_notes`` on the
  unit; a :class:`~graph_model.records.records.StatutoryTotal` becomes a statutory ``Headcount`` node.
- ``headcounts``: each :class:`~graph_model.records.records.HeadcountRecord` → a ``Headcount`` node,
  ``(:Unit)-[:HAS_HEADCOUNT]->(:Headcount {year, category, kind, scope, value})``,
  id ``<unit id>#headcount:<kind>:<scope>:<year>:<category>``.  The unit of the
  latest budget year's 合計 gets ``headcount`` (own staff) or ``headcount_group``
  (the agency with everything under it) and ``headcount_year``.

>>> from graph_model.graph.graph import OrgGraph
>>> from graph_model.records.records import ParsedDocument, Document, PostRecord, UnitRecord, Source
>>> post = PostRecord(unit=("局",), title="科長", min=2, max=3, source=Source("d", 5, 5))
>>> p = ParsedDocument(Document("d", "t", "org_act"), units=[UnitRecord(("局",), "Agency", "局", Source("d", 1))],
...                    posts=[post])
>>> g = OrgGraph.build([p])
>>> [(n["id"], n["min"], n["max"]) for n in g.nodes_with_label("Post")]
[('局#post:科長', 2, 3)]
"""
from __future__ import annotations

from graph_model.records.ids import headcount_id, post_id
from graph_model.records.naming import classify_agency, classify_unit, member_of
from graph_model.records.ranks import rank_label
from graph_model.records.records import (
    HeadcountRecord,
    ParsedDocument,
    PostRecord,
    QuotaRule,
    Rank,
    Source,
    StaffingRecord,
    StatutoryTotal,
    plain,
)


def unit_for(graph, path, source: Source) -> str:
    """Id of the unit at ``path``: as is, else the one unit whose path ends with it, else a new unit.

    The lookup is :meth:`OrgGraph.find_unit`.
    """
    path = tuple(path)
    found = graph.find_unit(path)
    if found is not None:
        return found
    home = graph.homes.get(path[-1])
    if home is not None and home != path:  # an agency another document sets up
        return unit_for(graph, home, source)
    # Parent known by suffix (財政部/關稅總局 + 燈塔): put the new unit under it.
    parent = unit_for(graph, path[:-1], source) if len(path) > 1 else None
    if parent and member_of(path[-1], path[-2]) and (above := graph.parent(parent)):  # 法院 › 最高法院: beside 法院
        beside = tuple(graph.node(above)["path"]) + (path[-1],)
        if (found := graph.find_unit(beside)) is not None:
            return found
    full = tuple(graph.node(parent)["path"]) + (path[-1],) if parent else path
    kind, unit_type = classify_unit(path[-1]) if parent else classify_agency(path[-1])
    return graph.add_unit(full, kind, unit_type, source)


def add_post(graph, rec: PostRecord) -> str:
    """Add one post record; a post already there (same unit, title, variant) gains a source."""
    uid = unit_for(graph, rec.unit, rec.source)
    pid = post_id(uid, rec.title, rec.variant)
    prov = rec.source.prov()
    if pid in graph.g:
        node = graph.g.nodes[pid]
        if prov not in node["sources"]:
            node["sources"].append(prov)
        for key, value in (("min", rec.min), ("max", rec.max)):
            if node[key] is None and value is not None:
                node[key] = value
        if not node["rank_text"] and rec.rank:
            node.update(_rank_props(rec.rank))
        return pid
    graph.g.add_node(pid, id=pid, labels=["Post"], name=rec.title, title=rec.title, unit=uid,
                     min=rec.min, max=rec.max, **_rank_props(rec.rank),
                     sub_quotas=[{**plain(q), "rank": _rank_dict(q.rank)} for q in rec.sub_quotas],
                     sub_quota_total=sum(q.count or 0 for q in rec.sub_quotas),
                     concurrent=rec.concurrent or 0, per=rec.per or "",
                     variant=rec.variant or "", note=rec.note or "", sources=[prov], **prov)
    graph.g.add_edge(uid, pid, key="HAS_POST", type="HAS_POST", **prov)
    return pid


def _rank_dict(rank: Rank) -> dict:
    """A sub-quota's rank as graph data (lists, as the graph keeps them once read back)."""
    return {**plain(rank), "series": list(rank.series)}


def _rank_props(rank: Rank | None) -> dict:
    if rank is None:
        return {"class_from": "", "grade_from": None, "class_to": "", "grade_to": None, "series": [],
                "rank_text": "", "rank": ""}
    return {"class_from": rank.class_from or "", "grade_from": rank.grade_from, "class_to": rank.class_to or "",
            "grade_to": rank.grade_to, "series": list(rank.series), "rank_text": rank.text, "rank": rank_label(rank)}


def add_headcount(graph, fig: HeadcountRecord, low: int | None = None, high: int | None = None,
                  variant: str | None = None) -> str | None:
    """Add one figure; the first figure for the same unit/kind/scope/year/category wins (tables before text).

    ``low``/``high`` (the figure's value when not given) and ``variant`` are a stated total's (:func:`build_posts`).
    """
    uid = unit_for(graph, fig.agency, fig.source)
    hid = headcount_id(uid, fig.kind, fig.scope, fig.year, fig.category, variant)
    prov = fig.source.prov()
    if hid in graph.g:
        node = graph.g.nodes[hid]
        if prov not in node["sources"]:
            node["sources"].append(prov)
        return None
    value = fig.value
    graph.g.add_node(hid, id=hid, labels=["Headcount"], name=f"{fig.year or ''}{fig.category}",
                     unit=uid, year=fig.year, from_year=fig.from_year, category=fig.category,
                     kind=fig.kind, scope=fig.scope, value=value,
                     min=value if low is None else low, max=value if high is None else high, variant=variant or "",
                     origin=fig.origin, table=fig.table, row=fig.row, sources=[prov], **prov)
    graph.g.add_edge(uid, hid, key=f"HAS_HEADCOUNT:{hid}", type="HAS_HEADCOUNT", **prov)
    return hid


def build_posts(graph, records: list[StaffingRecord], parsed: ParsedDocument) -> None:
    for rec in records:
        if isinstance(rec, PostRecord):
            add_post(graph, rec)
        elif isinstance(rec, QuotaRule):
            uid = unit_for(graph, rec.unit, rec.source)
            node = graph.g.nodes[uid]
            if node["kind"] != "Agency":  # 「各種委員會…所需工作人員」 said of the agency is only a note
                node["staff_from_quota"] = True
            notes = node.setdefault("staffing_notes", [])
            if rec.note not in notes:
                notes.append(rec.note)
        elif isinstance(rec, StatutoryTotal):
            figure = HeadcountRecord(agency=rec.unit, scope="own", year=None, category="合計", kind="statutory",
                                     value=rec.min if rec.min == rec.max else None, origin="text", table="",
                                     row="、".join(rec.titles), source=rec.source)
            add_headcount(graph, figure, rec.min, rec.max, rec.variant)


def build_headcounts(graph, records: list[HeadcountRecord], parsed: ParsedDocument) -> None:
    added = [hid for fig in records or [] if (hid := add_headcount(graph, fig))]
    budget = [graph.g.nodes[h] for h in added]
    budget = [n for n in budget
              if n["kind"] == "budget" and n["category"] in ("合計", "總計") and n["year"] is not None]
    if not budget:
        return
    latest = max(n["year"] for n in budget)
    for n in budget:
        if n["year"] != latest:
            continue
        unit = graph.g.nodes[n["unit"]]
        if unit.get("headcount_year") not in (None, latest) and unit["headcount_year"] > latest:
            continue
        unit["headcount_year"] = latest
        unit["headcount_group" if n["scope"] == "group" else "headcount"] = n["value"]
