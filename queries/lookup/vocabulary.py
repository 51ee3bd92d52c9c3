"""The words planners use and the documents' words for them, from files a reviewer can read.

Two tables ship in ``queries/lookup/data/`` (one row per pair, each with its reason):

- ``planner.tsv``: everyday words and the terms the documents use (族語 → 原住民族語言,
  缺工 → 求才、就業媒合, 健保卡 → 全民健康保險);
- ``agencies.tsv``: short names of agencies that the initials rule does not give
  (衛福部 → 衛生福利部, 金管會 → 金融監督管理委員會, NCC → 國家通訊傳播委員會).

:func:`initials` is the rule for the rest: the first character of each two-character word of an
agency's name before its type word (疾病管制署 → 疾管署, 國家發展委員會 → 國發會).  The documents' own
「（以下簡稱…）」 definitions add short names of units and terms (:mod:`queries.lookup.definitions`), after the
reviewed rows.

>>> [s.replacements for s in synonyms_in("族語推廣")]
[('原住民族語言',)]
>>> initials("疾病管制署"), initials("國家發展委員會"), initials("勞動部")
(['疾管署'], ['國發會'], [])
>>> short_names()["衛福部"].full
'衛生福利部'
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph_model.lazy_re import lazy
from queries.textnorm import fold

from .definitions import read_definitions
from .rows import IndexUnit

DATA = Path(__file__).resolve().parent / "data"
PLANNER = DATA / "planner.tsv"
AGENCIES = DATA / "agencies.tsv"


@dataclass(frozen=True)
class Synonym:
    """An everyday ``term`` and the documents' words for it, with where the pair is written."""

    term: str
    replacements: tuple[str, ...]
    reason: str
    source: str  # file:line

    @property
    def short_form(self) -> bool:
        """Is the term the documents' word shortened (its row says so: 身分證 of 國民身分證, 捷運 of 大眾捷運)?  A
        documents' word ending in it is then the same thing written out, no narrower kind of it
        (:func:`queries.lookup.ranking.weigh_equivalents`)."""
        return "short form" in self.reason

    def to_dict(self) -> dict:
        return {"term": self.term, "replacements": list(self.replacements), "reason": self.reason,
                "source": self.source}


@dataclass(frozen=True)
class ShortName:
    short: str
    full: str
    source: str  # file:line, or "rule: initials"


def _rows(path: Path):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            if len(cells) < 2:
                raise ValueError(f"{path.name}:{n}: expected TERM<TAB>WORDS<TAB>REASON")
            yield n, cells


@lru_cache(maxsize=1)
def synonyms() -> tuple[Synonym, ...]:
    """The planner vocabulary, folded as the index folds texts (OpenCC too: 游離 as 遊離), longest
    term first.  The index keeps it folded (:class:`Catalog`), so that a lookup needs no OpenCC."""
    out = []
    for n, cells in _rows(PLANNER):
        term = fold(cells[0].strip())
        words = tuple(fold(w.strip()) for w in cells[1].split("、") if w.strip() and fold(w.strip()) != term)
        if term and words:
            out.append(Synonym(term, words, cells[2].strip() if len(cells) > 2 else "", f"{PLANNER.name}:{n}"))
    return tuple(sorted(out, key=lambda s: (-len(s.term), s.term)))


def synonyms_in(text: str, vocabulary: Sequence[Synonym] | None = None) -> list[Synonym]:
    """The terms of ``vocabulary`` (default :func:`synonyms`) found in a folded text, longest first,
    never two overlapping."""
    taken = [False] * len(text)
    found = []
    for s in synonyms() if vocabulary is None else vocabulary:
        at = text.find(s.term)
        while at >= 0:
            if not any(taken[at:at + len(s.term)]):
                for i in range(at, at + len(s.term)):
                    taken[i] = True
                found.append(s)
                break
            at = text.find(s.term, at + 1)
    return found


@lru_cache(maxsize=1)
def short_names() -> dict[str, ShortName]:
    """The reviewed short names of agencies: folded short name -> :class:`ShortName`."""
    out = {}
    for n, cells in _rows(AGENCIES):
        short, full = fold(cells[0].strip()).strip(), fold(cells[1].strip()).strip()
        if short and full:
            out[short] = ShortName(short, full, f"{AGENCIES.name}:{n}")
    return out


# Type words at the end of an agency's name, longest first: what an initialism keeps (委員會 → 會).
TYPE_WORDS = (("委員會", "會"), ("總處", "總處"), ("部", "部"), ("署", "署"), ("局", "局"), ("院", "院"))


