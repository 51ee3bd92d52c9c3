"""Push an :class:`~graph_model.graph.graph.OrgGraph` into Neo4j, all or nothing; report and remove it.

A push stages the whole graph first, in ``UNWIND $rows`` batches of committed
transactions: nodes carry only the label ``OrggraphStaged`` (their labels wait in
``_orggraph_labels``), so no query that names a label, and no full-text index,
sees them.  Once the staged counts per label and type equal the embedded
graph's, one switching transaction hides what orggraph wrote before (any
run, store or orggraph version: its nodes lose their labels for
``OrggraphRetired``), gives the staged nodes their labels and records the run
(an ``OrggraphRun`` node: run tag, store fingerprint, time, counts).  Before
that commit other clients — Cypher, ``which --backend neo4j`` — see the
previous graph; after it, the new one; the hidden graph is then deleted in
batches (what is left of it, should that fail, the next push removes).  The
lookup's nodes (``which --backend neo4j``) are written under their own labels,
tagged with the run, and never switched: the lookup reads the current run's.  A push that fails
(connection lost, server killed, a constraint that a foreign node violates)
leaves the previous graph as it was, plus staged data that the next push or
``orggraph neo4j reset`` removes (``orggraph neo4j status`` shows it).

Writing everything in one transaction was measured and rejected: the national
graph (23k nodes, 30k relationships) took over ten minutes (index look-ups of
nodes created in the same transaction) and then broke the server's
transaction memory limit (``dbms.memory.transaction.total.max``, 256 MiB in
scripts/neo4j-server).

Nodes without ``_orggraph = true`` are never touched, except that relationships
other clients made to orggraph's nodes go when those nodes are replaced.
"""
from __future__ import annotations

import json
import time
import uuid
from collections import Counter, defaultdict
from datetime import UTC, datetime

from . import Neo4jError, cypher as q
from .connection import Settings, connect, translate

DEFAULT_BATCH_SIZE = 1000
REMOVE_BATCH = 10_000  # nodes deleted per transaction (with their relationships) once a graph is replaced


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


def plan(graph, lookup: dict[str, list[dict]] | None = None) -> dict:
    """The batches to write: ``{"nodes": {(primary, extras): [rows]}, "rels": {(type, src, dst): [rows]}}``;
    ``lookup``'s nodes (``{label: [{"id", "props"}]}``) too."""
    nodes, rels, primary = defaultdict(list), defaultdict(list), {}
    for label, rows in (lookup or {}).items():
        nodes[(label, ())] = [{"id": r["id"], "props": _props(r["props"])} for r in rows]
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


