"""A stored record read from its parts item by item: never its whole JSON, nor its whole dict.

A record of more than ``store_db.PART`` bytes is stored in parts (a 15 MB office rule: 45 MB of JSON).
Decoding it whole held its bytes, joined, orjson's parse of them (about 11 times their size) and every
item's dict at once.  Here the text is read a part at a time, the containers the writer wrote piece by
piece (``store_records._pieces``: dicts down to depth 2, every list, a procedure's own lists) are walked
here, and every other value is decoded whole by the standard library's scanner (``raw_decode``): an item
of a list is made a record (``records.ITEM_FROM``) as soon as it is read, and its dict is dropped.

>>> import orjson
>>> from graph_model.records.records import ITEM_FROM
>>> d = {"document": {"id": "x"}, "duties": [{"n": 1}, {"n": 2}], "extras": {"agency": ["部"]}}
>>> text = orjson.dumps(d)
>>> read_record([text[:7], text[7:30], text[30:]], {("duties",): lambda x: x["n"]})
{'document': {'id': 'x'}, 'duties': [1, 2], 'extras': {'agency': ['部']}}
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

_SCAN = json.JSONDecoder()
_SPACE = " \t\n\r"
# A list whose items are layouts of their own (records.Each(nested=True)): each item is walked as a record.
NESTED = frozenset({("extras", "procedures")})


def _SKIP(value: Any) -> None:  # noqa: N802 — a marker: the items of a list left out
    return None


class _Text:
    """The record's text as a window over its parts: what is read is dropped when the next part comes."""

    def __init__(self, parts: Iterable[bytes]):
        self._parts = iter(parts)
        self._utf8 = codecs.getincrementaldecoder("utf-8")()  # a character cut between two parts
        self.text, self.at = "", 0

    def more(self) -> bool:
        """Read the next part into the window; False at the end."""
        part = next(self._parts, None)
        if part is None:
            return False
        self.text = self.text[self.at:] + self._utf8.decode(part)
        self.at = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            while self.at < len(self.text) and self.text[self.at] in _SPACE:
                self.at += 1
            if self.at < len(self.text):
                return self.text[self.at]
            if not self.more():
                self._utf8.decode(b"", final=True)  # a cut character at the very end: not UTF-8
                return ""

    def take(self, char: str) -> bool:
        """Step over ``char`` if it comes next."""
        if self.peek() == char:
            self.at += 1
            return True
        return False

    def expect(self, char: str) -> None:
        if not self.take(char):
            raise ValueError(f"expected {char!r} at character {self.at} of a part")

    def value(self) -> Any:
        """The next JSON value, whole (an item: the parts hold many)."""
        self.peek()
        while True:
            try:
                value, end = _SCAN.raw_decode(self.text, self.at)
            except json.JSONDecodeError:
                if self.more():  # the value goes on in the next part
                    continue
                raise
            if end == len(self.text) and self.more():  # a number may go on in the next part
                continue
            self.at = end
            return value


def read_record(parts: Iterable[bytes], items: Mapping[tuple[str, ...], Callable[..., Any]],
                skip: Collection[tuple[str, ...]] = ()) -> dict:
    """The record stored as ``parts`` (its JSON, cut anywhere), with each item of a list at keys in ``items``
    made by that function as it is read; the items of lists at keys in ``skip`` are read and dropped.  Damage
    is a ValueError (json's errors are ones)."""
    text = _Text(parts)
    record = _walk(text, (), 0, {**items, **{keys: _SKIP for keys in skip}})
    if text.peek() != "" or not isinstance(record, dict):
        raise ValueError("not one JSON object")
    return record


def _walk(text: _Text, keys: tuple[str, ...], depth: int, items: Mapping, within: dict | None = None) -> Any:
    """The next value, at ``keys`` of the record; a list's items made by ``items[keys]`` (given the dict that
    holds the list, so far: ``within``)."""
    char = text.peek()
    if char == "{" and depth < 2:
        text.at += 1
        out: dict[str, Any] = {}
        while not text.take("}"):
            if out:
                text.expect(",")
            key = text.value()
            if not isinstance(key, str):
                raise ValueError("a key that is not a string")
            text.expect(":")
            out[key] = _walk(text, keys + (key,), depth + 1, items, out)
        return out
    if char == "[" and depth <= 2:
        text.at += 1
        make, nested = items.get(keys), keys in NESTED
        values: list = []
        first = True
        while not text.take("]"):
            if not first:
                text.expect(",")
            first = False
            value = _walk(text, keys, 0, items) if nested else text.value()
            if make is _SKIP:
                continue
            # A list of a nested item's own (a procedure's steps) is made knowing the item read so far.
            values.append(value if make is None else make(value, within) if len(keys) > 2 else make(value))
        return values
    return text.value()
