"""Unit names: splitting full agency names, classifying unit types, ids.

Government names compose: 財政部關務署基隆關 is 財政部 › 關務署 › 基隆關.  The
splitter cuts a name after organization suffixes (部, 署, 局, 關, 委員會, 分署 …)
while keeping each piece at least two characters before its suffix, so that
基隆關稅局 stays whole rather than becoming 基隆關 + 稅局.

>>> split_agency_name("財政部關務署基隆關")
('財政部', '關務署', '基隆關')
>>> split_agency_name("勞動部勞動力發展署各分署")
('勞動部', '勞動力發展署', '各分署')
>>> classify_unit("專利一組")
('Division', '組')
>>> classify_unit("五堵分關")
('BranchOffice', '分關')
>>> classify_unit("綜合規劃司"), classify_unit("國會圖書館"), classify_agency("國史館")
(('Division', '司'), ('Division', '館'), ('Agency', '館'))
>>> import re
>>> [bool(re.fullmatch(f".+(?:{UNIT_SUFFIX_PATTERN})", n)) for n in ("綜合規劃司", "分公司", "總工程司")]
[True, False, False]
"""
from __future__ import annotations

from functools import lru_cache

from graph_model.lazy_re import lazy

# The body at the head of each branch the database files laws under (法規類別 行政＞…).
BRANCH_BODIES = {"行政": "行政院", "立法": "立法院", "司法": "司法院", "考試": "考試院", "監察": "監察院",
                 "總統": "總統府"}

# A name this long is one body's wherever it stands (最高檢察署, 東部海岸國家風景區管理處); 花蓮分局 is not.
DISTINCT_NAME = 5

# Names of one kind of body: a family of 醫院 (衛生福利部各醫院) gathers its 病院 and 療養院 too.
SAME_KIND = {"醫院": ("病院", "療養院")}

# Variant characters: several forms in use for one character (台/臺, 祕/秘).  Two spellings of one name
# name one unit, and the lookup folds texts and questions with the same table.
VARIANTS = str.maketrans({
    "台": "臺", "祕": "秘", "巿": "市", "舘": "館", "裏": "裡", "衞": "衛", "爲": "為", "眞": "真", "啓": "啟",
    "綫": "線", "羣": "群", "麪": "麵", "汚": "汙", "覈": "核", "峯": "峰", "脩": "修", "敍": "敘", "敎": "教",
    "鷄": "雞", "册": "冊", "却": "卻", "淸": "清", "户": "戶", "况": "況", "着": "著", "ㄧ": "一",
})


def fold_name(name: str) -> str:
    """A name with its variant characters folded onto one form.

    >>> fold_name("台灣美國事務委員會祕書處")
    '臺灣美國事務委員會秘書處'
    """
    return name.translate(VARIANTS)


# Longest first: the splitter and the classifier try them in this order.
AGENCY_SUFFIXES = ("委員會", "市政府", "縣政府", "總局", "總處", "分署", "分局", "分關", "部", "院", "署", "局", "府",
                   "處", "關")

