"""The lookup (``orggraph which``): a question → the units that handle it, from the embedded index or Neo4j."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graph_model.errors import IndexFileError

from .ask import Answer, ask_graph, render_reading
from .index_cache import cached_index, store_index
from .which import Hit, render_which

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

# ask and which are also modules of this package: their functions are imported where used, not here.
__all__ = ["BACKENDS", "Answer", "Hit", "IndexFileError", "ask_graph", "cached_index", "lookup", "render_reading",
           "render_which", "store_index"]

BACKENDS = ("embedded", "neo4j")


def lookup(backend: str, query: str, *, where: Callable[[], object] | None = None,
           build: Callable[[], OrgGraph] | None = None, agency: str | None = None, unit_type: str | None = None,
           top: int | None = 10, explain: bool = False, history: bool = False,
           source: str = "") -> tuple[Answer, Callable[[], list[str]]]:
    """The answer to ``query`` from ``backend`` (:func:`queries.lookup.ask.ask`: scope, level and vocabulary
    read the same way for both), and a function giving suggestions (for when there is none).

    The embedded backend answers from the index cached where ``where()`` says
    (:func:`queries.lookup.index_cache.store_index`), built from ``build()`` (the graph) on a miss;
    neither is called for Neo4j, whose server comes from the ``NEO4J_*`` environment
    (:func:`graph_model.neo4j.connection.settings`) and must hold the government asked for (``history``:
    every document loaded, as ``orggraph --all``; :func:`queries.lookup.neo4j_lookup.check_government`).
    ``source``: the fingerprint of the store asked (as ``neo4j push`` records it); Neo4j holding a push of
    another store, or of this one before it changed, adds a warning to the answer.
    Both backends give the same :class:`Hit` list, so the command line only chooses one by name and renders.
    """
    from .ask import ask

    options: dict[str, Any] = dict(agency=agency, unit_type=unit_type, top=top)
    if backend == "neo4j":
        from graph_model.neo4j.connection import connect, settings

        from . import neo4j_lookup
        conn = settings()
        with connect(conn) as driver:
            neo4j_lookup.check_government(conn, driver, history)

            def search(text, **kw):
                return neo4j_lookup.which(conn, text, driver=driver, **kw)
            answer = ask(search, query, neo4j_lookup.catalog(conn, driver), explain=explain,
                         triggers=neo4j_lookup.triggers(), known=neo4j_lookup.known(conn, driver), **options)
            pushed = neo4j_lookup.pushed_source(conn, driver) if source else None
            if pushed is not None and pushed != source:
                answer.warnings.append("Neo4j holds a push of another store, or of this one before it changed: "
                                       "its answers are that graph's (`orggraph neo4j push` pushes this one)")
        return answer, lambda: neo4j_lookup.suggestions(conn, query)
    if backend != "embedded":
        raise ValueError(f"unknown backend {backend!r} (one of: {', '.join(BACKENDS)})")
    if where is None or build is None:
        raise ValueError("the embedded backend needs where and build")
    from .index_cache import using_index
    from .which import suggestions, which

    def answer_from(index):
        return ask(lambda text, **kw: which(index, text, **kw), query, index.catalog, explain=explain,
                   triggers=index._trigger_set, known=index.postings.__contains__, **options)
    answer, index = using_index(where(), build, answer_from)
    return answer, lambda: suggestions(index, query)
