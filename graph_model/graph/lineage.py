"""Which documents are the current government, read from the documents themselves.

The national laws database marks a law 廢 only when it is repealed; most laws of reorganised
agencies never were — they stopped applying when the successor's act took effect.  This module
decides, for every document, one :class:`Status`:

- ``abolished``: marked 廢 (廢止註記), or its own 沿革 ends with the order that repealed it;
- ``superseded``: something says it no longer applies — its own sunset clause, a later version
  of the same title, a newer organization act of the same agency, or its agency (or the agency it
  belongs to) was succeeded: a rename (「原名稱：X；新名稱：Y」), a transitional article of the
  successor's act (「本法施行前原交通部公路總局…隨同業務移撥」), a repeal order issued by the successor,
  the reorganisation's naming conventions (行政院大陸委員會 → 大陸委員會; 交通部觀光局 → 交通部觀光署),
  or, where the documents are silent, a row of ``data/lineage.tsv``;
- ``current``: nothing says otherwise.

Every status but ``current`` carries its evidence: the sentence, and where it is
(``"<PCode> 沿革內容"``, ``"<PCode> line 30 第7條"``, ``"data/lineage.tsv line 3"`` …).

Precision first: an agency is never taken for succeeded while it has a document dated on or after
the evidence, and a document is superseded only when it is older than the evidence (a law amended
after the reorganisation is alive).  The module is pure — records in, statuses out — and
deterministic (documents in id order, evidence in a fixed order).

>>> from graph_model.records.records import Document, ParsedDocument
>>> def doc(pcode, title, genre="org_act", **meta):
...     return ParsedDocument(Document(pcode, title, genre, meta=meta))
>>> docs = [doc("K1", "交通部觀光局組織條例", updated="20010620"),
...         doc("K2", "交通部觀光署組織法", updated="20230607",
...             history="1.中華民國一百十二年六月七日總統華總一義字第 11200046751 號令制定公布全文 8 條"),
...         doc("K3", "交通部觀光局辦事細則", "office_rules", updated="20231222", abolished=True,
...             history="1.中華民國一百十二年十二月二十二日交通部觀光署觀人字第11260009461號令發布廢止")]
>>> [(s.doc, s.state, s.successors, s.where) for s in statuses(docs, table=[]).values()]
[('K1', 'superseded', ('交通部觀光署',), 'K3 沿革內容'), ('K2', 'current', (), ''), ('K3', 'abolished', ('交通部觀光署',), 'K3 沿革內容')]
"""  # noqa: E501 (a doctest's output line)
from __future__ import annotations

import csv
import datetime
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graph_model.lazy_re import lazy
from graph_model.records.naming import GENRE_SUFFIX

from .basis import BASIS, basis_ended

if TYPE_CHECKING:
    from graph_model.records.records import ParsedDocument

# Successions the documents do not state: a checkout's data/lineage.tsv, else where a wheel puts it.
TABLE = next((f for f in (Path(__file__).resolve().parents[2] / "data" / "lineage.tsv",
                          Path(sys.prefix) / "share" / "orggraph" / "lineage.tsv") if f.is_file()),
             Path(__file__).resolve().parents[2] / "data" / "lineage.tsv")


@dataclass(frozen=True)
class Status:
    """What a document is now: ``state`` current, superseded or abolished; ``successors`` the names the
    evidence gives (agencies or laws); ``date`` YYYY-MM-DD when known; ``evidence`` the sentence;
    ``where`` the document (PCode) and field or line that says it."""

    doc: str
    state: str
    successors: tuple[str, ...] = ()
    date: str = ""
    evidence: str = ""
    where: str = ""
    # the day its agency's successor took over, where a document repealed later names it (行政院衛生署組織法,
    # repealed 2015-06-24; 衛生福利部 took over 2013-07-23): the body ended then, its rules' repeal is a footnote
    since: str = ""


