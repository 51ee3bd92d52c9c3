"""Budget books (預算總說明): the organization section.

A budget book names its agency in the title (財政部關務署及所屬), states the
agency's 法定職掌 (items or prose, under a 壹、 or 一、 heading), draws its chart or
sums it up (:mod:`.chart`), then lists, per agency ((1) 關務署, (2) 基隆關 …), each unit
as 「N. 單位：掌理…；…」 or as a heading 「（一）單位」 with its duties as items below.
Only that section is organization structure; the 施政目標/施政計畫 parts that follow
must not attach to any unit, and a 組織系統圖 flattened to one character per line is
recorded as unplaced debris.  The chart's boxes the list does not describe are units
too (the branch offices whose shared duties 「各分署：…」 gives).
"""
from __future__ import annotations

import re

from graph_model.lazy_re import lazy
from graph_model.records.naming import AGENCY_SUFFIXES, SELF_REFERENCE, classify_unit, split_agency_name
from graph_model.records.records import Document, DutyRecord, ParsedDocument, UnitRecord, Unplaced
from loaders.common import UNIT_NAME, agency_from_title, agency_records, definitions_in, source_of, split_duties
from loaders.read.text import Line, logical_lines

from .chart import chart_line, chart_units, heading_boxes, overview_units

_SECTION_START = lazy(r"內部(分層)?(業務|單位)|業務[職執]掌|組織及職掌")
_MANDATE = lazy(r"^(主要職掌|法定職掌|現行法定職掌)[：:]")
_PART_HEADING = lazy(r"^[壹貳參肆伍陸柒捌玖拾][、．.]")
_UNIT_ITEM = lazy(r"^(?P<name>[^：:，。；]{2,24})[：:](?P<duties>.+)$")
# Clauses of the 主要職掌 prose that say where the agency comes from, not what it does.
_LEGAL_BASIS = lazy(r"係依|^(?:並|且)?依[^，]*(?:規定|設置|設立|成立)$|組織(?:法|條例|通則|準則|規程)(?!規)"
                    r"|令公布|公布施行")
