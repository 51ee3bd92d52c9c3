"""Where the ``which`` index is cached, and reading it back (:mod:`queries.lookup.index_file` holds its tables).

A store that is a database keeps the index in tables of its own file, made for the store's version
and the code (:meth:`graph_model.store.store.Store.write_derived`): an index can belong to no other store
and a killed writer leaves none half-written.  The bundled samples and JSON stores keep it in a file
of the cache directory, named after their fingerprint and the code, a few stores at a time.  A rebuild
after a change reuses the texts the previous index folded (folding, OpenCC above all, was most of a
build), from an index whose rows check out.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from graph_model.errors import IndexFileError

from .index_file import folded_from, folded_texts, read_index, read_tables, write_index, write_tables
from .search import VERSION, Index, build_index

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

T = TypeVar("T")


def _code_key() -> str:
    """Changes whenever the code that builds an index does."""
    from graph_model.store.files import code_version, source_hash
    from queries import entries, procedure, textnorm

    from . import definitions, former, index_file, rows, search, vocabulary

    # The files themselves, wherever their modules live.
    modules = (search, rows, entries, textnorm, procedure, index_file, vocabulary, definitions, former)
    files = [m.__file__ for m in modules] + [vocabulary.AGENCIES, vocabulary.PLANNER]
    # The graph's own code decides what the index holds too (which documents are current: lineage).
    return source_hash(files, salt=f"v{VERSION}:{code_version()}")


KEEP = 4  # index files kept: several stores in use each keep theirs


class _FileIndex:
    """The index of the bundled samples or of a JSON store: a file in the cache directory, named after
    the data's fingerprint and the code."""

    def __init__(self, fingerprint: str, directory=None):
        from graph_model.store.files import cache_dir

        self.fingerprint = fingerprint
        folder = Path(directory) if directory is not None else cache_dir()
        self.path = folder / f"which-{hashlib.sha256(f'{fingerprint}|{_code_key()}'.encode()).hexdigest()[:16]}.sqlite"

    def read(self) -> Index:
        if not self.path.is_file() or self.path.is_symlink():  # a pipe would block
            raise IndexFileError("no index file")
        index = read_index(self.path, self.fingerprint)
        os.utime(self.path)  # most recently used: kept when older ones are dropped
        return index

    def folded(self, code: str) -> dict[str, str] | None:
        """The folded texts of the most recently used other index (a rebuild after a change folds only what is new)."""
        older = sorted(((_mtime(p), p) for p in self.path.parent.glob("which-*.sqlite")
                        if p != self.path and p.is_file() and not p.is_symlink()), reverse=True)
        return folded_texts(older[0][1], code) if older else None

    def save(self, index: Index, code: str) -> None:
        from graph_model.store.files import sweep_temps

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            sweep_temps(self.path.parent)  # what killed writers left
            write_index(index, self.path, code, self.fingerprint)
            old = sorted(self.path.parent.glob("which-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
            for stale in old[KEEP:]:
                stale.unlink(missing_ok=True)
        except Exception:  # noqa: BLE001 — a cache that cannot be written is not an error
            pass

    def drop(self) -> None:
        self.path.unlink(missing_ok=True)


class _StoreIndex:
    """The index of a store that is a database: tables in the store's own file, made for its version and
    the code (:meth:`graph_model.store.store.Store.write_derived`)."""

    PREFIXES = ("which_", "which_history_")

    def __init__(self, store, history: bool):
        self.store, self.prefix = store, self.PREFIXES[bool(history)]
        self.made_for = f"{store.version}|{_code_key()}"
        self.key = f"which:{self.prefix}{self.made_for}"  # in the store object's memo

    def read(self) -> Index:
        return self.store.remembered(self.key, lambda: read_tables(self.store.derived_reader(), self.prefix,
                                                                   self.made_for))

    def folded(self, code: str) -> dict[str, str] | None:
        """The folded texts of the index the store held before (its own kind first, else the other)."""
        conn = self.store.derived_reader()
        for prefix in sorted(self.PREFIXES, key=lambda p: p != self.prefix):
            known = folded_from(conn, code, prefix)
            if known:
                return known
        return None

    def save(self, index: Index, code: str) -> None:
        self.store.write_derived(lambda conn: write_tables(conn, index, self.prefix, code, self.made_for))
        self.store.forget(self.key)
        self.store.remembered(self.key, lambda: index)  # this object's snapshot cannot read it back

    def drop(self) -> None:
        self.store.forget(self.key)  # the next save replaces the tables


def store_index(store, history: bool = False):
    """Where the ``which`` index of ``store`` (a :class:`graph_model.store.store.Store`) is cached: in the store's own
    file when it is a database, else in the cache directory (the samples, a JSON store)."""
    if store.derived_reader() is not None:
        return _StoreIndex(store, history)
    return _FileIndex(store.fingerprint + (":history" if history else ""))


def _slot(where, directory):
    return _FileIndex(where, directory) if isinstance(where, str) else where


def cached_index(where, build: Callable[[], OrgGraph], directory: str | os.PathLike | None = None) -> Index:
    """The index cached at ``where`` (:func:`store_index`; or a data fingerprint: a file in ``directory``,
    by default orggraph's cache directory): read, or built and saved.

    ``build()`` returns the graph (only called on a miss).  The index is read lazily
    (:mod:`queries.lookup.index_file`), so a warm lookup reads only the rows its query needs.  A cache
    that cannot be written only means no cache.
    """
    slot = _slot(where, directory)
    try:
        return slot.read()
    except (IndexFileError, OSError):
        return _rebuild(slot, build)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # another process dropped it meanwhile
        return 0.0


def _rebuild(slot, build: Callable[[], OrgGraph]) -> Index:
    code = _code_key()
    index = build_index(build(), folded=slot.folded(code))
    slot.save(index, code)
    return index


def using_index(where, build: Callable[[], OrgGraph], use: Callable[[Index], T],
                directory=None) -> tuple[T, Index]:
    """``(use(index), index)`` over the cached index.  A cache found damaged while ``use`` reads it is
    dropped and the index rebuilt — never an error."""
    slot = _slot(where, directory)
    index = cached_index(slot, build)
    try:
        return use(index), index
    except IndexFileError:
        slot.drop()
        index = _rebuild(slot, build)
        return use(index), index
