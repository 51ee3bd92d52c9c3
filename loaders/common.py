"""Helpers shared by the genre loaders: the document's own agency, duty lists, unit lists.

>>> split_duties("掌理印信典守及文書、檔案之管理；出納、財務之管理；其他有關事項。")
['印信典守及文書、檔案之管理', '出納、財務之管理', '其他有關事項']
>>> split_unit_list("徵課處、稅則處、資料處理處及法制室")
['徵課處', '稅則處', '資料處理處', '法制室']
>>> agency_from_title("財政部國有財產署北區分署辦事細則")
'財政部國有財產署北區分署'
"""
from __future__ import annotations

import re

from graph_model.naming import UNIT_SUFFIX_PATTERN, classify_agency, split_agency_name
from graph_model.records import Source, UnitRecord

from .text import Line

GENRE_WORDS = (r"(?:暫行|臨時)?(?:組織(?:及辦事細則|規程準則|自治條例|法|條例|通則|準則|規程|規則|章程|簡則)"
               r"|辦事細則|處務規程|處務規則|預算總說明)")
GENRE_SUFFIX = re.compile(rf"(?:及其?所屬(?:各級|各)?(?:機關(?:\(構\)|（構）)?)?|所屬各機關|各機關)?(?:{GENRE_WORDS})?$")
GENRE_TITLE = re.compile(rf"{GENRE_WORDS}$")
ALIAS_DEF = re.compile(r"([^，。；：（）「」\s]{2,40}?)\s*[（(]\s*以下簡稱「?([^）)」]{1,12})」?\s*[）)]")
_LEAD_IN = re.compile(r"^.*(?:依據|依照|依|為|由|特設|設立|設置|設)(?=[^依為由設]{3,}$)")
_DATED = re.compile(r"\s*[（(][^（）()]{0,12}\d{2,3}\s*[.．]\s*\d{1,2}\s*[.．]\s*\d{1,2}\s*\S{0,4}[）)]\s*$")


def agency_from_title(title: str) -> str:
    """The organization a title names: genre words and a version date （96.02.14訂定） removed.

    >>> agency_from_title("交通部公路總局各區監理所辦事細則（92.04.15 訂定）"), agency_from_title("某某館暫行組織規程")
    ('交通部公路總局各區監理所', '某某館')
    """
    return GENRE_SUFFIX.sub("", undated_title(title))


def undated_title(title: str) -> str:
    """A title without the version date the database appends to older versions."""
    return _DATED.sub("", "".join(title.split()))


def is_genre_title(line: str) -> bool:
    """True for a document title: it ends with the genre's words (組織法, 辦事細則 …) and is no sentence."""
    title = undated_title(line)
    return bool(GENRE_TITLE.search(title)) and len(title) <= 60 and not re.search(r"[，。：；]", title) \
        and len(agency_from_title(title)) >= 2


def aliases_defined(text: str) -> list[tuple[str, str]]:
    """``(name, short)`` pairs from 「…（以下簡稱本局）」 definitions, lead-in words removed."""
    out = []
    for m in ALIAS_DEF.finditer(text):
        name = _LEAD_IN.sub("", m.group(1))
        out.append((name, m.group(2)))
    return out


def agency_records(full_name: str, source: Source, aliases: tuple[str, ...] = ()) -> list[UnitRecord]:
    """Unit records for every level of a full agency name (財政部 › 關務署 › 基隆關)."""
    path = split_agency_name(full_name)
    records = []
    for depth in range(1, len(path) + 1):
        kind, unit_type = classify_agency(path[depth - 1])
        own = depth == len(path)
        records.append(UnitRecord(path[:depth], kind, unit_type, source,
                                  full_name="".join(path[:depth]), aliases=aliases if own else ()))
    return records


_DUTY_LEAD = re.compile(r"^(?:其)?(?:分別)?(?:掌理|綜理|辦理|負責)(?:下列|左列)?(?:事項|業務)?[：:]?")
_JOINER = re.compile(r"^(?:並|及|且|但|其|應|得|由|如|以|與|暨|或|則)")


def split_duties(text: str) -> list[str]:
    """Split a run-on duty statement into duties at ； and ，/。 boundaries."""
    text = _DUTY_LEAD.sub("", text.strip())
    parts: list[str] = []
    for chunk in re.split(r"[；;]|。(?!$)", text):
        for piece in re.split(r"[，,]", chunk):
            piece = piece.strip().rstrip("。.")
            if not piece:
                continue
            if parts and (_JOINER.match(piece) or len(piece) < 3) and not parts[-1].endswith("；"):
                parts[-1] += "，" + piece
            else:
                parts.append(piece)
        if parts:
            parts[-1] += "；"  # chunk boundary: never join across ；
    return [p.rstrip("；") for p in parts if p.rstrip("；")]


UNIT_NAME = re.compile(rf"[^，。；：、（）「」\s]{{1,24}}?(?:{UNIT_SUFFIX_PATTERN})")


def split_unit_list(text: str, strict: bool = False) -> list[str]:
    """Names in 「A、B、C及D」: each piece must end with a unit suffix.

    Pieces that are not unit names are dropped; with ``strict`` a single such
    piece means the text is no list of units at all (「職員加班、差假之核簽」) and
    nothing is returned.

    >>> split_unit_list("職員加班、差假之核簽與登記"), split_unit_list("職員加班、差假之核簽與登記", strict=True)
    (['職員加班'], [])
    """
    pieces = re.split(r"[、，,]|(?<=[組處室科課股局署關會心隊所站場])(?:及|與|暨|和)", text)
    names = []
    for p in pieces:
        p = p.strip()
        if p and UNIT_NAME.fullmatch(p):
            names.append(p)
        elif p and strict:
            return []
    return names


def source_of(line: Line, doc: str, item: str | None = None) -> Source:
    return Source(doc, line.start, line.end, line.article, item)
