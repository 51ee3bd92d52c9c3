"""Helpers shared by the genre loaders: the document's own agency, duty lists, unit lists.

>>> split_duties("掌理印信典守及文書、檔案之管理；出納、財務之管理；其他有關事項。")
['印信典守及文書、檔案之管理', '出納、財務之管理', '其他有關事項']
>>> split_unit_list("徵課處、稅則處、資料處理處及法制室")
['徵課處', '稅則處', '資料處理處', '法制室']
>>> agency_from_title("財政部國有財產署北區分署辦事細則")
'財政部國有財產署北區分署'
"""
from __future__ import annotations

import re
import sys

from graph_model.lazy_re import lazy
from graph_model.records.naming import (
    GENRE_SUFFIX,
    GENRE_WORDS,
    UNIT_SUFFIX_PATTERN,
    classify_agency,
    split_agency_name,
)
from graph_model.records.records import DefinitionRecord, Source, UnitRecord

from .read.text import Line, cn_numeral

GENRE_TITLE = lazy(rf"{GENRE_WORDS}$")
ALIAS_DEF = lazy(r"([^，。；：（）「」\s]{2,40}?)\s*[（(]\s*以下簡稱「?([^）)」]{1,12})」?\s*[）)]")
_LEAD_IN = lazy(r"^.*(?:依據|依照|依|為|由|特設|設立|設置|設)(?=[^依為由設]{3,}$)")
# 「國家發展委員會（以下簡稱國發會）」, 「…（簡稱傳藝中心）」, 「傳染病預防與管制（以下稱防疫）」: a short form the
# document defines for what it has just named (in quotes or not).
DEFINITION = lazy(r"(?P<full>[^，。；：（）「」\s]{2,60}?)\s*[（(]\s*(?:以下簡稱|簡稱|以下稱|下稱)[為：:]?"
                        r"\s*[「『]?(?P<short>[^（）()「」『』，、；：\s]{2,12})[」』]?\s*[）)]")
# What opens the clause before the named thing: 「…，由交通部運輸研究所（以下簡稱運研所）…」, 「應設訴願審議委員會」,
# 「提出年度成效評估報告」 (not the 設 of 建設, the 為 of 行為); and the meaning that follows a term defined as
# it is named: 「政府派赴國外工作人員係指…之人員（以下簡稱派外人員）」.
_DEFINED_LEAD = lazy(r"^.*(?:依據|依照|依|(?<![行作認以])為|由|(?<![建增附假陳])設(?:立|置)?|置|委請|委任|隸屬於?"
                           r"|成立|組成|遴聘|提出|辦理|推動|加速|規範|函請|向|所稱)之?(?=.{2,}$)")
_MEANING = lazy(r"^(?P<term>[^，。；：（）「」\s]{2,30}?)(?:係指|是指)")
_DATED = lazy(r"\s*[（(][^（）()]{0,12}\d{2,3}\s*[.．]\s*\d{1,2}\s*[.．]\s*\d{1,2}\s*\S{0,4}[）)]\s*$")


def agency_from_title(title: str) -> str:
    """The organization a title names: genre words and a version date （96.02.14訂定） removed.

    >>> agency_from_title("交通部公路總局各區監理所辦事細則（92.04.15 訂定）"), agency_from_title("某某館暫行組織規程")
    ('交通部公路總局各區監理所', '某某館')
    """
    # 「總統府及所屬機關訴願審議委員會」: the committee of 總統府 (and its agencies) is 總統府's.
    name = re.sub(r"(?<=[部院府會署局])及(?:其)?所屬(?:各級|各)?機關(?:（構）|\(構\))?(?=\S)", "", undated_title(title))
    return GENRE_SUFFIX.sub("", name)


def undated_title(title: str) -> str:
    """A title without the version date the database appends to older versions."""
    return _DATED.sub("", "".join(title.split()))


def is_genre_title(line: str) -> bool:
    """True for a document title: it ends with the genre's words (組織法, 辦事細則 …) and is no sentence.

    「市組織法」, 「縣組織法」 (D0020014, D0020016): an act for every city or county names the level of local
    government it organizes in one character; the level is its agency.

    >>> is_genre_title("市組織法"), is_genre_title("局組織法")
    (True, False)
    """
    title = undated_title(line)
    name = agency_from_title(title)
    return bool(GENRE_TITLE.search(title)) and len(title) <= 60 and not re.search(r"[，。：；]", title) \
        and (len(name) >= 2 or name in LOCAL_LEVELS)