# --------------------------------------------------------------------------- the conventions read
# A sunset clause: the law itself says when it stops applying.
# 「本條例於行政院組織法暨農業部組織法通過生效後失效」, 「本條例自…起不再適用」: the law itself is the subject
# (not 「本法修正施行前…之判例…應停止適用」, which is about something else).
SUNSET = lazy(r"本(?:條例|法|通則|準則|規程|細則)(?:於|自)[^。；，]{0,80}?(?:後失效|失其效力|停止適用|不再適用)")
# The laws a sunset clause names (their agencies are the successors).
_NAMED_ACT = lazy(r"([^，、。；：「」（）\s及暨與或於自]{2,30}?)組織(?:法|條例)")
# The last entry of a law's 沿革 that repeals it (the database may not have marked it 廢).
# (「令廢止行政院一百零五年一月八日…號令」 repeals an order, not the law.)
_REPEAL = lazy(r"(?:發布|公布|令|函)(?:自即日)?(?:廢止|停止適用)(?![^；]*號令)|廢止生效")
# A transitional article of the successor's act: 「本法施行前原交通部公路總局及所屬機關（構）隨同業務移撥」,
# 「原…之業務…由本部承受」; and 「X改制為Y」.
# (What follows 原 up to the cue; the agency is the longest known name it starts with.)
TRANSFER = lazy(r"原(?P<old>[^，。；原]{3,40}?)(?:隨同?業務移撥|之[^。；]{0,20}?由本\w{1,8}承受)")
CONVERTED = lazy(r"(?P<old>[^，。；、（）原]{3,30}?)改制為(?P<new>[^，。；、（）]{3,30}?)(?:[，。；（]|$)")
# The staff of a body that the act's own body took in: 「原勞工保險監理委員會（以下簡稱勞保監理會）移入之三十九人」
# (勞動部組織法 第7條).  Staff, not always the whole body (勞動部職業安全衛生署組織法's 「原勞工保險局…移入之十七人」:
# that bureau went on under 勞動部), so it names the successor only of a body that ended with none.
STAFF_MOVED = lazy(r"原(?P<old>[^，。；、原（]{3,40}?)(?:（以下簡稱[^）]{1,12}）)?移入之")
# The clerks of old bodies an act's own body kept on (精省, 2001): 「本條例施行前，原臺灣省家庭計畫研究所、
# 婦幼衛生研究所及公共衛生研究所原依雇員管理規則僱用之現職雇員…得占用前項書記職缺，繼續僱用」
# (行政院衛生署國民健康局組織條例 第6條).
STAFF_KEPT = lazy(r"施行前，原(?P<old>[^，。；原（]{3,60}?)(?:原依[^，。；]{0,20}?)?(?:僱用|進用)之現職")
# The same clerks named by the old body's act they were hired under (經濟部水資源局組織條例 第6條 「本條例施行前依
# 經濟部水資源統一規劃委員會組織條例僱用之現職雇員…繼續其僱用」), and the staff an act's body took over whole on the
# day it took effect (經濟部經貿人員培訓所組織規程 第6條 「原經濟部專業人員研究中心現職人員，於本規程施行之日轉任
# 本所」).
STAFF_HIRED_UNDER = lazy(r"施行前，?依(?P<old>[^，。；原（]{3,40}?)組織(?:條例|規程|通則|法)(?:僱用|進用)之現職")
STAFF_TRANSFERRED = lazy(r"原(?P<old>[^，。；、原（]{3,40}?)現職人員，?於本(?:條例|法|通則|規程)施行之日轉任本")
# The provisions of 地方制度法 under which 行政院 makes the first rules of a municipality formed by 改制 (its
# government's: 第六十二條第五項; its council's: 第五十四條第四項), in force until the municipality's own
# 組織自治條例 (a local law, not in the national database) replaces them: 「本規程依地方制度法第六十二條第五項
# 規定訂定之」.  Their repeal does not end the body.
INTERIM_BASIS = lazy(r"依地方制度法第(?:六十二條第五項|五十四條第四項)規定訂定")
# What a body is for, as its act's first articles say (「交通部公路局為辦理公路新闢與整建工程之…事項，特設各區公路新建
# 工程分局」): the work, and the body set up for it.
PURPOSE = lazy(r"為(?:辦理|執行|統籌)?(?P<work>[^，。；]{6,}?)(?:業務)?，(?:特|得)設(?P<name>[^（，。；]{2,30})")
# Words that pick the sentences worth keeping from a law's text (the loader keeps them, see clauses()).
CLAUSE_CUE = lazy(rf"{SUNSET.pattern}|隨同?業務移撥|承受|改制為|移入之|{STAFF_KEPT.pattern}|{INTERIM_BASIS.pattern}"
                  r"|組織(?:條例|規程|通則|法)(?:僱用|進用)之現職|施行之日轉任本|為[^，。；]{6,}，(?:特|得)設|隸屬"
                  rf"|{BASIS.pattern}")
_RENAME = lazy(r"原名稱：([^；）]+)；新名稱：([^）]+)）")
# The body a law's first article puts its bodies under, where its title does not name it: 國家風景區管理處組織通則
# 第1條 「管理處隸屬交通部觀光局」.
_BELONGS_TO = lazy(r"隸屬(?:於)?(?P<parent>[^，。；、（(]{3,20}?)[。；，]?$")
# The reorganisation's names: 行政院大陸委員會 → 大陸委員會; a rank word changed (局 → 署, 各河川局 → 各河川分署).
_PARENT_DROPPED = "行政院"
_RANKS = ("總局", "分局", "分署", "局", "署")
# 法規類別 of a body whose constitutional basis stopped applying (國民大會).
_CATEGORY_ENDED = lazy(r"停止適用")
# Dates: 中華民國一百十二年十一月二十三日.
_ROC_DATE = lazy(r"(?:中華民國)?([零〇一二三四五六七八九十百]{1,5}|\d{1,3})年"
                 r"([一二三四五六七八九十]{1,3}|\d{1,2})月([一二三四五六七八九十]{1,3}|\d{1,2})日")
# The issuer of an order, written before its number: 「交通部觀光署東部海岸國家風景區管理處觀海人字第…號令」.
_ISSUER = lazy(r"(?P<name>[\u4e00-\u9fff]{2,40}?(?:處|局|署|所|院|會|中心|館|隊|站|場|部))"
               r"[\u4e00-\u9fff]{1,6}字第")
# An order's number (「文人字第09824250491號令」): one order may repeal a body's rules and set up its successor's.
ORDER_NO = lazy(r"字第([0-9A-Za-z]{6,})號")
_CATEGORY_PARTS = lazy(r"＞")
PREPARATORY = "籌備處"
_ENTRY_START = lazy(r"^\s*\d{1,2}\s*[.．]")
_IN_FORCE = lazy(r"定自(.{4,20}?日)(?:起)?施行")


