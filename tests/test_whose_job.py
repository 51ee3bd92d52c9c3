"""`which` on national documents: the unit whose job the matter is, before one that lists it, assists in it or
shares a word of it in another compound (queries/lookup/ranking.py, queries/entries.py).

Each graph is built from a few real acts of data/national.tar.xz; the expectations were checked against their text.
"""
from __future__ import annotations

import pytest

from support import graph_of


def first_units(graph, query: str, n: int = 2) -> list[str]:
    from queries.lookup.ask import ask_graph
    return [h.unit["id"] for h in ask_graph(graph, query, top=n).hits][:n]


@pytest.fixture(scope="module")
def forensic():
    # 法務部組織法 lists 「法醫鑑驗、人員培訓及法醫科技之研究發展」; 法醫研究所組織法 「法醫人員之培訓」, and its
    # 辦事細則 gives it to 法醫病理組; 阿里山林業鐵路及文化資產管理處組織法 and its 處務規程 (綜合企劃科: 「阿里山林業
    # 鐵路博物館之規劃、建置及經營管理」).
    return graph_of("I0000001", "I0000033", "I0010089", "M0000106", "M0010059")


def test_a_unit_named_for_the_matter_its_text_states_comes_before_a_section_under_it(forensic):
    railway = "行政院/農業部/林業及自然保育署/阿里山林業鐵路及文化資產管理處"
    assert first_units(forensic, "阿里山林業鐵路營運") == [railway, railway + "/綜合企劃科"]


def test_an_agency_named_for_the_matter_comes_before_the_ministry_listing_it(forensic):
    assert first_units(forensic, "法醫訓練") == ["行政院/法務部/法醫研究所", "行政院/法務部/法醫研究所/法醫病理組"]


def test_the_own_name_factor_is_explained(forensic):
    from queries.lookup.ask import ask_graph
    hit = ask_graph(forensic, "法醫訓練", top=1, explain=True).hits[0]
    assert hit.explain[0]["text"] == "法醫人員之培訓" and hit.explain[0]["own_name"] > 1.0


def test_a_run_that_ends_another_compound_is_no_match():
    # 水利署組織法's 工程事務組 keeps 「水利工程物價指數調整…」: another index than the consumer price index, which
    # 主計總處組織法 has among its statistics (人力資源, 物價 …).
    graph = graph_of("J0010056", "T0000004")
    assert first_units(graph, "消費者物價指數和失業率統計發布", 5) == ["行政院/主計總處"]
    assert "行政院/經濟部/水利署/工程事務組" in first_units(graph, "水利工程物價指數", 1)


def test_a_duty_assisting_in_a_matter_counts_for_less():
    from queries.lookup.ask import ask_graph
    # 民防指揮管制所組織規程: 「協助重大災害應變之傳報、督導」; 消防署組織法: 「災害應變整備之規劃、協調及督導」.
    graph = graph_of("D0000170", "D0000242")
    hits = {h.unit["id"]: h for h in ask_graph(graph, "災害應變督導", top=5, explain=True).hits}
    assisting = hits["行政院/內政部/警政署/民防指揮管制所"].explain[0]
    leading = hits["行政院/內政部/消防署"].explain[0]
    assert assisting["text"].startswith("協助") and assisting["flags"] == ["supporting"] and assisting["prior"] == 0.6
    assert leading["flags"] == [] and leading["prior"] == 1.0


def test_words_only_a_units_own_name_holds_count_in_its_score():
    # 警察廣播電臺組織規程: the station 「新聞採訪、編輯及新聞節目製播」; its 辦事細則 gives each 分臺
    # 「地區新聞與活動之採訪、製作及播出」.  The station's own name holds 警察 and 廣播電臺, which its statement
    # leaves implied: it comes first.
    graph = graph_of("D0010034", "D0000169")
    assert first_units(graph, "警察的廣播電台，新聞是誰在採訪跟製作？", 1) == ["行政院/內政部/警政署/警察廣播電臺"]


def test_a_name_above_counts_where_its_body_has_no_statement_answering():
    # 高速公路局各新建工程分局組織準則: 「職業安全衛生之管理」; 公路局各區公路新建工程分局辦事細則: its 工務段
    # 「勞工職業安全衛生、環境保護之工地督導及稽查」.  國道 is asked as 高速公路, which only the name of 高速公路局
    # above the 分局 holds, and 高速公路局 states nothing of the matter here: the name counts for the 分局.
    graph = graph_of("K0000224", "K0000304")
    first = first_units(graph, "新蓋國道的工地，工人的職業安全是誰在管？", 1)
    assert first == ["行政院/交通部/高速公路局/各新建工程分局"]


def test_a_name_above_lends_nothing_where_its_body_states_the_matter(forensic):
    # The 管理處's own duties say 「阿里山林業文化園區、阿里山林業鐵路…」: its name lends 安全管理科
    # (「鐵路營運系統安全…」) none of 阿里山, which stays below the 管理處.
    from queries.lookup.ask import ask_graph
    hits = ask_graph(forensic, "阿里山林業鐵路營運", top=5, explain=True).hits
    safety = next(h for h in hits if h.unit["id"].endswith("/安全管理科"))
    assert hits[0].unit["id"].endswith("/阿里山林業鐵路及文化資產管理處")
    assert not {"阿里", "里山", "山林"} & {t[0] for t in safety.explain[0]["terms"]}


