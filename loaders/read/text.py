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

An indented Arabic numeral and a space is the typist's 1. (G0310021's 股 duties):

>>> [(l.marker, l.body) for l in logical_lines("第 4 條\\n (一) 文書股：\\n      1 公文收發、整理及歸檔。")][2:]
[('num', '公文收發、整理及歸檔。')]

A sub-item numbered out of turn after an item that ends its sentence is still an item (G0310016's 徵課處, whose
（五） is followed by （八） and then its 第五科, written short):

>>> doc = "第 4 條\\n四、第四科：\\n（一）稅捐之建議。\\n（二）關稅配額之研訂。\\n（五）函告事件之處理。\\n五、第五科："
>>> [(l.kind, l.marker, l.number) for l in logical_lines(doc)][2:]
[('item', 'pcn', 1), ('item', 'pcn', 2), ('item', 'pcn', 5), ('item', 'cn', 5)]
"""
from __future__ import annotations

import html
import re
import unicodedata

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
# 「人事室掌理人事管理等事宜。分設三股，各股之職掌如下：'」 (G0310013): a typist's stray quote after a list's colon.
_STRAY_QUOTE = lazy(r"(?<=[：:])\s*['`]+\s*$")
_PUNCT = [(lazy(r"(?<!\d),|,(?!\d)"), "，"), (lazy(r";"), "；"), (lazy(r":(?!//)"), "："),
          (lazy(r"\("), "（"), (lazy(r"\)"), "）")]


def clean(text: str) -> str:
    """One raw line → plain text: no HTML/markdown, full-width punctuation, no spaces inside Chinese.

    >>> clean("人事室掌理人事管理等事宜。分設三股，各股之職掌如下：'")
    '人事室掌理人事管理等事宜。分設三股，各股之職掌如下：'
    """
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
    if "'" in text or "`" in text:
        text = _STRAY_QUOTE.sub("", text)
    return _SPACE_NEAR_CJK.sub("", text).strip()


# ----------------------------------------------------------------- structures
ARTICLE = lazy(rf"^第\s*([{CN_NUM}\d]+(?:\s*[-－之]\s*[{CN_NUM}\d]+)?)\s*條(?:\s*（?(刪除)）?)?\s*(.*)$")
_ARTICLE_SPACED = lazy(rf"^\s*第\s*[{CN_NUM}\d０-９]+(?:\s*[-－之]\s*[{CN_NUM}\d０-９]+)?\s*條[ \t\u3000]+\S")
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


class Line:
    """A logical line: heading, enumerated item or paragraph.

    ``body``, the text after the marker, is kept as where it begins in ``text`` when it ends it (nearly
    always): a large document's lines are most of what its parse holds, and a copy of each text a third.
    So ``text`` changes only through :meth:`extend` and :meth:`cut`, which keep ``body`` what it was."""

    __slots__ = ("kind", "text", "start", "end", "article", "chapter", "marker", "number", "deleted", "_body")
    kind: str  # "article" | "chapter" | "item" | "para" | "debris"
    text: str  # full cleaned text, marker included
    start: int  # first raw line (1-based)
    end: int  # last raw line
    article: str | None
    chapter: str | None
    marker: str | None
    number: int | None
    deleted: bool  # 第N條（刪除）
    _body: str | int  # the body, or where it begins in text

    def __init__(self, kind: str, text: str, start: int, end: int, article: str | None = None,
                 chapter: str | None = None, marker: str | None = None, number: int | None = None, body: str = "",
                 deleted: bool = False):
        self.kind, self.text, self.start, self.end = kind, text, start, end
        self.article, self.chapter, self.marker, self.number, self.deleted = article, chapter, marker, number, deleted
        self.body = body

    @property
    def body(self) -> str:
        body = self._body
        return self.text[body:] if isinstance(body, int) else body

    @body.setter
    def body(self, value: str) -> None:
        self._body = len(self.text) - len(value) if self.text.endswith(value) else value

    def extend(self, s: str) -> None:
        """The line goes on with ``s`` (a hard wrap): text and body."""
        body = self.body
        self.text += s
        self.body = body + s

    def cut(self, whole: str) -> None:
        """The line is only ``whole``, the start of its text (the rest is a list's next items)."""
        body = self.body
        body = body[:len(body) - (len(self.text) - len(whole))]
        self.text = whole
        self.body = body

    def __eq__(self, other: object) -> bool:  # (and unhashable), as the dataclass it was
        return isinstance(other, Line) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return "Line(" + ", ".join(f"{k}={v!r}" for k, v in self._fields().items()) + ")"

    def _fields(self) -> dict:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end, "article": self.article,
                "chapter": self.chapter, "marker": self.marker, "number": self.number, "body": self.body,
                "deleted": self.deleted}


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
_NAME_REST = lazy(r"[：:，,；;、－—─]|掌理|辦理|負責")  # where the rest of a broken name ends


