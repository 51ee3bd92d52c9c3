"""Budget books (預算總說明): the organization section.

A budget book names its agency in the title (財政部關務署及所屬), states the
agency's 法定職掌, then lists, per agency ((1) 關務署, (2) 基隆關 …), each unit
as 「N. 單位：掌理…；…」.  Only that section is organization structure; the
施政目標/施政計畫 parts that follow must not attach to any unit, and the flattened
組織系統圖 (one character per line) is recorded as unplaced debris.
"""
from __future__ import annotations

import re

from graph_model.naming import AGENCY_SUFFIXES, classify_unit, split_agency_name
from graph_model.records import Document, DutyRecord, ParsedDocument, Unplaced, UnitRecord

from .common import UNIT_NAME, agency_from_title, agency_records, source_of, split_duties
from .text import logical_lines

_SECTION_START = re.compile(r"內部(分層)?(業務|單位)|業務[職執]掌|組織及職掌")
_MANDATE = re.compile(r"^(主要職掌|法定職掌|現行法定職掌)[：:]")
_PART_HEADING = re.compile(r"^[壹貳參肆伍陸柒捌玖拾][、．.]")
_UNIT_ITEM = re.compile(r"^(?P<name>[^：:，。；]{2,24})[：:](?P<duties>.+)$")


def parse(text: str, document: Document) -> ParsedDocument:
    lines = logical_lines(text)
    doc = document.id
    try:
        title_line = next(l for l in lines[:5] if l.kind == "para"
                          and re.search(f"({'|'.join(AGENCY_SUFFIXES)})$", agency_from_title(l.text)))
    except StopIteration:
        return ParsedDocument(document)
    full = agency_from_title(title_line.text)
    document.title = f"{title_line.text}預算總說明" if "預算" not in title_line.text else title_line.text
    top = split_agency_name(full)
    parsed = ParsedDocument(document, units=agency_records(full, source_of(title_line, doc), aliases=(full,)))

    in_section = False
    section_style = None
    agency = top
    for line in lines:
        if line.kind == "debris":
            parsed.unplaced.append(Unplaced(line.text[:80], source_of(line, doc), "flattened chart or table debris"))
            continue
        if line.kind not in ("item", "para"):
            continue
        body = line.body
        if _MANDATE.match(body):
            mandate = _MANDATE.sub("", body)
            for sentence in re.split(r"。", mandate):
                if re.search(r"(辦理|掌理|督導)", sentence) and not re.search(r"係依|設置$", sentence):
                    duty = re.sub(rf"^{re.escape(top[-1])}(督導所屬各\w+，)?", "", sentence).strip("，")
                    parsed.duties.append(DutyRecord(top, duty, source_of(line, doc, "主要職掌")))
            continue
        if not in_section:
            if line.marker and _SECTION_START.search(body):
                in_section, section_style = True, line.marker
            continue
        if _PART_HEADING.match(line.text) or (line.marker == section_style and not _SECTION_START.search(body)):
            in_section = False  # the organization section is over; what follows is not structure
            continue
        if line.marker in ("pnum", "pcn") and len(body) <= 16 and not _UNIT_ITEM.match(body):
            name = body.strip()
            agency = top if name in (top[-1], full) else top + (name,)
            if agency != top:
                kind, unit_type = classify_unit(name)
                kind = "Agency" if kind in ("Agency", "Division") and unit_type in AGENCY_SUFFIXES else kind
                parsed.units.append(UnitRecord(agency, kind, unit_type, source_of(line, doc), full_name="".join(agency)))
            continue
        m = _UNIT_ITEM.match(body)
        if line.marker and m and UNIT_NAME.fullmatch(m.group("name")):
            name = m.group("name")
            kind, unit_type = classify_unit(name)
            path = agency + (name,)
            src = source_of(line, doc, str(line.number))
            parsed.units.append(UnitRecord(path, kind, unit_type, src))
            for duty in split_duties(m.group("duties")):
                parsed.duties.append(DutyRecord(path, duty, src))
        elif in_section:
            parsed.unplaced.append(Unplaced(line.text[:80], source_of(line, doc), "text in the organization section that names no unit"))
    _staffing(text, doc, top, parsed)
    return parsed


def _staffing(text: str, doc: str, top: tuple[str, ...], parsed: ParsedDocument) -> None:
    """Headcount figures (預算員額表) and the leadership posts the organization chart shows."""
    from .posts import chart_leadership
    from .staffing_table import staffing_tables

    figures = staffing_tables(text, doc, top)
    if figures:
        parsed.extras["headcounts"] = figures
    posts = chart_leadership(text, doc, top)
    if posts:
        parsed.extras["posts"] = posts
