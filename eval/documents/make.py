"""Render bundled text documents as the files planners have: PDF (printed by headless Chromium), Word
(.docx) and OpenDocument (.odt), each with its list numbers made by the format (Word numbering
definitions, ODF list styles), not typed into the text.

    python eval/documents/make.py            # writes eval/documents/files/ (see README.md)

The renderers know nothing of orggraph: a line that starts with 一、 / （一） / 1. / (1) becomes an item of
an automatically numbered list at that level (when its number is the next one; otherwise the line is
kept as typed), 第N條 restarts the lists, everything else is a paragraph.
"""
from __future__ import annotations

import html
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# (marker pattern, level, Word numFmt, Word lvlText, ODF num-format, ODF prefix, ODF suffix)
LEVELS = (
    (re.compile(r"^([一二三四五六七八九十]+)、\s*"), 0, "taiwaneseCountingThousand", "%1、",
     "一, 二, 三, ...", "", "、"),
    (re.compile(r"^（([一二三四五六七八九十]+)）\s*"), 1, "taiwaneseCountingThousand", "（%2）",
     "一, 二, 三, ...", "（", "）"),
    (re.compile(r"^(\d+)[.．]\s*"), 2, "decimal", "%3.", "1", "", "."),
    (re.compile(r"^[(（](\d+)[)）]\s*"), 3, "decimal", "(%4)", "1", "(", ")"),
)
ARTICLE = re.compile(r"^第\s*[一二三四五六七八九十百\d]+(?:\s*之\s*\d+)?\s*條")
CN = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _value(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text in CN:
        return CN[text]
    tens, _, ones = text.partition("十")
    return (CN.get(tens, 1) if tens else 1) * 10 + (CN.get(ones, 0) if ones else 0)


def blocks(text: str) -> list[tuple[int | None, str]]:
    """``(level, text)`` per line: level None for a paragraph, 0–3 for an item numbered automatically."""
    out: list[tuple[int | None, str]] = []
    counters: dict[int, int] = {}
    for line in text.splitlines():
        line = line.rstrip()
        if ARTICLE.match(line.strip()):
            counters = {}
        for pattern, level, *_ in LEVELS:
            m = pattern.match(line.strip())
            if m and _value(m.group(1)) == counters.get(level, 0) + 1:
                counters = {k: v for k, v in counters.items() if k < level}
                counters[level] = _value(m.group(1))
                out.append((level, line.strip()[m.end():]))
                break
        else:
            out.append((None, line))
    return out


# ---------------------------------------------------------------------------------------------- Word
def to_docx(text: str) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{lv}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                     f'<w:lvlText w:val="{lvl_text}"/><w:lvlJc w:val="left"/></w:lvl>'
                     for _, lv, fmt, lvl_text, *_ in LEVELS)
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    next_id, num_id = 100, None
    for level, line in blocks(text):
        if level is None:
            if ARTICLE.match(line.strip()):
                num_id = None  # the next list starts again at 一
            document.add_paragraph(line)
            continue
        if num_id is None:
            num_id, next_id = next_id, next_id + 1
            restarts = "".join(f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="1"/></w:lvlOverride>'
                               for lv in range(4))
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                                       f'{restarts}</w:num>'))
        paragraph = document.add_paragraph(line)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------- OpenDocument
