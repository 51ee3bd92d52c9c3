"""Every Cypher statement orggraph sends, as pure functions returning query text.

Values always travel as parameters; only labels, relationship types and index
names (which Cypher cannot parameterize) are spliced in, backtick-quoted by
:func:`ident`.

>>> ident("Unit")
'`Unit`'
>>> ident("we`ird")
'`we``ird`'
>>> print(unstage(["Unit", "Division"]))
MATCH (n:`OrggraphStaged`) WHERE n._orggraph_run = $run AND n._orggraph_labels = $labels
REMOVE n:`OrggraphStaged`, n._orggraph_labels
SET n:`Unit`:`Division`
RETURN count(*) AS n
"""
from __future__ import annotations

OWNED = "_orggraph"
RUN = "_orggraph_run"
REL_KEY = "_key"
RUN_LABEL = "OrggraphRun"  # the record of the current run
STAGED = "OrggraphStaged"  # a push being written, not yet current
RETIRED = "OrggraphRetired"  # the graph a push replaced, hidden by the switch and removed after it
LABELS = "_orggraph_labels"  # a staged node's labels-to-be
STAGING_INDEX = "orggraph_staged_id"

DUTY_FULLTEXT = "orggraph_duty_text"
UNIT_FULLTEXT = "orggraph_unit_name"
PROCEDURE_FULLTEXT = "orggraph_procedure_title"
STEP_FULLTEXT = "orggraph_step_text"
NOTE_FULLTEXT = "orggraph_procedure_notes"
LOOKUP_FULLTEXT = "orggraph_lookup_text"

# What `which --backend neo4j` ranks with, pushed beside the graph (queries.lookup.neo4j_rows): the lookup
# index's texts, the document frequency of each term, the unit names a query may give as context, and
# the collection's statistics.  Each node's ``id`` is its label and key (:func:`lookup_id`): unlike any graph node's.
TEXT_LABEL = "OrggraphText"
TERM_LABEL = "OrggraphTerm"
CONTEXT_LABEL = "OrggraphContext"
LOOKUP_LABEL = "OrggraphLookup"
LOOKUP_LABELS = (TEXT_LABEL, TERM_LABEL, CONTEXT_LABEL, LOOKUP_LABEL)
# The lookup's nodes are written under their own labels, tagged with their run, and never switched: the
# lookup reads those of the run its record (OrggraphRun) names.  Switching them too made a push's switching
# transaction three times larger: over a 1 GB server's transaction memory for the national store.
_LOOKUP_ANY = "|".join(f"`{label}`" for label in LOOKUP_LABELS)
_CURRENT = f"MATCH (run_:`{RUN_LABEL}`) WHERE run_.{OWNED} = true WITH run_.run AS current\n"


def ident(name: str) -> str:
    """Backtick-quote a label / relationship type / index name."""
    if not name:
        raise ValueError("empty identifier")
    return "`" + name.replace("`", "``") + "`"


def ping() -> str:
    return "RETURN 1 AS ok"


def id_index(label: str) -> str:
    """A range index on ``id`` for ``label`` (relationships find their nodes by it).

    Not a uniqueness constraint: checking one while the switching transaction labels nodes
    whose ids it has just deleted made the national push's switch take 114 s instead of 10 s.
    The ids are unique anyway (node keys of the embedded graph).
    """
    return f"CREATE INDEX {ident('orggraph_' + label + '_id')} IF NOT EXISTS FOR (n:{ident(label)}) ON (n.id)"


def show_owned_constraints() -> str:
    """Constraints named ``orggraph_…`` (older orggraph versions made uniqueness constraints on ``id``)."""
    return "SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'orggraph_' RETURN name"


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
    LOOKUP_FULLTEXT: (TEXT_LABEL, ["terms"]),  # the folded text and its short forms: what the lookup matches
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


def staging_index() -> str:
    """Staged nodes are found by ``id`` while their relationships are written."""
    return f"CREATE INDEX {ident(STAGING_INDEX)} IF NOT EXISTS FOR (n:{ident(STAGED)}) ON (n.id)"


def stage_nodes() -> str:
    """CREATE one batch of staged nodes (``$rows``: [{props, labels}]) of run ``$run``.

    A staged node has only the label ``OrggraphStaged`` (its own labels wait in ``_orggraph_labels``),
    so no query that names a label — nor a full-text index — sees it before the switch.
    """
    return (f"UNWIND $rows AS row\nCREATE (n:{ident(STAGED)})\n"
            f"SET n = row.props, n.{OWNED} = true, n.{RUN} = $run, n.{LABELS} = row.labels")


