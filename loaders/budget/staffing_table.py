"""Budget staffing tables (預算員額表) and the 員額 summary sentence of a budget book.

A budget book states the statutory (編制/法定) and budget (預算) headcount in one
sentence, then gives a table per year by agency (名稱) and category (職員, 技工,
工友, 駕駛, 聘用, 約僱, 合計), one cell per line, and a 增減員額 row.  This module
turns both into *figures* (:class:`~graph_model.records.records.HeadcountRecord`: agency, scope,
year, category, value, kind budget | statutory | change, origin table | text, the table's
title and the row) — pure functions over text.

``scope`` tells the agency's own staff (the 關務署 row: headquarters only) from
the agency with everything under it (the 合計 row, 「關務署及所屬」).  ``change``
figures carry ``from_year``.

>>> text = ("甲署及所屬編制（法定）員額職員10人，109年度預算員額職員9人，共計9人。\\n"
...         "\\t109年度\\n\\t名稱\\n\\t職員\\n\\t合計\\n\\t甲署\\n\\t9\\n\\t9\\n")
>>> [(f.kind, f.row, f.category, f.value) for f in staffing_tables(text, "d", ("甲署",))]
[('budget', '甲署', '職員', 9), ('budget', '甲署', '合計', 9), ('statutory', '', '職員', 10), ('budget', '', '職員', 9), ('budget', '', '合計', 9)]
"""  # noqa: E501 (a doctest's output line)
from __future__ import annotations

from typing import Any, cast

from graph_model.lazy_re import lazy
from graph_model.records.naming import is_self_reference
from graph_model.records.records import HEADCOUNT_CATEGORIES as CATEGORIES, HeadcountRecord, Source
from loaders.read.text import clean, logical_lines

TOTAL_WORDS = ("合計", "總計", "共計")
CHANGE_WORDS = ("增減員額", "增減數", "增減", "比較增減")
_YEAR = lazy(r"^(?P<year>\d{2,3})年度$")
# A longer run of digits is no headcount (and int() refuses 4,301 digits).
_NUMBER = lazy(r"^[-−–+]?\d[\d,]{0,14}$")
_NAME = lazy(r"^[\u4e00-\u9fff（）()]{2,12}$")
_TITLE = lazy(r"^(?P<title>\S{0,30}員額(?:表|說明表|配置表))[：:]?$")
# 「預算員額職員9人…，共計9人」, 「預算員額計職員9人…，合計9人」
_STATUTORY = lazy(r"編制(?:（法定）|\(法定\)|法定)?員額(?:計|為|共)?"
                  r"(?P<list>(?:[\u4e00-\u9fff]{2,4}[\d,]{1,15}人[、及]?)+)")
_BUDGET = lazy(r"(?P<year>\d{2,3})年度預算員額(?:計|為|共)?(?P<list>(?:[\u4e00-\u9fff]{2,4}[\d,]{1,15}人[、及]?)+)"
               r"(?:，?(?:共計|合計|總計)(?P<total>[\d,]{1,15})人)?")
_CATEGORY = lazy("|".join(CATEGORIES))
_HEADER_RUN = lazy(rf"(?P<head>名稱|機關名稱|單位)(?P<columns>(?:{'|'.join(CATEGORIES)}){{2,}})")
_ROW_RUN = lazy(r"(?P<name>[\u4e00-\u9fff（）()]{2,12}?)\s*(?P<figures>[-−–+]?\d[\d,]*(?:\s+[-−–+]?\d[\d,]*)*)")
_TITLE_YEAR = lazy(r"(?P<title>\S+?員額(?:表|說明表|配置表))[：:]?(?P<year>\d{2,3}年度)")
_UNIT_NOTE = lazy(r"^單位[：:]")
_ITEM = lazy(r"(?:及|和|與)?(?P<cat>[\u4e00-\u9fff]{2,4}?)(?P<n>[\d,]{1,15})人")


def _int(text: str) -> int:
    return int(text.replace(",", "").replace("−", "-").replace("–", "-"))


def _source(doc_id: str, line: int, item: str = "") -> Source:
    return Source(doc_id, line, line, None, item or None)


