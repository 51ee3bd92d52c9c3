"""The corpus's own definitions as vocabulary: a question saying 國發會 reads as the documents define it.

Every document records the short forms it defines (:func:`loaders.common.definitions_in`; the graph
keeps them on the document's node).  Across the loaded documents, what a short form is decides what
it does (:func:`read_definitions`):

- nothing, when it is only a part of what it stands for: the document's generic word for what it has
  just named (園區 for 產業園區與科技產業園區, 管理處 for 交通部觀光署各國家風景區管理處), or a
  self-reference (本中心), which the loader never records;
- the name of a unit, when what it stands for is a unit's name (輔導會 for 國軍退除役官兵輔導委員會, 甄審會
  for 交通事業人員升資甄審委員會): a question naming it is scoped to that unit as one naming an agency is;
- vocabulary, when it stands for a term (身障者 for 身心障礙者, 技專校院 for 科技大學、技術學院、專科學校), for a
  kind of body many units are (訴願會 for 訴願審議委員會) or is a unit's name of two characters (港警 for
  港務警察總隊: too short to scope a question safely), and is made of that term's characters: a question
  saying it is also asked in the documents' long words.  A short form made of other characters (軍人
  for 軍官、士官、士兵) is a label of the one document, not a word planners use.

>>> from queries.lookup.rows import IndexUnit
>>> units = [IndexUnit("行政院/交通部/交通事業人員升資甄審委員會", "交通事業人員升資甄審委員會",
...                    ["行政院", "交通部", "交通事業人員升資甄審委員會"], "Committee", "委員會", "", [])]
>>> rows = [["甄審會", "交通事業人員升資甄審委員會", "S0000016", 6], ["身障者", "身心障礙者", "D1", 3],
...         ["園區", "產業園區與科技產業園區", "J0000108", 26], ["軍人", "軍官、士官、士兵", "F0010069", 20]]
>>> names, terms = read_definitions(rows, units)
>>> names
{'甄審會': (['行政院/交通部/交通事業人員升資甄審委員會'], 'defined at S0000016:6 for 交通事業人員升資甄審委員會')}
>>> [(t.short, t.full, t.source) for t in terms]
[('身障者', ('身心障礙者',), 'D1:3')]
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from queries.textnorm import fold

from .rows import IndexUnit

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

MAX_UNITS = 3  # a name more units share names a kind of body, not one: as a catalog name (queries.lookup.vocabulary)
MAX_MEANINGS = 3  # long forms kept for one short form defined apart in several documents
# A question names a unit with three characters or more, as queries.lookup.ask reads it: two are found inside
# other words (央行 in 中央行政).
MIN_NAME = 3
# What may come before a unit's name in what a short form stands for: 各 (a family), 該, 原 (the former
# name), 所屬 and 之 between the names of the unit and of a body above it.
_LINKS = re.compile(r"各|該|原|所屬|之|及其|與其")
_LEADING_LINKS = re.compile(r"^(?:各|該|原|之)+(?=..)")


@dataclass(frozen=True)
class Term:
    """A short form (folded) and the long forms the documents define it for (folded), with the definitions
    as written and where they are (``doc:line``)."""

    short: str
    full: tuple[str, ...]
    written: str
    source: str


def graph_definitions(graph: OrgGraph) -> list[list]:
    """``[short, full, doc, line]`` of every definition the documents of ``graph`` hold, in document order."""
    nodes = sorted(graph.nodes_with_label("Document"), key=lambda n: n["id"])
    return [row for node in nodes for row in definition_rows(node["id"], node.get("definitions"))]


def definition_rows(node_id: str, kept) -> list[list]:
    """``[short, full, doc, line]`` of the definitions a Document node keeps (``[short, full, line, article]``
    each, :func:`graph_model.graph.graph.build_definitions`; as JSON text in Neo4j)."""
    if isinstance(kept, str):
        kept = json.loads(kept)
    return [[short, full, node_id.removeprefix("doc:"), line] for short, full, line, *_ in kept or ()]


def _content(text: str) -> str:
    return "".join(text.split())


def _unit_keys(units: Sequence[IndexUnit], triggers=None) -> dict[str, list[int]]:
    """Folded names, full names and aliases of units (blanks taken out) -> positions in ``units``."""
    keys: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        for name in {u.name, u.full_name, *u.aliases} - {""}:
            if not name.startswith("本"):
                found = keys.setdefault(_content(fold(name, triggers)), [])
                if i not in found:
                    found.append(i)
    return keys


def units_called(full: str, units: Sequence[IndexUnit], keys: dict[str, list[int]]) -> list[int]:
    """The units ``full`` (folded, no blanks) names: those whose name, full name or alias is the longest
    ending of it that is one, when what comes before is only names of units above them and link words
    (交通部所屬交通事業人員升資甄審委員會, 各老人身心障礙兒童及少年福利機構)."""
    for start in range(len(full) - 1):
        found = keys.get(full[start:])
        if not found:
            continue
        before = full[:start]
        return [i for i in found if not _LINKS.sub("", _without(before, units[i].path[:-1]))]
    return []


def _without(text: str, names: Iterable[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(_content(fold(name)), "")
    return text


def read_definitions(rows: Iterable[Sequence], units: Sequence[IndexUnit], triggers=None
                     ) -> tuple[dict[str, tuple[list[str], str]], list[Term]]:
    """``(names, vocabulary)`` of the definitions ``rows`` (``[short, full, doc, line]``, as
    :func:`graph_definitions` gives them) over the index's unit rows ``units``: folded short name ->
    ``(unit ids, how it is known)`` for units, and the :class:`Term` of the others (see the module)."""
    keys = _unit_keys(units, triggers)
    names: dict[str, tuple[list[str], str]] = {}
    meanings: dict[str, list[tuple[str, str, str]]] = {}  # short -> (full as written, folded, source)
    for short_written, full_written, doc, line in rows:
        short, full = _content(fold(short_written, triggers)), fold(full_written, triggers).strip()
        whole = _content(full)
        if len(short) < 2 or short in whole:
            continue  # a part of what it stands for: the document's generic word (園區, 管理處)
        found = units_called(whole, units, keys)
        if found and len(found) <= MAX_UNITS and len(short) >= MIN_NAME:
            ids, how = names.get(short, ([], f"defined at {doc}:{line} for {full_written}"))
            names[short] = (ids + [units[i].id for i in found if units[i].id not in ids], how)
        elif set(short) <= set(whole):
            full = _LEADING_LINKS.sub("", full)
            meanings.setdefault(short, [])
            if all(m[1] != full for m in meanings[short]):
                meanings[short].append((full_written, full, f"{doc}:{line}"))
    names = {k: v for k, v in names.items() if len(v[0]) <= MAX_UNITS}
    terms = []
    for short, defined in meanings.items():
        if short not in names:
            defined = defined[:MAX_MEANINGS]
            terms.append(Term(short, tuple(f for _, f, _ in defined),
                              "; ".join(f"「{written}（{short}）」" for written, _, _ in defined),
                              ", ".join(src for *_, src in defined)))
    return names, terms
