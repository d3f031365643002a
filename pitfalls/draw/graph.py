"""The autograd graph picture: leaves green, non-leaf tensors blue, grad_fn nodes white, stale red.

Top to bottom: the title, what `backward()` from each result will do (red when one will raise), the graph laid out in
rows by igraph's Sugiyama layout with every edge routed around the boxes (`layout.py`), and the
legend. Everything is measured in inches, one axes unit per inch, so a box is as wide as its text.
"""

from __future__ import annotations

import textwrap
from dataclasses import astuple, dataclass
from itertools import pairwise

from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, PathPatch
from matplotlib.path import Path

from ..graph import CONSTANT, LEAF, OP, TENSOR, Graph, Node
from .layout import Layered, layered
from .render import LINE_EM, MONO, MONO_EM, PX_PER_INCH, SANS_EM, TEXT, TITLE, mono_width, text_height

STALE_RED = "#cb181d"
EDGE = "#525252"
STYLE = {
    LEAF: dict(facecolor="#c7e9c0", edgecolor="#238b45", linestyle="-", linewidth=1.2),
    CONSTANT: dict(facecolor="#f0f0f0", edgecolor="#969696", linestyle="--", linewidth=1.2),
    TENSOR: dict(facecolor="#c6dbef", edgecolor="#2171b5", linestyle="-", linewidth=1.2),
    OP: dict(facecolor="#ffffff", edgecolor="#636363", linestyle=":", linewidth=1.2),
}
STALE_STYLE = dict(facecolor="#fee0d2", edgecolor=STALE_RED, linewidth=2.5, linestyle="-")
FREED_STYLE = dict(facecolor="#efedf5", edgecolor="#756bb1", linewidth=2, linestyle="--")
HIGHLIGHT_STYLE = dict(edgecolor="#d94801", linewidth=3)
LEGEND = {
    LEAF: "leaf (requires grad): .grad is kept",
    CONSTANT: "leaf (no grad): autograd never reaches it",
    TENSOR: "non-leaf: .grad freed unless retain_grad()",
    OP: "grad_fn: backward of one op, with the tensors\nit saved (vN = _version)",
}
STALE_LEGEND = "saved tensor changed since it was saved\n(vsaved→vnow): a backward() that reaches it raises"
FREED_LEGEND = "saved tensors freed by an earlier backward()"

MARGIN = 0.15  # inches around everything
MIN_WIDTH = 6.0  # room for the legend and a readable verdict even under a one-node graph
PAD = (0.1, 0.06)  # inches between a box's text and its border, across and down
SWATCH = (0.36, 0.2)  # a legend entry's sample box
ARROW = (0.1, 0.05)  # an arrowhead's length and half width


@dataclass(frozen=True)
class Sheet:
    """The room a graph picture takes. A step-through draws every step on the union (`|`) of its
    steps' sheets, so the picture, and the output around it, keep their size while stepping."""

    width: float = 0.0
    title_lines: int = 0
    verdict_lines: int = 0
    graph_height: float = 0.0
    legend_height: float = 0.0

    def __or__(self, other: Sheet) -> Sheet:
        return Sheet(*(max(a, b) for a, b in zip(astuple(self), astuple(other), strict=True)))

    @property
    def height(self) -> float:
        return (2 * MARGIN + self.title_lines * LINE_EM * TITLE / 72 + self.verdict_lines * LINE_EM * TEXT / 72
                + 0.25 + self.graph_height + 0.3 + self.legend_height)


def box_size(node: Node) -> tuple[float, float]:
    """Inches a node's box takes: its label in the monospace font, and a margin."""
    return mono_width(node.label) + 2 * PAD[0], text_height(node.label) + 2 * PAD[1]


def graph_sheet(graph: Graph, title: str | None = None) -> Sheet:
    """The room `graph_figure(graph, title)` needs."""
    return _plan(graph, title)[1]


