"""The lookup index on disk, read lazily: a warm ``which`` reads only what its query touches.

One SQLite file (standard library) per store fingerprint.  A query needs the postings of
its own terms, the entries that match and the units it returns — a few hundred rows —
not the whole index (unpickling all of it took most of a warm `which` on the national
store).  Rows are JSON; the entry lengths are one array.  Files are written whole under
a temporary name and renamed, so a reader never sees half of one; a file that is damaged
in any way reads as a miss (:class:`IndexFileError`).

>>> import tempfile, os
>>> from graph_model.store import open_store
>>> from queries.search import build_index, search
>>> index = build_index(open_store("/nonexistent/store.json").graph())
>>> path = os.path.join(tempfile.mkdtemp(), "which.sqlite")
>>> write_index(index, path)
>>> lazy = read_index(path)
>>> [r.unit_id for r in search(lazy, "保稅工廠監管", limit=2)] == [r.unit_id for r in search(index, "保稅工廠監管", limit=2)]
True
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path

import orjson

from .search import FORMAT, VERSION, Index

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE units (id INTEGER PRIMARY KEY, row BLOB NOT NULL);
CREATE TABLE entries (id INTEGER PRIMARY KEY, row BLOB NOT NULL);
CREATE TABLE postings (term TEXT PRIMARY KEY, ids BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE name_postings (term TEXT PRIMARY KEY, ids BLOB NOT NULL) WITHOUT ROWID;
"""


class IndexFileError(Exception):
    """The file is not a whole index of this version (treat it as a cache miss)."""


def _ints(values) -> bytes:
    return array("i", values).tobytes()


def write_index(index: Index, path: str | os.PathLike, code: str = "", fingerprint: str = "") -> None:
    """Write ``index`` to ``path`` (replaced in one step); ``code`` names the code that built it and
    ``fingerprint`` the data."""
    path = Path(path)
    entries = [orjson.dumps(e) for e in index.entries]
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(_SCHEMA)
            meta = {"format": orjson.dumps(FORMAT), "version": orjson.dumps(VERSION),
                    "triggers": orjson.dumps(index.triggers), "context": orjson.dumps(index.context),
                    "lengths": _ints(index.lengths), "units_count": orjson.dumps(len(index.units)),
                    "code": orjson.dumps(code), "scopes": orjson.dumps(index.scopes),
                    "fingerprint": orjson.dumps(fingerprint), "entries_sha": orjson.dumps(_rows_sha(entries)),
                    "widths": orjson.dumps([len(index.units[0]) if len(index.units) else 0,
                                            len(index.entries[0]) if len(index.entries) else 0])}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.executemany("INSERT INTO units VALUES (?, ?)", ((i, orjson.dumps(u)) for i, u in enumerate(index.units)))
            conn.executemany("INSERT INTO entries VALUES (?, ?)", enumerate(entries))
            conn.executemany("INSERT INTO postings VALUES (?, ?)", ((t, _ints(p)) for t, p in index.postings.items()))
            conn.executemany("INSERT INTO name_postings VALUES (?, ?)",
                             ((t, _ints(p)) for t, p in index.name_postings.items()))
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _damage():
    """Any failure to read a row is damage to the file, whatever SQLite or JSON call it."""
    try:
        yield
    except (sqlite3.Error, orjson.JSONDecodeError, ValueError, TypeError) as exc:
        raise IndexFileError(str(exc)) from None


def _rows_sha(rows) -> str:
    """A checksum of rows (their JSON bytes, in order)."""
    h = hashlib.sha256()
    for row in rows:
        h.update(len(row).to_bytes(4, "little"))
        h.update(row)
    return h.hexdigest()


def _row(data: bytes, width: int):
    """A row as read: a list of the width the index was written with, else damage."""
    row = orjson.loads(data)
    if not isinstance(row, list) or len(row) != width:
        raise IndexFileError(f"a row of the wrong shape ({str(row)[:40]})")
    return row


class _Rows(Sequence):
    """``units`` or ``entries``: rows fetched on first use."""

    def __init__(self, conn: sqlite3.Connection, table: str, count: int, width: int):
        self._conn, self._sql, self._count, self._rows = conn, f"SELECT row FROM {table} WHERE id = ?", count, {}
        self._all = f"SELECT id, row FROM {table} ORDER BY id"
        self._width = width

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: int):
        row = self._rows.get(i)
        if row is None:
            if not 0 <= i < self._count:
                raise IndexError(i)
            with _damage():
                found = self._conn.execute(self._sql, (i,)).fetchone()
                if found is None:
                    raise IndexFileError(f"row {i} missing")
                row = self._rows[i] = _row(found[0], self._width)
        return row

    def __iter__(self):
        if len(self._rows) < self._count:
            with _damage():
                self._rows = {i: _row(r, self._width) for i, r in self._conn.execute(self._all)}
                if len(self._rows) != self._count:
                    raise IndexFileError("rows missing")
        return (self._rows[i] for i in range(self._count))


class _Postings(Mapping):
    """``term -> [entry#, tf, …]`` (or unit#s), fetched per term."""

    def __init__(self, conn: sqlite3.Connection, table: str):
        self._conn, self._table, self._cache = conn, table, {}
        self._sql = f"SELECT ids FROM {table} WHERE term = ?"

    def __getitem__(self, term: str):
        if term not in self._cache:
            with _damage():
                found = self._conn.execute(self._sql, (term,)).fetchone()
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


def folded_texts(path: str | os.PathLike, code: str) -> dict[str, str]:
    """``text -> folded key`` of every entry of the index in ``path`` if the same ``code`` built
    it (an older index of the same store: a rebuild after a change folds only what is new);
    ``{}`` when it cannot tell."""
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('code', 'entries_sha')"))
            if not code or "code" not in meta or orjson.loads(meta["code"]) != code or "entries_sha" not in meta:
                return {}
            raw = [r for (r,) in conn.execute("SELECT row FROM entries ORDER BY id")]
            if _rows_sha(raw) != orjson.loads(meta["entries_sha"]):
                return {}  # a damaged row would fold a text wrongly here and in every index built from it
            rows = (orjson.loads(r) for r in raw)
            return {row[2]: row[3] for row in rows if isinstance(row[2], str) and isinstance(row[3], str)
                    and len(row[2]) == len(row[3])}
        finally:
            conn.close()
    except (sqlite3.Error, orjson.JSONDecodeError, IndexError, TypeError, ValueError):
        return {}


def read_index(path: str | os.PathLike, fingerprint: str | None = None) -> Index:
    """The index in ``path``, reading rows as the search asks for them; with ``fingerprint``, only the
    index built from that data (another store's index under this name is a miss)."""
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if orjson.loads(meta["format"]) != FORMAT or orjson.loads(meta["version"]) != VERSION:
            raise IndexFileError("not a lookup index of this version")
        if fingerprint is not None and orjson.loads(meta["fingerprint"]) != fingerprint:
            raise IndexFileError("an index of other data")
        lengths = array("i", meta["lengths"])
        unit_width, entry_width = orjson.loads(meta["widths"])
        return Index(_Rows(conn, "units", orjson.loads(meta["units_count"]), unit_width),
                     _Rows(conn, "entries", len(lengths), entry_width),
                     _Postings(conn, "postings"), lengths, orjson.loads(meta["triggers"]),
                     orjson.loads(meta["context"]), _Postings(conn, "name_postings"), orjson.loads(meta["scopes"]))
    except (sqlite3.Error, KeyError, TypeError, ValueError, orjson.JSONDecodeError) as exc:
        raise IndexFileError(str(exc)) from None
