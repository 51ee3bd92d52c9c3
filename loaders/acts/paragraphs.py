"""What a paragraph of an act or office rules says: an ordered table of rules, one convention each.

A paragraph (a sentence that is no list item) may set units up, charge a unit with a duty, and open a list
whose items follow: a unit's duties (``Mode.DUTIES``), units (``Mode.UNITS``) or the agency's own duties
(``Mode.AGENCY``).  :func:`read` tries :data:`RULES` in order.  A rule that decides returns the
:class:`ListContext` the paragraph opens (``NO_LIST`` for none); a rule that only learns something about
the paragraph (its subject) returns None and the next rule is tried.  A new convention is one rule here.

Each rule's example runs a small office-rules document through the parser
(:func:`loaders.acts.structure.demo`): the units and duties it yields.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple, Protocol

from graph_model.records.naming import (
    UNIT_SUFFIX_PATTERN,
    classify_unit,
    fold_name,
    self_references,
    strip_self_reference,
)
from loaders.common import UNIT_NAME, split_unit_list
from loaders.read.text import CN_NUM, Line, cn_number

from .patterns import (
    AD_HOC,
    AD_HOC_NAMED,
    AGENCY_CLAUSE,
    AGENCY_GOES_ON,
    ALIAS_PAREN,
    ANY_NUMBER_OF,
    ASSIGNED_STAFF,
    BROUGHT_TO,
    BY_LAW_DUTY,
    BY_UNITS,
    CASES_TAKEN_UP,
    CHAMBER_CASES,
    CHARGED_AFTER,
    CLASSES_AFTER_SUBJECT,
    CLAUSE_SET_UP,
    COLLECTIVE,
    COLLECTIVE_SET_UP,
    CONTINUATION,
    COUNCIL,
    COUNTED,
    DIVIDED,
    DIVISIONS_DIVIDED,
    DUTY_INTRO,
    DUTY_VERB,
    EACH_SETS_UP,
    EARLIER_UNITS_DUTIES,
    EMPTY_DUTY,
    ESTABLISHMENT,
    ETC_UNITS,
    FAMILY_CLASSES,
    FAMILY_DEFINED,
    FAMILY_NAME,
    FURTHER_SET_UP,
    HEAD_LEADS_UNIT,
    ISSUES_ORDERS,
    KINDS_OF_BODIES,
    LATER_SET_UP,
    LEADING_PURPOSE,
    LIST_CHARGED_TO,
    LIST_GOES_ON,
    LIST_INTRO,
    LISTED_BEFORE_WORK,
    LISTED_NAME,
    MANDATE_SENTENCE,
    MEMBER_ALSO_SETS_UP,
    MEMBERS_SET_UP,
    NAMED_BEFORE,
    NAMED_SETS_UP_BELOW,
    NAMES_IN_TURN,
    NEED,
    NEED_AFTER_SUBJECT,
    NO_SUBJECT_SET_UP,
    OBJECT_CLAUSE,
    ONE_SECTION_SET_UP,
    ONE_UNIT_WORD,
    OWN_LAW,
    OWN_POWERS,
    PLACED,
    PLACED_ROOM,
    PLACES_BEFORE,
    PLACES_OFFICES,
    POINTS_ELSEWHERE,
    POST,
    POST_ASSISTS,
    POST_DUTIES,
    POST_DUTY,
    POST_TITLE,
    POSTS_OFFICE,
    POSTS_SHARE,
    POWERS_BY_LAW,
    PURPOSE_OF_SET_UP,
    REGION_HEAD,
    RESPECTIVE,
    RULES_INTRO,
    SET_UP_ABOVE,
    SET_UP_BELOW,
    SET_UP_IN,
    SET_UP_WORK,
    SETS_UP,
    SETS_UP_LIST,
    SHARED_OUT_LIST,
    STAFF_SHARES,
    STAFFED_FOR,
    SUBORDINATE,
    SUBSIDIARY_SET_UP,
    SUMMARY_BEFORE_SPLIT,
    TYPE_WORD,
    WITH_ITS_UNITS,
    WORKS_DUTY,
)
from .unit_names import clean_name, listed_names, shared_out, unit_names


class StructureParser(Protocol):
    """What the rules use of the parser (loaders.acts.structure.StructureParser) reading the document."""

    agency: tuple[str, ...]
    self_names: set[str]
    known: dict[str, tuple[str, ...]]
    last_owner: tuple[str, ...] | None
    article_owner: tuple[str, ...] | None
    decides: list[str]
    any_number: set[str]

    def unit(self, name: str, line: Line, parent: tuple[str, ...] | None = None, item: str | None = None,
             note: str = "", family: bool = False) -> tuple[str, ...] | None: ...

    def duty(self, path: tuple[str, ...], text: str, line: Line, item: str | None = None, *, post: str = "",
             basis: str = "explicit") -> None: ...

    def subject(self, text: str, line: Line): ...

    def charged_units(self, text: str) -> list[tuple[str, ...]]: ...

    def infer_respective(self, paths: list[tuple[str, ...]], ordered: bool = True) -> None: ...

    def is_self(self, word: str) -> bool: ...

    def is_agency_name(self, name: str) -> bool: ...

    def own_unit_name(self, name: str) -> str: ...

    seen: list[Line]

    def members(self, family: str) -> list[tuple[str, ...]]: ...

    def set_up_below(self, name: str) -> tuple[str, ...] | None: ...


class Mode(Enum):
    """What the items of a list are."""

    DUTIES = "duties"  # the owner's duties
    UNITS = "units"  # units set up under the owner
    AGENCY = "agency"  # the agency's own duties (an item may still name a unit: 「一、秘書室：…」)


@dataclass(frozen=True)
class ListContext:
    """The list a paragraph opens: whose (a unit's path, several units', or None), held by which post, of what."""

    owner: tuple[str, ...] | list[tuple[str, ...]] | None = None
    post: str = ""
    mode: Mode | None = None


NO_LIST = ListContext()


@dataclass
class Paragraph:
    """A paragraph as the rules see it: its text without asides, and what earlier rules learnt of it."""

    line: Line
    text: str
    intro: bool  # it ends by introducing a list (如下：, 下列事項：)
    duty_intro: bool  # … a list of duties (掌理下列事項)
    owner: tuple[str, ...] | list[tuple[str, ...]] | None = None
    post: str = ""
    summary: re.Match | None = None  # 「X科掌理A、B等事項。」 before its list


def prepare(line: Line) -> Paragraph:
    """The paragraph's text as the rules read it: asides dropped, the typist's slips read as meant.

    >>> from loaders.acts.structure import demo
    >>> demo("第 4 條", "本處設秘書室、掌理文書、研考、印信、出納、庶務及其他不屬各課、室事項。")
    unit 秘書室
    duty 秘書室 文書、研考、印信、出納、庶務事項
    duty 秘書室 其他不屬各課、室事項
    """
    text = ALIAS_PAREN.sub("", line.body)
    text = LEADING_PURPOSE.sub("", text)  # 「配合…業務需要，本分局設…辦事處」: the agency's own set-up
    text = PLACED_ROOM.sub(r"\g<who>設", text)  # 「本隊置會計室，置會計主任…」: the room is set up
    text = LISTED_BEFORE_WORK.sub(r"\g<head>，", text)  # 「管理處設秘書室、掌理文書…」: its comma
    text = WITH_ITS_UNITS.sub(r"\g<head>", text)  # 「各設岸巡總隊及所屬單位」: the 總隊 (its units none named)
    text = ETC_UNITS.sub(r"\g<head>", text)  # 「設行政課、…、派出所等單位」: the list set up
    text = NEED_AFTER_SUBJECT.sub(r"\g<subject>\g<may>", text)  # 「各工程處得視業務需要，設立…」: 得設立
    text = CLASSES_AFTER_SUBJECT.sub(r"\g<subject>", text)  # 「各社政機構依其業務性質…，分為…三類，分別掌理…」
    # 「第五組（稽核組）掌理…」: the other name in brackets after the subject is no part of it.
    text = re.sub(rf"^([^，。；：（）]{{2,16}}?(?:{UNIT_SUFFIX_PATTERN}))（[^（），。]{{1,12}}）", r"\1", text)
    # 「第一課業務職掌如下：」 (D0010035), 「檢疫分所業務職掌如左：」 (L0010004): the unit's 業務 are its 職掌;
    # 「財務融通組其職掌如下：」 (J0010038): its (其) 職掌 (not 「主辦人員得出席所在機關有關其職掌之各項會議。」).
    text = re.sub(rf"^([^，。；：]{{2,16}}?(?:{UNIT_SUFFIX_PATTERN}))(?:業務(?=之?職掌)|其(?=職掌如[下左]))", r"\1",
                  text)
    # 「執行秘書承主任委員之命，掌理左列事項：」: whose orders a post follows is no part of its subject, nor who
    # oversees it (「秘書等承辦人員承主任委員之命，受執行秘書之督導，辦理下列事項：」, A0010066).
    # 「技術審查官承法官之命，依專業類別辦理下列事項：」 (A0030229): nor how the work is shared out.
    text = re.sub(r"^([^，。；：]{2,12}?)(?:承(?!辦)|秉承)[^，。；：]{1,16}?之(?:命|指揮監督|指揮)，"
                  r"(?:受[^，。；：]{1,16}?之(?:督導|指揮|監督)，)?(?:依(?!法)[^，。；：]{1,6}?)?(?=掌理|辦理|負責)",
                  r"\1", text)
    # 「第一課課長承分局長之命綜理課務，並督率所屬辦理左列事項：」: the unit's own list
    text = HEAD_LEADS_UNIT.sub(lambda m: m.group("unit") + "掌理下列事項：", text)
    intro = bool(LIST_INTRO.search(text))
    last = re.split(r"。(?=.)", text)[-1]
    duty_intro = intro and bool(DUTY_INTRO.search(last)) and not RULES_INTRO.search(last)
    return Paragraph(line, text, intro, duty_intro)


def read(parser: StructureParser, line: Line) -> ListContext:
    """Apply the rules to a paragraph; the list context it opens."""
    para = prepare(line)
    for rule in RULES:
        decided = rule.apply(parser, para)
        if decided is not None:
            return decided
    return NO_LIST


# ---------------------------------------------------------------------------------------------- rules
def continuation(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「…事項。分設二股，各股之職掌如下：」 goes on with the subject of the paragraph before.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設第一科。", "第一科掌理文書事項。", "各股之職掌如下：", "一、收發。")
    unit 第一科
    duty 第一科 文書事項
    duty 第一科 收發
    """
    if CONTINUATION.match(para.text) and parser.last_owner and para.intro:
        return ListContext(parser.last_owner, "", Mode.DUTIES)
    return None