# (suffix, kind) — longest suffixes first so 分關 wins over 關, 委員會 over 會.
_UNIT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("辦事處", "BranchOffice"), ("服務處", "BranchOffice"), ("分關", "BranchOffice"), ("分局", "BranchOffice"),
    ("分館", "BranchOffice"), ("會館", "Facility"),
    ("分署", "BranchOffice"), ("分處", "BranchOffice"), ("分所", "BranchOffice"), ("工務段", "BranchOffice"),
    ("委員會", "Committee"), ("小組", "Committee"),
    ("中心", "Division"), ("大隊", "Division"), ("總隊", "Division"),
    # a radio or relay station, a control tower, a communication station, a port's signal station
    # (「臺北、新竹…及臺東分臺」, 「竹子山中繼臺」, 「近場管制塔臺」, 「裝修區臺」, 「港航課：設信號臺」): never 臺
    # alone, which ends places (北臺) and 平臺
    ("分臺", "BranchOffice"), ("分台", "BranchOffice"), ("中繼臺", "Facility"), ("通訊臺", "Facility"),
    ("號臺", "Facility"), ("號台", "Facility"),
    ("管理臺", "Facility"), ("塔臺", "Facility"), ("區臺", "Facility"), ("電臺", "Facility"), ("電台", "Facility"),
    # a harbour's signal or control station, set up under a 科 or 課 (「號誌科下設信號台」, 「航管科下設管制台」:
    # seven 港務局 acts and office rules); a name is longer than its suffix, so 號臺 for 信號臺
    ("號臺", "Facility"), ("號台", "Facility"), ("制臺", "Facility"), ("制台", "Facility"),
    ("燈塔", "Facility"), ("場", "Facility"), ("站", "Facility"), ("所", "Facility"),
    ("總局", "Agency"), ("總處", "Agency"), ("市政府", "Agency"), ("縣政府", "Agency"),
    ("科", "Section"), ("課", "Section"), ("股", "Team"), ("隊", "Section"), ("班", "Team"),
    ("組", "Division"), ("室", "Division"), ("處", "Division"),
    # 部's 司 (綜合規劃司), 院's 廳 (民事廳, 書記廳), 館 inside an agency (國會圖書館); an agency's own 館 is
    # classified by classify_agency.
    ("司", "Division"), ("廳", "Division"), ("法庭", "Division"), ("館", "Division"),
    # a court's chambers by the cases they hear (「地方法院分設民事庭、刑事庭」, 「…分設刑事強制處分庭」, A0010053;
    # 「得設簡易庭」; 「高等行政法院分設高等行政訴訟庭、地方行政訴訟庭」, A0010055): never 庭 alone, which ends 家庭
    ("事庭", "Division"), ("分庭", "Division"), ("易庭", "Division"), ("訟庭", "Division"),
    ("部", "Agency"), ("院", "Agency"), ("署", "Agency"), ("局", "Agency"), ("關", "Agency"), ("府", "Agency"),
)

# Names that end like a unit but are none: a company (臺灣電力公司) or an engineer's title (總工程司); a duty's
# public relations (「…及公關。」) or customs clearance (「郵遞貨物通關。」).
_NOT_UNIT_ENDINGS = {"司": ("公", "工程"), "關": ("公", "通")}

# A unit's type is the genre's word for its kind, never a fragment of it: a court's chambers are 庭 (刑事庭 and
# 簡易庭 are matched by 事庭 and 易庭 only so that 家庭 is none); the bodies whose kind word no suffix above
# names (國家安全會議, 中央銀行, 國防大學, 海軍軍官學校, 軍事監獄, 駐外機構) or names by its last character only
# (地方立法機關 is no 關, 榮民工程股份有限公司 no 司) are typed by the longest of these words they end with.
_TYPE_OF_SUFFIX = {"事庭": "庭", "易庭": "庭", "訟庭": "庭"}
TYPE_WORDS = ("會議", "銀行", "大學", "學校", "監獄", "機構", "機關", "公司")

UNIT_SUFFIX_PATTERN = "|".join("".join(f"(?<!{w})" for w in _NOT_UNIT_ENDINGS.get(s, ())) + s
                               for s in sorted({s for s, _ in _UNIT_SUFFIXES}, key=len, reverse=True))

# Words that end a unit's name only as an item of a list of units the text sets up (「本院設下列…：」 +
# 「一、國光劇團，分三科辦事。」): alone in prose they end too many other words (學會, 倉庫, 設計台).
# The 系 of research institutes and schools (「本分所設下列系、室：」 + 「一、農藝系。」, M0010048) are units there; in
# prose 系 ends 體系, 關係, 學系 (the kind, no name).
# An agency named as an item of its parent's list of agencies is typed by its whole word, never 臺 or 家: the
# 總臺 (「本局設下列機關：…二、飛航服務總臺」, K0000208 第5條: an agency, with its own 組織條例 K0000046) and
# the homes (內政部北區老人之家, 各榮譽國民之家: each with its own rules); a radio's 發射臺 and the 臺 forms
# of the stations above (中繼台) are typed by their word too.
LISTED_UNIT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("園區", "Facility"), ("劇團", "Division"), ("樂團", "Division"), ("廠", "Facility"),
    ("總臺", "Agency"), ("總台", "Agency"), ("之家", "Agency"), ("發射臺", "Facility"), ("發射台", "Facility"),
    ("中繼台", "Facility"), ("通訊台", "Facility"), ("管理台", "Facility"), ("塔台", "Facility"), ("區台", "Facility"),
    ("臺", "Facility"), ("台", "Facility"), ("庫", "Facility"), ("會", "Committee"), ("系", "Division"),
)

