"""Successors of bodies corporatised: a business body (事業管理處) that ended with no successor, beside a company
(股份有限公司) under the same parent whose name is its own with 股份有限公司 for its rank, set up before it ended
(行政院國軍退除役官兵輔導委員會 › 榮民工程事業管理處, 「為輔導退除役官兵承辦各項建設工程…設置榮民工程事業管理處」,
its rules repealed only in 2018 → 榮民工程股份有限公司, whose rules took effect in 1998: 「本公司依公司章程第二條
經營業務範圍承辦各項建設工程及相關業務」): the company carried it on.  A company named otherwise (臺鐵 → 國營臺灣
鐵路股份有限公司, not in the corpus) is not guessed.
"""
from __future__ import annotations

from collections.abc import Mapping

from .members import _born, _waiting, took_effect
from .succession_edges import KIND_ENDING, _end, _replace_successor, _topic_chars

COMPANY = "股份有限公司"


def corporatised(graph, ended: Mapping, docs) -> None:
    """See the module's docstring."""
    born = _born(graph, {p.document.id: took_effect(p.document.meta.get("history", "")) for p in docs})
    for uid in _waiting(graph, ended):
        end, parent, name = _end(ended[uid]), graph.parent(uid), graph.node(uid)["name"]
        if not end or parent is None:
            continue
        found = []
        for c in graph.children(parent):
            other = graph.node(c)["name"]
            stem = other.removesuffix(COMPANY)
            # the company's name is the body's but its rank: what the body is about, whole (榮民工程)
            if other.endswith(COMPANY) and c not in ended and len(_topic_chars(stem)) >= KIND_ENDING \
                    and name.startswith(stem) and born.get(c, "9999") <= end:
                found.append(c)
        if len(found) == 1:
            _replace_successor(graph, uid, found[0], f"corporatised: {graph.node(found[0])['name']}, its name but "
                                                     f"the rank, set up {born[found[0]]} beside it")
