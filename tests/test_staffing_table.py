"""Budget staffing tables (loaders/budget/staffing_table.py) on seed 001, lines 769-912.

The expected cells were copied by hand from the seed text; the sums were added
up by hand too (both 合計 rows and every row total add up in this document).
"""
from __future__ import annotations

from loaders.budget.staffing_table import check_totals, staffing_tables, tables
from support import SEED_BUDGET

AGENCY = ("財政部", "關務署")
COLUMNS = ["職員", "技工", "工友", "駕駛", "聘用", "約僱", "合計"]
EXPECTED = {
    109: {"關務署": [379, 6, 14, 3, 0, 0, 402], "基隆關": [1038, 42, 37, 20, 0, 9, 1146],
          "臺北關": [1172, 4, 25, 10, 0, 3, 1214], "臺中關": [344, 16, 11, 5, 0, 0, 376],
          "高雄關": [1054, 61, 28, 16, 0, 0, 1159], "合計": [3987, 129, 115, 54, 0, 12, 4297]},
    108: {"關務署": [378, 7, 14, 4, 0, 0, 403], "基隆關": [1039, 44, 37, 20, 0, 9, 1149],
          "臺北關": [1169, 4, 35, 11, 0, 3, 1222], "臺中關": [341, 16, 11, 5, 0, 0, 373],
          "高雄關": [1060, 61, 31, 19, 0, 0, 1171], "合計": [3987, 132, 128, 59, 0, 12, 4318]},
}
CHANGE = [0, -3, -13, -5, 0, 0, -21]


def seed_text() -> str:
    return SEED_BUDGET.read_text(encoding="utf-8")


def test_table_layout():
    (t,) = tables(seed_text())
    assert (t["title"], t["line"], t["end_line"]) == ("關務署及所屬預算員額表", 771, 912)
    assert [y["year"] for y in t["years"]] == [109, 108]
    for y in t["years"]:
        assert y["columns"] == COLUMNS
        assert {r["name"]: [r["cells"][c][0] for c in COLUMNS] for r in y["rows"]} == EXPECTED[y["year"]]
    assert [t["change"]["cells"][c][0] for c in COLUMNS] == CHANGE
    assert t["change"]["line"] == 904


def test_every_cell_as_a_figure():
    figs = [f for f in staffing_tables(seed_text(), "001", AGENCY) if f.origin == "table" and f.kind == "budget"]
    assert len(figs) == 2 * 6 * 7
    got = {}
    for f in figs:
        got.setdefault(f.year, {}).setdefault(f.row, [None] * 7)[COLUMNS.index(f.category)] = f.value
    assert got == EXPECTED


def test_agencies_scopes_and_lines():
    figs = {(f.year, f.row, f.category): f for f in staffing_tables(seed_text(), "001", AGENCY)
            if f.origin == "table" and f.kind == "budget"}
    keelung = figs[(109, "基隆關", "職員")]
    assert (keelung.agency, keelung.scope, keelung.value) == (("財政部", "關務署", "基隆關"), "own", 1038)
    assert keelung.source.line == 795  # the cell's own line
    hq = figs[(109, "關務署", "合計")]
    assert (hq.agency, hq.scope, hq.value, hq.source.line) == (AGENCY, "own", 402, 791)
    total = figs[(108, "合計", "合計")]
    assert (total.agency, total.scope, total.value, total.source.line) == (AGENCY, "group", 4318, 902)


def test_change_row_is_109_minus_108():
    changes = [f for f in staffing_tables(seed_text(), "001", AGENCY) if f.kind == "change"]
    assert [(f.category, f.value) for f in changes] == list(zip(COLUMNS, CHANGE))
    assert {(f.year, f.from_year, f.scope) for f in changes} == {(109, 108, "group")}
    # …and it is what the two 合計 rows say
    assert [a - b for a, b in zip(EXPECTED[109]["合計"], EXPECTED[108]["合計"])] == CHANGE


def test_summary_sentence():
    figs = [f for f in staffing_tables(seed_text(), "001", AGENCY) if f.origin == "text"]
    assert [(f.kind, f.category, f.value) for f in figs] == [
        ("statutory", "職員", 4209), ("budget", "職員", 3987), ("budget", "技工", 129), ("budget", "工友", 115),
        ("budget", "駕駛", 54), ("budget", "約僱", 12), ("budget", "合計", 4297)]
    assert {(f.year, f.scope, f.source.line) for f in figs} == {(109, "group", 770)}


