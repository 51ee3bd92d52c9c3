"""The act parser's paragraph rules (loaders/acts/paragraphs.py): an ordered table, each rule in the documents' words.
"""
from __future__ import annotations

from loaders.acts import paragraphs


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
    from loaders.acts.structure import demo
    demo("第 2 條", "本細則未規定事項，依有關法令辦理。")  # a rule for nothing: no unit, no duty
    assert capsys.readouterr().out == ""


def test_the_long_tail_of_list_items(capsys):
    from loaders.acts.structure import demo
    # an old list's dash between the name and its duty; a name broken by a hard wrap; units set up after a colon
    demo("第 2 條", "本處設下列各課室分掌事項：", "一、總務課－掌理文書、出納事項。", "二、法規委", "員會。",
         "三、學務處：設生活輔導、衛生保健二組。")
    assert capsys.readouterr().out.splitlines() == [
        "unit 總務課", "unit 法規委員會", "unit 學務處", "unit 學務處/生活輔導組", "unit 學務處/衛生保健組",
        "duty 總務課 文書、出納事項"]
