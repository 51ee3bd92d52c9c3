"""Ranked lookup over the graph's texts: which units handle what a query describes.

The index holds *entries*: pieces of text (a duty statement, a unit name, a
procedure title, and whatever other kinds register), each with the units that
handle it and where each says so.  Entries are matched on character unigrams
and bigrams of their folded text (:mod:`queries.textnorm`) with BM25, then
re-weighted by:

- phrase: the longest run of the query found verbatim in the entry;
- coverage: the share of the query's bigram weight the entry contains (an
  entry below :data:`MIN_COVERAGE` is not a match at all, unless it holds
  :data:`MIN_RUN` characters of the query word for word).  A *seam* — a
  bigram no entry has, between two the entries have (印信管理: 信管) — straddles
  two words and is not counted against an entry holding the word before it
  (:func:`seams`);
- prior: catch-all duties (「其他有關…事項」) and residual ones (「不屬其他各組、室
  事項」) count for less than a duty a unit is specifically charged with.

When no unit passes, a second pass keeps the units whose entry (with the unit's names)
shares bigrams covering at least :data:`PARTIAL_MIN_CHARS` characters of the query — two
words — whatever its coverage: a planner's everyday words (國道交通違規取締) often share only
two words with the formal text (違反公路交通管理事件之稽查取締).  Their results are marked
``partial``.  One shared word is not enough (辦公室 is no answer to 辦公室冷氣維修): off-topic
queries (寵物美容, 機票比價 …, eval/offtopic.jsonl) share one word by chance, not two.

Units are ranked by their best entry; units that share that entry (one duty,
several HANDLES edges) get exactly the same score.  A unit named in the query
(``臺中關保稅``) is taken as context: units under it are preferred.

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

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from graph_model.errors import UnknownType, UnknownUnit
from graph_model.graph.succession import note as succession_note
from graph_model.records.naming import closest_units
from graph_model.records.unitref import parse_unit_ref, units_named
from queries.entries import Entry, duty_entries, unit_entries
from queries.procedure import which_entries  # light: no networkx
from queries.textnorm import FUNCTION_CHARS, clean_query, fold, opencc_triggers, short_forms

from .definitions import graph_definitions
from .rows import IndexHandler, IndexText, IndexUnit, text_row, unit_row
from .vocabulary import Catalog, catalog

FORMAT = "orggraph-which-index"
VERSION = 5

# Ranking parameters (tuned on eval/queries.jsonl as a whole, never for one query).
K1, B = 1.2, 0.75  # BM25
UNIGRAM_WEIGHT = 0.3  # a shared character counts for less than a shared bigram
PHRASE_BONUS = 1.0  # score × (1 + PHRASE_BONUS × longest verbatim run / query length)
MIN_COVERAGE = 0.34  # share of the query's bigram weight a unit's entry (with the unit's names) must contain
PREFILTER = 0.2  # share an entry must contain on its own to be considered at all
MIN_RUN = 4  # …or the length of a run of the query it contains word for word
CONTEXT_BOOST = 2.0  # a unit under a unit named in the query
PARTIAL_MIN_CHARS = 4  # the second pass: query characters an entry's shared bigrams must cover (two words)
# Bigrams in at least 3% of the national store's texts (its 18,461 duties, names and procedure texts, 2026-12):
# the genre's own vocabulary.  Where one word in common is enough (inside an agency the question names),
# one of these is not that word: every unit has 業務, 規劃 or 管理 somewhere.
COMMON_WORDS = frozenset(
    "事項 規劃 管理 之規 執行 其他 有關 督導 研究 業務 他有 推動 之研 處理 務之 協調 人員 相關 劃及 及執 發展 政策 "
    "及管 資訊 安全 計畫 理及 維護 導及 服務 教育 及督 研擬 輔導 訓練 及推 案件 機關 考核 法規 件之".split())
EVIDENCE_PER_UNIT = 3


# What the index holds: kind -> function(graph) yielding its entries.  Add a kind here
# (or pass ``sources`` to :func:`build_index`).
ENTRY_SOURCES: Mapping[str, Callable[..., Iterable[Entry]]] = MappingProxyType({
    "duty": duty_entries,
    "unit": unit_entries,
    "procedure": which_entries,  # titles, steps and notes of procedures: the acting unit answers
})


# --------------------------------------------------------------------------- the index
def key_terms(key: str) -> dict[str, int]:
    """Unigram and bigram counts of a folded key (bigrams never span a boundary): what both lookups match.

    >>> key_terms("印信 管理")
    {'印': 1, '信': 1, '印信': 1, '管': 1, '理': 1, '管理': 1}
    """
    counts: dict[str, int] = {}
    for run in key.split():
        for i, ch in enumerate(run):
            counts[ch] = counts.get(ch, 0) + 1
            if i:
                bg = run[i - 1:i + 1]
                counts[bg] = counts.get(bg, 0) + 1
    return counts


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


def _content_length(key: str) -> int:
    return len(key) - key.count(" ")


@dataclass
class Index:
    """The lookup index: units, entries, postings.  Build with :func:`build_index`."""

    units: Sequence[IndexUnit]
    entries: Sequence[IndexText]
    postings: Mapping[str, Sequence[int]]  # term -> [entry#, tf, entry#, tf, …]
    lengths: Sequence[int]
    triggers: str  # characters OpenCC may change (see textnorm.opencc_triggers)
    context: dict[str, list[int]]  # unit name -> unit#s: names a query can mention as context
    name_postings: Mapping[str, Sequence[int]]  # bigram -> unit#s whose path (own and higher names) has it
    scopes: dict  # the agencies a question can name (queries.lookup.vocabulary.Catalog.to_dict)

    def __post_init__(self) -> None:
        self.avgdl = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        self._trigger_set = frozenset(self.triggers)
        self._catalog: Catalog | None = None
        self._context_by_char: dict[str, list[str]] = {}  # first character -> names, longest first
        for name in sorted(self.context, key=len, reverse=True):
            self._context_by_char.setdefault(name[0], []).append(name)

    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "units": self.units, "entries": self.entries,
                "postings": self.postings, "lengths": self.lengths, "triggers": self.triggers,
                "context": self.context, "name_postings": self.name_postings, "scopes": self.scopes}

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


def build_index(graph, kinds: Iterable[str] | None = None,
                sources: Mapping[str, Callable[..., Iterable[Entry]]] = ENTRY_SOURCES,
                folded: Mapping[str, str] | None = None) -> Index:
    """Index the graph's texts (every kind in ``sources``, by default :data:`ENTRY_SOURCES`, or only ``kinds``).

    ``folded`` maps texts to their :func:`fold` keys where a caller knows them already (from the
    previous index: folding, OpenCC above all, is most of the time of a build)."""
    units = [IndexUnit(u["id"], u["name"], list(u["path"]), u["kind"], u["unit_type"], u["full_name"],
                       list(u["aliases"]), succession_note(u))
             for u in graph.units()]
    pos = {u.id: i for i, u in enumerate(units)}
    triggers = opencc_triggers()
    entries: list[IndexText] = []
    postings: dict[str, list[int]] = {}
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
            lengths.append(max(1, _content_length(key)))
            terms = key_terms(key)
            for short in short_forms(key):  # 環境保護 in the text: a query saying 環保 finds it too
                for term in key_terms(short):
                    terms.setdefault(term, 1)
            for term, tf in terms.items():
                postings.setdefault(term, []).extend((n, tf))
    # Units a query may name as context: units with units under them (agencies, divisions with sections).
    parents = {tuple(u.path[:-1]) for u in units if len(u.path) > 1}
    context: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if tuple(u.path) in parents and len(u.name) >= 3:
            context.setdefault(fold(u.name, triggers), []).append(i)
    for i, u in enumerate(units):  # agencies are also named by abbreviation: 環保署, 原民會, 國產署
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
    return Index(units, entries, postings, lengths, "".join(sorted(triggers)), context, name_postings,
                 catalog(units, triggers, graph_definitions(graph)).to_dict())


# --------------------------------------------------------------------------- searching
@dataclass
class Match:
    """One matched entry and how it scored for a unit."""

    entry: int
    score: float
    handlers: list[IndexHandler]  # the entry's handlers for this unit
    explain: dict | None = None


@dataclass
class UnitResult:
    unit: int
    unit_id: str
    score: float
    matches: list[Match]
    context: bool = False  # preferred because the query named a unit above it
    partial: bool = False  # found by the second pass: only a few of the query's words in common


@dataclass
class Query:
    """A query as the index sees it."""

    text: str
    key: str  # cleaned, folded
    parts: list[str]  # key split at boundaries (context names removed)
    context: list[str]  # unit names the query mentions as context
    terms: dict[str, int]

    @property
    def length(self) -> int:
        return sum(len(p) for p in self.parts)


def parse_query(index: Index, text: str) -> Query:
    """Clean and fold ``text``; unit names it mentions become context when content remains."""
    key = clean_query(text, index._trigger_set)
    parts, context = key.split(), list[str]()
    names = [n for ch in dict.fromkeys(key) for n in index._context_by_char.get(ch, ())]
    for name in sorted(names, key=len, reverse=True):
        if not any(name in p for p in parts):
            continue
        rest = [q for p in parts for q in (p.replace(name, " ").split() if name in p else [p])]
        if sum(len(q) for q in rest) >= 2:
            parts, context = rest, context + [name]
    parts = [q for p in parts for q in _break_at_glue(index, p).split()]
    terms: dict[str, int] = {}
    for p in parts:
        for t, c in key_terms(p).items():
            terms[t] = terms.get(t, 0) + c
    # A bigram no text holds that joins a function character (要去, 在做, 會去) is the question's
    # phrasing, not its matter: it could match nothing, and only lowers every text's coverage.
    glue = [t for t in terms if len(t) == 2 and not FUNCTION_CHARS.isdisjoint(t) and t not in index.postings]
    if len(glue) < sum(1 for t in terms if len(t) == 2):
        for t in glue:
            del terms[t]
    return Query(text, key, parts, context, terms)


def _break_at_glue(index: Index, part: str) -> str:
    """Replace function characters that join nothing indexed (行李要檢查 → 行李 檢查) with a boundary."""
    chars = list(part)
    for i, ch in enumerate(part):
        if ch in FUNCTION_CHARS:
            left = part[i - 1:i + 1] if i else ""
            right = part[i:i + 2] if i + 1 < len(part) else ""
            if not any(g and g in index.postings for g in (left, right)):
                chars[i] = " "
    return "".join(chars)


def _idf(index: Index, term: str) -> float:
    df = len(index.postings.get(term, ())) // 2
    n = len(index.entries)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _automaton(parts: tuple[str, ...]) -> tuple[list[dict], list[int], list[int]]:
    """Suffix automaton ``(transitions, links, lengths)`` of the query parts, joined by a character
    no key holds: built in time linear in the query, it finds the longest run of the query in a key
    in one pass over the key."""
    nxt: list[dict[str, int]] = [{}]
    link, length, last = [-1], [0], 0
    for ch in "\x00".join(parts):
        cur = len(nxt)
        nxt.append({})
        length.append(length[last] + 1)
        link.append(0)
        p = last
        while p >= 0 and ch not in nxt[p]:
            nxt[p][ch] = cur
            p = link[p]
        if p >= 0:
            q = nxt[p][ch]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(nxt)
                nxt.append(dict(nxt[q]))
                length.append(length[p] + 1)
                link.append(link[q])
                while p >= 0 and nxt[p].get(ch) == q:
                    nxt[p][ch] = clone
                    p = link[p]
                link[q] = link[cur] = clone
        last = cur
    return nxt, link, length


_AUTOMATA: dict[tuple[str, ...], tuple] = {}


def _longest_run(parts: list[str], key: str) -> tuple[int, int]:
    """``(length, position in key)`` of the longest piece of the query found verbatim in ``key``
    (the first such piece in ``key``), in time linear in the query and the key."""
    tparts = tuple(parts)
    sam = _AUTOMATA.get(tparts)
    if sam is None:
        if len(_AUTOMATA) > 16:
            _AUTOMATA.clear()
        sam = _AUTOMATA[tparts] = _automaton(tparts)
    nxt, link, length = sam
    best, where, v, run = 0, -1, 0, 0
    for i, ch in enumerate(key):
        while v and ch not in nxt[v]:
            v = link[v]
            run = length[v]
        v2 = nxt[v].get(ch)
        if v2 is None:
            v, run = 0, 0
        else:
            v, run = v2, run + 1
            if run > best:
                best, where = run, i - run + 1
    return best, where




def _allowed_units(index: Index, agency: str | None, unit_type: str | None) -> set[int] | None:
    if agency is None and unit_type is None:
        return None
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


def seams(parts: list[str], known) -> dict[str, str]:
    """Query bigrams absent from ``known`` (the index's terms) whose every occurrence lies between two
    bigrams of the query that are in it: they straddle two words the documents know (印信管理: 信管,
    between 印信 and 管理).  Each maps to the word before it (its bigram next to the seam), or to
    ``""`` when the seam follows different words where it occurs.

    >>> seams(["印信管理", "量子電腦"], {"印信", "管理", "電腦"})
    {'信管': '印信'}
    """
    found: dict[str, set[str]] = {}
    not_seam = set()
    for p in parts:
        for i in range(len(p) - 1):
            bg = p[i:i + 2]
            if bg in known:
                continue
            if 0 < i < len(p) - 2 and p[i - 1:i + 1] in known and p[i + 1:i + 3] in known:
                found.setdefault(bg, set()).add(p[i - 1:i + 1])
            else:
                not_seam.add(bg)
    return {bg: (before.pop() if len(before) == 1 else "") for bg, before in found.items() if bg not in not_seam}


def search(index: Index, query: str, *, agency: str | None = None, unit_type: str | None = None,
           limit: int | None = None, explain: bool = False,
           partial_chars: int = PARTIAL_MIN_CHARS) -> list[UnitResult]:
    """Units that handle what ``query`` describes, best first.

    ``agency`` keeps units at or under every unit it names (:func:`graph_model.records.unitref.units_named`);
    ``unit_type`` keeps units of a kind (``Division``, ``Section`` …) or unit
    type (``組``, ``科``, ``分關`` …).  ``limit`` cuts after that many results
    but never inside a run of equal scores.  ``partial_chars``: the query characters the second pass
    needs in common (two words; one inside an agency the question names, :mod:`queries.lookup.ask`).
    """
    allowed = _allowed_units(index, agency, unit_type)
    q = parse_query(index, query)
    if not q.terms:
        return []
    bigrams = [t for t in q.terms if len(t) == 2] or [t for t in q.terms if len(t) == 1]
    unigrams = [t for t in q.terms if len(t) == 1 and t not in bigrams]
    idf = {t: _idf(index, t) for t in q.terms}
    postings = index.postings
    bit = {t: 1 << i for i, t in enumerate(bigrams)}
    weight_of_bit = {i: idf[t] for i, t in enumerate(bigrams)}
    total = sum(idf[t] for t in bigrams) or 1.0
    # A seam — a bigram no entry has, between two bigrams of the query that entries have (印信管理:
    # 信管) — straddles two words the documents know: it is no evidence against an entry holding the
    # word before it, whose weight is measured without it.  Not so for an entry holding only the word
    # after it: a Chinese phrase is head-final, its last word (管理) the general one that the words
    # before it narrow down (印信), so an entry with the head alone (人事管理) has not matched the phrase.
    excuses: dict[int, int] = {}  # bit number of the bigram before a seam -> the seams' bits
    for seam, before in seams(q.parts, postings).items():
        if before and seam in bit and before in bit:
            i = bit[before].bit_length() - 1
            excuses[i] = excuses.get(i, 0) | bit[seam]

    def excused(mask: int) -> int:
        """The seams excused for an entry holding the query bigrams in ``mask``."""
        out = 0
        if excuses:
            while mask:
                low = mask & -mask
                out |= excuses.get(low.bit_length() - 1, 0)
                mask ^= low
        return out

    def mass(mask: int) -> float:
        """The idf mass of the query bigrams in ``mask`` (time linear in the bits set)."""
        m = 0.0
        while mask:
            low = mask & -mask
            m += weight_of_bit[low.bit_length() - 1]
            mask ^= low
        return m

    avgdl, lengths, entries = index.avgdl, index.lengths, index.entries
    raw: dict[int, float] = {}
    masks: dict[int, int] = {}
    masses: dict[int, float] = {}
    contrib: dict[int, list] = {}

    def add(term: str, weight: float, only):
        plist = postings.get(term)
        if not plist:
            return
        w = weight * idf[term] * q.terms[term]
        for j in range(0, len(plist), 2):
            e = plist[j]
            if only is not None and e not in only:
                continue
            tf, dl = plist[j + 1], lengths[e]
            s = w * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl))
            raw[e] = raw.get(e, 0.0) + s
            if explain:
                contrib.setdefault(e, []).append((term, round(idf[term], 3), round(s, 3)))

    for t in bigrams:
        plist = postings.get(t, ())
        b, w = bit[t], idf[t]
        for j in range(0, len(plist), 2):
            e = plist[j]
            masks[e] = masks.get(e, 0) | b
            masses[e] = masses.get(e, 0.0) + w
        add(t, 1.0, None)
    # Entries that share too little with the query are not candidates, even with their units' names,
    # unless they hold a run of MIN_RUN characters of the query word for word (which needs at least
    # MIN_RUN - 1 of its bigrams: only those entries are scanned for one).
    runs: dict[int, tuple[int, int]] = {}
    keep = set()
    for e, m in masses.items():
        if m >= PREFILTER * (total - mass(excused(masks[e]))):
            keep.add(e)
        elif masks[e].bit_count() >= MIN_RUN - 1:
            runs[e] = _longest_run(q.parts, entries[e].key)
            if runs[e][0] >= MIN_RUN:
                keep.add(e)
    for t in unigrams:
        add(t, UNIGRAM_WEIGHT, keep)

    # Query bigrams found in units' paths (names of the unit and of the units above it).
    name_masks: dict[int, int] = {}
    for t in bigrams:
        for u in index.name_postings.get(t, ()):
            name_masks[u] = name_masks.get(u, 0) | bit[t]
    context_units: set[int] = set()
    if q.context:
        roots = [index.units[i].path for name in q.context for i in index.context.get(name, [])]
        context_units = {i for i, u in enumerate(index.units) if any(u.path[:len(r)] == r for r in roots)}

    qlen = max(q.length, 1)

    def by_unit_of(candidates, partial: bool) -> dict[int, list[Match]]:
        by_unit: dict[int, list[Match]] = {}
        for e in candidates:
            entry = entries[e]
            run, phrase, prior = phrase_and_prior(q.parts, entry.key, entry.clause, entry.prior, qlen, runs.get(e))
            base = raw[e] * phrase * prior
            per_unit: dict[int, list[IndexHandler]] = {}
            for h in entry.handlers:
                if allowed is None or h.unit in allowed:
                    per_unit.setdefault(h.unit, []).append(h)
            for u, hs in per_unit.items():
                m = masks[e] | name_masks.get(u, 0)
                extra, seamed = m & ~masks[e], excused(m)
                coverage = (masses[e] + (mass(extra) if extra else 0.0)) / ((total - mass(seamed)) or 1.0)
                if partial:
                    if not two_words(m):
                        continue
                # Too little of the query in common, unless a long stretch of it is there word for word
                # (a chatty question around a real phrase: 我想知道進口貨物退運…).
                elif coverage < MIN_COVERAGE and run < MIN_RUN:
                    continue
                boost = CONTEXT_BOOST if u in context_units else 1.0
                score = base * coverage * boost
                info = None
                if explain:
                    info = {"bm25": round(raw[e], 3), "coverage": round(coverage, 3),
                            "from_unit_names": sorted(t for t in bigrams if extra & bit[t]),
                            "seams": sorted(t for t in bigrams if seamed & bit[t]),
                            "longest_run": run, "phrase_factor": round(phrase, 3), "prior": prior,
                            "flags": list(entry.flags), "context_boost": boost, "terms": contrib.get(e, [])}
                by_unit.setdefault(u, []).append(Match(e, score, hs, info))
        return by_unit

    wide: dict[int, bool] = {}

    def two_words(mask: int) -> bool:
        """Do the query bigrams in ``mask`` cover ``partial_chars`` characters of the query?"""
        if mask not in wide:
            loose = partial_chars < PARTIAL_MIN_CHARS
            held = [t for t in bigrams if mask & bit[t] and not (loose and t in COMMON_WORDS)]
            wide[mask] = covered_chars(q.parts, held) >= partial_chars
        return wide[mask]

    by_unit, partial = by_unit_of(keep, False), False
    if not by_unit:  # the second pass: entries that may share two words, their unigrams counted too
        any_name = 0  # what any unit's names can add: an entry short of two words even with it is not read
        for m in name_masks.values():
            any_name |= m
        wider = [e for e in masses if two_words(masks[e] | any_name)]
        loose = [e for e in wider if e not in keep]
        for t in unigrams:
            add(t, UNIGRAM_WEIGHT, set(loose))
        by_unit, partial = by_unit_of(wider, True), True

    results = []
    for u, matches in by_unit.items():
        matches.sort(key=lambda m: (-m.score, m.entry))
        results.append(UnitResult(u, index.units[u].id, matches[0].score, matches[:EVIDENCE_PER_UNIT],
                                  u in context_units, partial))
    # Best score first; equal scores stay together, ordered by the evidence they share, then by id.
    results.sort(key=lambda r: (-round(r.score, 9), r.matches[0].entry, r.unit_id))
    return keep_ties(results, limit, lambda r: r.score)


def covered_chars(parts: list[str], grams) -> int:
    """How many characters of the query ``parts`` the bigrams ``grams`` cover: what the second pass of
    both lookups asks of an entry (one three-character word is 2 bigrams but 3 characters).

    >>> covered_chars(["國道交通違規取締"], ["交通", "取締"]), covered_chars(["辦公室冷氣維修"], ["辦公", "公室"])
    (4, 3)
    """
    grams = set(grams)
    return sum(1 for p in parts for i in range(len(p))
               if p[i:i + 2] in grams or (i and p[i - 1:i + 1] in grams))


def phrase_and_prior(parts: list[str], key: str, clause: int, prior: float, qlen: int,
                     run_at: tuple[int, int] | None = None) -> tuple[int, float, float]:
    """``(longest verbatim run, phrase factor, prior)`` of an entry's ``key`` for the query ``parts``.

    A flagged entry loses its discount when the query matches before its catch-all
    clause (公共關係 in 「印信、文書…公共關係及不屬於各處、室事項」).  ``run_at`` is
    :func:`_longest_run` of ``parts`` and ``key`` when the caller has it already.
    """
    run, at = run_at if run_at is not None else _longest_run(parts, key)
    return run, 1 + PHRASE_BONUS * run / qlen, (1.0 if 0 <= at < clause else prior)


def keep_ties(ranked: list, limit: int | None, score: Callable) -> list:
    """The first ``limit`` of ``ranked`` (best first), and every one tied with the last of them."""
    if limit is None or len(ranked) <= limit:
        return ranked
    cut, last = limit, round(score(ranked[limit - 1]), 9)
    while cut < len(ranked) and round(score(ranked[cut]), 9) == last:
        cut += 1
    return ranked[:cut]


def closest_entries(index: Index, query: str, limit: int = 3) -> list[int]:
    """Entries sharing the most characters with ``query`` (for suggestions when nothing matches)."""
    q = parse_query(index, query)
    chars = {t for t in q.terms if len(t) == 1}
    if not chars:
        return []
    hits: dict[int, float] = {}
    for ch in chars:
        idf = _idf(index, ch)
        plist = index.postings.get(ch, [])
        for j in range(0, len(plist), 2):
            hits[plist[j]] = hits.get(plist[j], 0.0) + idf
    ranked = sorted(hits, key=lambda e: (-hits[e] / math.sqrt(index.lengths[e]), e))
    return [e for e in ranked if index.entries[e].kind == "duty"][:limit]
