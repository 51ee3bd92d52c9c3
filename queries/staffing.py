"""Staffing: the posts an organization act sets up, and budget headcounts by year.

Each query takes the graph first and returns JSON-ready data; ``render_staffing``
turns :func:`staffing`'s result into the CLI's text.

>>> from graph_model.store.store import open_store
>>> g = open_store("/nonexistent/store.json").graph()   # the bundled corpus
>>> table = headcounts(g, "基隆關", year=109)
>>> row = table["rows"][0]
>>> row["name"], row["values"]["合計"], row["previous"]["合計"], row["change"]["合計"]
('基隆關', 1146, 1149, -3)
>>> table["years"]
[108, 109]
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph_model.errors import NoHeadcounts
from graph_model.records.naming import breadcrumb_of
from graph_model.records.provenance import cite
from graph_model.records.ranks import rank_label
from graph_model.records.records import HEADCOUNT_CATEGORIES, rank_from_dict
from graph_model.textwidth import display_width, pad

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph



# --------------------------------------------------------------------------- posts
def _subtree(graph: OrgGraph, uid: str) -> list[str]:
    return [uid, *graph.descendants(uid)]


def _posts_of(graph: OrgGraph, uid: str) -> list[dict]:
    return [graph.node(v) for v, _ in graph.out(uid, "HAS_POST")]


def count_label(lo, hi) -> str:
    """``61–71``, ``1``, or ``—`` when the text names the post without a number.

    >>> count_label(61, 71), count_label(1, 1), count_label(None, None)
    ('61–71', '1', '—')
    """
    if lo is None and hi is None:
        return "—"
    return str(lo) if lo == hi else f"{lo}–{hi}"


def posts(graph: OrgGraph, ref: str, *, title: str | None = None) -> list[dict]:
    """Every post of a unit and the units below it, in document order.

    ``title`` keeps only posts with that title (科長).
    """
    uid = graph.resolve(ref)
    rows = []
    for unit in _subtree(graph, uid):
        node = graph.node(unit)
        for p in _posts_of(graph, unit):
            if title and p["title"] != title:
                continue
            rank = {k: p.get(k) for k in ("class_from", "grade_from", "class_to", "grade_to", "series")}
            rank["text"] = p.get("rank_text", "")
            rows.append({
                "id": p["id"], "unit": unit, "unit_name": node["name"], "title": p["title"],
                "min": p["min"], "max": p["max"], "count": count_label(p["min"], p["max"]),
                "rank": p.get("rank", ""), "rank_detail": rank if p.get("rank_text") else None,
                "sub_quotas": [{"count": q["count"], "rank": rank_label(rank_from_dict(q["rank"])),
                                "text": q.get("text", "")} for q in p.get("sub_quotas", [])],
                "concurrent": p.get("concurrent", 0), "per": p.get("per", ""), "variant": p.get("variant", ""),
                "note": p.get("note", ""), "doc": p["doc"], "line": p["line"], "article": p.get("article", ""),
                "cite": cite(p),
            })
    order = {u: i for i, u in enumerate(_subtree(graph, uid))}
    rows.sort(key=lambda r: (r["doc"], r["line"], order[r["unit"]]))
    return rows


def counted(row: dict) -> tuple[int, int] | None:
    """The headcount a post adds to its agency: None when it adds nothing countable.

    Posts held concurrently (「由…兼任」), posts of every instance of a unit
    (「每一燈塔置…」) and posts named without a number do not add a known count.
    """
    if row["min"] is None or row["per"] or (row["concurrent"] and row["concurrent"] >= row["max"]):
        return None
    lo = max(row["min"] - row["concurrent"], 0)
    hi = max(row["max"] - row["concurrent"], 0)
    return lo, hi


def post_totals(rows: list[dict]) -> dict:
    """Headcount range of a list of posts, with what could not be counted.

    One total per ``variant`` (一等/二等… offices) when there are variants: the
    posts common to every variant are added to each.
    """
    def total(selected):
        lo = hi = n = 0
        for r in selected:
            c = counted(r)
            if c:
                lo, hi, n = lo + c[0], hi + c[1], n + 1
        return {"min": lo, "max": hi, "posts": n}

    variants = sorted({r["variant"] for r in rows if r["variant"]})
    common = [r for r in rows if not r["variant"]]
    out = {**total(rows if not variants else common), "variants": {}}
    for v in variants:
        out["variants"][v] = total(common + [r for r in rows if r["variant"] == v])
    out["concurrent"] = [r["title"] for r in rows if r["concurrent"] and r["min"] is not None and not r["per"]]
    out["unstated"] = [r["title"] for r in rows if r["min"] is None]
    per: dict[str, dict] = {}
    for r in rows:
        if r["per"] and r["min"] is not None:
            t = per.setdefault(r["per"], {"min": 0, "max": 0, "posts": 0})
            t["min"] += r["min"] - r["concurrent"]
            t["max"] += r["max"] - r["concurrent"]
            t["posts"] += 1
            if r["concurrent"]:  # its titles, said (「plus 0 per 工務段」 said nothing)
                t.setdefault("concurrent", []).append(r["title"])
    out["per_instance"] = per
    return out


def unit_rollup(graph: OrgGraph, ref: str, rows: list[dict] | None = None) -> list[dict]:
    """Posts and headcount range per unit (each unit's own posts), in the order units appear."""
    rows = posts(graph, ref) if rows is None else rows
    by_unit: dict[str, list[dict]] = {}
    for r in rows:
        by_unit.setdefault(r["unit"], []).append(r)
    out = []
    for unit, unit_rows in by_unit.items():
        node = graph.node(unit)
        out.append({"unit": unit, "name": node["name"], **post_totals(unit_rows),
                    "staff_from_quota": bool(node.get("staff_from_quota")),
                    "staffing_notes": list(node.get("staffing_notes", []))})
    return out


def stated_totals(graph: OrgGraph, ref: str) -> list[dict]:
    """Statutory totals a document states (「…等計五百七十二人」), per unit and variant."""
    uid = graph.resolve(ref)
    out = []
    for unit in _subtree(graph, uid):
        for v, _ in graph.out(unit, "HAS_HEADCOUNT"):
            n = graph.node(v)
            if n["kind"] == "statutory" and n["year"] is None:
                out.append({"unit": unit, "variant": n["variant"], "min": n["min"], "max": n["max"],
                            "count": count_label(n["min"], n["max"]), "titles": n["row"], "cite": cite(n)})
    return out


# --------------------------------------------------------------------------- headcounts
def _figures(graph: OrgGraph, uid: str, kind: str = "budget") -> list[dict]:
    out = []
    for unit in _subtree(graph, uid):
        for v, _ in graph.out(unit, "HAS_HEADCOUNT"):
            if graph.node(v)["kind"] == kind and graph.node(v)["year"] is not None:
                out.append(graph.node(v))
    return out


def _cat_key(cat: str):
    order = HEADCOUNT_CATEGORIES
    return (order.index(cat) if cat in order else len(order), cat)


def headcounts(graph: OrgGraph, ref: str, year: int | None = None) -> dict:
    """Budget headcount (預算員額) of a unit and the agencies under it, by category, for one year.

    ``year`` defaults to the latest year with figures; each row also has the
    previous year's values and the change.  Raises :class:`NoHeadcounts` when
    there are figures but none for ``year``.
    """
    uid = graph.resolve(ref)
    figs = _figures(graph, uid)
    years = sorted({f["year"] for f in figs})
    result: dict[str, Any] = {"unit": uid, "breadcrumb": breadcrumb_of(graph.node(uid)["path"]), "years": years,
                              "year": None, "previous_year": None, "categories": [], "rows": [],
                              "stated_change": None, "statutory": None, "sources": []}
    if not figs:
        if year is not None:
            raise NoHeadcounts(f"no budget headcount figures for {uid}")
        return result
    if year is None:
        year = years[-1]
    if year not in years:
        raise NoHeadcounts(f"no budget headcount figures for {uid} in {year}年度; years with figures: "
                           + ", ".join(map(str, years)))
    prev = max((y for y in years if y < year), default=None)
    result.update(year=year, previous_year=prev)
    cells: dict[tuple[str, str], dict[int | None, dict]] = {}
    for f in figs:
        cells.setdefault((f["unit"], f["scope"]), {}).setdefault(f["year"], {})[f["category"]] = f
    cats = sorted({f["category"] for f in figs if f["year"] == year}, key=_cat_key)
    result["categories"] = cats
    rows = []
    for (unit, scope), by_year in cells.items():
        if year not in by_year:
            continue
        now, before = by_year[year], by_year.get(prev, {})
        values = {c: now[c]["value"] for c in cats if c in now}
        previous = {c: before[c]["value"] for c in cats if c in before}
        first = min(now.values(), key=lambda f: f["line"])
        rows.append({"unit": unit, "name": "合計" if scope == "group" else graph.node(unit)["name"], "scope": scope,
                     "values": values, "previous": previous,
                     "change": {c: values[c] - previous[c] for c in values if c in previous},
                     "doc": first["doc"], "line": first["line"], "cite": cite(first)})
    rows.sort(key=lambda r: (r["scope"] == "group", r["doc"], r["line"]))
    result["rows"] = rows
    changes = [f for f in _figures(graph, uid, "change") if f["year"] == year and f["unit"] == uid]
    if changes:
        result["stated_change"] = {"from_year": changes[0]["from_year"],
                                   "values": {f["category"]: f["value"]
                                              for f in sorted(changes, key=lambda f: _cat_key(f["category"]))},
                                   "cite": cite(min(changes, key=lambda f: f["line"]))}
    statutory = [f for f in _figures(graph, uid, "statutory") if f["year"] == year]
    if statutory:
        result["statutory"] = {"values": {f["category"]: f["value"] for f in statutory},
                               "scope": statutory[0]["scope"], "unit": statutory[0]["unit"], "cite": cite(statutory[0])}
    docs = sorted({(f["doc"]) for f in figs if f["year"] in (year, prev)})
    for doc in docs:
        lines = [f["line"] for f in figs if f["doc"] == doc and f["year"] in (year, prev)]
        result["sources"].append(f"{doc}:{min(lines)}-{max(lines)}")
    return result


def summary(graph: OrgGraph, ref: str) -> dict | None:
    """A unit's staffing in brief (for ``show``), or None when the documents give it none.

    Its own posts, the posts of the units below it, and its latest budget headcount.

    >>> from graph_model.store.store import open_store
    >>> g = open_store("/nonexistent/store.json").graph()
    >>> s = summary(g, "基隆關")
    >>> s["headcount"], s["headcount_year"]
    (1146, 109)
    >>> s = summary(g, "關稅總局")
    >>> s["own"]["posts"], s["own"]["min"], s["own"]["max"]
    (41, 783, 904)
    >>> summary(g, "基隆關/稽查組") is None
    True
    """
    uid = graph.resolve(ref)
    node = graph.node(uid)
    rows = posts(graph, uid)
    own = [r for r in rows if r["unit"] == uid]
    below = [r for r in rows if r["unit"] != uid]
    if not rows and node.get("headcount") is None and node.get("headcount_group") is None:
        return None
    return {"unit": uid, "own": post_totals(own), "own_titles": len(own),
            "below": post_totals(below), "below_titles": len(below),
            "below_units": len({r["unit"] for r in below}), "all": post_totals(rows),
            "post_sources": list(dict.fromkeys(f"{r['doc']}:{r['line']}" for r in rows)),
            "headcount": node.get("headcount"), "headcount_group": node.get("headcount_group"),
            "headcount_year": node.get("headcount_year"),
            "staff_from_quota": bool(node.get("staff_from_quota"))}


def render_summary(s: dict) -> list[str]:
    """The ``Staffing`` lines of ``show``."""
    def field(label: str, value: str) -> str:
        return f"  {label + ':':<10} {value}"

    lines = ["Staffing:"]
    if s["own_titles"]:
        lines.append(field("posts", _total_phrase(s["own"]) or f"{s['own_titles']} posts, no number stated"))
    if s["below_titles"]:
        units = f"{s['below_units']} unit{'s' if s['below_units'] != 1 else ''} below"
        lines.append(field("below", f"{_total_phrase(s['below']) or str(s['below_titles']) + ' posts'} ({units})"))
    if s["staff_from_quota"]:
        lines.append(field("quota", "its other staff come from the agency's quota (counted there)"))
    if s["headcount"] is not None:
        lines.append(field("headcount", f"{s['headcount']} (預算員額, {s['headcount_year']}年度)"))
    if s["headcount_group"] is not None:
        lines.append(field("group", f"{s['headcount_group']} (預算員額 with the agencies under it, "
                                    f"{s['headcount_year']}年度)"))
    lines.append(field("details", f"orggraph staffing {s['unit']}"))
    return lines


# --------------------------------------------------------------------------- the command
def staffing(graph: OrgGraph, ref: str, year: int | None = None, title: str | None = None) -> dict:
    """Posts (with totals and a roll-up by unit) and budget headcounts of a unit.

    ``year`` picks the budget year (default: the latest); ``title`` keeps only
    posts with that title.
    """
    uid = graph.resolve(ref)
    rows = posts(graph, uid, title=title)
    return {
        "unit": uid, "name": graph.node(uid)["name"], "breadcrumb": breadcrumb_of(graph.node(uid)["path"]),
        "title": title, "posts": rows, "totals": post_totals(rows), "by_unit": unit_rollup(graph, uid, rows),
        "stated_totals": stated_totals(graph, uid) if not title else [],
        "headcounts": headcounts(graph, uid, year) if not title or year else None,
    }


def found(result: dict) -> bool:
    """Whether :func:`staffing` found anything: posts, or a budget headcount table."""
    return bool(result["posts"] or (result["headcounts"] and result["headcounts"]["rows"]))


def staffing_json(graph: OrgGraph, result: dict) -> dict:
    """:func:`staffing`'s result for ``--json``: every ``unit`` is an object, as in ``which``.

    ``{"id", "name", "path", "type", "kind"}`` (type 組, 科 …; kind Division, Section …).
    """
    def unit(uid: str) -> dict:
        node = graph.node(uid)
        return {"id": uid, "name": node["name"], "path": list(node["path"]), "type": node.get("unit_type", ""),
                "kind": node.get("kind", "")}

    def convert(value):
        if isinstance(value, dict):
            return {k: unit(v) if k == "unit" and isinstance(v, str) and v in graph else convert(v)
                    for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return convert(result)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("±0" if n == 0 else f"−{-n}")


def render_staffing(result: dict) -> str:
    out: list[str] = []
    rows = result["posts"]
    if rows:
        out.append(f"{result['breadcrumb']} — posts" + (f" titled {result['title']}" if result["title"] else ""))
        tw = max(display_width(r["title"]) for r in rows) + 2
        cw = max(len(r["count"]) for r in rows) + 2
        rw = max(display_width(r["rank"] or "—") for r in rows) + 2
        for unit in result["by_unit"]:
            out.append(f"{unit['name']}  ({_total_phrase(unit)})"
                       + ("  [other staff come from the agency's quota]" if unit["staff_from_quota"] else ""))
            last_cite = None
            for r in (r for r in rows if r["unit"] == unit["unit"]):
                if r["cite"] != last_cite:
                    out.append(f"  {r['cite']}")
                    last_cite = r["cite"]
                extras = []
                if r["rank_detail"] and r["rank_detail"]["series"]:
                    extras.append("/".join(r["rank_detail"]["series"]))
                extras += [f"{q['count']} may be {q['rank']}" for q in r["sub_quotas"]]
                if r["concurrent"]:
                    extras.append(f"{r['concurrent']} held concurrently")
                if r["per"]:
                    extras.append(f"per {r['per']}")
                if r["variant"]:
                    extras.append(r["variant"])
                if r["note"] and not r["concurrent"]:
                    extras.append(r["note"])
                out.append(f"    {pad(r['title'], tw)}{pad(r['count'], cw)}{pad(r['rank'] or '—', rw)}"
                           f"{'; '.join(extras)}".rstrip())
        t = result["totals"]
        if len(result["by_unit"]) > 1 or t["variants"]:
            out.append(f"Total: {_total_phrase(t)}")
        for s in result["stated_totals"]:
            out.append(f"Stated total{' (' + s['variant'] + ')' if s['variant'] else ''}: {s['count']}  {s['cite']}")
    hc = result["headcounts"]
    if hc and hc["rows"]:
        if out:
            out.append("")
        out.extend(_render_headcounts(hc))
    if not out:
        what = f"posts titled {result['title']}" if result["title"] else "posts or budget headcounts"
        out.append(f"No {what} for {result['unit']} in the loaded documents.")
        if result["title"]:
            out.append(f"Titles match whole (科長, not 科); `orggraph staffing {result['unit']}` lists every post.")
    return "\n".join(out)


def _total_phrase(t: dict) -> str:
    people = "person" if t["min"] == t["max"] == 1 else "people"
    parts = [f"{count_label(t['min'], t['max'])} {people} in {t['posts']} post{'s' if t['posts'] != 1 else ''}"] \
        if t["posts"] else []
    for v, vt in t.get("variants", {}).items():
        parts.append(f"{v}: {count_label(vt['min'], vt['max'])}")
    if t["concurrent"]:
        parts.append(f"not counted, held concurrently: {'、'.join(t['concurrent'])}")
    for name, pt in t["per_instance"].items():
        if pt["max"]:  # 「工務段置段長一人，由…兼任」: its posts are all held concurrently, no one more per 工務段
            parts.append(f"plus {count_label(pt['min'], pt['max'])} per {name}")
        if pt.get("concurrent"):
            parts.append(f"per {name}, held concurrently: {'、'.join(dict.fromkeys(pt['concurrent']))}")
    if t["unstated"]:
        parts.append(f"no number for: {'、'.join(dict.fromkeys(t['unstated']))}")
    return "; ".join(parts)


def _render_headcounts(hc: dict) -> list[str]:
    prev = hc["previous_year"]
    head = f"{hc['breadcrumb']} — budget headcount (預算員額), {hc['year']}年度"
    out = [head + (f" (change from {prev}年度)" if prev else "")]
    cats = hc["categories"]
    if len(hc["rows"]) == 1 and prev:  # one agency: both years and the change, row by row
        (r,) = hc["rows"]
        out[0] = f"{hc['breadcrumb']} — budget headcount (預算員額)"
        cells = [[f"{hc['year']}年度"] + [str(r["values"].get(c, "—")) for c in cats],
                 [f"{prev}年度"] + [str(r["previous"].get(c, "—")) for c in cats],
                 ["增減"] + [_signed(r["change"][c]) if c in r["change"] else "—" for c in cats]]
    else:
        cells = [[r["name"]] + [(f"{r['values'][c]} ({_signed(r['change'][c])})" if c in r["change"]
                                 else str(r["values"].get(c, "—"))) for c in cats] for r in hc["rows"]]
    first = "年度" if len(hc["rows"]) == 1 and prev else "名稱"
    widths = [max(display_width(x) for x in col) + 2 for col in zip([first] + cats, *cells)]
    out.append("".join(pad(h, w, right=i > 0) for i, (h, w) in enumerate(zip([first] + cats, widths))).rstrip())
    for row in cells:
        out.append("".join(pad(x, w, right=i > 0) for i, (x, w) in enumerate(zip(row, widths))).rstrip())
    if hc["stated_change"]:
        sc = hc["stated_change"]
        out.append("Stated change (增減員額): " + ", ".join(f"{c} {_signed(v)}" for c, v in sc["values"].items())
                   + f"  {sc['cite']}")
    if hc["statutory"]:
        st = hc["statutory"]
        out.append("Statutory headcount (編制員額): " + ", ".join(f"{c} {v}" for c, v in st["values"].items())
                   + f"  {st['cite']}")
    out.append("Source: " + "; ".join(hc["sources"]))
    return out


# --------------------------------------------------------------------------- validate
def headcount_totals(graph: OrgGraph, parsed):
    """Rows whose 合計 ≠ the sum of the categories, 合計 rows ≠ the sum of the rows, 增減 ≠ the difference."""
    from loaders.budget.staffing_table import check_totals

    for p in parsed:
        for issue in check_totals(p.headcounts):
            yield {"unit": "/".join(issue["agency"]), "doc": issue["doc"], "line": issue["line"],
                   "kind": issue["check"], "stated": issue["stated"], "computed": issue["computed"],
                   "message": issue["message"]}
