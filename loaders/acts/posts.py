"""Posts (職稱), their headcounts (員額) and ranks (官等/職等) from organization texts.

Organization acts list posts in long sentences; this module turns one article
(or paragraph) into structured records — pure functions over text.

>>> from graph_model.records.records import Source
>>> src = Source("d", 41, article="第7條")
>>> posts = extract_posts("本局置科長六十一人至七十一人，職務列薦任第九職等關務正或技術正；"
...                       "秘書二人，稽核三人，職務均列薦任第八職等至第九職等，其中秘書一人得列簡任第十職等。",
...                       src, ("財政部", "關稅總局"), {})
>>> [(p.title, p.min, p.max, p.rank.grade_from, p.rank.grade_to) for p in posts]
[('科長', 61, 71, 9, 9), ('秘書', 2, 2, 8, 9), ('稽核', 3, 3, 8, 9)]
>>> posts[1].sub_quotas[0].count, posts[1].sub_quotas[0].rank.grade_from
(1, 10)
>>> parse_rank("薦任第九職等關務正或技術正至簡任第十職等關務監").series
('關務正', '技術正', '關務監')

The records are those of :mod:`graph_model.records.records`:

- :class:`~graph_model.records.records.PostRecord`: a post, its count (None when the text names
  it without a number: 「本署置主任秘書」, pooled titles), :class:`~graph_model.records.records.Rank`
  and :class:`~graph_model.records.records.SubQuota`; the people who hold it besides another post
  (「由…兼任」) are not extra headcount, and a ``per`` post (「每一燈塔置…」) counts per 燈塔.
- :class:`~graph_model.records.records.QuotaRule`: a unit's other staff come out of the agency's quota
  (「所需工作人員，就本條例所定員額內派充之」) — a note, never extra headcount.
- :class:`~graph_model.records.records.StatutoryTotal`: a stated total (「…等計五百七十二人」) of
  the pooled ``titles``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from graph_model.lazy_re import lazy
from graph_model.records.naming import SELF_REFERENCE, UNIT_SUFFIX_PATTERN, is_self_reference, strip_self_reference
from graph_model.records.records import PostRecord, QuotaRule, Rank, Source, StaffingRecord, StatutoryTotal, SubQuota
from loaders.common import LOCAL_LEVELS
from loaders.read.text import CN_NUM, cn_number

from .patterns import ONE_UNIT_WORD
from .unit_names import bare, clean_name, shared_rest

# ----------------------------------------------------------------------------- ranks
CLASSES = ("委任", "薦任", "簡任")  # 官等, lowest first
_SERIES = r"(?:高級)?(?:關務|技術)(?:監|正|員|佐)|警[監正佐](?:[一二三四]階)?|資位"
_RANK_TOKEN = lazy(rf"(?P<cls>簡任|薦任|委任)|第(?P<grade>[{CN_NUM}\d]+)(?:職等)?|(?P<series>{_SERIES})")
_RANK_LEAD = lazy(r"^(?:或)?(?:其)?(?:職務|職位)?(?:均)?(?:得)?列")
_BARE_POLICE = lazy(r"^(?:得列)?警[監正佐](?:(?:或|至)警[監正佐])*$")
_SENIORITY = lazy(r"^(?:其)?資位依.+(?:規定|辦理)$")


def parse_rank(text: str) -> Rank:
    """Rank range of a 「職務列…」 text: 官等 and 職等 from–to, and the series named.

    ``grade_from``/``grade_to`` are the lowest and highest 職等 named, each with the
    官等 (``class_*``) written before it (None in pre-1987 職位 texts, which have none).

    >>> r = parse_rank("委任第五職等關務員或技術員或薦任第六職等至第七職等高級關務員或高級技術員")
    >>> r.class_from, r.grade_from, r.class_to, r.grade_to
    ('委任', 5, '薦任', 7)
    >>> r.series
    ('關務員', '技術員', '高級關務員', '高級技術員')
    >>> parse_rank("第八至第十二職等").grade_to, parse_rank("警佐或警正").series
    (12, ('警佐', '警正'))
    """
    text = _RANK_LEAD.sub("", text.strip())
    grades: list[tuple[int, str | None]] = []
    series: list[str] = []
    cls = None
    for m in _RANK_TOKEN.finditer(text):
        if m.group("cls"):
            cls = m.group("cls")
        elif m.group("grade"):
            g = cn_number(m.group("grade"))
            if g is not None:
                grades.append((g, cls))
        elif m.group("series") not in series:
            series.append(m.group("series"))
    low = min(grades, key=lambda x: (x[0], CLASSES.index(x[1]) if x[1] else -1)) if grades else (None, None)
    high = max(grades, key=lambda x: (x[0], CLASSES.index(x[1]) if x[1] else -1)) if grades else (None, None)
    return Rank(low[1], low[0], high[1], high[0], tuple(series), text)


# ----------------------------------------------------------------------------- counts
_N = rf"[{CN_NUM}\d]+"
# 「一人至二人」, also written 「一至二人」 and 「一或二人」
_COUNT = rf"(?P<a>{_N})(?:[人名位]|(?=[至或]{_N}[人名位]))(?:(?P<op>至|或)(?P<b>{_N})[人名位])?"
# a title starts with no numeral, but for a class of the title (一等專員, 二等秘書)
_TITLE = rf"(?:[一二三四]等)?(?![{CN_NUM}])[\u4e00-\u9fff]{{1,12}}?"
# a count followed by 以上/以下/未滿 is a threshold of a condition (「人口在二百五十萬人以上之直轄市」), no headcount
_TITLE_COUNT = lazy(rf"^(?P<title>{_TITLE})(?P<each>各)?{_COUNT}(?!以上|以下|未滿)(?P<tail>.*)$")
# 「書記等各若干人」, 「庭務員若干人」: the titles, their number not given
_SOME = lazy(r"(?<=[\u4e00-\u9fff])(?:等)?(?:各)?若干[人名位]$")
_POOL_END = lazy(rf"^(?P<title>{_TITLE})?等(?:共)?計{_COUNT}$")
_TITLE_ONLY = lazy(r"^[\u4e00-\u9fff]{1,12}$")
_NOT_TITLE = lazy(r"[置列為於依就由得其應之及與並滿]|以上|以下|事項|業務|掌理|辦理|綜理|襄理|襄助|指揮|監督"
                   r"|^各|^另|^每|等$")
_TITLE_ENDINGS = lazy(r"(?:長|員|師|司|士|官|秘書|委員|主任|監|正|佐|記|核|審|察|譯|工|手|機|駕駛|技正|技士|技佐"
                      r"|管理師|分析師|設計師)$")

_POST_VERB = lazy(r"(?<![設建配購裝放位安佈布擱購添增])(?P<each>各)?置")
# (常設性任務編組: what a unit is set up as, no unit set up)
_SETS = lazy(r"(?<![建附常])設(?!置|立|計|備|施|有|法|定)(?P<names>.+)$")
# 「本會得商請…」, 「本處得視…」: the document's organization as the subject of a modal verb
_AGENCY_ACTING = lazy(rf"^{SELF_REFERENCE}(?:得|應|亦得)(?:商請|視|洽|請)")
_QUOTA = lazy(r"所需(?:工作)?人員|員額內(?:派充|調派|派兼|兼任|調用)")
_CONCURRENT = lazy(r"由(?P<who>.+?)兼任")
_SUB = lazy(rf"^(?:(?P<every>各職稱中之)|其中|另)(?P<title>{_TITLE})?{_COUNT}(?P<tail>.*)$")


def _count(m: re.Match) -> tuple[int | None, int | None]:
    a = cn_number(m.group("a"))
    b = cn_number(m.group("b")) if m.group("b") else a
    return a, b


def mentions_posts(text: str) -> bool:
    """True when a paragraph may set up posts or say where a unit's staff come from.

    >>> mentions_posts("本局置主任秘書一人"), mentions_posts("於國內必要地區設置關稅局")
    (True, False)
    >>> mentions_posts("人事室所需工作人員，就本條例所定員額內派充之。")
    True
    """
    return bool(_POST_VERB.search(text) or _QUOTA.search(text))


# ----------------------------------------------------------------------------- units named in the text
_UNIT_END = lazy(rf"(?:{UNIT_SUFFIX_PATTERN}|燈塔|道班)$")


def _unit_names(text: str, named: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Units in 「人事室、會計室及統計室」, 「燈塔」, 「養路道班若干班」; [] when not all are units.

    A list joined by 及 whose members the document names elsewhere (``named``) is its members, however its words
    end: 「陳列館及技術輔導中心」 (陳列館 set up), 「蘇澳及五堵辦事處」 (蘇澳辦事處 and 五堵辦事處 set up); a name such
    as 少年及家事廳 stays whole, its halves being no unit.

    >>> _unit_names("展示中心、陳列館及技術輔導中心", {"陳列館"})
    ['展示中心', '陳列館', '技術輔導中心']
    >>> _unit_names("第二類及第三類行政執行處", {"第二類行政執行處", "第三類行政執行處"})
    ['第二類行政執行處', '第三類行政執行處']
    >>> _unit_names("少年及家事廳", {"少年及家事廳"})
    ['少年及家事廳']
    """
    text = re.sub(r"若干\S?$", "", text.strip())
    pieces = [p for p in re.split(r"[、]|(?<=[組處室科課股局署關會心隊所站場段班塔廳])(?:及|與|暨|和)", text) if p]
    if named:
        pieces = [m for p in pieces for m in _named_members(p, named)]
    if not pieces or any(not _UNIT_END.search(p) or len(p) > 16
                         or re.match(r"^(?:(?:其?他)?各種|[一二三四五六七八九十]+[組科課股])", p)
                         or re.search(r"[，。：；之]|指揮|監督", p) for p in pieces):
        return []
    return pieces