def graph_figure(graph: Graph, title: str | None = None, highlight: str | None = None,
                 sheet: Sheet = Sheet()) -> Figure:
    """Draw an autograd graph, and say above it what `backward()` will do.

    `sheet` is the least room to take (see Sheet); the picture takes more if it needs it.
    """
    layout, own = _plan(graph, title)
    sheet = sheet | own
    fig = Figure(figsize=(sheet.width, sheet.height), dpi=PX_PER_INCH)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, sheet.width)
    ax.set_ylim(sheet.height, 0)  # y grows downwards, as in the layout

    y = MARGIN
    heading = _wrap(_title(graph, title), sheet.width, SANS_EM * TITLE)
    ax.text(MARGIN, y, heading, ha="left", va="top", fontsize=TITLE, weight="bold", gid="title")
    y += sheet.title_lines * LINE_EM * TITLE / 72
    below = y + sheet.verdict_lines * LINE_EM * TEXT / 72 + 0.25
    for said, raises in _verdict(graph, _chars(sheet.width, MONO_EM * TEXT)):
        ax.text(MARGIN, y, said, ha="left", va="top", fontsize=TEXT, family=MONO,
                color=STALE_RED if raises else "#252525")
        y += (said.count("\n") + 1) * LINE_EM * TEXT / 72
    y = below
    _draw_graph(ax, graph, layout, ((sheet.width - layout.width) / 2, y), highlight)
    y += layout.height + 0.3  # the legend right under the graph; a larger sheet leaves its room below
    _draw_legend(ax, graph, (MARGIN, y), sheet.width - 2 * MARGIN)
    return fig


def _plan(graph: Graph, title: str | None) -> tuple[Layered, Sheet]:
    layout = layered({n.id: box_size(n) for n in graph.nodes}, graph.edges)
    legend = _legend(graph)
    width = max(layout.width + 2 * MARGIN, MIN_WIDTH, max((_entry_width(t) for _, t in legend), default=0) + 2 * MARGIN)
    title_lines = _wrap(_title(graph, title), width, SANS_EM * TITLE).count("\n") + 1
    verdict_lines = sum(said.count("\n") + 1 for said, _ in _verdict(graph, _chars(width, MONO_EM * TEXT)))
    legend_height = sum(_entry_height(t) for _, t in legend)
    return layout, Sheet(width, title_lines, verdict_lines, layout.height, legend_height)


def _chars(width: float, em_points: float) -> int:
    """How many characters of `em_points` points per character fit across `width` inches, less margins."""
    return max(int((width - 2 * MARGIN) * 72 / em_points), 20)


def _wrap(text: str, width: float, em_points: float) -> str:
    return "\n".join(textwrap.wrap(text, _chars(width, em_points))) or " "


def _node_style(node: Node, highlight: str | None) -> dict:
    style = dict(STYLE[node.kind])
    if node.freed:
        style.update(FREED_STYLE)
    if node.stale:
        style.update(STALE_STYLE)
    if highlight is not None and node.name == highlight:
        style.update(HIGHLIGHT_STYLE)
    return style


def _draw_graph(ax, graph: Graph, layout: Layered, origin: tuple[float, float], highlight: str | None) -> None:
    """Boxes as one collection, edges as one path and arrowheads as another: few artists,
    so a redraw stays fast however big the graph."""
    ox, oy = origin
    styles = [_node_style(n, highlight) for n in graph.nodes]
    patches = []
    for node in graph.nodes:
        box = layout.boxes[node.id]
        patches.append(FancyBboxPatch((ox + box.x - box.width / 2, oy + box.top), box.width, box.height,
                                      boxstyle="round,pad=0,rounding_size=0.06"))
        ax.text(ox + box.x, oy + box.y, node.label, ha="center", va="center", fontsize=TEXT, family=MONO,
                linespacing=1.2, zorder=3, gid="label")
    if patches:
        ax.add_collection(PatchCollection(patches, zorder=2, match_original=False, gid="boxes",
                                          **{key: [s[key] for s in styles] for key in styles[0]}))
    vertices, codes, heads = [], [], []
    for route in layout.routes:
        points = [(ox + x, oy + y) for x, y in route.points]
        vertices.append(points[0])
        codes.append(Path.MOVETO)
        for (x0, y0), (x1, y1) in pairwise(points):
            if x0 == x1:  # inside a row: straight down
                vertices.append((x1, y1))
                codes.append(Path.LINETO)
            else:  # across a gap: an S-bend that leaves and arrives vertically, within the gap
                middle = (y0 + y1) / 2
                vertices += [(x0, middle), (x1, middle), (x1, y1)]
                codes += [Path.CURVE4] * 3
        x, y = points[-1]
        heads.append([(x, y), (x - ARROW[1], y - ARROW[0]), (x + ARROW[1], y - ARROW[0])])
    if vertices:
        ax.add_patch(PathPatch(Path(vertices, codes), fill=False, edgecolor=EDGE, linewidth=1.2, zorder=1, gid="edges"))
        triangles = Path.make_compound_path(*(Path([*h, h[0]], closed=True) for h in heads))
        ax.add_patch(PathPatch(triangles, facecolor=EDGE, edgecolor=EDGE, linewidth=0.5, zorder=1, gid="arrowheads"))


