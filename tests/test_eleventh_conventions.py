"""Conventions the eleventh hand-checked sample (eval/eleventh) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import parse_national, units_below

parse, below = parse_national, units_below


def test_a_count_counts_the_names_between_enumeration_commas():
    # K0000118 臺中港務局組織條例「六、資訊室：設規劃及設計、資料管理及操作二課」: two 課, each named with 及 inside
    units = below(parse("K0000118"))
    assert {"資訊室/規劃及設計課", "資訊室/資料管理及操作課"} <= set(units)
    assert not [u for u in units if u.endswith(("資訊室/操作課", "資訊室/資料管理課", "二課"))]
    # K0010056 臺中港務局辦事細則「資訊室設規劃及設計科、資料管理及操作二科」: the first already carries its 科
    units = below(parse("K0010056"))
    assert {"資訊室/規劃及設計科", "資訊室/資料管理及操作科"} <= set(units)
    assert "資訊室/操作科" not in units


def test_a_store_of_parts_set_up_beside_sections_is_a_unit():
    # K0010049 基隆港務局辦事細則「機務組設船機、機具、供應三科及材料配件庫，分別掌理下列事項：」
    units = below(parse("K0010049"))
    assert {"機務組/船機科", "機務組/機具科", "機務組/供應科", "機務組/材料配件庫"} <= set(units)
    # K0000086 高雄港務局組織條例「五、機務組：設機具、船機二課及配件庫，…」
    assert "機務組/配件庫" in below(parse("K0000086"))


def test_a_signal_station_a_section_sets_up_below_it_is_its_unit():
    # K0010063 花蓮港務局辦事細則「航管科下設信號台。」 after the 港務組's list
    assert "港務組/航管科/信號台" in below(parse("K0010063"))
    # K0010035 高雄港務局辦事細則「航管科下設管制台。」
    assert "港務組/航管科/管制台" in below(parse("K0010035"))


def test_a_granary_and_transit_sheds_set_up_beside_units_are_units():
    # K0000071 臺中港務局棧埠管理處組織條例「設各等通棧（倉庫）、穀倉及貨櫃儲運場」: three facilities, 通棧 the kind
    # of every class (glossed 倉庫), not one unit 「穀倉及貨櫃儲運場」
    units = below(parse("K0000071"))
    assert {"通棧", "穀倉", "貨櫃儲運場"} <= set(units)
    assert "穀倉及貨櫃儲運場" not in units
    # K0010051 基隆港務局棧埠管理處辦事細則「本處設倉儲課、…、各等通棧（倉庫）、…、貨櫃儲運場、…」
    assert "通棧" in below(parse("K0010051"))


def test_a_section_an_item_sets_up_may_set_up_its_own_below_it():
    # K0000103 花蓮港務局組織條例「一、港務組：設港灣、航管二課，並在航管課下設信號台，分別掌理…」
    assert "港務組/航管課/信號台" in below(parse("K0000103"))
    # K0000118 臺中港務局組織條例「一、港務組：設港灣、繫船、號誌三課及船舶管理所，並在號誌課下設信號台，…」
    assert "港務組/號誌課/信號台" in below(parse("K0000118"))
