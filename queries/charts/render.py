"""Rendering charts: DOT text in, files on disk out (the charts themselves are built as text elsewhere).

- :func:`output_format` — png, svg, pdf or dot, from ``--format`` or the file extension;
- :func:`check_font` — the CJK font exists and covers every character the chart draws
  (asked of fontconfig, the library Graphviz itself uses to find fonts), so that a
  missing font is an error naming the package to install, never an image of empty boxes;
- :func:`fit` — the scale at which a laid-out chart fits a sheet of paper (:class:`Page`),
  refused (:class:`TooLarge`) when its smallest text would print under ``MIN_POINTS``;
- :func:`render` — runs Graphviz's ``dot`` into a temporary file next to the output and
  renames it into place: a failed render leaves nothing half-written;
- :func:`write_built` — font check, then render, for anything with ``to_string()`` and ``text()``.

>>> output_format("customs.PNG"), output_format("chart.gv"), output_format("x.out", "svg")
('png', 'dot', 'svg')
>>> check_font("財政部關務署基隆關").family
'Noto Sans CJK TC'
>>> Page("A4").size, Page("A3", landscape=True).size
((595.28, 841.89), (1190.55, 841.89))
>>> round(fit((1200.0, 600.0), Page("A4", landscape=True), 14), 3)
0.642
"""
from __future__ import annotations

import bisect
import functools
import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph_model.errors import ChartError, FontError, RenderError, TooLarge
from graph_model.store.files import replaced, temp_beside

from .dot import FONT

FORMATS = ("png", "svg", "pdf", "dot")
EXTENSIONS = {".png": "png", ".svg": "svg", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
# Graphviz output formats: cairo (with pango) for bitmaps and PDF, so text is shaped and fonts embedded.
DOT_FORMATS = {"png": "png:cairo", "svg": "svg", "pdf": "pdf:cairo"}
SCREEN_DPI = 96  # a PNG for the screen, with no paper given
PRINT_DPI = 150  # a PNG of a sheet of paper
PAPERS = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}  # portrait, in points (ISO 216)
PAGE_MARGIN = 36.0  # ½ inch around the chart on paper: what Graphviz itself leaves around a PDF
MIN_POINTS = 7.0  # the smallest text a chart may print at
FONT_PACKAGE = "fonts-noto-cjk"  # Debian/Ubuntu package of Noto Sans CJK TC
GRAPHVIZ_PACKAGE = "graphviz"
FONTCONFIG_PACKAGE = "fontconfig"




@dataclass(frozen=True)
class Page:
    """A sheet of paper: ``A4`` or ``A3``, portrait or landscape."""

    paper: str
    landscape: bool = False

    def __post_init__(self):
        if self.paper not in PAPERS:
            raise ChartError(f"unknown paper {self.paper!r}; use one of {', '.join(PAPERS)}")

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) in points."""
        w, h = PAPERS[self.paper]
        return (h, w) if self.landscape else (w, h)

    def __str__(self) -> str:
        return f"{self.paper} {'landscape' if self.landscape else 'portrait'}"


# --------------------------------------------------------------------------- format
def output_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """The format to write: ``fmt`` when given, else the one the extension of ``path`` names."""
    if fmt:
        fmt = fmt.lower().lstrip(".")
        fmt = EXTENSIONS.get("." + fmt, fmt)
        if fmt not in FORMATS:
            raise ChartError(f"unknown chart format {fmt!r}; use one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    if not suffix:
        raise ChartError(f"cannot tell the format of {str(path)!r}: give it an extension "
                         f"({', '.join('.' + f for f in FORMATS)}) or use --format")
    if suffix not in EXTENSIONS:
        raise ChartError(f"unknown chart format {suffix!r} (from {str(path)!r}); "
                         f"use one of {', '.join(FORMATS)} or --format")
    return EXTENSIONS[suffix]


# --------------------------------------------------------------------------- font
@dataclass(frozen=True)
class FontInfo:
    family: str
    file: str
    ranges: tuple[tuple[int, int], ...]  # code point ranges the font covers, sorted

    def covers(self, ch: str) -> bool:
        cp = ord(ch)
        i = bisect.bisect_right(self.ranges, (cp, 0x10FFFF)) - 1
        return i >= 0 and self.ranges[i][0] <= cp <= self.ranges[i][1]

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` the font has no glyph for (whitespace and controls aside), in order."""
        return sorted({ch for ch in text if not ch.isspace() and ch.isprintable() and not self.covers(ch)})


