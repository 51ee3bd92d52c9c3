"""CSV tables for spreadsheets: ``duties`` (one row per unit and duty it handles, with the
source) or ``units`` (one row per unit).  ``parent`` is the unit's parent in the graph (also for
the root of a sub-tree); ``depth`` counts the levels above the unit (0 for a top organization).

The text starts with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8
rather than the local code page (without it Chinese comes out garbled); rows end in CRLF
as RFC 4180 says.  A text cell that a spreadsheet would run as a formula (it begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, the
spreadsheets' own mark for "text": a name in a document must not become a command.

>>> import csv
>>> from graph_model.store.store import open_store
>>> from queries.export.scope import scope
>>> text = table(scope(open_store("/x/s.json").graph(), "基隆關/稽查組"))
>>> rows = list(csv.DictReader(text.lstrip("\\ufeff").splitlines()))
>>> rows[0]["unit"], rows[0]["duty"], rows[0]["line"], rows[0]["item"]
('稽查組', '進口、出口及轉運及轉口貨櫃（物）之抽核與儀器檢查', '34', '3')
"""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from graph_model.records.ids import document_id

from .scope import Scope

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

TABLES = ("duties", "units")
BOM = "\ufeff"
DUTY_COLUMNS = ("unit_id", "unit", "unit_type", "kind", "parent", "duty", "article", "item", "post",
                "document", "document_title", "line")
UNIT_COLUMNS = ("unit_id", "unit", "full_name", "unit_type", "kind", "parent", "depth", "duties",
                "article", "item", "document", "document_title", "line")


def _title(graph: OrgGraph, doc: str) -> str:
    node = graph.get(document_id(doc))
    return node["title"] if node else ""


def duty_rows(s: Scope):
    g = s.graph
    for uid, did, e in s.handles:
        u = g.node(uid)
        yield (uid, u["name"], u["unit_type"], u["kind"], g.parent(uid) or "", g.node(did)["text"],
               e.get("article") or "", e.get("item") or "", e.get("post") or "", e["doc"], _title(g, e["doc"]),
               e["line"])


def unit_rows(s: Scope):
    g = s.graph
    counts: dict[str, int] = {}
    for uid, _, _ in s.handles:
        counts[uid] = counts.get(uid, 0) + 1
    for uid in s.units:
        u = g.node(uid)
        yield (uid, u["name"], u["full_name"], u["unit_type"], u["kind"], g.parent(uid) or "", len(u["path"]) - 1,
               counts.get(uid, 0), u.get("article") or "", u.get("item") or "", u["doc"], _title(g, u["doc"]),
               u["line"])


def table(s: Scope, which: str = "duties") -> str:
    """The ``duties`` or ``units`` table of the scope as CSV text (with a BOM)."""
    columns, rows = (DUTY_COLUMNS, duty_rows(s)) if which == "duties" else (UNIT_COLUMNS, unit_rows(s))
    buf = io.StringIO()
    writer = csv.writer(buf)  # quotes fields holding commas, quotes or newlines
    writer.writerow(columns)
    writer.writerows([_inert(v) for v in row] for row in rows)
    return BOM + buf.getvalue()


def _inert(value):
    """``value``, with text that would start a formula marked as text.

    >>> _inert("=SUM(A1:A9)"), _inert("文書"), _inert(34)
    ("'=SUM(A1:A9)", '文書', 34)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
