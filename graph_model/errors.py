"""Domain errors.  The library raises these; only the CLI turns them into messages."""
from __future__ import annotations


class OrgGraphError(Exception):
    """Base class of every error a user can cause (bad input, unknown unit, …)."""


class UnknownName(OrgGraphError):
    """Nothing of a kind (``what``) goes by the name given; ``suggestions`` are close names."""

    what = "name"

    def __init__(self, ref: str, suggestions: list[str] | None = None):
        self.ref, self.suggestions = ref, suggestions or []
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {self.what} named {ref!r}{hint}")


class AmbiguousName(OrgGraphError):
    """Several things of a kind go by the name given; a longer ``longer`` tells them apart."""

    what, longer = "name", "name"

    def __init__(self, ref: str, candidates: list[str]):
        self.ref, self.candidates = ref, candidates
        super().__init__(f"{ref!r} names {len(candidates)} {self.what}s; use a longer {self.longer}: "
                         + ", ".join(candidates))


class UnknownUnit(UnknownName):
    what = "unit"


class AmbiguousUnit(AmbiguousName):
    what, longer = "unit", "path"


class StoreError(OrgGraphError):
    """The store file is missing, unreadable or of another format."""
