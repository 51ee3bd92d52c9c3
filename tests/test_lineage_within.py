"""A body (or a class) that went to an agency holding a body of its own name (or one family) went on as that body
(graph_model/graph/heir_unit.py).
Real documents of data/national.tar.xz; each expectation is checked against their text."""
from __future__ import annotations

from support import national_store


def succeeded_by(graph, uid: str) -> list[str]:
    return [target for target, _ in graph.out(uid, "SUCCEEDED_BY")]


def test_a_bureau_whose_rules_the_new_agency_repealed_went_on_as_its_body_of_the_same_place(tmp_path):
    # 財政部高雄關稅局辦事細則 (G0310021): 「中華民國一百零二年一月二十四日財政部關務署…令發布廢止」 — only the agency
    # that repealed it; 財政部關務署各關組織準則 (G0300057) 第1條: 「財政部關務署為辦理全國關務業務，特設基隆關、
    # 臺北關、臺中關、高雄關（以下簡稱各關）」, in force from 2013-01-01.
    graph = national_store(tmp_path, "G0310021", "G0310020", "G0300053", "G0300057").graph(history=True)
    for old, new in (("高雄關稅局", "高雄關"), ("臺中關稅局", "臺中關")):
        uid = f"行政院/財政部/{old}"
        # a member of the family 各關 here; a body of its own with its 辦事細則 loaded too
        assert succeeded_by(graph, uid) == [f"行政院/財政部/關務署/各關/{new}"]
        assert graph.node(uid)["successors"] == [f"行政院 › 財政部 › 關務署 › 各關 › {new}"]


def test_a_centre_went_on_under_its_name_then_as_the_academy_its_rank_changed(tmp_path):
    # 公務人力發展中心辦事細則 (S0010006): 「中華民國一百零三年七月一日行政院人事行政總處…令發布廢止」, while
    # 行政院人事行政總處公務人力發展中心處務規程 (S0010019, 「自一百零一年二月六日施行」) set the same 中心 up under the
    # 總處; that 規程 was repealed by the 總處 on 2017-07-05, as 行政院人事行政總處公務人力發展學院組織法 (S0000029)
    # took effect: 「行政院人事行政總處為辦理…公務人力訓練及發展業務，特設公務人力發展學院」.
    # (行政院人事行政局組織條例, S0000005, loaded too: 第18條 「本局設…公務人力發展中心及地方行政研習中心」 keeps the
    # 辦事細則's body apart from the 總處's, as in the whole corpus)
    graph = national_store(tmp_path, "S0010006", "S0010019", "S0000029", "S0010018", "S0000005").graph(history=True)
    centre = "行政院/人事行政總處/公務人力發展中心"
    old = next(u["id"] for u in graph.units() if u["name"] == "公務人力發展中心" and u["id"] != centre)
    assert succeeded_by(graph, old) == [centre]
    assert succeeded_by(graph, centre) == ["行政院/人事行政總處/公務人力發展學院"]



def test_the_bodies_of_a_common_act_went_on_as_the_one_family_of_where_their_parents_work_went(tmp_path):
    # 行政院勞工委員會職業訓練局職業訓練中心組織通則 (N0000003) 第2條: 「行政院勞工委員會職業訓練局得視實際需要…設立職業
    # 訓練中心」, repealed 2015; the 局's work went to 勞動部勞動力發展署 (its 就業服務中心s went on as 分署s), whose
    # 各分署組織準則 (N0000036) 第1條 「…特設各分署（以下簡稱分署）」 is its one family.
    graph = national_store(tmp_path, "N0000003", "N0000002", "N0000033", "N0000036", "N0010017", "N0010019",
                           "N0010031", "N0010033").graph(history=True)
    centres = "行政院/勞工委員會/職業訓練局/職業訓練中心"
    assert succeeded_by(graph, centres) == ["行政院/勞動部/勞動力發展署/各分署"]


def test_a_member_made_under_its_classs_common_act_went_where_the_class_went(tmp_path):
    # 行政院勞工委員會職業訓練局中區職業訓練中心辦事細則 (N0010005) 第1條: 「本細則依行政院勞工委員會職業訓練局職業訓練
    # 中心組織通則第十四條規定訂定之」; the class went on as 勞動力發展署's 各分署 (above), and so did the centre.
    graph = national_store(tmp_path, "N0000003", "N0000002", "N0000033", "N0000036", "N0010017", "N0010019",
                           "N0010031", "N0010033", "N0010005").graph(history=True)
    centre = "行政院/勞工委員會/職業訓練局/中區職業訓練中心"
    assert succeeded_by(graph, centre) == ["行政院/勞動部/勞動力發展署/各分署"]


def test_a_family_went_on_as_the_one_family_of_where_its_parents_work_went(tmp_path):
    # 行政院海岸巡防署海岸巡防總局各地區巡防局組織通則 (D0090004); 海洋委員會海巡署各地區分署辦事細則 (D0090040) 第1條:
    # 「海洋委員會海巡署各地區分署（以下簡稱各分署）」, the one family of 海巡署 (海洋委員會海巡署組織法, D0090031).
    graph = national_store(tmp_path, "D0090004", "D0090003", "D0090007", "D0090018", "D0090020", "D0090030",
                           "D0090031", "D0090040").graph(history=True)
    family = "行政院/海岸巡防署/海岸巡防總局/各地區巡防局"
    assert succeeded_by(graph, family) == ["行政院/海洋委員會/海巡署/各地區分署"]


