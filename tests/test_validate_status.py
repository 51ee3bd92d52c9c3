"""`validate` lists the agencies whose status the documents do not decide.

Real documents of data/national.tar.xz: 交通部組織法 (K0000001, 2023) 第5條 lists the 次級機關 of 交通部 (公路局,
航港局 …) and not 稽查電臺, whose own 交通部稽查電臺組織規程 (K0000013) was last changed in 1969 and never repealed:
nothing ends it, nothing keeps it.  交通部公路局組織法 (K0000207, 2023) is newer and listed."""
from __future__ import annotations

import pytest

from support import national_store


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from queries.validate import validate
    store = national_store(tmp_path_factory.mktemp("laws"), "K0000001", "K0000013", "K0000207")
    return {c["name"]: c for c in validate(store.graph(), store)["checks"]}


def test_an_old_body_its_parents_act_does_not_list_is_undecided(report):
    issues = report["undecided_status"]["issues"]
    assert [i["unit"] for i in issues] == ["行政院/交通部/稽查電臺"]
    evidence = issues[0]["evidence"]
    assert (evidence["own"], evidence["own_updated"]) == ("交通部稽查電臺組織規程", "19690303")
    assert evidence["act"] == "交通部組織法" and "公路局" in evidence["listed"]
    assert "稽查電臺" in issues[0]["message"] and "交通部組織法" in issues[0]["message"]


def test_the_bodies_the_act_lists_are_decided(report):
    assert not any("公路局" in i["unit"] for i in report["undecided_status"]["issues"])
