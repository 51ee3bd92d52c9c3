"""The embedded store: each loaded document's parsed records, in one SQLite database.

One row per document (:mod:`graph_model.store.store_db`): adding a document writes its row, whatever
the store's size.  The graph is not stored: :meth:`Store.graph` rebuilds it deterministically
from the records (``OrgGraph.build``) and keeps it, like every other derived cache, in the same
file, tied to the store's version (:meth:`Store.cache_get`, :meth:`Store.write_derived`).

Location: ``--store FILE``, else ``$ORGGRAPH_STORE``, else
``${XDG_DATA_HOME:-~/.local/share}/orggraph/store.sqlite`` (or ``store.json`` there, a store an
older orggraph made).  When the file does not exist, reading commands use the bundled sample
corpus (``data/samples.json``: the seeds' records, written by :mod:`loaders.samples`); a ``load``
creates the file, starting empty.  The store holds parsed records only: parsing is the loaders'
(see :func:`loaders.batch.read_paths`), and :meth:`Store.add` writes what they return.

The format is told by the file's content, not its name: a JSON store (:mod:`graph_model.store.store_json`,
what orggraph wrote before) is read as it is and converted to SQLite, in place, by its first write
(``summary["converted_from"]``).  A new store, or a converted one, is built under a temporary
name and renamed into place; every later write is one transaction.  Either way an interrupted
load leaves the store as it was.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "store.sqlite")
>>> store = open_store(path)
>>> store.exists, store.source
(False, 'bundled')
>>> first = sorted(store.documents)[0]
>>> summary = store.add({first: ("001.txt", store.documents[first])})
>>> [(d["id"], d["action"]) for d in summary["documents"]]
[('001_586683daab11227d', 'added')]
>>> reopened = open_store(path)
>>> reopened.source, reopened.format, sorted(reopened.documents)
('store', 'sqlite', ['001_586683daab11227d'])
>>> reopened.graph().resolve("基隆關/稽查組")
'財政部/關務署/基隆關/稽查組'
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from graph_model.errors import StoreError

from . import store_db
from .files import (
    atomic_write,
    cache_dir,
    read_cached,
    replaced,
    sweep_temps,
    sync_folder,
    temp_beside,
    umask,
    write_cached,
)
from .store_json import FORMAT, VERSION, decode, encode, file_hash, looks_whole
from .store_records import Record, content_hash, loads, plan, updated

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

    from graph_model.records.records import ParsedDocument

T = TypeVar("T")

__all__ = ["FORMAT", "VERSION", "SAMPLES_STORE", "Store", "atomic_write", "bundled_store", "content_hash",
           "current_documents", "default_store_path", "encode", "file_hash", "open_store"]

REPO_ROOT = Path(__file__).resolve().parents[2]
# The bundled sample corpus, parsed (loaders/samples.py writes it): a checkout (editable install)
# first, then where a wheel puts it (pyproject data-files).
SAMPLES_STORE = next((f for f in (REPO_ROOT / "data" / "samples.json",
                                  Path(sys.prefix) / "share" / "orggraph" / "samples" / "samples.json")
                      if f.is_file()), REPO_ROOT / "data" / "samples.json")


# --------------------------------------------------------------------------- locations
def default_store_path() -> Path:
    """``$ORGGRAPH_STORE``, else ``${XDG_DATA_HOME:-~/.local/share}/orggraph/store.sqlite`` — or ``store.json``
    there when only that exists (made by an older orggraph; it keeps its name when converted)."""
    env = os.environ.get("ORGGRAPH_STORE")
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    new, old = Path(data_home) / "orggraph" / "store.sqlite", Path(data_home) / "orggraph" / "store.json"
    return old if old.exists() and not new.exists() else new


def _head(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The first 100 bytes of the store file and its stat; None when there is none.  Opened without
    blocking: a pipe or device in the store's place is refused, never waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store: {exc.strerror} (check its permissions)") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise StoreError(f"{path}: the store is a directory (give a file, e.g. --store {path / 'store.sqlite'})")
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(f"{path}: the store is not a regular file (a device or pipe); it was left alone "
                             "(give a file path)")
        return os.read(fd, 100), st
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store: {exc.strerror} (check its permissions)") from None
    finally:
        os.close(fd)


def _identity(st: os.stat_result) -> tuple:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class _StoredRows:
    """The documents of a database, as :func:`plan` asks about them."""

    def __init__(self, tx: store_db.Transaction):
        self.tx = tx

    def digest(self, doc_id: str) -> str | None:
        return self.tx.whole_digest(doc_id)

    def holder(self, key: tuple) -> str | None:
        return self.tx.holder(key)


def _put(tx: store_db.Transaction, doc_id: str, record: Record | dict, content: str) -> None:
    record = record if isinstance(record, Record) else Record(record)
    tx.put(doc_id, record.pieces(), str(record.document.get("sha256") or ""), content, updated(record.document))


# --------------------------------------------------------------------------- the store
class Store:
    """A store file and its documents.

    ``source`` is ``"store"`` when the file exists and ``"bundled"`` when it does not (then
    ``documents`` are the bundled corpus, for reading); ``format`` is ``"sqlite"`` or ``"json"``.
    ``fingerprint`` names the documents' content; ``version`` changes with every change of them
    (what caches are made for).
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self.converted: str | None = None  # "json" once a write converted a JSON store
        self._open()

    def _open(self) -> None:
        self.close()
        self._documents: dict[str, dict] | None = None
        self._contents: dict[str, str] = {}  # a JSON store's content hashes, kept beside its documents
        self._bytes: bytes | None = None  # a JSON store's or the samples' file, once read
        # What this object built or read from its derived data: its snapshot never sees what it wrote since.
        self._memo: dict[str, object] = {}
        found = _head(self.path)
        if found is None:
            self.source, self.format = "bundled", "json"
            try:
                self._bytes = SAMPLES_STORE.read_bytes()
            except OSError as exc:
                raise StoreError(f"{SAMPLES_STORE}: the bundled sample corpus cannot be read ({exc.strerror}); "
                                 "reinstall orggraph, or give a store with --store FILE") from None
            self.fingerprint = self.version = "bundled:" + hashlib.sha256(self._bytes).hexdigest()
            return
        head, st = found
        self.source = "store"
        if store_db.is_database(head):
            self.format = "sqlite"
            store_db.check_length(self.path, head, st.st_size)
            with store_db.damage(self.path):
                self._db = store_db.connect(self.path)
                try:
                    self._db.execute("BEGIN")  # one snapshot for everything this object reads
                    meta = store_db.read_meta(self._db, self.path)
                except BaseException:
                    self.close()
                    raise
            self.version, self.fingerprint = store_db.version_of(meta), "store:" + meta["digest"]
            return
        self.format = "json"
        # Read whole only when its documents are needed: a warm command knows the file by its identity
        # (file_hash's memo) and its last bytes (the keys a whole store ends with).
        self._bytes, self._ident = None, _identity(st)
        try:
            with open(self.path, "rb") as fh:
                fh.seek(max(0, st.st_size - 200))
                tail = fh.read()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the store: {exc.strerror} (check its permissions)") from None
        if not looks_whole(head[:1] + tail):
            decode(self._read_json()[0], self.path)  # says precisely what is wrong
        self.fingerprint = self.version = "store:" + file_hash(self.path)

    def _read_json(self) -> tuple[bytes, os.stat_result]:
        try:
            with open(self.path, "rb") as fh:
                return fh.read(), os.fstat(fh.fileno())
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the store: {exc.strerror} (check its permissions)") from None

    def close(self) -> None:
        """Let go of the database (a Store is usable again after :meth:`_open`)."""
        db, self._db = getattr(self, "_db", None), None
        if db is not None:
            db.close()

    def __del__(self):
        # A connection is freed only by the garbage collector (it holds itself through its statement
        # cache): closed here, the last reader out folds the journal back into the file at once.
        self.close()

    @property
    def exists(self) -> bool:
        return self.source == "store"

    # ------------------------------------------------------------------ reading
    @property
    def documents(self) -> dict[str, dict]:
        """The parsed records of every document, by id (decoded on first use)."""
        if self._documents is None:
            if self._db is not None:
                docs = {}
                for doc_id, record in store_db.documents(self._db, self.path):
                    try:
                        docs[doc_id] = loads(record)
                    except ValueError:
                        raise StoreError(f"{self.path}: the record of document {doc_id!r} is damaged (not JSON); "
                                         "load that document again, or remove it (the store was left as it is)"
                                         ) from None
                self._documents = docs
            else:
                if self._bytes is None:
                    data, st = self._read_json()
                    if _identity(st) != self._ident:  # replaced since it was opened (or converted): again
                        self._open()
                        return self.documents
                    self._bytes = data
                raw = decode(self._bytes, self.path if self.exists else SAMPLES_STORE)
                contents = raw.get("contents")
                self._documents, self._contents = raw["documents"], contents if isinstance(contents, dict) else {}
        return self._documents

    def parsed(self, without: frozenset[str] = frozenset()) -> list[ParsedDocument]:
        """The documents as :class:`ParsedDocument` records, in id order; ``without``: kinds of records left
        out (``duties``…: their lists empty; a large document's are read and dropped one by one).

        A hand-edited or damaged record is a :class:`StoreError` naming the document, never a traceback.
        """
        from graph_model.records.records import (
            parsed_from_dict,  # here: a warm `which` opens the store but reads no record
        )
        if self._db is not None and self._documents is None:
            return self._parsed_rows(without)
        out = []
        for k in sorted(self.documents):
            try:
                out.append(parsed_from_dict(self.documents[k], without=without))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise self._damaged(k, exc) from None
        return out

    def _parsed_rows(self, without: frozenset[str]) -> list[ParsedDocument]:
        """:meth:`parsed` read from the database a row at a time, keeping no record's dict: a record in parts
        is read item by item (:mod:`graph_model.store.record_stream`), each item made a record at once."""
        from graph_model.records.records import ITEM_FROM, parsed_from_dict

        from .record_stream import read_record

        assert self._db is not None
        skip = [keys for keys in ITEM_FROM if keys[-1] in without and len(keys) <= 2]
        out = []
        for doc_id, parts, in_parts in store_db.stored(self._db, self.path):
            decoded = False
            try:
                record = read_record(parts, ITEM_FROM, skip) if in_parts else loads(b"".join(parts))
                decoded = True
                out.append(parsed_from_dict(record, made=in_parts, without=without))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                for _rest in parts:  # a damaged row says so (its checksum does not match) before anything else
                    pass
                if decoded or not isinstance(exc, ValueError):
                    raise self._damaged(doc_id, exc) from None
                raise StoreError(f"{self.path}: the record of document {doc_id!r} is damaged (not JSON); load "
                                 "that document again, or remove it (the store was left as it is)") from None
        return out

    def _damaged(self, doc_id: str, exc: Exception) -> StoreError:
        return StoreError(f"{self.path}: the record of document {doc_id!r} is damaged ({type(exc).__name__}: "
                          f"{str(exc)[:80]}); load that document again, or remove it (the store was left as it is)")

    def document_count(self) -> int:
        """How many documents the store holds, current or history, without decoding them."""
        if self._db is None:
            return len(self.documents)
        with store_db.damage(self.path):
            return self._db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def refused(self) -> list[dict]:
        """Files the loads could not load (``{"path", "error"}``), until a load takes them (SQLite stores)."""
        if self._db is None:
            return []
        with store_db.damage(self.path):
            rows = self._db.execute("SELECT path, error FROM refused ORDER BY path")
            return [{"path": p, "error": e} for p, e in rows]

    def graph(self, history: bool = False):
        """The organization graph of the current government (:func:`current_documents`: every document
        in the store but those abolished or superseded); ``history`` includes those too.

        Cached for the store's version (:mod:`graph_model.store.graph_cache`): only the first command
        after a change builds it.
        """
        from graph_model.graph import former, lineage, succession
        from graph_model.graph.graph import OrgGraph

        from .graph_cache import cached_graph

        def build():
            docs = self.parsed()
            statuses = lineage.statuses(docs)
            graph = OrgGraph.build(docs if history else [p for p in docs if statuses[p.document.id].state == "current"],
                                   spend=True)  # documents of this build only: their duties are in the graph now
            succession.mark(graph, statuses, docs)
            former.record(graph, statuses, docs)  # names planners still give bodies that no longer exist
            return graph
        return self.remembered(f"graph:{history}", lambda: cached_graph(self, build, history))

    # ------------------------------------------------------------------ derived data
    def remembered(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, once for this object's version: a database store reads one snapshot, so what it
        writes to its derived tables it would not read back — without this, every later read in the same
        process would miss and build again."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])

    def forget(self, key: str) -> None:
        """Drop what :meth:`remembered` holds for ``key`` (found damaged, or replaced)."""
        self._memo.pop(key, None)

    def cache_get(self, name: str, key: str, max_bytes: int = 2 * 2**30) -> bytes | None:
        """The cache ``name`` (e.g. ``graph.pickle``) made from this store's version by code ``key``, or None.
        A database keeps it in its own table; the samples and JSON stores in the cache directory, sealed."""
        if self._db is not None:
            return store_db.cache_get(self._db, name, f"{self.version}|{key}")
        return read_cached(cache_dir(), name, f"{self.version}|{name}|{key}", max_bytes)

    def cache_put(self, name: str, key: str, body: bytes) -> None:
        """Save a cache (see :meth:`cache_get`); one that cannot be saved is no error."""
        if self._db is not None:
            made_for = f"{self.version}|{key}"
            self.write_derived(lambda conn: store_db.cache_put(conn, name, made_for, body))
        else:
            write_cached(cache_dir(), name, f"{self.version}|{name}|{key}", body)

    def derived_reader(self) -> sqlite3.Connection | None:
        """The database connection to read derived tables with (this object's snapshot), or None for
        a store that is not a database (their derived data lives in the cache directory)."""
        return self._db

    def write_derived(self, write: Callable[[sqlite3.Connection], None]) -> bool:
        """Run ``write(conn)`` in one transaction of the store's database, if its version is still
        :attr:`version` (see :func:`graph_model.store.store_db.write_derived`); whether it was written."""
        return self._db is not None and store_db.write_derived(self.path, self.version, write)

    # ------------------------------------------------------------------ writing
    def add(self, documents: dict, refused: list[dict] | None = None) -> dict:
        """Write parsed documents (``id -> (path, ParsedDocument or its dict)``, e.g. a
        :class:`loaders.batch.Batch`'s) into the store, in one step; returns a summary.

        A document already in the store (same id) is replaced; one whose bytes equal a stored
        document's under another id is kept once.  ``refused`` (files the reader could not
        load) is passed through to the summary and kept in the store.  Writers take turns.
        """
        incoming, refused = dict(documents), list(refused or [])
        paths = [str(path) for path, _parsed in incoming.values()]

        def write(tx: store_db.Transaction) -> dict:
            rows, writes = plan(incoming, _StoredRows(tx))
            for doc_id, (_path, d, content) in writes.items():
                _put(tx, doc_id, d, content)
            tx.note_refused(paths, refused)
            return {"documents": rows}

        def create(old: dict[str, dict]) -> tuple[dict, dict | None]:
            from .store_json import Documents
            stored = Documents(old, self._contents)
            rows, writes = plan(incoming, stored)
            keep: dict[str, tuple[Record | dict, str]] = {i: (d, stored.contents[i]) for i, d in old.items()}
            keep.update({i: (d, content) for i, (_path, d, content) in writes.items()})
            return {"documents": rows}, (keep if writes else None)

        result = self._change(write, create, refused, paths)
        summary = {"store": str(self.path), "documents": result["documents"], "refused": refused,
                   "total_documents": result["total"]}
        if result.get("converted_from"):
            summary["converted_from"] = result["converted_from"]
        return summary

    def remove(self, doc_id: str) -> None:
        """Remove a document (by id) from the store."""
        def missing(ids):
            return StoreError(f"{self.path}: no document {doc_id!r} in the store (documents: "
                              f"{', '.join(sorted(ids)) or 'none'})")

        def write(tx: store_db.Transaction) -> dict:
            if not tx.delete(doc_id):
                raise missing(tx.ids())
            return {}

        def create(old: dict[str, dict]) -> tuple[dict, dict | None]:
            if doc_id not in old:
                raise missing(old)
            return {}, {i: (d, self._contents.get(i) or content_hash(d)) for i, d in old.items() if i != doc_id}

        self._change(write, create, [], [])

    def _change(self, write: Callable, create: Callable, refused: list[dict], paths: list[str]) -> dict:
        """Apply a change: ``write(transaction)`` to a database, else ``create(documents now)`` gives the
        documents of the new database (``None``: nothing to write) built in place of a JSON store or of
        no store.  Returns what they return, with ``total`` (documents now) and ``converted_from``."""
        target = Path(os.path.realpath(self.path))  # through a link: the link stays a link
        sweep_temps(target.parent, f".{target.name}.*.tmp*")  # what killed writers left behind (and journals)
        if self.format != "sqlite":
            with self._creating():
                self._open()  # another writer may have made or converted it meanwhile
                if self.format != "sqlite":
                    sweep_temps(target.parent, f".{target.name}.*.tmp*", age=0)  # only lock holders make them
                    old = self.documents if self.exists else {}
                    result, rows = create(old)
                    if rows is None:
                        return {**result, "total": len(old)}
                    converted = "json" if self.exists else None
                    self._build(target, rows, refused, paths)
                    self.converted = converted
                    return {**result, "total": len(rows), "converted_from": converted}
        with store_db.damage(self.path):
            conn = store_db.connect(self.path)
            try:
                conn.execute("BEGIN IMMEDIATE")
                tx = store_db.Transaction(conn, self.path)
                result = write(tx)
                tx.finish()
                result["total"] = tx.count()
                conn.execute("COMMIT")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                conn.close()
        self._open()
        return result

    def _build(self, target: Path, rows: dict[str, tuple[Record | dict, str]], refused: list[dict],
               paths: list[str]) -> None:
        """A new database of ``rows`` (``id -> (record, content hash)``), built under a temporary name and
        renamed into ``target``, the store's place (a JSON store, or none): readers see the old file or the new."""
        try:
            tmp = temp_beside(target)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write here: {exc.strerror} (choose another location, "
                             "e.g. --store FILE)") from None
        try:
            with replaced(tmp, target), store_db.damage(self.path):
                conn = store_db.create(Path(tmp))
                conn.execute("BEGIN")
                tx = store_db.Transaction(conn, self.path)
                for doc_id in sorted(rows):
                    _put(tx, doc_id, *rows[doc_id])
                tx.note_refused(paths, refused)
                tx.finish()
                conn.execute("COMMIT")
                store_db.finish_new(conn)
                for left in ("-wal", "-shm", "-journal"):  # of a database deleted before: never to be replayed here
                    Path(f"{target}{left}").unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write: {exc.strerror} (check free space and permissions)"
                             ) from None
        sync_folder(target.parent)
        self._open()

    @contextlib.contextmanager
    def _creating(self):
        """Writers that create or convert the store take turns (an exclusive lock on ``<store>.lock``):
        two first loads at once both land.  Later writes take turns in the database itself."""
        lock = self.path.with_name(self.path.name + ".lock")
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666 & ~umask())
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write here: {exc.strerror} (choose another location, "
                             "e.g. --store FILE)") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def current_documents(docs: list[ParsedDocument]) -> list[ParsedDocument]:
    """The documents of the current government: those whose :mod:`graph_model.graph.lineage` status is
    ``current`` — not marked abolished (廢止註記), not superseded by a later version of the same title
    (the database keeps 「…辦事細則（92.04.15 訂定）」 beside its successor), and not superseded by what
    the documents say of their agency (行政院農業委員會漁業署組織條例 beside 農業部漁業署組織法)."""
    from graph_model.graph.lineage import current_ids
    current = current_ids(docs)
    return [p for p in docs if p.document.id in current]


def bundled_store() -> Store:
    """The bundled sample corpus's store file (to read from; ``load --samples`` copies its documents)."""
    return Store(SAMPLES_STORE)


def open_store(path: str | os.PathLike | None = None) -> Store:
    """Open the store at ``path`` (default: :func:`default_store_path`)."""
    return Store(Path(path).expanduser() if path else default_store_path())
