"""The seventeenth sample's conventions (and one of the sixteenth's): units listed in items headed by their
category (業務單位, 輔助單位).

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import parse_national, units_below


def test_units_listed_under_their_category_are_the_agencys():
    # 內政部警政署組織法 第5條: 「本署設下列內部單位，並得分科辦事：一、業務單位：行政組、保安組、教育組、國際組、
    # 交通組、後勤組、保防組、防治組及勤務指揮中心。二、輔助單位：督察室、公共關係室、秘書室、人事室、政風室、會計室、
    # 統計室、資訊室及法制室。」
    units = units_below(parse_national("D0000159"))
    assert {"行政組", "防治組", "勤務指揮中心", "督察室", "公共關係室", "法制室"} <= set(units)
    assert "業務單位" not in units and "輔助單位" not in units
    # 地方行政機關組織準則 第8條: 「一、業務單位：指執行本機關目的之組織。」: a definition of the word, no unit
    units = units_below(parse_national("A0040004"))
    assert not any(u.endswith(("單位", "組織")) for u in units)
