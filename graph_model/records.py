"""Plain records that loaders return and the graph is built from.

Loaders never build graph nodes themselves: they describe what a document says
as these records, each carrying its :class:`Source`.  Records are plain data
(JSON round-trippable with :func:`to_dict` / :func:`parsed_from_dict`) so the
store can keep them per document and rebuild the graph deterministically.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import ClassVar

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


# ----------------------------------------------------------------------------- staffing: posts and figures
@dataclass(frozen=True)
class Rank:
    """A rank range (官等/職等) as a 「職務列…」 text states it.

    ``grade_from``/``grade_to`` are the lowest and highest 職等 named, each with the 官等
    (``class_*``) written before it (None in pre-1987 職位 texts); ``series`` the 職務 series named.
    """

    class_from: str | None
    grade_from: int | None
    class_to: str | None
    grade_to: int | None
    series: tuple[str, ...]
    text: str


@dataclass
class SubQuota:
    """「其中秘書一人得列簡任第十職等」: ``count`` of a post's people who may hold ``rank``."""

    count: int | None
    rank: Rank
    text: str


@dataclass(kw_only=True)
class PostRecord:
    """A post (職稱) of a unit and its headcount: ``min``/``max`` None when the text gives no number.

    ``concurrent`` counts the people who hold it besides another post (「由…兼任」); ``per`` names
    the unit of which every instance has it (「每一燈塔置…」); ``variant`` the class of office a
    paragraph is for (「一等工程處置…」).
    """

    kind: ClassVar[str] = "post"
    unit: tuple[str, ...]
    title: str
    min: int | None = None
    max: int | None = None
    rank: Rank | None = None
    sub_quotas: list[SubQuota] = field(default_factory=list)
    concurrent: int = 0
    per: str | None = None
    variant: str | None = None
    note: str = ""
    source: Source


@dataclass(kw_only=True)
class QuotaRule:
    """A unit's staff come out of the agency's quota (「所需工作人員，就本條例所定員額內派充之」): a note."""

    kind: ClassVar[str] = "quota_rule"
    unit: tuple[str, ...]
    note: str
    source: Source


@dataclass(kw_only=True)
class StatutoryTotal:
    """A stated total of pooled posts (「…等計五百七十二人」)."""

    kind: ClassVar[str] = "total"
    unit: tuple[str, ...]
    variant: str | None
    min: int | None
    max: int | None
    titles: tuple[str, ...]
    note: str = ""
    source: Source


# What ``extras["posts"]`` holds, by the ``kind`` each record is stored with.
StaffingRecord = PostRecord | QuotaRule | StatutoryTotal
STAFFING_KINDS: dict[str, type] = {c.kind: c for c in (PostRecord, QuotaRule, StatutoryTotal)}


@dataclass(kw_only=True)
class HeadcountRecord:
    """A headcount figure of a budget book: one staffing-table cell or one figure of its 員額 sentence.

    ``kind`` is budget, statutory or change (which alone has ``from_year``); ``scope`` tells the
    agency's own staff (own) from the agency with everything under it (group); ``origin`` is
    table or text.
    """

    agency: tuple[str, ...]
    scope: str
    year: int | None
    from_year: int | None = None
    category: str
    value: int | None
    kind: str
    origin: str
    table: str
    row: str
    source: Source


@dataclass
class ParsedDocument:
    document: Document
    units: list[UnitRecord] = field(default_factory=list)
    duties: list[DutyRecord] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    extras: dict = field(default_factory=dict)  # genre-specific records not typed yet (procedures)
    agency: tuple[str, ...] = ()  # the organization an act or office rules is about
    headcounts: list[HeadcountRecord] = field(default_factory=list)
    posts: list[StaffingRecord] = field(default_factory=list)


def to_dict(parsed: ParsedDocument) -> dict:
    """JSON-ready dict of a parsed document (what :func:`dataclasses.asdict` gives, without its
    deep copies: a national load converts 14,000 units and 58,000 duties).

    The typed staffing fields are kept under ``"extras"`` (``agency``, ``headcounts``, ``posts``),
    each only when it holds something, as the store has always had them.
    """
    extras = {}
    if parsed.agency:
        extras["agency"] = list(parsed.agency)
    if parsed.headcounts:
        extras["headcounts"] = [_figure_dict(f) for f in parsed.headcounts]
    if parsed.posts:
        extras["posts"] = [{"kind": r.kind, **plain(r)} for r in parsed.posts]
    return {"document": plain(parsed.document), "units": plain(parsed.units), "duties": plain(parsed.duties),
            "unplaced": plain(parsed.unplaced), "extras": {**extras, **plain(parsed.extras)}}


def _figure_dict(f: HeadcountRecord) -> dict:
    d = plain(f)
    if f.from_year is None:  # only a change figure has one
        del d["from_year"]
    return d


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
    extras = dict(d.get("extras", {}))
    agency = tuple(extras.pop("agency", ()))
    headcounts = [HeadcountRecord(**{**x, "agency": tuple(x["agency"]), "source": _source(x["source"])})
                  for x in extras.pop("headcounts", [])]
    posts = [_staffing_record(x) for x in extras.pop("posts", [])]
    return ParsedDocument(Document(**d["document"]), units, duties, unplaced, extras, agency, headcounts, posts)


def rank_from_dict(d: dict | None) -> Rank | None:
    """A :class:`Rank` from its dict (as the store and a ``Post`` node's ``sub_quotas`` keep it)."""
    return None if d is None else Rank(**{**d, "series": tuple(d["series"])})


def _staffing_record(d: dict) -> StaffingRecord:
    """A record of ``extras["posts"]`` from its dict (a ``kind`` it does not know is a KeyError)."""
    cls = STAFFING_KINDS[d["kind"]]
    x = {k: v for k, v in d.items() if k != "kind"}
    x.update(unit=tuple(x["unit"]), source=_source(x["source"]))
    if cls is PostRecord:
        x.update(rank=rank_from_dict(x["rank"]),
                 sub_quotas=[SubQuota(q["count"], rank_from_dict(q["rank"]), q["text"]) for q in x["sub_quotas"]])
    elif cls is StatutoryTotal:
        x["titles"] = tuple(x["titles"])
    return cls(**x)
