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

from graph_model.naming import UNIT_SUFFIX_PATTERN, classify_unit
from graph_model.records import Document, DutyRecord, ParsedDocument, UnitRecord, Unplaced

from .agency import document_agency
from .common import UNIT_NAME, source_of, split_duties, split_unit_list
from .posts import document_posts
from .text import Line, logical_lines

_POST = r"(?:主任秘書|秘書長|副秘書長|秘書|[副]?(?:署|局|處|分署|部|院|會)長|主任委員|副主任委員|參事|技監|執行秘書)"
_SUBJECT_END = re.compile(r"(?=置|設|分設|分[一二三四五六七八九十\d]+|掌理|之職掌|職掌|權責|，|各股|各科|辦理|綜理|負責)")
_CONTINUATION = re.compile(r"^(?:分設?[一二三四五六七八九十\d]+[科課股組隊]|各(?:科|股|課|組|隊)(?:之)?(?:職掌|掌理))")
_LIST_INTRO = re.compile(r"(如下|下列事項|左列事項|如左|下列各\S*|職掌)[：:]?$|[：:]$")
_SETS_UP = re.compile(rf"設(?:置|立)?(?:下列|左列)?(?:各種|各)?(?P<list>[^，。；：]*?(?:{UNIT_SUFFIX_PATTERN}|燈塔))(?=[，。；：]|$)")
_ACTIVE_SUBJECT = re.compile(r"掌理|職掌|分設?\S{1,3}[科課股組隊]|置\S{1,6}長|權責|辦理|綜理")
_ALIAS_PAREN = re.compile(r"（以下(?:簡)?稱[^）]{1,12}）")
_SETS_UP_LIST = re.compile(r"設(?:下列|左列)(?:各)?[^，。；]*[：:]$")
_DIVIDED = re.compile(rf"分(?:設)?(?P<n>[一二三四五六七八九十\d]+)(?P<type>科|課|股|組|隊)辦事|得分(?P<any>科|課|股|組)辦事")
_DUTY_VERB = re.compile(r"(?:依法律規定，|依法)?(?:掌理|辦理|負責)(?P<duty>[^；。]*?事項)")
_RESPECTIVE = re.compile(r"分別掌理前條|分掌前條")
_SUBORDINATE = re.compile(r"次級機關|所屬機關|附屬機關")
_NON_STRUCTURE_CHAPTER = re.compile(r"文書|財務|庶務|人事管理|會議|分層負責|附則|服務守則|檔案|研考|出納|差勤|公文|權責劃分")
_INLINE_UNIT = re.compile(r"^(?P<name>[^：:，。；（）]{2,40})(?:[：:](?P<duties>.*)|[，,](?P<rest>.*)|。?)$")


def _unit_names(text: str) -> list[str]:
    """Unit names in an item head: 「第一科」, 「第二隊、第三隊及第四隊」, 「北、中、南區環境督察大隊」."""
    shared = re.fullmatch(r"((?:[^、]{1,2}、)+)([^、]{1,2})(\S*)", text)
    if shared and UNIT_NAME.fullmatch(shared.group(2) + shared.group(3)):
        # 北、中、南區X: the last piece carries the shared rest (區X) for every prefix.
        rest = shared.group(3)
        last = shared.group(2)
        tail = last[1:] + rest if len(last) > 1 else rest
        heads = [h for h in shared.group(1).split("、") if h] + [last[0] if len(last) > 1 else last]
        return [h + tail for h in heads]
    names = split_unit_list(text) if ("、" in text or "及" in text) else [text]
    valid = [n for n in names if UNIT_NAME.fullmatch(n) and not re.search(r"事項|業務|之", n)]
    return valid if valid and len(valid) == len(names) else []


def _clean_name(name: str) -> str:
    return re.sub(r"^(?:本(?:部|院|署|局|關|府|會|處|分署)|其)(?=\w{2,})", "", name)


