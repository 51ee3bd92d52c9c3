"""Org charts as DOT text: pure and deterministic (same graph and options → same text).

:func:`chart` walks the unit hierarchy under a unit (or under every top
organization) and returns a :class:`Chart` holding a ``pydot.Dot``; it runs no
Graphviz and touches no file.  :func:`write_chart` hands the text to
:mod:`queries.charts.render`, which draws it — on paper, choosing the row length that prints
largest, or refusing a chart whose text would print under 7 pt with the depth that fits.

Layout, in the style of an official 組織系統圖:

- a parent reaches its children through a horizontal "bus" line;
- when a level is wide (more than ``WIDE`` units), leaf children are *stacked*:
  grouped by unit type (組, 室, 分關 …) into vertical columns hanging off a spine,
  at most ``MAX_ROWS`` to a column;
- a parent with more than ``row`` things hanging off it (units with their sub-trees, stacked
  columns) gets them in several rows, one under the other on a vertical spine (columns side by
  side when left to right), so that a ministry with thirty agencies fits a page;
- names and duties break only between words or after punctuation (:func:`queries.charts.dot.wrap`);
- agencies, divisions, sections, branch offices … differ in outline and colour,
  and a legend lists the kinds shown (and the highlighted units, if any).

>>> from graph_model.graph.graph import OrgGraph
>>> from graph_model.records.records import Document, ParsedDocument, Source, UnitRecord
>>> src = Source("d", 1)
>>> units = [UnitRecord(("經濟部", "智慧財產局", name), kind, kind_type, src)
...          for name, kind, kind_type in [("專利一組", "Division", "組"), ("秘書室", "Division", "室")]]
>>> g = OrgGraph.build([ParsedDocument(Document("d", "t", "org_act"), units=units)])
>>> c = chart(g, "智慧財產局")
>>> c.units, c.title
(['經濟部/智慧財產局', '經濟部/智慧財產局/專利一組', '經濟部/智慧財產局/秘書室'], '經濟部智慧財產局')
>>> '"經濟部/智慧財產局/秘書室" [style="filled", fillcolor="#ffffff"' in c.to_string()
True
>>> c.legend
[('局', '機關'), ('組、室', '內部單位')]
>>> chart(g, "智慧財產局", lang="en").legend
[('局', 'Agency'), ('組, 室', 'Division')]
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pydot

from graph_model.errors import ChartError, TooLarge
from graph_model.records.records import UNIT_KINDS

from .dot import DIRECTIONS, FONT, LANGUAGES, html_text, lines_label, quote as _q, width as text_width, wrap

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

WIDE = 6  # a level with more units than this gets its leaf units stacked
MAX_ROWS = 8  # units per stacked column
ROW = {"TB": 8, "LR": 16}  # things hanging off one parent per row (per column, left to right)
ROWS = {"TB": (8, 2, 3, 4, 6, 12, 20), "LR": (16, 4, 8, 24)}  # tried on paper: the one that prints largest wins
NAME_WRAP = 9  # a longer unit name takes two lines (in ems)
READABLE_UNITS = 150  # beyond this a chart is a wall of boxes: warn and suggest --depth
DUTY_WRAP = 15  # full-width characters per duty line
DUTY_LINES = 2  # lines per duty before it is cut with an ellipsis
NAME_SIZE = 14  # points
SMALL_SIZE = 11
BOX_HEIGHT = 23.04  # points: a box's least height (0.32 in)
LEGEND_SIZE = 12

# kind -> (legend text in English, node attributes).  Outline differs as well as colour, so the
# chart stays readable in grey: agencies double-framed, branch offices rounded, …
STYLES: dict[str, tuple[str, dict[str, str]]] = {
    "Agency": ("Agency", {"style": "filled", "peripheries": "2", "fillcolor": "#d6e4f5", "color": "#1f4e79",
                          "penwidth": "1.4"}),
    "Division": ("Division", {"style": "filled", "fillcolor": "#ffffff", "color": "#404040"}),
    "Section": ("Section", {"style": "filled,rounded", "fillcolor": "#f0f0f0", "color": "#808080",
                            "fontsize": "12"}),
    "BranchOffice": ("Branch office", {"style": "filled,rounded", "fillcolor": "#dcefd6", "color": "#2e6b1f",
                                       "penwidth": "1.6"}),
    "Team": ("Team", {"style": "filled,dashed,rounded", "fillcolor": "#f7f7f7", "color": "#808080",
                      "fontsize": "12"}),
    "Committee": ("Committee", {"style": "filled,dashed", "fillcolor": "#fff4d1", "color": "#8a6d00"}),
    "Facility": ("Facility", {"style": "filled,diagonals", "fillcolor": "#fbe3cf", "color": "#8a4b12"}),
}
HIGHLIGHT = {"fillcolor": "#ffd34d", "color": "#c00000", "penwidth": "2.4"}
# What a chart says, in each language it speaks (Chinese by default).
TEXTS: dict[str, dict[str, str]] = {
    "zh": {"legend": "圖例", "headcount": "員額 {n}", "hidden": "下轄 {n} 個單位", "more": "另有 {n} 項職掌",
           "query": "查詢「{q}」", "highlighted": "{n} 個單位符合", "matched": "符合查詢", "joiner": "、",
           "Agency": "機關", "Division": "內部單位", "Section": "科", "BranchOffice": "分支機構",
           "Team": "股", "Committee": "委員會", "Facility": "附屬設施"},
    "en": {"legend": "Legend", "headcount": "headcount {n}", "hidden": "+{n} units", "more": "+{n} more duties",
           "query": "which {q}", "highlighted": "{n} highlighted", "matched": "highlighted", "joiner": ", ",
           **{kind: text for kind, (text, _) in STYLES.items()}},
}


@dataclass
class Chart:
    """A built chart: the DOT graph plus what it shows and what a reader should be warned about."""

    dot: pydot.Dot
    units: list[str]  # unit ids shown, in drawing order
    warnings: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every piece of text drawn
    title: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)  # (sample box text, explanation)
    min_size: float = SMALL_SIZE  # the smallest text drawn, in points at scale 1
    area: float = 0.0  # what the boxes alone cover at scale 1, in square points (a lower bound of the chart's)
    pages: int = 1  # sheets of paper it was printed on (write_chart_pages)

    def to_string(self) -> str:
        """The DOT source (deterministic)."""
        return self.dot.to_string()

    def text(self) -> str:
        """All characters the chart draws: what the font must cover."""
        return "".join(self.texts)


def chart(graph: OrgGraph, unit: str | None = None, *, depth: int | None = None, highlight: Iterable[str] = (),
          highlight_label: str = "", direction: str = "TB", headcount: Mapping[str, int] | bool | None = None,
          duties: int = 0, stack: bool | None = None, font: str = FONT, lang: str = "zh",
          row: int | None = None) -> Chart:
    """Org chart of ``unit`` (a reference :meth:`OrgGraph.resolve` accepts) or of every top organization.

    ``depth`` limits the levels below the top; ``highlight`` is a set of unit ids to fill
    (``highlight_label``, the query that found them, names them in the legend); ``headcount`` is a
    mapping unit id → headcount, or ``True`` to read the ``headcount`` attribute of unit nodes;
    ``duties`` lists up to that many duties in each box; ``stack`` forces (True) or forbids (False)
    stacked leaf columns — by default they are used in top-to-bottom charts whose levels are wide;
    ``lang`` is the language of the legend and the small print (``zh`` or ``en``); ``row`` is how
    many sub-trees or columns hang side by side off one parent before the next row starts.
    """
    if direction not in DIRECTIONS:
        raise ChartError(f"unknown direction {direction!r}; use {' or '.join(DIRECTIONS)}")
    if lang not in LANGUAGES:
        raise ChartError(f"unknown language {lang!r}; use {' or '.join(LANGUAGES)}")
    if row is not None and row < 2:
        raise ChartError("a row holds 2 units or more")
    if depth is not None and depth < 0:
        raise ChartError("depth must be 0 or more")
    if duties < 0:
        raise ChartError("duties must be 0 or more")
    from queries.units import hierarchy_view  # units only named in procedures are not charted (unless asked for)
    roots = [graph.resolve(unit)] if unit else None
    graph = hierarchy_view(graph, roots)
    roots = roots or graph.roots()
    if not roots:
        raise ChartError("the graph has no units to chart; load documents first")
    asked = headcount is not None and headcount is not False
    if headcount is True:
        headcount = {u["id"]: u["headcount"] for u in graph.units() if u.get("headcount") is not None}
    result = _Builder(graph, depth=depth, highlight=set(highlight), highlight_label=highlight_label,
                      direction=direction, headcount=headcount or None, duties=duties, stack=stack,
                      font=font, texts=TEXTS[lang], row=row or ROW[direction]).build(roots, titled=bool(unit))
    if asked and not any((headcount or {}).get(u) is not None for u in result.units):
        result.warnings.insert(0, "no unit in this chart has a headcount in the graph: boxes show names only")
    return result


def units_matching(graph: OrgGraph, query: str, within: str | None = None) -> list[str]:
    """Ids of the units ``which(graph, query, agency=within)`` returns, best first (for ``highlight``).

    >>> from graph_model.store.store import open_store
    >>> units_matching(open_store("/nonexistent/store.json").graph(), "保稅工廠監管", within="臺中關")
    ['財政部/關務署/臺中關/保稅組']
    """
    try:
        from queries.lookup.which import which
    except ImportError:  # pragma: no cover - the lookup ships with orggraph
        raise ChartError("--highlight needs the `which` lookup (queries/lookup/which.py), "
                         "which is not installed") from None
    return list(dict.fromkeys(hit.unit["id"] for hit in which(graph, query, agency=within)))


# --------------------------------------------------------------------------- building
class _Builder:
    def __init__(self, graph: OrgGraph, *, depth, highlight, highlight_label, direction, headcount, duties, stack, font,
                 texts, row):
        self.graph, self.depth, self.highlight = graph, depth, highlight
        self.highlight_label, self.direction, self.headcount = highlight_label, direction, headcount
        self.duties, self.stack, self.font, self.say, self.row = duties, stack, font, texts, row
        self.spans: dict[str, int] = {}
        self.sizes: set[float] = {NAME_SIZE}  # point sizes drawn
        self.area = 0.0
        self.lines: dict[str, tuple[list[str], list[str], list[str]]] = {}  # each unit is drawn once
        self.units: list[str] = []
        self.texts: list[str] = []
        self.kinds: dict[str, list[str]] = {}  # kind -> unit types seen, in order
        self.width_of_level: dict[int, int] = {}
        self.clusters = self.points = self.ranks = 0
        self.dot = pydot.Dot("orgchart", graph_type="digraph")

    # ----------------------------------------------------------------- structure
    def shown_children(self, uid: str, level: int) -> list[str]:
        if self.depth is not None and level >= self.depth:
            return []
        return self.graph.children(uid)

    def count_levels(self, uid: str, level: int) -> None:
        self.width_of_level[level] = self.width_of_level.get(level, 0) + 1
        for kid in self.shown_children(uid, level):
            self.count_levels(kid, level + 1)

    def stacks(self, n_children: int, n_leaves: int, level: int) -> bool:
        if n_leaves < 2:
            return False
        if self.stack is not None:
            return self.stack
        return self.direction == "TB" and (n_children > WIDE or self.width_of_level.get(level, 0) > WIDE)

    def columns(self, leaves: list[str]) -> list[list[str]]:
        """Leaf units grouped by unit type (組, 室, 分關 …) in order of appearance, split into columns.

        A unit alone of its type joins a group of its kind; units alone of their kind share
        one last column, so that a single 燈塔 does not take a column of its own.
        """
        groups: dict[tuple[str, str], list[str]] = {}
        for leaf in leaves:
            node = self.graph.node(leaf)
            groups.setdefault((node["kind"], node["unit_type"]), []).append(leaf)
        merged: dict[tuple[str, str], list[str]] = {}
        odd: list[str] = []
        for (kind, unit_type), members in groups.items():
            if len(members) == 1:
                host = next((k for k, m in groups.items() if k[0] == kind and len(m) > 1), None)
                if host is None:
                    odd.extend(members)
                else:
                    merged.setdefault(host, []).extend(members)
                continue
            merged.setdefault((kind, unit_type), []).extend(members)
        order = {leaf: i for i, leaf in enumerate(leaves)}
        cols: list[list[str]] = []
        for members in [*merged.values(), odd]:
            if not members:
                continue
            members.sort(key=order.__getitem__)
            n = math.ceil(len(members) / MAX_ROWS)
            size = math.ceil(len(members) / n)
            cols.extend(members[i:i + size] for i in range(0, len(members), size))
        if len(cols) > 1 and odd and cols[-1] == odd:
            return sorted(cols[:-1], key=lambda col: order[col[0]]) + [odd]
        return sorted(cols, key=lambda col: order[col[0]])

    # ----------------------------------------------------------------- drawing
    def build(self, roots: list[str], titled: bool) -> Chart:
        dot = self.dot
        for key, value in (("rankdir", self.direction), ("splines", "line"), ("nodesep", "0.22"),
                           ("ranksep", "0.24"), ("fontname", _q(self.font)), ("fontsize", "20"),
                           ("bgcolor", "white"), ("pad", "0.3"), ("outputorder", "edgesfirst")):
            dot.set(key, value)
        dot.set_node_defaults(fontname=_q(self.font), fontsize=str(NAME_SIZE), shape="box",
                              margin=_q("0.12,0.04"), height="0.32")
        dot.set_edge_defaults(dir="none", color=_q("#555555"), penwidth="1.2")
        body: pydot.Graph = dot
        title = ""
        if titled and len(roots) == 1:
            # The title is the label of a frameless cluster around the chart; the legend is the
            # graph's label, under the chart: neither takes part in (and stretches) a rank.
            title = "".join(self.graph.node(roots[0])["path"])
            body = self.cluster(dot, label=_q(title), labelloc="t", labeljust="c", fontsize="20")
            self.texts.append(title)
        for root in roots:
            self.count_levels(root, 0)
        for root in roots:
            self.subtree(root, 0, body, root)
        legend = self.legend()
        return Chart(dot, self.units, self.warnings(roots), self.texts, title, legend, min(self.sizes), self.area)

    def subtree(self, uid: str, level: int, into, group: str, width: float | None = None) -> None:
        """Draw ``uid`` and what hangs below it.  ``group`` names the vertical line the unit sits on:
        nodes of one Graphviz group are kept in a straight line, so connectors stay vertical."""
        kids = self.shown_children(uid, level)
        if not kids:
            self.unit_node(uid, level, width, into=into, group=group)
            return
        box = self.cluster(into)  # keeps the subtree together and in document order
        self.unit_node(uid, level, width, into=box, group=group)
        slots = self.slots(kids, level + 1)
        trees = [item for kind, item in slots if kind == "tree"]
        # Left to right, siblings form a column already: give them one width so that they line up.
        width = max(self.label_width(u, level + 1) for u in trees) if self.direction == "LR" and trees else None
        rows = self.rows(slots)
        top, minlen = _q(uid), 1
        for i, row in enumerate(rows):
            # Each row hangs off the spine below the deepest sub-tree of the row above it.
            tops, spine = self.bus(top, len(row), box, group, f"{uid}#{i}." if len(rows) > 1 else f"{uid}#",
                                   minlen, through=i < len(rows) - 1)
            for (kind, item), (slot_top, top_group) in zip(row, tops):
                length = minlen if slot_top == top else 1
                if kind == "tree":
                    box.add_edge(pydot.Edge(slot_top, _q(item), weight="100", **_minlen(length)))
                    self.subtree(item, level + 1, box, top_group, width)
                else:
                    self.column(item, level + 1, box if len(slots) == 1 else self.cluster(into=box), slot_top,
                                top_group, length)
            minlen = max(self.slot_span(slot, level + 1) for slot in row) + 1
            if spine is None:  # the last row: the spine ends here
                break
            top = spine

    def rows(self, slots: list) -> list[list]:
        """``slots`` cut into rows of about equal length, none longer than ``self.row``."""
        n = math.ceil(len(slots) / self.row)
        size = math.ceil(len(slots) / n)
        return [slots[i:i + size] for i in range(0, len(slots), size)]

    def span(self, uid: str, level: int) -> int:
        """Ranks the drawn sub-tree of ``uid`` takes, its own included (where the next row may start)."""
        if uid not in self.spans:
            total, kids = 1, self.shown_children(uid, level)
            if kids:
                rows = self.rows(self.slots(kids, level + 1))
                for i, row in enumerate(rows):
                    has_bus = not (i == len(rows) - 1 and len(row) == 1)
                    total += has_bus + max(self.slot_span(slot, level + 1) for slot in row)
            self.spans[uid] = total
        return self.spans[uid]

    def slot_span(self, slot: tuple[str, Any], level: int) -> int:
        kind, item = slot
        return self.span(item, level) if kind == "tree" else len(item)

    def slots(self, kids: list[str], level: int) -> list[tuple[str, Any]]:  # ("tree", uid) or ("column", uids)
        """What hangs off a parent's bus, in order: ``("tree", unit)`` or ``("column", [leaf units])``."""
        leaves = [k for k in kids if not self.shown_children(k, level)]
        if not self.stacks(len(kids), len(leaves), level):
            return [("tree", kid) for kid in kids]
        columns = self.columns(leaves)
        column_of = {leaf: i for i, col in enumerate(columns) for leaf in col}
        slots: list[tuple[str, object]] = []
        for kid in kids:
            if kid not in column_of:
                slots.append(("tree", kid))
            elif columns[column_of[kid]][0] == kid:
                slots.append(("column", columns[column_of[kid]]))
        return slots

    def cluster(self, into=None, **attrs) -> pydot.Cluster:
        """A borderless cluster: Graphviz keeps its nodes together and in order."""
        self.clusters += 1
        box = pydot.Cluster(str(self.clusters), peripheries="0", **{"label": _q(""), **attrs})
        if into is not None:
            into.add_subgraph(box)
        return box

    def point(self, into, group: str) -> str:
        """A junction point of connector lines."""
        self.points += 1
        name = _q(f"#{self.points}")  # unit ids are paths of names: they never start with #
        into.add_node(pydot.Node(name, shape="point", width="0.01", height="0.01", label=_q(""), group=_q(group)))
        return name

    def rank(self, into) -> pydot.Subgraph:
        self.ranks += 1
        same = pydot.Subgraph(f"r{self.ranks}", rank="same")
        into.add_subgraph(same)
        return same

    def bus(self, top: str, n: int, into, group: str, prefix: str, minlen: int,
            through: bool = False) -> tuple[list[tuple[str, str]], str | None]:
        """Connect ``top`` (a parent, or the spine above) to ``n`` slots through a horizontal line of points.

        Returns ``(point, group)`` for each slot — where its connector starts, and its vertical
        line — and, when the spine goes on ``through`` to a next row, the point it leaves from.
        """
        if n == 1 and not through:
            return [(top, group)], None
        same = self.rank(into)
        line = [self.point(same, f"{prefix}{i}") for i in range(n)]
        tops = [(p, f"{prefix}{i}") for i, p in enumerate(line)]
        middle = n // 2
        if n % 2 == 0 or through:  # an extra point under the parent, between the two middle slots
            line.insert(middle, self.point(same, group))
        else:
            tops[middle] = (line[middle], group)
            same.get_node(line[middle])[0].set("group", _q(group))
        into.add_edge(pydot.Edge(top, line[middle], weight="100", **_minlen(minlen)))
        for a, b in zip(line, line[1:]):
            # A flat edge puts its tail first: left of the head (TB) — but below it (LR).
            into.add_edge(pydot.Edge(a, b) if self.direction == "TB" else pydot.Edge(b, a))
        return tops, line[middle] if through else None

    def column(self, members: list[str], level: int, into, top: str, group: str, minlen: int = 1) -> None:
        """Stack leaf units under a spine: a vertical line with one short branch to each unit."""
        width = max(self.label_width(m, level) for m in members)
        previous = top
        for member in members:
            same = self.rank(into)
            point = self.point(same, group)
            self.unit_node(member, level, width, into=same)
            into.add_edge(pydot.Edge(previous, point, weight="100", **_minlen(minlen)))
            into.add_edge(pydot.Edge(point, _q(member)))
            previous, minlen = point, 1

    def unit_node(self, uid: str, level: int, width: float | None = None, *, into, group: str = "") -> None:
        node = self.graph.node(uid)
        kind = node["kind"] if node["kind"] in STYLES else "Division"
        types = self.kinds.setdefault(kind, [])
        if node["unit_type"] and node["unit_type"] not in types:
            types.append(node["unit_type"])
        style = dict(STYLES[kind][1])
        self.sizes.add(float(style.get("fontsize", NAME_SIZE)))
        if uid in self.highlight:
            style.update(HIGHLIGHT)
        attrs: dict[str, Any] = {k: _q(v) for k, v in style.items()}
        attrs["label"] = self.label(uid, level)
        names, small, duty_lines = self.label_lines(uid, level)
        lines = len(names) + len(small) + len(duty_lines)
        self.area += max(width or 0, self.label_width(uid, level)) * 72 * max(BOX_HEIGHT, lines * 1.25 * SMALL_SIZE)
        attrs["tooltip"] = _q(uid)
        if width:
            attrs["width"] = f"{width:.2f}"
        if group:
            attrs["group"] = _q(group)
        self.units.append(uid)
        into.add_node(pydot.Node(_q(uid), **attrs))

    def label_lines(self, uid: str, level: int) -> tuple[list[str], list[str], list[str]]:
        """(name lines, small lines, duty lines) of a unit's box."""
        if uid not in self.lines:
            self.lines[uid] = self.make_lines(uid, level)
        return self.lines[uid]

    def make_lines(self, uid: str, level: int) -> tuple[list[str], list[str], list[str]]:
        node = self.graph.node(uid)
        small = []
        if self.headcount and self.headcount.get(uid) is not None:
            small.append(self.say["headcount"].format(n=_number(self.headcount[uid])))
        if self.depth is not None and level >= self.depth:
            hidden = len(self.graph.descendants(uid))
            if hidden:
                small.append(self.say["hidden"].format(n=hidden))
        duty_lines = []
        if self.duties:
            from queries.units import duties_in_order
            texts = [d["text"] for d, _ in duties_in_order(self.graph, uid)]
            texts = list(dict.fromkeys(texts))  # one line per duty even when cited twice
            plain = [t for t in texts if not _is_catch_all(self.graph, t)]
            chosen = set((plain + [t for t in texts if t not in plain])[:self.duties])
            for text in (t for t in texts if t in chosen):
                wrapped = wrap(text, DUTY_WRAP, max_lines=DUTY_LINES)
                duty_lines.extend(["• " + wrapped[0]] + ["\u3000" + w for w in wrapped[1:]])
            if len(texts) > self.duties:
                duty_lines.append(self.say["more"].format(n=len(texts) - self.duties))
        return wrap(node["name"], NAME_WRAP), small, duty_lines

    def label(self, uid: str, level: int) -> str:
        names, small, duty_lines = self.label_lines(uid, level)
        self.texts.extend([*names, *small, *duty_lines])
        if not small and not duty_lines:
            return lines_label(names)
        self.sizes.add(SMALL_SIZE)
        name = "<BR/>".join(html_text(line) for line in names)
        rows = [f"<TR><TD>{f'<B>{name}</B>' if duty_lines else name}</TD></TR>"]
        rows += [f'<TR><TD><FONT POINT-SIZE="{SMALL_SIZE}">{html_text(s)}</FONT></TD></TR>' for s in small]
        if duty_lines:
            body = "<BR ALIGN=\"LEFT\"/>".join(html_text(d) for d in duty_lines)
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{SMALL_SIZE}">{body}'
                        f'<BR ALIGN="LEFT"/></FONT></TD></TR>')
        return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(rows) + "</TABLE>>"

    def label_width(self, uid: str, level: int) -> float:
        """Estimated box width in inches (a minimum: Graphviz widens boxes that need it)."""
        node = self.graph.node(uid)
        names, small, duty_lines = self.label_lines(uid, level)
        name = max(text_width(line) for line in names)
        ems = max([name * NAME_SIZE] + [text_width(s) * SMALL_SIZE for s in small + duty_lines])
        size = float(STYLES.get(node["kind"], STYLES["Division"])[1].get("fontsize", NAME_SIZE))
        if not small and not duty_lines:
            ems = name * size
        return round(ems / 72 + 0.32, 2)

    # ----------------------------------------------------------------- legend and warnings
    def legend(self) -> list[tuple[str, str]]:
        """One table node: a sample box of each kind shown (with its unit types) and the highlight."""
        rows, say = [], self.say
        for kind in UNIT_KINDS:
            if kind in self.kinds:
                rows.append((say["joiner"].join(self.kinds[kind]) or say[kind], say[kind], STYLES[kind][1]))
        if self.highlight:
            shown = sum(1 for u in self.units if u in self.highlight)
            sample = say["query"].format(q=self.highlight_label) if self.highlight_label else say["matched"]
            rows.append((sample, say["highlighted"].format(n=shown), {**STYLES["Division"][1], **HIGHLIGHT}))
        if len(rows) < 2 and not self.highlight:
            return []
        self.sizes.add(LEGEND_SIZE)
        cells = "".join(f'<TR><TD ALIGN="LEFT">{_swatch(sample, attrs)}</TD>'
                        f'<TD ALIGN="LEFT">{html_text(text)}</TD></TR>' for sample, text, attrs in rows)
        label = (f'<<FONT POINT-SIZE="{LEGEND_SIZE}"><TABLE BORDER="1" STYLE="rounded" COLOR="#999999" '
                 f'CELLBORDER="0" CELLSPACING="3" CELLPADDING="2"><TR><TD COLSPAN="2"><B>{html_text(say["legend"])}'
                 f'</B></TD></TR>{cells}</TABLE></FONT>>')
        self.texts.extend([say["legend"]] + [t for sample, text, _ in rows for t in (sample, text)])
        for key, value in (("label", label), ("labelloc", "b"), ("labeljust", "r")):
            self.dot.set(key, value)
        return [(sample, text) for sample, text, _ in rows]

    def warnings(self, roots: list[str]) -> list[str]:
        out = []
        if len(self.units) > READABLE_UNITS:
            depth = _readable_depth(self.graph, roots, self.depth)
            hint = ""
            if depth is not None:
                count = sum(1 + len(self.graph.descendants(r, depth)) for r in roots)
                hint = f"; try --depth {depth} ({count} units)"
            elif (one := _one_at_a_time(self.graph, roots)) is not None:
                hint = f"; chart one organization at a time: {one}"
            out.append(f"the chart has {len(self.units)} units and will be hard to read{hint}")
        if self.highlight:
            outside = len(self.highlight - set(self.units))
            if outside:
                below = sum(1 for u in self.highlight - set(self.units) if _under(self.graph, u, roots))
                out.append(f"{outside} highlighted unit{'s lie' if outside > 1 else ' lies'} outside the chart"
                           + (f" ({below} below --depth {self.depth})" if below else ""))
        return out