def assigned_staff(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「經指派擔任客貨營運業務之人員，負責辦理下列事項：」 (K0010075): staff assigned to a line of work set up no
    unit; what they do is the agency's, held by them.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "經指派擔任客貨營運業務之人員，負責辦理下列事項：", "一、辦理票證自動化事宜。",
    ...      "經指派擔任總務之人員，負責辦理下列事項：", "一、年度預算編製事項。")
    duty 本局 票證自動化事宜 (客貨營運業務人員)
    duty 本局 年度預算編製事項 (總務人員)

    Assigned full-time or concurrently (「經指派專任政風業務之人員」, K0010091; 「經指派擔（兼）任人事業務之人員」):

    >>> demo("第 2 條", "經指派專任政風業務之人員，負責辦理下列事項：", "一、政風法令宣導事項。",
    ...      "經指派擔（兼）任人事業務之人員，負責辦理下列事項。", "一、員工考核事項。")
    duty 本局 政風法令宣導事項 (政風業務人員)
    duty 本局 員工考核事項 (人事業務人員)
    """
    m = ASSIGNED_STAFF.match(para.text)
    if not m:
        return None
    return ListContext(parser.agency, m.group("work") + "人員", Mode.DUTIES)


def posts_office(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「祕書承局長、副局長之命，協調本局各單位處理公務，其辦公處所稱祕書室，職掌如左：」 (K0010024, and the post and
    telecom bureaus' 視察室, 總稽核室, 總工程司室): the office of a post, named so, is a unit, and the list its duties.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "祕書承局長之命，協調各單位處理公務，其辦公處所稱祕書室，職掌如左：", "一、文稿之初閱事項。",
    ...      "主任視察員督導所屬處理視察業務，其辦公處所稱視察室。並得設置視察分段。職掌如左：", "一、財務之查視事項。")
    unit 祕書室
    unit 視察室
    duty 祕書室 文稿之初閱事項
    duty 視察室 財務之查視事項
    """
    m = POSTS_OFFICE.search(para.text)
    path = parser.unit(m.group("name"), para.line) if m else None
    if path is None:
        return None
    return ListContext(path, "", Mode.DUTIES) if para.duty_intro else NO_LIST


