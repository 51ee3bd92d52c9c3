"""Every development-corpus document loads with its units under the right parents.

The corpus (tests/data/corpus, see SOURCES.md there) comes from agencies other
than the seeds'; each expectation was checked by reading the text.
"""
from pathlib import Path

import pytest

from graph_model.graph.graph import OrgGraph
from loaders import load_path

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def build(stem):
    path = next(CORPUS.glob(f"{stem}_*.txt"))
    return load_path(path), OrgGraph.build([load_path(path)])


def names(graph, uid, kind=None):
    return [graph.node(c)["name"] for c in graph.children(uid) if kind is None or graph.node(c)["kind"] == kind]


@pytest.mark.parametrize("stem,genre,agency", [
    ("01", "org_act", "衛生福利部/疾病管制署"),
    ("02", "org_act", "農業部/林業及自然保育署"),
    ("03", "org_act", "內政部/消防署"),
    ("04", "org_act", "經濟部/國際貿易局"),
    ("05", "org_act", "交通部/公路總局/各區養護工程處"),
    ("06", "org_act", "勞動部/勞動力發展署/各分署"),
    ("07", "office_rules", "財政部/高雄市國稅局"),
    ("08", "office_rules", "行政院/原住民族委員會"),
    ("09", "office_rules", "行政院/環境保護署"),
    ("10", "office_rules", "財政部/國有財產署/北區分署"),
    ("11", "office_rules", "經濟部/能源署"),
    ("12", "org_act", "臺南市政府"),
])
def test_every_document_loads_with_its_agency(stem, genre, agency):
    parsed, graph = build(stem)
    assert parsed.document.genre == genre
    assert agency in graph.g
    assert graph.duties_of(agency) or graph.children(agency)


def test_cdc_mandate_has_ten_items_and_no_units():
    _, graph = build("01")
    duties = graph.duties_of("衛生福利部/疾病管制署")
    assert len(duties) == 10 and duties[-1][0]["catch_all"]  # 第2條 一 … 十
    assert graph.children("衛生福利部/疾病管制署") == []  # 師（一）級 is a rank, not an item


def test_forestry_subordinate_branch_offices():
    _, graph = build("02")
    assert names(graph, "農業部/林業及自然保育署", "BranchOffice") == ["各地區分署", "航測及遙測分署"]  # 第5條


def test_fire_agency_offices():
    _, graph = build("03")
    kids = names(graph, "內政部/消防署")
    assert kids[:5] == ["救災救護指揮中心", "秘書室", "人事室", "會計室", "政風室"]  # 第4-9條
    # 第3條 一 … 二十四, and 「本署為執行消防及災害防救業務，對各級消防機關得發布署令。」 (its power to issue orders)
    duties = [d["text"] for d, _ in graph.duties_of("內政部/消防署")]
    assert len(duties) == 25 and "發布署令" in duties


def test_trade_bureau_offices_and_committee():
    _, graph = build("04")
    # 第5-1條 「於各重要產銷區域設置辦事處」 names no office: a bare unit word is no unit.
    assert names(graph, "經濟部/國際貿易局") == ["秘書室", "貨品分類委員會", "人事室", "會計室", "統計室"]
    committee = "經濟部/國際貿易局/貨品分類委員會"
    assert graph.node(committee)["kind"] == "Committee"
    assert [d["text"] for d, _ in graph.duties_of(committee)] == ["出進口貨品分類之審訂事項"]  # 第5條


def test_maintenance_office_family_units():
    _, graph = build("05")
    kids = names(graph, "交通部/公路總局/各區養護工程處")
    assert kids[:4] == ["秘書室", "人事室", "會計室", "政風室"]
    assert "一等工程處" not in kids  # 第7條 grades of the office, not units


def test_kaohsiung_tax_bureau_sections_and_teams():
    _, graph = build("07")
    bureau = "財政部/高雄市國稅局"
    assert names(graph, f"{bureau}/綜合規劃科") == ["規劃股", "管考股"]  # 第7條
    assert names(graph, f"{bureau}/徵收科") == ["徵收股", "劃解退稅股", "欠稅清理股", "執行股"]
    planning = graph.duties_of(f"{bureau}/綜合規劃科/規劃股")
    assert len(planning) == 14 and planning[0][1]["line"] == 23  # （一）…（十四）
    assert names(graph, f"{bureau}/各稽徵所") == ["服務股", "營所稅股", "綜所稅股", "營業稅股"]