def _fontconfig(*args: str) -> str:
    exe = shutil.which(args[0])
    if exe is None:
        raise RenderError(f"fontconfig's {args[0]} is not installed; install it: "
                          f"sudo apt-get install {FONTCONFIG_PACKAGE}")
    done = subprocess.run([exe, *args[1:]], capture_output=True, text=True, check=False)
    if done.returncode:
        raise RenderError(f"{args[0]} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


@functools.lru_cache(maxsize=8)
def font_info(font: str = FONT) -> FontInfo:
    """The installed font fontconfig gives for ``font``; raises :class:`FontError` when it is not installed."""
    out = _fontconfig("fc-match", "--format=%{family}\n%{file}\n%{charset}\n", font)
    family, file, charset = (out.split("\n") + ["", "", ""])[:3]
    families = [f.strip() for f in family.split(",")]
    if font not in families:
        raise FontError(f"font {font!r} is not installed (fontconfig would fall back to {families[0]!r}, "
                        f"which may draw Chinese as empty boxes); {_install_hint(font)}")
    ranges = []
    for part in charset.split():
        lo, _, hi = part.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return FontInfo(font, file, tuple(sorted(ranges)))


def _install_hint(font: str) -> str:
    if font.startswith(("Noto Sans CJK", "Noto Serif CJK")):
        return f"install it: sudo apt-get install {FONT_PACKAGE}"
    return f"install a package that provides it, or use --font '{FONT}' (sudo apt-get install {FONT_PACKAGE})"


def fonts_covering(chars: Iterable[str]) -> list[str]:
    """Installed font families that have every one of ``chars`` (asked of fontconfig)."""
    pattern = ":charset=" + " ".join(f"{ord(ch):x}" for ch in chars)
    out = _fontconfig("fc-list", pattern, "family")
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def check_font(text: str, font: str = FONT) -> FontInfo:
    """Make sure ``font`` is installed and draws every character of ``text``; raise :class:`FontError` if not."""
    info = font_info(font)
    missing = info.missing(text)
    if missing:
        shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:8]) + (" …" if len(missing) > 8 else "")
        others = fonts_covering(missing)
        hint = (f"use --font with one of: {', '.join(others[:5])}" if others else
                "install a font that has them (e.g. Debian package fonts-hanazono for rare CJK characters) "
                "and pass its name with --font")
        raise FontError(f"font {font!r} has no glyph for {len(missing)} character(s) in the chart: {shown}; {hint}")
    return info


# --------------------------------------------------------------------------- rendering
def dot_binary() -> str:
    exe = shutil.which("dot")
    if exe is None:
        raise RenderError(f"Graphviz is not installed (no `dot` on PATH); install it: "
                          f"sudo apt-get install {GRAPHVIZ_PACKAGE}")
    return exe


def layout_size(text: str, *args: str) -> tuple[float, float]:
    """(width, height) in points of the chart ``dot`` lays out from the DOT ``text`` (with ``args``)."""
    done = subprocess.run([dot_binary(), *args, "-Tplain"], input=text.encode("utf-8"), capture_output=True,
                          check=False)
    first = done.stdout.split(b"\n", 1)[0].split()
    if done.returncode or len(first) < 4:
        raise RenderError(f"Graphviz could not lay out the chart: "
                          f"{done.stderr.decode('utf-8', 'replace').strip() or done.returncode}")
    return float(first[2]) * 72, float(first[3]) * 72


def fit(size: tuple[float, float], page: Page, min_size: float) -> float:
    """The scale (at most 1) that fits a chart of ``size`` points inside ``page``'s margins.

    Raises :class:`TooLarge` when that scale prints the chart's smallest text (``min_size``
    points at scale 1) under ``MIN_POINTS``.
    """
    (w, h), (pw, ph) = size, page.size
    scale = min(1.0, (pw - 2 * PAGE_MARGIN) / w, (ph - 2 * PAGE_MARGIN) / h)
    if scale * min_size < MIN_POINTS - 1e-9:
        need = MIN_POINTS / min_size
        raise TooLarge(f"the chart does not fit {page} with text of {MIN_POINTS:g} pt or more: it needs "
                       f"{_mm(w * need)} × {_mm(h * need)} mm, the page has "
                       f"{_mm(pw - 2 * PAGE_MARGIN)} × {_mm(ph - 2 * PAGE_MARGIN)} mm", page, size)
    return scale


def on_page(text: str, page: Page, min_size: float, fmt: str = "pdf", dpi: int | None = None,
            area: float = 0.0, lay_out: bool = True) -> tuple[float, tuple[float, float]]:
    """(scale, laid-out size) of the DOT ``text`` on ``page`` (see :func:`fit`).

    ``area`` — what the chart's boxes alone cover, in square points — refuses a chart that
    cannot fit before Graphviz spends minutes laying it out (``lay_out=False``: only that check).
    """
    (pw, ph), least = page.size, MIN_POINTS / min_size
    times = area * least ** 2 / ((pw - 2 * PAGE_MARGIN) * (ph - 2 * PAGE_MARGIN))
    if times > 1:
        raise TooLarge(f"the chart does not fit {page} with text of {MIN_POINTS:g} pt or more: its boxes alone "
                       f"would cover {times:.1f} times the page ({_mm(pw - 2 * PAGE_MARGIN)} × "
                       f"{_mm(ph - 2 * PAGE_MARGIN)} mm inside the margins)", page, None)
    if not lay_out:
        return 1.0, (0.0, 0.0)
    size = layout_size(text, *_resolution(fmt, page, dpi))
    return fit(size, page, min_size), size


