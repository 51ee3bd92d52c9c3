"""Loaders: document text → :class:`graph_model.records.records.ParsedDocument`.

Loaders never touch a database or the network.  Each genre has a parser
``parse(text, document) -> ParsedDocument`` (:func:`parser`):

- ``org_act``      組織法/組織條例/組織通則/組織準則/組織規程 (organization acts: the agency, what it 掌理,
                   its units and posts) — :mod:`loaders.acts.structure`
- ``office_rules`` 辦事細則/處務規程 (office rules: each 組/處/室 split into 科 and 股 with their duties; their
                   文書/財務/會議 chapters are rules, not structure) — :mod:`loaders.acts.structure`
- ``budget``       預算總說明 (budget-book organization sections) — :mod:`loaders.budget.budget`
- ``procedures``   作業程序 (standard operating procedures) — :mod:`loaders.procedures.procedures`

A load imports only what its documents need: a genre's parser when a document of it is read, and the
modules' patterns are :func:`graph_model.lazy_re.lazy` (compiled when first used), not ``re.compile``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from graph_model.errors import UnknownGenre
from graph_model.lazy_re import lazy
from graph_model.records.records import Document, ParsedDocument

from .common import undated_title
from .read.reading import LoadError, decode, read_bytes, read_document

GENRES = ("org_act", "office_rules", "budget", "procedures")


def parser(genre: str) -> Callable[[str, Document], ParsedDocument]:
    """The parser of ``genre`` (one of :data:`GENRES`): organization acts and office rules share one.

    Each is imported when a document of its genre is first parsed: a load of organization acts
    then neither imports the budget and procedure parsers nor compiles their patterns.
    """
    if genre == "budget":
        from .budget.budget import parse
    elif genre == "procedures":
        from .procedures.procedures import parse
    else:
        from .acts.structure import parse_document as parse
    return parse

__all__ = ["GENRES", "LoadError", "UnknownGenre", "detect_genre", "parse_text", "load_path", "parse_bytes",
           "decode", "read_document"]


_TITLE_GENRE = (
    ("office_rules", lazy(r"(辦事細則|處務規程|處務規則)")),
    ("org_act", lazy(r"組織(法|條例|通則|準則|規程|規則|章程)")),
    ("budget", lazy(r"(預算總說明|預算書|預算員額)")),
    ("procedures", lazy(r"(作業程序|作業流程|標準作業)")),
)


# A title that ends as a regulation (…辦法, …要點) is none of these genres, whatever words it holds
# (「…組織條例修正施行前退休撫卹人員退休撫卹基金管理辦法」).
_REGULATION_TITLE = lazy(r"(?<!組織)(?<!處務)(?:辦法|要點|須知|施行細則|施行法|規則|注意事項)\s*$")


def detect_genre(text: str) -> str | None:
    """Guess a document's genre from its title and conventions; None when unsure."""
    head = text[:600]
    first = next((ln for ln in head.splitlines() if ln.strip()), "")
    if _REGULATION_TITLE.search(undated_title(first)):
        return None
    for genre, pattern in _TITLE_GENRE:
        first = next((ln for ln in head.splitlines() if ln.strip()), "")
        if pattern.search(first):
            return genre
    if re.search(r"現行法定職掌|預算總說明|預算員額", head):
        return "budget"
    if re.search(r"本(細則|規程)依", head):
        return "office_rules"
    if len(re.findall(r"(作業程序|作業流程|辦理程序)\s*\n", text)) >= 2 or (
            "法令依據" in head and re.search(r"處理流程|作業流程|標準作業程序", text)):
        return "procedures"
    if re.search(r"本(條例|法|通則|準則|規程)(依|自|施行)|以下簡稱本\w", text[:3000]) and \
            re.search(r"第\s*\S+\s*條", head):
        return "org_act"
    return None