def test_seed_totals_add_up():
    # 108 職員: 378 + 1039 + 1169 + 341 + 1060 = 3987, as the 合計 row says.
    assert sum(EXPECTED[108][r][0] for r in ("關務署", "基隆關", "臺北關", "臺中關", "高雄關")) == 3987
    assert check_totals(staffing_tables(seed_text(), "001", AGENCY)) == []


def test_mismatches_are_reported():
    # 108 合計 row, 職員 cell (line 896): 3987 → 3988
    lines = seed_text().split("\n")
    assert lines[895] == "\t3987"
    lines[895] = "\t3988"
    issues = check_totals(staffing_tables("\n".join(lines), "001", AGENCY))
    assert sorted((i["check"], i["year"], i["category"], i["stated"], i["computed"]) for i in issues) == [
        ("change", 109, "職員", 0, -1),
        ("column_total", 108, "職員", 3988, 3987),
        ("row_total", 108, "合計", 4318, 4319),
    ]
    column = next(i for i in issues if i["check"] == "column_total")
    assert (column["doc"], column["line"]) == ("001", 896)
    assert column["message"] == "108年度 職員: 合計 row 3988 ≠ sum of rows 3987"


def test_summary_sentence_mismatch_is_reported():
    text = seed_text().replace("駕駛54人及約僱12人", "駕駛55人及約僱12人")
    issues = check_totals(staffing_tables(text, "001", AGENCY))
    assert [(i["check"], i["category"], i["stated"], i["computed"]) for i in issues] == [("summary", "駕駛", 55, 54)]


def test_no_table_no_figures():
    assert staffing_tables("本局置局長一人。", "x", ("局",)) == []


# --------------------------------------------------------------------------- graph, queries and the CLI (seed 001 only)
import json  # noqa: E402

import pytest  # noqa: E402

from graph_model.store.store import open_store  # noqa: E402
from loaders.batch import read_paths  # noqa: E402
from queries.staffing import headcounts  # noqa: E402


@pytest.fixture
def store001(store_path):
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    return store_path


def test_headcount_nodes_and_unit_attrs(store001):
    g = open_store(store001).graph()
    keelung = g.node("財政部/關務署/基隆關")
    assert (keelung["headcount"], keelung["headcount_year"]) == (1146, 109)
    customs = g.node("財政部/關務署")
    assert (customs["headcount"], customs["headcount_group"]) == (402, 4297)  # own staff, and with the 各關
    node = g.node("財政部/關務署/基隆關#headcount:budget:own:108:職員")
    assert (node["labels"], node["value"], node["line"]) == (["Headcount"], 1039, 856)
    assert g.g.has_edge("財政部/關務署/基隆關", node["id"])
    # the sentence restates the 合計 row: one node per figure, the table's cell first
    total = g.node("財政部/關務署#headcount:budget:group:109:合計")
    assert (total["value"], total["line"], len(total["sources"])) == (4297, 841, 2)
    assert g.node("財政部/關務署#headcount:statutory:group:109:職員")["value"] == 4209


def test_headcounts_query_keelung(store001):
    table = headcounts(open_store(store001).graph(), "基隆關", year=109)
    (row,) = table["rows"]
    assert row["values"] == dict(zip(COLUMNS, EXPECTED[109]["基隆關"]))
    assert row["previous"] == dict(zip(COLUMNS, EXPECTED[108]["基隆關"]))
    assert row["change"] == {"職員": -1, "技工": -2, "工友": 0, "駕駛": 0, "聘用": 0, "約僱": 0, "合計": -3}


def test_cli_staffing_keelung_exact(run, store001):
    result = run("--store", store001, "staffing", "基隆關", "--year", "109")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "財政部 › 關務署 › 基隆關 — posts\n"
        "基隆關  (no number for: 關務長)\n"
        "  001_586683daab11227d:105-768 組織系統圖\n"
        "    關務長  —  —\n"
        "\n"
        "財政部 › 關務署 › 基隆關 — budget headcount (預算員額)\n"
        "年度       職員  技工  工友  駕駛  聘用  約僱  合計\n"
        "109年度    1038    42    37    20     0     9  1146\n"
        "108年度    1039    44    37    20     0     9  1149\n"
        "增減         −1    −2    ±0    ±0    ±0    ±0    −3\n"
        "Source: 001_586683daab11227d:795-862\n")


