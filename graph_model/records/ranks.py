"""Labels of civil-service rank ranges (官等/職等), for the graph and the queries.

Light on purpose (no networkx).
"""
from __future__ import annotations

import re

from .records import Rank


def rank_label(rank: Rank | None) -> str:
    """Short label of a rank range, e.g. ``簡任11–12`` or ``薦任9–簡任10`` or ``第8–12職等``.

    >>> rank_label(Rank("薦任", 9, "簡任", 10, (), ""))
    '薦任9–簡任10'
    >>> rank_label(Rank("簡任", 13, "簡任", 13, ("警監",), "簡任第十三職等或警監"))
    '簡任13 或 警監'
    """
    if not rank:
        return ""
    a, b = rank.grade_from, rank.grade_to
    ca, cb = rank.class_from or "", rank.class_to or ""
    if a is None:
        label = ""
    elif not ca and not cb:
        label = f"第{a}職等" if a == b else f"第{a}–{b}職等"
    elif a == b:
        label = f"{ca}{a}"
    else:
        label = f"{ca}{a}–{'' if cb == ca else cb}{b}"
    police = [s for s in rank.series if s.startswith("警")]
    if police:
        ranged = re.search(r"警[監正佐]至警[監正佐]", rank.text)
        label = " 或 ".join(x for x in (label, "至".join(police) if ranged else "/".join(police)) if x)
    if "資位" in rank.series:
        label = " 或 ".join(x for x in ("資位", label) if x)
    return label
