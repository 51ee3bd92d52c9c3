"""Reading document files: formats, encoding detection and refusal of non-documents.

Taiwanese government files arrive as UTF-8, UTF-16 (Word exports) or Big5
(older systems); mainland tools produce GB18030.  Files are decoded when the
encoding can be told with confidence; otherwise the user is told what to do.
"""
from __future__ import annotations

import errno
import hashlib
from pathlib import Path

from graph_model.errors import FormatError, LoadError

from .formats import extract, sniff
from .lawjson import decode_law, looks_like_law_json

# The largest document of the national corpus is under 1 MB; a load takes up to about 10× a file's size
# in memory (docs/robustness.md), so this bounds it at about 600 MB.
MAX_BYTES = 64 * 2**20


def _cjk_ratio(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for ch in text
              if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return cjk / max(1, sum(1 for ch in text if not ch.isspace()))


def _truncated_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    """True when ``data`` is valid UTF-8 except for a multi-byte character cut off at its very end.

    >>> data = "關務署".encode()
    >>> _truncated_utf8(data[:-1], UnicodeDecodeError("utf-8", data[:-1], 6, 8, "unexpected end of data"))
    True
    """
    if error.reason != "unexpected end of data" or len(data) - error.start > 3:
        return False
    try:
        data[:error.start].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, path: str = "<text>") -> tuple[str, str]:
    """Decode document bytes; returns ``(text, encoding)`` or raises :class:`LoadError`."""
    if not data.strip():
        raise LoadError(path, "the file is empty", "give a document with text in it")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                problem = "looks truncated" if exc.reason in ("truncated data", "unexpected end of data") \
                    else "is damaged"
                raise LoadError(path, f"starts with a {enc.upper()} byte-order mark but {problem} "
                                f"at byte {exc.start} of {len(data)}",
                                "get the complete file again or re-export it as UTF-8") from None
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM has a NUL in every other byte; anything else with NULs is binary.
        decoded = []
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                decoded.append((_cjk_ratio(data.decode(enc)), enc))
            except UnicodeDecodeError:
                continue
        # Either byte order may decode; the right one reads as Chinese (the other as CJK-looking noise less often).
        for ratio, enc in sorted(decoded, reverse=True):
            if ratio > 0.3:
                return data.decode(enc), enc
        raise LoadError(path, "this is a binary file, not a text document",
                        "export the document as plain text (UTF-8) first")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        _refuse_mojibake(text, path)
        return text, "utf-8"
    if _truncated_utf8(data, utf8_error):
        raise LoadError(path, f"the file looks truncated: it is UTF-8 up to its last character, which is cut off "
                              f"(byte {utf8_error.start} of {len(data)})",
                        "get the complete file again, e.g. download or export it anew")
    # Legacy encodings: accept only a decoding that is clean and mostly Chinese.
    candidates = []
    for enc in ("big5", "cp950", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_ratio(text), enc, text))
    candidates.sort(reverse=True)
    if candidates and candidates[0][0] > 0.5:
        _, enc, text = candidates[0]
        return text, enc
    raise LoadError(path, f"not valid UTF-8 (byte {utf8_error.start}) and not recognizably Big5 or GB18030",
                    "convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8")


# Bytes 0x80–0x9f as Windows-1252 shows them (the five it leaves undefined pass through as Latin-1 does).
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xa0) if b not in (0x81, 0x8d, 0x8f, 0x90, 0x9d)}


