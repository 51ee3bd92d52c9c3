"""The one ranking of ``which``: typed candidates and term statistics in, units best first out.

Both backends only *produce* what this module ranks: the embedded index
(:func:`queries.lookup.search.search`, from its postings) and Neo4j
(:mod:`queries.lookup.neo4j_lookup`, candidates from Lucene, statistics pushed with the graph
by :mod:`queries.lookup.neo4j_rows`).  Everything that decides an answer is here, once:

- the query read against what the texts hold (:func:`read_query`): unit names taken as context,
  glue characters (要去, 在做) that join nothing indexed dropped;
- BM25 over character unigrams and bigrams of the folded texts, idf from document frequencies;
- phrase: the longest run of the query found verbatim in the text — no bonus for a run ending another compound
  in the text than in the query (業研發成果 of 農業研發成果 in 「產業研發成果…」), unless the unit's names hold the
  word narrowing the query's compound (:func:`narrowing_bigrams`), nor for a word the query says bare and the
  text narrows (消費者保護 in 「金融消費者保護」, :func:`bare_narrowed`);
- coverage: the share of the query's bigram idf mass the text (with the unit's names) holds; below
  :data:`MIN_COVERAGE` no match, unless :data:`MIN_RUN` characters of the query are there word for
  word.  A *seam* — a bigram no text has, between two texts have (印信管理: 信管) — straddles two
  words and is not counted against a text holding the word before it (:func:`seams`);
- prior: catch-all duties (「其他有關…事項」) and residual ones (「不屬其他各組、室事項」) count for
  less, unless the query matches before their catch-all clause;
- context: units under a unit the query names (``臺中關保稅``) count :data:`CONTEXT_BOOST` times;
- own name (not for a duty the loader gave the unit by that very name, ``queries.entries.INFERRED``): a unit
  named for the matter its text states (法醫研究所's 「法醫人員之培訓」, the 阿里山林業鐵路…管理處's
  「阿里山林業鐵路…之管理」) is the body whose job it is, above a ministry listing the matter or a section
  under the unit named for it: the query's words both hold count :data:`OWN_NAME_BONUS` more (the unit's
  own name, not those above it, which every unit under them shares; not the documents' words a question
  was reworded with, which name a domain — 原住民族 — as often as a matter);
- names in the score: the query's words only a unit's own name holds (榮民服務 of 「榮民服務轉介」 for
  各榮民服務處) count in its BM25 as a word its text held once would, at :data:`NAME_TERMS_WEIGHT`; those of a
  name above it only where that body has no statement of its own answering the question
  (:func:`rank`'s ``lent_from_above``);
- a question reworded in the documents' words: a word narrowing the everyday term it replaces
  (鄉鎮市調解 for 調解) weighs what the term did (:func:`weigh_equivalents`);
- the partial second pass: when no unit passes, units whose text (with their names) shares bigrams
  covering :data:`PARTIAL_MIN_CHARS` characters of the query (two words), marked ``partial``.  One
  word is chance (辦公室 is no answer to 辦公室冷氣維修; eval/offtopic.jsonl);
- ties: a unit ranks by its best text; equal scores order by that text's place in the index
  (:attr:`Candidate.order`), then by unit id.

The parameters were tuned on eval/queries.jsonl as a whole, never for one query.

>>> q = read_query("印信管理", frozenset(), {"印信", "管理", "印", "信", "管", "理"}.__contains__)
>>> text = IndexText("duty", "d1", "印信管理", "印信管理", 1.0, [], [IndexHandler(0, "001", 3, "", "", "", "")], -1, "")
>>> c = candidate(text, 0, q.terms)
>>> [(r.unit_id, round(r.score, 3)) for r in rank(q, Stats(2, 4.0, dict.fromkeys(q.terms, 1)), [c],
...                                               ["財政部/秘書室"].__getitem__)]
[('財政部/秘書室', 5.822)]
"""
from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from queries.entries import INFERRED
from queries.textnorm import FUNCTION_CHARS, clean_query, short_forms

from .rows import IndexHandler, IndexText