def initials(name: str) -> list[str]:
    """Short names by the initials rule: the first character of each two-character word before the
    type word, the type word kept (委員會 as 會).  Only names of two such words have one: longer
    names drop words by custom (金融監督管理委員會 → 金管會), which agencies.tsv records."""
    for word, kept in TYPE_WORDS:  # noqa: B007 - the pair found is used after the loop
        if name.endswith(word):
            stem = name[: -len(word)]
            break
    else:
        return []
    if len(stem) != 4:
        return []
    return [stem[0::2] + kept]


# --------------------------------------------------------------------------- the names of agencies
@dataclass(frozen=True)
class Catalog:
    """What a question can name as its scope: folded name -> (unit ids, how it is known); and which
    units are agencies (what a question asking 「哪個機關」 is answered with)."""

    names: dict[str, tuple[list[str], str]]
    agencies: frozenset[str]
    synonyms: tuple[Synonym, ...] = ()  # the planner vocabulary, folded
    # first character -> [name without 國立, its type word, unit id, name]: what abbreviations shorten
    abbreviable: dict[str, list[list[str]]] = field(default_factory=dict)
    # short form by the initials rule -> the words of units' names it stands for (:func:`name_initials`)
    initials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # units with units of their own below them (a division, a section: not an agency, not a meeting): a body not
    # among them is set up by its act alone, its inner units in no document (NCC, 國發會's 處)
    divided: frozenset[str] = frozenset()

    def initials_in(self, text: str, known) -> tuple[Synonym, ...]:
        """The short forms of :attr:`initials` in ``text`` that no text of the graph holds (``known(bigram)``
        false: 林鐵 where nothing says 林鐵, never 海運, a word of its own in the duties), and whose characters
        are not part of a word the texts hold beside them (某條法規: 條 and 法規, not 條法)."""
        found = {}
        for i in range(len(text) - 1):
            term = text[i:i + 2]
            if term in self.initials and term not in found and not known(term):
                beside = [b for b in (text[i - 1:i + 1] if i else "", text[i + 1:i + 3]) if len(b) == 2]
                if not any(known(b) for b in beside):
                    found[term] = Synonym(term, self.initials[term], f"initials of {'、'.join(self.initials[term])}"
                                          " in units' names", "rule: initials")
        return tuple(found.values())

    def abbreviated(self, text: str, at: int) -> tuple[str, list[str], str] | None:
        """The longest abbreviation of an agency's name starting at ``text[at]``: ``(abbreviation,
        unit ids, name)``.  An abbreviation keeps the name's first character, characters of the name
        in order, and ends on the first or last character of its type word (臺史博 for 國立臺灣歷史博物館,
        農藥試驗所 for 農業藥物試驗所, 臺東農改場 for 臺東區農業改良場; 公務員 ends inside 委員會: a word, not
        公務人員保障暨培訓委員會).  Of two names the same abbreviation shortens, it stands for the one it drops
        fewer characters of (國安會: 國家安全會議's 國家·安全·會議, each word kept, before 國家運輸安全調查委員會, whose
        運輸 and 調查 it drops)."""
        best, spread = None, 0
        for stem, type_word, uid, name in self.abbreviable.get(text[at], ()):
            for end in range(min(len(text), at + len(stem) - 1), at + 2, -1):
                short = text[at:end]
                if short[-1] in (type_word[0], type_word[-1]) and is_subsequence(short, stem) and short not in stem:
                    dropped = span(short, stem)
                    if best is None or len(short) > len(best[0]) or short == best[0] and dropped < spread:
                        best, spread = (short, [uid], name), dropped
                    elif short == best[0] and dropped == spread and uid not in best[1]:
                        best[1].append(uid)
                    break
        return best

    def agency_of(self, path: Sequence[str]) -> str:
        """The id of the nearest unit at or above ``path`` that is an agency (or a body directly under
        a 院 or 總統府)."""
        for depth in range(len(path), 0, -1):
            uid = "/".join(path[:depth])
            if uid in self.agencies or depth == 2:
                return uid
        return "/".join(path)

    def to_dict(self) -> dict:
        return {"names": {k: [how, ids] for k, (ids, how) in self.names.items()}, "agencies": sorted(self.agencies),
                "synonyms": [[s.term, list(s.replacements), s.reason, s.source] for s in self.synonyms],
                "abbreviable": self.abbreviable, "initials": {k: list(v) for k, v in self.initials.items()},
                "divided": sorted(self.divided)}

    @classmethod
    def from_dict(cls, data: dict) -> Catalog:
        return cls({k: (list(ids), how) for k, (how, ids) in data["names"].items()}, frozenset(data["agencies"]),
                   tuple(Synonym(t, tuple(w), r, src) for t, w, r, src in data["synonyms"]), data["abbreviable"],
                   {k: tuple(v) for k, v in data.get("initials", {}).items()}, frozenset(data.get("divided", ())))


