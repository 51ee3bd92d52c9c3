"""The one vocabulary of self-references (本部, 本所, 本分局, 本會議 …, graph_model/records/naming.py).

Inputs are lines of national documents (data/national.tar.xz); each expectation is quoted
from the document's text, with its PCode and line.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "eval"))

import corpus  # noqa: E402

import loaders  # noqa: E402
from graph_model.records.naming import is_self_reference, self_references, strip_self_reference  # noqa: E402
from graph_model.records.records import Actor, PostRecord  # noqa: E402


def parse(pcode: str):
    return loaders.parse_bytes(corpus.national_file(pcode), f"{pcode}.json")


def unit_paths(parsed) -> set[tuple[str, ...]]:
    return {tuple(u.path) for u in parsed.units}


@pytest.mark.parametrize("word", ["本部", "本署", "本局", "本會", "本委員會", "本處", "本分署", "本分局", "本所",
                                  "本中心", "本關", "本府", "本院", "本會議", "本機關"])
def test_every_word_of_the_vocabulary_is_a_self_reference(word):
    assert is_self_reference(word)


@pytest.mark.parametrize("word", ["本部人事處", "本細則", "本規程", "本科", "部"])
def test_other_words_are_not(word):
    assert not is_self_reference(word)


@pytest.mark.parametrize("written, name", [
    ("本所車勤服務部", "車勤服務部"),    # K0000115 line 41: 「本所車勤服務部置人事管理員一人」
    ("本會議秘書處", "秘書處"),          # A0010103 line 19: 「本會議秘書處設第一組、第二組…」
    ("本處各組", "各組"),                # D0030015 line 78: 「本處各組置組長一人」: the family of 組
    ("本所各課", "各課"),                # K0000114 line 19: 「本所各課各置課長一人」
    ("本所各單位分組", "本所各單位分組"),  # K0010021 line 198: 「本所各單位分組職掌，於主管職務說明書訂定之。」
    ("本局各處室分科", "本局各處室分科"),  # K0010002 line 161: 「本局各處室分科職掌及工作員額於…訂定之。」
    ("本館參考組", "參考組"),            # H0010053 line 50: 「本館參考組掌理下列事項：」
    ("本會所", "本會所"),                # no name of two characters after 本會
])
def test_a_self_reference_is_taken_off_a_unit_name_only(written, name):
    assert strip_self_reference(written) == name


@pytest.mark.parametrize("agency, words", [
    ("交通部電信總局電信研究所", ("本所",)),            # K0010021 line 7: 「本所處理事務」
    ("行政院農業委員會農糧署東區分署", ("本分署",)),    # M0010015 line 162: 「本分署處理事務」
    ("行政院原住民族委員會", ("本會", "本委員會")),      # tests/data/corpus/08: 「（以下簡稱本會）」
    ("國家安全會議", ("本會議",)),                     # A0010103 line 5: 「（以下簡稱本會議）」
    ("交通部郵政總局", ("本局", "本總局")),             # K0010002 line 161: 「本局各處室分科職掌…」
    ("僑務委員會中華函授學校", ("本校",)),              # E0000006 line 15: 「本校掌理下列事項：」
    ("行政院勞工委員會職業訓練局南區職業訓練中心", ("本中心",)),
])
def test_the_self_references_of_an_organization(agency, words):
    assert self_references(agency) == words


def test_a_sentence_about_every_unit_is_no_unit():
    # K0010021 line 198 and K0010023 line 185: 「本所各單位分組職掌，於主管職務說明書訂定之。」 says where the
    # duties of the units are written; it sets up no unit.  The units the documents do set up stay.
    for pcode, unit in (("K0010021", "研究策劃室"), ("K0010023", None)):
        parsed = parse(pcode)
        names = {p[-1] for p in unit_paths(parsed)}
        assert not any("單位" in n or "職掌" in n for n in names), (pcode, names)
        if unit:
            assert unit in names  # line 19: 「研究策劃室掌理左列事項：」


def test_dividing_into_sections_is_no_unit():
    # K0010002 line 161: 「本局各處室分科職掌及工作員額於各主管管理說明書訂定之。」
    assert not any("分科" in p[-1] for p in unit_paths(parse("K0010002")))


def test_a_unit_written_after_the_self_reference_is_the_unit_set_up():
    # K0000115 line 31: 「一、車勤服務部並設高雄、花蓮、板橋分部。」 sets it up; line 41: 「本所車勤服務部置人事
    # 管理員一人，依法辦理人事管理事項。」 is the same unit.
    parsed = parse("K0000115")
    agency = parsed.agency
    assert agency + ("車勤服務部",) in unit_paths(parsed)
    assert not any(p[-1].startswith("本所") for p in unit_paths(parsed))
    duty = next(d for d in parsed.duties if d.text == "人事管理事項" and d.source.line == 41)
    assert tuple(duty.unit) == agency + ("車勤服務部",)


def test_the_library_and_the_school_call_themselves_this_library_and_this_school():
    # H0010053 line 50: 「本館參考組掌理下列事項：」 is 國家圖書館's 參考組.
    assert ("教育部", "國家圖書館", "參考組") in unit_paths(parse("H0010053"))
    assert not any(p[-1].startswith("本館") for p in unit_paths(parse("H0010053")))
    # E0000006 line 15: 「本校掌理下列事項：」, line 16: 「一、辦理招生、入學審查、註冊及學籍調查事項。」
    parsed = parse("E0000006")
    agency = parsed.agency
    assert any(tuple(d.unit) == agency and d.text == "招生、入學審查、註冊及學籍調查事項" and d.source.line == 16
               for d in parsed.duties)


def test_the_council_calls_itself_this_council():
    # A0010103 line 19: 「本會議秘書處設第一組、第二組、第三組、人事室、會計室及政風室」
    parsed = parse("A0010103")
    paths = unit_paths(parsed)
    # (filed 總統＞國家安全會議: a body directly under 總統府)
    assert ("總統府", "國家安全會議", "秘書處", "第一組") in paths
    assert not any(p[-1].startswith("議") for p in paths)


def test_posts_of_a_family_of_units():
    # D0030015 line 78: 「本處各組置組長一人，承普查長、副普查長之命，主管各該組業務」, after 第4條's list
    # (「五、秘書組：」 …): each 組 its 組長, no unit 「各組」
    posts = [p for p in parse("D0030015").posts if isinstance(p, PostRecord) and p.title == "組長"]
    assert {p.unit[-1] for p in posts} == {"普查組", "國軍普查組", "統計組", "電腦作業組", "秘書組"}


def test_the_branch_office_acts_in_its_own_procedures():
    # M0010015 line 162: 「本分署處理事務，實施分層負責，逐級授權決定」: 本分署 is 東區分署 itself.
    parsed = parse("M0010015")
    agency = parsed.agency
    steps = [s for p in parsed.procedures for s in p.steps if s.text.startswith("本分署處理事務")]
    assert steps and all(Actor(agency, "處理", "explicit") in s.actors for s in steps)


def test_no_loader_writes_its_own_list_of_self_references():
    # A 本(?:部|署|局…) alternation anywhere but graph_model/records/naming.py is a second vocabulary.
    own_list = re.compile(r"本\(\?:[^)]*[部署局會所]\|")
    for path in sorted((REPO / "loaders").rglob("*.py")) + sorted((REPO / "queries").rglob("*.py")):
        assert not own_list.search(Path(path).read_text(encoding="utf-8")), path
