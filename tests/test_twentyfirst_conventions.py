"""The twenty-first sample's conventions: places' offices listed in turn before 及; a family's members set up as
list items by the body above (設各類…如左：); a court's set-up list whose units do their own business and its
divisions named before 分設各庭; a member setting up its own with 並; the 參議會 of a local government act and its
職權; 等單位 closing a list of units set up.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_places_offices_listed_in_turn():
    # 經濟部標準檢驗局基隆分局辦事細則 第23條: 「應宜蘭、五堵及馬祖地區…度政業務，及由臺北港輸出入商品檢驗業務需要，
    # 本分局設蘇澳、五堵、馬祖及臺北港辦事處，各置綜理業務主管一人…」
    units = set(units_below(parse_national("J0010030")))
    assert {"蘇澳辦事處", "五堵辦事處", "馬祖辦事處", "臺北港辦事處"} <= units
    assert "蘇澳港辦事處" not in units


def test_members_listed_by_the_body_above():
    # 經濟部中央標準局國家標準起草委員會組織規程 第2條: 「經濟部中央標準局 (下簡稱本局) 設各類國家標準起草委員會
    # (以下簡稱各委員會) 如左：」 + 「一、土木工程及建築國家標準起草委員會。」 …
    # 「二十五、普通及雜業國家標準起草委員會。」
    units = set(units_below(parse_national("J0000016")))
    assert {"土木工程及建築國家標準起草委員會", "機動車及航空器工程起草委員會",
            "普通及雜業國家標準起草委員會"} <= units
    assert len([u for u in units if u.endswith("起草委員會")]) == 25


def test_a_courts_clerks_office_sections_and_divisions():
    # 高等行政法院處務規程: 「書記處設下列科，承長官之命，辦理各該科主管事務。」 + 「一、紀錄科，…」 「二、文書科。」 …;
    # 「高等行政法院得視事務之繁簡，就高等行政訴訟庭及地方行政訴訟庭分設各庭，每庭各置庭長一人，法官若干人。」
    parsed = parse_national("A0010061")
    units = set(units_below(parsed))
    assert {"書記處/紀錄科", "書記處/文書科", "書記處/研究發展考核科", "書記處/總務科", "書記處/訴訟輔導科",
            "高等行政訴訟庭", "地方行政訴訟庭"} <= units
    assert "文書科" not in units
    assert "律師之登錄事項" in duties_of(parsed, "書記處/文書科")


def test_a_member_sets_up_its_own_with_bing():
    # 行政院海岸巡防署海岸巡防總局各地區巡防局組織通則 第12條: 「各地區巡防局為應任務需要，各設岸巡總隊及所屬單位，
    # 東部地區巡防局並設醫務隊，均屬軍職」
    units = set(units_below(parse_national("D0090004")))
    assert {"岸巡總隊", "東部地區巡防局/醫務隊"} <= units
    assert "醫務隊" not in units


def test_a_local_government_acts_council_and_its_powers():
    # 縣組織法 第25條: 「縣設縣參議會，以縣民選舉之參議員組織之」; 第26條 「縣參議會之職權如左：」 +
    # 「三、建議縣政興革事項。」
    parsed = parse_national("D0020016")
    assert "縣參議會" in units_below(parsed)
    assert "建議縣政興革事項" in duties_of(parsed, "縣參議會")
    # 市組織法: 「市設市參議會，由市公民及依法成立之職業團體選舉市參議員組織之」
    assert "市參議會" in units_below(parse_national("D0020014"))


def test_etc_units_closes_the_list_set_up():
    # 內政部警政署臺中港務警察局辦事細則 第3條: 「本局設行政課、…、麥寮工業專用港警察隊、派出所等單位，分別掌理…」
    units = set(units_below(parse_national("D0010037")))
    assert "派出所" in units and "各派出所" not in units
    # 花蓮港務警察局: 「…、和平工業專用港警察隊、東堤分駐所等單位，分別掌理…」
    assert "東堤分駐所" in units_below(parse_national("D0010040"))
