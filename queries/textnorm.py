"""Text normalization for lookup: the same function folds indexed text and queries.

:func:`fold` maps a text to a *key* of exactly the same length, so that a match
found in the key can be highlighted in the original text:

- full-width letters and digits → half-width, lower case (``ＡＢＣ１`` → ``abc1``);
- Simplified → Traditional Chinese (Taiwan standard) with OpenCC ``s2tw``
  (``缉私`` → ``緝私``), applied to both sides so that its choices never split
  a query from the text it should find (``污``/``汙`` land on one form);
- variant characters folded onto one form (``台`` → ``臺``, ``裏`` → ``裡`` …);
- everything that is not a letter, digit or CJK character → a space (a
  boundary that n-grams do not cross).

:func:`clean_query` removes what makes a question a question (誰, 哪個單位,
負責, 辦理 at the edges, ？, 呢 …), so that those words never dominate a match.

>>> fold("缉私案件")
'緝私案件'
>>> fold("台中關（保稅組）")
'臺中關 保稅組 '
>>> fold("ＡＢＣ１２")
'abc12'
>>> clean_query("誰負責國會聯絡？")
'國會聯絡'
>>> clean_query("哪個單位辦理檔案管理？")
'檔案管理'
>>> clean_query("保稅工廠監管由哪個單位負責")
'保稅工廠監管'
>>> clean_query("有關外僑所得稅的業務")
'外僑所得稅'
>>> clean_query("高雄關的稽查組管哪些事？")
'高雄關 稽查組'
>>> clean_query("誰兼辦政風業務？")
'政風'
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from graph_model.records.naming import VARIANTS  # applied after s2tw too, to both sides

OPENCC_CONFIG = "s2tw"


_converter = None
_triggers: Triggers | None = None


def _opencc():
    global _converter
    if _converter is None:
        import opencc  # imported on first use: it costs ~40 ms to set up
        _converter = opencc.OpenCC(OPENCC_CONFIG)
    return _converter


class Triggers(frozenset):
    """The characters OpenCC ``s2tw`` may change, and for those it changes only inside some phrases
    (``合`` in 上合屋 → 上閤屋, ``才`` in 刚才 → 剛纔), those phrases.

    OpenCC changes a text only where one of its dictionaries holds a key that is a substring of the
    text and converts otherwise than to itself; a text with none of those converts to itself.  So a
    text without a trigger converts to itself, and so does one whose triggers all change only in
    phrases (:attr:`phrases`) of which it holds none.  :meth:`to_text` and :func:`trigger_set` write
    and read the set as one string (the lookup index keeps it; a string of bare characters reads as
    a set without phrases: every trigger then loads OpenCC).
    """

    phrases: Mapping[str, tuple[str, ...]] | None = None  # phrase-only character -> the phrases it is in

    def unchanged(self, text: str) -> bool:
        """Does OpenCC surely convert ``text`` to itself?"""
        if self.isdisjoint(text):
            return True
        phrases = self.phrases
        if phrases is None:
            return False
        met = self.intersection(text)
        return all(ch in phrases for ch in met) and not any(p in text for ch in met for p in phrases[ch])

    def to_text(self) -> str:
        if self.phrases is None:
            return "".join(sorted(self))
        keys = sorted({p for ps in self.phrases.values() for p in ps})
        return "\n".join(["".join(sorted(self)), "".join(sorted(self.phrases)), " ".join(keys)])


def trigger_set(text: str) -> Triggers:
    """The :class:`Triggers` that :meth:`Triggers.to_text` wrote as ``text``."""
    chars, _, rest = text.partition("\n")
    found = Triggers(chars)
    if rest:
        only, _, keys = rest.partition("\n")
        phrases: dict[str, list[str]] = {ch: [] for ch in only}
        for key in keys.split():
            for ch in dict.fromkeys(key):
                if ch in phrases:
                    phrases[ch].append(key)
        found.phrases = {ch: tuple(ps) for ch, ps in phrases.items()}
    return found


def opencc_triggers() -> Triggers:
    """Characters that OpenCC ``s2tw`` may change; text without any of them converts to itself.

    Computed from the converter's own dictionaries: for each entry, the characters
    whose conversion differs (every character of an entry whose conversion has another length).
    The lookup index stores this set, so that a query with none of these characters, or whose
    characters change only in phrases it does not hold (:class:`Triggers`), skips loading OpenCC.
    """
    global _triggers
    if _triggers is None:
        conv = _opencc()
        conv.convert("")  # make sure the dictionaries are loaded
        chars: set[str] = set()
        always: set[str] = set()  # changed alone or in an entry of another length: no phrase test
        phrases: list[tuple[str, str]] = []  # (entry, its differing characters) of the same length

        def walk(node):
            if isinstance(node, list):
                for n in node:
                    walk(n)
                return
            _max, _min, mapping = node
            for key, value in mapping.items():
                first = value.split(" ")[0]
                if len(first) != len(key):
                    chars.update(key)
                    always.update(key)
                else:
                    differ = "".join(k for k, v in zip(key, first) if k != v)
                    chars.update(differ)
                    if len(key) == 1:
                        always.update(differ)
                    elif differ:
                        phrases.append((key, differ))

        walk(conv._dict_chain_data)
        only = chars - always
        keys = {key for key, differ in phrases if only.issuperset(differ)}  # an entry changing an
        # `always` character needs no test: a text holding it is converted anyway
        found = Triggers(chars)
        found.phrases = {ch: tuple(sorted(k for k in keys if ch in k)) for ch in only}
        _triggers = found
    return _triggers


def _to_traditional(text: str, triggers: frozenset[str] | str | None) -> str:
    if isinstance(triggers, Triggers):
        if triggers.unchanged(text):
            return text
    elif triggers is not None and (triggers if isinstance(triggers, frozenset)
                                   else frozenset(triggers)).isdisjoint(text):
        return text
    out = _opencc().convert(text)
    if len(out) != len(text):  # keep keys aligned with the text: convert one character at a time
        conv = _opencc()
        out = "".join(c if len(c) == 1 else ch for ch, c in ((ch, conv.convert(ch)) for ch in text))
    return out


def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch.lower() if ch.isalnum() else " "
    n = unicodedata.normalize("NFKC", ch)
    if len(n) == 1:
        ch = n.lower() if n.isascii() else n
    return ch if is_content(ch) else " "


def is_content(ch: str) -> bool:
    """Letters, digits and CJK ideographs carry meaning; the rest only separates."""
    return ch.isalnum() or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class _FoldTable(dict):
    """``ord(ch) -> _fold_char(ch)``, filled as characters are met: ``str.translate`` with it
    folds a text at C speed (indexing the whole government folds 24,000 texts)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str, triggers: frozenset[str] | str | None = None) -> str:
    """The lookup key of ``text``: same length, one key character per text character.

    ``triggers`` (see :func:`opencc_triggers`) lets a caller skip OpenCC for text
    that it would not change.
    """
    text = text.translate(_FOLD).translate(VARIANTS)
    return _to_traditional(text, triggers).translate(VARIANTS)


