"""The core CLI on real data: exact output, structure checked against the document text, bad input.

Exact-output tests use a store holding only seed 001 (the budget book), so they
do not move when other loaders change; structure expectations are derived from
the seed's own lines (001 lines 30-47: 基隆關 and its units).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph_model.store.store import open_store
from support import BUDGET_ID, BUDGET_LINES, REPO, SEED_ACT, SEED_BUDGET, SEED_RULES, stored_documents


def ok(result, code=0):
    assert result.exit_code == code, (result.stdout, result.stderr)
    return result.stdout


def one_line_error(result) -> str:
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def numbered_units(first: int, last: int) -> list[str]:
    """Unit names of the numbered items ``N. 名稱：掌理…`` on lines first..last (1-based) of seed 001."""
    names = []
    for line in BUDGET_LINES[first - 1:last]:
        m = re.match(r"^\d+\.\s*([^：]+)：", line)
        if m:
            names.append(m.group(1))
    return names


# --------------------------------------------------------------------------- show
SHOW_KEELUNG_INSPECTION = """\
財政部 › 關務署 › 基隆關 › 稽查組
  id:        財政部/關務署/基隆關/稽查組
  kind:      Division (組)
  parent:    財政部/關務署/基隆關
  source:    001_586683daab11227d:34 item 3
Children (0)
Duties (9):
  1. 進口、出口及轉運及轉口貨櫃（物）之抽核與儀器檢查
     001_586683daab11227d:34 item 3
  2. 入出境運輸工具之通關及管理
     001_586683daab11227d:34 item 3
     also handled by: 八里分關, 花蓮分關, 臺中關/稽查組, 高雄關/業務二組, 高雄關/稽查組, \
高雄關/小港分關, 高雄關/旗津分關
  3. 入出境旅客、船員行李之檢查及通關
     001_586683daab11227d:34 item 3
     also handled by: 花蓮分關, 高雄關/稽查組
  4. 緝毒犬隊執勤（搜索、偵測）及管理
     001_586683daab11227d:34 item 3
     also handled by: 臺北關/機動稽核組, 臺中關/機動儀檢組, 高雄關/機動稽核組
  5. 轄區內水域、碼頭之巡緝及倉庫之監管
     001_586683daab11227d:34 item 3
     also handled by: 臺中關/稽查組, 高雄關/稽查組
  6. 押運業務
     001_586683daab11227d:34 item 3
     also handled by: 臺中關/稽查組, 高雄關/稽查組
  7. 緝私船舶、車輛及貨櫃檢查儀等查緝設備之管理及維護
     001_586683daab11227d:34 item 3
  8. 違章及行政救濟案件之處理
     001_586683daab11227d:34 item 3
     also handled by: 業務一組, 業務二組, 倉棧組, 機動稽核組, 五堵分關, 桃園分關, 八里分關, 花蓮分關, \
臺北關/業務一組, 臺北關/業務二組, 臺北關/稽查組, 臺北關/快遞機放組, 臺北關/機動稽核組, 臺北關/松山分關, \
臺北關/竹圍分關, 臺中關/業務一組, 臺中關/業務二組, 臺中關/稽查組, 臺中關/保稅組, 高雄關/業務一組, \
高雄關/業務二組, 高雄關/稽查組, 高雄關/機動稽核組, 高雄關/小港分關, 高雄關/旗津分關, 高雄關/高雄機場分關, \
高雄關/嘉南分關
  9. 其他有關稽查事項  [catch-all]
     001_586683daab11227d:34 item 3
     also handled by: 臺北關/稽查組, 臺中關/稽查組, 高雄關/稽查組
