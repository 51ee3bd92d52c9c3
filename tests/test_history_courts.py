"""The courts in the current tree: one 高等法院, not a second body named after the title of its office rules.

Real documents of data/national.tar.xz: 法院組織法 (A0010053) 第1條 「本法所稱法院，分左列三級：…二、高等法院。」
sets up 高等法院 (its 民事庭 and 刑事庭); 高等法院及其分院處務規程 (A0020073) is the office rules of that court,
which its branches follow too (「高等法院設人事室、會計室、統計室及政風室」); so is 高等檢察署及其檢察分署處務規程
(I0010013) of 高等檢察署."""
from __future__ import annotations

import pytest

from support import national_store


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return national_store(tmp_path_factory.mktemp("laws"), "A0010053", "A0020073", "I0010013").graph()


def test_the_rules_of_a_court_and_its_branches_are_the_courts(graph):
    names = {u["id"] for u in graph.units()}
    assert not [n for n in names if "及其" in n]
    # one node: the act's chambers and the office rules' 書記處 under it
    court = [n for n in names if n.endswith("/高等法院")]
    assert len(court) == 1
    below = {graph.node(k)["name"] for k in graph.children(court[0])}
    assert {"民事庭", "刑事庭", "書記處", "人事室"} <= below


def test_the_prosecutors_office_and_its_branches_are_the_office(graph):
    office = [u for u in graph.units() if u["name"] == "高等檢察署"]
    assert len(office) == 1 and "書記處" in {graph.node(k)["name"] for k in graph.children(office[0]["id"])}
