"""Text safe to print: nothing a document, a file name or a server message holds can forge output.

A terminal obeys control characters (ESC[2J clears the screen, a newline starts a forged ``Error:`` line)
and bidirectional and zero-width characters make text read other than it is.  Names lose the invisible ones
at load (:data:`INVISIBLE`); whatever is printed shows the rest as escapes.

>>> one_line("bad\\nError: all good.txt"), one_line("x\\x1b[2Jy"), terminal("a\\nb\\u202ec")
('bad\\\\nError: all good.txt', 'x\\\\x1b[2Jy', 'a\\nb\\\\u202ec')
"""
from __future__ import annotations

import re

# Bidirectional controls and zero-width characters: never part of a name, invisible on screen.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_UNSAFE_LINE = re.compile(f"[{_CONTROL}\t\n\u061c\u200b-\u200f\u202a-\u202e"
                          "\u2060-\u2064\u2066-\u2069\ufeff\u2028\u2029]")
_UNSAFE_TEXT = re.compile(f"[{_CONTROL}\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def one_line(text: str) -> str:
    """``text`` for one line of output (an error, a warning): every control, bidi and zero-width character
    escaped, newlines too."""
    return _UNSAFE_LINE.sub(_escape, str(text))


def terminal(text: str) -> str:
    """``text`` for a terminal, its lines kept: the other control, bidi and zero-width characters escaped."""
    return _UNSAFE_TEXT.sub(_escape, str(text))


def visible(name: str) -> str:
    """A name without invisible characters (as names are kept from load on)."""
    return INVISIBLE.sub("", name)
