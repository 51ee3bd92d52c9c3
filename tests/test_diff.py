"""`orggraph diff OLD NEW`: where each duty of a predecessor went, on real national documents.

Two pairs from data/national.tar.xz: 交通部公路總局 (組織法 K0000058, 辦事細則 K0010034) → 交通部公路局
(組織法 K0000207, 處務規程 K0000213), and 行政院環境保護署 (組織條例 O0000001, 辦事細則 O0010001) → 環境部
(組織法 O0000031, 處務規程 O0000032).  Every expectation below was read in those texts.
"""
from __future__ import annotations

import json
import sys

import pytest

from support import REPO

ROAD = ["K0000058", "K0010034", "K0000207", "K0000213"]
ENV = ["O0000001", "O0010001", "O0000031", "O0000032"]


def _read(tmp_path_factory, name: str, pcodes: list[str]):
    """The laws read from the archive into files and parsed, as a user would load them."""
    sys.path.insert(0, str(REPO / "eval"))
    import corpus as national_corpus

    from loaders.batch import read_paths
    folder = tmp_path_factory.mktemp(name)
    for pcode in pcodes:
        (folder / f"{pcode}.json").write_bytes(national_corpus.national_file(pcode))
    return read_paths([folder]).documents


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    """The eight laws, parsed once."""
    return _read(tmp_path_factory, "national-pairs", ROAD + ENV)


@pytest.fixture
def store(parsed, tmp_path):
    from graph_model.store.store import open_store
    path = tmp_path / "pairs.json"
    open_store(path).add(dict(parsed))
    return path


@pytest.fixture
def graphs(store):
    """(graph with history, ids of the current documents): what the command reads."""
    from graph_model.store.store import open_store
    s = open_store(store)
    return s.graph(history=True), {d["id"].removeprefix("doc:") for d in s.graph().nodes_with_label("Document")}


def road(graphs):
    from queries.diff import diff
    graph, current = graphs
    return diff(graph, "交通部公路總局", "交通部公路局", current=current)


def move_of(result, text):
    return next(m for m in result.duties if m.old.text == text)


# --------------------------------------------------------------------------- the library
def test_old_is_history_and_read_with_history(graphs, store):
    from graph_model.store.store import open_store
    assert "行政院/交通部/公路總局" not in open_store(store).graph()  # superseded: not in the current government
    result = road(graphs)
    assert [d["id"] for d in result.old.documents] == ["K0000058", "K0010034"]
    assert [d["id"] for d in result.new.documents] == ["K0000207", "K0000213"]


def test_units_kept_renamed_added_dropped(graphs):
    result = road(graphs)
    kept = {m.old.rel: m.new.rel for m in result.kept}
    # 辦事細則 第3條 and 處務規程 第5條 both set up 規劃組, 養路組, 監理組, 秘書室, 人事室, 政風室, 資訊室.
    assert {"規劃組", "養路組", "監理組", "秘書室", "人事室", "政風室", "資訊室"} <= set(kept)
    assert kept["規劃組"] == "規劃組"
    renamed = {m.old.rel: m.new.rel for m in result.renamed}
    # 組織法 第3條 「各臨時工程處：執行公路新建及整建事項」 → 公路局組織法 第5條 「各區公路新建工程分局：執行公路新建
    # 及整建事項」; 新工組's 工程施工考核及督導 … are 工務組's 「工程施工之考核及督導」 (處務規程 第8條).
    assert renamed["各臨時工程處"] == "各區公路新建工程分局"
    assert renamed["新工組"] == "工務組"
    # 機料組 (辦事細則 第8條) has no successor unit; 交通管理組 (處務規程 第10條) is new.
    assert "機料組" in {u.rel for u in result.dropped}
    assert "規劃組/規劃科" in {u.rel for u in result.dropped}  # the 科 level is gone: 規劃組 holds its duties
    assert "交通管理組" in {u.rel for u in result.added}
    assert result.kept[0].old.source and result.kept[0].new.source.startswith(("K0000213:", "K0000207:"))


def test_each_duty_of_old_goes_to_the_new_unit_whose_text_says_it(graphs):
    result = road(graphs)
    # 辦事細則 第6條 管理科 「重大挖掘路面案件審核及督導事項」 → 處務規程 第7條 養路組 「重大挖掘路面案件之審核及督導」.
    m = move_of(result, "重大挖掘路面案件審核及督導事項")
    assert (m.old.rel, m.new.rel, m.new.text) == ("養路組/管理科", "養路組", "重大挖掘路面案件之審核及督導")
    assert m.old.source == "K0010034:134 第6條 item 6" and m.new.source == "K0000213:56 第7條 item 8"
    assert m.score > 0.9
    # 地籍管理科 「公路用地稅負減免之督導事項」 → 工務組 「公路用地之取得、管理及督導」 (處務規程 第8條 第7款).
    m = move_of(result, "公路用地稅負減免之督導事項")
    assert (m.new.rel, m.new.source) == ("工務組", "K0000213:67 第8條 item 7")
    # The agency's own duties (組織法 第2條) match the successor's act word for word.
    m = move_of(result, "公路之新建及整建工程")
    assert (m.new.rel, m.score) == ("", 1.0)


