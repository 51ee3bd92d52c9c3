"""Standard operating procedures (標準作業程序): one document, many procedures.

A procedure starts at its title (…作業程序, …作業流程, …辦理程序, …事宜, …申請 —
recognized by what follows it: 「一、法令依據」/「一、處理流程」 or a 【…】 qualifier
such as 【子女在國內就學】) and has sections:

- 法令依據 — laws and rules, one per line (「X及其施行細則」 is two laws);
- 處理流程 / 作業流程圖 / 標準作業程序 — the flow: a mermaid ``graph TD`` chart,
  arrow chains, or step lines (with 「1. 調部」-style branches), and 作業時間;
- 作業注意事項 / 辦理時應注意事項 / 控制重點 / 備考 / 備註 — notes;
- 使用表格 / 使用書表 / 相關表件 — forms;
- 權責單位 — responsible units, when the text names them.

The units acting in steps and notes are found by :class:`loaders.procedures.procedure_units.UnitFinder`
with their role (核辦, 彙辦, 審核 …).  Exports from HTML leave ``<p>``, ``<ol>``,
``<pre>``, ``<div>`` and table cells on one raw line: they are split first, so
that nothing of the markup reaches names or text.

Procedures go to ``parsed.procedures`` as :class:`~graph_model.records.records.ProcedureRecord`
(see :func:`parse`); :mod:`graph_model.graph.procedures` builds the graph nodes from them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph_model.lazy_re import lazy
from graph_model.records.ids import procedure_id, step_id
from graph_model.records.naming import AGENCY_SUFFIXES, classify_agency, classify_unit, split_agency_name
from graph_model.records.records import (
    Actor,
    Document,
    FlowEdge,
    FormRef,
    LawRef,
    NamedUnit,
    ParsedDocument,
    ProcedureNote,
    ProcedureRecord,
    Source,
    StepRecord,
    TimeLimit,
    UnitRecord,
    UnitRole,
    Unplaced,
)
from loaders.common import definitions_in
from loaders.read.text import Line, clean, cn_number, logical_lines, raw_lines

from .procedure_flow import MERMAID_START, parse_mermaid, split_arrow_chain
from .procedure_rules import office_rule_procedures
from .procedure_units import Mention, UnitFinder

__all__ = ["parse", "office_rule_procedures"]

OWNER_ROLE = "主辦機關"


# --------------------------------------------------------------------------- raw text → virtual lines
_URL_IN_ANGLE = lazy(r"<((?:https?|ftp)://[^>\s]+)>", re.I)
_PRE = lazy(r"<pre[^>]*>(.*?)</pre>", re.I | re.S)
_BLOCK_TAG = lazy(r"</?(?:p|ol|ul|li|div|pre|br|table|tbody|thead|tr|td|th|h[1-6]|section)\b[^>]*>", re.I)
_ENUMS = (lazy(r"(?:(?<=\s)|^)(\d{1,2})\.\s"),  # 1. 2. 3.
          lazy(r"(?:(?<=\s)|^)[（(]([一二三四五六七八九十]{1,3})[）)]\s*"))  # (一) (二)
_HEADER_CELL = lazy(r"^(?:使用書表|使用表格|相關表件|作業時間|備考|權責單位|作業說明|注意事項|相關文件)$")
_TABLE_ROW = "\0row"


def _split_enumeration(piece: str) -> list[str]:
    """「 1. 錄取名單。 2. 考試…」 (an HTML list flattened onto one line) → one piece per item."""
    for pattern in _ENUMS:
        cuts, expected = [], 1
        for m in pattern.finditer(piece):
            if cn_number(m.group(1)) == expected:
                cuts.append(m.start())
                expected += 1
        if len(cuts) >= 2:
            break
    else:
        return [piece]
    bounds = ([0] if piece[:cuts[0]].strip() else []) + cuts + [len(piece)]
    return [piece[a:b] for a, b in zip(bounds, bounds[1:])]


def _cells(line: str) -> list[str]:
    """Table cells of a raw line: header cells and cells holding markup stand alone; plain rows stay one row."""
    cells = [c for c in line.split("\t")]
    if len(cells) == 1:
        return cells
    filled = [c for c in cells if c.strip()]
    if len(filled) >= 2 and not any("<" in c or _HEADER_CELL.match(clean(c)) for c in filled):
        return [" ｜ ".join(c.strip() for c in filled) + _TABLE_ROW]
    return cells


def virtual_text(text: str) -> tuple[str, list[int], dict[str, tuple[str, int]]]:
    """Text with markup split into lines, the raw line number of each, and the mermaid blocks taken out.

    Mermaid blocks are replaced by a placeholder line ``@@FLOWn@@``; the returned
    dict maps the placeholder to ``(mermaid text, raw line)``.
    """
    raw = raw_lines(text)
    out: list[str] = []
    where: list[int] = []
    flows: dict[str, tuple[str, int]] = {}

    def flow_placeholder(body: str, lineno: int) -> str:
        key = f"@@FLOW{len(flows)}@@"
        flows[key] = (body, lineno)
        return f"\n{key}\n"

    i = 0
    while i < len(raw):
        lineno, line = i + 1, raw[i]
        i += 1
        if re.search(r"<pre", line, re.I) and not re.search(r"</pre>", line, re.I):
            while i < len(raw) and not re.search(r"</pre>", line, re.I):
                line += " " + raw[i]
                i += 1
        elif MERMAID_START.match(line) or line.strip().startswith("```mermaid"):
            fenced = line.strip().startswith("```")
            body = [] if fenced else [line]
            while i < len(raw) and (raw[i].strip() if not fenced else not raw[i].strip().startswith("```")):
                body.append(raw[i])
                i += 1
            if fenced:
                i += 1
            out.extend(["", flow_placeholder(" ".join(body), lineno).strip(), ""])
            where.extend([lineno] * 3)
            continue
        line = _URL_IN_ANGLE.sub(r" \1 ", line)
        # re.sub calls the lambda at once, with this iteration's lineno
        line = _PRE.sub(lambda m: flow_placeholder(m.group(1), lineno) if MERMAID_START.match(m.group(1))  # noqa: B023
                        else "\n" + m.group(1) + "\n", line)
        pieces, row = [], False
        for block in _BLOCK_TAG.split(line):
            for part in block.split("\n"):
                for cell in _cells(part):
                    if cell.endswith(_TABLE_ROW):
                        cell, row = cell[:-len(_TABLE_ROW)], True
                    pieces.extend(_split_enumeration(cell))
        pieces = [p for p in pieces if p.strip()] or [""]
        if row:  # a table row: never joined to the next row as a hard wrap
            pieces.append("")
        for n, piece in enumerate(pieces):
            if n:
                out.append("")  # pieces of one raw line are separate blocks: never joined as a hard wrap
                where.append(lineno)
            out.append(piece)
            where.append(lineno)
    return "\n".join(out), where, flows


def procedure_lines(text: str) -> tuple[list[Line], dict[str, tuple[str, int]]]:
    """Logical lines of a procedure document, with raw line numbers, and its mermaid blocks."""
    vtext, where, flows = virtual_text(text)
    lines = logical_lines(vtext, run_in_lists=False)
    for line in lines:
        line.start, line.end = where[line.start - 1], where[line.end - 1]
    return lines, flows


# --------------------------------------------------------------------------- sections
_SECTIONS = (
    ("laws", lazy(r"^(?:法令依據|法規依據|法源依據|依據法令)")),
    ("flow", lazy(r"^(?:作業流程圖|處理流程圖?|作業流程|標準作業程序|流程圖)")),
    ("forms", lazy(r"^(?:使用表格|使用書表|使用表件|使用表單|相關表件|相關表格|相關書表)")),
    ("time", lazy(r"^(?:作業時間|作業期間|處理時限)")),
    ("units", lazy(r"^權責單位")),
    ("notes", lazy(r"^(?:[^，。：:（(、]{0,8}注意事項|控制重點[^，。：:]{0,10}|備考|備註"
                   r"|[^，。：:]{0,12}作業程序如下)")),
)
_TITLE_NEXT = lazy(r"^(?:法令依據|處理流程|作業流程|標準作業程序)")
_QUALIFIER = lazy(r"^【([^】]{1,30})】$")
_TITLE_QUALIFIER = lazy(r"^(.{6,60}?)\s*【([^】]{1,30})】$")  # a qualifier hard-wrapped onto the title line
_REMARK = lazy(r"^註\s*\d*\s*[：:]")
_TABLE_WORDS = {"作業說明", "相關文件"}
_TIME_FRAGMENT = lazy(r"^(?:約|至|到|\d|日|天|個|工作|小時|[—–\-─←→~～｜]|\s)+$")


def _text(line: Line) -> str:
    return line.body if line.kind == "item" else line.text


def section_of(line: Line) -> tuple[str, str, str] | None:
    """``(section, qualifier, rest)`` when the line is a section heading (一、法令依據：…), else None.

    ``qualifier`` is a parenthesis right after the heading (處理流程（適用國外服務人員）),
    ``rest`` the text after it on the same line.
    """
    text = _text(line)
    for name, pattern in _SECTIONS:
        m = pattern.match(text)
        if not m:
            continue
        rest = text[m.end():]
        if name == "time":
            return name, "", rest.strip("：: ")
        if rest and rest[0] not in "：:（(" and not rest.startswith("如下"):
            continue
        if name == "notes" and len(text) > 40 and not rest.startswith(("：", ":")):
            continue
        qualifier = ""
        q = re.match(r"^[（(]([^）)]*)[）)]", rest)
        if q and name == "flow":
            qualifier, rest = q.group(1), rest[q.end():]
        return name, qualifier, rest.lstrip("：: ")
    return None


def is_title(lines: list[Line], i: int) -> bool:
    """A procedure title: a short standalone line followed by 一、法令依據/處理流程 or a 【…】 qualifier."""
    line = lines[i]
    if line.kind != "para" or not 6 <= len(line.text) <= 60 or re.search(r"[。：:；，]$", line.text):
        return False
    if section_of(line) or _REMARK.match(line.text) or line.text.startswith("@@FLOW"):
        return False
    nxt = next((x for x in lines[i + 1:i + 3] if x.kind != "debris"), None)
    if nxt is None:
        return False
    if nxt.kind == "para" and _QUALIFIER.match(nxt.text):
        return True
    if _TITLE_QUALIFIER.match(line.text):
        return section_of(nxt) is not None
    return (nxt.kind == "item" and nxt.number == 1 and bool(_TITLE_NEXT.match(nxt.body))) or \
        (nxt.kind == "para" and bool(_TITLE_NEXT.match(nxt.text)))


# --------------------------------------------------------------------------- pieces
_FULL_LAW = lazy(r"^(.+?)及其?施行細則$")
_ISSUER_TAIL = lazy(r"(?:函頒|訂頒|頒訂|頒布|訂定之|訂定|所訂|頒)$")


def parse_laws(text: str, source: Source) -> list[LawRef]:
    """Laws named by one line of 法令依據 (read at ``source``).

    >>> at = Source("d", 3, 3)
    >>> [(l.name, l.article, l.issuer) for l in parse_laws("「駐外機構統一指揮要點」第 19 點規定", at)]
    [('駐外機構統一指揮要點', '第19點', '')]
    >>> [l.name for l in parse_laws("公務人員任用法及其施行細則。", at)]
    ['公務人員任用法', '公務人員任用法施行細則']
    >>> [(l.name, l.issuer) for l in parse_laws("國防部頒「後備軍人逐次、儘後召集作業規定」", at)]
    [('後備軍人逐次、儘後召集作業規定', '國防部')]
    """
    text = clean(text).strip().rstrip("。.；;，,")
    if not text:
        return []
    issuer = article = ""
    m = re.match(r"^(.*?)[「『\"“](.+?)[」』\"”](.*)$", text)
    if m:
        pre, name, post = m.groups()
        issuer = _ISSUER_TAIL.sub("", pre).strip()
        a = re.search(r"第\s*([\d一二三四五六七八九十百]+(?:-\d+)?)\s*([點條項款])", post)
        if a:
            article = f"第{a.group(1)}{a.group(2)}"
    else:
        name = text
    name = name.strip("「」『』 ")
    listed = text
    full = _FULL_LAW.match(name)
    names = [full.group(1), full.group(1) + "施行細則"] if full else [name]
    return [LawRef(n, source, article, issuer, listed) for n in names]


_FORM_NOTE = lazy(r"[（(]([^（）()]*(?:註|附|種|者)[^（）()]*)[）)]$")


def parse_form(text: str, source: Source) -> FormRef | None:
    """A form named by one line of 使用表格 (read at ``source``): name, and a trailing remark as ``note``.

    >>> form = parse_form("因公死亡證明書及相關證明文件（因公死亡者另附）（註3）。", Source("d", 8, 8))
    >>> form.name, form.note, form.lines
    ('因公死亡證明書及相關證明文件', '因公死亡者另附；註3', [8])
    >>> parse_form("(駐外單位名稱)章戳扣模格式。", Source("d", 9, 9)).name
    '（駐外單位名稱）章戳扣模格式'
    """
    text = clean(text).strip().rstrip("。.；;，,").strip()
    notes: list[str] = []
    while True:
        m = _FORM_NOTE.search(text)
        if not m or m.start() == 0:
            break
        notes.insert(0, m.group(1))
        text = text[:m.start()].rstrip()
    name = text.replace("「", "").replace("」", "").replace("【", "").replace("】", "").strip()
    if not name:
        return None
    return FormRef(name, source, "；".join(notes), lines=[source.line])


def _parse_days(text: str) -> dict:
    """Days stated by an 作業時間 text: ``{"days": max, "min_days": min}`` (None when no number)."""
    # At most 6 digits: a longer "number of days" is noise, never a figure (and int() refuses 4,301 digits).
    numbers = [int(n) for n in re.findall(r"(?<!\d)(\d{1,6})\s*(?:個)?(?:工作)?(?:日|天)", text)]
    if not numbers and re.fullmatch(r"\s*\d{1,6}\s*", text):
        numbers = [int(text)]
    if not numbers:
        return {"days": None, "min_days": None}
    return {"days": max(numbers), "min_days": min(numbers)}


def _step_notes(text: str) -> tuple[str, list[str]]:
    """Split a step's text from its parenthesized remarks: 「請頒（1.於…辦理）（2.至…）」."""
    notes: list[str] = []
    m = re.search(r"[（(]\s*\d+\s*[.．、]", text)
    if m and m.start() > 0:
        tail, text = text[m.start():], text[:m.start()]
        for piece in re.split(r"(?=[（(]\s*\d+\s*[.．、])", tail):
            piece = piece.strip()
            if piece:
                piece = re.sub(r"^[（(]", "", piece)
                if piece.count("（") + piece.count("(") < piece.count("）") + piece.count(")"):
                    piece = re.sub(r"[）)]$", "", piece)
                if piece.count("（") > piece.count("）"):
                    piece += "）"
                notes.append(piece.strip())
    while text.endswith(("）", ")")):
        depth, k = 0, len(text) - 1
        while k >= 0:
            depth += text[k] in "）)"
            depth -= text[k] in "（("
            if depth == 0:
                break
            k -= 1
        if k <= 0 or len(text) - k < 10:
            break
        notes.insert(0, text[k + 1:-1])
        text = text[:k]
    return text.strip(), notes


