"""Neo4j backend: push the graph into a Neo4j server and run read-only Cypher.

The ``neo4j`` driver is imported lazily (only by :mod:`.connection`), so importing
``graph_model`` never needs it.  All Cypher text lives in :mod:`.cypher`.

- :func:`graph_model.neo4j.writer.push` — idempotent, run-tagged load of an OrgGraph.
- :func:`graph_model.neo4j.connection.cypher` — one query in a READ transaction.
"""
from __future__ import annotations

from graph_model.errors import Neo4jError

__all__ = ["Neo4jError"]