K1, B = 1.2, 0.75  # BM25
UNIGRAM_WEIGHT = 0.3  # a shared character counts for less than a shared bigram
PHRASE_BONUS = 1.0  # score × (1 + PHRASE_BONUS × longest verbatim run / query length)
MIN_COVERAGE = 0.34  # share of the query's bigram weight a unit's text (with the unit's names) must contain
PREFILTER = 0.2  # share a text must contain on its own to be considered at all
MIN_RUN = 4  # …or the length of a run of the query it contains word for word
SEAM_GAP = 2  # absent bigrams in a row a seam may be: a word of one character between two words (調整和各種)
CONTEXT_BOOST = 2.0  # a unit under a unit named in the query
OWN_NAME_BONUS = 0.25  # score × (1 + this × share of the query's bigram weight both the text and the unit's name hold)
NAME_TERMS_WEIGHT = 0.5  # a query bigram only a unit's names hold, in its score: this share of one its text holds once
PARTIAL_MIN_CHARS = 4  # the second pass: query characters a text's shared bigrams must cover (two words)
# Bigrams in at least 3% of the national store's texts (its 18,461 duties, names and procedure texts, 2026-12):
# the genre's own vocabulary.  Where one word in common is enough (inside an agency the question names),
# one of these is not that word: every unit has 業務, 規劃 or 管理 somewhere.
COMMON_WORDS = frozenset(
    "事項 規劃 管理 之規 執行 其他 有關 督導 研究 業務 他有 推動 之研 處理 務之 協調 人員 相關 劃及 及執 發展 政策 "
    "及管 資訊 安全 計畫 理及 維護 導及 服務 教育 及督 研擬 輔導 訓練 及推 案件 機關 考核 法規 件之".split())
EVIDENCE_PER_UNIT = 3
CONJUNCTIONS = frozenset("之及與和或暨")  # join words, never part of one
# The genre's generic actions: a duty names its matter and leaves the action implied (「掌理文書、印信、出納」
# keeps the seal) or says it otherwise, so 印信保管 is 印信 and 保管, not a word 信保 as well.
GENERIC_ACTIONS = ("保管", "處理", "辦理", "承辦", "負責", "執行")


# --------------------------------------------------------------------------- terms
def key_terms(key: str) -> dict[str, int]:
    """Unigram and bigram counts of a folded key (bigrams never span a boundary): what is matched.

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


def text_terms(key: str) -> dict[str, int]:
    """The terms a text is found by: those of its key, and once each those of its short forms (環境保護 in the
    text: a query saying 環保 finds it too)."""
    terms = key_terms(key)
    for short in short_forms(key):
        for term in key_terms(short):
            terms.setdefault(term, 1)
    return terms


def content_length(key: str) -> int:
    """A text's length for BM25: its characters, boundaries not counted, at least 1."""
    return max(1, len(key) - key.count(" "))


# --------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Query:
    """A query as the ranking sees it."""

    text: str
    key: str  # cleaned, folded
    parts: list[str]  # key split at boundaries (context names removed)
    context: list[str]  # unit names the query mentions as context
    terms: dict[str, int]

    @property
    def length(self) -> int:
        return sum(len(p) for p in self.parts)


class Stats(NamedTuple):
    """What the ranking needs of the whole collection of texts."""

    texts: int  # how many texts there are
    avgdl: float  # their average content length
    df: Mapping[str, int]  # texts holding a term, for (at least) the query's terms; absent: none


class Candidate(NamedTuple):
    """A text that may answer: the index's row, its place in the index and the query's terms it holds."""

    text: IndexText  # kind, ref, folded key, prior, flags, catch-all clause start, handlers with provenance
    order: int  # its place in the index: equal scores of different texts are ordered by it
    length: int  # content length (:func:`content_length`)
    tf: Mapping[str, int]  # the query's terms it holds, with their counts


def candidate(text: IndexText, order: int, query_terms: Iterable[str]) -> Candidate:
    """A candidate whose term counts are worked out from its key (what the index's postings hold)."""
    held = text_terms(text.key)
    return Candidate(text, order, content_length(text.key), {t: held[t] for t in query_terms if t in held})


@dataclass(frozen=True)
class Why:
    """How one text scored for a unit: ``bm25 × coverage × phrase_factor × prior × context_boost × own_name``,
    and what went into each factor (what ``--explain`` shows, :mod:`queries.lookup.explanation`)."""

    bm25: float
    coverage: float  # the share of the query's bigram idf mass held, seams not counted
    longest_run: int  # query characters found verbatim
    phrase_factor: float
    prior: float  # below 1: a match inside a catch-all or residual clause
    context_boost: float  # above 1: under a unit the query names
    flags: tuple[str, ...]  # catch_all, residual …
    from_unit_names: tuple[str, ...]  # query bigrams only the unit's names (and those above it) hold
    seams: tuple[str, ...]  # query bigrams between two known words, not counted against the text
    terms: tuple[tuple[str, float, float], ...]  # (term, idf, its part of bm25), in the query's order
    own_name: float = 1.0  # above 1: the unit's own name holds query words the text holds too


@dataclass
class Match:
    """One matched text and how it scored for a unit."""

    entry: int  # the candidate's order
    text: IndexText
    score: float
    handlers: list[IndexHandler]  # the text's handlers for this unit
    explain: Why | None = None


@dataclass
class UnitResult:
    unit: int
    unit_id: str
    score: float
    matches: list[Match] = field(default_factory=list)
    context: bool = False  # preferred because the query named a unit above it
    partial: bool = False  # found by the second pass: only a few of the query's words in common


