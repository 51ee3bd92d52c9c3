"""Score the whole-government query set on the whole national store, beside plain BM25.

    python eval/government/score.py [--store STORE] [--set dev|heldout|third|fourth] [-v] [--json]

The store holds every national document, loaded as `orggraph load` loads them (from ../shared/national,
else data/national.tar.xz); questions are answered from its current graph, as a planner asks them.
Gold is the graded pool (judgments/*.jsonl: 2 handles it, 1 partly, 0 no), read from the documents;
a unit nobody has graded counts as wrong — `pool.py` lists what a new run brings, to be graded.

- hit@1: the first answer (or one tied with it) is graded 2;
- any@5: a unit graded 2 within the first five (ties share the rank of the first of them);
- partial@5: a unit graded 1 or 2 within the first five;
- empty: no answer at all;
- judged@1: the share of first answers that have a grade (what the figures rest on).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("ORGGRAPH_ROOT", HERE.parent.parent))  # another checkout: its code answers
if "ORGGRAPH_ROOT" in os.environ:  # that checkout's code, not the one installed in editable mode
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in str(f).lower()]
for p in (str(ROOT), str(HERE.parent)):
    if p not in sys.path:
        sys.path.insert(0, p)

STYLES = ("short", "everyday", "ministry", "agency", "scoped")
SETS = {"dev": HERE, "heldout": HERE / "heldout", "third": HERE / "third",  # tuned to; held back; drawn later
        "fourth": HERE / "fourth"}


def load_questions(where: Path = HERE) -> list[dict]:
    return [json.loads(line) for line in (where / "questions.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load_grades(where: Path = HERE) -> dict[tuple[str, str], int]:
    grades = {}
    for path in sorted((where / "judgments").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                grades[(j["qid"], j["unit"])] = int(j["grade"])
    return grades


def national_store(folder: Path) -> Path:
    """A store of every national document, loaded as ``orggraph load`` loads them."""
    from corpus import national_files

    from graph_model.store.store import Store
    from loaders.batch import read_paths

    docs = folder / "FalVMingLing"
    docs.mkdir(parents=True, exist_ok=True)
    for name, data in national_files():
        (docs / name).write_bytes(data)
    store = Store(folder / "national.sqlite")
    batch = read_paths([docs], strict=False)
    store.add(batch.documents, batch.refused)
    return folder / "national.sqlite"


def ranked(units_scores: list[tuple[str, float]]) -> list[tuple[str, int]]:
    """``(unit, rank)``: ties share the rank of the first of them."""
    out, rank, last = [], 0, None
    for i, (u, s) in enumerate(units_scores):
        if last is None or round(s, 9) != round(last, 9):
            rank, last = i + 1, s
        out.append((u, rank))
    return out


def figures(rows: list[dict]) -> dict:
    n = len(rows) or 1
    return {"questions": len(rows),
            "hit@1": round(sum(r["hit1"] for r in rows) / n, 3),
            "any@5": round(sum(r["any5"] for r in rows) / n, 3),
            "partial@5": round(sum(r["part5"] for r in rows) / n, 3),
            "empty": round(sum(r["empty"] for r in rows) / n, 3),
            "judged@1": round(sum(r["judged1"] for r in rows) / n, 3)}


def graded(grades: dict, qid: str, uid: str) -> int | None:
    """The grade of a unit, also when the graph has since placed it under a parent its id did not have
    (國家安全會議/… graded, 總統府/國家安全會議/… answered): the same unit, re-rooted."""
    if (qid, uid) in grades:
        return grades[(qid, uid)]
    parts = uid.split("/")
    for i in range(1, len(parts)):
        g = grades.get((qid, "/".join(parts[i:])))
        if g is not None:
            return g
    return None


def evaluate(answer, questions: list[dict], grades: dict) -> dict:
    """``answer(question) -> [(unit id, score)]`` best first; figures overall and by style, and rows."""
    rows = []
    for q in questions:
        got = ranked(answer(q["query"]))
        grade = {u: graded(grades, q["id"], u) for u, _ in got}
        first = [u for u, r in got if r == 1]
        top5 = [u for u, r in got if r <= 5]
        rows.append({"id": q["id"], "query": q["query"], "style": q["style"], "top": [u for u, _ in got[:3]],
                     "hit1": any(grade[u] == 2 for u in first), "any5": any(grade[u] == 2 for u in top5),
                     "part5": any((grade[u] or 0) >= 1 for u in top5), "empty": not got,
                     "judged1": bool(first) and all(grade[u] is not None for u in first)})
    return {"overall": figures(rows),
            "by_style": {s: figures([r for r in rows if r["style"] == s]) for s in STYLES
                         if any(r["style"] == s for r in rows)},
            "rows": rows}


def systems(graph) -> dict:
    from bm25 import BM25

    from queries.lookup.which import index_of, which
    index = index_of(graph)
    bm = BM25(graph)
    try:
        from queries.lookup.ask import ask_graph
    except ImportError:  # a checkout from before questions were read as such
        def ask_graph(graph, text, **options):  # type: ignore[misc]  # the older checkout's stand-in
            return type("Answer", (), {"hits": which(graph, text, top=options.get("top"))})
    return {"orggraph": lambda q: [(h.unit["id"], h.score) for h in ask_graph(index, q, top=10).hits],
            "bm25": lambda q: [(r.unit_id, r.score) for r in bm.search(q)[:10]]}


def run(store: Path | None = None, sets=("dev",)) -> dict:
    """``{set: {system: figures}}`` for each of ``sets`` (keys of :data:`SETS`)."""
    from graph_model.store.store import open_store
    with tempfile.TemporaryDirectory() as tmp:
        graph = open_store(store or national_store(Path(tmp))).graph()
        answer = systems(graph)
        out = {}
        for name in sets:
            questions, grades = load_questions(SETS[name]), load_grades(SETS[name])
            out[name] = {system: evaluate(fn, questions, grades) for system, fn in answer.items()}
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="a store of the whole national corpus (default: loaded afresh)")
    ap.add_argument("-v", action="store_true", help="also every question whose first answer is not graded 2")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--set", action="append", choices=sorted(SETS),
                    help="dev, heldout, third, fourth (default: dev and heldout)")
    args = ap.parse_args()
    results = run(args.store, args.set or ("dev", "heldout"))
    if args.json:
        print(json.dumps({s: {k: {kk: vv for kk, vv in v.items() if kk != "rows"} for k, v in r.items()}
                          for s, r in results.items()}, ensure_ascii=False, indent=1))
        return
    for set_name, result in results.items():
        print(f"{set_name:18}" + "".join(f"{k:>11}" for k in ("questions", "hit@1", "any@5", "partial@5", "empty",
                                                             "judged@1")))
        for name, res in result.items():
            for label, fig in [("all", res["overall"])] + list(res["by_style"].items()):
                print(f"{name + ' ' + label:18}" + "".join(f"{fig[k]:>11}" for k in fig))
        if args.v:
            for r in result["orggraph"]["rows"]:
                if not r["hit1"]:
                    print(f"  {r['id']:>14} {r['query']}  →  {' | '.join(r['top']) or '(nothing)'}")


if __name__ == "__main__":
    main()
