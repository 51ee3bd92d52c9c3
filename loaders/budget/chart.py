"""A budget book's organization chart (組織系統圖) and overview (組織概況): the units they name.

Extraction lays a chart out in many ways — its boxes run together after the heading
(「組織系統圖：署長副署長綜合規劃組…」), one box per line, or a row of boxes per line — and an
overview says the same in prose (「設數位策略司、…及法制處等12個內部單位；所屬機關為數位產業署及資通安全署」).
Posts (署長, 主任秘書, 人事管理員) are boxes of the chart but no units.
"""
from __future__ import annotations

import re

from graph_model.lazy_re import lazy
from loaders.common import UNIT_NAME, split_unit_list

# 「二、組織系統圖：…」, 「貳、組織系統」, 「二、組織概況」: the heading, and what follows it on its line.
HEADING = lazy(r"^(?:[壹貳參肆伍陸柒捌玖拾]、)?(?:組織(?:系統|架構)(?:圖|表)?|組織概況)(?:[：:](?P<boxes>.*))?$")
_POSTS = lazy(r"(?:副)?(?:主任委員|主任秘書|秘書長|(?:[政常]務)?次長|(?:分|中心)?[署局處部所館院會廠校關]長"
              r"|總經理|總幹事)"
              r"|(?:參事|技監|顧問|委員(?!會))|(?:人事管理|主計|會計|統計|政風)員|[（(]\d+[）)]")
_BOX = lazy(r"\w{1,16}?(?:委員會|中心|分署|分局|辦事處|大隊|組|室|科|課|處|隊|站|所|館|關|司|署)")
# The chart ends where the book's next part or a sentence begins (「…人事室 貳、施政目標與重點 一、提升…。」).
_END = lazy(r"[壹貳參肆伍陸柒捌玖拾][、．.]|[一二三四五六七八九十]、|。")
_SPLIT = lazy(r"[\s、，,│|─┌┐└┘├┤┬┴┼]+")
# 「設A、B及C等12個內部單位」, 「所屬機關為X及Y」: the overview's units and subordinate agencies.
_SETS_UP = lazy(r"設(?:有)?(?P<names>[^，。；：]+?)等?(?:\d+|[一二三四五六七八九十]+)?個?(?:內部)?單位")
_SUBORDINATES = lazy(r"所屬(?:機關|機構)(?:為|有|計有|包括)[：:]?(?P<names>[^，。；]+?)(?:等\S{0,4})?(?:[，。；]|$)")


def chart_units(boxes: str) -> list[str]:
    """Units of an organization chart whose boxes extraction ran together; posts (署長, 主任秘書) left out.

    >>> chart_units("署長副署長主任秘書綜合規劃組大氣觀測組秘書室人事室臺灣南區氣象中心")
    ['綜合規劃組', '大氣觀測組', '秘書室', '人事室', '臺灣南區氣象中心']
    >>> chart_units("局長副局長秘書室人事室基隆關臺北關 貳、施政目標與重點 一、強化查緝作業及資訊處。")
    ['秘書室', '人事室', '基隆關', '臺北關']
    """
    names = []
    boxes = _END.split(boxes, maxsplit=1)[0]
    for piece in _SPLIT.split(_POSTS.sub(" ", boxes)):
        names += [n for n in _BOX.findall(piece) if UNIT_NAME.fullmatch(n)]
    return list(dict.fromkeys(names))


def chart_line(text: str) -> list[str] | None:
    """The units of a line that holds only a chart's boxes and posts (「主任秘書參事」 gives none); None when
    the line holds anything else, where a chart laid out one row per line ends.

    >>> chart_line("中醫藥基礎研究組"), chart_line("人事管理員"), chart_line("綜合規劃處服務業競爭處")
    (['中醫藥基礎研究組'], [], ['綜合規劃處', '服務業競爭處'])
    >>> chart_line("本所以提升中醫藥研究水準為目標") is None, chart_line("預算員額表") is None
    (True, True)
    """
    names: list[str] = []
    for piece in _SPLIT.split(_POSTS.sub(" ", text)):
        found = _BOX.findall(piece)
        if "".join(found) != piece or not all(UNIT_NAME.fullmatch(n) for n in found):
            return None
        names += found
    return names


def overview_units(text: str) -> tuple[list[str], list[str]]:
    """``(units, subordinate agencies)`` an overview's prose names.

    >>> overview_units("本部置部長，設數位策略司、秘書處及法制處等3個內部單位；所屬機關為數位產業署及資通安全署。")
    (['數位策略司', '秘書處', '法制處'], ['數位產業署', '資通安全署'])
    """
    units = [n for m in _SETS_UP.finditer(text) for n in split_unit_list(m.group("names"))]
    agencies = [n for m in _SUBORDINATES.finditer(text) for n in split_unit_list(m.group("names"))]
    return units, agencies


def heading_boxes(body: str) -> str | None:
    """What follows a chart or overview heading on its line ('' when nothing); None when the body is none."""
    m = HEADING.match(re.sub(r"\s", "", body))
    return None if m is None else m.group("boxes") or ""
