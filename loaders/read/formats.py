"""Documents as planners have them: the text layer of PDF, Word (.docx) and OpenDocument (.odt) files.

Budget books and procedures are published as PDF, office rules and procedures often as Word or ODF
files.  Each reader returns plain text, one paragraph (or PDF text line) a line, in reading order, for
the genre parsers to read like any text document:

- PDF (pdfminer.six): text boxes in layout order (columns one after the other); the running headers and
  footers a page repeats and page numbers (「- 3 -」, 「第 3 頁」, 「3/12」) are dropped; a PDF without a
  text layer (a scan) or with a password is refused with that reason.
- Word (python-docx): paragraphs and tables in document order; automatic list numbers (「一、」
  「（一）」 「1.」 that Word draws from its numbering definitions and that are not in the text) are
  written out; table rows as 「│cell│cell│」, the way the national database writes its tables.
- OpenDocument text (the standard library's zip and XML readers): the same, numbering from the list
  styles.

>>> sniff(b"%PDF-1.7 ...", "a.bin"), sniff(b"PK\\x03\\x04...", "rules.doc"), sniff(b"hello", "a.txt")
('pdf', None, None)
"""
from __future__ import annotations

import io
import re
from collections import Counter

from graph_model.errors import FormatError
from graph_model.lazy_re import lazy

from .text import RADICALS

MAX_PAGES = 2000  # the longest budget book has a few hundred
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc (Word 97–2003) files


def sniff(data: bytes, path: str) -> str | None:
    """``"pdf"``, ``"docx"``, ``"odt"`` or ``"doc"`` by the file's content (its name only breaks a tie)."""
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == _OLE:
        return "doc"
    if data[:4] != b"PK\x03\x04":
        return None
    import zipfile  # here, like the readers' imports: a text document needs none of them

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "content.xml" in names and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                return "odt"
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


def extract(data: bytes, kind: str) -> tuple[str, dict]:
    """The text of a ``kind`` file (see :func:`sniff`) and what the file says about itself (pages …)."""
    if kind == "doc":
        raise FormatError("is a Word 97–2003 (.doc) file, whose text orggraph does not read",
                          "save it as .docx (or .odt or PDF) and load that")
    reader = {"pdf": pdf_text, "docx": docx_text, "odt": odt_text}[kind]
    text, meta = reader(data)
    if not text.strip():
        raise FormatError(f"has no text in it (an empty {kind.upper()} file)", "give the document with its text")
    return text, {"format": kind, **meta}


# ---------------------------------------------------------------------------------------------- PDF
# A page number alone on a line: 3, - 3 -, — 3 —, 第 3 頁, 第3頁，共12頁, 3/12, 頁 3, Page 3, (3).
_PAGE_NUMBER = lazy(r"^(?:[-–—－\s]*\d{1,4}[-–—－\s]*|第\s*\d{1,4}\s*頁(?:\s*[,，/]?\s*共\s*\d{1,4}\s*頁)?|"
                    r"\d{1,4}\s*/\s*\d{1,4}|頁\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[（(]\d{1,4}[）)])$")
_BAND = 0.06  # running headers and footers sit in the top and bottom 6% of the page (the text below 2 cm)


