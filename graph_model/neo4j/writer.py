"""Push an :class:`~graph_model.graph.OrgGraph` into Neo4j, idempotently.

Steps: unique-``id`` constraints for every label in the graph, full-text
indexes (``cjk`` analyzer), then ``UNWIND $rows`` batches that MERGE nodes on
``id`` and relationships on their key, all stamped ``_orggraph = true`` and
``_orggraph_run = <run tag>``.  Only after everything loaded are owned nodes and
relationships of older runs deleted, so a push that fails midway leaves the
previous graph in place.  Nodes without ``_orggraph = true`` are never touched
(except that relationships to a deleted orggraph node go with it).
"""
from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from datetime import datetime, timezone

from . import Neo4jError
from . import cypher as q
from .connection import Settings, connect, translate

DEFAULT_BATCH_SIZE = 1000


def flatten(value):
    """A Neo4j-storable property value: primitives and homogeneous primitive lists as is, the rest JSON.

    >>> flatten(["a", "b"]), flatten({"k": 1}), flatten([{"doc": "d"}]), flatten(None)
    (['a', 'b'], '{"k": 1}', '[{"doc": "d"}]', None)
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        kinds = {type(v) for v in value}
        if len(kinds) <= 1 and kinds <= {str, bool, int, float}:
            return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _props(data: dict, skip=("labels", "type")) -> dict:
    return {k: f for k, v in data.items() if k not in skip and (f := flatten(v)) is not None}


def plan(graph) -> dict:
    """The batches to write: ``{"nodes": {(primary, extras): [rows]}, "rels": {(type, src, dst): [rows]}}``."""
    nodes, rels, primary = defaultdict(list), defaultdict(list), {}
    for nid, data in graph.g.nodes(data=True):
        labels = list(data.get("labels") or ["Node"])
        primary[nid] = labels[0]
        props = _props(data)
        props["id"] = nid
        nodes[(labels[0], tuple(labels[1:]))].append({"id": nid, "props": props})
    for u, v, key, data in graph.g.edges(keys=True, data=True):
        rtype = data.get("type") or str(key).split(":")[0]
        rels[(rtype, primary[u], primary[v])].append({"source": u, "target": v, "key": str(key),
                                                      "props": _props(data)})
    return {"nodes": dict(nodes), "rels": dict(rels)}


def expected_counts(graph) -> dict:
    labels = Counter(lab for _, d in graph.g.nodes(data=True) for lab in (d.get("labels") or ["Node"]))
    types = Counter(d.get("type") or str(k).split(":")[0] for _, _, k, d in graph.g.edges(keys=True, data=True))
    return {"nodes": graph.g.number_of_nodes(), "relationships": graph.g.number_of_edges(),
            "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))}


def _batches(rows, size):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def push(graph, settings: Settings, batch_size: int = DEFAULT_BATCH_SIZE, run: str | None = None,
         progress=None) -> dict:
    """Load ``graph`` into Neo4j and remove what older pushes wrote that this one did not.

    ``progress(n)`` is called after each batch with the number of rows written.
    Returns a summary with counts verified against the embedded graph; raises
    :class:`Neo4jError` (saying which step failed) on any problem.
    """
    if batch_size < 1:
        raise Neo4jError("batch size must be at least 1")
    run = run or datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    work = plan(graph)
    expected = expected_counts(graph)
    step = "connecting"
    with connect(settings) as driver:
        try:
            with driver.session(database=settings.database) as session:
                step = "creating constraints"
                for label in expected["labels"]:
                    session.run(q.unique_id_constraint(label)).consume()
                step = "creating full-text indexes"
                _ensure_fulltext_indexes(session)
                step = "writing nodes"
                for (primary, extras), rows in sorted(work["nodes"].items()):
                    stmt = q.merge_nodes(primary, list(extras))
                    for batch in _batches(rows, batch_size):
                        session.execute_write(lambda tx, b=batch: tx.run(stmt, rows=b, run=run).consume())
                        if progress:
                            progress(len(batch))
                step = "writing relationships"
                for (rtype, src, dst), rows in sorted(work["rels"].items()):
                    stmt = q.merge_relationships(rtype, src, dst)
                    for batch in _batches(rows, batch_size):
                        session.execute_write(lambda tx, b=batch: tx.run(stmt, rows=b, run=run).consume())
                        if progress:
                            progress(len(batch))
                step = "verifying counts"
                got = _run_counts(session, run)
                if (got["nodes"], got["relationships"], got["labels"], got["types"]) != \
                        (expected["nodes"], expected["relationships"], expected["labels"], expected["types"]):
                    raise Neo4jError(f"push {run} wrote {got['nodes']} nodes / {got['relationships']} relationships "
                                     f"but the graph has {expected['nodes']} / {expected['relationships']}; "
                                     "the previous push was left in place")
                step = "removing data of older pushes"
                removed_rels = _drain(session, q.delete_stale_relationships(), run, batch_size)
                removed_nodes = _drain(session, q.delete_stale_nodes(), run, batch_size)
                step = "waiting for indexes"
                session.run(q.await_indexes(), seconds=60).consume()
        except Neo4jError:
            raise
        except Exception as exc:
            err = translate(exc, settings)
            raise Neo4jError(f"push failed while {step} ({err}); the previously pushed graph is intact"
                             if step in ("writing nodes", "writing relationships", "verifying counts",
                                         "creating constraints", "creating full-text indexes")
                             else f"push failed while {step} ({err})") from None
    return {"run": run, "uri": settings.shown_uri, "database": settings.database, "batch_size": batch_size,
            "nodes": got["nodes"], "relationships": got["relationships"],
            "labels": got["labels"], "types": got["types"],
            "removed": {"nodes": removed_nodes, "relationships": removed_rels}, "verified": True}


def _ensure_fulltext_indexes(session) -> None:
    """Create the full-text indexes; one whose definition changed (a new property) is dropped and rebuilt."""
    existing = {r["name"]: r for r in session.run(q.show_fulltext_indexes())}
    for name, (label, props) in q.FULLTEXT.items():
        have = existing.get(name)
        if have is not None and (list(have["labels"]), list(have["properties"]), have["analyzer"]) != \
                ([label], list(props), "cjk"):
            session.run(q.drop_index(name)).consume()
        session.run(q.fulltext_index(name, label, props)).consume()


def _run_counts(session, run: str) -> dict:
    labels = {r["label"]: r["n"] for r in session.run(q.count_run_nodes(), run=run)}
    types = {r["type"]: r["n"] for r in session.run(q.count_run_relationships(), run=run)}
    nodes = session.run(q.count_run_nodes_total(), run=run).single()["n"]
    return {"nodes": nodes, "relationships": sum(types.values()),
            "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))}


def _drain(session, stmt: str, run: str, limit: int) -> int:
    total = 0
    while True:
        n = session.execute_write(lambda tx: tx.run(stmt, run=run, limit=limit).single()["deleted"])
        total += n
        if n == 0:
            return total


def render_push(summary: dict) -> str:
    labels = ", ".join(f"{k} {v}" for k, v in summary["labels"].items())
    types = ", ".join(f"{k} {v}" for k, v in summary["types"].items())
    removed = summary["removed"]
    return (f"pushed to {summary['uri']} (database {summary['database']}), run {summary['run']}\n"
            f"nodes: {summary['nodes']} ({labels})\n"
            f"relationships: {summary['relationships']} ({types})\n"
            f"removed from older pushes: {removed['nodes']} nodes, {removed['relationships']} relationships\n"
            "counts match the embedded graph")