def tables(text: str) -> list[dict]:
    """The staffing tables of a budget book, as laid out.

    Each table: ``{"title", "line", "end_line", "years": [{"year", "line", "columns",
    "rows": [{"name", "line", "end_line", "cells": {category: (value, line)}}]}],
    "change": {"name", "line", "cells"} | None}``.
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tokens = [(i + 1, cell) for i, r in enumerate(raw) for cell in cells(clean(r))]
    out: list[dict] = []
    i = 0
    while i < len(tokens):
        n, t = tokens[i]
        title = _TITLE.match(t)
        year = _YEAR.match(t)
        if not (title or (year and i + 1 < len(tokens) and tokens[i + 1][1] in ("名稱", "機關名稱", "單位"))):
            i += 1
            continue
        table: dict[str, Any] = {"title": title.group("title") if title else "", "line": n, "end_line": n,
                                 "years": [], "change": None}
        i = _read_table(tokens, i + (1 if title else 0), table)
        if table["years"]:
            out.append(table)
    return out


def cells(line: str) -> list[str]:
    """The cells of a line of a table however extraction laid it out: one cell per line, a Word table's row
    (「│113年度│甲署│9│」), a header run together (「名稱職員技工合計」), a row's figures after its name, or the
    title with its year.

    >>> cells("│增減││6│-2│"), cells("名稱職員技工工友合計"), cells("甲署")
    (['增減', '6', '-2'], ['名稱', '職員', '技工', '工友', '合計'], ['甲署'])
    >>> cells("公平交易委員會196 2 -1 212"), cells("基隆關1038"), cells("甲署預算員額表109年度")
    (['公平交易委員會', '196', '2', '-1', '212'], ['基隆關', '1038'], ['甲署預算員額表', '109年度'])
    """
    if "│" in line:
        return [c.strip() for c in line.split("│") if c.strip()]
    header = _HEADER_RUN.fullmatch(line)
    if header:
        return [header.group("head"), *_CATEGORY.findall(header.group("columns"))]
    title = _TITLE_YEAR.fullmatch(line)
    if title:
        return [title.group("title"), title.group("year")]
    row = _ROW_RUN.fullmatch(line)
    if row:
        return [row.group("name"), *row.group("figures").split()]
    return [line] if line else []


def _read_table(tokens, i: int, table: dict) -> int:
    columns: list[str] = []
    current = None
    while i < len(tokens):
        n, t = tokens[i]
        if t in ("年度", "年別") or _UNIT_NOTE.match(t):  # the year column's header, 「單位：人」
            i += 1
            continue
        year = _YEAR.match(t)
        if year:
            current = {"year": int(year.group("year")), "line": n, "columns": columns, "rows": []}
            table["years"].append(current)
            i += 1
            continue
        if t in ("名稱", "機關名稱", "單位"):
            columns = []
            i += 1
            while i < len(tokens) and tokens[i][1] in CATEGORIES:
                columns.append(tokens[i][1])
                i += 1
            if current is not None:
                current["columns"] = columns
            continue
        if _NAME.match(t) and columns and t not in CATEGORIES or t in TOTAL_WORDS:
            cells: list[tuple[int, int]] = []
            j = i + 1
            while j < len(tokens) and _NUMBER.match(tokens[j][1]) and len(cells) < len(columns):
                cells.append((_int(tokens[j][1]), tokens[j][0]))
                j += 1
            if len(cells) != len(columns) or (current is None and t not in CHANGE_WORDS):
                break
            row = {"name": t, "line": n, "end_line": tokens[j - 1][0], "cells": dict(zip(columns, cells))}
            if t in CHANGE_WORDS:
                table["change"] = row
            elif current is not None:  # (always: a row before any year stopped the table above)
                current["rows"].append(row)
            table["end_line"] = row["end_line"]
            i = j
            continue
        break
    return i


def _row_agency(name: str, agency_path: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    if name in TOTAL_WORDS:
        return agency_path, "group"
    if agency_path and (name in (agency_path[-1], "".join(agency_path)) or is_self_reference(name)):
        return agency_path, "own"
    return agency_path + (name,), "own"


def staffing_tables(text: str, doc_id: str, agency_path: tuple[str, ...]) -> list[HeadcountRecord]:
    """Headcount figures from a budget book's staffing tables and 員額 sentence (see the module doc).

    Table figures come first (one per row × category, 合計 rows included), then the
    figures of the summary sentence (``origin: "text"``), which restate the 合計 row
    and add the statutory (編制) headcount.
    """
    agency_path = tuple(agency_path)
    figures: list[HeadcountRecord] = []
    for table in tables(text):
        years = [y["year"] for y in table["years"]]
        for y in table["years"]:
            for row in y["rows"]:
                path, scope = _row_agency(row["name"], agency_path)
                for cat, (value, line) in row["cells"].items():
                    figures.append(HeadcountRecord(
                        agency=path, scope=scope, year=y["year"], category=cat, value=value, kind="budget",
                        origin="table", table=table["title"], row=row["name"],
                        source=_source(doc_id, line, f"{y['year']}年度/{row['name']}/{cat}")))
        change = table["change"]
        if change and len(years) >= 2:
            to_year, from_year = max(years), sorted(years)[-2]
            for cat, (value, line) in change["cells"].items():
                figures.append(HeadcountRecord(
                    agency=agency_path, scope="group", year=to_year, from_year=from_year, category=cat, value=value,
                    kind="change", origin="table", table=table["title"], row=change["name"],
                    source=_source(doc_id, line, f"{change['name']}/{cat}")))
    for paragraph in logical_lines(text, run_in_lists=False):  # a sentence wrapped at the page's edge, whole
        line, n = paragraph.text, paragraph.start
        budget = _BUDGET.search(line)
        if not budget:
            continue
        year = int(budget.group("year"))
        statutory = _STATUTORY.search(line)
        if statutory:
            for m in _ITEM.finditer(statutory.group("list")):
                figures.append(_text_figure(agency_path, year, m.group("cat"), _int(m.group("n")), "statutory",
                                            doc_id, n))
        for m in _ITEM.finditer(budget.group("list")):
            figures.append(_text_figure(agency_path, year, m.group("cat"), _int(m.group("n")), "budget", doc_id, n))
        if budget.group("total"):
            figures.append(_text_figure(agency_path, year, "合計", _int(budget.group("total")), "budget", doc_id, n))
    return figures


def _text_figure(agency_path, year, category, value, kind, doc_id, line) -> HeadcountRecord:
    return HeadcountRecord(agency=agency_path, scope="group", year=year, category=category, value=value, kind=kind,
                           origin="text", table="", row="", source=_source(doc_id, line, category))


def check_totals(figures: list[HeadcountRecord]) -> list[dict]:
    """Totals that do not add up, each as ``{"check", "message", "stated", "computed", "source", …}``.

    - ``row_total``: a row whose 合計 ≠ the sum of its categories;
    - ``column_total``: a 合計 row cell ≠ the sum of the rows above it;
    - ``change``: a 增減 cell ≠ this year's 合計 minus last year's;
    - ``summary``: a figure of the 員額 sentence ≠ the table's 合計 row.

    >>> f = [HeadcountRecord(agency=("A",), scope="own", year=1, category=c, value=v, kind="budget", origin="table",
    ...                      table="T", row="A", source=Source("d", 1))
    ...      for c, v in (("職員", 2), ("技工", 3), ("合計", 6))]
    >>> [(i["check"], i["stated"], i["computed"]) for i in check_totals(f)]
    [('row_total', 6, 5)]
    """
    issues: list[dict] = []
    table_figs = [f for f in figures if f.origin == "table" and f.kind == "budget"]
    rows: dict[tuple, dict[str, HeadcountRecord]] = {}
    for f in table_figs:
        rows.setdefault((f.table, f.year, f.row, f.scope), {})[f.category] = f
    for (_table, year, row, _scope), cells in rows.items():
        total = next((cells[c] for c in TOTAL_WORDS if c in cells), None)
        if total is None:
            continue
        computed = sum(cast(int, f.value) for c, f in cells.items() if c not in TOTAL_WORDS)  # a cell is a number
        if computed != total.value:
            issues.append(_issue("row_total", total, computed,
                                 f"{year}年度 {row}: 合計 {total.value} ≠ sum of categories {computed}"))
    groups: dict[tuple, dict] = {}
    for (table, year, _row, scope), cells in rows.items():
        for cat, f in cells.items():
            g = groups.setdefault((table, year, cat), {"total": None, "sum": 0, "rows": 0})
            if scope == "group":
                g["total"] = f
            else:
                g["sum"] += f.value
                g["rows"] += 1
    for (_table, year, cat), g in groups.items():
        if g["total"] is not None and g["rows"] and g["sum"] != g["total"].value:
            issues.append(_issue("column_total", g["total"], g["sum"],
                                 f"{year}年度 {cat}: 合計 row {g['total'].value} ≠ sum of rows {g['sum']}"))
    totals = {(f.table, f.year, f.category): f.value for f in table_figs if f.scope == "group"}
    for f in figures:
        if f.kind == "change" and f.from_year is not None:
            now = totals.get((f.table, f.year, f.category))
            before = totals.get((f.table, f.from_year, f.category))
            if now is not None and before is not None and now - before != f.value:
                issues.append(_issue("change", f, now - before,
                                     f"{f.row or '增減'} {f.category}: {f.value} ≠ "
                                     f"{f.year}年度 {now} − {f.from_year}年度 {before} = {now - before}"))
    group_by_year = {(f.year, f.category): f.value for f in table_figs if f.scope == "group"}
    for f in figures:
        if f.origin == "text" and f.kind == "budget":
            table_value = group_by_year.get((f.year, f.category))
            if table_value is not None and table_value != f.value:
                issues.append(_issue("summary", f, table_value,
                                     f"{f.year}年度 {f.category}: the text says {f.value}, "
                                     f"the table's 合計 row {table_value}"))
    return issues


def _issue(check: str, figure: HeadcountRecord, computed: int, message: str) -> dict:
    src = figure.source
    return {"check": check, "agency": figure.agency, "year": figure.year, "category": figure.category,
            "row": figure.row, "stated": figure.value, "computed": computed, "doc": src.doc,
            "line": src.line, "source": src, "message": message}
