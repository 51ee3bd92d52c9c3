"""Check the lineage gold against the corpus (does not use orggraph).

- superseded.jsonl: every row's agency/pcodes match draw.tsv, state is one of
  current/superseded/abolished/unknown, superseded rows name a successor, and
  the evidence text occurs (ignoring whitespace and the source's line wraps) in
  the cited PCode's field or article.
- parents.jsonl: every non-root parent is itself a row, levels are 1..3 and
  consistent (child = parent + 1), and the cited article exists.

Usage: python3 eval/lineage/check.py [path/to/national]
       python3 eval/lineage/check.py --superseded eval/lineage/heldout/superseded.jsonl
                                     [--draw TSV] [--stop N] [path/to/national]

--superseded checks another lineage file (e.g. the held-out sample) instead of
superseded.jsonl; its draw defaults to the draw.tsv in the same directory.  A
file may stop before the end of its draw only under a stopping rule: --stop N
(default 50 for a file other than superseded.jsonl) means judging stopped at
the row where N rows were superseded or abolished.  parents.jsonl is always
checked.
"""
import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2] / "shared" / "national"
STATES = {"current", "superseded", "abolished", "unknown"}
ENDED = {"superseded", "abolished"}


def norm(s):
    return re.sub(r"\s+", "", s)


def text_at(where):
    pcode, loc = where.split(" ", 1)
    doc = json.loads((ROOT / "FalVMingLing" / f"{pcode}.json").read_text(encoding="utf-8"))
    if loc == "沿革內容":
        return doc["沿革內容"]
    article = re.match(r"第(\S+)條", loc)
    if article is None:
        raise ValueError(f"{pcode}: {loc!r} is neither 沿革內容 nor an article")
    n = article.group(1)
    return "".join(a["條文內容"] for a in doc["法規內容"] if a.get("條號") == f"第 {n} 條")


def main():
    global ROOT
    ap = argparse.ArgumentParser(description="Check the lineage gold against the corpus.")
    ap.add_argument("root", nargs="?", help="path to shared/national")
    ap.add_argument("--superseded", help="lineage file to check (default: superseded.jsonl)")
    ap.add_argument("--draw", help="its draw (default: draw.tsv beside the lineage file)")
    ap.add_argument("--stop", type=int, help="stopping rule: judging stopped once N rows were ended")
    args = ap.parse_args()
    if args.root:
        ROOT = Path(args.root)
    sup = Path(args.superseded) if args.superseded else HERE / "superseded.jsonl"
    drawf = Path(args.draw) if args.draw else sup.parent / "draw.tsv"
    stop = args.stop
    if stop is None and sup.resolve() != (HERE / "superseded.jsonl").resolve():
        stop = 50
    errors = []
    draw = [ln.split("\t") for ln in drawf.read_text(encoding="utf-8").splitlines()[1:]]
    rows = [json.loads(ln) for ln in sup.read_text(encoding="utf-8").splitlines()]
    if len(rows) > len(draw) or (len(rows) < len(draw) and stop is None):
        errors.append(f"{sup.name} has {len(rows)} rows, {drawf.name} {len(draw)}")
    elif len(rows) < len(draw):
        ended = sum(r["state"] in ENDED for r in rows)
        if ended != stop or not rows or rows[-1]["state"] not in ENDED:
            errors.append(f"{sup.name} stops at row {len(rows)} of {len(draw)} with {ended} ended rows; "
                          f"the stopping rule wants the row where {stop} are ended")
    for (rank, pcodes, agency), r in zip(draw, rows):
        if "rank" in r and str(r["rank"]) != rank:
            errors.append(f"row {rank}: rank field is {r['rank']}")
        if r["agency"] != agency or r["pcodes"] != pcodes.split(","):
            errors.append(f"row {rank}: agency/pcodes differ from {drawf.name}")
        if r["state"] != "superseded" and r["successors"]:
            errors.append(f"row {rank}: {r['state']} row names successors")
        if r["state"] not in STATES:
            errors.append(f"row {rank}: bad state {r['state']}")
        if r["state"] == "superseded" and not r["successors"]:
            errors.append(f"row {rank}: superseded without successor")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"row {rank}: bad date {r['date']}")
        if norm(r["evidence"]) not in norm(text_at(r["where"])):
            errors.append(f"row {rank}: evidence not found at {r['where']}")
    parents = [json.loads(ln) for ln in (HERE / "parents.jsonl").read_text(encoding="utf-8").splitlines()]
    level = {p["agency"]: p["level"] for p in parents}
    if len(level) != len(parents):
        errors.append("parents.jsonl: duplicate agency")
    for p in parents:
        if p["level"] == 1:
            if p["parent"]:
                errors.append(f"{p['agency']}: level 1 with a parent")
        elif level.get(p["parent"]) != p["level"] - 1:
            errors.append(f"{p['agency']}: parent {p['parent']} not at level {p['level'] - 1}")
        if not text_at(p["where"]):
            errors.append(f"{p['agency']}: no text at {p['where']}")
    for e in errors:
        print(e)
    print(f"{len(rows)} lineage rows, {len(parents)} parent rows, {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
