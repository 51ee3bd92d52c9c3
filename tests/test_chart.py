"""Org charts: golden DOT text, real Graphviz renderings, the font, options and bad input.

Expectations come from the documents: 基隆關's 15 units are the numbered items on
lines 32-47 of seed 001 (the budget book), 關務署's 12 units lines 13-28, and its
four 關 the headings ``(2) 基隆關`` … .  Golden files live in tests/golden/;
regenerate them after an intended change with::

    ORGGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_chart.py
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from graph_model.errors import OrgGraphError, UnknownUnit
from graph_model.graph.graph import OrgGraph
from graph_model.records.records import Document, DutyRecord, ParsedDocument, Source, UnitRecord
from loaders import load_path
from queries.charts.chart import FONT, HIGHLIGHT, READABLE_UNITS, STYLES, ChartError, chart, write_chart
from queries.charts.render import FontError, RenderError, check_font, font_info, output_format, render
from support import BUDGET_LINES, REPO, SEED_BUDGET

GOLDEN = Path(__file__).resolve().parent / "golden"
KEELUNG = "財政部/關務署/基隆關"
CUSTOMS = "財政部/關務署"


def numbered_units(first: int, last: int) -> list[str]:
    """Unit names of the numbered items ``N. 名稱：掌理…`` on lines first..last (1-based) of seed 001."""
    return [m.group(1) for line in BUDGET_LINES[first - 1:last] if (m := re.match(r"^\d+\.\s*([^：]+)：", line))]


KEELUNG_UNITS = numbered_units(32, 47)  # 業務一組 … 花蓮分關
CUSTOMS_UNITS = numbered_units(13, 28)  # 綜合規劃組 … 督察室
CUSTOMS_AGENCIES = [m.group(1) for line in BUDGET_LINES if (m := re.match(r"^\(\d+\)\s*(\S+關)$", line.strip()))]


@pytest.fixture(scope="module")
def small() -> OrgGraph:
    """A made-up agency with one unit of every kind, some duties, and a wide first level."""
    src = lambda line: Source("t", line)  # noqa: E731
    top = ("示範部", "示範局")
    units = [(top, "Agency", "局"), (top + ("企劃組",), "Division", "組"),
             (top + ("企劃組", "第一科"), "Section", "科"),
             (top + ("企劃組", "第二科"), "Section", "科"), (top + ("業務組",), "Division", "組"),
             (top + ("檢驗組",), "Division", "組"), (top + ("秘書室",), "Division", "室"),
             (top + ("人事室",), "Division", "室"), (top + ("資訊中心",), "Division", "中心"),
             (top + ("北區分局",), "BranchOffice", "分局"), (top + ("南區分局",), "BranchOffice", "分局"),
             (top + ("審議委員會",), "Committee", "委員會"), (top + ("化驗所",), "Facility", "所")]
    records = [UnitRecord(path, kind, unit_type, src(i)) for i, (path, kind, unit_type) in enumerate(units, 1)]
    duties = [DutyRecord(top + ("企劃組",), text, src(20 + i)) for i, text in enumerate(
        ["其他有關企劃事項", "中長程計畫之研擬及管考", "施政計畫、預算與研究發展及出版品之審核、協調及評估",
         "國會聯絡"])]
    duties.append(DutyRecord(top + ("北區分局",), "北區<業務>&督導", src(30)))
    return OrgGraph.build([ParsedDocument(Document("t", "示範局組織規程", "org_act"), records, duties)])


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ORGGRAPH_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with ORGGRAPH_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


def layout(dot_text: str) -> tuple[tuple[float, float], dict[str, tuple[float, float, float, float]]]:
    """Graphviz's own layout (``dot -Tplain``): chart size and each named box's (x, y, width, height), inches."""
    out = subprocess.run(["dot", "-Tplain"], input=dot_text, capture_output=True, text=True, check=True).stdout
    size, boxes = (0.0, 0.0), {}
    for line in out.splitlines():
        parts = shlex.split(line)
        if parts[0] == "graph":
            size = (float(parts[2]), float(parts[3]))
        elif parts[0] == "node" and parts[8] != "point":
            boxes[parts[1]] = tuple(float(v) for v in parts[2:6])
    return size, boxes


def overlaps(boxes: dict) -> list[tuple[str, str]]:
    items = sorted(boxes.items())
    found = []
    for i, (a, (ax, ay, aw, ah)) in enumerate(items):
        for b, (bx, by, bw, bh) in items[i + 1:]:
            if abs(ax - bx) < (aw + bw) / 2 - 0.01 and abs(ay - by) < (ah + bh) / 2 - 0.01:
                found.append((a, b))
    return found


# --------------------------------------------------------------------------- golden DOT
def test_golden_keelung_stacked(seed001_graph):
    c = chart(seed001_graph, "基隆關")
    assert [u.split("/")[-1] for u in c.units] == ["基隆關"] + KEELUNG_UNITS
    golden("keelung.dot", c.to_string())


def test_golden_customs_left_to_right_depth_1(seed001_graph):
    c = chart(seed001_graph, "關務署", depth=1, direction="LR")
    assert [u.split("/")[-1] for u in c.units] == ["關務署"] + CUSTOMS_UNITS + CUSTOMS_AGENCIES
    golden("customs-lr-depth1.dot", c.to_string())


def test_golden_every_kind_with_duties_headcount_and_highlight(small):
    c = chart(small, "示範局", duties=2, headcount={"示範部/示範局": 120, "示範部/示範局/企劃組": (8, 10)},
              highlight={"示範部/示範局/企劃組/第二科", "示範部/示範局/北區分局"}, highlight_label="which 計畫")
    golden("every-kind.dot", c.to_string())


def test_same_graph_gives_the_same_text(seed001_graph):
    again = OrgGraph.build([load_path(SEED_BUDGET)])
    assert chart(seed001_graph, "關務署", duties=2).to_string() == chart(again, "關務署", duties=2).to_string()


# --------------------------------------------------------------------------- layout, from Graphviz itself
def test_wide_levels_are_stacked_by_default_and_nothing_overlaps(seed001_graph):
    (width, height), boxes = layout(chart(seed001_graph, "基隆關").to_string())
    kids = {name: box for name, box in boxes.items() if name.startswith(KEELUNG + "/")}
    assert len(kids) == 15 == len(KEELUNG_UNITS)
    columns = {round(x - w / 2, 1) for x, y, w, h in kids.values()}  # stacked columns are left-aligned
    assert 2 <= len(columns) <= 4
    assert overlaps(boxes) == []
    (flat_width, flat_height), flat = layout(chart(seed001_graph, "基隆關", stack=False, row=15).to_string())
    assert len({round(y, 1) for name, (x, y, w, h) in flat.items() if name.startswith(KEELUNG + "/")}) == 1
    assert width < flat_width / 2  # stacking is what keeps it readable


def test_customs_chart_has_no_overlaps_and_keeps_document_order(seed001_graph):
    (width, height), boxes = layout(chart(seed001_graph, "關務署").to_string())
    assert overlaps(boxes) == []
    agencies = [f"{CUSTOMS}/{name}" for name in CUSTOMS_AGENCIES]
    assert sorted(agencies, key=lambda a: boxes[a][0]) == agencies  # 基隆關, 臺北關, 臺中關, 高雄關 left to right
    assert len({round(boxes[a][1], 1) for a in agencies}) == 1


def test_the_stacked_column_follows_document_order(seed001_graph):
    _, boxes = layout(chart(seed001_graph, "基隆關").to_string())
    divisions = [f"{KEELUNG}/{n}" for n in KEELUNG_UNITS if n.endswith("組")]
    assert sorted(divisions, key=lambda u: -boxes[u][1]) == divisions  # top to bottom (y grows upwards)


def test_left_to_right_charts_are_not_stacked(seed001_graph):
    c = chart(seed001_graph, "基隆關", direction="LR")
    _, boxes = layout(c.to_string())
    assert len({round(x, 1) for name, (x, y, w, h) in boxes.items() if name.startswith(KEELUNG + "/")}) == 1
    assert overlaps(boxes) == []


def test_duty_boxes_do_not_overlap(seed001_graph):
    _, boxes = layout(chart(seed001_graph, "基隆關", duties=3).to_string())
    assert overlaps(boxes) == []


# --------------------------------------------------------------------------- options
def test_depth_limits_levels_and_counts_hidden_units(seed001_graph):
    c = chart(seed001_graph, "關務署", depth=1)
    assert len(c.units) == 1 + len(CUSTOMS_UNITS) + len(CUSTOMS_AGENCIES)
    dot = c.to_string()
    assert f"下轄 {len(KEELUNG_UNITS)} 個單位" in dot  # 基隆關's box says what is below it
    assert f"+{len(KEELUNG_UNITS)} units" in chart(seed001_graph, "關務署", depth=1, lang="en").to_string()
    assert chart(seed001_graph, "關務署", depth=0).units == [CUSTOMS]


def test_without_unit_every_top_organization_is_drawn(samples_graph):
    c = chart(samples_graph, depth=1)
    # not those procedures only name
    roots = [r for r in samples_graph.roots() if not samples_graph.node(r).get("mentioned")]
    assert len(roots) >= 2 and all(r in c.units for r in roots)
    assert not [u for u in c.units if samples_graph.node(u).get("mentioned")]
    assert c.title == ""  # no title over several organizations
    assert chart(samples_graph, "基隆關").title == "財政部關務署基隆關"


def test_kinds_look_different_and_the_legend_names_them(seed001_graph):
    c = chart(seed001_graph, "基隆關")
    dot = c.to_string()
    fill = {kind: attrs["fillcolor"] for kind, (_, attrs) in STYLES.items()}
    assert len(set(fill.values())) == len(fill)
    assert f'"{KEELUNG}/五堵分關" [style="filled,rounded", fillcolor="{fill["BranchOffice"]}"' in dot
    assert f'"{KEELUNG}/稽查組" [style="filled", fillcolor="{fill["Division"]}"' in dot
    assert c.legend == [("關", "機關"), ("組、室", "內部單位"), ("分關", "分支機構")]  # only kinds shown
    legend = dot[dot.index("label=<<FONT"):]
    assert "<B>圖例</B>" in legend
    assert all(f">{sample}<" in legend and f">{text}<" in legend for sample, text in c.legend)
    english = chart(seed001_graph, "基隆關", lang="en")
    assert english.legend == [("關", "Agency"), ("組, 室", "Division"), ("分關", "Branch office")]
    assert "<B>Legend</B>" in english.to_string()


def test_highlight_fills_units_and_adds_a_legend_entry(seed001_graph):
    ids = {f"{KEELUNG}/稽查組", f"{KEELUNG}/八里分關"}
    c = chart(seed001_graph, "基隆關", highlight=ids, highlight_label="查緝")
    dot = c.to_string()
    filled = {name for name, attrs in re.findall(r'^("[^"]+") \[(.*)\];$', dot, re.M)
              if f'fillcolor="{HIGHLIGHT["fillcolor"]}"' in attrs}
    assert filled == {f'"{u}"' for u in ids}
    assert "查詢「查緝」" in dot and "2 個單位符合" in dot
    english = chart(seed001_graph, "基隆關", highlight=ids, highlight_label="查緝", lang="en").to_string()
    assert "which 查緝" in english and "2 highlighted" in english
    assert c.warnings == []
    outside = chart(seed001_graph, "基隆關", highlight=ids | {f"{CUSTOMS}/臺中關/保稅組"})
    assert outside.warnings == ["1 highlighted unit lies outside the chart"]
    shallow = chart(seed001_graph, "關務署", depth=1, highlight=ids)
    assert shallow.warnings == ["2 highlighted units lie outside the chart (2 below --depth 1)"]


def test_duties_are_listed_specific_first_and_counted(small):
    label = chart(small, "企劃組", duties=2).to_string()
    assert "• 中長程計畫之研擬及管考" in label
    assert "其他有關企劃事項" not in label  # a catch-all gives way to specific duties
    assert "另有 2 項職掌" in label
    assert "+2 more duties" in chart(small, "企劃組", duties=2, lang="en").to_string()
    assert "北區&lt;業務&gt;&amp;督導" in chart(small, "北區分局", duties=1).to_string()  # HTML-escaped


def test_headcount_from_a_mapping_or_from_the_graph(seed001_graph, small):
    c = chart(small, "示範局", headcount={"示範部/示範局": 120, "示範部/示範局/企劃組": (8, 10)})
    assert "員額 120" in c.to_string() and "員額 8–10" in c.to_string()
    with_attr = [u for u in seed001_graph.units() if u.get("headcount") is not None]
    if with_attr:  # the budget loader records headcounts: --headcount shows them
        u = with_attr[0]
        assert f"員額 {u['headcount']}" in chart(seed001_graph, u["id"], depth=0, headcount=True).to_string()
    assert chart(small, "示範局", headcount=True).warnings == [
        "no unit in this chart has a headcount in the graph: boxes show names only"]


def test_large_charts_warn_and_suggest_a_depth(samples_graph):
    c = chart(_synthetic(1000), "示範部")
    assert len(c.units) == 1000 > READABLE_UNITS
    (warning,) = c.warnings
    depth = int(re.search(r"--depth (\d+)", warning).group(1))
    assert len(chart(_synthetic(1000), "示範部", depth=depth).units) <= READABLE_UNITS
    assert chart(samples_graph, "關務署").warnings == []


def test_a_thousand_unit_chart_renders(tmp_path):
    out = tmp_path / "big.svg"
    write_chart(_synthetic(1000), "示範部", out)
    svg = out.read_text(encoding="utf-8")
    assert svg.count('class="node"') >= 1000 and "第十三署" in svg


def _synthetic(n: int) -> OrgGraph:
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_chart", REPO / "benchmarks" / "bench_chart.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_graph(n)


# --------------------------------------------------------------------------- the font
def test_the_font_covers_every_character_the_corpus_charts_draw(samples_graph):
    text = chart(samples_graph, duties=50, headcount=True).text()
    chars = sorted({ch for ch in text if not ch.isspace()})
    assert len(chars) > 300 and "關" in chars
    info = check_font(text)  # raises FontError naming the characters otherwise
    assert info.family == FONT and info.missing(text) == []
    # Independently, fontconfig itself lists the family among fonts having all of them.
    pattern = ":charset=" + " ".join(f"{ord(ch):x}" for ch in chars)
    families = subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True, check=True).stdout
    assert FONT in {f.strip() for line in families.splitlines() for f in line.split(",")}


def test_a_missing_font_or_glyph_is_an_error_that_says_what_to_install(seed001_graph, tmp_path):
    with pytest.raises(FontError, match="not installed.*apt-get install fonts-noto-cjk"):
        font_info("Noto Sans CJK XX")
    with pytest.raises(FontError, match=r"U\+20000"):
        check_font("財政部𠀀")
    out = tmp_path / "k.png"
    with pytest.raises(FontError):
        write_chart(seed001_graph, "基隆關", out, font="No Such Font Sans")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- rendering with the real dot
def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [el.text for el in root.iter("{http://www.w3.org/2000/svg}text") if el.text]


def test_svg_holds_the_chinese_names_as_text_in_the_chosen_font(seed001_graph, tmp_path):
    out = tmp_path / "keelung.svg"
    c = write_chart(seed001_graph, "基隆關", out)
    texts = _svg_texts(out)
    for name in ["基隆關", *KEELUNG_UNITS]:
        assert name in texts
    assert "財政部關務署基隆關" in texts  # the title
    assert f'font-family="{FONT}' in out.read_text(encoding="utf-8")
    assert c.warnings == []


def test_png_is_a_real_image_of_sensible_size(seed001_graph, tmp_path):
    out = tmp_path / "customs.png"
    write_chart(seed001_graph, "關務署", out)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert 1000 < width < 6000 and 400 < height < 3000, (width, height)
    assert width > height  # stacked: wide but not a single line of boxes
    assert len(data) > 20_000


def test_pdf_is_a_real_document_with_the_font_embedded(seed001_graph, tmp_path):
    out = tmp_path / "keelung.pdf"
    write_chart(seed001_graph, "基隆關", out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    x0, y0, x1, y1 = map(float, re.search(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)", data).groups())
    assert 200 < x1 - x0 < 3000 and 200 < y1 - y0 < 3000
    assert b"NotoSansCJK" in data  # the CJK font is embedded, so any reader shows the names


def test_dot_output_is_the_chart_text(seed001_graph, tmp_path):
    out = tmp_path / "keelung.gv"
    write_chart(seed001_graph, "基隆關", out)
    assert out.read_text(encoding="utf-8") == chart(seed001_graph, "基隆關").to_string()


# --------------------------------------------------------------------------- bad input, nothing half-written
def test_format_comes_from_the_option_or_the_extension():
    assert output_format("a.svg") == "svg" and output_format("a.PDF") == "pdf" and output_format("a", "png") == "png"
    for path, fmt, message in [("a.jpg", None, "unknown chart format '.jpg'"), ("a", None, "cannot tell the format"),
                               ("a.png", "gif", "unknown chart format 'gif'")]:
        with pytest.raises(ChartError, match=message):
            output_format(path, fmt)


def test_bad_input_is_a_domain_error(seed001_graph, tmp_path):
    with pytest.raises(UnknownUnit):
        chart(seed001_graph, "不存在關")
    for kwargs in ({"direction": "BT"}, {"depth": -1}, {"duties": -1}):
        with pytest.raises(ChartError):
            chart(seed001_graph, "基隆關", **kwargs)
    assert issubclass(ChartError, OrgGraphError) and issubclass(FontError, ChartError)
    (tmp_path / "file").write_text("x")
    for target, message in [(tmp_path / "missing" / "k.png", "does not exist"),
                            (tmp_path / "file" / "k.png", "is not a directory"), (tmp_path, "is a directory")]:
        with pytest.raises(ChartError, match=message):
            write_chart(seed001_graph, "基隆關", target, "png")


def test_a_failed_render_leaves_nothing_behind(tmp_path):
    out = tmp_path / "chart.png"
    out.write_bytes(b"previous chart")
    with pytest.raises(RenderError, match="Graphviz could not draw"):
        render("digraph { a -> }", out)
    assert out.read_bytes() == b"previous chart"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]  # no temporary file left


def test_written_files_are_readable_by_others(seed001_graph, tmp_path):
    out = tmp_path / "k.svg"
    write_chart(seed001_graph, "基隆關", out)
    assert out.stat().st_mode & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --------------------------------------------------------------------------- the command
def test_cli_writes_the_chart_and_says_so(run, store001, tmp_path):
    out = tmp_path / "keelung.svg"
    result = run("--store", store001, "chart", "基隆關", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote {out} (svg, 16 units)\n"
    assert result.stderr == ""
    assert set(KEELUNG_UNITS) <= set(_svg_texts(out))


def test_cli_format_option_depth_and_json(run, store001, tmp_path):
    out = tmp_path / "chart.img"
    result = run("--store", store001, "chart", "-o", out, "--format", "png", "--depth", "2", "--json")
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
    import json
    summary = json.loads(result.stdout)
    assert summary == {"output": str(out), "format": "png", "units": 1 + 1 + 16, "highlighted": 0, "pages": 1,
                       "warnings": []}


def test_cli_headcount_duties_direction(run, store001, tmp_path):
    out = tmp_path / "customs.dot"
    result = run("--store", store001, "chart", "關務署", "-o", out, "--depth", "1", "--headcount", "--duties", "1",
                 "--direction", "LR")
    assert result.exit_code == 0, result.stderr
    dot = out.read_text(encoding="utf-8")
    assert "rankdir=LR;" in dot and "• 國際關務相關業務之執行" in dot  # 綜合規劃組's first duty (001:13)
    headcount = open_store_graph(store001).node(KEELUNG).get("headcount")
    if headcount is not None:
        assert f"員額 {headcount}" in dot


def open_store_graph(path):
    from graph_model.store.store import open_store
    return open_store(path).graph()


def test_cli_highlight_fills_what_which_returns(run, store001, tmp_path):
    from graph_model.store.store import open_store
    from queries.charts.chart import units_matching
    graph = open_store(store001).graph()
    expected = set(units_matching(graph, "保稅", within="關務署"))
    assert expected and all(u == CUSTOMS or u.startswith(CUSTOMS + "/") for u in expected)  # at or under
    out = tmp_path / "customs.dot"
    result = run("--store", store001, "chart", "關務署", "-o", out, "--highlight", "保稅")
    assert result.exit_code == 0, result.stderr
    dot = out.read_text(encoding="utf-8")
    filled = {name.strip('"') for name, attrs in re.findall(r'^("[^"]+") \[(.*)\];$', dot, re.M)
              if f'fillcolor="{HIGHLIGHT["fillcolor"]}"' in attrs}
    assert filled == expected
    assert "查詢「保稅」" in dot
    assert result.stdout == f"wrote {out} (dot, 69 units, {len(expected)} highlighted)\n"
    # With --depth 1 most of them are hidden: the chart says so on stderr.
    shallow = run("--store", store001, "chart", "關務署", "-o", out, "--highlight", "保稅", "--depth", "1")
    hidden = [u for u in expected if u.count("/") > 2]
    assert shallow.exit_code == 0
    assert shallow.stderr == (f"Warning: {len(hidden)} highlighted unit{'s lie' if len(hidden) > 1 else ' lies'} "
                              f"outside the chart ({len(hidden)} below --depth 1)\n")


def test_a_chart_of_one_unit_says_one_unit(run, store001, tmp_path):
    for out in (tmp_path / "one.dot", tmp_path / "one.html"):
        result = run("--store", store001, "chart", "基隆關/稽查組", "-o", out)  # seed 001: 稽查組 has no units below
        assert result.exit_code == 0 and result.stdout == f"wrote {out} ({out.suffix[1:]}, 1 unit)\n"


@pytest.mark.parametrize("args, message", [
    (["不存在關", "-o", "{tmp}/x.png"], "Error: no unit named '不存在關'"),
    (["基隆關", "-o", "{tmp}/x.jpg"], "Error: unknown chart format '.jpg'"),
    (["基隆關", "-o", "{tmp}/nowhere/x.png"], "Error: cannot write the chart to"),
    (["基隆關", "-o", "{tmp}/x.png", "--font", "No Such Font Sans"],
     "Error: font 'No Such Font Sans' is not installed"),
])
def test_cli_errors_are_one_line_and_write_nothing(run, store001, tmp_path, args, message):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = run("--store", store001, "chart", *[a.replace("{tmp}", str(out_dir)) for a in args])
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith(message) and len(result.stderr.splitlines()) == 1, result.stderr
    assert list(out_dir.iterdir()) == []


def test_cli_unknown_format_option_is_a_usage_error(run, store001, tmp_path):
    result = run("--store", store001, "chart", "基隆關", "-o", tmp_path / "x.png", "--format", "gif")
    assert result.exit_code == 2 and "gif" in result.stderr
    assert list(tmp_path.glob("x.*")) == []


# --------------------------------------------------------------------------- the README
def readme_chart_examples() -> list[tuple[str, str]]:
    """``$ orggraph chart …`` examples of the README with the output shown under each."""
    examples, current, in_block = [], None, False
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            in_block, current = not in_block, None
        elif in_block and line.strip().startswith("$ "):
            current = None
            if line.strip().startswith("$ orggraph chart "):
                current = [line.strip()[2:], []]
                examples.append(current)
        elif in_block and current is not None:
            current[1].append(line.strip())
    return [(cmd, "\n".join(out)) for cmd, out in examples]


@pytest.mark.parametrize("command, expected", [pytest.param(c, e, id=c) for c, e in readme_chart_examples()])
def test_readme_chart_examples_are_real_output(run, tmp_path, monkeypatch, command, expected):
    monkeypatch.chdir(tmp_path)  # the examples write docs/img/…: here, into a scratch copy
    (tmp_path / "docs" / "img").mkdir(parents=True)
    result = run(*shlex.split(command)[1:])
    assert (result.stdout + result.stderr).rstrip("\n") == expected


def test_readme_chart_images_are_committed():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"\]\((docs/img/[^)]+\.png)\)", readme)
    assert len(images) >= 3
    for image in images:
        assert (REPO / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image
    commands = [c for c, _ in readme_chart_examples()] + re.findall(r"`(orggraph chart [^`]+)`", readme)
    for image in images:  # every committed image says which command made it
        assert any(c.endswith(f"-o {image}") for c in commands), image


# --------------------------------------------------------------------------- print: paper, wrapping, language
A4, A3 = (595.28, 841.89), (841.89, 1190.55)  # ISO 216 in points


def _mediabox(path: Path) -> tuple[float, float]:
    data = path.read_bytes()
    boxes = re.findall(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)", data)
    assert len(boxes) == 1, boxes  # one page
    x0, y0, x1, y1 = map(float, boxes[0])
    return x1 - x0, y1 - y0


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _printed_sizes(svg: Path) -> list[float]:
    """Point sizes of every text of an SVG as printed: font-size times the drawing's scale."""
    text = svg.read_text(encoding="utf-8")
    scale = float(re.search(r'class="graph" transform="scale\(([\d.]+)', text).group(1))
    return [float(size) * scale for size in re.findall(r'font-size="([\d.]+)"', text)]