def _shared_heads(pieces: list[str], named) -> str:
    """Heads of a list that share the rest of the next full name when the document names the units so made,
    joined by 、; else the list as it was.

    >>> _shared_heads(["教務", "總務", "實習輔導處及圖書館"], {"教務處", "總務處", "實習輔導處", "圖書館"})
    '教務處、總務處、實習輔導處及圖書館'
    """
    out = list(pieces)
    for i, head in enumerate(pieces):
        if _UNIT_END.search(head) or len(head) > 6:
            continue
        full = next((re.split("及|與", p)[0] for p in pieces[i + 1:] if _UNIT_END.search(re.split("及|與", p)[0])), "")
        rest = next((full[cut:] for cut in range(1, len(full)) if head + full[cut:] in named), None)
        if rest is None:
            return "、".join(pieces)
        out[i] = head + rest
    return "、".join(out)


def _named_members(piece: str, named) -> list[str]:
    """「A及B」 as its members when the document names them: A itself (「車勤服務部及各餐廳」), or A and B sharing
    B's rest (「台中港口及員林辦事處」: 台中港口辦事處 and 員林辦事處); else the piece."""
    m = re.fullmatch(r"(?P<a>[\u4e00-\u9fff（）()]{2,12}?)(?:及|與|暨)(?P<b>[\u4e00-\u9fff]{2,14})", piece)
    if not m or piece in named:
        return [piece]
    a, b = strip_self_reference(m.group("a")), m.group("b")  # 「本所車勤服務部及各餐廳」
    if a in named:
        return [a, b]
    for cut in range(1, len(b) - 1):
        if a + b[cut:] in named and b in named:
            return [a + b[cut:], b]
    return [piece]


# 「司法院各廳」, 「前項各科」, 「書記處各科」, 「本廠各科室」, 「各處、室」: every unit of a kind (under the unit named
# before 各); 「各級檢察署及其檢察分署」, 「高等檢察署以下各級…」: every level's units of a kind.
_EVERY = lazy(r"^(?P<parent>[\u4e00-\u9fff]*)各(?P<kind>[\u4e00-\u9fff、]{1,6})$")
_EVERY_LEVEL = lazy(r"^(?:\S*?以下)?各級(?P<kind>[\u4e00-\u9fff]{1,8}?)(?:(?:及|與)其?\S*)?$")


