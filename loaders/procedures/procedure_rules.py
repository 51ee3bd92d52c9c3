"""Rules of office rules (辦事細則) that a planner asks about like procedures.

The chapters of an office rules document on document handling (文書處理) and
delegated authority (分層負責) say who decides what and how fast: 處理時限
(最速件一日 …), 展期 (七日以內由主管科長核定 …), responsibility for errors by
level (例行文件處理之錯誤，由第三層主管負責 …).  :func:`office_rule_procedures`
turns each such article into a procedure-like record of kind ``"rule"`` whose
steps are its clauses, each with the deciding posts (``deciders``) and the days
it states, so that ``which 公文展期`` finds 「由主管科長核定」 and its agency.

>>> from loaders.read.text import logical_lines
>>> text = "第 四 章 文書處理\\n第 35 條\\n各單位承辦之文件，得按下列展期之規定，由各級主管斟酌核定：\\n" \\
...        "一、一般公文展期天數七日以內者，由主管科長核定；逾七日至三十日以內者，由單位主管核定。"
>>> [rule] = office_rule_procedures(logical_lines(text), ("經濟部", "智慧財產局"), "d")
>>> rule.title
'經濟部智慧財產局辦事細則第35條（展期）'
>>> [(s.terms.deciders, s.terms.min_days, s.terms.max_days) for s in rule.steps]
[(('主管科長',), None, 7), (('單位主管',), 7, 30)]
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from graph_model.lazy_re import lazy
from graph_model.records.ids import procedure_id, step_id
from graph_model.records.records import (
    Actor,
    ClauseTerms,
    NamedUnit,
    ProcedureNote,
    ProcedureRecord,
    Source,
    StepRecord,
    UnitRole,
)
from loaders.read.text import CN_NUM, Line, cn_number

from .procedure_units import Mention, UnitFinder

RULE_ROLE = "適用機關"
_RULE_CHAPTER = lazy(r"文書|公文|分層負責|授權|時限|職責|權責")
# 「主任秘書承長官之命處理事務，其權責如下：」: the powers of a post are its duties, not a rule.
_POST_POWERS = lazy(r"(?:權責|職責|職掌)如下|承長官之命|綜理|襄助|襄理|掌理")
_SIGNAL = lazy(rf"時限|展期|核定|核判|核准|負責|責任|決定|裁決|核示|許可|[{CN_NUM}\d]+\s*(?:日|小時)")
_DECIDERS = (
    lazy(r"(?:專案簽報|陳由|簽陳|陳奉|簽報|經由|送陳|由|經(?!辦))([^，。；]{2,20}?)"
         r"(?:核定|核判|核准|決定|裁決|核示|核章|負責(?!人員)|負其責任|許可|拆閱)"),
    lazy(r"非經([^，。；]{2,16}?)之?(?:許可|同意|核准)"),
    lazy(r"(?:^|[，；])(?:其關係重大者，)?([^，。；由]{2,14}?)(?:應|均)?(?:連帶負責|負連帶責任)"),
    lazy(r"(?:^|[，；])([^，。；由]{2,8}?)就[^，。；]{1,12}?負其責任"),  # 代理人就代理職務負其責任
)
_ADVERBS = lazy(r"(?:斟酌|分別|逕行|親自|即|之)$")
_POST_END = lazy(r"(?:人員|主管|首長|長|秘書|委員|參事|技監|人)$")
_N = rf"([{CN_NUM}\d]+)"


def _posts(words: str) -> list[str]:
    """「局長、副局長」 are two posts; 「繕、校人員」 and 「各該處、室主管」 are one, their heads sharing the post."""
    out: list[str] = []
    for piece in re.split(r"及|或|與", words):
        parts = piece.split("、")
        out += parts if all(_POST_END.search(p) for p in parts[:-1]) else [piece]
    return out


def _deciders(text: str) -> list[str]:
    """The posts a clause makes decide or answer for, in the order the text names them.

    >>> _deciders("文件繕、校錯誤者，由繕、校人員負責；其關係重大者，各級審核人員及主管人員應負連帶責任")
    ['繕、校人員', '各級審核人員', '主管人員']
    """
    found: list[tuple[int, str]] = []
    for pattern in _DECIDERS:
        for m in pattern.finditer(text):
            found += [(m.start(1), post.strip()) for post in _posts(_ADVERBS.sub("", m.group(1)))]
    posts: list[str] = []
    for _, post in sorted(found, key=lambda f: f[0]):
        if len(post) >= 2 and post not in posts:
            posts.append(post)
    return posts


def clause_days(text: str) -> dict[str, int | None]:
    """Days (and hours) a clause states: a time limit (``days``) or a range (``min_days``, ``max_days``);
    the keyword arguments of :class:`~graph_model.records.records.ClauseTerms`.

    >>> clause_days("逾七日至三十日以內者，由單位主管核定")
    {'days': None, 'min_days': 7, 'max_days': 30, 'hours': None}
    >>> clause_days("最速件：一日。")["days"]
    1
    """
    out: dict[str, int | None] = {"days": None, "min_days": None, "max_days": None, "hours": None}
    over = re.search(rf"逾{_N}日", text)
    within = re.search(rf"{_N}日以內", text)
    above = re.search(rf"{_N}日以上", text)
    if over:
        out["min_days"] = cn_number(over.group(1))
    if above and not over:
        out["min_days"] = cn_number(above.group(1))
    if within:
        out["max_days"] = cn_number(within.group(1))
    if not (over or within or above):
        plain = re.search(rf"{_N}日", text)
        if plain:
            out["days"] = cn_number(plain.group(1))
    hours = re.search(rf"{_N}小時", text)
    if hours:
        out["hours"] = cn_number(hours.group(1))
    return out


def _topic(lead: str, chapter: str) -> str:
    for pattern in (r"(?:下列|左列)([^，。；：]{1,10}?)之規定", r"^([^，。；：]{2,16}?)(?:規定)?如下",
                    r"應負([^，。；：]{2,12}?責任)"):
        m = re.search(pattern, lead)
        if m:
            return m.group(1)
    first = re.split(r"[，。；：]", lead, maxsplit=1)[0]
    return first if 2 <= len(first) <= 8 else chapter


def office_rule_procedures(lines: list[Line], agency_path: tuple[str, ...], doc_id: str, *,
                           units: Iterable[tuple[str, ...]] = (),
                           rules_title: str = "辦事細則") -> list[ProcedureRecord]:
    """Procedure-like ``"rule"`` records from the document-handling and delegation chapters.

    ``lines`` are :func:`loaders.read.text.logical_lines` of the office rules; ``units``
    the unit paths the document sets up (to resolve 秘書室 … named in the rules).
    The records go to ``parsed.procedures`` like procedures do.
    """
    agency = tuple(agency_path)
    part_paths: dict[str, tuple[str, ...]] = {}
    counts: dict[str, int] = {}
    for path in units:
        path = tuple(path)
        if len(path) > len(agency) and path[:len(agency)] == agency:
            counts[path[-1]] = counts.get(path[-1], 0) + 1
            part_paths[path[-1]] = path
    part_paths = {name: path for name, path in part_paths.items() if counts[name] == 1}
    finder = UnitFinder(agency, "", parts=part_paths)
    articles: dict[str, list[Line]] = {}
    chapters: dict[str, str] = {}
    for line in lines:
        if line.kind in ("para", "item") and line.article and line.chapter and _RULE_CHAPTER.search(line.chapter):
            articles.setdefault(line.article, []).append(line)
            chapters[line.article] = re.sub(r"^第\S+\s*", "", line.chapter)
    rules = []
    for article, body in articles.items():
        text = "".join(ln.text for ln in body)
        if not _SIGNAL.search(text) or _POST_POWERS.search(body[0].text):
            continue
        rules.append(_rule(article, body, chapters[article], agency, doc_id, finder, rules_title))
    return rules


_RULES_KIND = lazy(r"辦事細則|處務規程|處務規則")
_SELF_KIND = {"細則": "辦事細則", "規程": "處務規程", "規則": "處務規則"}


def rules_kind(title: str, text: str = "") -> str:
    """What the office rules call themselves: from the title, else from 「本細則/本規程…」 in the text.

    >>> rules_kind("經濟部能源署處務規程"), rules_kind("經濟部智慧財產局", "本細則依據…組織條例")
    ('處務規程', '辦事細則')
    """
    m = _RULES_KIND.search(title or "")
    if m:
        return m.group(0)
    m = re.search(r"本(細則|規程|規則)", text[:3000])
    return _SELF_KIND[m.group(1)] if m else "辦事細則"


def add_office_rules(parsed, lines: list[Line], agency_path: tuple[str, ...], text: str = "") -> None:
    """Put the rules of an office-rules document in ``parsed.procedures`` (merged with any there).

    Called by :func:`loaders.acts.structure.parse_document` for the ``office_rules`` genre.
    """
    rules = office_rule_procedures(lines, agency_path, parsed.document.id, units=[u.path for u in parsed.units],
                                   rules_title=rules_kind(parsed.document.title, text))
    ids = {p.id for p in parsed.procedures}
    parsed.procedures.extend(r for r in rules if r.id not in ids)


def _rule(article: str, body: list[Line], chapter: str, agency: tuple[str, ...], doc: str, finder: UnitFinder,
          rules_title: str) -> ProcedureRecord:
    lead = body[0].text if body[0].kind == "para" else ""
    title = f"{''.join(agency)}{rules_title}{article}（{_topic(lead, chapter)}）"
    rule = ProcedureRecord(procedure_id(title), "rule", title, Source(doc, body[0].start, body[-1].end, article),
                           agency, title_as_written=title, chapter=chapter)

    def at(line: Line) -> Source:
        return Source(doc, line.start, line.end)

    context: dict[int, str] = {}
    styles: list[str] = []
    mentions: list[tuple[Mention, Line, int | None]] = []  # (mention, its line, its step's number)
    for line in body:
        text = line.body if line.kind == "item" else line.text
        level = 0
        if line.marker:
            if line.marker not in styles:
                styles.append(line.marker)
            level = styles.index(line.marker) + 1
            context = {k: v for k, v in context.items() if k < level}
        if re.search(r"[：:]$", text) and (len(text) <= 12 or line is body[0]):
            if line is body[0] and line.kind == "para":
                rule.notes.append(ProcedureNote(text, at(line), section="lead"))
            else:
                context[level] = text.rstrip("：:")
            mentions += [(m, line, None) for m in finder.find(text)]
            continue
        pieces: list[str] = []
        for p in re.split(r"(?<=；)", text):
            if pieces and p.startswith("其"):  # 「；其關係重大者，…」 belongs to the clause before it
                pieces[-1] += p
            elif p.strip():
                pieces.append(p)
        if sum(bool(_deciders(p) or any(v for v in clause_days(p).values())) for p in pieces) < 2:
            pieces = [text]
        for piece in pieces:
            piece = piece.rstrip("；")
            n = len(rule.steps) + 1
            clause_at = Source(doc, line.start, line.end, article, str(line.number) if line.number else "")
            step = StepRecord(n, piece, clause_at, step_id(title, n),
                              branch="／".join(v for _, v in sorted(context.items())),
                              terms=ClauseTerms(tuple(_deciders(piece)), **clause_days(piece)))
            for m in finder.find(piece):
                mentions.append((m, line, n))
                if m.role:
                    step.actors.append(Actor(m.path, m.role, m.basis))
            rule.steps.append(step)
    rule.units.append(UnitRole(agency, RULE_ROLE, Source(doc, body[0].start, body[-1].end)))
    seen = {(agency, RULE_ROLE)}
    for m, line, step_n in mentions:
        if m.role and (m.path, m.role) not in seen:
            seen.add((m.path, m.role))
            rule.units.append(UnitRole(m.path, m.role, at(line), m.basis, m.post, step_n))
    acting = {u.unit for u in rule.units}
    for m, line, _ in mentions:
        if m.path not in acting:
            acting.add(m.path)
            rule.named.append(NamedUnit(m.path, at(line)))
    return rule
