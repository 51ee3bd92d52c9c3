"""The twelfth sample's conventions: a list whose numbers slip (a number repeated or skipped) goes on.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_a_list_numbered_with_a_slip_goes_on_past_it():
    # 臺中榮民總醫院組織規程 第3條: 「四、骨科部：…(四) 脊椎外科。」 then 「四、麻醉部：全院手術麻醉…」,
    # 「五、婦產部…」, 「七、兒童醫學部：…分下列各科、中心：(一) 一般兒科。…」 (no 六), 「八、復健科…」
    units = units_below(parse_national("F0000031"))
    assert {"麻醉部", "婦產部", "婦產部/產科", "兒童醫學部", "兒童醫學部/一般兒科", "復健科", "放射線部",
            "放射線部/神經放射科", "核醫部", "精神部"} <= set(units)


def test_a_mandate_numbered_with_a_slip_keeps_every_item():
    # 行政院衛生署預防醫學研究所組織條例 第2條: 「五、生物製劑之研究、開發…」, 「七、病媒昆蟲、病媒宿主等之調查…」,
    # 「七、瘧疾之監視及人體寄生蟲病之調查…」, 「八、流行病學之調查及研究。」: every item is one of its duties
    duties = duties_of(parse_national("L0000010"), "")
    assert any(d.startswith("病媒昆蟲") for d in duties) and any(d.startswith("瘧疾之監視") for d in duties)
    assert any(d.startswith("流行病學之調查") for d in duties)


def test_a_purpose_said_before_the_agency_does_not_hide_what_it_sets_up():
    # 經濟部標準檢驗局新竹分局辦事細則: 「配合桃園地區及臺灣桃園國際機場進（出）口商品檢驗及度政業務需要，本分局設
    # 桃園辦事處及臺灣桃園國際機場辦事處。各置綜理業務主管一人，…承分局長之命辦理有關報驗發證、檢驗及度政等事項。」
    units = units_below(parse_national("J0010031"))
    assert {"桃園辦事處", "臺灣桃園國際機場辦事處"} <= set(units)
    # 花蓮分局: 「配合台東地區…業務需要，本分局設台東辦事處，置綜理業務主管一人，…」
    assert "台東辦事處" in units_below(parse_national("J0010029"))


def test_two_places_offices_share_the_word_after_them():
    # 經濟部標準檢驗局台南分局辦事細則: 「…業務需要，本分局設斗六及嘉義辦事處，並得於重要港口或地點設辦事處或工作站」
    units = units_below(parse_national("J0010033"))
    assert {"斗六辦事處", "嘉義辦事處"} <= set(units) and "斗六及嘉義辦事處" not in units
    # 高雄分局: 「本分局設高雄港第二港口及高雄國際機場辦事處」
    assert {"高雄港第二港口辦事處", "高雄國際機場辦事處"} <= set(units_below(parse_national("J0010034")))


def test_a_unit_set_up_again_by_the_agency_is_the_one_a_list_set_up():
    # 最高法院處務規程 第38條: 「書記廳置下列各科室，承長官之命，辦理各該科主管事務：…九、法警室。」; 第75條:
    # 「本院設法警室，置法警長、副法警長各一人，法警若干人，辦理值庭、警衛及其他有關司法警察事務。」
    units = units_below(parse_national("A0020093"))
    assert "書記廳/法警室" in units and "法警室" not in units


def test_an_office_set_up_to_do_by_law_its_business_has_that_duty():
    # 台中港船舶服務中心組織規程 第6條: 「本中心設人事室、置主任、副主任、組員，依法辦理人事管理業務及人事查核業務。」,
    # 第7條: 「本中心設會計室，置主任、稽核、會計佐理員，依法辦理歲計、會計業務。」
    parsed = parse_national("F0000027")
    assert duties_of(parsed, "人事室") == ["人事管理業務及人事查核業務"]
    assert duties_of(parsed, "會計室") == ["歲計、會計業務"]


def test_a_mandate_said_as_the_bodys_task():
    # 台灣美國事務委員會暫行組織規程 第2條: 「本會任務為處理及協調中華民國與美國間相關事項。」
    assert "處理及協調中華民國與美國間相關事項" in duties_of(parse_national("E0000018"), "")


def test_a_units_name_shortened_later_is_that_unit():
    # 經濟部商品檢驗局高雄分局辦事細則 第3條: 「九、高雄國際機場動植物檢疫站」; 第13條: 「配合高雄國際機場及港口進出口
    # 商品檢驗 (疫) 業務需要，本分局設立高雄國際機場檢疫站及高雄港第二港口辦事處」
    units = units_below(parse_national("J0010004"))
    assert "高雄國際機場動植物檢疫站" in units and "高雄國際機場檢疫站" not in units
