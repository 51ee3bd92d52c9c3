"""A council named 會, not 委員會, set up with its members: a committee of the agency, with the lists its name opens.

Each expectation was read from the document's text (quoted beside it); the documents come from the national
laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_a_council_set_up_with_its_members_is_a_committee_with_its_list():
    # 中央研究院組織法 第10條 (A0010016:43): 「中央研究院設評議會，由當然評議員及聘任評議員組織之。」; 第12條:
    # 「中央研究院評議會掌理下列事項：一、議定本院研究學術計畫。…」
    parsed = parse_national("A0010016")
    council = next(u for u in parsed.units if u.path[-1] == "評議會")
    assert council.kind == "Committee" and council.source.line == 43
    assert "議定本院研究學術計畫" in duties_of(parsed, "評議會")
    assert "議定本院研究學術計畫" not in duties_of(parsed, "")  # no longer the academy's own


def test_matters_a_council_settles_in_rules_are_its_own():
    # 中央研究院組織法 第16條: 「下列事項由中央研究院評議會於研究所組織規程定之：…二、研究所所長、副所長及研究所籌備處
    # 主任、副主任資格。」
    assert "研究所所長、副所長及研究所籌備處主任、副主任資格" in duties_of(parse_national("A0010016"), "評議會")


def test_other_councils_and_no_assembly():
    # 公務人員保障暨培訓委員會組織法 第5條: 「本會設保障事件審查會，以專任委員組成，…」; 國防部軍事監獄組織規程 第9條:
    # 「軍事監獄設假釋審查會，置委員七至九人，…」
    assert "保障事件之審查" in duties_of(parse_national("S0010005"), "保障事件審查會")  # 「…，負責保障事件之審查。」
    # and 「關於軍事收容人之假釋事項，應經假釋審查會之決議。」: a matter brought to it
    assert "關於軍事收容人之假釋事項之決議" in duties_of(parse_national("F0000080"), "假釋審查會")
    # 最高軍事法院處務規程: 「本院定期舉行軍事審判官會議」 — a meeting, no council
    assert not any(u.endswith("會議") for u in units_below(parse_national("F0010067")))


def test_a_posts_list_of_duties_is_the_room_it_is_placed_in():
    # 少年及家事法院組織法 第13條 (A0010100:51): 「少年及家事法院設調查保護室，置少年調查官、少年保護官、家事調查官、
    # 心理測驗員、心理輔導員及佐理員。」; 第26條 (:108–109): 「少年保護官應服從法官之監督，執行下列職務：一、掌理由
    # 少年保護官執行之保護處分。」 (the third sample's annotators map these posts' duties to the 室 that 置 them)
    duties = duties_of(parse_national("A0010100"), "調查保護室")
    assert "由少年保護官執行之保護處分" in duties and "調查、蒐集關於少年事件之資料" in duties
