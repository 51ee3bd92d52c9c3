"""Posts' units read from lists and prose: a list of units is its members, a count of unnamed units of a
kind marks its posts per unit.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import parse_national, units_below


def _posts(pcode: str) -> dict[str, set[tuple[str, str | None]]]:
    """Each post's title → (its unit's path under the agency, the unit it is per) for every record of it."""
    parsed = parse_national(pcode)
    n = len(parsed.agency)
    out: dict[str, set[tuple[str, str | None]]] = {}
    for p in parsed.posts:
        if getattr(p, "title", None):
            out.setdefault(p.title, set()).add(("/".join(p.unit[n:]), p.per))
    return out


def _quota_units(pcode: str) -> set[str]:
    parsed = parse_national(pcode)
    return {"/".join(p.unit[len(parsed.agency):]) for p in parsed.posts if p.kind == "quota_rule"}


def test_a_list_joined_by_ji_is_its_members_the_document_names():
    # H0000081「本所得視業務實際需要，設展示中心、陳列館、技術輔導中心」, then「展示中心、陳列館及技術輔導中心各置主任
    # 一人」: a 主任 in each of the three
    assert _posts("H0000081")["主任"] >= {("展示中心", None), ("陳列館", None), ("技術輔導中心", None)}
    # I0000017「第二類行政執行處置處長一人…」「第三類行政執行處置處長一人…」, then「第二類及第三類行政執行處，各置人事
    # 管理員一人」: the two kinds of office share the rest of the name
    assert {u for u, _ in _posts("I0000017")["人事管理員"]} == {"第二類行政執行處", "第三類行政執行處"}
    # J0010005「九、蘇澳辦事處。」「十、五堵辦事處。」, then「本分局設蘇澳及五堵辦事處，各設主任一人…」: staff rules
    assert {"蘇澳辦事處", "五堵辦事處"} <= _quota_units("J0010005")
    # K0000115「本所車勤服務部及各餐廳各置經理一人」: the 車勤服務部's 經理 and every 餐廳's
    assert ("車勤服務部", None) in _posts("K0000115")["經理"]
    # L0000002「一、醫療技術小組。」「二、專科醫師小組。」, then「醫療技術及專科醫師小組各置委員九人至十五人」
    assert {u for u, _ in _posts("L0000002")["委員"]} >= {"醫療技術小組", "專科醫師小組"}


def test_a_name_with_ji_stays_whole_when_its_halves_are_no_units():
    # A0010051「少年及家事廳」 is one 廳 (司法院's), not a 少年廳 and a 家事廳
    units = {u for posts in _posts("A0010051").values() for u, _ in posts}
    assert "少年及家事廳" in units and "家事廳" not in units


def test_a_count_of_unnamed_units_of_a_kind_marks_its_posts_per_unit():
    # K0000012「各區電信管理局得設工程總隊一隊至四隊，各置總隊長一人，副總隊長一人，科長三人至五人…」: each 工程總隊's
    # (the unit the act sets up for them, as 「工程總隊設人事室及會計室」 says)
    posts = _posts("K0000012")
    assert posts["總隊長"] == {("工程總隊", "工程總隊")}
    assert posts["科長"] >= {("工程總隊", "工程總隊")}
    # 「工程總隊得視實際需要，設工程隊二隊至六隊，各置隊長一人」: no 工程隊 set up, the 隊長 is one per 工程隊
    assert {per for _, per in posts["隊長"]} == {"工程隊"}
    # N0000016「視實際需要設辦事處或連絡處。辦事處或連絡處置主任一人，兼任」: one in each office, on the 勞工保險局
    assert ("", "辦事處或連絡處") in _posts("N0000016")["主任"]


def test_a_unit_set_up_under_a_named_unit_is_that_units_own():
    # K0000012「工程總隊設人事室及會計室，人事室置主任一人，副主任一人…；會計室置會計主任一人」: the 工程總隊's 人事室,
    # not the 特等電信局's set up before it
    posts = _posts("K0000012")
    assert ("工程總隊/人事室", None) in posts["副主任"]
    assert ("工程總隊/會計室", None) in posts["會計主任"]
    # A0010053 (法院組織法)「高等法院設人事室，置主任一人…」, 「最高法院設人事室，置主任一人…」: each court's own
    units = {u for u, _ in _posts("A0010053")["副主任"]}
    assert {"高等法院/人事室", "最高法院/人事室"} <= units
    # K0000038「各工程處設人事室、會計室及政風室；人事室置主任、課員。」: the 工程處's, not the 局's 人事室
    assert ("工程處/人事室", None) in _posts("K0000038")["課員"]


def test_each_of_a_kind_is_the_units_of_that_kind_the_article_set_up():
    # D0000090「本局視事實需要得設規劃隊、測量隊，每隊各置隊長一人」: a 隊長 in each of the two
    assert _posts("D0000090")["隊長"] == {("規劃隊", None), ("測量隊", None)}
    # K0000042「本處為應業務需要，得設工務所，每所置主任一人、副主任一人」: the 工務所's
    assert _posts("K0000042")["副主任"] >= {("工務所", None)}
    # L0000013「分設下列三組，每組各置分組召集人一人」
    assert {u for u, _ in _posts("L0000013")["分組召集人"]} == {"實驗診斷組", "臨床與流行病學組", "衛生教育組"}
    # H0060015 (私立高級中學): 「五、管理員：附設職業類科學校，每校得置管理員一人」: each school is the agency itself
    assert _posts("H0060015")["管理員"] >= {("", None)}
    assert not [per for posts in _posts("H0060015").values() for _, per in posts if per == "校"]


def test_each_of_a_kind_said_in_an_item_is_that_items_own():
    # H0060015 第6條「七、技士或技佐：…辦理商業、家事類科職業學程者，每類置技士一人。」 then「八、醫師：每校置專任或兼
    # 任醫師一人」: the 醫師 is no one-per-類 post
    posts = _posts("H0060015")
    assert ("", "類") in posts["技士"]
    assert posts["專任或兼任醫師"] == {("", None)}


def test_heads_sharing_the_rest_of_a_name_are_each_staffed():
    # O0000001「其下分設北、中、南三區環境督察大隊」, 「北、中、南三區環境督察大隊各置大隊長一人…；副大隊長一人」: each
    # 大隊's, not the 總隊's
    posts = _posts("O0000001")
    regions = {f"環境督察總隊/{r}區環境督察大隊" for r in "北中南"}
    assert {u for u, _ in posts["大隊長"]} == regions
    assert {u for u, _ in posts["副大隊長"]} == regions
    # H0060015「(二) 教務、學生事務、總務、實習輔導處及圖書館各置主任一人」: a 主任 in each 處 and the 圖書館
    assert {u for u, _ in _posts("H0060015")["主任"]} >= {"教務處", "學生事務處", "總務處", "實習輔導處", "圖書館"}


def test_a_family_called_by_its_kind_is_the_family_the_document_set_up():
    # D0000155 第3條「各教養院置院長一人」, whose 各教養院 the article makes a family: the 院長 is that family's, no
    # second unit 教養院 beside it
    parsed = parse_national("D0000155")
    below = units_below(parsed)
    assert "各教養院" in below and "教養院" not in below
    assert _posts("D0000155")["院長"] == {("各教養院", None)}
    # G0300006 第8條「各地區支付處一等處置秘書一人，科長二人，…」: the posts of the unit the same words set up
    units = set(units_below(parse_national("G0300006")))
    assert {u for u, _ in _posts("G0300006")["科員"]} <= units


def test_the_posts_an_item_names_after_its_unit_are_that_units():
    # L0010053 第20條「一、法規會：辦理相關法制、訴願及國家賠償事項，置執行秘書一人，由適當人員擔任。」
    # 「七、國際合作組：…，置主任一人，…」: the 法規會's 執行秘書 and the 國際合作組's 主任, not the ministry's
    posts = _posts("L0010053")
    assert ("法規會", None) in posts["執行秘書"] and ("", None) not in posts["執行秘書"]
    assert ("國際合作組", None) in posts["主任"]
    # F0010057「二、訴願審議會：辦理訴願案件之調查…業務，置主任委員一人，執行秘書一人，由適當人員擔任。」
    assert ("訴願審議會", None) in _posts("F0010057")["執行秘書"]
    # D0070033 第5條「一、秘書組：置組長一人，職員五人。」
    assert {u for u, _ in _posts("D0070033")["組長"]} == {"秘書組", "研究組"}
