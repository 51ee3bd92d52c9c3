"""Flow charts written as text: mermaid ``graph TD`` blocks and arrow chains.

Procedure documents exported from Word/HTML keep their flow charts as mermaid
text inside ``<pre>``, flattened onto one line::

    graph TD Start{{在職亡故}} --> B1[因公死亡] B1 --> D{是否符合} D -- 是 --> S4[出具證明]

:func:`parse_mermaid` reads such text into nodes (in order of first appearance)
and edges (with the label of a ``-- 是 -->`` or ``-->|是|`` edge as its
condition).  Labels are cleaned like any other text (no HTML, full-width
punctuation).

>>> nodes, edges = parse_mermaid("graph TD A[申請] --> B{是否符合} B -- 是 --> C((A)) B -- 否 --> D[]")
>>> [(n.key, n.text, n.shape) for n in nodes]
[('A', '申請', 'box'), ('B', '是否符合', 'decision'), ('C', 'A', 'circle'), ('D', '', 'box')]
>>> [(e.source, e.target, e.label) for e in edges]
[('A', 'B', ''), ('B', 'C', '是'), ('B', 'D', '否')]
>>> split_arrow_chain("填報申請表 → 人事處審核 → 核發")
['填報申請表', '人事處審核', '核發']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph_model.lazy_re import lazy
from loaders.read.text import clean

# (open, close, shape) — longest delimiters first.
_SHAPES = (("{{", "}}", "hexagon"), ("((", "))", "circle"), ("([", "])", "stadium"), ("[[", "]]", "subroutine"),
           ("[(", ")]", "cylinder"), ("[/", "/]", "parallelogram"), ("[", "]", "box"), ("{", "}", "decision"),
           ("(", ")", "round"), (">", "]", "flag"))
_HEADER = lazy(r"^\s*(?:graph|flowchart)\s+(?:TD|TB|BT|LR|RL)\b\s*;?", re.I)
_ID = lazy(r"[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*")
_EDGE = lazy(r"\s*(?:-->\s*\|(?P<l1>[^|]*)\|"  # A -->|是| B
             r"|--\s*(?P<l2>[^->\s][^>]*?)\s*-->"  # A -- 是 --> B
             r"|==\s*(?P<l3>[^=>\s][^>]*?)\s*==>"  # A == 是 ==> B
             r"|-\.\s*(?P<l4>[^.>\s][^>]*?)\s*\.->"  # A -. 是 .-> B
             r"|-->|---|==>|-\.->|-\.-)\s*")
MERMAID_START = lazy(r"^\s*(?:graph|flowchart)\s+(?:TD|TB|BT|LR|RL)\b", re.I)


@dataclass
class FlowNode:
    key: str  # the chart's own node id (A, Step1 …)
    text: str
    shape: str  # box, decision, hexagon, circle, round …


@dataclass
class FlowEdge:
    source: str
    target: str
    label: str = ""


def _label(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    return clean(raw.replace("<br>", " ").replace("<br/>", " "))


def parse_mermaid(text: str) -> tuple[list[FlowNode], list[FlowEdge]]:
    """Nodes (first-appearance order) and edges of mermaid flow-chart text."""
    nodes: dict[str, FlowNode] = {}
    edges: list[FlowEdge] = []
    m = _HEADER.match(text)
    pos = m.end() if m else 0
    n = len(text)

    def node_at(p: int) -> tuple[str | None, int]:
        while p < n and text[p] in " \t\r\n;":
            p += 1
        m = _ID.match(text, p)
        if not m:
            return None, p
        key, p = m.group(0), m.end()
        for open_, close, shape in _SHAPES:
            if text.startswith(open_, p):
                end = text.find(close, p + len(open_))
                if end < 0:
                    break
                label = _label(text[p + len(open_):end])
                p = end + len(close)
                if key not in nodes:
                    nodes[key] = FlowNode(key, label, shape)
                elif label and not nodes[key].text:
                    nodes[key].text, nodes[key].shape = label, shape
                return key, p
        if key not in nodes:
            nodes[key] = FlowNode(key, key, "box")
        return key, p

    while pos < n:
        source, pos = node_at(pos)
        if source is None:
            pos += 1  # stray character: skip it
            continue
        while True:
            e = _EDGE.match(text, pos)
            if not e or e.end() == pos:
                break
            label = next((g for g in e.group("l1", "l2", "l3", "l4") if g), "") or ""
            target, after = node_at(e.end())
            if target is None:
                pos = e.end()
                break
            edges.append(FlowEdge(source, target, _label(label)))
            source, pos = target, after
    return list(nodes.values()), edges


_ARROW = lazy(r"\s*(?:→|⟶|->|—>|－>|＞|⇒)\s*")


def split_arrow_chain(text: str) -> list[str]:
    """Steps of an arrow chain (``A → B → C``); a one-element list when there is none."""
    parts = [p.strip() for p in _ARROW.split(text)]
    if len(parts) >= 2 and all(len(p) >= 2 for p in parts):
        return parts
    return [text]