# ------------------------------------------------------------------ questions
# Question words, longest first.  They are removed wherever they occur.
_QUESTION = re.compile(
    r"請問|是不是|是否|(?:要|該|應該|可以)?(?:去|到)?(?:找|問|洽|洽詢|詢問|聯絡|送到|送)(?=誰|哪)|"
    r"(?:是)?(?:由)?哪(?:一|些|個|个)?(?:個)?(?:中央|政府|公家)?(?:單位|機關|機構|部門|部會|組室|科室|科|組|室|處|局|署|部|會議|會|館|院|課|股|人)|"
    r"(?:管|做|負責|辦理|掌理|處理)(?:哪些|什麼|甚麼)(?:事情|事項|事務|業務|工作|職掌|事)?|"
    r"(?:哪些|什麼|甚麼)(?:事情|事項|事務|業務|工作|職掌|事)|"
    r"什麼單位|甚麼單位|什麼機關|何單位|何機關|哪裡|哪裏|"
    r"(?:是)?(?:由)?誰(?:在)?(?:管(?![理制考轄]))?|什麼|甚麼|怎麼|如何"
)
# Characters that glue a chatty question together (我想知道…要送到…): a query breaks at one of
# them when neither pair it forms with its neighbours occurs anywhere in the indexed text.
FUNCTION_CHARS = frozenset("我們你您想要會能該請問是了在到去給讓把有就都也還這那哪麼誰找洽如果")