"""


def test_show_lists_breadcrumb_duties_sources_and_who_else(run, store001):
    assert ok(run("--store", store001, "show", "基隆關/稽查組")) == SHOW_KEELUNG_INSPECTION


def test_show_duties_are_exactly_the_clauses_of_line_34(run, store001):
    line = BUDGET_LINES[34 - 1]
    assert line.startswith("3. 稽查組：掌理")
    clauses = line.split("：", 1)[1].removeprefix("掌理").rstrip("。").split("；")
    info = json.loads(ok(run("--store", store001, "show", "財政部/關務署/基隆關/稽查組", "--json")))
    assert [d["line"] for d in info["duties"]] == [34] * len(clauses)
    assert [d["doc"] for d in info["duties"]] == [BUDGET_ID] * len(clauses)
    ascii_parens = str.maketrans("（）", "()")
    assert [d["text"].translate(ascii_parens) for d in info["duties"]] == clauses
    assert [d["flags"] for d in info["duties"]][-1] == ["catch-all"]  # 其他有關稽查事項


def test_show_json_carries_place_and_children(run, store001):
    info = json.loads(ok(run("--store", store001, "show", "基隆關", "--json")))
    assert info["id"] == "財政部/關務署/基隆關"
    assert info["breadcrumb"] == "財政部 › 關務署 › 基隆關"
    assert info["parent"] == "財政部/關務署"
    assert info["labels"] == ["Unit", "Agency"]
    assert [c["name"] for c in info["children"]] == numbered_units(32, 47)


def test_show_addresses_units_by_id_suffix_or_unique_name(run, store001):
    for ref in ("財政部/關務署/基隆關/五堵分關", "基隆關/五堵分關", "五堵分關", "關務署/基隆關/五堵分關"):
        info = json.loads(ok(run("--store", store001, "show", ref, "--json")))
        assert info["id"] == "財政部/關務署/基隆關/五堵分關"


def test_an_ambiguous_name_lists_the_candidates(run, store001):
    error = one_line_error(run("--store", store001, "show", "稽查組"))
    assert error == ("Error: '稽查組' names 4 units; use a longer path: 財政部/關務署/基隆關/稽查組, "
                     "財政部/關務署/臺中關/稽查組, 財政部/關務署/臺北關/稽查組, 財政部/關務署/高雄關/稽查組")


def test_an_unknown_unit_is_one_line(run, store001):
    assert one_line_error(run("--store", store001, "show", "海關")) == "Error: no unit named '海關'"


# --------------------------------------------------------------------------- tree
def test_tree_of_keelung_customs_matches_lines_32_to_47(run, store001):
    names = numbered_units(32, 47)
    assert len(names) == 15
    expected = "財政部/關務署/基隆關\n" + "".join(f"├── {n}\n" for n in names[:-1]) + f"└── {names[-1]}\n"
    assert ok(run("--store", store001, "tree", "基隆關")) == expected


def test_keelung_has_eleven_divisions_and_four_branch_offices(run, store001):
    tree = json.loads(ok(run("--store", store001, "tree", "基隆關", "--json")))
    kids = tree[0]["children"]
    assert [k["name"] for k in kids if k["kind"] == "Division"] == numbered_units(32, 42)
    assert [k["name"] for k in kids if k["kind"] == "BranchOffice"] == numbered_units(43, 47)
    assert len(numbered_units(32, 42)) == 11 and len(numbered_units(43, 47)) == 4


def test_tree_depth_limits_levels_and_counts_what_is_below(run, store001):
    assert ok(run("--store", store001, "tree", "財政部", "--depth", "1")) == "財政部\n└── 關務署  (+68 below)\n"
    assert ok(run("--store", store001, "tree", "基隆關", "--depth", "0")) == "財政部/關務署/基隆關  (+15 below)\n"


def test_tree_without_unit_shows_every_organization(run, store001):
    out = ok(run("--store", store001, "tree", "--depth", "2"))
    assert out.splitlines()[:3] == ["財政部", "└── 關務署", "    ├── 綜合規劃組"]
    assert out.splitlines()[-1] == "    └── 高雄關  (+15 below)"


def test_tree_on_the_bundled_corpus_shows_its_organizations(run):
    out = ok(run("tree", "--depth", "1"))
    roots = [line for line in out.splitlines() if not line.startswith(("├", "└", "│", " "))]
    assert {"經濟部", "財政部"} <= set(roots)
    assert "── 智慧財產局" in out and "── 關務署" in out


def test_negative_depth_is_a_usage_error(run, store001):
    assert run("--store", store001, "tree", "--depth", "-1").exit_code == 2


# --------------------------------------------------------------------------- stats / validate
def test_stats(run, store001):
    lines = ok(run("--store", store001, "stats")).splitlines()
    # Units and duties are exact; other node kinds (posts, headcounts, …) belong to their own modules.
    assert lines[:7] == """\