# --------------------------------------------------------------------------- small readers
def agency_of(title: str) -> str:
    """The agency a title names: 行政院衛生署疾病管制局辦事細則 → 行政院衛生署疾病管制局."""
    return GENRE_SUFFIX.sub("", "".join(title.split()))


def _cn(text: str) -> int:
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    total, digit = 0, 0
    for ch in text:
        if ch in digits:
            digit = digits[ch]
        else:
            total += (digit or 1) * (100 if ch == "百" else 10)
            digit = 0
    return total + digit


def roc_date(text: str) -> str:
    """The first date of ``text`` as YYYY-MM-DD (中華民國一百十二年六月七日 → 2023-06-07); "" when none."""
    m = _ROC_DATE.search(text)
    if not m:
        return ""
    year, month, day = (_cn(g) for g in m.groups())
    if not (0 < year < 200 and 0 < month <= 12 and 0 < day <= 31):
        return ""
    return f"{year + 1911:04d}-{month:02d}-{day:02d}"


def history_entries(history: str) -> list[str]:
    """The entries of a 沿革 (「1.中華民國…」), each on one line with the hard wraps removed."""
    entries: list[list[str]] = []
    for line in history.splitlines():
        if _ENTRY_START.match(line) or not entries:
            entries.append([])
        entries[-1].append("".join(line.split()))
    return ["".join(e) for e in entries if "".join(e)]


def in_force(entry: str) -> str:
    """The date a 沿革 entry took effect (「定自一百零二年一月一日施行」), else the date it was made; "" when none."""
    m = _IN_FORCE.search(entry)
    return (roc_date(m.group(1)) if m else "") or roc_date(entry)


def renames(history: str) -> list[tuple[str, str, str, str]]:
    """``(old title, new title, date, entry)`` of each 「原名稱：X；新名稱：Y」 of a 沿革."""
    return [(old, new, roc_date(entry), entry) for entry in history_entries(history)
            for old, new in _RENAME.findall(entry)]


def clauses(articles: Iterable[tuple[int, str, str]]) -> list[list]:
    """The sentences of a law's text that may tell its lineage, as ``[line, article, sentence]``:
    what the loader keeps (``meta["clauses"]``), so that the store needs no law's whole text.
    ``articles``: ``(line, 條號, text line)`` of lines of the articles, in order."""
    out = []
    for line, article, text in _unwrapped(articles):
        for sentence in re.findall(r"[^。；]+[。；]?", text):
            if CLAUSE_CUE.search(sentence):
                out.append([line, article, sentence.strip()])
    return out


