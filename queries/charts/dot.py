"""What every chart's DOT text shares: quoting, text width, line breaking, the font and directions.

Pure functions of text (no Graphviz run here): :mod:`queries.charts.chart` and
:mod:`queries.charts.procedure_chart` build DOT with them, :mod:`queries.charts.render` draws it.

>>> quote('a:b "c"'), quote("名\\x07稱")
('"a:b \\\\"c\\\\""', '"名 稱"')
>>> html_text("北區<業務>&督導")
'北區&lt;業務&gt;&amp;督導'
>>> width("關務署"), width("ab")
(3.0, 1.1)
"""
from __future__ import annotations

import html
import re
import unicodedata

FONT = "Noto Sans CJK TC"
DIRECTIONS = ("TB", "LR")
LANGUAGES = ("zh", "en")

# No line starts with a closing mark and none ends with an opening one (the rules of 標點符號 layout).
CLOSING = set("、，。；：？！）」』】〕》〉…‧·,.;:?!)]}%")
OPENING = set("（「『【〔《〈([{")
_PAIRS = {"（": "）", "「": "」", "『": "』", "【": "】", "〔": "〕", "《": "》", "〈": "〉",
          "(": ")", "[": "]", "{": "}"}
# A number, an article reference or a Latin word never breaks: 5-1/2條, 第10-1條, 3.5, Packing.
_WORD = re.compile(r"第?[0-9０-９]+(?:[-/.．－／~～][0-9０-９]+)*(?:之[0-9０-９]+)?[條項款目點]?"
                   r"|[A-Za-zＡ-Ｚａ-ｚ0-9０-９][A-Za-zＡ-Ｚａ-ｚ0-9０-９'’&_.\-/]*")




def clean(text: str) -> str:
    """``text`` without control characters (each becomes a space): XML and Graphviz reject them."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def quote(text: str) -> str:
    """A DOT quoted string, the one way every chart quotes (pydot would read ``a:b`` as node ``a`` port ``b``)."""
    return '"' + clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def lines_label(lines: list[str]) -> str:
    """A quoted DOT label of several centered lines."""
    return "\\n".join(quote(line)[1:-1] for line in lines).join('""')


def html_text(text: str) -> str:
    """Text for an HTML-like label: escaped, without control characters."""
    return html.escape(clean(text))


def width(text: str) -> float:
    """Width of ``text`` in ems: wide (CJK, full-width) characters 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)


def _atoms(text: str, limit: float) -> list[str]:
    """``text`` cut where a line may break: between CJK characters and words, never inside a number,
    an article reference, a Latin word or a bracketed group that fits a line; closing marks stay
    with what precedes them, opening marks with what follows."""
    atoms: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _PAIRS.get(ch)
        end = text.find(close, i + 1) if close else -1
        if end > 0 and width(text[i:end + 1]) <= limit:
            atoms.append(text[i:end + 1])  # （子女在國內就學）, (Packing List): one piece
            i = end + 1
            continue
        match = _WORD.match(text, i)
        piece = match.group() if match else ch
        atoms.append(piece)
        i += len(piece)
    joined: list[str] = []
    glue = False  # the previous atom is an opening mark: the next one joins it
    for atom in atoms:
        if joined and (glue or atom[0] in CLOSING):
            joined[-1] += atom
        else:
            joined.append(atom)
        glue = atom[-1] in OPENING and len(atom) == 1
    return joined


def _fill(atoms: list[str], target: float) -> list[str]:
    lines, line = [], ""
    for atom in atoms:
        if line and width(line + atom.rstrip()) > target + 0.01:
            lines.append(line.rstrip())
            line = atom.lstrip()
        else:
            line += atom
    return lines + [line.rstrip()] if line.strip() else lines


def wrap(text: str, limit: float, max_lines: int | None = None) -> list[str]:
    """Lines of about equal width, none wider than ``limit`` ems unless one unbreakable piece is.

    Breaks only between CJK characters, at spaces, or after punctuation:

    >>> wrap("人事單位依撫卹法施行細則第5-1/2條因公死亡認定標準查明事實。", 16)
    ['人事單位依撫卹法施行', '細則第5-1/2條因公死', '亡認定標準查明事實。']
    >>> wrap("調部服務人員提供貨櫃提單（Bill）及物品清單(Packing List)影本各1份", 14)
    ['調部服務人員提供貨櫃提單', '（Bill）及物品清單', '(Packing List)影本各1份']
    >>> wrap("文書、印信、出納、庶務及不屬於各組室事項", 5)
    ['文書、印', '信、出納、', '庶務及不屬', '於各組室事', '項']
    >>> wrap("進口、轉運、轉口及郵遞貨物之通關", 15)
    ['進口、轉運、轉口', '及郵遞貨物之通關']
    >>> wrap("一二三四五六七八九十", 3, max_lines=2)
    ['一二三', '四五…']
    """
    text = clean(text).strip()
    if not text:
        return [""]
    atoms = _atoms(text, limit)
    lines = _fill(atoms, limit)  # greedy filling gives the fewest lines; now make them about even
    target = width(text) / len(lines)
    while target < limit:
        even = _fill(atoms, target)
        if len(even) <= len(lines):
            lines = even
            break
        target += 0.5
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
    return lines