def test_a_class_whose_members_went_on_as_members_of_one_family_went_on_as_that_family(tmp_path):
    # 財政部關稅總局各地區關稅局組織通則 (G0300027), repealed 2023 with no word of what followed; its members' rules
    # (財政部臺中、高雄關稅局辦事細則, G0310020, G0310021) 第1條: 「本細則依財政部關稅總局各地區關稅局組織通則第十四條
    # 規定訂定之」, both went on as members of 關務署's 各關 (G0300057 「特設基隆關、臺北關、臺中關、高雄關（以下簡稱
    # 各關）」).
    graph = national_store(tmp_path, "G0300027", "G0310021", "G0310020", "G0300053", "G0300057").graph(history=True)
    family = "行政院/財政部/關稅總局/各地區關稅局"
    assert succeeded_by(graph, family) == ["行政院/財政部/關務署/各關"]
    assert graph.node(family)["status"] == "superseded"


def test_a_body_that_took_its_parents_heir_went_on_as_that_heirs_body_of_its_name(tmp_path):
    # 行政院人事行政局地方行政研習中心暫行組織規程 (S0000018) names no successor; its parent 人事行政局 went to the
    # 總處 (S0000005 沿革: 「…令公布廢止」, 行政院人事行政總處組織法 in force 101年2月6日), which holds a 中心 of its
    # very name:
    # 行政院人事行政總處地方行政研習中心組織法 (S0000025) 第1條 「行政院人事行政總處為辦理地方政府機關公務人員訓練業務，
    # 特設地方行政研習中心」.
    graph = national_store(tmp_path, "S0000018", "S0000005", "A0010032", "S0000025", "S0010020").graph(history=True)
    centre = "行政院/人事行政局/地方行政研習中心"
    assert succeeded_by(graph, centre) == ["行政院/人事行政總處/地方行政研習中心"]
    assert graph.node(f"{centre}/秘書室")["successors"] == ["行政院 › 人事行政總處 › 地方行政研習中心"]


def test_a_class_that_ended_while_its_parent_went_on_was_taken_in_by_the_body_holding_units_of_its_kind(tmp_path):
    # 交通部公路總局北、中、南部汽車技術訓練中心暫行組織規程 (K0000127), repealed 2008-03-05 with no word of what
    # followed, while 公路總局 went on until 2023 (交通部公路局組織法, K0000207); 交通部公路總局公路人員訓練所辦事細則
    # (K0010130) 第11條: 「本所為應轄區業務需要，得設訓練中心，各訓練中心掌理事項如下：…二、執行各項專業技術之訓練、
    # 檢定及證照核發」.
    graph = national_store(tmp_path, "K0000127", "K0010130", "K0000058", "K0000207").graph(history=True)
    centres = "行政院/交通部/公路總局/各汽車技術訓練中心"
    assert succeeded_by(graph, centres) == ["行政院/交通部/公路總局/公路人員訓練所"]
    assert graph.node(centres)["successors"] == ["行政院 › 交通部 › 公路總局 › 公路人員訓練所"]
    # its members with it, not 公路總局's heir of 2023
    institute = ["行政院 › 交通部 › 公路總局 › 公路人員訓練所"]
    assert graph.node(f"{centres}/北部汽車技術訓練中心")["successors"] == institute


def test_a_body_went_to_the_body_set_up_as_it_ended_for_the_same_work_and_its_twin_with_it(tmp_path):
    # 交通部公路總局西部濱海公路北區臨時工程處暫行組織規程 (K0000159) 第1條:
    # 「交通部公路總局為辦理西部濱海公路新闢及整建工程之設計施工、審核、督導、監造、交通工程之策劃及設置事項，
    # 特設西部濱海公路北區臨時工程處」, repealed 2023-11-23 with the 南區's 辦事細則 (K0010142), no word of what
    # followed; 交通部公路局各區公路新建工程分局組織準則 (K0000303, made 2023-10-04) 第1條:
    # 「交通部公路局為辦理公路新闢與整建工程之設計施工、審核、督導、監造、交通工程之策劃及設置事項，
    # 特設各區公路新建工程分局」.
    graph = national_store(tmp_path, "K0000159", "K0010142", "K0010143", "K0000303", "K0000058",
                           "K0000207").graph(history=True)
    for quarter in ("北區", "南區"):
        uid = f"行政院/交通部/公路總局/西部濱海公路{quarter}臨時工程處"
        assert succeeded_by(graph, uid) == ["行政院/交通部/公路局/各區公路新建工程分局"], quarter


