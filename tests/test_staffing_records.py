"""Typed staffing records (posts, headcount figures, the agency): built by the loaders, kept by the store.

The store keeps them in the JSON layout it always had (``"extras": {"agency", "headcounts", "posts"}``),
so the expectations below are read off seed 001 (budget book) and seed 002 (關稅總局組織條例).
"""
from __future__ import annotations

import json

import pytest

from graph_model.records.records import (
    HeadcountRecord,
    PostRecord,
    QuotaRule,
    Rank,
    Source,
    StatutoryTotal,
    SubQuota,
    parsed_from_dict,
    to_dict,
)
from graph_model.store.store import open_store
from loaders import load_path
from support import SEED_ACT, SEED_BUDGET, edit_record, stored_documents

AGENCY = ("財政部", "關稅總局")


@pytest.fixture(scope="module")
def act():
    return load_path(SEED_ACT)


@pytest.fixture(scope="module")
def budget():
    return load_path(SEED_BUDGET)


def test_the_loaders_build_typed_records(act, budget):
    assert act.agency == AGENCY and budget.agency == ()
    assert {type(r) for r in act.posts} == {PostRecord, QuotaRule}
    # 第7條 (line 41): 「秘書二十二人至二十六人，…職務均列薦任第八職等至第九職等…；其中秘書六人，…得列簡任第十職等」
    secretary = next(r for r in act.posts if isinstance(r, PostRecord) and r.title == "秘書")
    assert (secretary.unit, secretary.min, secretary.max) == (AGENCY, 22, 26)
    assert (secretary.rank.class_from, secretary.rank.grade_from, secretary.rank.grade_to) == ("薦任", 8, 9)
    [quota] = secretary.sub_quotas
    assert isinstance(quota, SubQuota) and (quota.count, quota.rank.grade_from) == (6, 10)
    assert secretary.source == Source(SEED_ACT.stem, 41, 41, "第7條", None)
    # seed 001 line 795: the 109年度 基隆關 職員 cell
    keelung = next(f for f in budget.headcounts if f.year == 109 and f.row == "基隆關" and f.category == "職員")
    assert isinstance(keelung, HeadcountRecord)
    assert (keelung.agency, keelung.value, keelung.source.line) == (("財政部", "關務署", "基隆關"), 1038, 795)


def test_typed_records_round_trip_through_the_store_layout(act, budget):
    for parsed in (act, budget):
        d = json.loads(json.dumps(to_dict(parsed), ensure_ascii=False))
        assert parsed_from_dict(d) == parsed
        assert parsed_from_dict(to_dict(parsed)) == parsed
    d = to_dict(act)
    assert list(d["extras"]) == ["agency", "posts"] and d["extras"]["agency"] == list(AGENCY)
    post = next(p for p in d["extras"]["posts"] if p["kind"] == "post")
    assert list(post) == ["kind", "unit", "title", "min", "max", "rank", "sub_quotas", "concurrent", "per",
                          "variant", "note", "source"]
    assert list(post["source"]) == ["doc", "line", "end_line", "article", "item"]
    figures = to_dict(budget)["extras"]["headcounts"]
    # only the 增減員額 row's figures (line 904 on) say which year they compare with
    assert {f["kind"] for f in figures if "from_year" in f} == {"change"}
    assert all("from_year" in f for f in figures if f["kind"] == "change")


def test_the_bundled_samples_read_back_as_the_loaders_build_them(act):
    [stored] = [p for p in open_store("/nonexistent/store.json").parsed() if p.document.id == act.document.id]
    assert (stored.agency, stored.posts) == (act.agency, act.posts)


def test_a_stated_total_round_trips():
    total = StatutoryTotal(unit=("交通部", "公路總局", "各區養護工程處"), variant="一等工程處", min=572, max=572,
                           titles=("工務士", "事務士"), source=Source("05", 60, 60, "第7條", None))
    post = PostRecord(unit=("局",), title="秘書", min=2, max=2, rank=Rank("薦任", 8, "薦任", 9, ("關務正",), "x"),
                      sub_quotas=[SubQuota(1, Rank("簡任", 10, "簡任", 10, (), "y"), "其中一人")],
                      source=Source("d", 1, 1))
    parsed = load_path(SEED_ACT)
    parsed.posts = [total, post]
    d = json.loads(json.dumps(to_dict(parsed), ensure_ascii=False))
    assert d["extras"]["posts"][0] == {"kind": "total", "unit": ["交通部", "公路總局", "各區養護工程處"],
                                       "variant": "一等工程處", "min": 572, "max": 572, "titles": ["工務士", "事務士"],
                                       "note": "", "source": {"doc": "05", "line": 60, "end_line": 60,
                                                              "article": "第7條", "item": None}}
    assert parsed_from_dict(d).posts == [total, post]


@pytest.mark.parametrize("damage, why", [
    (lambda x: x["posts"][0].pop("title"), "TypeError"),  # a post without its title
    (lambda x: x["posts"][0].update(kind="vacancy"), "KeyError"),  # a kind of record no loader writes
    (lambda x: x["posts"][0].update(rank="簡任"), "TypeError"),  # a string where a rank belongs
    (lambda x: x["headcounts"][0].update(source="line 3"), "TypeError"),
    (lambda x: x["headcounts"][0].update(colour="red"), "TypeError"),  # a key a figure does not have
    (lambda x: x.update(agency=5), "TypeError"),
])
def test_a_damaged_staffing_record_is_one_line_and_the_store_stays(run, store001, damage, why):
    [doc_id] = stored_documents(store001)
    edit_record(store001, doc_id, lambda doc: damage(doc["extras"]))
    before = stored_documents(store001)
    for args in (["staffing", "關務署"], ["validate"]):
        result = run("--store", store001, *args)
        assert result.exit_code == 1, args
        assert f"the record of document {doc_id!r} is damaged ({why}" in result.stderr
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert stored_documents(store001) == before
