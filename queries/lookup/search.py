"""The embedded lookup: the index of the graph's texts, and the candidates it gives the ranking.

The index holds *entries*: pieces of text (a duty statement, a unit name, a
procedure title, and whatever other kinds register), each with the units that
handle it and where each says so, and postings of the character unigrams and
bigrams of their folded text (:mod:`queries.textnorm`).  :func:`search` reads a
query against it and hands the entries holding its bigrams, with their term
counts and document frequencies, to :func:`queries.lookup.ranking.rank`, the
ranking both backends share (Neo4j's candidates come from Lucene:
:mod:`queries.lookup.neo4j_lookup`).

The index is plain data (tuples, lists, dicts, strings; its rows are the records of
:mod:`queries.lookup.rows`): :meth:`Index.to_dict` / :meth:`Index.from_dict` round-trip it
through JSON for the lookup cache, and searching it needs neither networkx nor the graph.

>>> from graph_model.store.store import open_store
>>> index = build_index(open_store("/nonexistent/store.json").graph())   # the bundled corpus
>>> [r.unit_id for r in search(index, "保稅工廠監管", limit=2)]
['財政部/關務署/高雄關/嘉南分關', '財政部/關務署/臺北關/業務二組']
>>> search(index, "量子電腦")
[]

What the index holds is the table :data:`ENTRY_SOURCES`: kinds of text, each a
function yielding :class:`~queries.entries.Entry` objects for a graph (duties and
unit names from :mod:`queries.entries`; titles, steps and notes of procedures, each
answered by the unit acting there, from :func:`queries.procedure.which_entries`).
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from graph_model.errors import UnknownType, UnknownUnit
from graph_model.records.naming import closest_units
from graph_model.records.unitref import parse_unit_ref, units_named
from queries.entries import Entry, duty_entries, meeting_entries, unit_entries
from queries.procedure import which_entries  # light: no networkx
from queries.textnorm import Triggers, fold, opencc_triggers, short_forms, trigger_set

from .definitions import graph_definitions
from .former import former_rows, with_former
from .ranking import (
    PARTIAL_MIN_CHARS,
    Candidate,
    Query,
    Stats,
    UnitResult,
    closest,
    content_length,
    key_terms,
    query_bigrams,
    rank,
    read_query,
    text_terms,
)
from .rows import IndexHandler, IndexText, IndexUnit, text_row, unit_row
from .vocabulary import Catalog, catalog

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

FORMAT = "orggraph-which-index"
VERSION = 6  # 6: a duty handler inferred by its unit's name says so (role)



# What the index holds: kind -> function(graph) yielding its entries.  Add a kind here
# (or pass ``sources`` to :func:`build_index`).
ENTRY_SOURCES: Mapping[str, Callable[..., Iterable[Entry]]] = MappingProxyType({
    "duty": duty_entries,
    "unit": unit_entries,
    "meeting": meeting_entries,  # a meeting's name: it answers for the matters it decides (in "duty")
    "procedure": which_entries,  # titles, steps and notes of procedures: the acting unit answers
})


# --------------------------------------------------------------------------- the index
def abbreviations(name: str) -> list[str]:
    """Three- and four-character abbreviations of an agency name: first and last character kept.

    >>> abbreviations("環境保護署")[:4]
    ['環境署', '環保署', '環護署', '環境保署']
    """
    if len(name) < 4:
        return []
    head, middle, tail = name[0], name[1:-1], name[-1]
    out = [head + a + tail for a in middle]
    out += [head + middle[i] + middle[j] + tail for i in range(len(middle)) for j in range(i + 1, len(middle))]
    return [a for a in dict.fromkeys(out) if a != name]


@dataclass
class Index:
    """The lookup index: units, entries, postings.  Build with :func:`build_index`."""

    units: Sequence[IndexUnit]
    entries: Sequence[IndexText]
    postings: Mapping[str, Sequence[int]]  # term -> [entry#, tf, entry#, tf, …]
    lengths: Sequence[int]
    triggers: str  # characters OpenCC may change and phrases (textnorm.Triggers.to_text)
    context: dict[str, list[int]]  # unit name -> unit#s: names a query can mention as context
    name_postings: Mapping[str, Sequence[int]]  # bigram -> unit#s whose path (own and higher names) has it
    scopes: dict  # the agencies a question can name (queries.lookup.vocabulary.Catalog.to_dict)

    def __post_init__(self) -> None:
        self.avgdl = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        self._trigger_set = trigger_set(self.triggers)
        self._catalog: Catalog | None = None
        self._allowed: dict[tuple[str | None, str | None], frozenset[int]] = {}  # see _allowed_units
        self._context_by_char: dict[str, list[str]] = {}  # first character -> names, longest first
        for name in sorted(self.context, key=len, reverse=True):
            self._context_by_char.setdefault(name[0], []).append(name)

    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "units": self.units, "entries": self.entries,
                "postings": {t: list(v) for t, v in self.postings.items()}, "lengths": self.lengths,
                "triggers": self.triggers, "context": self.context, "name_postings": self.name_postings,
                "scopes": self.scopes}

    @classmethod
    def from_dict(cls, data: dict) -> Index:
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError("not a lookup index of this version")
        return cls([unit_row(u) for u in data["units"]], [text_row(e) for e in data["entries"]],
                   data["postings"], data["lengths"], data["triggers"],
                   data["context"], data["name_postings"], data["scopes"])

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def catalog(self) -> Catalog:
        """The agencies a question can name, and which units are agencies."""
        if self._catalog is None:
            self._catalog = Catalog.from_dict(self.scopes)
        return self._catalog


_cached_triggers: Triggers | None = None


def cached_triggers() -> Triggers:
    """The characters OpenCC may change (:func:`queries.textnorm.opencc_triggers`), cached in a file.

    Working them out loads and walks OpenCC's dictionaries (about 0.1 s): an index rebuilt after a
    change, and the Neo4j lookup, read them from orggraph's cache directory.  An unwritable cache
    only costs time.
    """
    global _cached_triggers
    if _cached_triggers is not None:
        return _cached_triggers
    import importlib.util
    from pathlib import Path

    from graph_model.store.files import atomic_write, cache_dir, read_cache, seal, source_hash, unseal
    from queries import textnorm

    spec = importlib.util.find_spec("opencc")  # a new OpenCC (its files' times) means new dictionaries
    installed = str(Path(spec.origin).stat().st_mtime_ns) if spec and spec.origin else ""
    key = source_hash([textnorm.__file__], salt=installed)
    path = cache_dir() / f"opencc-triggers-{textnorm.OPENCC_CONFIG}-{key}.txt"
    body = unseal(f"opencc:{key}", read_cache(path, 2**20))
    try:
        if body is not None:
            _cached_triggers = trigger_set(body.decode("utf-8"))
            return _cached_triggers
    except UnicodeDecodeError:
        pass
    found = opencc_triggers()
    try:
        for old in path.parent.glob("opencc-triggers-*.txt"):
            old.unlink(missing_ok=True)
        atomic_write(path, seal(f"opencc:{key}", found.to_text().encode("utf-8")))
    except Exception:  # noqa: BLE001 — a cache that cannot be written is not an error
        pass
    _cached_triggers = found
    return found


def build_index(graph: OrgGraph, kinds: Iterable[str] | None = None,
                sources: Mapping[str, Callable[..., Iterable[Entry]]] = ENTRY_SOURCES,
                folded: Mapping[str, str] | None = None) -> Index:
    """Index the graph's texts (every kind in ``sources``, by default :data:`ENTRY_SOURCES`, or only ``kinds``).

    ``folded`` maps texts to their :func:`fold` keys where a caller knows them already (from the
    previous index: folding, OpenCC above all, is most of the time of a build)."""
    from graph_model.graph.succession import note as succession_note  # the graph's code: only to build

    units = [IndexUnit(u["id"], u["name"], list(u["path"]), u["kind"], u["unit_type"], u["full_name"],
                       list(u["aliases"]), succession_note(u))
             for u in graph.units()]
    org = list(units)  # the organisation's units: what names a scope or a context (no meeting does)
    # Meetings answer for what they decide, after the units (graph_model.graph.meetings: no unit).
    units += [IndexUnit(m["id"], m["name"], list(m["path"]), "Meeting", m["name"][-2:], m["name"], [],
                        succession_note(graph.node(m["holder"])))
              for m in graph.meetings()]
    pos = {u.id: i for i, u in enumerate(units)}
    triggers = cached_triggers()
    entries: list[IndexText] = []
    # Arrays of C ints, as the index's tables hold them: a list would hold two pointers a posting.
    postings: dict[str, array[int]] = {}
    lengths: list[int] = []
    for kind in (kinds or sources):
        for entry in sources[kind](graph):
            handlers = [IndexHandler(pos[h.unit], h.doc, h.line, h.article, h.item, h.post, h.role)
                        for h in entry.handlers if h.unit in pos]
            if not handlers:
                continue
            key = folded.get(entry.text) if folded else None
            if key is None:
                key = fold(entry.text, triggers)
            n = len(entries)
            entries.append(IndexText(entry.kind, entry.ref, entry.text, key, entry.prior, list(entry.flags), handlers,
                                     clause_start(key, entry.flags), entry.context))
            lengths.append(content_length(key))
            for term, tf in text_terms(key).items():
                postings.setdefault(term, array("i")).extend((n, tf))
    # Units a query may name as context: units with units under them (agencies, divisions with sections).
    parents = {tuple(u.path[:-1]) for u in org if len(u.path) > 1}
    context: dict[str, list[int]] = {}
    for i, u in enumerate(org):
        if tuple(u.path) in parents and len(u.name) >= 3:
            context.setdefault(fold(u.name, triggers), []).append(i)
    for i, u in enumerate(org):  # agencies are also named by abbreviation: 環保署, 原民會, 國產署
        if tuple(u.path) in parents and u.kind == "Agency":
            for short in abbreviations(fold(u.name, triggers)):
                if short not in context or i not in context[short]:
                    context.setdefault(short, []).append(i)
    name_postings: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        path_key = fold(" ".join(u.path), triggers)
        for term in key_terms(path_key + " " + " ".join(short_forms(path_key))):
            if len(term) == 2:
                name_postings.setdefault(term, []).append(i)
    return Index(units, entries, postings, lengths, triggers.to_text(), context, name_postings,
                 with_former(catalog(org, triggers, graph_definitions(graph)), former_rows(graph.units()),
                             triggers).to_dict())


# --------------------------------------------------------------------------- searching
def parse_query(index: Index, text: str) -> Query:
    """Clean and fold ``text``; unit names it mentions become context when content remains."""
    return read_query(text, index._trigger_set, index.postings.__contains__,
                      lambda key: [n for ch in dict.fromkeys(key) for n in index._context_by_char.get(ch, ())])


def search(index: Index, query: str, *, agency: str | None = None, unit_type: str | None = None,
           limit: int | None = None, explain: bool = False,
           partial_chars: int = PARTIAL_MIN_CHARS, equivalents: Sequence[tuple[str, str]] = ()) -> list[UnitResult]:
    """Units that handle what ``query`` describes, best first (:func:`queries.lookup.ranking.rank`).

    ``agency`` keeps units at or under every unit it names (:func:`graph_model.records.unitref.units_named`);
    ``unit_type`` keeps units of a kind (``Division``, ``Section`` …) or unit
    type (``組``, ``科``, ``分關`` …).  ``limit`` cuts after that many results
    but never inside a run of equal scores.  ``partial_chars``: the query characters the second pass
    needs in common (two words; one inside an agency the question names, :mod:`queries.lookup.ask`);
    ``equivalents``: the everyday terms the query was reworded from (:func:`queries.lookup.ranking.rank`).
    """
    allowed = _allowed_units(index, agency, unit_type)
    q = parse_query(index, query)
    if not q.terms:
        return []
    names: dict[int, list[str]] = {}  # unit -> the query bigrams its path holds
    for t in query_bigrams(q):
        for u in index.name_postings.get(t, ()):
            names.setdefault(u, []).append(t)
    context: set[int] = set()
    if q.context:
        roots = [index.units[i].path for name in q.context for i in index.context.get(name, [])]
        context = {i for i, u in enumerate(index.units) if any(u.path[:len(r)] == r for r in roots)}
    stats = Stats(len(index.entries), index.avgdl, _Frequencies(index.postings))
    return rank(q, stats, _candidates(index, q, allowed), lambda u: index.units[u].id, unit_names=names,
                context_units=context, limit=limit, explain=explain, partial_chars=partial_chars,
                equivalents=equivalents)


def _candidates(index: Index, q: Query, allowed: frozenset[int] | None) -> Iterator[Candidate]:
    """The entries holding a bigram of the query, with the counts of the query's terms (from the postings)."""
    bigrams = query_bigrams(q)
    found: dict[int, dict[str, int]] = {}
    for t in bigrams:
        plist = index.postings.get(t, ())
        for j in range(0, len(plist), 2):
            found.setdefault(plist[j], {})[t] = plist[j + 1]
    for t in q.terms:
        if t not in bigrams:
            plist = index.postings.get(t, ())
            for j in range(0, len(plist), 2):
                tf = found.get(plist[j])
                if tf is not None:
                    tf[t] = plist[j + 1]
    for e, tf in found.items():
        text = index.entries[e]
        if allowed is not None:
            text = text._replace(handlers=[h for h in text.handlers if h.unit in allowed])
        yield Candidate(text, e, index.lengths[e], tf)


