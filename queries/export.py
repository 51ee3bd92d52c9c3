"""Export the whole graph.

``json``: networkx node-link JSON (``nodes`` and ``edges``), readable back with
``OrgGraph.from_node_link``.  Unit nodes carry ``id``, ``labels``, ``name``,
``unit_type`` and ``path``; every edge carries ``type`` and its provenance.

>>> import json
>>> from graph_model.store import open_store
>>> data = json.loads(export(open_store("/nonexistent/store.json").graph()))
>>> node = next(n for n in data["nodes"] if n["id"] == "財政部/關務署/基隆關/稽查組")
>>> node["labels"], node["unit_type"], node["path"]
(['Unit', 'Division'], '組', ['財政部', '關務署', '基隆關', '稽查組'])
>>> {"HAS_UNIT", "HANDLES"} <= {e["type"] for e in data["edges"]}
True
"""
from __future__ import annotations

import json

FORMATS = ("json",)


def node_link(graph) -> dict:
    """The graph as a node-link dict (nodes and edges sorted, so output is deterministic)."""
    return graph.to_node_link()


def export(graph, fmt: str = "json") -> str:
    """The graph serialised in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt != "json":
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return json.dumps(node_link(graph), ensure_ascii=False, indent=1) + "\n"