def _unwrapped(articles: Iterable[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The lines of each article with the database's hard wraps undone: a line that ends no sentence (。；：) runs
    on into the next (國民健康局組織條例's 「…婦幼衛生研究所及公共衛生研」 / 「究所原依…」); the first line's number
    stays."""
    out: list[tuple[int, str, str]] = []
    for line, article, text in articles:
        if out and out[-1][1] == article and not re.search(r"[。；：]\s*$", out[-1][2]):
            out[-1] = (out[-1][0], article, out[-1][2].rstrip() + text.strip())
        else:
            out.append((line, article, text))
    return out


def _ymd(updated: str) -> str:
    """最新異動日期 (YYYYMMDD) as YYYY-MM-DD."""
    return f"{updated[:4]}-{updated[4:6]}-{updated[6:8]}" if re.fullmatch(r"\d{8}", updated or "") else ""


# --------------------------------------------------------------------------- the decision
@dataclass(frozen=True)
class _Succession:
    """An agency that was succeeded (``agency``), by whom, when, and what says so."""

    agency: str
    successors: tuple[str, ...]
    date: str
    evidence: str
    where: str
    repeal: bool = False  # only who repealed its rules (their order's issuer), not a takeover a document states


class _Corpus:
    """What the rules need to know about every document, read once."""

    def __init__(self, docs: list[ParsedDocument]):
        self.docs = sorted(docs, key=lambda p: p.document.id)
        self.agency = {p.document.id: agency_of(p.document.title) for p in self.docs}
        self.date = {p.document.id: _ymd(p.document.meta.get("updated", "")) for p in self.docs}
        self.live = [p for p in self.docs if not p.document.meta.get("abolished")]
        # Agency names: every title's, and every name above one (農業部, from 農業部農糧署組織法).
        # (also without the branch's head a document may be placed under: 行政院 › 農業部 is 農業部 too)
        names = set(self.agency.values()) | {"".join(p.agency[k:i]) for p in self.docs for k in (0, 1)
                                             for i in range(k + 1, len(p.agency))}
        # and the names an agency had before a rename (飛航安全調查委員會, now 國家運輸安全調查委員會)
        names |= {agency_of(old) for p in self.live for old, _, _, _ in renames(p.document.meta.get("history", ""))}
        self.known = sorted({a for a in names if len(a) >= 3}, key=lambda a: (-len(a), a))
        self.acts: dict[str, list[ParsedDocument]] = {}  # agency → its live organization acts
        for p in self.live:
            if p.document.genre == "org_act":
                self.acts.setdefault(self.agency[p.document.id], []).append(p)

    def known_prefix(self, text: str) -> str:
        """The longest agency name (of some document) that ``text`` starts with; "" when none."""
        return next((a for a in self.known if text.startswith(a)), "")

    def alive_after(self, agency: str, date: str) -> bool:
        """True when the agency has a document in force dated on or after ``date`` (it still exists)."""
        return any(self.agency[p.document.id] == agency and self.date[p.document.id] >= date
                   for p in self.live) if date else False

    def in_force_since(self, p: ParsedDocument) -> str:
        """The date its last change came into force (「定自一百十二年九月十五日施行」 of the last 沿革 entry),
        else its 最新異動日期."""
        entries = history_entries(p.document.meta.get("history", ""))
        m = _IN_FORCE.search(entries[-1]) if entries else None
        return (roc_date(m.group(1)) if m else "") or self.date[p.document.id]

    def enacted(self, p: ParsedDocument) -> str:
        """The date a law came into force (「定自一百十二年九月十五日施行」 of its first 沿革 entry), else the
        date it was made, else its 最新異動日期."""
        entries = history_entries(p.document.meta.get("history", ""))
        return in_force(entries[0] if entries else "") or self.date[p.document.id]


def _ancestors(p: ParsedDocument) -> set[str]:
    """The names above a document's agency: each name of its path and each joined prefix."""
    path = p.agency
    return {"".join(path[:i]) for i in range(1, len(path))} | set(path[:-1])


def statuses(docs: list[ParsedDocument], table: list[dict] | None = None) -> dict[str, Status]:
    """The :class:`Status` of every document, by id (in id order).  ``table``: rows of
    ``data/lineage.tsv`` (:func:`read_table`); read from the file when not given."""
    corpus = _Corpus(docs)
    table = read_table() if table is None else table
    out: dict[str, Status] = {}
    for p in corpus.docs:
        out[p.document.id] = _abolished(p) or _own_sunset(p, corpus) or _category_ended(p) \
            or Status(p.document.id, "current")
    _later_versions(corpus, out)
    _renamed_titles(corpus, out)
    _newer_acts(corpus, out)
    # The most specific agency first; for one agency, the evidence in the order _successions gives it.
    successions = sorted(_successions(corpus, out, table), key=lambda s: -len(s.agency))
    for p in corpus.live:
        if out[p.document.id].state == "current":
            out[p.document.id] = _under_succeeded(p, corpus, successions) or out[p.document.id]
    for p in corpus.live:
        if out[p.document.id].state == "current":
            out[p.document.id] = _under_succeeded_parent(p, corpus, successions) or out[p.document.id]
    _abolished_with_successors(corpus, out, successions)
    repealed = _repealed_agencies(corpus)
    for p in corpus.live:
        if out[p.document.id].state == "current":
            out[p.document.id] = _under_repealed(p, corpus, repealed) or out[p.document.id]
    _unlisted(corpus, out)
    # last: what the documents say of its body comes first
    for doc, date, evidence, where in basis_ended(corpus, out):
        out[doc] = Status(doc, "abolished", (), date, evidence, where)
    return out


def current_ids(docs: list[ParsedDocument]) -> set[str]:
    """The ids of the documents whose status is ``current``."""
    return {i for i, s in statuses(docs).items() if s.state == "current"}


# ------------------------------------------------------------------ rules on one document
def _abolished(p: ParsedDocument) -> Status | None:
    """Marked 廢, or its 沿革's last entry is the order that repealed it."""
    entries = history_entries(p.document.meta.get("history", ""))
    last = entries[-1] if entries else ""
    where = f"{p.document.id} 沿革內容"
    if p.document.meta.get("abolished"):
        if last and _REPEAL.search(last):
            return Status(p.document.id, "abolished", (), roc_date(last), last, where)
        return Status(p.document.id, "abolished", (), _ymd(p.document.meta.get("updated", "")), "廢止註記：廢",
                      f"{p.document.id} 廢止註記")
    if last and _REPEAL.search(last):
        return Status(p.document.id, "abolished", (), roc_date(last), last, where)
    return None


def _own_sunset(p: ParsedDocument, corpus: _Corpus) -> Status | None:
    """「本條例於…組織法通過生效後失效」 in its 沿革 or its text: superseded by the laws it names."""
    found = [(e, f"{p.document.id} 沿革內容") for e in history_entries(p.document.meta.get("history", ""))]
    found += [(s, f"{p.document.id} line {line} {article}".rstrip())
              for line, article, s in p.document.meta.get("clauses", ())]
    for sentence, where in found:
        m = SUNSET.search(sentence)
        if m:
            own = corpus.agency[p.document.id]
            named = [a for a in dict.fromkeys(_NAMED_ACT.findall(m.group(0))) if a != own and not own.startswith(a)]
            return Status(p.document.id, "superseded", tuple(named), "", sentence, where)
    return None


def _category_ended(p: ParsedDocument) -> Status | None:
    """法規類別 「國民大會（憲法國民大會章條文已停止適用）」: the body's basis stopped applying."""
    category = p.document.meta.get("category", "")
    if _CATEGORY_ENDED.search(category):
        return Status(p.document.id, "superseded", (), "", category, f"{p.document.id} 法規類別")
    return None


# ------------------------------------------------------------------ rules between documents
def _later_versions(corpus: _Corpus, out: dict[str, Status]) -> None:
    """A later version of the same title (the database keeps 「…辦事細則（92.04.15 訂定）」 beside it)."""
    newest: dict[str, ParsedDocument] = {}
    for p in corpus.live:
        if p.document.meta.get("updated"):
            held = newest.get(p.document.title)
            if held is None or p.document.meta["updated"] > held.document.meta["updated"]:
                newest[p.document.title] = p
    for p in corpus.live:
        q = newest.get(p.document.title)
        if q is not None and p.document.meta.get("updated", "") < q.document.meta["updated"] \
                and out[p.document.id].state == "current":
            out[p.document.id] = Status(p.document.id, "superseded", (q.document.title,), corpus.date[q.document.id],
                                        f"最新異動日期 {q.document.meta['updated']}", f"{q.document.id} 最新異動日期")


def _renamed_titles(corpus: _Corpus, out: dict[str, Status]) -> None:
    """「原名稱：X；新名稱：Y」 in the 沿革 of a law in force: a document still titled X is its history."""
    by_title: dict[str, list[ParsedDocument]] = {}
    for p in corpus.live:
        by_title.setdefault(p.document.title, []).append(p)
    for q in corpus.live:
        for entry in history_entries(q.document.meta.get("history", "")):
            for old, new in _RENAME.findall(entry):
                date = roc_date(entry)
                for p in by_title.get(old, ()):
                    if p is not q and out[p.document.id].state == "current" and corpus.date[p.document.id] < date:
                        out[p.document.id] = Status(p.document.id, "superseded", (new,), date, entry,
                                                    f"{q.document.id} 沿革內容")


def _newer_acts(corpus: _Corpus, out: dict[str, Status]) -> None:
    """Two organization acts in force for one agency (交通部民用航空局組織條例 and …組织法): the older
    one is superseded by the newer (the 2010 reorganisation re-enacted 組織條例 as 組織法)."""
    for acts in corpus.acts.values():
        if len(acts) < 2:
            continue
        newest = max(acts, key=lambda p: (corpus.date[p.document.id], p.document.id))
        for p in acts:
            if p.document.title != newest.document.title \
                    and corpus.date[p.document.id] < corpus.date[newest.document.id] \
                    and out[p.document.id].state == "current":
                out[p.document.id] = Status(p.document.id, "superseded", (newest.document.title,),
                                            corpus.enacted(newest), newest.document.title,
                                            f"{newest.document.id} 法規名稱")


def _successions(corpus: _Corpus, out: dict[str, Status], table: list[dict]) -> list[_Succession]:
    """Every agency the documents (or the table) say was succeeded, with its evidence: what a document
    says first (its own words before the naming conventions)."""
    # A reviewed row names the body itself; a repeal order only who repealed its rules (農業部, for a 分署's
    # predecessor under a 林務局 since gone): the row before it.
    found = _by_rename(corpus) + _by_merge(corpus) + _by_transfer(corpus) + _by_same_order(corpus) \
        + _by_filing(corpus) + _by_table(table) + _by_repeal_order(corpus) + _by_sunset(corpus, out) \
        + _by_naming(corpus)
    # An agency that still has a document dated on or after the evidence exists: that evidence is wrong for it.
    return [s for s in found if not corpus.alive_after(s.agency, s.date)]


def _by_rename(corpus: _Corpus) -> list[_Succession]:
    """「原名稱：行政院衛生署食品藥物管理局組織法；新名稱：衛生福利部食品藥物管理署組織法」: the agency too, from the
    day the renamed law took effect (「…令定自一百零二年七月一日施行」 in the entry), else the day it was made."""
    out = []
    for q in corpus.live:
        for entry in history_entries(q.document.meta.get("history", "")):
            for old, new in _RENAME.findall(entry):
                a, b = agency_of(old), agency_of(new)
                if a != b and len(a) >= 3 and not b.startswith(a) and not a.startswith(b):
                    out.append(_Succession(a, (b,), in_force(entry), entry, f"{q.document.id} 沿革內容"))
    return out


# 「將「內政部家庭暴力防治委員會組織規程」及編制表、「內政部性侵害防治委員會組織規程」及編制表合併修正為「內政部
# 家庭暴力及性侵害防治委員會組織規程」」 (or 「…合併修正為本法」): several bodies' rules made one body's.
_MERGED = lazy(r"將(?P<old>(?:「[^」]+」[^「」，。；]{0,6}){2,})合併修正為"
               r"(?:「(?P<new>[^」]+)」|本(?:法|條例|規程|準則|細則))")
_QUOTED = lazy(r"「([^」]+)」")


def _by_merge(corpus: _Corpus) -> list[_Succession]:
    """A 沿革 entry that merged several laws into one (「將「X」…、「Y」…合併修正為「Z」」): the bodies of X and Y
    were succeeded by Z's."""
    out = []
    for q in corpus.docs:
        for entry in history_entries(q.document.meta.get("history", "")):
            for m in _MERGED.finditer(entry):
                new = agency_of(m["new"]) if m["new"] else corpus.agency[q.document.id]
                for old in map(agency_of, _QUOTED.findall(m["old"])):
                    if old != new and len(old) >= 3:
                        out.append(_Succession(old, (new,), roc_date(entry), entry, f"{q.document.id} 沿革內容"))
    return out


def _by_transfer(corpus: _Corpus) -> list[_Succession]:
    """A transitional article of the successor's act: 「本法施行前原交通部公路總局…隨同業務移撥」, 「X改制為Y」."""
    out = []
    for q in corpus.live:
        own = corpus.agency[q.document.id]
        for line, article, sentence in q.document.meta.get("clauses", ()):
            where = f"{q.document.id} line {line} {article}".rstrip()
            for m in TRANSFER.finditer(sentence):
                old = corpus.known_prefix(m.group("old"))
                if old and old != own and not own.startswith(old) and not old.startswith(own):
                    out.append(_Succession(old, (own,), corpus.enacted(q), sentence, where))
            for m in CONVERTED.finditer(sentence):
                old, new = corpus.known_prefix(m.group("old")), m.group("new")
                if old and old != own and not new.startswith(old):
                    out.append(_Succession(old, (new,), corpus.enacted(q), sentence, where))
    return out


def _by_same_order(corpus: _Corpus) -> list[_Succession]:
    """The order that repealed an agency's rules set up one other agency's (國立臺灣工藝研究所暫行組織規程
    「文人字第09824250491號令發布廢止」, and 國立臺灣工藝研究發展中心組織規程 「…文人字第09824250491號令訂定發布」
    the same day): that agency succeeded it."""
    set_up: dict[str, list[tuple[ParsedDocument, str]]] = {}  # order number -> the first entries it is in
    for q in corpus.docs:  # (the successor may have been succeeded since)
        entries = history_entries(q.document.meta.get("history", ""))
        m = ORDER_NO.search(entries[0]) if entries else None
        if m:
            set_up.setdefault(m.group(1), []).append((q, entries[0]))
    out = []
    for p in corpus.docs:
        entries = history_entries(p.document.meta.get("history", ""))
        m = ORDER_NO.search(entries[-1]) if entries and _REPEAL.search(entries[-1]) else None
        if not m:
            continue
        own = corpus.agency[p.document.id]
        new = {corpus.agency[q.document.id]: (q, e) for q, e in set_up.get(m.group(1), ())
               if not corpus.agency[q.document.id].startswith(own) and not own.startswith(corpus.agency[q.document.id])}
        if len(new) == 1:
            (agency, (q, entry)), = new.items()
            out.append(_Succession(own, (agency,), roc_date(entries[-1]),
                                   f"{entries[-1]}（{p.document.id} 沿革內容）；{q.document.title}：{entry}",
                                   f"{q.document.id} 沿革內容"))
    return out


# A 法規類別 whose last part names a body (行政＞環境部＞國家環境研究目: 國家環境研究院's), not a subject (組織目,
# 人事目, 醫事目): at least this many characters before 目.
_FILED_UNDER = lazy(r"^[^＞]+＞(?P<parent>[^＞]+)＞(?P<name>[^＞]{4,})目$")


def _by_filing(corpus: _Corpus) -> list[_Succession]:
    """The database files a law in force of one agency under a 目 named after another, the one body under
    the same parent whose own documents it files there (行政院環境保護署環境保護人員訓練所組織條例,
    「行政＞環境部＞國家環境研究目」, with 國家環境研究院處務規程): that body took the agency's work over.
    Only a law of a body under another parent (one since gone) says so."""
    filed: dict[str, list[ParsedDocument]] = {}
    for p in corpus.live:
        filed.setdefault(p.document.meta.get("category", ""), []).append(p)
    out = []
    for category, docs in sorted(filed.items()):
        m = _FILED_UNDER.match(category)
        if not m:
            continue
        parent, name = m["parent"], m["name"]
        # the bodies of the 目's name: 國家環境研究院, or 環境部化學物質管理署 (its parent's name before it)
        named = {corpus.agency[q.document.id] for q in docs
                 if corpus.agency[q.document.id].removeprefix(parent).startswith(name)}
        if len(named) != 1:
            continue
        (body,) = named
        first = min((q for q in docs if corpus.agency[q.document.id] == body), key=lambda q: corpus.enacted(q))
        for p in docs:
            own = corpus.agency[p.document.id]
            # a law of a body under that parent is filed by its subject (環境部再生資源回收再利用促進委員會,
            # 資源循環目): only an older body's, under a parent since gone, was taken over
            if own.startswith(parent) or body.startswith(own) or own.removeprefix(parent).startswith(name):
                continue
            out.append(_Succession(own, (body,), corpus.enacted(first),
                                   f"法規類別 {category}（{p.document.title}），與 {first.document.title} 同列",
                                   f"{p.document.id} 法規類別"))
    return out


def _by_repeal_order(corpus: _Corpus) -> list[_Succession]:
    """An agency's rules repealed by an order of another agency, neither above nor below it
    (交通部觀光局辦事細則 「交通部觀光署觀人字第…號令發布廢止」): that agency succeeded it."""
    out = []
    for p in corpus.docs:
        if not p.document.meta.get("abolished"):
            continue
        entries = history_entries(p.document.meta.get("history", ""))
        if not entries or not _REPEAL.search(entries[-1]):
            continue
        m = _ROC_DATE.search(entries[-1])
        after = entries[-1][m.end():] if m else ""
        issuer = corpus.known_prefix(after) if after else ""
        own = corpus.agency[p.document.id]
        full = _ISSUER.match(after.strip()) if issuer else None
        if full and full["name"].startswith(issuer) and own.endswith(full["name"][len(issuer):]) \
                and len(full["name"]) > len(issuer):  # 交通部觀光署東部海岸國家風景區管理處觀海人字第…: the body itself
            issuer = full["name"]
        if issuer and issuer != own and not own.startswith(issuer) and not issuer.startswith(own) \
                and issuer not in _ancestors(p):
            out.append(_Succession(own, (issuer,), roc_date(entries[-1]), entries[-1], f"{p.document.id} 沿革內容",
                                   repeal=True))
    return out


def _by_sunset(corpus: _Corpus, out: dict[str, Status]) -> list[_Succession]:
    """An organization act that sunset: its agency is succeeded by the agencies of the laws it names."""
    found = []
    for p in corpus.live:
        s = out[p.document.id]
        if p.document.genre == "org_act" and s.state == "superseded" and s.successors and SUNSET.search(s.evidence):
            found.append(_Succession(corpus.agency[p.document.id], s.successors, s.date, s.evidence, s.where))
    return found


def _by_naming(corpus: _Corpus) -> list[_Succession]:
    """The reorganisation's names, when the new agency's act is in force and newer than every document
    of the old one: 行政院大陸委員會 → 大陸委員會, 交通部中央氣象局 → 交通部中央氣象署."""
    out = []
    for old in corpus.known:
        candidates = []
        if old.startswith(_PARENT_DROPPED) and len(old) > len(_PARENT_DROPPED) + 2:
            candidates.append(old[len(_PARENT_DROPPED):])
        rank = next((r for r in _RANKS if old.endswith(r)), "")
        if rank and len(old) - len(rank) >= 4:
            candidates += [old[:-len(rank)] + r for r in _RANKS if r != rank]
        for new in candidates:
            for q in sorted(corpus.acts.get(new, ()), key=lambda q: q.document.id):
                out.append(_Succession(old, (new,), corpus.enacted(q), q.document.title, f"{q.document.id} 法規名稱"))
    return out


def read_table(path: Path = TABLE) -> list[dict]:
    """The rows of ``data/lineage.tsv`` (agency, successor, date, source) with their line; none when absent."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [(n, ln) for n, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    except OSError:
        return []
    header, *rows = lines
    names = header[1].rstrip("\n").split("\t")
    return [{**dict(zip(names, next(csv.reader([ln.rstrip("\n")], delimiter="\t")))), "line": n} for n, ln in rows]


def _by_table(table: list[dict]) -> list[_Succession]:
    """Rows of data/lineage.tsv: what the documents do not say (corporatisations), each with its source."""
    return [_Succession(r["agency"], tuple(r["successor"].split("、")), r.get("date") or "", r.get("source") or "",
                        f"data/lineage.tsv line {r['line']}") for r in table if r.get("agency") and r.get("successor")]


def _under_succeeded(p: ParsedDocument, corpus: _Corpus, successions: list[_Succession]) -> Status | None:
    """A document of a succeeded agency, or of an agency below it whose title names it (行政院衛生署
    疾病管制局辦事細則 under 行政院衛生署), older than the evidence."""
    own, date = corpus.agency[p.document.id], corpus.date[p.document.id]
    for s in successions:
        # A reviewed row speaks of dated history: a text with no date at all (a copy pasted from a budget
        # book, the bundled 關稅總局 act) cannot be placed before it, so only the documents' own words end it.
        if not date and s.where.startswith("data/lineage.tsv"):
            continue
        if own.startswith(s.agency) and (not s.date or not date or date < s.date):
            if own == s.agency:
                return Status(p.document.id, "superseded", s.successors, s.date, s.evidence, s.where)
            # Filed by the database under the successor, where its parent stood (法規類別 行政＞衛生福利部＞醫事目
            # for 行政院 › 衛生署 › 緊急醫療救護諮詢委員會), the law still applies to the body: it went over
            # with its parent, under its own name.  (A preparatory office became its body.)
            parts = _CATEGORY_PARTS.split(p.document.meta.get("category", ""))
            filed = [n for n in s.successors if n in parts and parts.index(n) == len(p.agency) - 2]
            if filed and not p.document.meta.get("abolished") and own[len(s.agency):] == p.agency[-1] \
                    and not own.endswith(PREPARATORY):
                return Status(p.document.id, "superseded", (filed[0] + own[len(s.agency):],), s.date,
                              f"法規類別 {p.document.meta['category']}；{s.agency} → {'、'.join(s.successors)}："
                              f"{s.evidence}", f"{p.document.id} 法規類別")
            return Status(p.document.id, "superseded", (), s.date,
                          f"{s.agency} → {'、'.join(s.successors)}：{s.evidence}", s.where)
    return None


def _under_succeeded_parent(p: ParsedDocument, corpus: _Corpus, successions: list[_Succession]) -> Status | None:
    """A law whose title names no parent but whose first article puts its bodies under an agency that was succeeded
    since it was made (國家風景區管理處組織通則 第1條 「管理處隸屬交通部觀光局」, 1995; 交通部觀光局 → 交通部觀光署,
    2023-09-15): it applied to that agency's bodies, which went over to the successor under their own name
    (交通部觀光署國家風景區管理處: the body of that kind the successor holds)."""
    own, date = corpus.agency[p.document.id], corpus.date[p.document.id]
    for _, article, sentence in p.document.meta.get("clauses", ()):
        m = _BELONGS_TO.search(sentence.rstrip("。；"))
        if article != "第1條" or m is None or own.startswith(m["parent"]):
            continue
        s = next((s for s in successions if s.agency == m["parent"]), None)
        if s is None or len(s.successors) != 1 or not s.date or not date or date >= s.date:
            continue
        return Status(p.document.id, "superseded", (s.successors[0] + own,), s.date,
                      f"「{sentence}」；{s.agency} → {s.successors[0]}：{s.evidence}", f"{p.document.id} {article}")
    return None


# Rules repealed this many days before a reorganisation took effect were repealed with it.
REPEALED_WITH = 62


def _days_before(a: str, b: str) -> int:
    """How many days date ``a`` is before date ``b`` (YYYY-MM-DD, or a year and month alone); 0 when not."""
    try:
        return max((datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days, 0)
    except ValueError:
        return 0 if a >= b else REPEALED_WITH + 1


def _abolished_with_successors(corpus: _Corpus, out: dict[str, Status], successions: list[_Succession]) -> None:
    """A repealed document of an agency that was succeeded names that successor too (行政院衛生署組織法,
    repealed when 衛生福利部組織法 took effect): it stays abolished, with the successor and its source."""
    for doc, status in out.items():
        if status.state != "abolished" or status.successors:
            continue
        own = corpus.agency[doc]
        s = next((s for s in successions if own == s.agency), None)
        # Repealed with the reorganisation, not long before it (an older version of the act is not); the
        # order often comes days before the successor's act takes effect (101.12.30 for 102.01.01).
        if s is not None and not (s.date and status.date and _days_before(status.date, s.date) > REPEALED_WITH):
            out[doc] = Status(doc, "abolished", s.successors, status.date or s.date,
                              f"{status.evidence}；{s.agency} → {'、'.join(s.successors)}：{s.evidence}".lstrip("；"),
                              status.where or s.where, since="" if s.repeal else s.date)


# A 三級機關 (局, 署) is listed by name in its parent's act (「本部之次級機關及其業務如下」); a 機構 (研究所,
# 博物館 …) or a branch (分局, 分署) need not be.
_LISTED_AGENCY = re.compile(r"(?<!分)[局署]$")


def _unlisted(corpus: _Corpus, out: dict[str, Status]) -> None:
    """An agency (局, 署) whose parent's current act, newer than its own, lists the agencies under the
    parent without it is no longer one: 交通部航政局組織法 (1935) is in force, but 交通部組織法 (2023)
    第5條 lists 公路局, 航港局 … and no 航政局."""
    for p in corpus.live:
        path = p.agency
        if out[p.document.id].state != "current" or p.document.genre != "org_act" or len(path) < 2 \
                or not _LISTED_AGENCY.search(path[-1]):
            continue
        for q in corpus.acts.get(path[-2], ()):
            listed = [u for u in q.units if len(u.path) == len(q.agency) + 1 and u.kind == "Agency"
                      and _LISTED_AGENCY.search(u.path[-1])]
            named = {u.path[-1] for u in q.units} | {a for u in q.units for a in u.aliases}
            if len(listed) >= 2 and path[-1] not in named and out[q.document.id].state == "current" \
                    and corpus.date[q.document.id] > corpus.date[p.document.id]:
                first = listed[0].source
                out[p.document.id] = Status(
                    p.document.id, "abolished", (), corpus.in_force_since(q),
                    f"{q.document.title}{first.article}列{path[-2]}之機關："
                    f"{'、'.join(u.path[-1] for u in listed)}，未列{path[-1]}",
                    f"{q.document.id} line {first.line} {first.article}".rstrip())
                break


def _repealed_agencies(corpus: _Corpus) -> list[tuple[str, str, str, str]]:
    """``(agency, date, evidence, where)`` of the agencies whose organization act was repealed and every
    document of which is repealed (法務部行政執行署組織條例 was repealed, but its 處務規程 is in force:
    the agency lives on under another act)."""
    out = []
    alive = {corpus.agency[p.document.id] for p in corpus.live}
    for q in corpus.docs:
        parent = corpus.agency[q.document.id]
        if q.document.genre != "org_act" or not q.document.meta.get("abolished") or len(parent) < 3 \
                or parent in alive:
            continue
        entries = history_entries(q.document.meta.get("history", ""))
        when = roc_date(entries[-1]) if entries and _REPEAL.search(entries[-1]) else corpus.date[q.document.id]
        if when and not corpus.alive_after(parent, when):
            out.append((parent, when, f"{parent}（{q.document.title}）：{entries[-1] if entries else '廢止註記：廢'}",
                        f"{q.document.id} 沿革內容"))
    return sorted(out, key=lambda r: (-len(r[0]), r[1], r[3]))


def _under_repealed(p: ParsedDocument, corpus: _Corpus, repealed: list[tuple[str, str, str, str]]) -> Status | None:
    """A document of an agency below one whose every organization act was repealed (its title names it),
    older than the repeal: it went with it."""
    own, date = corpus.agency[p.document.id], corpus.date[p.document.id]
    for parent, when, evidence, where in repealed:
        if own.startswith(parent) and own != parent and date and date < when:
            return Status(p.document.id, "superseded", (), when, evidence, where)
    return None
