"""Plain records that loaders return and the graph is built from.

Loaders never build graph nodes themselves: they describe what a document says
as these records, each carrying its :class:`Source`.  Records are plain data
(JSON round-trippable with :func:`to_dict` / :func:`parsed_from_dict`) so the
store can keep them per document and rebuild the graph deterministically.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields

# An item number as loaders record it: 3, 十一, 一/(二)/3 — read as "item N" in citations.
_ITEM_NUMBER = re.compile(r"^[(（]?[\d〇零一二三四五六七八九十百]+(?:$|[)）/])")

# Specific labels a unit can carry besides the common label ``Unit``.
UNIT_KINDS = ("Agency", "Division", "BranchOffice", "Section", "Team", "Committee", "Facility")


@dataclass(frozen=True)
class Source:
    """Where a fact was read: document id, 1-based line span, article and item."""

    doc: str
    line: int
    end_line: int | None = None
    article: str | None = None  # e.g. "第10-1條"
    item: str | None = None  # e.g. "一", "一/(二)/3"

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


def provenance_of(rec: dict, article: str = "", item: str = "", doc: str | None = None) -> dict:
    """:func:`provenance` of a record that keeps its source as a dict (posts, figures, procedures).

    ``article`` and ``item`` apply where the record has none of its own; ``doc`` where it names no document.
    """
    line = int(rec.get("line") or 0)
    return provenance(rec.get("doc", "") if doc is None else doc, line, int(rec.get("end_line") or line),
                      rec.get("article", article), rec.get("item", item))


def cite(prov: dict) -> str:
    """Citation of a node's or edge's provenance, e.g. ``002_af79314871040b19:9 第2條 item 2``.

    >>> cite(provenance("002", 9, article="第2條", item="2"))
    '002:9 第2條 item 2'
    """
    return Source(prov["doc"], prov["line"], prov.get("end_line"), prov.get("article") or None,
                  prov.get("item") or None).cite()


@dataclass
class Document:
    id: str
    title: str
    genre: str
    path: str = ""
    sha256: str = ""
    lines: int = 0
    # What the file says besides its text: for the open-data JSON, title, category (法規類別),
    # updated (最新異動日期, YYYYMMDD), abolished (廢止註記), history (沿革內容), nature, url.
    meta: dict = field(default_factory=dict)


@dataclass
class UnitRecord:
    """A unit the document sets up or describes.

    ``path`` is the chain of names from the top organization down to the unit,
    e.g. ``("財政部", "關務署", "基隆關", "稽查組")``; it is what makes ids stable.
    """

    path: tuple[str, ...]
    kind: str
    unit_type: str
    source: Source
    full_name: str = ""
    aliases: tuple[str, ...] = ()
    note: str = ""
    written: str = ""  # the collective or range the name was written in (第一組至第七組), when not as itself


@dataclass
class DutyRecord:
    """A duty statement assigned to a unit (or to a post of that unit)."""

    unit: tuple[str, ...]
    text: str
    source: Source
    basis: str = "explicit"  # "explicit" | "inferred"
    post: str = ""  # set when the text assigns it to a post (主任秘書) rather than a unit


@dataclass
class Unplaced:
    """A span the loader read but could not attach to the organization."""

    text: str
    source: Source
    reason: str


@dataclass
class ParsedDocument:
    document: Document
    units: list[UnitRecord] = field(default_factory=list)
    duties: list[DutyRecord] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    extras: dict = field(default_factory=dict)  # genre-specific records (posts, figures, procedures)


def to_dict(parsed: ParsedDocument) -> dict:
    """JSON-ready dict of a parsed document (what :func:`dataclasses.asdict` gives, without its
    deep copies: a national load converts 14,000 units and 58,000 duties)."""
    return plain(parsed)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value):
    """``value`` as plain data: dataclasses become dicts, recursively; lists, tuples and dicts are rebuilt.

    >>> plain(Source("doc", 3, None, "第2條")) == asdict(Source("doc", 3, None, "第2條"))
    True
    """
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    if names is not None:
        return {n: plain(getattr(value, n)) for n in names}
    if kind is list or kind is tuple:
        return kind(plain(v) for v in value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(plain(v) for v in value)
    return value


def _source(d: dict) -> Source:
    return Source(**d)


def parsed_from_dict(d: dict) -> ParsedDocument:
    """Inverse of :func:`to_dict`."""
    unit_fields = {f.name for f in fields(UnitRecord)}
    units = [
        UnitRecord(**{**{k: v for k, v in u.items() if k in unit_fields}, "path": tuple(u["path"]),
                      "aliases": tuple(u.get("aliases", ())), "source": _source(u["source"])})
        for u in d.get("units", [])
    ]
    duties = [DutyRecord(**{**x, "unit": tuple(x["unit"]), "source": _source(x["source"])}) for x in d.get("duties", [])]
    unplaced = [Unplaced(**{**x, "source": _source(x["source"])}) for x in d.get("unplaced", [])]
    return ParsedDocument(Document(**d["document"]), units, duties, unplaced, d.get("extras", {}))