def charged_by_name(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「…事項，由各組分別辦理之」, 「由行政組辦理之」: the units a sentence charges with a duty.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設第一組、第二組。", "第 3 條", "職員考勤事項，由各組分別辦理之。")
    unit 第一組
    unit 第二組
    duty 第一組 職員考勤事項
    duty 第二組 職員考勤事項
    """
    by = BY_UNITS.match(para.text)
    charged = parser.charged_units(para.text)  # (none unless BY_UNITS matches)
    if not charged or by is None:
        return None
    for path in charged:
        parser.duty(path, by.group("duty"), para.line)
    return NO_LIST


def list_charged_to(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「下列事項由教務組辦理之：」 (I0010003): the list is the duties of the unit named (set up here when no article
    did), or the agency's held by the post named (「下列事項由秘書辦理之：」).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "下列事項由教務組辦理之：", "一、課程之編排事項。",
    ...      "下列事項由人事管理員督同人事佐理人員辦理之：", "一、職員之任免事項。")
    unit 教務組
    duty 教務組 課程之編排事項
    duty 本局 職員之任免事項 (人事管理員)
    """
    m = LIST_CHARGED_TO.match(para.text)
    if not m:
        return None
    who = m.group("who")
    if (own := parser.own_unit_name(who)) in parser.known and own != who:
        return ListContext(parser.known[own], "", Mode.DUTIES)  # the agency's name before its council's (評議會)
    if UNIT_NAME.fullmatch(who) and (path := parser.known.get(who) or parser.unit(who, para.line)):
        return ListContext(path, "", Mode.DUTIES)
    if POST_TITLE.fullmatch(who):
        return ListContext(parser.agency, who, Mode.DUTIES)
    return None


def posts_list(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「少年保護官應服從法官之監督，執行下列職務：」 (A0010100): a post's list of 職務 is the room's the document
    placed the post in (「設調查保護室，置少年調查官、少年保護官…」; as 司法事務官's are 司法事務官室's), else the
    agency's, held by the post.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設調查保護室，置少年調查官、少年保護官及佐理員。",
    ...      "第 3 條", "少年保護官應服從法官之監督，執行下列職務：", "一、掌理由少年保護官執行之保護處分。")
    unit 調查保護室
    duty 調查保護室 由少年保護官執行之保護處分
    """
    m = POST_DUTIES.match(para.text)
    if not m or not POST_TITLE.fullmatch(who := m.group("who")):
        return None
    for line in parser.seen:
        placed = PLACED.search(line.body)
        posts = re.split(r"[、及與]", re.sub(r"各?[一二三四五六七八九十\d]+人.*$", "", placed.group("posts"))) \
            if placed else []
        if who in posts and placed and (room := parser.known.get(placed.group("room"))):
            return ListContext(room, "", Mode.DUTIES)
    return ListContext(parser.agency, who, Mode.DUTIES)


def brought_to(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「檢覈案件由考選部主管司辦理初審，呈由主任委員分配各委員複審並加具意見，提檢覈委員會審定之。」 (R0000005): the
    matter a committee (the agency, or a unit of it) is brought to decide is its duty.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設法規委員會。", "第 3 條", "本局法規之制定，事前均應提經法規委員會審議。")
    unit 法規委員會
    duty 法規委員會 本局法規之制定之審議
    """
    m = BROUGHT_TO.match(para.text)
    if not m:
        return None
    who = clean_name(m.group("who"))
    kind = classify_unit(who)[1]
    if parser.is_self(who) or who in parser.self_names or \
            len(who) > len(kind) + 1 and parser.agency[-1].endswith(who):
        path: tuple[str, ...] | None = parser.agency  # 檢覈委員會 of 考選部…檢覈委員會
    else:
        path = parser.known.get(who)
    if path is None:
        return None
    parser.duty(path, f"{m.group('matter')}之{m.group('verb')}", para.line)
    parser.decides.append(f"{m.group('matter')}之{m.group('verb')}")
    return NO_LIST


def charged_after(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「本中心之人事（含人事查核）、會計業務，由行政組辦理之。」 (J0000029): a matter named first, then the unit of the
    document (or the agency) that does it; not one done by others (由內政部指派適當人員兼辦), nor one that points back
    (「前項業務由文書科辦理」) or is the rest (「其他應辦事項」).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設秘書室。", "第 3 條", "辦公處所之調配、修繕等事項由秘書室辦理。")
    unit 秘書室
    duty 秘書室 辦公處所之調配、修繕等事項
    """
    m = CHARGED_AFTER.match(para.text)
    if not m or POINTS_ELSEWHERE.search(m.group("matter")) or "其他" in m.group("matter"):
        return None
    who = fold_name(clean_name(m.group("who")))  # (祕書室 for the 秘書室 the document set up)
    path = parser.agency if parser.is_self(who) else \
        next((p for name, p in parser.known.items() if fold_name(name) == who), None)
    if path is None:
        return None
    parser.duty(path, m.group("matter"), para.line)
    return NO_LIST


def named_members(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「經濟部水利署設第一至第十河川局（以下簡稱各局），掌理下列事項：」 in the document of a family (各河川局,
    港務消防隊): the members named are its units, and what follows is the family's own.

    The members need not end with the family's whole name when the collective right after them names their
    kind: 「內政部警政署…特設保安警察第一總隊至第七總隊（以下簡稱各總隊）」 in 保安警察總隊組織準則 (D0000166).
    (A family document's rules are shown in tests/test_national.py, on the national corpus.)
    """
    family = parser.agency[-1]
    m = MEMBERS_SET_UP.match(para.line.body)
    by = m.group("by") if m else ""
    # 「本局為辦理…，得設臺北、高雄、花蓮機廠」 (K0000108): the parent of a family (各機廠) calls itself 本局
    parents_self = len(parser.agency) > 1 and FAMILY_NAME.match(family) is not None and \
        by in self_references(parser.agency[-2])
    if not m or not (parser.is_agency_name(by) or parser.is_self(by) or by in parser.self_names or
                     any(by in p for p in parser.agency) or parents_self):
        return None
    word = FAMILY_NAME.sub("", family)  # 河川局 of 各河川局; 港務消防隊 of a family without 各
    names = listed_names(m.group("list"))
    places = re.fullmatch(rf"(?P<heads>[^、，。；及]{{2,4}}(?:[、及][^、，。；及]{{2,4}})+){re.escape(word)}",
                          m.group("list"))
    if not names and places:  # 「臺北、高雄、花蓮機廠」: the places before the family's kind name its members
        names = [head + word for head in re.split(r"[、及]", places.group("heads"))]
    collective = FAMILY_DEFINED.match(para.line.body[m.end("list"):])
    if collective:  # 「特設保安警察第一總隊至第七總隊（以下簡稱各總隊）」: the document's collective names its kind
        word = min(word, collective.group("kind"), key=len)
    if len(names) < 2 or not all(n.endswith(word) and len(n) > len(word) for n in names):
        return None
    for name in names:
        parser.unit(name, para.line, note="")
    rest = ALIAS_PAREN.sub("", para.line.body[m.end("list"):])
    each = re.match(r"^[，,]各設(?:置|立)?(?P<list>[^，。；：]+)", rest)
    for name in listed_names(each.group("list")) if each else []:
        parser.unit(name, para.line)  # 「…機廠，各設技術、工作、材料三組、總務室…」: the units every member has
    if LIST_INTRO.search(rest):
        return ListContext(parser.agency, "", Mode.AGENCY)
    duty = DUTY_VERB.search(rest)
    if duty:
        parser.duty(parser.agency, duty.group("duty"), para.line)
    return NO_LIST


def earlier_units_duties(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「前條各處、科、組之職掌如左：」: the items name the units the article before set up, each with its duties
    (H0000020); an item naming no unit is the agency's.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本校設左列各處、科、組及軍訓人員。", "一、教務處：設教學、註冊二組。",
    ...      "二、國劇科：設劇藝組。", "第 3 條", "前條各處、科、組之職掌如左：", "一、教務處：掌理課程編排等事項。",
    ...      "（一）教學組：掌理教學實施事項。", "二、國劇科：掌理國劇教學事項。")
    unit 教務處
    unit 教務處/教學組
    unit 教務處/註冊組
    unit 國劇科
    unit 國劇科/劇藝組
    duty 教務處 課程編排等事項
    duty 教務處/教學組 教學實施事項
    duty 國劇科 國劇教學事項
    """
    return ListContext(parser.agency, "", Mode.AGENCY) if EARLIER_UNITS_DUTIES.match(para.text) else None


def subject(parser: StructureParser, para: Paragraph) -> None:
    """Learns the paragraph's subject (a unit, units, a post, the agency); sets up the units a named unit
    sets up in a later clause (「各工廠置廠長一人。第一工廠設印製、監查、製墨、輔工四課」).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設下列各廠：", "一、第一工廠。", "二、第二工廠。", "第 3 條",
    ...      "各工廠置廠長一人。第一工廠設印製、監查二課。")
    unit 第一工廠
    unit 第二工廠
    unit 第一工廠/印製課
    unit 第一工廠/監查課

    An office named with the officer who stands for it where none is set up is the office (J0010066):

    >>> demo("第 2 條", "未設人事室之分局，置人事管理員。", "第 3 條", "人事室或人事管理員掌理分局人事事項。")
    unit 人事室
    duty 人事室 分局人事事項
    """
    clauses = re.split(r"[。；]", para.text)
    # 「航管科下設信號台。」 (K0010056, K0010063): a section a 組 set up sets up its own, a sentence of its own
    for clause in clauses if re.match(r"^[^，、設置得]{2,16}?下(?:分)?設", clauses[0]) else clauses[1:]:
        m = CLAUSE_SET_UP.match(clause)
        if not m:
            continue
        parent = parser.known.get(clean_name(m.group("parent"))) or parser.set_up_below(clean_name(m.group("parent")))
        if parent and parent != parser.agency:
            for child in listed_names(m.group("list")):
                parser.unit(child, para.line, parent)
    # 「設覆審室分組掌理…」: a sentence that opens with 設 has the agency for its subject; so does one that opens with
    # the line of business a unit is set up for (「港務業務應設信號臺（話務臺），置臺長一人」, K0010043, K0010044).
    if re.match(r"^(?:並|另)?得?設(?!計|備|施|定|法|有|置?[^，。；]{0,3}(?:人|名))", para.text) or \
            re.match(r"^[^，。；、前本]{2,6}業務應設(?!計|備|施|定)", para.text):
        para.owner, para.post = parser.agency, ""
    elif para.owner is None:  # (not learnt by the rule before: set_up_by_the_body_above)
        para.owner, para.post = parser.subject(para.text, para.line)
    return None


def set_up_by_the_body_above(parser: StructureParser, para: Paragraph) -> None:
    """「省設省政府綜理全省行政事務，並監督地方自治。」 (D0020012), 「教育部設教育研究委員會，其任務如左：」 (H0000003):
    the body above setting the agency up opens a sentence about the agency (no unit 「省設省政府」); what it 綜理 is
    its mandate.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "某部設某某局綜理全國關務。", "第 3 條", "某部設某某局，其任務如左：", "一、緝私。")
    duty 本局 全國關務
    duty 本局 緝私
    """
    m = SET_UP_ABOVE.match(para.text)
    if not m or not (parser.is_self(m.group("what")) or m.group("what") in parser.self_names):
        return None
    para.owner, para.post = parser.agency, ""
    if m.group("duty"):
        parser.duty(parser.agency, m.group("duty"), para.line)
    return None


def each_sets_up(parser: StructureParser, para: Paragraph) -> None:
    """「各區工程處，各設人事室及會計室」: every unit the subject names sets up the units listed after 各設, each its
    own (K0000004: three 工程處, each with its 人事室 and 會計室).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設北區、南區工程處。", "各區工程處，各設人事室及會計室；人事室置主任一人。")
    unit 北區工程處
    unit 南區工程處
    unit 北區工程處/人事室
    unit 北區工程處/會計室
    unit 南區工程處/人事室
    unit 南區工程處/會計室
    """
    m = EACH_SETS_UP.match(para.text)
    if not m or para.post:
        return None
    owners = [o for o in _owners(para) if o != parser.agency]
    who = strip_self_reference(m.group("who"))
    if not owners and COLLECTIVE.match(who):  # 「各區工程處」: the members set up so far, or the family unit
        family = parser.known.get(COLLECTIVE.sub("", who)) or parser.known.get(who)
        owners = [family] if family else parser.members(who)
    elif not owners:  # 「台北機廠、高雄機廠」; 「服務所各設會計室」: every member of the kind (臺北服務所 …)
        found = [parser.known.get(n) for n in unit_names(who, parser.known)]
        owners = [p for p in found if p] if found and all(found) else \
            parser.members(who) or _named_beside(parser, who, para.line)
    if owners:
        for owner in owners:
            for name in listed_names(m.group("list")):
                parser.unit(name, para.line, owner)
    return None


def _named_beside(parser: StructureParser, who: str, line: Line) -> list[tuple[str, ...]]:
    """「本處台北機廠、高雄機廠各設人事室」 (K0000116, whose list of 機廠 miswrote 高雄機場 and 「花蓮：」): whole
    names in turn that end like one the document set up (機廠) name units of its kind, set up beside it if the
    document's own list did not name them so.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局得設下列各廠：", "一、台北機廠：設總務室。", "二、高雄機場：設總務室。",
    ...      "第 4 條", "本處台北機廠、高雄機廠各設人事室，各置主任一人，依法辦理人事管理事項。")
    unit 台北機廠
    unit 台北機廠/總務室
    unit 高雄機場
    unit 高雄機場/總務室
    unit 高雄機廠
    unit 台北機廠/人事室
    unit 高雄機廠/人事室
    """
    names = [strip_self_reference(n) for n in NAMES_IN_TURN.split(who)]
    found = [parser.known.get(n) for n in names]
    first = next((p for p in found if p), None)
    if first is None or len(names) < 2 or len(first) < 2:
        return []
    tail = first[-1][-2:]  # (機廠: two characters, more than the unit word; 各機廠 is a collective, no name)
    if not all(n.endswith(tail) and 2 < len(n) <= 12 and not n.startswith("各") for n in names):
        return []
    owners = [p or parser.unit(n, line, first[:-1]) for n, p in zip(names, found)]
    return [p for p in owners if p]


def set_up_in_a_named_unit(parser: StructureParser, para: Paragraph) -> None:
    """「…，並於資料科設圖書室。」 (K0010006), 「考試院…得於考銓處設檢覈委員會。」 (A0010064): what is set up in (於) a
    unit the document set up, or in the agency itself, is that unit's.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本會設秘書室。", "第 3 條", "本會秘書室設企劃、管考、資料三科，並於資料科設圖書室。")
    unit 秘書室
    unit 秘書室/資料科
    unit 秘書室/資料科/圖書室
    unit 秘書室/企劃科
    unit 秘書室/管考科
    """
    for m in SET_UP_IN.finditer(para.text):
        name = clean_name(m.group("parent"))
        parent = parser.agency if parser.is_self(name) else parser.known.get(name)
        earlier = SETS_UP.search(para.text[:m.start()])
        if parent is None and isinstance(para.owner, tuple) and earlier and \
                name in listed_names(earlier.group("list")):
            parent = parser.unit(name, para.line, para.owner)  # (資料科, one of the three the sentence sets up first)
        for child in listed_names(m.group("list")) if parent else []:
            parser.unit(child, para.line, parent)
    return None


def named_together_set_up(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「臺北、高雄機廠設人事室，各置主任一人，…依法辦理人事管理事項」 (K0000108): units named together set up one each
    of the units listed, whose work the sentence then says.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局得於臺北、高雄、花蓮各地分設服務所。", "第 4 條",
    ...      "臺北、高雄服務所設人事室，各置主任一人，花蓮服務所設人事管理員一人，依法辦理人事管理事項。")
    unit 臺北服務所
    unit 高雄服務所
    unit 花蓮服務所
    unit 臺北服務所/人事室
    unit 高雄服務所/人事室
    duty 臺北服務所/人事室 人事管理事項
    duty 高雄服務所/人事室 人事管理事項
    """
    owners = [o for o in para.owner if o != parser.agency] if isinstance(para.owner, list) else []
    set_up = SETS_UP.search(para.text)
    if len(owners) < 2 or para.post or not set_up or re.search(r"[，。；：]", para.text[:set_up.start()]):
        return None
    paths = [p for owner in owners for name in listed_names(set_up.group("list"))
             if (p := parser.unit(name, para.line, owner))]
    duty = DUTY_VERB.search(para.text[set_up.end():])
    if duty and not POINTS_ELSEWHERE.search(duty.group("duty")):
        for path in paths:
            parser.duty(path, duty.group("duty"), para.line)
    return NO_LIST if paths else None


