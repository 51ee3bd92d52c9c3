"""Sentences that state what a body or unit does without 掌理/辦理, each a convention of the genre.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, duties = parse_national, duties_of


def test_the_cases_a_court_hears_are_its_duties():
    # A0010053 法院組織法 第32條「高等法院管轄事件如下：」「一、關於內亂、外患及妨害國交之刑事第一審訴訟案件。」
    # 「二、不服地方法院及其分院第一審判決而上訴之民事、刑事訴訟案件。但法律另有規定者，從其規定。」
    courts = parse("A0010053")
    high = duties(courts, "高等法院")
    assert "關於內亂、外患及妨害國交之刑事第一審訴訟案件" in high
    assert "不服地方法院及其分院第一審判決而上訴之民事、刑事訴訟案件" in high
    # 第48條「最高法院管轄事件如左：」「四、非常上訴案件。」
    assert "非常上訴案件" in duties(courts, "最高法院")
    # A0010055 行政法院組織法 第12條「最高行政法院管轄事件如下：」
    assert duties(parse("A0010055"), "最高行政法院")[0].startswith("不服高等行政法院高等行政訴訟庭所為第一審之裁判")
    # A0010100 少年及家事法院組織法 第2條「少年及家事法院，除法律別有規定外，管轄下列第一審事件：」
    # 「一、少年事件處理法之案件。」
    assert "少年事件處理法之案件" in duties(parse("A0010100"), "")


def test_a_proviso_after_an_items_duty_is_no_duty():
    # A0010053 「一、民事、刑事第一審訴訟案件。但法律別有規定者，不在此限。」
    local = duties(parse("A0010053"), "地方法院")
    assert "民事、刑事第一審訴訟案件" in local
    assert not [d for d in local if d.startswith("但") or d == "不在此限"]
    # A0010058 法官學院組織法 「一、法律所定法官職前研習計畫之研擬及執行事項。但司法人員人事條例另有規定者，依其規定。」
    academy = duties(parse("A0010058"), "")
    assert "法律所定法官職前研習計畫之研擬及執行事項" in academy
    assert not [d for d in academy if d.startswith("但") or d == "依其規定"]


def test_a_chamber_set_up_to_hear_cases_holds_them():
    # A0010056 懲戒法院組織法 第4條「懲戒法院設懲戒法庭，分庭審判公務員懲戒案件，其庭數視事務之繁簡定之。」,
    # 第5條「懲戒法院設職務法庭，分庭審判法官法第四十七條第一項各款及第八十九條第八項案件；…」 (the law's
    # article names the cases: no pointer elsewhere)
    court = parse("A0010056")
    assert duties(court, "懲戒法庭") == ["審判公務員懲戒案件"]
    assert duties(court, "職務法庭") == ["審判法官法第四十七條第一項各款及第八十九條第八項案件"]
    # A0010055 行政法院組織法 第15-1條「最高行政法院設大法庭，裁判法律爭議。」 (a court a unit of the act); A0020093
    # 最高法院處務規程「本院分設民事大法庭、刑事大法庭，裁判法律爭議。」
    assert duties(parse("A0010055"), "最高行政法院/大法庭") == ["裁判法律爭議"]
    supreme = parse("A0020093")
    assert duties(supreme, "民事大法庭") == duties(supreme, "刑事大法庭") == ["裁判法律爭議"]


def test_an_office_a_unit_sets_up_and_staffs_does_what_follows():
    # A0010053 第24條「地方法院設人事室，置主任一人，…；必要時得依法置佐理人員，依法律規定辦理人事管理、人事查核等
    # 事項。」: the 人事室's, not the court's
    courts = parse("A0010053")
    assert duties(courts, "地方法院/人事室") == ["人事管理、人事查核等事項"]
    assert "人事管理、人事查核等事項" not in duties(courts, "地方法院")
    # K0000012 「特等電信局設人事室及會計室，人事室置主任一人，副主任一人，依法律規定，辦理人事管理及人事查核事項；
    # 會計室置會計主任一人，依法律規定，辦理會計及統計事項。」: each clause's unit
    telecom = parse("K0000012")
    assert duties(telecom, "特等電信局/會計室") == ["會計及統計事項"]
    assert duties(telecom, "特等電信局/人事室") == ["人事管理及人事查核事項"]


def test_a_chamber_named_by_its_cases_and_after_its_court():
    # A0010055 行政法院組織法 第7條「高等行政法院地方行政訴訟庭管轄事件如下：」「三、交通裁決事件。」, before 第9條
    # 「高等行政法院分設高等行政訴訟庭、地方行政訴訟庭，其庭數視事務之繁簡定之」: the chamber under its court
    courts = parse("A0010055")
    assert "交通裁決事件" in duties(courts, "高等行政法院/地方行政訴訟庭")
    assert "依行政訴訟法第二百三十七條之十八提起之都市計畫審查程序" in duties(courts, "高等行政法院/高等行政訴訟庭")
    assert not [u for u in courts.units if u.path[-1].startswith("高等行政法院") and u.path[-1].endswith("庭")]


def test_the_cases_a_committee_takes_up_are_its_duty():
    # D0000010 直轄市縣（市）建築師懲戒委員會組織規程 第4條「建築師懲戒委員會受理建築師懲戒案件後依左列程序處理之：」
    assert "受理建築師懲戒案件" in duties(parse("D0000010"), "")
    # D0000041 政黨審議委員會組織規程 「本會審議政黨處分事件時，得邀請有關機關及被審議處分政黨派員列席說明」
    assert "審議政黨處分事件" in duties(parse("D0000041"), "")
    # A0010045 立法院紀律委員會組織規程 第7條「本會審議懲戒案件得按情節輕重為下列之處分：」 (the penalties are no duty)
    discipline = duties(parse("A0010045"), "")
    assert "審議懲戒案件" in discipline and "口頭道歉" not in discipline
    # A0010004 國民大會紀律委員會組織規程 「紀律委員會審議大會交付之懲戒案件，得按情節輕重為左列之處分：」: the end of
    # the agency's name is the agency
    assert duties(parse("A0010004"), "") == ["審議大會交付之懲戒案件"]
    # D0000011 「本會審議及討論之案件，在會前得分送有關委員」: no kind of case named
    assert not [d for d in duties(parse("D0000011"), "") if d.startswith("審議及")]


def test_what_the_staff_of_a_unit_just_set_up_share_out_is_its_work():
    # A0010056 懲戒法院組織法 第6條「懲戒法院設書記廳，置書記官長一人，…三等書記官七人至十七人，…，分掌紀錄、文書、
    # 研究考核、總務、資料及訴訟輔導等事務；並得分科、股辦事，…」
    assert duties(parse("A0010056"), "書記廳") == ["紀錄、文書、研究考核、總務、資料及訴訟輔導等事務"]
    # A0010053 第22條「地方法院設書記處，置書記官長一人，…，分掌紀錄、文書、研究考核、總務、資料及訴訟輔導等事務，
    # 並得分科、分股辦事」 (a class of courts, a unit of the act)
    assert duties(parse("A0010053"), "地方法院/書記處") == ["紀錄、文書、研究考核、總務、資料及訴訟輔導等事務"]


def test_a_matter_named_first_then_the_unit_that_does_it():
    # K0010016 交通部中央氣象局辦事細則 「辦公處所之調配、修繕、環境衛生等事項由秘書室辦理。」, 「公務車輛之調配、管理、
    # 保養等及油料之購發事項由祕書室辦理。」 (祕 for the 秘書室 it set up),
    # 「辦公處所之安全防護事宜由祕書室協同人事室辦理。」
    weather = duties(parse("K0010016"), "秘書室")
    assert {"辦公處所之調配、修繕、環境衛生等事項", "公務車輛之調配、管理、保養等及油料之購發事項",
            "辦公處所之安全防護事宜"} <= set(weather)
    # A0010048 立法院公報指導委員會組織規程 「關於立法院公報、立法專刊編輯發行事宜，由本會指導之。」: the agency
    assert duties(parse("A0010048"), "") == ["立法院公報、立法專刊編輯發行事宜"]
    # not one done by others: D0000084 「籌備處人事業務，由內政部指派適當人員兼辦。」
    assert "籌備處人事業務" not in [d.text for d in parse("D0000084").duties]


def test_what_a_unit_set_up_in_prose_does_said_as_work_not_matters():
    # A0010012 總統府組織法 「總統府設法規委員會，辦理法制業務，所需工作人員就本法所定員額內派充之。」
    assert duties(parse("A0010012"), "法規委員會") == ["法制業務"]
    # M0000004 漁業署組織條例 「本署因業務需要，設置遠洋漁業開發中心，執行漁業資源之研究開發、調查評估、漁業訓練及推廣
    # 工作。」
    assert duties(parse("M0000004"), "遠洋漁業開發中心") == ["漁業資源之研究開發、調查評估、漁業訓練及推廣工作"]
    # J0000064 「各局得依實際需要於所轄區域，設水庫（堰壩）管理中心，掌理水庫運轉、防洪、維護環保及觀光等業務。」
    assert "水庫運轉、防洪、維護環保及觀光等業務" in [d.text for d in parse("J0000064").duties]
    # a duty naming no work of its own is none: F0000013 「本處得因業務需要，設置勞工安全衛生委員會，辦理有關事宜。」
    assert "有關事宜" not in [d.text for d in parse("F0000013").duties]
    # nor the work of several units together: G0310011 「本局設各科、室及各稽徵所，掌理國說稅稽徵業務有關行政事務。」
    assert "國說稅稽徵業務有關行政事務" not in [d.text for d in parse("G0310011").duties]


def test_a_bodys_powers_as_follows_said_with_ru_ci():
    # G0300042 信用合作社放款審核委員會設置準則 「放款審核委員會之職權如次：」「一、關於大額放款之審議事項。」: 如次 is
    # 如下, and the end of the agency's name is the agency
    own = duties(parse("G0300042"), "")
    assert own[:2] == ["關於大額放款之審議事項", "關於借款社員與其保證人信用調查及質押物估價之抽查復查事項"]


def test_a_bodys_mandate_after_what_it_is_or_whom_it_acts_on():
    # F0000002 國防部參謀本部組織條例 「國防部參謀本部 (以下簡稱參謀本部) 為部長之軍令幕僚及三軍聯合作戰指揮機構，掌理
    # 提出建軍備戰需求、…律定作戰序列、…及其他有關軍隊指揮事項。」, 「參謀本部對依國防部命令編配之機關、作戰部隊，執行
    # 軍隊指揮事項。」
    staff = duties(parse("F0000002"), "")
    assert staff[0].startswith("提出建軍備戰需求、建議國防軍事資源分配")
    assert "軍隊指揮事項" in staff
    # F0000074, the act that replaced it: 「參謀本部對依國防部命令編配之機關、作戰部隊，執行軍隊指揮事項。」
    assert "軍隊指揮事項" in duties(parse("F0000074"), "")
    # a post whose title starts with 執行 is no mandate: D0000003 「…置執行秘書一人，…」
    assert "處理著作權業務" in duties(parse("D0000003"), "")


def test_the_posts_an_items_unit_is_staffed_with_are_no_duty():
    # L0010053 第20條「一、法規會：辦理相關法制、訴願及國家賠償事項，置執行秘書一人，由適當人員擔任。」
    rules = parse("L0010053")
    assert duties(rules, "法規會") == ["相關法制、訴願及國家賠償事項"]
    assert duties(rules, "國際合作組") == ["衛生福利國際、兩岸合作與相關國際組織參與之規劃及推動事項"]
    # E0010001「…，置執行長、副執行長各一人，由適當人員擔任。」; D0000094「…，置隊長、副隊長、組員、分隊長、…、辦事員、
    # 書記」 (辦事員 a post, no 事項)
    assert not [d for d in parse("E0010001").duties if d.text.startswith("置")]
    assert not [d for d in parse("D0000094").duties if d.text.startswith("置")]


def test_a_task_force_named_with_ji_in_a_list_of_units_is_one():
    # L0010053 第20條「本部為應業務需要得設下列常設性任務編組…：」「二、附屬醫療及社會福利機構管理會：辦理
    # 本部附屬醫療與社會福利機構之管理及監督事項，…」
    rules = parse("L0010053")
    assert "附屬醫療及社會福利機構管理會" in units_below(rules)
    assert duties(rules, "附屬醫療及社會福利機構管理會") == ["本部附屬醫療與社會福利機構之管理及監督事項"]


def test_the_posts_after_the_first_and_their_ranks_are_no_duty():
    # F0010057「二、訴願審議會：辦理訴願案件之調查、審議、處理意見之研擬及決定書製作業務，置主任委員一人，
    # 執行秘書一人，由適當人員擔任。」
    assert duties(parse("F0010057"), "訴願審議會") == ["訴願案件之調查、審議、處理意見之研擬及決定書製作業務"]
    # D0000106 第9條「一、保安警察隊：置隊長一人，副隊長一人，均警正；分隊長一人至六人，…」
    assert not [d for d in parse("D0000106").duties if d.unit[-1].endswith("警察隊")]
