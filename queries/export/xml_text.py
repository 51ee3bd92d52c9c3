"""XML escaping for the GraphML and GEXF exports.

XML 1.0 cannot hold most control characters even as character references, so they
become U+FFFD; everything else round-trips through any XML parser.

>>> text('a<b & "c"\\n')
'a&lt;b &amp; "c"\\n'
>>> attr('a<b & "c"\\n\\x01')
'a&lt;b &amp; &quot;c&quot;&#10;\\ufffd'
"""
from __future__ import annotations

import re

# Characters XML 1.0 forbids (C0 controls but tab, newline, carriage return; surrogates; U+FFFE/U+FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def legal(value) -> str:
    return _ILLEGAL.sub("\ufffd", str(value))


def text(value) -> str:
    """Element content: a parser reads back exactly ``value`` (less illegal characters)."""
    return legal(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attr(value) -> str:
    """A double-quoted attribute value; newlines and tabs are kept as references (parsers would fold them)."""
    return (text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))
