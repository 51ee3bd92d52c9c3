"""Labels of civil-service rank ranges (官等/職等), shared by the loaders and the graph.

Light on purpose (no networkx): the loaders import it.
"""
from __future__ import annotations

import re


def rank_label(rank: dict | None) -> str:
    """Short label of a rank range, e.g. ``簡任11–12`` or ``薦任9–簡任10`` or ``第8–12職等``.

    >>> rank_label({"class_from": "薦任", "grade_from": 9, "class_to": "簡任", "grade_to": 10, "series": [], "text": ""})
    '薦任9–簡任10'
    >>> rank_label({"class_from": "簡任", "grade_from": 13, "class_to": "簡任", "grade_to": 13, "series": ["警監"], "text": "簡任第十三職等或警監"})
    '簡任13 或 警監'
    """
    if not rank:
        return ""
    a, b = rank.get("grade_from"), rank.get("grade_to")
    ca, cb = rank.get("class_from") or "", rank.get("class_to") or ""
    if a is None:
        label = ""
    elif not ca and not cb:
        label = f"第{a}職等" if a == b else f"第{a}–{b}職等"
    elif a == b:
        label = f"{ca}{a}"
    else:
        label = f"{ca}{a}–{'' if cb == ca else cb}{b}"
    police = [s for s in rank.get("series", []) if s.startswith("警")]
    if police:
        ranged = re.search(r"警[監正佐]至警[監正佐]", rank["text"])
        label = " 或 ".join(x for x in (label, "至".join(police) if ranged else "/".join(police)) if x)
    if "資位" in rank.get("series", []):
        label = " 或 ".join(x for x in ("資位", label) if x)
    return label
