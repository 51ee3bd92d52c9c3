"""Flow charts of procedures as DOT text: pure and deterministic.

:func:`procedure_chart` draws one procedure's steps as a Graphviz flowchart:
decisions as diamonds, start/end shapes as in the source chart, branches of a
procedure (「調部」/「外派」) as boxed clusters, conditions (是/否) on the arrows,
and the acting units under each step.  A rule of office rules (no flow) is drawn
as its clauses hanging off the rule, each with its deciding posts and days.
Nothing here but :func:`write_procedure_chart` runs Graphviz or touches files
(through :mod:`queries.charts.render`).

>>> from graph_model.store.store import open_store
>>> g = open_store("/nonexistent/store.json").graph()   # the bundled corpus
>>> c = procedure_chart(g, "撫卹")
>>> c.title, len(c.steps)
('經濟部駐外經濟商務機構商務人員撫卹作業程序', 13)
>>> dot = c.to_string()
>>> 'fontname="Noto Sans CJK TC"' in dot, 'shape=diamond' in dot, 'label="是"' in dot
(True, True, True)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pydot

from graph_model.errors import ChartError
from queries.charts.dot import DIRECTIONS, FONT, lines_label, quote as _q, wrap
from queries.procedure import EMPTY_STEP, procedure

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

WRAP = 16  # full-width characters per line of a step box
MAX_LINES = 6  # lines of step text before it is cut with an ellipsis
EDGE_SIZE = 11  # points: conditions on the arrows, the smallest text of a flow chart

# Source-chart shape → (Graphviz shape, extra attributes)
SHAPES: dict[str, tuple[str, dict[str, Any]]] = {  # (shape, Graphviz attributes)
    "box": ("box", {"style": "filled,rounded", "fillcolor": "#ffffff"}),
    "decision": ("diamond", {"style": "filled", "fillcolor": "#fff4d1"}),
    "hexagon": ("hexagon", {"style": "filled", "fillcolor": "#d6e4f5"}),
    "circle": ("circle", {"style": "filled", "fillcolor": "#eeeeee"}),
    "round": ("box", {"style": "filled,rounded", "fillcolor": "#d6e4f5"}),
    "stadium": ("box", {"style": "filled,rounded", "fillcolor": "#d6e4f5"}),
    "subroutine": ("box", {"style": "filled", "peripheries": "2", "fillcolor": "#ffffff"}),
    "cylinder": ("cylinder", {"style": "filled", "fillcolor": "#ffffff"}),
    "parallelogram": ("parallelogram", {"style": "filled", "fillcolor": "#ffffff"}),
    "flag": ("cds", {"style": "filled", "fillcolor": "#ffffff"}),
}


@dataclass
class ProcedureChart:
    """A built procedure flowchart: the DOT graph and what it shows."""

    procedure: str  # procedure id
    title: str
    dot: pydot.Dot
    steps: list[str]  # step ids, in drawing order
    texts: list[str] = field(default_factory=list)  # every piece of text drawn
    units: list[str] = field(default_factory=list)  # ids of the units shown as acting
    warnings: list[str] = field(default_factory=list)
    min_size: float = EDGE_SIZE  # the smallest text drawn (condition labels), in points at scale 1
    area: float = 0.0  # not estimated: a flow chart is laid out before it is refused

    def to_string(self) -> str:
        """The DOT source (deterministic)."""
        return self.dot.to_string()

    def text(self) -> str:
        """All characters the chart draws: what the font must cover."""
        return "".join(self.texts)


def _wrap(text: str, limit: float = WRAP) -> list[str]:
    """A step's lines (:func:`queries.charts.dot.wrap`), at most ``MAX_LINES``.

    >>> _wrap("人事單位依撫卹法施行細則第5-12條因公死亡認定標準查明事實。", 16)
    ['人事單位依撫卹法施行', '細則第5-12條因公死亡', '認定標準查明事實。']
    """
    return wrap(text, limit, max_lines=MAX_LINES)




def _time_label(time: dict | None) -> str:
    """The time limit after the title: （作業時間 3日）; a bare number in the text is days (作業時間 30 → 30日).

    >>> _time_label({"text": "30", "days": 30}), _time_label({"text": "1 日 至 3 日", "days": 3}), _time_label(None)
    ('（作業時間 30日）', '（作業時間 1 日 至 3 日）', '')
    """
    if not time:
        return ""
    text = time["text"].strip()
    return f"（作業時間 {text}{'日' if text.isdigit() else ''}）"


def procedure_chart(graph: OrgGraph, name: str, *, font: str = FONT, direction: str = "TB", wrap: int = WRAP,
                    actors: bool = True) -> ProcedureChart:
    """Flowchart of the procedure ``name`` (an id, title or fragment :func:`queries.procedure.procedure` accepts).

    Raises :class:`queries.charts.chart.ChartError` when the procedure states no steps
    (its flow chart was an image in the source) or the direction is unknown.
    """
    if direction not in DIRECTIONS:
        raise ChartError(f"unknown direction {direction!r}; use one of: {', '.join(DIRECTIONS)}")
    info = procedure(graph, name)
    if not info["steps"]:
        why = "its flow chart was an image in the source" if info["flow_missing"] else "the text states no flow"
        raise ChartError(f"procedure {info['title']!r} has no steps to draw: {why} "
                         f"(see `orggraph procedure {info['title']}`)")
    texts: list[str] = []
    dot = pydot.Dot(_q(info["id"]), graph_type="digraph", rankdir=direction, fontname=_q(font),
                    label=_q(info["title"] + _time_label(info["time"])), labelloc="t",
                    fontsize="16", nodesep="0.35", ranksep="0.45")
    texts.append(info["title"] + _time_label(info["time"]))
    dot.set_node_defaults(fontname=_q(font), fontsize="12", color="#404040", margin="0.15,0.08")
    dot.set_edge_defaults(fontname=_q(font), fontsize=str(EDGE_SIZE), color="#404040")
    unit_names = {u["unit"]: u["name"] for u in info["units"]}
    is_rule = info["kind"] == "rule"
    clusters: dict[str, pydot.Cluster] = {}
    if is_rule:
        dot.add_node(pydot.Node(_q(info["id"]), label=lines_label(_wrap(info["title"], wrap + 4)), shape="box",
                                style="filled", fillcolor="#d6e4f5", peripheries="2"))
    for step in info["steps"]:
        lines = _wrap(step["text"] or EMPTY_STEP, wrap)
        if actors and step["actors"] and not step.get("unit_only"):
            names = "、".join(dict.fromkeys(unit_names.get(a["unit"], a["unit"].split("/")[-1])
                                            for a in step["actors"]))
            lines.append(f"〔{names}〕")
        if is_rule:
            extra = [", ".join(step.get("deciders") or [])]
            lines += [x for x in extra if x]
        texts.extend(lines)
        shape, attrs = SHAPES.get(step["shape"], SHAPES["box"])
        node = pydot.Node(_q(step["id"]), label=lines_label(lines), shape=shape, **attrs)
        if step["branch"]:
            if step["branch"] not in clusters:
                cluster = pydot.Cluster(f"branch{len(clusters) + 1}", label=_q(step["branch"]), fontname=_q(font),
                                        style="rounded,dashed", color="#808080")
                clusters[step["branch"]] = cluster
                dot.add_subgraph(cluster)  # type: ignore[arg-type]  # pydot takes a Cluster (its hint: Subgraph)
                texts.append(step["branch"])
            clusters[step["branch"]].add_node(node)
        else:
            dot.add_node(node)
    for step in info["steps"]:
        for nxt in step["next"]:
            target = next(s["id"] for s in info["steps"] if s["n"] == nxt["n"])
            edge_attrs: dict[str, Any] = {"label": _q(nxt["condition"])} if nxt["condition"] else {}
            texts.append(nxt["condition"])
            dot.add_edge(pydot.Edge(_q(step["id"]), _q(target), **edge_attrs))
        if is_rule:
            dot.add_edge(pydot.Edge(_q(info["id"]), _q(step["id"])))
    units = list(dict.fromkeys(a["unit"] for s in info["steps"] for a in s["actors"]))
    return ProcedureChart(info["id"], info["title"], dot, [s["id"] for s in info["steps"]], texts, units)


def write_procedure_chart(graph: OrgGraph, name: str, path, fmt: str | None = None, *, font: str = FONT, page=None,
                          dpi: int | None = None, **options) -> ProcedureChart:
    """Build the flowchart of procedure ``name`` and write it to ``path`` (png, svg, pdf or dot).

    The twin of :func:`queries.charts.chart.write_chart` for ``orggraph chart --procedure NAME``:
    checks the format, then the font, then renders (on ``page`` at ``dpi``, see
    :func:`queries.charts.render.render`); the result carries Graphviz's warnings.
    """
    from queries.charts.render import output_format, write_built
    fmt = output_format(path, fmt)
    return write_built(procedure_chart(graph, name, font=font, **options), path, fmt, font, page=page, dpi=dpi)
