"""``which``: the units that handle a duty, best first, with the text that says so.

>>> from graph_model.store.store import open_store
>>> g = open_store("/nonexistent/store.json").graph()   # the bundled corpus
>>> hits = which(g, "誰負責國會聯絡？", top=2)
>>> for h in hits:   # the customs' 秘書室 share one duty: one group
...     print(h.unit["id"], h.group)
經濟部/智慧財產局/秘書室/第一科 0
財政部/關務署/基隆關/秘書室 1
財政部/關務署/秘書室 1
財政部/關務署/臺中關/秘書室 1
財政部/關務署/臺北關/秘書室 1
財政部/關務署/高雄關/秘書室 1
>>> hits[1].evidence[0].text, hits[1].evidence[0].cite()
('國會聯絡、媒體公關事務之政策規劃、研擬、執行及管考', '001_586683daab11227d:38 item 7')
>>> which(g, "量子電腦")
[]

Units that share their best evidence (one duty, several HANDLES edges) have
equal scores and stay together; ``top`` never splits them.  For the command
line, :func:`cached_index` keeps the index with the store (:func:`store_index`), for its
version, so that a lookup needs neither networkx nor the graph.
"""
from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph_model.records.naming import breadcrumb_of
from graph_model.records.provenance import Source
from queries.entries import INFERRED

from .explanation import explain_lines, explanation
from .index_cache import KEEP, _code_key, cached_index, store_index, using_index  # noqa: F401 — the cache's API
from .ranking import PARTIAL_MIN_CHARS, UnitResult
from .rows import IndexUnit
from .search import Index, build_index, closest_entries, highlight_spans, parse_query, search

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

DEFAULT_TOP = 10


@dataclass
class Evidence:
    """A matched statement: its text, where it is, and which characters matched."""

    text: str
    doc: str
    line: int
    article: str = ""
    item: str = ""
    post: str = ""
    kind: str = "duty"
    spans: list[tuple[int, int]] = field(default_factory=list)  # matched [start, end) in text
    context: str = ""  # procedures: "step 2 of <title>", "note of <title>", "procedure"
    role: str = ""  # procedures: the unit's role there (核辦, 審核 …)
    key: str = field(default="", repr=False, compare=False)  # the text folded as the index folds it

    def cite(self) -> str:
        """``doc:line article item``, as elsewhere in orggraph."""
        return Source(self.doc, self.line, None, self.article or None, self.item or None).cite()

    def to_dict(self) -> dict:
        """JSON: ``kind`` is ``duty``, ``name`` (the unit's own name matched) or ``procedure``."""
        d = {"kind": "name" if self.kind == "unit" else self.kind, "text": self.text, "doc": self.doc,
             "line": self.line, "article": self.article, "item": self.item}
        if self.post:
            d["post"] = self.post
        if self.kind == "procedure":
            d.update(context=self.context, role=self.role)
        elif self.role == INFERRED:
            d["inferred"] = True
        return d


@dataclass
class Hit:
    """A unit that handles what the query asks, with its score and evidence."""

    unit: dict  # {"id", "name", "path", "type", "kind"}: type 組, 科, 分關 …; kind Division, Section …
    score: float
    evidence: list[Evidence]
    group: int = 0  # hits with equal score and the same best evidence share a group number
    explain: list[dict] | None = None
    partial: bool = False  # no unit matched the query as asked: this one shares only some of its words
    synonyms: list[dict] = field(default_factory=list)  # vocabulary pairs the matching wording used
    through: str = ""  # at the agency level: the unit inside the agency whose evidence this is

    @property
    def breadcrumb(self) -> str:
        # a meeting answers for what it decides, and is said to be one (graph_model.graph.meetings)
        return breadcrumb_of(self.unit["path"]) + (" (meeting)" if self.unit.get("kind") == "Meeting" else "")

    def to_dict(self) -> dict:
        d = {"unit": dict(self.unit), "score": round(self.score, 3), "evidence": [e.to_dict() for e in self.evidence]}
        if self.partial:
            d["partial"] = True
        if self.synonyms:
            d["synonyms"] = self.synonyms
        if self.through:
            d["through"] = self.through
        if self.explain is not None:
            d["explain"] = self.explain
        return d


# --------------------------------------------------------------------------- the index
_INDEXES: weakref.WeakKeyDictionary[object, Index] = weakref.WeakKeyDictionary()


def index_of(source) -> Index:
    """The lookup index of a graph (built once per graph object), or ``source`` if it is one."""
    if isinstance(source, Index):
        return source
    index = _INDEXES.get(source)
    if index is None:
        index = _INDEXES[source] = build_index(source)
    return index


def cached_which(where, build: Callable[[], OrgGraph], query: str, directory=None,
                 **options) -> tuple[list[Hit], Index]:
    """:func:`which` over the cached index: ``(hits, index)`` (see :func:`using_index`)."""
    return using_index(where, build, lambda index: which(index, query, **options), directory)


