"""Posts, headcounts and ranks read from organization acts (loaders/acts/posts.py).

Every expectation below was checked by hand against the article text it cites.
"""
from __future__ import annotations

import pytest

from graph_model.records.ranks import rank_label
from graph_model.records.records import Source, plain
from loaders.acts.posts import (
    chart_leadership,
    document_posts,
    extract_leadership,
    extract_posts,
    mentions_posts,
    parse_rank,
)
from loaders.read.text import logical_lines
from support import CORPUS, SEED_ACT, SEED_BUDGET, SEED_RULES

AGENCY = ("財政部", "關稅總局")


def article(path, label: str) -> tuple[str, Source]:
    """The paragraphs of one article joined as the loaders pass them, and its source."""
    lines = [ln for ln in logical_lines(path.read_text(encoding="utf-8"))
             if ln.kind in ("para", "item") and ln.article == label]
    assert lines, f"{label} not found in {path.name}"
    text = "".join(ln.body if ln.body.endswith("。") else ln.body + "。" for ln in lines)
    return text, Source(path.stem, lines[0].start, lines[-1].end, label)


def posts_of(path, label, agency=AGENCY, units=None):
    text, src = article(path, label)
    return extract_posts(text, src, agency, units or {})


def table(records):
    """(unit name, title, min, max, rank label, sub-quotas) of the post records."""
    return [(r.unit[-1], r.title, r.min, r.max, rank_label(r.rank),
             [(q.count, rank_label(q.rank)) for q in r.sub_quotas])
            for r in records if r.kind == "post"]


# --------------------------------------------------------------------------- seed 002 (關稅總局組織條例)
SEED_002_ART_7 = [
    # title, min, max, rank, sub-quotas — 第7條 (line 41), in text order
    ("研究委員", 2, 4, "簡任11–12", []),
    ("主任秘書", 1, 1, "簡任11", []),
    ("處長", 8, 8, "簡任11", []),
    ("室主任", 1, 1, "簡任11", []),
    ("副處長", 16, 20, "簡任10", []),
    ("執行秘書", 2, 4, "薦任9–簡任10", []),
    ("專門委員", 4, 6, "薦任9–簡任10", []),
    ("科長", 61, 71, "薦任9", []),
    ("秘書", 22, 26, "薦任8–9", [(6, "簡任10")]),
    ("稽核", 61, 65, "薦任8–9", [(16, "簡任10")]),
    ("編審", 42, 46, "薦任8–9", []),
    ("專員", 32, 36, "薦任7–8", []),
    ("股長", 40, 44, "薦任7–8", []),
    ("科員", 240, 244, "委任5–薦任7", []),
    ("辦事員", 69, 85, "委任3–5", []),
    ("書記", 30, 40, "委任1–3", []),
    ("總工程司", 1, 1, "簡任10–11", []),
    ("副總工程司", 1, 2, "薦任9–簡任10", []),
    ("高級分析師", 1, 2, "薦任9–簡任11", []),
    ("分析師", 5, 7, "薦任8–9", []),
    ("設計師", 10, 14, "薦任6–8", []),
    ("管理師", 2, 4, "薦任6–8", []),
    ("工程司", 4, 6, "薦任8–9", [(2, "簡任10")]),
    ("艦長", 1, 2, "薦任7–9", [(1, "簡任10")]),
    ("輪機長", 1, 2, "薦任7–9", []),
    ("大副", 1, 2, "薦任7–9", []),
    ("艦艇機師", 1, 3, "薦任6–8", []),
    ("艦艇駕駛員", 2, 6, "薦任6–8", []),
    ("副工程司", 5, 9, "薦任6–8", []),
    ("助理設計師", 20, 24, "薦任6–7", []),
    ("助理管理師", 6, 8, "薦任6–7", []),
    ("報務主任", 1, 2, "薦任6–8", []),
    ("工程員", 3, 5, "委任5–薦任7", []),
    ("設計員", 27, 33, "委任5–薦任7", []),
    ("報務員", 2, 4, "委任5–薦任7", []),
    ("助理工程員", 1, 3, "委任4–5", [(1, "薦任6")]),
    ("作業員", 27, 33, "委任1–3", []),
    ("艙面佐理員", 19, 19, "委任1–3", []),
    ("機艙佐理員", 9, 9, "委任1–3", []),
]