# 「本處設下列各課室分掌事項：一、總務課－掌理…。二、會計課－…」: a list on one line (as text extracted from a PDF
# has it): an item's marker after the intro's colon (a list begins: 一 or （一）), or after a sentence's end (the
# next number of a list going on), or at the line's start.
_INLINE_MARK = lazy(rf"(?:^|(?<=[。；;：:）)]))\s*(?=[（(]?\s*(?:[{CN_NUM}]+|\d+)\s*[）)、，.．])")
# 「一　企劃處。」, 「一  教務處：掌理註冊…」 (Q0000001, D0000022): an old marker, the numeral and a space (which the
# cleaning drops between Chinese characters); not 「三  十、感染管制室。」, 三十 padded to align with 二十九.
_SPACED_MARK = lazy(rf"^\s*([{CN_NUM}]{{1,3}})[ \u3000\t]+(?![{CN_NUM}]+\s*[、，])(?=[\u4e00-\u9fff（(])")
# 「      1 公文收發、整理及歸檔。」, 「      1 C1  進口報單之收單。」 (G0310021, G0310004, G0310002): an indented
# Arabic numeral and a space, the typist's 1. under a （一） item.
_SPACED_NUM_MARK = lazy(r"^(\s+)(\d{1,2})[ \u3000]+(?=[\u4e00-\u9fff（(]|[A-Z]\d?\s*[\u4e00-\u9fff、])")
# 「二、第二科： (科技發展科)(一) …」: an aside after the colon before the list begins.
_COLON_ASIDE = lazy(r"[：:]\s*[（(][^（）()]{1,12}[）)]\s*$")


def inline_items(s: str, going_on: dict[str, int] | None = None) -> list[str]:
    """A line holding a whole list (or the rest of one), cut into its intro and items; ``[s]`` when it holds
    none.  ``going_on``: the next number of each marker style of the list the line goes on with.

    >>> inline_items("本處設下列各課室分掌事項：一、總務課－掌理文書事項。二、會計課－掌理歲計事項。")
    ['本處設下列各課室分掌事項：', '一、總務課－掌理文書事項。', '二、會計課－掌理歲計事項。']
    >>> inline_items("本局設一、二等分局。"), inline_items("一、文書事項。")
    (['本局設一、二等分局。'], ['一、文書事項。'])
    >>> inline_items("事項。二、第二科：（一）關於計畫事項。（二）其他事項。", going_on={"cn": 2, "pcn": 4})
    ['事項。', '二、第二科：', '（一）關於計畫事項。', '（二）其他事項。']
    """
    expected = dict(going_on or {})
    cuts: list[int] = []
    inside: list[tuple[int, str, int]] = []  # the cuts after the line's start: (where, style, number)
    for m in _INLINE_MARK.finditer(s):
        style, number, _ = split_marker(s[m.end():])
        if style is None or number is None:  # 一、 （一） 1. (1) 1、 as a budget book numbers its items
            continue
        if m.start() == 0:
            take = number == 1 or bool(going_on) and expected.get(style) == number
        elif s[m.start() - 1] in "：:" or _COLON_ASIDE.search(s, 0, m.start()):
            take = number == 1  # a list (or a list inside an item) begins
        elif s[m.start() - 1] in "）)":
            continue
        else:  # the list going on, or one beginning after a sentence (「…派兼之。一、研究發展組。二、…」)
            take = expected.get(style) == number or not cuts and number == 1
        if take:
            cuts.append(m.end())
            expected[style] = number + 1
            if m.start() > 0:
                inside.append((m.start(), style, number))
    # Only a list that goes on (a 二 after its 一) is cut, or the acts' 「…下列事項：一、…」 wrapped after its first
    # item; 「…。一、」 alone is none, nor a procedure's run-in 「…平均領受：（1）子女…為限（2）父母…」.
    lone = len(inside) == 1 and inside[0][2] == 1
    if not inside or lone and not (inside[0][1] in ("cn", "pcn") and
                                   (s[inside[0][0] - 1] in "：:" or _COLON_ASIDE.search(s, 0, inside[0][0]))):
        return [s]
    pieces = [s[:cuts[0]]] + [s[a:b] for a, b in zip(cuts, cuts[1:] + [len(s)])]
    pieces = [p.strip() for p in pieces if p.strip()]
    return pieces if len(pieces) > 1 else [s]


