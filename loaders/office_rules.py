"""Office rules: 辦事細則 and 處務規程.

Office rules split each 組/處/室 into 科 (and 科 into 股) with their duties.
Their chapters on 文書處理, 財務管理, 會議 … are rules, not structure: the
structure parser skips them so nothing there attaches to the last unit read.
"""
from .structure import parse_document as parse  # noqa: F401  (shared with the other genre)
