"""The thirteenth sample's conventions: any number of a kind names no unit; a duty that opens a list of its
own passes its items to the same holders.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_any_number_of_a_kind_names_no_unit():
    # 中央研究院組織法 第13條: 「中央研究院…設立各種研究所；其組織規程，由中央研究院評議會通過」, 第14條:
    # 「中央研究院研究所置所長一人」, 第17條: 「中央研究院依學術發展需要，得設立各種研究中心。中心置主任一人」
    parsed = parse_national("A0010016")
    units = units_below(parsed)
    assert not {"研究所", "研究中心", "中央研究院研究所"} & set(units)
    assert {"聘任資格審查委員會", "人事委員會"} <= set(units)  # 「設聘任資格審查委員會及人事委員會」
    # 第19條: 「中央研究院各研究所、研究所籌備處及研究中心設學術諮詢委員會」: one in each of them, none named either
    assert "學術諮詢委員會" not in units
    assert {getattr(p, "title", "") for p in parsed.posts if p.unit == parsed.agency} >= {"所長", "院長"}


def test_a_list_naming_units_beside_any_number_of_task_forces_keeps_them():
    # 交通部公路總局各區養護工程處辦事細則 第21條: 「各區養護工程處得視業務需要，設置工務段、保養場、工務所、測量隊、
    # 機械施工隊、踏勘隊、收費管理站及各種性質之任務編組。」
    units = units_below(parse_national("K0010041"))
    assert {"保養場", "測量隊", "收費管理站"} <= set(units)


def test_a_duty_that_opens_a_list_gives_its_items_to_the_same_unit():
    # 金融監督管理委員會證券期貨局辦事細則 第9條: 「三、第三科辦理下列事項：…(二) 會計師法有關事項之辦理：
    # 1.申請核發會計師證書之審查。 2.會計師辦理公開發行公司財務報告查核簽證之核准。」
    duties = duties_of(parse_national("G0310022"), "第六組/第三科")
    assert "申請核發會計師證書之審查" in duties
    assert "會計師辦理公開發行公司財務報告查核簽證之核准" in duties
    # 財政部臺灣省中區國稅局辦事細則 第7條: 「一、貨物、證交稅股：（一）貨物稅、菸酒稅： 1.貨物稅、菸酒稅產製廠商申報
    # 各項月報表之審查。」: the 股's, not the 科's
    parsed = parse_national("G0310014")
    assert "貨物稅、菸酒稅產製廠商申報各項月報表之審查" in duties_of(parsed, "審查三科/貨物稅股")
    assert "貨物稅、菸酒稅產製廠商申報各項月報表之審查" not in duties_of(parsed, "審查三科")


def test_the_power_to_issue_orders_is_the_agencys_duty():
    # 設治局組織條例 第3條: 「設治局於不牴觸中央及省之法令範圍內，得發布局令及單行規章。」
    assert "發布局令及單行規章" in duties_of(parse_national("D0000116"), "")
    # 內政部警政署組織條例 第15條: 「本署為執行警察業務，對各級警察機關得發布署令。」
    assert "發布署令" in duties_of(parse_national("D0000015"), "")


def test_what_a_post_of_the_agency_handles_is_its_duty_held_by_the_post():
    # 行政院組織法 第12條: 「行政院置發言人一人，特任，處理新聞發布及聯繫事項，得由政務職務人員兼任之。」
    parsed = parse_national("A0010032")
    assert [d.post for d in parsed.duties if d.text == "新聞發布及聯繫事項"] == ["發言人"]
    # 行政院大陸委員會香港事務局組織規程: 「本局置組長、…及雇員，承長官之命處理應辦事項」: the staff's catch-all, none
    assert "應辦事項" not in duties_of(parse_national("Q0010005"), "")


def test_the_powers_a_law_gives_the_body_are_its_mandate():
    # 行政院組織法 第2條: 「行政院行使憲法所賦予之職權。」
    assert "行使憲法所賦予之職權" in duties_of(parse_national("A0010032"), "")
    # 臺中市議會組織規程 第2條: 「臺中市議會（以下簡稱本會）行使地方制度法所賦予之職權。」
    assert "行使地方制度法所賦予之職權" in duties_of(parse_national("A0010095"), "")


def test_a_unit_set_up_for_a_line_of_business_is_the_agencys():
    # 交通部高雄港務局馬公辦事處辦事細則 第4條: 「港務業務應設信號臺（話務臺），置臺長一人，由經指派擔任業務之人員
    # 兼任之。」
    assert "信號臺" in units_below(parse_national("K0010044"))
    # (布袋辦事處, K0010043: the same words)
    assert "信號臺" in units_below(parse_national("K0010043"))


def test_an_act_for_every_city_organizes_the_city_by_its_organs():
    # 市組織法 第8條: 「市設市政府，其職權如左：一、辦理市自治事項。二、執行上級政府委辦事項。」, 第9條: 「市政府於
    # 不牴觸中央及上級政府法令範圍內，得發布市令。」, 第12條: 「院轄市市政府置秘書長一人，省轄市市政府置秘書主任一人」
    parsed = parse_national("D0020014")
    # (第23條 「市設市參議會，由市公民及依法成立之職業團體選舉市參議員組織之」: its council, a unit too)
    assert parsed.agency == ("市",) and units_below(parsed) == ["市政府", "市參議會"]
    assert {"市自治事項", "執行上級政府委辦事項", "發布市令"} <= set(duties_of(parsed, "市政府"))
    assert {p.unit for p in parsed.posts if getattr(p, "title", "") in ("秘書長", "秘書主任")} == {("市", "市政府")}
    # 縣組織法 第3條: 「縣設縣政府，於省政府指揮監督之下，處理全縣行政」, 第16條: 「縣政府下設左列各局：一、公安局…」
    parsed = parse_national("D0020016")
    assert parsed.agency == ("縣",) and {"縣政府", "縣政府/公安局", "縣政府/教育局"} <= set(units_below(parsed))


def test_the_kinds_or_levels_a_framework_act_divides_its_bodies_into_are_its_units():
    # 省保安警察隊組織條例 第3條: 「省保安警察隊分左列各種：一、保安警察總隊。二、直屬保安警察大隊。三、直屬保安警察
    # 中隊。」
    assert units_below(parse_national("D0080006")) == ["保安警察總隊", "直屬保安警察大隊", "直屬保安警察中隊"]
    # 行政法院組織法 第2條: 「行政法院分下列二級：一、高等行政法院。二、最高行政法院。」
    parsed = parse_national("A0010055")
    assert [u.source.line for u in parsed.units if u.path[-1] in ("高等行政法院", "最高行政法院")] == [8, 9]
