"""Benchmark: `orggraph neo4j push` of the national corpus — 100, 400 and all documents (and `--all`), side by side.

    .venv/bin/python benchmarks/bench_push_national.py [--repeat 3] [--use-env]   # a Markdown report

The corpus is data/national.tar.xz (../shared/national when present), cut as benchmarks/bench_national.py
cuts it; each cut is loaded into its own store with `orggraph --store S load` (untimed).  Each figure is a
fresh `orggraph --store S neo4j push --json` process, as a user runs it: wall time (median of --repeat
runs), that process's peak RSS, the push's own step times (`seconds` of its JSON), and the peak
transaction memory the server reports for it (SHOW TRANSACTIONS, polled every 0.2 s from another
connection: the switching transaction is the largest).  *first* pushes into a database holding no
orggraph data (`orggraph neo4j reset --yes` before it, untimed); *repeat* replaces the previous push, what a
push after every `load` does.  The last row pushes every document with its history (`orggraph --all neo4j
push`: abolished and superseded bodies too).

Without --use-env a throwaway server is started with scripts/neo4j-server (its defaults: heap 1 GB,
transaction memory 70 % of it) and stopped at the end; with it, the server in NEO4J_* is used and what
orggraph pushed there is replaced.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "eval"))

from bench_national import ORGGRAPH, corpus_dir, exponent  # noqa: E402
from bench_push import server  # noqa: E402


class TxMemory(threading.Thread):
    """Peak ``estimatedUsedHeapMemory`` of any transaction but its own, polled until stopped (bytes)."""

    def __init__(self, settings):
        super().__init__(daemon=True)
        self.settings, self.peak, self.done = settings, 0, threading.Event()

    def run(self) -> None:
        from graph_model.neo4j.connection import connect
        with connect(self.settings) as driver, driver.session(database=self.settings.database) as session:
            while not self.done.is_set():
                try:
                    for rec in session.run("SHOW TRANSACTIONS YIELD currentQuery, estimatedUsedHeapMemory "
                                           "WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' "
                                           "RETURN max(estimatedUsedHeapMemory) AS m"):
                        self.peak = max(self.peak, rec["m"] or 0)
                except Exception:  # the server out of transaction memory (a push breaking it) answers no one
                    self.peak = max(self.peak, 1 << 62)
                time.sleep(0.2)


def push(store: Path, env: dict, settings, history: bool = False) -> dict:
    """One `orggraph neo4j push` process: wall s, peak RSS (KB), its step seconds, peak transaction memory."""
    monitor = TxMemory(settings)
    monitor.start()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(ORGGRAPH + ["--store", str(store), *(["--all"] if history else []), "neo4j", "push",
                                            "--json"], env=env, cwd=ROOT,
                                stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this process's own peak RSS
        wall = time.perf_counter() - t
        monitor.done.set()
        monitor.join()
        out.seek(0)
        err.seek(0)
        text = out.read()
        summary = json.loads(text or b"{}")
        if os.waitstatus_to_exitcode(status) != 0 or "seconds" not in summary:
            raise SystemExit(f"push of {store} failed: {(text + err.read()).decode()[-600:]}")
    return {"wall": wall, "rss": usage.ru_maxrss, "seconds": summary["seconds"],
            "elements": summary["nodes"] + summary["relationships"], "tx": monitor.peak}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--use-env", action="store_true", help="push to the server in NEO4J_* instead of starting one")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="orggraph-bench-push-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache"), "XDG_DATA_HOME": str(tmp / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    stores = []
    for n in (100, 400, None):
        folder = corpus_dir(tmp, n)
        store = tmp / f"store-{n or 'all'}.sqlite"
        subprocess.run(ORGGRAPH + ["--store", str(store), "load", str(folder)], env=env, cwd=ROOT,
                       capture_output=True)
        stores.append((len(list(folder.glob("*.json"))), store, False))
    stores.append((stores[-1][0], stores[-1][1], True))  # every document loaded, history too: orggraph --all
    rows, growth = [], []
    with server(args.use_env) as conf:
        env.update(NEO4J_URI=conf.uri, NEO4J_USERNAME=conf.username, NEO4J_PASSWORD=conf.password,
                   NEO4J_DATABASE=conf.database)
        print(f"Neo4j at {conf.uri}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
        for documents, store, history in stores:
            subprocess.run(ORGGRAPH + ["neo4j", "reset", "--yes"], env=env, cwd=ROOT, capture_output=True,
                           check=True)
            first = push(store, env, conf, history)
            repeats = [push(store, env, conf, history) for _ in range(args.repeat)]
            wall = statistics.median(r["wall"] for r in repeats)
            if not history:
                growth.append((documents, wall))
            steps = {k: statistics.median(r["seconds"].get(k, 0) for r in repeats) for k in repeats[0]["seconds"]}
            rows.append((f"{documents}, --all" if history else str(documents), first, repeats, wall, steps))
    print("| documents | nodes + relationships | first push | repeat push (median) | peak RSS | "
          "peak transaction memory |\n|---:|---:|---:|---:|---:|---:|")
    for label, first, repeats, wall, _ in rows:
        rss = max(r["rss"] for r in [first, *repeats]) / 1024
        tx = max(r["tx"] for r in [first, *repeats]) / 2 ** 20
        print(f"| {label} | {first['elements']:,} | {first['wall']:.1f} s | {wall:.1f} s | {rss:.0f} MB | "
              f"{tx:.0f} MiB |")
    sizes, times = zip(*growth)
    print(f"\nrepeat push growth exponent from {sizes[0]} to {sizes[-1]} documents: "
          f"{exponent(list(sizes), list(times)):.2f}")
    for label, *_, steps in rows[-2:]:
        print(f"\nsteps of the repeat push of {label} documents (median s): "
              + ", ".join(f"{k} {v:.2f}" for k, v in steps.items() if v >= 0.05))


if __name__ == "__main__":
    main()
