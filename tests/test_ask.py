"""Questions as planners ask them: the agency they name, the level they ask at, their everyday words."""
from __future__ import annotations

import json
import re

import pytest

from queries.lookup.ask import analyse, ask_graph
from queries.lookup.rows import IndexUnit
from queries.lookup.vocabulary import AGENCIES, PLANNER, catalog, short_names, synonyms
from queries.textnorm import fold


@pytest.fixture(scope="module")
def national_text():
    """Every title and article of the national corpus, folded as the index folds them."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    import corpus
    parts = []
    for _name, data in corpus.archive_files():
        law = json.loads(data.decode("utf-8-sig"))
        parts.append(law["法規名稱"])
        parts += [a.get("條文內容", "") for a in law["法規內容"]]
    return re.sub(r"\s", "", fold("\n".join(parts)))


def test_every_document_word_of_the_planner_vocabulary_is_in_the_national_corpus(national_text):
    missing = [(s.source, w) for s in synonyms() for w in s.replacements if w.replace(" ", "") not in national_text]
    assert missing == []
    assert len(synonyms()) >= 150


def test_every_reviewed_short_name_stands_for_a_name_the_corpus_uses(national_text):
    rows = short_names()
    assert len(rows) >= 80
    assert [(r.source, r.full) for r in rows.values() if r.full not in national_text] == []


def test_each_vocabulary_row_cites_its_own_line():
    lines = PLANNER.read_text(encoding="utf-8").splitlines()
    for s in synonyms():
        n = int(s.source.rsplit(":", 1)[1])
        assert fold(lines[n - 1].split("\t")[0]) == s.term
    lines = AGENCIES.read_text(encoding="utf-8").splitlines()
    for r in short_names().values():
        assert fold(lines[int(r.source.rsplit(":", 1)[1]) - 1].split("\t")[0]) == r.short


def test_a_question_naming_an_agency_by_its_short_name_is_answered_inside_it(samples_graph):
    # 智慧局 is the reviewed short name of 經濟部智慧財產局 (003: 商標權組's 第一科 issues 商標註冊證).
    a = ask_graph(samples_graph, "智慧局哪個單位管商標註冊？", top=3)
    assert a.scope.units == ["經濟部/智慧財產局"] and "agencies.tsv" in a.scope.how
    assert a.hits and all(h.unit["id"].startswith("經濟部/智慧財產局/") for h in a.hits)
    assert a.hits[0].unit["id"] == "經濟部/智慧財產局/商標權組/第一科"
    assert a.notes == ["Inside 智慧局 (named in the question)."]


def test_a_short_name_alone_is_asked_by_the_name_it_stands_for(samples_graph, run):
    # 「智慧局」 alone shares no word with 003's duties (「智慧財產權…」): it said "No unit handles 「智慧局」";
    # it is 經濟部智慧財產局's reviewed short name, and that body is what the planner asks about.
    a = ask_graph(samples_graph, "智慧局", top=3)
    assert a.question.content == "智慧財產局" and a.question.named.units == ["經濟部/智慧財產局"]
    assert "經濟部/智慧財產局" in [h.unit["id"] for h in a.hits[:2]]
    out = run("which", "智慧局", "--explain").stdout
    assert "Named: 智慧局 = 經濟部/智慧財產局 (short name (agencies.tsv:63)): asked by its name" in out
    # with more than the name, the name is the scope as before
    assert analyse_samples(samples_graph, "智慧局商標註冊").scope.units == ["經濟部/智慧財產局"]


def test_agency_option_takes_the_short_name_a_question_takes(run):
    # `which 商標註冊 --agency 智慧局` said "no unit named '智慧局'" while 「智慧局哪個單位管商標註冊？」 was answered.
    hits = json.loads(run("which", "商標註冊", "--agency", "智慧局", "--json").stdout)
    assert hits and all(h["unit"]["id"].startswith("經濟部/智慧財產局/") for h in hits)
    assert hits[0]["unit"]["id"] == "經濟部/智慧財產局/商標權組/第一科"  # 003: 「商標註冊證之核發」
    # Other commands read UNIT by the documents' names only, and say which name to give.
    result = run("show", "智慧局")
    assert result.exit_code == 1 and result.stderr == (
        "Error: no unit named '智慧局': 智慧局 is short for 智慧財產局 (agencies.tsv:63); give the name 智慧財產局\n")
    assert run("show", "智慧財產局").exit_code == 0
    error = json.loads(run("tree", "智慧局", "--json").stdout)["error"]
    assert error["kind"] == "not_found" and "short for 智慧財產局" in error["message"]


def analyse_samples(graph, text):
    from queries.lookup.which import index_of
    index = index_of(graph)
    return analyse(text, index.catalog, index._trigger_set, index.postings.__contains__)


def test_a_question_naming_an_agency_where_nothing_matches_says_so_and_asks_the_whole_government(samples_graph):
    a = ask_graph(samples_graph, "關務署哪個單位管專利審查？", top=3)
    assert a.scope is None and a.notes == ["Nothing inside 關務署 matches; the whole government:"]
    assert a.hits and all(h.unit["id"].startswith("經濟部/智慧財產局/") for h in a.hits)


def test_a_question_naming_a_unit_inside_an_agency_looks_in_the_agency_when_the_unit_has_nothing(samples_graph):
    # 001 charges 高雄關's 嘉南分關 and 臺北關's 業務二組 with 保稅工廠; 基隆關 has no duty on it.
    a = ask_graph(samples_graph, "關務署基隆關哪個單位管保稅工廠？", top=3)
    assert [s.units for s in a.question.scope.chain()] == [["財政部/關務署/基隆關"], ["財政部/關務署"]]
    assert a.notes == ["Nothing inside 基隆關 matches.", "Inside 關務署 (named in the question)."]
    assert a.scope.units == ["財政部/關務署"]
    ids = [h.unit["id"] for h in a.hits]
    assert {"財政部/關務署/高雄關/嘉南分關", "財政部/關務署/臺北關/業務二組"} <= set(ids)
    assert all(i.startswith("財政部/關務署/") and not i.startswith("財政部/關務署/基隆關") for i in ids)


def test_inside_a_named_agency_one_distinctive_word_in_common_answers(samples_graph):
    # 001: 基隆關's 稽查組 keeps 「緝私船舶…之管理及維護」 — one word (緝私, the documents' 走私) of the question;
    # nothing in the whole government holds the question whole, so 基隆關's units answer, marked partial.
    a = ask_graph(samples_graph, "基隆關哪個單位處理緝獲的走私漁船拍賣？", top=3)
    assert a.scope.units == ["財政部/關務署/基隆關"]
    assert a.notes == ["Inside 基隆關 (named in the question), units sharing a word with it:"]
    assert a.hits[0].unit["id"] == "財政部/關務署/基隆關/稽查組" and all(h.partial for h in a.hits)
    assert a.hits[0].evidence[0].text.startswith("緝私船舶")
    # A word every unit has (規劃, 管理 …) is no such word: nothing inside, and the whole government says so.
    b = ask_graph(samples_graph, "基隆關哪個單位規劃尾牙抽獎？", top=3)
    assert b.scope is None and b.notes[-1] == "Nothing inside 基隆關 matches; the whole government:"


def test_which_agency_is_answered_with_agencies_through_their_units(samples_graph):
    # 001: 高雄關's 嘉南分關, 臺中關's 保稅組 and 臺北關's 業務二組 supervise bonded factories (保稅工廠).
    a = ask_graph(samples_graph, "哪個機關管保稅工廠？", top=5)
    assert a.question.level == "agency"
    ids = [h.unit["id"] for h in a.hits]
    assert ids[:3] == ["財政部/關務署/高雄關", "財政部/關務署/臺中關", "財政部/關務署/臺北關"]
    assert len(ids) == len(set(ids))
    assert a.hits[1].through == "財政部/關務署/臺中關/保稅組"
    assert a.hits[0].through == "財政部/關務署/高雄關/嘉南分關"


def test_a_body_with_units_of_its_own_is_named_at_any_depth():
    # 國史館臺灣文獻館 (its organization act's title) is a 館 under 國史館, with divisions of its own.
    path = ["總統府", "國史館", "臺灣文獻館"]
    units = [IndexUnit("總統府/國史館", "國史館", path[:2], "Agency", "館", "", []),
             IndexUnit("總統府/國史館/臺灣文獻館", "臺灣文獻館", path, "Division", "館", "",
                       ["國史館臺灣文獻館", "本館"]),
             IndexUnit("總統府/國史館/臺灣文獻館/採集組", "採集組", path + ["採集組"], "Division", "組", "", [])]
    q = analyse("國史館臺灣文獻館哪一組負責文獻採集？", catalog(units))
    assert q.scope is not None and q.scope.units == ["總統府/國史館/臺灣文獻館"]


def test_a_type_word_beginning_another_word_does_not_ask_for_an_agency():
    cat = catalog([])
    assert analyse("哪個部門負責保稅工廠？", cat).level == "unit"
    assert analyse("主管建議事項由哪個會議審議？", cat).level == "unit"
    assert analyse("哪個部負責保稅工廠？", cat).level == "agency"


def test_an_agency_named_for_the_matter_answers_which_agency_of_the_body_named():
    # 金管會哪個局管保險公司？: 銀行局's 信用合作社組 keeps 「中央存款保險公司之管理及考核」 (G0310043 第7條) —
    # the question's words whole, inside one company's name — while 金融監督管理委員會組織法 (G0300035 第4條)
    # names 保險局 for the matter: 「規劃、執行保險市場與保險業之監督及管理」. Asked which agency of the body
    # named, the agency whose own name is the question's matter goes first, and --explain says why. On dev the
    # rule holds for every question it applies to (經濟部…能源 → 能源署, 中央銀行…國庫 → 國庫局, 農業部…漁業 →
    # 漁業署, 文化部…文化資產 → 文化資產局, 數位部…數位產業 → 數位產業署: each graded 2).
    from support import graph_of
    # The ranking now puts 保險局 first by itself: 存款保險公司 narrows the bare 保險公司 the question says, so that
    # duty earns no phrase bonus (ranking.bare_narrowed) — in the whole government too, named by no body.
    a = ask_graph(graph_of("G0300035", "G0310043"), "金管會哪個局管保險公司？", top=3, explain=True)
    fsc = "行政院/金融監督管理委員會"
    assert [h.unit["id"] for h in a.hits[:2]] == [f"{fsc}/保險局", f"{fsc}/銀行局"]
    assert a.hits[1].through == "行政院/金融監督管理委員會/銀行局/信用合作社組"
    deposit = a.hits[1].explain[0]
    assert deposit["text"] == "中央存款保險公司之管理及考核" and deposit["phrase_factor"] == 1.0
    b = ask_graph(graph_of("G0300035", "G0310043"), "哪個局管保險公司？", top=3)
    assert [h.unit["id"] for h in b.hits[:2]] == [f"{fsc}/保險局", f"{fsc}/銀行局"]


def test_the_body_above_the_bodies_named_answers_a_question_asking_for_it():
    # 「能源署、水利署這些機關上面是誰在督導？」 asks for the body above those it names: 經濟部 (J0000001 第5條 「本部之
    # 次級機關及其業務如下：…四、能源署：能源政策之規劃、執行及管理事項」; J0000093, J0000095 their acts) answers first,
    # by the line that sets it up, and the answer says so. A question about the body's own work is no such
    # question.
    from support import graph_of
    g = graph_of("J0000001", "J0000093", "J0000095")
    a = ask_graph(g, "能源署、水利署這些機關上面是誰在督導？", top=3)
    assert a.notes[0] == "Above 能源署、水利署: 經濟部." and a.hits[0].unit["id"] == "行政院/經濟部"
    b = ask_graph(g, "能源署隸屬於哪個部會？", top=3)
    assert b.notes[0] == "Above 能源署: 經濟部." and b.hits[0].unit["id"] == "行政院/經濟部"
    c = ask_graph(g, "能源署的業務是誰在督導？", top=3)
    assert not c.notes[0].startswith("Above") and c.hits[0].unit["id"] == "行政院/經濟部/能源署"


def test_who_is_in_charge_asks_for_the_agency():
    # 「由誰主管」 (主管, the verb) asks which agency, as 哪個機關 does; 「誰的主管」 (a supervisor) does not. J0010058
    # 第7條: 核安管制組 「核子反應器設施除役許可核發與除役計畫之審查、視察及管制」 — 核能安全委員會 answers, through it.
    from graph_model.graph.graph import OrgGraph
    from support import parse_national
    cat = catalog([])
    assert analyse("核子反應器設施除役由誰主管？", cat).level == "agency"
    assert analyse("誰主管核子反應器設施除役？", cat).level == "agency"
    assert analyse("公務員誰的主管負責考績？", cat).level == "unit"
    # 部會 (the ministries and councils) is one question word: nothing of it is left in the content.
    assert analyse("核子反應器設施除役歸哪個部會管？", cat).content == "核子反應器設施除役"
    assert analyse("哪一個部會負責核子反應器設施除役？", cat).content == "核子反應器設施除役"
    g = OrgGraph.build([parse_national("J0000101"), parse_national("J0010058")])
    a = ask_graph(g, "核子反應器設施除役是誰主管的？", top=3)
    assert a.hits[0].unit["id"] == "行政院/核能安全委員會"
    assert a.hits[0].through == "行政院/核能安全委員會/核安管制組"


def test_everyday_words_are_asked_in_the_documents_words_and_marked(samples_graph):
    # 走私 → 緝私: 臺中關's 稽查組 keeps the 緝私艇 (001:67), a text without the word 走私.
    a = ask_graph(samples_graph, "走私", top=10)
    by_id = {h.unit["id"]: h for h in a.hits}
    hit = by_id["財政部/關務署/臺中關/稽查組"]
    assert hit.synonyms == [{"term": "走私", "replacements": ["緝私"], "reason": "smuggling is fought by 緝私",
                             "source": hit.synonyms[0]["source"]}]
    assert "緝私" in hit.evidence[0].text and "走私" not in hit.evidence[0].text
    # The documents' own word counts for more than a synonym: 走私 itself (001:15) comes first.
    assert a.hits[0].unit["id"] == "財政部/關務署/關務查緝組" and a.hits[0].synonyms == []


def test_the_errand_around_a_question_word_carries_no_matter():
    # 要去哪裡辦, 要向誰, 可以去哪問, 會從哪裡來, 誰在做: where to go and what to do there, not what is asked
    cat = catalog([])
    assert analyse("網購買到瑕疵品，店家不肯退貨要向誰申訴？", cat).content == "網購買到瑕疵品 店家不肯退貨 申訴"
    assert analyse("結婚後身分證配偶欄要更新，要去哪裡辦？", cat).content == "結婚後身分證配偶欄要更新"
    assert analyse("兒子快18歲了，兵役體檢和徵集的通知會從哪裡來？", cat).content == "兒子快18歲了 兵役體檢和徵集 通知"
    assert analyse("家裡長輩是榮民，想找工作，地方上可以去哪問？", cat).content == "家裡長輩是榮民 想找工作 地方上"
    assert analyse("家庭支持服務的宣傳推廣和研究是哪個單位在做？", cat).content == "家庭支持服務 宣傳推廣和研究"
    assert analyse("文獻館各單位主管提出的建議，是在哪裡討論？", cat).content == "文獻館各單位主管提出 建議 討論"
    assert analyse("信用卡被盜刷，銀行都不處理怎麼辦？", cat).content == "信用卡被盜刷 銀行都不處理"
    assert analyse("管理處的收到文件誰在管？", cat).content == "管理處 收到文件"  # content ending in 到 stays


def test_the_catalog_knows_names_aliases_short_names_and_the_initials_rule():
    units = [IndexUnit("行政院/疾病管制署", "疾病管制署", ["行政院", "疾病管制署"], "Agency", "署", "疾病管制署", []),
             IndexUnit("行政院/疾病管制署/檢驗中心", "檢驗中心", ["行政院", "疾病管制署", "檢驗中心"], "Division",
                       "中心", "", []),
             IndexUnit("行政院/衛生福利部", "衛生福利部", ["行政院", "衛生福利部"], "Agency", "部", "", ["本部"]),
             IndexUnit("行政院/金融監督管理委員會", "金融監督管理委員會", ["行政院", "金融監督管理委員會"], "Agency",
                       "委員會", "", [])]
    cat = catalog(units)
    assert cat.names["疾管署"] == (["行政院/疾病管制署"], "initials of 疾病管制署")
    assert cat.names["衛福部"] == (["行政院/衛生福利部"], "initials of 衛生福利部")  # the rule agrees with the list
    assert cat.names["金管會"][0] == ["行政院/金融監督管理委員會"] and "agencies.tsv" in cat.names["金管會"][1]
    assert "本部" not in cat.names  # a self-reference names no agency
    assert cat.agency_of(["行政院", "疾病管制署", "檢驗中心"]) == "行政院/疾病管制署"
    q = analyse("疾管署的檢驗誰在管？", cat)
    assert q.scope.units == ["行政院/疾病管制署"] and q.content == "檢驗"


def test_cli_which_says_where_it_answered_and_explains_the_reading(run):
    out = run("which", "智慧局哪個單位管商標註冊？", "--top", "1", "--explain").stdout
    assert "Answered from the current government" in out
    assert "Scope: 智慧局 = 經濟部/智慧財產局 (short name (agencies.tsv:" in out
    assert "Inside 智慧局 (named in the question)." in out
    data = json.loads(run("which", "智慧局哪個單位管商標註冊？", "--top", "1", "--json").stdout)
    assert data[0]["scope"]["units"] == ["經濟部/智慧財產局"]
    out = run("which", "走私", "--explain").stdout
    assert re.search(r"Also asked as 「緝私」: 走私 → 緝私 \(planner\.tsv:\d+: smuggling is fought by 緝私\)", out)
    assert re.search(r"read as: 走私 → 緝私 \(planner\.tsv:\d+\)", out)
    # the explanation accounts for the score shown: a hit found as 緝私 counts ×0.9 of its text's score
    assert "     then × 0.9: found by a wording in the documents' words (read as)" in out
    hits = json.loads(run("which", "走私", "--explain", "--json").stdout)
    read_as = [h for h in hits if h.get("synonyms")]
    assert read_as and all(h["explain"][0]["weight"] == 0.9 for h in read_as)
    assert all(h["score"] == pytest.approx(h["explain"][0]["score"] * 0.9, abs=0.01) for h in read_as)
    assert all("weight" not in h["explain"][0] and h["score"] == h["explain"][0]["score"]
               for h in hits if not h.get("synonyms"))


def test_a_document_charging_its_agency_and_a_unit_with_one_matter_means_the_agency():
    # 航空警察局's act (D0000059 第2條 五) charges the 局 with 「搭乘國內外民用航空器旅客…之安全檢查事項」, and the
    # graph gives its 安檢科 that statement too: one document, so the agency stays first.
    from graph_model.graph.graph import OrgGraph
    from support import parse_national
    hits = ask_graph(OrgGraph.build([parse_national("D0000059")]), "旅客安全檢查", top=3).hits
    assert hits[0].unit["id"] == "內政部/警政署/航空警察局"


def test_an_abbreviation_ends_on_the_first_or_last_character_of_the_type_word():
    # 臺史博 for 國立臺灣歷史博物館 (博 begins 博物館); 公務員 is the everyday word for a civil servant, though its
    # characters run in order through 公務人員保障暨培訓委員會 and 員 is inside 委員會.
    board, museum = "公務人員保障暨培訓委員會", "國立臺灣歷史博物館"
    units = [IndexUnit(f"考試院/{board}", board, ["考試院", board], "Agency", "委員會", "", []),
             IndexUnit(f"行政院/文化部/{museum}", museum, ["行政院", "文化部", museum], "Agency", "館", "", [])]
    cat = catalog(units)
    assert cat.abbreviated("臺史博的典藏", 0)[:2] == ("臺史博", ["行政院/文化部/國立臺灣歷史博物館"])
    assert cat.abbreviated("公務員申訴", 0) is None
    assert analyse("公務員申訴", cat).scope is None


def test_a_body_no_document_divides_answers_for_itself_when_nothing_inside_it_matches():
    # NCC's act (P0000008) sets up the 會 and lists its duties (第3條: 「通訊傳播事業營運之監督管理及證照核發」 …)
    # but no document loaded sets up its 處; 影視及流行音樂產業局's act (H0000104) says 「廣播電視節目供應事業之管理」.
    # Asked which unit of NCC handles television programmes, NCC itself answers first, and the answer says why.
    from graph_model.graph.graph import OrgGraph
    from support import parse_national
    g = OrgGraph.build([parse_national("P0000008"), parse_national("H0000104")])
    a = ask_graph(g, "NCC哪個單位管電視節目", top=3)
    assert a.hits[0].unit["id"] == "行政院/國家通訊傳播委員會"
    assert a.notes == ["Nothing inside NCC matches, and no document loaded sets up its units: NCC itself, "
                       "then the whole government:"]
    assert any("影視及流行音樂產業局" in h.unit["id"] for h in a.hits[1:])
    # A body whose office rules set up its units (H0010031: 影視局's 「廣播電視產業組」 …) is divided: where nothing
    # inside it matches, the whole government answers (關務署 above).
    from queries.lookup.which import index_of
    three = OrgGraph.build([parse_national(p) for p in ("P0000008", "H0000104", "H0010031")])
    divided = index_of(three).catalog.divided
    assert "行政院/文化部/影視及流行音樂產業局" in divided and "行政院/國家通訊傳播委員會" not in divided


def test_a_question_naming_a_body_that_no_longer_exists_is_asked_inside_its_successor():
    # data/lineage.tsv:12 「行政院衛生署 衛生福利部 2013-07-23」: 衛生署 is no current body, and its characters ran to
    # 職業安全衛生署's name. Asked inside 衛生福利部 (L0000055), whose 食品藥物管理署 (L0000054 第2條: 「食品、藥物、
    # 化粧品…管理政策之規劃與執行」) answers; the answer says what became of the body named.
    from graph_model.graph.graph import OrgGraph
    from support import parse_national
    g = OrgGraph.build([parse_national(p) for p in ("L0000055", "L0000054", "N0000032")])
    a = ask_graph(g, "衛生署哪個單位管藥物", top=3)
    assert a.scope.units == ["行政院/衛生福利部"] and a.scope.how.startswith("former name: 衛生署 is now 衛生福利部")
    assert a.notes == ["衛生署 is now 衛生福利部 (since 2013-07-23) — answered inside 衛生福利部."]
    assert a.hits[0].unit["id"] == "行政院/衛生福利部/食品藥物管理署"


def test_a_unit_whose_own_duty_states_the_matter_is_not_found_by_its_name_only():
    # 各榮民服務處 (F0150039) is named 榮民服務處 and states 「退除役官兵就業、就醫、就養與就學服務資源之連結及
    # 轉介」; its 主計室 holds 「榮民服務處歲計、會計及統計事項」, the name and nothing of 轉介. The name does not
    # send the unit below the section that only repeats it: its own duty says the matter.
    from graph_model.graph.graph import OrgGraph
    from support import parse_national
    g = OrgGraph.build([parse_national(p) for p in ("F0150039", "F0150040", "F0150042")])
    ids = [h.unit["id"] for h in ask_graph(g, "榮民服務處轉介", top=5).hits]
    office = "行政院/國軍退除役官兵輔導委員會/各榮民服務處"
    assert ids.index(office) < ids.index(office + "/主計室")


def test_a_body_the_documents_say_no_longer_exists_names_its_successor(tmp_path):
    # No row of data/lineage.tsv names 行政院原子能委員會: its own office rules (J0010017) say what became of it, in
    # their 沿革 「…核能安全委員會核人字第…號令發布廢止」 — repealed by the successor. The current graph keeps the body
    # on its successor (graph_model.graph.former); 原能會 (its abbreviation) then asks inside 核能安全委員會, whose
    # 輻射防護組 (J0010058 第8條: 「放射性物質與可發生游離輻射設備及其輻射作業之輻射安全管制」) answers; the answer
    # names where.
    from support import national_store
    g = national_store(tmp_path, "J0010017", "J0000101", "J0010058").graph()
    kept = g.node("行政院/核能安全委員會")["formerly"]
    assert kept == [{"name": "原子能委員會", "full_name": "行政院原子能委員會", "date": "2023-12-27",
                     "where": "J0010017 沿革內容"}]
    a = ask_graph(g, "原能會哪個單位管輻射安全？", top=3)
    assert a.notes == ["原能會 (原子能委員會) is now 核能安全委員會 (since 2023-12-27) — "
                       "answered inside 核能安全委員會."]
    assert a.scope.units == ["行政院/核能安全委員會"]
    assert a.hits[0].unit["id"] == "行政院/核能安全委員會/輻射防護組"
    # A branch's head that only repealed a body's rules succeeds it in no way a question could be scoped by: D0000006's
    # 沿革 「…行政院（90）台防字第004936號令發布廢止」 keeps 兵役協會 on no unit of 行政院 (A0010032).
    (tmp_path / "head").mkdir()
    head = national_store(tmp_path / "head", "D0000006", "A0010032").graph()
    assert [u["id"] for u in head.units() if u.get("formerly")] == []
    # Named alone, by its full name, the successor answers for itself and the answer says so.
    alone = ask_graph(g, "行政院原子能委員會", top=1)
    assert alone.notes == ["行政院原子能委員會 is now 核能安全委員會 (since 2023-12-27) — "
                           "answered by 核能安全委員會 itself."]
    assert alone.hits[0].unit["id"] == "行政院/核能安全委員會"


def test_a_grievance_is_asked_inside_the_body_the_scene_finds():
    # N0010034 (雲嘉南分署): the scene 職訓課程 finds its 自辦訓練科 「職業訓練課程、教材…之開發及運用」, which says
    # nothing of grievances; its 綜合規劃科 handles 「參訓學員、民眾申訴案件…」 and goes just above it.  Without the
    # grievance the scene's unit stays first.
    from support import graph_of
    g = graph_of("N0010034", "N0000036", "N0000033")
    office = "行政院/勞動部/勞動力發展署/雲嘉南分署"
    answer = ask_graph(g, "在雲嘉南上職訓課程不滿意想申訴，要找哪裡？", top=3, explain=True)
    assert [h.unit["id"] for h in answer.hits[:2]] == [office + "/綜合規劃科", office + "/自辦訓練科"]
    assert "申訴案件" in answer.hits[0].evidence[0].text
    assert answer.hits[0].explain[0]["grievance"] == office
    assert ask_graph(g, "在雲嘉南上職訓課程，要找哪裡？", top=1).hits[0].unit["id"] == office + "/自辦訓練科"


def test_a_section_copied_under_the_members_of_a_family_goes_below_the_family():
    # N0010033 and N0010034 (中彰投, 雲嘉南分署) give each its 自辦訓練科 「技能檢定、競賽之辦理…」; N0000036 gives
    # 各分署 「技能檢定、技能競賽及選手培訓工作之推動」: the family's job goes first, the copies after it.  A grievance
    # stays with the member's own 綜合規劃科 (「參訓學員、民眾申訴案件…」).
    from support import graph_of
    g = graph_of("N0010033", "N0010034", "N0000036", "N0000033")
    office = "行政院/勞動部/勞動力發展署/"
    answer = ask_graph(g, "勞動部哪個單位負責職業訓練與技能檢定？", top=3, explain=True)
    assert [h.unit["id"] for h in answer.hits] == [office + "各分署", office + "中彰投分署/自辦訓練科",
                                                   office + "雲嘉南分署/自辦訓練科"]
    assert answer.hits[0].explain[0]["job"] == 2
    assert ask_graph(g, "職訓學員申訴", top=1).hits[0].unit["id"].endswith("/綜合規劃科")
    # No family node: the agency above the members, only where its own statement scores half the copies' at least
    # (審計部's 「…財務收支及審定決算」 against every 審計處 科's 「…財務收支之抽查事項」).
    audit = graph_of("U0010018", "U0010017", "A0010071")
    assert ask_graph(audit, "財務收支抽查", top=1).hits[0].unit["id"] == "監察院/審計部/交通建設審計處/第一科"
    # A unit of the body above the members that is none of them, doing for all what each does for its own: 審計部's
    # 第五廳 「各機關函請解釋有關財物審計法令之擬復事項」 (U0010003) over each 審計處's 第五科 「所管機關函請解釋…」.
    audit = graph_of("U0010018", "U0010017", "U0010003", "A0010071")
    assert ask_graph(audit, "財物審計法令解釋", top=1).hits[0].unit["id"] == "監察院/審計部/第五廳"


def test_a_body_named_inside_a_named_body_answers_by_its_units_before_the_wider_one():
    # Q0000014 sets up 陸委會's 香港辦事處 and its 經濟組 (a name, no duty): asked which of its 組 handles 經濟事務,
    # nothing inside matches whole and 陸委會 (Q0000012) only in part — the office named comes first, by its units.
    from support import graph_of
    g = graph_of("Q0000012", "Q0000014")
    answer = ask_graph(g, "陸委會香港辦事處哪個組處理經濟事務？", top=2)
    assert answer.scope is not None and answer.scope.units == ["行政院/大陸委員會/香港辦事處"]
    assert answer.hits[0].unit["id"] == "行政院/大陸委員會/香港辦事處/經濟組"


def test_a_body_is_named_the_way_people_say_it():
    # J0000073 sets up 臺灣省自來水股份有限公司: people call it 自來水公司 (the province dropped, a company limited by
    # shares a 公司); 「公司裡」 is that company again, not words of the matter.  U0010035's 臺灣省新竹縣審計室 is
    # 新竹縣審計室; 福建省調查處 would be no 調查處 (other bodies' names end so).
    from support import graph_of
    g = graph_of("J0000073", "U0010035")
    a = ask_graph(g, "自來水公司的線上服務和電腦系統是公司裡哪個部門負責？", top=3)
    assert a.scope.units == ["經濟部/臺灣省自來水股份有限公司"] and "as said" in a.scope.how
    assert "公司" not in a.question.content
    assert a.hits[0].unit["id"] == "經濟部/臺灣省自來水股份有限公司/資訊中心"
    assert a.hits[0].synonyms[0]["term"] == "電腦系統"
    b = ask_graph(g, "想查新竹縣審計室以前的公文檔案和史料，要找誰？", top=1)
    assert b.scope.units == ["監察院/審計部/臺灣省新竹縣審計室"]
    assert b.hits[0].unit["id"] == "監察院/審計部/臺灣省新竹縣審計室"


def test_a_question_asking_inside_the_body_it_names_is_answered_there():
    # 「要找署裡哪個單位」: O0000042's 化學物質管理署, whose 秘書室 handles 「…營繕、採購及其他事務管理」, answers,
    # partly,
    # before A0020115's 監察院 政風室 「採購案件之監辦事項」, which holds the question's words outside the body named.
    from support import graph_of
    g = graph_of("O0000042", "A0020115")
    a = ask_graph(g, "廠商想投標化學物質管理署的採購案，要找署裡哪個單位？", top=3)
    assert a.question.inside and a.scope.written == "化學物質管理署"
    assert a.hits[0].unit["id"] == "行政院/環境部/化學物質管理署/秘書室" and a.hits[0].partial
    assert ask_graph(g, "廠商想投標化學物質管理署的採購案，要找哪個單位？", top=1).hits[0].unit["id"] == "監察院/政風室"


def test_a_word_before_the_type_word_of_a_question_is_no_matter():
    # 「哪個中央機關」 asks which agency, as 「哪個機關」 does: 中央 says which kind, not what it handles (D0010130's
    # 下水道工程分署 promotes 「污水下水道建設計畫」).
    from support import graph_of
    g = graph_of("D0010130")
    a = ask_graph(g, "家裡附近要接污水管線，這種下水道建設是哪個中央機關在推動？", top=1)
    assert a.question.level == "agency" and "中央" not in a.question.content
    assert a.hits and "下水道" in a.hits[0].evidence[0].text


def test_asked_which_unit_of_the_body_it_names_the_body_itself_goes_below_its_unit():
    # 教育部組織法 (H0000001) gives 教育部 「高等教育、技術職業教育政策之規劃」; its 處務規程 (H0010001) gives 高等教
    # 育司
    # 「高等教育…政策之規劃及推動」.  Asked which unit of 教育部, the ministry is the frame of the question: its 司
    # first.
    from support import graph_of
    g = graph_of("H0000001", "H0010001")
    a = ask_graph(g, "教育部哪個單位負責大學的高等教育政策？", top=2, explain=True)
    assert [h.unit["id"] for h in a.hits] == ["行政院/教育部/高等教育司", "行政院/教育部"]
    assert a.hits[1].explain[0]["frame"] == "行政院/教育部/高等教育司"
    b = ask_graph(g, "教育部負責大學的高等教育政策嗎？", top=1)
    assert b.hits[0].unit["id"] == "行政院/教育部"  # not asked which unit: the ministry answers for itself


def test_a_question_asked_under_agency_drops_its_question_words_as_when_it_names_the_body():
    # 交通部組織法 (K0000001) and 交通部觀光署組織法 (K0000205): 觀光署 handles 「觀光…」.  With --agency 交通部 the
    # question's 「管」 of 「哪個機關管觀光」 is no word of the matter: no duty says 管觀光, and kept, it failed the
    # coverage.
    from support import graph_of
    g = graph_of("K0000001", "K0000205")
    for q in ["哪個機關管觀光", "哪個單位管觀光", "管觀光", "交通部哪個單位管觀光", "誰管觀光"]:
        a = ask_graph(g, q, agency="交通部", top=1)
        assert a.hits and a.hits[0].unit["id"] == "行政院/交通部/觀光署", q
        assert "管" not in a.question.content, q


def test_who_after_naming_a_body_asks_who_inside_it():
    # 內政部組織法 (D0000001) gives 內政部 「戶籍作業之規劃及管理」; its 處務規程 (D0010001) gives 戶政司
    # 「戶籍政策、制度、法規與計畫之規劃…」.  「內政部誰管戶籍」 names the ministry and asks who in it: its 司
    # first, as for 「哪個單位」.
    from support import graph_of
    g = graph_of("D0000001", "D0010001")
    a = ask_graph(g, "內政部誰管戶籍", top=2, explain=True)
    assert [h.unit["id"] for h in a.hits] == ["行政院/內政部/戶政司", "行政院/內政部"]
    assert a.hits[1].explain[0]["frame"] == "行政院/內政部/戶政司"


def test_the_health_insurance_card_is_the_documents_insurance_certificate():
    # The card is the insurance's 保險憑證 (全民健康保險法 第16條): 中央健康保險署's 處務規程 (L0010048) gives
    # its 承保組 「保險憑證之規劃及管理原則之研訂」; 衛福部's (L0010053) sets up 全民健康保險會, whose name holds
    # the insurance whole and which sets rates and benefits, not cards.
    from support import graph_of
    g = graph_of("L0010048", "L0010053")
    a = ask_graph(g, "健保卡", top=3)
    assert a.hits[0].unit["id"] == "行政院/衛生福利部/中央健康保險署/承保組"
    assert "保險憑證" in a.hits[0].evidence[0].text
    assert all("全民健康保險會" not in h.unit["id"] for h in a.hits)


def test_a_short_forms_documents_word_is_no_narrower_kind_of_it():
    # 身分證 is 國民身分證 shortened (planner.tsv says so): 內政部組織法 (D0000001) 「…國民身分證、戶口調查統計…」
    # is the card itself, weighed whole, before 僑務委員會組織法 (E0000005) 「…身分證明之核發」, another word
    # beginning alike.
    from support import graph_of
    g = graph_of("D0000001", "E0000005")
    a = ask_graph(g, "身分證遺失要去哪裡補辦？", top=2)
    assert a.hits[0].unit["id"] == "行政院/內政部"
    assert "國民身分證" in a.hits[0].evidence[0].text
    assert [s for s in a.question.variants if s.synonyms and s.synonyms[0].term == "身分證"][0].words == ()


def test_of_two_bodies_an_abbreviation_shortens_it_stands_for_the_one_it_drops_fewer_characters_of():
    # 國安會: 國家安全會議's 國家·安全·會議, every word kept; of 國家運輸安全調查委員會 it drops 運輸 and 調查.
    council, board = "國家安全會議", "國家運輸安全調查委員會"
    units = [IndexUnit(f"總統府/{council}", council, ["總統府", council], "Agency", "會議", "", []),
             IndexUnit(f"行政院/{board}", board, ["行政院", board], "Agency", "委員會", "", [])]
    assert catalog(units).abbreviated("國安會預算", 0)[:2] == ("國安會", ["總統府/國家安全會議"])
    assert catalog(units[1:]).abbreviated("國安會預算", 0)[:2] == ("國安會", ["行政院/國家運輸安全調查委員會"])


def test_asked_which_unit_of_a_yuan_its_own_units_answer_before_an_agency_under_it():
    # 司法院處務規程 (A0020070) gives 少年及家事廳 「少年及家事…業務」; 少年及家事法院組織法 (A0010100) sets up a court
    # under 司法院, an agency of its own.  Asked which unit of 司法院, the 院's own 廳 answers first.
    from support import graph_of
    g = graph_of("A0010051", "A0020070", "A0010100")
    a = ask_graph(g, "司法院哪個單位主管少年及家事事件的業務？", top=3)
    assert a.hits[0].unit["id"] == "司法院/少年及家事廳"
    assert any(h.unit["id"].startswith("司法院/少年及家事法院") for h in a.hits[1:])