def test_a_duty_nothing_in_new_says_is_none(graphs):
    result = road(graphs)
    # 出納科 「員工薪俸發放、所得稅扣繳事項」: no duty of 公路局 speaks of salaries or withholding tax.
    m = move_of(result, "員工薪俸發放、所得稅扣繳事項")
    assert m.new is None and m.score < result.threshold
    assert m.counterpart.rel == "秘書室"  # its unit (秘書室/出納科) sits under 秘書室, kept
    # 其他交辦事項 says nothing of its own: never mapped.
    assert all(m.new is None for m in result.duties if m.old.text == "其他交辦事項")
    s = result.summary()
    assert s["duties"] == len(result.duties) == s["found"] + s["none"] and 0 < s["found"] < s["duties"]


def test_renamed_by_type_word_and_into_an_agency(graphs):
    from queries.diff import diff
    graph, current = graphs
    result = diff(graph, "行政院環境保護署", "環境部", current=current)
    renamed = {m.old.rel: m.new.rel for m in result.renamed}
    assert renamed["人事室"] == "人事處" and renamed["政風室"] == "政風處"  # 處務規程 第5條
    # 空氣品質保護及噪音管制處's duties (辦事細則 第5條) are 大氣環境司's (處務規程 第8條): 「空氣品質保護之政策規劃…」.
    assert renamed["空氣品質保護及噪音管制處"] == "大氣環境司"
    m = move_of(result, "固定污染源之許可、登記及管理規劃事項")
    assert m.new.rel == "大氣環境司" and m.new.text.startswith("固定污染源空氣污染管理")


def test_two_documents(graphs):
    from queries.diff import diff
    graph, current = graphs
    result = diff(graph, "K0010034", "K0000213", current=current)
    assert (result.old.kind, result.old.root, result.new.root) == ("document", "行政院/交通部/公路總局",
                                                                     "行政院/交通部/公路局")
    assert [d["id"] for d in result.old.documents] == ["K0010034"]
    assert {m.old.rel for m in result.kept} >= {"規劃組", "養路組", "監理組"}


def test_unknown_side_is_a_domain_error(graphs):
    from graph_model.errors import UnknownUnit
    from queries.diff import diff
    graph, current = graphs
    with pytest.raises(UnknownUnit):
        diff(graph, "交通部公路總局", "海關", current=current)


# --------------------------------------------------------------------------- the command
def test_cli_text(run, store):
    result = run("--store", store, "diff", "交通部公路總局", "交通部公路局")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("行政院 › 交通部 › 公路總局 → 行政院 › 交通部 › 公路局\n")
    for heading in ("Kept (", "Renamed (", "Added (", "Dropped (", "Duties of OLD ("):
        assert f"\n{heading}" in out
    assert "  新工組 → 工務組  (" in out
    assert ("  養路組/管理科: 重大挖掘路面案件審核及督導事項\n    → 養路組 (0.92): 重大挖掘路面案件之審核及督導\n"
            "      K0010034:134 第6條 item 6 → K0000213:56 第7條 item 8\n") in out


def test_cli_reads_history_whatever_all_says(run, store):
    plain = run("--store", store, "diff", "交通部公路總局", "交通部公路局")
    with_all = run("--store", store, "--all", "diff", "交通部公路總局", "交通部公路局")
    assert plain.exit_code == with_all.exit_code == 0 and plain.stdout == with_all.stdout