def _resolution(fmt: str, page: Page | None, dpi: int | None) -> list[str]:
    """Graphviz's resolution argument for a PNG (it changes the layout too, so lay out at the one drawn)."""
    return [f"-Gdpi={dpi or (PRINT_DPI if page else SCREEN_DPI)}"] if fmt == "png" else []


def _mm(points: float) -> int:
    return round(points / 72 * 25.4)


def render(text: str, path: str | os.PathLike, fmt: str | None = None, *, page: Page | None = None,
           dpi: int | None = None, min_size: float = MIN_POINTS, area: float = 0.0) -> list[str]:
    """Write the DOT ``text`` to ``path`` as ``fmt``; return Graphviz's warnings.

    With ``page``, the drawing is the sheet: a PDF's page (and an SVG's size) is the paper's,
    a PNG is the paper at ``dpi`` (default ``PRINT_DPI``), and the chart is scaled down to fit
    inside the margins, centered — or refused (:class:`TooLarge`) when its smallest text
    (``min_size`` points) would print under ``MIN_POINTS`` (``area``: see :func:`on_page`).  A PNG without
    paper is drawn at ``dpi`` (default ``SCREEN_DPI``).

    The file appears whole or not at all: Graphviz writes a temporary file in the same
    directory, which is renamed over ``path`` only when ``dot`` succeeded.
    """
    path = Path(path)
    fmt = output_format(path, fmt)
    if page is not None and fmt == "dot":
        raise ChartError("a paper size is for png, svg and pdf; DOT text has no page")
    if dpi is not None and fmt != "png":
        raise ChartError(f"a resolution (dpi) is for png, not for {fmt}")
    if dpi is not None and not 30 <= dpi <= 1200:
        raise ChartError(f"dpi {dpi} is out of range; use 30 to 1200")
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write through the link: the link stays a link
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ChartError(f"cannot write the chart to {str(path)!r}: it is a directory")
    if path.exists() and not path.is_file():
        raise ChartError(f"cannot write the chart to {str(path)!r}: it is not a regular file (a device or pipe)")
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
        raise ChartError(f"cannot write the chart to {str(path)!r}: it is read-only")
    if not directory.is_dir():
        problem = "is not a directory" if directory.exists() else "does not exist"
        raise ChartError(f"cannot write the chart to {str(path)!r}: {str(directory)!r} {problem}")
    exe = dot_binary() if fmt != "dot" else None
    args = [f"-T{DOT_FORMATS[fmt]}", *_resolution(fmt, page, dpi)] if exe else []
    if page is not None:
        scale, size = on_page(text, page, min_size, fmt, dpi, area)
        # The viewport is the sheet: its size in points, the zoom, and the point of the chart at its centre.
        # A PDF gets Graphviz's margin around the viewport (and -Gmargin would reach every cluster too).
        (w, h), margin = page.size, 2 * PAGE_MARGIN if fmt == "pdf" else 0
        args.append(f"-Gviewport={w - margin:.2f},{h - margin:.2f},{scale:.4f},{size[0] / 2:.2f},{size[1] / 2:.2f}")
    try:
        tmp = temp_beside(path, suffix=".part")
    except OSError as exc:
        raise ChartError(f"cannot write the chart to {str(path)!r}: {exc.strerror or exc}") from None
    warnings: list[str] = []
    try:
        with replaced(tmp, path, durable=False):  # a drawing: made again if a crash loses it
            if exe is None:  # fmt == "dot": the text itself
                Path(tmp).write_bytes(text.encode("utf-8"))
            else:
                done = subprocess.run([exe, *args, "-o", tmp], input=text.encode("utf-8"), capture_output=True,
                                      check=False)
                messages = done.stderr.decode("utf-8", "replace").strip()
                if done.returncode or not os.path.getsize(tmp):
                    raise RenderError("Graphviz could not draw the chart: "
                                      f"{messages or f'exit status {done.returncode}'}")
                warnings = [line.removeprefix("Warning: ").strip() for line in messages.splitlines() if line.strip()]
    except OSError as exc:  # a full disk, a vanished directory: one line, nothing half-written
        raise ChartError(f"cannot write the chart to {str(path)!r}: {exc.strerror or exc}") from None
    return [f"Graphviz: {w}" for w in warnings]


def write_built(result, path: str | os.PathLike, fmt: str, font: str, *, page: Page | None = None,
                dpi: int | None = None):
    """Write a built chart (anything with ``to_string()``, ``text()``, ``min_size``, ``area`` and ``warnings``)
    in ``fmt``, on ``page`` if given (see :func:`render`), font checked first."""
    if fmt != "dot":
        check_font(result.text(), font)
    result.warnings.extend(render(result.to_string(), path, fmt, page=page, dpi=dpi, min_size=result.min_size,
                                  area=result.area))
    return result
