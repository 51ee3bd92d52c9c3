"""Conventions the seventh hand-checked sample (eval/seventh) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_a_unit_set_up_with_its_posts_after_a_comma_typed_as_a_list_mark():
    # D0000016 第6條「本局設人事室、置主任、科員，依法辦理人事管理事項。」 (、 typed for ，)
    parsed = parse("D0000016")
    assert "人事室" in below(parsed)
    assert duties(parsed, "人事室") == ["人事管理事項"]
    # K0000024 第5條「本站設會計室、置主任一人，掌理會計、歲計及統計事項，設人事室，置主任、副主任各一人，分別掌理
    # 人事管理及人事查核事項，…」: the later clause sets up another unit, with a duty of its own
    parsed = parse("K0000024")
    assert {"會計室", "人事室"} <= set(below(parsed))
    assert duties(parsed, "會計室") == ["會計、歲計及統計事項"]
    assert duties(parsed, "人事室") == ["人事管理及人事查核事項"]


def test_kinds_of_body_listed_with_troops_are_no_unit():
    # F0000046 第3條「本部為執行憲兵作戰及建軍備戰需要，得設指揮機構、訓練機構、專業機構、執行機構、支援機構及部隊；
    # 其組織以編組裝備表定之。」: kinds, none named
    assert below(parse("F0000046")) == []
    # F0000002 第5條「參謀本部為遂行軍隊指揮，得設特業機構、執行機構與支援機構及部隊；…」
    assert not [u for u in below(parse("F0000002")) if "機構" in u or u.endswith("部隊")]
    # N0000002 第11條「本局得視業務需要，設職業訓練機構及技能檢定委員會」: the committee is one
    assert "技能檢定委員會" in below(parse("N0000002"))


def test_the_body_above_setting_the_agency_up_opens_the_agencys_sentence():
    # D0020012 省政府組織法 第1條「省設省政府綜理全省行政事務，並監督地方自治。」: no unit 「省設省政府」
    parsed = parse("D0020012")
    assert below(parsed) == ["民政廳", "財政廳", "教育廳", "建設廳", "秘書處", "會計處"]
    assert "全省行政事務，並監督地方自治" in duties(parsed, "")
    # H0000003 第1條「教育部設教育研究委員會，其任務如左：」「一、關於教育制度之研究、計畫事項。」
    assert "關於教育制度之研究、計畫事項" in duties(parse("H0000003"), "")
    # S0000004 第2條「財政部關務署（以下簡稱關務署）設置關務人員升任甄審委員會（以下簡稱本會），辦理…之甄審事項。」
    parsed = parse("S0000004")
    assert below(parsed) == [] and any(d.endswith("之甄審事項") for d in duties(parsed, ""))


def test_a_subject_names_the_unit_set_up_under_another():
    # A0010060 第31條「書記廳設下列科，承長官之命，辦理各該科主管事務：」「二、審查科。」「三、文書科。」…; later
    # 「審查科之職掌如下：」: the 書記廳's 審查科, no second one under the court
    parsed = parse("A0010060")
    got = below(parsed)
    assert "書記廳/審查科" in got and "審查科" not in got
    assert duties(parsed, "書記廳/審查科")
    # A0010103 第8條「本會議秘書處設第一組、第二組、第三組、人事室、會計室及政風室」; 第9條「第一組掌理下列事項：」
    # 「一、第一科：」
    got = below(parse("A0010103"))
    assert "秘書處/第一組/第一科" in got and not [u for u in got if u.startswith("第一組")]


def test_the_sections_a_unit_may_set_up_are_its_own():
    # A0030229 第65條「書記處得分設智慧財產紀錄科、商業紀錄科、智慧財產執行紀錄科、文書科、研究考核科、總務科、資料科及
    # 訴訟輔導科。」; 第69條「智慧財產紀錄科、商業紀錄科及智慧財產執行紀錄科之職掌如下：」
    parsed = parse("A0030229")
    got = below(parsed)
    assert {"書記處/文書科", "書記處/訴訟輔導科", "書記處/智慧財產紀錄科"} <= set(got)
    assert not [u for u in got if u.endswith("科") and "/" not in u]
    assert "案件之編號、資料輸入、審核及抽籤分案事項" in duties(parsed, "書記處/商業紀錄科")
    assert {u.note for u in parsed.units if u.path[-2:] == ("書記處", "文書科")} == {"得設（依需要設置）"}
    # K0000253 第4條「各管理處得設科、室、管理站，如附表。」 in the document of 各國家風景區管理處: the family itself
    assert not [u for u in below(parse("K0000253")) if u.startswith("各")]


def test_a_chapter_of_office_rules_headed_by_a_unit_names_it():
    # A0030229 智慧財產及商業法院處務規程「第 五 章 執行處」「第 六 章 公設辯護人室」 (its articles speak only of
    # 公設辯護人), 「第 七 章 司法事務官室」「第 八 章 技術審查官室」「第 九 章 商業調查官室」
    got = below(parse("A0030229"))
    assert {"執行處", "公設辯護人室", "司法事務官室", "技術審查官室", "商業調查官室"} <= set(got)
    # I0010011 「第 七 章 人事室、會計室及統計室」「人事室、會計室及統計室，分別依照法令辦理人事管理、…事項。」
    assert {"人事室", "會計室", "統計室"} <= set(below(parse("I0010011")))
    # an act's chapter is no unit: K0000015 招商局輪船股份有限公司組織規程「第 二 章 董事會」
    assert "董事會" not in below(parse("K0000015"))


def test_the_rooms_a_chapter_heads_are_those_its_first_article_gives_posts():
    # A0020073 「第 十 章 人事室、會計室、統計室、政風室」 第52條「高等法院設人事室、會計室、統計室及政風室，各室置主任
    # 一人」: 各室 is these four, not also the 法警室 and 公設辯護人室 of earlier chapters
    # (資訊室 has its own 主任, 第49條)
    parsed = parse("A0020073")
    chiefs = {p.unit[-1] for p in parsed.posts if p.title == "主任"}
    assert chiefs == {"資訊室", "人事室", "會計室", "統計室", "政風室"}
    heading = {u.path[-1]: u.source for u in parsed.units if u.source.line == 230}
    assert set(heading) == {"人事室", "會計室", "統計室", "政風室"}
    assert {s.article for s in heading.values()} == {"第52條"}


def test_the_officers_of_a_room_named_for_them_do_its_work():
    # A0030229 第54條「技術審查官承法官之命，依專業類別辦理下列事項：」「一、案件之技術判斷。」 (第 八 章 技術審查官室)
    assert "案件之技術判斷" in duties(parse("A0030229"), "技術審查官室")
    # I0010014 「第 四 章 觀護人室」; 第34條「觀護人掌理左列事項：」「一、執行保護管束案件。」
    assert "執行保護管束案件" in duties(parse("I0010014"), "觀護人室")
    # G0310049 「秘書權責如左：」: the 秘書 is a post, not the 秘書室
    assert "綜核文稿" not in duties(parse("G0310049"), "秘書室")


def test_an_item_naming_a_unit_set_up_before_sets_up_its_own():
    # H0060015 私立高級中學組織規程準則 第3條「私立高級中學設教務處、學生事務處、總務處、…。其各組之設置，規定如下：」
    # 「一、教務處：設教學、註冊、設備三組；未滿二十四班得增設一組，…」「三、總務處：設文書、庶務、出納三組；…」
    got = below(parse("H0060015"))
    assert {"教務處/教學組", "教務處/註冊組", "教務處/設備組", "總務處/出納組", "學生事務處/生活輔導組"} <= set(got)
    # 「四、圖書館：未滿二十四班不分組；二十四班以上者，得設一組至三組，…」: counts, no name
    assert not [u for u in got if u.startswith("圖書館/")]
