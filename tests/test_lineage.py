"""Which documents are the current government: graph_model/graph/lineage.py on real documents.

The whole corpus is data/national.tar.xz (parsed once per session, ``national_documents``); the
sentences quoted in each test are the documents' own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_model.graph.lineage import Status, roc_date, statuses
from graph_model.records.records import Document, ParsedDocument


def doc(pcode, title, genre="org_act", **meta) -> ParsedDocument:
    return ParsedDocument(Document(pcode, title, genre, meta=meta))


@pytest.fixture(scope="module")
def status(national_documents) -> dict[str, Status]:
    return statuses(national_documents)


# ------------------------------------------------------------------ the current government stays
@pytest.mark.parametrize("pcode, title", [
    ("A0010032", "行政院組織法"), ("D0000001", "內政部組織法"), ("L0000055", "衛生福利部組織法"),
    ("M0000050", "農業部農糧署組織法"), ("K0000207", "交通部公路局組織法"), ("K0000209", "交通部航港局組織法"),
    # 「本法施行後，…不再適用」 and 「…判例…應停止適用」 are about other things, not the law itself.
    ("I0000024", "法務部矯正署組織法"), ("A0010053", "法院組織法"),
    # 「…令廢止行政院一百零五年一月八日…號令」 repealed an order that set a date, not the law.
    ("D0090030", "海洋委員會組織法"),
    # 法務部行政執行署組織條例 was repealed, but the agency's 處務規程 is in force: its units stay.
    ("I0000035", "法務部行政執行署各分署組織準則")])
def test_current_documents_stay_current(status, national_documents, pcode, title):
    assert next(p.document.title for p in national_documents if p.document.id == pcode) == title
    assert status[pcode].state == "current", status[pcode]


# ------------------------------------------------------------------ abolished
def test_a_document_marked_abolished_is_abolished_with_its_repeal_order(status):
    s = status["L0000001"]  # 行政院衛生署組織法, 廢止註記 「廢」
    assert (s.state, s.date, s.where) == ("abolished", "2015-06-24", "L0000001 沿革內容")
    repeal, succession = s.evidence.split("；", 1)
    assert repeal.endswith("總統華總一義字第10400073931號令公布廢止")
    # Repealed when 衛生福利部 took over (data/lineage.tsv: the documents do not say so): it names it.
    assert s.successors == ("衛生福利部",) and succession.startswith("行政院衛生署 → 衛生福利部：衛生福利部組織法")


# ------------------------------------------------------------------ superseded, by what the documents say
def test_a_transitional_article_of_the_successor_supersedes_the_agency_and_what_is_below_it(status):
    # 交通部公路局組織法 第7條 「本法施行前原交通部公路總局及所屬機關（構）隨同業務移撥…」
    s = status["K0000058"]  # 交通部公路總局組織法, not marked 廢
    assert (s.state, s.successors, s.date) == ("superseded", ("交通部公路局",), "2023-09-15")
    assert s.where == "K0000207 line 29 第7條" and "原交通部公路總局及所屬機關（構）隨同業務移撥" in s.evidence
    below = status["K0000060"]  # 交通部公路總局材料試驗所組織條例
    assert below.state == "superseded" and below.where == "K0000207 line 29 第7條"


def test_a_repeal_order_issued_by_the_successor(status):
    # 行政院農業委員會漁業署辦事細則 (M0010009): 「…農業部農人字第1120251140號令發布廢止」
    s = status["M0000004"]  # 行政院農業委員會漁業署組織條例 (1998), not marked 廢
    assert (s.state, s.successors, s.date, s.where) == ("superseded", ("農業部",), "2023-11-29",
                                                        "M0010009 沿革內容")
    assert "農業部農人字第1120251140號令發布廢止" in s.evidence
    assert status["O0000001"].successors == ("環境部",)  # 行政院環境保護署組織條例


def test_the_reorganisations_names(status):
    # 交通部中央氣象局 → 交通部中央氣象署 (its act in force from 112.09.15); 行政院客家委員會 → 客家委員會.
    s = status["K0000025"]
    assert (s.state, s.successors, s.date) == ("superseded", ("交通部中央氣象署",), "2023-09-15")
    assert status["K0000026"].state == "superseded"  # 交通部中央氣象局附屬氣象測報機構組織通則: below it
    assert status["D0000122"].state == "superseded"  # 行政院客家委員會法規委員會組織規程
    # Two organization acts in force for one agency: the 條例 gives way to the newer 法.
    assert status["D0000069"].successors == ("內政部消防署組織法",)


def test_a_body_whose_basis_stopped_applying(status):
    s = status["A0010002"]  # 國民大會代表資格審查委員會組織規程
    assert (s.state, s.evidence, s.where) == ("superseded", "國民大會（憲法國民大會章條文已停止適用）",
                                              "A0010002 法規類別")


def test_where_the_documents_are_silent_the_table_says_it_with_its_source(status):
    s = status["K0010068"]  # 交通部臺灣鐵路管理局辦事細則
    assert (s.state, s.successors, s.date) == ("superseded", ("國營臺灣鐵路股份有限公司",), "2024-01-01")
    assert s.where.startswith("data/lineage.tsv line ") and "設置條例" in s.evidence


# ------------------------------------------------------------------ rules on small documents
def test_a_sunset_clause_in_the_history():
    # The 沿革 of 行政院農業委員會組織條例, as the database has it.
    sunset = "本條例於行政院組織法暨農業部組織法通過生效後失效"
    coa = doc("M0000001", "行政院農業委員會組織條例", updated="20040114", history=f"1.中華民國…\r\n2.{sunset}")
    rules = doc("M0000099", "行政院農業委員會林務局辦事細則", "office_rules", updated="20100101")
    got = statuses([coa, rules], table=[])
    assert got["M0000001"] == Status("M0000001", "superseded", ("農業部",), "", f"2.{sunset}", "M0000001 沿革內容")
    assert got["M0000099"].state == "superseded" and got["M0000099"].where == "M0000001 沿革內容"


def test_a_rename_leaves_the_old_title_as_history():
    # H0000139 國家科學及技術委員會組織法, 沿革 entry 2.
    entry = ("2.中華民國一百十一年一月十九日總統華總一義字第11100003431號令修正公布名稱及全文10條；施行日期，"
             "由行政院以命令定之（原名稱：科技部組織法；新名稱：國家科學及技術委員會組織法）")
    new = doc("H0000139", "國家科學及技術委員會組織法", updated="20220119", history=entry)
    old = doc("X1", "科技部組織法", updated="20140101")
    got = statuses([new, old], table=[])
    assert (got["X1"].state, got["X1"].successors, got["X1"].date) == \
        ("superseded", ("國家科學及技術委員會組織法",), "2022-01-19")
    assert got["H0000139"].state == "current"


def test_an_agency_that_still_issues_rules_is_not_taken_for_succeeded():
    # A repeal order of the successor, but the old agency has rules dated after it: the evidence is not for it.
    repealed = doc("A", "交通部觀光局辦事細則", "office_rules", updated="20231222", abolished=True,
                   history="1.中華民國一百十二年十二月二十二日交通部觀光署觀人字第11260009461號令發布廢止")
    newer = doc("B", "交通部觀光局處務規程", "office_rules", updated="20240101")
    assert statuses([repealed, newer], table=[])["B"].state == "current"


def test_statuses_do_not_depend_on_the_order_of_the_documents(national_documents, status):
    assert statuses(list(reversed(national_documents))) == status


def test_roc_dates():
    assert roc_date("中華民國一百十二年十一月二十三日交通部") == "2023-11-23"
    assert roc_date("八十七年七月十三日") == "1998-07-13" and roc_date("no date") == ""


# ------------------------------------------------------------------ the store, the loader and the cache
def test_the_loader_keeps_the_sentences_that_tell_lineage_with_line_and_article():
    import sys

    from support import REPO
    sys.path.insert(0, str(REPO / "eval"))
    import corpus

    import loaders
    parsed = loaders.parse_bytes(corpus.national_file("K0000207"), "K0000207.json")
    text = loaders.read_bytes(corpus.national_file("K0000207"), "K0000207.json")[0]
    # what the body is for (第1條) and where the old bureau's staff went (第7條)
    [purpose, (line, article, sentence)] = parsed.document.meta["clauses"]
    assert purpose == [4, "第1條", "交通部為辦理公路工程及公路管理業務，特設公路局（以下簡稱本局）。"]
    assert (line, article) == (29, "第7條") and text.splitlines()[line - 1] == sentence


def test_current_documents_leaves_out_the_superseded(national_documents):
    from graph_model.store.store import current_documents
    ids = {p.document.id for p in current_documents(national_documents)}
    assert "M0000051" in ids and "M0000004" not in ids  # 農業部漁業署組織法, not 行政院農業委員會漁業署組織條例
    assert len(ids) < sum(1 for p in national_documents if not p.document.meta.get("abolished"))


def test_the_graph_cache_key_changes_with_the_succession_table(tmp_path, monkeypatch):
    from graph_model.graph import lineage
    from graph_model.store import graph_cache
    table = tmp_path / "lineage.tsv"
    table.write_text("agency\tsuccessor\tdate\tsource\n", encoding="utf-8")
    monkeypatch.setattr(lineage, "TABLE", table)
    before = graph_cache.code_version()
    table.write_text("agency\tsuccessor\tdate\tsource\n甲局\t乙署\t2024-01-01\t某條例\n", encoding="utf-8")
    assert graph_cache.code_version() != before
    assert (Path(graph_cache.__file__).parents[1] / "graph" / "lineage.py").is_file()  # hashed with graph_model/**/*.py


def test_a_body_under_a_succeeded_parent_is_succeeded_by_the_body_of_its_name():
    """The reorganisation moved 交通部公路總局 › 各區監理所 under 交通部公路局, which sets up 各區監理所 too:
    that body is its successor, not only the ministry-level heir of its parent; a preparatory office
    named 「X籌備處」 became X."""
    from graph_model.graph.graph import OrgGraph
    from graph_model.graph.succession import mark
    from graph_model.records.records import Document, ParsedDocument, Source, UnitRecord

    def doc(pcode, path, *below):
        units = [UnitRecord(path, "Agency", path[-1][-1], Source(pcode, 1), full_name="".join(path))]
        units += [UnitRecord(path + (b,), "Agency", b[-1], Source(pcode, 5)) for b in below]
        return ParsedDocument(Document(pcode, "".join(path) + "組織法", "org_act"), units=units)

    docs = [doc("K1", ("交通部", "公路總局"), "各區監理所"), doc("K2", ("交通部", "公路局"), "各區監理所"),
            doc("H1", ("教育部", "國立海洋生物博物館籌備處")), doc("H2", ("教育部", "國立海洋生物博物館"))]
    g = OrgGraph.build(docs)
    mark(g, {"K1": Status("K1", "superseded", ("交通部公路局",), "2023-09-15", "…", "K2 line 9"),
             "K2": Status("K2", "current"), "H1": Status("H1", "abolished"), "H2": Status("H2", "current")})
    assert [t for t, _ in g.out("交通部/公路總局/各區監理所", "SUCCEEDED_BY")] == ["交通部/公路局/各區監理所"]
    assert [t for t, _ in g.out("教育部/國立海洋生物博物館籌備處", "SUCCEEDED_BY")] == ["教育部/國立海洋生物博物館"]
    assert g.node("交通部/公路總局")["successors"] == ["交通部公路局"]  # not its 各區監理所's heir too


def test_an_agency_its_parents_newer_act_no_longer_lists_is_abolished(status, national_documents):
    # 交通部航政局組織法 is in force (not marked 廢), but 交通部組織法 (2023) 第5條 「本部之次級機關及其業務如下」
    # lists 觀光署 … 航港局 and no 航政局.
    text = {p.document.id: p for p in national_documents}
    assert text["K0000014"].document.meta.get("abolished") is False
    listed = [u.path[-1] for u in text["K0000001"].units if u.source.article == "第5條"]
    assert "航港局" in listed and "航政局" not in listed
    s = status["K0000014"]
    assert s.state == "abolished" and s.where.startswith("K0000001 line ") and "未列航政局" in s.evidence
    # 衛生福利部組織法 第5條 lists 「五、社會及家庭署」: its own act stays current.
    assert "社會及家庭署" in [u.path[-1] for u in text["L0000055"].units]
    assert status["L0000058"].state == "current"


def test_the_order_that_repealed_a_bodys_rules_and_set_up_another_names_the_successor(status):
    # 國立臺灣工藝研究所暫行組織規程: 「…文人字第09824250491號令發布廢止」; 國立臺灣工藝研究發展中心辦事細則:
    # 「…文人字第09824250491號令訂定發布全文18條」.
    s = status["H0000081"]
    assert (s.state, s.successors, s.date) == ("abolished", ("國立臺灣工藝研究發展中心",), "2009-12-31")
    assert "09824250491" in s.evidence


def test_a_law_the_database_files_under_the_parents_successor_went_over_with_it(status):
    # 行政院衛生署緊急醫療救護諮詢委員會組織規程 (not repealed): 法規類別 「行政＞衛生福利部＞醫事目」.
    s = status["L0000032"]
    assert (s.state, s.successors, s.where) == ("superseded", ("衛生福利部緊急醫療救護諮詢委員會",),
                                                "L0000032 法規類別")
    # 行政院農業委員會農糧署各分署組織通則 is filed under 農業部, which is not where its parent (農糧署) stood.
    assert status["M0000014"].successors != ("農業部各分署",)


def test_a_successor_named_before_its_rename(status):
    # 行政院飛航安全委員會組織規程: 「…飛航安全調查委員會飛安字第1010208014號令發布廢止」 (the council's name
    # before 「原名稱：飛航安全調查委員會組織法；新名稱：國家運輸安全調查委員會組織法」).
    assert status["K0000045"].successors == ("飛航安全調查委員會",)


def test_rules_repealed_days_before_the_reorganisation_took_effect_name_the_successor(status):
    # 國立臺中圖書館辦事細則, repealed 「中華民國一百零一年十二月三十日」; 國立公共資訊圖書館組織法 「定自一百零二年
    # 一月一日施行」 (data/lineage.tsv: the rename, which the act does not state)
    s = status["H0010023"]
    assert (s.state, s.successors, s.date) == ("abolished", ("國立公共資訊圖書館",), "2012-12-30")


def test_a_reviewed_row_about_the_body_comes_before_the_order_that_repealed_its_rules(status):
    # 行政院農業委員會林務局農林航空測量所暫行組織規程, repealed by 農業部: the row names the 分署 it became
    s = status["M0000019"]
    assert s.successors == ("農業部林業及自然保育署航測及遙測分署",)