_PAGE_NUMBER = lazy(r"[-–—－]?\s*\d{1,4}\s*[-–—－]?|第\s*\d{1,4}\s*頁")
_MANDATE_VERB = lazy(r"^(?:並|且|另|及|以)?(?:掌理|辦理|負責|綜理|職司|主管)")
_SUPERVISES = lazy(r"^(?:並|且)?督導(?:所屬|各)\S*?(?:機關|各\S|[關局署處所])$")
_SUBORDINATES = lazy(r"^(?:其)?(?:所屬|下轄|轄下|各)")
# 「一、現行法定職掌」 alone: the agency's duties follow as items (after an 「本署…掌理下列事項：」).
_MANDATE_HEADING = lazy(r"^(?:現行)?法定職掌$|^主要職掌$")
_LIST_INTRO = lazy(r"(?:下列|左列)(?:事項|業務)?[：:]$|如[下左][：:]$")
# A table of contents as extraction flattens it: 「壹、總說明……1-6 貳、…」, dotted or dashed leaders (spaced
# 「. . . .」, ‥ or ・ as fonts give them), page ranges.
_LEADERS = r"(?:[.．…·‧⋯‥・∙•⋅_－—-]\s?){4,}"
_CONTENTS = lazy(rf"^目\s*[錄次]|{_LEADERS}\s*\d+(?:\s*[-~～至]\s*\d+)?")
# 「壹、總說明・・・1 貳、…7」 + 「交通部中央氣象署」 read as one paragraph: the title is what follows the last page.
_AFTER_CONTENTS = lazy(rf"^.*{_LEADERS}\s*\d+(?:\s*[-~～至]\s*\d+)?\s*")
def mandate_duties(text: str, self_names: tuple[str, ...]) -> list[str]:
    """The agency's duties in the prose of a budget book's 主要職掌 (法定職掌).

    Sentences (。；) whose subject is the agency (its name, 本署…) or unstated give
    duties; sentences about its subordinate agencies (所属各關則…) do not.  Clauses
    stating the legal basis (係依…組織法設置) and the bare supervision of the
    subordinate agencies (督導所屬各關: the hierarchy says so) are dropped; the lead
    verb (辦理, 掌理) goes.  A run of three or more functions joined by 、
    (貨運管理、關稅稽徵、保稅退稅、私運查緝…) is one duty each.

    >>> mandate_duties("關務署係依財政部關務署組織法設置。關務署督導所屬各關，辦理關稅稽徵、保稅退稅、私運查緝、"
    ...                "及貿易統計，並受理委託代徵之各種稅捐；所屬各關則係依上開組織準則，辦理關務業務。", ("關務署",))
    ['關稅稽徵', '保稅退稅', '私運查緝', '貿易統計', '受理委託代徵之各種稅捐']
    """
    names = "|".join(re.escape(n) for n in sorted(self_names, key=len, reverse=True) if n)
    subject = re.compile(rf"^(?:{names + '|' if names else ''}{SELF_REFERENCE})")
    out: list[str] = []
    for sentence in re.split(r"[。；;]", text):
        sentence = sentence.strip("，, ")
        own = subject.match(sentence)
        if own:
            sentence = sentence[own.end():]
        elif _SUBORDINATES.match(sentence):
            continue
        for clause in re.split(r"[，,]", sentence):
            clause = re.sub(r"^(?:並|且|另)?(?:則|亦|係)?"
                            r"(?:依法(?:律規定)?|依(?:據|照)?[^，]{1,20}?規定|依(?:據|照)[^，]{1,12}?"
                            r"|依[^，]{1,30}?組織(?:法|條例|通則|準則|規程)(?:第\S{1,4}條)?(?:規定)?)?"
                            r"(?=督導|辦理|掌理|負責|執行)", "", clause.strip())
            if not clause or _LEGAL_BASIS.search(clause) or _SUPERVISES.match(clause) or \
                    re.search(r"(?:下列|左列)(?:事項|業務)?$|如[下左]$", clause):
                continue
            clause = re.sub(r"^(?:並|且|另|及)(?=\w)", "", _MANDATE_VERB.sub("", clause)).strip()
            pieces = [re.sub(r"^(?:及|與|暨|以及)", "", p) for p in clause.split("、")]
            if len(pieces) >= 3 and all(len(p) >= 4 for p in pieces):
                out.extend(pieces)
            elif len(clause) >= 2:
                out.append(clause)
    return out


def parse(text: str, document: Document) -> ParsedDocument:
    lines = logical_lines(text)
    found = _title(lines)
    if found is None:
        return ParsedDocument(document)
    title_line, title = found
    full = agency_from_title(title)
    document.title = f"{title}預算總說明" if "預算" not in title else title
    top = split_agency_name(full)
    parsed = ParsedDocument(document, units=agency_records(full, source_of(title_line, doc := document.id),
                                                           aliases=(full,)),
                            definitions=definitions_in(lines, doc))
    reader = _Reader(parsed, top, full)
    for line in lines:
        if line.text != title_line.text and not _PAGE_NUMBER.fullmatch(line.text):  # running header, footer
            reader.read(line)
    reader.finish()
    _staffing(text, doc, top, parsed)
    return parsed


def _title(lines: list) -> tuple | None:
    """The book's title line and title: the first short paragraph that names an agency (a table of contents
    run into it cut off)."""
    for ln in lines[:12]:
        title = _AFTER_CONTENTS.sub("", ln.text) if ln.kind == "para" else ""
        if title and len(title) <= 40 and not _CONTENTS.search(title) and _names_agency(agency_from_title(title)):
            return ln, title
    return None


def _names_agency(name: str) -> bool:
    """An agency's name: 交通部中央氣象署, or an institution under its parent (衛生福利部國家中醫藥研究所)."""
    return bool(re.search(f"({'|'.join(AGENCY_SUFFIXES)})$", name)) or \
        classify_unit(name)[0] == "Facility" and len(split_agency_name(name)) > 1


