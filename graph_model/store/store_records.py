"""What the store keeps of a document, and what a load does with it: records as JSON, the identities that
recognise one document under another name, and the plan of a load (added, replaced, unchanged, kept once).
Shared by the SQLite store and the JSON one."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

import orjson


def dumps(obj) -> bytes:
    """JSON with sorted keys (equal content, equal bytes).  orjson: the whole government (25 MB) is
    written in a tenth of the standard encoder's time."""
    try:
        return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)
    except (TypeError, orjson.JSONEncodeError):  # e.g. an integer beyond 64 bits
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def loads(data: bytes):
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data.decode("utf-8"))  # raises the standard errors the callers handle


def content_hash(d) -> str:
    """What a document says, whatever its file: title, genre, units and duties (not lines).  ``d``: a record
    dict, or the :class:`ParsedDocument` it is made of (the same hash).

    Units are named from the document's own agency down: a law's .json places it under the body its 法規類別 files
    it in (總統府 › 中央研究院), which the same law as a .txt cannot know — where it sits is not what it says."""
    parsed = not isinstance(d, dict)
    doc = Record(d).document
    agency = tuple(d.agency if parsed else (d.get("extras") or {}).get("agency") or ())

    def own(path) -> str | None:
        """``path`` from the agency's own name down; None for a unit above it (the body it is filed under)."""
        path = tuple(path or ())
        if not agency:
            return "/".join(path)
        if path[:len(agency)] == agency:
            return "/".join(path[len(agency) - 1:])
        return None if agency[:len(path)] == path else "/".join(path)

    digest = hashlib.sha256(f"{doc.get('title') or ''}\x1f{doc.get('genre') or ''}".encode())
    # The parts separated by \x1f, hashed one by one: a large document's texts are not joined into one string.
    for path in (u.path for u in d.units) if parsed else (u.get("path") for u in d.get("units", [])):
        if (name := own(path)) is not None:
            digest.update(("\x1f" + name).encode())
    duties = ((x.unit, x.text) for x in d.duties) if parsed else \
        ((x.get("unit"), x.get("text")) for x in d.get("duties", []))
    for unit, text in duties:
        digest.update(("\x1f" + (own(unit) or "") + "\x1e" + (text or "")).encode())
    return digest.hexdigest()


def updated(document: dict) -> str:
    """The document's 最新異動日期 (its version date), "" when it has none (``document``: a record's "document")."""
    value = (document.get("meta") or {}).get("updated") or ""
    return value if isinstance(value, str) else dumps(value).decode("utf-8")


def identities(document: dict, content: str) -> tuple[list[tuple], list[tuple]]:
    """``(keys it holds, keys it matches)``: what makes two records the same document (``document``: a
    record's "document", ``content``: its :func:`content_hash`).

    The same bytes; or the same content and version date — where a document without a
    date (a .txt) matches any version of its content, and two versions with different
    dates stay two documents (history)."""
    date = updated(document)
    common = ([("sha", str(document["sha256"]))] if document.get("sha256") else []) + [("content", content, date)]
    if date:
        return common + [("dated", content)], common + [("undated", content)]
    return common + [("undated", content)], common + [("dated", content)]


class Record:
    """A document as the store writes it: its parsed records (a :class:`ParsedDocument`, or a record dict read
    from a JSON store or the samples) in place, turned into JSON a few records at a time by :meth:`pieces`."""

    __slots__ = ("parsed", "document")

    def __init__(self, parsed):
        self.parsed = parsed
        if isinstance(parsed, dict):
            self.document: dict = parsed["document"]
        else:
            from graph_model.records.records import plain  # here: a command that writes nothing needs none
            self.document = plain(parsed.document)

    def count(self, key: str) -> int:
        """How many ``units``, ``duties`` or ``unplaced`` it has."""
        return len(self.parsed[key] if isinstance(self.parsed, dict) else getattr(self.parsed, key))

    def as_dict(self) -> dict:
        from graph_model.records.records import to_dict
        return self.parsed if isinstance(self.parsed, dict) else to_dict(self.parsed)

    def pieces(self) -> Iterator[bytes]:
        """``dumps(self.as_dict())`` in pieces: the top level's and ``extras``' lists a batch of records at a
        time (a record dict's key order is orjson's, sorted by code point).  A batch is its records' dicts and
        their JSON: a large document's record is never one dict nor one string."""
        from graph_model.records.records import layout
        yield from _pieces(self.parsed if isinstance(self.parsed, dict) else layout(self.parsed), 0)


