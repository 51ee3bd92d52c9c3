"""Benchmark: push throughput into Neo4j — batched writer (batch-size sweep) vs a naive loader.

    .venv/bin/python benchmarks/bench_push.py                # starts a throwaway server, prints Markdown
    .venv/bin/python benchmarks/bench_push.py --repeat 5 --elements 40000 --batch-sizes 1 10 100 1000 5000
    .venv/bin/python benchmarks/bench_push.py --use-env      # the server in NEO4J_* (orggraph's data there is replaced)

Throughput is elements (nodes + relationships) per second of wall time, the
median of ``--repeat`` pushes into a database holding no orggraph data (what
orggraph pushed is deleted, untimed, before each run; the constraints and
full-text indexes stay).

- *batched*: :func:`graph_model.neo4j.writer.push` — what ``orggraph neo4j push``
  does end to end: indexes (already there), ``UNWIND $rows`` batches of
  ``--batch-size`` rows that CREATE the staged graph, the count verification
  against the embedded graph, the switching transaction, waiting for the indexes.
  (The push against ``neo4j-admin database import`` is benchmarks/bench_push_import.py.)
- *naive*: one parameterized ``MERGE`` per node and per relationship, each its
  own auto-commit transaction (same constraints, same properties), and nothing
  else: no verification, no clean-up.

Graphs: the bundled corpus (what ``orggraph`` reads without a store) and a
synthetic ministry-shaped organization (:func:`synthetic_graph`: agencies of 77
units, three duties per unit and one duty shared by same-named offices),
grown to ``--elements`` elements.

Without ``--use-env`` the script starts its own server with
``scripts/neo4j-server`` (a temporary home, free ports) and stops it at the end.
"""
from __future__ import annotations

import argparse
import os
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DIGITS = "〇一二三四五六七八九"
NAIVE_NODE = ("MERGE (n:`{label}` {{id: $id}}) SET n = $props, n._orggraph = true, n._orggraph_run = $run{extra}")
NAIVE_REL = ("MATCH (a:`{src}` {{id: $source}}) MATCH (b:`{dst}` {{id: $target}}) "
             "MERGE (a)-[r:`{type}` {{_key: $key}}]->(b) "
             "SET r = $props, r._key = $key, r._orggraph = true, r._orggraph_run = $run")


