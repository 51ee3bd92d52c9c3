"""The rows of the lookup index (:class:`queries.lookup.search.Index`): units, texts and their handlers.

They are tuples, so that the index files keep them as JSON arrays (:mod:`queries.lookup.index_file`);
:func:`unit_row` and :func:`text_row` read them back, and refuse any other shape.

>>> text_row(["duty", "d1", "印信管理", "印信管理", 1.0, [], [[0, "001", 12, "", "", "", ""]], -1, ""]).handlers[0].line
12
>>> text_row(["duty", "d1"])
Traceback (most recent call last):
ValueError: a text row of the wrong shape (['duty', 'd1'])
"""
from __future__ import annotations

from typing import NamedTuple


class IndexUnit(NamedTuple):
    """A unit the index can answer with."""

    id: str
    name: str
    path: list[str]  # names from the top down, its own last
    kind: str  # Agency, Division, Section …
    unit_type: str  # 組, 科, 分關 …
    full_name: str
    aliases: list[str]
    status: str = ""  # what became of a unit that is history (with --all; graph_model.graph.succession.note)


class IndexHandler(NamedTuple):
    """A unit handling a text, and where the documents say so."""

    unit: int  # position in the index's units
    doc: str
    line: int
    article: str
    item: str
    post: str  # a post of the unit holding it (主任秘書)
    role: str  # the unit's role where the text is a procedure's (核辦, 審核 …); INFERRED for a duty the loader
    # gave the unit by its name, not by the document's words (queries.entries.duty_entries)


class IndexText(NamedTuple):
    """A piece of text the index matches (an *entry*: a duty, a unit's name, a procedure's step …)."""

    kind: str
    ref: str
    text: str
    key: str  # the text folded (queries.textnorm.fold)
    prior: float  # below 1 for catch-all and residual duties
    flags: list[str]
    handlers: list[IndexHandler]
    clause: int  # where its catch-all or residual clause begins (search.clause_start), -1 for none
    context: str  # procedures: "step 2 of <title>" …


def _shaped(row, fields: tuple[str, ...], what: str) -> list:
    if not isinstance(row, list) or len(row) != len(fields):
        raise ValueError(f"a {what} row of the wrong shape ({str(row)[:40]})")
    return row


def unit_row(row) -> IndexUnit:
    """The unit of a row as JSON gives it back (a list); :class:`ValueError` for any other shape."""
    return IndexUnit(*_shaped(row, IndexUnit._fields, "unit"))


def text_row(row) -> IndexText:
    """The text of a row as JSON gives it back, its handlers too; :class:`ValueError` for any other shape."""
    text = IndexText(*_shaped(row, IndexText._fields, "text"))
    if not isinstance(text.handlers, list):
        raise ValueError(f"a text row of the wrong shape ({str(row)[:40]})")
    return text._replace(handlers=[IndexHandler(*_shaped(h, IndexHandler._fields, "handler")) for h in text.handlers])
