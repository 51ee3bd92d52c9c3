"""Corpus-wide invariants of the loaders over the national laws database's organization documents.

    python eval/national.py [--show N] [--json FILE] [--include-sample] [DIR]

Each law is read as `orggraph load` reads it (the open-data JSON itself) and parsed alone.
Printed: documents parsed / refused (with reason) / crashed, and suspect unit names — with
punctuation, unexpanded ranges or lists, absent from the text, over 18 characters, without a unit
word at the end, only unit words or a collective (辦事處, 各組, 館; 司法院各廳, 級法院: among posts' units too, as
the store makes a unit of a post's), posts' units holding a list that names no unit of the document —
family documents that name their members but yield none of them, counts the text states (「分設三科」 before a
list of names, 「設教務、訓導、總務三組」, 「設第一組至第七組」) that the units parsed under the unit counted for
disagree with, and documents whose text sets units up but that yield at most one.  These are invariants, not a
score (the score is eval/run.py on the hand-checked sample); examples leave out the sample's documents unless
--include-sample.
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


# Counts stated in the text: 「分設三科」, 「設教務、訓導、總務三組」, 「分四組辦事」, 「設下列五處」,
# 「第一組至第七組」.
NUM = r"[一二兩三四五六七八九十]+"
KIND = r"(?:分署|分局|中心|大隊|中隊|組|科|室|課|股|處|隊)"
# The unit a sentence's count belongs to: its subject (「第一組分設三科」, 「秘書室設左列二科」; 本局 → the agency).
OWNER_END = r"(?:委員會|小組|中心|部|會|院|署|局|處|組|室|科|課|股|隊|站|所|館|廠|場|庫|段|班|團|校|司|廳)"
# (分 only in a branch's word: 第三分局, 北區分署)
OWNER_CHAR = r"(?:分(?=[局署處所院隊館會])|[^，,、：:。；設分得應其及與│|])"
# (及, 與, 應 inside a name: 行政訴訟及懲戒廳, 給與福利處, 應用服務組)
OWNER_NAME = rf"{OWNER_CHAR}(?:分(?=[局署處所院隊館會])|[^，,、：:。；設分│|]){{0,15}}?{OWNER_END}"
COUNT_OWNER = re.compile(rf"^(?P<owner>{OWNER_NAME}|本\w{{1,5}}?)[：:，,]?"
                         rf"(?=(?:視[^。；]{{0,30}}?[，,]|得|應|並|另|內|下|除)?(?:分設|設|分))")
# A sentence's subject without a count (「機動巡查隊掌理…。分設四隊，…」: the next sentence's unit).
SUBJECT = re.compile(rf"^(?P<owner>{OWNER_NAME})(?=掌理|辦理|負責|[：:，,])")
# A list item naming a unit (「一、規劃股」, 「二、第二科：」), not a duty.
NAME_ITEM = re.compile(rf"^[一二三四五六七八九十]+、[^，,。；：:\s]{{1,14}}?{KIND}(?:[：:\s]|$)")
# A count only (「分設三科」, 「設下列五處」, 「分四組辦事」, 「設三科至五科」, 「設二科或三科」).
COUNT_ONLY = re.compile(rf"(?P<verb>得|應)?(?:分設|(?<!設)設置?(?!計|備)|分為|分)(?P<list>下列|左列|如下)?"
                        rf"(?P<n>{NUM})(?P<kind>{KIND})"
                        rf"(?:(?:至|或)(?P<m>{NUM})(?P=kind)?)?(?![、及與](?:{NUM})?{KIND})")
# Names and their count (「設教務、訓導、總務三組」, 「分設企劃、業務二科」).
COUNT_NAMED = re.compile(rf"(?P<verb>得|應)?(?:分設|(?<!設)設置?(?!計|備)|分為)"
                         rf"(?P<names>(?:設[計備]|[^，,。；：:設]){{2,80}}?[、及與暨](?:設[計備]|[^，,。；：:設]){{1,20}}?)"
                         rf"(?<![第至])(?P<n>{NUM})(?P<kind>{KIND})(?!\w{{0,2}}(?:人|名))")
# An ordinal range names its units (「設第一組至第七組」).
COUNT_RANGE = re.compile(rf"第(?P<a>{NUM})(?P<kind>{KIND})至第(?P<b>{NUM})(?P=kind)")


def _counted(parsed, text: str, top: int, compared: list[int] | None = None) -> list[str]:
    """Where a count the text states disagrees with the parsed children of that kind under its unit (``compared``
    gets one entry per count compared)."""
    from loaders.read.text import cn_number
    units = [tuple(_norm(n) for n in u.path) for u in parsed.units if len(u.path) > top]
    agency = [_norm(n) for n in parsed.agency] if parsed.agency else []
    by_name: dict[str, list[tuple[str, ...]]] = {}
    for p in units:
        by_name.setdefault(p[-1], []).append(p)
    out: list[str] = []
    seen: set[tuple] = set()

    def children(owner: tuple[str, ...] | None, kind: str) -> list[str]:
        depth = top + 1 if owner is None else len(owner) + 1
        return sorted({p[-1] for p in units if len(p) == depth and (owner is None or p[:-1] == owner)
                       and p[-1].endswith(kind) and p[-1] != kind})

    # a wrapped article's continuation lines (a list item, a sub-item or an article's number starts a line)
    joined = re.sub(r"(?m)\n[ \t\u3000]*(?![一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|$)", "",
                    re.sub(r"(?m)^第\s*\d+(?:-\d+)?\s*條\s*$", "", text))
    lines = joined.splitlines()
    for at, line in enumerate(lines):
        last = ""
        items = []  # the list items after the line (「一、規劃股」), past their sub-items
        for following in lines[at + 1:]:
            following = unicodedata.normalize("NFKC", following).strip()
            if re.match(r"[一二三四五六七八九十]+、", following):
                items.append(following)
            elif not re.match(r"[(（]|\d", following):
                break
        for sentence in re.split(r"[。；;]", unicodedata.normalize("NFKC", line).replace(" ", "")):
            sentence = re.sub(r"^(?:[一二三四五六七八九十]+、|\(\w{1,3}\)|（\w{1,3}）)", "", sentence)
            sentence = re.sub(r"\(以下(?:簡)?稱[^()]{1,12}\)", "", sentence)  # the founding sentence's alias
            m = COUNT_OWNER.match(sentence)
            owner_name = m.group("owner") if m else ""
            if not m and not SUBJECT.match(sentence):
                verb = re.search(r"分設|設|分", sentence)
                if not verb or verb.start() > 1:
                    continue  # a subject the check does not read (「第一警官大隊、第二警官大隊，分三十四隊」, 院士)
                owner_name = last  # 「機動巡查隊掌理…。分設四隊」: the sentence before's subject
            elif not m and (subject := SUBJECT.match(sentence)):
                last = subject.group("owner")
                continue
            last = owner_name
            owners: list[tuple[str, ...] | None]
            if owner_name.startswith("本") and (inner := next((owner_name[i:] for i in range(2, len(owner_name) - 1)
                                                                if owner_name[i:] in by_name), "")):
                owner_name = inner  # 「本會秘書室設…」, 「本局行政處分設…」
            if not owner_name or owner_name.startswith("本") or (agency and (agency[-1].endswith(owner_name)
                                                                             or owner_name.endswith(agency[-1]))):
                owners = [None]
            elif owner_name in by_name and len(by_name[owner_name]) == 1:
                owners = [by_name[owner_name][0]]
            elif owner_name not in by_name and (listed := COUNT_NAMED.search(sentence)) and _names(listed):
                out.append(f"{owner_name} (not parsed): {listed.group(0)}")
                continue
            else:
                continue  # an owner the parse does not have, or several units of that name
            for mm in COUNT_RANGE.finditer(sentence):
                a, b = cn_number(mm["a"]), cn_number(mm["b"])
                if not a or not b or b <= a or b - a > 30 or "設" not in sentence[:mm.start()]:
                    continue
                kind = mm["kind"]
                want = {f"第{_cn(i)}{kind}" for i in range(a, b + 1)}
                for owner, missing, _ in _short_of(owners, kind, want, children, compared, seen, "range"):
                    out.append(f"{(owner or ('',))[-1] or '(top)'}: {mm.group(0)} → missing "
                               f"{'、'.join(sorted(missing))[:60]}")
            named = list(COUNT_NAMED.finditer(sentence))
            for mm in named:
                kind = mm["kind"]
                if not (want := _names(mm)):
                    continue
                for owner, missing, have in _short_of(owners, kind, want, children, compared, seen, "named"):
                    out.append(f"{(owner or ('',))[-1] or '(top)'}: {mm.group(0)} → missing "
                               f"{'、'.join(sorted(missing))}; parsed {'、'.join(sorted(have)) or 'none'}")
            if named:
                continue
            for mm in COUNT_ONLY.finditer(sentence):
                n, kind = cn_number(mm["n"]), mm["kind"]
                hi = cn_number(mm["m"]) if mm["m"] else n
                if not n or not hi:
                    continue
                for owner in owners:
                    found = children(owner, kind)
                    listed_after = bool(re.search(r"下列|左列|如下|如左|[:：]$", sentence) and items
                                        and NAME_ITEM.match(items[0]))
                    inline = bool(found and re.search(rf"[:：]\s*[(（]一[)）][^:：]{{1,14}}{kind}[:：]", sentence))
                    if not (listed_after or inline):
                        continue  # a count alone names no unit: only a list of names after it does
                    if compared is not None:
                        compared.append(1)
                    if n <= len(found) <= hi or (listed_after and len(found) > hi and n <= len(items) <= hi):
                        continue  # (「一、貨物、證交稅股：」: the count counts the items, an item names two)
                    if (key := (owner, kind, "count")) in seen:
                        continue
                    seen.add(key)
                    out.append(f"{(owner or ('',))[-1] or '(top)'}: {mm.group(0)} ≠ {len(found)} "
                               f"({'、'.join(found)[:60] or 'none'})")
    return out


def _short_of(owners, kind: str, want: set[str], children, compared, seen: set, how: str):
    """(owner, names missing, names parsed) for each owner whose parsed units of the kind lack names the text gives;
    each (owner, kind, how) once."""
    for owner in owners:
        have = set(children(owner, kind))
        if compared is not None:
            compared.append(1)
        if want - have and (key := (owner, kind, how)) not in seen:
            seen.add(key)
            yield owner, want - have, have


def _names(mm: re.Match) -> set[str]:
    """The units a counted list names (「設教務、訓導、總務三組」 → 教務組, 訓導組, 總務組); none if it is no such
    list."""
    from loaders.read.text import cn_number
    n, kind = cn_number(mm["n"]), mm["kind"]
    items = [re.sub(r"等$", "", x) for x in re.split(r"[、及與暨]", mm["names"]) if x]
    if any(re.search(rf"(?:^{NUM}|{NUM}{KIND}$|[至或])", x) for x in items):
        return set()  # 「一科、二科」, 「調查一組、調查二組」, 「二課至五課、一室或二室」: names or counts of kinds
    if not n or len(items) != n:
        return set()  # a count over a list of a different length: not a list of the units' names
    return {x if x.endswith(kind) else x + kind for x in items}


def _cn(i: int) -> str:
    digits = "零一二三四五六七八九"
    if i < 10:
        return digits[i]
    if i < 20:
        return "十" + (digits[i % 10] if i % 10 else "")
    return digits[i // 10] + "十" + (digits[i % 10] if i % 10 else "")


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
        raw = loaders.read_bytes(data, name)[0]
        compared: list[int] = []
        text = _norm(raw)
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
                   counts=_counted(parsed, raw, top, compared), counted=len(compared),
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
            ("post_lists", "posts' units holding a list or count of units no unit is named (陳列館及技術輔導中心)"),
            ("counts", "counts stated in the text the parsed units disagree with (分設三科, 設教務、訓導、總務三組)"))
    for key, label in keys:
        print(f"{label}: {sum(len(r[key]) for r in ok)}")
    print(f"  (counts compared: {sum(r['counted'] for r in ok)} in {sum(bool(r['counted']) for r in ok)} documents)")
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