def stage_relationships(rel_type: str) -> str:
    """CREATE one batch of relationships (``$rows``: [{source, target, key, props}]) between staged nodes."""
    return (f"UNWIND $rows AS row\n"
            f"MATCH (a:{ident(STAGED)} {{id: row.source}}) WHERE a.{RUN} = $run\n"
            f"MATCH (b:{ident(STAGED)} {{id: row.target}}) WHERE b.{RUN} = $run\n"
            f"CREATE (a)-[r:{ident(rel_type)}]->(b)\n"
            f"SET r = row.props, r.{REL_KEY} = row.key, r.{OWNED} = true, r.{RUN} = $run")


def count_staged_nodes() -> str:
    """Staged nodes of run ``$run`` by the labels they will have."""
    return (f"MATCH (n:{ident(STAGED)}) WHERE n.{RUN} = $run "
            f"UNWIND n.{LABELS} AS label RETURN label, count(*) AS n")


def count_staged_total() -> str:
    return f"MATCH (n:{ident(STAGED)}) WHERE n.{RUN} = $run RETURN count(n) AS n"


def delete_staged() -> str:
    """Up to ``$limit`` staged or retired nodes of any run (a failed push's, a replaced graph), with their
    relationships."""
    return (f"MATCH (n:{ident(STAGED)}|{ident(RETIRED)}) WITH n LIMIT $limit DETACH DELETE n "
            "RETURN count(*) AS deleted")


def current_label_groups() -> str:
    """The label sets of the graph's nodes orggraph wrote that are current (neither staged, retired, its run record
    nor the lookup's)."""
    return (f"MATCH (n) WHERE n.{OWNED} = true AND NOT n:{ident(STAGED)}|{ident(RETIRED)}|{ident(RUN_LABEL)}"
            f"|{_LOOKUP_ANY} RETURN DISTINCT labels(n) AS labels")


def stage_lookup_nodes(label: str) -> str:
    """CREATE one batch of the lookup's nodes (``$rows``: [{props}]) of run ``$run``, under their label ``label``:
    the lookup reads only the current run's (see :data:`LOOKUP_LABELS`)."""
    return (f"UNWIND $rows AS row\nCREATE (n:{ident(label)})\n"
            f"SET n = row.props, n.{OWNED} = true, n.{RUN} = $run")


def count_lookup_nodes() -> str:
    """The lookup's nodes of run ``$run`` by label."""
    return (f"MATCH (n:{_LOOKUP_ANY}) WHERE n.{OWNED} = true AND n.{RUN} = $run "
            "UNWIND labels(n) AS label RETURN label, count(*) AS n")


def count_other_lookups() -> str:
    """The lookup's nodes of runs other than ``$run``: what a push replaces of the lookup."""
    return f"MATCH (n:{_LOOKUP_ANY}) WHERE n.{OWNED} = true AND n.{RUN} <> $run RETURN count(n) AS n"


def delete_other_lookups() -> str:
    """Up to ``$limit`` of the lookup's nodes of runs other than the current one (a failed or replaced push's)."""
    return (f"OPTIONAL MATCH (run_:{ident(RUN_LABEL)}) WHERE run_.{OWNED} = true\n"
            f"WITH collect(run_.run) AS current\n"
            f"MATCH (n:{_LOOKUP_ANY}) WHERE n.{OWNED} = true AND NOT n.{RUN} IN current\n"
            "WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted")


def retire(labels: list[str]) -> str:
    """Hide the current nodes whose labels are exactly ``$labels`` (``labels``): they lose them for ``OrggraphRetired``.

    The switch hides the previous graph instead of deleting it: deleting it in the same transaction as the
    new graph's labelling broke a 1 GB server's transaction memory on the national graph (77k nodes), while
    hiding it costs what labelling costs.  The hidden nodes are deleted after the switch, in batches.
    """
    match = f"MATCH (n:{ident(labels[0])})" if labels else "MATCH (n)"
    remove = f"REMOVE n{''.join(':' + ident(lab) for lab in labels)}\n" if labels else ""
    return (f"{match} WHERE n.{OWNED} = true AND labels(n) = $labels\n{remove}SET n:{ident(RETIRED)}\n"
            "RETURN count(*) AS n")


def count_retired_relationships() -> str:
    return (f"MATCH (:{ident(RETIRED)})-[r]->() WHERE r.{OWNED} = true RETURN count(r) AS n")