@pytest.mark.parametrize("paper, landscape, expected", [("A4", False, A4), ("A3", True, A3[::-1])])
def test_pdf_page_is_the_paper(samples_graph, tmp_path, paper, landscape, expected):
    from queries.charts.render import Page
    out = tmp_path / "tipo.pdf"
    write_chart(samples_graph, "智慧財產局", out, page=Page(paper, landscape))
    width, height = _mediabox(out)
    assert abs(width - expected[0]) < 1 and abs(height - expected[1]) < 1, (width, height)
    assert b"NotoSansCJK" in out.read_bytes()


@pytest.mark.parametrize("unit, paper, landscape, dpi, inches", [("基隆關", "A4", False, None, (8.268, 11.693)),
                                                                 ("關務署", "A3", True, 100, (16.535, 11.693))])
def test_png_is_the_paper_at_the_dpi(seed001_graph, tmp_path, unit, paper, landscape, dpi, inches):
    from queries.charts.render import PRINT_DPI, Page
    out = tmp_path / "chart.png"
    write_chart(seed001_graph, unit, out, page=Page(paper, landscape), dpi=dpi)
    width, height = _png_size(out)
    dpi = dpi or PRINT_DPI
    assert abs(width - inches[0] * dpi) <= 1 and abs(height - inches[1] * dpi) <= 1, (width, height)


