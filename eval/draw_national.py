"""Draw the hand-checked national sample: stratified, seeded, reproducible.

    python eval/draw_national.py [--seed 20261201] [--per 16] [--exclude SAMPLE.tsv ...] [INDEX]

Strata: office rules (處務規程/辦事細則), acts (組織法/組織條例), rules of organization
(組織規程/組織準則/組織通則); within each, in force and abolished documents in proportion.
Prints PCode, stratum and title; eval/national/sample.tsv keeps the draw that was annotated.
``--exclude`` leaves out the documents of earlier draws, so a fresh sample shares none with them
(eval/fresh/sample.tsv: ``--seed 20261202 --per 8 --exclude eval/national/sample.tsv``).
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

STRATA = (("office_rules", re.compile(r"處務規程|辦事細則")),
          ("act", re.compile(r"組織法|組織條例")),
          ("rules", re.compile(r"組織規程|組織準則|組織通則")))


def stratum(title: str) -> str | None:
    return next((name for name, pattern in STRATA if pattern.search(title)), None)


def draw(index: list[dict], seed: int, per: int, exclude: frozenset[str] | set[str] = frozenset(),
         strata: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    out = []
    for name in strata or [name for name, _ in STRATA]:
        members = sorted((d for d in index if stratum(d["name"]) == name and d["PCode"] not in exclude),
                         key=lambda d: d["PCode"])
        live = [d for d in members if not d["abolished"]]
        gone = [d for d in members if d["abolished"]]
        n_live = round(per * len(live) / len(members))
        picked = rng.sample(live, n_live) + rng.sample(gone, per - n_live)
        out += [(d["PCode"], name, d["name"]) for d in sorted(picked, key=lambda d: d["PCode"])]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--per", type=int, default=16)
    ap.add_argument("--exclude", action="append", default=[], metavar="SAMPLE.tsv",
                    help="leave out the documents listed in an earlier draw")
    ap.add_argument("--strata", default=",".join(name for name, _ in STRATA),
                    help="the strata drawn (the acts ran out after twenty-one samples: office_rules,rules)")
    ap.add_argument("index", nargs="?", default="../shared/national/index.json")
    args = ap.parse_args()
    index = json.loads(Path(args.index).read_text(encoding="utf-8"))
    exclude = {line.split("\t")[0] for f in args.exclude for line in Path(f).read_text(encoding="utf-8").splitlines()
               if line.strip()}
    for row in draw(index, args.seed, args.per, exclude, tuple(args.strata.split(","))):
        print("\t".join(row))


if __name__ == "__main__":
    main()