# --------------------------------------------------------------------------- reading the query
def read_query(text: str, triggers: frozenset[str] | None, known: Callable[[str], bool],
               names: Callable[[str], Iterable[str]] = lambda key: ()) -> Query:
    """Clean and fold ``text`` (``triggers``: :func:`queries.textnorm.opencc_triggers`); of ``names(key)`` (unit
    names the cleaned query may mention as the place to look), those it holds become context when content
    remains, longest first.  ``known(term)``: does some text hold the term."""
    key = clean_query(text, triggers)
    parts, context = key.split(), list[str]()
    first = {ch: i for i, ch in reversed(list(enumerate(key)))}
    for name in sorted(set(names(key)), key=lambda n: (-len(n), first.get(n[0], len(key)), n)):
        if not any(name in p for p in parts):
            continue
        rest = [q for p in parts for q in (p.replace(name, " ").split() if name in p else [p])]
        if sum(len(q) for q in rest) >= 2:
            parts, context = rest, context + [name]
    parts = [q for p in parts for q in _break_at_glue(known, p).split()]
    terms: dict[str, int] = {}
    for p in parts:
        for t, c in key_terms(p).items():
            terms[t] = terms.get(t, 0) + c
    # A bigram no text holds that joins a function character (要去, 在做, 會去) is the question's
    # phrasing, not its matter: it could match nothing, and only lowers every text's coverage.
    glue = [t for t in terms if len(t) == 2 and not FUNCTION_CHARS.isdisjoint(t) and not known(t)]
    if len(glue) < sum(1 for t in terms if len(t) == 2):
        for t in glue:
            del terms[t]
    return Query(text, key, parts, context, terms)


def query_substrings(key: str) -> tuple[list[str], list[str]]:
    """``(terms, names)``: every term :func:`read_query` may ask ``known`` about, and every piece of three
    characters or more that may be a unit's name — what a backend looks up before reading a query."""
    terms: set[str] = set()
    names: set[str] = set()
    for run in key.split():
        for i in range(len(run)):
            terms.update(run[i:i + n] for n in (1, 2) if i + n <= len(run))
            names.update(run[i:j] for j in range(i + 3, len(run) + 1))
    return sorted(terms), sorted(names)


def _break_at_glue(known: Callable[[str], bool], part: str) -> str:
    """Replace function characters that join nothing indexed (行李要檢查 → 行李 檢查) with a boundary."""
    chars = list(part)
    for i, ch in enumerate(part):
        if ch in FUNCTION_CHARS:
            left = part[i - 1:i + 1] if i else ""
            right = part[i:i + 2] if i + 1 < len(part) else ""
            if not any(g and known(g) for g in (left, right)):
                chars[i] = " "
    return "".join(chars)


def query_bigrams(q: Query) -> list[str]:
    """The terms coverage is measured on: the query's bigrams, or its characters when it has none."""
    return [t for t in q.terms if len(t) == 2] or [t for t in q.terms if len(t) == 1]


# --------------------------------------------------------------------------- pieces
def idf(stats: Stats, term: str) -> float:
    df = stats.df.get(term, 0)
    return math.log(1 + (stats.texts - df + 0.5) / (df + 0.5))


def seams(parts: list[str], known) -> dict[str, str]:
    """Query bigrams absent from ``known`` (the texts' terms) whose every occurrence lies between two
    bigrams of the query that are in it: they straddle two words the documents know (印信管理: 信管,
    between 印信 and 管理).  Each maps to the word before it (its bigram next to the seam), or to
    ``""`` when the seam follows different words where it occurs.  A word of one character between two
    words (和, 上, 不: 待遇調整和各種加給) joins neither in the documents: its two bigrams are one seam.

    >>> seams(["印信管理", "量子電腦"], {"印信", "管理", "電腦"})
    {'信管': '印信'}
    >>> seams(["待遇調整和各種加給"], {"待遇", "遇調", "調整", "各種", "種加", "加給"})
    {'整和': '調整', '和各': '調整'}
    """
    found: dict[str, set[str]] = {}
    not_seam = set()
    for p in parts:
        i = 0
        while i < len(p) - 1:
            if p[i:i + 2] in known:
                i += 1
                continue
            j = i  # absent bigrams i..j, at most SEAM_GAP of them in a row
            while j + 1 - i < SEAM_GAP and j + 1 < len(p) - 1 and p[j + 1:j + 3] not in known:
                j += 1
            gap = [p[k:k + 2] for k in range(i, j + 1)]
            if 0 < i and j < len(p) - 2 and p[i - 1:i + 1] in known and p[j + 1:j + 3] in known:
                for bg in gap:
                    found.setdefault(bg, set()).add(p[i - 1:i + 1])
            else:
                not_seam.update(gap)
            i = j + 1
    return {bg: (before.pop() if len(before) == 1 else "") for bg, before in found.items() if bg not in not_seam}


