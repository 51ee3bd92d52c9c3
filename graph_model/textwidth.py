"""Display width of text on a terminal, for every table the CLI prints.

Chinese characters (East Asian Width W or F) take two columns, combining marks
none; padding by ``len`` would misalign every column after a Chinese cell.

>>> display_width("基隆關"), display_width("HANDLES"), display_width("１２")
(6, 7, 4)
>>> "|" + pad("稽查組", 8) + "|" + pad("42", 4, right=True) + "|"
'|稽查組  |  42|'
"""
from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (on the left when ``right``-aligned)."""
    space = " " * max(width - display_width(text), 0)
    return space + text if right else text + space
