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

from . import Neo4jError, cypher as q

CONNECT_TIMEOUT = 5.0
# How long `orggraph cypher` lets a query run (seconds; 0: no limit).  The cookbook's queries take well under
# a second on the national graph; a cartesian product over it would run for hours and hold the terminal.
QUERY_TIMEOUT = 60.0
# The addresses the Bolt protocol is spoken at (the driver's own schemes), encrypted (+s, +ssc) or not.
BOLT_SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})


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
        """The URI as it may be printed: ``bolt://neo4j:PW@host`` loses its user and password, however the
        password is written (with ``/``, a space, or ``@`` in it).

        >>> Settings(uri="bolt://neo4j:s3cret@127.0.0.1:7687").shown_uri
        'bolt://127.0.0.1:7687'
        >>> Settings(uri="bolt://neo4j:a/b c@d@127.0.0.1:7687").shown_uri
        'bolt://127.0.0.1:7687'
        """
        return without_userinfo(self.uri)


def without_userinfo(text: str) -> str:
    """``text`` with the user and password of every URI in it removed: all up to the last ``@`` before
    the host.

    >>> without_userinfo("cannot reach bolt://u:p@ss w@rd@localhost:7687 now")
    'cannot reach bolt://localhost:7687 now'
    """
    return _USERINFO.sub("", text)


# From :// to the last @ that is followed by a host (letters, digits, dots, dashes, a [v6] address) and its
# port: the password may hold any character.
_USERINFO = re.compile(r"(?<=://).*@(?=[\w.\-\[\]:]+(?::\d+)?(?![\w.\-\[\]:@]))")


def settings(uri: str | None = None, username: str | None = None, database: str | None = None) -> Settings:
    """Settings from the environment, with optional overrides (the password only from NEO4J_PASSWORD)."""
    env = os.environ
    return Settings(uri=uri or env.get("NEO4J_URI") or Settings.uri,
                    username=username or env.get("NEO4J_USERNAME") or Settings.username,
                    password=env.get("NEO4J_PASSWORD", ""),
                    database=database or env.get("NEO4J_DATABASE") or Settings.database)


def _clean(text: object, s: Settings) -> str:
    """A server's or the driver's words, one line, without the user info of a URI or the password (as it
    is, or percent-encoded as a URI holds it)."""
    from urllib.parse import quote
    text = without_userinfo(" ".join(str(text).split()))
    if s.password:
        for form in {s.password, quote(s.password, safe=""), quote(s.password)}:
            text = text.replace(form, "***")
    return text[:300]


def translate(exc: Exception, s: Settings) -> Neo4jError:
    """A one-line domain error for a driver exception."""
    from neo4j import exceptions as ne
    where = f"{s.shown_uri} (database {s.database!r})"
    code: str = getattr(exc, "code", None) or ""  # a server's status code (Neo4jError and its kind)
    if "AuthenticationRateLimit" in code:
        msg = (f"Neo4j at {s.shown_uri} rejected the credentials of user {s.username!r} too many times in a row; "
               "wait a few seconds (check NEO4J_USERNAME / NEO4J_PASSWORD)")
    elif isinstance(exc, ne.AuthError):
        msg = (f"Neo4j at {s.shown_uri} rejected the credentials of user {s.username!r} "
               "(check NEO4J_USERNAME / NEO4J_PASSWORD)")
    elif isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
        msg = f"cannot reach Neo4j at {s.shown_uri}: {_clean(exc, s)}"
    elif isinstance(exc, ne.ConfigurationError) or isinstance(exc, ValueError):
        msg = f"bad Neo4j settings for {s.shown_uri}: {_clean(exc, s)}"
    elif "DatabaseNotFound" in code:
        msg = f"Neo4j at {s.shown_uri} has no database {s.database!r} (check NEO4J_DATABASE)"
    elif "AccessMode" in code or "ForbiddenOn" in code:
        msg = f"refused: {_WRITING}"
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
        if s.shown_uri != s.uri:  # never handed to the driver, which would print the parts it mistook for a host
            raise Neo4jError(f"bad Neo4j settings for {s.shown_uri}: NEO4J_URI holds a user name or password; "
                             "give them in NEO4J_USERNAME and NEO4J_PASSWORD instead")
        scheme = s.uri.partition("://")[0].lower()
        if scheme not in BOLT_SCHEMES:  # http:// is Browser's address; the driver would try its preview HTTP API
            raise Neo4jError(f"bad Neo4j settings for {s.shown_uri}: NEO4J_URI must be a Bolt address such as "
                             "bolt://127.0.0.1:7687 (or neo4j://, bolt+s://, neo4j+s://); http://…:7474 is "
                             "Neo4j Browser's page, not the database's")
        try:
            driver = neo4j.GraphDatabase.driver(s.uri, auth=(s.username, s.password),
                                                connection_timeout=CONNECT_TIMEOUT,
                                                connection_acquisition_timeout=CONNECT_TIMEOUT * 2,
                                                max_transaction_retry_time=CONNECT_TIMEOUT,
                                                warn_notification_severity="OFF",
                                                # the server's notices (a label not pushed yet, on a fresh
                                                # server) would be logged to the terminal: not asked for
                                                notifications_min_severity="OFF")
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


# What a read-only query may call: reading the graph's labels, types, keys, schema and full-text indexes.
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships", "db.schema.visualization", "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties"})
# Plan operators that act beyond reading the graph, though a READ transaction may allow them: fetching files
# or URLs (LoadCSV), other clients' transactions and the server's state and settings (Show…, Terminate…).
_WRITES = re.compile(r"Create|Delete|Merge|^Set|Remove|^Foreach|LockNodes", re.I)
_BEYOND_READING = re.compile(r"LoadCSV|Terminate|Show(?!Indexes|Constraints)|Transaction|Administration|System|Drop|"
                             r"Alter|Grant|Revoke|Deny", re.I)  # (the graph's own indexes and constraints may be shown)
