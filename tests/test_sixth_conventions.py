"""Conventions the sixth hand-checked sample (eval/sixth) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_sections_named_in_the_list_of_a_unit_divided_into_them():
    # J0010010 經濟部中央標準局辦事細則 第5條「第一組分四科辦事，其職掌如左：」「一、第一科掌國家標準法規之研擬、…
    # 正字標記之審核及管理、…事項。」 (掌 for 掌理); 第6條「第二組分兩科辦事，…」; 第4條「秘書室除掌理審核文稿及
    # 機要事項外，另分三科辦事，其職掌如左：」
    parsed = parse("J0010010")
    got = below(parsed)
    assert [u for u in got if u.startswith("第一組/")] == [f"第一組/第{n}科" for n in "一二三四"]
    assert {"第二組/第一科", "第二組/第二科", "秘書室/第三科", "商標處/第三科"} <= set(got)
    assert any("正字標記之審核及管理" in d for d in duties(parsed, "第一組/第一科"))
    # 「人事室掌本局與附屬機構之人事管理…事項。」 is a paragraph, no list: nothing under 人事室
    assert not [u for u in got if u.startswith("人事室/")]


def test_a_class_of_the_family_is_the_family_itself():
    # I0000017 行政執行處組織通則 第4條「行政執行處依業務繁簡及轄區面積大小，分為三類」; 第10條「第一類行政執行處
    # 設人事室，置主任一人…」: the 人事室 of the family (set up for its first class), no unit 第一類行政執行處
    got = below(parse("I0000017"))
    assert {"秘書室", "人事室", "會計室", "統計室", "政風室"} <= set(got)
    assert not [u for u in got if "類" in u]
    # G0300030 財政部國有財產局各地區辦事處組織通則 第4條「一等辦事處設接管課、勘測課、處分課、管理課、改良利用課及
    # 資訊室；…」
    assert {"接管課", "勘測課", "改良利用課", "資訊室"} <= set(below(parse("G0300030")))
    # K0000083 交通部民用航空局所屬航空站組織通則 第4條「特等航空站設六組；…丁等航空站不分組，分別掌理第二條所列事項。」
    assert not [u for u in below(parse("K0000083")) if "等航空站" in u]


def test_a_works_set_up_in_prose_with_a_head_or_a_duty():
    # F0000024 第8條「本中心設實習工廠，置廠長、技師、副技師、技術員，辦理實作訓練、五金零件製作及機具修護保養等工作。」
    parsed = parse("F0000024")
    assert "實習工廠" in below(parsed)
    assert duties(parsed, "實習工廠") == ["實作訓練、五金零件製作及機具修護保養等工作"]
    # K0000104 「本處設船舶機械修理廠，置廠長一人（由技術人員兼任），…」
    assert "船舶機械修理廠" in below(parse("K0000104"))
    # F0000013 第11條「本處設機械修配調度總廠，辦理機械作業統一調配、…等業務，其編制如左：」「二、設人事室，置主任、
    # 組員，…」「三、設政風室，…」「四、設會計室，…」
    got = below(parse("F0000013"))
    assert {f"機械修配調度總廠/{n}" for n in ("人事室", "政風室", "會計室")} <= set(got)


def test_a_radio_station_in_a_list_of_units():
    # D0000068 第4條「本局設預防科、…、公共關係室、國際刑警電臺、偵防犯罪指揮中心及通訊監察中心，並得分組辦事。」
    got = below(parse("D0000068"))
    assert {"公共關係室", "國際刑警電臺", "偵防犯罪指揮中心", "通訊監察中心"} <= set(got)


def test_the_places_a_kind_is_set_up_in_name_its_members():
    # K0000109 第10條「本所為分區辦理鐵路沿線貨運、倉儲、運送業務，得於臺北、臺中、臺南、高雄各地分設服務所，…」;
    # 第13條「服務所各設會計室，…」
    got = below(parse("K0000109"))
    assert {f"{p}服務所" for p in ("臺北", "臺中", "臺南", "高雄")} <= set(got)
    assert "服務所" not in got and "臺北服務所/會計室" in got
    # D0000098 第9條「本所於台北、宜蘭、…、台東、澎湖各設分所一所，掌理各該區內有無線電通訊等事項。」
    parsed = parse("D0000098")
    assert len([u for u in below(parsed) if u.endswith("分所")]) == 10
    assert duties(parsed, "澎湖分所") == ["各該區內有無線電通訊等事項"]
    # J0000071 「於台北、台中、台南、花蓮各地設分公司」: a company's branches are no unit word
    assert not [u for u in below(parse("J0000071")) if u.endswith("公司")]


def test_task_forces_formed_for_a_job_are_no_units():
    # F0000013 第14條「本處為辦理各項工程，得視業務需要，以任務編組方式組設國內外施工處與國外辦事處、地區工程處、
    # 施工處所屬分處、施工所、施工站，…工程完成時撤銷。」
    got = below(parse("F0000013"))
    assert not [u for u in got if u.startswith("施工")]
    # D0000091 「本局必要時，得於適當地區以任務編組設管理所及測量隊。」
    assert not {"管理所", "測量隊"} & set(below(parse("D0000091")))


def test_a_comma_between_a_unit_and_what_it_sets_up():
    # D0000045 蒙古盟部旗組織法 第29條「旗札薩克公署，設總務、政務二科，各置科長一人；…」 (第15條 「盟長公署設總務、
    # 政務二處」 without the comma)
    got = below(parse("D0000045"))
    assert {"盟長公署/總務處", "盟長公署/政務處", "旗札薩克公署/總務科", "旗札薩克公署/政務科"} <= set(got)


def test_the_purpose_an_agency_is_set_up_for_past_the_law_it_is_set_up_under():
    # F0000012 第1條「行政院國軍退除役官兵輔導委員會 (以下簡稱輔導會) ，為安置退除役官兵從事水產養殖工作，特依輔導會
    # 組織條例第十六條規定，設置魚殖管理處 (以下簡稱本處) 。」 (its units' duties are left to a 分層負責明細表)
    assert duties(parse("F0000012"), "") == ["安置退除役官兵從事水產養殖工作"]
    # J0150001 「行政院為處理公平交易法所定事項，依公平交易法第二十九條規定制定本條例，設行政院公平交易委員會（…）。」
    assert "處理公平交易法所定事項" in duties(parse("J0150001"), "")


def test_who_oversees_a_post_is_no_part_of_its_subject():
    # A0010066 第7條「秘書等承辦人員承主任委員之命，受執行秘書之督導，辦理下列事項：」「四、案卷之整理及保管事項。」
    parsed = parse("A0010066")
    held = [(d.text, d.post) for d in parsed.duties if d.unit == parsed.agency and d.source.line == 27]
    assert held == [("案卷之整理及保管事項", "秘書等承辦人員")]