# A piece that names a parent agency ends with one of these; the last piece may end with any word.
_PARENT_SUFFIXES = AGENCY_SUFFIXES + ("公司", "銀行", "館", "會議")  # 國家安全會議訴願審議委員會
# A piece never starts with a joining word (高等軍事法院「及其分院」檢察署) or a quantifier.
_NO_PIECE_START = ("及", "與", "暨", "和", "、", "之", "其", "所屬", "附屬", "或")
_WORD_AFTER = set("理分門長務")
_WORDS_ENDING_LIKE_AGENCIES = {"幹部", "全部", "內部", "外部", "局部", "本部"}
# 各分署, 所屬各分局, 所屬航空站: a family of branch offices, named by its generic name
_FAMILY = lazy(r"^(?:所屬)?各|^所屬(?!機關)..")
_MAX_NAME = 60  # longer "names" are prose: never split (and never spend time on them)

BREADCRUMB_SEP = " › "


def breadcrumb_of(path) -> str:
    """A unit's path as people read it.

    >>> breadcrumb_of(["財政部", "關務署", "基隆關"])
    '財政部 › 關務署 › 基隆關'
    """
    return BREADCRUMB_SEP.join(path)


def closest_units(ref: str, units, limit: int = 5) -> list[str]:
    """Ids of the units whose names share the most characters with ``ref`` (to suggest for an unknown one).

    ``units``: ``(name, id)`` pairs.  A name sharing less than a third of the characters is no suggestion.
    """
    chars = set(ref)
    scored = sorted(((len(chars & set(name)) / max(len(chars | set(name)), 1), uid) for name, uid in units),
                    reverse=True)
    return [uid for score, uid in scored[:limit] if score > 0.3]


def split_agency_name(name: str) -> tuple[str, ...]:
    """Split a full agency name into its hierarchy of agency names.

    Every piece but the last ends with an agency suffix (部, 署, 局, 委員會 …) and has
    at least two characters before it; the last piece is the organization itself,
    whatever it is (館, 所, 總隊, 學校, 中心 …).  Of the possible splits the one with
    the shortest first pieces wins.  Returns a one-element tuple when nothing splits.

    >>> split_agency_name("交通部民用航空局民航人員訓練所")
    ('交通部', '民用航空局', '民航人員訓練所')
    >>> split_agency_name("國防部高等軍事法院及其分院檢察署"), split_agency_name("基隆關稅局")
    (('國防部', '高等軍事法院及其分院檢察署'), ('基隆關稅局',))
    >>> split_agency_name("不當黨產處理委員會"), split_agency_name("內政部公寓大廈爭議事件調處委員會")
    (('不當黨產處理委員會',), ('內政部', '公寓大廈爭議事件調處委員會'))
    >>> split_agency_name("直轄市、縣（市）（局）建築爭議事件評審委員會")
    ('直轄市、縣（市）（局）建築爭議事件評審委員會',)
    >>> split_agency_name("經濟部商品檢驗局所屬各分局"), split_agency_name("中央銀行中央印製廠")
    (('經濟部', '商品檢驗局', '各分局'), ('中央銀行', '中央印製廠'))
    >>> split_agency_name("交通部民用航空局所屬航空站")
    ('交通部', '民用航空局', '各航空站')
    >>> split_agency_name("國史館臺灣文獻館"), split_agency_name("文化部國家漫畫博物館籌備處")
    (('國史館', '臺灣文獻館'), ('文化部', '國家漫畫博物館籌備處'))
    """
    return _split(name)


