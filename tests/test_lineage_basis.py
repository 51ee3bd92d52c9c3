"""A law made under an article of an act that a newer act superseded stopped applying with it
(graph_model/graph/basis.py).  Real documents of data/national.tar.xz; each expectation checked against their text."""
from __future__ import annotations

from graph_model.graph.lineage import statuses
from support import national_store


def test_a_common_act_made_under_a_superseded_act_ended_with_it_and_its_bodies_went_to_the_new_one(tmp_path):
    # 內政部消防署港務消防隊組織通則 (D0000070, not marked 廢) 第1條: 「本通則依內政部消防署組織條例第十一條規定
    # 制定之」; 內政部消防署組織法 (D0000242) 「定自一百十二年九月二十日施行」 and sets up no 港務消防隊;
    # 內政部消防署港務消防大隊組織規程 (D0000256) 「自一百十二年九月二十日施行」: 「特設港務消防大隊」.
    store = national_store(tmp_path, "D0000070", "D0000069", "D0000242", "D0000256")
    s = statuses(store.parsed())["D0000070"]
    assert (s.state, s.date, s.where) == ("abolished", "2023-09-20", "D0000070 line 4 第1條")
    assert s.evidence.startswith("本通則依內政部消防署組織條例第十一條規定制定之")
    graph = store.graph(history=True)
    teams = "行政院/內政部/消防署/港務消防隊"
    assert graph.node(teams)["status"] == "superseded"
    assert [t for t, _ in graph.out(teams, "SUCCEEDED_BY")] == ["行政院/內政部/消防署/港務消防大隊"]


def test_a_law_made_under_an_act_in_force_stays_current(tmp_path):
    # 審計處室組織通則 (U0000002) 第1條: 「本通則依審計部組織法第十四條規定制定之」; 審計部組織法 (U0000001) in force.
    store = national_store(tmp_path, "U0000002", "U0000001")
    assert statuses(store.parsed())["U0000002"].state == "current"


def test_a_body_made_under_anothers_act_went_where_that_bodys_unit_of_its_name_went(tmp_path):
    # 郵政儲金匯業局組織法 (K0000007) 第1條: 「本法依交通部郵政總局組織法第九條規定制定之」; 交通部郵政總局組織法
    # (K0000006) 第9條: 「本局為辦理郵政儲金、匯兌、簡易人壽保險等業務，設郵政儲金匯業局」.  Its laws were repealed
    # saying nothing of what followed; 郵政總局 became 中華郵政股份有限公司 (data/lineage.tsv, with its source).
    graph = national_store(tmp_path, "K0000007", "K0010003", "K0000006").graph(history=True)
    bureaus = [u for u in graph.units() if u["name"] == "郵政儲金匯業局"]
    assert len(bureaus) == 2
    for bureau in bureaus:
        assert bureau["status"] == "superseded" and bureau["successors"] == ["中華郵政股份有限公司"]
    units = [c for b in bureaus for c in graph.children(b["id"])]
    assert units and all(graph.node(c)["successors"] == ["中華郵政股份有限公司"] for c in units)


def test_the_bureaus_金管會_took_over_in_2004_have_their_reviewed_rows(tmp_path):
    # 財政部金融局辦事細則 (G0310012) was repealed only in 2013 (「中華民國一百零二年一月八日財政部…令發布廢止」)
    # and names no successor; the 2004 transfer to 金融監督管理委員會銀行局 (G0310043) is in no document:
    # data/lineage.tsv gives it, with 行政院金融監督管理委員會組織法 (G0300035 沿革1, 第4條) as its source, and says so.
    graph = national_store(tmp_path, "G0310012", "G0310043").graph(history=True)
    bureau = next(u["id"] for u in graph.units() if u["name"] == "金融局")
    edge = next(data for target, data in graph.out(bureau, "SUCCEEDED_BY")
                if target.endswith("金融監督管理委員會/銀行局"))
    # (the repeal of its rules, with the row's words)
    row = "財政部金融局 → 行政院金融監督管理委員會銀行局：行政院金融監督管理委員會組織法（G0300035 沿革1"
    assert edge["where"] == "G0310012 沿革內容" and row in edge["evidence"]
    assert "本資料集無文件明載" in edge["evidence"]


def test_a_member_whose_rules_were_made_under_the_class_act_went_where_the_class_went_though_a_team(tmp_path):
    # 內政部消防署高雄港務消防隊辦事細則 (D0010044) 第1條: 「本細則依內政部消防署港務消防隊組織通則第九條規定訂定之」,
    # repealed 2023-12-01 with no word of what followed; its class went to the 港務消防大隊 (above).  A body with
    # rules of its own, though its name ends in 隊.
    graph = national_store(tmp_path, "D0000070", "D0000069", "D0000242", "D0000256", "D0010044").graph(history=True)
    port = "行政院/內政部/消防署/高雄港務消防隊"
    assert graph.node(port)["status"] == "superseded"
    assert [t for t, _ in graph.out(port, "SUCCEEDED_BY")] == ["行政院/內政部/消防署/港務消防大隊"]
