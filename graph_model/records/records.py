"""Plain records that loaders return and the graph is built from.

Loaders never build graph nodes themselves: they describe what a document says
as these records, each carrying its :class:`Source`.  Records are plain data
(JSON round-trippable with :func:`to_dict` / :func:`parsed_from_dict`) so the
store can keep them per document and rebuild the graph deterministically.
"""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, overload

from .provenance import Source

# Specific labels a unit can carry besides the common label ``Unit``.
UNIT_KINDS = ("Agency", "Division", "BranchOffice", "Section", "Team", "Committee", "Facility")


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


@dataclass(slots=True)
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


@dataclass(slots=True)
class DutyRecord:
    """A duty statement assigned to a unit (or to a post of that unit)."""

    unit: tuple[str, ...]
    text: str
    source: Source
    basis: str = "explicit"  # "explicit" | "inferred"
    post: str = ""  # set when the text assigns it to a post (主任秘書) rather than a unit


@dataclass(slots=True)
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


# The staff categories of a budget book's staffing table (預算員額表), in the order the books give them, totals last.
HEADCOUNT_CATEGORIES = ("職員", "警察", "法警", "駐衛警察", "駐衛警", "駐外", "技工", "工友", "駕駛", "聘用",
                        "約聘", "約僱", "聘僱", "合計", "總計")


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
    value: int | None  # None: a statutory total stated as a range
    kind: str
    origin: str
    table: str
    row: str
    source: Source


@dataclass
class DefinitionRecord:
    """A short form the document defines for what it names at length: 「國家發展委員會（以下簡稱國發會）」
    defines ``short`` 國發會 for ``full`` 國家發展委員會 (self-references such as 本會 are not recorded)."""

    short: str
    full: str
    source: Source


@dataclass
class MeetingRecord:
    """A meeting (會議, 會報) a unit holds, as the text sets it up: 「本院定期舉行軍事審判官會議，決定下列事項：」.

    A collegial body of its ``holder`` (the agency or a unit of it), not a unit of the organisation chart: the
    hand-checked samples list meetings as "not units", so nothing that counts units counts it. ``members`` and
    ``schedule`` are the clauses that set it up, as written; ``matters`` what it decides or reviews, its duties
    (each a :class:`DutyRecord` whose ``unit`` is the holder)."""

    holder: tuple[str, ...]
    name: str
    source: Source
    members: str = ""
    schedule: str = ""
    matters: list[DutyRecord] = field(default_factory=list)


@dataclass
class ParsedDocument:
    document: Document
    units: list[UnitRecord] = field(default_factory=list)
    duties: list[DutyRecord] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    agency: tuple[str, ...] = ()  # the organization an act or office rules is about
    headcounts: list[HeadcountRecord] = field(default_factory=list)
    posts: list[StaffingRecord] = field(default_factory=list)
    procedures: list[ProcedureRecord] = field(default_factory=list)
    definitions: list[DefinitionRecord] = field(default_factory=list)
    meetings: list[MeetingRecord] = field(default_factory=list)


# --------------------------------------------------------------------------- procedures and rules
# A procedure of a procedures document (作業程序), or a rule of office rules (kind "rule": 展期, 處理時限 …),
# with its parts.  Parts keep their line span in a Source whose doc is the procedure's; the JSON form is the
# flat one the store has always kept (doc, line, end_line and, where a part has them, article and item).
@dataclass(frozen=True)
class Actor:
    """A unit acting in a step or a note, and its role there (核辦, 審核 …)."""

    unit: tuple[str, ...]
    role: str
    basis: str = "explicit"  # "explicit" | "inferred" (named only by a generic word such as 人事單位)


@dataclass(frozen=True)
class UnitRole:
    """A unit responsible for a procedure: its role, the post acting (處長) and the step it acts in."""

    unit: tuple[str, ...]
    role: str
    source: Source
    basis: str = "explicit"
    post: str = ""
    step: int | None = None  # the step's number; None for the whole procedure


@dataclass(frozen=True)
class NamedUnit:
    """A unit a procedure names without giving it a role."""

    unit: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class LawRef:
    """A law or rule of 法令依據."""

    name: str
    source: Source
    article: str = ""  # of the law (第19點), also where the procedure's citation points
    issuer: str = ""
    listed: str = ""  # the line as written


