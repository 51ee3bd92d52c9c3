"""The quality floor of `which`: eval/queries.jsonl must keep the figures it reaches.

Run ``python eval/run.py -v`` to see the figures and every query that misses.
The floors are the figures reached when they were set, rounded down; raise them
when the lookup improves, never lower them to make a change pass.
"""
from __future__ import annotations

import importlib.util

import pytest

from support import REPO

FLOOR = {"hit@1": 0.97, "hit@5": 0.99, "mrr": 0.98, "rejected": 1.0}
ABSOLUTE_MIN_HIT1 = 0.85  # the bar; the floor above may never go below it


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location("eval_run", REPO / "eval" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    from queries.lookup.search import build_index
    graph, _skipped = run.build_graph()
    return run.evaluate(build_index(graph), run.load_queries(), {u["id"] for u in graph.units()})


def test_the_set_is_big_and_varied_enough(report):
    rows = report["rows"]
    assert len([r for r in rows if r["expected"]]) >= 80
    types = {r["type"] for r in rows}
    assert {"exact", "paraphrase", "question", "simplified", "multi", "none"} <= types
    assert sum(1 for r in rows if len(r["expected"]) > 1) >= 10


def test_expected_answers_come_from_the_document_text(report):
    # Every answered query cites phrases of the documents, at the lines where they are.
    import json
    lines = {}
    for q in (json.loads(ln) for ln in (REPO / "eval" / "queries.jsonl").read_text(encoding="utf-8").splitlines()
              if ln):
        assert bool(q["expected"]) == bool(q["evidence"]), q["query"]
        for ev in q["evidence"]:
            assert ev["at"], (q["query"], ev["text"])
            for at in ev["at"]:
                path, line = at.rsplit(":", 1)
                if path not in lines:
                    lines[path] = (REPO / path).read_text(encoding="utf-8").splitlines()
                phrase = "".join(ev["text"].split())
                # The phrase starts on that line (it may wrap, or be spread one character a line).
                window = "".join("".join(lines[path][int(line) - 1:int(line) + 2 * len(phrase)]).split())
                assert window.find(phrase) >= 0 and window.find(phrase) < len(lines[path][int(line) - 1]), \
                    (q["query"], ev["text"], at)


@pytest.mark.parametrize("figure", ["hit@1", "hit@5", "mrr", "rejected"])
def test_figures_stay_at_or_above_the_floor(report, figure):
    assert FLOOR["hit@1"] >= ABSOLUTE_MIN_HIT1
    got = report["overall"][figure]
    misses = [f"{r['query']} (rank {r['rank']})" for r in report["rows"] if r["expected"] and r["rank"] != 1]
    assert got >= FLOOR[figure], f"{figure} {got} < floor {FLOOR[figure]}; misses: {', '.join(misses)}"