class _Context:
    """Which unit(s) the titles being read belong to."""

    def __init__(self, agency: tuple[str, ...]):
        self.units = [agency]
        self.per: str | None = None
        self.per_of: dict[tuple[str, ...], str] = {}  # a unit standing for its unnamed units of a kind (各科: 科)
        self.each = False  # a collective (各科) named the units: every title is every one's
        self.variant: str | None = None


def _spanned(source: Source) -> Source:
    """The source with its end line stated (a one-line span ends where it starts), as posts keep it."""
    return source if source.end_line else Source(source.doc, source.line, source.line, source.article, source.item)


class _PostReader:
    def __init__(self, source: Source, unit_path: tuple[str, ...], units: dict[str, tuple]):
        self.agency = tuple(unit_path)
        self.units = {k: tuple(v) for k, v in (units or {}).items()}
        self.kinds: frozenset[str] | set[str] = frozenset()  # set up in any number, none named (各種研究所)
        # (path, line, article) of every unit the document set up: what 「各科」 names (document_posts sets them)
        self.records: list[tuple[tuple[str, ...], int, str | None]] = [(p, 0, None) for p in self.units.values()]
        # names of the units the document sets up or staffs (document_posts adds those of posts read so far): what
        # a list 「A及B」 may be split into
        self.named: set[str] = set(self.units)
        self.source = _spanned(source)
        self.out: list[StaffingRecord] = []
        self.ctx = _Context(self.agency)
        self.active = False  # inside a 置 clause
        self.pending: list[PostRecord] = []  # posts waiting for their rank
        self.group: list[PostRecord] = []  # posts that got the last rank
        self.last_piece: list[PostRecord] = []  # posts created by the last piece
        self.sub: dict | None = None  # open 其中… sub-quota statement
        self.pool: list[PostRecord] = []  # titles without counts waiting for 等計N人
        self.last_quota: list[QuotaRule] = []  # quota rule records of the previous piece
        self.set_text = ""  # the last 「設…」 piece
        self.just_set: list[tuple[str, ...]] = []  # the units the last 「設…」 piece set up

    # -------------------------------------------------------------- units
    def is_agency(self, name: str) -> bool:
        name = re.sub(r"^(?:並|另|得|應)", "", name)
        last = self.agency[-1] if self.agency else ""
        return (not name or is_self_reference(name) or name in (last, last.lstrip("各"), "".join(self.agency))
                or self.units.get(name) == self.agency or _abbreviates(name, last))

    def resolve(self, name: str, parent: tuple[str, ...] | None = None, refer: bool = False) -> tuple[str, ...]:
        """The path of a unit named in a post clause; with ``refer``, a bare unit word alone (「所置主任」)
        means the unit of that kind set up last (「得設若干工務所」)."""
        stripped = strip_self_reference(re.sub(rf"^{SELF_REFERENCE}(?=各)", "", name))  # 本大學各學院: 各學院
        # 「前項管理中心各置主任一人」: the units the paragraph before set up
        name = stripped if stripped != name else re.sub(r"^(?:前[項條]|上開|上述|各該|各級|各|其)(?=\w{2,})", "", name)
        # 「工程總隊設人事室及會計室，人事室置主任一人」: its own, not the 人事室 the document set up first
        set_up = {r[0] for r in self.records}
        if parent is not None and tuple(parent) + (name,) in set_up:
            return tuple(parent) + (name,)
        if parent is None and (just := [p for p in self.just_set if p[-1] == name and p in set_up]):
            return just[0]
        if name in self.units:
            return self.units[name]
        if "各" + name in self.units:  # 「各教養院置院長一人」 (D0000155): the family the document set up as 各教養院
            return self.units["各" + name]
        # 「中央研究院研究所置所長一人」 (A0010016), 「稽勳委員會秘書處置科長三人」 (A0010015): the agency's own name
        # before the name of a unit it set up is that unit, not a new one
        last = self.agency[-1] if self.agency else ""
        if len(last) >= 2 and name.startswith(last) and name[len(last):] in self.units:
            return self.units[name[len(last):]]
        if len(last) >= 2 and name.startswith(last) and name[len(last):] in self.kinds:
            # 「中央研究院研究所置所長一人」 after 「設立各種研究所」: one in each of a kind none named
            return self.agency + (name[len(last):],)
        if last in LOCAL_LEVELS and (organ := next((k for k in self.units if name.endswith(last + k)
                                                     and len(name) > len(k) + 1), None)):
            return self.units[organ]  # 「院轄市市政府置秘書長一人」 (市組織法): the 市政府 of a class of cities
        name = clean_name(name)
        if re.fullmatch(rf"[{CN_NUM}]+個?(?:{ONE_UNIT_WORD.pattern})", name):  # 「本室設三課及置…」: none named
            return tuple(parent or self.agency)
        if refer and bare(name):
            if name.startswith("本"):
                return self.agency
            just_set = next((path for n, path in reversed(self.units.items())
                             if n.endswith(name) and (len(name) > 1 or path != self.agency)), None)
            if just_set:
                return just_set
        if parent is None:
            return self.agency + (name,)
        return tuple(parent) + (name,)

    def every(self, name: str) -> tuple[list[tuple[str, ...]], str] | None:
        """「司法院各廳」, 「前項各科」, 「書記處各科」, 「本廠各科室」, 「各處、室」, 「各級檢察署」: every unit of
        that kind the document set up (under the unit named before 各; those of the same article first, else those
        set up before, else any), not a unit 「各廳」; when it set up none, the parent (and the kind, as ``per``).
        None when the name is no such collective (a family the document set up, 各中隊, is a unit).
        """
        name = re.sub(r"(?<=\w)(?:得|應|均|並|亦)$", "", re.sub(r"^(?:並|另|得|應|又)", "", name).rstrip("、"))
        if name in self.units:
            return None
        level = _EVERY_LEVEL.match(name)
        m = None if level else _EVERY.match(name)
        if level:
            words, parent = [re.sub(r"(?:及|與).*$", "", level.group("kind"))], self.agency
            if not any(r[0][-1].endswith(words[0]) and len(r[0][-1]) > len(words[0]) for r in self.records):
                return [self.agency], ""  # 「各級行政法院得置通譯」 in the courts' own law: no unit of them set up
        elif m and not m.group("kind").startswith(("該", "級")) and \
                all(w and bare(w) for w in re.split(r"[、及或]", m.group("kind"))):
            words = re.split(r"[、及或]", m.group("kind"))
            if len(words) == 1 and not ONE_UNIT_WORD.fullmatch(words[0]):
                words = list(words[0])  # 科室: every 科 and every 室
            head = re.sub(r"(?:前[一二三]?[項條](?:所[列定設])?|所屬)$", "", m.group("parent"))
            if re.search(r"[及與暨和或、]$", head):
                return None  # 「三等關稅局及各分局」: a list, no parent
            parent = self.agency if not head or self.is_agency(head) else self.resolve(head)
        else:
            return None
        found: list[tuple[tuple[str, ...], int, str | None]] = []
        for top in (parent, self.agency):  # (書記處各科: the 科 a list set up under the court itself)
            found = [r for r in self.records if len(r[0]) > len(top) and r[0][:len(top)] == top and not bare(r[0][-1])
                     and any(r[0][-1].endswith(w) and len(r[0][-1]) > len(w) for w in words)]
            if found:
                break
        line, article = self.source.line, self.source.article
        found = [r for r in found if article and r[2] == article] or [r for r in found if r[1] < line] or found
        paths = list(dict.fromkeys(r[0] for r in found))
        return (paths, "") if paths else ([parent], "".join(words))

    def each_of_kind(self, word: str) -> list[tuple[str, ...]]:
        """「每X」: the agency when X is its own kind (私立高級中學's 「每校得置管理員一人」: each school is the
        agency), else, for a bare unit word, the units of that kind the same article set up
        (「得設工務所，每所置主任一人」, 「設規劃隊、測量隊，每隊各置隊長一人」); [] when none."""
        last = self.agency[-1] if self.agency else ""
        if len(word) == 1 and (last.endswith(word) or word == "校" and re.search(r"(?:學|學院|學校)$", last)):
            return [self.agency]
        article = self.source.article
        if not bare(word):
            return []
        return list(dict.fromkeys(r[0] for r in self.records if article and r[2] == article and len(r[0]) > len(
            self.agency) and r[0][-1].endswith(word) and len(r[0][-1]) > len(word) and not bare(r[0][-1])))

    def resolve_all(self, names: list[str], refer: bool = False) -> list[tuple[str, ...]]:
        """The paths of the units named in a post clause: a collective (各科) is every unit of its kind."""
        out: list[tuple[str, ...]] = []
        for n in names:
            every = self.every(n)
            if every is None:
                out.append(self.resolve(n, refer=refer and not n.startswith("各")))
                continue
            paths, per = every
            out += paths
            self.ctx.each = True
            if per:
                self.ctx.per_of[paths[0]] = per
        return out

    def subject_unit(self, subject: str) -> tuple[str, ...] | None:
        """Parent named before 「為…得設X」: 「各工務段為…得設監工站」 → 工務段."""
        m = re.match(r"^(?:各)?(?P<name>[\u4e00-\u9fff]{2,12}?)(?:為|因|於|得|應|視|$)", subject)
        if not m or self.is_agency(m.group("name")) or not _UNIT_END.search(m.group("name")):
            return None
        return self.resolve(m.group("name"))

    def set_units(self, names: list[str], subject: str = "") -> None:
        every = self.every(subject) if subject else None  # 「各級檢察署及其檢察分署設檢察事務官室」: in each of them
        parents = every[0] if every else [self.subject_unit(subject) if subject else None]
        self.ctx = _Context(self.agency)
        self.ctx.units = [self.resolve(n, parent) for parent in parents for n in names]
        self.ctx.each = len(parents) > 1
        self.just_set = self.ctx.units

    def context_from_prefix(self, prefix: str, each: bool = False) -> None:
        prefix = re.sub(r"^(?:並|另|得|應|又)", "", prefix)
        if not prefix:
            return  # 「，置主任一人」: the units just set up
        if self.is_agency(prefix):
            self.ctx = _Context(self.agency)
            return
        every = re.match(r"^每(?:一)?(?:個)?(?P<name>.+)$", prefix)
        if every:
            name = re.sub(r"(?<=\w)(?:得|應|均|並|各)$", "", every.group("name"))  # 每校得置 → 校
            self.ctx = _Context(self.agency)
            if own := self.each_of_kind(name):
                self.ctx.units = own
                return
            self.ctx.units = [self.resolve(name)]
            self.ctx.per = name
            return
        variant = re.match(r"^[一二三四五六七八九十]等\S*$", prefix)
        if variant:
            self.ctx = _Context(self.agency)
            self.ctx.variant = prefix
            return
        set_up = _SETS.search(prefix)
        if set_up and (names := _unit_names(set_up.group("names"), self.named)):
            self.set_units(names, prefix[:set_up.start()])
            return
        if _AGENCY_ACTING.match(prefix):
            # 「本會得商請警政主管機關置專責警察」, 「本處得視未來…所需人員，聘請…」: the agency acts, no unit is named
            self.ctx = _Context(self.agency)
            return
        # 「各處、室」 as a whole
        names = [prefix] if self.every(prefix) is not None else _unit_names(prefix, self.named)
        if not names and each and re.search("[、及]", prefix):
            # heads that share the rest of the next full name, each of them a unit the document set up, each staffed:
            # 「北、中、南三區環境督察大隊各置大隊長一人」 (O0000001), 「教務、學生事務、總務、實習輔導處及圖書館各置
            # 主任一人」 (H0060015)
            shared = [n for n in shared_rest(prefix, self.named) if n in self.named]
            names = shared if len(shared) > 1 and "及" not in "".join(shared) else \
                _unit_names(_shared_heads(re.split("[、]", prefix), self.named), self.named)
            if names:
                self.ctx = _Context(self.agency)
                self.ctx.units, self.ctx.each = self.resolve_all(names), True
                return
        if names:
            self.ctx = _Context(self.agency)
            self.ctx.units = self.resolve_all(names, refer=len(names) == 1)

    # -------------------------------------------------------------- records
    def post(self, title: str, lo, hi, unit: tuple[str, ...], note: str = "") -> PostRecord:
        per = self.ctx.per or self.ctx.per_of.get(tuple(unit))
        rec = PostRecord(unit=tuple(unit), title=title, min=lo, max=hi, per=per, variant=self.ctx.variant,
                         note=note, source=self.source)
        self.out.append(rec)
        return rec

    def units_for(self, titles: list[str], each_unit: bool) -> list[list[tuple[str, ...]]]:
        """The unit(s) each title of a list belongs to."""
        units = self.ctx.units
        if self.ctx.each and len(units) > 1:
            # 「本府各局、科、室置局長、科長、室主任…」: a head's title names its unit's kind (局長: each 局), or
            # the unit itself (「本所各課各置課長一人、總務室主任一人」: 總務室's)
            return [[p for n, p in self.units.items() if len(n) > 2 and title.startswith(n) and len(title) > len(n)][:1]
                    or [u for u in units if any(len(w) > 1 and w.startswith(u[-1][-1]) for w in
                                                re.split("或", re.sub(r"(?<![^或])副", "", title)))] or list(units)
                    for title in titles]
        if len(units) == 1 or each_unit:
            return [list(units) for _ in titles]
        out = []
        for i, title in enumerate(titles):
            named = [u for u in units if title.startswith(re.sub(f"(?:{UNIT_SUFFIX_PATTERN})$", "", u[-1]))]
            out.append(named[:1] or [units[min(i, len(units) - 1)]])
        return out

    def title_list(self, piece: str, *, object_of_post: bool, each_unit: bool) -> bool:
        """Read 「組長、副組長各一人」, 「主任秘書一人」, 「工務士、…事務士等計五百七十二人」."""
        subs = piece.split("、")
        subs[-1] = _SOME.sub("", subs[-1])
        if object_of_post and "及" in subs[-1] and not re.search(_N + "[人名位]", subs[-1]):
            subs[-1:] = subs[-1].split("及", 1)  # 「…辦事員及書記」
        bare_list = object_of_post and len(subs) > 1 and all(
            _TITLE_ONLY.match(x) and len(x) <= 8 and not _NOT_TITLE.search(x) for x in subs)
        # (kind, title, (lo, hi), (each, tail) of a count)
        parsed: list[tuple[str, str, tuple[int | None, int | None], tuple[str | None, str | None]]] = []
        for s in subs:
            if (m := _POOL_END.match(s)):
                parsed.append(("pool", m.group("title"), _count(m), (None, None)))
            elif (m := _TITLE_COUNT.match(s)) and not _NOT_TITLE.search(m.group("title")):
                parsed.append(("count", m.group("title"), _count(m), (m.group("each"), m.group("tail"))))
            elif _TITLE_ONLY.match(s) and not _NOT_TITLE.search(s) and (_TITLE_ENDINGS.search(s) or bare_list):
                parsed.append(("title", s, (None, None), (None, None)))
            else:
                return False
        kinds = [p[0] for p in parsed]
        if "count" not in kinds and "pool" not in kinds and not object_of_post and not self.pool:
            return False
        if "count" not in kinds and "pool" not in kinds and object_of_post and len(parsed) > 1 and not bare_list:
            return False
        created: list[PostRecord] = []
        last_made: list[PostRecord] = []  # posts of the last title (or 各 group): what a following 「由…兼任」 is about
        waiting: list[str] = []  # titles before a 「各N人」 or the end of a pool
        titles = [p[1] for p in parsed if p[1]]
        unit_lists = dict(zip(titles, self.units_for(titles, each_unit)))
        for kind, title, (lo, hi), extra in parsed:
            if kind == "title":
                waiting.append(title)
                continue
            if kind == "pool":
                pooled = waiting + ([title] if title else [])
                self.pool_titles(pooled, lo, hi, unit_lists)
                waiting = []
                continue
            each, tail = extra
            names = (waiting + [title]) if each else [title]
            if not each and waiting:
                self.pool.extend(self.bare_posts(waiting, unit_lists))
            waiting = []
            made = [self.post(name, lo, hi, unit) for name in names for unit in unit_lists[name]]
            created.extend(made)
            if tail:
                self.tail(tail, made)
            last_made = made
        if waiting:
            # 「本署置主任秘書，職務列…」 or titles of a pool that continues in the next piece
            bare = self.bare_posts(waiting, unit_lists)
            created.extend(bare)
            self.pool.extend(bare)
            last_made = bare
        self.pending.extend(created)
        self.last_piece = last_made
        return True

    def bare_posts(self, titles: list[str], unit_lists) -> list[PostRecord]:
        return [self.post(t, None, None, u) for t in titles for u in unit_lists[t]]

    def pool_titles(self, titles: list[str], lo, hi, unit_lists) -> None:
        posts = [p for p in self.pool if p.min is None] + self.bare_posts(titles, unit_lists)
        count = f"{lo}人" if lo == hi else f"{lo}至{hi}人"
        for p in posts:
            p.note = f"員額併計於總數{count}"
        self.out.append(StatutoryTotal(unit=tuple(self.ctx.units[0]), variant=self.ctx.variant, min=lo, max=hi,
                                       titles=tuple(p.title for p in posts), source=self.source))
        self.pool = []

    def tail(self, tail: str, posts: list[PostRecord]) -> None:
        """What follows a count in the same piece: 「由…兼任」, 「得列…」, duties."""
        c = _CONCURRENT.search(tail)
        if c:
            for p in posts:
                p.concurrent = p.max or 0
                p.note = _join(p.note, f"由{c.group('who')}兼任")
        elif _RANK_LEAD.match(tail) and re.search(r"職等|警[監正佐]", tail):
            self.apply_rank(tail, posts)

    # -------------------------------------------------------------- ranks and sub-quotas
    def apply_rank(self, text: str, posts: list[PostRecord] | None = None) -> None:
        targets = posts if posts is not None else self.pending
        if not targets:
            return
        rank = parse_rank(text)
        for p in targets:
            p.rank = rank
        self.group = list(targets)
        self.pending = [p for p in self.pending if p not in targets]

    def merge_rank(self, text: str) -> None:
        """「…，或職務列薦任第八職等至第九職等」 continues the last rank."""
        for p in self.group:
            old = p.rank.text if p.rank else ""
            p.rank = parse_rank(_join(old, text))

    def open_sub(self, m: re.Match) -> None:
        group = self.pending or self.group
        if self.sub is None:
            self.sub = {"group": group, "entries": [], "every": bool(m.group("every"))}
        self.sub_entry(self.sub, m.group("title"), cn_number(m.group("a")), m.group("tail"), m.group(0))

    def sub_entry(self, sub: dict, title: str | None, count: int | None, tail: str, text: str) -> None:
        """An entry of the open sub-quota statement ``sub`` (``self.sub``)."""
        group = sub["group"]
        if sub["every"]:
            targets = list(group)
        elif title:
            targets = [p for p in group if p.title == title][:1] or \
                      [p for p in reversed(self.out) if isinstance(p, PostRecord) and p.title == title][:1]
        else:
            targets = group[-1:]
        c = _CONCURRENT.search(tail or "")
        if c:
            for p in targets:
                p.concurrent = min((p.concurrent or 0) + (count or 0), p.max or 0)
                p.note = _join(p.note, f"{text}")
            return
        sub["entries"].append((targets, count, text))
        if tail and _RANK_LEAD.match(tail) and re.search(r"職等|警[監正佐]", tail):
            self.close_sub(sub, tail)

    def close_sub(self, sub: dict, rank_text: str) -> None:
        """Close the open sub-quota statement ``sub`` (``self.sub``) with its rank."""
        rank = parse_rank(rank_text)
        for targets, count, text in sub["entries"]:
            for p in targets:
                p.sub_quotas.append(SubQuota(count, rank, _join(text, rank_text) if rank_text not in text else text))
        self.sub = None

    # -------------------------------------------------------------- main loop
    def read(self, text: str) -> list[StaffingRecord]:
        text = re.sub(r"(?<=兼任)、", "，", text)  # 「另一人由…兼任、室主任一人」: a comma typed as 、
        for piece, delim in re.findall(r"([^，；。]*)([，；。]|$)", text):
            piece = piece.strip()
            if piece:
                self.piece(piece)
            if delim in "；。" and self.sub is not None:
                self.sub = None
            if delim == "。" or delim == "":
                self.active, self.last_quota = False, []
                self.pending, self.pool = [], []
        return self.out

    def piece(self, piece: str) -> None:
        if _QUOTA.search(piece):
            self.quota_rule(piece)
            return
        self.last_quota = []
        post_verb = _POST_VERB.search(piece)
        if post_verb:
            prefix, rest = piece[:post_verb.start()], piece[post_verb.end():]
            self.context_from_prefix(prefix, each=bool(post_verb.group("each")))
            self.active = True
            if rest:
                self.title_list(rest, object_of_post=True, each_unit=bool(post_verb.group("each")))
            return
        set_up = _SETS.search(piece)
        if set_up:
            self.set_text = piece
            if (names := _unit_names(set_up.group("names"), self.named)):
                self.set_units(names, piece[:set_up.start()])
                return
            if self.every(piece[:set_up.start()]) is not None:
                # 「各處、室設組、陳情受理中心或科分別辦事，各置組長…」: posts of each 處 and 室
                self.ctx = _Context(self.agency)
                self.ctx.units = self.resolve_all([piece[:set_up.start()]])
                return
        if not self.active:
            return
        if self.sub is not None:
            m = _TITLE_COUNT.match(piece)
            if m and m.group("title") in {p.title for p in self.sub["group"]}:
                self.sub_entry(self.sub, m.group("title"), _count(m)[0], m.group("tail"), piece)
                return
            if self.is_rank(piece):
                self.close_sub(self.sub, piece)
                return
            self.sub = None  # 「…兼任，室主任一人、…」: the sub-quota statement is over
        m = _SUB.match(piece)
        if m:
            self.open_sub(m)
            return
        if piece.startswith("或") and self.is_rank(piece[1:]) and self.group:
            self.merge_rank(piece)
            return
        if self.is_rank(piece):
            self.apply_rank(piece)
            return
        c = _CONCURRENT.fullmatch(piece)
        if c:
            for p in self.last_piece:
                p.concurrent = p.max or 0
                p.note = _join(p.note, piece)
            return
        names = _unit_names(piece, self.named)
        if names and not _TITLE_ENDINGS.search(piece):
            self.ctx = _Context(self.agency)
            self.ctx.units = self.resolve_all(names)
            return
        self.title_list(piece, object_of_post=False, each_unit=False)

    @staticmethod
    def is_rank(piece: str) -> bool:
        if _BARE_POLICE.match(piece) or _SENIORITY.match(piece):
            return True
        return bool(_RANK_LEAD.match(piece) and re.search(r"職等|警[監正佐]", piece))

    def quota_rule(self, piece: str) -> None:
        if self.last_quota:  # 「所需工作人員，就本條例所定員額內派充之」 spans two pieces
            for rec in self.last_quota:
                rec.note = _join(rec.note, piece)
            return
        head = re.split(r"所需(?:工作)?人員", piece)[0]
        head = re.sub(r"^(?:其餘|另|前項)", "", head)
        units = self.ctx.units
        if head and not re.match(r"^各?(?:室|該)?$", head) and not _AGENCY_ACTING.match(head):
            names = [head] if self.every(head) is not None else _unit_names(re.sub(r"^各", "", head), self.named)
            if names:
                units = self.resolve_all(names)
        note = piece
        if units == [self.agency] and self.set_text:
            note = f"{self.set_text}；{piece}"  # 「得設各種委員會；所需工作人員…」
        rules = [QuotaRule(unit=tuple(unit), note=note, source=self.source) for unit in units]
        self.out.extend(rules)
        self.last_quota = rules