# The levels of local government, each a self-governing body an act may organize as a whole (市組織法).
LOCAL_LEVELS = frozenset("省市縣鄉鎮")


def aliases_defined(text: str) -> list[tuple[str, str]]:
    """``(name, short)`` pairs from 「…（以下簡稱本局）」 definitions, lead-in words removed."""
    out = []
    for m in ALIAS_DEF.finditer(text):
        name = _LEAD_IN.sub("", m.group(1))
        out.append((name, m.group(2)))
    return out


def definitions_in(lines: list[Line], doc: str) -> list[DefinitionRecord]:
    """The short forms a document defines (:data:`DEFINITION`), the words that open the clause taken off
    the full form; self-references (本局, 各局, 該會) are the document's own words, not recorded.

    >>> [(d.short, d.full) for d in definitions_in([Line("para", "", 3, 3, body="本中心置主任一人，由交通部運輸研究所"
    ...     "（以下簡稱運研所）增置之副所長兼任；衛生福利部（以下簡稱本部）另定之。")], "d")]
    [('運研所', '交通部運輸研究所')]
    """
    out = []
    for line in lines:
        text = line.body or line.text
        if "稱" not in text:
            continue
        for m in DEFINITION.finditer(text):
            sentence = text[max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1:m.start("short")]
            meaning = _MEANING.match(sentence)
            short, full = m.group("short"), _DEFINED_LEAD.sub("", meaning.group("term") if meaning else m.group("full"))
            if short[0] in "本各該" or short == full:
                continue
            out.append(DefinitionRecord(short, full, Source(doc, line.start, line.end, line.article)))
    return out


def agency_records(full_name: str, source: Source, aliases: tuple[str, ...] = (),
                   path: tuple[str, ...] = ()) -> list[UnitRecord]:
    """Unit records for every level of a full agency name (財政部 › 關務署 › 基隆關), or of ``path`` when the
    caller knows how the name splits."""
    path = path or split_agency_name(full_name)
    records = []
    for depth in range(1, len(path) + 1):
        kind, unit_type = classify_agency(path[depth - 1])
        own = depth == len(path)
        records.append(UnitRecord(path[:depth], kind, unit_type, source,
                                  full_name="".join(path[:depth]), aliases=aliases if own else ()))
    return records


_DUTY_LEAD = lazy(r"^(?:其)?(?:分別)?(?:掌理|綜理|辦理|負責)(?:下列|左列)?(?:事項|業務)?[：:]?")
_JOINER = lazy(r"^(?:並|及|且|但|其|應|得|由|如|以|與|暨|或|則)")
# 「…第一審訴訟案件。但法律別有規定者，不在此限。」 (A0010053, A0010058): the proviso after an item's duty is no
# duty of its own.
_PROVISO = lazy(r"(?<=。)但[^。；;]*(?:。|$)")


def split_duties(text: str) -> list[str]:
    """Split a run-on duty statement into duties at ； and ，/。 boundaries."""
    text = _PROVISO.sub("", _DUTY_LEAD.sub("", text.strip()))
    parts: list[str] = []
    for chunk in re.split(r"[；;]|。(?!$)", text):
        for piece in re.split(r"[，,]", chunk):
            piece = piece.strip().rstrip("。.")
            if not re.search(r"\w", piece):  # 「…之審核事項。、」 (T0010002): punctuation alone is no duty
                continue
            if parts and (_JOINER.match(piece) or len(piece) < 3) and not parts[-1].endswith("；"):
                parts[-1] += "，" + piece
            else:
                parts.append(piece)
        if parts:
            parts[-1] += "；"  # chunk boundary: never join across ；
    return [d for p in parts if p.rstrip("；") for d in split_residual(p.rstrip("；"))]


# 「文書、印信、出納…及不屬於各組、室事項」: named subjects, then the residual clause.
_RESIDUAL_TAIL = lazy(r"^(?P<subjects>.{2,}?)(?:及|與|暨|、|，|以及)"
                      r"(?P<residual>(?:其他|其它)?(?:不屬於?|非屬|未列)"
                      r"[^、，；]{0,4}?(?:其他|其它)?(?:各|本)[^；]{0,12}?(?:事項|業務|事務))$")


