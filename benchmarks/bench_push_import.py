"""Benchmark: ``orggraph neo4j push`` of the national graph vs ``neo4j-admin database import full``.

    .venv/bin/python benchmarks/bench_push_import.py [--repeat 3] [--store national.sqlite]

Both load the same nodes and relationships (every property, ``_orggraph`` and the run tag
included):

- *push*: :func:`graph_model.neo4j.writer.push` into a throwaway server started with
  ``scripts/neo4j-server`` (a temporary home, free ports) — staging batches, count check, the
  switching transaction, indexes.  Timed into an empty database (the first push) and as a
  repeat push that replaces the previous one (the median of ``--repeat``).
- *import*: the rows of :func:`graph_model.neo4j.writer.plan` written as CSV header/data files
  (untimed), then the admin tool of the server's jars (``org.neo4j.cli.AdminTool``, as
  scripts/neo4j-server runs it) importing them into the database directory of a second home
  whose server never runs — JVM start included, as a user runs it (median of ``--repeat``).

Without ``--store`` the national corpus (data/national.tar.xz via eval/corpus.py) is extracted
and loaded into a temporary store with ``orggraph --store S load`` first.  The target
is a push within 3× of the import.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "eval"))

TARGET = 3.0
ARRAY = "\u241f"  # the array delimiter of the CSV files: a character no document uses
CSV_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}


def national_store(folder: Path) -> Path:
    """The national corpus loaded into a store under ``folder`` (as a user would: orggraph load)."""
    from corpus import national_files
    docs = folder / "national"
    docs.mkdir()
    for name, data in national_files():
        (docs / name).write_bytes(data)
    store = folder / "national.sqlite"
    subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--store", str(store), "load",
                    *sorted(map(str, docs.glob("*.json")))], cwd=ROOT, capture_output=True, check=False)
    if not store.exists():
        raise SystemExit("loading the national corpus failed")
    return store


def _column_type(values: list) -> str:
    kinds = {type(v) for v in values}
    if kinds == {list}:
        inner = {type(x) for v in values for x in v}
        inner = {float} if inner == {int, float} else inner
        return CSV_TYPES[inner.pop()] + "[]" if len(inner) == 1 else "string"
    kinds = {float} if kinds == {int, float} else kinds
    return CSV_TYPES[kinds.pop()] if len(kinds) == 1 else "string"


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind.endswith("[]"):
        return ARRAY.join(str(x).lower() if isinstance(x, bool) else str(x) for x in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return (value if isinstance(value, str)
            else json.dumps(value, ensure_ascii=False) if kind == "string" else str(value))


def write_csv(graph, folder: Path, run: str) -> list[str]:
    """Header and data files for every node group and relationship type; the admin tool's arguments."""
    from graph_model.neo4j.writer import plan
    work = plan(graph)
    args = []

    def table(name: str, fixed: list[str], rows: list[tuple[list, dict]]):
        keys = sorted({k for _, props in rows for k in props})
        kinds = {k: _column_type([p[k] for _, p in rows if k in p]) for k in keys}
        with open(folder / f"{name}-header.csv", "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow(fixed + [f"{k}:{kinds[k]}" for k in keys])
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            for head, props in rows:
                out.writerow(head + [_cell(props.get(k), kinds[k]) for k in keys])
        return f"{folder / (name + '-header.csv')},{folder / (name + '.csv')}"

    for i, ((primary, extras), rows) in enumerate(sorted(work["nodes"].items())):
        labels = ";".join([primary, *extras])
        data = [([r["id"], labels], {**{k: v for k, v in r["props"].items() if k != "id"},
                                     "_orggraph": True, "_orggraph_run": run}) for r in rows]
        args.append("--nodes=" + table(f"nodes{i}", ["id:ID", ":LABEL"], data) )
    for i, ((rtype, _s, _d), rows) in enumerate(sorted(work["rels"].items())):
        data = [([r["source"], r["target"], rtype], {**r["props"], "_key": r["key"], "_orggraph": True,
                                                     "_orggraph_run": run}) for r in rows]
        args.append("--relationships=" + table(f"rels{i}", [":START_ID", ":END_ID", ":TYPE"], data))
    return args


def admin_import(home: Path, conf_dir: Path, files: list[str]) -> tuple[float, str]:
    """``neo4j-admin database import full`` into ``home`` (its server stopped); seconds and output."""
    java = shutil.which("java") if not os.environ.get("JAVA_HOME") else str(Path(os.environ["JAVA_HOME"]) / "bin/java")
    if java is None:
        raise SystemExit("neo4j-admin needs Java: no java on PATH, and JAVA_HOME is not set")
    # The database name before the files: --nodes/--relationships take every argument after them.
    cmd = [java, "-cp", str(ROOT / "neo4j" / "lib" / "*"), "org.neo4j.cli.AdminTool", "database", "import", "full",
           "--overwrite-destination=true", "--multiline-fields=true", f"--array-delimiter={ARRAY}",
           "--report-file=" + str(home / "import.report"), "neo4j", *files]
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(conf_dir))
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit("neo4j-admin database import failed:\n" + (done.stdout + done.stderr)[-3000:])
    return seconds, done.stdout + done.stderr


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store", help="a store to push (default: the national corpus, loaded into a temporary store)")
    args = ap.parse_args(argv)

    from bench_push import server

    from graph_model.neo4j.writer import push
    from graph_model.store.store import open_store

    with tempfile.TemporaryDirectory(prefix="orggraph-bench-import-") as tmp_name:
        tmp = Path(tmp_name)
        store = Path(args.store) if args.store else national_store(tmp)
        graph = open_store(store).graph()
        nodes, rels = graph.g.number_of_nodes(), graph.g.number_of_edges()

        with server(False) as conf:
            first = push(graph, conf)["seconds"]
            again = [push(graph, conf) for _ in range(args.repeat)]
            load = os.getloadavg()[0]
        push_s = statistics.median(sum(p["seconds"].values()) for p in again)
        first_s = sum(first.values())

        csv_dir, home = tmp / "csv", tmp / "import-home"
        csv_dir.mkdir()
        (home / "conf").mkdir(parents=True)
        (home / "conf" / "neo4j.conf").write_text("server.directories.neo4j_home=" + str(home) + "\n"
                                                  "server.memory.heap.max_size=1g\n", encoding="utf-8")
        files = write_csv(graph, csv_dir, "import")
        runs = [admin_import(home, home / "conf", files) for _ in range(args.repeat)]
        import_s = statistics.median(t for t, _ in runs)
        out = runs[-1][1]
        m = re.search(r"Imported:\s*([\d,]+) nodes\s*([\d,]+) relationships", out)
        got = tuple(int(x.replace(",", "")) for x in m.groups()) if m else None
        if got != (nodes, rels):
            raise SystemExit(f"the import loaded {got}, the graph has {(nodes, rels)}:\n{out[-2000:]}")

    steps = {k: statistics.median(p["seconds"].get(k, 0) for p in again) for k in again[0]["seconds"]}
    print(f"graph: {store.name if args.store else 'national corpus'}: {nodes:,} nodes, {rels:,} relationships; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs\n")
    print("| load | runs | median s | × import | target |")
    print("|---|---:|---:|---:|---|")
    print(f"| neo4j-admin database import full (JVM start included) | {args.repeat} | {import_s:.2f} | 1.0 | |")
    print(f"| orggraph neo4j push, into an empty database | 1 | {first_s:.2f} | {first_s / import_s:.1f} | "
          f"≤ {TARGET:g}× |")
    print(f"| orggraph neo4j push, replacing the previous push | {args.repeat} | {push_s:.2f} | "
          f"{push_s / import_s:.1f} | ≤ {TARGET:g}× |")
    print("\npush steps (median s): " + ", ".join(f"{k} {v:.2f}" for k, v in steps.items() if v >= 0.01))
    return 0


if __name__ == "__main__":
    sys.exit(main())
