"""The interactive HTML org chart (``orggraph chart UNIT -o FILE.html``), in real headless Chromium.

Every page is opened from a file:// URL in an offline context (the ``page`` fixture): it must
work with no network and make no request but its own file.  Expectations are read from the
seed documents (the numbered items of seed 001, 「分四科辦事」 in seed 003) and from
``orggraph which`` itself: the page's search is a port of queries/lookup/search.py and must answer
the same, unit for unit and score for score (queries/lookup/ask.py's reading of questions included).

The README's screenshot (docs/img/htmlchart.png) is taken by the first browser test; retake it
after an intended change with ``ORGGRAPH_UPDATE_SCREENSHOTS=1 python -m pytest tests/test_html_chart.py``.
"""
from __future__ import annotations

import json
import os
import re

import pytest

from graph_model.graph.graph import OrgGraph
from graph_model.records.records import Document, DutyRecord, ParsedDocument, Source, UnitRecord
from queries.charts.html_chart import html_chart, script_json
from queries.lookup.ask import ask_graph
from queries.lookup.which import which
from support import REPO, SEED_BUDGET, SEED_RULES, graph_of


def answers(graph, query, agency=None):
    """What ``orggraph which QUERY --agency UNIT`` lists, the question read as such (queries/lookup/ask.py) but
    for the agency it names: the page searches its own chart."""
    return ask_graph(graph, query, agency=agency, read_scope=False).hits

