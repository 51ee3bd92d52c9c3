"""Documents as planners have them: PDF, Word and OpenDocument files read for their text layer.

The files of eval/documents/files were made from bundled texts by eval/documents/make.py (PDF printed by
headless Chromium with a running header and page numbers, Word and ODF with the format's own list
numbering); each must give what its text gives.  One PDF is printed afresh here, in the browser.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

import loaders
from support import REPO

FILES = REPO / "eval" / "documents" / "files"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"documents_{name}", REPO / "eval" / "documents" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(REPO / "eval" / "documents"))
    spec.loader.exec_module(module)
    return module


make, score = _module("make"), _module("score")
RENDERED = [(source, score.file_name(stem, fmt)) for source, stem, formats in make.DOCUMENTS for fmt in formats]


@pytest.mark.parametrize("source, name", RENDERED, ids=[name for _, name in RENDERED])
def test_a_rendered_document_gives_what_its_text_gives(source, name):
    text = (REPO / source).read_text(encoding="utf-8")
    want, got = loaders.load_path(REPO / source), loaders.load_path(FILES / name)
    units, duties, steps = score.records(want)
    got_units, got_duties, got_steps = score.records(got)
    assert got_units == units and len(units) >= 8
    assert got_duties == duties  # word for word
    assert score.figures(got) == score.figures(want)  # a budget book's headcounts
    # A flow chart written as code (mermaid, 「A --> B」) prints as code: its boxes cannot be told apart on paper.
    assert score.f1(got_steps, steps)["f1"] >= (0.55 if "-->" in text else 1.0)


def test_a_pdf_loses_its_running_header_and_page_numbers_but_not_its_title():
    text, _, _, meta = loaders.read_document(FILES / "procedures.pdf")
    source = (REPO / "data/seeds/004_cb8c5378b4c98a4f.txt").read_text(encoding="utf-8")
    title = next(line.strip() for line in source.splitlines() if line.strip())
    lines = [line for line in text.splitlines() if line]
    assert meta["format"] == "pdf" and meta["pages"] > 5
    assert lines[0] == title and lines.count(title) == 1  # printed atop every page, read once
    assert not [line for line in lines if "頁" in line and len(line) < 10]  # 「第 N 頁」 footers


def test_two_columns_are_read_left_column_first():
    text = loaders.read_document(FILES / "epa-office-rules-2col.pdf")[0]
    source = (REPO / "tests/data/corpus/09_epa_office_rules.txt").read_text(encoding="utf-8")
    heads = [line.strip() for line in source.splitlines() if line.strip().endswith("如下：")]
    steps = [h for h in heads if heads.count(h) == 1][:12]
    found = [text.find(step) for step in steps]
    assert -1 not in found and found == sorted(found), steps


def test_word_numbering_is_written_out():
    text = "某某局辦事細則\n第 1 條\n本局設下列各組：\n一、第一組。\n二、第二組。\n第 2 條\n第一組掌理事項如下：\n" \
           "一、文書。\n（一）收發。\n（二）繕校。\n二、檔案。\n1.點收\n2.歸檔\n"
    data = make.to_docx(text)
    assert "一、" not in data.decode("latin-1")  # the numbers are Word's, not typed
    read, encoding, _, _ = loaders.read_bytes(data, "rules.docx")
    assert encoding == "docx" and read.split() == text.split()
    assert loaders.read_bytes(make.to_odt(text), "rules.odt")[0].split() == text.split()


@pytest.fixture(scope="module")
def printed(browser, tmp_path_factory):
    """Seed 002 printed to PDF now, in Chromium, with its title atop each page and 第 N 頁 below."""
    source = REPO / "data/seeds/002_af79314871040b19.txt"
    text = source.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        data = make.to_pdf(page, text, next(line for line in text.splitlines() if line.strip()))
    finally:
        page.close()
    path = tmp_path_factory.mktemp("printed") / "seed-002.pdf"
    path.write_bytes(data)
    return source, path


def test_a_pdf_printed_now_is_loaded_like_its_text(printed, run, store_path):
    source, path = printed
    result = run("--store", str(store_path), "load", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    from_text, from_pdf = score.records(loaders.load_path(source)), score.records(loaders.load_path(path))
    assert from_pdf == from_text and from_text[0]
    show = json.loads(run("--store", str(store_path), "show", sorted(from_pdf[0])[-1], "--json").stdout)
    assert show["sources"] and all(s.startswith("seed-002:") for s in show["sources"])


def test_a_scan_without_text_is_refused_with_the_reason(browser, tmp_path, run, store_path):
    page = browser.new_page()
    try:
        page.set_content('<canvas id="c" width="600" height="800"></canvas><script>'
                         'const x = document.getElementById("c").getContext("2d"); x.fillRect(50, 50, 400, 20);'
                         '</script>')
        (tmp_path / "scan.pdf").write_bytes(page.pdf(format="A4"))
    finally:
        page.close()
    result = run("--store", str(store_path), "load", str(tmp_path / "scan.pdf"))
    assert result.exit_code == 1 and "without a text layer (1 page of images, a scan)" in result.stderr
    assert "OCR" in result.stderr and "Traceback" not in result.stderr and not store_path.exists()


def test_a_blank_pdf_is_no_scan(browser, tmp_path, run, store_path):
    # Two pages printed with nothing on them: no image to run OCR on, so OCR is not the advice.
    page = browser.new_page()
    try:
        page.set_content('<div style="height: 1500px"></div>')
        (tmp_path / "blank.pdf").write_bytes(page.pdf(format="A4"))
    finally:
        page.close()
    result = run("--store", str(store_path), "load", str(tmp_path / "blank.pdf"))
    assert result.exit_code == 1 and result.stderr.strip() == (
        f"Error: {tmp_path / 'blank.pdf'}: is a PDF with nothing on its 2 pages: no text and no images "
        "(give the document with its text)")
    assert not store_path.exists()


@pytest.mark.parametrize("name, data, problem", [
    ("cut.pdf", (FILES / "cwa-budget.pdf").read_bytes()[:4000], "PDF"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "save it as .docx"),
    ("notes.pdf", "第 1 條\n本局設秘書室。\n".encode(), "named like a PDF file but is not one"),
    ("broken.docx", b"PK\x03\x04" + b"\0" * 100, "named like a DOCX file but is not one"),
])
def test_a_bad_file_is_refused_in_one_line(name, data, problem, tmp_path, run, store_path):
    (tmp_path / name).write_bytes(data)
    result = run("--store", str(store_path), "load", str(tmp_path / name))
    assert result.exit_code == 1 and problem in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2 and "Traceback" not in result.stderr


def test_a_directory_loads_its_pdf_word_and_odf_files(tmp_path, run, store_path):
    for name in ("nfa-statute.odt", "seed-003.docx", "cwa-budget.pdf"):
        (tmp_path / name).write_bytes((FILES / name).read_bytes())
    result = run("--store", str(store_path), "load", str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    stats = json.loads(run("--store", str(store_path), "stats", "--json").stdout)
    assert sorted(d["id"] for d in stats["documents"]) == ["cwa-budget", "nfa-statute", "seed-003"]


def test_a_flattened_budget_book_gives_its_chart_and_mandate():
    # The content is K0000206 (第2條) and K0000212 (第4條) of the national corpus; the layout is extraction's.
    sys.path.insert(0, str(REPO / "eval"))
    import corpus
    parsed = loaders.load_path(REPO / "tests/data/layouts/cwa_budget_flattened.txt")
    assert parsed.units[1].path == ("交通部", "中央氣象署") and parsed.document.genre == "budget"
    office_rules = loaders.read_bytes(corpus.national_file("K0000212"), "K0000212.json")[0]
    listed = [line.split("、", 1)[1].split("，")[0].rstrip("。") for line in office_rules.splitlines()[15:26]]
    assert [u.path[-1] for u in parsed.units if len(u.path) == 3] == listed
    act = loaders.read_bytes(corpus.national_file("K0000206"), "K0000206.json")[0]
    first = act.splitlines()[6].split("、", 1)[1].rstrip("。")
    assert [d.text for d in parsed.duties][0] == first and len(parsed.duties) >= 10


def test_rendering_is_reproducible_from_the_bundled_texts():
    # The committed files are what make.py makes: the same text layer (a PDF's bytes carry a date).
    proc = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, 'eval/documents'); import make; "
                           "print(make.to_odt(open('tests/data/corpus/03_nfa_organization_statute.txt', "
                           "encoding='utf-8').read()) == open('eval/documents/files/nfa-statute.odt', 'rb').read())"],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.stdout.strip() == "True", proc.stderr