def test_seed_002_article_7_every_post():
    recs = posts_of(SEED_ACT, "第7條")
    assert table(recs) == [("關稅總局", *row) for row in SEED_002_ART_7]
    assert {r.source.line for r in recs} == {41}
    assert all(r.unit == AGENCY for r in recs)


def test_seed_002_article_7_series_and_rank_fields():
    recs = {r.title: r for r in posts_of(SEED_ACT, "第7條")}
    kz = recs["科長"].rank
    assert (kz.class_from, kz.grade_from, kz.class_to, kz.grade_to) == ("薦任", 9, "薦任", 9)
    assert kz.series == ("關務正", "技術正")
    assert recs["研究委員"].rank.series == ("關務監", "技術監")
    assert recs["專員"].rank.series == ("高級關務員", "高級技術員", "關務正", "技術正")
    assert recs["書記"].rank.series == ("關務佐",)
    assert recs["總工程司"].rank.series == ("技術監",)
    sub = recs["稽核"].sub_quotas[0]
    assert sub.rank.series == ("關務監", "技術監") and sub.rank.class_from == "簡任"


def test_seed_002_article_7_totals():
    recs = posts_of(SEED_ACT, "第7條")
    assert len(recs) == 39
    assert sum(r.min for r in recs) == 781  # added up by hand from the text
    assert sum(r.max for r in recs) == 901


def test_seed_002_leadership_article_6():
    assert table(posts_of(SEED_ACT, "第6條")) == [
        ("關稅總局", "總局長", 1, 1, "簡任13", []),
        ("關稅總局", "副總局長", 1, 2, "簡任12", []),
    ]


@pytest.mark.parametrize("label, unit, rows", [
    ("第8條", ("人事室",), [("人事室", "主任", 1, 1, "簡任10–11", []), ("人事室", "副主任", 1, 1, "薦任9–簡任10", [])]),
    ("第9條", ("會計室", "統計室"), [("會計室", "會計主任", 1, 1, "簡任10–11", []),
                                  ("統計室", "統計主任", 1, 1, "簡任10–11", []),
                                  ("會計室", "副主任", 1, 1, "薦任9–簡任10", []),
                                  ("統計室", "副主任", 1, 1, "薦任9–簡任10", [])]),
    ("第10條", ("督察室",), [("督察室", "主任", 1, 1, "簡任10–11", []),
                              ("督察室", "副主任", 1, 1, "薦任9–簡任10", [])]),
    ("第10-1條", ("政風室",), [("政風室", "主任", 1, 1, "簡任10–11", [])]),
])
def test_seed_002_office_articles_belong_to_their_unit(label, unit, rows):
    units = {name: AGENCY + (name,) for name in unit}
    recs = posts_of(SEED_ACT, label, units=units)
    assert table(recs) == rows
    assert all(r.unit == AGENCY + (r.unit[-1],) for r in recs)
    # 「…所需工作人員，就本條例所定員額內派充之」: a note on each unit, never a post or a count
    rules = [r for r in recs if r.kind == "quota_rule"]
    assert sorted(r.unit[-1] for r in rules) == sorted(unit)
    assert all("員額內派充" in r.note for r in rules)


def test_seed_002_lighthouse_posts_are_per_lighthouse():
    recs = posts_of(SEED_ACT, "第11條")
    assert table(recs) == [("燈塔", "主任管理員", 1, 1, "委任5–薦任7", []),
                           ("燈塔", "管理員", 1, 2, "委任4–5", [(1, "薦任6")])]
    assert all(r.per == "燈塔" and r.unit == AGENCY + ("燈塔",) for r in recs)


def test_seed_002_committee_staff_rule_stays_with_the_agency():
    (rule,) = posts_of(SEED_ACT, "第11-1條")
    assert rule.kind == "quota_rule" and rule.unit == AGENCY
    assert rule.note == "得設各種委員會；所需工作人員，應就本條例所定員額內派充之"


def test_seed_002_whole_document():
    recs = document_posts(logical_lines(SEED_ACT.read_text(encoding="utf-8")), SEED_ACT.stem, AGENCY,
                          {"人事室": AGENCY + ("人事室",)}, ["本局"])
    posts = [r for r in recs if r.kind == "post"]
    assert len(posts) == 2 + 39 + 2 + 4 + 2 + 1 + 2
    assert [r.title for r in posts if r.unit == AGENCY][:3] == ["總局長", "副總局長", "研究委員"]
    assert not any(r.kind == "post" and r.source.article in ("第3條", "第5條") for r in recs)


