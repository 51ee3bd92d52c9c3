"""The corpus's own definitions (「…（以下簡稱…）」): read by the loaders, kept in the store, asked with."""
from __future__ import annotations

import re

import pytest

from graph_model.graph.graph import OrgGraph
from graph_model.records.records import parsed_from_dict, to_dict
from loaders import parse_text
from queries.lookup.ask import ask_graph

# A ministry's act that defines a term and a generic word of its own, and a council's act that names one of
# the ministry's divisions by a short name it defines (and says 本會 for itself).
MINISTRY = """示範福利部組織法
第 1 條
行政院為辦理全國社會福利業務，特設示範福利部（以下簡稱本部）。
第 2 條
本部掌理下列事項：
一、身心障礙者（以下簡稱身障者）福利政策之規劃及推動。
二、社會救助之規劃。
三、社會福利園區與兒童福利園區（以下簡稱園區）之管理。
第 3 條
本部設下列單位：
一、身心障礙福利司：身心障礙者權益保障之規劃及督導。
二、救助司：社會救助事項。
"""
COUNCIL = """示範發展委員會組織法
第 1 條
行政院為統籌國家發展之規劃，特設示範發展委員會（以下簡稱本會）。
第 2 條
本會掌理下列事項：
一、國家發展計畫之研擬。
二、身心障礙者權益保障之協調。
第 3 條
本會置委員九人，其中一人由示範福利部身心障礙福利司（以下簡稱障福司）司長兼任。
"""


@pytest.fixture(scope="module")
def docs():
    return [parse_text(MINISTRY, "m1", genre="org_act"), parse_text(COUNCIL, "n1", genre="org_act")]


@pytest.fixture(scope="module")
def graph(docs):
    return OrgGraph.build(docs)


def test_the_loader_records_what_a_document_defines_but_its_words_for_itself(docs):
    ministry, council = docs
    # 本部 and 本會 are the documents' words for themselves: their aliases have them, the definitions not.
    assert [(d.short, d.full, d.source.line, d.source.article) for d in ministry.definitions] == \
        [("身障者", "身心障礙者", 6, "第2條"), ("園區", "社會福利園區與兒童福利園區", 8, "第2條")]
    assert [(d.short, d.full) for d in council.definitions] == [("障福司", "示範福利部身心障礙福利司")]


def test_definitions_are_kept_in_the_store_and_on_the_documents_node(docs, graph):
    ministry = docs[0]
    assert parsed_from_dict(to_dict(ministry)).definitions == ministry.definitions
    assert "definitions" not in to_dict(parse_text(MINISTRY.replace("（以下簡稱身障者）", "").replace(
        "（以下簡稱園區）", ""), "m2", genre="org_act"))["extras"]  # a document that defines nothing keeps no key
    assert graph.node("doc:m1")["definitions"] == [["身障者", "身心障礙者", 6, "第2條"],
                                                   ["園區", "社會福利園區與兒童福利園區", 8, "第2條"]]


def test_a_question_naming_a_unit_by_a_short_name_another_document_defines_is_answered_inside_it(graph):
    # 障福司 is a division, not an agency: the council's act defines its short name.
    a = ask_graph(graph, "障福司管的權益保障", top=3)
    assert a.scope is not None and a.scope.written == "障福司"
    assert a.scope.units == ["行政院/示範福利部/身心障礙福利司"]
    assert a.scope.how == "defined at n1:9 for 示範福利部身心障礙福利司"
    assert [h.unit["id"] for h in a.hits] == ["行政院/示範福利部/身心障礙福利司"]
    # Asked without it, the council's duty of the same words answers too.
    assert len(ask_graph(graph, "權益保障", top=3).hits) == 2


def test_a_defined_term_is_also_asked_in_its_long_form(graph):
    # No duty of the division says 身障者: the ministry's act defines it for 身心障礙者.
    hit = {h.unit["id"]: h for h in ask_graph(graph, "身障者權益", top=3).hits}["行政院/示範福利部/身心障礙福利司"]
    assert hit.synonyms == [{"term": "身障者", "replacements": ["身心障礙者"],
                             "reason": "defined in the documents: 「身心障礙者（身障者）」", "source": "m1:6"}]
    assert "身障者" not in hit.evidence[0].text


def test_a_short_form_that_is_only_a_part_of_its_long_form_is_no_vocabulary(graph):
    # 園區 is the act's generic word for the parks it has just named: a question saying 園區 means no park of
    # this act in particular.
    terms = {s.term for s in graph_catalog(graph).synonyms}
    assert "身障者" in terms and "園區" not in terms


def graph_catalog(graph):
    from queries.lookup.which import index_of
    return index_of(graph).catalog


def test_the_bundled_samples_define_a_term_and_which_explains_where(run):
    # 004 line 766: 「政府派赴國外工作人員係指…之人員（以下簡稱派外人員）」: the term, not its meaning.
    out = run("which", "派外人員子女返國就學", "--top", "1", "--explain").stdout
    assert re.search(r"Also asked as 「政府派赴國外工作人員子女 返國就學」: 派外人員子女 → 政府派赴國外工作人員子女 "
                     r"\(004_cb8c5378b4c98a4f:767: defined in the documents: ", out)


def test_a_short_name_of_two_characters_or_of_many_units_is_vocabulary_not_a_scope():
    from queries.lookup.definitions import read_definitions
    from queries.lookup.rows import IndexUnit
    police = IndexUnit("行政院/內政部/警政署/基隆港務警察總隊", "基隆港務警察總隊",
                       ["行政院", "內政部", "警政署", "基隆港務警察總隊"], "Division", "總隊", "", [])
    appeals = [IndexUnit(f"行政院/{m}/訴願審議委員會", "訴願審議委員會", ["行政院", m, "訴願審議委員會"], "Committee",
                         "委員會", "", []) for m in ("內政部", "財政部", "教育部", "法務部")]
    names, terms = read_definitions([["港警", "內政部警政署基隆港務警察總隊", "d", 4],
                                     ["訴願會", "訴願審議委員會", "e", 6]], [police, *appeals])
    assert names == {}  # 港警 is read inside other words as easily; 訴願會 is a kind of body
    assert [(t.short, t.full) for t in terms] == [("港警", ("內政部警政署基隆港務警察總隊",)),
                                                  ("訴願會", ("訴願審議委員會",))]
