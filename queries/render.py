"""Rendering charts: the thin layer between :mod:`queries.chart` (pure DOT) and files on disk.

- :func:`output_format` — png, svg, pdf or dot, from ``--format`` or the file extension;
- :func:`check_font` — the CJK font exists and covers every character the chart draws
  (asked of fontconfig, the library Graphviz itself uses to find fonts), so that a
  missing font is an error naming the package to install, never an image of empty boxes;
- :func:`render` — runs Graphviz's ``dot`` into a temporary file next to the output and
  renames it into place: a failed render leaves nothing half-written;
- :func:`write_chart` — all of the above for the ``orggraph chart`` command.

>>> output_format("customs.PNG"), output_format("chart.gv"), output_format("x.out", "svg")
('png', 'dot', 'svg')
>>> check_font("財政部關務署基隆關").family
'Noto Sans CJK TC'
"""
from __future__ import annotations

import bisect
import functools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .chart import FONT, Chart, ChartError, chart

FORMATS = ("png", "svg", "pdf", "dot")
EXTENSIONS = {".png": "png", ".svg": "svg", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
# Graphviz output formats: cairo (with pango) for bitmaps and PDF, so text is shaped and fonts embedded.
DOT_FORMATS = {"png": "png:cairo", "svg": "svg", "pdf": "pdf:cairo"}
PNG_DPI = 96
FONT_PACKAGE = "fonts-noto-cjk"  # Debian/Ubuntu package of Noto Sans CJK TC
GRAPHVIZ_PACKAGE = "graphviz"
FONTCONFIG_PACKAGE = "fontconfig"


class RenderError(ChartError):
    """Graphviz or fontconfig is missing, or ``dot`` failed."""


class FontError(ChartError):
    """The chart's font is not installed or lacks some of the characters it must draw."""


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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def render(source: Chart | str, path: str | os.PathLike, fmt: str | None = None) -> list[str]:
    """Write the chart (DOT text, or anything with ``to_string()``) to ``path`` as ``fmt``; return Graphviz's warnings.

    The file appears whole or not at all: Graphviz writes a temporary file in the same
    directory, which is renamed over ``path`` only when ``dot`` succeeded.
    """
    path = Path(path)
    fmt = output_format(path, fmt)
    text = source if isinstance(source, str) else source.to_string()
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
    try:
        handle, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ChartError(f"cannot write the chart to {str(path)!r}: {exc.strerror or exc}") from None
    warnings: list[str] = []
    try:
        if fmt == "dot":
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("utf-8"))
        else:
            os.close(handle)
            args = [exe, f"-T{DOT_FORMATS[fmt]}", "-o", tmp]
            if fmt == "png":
                args.insert(1, f"-Gdpi={PNG_DPI}")
            done = subprocess.run(args, input=text.encode("utf-8"), capture_output=True, check=False)
            messages = done.stderr.decode("utf-8", "replace").strip()
            if done.returncode or not os.path.getsize(tmp):
                raise RenderError(f"Graphviz could not draw the chart: {messages or f'exit status {done.returncode}'}")
            warnings = [line.removeprefix("Warning: ").strip() for line in messages.splitlines() if line.strip()]
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # a full disk, a vanished directory: one line, nothing half-written
            raise ChartError(f"cannot write the chart to {str(path)!r}: {exc.strerror or exc}") from None
        raise
    return [f"Graphviz: {w}" for w in warnings]


def write_chart(graph, unit: str | None, path: str | os.PathLike, fmt: str | None = None, *,
                font: str = FONT, **options) -> Chart:
    """Build the chart of ``unit`` (see :func:`queries.chart.chart` for ``options``) and write it to ``path``.

    Checks the format, then the font (for png, svg and pdf), then renders; the returned
    :class:`Chart` carries the warnings of both the chart and Graphviz.
    """
    fmt = output_format(path, fmt)
    return write_built(chart(graph, unit, font=font, **options), path, fmt, font)


def write_built(result, path: str | os.PathLike, fmt: str, font: str):
    """Write a built chart (anything with ``text()`` and ``warnings``) in ``fmt``, font checked first."""
    if fmt != "dot":
        check_font(result.text(), font)
    result.warnings.extend(render(result, path, fmt))
    return result