@dataclass
class FormRef:
    """A form of 使用表格; ``also_written``: other names of it, ``lines``: every line naming it."""

    name: str
    source: Source
    note: str = ""
    also_written: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class FlowEdge:
    """An arrow of the flow between two steps (by number); ``label``: its condition (是/否 …)."""

    from_step: int
    to_step: int
    source: Source
    label: str = ""


@dataclass(frozen=True)
class TimeLimit:
    """作業時間 as written, with the most and the fewest days it states."""

    text: str
    source: Source
    days: int | None = None
    min_days: int | None = None


@dataclass
class ProcedureNote:
    """A note (作業注意事項, 備註, a rule's lead …) at its list level; ``kind`` is "note" or "remark"."""

    text: str
    source: Source
    marker: str = ""
    level: int = 0
    kind: str = "note"
    section: str | None = "notes"  # None: a remark before the first section
    actors: list[Actor] | None = None  # None: not looked for (the lead of a rule)


@dataclass(frozen=True)
class ClauseTerms:
    """What a rule's clause settles: the posts that decide (``deciders``), and the days or hours it states."""

    deciders: tuple[str, ...] = ()
    days: int | None = None
    min_days: int | None = None
    max_days: int | None = None
    hours: int | None = None


@dataclass
class StepRecord:
    """A step (``n`` from 1) of a procedure's flow, or a clause of a rule (with its ``terms``)."""

    n: int
    text: str
    source: Source
    id: str = ""
    branch: str = ""
    shape: str = "box"  # box, decision, hexagon, circle …
    key: str = ""  # a mermaid box's own key (A, Step1 …)
    notes: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    unit_only: bool = False  # the box only names who acts (a swim-lane label)
    terms: ClauseTerms | None = None  # a rule's clause only


@dataclass
class ProcedureRecord:
    """A procedure (kind "procedure") or a rule of office rules (kind "rule", whose source has its article)."""

    id: str
    kind: str
    title: str
    source: Source
    agency: tuple[str, ...]
    title_as_written: str = ""
    qualifier: str = ""
    chapter: str | None = None  # a rule's chapter (文書處理)
    laws: list[LawRef] = field(default_factory=list)
    steps: list[StepRecord] = field(default_factory=list)
    flow: list[FlowEdge] = field(default_factory=list)
    flow_note: str = ""
    has_flow_section: bool = False
    time: TimeLimit | None = None
    notes: list[ProcedureNote] = field(default_factory=list)
    forms: list[FormRef] = field(default_factory=list)
    forms_note: str = ""
    units: list[UnitRole] = field(default_factory=list)
    named: list[NamedUnit] = field(default_factory=list)


def _at(src: Source) -> dict:
    """A part's Source as its JSON keys (the document is the procedure's)."""
    d: dict[str, object] = {"line": src.line, "end_line": src.end_line}
    if src.article is not None:
        d["article"] = src.article
    if src.item is not None:
        d["item"] = src.item
    return d


def _source_at(d: dict, doc: str, *, own_article: bool = True) -> Source:
    return Source(doc, d["line"], d["end_line"], _shared(d.get("article")) if own_article else None,
                  _shared(d.get("item")))


def _actors(actors: list[Actor]) -> list[dict]:
    return [{"unit": list(a.unit), "role": a.role, "basis": a.basis} for a in actors]


def _step_dict(s: StepRecord) -> dict:
    # A procedure's step and a rule's clause each keep their own keys, in their order (stored records unchanged).
    if s.terms is None:
        d = {"n": s.n, "text": s.text, "branch": s.branch, "shape": s.shape}
        if s.key:
            d["key"] = s.key
        d.update(notes=list(s.notes), **_at(s.source), actors=_actors(s.actors), unit_only=s.unit_only, id=s.id)
        return d
    t = s.terms
    return {"n": s.n, "id": s.id, "text": s.text, "branch": s.branch, "shape": s.shape, "notes": list(s.notes),
            **_at(s.source), "actors": _actors(s.actors), "deciders": list(t.deciders), "days": t.days,
            "min_days": t.min_days, "max_days": t.max_days, "hours": t.hours}