# --------------------------------------------------------------------------- corpus
NFA = ("內政部", "消防署")


def test_nfa_article_7_dual_civil_and_police_ranks():
    recs = posts_of(CORPUS / "03_nfa_organization_statute.txt", "第7條", NFA)
    assert table(recs) == [
        ("消防署", "主任秘書", 1, 1, "簡任11 或 警監", []),
        ("消防署", "組長", 7, 9, "簡任11 或 警監", []),
        ("消防署", "主任", 2, 2, "簡任11 或 警監", []),
        ("消防署", "隊長", 1, 1, "簡任11 或 警監", []),
        ("消防署", "副隊長", 3, 3, "薦任9–簡任10 或 警正至警監", []),
        ("消防署", "室主任", 1, 1, "薦任9–簡任10 或 警正至警監", []),
        ("消防署", "專門委員", 7, 9, "薦任9–簡任10 或 警正至警監", []),
        ("消防署", "科長", 32, 38, "薦任9 或 警正", []),
        ("消防署", "秘書", 16, 18, "薦任8–9 或 警正", [(6, "簡任10 或 警監")]),
        ("消防署", "視察", 20, 22, "薦任8–9 或 警正", [(7, "簡任10 或 警監")]),
        ("消防署", "技正", 7, 7, "薦任8–9", [(2, "簡任10")]),
        ("消防署", "專員", 43, 45, "薦任7–8 或 警正", []),
        ("消防署", "科員", 68, 72, "委任5–薦任7 或 警佐/警正", []),
        ("消防署", "分隊長", 6, 6, "警佐/警正", []),
        ("消防署", "技士", 21, 21, "委任5–薦任7", []),
        ("消防署", "小隊長", 12, 12, "警佐/警正", []),
        ("消防署", "技佐", 7, 7, "委任4–5", [(3, "薦任6")]),
        ("消防署", "隊員", 54, 54, "警佐", [(27, "警正")]),
        ("消防署", "辦事員", 11, 11, "委任3–5", []),
        ("消防署", "書記", 4, 4, "委任1–3", []),
    ]


@pytest.mark.parametrize("label, unit, title", [("第8條", "人事室", "主任"), ("第9條", "會計室", "會計主任"),
                                                ("第10條", "政風室", "主任")])
def test_nfa_office_articles(label, unit, title):
    recs = posts_of(CORPUS / "03_nfa_organization_statute.txt", label, NFA)
    assert table(recs) == [(unit, title, 1, 1, "薦任9–簡任10", [])]
    assert [(r.kind, r.unit[-1]) for r in recs if r.kind != "post"] == [("quota_rule", unit)]


def test_nfa_rescue_units_staff_from_quota():
    recs = posts_of(CORPUS / "03_nfa_organization_statute.txt", "第12條", NFA)
    assert [(r.kind, r.unit[-1]) for r in recs] == [("quota_rule", "特種搜救隊"), ("quota_rule", "訓練中心")]


BOFT = ("經濟部", "國際貿易局")


def test_boft_old_style_position_grades():
    assert table(posts_of(CORPUS / "04_boft_organization_statute.txt", "第6條", BOFT)) == [
        ("國際貿易局", "局長", 1, 1, "第10–14職等", []),
        ("國際貿易局", "副局長", 1, 2, "第10–14職等", []),
    ]
    assert table(posts_of(CORPUS / "04_boft_organization_statute.txt", "第7條", BOFT)) == [
        ("國際貿易局", "組長", 5, 5, "第8–12職等", []),
        ("國際貿易局", "副組長", 5, 5, "第7–11職等", []),
        ("國際貿易局", "主任", 1, 1, "第7–11職等", []),
        ("國際貿易局", "專門委員", 5, 7, "第8–12職等", []),
        # 「各職稱中之五人均得列第十或第十一職等」: five of each title
        ("國際貿易局", "秘書", 5, 11, "第6–9職等", [(5, "第10–11職等")]),
        ("國際貿易局", "稽核", 10, 18, "第6–9職等", [(5, "第10–11職等")]),
        ("國際貿易局", "技正", 5, 11, "第6–9職等", [(5, "第10–11職等")]),
        ("國際貿易局", "科長", 15, 21, "第6–9職等", []),
        ("國際貿易局", "編譯", 3, 7, "第6–9職等", []),
        ("國際貿易局", "專員", 22, 36, "第6–9職等", []),
        ("國際貿易局", "技士", 6, 10, "第1–5職等", [(4, "第6–7職等")]),
        ("國際貿易局", "科員", 47, 67, "第1–5職等", [(21, "第6–7職等")]),
        ("國際貿易局", "辦事員", 28, 35, "第1–5職等", []),
        ("國際貿易局", "書記", 15, 25, "第1–3職等", []),
    ]


