"""Domain errors.  The library raises these; only the CLI turns them into messages."""
from __future__ import annotations


class OrgGraphError(Exception):
    """Base class of every error a user can cause (bad input, unknown unit, …)."""


class UnknownUnit(OrgGraphError):
    def __init__(self, ref: str, suggestions: list[str] | None = None):
        self.ref, self.suggestions = ref, suggestions or []
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no unit named {ref!r}{hint}")


class AmbiguousUnit(OrgGraphError):
    def __init__(self, ref: str, candidates: list[str]):
        self.ref, self.candidates = ref, candidates
        super().__init__(f"{ref!r} names {len(candidates)} units; use a longer path: " + ", ".join(candidates))


class StoreError(OrgGraphError):
    """The store file is missing, unreadable or of another format."""
