"""Corpus-wide invariants of the loaders over the national laws database's organization documents.

    python eval/national.py [--show N] [--json FILE] [--include-sample] [DIR]

Each law is read as `orggraph load` reads it (the open-data JSON itself) and parsed alone.
Printed: documents parsed / refused (with reason) / crashed, and suspect unit names — with
punctuation, unexpanded ranges or lists, absent from the text, over 18 characters, without a unit
word at the end, only unit words or a collective (辦事處, 各組, 館; 司法院各廳, 級法院: among posts' units too, as
the store makes a unit of a post's), posts' units holding a list that names no unit of the document —
family documents that name their members but yield none of them, and documents whose text sets units up
but that yield at most one.  These are invariants, not a score (the score is eval/run.py on the
hand-checked sample); examples leave out the sample's documents unless --include-sample.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import traceback
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus import national_files  # noqa: E402

import loaders  # noqa: E402
from loaders import LoadError  # noqa: E402

# (系, 連, 營: a research station's 農藝系, a military school's 勤務連 and 教勤營, in its list of units; 穀倉, 通棧: a
# 棧埠管理處's granary and transit sheds, 「設各等通棧（倉庫）、穀倉及貨櫃儲運場」)
UNIT_END = re.compile(r"(部|會|院|署|局|處|組|室|科|課|股|隊|中心|站|所|關|館|廠|場|園|庫|段|班|團|校|司|廳|府|法庭|"
                      r"事庭|分庭|易庭|訟庭|委員會|小組|區|港|台|臺|宮|社|燈塔|醫院|臺|台|院|分院|工作站|實驗室|團|所|系|連|營|"
                      r"[穀榖]倉|通棧)$")
RANGE = re.compile(r"[至、]|[一二三四五六七八九十]+(?:組|科|課|股|隊|處|室)[^，。]*[及和][^，。]*$")
PUNCT = re.compile(r"[，,。：:；;「」（）()\-—/\s]")
# 「學生（員）總隊」: an alternate in parentheses inside a name is the text's own name (the gold writes it so)
ALTERNATE = re.compile(r"（[^（）、，。]{1,2}）(?=[^（）、，。\s])")
UNIT_WORDING = re.compile(r"設[^。；]{0,40}?(組|科|室|課|股|處|中心|隊|站)|分[一二三四五六七八九十]+(科|組|股|課)辦事|"
                          r"(組|科|室|課|處)[:：]\s*掌理")
# A name that is only unit words, a collective of them or alternatives (分署, 辦事處, 各組, 科室, 各科或課).
# (各辦事處, 各中隊: the family of a document's unnamed offices or squads, is one unit, as 各稽徵所 is.)
BARE = re.compile(r"^(?:(?:部|會|院|署|局|處|組|室|科|課|股|隊|中心|站|所|關|館|庭|分局|分署|分處|分所|分館|"
                  r"辦事處|委員會|小組|大隊|單位)(?:或|及|、)?)+$|"  # (中隊 of 「得設一中隊」 is that one squad's name)
                  r"^各(?:(?:組|科|課|股|室|處|單位)(?:或|及|、)?)+$")
# A collective of a bare unit word names the units set up, never one unit: 「司法院各廳各置廳長」 and
# 「前項各科置科長」 give each 廳 and 科 its posts, 「本公司各處置處長」 without named 處 the company (per 處);
# 「各級法院」 names no court of any level, so no unit 「級法院」.  (A family of a specific kind — 各區監理所,
# 各分署, or 各中隊 of squads the document does not name — is a unit.)
COLLECTIVE = re.compile(r"^[^各]*各(?:(?:組|科|課|股|室|處|廳|單位)(?:或|及|、)?)+$|^級")
# Prose read as a name: a self-reference (本室設三課, 本隊), a count word (若干工務所), a place clause (於…設).
# (A military school's 本部連, its headquarters company, is a name: 「本校設學員生總隊部、教勤營、本部連。」, F0000059.)
PROSE = re.compile(r"^(?:本(?:委員會|大學|中心|[部會院署局處所館校廠社室隊站])(?!連$|營$)|若干|(?:得|應)?於)")
# 「設北區、中區及南區分局（以下簡稱各分局）」: a family document that names its members.
NAMED_FAMILY = re.compile(r"設(?:置|立)?(?P<list>(?!各)[^，,。；：（(]{2,80}?(?:、|及)[^，,。；：（(]{2,80}?)\s*"
                          r"[（(]以下(?:簡)?稱(?P<alias>各\w{1,6})[）)]")
# A post's unit holding a list or a count of units (「陳列館及技術輔導中心」, 「工程總隊一隊至四隊」) that names no
# unit of the document: the posts belong to its members.  (A name the document sets up, 少年及家事廳, is a name.)
POST_LIST = re.compile(r"[及與暨、至或]")
SAMPLE = {line.split("\t")[0] for line in (ROOT / "eval" / "national" / "sample.tsv").read_text(
    encoding="utf-8").splitlines() if line}


def _norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split()).replace("台", "臺").replace("祕", "秘")


def _family_unnamed(parsed, text: str, own: list[str]) -> list[str]:
    """A family document whose text names its members but yields none of them: the family's name."""
    m = NAMED_FAMILY.search(text)
    family = parsed.agency[-1] if parsed.agency else ""
    if not m or not family.startswith(("各", "所屬各")):
        return []
    word = re.sub(r"^(?:所屬)?各(?:區|地)?", "", family)
    return [] if sum(n.endswith(word) and len(n) > len(word) for n in own) >= 2 else [family]


