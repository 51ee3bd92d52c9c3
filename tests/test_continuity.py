"""Successors the documents do not name: the body that took an ended body's work over, a preparatory
office's body, and one agency under the parent its own act gives it.  Real documents of
data/national.tar.xz; each expectation is checked against their text."""
from __future__ import annotations

import sys

import pytest

from support import REPO, national_store

sys.path.insert(0, str(REPO / "eval"))
import corpus  # noqa: E402

history_of = national_store


def ending(graph, parent: str, name: str) -> str:
    """The id of the unit whose path ends ``parent › name``."""
    return next(u["id"] for u in graph.units() if u["path"][-2:] == [parent, name])


def succeeded_by(graph, uid: str) -> dict[str, dict]:
    return {target: edge for target, edge in graph.out(uid, "SUCCEEDED_BY")}


def test_a_branch_hospital_is_succeeded_by_the_hospital_that_took_its_work_over(tmp_path):
    # 高雄榮民總醫院屏東分院辦事細則 (abolished 2023-01-19) and 屏東榮民總醫院處務規程 (in force from 2022-11-11):
    # no document says one became the other; the duties and the name (屏東) do.
    graph = history_of(tmp_path, "F0010055", "F0150118", "F0150037").graph(history=True)
    old = "國軍退除役官兵輔導委員會/高雄榮民總醫院/屏東分院"
    new = "國軍退除役官兵輔導委員會/屏東榮民總醫院"
    edge = succeeded_by(graph, old)[new]
    assert edge["evidence"].startswith("took its work over") and edge["doc"] == "F0150118"
    assert graph.node(old)["status"] == "superseded" and graph.node(old)["successors"] == [
        " › ".join(graph.node(new)["path"])]


def test_two_bodies_that_could_each_have_taken_the_work_over_are_not_guessed_between(tmp_path):
    # 國立臺中圖書館's rules ended on 2012-12-30, when 國立公共資訊圖書館 and 國立臺灣圖書館 were both set up
    # by acts of their own under 教育部: neither act names the old library.  Only a reviewed row says which.
    from graph_model.graph.graph import OrgGraph
    from graph_model.graph.lineage import statuses
    from graph_model.graph.succession import mark
    store = history_of(tmp_path, "H0000078", "H0000096", "H0010023", "H0000124", "H0000125")
    docs = store.parsed()
    graph = OrgGraph.build(docs)
    mark(graph, statuses(docs, table=[]), docs, table=[])
    old = next(u["id"] for u in graph.units() if u["name"] == "國立臺中圖書館")
    assert graph.node(old)["status"] != "current"
    assert not succeeded_by(graph, old)
    assert list(succeeded_by(store.graph(history=True), old)) == ["行政院/教育部/國立公共資訊圖書館"]


def test_a_preparatory_office_is_succeeded_by_the_body_it_prepared(tmp_path):
    # 國立東華大學籌備處組織規程 第10條: 「本處於國立東華大學成立時裁撤之。」 (no document here sets the university up)
    from loaders import read_bytes
    assert "本處於國立東華大學成立時裁撤之" in read_bytes(corpus.national_file("H0000036"), "H0000036.json")[0]
    graph = history_of(tmp_path, "H0000036").graph(history=True)
    office = next(u for u in graph.units() if u["name"] == "國立東華大學籌備處")
    assert office["status"] == "superseded" and office["successors"][-1].endswith("國立東華大學")


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    # 台灣美國事務委員會暫行組織規程 第1條: 「行政院為…特設台灣美國事務委員會」; its office rules are filed
    # under 外交部 (法規類別 行政＞外交部＞組織目), whose act is loaded too.
    return history_of(tmp_path_factory.mktemp("council"), "E0000018", "E0010025", "E0000001")


def test_one_agency_under_the_parent_its_own_act_gives_it(council):
    graph = council.graph()
    bodies = [u["id"] for u in graph.units() if u["name"] == "台灣美國事務委員會"]
    assert bodies == ["行政院/台灣美國事務委員會"]
    # 辦事細則 第4條: 「本會設下列各組：一、業務組。二、行政組。」
    assert sorted(graph.node(c)["name"] for c in graph.children(bodies[0])) == ["業務組", "行政組"]
    assert "台灣美國事務委員會" not in graph.agency_conflicts()


