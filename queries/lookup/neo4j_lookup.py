"""``which --backend neo4j``: the lookup answered from Neo4j, ranked by the same core as the embedded one.

Neo4j only produces what :func:`queries.lookup.ranking.rank` ranks — the very ranking of the embedded
lookup (:func:`queries.lookup.search.search`):

- the statistics, from what ``orggraph neo4j push`` wrote beside the graph from the embedded index
  (:mod:`queries.lookup.neo4j_rows`): the document frequency of every term of the query, the number of
  texts and their average length, the unit names a query may give as context — read in one query;
- the candidates, from Lucene (the ``cjk`` analyzer: bigrams) over the pushed texts' folded keys and
  short forms (:data:`graph_model.neo4j.cypher.LOOKUP_FULLTEXT`): its best :data:`LUCENE_LIMIT` texts,
  each as the index keeps it (number, key, prior, flags, handlers with provenance).  Lucene's score is
  not used: it only finds the texts, and the limit is wide enough that the embedded lookup's best ones
  are among them (measured on eval/government's sets, see :data:`LUCENE_LIMIT`).

The result is a list of :class:`queries.lookup.which.Hit`, as the embedded lookup's, so the CLI renders
both backends the same way.  The query is cleaned as the embedded lookup cleans it
(:func:`queries.textnorm.clean_query`) and escaped for Lucene (:func:`graph_model.neo4j.cypher.lucene_query`),
so quotes, backslashes or words such as ``OR`` and ``MATCH`` are searched for literally.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph_model.errors import OrgGraphError, UnknownType, UnknownUnit
from graph_model.graph.succession import note as succession_note
from graph_model.neo4j import Neo4jError, cypher as q
from graph_model.neo4j.connection import Settings, connect, translate
from graph_model.records.unitref import parse_unit_ref
from queries.textnorm import clean_query

from .ranking import (
    PARTIAL_MIN_CHARS,
    Candidate,
    Query,
    Stats,
    candidate,
    closest,
    content_length,
    key_terms,
    query_bigrams,
    query_substrings,
    rank,
    read_query,
)
from .rows import IndexHandler, IndexText, IndexUnit
from .search import VERSION, cached_triggers as _triggers
from .which import hits_of

# Texts Lucene hands the ranking (more when results are filtered by --agency/--type).  On eval/government's
# sets over the whole national store (18,605 texts), 500 already give the embedded first answer to all 400
# questions; 2,000 keep a margin for wider questions at no measurable cost (0.6-0.7 s per question either way).
LUCENE_LIMIT = 2000
FILTERED_LIMIT = 5000


def which(settings: Settings, query: str, *, agency: str | None = None, unit_type: str | None = None,
          top: int | None = 10, driver=None, partial_chars: int = PARTIAL_MIN_CHARS,
          equivalents: Sequence[tuple[str, str]] = (), explain: bool = False) -> list:
    """Units that handle what ``query`` describes, best first, from Neo4j (``[]`` when none does).

    Same arguments and result as :func:`queries.lookup.which.which` (``explain``: the same explanation,
    :mod:`queries.lookup.explanation`); raises
    :class:`~graph_model.neo4j.Neo4jError` (one line, no password) when the
    server cannot answer or holds no lookup statistics (push again),
    :class:`~graph_model.errors.UnknownUnit` for an unknown ``agency``.  Many lookups can share one
    ``driver`` from :func:`~graph_model.neo4j.connection.connect`.
    """
    if driver is None:
        with connect(settings) as own:
            return which(settings, query, agency=agency, unit_type=unit_type, top=top, driver=own,
                         partial_chars=partial_chars, equivalents=equivalents, explain=explain)
    try:
        with driver.session(database=settings.database, default_access_mode="READ") as session:
            return session.execute_read(_which, query, agency, unit_type, top, partial_chars, equivalents, explain)
    except OrgGraphError:  # Neo4jError, UnknownUnit, UnknownType
        raise
    except Exception as exc:
        raise translate(exc, settings) from None


def check_government(settings: Settings, driver, history: bool) -> None:
    """Raise :class:`~graph_model.neo4j.Neo4jError`, saying what to do, when Neo4j holds another government than
    the one asked for (``history``: every document loaded, ``orggraph --all``): its answers would not be the
    embedded lookup's.  Nothing pushed for the lookup is :func:`which`'s to say."""
    try:
        with driver.session(database=settings.database, default_access_mode="READ") as session:
            row = session.run(q.lookup_government()).single()
    except Exception as exc:
        raise translate(exc, settings) from None
    if row is None or row["history"] == history:
        return
    if history:
        raise Neo4jError("Neo4j holds the current government only (pushed without --all): run "
                         "`orggraph --all neo4j push` to ask it with --all")
    raise Neo4jError("Neo4j holds every document loaded, abolished and superseded bodies too (pushed with --all): "
                     "ask with `orggraph --all which … --backend neo4j`, or run `orggraph neo4j push` for the "
                     "current government")


def pushed_source(settings: Settings, driver) -> str | None:
    """The fingerprint of the store the current push was made from (``""``: pushed by an orggraph that did not
    record it), or None when nothing was pushed."""
    try:
        with driver.session(database=settings.database, default_access_mode="READ") as session:
            rows = list(session.run(q.current_runs()))  # the latest first
    except Exception as exc:
        raise translate(exc, settings) from None
    return str(rows[0]["meta"].get("source") or "") if rows else None


def catalog(settings: Settings, driver=None):
    """The agencies a question can name (:class:`queries.lookup.vocabulary.Catalog`), from the units in Neo4j and
    the short forms its documents define."""
    from .definitions import definition_rows
    from .former import with_former
    from .rows import IndexUnit
    from .vocabulary import catalog as build
    if driver is None:
        with connect(settings) as own:
            return catalog(settings, own)
    try:
        with driver.session(database=settings.database, default_access_mode="READ") as session:
            rows = [IndexUnit(r["id"], r["name"], r["path"], r["kind"] or "", r["unit_type"] or "",
                              r["full_name"] or "", r["aliases"]) for r in session.run(q.unit_rows())]
            defined = [d for r in session.run(q.definition_rows()) for d in definition_rows(r["id"], r["definitions"])]
            former = [(r["id"], r["formerly"]) for r in session.run(q.former_rows())]
    except Exception as exc:
        raise translate(exc, settings) from None
    return with_former(build(rows, _triggers(), defined), former, _triggers())


def known(settings: Settings, driver=None):
    """``known(term)``: does any text of the lookup hold the term (what the embedded index's postings tell)."""
    seen: dict[str, bool] = {}

    def holds(term: str) -> bool:
        if term not in seen:
            if driver is None:
                with connect(settings) as own:
                    return known(settings, own)(term)
            try:
                with driver.session(database=settings.database, default_access_mode="READ") as session:
                    found = session.run(q.lookup_known(), terms=[q.lookup_id(q.TERM_LABEL, term)])
                    seen[term] = found.peek() is not None
            except Exception as exc:
                raise translate(exc, settings) from None
        return seen[term]
    return holds


def triggers() -> frozenset[str]:
    """The characters OpenCC may change (cached: what a question is folded with)."""
    return _triggers()


def suggestions(settings: Settings, query: str, limit: int = 3) -> list[str]:
    """Duty statements closest to ``query`` (to show when nothing matches): the embedded lookup's
    (:func:`queries.lookup.ranking.closest`), from the pushed texts."""
    with connect(settings) as driver:
        try:
            with driver.session(database=settings.database, default_access_mode="READ") as session:
                return session.execute_read(_suggestions, query, limit)
        except OrgGraphError:
            raise
        except Exception as exc:
            raise translate(exc, settings) from None


# --------------------------------------------------------------------------- the lookup
def _which(tx, query: str, agency, unit_type, top, partial_chars: int = PARTIAL_MIN_CHARS,
           equivalents: Sequence[tuple[str, str]] = (), explain: bool = False) -> list:
    allowed = _filter(tx, agency, unit_type)
    read = _read(tx, query, equivalents)
    if read is None:
        return []
    parsed, st, paths = read
    df = {t["term"]: t["df"] for t in st["terms"]}
    # a query of single characters is matched by them alone (query_bigrams), wherever they stand in a text
    lucene = q.lucene_query(parsed.parts, anywhere=all(len(p) == 1 for p in parsed.parts))
    if not parsed.terms or not lucene:
        return []
    limit = FILTERED_LIMIT if allowed is not None else LUCENE_LIMIT
    rows = list(tx.run(q.lookup_text_hits(), index=q.LOOKUP_FULLTEXT, q=lucene, limit=limit))
    numbers: dict[str, int] = {}  # unit id -> its number in this lookup (handlers and names refer to units by it)

    def number(uid: str) -> int:
        return numbers.setdefault(uid, len(numbers))

    units: dict[str, dict] = {}  # the units' rows, read only where needed: the filter, the context, the answers

    def read_units(wanted) -> None:
        missing = [uid for uid in dict.fromkeys(wanted) if uid not in units]
        if missing:
            units.update((r["unit"], r.data()) for r in tx.run(q.units_by_id(), ids=missing))

    roots = [p for name in parsed.context for p in paths.get(name, [])]
    cands: dict[int, Candidate] = {}  # by the text's number

    def add(found: list) -> None:
        """Candidates of the texts ``found`` (rows of :func:`graph_model.neo4j.cypher.lookup_text_hits`)."""
        found = [r for r in found if r["n"] not in cands]
        if allowed is not None or roots:
            read_units(uid for r in found for uid in r["units"])
        for r in found:
            handlers = [IndexHandler(number(uid), doc, line, article, item, post, role)
                        for uid, doc, line, article, item, post, role
                        in zip(r["units"], r["docs"], r["lines"], r["articles"], r["items"], r["posts"], r["roles"])
                        if allowed is None or (uid in units and allowed(units[uid]))]
            text = IndexText(r["kind"], r["ref"], r["text"], r["key"], r["prior"], list(r["flags"]), handlers,
                             r["clause"], r["context"])
            cands[r["n"]] = candidate(text, r["n"], parsed.terms)

    add(rows)
    named = {t["term"]: t["units"] or [] for t in st["terms"]}
    names_of: dict[int, list[str]] = {}  # unit -> the query bigrams its path holds
    for t in query_bigrams(parsed):
        for uid in named.get(t, ()):
            names_of.setdefault(number(uid), []).append(t)
    stats = Stats(st["texts"], st["length_sum"] / st["texts"] if st["texts"] else 1.0, df)

    def ranked() -> list:
        context = {number(uid) for uid, u in units.items() if any(list(u["path"][:len(p)]) == p for p in roots)}
        return rank(parsed, stats, cands.values(), list(numbers).__getitem__, unit_names=names_of,
                    context_units=context, limit=top, explain=explain, partial_chars=partial_chars,
                    equivalents=equivalents)

    results = ranked()
    # Lucene stopped at its limit: the units answering may hold more texts with the query's words than it
    # gave (evidence beyond their best, which the embedded lookup shows).  Read theirs, and rank again, until
    # every unit answering has all of its own.
    done: set[str] = set()
    while len(rows) >= limit and {r.unit_id for r in results} - done:
        wanted = sorted({r.unit_id for r in results} - done)
        done.update(wanted)
        add(list(tx.run(q.lookup_texts_of_units(), units=wanted, terms=query_bigrams(parsed))))
        results = ranked()
    read_units(r.unit_id for r in results)
    ids = list(numbers)

    def unit_of(u: int) -> IndexUnit:
        r = units[ids[u]]
        return IndexUnit(r["unit"], r["name"], list(r["path"]), r["kind"] or "", r["unit_type"] or "", "", [],
                         succession_note({k: v for k, v in r.items() if v is not None}))
    return hits_of(results, parsed.terms, unit_of, explain)


def _read(tx, query: str, equivalents: Sequence[tuple[str, str]] = ()
          ) -> tuple[Query, Any, dict[str, list[list[str]]]] | None:
    """``(query read, statistics row, unit paths by name)``, the statistics of the terms and names it may hold
    read first (:func:`queries.lookup.ranking.query_substrings`); ``None`` for a query with no term."""
    triggers = _triggers()
    terms, names = query_substrings(clean_query(query, triggers))
    if not terms:
        return None
    # The everyday terms a variant was reworded from: their statistics weigh the words put in for them.
    terms = sorted(set(terms).union(*(key_terms(term) for term, _ in equivalents)))
    st = tx.run(q.lookup_statistics(), terms=[q.lookup_id(q.TERM_LABEL, t) for t in terms],
                names=[q.lookup_id(q.CONTEXT_LABEL, n) for n in names]).single()
    if st is None or st["version"] != VERSION:
        raise Neo4jError("Neo4j holds no lookup statistics of this orggraph version: run `orggraph neo4j push`")
    df = {t["term"]: t["df"] for t in st["terms"]}
    paths: dict[str, list[list[str]]] = {}
    for c in st["context"]:
        paths.setdefault(c["name"], []).append(list(c["path"]))
    return read_query(query, triggers, lambda t: df.get(t, 0) > 0, lambda key: paths), st, paths


def _suggestions(tx, query: str, limit: int) -> list[str]:
    read = _read(tx, query)
    chars = sorted(t for t in read[0].terms if len(t) == 1) if read else []
    if not read or not chars:
        return []
    st = read[1]
    rows = list(tx.run(q.lookup_duties_holding(), chars=chars))
    texts = {r["n"]: r["text"] for r in rows}
    # a text's terms are those of its key and of its short forms (what the index's postings hold)
    held = ((r["n"], content_length(r["key"]), [ch for ch in chars if ch in r["terms"]]) for r in rows)
    stats = Stats(st["texts"], st["length_sum"] / st["texts"] if st["texts"] else 1.0,
                  {t["term"]: t["df"] for t in st["terms"]})
    return [texts[n] for n in closest(stats, chars, held, limit)]


def _filter(tx, agency: str | None, unit_type: str | None):
    """A predicate on result rows for ``--agency`` / ``--type`` (``None``: keep everything)."""
    if agency is None and unit_type is None:
        return None
    roots = None
    if agency is not None:
        ref, parts = parse_unit_ref(agency)
        roots = [r["path"] for r in tx.run(q.units_by_reference(), ref=ref, parts=parts)]
        if not roots:
            hint = q.lucene_query([ref])
            found = [r["unit"] for r in tx.run(q.fulltext_unit_hits(), index=q.UNIT_FULLTEXT, q=hint, limit=5)] \
                if hint else []
            raise UnknownUnit(ref, found)
    want = None
    if unit_type is not None:
        want = unit_type.strip().lower()
        kinds = [r.data() for r in tx.run(q.unit_kinds())]
        if want not in {(k["kind"] or "").lower() for k in kinds} | {k["unit_type"] for k in kinds}:
            raise UnknownType(unit_type, sorted({k["kind"] for k in kinds if k["kind"]})
                              + sorted({k["unit_type"] for k in kinds if k["unit_type"]}))

    def keep(r: dict) -> bool:
        if roots is not None and not any(list(r["path"][:len(p)]) == list(p) for p in roots):
            return False
        return want is None or (r["kind"] or "").lower() == want or r["unit_type"] == want

    return keep
