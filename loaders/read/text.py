"""Text conventions shared by all genres: cleaning, numerals, articles, enumerations.

Documents arrive hard-wrapped mid-word, with ASCII or full-width punctuation,
HTML/markdown remnants and debris.  :func:`logical_lines` turns raw text into
*logical lines*: one per heading, enumerated item or paragraph, each knowing its
raw line span, its article (第N條) and chapter, and its enumeration marker.

>>> cn_number("二十四"), cn_number("一百零三"), cn_number("12")
(24, 103, 12)
>>> doc = "第 3 條\\n本局設:\\n一、第一科:國會聯絡、公共關係及新聞聯繫與發布及其他有關事\\n項。\\n（一）文書"
>>> [(l.marker, l.number, l.body) for l in logical_lines(doc)][1:]
[(None, None, '本局設：'), ('cn', 1, '第一科：國會聯絡、公共關係及新聞聯繫與發布及其他有關事項。'), ('pcn', 1, '文書')]
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from graph_model.lazy_re import lazy
from graph_model.records.naming import UNIT_SUFFIX_PATTERN

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "萬": 10000}
CN_NUM = "零〇一二兩三四五六七八九十百千萬"


def cn_number(text: str) -> int | None:
    """Value of a Chinese (or Arabic) numeral such as 十一, 二十四, 一百零三; None if not one."""
    text = text.strip()
    if text.isdigit():
        return int(text) if len(text) <= 12 else None  # a longer "numeral" is noise (and int() refuses 4,301 digits)
    if len(text) > 24:
        return None
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            unit = CN_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
    return total + section + (digit or 0)


_CN = "一二三四五六七八九十"


def cn_numeral(n: int) -> str:
    """Chinese numeral of 1..99 as documents write it (十一, 二十).

    >>> cn_numeral(7), cn_numeral(12), cn_numeral(20)
    ('七', '十二', '二十')
    """
    tens, ones = divmod(n, 10)
    return ((_CN[tens - 1] if tens > 1 else "") + "十" if tens else "") + (_CN[ones - 1] if ones else "")


# --------------------------------------------------------------------- cleaning
_TAG = lazy(r"<[^>\n]{0,400}>")
_IMAGE = lazy(r"\[image:[^\]]*\]")
_BULLET = lazy(r"^\s*(?:[•●▪◦‧・·∙]|[-*+](?=\s))\s*")  # ‧ (U+2027): • as Big5 has it; · as PDFs give it
# Vertical/small presentation forms (︰ in many database texts) that NFC leaves alone.
_PRESENTATION_FORMS = str.maketrans({"︰": "：", "﹕": "：", "︓": "：", "﹔": "；", "︔": "；", "﹐": "，",
                                     "︐": "，", "﹑": "、", "︑": "、", "﹒": "．", "﹙": "（", "﹚": "）",
                                     "︵": "（", "︶": "）"})
# Radicals that PDF text layers give for whole characters (⾏ for 行, ⺠ for 民: the fonts map those glyphs
# there): the Kangxi radicals fold by NFKC, the supplement's full-character forms by this table.
RADICALS = str.maketrans({**{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)},
                           **dict(zip("⺠⻑⻄⻘⻝⻣⻤⻩⻯⻆⻅⺟", "民長西青食骨鬼黃龍角見母"))})
# Never part of a name: control characters, and the bidirectional and zero-width ones that make a name read
# other than it is (graph_model.printable.INVISIBLE).
_CONTROL = lazy(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\u061c\u200b-\u200f\u202a-\u202e"
                r"\u2060-\u2064\u2066-\u2069]")
_SPACES = lazy(r"[ \t]{2,}")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2e80-\u2fff"
_SPACE_NEAR_CJK = lazy(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_PUNCT = [(lazy(r"(?<!\d),|,(?!\d)"), "，"), (lazy(r";"), "；"), (lazy(r":(?!//)"), "："),
          (lazy(r"\("), "（"), (lazy(r"\)"), "）")]


def clean(text: str) -> str:
    """One raw line → plain text: no HTML/markdown, full-width punctuation, no spaces inside Chinese."""
    # NFC folds CJK compatibility ideographs (理 U+F9E4 in seed 001) into the unified ones.
    text = unicodedata.normalize("NFC", html.unescape(_TAG.sub(" ", _IMAGE.sub(" ", text))))
    text = text.replace("**", "").replace("\u3000", " ").replace("\xa0", " ").replace("\t", " ")
    text = text.replace("ㄧ", "一")  # bopomofo yi typed for the numeral one
    text = text.translate(_PRESENTATION_FORMS).translate(RADICALS)
    text = _CONTROL.sub("", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)  # one pass: the space rule below is slow on long runs of blanks
    for pattern, full in _PUNCT:
        text = pattern.sub(full, text)
    return _SPACE_NEAR_CJK.sub("", text).strip()


# ----------------------------------------------------------------- structures
ARTICLE = lazy(rf"^第\s*([{CN_NUM}\d]+(?:\s*[-－之]\s*[{CN_NUM}\d]+)?)\s*條(?:\s*（?(刪除)）?)?\s*(.*)$")
CHAPTER = lazy(rf"^第\s*([{CN_NUM}\d]+)\s*([章節編])\s*(.*)$")
MARKERS = (
    ("pcn", lazy(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*")),
    ("pnum", lazy(r"^[（(]\s*(\d+)\s*[）)]\s*")),
    ("cn", lazy(rf"^([{CN_NUM}]+)\s*[、，]\s*")),
    ("num", lazy(r"^(\d+)\s*[.．](?!\d)\s*")),
    ("numdun", lazy(r"^(\d+)\s*、\s*")),
)
_CONTINUES = lazy(r"^[，。、；：）」』,.;:)]")


def article_label(raw: str) -> str:
    """第 10-1 條 → 第10-1條; 第十條之一 → 第10-1條."""
    parts = re.split(r"\s*[-－之]\s*", raw.strip())
    nums = [str(cn_number(p)) if cn_number(p) is not None else p for p in parts]
    return f"第{'-'.join(nums)}條"


def split_marker(text: str) -> tuple[str | None, int | None, str]:
    """``(style, number, rest)`` of an enumerated line, or ``(None, None, text)``."""
    for style, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            number = cn_number(m.group(1))
            rest = text[m.end():]
            # not 師（一）級, nor 一、二等分局
            if number is not None and rest and not (style == "cn" and (rest[0] in "級等" or
                                                     re.match(rf"^[{CN_NUM}]+(?:、[{CN_NUM}]+)*等", rest))):
                return style, number, rest
    return None, None, text


@dataclass(slots=True)
class Line:
    """A logical line: heading, enumerated item or paragraph."""

    kind: str  # "article" | "chapter" | "item" | "para" | "debris"
    text: str  # full cleaned text, marker included
    start: int  # first raw line (1-based)
    end: int  # last raw line
    article: str | None = None
    chapter: str | None = None
    marker: str | None = None
    number: int | None = None
    body: str = ""  # text after the marker
    deleted: bool = False  # 第N條（刪除）


def _is_debris(raw_lines: list[str], i: int) -> int:
    """Length (in raw lines) of a run of one-character lines starting at i, e.g. a flattened chart."""
    if not raw_lines[i].strip():
        return 0  # a run starts at a character, never at a blank line (8,000 blank lines stay linear)
    j, chars = i, 0
    while j < len(raw_lines):
        s = clean(raw_lines[j])
        if s and (len(s) > 3 or any(ch.isdigit() for ch in s)):
            break
        chars += bool(s)
        j += 1
    return j - i if chars >= 8 else 0


def raw_lines(text: str) -> list[str]:
    """The raw lines of a text as every loader numbers them: \r\n, \r, U+2028 and U+2029 all end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split("\n")


