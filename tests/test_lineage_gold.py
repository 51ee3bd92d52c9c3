"""Floors of the lineage gold (eval/lineage/: agencies drawn at random, their state and successors, and
the parents of the current agencies, read from the texts) on the whole national corpus."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def result():
    spec = importlib.util.spec_from_file_location("lineage_score", REPO / "eval" / "lineage" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score.run()


def test_the_state_of_randomly_drawn_agencies(result):
    lin = result["lineage"]
    assert lin["agencies"] == 130 and lin["state_right"] >= 120, lin["misses"]


def test_successors_named(result):
    lin = result["lineage"]
    assert lin["superseded"] >= 60 and lin["successor_right"] >= 28, lin["misses"]


def test_current_agencies_under_their_parents(result):
    par = result["parents"]
    assert par["agencies"] >= 200 and par["placed"] / par["agencies"] >= 0.97, par["misses"]
    assert set(par["top"]) == {"總統府", "行政院", "立法院", "司法院", "考試院", "監察院"}