def _note_dict(n: ProcedureNote) -> dict:
    d = {"text": n.text, "marker": n.marker, "level": n.level, "kind": n.kind, "section": n.section, **_at(n.source)}
    if n.actors is not None:
        d["actors"] = _actors(n.actors)
    return d


def procedure_to_dict(p: ProcedureRecord) -> dict:
    """The JSON form of a procedure (the store's, unchanged since procedures were dicts)."""
    return _filled(procedure_layout(p))


def procedure_layout(p: ProcedureRecord) -> dict:
    """:func:`procedure_to_dict` with its lists left as :class:`Each` (a rule of large office rules has
    thousands of clauses)."""
    d = {"id": p.id, "kind": p.kind, "title": p.title, "title_as_written": p.title_as_written,
         "qualifier": p.qualifier, "agency": list(p.agency), "doc": p.source.doc, **_at(p.source)}
    if p.chapter is not None:
        d["chapter"] = p.chapter
    d.update(
        laws=Each(p.laws, lambda x: {"name": x.name, "article": x.article, "issuer": x.issuer, "listed": x.listed,
                                     **_at(x.source)}),
        steps=Each(p.steps, _step_dict),
        flow=Each(p.flow, lambda e: {"from": e.from_step, "to": e.to_step, "label": e.label, **_at(e.source)}),
        flow_note=p.flow_note, has_flow_section=p.has_flow_section,
        time=None if p.time is None else {"text": p.time.text, **_at(p.time.source), "days": p.time.days,
                                          "min_days": p.time.min_days},
        notes=Each(p.notes, _note_dict),
        forms=Each(p.forms, lambda f: {"name": f.name, "note": f.note, "also_written": list(f.also_written),
                                       **_at(f.source), "lines": list(f.lines)}),
        forms_note=p.forms_note,
        units=Each(p.units, lambda u: {"unit": list(u.unit), "role": u.role, "basis": u.basis, "post": u.post,
                                       "step": u.step, **_at(u.source)}),
        named=Each(p.named, lambda u: {"unit": list(u.unit), **_at(u.source)}))
    return d


def _actors_from(rows: list[dict]) -> list[Actor]:
    return [Actor(tuple(a["unit"]), a["role"], a["basis"]) for a in rows]


def _step_from(d: dict, doc: str) -> StepRecord:
    terms = None
    if "deciders" in d:
        terms = ClauseTerms(tuple(d["deciders"]), d["days"], d["min_days"], d["max_days"], d["hours"])
    return StepRecord(d["n"], d["text"], _source_at(d, doc), d["id"], d["branch"], d["shape"], d.get("key", ""),
                      list(d["notes"]), _actors_from(d["actors"]), d.get("unit_only", False), terms)


def procedure_from_dict(d: dict) -> ProcedureRecord:
    """Inverse of :func:`procedure_to_dict`."""
    doc = d["doc"]
    time = d["time"]
    return ProcedureRecord(
        d["id"], d["kind"], d["title"], Source(doc, d["line"], d["end_line"], d.get("article")), tuple(d["agency"]),
        d["title_as_written"], d["qualifier"], d.get("chapter"),
        laws=[LawRef(x["name"], _source_at(x, doc, own_article=False), x["article"], x["issuer"], x["listed"])
              for x in d["laws"]],
        steps=[s if isinstance(s, StepRecord) else _step_from(s, doc) for s in d["steps"]],
        flow=[FlowEdge(e["from"], e["to"], _source_at(e, doc), e["label"]) for e in d["flow"]],
        flow_note=d["flow_note"], has_flow_section=d["has_flow_section"],
        time=None if time is None else TimeLimit(time["text"], _source_at(time, doc), time["days"],
                                                 time["min_days"]),
        notes=[ProcedureNote(n["text"], _source_at(n, doc), n["marker"], n["level"], n["kind"], n["section"],
                             None if "actors" not in n else _actors_from(n["actors"])) for n in d["notes"]],
        forms=[FormRef(f["name"], _source_at(f, doc), f["note"], list(f["also_written"]), list(f["lines"]))
               for f in d["forms"]],
        forms_note=d["forms_note"],
        units=[UnitRole(tuple(u["unit"]), u["role"], _source_at(u, doc), u["basis"], u["post"], u["step"])
               for u in d["units"]],
        named=[NamedUnit(tuple(u["unit"]), _source_at(u, doc)) for u in d["named"]])