def test_text_on_paper_prints_at_7_points_or_more(samples_graph, tmp_path):
    from queries.charts.render import MIN_POINTS, Page
    out = tmp_path / "tipo.svg"
    write_chart(samples_graph, "智慧財產局", out, page=Page("A4"))
    text = out.read_text(encoding="utf-8")
    assert re.search(r'<svg width="595pt" height="842pt"', text)
    sizes = _printed_sizes(out)
    assert sizes and min(sizes) >= MIN_POINTS
    assert min(sizes) < 12  # scaled down to fit: 智慧財產局 is wider than A4 at full size
    assert {"智慧財產局", "專利一組", "第六科", "政風室"} <= set(_svg_texts(out))


def test_a_wide_level_is_wrapped_into_rows(samples_graph):
    """智慧財產局 has 13 divisions and offices (seed 003): they hang in two rows, not one."""
    kids = samples_graph.children(samples_graph.resolve("智慧財產局"))
    assert len(kids) == 13
    wrapped = chart(samples_graph, "智慧財產局")
    one_row = chart(samples_graph, "智慧財產局", row=20)
    assert "minlen=" in wrapped.to_string() and "minlen=" not in one_row.to_string()  # the spine to the next row
    (width, height), boxes = layout(wrapped.to_string())
    heads = [k for k in kids if samples_graph.children(k)]  # the units with 科 under them head their own sub-tree
    rows = sorted({round(boxes[k][1], 1) for k in heads}, reverse=True)
    assert len(rows) == 2
    first = [k.split("/")[-1] for k in heads if round(boxes[k][1], 1) == rows[0]]
    assert first == ["專利一組", "專利二組", "專利三組", "商標權組", "著作權組", "資料服務組"]  # document order
    assert overlaps(boxes) == []
    (flat_width, _), flat = layout(one_row.to_string())
    assert len({round(flat[k][1], 1) for k in heads}) == 1
    assert width < flat_width * 0.6