# Verbs of "being in charge", removed at the edges of what remains (辦理檔案管理 → 檔案管理).
# 處理/管理/執行 are not among them: at an edge they are usually content (案件之處理, 檔案管理).
_CHARGE = "負責|主辦|承辦|兼辦|辦理|掌理|掌管|主管|業管|負擔"
_LEAD = re.compile(rf"^(?:(?:{_CHARGE})(?:的)?)+")
_TRAIL_WORDS = ("是", "由", "歸", "的", *_CHARGE.split("|"), "呢", "嗎", "吗", "啊", "呀", "吧", "單位", "機關")
_PARTICLES = re.compile(r"[的呢嗎吗啊呀吧]")


# Words that only frame a topic: dropped at the start (有關保稅 → 保稅) and as a part of their own.
_FRAME_LEAD = re.compile(r"^(?:有關|關於|相關|其他有關)(?=..)")
_FILLER = {"業務", "事項", "事務", "工作", "相關", "有關", "關於", "職掌", "問題"}
# Words that only say "matters of" after a topic (政風業務, 統計事項, 人事相關事宜): dropped at the end
# of a part, so that they neither decide a ranking nor, absent from the documents, reject a match.
# (事務 and 工作 are not among them: at the end they can be content, 一般事務, 社會工作.)
_FILLER_TAIL = re.compile(r"(?<=..)(?:相關|有關|之|的)?(?:業務|事項|事宜)$")

# Standard short forms of words in government text (環境保護 → 環保).  The index adds the short
# form wherever the long one occurs, so that a query using either finds the text.
ABBREVIATIONS = {
    "環境保護": "環保", "原住民": "原民", "智慧財產": "智財", "國有財產": "國產", "消費者保護": "消保",
    "全民健康保險": "健保", "勞工保險": "勞保", "公務人員保險": "公保", "衛生福利": "衛福",
    "國家賠償": "國賠", "行政院": "政院", "科學工業園區": "科學園區", "加工出口區": "加工區",
    "政府採購": "採購", "資通安全": "資安", "災害防救": "防救災", "職業訓練": "職訓",
    "就業服務": "就服", "研究發展": "研發", "管制考核": "管考", "公共關係": "公關",
}


def short_forms(key: str) -> list[str]:
    """Short forms (:data:`ABBREVIATIONS`) of the long words in a folded key.

    >>> short_forms("環境保護教育政策、方案之研訂")
    ['環保']
    """
    return [short for long, short in ABBREVIATIONS.items() if long in key]


def _strip_trail(part: str, words=_TRAIL_WORDS) -> str:
    """``part`` without its longest suffix made of ``words`` (辦理的單位, 由誰…負責); linear in ``part``.

    >>> _strip_trail("檔案管理由哪個單位負責"), _strip_trail("負責")
    ('檔案管理由哪個', '')
    """
    n = len(part)
    whole = [False] * n + [True]  # whole[i]: part[i:] is made of words
    start = n
    for i in range(n - 1, -1, -1):
        whole[i] = any(part.startswith(w, i) and whole[i + len(w)] for w in words)
        if whole[i]:
            start = i
    return part[:start]


def clean_query(query: str, triggers: frozenset[str] | str | None = None) -> str:
    """The content words of a query: question words, particles and charge verbs at the edges removed.

    Works on the folded query (see :func:`fold`); returns the folded query
    unchanged when stripping would leave fewer than two characters.
    """
    key = " ".join(fold(query, triggers).split())
    stripped = _PARTICLES.sub(" ", _QUESTION.sub(" ", key))
    parts = [_strip_trail(_FILLER_TAIL.sub("", _strip_trail(_LEAD.sub("", _FRAME_LEAD.sub("", part)))))
             for part in stripped.split()]
    result = " ".join(p for p in parts if p and p not in _FILLER)
    return result if len(result.replace(" ", "")) >= 2 else key