def pdf_text(data: bytes) -> tuple[str, dict]:
    """Text lines of a PDF in reading order, without running headers, footers and page numbers."""
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about fonts are no user's business
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    pages: list[list[_PdfLine]] = []  # per page, in reading order
    drawn = 0  # pages with anything on them (an image, a figure, a line): a blank page is no scan
    try:
        for n, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams())):
            if n >= MAX_PAGES:
                raise FormatError(f"has more than {MAX_PAGES} pages, far more than any organization document",
                                  "give the part of it that is the document")
            lines = [line for box in page if isinstance(box, LTTextContainer)
                     for line in box if isinstance(line, LTTextLine) and line.get_text().strip()]
            drawn += any(not isinstance(box, LTTextContainer) for box in page)
            pages.append([_PdfLine(ln.x0, ln.x1, ln.y1, ln.y0, page.height, ln.get_text().strip())
                          for ln in _reading_order(lines, page.width)])
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise FormatError("is a password-protected PDF", "save an unprotected copy and load that") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FormatError(f"is a damaged PDF ({type(exc).__name__})", "get the file again or print it to PDF anew") \
            from None
    if not any(pages):
        counted = f"{len(pages)} page{'s' if len(pages) != 1 else ''}"
        if not drawn:
            raise FormatError(f"is a PDF with nothing on its {counted}: no text and no images",
                              "give the document with its text")
        raise FormatError(f"is a PDF without a text layer ({counted} of images, a scan)",
                          "run it through OCR first (e.g. ocrmypdf), or load the document's text version")
    running = _running_lines(pages)
    out: list[str] = []
    previous: list[_PdfLine] = []  # the last page with text
    for page_lines in pages:
        kept = [ln for ln in page_lines if not (ln.in_band and (_PAGE_NUMBER.match(ln.text) or
                                                           _digitless(ln.text) in running))]
        if out and out[-1] and kept and previous and not _fills_column(previous[-1], previous) and \
                not (_SENTENCE_TAIL.fullmatch(kept[0].text) and not re.search(r"[。：；！？]$", previous[-1].text)):
            # The page ended with a short line: its paragraph ended there, but for a sentence's last words
            # carried over (「…其他有關就業服」 + 「務事項。」).
            out.append("")
        out += _unwrapped(kept)
        previous = kept or previous
    return "\n".join(out) + "\n", {"pages": len(pages)}


_SENTENCE_TAIL = lazy(r"[^。：；！？（(、，]{1,8}[。；]")


def _fills_column(line: _PdfLine, lines: list[_PdfLine], chars: float = 0.6) -> bool:
    """The line runs to its column's right edge, to less than ``chars`` characters' width: it was wrapped."""
    edge = max(ln.x1 for ln in lines if ln.x0 < line.x1 and ln.x1 > line.x0)
    return line.x1 >= edge - max(line.top - line.bottom, 1.0) * chars


class _PdfLine:
    __slots__ = ("x0", "x1", "top", "bottom", "text", "in_band")

    def __init__(self, x0, x1, top, bottom, height, text):
        self.x0, self.x1, self.top, self.bottom, self.text = x0, x1, top, bottom, text.translate(RADICALS)
        self.in_band = top > height * (1 - _BAND) or bottom < height * _BAND


# What starts a line of its own, never the rest of the line before: an article, a chapter, a list number.
_STARTS_ITEM = lazy(r"^(?:第\s*[一二三四五六七八九十百\d]+\s*[條章節編款]|[一二三四五六七八九十]+、"
                    r"|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|"
                    r"\d+\s*[.．、]|[-•●■◆▪]\s|[0-9０-９]+[、）)])")


_NO_LINE_START = set("：，。；、）」』！？】〉》")


def _unwrapped(lines: list[_PdfLine]) -> list[str]:
    """Lines as the document has them: a line that runs to its column's right edge goes on in the next one
    (「…特種考試作業」 + 「程序」), unless that one starts an item of its own; a gap of a blank line or more
    is a blank line."""
    out: list[str] = []
    for before, line in zip([None, *lines], lines):
        height = max(before.top - before.bottom, 1.0) if before is not None else 0.0
        if before is not None and before.bottom - line.top > height * 1.2 and line.top < before.bottom:
            out.append("")  # a blank line's gap: the paragraph ended (the next column's top is no gap)
        if before is not None and out and out[-1] and not _STARTS_ITEM.match(line.text):
            # A wrapped line fills its column, but for the character a line may not end with, pulled to the
            # next with the punctuation a line may not start with (如 + 下：); a sentence ends with 。 or ：.
            pulled = 2.2 if line.text[1:2] in _NO_LINE_START else 0.6
            if _fills_column(before, lines, pulled) and -height < before.bottom - line.top < height * 1.2 and \
                    line.x0 - before.x0 < height * 2.5 and not re.search(r"[。：；！？]$", before.text):
                out[-1] += line.text
                continue
        out.append(line.text)
    return out


