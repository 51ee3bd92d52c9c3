"""The national corpus as the evaluation reads it: ../shared/national when present, else the
copy in data/national.tar.xz (the same 1,451 open-data JSON files, so a fresh clone can run it)."""
from __future__ import annotations

import tarfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "national" / "FalVMingLing"
ARCHIVE = ROOT / "data" / "national.tar.xz"


def national_files(folder: str | Path | None = None) -> Iterator[tuple[str, bytes]]:
    """``(file name, bytes)`` of every law, in name order."""
    folder = Path(folder) if folder else (SHARED if SHARED.is_dir() else None)
    if folder is not None:
        for p in sorted(folder.glob("*.json")):
            yield p.name, p.read_bytes()
        return
    yield from archive_files()


def archive_files() -> Iterator[tuple[str, bytes]]:
    """``(file name, bytes)`` of every law in data/national.tar.xz, in name order."""
    files = []
    with tarfile.open(ARCHIVE, "r:xz") as tar:
        # In the archive's own order: an xz stream cannot seek back, so reading out of order re-decompresses.
        for m in tar:
            if m.isfile() and m.name.startswith("FalVMingLing/") and m.name.endswith(".json") and \
                    (member := tar.extractfile(m)) is not None:  # (a file's member always opens)
                files.append((Path(m.name).name, member.read()))
    yield from sorted(files)


_MEMBERS: dict[str, bytes] = {}


def national_file(pcode: str) -> bytes:
    """One law's bytes by its PCode (from data/national.tar.xz, read once)."""
    if not _MEMBERS:
        _MEMBERS.update((name[:-5], data) for name, data in archive_files())
    return _MEMBERS[pcode]
