"""The national laws database's organization documents.

The corpus ships compressed in data/national.tar.xz (1,451 open-data JSON files), so these
tests run on a fresh clone.  Expectations about single documents are read from their text
(quoted in each test); the hand-checked sample's figures are held by floors.
"""
from __future__ import annotations

import json
import sys

import pytest

from support import REPO, stored_documents

sys.path.insert(0, str(REPO / "eval"))

import corpus  # noqa: E402
import national  # noqa: E402
import national_sample  # noqa: E402

import loaders  # noqa: E402


def parse(pcode: str):
    return loaders.parse_bytes(corpus.national_file(pcode), f"{pcode}.json")


def below(parsed) -> dict[str, list[str]]:
    """name → parent names of the units under the document's agency."""
    agency = parsed.agency
    out: dict[str, list[str]] = {}
    for u in parsed.units:
        if len(u.path) > len(agency) and u.path[:len(agency)] == agency:
            out.setdefault(u.path[-1], []).append(u.path[-2])
    return out


# ------------------------------------------------------------------ corpus-wide invariants
@pytest.fixture(scope="module")
def rows():
    # The copy in the repository, whether or not ../shared is there.
    return [national.check(name, data) for name, data in corpus.archive_files()]


def test_every_document_is_read_and_none_crashes(rows):
    assert len(rows) == 1451
    assert [r["doc"] for r in rows if r["status"] == "crash"] == []
    refused = [r for r in rows if r["status"] == "refused"]
    # Only documents that set up no organization of their own are refused: 市/縣組織法 (a law for every
    # 市 or 縣) and regulations (…辦法, …施行法) whose titles hold the genre's words (作業程序, 組織條例).
    assert len(refused) <= 8, [(r["doc"], r["reason"]) for r in refused]
    for r in refused:
        assert "is a regulation, not an organization document" in r["reason"] or \
            "names no particular one" in r["reason"], (r["doc"], r["reason"])


def test_stated_counts_agree_with_the_parse(rows):
    # 「分設三科，各科掌理事項如下：」 + its items, 「設教務、訓導、總務三組」, 「設第一科至第五科」: what the text
    # counts against the units parsed under the unit it counts for.  The few left are the texts' own slips (a count of 3
    # over 2 items, an item without its number) and misreadings of one document each (eval/README.md).
    ok = [r for r in rows if r["status"] == "ok"]
    assert sum(r["counted"] for r in ok) >= 450
    assert sum(len(r["counts"]) for r in ok) <= 8, [(r["doc"], r["counts"]) for r in ok if r["counts"]]


def _counts(pcode: str) -> list[str]:
    data = corpus.national_file(pcode)
    parsed = parse(pcode)
    compared: list[int] = []
    flags = national._counted(parsed, loaders.read_bytes(data, f"{pcode}.json")[0], len(parsed.agency), compared)
    return flags + [f"compared {len(compared)}"]


def test_counts_read_owner_list_and_items():
    # 「本局行政處分設文檔、事務、出納、防護四科分別掌理下列事項：」: 行政處 owns the four 科 (本局 is no owner),
    # as each 處's 「X處分設…三科」 of the article before.
    assert _counts("K0010068")[-1] != "compared 0" and len(_counts("K0010068")) == 1
    # 「路產組分設三科，各科掌理事項如下：」 lists two: the text's own slip, flagged.
    assert any(f.startswith("路產組: 分設三科 ≠ 2") for f in _counts("K0010027"))
    # 「人事室設一科，掌理事項如下：一、…事項」: the list after a count holds duties, names no unit.
    assert not any("一科" in f for f in _counts("D0010049")[:-1])


def test_a_sub_item_numbered_out_of_turn_keeps_its_list():
    # 「（五）…之研訂。」 + 「（八）…之處理。」 + 「五、第五科：」 (G0310016), 「（七）…」 + 「（六）…」 + 「（九）…」 +
    # 「三、第三科辦理左列事項：」 (G0310003): the typist's numbering slips; the list and the next unit go on.
    assert below(parse("G0310016"))["第五科"].count("徵課處") == 1
    assert "第四組" in below(parse("G0310003"))["第三科"]


def test_suspect_unit_names_are_near_zero(rows):
    ok = [r for r in rows if r["status"] == "ok"]
    for key, limit in (("punct", 0), ("ranges", 0), ("long", 2), ("absent", 3), ("no_unit_end", 0), ("bare", 0),
                       ("family_unnamed", 0), ("prose", 0), ("collective", 0), ("post_lists", 1)):
        found = [(r["doc"], n) for r in ok for n in r[key]]
        assert len(found) <= limit, (key, found[:10])
    assert sum(r["units"] for r in ok) > 10000


# ------------------------------------------------------------------ reading the open-data JSON
def test_a_law_file_is_read_with_its_metadata(run, store_path, tmp_path):
    law = json.loads(corpus.national_file("Q0000012"))
    path = tmp_path / "Q0000012.json"
    path.write_bytes(corpus.national_file("Q0000012"))
    result = run("--store", store_path, "load", path, "--json")
    assert result.exit_code == 0, result.stderr
    doc = stored_documents(store_path)["Q0000012"]["document"]
    assert doc["title"] == law["法規名稱"] == "大陸委員會組織法"
    assert doc["meta"]["category"] == law["法規類別"] and doc["meta"]["updated"] == law["最新異動日期"]
    assert doc["meta"]["abolished"] is False and doc["meta"]["history"].startswith("1.")
    # 第 3 條「本會掌理下列事項：一、整體兩岸關係情勢研判、政策規劃、審議及協調。」
    show = json.loads(run("--store", store_path, "show", "大陸委員會", "--json").stdout)
    assert "整體兩岸關係情勢研判、政策規劃、審議及協調" in [d["text"] for d in show["duties"]]


