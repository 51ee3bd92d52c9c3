"""A body carried on by a sibling whose duties name its work: a body that ended with no successor under a parent
in force, whose name less the word for what it is says what it did (外交部外交領事人員講習所 → 外交領事人員講習),
where one duty of one other body in force under that parent names that work — its beginning, then its last two
characters, the work done (外交部外交及國際事務學院組織法 第2條 「一、新進外交領事人員、外交行政人員培訓講習之規劃
及執行」): that body carries it on.  The words decide, not when the bodies were set up: the 學院 took the work over
in 2012, the 講習所's act was repealed in 2022.  Not under a parent that ended: its heir's families name the work of
all its bodies (職業訓練局 › 技能檢定委員會 is not 勞動力發展署 › 各分署's, 「技能檢定」 one of their duties).
"""
from __future__ import annotations

from collections.abc import Mapping

from .members import _waiting
from .succession_edges import _BODY_WORD, AGENCY_KINDS, KIND_ENDING, _one_duty_holder

# The last characters of a body's work that say what is done (講習, 調查, 檢驗): they follow the rest in the duty.
DONE_CHARS = 2


def names_the_work(work: str, duty: str) -> bool:
    """True when ``duty`` names ``work``: its beginning, then its last :data:`DONE_CHARS` characters after it (外交領事
    人員講習: 「新進外交領事人員、外交行政人員培訓講習之規劃及執行」)."""
    at = duty.find(work[:-DONE_CHARS])
    return at >= 0 and work[-DONE_CHARS:] in duty[at + len(work) - DONE_CHARS:]


def carried_on_by_sibling(graph, ended: Mapping) -> None:
    """See the module's docstring."""
    for uid in _waiting(graph, ended):
        node, parent = graph.node(uid), graph.parent(uid)
        work = _BODY_WORD.sub("", node["name"])
        # (in force by the end: 大陸委員會, whose 組織條例 its 組織法 replaced, is one body)
        if parent is None or graph.node(parent).get("status", "current") != "current" or work == node["name"] \
                or len(work) < KIND_ENDING:
            continue
        found: dict[str, tuple[dict, dict]] = {}
        for c in graph.children(parent):
            if c == uid or c in ended or graph.node(c)["kind"] not in AGENCY_KINDS:
                continue
            duty = next(((d, e) for d, e in graph.duties_of(c) if names_the_work(work, d["text"])), None)
            if duty is not None:
                found[c] = duty
        _one_duty_holder(graph, uid, found, f"a duty of {{name}} names its work, {work}")
