"""Where an ended body's work went when no document says: the body that took its work over.

Reorganisations rename more bodies than their acts admit (國軍退除役官兵輔導委員會 › 高雄榮民總醫院 ›
屏東分院 became 屏東榮民總醫院; 行政院環境保護署 › 毒物及化學物質局 became 環境部 › 化學物質管理署), and
repeal orders often name only the ministry that issued them.  A planner reading the two acts side by side
sees the successor: a body set up near where the old one stood, about when it ended, whose duties say
the same and whose name shares something distinctive.  :func:`continuations` reads it that way:

- **candidates**: current bodies with a document of their own (or bodies superseded after the window, none of
  their documents repealed, that went on whole under another name), or a division of the body the old one
  stood in, which absorbed it) under the old one's current parent or under the successors of the bodies
  above it, within the ministry they belong to; set up from three years before it ended to a year after;
- **work**: the duty words (character bigrams, weighted by how rare they are among all units' duties) of
  the old body and everything below it, against the candidate's: the share each covers of the other,
  their geometric mean;
- **name**: the rare bigrams the two names share (屏東, 化學物質), weighted the same way over names;
- a candidate is the successor when its work is at least :data:`MIN_WORK`, the names share something,
  and it leads the next candidate by :data:`MIN_LEAD` (work and name added).  Otherwise nothing is said.

>>> work = Words([{"a", "b", "c"}, {"a", "b", "d"}, {"x", "y"}])
>>> round(work.similar({"a", "b", "c"}, {"a", "b", "d"}), 2)
0.42
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import repeat

from graph_model.records.naming import BRANCH_BODIES

MIN_WORK = 0.3
MIN_LEAD = 0.15
MIN_ABSORBED = 0.2  # a division of the parent, in rules revised when the body ended, with a topic in common
MIN_NAMED = 0.1  # … or the one division named after what the body was about, its duties the closest
YEARS_BEFORE, YEARS_AFTER = 3, 1
EDGE = "SUCCEEDED_BY"
BRANCH_HEADS = frozenset(BRANCH_BODIES.values())
_NOT_WORDS = re.compile(r"[\W\d_]+")
_UNIT_WORDS = frozenset("委員會處局所室司組中心科部署院館隊站場")


def bigrams(text: str) -> set[str]:
    t = _NOT_WORDS.sub("", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


class Words:
    """Bigram weights (log inverse document frequency) over a collection of bigram sets."""

    def __init__(self, sets: Iterable[set[str]]):
        counts: Counter[str] = Counter()
        n = 0
        for s in sets:
            counts.update(s)
            n += 1
        self.idf = {b: math.log(n / c) for b, c in counts.items()}

    def weight(self, s: set[str]) -> float:
        return sum(map(self.idf.get, s, repeat(0.0)))

    def covers(self, a: set[str], b: set[str]) -> float:
        """The weighted share of ``a`` that ``b`` holds."""
        total = self.weight(a)
        return self.weight(a & b) / total if total else 0.0

    def similar(self, a: set[str], b: set[str], weight_a: float | None = None, weight_b: float | None = None) -> float:
        """The geometric mean of the shares each covers of the other (weights of ``a``, ``b`` if known)."""
        wa = self.weight(a) if weight_a is None else weight_a
        wb = self.weight(b) if weight_b is None else weight_b
        return self.weight(a & b) / math.sqrt(wa * wb) if wa and wb else 0.0

    def shared(self, a: set[str], b: set[str]) -> float:
        total = self.weight(a | b)
        return self.weight(a & b) / total if total else 0.0


def continuations(graph, ended: Mapping[str, list], bodies: set[str], born: Mapping[str, str]) -> dict[str, tuple]:
    """Ended body id -> ``(successor id, work, name)`` for the bodies whose successor the duties show
    (see the module's docstring).  ``ended``: unit id -> the statuses of its documents (dates);
    ``bodies``: the units with documents of their own; ``born``: unit id -> the date it was set up."""
    duty_words, work = _work(graph)
    name_words = Words(bigrams(u["name"]) for u in graph.units())
    scopes: dict[str, list[str]] = {}
    out = {}
    for uid, statuses in ended.items():
        dates = sorted(s.date for s in statuses if s.date)
        if uid not in bodies or not dates or not work(uid)[1]:
            continue
        start, end = _shift(dates[0], -YEARS_BEFORE), _shift(dates[-1], YEARS_AFTER)
        name = bigrams(graph.node(uid)["name"])
        scored = []
        words, weight = work(uid)
        for c in _candidates(graph, uid, ended, bodies, scopes):
            # (a body superseded since, long after, its law never repealed: in force then — 國家風景區管理處組織通則
            # of 1995 for 東北角海岸風景特定區管理處, the family gone over to 觀光署 in 2023)
            if not start <= born.get(c, "") <= end or (c in ended and max(
                    (s.date for s in ended[c] if s.date), default="") <= end):
                continue
            w = duty_words.similar(words, work(c)[0], weight, work(c)[1])
            scored.append((w + name_words.shared(name, bigrams(graph.node(c)["name"])), w, c))
        scored.sort(reverse=True)
        if not scored:
            continue
        total, w, best = scored[0]
        lead = total - (scored[1][0] if len(scored) > 1 else 0.0)
        if w >= MIN_WORK and total > w and lead >= MIN_LEAD:
            out[uid] = (best, round(w, 2), round(total - w, 2))
    return out


def _work(graph):
    """The duty-word weights, and a reader of the duty words of a unit and everything below it (with
    their weight)."""
    words_of = {d["id"]: bigrams(d["text"]) for d in graph.nodes_with_label("Duty")}
    duty_words = Words(words_of.values())
    below: dict[str, tuple[set[str], float]] = {}

    def work(uid: str) -> tuple[set[str], float]:
        if uid not in below:
            words = set().union(*(words_of[d["id"]] for u in [uid, *graph.descendants(uid, depth=3)]
                                  for d, _ in graph.duties_of(u)))
            below[uid] = (words, duty_words.weight(words))
        return below[uid]
    return duty_words, work


def absorptions(graph, ended: Mapping[str, list], bodies: set[str], revised: Mapping[str, list[str]]) -> dict:
    """Ended body id -> ``(division id, work)`` for a body its current parent absorbed: a division of the
    parent (not a body of its own), in rules revised about when the body ended (a year either way), does
    its work — duties alike by at least :data:`MIN_WORK`, ahead of the parent's other divisions by
    :data:`MIN_LEAD` (財政部 › 法規委員會, repealed 2013-01-08 → 財政部 › 法制處, in 財政部處務規程 as revised
    in 2013); or, duties alike by :data:`MIN_NAMED` and closer than any other division's, the one division
    whose name begins with what the body was about (內政部 › 資訊中心 → 內政部 › 資訊服務司).
    ``revised``: unit id -> the dates of the 沿革 entries of the documents that set it up."""
    duty_words, work = _work(graph)
    out = {}
    for uid, statuses in ended.items():
        dates = sorted(s.date for s in statuses if s.date)
        parent = graph.parent(uid)
        if uid not in bodies or not dates or parent is None or parent in ended \
                or graph.node(parent)["name"] in BRANCH_HEADS or not work(uid)[1]:
            continue
        start, end = _shift(dates[-1], -1), _shift(dates[-1], 1)
        words, weight = work(uid)
        scored = sorted(((duty_words.similar(words, work(c)[0], weight, work(c)[1]), c)
                         for c in graph.children(parent)
                         if c not in ended and graph.node(c)["kind"] == "Division"
                         and any(start <= d <= end for d in revised.get(c, ()))), reverse=True)
        lead = scored[0][0] - (scored[1][0] if len(scored) > 1 else 0) if scored else 0
        if scored and scored[0][0] >= MIN_ABSORBED and lead >= MIN_LEAD \
                and _topic(graph.node(uid)["name"]) & _topic(graph.node(scored[0][1])["name"]):
            out[uid] = (scored[0][1], round(scored[0][0], 2))
        elif scored and scored[0][0] >= MIN_NAMED and _named_after(graph.node(uid)["name"], graph,
                                                                    [c for _, c in scored]) == scored[0][1]:
            out[uid] = (scored[0][1], round(scored[0][0], 2))
    return out


def _named_after(name: str, graph, divisions: list[str]) -> str | None:
    """The one division whose name begins with what ``name`` is about (資訊中心 → 資訊服務司, 役政署 →
    役政司); None when none or several do."""
    topic = "".join(ch for ch in name if ch not in _UNIT_WORDS)
    if len(topic) < 2:
        return None
    found = [c for c in divisions if graph.node(c)["name"].startswith(topic)]
    return found[0] if len(found) == 1 else None


def _topic(name: str) -> set[str]:
    """The characters of a name that say what it is about (法規委員會 → 法、規; 資訊處 → 資、訊)."""
    return set(name) - _UNIT_WORDS


def _candidates(graph, uid: str, ended: Mapping, bodies: set[str], scopes: dict[str, list[str]]) -> set[str]:
    """Current bodies within the ministry the old body's work stayed in, and the divisions of the body
    it stood in (see the module's docstring)."""
    roots, up = set(), graph.parent(uid)
    parent = up
    while up is not None:
        if up not in ended:
            roots.add(up)
        roots.update(t for t, _ in graph.out(up, EDGE))
        up = graph.parent(up)
    if _ministry(graph, uid) == uid:  # a body under a branch's head: its siblings
        within = {parent} if parent is not None and graph.node(parent)["name"] in BRANCH_HEADS else set()
    else:  # a body under a ministry stays in that ministry (or its successor)
        within = {m for r in roots if (m := _ministry(graph, r)) is not None}
    out = set()
    for s in within:
        if s not in scopes:  # the same ministry is searched for each of its old bodies: once
            levels = 1 if graph.node(s)["name"] in BRANCH_HEADS else 2
            scopes[s] = [c for c in graph.descendants(s, depth=levels) if c in bodies and (c not in ended or (
                graph.out(c, EDGE) and not _ended_by_repeal(ended[c])))]
        out.update(scopes[s])
    near = [t for t, _ in graph.out(uid, EDGE)]
    if parent is not None:
        near += [parent] if parent not in ended else [t for t, _ in graph.out(parent, EDGE)]
    for r in near:  # absorbed: a division of the body it stood in (財政部 › 法規委員會 → 法制處)
        out.update(c for c in graph.children(r) if c not in ended)
    return out - {uid} - _ancestors(graph, uid)


def _ended_by_repeal(statuses) -> bool:
    """True when some document of the body was repealed (廢): it did not go on whole under another name."""
    return any(s.state == "abolished" for s in statuses)


def _ministry(graph, uid: str) -> str | None:
    """The body right under a branch's head (行政院 › 交通部) that ``uid`` lies in; ``uid`` when it is
    one; None for a branch's head itself."""
    path = graph.node(uid)["path"]
    depth = 2 if path[0] in BRANCH_HEADS else 1
    return graph.find_unit(path[:depth]) if len(path) >= depth else None


def _ancestors(graph, uid: str) -> set[str]:
    out, up = set(), graph.parent(uid)
    while up is not None:
        out.add(up)
        up = graph.parent(up)
    return out


def _shift(date: str, years: int) -> str:
    return f"{int(date[:4]) + years:04d}{date[4:]}"
