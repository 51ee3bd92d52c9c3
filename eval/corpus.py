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
    with tarfile.open(ARCHIVE, "r:xz") as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.startswith("FalVMingLing/")
                          and m.name.endswith(".json")), key=lambda m: m.name)
        for m in members:
            yield Path(m.name).name, tar.extractfile(m).read()


def national_file(pcode: str) -> bytes:
    """One law's bytes by its PCode."""
    if SHARED.is_dir():
        return (SHARED / f"{pcode}.json").read_bytes()
    with tarfile.open(ARCHIVE, "r:xz") as tar:
        return tar.extractfile(f"FalVMingLing/{pcode}.json").read()
