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
    # Files of a document id given already, with the same content (x.txt and x.docx): ``{"id", "path", "genre",
    # "same_as"}``, kept once.
    same: list[dict] = field(default_factory=list)


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
            parsed = load_path(p, genre=genre, agency=agency)
            if doc_id in batch.documents and batch.documents[doc_id][0] != str(p):
                _same_id(batch, doc_id, str(p), parsed)
            else:
                batch.documents[doc_id] = (str(p), parsed)
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


def _same_id(batch: Batch, doc_id: str, path: str, parsed: ParsedDocument) -> None:
    """A second file of the id ``doc_id`` (x.txt beside x.docx): the same document — by the content the store compares
    (title, units, duties) and version date — is kept once, as the file that knows more about it (a law's .json, with
    its 法規類別 and 沿革); another document under the same name is refused."""
    from graph_model.store.store_records import content_hash, updated
    first_path, first = batch.documents[doc_id]
    dates = {updated({"meta": d.document.meta}) for d in (first, parsed)} - {""}
    if content_hash(first) != content_hash(parsed) or len(dates) > 1:
        raise LoadError(path, f"two files given with the same document id {doc_id!r} ({first_path}) and different "
                              "content", "rename one of them")
    if len(parsed.document.meta) > len(first.document.meta):
        batch.documents[doc_id] = (path, parsed)
        path, first_path = first_path, path
    batch.same.append({"id": doc_id, "path": path, "genre": parsed.document.genre, "same_as": first_path})
