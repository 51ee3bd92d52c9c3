"""The structure shared by organization acts and office rules.

Both genres set up units and duties with the same conventions, article by
article (第N條):

- 「本局掌理下列事項：」 + items            → duties of the agency
- 「本署設下列組、室：」 + 「一、X組，分三科辦事。」 → units
- 「本局設A、B及C，得分科辦事，分別掌理前條所列事項」 → units (+ inferred duties)
- 「本局設總務處，掌理…事項」 / 「…依法辦理人事管理事項」 → a unit with its duty
- 「X組置組長…，分四科辦事，其掌理事項如下：」 + 「一、第一科：…」 → sections with duties
- 「X科掌理…等事項。分設二股，各股之職掌如下：」 + 「一、規劃股」 + 「（一）…」 → teams
- 「主任秘書權責如下：」 / 「本局置主任秘書一人，其掌理事項如下：」 → duties of a post

Enumeration depth is read from the marker styles in the order an article uses
them (一、 then （一） then 1.), never from indentation or line layout.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from graph_model.records.duties import duty_flags, normalize_duty
from graph_model.records.naming import UNIT_SUFFIX_PATTERN, classify_unit, fold_name, is_self_reference
from graph_model.records.records import Document, DutyRecord, ParsedDocument, UnitRecord, Unplaced
from loaders.common import (
    LOCAL_LEVELS,
    UNIT_NAME,
    definitions_in,
    expand_names,
    expanded_from,
    source_of,
    split_duties,
    split_unit_list,
)
from loaders.read.text import CN_NUM, Line, logical_lines

from .agency import document_agency
from .councils import councils_in
from .meetings import meetings_in
from .paragraphs import Mode, read as read_paragraph
from .patterns import (
    ACTIVE_SUBJECT,
    AGENCY_DEPARTMENT,
    BY_UNITS,
    COLLECTIVE,
    COUNTED,
    DEPARTMENTS_ARE_AGENCIES,
    DIVIDED,
    DUTY_VERB,
    EMPTY_DUTY,
    FAMILY_CLASS,
    FAMILY_OF_A_KIND,
    HEADS_DUTIES,
    INLINE_UNIT,
    ITEM_HEAD_ASIDE,
    ITEM_NAME_COMMA,
    ITEM_NAME_SEMICOLON,
    ITEM_SETS_UP,
    ITEM_TEAMS_TAIL,
    ITEM_UNIT_DUTY,
    LIST_INTRO,
    LIST_KINDS,
    LISTED_JOINED,
    LISTED_NAME,
    LISTED_UNIT,
    NAME_WITH_ALTERNATE,
    NAMED_SETS_UP_BELOW,
    NESTED_COUNTS,
    NESTED_SET_UP,
    NON_STRUCTURE_CHAPTER,
    ONE_UNIT_WORD,
    POST,
    POST_TITLE,
    PROSE_NAME,
    PURPOSE,
    RELATIVE_SUO,
    SCHOOL,
    SCHOOLS_COLLEGE,
    SET_UP_TO,
    SET_UP_TO_REVIEW,
    SPLIT_CLAUSE,
    SPLIT_INTO,
    STAFFING_CLAUSE,
    STAFFING_MORE,
    SUB_LIST_KINDS,
    SUBJECT_COMMA_SETS_UP,
    SUBJECT_END,
    TOGETHER,
    UNIT_ACTIVE,
    UNIT_HEAD,
    UNITS_AND_STAFF,
    UNITS_CHARGED_BY_RULE,
    UNMARKED_ITEM,
)
from .posts import document_posts
from .unit_names import (
    bare,
    category_members,
    clean_name,
    counted_set_up,
    list_frame,
    listed_names,
    split_names,
    unit_names,
)


class StructureParser:
    """Walks logical lines article by article and emits unit/duty records."""

    def __init__(self, parsed: ParsedDocument, agency: tuple[str, ...], self_names: set[str],
                 on_article: Callable[[list[Line], StructureParser], None] | None = None):
        self.parsed, self.agency, self.self_names = parsed, agency, set(self_names)
        self.doc = parsed.document.id
        self.known: dict[str, tuple[str, ...]] = {}
        self.agency_duties: list[tuple[str, Line, str]] = []
        self.last_owner: tuple[str, ...] | None = None
        self.article_owner: tuple[str, ...] | None = None  # the unit the current article's first paragraph is about
        self.on_article = on_article
        self.written: dict[str, str] = {}
        self.article_units: list[tuple[str, ...]] = []  # units the current article set up, in order
        self.seen: list[Line] = []  # the lines read so far (not their bodies: a Line makes each anew)
        # expanded name → the collective or range it was written as
        self.folded_self = {fold_name(n) for n in self.self_names}
        self.recorded = {u.path for u in parsed.units}
        self.list_named = False  # an item of the current list has named its unit
        self.decides: list[str] = []  # matters brought to the agency to decide (no mandate of it)
        self.list_kinds = ""  # the kinds of unit the current list's intro names (「設左列各科、園」)
        self.item_kinds: dict[int, str] = {}  # … a unit's item names for its sub-list, by level (「分左列各科、庫：」)
        self.list_note = ""  # what every unit of the current list is (常設性任務編組)
        self.list_staffed = False  # the current list names units and their staff (各隊及人員)
        self.list_divided = ""  # the kind the current list's owner is divided into (「第一組分四科辦事，其職掌如左：」)
        self.list_sections = False  # the current list's intro names the sections its items are (分設三股, 各股)
        self.below: dict[str, list[tuple[str, ...]]] = {}  # units set up under another unit, by name
        self.any_number: set[str] = set()  # kinds set up in any number, none named (「設立各種研究所」)

    # ------------------------------------------------------------------ units
    def is_self(self, word: str) -> bool:
        return fold_name(word) in self.folded_self or is_self_reference(word)

    def unit(self, name: str, line: Line, parent: tuple[str, ...] | None = None, item: str | None = None,
             note: str = "", family: bool = False) -> tuple[str, ...] | None:
        name = clean_name(name)
        if parent is None:
            name = self.own_unit_name(name)
        if parent is None and (fold_name(name) in self.folded_self or len(name) > len(classify_unit(name)[1]) + 1 and
                               self.agency[-1].endswith(name) or self.agency[-1].startswith(name + "及其")):
            # 台閩地區勞工保險局 in a document of 臺閩地區勞工保險局; 社會教育館 in one of 國立新竹…社會教育館;
            # 「高等法院設人事室…」 in the one of 高等法院及其分院 (A0020073)
            return self.agency
        family_kind = COLLECTIVE.sub("", self.agency[-1])
        if parent is None and (cls := FAMILY_CLASS.match(name)) and cls.group("kind").startswith(family_kind) and \
                UNIT_NAME.fullmatch(cls.group("kind")[len(family_kind):]):
            name = cls.group("kind")[len(family_kind):]  # 「特等、甲等航空站會計室職掌如下：」: the family's 會計室
        if parent in (None, self.agency) and (cls := FAMILY_CLASS.match(name)) and (
                family_kind.endswith(cls.group("kind")) or name[:cls.start("kind")] in self.agency[-1]):
            # 第一類行政執行處 in the document of 行政執行處; 「一、特等航空站設業務組、…」 as an item (K0010014);
            # 「四等氣象站掌理事項如下：」 in the one of 二等三等四等氣象測報機構 (K0000270): its name lists the grades
            return self.agency
        if len(name) > 20 or (PROSE_NAME.search(name) or TOGETHER.search(name)) and not family or \
                re.search(rf"[{CN_NUM}]\S{{0,3}}至[{CN_NUM}]", name):
            # prose that ends like a name (「…之其他應辦事項由提案庭書記科」), or a count (偵查隊七隊至九隊)
            return None
        if re.match(r"^(?:前[項條款]|該|上開|上述|所屬|其他|任務編組|之|[一二三四五六七八九十]等|(?:其?他)?各種)",
                    name) or \
                (classify_unit(name)[1] == name and name != "燈塔") or bare(name) and not family and \
                not (self.agency[-1] in LOCAL_LEVELS and name.startswith(self.agency[-1])):
            # (「市設市政府」 in 市組織法: an act for every city names the city's organs by the level's word)
            return None
        if parent is None and any("".join(self.agency[i:]) == name for i in range(len(self.agency))):
            return self.agency  # 「公路局材料試驗所（以下簡稱本所）設三股」 in the 所's own document
        if self.is_agency_name(name):
            return None  # 「行政院勞工委員會職掌訓練局…」: a body above the agency (here a misprint of its name)
        if parent is None and COLLECTIVE.match(name) and self.members(name):
            return None  # 「各水庫管理中心」 with its members named is no unit (unnamed, 各稽徵所 is one: the family)
        level = self.agency[-1]
        if parent is None and level in LOCAL_LEVELS and (
                known := next((k for k in self.known if name.endswith(level + k) and len(name) > len(k) + 1), None)):
            return self.known[known]  # 「院轄市市政府置秘書長一人」: the 市政府 of a class of cities
        if parent is None and (name in self.known or "各" + name in self.known):
            return self.known.get(name) or self.known["各" + name]  # 稽徵所 after 「設…各稽徵所」
        longer = [k for k in self.known if parent is None and len(k) > len(name) >= 6 and
                  k.startswith(name[:-3]) and k.endswith(name[-3:])]
        if len(longer) == 1:
            # 「九、高雄國際機場動植物檢疫站」 then 「本分局設立高雄國際機場檢疫站及…辦事處」 (J0010004): the place
            # and the kind of a unit set up before, its middle word left out, name that unit
            return self.known[longer[0]]
        if parent is None and len(self.below.get(name, [])) == 1:
            # 「書記廳置下列各科室：…九、法警室。」 then 「本院設法警室，置法警長…」 (A0020093): a unit the
            # agency sets up again by name is the one a unit's list set up (one of that name only)
            return self.below[name][0]
        path = (parent or self.agency) + (name,)
        kind, unit_type = classify_unit(name)
        if kind == "Agency" and (parent is not None and parent != self.agency or unit_type == "部" and
                                 not AGENCY_DEPARTMENT.search(name) and not DEPARTMENTS_ARE_AGENCIES.search(path[-2])
                                 or SCHOOLS_COLLEGE.search(name) and SCHOOL.search(path[-2])):
            kind = "Division"  # (國防大學's 理工學院 is a college of it: F0000049)
        written = self.written.get(name, "")
        if written not in line.text:
            written = ""  # 第一科 of a later 「設三科」 was not written in an earlier 「第一科至第五科」
        if not written and name not in line.text:
            # 「北、中、南區水資源局」: the list the name was read from, as written
            m = re.search(rf"[^，。；：（）「」]*?{re.escape(name[-2:])}", line.body)
            written = re.sub(r"^.*?(?:分設|設置|設)", "", m.group(0)) if m else ""
        if path not in self.recorded:  # a unit named again (its duties' article) is the one set up first
            self.recorded.add(path)
            self.parsed.units.append(UnitRecord(path, kind, unit_type, source_of(line, self.doc, item), note=note,
                                                written=written))
        if parent is None or parent == self.agency:
            self.known[name] = path
        elif path not in self.below.setdefault(name, []):
            self.below[name].append(path)
        self.article_units.append(path)
        return path

    def set_up_below(self, name: str) -> tuple[str, ...] | None:
        """The one unit of that name set up under another unit, when the agency has none of its own."""
        found = self.below.get(name, [])
        return found[0] if len(found) == 1 and name not in self.known else None

    def named_unit(self, name: str, line: Line) -> tuple[str, ...] | None:
        """The unit a subject names: 「書記廳設審查科、文書科…」 + 「文書科之職掌如下：」 (the courts' 處務規程) is the
        書記廳's 文書科, not another under the agency."""
        return self.set_up_below(name) or self.listed_variant(name) or self.unit(name, line)

    def listed_variant(self, name: str) -> tuple[str, ...] | None:
        """「十、放射科。」 in the list, then 「放射線科掌理事項如下：」 (L0010043): a duty article's subject written
        with a character or two more or fewer inside the name of a unit the agency set up names that unit, when it
        is the only such one and has no duties of its own yet (a numbered name, 第一科 and 第一分科, is another
        unit; so is one with 分, 副 or 總 put in, or a word put before: 主任秘書室, 電信偵查大隊)."""
        if name in self.known or re.search(rf"[{CN_NUM}\d]", name):
            return None
        word = classify_unit(name)[1]
        found = [p for k, p in self.known.items() if p != self.agency and len(p) == len(self.agency) + 1 and
                 k.endswith(word) and not re.search(rf"[{CN_NUM}\d]", k) and _one_within(k, name)]
        if len(found) != 1 or any(d.unit == found[0] for d in self.parsed.duties):
            return None
        return found[0]

    def own_unit_name(self, name: str) -> str:
        """「稽勳委員會秘書處置主任秘書一人」 (A0010015): the agency's name before a unit it set up is no part of
        the unit's name (a unit not set up is another body: 少年及家事法院分院).

        >>> parser = StructureParser(ParsedDocument(Document("t", "", "act")), ("稽勳委員會",), {"本會", "稽勳委員會"})
        >>> parser.known["秘書處"] = ("稽勳委員會", "秘書處")
        >>> [parser.own_unit_name(n) for n in ("稽勳委員會秘書處", "稽勳委員會分會", "秘書處")]
        ['秘書處', '稽勳委員會分會', '秘書處']
        """
        for own in sorted(self.self_names | {self.agency[-1]}, key=len, reverse=True):
            rest = name[len(own):]
            if len(own) > 2 and name.startswith(own) and rest in self.known and self.known[rest] != self.agency:
                return rest
        return name

    def is_agency_name(self, name: str) -> bool:
        """The name of the agency or of one above it, whole or in consecutive pieces (行政院勞工委員會)."""
        pieces = self.agency
        return any("".join(pieces[i:j]) == name for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1))

    def members(self, family: str) -> list[tuple[str, ...]]:
        """The units set up so far that 「各水庫管理中心」 names together: those ending with the shortest tail of
        the family's name that is more than its unit word (管理中心: 石岡壩管理中心, 湖山水庫管理中心 …)."""
        rest = COLLECTIVE.sub("", family)
        word = classify_unit(rest)[1]
        for cut in range(min(len(rest) - len(word) - 2, len(rest) // 2), -1, -1):
            tail = rest[cut:]  # at least half the name: 消防隊 is no family of 各加工出口區消防隊
            members = [p for n, p in self.known.items() if n.endswith(tail) and len(n) > len(tail) and p != self.agency]
            if len(members) > 1:
                return members
        return []

    def duty(self, path: tuple[str, ...], text: str, line: Line, item: str | None = None, *, post: str = "",
             basis: str = "explicit") -> None:
        staffing = False  # the posts of a unit, once 置 names them, go on to the text's end
        for d in split_duties(text):
            staffing = staffing and bool(STAFFING_MORE.match(d)) or bool(STAFFING_CLAUSE.fullmatch(d))
            if EMPTY_DUTY.fullmatch(d) or SPLIT_CLAUSE.fullmatch(d) or staffing:
                continue
            self.parsed.duties.append(DutyRecord(path, d, source_of(line, self.doc, item), basis=basis, post=post))

    def resolve_subject(self, subject: str, line: Line) -> tuple[tuple[str, ...] | None, str]:
        """``(unit path, post)`` a paragraph is about, or ``(None, "")``."""
        # 「未設人事室之航空站置人事管理員」: those of a kind without the unit, not a unit of their own
        subject = re.sub(r"^(?:未|不)(?:設|置)[^，。；之]{2,10}之(?=\S{2})", "", subject.strip())
        # 「人事室或人事管理員掌理分局人事事項。」 (J0010066, K0000253, F0150040, F0150042): the office where one is
        # set up, its officer where none is; the office is named, and holds the duty
        subject = re.sub(r"^(?P<office>\S{1,6}室)或\S{1,6}員$", r"\g<office>", subject)
        # 「各總隊分別掌理下列事項：」 (D0000166): 分別 is how the units hold it, no part of who
        subject = re.sub(r"(?<=\S{2})分別$", "", subject)
        room = self.known.get(subject + "室") if re.search(r"[官人]$", subject) else None
        if room and room != self.agency and ACTIVE_SUBJECT.search(line.body):
            # 「觀護人掌理左列事項：」 (I0010014), 「司法事務官辦理下列事務：」: the officers of a room named for them
            # (觀護人室, 司法事務官室) do its work (not 秘書, a post beside the 秘書室)
            return room, ""
        post_match = re.search(rf"置?({POST})(?:一人|二人)?$", subject)
        head = re.sub(rf"置?{POST}.*$", "", subject) if post_match else subject
        if post_match and (not head or self.is_self(head)):
            return self.agency, post_match.group(1)
        if subject.startswith(self.agency[-1]) and subject[len(self.agency[-1]):] in self.any_number:
            # 「中央研究院研究所置所長一人」 after 「設立各種研究所」 (A0010016): every one of a kind none named, the
            # agency's
            return self.agency, ""
        if self.is_self(subject) or re.fullmatch(r"各\S{1,6}", subject) and (
                self.agency[-1].startswith("各") and self.agency[-1].endswith(subject[1:]) or
                len(subject) > 3 and subject[1:] in self.self_names):
            # 「各站掌理事項如下：」 in the document of 各航空站, 「各管理處得設科、室、管理站」 in that of
            # 各國家風景區管理處: the family itself; so is 各 before the short name a family document calls its
            # members by (「特設各老人、…福利機構（以下簡稱社政機構）」 + 「各社政機構置秘書」, D0000155)
            return self.agency, ""
        variant = re.fullmatch(r"(?P<cls>[甲乙丙丁特][等級])(?P<kind>\S{2,8}?)各(?P<word>[組科課股室處])", subject)
        if variant and COLLECTIVE.sub("", self.agency[-1]).endswith(variant.group("kind")) and \
                UNIT_ACTIVE.search(line.body):
            # 「甲等航空站各組掌理事項如下：」 in the document of 各航空站: the 組 its items name are the family's
            return self.agency, ""
        if ONE_UNIT_WORD.fullmatch(subject) and not self.is_self(subject) and subject not in self.known and \
                UNIT_ACTIVE.search(line.body):
            # 「中隊掌理事項如下：」 after 「得設十中隊」: every one of the unnamed 中隊, the family 各中隊 (after
            # 「得設一中隊」, the one 中隊).  「另因業務需要得設分局」 (L0000028) sets up as many as needed: the
            # family 各分局 (a bare 分局 is no name).
            # (「得設十四中隊辦事」, 「得於適當地區設置分所十所及中繼臺十臺至十二臺」, D0010112, D0000105: a count
            # of them set up, which the text calls by the kind's word, names them so; not a branch's word, 分所 or
            # 分局, every agency's branches: their family stays 各分所)
            counted = not re.fullmatch(r"分[局署所處館]", subject) and \
                any(counted_set_up(subject, seen.body) for seen in self.seen)
            one = counted or any(f"設一{subject}" in seen.body for seen in self.seen)
            return self.unit(subject if one else "各" + subject, line, family=True), ""
        set_up = self.known.get(COLLECTIVE.sub("", subject)) if COLLECTIVE.match(subject) else None
        if set_up and set_up != self.agency and UNIT_ACTIVE.search(line.body):
            # 「各訓練中心掌理事項如下：」 after 「八、訓練中心。」 (K0010138): the collective of the kind the document
            # set up by that name is that unit
            return set_up, ""
        if COLLECTIVE.match(subject) and FAMILY_OF_A_KIND.fullmatch(COLLECTIVE.sub("", subject)) and \
                UNIT_ACTIVE.search(line.body):
            # 「各工務段掌理事項如下：」 (K0000306), members set up by a table the text does not hold: the family of
            # that kind (as 「九、各工務段。」 or 各中隊), however bare its unit word; in the document of that kind's
            # family (「…特設保安警察第一總隊至第七總隊（以下簡稱各總隊）」, D0000166) the family itself
            if self.agency[-1].endswith(COLLECTIVE.sub("", subject)):
                return self.agency, ""
            return self.unit(subject, line, family=True), ""
        parent = next((k for k in sorted(self.known, key=len, reverse=True) if subject.startswith(k) and
                       self.known[k] != self.agency and classify_unit(subject[len(k):])[0] == "Division" and
                       UNIT_NAME.fullmatch(subject[len(k):]) and len(subject) - len(k) >= 3), None)
        if parent and UNIT_ACTIVE.search(line.body):
            # 「高等行政法院高等行政訴訟庭管轄事件如下：」 (A0010055): a unit named after the unit it belongs to
            return self.unit(subject[len(parent):], line, parent=self.known[parent]), ""
        if (UNIT_NAME.fullmatch(subject) or subject == "燈塔" or self.set_up_below(subject)) and \
                UNIT_ACTIVE.search(line.body):
            return self.named_unit(subject, line), ""
        if COLLECTIVE.match(subject) and LISTED_NAME.fullmatch(COLLECTIVE.sub("", subject)) and \
                UNIT_ACTIVE.search(line.body):
            # 「各區車輛行車事故鑑定會掌理事項如下：」 (K0000308): the units of one kind, named by a word a list's
            # names end with (會, 廠, 園區): the family of them
            return self.unit(subject, line), ""
        if subject in self.known and UNIT_ACTIVE.search(line.body):
            return self.known[subject], ""  # 「第一工廠掌理事項如下：」: a unit the document's list set up (廠, 劇團 …)
        if (own := self.own_unit_name(subject)) != subject and own in self.known and UNIT_ACTIVE.search(line.body):
            return self.known[own], ""  # 「中央研究院評議會掌理下列事項：」: the agency's name before its council's
        titles = re.split(r"或|及|、", re.sub(r"(?:之|分別|均|各|應)$", "", subject))
        if all(POST_TITLE.fullmatch(t) and not UNIT_NAME.fullmatch(t) for t in titles) and \
                (ACTIVE_SUBJECT.search(line.body) or line.body.startswith(subject + "負責")):
            # 「書記官之權責事項如下：」, 「法醫官或檢驗員分別辦理…事項」, 「委員負責訴願事件之審查及審議事項」:
            # the agency's duty, held by a post.
            return self.agency, "、".join(titles)
        return None, ""

    def _subject_group(self, text: str, line: Line) -> list[tuple[str, ...]]:
        """Units a paragraph opens with together: 「桃園、基隆、宜蘭、花蓮及金馬辦事處掌理…」, or
        「各辦事處掌理…」 for every 辦事處 (branch office or facility) the document set up."""
        by_rule = UNITS_CHARGED_BY_RULE.match(text)
        names = unit_names(expand_names(by_rule.group("names")), self.known) if by_rule else []
        if len(names) > 1:  # 「人事室、會計室及統計室，分別依照法令辦理…」: units named together, charged by a rule
            # (「行署秘書室」: the agency's short name before the unit's is no part of it)
            names = [next((n[len(own):] for own in sorted(self.self_names, key=len, reverse=True)
                           if n.startswith(own) and UNIT_NAME.fullmatch(n[len(own):])), n) for n in names]
            return [p for p in (self.named_unit(n, line) for n in names) if p]
        head = re.split(r"[，。：（）「」]", text, maxsplit=1)[0][:60]
        # 「臺北、北區、…及東區業務組，掌理轄區事項如下：」 (L0010048): the comma after the names ends them
        charged = re.match(r"，(?:分別)?(?:掌理|辦理|負責)", text[len(head):]) and not re.search("[設置]", head)
        for m in SUBJECT_END.finditer(text[:len(head) + 1] if charged else head, 2):
            words = expand_names(head[:m.start()])
            if "、" in words or re.search(r"(?<=[組處室科課股局署關心隊所站場])(?:及|與|暨)(?=\S{2})", words):
                names = unit_names(words, self.known)
                if names and re.match(rf"^(?:本\S|{'|'.join(map(re.escape, self.self_names))})(?:設|置)", names[0]):
                    return []  # 「本校設教務處、…、圖書館、各科…」 sets units up: no subject
                if len(names) > 1 and ACTIVE_SUBJECT.search(line.body):
                    # (dict: 「特等、甲等航空站會計室」 name one unit, the family's 會計室)
                    return list(dict.fromkeys(p for p in (self.named_unit(n, line) for n in names) if p))
                return []
            if ONE_UNIT_WORD.fullmatch(words) and ACTIVE_SUBJECT.search(line.body) and not self.is_self(words):
                # 「分局掌理事項如下：」 after 「臺北分局、臺中分局…」: every one of them
                members = [p for n, p in self.known.items() if n.endswith(words) and len(n) > len(words)]
                if len(members) > 1:
                    return members
            if UNIT_NAME.fullmatch(words) and words not in self.known and not self.is_self(words) and \
                    ACTIVE_SUBJECT.search(line.body):
                # 「就業服務站掌理下列事項：」 after 「五、板橋就業服務站。」「六、三重就業服務站。」… (N0010017):
                # the kind the units set up share is every one of them (not when others of the kind are numbered
                # inside the name: 偵查大隊 of 偵查第一大隊…, D0010042; not a bare word's tail: 計室)
                members = [p for n, p in self.known.items() if n.endswith(words) and len(n) > len(words)]
                word = classify_unit(words)[1]
                if len(members) > 1 and len(words) >= len(word) + 2 and \
                        not any(n.startswith(words[:2]) and n.endswith(word) and not n.endswith(words)
                                for n in self.known):
                    return members
            family = re.fullmatch(r"各(\S{1,8})", words)
            if family and family.group(1) not in self.known and words not in self.known and not self.is_self(words):
                kind = classify_unit("某" + family.group(1))[0]
                members = [p for n, p in self.known.items()
                           if n.endswith(family.group(1)) and len(n) > len(family.group(1))]
                if kind in ("BranchOffice", "Facility") and len(members) > 1 and ACTIVE_SUBJECT.search(line.body):
                    return members
                members = self.members(words)
                if members and ACTIVE_SUBJECT.search(line.body):
                    return members
        return []

    def subject(self, text: str, line: Line) -> tuple[tuple[str, ...] | list[tuple[str, ...]] | None, str]:
        """The unit (or post) a paragraph opens with: the shortest prefix that names one.

        Several units named together are returned as a list of paths (see :meth:`_subject_group`).
        """
        group = self._subject_group(text, line)
        if group == [self.agency]:
            # 「特等航空站、甲等航空站、乙等航空站設人事室」 (K0000083): classes of the family named together are the
            # family itself, which sets the unit up
            self.last_owner = None
            return self.agency, ""
        if group:
            self.last_owner = None
            return group, ""
        # 「學生（員）總隊分設一至三大隊」: a name's alternate in parentheses does not end the subject (but
        # 「各縣（市）審計室得設三課至五課」, U0000002, is every one of a kind in the country, no unit)
        head = re.split(r"[，。：、（）「」]", text, maxsplit=1)[0][:30]
        if not COLLECTIVE.match(text) and (alternate := NAME_WITH_ALTERNATE.match(text)):
            head = alternate[0][:30]
        ends = [m.start() for m in SUBJECT_END.finditer(head, 2)]
        if (comma := SUBJECT_COMMA_SETS_UP.match(text)) and not ends:
            ends = [comma.end("subject")]  # 「旗札薩克公署，設總務、政務二科」
        for end in ends:
            if RELATIVE_SUO.search(head[:end]) and head[end:].startswith("設"):
                continue  # 「蒙古地方所設省、縣」: what the place sets up, no unit 蒙古地方所
            owner, post = self.resolve_subject(head[:end], line)
            if owner is not None:
                self.last_owner = owner if owner != self.agency else None
                return owner, post
        return None, ""

    # ---------------------------------------------------------------- articles
    def run(self, lines: list[Line]) -> None:
        article: list[Line] = []
        headings: list[Line] = []
        for line in lines:
            if line.kind == "article":
                self._article(article)
                article = []
                for heading in headings:  # named in the chapter's first article (「各室置主任一人」 there: these)
                    for name in unit_names(heading.body):
                        self.unit(name, Line(heading.kind, heading.text, heading.start, heading.end, line.article,
                                             heading.chapter, body=heading.body))
                headings = []
            elif line.kind == "chapter" and self.parsed.document.genre == "office_rules":
                # 「第 六 章 公設辯護人室」, 「第 五 章 人事室、會計室、統計室、政風室、資訊室」 (the courts' 處務規程):
                # the chapter on a unit's work names it, though its articles speak only of its posts
                headings.append(line)
            elif line.kind in ("item", "para"):
                if line.chapter and NON_STRUCTURE_CHAPTER.search(line.chapter):
                    continue
                article.append(line)
        self._article(article)

    def _article(self, lines: list[Line]) -> None:
        if not lines:
            return
        if self.on_article:
            self.on_article(lines, self)
        owner: tuple[str, ...] | list[tuple[str, ...]] | None = None
        post = ""
        mode: Mode | None = None
        styles: list[str | None] = []
        stack: dict[int, list[tuple[str, ...]]] = {}
        self.last_owner = None
        self.article_units = []
        self.article_owner = None
        kinds = ""  # the kinds of unit an intro lists without markers (「設左列各委員會：」)
        previous: Line | None = None
        for line in lines:
            self.written.update(expanded_from(line.body))
            self.seen.append(line)
            unmarked = UNMARKED_ITEM.match(line.body) if line.kind == "para" and kinds else None
            if unmarked and any(word in kinds for word in re.findall(UNIT_SUFFIX_PATTERN, unmarked.group("name"))):
                # 「第一審查委員會審查關於憲法之提案…」 after 「設左列各委員会：」: an item of the list, its
                # marked items (「一、關於勳績之調查事項。」) one level below
                styles, stack = [None], {k: v for k, v in stack.items() if k < 0}
                self._item(line, 0, owner if isinstance(owner, list) else [owner], Mode.UNITS, post, None, stack)
                continue
            if line.kind == "para" and mode is not None and previous is not None and previous.kind == "item" and \
                    previous.body.endswith("：") and HEADS_DUTIES.match(line.body):
                # 「二、工廠事業科：」 + 「掌理工廠、場礦…投保單位之下列事項：」 (N0010010): the unit's own intro, on a
                # line of its own; its list goes on below the unit
                previous = line
                continue
            if line.kind == "para" and mode is not None and previous is not None and previous.kind == "item" and \
                    previous.body.endswith("：") and previous.marker in styles and \
                    (held := stack.get(styles.index(previous.marker))) and \
                    all(previous.body.startswith(p[-1]) for p in held) and not LIST_INTRO.search(line.body):
                # 「(一) 業務一股：」 + 「辦理連線及未連線進口報單之收單…等事項。」 (G0310021): the unit the item just
                # named does what the unnumbered paragraph under it says; the list goes on
                self._item_duty(line.body, line, styles.index(previous.marker) + 1, held, mode, post, None)
                continue
            if line.kind == "para" and mode is not None and self.list_divided and previous is not None and \
                    previous.kind == "item" and ITEM_TEAMS_TAIL.match(line.body) and stack.get(0):
                continue  # 「一、進口業務一課掌理…事項。」 + 「分設四股辦事：」: the item's tail, wrapped
            previous = line
            if line.kind == "para":
                self.frame = list_frame(line.body)
                opened = read_paragraph(self, line)
                owner, post, mode = opened.owner, opened.post, opened.mode
                if line is lines[0]:
                    # the article's subject, which a later paragraph with none goes on with (「設查核組…」)
                    self.article_owner = owner if isinstance(owner, tuple) and owner != self.agency else None
                styles, stack = [], {}
                # (「稽勳委員會設秘書處，置左列各科，分掌事務：」: the 科 of the 秘書處, each with its duties)
                listed = LIST_KINDS.search(line.body) if mode == Mode.UNITS or mode == Mode.DUTIES and \
                    isinstance(owner, tuple) and owner != self.agency else None
                kinds = listed.group("kinds") if listed else ""
                self.list_kinds = kinds
                self.item_kinds = {}
                # 「本部得設下列常設性任務編組，…：」: the units listed are task forces, and say so
                force = re.search(r"(?:常設性|臨時性|臨時)?任務編組", line.body) if mode == Mode.UNITS else None
                self.list_note = force.group(0) if force else ""
                self.list_staffed = mode == Mode.UNITS and bool(UNITS_AND_STAFF.search(line.body))
                divided = DIVIDED.search(line.body) if mode == Mode.DUTIES and isinstance(owner, tuple) and \
                    owner != self.agency else None
                nested = NESTED_COUNTS.search(line.body) if mode == Mode.DUTIES and not divided else None
                self.list_divided = (divided.group("type") or divided.group("any")) if divided else \
                    nested.group("type") if nested else ""
                # (「分設三股，各股之職掌如下：」: the items name the sections, 「一、消費及證期稅股」 one)
                self.list_sections = bool(re.search(r"分設?[一二兩三四五六七八九十\d]+[科課股組隊]|各[科課股組隊]",
                                                    line.body))
                self.list_named = False
                continue
            if mode is None:
                self._item_sets_up(line)
                continue
            if line.marker not in styles:
                styles.append(line.marker)
            level = styles.index(line.marker)
            for deeper in [k for k in stack if k >= level]:
                del stack[deeper]
            parents = stack.get(level - 1, owner if isinstance(owner, list) else [owner])
            self._item(line, level, parents, mode, post, str(line.number), stack)

    def _item(self, line: Line, level: int, parents, mode, post, item, stack) -> None:
        body = line.body.strip()
        aside = ITEM_HEAD_ASIDE.match(body)
        if aside and unit_names(aside.group("name")):
            body = aside.group("name") + ("：" + aside.group("duties") if aside.group("duties") is not None else "")
        head = UNIT_HEAD.match(body)
        if head and unit_names(head.group("name")):
            body = head.group("name") + "："  # 「一、第一科辦理左列事項：」: a unit whose duties follow
        teams = ITEM_TEAMS_TAIL.search(body) if level == 0 and self.list_divided and not head else None
        if teams:  # 「一、審核課掌理…事項。分設四股辦事：」: the section and its duty; its teams are its list's items
            body = body[:teams.start()].rstrip("。")
        # (in a unit's list after 「分四科辦事」, 「一、第一科掌…」 names one of those 科)
        named = ITEM_UNIT_DUTY.match(body) if level == 0 and not head and \
            (mode == Mode.UNITS or mode == Mode.DUTIES and self.list_divided) else None
        if named and unit_names(named.group("name")) and \
                (mode == Mode.UNITS or named.group("name").endswith(self.list_divided)):
            body = named.group("name") + "：" + (named.group("duty") or named.group("act"))  # 「一、秘書處掌理…事項。」
        # (only in a list whose items named their units before: 「九、辦公室、員工眷舍管理…」 is a duty)
        comma = ITEM_NAME_COMMA.match(body) if mode == Mode.UNITS and level == 0 and self.list_named else None
        if comma and unit_names(comma.group("name")) and not unit_names(re.split(r"[、，]", comma.group("duties"))[0]):
            body = comma.group("name") + "：" + comma.group("duties")
        # (in a list of units, or one whose items named their units before: 「一、出口貨物通關；出口報單審核…」, the
        # first item of a unit's list, is a duty)
        semicolon = ITEM_NAME_SEMICOLON.match(body) if level == 0 else None
        sections = semicolon is not None and bool(self.list_divided) and \
            semicolon.group("name").endswith(self.list_divided)
        if semicolon and unit_names(semicolon.group("name")) and (mode == Mode.UNITS or self.list_named or sections):
            body = semicolon.group("name") + "：" + semicolon.group("duties")
        many = unit_names(body.rstrip("。")) if mode == Mode.UNITS and len(body) > 60 and \
            not re.search(r"[：:，,；]", body) else []
        if len(many) > 1:  # 「十四、宜蘭查緝隊、基隆查緝隊、…、臺東查緝隊。」 (D0090042): twenty units in one item
            stack[level] = [p for parent in parents for n in many if (p := self.unit(n, line, parent, item))]
            self.list_named = self.list_named or bool(stack[level]) and level == 0
            return
        m = INLINE_UNIT.match(body)
        nested = NESTED_SET_UP.match(m.group("name")) if m else None
        if m and nested and unit_names(nested.group("parent")) and listed_names(nested.group("list")):
            # 「一、秘書室　設文書、總務、法律事務三科，分別掌理…」: a unit and the sections it sets up.
            own = [p for parent in parents if (p := self.unit(nested.group("parent"), line, parent, item))]
            for path in own:
                for child in listed_names(nested.group("list")):
                    self.unit(child, line, path, item)
                rest = DUTY_VERB.search(m.group("rest") or "")
                if rest:
                    self.duty(path, rest.group("duty"), line, item)
            stack[level] = own
            return
        members = category_members(m.group("name"), m.group("duties") or "") if m and level == 0 and \
            mode in (Mode.UNITS, Mode.AGENCY) else []
        if members:  # 「一、業務單位：行政組、保安組、…及勤務指揮中心。」: the units of that category, the owner's
            stack[level] = [p for parent in parents for n in members if (p := self.unit(n, line, parent, item))]
            self.list_named = self.list_named or bool(stack[level])
            return
        names = unit_names(m.group("name")) if m else []
        if m and not names and mode == Mode.UNITS and not PROSE_NAME.search(m.group("name")) and \
                (LISTED_NAME.fullmatch(m.group("name")) or LISTED_UNIT.fullmatch(m.group("name")) or
                 level == 0 and m.group("duties") is not None and LISTED_JOINED.fullmatch(m.group("name"))):
            # 「一、國光劇團，分三科辦事。」, 「一、業務監理組。」: an item of a list of units is one
            names = [m.group("name")]
        list_kinds = self.list_kinds if level == 0 else self.item_kinds.get(level, "")
        if m and not names and mode in (Mode.UNITS, Mode.DUTIES) and list_kinds and \
                (m.group("duties") is not None or not m.group("rest")) and not PROSE_NAME.search(m.group("name")) and \
                re.fullmatch(r"[^，。；：、（）「」\s及與暨之]{1,10}(?P<kind>\S)", m.group("name")) and \
                m.group("name")[-1] in re.split(r"[、及與]", list_kinds):
            # 「園林處設左列各科、園，分掌事務：」 + 「五、植物園：」 (A0010018): a kind of unit the intro names; so
            # does a unit's item for its own list (「五、病理檢驗部：…，分左列各科、庫：」 + 「(七) 血庫。」, F0000018)
            names = [m.group("name")]
        if mode == Mode.DUTIES and m and names and m.group("duties") is None and not self.list_sections and \
                not self.list_named and re.search(r"[及與]", m.group("name")):
            # 「六、公共秩序維持及聚眾活動防處。」, 「二、國會聯絡及媒體公關。」 in a unit's list of duties (not of
            # the sections its items name): two tasks joined, the last ending like a unit word, are a duty
            names = []
        if mode == Mode.AGENCY and level == 0 and m and names and m.group("duties"):
            mode = Mode.UNITS
        # (「1 船舶結關。」 under a 股: a team, the smallest unit of the genre, has duties below it, no units)
        under_team = bool(parents) and all(p and p[-1].endswith("股") for p in parents)
        if m and names and (mode == Mode.UNITS or m.group("duties") is not None or
                            not m.group("rest") and len(body) <= 16 and not under_team):
            divided = DIVIDED.search(m.group("rest") or "")
            note = "；".join(x for x in (divided.group(0) if divided else "", self.list_note if level == 0 else "")
                            if x)
            paths = [p for parent in parents for n in names if (p := self.unit(n, line, parent, item, note=note))]
            if not paths and mode != Mode.UNITS and m.group("duties") is None and "設" not in body:
                # 「十、協助本會規劃建置電子化政府。」 (G0310022): prose that ends like a name, a duty (not
                # 「一、各庭各設書記科。」, a set-up)
                self._item_duty(body, line, level, parents, mode, post, item)
                return
            stack[level] = paths
            sub_kinds = SUB_LIST_KINDS.search(body)
            self.item_kinds[level + 1] = sub_kinds.group("kinds") if sub_kinds and paths else ""
            self.list_named = self.list_named or bool(paths) and level == 0
            sets_up = ITEM_SETS_UP.match(m.group("duties") or "")
            children = listed_names(sets_up.group("list")) if sets_up else []
            named_only = split_unit_list(re.sub(r"[。；]$", "", m.group("duties") or ""), strict=True) \
                if mode == Mode.UNITS and not sets_up and not re.match(r"^\S?設", m.group("duties") or "") else []
            if named_only and not any(COUNTED.match(n) for n in named_only):
                # 「一、工學院：機械工程學系、土木工程學系。」 in a list of units: the units under the item's
                for path in paths:
                    for child in named_only:
                        self.unit(child, line, path, item)
                return
            if sets_up and children:  # 「二、學務處：設生活輔導、衛生保健二組。」
                for path in paths:
                    for child in children:
                        self.unit(child, line, path, item)
                    for below in NAMED_SETS_UP_BELOW.finditer(sets_up.group("rest") or ""):
                        if (parent := clean_name(below.group("parent"))) in children:  # 「並在號誌課下設…信號臺」
                            for child in listed_names(below.group("list")):
                                self.unit(child, line, path + (parent,), item)
                rest = DUTY_VERB.search(sets_up.group("rest") or "")
                if rest:
                    for path in paths:
                        self.duty(path, rest.group("duty"), line, item)
                return
            split = SPLIT_INTO.search(m.group("rest") or "")
            if split:
                for path in paths:
                    for child in split_names(split.group("list")):
                        self.unit(child, line, path, item)
            for path in paths:
                if m.group("duties") and not (self.list_staffed and level == 0):
                    self.duty(path, m.group("duties"), line, item)
            if not paths and mode == Mode.UNITS:  # 「二、台北、台中、嘉義、高雄等四餐廳。」: a count, no names
                self.parsed.unplaced.append(Unplaced(body[:80], source_of(line, self.doc, item),
                                                     "list item that names no unit"))
            return
        if mode == Mode.UNITS and (level - 1) not in stack:
            self.parsed.unplaced.append(Unplaced(body[:80], source_of(line, self.doc, item),
                                                 "list item that names no unit"))
            return
        self._item_duty(body, line, level, parents, mode, post, item)
        if body.endswith(("：", ":")):
            # 「（二）會計師法有關事項之辦理：」 + 「1.申請核發會計師證書之審查。」 (G0310022): a duty that opens a
            # list of its own; its items are duties of the same holders
            stack[level] = list(parents)

    def _item_duty(self, body: str, line: Line, level: int, parents, mode, post, item) -> None:
        """An item that is a duty of its list's owners."""
        if self.frame and level == 0:
            body = body.rstrip("。；") + self.frame  # 「左列事業關於…之調查處理事項：」 + 「二、製造業」
        if mode == Mode.AGENCY and level == 0:
            self.agency_duties.append((body, line, item))
        for parent in parents:
            self.duty(parent, body, line, item, post=post if parent == self.agency else "")

    def _item_sets_up(self, line: Line) -> None:
        """「其各組之設置，規定如下：」 + 「一、教務處：設教學、註冊、設備三組；…」 (H0060015): an item of a list no
        rule opened that names a unit set up before sets up its own."""
        m = INLINE_UNIT.match(line.body.strip())
        parent = self.known.get(m.group("name")) if m and m.group("duties") else None
        sets_up = ITEM_SETS_UP.match(m.group("duties")) if m and parent and parent != self.agency else None
        for child in listed_names(sets_up.group("list")) if sets_up else []:
            self.unit(child, line, parent, str(line.number))

    def charged_units(self, text: str) -> list[tuple[str, ...]]:
        """Units a sentence 「…事項，由各組分別辦理之」 charges: every unit of that type the article set up (the
        組 of the article's 預算中心), else every one of the document; or the one unit it names (「由行政組辦理之」)."""
        m = BY_UNITS.match(text)
        who = clean_name(m.group("who")) if m else ""
        family = re.fullmatch(r"各(\S{1,3})", who)
        if family:
            kind = family.group(1)
            for pool in (self.article_units, list(self.known.values())):
                members = [p for p in dict.fromkeys(pool) if p[-1].endswith(kind) and len(p[-1]) > len(kind)
                           and p != self.agency]
                if members:
                    return members
            return []
        return [self.known[who]] if who in self.known and self.known[who] != self.agency else []

    def infer_respective(self, paths: list[tuple[str, ...]], ordered: bool = True) -> None:
        """「分別掌理前條所列事項」: share the duties the agency listed among the units just set up.

        An act lists the units in the order of the duties they take over
        (徵課處、稅則處、查緝處、驗估處 … ↔ 一、徵免關稅 二、關稅稅則 三、私運貨物之查緝 …), so:

        1. a duty whose words name a unit (shared pairs of characters: 稅則處 ↔
           關稅稅則之研修) is that unit's, keeping both lists in order;
        2. a unit whose name no duty shares (海務處) takes the duties between those of
           its neighbours in the list (七、燈塔及助航設備 between 保稅退稅處's 六 and
           資料處理處's 八); several such units share them out in order, by the single
           characters they have in common (驗估處 ↔ 化驗).

        Duties between two units that both have theirs stay the agency's.  When the
        list names only some of its units (「七組至九組及救災救護指揮中心」), only
        step 1 applies, and a tie goes to every unit tied.  Catch-all duties
        (關於關務之其他事項) are never inferred.
        """
        cores = [re.sub(f"(?:{UNIT_SUFFIX_PATTERN})$", "", p[-1]) for p in paths]
        duties = [d for d in self.agency_duties if not any(duty_flags(normalize_duty(d[0])))]

        def shared(core: str, text: str, gram: int) -> int:
            return sum(1 for i in range(len(core) - gram + 1) if core[i:i + gram] in text)

        pairs = [[shared(c, text, 2) for c in cores] for text, _, _ in duties]
        if not ordered:
            for (text, line, item), scores in zip(duties, pairs):
                top = max(scores, default=0)
                for p, score in zip(paths, scores):
                    if top and score == top:
                        self.duty(p, text, line, item, basis="inferred")
            return
        owner: dict[int, int] = dict(_monotone_anchors(pairs))
        for start, stop in _unanchored_runs(len(paths), set(owner.values())):
            before = max((i for i, j in owner.items() if j < start), default=-1)
            after = min((i for i, j in owner.items() if j >= stop), default=len(duties))
            gap = [i for i in range(before + 1, after) if i not in owner]
            singles = [[shared(cores[j], duties[i][0], 1) for j in range(start, stop)] for i in gap]
            for i, k in zip(gap, _ordered_partition(singles, stop - start)):
                owner[i] = start + k
        for i, j in sorted(owner.items()):
            text, line, item = duties[i]
            self.duty(paths[j], text, line, item, basis="inferred")


def _one_within(a: str, b: str) -> bool:
    """One name is the other with one or two characters put in (not 分, 副 or 總, which make another unit).

    >>> _one_within("放射科", "放射線科"), _one_within("秘書室", "秘書處"), _one_within("第一科", "第一分科")
    (True, False, False)
    >>> _one_within("秘書室", "主任秘書室"), _one_within("偵查大隊", "電信偵查大隊")
    (False, False)
    """
    short, long = sorted((a, b), key=len)
    if not 1 <= len(long) - len(short) <= 2 or len(short) < 3 or short[0] != long[0]:
        return False  # (a word put before a name names another unit: 主任秘書室, 電信偵查大隊)
    rest = iter(long)
    if not all(c in rest for c in short):
        return False
    extra = list(long)
    for c in short:
        extra.remove(c)
    return not re.search(r"[分副總]", "".join(extra))


def _monotone_anchors(scores: list[list[int]]) -> list[tuple[int, int]]:
    """``(item, unit)`` pairs with score > 0, both in non-decreasing order, of the largest total score."""
    n, m = len(scores), len(scores[0]) if scores else 0
    best = [[0] * (m + 1) for _ in range(n + 1)]  # best[i][j]: items i.., units j..
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1], scores[i][j] + best[i + 1][j] if scores[i][j] else 0)
    out, i, j = [], 0, 0
    while i < n and j < m:
        if scores[i][j] and best[i][j] == scores[i][j] + best[i + 1][j]:
            out.append((i, j))
            i += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