def delete_run_records() -> str:
    return f"MATCH (m:{ident(RUN_LABEL)}) WHERE m.{OWNED} = true DELETE m"


def unstage(labels: list[str]) -> str:
    """Give the staged nodes of run ``$run`` whose labels are ``$labels`` those labels: they become current."""
    return (f"MATCH (n:{ident(STAGED)}) WHERE n.{RUN} = $run AND n.{LABELS} = $labels\n"
            f"REMOVE n:{ident(STAGED)}, n.{LABELS}\nSET n{''.join(':' + ident(lab) for lab in labels)}\n"
            "RETURN count(*) AS n")


def delete_owned_relationships() -> str:
    """Up to ``$limit`` relationships orggraph wrote (any run); returns how many went."""
    return (f"MATCH ()-[r]->() WHERE r.{OWNED} = true "
            "WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted")


def delete_owned_nodes() -> str:
    """Up to ``$limit`` nodes orggraph wrote (any run, and its run record); DETACH also drops foreign edges to them."""
    return (f"MATCH (n) WHERE n.{OWNED} = true "
            "WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted")


def count_run_nodes() -> str:
    return (f"MATCH (n) WHERE n.{OWNED} = true AND n.{RUN} = $run "
            "UNWIND labels(n) AS label RETURN label, count(*) AS n")


def count_run_relationships() -> str:
    return (f"MATCH ()-[r]->() WHERE r.{OWNED} = true AND r.{RUN} = $run "
            "RETURN type(r) AS type, count(*) AS n")


def count_owned() -> str:
    """All nodes and relationships orggraph wrote, staged or not (its run record excepted)."""
    return (f"OPTIONAL MATCH (n) WHERE n.{OWNED} = true AND NOT n:{ident(RUN_LABEL)} WITH count(n) AS nodes "
            f"OPTIONAL MATCH ()-[r]->() WHERE r.{OWNED} = true RETURN nodes, count(r) AS relationships")


def count_run_nodes_total() -> str:
    return f"MATCH (n) WHERE n.{OWNED} = true AND n.{RUN} = $run RETURN count(n) AS n"


def count_leftovers() -> str:
    """What is neither the current run (``$run``, ``""`` for none) nor its record: by run, staged or not.

    Staged data is a push that failed (or one still being written); retired data, the graph a push
    replaced and had not finished removing; other data of another run, what an orggraph older than run
    records left.
    """
    return (f"MATCH (n) WHERE n.{OWNED} = true AND NOT n:{ident(RUN_LABEL)} AND coalesce(n.{RUN}, '') <> $run "
            f"OPTIONAL MATCH (n)-[r]->() WHERE r.{OWNED} = true "
            f"RETURN coalesce(n.{RUN}, '') AS run, n:{ident(STAGED)} AS staged, n:{ident(RETIRED)} AS retired,\n"
            "       count(DISTINCT n) AS nodes, "
            "count(r) AS relationships ORDER BY run")


def record_run() -> str:
    """The one node saying which run is the database's current graph (written in the push's transaction)."""
    return (f"CREATE (m:{ident(RUN_LABEL)}) SET m = $meta, m.{OWNED} = true")


def current_runs() -> str:
    return f"MATCH (m:{ident(RUN_LABEL)}) WHERE m.{OWNED} = true RETURN properties(m) AS meta ORDER BY m.pushed_at DESC"


def server_info() -> str:
    return "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"


def show_owned_indexes() -> str:
    """orggraph's indexes (all named ``orggraph_…``), but those that back a constraint (they go with it)."""
    return ("SHOW INDEXES YIELD name, owningConstraint "
            "WHERE name STARTS WITH 'orggraph_' AND owningConstraint IS NULL RETURN name")


def drop_constraint(name: str) -> str:
    return f"DROP CONSTRAINT {ident(name)} IF EXISTS"


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


def lucene_query(parts, anywhere: bool = False) -> str:
    """A Lucene query matching any of ``parts`` (the ``cjk`` analyzer splits each into bigrams).

    A part of one CJK character matches as a prefix (the index holds bigrams only), and with ``anywhere``
    also as a suffix: every text holding the character (光電 holds 電), for a query of single characters.
    Returns ``""`` when nothing is left to search for.

    >>> lucene_query(["保稅工廠", "監管"])
    '保稅工廠 監管'
    >>> lucene_query(["保", 'x"y', " "])
    '保* x\\\\"y'
    >>> lucene_query(["電"], anywhere=True)
    '電* *電'
    """
    terms = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        escaped = lucene_escape(part)
        if len(part) == 1 and "\u3400" <= part <= "\u9fff":
            escaped += "*" + (f" *{escaped}" if anywhere else "")
        terms.append(escaped)
    return " ".join(terms)