def doc_id_for(path: str | Path) -> str:
    """Document id used in provenance: the file name without extension, its control, bidi and zero-width
    characters made ``_`` (an id is printed in every citation).

    >>> doc_id_for("docs/bad" + chr(10) + "Error: x.txt"), doc_id_for("A0010053.json")
    ('bad_Error: x', 'A0010053')
    """
    return _UNSAFE_IN_ID.sub("_", Path(path).stem)


_UNSAFE_IN_ID = lazy("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def parse_text(text: str, doc_id: str, *, genre: str | None = None, path: str = "", sha256: str = "",
               meta: dict | None = None, agency: str | None = None) -> ParsedDocument:
    """Parse document text; raises :class:`UnknownGenre` when the genre cannot be told.

    ``meta`` is what the file says about the document besides its text (the open-data
    JSON's 法規類別, 最新異動日期, 廢止註記, 沿革內容); it is kept on the document.  ``agency``
    names the organization whose document it is when the text does not (「本局」 only).
    """
    where = path or doc_id
    if not text.strip():
        raise LoadError(where, "the document is empty", "give a document with text in it")
    if genre is None:
        genre = detect_genre(text)
        if genre is None:
            title = undated_title(next((ln for ln in text.splitlines() if ln.strip()), ""))[:60]
            if _REGULATION_TITLE.search(title):
                raise UnknownGenre(where, f"「{title}」 is a regulation, not an organization document, office rules, "
                                          "budget book or procedure", "if it is one, pass --genre")
            if not _HAN.search(text):
                raise UnknownGenre(where, "there is no Chinese text in it (wrong encoding?)",
                                   "give the document as text that reads as Chinese: UTF-8, Big5 or GB18030")
            raise UnknownGenre(where, "cannot tell what kind of document this is",
                               f"pass --genre with one of: {', '.join(GENRES)}")
    elif genre not in GENRES:
        raise UnknownGenre(where, f"unknown genre {genre!r}", f"use one of: {', '.join(GENRES)}")
    if agency:
        meta = {**(meta or {}), "agency": "".join(agency.split())}
    document = Document(id=doc_id, title="", genre=genre, path=path, sha256=sha256, lines=text.count("\n") + 1,
                        meta=dict(meta or {}))
    parsed = parser(genre)(text, document)
    if not parsed.units:
        raise LoadError(where, *_why_nothing(text, genre))
    return parsed


# A Han character: every document of every genre has them; a text without one is in some other encoding or language.
_HAN = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _why_nothing(text: str, genre: str) -> tuple[str, str]:
    """``(problem, fix)`` of a document that yields no organization: what was missing, in its own words."""
    if not _HAN.search(text):
        return ("there is no Chinese text in it (wrong encoding?)",
                "give the document as text that reads as Chinese: UTF-8, Big5 or GB18030")
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:40]
    if genre == "procedures":
        return ("found no procedure in it (a 作業程序 title followed by its steps) that names an organization",
                "if it is one agency's procedures that say only 本局/本署, pass --agency NAME; if it is not a "
                "procedure document, it has nothing to load")
    if genre == "budget":
        return ("found no agency in this budget book (its first lines name none)", "pass --agency NAME")
    return (f"cannot tell which organization it sets up: its title 「{title}」 names no particular one and no "
            f"「（以下簡稱本…）」 says so", "if it is one agency's document, pass --agency NAME")


def load_path(path: str | Path, *, genre: str | None = None, agency: str | None = None) -> ParsedDocument:
    """Read and parse one document file."""
    text, _encoding, sha, meta = read_document(path)
    return parse_text(text, doc_id_for(path), genre=genre, path=str(path), sha256=sha, meta=meta, agency=agency)


def parse_bytes(data: bytes, path: str, *, genre: str | None = None) -> ParsedDocument:
    """Decode and parse a document's bytes (a file's content, e.g. read from an archive)."""
    text, _encoding, sha, meta = read_bytes(data, path)
    return parse_text(text, doc_id_for(path), genre=genre, path=path, sha256=sha, meta=meta)
