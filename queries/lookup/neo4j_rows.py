"""What ``orggraph neo4j push`` writes beside the graph so that Neo4j answers ``which`` as the embedded index does.

The ranking (:mod:`queries.lookup.ranking`) needs, beside the candidates Lucene finds, the statistics of the
whole collection of texts — document frequencies, their number and average length — and the order of the
texts (ties).  Lucene's own cannot stand in: they count another analysis of other texts.  So the push
writes them from the very index the embedded lookup uses (:func:`queries.lookup.search.build_index` over
the same graph), as nodes with the labels of :data:`graph_model.neo4j.cypher.LOOKUP_LABELS`:

- ``OrggraphText``: one per text of the index, as it keeps it (number, kind, ref, text, folded key, prior,
  flags, catch-all clause, context, handlers with their provenance as parallel lists), and ``terms``: the
  key and its short forms, which Lucene indexes (:data:`graph_model.neo4j.cypher.LOOKUP_FULLTEXT`);
- ``OrggraphTerm``: one per term (character or bigram) with its document frequency, and the units whose
  names hold it (a bigram);
- ``OrggraphContext``: the unit names a query may give as the place to look, with their units;
- ``OrggraphLookup``: the number of texts and their total length, and whether they are the current
  government's or every document's (``orggraph --all``).

>>> from graph_model.store.store import open_store
>>> from queries.lookup.search import build_index
>>> nodes = lookup_nodes(build_index(open_store("/nonexistent/store.json").graph()))   # the bundled corpus
>>> sorted(nodes), nodes["OrggraphLookup"][0]["props"]["texts"] == len(nodes["OrggraphText"])
(['OrggraphContext', 'OrggraphLookup', 'OrggraphTerm', 'OrggraphText'], True)
"""
from __future__ import annotations

from graph_model.neo4j import cypher as q
from queries.textnorm import short_forms

from .search import VERSION, Index


def lookup_nodes(index: Index, history: bool = False) -> dict[str, list[dict]]:
    """``{label: [{"id", "props"}]}``: the lookup's nodes for :func:`graph_model.neo4j.writer.push`; ``history``:
    the index is of every document loaded (``orggraph --all``), which ``which --backend neo4j`` checks."""
    units = [u.id for u in index.units]
    texts = []
    for n, t in enumerate(index.entries):
        hs = t.handlers
        texts.append({"n": n, "kind": t.kind, "ref": t.ref, "text": t.text, "key": t.key,
                      "terms": " ".join([t.key, *short_forms(t.key)]), "prior": t.prior, "flags": list(t.flags),
                      "clause": t.clause, "context": t.context, "units": [units[h.unit] for h in hs],
                      "docs": [h.doc or "" for h in hs], "lines": [int(h.line or 0) for h in hs],
                      "articles": [h.article or "" for h in hs], "items": [h.item or "" for h in hs],
                      "posts": [h.post or "" for h in hs], "roles": [h.role or "" for h in hs]})
    terms = {term: {"df": len(plist) // 2, "units": []} for term, plist in index.postings.items()}
    for term, ids in index.name_postings.items():  # a bigram only in names is no text's: df 0
        terms.setdefault(term, {"df": 0, "units": []})["units"] = [units[u] for u in ids]
    return {
        q.TEXT_LABEL: [_node(q.TEXT_LABEL, str(t["n"]), t) for t in texts],
        q.TERM_LABEL: [_node(q.TERM_LABEL, term, {"term": term, **props}) for term, props in terms.items()],
        q.CONTEXT_LABEL: [_node(q.CONTEXT_LABEL, name, {"name": name, "units": [units[u] for u in ids]})
                          for name, ids in index.context.items()],
        q.LOOKUP_LABEL: [_node(q.LOOKUP_LABEL, "lookup", {"texts": len(index.entries),
                                                          "length_sum": sum(index.lengths), "version": VERSION,
                                                          "history": history})],
    }


def _node(label: str, key: str, props: dict) -> dict:
    node_id = q.lookup_id(label, key)
    return {"id": node_id, "props": {**props, "id": node_id}}