def to_dict(parsed: ParsedDocument) -> dict:
    """JSON-ready dict of a parsed document (what :func:`dataclasses.asdict` gives, without its
    deep copies: a national load converts 14,000 units and 58,000 duties).

    The typed genre records are kept under ``"extras"`` (``agency``, ``headcounts``, ``posts``,
    ``procedures``, ``definitions``, ``meetings``, in that order), each only when it holds something, as the store has
    always had them.
    """
    return _filled(layout(parsed))


def _filled(value):
    """A layout's :class:`Each` made lists, all the way down."""
    if isinstance(value, Each):
        return [_filled(value.convert(x)) for x in value.items] if value.nested else \
            [value.convert(x) for x in value.items]
    return {k: _filled(v) for k, v in value.items()} if isinstance(value, dict) else value


@dataclass(frozen=True, slots=True)
class Each:
    """A list of :func:`to_dict`'s, as its records and what makes each one plain data; ``nested``: what makes
    each is a layout itself (a procedure's, with its lists as Each)."""

    items: list
    convert: Callable[[Any], object]
    nested: bool = False


def layout(parsed: ParsedDocument) -> dict:
    """:func:`to_dict` with its lists of records left as :class:`Each`: the store writes a large document's
    record a few records at a time, never as one dict (graph_model.store.store_records)."""
    extras: dict[str, object] = {}
    if parsed.agency:
        extras["agency"] = list(parsed.agency)
    if parsed.headcounts:
        extras["headcounts"] = Each(parsed.headcounts, _figure_dict)
    if parsed.posts:
        extras["posts"] = Each(parsed.posts, _staffing_dict)
    if parsed.procedures:
        extras["procedures"] = Each(parsed.procedures, procedure_layout, nested=True)
    if parsed.definitions:
        extras["definitions"] = Each(parsed.definitions, plain)
    if parsed.meetings:
        extras["meetings"] = Each(parsed.meetings, plain)
    return {"document": plain(parsed.document), "units": Each(parsed.units, plain),
            "duties": Each(parsed.duties, plain), "unplaced": Each(parsed.unplaced, plain), "extras": extras}


def _staffing_dict(r: StaffingRecord) -> dict:
    return {"kind": r.kind, **plain(r)}


def _figure_dict(f: HeadcountRecord) -> dict:
    d = plain(f)
    if f.from_year is None:  # only a change figure has one
        del d["from_year"]
    return d


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value):
    """``value`` as plain data: dataclasses become dicts, recursively; lists, tuples and dicts are rebuilt.

    >>> from dataclasses import asdict
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


def _shared(value):
    """A string as one object however many records hold it (a document's id, article and item labels, unit
    names: the same few thousands of times in a large document); anything else as it is."""
    return sys.intern(value) if type(value) is str else value


def _names(values) -> tuple:
    """A unit's path: one tuple for all the records of a unit (thousands of duties each)."""
    return _one_path(tuple(_shared(v) for v in values))


@functools.lru_cache(maxsize=4096)
def _one_path(names: tuple) -> tuple:
    return names


def _fields(x: dict) -> dict:
    """A record's dict with its strings shared, but its text (one record's own)."""
    return {k: v if k == "text" else _shared(v) for k, v in _object(x).items()}


def _source(d: dict) -> Source:
    return Source(**{k: _shared(v) for k, v in _object(d).items()})


def _object(d) -> dict:
    if not isinstance(d, dict):  # a damaged record: said as Source(**d) would say it
        raise TypeError(f"expected an object, not {type(d).__name__}")
    return d


