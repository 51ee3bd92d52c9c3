"""Print a national-corpus document as orggraph numbers its lines (for reading and annotating).

    python eval/show_doc.py PCODE [DIR]

The text is what loaders read from the open-data JSON (loaders.read.lawjson.law_text): the
title, a blank line, then each chapter heading, 條號 line and 條文內容; the metadata follows.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loaders.read.lawjson import law_text  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "national" / "FalVMingLing"


def main(argv: list[str]) -> None:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    text, meta = law_text(json.loads((folder / f"{argv[0]}.json").read_text(encoding="utf-8-sig")))
    for n, line in enumerate(text.splitlines(), 1):
        print(f"{n:4d}  {line}")
    print("----", {k: v for k, v in meta.items() if k != "history"})


if __name__ == "__main__":
    main(sys.argv[1:])
