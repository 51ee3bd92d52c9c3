"""The lookup index in SQLite tables, read lazily: a warm ``which`` reads only what its query touches.

The tables live in the store's own database (a prefix per kind of index: ``which_``,
``which_history_``), or, for the bundled samples and JSON stores, in a file of the cache directory.
A query needs the postings of its own terms, the entries that match and the units it returns — a
few hundred rows — not the whole index (unpickling all of it took most of a warm `which` on the
national store).  Rows are JSON, each with a CRC of its key and bytes; the entry lengths are one
array; the meta rows carry a checksum.  The tables are written in one transaction (a file: whole,
under a temporary name, then renamed), so a reader never sees half of them; tables that are
damaged in any way read as a miss (:class:`IndexFileError`).

>>> import tempfile, os
>>> from graph_model.store.store import open_store
>>> from queries.lookup.search import build_index, search
>>> index = build_index(open_store("/nonexistent/store.json").graph())
>>> path = os.path.join(tempfile.mkdtemp(), "which.sqlite")
>>> write_index(index, path)
>>> lazy = read_index(path)
>>> def first(ix): return [r.unit_id for r in search(ix, "保稅工廠監管", limit=2)]
>>> first(lazy) == first(index)
True
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import zlib
from array import array
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import orjson

from graph_model.errors import IndexFileError
from graph_model.store.files import replaced, temp_beside

from .rows import IndexText, IndexUnit, text_row, unit_row
from .search import FORMAT, VERSION, Index

R = TypeVar("R")

_SCHEMA = """
CREATE TABLE {p}meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE {p}units (id INTEGER PRIMARY KEY, row BLOB NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE {p}entries (id INTEGER PRIMARY KEY, row BLOB NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE {p}postings (term TEXT PRIMARY KEY, ids BLOB NOT NULL, crc INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE {p}name_postings (term TEXT PRIMARY KEY, ids BLOB NOT NULL, crc INTEGER NOT NULL) WITHOUT ROWID;
"""
_TABLES = ("meta", "units", "entries", "postings", "name_postings")


def _prefix(prefix: str) -> str:
    if not re.fullmatch(r"[a-z_]*", prefix):  # table names cannot be SQL parameters: only these
        raise ValueError(f"bad table prefix {prefix!r}")
    return prefix


def _ints(values) -> bytes:
    return array("i", values).tobytes()


def _crc(key, data: bytes) -> int:
    return zlib.crc32(str(key).encode("utf-8") + b"\0" + data)


def _meta_sum(meta: dict) -> bytes:
    h = hashlib.sha256()
    for key in sorted(k for k in meta if k != "sum"):
        h.update(key.encode() + b"\0" + len(meta[key]).to_bytes(8, "little") + meta[key])
    return h.hexdigest().encode()


def write_tables(conn: sqlite3.Connection, index: Index, prefix: str = "", code: str = "",
                 fingerprint: str = "") -> None:
    """Write ``index`` into tables named ``<prefix>meta`` … (any there before are replaced); ``code`` names
    the code that built it and ``fingerprint`` the data.  The caller holds the transaction."""
    p = _prefix(prefix)
    for table in _TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {p}{table}")
    for statement in _SCHEMA.format(p=p).strip().split(";"):
        if statement.strip():
            conn.execute(statement)
    units = ((i, _dumps(u)) for i, u in enumerate(index.units))
    conn.executemany(f"INSERT INTO {p}units VALUES (?, ?, ?)", ((i, r, _crc(i, r)) for i, r in units))
    # Each entry's row written as it is encoded, its checksum summed on the way: never all rows at once
    # (they are several times the index's own size when procedures' steps name many units).
    entries_sha = _RowsSha()
    entries = ((i, entries_sha.add(_dumps(e))) for i, e in enumerate(index.entries))
    conn.executemany(f"INSERT INTO {p}entries VALUES (?, ?, ?)", ((i, r, _crc(i, r)) for i, r in entries))
    meta = {"format": orjson.dumps(FORMAT), "version": orjson.dumps(VERSION),
            "triggers": orjson.dumps(index.triggers), "context": orjson.dumps(index.context),
            "lengths": _ints(index.lengths), "units_count": orjson.dumps(len(index.units)),
            "code": orjson.dumps(code), "scopes": orjson.dumps(index.scopes),
            "fingerprint": orjson.dumps(fingerprint), "entries_sha": orjson.dumps(entries_sha.hexdigest()),
            "widths": orjson.dumps([len(index.units[0]) if len(index.units) else 0,
                                    len(index.entries[0]) if len(index.entries) else 0])}
    meta["sum"] = _meta_sum(meta)
    conn.executemany(f"INSERT INTO {p}meta VALUES (?, ?)", meta.items())
    for table, postings in (("postings", index.postings), ("name_postings", index.name_postings)):
        rows = ((t, _ints(ids)) for t, ids in postings.items())
        conn.executemany(f"INSERT INTO {p}{table} VALUES (?, ?, ?)", ((t, b, _crc(t, b)) for t, b in rows))


def write_index(index: Index, path: str | os.PathLike, code: str = "", fingerprint: str = "") -> None:
    """Write ``index`` to a file of its own at ``path`` (replaced in one step)."""
    path = Path(path)
    tmp = temp_beside(path)
    with replaced(tmp, path, durable=False):  # a cache: rebuilt if a crash loses it
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a temporary file: renamed only when whole
            conn.execute("BEGIN")
            write_tables(conn, index, "", code, fingerprint)
            conn.execute("COMMIT")
        finally:
            conn.close()


@contextlib.contextmanager
def _damage():
    """Any failure to read a row is damage to the tables, whatever SQLite or JSON call it."""
    try:
        yield
    except (sqlite3.Error, orjson.JSONDecodeError, ValueError, TypeError) as exc:
        raise IndexFileError(str(exc)) from None


class _RowsSha:
    """A checksum of rows (their JSON bytes, in order), summed a row at a time."""

    def __init__(self):
        self._h = hashlib.sha256()

    def add(self, row: bytes) -> bytes:
        self._h.update(len(row).to_bytes(4, "little"))
        self._h.update(row)
        return row

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def _rows_sha(rows) -> str:
    """A checksum of rows (their JSON bytes, in order)."""
    h = _RowsSha()
    for row in rows:
        h.add(row)
    return h.hexdigest()


def _dumps(row: tuple) -> bytes:
    """A row (a record, its handlers records too) as a JSON array."""
    def array(value):
        if isinstance(value, tuple):
            return list(value)
        raise TypeError(f"not JSON: {type(value).__name__}")
    return orjson.dumps(row, default=array)


def _row(i: int, data: bytes, crc: int, record: Callable[[object], R]) -> R:
    """A row as read: whole (its CRC) and of the record's shape (else ValueError: damage, read in :func:`_damage`)."""
    if not isinstance(data, bytes) or _crc(i, data) != crc:
        raise IndexFileError(f"row {i} is damaged")
    return record(orjson.loads(data))


class _Rows(Sequence[R]):
    """``units`` or ``entries``: rows fetched on first use, each read by ``record`` (:mod:`queries.lookup.rows`)."""

    def __init__(self, conn: sqlite3.Connection, table: str, count: int, record: Callable[[object], R]):
        self._conn = conn
        self._rows: dict[int, R] = {}
        self._sql, self._count = f"SELECT row, crc FROM {table} WHERE id = ?", count
        self._all = f"SELECT id, row, crc FROM {table} ORDER BY id"
        self._record = record

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: int):  # type: ignore[override]  # rows by position; never sliced
        row = self._rows.get(i)
        if row is None:
            if not 0 <= i < self._count:
                raise IndexError(i)
            with _damage():
                found = self._conn.execute(self._sql, (i,)).fetchone()
                if found is None:
                    raise IndexFileError(f"row {i} missing")
                row = self._rows[i] = _row(i, found[0], found[1], self._record)
        return row

    def __iter__(self):
        if len(self._rows) < self._count:
            with _damage():
                self._rows = {i: _row(i, r, c, self._record) for i, r, c in self._conn.execute(self._all)}
                if len(self._rows) != self._count:
                    raise IndexFileError("rows missing")
        return (self._rows[i] for i in range(self._count))


class _Postings(Mapping):
    """``term -> [entry#, tf, …]`` (or unit#s), fetched per term."""

    def __init__(self, conn: sqlite3.Connection, table: str):
        self._conn, self._table = conn, table
        self._cache: dict[str, Sequence[int] | None] = {}
        self._sql = f"SELECT ids, crc FROM {table} WHERE term = ?"

    def __getitem__(self, term: str):
        if term not in self._cache:
            with _damage():
                found = self._conn.execute(self._sql, (term,)).fetchone()
                if found and (not isinstance(found[0], bytes) or _crc(term, found[0]) != found[1]):
                    raise IndexFileError(f"the postings of {term!r} are damaged")
                self._cache[term] = array("i", found[0]) if found else None
        value = self._cache[term]
        if value is None:
            raise KeyError(term)
        return value

    def __iter__(self):
        with _damage():
            return iter([t for (t,) in self._conn.execute(f"SELECT term FROM {self._table}")])

    def __len__(self) -> int:
        with _damage():
            return self._conn.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]


def folded_from(conn: sqlite3.Connection, code: str, prefix: str = "") -> dict[str, str]:
    """``text -> folded key`` of every entry of the index in tables ``<prefix>…`` if the same ``code`` built
    it (an older index of the same store: a rebuild after a change folds only what is new); ``{}``
    when it cannot tell."""
    p = _prefix(prefix)
    try:
        meta = dict(conn.execute(f"SELECT key, value FROM {p}meta WHERE key IN ('code', 'entries_sha')"))
        if not code or "code" not in meta or orjson.loads(meta["code"]) != code or "entries_sha" not in meta:
            return {}
        raw = [r for (r,) in conn.execute(f"SELECT row FROM {p}entries ORDER BY id")]
        if _rows_sha(raw) != orjson.loads(meta["entries_sha"]):
            return {}  # a damaged row would fold a text wrongly here and in every index built from it
        texts = [text_row(orjson.loads(r)) for r in raw]
        return {t.text: t.key for t in texts if isinstance(t.text, str) and isinstance(t.key, str)
                and len(t.text) == len(t.key)}
    except (sqlite3.Error, orjson.JSONDecodeError, TypeError, ValueError):
        return {}


def _open(path: str | os.PathLike) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(os.fspath(path))}?mode=ro", uri=True, check_same_thread=False)


