"""Posts and headcount figures in the graph.

Builds two kinds of :class:`~graph_model.records.ParsedDocument` extras (listed in
:data:`graph_model.graph.EXTRA_BUILDERS`; records from :mod:`loaders.posts` and :mod:`loaders.staffing_table`):

- ``extras["posts"]`` → ``Post`` nodes, ``(:Unit)-[:HAS_POST]->(:Post)``.  Id
  ``<unit id>#post:<title>`` (``@<variant>`` appended for 一等/二等… offices).  Flat
  properties, so Neo4j can filter on them: ``title``, ``min``, ``max``,
  ``class_from``, ``grade_from``, ``class_to``, ``grade_to``, ``series``,
  ``rank_text``, ``rank``, ``concurrent``, ``per``, ``variant``, ``note``;
  ``sub_quotas`` (list of dicts); provenance ``doc``/``line``/… and ``sources``.
  ``quota_rule`` records set ``staff_from_quota`` and ``staffing_notes`` on the
  unit; ``total`` records become statutory ``Headcount`` nodes.
- ``extras["headcounts"]`` → ``Headcount`` nodes,
  ``(:Unit)-[:HAS_HEADCOUNT]->(:Headcount {year, category, kind, scope, value})``,
  id ``<unit id>#headcount:<kind>:<scope>:<year>:<category>``.  The unit of the
  latest budget year's 合計 gets ``headcount`` (own staff) or ``headcount_group``
  (the agency with everything under it) and ``headcount_year``.

>>> from graph_model.graph import OrgGraph
>>> from graph_model.records import ParsedDocument, Document, UnitRecord, Source
>>> src = Source("d", 1)
>>> post = {"kind": "post", "unit": ["局"], "title": "科長", "min": 2, "max": 3, "rank": None, "sub_quotas": [],
...         "concurrent": 0, "per": None, "variant": None, "note": "", "source": {"doc": "d", "line": 5}}
>>> p = ParsedDocument(Document("d", "t", "org_act"), units=[UnitRecord(("局",), "Agency", "局", src)],
...                    extras={"posts": [post]})
>>> g = OrgGraph.build([p])
>>> [(n["id"], n["min"], n["max"]) for n in g.nodes_with_label("Post")]
[('局#post:科長', 2, 3)]
"""
from __future__ import annotations

from .ids import post_id
from .naming import classify_agency, classify_unit
from .ranks import rank_label
from .records import ParsedDocument, Source, provenance_of


def unit_for(graph, path, source: dict) -> str:
    """Id of the unit at ``path``: as is, else the one unit whose path ends with it, else a new unit.

    The lookup is :meth:`OrgGraph.find_unit`.
    """
    path = tuple(path)
    found = graph.find_unit(path)
    if found is not None:
        return found
    # Parent known by suffix (財政部/關稅總局 + 燈塔): put the new unit under it.
    parent = unit_for(graph, path[:-1], source) if len(path) > 1 else None
    full = tuple(graph.node(parent)["path"]) + (path[-1],) if parent else path
    kind, unit_type = classify_unit(path[-1]) if parent else classify_agency(path[-1])
    src = Source(source.get("doc", ""), source.get("line", 0), source.get("end_line"),
                 source.get("article"), source.get("item"))
    return graph.add_unit(full, kind, unit_type, src)


