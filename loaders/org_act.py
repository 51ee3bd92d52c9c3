"""Organization acts: 組織法, 組織條例, 組織通則, 組織準則, 組織規程.

An act sets up the agency (本局/本署 …), lists what it 掌理, sets up its units
(處/組/室 …, 分科辦事), and lists posts with ranks and headcounts.  The shared
article conventions live in :mod:`loaders.structure`.
"""
from .structure import parse_document as parse  # noqa: F401  (shared with the other genre)
