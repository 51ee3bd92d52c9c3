"""Mermaid flowchart (``flowchart TD``) of the units, for Markdown documents.

Node ids are ``u0``, ``u1`` … (safe whatever the names); labels are quoted, and every
character that could end a label, a line or a Markdown code fence (``"`` ``#`` ``<`` ``>``
``&`` brackets, backquotes, control characters) is written as Mermaid's entity code
``#NNN;``.  A unit whose sub-units ``depth`` cut off says how many there are (``+15 below``).

>>> from graph_model.store.store import open_store
>>> from queries.export.scope import scope
>>> print(mermaid(scope(open_store("/x/s.json").graph(), "關務署", depth=1)).splitlines()[14])
    u13["基隆關<br>+15 below"]
>>> label('a "b" [c] #1;')
'a #34;b#34; #91;c#93; #35;1;'
"""
from __future__ import annotations

import re

from .scope import Scope

# Entity-coded: what ends a quoted label or a line, HTML, brackets, a code fence, and controls.
_SPECIAL = re.compile(r'["#<>&\[\](){}|`\\\x00-\x1f\x7f]')
MAX_EDGES = 500  # Mermaid's default maxEdges: larger charts need --depth (or its config raised)


def label(name: str) -> str:
    """``name`` as the inside of a quoted Mermaid label."""
    return _SPECIAL.sub(lambda m: f"#{ord(m.group())};", name)


def mermaid(s: Scope) -> str:
    """The scope's hierarchy as a Mermaid flowchart."""
    ids = {uid: f"u{i}" for i, uid in enumerate(s.units)}
    out = ["flowchart TD"]
    for uid in s.units:
        text = label(s.graph.node(uid)["name"])
        if s.below.get(uid):
            text += f"<br>+{s.below[uid]} below"
        out.append(f'    {ids[uid]}["{text}"]')
    out += [f"    {ids[parent]} --> {ids[child]}" for parent, child, _ in s.has_unit]
    return "\n".join(out) + "\n"
