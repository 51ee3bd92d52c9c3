"""Conventions the eighth hand-checked sample (eval/eighth) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_a_name_may_open_with_the_word_for_command():
    # D0010115 內政部警政署民防指揮管制所辦事細則 第3條「本所設下列科、室、分所：」「六、指揮管制科。」, with its
    # duties in 「指揮管制科掌理事項如下：」
    parsed = parse("D0010115")
    assert "指揮管制科" in below(parsed)
    assert duties(parsed, "指揮管制科")
    # D0000099 第2條「…設業務組、修護組、指揮管制組 (第一、二、三、四組) ，並掌理下列事項：」
    assert {"業務組", "修護組", "指揮管制組"} <= set(below(parse("D0000099")))
    # G0310016 「…指揮所屬職員及機關」 is prose, no unit
    assert not [u for u in below(parse("G0310016")) if u.startswith("指揮")]


def test_a_name_may_hold_the_people_it_serves():
    # N0010027 勞動部勞動力發展署處務規程「四、身心障礙者及特定對象就業組，分四科辦事。」,
    # 「身心障礙者及特定對象就業組掌理事項如下：」
    parsed = parse("N0010027")
    assert "身心障礙者及特定對象就業組" in below(parsed)
    assert duties(parsed, "身心障礙者及特定對象就業組")
    # A0020155 行政院處務規程「八、消費者保護處，分四科辦事。」
    assert "消費者保護處" in below(parse("A0020155"))


def test_a_comma_typed_as_a_list_mark_before_the_head_of_a_unit_set_up():
    # K0000024 交通部民用航空局台北航空貨運站組織規程 第5條「本站設會計室、置主任一人，掌理會計、歲計及統計事項，設
    # 人事室，置主任、副主任各一人，分別掌理人事管理及人事查核事項，…」: both units, each with its own duty
    parsed = parse("K0000024")
    assert {"會計室", "人事室"} <= set(below(parsed))
    assert duties(parsed, "會計室") == ["會計、歲計及統計事項"]
    assert duties(parsed, "人事室") == ["人事管理及人事查核事項"]
    # H0000074 國立海洋生物博物館組織條例「本館設政風室、置主任，依法辦理政風事項。」
    parsed = parse("H0000074")
    assert "政風室" in below(parsed) and duties(parsed, "政風室") == ["政風事項"]


def test_a_semicolon_typed_for_the_colon_after_an_items_unit():
    # K0000024 第2條「本站設左列各組室，並得分股辦事。」「三、維護組；掌理站屋及裝備之保養、修護事項。」
    # 「四、行政室；掌理業務規劃、文書、事務、出納及不屬其他單位事項。」
    parsed = parse("K0000024")
    assert {"出口組", "進口組", "維護組", "行政室"} <= set(below(parsed))
    assert duties(parsed, "維護組") == ["站屋及裝備之保養、修護事項"]
    # K0010027 第9條「秘書室分設四科，各科掌理事項如下：」「二、第二科：」…「三、第三科；」「(一) 公務用動產之…」
    parsed = parse("K0010027")
    assert "秘書室/第三科" in below(parsed)
    assert any(d.startswith("公務用動產之機械及設備") for d in duties(parsed, "秘書室/第三科"))
    # G0310066 「一、出口貨物通關；出口報單審核、…」, the first item of a unit's duties, is a duty, no unit
    assert not [u for u in below(parse("G0310066")) if u.endswith("出口貨物通關")]


def test_the_collective_of_a_unit_set_up_by_its_kind_is_that_unit():
    # K0010138 公路人員訓練所辦事細則 第3條「本所設下列科、室、訓練中心：」「八、訓練中心。」; 第11條「各訓練中心掌理
    # 事項如下：」「一、執行各項道路交通安全之教育、宣導及講習。」
    parsed = parse("K0010138")
    got = below(parsed)
    assert "訓練中心" in got and "各訓練中心" not in got
    assert "執行各項道路交通安全之教育、宣導及講習" in duties(parsed, "訓練中心")
    # K0000038 交通部臺灣區國道新建工程局組織條例「本局得視工程施工需要，設立工程處，…」「各工程處設人事室、會計室及
    # 政風室；…」: the 室 of the 工程處, no second unit 各工程處
    got = below(parse("K0000038"))
    assert {"工程處/人事室", "工程處/會計室", "工程處/政風室"} <= set(got)
    assert not [u for u in got if u.startswith("各工程處")]


def test_a_temporary_task_force_named_after_its_set_up_is_no_unit():
    # J0000057 經濟部水利處各河川局暫行組織規程 第10條「各局得視業務需要，設臨時作業編組工務隊及勘測隊；所需人員由各局
    # 調兼之。」: formed when a job needs it, staffed by borrowing, as 「以任務編組設管理所及測量隊」 (D0000091)
    got = below(parse("J0000057"))
    assert not [u for u in got if u.endswith(("工務隊", "勘測隊"))]
    assert {"秘書室", "人事室", "會計室", "政風室"} <= set(got)


def test_the_places_a_station_is_set_up_in_name_the_stations():
    # D0000099 第8條「本中心於竹子山、火炎山、阿里山、壽山、四堵山各設中繼台一台，執行防情通信任務，中繼台置台長、
    # 技士、技佐。」: one station in each place, named by it (as 「於台北、宜蘭…各設分所一所」, D0000098)
    got = below(parse("D0000099"))
    assert {f"{p}中繼台" for p in ("竹子山", "火炎山", "阿里山", "壽山", "四堵山")} <= set(got)
    assert "中繼台" not in got
    # D0000108 「得於適當地區設置中繼臺五臺」 names no place: no station
    assert not [u for u in below(parse("D0000108")) if "中繼" in u]


def test_the_mandate_in_one_sentence_may_end_with_matters_to_attend_to():
    # H0000070 國立邊疆文化教育館組織條例 第1條「國立邊疆文化教育館隸屬教育部，掌理邊疆文化教育之研究及發展事宜。」
    assert "邊疆文化教育之研究及發展事宜" in duties(parse("H0000070"), "")
    # H0000039 國立中正文化中心暫行組織規程 第1條「…隸屬教育部，掌理國家戲劇院、國家音樂廳之營運管理與表演藝術之研究
    # 發展及推廣等有關事宜，以普及欣賞表演藝人口，…」: what the mandate is for is no part of it
    assert "國家戲劇院、國家音樂廳之營運管理與表演藝術之研究發展及推廣等有關事宜" in duties(parse("H0000039"), "")


def test_the_parent_setting_up_the_agency_opens_the_list_of_its_tasks():
    # H0000005 教育部訓育委員會組織條例 第1條「教育部設訓育委員會，其任務如左：」「一、關於三民主義教導之研究事項。」
    assert "關於三民主義教導之研究事項" in duties(parse("H0000005"), "")
    # H0000003 教育部教育研究委員會組織條例 第1條「教育部設教育研究委員會，其任務如左：」「二、關於學生訓導之研究、計畫
    # 事項。」: the 委員會's, not its 組's
    parsed = parse("H0000003")
    assert "關於學生訓導之研究、計畫事項" in duties(parsed, "")
    assert not any("學生訓導" in d for u in below(parsed) for d in duties(parsed, u))


def test_posts_may_close_a_list_of_units_set_up():
    # D0010033 內政部警政署民防防情指揮管制所辦事細則 第3條「本所設業務課、修護課、指揮管制第一課、…、指揮管制第四課、
    # 竹子山中繼臺、…、秘書室、人事室、會計室、保防管理員，分別掌理…」: the units before the post
    got = below(parse("D0010033"))
    assert {f"指揮管制第{n}課" for n in "一二三四"} | {"竹子山中繼臺", "壽山中繼臺", "會計室"} <= set(got)
    assert "保防管理員" not in got
    # K0010058 臺中港務局棧埠管理處辦事細則「本處設自由貿易港區管理課、倉儲裝卸課、…、人事室及會計員。」 (自由 is no
    # prose 由)
    parsed = parse("K0010058")
    assert "自由貿易港區管理課" in below(parsed) and duties(parsed, "自由貿易港區管理課")