def test_the_same_law_as_json_and_as_text_is_kept_once_and_two_versions_twice(run, store_path, tmp_path):
    from loaders.read.lawjson import decode_law
    data = corpus.national_file("Q0000012")
    (tmp_path / "Q0000012.json").write_bytes(data)
    text, _meta = decode_law(data)  # the law's text as the database gives it, saved as a plain file
    (tmp_path / "mac-copy.txt").write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    law = json.loads(data)
    law["最新異動日期"] = "20991231"  # a later version of the same text: history, kept beside it
    (tmp_path / "Q0000012-later.json").write_text(json.dumps(law, ensure_ascii=False), encoding="utf-8")
    summary = json.loads(run("--store", store_path, "load", tmp_path, "--json").stdout)
    actions = {d["id"]: d["action"] for d in summary["documents"]}
    assert actions["Q0000012"] == actions["Q0000012-later"] == "added"
    assert actions["mac-copy"] in ("same as Q0000012", "same as Q0000012-later")  # an undated copy: either version
    assert summary["total_documents"] == 2


def test_a_law_filed_under_a_parent_is_the_same_as_its_text(run, store_path, tmp_path):
    # A0010016 中央研究院組織法: its .json is filed 總統府 (法規類別), so the JSON places 中央研究院 under 總統府; the
    # same text saved as a file (or a Word copy of it) cannot know that — it is the same law, kept once.
    from loaders.read.lawjson import decode_law
    data = corpus.national_file("A0010016")
    (tmp_path / "A0010016.json").write_bytes(data)
    text, _meta = decode_law(data)
    (tmp_path / "sinica.txt").write_text(text, encoding="utf-8")
    summary = json.loads(run("--store", store_path, "load", tmp_path, "--json").stdout)
    assert {d["id"]: d["action"] for d in summary["documents"]} == {"A0010016": "added",
                                                                    "sinica": "same as A0010016"}
    assert "總統府" in run("--store", store_path, "tree", "中央研究院").stdout.splitlines()[0]


def test_a_damaged_law_file_is_refused_in_one_line(run, store_path, tmp_path):
    path = tmp_path / "cut.json"
    path.write_bytes(corpus.national_file("Q0000012")[:500])
    result = run("--store", store_path, "load", path)
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {path}: the file looks truncated")
    assert len(result.stderr.splitlines()) == 1
    half = tmp_path / "half.json"
    half.write_text(corpus.national_file("Q0000012").decode("utf-8")[:300], encoding="utf-8")
    result = run("--store", store_path, "load", half)
    assert result.stderr.startswith(f"Error: {half}: not valid JSON") and len(result.stderr.splitlines()) == 1
    assert not store_path.exists()


# ------------------------------------------------------------------ the genre's conventions, each on a real document
def test_ranges_become_one_unit_each_with_the_name_as_written():
    # D0010042 第3條「二十六、偵查第一大隊至偵查第九大隊、電信偵查大隊、智慧財產權偵查大隊，分四十隊辦事。」
    parsed = parse("D0010042")
    corps = [u for u in parsed.units if u.path[-1].startswith("偵查第") and u.path[-1].endswith("大隊")]
    assert [u.path[-1] for u in corps] == [f"偵查第{n}大隊" for n in "一二三四五六七八九"]
    assert {u.written for u in corps} == {"偵查第一大隊至偵查第九大隊"}


def test_counts_stay_counts():
    # D0000068 第4條 sets up 「偵查隊七隊至九隊」: a number of 偵查隊, not units named so.
    assert not [u for u in parse("D0000068").units if "至" in u.path[-1]]


def test_a_shared_rest_names_each_unit():
    # D0010114 第3條「十一、臺北、新竹、臺中、臺南、高雄、花蓮分所。」
    units = below(parse("D0010114"))
    assert {f"{c}分所" for c in ("臺北", "新竹", "臺中", "臺南", "高雄", "花蓮")} <= set(units)


def test_a_unit_that_sets_up_its_own_sections():
    # A0020056 第4條「秘書處設文牘科、收發科、機要科、檔案科、研考科及公共關係事務室，分掌下列事項：」
    parsed = parse("A0020056")
    units = below(parsed)
    for name in ("文牘科", "收發科", "機要科", "檔案科", "研考科", "公共關係事務室"):
        assert set(units[name]) == {"秘書處"}, name
    duties = {(d.unit[-1], d.text) for d in parsed.duties}
    assert ("機要科", "關於本院印信之典守及用印登記等事項") in duties


def test_sections_set_up_inside_a_list_item():
    # N0000005 第4條「一、秘書室  設文書、總務、法律事務三科，分別掌理機要、印信、文書…」
    units = below(parse("N0000005"))
    assert set(units["文書科"]) == set(units["總務科"]) == set(units["法律事務科"]) == {"秘書室"}


