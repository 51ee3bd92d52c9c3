"""The interactive org chart: one self-contained HTML file (graph in, HTML text out).

:func:`html_chart` fills ``html_chart.html`` (beside this module, shipped in the wheel)
with the chart's data as JSON: the units of the tree, their duties with provenance,
and what the page's search needs to answer exactly as ``orggraph which QUERY --agency
UNIT`` does.  The page cannot run Python: it carries a JavaScript *copy* of the ranking core
(:func:`queries.lookup.ranking.rank`, with its parameters imported from there) and of the reading of questions of
:func:`queries.lookup.ask.ask` (the planner vocabulary, 「哪個機關」 answered with agencies; not the agency a
question names: the page searches its own chart), run on entries precomputed here from the same
:class:`queries.lookup.search.Index`.  The copy is not the core: a change to the core must be made in
``html_chart.html``'s script too, and tests/test_html_chart.py checks in a browser that the page answers as ``which``
does.  What the page is given:

- entries keep their order (ties are broken by it) and their folded keys; a key is
  shipped only where the page's per-character folding would not reproduce it;
- the statistics stay those of the whole index (idf by document frequency, average
  length, the names a query can mention as context), so a chart of one unit ranks as
  ``which --agency UNIT`` on the whole graph;
- idf values are computed here (one per document frequency), so no float is
  recomputed differently in the browser.

Simplified Chinese in a query is converted per character in the page (OpenCC's
phrase tables stay here): the one known way its answers can differ from ``which``.

The data is embedded as JSON inside ``<script type="application/json">`` with ``<``,
``>``, ``&`` and the line separators escaped, and the page only ever writes it with
``textContent``: no name can close the script or inject markup.

>>> from graph_model.store.store import open_store
>>> page = html_chart(open_store("/nonexistent/store.json").graph(), "基隆關")
>>> page.startswith("<!DOCTYPE html>"), "稽查組" in page, "<script src" in page
(True, True, False)
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from graph_model.graph.succession_edges import FAMILY
from graph_model.records.records import Source
from queries.lookup.ask import (
    AGENCY_LEVEL,
    BELOW_NAMED,
    GRIEVANCE,
    GRIEVANCE_WORDS,
    LEFTOVER,
    MAX_VARIANTS,
    NAMED_SHARE,
    SYNONYM_WEIGHT,
)
from queries.lookup.ranking import (
    CONJUNCTIONS,
    CONTEXT_BOOST,
    DETERMINERS,
    EVIDENCE_PER_UNIT,
    GENERIC_ACTIONS,
    K1,
    MIN_COVERAGE,
    MIN_RUN,
    NAME_TERMS_WEIGHT,
    OBJECT_VERBS,
    OWN_NAME_BONUS,
    PARTIAL_MIN_CHARS,
    PHRASE_BONUS,
    PREFILTER,
    SEAM_GAP,
    SELF_REFERENCE,
    UNIGRAM_WEIGHT,
    B,
)
from queries.lookup.which import DEFAULT_TOP, index_of
from queries.textnorm import ABBREVIATIONS, VARIANTS, _fold_char, _opencc, fold, opencc_triggers
from queries.units import duties_in_order, hierarchy_view

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

TEMPLATE = Path(__file__).with_name("html_chart.html")
DATA_MARK = "/*ORGGRAPH-DATA*/"
TITLE_MARK = "<!--ORGGRAPH-TITLE-->"
VISIBLE_AT_OPEN = 100  # levels open at first while at most this many units show


def html_chart(graph: OrgGraph, unit: str | None = None, *, title: str | None = None, index=None) -> str:
    """The page for ``unit`` (a reference ``graph.resolve`` accepts) or for every top organization.

    ``index`` is the graph's lookup index when the caller has it (``queries.lookup.index_cache.cached_index``).
    """
    roots = [graph.resolve(unit)] if unit else None
    view = hierarchy_view(graph, roots)
    roots = roots or view.roots()
    if not roots:
        from graph_model.errors import ChartError
        raise ChartError("the graph has no units to chart; load documents first")
    data = chart_data(graph, view, roots, whole=not unit, index=index)
    if title is None:
        title = "組織圖：" + ("、".join(graph.node(r)["name"] for r in roots) if unit else "全部機關")
    data["title"] = title
    page = TEMPLATE.read_text(encoding="utf-8")
    # One pass over the template: a name holding a marker (/*ORGGRAPH-DATA*/) is never filled in itself.
    fill = {TITLE_MARK: _html_text(title), DATA_MARK: script_json(data)}
    return re.sub("|".join(map(re.escape, fill)), lambda m: fill[m.group()], page)


def script_json(data) -> str:
    """JSON safe inside a ``<script>`` element: nothing in it can end the element or start markup.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _html_text(text: str) -> str:
    """Text for an HTML element: markup characters escaped, control characters dropped."""
    text = "".join(ch for ch in text if ch >= " " or ch in "\t\n")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- data
