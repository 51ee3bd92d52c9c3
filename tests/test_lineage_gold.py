"""Floors of the lineage gold (eval/lineage/: agencies drawn at random, their state and successors, and
the parents of the current agencies, read from the texts) on the whole national corpus."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from support import REPO


def scorer():
    spec = importlib.util.spec_from_file_location("lineage_score", REPO / "eval" / "lineage" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    sys.path.insert(0, str(REPO / "eval" / "government"))
    from score import national_store
    return national_store(tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def result(store):
    return scorer().run(store)


def test_the_held_back_sample(store):
    """eval/lineage/heldout/: a second draw, judged after the rules above were written; a development set since
    (its failures were read and classified), the held-back set being heldout3/."""
    lin = scorer().run(store, gold_file="heldout/superseded.jsonl")["lineage"]
    assert lin["agencies"] == 95 and lin["state_right"] >= 90, lin["misses"]
    assert lin["superseded"] == 37 and lin["successor_right"] >= 31, lin["misses"]


def test_the_third_sample(store):
    """eval/lineage/heldout3/: a third draw, held back until it was scored once, and a development set since (its
    failures were read: 15 of 29 successors before, 21 and then 22 after rounds of rules; eval/lineage/README.md)."""
    lin = scorer().run(store, gold_file="heldout3/superseded.jsonl")["lineage"]
    assert lin["agencies"] == 73 and lin["state_right"] >= 70, lin["misses"]
    assert lin["superseded"] == 29 and lin["successor_right"] >= 22, lin["misses"]


def test_the_fourth_sample(store):
    """eval/lineage/heldout4/: a development set since its first scoring (13 of 30 successors then, 16 and then 21
    after rounds of rules; eval/lineage/README.md)."""
    lin = scorer().run(store, gold_file="heldout4/superseded.jsonl")["lineage"]
    assert lin["agencies"] == 79 and lin["state_right"] >= 77, lin["misses"]
    assert lin["superseded"] == 30 and lin["successor_right"] >= 21, lin["misses"]


def test_the_state_of_randomly_drawn_agencies(result):
    lin = result["lineage"]
    assert lin["agencies"] == 130 and lin["state_right"] >= 128, lin["misses"]


def test_successors_named(result):
    lin = result["lineage"]
    assert lin["superseded"] >= 60 and lin["successor_right"] >= 58, lin["misses"]


def test_current_agencies_under_their_parents(result):
    par = result["parents"]
    assert par["agencies"] >= 200 and par["placed"] / par["agencies"] >= 0.99, par["misses"]
    assert set(par["top"]) == {"總統府", "行政院", "立法院", "司法院", "考試院", "監察院"}