def test_a_mandate_in_one_sentence_and_a_list_intro_of_its_own():
    # K0010112 第3條「本廠掌理財物驗收、倉儲、工程及勞務採購、總務、勞安、人事、政風及廢料等業務。」
    parsed = parse("K0010112")
    agency = parsed.agency
    assert agency[-1] == "南區供應廠"
    assert any(d.unit == agency and "財物驗收" in d.text for d in parsed.duties)
    # Q0000012 第2條「本會統籌協調或處理下列事項：」 + three items
    q = parse("Q0000012")
    assert "地方自治團體從事大陸事務相關事項" in [d.text for d in q.duties if d.unit == q.agency]


def test_the_subjects_of_a_residual_clause_are_explicit_duties():
    # A0020056 第8條 and many more: 「…及不屬於其他各處、室事項」 closes a list of subjects.
    from graph_model.records.duties import duty_flags
    from loaders.common import split_duties
    explicit, residual = split_duties("掌理議事、文書、印信、出納、庶務、公共關係及不屬於各處、室事項")
    assert explicit == "議事、文書、印信、出納、庶務、公共關係事項" and duty_flags(explicit) == (False, False)
    assert duty_flags(residual)[1] is True


def test_agency_names_that_contain_their_parents():
    # 交通部公路總局各區監理所辦事細則（92.04.15 訂定）: a family under 公路總局 under 交通部, the version date dropped.
    parsed = parse(next(r for r in json.loads((REPO / "data" / "national-index.json").read_text(encoding="utf-8"))
                        if r["name"].startswith("交通部公路總局各區監理所辦事細則（92.04.15"))["PCode"])
    assert parsed.agency == ("交通部", "公路總局", "各區監理所")


# ------------------------------------------------------------------ the hand-checked sample
@pytest.fixture(scope="module")
def sample():
    return national_sample.evaluate()


def test_the_sample_is_drawn_as_recorded_and_fully_annotated():
    import draw_national
    index = json.loads((REPO / "data" / "national-index.json").read_text(encoding="utf-8"))
    drawn = [row[0] for row in draw_national.draw(index, 20261201, 16)]
    recorded = [line.split("\t")[0] for line in (REPO / "eval" / "national" / "sample.tsv").read_text(
        encoding="utf-8").splitlines() if line]
    assert drawn == recorded and len(drawn) == 48
    assert sorted(g["doc"] for g in national_sample.load_gold()) == sorted(recorded)