def cn(n: int) -> str:
    """Chinese numeral for 1..999 (一, 十, 十一, 二十三, 一百零五)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = (DIGITS[hundreds] + "百") if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones else "")


def synthetic_graph(elements: int = 40_000):
    """A ministry-shaped organization (root 示範部) with at least ``elements`` nodes + relationships.

    Each 署 has 8 組 (6 科 each), 5 室 and 3 分署 (4 課 each); every unit has three
    duties of its own, and the 室 of the same name share one duty across 署.
    """
    from graph_model.graph.graph import OrgGraph
    from graph_model.records.duties import normalize_duty
    from graph_model.records.ids import duty_id
    from graph_model.records.records import Source

    graph = OrgGraph()
    graph.g.add_node("doc:synthetic", id="doc:synthetic", labels=["Document"], name="示範部組織法",
                     title="示範部組織法", genre="org_act", path_on_disk="", sha256="", lines=0)
    line = 0

    def unit(path, kind, unit_type):
        nonlocal line
        line += 1
        uid = graph.add_unit(path, kind, unit_type, Source("synthetic", line))
        for k, text in enumerate([f"{''.join(path[1:])}第{cn(i)}項業務之規劃及執行" for i in (1, 2, 3)]
                                 + ([f"{path[-1]}共通事務之辦理"] if unit_type == "室" else [])):
            norm = normalize_duty(text)
            did = duty_id(norm)
            if did not in graph.g:
                graph.g.add_node(did, id=did, labels=["Duty"], text=norm, catch_all=False, residual=False)
            graph.g.add_edge(uid, did, key=f"HANDLES:synthetic:{line}:{k + 1}:", type="HANDLES", basis="explicit",
                             post="", seq=line * 10 + k, doc="synthetic", line=line, end_line=line, article="",
                             item=str(k + 1))

    unit(("示範部",), "Agency", "部")
    agency = 0
    while graph.g.number_of_nodes() + graph.g.number_of_edges() < elements:
        agency += 1
        a = ("示範部", f"第{cn(agency)}署")
        unit(a, "Agency", "署")
        for d in range(1, 9):
            unit(a + (f"業務{cn(d)}組",), "Division", "組")
            for s in range(1, 7):
                unit(a + (f"業務{cn(d)}組", f"第{cn(s)}科"), "Section", "科")
        for name in ("秘書室", "人事室", "政風室", "主計室", "資訊室"):
            unit(a + (name,), "Division", "室")
        for b in range(1, 4):
            unit(a + (f"第{cn(b)}分署",), "BranchOffice", "分署")
            for s in range(1, 5):
                unit(a + (f"第{cn(b)}分署", f"第{cn(s)}課"), "Section", "課")
    return graph


def naive_push(graph, settings, run: str = "naive") -> None:
    """One auto-commit MERGE per node and per relationship (the baseline)."""
    from graph_model.neo4j.connection import connect
    from graph_model.neo4j.writer import plan

    work = plan(graph)
    with connect(settings) as driver, driver.session(database=settings.database) as session:
        for (primary, extras), rows in sorted(work["nodes"].items()):
            stmt = NAIVE_NODE.format(label=primary,
                                     extra=(" SET n" + "".join(f":`{e}`" for e in extras)) if extras else "")
            for row in rows:
                session.run(stmt, id=row["id"], props=row["props"], run=run).consume()
        for (rtype, src, dst), rows in sorted(work["rels"].items()):
            stmt = NAIVE_REL.format(src=src, dst=dst, type=rtype)
            for row in rows:
                session.run(stmt, source=row["source"], target=row["target"], key=row["key"], props=row["props"],
                            run=run).consume()


def clear(settings) -> None:
    """Delete everything orggraph pushed (untimed, between runs)."""
    from graph_model.neo4j import cypher as q
    from graph_model.neo4j.connection import connect
    from graph_model.neo4j.writer import _drain

    with connect(settings) as driver, driver.session(database=settings.database) as session:
        _drain(session, q.delete_owned_relationships(), 10_000)
        _drain(session, q.delete_owned_nodes(), 10_000)


def owned(settings) -> tuple[int, int]:
    from graph_model.neo4j import cypher as q
    from graph_model.neo4j.connection import connect
    with connect(settings) as driver:
        rec = driver.execute_query(q.count_owned(), database_=settings.database).records[0]
        return rec["nodes"], rec["relationships"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(use_env: bool):
    """Settings of the server to push to: NEO4J_* (``use_env``) or a throwaway one."""
    from graph_model.neo4j.connection import Settings, settings
    if use_env:
        yield settings()
        return
    script = ROOT / "scripts" / "neo4j-server"
    with tempfile.TemporaryDirectory(prefix="orggraph-bench-push-") as home:
        env = dict(os.environ, ORGGRAPH_NEO4J_HOME=home, ORGGRAPH_NEO4J_BOLT_PORT=str(_free_port()),
                   ORGGRAPH_NEO4J_HTTP_PORT=str(_free_port()))
        started = subprocess.run([str(script), "start"], env=env, capture_output=True, text=True)
        try:
            if started.returncode != 0:
                raise SystemExit("scripts/neo4j-server start failed:\n" + started.stderr[-2000:])
            out = subprocess.run([str(script), "env"], env=env, capture_output=True, text=True, check=True).stdout
            conf = {}
            for line in out.splitlines():
                key, _, value = line.removeprefix("export ").partition("=")
                conf[key] = shlex.split(value)[0] if value else ""
            yield Settings(conf["NEO4J_URI"], conf["NEO4J_USERNAME"], conf["NEO4J_PASSWORD"], conf["NEO4J_DATABASE"])
        finally:
            subprocess.run([str(script), "stop"], env=env, capture_output=True, text=True)


def timed(fn, repeat: int, settings) -> list[float]:
    times = []
    for _ in range(repeat):
        clear(settings)
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="pushes per configuration (median reported)")
    ap.add_argument("--elements", type=int, default=40_000, help="size of the synthetic graph (nodes + relationships)")
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 10, 100, 1000, 5000])
    ap.add_argument("--slow-repeat", type=int, default=1,
                    help="pushes of the synthetic graph with batch size 1 and the naive loader (minutes each)")
    ap.add_argument("--use-env", action="store_true", help="push to the server in NEO4J_* instead of starting one")
    args = ap.parse_args(argv)

    from graph_model.neo4j.writer import push
    from graph_model.store.store import open_store

    corpus = open_store("/nonexistent/orggraph-bench-store.json").graph()  # the bundled corpus
    synthetic = synthetic_graph(args.elements)
    cases = [("bundled corpus", corpus), ("synthetic", synthetic)]
    with server(args.use_env) as conf:
        push(corpus, conf)  # constraints and full-text indexes exist before anything is timed
        print(f"Neo4j at {conf.uri}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
        print("| graph | nodes | relationships | loader | batch size | runs | median s | elements/s | × naive |")
        print("|---|---:|---:|---|---:|---:|---:|---:|---:|")
        for name, graph in cases:
            nodes, rels = graph.g.number_of_nodes(), graph.g.number_of_edges()
            elements = nodes + rels
            slow = args.slow_repeat if graph is synthetic else args.repeat
            results = []
            naive = statistics.median(timed(lambda: naive_push(graph, conf), slow, conf))
            assert owned(conf) == (nodes, rels), "the naive loader wrote other counts"
            results.append(("naive (MERGE per row)", "", slow, naive))
            for size in args.batch_sizes:
                runs = slow if size == 1 else args.repeat
                t = statistics.median(timed(lambda: push(graph, conf, batch_size=size), runs, conf))
                results.append(("batched (UNWIND)", f"{size:,}", runs, t))
            for loader, size, runs, t in results:
                print(f"| {name} | {nodes:,} | {rels:,} | {loader} | {size} | {runs} | {t:.2f} | "
                      f"{elements / t:,.0f} | {naive / t:.1f} |", flush=True)
        clear(conf)
        push(corpus, conf)  # leave the bundled corpus in place
    return 0


if __name__ == "__main__":
    sys.exit(main())