@lru_cache(maxsize=4096)
def _split(name: str) -> tuple[str, ...]:
    n = len(name)
    if n > _MAX_NAME or n < 4:
        return (name,)
    pieces: list[str] = []
    i = 0
    while True:
        cut = _first_cut(name, i)
        if cut is None:
            break
        pieces.append(name[i:cut])
        i = cut
    last = name[i:]
    if len(pieces) and last.startswith("所屬"):
        # 商品檢驗局所屬各分局, 民用航空局所屬航空站: the family is 各分局, 各航空站 of the bureau
        last = last[2:] if last.startswith("所屬各") else "各" + last[2:]
    pieces.append(last)
    return tuple(pieces)


def _first_cut(name: str, i: int) -> int | None:
    """End of the shortest parent piece starting at ``i`` that leaves a sound rest, or None."""
    for j in range(i + 3, len(name) - 1):
        suffix = next((s for s in _PARENT_SUFFIXES if name.startswith(s, j - len(s))), None)
        piece = name[i:j]
        if suffix is None or j - len(suffix) - i < 2 or "及其" in piece or "、" in piece or \
                piece.count("（") != piece.count("）") or piece.count("(") != piece.count(")"):
            continue  # never cut inside a list or brackets: 直轄市、縣（市）（局）建築爭議事件評審委員會
        rest = name[j:]
        if rest.startswith(_NO_PIECE_START) and not _FAMILY.match(rest):
            continue
        if len(suffix) == 1 and rest[0] in _WORD_AFTER or name[j - 2:j] in _WORDS_ENDING_LIKE_AGENCIES:
            continue  # 不當黨產「處理」委員會, 「部分」; 中正國防「幹部」預備學校: words, not agencies
        if len(rest) < 2 or (len(rest) < 3 and not _FAMILY.match(rest) and rest != "法院") or rest == "籌備處" \
                or rest in AGENCY_SUFFIXES:
            # 司法院法院: the courts; 國家漫畫博物館籌備處 prepares a body that does not exist yet; 公寓大廈爭議事件
            # 調處委員會: a kind word alone names no body
            continue
        return j
    return None


_NUMBERED_BUREAU = lazy(r"^第[一二三四五六七八九十]+局$")


def classify_unit(name: str) -> tuple[str, str]:
    """Return ``(kind, unit_type)`` of a unit name, e.g. ``('Section', '科')``.

    A bureau named by its number is an internal division (總統府第一局), not an agency:

    >>> classify_unit("第一局"), classify_unit("中央氣象局")
    (('Division', '局'), ('Agency', '局'))
    """
    if _NUMBERED_BUREAU.match(name):
        return "Division", name[-1]
    for suffix, kind in _UNIT_SUFFIXES + LISTED_UNIT_SUFFIXES:
        if name.endswith(suffix) and (len(name) > len(suffix) or name == "燈塔"):
            return kind, _type_word(name, suffix)
    return "Division", _type_word(name, name[-1:])


def _type_word(name: str, suffix: str) -> str:
    """The type word of ``name`` whose matched suffix is ``suffix``: the longest type word it ends with.

    >>> _type_word("刑事庭", "事庭"), _type_word("國家安全會議", "議"), _type_word("地方立法機關", "關")
    ('庭', '會議', '機關')
    """
    word = next((w for w in TYPE_WORDS if name.endswith(w) and len(name) > len(w)), "")
    return word if len(word) > len(suffix) else _TYPE_OF_SUFFIX.get(suffix, suffix)


def classify_agency(name: str) -> tuple[str, str]:
    """Kind of a piece of an agency path: branch offices stay ``BranchOffice``, the rest ``Agency``."""
    kind, unit_type = classify_unit(name)
    if kind == "BranchOffice":
        return kind, unit_type
    for suffix in AGENCY_SUFFIXES:
        if name.endswith(suffix):
            # 地方立法機關 keeps its type word 機關, longer than the 關 of a customs office
            return "Agency", unit_type if len(unit_type) > len(suffix) else suffix
    return "Agency", unit_type


