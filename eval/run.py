"""Evaluate `which` on eval/queries.jsonl: hit@1, hit@5 and MRR.

Usage (from the repository root)::

    python eval/run.py            # figures, by query type
    python eval/run.py -v         # also every query that misses, with what came first
    python eval/run.py --json     # figures as JSON
    python eval/run.py --backend neo4j --push   # the same, answered by Neo4j (server from NEO4J_*)

The graph is built from the bundled seeds (data/seeds/) and the development
corpus (tests/data/corpus/).  Each query lists the units that the documents
charge with what it asks (``expected``) and the phrases of the text that say so
(``evidence``).  A query is a hit at k when any expected unit ranks within the
first k; units with equal scores share the rank of the first of them.  Queries
with no expected unit (type ``none``) count as right when nothing matches.
``recall@10`` is the share of the expected units (at most 10) found in the
first 10 results: it shows whether multi-answer queries bring all their units.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUERIES = Path(__file__).resolve().parent / "queries.jsonl"
DOCUMENTS = sorted((ROOT / "data" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))


def load_queries(path: Path = QUERIES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_graph(paths=DOCUMENTS):
    """The graph of every document a loader can read; returns ``(graph, skipped)``."""
    from graph_model.errors import OrgGraphError
    from graph_model.graph.graph import OrgGraph
    from loaders import load_path

    parsed, skipped = [], []
    for p in paths:
        try:
            parsed.append(load_path(p))
        except (OrgGraphError, ModuleNotFoundError) as exc:
            skipped.append(f"{p.name}: {exc}")
    return OrgGraph.build(parsed), skipped


def rank_of(results, expected: set[str]) -> int | None:
    """1-based rank of the first expected unit; ties share the rank of the first tied result."""
    for i, r in enumerate(results):
        if r.unit_id in expected:
            first = i
            while first > 0 and round(results[first - 1].score, 9) == round(r.score, 9):
                first -= 1
            return first + 1
    return None


def query_set(q: dict) -> str:
    """Which documents a query is about: ``seeds``, ``corpus`` (development corpus) or ``both``."""
    places = {"seeds" if at.startswith("data/seeds/") else "corpus" for e in q.get("evidence", []) for at in e["at"]}
    return places.pop() if len(places) == 1 else "both"


def answer(index, query: str, limit: int | None = None) -> list:
    """What ``orggraph which`` answers, as ``(unit_id, score)`` results best first: the question read as
    such (queries/lookup/ask.py: scope, level, vocabulary) over the embedded index."""
    from collections import namedtuple

    from queries.lookup.ask import ask_graph
    Result = namedtuple("Result", "unit_id score")
    return [Result(h.unit["id"], h.score) for h in ask_graph(index, query, top=limit).hits]


def evaluate(index, queries: list[dict], known_units: set[str] | None = None, search_fn=None) -> dict:
    """Run every query; returns figures overall and per type, and the per-query outcomes.

    ``search_fn(query)`` (results with ``unit_id`` and ``score``, best first)
    replaces the embedded search of ``index``: see :func:`evaluate_neo4j`.
    """
    rows = []
    for q in queries:
        results = search_fn(q["query"]) if search_fn else answer(index, q["query"])
        expected = set(q["expected"])
        row = {"query": q["query"], "type": q["type"], "batch": q.get("batch", 1), "expected": q["expected"],
               "set": query_set(q),
               "top": [(r.unit_id, round(r.score, 3)) for r in results[:5]]}
        if known_units is not None:
            row["missing"] = sorted(expected - known_units)
        if expected:
            rank = rank_of(results, expected)
            row["rank"] = rank
            within = {r.unit_id for r in results[:10]}
            row["recall10"] = len(expected & within) / min(len(expected), 10)
        else:
            row["rank"] = None
            row["rejected"] = not results
        rows.append(row)
    return {"overall": _figures(rows),
            "by_type": {t: _figures([r for r in rows if r["type"] == t]) for t in sorted({r["type"] for r in rows})},
            "by_batch": {b: _figures([r for r in rows if r["batch"] == b]) for b in sorted({r["batch"] for r in rows})},
            "by_set": {s: _figures([r for r in rows if r["set"] == s]) for s in ("seeds", "corpus", "both")},
            "rows": rows}


def _figures(rows: list[dict]) -> dict:
    answered = [r for r in rows if r["expected"]]
    none = [r for r in rows if not r["expected"]]
    n = len(answered)
    fig: dict[str, float] = {"queries": len(rows)}
    if n:
        ranks = [r["rank"] for r in answered]
        fig.update({
            "hit@1": round(sum(1 for k in ranks if k == 1) / n, 4),
            "hit@5": round(sum(1 for k in ranks if k is not None and k <= 5) / n, 4),
            "mrr": round(sum(1 / k for k in ranks if k) / n, 4),
            "recall@10": round(sum(r["recall10"] for r in answered) / n, 4),
        })
    if none:
        fig["rejected"] = round(sum(1 for r in none if r["rejected"]) / len(none), 4)
    return fig


def evaluate_neo4j(graph, queries: list[dict], known_units: set[str] | None = None, *, settings=None,
                   push: bool = False) -> dict:
    """:func:`evaluate` with ``which --backend neo4j``, against the server in ``NEO4J_*`` (or ``settings``).

    The server must hold ``graph`` and its lookup (the counts of what orggraph pushed are
    checked); ``push=True`` pushes them first, replacing what orggraph pushed there.
    """
    from collections import namedtuple

    from graph_model.neo4j import Neo4jError, cypher as q
    from graph_model.neo4j.connection import connect, settings as env_settings
    from graph_model.neo4j.writer import push as push_graph
    from queries.lookup.neo4j_lookup import which
    from queries.lookup.neo4j_rows import lookup_nodes
    from queries.lookup.search import build_index

    s = settings or env_settings()
    lookup = lookup_nodes(build_index(graph))
    if push:
        push_graph(graph, s, lookup=lookup)
    Result = namedtuple("Result", "unit_id score")
    with connect(s) as driver:
        got = driver.execute_query(q.count_owned(), database_=s.database).records[0]
        want = (graph.g.number_of_nodes() + sum(len(rows) for rows in lookup.values()), graph.g.number_of_edges())
        if (got["nodes"], got["relationships"]) != want:
            raise Neo4jError(f"{s.uri} holds {got['nodes']} nodes / {got['relationships']} relationships pushed by "
                             f"orggraph, the evaluation graph {want[0]} / {want[1]}: run with --push")
        return evaluate(None, queries, known_units, search_fn=lambda text: [
            Result(h.unit["id"], h.score) for h in which(s, text, top=None, driver=driver)])


def side_by_side(graph, report: dict) -> dict:
    """Every set's figures beside plain bigram BM25 over the same graph (eval/bm25.py): the seeds and
    the development corpus (eval/queries.jsonl, by where their evidence is) and the national sample."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import national_sample
    from bm25 import BM25

    plain = evaluate(None, load_queries(), search_fn=BM25(graph).search)
    out = {}
    for name in ("seeds", "corpus"):
        out[name] = {"orggraph": report["by_set"][name], "bm25": plain["by_set"][name]}
    national = national_sample.evaluate()
    out["national sample"] = {"orggraph": national["which"], "bm25": national["bm25"], "units": national["units"],
                              "documents": national["documents"]}
    for name, folder in (("fresh sample", national_sample.FRESH), ("third sample", national_sample.THIRD),
                         ("fourth sample", national_sample.FOURTH)):
        golds = national_sample.load_gold(folder)
        if golds:
            got = national_sample.evaluate(golds)
            out[name] = {"orggraph": got["which"], "bm25": got["bm25"], "units": got["units"],
                         "documents": got["documents"]}
    return out