# --------------------------------------------------------------------------- which
def which(source, query: str, *, agency: str | None = None, unit_type: str | None = None,
          top: int | None = DEFAULT_TOP, explain: bool = False, partial_chars: int = PARTIAL_MIN_CHARS,
          equivalents: Sequence[tuple[str, str]] = ()) -> list[Hit]:
    """Units that handle what ``query`` describes, best first (``[]`` when none does).

    ``source`` is an :class:`graph_model.graph.graph.OrgGraph` or an :class:`Index`.
    ``agency`` keeps units at or under that unit (id, path suffix or name);
    ``unit_type`` keeps one kind (``Division``, ``Section`` …) or unit type
    (``組``, ``科``, ``分關`` …); ``top`` limits the number of hits, but units
    tied on the same evidence all appear; ``explain`` attaches how each scored; ``equivalents``: the
    everyday terms the query was reworded from (:func:`queries.lookup.ranking.rank`).
    """
    index = index_of(source)
    results = search(index, query, agency=agency, unit_type=unit_type, limit=top, explain=explain,
                     partial_chars=partial_chars, equivalents=equivalents)
    if not results:
        return []
    return hits_of(results, parse_query(index, query).terms, lambda u: index.units[u], explain)


def hits_of(results: list[UnitResult], terms, unit_of: Callable[[int], IndexUnit], explain: bool = False) -> list[Hit]:
    """The ranking's results as hits, with their evidence highlighted (``terms``: the query's): what both
    backends return.  ``unit_of(u)``: the unit numbered ``u`` in the results."""
    hits, group, previous = [], 0, None
    spans_of: dict[int, list] = {}
    for r in results:
        u = unit_of(r.unit)
        evidence = []
        for m in r.matches:
            entry = m.text
            spans = spans_of.get(m.entry)
            if spans is None:
                spans = spans_of[m.entry] = highlight_spans(entry.key, terms)
            for h in m.handlers:
                evidence.append(Evidence(entry.text, h.doc, h.line, h.article, h.item, h.post, entry.kind, spans,
                                         entry.context, h.role, entry.key))
        signature = (round(r.score, 9), r.matches[0].entry)
        if previous is not None and signature != previous:
            group += 1
        previous = signature
        unit = {"id": u.id, "name": u.name, "path": list(u.path), "type": u.unit_type, "kind": u.kind}
        if u.status:  # with --all: what became of a unit that is history
            unit["status"] = u.status
        hits.append(Hit(unit, r.score, evidence, group, explanation(r) if explain else None, r.partial))
    return hits


def suggestions(source, query: str, limit: int = 3) -> list[str]:
    """Duty statements closest to ``query`` (to show when nothing matches)."""
    index = index_of(source)
    return [index.entries[e].text for e in closest_entries(index, query, limit)]


# --------------------------------------------------------------------------- text
def _highlight(text: str, spans, style: Callable[[str], str] | None) -> str:
    if not style or not spans:
        return text
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append(style(text[a:b]))
        last = b
    out.append(text[last:])
    return "".join(out)


def render_which(hits: list[Hit], query: str = "", style: Callable[[str], str] | None = None,
                 suggest: list[str] | None = None, within: str = "") -> str:
    """Human text: one block per hit, or per group of units sharing the same evidence.

    ``style`` wraps matched characters (e.g. ``click.style(..., bold=True)``); ``within`` names the
    filters the question was asked under (" of type 之家"), for the message when nothing matches.
    """
    if not hits:
        lines = [f"No unit{within} handles 「{query}」 in the loaded documents."]
        if suggest:
            lines.append("Closest duties:")
            lines += [f"  {s}" for s in suggest]
        hint = chinese_hint(query)
        if hint:
            lines.append(hint)
        return "\n".join(lines)
    lines = []
    partial = ", partial match" if hits[0].partial else ""
    if partial:
        lines.append(f"No unit handles 「{query}」 as asked; partial matches (only some of its words in common):")
    i = rank = 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and hits[j + 1].group == hits[i].group:
            j += 1
        first = hits[i]
        rank += 1  # blocks are numbered in order; equal scores show a tie
        ev = first.evidence[0]
        if j == i:
            lines.append(f"{rank}. {first.breadcrumb}  (score {first.score:.2f}{partial})")
            if first.unit.get("status"):
                lines.append(f"   {first.unit['status']}")
            if first.through:
                lines.append(f"   through {breadcrumb_of(first.through.split('/')[len(first.unit['path']):])}")
            _synonym_line(lines, first)
            shown = set()
            for e in first.evidence:
                if (e.text, e.doc, e.line) in shown:
                    continue
                shown.add((e.text, e.doc, e.line))
                post = f" [{e.post}]" if e.post else ""
                text = _name_match(e, first.unit["name"]) if e.kind == "unit" else _highlight(*_clip(e), style)
                lines.append(f"   {text}{post}")
                if e.context or e.role:
                    lines.append(f"   {_where(e)}")
                lines.append(f"   {e.cite()}")
            lines += explain_lines(first.explain)
        else:
            lines.append(f"{rank}. {_highlight(*_clip(ev), style)}  "
                         f"(score {first.score:.2f}, {j - i + 1} units{partial})")
            if ev.context:
                lines.append(f"   {_where(ev, role=False)}")
            _synonym_line(lines, first)
            for h in hits[i:j + 1]:
                role = f"  [{h.evidence[0].role}]" if h.evidence[0].role else ""
                role += f"  ({h.unit['status']})" if h.unit.get("status") else ""
                lines.append(f"   {h.breadcrumb}  {h.evidence[0].cite()}{role}")
            lines += explain_lines(first.explain)
        i = j + 1
    return "\n".join(lines)