def test_indigenous_council_divisions_and_sections():
    _, graph = build("08")
    council = "行政院/原住民族委員會"
    assert names(graph, f"{council}/經濟及公共建設處") == ["原住民金融科", "產業發展科", "住宅輔導科", "部落建設科"]
    assert names(graph, f"{council}/企劃處") == ["綜合規劃及民族自治科", "管制考核及資訊管理科", "國際事務科"]


def test_epa_inspection_corps_four_levels():
    _, graph = build("09")
    corps = "行政院/環境保護署/環境督察總隊"
    brigades = names(graph, corps, "Division")
    assert brigades == ["北區環境督察大隊", "中區環境督察大隊", "南區環境督察大隊"]  # 第15-1條 八、北、中、南區…
    assert names(graph, f"{corps}/北區環境督察大隊") == ["第一隊", "第二隊", "第三隊", "第四隊", "第五隊", "第六隊"]
    assert len(graph.duties_of(f"{corps}/南區環境督察大隊/第三隊")) == 5  # （二）第二隊、第三隊及第四隊 1.-5.


def test_state_property_branch_units():
    _, graph = build("10")
    branch = "財政部/國有財產署/北區分署"
    kids = names(graph, branch)
    assert kids[:7] == ["接管科", "勘估科", "處分科", "管理科", "租賃科", "改良利用科", "秘書室"]  # 第4條
    assert names(graph, branch, "BranchOffice") == ["桃園辦事處", "基隆辦事處", "宜蘭辦事處", "花蓮辦事處",
                                                    "金馬辦事處"]
    assert graph.node(f"{branch}/接管科")["note"] == "分二股辦事"
    assert len(graph.duties_of(f"{branch}/接管科")) >= 10


def test_energy_administration_divisions():
    _, graph = build("11")
    kids = names(graph, "經濟部/能源署")
    assert kids[:7] == ["能源政策及氣候變遷組", "油氣發展及管理組", "電力發展及管理組", "節能發展及管理組",
                        "再生與前瞻能源發展組", "再生能源設置推廣組", "秘書室"]  # 第4條
    duties = graph.duties_of("經濟部/能源署/能源政策及氣候變遷組")
    assert len({e["item"] for _, e in duties}) == 8  # 第5條 一 … 八
    assert len(duties) == 9  # item 二 holds two duties separated by ；


def test_tainan_city_offices_and_first_level_agencies():
    _, graph = build("12")
    assert names(graph, "臺南市政府", "Committee") == ["民族事務委員會", "研究發展考核委員會"]
    assert len(names(graph, "臺南市政府", "Agency")) == 18  # 一級機關 list
    assert graph.duties_of("臺南市政府/法制處")[0][0]["text"].startswith("法制")


def test_kaohsiung_duty_items_that_name_a_committee_or_end_in_班_are_duties_not_units():
    # 第15條 （十）「提供訴願審議委員會及各科室報表。」 (line 451) and 第17條 （四）「職員加班、差假之核簽與登記。」
    # (line 563) are duties of their 股: an item is a unit only when every piece of it names one.
    _, graph = build("07")
    bureau = "財政部/高雄市國稅局"
    for team, line, text in [("法務一科/法規管制股", 451, "提供訴願審議委員會及各科室報表"),
                             ("人事室/第二股", 563, "職員加班、差假之核簽與登記")]:
        assert graph.children(f"{bureau}/{team}") == []
        assert (text, line) in [(d["text"], e["line"]) for d, e in graph.duties_of(f"{bureau}/{team}")]
    assert names(graph, f"{bureau}/人事室") == ["第一股", "第二股", "第三股"]  # 第17條 分設三股


@pytest.mark.parametrize("stem, office, line, text", [
    ("10", "財政部/國有財產署/北區分署/秘書室", 109, "不屬其他各科、室、辦事處事項"),  # 第11條 五
    ("11", "經濟部/能源署/秘書室", 103, "不屬其他各組、室事項"),  # 第11條 五
])
def test_residual_items_are_residual_duties_not_units(stem, office, line, text):
    _, graph = build(stem)
    assert graph.children(office) == []  # 「分二股辦事」/「分三科辦事」 name no unit
    duty, edge = graph.duties_of(office)[-1]
    assert (duty["text"], edge["line"], duty["residual"], duty["catch_all"]) == (text, line, True, False)


