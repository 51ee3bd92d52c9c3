"""Benchmark: `which` lookups, warm (in process) and cold (a fresh `orggraph which` process).

    python benchmarks/bench_which.py              # prints a Markdown report for docs/benchmarks.md
    python benchmarks/bench_which.py --repeat 50 --cold 30

Targets: warm lookup p50 ≤ 1 ms on the bundled corpus; cold
`orggraph which …` ≤ 0.3 s wall.

- warm: every query of eval/queries.jsonl, ``--repeat`` times each, against the
  index of the bundled corpus (data/seeds/, what `orggraph` reads without a store)
  and of the whole development corpus (seeds + tests/data/corpus/).  ``search`` is
  the ranking alone; ``which`` adds evidence and highlighting (what the CLI calls).
- ``--store S --neo4j``: instead, the questions of eval/government (dev and held-back sets) asked as
  ``orggraph which`` asks them (:func:`queries.lookup.ask.ask`), in process, on store ``S`` (the whole
  national store) and on the Neo4j server in ``NEO4J_*`` holding its push: seconds per question for
  each backend, and how many first answers the two share (one ranking core: all of them).
- cold: ``orggraph which 保稅工廠監管`` (no store yet) as a new process, ``--cold``
  times, with the index cache in a temporary directory: the first run builds the
  caches (parse the corpus, build the index), the others read them.  Also checks
  which heavy modules the lookup process imported.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARM_TARGET_MS = 1.0
COLD_TARGET_S = 0.3
COLD_QUERY = "保稅工廠監管"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def warm(index, queries: list[str], repeat: int) -> dict:
    from queries.lookup.search import search
    from queries.lookup.which import which

    out = {}
    for name, fn in (("search", lambda q: search(index, q, limit=10)), ("which", lambda q: which(index, q, top=10))):
        times, best = [], []
        for q in queries:
            fn(q)  # first call may load OpenCC: not what a warm lookup costs
            mine = []
            for _ in range(repeat):
                t = time.perf_counter()
                fn(q)
                mine.append((time.perf_counter() - t) * 1000)
            times += mine
            best.append(min(mine))
        out[name] = {"calls": len(times), "p50": pct(times, 50), "p90": pct(times, 90), "p99": pct(times, 99),
                     "max": max(times), "best_p50": pct(best, 50), "best_p99": pct(best, 99), "best_max": max(best)}
    return out


def orggraph_command() -> list[str]:
    script = Path(sys.executable).parent / "orggraph"
    if script.exists():
        return [str(script)]
    return [sys.executable, str(ROOT / "cli.py")]


def cold(runs: int) -> dict:
    cache = tempfile.mkdtemp(prefix="orggraph-bench-")
    # No store at the default location (an empty XDG_DATA_HOME): the bundled corpus.
    env = {**os.environ, "XDG_CACHE_HOME": cache, "XDG_DATA_HOME": str(Path(cache) / "data")}
    env.pop("ORGGRAPH_STORE", None)
    cmd = orggraph_command() + ["which", COLD_QUERY]
    try:
        times, cpu = [], []
        for _ in range(runs + 1):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            proc = subprocess.run(cmd, env=env, capture_output=True)
            times.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if proc.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()}")
        probe = (f"import sys, runpy; sys.argv = ['orggraph', 'which', {COLD_QUERY!r}]\n"
                 f"try:\n    runpy.run_path({str(ROOT / 'cli.py')!r}, run_name='__main__')\nexcept SystemExit:\n"
                 "    pass\n"
                 "sys.stdout = sys.__stdout__\n"
                 "print('MODULES', ' '.join(m for m in ('networkx', 'neo4j', 'pydot', 'opencc') if m in sys.modules))")
        probed = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        line = next((ln for ln in probed.stdout.splitlines() if ln.startswith("MODULES")), "MODULES ?")
        startup = [_timed([sys.executable, "-c", "pass"]) for _ in range(5)]
        package = [_timed([sys.executable, "-c", "import graph_model"], cwd=ROOT) for _ in range(5)]
        return {"command": " ".join(["orggraph"] + cmd[len(orggraph_command()):]), "first": times[0],
                "runs": runs, "p50": pct(times[1:], 50), "p99": pct(times[1:], 99),
                "cpu_first": cpu[0], "cpu_p50": pct(cpu[1:], 50), "cpu_p99": pct(cpu[1:], 99),
                "load": os.getloadavg(), "cpus": os.cpu_count(),
                "imported": line.split()[1:], "python_startup": statistics.median(startup),
                "graph_model_import": statistics.median(package)}
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def both_backends(store: str) -> dict:
    """Seconds per question of eval/government's sets, embedded and Neo4j, and their shared first answers."""
    sys.path[:0] = [str(ROOT / "eval" / "government")]
    import score  # eval/government/score.py

    from graph_model.neo4j.connection import connect, settings
    from graph_model.store.store import open_store
    from queries.lookup import neo4j_lookup
    from queries.lookup.ask import ask, ask_graph
    from queries.lookup.index_cache import cached_index, store_index

    st = open_store(store)
    index = cached_index(store_index(st), st.graph)
    conn = settings()
    out: dict[str, Any] = {}
    with connect(conn) as driver:
        cat, known = neo4j_lookup.catalog(conn, driver), neo4j_lookup.known(conn, driver)

        def from_neo4j(text, *, explain=False, **kw):
            return neo4j_lookup.which(conn, text, driver=driver, **kw)
        for name, where in score.SETS.items():
            questions = [q["query"] for q in score.load_questions(where)]
            firsts, seconds = {}, {}
            for backend, answer in (
                    ("embedded", lambda text: ask_graph(index, text, top=10)),
                    ("neo4j", lambda text: ask(from_neo4j, text, cat, triggers=neo4j_lookup.triggers(), known=known,
                                               top=10))):
                t = time.perf_counter()
                firsts[backend] = [(a.hits[0].unit["id"] if a.hits else None) for a in map(answer, questions)]
                seconds[backend] = (time.perf_counter() - t) / len(questions)
            same = sum(1 for a, b in zip(firsts["embedded"], firsts["neo4j"]) if a == b)
            out[name] = {"questions": len(questions), "same_first": same, "seconds": seconds}
    return out


