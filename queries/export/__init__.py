"""Export the graph for other tools: one module per format (graphml, gexf, tables for csv, jsonld,
mermaid), the scope they share (scope) and XML text helpers (xml_text); json is written here.

``json``: networkx node-link JSON (``nodes`` and ``edges``), readable back with
``OrgGraph.from_node_link``.  Unit nodes carry ``id``, ``labels``, ``name``,
``unit_type`` and ``path``; every edge carries ``type`` and its provenance.
The other formats hold the units (at and under UNIT, at most ``depth`` levels down)
and the duties they handle: ``graphml`` (yEd, Gephi), ``gexf`` (Gephi), ``csv``
(spreadsheets), ``jsonld`` (W3C Organization Ontology), ``mermaid`` (Markdown).

>>> import json
>>> from graph_model.store.store import open_store
>>> data = json.loads(export(open_store("/nonexistent/store.json").graph()))
>>> node = next(n for n in data["nodes"] if n["id"] == "財政部/關務署/基隆關/稽查組")
>>> node["labels"], node["unit_type"], node["path"]
(['Unit', 'Division'], '組', ['財政部', '關務署', '基隆關', '稽查組'])
>>> {"HAS_UNIT", "HANDLES"} <= {e["type"] for e in data["edges"]}
True
>>> output_format("org.mmd"), output_format("-"), output_format("x.txt", "csv")
('mermaid', 'json', 'csv')
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from graph_model.errors import ExportError

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

__all__ = ["EXTENSIONS", "FORMATS", "export", "node_link", "output_format"]

FORMATS = ("json", "graphml", "gexf", "csv", "jsonld", "mermaid")
EXTENSIONS = {".json": "json", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv", ".jsonld": "jsonld",
              ".mmd": "mermaid", ".mermaid": "mermaid"}




def output_format(output: str | None, fmt: str | None = None) -> str:
    """``fmt`` when given, else the format ``output``'s extension names (json for standard output)."""
    if fmt:
        return fmt
    if not output or output == "-":
        return "json"
    suffix = Path(output).suffix.lower()
    if suffix not in EXTENSIONS:
        raise ExportError(f"cannot tell the export format of {output!r}: name it "
                          f"{', '.join(sorted(EXTENSIONS))} or use --format {'|'.join(FORMATS)}")
    return EXTENSIONS[suffix]


def node_link(graph: OrgGraph) -> dict:
    """The graph as a node-link dict (nodes and edges sorted, so output is deterministic)."""
    return graph.to_node_link()


def _sub_node_link(s) -> dict:
    """Node-link of the scope's units, meetings and duties only."""
    return s.graph.subgraph({*s.units, *s.meetings, *s.duties, *s.matters}).to_node_link()


def export(graph: OrgGraph, fmt: str = "json", unit: str | None = None, depth: int | None = None,
           table: str = "duties") -> str:
    """The graph (or the sub-tree at ``unit``, ``depth`` levels down) serialised in ``fmt``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    from .tables import TABLES
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    if fmt == "json" and unit is None and depth is None:
        return json.dumps(node_link(graph), ensure_ascii=False, indent=1) + "\n"
    from .scope import scope
    s = scope(graph, unit, depth)
    if fmt == "json":
        return json.dumps(_sub_node_link(s), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        from .tables import table as csv_table
        return csv_table(s, table)
    return _writers()[fmt](s)


def _writers() -> dict:
    """Format → the function that writes a scope in it (imported when an export asks)."""
    from .gexf import gexf
    from .graphml import graphml
    from .jsonld import jsonld
    from .mermaid import mermaid
    return {"graphml": graphml, "gexf": gexf, "jsonld": jsonld, "mermaid": mermaid}