def optional_bigrams(parts: list[str]) -> dict[str, str]:
    """The query's bigrams that join a generic action (:data:`GENERIC_ACTIONS`) to its matter (信保 of
    印信保管), each with the matter's bigram beside it: a text naming the matter and leaving the action
    implied, or saying it in other words, has not missed the join — a text with the action alone (保管 of
    something else) has.  The action itself still counts: a text saying it is the better answer.

    >>> optional_bigrams(["印信保管"]), optional_bigrams(["辦理護照", "執行"]), optional_bigrams(["信保管"])
    ({'信保': '印信'}, {'理護': '護照'}, {})
    """
    out: dict[str, str] = {}
    rest: set[str] = set()
    for p in parts:
        starts = [i for i in range(len(p) - 1) if p[i:i + 2] in GENERIC_ACTIONS]
        for i in range(len(p) - 1):
            bg = p[i:i + 2]
            matter = ""
            if bg not in GENERIC_ACTIONS:
                if i + 1 in starts and i > 0:
                    matter = p[i - 1:i + 1]
                elif i - 1 in starts and i + 2 < len(p):
                    matter = p[i + 1:i + 3]
            if matter and matter not in GENERIC_ACTIONS:
                out.setdefault(bg, matter)
            else:
                rest.add(bg)
    return {bg: matter for bg, matter in out.items() if bg not in rest}


def covered_chars(parts: list[str], grams) -> int:
    """How many characters of the query ``parts`` the bigrams ``grams`` cover: what the second pass asks
    of a text (one three-character word is 2 bigrams but 3 characters).

    >>> covered_chars(["國道交通違規取締"], ["交通", "取締"]), covered_chars(["辦公室冷氣維修"], ["辦公", "公室"])
    (4, 3)
    """
    grams = set(grams)
    return sum(1 for p in parts for i in range(len(p))
               if p[i:i + 2] in grams or (i and p[i - 1:i + 1] in grams))


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


def longest_run(parts: list[str], key: str) -> tuple[int, int]:
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


def _content_char(ch: str) -> bool:
    """A character that is part of a word: an ideograph, not a function character nor a conjunction."""
    return "\u4e00" <= ch <= "\u9fff" and ch not in FUNCTION_CHARS and ch not in CONJUNCTIONS


def narrowed_otherwise(parts: list[str], key: str, run_at: tuple[int, int]) -> bool:
    """Does the longest run of the query in ``key`` (``run_at``, :func:`longest_run`) end another compound
    there than in the query: right after a word character of the text, and in the query after a different one
    wherever the query has it?  A Chinese compound is head-final, the characters before it narrow it down:
    水利工程物價指數 is another index than 消費者物價指數, however long the run they share.

    >>> narrowed_otherwise(["消費者物價指數"], "水利工程物價指數調整", (4, 4))
    True
    >>> narrowed_otherwise(["進口貨物退運"], "外銷品進口貨物退運之審核", (6, 3))
    False
    >>> narrowed_otherwise(["物價指數"], "水利工程物價指數", (4, 4))
    False
    """
    run, at = run_at
    if run <= 0 or at <= 0 or not _content_char(key[at - 1]):
        return False
    piece = key[at:at + run]
    before = [p[i - 1] if i > 0 else "" for p in parts for i in range(len(p)) if p.startswith(piece, i)]
    return bool(before) and all(ch and _content_char(ch) and ch != key[at - 1] for ch in before)


DETERMINERS = "各本該"  # 各處, 本處, 該局: every one, the document's own body, the one just named — no kind of it
SELF_REFERENCE = "本該"  # …and before a body's type character (本處公文稽催): the body's own matter
# A verb of handling right before the run takes it as its object (辦理子女教育補助): no narrower compound.
OBJECT_VERBS = ("辦理", "處理", "執行", "掌理", "承辦", "主辦", "兼辦", "負責", "掌管", "主管", "保管")