def _abbreviates(short: str, full: str) -> bool:
    """「各區工程處」 for 「各區養護工程處」: same last character, every character in order.

    >>> _abbreviates("各區工程處", "各區養護工程處"), _abbreviates("人事室", "關稅總局")
    (True, False)
    """
    if len(short) < 2 or not full or short[-1] != full[-1] or len(short) >= len(full):
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def _join(a: str, b: str) -> str:
    return f"{a}，{b}" if a and b else a or b


def extract_posts(text: str, source: Source, unit_path: tuple[str, ...],
                  units: dict[str, tuple]) -> list[StaffingRecord]:
    """Posts, quota rules and stated totals in one article or paragraph (see the module doc).

    ``unit_path`` is the agency the document is about (本局/本署); ``units`` maps unit
    names the document sets up to their paths (unknown names go under the agency).
    """
    return _PostReader(source, tuple(unit_path), units).read(text)


# ----------------------------------------------------------------------------- leadership
_LEAD_PROSE = lazy(rf"^(?P<title>(?:副)?[\u4e00-\u9fff]{{0,4}}?長)(?:{_COUNT})?(?:綜理|襄理|襄助)")
_CHART_COUNT = lazy(rf"(?P<title>(?:副)?[\u4e00-\u9fff]{{1,4}}?長)[（(]{_COUNT}[）)]")
_CHART_HEAD = lazy(r"(?P<unit>[\u4e00-\u9fff]{2}(?:關|分署|分局))(?P<title>關務長|分署長|分局長)")


