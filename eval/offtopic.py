"""False answers of `which` on off-topic queries (eval/offtopic.jsonl).

The 40 queries are everyday requests no unit of the bundled samples (data/seeds) or the development
corpus (tests/data/corpus) is charged with (天氣預報, 寵物走失協尋 …), written down before the looser
second pass of the lookup was built, to measure what it answers where it should say nothing.  The 12
``none`` queries of eval/queries.jsonl are scored too.  A query is a false answer when ``which``
returns any unit.

    python eval/offtopic.py        # false-answer rate on the bundled samples and on seeds + corpus
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for path in (ROOT, HERE):  # the package, and eval/run.py
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

OFFTOPIC = HERE / "offtopic.jsonl"


def load_offtopic(path: Path = OFFTOPIC) -> list[str]:
    return [json.loads(line)["query"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def false_answers(index, queries: list[str]) -> dict:
    """``{"queries", "answered", "rate", "rows"}``: rows name each query answered and its first unit."""
    from run import answer

    rows = []
    for text in queries:
        results = answer(index, text, limit=3)
        if results:
            rows.append({"query": text, "first": results[0].unit_id})
    n = len(queries) or 1
    return {"queries": len(queries), "answered": len(rows), "rate": round(len(rows) / n, 4), "rows": rows}


def evaluate() -> dict:
    """False answers on the bundled samples and on the evaluation graph (seeds + development corpus)."""
    from run import build_graph, load_queries

    from graph_model.store.store import open_store
    from queries.lookup.search import build_index

    offtopic = load_offtopic()
    none = [q["query"] for q in load_queries() if not q["expected"]]
    samples = build_index(open_store("/nonexistent/store.json").graph())
    corpus = build_index(build_graph()[0])
    return {"samples": false_answers(samples, offtopic), "seeds+corpus": false_answers(corpus, offtopic),
            "none queries": false_answers(corpus, none)}


def main() -> int:
    report = evaluate()
    for name, r in report.items():
        print(f"{name:<14} {r['queries']:>3} queries, {r['answered']} answered (false-answer rate {r['rate']:.3f})")
        for row in r["rows"]:
            print(f"    {row['query']} -> {row['first']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
