"""Check the lineage gold against the corpus (does not use orggraph).

- superseded.jsonl: every row's agency/pcodes match draw.tsv, state is one of
  current/superseded/abolished/unknown, superseded rows name a successor, and
  the evidence text occurs (ignoring whitespace and the source's line wraps) in
  the cited PCode's field or article.
- parents.jsonl: every non-root parent is itself a row, levels are 1..3 and
  consistent (child = parent + 1), and the cited article exists.

Usage: python3 eval/lineage/check.py [path/to/national]
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "national"
STATES = {"current", "superseded", "abolished", "unknown"}


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
    errors = []
    draw = [ln.split("\t") for ln in (HERE / "draw.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    rows = [json.loads(ln) for ln in (HERE / "superseded.jsonl").read_text(encoding="utf-8").splitlines()]
    if len(rows) != len(draw):
        errors.append(f"superseded.jsonl has {len(rows)} rows, draw.tsv {len(draw)}")
    for (rank, pcodes, agency), r in zip(draw, rows):
        if r["agency"] != agency or r["pcodes"] != pcodes.split(","):
            errors.append(f"row {rank}: agency/pcodes differ from draw.tsv")
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
