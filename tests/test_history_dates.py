"""The day a body ended: the day its successor took over, not the day its last rules were repealed.

Real documents of data/national.tar.xz: 行政院衛生署組織法 (L0000001) was repealed on 2015-06-24 (its 沿革's last
entry), two years after 衛生福利部組織法 (L0000055) took effect (data/lineage.tsv: 2013-07-23); 交通部基隆港務局
組織條例 (K0000063) was repealed on 2017-11-22, the bureau corporatised on 2012-03-01 (the table's row);
司法院司法人員研習所組織條例 was renamed 法官學院組織法 (A0010058) 「…令定自一百零二年七月一日施行」;
行政院衛生署中醫藥委員會組織條例 (L0000025) was repealed with 衛生署's act in 2015, its other rules in 2013."""
from __future__ import annotations

import pytest

from support import national_store


@pytest.fixture(scope="module")
def history_graph(tmp_path_factory):
    store = national_store(tmp_path_factory.mktemp("laws"), "L0000001", "L0010002", "L0000055", "K0000063",
                           "K0010049", "A0010058", "A0010059", "A0020172", "L0000003", "L0000025", "L0010008")
    return store.graph(history=True)


def test_a_body_ends_the_day_its_successor_took_over(history_graph):
    node = history_graph.node("行政院/衛生署")
    assert (node["status"], node["status_date"]) == ("superseded", "2013-07-23")
    edge = history_graph.edge("行政院/衛生署", "行政院/衛生福利部", "SUCCEEDED_BY:行政院/衛生福利部")
    assert edge["date"] == "2013-07-23"


def test_its_rules_repealed_later_keep_their_own_date(history_graph):
    doc = history_graph.node("doc:L0000001")
    assert (doc["status"], doc["status_date"]) == ("abolished", "2015-06-24")
    assert "一百零四年六月二十四日" in doc["status_evidence"]


def test_a_corporatised_body_is_superseded_from_the_day_of_the_company(history_graph):
    node = next(u for u in history_graph.units() if u["name"] == "基隆港務局")
    assert (node["status"], node["status_date"]) == ("superseded", "2012-03-01")
    assert node["successors"] == ["臺灣港務股份有限公司"]


def test_a_rename_counts_from_the_day_the_renamed_law_took_effect(history_graph):
    node = history_graph.node("司法院/司法人員研習所")
    assert (node["status"], node["status_date"]) == ("superseded", "2013-07-01")


def test_a_division_of_a_body_lives_until_its_rules_are_repealed(history_graph):
    # a division's end is its rules' (行政院衛生署辦事細則, repealed 2013-07-21; the 組織法's, 2015-06-24), not the
    # day its body's successor took over
    below = [history_graph.node(u) for u in history_graph.descendants("行政院/衛生署", depth=1)
             if history_graph.node(u)["kind"] == "Division"]
    only_rules = [u for u in below if {s["doc"] for s in u["sources"]} == {"L0010002"}]
    assert only_rules and {u["status_date"] for u in only_rules} == {"2013-07-21"}
    assert "2013-07-23" not in {u["status_date"] for u in below}


def test_a_body_taken_over_with_its_parent_ends_that_day_not_with_its_last_law(history_graph):
    node = history_graph.node("行政院/衛生署/中醫藥委員會")
    assert (node["status"], node["status_date"]) == ("superseded", "2013-07-23")
    assert history_graph.node("doc:L0000025")["status_date"] == "2015-06-24"


@pytest.fixture(scope="module")
def renamed_graph(tmp_path_factory):
    # 行政院衛生署組織法, 中央健康保險局組織條例 (L0000019) and the office rules renamed
    # 衛生福利部中央健康保險署處務規程
    # (L0010048 沿革 2: 「…一百零二年七月二十一日…修正發布名稱…（原名稱：行政院衛生署中央健康保險局處務規程；新名稱：
    # 衛生福利部中央健康保險署處務規程）」), 衛生福利部組織法
    store = national_store(tmp_path_factory.mktemp("renamed"), "L0000001", "L0000019", "L0010048", "L0000055")
    return store.graph(history=True)


def test_a_body_renamed_from_another_exists_from_the_rename(renamed_graph):
    from queries.history import as_of, history
    before = {tuple(r["path"][-2:]) for r in as_of(renamed_graph, "2012-01-01")}
    after = {tuple(r["path"][-2:]) for r in as_of(renamed_graph, "2014-01-01")}
    assert ("衛生署", "中央健康保險局") in before and ("衛生福利部", "中央健康保險署") not in before
    assert ("衛生福利部", "中央健康保險署") in after
    enacted = [e for e in history(renamed_graph, "衛生福利部/中央健康保險署").events if e.kind == "enacted"]
    assert enacted[0].text.startswith("行政院衛生署中央健康保險局處務規程 (renamed ")
