"""Score the loaders and `which` on the twenty-second national sample (eval/twentysecond/gold).

    python eval/twentysecond/score.py [-v]     # -v: every unit and query missed
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "eval"), str(ROOT)]

import national_sample  # noqa: E402

if __name__ == "__main__":
    national_sample.report(Path(__file__).resolve().parent / "gold", "-v" in sys.argv[1:])
