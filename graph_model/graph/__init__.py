"""The graph, built from records: :class:`.graph.OrgGraph`, and what became of each agency.

- :mod:`.graph`        OrgGraph, a typed wrapper around a networkx MultiDiGraph: units and duties, one agency
                       one node (:meth:`.graph.OrgGraph.build`; its table ``EXTRA_BUILDERS`` adds the rest)
- :mod:`.procedures`   procedures in the graph: ``Procedure``, ``Step``, ``Law`` and ``Form`` nodes
- :mod:`.staffing`     posts and headcount figures in the graph
- :mod:`.lineage`      which documents are the current government, read from the documents themselves
- :mod:`.succession`   what became of each agency: document and unit statuses, ``SUCCEEDED_BY`` edges
- :mod:`.continuity`   where an ended body's work went when no document says

Built from :mod:`graph_model.records`; kept and cached by :mod:`graph_model.store.store`.  Importing the
package imports none of its modules (nor networkx).
"""
__all__ = ["continuity", "graph", "lineage", "procedures", "staffing", "succession"]
