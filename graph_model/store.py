"""The embedded store: one JSON file holding each loaded document's parsed records.

Format::

    {"format": "orggraph-store", "version": 1,
     "documents": {"<doc id>": records.to_dict(parsed), ...}}

The graph is not stored: :meth:`Store.graph` rebuilds it deterministically from
the records (``OrgGraph.build``), so a store never holds stale derived data.

Location: ``--store FILE``, else ``$ORGGRAPH_STORE``, else
``${XDG_DATA_HOME:-~/.local/share}/orggraph/store.json``.  When the file does not
exist, reading commands use the bundled sample corpus (``data/samples.json``: the
seeds' records, written by :mod:`loaders.samples`); a ``load`` creates the file,
starting empty.  The store holds parsed records only: parsing is the loaders' (see
:func:`loaders.batch.read_paths`), and :meth:`Store.add` writes what they return.

Writes are atomic (temporary file in the same directory, fsync, ``os.replace``):
a load writes once, at the end, so an interrupted one leaves the store as it was.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "store.json")
>>> store = open_store(path)
>>> store.exists, store.source
(False, 'bundled')
>>> first = sorted(store.documents)[0]
>>> summary = store.add({first: ("001.txt", store.documents[first])})
>>> [(d["id"], d["action"]) for d in summary["documents"]]
[('001_586683daab11227d', 'added')]
>>> reopened = open_store(path)
>>> reopened.source, sorted(reopened.documents)
('store', ['001_586683daab11227d'])
>>> reopened.graph().resolve("基隆關/稽查組")
'財政部/關務署/基隆關/稽查組'
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from .errors import StoreError
from .files import atomic_write, cache_dir, read_cache, seal, sweep_temps, umask, unseal

if TYPE_CHECKING:
    from .records import ParsedDocument

FORMAT = "orggraph-store"
VERSION = 1

REPO_ROOT = Path(__file__).resolve().parent.parent
# The bundled sample corpus, parsed (loaders/samples.py writes it): a checkout (editable install)
# first, then where a wheel puts it (pyproject data-files).
SAMPLES_STORE = next((f for f in (REPO_ROOT / "data" / "samples.json",
                                  Path(sys.prefix) / "share" / "orggraph" / "samples" / "samples.json")
                      if f.is_file()), REPO_ROOT / "data" / "samples.json")


# --------------------------------------------------------------------------- locations
def default_store_path() -> Path:
    """``$ORGGRAPH_STORE``, else ``${XDG_DATA_HOME:-~/.local/share}/orggraph/store.json``."""
    env = os.environ.get("ORGGRAPH_STORE")
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(data_home) / "orggraph" / "store.json"


# --------------------------------------------------------------------------- fingerprints
def file_hash(path: Path, data: bytes | None = None, st: os.stat_result | None = None) -> str:
    """The SHA-256 of a file, remembered in the cache directory by the file's identity and
    change time (device, inode, size, mtime and ctime in ns): a store is replaced, never
    rewritten in place, so an unchanged identity is unchanged content — and a warm command
    need not read 25 MB to know it.  ``data`` and ``st``: the file's bytes and their stat, when
    the caller has read them (the stat must be of the file those bytes came from)."""
    if data is None:
        st = os.stat(path)
    ident = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
    real = os.path.realpath(path)
    memo = cache_dir() / f"hash-{hashlib.sha256(os.fsencode(real)).hexdigest()[:16]}"
    memo_key = f"hash:{real}:{ident}"  # a memo copied from another store, or edited, is a miss
    body = unseal(memo_key, read_cache(memo, 4096))
    if body is not None and re.fullmatch(rb"[0-9a-f]{64}", body):
        return body.decode("ascii")
    if data is None:
        with open(path, "rb") as fh:
            st, data = os.fstat(fh.fileno()), fh.read()
        ident = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
    digest = hashlib.sha256(data).hexdigest()
    try:
        atomic_write(memo, seal(f"hash:{real}:{ident}", digest.encode("ascii")))
    except StoreError:
        pass  # no cache: the next command hashes again
    return digest


def encode(obj) -> bytes:
    """A store's bytes (sorted keys, so that equal content is equal bytes)."""
    return _dumps(obj)