def split_residual(duty: str) -> list[str]:
    """A duty that lists subjects and closes with the residual clause, as the subjects' duty and the residual.

    >>> split_residual("研考、文書、事務、公關及其他不屬於各組、室事項")
    ['研考、文書、事務、公關事項', '其他不屬於各組、室事項']
    >>> split_residual("不屬其他各組、室事項"), split_residual("國會聯絡、新聞發布事項")
    (['不屬其他各組、室事項'], ['國會聯絡、新聞發布事項'])
    """
    m = _RESIDUAL_TAIL.match(duty)
    if not m:
        return [duty]
    subjects = m.group("subjects")
    if not re.search(r"(?:事項|業務|事務|之\S{1,4})$", subjects):
        subjects += m.group("residual")[-2:]
    return [subjects, m.group("residual")]


# 「學生（員）總隊」 (D0000022, D0080004), 「水庫（堰壩）管理中心」 (J0000064): an alternate reading in parentheses
# inside a name is part of it, as the text writes it (not an item's number, not 「（以下簡稱…）」).
UNIT_NAME = lazy(rf"(?:[^，。；：、（）「」\s]{{1,12}}"
                 rf"（(?![一二三四五六七八九十\d]+）)[^，。；：、（）「」\s以]{{1,2}}）)?"
                 rf"[^，。；：、（）「」\s]{{1,24}}?(?:{UNIT_SUFFIX_PATTERN})")


def split_unit_list(text: str, strict: bool = False) -> list[str]:
    """Names in 「A、B、C及D」: each piece must end with a unit suffix.

    Pieces that are not unit names are dropped; with ``strict`` a single such
    piece means the text is no list of units at all (「職員加班、差假之核簽」) and
    nothing is returned.

    >>> split_unit_list("職員加班、差假之核簽與登記"), split_unit_list("職員加班、差假之核簽與登記", strict=True)
    (['職員加班'], [])
    >>> split_unit_list("等通棧（倉庫）、榖倉及貨櫃儲運場")
    ['通棧', '榖倉', '貨櫃儲運場']
    """
    pieces = [p for segment in re.split(r"[、，,]", expand_names(unglossed(text))) for p in joined_names(segment)]
    # 「學員生總隊部、教勤營、汽車連、本部連」: a company or battalion in a list of units is one (F0000058)
    troops = any(UNIT_NAME.fullmatch(p.strip()) for p in pieces)
    names = []
    for p in pieces:
        p = p.strip()
        if p and (UNIT_NAME.fullmatch(p) or DEPARTMENT_NAME.fullmatch(p) or
                  troops and (TROOP_NAME.fullmatch(p) or WORKS_NAME.fullmatch(p) or LISTED_DEPARTMENT.fullmatch(p))):
            names.append(p)
        elif p and strict:
            return []
    return names


def unglossed(text: str) -> str:
    """「設各等通棧（倉庫）」 (棧埠管理處 acts): transit sheds of every class, glossed as 倉庫, are the kind 通棧.

    >>> unglossed("等通棧（倉庫）、榖倉")
    '通棧、榖倉'
    """
    return re.sub(r"(?:^|(?<=[、，,]))各?等(?=通棧)|(?<=通棧)\s*[（(]倉庫[）)]", "", text)


# 「教勤營」, 「本部連」: a battalion or company, named in a list of units (never 經營, 國營 or 關連: two characters
# at least before it, none of them a verb's).
TROOP_NAME = lazy(r"[^，。；：、（）「」\s及之經民國公]{2,6}[連營]")
# 「設資訊工程學系、電機工程學系」: a school's department (學系) is a unit wherever it is set up; 「應用外語系」 (系
# alone ends 體系 and 派系 too) only in a list with other units.
DEPARTMENT_NAME = lazy(r"[^，。；：、（）「」\s及之]{2,10}學系")
LISTED_DEPARTMENT = lazy(r"[^，。；：、（）「」\s及之]{2,10}(?<![體派])系")
# 「二課及船舶機械修理廠」 (K0000081): a works, park or troupe named in a list of units is one; so is a radio station
# (「…、公共關係室、國際刑警電臺、偵防犯罪指揮中心及通訊監察中心」, D0000068), and a relay station
# (「…、指揮管制第四課、竹子山中繼臺、…、秘書室」, D0010033).
# A harbour bureau's store of parts (「機務組設船機、供應二科及材料配件庫」, seven acts and office rules) too, and
# its 棧埠管理處's granary and transit sheds (「設各等通棧（倉庫）、榖倉及貨櫃儲運場」, three acts).
WORKS_NAME = lazy(r"[^，。；：、（）「」\s及之]{2,10}(?:廠|園區|劇團|樂團|電[臺台]|中繼[臺台])"
                  r"|[^，。；：、（）「」\s及之]{0,4}(?:配件庫|[穀榖]倉|通棧)")