def _unanchored_runs(m: int, anchored: set[int]) -> list[tuple[int, int]]:
    """``[start, stop)`` runs of unit indexes that have no anchor."""
    runs, start = [], None
    for j in range(m + 1):
        if j < m and j not in anchored:
            start = j if start is None else start
        elif start is not None:
            runs.append((start, j))
            start = None
    return runs


def _ordered_partition(scores: list[list[int]], k: int) -> list[int]:
    """Unit (0..k-1) of each item, keeping the order, of the largest total score (``scores[i][u]``).

    With at least as many items as units every unit takes a run of them; with fewer,
    each item goes to its own unit.  On a tie the earlier units take more.

    >>> _ordered_partition([[0, 0], [0, 1]], 2), _ordered_partition([[0, 0], [0, 0], [0, 0]], 2)
    ([0, 1], [0, 0, 1])
    """
    # Bottom-up tables (no recursion: a list of 500 items must not overflow the stack).
    g = len(scores)
    if k <= 1 or not g:
        return [0] * g
    neg = float("-inf")
    if g >= k:
        # best[i][u]: items i.. when item i belongs to unit u (units u+1.. each still need one)
        best = [[neg] * k for _ in range(g)]
        step = [[0] * k for _ in range(g)]  # 0: item i+1 stays with u, 1: it starts unit u+1
        for u in range(k):
            best[g - 1][u] = scores[g - 1][u] if u == k - 1 else neg
        for i in range(g - 2, -1, -1):
            for u in range(k):
                stay = best[i + 1][u] if g - i - 1 >= k - u - 1 else neg
                move = best[i + 1][u + 1] if u + 1 < k else neg
                best[i][u], step[i][u] = (scores[i][u] + stay, 0) if stay >= move else (scores[i][u] + move, 1)
        out, u = [], 0
        for i in range(g):
            out.append(u)
            u += step[i][u] if i < g - 1 else 0
        return out
    # fewer items than units: single[i][u] is items i.. into units u.., one unit each
    single = [[0.0] * (k + 1) for _ in range(g + 1)]
    skip = [[False] * (k + 1) for _ in range(g + 1)]
    for i in range(g - 1, -1, -1):
        for u in range(k - 1, -1, -1):
            take = scores[i][u] + single[i + 1][u + 1]
            single[i][u] = take
            if k - u - 1 >= g - i and single[i][u + 1] > take:
                single[i][u], skip[i][u] = single[i][u + 1], True
    out, i, u = [], 0, 0
    while i < g:
        if skip[i][u]:
            u += 1
            continue
        out.append(u)
        i, u = i + 1, u + 1
    return out