_NAME_END = lazy(rf"\w(?:{UNIT_SUFFIX_PATTERN})。?$")
_BROKEN_NAME = lazy(rf"(?:{UNIT_SUFFIX_PATTERN})$")  # a body that already ends as a name is whole


def logical_lines(text: str) -> list[Line]:
    """Split raw document text into logical lines (see module doc)."""
    raw = raw_lines(text)
    out: list[Line] = []
    article = chapter = None
    current: Line | None = None
    pending_break = True
    last_number: dict[str, int] = {}
    prev_raw = this_raw = ""  # cleaned raw lines: a short line is a heading, not a hard wrap
    i = 0
    while i < len(raw):
        lineno = i + 1
        debris = _is_debris(raw, i)
        if debris:
            body = "".join(clean(r) for r in raw[i:i + debris])
            out.append(Line("debris", body, lineno, i + debris, article, chapter, body=body))
            current, pending_break, i = None, True, i + debris
            continue
        bulleted = bool(_BULLET.match(raw[i]))
        s = clean(_BULLET.sub("", raw[i]))
        i += 1
        if not s:
            pending_break = True
            continue
        m = ARTICLE.match(s)
        if m and (not m.group(3) or m.group(2) or re.match(r"^\s", s[m.start(3) - 1:m.start(3)] or "x")):
            article = article_label(m.group(1))
            out.append(Line("article", s, lineno, lineno, article, chapter, deleted=bool(m.group(2))))
            current, pending_break, last_number = None, True, {}
            if m.group(3) and not m.group(2):
                s = m.group(3)
            else:
                continue
        else:
            c = CHAPTER.match(s)
            if c and len(s) <= 20 and not _CONTINUES.match(s):
                chapter = f"第{cn_number(c.group(1))}{c.group(2)} {c.group(3)}".strip()
                out.append(Line("chapter", s, lineno, lineno, article, chapter, body=c.group(3)))
                current, pending_break = None, True
                continue
        if re.fullmatch(r"\d+", s) and bulleted:  # "• 1": a paragraph (項) number on its own line
            current, pending_break = None, True
            continue
        prev_raw, this_raw = this_raw, s
        style, number, body = split_marker(s)
        if style and current is not None and not pending_break and not bulleted:
            # A marker inside a hard-wrapped paragraph only counts when it continues a sequence.
            expected = last_number.get(style, 0) + 1
            if number not in (1, expected):
                style = None
        wrapped = len(prev_raw) >= 15 and not current.text.endswith(("。", "：")) if current else False
        # 「一、法規委」 + 「員會。」: a list item's unit name broken by a hard wrap.
        wrapped = wrapped or (current is not None and current.kind == "item" and not style and len(s) <= 8
                              and _BROKEN_NAME.search(current.body) is None and _NAME_END.search(current.body + s)
                              is not None and not re.search(r"[，。：；、]", current.body))
        if current is not None and (_CONTINUES.match(s) or
                                    (not style and not pending_break and not bulleted and wrapped)):
            current.text += s
            current.body += s
            current.end = lineno
            pending_break = False
            continue
        if style and number is not None:  # (split_marker gives every style its number)
            last_number[style] = number
            current = Line("item", s, lineno, lineno, article, chapter, style, number, body)
        else:
            current = Line("para", s, lineno, lineno, article, chapter, body=s)
        out.append(current)
        pending_break = False
    return out