BATCH = 500  # records made plain and encoded at once


def _pieces(value, depth: int) -> Iterator[bytes]:
    if isinstance(value, dict) and depth < 2:
        yield b"{"
        for n, key in enumerate(sorted(value)):
            yield (b"," if n else b"") + dumps(key) + b":"
            yield from _pieces(value[key], depth + 1)
        yield b"}"
    elif hasattr(value, "nested") and value.nested:  # records.Each of records with lists of their own
        yield b"["
        for n, item in enumerate(value.items):
            if n:
                yield b","
            yield from _pieces(value.convert(item), 0)
        yield b"]"
    elif isinstance(value, list) or hasattr(value, "convert"):  # a list, or records.Each
        items, convert = (value, None) if isinstance(value, list) else (value.items, value.convert)
        yield b"["
        for start in range(0, len(items), BATCH):
            batch = items[start:start + BATCH]
            yield (b"," if start else b"") + dumps([convert(x) for x in batch] if convert else batch)[1:-1]
        yield b"]"
    else:
        yield dumps(value)


def digest(doc_id: str, pieces: Iterable[bytes]) -> str:
    """A row's digest: the SHA-256 of its id and its record (the record given in pieces)."""
    sha = hashlib.sha256(doc_id.encode("utf-8") + b"\0")
    for piece in pieces:
        sha.update(piece)
    return sha.hexdigest()


def plan(incoming: dict[str, tuple[str, object]], stored) -> tuple[list[dict], dict[str, tuple[str, Record, str]]]:
    """What a load does: ``(summary rows, writes)`` of ``id -> (path, ParsedDocument or its dict)``, where writes
    are ``id -> (path, record, content hash)`` of the documents added or replaced.  ``stored`` answers
    ``digest(id)`` (of its row: :func:`digest`) and ``holder(identity key)`` (the first stored document, by id,
    holding that key) about what the store holds now.

    The same document under another name is kept once, under the id it has already: the same
    bytes, or the same content (title, units and duties: a law as .json and as .txt) unless both
    carry a different 最新異動日期 (two versions of one law are both kept, as history)."""
    rows, duplicates, writes = [], [], {}
    seen: dict[tuple, str] = {}  # identity keys of the documents of this load, after the stored ones
    for doc_id, (where, parsed) in incoming.items():
        path, record = str(where), Record(parsed)
        content = content_hash(parsed)
        held, matches = identities(record.document, content)
        same = None
        for key in matches:
            holder = stored.holder(key) or seen.get(key)
            if holder is not None and holder != doc_id:
                same = holder
                break
        if same:
            duplicates.append({"id": doc_id, "path": path, "action": f"same as {same}",
                               "genre": record.document["genre"], "units": 0, "duties": 0, "unplaced": 0})
            continue
        for key in held:
            seen.setdefault(key, doc_id)
        before = stored.digest(doc_id)
        # Compared as JSON, by digest: equal records are equal bytes (sorted keys; a parse's tuples are lists).
        action = "added" if before is None else "unchanged" if before == digest(doc_id, record.pieces()) \
            else "replaced"
        if action != "unchanged":
            writes[doc_id] = (path, record, content)
        rows.append({"id": doc_id, "path": path, "action": action, "genre": record.document["genre"],
                     "units": record.count("units"), "duties": record.count("duties"),
                     "unplaced": record.count("unplaced")})
    return rows + duplicates, writes