def test_on_paper_the_rows_that_print_largest_are_chosen(samples_graph, tmp_path):
    from queries.charts.chart import ROW, ROWS
    from queries.charts.render import Page, on_page
    for page in (Page("A4"), Page("A4", landscape=True)):
        out = tmp_path / "tipo.svg"
        write_chart(samples_graph, "智慧財產局", out, page=page)
        printed = min(_printed_sizes(out))
        assert printed >= 7
        for row in ROWS["TB"]:  # no other row length prints larger on this page
            other = chart(samples_graph, "智慧財產局", row=row)
            try:
                scale, _ = on_page(other.to_string(), page, other.min_size, "svg")
            except ChartError:
                continue
            assert printed >= scale * other.min_size - 0.01, (page, row)
    upright = chart(samples_graph, "智慧財產局", row=ROW["TB"])
    scale, _ = on_page(upright.to_string(), Page("A4"), upright.min_size, "svg")
    write_chart(samples_graph, "智慧財產局", out, page=Page("A4"))
    assert min(_printed_sizes(out)) > scale * upright.min_size + 1  # upright, shorter rows print larger


def test_legend_and_small_print_are_chinese_unless_asked(seed001_graph, tmp_path):
    out = tmp_path / "customs.svg"
    write_chart(seed001_graph, "關務署", out, depth=1, headcount=True)
    texts = set(_svg_texts(out))
    assert {"圖例", "機關", "內部單位"} <= texts
    assert f"下轄 {len(KEELUNG_UNITS)} 個單位" in texts  # 基隆關's box, depth 1
    assert not {"Legend", "Agency"} & texts
    write_chart(seed001_graph, "關務署", out, depth=1, lang="en")
    texts = set(_svg_texts(out))
    assert {"Legend", "Agency", "Division", f"+{len(KEELUNG_UNITS)} units"} <= texts
    with pytest.raises(ChartError, match="unknown language"):
        chart(seed001_graph, "關務署", lang="fr")