# --------------------------------------------------------------------------- one procedure
class _ProcedureBuilder:
    def __init__(self, title_line: Line, title: str, written: str, agency: tuple[str, ...], finder: UnitFinder,
                 flows: dict[str, tuple[str, int]], doc: str):
        self.finder, self.flows, self.doc, self.agency = finder, flows, doc, agency
        self.title_line = title_line
        self.p = ProcedureRecord(procedure_id(title), "procedure", title, self._at(title_line), agency,
                                 title_as_written=written)
        self.end_line = title_line.end
        self.section: str | None = None
        self.time_parts: list[tuple[str, Line]] = []
        self.time_texts: list[tuple[str, int, int]] = []
        self.time_awaited = False  # an 作業時間 heading whose value comes later (after the steps of its row)
        self.branch = ""
        self.prev_step: int | None = None
        self.note_styles: list[str] = []
        self.form_prefixes = {"公務人員", "中華民國", "".join(agency), agency[-1]}
        self.mentions: list[tuple[Mention, Line, int | None]] = []
        self.unplaced: list[Line] = []
        self.next_line: Line | None = None

    # ---------------------------------------------------------------- feeding lines
    def feed(self, line: Line, nxt: Line | None = None) -> None:
        """Read one logical line; ``nxt`` is the line after it (a branch heading is followed by its steps)."""
        self.end_line = max(self.end_line, line.end)
        self.next_line = nxt
        if line.kind not in ("para", "item"):
            return
        text = _text(line)
        if not self.p.laws and not self.p.steps and self.section is None and line.kind == "para":
            q = _QUALIFIER.match(text)
            if q:
                self.p.qualifier = clean(q.group(1))
                return
        if _TIME_FRAGMENT.match(text) and (self.time_parts or (self.time_awaited and re.search(r"\d", text))):
            self.time_parts.append((text, line))
            return
        self._close_time()
        header = section_of(line)
        if header:
            name, qualifier, rest = header
            if name == "time":
                self.time_parts.append((rest or "", line))
                return
            self.section = name
            if name == "flow":
                self.p.has_flow_section = True
                self.branch, self.prev_step = "", None
                if qualifier and not self.p.flow_note:
                    self.p.flow_note = qualifier
                if rest:
                    self._content(rest, line, marker=None)
            elif name == "forms" and re.fullmatch(r"[（(].*[）)]", rest):
                self.p.forms_note = rest[1:-1]
            elif rest:
                self._content(rest, line, marker=None)
            return
        if _REMARK.match(text):
            self._note(text, line, "remark")
            return
        if text in _TABLE_WORDS:
            return
        self._content(text, line, marker=line.marker)

    def _content(self, text: str, line: Line, marker: str | None) -> None:
        if self.section == "laws":
            for law in parse_laws(text, self._at(line)):
                for word in self.finder.self_words:
                    if word.startswith("本") and law.issuer.startswith(word):  # 本部資訊中心 → 經濟部資訊中心
                        law = replace(law, issuer="".join(self.agency) + law.issuer[len(word):])
                self.p.laws.append(law)
        elif self.section == "flow":
            self._flow(text, line, marker)
        elif self.section == "notes":
            self._note(text, line, marker)
        elif self.section == "forms":
            form = parse_form(text, self._at(line))
            if form:
                self._add_form(form)
        elif self.section == "units":
            for m in self.finder.find(text):
                m.role = "權責單位"
                self.mentions.append((m, line, None))
        else:
            self.unplaced.append(line)

    def _close_time(self) -> None:
        if not self.time_parts:
            return
        text = "".join(t for t, _ in self.time_parts)
        text = re.sub(r"^[—–\-─←→~～｜\s]+|[—–\-─←→~～｜\s]+$", "", text)
        first, last = self.time_parts[0][1], self.time_parts[-1][1]
        self.time_parts = []
        self.time_awaited = not text
        if text:
            self.time_texts.append((text, first.start, last.end))

    # ---------------------------------------------------------------- flow
    def _flow(self, text: str, line: Line, marker: str | None) -> None:
        if text in self.flows:
            self._mermaid(*self.flows[text], line)
            return
        body = text
        nxt = self.next_line
        if marker and line.kind == "item" and "。" not in body and (
                len(body) <= 8 or re.search(r"部分[：:]?$", body)) and nxt is not None and nxt.marker != marker:
            self.branch, self.prev_step = body.rstrip("：: "), None
            return
        for part in split_arrow_chain(body):
            step_text, notes = _step_notes(part)
            n = self._add_step(step_text, line, notes=notes)
            if self.prev_step is not None:
                self.p.flow.append(FlowEdge(self.prev_step, n, self._at(line)))
            self.prev_step = n

    def _add_step(self, text: str, line: Line, *, notes: Sequence[str] = (), shape: str = "box", key: str = "") -> int:
        n = len(self.p.steps) + 1
        step = StepRecord(n, text, self._at(line), branch=self.branch, shape=shape, key=key, notes=list(notes))
        self.p.steps.append(step)
        found = self.finder.find("".join([text, *("（" + x + "）" for x in notes)]))
        for m in found:
            self.mentions.append((m, line, n))
            if m.role:
                actor = Actor(m.path, m.role, m.basis)
                if actor not in step.actors:
                    step.actors.append(actor)
        residue = text
        for m in sorted(found, key=lambda m: -len(m.name)):
            residue = residue.replace(m.name, "")
        # A box naming only who acts (「人事處」, 「財政部基隆關稅局、保三總隊」): a swim-lane label.
        step.unit_only = bool(found) and not re.sub(r"[、及與和暨，,\s]", "", residue)
        return n

    def _mermaid(self, body: str, lineno: int, line: Line) -> None:
        nodes, edges = parse_mermaid(body)
        numbers = {}
        for node in nodes:
            numbers[node.key] = self._add_step(node.text, line, shape=node.shape, key=node.key)
        for e in edges:
            self.p.flow.append(FlowEdge(numbers[e.source], numbers[e.target], self._at(line), e.label))
        self.prev_step = None

    # ---------------------------------------------------------------- notes and forms
    def _note(self, text: str, line: Line, marker: str | None) -> None:
        notes = self.p.notes
        if marker is None and notes and "｜" not in text and notes[-1].source.line <= line.start \
                and not _REMARK.match(text) and self.section == "notes" and notes[-1].kind != "remark" \
                and notes[-1].section == self.section:
            notes[-1].text += text
            notes[-1].source = replace(notes[-1].source, end_line=line.end)
        else:
            if marker == "remark":
                level, kind = 0, "remark"
            elif marker:
                if marker not in self.note_styles:
                    self.note_styles.append(marker)
                level, kind = self.note_styles.index(marker), "note"
            else:
                level, kind = (len(self.note_styles) if "｜" in text else 0), "note"
            label = f"{line.number}" if marker and marker != "remark" and line.number else ""
            notes.append(ProcedureNote(text, self._at(line), label, level, kind, self.section))

    def _same_form(self, a: str, b: str) -> bool:
        """公務人員撫卹事實表 and 撫卹事實表 are one form: the same name but for a qualifying prefix."""
        short, long_ = sorted((a, b), key=len)
        return a == b or (long_.endswith(short) and long_[:-len(short)] in self.form_prefixes)

    def _add_form(self, form: FormRef) -> None:
        for other in self.p.forms:
            a, b = other.name, form.name
            if self._same_form(a, b):
                if len(b) > len(a):
                    other.also_written.append(a)
                    other.name = b
                elif b != a:
                    other.also_written.append(b)
                other.lines.append(form.source.line)
                return
        self.p.forms.append(form)

    # ---------------------------------------------------------------- finishing
    def _note_units(self) -> None:
        """Units acting in each note, read once the note is whole (a name may be hard-wrapped: 國際貿|易局)."""
        for note in self.p.notes:
            where = Line("para", note.text, note.source.line, note.source.end_line or note.source.line)
            note.actors = []
            for m in self.finder.find(note.text):
                self.mentions.append((m, where, None))
                actor = Actor(m.path, m.role, m.basis)
                if m.role and actor not in note.actors:
                    note.actors.append(actor)

    def _at(self, line: Line) -> Source:
        return Source(self.doc, line.start, line.end)

    def finish(self) -> ProcedureRecord:
        self._close_time()
        self._note_units()
        self.mentions.sort(key=lambda x: x[1].start)  # document order (stable within a line)
        p = self.p
        p.source = replace(p.source, end_line=self.end_line)
        if self.time_texts:
            texts = list(dict.fromkeys(t for t, _, _ in self.time_texts))
            days = [_parse_days(t) for t in texts]
            found = [d for d in days if d["days"] is not None]
            p.time = TimeLimit("、".join(texts), Source(self.doc, self.time_texts[0][1], self.time_texts[-1][2]),
                               max((d["days"] for d in found), default=None),
                               min((d["min_days"] for d in found), default=None))
        p.units.append(UnitRole(self.agency, OWNER_ROLE, self._at(self.title_line)))
        seen = {(tuple(self.agency), OWNER_ROLE)}
        named = set()
        for m, line, step in self.mentions:
            if not m.role:
                continue
            key = (m.path, m.role)
            if key in seen:
                continue
            seen.add(key)
            p.units.append(UnitRole(m.path, m.role, self._at(line), m.basis, m.post, step))
        acting = {u.unit for u in p.units}
        for m, line, _step in self.mentions:
            if m.path not in acting and m.path not in named:
                named.add(m.path)
                p.named.append(NamedUnit(m.path, self._at(line)))
        return p