_UNIT_FIELDS = "u.id AS unit, u.name AS name, u.path AS path, u.kind AS kind, u.unit_type AS unit_type"


def fulltext_unit_hits() -> str:
    """Units whose name matches ``$q`` in index ``$index`` (at most ``$limit``), with what they hold."""
    return ("CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node AS u, score\n"
            f"RETURN u.id AS ref, score, {_UNIT_FIELDS}, u.full_name AS full_name, u.aliases AS aliases,\n"
            "       u.doc AS doc, u.line AS line, u.article AS article, u.item AS item, '' AS post, '' AS role,\n"
            "       EXISTS { (u)-[:HANDLES]->(:Duty) } AS own_duties,"
            " EXISTS { (u)-[:HAS_UNIT]->(:Unit) } AS has_children")


def fulltext_duty_hits() -> str:
    """Duty statements matching ``$q``, one row per unit that handles them (with the HANDLES provenance)."""
    return ("CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node AS d, score\n"
            "MATCH (u:Unit)-[h:HANDLES]->(d)\n"
            f"RETURN d.id AS ref, d.text AS text, score, coalesce(d.catch_all, false) AS catch_all,\n"
            f"       coalesce(d.residual, false) AS residual, {_UNIT_FIELDS},\n"
            "       h.doc AS doc, h.line AS line, h.article AS article, h.item AS item, h.post AS post, '' AS role")


def lookup_id(label: str, key: str) -> str:
    """The ``id`` of the lookup node ``key`` (a text number, term, name) of ``label``.

    >>> lookup_id(TERM_LABEL, "保稅")
    'OrggraphTerm:保稅'
    """
    return f"{label}:{key}"


def lookup_statistics() -> str:
    """The lookup's statistics for one query: the number of texts and their total length; the document
    frequency of each of ``$terms`` (ids, :func:`lookup_id`) a text holds, with the units whose names (path)
    hold it; the paths of the units each of ``$names`` (ids) may mean as context.  No row when nothing was
    pushed for the lookup."""
    return (f"{_CURRENT}MATCH (s:{ident(LOOKUP_LABEL)}) WHERE s.{OWNED} = true AND s.{RUN} = current\n"
            "RETURN s.texts AS texts, s.length_sum AS length_sum, s.version AS version,\n"
            f"       COLLECT {{ UNWIND $terms AS t MATCH (x:{ident(TERM_LABEL)} {{id: t}}) WHERE x.{RUN} = current\n"
            "                 RETURN {term: x.term, df: x.df, units: x.units} } AS terms,\n"
            f"       COLLECT {{ UNWIND $names AS n MATCH (c:{ident(CONTEXT_LABEL)} {{id: n}}) WHERE c.{RUN} = current\n"
            "                 UNWIND c.units AS uid MATCH (u:Unit {id: uid})\n"
            "                 RETURN {name: c.name, path: u.path} } AS context")


def lookup_government() -> str:
    """Which government the lookup was pushed for: ``history`` true with ``orggraph --all neo4j push`` (abolished
    and superseded bodies too).  No row when nothing was pushed for the lookup."""
    return (f"{_CURRENT}MATCH (s:{ident(LOOKUP_LABEL)}) WHERE s.{OWNED} = true AND s.{RUN} = current\n"
            "RETURN coalesce(s.history, false) AS history")


def lookup_duties_holding() -> str:
    """The lookup's duty texts whose terms (key and short forms) hold one of the characters ``$chars``."""
    return (f"{_CURRENT}MATCH (t:{ident(TEXT_LABEL)}) WHERE t.{OWNED} = true AND t.{RUN} = current\n"
            "  AND t.kind = 'duty'\n"
            "  AND any(ch IN $chars WHERE t.terms CONTAINS ch)\n"
            "RETURN t.n AS n, t.text AS text, t.key AS key, t.terms AS terms")


def lookup_known() -> str:
    """Which of ``$terms`` (ids, :func:`lookup_id`) some text of the lookup holds."""
    return (f"{_CURRENT}UNWIND $terms AS t MATCH (x:{ident(TERM_LABEL)} {{id: t}})\n"
            f"WHERE x.{RUN} = current AND x.df > 0 RETURN x.term AS term")