def test_svg_of_names_with_control_characters_is_valid_xml(tmp_path):
    src = Source("c", 1)
    names = [("控制\x07字元局", "Agency", "局"), ("第\x1b一組", "Division", "組"), ("秘書\x0b室", "Division", "室")]
    units = [UnitRecord(("示範部",) + tuple(n for n, _, _ in names[:i + 1]) if i == 0 else
                        ("示範部", names[0][0], name), kind, unit_type, src) for i, (name, kind, unit_type) in
             enumerate(names)]
    duties = [DutyRecord(("示範部", names[0][0], names[1][0]), "文書\x00收發", src)]
    g = OrgGraph.build([ParsedDocument(Document("c", "示範局組織規程", "org_act"), units, duties)])
    out = tmp_path / "c.svg"
    write_chart(g, "示範部", out, duties=1)
    ET.parse(out)  # raises on a control character
    texts = _svg_texts(out)
    assert "控制 字元局" in texts and "第 一組" in texts and "秘書 室" in texts
    assert any("文書 收發" in t for t in texts)


# --------------------------------------------------------------------------- line breaks
def test_line_breaks_keep_numbers_articles_brackets_and_latin_words_whole():
    from queries.charts.dot import wrap
    assert all("5-1/2條" in line or "5-1/2" not in line
               for line in wrap("依施行細則第5-1/2條規定辦理之案件審查", 6))
    assert any("第5-1/2條" in line for line in wrap("依施行細則第5-1/2條規定辦理之案件審查", 6))
    lines = wrap("調部服務人員提供貨櫃提單（Bill）及物品清單(Packing List)影本各1份", 10)
    assert any("(Packing List)" in line for line in lines) and any("（Bill）" in line for line in lines)
    assert all(not line.startswith(tuple("、，。；：）」")) for line in wrap("甲、乙、丙、丁、戊、己、庚、辛", 2))
    assert wrap("甲、乙、丙、丁", 2)[0] == "甲、"  # the mark stays with what precedes it
    assert wrap("「甲乙」丙丁戊", 4)[0] == "「甲乙」"  # a bracketed group that fits a line stays whole
    assert wrap("Customs Administration", 8) == ["Customs", "Administration"]  # at spaces, words whole