def parsed_from_dict(d: dict, made: bool = False, without: frozenset[str] = frozenset()) -> ParsedDocument:
    """Inverse of :func:`to_dict`.  ``made``: the lists of ``d`` hold records already, each made by
    :data:`ITEM_FROM` as it was read (graph_model.store.record_stream: a large record read item by item).
    ``without``: kinds of records left out (``duties``…: their lists empty), for a reader that needs none."""
    def records(key: tuple[str, ...], items: list) -> list:
        return [] if key[-1] in without else items if made else [ITEM_FROM[key](x) for x in items]

    units = records(("units",), d.get("units", []))
    duties = records(("duties",), d.get("duties", []))
    unplaced = records(("unplaced",), d.get("unplaced", []))
    extras = dict(d.get("extras", {}))
    agency = tuple(extras.pop("agency", ()))
    headcounts = records(("extras", "headcounts"), extras.pop("headcounts", []))
    posts = records(("extras", "posts"), extras.pop("posts", []))
    procedures = records(("extras", "procedures"), extras.pop("procedures", []))
    definitions = records(("extras", "definitions"), extras.pop("definitions", []))
    meetings = records(("extras", "meetings"), extras.pop("meetings", []))
    if extras:
        raise KeyError(f"unknown records {sorted(extras)}")
    return ParsedDocument(Document(**d["document"]), units, duties, unplaced, agency, headcounts, posts, procedures,
                          definitions, meetings)


_UNIT_FIELDS = frozenset(f.name for f in fields(UnitRecord))


def _unit_from(u: dict) -> UnitRecord:
    return UnitRecord(**{**{k: _shared(v) for k, v in u.items() if k in _UNIT_FIELDS}, "path": _names(u["path"]),
                         "aliases": _names(u.get("aliases", ())), "source": _source(u["source"])})


@overload
def rank_from_dict(d: dict) -> Rank: ...


@overload
def rank_from_dict(d: None) -> None: ...


def rank_from_dict(d: dict | None) -> Rank | None:
    """A :class:`Rank` from its dict (as the store and a ``Post`` node's ``sub_quotas`` keep it)."""
    return None if d is None else Rank(**{**d, "series": tuple(d["series"])})


def _staffing_record(d: dict) -> StaffingRecord:
    """A record of ``extras["posts"]`` from its dict (a ``kind`` it does not know is a KeyError)."""
    cls = STAFFING_KINDS[d["kind"]]
    x = {k: v for k, v in d.items() if k != "kind"}
    x.update(unit=_names(x["unit"]), source=_source(x["source"]))
    if cls is PostRecord:
        x.update(rank=rank_from_dict(x["rank"]),
                 sub_quotas=[SubQuota(q["count"], rank_from_dict(q["rank"]), q["text"]) for q in x["sub_quotas"]])
    elif cls is StatutoryTotal:
        x["titles"] = tuple(x["titles"])
    return cls(**x)


# What makes each item of a stored record's lists a record, by the list's keys (a procedure's own lists: by the
# procedures' keys and their own).
ITEM_FROM: dict[tuple[str, ...], Callable[..., Any]] = {
    ("units",): _unit_from,
    ("duties",): lambda x: DutyRecord(**{**_fields(x), "unit": _names(x["unit"]), "source": _source(x["source"])}),
    ("unplaced",): lambda x: Unplaced(**{**_fields(x), "source": _source(x["source"])}),
    ("extras", "agency"): lambda name: name,
    ("extras", "headcounts"): lambda x: HeadcountRecord(**{**x, "agency": tuple(x["agency"]),
                                                           "source": _source(x["source"])}),
    ("extras", "posts"): _staffing_record,
    ("extras", "procedures"): procedure_from_dict,
    # A rule's clauses, thousands in a large office rule, made as they are read (``within``: the procedure's
    # dict so far, its keys sorted: "doc" comes before "steps"); procedure_from_dict makes any left as dicts.
    ("extras", "procedures", "steps"): lambda x, within: _step_from(x, within["doc"]) if "doc" in within else x,
    ("extras", "definitions"): lambda x: DefinitionRecord(**{**x, "source": _source(x["source"])}),
    ("extras", "meetings"): lambda x: _meeting_from(x),
}


def _duty_from(x: dict) -> DutyRecord:
    return DutyRecord(**{**_fields(x), "unit": _names(x["unit"]), "source": _source(x["source"])})


def _meeting_from(x: dict) -> MeetingRecord:
    return MeetingRecord(**{**_fields(x), "holder": _names(x["holder"]), "source": _source(x["source"]),
                            "matters": [_duty_from(m) for m in x["matters"]]})