def lookup_text_hits() -> str:
    """The lookup's texts Lucene finds for ``$q`` in index ``$index`` (at most ``$limit``, best first), as the index
    keeps them.  While a push writes its own, or before the replaced run's are removed, every text is there twice
    (with the same score): Lucene is asked for twice as many, and the current run's kept."""
    return (f"{_CURRENT}CALL db.index.fulltext.queryNodes($index, $q, {{limit: 2 * $limit}}) YIELD node AS t, score\n"
            f"WITH t, score WHERE t.{RUN} = current ORDER BY score DESC LIMIT $limit\n" + _LOOKUP_TEXT_FIELDS)


_LOOKUP_TEXT_FIELDS = (
    "RETURN t.n AS n, t.kind AS kind, t.ref AS ref, t.text AS text, t.key AS key, t.prior AS prior,\n"
    "       t.flags AS flags, t.clause AS clause, t.context AS context, t.units AS units, t.docs AS docs,\n"
    "       t.lines AS lines, t.articles AS articles, t.items AS items, t.posts AS posts, t.roles AS roles")


def lookup_texts_of_units() -> str:
    """The lookup's texts that any of the units ``$units`` (ids) handles and whose terms hold one of ``$terms``,
    with what :func:`lookup_text_hits` gives of each."""
    return (f"{_CURRENT}MATCH (t:{ident(TEXT_LABEL)}) WHERE t.{OWNED} = true AND t.{RUN} = current\n"
            "  AND any(u IN t.units WHERE u IN $units)\n"
            "  AND any(g IN $terms WHERE t.terms CONTAINS g)\n" + _LOOKUP_TEXT_FIELDS)


def units_by_id() -> str:
    """The units ``$ids``, as the lookup shows them (with what became of those that are history); a meeting the
    lookup answers with (graph_model.graph.meetings) is read as one, by its own label."""
    return ("UNWIND $ids AS id CALL { WITH id MATCH (u:Unit {id: id}) RETURN u\n"
            "  UNION WITH id MATCH (u:Meeting {id: id}) RETURN u }\n"
            f"RETURN {_UNIT_FIELDS},\n"
            "       u.status AS status, u.status_date AS status_date, u.successors AS successors")


def unit_rows() -> str:
    """Every unit as the lookup index keeps it: what a question can name as its scope."""
    return ("MATCH (u:Unit)\n"
            "RETURN u.id AS id, u.name AS name, u.path AS path, u.kind AS kind, u.unit_type AS unit_type,\n"
            "       u.full_name AS full_name, coalesce(u.aliases, []) AS aliases ORDER BY id")


def former_rows() -> str:
    """The bodies that no longer exist each current unit keeps (its node's ``formerly``, graph_model.graph.former)."""
    return ("MATCH (u:Unit) WHERE u.formerly IS NOT NULL\n"
            "RETURN u.id AS id, u.formerly AS formerly ORDER BY id")


def definition_rows() -> str:
    """The short forms each document defines (its node's ``definitions``): the corpus's own vocabulary."""
    return ("MATCH (d:Document) WHERE d.definitions IS NOT NULL\n"
            "RETURN d.id AS id, d.definitions AS definitions ORDER BY id")


def units_by_reference() -> str:
    """Units ``$ref`` (pieces ``$parts``, as :func:`graph_model.records.unitref.parse_unit_ref` gives them) names,
    by :func:`graph_model.records.unitref.units_named`'s rule: the unit whose id it is, else every unit whose
    path ends with the pieces, the last being its name, full name or an alias."""
    return ("MATCH (u:Unit)\n"
            "WHERE u.id = $ref OR (size($parts) > 0 AND size($parts) <= size(u.path)\n"
            "      AND u.path[size(u.path) - size($parts)..-1] = $parts[..-1]\n"
            "      AND $parts[-1] IN [last(u.path), u.full_name] + coalesce(u.aliases, []))\n"
            "WITH collect(u) AS found\n"
            "WITH [u IN found WHERE u.id = $ref] AS exact, found\n"
            "UNWIND CASE WHEN size(exact) > 0 THEN exact ELSE found END AS u\n"
            "RETURN u.id AS id, u.path AS path ORDER BY id")


def unit_kinds() -> str:
    return "MATCH (u:Unit) RETURN DISTINCT u.kind AS kind, u.unit_type AS unit_type"
