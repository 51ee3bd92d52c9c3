"""Org charts as DOT text: pure and deterministic (same graph and options → same text).

:func:`chart` walks the unit hierarchy under a unit (or under every top
organization) and returns a :class:`Chart` holding a ``pydot.Dot``.  Nothing
here runs Graphviz or touches files; :mod:`queries.render` does that.

Layout, in the style of an official 組織系統圖:

- a parent reaches its children through a horizontal "bus" line;
- when a level is wide (more than ``WIDE`` units), leaf children are *stacked*:
  grouped by unit type (組, 室, 分關 …) into vertical columns hanging off a spine,
  at most ``MAX_ROWS`` to a column;
- agencies, divisions, sections, branch offices … differ in outline and colour,
  and a legend lists the kinds shown (and the highlighted units, if any).

>>> from graph_model.graph import OrgGraph
>>> from graph_model.records import Document, ParsedDocument, Source, UnitRecord
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
[('局', 'Agency'), ('組, 室', 'Division')]
"""
from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pydot

from graph_model.errors import OrgGraphError
from graph_model.records import UNIT_KINDS

FONT = "Noto Sans CJK TC"
DIRECTIONS = ("TB", "LR")
WIDE = 6  # a level with more units than this gets its leaf units stacked
MAX_ROWS = 8  # units per stacked column
READABLE_UNITS = 150  # beyond this a chart is a wall of boxes: warn and suggest --depth
DUTY_WRAP = 15  # full-width characters per duty line
DUTY_LINES = 2  # lines per duty before it is cut with an ellipsis
NAME_SIZE = 14  # points
SMALL_SIZE = 11

# kind -> (legend text, node attributes).  Outline differs as well as colour, so the
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
HEADCOUNT_TEXT = "headcount {n}"
HIDDEN_TEXT = "+{n} units"
MORE_DUTIES_TEXT = "+{n} more duties"


class ChartError(OrgGraphError):
    """A chart cannot be built or written as asked (bad option, no units, missing font …)."""


@dataclass
class Chart:
    """A built chart: the DOT graph plus what it shows and what a reader should be warned about."""

    dot: pydot.Dot
    units: list[str]  # unit ids shown, in drawing order
    warnings: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every piece of text drawn
    title: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)  # (sample box text, explanation)

    def to_string(self) -> str:
        """The DOT source (deterministic)."""
        return self.dot.to_string()

    def text(self) -> str:
        """All characters the chart draws: what the font must cover."""
        return "".join(self.texts)


def chart(graph, unit: str | None = None, *, depth: int | None = None, highlight: Iterable[str] = (),
          highlight_label: str = "", direction: str = "TB", headcount: Mapping[str, int] | bool | None = None,
          duties: int = 0, stack: bool | None = None, font: str = FONT) -> Chart:
    """Org chart of ``unit`` (a reference :meth:`OrgGraph.resolve` accepts) or of every top organization.

    ``depth`` limits the levels below the top; ``highlight`` is a set of unit ids to fill
    (named ``highlight_label`` in the legend); ``headcount`` is a mapping unit id → headcount,
    or ``True`` to read the ``headcount`` attribute of unit nodes; ``duties`` lists up to that many
    duties in each box; ``stack`` forces (True) or forbids (False) stacked leaf columns — by default
    they are used in top-to-bottom charts whose levels are wide.
    """
    if direction not in DIRECTIONS:
        raise ChartError(f"unknown direction {direction!r}; use {' or '.join(DIRECTIONS)}")
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
                      font=font).build(roots, titled=bool(unit))
    if asked and not any((headcount or {}).get(u) is not None for u in result.units):
        result.warnings.insert(0, "no unit in this chart has a headcount in the graph: boxes show names only")
    return result


def units_matching(graph, query: str, within: str | None = None) -> list[str]:
    """Ids of the units ``which(graph, query, agency=within)`` returns, best first (for ``highlight``).

    >>> from graph_model.store import open_store
    >>> units_matching(open_store("/nonexistent/store.json").graph(), "保稅工廠監管", within="臺中關")
    ['財政部/關務署/臺中關/保稅組']
    """
    try:
        from queries.which import which
    except ImportError:  # pragma: no cover - the lookup ships with orggraph
        raise ChartError("--highlight needs the `which` lookup (queries/which.py), which is not installed") from None
    return list(dict.fromkeys(hit.unit["id"] for hit in which(graph, query, agency=within)))


# --------------------------------------------------------------------------- building
def _q(text: str) -> str:
    """A DOT quoted string (pydot would read ``a:b`` as node ``a`` port ``b``)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _width(text: str) -> float:
    """Width of ``text`` in ems: full-width characters 1, others about half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text)


def _wrap(text: str, limit: float) -> list[str]:
    """Lines of about equal width, none wider than ``limit`` ems.

    >>> _wrap("進口、轉運、轉口及郵遞貨物之通關", 15)
    ['進口、轉運、轉口', '及郵遞貨物之通關']
    """
    lines_needed = math.ceil(_width(text) / limit) or 1
    limit = min(limit, math.ceil(_width(text) / lines_needed))
    lines, line, used = [], "", 0.0
    for ch in text:
        w = _width(ch)
        if used + w > limit and line:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    return lines + [line] if line else lines