def _minlen(n: int) -> dict[str, Any]:  # Graphviz attributes, as pydot takes them
    return {"minlen": str(n)} if n > 1 else {}


def _number(value) -> str:
    """A headcount as text: ``45``, or ``3–5`` for a (min, max) range."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        low, high = value
        return str(low) if low == high else f"{low}–{high}"
    if isinstance(value, Mapping) and "min" in value:
        return _number((value["min"], value.get("max", value["min"])))
    return str(value)


def _swatch(text: str, attrs: dict[str, str]) -> str:
    """A small HTML table drawn like a unit box of the given style."""
    style = attrs.get("style", "")
    table_style = " ".join(s for s in ("rounded", "dashed") if s in style)
    table_style = f' STYLE="{table_style}"' if table_style else ""
    border = "2" if float(attrs.get("penwidth", "1")) >= 1.6 else "1"
    inner = (f'<TABLE BORDER="{border}"{table_style} CELLBORDER="0" CELLPADDING="3" BGCOLOR="{attrs["fillcolor"]}" '
             f'COLOR="{attrs["color"]}"><TR><TD>{html_text(text)}</TD></TR></TABLE>')
    if attrs.get("peripheries") == "2":
        inner = (f'<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="1" CELLPADDING="0" COLOR="{attrs["color"]}">'
                 f'<TR><TD>{inner}</TD></TR></TABLE>')
    return inner


def _under(graph: OrgGraph, uid: str, roots: list[str]) -> bool:
    """True when ``uid`` is below one of ``roots``."""
    node: str | None = uid
    while node is not None and node in graph:
        node = graph.parent(node)
        if node in roots:
            return True
    return False


def _is_catch_all(graph: OrgGraph, text: str) -> bool:
    from graph_model.records.ids import duty_id
    node = graph.get(duty_id(text), {})
    return bool(node.get("catch_all") or node.get("residual"))


def _one_at_a_time(graph: OrgGraph, roots: list[str]) -> str | None:
    """The command that charts the largest organization of ``roots`` (of the units below the one root) readably —
    ``orggraph chart 行政院 --depth 1`` (61 units) for the whole government —, None when none can be."""
    from graph_model.errors import OrgGraphError
    candidates = roots if len(roots) > 1 else graph.children(roots[0])
    best = None
    for uid in sorted(candidates, key=lambda c: -len(graph.descendants(c))):
        depth = _readable_depth(graph, [uid], None)
        if depth is not None:
            best = uid, depth
            break
    if best is None:
        return None
    uid, depth = best
    name = graph.node(uid)["name"]
    try:
        ref = name if graph.resolve(name) == uid else uid
    except OrgGraphError:
        ref = uid
    below = len(graph.descendants(uid))
    more = f" --depth {depth}" if below > len(graph.descendants(uid, depth)) else ""
    return f"orggraph chart {ref}{more} ({1 + len(graph.descendants(uid, depth))} units)"


def _readable_depth(graph: OrgGraph, roots: list[str], depth: int | None) -> int | None:
    """Deepest depth (≥ 1) whose chart has at most READABLE_UNITS units, or None when even 1 is too many."""
    best = None
    for d in range(1, (depth if depth is not None else 50) + 1):
        count = sum(1 + len(graph.descendants(r, d)) for r in roots)
        if count > READABLE_UNITS:
            break
        best = d
    return best


# --------------------------------------------------------------------------- writing
def write_chart(graph: OrgGraph, unit: str | None, path: str | os.PathLike, fmt: str | None = None, *, font: str = FONT,
                page=None, dpi: int | None = None, **options) -> Chart:
    """Build the chart of ``unit`` (see :func:`chart` for ``options``) and write it to ``path``.

    Checks the format, then the font (for png, svg and pdf), then renders (on ``page``, a
    :class:`queries.charts.render.Page`, at ``dpi`` for PNG); the returned :class:`Chart` carries the
    warnings of both the chart and Graphviz.  A chart that does not fit its page at a readable
    size is printed on several pages of one PDF (:func:`write_chart_pages`), or, in another format,
    refused (:class:`queries.charts.render.TooLarge`) with the ``--depth`` that fits.
    """
    from .render import output_format, write_built
    fmt = output_format(path, fmt)
    options["font"] = font
    built = chart(graph, unit, **options)
    if page is not None and fmt != "dot" and options.get("row") is None:
        built = _largest(graph, unit, page, fmt, dpi, options, built)[0] or built
    try:
        return write_built(built, path, fmt, font, page=page, dpi=dpi)
    except TooLarge as exc:
        if fmt == "pdf" and page is not None and options.get("row") is None:
            return write_chart_pages(graph, unit, path, page, dpi=dpi, **options)  # several sheets
        raise TooLarge(f"{exc}; {_what_fits(graph, unit, page, fmt, dpi, exc.size, built, options)}", page,
                       exc.size) from None


def write_chart_pages(graph: OrgGraph, unit: str | None, path: str | os.PathLike, page, *, font: str = FONT,
                      dpi: int | None = None, **options) -> Chart:
    """A chart too large for one sheet of ``page``, printed as one multi-page PDF at a readable size.

    The first page draws the top of the tree as deep as fits; every unit whose sub-tree did not fit gets a
    page of its own (and so on down), which names, at its foot, the page it continues and the pages that
    continue it.  Returns the first page's chart, with every page's warnings.
    """
    import tempfile

    from graph_model.store.files import atomic_write
    from queries.units import hierarchy_view

    from .render import write_built
    options = {**options, "font": font}
    view = hierarchy_view(graph, [graph.resolve(unit)] if unit else None)
    roots = [graph.resolve(unit)] if unit else view.roots()
    say = "zh" if options.get("lang", "zh") == "zh" else "en"
    queue: list[tuple[str, int | None]] = [(root, None) for root in roots]  # (sub-tree root, the page it continues)
    pages: list[tuple[Chart, str, int | None, list[tuple[str, int]]]] = []
    while queue:
        root, above = queue.pop(0)
        built, depth = _deepest_fitting(graph, root, page, dpi, options)
        continued: list[tuple[str, int]] = []
        if depth is not None:  # the units at the cut that have more below them: a page each
            base = len(graph.node(root)["path"])
            cut = [u for u in built.units if len(graph.node(u)["path"]) == base + depth and view.children(u)]
            for u in cut:
                continued.append((u, len(pages) + len(queue) + 2 + len(continued)))
            queue += [(u, len(pages) + 1) for u, _ in continued]
        pages.append((built, root, above, continued))
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, (built, root, above, continued) in enumerate(pages, 1):
            files.append(os.path.join(tmp, f"page-{n}.pdf"))
            for short in (False, True):  # a foot that lists many pages may not fit: then only its page number
                _page_note(built, graph, root, above, [] if short else continued, n, len(pages), say)
                try:
                    write_built(built, files[-1], "pdf", font, page=page, dpi=dpi)
                    break
                except TooLarge:
                    if short:
                        raise
        atomic_write(path, _joined_pdf(files), error=ChartError)
    first = pages[0][0]
    first.warnings = [w for built, *_ in pages for w in built.warnings]
    first.units = [u for built, *_ in pages for u in built.units]
    first.pages = len(pages)
    return first


def _deepest_fitting(graph: OrgGraph, root: str, page, dpi, options: dict) -> tuple[Chart, int | None]:
    """The chart of ``root`` on ``page``: whole if it fits (depth None), else as deep as fits."""
    whole, _ = _largest(graph, root, page, "pdf", dpi, {**options, "depth": options.get("depth")})
    if whole is not None:
        return whole, None
    from queries.units import hierarchy_view
    view, height, level = hierarchy_view(graph, [root]), 0, [root]
    while level:  # how deep the sub-tree goes
        level = [c for u in level for c in view.children(u)]
        height += bool(level)
    for depth in range(min(height, options.get("depth") or height) - 1, 0, -1):
        built, _ = _largest(graph, root, page, "pdf", dpi, {**options, "depth": depth})
        if built is not None:
            return built, depth
    raise TooLarge(f"{graph.node(root)['name']} and the units directly under it do not fit {page} even alone; "
                   "use larger paper or --no-stack", page, None)


def _page_note(built: Chart, graph: OrgGraph, root: str, above: int | None, continued: list, n: int, total: int,
               say: str) -> None:
    """The foot of a page: where it is in the whole, the page it continues, the pages that continue it."""
    parts = [f"第 {n} / {total} 頁" if say == "zh" else f"page {n} of {total}"]
    if above is not None:
        parent = " › ".join(graph.node(root)["path"][:-1])
        parts.append(f"上接第 {above} 頁：{parent}" if say == "zh" else f"continues page {above}: {parent}")
    if continued:
        sep = "、" if say == "zh" else ", "
        links = sep.join(f"{graph.node(u)['name']} → {p}" for u, p in continued)
        parts.append(f"下接：{links}" if say == "zh" else f"continued: {links}")
    note = "\n".join(line for part in parts for line in wrap(part, 40))
    built.dot.set("label", _q(note))
    built.dot.set("labelloc", "b")
    built.dot.set("fontsize", "10")
    built.texts.append(note)


def _joined_pdf(files: list[str]) -> bytes:
    """One PDF of the pages of ``files``, in order."""
    import io

    from pypdf import PdfWriter
    writer = PdfWriter()
    for f in files:
        writer.append(f)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _largest(graph: OrgGraph, unit, page, fmt: str, dpi, options: dict, built: Chart | None = None):
    """(chart, scale) of the row length in ``ROWS`` that prints largest on ``page``; (None, 0) when none fits."""
    from .render import on_page
    direction = options.get("direction", "TB")
    built = built or chart(graph, unit, **options)
    try:
        on_page("", page, built.min_size, fmt, dpi, built.area, lay_out=False)
    except TooLarge:
        return None, 0.0  # its boxes alone do not fit, in whatever rows
    best, best_scale, seen = None, 0.0, set()
    for row in ROWS[direction]:
        candidate = built if row == ROW[direction] else chart(graph, unit, **{**options, "row": row})
        text = candidate.to_string()
        if text in seen:  # no parent has that many things below it: the same chart
            continue
        seen.add(text)
        try:
            scale, _ = on_page(text, page, candidate.min_size, fmt, dpi, candidate.area)
        except TooLarge:
            continue
        if scale > best_scale + 1e-6:
            best, best_scale = candidate, scale
        if scale >= 1:
            break  # full size already: no other row prints larger
    return best, best_scale


def _what_fits(graph: OrgGraph, unit: str | None, page, fmt: str, dpi, size, built: Chart, options: dict) -> str:
    """Advice for a chart too large for ``page``: the deepest ``--depth`` that fits, or paper that fits."""
    from .render import PAPERS, Page, fit
    fits = None
    for depth in range(options.get("depth") or len(built.units)):
        smaller, _ = _largest(graph, unit, page, fmt, dpi, {**options, "depth": depth})
        if smaller is None or len(smaller.units) == len(built.units):
            break
        fits = (depth, len(smaller.units))
    advice = [f"--depth {fits[0]} fits ({fits[1]} units)" if fits else "no --depth fits"]
    for other in (Page(paper, landscape) for paper in PAPERS for landscape in (False, True)):
        if size and other != page and PAPERS[other.paper] >= PAPERS[page.paper]:
            try:
                fit(size, other, built.min_size)
            except TooLarge:
                continue
            advice.append(f"it fits {other}")
            break
    return ", ".join(advice) + ", or chart the units below it one at a time"
