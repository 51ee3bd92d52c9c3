"""Score orggraph's current government and lineage against the hand-written gold of eval/lineage/.

    python eval/lineage/score.py [--store STORE] [-v]

- superseded.jsonl: agencies drawn at random (draw.py), each with its state on 2024-10-11 (current,
  superseded, abolished), successors and date, read from the texts. Scored: the state orggraph gives the
  agency (its unit's status, as `orggraph history` shows it; when the graph holds no unit of that name,
  current when any document that sets it up is current), and for superseded agencies whether
  orggraph names a right successor (a SUCCEEDED_BY edge, or the successors its documents' statuses give).
- parents.jsonl: the current agencies at levels 1–3 with their parents, from the organization acts.
  Scored: the agency is in the current view, under the right parent; the top level.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for p in (str(ROOT), str(ROOT / "eval"), str(ROOT / "eval" / "government")):
    if p not in sys.path:
        sys.path.insert(0, p)

TOP = {"總統府", "行政院", "立法院", "司法院", "考試院", "監察院"}


def rows(name: str | Path) -> list[dict]:
    path = HERE / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(name: str) -> str:
    return "".join(name.split()).replace("台", "臺")


def _found(graph, name: str) -> list[str]:
    """Units the name stands for: id, full name or alias; shallowest first."""
    from graph_model.records.unitref import units_named
    units = graph.units()
    table = [(u["id"], u["path"], u["full_name"], u["aliases"]) for u in units]
    hits = [table[i][0] for i in units_named(_norm(name), table)]
    if not hits:  # a name with its parents (行政院農業委員會漁業署): the unit whose full path spells it
        hits = [u["id"] for u in units if "".join(u["path"]).endswith(_norm(name)) or
                _norm(name).endswith("".join(u["path"][-2:]))]
    return sorted(hits, key=lambda h: h.count("/"))


def score_lineage(history, statuses, gold_file: str | Path = "superseded.jsonl") -> dict:
    gold = [r for r in rows(gold_file) if r.get("state") in ("current", "superseded", "abolished")]
    out: dict[str, Any] = {"agencies": len(gold), "state_right": 0, "superseded": 0, "successor_right": 0,
                           "misses": []}
    for r in gold:
        docs = [statuses[p] for p in r.get("pcodes", []) if p in statuses]
        if not docs:
            out["misses"].append((r["agency"], "no document loaded"))
            continue
        found = _found(history, r["agency"])[:1]
        # A rename in place (行政院金融監督管理委員會 → 金融監督管理委員會) is one node of the graph.
        in_place = bool(found) and any(found[0] in _found(history, n)[:1] for n in r.get("successors", ()))
        # The unit's state, as `orggraph history` shows it (a body whose repealed rules a current family
        # document took over is current); its documents' when the graph does not hold it, or holds it
        # under its new name.
        if found and not in_place:
            ours = "current" if history.node(found[0]).get("status", "current") == "current" else "ended"
        else:
            ours = "current" if any(s.state == "current" for s in docs) else "ended"
        theirs = "current" if r["state"] == "current" else "ended"
        if ours == theirs:
            out["state_right"] += 1
        else:
            out["misses"].append((r["agency"], f"state: ours {ours}, gold {r['state']}"))
        if r["state"] == "superseded" and r.get("successors"):
            out["superseded"] += 1
            named = {_norm(n) for s in docs for n in s.successors}
            if in_place:
                out["successor_right"] += 1
                continue
            for uid in found:
                named |= {_norm(n.replace(" › ", "")) for n in history.node(uid).get("successors", [])}
                named |= {_norm("".join(history.node(t)["path"])) for t, _ in history.out(uid, "SUCCEEDED_BY")}
                named |= {_norm(history.node(t)["name"]) for t, _ in history.out(uid, "SUCCEEDED_BY")}
            wanted = {_norm(n) for n in r["successors"]}
            if any(w.endswith(n) or n.endswith(w) for w in wanted for n in named if n):
                out["successor_right"] += 1
            else:
                out["misses"].append((r["agency"], f"successor: ours {sorted(named)}, gold {sorted(wanted)}"))
    return out


def score_parents(current) -> dict:
    gold = rows("parents.jsonl")
    out: dict[str, Any] = {"agencies": len(gold), "placed": 0, "misses": [],
                           "top": sorted(current.node(r)["name"] for r in current.roots())}
    for r in gold:
        found = _found(current, r["agency"])
        if not found:
            out["misses"].append((r["agency"], "not in the current view"))
            continue
        uid = found[0]
        parent = current.parent(uid)
        want = _norm(r.get("parent", ""))
        got = current.node(parent) if parent else None
        if (not want and got is None) or (got is not None and want and
                                          (want.endswith(_norm(got["name"])) or _norm(got["full_name"]) == want)):
            out["placed"] += 1
        else:
            out["misses"].append((r["agency"], f"parent: ours {got['id'] if got else '(top)'}, gold {r.get('parent')}"))
    return out


def run(store: Path | None = None, gold_file: str | Path = "superseded.jsonl") -> dict:
    from score import national_store

    from graph_model.graph import lineage
    from graph_model.store.store import open_store
    with tempfile.TemporaryDirectory() as tmp:
        s = open_store(store or national_store(Path(tmp)))
        statuses = lineage.statuses(s.parsed())
        return {"lineage": score_lineage(s.graph(history=True), statuses, gold_file),
                "parents": score_parents(s.graph())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path)
    ap.add_argument("--superseded", default="superseded.jsonl",
                    help="the drawn agencies' gold (heldout/superseded.jsonl: the held-back sample)")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    result = run(args.store, args.superseded)
    lin, par = result["lineage"], result["parents"]
    print(f"agencies drawn: {lin['agencies']}; state right {lin['state_right']} "
          f"({lin['state_right'] / max(lin['agencies'], 1):.3f}); superseded with a successor in the gold "
          f"{lin['superseded']}, successor right {lin['successor_right']} "
          f"({lin['successor_right'] / max(lin['superseded'], 1):.3f})")
    print(f"current agencies at levels 1-3: {par['agencies']}; under the right parent {par['placed']} "
          f"({par['placed'] / max(par['agencies'], 1):.3f}); top level: {'、'.join(par['top'])}")
    if args.v:
        for name, why in lin["misses"] + par["misses"]:
            print(f"  {name}: {why}")


if __name__ == "__main__":
    main()
