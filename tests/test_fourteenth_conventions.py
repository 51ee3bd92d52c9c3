"""The fourteenth sample's conventions: a unit an item sets up by name to do its work (設…組辦事); a body a later
clause sets up besides (並另設); an office named with its officer (人事室或人事管理員) is set up.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_an_item_that_sets_up_one_named_unit_to_do_its_work():
    # 法務部矯正署少年矯正學校辦事細則 第4條: 「矯正學校設下列處、隊、室：一、教務處，分教學、註冊及設備三組辦事。
    # …三、輔導處，設輔導組辦事。」
    units = units_below(parse_national("I0010100"))
    assert "輔導處/輔導組" in units
    assert {"教務處/教學組", "教務處/註冊組", "教務處/設備組"} <= set(units)


def test_a_later_clause_sets_up_another_body_besides():
    # 行政院農業委員會林務局暫行組織規程 第11條: 「本局於臺灣省各地區劃分為若干林區，各設林區管理處；並另設農林航空
    # 測量所，其暫行組織規程另定之。」
    units = units_below(parse_national("M0000017"))
    assert {"林區管理處", "農林航空測量所"} <= set(units)


def test_an_office_or_its_officer_names_the_office():
    # 經濟部產業園區管理局各分局辦事細則 第4條: 「未設人事室、政風室及主計室之分局，置人事管理員、政風員及主計員。」
    # 第10條: 「人事室或人事管理員掌理分局人事事項。」 第12條: 「主計室或主計員掌理分局歲計、會計及統計事項。」
    parsed = parse_national("J0010066")
    assert {"人事室", "政風室", "主計室"} <= set(units_below(parsed))
    assert "分局人事事項" in duties_of(parsed, "人事室")
    assert "分局歲計、會計及統計事項" in duties_of(parsed, "主計室")
