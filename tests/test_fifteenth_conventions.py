"""The fifteenth sample's conventions: an aside in brackets between an item's unit and its colon; a list's kinds
joined by 及 name no unit; a duty article's subject with a character put inside a listed unit's name names
it; a room placed (置) with its posts is set up.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_an_aside_in_brackets_after_an_items_unit_is_no_part_of_its_name():
    # 財政部臺中關稅局辦事細則 第4條: 「進口課掌理進口貨物通關、核估、徵課及查驗等事宜。分設六股，各股之職掌如左：
    # …二、業務二、三股 (業務二股負責稅則第四十六章至第九十七章，業務三股負責稅則第一章至第四十五章) ：
    # (一) 連線 C2 、C3  及未連線進口報單之分類估價、複核、銷證及放行。」
    parsed = parse_national("G0310020")
    assert {"進口課/業務二股", "進口課/業務三股", "進口課/業務四股"} <= set(units_below(parsed))
    assert "後送行李、三角貿易及國貨復進口案件之處理" in duties_of(parsed, "進口課/業務三股")
    # 行政院衛生署國民健康局辦事細則 第4條: 「社區健康組分設三科，各科掌理事項如下：一、第一科 (衛生所功能再造科) ：
    # (一) 關於衛生所保健醫療服務政策之訂定及執行督導事項。」
    parsed = parse_national("L0010011")
    units = units_below(parsed)
    assert {"社區健康組/第一科", "社區健康組/第二科", "社區健康組/第三科"} <= set(units)
    assert not any("（" in u for u in units)
    assert "關於衛生所保健醫療服務政策之訂定及執行督導事項" in duties_of(parsed, "社區健康組/第一科")


def test_a_lists_kinds_joined_by_and_name_no_unit():
    # 財政部臺中關稅局辦事細則 第3條: 「本局設左例各課、室、隊、艦及支局：一、進口課。…十六、加工出口區支局。」
    units = units_below(parse_national("G0310020"))
    assert "艦及支局" not in units
    assert {"進口課", "會計室", "機動巡查隊", "加工出口區支局"} <= set(units)


def test_a_duty_articles_fuller_name_of_a_listed_unit_names_that_unit():
    # 行政院衛生署樂生療養院辦事細則 第4條: 「本院設下列科、室：…十、放射科。」 第14條: 「放射線科掌理事項如下：
    # 一、各科門診、急診及住院病人放射線檢查及治療相關事項。」
    parsed = parse_national("L0010043")
    units = units_below(parsed)
    assert "放射科" in units and "放射線科" not in units
    assert "各科門診、急診及住院病人放射線檢查及治療相關事項" in duties_of(parsed, "放射科")
    # 行政院衛生署管制藥品管理局辦事細則 第4條: 「…秘書室…」; 「主任秘書辦公之處所稱主任秘書室。」 第5條:
    # 「主任秘書室掌理事項如下：」: a word put before a name names another unit
    parsed = parse_national("L0000028")
    assert "關於文稿審核事項" in duties_of(parsed, "主任秘書室")


def test_a_room_placed_with_its_posts_is_set_up():
    # 交通部民用航空局航空隊暫行組織規程 第6條: 「本隊置會計室，置會計主任、佐理員，依法辦理歲計、會計及統計事項。」
    parsed = parse_national("K0000049")
    assert "會計室" in units_below(parsed)
    assert "歲計、會計及統計事項" in duties_of(parsed, "會計室")
    # 內政部警政署警察機械修理廠暫行組織規程 第6條: 「本廠置會計室，置會計主任、組員，依法辦理歲計、會計及統計事項。」
    assert "會計室" in units_below(parse_national("D0000101"))