def test_boft_each_office_gets_its_own_director():
    recs = posts_of(CORPUS / "04_boft_organization_statute.txt", "第8條", BOFT)
    assert table(recs) == [("人事室", "主任", 1, 1, "第6–9職等", []), ("會計室", "主任", 1, 1, "第6–9職等", []),
                           ("統計室", "主任", 1, 1, "第6–9職等", [])]
    # paragraph 2: 「前項各室所需工作人員，應就本條例所定員額內派充之」
    assert sorted(r.unit[-1] for r in recs if r.kind == "quota_rule") == ["人事室", "會計室", "統計室"]


DGH = ("交通部", "公路總局", "各區養護工程處")


def test_dgh_three_classes_of_office_with_stated_totals():
    recs = posts_of(CORPUS / "05_dgh_maintenance_offices_general_statute.txt", "第7條", DGH)
    totals = [(r.variant, r.min, r.max, len(r.titles)) for r in recs if r.kind == "total"]
    assert totals == [("一等工程處", 572, 572, 10), ("二等工程處", 445, 463, 10), ("三等工程處", 324, 373, 10)]
    first = {r.title: r for r in recs if r.kind == "post" and r.variant == "一等工程處"}
    assert (first["正工程司"].min, first["幫工程司"].min, first["助理工務員"].min) == (12, 49, 56)
    # 「課長五人，其中四人由…兼任，另一人由…兼任」: all five held concurrently
    assert first["課長"].concurrent == 5
    # 「勞工安全管理師一人，由工務員或課員以上人員兼任」: only the title before the comma
    assert first["勞工安全管理師"].concurrent == 1 and first["專員"].concurrent == 0
    assert first["工務士"].min is None and "572" in first["工務士"].note
    third = {r.title: r for r in recs if r.kind == "post" and r.variant == "三等工程處"}
    # 「…另一人由…兼任、室主任一人、正工程司八人至十人…」 (a comma typed as 、)
    assert (third["室主任"].min, third["正工程司"].min, third["正工程司"].max) == (1, 8, 10)
    assert third["室主任"].concurrent == 0 and third["課長"].concurrent == 5


def test_dgh_field_units_are_concurrent_posts():
    recs = posts_of(CORPUS / "05_dgh_maintenance_offices_general_statute.txt", "第15條", DGH)
    assert [(r.unit[-1], r.title, r.concurrent) for r in recs if r.kind == "post"] == [
        ("工務所", "主任", 1), ("工務所", "勞工安全衛生管理員", 1), ("機械施工隊", "隊長", 1),
        ("機械施工隊", "勞工安全衛生管理員", 1), ("踏勘隊", "隊長", 1), ("測量隊", "隊長", 1)]
    head = posts_of(CORPUS / "05_dgh_maintenance_offices_general_statute.txt", "第6條", DGH)
    assert [(r.title, r.min, r.concurrent) for r in head] == [("處長", 1, 0), ("副處長", 2, 2)]


@pytest.mark.parametrize("name, agency, expected", [
    ("01_cdc_organization_act.txt", ("衛生福利部", "疾病管制署"),
     [("署長", 1, 1, "簡任13"), ("副署長", 2, 2, "簡任12"), ("主任秘書", None, None, "簡任11")]),
    ("02_forestry_conservation_organization_act.txt", ("農業部", "林業及自然保育署"),
     [("署長", 1, 1, "簡任13"), ("副署長", 2, 2, "簡任12"), ("主任秘書", None, None, "簡任11")]),
    ("06_wda_branches_organization_standards.txt", ("勞動部", "勞動力發展署", "各分署"),
     [("分署長", 1, 1, "簡任11"), ("副分署長", 1, 2, "簡任10"), ("秘書", None, None, "薦任8–9")]),
])
def test_new_style_acts_name_only_leaders(name, agency, expected):
    recs = document_posts(logical_lines((CORPUS / name).read_text(encoding="utf-8")), name[:2], agency)
    got = [(r.title, r.min, r.max, rank_label(r.rank)) for r in recs
           if r.kind == "post" and r.title != "醫事人員"]
    assert got == expected


