"""Benchmark: how every step grows, from 100 documents to a 10× synthetic national corpus.

    python benchmarks/bench_growth.py [--repeat 3] [--times 10]

The national corpus (data/national.tar.xz, 1,451 documents) is copied ``--times`` times,
each copy a government of its own: every agency name of the national graph (three
characters or more) gets a prefix of the copy (內政部 → 乙內政部, 消防署 → 乙消防署), in the
title, the text and the 法規類別 of each law.  Then, at 100, 400, 1,451 documents and 4×
and 10× the corpus, each step is a fresh `orggraph` process with its own store and cache
(wall time, median of --repeat runs for the warm steps; peak RSS): load, adding one
document, `stats` first and next, `validate` first and next, `which 消防` cold and warm.
The table puts the sizes side by side and fits each step's growth exponent (log time over
log documents; ≤ 1.1 wanted).  A run at --times 10 takes about 15 minutes.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_national import ROOT, corpus_dir, exponent, run  # noqa: E402

STEMS = "乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"  # copy k's prefix (never numerals: they are read as numbers)
EXTRA = ROOT / "data" / "seeds" / "003_ddbe94cb5fa75ce1.txt"  # in no national corpus: a real write


def agency_names(store: Path, env: dict) -> list[str]:
    """Agency names of the store's graph, longest first — read in a child process, so that this one
    stays small (a child forked from it would count its memory in the child's peak RSS)."""
    code = ("import json, sys; from graph_model.store.store import open_store; "
            "g = open_store(sys.argv[1]).graph(history=True); "
            "print(json.dumps(sorted({u['name'] for u in g.units()"
            " if u['kind'] == 'Agency' and len(u['name']) >= 3})))")
    out = subprocess.run([sys.executable, "-c", code, str(store)], env=env, cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return sorted(json.loads(out), key=len, reverse=True)


def synthetic_copies(national: Path, names: list[str], times: int, into: Path) -> None:
    """Write copies 2..times of the national files into ``into`` (the originals are copy 1)."""
    pattern = re.compile("|".join(map(re.escape, names)))
    files = sorted(national.glob("*.json"))
    for k in range(1, times):
        stem = STEMS[k - 1]
        for f in files:
            text = pattern.sub(lambda m: stem + m.group(0), f.read_text(encoding="utf-8"))
            (into / f"{stem}{f.name}").write_text(text, encoding="utf-8")
    for f in files:
        shutil.copy(f, into / f.name)


def steps(store: Path, folder: Path, env: dict, repeat: int) -> dict[str, tuple[float, int]]:
    """Every step at one size: ``name -> (median wall seconds, peak RSS KB)``."""
    out = {}
    store.unlink(missing_ok=True)
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    out["load"] = run(["--store", str(store), "load", str(folder)], env)
    adds = []
    for _ in range(repeat):
        base = store.with_name("add-" + store.name)
        shutil.copy(store, base)
        adds.append(run(["--store", str(base), "load", str(EXTRA)], env))
        base.unlink()
    out["add one"] = _median(adds)
    work = store.with_name("work-" + store.name)  # the store keeps its caches: a copy as loaded has none
    for name, command in (("stats", ["stats"]), ("validate", ["validate"]), ("which 消防", ["which", "消防"])):
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
        shutil.copy(store, work)
        out[f"{name}: first"] = run(["--store", str(work), *command], env)
        out[f"{name}: next"] = _median([run(["--store", str(work), *command], env) for _ in range(repeat)])
    work.unlink()
    return out


def _median(runs: list[tuple[float, int]]) -> tuple[float, int]:
    return statistics.median(w for w, _ in runs), max(r for _, r in runs)


def scratch(prefix: str) -> tuple[Path, dict, Path, list]:
    """A scratch folder, the environment its runs use (their own cache and data folders), the national
    corpus unpacked in it and its agencies' names (for synthetic copies)."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache"), "XDG_DATA_HOME": str(tmp / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: compiled modules are reused
    national = corpus_dir(tmp, None)
    run(["--store", str(tmp / "names.sqlite"), "load", str(national)], env)
    names = agency_names(tmp / "names.sqlite", env)
    (tmp / "names.sqlite").unlink()
    return tmp, env, national, names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--times", type=int, default=10, help="size of the largest corpus, in national corpora")
    args = ap.parse_args()
    tmp, env, national, names = scratch("orggraph-growth-")
    try:
        whole = tmp / "synthetic"
        whole.mkdir()
        synthetic_copies(national, names, args.times, whole)
        files = sorted(whole.glob("*.json"))
        sizes = [100, 400, len(list(national.glob("*.json")))]
        sizes += [n * sizes[-1] for n in sorted({max(2, args.times // 2 - 1), args.times}) if n > 1]
        results = {}
        for n in sizes:
            folder = tmp / f"corpus-{n}"
            folder.mkdir()
            for f in files[:n]:  # the originals sort first (copies' names begin with CJK)
                os.link(f, folder / f.name)
            results[n] = steps(tmp / f"store-{n}.sqlite", folder, env, args.repeat)
            shutil.rmtree(folder)
            print(f"{n} documents done", file=sys.stderr)
        names_of_steps = list(results[sizes[0]])
        print(f"Agencies renamed per copy: {len(names)}; documents: {', '.join(f'{n:,}' for n in sizes)}\n")
        print("| step | " + " | ".join(f"{n:,} docs" for n in sizes) + " | exponent |")
        print("|---|" + "---:|" * len(sizes) + "---:|")
        for step in names_of_steps:
            cells = [f"{results[n][step][0]:.2f} s / {results[n][step][1] / 1024:.0f} MB" for n in sizes]
            e = exponent(sizes, [max(results[n][step][0], 1e-3) for n in sizes])
            print(f"| {step} | " + " | ".join(cells) + f" | {e:.2f} |")
        print(json.dumps({str(n): results[n] for n in sizes}), file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