def test_state_property_branch_offices_share_the_duties_of_article_15():
    # 第15條 (lines 117-127): 「桃園、基隆、宜蘭、花蓮及金馬辦事處掌理轄區內事項如下：」 一 … 十.
    _, graph = build("10")
    branch = "財政部/國有財產署/北區分署"
    offices = names(graph, branch, "BranchOffice")
    assert offices == ["桃園辦事處", "基隆辦事處", "宜蘭辦事處", "花蓮辦事處", "金馬辦事處"]
    for office in offices:
        duties = graph.duties_of(f"{branch}/{office}")
        assert [e["line"] for _, e in duties] == list(range(118, 128))
        assert {e["article"] for _, e in duties} == {"第15條"}
        assert duties[0][0]["text"] == "國有財產之接管、登記、產籍管理、撥用、借用、重劃、遺產管理案件之處理"
        assert duties[-1][0]["text"] == "其他有關轄區國有財產事項" and duties[-1][0]["catch_all"]
    first = graph.duties_of(f"{branch}/桃園辦事處")[0][0]["id"]
    assert len({u["id"] for u, _ in graph.handlers(first)}) == 5  # one duty, five offices


def test_one_line_office_articles_give_one_duty_each():
    # 第12條 「人事室掌理本分署人事事項。」 (line 111): one statement, one duty record.
    parsed, _ = build("10")
    assert [d.text for d in parsed.duties if d.source.line == 111] == ["本分署人事事項"]


def test_tainan_meeting_members_are_not_duties_and_posts_keep_their_duties():
    _, graph = build("12")
    duties = [(d["text"], e["line"], e["post"]) for d, e in graph.duties_of("臺南市政府")]
    # 第17條 「本府設市政會議，以下列人員組成之：」 (lines 95-101) lists members, not duties.
    assert not [d for d in duties if 95 <= d[1] <= 101]
    # 第5條 (line 17) 「本府置消費者保護官，…，掌理消費者保護事項。」; (line 15) 參事、技監、顧問、參議 辦理…
    assert ("消費者保護事項", 17, "消費者保護官") in duties
    assert ("市政設計、撰擬及審核法案、命令、工作計畫，並備諮詢有關市政等事項", 15, "參事、技監、顧問、參議") in duties


def test_trade_bureau_matters_it_may_write_about_are_not_duties():
    # 第10條 「但關於左列事項，得由局行文：」 (lines 36-39): what the bureau may sign itself, not what it handles.
    _, graph = build("04")
    assert all(e["article"] == "第2條" for _, e in graph.duties_of("經濟部/國際貿易局"))
    assert len(graph.duties_of("經濟部/國際貿易局")) == 10  # 第2條 一 … 十


def test_a_duty_list_for_every_branch_office_of_a_kind():
    # The convention of 10 第15條 written the other usual way: 「各辦事處掌理下列事項：」.
    from loaders import parse_text
    text = ("測試部測試署北區分署辦事細則\n\n第 1 條\n"
            "測試部測試署北區分署（以下簡稱本分署）為處理內部單位之分工職掌，特訂定本細則。\n"
            "第 2 條\n本分署設下列各科、室及辦事處：\n一、管理科。\n二、秘書室。\n三、桃園辦事處。\n四、金馬辦事處。\n"
            "第 3 條\n各辦事處掌理下列事項：\n一、轄區內財產之管理。\n二、其他有關轄區事項。\n")
    graph = OrgGraph.build([parse_text(text, "t", genre="office_rules")])
    branch = "測試部/測試署/北區分署"
    for office in ("桃園辦事處", "金馬辦事處"):
        assert [(d["text"], e["line"]) for d, e in graph.duties_of(f"{branch}/{office}")] == [
            ("轄區內財產之管理", 13), ("其他有關轄區事項", 14)]
    assert graph.duties_of(f"{branch}/管理科") == [] and graph.duties_of(branch) == []