def test_a_run_ending_another_compound_earns_no_phrase_bonus():
    # 產業發展署's 知識經濟產業組 (J0000103): 「產業研發成果流通運用與管理…」 — the run 業研發成果 of 農業研發成果
    # ends 產業 there;
    # 種苗改良繁殖場's 產業服務科 (M0010039): 「種苗科技計畫與研發成果之管理及運用」, 農業 in 農業部 above it;
    # 茶及飲料作物改良場 (M0000099, M0010047): 「茶與飲料作物科技研發成果之保護、管理及運用」.
    graph = graph_of("J0000103", "M0010039", "M0000099", "M0010047")
    assert first_units(graph, "農業研發成果管理", 1) == ["行政院/農業部/種苗改良繁殖場/產業服務科"]


def test_a_run_narrowed_by_a_word_the_units_names_hold_keeps_its_bonus():
    # 教育訓練測考中心 (D0090043): 「海洋職類教育訓練計畫與流路之規劃…」; 海巡 of 海巡教育訓練 is in 海巡署 above it.
    graph = graph_of("D0090043", "J0000103", "M0010039")
    from queries.lookup.ask import ask_graph
    hit = ask_graph(graph, "海巡教育訓練", top=1, explain=True).hits[0]
    assert hit.unit["id"] == "行政院/海洋委員會/海巡署/教育訓練測考中心"
    duty = next(x for x in hit.explain if x["text"].startswith("海洋職類教育訓練"))
    assert duty["longest_run"] == 4 and duty["phrase_factor"] > 1


def test_a_duty_given_a_unit_by_its_name_does_not_put_it_before_the_agency_that_states_it():
    # 內政部營建署組織條例: 「本署掌理左列事項：…七、關於國家公園之規劃、建設及管理事項」, then 「本署設…國家公園組、
    # 建築管理組…，分掌前條所列事項」: the loader gives item 7 to 國家公園組 by its name (inferred).  That name is no
    # further evidence: the two tie, the agency whose list says it first, and the section's evidence says inferred.
    from queries.lookup.ask import ask_graph
    hits = ask_graph(graph_of("D0000008"), "國家公園規劃建設", top=2).hits
    assert [h.unit["id"] for h in hits] == ["行政院/內政部/營建署", "行政院/內政部/營建署/國家公園組"]
    assert hits[0].score == hits[1].score
    assert hits[1].evidence[0].text == "國家公園之規劃、建設及管理事項"
    assert hits[1].evidence[0].to_dict()["inferred"] and "inferred" not in hits[0].evidence[0].to_dict()


def test_an_inferred_duty_is_said_so_in_the_answer():
    from queries.lookup.ask import ask_graph
    from queries.lookup.which import render_which
    # 交通部民用航空局飛航服務總臺組織條例: 「國內外航空氣象資料之蒐集處理及有關航空氣象觀測、預報、守視之服務事項」
    # and 「台北飛航情報區內航空器之飛航管制…」, shared out to 台北航空氣象中心 and 台北飛航情報中心 by their names.
    graph = graph_of("K0000046")
    tied = render_which(ask_graph(graph, "航空氣象觀測預報", top=2).hits).splitlines()
    assert tied[1].endswith("飛航服務總臺  K0000046:10 第2條 item 4")
    assert tied[2].endswith("台北航空氣象中心  K0000046:10 第2條 item 4  [inferred]")
    hits = ask_graph(graph, "飛航情報區航空器管制", top=2).hits
    assert hits[0].unit["id"].endswith("/民用航空局/飛航服務總臺")
    assert "inferred: from the agency's list, by the unit's name" in render_which(hits[1:])


def test_a_word_the_question_says_bare_earns_no_phrase_bonus_where_the_text_narrows_it():
    # 金融監督管理委員會組織法 (G0300035): 「金融消費者保護」 — 消費者保護 narrowed to the financial consumers';
    # 行政院處務規程 (A0020155) sets up 消費者保護處 (「消費者保護官行使職權之指揮」).  退貨 is asked as 消費者保護
    # (planner.tsv): the bare word, which the 處 is named for, not the 委員會's narrower one.
    graph = graph_of("G0300035", "A0020155")
    from queries.lookup.ask import ask_graph
    hits = ask_graph(graph, "網購買到瑕疵品，店家不肯退貨要向誰申訴？", top=3, explain=True).hits
    assert [h.unit["id"] for h in hits] == ["行政院/消費者保護會", "行政院/消費者保護處", "行政院/金融監督管理委員會"]
    duty = next(x for x in hits[2].explain if x["text"] == "金融消費者保護")
    assert duty["longest_run"] == 5 and duty["phrase_factor"] == 1.0


def test_a_text_narrowing_a_word_by_another_word_of_the_question_narrows_nothing():
    # 鐵道古蹟 is asked as 「鐵道 文化資產」 (planner.tsv): 交通部鐵道局組織法 (K0000155) 「督導鐵道文化資產之管理維護」
    # writes 鐵道 before 文化資產 as the question does, and keeps the phrase bonus; 文化部文化資產局 (H0010030) and
    # 國史館 (A0020042) keep theirs, their texts saying 文化資產 bare or after 文化資產.
    graph = graph_of("K0000155", "H0010030", "A0020042")
    from queries.lookup.ask import ask_graph
    hits = ask_graph(graph, "鐵道古蹟保存", top=3, explain=True).hits
    assert hits[0].unit["id"] == "行政院/交通部/鐵道局"
    duty = next(x for x in hits[0].explain if x["text"] == "督導鐵道文化資產之管理維護")
    assert duty["phrase_factor"] > 1.0


def test_the_bodys_own_matter_is_no_narrower_compound():
    # 財政部臺北區支付處辦事細則 (G0310002): 「本處公文稽催由總務室辦理之。」 — 本處 names the office itself, not a kind
    # of 公文稽催: the 總務室 keeps the phrase bonus and ties the 處 first.
    graph = graph_of("G0310002")
    assert "財政部/臺北區支付處/總務室" in first_units(graph, "公文稽催由誰辦理")