def expected_counts(graph, lookup: dict[str, list[dict]] | None = None) -> dict:
    labels = Counter(lab for _, d in graph.g.nodes(data=True) for lab in (d.get("labels") or ["Node"]))
    labels.update({label: len(rows) for label, rows in (lookup or {}).items()})
    types = Counter(d.get("type") or str(k).split(":")[0] for _, _, k, d in graph.g.edges(keys=True, data=True))
    return {"nodes": graph.g.number_of_nodes() + sum(len(rows) for rows in (lookup or {}).values()),
            "relationships": graph.g.number_of_edges(),
            "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))}


def _batches(rows, size):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def push(graph, settings: Settings, batch_size: int = DEFAULT_BATCH_SIZE, run: str | None = None,
         progress=None, source: str = "", lookup: dict[str, list[dict]] | None = None) -> dict:
    """Make ``graph`` the graph orggraph holds in Neo4j, all or nothing (see the module's doc).

    ``lookup``: nodes written with the graph, ``{label: [{"id", "props"}]}`` — what ``which --backend
    neo4j`` ranks with (:mod:`queries.lookup.neo4j_rows`); counted and switched as the graph's own.
    ``source`` is the store's fingerprint (``orggraph neo4j status`` compares it with the
    store's); ``progress(n)`` is called after each batch with the number of rows written.
    Returns a summary with counts verified against the embedded graph; raises
    :class:`Neo4jError` (saying which step failed) on any problem.
    """
    if batch_size < 1:
        raise Neo4jError("batch size must be at least 1")
    run = run or datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    work = plan(graph, lookup)
    expected = expected_counts(graph, lookup)
    step = "connecting"
    seconds: dict[str, float] = {}
    clock = [time.perf_counter()]

    def begin(name: str) -> str:  # the step now under way, and how long the one before took
        now = time.perf_counter()
        seconds[step] = round(seconds.get(step, 0) + now - clock[0], 3)
        clock[0] = now
        return name

    with connect(settings) as driver:
        try:
            with driver.session(database=settings.database) as session:
                step = begin("creating indexes")
                for (name,) in session.run(q.show_owned_constraints()).values():
                    session.run(q.drop_constraint(name)).consume()
                for label in expected["labels"]:
                    session.run(q.id_index(label)).consume()
                session.run(q.staging_index()).consume()
                step = begin("creating full-text indexes")
                _ensure_fulltext_indexes(session)
                session.run(q.await_indexes(), seconds=300).consume()  # the id indexes, before they are used
                step = begin("removing what a failed push staged")
                _drain(session, q.delete_other_lookups(), REMOVE_BATCH)
                _drain(session, q.delete_staged(), REMOVE_BATCH)
                step = begin("writing nodes")
                for (primary, extras), rows in sorted(work["nodes"].items()):
                    labels = [primary, *extras]
                    lookup_node = primary in q.LOOKUP_LABELS
                    stmt = q.stage_lookup_nodes(primary) if lookup_node else q.stage_nodes()
                    for batch in _batches(rows, batch_size):
                        staged = [{"props": r["props"], "labels": labels} for r in batch]
                        session.execute_write(lambda tx, b=staged, s=stmt: tx.run(s, rows=b, run=run).consume())
                        if progress:
                            progress(len(batch))
                step = begin("writing relationships")
                for (rtype, _src, _dst), rows in sorted(work["rels"].items()):
                    stmt = q.stage_relationships(rtype)
                    for batch in _batches(rows, batch_size):
                        session.execute_write(lambda tx, b=batch, s=stmt: tx.run(s, rows=b, run=run).consume())
                        if progress:
                            progress(len(batch))
                step = begin("verifying counts")
                got = _staged_counts(session, run)
                _check(got, expected, run)
                step = begin("switching to the new graph")
                pushed_at = datetime.now(UTC).isoformat(timespec="seconds")
                meta = {"run": run, "source": source, "pushed_at": pushed_at,
                        "nodes": got["nodes"], "relationships": got["relationships"],
                        "labels": json.dumps(got["labels"], ensure_ascii=False),
                        "types": json.dumps(got["types"], ensure_ascii=False)}
                groups = sorted({(primary, *extras) for primary, extras in work["nodes"]
                                 if primary not in q.LOOKUP_LABELS})
                graph_nodes = expected["nodes"] - sum(len(rows) for rows in (lookup or {}).values())
                replaced = session.execute_write(_switch, run, groups, graph_nodes, meta)
                step = begin("removing the previous graph")
                _drain(session, q.delete_other_lookups(), REMOVE_BATCH)
                _drain(session, q.delete_staged(), REMOVE_BATCH)
                step = begin("waiting for indexes")
                session.run(q.await_indexes(), seconds=60).consume()
        except Neo4jError:
            raise
        except Exception as exc:
            raise _failed(step, translate(exc, settings), exc) from None
    return {"run": run, "uri": settings.shown_uri, "database": settings.database, "batch_size": batch_size,
            "source": source, "pushed_at": pushed_at,
            "nodes": got["nodes"], "relationships": got["relationships"],
            "labels": got["labels"], "types": got["types"],
            "replaced": replaced, "verified": True,
            "seconds": {**seconds, **{step: round(time.perf_counter() - clock[0], 3)}}}


def _switch(tx, run: str, groups: list[tuple[str, ...]], nodes: int, meta: dict) -> dict:
    """The one transaction that makes run ``run`` current: old graph hidden, staged nodes labelled, run recorded."""
    tx.run(q.delete_run_records()).consume()
    old = sum(tx.run(q.retire(g), labels=g).single()["n"]
              for g in (r["labels"] for r in tx.run(q.current_label_groups()).data()))
    old += tx.run(q.count_other_lookups(), run=run).single()["n"]
    rels = tx.run(q.count_retired_relationships()).single()["n"]
    labelled = sum(tx.run(q.unstage(list(g)), run=run, labels=list(g)).single()["n"] for g in groups)
    if labelled != nodes:  # another push cleared this one's staging meanwhile: roll back
        raise Neo4jError(f"push {run} found {labelled} of its {nodes} staged nodes when switching (another push "
                         "at the same time?); nothing was switched: the previously pushed graph is intact")
    tx.run(q.record_run(), meta=meta).consume()
    return {"nodes": old, "relationships": rels}


def _check(got: dict, expected: dict, run: str) -> None:
    if (got["nodes"], got["relationships"], got["labels"], got["types"]) != \
            (expected["nodes"], expected["relationships"], expected["labels"], expected["types"]):
        raise Neo4jError(f"push {run} wrote {got['nodes']} nodes / {got['relationships']} relationships "
                         f"but the graph has {expected['nodes']} / {expected['relationships']}; "
                         "the previous push was left in place")


def _failed(step: str, err: Neo4jError, exc: Exception) -> Neo4jError:
    """What a push that failed at ``step`` left in the database, in the same one line."""
    from neo4j.exceptions import IncompleteCommit
    # The connection went while the server committed the switch: it did or did not.  (A staging
    # batch's commit cut short changes nothing that queries see.)
    if step == "switching to the new graph" and isinstance(exc, IncompleteCommit):
        return Neo4jError(f"push failed while {step} ({err}); the database holds either the previous graph "
                          "or this push, each whole (orggraph neo4j status tells which)")
    if step == "removing the previous graph":
        return Neo4jError(f"pushed, but failed while {step} ({err}); queries see only the new graph, and the next "
                          "push or `orggraph neo4j reset` removes the rest of the previous one")
    if step == "waiting for indexes":
        return Neo4jError(f"pushed, but failed while waiting for the full-text indexes ({err}); "
                          "they catch up on their own")
    return Neo4jError(f"push failed while {step} ({err}); the previously pushed graph is intact")


def _ensure_fulltext_indexes(session) -> None:
    """Create the full-text indexes; one whose definition changed (a new property) is dropped and rebuilt."""
    existing = {r["name"]: r for r in session.run(q.show_fulltext_indexes())}
    for name, (label, props) in q.FULLTEXT.items():
        have = existing.get(name)
        if have is not None and (list(have["labels"]), list(have["properties"]), have["analyzer"]) != \
                ([label], list(props), "cjk"):
            session.run(q.drop_index(name)).consume()
        session.run(q.fulltext_index(name, label, props)).consume()


def _staged_counts(session, run: str) -> dict:
    """Staged nodes and relationships of run ``run``, by the labels they will have and by type."""
    labels = Counter({r["label"]: r["n"] for r in session.run(q.count_staged_nodes(), run=run)})
    lookup = {r["label"]: r["n"] for r in session.run(q.count_lookup_nodes(), run=run)}
    labels.update(lookup)
    types = {r["type"]: r["n"] for r in session.run(q.count_run_relationships(), run=run)}
    nodes = session.run(q.count_staged_total(), run=run).single()["n"] + sum(lookup.values())
    return {"nodes": nodes, "relationships": sum(types.values()),
            "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))}


def _run_counts(tx, run: str) -> dict:
    """Nodes and relationships of run ``run``, in all and by label and type (``tx``: a session or transaction)."""
    labels = {r["label"]: r["n"] for r in tx.run(q.count_run_nodes(), run=run)}
    types = {r["type"]: r["n"] for r in tx.run(q.count_run_relationships(), run=run)}
    nodes = tx.run(q.count_run_nodes_total(), run=run).single()["n"]
    return {"nodes": nodes, "relationships": sum(types.values()),
            "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))}


def _drain(session, stmt: str, limit: int) -> int:
    """Run a deleting ``stmt`` in transactions of ``limit`` until nothing is left; how many went."""
    total = 0
    while True:
        n = session.execute_write(lambda tx: tx.run(stmt, limit=limit).single()["deleted"])
        total += n
        if n == 0:
            return total


def render_push(summary: dict) -> str:
    labels = ", ".join(f"{k} {v}" for k, v in summary["labels"].items())
    types = ", ".join(f"{k} {v}" for k, v in summary["types"].items())
    replaced = summary["replaced"]
    return (f"pushed to {summary['uri']} (database {summary['database']}), run {summary['run']}\n"
            f"nodes: {summary['nodes']} ({labels})\n"
            f"relationships: {summary['relationships']} ({types})\n"
            f"replaced the previous push: {replaced['nodes']} nodes, {replaced['relationships']} relationships\n"
            "counts match the embedded graph")


# --------------------------------------------------------------------------- status and reset
def status(settings: Settings, source: str = "") -> dict:
    """What orggraph holds in the database: the current run, its counts, leftovers, orggraph's schema.

    ``source`` is the fingerprint of the store in use (``matches_store`` compares it with the
    run's).  Raises :class:`Neo4jError` when the server cannot be reached or answers with an error.
    """
    with connect(settings) as driver:
        try:
            with driver.session(database=settings.database, default_access_mode="READ") as session:
                server = session.run(q.server_info()).single()
                runs = [dict(r["meta"]) for r in session.run(q.current_runs())]
                meta = runs[0] if runs else None
                run = meta["run"] if meta else ""
                counts = _run_counts(session, run) if meta else {}
                leftovers = [r.data() for r in session.run(q.count_leftovers(), run=run)]
                schema = _owned_schema(session)
        except Exception as exc:
            raise translate(exc, settings) from None
    current = None
    if meta:
        current = {"run": run, "pushed_at": meta.get("pushed_at", ""), "source": meta.get("source", ""),
                   "pushed_counts": {"nodes": meta.get("nodes"), "relationships": meta.get("relationships")},
                   **counts}
    return {"uri": settings.shown_uri, "database": settings.database, "reachable": True,
            "server": f"{server['name']} {server['version']} {server['edition']}",
            "current": current,
            "matches_store": bool(current and source and current["source"] == source) if source else None,
            "store": source, "leftovers": leftovers, "schema": schema}


def _owned_schema(session) -> list[dict]:
    """orggraph's constraints (older versions made some) and indexes: ``[{kind, name}]``."""
    return ([{"kind": "constraint", "name": n} for (n,) in session.run(q.show_owned_constraints()).values()]
            + [{"kind": "index", "name": n} for (n,) in session.run(q.show_owned_indexes()).values()])


def render_status(st: dict) -> str:
    out = [f"Neo4j at {st['uri']} (database {st['database']}): reachable, {st['server']}"]
    cur = st["current"]
    if cur is None:
        out.append("current orggraph run: none (nothing pushed, or reset)")
    else:
        out.append(f"current orggraph run: {cur['run']}, pushed {cur['pushed_at']}")
        out.append(f"  from: {cur['source'] or '(unknown store)'}")
        if st["matches_store"] is not None:
            out.append("  matches the current store" if st["matches_store"]
                       else f"  does NOT match the current store ({st['store']}): push again")
        out.append(f"  nodes: {cur['nodes']} (" + ", ".join(f"{k} {v}" for k, v in cur["labels"].items()) + ")")
        out.append(f"  relationships: {cur['relationships']} ("
                   + ", ".join(f"{k} {v}" for k, v in cur["types"].items()) + ")")
    if st["leftovers"]:
        for left in st["leftovers"]:
            what = ("staged by a push that did not finish" if left["staged"]
                    else "replaced by the current push, not yet removed" if left.get("retired")
                    else "left by an older orggraph")
            out.append(f"leftover: {left['nodes']} nodes, {left['relationships']} relationships of run "
                       f"{left['run'] or '(none)'}, {what} (the next push or `orggraph neo4j reset` removes them)")
    else:
        out.append("leftover staging data: none")
    out.append("orggraph's indexes and constraints: " + (", ".join(s["name"] for s in st["schema"]) or "none"))
    return "\n".join(out)


def reset(settings: Settings, batch_size: int = 10_000) -> dict:
    """Remove exactly what orggraph wrote: its nodes and relationships (any run, staged or not), its
    run record, and its indexes and constraints (all named ``orggraph_…``).  Nothing else is touched,
    except relationships other clients made to orggraph's nodes, which go with those nodes."""
    with connect(settings) as driver:
        try:
            with driver.session(database=settings.database) as session:
                rels = _drain(session, q.delete_owned_relationships(), batch_size)
                nodes = _drain(session, q.delete_owned_nodes(), batch_size)
                schema = _owned_schema(session)
                for item in schema:
                    drop = q.drop_constraint if item["kind"] == "constraint" else q.drop_index
                    session.run(drop(item["name"])).consume()
        except Exception as exc:
            raise translate(exc, settings) from None
    return {"uri": settings.shown_uri, "database": settings.database,
            "removed": {"nodes": nodes, "relationships": rels, "schema": [s["name"] for s in schema]}}


def render_reset(summary: dict) -> str:
    r = summary["removed"]
    return (f"removed from {summary['uri']} (database {summary['database']}): {r['nodes']} nodes, "
            f"{r['relationships']} relationships, {len(r['schema'])} indexes and constraints")
