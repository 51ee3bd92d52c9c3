"""The built graph, cached on disk by the fingerprint of the data it was built from.

Building the graph of the national store takes seconds; reading it back takes about
half that, so commands after the first one that follows a change skip the build.  The
file is a pickle of plain dicts (the networkx graph's own node and adjacency maps), read
with an unpickler that refuses every class, sealed with what it was built from (the
store's fingerprint and the code's version) and a checksum: a damaged, swapped or foreign
cache file, or anything but a regular file in its place, is only a miss.  A few entries are
kept, one per store in use.
"""
from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .files import atomic_write, code_version, read_cache, seal, sweep_temps, unseal

KEEP = 4  # entries: several stores in use each keep theirs
MAX_GRAPH = 2 * 2**30  # bytes: the national graph's cache is about 60 MB
MAX_JSON = 256 * 2**20


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in a graph cache")


def cached_json(kind: str, key: str, build: Callable[[], object], folder: Path):
    """A JSON value derived from data and code named by ``key``: read from ``folder``, or
    ``build()`` and saved (a few per kind, like graphs).  A file for another key, damaged, of the wrong
    shape or unreadable is a miss; an unwritable folder is no error."""
    import orjson

    path = Path(folder) / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"
    body = unseal(key, read_cache(path, MAX_JSON))
    if body is not None:
        try:
            value = orjson.loads(body)
            if isinstance(value, dict):
                path.touch()
                return value
        except (OSError, orjson.JSONDecodeError):
            pass
    value = build()
    _save(path, seal(key, orjson.dumps(value)), f"{kind}-*.json")
    return value


def cached_graph(fingerprint: str, build: Callable[[], object], folder: Path):
    """The graph for data with ``fingerprint``: read from ``folder``, or ``build()`` and saved there."""
    from .graph import OrgGraph

    key = f"{fingerprint}:{code_version()}"
    path = Path(folder) / f"graph-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"
    body = unseal(key, read_cache(path, MAX_GRAPH))
    if body is not None:
        try:
            data = _PlainUnpickler(io.BytesIO(body)).load()
            g = nx.MultiDiGraph()
            g.graph, g._node, g._adj, g._pred = data["graph"], data["node"], data["succ"], data["pred"]
            g._succ = g._adj
            path.touch()
            return OrgGraph(g)
        except Exception:  # noqa: BLE001 — a damaged cache of any kind is a miss, never an error
            pass
    graph = build()
    g = graph.g
    _save(path, seal(key, pickle.dumps({"graph": g.graph, "node": dict(g._node), "succ": dict(g._succ),
                                         "pred": dict(g._pred)}, protocol=pickle.HIGHEST_PROTOCOL)), "graph-*.pickle")
    return graph


def _save(path: Path, data: bytes, family: str) -> None:
    """Write a cache file; keep the newest few of its family; clear what killed writers left."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_temps(path.parent)
        if path.is_symlink() or (path.exists() and not path.is_file() and not path.is_dir()):
            path.unlink()  # a link, pipe or device in a cache's place: the cache takes it back
        if path.is_dir():
            return  # a directory is left alone: no cache
        atomic_write(path, data)
        old = sorted(path.parent.glob(family), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 — an unwritable cache is no error: the next command builds again
        pass
