"""The store as one SQLite database: a row per document, and what commands derive from them.

Tables::

    meta       format, version, generation (one more at every change of the documents) and
               digest (of every document: the XOR of the rows' digests, so one row updates it)
    documents  id, record (records.to_dict, JSON), digest (SHA-256 of id and record), and what
               recognises the same document under another id: sha256 of its file, content hash
               and 最新異動日期 (``updated``)
    parts      id, n, body: a record of more than :data:`PART` bytes, in parts of about that size (its
               ``documents.record`` is then empty): writing one never holds it whole (version 3)
    refused    files the loads that wrote the store could not load, until one loads them
    caches     name -> what it was made for (the store's version, the code), checksum, body

Other derived tables (the ``which`` index) are written by their owners with :func:`write_derived`
and tied to the store's version in the same way.  Journal in WAL mode: a reader reads one
snapshot and never waits; writers take turns (busy timeout) and write in one transaction, so a
killed writer leaves the store as it was before or after.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

from graph_model.errors import StoreError

from .store_records import digest

HEADER = b"SQLite format 3\x00"
FORMAT = "orggraph-store"
# Of this layout: version 1 is the JSON file; a store is made as version 2, without the parts table (as the
# orggraph before parts made it, and can read it), and is of version 3 once a record needs parts.
VERSION = 3
PART = 2**20  # bytes of JSON a row holds at most: SQLite copies a row twice as it writes it
WRITE_WAIT = 600.0  # seconds a load waits for another one to finish
CACHE_WAIT = 0.5  # seconds a reading command waits to save a cache (else it does without)

PARTS = "CREATE TABLE parts (id TEXT NOT NULL, n INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (id, n));\n"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id TEXT PRIMARY KEY, record BLOB NOT NULL, digest TEXT NOT NULL,
                        sha256 TEXT NOT NULL, content TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX documents_sha256 ON documents (sha256);
CREATE INDEX documents_content ON documents (content, updated);
CREATE TABLE refused (path TEXT PRIMARY KEY, error TEXT NOT NULL, generation INTEGER NOT NULL);
CREATE TABLE caches (name TEXT PRIMARY KEY, made_for TEXT NOT NULL, checksum TEXT NOT NULL, body BLOB NOT NULL);
"""
NO_DIGEST = "0" * 64


def is_database(head: bytes) -> bool:
    return head.startswith(HEADER)


def row_digest(doc_id: str, record: bytes) -> str:
    return digest(doc_id, (record,))


def _xor(a: str, b: str) -> str:
    return f"{int(a, 16) ^ int(b, 16):064x}"


def connect(path: Path, wait: float = WRITE_WAIT) -> sqlite3.Connection:
    """A connection to an existing store that begins transactions only when told to (``BEGIN``).  Readers
    open it writable too: the last connection to close folds the journal back in and removes it."""
    uri = f"file:{quote(os.fspath(path))}?mode=rw"
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)) \
            and not path.with_name(path.name + "-wal").exists():
        # A store this user may only read (a shared folder), that nobody is writing now: read as it is,
        # without the journal files SQLite could not create beside it.  Writes fail as read-only.
        uri = f"file:{quote(os.fspath(path))}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, timeout=wait, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA synchronous = FULL")  # a committed load survives a power cut too
    conn.execute("PRAGMA journal_size_limit = 67108864")  # a big cache's journal is not kept at its largest
    return conn


@contextlib.contextmanager
def damage(path: Path) -> Iterator[None]:
    """SQLite's complaints about the file, as one-line store errors."""
    try:
        yield
    except sqlite3.Error as exc:
        said = str(exc)
        if "locked" in said or "busy" in said:
            raise StoreError(f"{path}: another orggraph has been writing the store for {WRITE_WAIT / 60:.0f} "
                             "minutes; try again when it is done") from None
        if "readonly" in said or "read-only" in said:
            raise StoreError(f"{path}: is read-only; it was left as it is (make it and its folder writable "
                             "or choose another --store FILE)") from None
        if "unable to open" in said or "disk I/O" in said or "full" in said:
            raise StoreError(f"{path}: cannot use the store: {said} (check free space, the file and its folder's "
                             "permissions)") from None
        # Anything else SQLite finds (a page, a record or a text that is not what it wrote) is damage;
        # what it quotes of the damaged bytes is left out.
        said = said.split(" with text ")[0][:80]
        raise StoreError(f"{path}: the store is damaged ({said}); it was left as it is (restore a copy, or load "
                         "the documents again into a new store with --store NEW)") from None


def check_length(path: Path, head: bytes, size: int) -> None:
    """A file shorter than its header says (cut short by a copy or a full disk) is damaged: say so now,
    not at the first page that is missing.  The header's page count counts only when it is current."""
    if len(head) < 100 or head[24:28] != head[92:96] or os.path.exists(f"{path}-wal"):
        return
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    if pages and size < page * pages:
        raise StoreError(f"{path}: the store is damaged (cut short: {size} of {page * pages} bytes); it was left as "
                         "it is (restore a copy, or load the documents again into a new store with --store NEW)")