def _refuse_mojibake(text: str, path: str) -> None:
    """Refuse UTF-8 text with no Chinese in it that is a Chinese document read in a Western encoding (Latin-1 or
    Windows-1252) and saved again — every character became two or three (「è¡Œæ”¿é™¢」 for 「行政院」): no
    ``--genre`` would make it readable, its bytes must be turned back first.

    >>> _refuse_mojibake("行政院".encode().decode("latin-1"), "x.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    graph_model.errors.LoadError: x.txt: has no Chinese text (wrong encoding?): ...「行政院」) (turn it back: ...)
    """
    if _cjk_ratio(text) > 0.05:
        return
    raw = bytearray()
    western = "LATIN1"
    for ch in text:
        if ord(ch) < 0x100:
            raw.append(ord(ch))
        elif ch in _CP1252_BYTE:
            raw.append(_CP1252_BYTE[ch])
            western = "CP1252"
        else:
            return  # a character neither encoding has: not a Western misreading
    if raw.isascii():
        return
    for enc in ("utf-8", "big5", "gb18030"):
        try:
            original = bytes(raw).decode(enc)
        except UnicodeDecodeError:
            continue
        if _cjk_ratio(original) > 0.5:
            sample = next((ln.strip() for ln in original.splitlines() if ln.strip()), "")[:20]
            name = {"utf-8": "a UTF-8", "big5": "a Big5", "gb18030": "a GB18030"}[enc]
            raise LoadError(path, f"has no Chinese text (wrong encoding?): it is {name} document read as "
                                  f"{'Latin-1' if western == 'LATIN1' else 'Windows-1252'} and saved again "
                                  f"(turned back, it begins 「{sample}」)",
                            f"turn it back: iconv -f UTF-8 -t {western} {path} > fixed.txt")


def read_document(path: str | Path) -> tuple[str, str, str, dict]:
    """Read a document file; returns ``(text, encoding, sha256, metadata)`` (see :func:`read_bytes`)."""
    p = Path(path)
    if not p.exists():
        if link_loop(p):
            raise LoadError(str(path), "is a loop of symbolic links", "point the link at a document file")
        raise LoadError(str(path), "no such file", "check the path")
    if p.is_dir():
        raise LoadError(str(path), "is a directory", "give the document files inside it, e.g. DIR/*.txt")
    if not p.is_file():
        raise LoadError(str(path), "is not a regular file (a device, pipe or socket)", "give a document file")
    if p.stat().st_size > MAX_BYTES:
        raise LoadError(str(path), f"is {p.stat().st_size // 2**20} MB, far larger than any organization document",
                        f"give documents of at most {MAX_BYTES // 2**20} MB")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LoadError(str(path), f"cannot be read: {exc.strerror}", "check its permissions") from None
    return read_bytes(data, str(path))


def link_loop(path: Path) -> bool:
    """Whether ``path`` is a loop of symbolic links (which ``exists()`` calls missing)."""
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def read_bytes(data: bytes, path: str) -> tuple[str, str, str, dict]:
    """Decode a document's bytes; returns ``(text, encoding, sha256, metadata)``.

    A ``.json`` file (or one that starts like a JSON object) is read as a law of the national
    laws database's open-data layout (:mod:`loaders.read.lawjson`); its metadata comes back too.  A PDF,
    Word (.docx) or OpenDocument (.odt) file, told by its content, is read for its text layer
    (:mod:`loaders.read.formats`); the encoding returned is then the format's name.
    """
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data, path)
    if kind:
        try:
            text, meta = extract(data, kind)
        except FormatError as exc:
            raise LoadError(path, exc.problem, exc.fix) from None
        return text, kind, sha, meta
    if path.lower().endswith((".pdf", ".docx", ".odt")):
        raise LoadError(path, f"is named like a {path.rsplit('.', 1)[1].upper()} file but is not one (or is damaged)",
                        "get the file again, or give the document as text")
    if path.lower().endswith(".json") or (not path.lower().endswith(".txt") and looks_like_law_json(data)):
        try:
            text, meta = decode_law(data)
        except ValueError as exc:
            raise LoadError(path, str(exc), "give a law file of the national laws database's open-data JSON "
                            "(one law per file) or a plain-text document") from None
        return text, "law-json", sha, meta
    text, encoding = decode(data, path)
    return text, encoding, sha, {}
