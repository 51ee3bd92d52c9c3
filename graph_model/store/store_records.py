"""What the store keeps of a document, and what a load does with it: records as JSON, the identities that
recognise one document under another name, and the plan of a load (added, replaced, unchanged, kept once).
Shared by the SQLite store and the JSON one."""
from __future__ import annotations

import hashlib
import json

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


def content_hash(d: dict) -> str:
    """What a document says, whatever its file: title, genre, units and duties (not lines)."""
    doc = d["document"]
    digest = hashlib.sha256(f"{doc.get('title') or ''}\x1f{doc.get('genre') or ''}".encode())
    # The parts separated by \x1f, hashed one by one: a large document's texts are not joined into one string.
    for u in d.get("units", []):
        digest.update(("\x1f" + "/".join(u.get("path") or ())).encode())
    for x in d.get("duties", []):
        digest.update(("\x1f" + "/".join(x.get("unit") or ()) + "\x1e" + (x.get("text") or "")).encode())
    return digest.hexdigest()


def updated(d: dict) -> str:
    """The document's 最新異動日期 (its version date), "" when it has none."""
    value = (d["document"].get("meta") or {}).get("updated") or ""
    return value if isinstance(value, str) else dumps(value).decode("utf-8")


def identities(d: dict, content: str) -> tuple[list[tuple], list[tuple]]:
    """``(keys it holds, keys it matches)``: what makes two records the same document.

    The same bytes; or the same content and version date — where a document without a
    date (a .txt) matches any version of its content, and two versions with different
    dates stay two documents (history)."""
    doc = d["document"]
    date = updated(d)
    common = ([("sha", str(doc["sha256"]))] if doc.get("sha256") else []) + [("content", content, date)]
    if date:
        return common + [("dated", content)], common + [("undated", content)]
    return common + [("undated", content)], common + [("dated", content)]


def as_records(documents: dict) -> dict[str, tuple[str, dict]]:
    """``id -> (path, record)`` of ``id -> (path, ParsedDocument or its dict)``: what the store writes of each
    (:func:`graph_model.records.records.to_dict`, whose JSON it keeps).  The record shares its strings with the parsed
    document (decoding its JSON again would copy them all: a large document's memory, twice)."""
    from graph_model.records.records import to_dict
    return {doc_id: (str(path), parsed if isinstance(parsed, dict) else to_dict(parsed))
            for doc_id, (path, parsed) in documents.items()}


def plan(incoming: dict[str, tuple[str, dict]], stored) -> tuple[list[dict], dict[str, tuple[str, dict, str]]]:
    """What a load does: ``(summary rows, writes)``, where writes are ``id -> (path, record, content hash)``
    of the documents added or replaced.  ``stored`` answers ``record(id)`` and ``holder(identity key)``
    (the first stored document, by id, holding that key) about what the store holds now.

    The same document under another name is kept once, under the id it has already: the same
    bytes, or the same content (title, units and duties: a law as .json and as .txt) unless both
    carry a different 最新異動日期 (two versions of one law are both kept, as history)."""
    rows, duplicates, writes = [], [], {}
    seen: dict[tuple, str] = {}  # identity keys of the documents of this load, after the stored ones
    for doc_id, (path, d) in incoming.items():
        content = content_hash(d)
        held, matches = identities(d, content)
        same = None
        for key in matches:
            holder = stored.holder(key) or seen.get(key)
            if holder is not None and holder != doc_id:
                same = holder
                break
        if same:
            duplicates.append({"id": doc_id, "path": path, "action": f"same as {same}",
                               "genre": d["document"]["genre"], "units": 0, "duties": 0, "unplaced": 0})
            continue
        for key in held:
            seen.setdefault(key, doc_id)
        before = stored.record(doc_id)
        # A stored record comes back from JSON (lists where a parse has tuples): compare the two as JSON.
        action = "added" if before is None else "unchanged" if before == loads(dumps(d)) else "replaced"
        if action != "unchanged":
            writes[doc_id] = (path, d, content)
        rows.append({"id": doc_id, "path": path, "action": action, "genre": d["document"]["genre"],
                     "units": len(d["units"]), "duties": len(d["duties"]), "unplaced": len(d["unplaced"])})
    return rows + duplicates, writes


