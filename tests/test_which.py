"""`which`: ranked duty lookup on real data, checked against the document text.

Exact-output tests use a store holding only seed 001 (the budget book), so they
do not move when other loaders change.  Expected units are derived from the
seed's own lines: every unit line ``N. 名稱：掌理…`` under ``(k) 關名`` that
contains the phrase.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from support import BUDGET_ID, BUDGET_LINES, REPO, SEED_ACT, SEED_BUDGET, SEED_RULES


def units_stating(phrase: str) -> set[str]:
    """Ids of the units of seed 001 whose line in the organization section contains ``phrase``."""
    found, agency = set(), None
    for line in BUDGET_LINES[:102]:
        head = re.match(r"^\((\d)\)\s*(\S+)", line)
        if head:
            agency = [] if head.group(2) == "關務署" else [head.group(2)]
            continue
        m = re.match(r"^\d+\.\s*([^：]+)：(.*)$", line)
        if m and agency is not None and phrase in m.group(2):
            found.add("/".join(["財政部", "關務署", *agency, m.group(1)]))
    return found


def which_json(run, store, *args):
    result = run("--store", store, "which", "--json", *args)
    return result, json.loads(result.stdout)


# --------------------------------------------------------------------------- human output
PRIVATE_GOODS = f"""\
1. 財政部 › 關務署 › 基隆關 › 法務緝案組  (score 15.27)
   私貨及逾期不退運貨物之查核估價、標售、銷毀及倉庫管理
   {BUDGET_ID}:37 item 6
2. 私貨與逾期不退運貨物之查核估價、標售、銷毀及倉庫管理  (score 15.27, 2 units)
   財政部 › 關務署 › 臺北關 › 法務緝案組  {BUDGET_ID}:55 item 6
   財政部 › 關務署 › 高雄關 › 法務緝案組  {BUDGET_ID}:85 item 6
"""


def test_paraphrase_with_words_dropped_finds_the_full_duty(run, store001):
    # 「私貨標售」 for 「私貨及逾期不退運貨物之查核估價、標售、銷毀及倉庫管理」 (001:37, :55, :85); 貨標 straddles
    # 私貨 and 標售 (a seam): the whole query is covered.
    result = run("--store", store001, "which", "私貨標售", "--top", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == PRIVATE_GOODS
    # Units with 私貨 and not 標售 follow, well below (the seam is excused for them too: 私貨 comes first).
    _, hits = which_json(run, store001, "私貨標售")
    assert all(h["score"] < hits[0]["score"] / 2 for h in hits[3:]) and all("私貨" in h["evidence"][0]["text"]
                                                                        for h in hits[3:])
    assert {"財政部/關務署/基隆關/法務緝案組", "財政部/關務署/臺北關/法務緝案組",
            "財政部/關務署/高雄關/法務緝案組"} == units_stating("標售")


PARLIAMENT = f"""\
1. 國會聯絡、媒體公關事務之政策規劃、研擬、執行及管考  (score 34.84, 5 units)
   財政部 › 關務署 › 基隆關 › 秘書室  {BUDGET_ID}:38 item 7
   財政部 › 關務署 › 秘書室  {BUDGET_ID}:19 item 7
   財政部 › 關務署 › 臺中關 › 秘書室  {BUDGET_ID}:71 item 6
   財政部 › 關務署 › 臺北關 › 秘書室  {BUDGET_ID}:56 item 7
   財政部 › 關務署 › 高雄關 › 秘書室  {BUDGET_ID}:87 item 7
