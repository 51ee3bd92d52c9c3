"""``which`` answered by either backend: the embedded index or Neo4j's full-text indexes.

Both give the same :class:`queries.which.Hit` list, so the command line only
chooses the backend by name and renders.
"""
from __future__ import annotations

from collections.abc import Callable

BACKENDS = ("embedded", "neo4j")


def lookup(backend: str, query: str, *, fingerprint: Callable[[], str] | None = None,
           build: Callable[[], object] | None = None, agency: str | None = None, unit_type: str | None = None,
           top: int | None = 10, explain: bool = False) -> tuple[list, Callable[[], list[str]]]:
    """The hits for ``query`` from ``backend``, and a function giving suggestions (for when there are none).

    The embedded backend answers from the index cached by ``fingerprint()`` (the data's,
    :func:`queries.which.store_fingerprint`), built from ``build()`` (the graph) on a miss;
    neither is called for Neo4j, whose server comes from the ``NEO4J_*`` environment
    (:func:`graph_model.neo4j.connection.settings`).
    """
    if backend == "neo4j":
        from graph_model.neo4j.connection import settings

        from . import neo4j_lookup
        conn = settings()
        hits = neo4j_lookup.which(conn, query, agency=agency, unit_type=unit_type, top=top)
        return hits, lambda: neo4j_lookup.suggestions(conn, query)
    if backend != "embedded":
        raise ValueError(f"unknown backend {backend!r} (one of: {', '.join(BACKENDS)})")
    from .which import cached_which, suggestions
    hits, index = cached_which(fingerprint(), build, query, agency=agency, unit_type=unit_type, top=top,
                               explain=explain)
    return hits, lambda: suggestions(index, query)
