"""Benchmark: one large document — load time and peak memory against the document's size.

    python benchmarks/bench_large.py [--sizes 5 15 30 60] [--laws F0010004 A0010053 G0310002]

Each document is a law of the national corpus (data/national.tar.xz; ../shared/national when present)
whose articles are repeated until the file is the size asked, in MB: the same layout, the same
sentences, many times over.  The three laws by default are three shapes of document: office rules that
give a duty to every 科 (F0010004, the most records per byte), an organization act (A0010053, 法院組織法)
and office rules with procedures (G0310002).  Each figure is a fresh `orggraph --store NEW load FILE`
process: wall time and that process's peak RSS, also as a multiple of the file's size.  The largest
file orggraph reads is loaders.read.reading.MAX_BYTES (64 MB).

After each load, the first reading commands, each a fresh process in this order (:data:`READS`): `stats`
(builds the graph from the stored records and caches it), `which 人事` (builds the which index from the
graph), `tree --depth 1` (reads the graph's cache) and `validate` (builds its report from the graph and the
records): their wall time and peak RSS beside the load's.  Each with `--all` (every document, the
repealed ones too): both office rules are repealed ones, whose graph of the current government is empty.
``--keep DIR`` keeps each store there (DIR/PCODE-SIZEMB.sqlite), to compare outputs across versions of the code.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_national import ROOT, run  # noqa: E402

sys.path.insert(0, str(ROOT / "eval"))
from corpus import national_files  # noqa: E402


def write_large_law(law: dict, size: float, path: Path) -> None:
    """The law's file with its articles repeated to ``size`` MB (at least once), written piece by piece: a
    process forked from this one counts this one's memory in its peak RSS, so this one stays small."""
    articles = json.dumps(law["法規內容"], ensure_ascii=False)[1:-1]  # without the list's brackets
    head = json.dumps({k: v for k, v in law.items() if k != "法規內容"}, ensure_ascii=False)[:-1]
    with path.open("w", encoding="utf-8") as f:
        f.write(head + ', "法規內容": [')
        for i in range(max(1, int(size * 2**20 / len(articles.encode())))):
            f.write((", " if i else "") + articles)
        f.write("]}")


READS = (("stats", ["--all", "stats"]), ("which", ["--all", "which", "人事"]),
         ("tree", ["--all", "tree", "--depth", "1"]), ("validate", ["--all", "validate"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[5, 15, 30, 60])
    ap.add_argument("--laws", nargs="+", default=["F0010004", "A0010053", "G0310002"])
    ap.add_argument("--keep", type=Path, help="keep each store in this folder")
    args = ap.parse_args()
    wanted = {f"{pcode}.json" for pcode in args.laws}
    laws = {name[:-5]: json.loads(data.decode("utf-8-sig")) for name, data in national_files() if name in wanted}
    tmp = Path(tempfile.mkdtemp(prefix="orggraph-bench-large-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache"), "XDG_DATA_HOME": str(tmp / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: compiled modules are reused
    try:
        heads = ["load"] + [name for name, _ in READS]
        print("| document | file MB | " + " | ".join(f"{h} s / MB / ÷ file" for h in heads) + " |\n"
              "|---|---:|" + "---:|" * len(heads))
        for pcode in args.laws:
            for size in args.sizes:
                doc = tmp / f"{pcode}-{size:g}MB.json"
                write_large_law(laws[pcode], size, doc)
                store = tmp / "store.sqlite"
                store.unlink(missing_ok=True)
                mb = doc.stat().st_size / 2**20
                figures = [run(["--store", str(store), "load", str(doc)], env)]
                doc.unlink()
                figures += [run(["--store", str(store), *command], env) for _name, command in READS]
                cells = [f"{wall:.1f} / {rss / 1024:.0f} / {rss / 1024 / mb:.1f}×" for wall, rss in figures]
                print(f"| {pcode} {laws[pcode]['法規名稱']} | {mb:.1f} | " + " | ".join(cells) + " |", flush=True)
                if args.keep:
                    args.keep.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(store, args.keep / f"{pcode}-{size:g}MB.sqlite")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
