"""A body whose name, written with 臺 for 台, is a sibling's that went on longer is that body
(graph_model/graph/succession.py, ``_respelled``); the bodies attached (所屬, 附屬) to a body that was succeeded are
its successor's family of their kind (``_became_family``).  Real documents of data/national.tar.xz; each expectation is
checked against their text."""
from __future__ import annotations

from support import national_store


def succeeded_by(graph, uid: str) -> list[str]:
    return [target for target, _ in graph.out(uid, "SUCCEEDED_BY")]


def test_a_branch_under_interim_rules_is_the_branch_its_act_spells_with_tai(tmp_path):
    # 內政部警政署警察電訊所暫行組織規程 (D0000098, 1999, 「台中…分所」):
    # 「中華民國九十一年四月十一日內政部…令發布廢止」; 內政部警政署警察電訊所組織條例 (D0000105):
    # 「中華民國九十年十一月二十一日總統…令制定公布…定自九十年十二月十六日施行」,
    # 內政部警政署警察電訊所辦事細則 (D0010035, 「中華民國九十一年四月二十四日內政部…令訂定發布」, repealed in 2013)
    # names its 分所 臺中、臺北、臺南、臺東.
    graph = national_store(tmp_path, "D0000098", "D0000105", "D0010035").graph(history=True)
    for place in ("臺中", "臺北", "臺南", "臺東"):
        old = f"內政部/警政署/警察電訊所/{place.replace('臺', '台')}分所"
        assert graph.node(old)["status"] == "superseded"
        assert succeeded_by(graph, old) == [f"內政部/警政署/警察電訊所/{place}分所"]


def test_a_radio_station_under_interim_rules_is_the_station_of_the_same_name_spelt_with_tai(tmp_path):
    # 內政部警政署警察廣播電台暫行組織規程 (D0000100): 「中華民國九十一年四月十一日內政部…令發布廢止」; 內政部警政署
    # 警察廣播電臺辦事細則 (D0010034): 「中華民國九十一年四月二十二日內政部…令訂定發布」, in force.
    graph = national_store(tmp_path, "D0000100", "D0010034").graph(history=True)
    assert succeeded_by(graph, "行政院/內政部/警政署/警察廣播電台") == ["行政院/內政部/警政署/警察廣播電臺"]


def test_the_bodies_attached_to_a_renamed_bureau_are_its_successors_family_of_their_kind(tmp_path):
    # 交通部中央氣象局附屬氣象測報機構組織通則 (K0000026): the bodies attached (附屬) to 中央氣象局, which
    # 交通部中央氣象署組織法 (K0000206, 「定自一百十二年九月十五日施行」) succeeded; 交通部中央氣象署各氣象測報機構
    # 組織準則 (K0000267, 「自一百十二年九月十五日施行」) sets up the 署's 各氣象測報機構.
    graph = national_store(tmp_path, "K0000025", "K0000026", "K0000206", "K0000267").graph(history=True)
    old = next(u["id"] for u in graph.units() if u["name"].endswith("附屬氣象測報機構"))
    assert [graph.node(t)["name"] for t in succeeded_by(graph, old)] == ["各氣象測報機構"]
    assert graph.node(old)["successors"][0].endswith("中央氣象署 › 各氣象測報機構")