def test_office_rules_leadership_and_division_heads():
    lines = logical_lines(SEED_RULES.read_text(encoding="utf-8"))
    agency = ("經濟部", "智慧財產局")
    recs = document_posts(lines, SEED_RULES.stem, agency, {"專利一組": agency + ("專利一組",)}, ["本局"])
    got = [(r.unit[-1], r.title, r.min) for r in recs]
    assert got[:5] == [("智慧財產局", "局長", None), ("智慧財產局", "副局長", 2), ("智慧財產局", "主任秘書", 1),
                       ("專利一組", "組長", 1), ("專利一組", "副組長", 1)]
    assert ("會計室", "會計主任", 1) in got and ("秘書室", "室主任", 1) in got
    assert len(got) == 23


def test_budget_chart_leadership():
    recs = chart_leadership(SEED_BUDGET.read_text(encoding="utf-8"), "001", ("財政部", "關務署"))
    assert [(r.unit[-1], r.title, r.min) for r in recs] == [
        ("關務署", "署長", None), ("關務署", "副署長", 2), ("基隆關", "關務長", None), ("臺中關", "關務長", None),
        ("高雄關", "關務長", None), ("臺北關", "關務長", None)]


def test_extract_leadership_prose_only_names_the_agency_head():
    src = Source("d", 1)
    assert extract_leadership("處長承局長之命，綜理處務。", src, ("局",)) == []
    assert [p.title for p in extract_leadership("局長綜理局務，副局長二人襄理局務。", src, ("X局",))] == [
        "局長", "副局長"]


def test_words_that_only_look_like_posts():
    assert not mentions_posts("本局為稽徵關稅及執行關務需要，得報經財政部核轉行政院核定，於國內必要地區設置關稅局。")
    assert extract_posts("關於災情通報體系之規劃及建置事項。", Source("d", 1), ("署",), {}) == []


@pytest.mark.parametrize("text, expected", [
    # 中央研究院研究所組織規程 第3條, 公務人力發展學院組織法 第3條: 「一至二人」, 「一或二人」
    ("研究所得因需要，置副所長一至二人，由所長就該所專任研究員或副研究員中推薦，報請院長聘任之。",
     [("副所長", 1, 2)]),
    ("本學院置院長一人，職務列簡任第十三職等；副院長一或二人，職務列簡任第十二職等。",
     [("院長", 1, 1), ("副院長", 1, 2)]),
    # 勞工保險局組織條例 第20-1條: a title with its class (一等專員)
    ("勞工退休金業務處置處經理一人、副經理二人、一等專員三人、科長七人。",
     [("處經理", 1, 1), ("副經理", 2, 2), ("一等專員", 3, 3), ("科長", 7, 7)]),
    # 最高行政法院處務規程 第31條, 高雄港務局棧埠管理處暫行組織規程 第5條: 「若干人」 gives no number
    ("書記廳置通譯、法警、執達員、錄事、庭務員若干人，辦理有關通譯、警衛、送達及值庭等事務。",
     [("通譯", None, None), ("法警", None, None), ("執達員", None, None), ("錄事", None, None),
      ("庭務員", None, None)]),
    ("本處設人事室，置主任一人，並置課員、助理員、書記等各若干人。",
     [("主任", 1, 1), ("課員", None, None), ("助理員", None, None), ("書記", None, None)]),
    # 地方行政機關組織準則 第10條, 法院組織法 第19條: a threshold of a condition is no post
    ("直轄市政府置市長一人，對外代表該市，綜理市政；置副市長二人，襄助市長處理市政；"
     "人口在二百五十萬人以上之直轄市，得增置副市長一人。", [("市長", 1, 1), ("副市長", 2, 2)]),
    ("地方法院設公證處，置公證人及佐理員；公證人在二人以上者，置主任公證人。",
     [("公證人", None, None), ("佐理員", None, None)]),
])
def test_counts_as_the_acts_write_them(text, expected):
    posts = [p for p in extract_posts(text, Source("d", 1), ("部", "局"), {}) if hasattr(p, "title")]
    assert [(p.title, p.min, p.max) for p in posts] == expected


