"""The embedded store: each loaded document's parsed records, kept; the graph built from them, cached.

- :mod:`.store`          :class:`.store.Store` and :func:`.store.open_store`: what a load adds, replaces or
                         keeps, the current documents, the graph (built, or read from its cache)
- :mod:`.store_db`       the store as one SQLite database: a row per document, and the tables derived from them
- :mod:`.store_json`     the JSON store: the bundled samples' format, and stores made before the SQLite one
- :mod:`.store_records`  what the store keeps of a document: records as JSON, identities, the plan of a load
- :mod:`.files`          files written atomically, where caches live, and the code hash every cache key carries
- :mod:`.graph_cache`    the built graph, and other values derived from a store, cached with the store

Keeps :mod:`graph_model.records` and builds :mod:`graph_model.graph` from them.  Importing the package
imports none of its modules.
"""
__all__ = ["files", "graph_cache", "store", "store_db", "store_json", "store_records"]
