"""Many files at once: paths → parsed records, with every refusal and its reason.

Reading is separate from saving: :func:`read_paths` returns a :class:`Batch` and
:meth:`graph_model.store.store.Store.add` writes it, so that parsing never touches the
store and a load that fails midway writes nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph_model.records.records import ParsedDocument

from . import doc_id_for, load_path
from .read.reading import LoadError

SUFFIXES = (".json", ".txt", ".pdf", ".docx", ".odt", ".doc")  # .doc: refused with the way out


@dataclass
class Batch:
    """Parsed documents by id (``id -> (path, parsed)``) and the files refused (``{"path", "error"}``)."""

    documents: dict[str, tuple[str, ParsedDocument]] = field(default_factory=dict)
    refused: list[dict] = field(default_factory=list)


def expand_paths(paths: Iterable) -> list[Path]:
    """Files to read: each path given, a directory as every document file under it (:data:`SUFFIXES`, name order)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not f.name.startswith("."))
            if not found:
                raise LoadError(str(p), "is a directory with no document (.json, .txt, .pdf, .docx, .odt) under it",
                                "give the document files inside it, or another directory")
            out += found
        else:
            out.append(p)
    return out


def read_paths(paths: Iterable, *, genre: str | None = None, agency: str | None = None, strict: bool = True,
               progress: Callable[[int, int], None] | None = None) -> Batch:
    """Parse every file of ``paths`` (directories recursively).

    With ``strict`` the first file that cannot be read raises its :class:`LoadError`;
    otherwise refused files are listed in the batch and the rest is read — unless none
    could be, which raises the first error as a strict read would.  ``progress(done,
    total)`` is called after each file; ``agency`` names the organization of documents
    that do not name it themselves.
    """
    batch = Batch()
    first_error = None
    files = expand_paths(paths)
    for n, p in enumerate(files, 1):
        doc_id = doc_id_for(p)
        try:
            if doc_id in batch.documents and batch.documents[doc_id][0] != str(p):
                raise LoadError(str(p), f"two files given with the same document id {doc_id!r} "
                                        f"({batch.documents[doc_id][0]})", "rename one of them")
            batch.documents[doc_id] = (str(p), load_path(p, genre=genre, agency=agency))
        except LoadError as exc:
            if strict:
                raise
            first_error = first_error or exc
            batch.refused.append({"path": str(p), "error": str(exc)})
        if progress:
            progress(n, len(files))
    if first_error is not None and not batch.documents:
        raise first_error
    return batch