def folded_texts(path: str | os.PathLike, code: str) -> dict[str, str]:
    """:func:`folded_from` the index file at ``path``."""
    try:
        conn = _open(path)
    except sqlite3.Error:
        return {}
    try:
        return folded_from(conn, code)
    finally:
        conn.close()


def read_tables(conn: sqlite3.Connection, prefix: str = "", fingerprint: str | None = None) -> Index:
    """The index in tables ``<prefix>…`` of ``conn``, reading rows as the search asks for them (keep
    ``conn`` open meanwhile); with ``fingerprint``, only the index built from that data (an index of
    other data is a miss)."""
    p = _prefix(prefix)
    try:
        meta = dict(conn.execute(f"SELECT key, value FROM {p}meta"))
        if meta.get("sum") != _meta_sum(meta):
            raise IndexFileError("the index's meta rows are damaged")
        if orjson.loads(meta["format"]) != FORMAT or orjson.loads(meta["version"]) != VERSION:
            raise IndexFileError("not a lookup index of this version")
        if fingerprint is not None and orjson.loads(meta["fingerprint"]) != fingerprint:
            raise IndexFileError("an index of other data")
        lengths = array("i", meta["lengths"])
        units_count = orjson.loads(meta["units_count"])
        widths = [len(IndexUnit._fields) if units_count else 0, len(IndexText._fields) if lengths else 0]
        if orjson.loads(meta["widths"]) != widths:
            raise IndexFileError("rows of another shape")
        return Index(_Rows(conn, f"{p}units", units_count, unit_row),
                     _Rows(conn, f"{p}entries", len(lengths), text_row),
                     _Postings(conn, f"{p}postings"), lengths, orjson.loads(meta["triggers"]),
                     orjson.loads(meta["context"]), _Postings(conn, f"{p}name_postings"), orjson.loads(meta["scopes"]))
    except (sqlite3.Error, KeyError, TypeError, ValueError, orjson.JSONDecodeError) as exc:
        raise IndexFileError(str(exc)) from None


def read_index(path: str | os.PathLike, fingerprint: str | None = None) -> Index:
    """The index in the file at ``path`` (see :func:`read_tables`)."""
    try:
        conn = _open(path)
    except sqlite3.Error as exc:
        raise IndexFileError(str(exc)) from None
    try:
        return read_tables(conn, "", fingerprint)
    except IndexFileError:
        conn.close()
        raise