def test_line_breaks_on_every_duty_of_the_corpus(samples_graph):
    from queries.charts.dot import CLOSING, OPENING, wrap
    texts = {d["text"] for d in samples_graph.nodes_with_label("Duty")}
    assert len(texts) > 300
    for text in texts:
        lines = wrap(text, 15)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "").strip(), text  # nothing lost
        assert not any(line[0] in CLOSING for line in lines[1:]), lines
        assert not any(line[-1] in OPENING for line in lines), lines
        for number in re.findall(r"\d+(?:[-/.]\d+)+", text):
            assert any(number in line for line in lines), (number, lines)  # 5-1/2, 10-1 never split


def test_procedure_flow_on_paper(samples_graph, tmp_path):
    from queries.charts.procedure_chart import write_procedure_chart
    from queries.charts.render import Page
    out = tmp_path / "pension.pdf"
    write_procedure_chart(samples_graph, "撫卹", out, page=Page("A4"))
    width, height = _mediabox(out)
    assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1


# --------------------------------------------------------------------------- the national 行政院 on paper
@pytest.fixture(scope="module")
def national(national_documents):
    """The national graph (current documents), as `orggraph load` builds it."""
    from graph_model.store.store import current_documents
    return OrgGraph.build(current_documents(national_documents))


def test_the_national_executive_yuan_as_one_image_is_refused_on_a3_with_the_depth_that_fits(national, tmp_path):
    from queries.charts.render import Page, TooLarge
    ey = national.resolve("行政院")
    assert len(national.descendants(ey)) > 3000
    out = tmp_path / "ey.svg"  # one image: a PDF would take several pages instead
    with pytest.raises(TooLarge) as refused:
        write_chart(national, "行政院", out, page=Page("A3"))
    message = str(refused.value)
    assert message.startswith("the chart does not fit A3 portrait with text of 7 pt or more")
    depth, count = map(int, re.search(r"--depth (\d+) fits \((\d+) units\)", message).groups())
    assert not out.exists() and list(tmp_path.iterdir()) == []
    # The advice holds: that depth prints on A3, and one level more does not.
    pdf = tmp_path / "ey.pdf"
    written = write_chart(national, "行政院", pdf, page=Page("A3"), depth=depth)
    assert len(written.units) == count == 1 + len(national.descendants(ey, depth))
    width, height = _mediabox(pdf)
    assert abs(width - A3[0]) < 1 and abs(height - A3[1]) < 1
    with pytest.raises(TooLarge):
        write_chart(national, "行政院", tmp_path / "deeper.svg", page=Page("A3"), depth=depth + 1)


