"""``which --backend neo4j``: the duty lookup answered from Neo4j's full-text indexes.

Candidates and their base score come from Lucene (the ``cjk`` analyzer: BM25
over character bigrams) in five indexes — duty statements, unit names,
procedure titles, procedure steps and procedure notes — queried in one read
transaction.  The result has exactly the structure of the embedded lookup
(:func:`queries.lookup.which.which`): a list of :class:`queries.lookup.which.Hit` with the
unit, a score and the evidence (text, document, line, article; for procedures
where the text sits and the unit's role there), so the CLI renders both
backends the same way.

The query is cleaned as the embedded lookup cleans it (question words dropped,
Simplified → Traditional, 台 → 臺, full-width folded: :func:`queries.textnorm.clean_query`)
and escaped for Lucene (:func:`graph_model.neo4j.cypher.lucene_query`), so
quotes, backslashes or words such as ``OR`` and ``MATCH`` are searched for
literally.  Lucene's score is then re-weighted as the embedded ranking does
(same parameters and steps, from :mod:`queries.entries`, :mod:`queries.lookup.search` and :mod:`queries.procedure`):

- coverage: the share of the query's bigrams found in the text (or in the
  unit's own path); below :data:`queries.lookup.search.MIN_COVERAGE` it is no match,
  unless a run of :data:`queries.lookup.search.MIN_RUN` characters of the query is
  there verbatim.  A seam (:func:`queries.lookup.search.seams`: a bigram no text has,
  between two that texts have — 印信管理: 信管) is not counted against a text
  holding the word before it (:func:`_seams`);
- phrase: × (1 + longest verbatim run / query length);
- prior: catch-all and residual duties, unit names and procedure texts count
  for less than a duty a unit is specifically charged with; the agency a
  procedure belongs to, found only by its title, for less than the units acting in it;
- context: units under a unit the query names (``臺中關保稅``) count double;
- partial: when no text passes, the texts sharing bigrams over
  :data:`queries.lookup.search.PARTIAL_MIN_CHARS` characters of the query (two words) answer,
  marked ``partial``, as the embedded lookup's second pass.

The acting unit answers a procedure's text: a title, the units with a role in
the procedure; a step, the units acting in it; a note, the units it gives a
role (a rule's clause naming nobody: its agency).

Pass ``rerank=False`` to rank by Lucene's score alone (what a plain full-text
query gives; the evaluation reports both).
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from graph_model.errors import OrgGraphError, UnknownType, UnknownUnit
from graph_model.neo4j import cypher as q
from graph_model.neo4j.connection import Settings, connect, translate
from graph_model.records.unitref import parse_unit_ref
from graph_model.store.files import atomic_write, cache_dir, read_cache, seal, source_hash, unseal
from queries import entries as e, textnorm
from queries.procedure import OWNER_PRIOR, STEP_PRIOR
from queries.textnorm import ABBREVIATIONS, clean_query, fold

from . import search as s
from .search import EVIDENCE_PER_UNIT, abbreviations, highlight_spans, keep_ties
from .which import Evidence, Hit

LUCENE_LIMIT = 300  # candidates per index (more when results are filtered by --agency/--type)
FILTERED_LIMIT = 5000


@dataclass
class _Candidate:
    """One matched text (duty, unit name, procedure title, step or note) and the units it points to."""

    kind: str  # duty, unit or procedure (its title, a step or a note)
    ref: str
    text: str
    score: float  # Lucene's
    prior: float = 1.0
    flags: tuple[str, ...] = ()  # catch_all, residual
    context: str = ""  # procedures: "procedure", "step 2 of <title>", "note of <title>" …
    clause: int = -1  # where a catch-all / residual clause starts in the key
    rows: list[dict] = field(default_factory=list)  # one per (unit, provenance)
    key: str = ""


def which(settings: Settings, query: str, *, agency: str | None = None, unit_type: str | None = None,
          top: int | None = 10, rerank: bool = True, driver=None, partial_chars: int = s.PARTIAL_MIN_CHARS) -> list:
    """Units that handle what ``query`` describes, best first, from Neo4j (``[]`` when none does).

    Same arguments and result as :func:`queries.lookup.which.which`; raises
    :class:`~graph_model.neo4j.Neo4jError` (one line, no password) when the
    server cannot answer, :class:`~graph_model.errors.UnknownUnit` for an
    unknown ``agency``.  Many lookups can share one ``driver`` from
    :func:`~graph_model.neo4j.connection.connect`.
    """
    if driver is None:
        with connect(settings) as own:
            return which(settings, query, agency=agency, unit_type=unit_type, top=top, rerank=rerank, driver=own,
                         partial_chars=partial_chars)
    try:
        with driver.session(database=settings.database, default_access_mode="READ") as session:
            return session.execute_read(_which, query, agency, unit_type, top, rerank, partial_chars)
    except OrgGraphError:  # Neo4jError, UnknownUnit, UnknownType
        raise
    except Exception as exc:
        raise translate(exc, settings) from None


def catalog(settings: Settings, driver=None):
    """The agencies a question can name (:class:`queries.lookup.vocabulary.Catalog`), from the units in Neo4j and
    the short forms its documents define."""
    from .definitions import definition_rows
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
    except Exception as exc:
        raise translate(exc, settings) from None
    return build(rows, _triggers(), defined)


def known(settings: Settings, driver=None):
    """``known(bigram)``: does any text in Neo4j hold the bigram (what the embedded index's postings tell)."""
    def holds(term: str) -> bool:
        if driver is None:
            with connect(settings) as own:
                return known(settings, own)(term)
        text = q.lucene_query([term])
        try:
            with driver.session(database=settings.database, default_access_mode="READ") as session:
                return any(session.run(q.fulltext_holds(), index=index, q=text).peek() is not None
                           for index in q.FULLTEXT_INDEXES)
        except Exception as exc:
            raise translate(exc, settings) from None
    return holds


def triggers() -> frozenset[str]:
    """The characters OpenCC may change (cached: what a question is folded with)."""
    return _triggers()


def suggestions(settings: Settings, query: str, limit: int = 3) -> list[str]:
    """Duty statements Lucene finds closest to ``query`` (to show when nothing matches)."""
    key = clean_query(query, _triggers())
    # Every character on its own, as a prefix: the closest texts share the most characters.
    text = q.lucene_query([ch for ch in dict.fromkeys(key) if not ch.isspace()])
    if not text:
        return []
    with connect(settings) as driver:
        try:
            with driver.session(database=settings.database, default_access_mode="READ") as session:
                rows = session.run(q.fulltext_duty_hits(), index=q.DUTY_FULLTEXT, q=text, limit=limit * 10)
                seen = []
                for r in rows:
                    if r["text"] not in seen:
                        seen.append(r["text"])
                return seen[:limit]
        except Exception as exc:
            raise translate(exc, settings) from None


# --------------------------------------------------------------------------- the lookup
def _which(tx, query: str, agency, unit_type, top, rerank: bool, partial_chars: int = s.PARTIAL_MIN_CHARS):
    triggers = _triggers()
    allowed = _filter(tx, agency, unit_type)
    key = clean_query(query, triggers)
    parts = key.split()
    if not parts:
        return []
    # Units the query names as the place to look (臺中關保稅 → under 臺中關, look for 保稅).
    context_paths, parts = _context(tx, parts, triggers)
    text = q.lucene_query(parts + _long_forms(parts))
    if not text:
        return []
    limit = FILTERED_LIMIT if allowed is not None else LUCENE_LIMIT

    title_prior = e.PROCEDURE_PRIOR
    step_prior = title_prior * STEP_PRIOR
    cands: dict[tuple[str, str], _Candidate] = {}

    def collect(stmt, index, kind, lucene: str, into: dict):
        for r in tx.run(stmt, index=index, q=lucene, limit=limit):
            r = r.data()
            r["weight"] = 1.0
            if kind == "duty":
                flags = e.duty_flags_of(r)
                made = dict(text=r["text"], prior=e.duty_prior(flags), flags=flags)
            elif kind == "unit":
                made = dict(text="、".join(e.unit_names(r)),
                            prior=e.unit_prior(bool(r.get("own_duties") or not r.get("has_children"))))
            elif kind == "title":
                deciders = "、".join(dict.fromkeys(r["deciders"]))
                context = ("rule" + (f"; decides: {deciders}" if deciders else "")) if r["rule"] else "procedure"
                made = dict(text=r["text"], prior=title_prior, context=context)
                r["role"] = ", ".join(dict.fromkeys(r["roles"]))
                r["weight"] = OWNER_PRIOR if r["owner"] else 1.0
            else:  # step, note
                if kind == "step":
                    body = r["text"] + "".join(f"（{n}）" for n in r["step_notes"])
                    context = f"step {r['n']} of {r['procedure']}"
                    if r["deciders"]:
                        context += f"; decides: {'、'.join(r['deciders'])}"
                    weak = r["inferred"] and not r["rule"]
                    r["role"] = ", ".join(dict.fromkeys(x + (" (inferred)" if weak else "") for x in r["roles"]))
                else:
                    body, context, weak = r["text"], f"note of {r['procedure']}", r["inferred"]
                    r["role"] = ", ".join(dict.fromkeys(r["roles"]))
                made = dict(text=body, prior=step_prior, context=context)
                r["weight"] = OWNER_PRIOR if (r["owner"] and weak) else 1.0
            c = into.get((kind, r["ref"]))
            if c is None:
                c = into[(kind, r["ref"])] = _Candidate("procedure" if kind in ("title", "step", "note") else kind,
                                                        r["ref"], score=r["score"], **made)
                c.key = fold(c.text, triggers)
                c.key += " " + " ".join(s.short_forms(c.key))
                c.clause = s.clause_start(c.key, c.flags)
            if allowed is None or allowed(r):
                c.rows.append(r)

    def collect_all(lucene: str, into: dict):
        collect(q.fulltext_duty_hits(), q.DUTY_FULLTEXT, "duty", lucene, into)
        collect(q.fulltext_unit_hits(), q.UNIT_FULLTEXT, "unit", lucene, into)
        collect(q.fulltext_procedure_hits(), q.PROCEDURE_FULLTEXT, "title", lucene, into)
        collect(q.fulltext_step_hits(), q.STEP_FULLTEXT, "step", lucene, into)
        collect(q.fulltext_note_hits(), q.NOTE_FULLTEXT, "note", lucene, into)

    collect_all(text, cands)

    # Query bigrams (the embedded lookup's terms); a bigram that no candidate has and that holds
    # a glue character (行李要檢查: 李要, 要檢) is chatter, not content.
    terms = s.key_terms(" ".join(parts))
    bigrams = [t for t in terms if len(t) == 2] or [t for t in terms if len(t) == 1]
    present = {t for t in bigrams if any(t in c.key for c in cands.values())}
    bigrams = [t for t in bigrams if t in present or not (set(t) & s.FUNCTION_CHARS)] or bigrams
    seamed_by = _seams(parts, present, bigrams, collect_all) if rerank else {}
    qlen = max(sum(len(p) for p in parts), 1)

    by_unit: dict[str, list] = {}
    partial_by_unit: dict[str, list] = {}  # the second pass (queries.lookup.search): two words in common
    info: dict[str, dict] = {}
    for c in cands.values():
        per_unit: dict[str, list[dict]] = {}
        for r in c.rows:
            per_unit.setdefault(r["unit"], []).append(r)
        if not per_unit:
            continue
        run, phrase, prior = s.phrase_and_prior(parts, c.key, c.clause, c.prior, qlen)
        for uid, rows in per_unit.items():
            r0 = rows[0]
            info.setdefault(uid, {"id": uid, "name": r0["name"], "path": list(r0["path"]),
                                  "type": r0.get("unit_type") or "", "kind": r0.get("kind") or ""})
            if rerank:
                path_key = fold(" ".join(r0["path"]), triggers)
                held = {t for t in bigrams if t in c.key or t in path_key}
                # A seam after a word the text holds (印信管理: 信管, after 印信) is not counted against it.
                seamed = sum(1 for seam, before in seamed_by.items() if before in held)
                coverage = len(held) / max(len(bigrams) - seamed, 1)
                into = by_unit
                if coverage < s.MIN_COVERAGE and run < s.MIN_RUN:
                    shared = held if partial_chars >= s.PARTIAL_MIN_CHARS else held - s.COMMON_WORDS
                    if s.covered_chars(parts, shared) < partial_chars:
                        continue
                    into = partial_by_unit
                boost = s.CONTEXT_BOOST if any(r0["path"][:len(p)] == p for p in context_paths) else 1.0
                score = c.score * coverage * phrase * prior * max(r["weight"] for r in rows) * boost
            else:
                score, into = c.score, by_unit
            into.setdefault(uid, []).append((score, c, rows))
    if by_unit or not partial_by_unit:
        return _hits(by_unit, info, terms, top)
    return _hits(partial_by_unit, info, terms, top, partial=True)


def _seams(parts: list[str], present: set[str], bigrams: list[str], fetch) -> dict[str, str]:
    """Seams of the query (:func:`queries.lookup.search.seams`) that excuse a word: ``seam -> word before it``.

    The embedded lookup knows every term of its index; here a query bigram is known when a
    candidate holds it (``present``) or, for the bigrams no candidate holds, when some text of
    the database does: ``fetch(lucene, into)`` looks for them (the same five full-text queries, so
    the same texts count: those some unit answers) — Lucene's candidates are only its best few
    hundred.  Only parts of four characters or more can hold a seam (one bigram on each side).
    """
    known = set(present)
    absent = [t for t in dict.fromkeys(p[i:i + 2] for p in parts if len(p) >= 4 for i in range(len(p) - 1))
              if t not in known]
    lucene = q.lucene_query(absent)
    if lucene:
        found: dict = {}
        fetch(lucene, found)
        known |= {t for t in absent if any(t in c.key for c in found.values())}
    wanted = set(bigrams)  # a glue bigram dropped from the query is not counted, so not excused either
    return {seam: before for seam, before in s.seams(parts, known).items()
            if before and seam in wanted}


def _triggers() -> frozenset[str]:
    """The characters OpenCC may change (:func:`queries.textnorm.opencc_triggers`), cached in a file.

    Working them out walks OpenCC's dictionaries (about 0.1 s); the embedded lookup keeps them
    in its index, this lookup in orggraph's cache directory.  An unwritable cache only costs time.
    """
    spec = importlib.util.find_spec("opencc")  # a new OpenCC (its files' times) means new dictionaries
    installed = str(Path(spec.origin).stat().st_mtime_ns) if spec and spec.origin else ""
    key = source_hash([textnorm.__file__], salt=installed)
    path = cache_dir() / f"opencc-triggers-{textnorm.OPENCC_CONFIG}-{key}.txt"
    body = unseal(f"opencc:{key}", read_cache(path, 2**20))
    try:
        if body is not None:
            return frozenset(body.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    found = textnorm.opencc_triggers()
    try:
        for old in path.parent.glob("opencc-triggers-*.txt"):
            old.unlink(missing_ok=True)
        atomic_write(path, seal(f"opencc:{key}", "".join(sorted(found)).encode("utf-8")))
    except Exception:  # noqa: BLE001 — a cache that cannot be written is not an error
        pass
    return found


def _hits(by_unit: dict, info: dict, terms: dict, top: int | None, partial: bool = False) -> list:
    ranked = []
    for uid, matches in by_unit.items():
        matches.sort(key=lambda m: (-m[0], m[1].kind, m[1].ref))
        ranked.append((matches[0][0], uid, matches[:EVIDENCE_PER_UNIT]))
    # Best first; units tied on the same evidence stay together, then by id (as the embedded lookup).
    ranked.sort(key=lambda t: (-round(t[0], 9), t[2][0][1].kind, t[2][0][1].ref, t[1]))
    ranked = keep_ties(ranked, top, lambda t: t[0])
    hits, group, previous = [], 0, None
    for score, uid, matches in ranked:
        evidence = []
        for _score, c, rows in matches:
            spans = highlight_spans(c.key[:len(c.text)], terms)
            for r in sorted(rows, key=lambda r: (r.get("doc") or "", r.get("line") or 0)):
                evidence.append(Evidence(c.text, r.get("doc") or "", r.get("line") or 0, r.get("article") or "",
                                         r.get("item") or "", r.get("post") or "", c.kind, spans,
                                         context=c.context, role=r.get("role") or ""))
        signature = (round(score, 9), matches[0][1].kind, matches[0][1].ref)
        if previous is not None and signature != previous:
            group += 1
        previous = signature
        hits.append(Hit(dict(info[uid]), score, evidence, group, partial=partial))
    return hits


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


def _context(tx, parts: list[str], triggers) -> tuple[list[list[str]], list[str]]:
    """Unit names in the query that say where to look; the parts without them.

    As the embedded lookup: names of units with units under them (three
    characters or more), and agencies by abbreviation (環保署); a name is
    context only when at least two characters of content remain.
    """
    key = " ".join(parts)
    names: dict[str, list[list[str]]] = {}
    for r in tx.run(q.context_units()):
        name = fold(r["name"], triggers)
        if len(name) < 3:
            continue
        forms = [name] + (abbreviations(name) if r["kind"] == "Agency" else [])
        for form in forms:
            if form in key:
                names.setdefault(form, []).append(list(r["path"]))
    paths: list[list[str]] = []
    for name in sorted(names, key=len, reverse=True):
        if not any(name in p for p in parts):
            continue
        rest = [x for p in parts for x in (p.replace(name, " ").split() if name in p else [p])]
        if sum(len(x) for x in rest) >= 2:
            parts, paths = rest, paths + names[name]
    return paths, parts


def _long_forms(parts: list[str]) -> list[str]:
    """Long forms of the short words in the query (環保 → 環境保護), searched for as well."""
    return [long for long, short in ABBREVIATIONS.items() if any(short in p for p in parts)]