def _legend(graph: Graph) -> list[tuple[dict, str]]:
    entries = [(STYLE[k], LEGEND[k]) for k in (LEAF, CONSTANT, TENSOR, OP) if any(n.kind == k for n in graph.nodes)]
    if any(n.stale for n in graph.nodes):
        entries.append(({**STYLE[OP], **STALE_STYLE}, STALE_LEGEND))
    if any(n.freed for n in graph.nodes):
        entries.append(({**STYLE[OP], **FREED_STYLE}, FREED_LEGEND))
    return entries


def _entry_width(text: str) -> float:
    return SWATCH[0] + 0.12 + mono_width(text)


def _entry_height(text: str) -> float:
    return max(SWATCH[1], text_height(text)) + 0.06


def _draw_legend(ax, graph: Graph, origin: tuple[float, float], width: float) -> None:
    """One entry a row, left-aligned under the graph: a sample box and what it means."""
    entries = _legend(graph)
    x, y = origin[0] + max(width - max((_entry_width(t) for _, t in entries), default=0), 0) / 2, origin[1]
    patches, styles = [], []
    for style, text in entries:
        height = _entry_height(text)
        patches.append(FancyBboxPatch((x, y + (height - SWATCH[1]) / 2), *SWATCH,
                                      boxstyle="round,pad=0,rounding_size=0.04"))
        styles.append(style)
        ax.text(x + SWATCH[0] + 0.12, y + height / 2, text, ha="left", va="center", fontsize=TEXT, family=MONO)
        y += height
    if patches:
        ax.add_collection(PatchCollection(patches, match_original=False,
                                          **{key: [s[key] for s in styles] for key in styles[0]}))


def _title(graph: Graph, title: str | None) -> str:
    parts = [title] if title else []
    if graph.truncated:
        parts.append(f"too large: showing the first {len(graph.nodes)} nodes")
    if not graph.nodes:
        parts.append("no tensors yet")
    elif not any(n.kind == OP for n in graph.nodes):
        parts.append("no autograd graph: no op was recorded for these tensors")
    return " — ".join(parts)


def _verdict(graph: Graph, width: int) -> list[tuple[str, bool]]:
    """What backward() from each result will do, wrapped, and whether it raises: the picture's answer
    before anyone runs it. Each result is judged only by the ops its own backward reaches: a stale box
    off the loss's path does not stop loss.backward().
    """
    if not any(n.kind == OP for n in graph.nodes):
        return [("backward(): nothing to walk", False)]
    scalars = {n.name for n in graph.nodes if n.scalar}
    outcomes: dict[str | None, list[str]] = {}
    for root in graph.roots:
        outcomes.setdefault(graph.error_from(root), []).append(
            f"{root}.backward()" if root in scalars else f"backward() from {root}")
    said = []
    for error, starts in outcomes.items():
        who = " and ".join(starts)
        text = (f"{who} can run: every saved tensor it reaches is as it was saved" if error is None
                else f"{who} will raise {error}")
        said.append(("\n".join(textwrap.wrap(text, width)[:6]), error is not None))
    return said