def test_the_whole_government_warns_with_one_organization_to_chart(national):
    # Even --depth 1 of every top organization is a wall of boxes: the warning names one to chart instead.
    whole = chart(national)
    (warning,) = whole.warnings
    assert warning.startswith(f"the chart has {len(whole.units)} units and will be hard to read; chart one "
                              "organization at a time: orggraph chart 行政院 --depth 1 (")
    count = int(re.search(r"--depth 1 \((\d+) units\)", warning).group(1))
    assert len(chart(national, "行政院", depth=1).units) == count <= READABLE_UNITS
    assert "chart one organization" in chart(national, depth=1).warnings[0]


def test_a_ministry_too_large_for_a3_prints_on_several_pages_of_one_pdf(national, tmp_path):
    from pypdf import PdfReader

    from queries.charts.render import Page
    out = tmp_path / "mot.pdf"
    written = write_chart(national, "交通部", out, page=Page("A3"))
    pages = ["".join(page.extract_text().split()) for page in PdfReader(out).pages]
    assert len(pages) > 1
    for n, text in enumerate(pages, 1):
        assert f"第{n}/{len(pages)}頁" in text
        assert (n == 1) == ("上接第" not in text)  # every later page names the page it continues
    mot = national.resolve("交通部")
    everything = "".join(pages)
    shown = set(written.units)
    assert shown >= {mot, *national.descendants(mot)}  # every unit is on some page
    assert all("".join(national.node(u)["name"].split()) in everything for u in national.descendants(mot, 2))
    assert "下接" in pages[0]