class _Frequencies(Mapping[str, int]):
    """Document frequencies read off the postings (an entry appears once in a term's postings)."""

    def __init__(self, postings: Mapping[str, Sequence[int]]):
        self.postings = postings

    def __getitem__(self, term: str) -> int:
        plist = self.postings.get(term)
        if not plist:
            raise KeyError(term)
        return len(plist) // 2

    def __iter__(self):
        return iter(self.postings)

    def __len__(self) -> int:
        return len(self.postings)


def _allowed_units(index: Index, agency: str | None, unit_type: str | None) -> frozenset[int] | None:
    """The units ``agency`` and ``unit_type`` keep (``None``: every unit), worked out once an index: a
    question's variants are searched in the same scope."""
    if agency is None and unit_type is None:
        return None
    found = index._allowed.get((agency, unit_type))
    if found is None:
        found = index._allowed[(agency, unit_type)] = frozenset(_units_kept(index, agency, unit_type))
    return found


def _units_kept(index: Index, agency: str | None, unit_type: str | None) -> set[int]:
    allowed = set(range(len(index.units)))
    if agency is not None:
        found = units_named(agency, ((u.id, u.path, u.full_name, u.aliases) for u in index.units))
        if not found:
            ref = parse_unit_ref(agency)[0]
            raise UnknownUnit(ref, closest_units(ref, ((u.name, u.id) for u in index.units)))
        roots = [index.units[i].path for i in found]
        allowed = {i for i in allowed if any(index.units[i].path[:len(r)] == r for r in roots)}
    if unit_type is not None:
        want = unit_type.strip().lower()
        if want not in {u.kind.lower() for u in index.units} | {u.unit_type for u in index.units}:
            known = sorted({u.kind for u in index.units}) + sorted({u.unit_type for u in index.units if u.unit_type})
            raise UnknownType(unit_type, known)
        allowed = {i for i in allowed if index.units[i].kind.lower() == want or index.units[i].unit_type == want}
    return allowed


