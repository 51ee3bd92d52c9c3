"""Conventions of the national corpus's long tail, each read by a rule that holds across documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_staff_assigned_full_time_or_concurrently_hold_the_offices_duties():
    # K0010091 交通部臺灣鐵路管理局宜蘭工務段辦事細則 第9條「經指派專任政風業務之人員，負責辦理下列事項：」
    # 「一、政風法令宣導事項。」 (專任 for 擔任, in 13 documents of the railway's 段)
    parsed = parse("K0010091")
    held = [d for d in parsed.duties if d.post == "政風業務人員"]
    assert "政風法令宣導事項" in [d.text for d in held]
    assert {d.unit[-1] for d in held} == {"宜蘭工務段"}
    # K0010110 第9條「經指派擔（兼）任人事業務之人員，負責辦理下列事項：」
    assert any(d.post == "人事業務人員" for d in parse("K0010110").duties)
    # K0010098 「經指派擔任鐵路軌道材料製供及鋼梁修護工程人員，負責辦理下列事項：」 (no 之)
    assert any(d.post == "鐵路軌道材料製供及鋼梁修護工程人員" for d in parse("K0010098").duties)
    # K0010086 「經指派擔任總務之人員，負責辦理下列事項。」 (the intro ends with 。)
    assert "公文流程管制、繕印及校對" in [d.text for d in parse("K0010086").duties if d.post == "總務人員"]


def test_duties_of_a_family_of_a_kind_the_text_names_no_member_of():
    # K0000306 交通部公路局蘇花公路改善工程處辦事細則 第4條「本處設下列科、室、段：…九、各工務段。」, 第13條
    # 「各工務段掌理事項如下：一、公路整建工程之執行。」 (the 工務段 are set up by a table the text does not hold; so in
    # 9 documents of the highway and railway bureaus)
    parsed = parse("K0000306")
    assert "各工務段" in below(parsed)
    assert duties(parsed, "各工務段")[0] == "公路整建工程之執行"
    # M0010057 農業部農糧署各分署辦事細則 「各地辦事處掌理轄區內事項如下：」
    assert "各地辦事處" in below(parse("M0010057"))
    # never the sections a list set up: 「各科掌理…」 is no unit 各科
    assert not [u for u in below(parse("D0080096")) if u.startswith("各科")]


def test_a_family_documents_collective_with_fenbie_is_the_family():
    # D0000166 內政部警政署保安警察總隊組織準則 第1條「…特設保安警察第一總隊至第七總隊（以下簡稱各總隊）。」 第2條
    # 「各總隊分別掌理下列事項：一、拱衛中央憲政機關、…特定人士安全警衛。」: the family's duties, as D0000167's
    # 「各總隊掌理下列事項：」 are; no unit 各總隊
    parsed = parse("D0000166")
    assert "各總隊" not in below(parsed)
    assert any(d.startswith("拱衛中央憲政機關") for d in duties(parsed, ""))


def test_the_named_office_of_a_post_is_a_unit_with_the_listed_duties():
    # K0010024 交通部電信總局臺灣北區電信管理局辦事細則 第4條「祕書承局長、副局長之命，協調本局各單位處理公務，
    # 其辦公處所稱祕書\n室，職掌如左：一、呈判文稿之初閱、陳轉及機要案件之處理事項。」;
    # 第5條「視察…，其辦公處所稱視察\n室，…」
    parsed = parse("K0010024")
    assert {"祕書室", "視察室"} <= set(below(parsed))
    assert duties(parsed, "祕書室")[0] == "呈判文稿之初閱、陳轉及機要案件之處理事項"
    # K0010003 郵政儲金匯業局辦事細則 第4條「主任秘書及秘書之辦公處稱秘書室，職掌如左：一、本局文稿之初閱事項。」
    savings = parse("K0010003")
    assert {"總稽核室", "秘書室"} <= set(below(savings))
    assert duties(savings, "秘書室")[0] == "本局文稿之初閱事項"
    # K0010011 「主任視察員督導所屬處理本區視察業務，其辦公處所稱視察室。並得報經郵政總局核准，設置及調整視察分段。
    # 職掌如左：」: the list after the further sentence is still the office's
    central = parse("K0010011")
    assert duties(central, "視察室")[0] == "財務管理之查視、輔導事項"


def test_what_a_body_reviews_or_the_items_of_its_business_are_its_duties():
    # A0010020 國史館史料審查委員會組織規程 第6條「本會審查之範圍如左：一、關於史料徵集事項。…六、館長交議事項。」
    assert duties(parse("A0010020"), "")[:2] == ["關於史料徵集事項", "關於史料考訂事項"]
    # F0000007 …設計委員會組織規程 第2條「本會設計委員會設計項目如左：一、關于退除役官兵輔導政策及制度事項。」
    assert "關于退除役官兵輔導政策及制度事項" in duties(parse("F0000007"), "")
    # F0000013 …榮民工程事業管理處組織規程 第2條「本處以承辦政府機關各項建設工程及相關業務為主，其項目如左：一、土木
    # 建築工程。二、浚渫工程。」
    assert {"土木建築工程", "浚渫工程"} <= set(duties(parse("F0000013"), ""))
    # (not a meeting's or a delegation's scope: A0020070 「業務會報之範圍如下：」 gives no duty)
    assert not [d for d in parse("A0020070").duties if d.source.line in range(219, 223)]


def test_a_subsidiary_unit_named_before_fushu_danwei_is_a_unit():
    # K0010100 交通部臺灣鐵路管理局臺北機務段辦事細則 第3條「本段依業務需要設樹林機務分段附屬單位。…」, 第4條
    # 「樹林機務分段掌理動力車運轉、指導、檢修、檢車、材料、總務、勞安、並兼辦人事等業務。」
    parsed = parse("K0010100")
    assert "樹林機務分段" in below(parsed)
    assert duties(parsed, "樹林機務分段")[0].startswith("動力車運轉、指導、檢修")
    # K0010109 「本段依業務需要設高雄港檢車分段附屬單位。」
    assert "高雄港檢車分段" in below(parse("K0010109"))


def test_units_named_together_before_a_comma_and_their_verb():
    # L0010048 衛生福利部中央健康保險署處務規程 「臺北、北區、中區、南區、高屏及東區業務組，掌理轄區事項如下：一、承保
    # 業務之受理及執行。」: each of the six 業務組 (set up by 第3條's list)
    parsed = parse("L0010048")
    for region in ("臺北", "北區", "東區"):
        assert "承保業務之受理及執行" in duties(parsed, f"{region}業務組")
    # I0010088 法務部廉政署處務規程 「北部、中部、南部地區調查組，掌理轄區事項如下：」
    assert duties(parse("I0010088"), "南部地區調查組")
    # (a sentence that sets units up keeps its reading: A0010021 「秘書處設人事室、會計室及政風室，…」)
    assert {"秘書處/人事室", "秘書處/會計室"} <= set(below(parse("A0010021")))


def test_a_list_charged_to_a_unit_or_post_named_in_its_intro():
    # I0010003 法務部司法官訓練所處務規程 第13條「下列事項由教務組辦理之：一、…」, 第12條「下列事項由秘書辦理之：」,
    # 第16條「下列事項由人事管理員督同人事佐理人員辦理之：」
    parsed = parse("I0010003")
    assert {"教務組", "訓導組", "總務組"} <= set(below(parsed))
    assert duties(parsed, "教務組")
    posts = {d.post for d in parsed.duties if d.unit == parsed.agency}
    assert {"秘書", "人事管理員", "會計員"} <= posts


def test_radio_relay_and_control_stations_are_units():
    # D0010034 內政部警政署警察廣播電臺辦事細則 第4條「本臺設下列科、室及分臺：…八、臺北、新竹、臺中、臺南、高雄、宜蘭、
    # 花蓮及臺東分臺。」, 第12條「分臺掌理事項如下：」
    parsed = parse("D0010034")
    assert {"臺北分臺", "宜蘭分臺", "臺東分臺"} <= set(below(parsed))
    assert duties(parsed, "花蓮分臺")
    # K0010015 「…並得設各近場管制塔臺、裝修區臺及其所屬各作業臺。」 + 「近場管制塔臺職掌如下：」
    assert {"近場管制塔臺", "裝修區臺"} <= set(below(parse("K0010015")))
    # F0000011 「本處為辦理漁輪海上電訊聯絡工作，設電台一所，…」: the one station, named by its kind word
    assert "電台" in below(parse("F0000011"))


def test_a_name_with_a_clause_word_inside_a_compound_is_a_name():
    # D0010115 內政部警政署民防指揮管制所辦事細則 第9條「指揮管制科掌理事項如下：」 (指揮 opens the name, not
    # 「指揮監督所屬…」 prose)
    parsed = parse("D0010115")
    assert "指揮管制科" in below(parsed) and duties(parsed, "指揮管制科")
    # K0010058 「自由貿易港區管理課掌理事項如下：」 (自由, not 「…由提案庭書記科」)
    assert "自由貿易港區管理課" in below(parse("K0010058"))
    # N0010027 勞動部勞動力發展署處務規程 「身心障礙者及特定對象就業組掌理事項如下：」 (者 inside the compound)
    assert "身心障礙者及特定對象就業組" in below(parse("N0010027"))


def test_a_units_renwu_are_its_duties():
    # F0010004 行政院國軍退除役官兵輔導委員會辦事細則 第19條「法規委員會任務如下：一、本會法規案件之審查、研議。」
    parsed = parse("F0010004")
    assert "法規委員會" in below(parsed)
    assert duties(parsed, "法規委員會")[0] == "本會法規案件之審查、研議"
    # M0010022 行政院農業委員會水土保持局處務規程 「土石流防災中心任務如下：」
    assert duties(parse("M0010022"), "土石流防災中心")


def test_a_unit_set_up_under_another_is_the_one_a_later_article_names_alone():
    # A0010060 最高行政法院處務規程 「書記廳設下列科，…：」 (審查科, 文書科, …), later
    # 「審查科之職掌如下：一、文書科送交訴訟文卷之點收事項。」: the 書記廳's 審查科, no second one under the court
    parsed = parse("A0010060")
    got = below(parsed)
    assert "書記廳/審查科" in got and "審查科" not in got
    assert duties(parsed, "書記廳/審查科")[0] == "文書科送交訴訟文卷之點收事項"
    # A0020073 高等法院及其分院處務規程 「高等法院設人事室、會計室、統計室及政風室，…」: 高等法院 is the agency itself
    court = below(parse("A0020073"))
    assert {"人事室", "統計室"} <= set(court) and not [u for u in court if u.startswith("高等法院")]
    assert "書記處/民事紀錄科" in court and "民事紀錄科" not in court


def test_an_intro_ended_by_a_semicolon_or_full_stop_opens_its_list():
    # K0010013 交通部民用航空局辦事細則 「人事室職掌如下；」 + 「一、本局人事管理之建議及改進事項。」
    assert "本局人事管理之建議及改進事項" in duties(parse("K0010013"), "人事室")
    # A0010064 考銓處組織條例 第2條「考銓處之職掌如左。」 + 「一、關於公職候選人考試之籌辦及試務事項。」
    assert "關於公職候選人考試之籌辦及試務事項" in duties(parse("A0010064"), "")


def test_the_body_above_sets_up_the_agency_and_lists_its_duties():
    # H0000003 教育部教育研究委員會組織條例 第1條「教育部設教育研究委員會，其任務如左：一、關於教育制度之研究、
    # 計畫事項。」
    assert duties(parse("H0000003"), "")[0] == "關於教育制度之研究、計畫事項"
    # A0030096 採購申訴審議委員會組織準則 第2條「主管機關及直轄市、縣（市）政府分別設採購申訴審議委員會（以下簡稱
    # 申訴會），掌理下列事項：」
    assert len(duties(parse("A0030096"), "")) >= 4


def test_an_items_set_up_goes_on_after_a_full_stop():
    # K0000086 交通部高雄港務局暫行組織規程 第2條「一、港務組：設港灣、繫船、號誌三課及船舶管理所。並在號誌課下設第
    # 一、第二信號臺，…」: the 港務組's sections, no duty 「設港灣、…」
    parsed = parse("K0000086")
    assert {"港務組/港灣課", "港務組/號誌課", "港務組/船舶管理所"} <= set(below(parsed))
    assert not [d for d in duties(parsed, "港務組") if d.startswith("設")]


def test_the_clause_dividing_a_unit_is_no_duty_of_it():
    # G0310021 財政部高雄關稅局辦事細則 「一、審核課掌理進口報單審核及總務事項。分設四股辦事：」
    parsed = parse("G0310021")
    assert not [d for d in parsed.duties if d.text.startswith("分設")]


def test_ordinals_share_the_unit_word_after_the_last():
    # K0000086 交通部高雄港務局暫行組織規程 「九、秘書室：設第一、第二、第三、第四課，…」,
    # 「十、財產室：設第一、第二課、…」
    got = set(below(parse("K0000086")))
    assert {f"秘書室/第{n}課" for n in "一二三四"} | {"財產室/第一課", "財產室/第二課"} <= got
    # K0000103 「五、秘書室：設第一、第二、第三及第四課，…」: no unit 「第三及第四課」
    assert not [u for u in below(parse("K0000103")) if "及" in u]


def test_a_units_summary_before_the_clause_dividing_it_is_its_duty():
    # G0310011 財政部高雄市國稅局辦事細則 「審查三科掌理菸酒稅、貨物稅、…特種貨物及勞務稅之稽徵及檢舉違章漏稅案件之
    # 查緝。分設三股，各股之職掌如下：」 (no 事項 before the full stop)
    assert any(d.startswith("菸酒稅、貨物稅") for d in duties(parse("G0310011"), "審查三科"))
    # G0310004 財政部證券暨期貨管理委員會辦事細則 「第一組掌理證券募集與發行之核准，…等事項，分設下列各科辦事：」
    assert any(d.startswith("證券募集與發行之核准") for d in duties(parse("G0310004"), "第一組"))


def test_units_named_together_are_charged_by_the_rule_they_work_under():
    # I0010011 最高檢察署處務規程「人事室、會計室及統計室，分別依照法令辦理人事管理、人事查核、歲計、會計及統計
    # 事項。」: each takes its share (so in I0010013, I0010014)
    parsed = parse("I0010011")
    assert duties(parsed, "人事室") == ["人事管理、人事查核事項"]
    assert duties(parsed, "會計室") == ["歲計、會計事項"]
    assert duties(parsed, "統計室") == ["統計事項"]
    # A0020209 監察院監察委員行署辦事細則「行署秘書室、總務科、調查科，依監察委員行署組織條例第六條第七條第八條之
    # 規定執行職務。」: units another text sets up, named by the agency's short name 行署
    assert {"秘書室", "總務科", "調查科"} <= set(below(parse("A0020209")))
    # J0150005 行政院公平交易委員會辦事細則「第一處、第二處各按其主管事業別掌理左列共同事項：」「一、關於市場範圍之
    # 認定與研究事項。」
    parsed = parse("J0150005")
    assert "關於市場範圍之認定與研究事項" in duties(parsed, "第一處")
    assert "關於市場範圍之認定與研究事項" in duties(parsed, "第二處")


def test_a_units_summary_before_a_semicolon_and_the_clause_dividing_it_is_its_duty():
    # G0310049 財政部國有財產局一等辦事處辦事細則「勘測課掌理國有財產之清查、勘查分割、圖籍管理及國有財產計價業務；
    # 分二股辦事：」 (the typist's ； for ，, as before 「分設三股」 elsewhere)
    parsed = parse("G0310049")
    assert duties(parsed, "勘測課") == ["國有財產之清查、勘查分割、圖籍管理及國有財產計價業務"]
    assert duties(parsed, "接管課") == ["國有財產之接管、登記、產籍管理、遺產管理及抵稅業務"]
    # G0310003 「第一組掌理國庫及地方公庫制度之規劃，…國內外捐獻之處理；國庫支出之核撥，…等事項。分設左列各科辦事：」:
    # a semicolon inside the summary does not end it
    summary = {"國內外捐獻之處理", "國庫支出之核撥，及奉交議國有財產之管理處分"}
    assert summary <= set(duties(parse("G0310003"), "第一組"))


def test_a_class_of_the_family_in_a_list_item_or_a_units_name_is_the_family_itself():
    # K0010014 交通部民用航空局所屬航空站辦事細則 第3條「特等、甲等、乙等、丙等航空站分別設下列各組室：」
    # 「一、特等航空站設業務組、維護組、航務組、貨運組、企劃組、總務組、會計室、人事室及政風室。」: the family's units,
    # no class units
    parsed = parse("K0010014")
    got = below(parsed)
    assert not [u for u in got if "等航空站" in u]
    assert {"業務組", "貨運組", "會計室", "人事室", "政風室"} <= set(got)
    # 第9條「特等、甲等、乙等航空站會計室職掌如下：」「一、年度概算、預算、分配預算之籌劃及編擬。」: the family's
    # 會計室, its duties once
    assert duties(parsed, "會計室").count("年度概算、預算、分配預算之籌劃及編擬") == 1


def test_a_familys_parent_names_its_members_by_place_before_the_kind():
    # K0000108 交通部臺灣鐵路管理局各機廠組織通則 第2條「本局為辦理機、客、內燃車及貨物車輛之修理、製造事項，得設臺北、
    # 高雄、花蓮機廠，各設技術、工作、材料三組、總務室及勞工安全衛生室，…」: 本局 is the family's parent, the places
    # name the members, each has the units after 各設, and what they are set up for is the family's mandate
    parsed = parse("K0000108")
    got = set(below(parsed))
    assert {"臺北機廠", "高雄機廠", "花蓮機廠"} <= got
    assert {"技術組", "工作組", "材料組", "總務室", "勞工安全衛生室"} <= got
    assert duties(parsed, "") == ["辦理機、客、內燃車及貨物車輛之修理、製造事項"]


def test_a_unit_just_set_up_sets_up_its_own_named_before_xia_she():
    # K0000086 交通部高雄港務局暫行組織規程「一、港務組：設港灣、繫船、號誌三課及船舶管理所。並在號誌課下設第」
    # 「    一、第二信號臺，船舶管理所下設第一、第二股，…」: 第 ends no line (the wrapped 「一、」 is no item), and each
    # unit named before 下設 sets up its own
    got = set(below(parse("K0000086")))
    assert {"港務組/號誌課/第一信號臺", "港務組/號誌課/第二信號臺"} <= got
    assert {"港務組/船舶管理所/第一股", "港務組/船舶管理所/第二股"} <= got
    assert "第二信號臺" not in got
    # K0000103 「一、港務組：設港灣、航管二課，並在航管課下設信號台，分別掌理…」: a port's signal station is a unit
    assert "港務組/航管課/信號台" in below(parse("K0000103"))
    # K0000087 「本處得設機具所，置主任、副主任、股長，並於機具所下設調派站，各置站長一人，…」
    assert "機具所/調派站" in below(parse("K0000087"))
    # K0010063 交通部花蓮港務局辦事細則「港務組設港灣、航管二科，…」 and a sentence of its own「航管科下設信號台。」
    assert "港務組/航管科/信號台" in below(parse("K0010063"))
    # K0000101 「一、港航課：設信號臺，掌理港灣設施、船舶指泊、…等事項。」: the 課's duty, no 「設信號臺」 duty
    parsed = parse("K0000101")
    assert "港航課/信號臺" in below(parsed)
    assert duties(parsed, "港航課") == ["港灣設施、船舶指泊、信號指揮、船舶檢丈監理、海事評議及港勤船舶之管理等事項"]


def test_numbered_units_after_the_first_share_its_name():
    # G0310015 財政部臺灣省北區國稅局辦事細則「一、行政救濟一股、二股：」: 行政救濟二股, not a unit 「二股」
    got = set(below(parse("G0310015")))
    assert {"法務一科/行政救濟一股", "法務一科/行政救濟二股"} <= got
    assert not [u for u in got if u.rsplit("/", 1)[-1] in ("二股", "三股")]
    # K0010074 綜合調度所辦事細則「行控一室、二室、三室掌理左列事項：」: the 行控二室 and 行控三室 its list set up
    got = set(below(parse("K0010074")))
    assert {"行控一室", "行控二室", "行控三室"} <= got and "二室" not in got


def test_two_tasks_joined_in_a_list_of_duties_are_no_unit():
    # D0010104 航空警察局辦事細則「保安警察大隊掌理事項如下：」…「六、公共秩序維持及聚眾活動防處。」: a duty (防處,
    # to prevent and handle), not a unit
    parsed = parse("D0010104")
    assert not [u for u in below(parsed) if u.endswith("防處")]
    assert "公共秩序維持及聚眾活動防處" in duties(parsed, "保安警察大隊")
    # H0010022 「秘書室掌理下列事項：」…「二、國會聯絡與媒體及公關。」 (公關, public relations)
    parsed = parse("H0010022")
    assert not [u for u in below(parsed) if u.endswith("公關")]
    # G0310011 「審查三科…分設三股，各股之職掌如下：」「一、消費及證期稅股」: the intro names sections, one of them
    assert "審查三科/消費及證期稅股" in below(parse("G0310011"))


def test_a_duty_that_ends_like_a_unit_name_stays_a_duty():
    # G0310065 「…松山分關…」 list item「郵遞貨物通關。」: 通關 (customs clearance) is a duty, no unit
    parsed = parse("G0310065")
    assert not [u for u in below(parsed) if u.endswith("通關")]
    assert "郵遞貨物通關" in [d.text for d in parsed.duties]
    # G0310022 「資訊室掌理…」「十、協助本會規劃建置電子化政府。」: led by its verb, a duty of the 資訊室
    parsed = parse("G0310022")
    assert not [u for u in below(parsed) if u.endswith("政府")]
    assert "協助本會規劃建置電子化政府" in duties(parsed, "資訊室")


def test_the_kind_the_units_set_up_share_as_a_subject_is_every_one_of_them():
    # N0010017 北基宜花金馬區就業服務中心辦事細則 第3條「五、板橋就業服務站。」…「十三、連江就業服務站。」; 第9條
    # 「就業服務站掌理下列事項：」「一、轄區求職、求才及推介就業之就業服務。」: every 就業服務站, no unit 就業服務站
    parsed = parse("N0010017")
    assert "就業服務站" not in below(parsed)
    assert "轄區求職、求才及推介就業之就業服務" in duties(parsed, "板橋就業服務站")
    assert "轄區求職、求才及推介就業之就業服務" in duties(parsed, "連江就業服務站")
    # D0010046 「十、第一公路警察大隊至第九公路警察大隊，…」 + 「公路警察大隊掌理事項如下：」
    parsed = parse("D0010046")
    assert "公路警察大隊" not in below(parsed) and duties(parsed, "第九公路警察大隊")
    # D0010042 「偵查第一大隊至偵查第九大隊、電信偵查大隊、…」 + 「偵查大隊掌理事項如下：」: the numbered ones do not
    # end with 偵查大隊, so the kind is no two of them (left as read)
    assert "偵查大隊" in below(parse("D0010042"))


def test_toward_whom_a_sentence_is_about_names_no_unit():
    # K0000007 「…對全國各郵區及各地郵局辦理儲金、劃撥、匯兌、簡易人壽保險等業務，有指揮監督之權」,
    # I0010014 「檢察長對該檢察署辦理之案件，應隨時考查其進行情形」: 對 (toward) opens prose, no unit
    assert not [u for u in below(parse("K0000007")) if "對" in u]
    assert not [u for u in below(parse("I0010014")) if "對" in u]


def test_a_list_item_names_its_unit_with_the_scope_of_its_duties():
    # G0310012 財政部金融局辦事細則「第六組掌理金融檢查，…」 and its items
    # 「一、第一科辦理本國銀行金融檢查業務之左列事項：」「（一）檢查計畫之擬訂及執行。」, as a paragraph may
    # (「國內投資組掌理本局主管特種基金之下列事項：」, N0010028)
    parsed = parse("G0310012")
    assert "第六組/第一科" in below(parsed)
    assert "檢查計畫之擬訂及執行" in duties(parsed, "第六組/第一科")


def test_an_item_of_a_list_of_units_may_name_twenty_of_them():
    # D0090042 海巡署偵防分署辦事細則「十四、宜蘭查緝隊、基隆查緝隊、…、花蓮查緝隊、臺東查緝隊。」, then
    # 「查緝隊掌理事項如下：」: each 查緝隊 a unit, with the duties of the kind
    parsed = parse("D0090042")
    got = set(below(parsed))
    assert {"宜蘭查緝隊", "臺東查緝隊"} <= got and "查緝隊" not in got
    assert duties(parsed, "宜蘭查緝隊") == duties(parsed, "臺東查緝隊") != []
    # G0310016 「本總局設左列各處、室及燈塔。」…「十五、彭佳嶼燈塔、基隆燈塔、富貴角燈塔、…」
    assert {"彭佳嶼燈塔", "鵝鑾鼻燈塔"} <= set(below(parse("G0310016")))


def test_classes_of_the_family_named_before_she_set_up_the_familys_offices():
    # F0000029 行政院國軍退除役官兵輔導委員會榮譽國民之家組織規程 第6條「甲、乙種類型榮家設人事室，置主任、組員，丙、丁
    # 種類型榮家置人事管理員，依法辦理人事管理事項。」: the classes (甲、乙種類型) of the family 榮家 set up its 人事室
    homes = parse("F0000029")
    assert {"人事室", "會計室", "政風室"} <= set(below(homes))
    assert duties(homes, "人事室") == ["人事管理事項"]
    # K0000083 交通部民用航空局所屬航空站組織通則 第12條「特等航空站、甲等航空站、乙等航空站設人事室，置主任一人，…」:
    # the classes named one by one are the family too
    stations = parse("K0000083")
    assert {"人事室", "會計室", "政風室"} <= set(below(stations))
    assert not [u for u in below(stations) if "等航空站" in u]
    # J0000014 「一、二等分局設人事室、會計室，各置主任一人」 as before
    assert {"人事室", "會計室"} <= set(below(parse("J0000014")))


def test_a_unit_set_up_or_a_post_instead_is_set_up():
    # D0000031 各省市警察學校組織通則 第8條「警察學校設人事室或置人事管理員；人事室置主任，…依法辦理人事管理事項」,
    # 第9條「警察學校設會計室或置會計員；…」 (as F0000016's and H0060015's items 「設會計室或置會計員」 are read)
    parsed = parse("D0000031")
    assert {"人事室", "會計室"} <= set(below(parsed))
    assert duties(parsed, "人事室") == ["人事管理事項"]


def test_units_named_together_set_up_one_each():
    # K0000108 交通部臺灣鐵路管理局各機廠組織通則 第4條「臺北、高雄機廠設人事室，各置主任一人，花蓮機廠設人事管理員
    # 一人，依法辦理人事管理事項；…」: each of the two works has a 人事室 doing that work; 花蓮機廠 has a post only
    parsed = parse("K0000108")
    got = set(below(parsed))
    assert {"臺北機廠/人事室", "高雄機廠/人事室", "臺北機廠/政風室", "高雄機廠/政風室"} <= got
    assert "花蓮機廠/人事室" not in got
    assert duties(parsed, "高雄機廠/人事室") == ["人事管理事項"]
    # 第5條「各機廠設會計室」: the family's 會計室, as before
    assert "會計室" in got


def test_the_need_said_between_a_unit_and_what_it_sets_up():
    # K0000038 交通部臺灣區國道新建工程局組織條例 第10條「各工程處得視業務需要，設立材料試驗所、測量隊、工務段 (所) ；
    # 材料試驗所置主任一人…」: the 工程處 (「本局得視工程施工需要，設立工程處」) sets them up
    got = set(below(parse("K0000038")))
    assert {"工程處/材料試驗所", "工程處/測量隊"} <= got
    assert not {"材料試驗所", "測量隊"} & got


def test_a_class_written_with_zhong_leixing_is_the_family_itself():
    # F0000028 行政院國軍退除役官兵輔導委員會榮民服務處組織規程 第2條「…區分為甲、乙、丙、丁、戊五種類型，…」
    # 「前項甲、乙種類型服務處得設輔導組及服務組，分別辦理前項業務。」: the family's 組, no class units
    got = set(below(parse("F0000028")))
    assert {"輔導組", "服務組"} <= got
    assert not [u for u in got if "種類型" in u]


def test_what_is_set_up_in_a_unit_is_that_units():
    # K0010006 交通部郵政總局設計考核委員會組織規程 第4條「本會秘書室設企劃、管考、資料三科，並於資料科設圖書室。」
    assert "秘書室/資料科/圖書室" in below(parse("K0010006"))
    # A0010064 考銓處組織條例 第6條「考試院為辦理考試之檢覈，得於考銓處設檢覈委員會。」: in the agency itself
    assert "檢覈委員會" in below(parse("A0010064"))


def test_suo_she_after_a_place_is_which_it_sets_up():
    # D0000045 蒙古盟部旗組織法 第10條「蒙古地方所設省、縣、遇有關涉盟、旗之事件，應與盟、旗官署妥商辦理。」: 所設 is
    # "which … sets up", no unit 蒙古地方所; J0000018 「轄區不完整之省所設之縣度量衡檢定站…」 likewise
    assert not [u for u in below(parse("D0000045")) if u.endswith("地方所")]
    assert not [u for u in below(parse("J0000018")) if u.endswith("省所")]
    # (本所設…, 看守所設…, 各監理所設… stay the units' own)
    assert {"第一課", "第二課"} <= set(below(parse("K0000126")))


def test_a_posts_duty_runs_to_the_sentences_last_shixiang():
    # H0000030 國立科學工藝博物館籌備處暫行組織規程 「本處置會計員一人，依法辦理歲計、會計事項，並兼辦統計事項。」: the
    # whole statement, as a unit's duty is read (not 歲計、會計事項 alone)
    assert "歲計、會計事項，並兼辦統計事項" in duties(parse("H0000030"), "")
    # A0030044 行政院中美經濟社會發展基金管理委員會組織規程 「本會置執行秘書一人，…，分別辦理本基金之管理運用會計事項暨
    # 本會之文書總務事項。」
    assert "本基金之管理運用會計事項暨本會之文書總務事項" in duties(parse("A0030044"), "")


def test_a_units_list_nests_its_sections_and_their_teams():
    # G0310021 財政部高雄關稅局辦事細則 第4條「進口組掌理…事宜。分設五課、十五股，各課、股之職掌如左：」
    # 「一、審核課掌理進口報單審核及總務事項。分設四股辦事：」「(一) 文書股：」「      1 公文收發、整理及歸檔。」:
    # the items are the 課, each with its duty; their items the 股; the indented 1 … the 股's duties
    customs = parse("G0310021")
    units = below(customs)
    assert {"進口組/審核課", "進口組/審核課/文書股", "進口組/審核課/審核一股", "進口組/業務二課/稅款股"} <= set(units)
    assert duties(customs, "進口組/審核課") == ["進口報單審核及總務事項"]
    assert "公文收發、整理及歸檔" in duties(customs, "進口組/審核課/文書股")
    # the tail of a section's item wrapped onto a line of its own: 「一、進口業務一課掌理…等事項。」「分設四股辦事：」
    assert "前鎮分局/進口業務一課/進口業務一股" in below(customs)
    # 「      1 C1  進口報單之收單。」: the numeral before a form's code; 「1 船舶結關。」 under a 股 is its duty
    assert "中興分局/稽查課/稽查一股" in below(customs)
    assert "船舶結關" in duties(customs, "中興分局/稽查課/稽查五股")
    # 「四、海務課掌理…業務，職掌如左：」「(六) 查緝指揮情資傳遞。」: a section with no teams, its duties below it
    assert "查緝指揮情資傳遞" in duties(customs, "稽查組/海務課")
    # G0310004 「一、第一科辦理下列事項：」「 (一) 辦理公開發行公司下列事項：」「      1 申請上市、上櫃案之核備。」
    assert "申請上市、上櫃案之核備" in duties(parse("G0310004"), "第一組/第一科")


def test_an_items_unit_with_its_duty_on_the_line_below():
    # G0310016 「各科職掌範圍如下：」「一、第一科：」「    稅則第一章至第四十章及第六十八章至第七十章。」
    tariffs = parse("G0310016")
    assert duties(tariffs, "稅則處/第一科") == ["稅則第一章至第四十章及第六十八章至第七十章"]
    assert "稅則處/第三科" in below(tariffs)
    # K0000090 「二、收費站：」「    受益費之徵收、解繳、稽核等事項。」「三、總務室：」
    tunnel = parse("K0000090")
    assert duties(tunnel, "收費站") == ["受益費之徵收、解繳、稽核等事項"]
    assert "總務室" in below(tunnel)