def extract_leadership(text: str, source: Source, unit_path: tuple[str, ...]) -> list[PostRecord]:
    """Leadership posts named outside a 「置」 list: office-rule prose and flattened charts.

    - 「局長綜理局務，副局長二人襄理局務」 → 局長 (count not stated), 副局長 2
    - a flattened 組織系統圖: 「署長副署長（2位）」, 「基隆關關務長」 (the head of a
      subordinate agency, placed under ``unit_path``)

    >>> from graph_model.records.records import Source
    >>> [(p.title, p.min) for p in extract_leadership("局長綜理局務，副局長二人襄理局務。", Source("d", 9), ("局",))]
    [('局長', None), ('副局長', 2)]
    >>> chart = "高雄關關務長臺北關關務長署長副署長（2位）秘書室"
    >>> [(p.unit[-1], p.title, p.min) for p in extract_leadership(chart, Source("d", 104), ("財政部", "關務署"))]
    [('關務署', '署長', None), ('關務署', '副署長', 2), ('高雄關', '關務長', None), ('臺北關', '關務長', None)]
    """
    reader = _PostReader(source, tuple(unit_path), {})
    out: list[PostRecord] = []
    own = re.search(r"(總局|分署|分局|署|局|處|部|院|會|關|府)$", unit_path[-1]) if unit_path else None
    if re.search(r"[，。；]", text):
        for piece in re.split(r"[，。；、]", text):
            m = _LEAD_PROSE.match(piece.strip())
            if m and own and m.group("title").lstrip("副") == own.group(1) + "長" and not _POST_VERB.search(piece):
                lo, hi = _count(m) if m.group("a") else (None, None)
                out.append(reader.post(m.group("title"), lo, hi, reader.agency))
        return out
    seen = set()
    if own:
        head = own.group(1) + "長"
        for _m in re.finditer(rf"(?<![副分]){head}", text):
            if (reader.agency, head) not in seen:
                seen.add((reader.agency, head))
                out.append(reader.post(head, None, None, reader.agency))
    for m in _CHART_COUNT.finditer(text):
        title = m.group("title")
        title = title[title.index("副"):] if "副" in title else title
        lo, hi = _count(m)
        if (reader.agency, title) not in seen:
            seen.add((reader.agency, title))
            out.append(reader.post(title, lo, hi, reader.agency))
    for m in _CHART_HEAD.finditer(text):
        unit = reader.agency + (m.group("unit"),)
        if (unit, m.group("title")) not in seen:
            seen.add((unit, m.group("title")))
            out.append(reader.post(m.group("title"), None, None, unit))
    return out