def _synonym_line(lines: list[str], hit: Hit) -> None:
    """Which everyday words of the query were read as the documents' words (and where that pair is)."""
    if hit.synonyms:
        pairs = "; ".join(f"{s['term']} → {'、'.join(s['replacements'])} ({s['source']})" for s in hit.synonyms)
        lines.append(f"   read as: {pairs}")


def _name_match(e: Evidence, name: str) -> str:
    """A match on the unit's own name is no duty statement: say so, with the other names it goes by."""
    others = [n for n in e.text.split("、") if n != name]
    return "name matches" + (f" (also called {'、'.join(others)})" if others else "")


# Common English words of what agencies do, and Chinese words the documents use for them.
ENGLISH_HINTS = {
    "customs": ("關務", "海關"), "tariff": ("關稅",), "tax": ("稅務",), "smuggling": ("緝私",),
    "bonded": ("保稅",), "inspection": ("查驗", "稽查"), "audit": ("稽核",), "personnel": ("人事",),
    "hr": ("人事",), "staff": ("人事",), "accounting": ("會計",), "budget": ("預算",),
    "statistics": ("統計",), "ethics": ("政風",), "archives": ("檔案",), "records": ("檔案",),
    "seal": ("印信",), "legal": ("法制",), "law": ("法規",), "legislature": ("國會聯絡",),
    "press": ("新聞",), "media": ("媒體",), "information": ("資訊",), "it": ("資訊",),
    "computer": ("電腦",), "procurement": ("採購",), "secretariat": ("秘書",), "general": ("總務",),
    "patent": ("專利",), "trademark": ("商標",), "copyright": ("著作權",), "training": ("訓練",),
    "pension": ("撫卹",), "travel": ("出國",), "baggage": ("行李",), "planning": ("綜合規劃",),
}


def chinese_hint(query: str) -> str | None:
    """For a query with no Chinese in it: the documents are in Chinese, and what to type instead.

    >>> chinese_hint("customs")
    'The documents are in Chinese, and so are queries: try `orggraph which 關務` or `orggraph which 海關`.'
    >>> chinese_hint("保稅") is None
    True
    """
    if any(unicodedata.east_asian_width(ch) in "WF" for ch in query):
        return None
    words = re.findall(r"[a-z]+", query.lower())
    tries = list(dict.fromkeys(t for w in words for t in ENGLISH_HINTS.get(w, ENGLISH_HINTS.get(w.rstrip("s"), ()))))
    example = " or ".join(f"`orggraph which {t}`" for t in tries[:3]) or "`orggraph which 保稅工廠監管`"
    return f"The documents are in Chinese, and so are queries: try {example}."


CLIP = 80  # characters of a procedure's text shown around what matched


def _clip(e: Evidence) -> tuple[str, list[tuple[int, int]]]:
    """A long procedure note or step cut to :data:`CLIP` characters around its first match (``…`` marks cuts)."""
    if e.kind != "procedure" or len(e.text) <= CLIP + 10:
        return e.text, e.spans
    first = min((a for a, _ in e.spans), default=0)
    start = 0 if first < CLIP - 20 else min(first - CLIP // 4, len(e.text) - CLIP)
    end = start + CLIP
    head, tail = ("…" if start else ""), ("…" if end < len(e.text) else "")
    spans = [(max(a, start) - start + len(head), min(b, end) - start + len(head)) for a, b in e.spans
             if b > start and a < end]
    return head + e.text[start:end] + tail, spans


def _where(e: Evidence, role: bool = True) -> str:
    """Where a procedure's text sits and the unit's role there: ``step 1 of …; role: 核定``; a duty the loader gave
    the unit by its name, that it did."""
    if e.kind == "duty" and e.role == INFERRED:
        return "inferred: from the agency's list, by the unit's name"
    parts = [e.context] if e.context else []
    if role and e.role:
        parts.append(f"role: {e.role}")
    return "; ".join(parts)
