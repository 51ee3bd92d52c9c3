"""Conventions the seventh hand-checked sample (eval/seventh) showed, each read by a rule that holds across
documents.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below

parse, below, duties = parse_national, units_below, duties_of


def test_a_unit_set_up_with_its_posts_after_a_comma_typed_as_a_list_mark():
    # D0000016 第6條「本局設人事室、置主任、科員，依法辦理人事管理事項。」 (、 typed for ，)
    parsed = parse("D0000016")
    assert "人事室" in below(parsed)
    assert duties(parsed, "人事室") == ["人事管理事項"]
    # K0000024 第5條「本站設會計室、置主任一人，掌理會計、歲計及統計事項，設人事室，置主任、副主任各一人，分別掌理
    # 人事管理及人事查核事項，…」: the later clause sets up another unit, with a duty of its own
    parsed = parse("K0000024")
    assert {"會計室", "人事室"} <= set(below(parsed))
    assert duties(parsed, "會計室") == ["會計、歲計及統計事項"]
    assert duties(parsed, "人事室") == ["人事管理及人事查核事項"]