def chart_leadership(text: str, doc_id: str, agency_path: tuple[str, ...]) -> list[PostRecord]:
    """Leadership posts in a document's flattened organization charts (one character per line).

    A chart may be cut into several debris runs by a few non-debris lines (「(2」);
    runs at most three raw lines apart are read as one chart.
    """
    from loaders.read.text import clean, logical_lines

    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    spans: list[list[int]] = []
    for line in logical_lines(text):
        if line.kind != "debris":
            continue
        if spans and line.start - spans[-1][1] <= 4:
            spans[-1][1] = line.end
        else:
            spans.append([line.start, line.end])
    out: list[PostRecord] = []
    seen: set[tuple] = set()
    for start, end in spans:
        chart = "".join(clean(r) for r in raw[start - 1:end])
        for rec in extract_leadership(chart, Source(doc_id, start, end, None, "組織系統圖"), tuple(agency_path)):
            key = (rec.unit, rec.title)
            if key not in seen:
                seen.add(key)
                out.append(rec)
    return out


# 「一、法規會：辦理…事項，置執行秘書一人…」: an item that names its unit before what it does and how it is staffed.
_ITEM_UNIT = lazy(r"^(?P<name>[^：:，。；、（）\s]{2,20})[：:](?=[^：:]*置)")


def document_posts(lines, doc_id: str, agency: tuple[str, ...], units=None, self_names=(),
                   kinds: frozenset[str] | set[str] = frozenset()) -> list[StaffingRecord]:
    """Every post record of an organization act or office rules, from its logical lines.

    The paragraphs and items of one article are read in turn by one reader (so
    「前項各室所需工作人員…」 knows its 室); each record cites its own paragraph or
    item.  Paragraphs that set up no
    post but name the agency's leaders (「局長綜理局務，副局長二人襄理局務」) go
    through :func:`extract_leadership`.  ``units`` maps unit names the document
    set up to their paths (or is the document's list of :class:`UnitRecord`; a name
    set up twice keeps its first, shallowest path); ``self_names`` are the
    document's names for its agency (本局); ``kinds`` the kinds it sets up in any number, none named
    (「設立各種研究所」): their posts are the agency's, one in each.
    """
    records = None
    if isinstance(units, dict):
        known = {k: tuple(v) for k, v in units.items()}
    else:
        known = {}
        for rec in sorted(units or [], key=lambda r: len(r.path)):
            known.setdefault(rec.path[-1], tuple(rec.path))
        records = [(tuple(r.path), r.source.line, r.source.article) for r in units or []]
    for name in self_names:
        known.setdefault(name, tuple(agency))
    out: list[StaffingRecord] = []
    reader: _PostReader | None = None  # one per article: 「前項各室…」 refers to the paragraph before
    article = object()
    # units set up or staffed so far (「第二類行政執行處置處長…」 before 「第二類及第三類行政執行處，各置…」)
    named = set(known)
    lead: _Context | None = None
    for line in lines:
        if line.kind not in ("para", "item"):
            if line.kind in ("article", "chapter"):
                reader, article = None, object()
            continue
        if line.article != article or reader is None:
            reader, article = _PostReader(Source(doc_id, line.start), tuple(agency), known), line.article
            lead = None
            if records is not None:
                reader.records = records
            reader.kinds = kinds
            reader.named = named
        item = str(line.number) if line.kind == "item" else None
        src = Source(doc_id, line.start, line.end, line.article, item)
        text = line.body if line.body.endswith(("。", "：")) else line.body + "。"
        if line.kind == "para":
            lead = None
        elif lead is None:
            lead = reader.ctx  # the units the items' lead-in named
        elif reader.ctx.per:
            reader.ctx = lead  # 「每類置技士一人」 is said in its own item, not of the next items'
        if mentions_posts(text):
            reader.source = _spanned(src)
            before = len(reader.out)
            head = _ITEM_UNIT.match(text) if line.kind == "item" else None
            own = known.get(head.group("name")) if head else None
            if own and own != tuple(agency):
                # 「一、法規會：辦理…事項，置執行秘書一人，…」 (L0010053): the posts of the unit the item names
                kept, reader.ctx = reader.ctx, _Context(tuple(agency))
                reader.ctx.units = [own]
                reader.read(text)
                reader.ctx = kept
            else:
                reader.read(text)
            out.extend(reader.out[before:])
            named.update(rec.unit[-1] for rec in reader.out[before:] if isinstance(rec, PostRecord) and rec.unit)
        elif line.kind == "para":
            out.extend(extract_leadership(text, src, tuple(agency)))
    homes = set(known.values()) | {tuple(agency)}
    return [_unnamed_unit_home(rec, homes, kinds) for rec in out]


