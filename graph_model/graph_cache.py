"""The built graph, cached on disk by the fingerprint of the data it was built from.

Building the graph of the national store takes seconds; reading it back takes about
half that, so commands after the first one that follows a change skip the build.  The
file is a pickle of plain dicts (the networkx graph's own node and adjacency maps), read
with an unpickler that refuses every class, so a damaged or foreign cache file is only
a miss.  A few entries are kept, one per store in use.
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .files import atomic_write, code_version

KEEP = 4  # entries: several stores in use each keep theirs


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in a graph cache")


def cached_json(kind: str, key: str, build: Callable[[], object], folder: Path):
    """A JSON value derived from data and code named by ``key``: read from ``folder``, or
    ``build()`` and saved (a few per kind, like graphs).  Damaged or unwritable: a miss."""
    import orjson


    path = Path(folder) / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"
    try:
        value = orjson.loads(path.read_bytes())
        path.touch()
        return value
    except (OSError, orjson.JSONDecodeError):
        pass
    value = build()
    try:
        atomic_write(path, orjson.dumps(value))
        old = sorted(Path(folder).glob(f"{kind}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 — an unwritable cache is no error
        pass
    return value


def cached_graph(fingerprint: str, build: Callable[[], object], folder: Path):
    """The graph for data with ``fingerprint``: read from ``folder``, or ``build()`` and saved there."""
    from .graph import OrgGraph

    key = hashlib.sha256(f"{fingerprint}:{code_version()}".encode()).hexdigest()[:24]
    path = Path(folder) / f"graph-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            data = _PlainUnpickler(fh).load()
        g = nx.MultiDiGraph()
        g.graph, g._node, g._adj, g._pred = data["graph"], data["node"], data["succ"], data["pred"]
        g._succ = g._adj
        path.touch()
        return OrgGraph(g)
    except Exception:  # noqa: BLE001 — a damaged cache of any kind is a miss, never an error
        pass
    graph = build()
    g = graph.g
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps({"graph": g.graph, "node": dict(g._node), "succ": dict(g._succ),
                                         "pred": dict(g._pred)}, protocol=pickle.HIGHEST_PROTOCOL))
        old = sorted(Path(folder).glob("graph-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # an unwritable cache is no error: the next command builds again
    return graph