def clause_start(key: str, flags) -> int:
    """Where the catch-all or residual clause of a flagged entry begins (-1: not flagged).

    Both lookups weigh a match inside that clause as the entry's prior says.

    >>> clause_start("關稅法規之研擬 其他有關關稅事項", ("catch_all",)), clause_start("印信管理", ())
    (8, -1)
    """
    if "residual" in flags:
        at = key.find("不屬")
        return at if at >= 0 else 0
    if "catch_all" in flags:
        at = min((i for i in (key.find("其他"), key.find("其它")) if i >= 0), default=0)
        return at
    return -1


def highlight_spans(key: str, terms) -> list[tuple[int, int]]:
    """Character ranges of ``key`` covered by the query's bigrams (or its characters, for one-character
    queries): the evidence both lookups highlight.  ``terms`` is :func:`key_terms` of the query.

    >>> highlight_spans("印信之典守及管理", key_terms("印信管理"))
    [(0, 2), (6, 8)]
    """
    grams = [t for t in terms if len(t) == 2] or [t for t in terms if len(t) == 1]
    covered = [False] * len(key)
    for g in grams:
        start = key.find(g)
        while start >= 0:
            for i in range(start, start + len(g)):
                covered[i] = True
            start = key.find(g, start + 1)
    spans, i = [], 0
    while i < len(key):
        if covered[i]:
            j = i
            while j < len(key) and covered[j]:
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def closest_entries(index: Index, query: str, limit: int = 3) -> list[int]:
    """Duties sharing the most characters with ``query`` (for suggestions when nothing matches,
    :func:`queries.lookup.ranking.closest`)."""
    q = parse_query(index, query)
    chars = sorted(t for t in q.terms if len(t) == 1)
    held: dict[int, list[str]] = {}
    for ch in chars:
        plist = index.postings.get(ch, [])
        for j in range(0, len(plist), 2):
            held.setdefault(plist[j], []).append(ch)
    stats = Stats(len(index.entries), index.avgdl, _Frequencies(index.postings))
    return closest(stats, chars, ((e, index.lengths[e], chs) for e, chs in held.items()
                                  if index.entries[e].kind == "duty"), limit)