@pytest.mark.parametrize("text, units, expected", [
    # 交通部公路總局組織條例 (K0000004) 第5條: 「並指揮監督所屬人員及機關」 is what the head does, no unit
    ("本局置局長一人，綜理局務，並指揮監督所屬人員及機關；副局長一人，襄理局務。", {},
     [("局", "局長"), ("局", "副局長")]),
    # 經濟部水利處各區水資源局暫行組織規程 (J0000058) 第10條: 「前項管理中心」 is the one set up before
    ("前項管理中心各置主任一人，由正工程司兼任；其餘人員由本局調派之。", {"管理中心": ("部", "局", "管理中心")},
     [("管理中心", "主任")]),
    # (D0010116) 第17條: 「設法規會為常設性任務編組」 sets up no 「性任務編組」
    ("本會辦理法制業務，設法規會為常設性任務編組，置執行秘書一人，由適當人員擔任。", {}, [("局", "執行秘書")]),
])
def test_the_unit_of_a_post(text, units, expected):
    posts = [p for p in extract_posts(text, Source("d", 1), ("部", "局"), units) if hasattr(p, "title")]
    assert [(p.unit[-1], p.title) for p in posts] == expected


def test_parse_rank_shapes():
    r = parse_rank("簡任第十職等或簡任第十職等至第十一職等關務監")
    assert (r.class_from, r.grade_from, r.class_to, r.grade_to, r.series) == ("簡任", 10, "簡任", 11, ("關務監",))
    r = parse_rank("職位列第八至第十二職等")
    assert (r.class_from, r.grade_from, r.grade_to) == (None, 8, 12)


# --------------------------------------------------------------------------- graph and queries (seed 002)
from graph_model.graph.graph import OrgGraph  # noqa: E402
from loaders import load_path  # noqa: E402
from queries.staffing import post_totals, posts, staffing  # noqa: E402


@pytest.fixture(scope="module")
def act_graph():
    """Seed 002 as the org_act loader parses it, with its posts."""
    parsed = load_path(SEED_ACT)
    assert parsed.posts
    return OrgGraph.build([parsed])


def test_post_nodes(act_graph):
    node = act_graph.node("財政部/關稅總局#post:科長")
    assert (node["labels"], node["min"], node["max"], node["rank"]) == (["Post"], 61, 71, "薦任9")
    assert (node["class_from"], node["grade_from"], node["class_to"], node["grade_to"]) == ("薦任", 9, "薦任", 9)
    assert (node["doc"], node["line"], node["article"]) == (SEED_ACT.stem, 41, "第7條")
    assert act_graph.g.has_edge("財政部/關稅總局", node["id"], key="HAS_POST")
    assert act_graph.node("財政部/關稅總局/人事室#post:主任")["grade_to"] == 11
    assert act_graph.node("財政部/關稅總局/燈塔#post:管理員")["per"] == "燈塔"
    assert act_graph.node("財政部/關稅總局/人事室")["staff_from_quota"] is True
    assert not act_graph.node("財政部/關稅總局").get("staff_from_quota")


def test_how_many_section_chiefs(act_graph):
    (row,) = posts(act_graph, "關稅總局", title="科長")
    assert (row["min"], row["max"], row["rank"], row["rank_detail"]["series"]) == (61, 71, "薦任9",
                                                                                   ["關務正", "技術正"])


def test_rollup_by_unit_and_agency(act_graph):
    result = staffing(act_graph, "關稅總局")
    units = {u["name"]: (u["min"], u["max"], u["posts"]) for u in result["by_unit"]}
    # 第6條 (1 + 1–2) and 第7條 (781–901, added up by hand)
    assert units["關稅總局"] == (783, 904, 41)
    assert units["人事室"] == units["會計室"] == units["統計室"] == units["督察室"] == (2, 2, 2)
    assert units["政風室"] == (1, 1, 1)
    assert units["燈塔"] == (0, 0, 0)
    t = result["totals"]
    assert (t["min"], t["max"], t["posts"]) == (792, 913, 50)
    assert t["per_instance"] == {"燈塔": {"min": 2, "max": 3, "posts": 2}}