class StructureParser:
    """Walks logical lines article by article and emits unit/duty records."""

    def __init__(self, parsed: ParsedDocument, agency: tuple[str, ...], self_names: set[str],
                 on_article: Callable[[list[Line], "StructureParser"], None] | None = None):
        self.parsed, self.agency, self.self_names = parsed, agency, set(self_names)
        self.doc = parsed.document.id
        self.known: dict[str, tuple[str, ...]] = {}
        self.agency_duties: list[tuple[str, Line, str]] = []
        self.last_owner: tuple[str, ...] | None = None
        self.on_article = on_article

    # ------------------------------------------------------------------ units
    def is_self(self, word: str) -> bool:
        return word in self.self_names or bool(re.fullmatch(r"本(部|院|署|局|關|府|會|處|分署|分局|分關|所|中心)", word))

    def unit(self, name: str, line: Line, parent: tuple[str, ...] | None = None, item: str | None = None,
             note: str = "") -> tuple[str, ...] | None:
        name = _clean_name(name)
        if re.match(r"^(?:前[項條款]|該|上開|上述|所屬|其他|任務編組|[一二三四五六七八九十]等)", name) or (classify_unit(name)[1] == name and name != "燈塔"):
            return None
        if parent is None and (name in self.known or "各" + name in self.known):
            return self.known.get(name) or self.known["各" + name]  # 稽徵所 after 「設…各稽徵所」
        path = (parent or self.agency) + (name,)
        kind, unit_type = classify_unit(name)
        if kind == "Agency" and parent is not None and parent != self.agency:
            kind = "Division"
        self.parsed.units.append(UnitRecord(path, kind, unit_type, source_of(line, self.doc, item), note=note))
        if parent is None or parent == self.agency:
            self.known[name] = path
        return path

    def duty(self, path: tuple[str, ...], text: str, line: Line, item: str | None = None, *, post: str = "",
             basis: str = "explicit") -> None:
        for d in split_duties(text):
            self.parsed.duties.append(DutyRecord(path, d, source_of(line, self.doc, item), basis=basis, post=post))

    def resolve_subject(self, subject: str, line: Line) -> tuple[tuple[str, ...] | None, str]:
        """``(unit path, post)`` a paragraph is about, or ``(None, "")``."""
        subject = subject.strip()
        post_match = re.search(rf"置?({_POST})(?:一人|二人)?$", subject)
        head = re.sub(rf"置?{_POST}.*$", "", subject) if post_match else subject
        if post_match and (not head or self.is_self(head)):
            return self.agency, post_match.group(1)
        if self.is_self(subject):
            return self.agency, ""
        if (UNIT_NAME.fullmatch(subject) or subject == "燈塔") and _ACTIVE_SUBJECT.search(line.body):
            return self.unit(subject, line), ""
        return None, ""

    def _subject(self, text: str, line: Line) -> tuple[tuple[str, ...] | None, str]:
        """The unit (or post) a paragraph opens with: the shortest prefix that names one."""
        head = re.split(r"[，。：、（）「」]", text, maxsplit=1)[0][:30]
        for m in _SUBJECT_END.finditer(head, 2):
            owner, post = self.resolve_subject(head[:m.start()], line)
            if owner is not None:
                self.last_owner = owner if owner != self.agency else None
                return owner, post
        return None, ""

    # ---------------------------------------------------------------- articles
    def run(self, lines: list[Line]) -> None:
        article: list[Line] = []
        for line in lines:
            if line.kind == "article":
                self._article(article)
                article = []
            elif line.kind in ("item", "para"):
                if line.chapter and _NON_STRUCTURE_CHAPTER.search(line.chapter):
                    continue
                article.append(line)
        self._article(article)

    def _article(self, lines: list[Line]) -> None:
        if not lines:
            return
        if self.on_article:
            self.on_article(lines, self)
        owner: tuple[str, ...] | None = None
        post = ""
        mode = None  # "duties" | "units" | "agency" | None
        styles: list[str] = []
        stack: dict[int, list[tuple[str, ...]]] = {}
        self.last_owner = None
        for line in lines:
            if line.kind == "para":
                owner, post, mode = self._paragraph(line)
                styles, stack = [], {}
                continue
            if mode is None:
                continue
            if line.marker not in styles:
                styles.append(line.marker)
            level = styles.index(line.marker)
            for deeper in [k for k in stack if k >= level]:
                del stack[deeper]
            parents = stack.get(level - 1, [owner])
            self._item(line, level, parents, mode, post, str(line.number), stack)

    def _item(self, line: Line, level: int, parents, mode, post, item, stack) -> None:
        body = line.body.strip()
        m = _INLINE_UNIT.match(body)
        names = _unit_names(m.group("name")) if m else []
        if mode == "agency" and level == 0 and names and m.group("duties"):
            mode = "units"
        if names and (mode == "units" or m.group("duties") is not None or not m.group("rest") and len(body) <= 16):
            divided = _DIVIDED.search(m.group("rest") or "")
            note = divided.group(0) if divided else ""
            paths = [p for parent in parents for n in names if (p := self.unit(n, line, parent, item, note=note))]
            stack[level] = paths
            for path in paths:
                if m.group("duties"):
                    self.duty(path, m.group("duties"), line, item)
            return
        if mode == "units":
            self.parsed.unplaced.append(Unplaced(body[:80], source_of(line, self.doc, item), "list item that names no unit"))
            return
        if mode == "agency" and level == 0:
            self.agency_duties.append((body, line, item))
        for parent in parents:
            self.duty(parent, body, line, item, post=post if parent == self.agency else "")

    def _paragraph(self, line: Line):
        """Handle a paragraph; returns the list context ``(owner, post, mode)`` it opens, if any."""
        text = _ALIAS_PAREN.sub("", line.body)
        intro = bool(_LIST_INTRO.search(text))
        if _CONTINUATION.match(text) and self.last_owner and intro:
            return self.last_owner, "", "duties"  # 「…事項。分設二股，各股之職掌如下：」 continues its subject
        owner, post = self._subject(text, line)
        if _SUBORDINATE.search(text) and intro:
            return self.agency, "", "units"
        if _SETS_UP_LIST.search(text):
            return self.agency, "", "units"
        if owner is None and text.startswith(tuple(self.self_names)):
            owner = self.agency
        if owner == self.agency and not post:
            named_post = re.match(rf"^\S{{1,12}}?置({_POST})[一二兩]?人?，(?:其)?(?:掌理|權責|職掌)", text)
            post = named_post.group(1) if named_post else ""
        set_up = _SETS_UP.search(text)
        if owner == self.agency and not post and set_up:
            names = [n for n in split_unit_list(set_up.group("list")) if not re.match(r"^[一二三四五六七八九十\d]", n)]
            if set_up.group("list") == "燈塔":
                names = ["燈塔"]
            divided = _DIVIDED.search(text)
            conditional = "得設（依需要設置）" if re.search(r"得[^。]*$", text[:set_up.start()]) else ""
            notes = "；".join(x for x in (divided.group(0) if divided else "", conditional) if x)
            paths = [p for p in (self.unit(n, line, note=notes) for n in names) if p]
            rest = text[set_up.end():]
            duty = _DUTY_VERB.search(rest)
            if paths and _RESPECTIVE.search(rest):
                self._infer_respective(paths)
            elif paths and duty:
                for p in paths:
                    self.duty(p, duty.group("duty"), line)
            if intro and not paths:
                return self.agency, "", "units"
            return (paths[-1], "", "duties") if intro and len(paths) == 1 else (None, "", None)
        if owner is None:
            return None, "", None
        if owner != self.agency:
            # 「X科掌理A、B等事項。分設二股…」: the summary sentence is a duty of X.
            summary = re.match(r"^[^。]*?掌理(?P<duty>[^。：]+?事項)。", text)
            if summary:
                self.duty(owner, summary.group("duty"), line)
        if intro:
            mode = "agency" if owner == self.agency and not post else "duties"
            return owner, post, mode
        duty = _DUTY_VERB.search(text)
        if duty and owner != self.agency:
            self.duty(owner, duty.group("duty"), line)
        return None, "", None

    def _infer_respective(self, paths: list[tuple[str, ...]]) -> None:
        """「分別掌理前條所列事項」: give each unit the agency duties its name shares words with.

        Shared character pairs decide first (稅則處 ↔ 關稅稅則之研修); units and
        duties left over are matched on single characters (徵課處 ↔ 徵免關稅).
        Catch-all duties are never inferred.
        """
        cores = {p: re.sub(f"(?:{UNIT_SUFFIX_PATTERN})$", "", p[-1]) for p in paths}
        duties = [d for d in self.agency_duties if not re.match(r"^(?:關於)?(?:其他|其它)|之其他", d[0])]

        def assign(candidates, units, gram):
            taken = set()
            for text, line, item in candidates:
                scores = {p: sum(1 for i in range(len(cores[p]) - gram + 1) if cores[p][i:i + gram] in text) for p in units}
                top = max(scores.values(), default=0)
                for p in units:
                    if top and scores[p] == top:
                        self.duty(p, text, line, item, basis="inferred")
                        taken.update({p, item})
            return taken

        taken = assign(duties, paths, 2)
        assign([d for d in duties if d[2] not in taken], [p for p in paths if p not in taken], 1)


def parse_document(text: str, document: Document) -> ParsedDocument:
    """Parse an act or office rules: the agency, its units and duties, and its posts."""
    lines = logical_lines(text)
    parsed = ParsedDocument(document)
    agency, self_names = document_agency(lines, parsed)
    if not agency:
        return parsed
    StructureParser(parsed, agency, self_names).run(lines)
    posts = document_posts(lines, document.id, agency, parsed.units, self_names)
    if posts:
        parsed.extras["posts"] = posts
    return parsed
