"""The JSON store: the format of the bundled samples (data/samples.json) and of stores made by orggraph
before the SQLite store.  Read as before; a store is converted to SQLite by its first write.

Format::

    {"format": "orggraph-store", "version": 1,
     "documents": {"<doc id>": records.to_dict(parsed), ...},
     "contents": {"<doc id>": content hash, ...}}

:func:`write_store` and :func:`add` are the writer of before, kept to make JSON stores (tests,
benchmarks beside the SQLite store) and the samples.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from graph_model.errors import StoreError

from .files import atomic_write, cache_dir, read_cache, seal, unseal
from .store_records import content_hash, digest, dumps, identities, loads, plan

FORMAT = "orggraph-store"
VERSION = 1


def encode(obj) -> bytes:
    """A JSON store's bytes."""
    return dumps(obj) + b"\n"


_TAIL = re.compile(rb'"format":\s*"orggraph-store",\s*"version":\s*' + str(VERSION).encode() + rb'\s*}\s*$')


def looks_whole(data: bytes) -> bool:
    """A cheap check that the bytes are a whole store of this version (its last keys are written last):
    the JSON itself is decoded only when the documents are needed."""
    return data[:1] == b"{" and bool(_TAIL.search(data[-200:]))


def decode(data: bytes, path: Path) -> dict:
    """The store's JSON, checked; errors say what is wrong with the file at ``path``."""
    try:
        raw = loads(data)
    except (UnicodeDecodeError, ValueError):
        raise StoreError(f"{path}: not an orggraph store (not JSON); it was left untouched "
                         "(move it away or choose another --store FILE)") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("documents"), dict):
        raise StoreError(f"{path}: not an orggraph store (no \"format\": \"{FORMAT}\"); it was left untouched "
                         "(move it away or choose another --store FILE)")
    if raw.get("version") != VERSION:
        raise StoreError(f"{path}: store version {raw.get('version')!r} is not supported (this orggraph reads "
                         f"version {VERSION}); re-create it with `orggraph --store NEW load …`")
    return raw


def file_hash(path: Path, data: bytes | None = None, st: os.stat_result | None = None) -> str:
    """The SHA-256 of a file, remembered in the cache directory by the file's identity and
    change time (device, inode, size, mtime and ctime in ns): a JSON store is replaced, never
    rewritten in place, so an unchanged identity is unchanged content — and a warm command
    need not hash 25 MB to know it.  ``data`` and ``st``: the file's bytes and their stat, when
    the caller has read them (the stat must be of the file those bytes came from)."""
    if data is None or st is None:
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


# --------------------------------------------------------------------------- the writer of before
def write_store(path: str | os.PathLike, documents: dict[str, dict], contents: dict[str, str] | None = None) -> None:
    """Write a JSON store (whole, atomically) holding ``documents`` (id -> records.to_dict)."""
    contents = {i: (contents or {}).get(i) or content_hash(d) for i, d in documents.items()}
    atomic_write(path, encode({"format": FORMAT, "version": VERSION, "documents": documents, "contents": contents}))


class Documents:
    """A JSON store's documents as :func:`graph_model.store.store.plan` reads stored ones."""

    def __init__(self, documents: dict[str, dict], contents: dict[str, str]):
        self.documents = documents
        self.contents = {i: contents.get(i) or content_hash(d) for i, d in documents.items()}
        self._holders: dict[tuple, str] = {}
        for i in sorted(documents):
            for key in identities(documents[i]["document"], self.contents[i])[0]:
                self._holders.setdefault(key, i)

    def digest(self, doc_id: str) -> str | None:
        """The digest its row would have in a database (:func:`graph_model.store.store_records.digest`)."""
        d = self.documents.get(doc_id)
        return None if d is None else digest(doc_id, (dumps(d),))

    def holder(self, key: tuple) -> str | None:
        return self._holders.get(key)


def add(path: str | os.PathLike, incoming: dict) -> dict:
    """Add documents (``id -> (path, records.to_dict)``) to the JSON store at ``path`` as orggraph did before
    the SQLite store: read it whole, merge, write it whole.  Returns the load's summary."""
    path = Path(path)
    raw = decode(path.read_bytes(), path) if path.exists() else {"documents": {}, "contents": {}}
    stored = Documents(raw["documents"], raw.get("contents") or {})
    summary, writes = plan(incoming, stored)
    documents, contents = dict(stored.documents), dict(stored.contents)
    for doc_id, (_path, record, content) in writes.items():
        documents[doc_id], contents[doc_id] = record.as_dict(), content
    if writes:
        write_store(path, dict(sorted(documents.items())), contents)
    return {"store": str(path), "documents": summary, "refused": [], "total_documents": len(documents)}
