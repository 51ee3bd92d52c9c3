"""Benchmark: the SQLite store beside the JSON store — load, adding one document, `tree` and `which`.

    python benchmarks/bench_store.py [--repeat 3] [--times 10]

Two corpora: the national corpus (data/national.tar.xz, 1,451 laws; ../shared/national when
present) and a synthetic one ``--times`` its size (bench_growth.py's copies: every agency renamed
per copy).  Each is loaded into an SQLite store (``orggraph load``) and into a JSON store (the
writer orggraph used before, graph_model/store/store_json.py: parse, then write the whole file), and
each figure is a fresh process (wall time, median of --repeat runs; that process's peak RSS):

- load: the whole corpus into an empty store;
- add one document: a seed no corpus holds, into a copy of the loaded store — a process that
  parses it and writes it (``Store.add``; for JSON, the writer of before: read, merge, rewrite),
  the same script for both; for SQLite also ``orggraph load`` itself;
- the store's write alone: the same, timed inside the process around the write (parsed already);
- ``tree 行政院 --depth 1`` and ``which 消防``: first after a change (no cache: a copy of the store
  as loaded, an empty cache directory) and warm; a JSON store is read as orggraph reads one now
  (its caches in the cache directory), an SQLite store keeps its caches in its own file.

The report puts JSON and SQLite side by side, with the ratio, for both sizes.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_growth import scratch, synthetic_copies  # noqa: E402
from bench_national import ROOT, run  # noqa: E402

EXTRA = ROOT / "data" / "seeds" / "003_ddbe94cb5fa75ce1.txt"  # in no corpus: a real write
COMMANDS = (("tree", ["tree", "行政院", "--depth", "1"]), ("which", ["which", "消防"]))

# One process: parse what argv[3:] names, and write it into the store argv[2] in format argv[1];
# prints the seconds the write took.  For JSON, what orggraph did before the SQLite store.
SCRIPT = """
import sys, time
from loaders.batch import read_paths
fmt, store, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
batch = read_paths(paths, strict=False)
t = time.perf_counter()
if fmt == "json":
    from graph_model.store import store_json
    store_json.add(store, batch.documents)
else:
    from graph_model.store.store import open_store
    open_store(store).add(batch.documents, batch.refused)
print(time.perf_counter() - t)
"""


def timed(cmd: list[str], env: dict) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KB) and standard output of one process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None  # both piped
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}… failed: {err.decode()[-400:]}")
    return wall, usage.ru_maxrss, out.decode()


def write(fmt: str, store: Path, paths: list[Path], env: dict) -> tuple[float, int, float]:
    """(wall, peak RSS, seconds of the write itself) of a process parsing ``paths`` into ``store``."""
    wall, rss, out = timed([sys.executable, "-c", SCRIPT, fmt, str(store), *map(str, paths)], env)
    return wall, rss, float(out.strip().splitlines()[-1])


def median(runs, i=0):
    return statistics.median(r[i] for r in runs)


def measure(fmt: str, folder: Path, tmp: Path, env: dict, repeat: int, load_runs: int) -> dict[str, tuple]:
    """Every step for one format and one corpus: ``name -> (seconds, peak RSS KB)``."""
    out = {}
    store = tmp / f"store.{fmt}"
    runs = []
    for _ in range(load_runs):
        store.unlink(missing_ok=True)
        if fmt == "json":
            runs.append(write("json", store, [folder], env))
        else:
            runs.append(run(["--store", str(store), "load", str(folder)], env))
    out["load"] = (median(runs), max(r[1] for r in runs))
    out["size MB"] = (store.stat().st_size / 2**20, 0)
    copy = tmp / f"copy.{fmt}"
    adds = []
    for _ in range(repeat):
        shutil.copy(store, copy)
        adds.append(write(fmt, copy, [EXTRA], env))
    out["add one: parse and write (process)"] = (median(adds), max(r[1] for r in adds))
    out["add one: the write alone"] = (median(adds, 2), 0)
    if fmt == "sqlite":
        cli = []
        for _ in range(repeat):
            shutil.copy(store, copy)
            cli.append(run(["--store", str(copy), "load", str(EXTRA)], env))
        out["add one: orggraph load"] = (median(cli), max(r[1] for r in cli))
    for label, command in COMMANDS:
        first = []
        for _ in range(repeat):
            shutil.copy(store, copy)  # as loaded: no cache in it
            shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
            first.append(run(["--store", str(copy), *command], env))
        warm = [run(["--store", str(copy), *command], env) for _ in range(repeat)]
        out[f"{label}: first after a change"] = (median(first), max(r[1] for r in first))
        out[f"{label}: warm"] = (median(warm), max(r[1] for r in warm))
    cached = sum(f.stat().st_size for f in Path(env["XDG_CACHE_HOME"]).rglob("*") if f.is_file())
    out["size MB, caches made (and the cache files)"] = ((copy.stat().st_size + cached) / 2**20, 0)
    copy.unlink(missing_ok=True)
    store.unlink(missing_ok=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--times", type=int, default=10, help="size of the larger corpus, in national corpora")
    args = ap.parse_args()
    tmp, env, national, names = scratch("orggraph-bench-store-")
    try:
        large = tmp / "synthetic"
        large.mkdir()
        synthetic_copies(national, names, args.times, large)
        results = {}
        for label, folder, load_runs in (("national", national, args.repeat), (f"{args.times}×", large, 1)):
            for fmt in ("json", "sqlite"):
                results[label, fmt] = measure(fmt, folder, tmp, env, args.repeat, load_runs)
                print(f"{label} {fmt} done", file=sys.stderr)
        sizes = {label: len(list(folder.glob("*.json"))) for label, folder in
                 (("national", national), (f"{args.times}×", large))}
        report(results, sizes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def report(results: dict, sizes: dict) -> None:
    labels = list(sizes)
    print("| step | " + " | ".join(f"{lab} ({sizes[lab]:,} files): JSON | SQLite | ratio" for lab in labels) + " |")
    print("|---|" + "---:|---:|---:|" * len(labels))
    steps = list(results[labels[0], "sqlite"])
    for step in steps:
        cells = []
        for lab in labels:
            j, s = results[lab, "json"].get(step), results[lab, "sqlite"][step]
            unit = " MB" if step.startswith("size") else " s"
            fmt = "{:.0f}" if step.startswith("size") else "{:.3f}" if s[0] < 1 else "{:.2f}"
            cells += [fmt.format(j[0]) + unit if j else "–", fmt.format(s[0]) + unit,
                      f"{s[0] / j[0]:.2f}" if j and j[0] else ""]
        print(f"| {step} | " + " | ".join(cells) + " |")
    print("\nPeak RSS (MB), JSON / SQLite: " + "; ".join(
        f"{lab} {step} {results[lab, 'json'][step][1] / 1024:.0f} / {results[lab, 'sqlite'][step][1] / 1024:.0f}"
        for lab in labels for step in ("load", "tree: first after a change", "which: warm")))


if __name__ == "__main__":
    main()
