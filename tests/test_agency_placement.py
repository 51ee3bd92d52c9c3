"""Where a document's agency stands in the government: the name its title gives, placed by the text and the
database's 法規類別.  Real documents of data/national.tar.xz; each expectation is checked against their text."""
from __future__ import annotations

import json
import sys

from support import REPO, national_store

sys.path.insert(0, str(REPO / "eval"))
import corpus  # noqa: E402


def graph_of(tmp_path, *pcodes: str):
    return national_store(tmp_path, *pcodes).graph()


def test_the_state_s_name_before_the_presidential_office_is_the_office_itself(tmp_path):
    # 中華民國總統府組織法 第1條 「總統依據憲法行使職權，設總統府。」, 第2條 「總統府設下列各局、室：一、第一局。…」;
    # 總統府法規委員會組織規程 sets up the office's committee: both are 總統府's, not a body 中華民國總統府 under it.
    act = json.loads(corpus.national_file("A0010012"))
    assert act["法規名稱"] == "中華民國總統府組織法" and act["法規類別"] == "總統＞總統府＞組織目"
    graph = graph_of(tmp_path, "A0010012", "A0010101")
    assert not [u for u in graph.units() if u["name"] == "中華民國總統府"]
    children = {graph.node(c)["name"]: graph.node(c) for c in graph.children("總統府")}
    assert {"第一局", "第二局", "第三局", "機要室", "侍衛室", "公共事務室", "法規委員會"} <= set(children)
    # a bureau named by its number is one of the office's divisions, not an agency of its own
    assert children["第一局"]["kind"] == "Division"
    assert any("公布法律" in duty["text"] for duty, _ in graph.duties_of("總統府/第一局"))


def test_a_committee_of_the_national_security_council_is_under_the_council(tmp_path):
    # 國家安全會議訴願審議委員會組織規程 第2條 「國家安全會議為辦理訴願事件，應設訴願審議委員會」
    graph = graph_of(tmp_path, "A0010021", "A0010024")
    committee = next(u for u in graph.units() if u["name"] == "訴願審議委員會")
    assert committee["id"] == "總統府/國家安全會議/訴願審議委員會"


def test_a_committee_named_for_what_it_mediates_is_one_body(tmp_path):
    # 直轄市縣（市）公寓大廈爭議事件調處委員會組織準則: 調處 (to mediate) ends like an agency word (處); the
    # committee is one body, not 「…調處」 with a bare 「委員會」 under it.
    graph = graph_of(tmp_path, "D0000141")
    names = {u["name"] for u in graph.units()}
    assert "直轄市縣（市）公寓大廈爭議事件調處委員會" in names and "委員會" not in names


def test_a_provincial_government_is_the_outpost_its_rules_name(tmp_path):
    # 福建省政府組織規程 第2條 「福建省政府（以下簡稱本府）為行政院派出機關，受行政院指揮監督」: the database files
    # it under 內政部 (法規類別 行政＞內政部＞組織目); its own words place it under 行政院, as 臺灣省政府.
    rules = json.loads(corpus.national_file("A0010088"))
    assert rules["法規類別"] == "行政＞內政部＞組織目"
    graph = graph_of(tmp_path, "A0010088")
    assert "行政院/福建省政府" in graph and "行政院/內政部/福建省政府" not in graph


def test_each_yuan_s_appeals_committee_is_its_own_body_not_one_placed_three_times(tmp_path):
    # 司法院及所屬機關訴願審議委員會組織規程 第2條 「司法院（以下簡稱本院）及所屬機關為辦理訴願事件，
    # 應設訴願審議委員會」, 考試院及所屬機關… 「考試院（以下簡稱本院）及所屬機關…應設訴願審議委員會」,
    # 總統府及所屬機關… 「總統府及所屬機關為辦理訴願事件，應設訴願審議委員會」: three committees of one
    # generic name, each its 院's (or 府's).
    texts = {p: json.loads(corpus.national_file(p)) for p in ("A0010062", "A0010066", "A0010027")}
    assert all("應設訴願審議委員會" in d["法規內容"][1]["條文內容"] for d in texts.values())
    graph = graph_of(tmp_path, *texts)
    placed = sorted(u["id"] for u in graph.units() if u["name"] == "訴願審議委員會")
    assert placed == ["司法院/訴願審議委員會", "總統府/訴願審議委員會", "考試院/訴願審議委員會"]
    assert "訴願審議委員會" not in graph.agency_conflicts()


def test_two_police_bureaus_branches_of_one_name_are_each_bureau_s(tmp_path):
    # 內政部警政署鐵路警察局辦事細則 and 內政部警政署航空警察局辦事細則 each set up their own 臺北分局 and 高雄分局.
    graph = graph_of(tmp_path, "D0010036", "D0010104")
    placed = sorted(u["id"] for u in graph.units() if u["name"] == "臺北分局")
    assert placed == ["行政院/內政部/警政署/航空警察局/臺北分局", "行政院/內政部/警政署/鐵路警察局/臺北分局"]
    assert not {"臺北分局", "高雄分局"} & set(graph.agency_conflicts())


def test_one_hall_its_own_documents_place_under_two_ministries_is_still_reported(tmp_path):
    # 國立中正紀念堂管理處組織條例 (filed 廢止法規＞教育部) and 國立中正紀念堂管理處處務規程 (行政＞文化部＞組織目)
    # name the one hall without its ministry: neither ministry's own document sets it up, so the disagreement is
    # one body's.
    store = national_store(tmp_path, "H0000029", "H0010034")
    conflicts = store.graph(history=True).agency_conflicts()
    assert sorted(conflicts["國立中正紀念堂管理處"]) == ["教育部", "文化部"]


def test_road_sections_of_two_bureaus_districts_of_one_name_are_each_district_s(tmp_path):
    # 交通部公路局各區養護工程分局辦事細則 第15條 「各工務段掌理事項如下：一、公路養護計畫之擬訂及執行。」 and
    # 交通部高速公路局各區養護工程分局辦事細則 第15條 「各工務段掌理事項如下：一、國道養護計畫之擬定及執行。」:
    # each bureau's districts (a name both bear) have their own road sections.
    graph = graph_of(tmp_path, "K0000302", "K0010146")
    placed = sorted(u["id"] for u in graph.units() if u["name"] == "各工務段")
    assert [p.split("/")[-3] for p in placed] == ["公路局", "高速公路局"]
    assert "各工務段" not in graph.agency_conflicts()


def test_a_committee_of_one_provincial_government_placed_twice_is_still_reported(tmp_path):
    # 臺灣省政府暫行組織規程 第14條 and 臺灣省政府組織規程 第11條 「本府為辦理車輛行車事故鑑定事宜，分八區設車輛行車事故
    # 鑑定委員會」: one government's committee; the database files the first rules under 內政部, the second's 第2條
    # 「為行政院派出機關」 under 行政院 — one parent in two places, which validate must still list.
    store = national_store(tmp_path, "A0010082", "A0040019")
    conflicts = store.graph(history=True).agency_conflicts()
    assert sorted(conflicts["車輛行車事故鑑定委員會"]) == ["內政部/臺灣省政府", "行政院/臺灣省政府"]
