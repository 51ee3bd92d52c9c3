"""Every Cypher statement orggraph sends, as pure functions returning query text.

Values always travel as parameters; only labels, relationship types and index
names (which Cypher cannot parameterize) are spliced in, backtick-quoted by
:func:`ident`.

>>> ident("Unit")
'`Unit`'
>>> ident("we`ird")
'`we``ird`'
>>> print(merge_nodes("Unit", ["Division"]))
UNWIND $rows AS row
MERGE (n:`Unit` {id: row.id})
SET n = row.props, n._orggraph = true, n._orggraph_run = $run
REMOVE n:`Agency`:`BranchOffice`:`Section`:`Team`:`Committee`:`Facility`
SET n:`Division`
"""
from __future__ import annotations

from graph_model.records import UNIT_KINDS

OWNED = "_orggraph"
RUN = "_orggraph_run"
REL_KEY = "_key"

DUTY_FULLTEXT = "orggraph_duty_text"
UNIT_FULLTEXT = "orggraph_unit_name"
PROCEDURE_FULLTEXT = "orggraph_procedure_title"
STEP_FULLTEXT = "orggraph_step_text"
NOTE_FULLTEXT = "orggraph_procedure_notes"


def ident(name: str) -> str:
    """Backtick-quote a label / relationship type / index name."""
    if not name:
        raise ValueError("empty identifier")
    return "`" + name.replace("`", "``") + "`"


def ping() -> str:
    return "RETURN 1 AS ok"


def unique_id_constraint(label: str) -> str:
    return (f"CREATE CONSTRAINT {ident('orggraph_' + label + '_id')} IF NOT EXISTS "
            f"FOR (n:{ident(label)}) REQUIRE n.id IS UNIQUE")


def fulltext_index(name: str, label: str, props: list[str]) -> str:
    on = ", ".join(f"n.{ident(p)}" for p in props)
    return (f"CREATE FULLTEXT INDEX {ident(name)} IF NOT EXISTS FOR (n:{ident(label)}) ON EACH [{on}] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}")


# name -> (label, properties) of every full-text index orggraph creates (all with the cjk analyzer).
# The notes of a procedure are one list property (``Procedure.notes``), indexed as a whole.
FULLTEXT = {
    DUTY_FULLTEXT: ("Duty", ["text"]),
    UNIT_FULLTEXT: ("Unit", ["name", "full_name"]),
    PROCEDURE_FULLTEXT: ("Procedure", ["title", "title_as_written"]),
    STEP_FULLTEXT: ("Step", ["text", "notes"]),
    NOTE_FULLTEXT: ("Procedure", ["notes"]),
}


def show_fulltext_indexes() -> str:
    """orggraph's full-text indexes as they are: ``name, labels, properties, analyzer``."""
    return ("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options "
            "WHERE name STARTS WITH 'orggraph_' "
            "RETURN name, labelsOrTypes AS labels, properties, options.indexConfig['fulltext.analyzer'] AS analyzer")


def drop_index(name: str) -> str:
    return f"DROP INDEX {ident(name)} IF EXISTS"


def await_indexes() -> str:
    return "CALL db.awaitIndexes($seconds)"


def merge_nodes(primary: str, extra_labels: list[str]) -> str:
    """MERGE one batch of nodes (``$rows``: [{id, props}]) on ``id`` under ``primary``.

    A unit's kind labels are set to exactly those of this push: one that changed kind (a 委員會
    read before as a Division) loses the stale label, so pushes converge from any earlier graph.
    """
    q = (f"UNWIND $rows AS row\nMERGE (n:{ident(primary)} {{id: row.id}})\n"
         f"SET n = row.props, n.{OWNED} = true, n.{RUN} = $run")
    stale = [k for k in UNIT_KINDS if k not in extra_labels] if primary == "Unit" else []
    if stale:
        q += "\nREMOVE n" + "".join(f":{ident(lab)}" for lab in stale)
    if extra_labels:
        q += "\nSET n" + "".join(f":{ident(lab)}" for lab in extra_labels)
    return q


def merge_relationships(rel_type: str, source_label: str, target_label: str) -> str:
    """MERGE one batch of relationships (``$rows``: [{source, target, key, props}]) on their key."""
    return (f"UNWIND $rows AS row\n"
            f"MATCH (a:{ident(source_label)} {{id: row.source}})\n"
            f"MATCH (b:{ident(target_label)} {{id: row.target}})\n"
            f"MERGE (a)-[r:{ident(rel_type)} {{{REL_KEY}: row.key}}]->(b)\n"
            f"SET r = row.props, r.{REL_KEY} = row.key, r.{OWNED} = true, r.{RUN} = $run")


def delete_stale_relationships() -> str:
    """Owned relationships not written by run ``$run`` (batched by the caller via ``$limit``)."""
    return (f"MATCH ()-[r]->() WHERE r.{OWNED} = true AND r.{RUN} <> $run "
            "WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted")