def test_cli_staffing_customs_by_agency(run, store001):
    result = run("--store", store001, "staffing", "關務署", "--year", "109")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    table = text[text.index("— budget headcount"):].splitlines()
    assert table[1].split() == ["名稱", *COLUMNS]
    assert table[3].split() == ["基隆關", "1038", "(−1)", "42", "(−2)", "37", "(±0)", "20", "(±0)", "0", "(±0)",
                                "9", "(±0)", "1146", "(−3)"]
    assert table[7].split()[:3] == ["合計", "3987", "(±0)"]
    assert table[8] == ("Stated change (增減員額): 職員 ±0, 技工 −3, 工友 −13, 駕駛 −5, 聘用 ±0, 約僱 ±0, 合計 −21"
                        "  001_586683daab11227d:906 增減員額/職員")
    assert table[9] == "Statutory headcount (編制員額): 職員 4209  001_586683daab11227d:770 職員"


def test_cli_staffing_json(run, store001):
    result = run("--store", store001, "staffing", "關務署", "--year", "108", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    hc = data["headcounts"]
    assert (hc["year"], hc["previous_year"], hc["years"]) == (108, None, [108, 109])
    assert {r["name"]: r["values"]["合計"] for r in hc["rows"]} == {
        "關務署": 403, "基隆關": 1149, "臺北關": 1222, "臺中關": 373, "高雄關": 1171, "合計": 4318}
    assert [(p["unit_name"], p["title"], p["min"]) for p in data["posts"]][:2] == [("關務署", "署長", None),
                                                                                    ("關務署", "副署長", 2)]


def test_cli_staffing_unknown_year_is_one_line_error(run, store001):
    result = run("--store", store001, "staffing", "關務署", "--year", "107")
    assert result.exit_code == 1
    assert result.stderr == ("Error: no budget headcount figures for 財政部/關務署 in 107年度; "
                             "years with figures: 108, 109\n")


def test_cli_staffing_unit_without_staffing(run, store001):
    result = run("--store", store001, "staffing", "基隆關/稽查組")
    assert result.exit_code == 1  # nothing found, as `which`
    assert result.stdout == "No posts or budget headcounts for 財政部/關務署/基隆關/稽查組 in the loaded documents.\n"


def test_validate_reports_headcount_mismatch(run, store_path, tmp_path):
    lines = seed_text().split("\n")
    lines[895] = "\t3988"  # 108 合計 row, 職員
    bad = tmp_path / SEED_BUDGET.name
    bad.write_text("\n".join(lines), encoding="utf-8")
    open_store(store_path).add(read_paths([bad]).documents)
    result = run("--store", store_path, "validate", "--json")
    check = next(c for c in json.loads(result.stdout)["checks"] if c["name"] == "headcount_totals")
    assert sorted((i["kind"], i["line"], i["stated"], i["computed"]) for i in check["issues"]) == [
        ("change", 906, 0, -1), ("column_total", 896, 3988, 3987), ("row_total", 902, 4318, 4319)]
    assert all(i["unit"] == "財政部/關務署" for i in check["issues"])


def test_validate_seed_totals_clean(run, store001):
    result = run("--store", store001, "validate", "--json")
    check = next(c for c in json.loads(result.stdout)["checks"] if c["name"] == "headcount_totals")
    assert check["count"] == 0


def test_the_reader_and_the_staffing_view_share_one_list_of_categories():
    # A category the reader learns is ordered by the view as it is (no copy to keep in step).
    import queries.staffing
    from graph_model.records.records import HEADCOUNT_CATEGORIES
    from loaders.budget import staffing_table
    assert staffing_table.CATEGORIES is HEADCOUNT_CATEGORIES
    copies = [name for name, value in vars(queries.staffing).items() if isinstance(value, tuple)
              and set(value) & set(HEADCOUNT_CATEGORIES) and value is not HEADCOUNT_CATEGORIES]
    assert copies == []
