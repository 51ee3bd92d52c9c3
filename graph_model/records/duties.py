"""Duty text: normalization (one node per duty) and catch-all/residual flags.

>>> normalize_duty("關於政風法令之擬訂事項。")
'政風法令之擬訂事項'
>>> duty_flags("其他有關稽查事項")
(True, False)
>>> duty_flags("不屬其他各組、室事項")
(False, True)

A catch-all is a duty that is nothing but the "anything else" clause that closes a
list: 其他有關…事項, 其他交辦事項, 關務之其他事項, 本處其他相關業務.  A real duty
that merely names 其他 inside it stays a duty:

>>> [duty_flags(t)[0] for t in ("關務之其他事項", "其他上級交辦事項", "辦理其他有關人事事項", "長官交辦事項")]
[True, True, True, True]
>>> [duty_flags(t)[0] for t in ("國會聯絡、公共關係及新聞聯繫與發布及其他有關事項", "協助其他機關事項",
...                             "受理委託代徵之各種稅捐及其他政府機關委託辦理事項",
...                             "出納、財務、營繕、採購及其他事務管理")]
[False, False, False, False]
"""
from __future__ import annotations

from graph_model.lazy_re import lazy

_ASCII_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})
_SPACE = lazy(r"\s+")
_LEAD = lazy(r"^(?:關於|有關)(?=.{2,})")
_TRAIL = lazy(r"[。．.；;，,、\s]+$")
_OTHER = r"(?:其他|其它)"
_CATCH_ALL = lazy(
    rf"^(?:辦理|處理|掌理|執行|負責|以及|及|並|暨)?{_OTHER}"  # 其他有關稽查事項, 其他交辦事項
    # 關務之其他事項, 本處其他相關業務: a short topic, then nothing but "other matters" (no list around it)
    rf"|^(?:[^、，；及與暨或之]{{1,8}}之|[本該][^、，；及與暨或之]{{1,4}}?){_OTHER}(?:有關|相關)?"
    r"[^、，；及與暨或之]{0,10}(?:事項|業務|事務)$"
    r"|(?:交辦|指派|臨時)(?:之)?(?:事項|業務)$")
_RESIDUAL = lazy(r"不屬(?:於)?(?:其他)?(?:本\w)?各")


def normalize_duty(text: str) -> str:
    """Canonical form of a duty statement: trimmed, full-width punctuation, no 關於 lead-in."""
    text = _SPACE.sub("", text).translate(_ASCII_TO_FULL)
    text = _TRAIL.sub("", text)
    return _LEAD.sub("", text)


def duty_flags(text: str) -> tuple[bool, bool]:
    """``(catch_all, residual)`` for a normalized duty text."""
    residual = bool(_RESIDUAL.search(text))
    return (not residual and bool(_CATCH_ALL.search(text))), residual
