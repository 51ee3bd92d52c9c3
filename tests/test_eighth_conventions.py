"""Conventions the eighth hand-checked sample (eval/eighth) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_a_name_may_open_with_the_word_for_command():
    # D0010115 內政部警政署民防指揮管制所辦事細則 第3條「本所設下列科、室、分所：」「六、指揮管制科。」, with its
    # duties in 「指揮管制科掌理事項如下：」
    parsed = parse("D0010115")
    assert "指揮管制科" in below(parsed)
    assert duties(parsed, "指揮管制科")
    # D0000099 第2條「…設業務組、修護組、指揮管制組 (第一、二、三、四組) ，並掌理下列事項：」
    assert {"業務組", "修護組", "指揮管制組"} <= set(below(parse("D0000099")))
    # G0310016 「…指揮所屬職員及機關」 is prose, no unit
    assert not [u for u in below(parse("G0310016")) if u.startswith("指揮")]


def test_a_name_may_hold_the_people_it_serves():
    # N0010027 勞動部勞動力發展署處務規程「四、身心障礙者及特定對象就業組，分四科辦事。」,
    # 「身心障礙者及特定對象就業組掌理事項如下：」
    parsed = parse("N0010027")
    assert "身心障礙者及特定對象就業組" in below(parsed)
    assert duties(parsed, "身心障礙者及特定對象就業組")
    # A0020155 行政院處務規程「八、消費者保護處，分四科辦事。」
    assert "消費者保護處" in below(parse("A0020155"))