# The 及 that joins two names of a list (「秘書室及人事室」, 「行政法院及懲戒法院」), after a unit word, or after 機構:
# 「得設指揮機構、訓練機構、…、支援機構及部隊」 (F0000046, ten military acts) lists kinds of body, none a name.
LIST_JOIN = r"(?:(?<=[組處室科課股局署關會心隊所站場院部館廠系])|(?<=機構|[穀榖]倉))(?:及|與|暨|和)"


def joined_names(text: str) -> list[str]:
    """The names 及, 與, 暨 or 和 join after a unit word (「秘書室及人事室」), a name that holds one whole
    (「社會及家庭署」: 社會 names no unit).

    >>> joined_names("秘書室及人事室"), joined_names("社會及家庭署"), joined_names("行政法院及懲戒法院")
    (['秘書室', '人事室'], ['社會及家庭署'], ['行政法院', '懲戒法院'])
    >>> joined_names("執行機構與支援機構及部隊"), joined_names("職業訓練機構及技能檢定委員會")
    (['執行機構', '支援機構', '部隊'], ['職業訓練機構', '技能檢定委員會'])
    """
    parts = re.split(f"({LIST_JOIN})", text)
    out = [parts[0]]
    for word, piece in zip(parts[1::2], parts[2::2]):
        left = re.split(r"[、，,]", out[-1])[-1]
        if UNIT_NAME.fullmatch(left) or LISTED_DEPARTMENT.fullmatch(left) or len(left) < 2 or \
                left.endswith(("機構", "穀倉", "榖倉")) or \
                re.search("及|與|暨|和", piece):
            # (「各組、室及各稽徵所」: 室 is a list's type word; 「國會與地方聯絡及媒體公關」 is prose)
            out.append(piece)
        else:
            out[-1] += word + piece
    return out


def source_of(line: Line, doc: str, item: str | None = None) -> Source:
    # An item's label is one of few (2, 一/(二)): one string each, not one per duty.
    return Source(doc, line.start, line.end, line.article, item if item is None else sys.intern(item))


# ------------------------------------------------------------------ collective and range names
_CN = "一二三四五六七八九十"
_KIND = r"(?:大隊|中隊|分隊|總隊|中心|分局|分署|分所|組|科|課|股|室|處|隊|局|所|站)"
_NAME_END = r"(?=$|[^\u4e00-\u9fff]|及|與|暨|和|，|辦事|分別)"  # 「綜核三科分別掌理」
# 第一組至第七組, 偵查第一大隊至偵查第九大隊, 審查一股至五股, 稽核第一至第三股, 督察一至四股.
_RANGE = lazy(rf"(?P<pre>[\u4e00-\u9fff]{{0,8}}?)(?P<di>第)?(?P<a>[{_CN}]{{1,3}})(?P<s1>[\u4e00-\u9fff]{{0,8}}?)"
              rf"至(?P=pre)?第?(?P<b>[{_CN}]{{1,3}})(?P<s2>[\u4e00-\u9fff]{{0,8}}?{_KIND}){_NAME_END}")
# 遺產稅一、二股
_NUMBERED = lazy(rf"(?P<pre>[\u4e00-\u9fff]{{2,8}}?)(?P<nums>[{_CN}]{{1,2}}(?:、[{_CN}]{{1,2}})+)"
                 rf"(?P<suf>{_KIND}){_NAME_END}")
# 行政救濟一股、二股 (G0310013, G0310014, G0310015), 行控一室、二室、三室 (K0010074): the numbered units after the
# first share its name before the number.
_NUMBERED_EACH = lazy(rf"(?P<pre>[\u4e00-\u9fff]{{2,8}}?)(?P<first>[{_CN}]{{1,2}})(?P<suf>{_KIND})"
                      rf"(?P<more>(?:、[{_CN}]{{1,2}}(?P=suf))+){_NAME_END}")
