"""Figures to bytes: PNG for static pictures (assets, feedback, exported HTML), SVG for widgets.

Figures are built without pyplot so drawing never opens a window or leaks into a notebook's
output on its own; callers decide how to show them. Widgets take SVG with real text elements:
the browser lays out the glyphs, which makes a redraw several times faster than rasterising.
"""

from __future__ import annotations

import io

import matplotlib
from matplotlib.figure import Figure

MONO = "monospace"  # matplotlib's SVG names its whole monospace fallback list, ending in `monospace`


def png_bytes(fig: Figure) -> bytes:
    """Render a figure to PNG, the form notebooks, feedback files and README images all accept."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return buf.getvalue()


def svg_bytes(fig: Figure) -> bytes:
    """Render a figure to SVG with text left as text, for fast redraws in a widget."""
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "pitfalls"}):
        fig.savefig(buf, format="svg")
    return buf.getvalue()
