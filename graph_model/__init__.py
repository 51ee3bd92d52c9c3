"""Graph model: the records loaders hand over, the graph built from them, and where both are kept.

- :mod:`graph_model.records`  the records a loader returns, their provenance, and the names and ids they use
- :mod:`graph_model.graph`    the OrgGraph built from records, and what became of each agency (lineage, succession)
- :mod:`graph_model.store`    the embedded store of parsed documents, and the graph cached with it
- :mod:`graph_model.neo4j`    the graph pushed into Neo4j, and read-only Cypher

Shared by them all: :mod:`.errors` (every error a user can cause), :mod:`.lazy_re` (patterns compiled when
first used), :mod:`.printable` and :mod:`.textwidth` (text safe to print, and its width).  Importing the
package imports none of its modules.
"""
__all__ = ["errors", "graph", "lazy_re", "neo4j", "printable", "records", "store", "textwidth"]