def body_with_its_own_law(parser: StructureParser, para: Paragraph) -> None:
    """「國家安全局組織另以法律定之」: a body whose organization a law of its own sets is an agency under this
    one, though no list sets it up (「國家安全會議及其所屬國家安全局應受立法院之監督」).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本會及其所屬國家安全局應受監督，國家安全局組織另以法律定之。", "第 3 條",
    ...      "前項分臺之組織，另以法律定之。")
    unit 國家安全局
    """
    for m in OWN_LAW.finditer(para.text):
        parser.unit(m.group("name"), para.line)
    return None


def subsidiary_unit(parser: StructureParser, para: Paragraph) -> None:
    """「本段依業務需要設樹林機務分段附屬單位。」 (K0010100, and the 分駐所 and 分段 of four more railway 段): the
    subsidiary unit named before 附屬單位 is a unit, which a later article charges by its name.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局依業務需要設樹林機務分段附屬單位。", "第 3 條", "樹林機務分段掌理動力車運轉、檢修等業務。")
    unit 樹林機務分段
    duty 樹林機務分段 動力車運轉、檢修等業務
    """
    if para.owner == parser.agency and not para.post and (m := SUBSIDIARY_SET_UP.search(para.text)):
        parser.unit(m.group("name"), para.line)
    return None


def divisions_divided(parser: StructureParser, para: Paragraph) -> None:
    """「高等行政法院得視事務之繁簡，就高等行政訴訟庭及地方行政訴訟庭分設各庭，每庭各置庭長一人，法官若干人。」
    (A0010061, A0030229): the court's divisions, named before 分設各庭, are its units (各庭 a count of each).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局得視事務之繁簡，就高等行政訴訟庭及地方行政訴訟庭分設各庭，每庭各置庭長一人，法官若干人。")
    unit 高等行政訴訟庭
    unit 地方行政訴訟庭
    """
    if para.owner == parser.agency and not para.post and (m := DIVISIONS_DIVIDED.search(para.text)):
        for name in re.split(r"及|、", m.group("list")):
            parser.unit(name, para.line)
    return None