# 第一、第二、第三及第四課 (K0000086, K0000103): ordinals that share the unit word written after the last.
_ORDINALS = lazy(rf"(?P<ords>第[{_CN}]{{1,2}}(?:(?:、|及)第[{_CN}]{{1,2}})+)"
                 rf"(?P<suf>(?![{_CN}])(?:(?![等個])[\u4e00-\u9fff]){{0,6}}?{_KIND}){_NAME_END}")
# 教務、訓導、總務三組: as many heads as the count says.  Found from the count backwards (the heads are
# read in the 60 characters before it), so a long list without a count costs one pass.
# 空氣、水質、廢棄物、毒性化學物質等四研究分組: 等 before the count, a word before the unit word.
# 諮詢、典藏、展品審查等委員會 (H0000079): 等 alone, every head before it.
_COUNT_END = lazy(r"(?<!第)(?:等?(?P<n>[二三四五六七八九十]{1,2})個?|(?<=[\u4e00-\u9fff]{2})等)"
                  rf"(?P<suf>(?!個)(?:(?![及與])[\u4e00-\u9fff]){{0,4}}?(?:委員會|{_KIND})){_NAME_END}")
_HEADS = lazy(r"(?:[\u4e00-\u9fff]{1,8}(?:、|及|與))+[\u4e00-\u9fff]{1,8}$")


def expand_names(text: str) -> str:
    """Write collective and range names as a list of names, one each, joined by 、.

    A range is a list of names only when it says 第 (第一組至第七組) or names something before its
    numbers (審查一股至五股); 「設七組至九組」 and 「工程隊二隊至六隊」 are counts and stay as they are.

    >>> expand_names("第一組至第三組"), expand_names("審查一股至三股"), expand_names("稽核第一至第三股")
    ('第一組、第二組、第三組', '審查一股、審查二股、審查三股', '稽核第一股、稽核第二股、稽核第三股')
    >>> expand_names("七組至九組"), expand_names("工程隊二隊至六隊"), expand_names("遺產稅一、二股")
    ('七組至九組', '工程隊二隊至六隊', '遺產稅一股、遺產稅二股')
    >>> expand_names("行政救濟一股、二股"), expand_names("行控一室、二室、三室")
    ('行政救濟一股、行政救濟二股', '行控一室、行控二室、行控三室')
    >>> expand_names("教務、訓導、總務三組"), expand_names("偵查第一大隊至偵查第三大隊及刑事科")
    ('教務組、訓導組、總務組', '偵查第一大隊、偵查第二大隊、偵查第三大隊及刑事科')
    >>> expand_names("設空氣、水質等二研究分組")
    '設空氣研究分組、水質研究分組'

    The counted heads may follow units named before them (L0010004), and the shared rest may be a longer word:

    >>> expand_names("會計室及基隆、台北、蘇澳三個檢疫分所")
    '會計室及基隆檢疫分所、台北檢疫分所、蘇澳檢疫分所'
    >>> expand_names("北區、中區、南區、東區四個疫病監視中心")
    '北區疫病監視中心、中區疫病監視中心、南區疫病監視中心、東區疫病監視中心'
    >>> expand_names("設第一、第二課及清潔隊"), expand_names("第一、第二、第三及第四課")
    ('設第一課、第二課及清潔隊', '第一課、第二課、第三課、第四課')
    >>> expand_names("設置諮詢、典藏、展品審查等委員會"), expand_names("設指揮、研究發展等機構及部隊")
    ('設置諮詢委員會、典藏委員會、展品審查委員會', '設指揮、研究發展等機構及部隊')

    The count may count the names between 、 that 及 joins inside (K0000118, K0010056's 資訊室):

    >>> expand_names("設規劃及設計、資料管理及操作二課"), expand_names("設保險受理、保險查核及保險計費、保險資料四科")
    ('設規劃及設計課、資料管理及操作課', '設保險受理科、保險查核科、保險計費科、保險資料科')
    """
    return _expand(text, {})


def expanded_from(text: str) -> dict[str, str]:
    """Each name :func:`expand_names` makes from ``text``, with the words it was written as.

    >>> expanded_from("設第一組至第二組")
    {'第一組': '第一組至第二組', '第二組': '第一組至第二組'}
    """
    origins: dict[str, str] = {}
    _expand(text, origins)
    return origins