def _dumps(obj) -> bytes:
    # orjson: a national store (25 MB) is written in a tenth of the standard encoder's time.
    try:
        return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS) + b"\n"
    except (TypeError, orjson.JSONEncodeError):  # e.g. an integer beyond 64 bits
        return (json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def _loads(data: bytes):
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data.decode("utf-8"))  # raises the standard errors the callers handle


# --------------------------------------------------------------------------- the store
class Store:
    """A store file and its documents.

    ``source`` is ``"store"`` when the file exists and ``"bundled"`` when it does
    not (then ``documents`` are the bundled corpus, for reading).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._documents: dict[str, dict] | None = None
        self._contents: dict[str, str] = {}  # doc id -> content_hash, kept in the file beside the documents
        if self.path.exists():
            self.source = "store"
            self._read_bytes()
            if not _looks_whole(self._bytes):
                self._decode()  # says precisely what is wrong
            self.fingerprint = "store:" + file_hash(self.path, self._bytes, self._stat)
        else:
            self.source = "bundled"
            try:
                self._bytes = SAMPLES_STORE.read_bytes()
            except OSError as exc:
                raise StoreError(f"{SAMPLES_STORE}: the bundled sample corpus cannot be read ({exc.strerror}); "
                                 "reinstall orggraph, or give a store with --store FILE") from None
            self.fingerprint = "bundled:" + hashlib.sha256(self._bytes).hexdigest()

    @property
    def documents(self) -> dict[str, dict]:
        """The parsed records of every document, by id (the store's JSON is decoded on first use)."""
        if self._documents is None:
            raw = self._decode()
            self._documents = raw["documents"]
            contents = raw.get("contents")
            self._contents = contents if isinstance(contents, dict) else {}
        return self._documents

    @property
    def exists(self) -> bool:
        return self.source == "store"

    def _read_bytes(self) -> None:
        p = self.path
        if p.is_dir():
            raise StoreError(f"{p}: the store is a directory (give a file, e.g. --store {p / 'store.json'})")
        try:
            with open(p, "rb") as fh:
                self._stat, self._bytes = os.fstat(fh.fileno()), fh.read()
        except OSError as exc:
            raise StoreError(f"{p}: cannot read the store: {exc.strerror} (check its permissions)") from None

    def _decode(self) -> dict:
        p = self.path if self.source == "store" else SAMPLES_STORE
        try:
            raw = _loads(self._bytes)
        except (UnicodeDecodeError, ValueError):
            raise StoreError(f"{p}: not an orggraph store (not JSON); it was left untouched "
                             "(move it away or choose another --store FILE)") from None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("documents"), dict):
            raise StoreError(f"{p}: not an orggraph store (no \"format\": \"{FORMAT}\"); it was left untouched "
                             "(move it away or choose another --store FILE)")
        if raw.get("version") != VERSION:
            raise StoreError(f"{p}: store version {raw.get('version')!r} is not supported (this orggraph reads "
                             f"version {VERSION}); re-create it with `orggraph --store NEW load …`")
        return raw

    # ------------------------------------------------------------------ reading
    def parsed(self) -> list[ParsedDocument]:
        """The documents as :class:`ParsedDocument` records, in id order.

        A hand-edited or damaged record is a :class:`StoreError` naming the document, never a traceback.
        """
        from .records import parsed_from_dict  # here: a warm `which` opens the store but reads no record
        out = []
        for k in sorted(self.documents):
            try:
                out.append(parsed_from_dict(self.documents[k]))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise StoreError(f"{self.path}: the record of document {k!r} is damaged ({type(exc).__name__}: "
                                 f"{str(exc)[:80]}); load that document again, or remove it "
                                 "(the store was left as it is)") from None
        return out

    def graph(self, history: bool = False):
        """The organization graph of the current government (:func:`current_documents`: every document
        in the store but those abolished or superseded); ``history`` includes those too.

        Cached by the store's fingerprint (:mod:`graph_model.graph_cache`): only the first
        command after a change builds it.
        """
        from . import lineage, succession
        from .graph import OrgGraph
        from .graph_cache import cached_graph

        def build():
            docs = self.parsed()
            statuses = lineage.statuses(docs)
            graph = OrgGraph.build(docs if history else [p for p in docs
                                                         if statuses[p.document.id].state == "current"])
            succession.mark(graph, statuses, docs)
            return graph
        return cached_graph(self.fingerprint + (":history" if history else ""), build, cache_dir())

    # ------------------------------------------------------------------ writing
    def _saved_documents(self) -> dict[str, dict]:
        """The documents on disk now: another process may have written since this store was opened
        (callers hold :meth:`_writing`)."""
        if self.path.exists():
            self.source, self._documents = "store", None
            self._read_bytes()
            if not _looks_whole(self._bytes):
                self._decode()
            return dict(self.documents)
        self._contents = {}
        return {}

    @contextlib.contextmanager
    def _writing(self):
        """Writers of one store take turns (an exclusive lock on ``<store>.lock``), so that two
        `orggraph load` runs at once both land; readers never wait (the store is replaced whole)."""
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

    def add(self, documents: dict, refused: list[dict] | None = None) -> dict:
        """Write parsed documents (``id -> (path, ParsedDocument or its dict)``, e.g. a
        :class:`loaders.batch.Batch`'s) into the store, in one step; returns a summary.

        A document already in the store (same id) is replaced; one whose bytes equal a stored
        document's under another id is kept once.  ``refused`` (files the reader could not
        load) is passed through to the summary.  Writers take turns (:meth:`_writing`).
        """
        from .records import to_dict
        incoming = {}
        for doc_id, (path, parsed) in documents.items():
            d = parsed if isinstance(parsed, dict) else to_dict(parsed)
            # Through JSON, as the store keeps it (tuples become lists), so an unchanged document compares equal.
            incoming[doc_id] = (str(path), _loads(_dumps(d)))
        with self._writing():
            return self._merge(incoming, list(refused or []))

    def _merge(self, incoming: dict[str, tuple[str, dict]], refused: list[dict]) -> dict:
        documents = self._saved_documents()
        summary = {"store": str(self.path), "documents": [], "refused": refused}
        # The same document under another name is kept once, under the id it has already: the same
        # bytes, or the same content (title, units and duties: a law as .json and as .txt) unless
        # both carry a different 最新異動日期 (two versions of one law are both kept, as history).
        duplicates: list[dict] = []
        seen = {}
        # Content hashes are kept beside the documents (computing them all would cost an add-one its second).
        contents = {i: self._contents.get(i) or content_hash(d) for i, d in documents.items()}
        for i, d in documents.items():
            for key in _identities(d, contents[i])[0]:
                seen.setdefault(key, i)
        for doc_id, (path, d) in list(incoming.items()):
            contents[doc_id] = content_hash(d)
            same = next((seen[k] for k in _identities(d, contents[doc_id])[1] if seen.get(k, doc_id) != doc_id), None)
            if same:
                del incoming[doc_id]
                duplicates.append({"id": doc_id, "path": path, "action": f"same as {same}",
                                   "genre": d["document"]["genre"], "units": 0, "duties": 0, "unplaced": 0})
            else:
                for key in _identities(d, contents[doc_id])[0]:
                    seen.setdefault(key, doc_id)
        for doc_id, (path, d) in incoming.items():
            action = "unchanged" if documents.get(doc_id) == d else "replaced" if doc_id in documents else "added"
            documents[doc_id] = d
            summary["documents"].append({"id": doc_id, "path": path, "action": action,
                                         "genre": d["document"]["genre"], "units": len(d["units"]),
                                         "duties": len(d["duties"]), "unplaced": len(d["unplaced"])})
        summary["documents"] += duplicates
        if incoming:
            self._contents = {i: contents[i] for i in documents}
            self._write(documents)
        summary["total_documents"] = len(documents)
        return summary

    def remove(self, doc_id: str) -> None:
        """Remove a document (by id) from the store."""
        with self._writing():
            self._remove(doc_id)

    def _remove(self, doc_id: str) -> None:
        documents = self._saved_documents()
        if doc_id not in documents:
            known = ", ".join(sorted(documents)) or "none"
            raise StoreError(f"{self.path}: no document {doc_id!r} in the store (documents: {known})")
        del documents[doc_id]
        self._contents.pop(doc_id, None)
        self._write(documents)

    def _write(self, documents: dict[str, dict]) -> None:
        contents = {i: self._contents[i] for i in documents if i in self._contents}
        data = _dumps({"format": FORMAT, "version": VERSION, "documents": documents, "contents": contents})
        sweep_temps(self.path.parent, f".{self.path.name}.*.tmp")  # copies a killed writer left behind
        atomic_write(self.path, data)
        self.source, self._documents, self._bytes = "store", documents, data
        self.fingerprint = "store:" + file_hash(self.path, data, os.stat(self.path))  # under the writers' lock