def char_map() -> dict[str, str]:
    """OpenCC ``s2tw`` one character at a time, for the characters it may change (the page's converter)."""
    conv = _opencc()
    out = {}
    for ch in sorted(opencc_triggers()):
        to = conv.convert(ch)
        if len(to) == 1 and to != ch:
            out[ch] = to
    return out


def phrase_map(chars: dict[str, str], known) -> dict[str, str]:
    """OpenCC's phrases that convert otherwise than their characters do (布局 → 佈局, not 布局), kept
    where the difference reaches a character the index knows (``known``): elsewhere a query scores
    the same either way.  A phrase converts as its table says, then by TWVariants (as s2tw chains them)."""
    import opencc
    tables = Path(opencc.__file__).with_name("dictionary")
    tw = dict(line.split("\t")[:2] for line in (tables / "TWVariants.txt").read_text(encoding="utf-8").splitlines())
    out = {}
    for line in (tables / "STPhrases.txt").read_text(encoding="utf-8").splitlines():
        key, value = line.split("\t")
        value = value.split(" ")[0]
        if len(value) != len(key):
            continue
        whole = "".join(tw.get(ch, ch) for ch in value).translate(VARIANTS)
        apart = "".join(chars.get(ch, ch) for ch in key).translate(VARIANTS)
        if any(a != b and (a in known or b in known) for a, b in zip(whole, apart)):
            out[key] = whole
    return out


class _CharFold(dict):
    """``str.translate`` table of :func:`char_fold`, filled as characters come."""

    def __init__(self, chars: dict[str, str]):
        super().__init__()
        self.chars = chars

    def __missing__(self, code: int) -> str:
        ch = _fold_char(chr(code)).translate(VARIANTS)
        self[code] = out = self.chars.get(ch, ch).translate(VARIANTS)
        return out


def char_fold(text: str, table: _CharFold) -> str:
    """:func:`queries.textnorm.fold` with OpenCC applied per character: what the page computes for entries.

    >>> char_fold("缉私（台中）", _CharFold(char_map()))
    '緝私 臺中 '
    """
    return text.translate(table)


