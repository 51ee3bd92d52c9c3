"""Conventions the fifth hand-checked sample (eval/fifth) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_a_list_items_long_set_up_of_sections():
    # N0000005 臺閩地區勞工保險局組織規程 第3條「三、現金給付部  設生育給付審核、傷病殘廢給付審核、老年死亡給付審
    # 核、現金給付會計、現金給付出納五科，分別掌理…」: the item's unit and its five 科 (a set-up 46 characters long)
    got = below(parse("N0000005"))
    for name in ("生育給付審核科", "傷病殘廢給付審核科", "老年死亡給付審核科", "現金給付會計科", "現金給付出納科"):
        assert f"現金給付部/{name}" in got, name


def test_sections_set_up_below_the_unit_just_set_up():
    # N0000005 第10條「在接受委託期間設農民健康保險部，下設承保、現金給付、醫療給付、給付會計、財務五科，分別掌理農民
    # 健康保險之承保、現金給付…等事項。」 (第9條 has 「醫療給付  給付會計」, spaces for 、: four names for 五科,
    # none set up)
    parsed = parse("N0000005")
    got = below(parsed)
    assert [u for u in got if u.startswith("農民健康保險部/")] == [
        f"農民健康保險部/{n}科" for n in ("承保", "現金給付", "醫療給付", "給付會計", "財務")]
    assert duties(parsed, "農民健康保險部/承保科") == ["農民健康保險之承保事項"]
    # O0000001 行政院環境保護署組織法 「設環境督察總隊，其下分設北、中、南三區環境督察大隊。」 (三: the heads' count)
    got = below(parse("O0000001"))
    assert {f"環境督察總隊/{h}區環境督察大隊" for h in "北中南"} <= set(got)


def test_a_councils_powers_are_its_duties():
    # D0000114 市參議會組織條例 第2條「市參議會之職權如左：」「一、議決完成地方自治各事項。」…「九、接受市民請願事項。」
    parsed = parse("D0000114")
    assert {"議決完成地方自治各事項", "議決市預算審核市決算事項", "接受市民請願事項"} <= set(duties(parsed, ""))
    # D0000115 縣參議會組織條例「縣參議會之職權如左。」 (the intro ends with 。) 「九、接受人民請願事項。」
    assert "接受人民請願事項" in duties(parse("D0000115"), "")
    # A0010119 監察院國家人權委員會組織法「本會之職權如下：」「二、研究及檢討國家人權政策，並提出建議。」
    assert "研究及檢討國家人權政策，並提出建議" in duties(parse("A0010119"), "")


def test_a_posts_or_a_meetings_powers_are_not_the_agencys():
    # A0010085 福建省政府組織法「本府主席之職權如左：」「一、召集本府委員會議，並任主席。」: the chairman's
    assert "召集本府委員會議，並任主席" not in duties(parse("A0010085"), "")
    # J0150001 公平交易委員會組織條例「本會委員會議職權如左：」「一、關於公平交易政策之審議。」: the meeting's
    assert "關於公平交易政策之審議" not in duties(parse("J0150001"), "")


def test_staff_placed_to_help_with_the_agencys_work():
    # E0000017 駐外機構組織通則 第11條「駐外機構得視實際需要，依駐在國勞工法令遴用當地專業人員及置當地僱用人員，
    # 協助館務。」
    parsed = parse("E0000017")
    assert [(d.text, d.post) for d in parsed.duties if d.text == "協助館務"] == [("協助館務", "當地僱用人員")]
    # L0000001 行政院衛生署組織法「本署得商請警政主管機關，置專業警察，協助執行衛生醫療法令。」
    assert "協助執行衛生醫療法令" in duties(parse("L0000001"), "")


def test_a_family_of_every_kind_keeps_its_name():
    # H0000031 國立自然科學博物館組織條例「本館因應業務需要，得在各地經報准後設立各類研究及服務中心」: 各類 is part of
    # the family's name (no 「類研究及服務中心」)
    got = below(parse("H0000031"))
    assert "各類研究及服務中心" in got and "類研究及服務中心" not in got


def test_a_unit_set_up_earlier_sets_up_its_own():
    # K0000115 餐旅服務總所暫行組織規程 第8條「一、車勤服務部並設高雄、花蓮、板橋分部。」 and 第9條「…浴場置主任一人、
    # 車勤服務部設勞工安全衛生室，並置主任一人…」: the 分部 and the 室 are 車勤服務部's
    got = below(parse("K0000115"))
    assert {"車勤服務部/高雄分部", "車勤服務部/花蓮分部", "車勤服務部/板橋分部",
            "車勤服務部/勞工安全衛生室"} <= set(got)
    assert "勞工安全衛生室" not in got
    # K0000127「交通部公路總局北、中、南部汽車技術訓練中心（以下簡稱各中心）設各課及工場」: a list of heads is no
    # earlier unit setting up its own
    assert "教務課" in below(parse("K0000127"))


def test_a_kind_of_unit_the_lists_intro_names():
    # A0010018 國父陵園管理委員會組織條例「園林處設左列各科、園，分掌事務：」…「五、植物園：」「（二）國內外植物標本之
    # 採集、製造、鑑定、陳列事項。」: 園 is a kind of unit the intro names
    parsed = parse("A0010018")
    assert "園林處/植物園" in below(parsed)
    assert "國內外植物標本之採集、製造、鑑定、陳列事項" in duties(parsed, "園林處/植物園")
    assert "植物園：" not in duties(parsed, "園林處")


def test_a_committees_mandate_and_what_it_is_brought_to_decide():
    # R0000005 考選部國軍上校以上軍官外職停役轉任公務人員檢覈委員會組織規程 第1條「…，為辦理國軍上校以上軍官外職停役轉任
    # 公務人員尚未取得任用資格者之檢覈，設置檢覈委員會。」 (設置, not 設 + 置檢覈委員會) and 第3條「檢覈案件由考選部
    # 主管司辦理初審，呈由主任委員分配各委員複審並加具意見，提檢覈委員會審定之。」
    got = duties(parse("R0000005"), "")
    assert "辦理國軍上校以上軍官外職停役轉任公務人員尚未取得任用資格者之檢覈" in got
    assert "檢覈案件之審定" in got


def test_task_forces_are_named_by_their_own_names():
    # D0010116 原住民族委員會處務規程「本會辦理法制業務，設法規會為常設性任務編組，置執行秘書一人…」: the unit is 法規會
    got = below(parse("D0010116"))
    assert "法規會" in got and not [u for u in got if "任務編組" in u]
    # L0010053 衛生福利部處務規程「本部為應業務需要得設下列常設性任務編組；…：」「一、法規會：辦理相關法制、訴願及
    # 國家賠償事項，…」: the kind introduces the list, each item names its unit
    got = below(parse("L0010053"))
    assert {"法規會", "全民健康保險會", "國際合作組"} <= set(got) and not [u for u in got if "任務編組" in u]
    # and each says it is one (graph_model/graph/succession.py reads a body's heir from it)
    assert {u.path[-1]: u.note for u in parse("L0010053").units}["法規會"] == "常設性任務編組"
    assert {u.path[-1]: u.note for u in parse("D0010116").units}["法規會"] == "常設性任務編組"
    # K0010041「…、收費管理站及各種性質之任務編組。」: what kind of unit, no name
    assert not [u for u in below(parse("K0010041")) if "任務編組" in u]


def test_regions_heads_share_the_rest_after_the_region_word():
    # A0020155 行政院處務規程「二、中部、南部、東部、雲嘉南區聯合服務中心：整合本院所屬機關（構）當地現有資源…」
    got = below(parse("A0020155"))
    assert {"中部聯合服務中心", "南部聯合服務中心", "東部聯合服務中心", "雲嘉南區聯合服務中心"} <= set(got)
    assert "中部" not in got
    # N0000021「北區、中區及南區勞動檢查所」-like lists joined by 及 keep their own reading
    assert "北區勞動檢查所" in below(parse("N0000021"))


def test_any_number_of_committees_names_no_unit():
    # H0000038 國立高雄餐旅管理專科學校籌備處組織規程「本處得聘顧問若干人，必要時並得設各種專案小組。」: no unit
    assert "專案小組" not in below(parse("H0000038"))
    # A0020042 國史館「…各種委員會…」 is no name either
    assert not [u for u in below(parse("A0020042")) if u.startswith("各種")]
    # A0010016 中央研究院組織法「…設立各種研究所；其組織規程…」: any number of a kind, none named, no unit either
    # (the thirteenth sample's gold, eval/thirteenth/README.md; read as a unit before)
    assert "研究所" not in below(parse("A0010016"))