def add_post(graph, rec: dict) -> str:
    """Add one post record; a post already there (same unit, title, variant) gains a source."""
    uid = unit_for(graph, rec["unit"], rec["source"])
    pid = post_id(uid, rec["title"], rec.get("variant"))
    prov = provenance_of(rec["source"])
    rank = rec.get("rank") or {}
    if pid in graph.g:
        node = graph.g.nodes[pid]
        if prov not in node["sources"]:
            node["sources"].append(prov)
        for key in ("min", "max"):
            if node[key] is None and rec.get(key) is not None:
                node[key] = rec[key]
        if not node["rank_text"] and rank:
            node.update(_rank_props(rank))
        return pid
    graph.g.add_node(pid, id=pid, labels=["Post"], name=rec["title"], title=rec["title"], unit=uid,
                     min=rec.get("min"), max=rec.get("max"), **_rank_props(rank),
                     sub_quotas=[dict(q) for q in rec.get("sub_quotas", [])],
                     sub_quota_total=sum(q.get("count") or 0 for q in rec.get("sub_quotas", [])),
                     concurrent=rec.get("concurrent") or 0, per=rec.get("per") or "",
                     variant=rec.get("variant") or "", note=rec.get("note") or "", sources=[prov], **prov)
    graph.g.add_edge(uid, pid, key="HAS_POST", type="HAS_POST", **prov)
    return pid


def _rank_props(rank: dict) -> dict:
    return {"class_from": rank.get("class_from") or "", "grade_from": rank.get("grade_from"),
            "class_to": rank.get("class_to") or "", "grade_to": rank.get("grade_to"),
            "series": list(rank.get("series") or []), "rank_text": rank.get("text") or "",
            "rank": rank_label(rank) if rank else ""}


def headcount_id(uid: str, fig: dict) -> str:
    year = fig.get("year") if fig.get("year") is not None else ""
    variant = f"@{fig['variant']}" if fig.get("variant") else ""
    return f"{uid}#headcount:{fig['kind']}:{fig.get('scope', 'own')}:{year}:{fig['category']}{variant}"


def add_headcount(graph, fig: dict) -> str | None:
    """Add one figure; the first figure for the same unit/kind/scope/year/category wins (tables before text)."""
    uid = unit_for(graph, fig["agency"], fig["source"])
    hid = headcount_id(uid, fig)
    prov = provenance_of(fig["source"])
    if hid in graph.g:
        node = graph.g.nodes[hid]
        if prov not in node["sources"]:
            node["sources"].append(prov)
        return None
    value = fig.get("value")
    graph.g.add_node(hid, id=hid, labels=["Headcount"], name=f"{fig.get('year') or ''}{fig['category']}",
                     unit=uid, year=fig.get("year"), from_year=fig.get("from_year"), category=fig["category"],
                     kind=fig["kind"], scope=fig.get("scope", "own"), value=value,
                     min=fig.get("min", value), max=fig.get("max", value), variant=fig.get("variant") or "",
                     origin=fig.get("origin", "table"), table=fig.get("table", ""), row=fig.get("row", ""),
                     sources=[prov], **prov)
    graph.g.add_edge(uid, hid, key=f"HAS_HEADCOUNT:{hid}", type="HAS_HEADCOUNT", **prov)
    return hid


def build_posts(graph, records, parsed: ParsedDocument) -> None:
    for rec in records or []:
        kind = rec.get("kind", "post")
        if kind == "post":
            add_post(graph, rec)
        elif kind == "quota_rule":
            uid = unit_for(graph, rec["unit"], rec["source"])
            node = graph.g.nodes[uid]
            if node["kind"] != "Agency":  # 「各種委員會…所需工作人員」 said of the agency is only a note
                node["staff_from_quota"] = True
            notes = node.setdefault("staffing_notes", [])
            if rec["note"] not in notes:
                notes.append(rec["note"])
        elif kind == "total":
            add_headcount(graph, {"agency": rec["unit"], "scope": "own", "year": None, "category": "合計",
                                  "kind": "statutory", "value": rec["min"] if rec["min"] == rec["max"] else None,
                                  "min": rec["min"], "max": rec["max"], "variant": rec.get("variant"),
                                  "origin": "text", "row": "、".join(rec.get("titles", [])),
                                  "source": rec["source"]})


def build_headcounts(graph, records, parsed: ParsedDocument) -> None:
    added = [hid for fig in records or [] if (hid := add_headcount(graph, fig))]
    budget = [graph.g.nodes[h] for h in added]
    budget = [n for n in budget if n["kind"] == "budget" and n["category"] in ("合計", "總計") and n["year"] is not None]
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
