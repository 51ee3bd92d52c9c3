"""Budget books of other agencies as extraction lays them out (tests/data/layouts, README there).

Each book's gold (tests/data/layouts/gold) was written from its text: units with their parents, the duties the
book states for each, the headcount figures.  The snippets below are cut from those books.
"""
from __future__ import annotations

import json
import sys

import pytest

import loaders
from support import REPO

sys.path.insert(0, str(REPO / "eval"))

import layouts  # noqa: E402

BOOKS = sorted(p.stem for p in (REPO / "tests/data/layouts/gold").glob("*.json"))


@pytest.mark.parametrize("stem", BOOKS)
def test_a_budget_book_gives_its_units_duties_and_headcounts(stem):
    gold = layouts.gold_records(json.loads((REPO / f"tests/data/layouts/gold/{stem}.json").read_text("utf-8")))
    got = layouts.got_records(loaders.load_path(REPO / f"tests/data/layouts/{stem}.txt"))
    assert got == gold


def _book(*lines: str):
    return loaders.parse_text("\n".join(lines) + "\n", "b", genre="budget")


def test_a_chart_one_box_per_line_gives_its_units_not_its_posts():
    # nricm_budget_chart.txt: 「三、組織系統圖」 then 所長 / 副所長 / … / 人事管理員 / 主計員, one box per line.
    parsed = _book("衛生福利部國家中醫藥研究所", "預算總說明", "一、組織系統圖", "所長", "副所長", "主任秘書",
                   "中醫藥基礎研究組", "秘書室", "人事管理員", "主計員", "二、員額說明")
    assert [u.path[-1] for u in parsed.units] == ["衛生福利部", "國家中醫藥研究所", "中醫藥基礎研究組", "秘書室"]


def test_a_heading_alone_names_a_unit_when_duties_follow_and_an_agency_when_units_follow():
    # nricm_budget_chart.txt 「（一）中醫藥基礎研究組」 + 「1.中醫理論…」;
    # data/seeds/001 「(2) 基隆關」 + 「1. 業務一組：…」
    parsed = _book("財政部測試署及所屬", "預算總說明", "一、內部分層業務", "（一）中醫藥基礎研究組",
                   "1.中醫理論、診斷及療法之研究。", "2.中藥藥理之研究。", "（二）基隆關",
                   "1.業務一組：掌理進口貨物通關。")
    assert [(u.path, u.kind) for u in parsed.units[2:]] == [
        (("財政部", "測試署", "中醫藥基礎研究組"), "Division"), (("財政部", "測試署", "基隆關"), "Agency"),
        (("財政部", "測試署", "基隆關", "業務一組"), "Division")]
    assert [(d.unit[-1], d.text) for d in parsed.duties] == [
        ("中醫藥基礎研究組", "中醫理論、診斷及療法之研究"), ("中醫藥基礎研究組", "中藥藥理之研究"),
        ("業務一組", "進口貨物通關")]


def test_an_overview_names_the_units_and_the_subordinate_agencies():
    # moda_budget_word.txt's 「二、組織概況」
    parsed = _book("數位發展部", "預算總說明", "一、組織概況",
                   "本部置部長，設數位策略司、秘書處及法制處等3個內部單位；所屬機關為數位產業署及資通安全署。")
    assert [(u.path[-1], u.kind) for u in parsed.units[1:]] == [
        ("數位策略司", "Division"), ("秘書處", "Division"), ("法制處", "Division"), ("數位產業署", "Agency"),
        ("資通安全署", "Agency")]


def test_a_mandate_in_prose_after_its_heading_is_the_agencys():
    # moda_budget_word.txt: 「一、法定職掌」 + 「本部依數位發展部組織法掌理…；…。」
    parsed = _book("數位發展部", "預算總說明", "一、法定職掌",
                   "本部依數位發展部組織法掌理國家數位發展政策之規劃、協調及推動；通訊傳播與數位資源之整體規劃及管理。")
    assert [(d.unit, d.text) for d in parsed.duties] == [
        (("數位發展部",), "國家數位發展政策之規劃、協調及推動"),
        (("數位發展部",), "通訊傳播與數位資源之整體規劃及管理")]


def test_a_collective_shares_its_duties_among_the_named_members_or_stays_when_none_is_named():
    # wda_budget_pdf.txt: the chart names the 分署, 「15.各分署：掌理…」 gives the duties they share.
    chart = "一、組織系統圖：署長副署長秘書室北基宜花金馬分署桃竹苗分署"
    units = ["", "二、內部分層業務", "1.秘書室：掌理文書。", "2.各分署：掌理就業服務；職業訓練。", "三、預算員額"]
    named, unnamed = _book("勞動部勞動力發展署", chart, *units), _book("勞動部勞動力發展署", *units)
    assert sorted((d.unit[-1], d.text) for d in named.duties if d.unit[-1] != "秘書室") == [
        ("北基宜花金馬分署", "就業服務"), ("北基宜花金馬分署", "職業訓練"), ("桃竹苗分署", "就業服務"),
        ("桃竹苗分署", "職業訓練")]
    assert "各分署" not in {u.path[-1] for u in named.units}
    assert {d.unit[-1] for d in unnamed.duties} == {"秘書室", "各分署"}


def test_a_staffing_table_whose_columns_run_together_and_a_wrapped_summary_sentence():
    # ftc_budget_columns.txt's table; wda_budget_pdf.txt's sentence wrapped at 「聘用9」 + 「人及約僱197人」.
    parsed = _book("公平交易委員會", "預算總說明", "本會113年度預算員額職員196人、聘用0", "人及約僱6人，共計202人。",
                   "預算員額表", "單位：人", "名稱職員聘用約僱合計", "113年度", "公平交易委員會 196 0 6 202")
    figures = {(h.origin, h.category, h.value) for h in parsed.headcounts}
    assert figures == {(origin, c, v) for origin in ("text", "table")
                       for c, v in (("職員", 196), ("聘用", 0), ("約僱", 6), ("合計", 202))}