def logical_lines(text: str, run_in_lists: bool = True) -> list[Line]:
    """Split raw document text into logical lines (see module doc).

    ``run_in_lists``: cut a list written on one line into its items (:func:`inline_items`); a procedure's
    note keeps its run-in list (「遺族需無下列情形：（1）…；（2）…」 is one rule)."""
    raw = raw_lines(text)
    out: list[Line] = []
    article = chapter = None
    current: Line | None = None
    pending_break = True
    last_number: dict[str, int] = {}
    prev_raw = this_raw = ""  # cleaned raw lines: a short line is a heading, not a hard wrap
    i = 0
    queue: list[str] = []  # the rest of a list written on one line (inline_items)
    cut_last = False
    while i < len(raw) or queue:
        cut_before = cut_last
        cut_last = bool(queue) and len(queue) == 1  # this piece ends a raw line that a one-line list was cut from
        if queue:  # the next item of a one-line list, on the same raw line
            s, bulleted, pending_break = queue.pop(0), False, True
        else:
            lineno = i + 1
            debris = _is_debris(raw, i)
            if debris:
                body = "".join(clean(r) for r in raw[i:i + debris])
                out.append(Line("debris", body, lineno, i + debris, article, chapter, body=body))
                current, pending_break, i = None, True, i + debris
                continue
            bulleted = bool(_BULLET.match(raw[i]))
            # 「第二條　本局設…」: the article's text after a space on its line, as Word files write it (cleaning
            # drops the space between CJK characters; 「第二條規定…」 with none goes on a wrapped sentence)
            spaced = bool(_ARTICLE_SPACED.match(raw[i]))
            s = clean(_SPACED_NUM_MARK.sub(r"\1\2.", _SPACED_MARK.sub(r"\1、", _BULLET.sub("", raw[i]))))
            i += 1
            if not s:
                pending_break = True
                continue
            m = ARTICLE.match(s)
            if m and (not m.group(3) or m.group(2) or spaced or re.match(r"^\s", s[m.start(3) - 1:m.start(3)] or "x")):
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
            going_on = {st: n + 1 for st, n in last_number.items()} if current is not None and \
                current.kind == "item" else None
            prev_raw, this_raw = this_raw, s  # the whole raw line, however a one-line list is cut
            s, *queue = inline_items(s, going_on) if run_in_lists else [s]
        style, number, body = split_marker(s)
        if style and current is not None and not pending_break and not bulleted:
            # A marker inside a hard-wrapped paragraph only counts when it continues a sequence.
            expected = last_number.get(style, 0) + 1
            # (「並在號誌課下設第」 + 「一、第二信號臺…」, K0000086: 第 is always followed by its number)
            # 「…脊椎外科。」 + 「四、麻醉部：…」 after 「四、骨科部」, then 「五、」 「七、」 (F0000031): after a full
            # stop, a number one off the sequence is the text's slip, not a wrapped sentence
            # 「（五）…之研訂。」 + 「（八）…之處理。」, 「（七）…」 + 「（六）…」 + 「（九）…」 (G0310016, G0310003):
            # after an item of the same marker that ends its sentence, any number past the first is the next item,
            # its number the typist's slip (a sentence wrapped after its full stop does not begin with a marker)
            slip = current.text.endswith("。") and number is not None and (
                abs(number - expected) == 1 or current.kind == "item" and current.marker == style and number > 1)
            if number not in (1, expected) and not slip or current.text.endswith("第"):
                style = None
        # (「…。四、檢驗科：」 + 「各科病患…」: the last item cut from a long line goes on past its colon)
        wrapped = len(prev_raw) >= 15 and (not current.text.endswith(("。", "：")) or
                                           cut_before and current.text.endswith("：")) if current else False
        # 「一、法規委」 + 「員會。」, 「二、訴願審議委」 + 「員會：掌理訴願事項。」: a list item's unit name broken
        # by a hard wrap (the name's rest up to its colon, dash, 、 or verb).
        rest_of_name = _NAME_REST.split(s, maxsplit=1)[0]
        wrapped = wrapped or (current is not None and current.kind == "item" and not style and len(rest_of_name) <= 8
                              and _BROKEN_NAME.search(current.body) is None
                              and _NAME_END.search(current.body + rest_of_name) is not None
                              and not re.search(r"[，。：；、]", current.body))
        if current is not None and (_CONTINUES.match(s) or
                                    (not style and not pending_break and not bulleted and wrapped)):
            current.extend(s)
            current.end = lineno
            pending_break = False
            if current.kind in ("item", "para") and run_in_lists:
                # 「…事項。六」 + 「、警務處掌理…」, 「…下列事項：一」 + 「、第一課：…」: a marker cut by the wrap
                going = {**{st: n + 1 for st, n in last_number.items()}, current.marker: current.number} \
                    if current.kind == "item" and current.marker is not None and current.number is not None else None
                whole, *rest = inline_items(current.text, going)
                if rest:
                    current.cut(whole)
                    queue = rest + queue
            continue
        if style and number is not None:  # (split_marker gives every style its number)
            last_number[style] = number
            current = Line("item", s, lineno, lineno, article, chapter, style, number, body)
        else:
            current = Line("para", s, lineno, lineno, article, chapter, body=s)
        out.append(current)
        pending_break = False
    return out
