"""Score reading documents as planners have them (eval/documents/files, made by make.py from bundled texts).

    python eval/documents/score.py [-v]

Each PDF, Word or ODF file is loaded as `orggraph load FILE` loads it, and its units, duties and steps are
compared with those of the text it was rendered from, loaded the same way: what the format loses or adds.
The texts' own readings are checked against their gold elsewhere (eval/run.py, tests/test_loaders_*).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from make import DOCUMENTS  # noqa: E402

import loaders  # noqa: E402


def records(parsed) -> tuple[set, set, set]:
    """The units, their duties and the steps of procedures, word for word."""
    units = {"/".join(u.path) for u in parsed.units}
    duties = {("/".join(d.unit), "".join(d.text.split())) for d in parsed.duties}
    steps = {(p.title, "".join(s.text.split())) for p in parsed.procedures for s in p.steps}
    return units, duties, steps


def figures(parsed) -> set:
    """A budget book's headcount figures: row, kind, year, category and value."""
    return {(h.row, h.kind, h.year, h.category, h.value) for h in parsed.headcounts}


def f1(got: set, want: set) -> dict:
    tp = len(got & want)
    p = tp / len(got) if got else 1.0
    r = tp / len(want) if want else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def file_name(stem: str, fmt: str) -> str:
    return f"{stem}{'-2col' if fmt == 'pdf2' else ''}.{fmt.rstrip('2')}"


KINDS = ("units", "duties", "steps", "headcounts")


def evaluate(folder: Path = HERE / "files") -> list[dict]:
    rows = []
    for source, stem, formats in DOCUMENTS:
        parsed = loaders.load_path(ROOT / source)
        want = (*records(parsed), figures(parsed))
        for fmt in formats:
            path = folder / file_name(stem, fmt)
            parsed = loaders.load_path(path)
            got = (*records(parsed), figures(parsed))
            rows.append({"file": path.name, **{k: f1(g, w) for k, g, w in zip(KINDS, got, want)},
                         "missed": {k: sorted(w - g)[:3] for k, g, w in zip(KINDS, got, want) if w - g}})
    return rows


def main() -> None:
    rows = evaluate()
    print(f"{'file':30} {'units F1':>9} {'duties F1':>10} {'steps F1':>9} {'headcounts F1':>14}")
    for r in rows:
        print(f"{r['file']:30} {r['units']['f1']:>9.3f} {r['duties']['f1']:>10.3f} {r['steps']['f1']:>9.3f}"
              f" {r['headcounts']['f1']:>14.3f}")
        if "-v" in sys.argv[1:]:
            for key, missed in r["missed"].items():
                print(f"    {key} missed: {json.dumps(missed, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