def test_a_committee_filed_under_its_renamed_parent_went_to_the_task_force_of_its_name(tmp_path):
    # 行政院客家委員會法規委員會組織規程 (D0000122), not marked 廢, is filed 「行政＞客家委員會＞組織目」: under the
    # 客家委員會 of 客家委員會組織法 (D0000158), one body of the graph with the 行政院客家委員會 of before — the name
    # that gives, 客家委員會法規委員會, is the committee itself; 客家委員會處務規程 (D0140006) 第14條: 「本會為辦理法制
    # 業務，設法規會為常設性任務編組」.
    graph = national_store(tmp_path, "D0000122", "D0000129", "D0000158", "D0140006").graph(history=True)
    committee = "行政院/客家委員會/法規委員會"
    assert succeeded_by(graph, committee) == ["行政院/客家委員會"]
    assert graph.node(committee)["successors"] == ["行政院 › 客家委員會 › 法規會"]


def test_a_preparatory_office_whose_body_went_to_a_family_is_the_member_it_prepared(tmp_path):
    # 交通部觀光局大鵬灣國家風景區管理處籌備處暫行組織規程 (K0000043) 第10條: 「本處於交通部觀光局大鵬灣國家風景區
    # 管理處成立時裁撤之」, repealed 1997; 交通部觀光署各國家風景區管理處組織準則 (K0000252) 第1條: 「交通部觀光署為
    # 辦理各國家風景區之建設、開發、管理及觀光發展業務，特設各國家風景區管理處」.
    graph = national_store(tmp_path, "K0000043", "K0000027", "K0000205", "K0000252").graph(history=True)
    office = "行政院/交通部/觀光局/大鵬灣國家風景區管理處籌備處"
    assert succeeded_by(graph, office) == ["行政院/交通部/觀光署/各國家風景區管理處"]
    assert graph.node(office)["successors"] == ["行政院 › 交通部 › 觀光署 › 大鵬灣國家風景區管理處"]


def test_a_body_whose_namesake_is_a_unit_of_another_bodys_rules_went_to_that_body(tmp_path):
    # 交通部公路總局各區車輛行車事故鑑定會組織規程 (K0000149), repealed 2018-01-23 with no word of what followed;
    # 交通部公路局各區監理所辦事細則 (K0000308) 第15條: 「各區車輛行車事故鑑定會掌理事項如下：一、行車事故現場之勘查
    # 及報告。…」 — a unit of the 監理所's rules, no body with rules of its own.
    graph = national_store(tmp_path, "K0000149", "K0000058", "K0000207", "K0000307", "K0000308").graph(history=True)
    board = "行政院/交通部/公路總局/各區車輛行車事故鑑定會"
    assert succeeded_by(graph, board) == ["行政院/交通部/公路局/各區監理所"]
    assert graph.node(board)["successors"] == ["行政院 › 交通部 › 公路局 › 各區監理所"]


def test_a_body_that_ended_with_none_went_to_the_body_holding_a_division_of_its_name(tmp_path):
    # 行政院衛生署管制藥品管理局辦事細則 (L0000028), repealed 2011-11-15 with no word of what followed; 衛生福利部
    # 食品藥物管理署處務規程 (L0010049) 第4條: 「本署設下列組、室、區管理中心：…五、管制藥品組，分六科辦事。」 — the
    # 署 under 衛生署's heir (行政院衛生署組織法, L0000001, repealed; 衛生福利部組織法, L0000055).
    graph = national_store(tmp_path, "L0000028", "L0000001", "L0000055", "L0000054", "L0010049").graph(history=True)
    bureau = "行政院/衛生署/管制藥品管理局"
    assert succeeded_by(graph, bureau) == ["行政院/衛生福利部/食品藥物管理署"]
    assert graph.node(f"{bureau}/稽核管制組")["successors"] == ["行政院 › 衛生福利部 › 食品藥物管理署"]


def test_a_body_that_ended_with_none_is_carried_on_by_the_sibling_whose_duty_names_its_work(tmp_path):
    # 外交部外交領事人員講習所組織條例 (E0000002) 第1條: 「外交部為辦理新進及在職人員實務及智能講習事項，設外交領事人員
    # 講習所」, repealed 2022-06-15 with no word of what followed; 外交部外交及國際事務學院組織法 (E0000016), in force
    # 2012-09-01, 第2條: 「一、新進外交領事人員、外交行政人員培訓講習之規劃及執行。」
    graph = national_store(tmp_path, "E0000002", "E0000001", "E0000016").graph(history=True)
    school = "行政院/外交部/外交領事人員講習所"
    assert succeeded_by(graph, school) == ["行政院/外交部/外交及國際事務學院"]
    assert graph.node(f"{school}/教務組")["successors"] == ["行政院 › 外交部 › 外交及國際事務學院"]
    # 行政院大陸委員會香港事務局辦事細則 (Q0010005), repealed; 大陸委員會香港辦事處組織規程 (Q0000014), under the same
    # 大陸委員會, 第2條: 「本處辦理與香港相關事務以及本會指定之其他業務」 — 香港…事務.
    (tmp_path / "hk").mkdir()
    graph = national_store(tmp_path / "hk", "Q0010005", "Q0000001", "Q0000012", "Q0000014").graph(history=True)
    assert succeeded_by(graph, "行政院/大陸委員會/香港事務局") == ["行政院/大陸委員會/香港辦事處"]