"""


def test_question_words_do_not_dominate(run, store001):
    result = run("--store", store001, "which", "誰負責國會聯絡？")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == PARLIAMENT
    assert {"財政部/關務署/秘書室", "財政部/關務署/基隆關/秘書室", "財政部/關務署/臺北關/秘書室",
            "財政部/關務署/臺中關/秘書室", "財政部/關務署/高雄關/秘書室"} == units_stating("國會聯絡")


def test_highlights_the_matched_part_only_in_colour(store001):
    from click.testing import CliRunner

    from cli import cli
    plain = CliRunner().invoke(cli, ["--store", str(store001), "which", "私貨標售"])
    coloured = CliRunner().invoke(cli, ["--store", str(store001), "which", "私貨標售"], color=True)
    assert "\x1b[" not in plain.stdout
    assert "\x1b[" in coloured.stdout
    line = next(ln for ln in coloured.stdout.splitlines() if "查核估價" in ln)
    highlighted = re.findall(r"\x1b\[[0-9;]*m([^\x1b]+)\x1b\[0m", line)
    assert highlighted == ["私貨", "標售"]


# --------------------------------------------------------------------------- ranking
def test_one_duty_many_units_all_appear_with_equal_scores(run, store001):
    expected = units_stating("違章及行政救濟案件之處理")
    assert len(expected) == 28
    result, hits = which_json(run, store001, "違章及行政救濟案件之處理", "--top", "1")
    assert result.exit_code == 0
    assert {h["unit"]["id"] for h in hits} == expected
    assert len({h["score"] for h in hits}) == 1
    for h in hits:
        ev = h["evidence"][0]
        assert ev["text"] == "違章及行政救濟案件之處理"
        assert ev["text"] in BUDGET_LINES[ev["line"] - 1]


def test_specific_duty_outranks_a_catch_all_that_merely_overlaps(run, store001):
    # 基隆關/倉棧組 only has 「其他有關倉儲事項」 (001:35); two units are charged with 倉儲 業者 (001:33, :76).
    result, hits = which_json(run, store001, "倉儲")
    ids = [h["unit"]["id"] for h in hits]
    specific = {"財政部/關務署/基隆關/業務二組", "財政部/關務署/高雄關/業務一組"}
    assert set(ids[:2]) == specific
    assert ids.index("財政部/關務署/基隆關/倉棧組") > 1
    assert "其他有關倉儲事項" in BUDGET_LINES[34]


def test_headquarters_and_field_units_both_appear(run, store001):
    # 優質企業: policy at 關務署/通關業務組 (001:14), certification in the customs' divisions.
    _, hits = which_json(run, store001, "優質企業")
    ids = {h["unit"]["id"] for h in hits}
    assert "財政部/關務署/通關業務組" in ids
    assert units_stating("優質企業之認證") <= ids


def test_simplified_chinese_query(run, store001):
    _, hits = which_json(run, store001, "缉私案件", "--top", "4")
    assert {h["unit"]["id"] for h in hits[:4]} == units_stating("緝私案件")


def test_tai_variant_and_unit_named_in_the_query(run, store001):
    # 台 for 臺; 臺中關 named in the query: its 保稅組 (001:69) comes first.
    _, hits = which_json(run, store001, "台中關保稅")
    assert hits[0]["unit"]["id"] == "財政部/關務署/臺中關/保稅組"


def test_full_width_and_half_width_question_marks(run, store001):
    _, full = which_json(run, store001, "哪個單位辦理國會聯絡？")
    _, half = which_json(run, store001, "哪個單位辦理國會聯絡?")
    assert full == half and full


# --------------------------------------------------------------------------- output shape
def test_json_shape_and_evidence_point_at_the_text(run, store001):
    result, hits = which_json(run, store001, "保稅工廠監管")
    assert result.exit_code == 0 and hits
    for h in hits:
        assert set(h) == {"unit", "score", "evidence"}
        assert set(h["unit"]) == {"id", "name", "path", "type", "kind"}
        assert h["unit"]["id"] == "/".join(h["unit"]["path"])
        assert h["unit"]["name"] == h["unit"]["path"][-1]
        for ev in h["evidence"]:
            assert set(ev) == {"kind", "text", "doc", "line", "article", "item"}
            assert ev["doc"] == BUDGET_ID
            assert ev["text"] in BUDGET_LINES[ev["line"] - 1] or ev["text"] == h["unit"]["name"]
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_no_match_says_so_and_exits_1(run, store001):
    result = run("--store", store001, "which", "量子電腦")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "No unit handles 「量子電腦」 in the loaded documents."
    assert lines[1] == "Closest duties:" and len(lines) >= 3
    assert "Traceback" not in result.stderr


def test_no_match_json_prints_empty_list(run, store001):
    result = run("--store", store001, "which", "--json", "量子電腦")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_explain_shows_the_parts_of_the_score(run, store001):
    result = run("--store", store001, "which", "倉儲", "--explain", "--top", "1")
    assert result.exit_code == 0
    why = [ln for ln in result.stdout.splitlines() if "why:" in ln]
    assert why and "bm25" in why[0] and "coverage" in why[0] and "prior" in why[0]
    _, hits = which_json(run, store001, "其他有關倉儲事項", "--explain")
    flagged = next(h for h in hits if h["unit"]["id"] == "財政部/關務署/基隆關/倉棧組")
    assert flagged["explain"][0]["flags"] == ["catch_all"]


# --------------------------------------------------------------------------- filters
def test_agency_filter(run, store001):
    _, hits = which_json(run, store001, "違章及行政救濟案件之處理", "--agency", "臺北關")
    assert all(h["unit"]["id"].startswith("財政部/關務署/臺北關/") for h in hits)
    best = {h["unit"]["id"] for h in hits if h["score"] == hits[0]["score"]}
    assert best == {u for u in units_stating("違章及行政救濟案件之處理") if u.startswith("財政部/關務署/臺北關/")}


@pytest.mark.parametrize("value", ["BranchOffice", "分關", "branchoffice"])
def test_type_filter(run, store001, value):
    _, hits = which_json(run, store001, "違章及行政救濟案件之處理", "--type", value)
    assert hits and all(h["unit"]["name"].endswith("分關") for h in hits)


def test_a_filter_that_leaves_nothing_says_so_and_what_answers_without_it(run, store001):
    # 國會聯絡 is the 秘書室's (001:19 「國會聯絡、媒體公關事務之政策規劃…」), no 分關's: the message names the filter,
    # and the same question asked of every unit says who answers it.
    result = run("--store", store001, "which", "國會聯絡", "--type", "分關")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "No unit of type 分關 handles 「國會聯絡」 in the loaded documents."
    assert lines[-1].startswith("Without --type, ") and lines[-1].endswith("秘書室 answers first.")


def test_top_never_splits_equal_scores(run, store001):
    _, hits = which_json(run, store001, "國會聯絡", "--top", "2")
    assert len(hits) == 5


def test_unknown_agency_and_type_are_one_line_errors(run, store001):
    for args in (("--agency", "火星關"), ("--type", "Galaxy")):
        result = run("--store", store001, "which", "保稅", *args)
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_bad_store_and_empty_query(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("garbage", encoding="utf-8")
    for store in (tmp_path, bad):
        result = run("--store", store, "which", "保稅")
        assert result.exit_code == 1 and result.stderr.startswith("Error: ")
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert run("which", "  ").exit_code == 2


def test_bundled_corpus_without_a_store(run):
    # No store at the default location: the bundled sample corpus answers (seed 003, 第12條 一: 秘書室 第一科 國會聯絡).
    result = run("which", "國會聯絡", "--json")
    assert result.exit_code == 0
    assert "經濟部/智慧財產局/秘書室/第一科" in {h["unit"]["id"] for h in json.loads(result.stdout)}


def test_a_mistyped_store_is_an_error_not_the_samples(run, monkeypatch):
    result = run("--store", "/nonexistent/store.jsn", "which", "國會聯絡")
    assert result.exit_code == 1 and result.stderr.startswith("Error: /nonexistent/store.jsn: no such store")
    monkeypatch.setenv("ORGGRAPH_STORE", "/nonexistent/typo.json")
    assert run("stats").exit_code == 1
    # `--store "$STORE"` with STORE unset answered 國會聯絡 from the bundled samples (智慧財產局's 第一科)
    result = run("--store", "", "which", "國會聯絡")
    assert result.exit_code == 2 and result.stdout == "" and "--store: is empty: give a file name" in result.stderr


# --------------------------------------------------------------------------- library and cache
def test_library_is_graph_first_and_index_round_trips(seed001_graph):
    from queries.lookup.search import Index, build_index
    from queries.lookup.which import which
    index = build_index(seed001_graph)
    again = Index.from_dict(json.loads(json.dumps(index.to_dict(), ensure_ascii=False)))
    for q in ("私貨標售", "誰負責國會聯絡？", "缉私案件"):
        assert [h.to_dict() for h in which(seed001_graph, q)] == [h.to_dict() for h in which(again, q)]


def test_other_kinds_of_text_can_join_the_index(seed001_graph):
    from queries.entries import Entry, Handler
    from queries.lookup import search
    def extra(graph):
        yield Entry("procedure", "proc:1", "旅客行李通關作業程序", [Handler("財政部/關務署/臺北關/稽查組", "doc", 1)])
    index = search.build_index(seed001_graph, sources={**search.ENTRY_SOURCES, "test-procedure": extra})
    from queries.lookup.which import which
    hit = which(index, "行李通關作業程序")[0]
    assert hit.unit["id"] == "財政部/關務署/臺北關/稽查組" and hit.evidence[0].kind == "procedure"


def test_index_cache_is_written_read_and_survives_corruption(seed001_graph, tmp_path):
    from queries.lookup.which import KEEP, cached_index
    calls = []

    def build():
        calls.append(1)
        return seed001_graph
    first = cached_index("fp-1", build, tmp_path)
    assert len(calls) == 1 and len(list(tmp_path.glob("which-*.sqlite"))) == 1
    second = cached_index("fp-1", build, tmp_path)
    assert len(calls) == 1
    assert list(second.entries) == first.entries and list(second.units) == first.units
    assert {t: list(second.postings[t]) for t in first.postings} == {t: list(v) for t, v in first.postings.items()}
    cache = next(tmp_path.glob("which-*.sqlite"))
    cache.write_bytes(b"\x80\x05garbage")
    cached_index("fp-1", build, tmp_path)
    assert len(calls) == 2
    for n in range(2, KEEP + 3):  # other stores: each keeps its own file, the least recently used go
        cached_index(f"fp-{n}", build, tmp_path)
    assert len(list(tmp_path.glob("which-*.sqlite"))) == KEEP


def test_one_store_object_builds_its_graph_and_index_once(tmp_path):
    # A database store reads one snapshot: what it writes to its derived tables it cannot read back.
    # One object asked twice (a library user, the evaluation) must not build them twice.
    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    from queries.lookup.which import cached_index, store_index, which
    path = tmp_path / "store.sqlite"
    open_store(path).add(read_paths([SEED_BUDGET, SEED_ACT]).documents)
    store = open_store(path)
    graph = store.graph()
    assert store.graph() is graph
    calls = []

    def build():
        calls.append(1)
        return graph
    first = cached_index(store_index(store), build)
    again = cached_index(store_index(store), build)
    assert calls == [1] and again is first
    assert which(again, "保稅工廠監管")[0].unit["id"] == which(first, "保稅工廠監管")[0].unit["id"]
    reopened = open_store(path)  # a new object, a new snapshot: it reads what the first one wrote
    cached_index(store_index(reopened), build)
    assert calls == [1]


def test_a_rebuild_reuses_the_folded_texts_of_the_previous_index_and_gives_the_same_index(seed001_graph, tmp_path):
    # After a change the index is rebuilt from the new graph; the texts the previous index had
    # folded are taken from it, and the result is exactly what a build from nothing gives.
    from graph_model.store.store import open_store
    from queries.lookup.index_file import folded_texts
    from queries.lookup.search import build_index
    from queries.lookup.which import _code_key, cached_index
    cached_index("before", lambda: seed001_graph, tmp_path)
    known = folded_texts(next(tmp_path.glob("which-*.sqlite")), _code_key())
    assert "押運業務" in known and folded_texts(next(tmp_path.glob("which-*.sqlite")), "other code") == {}
    after = open_store("/nonexistent/store.json").graph()  # every seed: 001 and more
    rebuilt = cached_index("after", lambda: after, tmp_path)
    fresh = build_index(after)
    assert list(rebuilt.entries) == fresh.entries and list(rebuilt.units) == fresh.units
    assert {t: list(rebuilt.postings[t]) for t in fresh.postings} == {t: list(v) for t, v in fresh.postings.items()}


def test_damage_found_while_reading_the_index_rebuilds_it(seed001_graph, tmp_path):
    # A file that opens but whose rows are damaged: found only when the query reads them.
    import sqlite3

    from queries.lookup.which import cached_which, which
    cached_which("fp", lambda: seed001_graph, "保稅工廠監管", tmp_path)
    cache = next(tmp_path.glob("which-*.sqlite"))
    with sqlite3.connect(cache) as conn:
        conn.execute("UPDATE entries SET row = x'ff00'")
    hits, _ = cached_which("fp", lambda: seed001_graph, "保稅工廠監管", tmp_path, top=3)
    assert [h.unit["id"] for h in hits] == [h.unit["id"] for h in which(seed001_graph, "保稅工廠監管", top=3)]
    hits, _ = cached_which("fp", lambda: seed001_graph, "保稅工廠監管", tmp_path, top=3)  # the rebuilt file reads
    assert hits and hits[0].evidence


def test_a_whole_row_of_an_older_shape_is_read_as_damage(seed001_graph, tmp_path):
    # Handlers without their role (an older index), each row's CRC made to agree: a rebuild, no traceback.
    import json
    import sqlite3

    from queries.lookup.index_file import _crc
    from queries.lookup.which import cached_which, which
    cached_which("fp", lambda: seed001_graph, "保稅工廠監管", tmp_path)
    cache = next(tmp_path.glob("which-*.sqlite"))
    with sqlite3.connect(cache) as conn:
        for i, row in conn.execute("SELECT id, row FROM entries").fetchall():
            entry = json.loads(row)
            entry[6] = [h[:6] for h in entry[6]]
            data = json.dumps(entry, ensure_ascii=False).encode()
            conn.execute("UPDATE entries SET row = ?, crc = ? WHERE id = ?", (data, _crc(i, data), i))
    hits, _ = cached_which("fp", lambda: seed001_graph, "保稅工廠監管", tmp_path, top=3)
    assert [h.to_dict() for h in hits] == [h.to_dict() for h in which(seed001_graph, "保稅工廠監管", top=3)]


def test_a_cached_lookup_imports_no_graph_or_database_library(store001, tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    args = ["--store", str(store001), "which", "保稅工廠監管"]
    subprocess.run([sys.executable, str(REPO / "cli.py"), *args], env=env, check=True, capture_output=True)
    probe = ("import runpy, sys\n"
             f"sys.argv = ['orggraph', *{args!r}]\n"
             "try:\n"
             f"    runpy.run_path({str(REPO / 'cli.py')!r}, run_name='__main__')\n"
             "except SystemExit:\n"
             "    pass\n"
             "print(sorted(m for m in ('networkx', 'neo4j', 'pydot') if m in sys.modules), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr


def test_module_examples():
    # The examples in the docstrings of the lookup modules (queries/ is not among pytest's doctest paths).
    import doctest

    from queries import textnorm
    from queries.lookup import ranking, search, which
    for module in (textnorm, ranking, search, which):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


# --------------------------------------------------------------------------- documents loaded alone
# A planner often loads one document: its few entries must still answer a query whose words it has.
BUNDLED = sorted((REPO / "data" / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "data" / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def alone():
    """``name -> (graph, index)`` of every bundled document loaded on its own."""
    from graph_model.graph.graph import OrgGraph
    from loaders import load_path
    from queries.lookup.search import build_index
    out = {}
    for path in BUNDLED:
        graph = OrgGraph.build([load_path(path)])
        out[path.name] = (graph, build_index(graph))
    return out


def _units_with(index, word: str, flagged: bool = True) -> set[str]:
    """Ids of the units handling an entry whose text holds ``word`` (folded)."""
    return {index.units[h.unit].id for e in index.entries if word in e.key and (flagged or not e.flags)
            for h in e.handlers}


@pytest.mark.parametrize("word, head", [("印信", "管理"), ("文書", "管理"), ("出納", "管理")])
def test_a_seam_between_two_known_words_is_no_evidence_against(alone, word, head):
    # 印信管理 in a document that lists 「印信、文書、庶務、出納…事項」 and has 管理 only elsewhere: the bigram
    # 信管 is in no entry, it straddles 印信 and 管理; the units charged with 印信 answer, first.
    from queries.lookup.search import search
    checked = 0
    for name, (_graph, index) in alone.items():
        keys = [e.key for e in index.entries]
        seam = word[1] + head[0]
        if not (any(word in k for k in keys) and head in index.postings and seam not in index.postings) \
                or any(word in k and head in k for k in keys):
            continue
        checked += 1
        results = search(index, word + head)
        assert results, name
        best = {r.unit_id for r in results if round(r.score, 9) == round(results[0].score, 9)}
        assert best <= _units_with(index, word), name
        # Units whose entries hold only the head word 管理 never come first.
        assert not best & (_units_with(index, head) - _units_with(index, word)), name
    assert checked >= 2


def test_a_seam_counts_against_an_entry_with_only_the_word_after_it(alone):
    # 印信管理 in seed 002 alone: 「印信、文書…」 answers, while a duty with 管理 alone is measured against the
    # whole query (信管 included) and falls below the threshold, as it did before seams were excused.
    from queries.lookup.ranking import MIN_COVERAGE
    from queries.lookup.search import search
    _graph, index = alone[SEED_ACT.name]
    results = search(index, "印信管理", explain=True)
    assert results
    for r in results:
        for m in r.matches:
            key = index.entries[m.entry].key
            if "印信" in key:
                assert m.explain.seams == ("信管",)
            else:
                assert m.explain.seams == () and (m.explain.coverage >= MIN_COVERAGE
                                                     or m.explain.longest_run >= 4)


def test_seams_are_only_unknown_bigrams_between_known_ones():
    from queries.lookup.ranking import seams
    known = {"印信", "管理", "電腦", "研發"}
    assert seams(["印信管理"], known) == {"信管": "印信"}
    assert seams(["量子電腦研發"], known) == {"腦研": "電腦"}  # 子電 follows the unknown 量子: evidence
    assert seams(["信管"], known) == {}  # at an edge nothing is straddled
    assert seams(["印信管理", "信管"], known) == {}  # 信管 alone elsewhere in the query is a word of its own


def test_a_word_of_one_character_between_two_words_is_a_seam():
    # 和 in 「待遇調整和各種加給」 joins neither 調整 nor 各種 in any text: its two bigrams (整和, 和各) straddle
    # two words, as 信管 does; three absent in a row (a word of two characters) are the question's own words.
    from queries.lookup.ranking import seams
    known = {"待遇", "遇調", "調整", "各種", "種加", "加給", "量子", "電腦"}
    assert seams(["待遇調整和各種加給"], known) == {"整和": "調整", "和各": "調整"}
    assert seams(["調整和各"], known) == {}  # at an edge nothing is straddled
    assert seams(["量子位元電腦"], known) == {}  # 子位 位元 元電: a word between, not a seam


def test_a_one_character_word_does_not_reject_the_unit_whose_job_it_is():
    # 人事行政總處's act (S0010018): its 給與福利處 keeps 「員工給與政策之規劃及俸（薪）給通案調整之擬議」.  Asked
    # 「…待遇調整和各種加給…」 beside 保訓會's act (S0000013: 「…俸給與其他公法上財產權等有關權益保障之研議…」) and
    # 警政署's office rules (D0080003: its 人事室's 「待遇、福利、互助共濟、各項補助、加給之規劃、核辦事項」), the 和
    # between 調整 and 各種 no longer counts against the duty that holds 調整: the agency that plans pay answers first
    # (before, 保訓會 did).
    from graph_model.graph.graph import OrgGraph
    from queries.lookup.ask import ask_graph
    from support import parse_national
    graph = OrgGraph.build([parse_national(p) for p in ("S0010018", "S0000013", "D0080003")])
    hits = ask_graph(graph, "公務人員的待遇調整和各種加給是由哪個機關規劃？", top=3).hits
    assert hits[0].unit["id"] == "行政院/人事行政總處"
    assert hits[0].evidence[0].text == "員工給與政策之規劃及俸（薪）給通案調整之擬議"


@pytest.mark.parametrize("word, action", [("印信", "保管"), ("文書", "保管"), ("出納", "執行")])
def test_a_generic_action_the_duty_leaves_implied_does_not_reject_it(alone, word, action):
    # 印信保管 where the document lists 「文書、印信、出納…」: the units charged with the matter answer, the
    # join 信保 is no word the duty lacks (辦理, 負責 … at the query's edge are dropped before: clean_query).
    from queries.lookup.search import search
    checked = 0
    for name, (_graph, index) in alone.items():
        keys = [e.key for e in index.entries]
        if not any(word in k and action not in k for k in keys) or word[1] + action[0] in index.postings:
            continue
        checked += 1
        results = search(index, word + action, explain=True)
        assert results, name
        assert _units_with(index, word) & {r.unit_id for r in results}, name
        for r in results:
            for m in r.matches:
                key = index.entries[m.entry].key
                assert word[1] + action[0] in m.explain.seams or word not in key, name
    assert checked >= 2


@pytest.mark.parametrize("query, same_as", [("政風業務", "政風"), ("誰負責政風業務？", "政風"),
                                            ("政風相關事項", "政風"), ("誰兼辦政風業務？", "政風"),
                                            ("公關業務", "公關")])
def test_filler_words_neither_rank_nor_reject(alone, query, same_as):
    # 業務/事項 after a topic only say "matters of": documents that write 政風事項 (and never 業務) answer
    # 政風業務 as they answer 政風, with the same units and scores; 兼辦 is a verb of being in charge.
    from queries.lookup.search import search
    answered = 0
    for name, (_graph, index) in alone.items():
        got = [(r.unit_id, round(r.score, 6)) for r in search(index, query)]
        assert got == [(r.unit_id, round(r.score, 6)) for r in search(index, same_as)], name
        answered += bool(got) and "業務" not in index.postings
    assert answered >= 1 or same_as == "公關"


def test_filler_alone_is_still_a_query():
    from queries.textnorm import clean_query
    assert clean_query("業務") == "業務" and clean_query("事項") == "事項"
    assert clean_query("業務一組") == "業務一組"  # not at the end: a name, kept
    assert clean_query("社會工作") == "社會工作" and clean_query("一般事務") == "一般事務"


def test_a_long_verbatim_run_makes_a_candidate_however_long_the_query(seed001_graph):
    # 「保稅工廠」 word for word, then words no document has: the duties holding the run answer (before, the
    # share of the query they held was too small for them to be considered at all).
    from queries.lookup.search import build_index, search
    index = build_index(seed001_graph)
    tail = "魑魅魍魎饕餮貔貅麒麟"
    assert not any(ch in index.postings for ch in tail)
    results = search(index, "保稅工廠" + tail)
    assert results
    assert {r.unit_id for r in results} == _units_with(index, "保稅工廠")
    assert search(index, "工廠" + tail) == []  # a short run is not enough


def test_longest_run_is_the_longest_common_piece():
    import random

    from queries.lookup.ranking import longest_run as _longest_run

    def brute(parts, key):
        best, where = 0, -1
        for p in parts:
            for i in range(len(p)):
                for j in range(i + best + 1, len(p) + 1):
                    at = key.find(p[i:j])
                    if at < 0:
                        break
                    if j - i > best or (j - i == best and at < where):
                        best, where = j - i, at
        for i in range(len(key)):  # the first place in key where a longest piece starts
            if any(key[i:i + best] in p for p in parts) and best:
                return best, i
        return best, where

    rng = random.Random(7)
    for _ in range(3000):
        parts = ["".join(rng.choice("印信管理") for _ in range(rng.randint(1, 7))) for _ in range(rng.randint(1, 3))]
        key = "".join(rng.choice("印信管理 ") for _ in range(rng.randint(0, 14)))
        assert _longest_run(parts, key) == brute(parts, key), (parts, key)


@pytest.mark.parametrize("query", ["保稅工廠監管" * 700, "是由" * 2000 + "保稅", "單位" * 2000 + "x",
                                   "誰負責國會聯絡？" * 500, "印信管理" * 1000])
def test_long_queries_stay_fast(seed001_graph, query):
    # Every step is linear in the query: 4000 characters take well under a second (it once took 14 s).
    import time

    from queries.lookup.search import build_index, search
    index = build_index(seed001_graph)
    start = time.perf_counter()
    search(index, query)
    assert time.perf_counter() - start < 2.0


def test_a_residual_duty_holding_the_query_still_answers(alone):
    # 「鋼鐵、金融、保險業及不屬各股專業之審查、研議及統一處理原則之擬訂」 (corpus 07): its words after the residual
    # clause still find it, discounted, never an empty answer.
    from queries.entries import RESIDUAL_PRIOR
    from queries.lookup.search import search
    _graph, index = alone["07_kaohsiung_ntb_office_rules.txt"]
    residual = [e for e in index.entries if "residual" in e.flags and "統一處理原則" in e.key]
    assert residual
    results = search(index, "統一處理原則", explain=True)
    assert {index.units[h.unit].id for h in residual[0].handlers} <= {r.unit_id for r in results}
    assert any(m.explain.prior == RESIDUAL_PRIOR for r in results for m in r.matches)


# --------------------------------------------------------------------------- partial matches
def test_everyday_words_get_a_partial_match_rather_than_nothing(run):
    # Bundled samples: seed 003 第12條 三 charges 秘書室 第三科 with 「辦公處所及宿舍維修」; nothing says
    # 冷氣.  辦公室冷氣維修 shares 辦公 and 維修 with it, too little for the first pass.
    line = "".join(SEED_RULES.read_text(encoding="utf-8").splitlines()[131].split())
    assert line.startswith("三、第三科:") and "辦公處所及宿舍維修" in line and "冷氣" not in line
    result = run("which", "辦公室冷氣維修")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == ("No unit handles 「辦公室冷氣維修」 as asked; "
                        "partial matches (only some of its words in common):")
    assert lines[1].startswith("1. 經濟部 › 智慧財產局 › 秘書室 › 第三科  (score ")
    assert lines[1].endswith(", partial match)")
    hits = json.loads(run("which", "辦公室冷氣維修", "--json").stdout)
    assert hits[0]["unit"]["id"] == "經濟部/智慧財產局/秘書室/第三科" and all(h["partial"] for h in hits)
    assert hits[0]["evidence"][0]["doc"] == SEED_RULES.stem and hits[0]["evidence"][0]["line"] == 132
    # 內政部 › 中部辦公室 shares one word, 辦公室 (two bigrams, three characters): not an answer.
    assert "內政部/中部辦公室" not in {h["unit"]["id"] for h in hits}


def test_a_match_as_asked_is_not_marked_partial(run):
    result = run("which", "保稅工廠監管", "--json")
    assert result.exit_code == 0 and all("partial" not in h for h in json.loads(result.stdout))
    assert "partial" not in run("which", "保稅工廠監管").stdout


def test_off_topic_queries_get_no_partial_match(run):
    # eval/offtopic.jsonl: 40 everyday requests no unit of the samples or the development corpus handles
    # (none shares two words with a duty of those documents); the second pass must not answer them.
    sys.path.insert(0, str(REPO / "eval"))
    import offtopic
    from run import build_graph

    from graph_model.store.store import open_store
    from queries.lookup.search import build_index, search

    queries = offtopic.load_offtopic()
    assert len(queries) == 40
    samples = build_index(open_store("/nonexistent/store.json").graph())
    for index in (samples, build_index(build_graph()[0])):
        assert not any(r.partial for q in queries for r in search(index, q))
    assert offtopic.false_answers(samples, queries)["answered"] == 0
    result = run("which", "天氣預報")
    assert result.exit_code == 1
    assert result.stdout.startswith("No unit handles 「天氣預報」 in the loaded documents.")


def test_type_filter_by_an_agencys_type_word(run, tmp_path):
    # A0010021 國家安全會議組織法「國家安全會議，為總統決定國家安全有關之大政方針之諮詢機關」: a 會議, never a 議
    from support import national_store
    national_store(tmp_path, "A0010021").close()
    store = str(tmp_path / "store.db")
    _, hits = which_json(run, store, "國家安全", "--type", "會議")
    assert hits and {h["unit"]["id"] for h in hits} == {"總統府/國家安全會議"}
    assert hits[0]["unit"]["type"] == "會議"
    refused = run("--store", store, "which", "國家安全", "--type", "議")
    assert refused.exit_code == 1 and "會議" in refused.stderr


def test_characters_opencc_changes_only_in_phrases_skip_it():
    """合 and 才 change only inside phrases (上合屋 → 上閤屋): a text without those phrases is its own key."""
    from queries.textnorm import _opencc, fold, opencc_triggers, trigger_set

    triggers = opencc_triggers()
    assert {"合", "才"} <= set(triggers.phrases or {})
    assert triggers.unchanged("就業媒合 求才") and not triggers.unchanged("上合屋")
    assert _opencc().convert("上合屋") != "上合屋"
    assert not triggers.unchanged("缉私") and fold("缉私", triggers) == "緝私"
    back = trigger_set(triggers.to_text())
    assert back == triggers and back.phrases == triggers.phrases
    assert not trigger_set("".join(sorted(triggers))).unchanged("就業媒合")  # bare characters: no phrase test
