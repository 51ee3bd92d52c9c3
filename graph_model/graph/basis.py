"""A law made under an article of another that no longer applies stopped applying with it.

A common act (組織通則) names the article of the parent's act it was made under (內政部消防署港務消防隊組織通則 第1條:
「本通則依內政部消防署組織條例第十一條規定制定之」, that article 「本署視業務需要，得設…各港務消防隊…；其組織，以法律
定之」).  When that act was itself superseded (內政部消防署組織法, in force from 2023-09-20, sets up no 港務消防隊)
the law made under it lost its basis, though the database never marked it 廢: it ended then, and what became of its
bodies is for the graph's rules to find (the day the new act took effect, 消防署 set up its 港務消防大隊).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph_model.lazy_re import lazy

# 「本通則依內政部消防署組織條例第十一條規定制定之」: the law, and the article, it was made under.
BASIS = lazy(r"本(?:通則|細則|規程|準則|條例|規則|法)依(?P<act>[^，。；「」第]{4,40}?)第[一二三四五六七八九十百]+條"
             r"(?:第[一二三四五六七八九十]+項)?(?:之規定|規定)?(?:制定|訂定)之")


def basis_ended(corpus: Any, out: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    """The documents in force made under an act whose every document of that title a newer act superseded (see the
    module's docstring), each ``(document, date, evidence, where)``: it ended when that act did, with no successor
    of its own.  ``corpus`` and ``out`` are lineage's (its documents, and each one's status so far)."""
    by_title: dict[str, list[str]] = {}
    for p in corpus.docs:
        by_title.setdefault(p.document.title, []).append(p.document.id)
    ended = []
    for p in corpus.live:
        if out[p.document.id].state != "current":
            continue
        for line, article, sentence in p.document.meta.get("clauses", ()):
            m = BASIS.search(sentence)
            basis = [out[d] for d in by_title.get(m["act"], ()) if d != p.document.id] if m else []
            if m and basis and all(s.state == "superseded" for s in basis):
                s = max(basis, key=lambda s: s.date)
                ended.append((p.document.id, s.date, f"{sentence}；{m['act']}: {s.evidence}",
                              f"{p.document.id} line {line} {article}".rstrip()))
                break
    return ended
