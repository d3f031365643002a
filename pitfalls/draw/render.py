"""Figures to bytes: PNG for static pictures (assets, feedback, exported HTML), SVG for widgets.

Figures are built without pyplot so drawing never opens a window or leaks into a notebook's
output on its own; callers decide how to show them. Widgets take SVG with real text elements:
the browser lays out the glyphs, which makes a redraw several times faster than rasterising.

Sizes are in inches and points, and an inch is shown as 96 CSS px (the browser's own inch) times
the presenter's scale: text of TEXT points is 13.3 px on screen at scale 1, big enough to read from
the back of a room. `set_scale(1.5)`, or PITFALLS_SCALE=1.5 in the environment, makes every picture
drawn afterwards half as big again.
"""

from __future__ import annotations

import functools
import io
import os
import warnings

import matplotlib
from matplotlib.figure import Figure

MONO = "monospace"  # matplotlib's SVG names its whole monospace fallback list, ending in `monospace`
TEXT = 10.0  # points: labels, legends, verdicts (13.3 CSS px at scale 1)
TITLE = 11.0
PX_PER_INCH = 96  # CSS px in an inch: what a browser shows one inch of figure as, at scale 1
MONO_EM = 0.6  # a DejaVu Sans Mono glyph's advance, in em; other monospace fonts are within a few %
SANS_EM = 0.56  # a generous average for proportional text (DejaVu Sans averages under 0.5 em)
LINE_EM = 1.27  # matplotlib's line height for multi-line text, in em

_scale = 1.0


def set_scale(factor: float) -> None:
    """Make every picture drawn from now on `factor` times as big (text included), e.g. 1.5 for a room."""
    global _scale
    factor = float(factor)
    if not 0.25 <= factor <= 4:
        raise ValueError(f"scale should be between 0.25 and 4 (1 is the default), got {factor}")
    _scale = factor


def scale() -> float:
    """The presenter's scale: 1 unless set_scale() or PITFALLS_SCALE said otherwise."""
    return _scale


def pixels(inches: float) -> int:
    """CSS px that `inches` of a figure take on screen at the current scale."""
    return round(inches * PX_PER_INCH * _scale)


def mono_width(text: str, size: float = TEXT) -> float:
    """Inches the longest line of `text` takes in a monospace font of `size` points."""
    return max(map(len, text.split("\n")), default=0) * MONO_EM * size / 72


def text_height(text: str, size: float = TEXT) -> float:
    """Inches `text` takes, one line height per line."""
    return (text.count("\n") + 1) * LINE_EM * size / 72


NOT_DRAWN = "picture not drawn while grading: run this cell in your notebook to see it"


def drawn() -> bool:
    """False where PITFALLS_PICTURES=off: a grading kernel, whose pictures no check and no grader
    looks at, and where drawing them was a fifth of grading's CPU time."""
    return os.environ.get("PITFALLS_PICTURES", "on") != "off"


def png_bytes(fig: Figure) -> bytes:
    """Render a figure to PNG, the form notebooks, feedback files and README images all accept."""
    if not drawn():
        return not_drawn("png")
    return _saved(fig, "png", bbox_inches="tight", dpi=PX_PER_INCH * _scale)


def svg_bytes(fig: Figure) -> bytes:
    """Render a figure to SVG with text left as text, for fast redraws in a widget."""
    if not drawn():
        return not_drawn("svg")
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "pitfalls"}):
        return _saved(fig, "svg")


@functools.cache
def not_drawn(form: str) -> bytes:
    """What stands in for every picture where pictures are off: one line that says why (drawn once;
    the grading fork server draws both forms before it forks a kernel)."""
    fig = Figure(figsize=(mono_width(NOT_DRAWN) + 0.2, text_height(NOT_DRAWN) + 0.16))
    fig.text(0.5, 0.5, NOT_DRAWN, family=MONO, size=TEXT, ha="center", va="center", color="#555555")
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "pitfalls"}):
        return _saved(fig, form, dpi=PX_PER_INCH)


def _saved(fig: Figure, form: str, **options) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=form, **options)
    return buf.getvalue()


def _scale_from_environment() -> None:
    value = os.environ.get("PITFALLS_SCALE")
    if value:
        try:
            set_scale(float(value))
        except ValueError as error:
            warnings.warn(f"PITFALLS_SCALE={value!r} ignored: {error}", stacklevel=2)


_scale_from_environment()