def test_cli_json(run, store):
    result = run("--store", store, "diff", "交通部公路總局", "交通部公路局", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["old"]["id"] == "行政院/交通部/公路總局" and data["new"]["id"] == "行政院/交通部/公路局"
    assert {"kept", "renamed", "added", "dropped", "duties", "summary", "threshold"} <= set(data)
    move = next(d for d in data["duties"] if d["old"]["text"] == "重大挖掘路面案件審核及督導事項")
    assert move["new"]["path"] == "養路組" and move["new"]["source"] == "K0000213:56 第7條 item 8"
    assert move["similarity"] == 0.92
    assert data["summary"]["found"] == sum(1 for d in data["duties"] if d["new"])


def test_cli_unknown_unit_exits_1_without_traceback(run, store):
    result = run("--store", store, "diff", "交通部公路總局", "交通部公路總署")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no unit named '交通部公路總署'") and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    as_json = run("--store", store, "diff", "海關", "交通部公路局", "--json")
    assert as_json.exit_code == 1 and json.loads(as_json.stdout)["error"]["kind"] == "not_found"


# --------------------------------------------------------------------------- support units, a side with no units
# 行政院衛生署 (組織法 L0000001), its 南投醫院 (組織條例 L0000047) and 家庭計畫研究所 (組織條例 L0000039)
# against 衛生福利部 (組織法 L0000055, 處務規程 L0010053), its 各醫院 (組織準則 L0000053, 辦事細則 L0010058)
# and 食品藥物管理署 (組織法 L0000054, 處務規程 L0010049); 行政院農業委員會漁業署 (組織條例 M0000004,
# 辦事細則 M0010009) against 農業部漁業署 (組織法 M0000051: the corpus holds no 處務規程 of it).
HEALTH = ["L0000001", "L0000047", "L0000039", "L0000055", "L0010053", "L0000053", "L0010058", "L0000054", "L0010049"]
FISHERIES = ["M0000004", "M0010009", "M0000051"]


@pytest.fixture(scope="module")
def more_graphs(tmp_path_factory):
    from graph_model.store.store import open_store
    s = open_store(tmp_path_factory.mktemp("more-store") / "more.json")
    s.add(dict(_read(tmp_path_factory, "national-more", HEALTH + FISHERIES)))
    return s.graph(history=True), {d["id"].removeprefix("doc:") for d in s.graph().nodes_with_label("Document")}


def test_support_units_do_not_tell_what_a_body_became(more_graphs):
    from queries.diff import diff, render_diff
    graph, current = more_graphs
    result = diff(graph, "行政院衛生署", "衛生福利部", current=current)
    renamed = {m.old.rel: m.new.rel for m in result.renamed}
    # L0000047 第1條: 南投醫院 is a hospital of 衛生署; its duty 「民眾衛生醫療保健、醫務人員實習訓練與教學研究
    # 相關事項」 (第3條) is 各醫院's (L0000053 第3條); only its 人事室, 會計室 and 政風室 read like 食品藥物管理署's.
    assert renamed["南投醫院"] == "各醫院"
    # 家庭計畫研究所 (L0000039 第1條 「為增進國民健康」): none of its 組's duties found a holder; its 人事室
    # and 政風室 say nothing of where it went.
    assert "家庭計畫研究所" in {u.rel for u in result.dropped}
    assert not any(m.new.rel.startswith("食品藥物管理署") for m in result.kept + result.renamed
                   if m.old.rel.startswith(("南投醫院", "家庭計畫研究所")))
    # A kept unit under a renamed parent shows where it is now.
    kept = next(m for m in result.kept if m.old.rel != m.new.rel)
    assert f"\n  {kept.old.rel} → {kept.new.rel}  " in render_diff(result)


def test_a_side_with_no_units_says_so(more_graphs):
    from queries.diff import diff, render_diff
    graph, current = more_graphs
    result = diff(graph, "行政院農業委員會漁業署", "農業部漁業署", current=current)
    assert len(result.new.units) == 1 and result.dropped and not result.kept
    assert result.notes() and result.notes()[0].startswith("NEW has no units") and result.to_dict()["notes"]
    text = render_diff(result)
    assert "\n  Note: NEW has no units: none of its documents read sets up a unit below 漁業署" in text
    assert f"\nDropped ({len(result.dropped)}) (NEW has no units: see the note above):" in text
    assert diff(graph, "行政院衛生署", "衛生福利部", current=current).notes() == []


def test_a_duty_as_like_several_new_units_does_not_tell_which(tmp_path):
    """行政院衛生署檢疫總所 (組織條例 L0000009, 辦事細則 L0010004) against 疾病管制署 (組織法 L0000055,
    處務規程 L0010054): 處務規程 第18條 gives 臺北區管制中心 and the five other 區管制中心 one list, so
    高雄第一檢疫分所's 「各項檢疫憑證簽發事項」 (L0010004 第10條) reads as like each: it tells of none (the
    first of equals was 臺北區, for every 分所)."""
    sys.path.insert(0, str(REPO / "eval"))
    import corpus as national_corpus

    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    from queries.diff import diff
    for pcode in ("L0000009", "L0010004", "L0000055", "L0010054"):
        (tmp_path / f"{pcode}.json").write_bytes(national_corpus.national_file(pcode))
    s = open_store(tmp_path / "quarantine.json")
    s.add(dict(read_paths([tmp_path]).documents))
    current = {d["id"].removeprefix("doc:") for d in s.graph().nodes_with_label("Document")}
    result = diff(s.graph(history=True), "檢疫總所", "疾病管制署", current=current)
    m = move_of(result, "各項檢疫憑證簽發事項")
    assert m.new.rel == "臺北區管制中心" and {"中區管制中心", "高屏區管制中心"} <= set(m.alike)
    renamed = {m.old.rel: m.new.rel for m in result.renamed}
    assert renamed["疫情組"] == "疫情中心"
    assert not any(rel.endswith("檢疫分所") for rel in renamed)
    assert "高雄第一檢疫分所" in {u.rel for u in result.dropped}
