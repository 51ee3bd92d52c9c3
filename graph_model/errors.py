"""Every error a user can cause, in one place.  The library raises these; only the CLI turns them into
messages and exit statuses.  Each carries its ``kind``: what ``--json`` reports (README, Commands).

>>> UnknownUnit("海關").kind, LoadError("a.txt", "the file is empty").kind, ChartError("x").kind
('not_found', 'input', 'chart')
"""
from __future__ import annotations


class OrgGraphError(Exception):
    """Base class of every error a user can cause (bad input, unknown unit, …)."""

    kind = "error"


# ----------------------------------------------------------------------------------------- names
class UnknownName(OrgGraphError):
    """Nothing of a kind (``what``) goes by the name given; ``suggestions`` are close names."""

    kind, what = "not_found", "name"

    def __init__(self, ref: str, suggestions: list[str] | None = None):
        self.ref, self.suggestions = ref, suggestions or []
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {self.what} named {ref!r}{hint}")


class AmbiguousName(OrgGraphError):
    """Several things of a kind go by the name given; a longer ``longer`` tells them apart."""

    kind, what, longer = "ambiguous", "name", "name"

    def __init__(self, ref: str, candidates: list[str]):
        self.ref, self.candidates = ref, candidates
        super().__init__(f"{ref!r} names {len(candidates)} {self.what}s; use a longer {self.longer}: "
                         + ", ".join(candidates))


class UnknownUnit(UnknownName):
    what = "unit"


class AmbiguousUnit(AmbiguousName):
    what, longer = "unit", "path"


class UnknownType(OrgGraphError):
    """No unit of the type asked (``which --type``)."""

    kind = "not_found"

    def __init__(self, value: str, known: list[str]):
        super().__init__(f"no unit of type {value!r}; use one of: {', '.join(known)}")


class UnknownSide(OrgGraphError):
    """OLD or NEW (``diff``) names a unit (or document) that sets up nothing to compare."""

    kind = "not_found"


class NoHeadcounts(OrgGraphError):
    """No budget headcount figures for the year asked."""

    kind = "not_found"


# ------------------------------------------------------------------------------ documents, store
class LoadError(OrgGraphError):
    """A document could not be loaded; the message names the file and the fix."""

    kind = "input"

    def __init__(self, path: str, problem: str, fix: str = ""):
        self.path, self.problem, self.fix = path, problem, fix
        super().__init__(f"{path}: {problem}" + (f" ({fix})" if fix else ""))


class UnknownGenre(LoadError):
    """The document's genre cannot be told (or is none orggraph reads)."""


class StoreError(OrgGraphError):
    """The store file is missing, unreadable or of another format."""

    kind = "store"


# ----------------------------------------------------------------------------------------- output
class ChartError(OrgGraphError):
    """A chart cannot be drawn as asked."""

    kind = "chart"


class RenderError(ChartError):
    """Graphviz or fontconfig is missing, or ``dot`` failed."""


class FontError(ChartError):
    """The chart's font is not installed or lacks some of the characters it must draw."""


class TooLarge(ChartError):
    """The chart does not fit its paper with its text at the smallest size allowed."""

    def __init__(self, message: str, page: object, size: tuple[float, float] | None):
        super().__init__(message)
        self.page, self.size = page, size  # the laid-out size in points (None: refused before laying out)


class ExportError(OrgGraphError):
    """An export that cannot be written as asked (unknown format, option that does not apply)."""

    kind = "export"


# ------------------------------------------------------------------------------------------ Neo4j
class Neo4jError(OrgGraphError):
    """Connection, authentication, database or query problem (one-line message, never the password)."""

    kind = "neo4j"


class GuideError(OrgGraphError):
    """The Neo4j Browser guide cannot be served (port taken, files missing)."""

    kind = "neo4j"


# ------------------------------------------------------------------------- signals inside the library
# Raised and caught inside the library, never shown as such: a file format's reader tells the loader why
# a file has no text (it becomes a LoadError), and a damaged lookup index is a cache miss.
class FormatError(ValueError):
    """A file of a known format that has no readable text; the message says why, the fix how."""

    def __init__(self, problem: str, fix: str):
        self.problem, self.fix = problem, fix
        super().__init__(problem)


class IndexFileError(Exception):
    """The tables are not a whole index of this version (treat it as a cache miss)."""