_WRITING = "this query writes, but orggraph cypher runs read-only queries (use Neo4j Browser to write)"
_PROCEDURE = re.compile(r"^\s*((?:`[^`]*`|[\w$]+)(?:\s*\.\s*(?:`[^`]*`|[\w$]+))*)\s*\(")
_LEADING = re.compile(r"^\s*(?:EXPLAIN|PROFILE)\b", re.I)


def refusal(summary) -> str:
    """Why a query is refused, from the server's own plan of it (an ``EXPLAIN`` summary), or ``""``.

    >>> class Summary:
    ...     query_type, plan = "r", {"operatorType": "ProduceResults@neo4j", "args": {}, "children": [
    ...         {"operatorType": "ProcedureCall@neo4j", "args": {"Details": "dbms.listConfig() :: (name)"}}]}
    >>> refusal(Summary())
    'it calls dbms.listConfig, which is not one of the procedures that read the graph'
    """
    stack = [summary.plan or {}]
    while stack:
        op = stack.pop()
        name = str(op.get("operatorType", "")).split("@")[0]
        stack.extend(op.get("children") or [])
        if "ProcedureCall" in name:
            found = _PROCEDURE.match(str((op.get("args") or {}).get("Details", "")))
            procedure = re.sub(r"[`\s]", "", found.group(1)) if found else "an unknown procedure"
            if procedure not in ALLOWED_PROCEDURES:
                return f"it calls {procedure}, which is not one of the procedures that read the graph"
        elif _BEYOND_READING.search(name):
            return f"its plan does more than read the graph ({name})"
        elif _WRITES.search(name):
            return _WRITING
    return _WRITING if summary.query_type not in ("r", None) else ""


def cypher(s: Settings, query: str, params: dict | None = None, timeout: float = QUERY_TIMEOUT) -> dict:
    """Run ``query`` in a READ transaction; ``{"columns": [...], "rows": [[...], ...]}``.

    The server stops the transaction after ``timeout`` seconds (0: never), and the error says so.

    The server is asked first how it would run the query (``EXPLAIN``): a query that writes, loads files
    or URLs, administers the server or other clients' transactions, or calls a procedure that is not
    on :data:`ALLOWED_PROCEDURES`, is refused with :class:`Neo4jError` — whatever its spelling, since the
    server parsed it; a statement the server cannot plan as a query (SHOW USERS …) is refused too.
    """
    import neo4j
    from neo4j import exceptions as ne

    def refuse(reason: str):
        return Neo4jError(f"refused: {reason}; orggraph cypher runs read-only queries over the graph "
                          "(use Neo4j Browser for anything else)")

    @neo4j.unit_of_work(timeout=timeout or None)
    def work(tx):
        result = tx.run(query, params or {})
        return list(result.keys()), [[_plain(v) for v in rec.values()] for rec in result]

    with connect(s) as driver:
        with driver.session(database=s.database, default_access_mode=neo4j.READ_ACCESS,
                            notifications_min_severity="OFF") as session:
            body = _LEADING.sub("", query)
            try:
                summary = session.run("EXPLAIN " + body, params or {}).consume()
            except ne.ClientError as exc:
                if "Syntax" in (exc.code or "") or "Statement" in (exc.code or ""):
                    error = Neo4jError(in_users_words(str(translate(exc, s)), len("EXPLAIN ") + len(body) - len(query)))
                    if "Unsupported administration command" in str(error) or "administration" in str(error).lower():
                        raise refuse("it is an administration command, not a query over the graph") from None
                    raise error from None
                raise refuse(f"the server would not plan it as a query over the graph "
                             f"({_clean(getattr(exc, 'message', '') or exc, s)[:120]})") from None
            except Exception as exc:
                raise translate(exc, s) from None
            reason = refusal(summary)
            if reason:
                raise Neo4jError(f"refused: {reason}") if reason == _WRITING else refuse(reason)
            try:
                columns, rows = session.execute_read(work)
            except Exception as exc:
                if "TransactionTimedOut" in (getattr(exc, "code", None) or ""):
                    raise Neo4jError(f"the query ran for more than {timeout:g} s and the server stopped it "
                                     "(--timeout); narrow it (a label, a parameter, LIMIT) or give it more "
                                     "time with --timeout SECONDS (0: no limit)") from None
                raise translate(exc, s) from None
    return {"columns": columns, "rows": rows}


_POSITION = re.compile(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)")


def in_users_words(message: str, shift: int) -> str:
    """A server's error about the query it was sent (``EXPLAIN`` + the user's) in the user's terms: positions
    as in the query typed, ``shift`` characters earlier, and the query quoted without the ``EXPLAIN``.

    >>> in_users_words('Invalid input (line 1, column 15 (offset: 14)) "EXPLAIN RETURN" ^', 8)
    'Invalid input (line 1, column 7 (offset: 6)) "RETURN" ^'
    >>> in_users_words('Invalid input (line 2, column 3 (offset: 20)) "x"', 8)
    'Invalid input (line 2, column 3 (offset: 12)) "x"'
    """
    def moved(m: re.Match) -> str:
        line, column, offset = (int(g) for g in m.groups())
        column = max(column - shift, 1) if line == 1 else column
        return f"(line {line}, column {column} (offset: {max(offset - shift, 0)}))"
    return _POSITION.sub(moved, message).replace('"EXPLAIN ', '"')


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

    def line(cells):
        return " | ".join(pad(c, w) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