class _Builder:
    def __init__(self, graph, *, depth, highlight, highlight_label, direction, headcount, duties, stack, font):
        self.graph, self.depth, self.highlight = graph, depth, highlight
        self.highlight_label, self.direction, self.headcount = highlight_label, direction, headcount
        self.duties, self.stack, self.font = duties, stack, font
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
                           ("ranksep", "0.32"), ("fontname", _q(self.font)), ("fontsize", "20"),
                           ("bgcolor", "white"), ("pad", "0.3"), ("outputorder", "edgesfirst")):
            dot.set(key, value)
        dot.set_node_defaults(fontname=_q(self.font), fontsize=str(NAME_SIZE), shape="box",
                              margin=_q("0.14,0.06"), height="0.38")
        dot.set_edge_defaults(dir="none", color=_q("#555555"), penwidth="1.2")
        body, title = dot, ""
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
        return Chart(dot, self.units, self.warnings(roots), self.texts, title, legend)

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
        tops = self.bus(uid, len(slots), box, group)
        trees = [item for kind, item in slots if kind == "tree"]
        # Left to right, siblings form a column already: give them one width so that they line up.
        width = max(self.label_width(u, level + 1) for u in trees) if self.direction == "LR" and trees else None
        for (kind, item), (top, top_group) in zip(slots, tops):
            if kind == "tree":
                box.add_edge(pydot.Edge(top, _q(item), weight="100"))
                self.subtree(item, level + 1, box, top_group, width)
            else:
                self.column(item, level + 1, box if len(slots) == 1 else self.cluster(into=box), top, top_group)

    def slots(self, kids: list[str], level: int) -> list[tuple[str, object]]:
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

    def bus(self, uid: str, n: int, into, group: str) -> list[tuple[str, str]]:
        """Connect a parent to ``n`` slots through a horizontal line of junction points.

        Returns ``(point, group)`` for each slot: where its connector starts, and its vertical line.
        """
        if n == 1:
            return [(_q(uid), group)]
        same = self.rank(into)
        line = [self.point(same, f"{uid}#{i}") for i in range(n)]
        tops = [(p, f"{uid}#{i}") for i, p in enumerate(line)]
        middle = n // 2
        if n % 2 == 0:  # an extra point under the parent, between the two middle slots
            line.insert(middle, self.point(same, group))
        else:
            tops[middle] = (line[middle], group)
            same.get_node(line[middle])[0].set("group", _q(group))
        into.add_edge(pydot.Edge(_q(uid), line[middle], weight="100"))
        for a, b in zip(line, line[1:]):
            # A flat edge puts its tail first: left of the head (TB) — but below it (LR).
            into.add_edge(pydot.Edge(a, b) if self.direction == "TB" else pydot.Edge(b, a))
        return tops

    def column(self, members: list[str], level: int, into, top: str, group: str) -> None:
        """Stack leaf units under a spine: a vertical line with one short branch to each unit."""
        width = max(self.label_width(m, level) for m in members)
        previous = top
        for member in members:
            same = self.rank(into)
            point = self.point(same, group)
            self.unit_node(member, level, width, into=same)
            into.add_edge(pydot.Edge(previous, point, weight="100"))
            into.add_edge(pydot.Edge(point, _q(member)))
            previous = point

    def unit_node(self, uid: str, level: int, width: float | None = None, *, into, group: str = "") -> None:
        node = self.graph.node(uid)
        kind = node["kind"] if node["kind"] in STYLES else "Division"
        types = self.kinds.setdefault(kind, [])
        if node["unit_type"] and node["unit_type"] not in types:
            types.append(node["unit_type"])
        attrs = dict(STYLES[kind][1])
        if uid in self.highlight:
            attrs.update(HIGHLIGHT)
        attrs = {k: _q(v) for k, v in attrs.items()}
        attrs["label"] = self.label(uid, level)
        attrs["tooltip"] = _q(uid)
        if width:
            attrs["width"] = f"{width:.2f}"
        if group:
            attrs["group"] = _q(group)
        self.units.append(uid)
        into.add_node(pydot.Node(_q(uid), **attrs))

    def label_lines(self, uid: str, level: int) -> tuple[str, list[str], list[str]]:
        """(name, small lines, duty lines) of a unit's box."""
        node = self.graph.node(uid)
        small = []
        if self.headcount and self.headcount.get(uid) is not None:
            small.append(HEADCOUNT_TEXT.format(n=_number(self.headcount[uid])))
        if self.depth is not None and level >= self.depth:
            hidden = len(self.graph.descendants(uid))
            if hidden:
                small.append(HIDDEN_TEXT.format(n=hidden))
        duty_lines = []
        if self.duties:
            from queries.units import duties_in_order
            texts = [d["text"] for d, _ in duties_in_order(self.graph, uid)]
            texts = list(dict.fromkeys(texts))  # one line per duty even when cited twice
            plain = [t for t in texts if not _is_catch_all(self.graph, t)]
            chosen = set((plain + [t for t in texts if t not in plain])[:self.duties])
            for text in (t for t in texts if t in chosen):
                wrapped = _wrap(text, DUTY_WRAP)
                if len(wrapped) > DUTY_LINES:
                    wrapped = wrapped[:DUTY_LINES]
                    wrapped[-1] = wrapped[-1][:-1] + "…"
                duty_lines.extend(["• " + wrapped[0]] + ["\u3000" + w for w in wrapped[1:]])
            if len(texts) > self.duties:
                duty_lines.append(MORE_DUTIES_TEXT.format(n=len(texts) - self.duties))
        return node["name"], small, duty_lines

    def label(self, uid: str, level: int) -> str:
        name, small, duty_lines = self.label_lines(uid, level)
        self.texts.extend([name, *small, *duty_lines])
        if not small and not duty_lines:
            return _q(name)
        name = html.escape(name)
        rows = [f"<TR><TD>{f'<B>{name}</B>' if duty_lines else name}</TD></TR>"]
        rows += [f'<TR><TD><FONT POINT-SIZE="{SMALL_SIZE}">{html.escape(s)}</FONT></TD></TR>' for s in small]
        if duty_lines:
            body = "<BR ALIGN=\"LEFT\"/>".join(html.escape(d) for d in duty_lines)
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{SMALL_SIZE}">{body}'
                        f'<BR ALIGN="LEFT"/></FONT></TD></TR>')
        return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(rows) + "</TABLE>>"

    def label_width(self, uid: str, level: int) -> float:
        """Estimated box width in inches (a minimum: Graphviz widens boxes that need it)."""
        node = self.graph.node(uid)
        name, small, duty_lines = self.label_lines(uid, level)
        ems = max([_width(name) * NAME_SIZE] + [_width(s) * SMALL_SIZE for s in small + duty_lines])
        size = float(STYLES.get(node["kind"], STYLES["Division"])[1].get("fontsize", NAME_SIZE))
        if not small and not duty_lines:
            ems = _width(name) * size
        return round(ems / 72 + 0.32, 2)

    # ----------------------------------------------------------------- legend and warnings
    def legend(self) -> list[tuple[str, str]]:
        """One table node: a sample box of each kind shown (with its unit types) and the highlight."""
        rows = []
        for kind in UNIT_KINDS:
            if kind in self.kinds:
                rows.append((", ".join(self.kinds[kind]) or STYLES[kind][0], STYLES[kind][0], STYLES[kind][1]))
        if self.highlight:
            shown = sum(1 for u in self.units if u in self.highlight)
            rows.append((self.highlight_label or "highlighted", f"{shown} highlighted",
                         {**STYLES["Division"][1], **HIGHLIGHT}))
        if len(rows) < 2 and not self.highlight:
            return []
        cells = "".join(f'<TR><TD ALIGN="LEFT">{_swatch(sample, attrs)}</TD>'
                        f'<TD ALIGN="LEFT">{html.escape(text)}</TD></TR>' for sample, text, attrs in rows)
        label = ('<<FONT POINT-SIZE="12"><TABLE BORDER="1" STYLE="rounded" COLOR="#999999" CELLBORDER="0" '
                 f'CELLSPACING="3" CELLPADDING="2"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR>{cells}</TABLE></FONT>>')
        self.texts.extend(["Legend"] + [t for sample, text, _ in rows for t in (sample, text)])
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
            out.append(f"the chart has {len(self.units)} units and will be hard to read{hint}")
        if self.highlight:
            outside = len(self.highlight - set(self.units))
            if outside:
                below = sum(1 for u in self.highlight - set(self.units) if _under(self.graph, u, roots))
                out.append(f"{outside} highlighted unit{'s lie' if outside > 1 else ' lies'} outside the chart"
                           + (f" ({below} below --depth {self.depth})" if below else ""))
        return out


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
             f'COLOR="{attrs["color"]}"><TR><TD>{html.escape(text)}</TD></TR></TABLE>')
    if attrs.get("peripheries") == "2":
        inner = (f'<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="1" CELLPADDING="0" COLOR="{attrs["color"]}">'
                 f'<TR><TD>{inner}</TD></TR></TABLE>')
    return inner


def _under(graph, uid: str, roots: list[str]) -> bool:
    """True when ``uid`` is below one of ``roots``."""
    while uid is not None and uid in graph.g:
        uid = graph.parent(uid)
        if uid in roots:
            return True
    return False


def _is_catch_all(graph, text: str) -> bool:
    from graph_model.graph import duty_id
    node = graph.g.nodes.get(duty_id(text), {})
    return bool(node.get("catch_all") or node.get("residual"))


def _readable_depth(graph, roots: list[str], depth: int | None) -> int | None:
    """Deepest depth (≥ 1) whose chart has at most READABLE_UNITS units, or None when even 1 is too many."""
    best = None
    for d in range(1, (depth if depth is not None else 50) + 1):
        count = sum(1 + len(graph.descendants(r, d)) for r in roots)
        if count > READABLE_UNITS:
            break
        best = d
    return best
