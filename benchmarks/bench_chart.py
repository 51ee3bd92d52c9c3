"""Benchmark: org chart build and render time for 100- and 1,000-unit synthetic charts.

    python benchmarks/bench_chart.py            # prints a Markdown table for docs/benchmarks.md
    python benchmarks/bench_chart.py --repeat 5

The synthetic organization is shaped like a ministry: a 部 over 署-level agencies,
each with 8 組 (6 科 each), 5 室 and 3 分署 (4 課 each) — 77 units per agency,
cut at the requested size.  Timings are medians of ``--repeat`` runs:

- build: :func:`queries.charts.chart.chart` (walk the graph, lay out the DOT) plus ``to_string``;
- svg / png / pdf: :func:`queries.charts.render.render` — one ``dot`` process each, written
  to a temporary file and renamed into place, as ``orggraph chart`` does.

The bundled-corpus rows time the real charts of the README (關務署 and the whole corpus).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph_model.graph.graph import OrgGraph  # noqa: E402
from graph_model.records.records import Source  # noqa: E402

DIGITS = "〇一二三四五六七八九"


def cn(n: int) -> str:
    """Chinese numeral for 1..99 (一, 十, 十一, 二十三)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else DIGITS[tens]) + "十" if tens else "") + (DIGITS[ones] if ones else "")


def synthetic_graph(n_units: int) -> OrgGraph:
    """A ministry-shaped organization of exactly ``n_units`` units (root 示範部)."""
    graph = OrgGraph()
    plan: list[tuple[tuple[str, ...], str, str]] = [(("示範部",), "Agency", "部")]
    agency = 0
    while len(plan) < n_units:
        agency += 1
        a = ("示範部", f"第{cn(agency)}署")
        plan.append((a, "Agency", "署"))
        for d in range(1, 9):
            plan.append((a + (f"業務{cn(d)}組",), "Division", "組"))
            plan.extend((a + (f"業務{cn(d)}組", f"第{cn(s)}科"), "Section", "科") for s in range(1, 7))
        plan.extend((a + (name,), "Division", "室") for name in ("秘書室", "人事室", "政風室", "主計室", "資訊室"))
        for b in range(1, 4):
            plan.append((a + (f"第{cn(b)}分署",), "BranchOffice", "分署"))
            plan.extend((a + (f"第{cn(b)}分署", f"第{cn(s)}課"), "Section", "課") for s in range(1, 5))
    for line, (path, kind, unit_type) in enumerate(plan[:n_units], start=1):
        graph.add_unit(path, kind, unit_type, Source("synthetic", line))
    return graph


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args(argv)

    from graph_model.store.store import open_store
    from queries.charts.chart import chart
    from queries.charts.render import render

    cases: list[tuple[str, OrgGraph, str | None]] = [(f"synthetic {n:,} units", synthetic_graph(n), "示範部")
                                                     for n in args.sizes]
    corpus = open_store("/nonexistent/orggraph-bench-store.json").graph()  # the bundled corpus
    cases += [("corpus 關務署", corpus, "關務署"), ("corpus, all organizations", corpus, None)]

    print("| chart | units | build DOT | svg | png | pdf | png size |")
    print("|---|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, graph, unit in cases:
            built = chart(graph, unit)
            row = [name, f"{len(built.units):,}",
                   f"{median_seconds(lambda: chart(graph, unit).to_string(), args.repeat) * 1000:.0f} ms"]
            for fmt in ("svg", "png", "pdf"):
                out = Path(tmp) / f"chart.{fmt}"
                row.append(f"{median_seconds(lambda: render(built.to_string(), out), args.repeat):.2f} s")
            png = (Path(tmp) / "chart.png").read_bytes()
            row.append(f"{int.from_bytes(png[16:20], 'big')}×{int.from_bytes(png[20:24], 'big')} px")
            print("| " + " | ".join(row) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
