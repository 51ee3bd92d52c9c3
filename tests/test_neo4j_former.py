"""Bodies that no longer exist, named in a question, read alike by both backends (a real throwaway Neo4j server)."""
from __future__ import annotations

from graph_model.neo4j.connection import Settings
from graph_model.neo4j.writer import push


def test_both_backends_read_a_body_that_no_longer_exists_alike(neo4j_server, tmp_path):
    # J0010017 (行政院原子能委員會辦事細則), repealed by 「核能安全委員會…令發布廢止」: the current graph keeps the body
    # on its successor (``formerly``), `neo4j push` carries it, and Neo4j's catalog reads it as the index's does —
    # 原能會 asks inside 核能安全委員會 on both, with the same note.
    from queries.lookup.ask import ask, ask_graph
    from queries.lookup.neo4j_lookup import catalog, known, which
    from queries.lookup.neo4j_rows import lookup_nodes
    from queries.lookup.search import build_index
    from queries.lookup.which import index_of
    from support import national_store
    graph = national_store(tmp_path, "J0010017", "J0000101", "J0010058").graph()
    settings = Settings(neo4j_server["NEO4J_URI"], neo4j_server["NEO4J_USERNAME"], neo4j_server["NEO4J_PASSWORD"],
                        neo4j_server["NEO4J_DATABASE"])
    push(graph, settings, lookup=lookup_nodes(build_index(graph)))
    names = catalog(settings).names
    assert names["原子能委員會"] == index_of(graph).catalog.names["原子能委員會"] == \
        (["行政院/核能安全委員會"],
         "former name: 原子能委員會 is now 核能安全委員會 (since 2023-12-27), J0010017 沿革內容")
    question = "原能會哪個單位管輻射安全？"
    embedded = ask_graph(graph, question, top=3)
    neo = ask(lambda text, explain=False, **kw: which(settings, text, **kw), question, catalog(settings), top=3,
              known=known(settings))
    assert neo.notes == embedded.notes == [
        "原能會 (原子能委員會) is now 核能安全委員會 (since 2023-12-27) — answered inside 核能安全委員會."]
    assert neo.hits[0].unit["id"] == embedded.hits[0].unit["id"] == "行政院/核能安全委員會/輻射防護組"
