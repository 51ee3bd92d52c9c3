"""Conventions the tenth hand-checked sample (eval/tenth) and the lead's reading of the national store showed,
each read by a rule that holds across documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import parse_national, units_below

parse, below = parse_national, units_below


def _posts(parsed) -> dict[str, set[str]]:
    """Each post's title → the units (paths under the agency) that hold it."""
    n = len(parsed.agency)
    out: dict[str, set[str]] = {}
    for p in parsed.posts:
        if getattr(p, "title", None):
            out.setdefault(p.title, set()).add("/".join(p.unit[n:]))
    return out


def test_a_post_of_a_unit_named_only_by_a_unit_word_is_its_parents_per_unit():
    # A0010019 中央研究院研究所組織規程「研究所（處）為辦理圖書之蒐集…必要時得設館，置館主任一人」: no unit 「館」;
    # the 館主任 is the 研究所's, one in each 館
    parsed = parse("A0010019")
    head = [p for p in parsed.posts if getattr(p, "title", "") == "館主任"]
    assert [(p.unit[len(parsed.agency):], p.per) for p in head] == [((), "館")]
    # D0000053 國家公園警察大隊組織條例「隊置隊長一人，副隊長一人」, no 隊 named: the 大隊's, per 隊
    parsed = parse("D0000053")
    assert _posts(parsed)["副隊長"] == {""}
    assert not [u for units in _posts(parsed).values() for u in units if u == "隊"]


def test_the_agencys_own_name_before_a_units_name_is_that_unit():
    # A0010016 中央研究院組織法「中央研究院研究所置所長一人」: one in each of the 研究所 the act sets up in any number
    # (「…設立各種研究所」), not a unit 「中央研究院研究所」
    parsed = parse("A0010016")
    assert _posts(parsed)["所長"] == {""} and "中央研究院研究所" not in below(parsed)
    # A0010015 稽勳委員會組織條例「稽勳委員會秘書處置主任秘書一人」: its 秘書處
    assert _posts(parse("A0010015"))["主任秘書"] == {"秘書處"}
    assert "稽勳委員會秘書處" not in below(parse("A0010015"))


def test_rules_to_follow_and_conditions_are_no_duties():
    # A0010019 第23條「研究所所務會議審查聘任案時依下列規定辦理：」「一、討論新聘研究人員時，…投票時，低於受評審人
    # 申請級別者應退席。」 and 「研究所籌備處合於下列條件者，其處務會議得依前項規定辦理聘審事宜：」: who votes, not
    # what the 研究所 does
    texts = [d.text for d in parse("A0010019").duties]
    assert not [t for t in texts if "投票時" in t or "討論新聘研究人員時" in t or "有七名" in t]
    # H0000080 國立臺灣交響樂團暫行組織規程「本團置指揮、副指揮、團員，均為聘任，並依下列規定辦理：」「一、依教育人員
    # 任用條例及其施行細則有關規定辦理。」: how they are hired
    assert not [d for d in parse("H0000080").duties if "任用條例" in d.text]
    # S0000016「甄審會會議審議事項依下列規定辦理：」「一、交通部甄審會審議部長交議之升資甄審及資位甄審案件。」:
    # what a body reviews stays its duty
    assert [d for d in parse("S0000016").duties if "部長交議之升資甄審" in d.text]


def test_a_units_item_names_the_kinds_of_its_own_sub_list():
    # F0000018 高雄榮民總醫院組織規程「五、病理檢驗部：…臨床檢驗、血庫業務及有關病理檢驗、教學、研究等事項，分左列
    # 各科、庫：」 … 「(七) 血庫。」
    assert "病理檢驗部/血庫" in below(parse("F0000018"))
    # F0000031 臺中榮民總醫院組織規程「一、內科部：…分左列各科、庫、中心：」 … 「(十二) 血庫。」「(十三) 加護中心。」
    units = below(parse("F0000031"))
    assert {"內科部/血庫", "內科部/加護中心"} <= set(units)


def test_a_set_up_with_no_subject_goes_on_with_its_articles_unit():
    # F0010004 輔導會辦事細則 第13條「第八處分設二科，掌理下列事項：」 … 「設查核組（任務編組），任務如下：」
    # 「一、綜理本會及所屬機關（構）公共工程施工品質查核。」: the 第八處's task force, with its own duties
    parsed = parse("F0010004")
    units = set(below(parsed))
    assert {"第八處/查核組", "第九處/國會聯絡組", "會計處/國軍退除役官兵安置基金會計室",
            "會計處/榮民醫療作業基金會計組"} <= units
    assert "查核組" not in units
    assert any("公共工程施工品質查核" in d.text for d in parsed.duties if d.unit[-1] == "查核組")


def test_a_courts_chamber_word_alone_names_no_unit():
    # A0010061 高等行政法院處務規程「…分設各庭，每庭各置庭長一人，法官若干人。」: no unit 「庭」; the 庭長 is the
    # court's, one per 庭
    parsed = parse("A0010061")
    assert "" in _posts(parsed)["庭長"]
    assert not [u for units in _posts(parsed).values() for u in units if u.split("/")[-1] == "庭"]


def test_a_post_of_prose_read_as_a_unit_is_its_agencys():
    # N0000016 勞工保險局組織條例「…視實際需要設辦事處或連絡處。辦事處或連絡處置主任一人，兼任」: alternatives, no
    # unit 「辦事處或連絡處」
    parsed = parse("N0000016")
    assert "" in _posts(parsed)["主任"]
    assert not [u for units in _posts(parsed).values() for u in units if "或" in u]
    # P0000008 國家通訊傳播委員會組織法「本會得商請警政主管機關置專責警察，協助取締…」: the police are the 會's help
    assert _posts(parse("P0000008"))["專責警察"] == {""}