def bare_narrowed(parts: list[str], key: str, run_at: tuple[int, int]) -> bool:
    """Does the longest run of the query in ``key`` begin a word of the query (a part's start) but follow a word
    character in the text?  The text then writes a narrower compound than the query asked (金融消費者保護 for
    消費者保護, 存款保險公司 for 保險公司): a match of the word, not of the phrase.

    >>> bare_narrowed(["網購", "消費者保護"], "金融消費者保護", (5, 2))
    True
    >>> bare_narrowed(["網購", "消費者保護"], "消費者保護法之研擬", (5, 0))
    False
    >>> bare_narrowed(["公文稽催", "辦理"], "本處公文稽催由總務室辦理之。", (4, 2))
    False
    >>> bare_narrowed(["榮民服務處轉介"], "各榮民服務處", (5, 1))
    False
    >>> bare_narrowed(["榮民服務轉介"], "各堂榮民服務照顧事項", (4, 2))
    True
    >>> bare_narrowed(["子女教育補助"], "辦理子女教育補助費", (6, 2))
    False
    >>> bare_narrowed(["鐵道", "文化資產", "保存"], "督導鐵道文化資產之管理維護", (4, 4))
    False
    """
    run, at = run_at
    if run <= 0 or at <= 0 or not _content_char(key[at - 1]):
        return False
    # 各榮民服務處, 本處公文稽催: every one of them, the body's own — no narrower kind (各堂榮民服務 is one);
    # 辦理子女教育補助: the object of a verb of handling.
    if (key[at - 1] in DETERMINERS or (at >= 2 and key[at - 2] in SELF_REFERENCE)
            or key[max(at - 2, 0):at] in OBJECT_VERBS):
        return False
    # 鐵道古蹟 asked as 「鐵道 文化資產」: the word narrowing it in the text is one the question says too.
    if at >= 2 and any(key[at - 2:at] in p for p in parts):
        return False
    piece = key[at:at + run]
    before = [p[i - 1] if i > 0 else "" for p in parts for i in range(len(p)) if p.startswith(piece, i)]
    return "" in before and all(not ch or (_content_char(ch) and ch != key[at - 1]) for ch in before)


def narrowing_bigrams(parts: list[str], key: str, run_at: tuple[int, int], bit: Mapping[str, int]) -> int:
    """When the longest run of the query in ``key`` ends another compound there (:func:`narrowed_otherwise`),
    the query's bigrams narrowing its own compound (the word before the run, or the one the run begins inside),
    as bits of ``bit``; when the query says the compound bare and the text narrows it (:func:`bare_narrowed`),
    a bit no query bigram has; else 0.  A unit whose names hold one of them is about that kind after all
    (海巡教育訓練 in 海巡署's 「海洋職類教育訓練…」); another's run is a different matter (農業研發成果 in
    「產業研發成果…」).

    >>> bit = {"農業": 1, "業研": 2, "研發": 4}
    >>> narrowing_bigrams(["農業研發成果"], "產業研發成果流通", (5, 1), bit)
    1
    >>> narrowing_bigrams(["研發成果"], "產業研發成果", (4, 2), bit)
    8
    """
    run, at = run_at
    if not narrowed_otherwise(parts, key, run_at):
        # The query said its compound bare: it has no narrowing word a unit's names could hold (a bit no
        # query bigram has).
        return 1 << len(bit) if bare_narrowed(parts, key, run_at) else 0
    piece, out = key[at:at + run], 0
    for p in parts:
        for i in range(1, len(p)):
            if p.startswith(piece, i):
                out |= bit.get(p[max(i - 2, 0):i], 0) | bit.get(p[i - 1:i + 1], 0)
    return out


def phrase_and_prior(parts: list[str], key: str, clause: int, prior: float, qlen: int,
                     run_at: tuple[int, int] | None = None) -> tuple[int, float, float]:
    """``(longest verbatim run, phrase factor, prior)`` of a text's ``key`` for the query ``parts``.

    A flagged text loses its discount when the query matches before its catch-all
    clause (公共關係 in 「印信、文書…公共關係及不屬於各處、室事項」).  ``run_at`` is
    :func:`longest_run` of ``parts`` and ``key`` when the caller has it already.
    """
    run, at = run_at if run_at is not None else longest_run(parts, key)
    return run, 1 + PHRASE_BONUS * run / qlen, (1.0 if 0 <= at < clause else prior)


def weigh_equivalents(stats: Stats, weights: dict[str, float], equivalents: Sequence[tuple[str, str]]) -> None:
    """A documents' word that ends in the everyday term narrows it (a Chinese compound is head-final:
    鄉鎮市調解 is a kind of 調解, 廣播電視 of 電視) and weighs no more than the term did (its bigrams' idf
    mass): the kind it adds is not the question's, and must not outweigh the rest of the question.

    >>> stats = Stats(1000, 10.0, {"調解": 20, "鄉鎮": 5, "鎮市": 5, "市調": 9, "語言": 30})
    >>> w = {t: idf(stats, t) for t in ("鄉鎮", "鎮市", "市調", "調解", "鄉", "政府")}
    >>> before = dict(w)
    >>> weigh_equivalents(stats, w, [("調解", "鄉鎮市調解"), ("族語", "原住民族語言")])
    >>> round(sum(w[t] for t in ("鄉鎮", "鎮市", "市調", "調解")), 6) == round(idf(stats, "調解"), 6)
    True
    >>> w["政府"] == before["政府"], w["鄉"] < before["鄉"]
    (True, True)
    """
    for term, word in equivalents:
        if not word.endswith(term) or term == word:
            continue
        added = [t for t in key_terms(word) if t in weights]
        had = sum(idf(stats, t) for t in key_terms(term) if len(t) == 2)
        has = sum(weights[t] for t in added if len(t) == 2)
        if had and has > had:
            for t in added:
                weights[t] *= had / has


