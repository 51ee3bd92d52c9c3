"""The embedded store: one JSON file holding each loaded document's parsed records.

Format::

    {"format": "orggraph-store", "version": 1,
     "documents": {"<doc id>": records.to_dict(parsed), ...}}

The graph is not stored: :meth:`Store.graph` rebuilds it deterministically from
the records (``OrgGraph.build``), so a store never holds stale derived data.

Location: ``--store FILE``, else ``$ORGGRAPH_STORE``, else
``${XDG_DATA_HOME:-~/.local/share}/orggraph/store.json``.  When the file does not
exist, reading commands use the bundled sample corpus (``data/seeds/*.txt``,
parsed once and cached under ``${XDG_CACHE_HOME:-~/.cache}/orggraph/``); a
``load`` creates the file, starting empty.

Writes are atomic (temporary file in the same directory, fsync, ``os.replace``),
and a load of several files is all-or-nothing: every file is parsed first, and
if any fails nothing is written.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "store.json")
>>> store = open_store(path)
>>> store.exists, store.source
(False, 'bundled')
>>> summary = store.load_paths([bundled_paths()[0]])
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
import tempfile
from pathlib import Path

import orjson

from .errors import OrgGraphError, StoreError
from .records import ParsedDocument, parsed_from_dict, to_dict

FORMAT = "orggraph-store"
VERSION = 1

REPO_ROOT = Path(__file__).resolve().parent.parent
# a checkout (editable install) first, then where a wheel puts the samples (pyproject data-files)
BUNDLED_DIR = next((d for d in (REPO_ROOT / "data" / "seeds", Path(sys.prefix) / "share" / "orggraph" / "samples")
                    if d.is_dir()), REPO_ROOT / "data" / "seeds")


# --------------------------------------------------------------------------- locations
def default_store_path() -> Path:
    """``$ORGGRAPH_STORE``, else ``${XDG_DATA_HOME:-~/.local/share}/orggraph/store.json``."""
    env = os.environ.get("ORGGRAPH_STORE")
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(data_home) / "orggraph" / "store.json"


def cache_dir() -> Path:
    cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache_home) / "orggraph"


def bundled_paths() -> list[Path]:
    """The bundled sample corpus, in file-name order."""
    return sorted(BUNDLED_DIR.glob("*.txt"))


# --------------------------------------------------------------------------- atomic writes
def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same directory, fsync, rename.

    Raises :class:`StoreError` when the directory cannot be written.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write through the link: the link stays a link
    if path.exists() and not path.is_file():
        raise StoreError(f"{path}: is not a regular file (a directory, device or pipe); it was left alone "
                         "(give a file path)")
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):  # root too
        raise StoreError(f"{path}: is read-only; it was left as it is (make it writable or choose another file)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write here: {exc.strerror} (choose another location, e.g. --store FILE)") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            try:
                os.chmod(tmp, path.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise StoreError(f"{path}: cannot write: {exc.strerror} (check free space and permissions)") from None
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


# --------------------------------------------------------------------------- bundled corpus
def _source_hash() -> str:
    """Hash of the code that turns text into records (loaders and the record model)."""
    h = hashlib.sha256()
    for folder in ("loaders", "graph_model"):
        for f in sorted((REPO_ROOT / folder).glob("*.py")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _bundled_key(paths: list[Path]) -> str:
    h = hashlib.sha256(_source_hash().encode())
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _parse_bundled(paths: list[Path]) -> tuple[dict[str, dict], list[dict]]:
    from loaders import doc_id_for, load_path
    documents, skipped = {}, []
    for p in paths:
        try:
            documents[doc_id_for(p)] = to_dict(load_path(p))
        except OrgGraphError as exc:
            skipped.append({"path": str(p), "error": str(exc)})
        except ModuleNotFoundError as exc:  # a genre module not written yet
            if not (exc.name or "").startswith("loaders."):
                raise
            skipped.append({"path": str(p), "error": f"{p}: no loader for this genre yet ({exc.name})"})
    return documents, skipped


def bundled_documents() -> tuple[dict[str, dict], list[dict], str]:
    """Parsed records of the bundled corpus: ``(documents, skipped, key)``.

    Cached in ``cache_dir()/bundled-<key>.json``; the key changes with the files
    and with the loader code.  An unwritable cache directory is not an error.
    """
    paths = bundled_paths()
    key = _bundled_key(paths)
    cache = cache_dir() / f"bundled-{key}.json"
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("format") == FORMAT + "-cache" and data.get("key") == key:
            return data["documents"], data.get("skipped", []), key
    except (OSError, ValueError, AttributeError):
        pass
    documents, skipped = _parse_bundled(paths)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for old in cache.parent.glob("bundled-*.json"):
            if old != cache:
                old.unlink(missing_ok=True)
        atomic_write(cache, _dumps({"format": FORMAT + "-cache", "key": key,
                                    "documents": documents, "skipped": skipped}))
    except (OSError, StoreError):
        pass
    return documents, skipped, key


# --------------------------------------------------------------------------- the store
class Store:
    """A store file and its documents.

    ``source`` is ``"store"`` when the file exists and ``"bundled"`` when it does
    not (then ``documents`` are the bundled corpus, for reading).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.skipped: list[dict] = []  # bundled documents that could not be parsed
        self._documents: dict[str, dict] | None = None
        if self.path.exists():
            self.source = "store"
            self._read_bytes()
            if not _looks_whole(self._bytes):
                self._decode()  # says precisely what is wrong
            self.fingerprint = "store:" + hashlib.sha256(self._bytes).hexdigest()
        else:
            self.source = "bundled"
            self._bytes = None
            self._documents, self.skipped, key = bundled_documents()
            self.fingerprint = "bundled:" + key

    @property
    def documents(self) -> dict[str, dict]:
        """The parsed records of every document, by id (the store's JSON is decoded on first use)."""
        if self._documents is None:
            self._documents = self._decode()["documents"]
        return self._documents

    @property
    def exists(self) -> bool:
        return self.source == "store"

    def _read_bytes(self) -> None:
        p = self.path
        if p.is_dir():
            raise StoreError(f"{p}: the store is a directory (give a file, e.g. --store {p / 'store.json'})")
        try:
            self._bytes = p.read_bytes()
        except OSError as exc:
            raise StoreError(f"{p}: cannot read the store: {exc.strerror} (check its permissions)") from None

    def _decode(self) -> dict:
        p = self.path
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
        """The organization graph of the current government: every document in the store but those
        marked abolished (廢止註記 of the national open data); ``history`` includes those too.

        Cached by the store's fingerprint (:mod:`graph_model.graph_cache`): only the first
        command after a change builds it.
        """
        from .graph import OrgGraph
        from .graph_cache import cached_graph

        def build():
            docs = self.parsed()
            return OrgGraph.build(docs if history else current_documents(docs))
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
        return {}

    @contextlib.contextmanager
    def _writing(self):
        """Writers of one store take turns (an exclusive lock on ``<store>.lock``), so that two
        `orggraph load` runs at once both land; readers never wait (the store is replaced whole)."""
        lock = self.path.with_name(self.path.name + ".lock")
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write here: {exc.strerror} (choose another location, "
                             "e.g. --store FILE)") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def load_paths(self, paths, genre: str | None = None, samples: bool = False, *, strict: bool = True,
                   progress=None, agency: str | None = None) -> dict:
        """Parse ``paths`` (and the bundled corpus with ``samples``) into the store.

        A directory stands for every ``.json`` and ``.txt`` file under it (recursively, in
        name order).  Every file is parsed before anything is written, and the store is
        replaced in one step.  With ``strict`` (all or nothing) the first file that cannot
        be loaded raises (:class:`loaders.LoadError` naming the file) and the store file is
        left exactly as it was; otherwise such files are listed in the summary's
        ``refused`` with their one-line reason and the rest is loaded.  A document already
        in the store (same id, the file stem) is replaced.  ``progress(done, total)`` is
        called after each file; ``agency`` names the organization of documents that do not
        name it themselves.  Returns a summary.
        """
        from loaders import LoadError, doc_id_for, load_path

        incoming: dict[str, tuple[str, dict]] = {}
        skipped: list[dict] = []
        if samples:
            # The bundled corpus as the no-store view sees it (a sample without a loader yet is skipped).
            docs, skipped, _ = bundled_documents()
            for doc_id, d in docs.items():
                incoming[doc_id] = (d["document"].get("path", doc_id), d)
        refused: list[dict] = []
        first_error = None
        files = expand_paths(paths)

        for n, p in enumerate(files, 1):
            doc_id = doc_id_for(p)
            try:
                if doc_id in incoming and incoming[doc_id][0] != str(p):
                    raise StoreError(f"{p}: two files given with the same document id {doc_id!r} "
                                     f"({incoming[doc_id][0]}); rename one of them")
                # Through JSON, as the store keeps it (tuples become lists), so an unchanged document compares equal.
                parsed = to_dict(load_path(p, genre=genre, agency=agency))
                incoming[doc_id] = (str(p), _loads(_dumps(parsed)))
            except (LoadError, StoreError) as exc:
                if strict:
                    raise
                first_error = first_error or exc
                refused.append({"path": str(p), "error": str(exc)})
            if progress:
                progress(n, len(files))

        if first_error is not None and not incoming:
            raise first_error  # nothing could be loaded: say why, as a strict load would
        with self._writing():
            return self._merge(incoming, skipped, refused)

    def _merge(self, incoming: dict[str, tuple[str, dict]], skipped: list[dict], refused: list[dict]) -> dict:
        documents = self._saved_documents()
        summary = {"store": str(self.path), "documents": [], "skipped": skipped, "refused": refused}
        # The same file under another name (the same bytes) is kept once, under the id it has already.
        duplicates: list[dict] = []
        by_sha = {d["document"].get("sha256"): i for i, d in documents.items() if d["document"].get("sha256")}
        for doc_id, (path, d) in list(incoming.items()):
            same = by_sha.get(d["document"].get("sha256"))
            if same and same != doc_id:
                del incoming[doc_id]
                duplicates.append({"id": doc_id, "path": path, "action": f"same as {same}",
                                   "genre": d["document"]["genre"], "units": 0, "duties": 0, "unplaced": 0})
            elif d["document"].get("sha256"):
                by_sha[d["document"]["sha256"]] = doc_id
        for doc_id, (path, d) in incoming.items():
            action = "unchanged" if documents.get(doc_id) == d else "replaced" if doc_id in documents else "added"
            documents[doc_id] = d
            summary["documents"].append({"id": doc_id, "path": path, "action": action,
                                         "genre": d["document"]["genre"], "units": len(d["units"]),
                                         "duties": len(d["duties"]), "unplaced": len(d["unplaced"])})
        summary["documents"] += duplicates
        if incoming:
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
        self._write(documents)

    def _write(self, documents: dict[str, dict]) -> None:
        data = _dumps({"format": FORMAT, "version": VERSION, "documents": documents})
        atomic_write(self.path, data)
        self.source, self._documents, self.skipped, self._bytes = "store", documents, [], data
        self.fingerprint = "store:" + hashlib.sha256(data).hexdigest()


