"""Organization acts: 組織法, 組織條例, 組織通則, 組織準則, 組織規程.

An act sets up the agency (本局/本署 …), lists what it 掌理, sets up its units
(處/組/室 …, 分科辦事), and lists posts with ranks and headcounts.  The shared
article conventions live in :mod:`loaders.structure`.
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
