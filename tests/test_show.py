"""``orggraph show`` on the bundled corpus: staffing next to place, children and duties."""
from __future__ import annotations

import json
import re

from support import SEED_ACT, SEED_BUDGET


def _line(path, n: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[n - 1]


def _block(out: str, head: str = "Staffing:") -> list[str]:
    lines = out.splitlines()
    start = lines.index(head)
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("  "))
    return lines[start:end]


def test_show_gives_a_budget_agency_its_own_and_group_headcount(run):
    # seed 001 line 770: 「…共計4,297人」; the table row 關務署 … 合計 402
    assert "共計4,297人" in _line(SEED_BUDGET, 770)
    text = SEED_BUDGET.read_text(encoding="utf-8")
    assert re.search(r"\t關務署\n(?:\t\d+\n){6}\t402\n", text)
    result = run("show", "關務署")
    assert result.exit_code == 0
    assert _block(result.stdout) == [
        "Staffing:",
        "  posts:     2 people in 1 post; no number for: 署長",
        "  below:     no number for: 關務長 (4 units below)",
        "  headcount: 402 (預算員額, 109年度)",
        "  group:     4297 (預算員額 with the agencies under it, 109年度)",
        "  details:   orggraph staffing 財政部/關務署",
    ]


def test_show_marks_a_unit_staffed_from_the_agency_quota(run):
    # seed 002 line 46 sets up 人事室 with 主任一人 and 副主任一人; line 48 says the rest come from the quota
    assert "置主任一人" in _line(SEED_ACT, 46) and "副主任一人" in _line(SEED_ACT, 46)
    assert "人事室所需工作人員,就本條例所定員額內派充之" in _line(SEED_ACT, 48)
    result = run("show", "關稅總局/人事室")
    assert _block(result.stdout) == [
        "Staffing:",
        "  posts:     2 people in 2 posts",
        "  quota:     its other staff come from the agency's quota (counted there)",
        "  details:   orggraph staffing 財政部/關稅總局/人事室",
    ]


def test_show_json_carries_the_staffing_numbers(run):
    info = json.loads(run("show", "關稅總局", "--json").stdout)
    staffing = info["staffing"]
    # same totals as `orggraph staffing 關稅總局` (whose every post is checked in test_posts.py)
    full = json.loads(run("staffing", "關稅總局", "--json").stdout)
    own = [p for p in full["posts"] if p["unit"]["id"] == "財政部/關稅總局"]
    assert staffing["own_titles"] == len(own) == 41
    assert (staffing["all"]["min"], staffing["all"]["max"]) == (full["totals"]["min"], full["totals"]["max"])
    assert staffing["post_sources"][0] == "002_af79314871040b19:37"


def test_show_has_no_staffing_block_when_the_documents_give_none(run):
    result = run("show", "基隆關/稽查組")
    assert "Staffing:" not in result.stdout
    assert json.loads(run("show", "基隆關/稽查組", "--json").stdout)["staffing"] is None