def _unnamed_unit_home(rec: StaffingRecord, known: set[tuple[str, ...]],
                       kinds: frozenset[str] | set[str] = frozenset()) -> StaffingRecord:
    """A post of a unit named only by a unit word is its parent's, one in each unit of that kind: 「必要時得設館，
    置館主任一人」 (A0010019) sets up no unit 「館」, and 「各隊置隊長」 with no 隊 named no unit 「隊」.

    >>> from graph_model.records.records import Source
    >>> rec = PostRecord(unit=("中央研究院", "研究所", "館"), title="館主任", min=1, max=1, source=Source("d", 77))
    >>> moved = _unnamed_unit_home(rec, {("中央研究院", "研究所")})
    >>> moved.unit, moved.per
    (('中央研究院', '研究所'), '館')

    So is a post of prose read as a unit (「每二十五人置一人」, I0000031):

    >>> rec = PostRecord(unit=("矯正署", "少年矯正學校", "二十五人"), title="導師", source=Source("d", 9))
    >>> _unnamed_unit_home(rec, set()).unit
    ('矯正署', '少年矯正學校')
    """
    # (a court's 庭 alone too: 「每庭各置庭長一人」, A0010061; 各庭 is left to name each 庭, though a 大法庭 is one)
    if len(rec.unit) < 2 or tuple(rec.unit) in known:
        return rec
    word = bare(rec.unit[-1]) or rec.unit[-1] == "庭" or rec.unit[-1] in kinds
    if not word and not _PROSE_UNIT.search(_ALTERNATE.sub("", rec.unit[-1])):
        return rec
    home, per = tuple(rec.unit[:-1]), rec.unit[-1] if word else None
    if not word and (kind := _counted_kind(rec.unit[-1])):
        # a count of unnamed units of a kind: each one's posts, on the unit of that kind when the document set it up
        per = kind
        home = home + (kind,) if home + (kind,) in known else home
    if isinstance(rec, PostRecord):
        return replace(rec, unit=home, per=rec.per or per)
    return replace(rec, unit=home)