_TAIL = re.compile(rb'"format":\s*"orggraph-store",\s*"version":\s*' + str(VERSION).encode() + rb'\s*}\s*$')


def _looks_whole(data: bytes) -> bool:
    """A cheap check that the bytes are a whole store of this version (its last keys are written last):
    the JSON itself is decoded only when the documents are needed."""
    return data[:1] == b"{" and bool(_TAIL.search(data[-200:]))


def current_documents(docs: list[ParsedDocument]) -> list[ParsedDocument]:
    """The documents of the current government: not marked abolished (廢止註記), and not superseded by a
    later version of the same title (最新異動日期: the database keeps 「…辦事細則（92.04.15 訂定）」 beside
    its successor)."""
    live = [p for p in docs if not p.document.meta.get("abolished")]
    newest: dict[str, str] = {}
    for p in live:
        if p.document.meta.get("updated"):
            newest[p.document.title] = max(newest.get(p.document.title, ""), p.document.meta["updated"])
    return [p for p in live if p.document.meta.get("updated", "") >= newest.get(p.document.title, "")]


def expand_paths(paths) -> list[Path]:
    """Files to load: each path given, a directory as every .json and .txt file under it (name order)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".json", ".txt")
                           and not f.name.startswith("."))
            if not found:
                raise StoreError(f"{p}: is a directory with no .json or .txt document under it "
                                 "(give the document files inside it, or another directory)")
            out += found
        else:
            out.append(p)
    return out


def open_store(path: str | os.PathLike | None = None) -> Store:
    """Open the store at ``path`` (default: :func:`default_store_path`)."""
    return Store(Path(path).expanduser() if path else default_store_path())