def read_meta(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    """The meta table, checked: this layout, this version."""
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        meta = {}
    if meta.get("format") != FORMAT:
        raise StoreError(f"{path}: not an orggraph store (an SQLite database without orggraph's tables); it was "
                         "left untouched (move it away or choose another --store FILE)")
    if meta.get("version") not in ("2", str(VERSION)):
        raise StoreError(f"{path}: store version {meta.get('version')!r} is not supported (this orggraph reads "
                         f"versions 2 and {VERSION}); re-create it with `orggraph --store NEW load …`")
    if not meta.get("generation", "").isdigit() or len(meta.get("digest", "")) != 64:
        raise StoreError(f"{path}: the store is damaged (its version is unreadable); it was left as it is "
                         "(restore a copy, or load the documents again into a new store with --store NEW)")
    return meta


def version_of(meta: dict[str, str]) -> str:
    """Changes with every change of the documents (caches are made for one version)."""
    return f"{meta['generation']}:{meta['digest']}"


def create(path: Path) -> sqlite3.Connection:
    """A new, empty store at ``path`` (a temporary file, renamed into place by the caller)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")  # the file is not in place yet: a killed writer leaves a temp file
    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("version", "2"),
                                                       ("generation", "0"), ("digest", NO_DIGEST)])
    return conn


def finish_new(conn: sqlite3.Connection) -> None:
    """Close a new store's connection, the file now in WAL mode (as every opener expects) and on disk."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


# --------------------------------------------------------------------------- documents
def documents(conn: sqlite3.Connection, path: Path) -> Iterator[tuple[str, bytes]]:
    """``(id, record)`` of every document in id order, each checked against its digest."""
    with damage(path):
        for doc_id, record, checksum in conn.execute("SELECT id, record, digest FROM documents ORDER BY id"):
            if record == b"":  # in parts
                parts = [body for (body,) in conn.execute("SELECT body FROM parts WHERE id = ? ORDER BY n", (doc_id,))]
                record = b"".join(parts) if all(isinstance(p, bytes) for p in parts) else None
            if not isinstance(record, bytes) or row_digest(doc_id, record) != checksum:
                raise StoreError(f"{path}: the record of document {doc_id!r} is damaged (its checksum does not "
                                 "match); load that document again, or remove it (the store was left as it is)")
            yield doc_id, record


def stored(conn: sqlite3.Connection, path: Path) -> Iterator[tuple[str, Iterator[bytes], bool]]:
    """``(id, record's JSON as it is stored, whether in parts)`` of every document in id order, a part at a
    time: a large record is never joined.  Each is checked against its digest once its last part is read
    (a damaged one is a StoreError then)."""
    with damage(path):
        for doc_id, record, checksum in conn.execute("SELECT id, record, digest FROM documents ORDER BY id"):
            in_parts = record == b""
            pieces = conn.execute("SELECT body FROM parts WHERE id = ? ORDER BY n", (doc_id,)) if in_parts \
                else ((record,),)
            yield doc_id, _checked(conn, path, doc_id, pieces, checksum), in_parts


def _checked(conn: sqlite3.Connection, path: Path, doc_id: str, rows: Iterable[tuple], checksum: str
             ) -> Iterator[bytes]:
    sha = hashlib.sha256(doc_id.encode("utf-8") + b"\0")
    with damage(path):
        for (body,) in rows:
            if not isinstance(body, bytes):
                break
            sha.update(body)
            yield body
        else:
            if sha.hexdigest() == checksum:
                return
    raise StoreError(f"{path}: the record of document {doc_id!r} is damaged (its checksum does not "
                     "match); load that document again, or remove it (the store was left as it is)")


def _parts(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The pieces joined into parts of at least :data:`PART` bytes (the last one: what is left)."""
    held: list[bytes] = []
    size, given = 0, False
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= PART:
            yield b"".join(held)
            held, size, given = [], 0, True
    if held or not given:
        yield b"".join(held)


class Transaction:
    """One write of documents (the caller holds ``BEGIN IMMEDIATE``): rows in and out, the store's
    generation and digest updated once at the end."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn, self.path = conn, path
        meta = read_meta(conn, path)
        self.generation, self.digest = int(meta["generation"]), meta["digest"]
        self.parted = meta["version"] != "2"  # has the parts table
        self.changed = False

    def whole_digest(self, doc_id: str) -> str | None:
        """The digest of a document's row when its record still hashes to it, else "" (a damaged row is never
        unchanged: a load writes it anew); None when there is no row."""
        row = self.conn.execute("SELECT record, digest FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        record, checksum = row
        pieces = self._parts_of(doc_id) if record == b"" and self.parted else (record,)
        try:
            return checksum if digest(doc_id, pieces) == checksum else ""
        except TypeError:  # a record, or a part, that is not bytes
            return ""

    def _parts_of(self, doc_id: str) -> Iterator[bytes]:
        return (body for (body,) in self.conn.execute("SELECT body FROM parts WHERE id = ? ORDER BY n", (doc_id,)))

    def _digest(self, doc_id: str) -> str | None:
        """The digest a row holds (what the store's digest counts), None when there is no row."""
        row = self.conn.execute("SELECT digest FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def holder(self, key: tuple) -> str | None:
        """The first document (by id) holding an identity key (see ``store._identities``)."""
        kind, value, *rest = key
        where = {"sha": ("sha256 = ? AND sha256 != ''", (value,)),
                 "content": ("content = ? AND updated = ?", (value, *rest)),
                 "dated": ("content = ? AND updated != ''", (value,)),
                 "undated": ("content = ? AND updated = ''", (value,))}[kind]
        return self.conn.execute(f"SELECT min(id) FROM documents WHERE {where[0]}", where[1]).fetchone()[0]

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def ids(self) -> list[str]:
        return [i for (i,) in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def put(self, doc_id: str, pieces: Iterable[bytes], sha256: str, content: str, updated: str) -> None:
        """Add or replace one row (a replaced row keeps its rowid: the others are not touched); ``pieces``: its
        record's JSON, written as it comes (in parts beyond :data:`PART` bytes)."""
        self._drop_parts(doc_id)
        parts = _parts(pieces)
        record = next(parts)  # the whole record, unless more parts follow
        sha = hashlib.sha256(doc_id.encode("utf-8") + b"\0")
        sha.update(record)
        for n, part in enumerate(parts, 1):
            if n == 1:  # in parts: the row's record is empty
                self._write_part(doc_id, 0, record)
                record = b""
            sha.update(part)
            self._write_part(doc_id, n, part)
        checksum = sha.hexdigest()
        old = self._digest(doc_id)
        self.digest = _xor(_xor(self.digest, old) if old else self.digest, checksum)
        self.conn.execute("INSERT INTO documents (id, record, digest, sha256, content, updated) "
                          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET record = excluded.record, "
                          "digest = excluded.digest, sha256 = excluded.sha256, content = excluded.content, "
                          "updated = excluded.updated", (doc_id, record, checksum, sha256, content, updated))
        self.changed = True

    def _write_part(self, doc_id: str, n: int, body: bytes) -> None:
        if not self.parted:  # the first record in parts: the store gets the table, and is of version 3
            self.conn.execute(PARTS)
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'version'", (str(VERSION),))
            self.parted = True
        self.conn.execute("INSERT INTO parts VALUES (?, ?, ?)", (doc_id, n, body))

    def _drop_parts(self, doc_id: str) -> None:
        if self.parted:
            self.conn.execute("DELETE FROM parts WHERE id = ?", (doc_id,))

    def delete(self, doc_id: str) -> bool:
        old = self._digest(doc_id)
        if old is None:
            return False
        self.digest = _xor(self.digest, old)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self._drop_parts(doc_id)
        self.changed = True
        return True

    def note_refused(self, loaded_paths: list[str], refused: list[dict]) -> None:
        """Files loaded now leave the refused list; files refused now join it (with their reason)."""
        self.conn.executemany("DELETE FROM refused WHERE path = ?", ((p,) for p in loaded_paths))
        self.conn.executemany("INSERT OR REPLACE INTO refused VALUES (?, ?, ?)",
                              ((str(r.get("path", "")), str(r.get("error", "")), self.generation) for r in refused))

    def finish(self) -> None:
        if self.changed:
            self.generation += 1
            self.conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                                  [(str(self.generation), "generation"), (self.digest, "digest")])


# --------------------------------------------------------------------------- derived data
def write_derived(path: Path, version: str, write: Callable[[sqlite3.Connection], None]) -> bool:
    """Run ``write(conn)`` in one transaction if the store is still at ``version`` (else what was derived
    belongs to data that is gone: nothing is written).  A store that is busy for more than
    :data:`CACHE_WAIT`, read-only or damaged only means that nothing is saved: ``False``."""
    try:
        conn = connect(path, wait=CACHE_WAIT)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        if version_of(read_meta(conn, path)) != version:
            conn.execute("ROLLBACK")
            return False
        write(conn)
        conn.execute("COMMIT")
        return True
    except (sqlite3.Error, StoreError):
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


def cache_get(conn: sqlite3.Connection, name: str, made_for: str) -> bytes | None:
    """The body of cache ``name`` if it was made for ``made_for`` and is whole, else None."""
    try:
        row = conn.execute("SELECT made_for, checksum, body FROM caches WHERE name = ?", (name,)).fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != made_for or not isinstance(row[2], bytes):
        return None
    return row[2] if hashlib.sha256(row[2]).hexdigest() == row[1] else None


def cache_put(conn: sqlite3.Connection, name: str, made_for: str, body: bytes) -> None:
    conn.execute("INSERT OR REPLACE INTO caches VALUES (?, ?, ?, ?)",
                 (name, made_for, hashlib.sha256(body).hexdigest(), body))
