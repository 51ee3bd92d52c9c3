"""The nineteenth sample's conventions: units named in turn before 各設, one of them miswritten in the document's own
list; the typist's 、 for the comma between the unit set up and its work.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_units_named_in_turn_before_each_sets_up_get_their_rooms():
    # 交通部臺灣鐵路管理局各附屬事業機構暫行組織規程 第2條: 「一、台北機廠：…二、高雄機場：…三、花蓮：…」 (slips);
    # 第4條 「本處台北機廠、高雄機廠各設人事室」; 第5條 「本處台北機廠、高雄機廠、花蓮機廠各設會計室」;
    # 第6條 「本處台北機廠及高雄機廠各設政風室」
    units = set(units_below(parse_national("K0000116")))
    assert {"台北機廠/人事室", "高雄機廠/人事室", "台北機廠/會計室", "高雄機廠/會計室", "花蓮機廠/會計室",
            "台北機廠/政風室", "高雄機廠/政風室"} <= units
    assert "花蓮機廠/人事室" not in units  # 「花蓮機廠置人事管理員一人」: a post, no room


def test_a_slip_comma_between_the_unit_set_up_and_its_work():
    # 國家風景區管理處組織通則 第4條: 「管理處設秘書室、掌理文書、研考、印信、出納、庶務及其他不屬各課、室事項。」
    parsed = parse_national("K0000084")
    assert "秘書室" in units_below(parsed)
    assert "文書、研考、印信、出納、庶務事項" in duties_of(parsed, "秘書室")