BUDGET = SEED_BUDGET.read_text(encoding="utf-8").splitlines()
RULES = SEED_RULES.read_text(encoding="utf-8").splitlines()
BUDGET_DOC = SEED_BUDGET.stem
QUERIES = [json.loads(line)["query"] for line in (REPO / "eval" / "queries.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]
# Off-topic queries (eval/offtopic.jsonl) and everyday ones only the second pass answers (partial matches).
OFFTOPIC = [json.loads(line)["query"] for line in (REPO / "eval" / "offtopic.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]
PARTIAL = ["辦公室冷氣維修", "員工宿舍分配管理", "走私毒品查緝", "預算執行進度管考", "貨櫃掃描儀器維護"]
# Questions read as such (queries/lookup/ask.py): everyday words of the planner vocabulary, 「哪個機關」.
QUESTIONS = ["走私", "哪個機關管保稅工廠？", "報關要找哪個單位", "出差申請", "公務員退休", "哪個機關負責商標註冊",
             "哪個署管關稅？", "哪個機構負責專利審查", "保稅工廠是哪個中央機關在監管？"]


def budget_unit(line: int) -> str:
    """Id of the unit that the numbered item on ``line`` (1-based) of seed 001 sets up:
    「3. 稽查組：…」 under 「(2) 基隆關」."""
    name = re.match(r"^\d+\.\s*([^：]+)：", BUDGET[line - 1]).group(1)
    agency = next(m.group(1) for text in reversed(BUDGET[:line])
                  if (m := re.match(r"^\(\d+\)\s*(\S+關)$", text.strip())))
    return f"財政部/關務署/{agency}/{name}"


class Watched:
    """A page with what it logged: console errors, uncaught exceptions, requests."""

    def __init__(self, page, path):
        self.page, self.url = page, path.as_uri()
        self.errors, self.requests = [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.goto(self.url)

    def clean(self) -> None:
        assert self.errors == []
        assert self.requests == [self.url]  # its own file, nothing else

    def shown(self) -> list[str]:
        """Names of the units the tree shows (rendered and not inside a collapsed node)."""
        return self.page.eval_on_selector_all("li.node > .box .name", "els => els.filter(e => e.offsetParent)"
                                              ".map(e => e.textContent)")

    def search(self, query: str) -> list[dict]:
        """Type ``query`` in the search box; the results listed: ``{unit, rank, text}``."""
        self.page.fill("#q", query)
        self.page.press("#q", "Enter")
        return self.page.eval_on_selector_all("#results li.hit", "els => els.map(e => ({unit: e.dataset.unit, "
                                              "rank: e.value, text: e.innerText}))")


def open_chart(page, tmp_path, graph, unit=None, name="chart.html") -> Watched:
    path = tmp_path / name
    path.write_text(html_chart(graph, unit), encoding="utf-8")
    return Watched(page, path)


# ------------------------------------------------------------------ the command
def test_chart_html_writes_one_self_contained_file(run, tmp_path):
    out = tmp_path / "customs.html"
    result = run("chart", "關務署", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out} (html, 69 units)"  # 1 + 12 divisions + 4 關 and their 52 units
    text = out.read_text(encoding="utf-8")
    assert "<script src" not in text and "<link" not in text and "http://" not in text and "https://" not in text
    forced = tmp_path / "customs.page"
    assert run("chart", "關務署", "-o", forced, "--format", "html").exit_code == 0
    assert forced.read_text(encoding="utf-8") == text  # the same graph gives the same page


def test_chart_html_bad_input_is_one_line(run, tmp_path):
    result = run("chart", "不存在的單位", "-o", tmp_path / "x.html")
    assert result.exit_code == 1 and result.stderr.startswith("Error: no unit named '不存在的單位'")
    assert not (tmp_path / "x.html").exists()
    result = run("chart", "基隆關", "--depth", "1", "-o", tmp_path / "x.html")
    assert result.exit_code == 2 and "--depth is not for HTML charts" in result.stderr


def test_chart_html_to_an_unwritable_path_is_a_chart_error(run, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("chart", "基隆關", "-o", blocker / "x.html")
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {blocker / 'x.html'}: cannot write here")
    assert "--store" not in result.stderr  # the store is not what failed
    result = run("chart", "基隆關", "-o", blocker / "x.html", "--json")
    assert json.loads(result.stdout)["error"]["kind"] == "chart"


def test_script_json_cannot_end_the_script():
    text = script_json({"n": "</script><!--\u2028&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"n": "</script><!--\u2028&"}


# ------------------------------------------------------------------ in the browser
def test_tree_search_panel_and_screenshot(page, tmp_path, samples_graph):
    chart = open_chart(page, tmp_path, samples_graph, "關務署")
    shown = chart.shown()
    divisions = [m.group(1) for text in BUDGET[12:28] if (m := re.match(r"^\d+\.\s*([^：]+)：", text))]
    agencies = [m.group(1) for text in BUDGET if (m := re.match(r"^\(\d+\)\s*(\S+關)$", text.strip()))]
    assert shown[0] == "關務署"
    assert len(divisions) == 12 and set(divisions + agencies) <= set(shown)

    # A duty, as seed 001 words it: the units whose items say 「入出境旅客、船員行李之檢查及通關」.
    query = "旅客行李之檢查及通關"
    listed = chart.search(query)
    expected = {budget_unit(n) for n, text in enumerate(BUDGET, 1) if "旅客、船員行李之檢查及通關" in text}
    assert len(expected) == 3 and expected <= {r["unit"] for r in listed[:4]}
    assert [r["unit"] for r in listed] == [h.unit["id"] for h in answers(samples_graph, query, agency="財政部/關務署")]
    # A name: the four 稽查組 of seed 001 come first.
    listed = chart.search("稽查組")
    named = {budget_unit(n) for n, text in enumerate(BUDGET, 1) if re.match(r"^\d+\.\s*稽查組：", text)}
    assert len(named) == 4 and {r["unit"] for r in listed[:4]} == named
    assert [r["unit"] for r in listed] == [h.unit["id"]
                                           for h in answers(samples_graph, "稽查組", agency="財政部/關務署")]

    # The side panel: 基隆關's 稽查組 (seed 001 line 34), a duty with its document and line.
    page.click("#results li.hit[data-unit='財政部/關務署/基隆關/稽查組']")
    panel = page.inner_text("#panel")
    assert "財政部 › 關務署 › 基隆關 › 稽查組" in panel
    assert "入出境運輸工具之通關及管理" in BUDGET[33]
    duty = page.locator("#panel li.duty", has_text="入出境運輸工具之通關及管理")
    assert f"{BUDGET_DOC}:34" in duty.inner_text()
    assert page.locator("#panel li.duty").count() == len(which_duties(samples_graph, "財政部/關務署/基隆關/稽查組"))
    assert page.locator(".box.selected .name").inner_text() == "稽查組"
    page.screenshot(path=str(tmp_path / "panel.png"))
    assert (tmp_path / "panel.png").stat().st_size > 10_000
    if os.environ.get("ORGGRAPH_UPDATE_SCREENSHOTS"):  # the README's picture: the panel, and the results again
        page.set_viewport_size({"width": 1280, "height": 800})
        chart.search("旅客行李檢查")
        page.screenshot(path=str(REPO / "docs" / "img" / "htmlchart.png"))
    chart.clean()


def which_duties(graph, uid):
    from queries.units import duties_in_order
    return duties_in_order(graph, uid)


def test_expand_collapse_zoom_and_print(page, tmp_path, samples_graph):
    chart = open_chart(page, tmp_path, samples_graph)  # every organization: sections start collapsed
    assert {"經濟部", "財政部", "智慧財產局", "專利一組"} <= set(chart.shown())
    head = next(i for i, text in enumerate(RULES) if text.startswith("專利一組") and "科辦事" in text)
    count = "一二三四五六七八九".index(re.search(r"分(.)科辦事", RULES[head]).group(1)) + 1  # 「分四科辦事」
    sections = [f"第{'一二三四五六七八九'[i]}科" for i in range(count)]
    group = page.locator("li.node", has=page.locator("> .box .name", has_text="專利一組"))
    def kids():
        visible = group.locator("> ul.kids").is_visible()
        return group.locator("> ul.kids > li > .box .name").all_inner_texts() if visible else []
    assert kids() == []
    group.locator("> .box .tog").click()
    assert kids() == sections
    group.locator("> .box .tog").click()
    assert kids() == []

    before = page.locator("#canvas").evaluate("e => e.style.transform")
    page.click("#zoom-in")
    assert "scale(1.25)" in page.locator("#canvas").evaluate("e => e.style.transform") != before
    page.mouse.move(700, 600)
    page.mouse.down()
    page.mouse.move(600, 500)
    page.mouse.up()
    assert "translate(-100px, -100px)" in page.locator("#canvas").evaluate("e => e.style.transform")

    page.click("#expand")
    page.emulate_media(media="print")
    assert page.locator("header").is_hidden() and page.locator("#print-title").is_visible()
    assert page.locator("#canvas").evaluate("e => getComputedStyle(e).transform") == "none"
    assert set(sections) <= set(chart.shown())
    pdf = tmp_path / "chart.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    chart.clean()


@pytest.mark.parametrize("unit", [None, "財政部/關務署", "經濟部"])
def test_search_answers_as_which(page, tmp_path, samples_graph, unit):
    """Every query of eval/queries.jsonl: the page lists the units `which` lists, in its order, with its scores."""
    chart = open_chart(page, tmp_path, samples_graph, unit)
    queries = QUERIES + OFFTOPIC + PARTIAL + QUESTIONS
    got = page.evaluate("qs => qs.map(q => orgchart.search(q))", queries)
    differ = []
    for query, hits in zip(queries, got):
        want = [(h.unit["id"], round(h.score, 9)) for h in answers(samples_graph, query, agency=unit)]
        if [(u, round(s, 9)) for u, s in hits] != want:
            differ.append(query)
    assert differ == []
    assert page.evaluate("orgchart.keysAgree()") == 0  # the page folds the entries as the index did
    chart.clean()


# ------------------------------------------------------------------ hostile names
NASTY = ["</script><script>window.pwned=1</script>組", "A&B \"引號\" '單引'室", "<img src=x onerror=window.pwned=2>科",
         "控制\x01\x07\x1b字元股", "<!--註解-->&amp;中心"]


@pytest.fixture(scope="module")
def crafted():
    src = lambda line: Source("crafted", line, article="第2條")  # noqa: E731
    top = ("示範部", "示範<局>")
    units = [UnitRecord(top, "Agency", "局", src(1))]
    units += [UnitRecord(top + (name,), "Division", "組", src(i)) for i, name in enumerate(NASTY, 2)]
    duties = [DutyRecord(top + (NASTY[0],), "</script><b>粗體</b>之審核", src(10)),
              DutyRecord(top + (NASTY[2],), "\"<iframe src=x>\"\x00與 & 檔案管理", src(11))]
    return OrgGraph.build([ParsedDocument(Document("crafted", "示範<局>組織規程", "org_act"), units, duties)])


def test_names_with_markup_stay_text(page, tmp_path, crafted):
    chart = open_chart(page, tmp_path, crafted, name="crafted.html")
    assert page.title() == "組織圖：全部機關"
    assert page.evaluate("window.pwned") is None
    assert page.locator("img, iframe, b, #tree script").count() == 0
    assert chart.shown() == ["示範部", "示範<局>", *NASTY]
    listed = chart.search("檔案管理")
    assert [r["unit"] for r in listed] == [h.unit["id"] for h in answers(crafted, "檔案管理")] == [
        f"示範部/示範<局>/{NASTY[2]}"]
    page.click("#results li.hit")
    panel = page.inner_text("#panel")
    (duty, edge), = which_duties(crafted, f"示範部/示範<局>/{NASTY[2]}")
    assert duty["text"].startswith("\"<iframe") and duty["text"] in panel  # as the graph holds it
    assert NASTY[2] in panel and "crafted:11 第2條" in panel
    page.click("#tree li.node >> text=" + "</script><script>window.pwned=1</script>組")
    assert "</script><b>粗體</b>之審核" in page.inner_text("#panel")
    assert page.evaluate("window.pwned") is None
    chart.clean()


# ------------------------------------------------------------------ the whole national tree
@pytest.fixture(scope="module")
def national_graph(national_documents):
    """Every document of data/national.tar.xz (history too: ≈11k units), as one graph."""
    return OrgGraph.build(national_documents)


def test_the_whole_national_tree_opens_and_searches(page, tmp_path, national_graph):
    assert len(national_graph.units()) > 10_000
    chart = open_chart(page, tmp_path, national_graph, name="gov.html")
    assert page.evaluate("orgchart.units()") >= len(national_graph.units())
    roots = chart.shown()
    assert "行政院" in roots and page.locator("li.node").count() < 500  # rendered lazily, not 11k nodes
    listed = chart.search("保稅工廠監管")
    assert [r["unit"] for r in listed] == [h.unit["id"] for h in answers(national_graph, "保稅工廠監管")]
    assert listed and "保稅" in listed[0]["text"]
    page.click("#results li.hit >> nth=0")
    assert page.locator(".box.selected").count() == 1 and "保稅" in page.inner_text("#panel")
    chart.clean()


def test_a_partial_match_says_so_in_the_page(page, tmp_path, samples_graph):
    # As `which 辦公室冷氣維修`: nothing matches as asked; 秘書室 第三科 (辦公處所及宿舍維修, seed 003 第12條 三)
    # is listed as a partial match, the status line saying that no unit matches fully.
    assert which(samples_graph, "辦公室冷氣維修")[0].partial
    chart = open_chart(page, tmp_path, samples_graph)
    listed = chart.search("辦公室冷氣維修")
    assert [r["unit"] for r in listed] == [h.unit["id"] for h in answers(samples_graph, "辦公室冷氣維修")]
    assert listed[0]["unit"] == "經濟部/智慧財產局/秘書室/第三科" and "部分相符" in listed[0]["text"]
    assert "沒有單位完全相符" in page.inner_text("#status")
    assert "部分相符" not in chart.search("保稅工廠監管")[0]["text"]
    chart.clean()


# ------------------------------------------------------------------ names in the score and runs narrowed otherwise
NAMES_IN_SCORE = [
    # 警察廣播電臺's 「新聞採訪、編輯及新聞節目製播」 and its 分臺s' 「地區新聞與活動之採訪、製作及播出」: its own name.
    (("D0010034", "D0000169"), ["警察的廣播電台，新聞是誰在採訪跟製作？", "警察廣播新聞", "新聞採訪"]),
    # 高速公路局各新建工程分局's 「職業安全衛生之管理」: the name above, whose body states nothing of it.
    (("K0000224", "K0000304"), ["新蓋國道的工地，工人的職業安全是誰在管？", "高速公路職業安全",
                                "新建工程職業安全衛生"]),
    # The 阿里山林業鐵路…管理處 states its 營運: its name lends its sections nothing.
    (("M0000106", "M0010059"), ["阿里山林業鐵路營運", "林業鐵路安全"]),
    # 「產業研發成果流通運用…」 ends 產業, not 農業: no phrase bonus; 海巡 of 海巡教育訓練 held by 海巡署's name: kept.
    (("J0000103", "M0010039", "M0000099", "M0010047"), ["農業研發成果管理", "農業研發成果"]),
    (("D0090043", "J0000103", "M0010039"), ["海巡教育訓練", "海洋職類教育訓練"]),
    # 金管會's 「金融消費者保護」 narrows the bare 消費者保護 the question is asked as: no phrase bonus.
    (("G0300035", "A0020155"), ["網購買到瑕疵品，店家不肯退貨要向誰申訴？", "消費者保護", "金融消費者保護"]),
    # 「分掌前條所列事項」: the agency's items given its 組 and 中心 by their names (inferred): no own-name bonus.
    (("D0000008", "K0000046"), ["國家公園規劃建設", "營造業管理", "航空氣象觀測預報", "飛航情報區航空器管制"]),
    # A grievance asked inside the body the scene finds: 雲嘉南分署's 綜合規劃科 「參訓學員、民眾申訴案件…」 above its
    # 自辦訓練科 「職業訓練課程…」; without the grievance, or with a first answer saying it, nothing moves.
    (("N0010034", "N0000036", "N0000033"), ["在雲嘉南上職訓課程不滿意想申訴，要找哪裡？",
                                            "在雲嘉南上職訓課程，要找哪裡？", "職訓學員申訴"]),
    # 中彰投, 雲嘉南分署's 自辦訓練科, one section of the family document: 各分署's 「技能檢定…之推動」 goes first.
    (("N0010033", "N0010034", "N0000036", "N0000033"), ["職業訓練與技能檢定", "勞動部哪個單位負責職業訓練與技能檢定？",
                                                        "職訓學員申訴", "在中彰投辦技能檢定"]),
    (("U0010018", "U0010017", "A0010071"), ["財務收支抽查", "財務收支審核"]),
    # No family node: 審計部's 第五廳 「各機關函請解釋…財物審計法令…」 over each 審計處's 第五科 「所管機關函請解釋…」.
    (("U0010018", "U0010017", "U0010003", "A0010071"), ["財物審計法令解釋", "財務收支抽查"]),
    # 鐵道局's 「督導鐵道文化資產…」 narrows 文化資產 by 鐵道, a word of the question too: the phrase bonus stays.
    (("K0000155", "H0010030", "A0020042"), ["鐵道古蹟保存", "鐵道文化資產", "古蹟保存"]),
    # 「管」 after the question words is no word of the matter (no duty says 管觀光): 觀光署's 「觀光…」 answers.
    (("K0000001", "K0000205"), ["哪個機關管觀光", "哪個單位管觀光", "管觀光", "交通部哪個單位管觀光"]),
    # 身分證 is 國民身分證 shortened: 內政部's 「…國民身分證…」 weighed whole, before 僑委會's 「…身分證明之核發」.
    (("D0000001", "E0000005"), ["身分證遺失要去哪裡補辦？", "身分證", "國民身分證"]),
]


@pytest.mark.parametrize("pcodes,queries", NAMES_IN_SCORE)
def test_search_counts_names_as_which(page, tmp_path, pcodes, queries):
    graph = graph_of(*pcodes)
    chart = open_chart(page, tmp_path, graph, name="names.html")
    got = page.evaluate("qs => qs.map(q => orgchart.search(q))", queries)
    for query, hits in zip(queries, got):
        want = [(h.unit["id"], round(h.score, 9)) for h in answers(graph, query)]
        assert [(u, round(s, 9)) for u, s in hits] == want, query
    chart.clean()
