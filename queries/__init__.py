"""Queries: what the commands ask of the graph, each answered from an :class:`graph_model.graph.graph.OrgGraph`.

- :mod:`queries.lookup`   which units handle a question (the embedded index, or Neo4j)
- :mod:`queries.charts`   org charts: Graphviz files and pages, and the interactive HTML chart
- :mod:`queries.export`   the graph in other tools' formats (GraphML, GEXF, JSON-LD, Mermaid, tables)

Its own modules serve the commands and the sub-packages: :mod:`.units` (show, tree), :mod:`.staffing`,
:mod:`.procedure`, :mod:`.history` and :mod:`.diff` (what became of an agency), :mod:`.stats`,
:mod:`.validate`, :mod:`.entries` (the texts the lookup indexes) and :mod:`.textnorm` (how they are
folded).  Importing the package imports none of its modules.
"""
__all__ = ["charts", "diff", "entries", "export", "history", "lookup", "procedure", "staffing", "stats", "textnorm",
           "units", "validate"]
