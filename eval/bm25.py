"""The baseline every set is scored beside: plain bigram BM25 over the parsed duties and unit names,
no rejection and no re-ranking — what a full-text index with a CJK bigram analyzer (Neo4j's ``cjk``)
gives over the same graph.  A unit's score is the best score of its duty statements and its name."""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, namedtuple

Result = namedtuple("Result", "unit_id score")
_CJK = re.compile(r"[\u3400-\u9fff]+|[a-z0-9]+")


def grams(text: str) -> list[str]:
    """CJK bigrams (a lone character stays a unigram), as the cjk analyzer tokenizes; words for Latin."""
    text = unicodedata.normalize("NFKC", text).lower()
    out = []
    for run in _CJK.findall(text):
        if run.isascii():
            out.append(run)
        elif len(run) == 1:
            out.append(run)
        else:
            out += [run[i:i + 2] for i in range(len(run) - 1)]
    return out


class BM25:
    def __init__(self, graph, k1: float = 1.2, b: float = 0.75):
        self.docs: list[tuple[str, Counter, int]] = []
        for unit in graph.units():
            uid = unit["id"]
            texts = [unit["name"]] + [duty["text"] for duty, _ in graph.duties_of(uid)]
            for text in texts:
                g = grams(text)
                self.docs.append((uid, Counter(g), len(g)))
        self.n = len(self.docs)
        self.avg = sum(d[2] for d in self.docs) / max(1, self.n)
        self.df = Counter(t for _, tf, _ in self.docs for t in tf)
        self.k1, self.b = k1, b

    def search(self, query: str) -> list[Result]:
        terms = set(grams(query))
        best: dict[str, float] = {}
        for uid, tf, length in self.docs:
            score = 0.0
            for t in terms:
                f = tf.get(t)
                if f:
                    idf = math.log(1 + (self.n - self.df[t] + 0.5) / (self.df[t] + 0.5))
                    score += idf * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * length / self.avg))
            if score > best.get(uid, 0.0):
                best[uid] = score
        return [Result(u, s) for u, s in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))]
