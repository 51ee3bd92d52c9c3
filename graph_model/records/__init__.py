"""Records, the hand-over from the loaders to the graph: what a document says, and the words it says it in.

- :mod:`.records`     the plain records a loader returns (a :class:`.records.ParsedDocument` of units,
                      duties, posts, headcounts, procedures …) and their JSON form
- :mod:`.provenance`  where a fact was read (:class:`.provenance.Source`), and how nodes and edges cite it
- :mod:`.naming`      unit names: full agency names split, unit types classified, self-references
- :mod:`.unitref`     the one rule by which a reference (id, path suffix, name, alias) names units
- :mod:`.duties`      duty text normalized (one node per duty), catch-all and residual flags
- :mod:`.ids`         every node id of the graph, made here and nowhere else
- :mod:`.ranks`       labels of civil-service rank ranges (官等/職等)

Loaders build these; :mod:`graph_model.graph.graph` builds the graph from them.  Importing the package imports
none of its modules.
"""
__all__ = ["duties", "ids", "naming", "provenance", "ranks", "records", "unitref"]
