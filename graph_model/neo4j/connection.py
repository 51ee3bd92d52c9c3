"""Connection settings and sessions.

Settings follow the Neo4j tools' convention: ``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.  Callers may override all but the
password.  Every driver error becomes a one-line :class:`Neo4jError` that never
contains the password; connecting gives up after ``CONNECT_TIMEOUT`` seconds.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass

from . import Neo4jError
from . import cypher as q

CONNECT_TIMEOUT = 5.0


@dataclass(frozen=True)
class Settings:
    uri: str = "bolt://127.0.0.1:7687"
    username: str = "neo4j"
    password: str = ""
    database: str = "neo4j"

    def __repr__(self) -> str:  # never show the password
        return f"Settings(uri={self.shown_uri!r}, username={self.username!r}, database={self.database!r})"

    @property
    def shown_uri(self) -> str:
        """The URI as it may be printed: ``bolt://neo4j:PW@host`` loses its user and password.

        >>> Settings(uri="bolt://neo4j:s3cret@127.0.0.1:7687").shown_uri
        'bolt://127.0.0.1:7687'
        """
        return _USERINFO.sub("", self.uri)


_USERINFO = re.compile(r"(?<=://)[^@/\s]*@")


def settings(uri: str | None = None, username: str | None = None, database: str | None = None) -> Settings:
    """Settings from the environment, with optional overrides (the password only from NEO4J_PASSWORD)."""
    env = os.environ
    return Settings(uri=uri or env.get("NEO4J_URI") or Settings.uri,
                    username=username or env.get("NEO4J_USERNAME") or Settings.username,
                    password=env.get("NEO4J_PASSWORD", ""),
                    database=database or env.get("NEO4J_DATABASE") or Settings.database)


def _clean(text: str, s: Settings) -> str:
    text = _USERINFO.sub("", " ".join(str(text).split()))
    if s.password:
        text = text.replace(s.password, "***")
    return text[:300]


def translate(exc: Exception, s: Settings) -> Neo4jError:
    """A one-line domain error for a driver exception."""
    from neo4j import exceptions as ne
    where = f"{s.shown_uri} (database {s.database!r})"
    if getattr(exc, "code", "") and "AuthenticationRateLimit" in exc.code:
        msg = (f"Neo4j at {s.shown_uri} rejected the credentials of user {s.username!r} too many times in a row; "
               "wait a few seconds (check NEO4J_USERNAME / NEO4J_PASSWORD)")
    elif isinstance(exc, ne.AuthError):
        msg = f"Neo4j at {s.shown_uri} rejected the credentials of user {s.username!r} (check NEO4J_USERNAME / NEO4J_PASSWORD)"
    elif isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
        msg = f"cannot reach Neo4j at {s.shown_uri}: {_clean(exc, s)}"
    elif isinstance(exc, ne.ConfigurationError) or isinstance(exc, ValueError):
        msg = f"bad Neo4j settings for {s.shown_uri}: {_clean(exc, s)}"
    elif getattr(exc, "code", "") and "DatabaseNotFound" in exc.code:
        msg = f"Neo4j at {s.shown_uri} has no database {s.database!r} (check NEO4J_DATABASE)"
    elif getattr(exc, "code", "") and ("AccessMode" in exc.code or "ForbiddenOn" in exc.code):
        msg = "refused: this query writes, but orggraph cypher runs read-only queries (use Neo4j Browser to write)"
    elif isinstance(exc, ne.Neo4jError):
        msg = f"Neo4j error at {where}: {_clean(getattr(exc, 'message', None) or exc, s)}"
    else:
        msg = f"Neo4j error at {where}: {type(exc).__name__}: {_clean(exc, s)}"
    return Neo4jError(msg)


@contextmanager
def connect(s: Settings):
    """A verified driver: ``with connect(settings()) as driver: …``."""
    try:
        import neo4j
    except ImportError:  # pragma: no cover
        raise Neo4jError("the neo4j Python driver is not installed (pip install neo4j)") from None
    driver = None
    try:
        try:
            driver = neo4j.GraphDatabase.driver(s.uri, auth=(s.username, s.password),
                                                connection_timeout=CONNECT_TIMEOUT,
                                                connection_acquisition_timeout=CONNECT_TIMEOUT * 2,
                                                max_transaction_retry_time=CONNECT_TIMEOUT,
                                                warn_notification_severity="OFF")
            with driver.session(database=s.database) as session:
                session.run(q.ping()).consume()
        except Neo4jError:
            raise
        except Exception as exc:
            raise translate(exc, s) from None
        yield driver
    finally:
        if driver is not None:
            driver.close()


# Allowed in a READ transaction, yet not reading: killing other clients' work, fetching URLs from the
# server, administration.  Matched on the query with its string literals and comments removed.
_BEYOND_READING = (
    (re.compile(r"\bTERMINATE\s+TRANSACTIONS?\b", re.I), "TERMINATE TRANSACTION stops other clients' work"),
    (re.compile(r"\bLOAD\s+CSV\b", re.I), "LOAD CSV makes the server fetch files or URLs"),
    (re.compile(r"\b(?:apoc\.load|apoc\.import|apoc\.export|dbms\.|db\.create|gds\.)", re.I),
     "procedures that reach outside the graph or administer the server"),
    (re.compile(r"\b(?:CREATE|DROP|ALTER|GRANT|REVOKE|DENY|START|STOP)\s+(?:DATABASE|USER|ROLE|ALIAS|SERVER)\b", re.I),
     "administration commands"),
)
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def refusal(query: str) -> str:
    """Why ``query`` is refused before it reaches the server, or ``""``.

    >>> refusal("TERMINATE TRANSACTION 'neo4j-transaction-3'"), refusal("MATCH (n {name: 'LOAD CSV'}) RETURN n")
    ("TERMINATE TRANSACTION stops other clients' work", '')
    """
    bare = _LITERALS.sub(" ", query)
    return next((why for pattern, why in _BEYOND_READING if pattern.search(bare)), "")


def cypher(s: Settings, query: str, params: dict | None = None) -> dict:
    """Run ``query`` in a READ transaction; ``{"columns": [...], "rows": [[...], ...]}``.

    A query that writes is refused with :class:`Neo4jError`, and so are the statements a READ
    transaction still allows but that act beyond reading the graph (see :func:`refusal`).
    """
    import neo4j

    reason = refusal(query)
    if reason:
        raise Neo4jError(f"refused: {reason}; orggraph cypher runs read-only queries over the graph "
                         "(use Neo4j Browser for anything else)")

    def work(tx):
        result = tx.run(query, params or {})
        return list(result.keys()), [[_plain(v) for v in rec.values()] for rec in result]

    with connect(s) as driver:
        try:
            with driver.session(database=s.database, default_access_mode=neo4j.READ_ACCESS) as session:
                columns, rows = session.execute_read(work)
        except Exception as exc:
            raise translate(exc, s) from None
    return {"columns": columns, "rows": rows}


def _plain(value):
    """Driver values → JSON-ready data (nodes/relationships become property dicts)."""
    from neo4j.graph import Node, Path, Relationship
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def render_table(result: dict) -> str:
    """Plain text table of a :func:`cypher` result (lists/dicts shown as JSON)."""
    import json

    from graph_model.textwidth import display_width, pad

    def cell(v):
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)

    header = list(result["columns"])
    rows = [[cell(v) for v in row] for row in result["rows"]]
    if not header:
        return "(no columns)"
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = lambda cells: " | ".join(pad(c, w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