def subordinate_agencies(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「本部之次級機關及其業務如下：」: a list of the agencies under this one.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局之所屬機關如下：", "一、北區分局。")
    unit 北區分局
    """
    if SUBORDINATE.search(para.text) and para.intro and \
            not (isinstance(para.owner, tuple) and para.owner != parser.agency):
        # (a unit's 「…及其所屬機關之…，辦理下列事項：」 lists duties)
        return ListContext(parser.agency, "", Mode.UNITS)
    return None


def units_listed(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「第一組掌理…事項。分設左列各科辦事：」: the units listed belong to the paragraph's subject.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設第一組。", "第一組分設左列各科辦事：", "一、文書科。")
    unit 第一組
    unit 第一組/文書科

    「本會委員分為左列三組，負責法規案件之初審及研究。」 (G0300007): a committee's groups are its units.

    >>> demo("第 2 條", "本局委員分為左列三組，負責法規案件之初審及研究。", "一、第一組：研審賦稅法規案件。")
    unit 第一組
    duty 第一組 研審賦稅法規案件

    An item names the units its unit divides into, or the one it sets up, to do its work (I0010100):

    >>> demo("第 2 條", "矯正學校設下列處、隊、室：", "一、教務處，分教學、註冊及設備三組辦事。",
    ...      "三、輔導處，設輔導組辦事。")
    unit 教務處
    unit 教務處/教學組
    unit 教務處/註冊組
    unit 教務處/設備組
    unit 輔導處
    unit 輔導處/輔導組
    """
    kinds = KINDS_OF_BODIES.match(para.text)
    if not SETS_UP_LIST.search(para.text) and not (kinds and parser.is_self(kinds.group("who"))):
        return None
    owner = para.owner
    parent = owner if owner is not None and not isinstance(owner, list) and not para.post else parser.agency
    if parent != parser.agency and (charged := SUMMARY_BEFORE_SPLIT.match(para.text)):
        parser.duty(parent, charged.group("duty"), para.line)  # 「第一組掌理…等事項，分設下列各科辦事：」
    return ListContext(parent, "", Mode.UNITS)


def agency_as_subject(parser: StructureParser, para: Paragraph) -> None:
    """Learns that the agency is the subject: 「本局…」 by its own name, 「一、二等分局設人事室」 (the classes of a
    family's offices), and the post it names: 「本局置秘書一人，掌理…」.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局置秘書一人，其掌理事項如下：", "一、文稿之綜核。")
    duty 本局 文稿之綜核 (秘書)
    """
    names = "|".join(map(re.escape, parser.self_names))
    text = NAMED_BEFORE.sub("", para.text)
    # (「縣政府於必要時，得呈請省政府設置衛生局…」 in 縣組織法: the 縣政府 it set up, not 縣)
    organ = next((path for name, path in parser.known.items() if path != parser.agency and text.startswith(name)
                  and any(name.startswith(own) and len(name) > len(own) for own in parser.self_names)), None)
    if para.owner is None and organ:
        para.owner = organ
    if para.owner is None and text.startswith(tuple(parser.self_names)):
        para.owner = parser.agency
    if para.owner is None and re.match(rf"^{FAMILY_CLASSES}(?:{names})(?:設|置)", para.text):
        para.owner = parser.agency
    if para.owner == parser.agency and not para.post:
        named_post = re.match(rf"^\S{{1,12}}?置({POST})[一二兩]?人?，(?:其)?(?:掌理|權責|職掌)", para.text)
        para.post = named_post.group(1) if named_post else ""
    return None


def own_powers(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「市參議會之職權如左：」 (D0000114), 「本會之職權如下：」 (A0010119): a council's or a representative body's
    職權 are its duties, the list that follows; a post's or a meeting's are not the agency's (「本府主席之職權如左：」,
    「本會委員會議職權如左：」).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局之職權如左：", "一、議決預算事項。", "第 3 條", "本局委員會議職權如左：", "一、審議法規。")
    duty 本局 議決預算事項

    如次 is 如下 too (「放款審核委員會之職權如次：」, G0300042):

    >>> demo("第 2 條", "本局之職權如次：", "一、關於大額放款之審議事項。")
    duty 本局 關於大額放款之審議事項

    So are those of a unit the document set up (「縣設縣參議會…」 + 「縣參議會之職權如左：」, D0020016):

    >>> demo("第 2 條", "本局設法規委員會。", "第 3 條", "法規委員會之職權如左：", "一、建議縣政興革事項。")
    unit 法規委員會
    duty 法規委員會 建議縣政興革事項
    """
    m = OWN_POWERS.match(para.text)
    who = m.group("who") if m else ""
    # (the end of the agency's name, 「放款審核委員會之職權如次：」 in 信用合作社放款審核委員會's rules, is the agency,
    # as cases_taken_up reads it)
    end_of_name = para.owner is None and len(who) >= 4 and parser.agency[-1].endswith(who)
    if m and (para.owner == parser.agency or end_of_name) and not para.post and \
            (parser.is_self(who) or who in parser.self_names or end_of_name):
        return ListContext(parser.agency, "", Mode.AGENCY)
    if m and not para.post and (unit := parser.known.get(who)) and unit != parser.agency:
        # 「縣參議會之職權如左：」 (D0020016) after 「縣設縣參議會」: the powers of a unit the document set up
        return ListContext(unit, "", Mode.DUTIES)
    return None


def set_up_in_the_articles_unit(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「第八處分設二科，掌理下列事項：」 … 「設查核組（任務編組），任務如下：」 (F0010004): a paragraph with no subject
    that sets a unit up goes on with its article's unit, and the list after it is the new unit's.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設第八處。", "第 3 條", "第八處分設二科，掌理下列事項：", "一、第一科：", "（一）工程。",
    ...      "設查核組（任務編組），任務如下：", "一、綜理公共工程施工品質查核。")
    unit 第八處
    unit 第八處/第一科
    unit 第八處/查核組
    duty 第八處/第一科 工程
    duty 第八處/查核組 公共工程施工品質查核
    """
    m = NO_SUBJECT_SET_UP.match(para.text)
    if not m or parser.article_owner is None or para.owner != parser.agency:
        return None
    names = [n for n in split_unit_list(m.group("list"), strict=True) if not COUNTED.match(n)]
    force = re.search(r"（(?P<what>\S{0,3}任務編組)）", para.line.body)
    paths = [p for n in names if (p := parser.unit(n, para.line, parser.article_owner,
                                                   note=force.group("what") if force else ""))]
    if not paths:
        return None
    return ListContext(paths if len(paths) > 1 else paths[0], "", Mode.DUTIES) if para.duty_intro else NO_LIST


def agency_sets_up(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「本局設下列各組：」, 「本會設秘書室掌理議事…」, 「本局設第一組、第二組，分別掌理前條所列事項」: the agency sets
    units up, with what they do when the sentence says it.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設秘書室掌理文書、出納事項。", "本局設下列各組：", "一、第一組。")
    unit 秘書室
    unit 第一組
    duty 秘書室 文書、出納事項

    「本局設各課及工場，分別掌理下列事項：」: 各 is every 課 and every 工場, which the items name (K0000127); an item
    may name its unit and its duty in one sentence (「一、秘書處掌理…事項。」, D0000117):

    >>> demo("第 2 條", "本局設各課及工場，分別掌理下列事項：", "一、教務課：訓練計畫事項。",
    ...      "二、實習工場掌理車輛修護事項。")
    unit 教務課
    unit 實習工場
    duty 教務課 訓練計畫事項
    duty 實習工場 車輛修護事項

    「本院設各科、室，掌理…事項。」 (L0000047): units none named, whose work is the agency's:

    >>> demo("第 3 條", "本局設各科、室，掌理民眾衛生醫療保健、醫務人員實習訓練與教學研究相關事項。")
    duty 本局 民眾衛生醫療保健、醫務人員實習訓練與教學研究相關事項

    The list ends where 分別掌理 begins or before an aside (D0010035, D0000099); 「，並掌理下列事項：」 after it goes
    on with the agency; 「局長綜理局務，並設左列各課室。」 is the agency's set-up though a post opens it (J0010004):

    >>> demo("第 2 條", "本局設業務組、修護組 (第一、二組) ，並掌理下列事項：", "一、防空情報之蒐集。",
    ...      "本局局長綜理局務，並設左列各課室。", "一、第一課", "二、人事室")
    unit 業務組
    unit 修護組
    unit 第一課
    unit 人事室
    duty 本局 防空情報之蒐集

    A works set up in prose with a head or a duty of its own (F0000024); its establishment, the units it sets up
    (F0000013):

    >>> demo("第 2 條", "本局設實習工廠，置廠長、技術員，辦理實作訓練及機具修護保養等工作。",
    ...      "本局設機械修配調度總廠，辦理機械作業統一調配等業務，其編制如左：", "一、置廠長、副廠長，分掌各項業務。",
    ...      "二、設人事室，置主任、組員，依法辦理人事管理業務。")
    unit 實習工廠
    unit 機械修配調度總廠
    unit 機械修配調度總廠/人事室
    duty 實習工廠 實作訓練及機具修護保養等工作
    duty 機械修配調度總廠 機械作業統一調配等業務

    The places a kind is set up in name its members (K0000109), which 各設 then finds by their kind:

    >>> demo("第 2 條", "本局為分區辦理貨運業務，得於臺北、臺中各地分設服務所。", "服務所各設會計室。")
    unit 臺北服務所
    unit 臺中服務所
    unit 臺北服務所/會計室
    unit 臺中服務所/會計室

    What the one unit set up does, said as 業務 or 工作 (「總統府設法規委員會，辦理法制業務，…」, A0010012):

    >>> demo("第 2 條", "本局設法規委員會，辦理法制業務，所需工作人員就本法所定員額內派充之。")
    unit 法規委員會
    duty 法規委員會 法制業務

    A later clause sets up another body besides (「；並另設」, M0000017):

    >>> demo("第 2 條", "本局於臺灣省各地區劃分為若干林區，各設林區管理處；並另設農林航空測量所，"
    ...      "其暫行組織規程另定之。")
    unit 林區管理處
    unit 農林航空測量所

    A unit's own units none named are no part of the list, and a unit named before sets up its own with 並
    (「各設岸巡總隊及所屬單位，東部地區巡防局並設醫務隊」, D0090004):

    >>> demo("第 2 條", "本局設北部地區巡防局、東部地區巡防局。", "第 3 條",
    ...      "本局為應任務需要，設岸巡總隊及所屬單位，東部地區巡防局並設醫務隊，均屬軍職。")
    unit 北部地區巡防局
    unit 東部地區巡防局
    unit 岸巡總隊
    unit 東部地區巡防局/醫務隊
    """
    text, line = para.text, para.line
    set_up = SETS_UP.search(text)
    # 「本分局分局長綜理局務，副分局長襄理局務，並設左列各課室站處。」: a later clause's 並設 is the agency's own.
    own_clause = set_up is not None and AGENCY_CLAUSE.search(text[:set_up.start()])
    if not (para.owner == parser.agency and (not para.post or own_clause) and set_up):
        return None
    if AD_HOC.search(text[:set_up.start()]) or AD_HOC_NAMED.match(set_up.group("list")):
        return NO_LIST  # task forces formed for a job (以任務編組方式組設…施工所)
    if any(f"各{kind}" in text[:set_up.start()] for kind in parser.any_number):
        # 「中央研究院各研究所、研究所籌備處及研究中心設學術諮詢委員會」 (A0010016) after 「設立各種研究所」: one in
        # each of a kind none named, no unit either
        return NO_LIST
    # 「設北區、中區、南區工程處」 (K0000004): regions' heads share the last name's rest (not any heads:
    # 「設執行、專業、支援發展等機構及部隊」 is prose)
    who = re.search(r"(?:[，；。]|(?<=人)、)(?P<who>[^，、；。]{2,16}?)$", text[:set_up.start()])
    owner = parser.known.get(clean_name(who.group("who"))) if who else None
    if owner and owner != parser.agency:
        # 「…，浴場置主任一人、車勤服務部設勞工安全衛生室，並置主任一人」 (K0000115): a unit set up earlier sets up
        # its own, mid-sentence (its subject's own are set up by the rules before)
        for name in listed_names(set_up.group("list")):
            parser.unit(name, line, owner)
        return NO_LIST
    regions = unit_names(set_up.group("list"), parser.known)
    # (「斗六及嘉義辦事處」: places' offices, as regions')
    placed = len(regions) > 1 and (all(REGION_HEAD.match(n) for n in regions) or
                                   bool(PLACES_OFFICES.fullmatch(set_up.group("list"))))
    listed = regions if placed else split_unit_list(set_up.group("list"))
    force = re.match(r"為(?P<what>\S{0,3}任務編組)", text[set_up.end():])
    works_duty = WORKS_DUTY.match(text[set_up.end():])
    works = not listed and set_up.group("list").endswith("廠") and \
        bool(works_duty or re.match(r"[，,]置廠長", text[set_up.end():]))
    if not listed and LISTED_NAME.fullmatch(set_up.group("list")) and \
            (force or works or COUNCIL.fullmatch(set_up.group("list"))):
        # 「設法規會為常設性任務編組」 (D0010116): a 會 named as such; 「設實習工廠，置廠長…」: a works of its own;
        # 「縣設縣參議會」: the council of a local government act
        listed = [set_up.group("list")]
    end = set_up.end()
    more = LIST_GOES_ON.match(text[end:])
    if more and split_unit_list(more.group("more"), strict=True):  # 「設產銷處，財務處、總務處」
        listed += split_unit_list(more.group("more"), strict=True)
        end += more.end()
    # (a place's name may open with a numeral: 「五堵辦事處」 is no count)
    names = [n for n in listed if placed or not COUNTED.match(n)]
    places = PLACES_BEFORE.search(text[:set_up.start()])
    kind = clean_name(set_up.group("list"))
    if places and [clean_name(n) for n in names] in ([], [kind]) and \
            (UNIT_NAME.fullmatch(kind) or ONE_UNIT_WORD.fullmatch(kind) or LISTED_NAME.fullmatch(kind)):
        # 「於臺北、臺中…各地分設服務所」
        names = [place + kind for place in re.split(r"、|及|與", places.group("places"))]
    if re.match(r"設(?:置|立)?各種", set_up.group(0)):
        # 「設立各種研究所」, 「得設立各種研究中心」 (A0010016), 「得設各種專案小組」: any number of a kind, none named
        parser.any_number.update(n for n in names if not ANY_NUMBER_OF.search(n))
        names = []
    elif "各種" in set_up.group(0):  # 「設置工務段、…及各種性質之任務編組」 (K0010041): the list's named units stay
        names = [n for n in names if not ANY_NUMBER_OF.search(n)]
    if set_up.group("list") == "燈塔":
        names = ["燈塔"]
    kinds_only = re.match(r"設(?:置|立)?(?:下列|左列)", set_up.group(0)) and all(TYPE_WORD.fullmatch(n) for n in names)
    if kinds_only or COLLECTIVE_SET_UP.match(set_up.group(0)) and para.intro and names and \
            all(TYPE_WORD.fullmatch(n) or len(n) <= 2 for n in names):
        # 「本會得設下列小組，分別辦理…：」, 「本站設左列各組室，並得分股辦事。」, 「設各課及工場，分別掌理下列事項：」
        # (各 is every 課 and every 工場): the type word only introduces the list; what the units do together
        # (「設左列各處組，辦理會議、文書…事項：」) is the agency's, unless it only points elsewhere (第二條所列事項).
        together = DUTY_VERB.search(text[end:])
        if together and not re.search(r"第\S{1,4}條|前條|前項|^\S{0,4}(?:有關|下列|左列)事項$", together.group("duty")):
            parser.duty(parser.agency, together.group("duty"), line)
        return ListContext(parser.agency, "", Mode.UNITS)
    if COLLECTIVE_SET_UP.match(set_up.group(0)) and not para.intro and \
            all(TYPE_WORD.fullmatch(n) for n in re.split(r"[、及]", set_up.group("list"))) and \
            (together := DUTY_VERB.match(text[end:].lstrip("，,"))) and \
            not POINTS_ELSEWHERE.search(together.group("duty")) and not EMPTY_DUTY.fullmatch(together.group("duty")):
        # 「本院設各科、室，掌理民眾衛生醫療保健、醫務人員實習訓練與教學研究相關事項。」 (L0000047): the units, none
        # named, do the agency's work
        parser.duty(parser.agency, together.group("duty"), line)
        return NO_LIST
    divided = DIVIDED.search(text)
    conditional = "得設（依需要設置）" if re.search(r"得[^。]*$", text[:set_up.start()]) else ""
    notes = "；".join(x for x in (divided.group(0) if divided else "", conditional, force["what"] if force else "")
                     if x)
    # 「設電台一所」 (F0000011): the one unit of that kind is named by its kind word, as 「得設一中隊」's 中隊 is
    paths = [p for p in (parser.unit(n, line, note=notes, family=bool(re.search("[^第]一(?:所|座|個)$", n)))
                         for n in names) if p]
    while paths and (further := FURTHER_SET_UP.match(text[end:])):
        # 「並設製藥工廠」: a 廠 (or 劇團, 園區 …) is a unit named as such in a list of set-ups
        pieces = re.split(r"、|及|與|暨", further.group("list"))
        more_names = pieces if all(UNIT_NAME.fullmatch(n) or LISTED_NAME.fullmatch(n) for n in pieces) else []
        if not more_names:
            break
        note = "得設（依需要設置）" if further.group("cond") else ""
        paths += [p for p in (parser.unit(n, line, note=note) for n in more_names) if p]
        end += further.end()
    below = SET_UP_BELOW.match(text[end:]) if len(paths) == 1 else None
    if below and (children := _set_up_below(parser, paths[0], below.group("list"), line)):
        # 「設農民健康保險部，下設承保、…、財務五科，分別掌理…」: what follows is the unit's, its sections share it out.
        end += below.end()
        duty = DUTY_VERB.search(text[end:])
        if duty and not POINTS_ELSEWHERE.search(duty.group("duty")):
            parser.duty(paths[0], duty.group("duty"), line)
            shares = shared_out(children, duty.group("duty")) if len(children) > 1 and \
                re.search(r"分別(?:掌理|辦理|負責)", text[end:]) else None
            for child, share in (shares or {}).items():
                parser.duty(child, share, line)
            return NO_LIST
    rest = text[end:]
    for also in MEMBER_ALSO_SETS_UP.finditer(rest):
        # 「各設岸巡總隊，東部地區巡防局並設醫務隊」 (D0090004): a member named before sets up its own besides
        if (member := parser.known.get(clean_name(also.group("who")))) and member != parser.agency:
            for name in listed_names(also.group("list")):
                parser.unit(name, line, member)
            rest = rest[:also.start()] + rest[also.end():]
    for named_below in NAMED_SETS_UP_BELOW.finditer(rest):
        # 「本處得設機具所，置主任…，並於機具所下設調派站」 (K0000087): a unit just set up sets up its own
        if (parent := parser.known.get(clean_name(named_below.group("parent")))) in paths and parent is not None:
            for below_name in listed_names(named_below.group("list")):
                parser.unit(below_name, line, parent)
    later = LATER_SET_UP.search(rest) if paths else None
    if later and UNIT_NAME.fullmatch(later.group("name")) and not COUNTED.match(later.group("name")):
        # 「本站設會計室、置主任一人，掌理…事項，設人事室，置主任…，分別掌理人事管理…事項」: each its own duty
        own, own_duty = parser.unit(later.group("name"), line), DUTY_VERB.search(rest[later.end():]) or \
            BY_LAW_DUTY.search(rest[later.end():])
        if own and own_duty:
            parser.duty(own, own_duty.group("duty"), line)
        rest = rest[:later.start()]
    if paths and AGENCY_GOES_ON.match(rest):
        # 「本中心…設業務組、修護組、指揮管制組 (第一、二、三、四組) ，並掌理下列事項：」: 並 goes on with the agency.
        return ListContext(parser.agency, "", Mode.AGENCY) if para.duty_intro else NO_LIST
    duty = DUTY_VERB.search(rest) or (works_duty if works else None) or BY_LAW_DUTY.search(rest) or \
        (SET_UP_WORK.match(rest) if len(paths) == 1 == len(names) and not re.search("[、及]", set_up.group("list"))
         else None)
    if duty and POINTS_ELSEWHERE.search(duty.group("duty")):
        duty = None  # 「…分別掌理本局組織通則第二條及本細則第二章所定事項」 says nothing of its own
    if not duty and paths and all(p[-1].endswith("庭") for p in paths):
        # 「設職務法庭，分庭審判法官法第四十七條…案件」: the cases a chamber hears (a law's article names them)
        duty = CHAMBER_CASES.match(rest)
    if not duty and len(paths) == 1 and "置" in rest and (staff := STAFF_SHARES.search(rest)) and \
            not POINTS_ELSEWHERE.search(staff.group("duty")):
        duty = staff  # 「懲戒法院設書記廳，置書記官長…，分掌紀錄、文書…等事務」: its staff share out its work
    if paths and RESPECTIVE.search(rest):
        # 「七組至九組及救災救護指揮中心」 names only some of its units: their order tells nothing.
        parser.infer_respective(paths, ordered=len(paths) == len(listed) > 1)
    elif paths and duty:
        shares = shared_out(paths, duty.group("duty")) if len(paths) > 1 and \
            re.search(r"分別(?:掌理|辦理|負責)", rest) else None
        for p in paths:
            parser.duty(p, shares[p] if shares else duty.group("duty"), line)
    elif paths and (purpose := PURPOSE_OF_SET_UP.search(text[:set_up.start()])) and \
            not NEED.search(purpose.group("purpose")) and "以" not in purpose.group("lead"):
        # 「本館為加強臺灣史之研究…，設臺灣文獻館」: what the unit is set up for is its mandate.
        for p in paths:
            if p != parser.agency:
                parser.duty(p, purpose.group("purpose"), line)
    if para.intro and not paths:
        return ListContext(parser.agency, "", Mode.UNITS)
    if len(paths) == 1 and ESTABLISHMENT.search(text):
        return ListContext(paths[0], "", Mode.UNITS)  # 「…設機械修配調度總廠，…，其編制如左：」: its posts and units
    if para.duty_intro and len(paths) > 1 and SHARED_OUT_LIST.search(rest):
        # 「本處設總務、會計二課，分掌事項如下：」 + 「一、總務課－掌理…」: each item names its unit; an item
        # naming none is the agency's, which its units share out.
        return ListContext(parser.agency, "", Mode.AGENCY)
    # 「市設市政府，其職權如左：」 (D0020014): a body's 職權 are its duties (as OWN_POWERS)
    powers = re.search(r"[，,]其職權如[左下][：:]$", rest)
    return ListContext(paths[-1], "", Mode.DUTIES) if (para.duty_intro or powers) and len(paths) == 1 else NO_LIST


def _set_up_below(parser: StructureParser, parent: tuple[str, ...], text: str, line: Line) -> list[tuple[str, ...]]:
    """The units 「下設承保、現金給付、醫療給付、給付會計、財務五科」 sets up under ``parent``: none when the count
    after the list is not the number of its names (「下設承保、現金給付、醫療給付  給付會計、財務五科」, a typist's
    spaces for 、, N0000005's 第9條, names four)."""
    names = listed_names(text)
    count = re.search(rf"(?<!第)([{CN_NUM}]+)[科課股組室處隊]$", text)
    if count and cn_number(count.group(1)) != len(names):
        return []
    return [p for p in (parser.unit(n, line, parent) for n in names) if p]


def unit_sets_up(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「秘書處設文牘科、收發科，分掌下列事項：」: a unit sets up its own sections; the list after them, when the
    intro says it is one of duties, is the unit's, which its sections share out (「港務組設港灣、繫船二科，分別掌理下列
    事項：」, K0010049), as the agency's is when it names its units so.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設秘書處。", "秘書處設文牘科、收發科，分掌下列事項：", "一、文書。")
    unit 秘書處
    unit 秘書處/文牘科
    unit 秘書處/收發科
    duty 秘書處 文書
    """
    owner, text = para.owner, para.text
    if not isinstance(owner, tuple):
        return None
    subject_end = text.find(owner[-1]) + len(owner[-1])
    own = SETS_UP.search(text, subject_end) if subject_end > 0 and owner != parser.agency and not para.post else None
    if not own or own.start() > subject_end + 2:
        return None
    divided = DIVIDED.search(text)
    # 「書記處得分設…科」 (A0030229): the sections a unit may set up, as needed
    conditional = "得設（依需要設置）" if "得" in text[subject_end:own.start()] else ""
    note = "；".join(x for x in (divided.group(0) if divided else "", conditional) if x)
    paths = [p for p in (parser.unit(n, para.line, parent=owner, note=note)
                         for n in listed_names(own.group("list"))) if p]
    if paths and para.intro:
        return ListContext(owner, "", Mode.DUTIES if para.duty_intro else Mode.UNITS)
    rest = text[own.end():]
    duty = DUTY_VERB.search(rest)
    work = SET_UP_WORK.match(rest) if len(paths) == 1 and not duty else None
    if work:  # 「…得設執行科，掌理關於刑事執行事務，並得分股辦事。」: the section's own work
        parser.duty(paths[0], work.group("duty"), para.line)
    if paths and not duty and all(p[-1].endswith("庭") for p in paths) and (cases := CHAMBER_CASES.match(rest)):
        for p in paths:  # 「最高行政法院設大法庭，裁判法律爭議。」: what the chamber set up hears
            parser.duty(p, cases.group("duty"), para.line)
    if len(paths) == 1 and not duty and "置" in rest and (staff := STAFF_SHARES.search(rest)) and \
            not POINTS_ELSEWHERE.search(staff.group("duty")):
        parser.duty(paths[0], staff.group("duty"), para.line)  # 「地方法院設書記處，置…，分掌紀錄…等事務」
    if paths and duty and not RESPECTIVE.search(text):
        if "置" in rest[:duty.start()]:
            # 「地方法院設人事室，置主任一人，…依法律規定辦理人事管理、人事查核等事項。」 (A0010053, A0010055): the
            # office staffed right away does what follows, as the agency's are (「…設會計室、統計室，…分別辦理…」)
            _staffed_duties(parser, paths, rest, para.line)
        else:
            parser.duty(owner, duty.group("duty"), para.line)
    return NO_LIST if paths else None


def _staffed_duties(parser: StructureParser, paths: list[tuple[str, ...]], rest: str, line: Line) -> None:
    """The duties of units just set up and staffed: each clause's (「人事室置主任…，辦理人事管理…事項；會計室置會計主任
    …，辦理會計及統計事項」, K0000012) is the unit it names, else every unit's, shared out when 分別 says so."""
    for clause in re.split(r"[；。]", rest):
        duty = DUTY_VERB.search(clause)
        if not duty:
            continue
        named = [p for p in paths if p[-1] in clause[:duty.start()]]
        owners = named if len(named) == 1 else paths
        shares = shared_out(owners, duty.group("duty")) if len(owners) > 1 and "分別" in clause[:duty.start()] \
            else None
        for p in owners:
            parser.duty(p, shares[p] if shares else duty.group("duty"), line)


def agency_sentence(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """The agency's duty in one sentence: what it staffs for (「本局為辦理…，得聘用…」), what a post it sets up
    does (「本局置消費者保護官，…掌理消費者保護事項」), its mandate (「本局掌理財物驗收、倉儲等業務。」).

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局置消費者保護官，受局長指揮，掌理消費者保護事項。")
    duty 本局 消費者保護事項 (消費者保護官)

    Staff placed to help with its work (「…置當地僱用人員，協助館務。」, E0000017):

    >>> demo("第 2 條", "本局得商請警政主管機關，置專業警察，協助執行衛生醫療法令。")
    duty 本局 協助執行衛生醫療法令 (專業警察)

    The work the staff it places share out (「本所置人事管理員及會計員各一人，委任；…分掌人事管理、歲計、會計及統計
    事務。」, I0000002):

    >>> demo("第 2 條", "本局置人事管理員及會計員各一人，委任；助理員一人，委任；分掌人事管理、歲計、會計及統計事務。")
    duty 本局 人事管理、歲計、會計及統計事務 (人事管理員、會計員、助理員)

    The powers a law gives it (「行政院行使憲法所賦予之職權。」, A0010032):

    >>> demo("第 2 條", "本局行使憲法所賦予之職權。")
    duty 本局 行使憲法所賦予之職權

    What the body is before its mandate, and whom it acts on (「參謀本部為部長之軍令幕僚及三軍聯合作戰指揮機構，
    掌理…事項。」, 「參謀本部對依國防部命令編配之機關、作戰部隊，執行軍隊指揮事項。」, F0000002):

    >>> demo("第 2 條", "本局為部長之軍令幕僚及三軍聯合作戰指揮機構，掌理律定作戰序列事項。",
    ...      "本局對依國防部命令編配之機關、作戰部隊，執行軍隊指揮事項。")
    duty 本局 律定作戰序列事項
    duty 本局 軍隊指揮事項
    """
    text = para.text
    if not (para.owner == parser.agency and not para.post and not para.intro):
        return None
    staffed = STAFFED_FOR.match(text)
    if staffed and text.startswith(tuple(parser.self_names)) and \
            not re.search(r"需要|特定|專門性|技術性", staffed.group("duty")):
        parser.duty(parser.agency, staffed.group("duty"), para.line)
        return NO_LIST
    held = POST_DUTY.search(text)
    titles = held.group("titles").split("、") if held else []
    if held and titles and all(len(t) <= 8 and not re.search(r"職務|列|事項|業務|之|[設得]", t) for t in titles):
        parser.duty(parser.agency, held.group("duty"), para.line, post=held.group("titles"))
        return NO_LIST
    shares = POSTS_SHARE.search(text)
    placed = [t for piece in re.split(r"[，；、]", shares.group("titles")) if shares
              for t in re.split(r"及", re.sub(rf"(?:各)?[{CN_NUM}]+人(?:至[{CN_NUM}]+人)?$", "", piece))
              if t and not re.search(rf"[簡薦委]任|職務|列|[{CN_NUM}]人|[設得]|之", t)] if shares else []
    if shares and placed and all(len(t) <= 8 for t in placed):
        parser.duty(parser.agency, shares.group("duty"), para.line, post="、".join(placed))
        return NO_LIST
    assists = POST_ASSISTS.search(text)
    if assists and not re.search(r"職務|列|事項|業務|之|[設得]", assists.group("titles")):
        # 「…遴用當地專業人員及置當地僱用人員，協助館務。」: what they help with is the agency's work
        parser.duty(parser.agency, assists.group("duty"), para.line, post=assists.group("titles"))
        return NO_LIST
    mandate = MANDATE_SENTENCE.match(text) or POWERS_BY_LAW.match(text)
    if mandate and text.startswith(tuple(parser.self_names)):
        parser.duty(parser.agency, mandate.group("duty"), para.line)
        return NO_LIST
    return None


def issues_orders(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「設治局於不牴觸中央及省之法令範圍內，得發布局令及單行規章。」 (D0000116), 「本署為執行警察業務，對各級警察機關得
    發布署令。」 (D0000015): the power of the agency (or of a unit: a city's 市政府) to issue its orders is its duty.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局為執行業務，對所屬機關得發布局令。", "局長依法令行使職權得發布命令。")
    duty 本局 發布局令
    """
    m = ISSUES_ORDERS.search(para.text)
    if not m or para.post or para.intro or not isinstance(para.owner, tuple):
        return None
    parser.duty(para.owner, "發布" + m.group("what"), para.line)
    return NO_LIST


def no_subject(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """A paragraph whose subject is no unit, post or agency opens nothing (「本細則依…訂定之。」)."""
    return NO_LIST if para.owner is None else None


def cases_taken_up(parser: StructureParser, para: Paragraph) -> None:
    """「本會受理建築師懲戒覆審案件後依左列程序處理之：」 (D0000009), 「本會審議政黨處分事件時，…」 (D0000041): the
    cases the agency takes up are its duty, whatever the sentence (and the list it opens) says of how.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局審議懲戒案件得按情節輕重為下列之處分：", "一、口頭道歉。")
    duty 本局 審議懲戒案件
    """
    if para.owner not in (None, parser.agency) or para.post:
        return None
    # (the end of the agency's name, 「紀律委員會」 in 國民大會紀律委員會's rules, is the agency, as a unit's name is)
    own = re.match(r"^(?P<own>[^，。；：]{2,20}?)(?=受理|審議)", para.text)
    name = own.group("own") if own else ""
    ours = parser.is_self(name) or len(name) >= 4 and parser.agency[-1].endswith(name)
    cases = CASES_TAKEN_UP.match(para.text[own.end():]) if own and ours else None
    if cases and not POINTS_ELSEWHERE.search(cases.group("duty")):
        parser.duty(parser.agency, cases.group("duty"), para.line)
    return None


def summary(parser: StructureParser, para: Paragraph) -> None:
    """「X科掌理A、B等事項。分設二股…」: the summary sentence before the list is a duty of X.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設第一科。", "第一科掌理文書、檔案等事項。其職掌如下：", "一、收發。")
    unit 第一科
    duty 第一科 文書、檔案等事項
    duty 第一科 收發
    """
    if para.owner != parser.agency:
        # (「審查三科掌理菸酒稅、…之稽徵及檢舉違章漏稅案件之查緝。分設三股，…」, 「第一組掌理證券募集與發行之核准，…
        # 等事項，分設下列各科辦事：」: before the clause dividing the unit, whatever the summary ends with)
        para.summary = re.match(r"^[^。]*?掌理(?P<duty>[^。：]+?事項)。", para.text) or \
            SUMMARY_BEFORE_SPLIT.match(para.text)
        if para.summary:
            for owner in _owners(para):
                parser.duty(owner, para.summary.group("duty"), para.line)
    return None


def one_section_set_up(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「法務一科掌理…等事宜。設法規管制股，其職掌如下：」 (G0310013): the one section a unit sets up after its summary
    owns the list.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設法務一科。", "第 3 條",
    ...      "法務一科掌理行政救濟案件之處理等事宜。設法規管制股，其職掌如下：", "一、稅務法令之轉行。")
    unit 法務一科
    unit 法務一科/法規管制股
    duty 法務一科/法規管制股 稅務法令之轉行
    """
    owner = para.owner
    if not isinstance(owner, tuple) or owner == parser.agency or para.post:
        return None
    m = ONE_SECTION_SET_UP.search(para.text)
    section = parser.unit(m.group("name"), para.line, parent=owner) if m else None
    return ListContext(section, "", Mode.DUTIES) if section else None


def duty_list(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """「第一組掌理事項如下：」, 「本局掌理下列事項：」, 「秘書權責如下：」: the owner's duties follow.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局掌理下列事項：", "一、關務。", "第 3 條", "秘書權責如下：", "一、文稿之綜核。")
    duty 本局 關務
    duty 本局 文稿之綜核 (秘書)

    A unit's 職責 and 掌管 are its 職掌 (「第一組職責如左：」, S0070007; 「第二組設組長…其掌管事項如左：」, J0010003):

    >>> demo("第 2 條", "本局設一、二組。", "第 3 條", "第一組職責如左：", "一、本保險法制之研究。",
    ...      "第 4 條", "第二組設組長一人，其掌管事項如左：", "一、財務之監理。")
    unit 第一組
    unit 第二組
    duty 第一組 本保險法制之研究
    duty 第二組 財務之監理

    A unit's head leading it (「第一課課長承分局長之命綜理課務，並督率所屬辦理左列事項：」, J0010005): the list is
    the unit's:

    >>> demo("第 2 條", "本局設第一課。", "第 3 條", "第一課課長承局長之命綜理課務，並督率所屬辦理左列事項：",
    ...      "一、關於農產品之檢驗執行事項。")
    unit 第一課
    duty 第一課 關於農產品之檢驗執行事項

    Sections whose items are a name alone, or a name with its other name in brackets, their duties as sub-items
    below (「第一組 (藥物化學組) 分設三科，各科掌理事項如左：」 + 「一、第一科 (藥品一科)」, L0010005), and the
    sections' heading with 管理 for 掌理 (「養殖漁業組分設四科，各科管理下列事項：」, M0010009):

    >>> demo("第 2 條", "本局設第一組、養殖漁業組。", "第 3 條", "第一組 (藥物化學組) 分設三科，各科掌理事項如左：",
    ...      "一、第一科 (藥品一科)", " (一) 關於輸入一般藥品查驗登記案件之檢驗事項。", "第 4 條",
    ...      "養殖漁業組分設四科，各科管理下列事項：", "一、養殖漁業科", "（一）養殖漁業發展政策規劃及擬訂。")
    unit 第一組
    unit 養殖漁業組
    unit 第一組/第一科
    unit 養殖漁業組/養殖漁業科
    duty 第一組/第一科 關於輸入一般藥品查驗登記案件之檢驗事項
    duty 養殖漁業組/養殖漁業科 養殖漁業發展政策規劃及擬訂
    """
    if not para.duty_intro:
        return None
    charged = OBJECT_CLAUSE.match(para.text) if not para.summary else None
    if charged and not para.post:  # 「第二組主管選務，掌理下列事項：」
        for owner in _owners(para):
            parser.duty(owner, charged.group("duty"), para.line)
    mode = Mode.AGENCY if para.owner == parser.agency and not para.post else Mode.DUTIES
    return ListContext(para.owner, para.post, mode)


def other_list(parser: StructureParser, para: Paragraph) -> ListContext | None:
    """A list of something else than duties (a meeting's members, 得由局行文 matters) opens nothing; so do rules
    to follow and conditions (A0010019), though their intro says 辦理:

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設第一組。", "第一組會議審查聘任案時依下列規定辦理：",
    ...      "一、討論新聘研究人員時，…均得出席參與討論。",
    ...      "第一組合於下列條件者，其組務會議得依前項規定辦理聘審事宜：", "一、有七名以上研究員時，得審查新聘事宜。")
    unit 第一組
    """
    return NO_LIST if para.intro else None


def one_sentence_duty(parser: StructureParser, para: Paragraph) -> ListContext:
    """「第二組掌理選舉人名冊之編造。」, 「人事室依法辦理人事管理事項。」: the duty after the subject's verb.

    >>> from loaders.acts.structure import demo
    >>> demo("第 2 條", "本局設第二組、人事室。", "第二組掌理選舉人名冊之編造。", "人事室依法辦理人事管理事項。")
    unit 第二組
    unit 人事室
    duty 第二組 選舉人名冊之編造
    duty 人事室 人事管理事項
    """
    owner, summary_match = para.owner, para.summary
    duty = DUTY_VERB.search(para.text)
    if duty is None and owner != parser.agency:
        duty = re.match(r"^[^，。；]{2,30}?(?:掌理|職掌為|負責)(?P<duty>[^；。：]{2,})", para.text)
    if duty and (owner != parser.agency or para.post) and \
            not (summary_match and summary_match.start("duty") == duty.start("duty")):
        # 「人事室、會計室及統計室，分別依照法令辦理人事管理…事項」: each takes its share of what they do
        shares = shared_out(para.owner, duty.group("duty")) if isinstance(para.owner, list) and \
            len(para.owner) > 1 and "分別" in para.text[:duty.start()] else None
        for o in _owners(para):
            parser.duty(o, shares[o] if shares else duty.group("duty"), para.line,
                        post=para.post if o == parser.agency else "")
    return NO_LIST


def _owners(para: Paragraph) -> list[tuple[str, ...]]:
    """The units a paragraph is about (one, or several: 「第一組、第二組掌理…」); no_subject leaves no paragraph
    without an owner to the rules after it."""
    if isinstance(para.owner, list):
        return para.owner
    return [para.owner] if para.owner is not None else []


class Rule(NamedTuple):
    name: str
    apply: Callable[[StructureParser, Paragraph], ListContext | None]


# In this order: the first rules that decide win (a continuation before a subject is looked for, the
# agency's set-ups before a unit's own, a list of duties before any other list).
RULES: tuple[Rule, ...] = tuple(Rule(f.__name__, f) for f in (
    continuation, assigned_staff, posts_office, list_charged_to, posts_list, charged_by_name, brought_to, charged_after,
    named_members,
    earlier_units_duties, body_with_its_own_law, set_up_by_the_body_above, subject,
    each_sets_up, set_up_in_a_named_unit, named_together_set_up, subordinate_agencies, units_listed,
    agency_as_subject, subsidiary_unit, divisions_divided, own_powers, set_up_in_the_articles_unit, agency_sets_up,
    unit_sets_up,
    issues_orders, agency_sentence, cases_taken_up, no_subject, summary,
    one_section_set_up, duty_list, other_list, one_sentence_duty))