Documents: 1
  001_586683daab11227d  budget        財政部關務署及所屬預算總說明
Units: 70 in 1 organization (財政部)
  Agency            6
  Division         54
  BranchOffice     10
Duties: 238 (64 handled by several units, 25 catch-all, 2 residual)""".splitlines()
    rels = lines[lines.index("Relationships:") + 1:]
    assert "  HANDLES         416" in rels and "  HAS_UNIT         69" in rels
    assert rels == sorted(rels)


def test_stats_json_agrees_with_the_text(run, store001):
    s = json.loads(ok(run("--store", store001, "stats", "--json")))
    assert s["units"]["total"] == sum(s["units"]["by_kind"].values()) == 70
    assert s["relationships"]["HAS_UNIT"] == 69  # a tree: one parent edge per unit but the root
    # 6 agencies: 財政部, 關務署 and the four customs (001 lines 30, 48, 64, 75 headings)
    assert s["units"]["by_kind"]["Agency"] == 2 + len([ln for ln in BUDGET_LINES[:110]
                                                       if re.match(r"^\(\d\)\s*\S+關$", ln)])


def test_validate(run, store001):
    # The built-in checks, exactly; checks that other modules register follow them.
    out = ok(run("--store", store001, "validate"))
    assert out.split("duplicate names under one parent: 0\n")[0] + "duplicate names under one parent: 0\n" == """\
units with no duties (neither their own nor below them): 0
text spans the loaders could not place: 3
  001_586683daab11227d:105  flattened chart or table debris: \
主任秘書嘉南分關高雄機場分關旗津分關小港分關資訊室主計室政風室人事室秘書室法務…
  001_586683daab11227d:727  flattened chart or table debris: 位）秘書室通關業務組稅則法制組關務資訊組
  001_586683daab11227d:774  flattened chart or table debris: 名稱職員技工工友駕駛聘用約僱合計關務署
