"""Files orggraph writes: atomically (charts, exports, caches) and where its caches live.

The caches of a store that is a database live in it (:mod:`graph_model.store.store_db`); those of the
bundled samples and of JSON stores are files here, sealed with what they were made from (the data's
fingerprint, the code's :func:`source_hash`) so that a file for other data or code is a miss.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from graph_model.errors import OrgGraphError, StoreError


def cache_dir() -> Path:
    cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache_home) / "orggraph"


def source_hash(files, salt: str = "") -> str:
    """A short hash of source files (names and contents, in the order given) and ``salt``: the part
    of a cache key that changes whenever the code that makes the cached value does."""
    h = hashlib.sha256(salt.encode())
    for f in files:
        f = Path(f)
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def code_version() -> str:
    """Hash of the code that builds graphs from records (graph_model/ and its sub-packages, but neo4j/), and
    of the table of successions that decides, with graph_model/graph/lineage.py, which documents are current."""
    from graph_model.graph import lineage

    package = Path(__file__).resolve().parents[1]  # graph_model/
    code = sorted(f for f in package.rglob("*.py") if f.relative_to(package).parts[0] != "neo4j")
    table = lineage.TABLE
    return source_hash(code + ([table] if table.is_file() else []))


def atomic_write(path: str | os.PathLike, data: bytes, error: type[OrgGraphError] = StoreError) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same directory, fsync, rename.

    Raises ``error`` (:class:`StoreError` unless the caller writes something else: an export, a chart) when the
    path cannot be written; only a store's message points at ``--store``.
    """
    path = Path(path)
    elsewhere = "choose another location, e.g. --store FILE" if error is StoreError else "choose another location"
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write through the link: the link stays a link
    if path.exists() and not path.is_file():
        raise error(f"{path}: is not a regular file (a directory, device or pipe); it was left alone "
                         "(give a file path)")
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):  # root too
        raise error(f"{path}: is read-only; it was left as it is (make it writable or choose another file)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(path)
    except OSError as exc:
        raise error(f"{path}: cannot write here: {exc.strerror} ({elsewhere})") from None
    try:
        with replaced(tmp, path):
            Path(tmp).write_bytes(data)
    except OSError as exc:
        raise error(f"{path}: cannot write: {exc.strerror} (check free space and permissions)") from None
    sync_folder(path.parent)


def temp_beside(path: Path, suffix: str = ".tmp") -> str:
    """A new empty file in ``path``'s folder, named after it (``.NAME.*.tmp``), to become it (:func:`replaced`)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    return tmp


@contextlib.contextmanager
def replaced(tmp: str, path: Path, durable: bool = True) -> Iterator[None]:
    """Rename ``tmp`` onto ``path`` once the block has written it: readers see the old file or the new, and an
    error leaves ``path`` as it was and removes ``tmp``.  The new file keeps the permissions of the one it
    replaces (a new file, those the umask gives); ``durable``: on disk before it is renamed."""
    try:
        yield
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~umask())
        if durable:
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows it)."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --------------------------------------------------------------------------- caches
CACHE_MAGIC = b"orggraph-cache 1\n"
STALE_TEMP = 600  # seconds: a temporary file this old was left by a killed writer


def read_cache(path: str | os.PathLike, max_bytes: int) -> bytes | None:
    """The bytes of a cache file, or None: only a regular file (no link, device, pipe or directory) of at
    most ``max_bytes``, opened without blocking — anything else is a miss."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(max_bytes + 1)
        return data if len(data) <= max_bytes else None
    except OSError:
        return None
    finally:
        os.close(fd)


def seal(key: str, body: bytes) -> bytes:
    """A cache file's bytes: what it was built from (``key``: the store's fingerprint, the code's version)
    and a checksum of ``body``, before ``body``."""
    return CACHE_MAGIC + f"{hashlib.sha256(body).hexdigest()} {key}\n".encode() + body


def unseal(key: str, data: bytes | None) -> bytes | None:
    """The body of a sealed cache file built from ``key``, or None: a file for other data or code, or
    damaged, is a miss.

    >>> unseal("store:1", seal("store:1", b"x")), unseal("store:2", seal("store:1", b"x"))
    (b'x', None)
    >>> unseal("store:1", seal("store:1", b"x")[:-1] + b"y")
    """
    if not data or not data.startswith(CACHE_MAGIC):
        return None
    header, sep, body = data[len(CACHE_MAGIC):].partition(b"\n")
    digest, _, made_for = header.decode("utf-8", "replace").partition(" ")
    if not sep or made_for != key or hashlib.sha256(body).hexdigest() != digest:
        return None
    return body


def sweep_temps(folder: str | os.PathLike, pattern: str = ".*.tmp", age: float = STALE_TEMP) -> None:
    """Remove temporary files older than ``age`` seconds that a killed writer left in ``folder``."""
    now = time.time()
    try:
        for p in Path(folder).glob(pattern):
            try:
                if p.is_file() and not p.is_symlink() and now - p.stat().st_mtime > age:
                    p.unlink()
            except OSError:
                pass
    except OSError:
        pass


KEEP = 4  # cache files of a family: several stores in use each keep theirs


def cache_file(folder: str | os.PathLike, name: str, made_for: str) -> Path:
    """Where the cache ``name`` (``graph-history.pickle``: family ``graph``, suffix ``.pickle``) made for
    ``made_for`` lives in ``folder``."""
    stem, _, suffix = name.partition(".")
    family = stem.split("-")[0]
    return Path(folder) / f"{family}-{hashlib.sha256(made_for.encode()).hexdigest()[:24]}.{suffix or 'cache'}"


def read_cached(folder: str | os.PathLike, name: str, made_for: str, max_bytes: int) -> bytes | None:
    """The body of a cache file made for ``made_for``, or None (see :func:`read_cache`, :func:`unseal`)."""
    path = cache_file(folder, name, made_for)
    body = unseal(made_for, read_cache(path, max_bytes))
    if body is not None:
        try:
            os.utime(path)  # most recently used: kept when older ones are dropped
        except OSError:
            pass
    return body


def write_cached(folder: str | os.PathLike, name: str, made_for: str, body: bytes) -> None:
    """Save a cache file, sealed; keep the newest few of its family; clear what killed writers left.
    A cache that cannot be written is no error: the next command builds it again."""
    path = cache_file(folder, name, made_for)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_temps(path.parent)
        if path.is_symlink() or (path.exists() and not path.is_file() and not path.is_dir()):
            path.unlink()  # a link, pipe or device in a cache's place: the cache takes it back
        if path.is_dir():
            return  # a directory is left alone: no cache
        atomic_write(path, seal(made_for, body))
        family = f"{path.name.split('-')[0]}-*{path.suffix}"
        old = sorted(path.parent.glob(family), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 — an unwritable cache is no error
        pass
