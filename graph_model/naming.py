"""Unit names: splitting full agency names, classifying unit types, ids.

Government names compose: 財政部關務署基隆關 is 財政部 › 關務署 › 基隆關.  The
splitter cuts a name after organization suffixes (部, 署, 局, 關, 委員會, 分署 …)
while keeping each piece at least two characters before its suffix, so that
基隆關稅局 stays whole rather than becoming 基隆關 + 稅局.

>>> split_agency_name("財政部關務署基隆關")
('財政部', '關務署', '基隆關')
>>> split_agency_name("勞動部勞動力發展署各分署")
('勞動部', '勞動力發展署', '各分署')
>>> classify_unit("專利一組")
('Division', '組')
>>> classify_unit("五堵分關")
('BranchOffice', '分關')
"""
from __future__ import annotations

import re
from functools import lru_cache

# Longest first: the splitter and the classifier try them in this order.
AGENCY_SUFFIXES = ("委員會", "市政府", "縣政府", "總局", "總處", "分署", "分局", "分關", "部", "院", "署", "局", "府", "處", "關")

# (suffix, kind) — longest suffixes first so 分關 wins over 關, 委員會 over 會.
_UNIT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("辦事處", "BranchOffice"), ("服務處", "BranchOffice"), ("分關", "BranchOffice"), ("分局", "BranchOffice"),
    ("分署", "BranchOffice"), ("分處", "BranchOffice"), ("分所", "BranchOffice"), ("工務段", "BranchOffice"),
    ("委員會", "Committee"), ("小組", "Committee"),
    ("中心", "Division"), ("大隊", "Division"), ("總隊", "Division"),
    ("燈塔", "Facility"), ("場", "Facility"), ("站", "Facility"), ("所", "Facility"),
    ("總局", "Agency"), ("總處", "Agency"), ("市政府", "Agency"), ("縣政府", "Agency"),
    ("科", "Section"), ("課", "Section"), ("股", "Team"), ("隊", "Section"), ("班", "Team"),
    ("組", "Division"), ("室", "Division"), ("處", "Division"),
    ("部", "Agency"), ("院", "Agency"), ("署", "Agency"), ("局", "Agency"), ("關", "Agency"), ("府", "Agency"),
)

UNIT_SUFFIX_PATTERN = "|".join(sorted({s for s, _ in _UNIT_SUFFIXES}, key=len, reverse=True))

_BODY_EXCEPTIONS = {"各"}  # 各分署: a family of branch offices


def split_agency_name(name: str) -> tuple[str, ...]:
    """Split a full agency name into its hierarchy of agency names.

    Returns a one-element tuple when the name cannot be split soundly.
    """
    return _split(name)


@lru_cache(maxsize=4096)
def _split(name: str) -> tuple[str, ...]:
    n = len(name)
    # best[i] = segmentation of name[i:] as a tuple, or None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[n] = ()
    for i in range(n - 1, -1, -1):
        for suffix in AGENCY_SUFFIXES:
            for j in range(i + 1, n + 1):
                if not name.startswith(suffix, j - len(suffix)) or j - len(suffix) < i:
                    continue
                body = name[i : j - len(suffix)]
                if len(body) < 2 and body not in _BODY_EXCEPTIONS:
                    continue
                if best[j] is None:
                    continue
                candidate = (name[i:j],) + best[j]
                # Prefer the earliest cut (shortest first piece) for a deterministic, natural split.
                if best[i] is None or len(candidate[0]) < len(best[i][0]):
                    best[i] = candidate
    return best[0] if best[0] else (name,)


def classify_unit(name: str) -> tuple[str, str]:
    """Return ``(kind, unit_type)`` of a unit name, e.g. ``('Section', '科')``."""
    for suffix, kind in _UNIT_SUFFIXES:
        if name.endswith(suffix) and (len(name) > len(suffix) or name == "燈塔"):
            return kind, suffix
    return "Division", name[-1:] if name else ""


def classify_agency(name: str) -> tuple[str, str]:
    """Kind of a piece of an agency path: branch offices stay ``BranchOffice``, the rest ``Agency``."""
    kind, unit_type = classify_unit(name)
    if kind == "BranchOffice":
        return kind, unit_type
    for suffix in AGENCY_SUFFIXES:
        if name.endswith(suffix):
            return "Agency", suffix
    return "Agency", unit_type


def unit_id(path: tuple[str, ...] | list[str]) -> str:
    """Stable id of a unit: its path joined with ``/``."""
    return "/".join(path)


_SELF_REFERENCE = re.compile(r"^本(部|院|署|局|關|府|會|處|分署|分局|分關|所|中心)$")


def is_self_reference(word: str) -> bool:
    """True for 本部/本署/本局/本關… — words a document uses for its own organization."""
    return bool(_SELF_REFERENCE.match(word))