duplicate names under one parent: 0
"""
    assert out.splitlines()[-1].endswith(" issues")


def test_validate_json_and_the_check_table(run, store001):
    from graph_model.store.store import open_store
    from queries import validate as v

    report = json.loads(ok(run("--store", store001, "validate", "--json")))
    assert [c["name"] for c in report["checks"]] == list(v.CHECKS)
    assert list(v.CHECKS)[:3] == ["no_duties", "unplaced", "duplicate_names"]
    assert report["total"] == sum(c["count"] for c in report["checks"])

    def _extra(graph, parsed):
        yield {"unit": "財政部", "message": "hello"}

    store = open_store(store001)
    extended = v.validate(store.graph(), store, checks={**v.CHECKS, "test_only": ("a check of one's own", _extra)})
    assert [c["name"] for c in extended["checks"]] == [*v.CHECKS, "test_only"]
    assert extended["checks"][-1]["issues"] == [{"check": "test_only", "unit": "財政部", "message": "hello"}]
    assert extended["checks"][:-1] == report["checks"]


def test_validate_finds_duplicates_variants_and_units_without_duties():
    from graph_model.graph.graph import OrgGraph
    from graph_model.records.records import Document, DutyRecord, ParsedDocument, Source, UnitRecord
    from queries.validate import validate

    class Records:  # the part of a Store that validate reads
        skipped = []

        def __init__(self, parsed):
            self._parsed = parsed

        def parsed(self, without=frozenset()):  # validate leaves the duties out: the graph has them
            assert without == {"duties"}
            return self._parsed

    top = ("財政部", "關務署")
    parsed = ParsedDocument(Document("d", "t", "org_act"), units=[
        UnitRecord(top, "Agency", "署", Source("d", 1)),
        UnitRecord(top + ("臺北關",), "Agency", "關", Source("d", 3)),
        UnitRecord(top + ("台北關",), "Agency", "關", Source("d", 4)),
        UnitRecord(top + ("秘書室",), "Division", "室", Source("d", 5)),
        UnitRecord(top + ("秘書室",), "Division", "室", Source("d", 9)),
    ], duties=[DutyRecord(top + ("臺北關",), "通關業務。", Source("d", 3)),
               DutyRecord(top + ("秘書室",), "文書事項。", Source("d", 5))])
    report = validate(OrgGraph.build([parsed]), Records([parsed]))
    by_check = {c["name"]: [i["message"] for i in c["issues"]] for c in report["checks"]}
    assert by_check["no_duties"] == ["財政部/關務署/台北關 has no duties"]
    assert by_check["duplicate_names"] == [
        "財政部/關務署/秘書室 is set up again (first at line 5)",
        "財政部/關務署 has children with the same name: 臺北關, 台北關"]


# --------------------------------------------------------------------------- export
def test_export_json_is_node_link_with_typed_units_and_edges(run, store001, tmp_path):
    out = ok(run("--store", store001, "export", "--format", "json"))
    data = json.loads(out)
    assert set(data) >= {"nodes", "edges"}
    units = [n for n in data["nodes"] if "Unit" in n["labels"]]
    assert len(units) == 70
    for n in units:
        assert {"id", "labels", "name", "unit_type", "path"} <= set(n)
        assert n["id"] == "/".join(n["path"]) and n["name"] == n["path"][-1]
    assert {"HAS_UNIT", "HANDLES"} <= {e["type"] for e in data["edges"]}
    assert all(e["type"] for e in data["edges"])
    node = next(n for n in data["nodes"] if n["id"] == "財政部/關務署/基隆關/花蓮分關")
    assert (node["labels"], node["unit_type"], node["line"]) == (["Unit", "BranchOffice"], "分關", 47)
    target = tmp_path / "out" / "graph.json"
    assert ok(run("--store", store001, "export", "-o", target)) == ""
    assert target.read_text(encoding="utf-8") == out


def test_export_round_trips_through_networkx(run, store001):
    from graph_model.graph.graph import OrgGraph
    data = json.loads(ok(run("--store", store001, "export")))
    g = OrgGraph.from_node_link(data)
    assert g.children("財政部/關務署/基隆關") == open_store(store001).graph().children("財政部/關務署/基隆關")


# --------------------------------------------------------------------------- load
def test_load_reports_and_reload_gives_identical_counts(run, store_path):
    out = ok(run("--store", store_path, "load", SEED_BUDGET))
    assert out == (f"added {BUDGET_ID} (budget): 70 units, 416 duties, 3 unplaced spans\n"
                   f"store {store_path}: 1 document\n")
    stats1 = ok(run("--store", store_path, "stats", "--json"))
    out = ok(run("--store", store_path, "load", SEED_BUDGET))
    assert out.startswith(f"unchanged {BUDGET_ID} (budget): 70 units, 416 duties")
    assert ok(run("--store", store_path, "stats", "--json")) == stats1


def test_a_document_kept_once_says_which_file_is_the_copy(run, store_path, seed_copy):
    # The line read 「same as 001_586683daab11227d 關務署預算 (budget): 0 units, 0 duties」: two ids in a row, the
    # copy's last, and counts of nothing.
    copy = seed_copy(SEED_BUDGET, "關務署預算.txt")
    out = ok(run("--store", store_path, "load", SEED_BUDGET, copy))
    assert out.splitlines()[1] == f"關務署預算 (budget): same as {BUDGET_ID}, kept once"


def test_one_document_as_text_and_as_word_file_of_one_name_is_kept_once(run, store_path, tmp_path):
    # Office rules as .txt and as the .docx made from them (eval/documents/files): one document, whatever its files.
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "rules.txt").write_bytes(SEED_RULES.read_bytes())
    (folder / "rules.docx").write_bytes((REPO / "eval/documents/files/seed-003.docx").read_bytes())
    out = ok(run("--store", store_path, "load", folder))
    assert out.splitlines() == ["added rules (office_rules): 57 units, 118 duties",
                                f"rules (office_rules): same as {folder / 'rules.docx'}, kept once",
                                f"store {store_path}: 1 document"]
    # A law as the database's .json and as its text: the .json is kept, whatever the order (it knows its 法規類別).
    sys.path[:0] = [str(REPO / "eval"), str(REPO / "eval" / "documents")]
    import corpus
    import make

    from loaders.read.lawjson import decode_law
    law = corpus.national_file("A0010016")
    (folder / "A0010016.json").write_bytes(law)
    (folder / "A0010016.docx").write_bytes(make.to_docx(decode_law(law)[0]))
    rows = json.loads(ok(run("--store", store_path, "load", folder, "--json")))["documents"]
    assert {r["path"]: r["action"] for r in rows if r["id"] == "A0010016"} == {
        str(folder / "A0010016.json"): "added", str(folder / "A0010016.docx"): f"same as {folder / 'A0010016.json'}"}
    # Another document under the same name is refused, the rest loaded.
    (folder / "rules.txt").write_bytes(SEED_ACT.read_bytes())
    result = run("--store", store_path, "load", folder)
    assert result.exit_code == 1
    assert (f"  {folder / 'rules.txt'}: two files given with the same document id 'rules' ({folder / 'rules.docx'}) "
            "and different content (rename one of them)") in result.stdout.splitlines()


def test_load_json_summary(run, store_path):
    summary = json.loads(ok(run("--store", store_path, "load", SEED_BUDGET, "--json")))
    assert summary["documents"][0]["id"] == BUDGET_ID and summary["total_documents"] == 1


def test_load_samples_on_a_missing_store_creates_it(run, store_path):
    ok(run("--store", store_path, "load", "--samples"))
    docs = open_store(store_path).documents
    assert BUDGET_ID in docs and SEED_ACT.stem in docs


def test_load_without_paths_is_a_usage_error(run, store_path):
    result = run("--store", store_path, "load")
    assert result.exit_code == 2 and "give at least one PATH" in result.stderr
    assert not store_path.exists()


def test_orggraph_store_env_var_selects_the_store(run, store001, monkeypatch):
    monkeypatch.setenv("ORGGRAPH_STORE", str(store001))
    assert ok(run("stats")).startswith("Documents: 1\n")


def test_without_a_store_commands_read_the_bundled_corpus(run):
    out = ok(run("show", "基隆關/稽查組"))
    assert out.startswith("財政部 › 關務署 › 基隆關 › 稽查組\n")
    assert "001_586683daab11227d:34" in out


# --------------------------------------------------------------------------- bad input
BIG5_TEXT = SEED_BUDGET.read_text(encoding="utf-8").encode("big5", errors="replace").decode("big5")


def _bad_inputs(tmp_path):
    (tmp_path / "a-directory").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"\n \n\t\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin1.txt").write_bytes("Grüße aus Köln, straße.\n".encode("latin-1") * 20)
    data = SEED_BUDGET.read_bytes()
    cut = data.index("稽查組".encode()) + 1  # inside a multi-byte character
    (tmp_path / "truncated.txt").write_bytes(data[:cut])
    utf16 = "\ufeff".encode("utf-16-le") + SEED_BUDGET.read_text(encoding="utf-8")[:200].encode("utf-16-le")
    (tmp_path / "utf16-truncated.txt").write_bytes(utf16[:-1])  # half a code unit
    (tmp_path / "utf16-damaged.txt").write_bytes(utf16[:40] + b"\x00\xdc" + utf16[40:])  # lone low surrogate
    (tmp_path / "prose.txt").write_text("今天天氣很好，我們去公園散步。\n明天再說。\n", encoding="utf-8")
    # Office rules read as Latin-1 or Windows-1252 by some editor and saved again as UTF-8 (mojibake).
    rules = SEED_RULES.read_text(encoding="utf-8")
    (tmp_path / "mojibake.txt").write_text(rules.encode().decode("latin-1"), encoding="utf-8")
    (tmp_path / "mojibake-1252.txt").write_text("".join(
        chr(b) if b in (0x81, 0x8d, 0x8f, 0x90, 0x9d) else bytes([b]).decode("cp1252") for b in rules.encode()),
        encoding="utf-8")
    (tmp_path / "big5-mojibake.txt").write_text(rules.encode("big5", errors="replace").decode("latin-1"),
                                                encoding="utf-8")
    (tmp_path / "english.txt").write_text("Organization Act of the Ministry of Transportation\nArticle 1\n",
                                          encoding="utf-8")


@pytest.mark.parametrize("name, extra, problem, fix", [
    ("missing.txt", [], "no such file", "check the path"),
    ("a-directory", [], "is a directory", "give the document files inside it"),
    ("empty.txt", [], "the file is empty", "give a document with text in it"),
    ("blank.txt", [], "the file is empty", "give a document with text in it"),
    ("binary.txt", [], "this is a binary file, not a text document", "export the document as plain text"),
    ("latin1.txt", [], "not valid UTF-8", "convert it to UTF-8"),
    ("truncated.txt", [], "the file looks truncated", "get the complete file again"),
    ("utf16-truncated.txt", [], "starts with a UTF-16 byte-order mark but looks truncated",
     "get the complete file again"),
    ("utf16-damaged.txt", [], "starts with a UTF-16 byte-order mark but is damaged at byte 40", "re-export it"),
    ("prose.txt", [], "cannot tell what kind of document this is", "pass --genre with one of"),
    # --genre would not help these: they hold no Chinese, and a misread one says how to turn it back.
    ("mojibake.txt", [], "has no Chinese text (wrong encoding?): it is a UTF-8 document read as Latin-1 and saved "
     "again (turned back, it begins 「第 一 章 總則」)", "turn it back: iconv -f UTF-8 -t LATIN1"),
    ("mojibake-1252.txt", ["--genre", "office_rules"], "has no Chinese text (wrong encoding?): it is a UTF-8 "
     "document read as Windows-1252", "iconv -f UTF-8 -t CP1252"),
    ("big5-mojibake.txt", [], "has no Chinese text (wrong encoding?): it is a Big5 document read as Latin-1",
     "iconv -f UTF-8 -t LATIN1"),
    ("english.txt", [], "there is no Chinese text in it (wrong encoding?)", "text that reads as Chinese"),
    ("english.txt", ["--genre", "org_act"], "there is no Chinese text in it (wrong encoding?)", "UTF-8, Big5"),
])
def test_bad_input_is_one_line_naming_the_file_and_the_fix_and_the_store_is_untouched(
        run, store001, tmp_path, name, extra, problem, fix):
    _bad_inputs(tmp_path)
    path = SEED_BUDGET if name == SEED_BUDGET.name else tmp_path / name
    before = store001.read_bytes()
    error = one_line_error(run("--store", store001, "load", *extra, path))
    assert error.startswith(f"Error: {path}: {problem}")
    assert fix in error
    assert store001.read_bytes() == before


def test_an_unknown_genre_is_a_usage_error_said_once_for_a_whole_directory(run, store001, tmp_path):
    # A typo in --genre is the command's, not each file's: said once, exit 2, before any file is read.
    (tmp_path / "docs").mkdir()
    for seed in (SEED_BUDGET, SEED_ACT):
        (tmp_path / "docs" / seed.name).write_bytes(seed.read_bytes())
    before = store001.read_bytes()
    result = run("--store", store001, "load", "--genre", "bogus", tmp_path / "docs")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == ("Error: Invalid value for --genre: 'bogus' is no genre: use one "
                                                      "of org_act, office_rules, budget, procedures")
    assert json.loads(run("--store", store001, "load", "--genre", "bogus", SEED_BUDGET, "--json").stdout)[
        "error"]["kind"] == "usage"
    assert store001.read_bytes() == before


def test_one_bad_file_among_good_ones_loads_nothing_when_strict(run, store001, tmp_path):
    before = store001.read_bytes()
    missing = tmp_path / "missing.txt"
    error = one_line_error(run("--store", store001, "load", "--strict", SEED_ACT, missing, SEED_BUDGET))
    assert error == f"Error: {missing}: no such file (check the path)"
    assert store001.read_bytes() == before


def test_a_bad_file_among_good_ones_is_listed_and_the_rest_loaded(run, store_path, tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("--store", store_path, "load", SEED_ACT, missing, SEED_BUDGET)
    assert result.exit_code == 1
    assert f"  {missing}: no such file (check the path)" in result.stdout.splitlines()
    assert f"store {store_path}: 2 documents" in result.stdout
    documents = stored_documents(store_path)
    assert sorted(documents) == sorted(Path(p).stem for p in (SEED_ACT, SEED_BUDGET))


def test_a_directory_loads_every_document_under_it(run, store_path, tmp_path):
    folder = tmp_path / "docs" / "inner"
    folder.mkdir(parents=True)
    for p in (SEED_ACT, SEED_BUDGET):
        (folder / Path(p).name).write_bytes(Path(p).read_bytes())
    (folder / "notes.md").write_text("not a document", encoding="utf-8")
    result = run("--store", store_path, "load", tmp_path / "docs")
    assert result.exit_code == 0, result.stdout
    documents = stored_documents(store_path)
    assert sorted(documents) == sorted(Path(p).stem for p in (SEED_ACT, SEED_BUDGET))
    again = run("--store", store_path, "load", tmp_path / "docs")
    assert again.stdout.count("unchanged ") == 2


def test_a_corrupt_store_is_reported_and_left_alone(run, store_path):
    store_path.write_text("{ half a json", encoding="utf-8")
    for args in (["stats"], ["load", SEED_BUDGET]):
        error = one_line_error(run("--store", store_path, *args))
        assert error.startswith(f"Error: {store_path}: not an orggraph store (not JSON)")
        assert store_path.read_text(encoding="utf-8") == "{ half a json"


def _load_units(run, store, path):
    ok(run("--store", store, "load", path))
    g = open_store(store).graph()
    return [(u["id"], u["line"]) for u in g.units()], sorted(
        (d["text"], e["line"]) for u in g.units() for d, e in g.duties_of(u["id"]))


@pytest.mark.parametrize("encoding", ["big5", "utf-16", "utf-16-le", "gb18030", "utf-8-sig"])
def test_legacy_and_unicode_encodings_load_like_utf8(run, tmp_path, encoding):
    text = BIG5_TEXT if encoding == "big5" else SEED_BUDGET.read_text(encoding="utf-8")
    reference = tmp_path / "utf8" / SEED_BUDGET.name
    reference.parent.mkdir()
    reference.write_text(text, encoding="utf-8")
    encoded = tmp_path / encoding / SEED_BUDGET.name
    encoded.parent.mkdir()
    encoded.write_bytes(text.encode(encoding))
    expected = _load_units(run, tmp_path / "a.json", reference)
    assert len(expected[0]) == 70
    assert _load_units(run, tmp_path / "b.json", encoded) == expected


def test_a_file_cut_at_a_line_boundary_loads_what_is_there(run, store_path, tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(BUDGET_LINES[:40]) + "\n", encoding="utf-8")  # 基隆關 up to item 9 (政風室)
    ok(run("--store", store_path, "load", cut))
    kids = [c["name"] for c in json.loads(ok(run("--store", store_path, "show", "基隆關", "--json")))["children"]]
    assert kids == numbered_units(32, 40)


# --------------------------------------------------------------------------- README examples
def readme_examples():
    """``(command line, expected output)`` of the README's ``$ orggraph …`` examples that print real output.

    Examples with an elision line (``…``) or that need files not in the repository are skipped.
    """
    blocks, block = [], None
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            if block is None:
                block = []
            else:
                blocks.append(block)
                block = None
        elif block is not None:
            block.append(line)
    examples = []
    for lines in blocks:
        if any(line.strip() == "…" for line in lines):
            continue
        current = None
        for line in lines:
            if line.startswith("$ orggraph "):
                current = [line[2:], []]
                examples.append(current)
            elif current is not None:
                current[1].append(line)
    writes = re.compile(r"(^|\s)(-o|--output)(\s|=|$)")  # examples that write files are not re-run here
    return [(cmd, "\n".join(out).rstrip("\n")) for cmd, out in examples
            if out and "notes.txt" not in cmd and not writes.search(cmd)]


@pytest.mark.parametrize("command, expected", [pytest.param(c, e, id=c) for c, e in readme_examples()])
def test_readme_examples_are_real_output(run, tmp_path, monkeypatch, command, expected):
    monkeypatch.chdir(tmp_path)
    args = command.split()[1:]
    # input documents named relative to the repository (data/…, tests/data/…); nothing else is rewritten
    args = [str(REPO / a) if a.startswith(("data/", "tests/data/")) and (REPO / a).is_file() else a for a in args]
    if "load" not in args and "--store" in args:  # examples on a store: load it as the README did
        run("--store", args[args.index("--store") + 1], "load", SEED_BUDGET)
    result = run(*args)
    assert result.output.rstrip("\n") == expected


def test_readme_has_examples_for_the_core_commands():
    commands = " ".join(cmd for cmd, _ in readme_examples())
    for name in ("tree", "show", "stats", "validate", "load"):
        assert f" {name} " in commands + " "


# --------------------------------------------------------------------------- the real entry point
def test_console_entry_point_exit_codes_and_stderr(tmp_path):
    missing = tmp_path / "missing.txt"
    proc = subprocess.run([sys.executable, str(REPO / "cli.py"), "--store", str(tmp_path / "s.json"), "load",
                           str(missing)], capture_output=True, text=True, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", f"Error: {missing}: no such file (check the path)\n")
    proc = subprocess.run([sys.executable, str(REPO / "cli.py"), "tree", "--depth", "x"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; import cli\n"
            "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('networkx', 'neo4j', 'pydot') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert proc.stdout.splitlines()[-1] == "[]"


def test_help_names_which_and_says_global_options_go_first(run):
    out = run("--help").stdout
    assert "orggraph which" in out and "before the command" in out


def test_export_to_dash_is_standard_output(run, store001, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--store", store001, "export", "--format", "json", "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)["nodes"]
    assert not (tmp_path / "-").exists()


def test_validate_is_cached_by_the_store_and_follows_its_changes(run, store_path, tmp_path):
    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    from queries.validate import cached_validate
    from support import SEED_ACT, SEED_BUDGET
    store = open_store(store_path)
    store.add(read_paths([SEED_BUDGET]).documents)
    first = cached_validate(open_store(store_path), open_store(store_path).graph)

    def no_graph():
        raise AssertionError("a cached report needs no graph")
    assert cached_validate(open_store(store_path), no_graph) == first
    open_store(store_path).add(read_paths([SEED_ACT]).documents)  # a change: computed again
    again = cached_validate(open_store(store_path), open_store(store_path).graph)
    assert again != first
    assert json.loads(run("--store", store_path, "validate", "--json").stdout) == again