def render_sets(sets: dict) -> str:
    lines = ["set               queries   orggraph hit@1  any@5   MRR   |  BM25 hit@1  any@5   MRR"]
    for name, s in sets.items():
        o, b = s["orggraph"], s["bm25"]
        five = "hit@5" if "hit@5" in o else "any@5"
        lines.append(f"{name:<17} {o['queries']:>7}   {o['hit@1']:>14.3f} {o[five]:>6.3f} {o['mrr']:>6.3f}  |"
                     f"  {b['hit@1']:>10.3f} {b[five]:>6.3f} {b['mrr']:>6.3f}")
    for name in ("national sample", "fresh sample", "third sample", "fourth sample"):
        if name not in sets:
            continue
        n = sets[name]
        u = n["units"]
        lines.append(f"{name}: {n['documents']} documents, units P {u['precision']:.3f} R {u['recall']:.3f} "
                     f"F1 {u['f1']:.3f}; empty answers {n['orggraph'].get('empty', 0)}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="show every query that misses")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--backend", choices=["embedded", "neo4j"], default="embedded",
                    help="the embedded index (default) or Neo4j (server from NEO4J_*)")
    ap.add_argument("--push", action="store_true",
                    help="with --backend neo4j: push the evaluation graph first (replaces what orggraph pushed)")
    ap.add_argument("--sets", action="store_true", help="only the side-by-side table of every set against BM25")
    args = ap.parse_args(argv)

    from queries.lookup.search import build_index

    graph, skipped = build_graph()
    known = {u["id"] for u in graph.units()}
    if args.backend == "neo4j":
        from graph_model.errors import OrgGraphError
        try:
            report = evaluate_neo4j(graph, load_queries(), known, push=args.push)
        except OrgGraphError as exc:
            print(f"Error: {exc}", file=sys.stderr)
            return 1
    else:
        report = evaluate(build_index(graph), load_queries(), known)
    sets = side_by_side(graph, report) if args.backend == "embedded" else None
    if args.json:
        out = {k: v for k, v in report.items() if k != "rows"}
        if sets:
            out["sets"] = sets
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if sets:
        print(render_sets(sets))
        if args.sets:
            return 0
    for s in skipped:
        print(f"skipped {s}")
    missing = sorted({m for r in report["rows"] for m in r.get("missing", [])})
    if missing:
        print(f"{len(missing)} expected units are not in the graph (loader gaps): {', '.join(missing)}")
    o = report["overall"]
    print(f"{o['queries']} queries: hit@1 {o['hit@1']:.3f}  hit@5 {o['hit@5']:.3f}  MRR {o['mrr']:.3f}  "
          f"recall@10 {o['recall@10']:.3f}" + (f"  no-answer rejected {o['rejected']:.3f}" if "rejected" in o else ""))
    for t, f in [*report["by_type"].items(), *((f"batch {b}", f) for b, f in report["by_batch"].items())]:
        line = f"  {t:<11} {f['queries']:>3}"
        if "hit@1" in f:
            line += f"  hit@1 {f['hit@1']:.3f}  hit@5 {f['hit@5']:.3f}  MRR {f['mrr']:.3f}"
        if "rejected" in f:
            line += f"  rejected {f['rejected']:.3f}"
        print(line)
    if args.verbose:
        for r in report["rows"]:
            wrong = (r["expected"] and r["rank"] != 1) or (not r["expected"] and not r["rejected"])
            if wrong:
                print(f"\n{r['query']} [{r['type']}] rank {r['rank']}; "
                      f"expected {', '.join(r['expected']) or 'nothing'}")
                for uid, score in r["top"]:
                    print(f"    {score:8.3f}  {uid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
