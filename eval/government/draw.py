"""Draw the duties of the whole-government query set: seeded and reproducible.

    python eval/government/draw.py [--seed 20261206] [--n 70] [--exclude DRAW.tsv ...] [NATIONAL_DIR]

Each line is a random duty of a random document in force (no 廢止註記): a document is drawn,
then one of its articles that hands out duties (掌理 / 下列事項 / 左列事項), then one numbered item of
that article that is not a catch-all (其他…). The item is read from the raw open-data JSON, never from
orggraph's parse. Annotators take the candidates in order and skip, with a reason, a document that is
not current (its 沿革 or a successor says it stopped applying), so the draw needs more than it keeps.
Prints PCode, title, article and the item's text, tab-separated. ``--exclude`` leaves out the documents
of an earlier draw (heldout/draw.tsv: ``--seed 20261207 --exclude eval/government/draw.tsv``).
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*(.+)$")
HANDS_OUT = re.compile(r"掌理|下列事項|左列事項|下列業務|左列業務")


def duty_items(law: dict) -> list[tuple[str, str]]:
    """(article, item text) of every numbered item in an article that hands out duties."""
    out = []
    for art in law.get("法規內容", []):
        text = art.get("條文內容", "")
        if not HANDS_OUT.search(text):
            continue
        for line in text.splitlines():
            m = ITEM.match(line)
            if m and not m.group(1).startswith(("其他", "其它")):
                out.append((art.get("條號", "").replace(" ", ""), m.group(1).strip()))
    return out


def draw(folder: Path, seed: int, n: int, exclude: frozenset[str] = frozenset()) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    laws = []
    for path in sorted(folder.glob("*.json")):
        if path.stem in exclude:
            continue
        law = json.loads(path.read_text(encoding="utf-8-sig"))
        if law.get("廢止註記") or not duty_items(law):
            continue
        laws.append((path.stem, law))
    picked = rng.sample(laws, n)
    out = []
    for pcode, law in picked:
        article, item = rng.choice(duty_items(law))
        out.append((pcode, law["法規名稱"], article, item))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--n", type=int, default=70)
    ap.add_argument("--exclude", action="append", default=[], metavar="DRAW.tsv")
    ap.add_argument("folder", nargs="?", default="../shared/national/FalVMingLing")
    args = ap.parse_args()
    exclude = frozenset(line.split("\t")[0] for f in args.exclude
                        for line in Path(f).read_text(encoding="utf-8").splitlines() if line)
    for row in draw(Path(args.folder), args.seed, args.n, exclude):
        print("\t".join(row))


if __name__ == "__main__":
    main()