def chart_data(graph: OrgGraph, view, roots: list[str], whole: bool, index=None) -> dict:
    """Everything the page shows and searches, as plain JSON-ready data."""
    index = index or index_of(graph)
    chars, triggers = char_map(), opencc_triggers()
    table = _CharFold(chars)
    names: dict[str, str] = {}  # a name's folded key (OpenCC never converts across the space between names)
    # The units `which` allows: all of them, or (`--agency`) those at or under the root, by path as
    # queries.lookup.search does; units only named in procedures are answers too, though not in the tree.
    root_paths = [tuple(graph.node(r)["path"]) for r in roots] if whole is False else [()]
    local = [i for i, u in enumerate(index.units) if any(tuple(u[2][:len(p)]) == p for p in root_paths)]
    # Units outside the chart a query can still name as context (an agency above the chart's root).
    outside = sorted({i for ids in index.context.values() for i in ids} - set(local))
    order = local + outside
    pos = {g: n for n, g in enumerate(order)}
    by_path = {tuple(index.units[g][2]): n for n, g in enumerate(order)}
    by_id = {index.units[g][0]: n for n, g in enumerate(order)}
    units = []
    for n, g in enumerate(order):
        uid, name, path, kind, unit_type = index.units[g][:5]
        node = graph.node(uid)
        parent = by_path.get(tuple(path[:-1]), -1) if len(path) > 1 else -1
        row = {"id": uid, "n": name, "k": kind, "t": unit_type, "p": parent}
        if parent < 0:
            row["path"] = list(path)
        if n >= len(local):
            row["out"] = 1
        else:
            kids = [by_id[c] for c in view.children(uid) if c in by_id] if not node.get("mentioned") else []
            if kids:
                row["c"] = kids
            if node.get("mentioned"):
                row["m"] = 1
            if node.get("full_name") and node["full_name"] != name:
                row["f"] = node["full_name"]
            if node.get("doc"):
                row["s"] = Source(node["doc"], node["line"], node.get("end_line"), node.get("article") or None,
                                  node.get("item") or None).cite_zh()
            if node.get("headcount") is not None:
                row["h"] = [node["headcount"], node.get("headcount_year")]
            path_key = " ".join(names.get(p) or names.setdefault(p, fold(p, triggers)) for p in path)
            if path_key != char_fold(" ".join(path), table):
                row["pk"] = path_key
        units.append(row)
    entries: list[list] = []
    duty_entry: dict[str, int] = {}
    for e in index.entries:
        kind, _ref, text, key, prior, flags, handlers, _clause, context = e
        hs = [[pos[h[0]], _cite(h), h[5], h[6]] for h in handlers if h[0] in pos and pos[h[0]] < len(local)]
        if not hs:
            continue
        entry = [kind, text, prior, flags, hs, context]
        if key != char_fold(text, table):
            entry.append(key)
        if kind == "duty":  # (the units' entry of a duty, before the one of the meetings that decide it)
            duty_entry.setdefault(_ref, len(entries))
        entries.append(entry)
    for row in units[:len(local)]:  # the panel lists a unit's duties in document order, as `show` does
        duties = [duty_entry[d["id"]] for d, _ in duties_in_order(graph, row["id"]) if d["id"] in duty_entry]
        if duties:
            row["d"] = list(dict.fromkeys(duties))
    dfs = {t: len(index.postings[t]) // 2 for t in sorted(index.postings)}  # sorted: the same page every time
    n_entries = len(index.entries)
    idf = {str(df): math.log(1 + (n_entries - df + 0.5) / (df + 0.5)) for df in sorted({0, *dfs.values()})}
    return {
        "roots": [by_id[r] for r in roots],
        "openDepth": _open_depth(view, roots),
        "units": units, "local": len(local), "entries": entries,
        "df": dfs, "idf": idf, "avgdl": index.avgdl,
        "context": [[name, [pos[i] for i in ids if i in pos]] for name, ids in index.context.items()],
        "chars": "".join(f"{k}{v}" for k, v in chars.items()),
        "phrases": phrase_map(chars, dfs),
        "variants": "".join(f"{chr(k)}{v}" for k, v in VARIANTS.items()),
        "abbreviations": list(ABBREVIATIONS.items()),
        "synonyms": [[v.term, list(v.replacements), v.source, v.short_form] for v in index.catalog.synonyms],
        "agencies": [pos[i] for i, u in enumerate(index.units) if i in pos and u[0] in index.catalog.agencies],
        "params": {"K1": K1, "B": B, "UNIGRAM_WEIGHT": UNIGRAM_WEIGHT, "PHRASE_BONUS": PHRASE_BONUS,
                   "MIN_COVERAGE": MIN_COVERAGE, "PREFILTER": PREFILTER, "MIN_RUN": MIN_RUN, "SEAM_GAP": SEAM_GAP,
                   "PARTIAL_MIN_CHARS": PARTIAL_MIN_CHARS, "GENERIC_ACTIONS": list(GENERIC_ACTIONS),
                   "CONJUNCTIONS": sorted(CONJUNCTIONS), "DETERMINERS": DETERMINERS,
                   "SELF_REFERENCE": SELF_REFERENCE, "OBJECT_VERBS": list(OBJECT_VERBS),
                   "CONTEXT_BOOST": CONTEXT_BOOST, "OWN_NAME_BONUS": OWN_NAME_BONUS,
                   "NAME_TERMS_WEIGHT": NAME_TERMS_WEIGHT,
                   "EVIDENCE_PER_UNIT": EVIDENCE_PER_UNIT, "TOP": DEFAULT_TOP,
                   "SYNONYM_WEIGHT": SYNONYM_WEIGHT, "MAX_VARIANTS": MAX_VARIANTS,
                   "BELOW_NAMED": BELOW_NAMED, "NAMED_SHARE": NAMED_SHARE,
                   "AGENCY_LEVEL": AGENCY_LEVEL.pattern, "GRIEVANCE": GRIEVANCE.pattern,
                   "GRIEVANCE_WORDS": list(GRIEVANCE_WORDS), "LEFTOVER": LEFTOVER.pattern,
                   "FAMILY": FAMILY.pattern.replace("(?P<", "(?<")},  # a named group as JavaScript writes it
    }


def _cite(h: list) -> str:
    return Source(h[1], h[2], None, h[3] or None, h[4] or None).cite_zh()


def _open_depth(view, roots: list[str]) -> int:
    """How many levels below the roots to show open at first: as many as keep the page light."""
    depth, shown, frontier = 0, len(roots), list(roots)
    while frontier:
        frontier = [c for f in frontier for c in view.children(f)]
        if not frontier or shown + len(frontier) > VISIBLE_AT_OPEN:
            break
        shown += len(frontier)
        depth += 1
    return depth


def write_html_chart(graph: OrgGraph, unit: str | None, output, index=None) -> int:
    """Write :func:`html_chart` to ``output`` atomically; the number of units in its tree."""
    from graph_model.errors import ChartError
    from graph_model.store.store import atomic_write
    text = html_chart(graph, unit, index=index)
    atomic_write(output, text.encode("utf-8"), error=ChartError)
    roots = [graph.resolve(unit)] if unit else None
    view = hierarchy_view(graph, roots)
    roots = roots or view.roots()
    return len(roots) + sum(len(view.descendants(r)) for r in roots)
