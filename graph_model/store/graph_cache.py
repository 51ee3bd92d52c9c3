"""The built graph, and other values derived from a store, cached with the store (:meth:`Store.cache_get`).

Building the graph of the national store takes seconds; reading it back takes a fraction of
that, so commands after the first one that follows a change skip the build.  The cache is a
pickle of plain dicts (the networkx graph's own node and adjacency maps), read with an
unpickler that refuses every class.  It is made for one version of the store and of the code
and carries a checksum (a database keeps it in its own table; the samples and JSON stores in a
sealed file): a damaged, swapped or foreign cache is only a miss.
"""
from __future__ import annotations

import io
import pickle
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import networkx as nx

from .files import code_version

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

MAX_JSON = 256 * 2**20  # bytes: a report's cache file is read whole, up to this
MAX_GRAPH = 2 * 2**30  # the national graph's cache is about 10 MB


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in a graph cache")


def cached_json(store, name: str, key: str, build: Callable[[], object]):
    """A JSON object derived from ``store`` by code named by ``key``: read from the store's caches, or
    ``build()`` and saved.  A cache for other data, damaged or of the wrong shape is a miss."""
    import orjson

    body = store.cache_get(name, key, MAX_JSON)
    if body is not None:
        try:
            value = orjson.loads(body)
            if isinstance(value, dict):
                return value
        except orjson.JSONDecodeError:
            pass
    value = build()
    store.cache_put(name, key, orjson.dumps(value))
    return value


def cached_graph(store, build: Callable[[], OrgGraph], history: bool = False) -> OrgGraph:
    """The graph of ``store`` (with ``history``: every document): read from its caches, or ``build()``
    and saved there."""
    from graph_model.graph.graph import OrgGraph

    name, key = ("graph-history.pickle" if history else "graph.pickle"), code_version()
    body = store.cache_get(name, key, MAX_GRAPH)
    if body is not None:
        try:
            data = _PlainUnpickler(io.BytesIO(body)).load()
            g: Any = nx.MultiDiGraph()  # its storage dicts set directly: the fastest way back to a graph
            g.graph, g._node, g._adj, g._pred = data["graph"], data["node"], data["succ"], data["pred"]
            g._succ = g._adj
            return OrgGraph(g)
        except Exception:  # noqa: BLE001 — a damaged cache of any kind is a miss, never an error
            pass
    graph = build()
    g = cast(Any, graph.g)
    store.cache_put(name, key, pickle.dumps({"graph": g.graph, "node": dict(g._node), "succ": dict(g._succ),
                                             "pred": dict(g._pred)}, protocol=pickle.HIGHEST_PROTOCOL))
    return graph