def sample_codes(name: str) -> list[str]:
    return [line.split("\t")[0] for line in (REPO / "eval" / name / "sample.tsv").read_text(
        encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("name, seed, per, earlier, gold", [
    ("third", 20261208, 14, ("national", "fresh"), "THIRD"),
    ("fourth", 20261210, 8, ("national", "fresh", "third"), "FOURTH")])
def test_a_later_sample_is_drawn_as_recorded_without_earlier_documents(name, seed, per, earlier, gold):
    import draw_national
    index = json.loads((REPO / "data" / "national-index.json").read_text(encoding="utf-8"))
    before = {code for sample in earlier for code in sample_codes(sample)}
    drawn = [row[0] for row in draw_national.draw(index, seed, per, before)]
    recorded = sample_codes(name)
    assert drawn == recorded and len(drawn) == 3 * per and not before & set(drawn)
    assert sorted(g["doc"] for g in national_sample.load_gold(getattr(national_sample, gold))) == sorted(recorded)


@pytest.mark.parametrize("folder", ["GOLD", "THIRD", "FOURTH"])
def test_gold_evidence_is_on_the_lines_it_cites(folder):
    for gold in national_sample.load_gold(getattr(national_sample, folder)):
        text = loaders.read_bytes(corpus.national_file(gold["doc"]), f"{gold['doc']}.json")[0]
        lines = ["".join(line.split()) for line in text.splitlines()]
        assert lines[0] == "".join(gold["title"].split())
        for q in gold["queries"]:
            assert q["expected"] and q["evidence"], (gold["doc"], q["query"])
            for ev in q["evidence"]:
                window = "".join(lines[ev["line"] - 1:ev["line"] + 2])
                assert "".join(ev["text"].split()) in window, (gold["doc"], q["query"], ev)
        names = {u["name"] for u in gold["units"]} | {gold["agency"][-1]}
        for q in gold["queries"]:
            for path in q["expected"]:
                assert set(path.split("/")) <= names, (gold["doc"], path)


def test_units_on_the_sample_reach_the_floor(sample):
    assert sample["units"]["f1"] >= 0.98, [d for d in sample["docs"] if d["fp"] or d["fn"]]


def test_which_on_the_sample_reaches_the_floor_and_beats_plain_bm25(sample):
    w, b = sample["which"], sample["bm25"]
    misses = [(r["doc"], r["query"], r["rank"]) for r in sample["rows"] if r["rank"] != 1]
    assert w["hit@1"] >= 0.97 and w["any@5"] >= 0.97, misses
    assert w["empty"] <= 3, misses
    assert w["hit@1"] > b["hit@1"] and w["mrr"] > b["mrr"]


# ------------------------------------------------------------------ documents that do not say whose they are
def test_a_document_that_names_no_organization_is_refused_with_a_true_reason(run, store_path, tmp_path):
    # D0020017 縣組織法施行法 read as an act (--genre org_act): the deadlines for every province to organize its
    # counties (「各省政府奉到縣組織法施行日期命令後，應於左列期限內完成縣之組織」), no organization of its own.
    # (D0020014 市組織法 is an act for every city, its agency the level 市: tests/test_thirteenth_conventions.py)
    path = tmp_path / "D0020017.json"
    path.write_bytes(corpus.national_file("D0020017"))
    result = run("--store", store_path, "load", "--genre", "org_act", path)
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "its title 「縣組織法施行法」 names no particular one" in result.stderr and "--agency NAME" in result.stderr


def test_agency_names_the_owner_of_procedures_that_say_only_this_office(run, store_path, tmp_path):
    sop = tmp_path / "sop.txt"
    sop.write_text("本局收文作業程序\n\n法令依據\n文書處理手冊\n\n作業流程\n1. 收文：由本局秘書室收文登記。\n"
                   "2. 分文：秘書室將公文分送承辦單位。\n", encoding="utf-8")
    assert run("--store", store_path, "load", "--agency", "經濟部智慧財產局", sop).exit_code == 0
    units = stored_documents(store_path)["sop"]["units"]
    assert ["經濟部", "智慧財產局", "秘書室"] in [u["path"] for u in units]


# ------------------------------------------------------------------ one graph of several documents
def _load(run, store_path, tmp_path, *pcodes, extra=()):
    paths = []
    for pcode in pcodes:
        paths.append(tmp_path / f"{pcode}.json")
        paths[-1].write_bytes(corpus.national_file(pcode))
    result = run("--store", store_path, *extra, "load", *paths)
    assert result.exit_code == 0, result.stderr
    return result


def test_one_agency_is_one_node_across_documents(run, store_path, tmp_path):
    # 行政院組織法 第3條「行政院設下列各部：一、內政部。…」 lists 交通部; 交通部組織法 and 交通部民用航空局組織法
    # set up 交通部 and its 民用航空局: they meet on one 交通部, under 行政院.
    _load(run, store_path, tmp_path, "A0010032", "K0000001", "K0000208")
    tree = run("--store", store_path, "tree", "--json").stdout
    ids = [u["id"] for u in json.loads(run("--store", store_path, "export", "--format", "json").stdout)["nodes"]
           if "Unit" in u.get("labels", [])]
    assert [i for i in ids if i.endswith("交通部")] == ["行政院/交通部"], tree[:200]
    assert "行政院/交通部/民用航空局" in ids
    shown = json.loads(run("--store", store_path, "show", "民用航空局", "--json").stdout)
    assert shown["id"] == "行政院/交通部/民用航空局"


def test_abolished_documents_are_history_shown_with_all(run, store_path, tmp_path):
    # 行政院衛生署組織法 is marked 廢 (廢止註記); 衛生福利部組織法 is in force.
    _load(run, store_path, tmp_path, "L0000001", "L0000055")
    current = json.loads(run("--store", store_path, "stats", "--json").stdout)
    everything = json.loads(run("--store", store_path, "--all", "stats", "--json").stdout)
    assert len(current["documents"]) == 1 < len(everything["documents"]) == 2
    assert run("--store", store_path, "show", "衛生署").exit_code == 1
    assert json.loads(run("--store", store_path, "--all", "show", "衛生署", "--json").stdout)["name"] == "衛生署"
    assert json.loads(run("--store", store_path, "show", "衛生福利部", "--json").stdout)["name"] == "衛生福利部"


def test_one_clause_shared_out_among_the_offices_it_names():
    # J0000010 第31行「本局設人事室、會計室及統計室，…依法律規定，分別辦理人事、歲計、會計及統計事項。」
    duties = {(d.unit[-1], d.text) for d in parse("J0000010").duties if d.source.line == 31}
    assert duties == {("人事室", "人事事項"), ("會計室", "歲計、會計事項"), ("統計室", "統計事項")}


def test_a_list_of_what_a_duty_is_about():
    # J0150013 「…掌理下列事業關於獨占、結合、聯合行為…之調查處理事項：」 lists industries, not duties.
    duties = [d.text for d in parse("J0150013").duties if d.unit[-1] == "製造業競爭處"]
    assert "金屬製品製造業、電子產品製造業、運輸工具製造業及其他製造業關於獨占、結合、聯合行為、限制轉售價格、" \
           "其他限制競爭行為、欺罔或顯失公平行為之調查處理事項" in duties


def test_the_same_law_under_another_file_name_is_kept_once(run, store_path, tmp_path):
    _load(run, store_path, tmp_path, "K0000001")
    copy = tmp_path / "copy-of-K0000001.json"
    copy.write_bytes(corpus.national_file("K0000001"))
    result = run("--store", store_path, "load", copy)
    assert result.exit_code == 0 and "same as K0000001" in result.stdout
    assert list(stored_documents(store_path)) == ["K0000001"]


def test_an_older_version_of_the_same_title_is_history():
    from graph_model.records.records import Document, ParsedDocument
    from graph_model.store.store import current_documents
    old = ParsedDocument(Document("a", "某某局辦事細則", "office_rules", meta={"updated": "20180201"}))
    new = ParsedDocument(Document("b", "某某局辦事細則", "office_rules", meta={"updated": "20231123"}))
    gone = ParsedDocument(Document("c", "別局辦事細則", "office_rules", meta={"abolished": True}))
    assert [p.document.id for p in current_documents([old, new, gone])] == ["b"]


# ------------------------------------------------------------------ partial matches on the fresh sample
@pytest.mark.parametrize("pcode, query, line, phrase, unit", [
    ("D0000164", "國道交通違規取締", 8, "違反公路交通管理事件之稽查取締", "國道公路警察局"),
    ("L0000002", "法院委託醫療鑑定", 11, "關於司法或檢察機關委託鑑定事項", "醫事審議委員會")])
def test_everyday_words_find_the_formal_duty_as_a_partial_match(pcode, query, line, phrase, unit):
    # The document alone, as a planner loading it would: nothing matches the everyday words as asked
    # (違規 for 違反…管理, 法院 for 司法機關), two words do (交通, 取締; 委託, 鑑定): the unit charged answers first.
    from graph_model.graph.graph import OrgGraph
    from queries.lookup.which import which
    text = loaders.read_bytes(corpus.national_file(pcode), f"{pcode}.json")[0]
    assert phrase in "".join(text.splitlines()[line - 1].split())
    hits = which(OrgGraph.build([parse(pcode)]), query)
    assert hits and all(h.partial for h in hits)
    assert hits[0].unit["name"] == unit and hits[0].evidence[0].line == line


def test_the_third_sample_reaches_the_floor():
    # Drawn and read after the loaders were tuned on the first two samples; before any change made for it:
    # units F1 0.909, which hit@1 0.846 (eval/third/README.md).
    got = national_sample.evaluate(national_sample.load_gold(national_sample.THIRD))
    misses = [(r["doc"], r["query"], r["rank"]) for r in got["rows"] if r["rank"] != 1]
    assert got["units"]["f1"] >= 0.98, [d for d in got["docs"] if d["fp"] or d["fn"]]
    assert got["which"]["hit@1"] >= 0.92 and got["which"]["empty"] <= 8, misses


def test_the_fourth_sample_reaches_the_floor():
    # Before any change made for it: units F1 0.968, which hit@1 0.951; after the
    # conventions it showed were read by rule: units F1 0.997 (eval/fourth/README.md).
    got = national_sample.evaluate(national_sample.load_gold(national_sample.FOURTH))
    misses = [(r["doc"], r["query"], r["rank"]) for r in got["rows"] if r["rank"] != 1]
    assert got["units"]["f1"] >= 0.995, [d for d in got["docs"] if d["fp"] or d["fn"]]
    assert got["which"]["hit@1"] >= 0.95 and got["which"]["empty"] <= 2, misses


def test_the_fresh_sample_has_fewer_empty_answers():
    got = national_sample.evaluate(national_sample.load_gold(national_sample.FRESH))
    misses = [(r["doc"], r["query"], r["rank"]) for r in got["rows"] if r["rank"] != 1]
    assert got["which"]["empty"] <= 7 and got["which"]["hit@1"] >= 0.9, misses


# ------------------------------------------------------------------ post clauses naming a unit by its kind
def _posts_by_doc(national_documents, doc_id):
    doc = next(d for d in national_documents if d.document.id == doc_id)
    return {(p.unit[-1], p.title) for p in doc.posts if p.kind == "post"}


def test_a_bare_unit_word_in_a_post_clause_means_the_unit_just_set_up(national_documents):
    # K0000129 第6條: 「本處為便利施工，得設若干工務所。所置主任一人」
    assert ("工務所", "主任") in _posts_by_doc(national_documents, "K0000129")
    # A0010016: 「…得設立各種研究中心。中心置主任一人」: any number of them, none named (no unit): the agency's, one
    # in each 中心 (the thirteenth sample's gold)
    doc = next(d for d in national_documents if d.document.id == "A0010016")
    heads = [(p.unit[-1], p.per) for p in doc.posts if p.kind == "post" and p.title == "主任"]
    assert heads == [("中央研究院", "中心")]


def test_self_references_and_counts_are_no_units_of_posts(national_documents):
    # U0010025 第3條: 「本室設三課及置總務人員、主計員、人事管理員」: the 審計室's own posts
    posts = _posts_by_doc(national_documents, "U0010025")
    assert ("福建省金門縣審計室", "主計員") in posts and not any("設三課" in u for u, _ in posts)
    # K0000049 第2條: 「本隊設各課、室」: 本隊 is the 航空隊 itself, its 課 directly below it
    doc = next(d for d in national_documents if d.document.id == "K0000049")
    assert {u.path[-2] for u in doc.units if u.path[-1] in ("航務課", "機務課")} == {"航空隊"}


def test_a_body_with_a_law_of_its_own_is_an_agency_under_this_one():
    # 國家安全會議組織法 第9條: 「國家安全會議及其所屬國家安全局應受立法院之監督，國家安全局組織另以法律定之。」
    # 立法院組織法: 「立法院各委員會之組織，另以法律定之」 names no one body.
    nsc = parse("A0010021")
    found = [u for u in nsc.units if u.path[-1] == "國家安全局"]
    assert [u.path[-2] for u in found] == ["國家安全會議"] and found[0].kind == "Agency"
    assert "國家安全局組織另以法律定之" in loaders.read_bytes(corpus.national_file("A0010021"), "A0010021.json")[0] \
        .splitlines()[found[0].source.line - 1].replace(" ", "")
    assert not [u for u in parse("A0010044").units if "各委員會" in u.path[-1]]


def test_units_named_together_are_each_a_unit_or_none():
    # 司法院組織法: 「司法院設各級法院、行政法院及懲戒法院」; 法院組織法: 「地方法院與高等法院分設刑事強制處分庭」,
    # 「各級檢察署及檢察分署置檢察官」; 衛生福利部組織法 第5條: 「五、社會及家庭署：…」 (one name).
    judicial = {u.path[-1] for u in parse("A0010051").units}
    assert {"行政法院", "懲戒法院"} <= judicial and "行政法院及懲戒法院" not in judicial
    courts = {u.path[-1] for u in parse("A0010053").units}
    assert not {"地方法院與高等法院", "各級檢察署"} & courts
    assert "社會及家庭署" in {u.path[-1] for u in parse("L0000055").units}


# ------------------------------------------------------------------ named members win over the family word
def _duties_of(parsed, name: str) -> list[str]:
    return [d.text for d in parsed.duties if d.unit[-1] == name and not d.post]


def test_a_family_named_in_the_title_is_a_family_of_its_named_members():
    # K0000127 「交通部公路總局北、中、南部汽車技術訓練中心暫行組織規程」 第2條「交通部公路總局北、中、南部汽車技術訓練
    # 中心 (以下簡稱各中心) 設各課及工場，分別掌理下列事項：一、教務課：… 三、實習工場：…」: three 中心, each with
    # the 課 and the 工場 the items name (工場 is a kind, as 課 is, not a unit).
    training = parse("K0000127")
    assert training.agency == ("交通部", "公路總局", "各汽車技術訓練中心")
    assert below(training) == {name: ["各汽車技術訓練中心"] for name in (
        "北部汽車技術訓練中心", "中部汽車技術訓練中心", "南部汽車技術訓練中心", "教務課", "總務課", "實習工場")}
    members = [u for u in training.units if u.path[-1].endswith("部汽車技術訓練中心")]
    assert {u.written for u in members} == {"北、中、南部汽車技術訓練中心"}
    assert _duties_of(training, "實習工場") == ["實習機件保養、車輛修護、車輛調度及技工管理等事項"]
    # K0000130 「交通部公路局西部濱海公路北、南區工程處暫行組織規程」 第2條「公路局西部濱海公路北、南區工程處 (以下簡稱
    # 各工程處) 設三課，分別掌理下列各項：一、設計課：工程設計事項。」: named as the genre names families (各區).
    works = parse("K0000130")
    assert works.agency[-1] == "西部濱海公路各區工程處"
    assert set(below(works)) == {"西部濱海公路北區工程處", "西部濱海公路南區工程處", "設計課", "工程課", "供應課"}
    # H0000065 「國立新竹彰化臺南臺東社會教育館暫行組織規程」 runs the names together; 第2條 lists them:
    # 「國立新竹、彰化、台南、台東社會教育館 (以下簡稱社教館) 隸屬教育部，設下列各組、室…：一、研究組：…」.
    halls = parse("H0000065")
    assert halls.agency[-1] == "國立各社會教育館"
    assert set(below(halls)) == {"國立新竹社會教育館", "國立彰化社會教育館", "國立台南社會教育館", "國立台東社會教育館",
                                 "研究組", "推廣組", "輔導組", "秘書室"}


def test_members_named_in_the_text_are_units_though_they_do_not_end_with_the_family_name():
    # D0000166 「內政部警政署保安警察總隊組織準則」 第1條「…特設保安警察第一總隊至第七總隊（以下簡稱各總隊）。」
    corps = parse("D0000166")
    assert list(below(corps)) == [f"保安警察第{n}總隊" for n in "一二三四五六七"]
    assert {u.written for u in corps.units[len(corps.agency):]} == {"保安警察第一總隊至第七總隊"}


def test_an_item_of_a_list_of_units_may_name_the_unit_and_its_duty_in_one_sentence():
    # D0000117 第4條「行政長官公署設左列各處：一、秘書處掌理機要、庶務…暨其他不屬於各處事項。…六、警務處掌理…」
    hainan = parse("D0000117")
    assert {"秘書處", "民政處", "財政處", "教育處", "建設處", "警務處"} <= set(below(hainan))
    assert _duties_of(hainan, "警務處") == ["警察、保安、兵役及其他有關警政事項"]
    # A0010009 第2條「分組審查應設下列三組：一、第一審查小組審查關於人民權利義務與基本國策之修憲提案。」
    review = parse("A0010009")
    assert list(below(review)) == ["第一審查小組", "第二審查小組", "第三審查小組"]
    assert _duties_of(review, "第二審查小組") == ["審查關於中央政府體制之修憲提案"]
    # (never a sub-item's subject: G0310022 「（四）證券交易所辦理僑外人投資證券、期貨登記事項之管理。」)
    assert "證券交易所" not in below(parse("G0310022"))


def test_a_units_zhize_are_its_duties():
    # S0070007 第5條「本會設一、二、三、四組…」, 第7條「第一組職責如左：一、本保險法制之研究及改進建議。」
    board = parse("S0070007")
    assert list(below(board)) == ["第一組", "第二組", "第三組", "第四組"]
    assert _duties_of(board, "第一組")[0] == "本保險法制之研究及改進建議"
    # J0010003 第4條「第一組設組長副組長各一人，均由技正兼任其掌管事項如左項：」, 第8條「秘書室設主任一人，其掌管事項
    # 如左：一、關於文書收發、繕校稽催及檔案管理暨印信典守事項。」
    bureau = parse("J0010003")
    assert {"第一組", "第二組", "第三組", "檢驗處", "秘書室"} <= set(below(bureau))
    assert "關於文書收發、繕校稽催及檔案管理暨印信典守事項" in _duties_of(bureau, "秘書室")


def test_units_set_up_in_a_sentence_that_goes_on_or_opens_a_list_ended_by_a_full_stop():
    # D0010035 第3條「本所設第一課、第二課、第三課、第四課、秘書室、…人事室、會計室分別掌理本所組織條例及本細則
    # 第二章規定之有關業務。」: the list ends where 分別掌理 begins.
    assert {"第一課", "第四課", "秘書室", "機動通訊中心", "會計室"} <= set(below(parse("D0010035")))
    # J0010004 第3條「本分局分局長綜理局務，副分局長襄理局務，並設左列各課室站處。」 + 「一、第一課」 …
    # 「十、高雄港第二港口辦事處。」: 並設 is the agency's, and the list follows a full stop.
    branch = set(below(parse("J0010004")))
    assert {"第一課", "第六課", "人事室", "高雄國際機場動植物檢疫站", "高雄港第二港口辦事處"} <= branch
    # J0010008 第3條「…副分局長襄理局務並設左列各課室。」 (no comma before 並設)
    assert {"第一課", "第六課", "會計室", "人事室"} <= set(below(parse("J0010008")))
    # L0000021 第6條「本會設左列各組：一、業務監理組。二、財務監理組。」
    assert {"業務監理組", "財務監理組"} <= set(below(parse("L0000021")))
    # D0000099 第2條「…民防指揮管制中心 (以下簡稱本中心) ，設業務組、修護組、指揮管制組 (第一、二、三、四組) ，
    # 並掌理下列事項：一、關於防空情報之蒐集…」: the aside ends the list, and 並掌理 goes on with the agency.
    civil = parse("D0000099")
    assert {"業務組", "修護組"} <= set(below(civil))
    assert any(d.text.startswith("關於防空情報之蒐集") for d in civil.duties if d.unit == civil.agency)
    # D0010039 第3條「…分別掌理內政部警政署港務警察局組織通則第二條及第二章所定之事項」 points elsewhere: no duty.
    assert not [d for d in parse("D0010039").duties if "組織通則第二條" in d.text]


def test_a_unit_found_by_its_name_goes_below_the_unit_under_it_charged_with_the_matter():
    # K0000001:26 names 高速公路局 (國道 → 高速公路, planner.tsv); K0010146:31–32 charge its 分局's 勞安科 with
    # 「國道相關工程職業安全…」: the name says where, the duty who.
    from graph_model.graph.graph import OrgGraph
    from queries.lookup.ask import ask_graph
    graph = OrgGraph.build([parse("K0000001"), parse("K0010146")])
    hits = ask_graph(graph, "國道工程職安", top=3).hits
    bureau = "行政院/交通部/高速公路局"
    assert [h.unit["id"] for h in hits[:2]] == [bureau + "/各區養護工程分局/勞安科", bureau]
    assert hits[0].evidence[0].kind == "duty" and hits[1].evidence[0].kind == "unit"
    assert hits[1].score < hits[0].score


def test_a_family_member_set_up_by_its_own_rules_is_one_node_with_its_family_member():
    # D0000167:4: 警政署 「特設基隆、臺中、高雄及花蓮港務警察總隊（以下簡稱各總隊）」; D0010110 is 基隆港務警察總隊's
    # own office rules: one 基隆港務警察總隊 under 警政署 with its own units; the family keeps the duties it
    # gives all four (D0000167:6–7), and the other three stay its members.
    from graph_model.graph.graph import OrgGraph
    graph = OrgGraph.build([parse("D0000167"), parse("D0010110")])
    keelung = [n for n, d in graph.g.nodes(data=True)
               if "Unit" in d.get("labels", []) and d["name"] == "基隆港務警察總隊"]
    assert keelung == ["行政院/內政部/警政署/基隆港務警察總隊"]
    assert "行政院/內政部/警政署/基隆港務警察總隊/督訓科" in graph
    family = "行政院/內政部/警政署/港務警察總隊"
    members = ("臺中港務警察總隊", "高雄港務警察總隊", "花蓮港務警察總隊")
    assert graph.children(family) == [family + "/" + n for n in members]
    assert any(d["text"].startswith("交通部航港局所轄區域與工業專用港港區") for d, _ in graph.duties_of(family))


def test_a_short_form_by_the_initials_rule_of_a_units_name_is_asked_in_the_names_words():
    # M0000106:4 sets up 阿里山林業鐵路及文化資產管理處; its 第2條 item 6 (line 12) charges it with
    # 「阿里山林業鐵路客貨運經營」.  No text says 林鐵: the initials of 林業鐵路, a word of its name, stand for it.
    from graph_model.graph.graph import OrgGraph
    from queries.lookup.ask import ask_graph
    from queries.lookup.which import index_of
    graph = OrgGraph.build([parse("M0000106"), parse("M0010059")])
    hits = ask_graph(graph, "林鐵客運經營", top=3).hits
    assert hits[0].unit["name"] == "阿里山林業鐵路及文化資產管理處" and hits[0].evidence[0].line == 12
    assert hits[0].synonyms[0]["term"] == "林鐵" and hits[0].synonyms[0]["source"] == "rule: initials"
    # A short form some text holds is that text's word, not a name's initials (路文: 「…鐵路文化…」).
    index = index_of(graph)
    held = [t for t in index.catalog.initials if t in index.postings]
    assert held and not any(index.catalog.initials_in(t, index.postings.__contains__) for t in held)
    # Nor one whose characters belong to a word held beside it (林鐵路 holds 鐵路; 某條法規 holds 法規).
    assert index.catalog.initials_in("林鐵", index.postings.__contains__)
    assert not index.catalog.initials_in("林鐵路", index.postings.__contains__)


# ------------------------------------------------------------------ no junk unit
def _posts(parsed, line: int) -> set[tuple[str, str]]:
    return {(p.unit[-1], p.title) for p in parsed.posts if p.kind == "post" and p.source.line == line}


def test_posts_of_every_unit_of_a_kind_go_to_each_of_them():
    # A0010051 第10條: 「司法院各廳各置廳長、副廳長一人；各處各置處長、副處長一人。」 after 第9條's list of
    # 廳 and 處 (「一、民事廳。」 … 「十、新聞及法治宣導處。」); the 處 of 第13條 (人事處 …) are set up later,
    # with posts of their own.
    parsed = parse("A0010051")
    posts = _posts(parsed, 46)
    halls = ("民事廳", "刑事廳", "行政訴訟及懲戒廳", "少年及家事廳", "司法行政廳", "憲法法庭書記廳")
    offices = ("秘書處", "資訊處", "公共關係處", "新聞及法治宣導處")
    assert {(h, t) for h in halls for t in ("廳長", "副廳長")} | {(o, t) for o in offices for t in ("處長", "副處長")} \
        == posts
    assert not any("各" in u.path[-1] for u in parsed.units)
    # A0030229 第65條: 「書記處得分設智慧財產紀錄科、商業紀錄科、…及訴訟輔導科。…」 +
    # 「前項各科置科長一人，…各置股長一人。」
    posts = _posts(parse("A0030229"), 202)
    assert {u for u, t in posts if t == "科長"} == {"智慧財產紀錄科", "商業紀錄科", "智慧財產執行紀錄科", "文書科",
                                                   "研究考核科", "總務科", "資料科", "訴訟輔導科"}
    # U0000001 第9條: 「審計部各廳及資訊處各置廳長或處長一人，…各廳、資訊處及覆審室各置科長三人至五人」
    posts = _posts(parse("U0000001"), 42)
    assert {u for u, t in posts if t == "廳長或處長"} == {f"第{n}廳" for n in "一二三四五六"} | {"資訊處"}
    assert {u for u, t in posts if t == "科長"} == {f"第{n}廳" for n in "一二三四五六"} | {"資訊處", "覆審室"}
    # K0000114 第4條: 「本所各課各置課長一人、總務室主任一人」: the 總務室主任 is its 總務室's, not every 課's
    posts = _posts(parse("K0000114"), 19)
    assert {u for u, t in posts if t == "總務室主任"} == {"總務室"}
    assert {u for u, t in posts if t == "課長"} == {"業務課", "倉儲課", "機具管理課"}


def test_posts_of_unnamed_units_of_a_kind_are_the_agencys_per_unit():
    # F0000035: 「本公司設六處、五室，分別掌理有關業務。」 names none of them;
    # 「本公司各處置處長、副處長；各室置室主任、室副主任」: the company's posts, one in every 處 (室)
    parsed = parse("F0000035")
    posts = {(p.unit[-1], p.title, p.per) for p in parsed.posts if p.kind == "post" and p.source.line == 12}
    assert ("榮民工程股份有限公司", "處長", "處") in posts and ("榮民工程股份有限公司", "室主任", "室") in posts
    assert not any("各" in p.unit[-1] for p in parsed.posts)


def test_every_level_names_no_unit_of_its_own():
    # A0010051 第6條: 「司法院設各級法院、行政法院及懲戒法院；其組織均另以法律定之。」: no court 「級法院」
    names = {u.path[-1] for u in parse("A0010051").units}
    assert {"行政法院", "懲戒法院"} <= names and not any(n.startswith(("級", "各級")) for n in names)
    # A0010053 第66-2條: 「各級檢察署及其檢察分署設檢察事務官室，置檢察事務官」: the 室 of the 檢察署 set up,
    # none of 「級…」
    parsed = parse("A0010053")
    assert not any(n.startswith("級") for p in parsed.posts for n in p.unit)
    assert ("檢察事務官室", "檢察事務官") in _posts(parsed, 340)
    # A0010055 第23條: 「各級行政法院得置通譯、技士…」: the 最高行政法院's and the 高等行政法院's
    assert {u for u, t in _posts(parse("A0010055"), 157) if t == "通譯"} == {"最高行政法院", "高等行政法院"}


def test_a_class_of_a_family_names_no_unit_its_items_do():
    # K0000235 第4條: 「甲等航空站各組掌理事項如下：」 + 「一、業務組掌理事項如下：」: the 業務組 of 各航空站
    # (甲等 and 乙等 alike)
    parsed = parse("K0000235")
    assert not any("航空站各組" in n for u in parsed.units for n in u.path)
    assert ("各航空站", "業務組") in {u.path[-2:] for u in parsed.units}
    # A0020042 第3條: 「本館設各處、室及各種委員會」, A0010016 第29條:
    # 「並得因業務需要，設其他各種委員會；所需工作人員…」
    assert not any("各種" in u.path[-1] for u in parse("A0020042").units)
    assert not any("各種" in n for p in parse("A0010016").posts for n in p.unit)