def _purpose_as_mandate(parsed: ParsedDocument, lines: list[Line], agency, self_names) -> None:
    """「行政院為統籌處理有關大陸事務，特設大陸委員會」, 「…設訴願審議委員會（以下簡稱本會）處理訴願事件」: with
    no list of its own, the agency's mandate is the purpose it was set up for (in the first articles), or the cases it
    is set up to review.

    >>> m = SET_UP_TO_REVIEW.search("內政部警政署 (以下簡稱本署) 依檢肅流氓條例第五條第五項規定，設內政部警政署處理"
    ...                             "流氓事件聲明異議審議委員會 (以下簡稱本會) ，審議流氓聲明異議事件。")
    >>> m.group("what").strip(), m.group("purpose")
    ('內政部警政署處理流氓事件聲明異議審議委員會', '審議流氓聲明異議事件')
    """
    for line in lines[:12]:
        m = PURPOSE.search(line.body) if line.kind == "para" else None
        if line.kind == "para" and not m:
            m = SET_UP_TO_REVIEW.search(line.body) or SET_UP_TO.search(line.body)
            m = None if m and re.search(r"下列|左列|如下|如左|第\S{1,4}條|前條", m.group("purpose")) else m
        what = m.group("what") if m else ""
        # (「本局為辦理…，得設臺北、高雄、花蓮機廠」, K0000108: a family's members, set up for its purpose)
        kind = COLLECTIVE.sub("", agency[-1]) if COLLECTIVE.match(agency[-1]) else ""
        if m and (agency[-1] in what or what in self_names or (len(what) >= 3 and agency[-1].endswith(what)) or
                  len(kind) >= 2 and what.endswith(kind)):
            parsed.duties.append(DutyRecord(agency, m.group("purpose"), source_of(line, parsed.document.id)))
            return


