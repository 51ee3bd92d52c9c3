"""Office rules: 辦事細則 and 處務規程.

Office rules split each 組/處/室 into 科 (and 科 into 股) with their duties.
Their chapters on 文書處理, 財務管理, 會議 … are rules, not structure: the
structure parser skips them so nothing there attaches to the last unit read.
"""
from __future__ import annotations

from graph_model.records import Document, ParsedDocument

from .agency import document_agency
from .posts import document_posts
from .structure import StructureParser
from .text import logical_lines


def parse(text: str, document: Document) -> ParsedDocument:
    lines = logical_lines(text)
    parsed = ParsedDocument(document)
    agency, self_names = document_agency(lines, parsed)
    if not agency:
        return parsed
    StructureParser(parsed, agency, self_names).run(lines)
    posts = document_posts(lines, document.id, agency, parsed.units, self_names)
    if posts:
        parsed.extras["posts"] = posts
    return parsed
