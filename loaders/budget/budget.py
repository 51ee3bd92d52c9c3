"""Budget books (預算總說明): the organization section.

A budget book names its agency in the title (財政部關務署及所屬), states the
agency's 法定職掌, then lists, per agency ((1) 關務署, (2) 基隆關 …), each unit
as 「N. 單位：掌理…；…」.  Only that section is organization structure; the
施政目標/施政計畫 parts that follow must not attach to any unit, and the flattened
組織系統圖 (one character per line) is recorded as unplaced debris.
"""
from __future__ import annotations

import re

from graph_model.lazy_re import lazy
from graph_model.records.naming import AGENCY_SUFFIXES, SELF_REFERENCE, classify_unit, split_agency_name
from graph_model.records.records import Document, DutyRecord, ParsedDocument, UnitRecord, Unplaced
from loaders.common import UNIT_NAME, agency_from_title, agency_records, definitions_in, source_of, split_duties
from loaders.read.text import logical_lines

_SECTION_START = lazy(r"內部(分層)?(業務|單位)|業務[職執]掌|組織及職掌")
_MANDATE = lazy(r"^(主要職掌|法定職掌|現行法定職掌)[：:]")
_PART_HEADING = lazy(r"^[壹貳參肆伍陸柒捌玖拾][、．.]")
_UNIT_ITEM = lazy(r"^(?P<name>[^：:，。；]{2,24})[：:](?P<duties>.+)$")
# Clauses of the 主要職掌 prose that say where the agency comes from, not what it does.
_LEGAL_BASIS = lazy(r"係依|^(?:並|且)?依[^，]*(?:規定|設置|設立|成立)$|組織(?:法|條例|通則|準則|規程)(?!規)"
                    r"|令公布|公布施行")
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
# 「組織系統圖：署長副署長主任秘書綜合規劃組…」: the chart's boxes, run together on a line.
_CHART = lazy(r"組織(?:系統|架構)(?:圖|表)[：:]?(?P<boxes>.*)$")
_CHART_POSTS = lazy(r"(?:副)?(?:主任委員|主任秘書|秘書長|[署局處部所館院會廠校關]長|總經理|總幹事)"
                    r"|(?:參事|技監|顧問)")
_CHART_BOX = lazy(r"\w{1,10}?(?:委員會|中心|分署|分局|辦事處|大隊|組|室|科|課|處|隊|站|所|館|關)")
# The chart ends where the book's next part or a sentence begins (「…人事室 貳、施政目標與重點 一、提升…。」).
_CHART_END = lazy(r"[壹貳參肆伍陸柒捌玖拾][、．.]|[一二三四五六七八九十]、|。")


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
                            r"(?:依法(?:律規定)?|依(?:據|照)?[^，]{1,20}?規定|依(?:據|照)[^，]{1,12}?)?"
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
    doc = document.id
    try:
        title_line, title = next((ln, t) for ln in lines[:12] if ln.kind == "para" and
                                 (t := _AFTER_CONTENTS.sub("", ln.text)) and len(t) <= 40 and
                                 not _CONTENTS.search(t) and
                                 re.search(f"({'|'.join(AGENCY_SUFFIXES)})$", agency_from_title(t)))
    except StopIteration:
        return ParsedDocument(document)
    full = agency_from_title(title)
    document.title = f"{title}預算總說明" if "預算" not in title else title
    top = split_agency_name(full)
    parsed = ParsedDocument(document, units=agency_records(full, source_of(title_line, doc), aliases=(full,)),
                            definitions=definitions_in(lines, doc))

    in_section = False
    section_style = None
    charts: list = []
    mandate_list: tuple[str | None, str] | None = None  # (marker, heading) of a 主要職掌 that lists its duties
    agency = top
    for line in lines:
        if line.kind == "debris":
            parsed.unplaced.append(Unplaced(line.text[:80], source_of(line, doc), "flattened chart or table debris"))
            continue
        if line.kind not in ("item", "para"):
            continue
        body = line.body
        mandate = _MANDATE.match(body)
        if mandate_list and line.marker and line.marker != mandate_list[0] and not _SECTION_START.search(body):
            # 「主要職掌：本署掌理下列事項：」 then (1)…(2)…: the agency's duties, one per item
            for duty in split_duties(body):
                parsed.duties.append(DutyRecord(top, duty, source_of(line, doc, f"{mandate_list[1]} {line.number}")))
            continue
        if mandate_list and not line.marker and _LIST_INTRO.search(body):
            continue  # 「本署依…組織法掌理下列事項：」 between the heading and its items
        mandate_list = None
        if _MANDATE_HEADING.match(body.rstrip("：:")) and line.marker:
            mandate_list = (line.marker, body.rstrip("：:"))
            continue
        chart = _CHART.search(body)
        if chart and chart.group("boxes"):
            charts.append((chart.group("boxes"), line))
        if mandate:
            prose = _MANDATE.sub("", body).strip()
            for duty in mandate_duties(re.sub(r"[^。；]*(?:下列|左列)[^。；]*[：:]$|[：:]$", "", prose),
                                       (top[-1], full)):
                parsed.duties.append(DutyRecord(top, duty, source_of(line, doc, mandate.group(1))))
            if re.search(r"[：:]$", prose):
                mandate_list = (line.marker, mandate.group(1))
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
                parsed.units.append(UnitRecord(agency, kind, unit_type, source_of(line, doc),
                                               full_name="".join(agency)))
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
            parsed.unplaced.append(Unplaced(line.text[:80], source_of(line, doc),
                                            "text in the organization section that names no unit"))
    if all(len(u.path) <= len(top) for u in parsed.units):  # no unit list: the chart is all the book says
        for boxes, line in charts:
            for name in chart_units(boxes):
                kind, unit_type = classify_unit(name)
                parsed.units.append(UnitRecord(top + (name,), kind, unit_type, source_of(line, doc, "組織系統圖")))
    _staffing(text, doc, top, parsed)
    return parsed


def chart_units(boxes: str) -> list[str]:
    """Units of an organization chart whose boxes extraction ran together; posts (署長, 主任秘書) left out.

    >>> chart_units("署長副署長主任秘書綜合規劃組大氣觀測組秘書室人事室臺灣南區氣象中心")
    ['綜合規劃組', '大氣觀測組', '秘書室', '人事室', '臺灣南區氣象中心']
    >>> chart_units("局長副局長秘書室人事室基隆關臺北關 貳、施政目標與重點 一、強化查緝作業及資訊處。")
    ['秘書室', '人事室', '基隆關', '臺北關']
    """
    names = []
    boxes = _CHART_END.split(boxes, maxsplit=1)[0]
    for piece in re.split(r"[\s、，,│|─┌┐└┘├┤┬┴┼]+", _CHART_POSTS.sub(" ", boxes)):
        names += [n for n in _CHART_BOX.findall(piece) if UNIT_NAME.fullmatch(n)]
    return list(dict.fromkeys(names))


def _staffing(text: str, doc: str, top: tuple[str, ...], parsed: ParsedDocument) -> None:
    """Headcount figures (預算員額表) and the leadership posts the organization chart shows."""
    from loaders.acts.posts import chart_leadership

    from .staffing_table import staffing_tables

    parsed.headcounts = staffing_tables(text, doc, top)
    parsed.posts = list(chart_leadership(text, doc, top))  # (a list of posts is no list of every staffing record)
