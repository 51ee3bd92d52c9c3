"""The act parser's paragraph rules (loaders/paragraphs.py): an ordered table, each rule in the documents' words."""
from __future__ import annotations

from loaders import paragraphs


def test_each_rule_is_named_once_and_says_which_convention_it_reads():
    names = [rule.name for rule in paragraphs.RULES]
    assert len(names) == len(set(names)) >= 10
    for rule in paragraphs.RULES:
        doc = rule.apply.__doc__ or ""
        assert "「" in doc or rule.name in ("no_subject", "other_list"), rule.name  # quotes the documents


def test_rules_that_only_learn_come_before_those_that_use_what_they_learn():
    order = [rule.name for rule in paragraphs.RULES]
    assert order.index("subject") < order.index("agency_sets_up") < order.index("unit_sets_up")
    assert order.index("summary") < order.index("duty_list") < order.index("one_sentence_duty") == len(order) - 1


def test_the_last_rule_always_decides(capsys):
    from loaders.structure import demo
    demo("第 2 條", "本細則未規定事項，依有關法令辦理。")  # a rule for nothing: no unit, no duty
    assert capsys.readouterr().out == ""