_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def to_odt(text: str) -> bytes:
    def p(s: str) -> str:
        return f"<text:p>{html.escape(s, quote=False)}</text:p>"

    levels = "".join(f'<text:list-level-style-number text:level="{lv + 1}" style:num-format="{fmt}" '
                     f'style:num-prefix="{html.escape(pre)}" style:num-suffix="{html.escape(suf)}"/>'
                     for _, lv, _w, _t, fmt, pre, suf in LEVELS)
    body, in_list = [], False
    for level, line in blocks(text):
        if level is None:
            if in_list:
                body.append("</text:list>")
                in_list = False
            body.append(p(line))
            continue
        if not in_list:
            body.append('<text:list text:style-name="L1">')
            in_list = True
        # An item at level k sits in k items that hold only a deeper list, as word processors write it.
        body.append("<text:list-item><text:list>" * level + "<text:list-item>" + p(line) + "</text:list-item>"
                    + "</text:list></text:list-item>" * level)
    if in_list:
        body.append("</text:list>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS} office:version="1.3">'
               f'<office:automatic-styles><text:list-style style:name="L1">{levels}</text:list-style>'
               f'</office:automatic-styles><office:body><office:text>{"".join(body)}</office:text></office:body>'
               f'</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:  # fixed dates: the same text makes the same file
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # first, stored
        for name, data in (("content.xml", content), ("META-INF/manifest.xml", manifest)):
            z.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ PDF
def to_pdf(page, text: str, title: str, columns: int = 1) -> bytes:
    """Print ``text`` to A4 PDF in a Playwright Chromium ``page``: the title as a running header, 「第 N 頁」
    as the footer, in ``columns`` columns."""
    # As the document prints: markup the text carries (a flow chart's <div>s) is not on the page.
    lines = "".join(f"<p>{html.escape(re.sub(r'<[^>]*>', '', line)) or '&nbsp;'}</p>" for line in text.splitlines())
    page.set_content(f"""<!doctype html><html lang="zh-Hant"><meta charset="utf-8"><style>
      body {{ font-family: 'Noto Sans CJK TC', 'Noto Sans CJK JP', sans-serif; font-size: 11pt; margin: 0;
              column-count: {columns}; column-gap: 1.2cm; }}
      p {{ margin: 0 0 3pt 0; line-height: 1.45; }}
    </style><body>{lines}</body></html>""")
    return page.pdf(format="A4", margin={"top": "2.2cm", "bottom": "2.2cm", "left": "2cm", "right": "2cm"},
                    display_header_footer=True,
                    header_template=f'<div style="font-size:9pt;width:100%;text-align:center;'
                                    f'font-family:Noto Sans CJK TC">{html.escape(title)}</div>',
                    footer_template='<div style="font-size:9pt;width:100%;text-align:center;'
                                    'font-family:Noto Sans CJK TC">第 <span class="pageNumber"></span> 頁</div>')


# The documents rendered: (source, stem, formats).  Budget books and a procedure as PDF, office rules in two
# columns, office rules and acts as Word and ODF.
DOCUMENTS = (
    ("data/seeds/001_586683daab11227d.txt", "budget-book", ("pdf",)),
    ("data/seeds/004_cb8c5378b4c98a4f.txt", "procedures", ("pdf",)),
    ("data/seeds/003_ddbe94cb5fa75ce1.txt", "seed-003", ("docx", "odt")),
    ("tests/data/corpus/09_epa_office_rules.txt", "epa-office-rules", ("docx", "pdf2")),
    ("tests/data/corpus/03_nfa_organization_statute.txt", "nfa-statute", ("odt", "docx")),
    ("tests/data/layouts/cwa_budget_flattened.txt", "cwa-budget", ("pdf",)),
    ("tests/data/layouts/moda_budget_word.txt", "moda-budget", ("pdf", "docx")),
    ("tests/data/layouts/wda_budget_pdf.txt", "wda-budget", ("pdf",)),
    ("tests/data/layouts/nricm_budget_chart.txt", "nricm-budget", ("pdf", "odt")),
    ("tests/data/layouts/ftc_budget_columns.txt", "ftc-budget", ("pdf",)),
)


def make(out: Path = HERE / "files") -> list[Path]:
    import shutil

    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or shutil.which("chromium-browser"),
                                     args=["--no-sandbox"])
        page = browser.new_page()
        for source, stem, formats in DOCUMENTS:
            text = (ROOT / source).read_text(encoding="utf-8")
            title = next(line for line in text.splitlines() if line.strip()).strip()
            for fmt in formats:
                data = {"docx": lambda: to_docx(text), "odt": lambda: to_odt(text),
                        "pdf": lambda: to_pdf(page, text, title), "pdf2": lambda: to_pdf(page, text, title, 2)}[fmt]()
                path = out / f"{stem}{'-2col' if fmt == 'pdf2' else ''}.{fmt.rstrip('2')}"
                path.write_bytes(data)
                written.append(path)
        browser.close()
    return written


if __name__ == "__main__":
    for path in make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "files"):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path, path.stat().st_size)
