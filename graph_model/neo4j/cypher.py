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
SET n:`Division`
"""
from __future__ import annotations

OWNED = "_orggraph"
RUN = "_orggraph_run"
REL_KEY = "_key"

DUTY_FULLTEXT = "orggraph_duty_text"
UNIT_FULLTEXT = "orggraph_unit_name"


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


def fulltext_indexes() -> list[str]:
    return [fulltext_index(DUTY_FULLTEXT, "Duty", ["text"]),
            fulltext_index(UNIT_FULLTEXT, "Unit", ["name", "full_name"])]


def await_indexes() -> str:
    return "CALL db.awaitIndexes($seconds)"


def merge_nodes(primary: str, extra_labels: list[str]) -> str:
    """MERGE one batch of nodes (``$rows``: [{id, props}]) on ``id`` under ``primary``."""
    q = (f"UNWIND $rows AS row\nMERGE (n:{ident(primary)} {{id: row.id}})\n"
         f"SET n = row.props, n.{OWNED} = true, n.{RUN} = $run")
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