def parse_document(text: str, document: Document) -> ParsedDocument:
    """Parse an act or office rules: the agency, its units and duties, and its posts."""
    lines = logical_lines(text)
    parsed = ParsedDocument(document, definitions=definitions_in(lines, document.id))
    agency, self_names = document_agency(lines, parsed)
    if not agency:
        return parsed
    parsed.agency = tuple(agency)
    parser = StructureParser(parsed, agency, self_names)
    councils, charged = councils_in(lines, parser.agency, document.id)  # 評議會 「由…組織之」: a committee
    parsed.units += councils
    parsed.duties += charged
    for unit in parsed.units:  # the members a family's title names (loaders.acts.agency.named_family), councils
        if unit.path[:-1] == parser.agency:
            parser.known[unit.path[-1]] = unit.path
    parser.run(lines)
    # its posts' duties are no mandate, nor a matter brought to it to decide (「提檢覈委員會審定之」)
    if not any(d.unit == agency and not d.post and d.text not in parser.decides for d in parsed.duties):
        _purpose_as_mandate(parsed, lines, agency, self_names)
    parsed.posts = document_posts(lines, document.id, agency, parsed.units, self_names, parser.any_number)
    parsed.meetings = meetings_in(parsed, lines, parsed.agency, parser.self_names)
    if document.genre == "office_rules":  # 文書處理/分層負責 articles: rules of kind "rule" (展期 …)
        from loaders.procedures.procedure_rules import add_office_rules
        add_office_rules(parsed, lines, agency, text)
    return parsed


def demo(*lines: str) -> None:
    """Print what a small office-rules document of ``lines`` yields, its units, then its duties (the examples
    of loaders/acts/paragraphs.py)."""
    parsed = parse_document("某某局辦事細則\n第 1 條\n某某局（以下簡稱本局）為處理內部分工，特訂定本細則。\n"
                            + "\n".join(lines), Document("demo", "", "office_rules"))
    for unit in parsed.units[1:]:
        print("unit", "/".join(unit.path[1:]))
    for duty in parsed.duties:
        print("duty", "/".join(duty.unit[1:]) or "本局", duty.text + (f" ({duty.post})" if duty.post else ""))