def _timed(cmd, cwd=None, env=None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, cwd=cwd, env=env)
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark `which` lookups.")
    ap.add_argument("--repeat", type=int, default=20, help="warm calls per query (default 20)")
    ap.add_argument("--cold", type=int, default=20, help="cold processes after the first (default 20)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--store", help="with --neo4j: the store (the whole national one) pushed to the server")
    ap.add_argument("--neo4j", action="store_true", help="eval/government's questions, embedded and Neo4j")
    args = ap.parse_args(argv)
    if args.neo4j:
        if not args.store:
            ap.error("--neo4j needs --store")
        figures = both_backends(args.store)
        if args.json:
            print(json.dumps(figures, indent=2))
            return 0
        print("| set | questions | same first answer | embedded s/question | Neo4j s/question |")
        print("|---|---:|---:|---:|---:|")
        for name, f in figures.items():
            print(f"| {name} | {f['questions']} | {f['same_first']} | {f['seconds']['embedded']:.3f} | "
                  f"{f['seconds']['neo4j']:.3f} |")
        return 0

    sys.path.insert(0, str(ROOT / "eval"))
    import run as evalrun  # eval/run.py

    from loaders.samples import sample_paths as bundled_paths
    from queries.lookup.search import build_index

    queries = [q["query"] for q in evalrun.load_queries()]
    report: dict[str, Any] = {"queries": len(queries)}
    for label, paths in (("bundled corpus", bundled_paths()), ("development corpus", evalrun.DOCUMENTS)):
        graph, _skipped = evalrun.build_graph(paths)
        t = time.perf_counter()
        index = build_index(graph)
        built = time.perf_counter() - t
        with tempfile.TemporaryDirectory() as tmp:  # the cache file `orggraph which` reads
            from queries.lookup.which import cached_index
            cached_index("bench", lambda: graph, tmp)
            cache_file = next(Path(tmp).glob("which-*.sqlite"))
            size = cache_file.stat().st_size
            loads = []
            for _ in range(5):
                t = time.perf_counter()
                cached_index("bench", lambda: graph, tmp)
                loads.append(time.perf_counter() - t)
        loaded = statistics.median(loads)
        report[label] = {"units": len(index.units), "entries": len(index.entries), "build_s": built,
                         "cache_bytes": size, "cache_load_s": loaded,
                         **warm(index, queries, args.repeat)}
    report["cold"] = cold(args.cold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0

    print(f"Warm lookups: {len(queries)} queries of eval/queries.jsonl × {args.repeat} calls each (ms per call)\n")
    print("| index | units | entries | step | p50 | p90 | p99 | max | p50 / target "
          "| slowest query (best of its calls) |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for label in ("bundled corpus", "development corpus"):
        r = report[label]
        for step in ("search", "which"):
            s = r[step]
            print(f"| {label} | {r['units']} | {r['entries']} | {step} | {s['p50']:.3f} | {s['p90']:.3f} | "
                  f"{s['p99']:.3f} | {s['max']:.3f} | {s['p50'] / WARM_TARGET_MS:.2f} | {s['best_max']:.3f} |")
    print()
    for label in ("bundled corpus", "development corpus"):
        r = report[label]
        print(f"- {label}: index build {r['build_s'] * 1000:.0f} ms; cache file {r['cache_bytes'] / 1024:.0f} KiB, "
              f"read back in {r['cache_load_s'] * 1000:.1f} ms")
    c = report["cold"]
    print(f"\nCold: `{c['command']}` as a new process ({c['runs']} runs after the first)\n")
    print("| run | wall s | wall / target | CPU s (user+sys) |")
    print("|---|---:|---:|---:|")
    print(f"| first (parses the corpus, builds the caches) | {c['first']:.3f} | {c['first'] / COLD_TARGET_S:.2f} | "
          f"{c['cpu_first']:.3f} |")
    print(f"| p50 (caches warm) | {c['p50']:.3f} | {c['p50'] / COLD_TARGET_S:.2f} | {c['cpu_p50']:.3f} |")
    print(f"| p99 (caches warm) | {c['p99']:.3f} | {c['p99'] / COLD_TARGET_S:.2f} | {c['cpu_p99']:.3f} |")
    print(f"\n- bare `python -c pass` on this machine: {c['python_startup']:.3f} s; "
          f"load average {c['load'][0]:.1f} on {c['cpus']} CPUs while measuring")
    print(f"- `python -c 'import graph_model'` (the package alone): {c['graph_model_import']:.3f} s")
    heavy = [m for m in c["imported"] if m in ("networkx", "neo4j", "pydot")]
    print(f"- heavy modules imported by a cached lookup: {', '.join(heavy) or 'none'}"
          f" (opencc {'loaded' if 'opencc' in c['imported'] else 'not loaded'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