class _Reader:
    """Reads a book's lines in order: the mandate (法定職掌), the chart or overview, the unit section."""

    def __init__(self, parsed: ParsedDocument, top: tuple[str, ...], full: str):
        self.parsed, self.top, self.full, self.doc = parsed, top, full, parsed.document.id
        self.agency = top
        self.section: str | None = None  # the marker style of the unit section's heading, while inside it
        self.mandate: tuple[str | None, str, bool] | None = None  # (marker, heading, prose may follow)
        self.in_chart = False  # the lines after a chart heading that holds no boxes
        self.chart: list[tuple[str, Line]] = []
        self.heading: tuple[str, Line] | None = None  # 「（一）綜合規劃組」 alone: its duties or units follow
        self.unit: tuple[tuple[str, ...], str | None] | None = None  # the unit a heading named, its items' marker
        self.collectives: list[tuple[tuple[str, ...], str, str, Line]] = []

    def read(self, line: Line) -> None:
        if line.kind == "debris":
            self.parsed.unplaced.append(Unplaced(line.text[:80], source_of(line, self.doc),
                                                 "flattened chart or table debris"))
            return
        if line.kind not in ("item", "para"):
            return
        part = _PART_HEADING.match(line.text)
        level = line.marker or ("part" if part else None)
        title = line.text[part.end():] if part else line.body
        if self._mandate(line, level, title) or self._chart(line, level, title):
            return
        if self.section is None:
            if level and _SECTION_START.search(title):
                self.section = level
            return
        if part or level == self.section and not _SECTION_START.search(title):
            self._resolve_heading(None)
            self.section, self.unit = None, None  # the organization section is over; what follows is not structure
            return
        self._section_line(line)

    def _mandate(self, line: Line, level: str | None, title: str) -> bool:
        """The agency's own duties: 「法定職掌」 and its items or prose, 「主要職掌：…」."""
        body, top, doc = line.body, self.top, self.doc
        if self.mandate and line.marker and line.marker != self.mandate[0] and not _SECTION_START.search(body) \
                and not _MANDATE.match(body):
            # 「主要職掌：本署掌理下列事項：」 then (1)…(2)…: the agency's duties, one per item
            for duty in split_duties(body):
                src = source_of(line, doc, f"{self.mandate[1]} {line.number}")
                self.parsed.duties.append(DutyRecord(top, duty, src))
            return True
        if self.mandate and not level and _LIST_INTRO.search(body):
            return True  # 「本署依…組織法掌理下列事項：」 between the heading and its items
        if self.mandate and not level and self.mandate[2]:
            self._mandate_prose(line, body, self.mandate[1])  # 「一、法定職掌」 + 「本部依…組織法掌理…；…。」
            self.mandate = None
            return True
        self.mandate = None
        if level and _MANDATE_HEADING.match(title.rstrip("：:")):
            self.mandate = (level if level != "part" else None, title.rstrip("：:"), True)
            return True
        mandate = _MANDATE.match(body)
        if mandate:
            prose = _MANDATE.sub("", body).strip()
            before_list = re.sub(r"[^。；]*(?:下列|左列)[^。；]*[：:]$|[：:]$", "", prose)
            self._mandate_prose(line, before_list, mandate.group(1))
            if re.search(r"[：:]$", prose):
                self.mandate = (line.marker, mandate.group(1), False)
            return True
        return False

    def _mandate_prose(self, line: Line, prose: str, heading: str) -> None:
        for duty in mandate_duties(prose, (self.top[-1], self.full)):
            self.parsed.duties.append(DutyRecord(self.top, duty, source_of(line, self.doc, heading)))

    def _chart(self, line: Line, level: str | None, title: str) -> bool:
        """The chart's boxes, after its heading or on the lines below it, or an overview's prose."""
        boxes = heading_boxes(title)
        if boxes is not None:
            self.chart += [(n, line) for n in chart_units(boxes)]
            self.in_chart = not boxes
            return True
        if not self.in_chart:
            return False
        names = chart_line(line.body) if not level else None
        if names is None and not level:
            units, agencies = overview_units(line.body)
            names = units + agencies or None
        if names is None:
            self.in_chart = False
            return False
        self.chart += [(n, line) for n in names]
        return True

    def _section_line(self, line: Line) -> None:
        body, doc = line.body, self.doc
        item = _UNIT_ITEM.match(body) if line.marker else None
        if item and not UNIT_NAME.fullmatch(item.group("name")):
            item = None
        self._resolve_heading(line if item is None else None, unit_item=item is not None)
        if line.marker and not item and len(body) <= 16 and \
                (self.unit is None or line.marker != self.unit[1] or UNIT_NAME.fullmatch(body.rstrip("：:"))):
            name = body.strip().rstrip("：:")
            self.unit = None
            if name in (self.top[-1], self.full):
                self.agency = self.top
            else:
                self.heading = (name, line)
            return
        if item:
            self.unit = None
            name = item.group("name")
            if name.startswith("各"):  # 「各分署：掌理…」: the duties every 分署 shares
                self.collectives.append((self.agency, name[1:], item.group("duties"), line))
                return
            self._unit(self.agency + (name,), line, item.group("duties"))
        elif self.unit is not None and line.marker == self.unit[1]:
            for duty in split_duties(body):
                self.parsed.duties.append(DutyRecord(self.unit[0], duty, source_of(line, doc, str(line.number))))
        else:
            self.parsed.unplaced.append(Unplaced(line.text[:80], source_of(line, doc),
                                                 "text in the organization section that names no unit"))

    def _resolve_heading(self, child: Line | None, unit_item: bool = False) -> None:
        """A heading alone names an agency when units follow it as items, else a unit whose duties follow."""
        if self.heading is None:
            return
        name, line = self.heading
        self.heading = None
        kind, unit_type = classify_unit(name)
        kind = "Agency" if kind in ("Agency", "Division") and unit_type in AGENCY_SUFFIXES else kind
        deeper = child is not None and child.marker is not None and child.marker != line.marker
        if unit_item or not deeper and kind in ("Agency", "BranchOffice"):
            self.agency = self.top + (name,)
            self.parsed.units.append(UnitRecord(self.agency, kind, unit_type, source_of(line, self.doc),
                                                full_name="".join(self.agency)))
        else:
            path = self.agency + (name,)
            self._unit(path, line, "")
            self.unit = (path, child.marker if deeper and child is not None else None)

    def _unit(self, path: tuple[str, ...], line: Line, duties: str) -> None:
        kind, unit_type = classify_unit(path[-1])
        src = source_of(line, self.doc, str(line.number))
        self.parsed.units.append(UnitRecord(path, kind, unit_type, src))
        for duty in split_duties(duties) if duties else ():
            self.parsed.duties.append(DutyRecord(path, duty, src))

    def finish(self) -> None:
        self._resolve_heading(None)
        units, top = self.parsed.units, self.top
        known = {u.path[-1] for u in units}
        for name, line in self.chart:  # the chart's boxes the unit section does not describe
            if name in known or name in top or name == self.full:
                continue
            known.add(name)
            kind, unit_type = classify_unit(name)
            units.append(UnitRecord(top + (name,), kind, unit_type, source_of(line, self.doc, "組織系統圖"),
                                    full_name="".join(top + (name,)) if kind == "Agency" else ""))
        for agency, family, duties, line in self.collectives:
            members = [u.path for u in units if u.path[:-1] == agency and u.path[-1].endswith(family)
                       and u.path[-1] != family] or [agency + ("各" + family,)]
            if members[0][-1].startswith("各"):  # no member named anywhere: the collective is all the book says
                kind, unit_type = classify_unit(members[0][-1])
                units.append(UnitRecord(members[0], kind, unit_type, source_of(line, self.doc, str(line.number))))
            for path in members:
                for duty in split_duties(duties):
                    self.parsed.duties.append(DutyRecord(path, duty, source_of(line, self.doc, str(line.number))))


def _staffing(text: str, doc: str, top: tuple[str, ...], parsed: ParsedDocument) -> None:
    """Headcount figures (預算員額表) and the leadership posts the organization chart shows."""
    from loaders.acts.posts import chart_leadership

    from .staffing_table import staffing_tables

    parsed.headcounts = staffing_tables(text, doc, top)
    parsed.posts = list(chart_leadership(text, doc, top))  # (a list of posts is no list of every staffing record)