def former_names(triggers=None) -> list[tuple[str, dict]]:
    """The names a question may give a body that no longer exists (data/lineage.tsv's reviewed successions): its
    name, without 行政院 before it as people drop it (行政院衛生署 → 衛生署), and that name's initials (勞委會)."""
    from graph_model.graph.lineage import read_table
    out = []
    for row in read_table():
        name = fold(row.get("agency", ""), triggers).strip()
        if not name or not row.get("successor") or name.startswith(GENERIC_STARTS):
            continue
        bare = name.removeprefix("行政院")
        for written in dict.fromkeys([name, bare, *initials(bare)]):
            if len(written) >= 3:
                out.append((written, row))
    return out


def name_initials(units: Sequence[IndexUnit], triggers=None) -> tuple[Synonym, ...]:
    """Short forms by the initials rule for the words of units' names: the first character of each of two
    two-character words (林業鐵路 → 林鐵, 警察廣播 → 警廣, 條約法律 → 條法), where no name holds the short form
    itself.  Each short form stands for the (at most two) words the names give it most often.

    >>> unit = IndexUnit("a", "阿里山林業鐵路及文化資產管理處", [], "", "", "", [])
    >>> [(s.term, s.replacements) for s in name_initials([unit]) if s.term == "林鐵"]
    [('林鐵', ('林業鐵路',))]
    """
    names = {fold(n, triggers) for u in units for n in [u.name, *u.aliases] if n}
    held = {n[i:i + 2] for n in names for i in range(len(n) - 1)}
    words: dict[str, dict[str, int]] = {}
    for name in names:
        for run in _HAN_RUN.findall(name):
            for i in range(len(run) - 3):
                word = run[i:i + 4]
                short = word[0] + word[2]
                if short not in held:
                    counts = words.setdefault(short, {})
                    counts[word] = counts.get(word, 0) + 1
    out = []
    for short, counts in words.items():
        best = tuple(sorted(counts, key=lambda w: (-counts[w], w))[:2])
        out.append(Synonym(short, best, f"initials of {'、'.join(best)} in units' names", "rule: initials"))
    return tuple(out)


_HAN_RUN = lazy(r"[\u4e00-\u9fff]{4,}")


def span(short: str, name: str) -> int:
    """How many characters of ``name`` the abbreviation ``short`` spans, read from its first character with
    each next character as early as it comes (國安會: 5 of 國家安全會議, 11 of 國家運輸安全調查委員會).

    >>> span("國安會", "國家安全會議"), span("國安會", "國家運輸安全調查委員會")
    (5, 11)
    """
    at = -1
    for ch in short:
        at = name.find(ch, at + 1)
        if at < 0:
            return len(name) + 1
    return at + 1


def is_subsequence(short: str, name: str) -> bool:
    """Are the characters of ``short`` in ``name``, in order?"""
    chars = iter(name)
    return all(ch in chars for ch in short)


# Type words at the end of agencies' names, longest first: an abbreviation ends on one of their characters.
NAME_TYPES = ("博物館", "美術館", "紀念館", "圖書館", "文學館", "科學館", "教育館", "試驗所", "研究所", "改良場",
              "繁殖場", "委員會", "會議", "管理處", "管理局", "管理所", "中心", "總處", "分署", "分局", "分院", "醫院",
              "學校")


# Names that begin with these stand for a class of bodies (各區…, 縣市政府, 地方…), not one agency.
GENERIC_STARTS = ("各", "縣", "市", "鄉", "鎮", "區", "直轄市", "地方", "所屬")


PROVINCES = ("臺灣省", "福建省")  # frozen provinces: their bodies are called by the rest of their names
COMPANY, COMPANY_SAID = "股份有限公司", "公司"  # a state company is called a 公司


def spoken_names(name: str) -> list[str]:
    """The names people call a body by: its province dropped (臺灣省新竹縣審計室 → 新竹縣審計室) and a company
    limited by shares called a 公司 (臺灣省自來水股份有限公司 → 自來水公司, 臺灣省自來水公司).  Only a name still
    of three characters and more, and one no other body's name ends with (福建省調查處 is no 調查處), is kept
    (:func:`catalog`).

    >>> spoken_names("臺灣省自來水股份有限公司")
    ['臺灣省自來水公司', '自來水股份有限公司', '自來水公司']
    >>> spoken_names("臺灣省新竹縣審計室"), spoken_names("國立臺灣博物館")
    (['新竹縣審計室'], [])
    """
    bare = next((name[len(p):] for p in PROVINCES if name.startswith(p) and not name.startswith("政府", len(p))),
                name)  # (臺灣省政府臺灣省諮議會: the province's own government, no prefix)
    out = [name.replace(COMPANY, COMPANY_SAID), bare, bare.replace(COMPANY, COMPANY_SAID)]
    return [n for n in dict.fromkeys(out) if n != name and len(n) >= 3 and not n.startswith(GENERIC_STARTS)]