def delete_stale_nodes() -> str:
    """Owned nodes not written by run ``$run``; DETACH also drops foreign edges to them."""
    return (f"MATCH (n) WHERE n.{OWNED} = true AND n.{RUN} <> $run "
            "WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted")


def count_run_nodes() -> str:
    return (f"MATCH (n) WHERE n.{OWNED} = true AND n.{RUN} = $run "
            "UNWIND labels(n) AS label RETURN label, count(*) AS n")


def count_run_relationships() -> str:
    return (f"MATCH ()-[r]->() WHERE r.{OWNED} = true AND r.{RUN} = $run "
            "RETURN type(r) AS type, count(*) AS n")


def count_owned() -> str:
    return (f"OPTIONAL MATCH (n) WHERE n.{OWNED} = true WITH count(n) AS nodes "
            f"OPTIONAL MATCH ()-[r]->() WHERE r.{OWNED} = true RETURN nodes, count(r) AS relationships")


def count_run_nodes_total() -> str:
    return f"MATCH (n) WHERE n.{OWNED} = true AND n.{RUN} = $run RETURN count(n) AS n"


# --------------------------------------------------------------------------- lookup (which --backend neo4j)
LUCENE_SPECIAL = frozenset('+-&|!(){}[]^"~*?:\\/')
LUCENE_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


def lucene_escape(text: str) -> str:
    """``text`` as literal Lucene query terms: special characters escaped, operator words lower-cased.

    The ``cjk`` analyzer lower-cases anyway, so ``OR`` and ``or`` find the same
    text; only the query parser would have taken ``OR`` for an operator.

    >>> lucene_escape('a"b\\\\c (x) OR y && z')
    'a\\\\"b\\\\\\\\c \\\\(x\\\\) or y \\\\&\\\\& z'
    >>> lucene_escape("MATCH (n) DETACH DELETE n")
    'MATCH \\\\(n\\\\) DETACH DELETE n'
    """
    out = "".join("\\" + ch if ch in LUCENE_SPECIAL else ch for ch in text)
    return " ".join(w.lower() if w in LUCENE_OPERATORS else w for w in out.split(" "))


def lucene_query(parts) -> str:
    """A Lucene query matching any of ``parts`` (the ``cjk`` analyzer splits each into bigrams).

    A part of one CJK character matches as a prefix (the index holds bigrams only).
    Returns ``""`` when nothing is left to search for.

    >>> lucene_query(["保稅工廠", "監管"])
    '保稅工廠 監管'
    >>> lucene_query(["保", 'x"y', " "])
    '保* x\\\\"y'
    """
    terms = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        escaped = lucene_escape(part)
        if len(part) == 1 and "\u3400" <= part <= "\u9fff":
            escaped += "*"
        terms.append(escaped)
    return " ".join(terms)


_UNIT_FIELDS = "u.id AS unit, u.name AS name, u.path AS path, u.kind AS kind, u.unit_type AS unit_type"


def fulltext_unit_hits() -> str:
    """Units whose name matches ``$q`` in index ``$index`` (at most ``$limit``), with what they hold."""
    return ("CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node AS u, score\n"
            f"RETURN u.id AS ref, score, {_UNIT_FIELDS}, u.full_name AS full_name, u.aliases AS aliases,\n"
            "       u.doc AS doc, u.line AS line, u.article AS article, u.item AS item, '' AS post, '' AS role,\n"
            "       EXISTS { (u)-[:HANDLES]->(:Duty) } AS own_duties, EXISTS { (u)-[:HAS_UNIT]->(:Unit) } AS has_children")


def fulltext_duty_hits() -> str:
    """Duty statements matching ``$q``, one row per unit that handles them (with the HANDLES provenance)."""
    return ("CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node AS d, score\n"
            "MATCH (u:Unit)-[h:HANDLES]->(d)\n"
            f"RETURN d.id AS ref, d.text AS text, score, coalesce(d.catch_all, false) AS catch_all,\n"
            f"       coalesce(d.residual, false) AS residual, {_UNIT_FIELDS},\n"
            "       h.doc AS doc, h.line AS line, h.article AS article, h.item AS item, h.post AS post, '' AS role")


