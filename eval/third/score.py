"""Score the loaders and `which` on the third national sample (eval/third/gold).

    python eval/third/score.py [-v]     # -v: every unit and query missed
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "eval"), str(ROOT)]

import national_sample  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"


def main(verbose: bool) -> None:
    result = national_sample.evaluate(national_sample.load_gold(GOLD))
    print(json.dumps({k: result[k] for k in ("documents", "units", "which", "bm25")}, ensure_ascii=False))
    if not verbose:
        return
    for d in result["docs"]:
        if d["fp"] or d["fn"]:
            print(d["doc"], d["title"], "extra", d["fp"], "missed", d["fn"])
    for row in result["rows"]:
        if row["rank"] != 1:
            print(row["doc"], row["query"], "rank", row["rank"], row["expected"], row["top"][:2])


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
