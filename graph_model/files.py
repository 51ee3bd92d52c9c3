"""Files orggraph writes: atomically (the store, charts, exports, caches) and where its caches live.

A cache file's name carries a :func:`source_hash` of the code that made it, so that new
code never reads what old code wrote.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .errors import StoreError


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
    """Hash of the code that builds graphs from records (graph_model/*.py), and of the table of
    successions that decides, with graph_model/lineage.py, which documents are current."""
    from . import lineage

    here = Path(__file__).resolve().parent
    table = lineage.TABLE
    return source_hash(sorted(here.glob("*.py")) + ([table] if table.is_file() else []))


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
            os.chmod(tmp, 0o666 & ~umask())
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


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
