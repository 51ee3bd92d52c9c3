"""Check a hand-checked sample's gold: every file parses, every evidence text occurs at its cited line.

    python eval/fourth/check.py [DIR]     # DIR: the FalVMingLing folder (default: show_doc.py's)
    python eval/fifth/check.py [DIR]      # each sample's check.py runs this on its gold/ and sample.tsv

Lines are numbered exactly as eval/show_doc.py prints them (its law_text, 1-based). Also checked:
each unit's parent is the agency's last name or another unit of the file, and each expected path
starts at the agency's last name and ends in a unit of the file. A unit name not found on its line
(an expanded range or collective) is reported as a warning only. Prints `N errors` at the end.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from show_doc import DEFAULT_DIR, law_text  # noqa: E402


def lines_of(folder: Path, pcode: str) -> list[str]:
    text, _ = law_text(json.loads((folder / f"{pcode}.json").read_text(encoding="utf-8-sig")))
    return text.splitlines()


def check(folder: Path, sample: Path) -> int:
    """Check ``sample``'s gold (its folder's gold/ and sample.tsv) against the documents in ``folder``."""
    errors = 0

    def err(msg: str) -> None:
        nonlocal errors
        errors += 1
        print("ERROR", msg)

    drawn = [line.split("\t")[0] for line in (sample / "sample.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    files = sorted((sample / "gold").glob("*.json"))
    missing = sorted(set(drawn) - {f.stem for f in files})
    if missing:
        print("not annotated:", " ".join(missing))
    for f in files:
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            err(f"{f.name}: not JSON ({e})")
            continue
        doc = gold["doc"]
        if doc != f.stem:
            err(f"{f.name}: doc field {doc}")
        lines = lines_of(folder, doc)
        if lines[0].strip() != gold["title"]:
            err(f"{doc}: title {gold['title']!r} vs {lines[0]!r}")
        top = gold["agency"][-1]
        names = {u["name"] for u in gold["units"]}
        for u in gold["units"]:
            if not 1 <= u["line"] <= len(lines):
                err(f"{doc}: unit {u['name']} line {u['line']} out of range")
            elif u["name"] not in lines[u["line"] - 1]:
                print(f"warning {doc}: unit {u['name']} not written as such on line {u['line']}")
            if u["parent"] != top and u["parent"] not in names:
                err(f"{doc}: unit {u['name']} has unknown parent {u['parent']}")
            if u.get("optional") and not u.get("why"):
                err(f"{doc}: optional unit {u['name']} without why")
        if not 2 <= len(gold["queries"]) <= 4:
            err(f"{doc}: {len(gold['queries'])} queries")
        for q in gold["queries"]:
            for path in q["expected"]:
                parts = path.split("/")
                if parts[0] != top or (len(parts) > 1 and parts[-1] not in names):
                    err(f"{doc}: query {q['query']!r} expects unknown path {path}")
            for ev in q["evidence"]:
                n = ev["line"]
                if not 1 <= n <= len(lines) or ev["text"] not in lines[n - 1]:
                    err(f"{doc}: evidence {ev['text']!r} not on line {n}")
    print(f"{len(files)} files, {errors} errors")
    return errors


def main(sample: Path) -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    sys.exit(1 if check(folder, sample) else 0)