def type_word(name: str) -> str:
    return next((t for t in NAME_TYPES if name.endswith(t)), name[-1:])


# 辦事處: an office set up by its own 組織規程 with units of its own (陸委會香港辦事處, Q0000014): a name to scope by
AGENCY_TYPES = ("部", "署", "局", "院", "委員會", "總處", "會", "館", "中心", "所", "辦事處")


def catalog(units: Sequence[IndexUnit], triggers=None, definitions: Iterable[Sequence] = ()) -> Catalog:
    """The catalog of the index's unit rows, with
    what the documents' own definitions add (``[short, full, doc, line]`` rows, :mod:`queries.lookup.definitions`):
    short names of units (any unit, not only agencies) and terms."""
    names: dict[str, tuple[list[str], str]] = {}

    def add(name: str, uid: str, how: str):
        key = fold(name, triggers).strip()
        if len(key) < 3 or " " in key:
            return
        ids, first_how = names.get(key, ([], how))
        if uid not in ids:
            names[key] = (ids + [uid], first_how)

    parents = {tuple(u.path[:-1]) for u in units if len(u.path) > 1}
    agencies: set[str] = set()
    by_name: dict[str, list[str]] = {}
    abbreviable: dict[str, list[list[str]]] = {}
    for u in units:
        by_name.setdefault(fold(u.name, triggers), []).append(u.id)
        if u.kind == "Agency":
            agencies.add(u.id)
        if not (u.kind == "Agency" or (tuple(u.path) in parents and u.unit_type in AGENCY_TYPES)):
            continue
        add(u.name, u.id, "name")
        if u.full_name and u.full_name != u.name:
            add(u.full_name, u.id, "name")
        for alias in u.aliases:
            if not alias.startswith("本"):
                add(alias, u.id, "name")
        for short in initials(fold(u.name, triggers)):
            if short not in names:
                add(short, u.id, f"initials of {u.name}")
        stem = fold(u.name, triggers).removeprefix("國立")
        if len(stem) >= 4 and not stem.startswith(GENERIC_STARTS):
            abbreviable.setdefault(stem[0], []).append([stem, type_word(stem), u.id, u.name])
    # A name many units share (法規委員會, 訴願會) or that is only a type word (圖書館, 研究所) names no one agency.
    names = {k: v for k, v in names.items() if len(v[0]) <= 3 and k not in NAME_TYPES}
    every_name = list(by_name)
    for key, (ids, how) in list(names.items()):
        if how != "name":
            continue
        for said in spoken_names(key):  # 自來水公司 for 臺灣省自來水股份有限公司, 新竹縣審計室 for 臺灣省新竹縣審計室
            if said not in names and not any(n.endswith(said) and not set(by_name[n]) <= set(ids) for n in every_name):
                names[said] = (ids, f"{how} as said ({key})")
    for short, row in short_names().items():
        full = by_name.get(row.full)
        if full and short not in names:  # a unit's own name or alias is known as such
            names[short] = (list(full), f"short name ({row.source})")
    by_full = {fold(u.full_name, triggers): [u.id] for u in units if u.full_name}
    for written, former in former_names(triggers):  # a body that no longer exists names its successors
        ids = [i for succ in former["successor"].split("、") for i in by_name.get(fold(succ, triggers)) or
               by_full.get(fold(succ, triggers), [])]
        if ids and written not in names and written not in by_name:
            since = f" (since {former['date']})" if former.get("date") else ""
            how = f"former name: {written} is now {former['successor']}{since}, lineage.tsv:{former['line']}"
            names[written] = (ids, how)
    defined, terms = read_definitions(definitions, units, triggers)
    for short, known in defined.items():
        names.setdefault(short, known)  # a reviewed name first
    planner = synonyms()  # reviewed pairs first too
    mined = tuple(Synonym(t.short, t.full, f"defined in the documents: {t.written}", t.source) for t in terms
                  if t.short not in {s.term for s in planner})
    vocabulary = tuple(sorted(planner + mined, key=lambda s: (-len(s.term), s.term)))
    reviewed = {s.term for s in vocabulary}
    initials_ = {s.term: s.replacements for s in name_initials(units, triggers) if s.term not in reviewed}
    divided = frozenset("/".join(u.path[:-1]) for u in units
                        if len(u.path) > 1 and u.kind not in ("Agency", "Meeting") and u.id not in agencies)
    return Catalog(names, frozenset(agencies), vocabulary, abbreviable, initials_, divided)