def keep_ties(ranked: list, limit: int | None, score: Callable) -> list:
    """The first ``limit`` of ``ranked`` (best first), and every one tied with the last of them."""
    if limit is None or len(ranked) <= limit:
        return ranked
    cut, last = limit, round(score(ranked[limit - 1]), 9)
    while cut < len(ranked) and round(score(ranked[cut]), 9) == last:
        cut += 1
    return ranked[:cut]


def closest(stats: Stats, chars: Collection[str], texts: Iterable[tuple[int, int, Collection[str]]],
            limit: int) -> list[int]:
    """What to suggest when nothing matches: the texts sharing the most of the query's characters ``chars``,
    by their idf, per square root of the text's length; equal scores in the index's order.  ``texts``:
    ``(order, content length, the characters of chars it holds)``.

    >>> closest(Stats(10, 4.0, {"電": 2, "腦": 5}), ["電", "腦"], [(0, 9, ["電"]), (1, 4, ["腦"]), (2, 16, "電腦")], 2)
    [2, 0]
    """
    weights = {ch: idf(stats, ch) for ch in chars}
    scored = sorted((-sum(weights[ch] for ch in sorted(held)) / math.sqrt(length), order)
                    for order, length, held in texts if held)
    return [order for _, order in scored[:limit]]


