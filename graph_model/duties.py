"""Duty text: normalization (one node per duty) and catch-all/residual flags.

>>> normalize_duty("關於政風法令之擬訂事項。")
'政風法令之擬訂事項'
>>> duty_flags("其他有關稽查事項")
(True, False)
>>> duty_flags("不屬其他各組、室事項")
(False, True)
"""
from __future__ import annotations

import re

_ASCII_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})
_LEAD = re.compile(r"^(?:關於|有關)(?=.{2,})")
_TRAIL = re.compile(r"[。．.；;，,、\s]+$")
_CATCH_ALL = re.compile(r"^(?:其他|其它)|(?:交辦|指派|臨時)(?:之)?(?:事項|業務)$")
_RESIDUAL = re.compile(r"不屬(?:於)?(?:其他)?(?:本\w)?各")


def normalize_duty(text: str) -> str:
    """Canonical form of a duty statement: trimmed, full-width punctuation, no 關於 lead-in."""
    text = re.sub(r"\s+", "", text).translate(_ASCII_TO_FULL)
    text = _TRAIL.sub("", text)
    return _LEAD.sub("", text)


def duty_flags(text: str) -> tuple[bool, bool]:
    """``(catch_all, residual)`` for a normalized duty text."""
    residual = bool(_RESIDUAL.search(text))
    return (not residual and bool(_CATCH_ALL.search(text))), residual
