"""The acts genres: organization acts (組織法/條例/通則/準則/規程) and office rules (辦事細則/處務規程)
→ unit, duty, post and headcount records.

- :mod:`.structure`   the parser (:func:`.structure.parse_document`): the document article by article
- :mod:`.paragraphs`  what one paragraph says: an ordered table of rules, one convention each
- :mod:`.patterns`    the conventions of acts and office rules, as the patterns the two above read with
- :mod:`.agency`      the organization a document is about, and the words it uses for itself
- :mod:`.unit_names`  unit names as the documents write them: lists, shared rests, counts, collectives
- :mod:`.posts`       posts (職稱), their headcounts (員額) and ranks (官等/職等)

Office rules' 文書/財務/會議 rules are read as procedures (:mod:`loaders.procedures.procedure_rules`).
Importing the package imports none of its modules.
"""
__all__ = ["agency", "paragraphs", "patterns", "posts", "structure", "unit_names"]