# --------------------------------------------------------------------------- ranking
def rank(q: Query, stats: Stats, candidates: Iterable[Candidate], unit_id: Callable[[int], str], *,
         unit_names: Mapping[int, Collection[str]] | None = None, context_units: Collection[int] = (),
         limit: int | None = None, explain: bool = False, partial_chars: int = PARTIAL_MIN_CHARS,
         equivalents: Sequence[tuple[str, str]] = ()) -> list[UnitResult]:
    """Units that handle what ``q`` describes, best first.

    ``candidates``: the texts holding at least one of the query's bigrams (:func:`query_bigrams`), each
    with its handlers already restricted to the units asked for (``--agency``/``--type``); others are
    ignored.  ``unit_id(u)``: the id of unit ``u`` (tie order).  ``unit_names[u]``: the query's
    bigrams the names of unit ``u`` and of the units above it hold, for every unit holding some (they
    count towards coverage).  ``context_units``: units under a unit the query names.  ``limit`` cuts
    after that many results but never inside a run of equal scores.  ``partial_chars``: the query
    characters the second pass needs in common (two words; one inside an agency the question names,
    :mod:`queries.lookup.ask`).  ``equivalents``: ``(everyday term, documents' word)`` pairs the query was
    reworded with (:func:`weigh_equivalents`).
    """
    if not q.terms:
        return []
    bigrams = query_bigrams(q)
    unigrams = [t for t in q.terms if len(t) == 1 and t not in bigrams]
    weights = {t: idf(stats, t) for t in q.terms}
    weigh_equivalents(stats, weights, equivalents)
    bit = {t: 1 << i for i, t in enumerate(bigrams)}
    weight_of_bit = {i: weights[t] for i, t in enumerate(bigrams)}
    total = sum(weights[t] for t in bigrams) or 1.0
    # A seam is no evidence against a text holding the word before it, whose weight is measured
    # without it.  Not so for a text holding only the word after it: a Chinese phrase is head-final,
    # its last word (管理) the general one that the words before it narrow down (印信), so a text with
    # the head alone (人事管理) has not matched the phrase.
    excuses: dict[int, int] = {}  # bit number of the bigram before a seam -> the seams' bits
    for seam, before in seams(q.parts, _Known(stats.df)).items():
        if before and seam in bit and before in bit:
            i = bit[before].bit_length() - 1
            excuses[i] = excuses.get(i, 0) | bit[seam]

    # So is the join of a generic action to its matter, for a text holding the matter (optional_bigrams).
    for join, matter in optional_bigrams(q.parts).items():
        if join in bit and matter in bit:
            i = bit[matter].bit_length() - 1
            excuses[i] = excuses.get(i, 0) | bit[join]

    def excused(mask: int) -> int:
        """The seams (and joins of generic actions) excused for a text holding the query bigrams in ``mask``
        but not these."""
        out, held = 0, mask
        if excuses:
            while mask:
                low = mask & -mask
                out |= excuses.get(low.bit_length() - 1, 0)
                mask ^= low
        return out & ~held

    def mass(mask: int) -> float:
        """The idf mass of the query bigrams in ``mask`` (time linear in the bits set)."""
        m = 0.0
        while mask:
            low = mask & -mask
            m += weight_of_bit[low.bit_length() - 1]
            mask ^= low
        return m

    avgdl = stats.avgdl

    def bm25(c: Candidate, terms: list[str], weight: float, contrib: list | None) -> float:
        """The BM25 of ``terms`` in ``c``, summed in the query's order (both backends add alike)."""
        s_total = 0.0
        for t in terms:
            tf = c.tf.get(t)
            if not tf:
                continue
            w = weight * weights[t] * q.terms[t]
            s = w * tf * (K1 + 1) / (tf + K1 * (1 - B + B * c.length / avgdl))
            s_total += s
            if contrib is not None:
                contrib.append((t, weights[t], s))
        return s_total

    scored: list[_Scored] = []
    for c in candidates:
        mask, m = 0, 0.0
        for t in bigrams:
            if c.tf.get(t):
                mask |= bit[t]
                m += weights[t]
        if not mask or not c.text.handlers:
            continue
        contrib: list | None = [] if explain else None
        raw = bm25(c, bigrams, 1.0, contrib)
        # Texts that share too little with the query are not candidates, even with their units' names,
        # unless they hold a run of MIN_RUN characters of the query word for word (which needs at least
        # MIN_RUN - 1 of its bigrams: only those texts are scanned for one).
        run_at = None
        keep = m >= PREFILTER * (total - mass(excused(mask)))
        if not keep and mask.bit_count() >= MIN_RUN - 1:
            run_at = longest_run(q.parts, c.text.key)
            keep = run_at[0] >= MIN_RUN
        raw += bm25(c, unigrams, UNIGRAM_WEIGHT, contrib)
        scored.append(_Scored(c, mask, m, raw, keep, run_at, contrib or []))

    name_masks: dict[int, int] = {}
    for u, held in (unit_names or {}).items():
        mask = 0
        for t in held:
            mask |= bit.get(t, 0)
        if mask:
            name_masks[u] = mask
    qlen = max(q.length, 1)
    wide: dict[int, bool] = {}
    own: dict[int, int] = {}
    own_all: dict[int, int] = {}
    reworded = {t for _term, word in equivalents for t in key_terms(word)}

    def own_mask(u: int) -> int:
        """The query bigrams (not of a documents' word the query was reworded with) the unit's own name holds."""
        if u not in own:
            held = key_terms(unit_id(u).rsplit("/", 1)[-1])
            own[u] = sum(b for t, b in bit.items() if t in held and t not in reworded)
        return own[u]

    def own_name_mask(u: int) -> int:
        """The query bigrams the unit's own name holds (the last of its path: not the names above it)."""
        if u not in own_all:
            held = key_terms(unit_id(u).rsplit("/", 1)[-1])
            own_all[u] = sum(b for t, b in bit.items() if t in held)
        return own_all[u]

    answers: dict[str, bool] = {}

    def answers_itself(uid: str) -> bool:
        """Has unit ``uid`` a statement of its own (a duty, not its name) that answers the question, with its
        names, as :func:`by_unit_of` measures coverage?"""
        if not answers:
            answers[""] = False
            for sc in scored:
                if not sc.keep or sc.c.text.kind == "unit":  # its name alone says where to look, not who
                    continue
                for h in sc.c.text.handlers:
                    m = sc.mask | name_masks.get(h.unit, 0)
                    if mass(m) >= MIN_COVERAGE * ((total - mass(excused(m))) or 1.0):
                        answers[unit_id(h.unit)] = True
        return answers.get(uid, False)

    def lent_from_above(u: int, above: int) -> int:
        """Of the query bigrams ``above`` only names above unit ``u`` hold, those of bodies that have no text
        of their own answering the question: where one has, that body is the answer, not every unit below it."""
        path = unit_id(u).split("/")
        out = 0
        for i in range(1, len(path)):
            held = key_terms(path[i - 1])
            bits = sum(b for t, b in bit.items() if t in held) & above
            if bits and not answers_itself("/".join(path[:i])):
                out |= bits
        return out

    def two_words(mask: int) -> bool:
        """Do the query bigrams in ``mask`` cover ``partial_chars`` characters of the query?"""
        if mask not in wide:
            loose = partial_chars < PARTIAL_MIN_CHARS
            held = [t for t in bigrams if mask & bit[t] and not (loose and t in COMMON_WORDS)]
            wide[mask] = covered_chars(q.parts, held) >= partial_chars
        return wide[mask]

    def by_unit_of(texts: list[_Scored], partial: bool) -> dict[int, list[Match]]:
        by_unit: dict[int, list[Match]] = {}
        for sc in texts:
            text = sc.c.text
            run_at = sc.run_at or longest_run(q.parts, text.key)
            run, phrase, prior = phrase_and_prior(q.parts, text.key, text.clause, text.prior, qlen, run_at)
            # A run ending another compound in the text than in the query earns no phrase bonus, unless the unit's
            # names hold the word narrowing the query's compound (:func:`narrowing_bigrams`).
            narrowing = narrowing_bigrams(q.parts, text.key, run_at, bit) if run >= MIN_RUN else 0
            base = sc.raw * phrase * prior
            # The query's words only the unit's own name holds (榮民服務 of 「榮民服務轉介」 for 各榮民服務處, whose
            # text says 「…服務資源之連結及轉介」) count in its score too, as a word its text held once would, at
            # NAME_TERMS_WEIGHT (the name says who, the text what).  The names above it only where their body has
            # no statement of its own answering the question: else they would lend every unit below that body its
            # words (安全管理科 before the 阿里山林業鐵路…管理處, whose duties say its 營運).
            once = NAME_TERMS_WEIGHT * (K1 + 1) / (1 + K1 * (1 - B + B * sc.c.length / avgdl))
            per_unit: dict[int, list[IndexHandler]] = {}
            for h in text.handlers:
                per_unit.setdefault(h.unit, []).append(h)
            for u, hs in per_unit.items():
                m = sc.mask | name_masks.get(u, 0)
                extra, seamed = m & ~sc.mask, excused(m)
                coverage = (sc.mass + (mass(extra) if extra else 0.0)) / ((total - mass(seamed)) or 1.0)
                if partial:
                    if not two_words(m):
                        continue
                # Too little of the query in common, unless a long stretch of it is there word for word
                # (a chatty question around a real phrase: 我想知道進口貨物退運…) and as the same word.
                elif coverage < MIN_COVERAGE and (run < MIN_RUN or narrowed_otherwise(q.parts, text.key, run_at)):
                    continue
                boost = CONTEXT_BOOST if u in context_units else 1.0
                phrase_u = 1.0 if narrowing and not narrowing & name_masks.get(u, 0) else phrase
                # A name holds itself; and a duty the loader gave the unit by its name (「分別掌理前條所列事項」:
                # 福利服務組 for 「兒童福利機構設置標準之審核事項」) is no more the unit's for that name than the
                # agency's list that states it: the unit and the agency tie.
                by_its_name = text.kind == "unit" or all(h.role == INFERRED for h in hs)
                shared = sc.mask & own_mask(u) if not by_its_name else 0
                named = 1 + OWN_NAME_BONUS * mass(shared) / total if shared else 1.0
                lent = extra & own_name_mask(u) if extra else 0
                if extra & ~lent:
                    lent |= lent_from_above(u, extra & ~lent)
                by_name = once * mass(lent) if lent else 0.0
                base_u = base if phrase_u == phrase else sc.raw * phrase_u * prior
                score = (base_u + by_name * phrase_u * prior) * coverage * boost * named
                info = None
                if explain:
                    info = Why(sc.raw + by_name, coverage, run, phrase_u, prior, boost, tuple(text.flags),
                               tuple(sorted(t for t in bigrams if extra & bit[t])),
                               tuple(sorted(t for t in bigrams if seamed & bit[t])),
                               tuple(sc.contrib) + tuple((t, weights[t], once * weights[t])
                                                         for t in bigrams if lent & bit[t]), named)
                by_unit.setdefault(u, []).append(Match(sc.c.order, text, score, hs, info))
        return by_unit

    by_unit, partial = by_unit_of([sc for sc in scored if sc.keep], False), False
    if not by_unit:  # the second pass: texts that may share two words (a unit's names may add some)
        any_name = 0
        for mask in name_masks.values():
            any_name |= mask
        by_unit, partial = by_unit_of([sc for sc in scored if two_words(sc.mask | any_name)], True), True

    results = []
    for u, matches in by_unit.items():
        matches.sort(key=lambda m: (-m.score, m.entry))
        results.append(UnitResult(u, unit_id(u), matches[0].score, matches[:EVIDENCE_PER_UNIT],
                                  u in context_units, partial))
    # Best score first; equal scores stay together, ordered by the evidence they share, then by id.
    results.sort(key=lambda r: (-round(r.score, 9), r.matches[0].entry, r.unit_id))
    return keep_ties(results, limit, lambda r: r.score)


class _Scored(NamedTuple):
    c: Candidate
    mask: int  # the query bigrams it holds
    mass: float  # their idf mass
    raw: float  # BM25
    keep: bool  # passes the prefilter
    run_at: tuple[int, int] | None  # longest_run, when the prefilter needed it
    contrib: list  # (term, idf, score) for --explain (Why.terms)


class _Known:
    """``term in known``: some text holds it (a document frequency above zero)."""

    def __init__(self, df: Mapping[str, int]):
        self.df = df

    def __contains__(self, term: object) -> bool:
        return bool(self.df.get(term, 0)) if isinstance(term, str) else False
