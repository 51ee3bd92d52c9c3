"""Score the budget loader on constructed budget books of other agencies (tests/data/layouts, gold in gold/).

    python eval/layouts.py [-v]

Each book is loaded as `orggraph load FILE` loads it and compared with its gold, written from the text:
units (paths), duties (unit, text) and headcount figures (row, kind, year, category, value).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import loaders  # noqa: E402

LAYOUTS = ROOT / "tests" / "data" / "layouts"


def _norm(text: str) -> str:
    return "".join(text.split()).rstrip("。")


def got_records(parsed) -> dict[str, set]:
    return {"units": {"/".join(u.path) for u in parsed.units},
            "duties": {("/".join(d.unit), _norm(d.text)) for d in parsed.duties},
            "headcounts": {(h.row, h.kind, h.year, h.category, h.value) for h in parsed.headcounts}}


def gold_records(gold: dict) -> dict[str, set]:
    return {"units": set(gold["units"]),
            "duties": {(u, _norm(d)) for u, ds in gold["duties"].items() for d in ds},
            "headcounts": {tuple(h) for h in gold["headcounts"]}}


def f1(got: set, want: set) -> float:
    tp = len(got & want)
    return round(2 * tp / (len(got) + len(want)), 3) if got or want else 1.0


def evaluate(path: Path | None = None) -> list[dict]:
    rows = []
    for gold_file in sorted((LAYOUTS / "gold").glob("*.json")):
        source = LAYOUTS / f"{gold_file.stem}.txt"
        want = gold_records(json.loads(gold_file.read_text(encoding="utf-8")))
        try:
            got = got_records(loaders.load_path(path or source))
        except loaders.LoadError as e:
            got = {k: set() for k in want}
            print(f"{source.name}: {e}", file=sys.stderr)
        rows.append({"file": source.name, **{k: f1(got[k], want[k]) for k in want},
                     "missed": {k: sorted(want[k] - got[k]) for k in want},
                     "extra": {k: sorted(got[k] - want[k]) for k in want}})
    return rows


def main() -> None:
    rows = evaluate()
    print(f"{'file':28} {'units F1':>9} {'duties F1':>10} {'headcounts F1':>14}")
    for r in rows:
        print(f"{r['file']:28} {r['units']:>9.3f} {r['duties']:>10.3f} {r['headcounts']:>14.3f}")
        if "-v" in sys.argv[1:]:
            for kind in ("missed", "extra"):
                for k, items in r[kind].items():
                    for item in items[:12]:
                        print(f"    {kind} {k}: {item}")


if __name__ == "__main__":
    main()