def content_hash(d: dict) -> str:
    """What a document says, whatever its file: title, genre, units and duties (not lines)."""
    doc = d["document"]
    parts = [doc.get("title") or "", doc.get("genre") or ""]
    parts += ["/".join(u.get("path") or ()) for u in d.get("units", [])]
    parts += ["/".join(x.get("unit") or ()) + "\x1e" + (x.get("text") or "") for x in d.get("duties", [])]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _identities(d: dict, content: str) -> tuple[list[tuple], list[tuple]]:
    """``(keys it holds, keys it matches)``: what makes two records the same document.

    The same bytes; or the same content and version date — where a document without a
    date (a .txt) matches any version of its content, and two versions with different
    dates stay two documents (history)."""
    doc = d["document"]
    updated = (doc.get("meta") or {}).get("updated", "")
    common = ([("sha", doc["sha256"])] if doc.get("sha256") else []) + [("content", content, updated)]
    if updated:
        return common + [("dated", content)], common + [("undated", content)]
    return common + [("undated", content)], common + [("dated", content)]


_TAIL = re.compile(rb'"format":\s*"orggraph-store",\s*"version":\s*' + str(VERSION).encode() + rb'\s*}\s*$')


def _looks_whole(data: bytes) -> bool:
    """A cheap check that the bytes are a whole store of this version (its last keys are written last):
    the JSON itself is decoded only when the documents are needed."""
    return data[:1] == b"{" and bool(_TAIL.search(data[-200:]))


def current_documents(docs: list[ParsedDocument]) -> list[ParsedDocument]:
    """The documents of the current government: those whose :mod:`graph_model.lineage` status is
    ``current`` — not marked abolished (廢止註記), not superseded by a later version of the same title
    (the database keeps 「…辦事細則（92.04.15 訂定）」 beside its successor), and not superseded by what
    the documents say of their agency (行政院農業委員會漁業署組織條例 beside 農業部漁業署組織法)."""
    from .lineage import current_ids
    current = current_ids(docs)
    return [p for p in docs if p.document.id in current]


def bundled_store() -> Store:
    """The bundled sample corpus's store file (to read from; ``load --samples`` copies its documents)."""
    return Store(SAMPLES_STORE)


def open_store(path: str | os.PathLike | None = None) -> Store:
    """Open the store at ``path`` (default: :func:`default_store_path`)."""
    return Store(Path(path).expanduser() if path else default_store_path())