def _counted_kind(name: str) -> str | None:
    """The kind of the units a count or alternatives of them name (「工程總隊一隊至四隊」, K0000012: 工程總隊;
    「二至三個工務段」: 工務段; 「辦事處或連絡處」: both), None for other prose.

    >>> names = ("工程總隊一隊至四隊", "工程隊二隊至六隊", "二至三個工務段", "辦事處或連絡處", "每增六班")
    >>> [_counted_kind(n) for n in names]
    ['工程總隊', '工程隊', '工務段', '辦事處或連絡處', None]
    """
    n = f"[{CN_NUM}]+"
    m = re.fullmatch(rf"(?P<kind>\w+?(?P<w>{ONE_UNIT_WORD.pattern})){n}(?P=w)?(?:至|或){n}(?P=w)", name) or \
        re.fullmatch(rf"{n}個?(?:至|或){n}個(?P<kind>\w*?(?:{UNIT_SUFFIX_PATTERN}))", name)
    if m:
        return m.group("kind")
    if re.fullmatch(rf"\w{{1,8}}?(?:{UNIT_SUFFIX_PATTERN})(?:或\w{{1,8}}?(?:{UNIT_SUFFIX_PATTERN}))+", name):
        return name
    return None


# Prose read as a post's unit, which no document sets up: a count (「二十五人」, 「二至三個工務段」,
# 「工程隊二隊至六隊」), alternatives (「辦事處或工作站」), a condition (「每增六班」, 「得視未來中央健康保險局」),
# a place (「檢修班配屬於工務段」), any number of a kind (「第一項各種委員會」), a clause (「課長三十二人（內工務組屬下
# 三課」), one character (「類」).
_PROSE_UNIT = lazy(r"[，。：；（）「」]|人$|至|或|^得|每|於|各種|^第[一二三四五六七八九十]+項|^\w$")
_ALTERNATE = lazy(r"（[^（）、，。]{1,2}）")  # 「縣（市）選舉委員會」: the text's own alternate in a name