# The one vocabulary of self-references: a document calls its own organization 本 + the generic word
# of its kind (本部, 本署, 本分局, 本所, 本中心, 本會議, 本館, 本校 …) or 本機關 whatever its kind.  Longest
# first, so that 本分署 is never read as 本分 + 署.  Every loader uses these, never a list of its own; the
# graph and the lookups see them as the agency's aliases.
SELF_SUFFIXES = ("委員會", "分署", "分局", "分關", "中心", "機關", "會議", "大學", "總局",
                 "館", "校", "廠", "社", "部", "院", "署", "局", "關", "府", "會", "處", "所", "室", "隊", "站")
_SHORT_SELF = {"委員會": "會", "總局": "局"}  # what their documents mostly say: 本會, 本局
SELF_REFERENCE = "本(?:" + "|".join(SELF_SUFFIXES) + ")"  # a pattern to build larger ones from
_SELF_REFERENCE = lazy(SELF_REFERENCE)
# 本部人事處: a self-reference before a unit's name of two characters or more.  Before 各 only when unit
# words alone follow, naming a family (本處各組, 本會各組室, 本府各局); anything else after 各 is prose
# about the units (本所各單位分組職掌, 本局各處室分科辦事), never a name.
_SELF_BEFORE_NAME = lazy(rf"^{SELF_REFERENCE}(?=各(?:{UNIT_SUFFIX_PATTERN})+$|(?!各)\w{{2,}})")


def is_self_reference(word: str) -> bool:
    """True for 本部/本署/本局/本關… — words a document uses for its own organization.

    >>> is_self_reference("本分署"), is_self_reference("本機關"), is_self_reference("本部人事處")
    (True, True, False)
    """
    return bool(_SELF_REFERENCE.fullmatch(word))


def strip_self_reference(name: str) -> str:
    """The unit name written after a self-reference (本部人事處 → 人事處); any other text unchanged.

    >>> strip_self_reference("本分署秘書室"), strip_self_reference("本處各組"), strip_self_reference("本部")
    ('秘書室', '各組', '本部')
    >>> strip_self_reference("本所各單位分組"), strip_self_reference("本局各處室分科")
    ('本所各單位分組', '本局各處室分科')
    """
    return _SELF_BEFORE_NAME.sub("", name)


def self_references(name: str) -> tuple[str, ...]:
    """The self-references a document of the organization ``name`` uses, the usual one first: 本 + the
    generic word its name ends with (a committee is 本會, also 本委員會; a 總局 is 本局, also 本總局); empty when it
    ends with none.

    >>> self_references("國家發展委員會"), self_references("財政部國有財產署北區分署")
    (('本會', '本委員會'), ('本分署',))
    >>> self_references("交通部電信總局電信研究所"), self_references("交通部郵政總局"), self_references("燈塔")
    (('本所',), ('本局', '本總局'), ())
    """
    suffix = next((s for s in SELF_SUFFIXES if name.endswith(s) and len(name) > len(s) and s != "機關"), None)
    if suffix is None:
        return ()
    short = _SHORT_SELF.get(suffix)
    return ("本" + short, "本" + suffix) if short else ("本" + suffix,)


# The genre words at the end of a document's title: what remains is the organization it is about
# (交通部公路總局各區監理所辦事細則 → 交通部公路總局各區監理所).  Loaders and the lineage pass read titles alike.
GENRE_WORDS = (r"(?:暫行|臨時)?(?:組織(?:及辦事細則|規程準則|自治條例|法|條例|通則|準則|規程|規則|章程|簡則)"
               r"|辦事細則|處務規程|處務規則|預算總說明)")
# (「高等法院及其分院處務規程」, 「地方檢察署及其檢察分署處務規程」: the rules of a body that its branches follow too)
GENRE_SUFFIX = lazy(r"(?:及其?所屬(?:各級|各)?(?:機關(?:\(構\)|（構）)?)?|所屬各機關|各機關|及其(?:檢察)?分[院署])?"
                    rf"(?:{GENRE_WORDS})?$")


def member_of(name: str, family: str) -> bool:
    """Is ``name`` one of the bodies ``family`` names together (基隆關 of 各關, 最高法院 of 法院)?

    >>> member_of("基隆關", "各關"), member_of("基隆港務警察總隊", "港務警察總隊"), member_of("人事室", "審計處室")
    (True, True, False)
    """
    word = family.removeprefix("各")
    return len(name) > len(word) and name.endswith(word)
