"""Reading, the first stage of a load: a document file → its clean text (and what the file says about it).

- :mod:`.reading`  a file's bytes → text: encoding detection, refusal of non-documents (:func:`.reading.read_document`)
- :mod:`.formats`  the text layer of PDF, Word (.docx) and OpenDocument (.odt) files
- :mod:`.lawjson`  the national laws database's open-data JSON → the law's text and metadata
- :mod:`.text`     text conventions every genre parser reads with: cleaning, numerals, logical lines

Nothing here knows a genre: the genre parsers read what these modules give.  Importing the package imports none of its
modules (a PDF's reader is imported only when a PDF is read).
"""
__all__ = ["formats", "lawjson", "reading", "text"]
