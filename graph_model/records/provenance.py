"""Provenance: where a fact was read (:class:`Source`), and how nodes and edges carry and cite it.

Its own small module so that a command that only cites (a warm ``which``) need not import
every record type.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph_model.lazy_re import lazy

# An item number as loaders record it: 3, 十一, 一/(二)/3 — read as "item N" in citations.
_ITEM_NUMBER = lazy(r"^[(（]?[\d〇零一二三四五六七八九十百]+(?:$|[)）/])")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact was read: document id, 1-based line span, article and item."""

    doc: str
    line: int
    end_line: int | None = None
    article: str | None = None  # e.g. "第10-1條"
    item: str | None = None  # e.g. "一", "一/(二)/3"

    def cite_zh(self) -> str:
        """The citation as a Chinese page shows it: ``L0010053:29 第5條第9款`` (an item of an article is a 款,
        of a list outside articles a 點; a named part keeps its name).

        >>> Source("L0010053", 29, article="第5條", item="9").cite_zh(), Source("001", 34, item="3").cite_zh()
        ('L0010053:29 第5條第9款', '001:34 第3點')
        >>> Source("001", 9, item="主要職掌 2").cite_zh(), Source("003", 12, article="第3條").cite_zh()
        ('001:9 主要職掌第2點', '003:12 第3條')
        """
        lines = f"{self.line}" if not self.end_line or self.end_line == self.line else f"{self.line}-{self.end_line}"
        where = self.article or ""
        if self.item:
            label, _, number = self.item.rpartition(" ")
            if _ITEM_NUMBER.match(number):
                number = f"第{number}{'款' if self.article and not label else '點'}"
            where += f"{label}{number}" if label else number
        return f"{self.doc}:{lines}" + (f" {where}" if where else "")

    def cite(self) -> str:
        """Human citation: ``document:line``, then the article and the item label where there are ones.

        A numbered item reads as one (``item 3``), so that a budget book's list number
        is not taken for a second line number; a named part (主要職掌, 組織系統圖) is
        shown by its name.

        >>> Source("002", 9, article="第2條", item="2").cite(), Source("001", 34, item="3").cite()
        ('002:9 第2條 item 2', '001:34 item 3')
        >>> Source("001", 8, item="主要職掌").cite(), Source("001", 104, 768, item="組織系統圖").cite()
        ('001:8 主要職掌', '001:104-768 組織系統圖')
        >>> Source("001", 9, item="主要職掌 2").cite(), Source("003", 12, article="第3條").cite()
        ('001:9 主要職掌 item 2', '003:12 第3條')
        """
        lines = f"{self.line}" if not self.end_line or self.end_line == self.line else f"{self.line}-{self.end_line}"
        parts = [f"{self.doc}:{lines}"]
        if self.article:
            parts.append(self.article)
        if self.item:
            label, _, number = self.item.rpartition(" ")
            if _ITEM_NUMBER.match(number):
                number = f"item {number}"
            parts.append(f"{label} {number}" if label else number)
        return " ".join(parts)

    def prov(self) -> dict:
        """The provenance attributes of a node or edge read here (:func:`provenance`)."""
        return provenance(self.doc, self.line, self.end_line, self.article, self.item)


def provenance(doc: str, line: int, end_line: int | None = None, article: str | None = None,
               item: str | None = None) -> dict:
    """The provenance every node and edge carries: document, line span, article and item (``""`` when none).

    >>> provenance("002", 9, article="第2條")
    {'doc': '002', 'line': 9, 'end_line': 9, 'article': '第2條', 'item': ''}
    """
    return {"doc": doc, "line": line, "end_line": end_line or line, "article": article or "", "item": item or ""}


def cite(prov: dict) -> str:
    """Citation of a node's or edge's provenance, e.g. ``002_af79314871040b19:9 第2條 item 2``.

    >>> cite(provenance("002", 9, article="第2條", item="2"))
    '002:9 第2條 item 2'
    """
    return Source(prov["doc"], prov["line"], prov.get("end_line"), prov.get("article") or None,
                  prov.get("item") or None).cite()