def _reading_order(lines: list, width: float) -> list:
    """Text lines top to bottom; where the page runs in two columns, the left column before the right.

    A line that crosses the middle of the page (a title, a full-width paragraph) ends a band of columns:
    the columns above it are read first, then it, then what follows.
    """
    middle = width / 2
    out: list = []
    left: list = []
    right: list = []

    def flush():
        out.extend(sorted(left, key=lambda ln: -ln.y1) + sorted(right, key=lambda ln: -ln.y1))
        left.clear()
        right.clear()

    two_columns = sum(ln.x1 < middle for ln in lines) >= 3 and sum(ln.x0 > middle for ln in lines) >= 3
    for line in sorted(lines, key=lambda ln: (-ln.y1, ln.x0)):
        if not two_columns:
            out.append(line)
        elif line.x1 < middle + 4:
            left.append(line)
        elif line.x0 > middle - 4:
            right.append(line)
        else:  # across the gutter
            flush()
            out.append(line)
    flush()
    return out


def _digitless(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _running_lines(pages) -> set[str]:
    """Lines in the header or footer band of at least half the pages (and two): the running heads."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_digitless(ln.text) for ln in lines if ln.in_band})
    return {t for t, n in seen.items() if n >= max(2, len(pages) / 2)}


# ------------------------------------------------------------------------------------ list numbering
def _cn(n: int) -> str:
    from .text import cn_numeral
    return cn_numeral(n) if n < 100 else str(n)


_CAPITAL = "零壹貳參肆伍陸柒捌玖拾"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _number(n: int, fmt: str) -> str:
    """``n`` written in a list-number format of Word (numFmt) or ODF (num-format)."""
    if fmt in ("decimal", "1", "decimalZero"):
        return str(n) if fmt != "decimalZero" else f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2", "１"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("taiwaneseCounting", "taiwaneseCountingThousand", "chineseCounting", "chineseCountingThousand",
               "ideographDigital", "japaneseCounting") or fmt.startswith("一"):
        return _cn(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional") or fmt.startswith("壹"):
        return "".join(_CAPITAL[int(d)] for d in str(n)) if n < 10 else _cn(n).translate(
            str.maketrans("一二三四五六七八九十", "壹貳參肆伍陸柒捌玖拾"))
    if fmt in ("ideographTraditional",) or fmt.startswith("甲"):
        return _STEMS[(n - 1) % 10]
    if fmt in ("lowerLetter", "a", "upperLetter", "A"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt in ("upperLetter", "A") else letter
    if fmt in ("lowerRoman", "i", "upperRoman", "I"):
        roman = _roman(n)
        return roman.upper() if fmt in ("upperRoman", "I") else roman
    if fmt == "decimalEnclosedCircle":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    return ""  # bullet, none


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


class _Counters:
    """The running numbers of one list: a level counts on, the levels below it start again."""

    def __init__(self):
        self.values: dict[int, int] = {}

    def next(self, level: int, start: int) -> dict[int, int]:
        self.values[level] = self.values.get(level, start - 1) + 1
        for deeper in [k for k in self.values if k > level]:
            del self.values[deeper]
        return self.values

    def restart(self, level: int, start: int) -> None:
        self.values[level] = start - 1
        for deeper in [k for k in self.values if k > level]:
            del self.values[deeper]


# -------------------------------------------------------------------------------------------- Word
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes) -> tuple[str, dict]:
    """Paragraphs and table rows of a .docx file, in order, with Word's automatic list numbers."""
    import zipfile
    from xml.etree import ElementTree

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        raise FormatError(f"is a damaged Word file ({type(exc).__name__})", "open and save it again in Word") \
            from None
    lists = _word_levels(document)
    counters: dict[str, _Counters] = {}
    out = []
    for block in document.element.body.iterchildren():
        if block.tag == f"{_W}p":
            text = _word_paragraph(block)
            prefix = _word_prefix(block, document, lists, counters)
            if text or prefix:
                out.append(prefix + text)
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = ["".join(_word_paragraph(p) for p in cell.iter(f"{_W}p")) for cell in row.iter(f"{_W}tc")]
                if any(cells):
                    out.append("│" + "│".join(cells) + "│")
    return "\n".join(out) + "\n", {}


def _word_paragraph(p) -> str:
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        parts.append(node.text or "" if node.tag == f"{_W}t" else " " if node.tag == f"{_W}tab" else "\n")
    return "".join(parts).strip()


class _WordList:
    """A numbering instance (w:num): its abstract list's levels, with the instance's overrides."""

    def __init__(self, abstract: str, levels: dict[int, tuple[str, str, int]], restarts: dict[int, int]):
        self.abstract, self.levels, self.restarts, self.used = abstract, levels, restarts, False


def _word_levels(document) -> dict[str, _WordList]:
    """numId → its list, from the numbering part (level formats, lvlText, start; overrides applied)."""
    try:
        numbering = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return {}
    abstract = {a.get(f"{_W}abstractNumId"): {int(lvl.get(f"{_W}ilvl")): _word_level(lvl) for lvl in a.iter(f"{_W}lvl")}
                for a in numbering.iter(f"{_W}abstractNum")}
    out = {}
    for num in numbering.iter(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        abstract_id = ref.get(f"{_W}val") if ref is not None else ""
        levels, restarts = dict(abstract.get(abstract_id, {})), {}
        for override in num.iter(f"{_W}lvlOverride"):
            ilvl = int(override.get(f"{_W}ilvl"))
            lvl, start = override.find(f"{_W}lvl"), override.find(f"{_W}startOverride")
            if lvl is not None:
                levels[ilvl] = _word_level(lvl)
            if start is not None:
                restarts[ilvl] = int(start.get(f"{_W}val"))
        out[num.get(f"{_W}numId")] = _WordList(abstract_id, levels, restarts)
    return out


def _word_level(lvl) -> tuple[str, str, int]:
    def val(tag: str, default: str) -> str:
        node = lvl.find(f"{_W}{tag}")
        return node.get(f"{_W}val") if node is not None and node.get(f"{_W}val") is not None else default
    return val("numFmt", "decimal"), val("lvlText", ""), int(val("start", "1"))


def _word_prefix(p, document, lists: dict[str, _WordList], counters: dict[str, _Counters]) -> str:
    """The list number Word draws before the paragraph (「一、」), from its own or its style's numPr.

    Instances of one abstract list count on from each other, as in Word, unless an instance restarts a
    level (startOverride) — which it does at its first paragraph.
    """
    num_id = level = None
    ppr = p.find(f"{_W}pPr")
    numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
    style = ppr.find(f"{_W}pStyle") if ppr is not None else None
    if numpr is None and style is not None:
        numpr, level = _style_numpr(document, style.get(f"{_W}val"))
    if numpr is not None:
        node = numpr.find(f"{_W}numId")
        num_id = node.get(f"{_W}val") if node is not None else None
        node = numpr.find(f"{_W}ilvl")
        level = int(node.get(f"{_W}val")) if node is not None else (level or 0)
    word_list = lists.get(num_id or "")
    if word_list is None or level not in word_list.levels:
        return ""
    fmt, text, start = word_list.levels[level]
    running = counters.setdefault(word_list.abstract, _Counters())
    if not word_list.used:
        word_list.used = True
        for ilvl, value in word_list.restarts.items():
            running.restart(ilvl, value)
    values = running.next(level, start)
    if fmt in ("bullet", "none"):
        return ""
    shown = {k: _number(v, word_list.levels.get(k, (fmt, "", 1))[0]) for k, v in values.items()}
    return re.sub(r"%(\d)", lambda m: shown.get(int(m.group(1)) - 1, ""), text)


def _style_numpr(document, style_id: str):
    """The numbering a paragraph style gives (following basedOn), and its level."""
    styles = document.styles.element
    for _ in range(10):
        style = next((s for s in styles.iter(f"{_W}style") if s.get(f"{_W}styleId") == style_id), None)
        if style is None:
            return None, None
        ppr = style.find(f"{_W}pPr")
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None:
            return numpr, 0
        based = style.find(f"{_W}basedOn")
        if based is None:
            return None, None
        style_id = based.get(f"{_W}val")
    return None, None


# ---------------------------------------------------------------------------------------- OpenDocument
_ODF = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0"}


def _q(prefix: str, name: str) -> str:
    return f"{{{_ODF[prefix]}}}{name}"


def odt_text(data: bytes) -> tuple[str, dict]:
    """Headings, paragraphs, list items (with their numbers) and table rows of an .odt file."""
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            content = ElementTree.fromstring(z.read("content.xml"))
            styles = ElementTree.fromstring(z.read("styles.xml")) if "styles.xml" in z.namelist() else None
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise FormatError(f"is a damaged OpenDocument file ({type(exc).__name__})", "open and save it again") \
            from None
    list_styles = {}
    for root in (styles, content):
        for ls in (root.iter(_q("text", "list-style")) if root is not None else ()):
            levels = {}
            for lvl in ls:
                n = int(lvl.get(_q("text", "level"), "1")) - 1
                levels[n] = (lvl.get(_q("style", "num-format"), "") if lvl.tag == _q("text", "list-level-style-number")
                             else "", lvl.get(_q("style", "num-prefix"), ""), lvl.get(_q("style", "num-suffix"), ""),
                             int(lvl.get(_q("text", "start-value"), "1")))
            list_styles[ls.get(_q("style", "name"))] = levels
    body = content.find(f"{_q('office', 'body')}/{_q('office', 'text')}")
    out: list[str] = []
    counters: dict[str, _Counters] = {}
    for node in (body if body is not None else ()):
        _odt_block(node, out, list_styles, counters, None, -1)
    return "\n".join(out) + "\n", {}


def _odt_inline(node) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == _q("text", "s"):
            parts.append(" " * int(child.get(_q("text", "c"), "1")))
        elif child.tag == _q("text", "tab"):
            parts.append(" ")
        elif child.tag == _q("text", "line-break"):
            parts.append("\n")
        elif child.tag not in (_q("text", "note"), _q("office", "annotation")):
            parts.append(_odt_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_block(node, out, list_styles, counters, style, level) -> None:
    if node.tag in (_q("text", "p"), _q("text", "h")):
        text = _odt_inline(node).strip()
        if text:
            out.append(text)
    elif node.tag == _q("text", "list"):
        style = node.get(_q("text", "style-name")) or style
        if level < 0 and node.get(_q("text", "continue-numbering")) != "true":
            counters.pop(style or "", None)
        for item in node:
            if item.tag not in (_q("text", "list-item"), _q("text", "list-header")):
                continue
            children = list(item)
            if item.tag == _q("text", "list-item") and children and \
                    children[0].tag in (_q("text", "p"), _q("text", "h")):
                # The number belongs to the item's paragraph; an item that only holds a deeper list has none.
                fmt, pre, suf, start = list_styles.get(style, {}).get(level + 1, ("", "", "", 1))
                values = counters.setdefault(style or "", _Counters()).next(level + 1, start)
                prefix = pre + _number(values[level + 1], fmt) + suf if fmt else ""
                out.append(prefix + _odt_inline(children.pop(0)).strip())
            for child in children:
                _odt_block(child, out, list_styles, counters, style, level + 1)
    elif node.tag == _q("table", "table"):
        for row in node.iter(_q("table", "table-row")):
            cells = ["".join(_odt_inline(p).strip() for p in cell.iter(_q("text", "p")))
                     for cell in row.iter(_q("table", "table-cell"))]
            if any(cells):
                out.append("│" + "│".join(cells) + "│")
    elif node.tag == _q("text", "section"):
        for child in node:
            _odt_block(child, out, list_styles, counters, style, level)
