"""A body set up for the same work: the purpose clause of an act says what a body is for (交通部公路總局西部濱海
公路北區臨時工程處暫行組織規程 第1條 「交通部公路總局為辦理西部濱海公路新闢及整建工程之設計施工、審核、督導、監造、
交通工程之策劃及設置事項，特設西部濱海公路北區臨時工程處」); a body set up as it ended whose act gives the same
purpose, its place aside (交通部公路局各區公路新建工程分局組織準則 第1條 「交通部公路局為辦理公路新闢與整建工程之
設計施工、…交通工程之策劃及設置事項，特設各區公路新建工程分局」), carried its work on.

Its twin — the body of the same name but the quarter (南區 for 北區), which ended the same day, with no purpose clause
of its own (南區臨時工程處 has only 辦事細則) — went where it went when that is a family of such places (各區…).
"""
from __future__ import annotations

from collections.abc import Mapping
from difflib import SequenceMatcher

from .lineage import PURPOSE, Status, history_entries, roc_date
from .members import _waiting, took_effect
from .succession_edges import EDGE, FAMILY, MOVE_DAYS, _agencies_of_documents, _days, _end, _replace_successor

# Two purposes are one work when this much of them is alike (西濱's and 各區公路新建工程分局's, 0.92; 蘇花公路改善
# 工程處's, 「蘇花公路山區路段改善工程之設計施工…」, and 各區公路新建工程分局's, 0.83).
SAME_WORK = 0.9
# The quarters that tell twins apart (北區, 南區).
_QUARTERS = frozenset("東西南北中")


def set_up_for_its_work(graph, ended: Mapping, docs) -> None:
    """See the module's docstring."""
    about = _agencies_of_documents(graph.units())
    purposes: dict[str, tuple[str, str, str]] = {}  # body -> (its work, the sentence, where)
    began: dict[str, set[str]] = {}  # body -> the days its rules were made and took effect
    for p in docs:
        body = about.get(p.document.id)
        if body is None:
            continue
        history = p.document.meta.get("history", "")
        # (made 2023-10-04, in force from 2023-09-15: 「…令訂定發布全文 5 條；並自一百十二年九月十五日施行」)
        began.setdefault(body, set()).update(filter(None, (took_effect(history),
                                                           roc_date((history_entries(history) or [""])[0]))))
        name = graph.node(body)["name"]
        for line, article, sentence in p.document.meta.get("clauses", ()):
            m = PURPOSE.search(sentence)
            if m and m["name"].removeprefix("各") == name.removeprefix("各") and body not in purposes:
                purposes[body] = (m["work"], sentence, f"{p.document.id} line {line} {article}".rstrip())
    for uid in _waiting(graph, ended):
        if uid not in purposes or not (end := _end(ended[uid])):
            continue
        work = purposes[uid][0]
        found = [b for b, (other, _, _) in purposes.items()
                 if b != uid and (b not in ended or _end(ended[b]) > end)
                 and any(_days(day, end) <= MOVE_DAYS for day in began.get(b, ()))
                 and SequenceMatcher(None, work, other).ratio() >= SAME_WORK]
        if len(found) != 1:
            continue
        target = found[0]
        _, sentence, where = purposes[target]
        said = Status(where.split(" ")[0], "superseded", (graph.node(target)["name"],), min(began[target]), sentence,
                      where)
        _replace_successor(graph, uid, target, f"set up for its work: 「{sentence}」", said)
        if FAMILY.match(graph.node(target)["name"]):
            for twin in _twins(graph, ended, uid):
                _replace_successor(graph, twin, target, f"its twin {graph.node(uid)['name']}'s work went to "
                                                        f"{graph.node(target)['name']}, a family of places", said)


def _twins(graph, ended: Mapping, uid: str) -> list[str]:
    """The bodies with no successor beside ``uid`` that ended the same day, named as it is but the quarter."""
    name, parent, end = graph.node(uid)["name"], graph.parent(uid), _end(ended[uid])
    return [t for t in _waiting(graph, ended) if t != uid and graph.parent(t) == parent and _end(ended[t]) == end
            and _but_the_quarter(name, graph.node(t)["name"]) and not graph.out(t, EDGE)]


def _but_the_quarter(a: str, b: str) -> bool:
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return len(a) == len(b) and len(differ) == 1 and set(differ[0]) <= _QUARTERS