# --------------------------------------------------------------------------- the document
_AGENCY_PIECE = lazy(rf"[\u4e00-\u9fff]{{2,5}}?(?:{'|'.join(AGENCY_SUFFIXES)})")


def _agency_of_titles(titles: list[str], text: str) -> tuple[str, ...]:
    """The agency the procedures belong to: the agency most titles start with (經濟部駐外… → 經濟部)."""
    votes: dict[tuple[str, ...], int] = {}
    for title in titles:
        if title.startswith("本"):
            continue
        pieces, pos = [], 0
        while True:
            m = _AGENCY_PIECE.match(title, pos)
            if not m:
                break
            pieces.append(m.group(0))
            pos = m.end()
        if pieces:
            votes[tuple(pieces)] = votes.get(tuple(pieces), 0) + 1
    if votes:
        return max(votes.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
    m = re.search(r"([\u4e00-\u9fff]{2,5}?[部署局院府])(?:駐外|所屬|及所屬)", text)
    return (m.group(1),) if m else ()


def _full_title(written: str, agency: tuple[str, ...], self_words: set[str]) -> str:
    for word in sorted(self_words, key=len, reverse=True):
        if word.startswith("本") and written.startswith(word):
            return "".join(agency) + written[len(word):]
    return written


def _unit_records(paths: list[tuple[tuple[str, ...], Source]], agency: tuple[str, ...],
                  first_source: Source) -> list[UnitRecord]:
    records: list[UnitRecord] = []
    seen: set[tuple[str, ...]] = set()
    for full, source in [(agency, first_source)] + paths:
        for depth in range(1, len(full) + 1):
            path = full[:depth]
            if path in seen:
                continue
            seen.add(path)
            name = path[-1]
            internal = path[:len(agency)] == agency and len(path) > len(agency)
            if internal or (depth > 1 and not name.endswith(AGENCY_SUFFIXES)):
                kind, unit_type = classify_unit(name)
            else:
                kind, unit_type = classify_agency(name)
            records.append(UnitRecord(path, kind, unit_type, source, full_name="".join(path)))
    return records


def parse(text: str, document: Document) -> ParsedDocument:
    """Parse a procedures document; ``parsed.procedures`` holds one :class:`ProcedureRecord` per procedure:
    its title (本部 → the agency), laws, steps and flow, time limit, notes, forms, the units responsible
    (the agency as 主辦機關 first) and those only named.
    """
    lines, flows = procedure_lines(text)
    doc = document.id
    parsed = ParsedDocument(document, definitions=definitions_in(lines, doc))
    starts = [i for i in range(len(lines)) if is_title(lines, i)]
    if not starts:
        return parsed
    written_titles = [_TITLE_QUALIFIER.sub(r"\1", lines[i].text) for i in starts]
    agency = split_agency_name(document.meta["agency"]) if document.meta.get("agency") else \
        _agency_of_titles(written_titles, text)
    if not agency:
        return parsed
    finder = UnitFinder(agency, "\n".join([*(ln.text for ln in lines), *(clean(body) for body, _ in flows.values())]))
    procedures = []
    unit_paths: list[tuple[tuple[str, ...], Source, str]] = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        title_line = lines[i]
        written, qualifier = title_line.text, ""
        joined = _TITLE_QUALIFIER.match(written)
        if joined:
            written, qualifier = joined.group(1), clean(joined.group(2))
        title = _full_title(written, agency, finder.self_words)
        builder = _ProcedureBuilder(title_line, title, written, agency, finder, flows, doc)
        builder.p.qualifier = qualifier
        for j in range(i + 1, end):
            builder.feed(lines[j], lines[j + 1] if j + 1 < end else None)
        proc = builder.finish()
        if proc.qualifier:
            proc.title = f"{title}（{proc.qualifier}）"
            proc.id = procedure_id(proc.title)
        procedures.append(proc)
        unit_paths += [(u.unit, u.source, u.basis) for u in proc.units]
        unit_paths += [(u.unit, u.source, "") for u in proc.named]
        for line in builder.unplaced:
            parsed.unplaced.append(Unplaced(line.text[:80], Source(doc, line.start, line.end),
                                            "procedure text outside any known section"))
    for line in lines[:starts[0]]:
        if line.kind in ("para", "item"):
            parsed.unplaced.append(Unplaced(line.text[:80], Source(doc, line.start, line.end),
                                            "text before the first procedure title"))
    _finish_ids(procedures)
    first = lines[starts[0]]
    # A unit's source is where the text names it: an inferred role (人事單位 → 人事處) only when nothing names it.
    named_first = sorted(unit_paths, key=lambda u: (u[2] == "inferred", u[1].line))
    parsed.units = _unit_records([(path, src) for path, src, _ in named_first], agency,
                                 Source(doc, first.start, first.end))
    parsed.procedures = procedures
    n = len(procedures)
    document.title = procedures[0].title if n == 1 else f"{''.join(agency)}作業程序（{n}項）"
    return parsed


def _finish_ids(procedures: list[ProcedureRecord]) -> None:
    """Procedure ids are unique within a document (a repeated title gets its line number)."""
    seen: dict[str, int] = {}
    for p in procedures:
        seen[p.id] = seen.get(p.id, 0) + 1
    for p in procedures:
        if seen[p.id] > 1:
            p.title = f"{p.title}（第{p.source.line}行）"
            p.id = procedure_id(p.title)
        for step in p.steps:
            step.id = step_id(p.title, step.n)