def test_a_name_written_with_the_other_variant_character_finds_the_unit(council, run):
    result = run("--store", str(council.path), "tree", "臺灣美國事務委員會", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "行政院/台灣美國事務委員會" and "業務組" in result.output


def test_a_body_whose_office_rules_its_familys_replaced_is_current_under_them(tmp_path, run):
    # 經濟部標準檢驗局花蓮分局辦事細則 was repealed 113.02.17; 經濟部標準檢驗局各分局組織準則 and 各分局辦事細則,
    # in force since 112.09.26, govern the branches now: 花蓮分局 still exists.
    store = history_of(tmp_path, "J0010029", "J0000148", "J0010067")
    graph = store.graph(history=True)
    branch = next(u for u in graph.units() if u["name"] == "花蓮分局")
    family = next(u for u in graph.units() if u["name"] == "各分局")
    assert graph.parent(branch["id"]) == graph.parent(family["id"])
    assert branch["status"] == "current" and branch["governed_by"] == family["id"]
    assert not succeeded_by(graph, branch["id"])
    assert branch["status_where"] in ("J0000148", "J0010067")
    # the divisions its repealed rules set up are the family's to set up now
    below = [u for u in graph.descendants(branch["id"], depth=1)]
    assert below and all(graph.node(u)["successors"] == [" › ".join(family["path"])] for u in below)
    result = run("--store", str(store.path), "history", "標準檢驗局/花蓮分局")
    assert result.exit_code == 0 and "(current)" in result.output.splitlines()[0], result.output
    assert "governed" in result.output and "2024-02-17" in result.output


def test_the_city_and_county_election_commissions_are_current_under_their_family_rules(tmp_path):
    # 直轄市縣市選舉委員會組織準則 第1條: 「於直轄市、縣（市）各設直轄市、縣（市）選舉委員會」, revised 106.09.03 by
    # 中選人字第1063750243號令, the order that repealed 苗栗縣 and 桃園市選舉委員會辦事細則; 桃園縣's were repealed
    # 103.04.29, after 桃園市選舉委員會辦事細則 was made (103.04.23): 桃園縣 became 桃園市.
    graph = history_of(tmp_path, "D0000157", "D0010087", "D0010088", "D0110026").graph(history=True)
    by_name = {u["name"]: u for u in graph.units() if u["path"][-2:-1] == ["中央選舉委員會"]}
    family = by_name["直轄市縣市選舉委員會"]
    assert "直轄市、縣（市）選舉委員會" in family["aliases"]
    for name in ("苗栗縣選舉委員會", "桃園市選舉委員會"):
        assert by_name[name]["status"] == "current" and by_name[name]["governed_by"] == family["id"]
    old = by_name["桃園縣選舉委員會"]
    assert old["status"] == "superseded" and list(succeeded_by(graph, old["id"])) == [by_name["桃園市選舉委員會"]["id"]]


def test_a_body_of_one_kind_a_listed_family_names_is_one_body_with_its_own_repealed_rules(tmp_path):
    # 直轄市縣市選舉委員會組織準則 第3條 「直轄市選舉委員會置委員九人至十三人；縣（市）選舉委員會置委員五人至
    # 十一人」: the bodies of the list's kinds (「直轄市、縣（市）選舉委員會」), not units within the family;
    # 直轄市選舉委員會組織規程 (repealed 2010) set up the same 直轄市選舉委員會 under 中央選舉委員會: one body,
    # current under the family's rules.
    from loaders import read_bytes
    text = read_bytes(corpus.national_file("D0000157"), "D0000157.json")[0]
    assert "直轄市選舉委員會置委員九人至十三人" in text
    graph = history_of(tmp_path, "D0000050", "D0000157").graph(history=True)
    named = [u for u in graph.units() if u["name"] == "直轄市選舉委員會"]
    assert [u["path"][-2:] for u in named] == [["中央選舉委員會", "直轄市選舉委員會"]]
    body = named[0]
    family = next(u for u in graph.units() if u["name"] == "直轄市縣市選舉委員會")
    assert body.get("status", "current") == "current" and body["governed_by"] == family["id"]
    assert body["status_where"] == "D0000157" and "2010-02-28" in body["status_evidence"]
    # its old divisions are the family's rules' to set up now
    below = graph.descendants(body["id"], depth=1)
    assert below and all(graph.node(u)["successors"] == [" › ".join(family["path"])] for u in below)
    # the other kind of the list, with no body of its own rules beside the family, stays within it
    assert any(u["path"][-2:] == ["直轄市縣市選舉委員會", "縣（市）選舉委員會"] for u in graph.units())


def test_a_ministrys_committee_whose_rules_were_repealed_lives_on_as_the_central_member_of_its_kind(tmp_path):
    # 內政部區域計畫委員會辦事細則: 「中華民國九十年九月二十日內政部…號令發布廢止」, nothing more;
    # 各級區域計畫委員會組織規程 (1977, in force) 第2條:
    # 「中央、直轄市、縣（市）主管機關為審議區域計畫，應分別設立區域計畫委員會」.
    graph = history_of(tmp_path, "D0070033", "D0000007").graph(history=True)
    committee = next(u for u in graph.units() if u["path"][-2:] == ["內政部", "區域計畫委員會"])
    family = next(u for u in graph.units() if u["path"][-2:] == ["內政部", "各級區域計畫委員會"])
    assert committee["status"] == "current" and committee["governed_by"] == family["id"]
    assert committee["status_where"] == "D0000007" and "2001-09-20" in committee["status_evidence"]
    assert not succeeded_by(graph, committee["id"])


def test_a_national_institution_moved_whole_to_another_ministry_is_current(tmp_path, run):
    # 國立國父紀念館組織條例 (教育部's) 「公布廢止」 104.06.10; 文化部國立國父紀念館組織法 第1條: 「文化部為辦理國父紀念
    # 文物史料之蒐集、研究、典藏、展覽及藝文推廣活動業務，特設國立國父紀念館」: the same body, its name unchanged.
    store = history_of(tmp_path, "H0000028", "H0000112")
    graph = store.graph(history=True)
    old = next(u for u in graph.units() if u["path"][-2:] == ["教育部", "國立國父紀念館"])
    new = next(u for u in graph.units() if u["path"][-2:] == ["文化部", "國立國父紀念館"])
    assert old["status"] == "current" and "moved whole to 行政院 › 文化部" in old["status_evidence"]
    assert list(succeeded_by(graph, old["id"])) == [new["id"]]
    result = run("--store", str(store.path), "history", "教育部/國立國父紀念館")
    assert result.exit_code == 0 and "(current)" in result.output.splitlines()[0], result.output
    assert any(" moved " in line and "文化部 › 國立國父紀念館" in line for line in result.output.splitlines())


def test_a_body_whose_family_rules_were_made_the_day_its_own_were_repealed_is_succeeded_by_the_family(tmp_path):
    # 行政院國軍退除役官兵輔導委員會榮譽國民之家組織規程, repealed 102.10.30, the day 國軍退除役官兵輔導委員會各榮譽
    # 國民之家辦事細則 was made: the family took its place with the council's rename, it did not govern it before.
    graph = history_of(tmp_path, "F0000029", "F0150042").graph(history=True)
    home = next(u for u in graph.units() if u["name"] == "榮譽國民之家")
    family = next(u for u in graph.units() if u["name"] == "各榮譽國民之家")
    assert home["status"] == "superseded" and list(succeeded_by(graph, home["id"])) == [family["id"]]


def test_a_bureau_that_dropped_its_provinces_name_is_succeeded_by_the_bureau_of_that_name(tmp_path):
    # 財政部臺灣省北區國稅局辦事細則 repealed 102.01.08; 財政部北區國稅局各分局辦事細則 (102.01.04) sets up
    # 財政部北區國稅局; 財政部各地區國稅局組織通則 (in force 102.01.01) governs 高雄市國稅局, whose own rules went too.
    graph = history_of(tmp_path, "G0300005", "G0310015", "G0310058", "G0310011").graph(history=True)
    by_name = {u["name"]: u for u in graph.units() if u["path"][-2:-1] == ["財政部"]}
    edges = succeeded_by(graph, by_name["臺灣省北區國稅局"]["id"])
    north = by_name["北區國稅局"]["id"]
    assert list(edges) == [north] and "without 臺灣省" in edges[north]["evidence"]
    assert by_name["高雄市國稅局"]["status"] == "current"
    assert by_name["高雄市國稅局"]["governed_by"] == by_name["各地區國稅局"]["id"]


def test_posts_another_act_gives_a_distinctive_agency_go_to_that_agency(tmp_path):
    # 法院組織法 第70條: 「最高檢察署、高等檢察署及檢察分署置一等通譯…」; 法務部組織法 第5條 lists 最高檢察署.
    graph = history_of(tmp_path, "A0010053", "I0000001", "I0010011").graph()
    found = [u["id"] for u in graph.units() if u["name"] == "最高檢察署"]
    assert len(found) == 1 and found[0].endswith("法務部/最高檢察署")
    posts = {n["title"] for n in graph.nodes_with_label("Post") if n["id"].startswith(found[0] + "#")}
    assert "一等通譯" in posts


def test_history_prints_the_successor_the_duties_show_with_its_evidence(tmp_path, run):
    store = history_of(tmp_path, "F0010055", "F0150118", "F0150037")
    result = run("--store", str(store.path), "history", "高雄榮民總醫院/屏東分院")
    assert result.exit_code == 0, result.output
    event = next(line for line in result.output.splitlines() if "took its work over" in line)
    assert "superseded by" in event and event.split(": ")[0].endswith("屏東榮民總醫院")
    assert "F0150118 line" in result.output


def test_a_family_renamed_from_another_body_takes_the_members_that_ended_with_the_move(tmp_path):
    # 衛生福利部老人身心障礙兒童及少年福利機構組織準則's 沿革: 「（原名稱：內政部所屬老人身心障礙兒童及少年
    # 福利機構組織準則；新名稱：衛生福利部…）」 (102.07.21); 內政部雲林教養院辦事細則 repealed the same day.
    import json
    assert "原名稱：內政部所屬老人身心障礙兒童及少年福利機構組織準則" in "".join(
        json.loads(corpus.national_file("D0000155"))["沿革內容"].split())
    graph = history_of(tmp_path, "D0000081", "D0010075", "D0000155").graph(history=True)
    old = next(u for u in graph.units() if u["name"] == "雲林教養院")
    assert old["status"] == "superseded" and old["successors"] == ["行政院 › 衛生福利部 › 雲林教養院"]
    family = next(u for u in graph.units() if u["name"] == "各教養院")
    edge = succeeded_by(graph, old["id"])[family["id"]]
    assert edge["doc"] == "D0000155" and "原名稱：內政部所屬" in edge["evidence"]
    below = next(u for u in graph.units() if u["id"] == old["id"] + "/教保課")
    assert below["successors"] == ["行政院 › 衛生福利部 › 雲林教養院"]


def test_history_says_a_member_that_joined_a_family_is_now_that_member(tmp_path, run):
    store = history_of(tmp_path, "D0000081", "D0010075", "D0000155")
    result = run("--store", str(store.path), "history", "內政部/雲林教養院")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "  now: 行政院 › 衛生福利部 › 雲林教養院"


def test_a_body_a_division_of_its_parent_took_over_was_absorbed_by_the_parent(tmp_path):
    # 內政部法規委員會組織規程 (D0000002, repealed 2023) and 內政部處務規程 (revised 2023), whose 法制處 does its work.
    graph = history_of(tmp_path, "D0000002", "D0010001").graph(history=True)
    old = ending(graph, "內政部", "法規委員會")
    parent = graph.parent(old)
    edge = succeeded_by(graph, old)[parent]
    assert edge["evidence"].startswith("absorbed: its work is done by 法制處") and edge["doc"] == "D0010001"


def test_a_hospital_called_病院_is_one_of_the_family_of_醫院(tmp_path):
    # 行政院衛生署胸腔病院辦事細則 was repealed 102.07.21, the day 「行政院衛生署所屬醫院組織準則」 was renamed
    # 「衛生福利部各醫院組織準則」 (its 沿革); 衛生署 → 衛生福利部 is data/lineage.tsv's.
    graph = history_of(tmp_path, "L0000040", "L0010042", "L0000053").graph(history=True)
    old = next(u for u in graph.units() if u["name"] == "胸腔病院")
    family = next(u for u in graph.units() if u["name"] == "各醫院")
    assert old["status"] == "superseded" and old["successors"] == [" › ".join((*family["path"][:-1], "胸腔病院"))]
    assert list(succeeded_by(graph, old["id"])) == [family["id"]]


def test_a_generic_name_in_another_ministry_is_not_a_successor(tmp_path):
    # 交通部高雄港務局員工訓練所暫行組織規程 (repealed) and 臺灣省自來水股份有限公司員工訓練所暫行組織規程 (經濟部's):
    # two training centres of one name, of two ministries' bodies; neither document says one became the other.
    graph = history_of(tmp_path, "K0000091", "J0000077").graph(history=True)
    port = next(u for u in graph.units() if u["name"] == "員工訓練所" and "高雄港務局" in u["path"])
    assert port["status"] != "current" and not succeeded_by(graph, port["id"])


def test_a_name_only_its_old_and_new_body_bear_follows_it_to_another_ministry(tmp_path):
    # 國立國父紀念館組織條例 (廢, filed under 教育部) and 國立國父紀念館組織法 (filed under 文化部): the hall moved.
    graph = history_of(tmp_path, "H0000028", "H0000112").graph(history=True)
    old = next(u for u in graph.units() if u["name"] == "國立國父紀念館" and "教育部" in u["path"])
    new = next(u for u in graph.units() if u["name"] == "國立國父紀念館" and "文化部" in u["path"])
    edge = succeeded_by(graph, old["id"])[new["id"]]
    assert edge["evidence"].startswith("the same name under") and new.get("status", "current") == "current"


def test_a_branch_head_repealing_a_bodys_rules_is_its_superior_not_its_successor(tmp_path):
    # 兵役協會組織規程's 沿革 ends 「行政院（90）台防字第004936號令發布廢止」: 行政院 repealed it as the superior of
    # 內政部's 兵役協會 (filed 廢止法規＞內政部) — no body took it over, so no successor is drawn to 行政院.
    from loaders import parse_bytes
    history = parse_bytes(corpus.national_file("D0000006"), "D0000006.json").document.meta["history"]
    assert "行政院（90）台防字第004936號令發布廢止" in "".join(history.split())
    graph = history_of(tmp_path, "D0000006", "A0010032").graph(history=True)
    assert "行政院" in graph
    assert succeeded_by(graph, "行政院/內政部/兵役協會") == {}
    assert graph.node("行政院/內政部/兵役協會")["status"] == "abolished"


def test_a_body_another_took_over_is_superseded_though_its_act_was_repealed(tmp_path, run):
    # 交通部電信總局組織條例 is marked repealed (K0000011 沿革: 「…令公布廢止」); data/lineage.tsv gives the body
    # that took its regulation over, 國家通訊傳播委員會 (P0000008): superseded by it, not abolished.
    store = history_of(tmp_path, "K0000011", "P0000008")
    graph = store.graph(history=True)
    assert graph.node("交通部/電信總局")["status"] == "superseded"
    assert list(succeeded_by(graph, "交通部/電信總局")) == ["行政院/國家通訊傳播委員會"]
    result = run("--store", str(store.path), "history", "電信總局")
    assert result.exit_code == 0 and result.output.splitlines()[0].endswith("(superseded)"), result.output


def test_a_branch_bureau_of_a_bureau_made_an_administration_is_one_of_its_branches(tmp_path):
    # 行政院農業委員會動植物防疫檢疫局基隆分局辦事細則, repealed by 農業部 (2023-11-29); 農業部動植物防疫檢疫署
    # 各分署組織準則 第1條 「特設各分署」, 第2條 「各分署之名稱，以加冠所在地地名為原則」: 基隆分局 is 基隆分署.
    # (its 局 went to 動植物防疫檢疫署 by the duties of the two offices' rules, M0010008 and M0010064)
    graph = history_of(tmp_path, "M0000006", "M0000052", "M0000101", "M0010004", "M0010008",
                       "M0010064").graph(history=True)
    old = "行政院/農業委員會/動植物防疫檢疫局/基隆分局"
    family = "行政院/農業部/動植物防疫檢疫署/各分署"
    edge = succeeded_by(graph, old)[family]
    assert edge["doc"] == "M0000101" and "whose rules govern them now" in edge["evidence"]
    assert graph.node(old)["successors"] == ["行政院 › 農業部 › 動植物防疫檢疫署 › 基隆分署"]


def test_a_body_whose_name_became_a_family_is_succeeded_by_the_family(tmp_path):
    # 行政院國軍退除役官兵輔導委員會榮民服務處組織規程 (repealed 2013-10-30) and 國軍退除役官兵輔導委員會
    # 各榮民服務處組織準則: the rules of one 榮民服務處 became those of each; so 榮譽國民之家 (F0000029 →
    # 各榮譽國民之家組織準則, F0150042).
    graph = history_of(tmp_path, "F0000028", "F0150039", "F0150040", "F0000029", "F0150042").graph(history=True)
    for name, doc in (("榮民服務處", "F0150039"), ("榮譽國民之家", "F0150042")):
        old = f"行政院/國軍退除役官兵輔導委員會/{name}"
        edge = succeeded_by(graph, old)[f"行政院/國軍退除役官兵輔導委員會/各{name}"]
        assert edge["doc"] == doc and edge["evidence"].startswith(f"its kind's family 各{name}")
        assert graph.node(old)["status"] == "superseded"


def test_the_one_body_of_its_kind_set_up_when_a_body_ended_carried_it_on(tmp_path):
    # 財政部財稅人員訓練所辦事細則, repealed 2013-01-08; 財政部財政人員訓練所組織規程 第1條 「財政部…為辦理
    # 全國財政人員訓練業務，特設財政人員訓練所」, enacted 2013-01-04: the one 人員訓練所 under 財政部 then.
    graph = history_of(tmp_path, "G0300019", "G0310005", "G0300059", "G0310073").graph(history=True)
    old = "行政院/財政部/財稅人員訓練所"
    edge = succeeded_by(graph, old)["行政院/財政部/財政人員訓練所"]
    assert edge["evidence"].startswith("the one 人員訓練所 set up under 行政院 › 財政部") and edge["doc"] == "G0300059"


def test_a_shared_ending_as_common_as_博物館_or_警察局_names_no_successor(tmp_path):
    # 國立臺灣博物館 (its rules repealed 2012) is not 國立臺灣史前文化博物館 (組織法 2011), nor 水上警察局
    # (repealed 2002) 鐵路警察局, though each is the one body of that ending set up under the parent then.
    graph = history_of(tmp_path, "H0000075", "H0010025", "H0000106", "D0000038", "D0010031", "D0000165",
                       "D0010036").graph(history=True)
    # (文化建設委員會's 國立臺灣博物館, 2009, went on as 文化部's, of its own name: data/lineage.tsv 文建會 → 文化部)
    for name in ("國立臺灣博物館", "水上警察局"):
        for old in (u["id"] for u in graph.units() if u["name"] == name and u.get("status") != "current"):
            assert {graph.node(t)["name"] for t in succeeded_by(graph, old)} <= {name}, old


def test_a_committee_whose_short_form_is_a_task_force_of_its_parent_is_succeeded_by_the_parent(tmp_path):
    # 僑務委員會法規委員會組織規程, repealed 2012-08-30; 僑務委員會處務規程 第16條 (常設性任務編組):
    # 「法規會：辦理本會法制、訴願及國家賠償業務」.  僑務通訊社 is a task force too, but 華僑通訊社's
    # name does not begin like it: no successor is guessed for it.
    graph = history_of(tmp_path, "E0000005", "E0000010", "E0000007", "E0010011").graph(history=True)
    old = "行政院/僑務委員會/法規委員會"
    edge = succeeded_by(graph, old)["行政院/僑務委員會"]
    # (法規會 is a unit of 僑務委員會 noted 常設性任務編組; its duty 「本會法制、訴願及國家賠償業務」)
    assert edge["evidence"] == ("its work is done by the task force 法規會 of 僑務委員會: "
                                "「法規會：本會法制、訴願及國家賠償業務」")
    assert edge["doc"] == "E0010011" and edge["article"] == "第16條"
    assert graph.node(old)["successors"] == ["行政院 › 僑務委員會 › 法規會"]
    assert not succeeded_by(graph, "行政院/僑務委員會/華僑通訊社")


def test_a_municipality_whose_interim_rules_were_repealed_is_current_under_its_own(tmp_path, run):
    # 桃園市政府組織規程 第1條 「本規程依地方制度法第六十二條第五項規定訂定之」 (行政院's rules for the new
    # municipality until its own 組織自治條例), repealed 2015-03-09; so 桃園市議會組織規程 (第五十四條第四項).
    # 臺灣省保安警察隊組織條例, repealed with no such basis, ended.
    store = history_of(tmp_path, "A0010108", "A0010109", "D0080006")
    graph = store.graph(history=True)
    for name, doc in (("桃園市政府", "A0010108"), ("桃園市議會", "A0010109")):
        node = next(u for u in graph.units() if u["name"] == name)
        assert node["status"] == "current" and node["status_where"] == f"{doc} line 4 第1條", name
        assert node["status_evidence"].startswith("本規程依地方制度法第")
        assert graph.node(f"doc:{doc}")["status"] == "abolished"
    police = next(u for u in graph.units() if u["name"].endswith("保安警察隊") and len(u["path"]) <= 3)
    assert police["status"] == "abolished"
    result = run("--store", str(store.path), "history", "桃園市政府")
    assert result.exit_code == 0 and "(current)" in result.output.splitlines()[0], result.output
    assert "governed" in result.output and "組織自治條例" in result.output


def test_a_body_absorbed_by_the_one_division_named_after_its_work(tmp_path):
    # 內政部資訊中心組織規程, repealed 2023-11-23; 內政部處務規程 as revised in 2023 第5條 「八、資訊服務司」:
    # the one division of 內政部 whose name begins with 資訊, its duties the closest to the centre's.
    graph = history_of(tmp_path, "D0000030", "D0010001").graph(history=True)
    old = "行政院/內政部/資訊中心"
    edge = succeeded_by(graph, old)["行政院/內政部"]
    division = graph.node("行政院/內政部/資訊服務司")
    assert edge["evidence"].startswith("absorbed: its work is done by 資訊服務司")
    assert (edge["doc"], edge["line"]) == (division["doc"], division["line"]) == ("D0010001", division["line"])
    assert graph.node(old)["status"] == "superseded"


def test_a_bureaus_family_named_with_its_subordinates_word_is_the_family_its_own_rules_name(tmp_path):
    # 交通部民用航空局所屬航空站組織通則 (K0000083): 「所屬航空站」 are the bureau's airports, the family
    # 交通部民用航空局各航空站組織準則 (K0000234) names 各航空站 — one node, not a second body beside the bureau.
    assert json_title("K0000083") == "交通部民用航空局所屬航空站組織通則"
    graph = history_of(tmp_path, "K0000083", "K0000234").graph(history=True)
    ids = {u["id"] for u in graph.units()}
    assert not any("所屬航空站" in i for i in ids)
    assert "交通部/民用航空局/各航空站/特等航空站" in {i.split("行政院/")[-1] for i in ids}


def json_title(pcode: str) -> str:
    import json
    return json.loads(corpus.national_file(pcode))["法規名稱"]


def test_a_body_ended_when_its_last_document_stopped_applying(tmp_path, run):
    # 國家公園管理處組織通則 was repealed 2010-05-19 (「中華民國九十九年五月十九日…令公布廢止」), but
    # 國家公園管理處組織準則 governed the bodies until 2024-05-03 (「中華民國一百十三年五月三日…令發布廢止」):
    # they ended then, and the successor the duties show (國家公園署's 各國家公園管理處) took them over from
    # that date, not from 2010.
    assert "九十九年五月十九日" in corpus.national_file("D0000027").decode()
    assert "一百十三年五月三日" in corpus.national_file("D0000149").decode()
    store = history_of(tmp_path, "D0000027", "D0000149", "D0000269")
    graph = store.graph(history=True)
    old = "行政院/內政部/國家公園管理處"
    (edge,) = succeeded_by(graph, old).values()
    assert graph.node(old)["status_date"] == edge["date"] == "2024-05-03"
    result = run("--store", str(store.path), "history", "內政部國家公園管理處")
    assert result.exit_code == 0, result.output
    ended = [ln for ln in result.output.splitlines() if "superseded" in ln and "by " in ln]
    assert ended and all(ln.split()[0] == "2024-05-03" for ln in ended), result.output


def test_a_law_filed_under_a_body_named_category_was_taken_over_by_that_body(tmp_path):
    # 行政院環境保護署環境保護人員訓練所組織條例 (never marked 廢) is filed 「行政＞環境部＞國家環境研究目」, with
    # 國家環境研究院處務規程: 國家環境研究院 took the institute over.  環境部再生資源回收再利用促進委員會組織規程,
    # filed 「行政＞環境部＞資源循環目」 with 資源循環署's rules, is a body of 環境部 itself, filed by its subject.
    import json
    category = {p: json.loads(corpus.national_file(p))["法規類別"]
                for p in ("O0000005", "O0000040", "O0000009", "O0000038")}
    assert category["O0000005"] == category["O0000040"] == "行政＞環境部＞國家環境研究目"
    assert category["O0000009"] == category["O0000038"] == "行政＞環境部＞資源循環目"
    graph = history_of(tmp_path, "O0000005", "O0010005", "O0000040", "O0000009", "O0000038").graph(history=True)
    old = next(u["id"] for u in graph.units() if u["name"] == "環境保護人員訓練所")
    new = next(u["id"] for u in graph.units() if u["name"] == "國家環境研究院")
    edge = succeeded_by(graph, old)[new]
    assert edge["evidence"].startswith("法規類別 行政＞環境部＞國家環境研究目") and edge["where"] == "O0000005 法規類別"
    assert graph.node(old)["status"] == "superseded"
    committee = next(u for u in graph.units() if u["name"] == "再生資源回收再利用促進委員會")
    assert committee.get("status", "current") == "current" and not succeeded_by(graph, committee["id"])


def test_a_body_whose_rules_the_order_of_a_familys_made_went_with_the_family(tmp_path, run):
    # 內政部北區老人之家辦事細則 and 內政部所屬老人身心障礙兒童及少年福利機構組織準則 were both made by
    # 「內政部內授中人字第 0980730060 號令訂定」; the home's rules were repealed 2013-07-21, the day the 準則 was
    # renamed 衛生福利部老人身心障礙兒童及少年福利機構組織準則: the home went to 衛生福利部 with its family.
    import json
    home, family = (json.loads(corpus.national_file(p))["沿革內容"] for p in ("D0010068", "D0000155"))
    assert "0980730060" in home.split("\n")[0] and "0980730060" in family.split("\n")[0]
    assert "新名稱：衛生福利部老人身心障礙兒童及少年福利機構組織準則" in "".join(family.split())
    store = history_of(tmp_path, "D0010068", "D0000155")
    graph = store.graph(history=True)
    old = next(u["id"] for u in graph.units() if u["name"] == "北區老人之家")
    (target, edge), = succeeded_by(graph, old).items()
    assert graph.node(target)["path"][-2:] == ["衛生福利部", "老人身心障礙兒童及少年福利機構"]
    assert edge["evidence"].startswith("its rules were made by the order that made") and edge["doc"] == "D0000155"
    assert graph.node(old)["successors"] == ["行政院 › 衛生福利部 › 北區老人之家"]
    result = run("--store", str(store.path), "history", "內政部北區老人之家")
    assert result.output.splitlines()[1] == "  now: 行政院 › 衛生福利部 › 北區老人之家", result.output


def test_a_body_whose_work_a_duty_of_a_new_body_names_was_taken_over_by_it(tmp_path):
    # 內政部家庭暴力及性侵害防治委員會組織規程, repealed 2013-07-21 (no successor named); 衛生福利部組織法 (2013-06-19)
    # 第2條 「家庭暴力、性侵害、性騷擾防治與其他保護服務業務之政策規劃、管理及監督」: the work went to 衛生福利部.
    import json
    act = json.loads(corpus.national_file("L0000055"))
    article = next(a["條文內容"] for a in act["法規內容"] if a["條號"].replace(" ", "") == "第2條")
    assert "家庭暴力、性侵害、性騷擾防治與其他保護服務業務之政策規劃、管理及監督" in "".join(article.split())
    graph = history_of(tmp_path, "D0000066", "L0000055").graph(history=True)
    old = next(u["id"] for u in graph.units() if u["name"] == "家庭暴力及性侵害防治委員會")
    (target, edge), = succeeded_by(graph, old).items()
    assert graph.node(target)["name"] == "衛生福利部" and (edge["doc"], edge["article"]) == ("L0000055", "第2條")
    assert "「家庭暴力、性侵害、性騷擾防治" in edge["evidence"]


def test_a_subject_as_common_as_環境保護_is_no_body_s_work():
    from graph_model.graph.succession import _says_its_work
    assert _says_its_work("家庭暴力及性侵害防治委員會", "家庭暴力、性侵害、性騷擾防治與其他保護服務業務之政策規劃")
    assert not _says_its_work("環境保護局", "海洋環境保護、資源管理、永續發展、生物多樣性保育與污染防治之統合規劃")
    assert not _says_its_work("材料試驗所", "工程主要材料之檢驗及試驗")


def test_laws_merged_into_one_make_their_bodies_one(tmp_path):
    # 內政部家庭暴力防治委員會組織規程 沿革 2: 「將「內政部家庭暴力防治委員會組織規程」及編制表、
    # 「內政部性侵害防治委員會組織規程」及編制表合併修正為「內政部家庭暴力及性侵害防治委員會組織規程」」: both
    # committees became the one, which has ended since (2013) and is still their successor.
    import json
    entry = "".join(json.loads(corpus.national_file("D0000061"))["沿革內容"].split())
    assert "合併修正為「內政部家庭暴力及性侵害防治委員會組織規程」" in entry
    graph = history_of(tmp_path, "D0000061", "D0000062", "D0000066").graph(history=True)
    merged = next(u["id"] for u in graph.units() if u["name"] == "家庭暴力及性侵害防治委員會")
    assert graph.node(merged)["status"] != "current"
    for name, own in (("家庭暴力防治委員會", "D0000061"), ("性侵害防治委員會", "D0000062")):
        old = next(u["id"] for u in graph.units() if u["name"] == name)
        edge = succeeded_by(graph, old)[merged]  # the words of its own rules' 沿革
        assert (edge["date"], edge["doc"]) == ("2002-07-24", own) and "合併修正為" in edge["evidence"]
        assert graph.node(old)["status"] == "superseded"


def test_a_body_whose_rules_were_renamed_since_is_succeeded_by_the_renamed_body(tmp_path):
    # 行政院衛生署所屬醫院暫行組織規程 (repealed 2010-09-02) set up 行政院衛生署所屬醫院; 衛生福利部各醫院組織準則
    # 沿革 2: 「（原名稱：行政院衛生署所屬醫院組織準則；新名稱：衛生福利部各醫院組織準則）」: the hospitals' rules
    # went on, renamed.
    import json
    entry = "".join(json.loads(corpus.national_file("L0000053"))["沿革內容"].split())
    assert "原名稱：行政院衛生署所屬醫院組織準則；新名稱：衛生福利部各醫院組織準則" in entry
    graph = history_of(tmp_path, "L0000033", "L0000053").graph(history=True)
    old = next(u["id"] for u in graph.units() if list(u["path"][-2:]) == ["衛生署", "各醫院"])  # 「所屬醫院」
    (target, edge), = succeeded_by(graph, old).items()
    assert graph.node(target)["path"][-2:] == ["衛生福利部", "各醫院"]
    assert edge["evidence"].startswith("its rules were renamed") and edge["where"] == "L0000053 沿革內容"
    assert graph.node(old)["status"] == "superseded"


def test_a_body_read_with_its_parents_name_joins_the_family_of_its_kind(tmp_path):
    # 行政院國軍退除役官兵輔導委員會農場組織規程 (repealed 2013-10-30) is read as one body,
    # 國軍退除役官兵輔導委員會農場, beside 國軍退除役官兵輔導委員會; 國軍退除役官兵輔導委員會各農場組織準則 第1條
    # 「…特設農場」 is its family now.
    import json
    first = json.loads(corpus.national_file("F0150045"))["法規內容"][0]["條文內容"]
    assert "特設農場" in "".join(first.split())
    graph = history_of(tmp_path, "F0000009", "F0150045").graph(history=True)
    old = next(u["id"] for u in graph.units() if u["name"] == "國軍退除役官兵輔導委員會農場")
    (target, edge), = succeeded_by(graph, old).items()
    assert graph.node(target)["path"][-2:] == ["國軍退除役官兵輔導委員會", "各農場"]
    assert graph.node(old)["status"] == "superseded"


def test_a_body_set_up_beside_one_as_it_ended_of_its_kind_carried_it_on(tmp_path):
    # 交通部公路總局南部訓練所辦事細則, 「中華民國九十九年十二月九日生效」 its repeal, as 公路總局訓練所組織準則's
    # (「特設各訓練所」); 交通部公路總局公路人員訓練所辦事細則, 「中華民國九十九年十二月七日…訂定發布」 two days
    # before: the one 訓練所 set up beside them then (itself gone since, in 2018).
    graph = history_of(tmp_path, "K0010123", "K0000136", "K0010130").graph(history=True)
    new = "交通部/公路總局/公路人員訓練所"
    for old in ("交通部/公路總局/南部訓練所", "交通部/公路總局/訓練所"):
        edge = succeeded_by(graph, old)[new]
        assert edge["evidence"].startswith("the one 訓練所 set up under 交通部 › 公路總局")
        assert edge["doc"] == "K0010130" and graph.node(old)["status"] == "superseded"


def test_a_body_of_its_kind_set_up_years_after_it_ended_did_not_carry_it_on(tmp_path):
    # the same 南部訓練所 beside the 公路人員訓練所 of the 辦事細則 made 「一百零七年一月二十三日」: seven years later
    graph = history_of(tmp_path, "K0010123", "K0010138").graph(history=True)
    assert not succeeded_by(graph, "交通部/公路總局/南部訓練所")


def test_a_reviewed_row_names_the_successor_of_a_body_with_no_rules_of_its_own(tmp_path):
    # The corpus holds no rules of 交通部鐵路改建工程局 itself, only its 東部工程處's (repealed 107.06.15) and
    # 交通部鐵道局組織法 (「定自一百零七年六月十一日施行」), which does not name it: data/lineage.tsv does.
    graph = history_of(tmp_path, "K0000055", "K0000155").graph(history=True)
    edge = succeeded_by(graph, "行政院/交通部/鐵路改建工程局")["行政院/交通部/鐵道局"]
    assert edge["where"].startswith("data/lineage.tsv line ") and edge["date"] == "2018-06-11"
    assert graph.node("行政院/交通部/鐵路改建工程局/東部工程處")["successors"] == ["行政院 › 交通部 › 鐵道局"]


def test_the_successor_a_row_gives_a_body_is_not_its_parents(tmp_path):
    # 國立中央圖書館臺灣分館組織條例 names 國立中央圖書館 in its title only: the row 國立中央圖書館臺灣分館 →
    # 國立臺灣圖書館 (國立臺灣圖書館組織法 第1條 「…特設國立臺灣圖書館」) is the branch's, not the library's.
    graph = history_of(tmp_path, "H0000025", "H0000125").graph(history=True)
    assert "行政院/教育部/國立臺灣圖書館" in succeeded_by(graph, "行政院/教育部/國立中央圖書館/臺灣分館")
    assert not succeeded_by(graph, "行政院/教育部/國立中央圖書館")
    assert not graph.node("行政院/教育部/國立中央圖書館").get("successors")


def test_history_says_what_a_body_is_now_through_a_successor_that_ended_since(tmp_path):
    # 南部訓練所 → 公路總局 › 公路人員訓練所 (辦事細則 of 99.12.07), which went over to 交通部公路局 with 公路總局
    # (交通部公路局組織法 「原交通部公路總局及所屬機關（構）隨同業務移撥」; 公路局 › 公路人員訓練所, K0000309)
    from queries.history import history
    graph = history_of(tmp_path, "K0010123", "K0000136", "K0010130", "K0000207", "K0000309").graph(history=True)
    h = history(graph, "行政院/交通部/公路總局/南部訓練所")
    assert h.successors == ["行政院/交通部/公路總局/公路人員訓練所"]
    assert h.now == ["行政院 › 交通部 › 公路局 › 公路人員訓練所"]


def test_a_body_whose_staff_an_act_in_force_took_in_is_succeeded_by_the_acts_body(tmp_path):
    # 勞動部組織法 第7條 「原勞工保險監理委員會（以下簡稱勞保監理會）移入之三十九人，不納入中央政府機關總員額法所定
    # 員額範圍」; the committee's 組織條例 (filed under 勞動部) and 辦事細則 were repealed with no successor named.
    graph = history_of(tmp_path, "N0000030", "N0000017", "N0010011").graph(history=True)
    edge = succeeded_by(graph, "行政院/勞動部/勞工保險監理委員會")["行政院/勞動部"]
    assert edge["where"] == "N0000030 line 31 第7條" and edge["date"] == "2014-02-17"
    assert "原勞工保險監理委員會（以下簡稱勞保監理會）移入之三十九人" in edge["evidence"]


def test_staff_moved_in_do_not_take_a_body_that_went_on_under_its_own_name(tmp_path):
    # 勞動部職業安全衛生署組織法 第5條 「原勞工保險局（以下簡稱勞保局）移入之十七人」: 勞工保險局 went on as
    # 勞動部勞工保險局 (its 組織法 and 處務規程 in force), so 職業安全衛生署 is not its successor.
    graph = history_of(tmp_path, "N0000032", "N0000016", "N0010010", "N0000035").graph(history=True)
    assert "行政院/勞動部/職業安全衛生署" not in succeeded_by(graph, "行政院/勞工委員會/勞工保險局")
    assert "行政院/勞動部/勞工保險局" in succeeded_by(graph, "行政院/勞工委員會/勞工保險局")


def test_a_committee_whose_rules_went_with_its_parents_rewritten_act_was_taken_in_by_the_parent(tmp_path):
    # 財政部法規委員會組織規程, 「一百零二年一月八日財政部台財人字第10100732150號令發布廢止」, a week after
    # 財政部組織法 「修正公布全文8條」 took effect (「定自一百零二年一月一日施行」).  The same order repealed
    # 財政部證券暨期貨管理委員會辦事細則: office rules of a body that had an act of its own, not the parent's committee.
    graph = history_of(tmp_path, "G0300001", "G0300007", "G0310004").graph(history=True)
    edge = succeeded_by(graph, "行政院/財政部/法規委員會")["行政院/財政部"]
    assert (edge["date"], edge["where"]) == ("2013-01-01", "G0300001 沿革內容")
    assert "修正公布全文8條" in edge["evidence"]
    assert not succeeded_by(graph, "行政院/財政部/證券暨期貨管理委員會")


def test_a_successor_named_without_its_branchs_head_is_found(tmp_path):
    # data/lineage.tsv: 交通部臺灣區國道新建工程局 → 交通部高速公路局 (2018-02-12), the unit the 交通部組織法 第5條
    # lists under 行政院 › 交通部 (full name 行政院交通部高速公路局), whose 各新建工程處組織準則 (K0000188) took effect
    # that day; the bureau's 暫行組織規程 was repealed on 107.02.26 (K0000038).
    graph = history_of(tmp_path, "K0000001", "K0000038", "K0000188").graph(history=True)
    edge = succeeded_by(graph, "行政院/交通部/臺灣區國道新建工程局")["行政院/交通部/高速公路局"]
    assert edge["where"] == "K0000038 沿革內容" and "交通部臺灣區國道新建工程局 → 交通部高速公路局" in edge["evidence"]


def test_a_body_whose_work_an_article_added_as_it_ended_names_was_taken_over(tmp_path):
    # 臺灣地區各港務局海事評議委員會組織規程, repealed 101.11.07 with no successor named; 交通部航港局辦事細則 (its
    # 組織法 in force, K0000209) 「增訂第10-1條條文」 (102.01.03): 航安組 「九、海事評議事項之處理及評議會議召開」.
    graph = history_of(tmp_path, "K0010134", "K0000017", "K0000209").graph(history=True)
    edge = succeeded_by(graph, "行政院/交通部/臺灣地區各港務局/海事評議委員會")["行政院/交通部/航港局"]
    assert edge["where"] == "K0010134 line 103 第10-1條" and "海事評議事項之處理及評議會議召開" in edge["evidence"]


def test_bodies_of_a_kind_whose_kind_an_article_added_as_they_ended_names_were_taken_over(tmp_path):
    # 財政部關稅總局辦事細則 第3條 「本總局設左列各處、室及燈塔。…彭佳嶼燈塔、基隆燈塔、…麥寮港燈塔」,
    # repealed 102.01.08; its heir 關務署 kept the customs, but 交通部航港局辦事細則
    # 「增訂第10-1條條文；並自一百零二年一月一日施行」: 航安組 「一、燈塔與助航設施之設置、維護及管理」 —
    # the lighthouses went there, not with their parent.
    graph = history_of(tmp_path, "G0310016", "G0300053", "K0010134", "K0000209").graph(history=True)
    for lighthouse in ("彭佳嶼燈塔", "鵝鑾鼻燈塔", "基隆港西碎波堤燈塔"):
        edges = succeeded_by(graph, f"行政院/財政部/關稅總局/{lighthouse}")
        assert list(edges) == ["行政院/交通部/航港局"]
        assert edges["行政院/交通部/航港局"]["where"].startswith("K0010134 line ")
        assert "燈塔與助航設施之設置、維護及管理" in edges["行政院/交通部/航港局"]["evidence"]
    # its divisions stay with the heir of the whole
    assert graph.node("行政院/財政部/關稅總局/海務處").get("successors") != ["行政院 › 交通部 › 航港局"]


def test_a_reviewed_rows_successor_repealed_with_it_the_same_day_is_still_its_successor(tmp_path):
    # data/lineage.tsv: 經濟部能源委員會 → 經濟部能源局 (2004-07-01: J0000087 「定自九十三年七月一日施行」, 第11條
    # 「原經濟部能源委員會…」).  One order, 「一百十三年二月十七日經濟部經人字第11308403560號令發布廢止」, repealed both
    # 能源委員會暫行組織規程 and 能源局辦事細則 long after (能源局 ended in 2023, J0000093): the heir ended after the
    # body was taken over, not before.
    graph = history_of(tmp_path, "J0000033", "J0000087", "J0010050", "J0000093").graph(history=True)
    edge = succeeded_by(graph, "行政院/經濟部/能源委員會")["行政院/經濟部/能源局"]
    assert "經濟部能源委員會 → 經濟部能源局" in edge["evidence"]
    assert graph.node("行政院/經濟部/能源委員會")["status"] == "superseded"


def test_a_successor_named_as_a_member_of_a_family_is_that_family(tmp_path):
    # 交通部觀光局東部海岸國家風景區管理處辦事細則 「一百十三年一月二十二日交通部觀光署東部海岸國家風景區管理處
    # 觀海人字第11307000011號令發布廢止」: no unit bears that name, but 交通部觀光署 holds one family of its kind,
    # 各國家風景區管理處 (K0000252, 「特設各國家風景區管理處」).
    graph = history_of(tmp_path, "K0010029", "K0000027", "K0000205", "K0000252").graph(history=True)
    old = "行政院/交通部/觀光局/東部海岸國家風景區管理處"
    assert list(succeeded_by(graph, old)) == ["行政院/交通部/觀光署/各國家風景區管理處"]
    assert graph.node(old)["status"] == "superseded"


def test_a_law_whose_first_article_puts_its_bodies_under_a_succeeded_agency_went_over_with_it(tmp_path):
    # 國家風景區管理處組織通則 (1995, not marked 廢) 第1條 「管理處隸屬交通部觀光局」; 交通部觀光局 → 交通部觀光署
    # (2023), whose 各國家風景區管理處組織準則 「特設各國家風景區管理處」: the law no longer applies, its bodies are
    # the successor's family, and the family is no longer part of the current government.
    store = history_of(tmp_path, "K0000084", "K0000027", "K0000205", "K0010017", "K0000252")
    graph = store.graph(history=True)
    assert graph.node("doc:K0000084")["status"] == "superseded"
    assert graph.node("doc:K0000084")["status_where"] == "K0000084 第1條"
    assert list(succeeded_by(graph, "行政院/交通部/國家風景區管理處")) == ["行政院/交通部/觀光署/各國家風景區管理處"]
    assert "行政院/交通部/國家風景區管理處" not in {u["id"] for u in store.graph().units()}


def test_a_body_superseded_since_without_a_repeal_still_took_over_the_work_then(tmp_path):
    # 交通部觀光局東北角海岸風景特定區管理處組織規程, repealed 1995-07-01; 國家風景區管理處組織通則 of 1995-01-28 took
    # its work over (「觀光資源之調查、規劃、開發、保育…」), and went over whole, never repealed, to 觀光署 in 2023.
    graph = history_of(tmp_path, "K0000034", "K0000084", "K0000027", "K0000205", "K0010017",
                       "K0000252").graph(history=True)
    assert graph.node("doc:K0000084")["status"] == "superseded"
    edge = succeeded_by(graph, "行政院/交通部/觀光局/東北角海岸風景特定區管理處")["行政院/交通部/國家風景區管理處"]
    assert edge["evidence"].startswith("took its work over")


def test_a_preparatory_office_whose_body_was_set_up_under_another_name_is_succeeded_by_it(tmp_path):
    # 行政院客家委員會臺灣客家文化中心籌備處暫行組織規程 第12條 「本處於客家文化中心成立時裁撤之」; no 臺灣客家文化中心
    # was set up, but 客家委員會客家文化發展中心組織法 sets up the one body under 客家委員會 that keeps 客家文化.
    graph = history_of(tmp_path, "D0000131", "D0000158", "D0000173").graph(history=True)
    assert "行政院/客家委員會/客家文化發展中心" in succeeded_by(graph, "行政院/客家委員會/臺灣客家文化中心籌備處")


def test_a_preparatory_office_names_no_body_that_shares_only_unit_words_with_it():
    from graph_model.graph.succession import _longest_run, _topic_chars
    assert _longest_run("客家事務委員會", "台灣美國事務委員會") == "事務委員會"
    assert _topic_chars("事務委員會") == "事務"


def test_a_family_whose_places_another_family_took_over_is_succeeded_by_it(tmp_path):
    # 行政院農業委員會各區糧食管理處暫行組織規程 (M0000016, repealed 2004-03-31) 第2條 sets up 「行政院農業委員會北區
    # 糧食管理處」, 中區, 南區 and 東區; 農糧署各分署組織通則 (M0000014, made 2004-01-14) 第2條 「設北區、中區、南區
    # 及東區分署（以下簡稱各分署）」: the same four places, under a body of the same parent.
    graph = history_of(tmp_path, "M0000016", "M0000014").graph(history=True)
    old, new = "行政院/農業委員會/各區糧食管理處", "行政院/農業委員會/農糧署/各分署"
    edge = succeeded_by(graph, old)[new]
    assert edge["evidence"].startswith("its members' places (中區、北區、南區、東區)")
    assert graph.node(old)["successors"] == ["行政院 › 農業委員會 › 農糧署 › 各分署"]


def test_a_common_act_of_bodies_by_place_is_succeeded_by_the_family_of_those_places(tmp_path):
    # 內政部警政署港務警察局組織通則 (D0000106, repealed 2015-12-16), the common act of 基隆港務警察局 and
    # 臺中港務警察局 (their office rules D0010041, D0010037); 港務警察總隊組織準則 (D0000167) 第1條 「特設基隆、臺中、
    # 高雄及花蓮港務警察總隊」, in force since 2014-01-01.
    graph = history_of(tmp_path, "D0000106", "D0010041", "D0010037", "D0000167").graph(history=True)
    old = "行政院/內政部/警政署/港務警察局"
    edge = succeeded_by(graph, old)["行政院/內政部/警政署/港務警察總隊"]
    assert edge["evidence"].startswith("its members' places (基隆、臺中) are those of ")
    assert edge["evidence"].split(" are those of ")[1].startswith("行政院 › 內政部 › 警政署 › 港務警察總隊")


def test_a_family_set_up_years_after_one_ended_did_not_take_it_over(tmp_path):
    # 經濟部商品檢驗局所屬各分局組織通則 (J0000014, repealed 2002-07-03) and its 高雄、基隆分局's rules; 經濟部
    # 標準檢驗局各分局組織準則 (J0000148) is of 2023: the 分局 of the same places were not its family then.
    graph = history_of(tmp_path, "J0000014", "J0010004", "J0010005", "J0000148").graph(history=True)
    old = "行政院/經濟部/商品檢驗局/各分局"
    assert "行政院/經濟部/標準檢驗局/各分局" not in succeeded_by(graph, old)


def test_a_body_its_siblings_rules_keep_as_a_unit_was_absorbed_by_the_sibling(tmp_path):
    # 交通部運輸研究所港灣技術研究中心暫行組織規程 (K0000085) 「自九十年八月一日起廢止」; 交通部運輸研究所辦事細則
    # (K0010028) 第9條 「港灣技術研究中心職掌如下」: the center went on as a unit of 運輸研究所.
    graph = history_of(tmp_path, "K0000085", "K0010028").graph(history=True)
    old = "交通部/運輸研究所港灣技術研究中心"
    edge = succeeded_by(graph, old)["交通部/運輸研究所"]
    assert edge["evidence"] == "kept on as 港灣技術研究中心 of 交通部 › 運輸研究所" and edge["doc"] == "K0010028"
    assert graph.node(old)["status"] == "superseded"
    assert graph.node(old)["successors"] == ["交通部 › 運輸研究所 › 港灣技術研究中心"]


def test_bodies_set_up_as_others_ended_with_names_begun_alike_carried_them_on_and_their_family(tmp_path):
    # 國立新竹彰化臺南臺東社會教育館暫行組織規程 (H0000065) 「中華民國九十七年三月十一日教育部…令發布廢止」; 國立彰化
    # 生活美學館辦事細則 and 國立臺南生活美學館辦事細則 「中華民國九十七年三月四日行政院文化建設委員會…令訂定發布」.
    graph = history_of(tmp_path, "H0000065", "H0010018", "H0010019").graph(history=True)
    family = "教育部/國立各社會教育館"
    edge = succeeded_by(graph, f"{family}/國立彰化社會教育館")["文化部/國立彰化生活美學館"]
    assert edge["evidence"] == "set up 2008-03-04, as it ended, its name beginning as its own: 國立彰化"
    # Two of its four members carried on in the graph: the family went to those two.  The other two's successors
    # no document loaded here names: data/lineage.tsv gives the name (國立新竹生活美學館), with no body to link to.
    assert set(succeeded_by(graph, family)) == {"文化部/國立彰化生活美學館", "文化部/國立臺南生活美學館"}
    assert graph.node(f"{family}/國立新竹社會教育館").get("successors") == ["國立新竹生活美學館"]
    assert succeeded_by(graph, f"{family}/國立新竹社會教育館") == {}


def test_two_bodies_begun_alike_set_up_as_one_ended_are_not_guessed_between(tmp_path):
    # 交通部公路總局西部濱海公路各區臨時工程處組織準則 (K0000062), repealed 2018-01-23 by the order that made the
    # 北區臨時工程處暫行組織規程 (K0000159) and 南區臨時工程處辦事細則 (K0010142) the same day.
    graph = history_of(tmp_path, "K0000062", "K0000159", "K0010142").graph(history=True)
    old = "交通部/公路總局/西部濱海公路各區臨時工程處"
    assert graph.node(old)["status"] == "abolished"
    edges = succeeded_by(graph, old)
    assert not any(e["evidence"].startswith("set up") for e in edges.values())


def test_a_body_begun_alike_is_set_up_when_its_act_took_effect(tmp_path):
    # 經濟部臺北水源特定區管理委員會暫行組織規程 (J0000059), repealed 2002-05-22; 經濟部水利署臺北水源特定區管理局
    # 組織條例 (J0000063), made 2002-01-25, 「…令發布自九十一年三月二十八日起施行」: 55 days before, not 117.
    # Its 第7條 says so in words (「原臺北水源特定區管理委員會原依雇員管理規則僱用之現職雇員…繼續僱用」), which come
    # first; without that sentence, the names and the day the act took effect say it.
    from graph_model.graph.graph import OrgGraph
    from graph_model.graph.lineage import statuses
    from graph_model.graph.succession import mark
    store = history_of(tmp_path, "J0000059", "J0000063")
    old, new = "行政院/經濟部/臺北水源特定區管理委員會", "行政院/經濟部/水利署/臺北水源特定區管理局"
    assert "原臺北水源特定區管理委員會原依雇員管理規則" in succeeded_by(store.graph(history=True), old)[new]["evidence"]
    docs = store.parsed()
    for p in docs:
        p.document.meta.pop("clauses", None)
    graph = OrgGraph.build(docs)
    mark(graph, statuses(docs), docs)
    edge = succeeded_by(graph, old)[new]
    assert edge["evidence"] == "set up 2002-03-28, as it ended, its name beginning as its own: 臺北水源特定區管理"


def test_a_body_of_a_familys_kind_went_where_its_siblings_of_that_kind_went(tmp_path):
    # 台江國家公園管理處辦事細則 (D0010081), 太魯閣's (D0010060) and 玉山's (D0010058), all repealed by one order,
    # 「內政部台內園字第1131280156號令」; 內政部國家公園署太魯閣 and 玉山國家公園管理處辦事細則 (D0010135, D0010133)
    # and 內政部國家公園署各國家公園管理處組織準則 (D0000269), 「自一百十二年九月二十日施行」: 台江 went to 國家公園署
    # with them, one of 各國家公園管理處 (its duties as close to either park's: no one park took it over).
    graph = history_of(tmp_path, "D0010081", "D0010060", "D0010058", "D0010135", "D0010133",
                       "D0000269").graph(history=True)
    edge = succeeded_by(graph, "行政院/內政部/台江國家公園管理處")["行政院/內政部/國家公園署/各國家公園管理處"]
    assert edge["evidence"] == ("one of 各國家公園管理處 of 行政院 › 內政部 › 國家公園署, "
                                "where its siblings of its kind went")


def test_a_bureau_of_an_administration_is_one_of_its_branches_of_that_kind(tmp_path):
    # 經濟部水利署南區水資源局辦事細則 (J0010044), repealed 2024-02-17; 經濟部水利署各區水資源分署組織準則 (J0000124)
    # 「並自一百十二年九月二十六日施行」: the 署's 水資源局 are its 水資源分署 now.
    graph = history_of(tmp_path, "J0010044", "J0000124").graph(history=True)
    edge = succeeded_by(graph, "行政院/經濟部/水利署/南區水資源局")["行政院/經濟部/水利署/各區水資源分署"]
    assert edge["evidence"].startswith("one of 各區水資源分署")


def test_a_body_that_ended_before_its_parents_heir_began_is_not_the_heirs(tmp_path):
    # 土壤及地下水污染整治基金管理委員會組織規程 (O0000014): 「中華民國九十九年四月二十日行政院環境保護署…令發布廢止」,
    # thirteen years before 環境部組織法 (O0000031) was enacted; 環境部 repealed 環境保護署's 處務規程 (O0010001:
    # 「中華民國一百十三年五月十七日環境部…令發布廢止」).  What became of 環境保護署 is not the committee's fate.
    graph = history_of(tmp_path, "O0000014", "O0000001", "O0010001", "O0000031").graph(history=True)
    old = next(u["id"] for u in graph.units() if u["name"] == "土壤及地下水污染整治基金管理委員會")
    parent = graph.parent(old)
    assert graph.node(parent)["name"] == "環境保護署" and "環境部" in graph.node(parent)["successors"][0]
    assert graph.node(old)["status_date"] == "2010-04-20"
    assert not graph.node(old).get("successors") and not succeeded_by(graph, old)


def test_a_body_whose_name_a_new_sibling_now_holds_below_it_moved_there(tmp_path):
    # 看守所組織通則 (I0000006), repealed 2016: 「令公布廢止」; 法務部矯正署看守所組織準則 (I0000026, from 2011-01-01):
    # 「法務部矯正署為辦理被告羈押業務，特設各看守所」 — 法務部 › 看守所 went under its new sibling 矯正署 (I0000024).
    graph = history_of(tmp_path, "I0000006", "I0000024", "I0000026").graph(history=True)
    old = ending(graph, "法務部", "看守所")
    new = next(u["id"] for u in graph.units() if u["path"][-3:] == ["法務部", "矯正署", "看守所"])
    assert graph.node(old)["status"] == "superseded" and graph.node(new).get("status") != "superseded"
    assert succeeded_by(graph, old)[new]["evidence"] == "the same name under 行政院 › 法務部 › 矯正署"


def test_the_one_body_set_up_beside_it_the_day_it_ended_with_duties_alike_carried_it_on(tmp_path):
    # 內政部營建署市鄉規劃局暫行組織規程 (D0000090): 「中華民國九十七年八月二十日內政部…令發布廢止」; the same day
    # 城鄉發展分署組織規程 (D0000152) took effect: 「內政部營建署為辦理城鄉規劃及發展業務，特設城鄉發展分署」.
    graph = history_of(tmp_path, "D0000008", "D0000090", "D0000152").graph(history=True)
    old = ending(graph, "營建署", "市鄉規劃局")
    new = ending(graph, "營建署", "城鄉發展分署")
    edge = succeeded_by(graph, old)[new]
    assert edge["evidence"].startswith("set up beside it the day it ended, 2008-08-20, its duties alike")
    assert graph.node(old)["status"] == "superseded"


def test_a_bureau_given_its_parents_heir_is_succeeded_by_the_body_under_the_heir_its_name_begins(tmp_path):
    # 行政院衛生署組織法's 沿革: 「行政院衛生署 → 衛生福利部…行政院衛生署改制」, said of 國民健康局 too; its
    # 辦事細則 ended 2013-07-21 (its 組織條例 only in 2015), and 衛生福利部國民健康署組織法 第1條
    # 「衛生福利部為辦理國民健康業務，特設國民健康署」 took effect 2013-07-23: the bureau went on as 國民健康署,
    # not as the whole ministry.
    graph = history_of(tmp_path, "L0000001", "L0000055", "L0000046", "L0010011", "L0000057").graph(history=True)
    old = "行政院/衛生署/國民健康局"
    assert list(succeeded_by(graph, old)) == ["行政院/衛生福利部/國民健康署"]
    # the ministry itself still goes to the ministry
    assert list(succeeded_by(graph, "行政院/衛生署")) == ["行政院/衛生福利部"]


def test_a_body_succeeded_by_a_family_under_another_body_is_its_member_of_its_own_name(tmp_path):
    # 交通部觀光局雲嘉南濱海國家風景區管理處辦事細則 (K0010067): 「交通部觀光署…令發布廢止」 (2023-12-22);
    # 交通部觀光署各國家風景區管理處組織準則 (K0000252): 「交通部觀光署為辦理各國家風景區之建設、開發、管理及觀光
    # 發展業務，特設各國家風景區管理處」 — the 管理處 is now the 觀光署's of the same name, not the whole family.
    graph = history_of(tmp_path, "K0000027", "K0000205", "K0010067", "K0000252").graph(history=True)
    old = ending(graph, "觀光局", "雲嘉南濱海國家風景區管理處")
    family = ending(graph, "觀光署", "各國家風景區管理處")
    assert list(succeeded_by(graph, old)) == [family]
    assert graph.node(old)["successors"][0].endswith("觀光署 › 雲嘉南濱海國家風景區管理處")


def test_a_bodys_family_of_branches_is_its_heirs_family_of_branches(tmp_path):
    # 經濟部加工出口區管理處所屬各分處辦事細則 (J0010012), repealed with the 管理處's own (J0010011) on 2024-02-17
    # (「經濟部經人字第 11308403560 號令發布廢止」), the 管理處 renamed 產業園區管理局 (J0000019: 「原名稱：經濟部加工
    # 出口區管理處組織條例；新名稱：經濟部產業園區管理局組織條例」); J0000143: 「經濟部產業園區管理局…特設各分局」.
    graph = history_of(tmp_path, "J0010011", "J0010012", "J0000019", "J0000097", "J0000143").graph(history=True)
    old = ending(graph, "加工出口區管理處", "各分處")
    new = ending(graph, "產業園區管理局", "各分局")
    assert list(succeeded_by(graph, old)) == [new]
    assert graph.node(old)["status"] == "superseded"


def test_a_family_its_repeal_gave_only_the_ministry_is_its_heirs_one_family_of_branches(tmp_path):
    # 行政院農業委員會林務局各林區管理處暫行組織規程 (M0000018) 第2條 「林務局設羅東、新竹、東勢、南投、嘉義、屏東、
    # 臺東、花蓮林區管理處（以下簡稱各林區管理處）」, 「農業部農人字第 1120251140 號令發布廢止」 — only the ministry,
    # where 林務局's work went; 林務局 went on as 林業及自然保育署 (its 農林航空測量所 and 阿里山 管理處 under it),
    # whose 各地區分署組織準則 (M0000105) 第1條 「農業部林業及自然保育署為辦理各地區林業及自然保育業務，特設
    # 各地區分署」.
    graph = history_of(tmp_path, "M0000017", "M0000018", "M0000019", "M0000043", "M0000053", "M0000105",
                       "M0000106", "M0000107").graph(history=True)
    old = ending(graph, "林務局", "各林區管理處")
    new = ending(graph, "林業及自然保育署", "各地區分署")
    assert list(succeeded_by(graph, old)) == [new]
    assert graph.node(old)["successors"] == [" › ".join(graph.node(new)["path"])]


def test_a_body_whose_name_with_its_rank_changed_was_set_up_as_it_ended_was_renamed(tmp_path):
    # 經濟部水利處暫行組織規程 (J0000055): 「中華民國九十一年五月二十二日經濟部…號令發布廢止」; 經濟部水利署組織條例
    # (J0000062): 「行政院…令發布自九十一年三月二十八日起施行」, 55 days before — 水利處 went on as 水利署.
    graph = history_of(tmp_path, "J0000055", "J0000062").graph(history=True)
    assert list(succeeded_by(graph, "行政院/經濟部/水利處")) == ["行政院/經濟部/水利署"]
    assert graph.node("行政院/經濟部/水利處")["status"] == "superseded"


def test_a_rank_changed_years_after_a_body_ended_is_no_rename(tmp_path):
    # 內政部警政署民防指揮管制中心暫行組織規程 (D0000099), repealed 2002; 民防指揮管制所組織規程 (D0000170) was made in
    # 2013 (「中華民國一百零二年十二月三十日」): eleven years on, not the same body renamed.
    graph = history_of(tmp_path, "D0000099", "D0000170").graph(history=True)
    old = next(u["id"] for u in graph.units() if u["name"] == "民防指揮管制中心")
    assert not succeeded_by(graph, old)


def test_a_committee_repealed_as_its_parents_office_rules_were_rewritten_was_taken_in_by_the_parent(tmp_path):
    # 國史館辦事細則 (A0020042): 「中華民國一百零七年一月十六日國史館…號令修正發布全文 20 條；並自發布日施行」;
    # 國史館史料審查委員會組織規程 (A0010020), the 館's own rules for it: 「中華民國一百零七年二月十四日國史館…號令
    # 發布廢止」, 29 days later — the rewritten rules gave its work to the 館's own divisions.
    graph = history_of(tmp_path, "A0010017", "A0010020", "A0020042").graph(history=True)
    old = ending(graph, "國史館", "史料審查委員會")
    assert list(succeeded_by(graph, old)) == [graph.parent(old)]
    assert graph.node(old)["status"] == "superseded"


def test_a_committee_whose_work_one_division_of_its_parent_names_was_taken_in_by_the_parent(tmp_path):
    # 教育部醫學教育委員會組織條例 (H0000006): 「中華民國一百零三年一月十五日總統…令公布廢止」; 教育部處務規程
    # (H0010001) 第7條, 高等教育司: 「高等教育（含醫學教育等各學術領域）政策之規劃及推動」 — no other unit of 教育部
    # names 醫學教育.
    graph = history_of(tmp_path, "H0000006", "H0010001").graph(history=True)
    old = ending(graph, "教育部", "醫學教育委員會")
    edge = succeeded_by(graph, old)[graph.parent(old)]
    assert "高等教育司" in edge["evidence"] and "含醫學教育" in edge["evidence"]


def test_a_body_a_siblings_rules_revised_as_it_ended_set_up_under_another_rank_was_taken_in_by_it(tmp_path):
    # 政治作戰學校組織規程 (F0000065), repealed 2006-09-28; 國防大學組織規程 (F0000049): 「中華民國九十五年九月二十八日
    # 國防部…令修正發布全文 15 條」, 第6條 「本大學設…政治作戰學院…」 — the 學校 went on as the 大學's 學院.
    graph = history_of(tmp_path, "F0000065", "F0000049").graph(history=True)
    old = ending(graph, "國防部", "政治作戰學校")
    new = ending(graph, "國防部", "國防大學")
    assert list(succeeded_by(graph, old)) == [new]
    assert graph.node(old)["successors"][0].endswith("國防大學 › 政治作戰學院")


def test_a_preparatory_office_is_succeeded_by_the_body_it_prepared_though_that_body_has_ended_since(tmp_path):
    # 行政院衛生署中央健康保險局籌備處暫行組織規程 (L0000019) 第1條: 「行政院衛生署為辦理籌設中央健康保險局事宜，特設
    # 中央健康保險局籌備處」, 「中華民國八十四年五月二十六日行政院衛生署發布廢止」; the 局 it prepared stood beside it
    # under 衛生署 (L0000023 第2條 「中央健康保險局…接辦原公保聯合門診中心」) until 衛生福利部 (L0000055) made it a 署:
    # the office's successor is the 局, not what the 局 became.
    graph = history_of(tmp_path, "L0000019", "L0000023", "L0000001", "L0000055", "L0010048").graph(history=True)
    office, bureau = "行政院/衛生署/中央健康保險局籌備處", "行政院/衛生署/中央健康保險局"
    assert graph.node(bureau)["status"] == "superseded"
    assert list(succeeded_by(graph, office)) == [bureau]
    assert graph.node(office)["successors"] == ["行政院 › 衛生署 › 中央健康保險局"]


def test_a_body_whose_own_bodies_went_on_under_one_body_went_on_as_that_body(tmp_path):
    # 行政院農業委員會林務局暫行組織規程 (M0000017): 「中華民國一百十二年十一月二十九日農業部農人字第 1120251140 號令
    # 發布廢止」 — only the ministry that repealed it.  Its 農林航空測量所 (M0000019) and 阿里山林業鐵路及文化資產管理處
    # (M0000043), repealed by the same order, went on under 農業部林業及自然保育署 (M0000053 第1條 「農業部為辦理林業及
    # 自然保育業務，特設林業及自然保育署」): 航測及遙測分署 (M0000107) and its 阿里山 管理處 (M0000106).
    graph = history_of(tmp_path, "M0000017", "M0000019", "M0000043", "M0000053", "M0000106",
                       "M0000107").graph(history=True)
    bureau = "行政院/農業委員會/林務局"
    edge = succeeded_by(graph, bureau)["行政院/農業部/林業及自然保育署"]
    assert "農林航空測量所" in edge["evidence"] and "阿里山林業鐵路及文化資產管理處" in edge["evidence"]
    assert graph.node(bureau)["successors"] == ["行政院 › 農業部 › 林業及自然保育署"]


def test_a_body_whose_clerks_an_act_kept_on_is_succeeded_by_that_acts_body(tmp_path):
    # 行政院衛生署國民健康局組織條例 (L0000046) 第6條, its lines wrapped in the middle of a name: 「本條例施行前，
    # 原臺灣省家庭計畫研究所、婦幼衛生研究所及公共衛生研 / 究所原依雇員管理規則僱用之現職雇員…得占用前項書記職缺，
    # 繼續僱用至離職時為止」; 行政院衛生署家庭計畫研究所暫行組織規程 (L0000039) was repealed with no successor named.
    # The 局's act was itself repealed in 2015: in force when the 研究所 ended, it names its successor still.
    from loaders import read_bytes
    text = read_bytes(corpus.national_file("L0000046"), "L0000046.json")[0]
    assert "婦幼衛生研究所及公共衛生研\n究所原依雇員管理規則僱用之現職雇員" in text
    graph = history_of(tmp_path, "L0000039", "L0000046").graph(history=True)
    institute = next(u["id"] for u in graph.units() if u["name"] == "家庭計畫研究所")
    edge = succeeded_by(graph, institute)["行政院/衛生署/國民健康局"]
    assert edge["where"] == "L0000046 line 40 第6條" and "原臺灣省家庭計畫研究所" in edge["evidence"]
    assert graph.node(institute)["status"] == "superseded"


def test_a_body_whose_clerks_an_act_kept_on_by_its_old_act_is_succeeded_by_that_acts_body(tmp_path):
    # 經濟部水資源局組織條例 (J0000060, 公布 1996-10-16) 第6條: 「本條例施行前依經濟部水資源統一規劃委員會組織條例僱用之
    # 現職雇員三人至五人…得占用前項書記職缺繼續其僱用至離職時為止」 — the old body named by the act its clerks were
    # hired under; 經濟部水資源統一規劃委員會組織條例 (J0000026) was repealed in 1999 with no successor named.
    graph = history_of(tmp_path, "J0000026", "J0000060").graph(history=True)
    old = ending(graph, "經濟部", "水資源統一規劃委員會")
    edge = succeeded_by(graph, old)[ending(graph, "經濟部", "水資源局")]
    assert "依經濟部水資源統一規劃委員會組織條例僱用之現職雇員" in edge["evidence"]
    assert edge["where"].startswith("J0000060 line ") and edge["where"].endswith("第6條")
    assert graph.node(old)["status"] == "superseded"


def test_a_body_whose_staff_an_act_took_over_the_day_it_took_effect_is_succeeded_by_that_acts_body(tmp_path):
    # 經濟部經貿人員培訓所組織規程 (J0000155, in force 2023-09-26) 第6條: 「本規程施行前，原經濟部專業人員研究中心現職
    # 人員，於本規程施行之日轉任本所」; 經濟部專業人員研究中心組織規程 (J0000029) was repealed by 經濟部 in 2024.
    graph = history_of(tmp_path, "J0000029", "J0000155").graph(history=True)
    old = ending(graph, "經濟部", "專業人員研究中心")
    edge = succeeded_by(graph, old)[ending(graph, "經濟部", "經貿人員培訓所")]
    assert "原經濟部專業人員研究中心現職人員，於本規程施行之日轉任本所" in edge["evidence"]
    assert edge["date"] == "2023-09-26" and graph.node(old)["status"] == "superseded"


def test_a_committee_whose_subject_and_then_task_one_division_names_was_taken_in_by_the_parent(tmp_path):
    # 內政部土地徵收審議委員會組織規程 (D0000040): 「中華民國一百零一年三月三日內政部台內地字第 1010108960 號令發布
    # 廢止」; 內政部處務規程 (D0010001) 第9條, 地政司: 「土地徵收、區段徵收、土地重劃制度之規劃、推動、督導及案件之
    # 審議」 — the committee's subject (土地徵收) and, further on, its task (審議), in one duty of one division.
    graph = history_of(tmp_path, "D0000040", "D0010001").graph(history=True)
    old = ending(graph, "內政部", "土地徵收審議委員會")
    edge = succeeded_by(graph, old)[graph.parent(old)]
    assert "地政司" in edge["evidence"] and "案件之審議" in edge["evidence"]
    assert graph.node(old)["status"] == "superseded"


def test_a_committee_whose_rules_a_branchs_head_repealed_is_taken_in_by_the_division_that_names_its_work(tmp_path):
    # 專門職業及技術人員考試訓練委員會組織規程 (R0000010) 第2條 「考選部為辦理各種專門職業及技術人員考試錄取人員之訓練或
    # 學習，設專門職業及技術人員考試訓練委員會」, 「考試院考臺組壹一字第 11100050121 號令發布廢止」 (2022-08-16): 考試院
    # only repealed it.  考選部處務規程 (R0010001) 第9條, 專技考試司: 「專門職業及技術人員考試錄取人員訓練或學習」.
    graph = history_of(tmp_path, "R0000010", "R0010001").graph(history=True)
    old = ending(graph, "考選部", "專門職業及技術人員考試訓練委員會")
    edge = succeeded_by(graph, old)[graph.parent(old)]
    assert "專技考試司" in edge["evidence"] and "專門職業及技術人員考試錄取人員訓練或學習" in edge["evidence"]
    assert graph.node(old)["status"] == "superseded"


def test_a_body_repealed_with_its_siblings_old_act_while_the_sibling_went_on_was_the_siblings(tmp_path):
    # 國立教育廣播電臺分臺組織通則 (H0000049) and 國立教育廣播電臺組織條例 (H0000048): both 「中華民國一百零三年
    # 一月十五日總統華總一義字第 10300004893  號令公布廢止」; 國立教育廣播電臺組織法 (H0000123) 第1條 「教育部為辦理
    # 全國教育廣播業務，特設國立教育廣播電臺」, in force from 2013-01-01: the station went on, its 分臺 within it.
    graph = history_of(tmp_path, "H0000048", "H0000049", "H0000123").graph(history=True)
    old = ending(graph, "教育部", "國立教育廣播電臺分臺")
    station = ending(graph, "教育部", "國立教育廣播電臺")
    edge = succeeded_by(graph, old)[station]
    assert "10300004893" in edge["evidence"] and edge["where"] == "H0000048 沿革內容"
    assert graph.node(old)["status"] == "superseded" and graph.node(station).get("status", "current") == "current"


def test_a_committee_absorbed_by_a_division_of_rules_that_took_effect_near_its_end(tmp_path):
    # 法務部法規委員會組織規程 (I0000007), 「一百零一年十二月十一日法務部…令發布廢止」; 法務部處務規程 (I0010001)
    # 「一百年十月五日…修正發布全文 18 條；並自一百零一年一月一日施行」 (made more than a year before, in force eleven
    # months before), 第7條 法制司 「本部立法計畫之審議及彙辦」 — the committee's 「本部年度立法計畫之審議事項」.
    graph = history_of(tmp_path, "I0000007", "I0010001").graph(history=True)
    old = ending(graph, "法務部", "法規委員會")
    edge = succeeded_by(graph, old)[graph.parent(old)]
    assert "法制司" in edge["evidence"] and graph.node(old)["status"] == "superseded"


def test_a_body_became_one_of_a_family_of_its_kind_set_up_under_its_parents_heir_as_it_ended(tmp_path):
    # 交通部臺灣區國道高速公路局拓建工程處暫行組織規程 (K0000042) 第1條 「為辦理高速公路拓建工程施工，特設拓建工程處」,
    # repealed 2018-02-26 (交人字第10750020976號); 交通部高速公路局各新建工程處組織準則 (K0000188), made that day
    # (交人字第1075002097號), 第1條 「交通部高速公路局為辦理國道新建、拓建工程業務，特設各新建工程處」: one of that
    # family under the bureau's heir (data/lineage.tsv: 臺灣區國道高速公路局 → 交通部高速公路局), not the bureau.
    graph = history_of(tmp_path, "K0000042", "K0000188").graph(history=True)
    old = ending(graph, "臺灣區國道高速公路局", "拓建工程處")
    family = ending(graph, "高速公路局", "各新建工程處")
    assert list(succeeded_by(graph, old)) == [family]
    assert succeeded_by(graph, old)[family]["where"].startswith("K0000188")


def test_a_body_its_parents_later_rules_set_up_as_an_internal_unit_was_taken_in_by_the_parent(tmp_path):
    # 交通部臺灣鐵路管理局員工訓練中心暫行組織規程 (K0000113), repealed 2005-07-19; 交通部臺灣鐵路管理局辦事細則
    # (K0010068, made 2006-04-06) 第3條: 「…並設秘書室、行政處、員工訓練中心、勞工安全衛生室…」 and 第12條
    # 「本局員工訓練中心分設教務、綜核二科」: the 中心 went on as a unit of the 局, not of what the 局 became in 2024.
    graph = history_of(tmp_path, "K0000113", "K0010068").graph(history=True)
    centre = ending(graph, "臺灣鐵路管理局", "員工訓練中心")
    bureau = graph.parent(centre)
    edge = succeeded_by(graph, centre)[bureau]
    assert "K0010068" in edge["evidence"] and "2005-07-19" in edge["evidence"] and edge["doc"] == "K0010068"
    assert graph.node(centre)["successors"] == [" › ".join(graph.node(bureau)["path"])]
    # the 科 of the 細則 ended with the 局's rules, as units of the 局: not the 局's
    assert bureau not in succeeded_by(graph, ending(graph, "員工訓練中心", "教務科"))


def test_a_body_whose_name_rules_made_as_it_ended_give_an_internal_unit_was_taken_in_as_that_unit(tmp_path):
    # 國立國光劇團暫行組織規程 (H0000059): 「中華民國九十七年三月十一日教育部…令發布廢止」; 國立臺灣傳統藝術總處籌備處
    # 辦事細則 (H0010022), made a week before, 第4條 「八、國光劇團，分三科辦事。」 — the 劇團 as one of its units.
    graph = history_of(tmp_path, "H0000059", "H0010022").graph(history=True)
    troupe = next(u["id"] for u in graph.units() if u["name"] == "國立國光劇團")
    office = next(u["id"] for u in graph.units() if u["name"] == "國立臺灣傳統藝術總處籌備處")
    assert list(succeeded_by(graph, troupe)) == [office]
    assert succeeded_by(graph, troupe)[office]["where"] == "H0010022 line 24 第4條"
    assert graph.node(troupe)["status"] == "superseded"
    assert graph.node(troupe)["successors"] == [" › ".join(graph.node(office)["path"])]


def test_a_business_body_beside_a_company_of_its_name_but_the_rank_was_corporatised_into_it(tmp_path):
    # 榮民工程事業管理處組織規程 (F0000013) 第1條: 「…為輔導退除役官兵承辦各項建設工程…設置榮民工程事業管理處」,
    # repealed in 2018; 榮民工程股份有限公司組織規程 (F0000035), in effect from 1998-07-01, 第2條: 「本公司依公司章程
    # 第二條經營業務範圍承辦各項建設工程及相關業務」.
    graph = history_of(tmp_path, "F0000013", "F0000035").graph(history=True)
    office = ending(graph, "國軍退除役官兵輔導委員會", "榮民工程事業管理處")
    company = ending(graph, "國軍退除役官兵輔導委員會", "榮民工程股份有限公司")
    edge = succeeded_by(graph, office)[company]
    assert edge["evidence"].startswith("corporatised") and "1998-07-01" in edge["evidence"]
    assert graph.node(office)["status"] == "superseded"


def test_a_bureau_renamed_in_the_reorganisation_whose_successors_act_does_not_name_it_takes_the_reviewed_row(tmp_path):
    # 財政部關稅總局辦事細則 (repealed 2013-01-08) says nothing of what followed; 財政部關務署組織法 (G0300053 沿革:
    # 「定自一百零二年一月一日施行」) does not name 關稅總局: data/lineage.tsv does, with that act as its source.
    graph = history_of(tmp_path, "G0310016", "G0300053").graph(history=True)
    old = next(u["id"] for u in graph.units() if u["path"][-2:] == ["財政部", "關稅總局"])
    new = next(u["id"] for u in graph.units() if u["path"][-2:] == ["財政部", "關務署"])
    edge = succeeded_by(graph, old)[new]
    # (the repeal of its rules, with the row's succession and source)
    assert edge["where"] == "G0310016 沿革內容" and "財政部關稅總局 → 財政部關務署" in edge["evidence"]
    assert "G0300053" in edge["evidence"] and graph.node(old)["status"] == "superseded"