def check(name: str, data: bytes) -> dict:
    row: dict[str, Any] = {"doc": name.rsplit(".", 1)[0]}
    t = time.perf_counter()
    try:
        parsed = loaders.parse_bytes(data, name)
    except LoadError as exc:
        text = data.decode("utf-8", "replace")
        row.update(status="refused", reason=exc.problem, unit_wording=bool(UNIT_WORDING.search(text)))
    except Exception as exc:  # noqa: BLE001 - a crash is what this counts
        row.update(status="crash", reason=f"{type(exc).__name__}: {exc}"[:200], tb=traceback.format_exc()[-1200:])
    else:
        text = _norm(loaders.read_bytes(data, name)[0])
        top = len(parsed.agency) or max((len(u.path) for u in parsed.units if u.kind in ("Agency", "BranchOffice")
                                         and u.source.line <= 5), default=0)
        below = [u for u in parsed.units if len(u.path) > top]
        own = [u.path[-1] for u in below]
        staffed = {p.unit[-1] for p in parsed.posts if getattr(p, "unit", None) and len(p.unit) > top}
        written = {u.path[-1]: u.written for u in below if u.written}
        row.update(status="ok", title=parsed.document.title, units=len(own), duties=len(parsed.duties),
                   punct=sorted(n for n in set(own) | staffed if PUNCT.search(ALTERNATE.sub("", n))),
                   ranges=sorted(n for n in set(own) | staffed if RANGE.search(n)),
                   long=[n for n in own if len(n) > 18],
                   absent=[n for n in own if _norm(written.get(n, n)) not in text],
                   no_unit_end=[n for n in own if not UNIT_END.search(n)],
                   bare=sorted(n for n in set(own) | staffed if BARE.match(n)),
                   family_unnamed=_family_unnamed(parsed, text, own),
                   prose=sorted(n for n in set(own) | staffed if PROSE.match(n)),
                   collective=sorted(n for n in set(own) | staffed if COLLECTIVE.match(n)),
                   post_lists=sorted(n for n in staffed - set(own) if POST_LIST.search(ALTERNATE.sub("", n))),
                   few_units=len(own) <= 1 and bool(UNIT_WORDING.search(text)))
    row["seconds"] = round(time.perf_counter() - t, 4)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", help="a folder of open-data JSON files (default: the national corpus)")
    ap.add_argument("--show", type=int, default=6, help="examples to print per invariant")
    ap.add_argument("--json", help="write every document's row to this file")
    ap.add_argument("--include-sample", action="store_true", help="let examples come from the hand-checked sample")
    args = ap.parse_args()
    t0 = time.perf_counter()
    rows = [check(name, data) for name, data in national_files(args.dir)]
    ok = [r for r in rows if r["status"] == "ok"]
    refused = [r for r in rows if r["status"] == "refused"]
    crashed = [r for r in rows if r["status"] == "crash"]
    print(f"documents {len(rows)}: parsed {len(ok)}, refused {len(refused)} "
          f"({sum(r['unit_wording'] for r in refused)} with unit wording), crashed {len(crashed)}; "
          f"{sum(r['units'] for r in ok)} units, {sum(r['duties'] for r in ok)} duties; "
          f"{time.perf_counter() - t0:.1f}s")
    keys = (("punct", "unit names with punctuation"), ("ranges", "unexpanded ranges/lists"),
            ("long", "names over 18 characters"), ("absent", "names not in the text"),
            ("no_unit_end", "names without a unit word at the end"),
            ("bare", "names that are only unit words, units or posts' units (館, 各組)"),
            ("family_unnamed", "family documents naming members that yield none"),
            ("prose", "prose read as names, units or posts' units (本室設三課, 若干工務所)"),
            ("collective", "collectives read as units or posts' units (各科, 前項各科, 司法院各廳, 級法院)"),
            ("post_lists", "posts' units holding a list or count of units no unit is named (陳列館及技術輔導中心)"))
    for key, label in keys:
        print(f"{label}: {sum(len(r[key]) for r in ok)}")
    few = [r for r in ok if r["few_units"]]
    print(f"documents that set units up but yield at most one: {len(few)}")
    print("refusal reasons:", dict(Counter(r["reason"] for r in refused).most_common()))

    def shown(rs):
        return [r for r in rs if args.include_sample or r["doc"] not in SAMPLE][:args.show]
    for key, _label in keys:
        for r in shown([r for r in ok if r[key]]):
            print(f"  {key}: {r['doc']} {r['title']}: {'; '.join(r[key][:4])}")
    for r in shown(few):
        print(f"  few: {r['doc']} {r['title']}")
    for r in shown(refused):
        print(f"  refused: {r['doc']} {r['reason']}")
    for r in crashed[:args.show]:
        print(f"  crash: {r['doc']} {r['reason']}\n{r['tb']}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