def fulltext_procedure_hits() -> str:
    """Procedure titles matching ``$q``, one row per unit with a role in the procedure.

    ``roles`` in document order (`` (inferred)`` marks a role the text implies);
    ``owner``: the unit is the agency the procedure belongs to; ``deciders``: who
    decides in a rule's clauses.
    """
    return ("CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node AS p, score\n"
            "MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(p)\n"
            "WITH p, score, u, r ORDER BY r.line, r.order\n"
            "WITH p, score, u, collect(r) AS rs\n"
            f"RETURN p.id AS ref, p.title AS text, score, {_UNIT_FIELDS},\n"
            "       p.doc AS doc, CASE WHEN u.id = p.agency THEN p.line ELSE rs[0].line END AS line,\n"
            "       '' AS article, '' AS item, coalesce(rs[0].post, '') AS post,\n"
            "       [r IN rs | r.role + CASE WHEN r.basis = 'inferred' THEN ' (inferred)' ELSE '' END] AS roles,\n"
            "       u.id = p.agency AS owner, p:Rule AS rule,\n"
            "       COLLECT { MATCH (p)-[:HAS_STEP]->(st) UNWIND coalesce(st.deciders, []) AS d\n"
            "                 WITH st, d ORDER BY st.n RETURN d } AS deciders")


def fulltext_step_hits() -> str:
    """Procedure steps matching ``$q`` (text and notes), one row per unit acting in the step.

    A rule's clause naming nobody is its agency's (its deciders are the agency's posts).
    ``roles``: the unit's roles in the step; ``inferred``: it acts there only by inference.
    """
    return ("CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node AS s, score\n"
            "MATCH (p:Procedure)-[:HAS_STEP]->(s)\n"
            "WITH p, s, score, coalesce(s.actors, []) AS actors\n"
            "WITH p, s, score, actors, CASE WHEN size(actors) > 0 THEN actors\n"
            "     WHEN p:Rule AND coalesce(p.agency, '') <> '' THEN [p.agency] ELSE [] END AS acting\n"
            "MATCH (u:Unit) WHERE u.id IN acting\n"
            "WITH p, s, score, u, [i IN range(0, size(actors) - 1) WHERE actors[i] = u.id] AS at\n"
            f"RETURN s.id AS ref, s.text AS text, coalesce(s.notes, []) AS step_notes, s.n AS n, score, {_UNIT_FIELDS},\n"
            "       s.doc AS doc, s.line AS line, coalesce(s.article, '') AS article, coalesce(s.item, '') AS item,\n"
            "       '' AS post, [i IN at | s.actor_roles[i]] AS roles,\n"
            "       size(at) > 0 AND all(i IN at WHERE coalesce(s.actor_basis[i], 'explicit') = 'inferred') AS inferred,\n"
            "       u.id = p.agency AS owner, p:Rule AS rule, p.title AS procedure, coalesce(s.deciders, []) AS deciders")


def fulltext_note_hits() -> str:
    """Notes (作業注意事項) of the procedures whose notes match ``$q``: one row per note and acting unit.

    Lucene scores the procedure's notes together; the caller scores each note.
    """
    return ("CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node AS p, score\n"
            "WITH p, score, coalesce(p.notes, []) AS notes, coalesce(p.note_actors, []) AS actors,\n"
            "     coalesce(p.note_inferred, []) AS inferred\n"
            "UNWIND range(0, size(notes) - 1) AS i\n"
            "WITH p, score, i, notes[i] AS text, p.note_lines[i] AS line, split(coalesce(inferred[i], ''), '|') AS weak,\n"
            "     CASE WHEN coalesce(actors[i], '') <> '' THEN split(actors[i], '|')\n"
            "          WHEN p:Rule AND coalesce(p.agency, '') <> '' THEN [p.agency] ELSE [] END AS acting\n"
            "MATCH (u:Unit) WHERE u.id IN acting\n"
            "OPTIONAL MATCH (u)-[r:RESPONSIBLE_FOR]->(p) WHERE r.line = line\n"
            "WITH p, score, i, text, line, weak, u, r ORDER BY r.order\n"
            "WITH p, score, i, text, line, weak, u,\n"
            "     [x IN collect(r) | x.role + CASE WHEN x.basis = 'inferred' THEN ' (inferred)' ELSE '' END] AS roles\n"
            f"RETURN p.id + '#note:' + toString(i) AS ref, text, score, {_UNIT_FIELDS},\n"
            "       p.doc AS doc, line, '' AS article, '' AS item, '' AS post, roles,\n"
            "       u.id IN weak AND NOT p:Rule AS inferred, u.id = p.agency AS owner, p:Rule AS rule,\n"
            "       p.title AS procedure")


def context_units() -> str:
    """Units with units under them: names a query may mention as the place to look."""
    return ("MATCH (u:Unit) WHERE EXISTS { (u)-[:HAS_UNIT]->(:Unit) }\n"
            "RETURN u.name AS name, u.path AS path, u.kind AS kind")


def units_by_reference() -> str:
    """Units named by ``$ref``: the id itself, or every unit whose path ends with ``$parts``."""
    return ("MATCH (u:Unit) WHERE u.id = $ref OR u.path[-size($parts)..] = $parts\n"
            "RETURN u.id AS id, u.path AS path ORDER BY id")


def unit_kinds() -> str:
    return "MATCH (u:Unit) RETURN DISTINCT u.kind AS kind, u.unit_type AS unit_type"
