"""Check the twenty-second sample's gold (eval/check_gold.py).

    python eval/twentysecond/check.py [DIR]     # DIR: the FalVMingLing folder (default: show_doc.py's)
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from check_gold import main  # noqa: E402

if __name__ == "__main__":
    main(Path(__file__).resolve().parent)
