"""Draw the agencies for the lineage gold set (eval/lineage/superseded.jsonl).

Lists every distinct agency that has an organization document in the national
corpus (shared/national/index.json), i.e. the agency named by a title once the
genre words are stripped, and draws 130 of them with random.Random(20261206)
from the sorted list.  Prints "rank<TAB>PCode(s)<TAB>agency" and writes draw.tsv
beside this file.

Usage: python3 eval/lineage/draw.py [path/to/national]
       python3 eval/lineage/draw.py [--seed N] [--size N] [--exclude TSV]
                                    [--out PATH] [path/to/national]

With no options it behaves as before (seed 20261206, 130 agencies, writes
draw.tsv beside this file).  --exclude TSV leaves out the agencies listed in
an earlier draw (its third column) before drawing; --out writes elsewhere.
The held-out sample (heldout/draw.tsv) was drawn with
  --seed 20261208 --size 100 --exclude eval/lineage/draw.tsv
     --out eval/lineage/heldout/draw.tsv
and the third (heldout3/draw.tsv) with
  --seed 20261210 --size 100 --exclude eval/lineage/draw.tsv
     --exclude eval/lineage/heldout/draw.tsv --out eval/lineage/heldout3/draw.tsv
and the fourth (heldout4/draw.tsv) with --seed 20261211, the three earlier draws excluded, and the fifth
(heldout5/draw.tsv) with --seed 20261214, the four earlier draws excluded, and the sixth
(heldout6/draw.tsv) with --seed 20261216, the five earlier draws excluded, and the seventh
(heldout7/draw.tsv) with --seed 20261219, the six earlier draws excluded, and the eighth
(heldout8/draw.tsv) with --seed 20261221, the seven earlier draws excluded, and the ninth
(heldout9/draw.tsv) with --seed 20261223, the eight earlier draws excluded, and the tenth
(heldout10/draw.tsv) with --seed 20261225, the nine earlier draws excluded, and the eleventh
(heldout11/draw.tsv) with --seed 20261227, the ten earlier draws excluded.
"""
import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path

SEED = 20261206
N = 130
HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parents[2] / "shared" / "national"

# genre words at the end of a title (longest first); 暫行 is a genre prefix
GENRE = re.compile(
    r"(暫行)?(組織及辦事細則|組織規程準則|組織法|組織條例|組織通則|組織準則|組織規程|辦事細則|處務規程)$"
)
# a version note the database appends to same-named titles, e.g. （107.01.23 訂定）
VERSION = re.compile(r"（[^）]*訂定）$|（[^）]*制定）$")
# "X及所屬機關(構)" -> X (only at the end: "總統府及所屬機關訴願審議委員會" stays)
SUBORD = re.compile(r"(及|暨)(其)?所屬(各)?機(關|構)(（構）)?$")


def agency_of(title):
    """Agency named by an organization document's title, or None if the
    title is not an organization document (e.g. 作業程序...辦法, 施行法)."""
    t = VERSION.sub("", title.strip())
    m = GENRE.search(t)
    if not m:
        return None
    return SUBORD.sub("", t[: m.start()])


def agencies(root):
    index = json.loads((Path(root) / "index.json").read_text(encoding="utf-8"))
    by = defaultdict(list)
    for doc in index:
        a = agency_of(doc["name"])
        if a:
            by[a].append(doc["PCode"])
    return {a: sorted(p) for a, p in by.items()}


def excluded(tsv):
    """Agencies (third column) of an earlier draw.tsv."""
    lines = Path(tsv).read_text(encoding="utf-8").splitlines()[1:]
    return {ln.split("\t")[2] for ln in lines if ln.strip()}


def draw(root, seed=SEED, size=N, exclude=()):
    by = agencies(root)
    pool = sorted(a for a in by if a not in exclude)
    picked = random.Random(seed).sample(pool, size)
    return [(i + 1, by[a], a) for i, a in enumerate(picked)], len(pool)


def main():
    ap = argparse.ArgumentParser(description="Draw agencies for the lineage gold set.")
    ap.add_argument("root", nargs="?", default=DEFAULT, help="path to shared/national")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--size", type=int, default=N)
    ap.add_argument("--exclude", action="append", default=[],
                    help="an earlier draw.tsv whose agencies are left out (repeatable)")
    ap.add_argument("--out", help="where to write the draw (default: draw.tsv beside this file)")
    args = ap.parse_args()
    exclude = set().union(*(excluded(tsv) for tsv in args.exclude))
    rows, total = draw(args.root, args.seed, args.size, exclude)
    lines = ["rank\tpcodes\tagency"]
    for rank, pcodes, a in rows:
        lines.append(f"{rank}\t{','.join(pcodes)}\t{a}")
    out = Path(args.out) if args.out else HERE / "draw.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if exclude:
        print(f"# {total} distinct agencies left after excluding the {len(exclude)} of {', '.join(args.exclude)}; "
              f"drew {args.size} with random.Random({args.seed})")
    else:
        print(f"# {total} distinct agencies; drew {args.size} with random.Random({args.seed})")
    for line in lines[1:]:
        print(line)


if __name__ == "__main__":
    main()