def test_the_ministries_of_the_executive_yuan_are_wrapped_and_readable_on_a3(national, tmp_path):
    out = tmp_path / "ey.svg"
    from queries.charts.render import Page
    write_chart(national, "行政院", out, page=Page("A3"), depth=1)
    assert min(_printed_sizes(out)) >= 7
    texts = set(_svg_texts(out))
    assert {"內政部", "交通部", "國防部", "圖例"} <= texts


# --------------------------------------------------------------------------- the command on paper
def test_cli_paper_options(run, store001, tmp_path):
    out = tmp_path / "customs.png"
    result = run("--store", store001, "chart", "關務署", "-o", out, "--paper", "a3", "--landscape", "--dpi", "72")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote {out} (png, 69 units)\n"
    width, height = _png_size(out)
    assert abs(width - A3[1]) <= 1 and abs(height - A3[0]) <= 1


@pytest.mark.parametrize("args, code, message", [
    (["-o", "{tmp}/x.pdf", "--landscape"], 2, "--landscape turns the paper"),
    (["-o", "{tmp}/x.pdf", "--dpi", "150"], 1, "Error: a resolution (dpi) is for png, not for pdf"),
    (["-o", "{tmp}/x.dot", "--paper", "A4"], 1, "Error: a paper size is for png, svg and pdf"),
    (["-o", "{tmp}/x.png", "--paper", "A5"], 2, "'A5' is not one of"),
    (["-o", "{tmp}/x.png", "--lang", "fr"], 2, "'fr' is not one of"),
])
def test_cli_paper_errors_write_nothing(run, store001, tmp_path, args, code, message):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = run("--store", store001, "chart", "基隆關", *[a.replace("{tmp}", str(out_dir)) for a in args])
    assert result.exit_code == code, result.stdout
    assert message in result.stderr
    assert list(out_dir.iterdir()) == []


def test_a_chart_to_standard_output_with_dash(run, store001, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--store", store001, "chart", "基隆關", "-o", "-", "--format", "svg")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.lstrip().startswith("<?xml") and "基隆關" in result.stdout and "</svg>" in result.stdout
    assert not (tmp_path / "-").exists()  # no file named -
    result = run("--store", store001, "chart", "基隆關", "-o", "-")
    assert result.exit_code == 2 and "give its --format too" in result.stderr