def _expand(text: str, origins: dict[str, str]) -> str:
    from .read.text import cn_number

    def names(written: str, out: list[str], lead: str = "") -> str:
        for n in out:
            origins.setdefault(n, written)
        return lead + "、".join(out)

    def ranged(m: re.Match) -> str:
        a, b = cn_number(m.group("a")), cn_number(m.group("b"))
        s1, s2, pre = m.group("s1"), m.group("s2"), m.group("pre")
        setting = re.match(r"^.*?(?:設置|設立|分設|增設|設|置)", pre)
        lead, pre = (setting.group(0), pre[setting.end():]) if setting else ("", pre)
        if a is None or b is None or not 0 < a < b <= a + 40 or (s1 and s1 != s2):
            return m.group(0)
        if not m.group("di") and (not pre or pre.endswith(s2[-1]) or pre.endswith("得")):
            return m.group(0)  # a count: 七組至九組, 工程隊二隊至六隊
        return names(m.group(0)[len(lead):], [f"{pre}{m.group('di') or ''}{cn_numeral(n)}{s2}"
                                             for n in range(a, b + 1)], lead)

    def numbered(m: re.Match) -> str:
        read = [cn_number(x) for x in m.group("nums").split("、")]
        nums = [n for n in read if n is not None]
        if len(nums) < len(read) or nums != sorted(set(nums)):
            return m.group(0)
        return names(m.group(0), [f"{m.group('pre')}{cn_numeral(n)}{m.group('suf')}" for n in nums])

    def numbered_each(m: re.Match) -> str:
        read = [cn_number(x) for x in [m.group("first")] + re.findall(f"[{_CN}]+", m.group("more"))]
        nums = [n for n in read if n is not None]
        if len(nums) < len(read) or nums != list(range(nums[0], nums[0] + len(nums))):
            return m.group(0)
        return names(m.group(0), [f"{m.group('pre')}{cn_numeral(n)}{m.group('suf')}" for n in nums])

    def counted(text: str) -> str:
        out, last = [], 0
        for m in _COUNT_END.finditer(text):
            window = text[max(last, m.start() - 60):m.start()]
            found = _HEADS.search(window)
            if not found:
                continue
            heads = re.split(r"、|及|與", found.group(0))
            lead = re.match(r"^.*?(?:設置|設立|分設|分為|設|置)|^分(?=\w{2})", heads[0])  # 分教學、註冊二組
            if lead:
                heads[0] = heads[0][lead.end():]
            n = (cn_number(m.group("n")) or 0) if m.group("n") else len(heads)
            start = m.start() - len(found.group(0)) + (lead.end() if lead else 0)
            pieces = (found.group(0)[lead.end():] if lead else found.group(0)).split("、")
            if n != len(heads) and len(pieces) == n and not re.search(f"{_KIND}(?:及|與)", found.group(0)):
                # 「規劃及設計、資料管理及操作二課」 (K0000118, K0010056): the count counts the names between 、,
                # each joined with 及 inside; one may already carry the unit word (「規劃及設計科、…」)
                written = text[start:m.end()]
                out.append(text[last:start] + names(written, [h if h.endswith(m.group("suf")) else h + m.group("suf")
                                                              for h in pieces]))
                last = m.end()
                continue
            if 0 < n < len(heads) and re.search(f"{_KIND}$", heads[-n - 1]):
                # 「…會計室及基隆、台北、…、蘇澳七個檢疫分所」: the counted heads follow the units named before
                heads = heads[-n:]
                start = m.start() - sum(len(h) + 1 for h in heads) + 1
            if len(heads) != n or any(not h or re.search(f"{_KIND}$", h) for h in heads):
                continue
            written = text[start:m.end()]
            out.append(text[last:start] + names(written, [h + m.group("suf") for h in heads]))
            last = m.end()
        return "".join(out) + text[last:]

    if "至" in text:
        text = _RANGE.sub(ranged, text)
    if "、" in text:
        text = _NUMBERED.sub(numbered, text)
        text = _NUMBERED_EACH.sub(numbered_each, text)
    if "、第" in text:
        text = _ORDINALS.sub(lambda m: names(m.group(0), [o + m.group("suf")
                                                          for o in re.split(r"、|及", m.group("ords"))]), text)
    if "、" in text or "及" in text:  # 庶務及出納二組
        text = counted(text)
    return text