def test_concurrent_and_pooled_posts_are_not_counted():
    recs = posts_of(CORPUS / "05_dgh_maintenance_offices_general_statute.txt", "第7條", DGH)
    rows = [{**plain(r), "variant": r.variant or "", "per": r.per or ""} for r in recs if r.kind == "post"]
    t = post_totals(rows)
    # 一等: 室主任1 正工程司12 副工程司22 專員6 幫工程司49 工務員51 課員22 助理員1 助理工務員56 辦事員12 書記9
    assert t["variants"]["一等工程處"] == {"min": 241, "max": 241, "posts": 11}
    assert "課長" in t["concurrent"] and "工務士" in t["unstated"]


def test_cli_section_chiefs_from_the_store(run, store_path):
    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    open_store(store_path).add(read_paths([SEED_ACT]).documents)
    result = run("--store", store_path, "staffing", "關稅總局", "--title", "科長")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "財政部 › 關稅總局 — posts titled 科長\n"
        "關稅總局  (61–71 people in 1 post)\n"
        f"  {SEED_ACT.stem}:41 第7條\n"
        "    科長  61–71  薦任9  關務正/技術正\n")


def test_posts_of_a_collective_go_to_each_unit_of_its_kind():
    # 「司法院各廳各置廳長、副廳長一人；各處各置處長、副處長一人。」 (A0010051 第10條):
    # no unit 「司法院各廳」 or 「各處」
    agency = ("司法院",)
    units = {n: agency + (n,) for n in ("民事廳", "刑事廳", "秘書處", "資訊處")}
    recs = extract_posts("司法院各廳各置廳長、副廳長一人；各處各置處長、副處長一人。", Source("d", 46), agency, units)
    assert {(r.unit[-1], r.title) for r in recs if r.kind == "post"} == {
        (u, t) for u in ("民事廳", "刑事廳") for t in ("廳長", "副廳長")} | {
        (u, t) for u in ("秘書處", "資訊處") for t in ("處長", "副處長")}
    # 「本公司設六處、五室」 names none: 「本公司各處置處長」 is the company's post, one in every 處
    agency = ("榮民工程股份有限公司",)
    recs = extract_posts("本公司各處置處長、副處長。", Source("d", 12), agency, {"本公司": agency})
    assert [(r.unit, r.title, r.per) for r in recs] == [(agency, "處長", "處"), (agency, "副處長", "處")]
    # 「各級行政法院得置通譯」 where no court of any level is set up: the agency's
    recs = extract_posts("各級行政法院得置通譯、技士。", Source("d", 157), ("行政法院",), {})
    assert {r.unit for r in recs} == {("行政法院",)}


@pytest.mark.parametrize("text, title", [
    # 國家通訊傳播委員會組織法 第13條 (P0000008): police another body places at the commission's request
    ("本會得商請警政主管機關置專責警察，協助取締違反通訊傳播法令事項。", "專責警察"),
    # 中央健康保險局籌備處組織規程 (L0000019): the office itself engages them
    ("本處得視未來中央健康保險局所需人員，聘請相關機構人員為本處兼任人員。", None),
])
def test_the_agency_acting_through_a_modal_verb_names_no_unit(text, title):
    agency = ("行政院", "國家通訊傳播委員會")
    records = extract_posts(text, Source("P0000008", 68, 68, "第13條"), agency, {})
    assert records and all(r.unit == agency for r in records)
    assert title is None or [r.title for r in records if r.kind == "post"] == [title]


def test_a_field_unit_whose_posts_are_all_held_concurrently_adds_no_one(run, tmp_path):
    # K0000059 第13條: 「得設工務段，置段長一人，由幫工程司以上人員兼任；副段長一人，由…兼任；勞工安全衛生管理員一人，
    # 由…兼任」 — no one more per 工務段, and the titles are said, not 「plus 0 per 工務段」.
    from support import national_store
    store = national_store(tmp_path, "K0000059")
    out = run("--store", store.path, "staffing", "各區養護工程處").stdout
    head = out.splitlines()[1]
    assert "per 工務段, held concurrently: 段長、副段長、勞工安全衛生管理員" in head and "plus 0" not in out
