"""Score the loaders and `which` on the hand-checked national sample (eval/national/gold/).

Units: precision, recall and F1 over (name, parent) pairs of the units each document sets up below
its own agency (a top-level unit's parent is "the document's agency", whatever the agency is
called); gold units marked optional count neither way.  `which`: every document is loaded alone,
as a planner who loads that one document would, and its queries asked; expected units are paths
below the agency.  hit@1 (ties share the first rank), any-correct@5, and empty answers, beside plain
bigram BM25 over the same graph.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "national" / "gold"
# A second draw (seed 20261202, none of the first draw's documents), annotated after the loaders were
# tuned on the first: its figures are the honest estimate for documents orggraph has not seen.
FRESH = Path(__file__).resolve().parent / "fresh" / "gold"
# A third draw (seed 20261208), scored before the loaders were changed for it (eval/third/README.md).
THIRD = Path(__file__).resolve().parent / "third" / "gold"
# A fourth draw (seed 20261210), scored before the loaders were changed for it (eval/fourth/README.md).
FOURTH = Path(__file__).resolve().parent / "fourth" / "gold"
AGENCY = "<agency>"


def norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).replace("台", "臺").replace("祕", "秘")


def load_gold(folder: Path = GOLD) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def parse(gold: dict):
    from corpus import national_file

    import loaders
    return loaders.parse_bytes(national_file(gold["doc"]), f"{gold['doc']}.json")


def unit_pairs(parsed) -> set[tuple[str, str]]:
    agency = parsed.agency
    out = set()
    for u in parsed.units:
        if len(u.path) > len(agency) and u.path[:len(agency)] == agency:
            parent = AGENCY if len(u.path) == len(agency) + 1 else norm(u.path[-2])
            out.add((norm(u.path[-1]), parent))
    return out


def gold_pairs(gold: dict) -> tuple[set, set]:
    top = gold["agency"][-1]
    required: set[tuple[str, str]] = set()
    optional: set[tuple[str, str]] = set()
    for u in gold["units"]:
        pair = (norm(u["name"]), AGENCY if u["parent"] == top else norm(u["parent"]))
        (optional if u.get("optional") else required).add(pair)
    return required, optional


def expected_ids(gold: dict, agency: tuple[str, ...], q: dict) -> set[str]:
    """Gold paths (役政署/徵集組) as ids of the parsed graph (內政部/役政署/徵集組), normalized."""
    out = set()
    for path in q["expected"]:
        below = path.split("/")[1:]
        out.add(norm("/".join(agency + tuple(below))))
    return out


def rank_of(results, expected: set[str]) -> int | None:
    for i, r in enumerate(results):
        if norm(r.unit_id) in expected:
            first = i
            while first > 0 and round(results[first - 1].score, 9) == round(r.score, 9):
                first -= 1
            return first + 1
    return None


def evaluate(golds: list[dict] | None = None) -> dict:
    from bm25 import BM25
    from run import answer

    from graph_model.errors import OrgGraphError
    from graph_model.graph.graph import OrgGraph
    from queries.lookup.search import build_index

    golds = golds if golds is not None else load_gold()
    tp = fp = fn = 0
    docs, rows = [], []
    for gold in golds:
        try:
            parsed = parse(gold)
        except OrgGraphError as err:  # refused: its required units and its queries are all missed
            required, _ = gold_pairs(gold)
            fn += len(required)
            docs.append({"doc": gold["doc"], "title": gold["title"], "tp": 0, "fp": [], "fn": sorted(required),
                         "refused": str(err)})
            rows += [{"doc": gold["doc"], "query": q["query"], "expected": q["expected"], "rank": None,
                      "empty": True, "bm25_rank": None, "top": []} for q in gold["queries"]]
            continue
        agency = parsed.agency
        got = unit_pairs(parsed)
        required, optional = gold_pairs(gold)
        d_tp, d_fp, d_fn = len(got & required), len(got - required - optional), len(required - got)
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn
        docs.append({"doc": gold["doc"], "title": gold["title"], "tp": d_tp, "fp": sorted(got - required - optional),
                     "fn": sorted(required - got)})
        graph = OrgGraph.build([parsed])
        index, baseline = build_index(graph), BM25(graph)
        for q in gold["queries"]:
            expected = expected_ids(gold, agency, q)
            ours, plain = answer(index, q["query"]), baseline.search(q["query"])
            rows.append({"doc": gold["doc"], "query": q["query"], "expected": sorted(expected),
                         "rank": rank_of(ours, expected), "empty": not ours, "bm25_rank": rank_of(plain, expected),
                         "top": [(r.unit_id, round(r.score, 3)) for r in ours[:3]]})
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"documents": len(golds), "units": {"precision": round(p, 4), "recall": round(r, 4),
                                               "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0},
            "which": figures(rows, "rank"), "bm25": figures(rows, "bm25_rank"), "docs": docs, "rows": rows}


def figures(rows: list[dict], key: str) -> dict:
    n = len(rows) or 1
    ranks = [r[key] for r in rows]
    out = {"queries": len(rows), "hit@1": round(sum(k == 1 for k in ranks) / n, 4),
           "any@5": round(sum(k is not None and k <= 5 for k in ranks) / n, 4),
           "mrr": round(sum(1 / k for k in ranks if k) / n, 4)}
    if key == "rank":
        out["empty"] = sum(r["empty"] for r in rows)
    return out


def report(folder: Path, verbose: bool) -> None:
    """Print a sample's figures (one JSON line), and with ``verbose`` every unit and query missed."""
    import json
    result = evaluate(load_gold(folder))
    print(json.dumps({k: result[k] for k in ("documents", "units", "which", "bm25")}, ensure_ascii=False))
    if not verbose:
        return
    for d in result["docs"]:
        if d.get("refused"):
            print(d["doc"], "refused:", d["refused"])
        elif d["fp"] or d["fn"]:
            print(d["doc"], d["title"], "extra", d["fp"], "missed", d["fn"])
    for row in result["rows"]:
        if row["rank"] != 1:
            print(row["doc"], row["query"], "rank", row["rank"], row["expected"], row["top"][:2])
