"""Regular expressions compiled when first used: ``lazy(...)`` stands where ``re.compile(...)`` would.

Compiling the loaders' patterns was most of what loading one document costs: Python's compiler
expands a character class one code point at a time, so each ``[\\u4e00-\\u9fff]`` (21,000 CJK
characters) takes about a millisecond, and the loaders hold some 300 patterns. A document uses
about half of them; a lazy pattern is compiled by the first call that needs it, once per process.

>>> TITLE = lazy(r"(?P<name>[\\u4e00-\\u9fff]+)組織法")
>>> TITLE.pattern                                   # known without compiling
'(?P<name>[\\\\u4e00-\\\\u9fff]+)組織法'
>>> TITLE.search("行政院組織法").group("name"), TITLE.groupindex["name"]
('行政院', 1)
"""
from __future__ import annotations

import re
from typing import Any, cast


class _Lazy:
    """A pattern's source, compiled on the first use of anything else: the compiled pattern's methods
    and attributes are then copied onto this object, so that later calls cost what the pattern's own do."""

    def __init__(self, pattern: str, flags: int):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # called only for what is not an attribute yet: the first use
        if name.startswith("__"):  # what copy, pickle and the like look for: not the pattern's
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attr in ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "scanner",
                     "flags", "groups", "groupindex"):
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used (``.pattern`` needs no compiling)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
