"""The autograd graph picture: leaves green, non-leaf tensors blue, grad_fn nodes white, stale red."""

from __future__ import annotations

import textwrap

import networkx as nx
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..graph import CONSTANT, LEAF, OP, TENSOR, Graph
from .render import MONO

FONT = 8.5
MIN_WIDTH = 7.0  # inches: room for the legend and a readable verdict even under a one-node graph
CHARS_PER_INCH = 11  # monospace at FONT points, with room for a browser's wider fallback font
STALE_RED = "#cb181d"
STYLE = {
    LEAF: dict(facecolor="#c7e9c0", edgecolor="#238b45", boxstyle="round,pad=0.4", linestyle="-"),
    CONSTANT: dict(facecolor="#f0f0f0", edgecolor="#969696", boxstyle="round,pad=0.4", linestyle="--"),
    TENSOR: dict(facecolor="#c6dbef", edgecolor="#2171b5", boxstyle="round,pad=0.4", linestyle="-"),
    OP: dict(facecolor="#ffffff", edgecolor="#636363", boxstyle="round4,pad=0.3", linestyle=":"),
}
STALE_STYLE = dict(facecolor="#fee0d2", edgecolor=STALE_RED, linewidth=2.5, linestyle="-")
FREED_STYLE = dict(facecolor="#efedf5", edgecolor="#756bb1", linewidth=2, linestyle="--")
LEGEND = {
    LEAF: "leaf (requires grad): .grad is kept",
    CONSTANT: "leaf (no grad): autograd never reaches it",
    TENSOR: "non-leaf: .grad freed unless retain_grad()",
    OP: "grad_fn: backward of one op, with the tensors it saved (vN = _version)",
}


def layout(graph: Graph) -> dict[str, tuple[float, float]]:
    """Rows by depth from the inputs (networkx's topological generations), inputs on top.

    Within a row, nodes keep the order the graph lists them in, so a picture is the same from run to
    run and a step-through does not shuffle boxes between steps.
    """
    g = nx.DiGraph()
    g.add_nodes_from(n.id for n in graph.nodes)
    g.add_edges_from(graph.edges)
    rank = {n.id: i for i, n in enumerate(graph.nodes)}
    generations = [sorted(gen, key=rank.__getitem__) for gen in nx.topological_generations(g)]
    widest = max((len(gen) for gen in generations), default=1)
    pos = {}
    for depth, generation in enumerate(generations):
        for i, node in enumerate(generation):
            pos[node] = (i - (len(generation) - 1) / 2) / max(widest - 1, 1), -depth / max(len(generations) - 1, 1)
    return pos


def _arrows(ax, graph: Graph, pos: dict[str, tuple[float, float]], half_height: dict[str, float]) -> None:
    """All edges as one quiver, clipped at the boxes: one artist however many edges, so redraws stay fast."""
    if not graph.edges:
        return
    src = np.array([pos[s] for s, _ in graph.edges])
    dst = np.array([pos[d] for _, d in graph.edges])
    vec = dst - src
    rise = np.maximum(np.abs(vec[:, 1]), 1e-9)  # layers differ in y, so every edge rises
    cut_src = np.minimum([half_height[s] for s, _ in graph.edges] / rise, 0.45)[:, None]
    cut_dst = np.minimum([half_height[d] for _, d in graph.edges] / rise, 0.45)[:, None]
    start, end = src + vec * cut_src, dst - vec * cut_dst
    ax.quiver(start[:, 0], start[:, 1], *(end - start).T, angles="xy", scale_units="xy", scale=1,
              width=0.0018, headwidth=5, headlength=6, color="#525252", zorder=1)


def _legend(graph: Graph) -> list[Patch]:
    kinds = [k for k in (LEAF, CONSTANT, TENSOR, OP) if any(n.kind == k for n in graph.nodes)]
    handles = [Patch(facecolor=STYLE[k]["facecolor"], edgecolor=STYLE[k]["edgecolor"],
                     linestyle=STYLE[k]["linestyle"], label=LEGEND[k]) for k in kinds]
    if any(n.stale for n in graph.nodes):
        handles.append(Patch(facecolor=STALE_STYLE["facecolor"], edgecolor=STALE_RED,
                             label="saved tensor changed since it was saved (vsaved→vnow)"))
    if any(n.freed for n in graph.nodes):
        handles.append(Patch(facecolor=FREED_STYLE["facecolor"], edgecolor=FREED_STYLE["edgecolor"],
                             linestyle="--", label="saved tensors freed by an earlier backward()"))
    return handles


def graph_figure(graph: Graph, title: str | None = None, highlight: str | None = None) -> Figure:
    """Draw an autograd graph, and say under it what `backward()` will do."""
    pos = layout(graph)
    rows: dict[float, int] = {}
    for _, y in pos.values():
        rows[round(y, 6)] = rows.get(round(y, 6), 0) + 1
    depth, width = max(len(rows), 1), max(rows.values(), default=1)
    lines = max((n.label.count("\n") + 1 for n in graph.nodes), default=1)
    heading = _title(graph, title)
    fig_width = min(max(2.4 + 2.1 * width, 0.5 + 0.085 * len(heading), MIN_WIDTH), 16)
    columns = 2 if fig_width >= 10 else 1  # legend labels are long: one column on narrow pictures
    handles = _legend(graph)
    verdict = _verdict(graph, int(fig_width * CHARS_PER_INCH))
    top_in = 0.45  # the title
    bottom_in = 0.2 + 0.2 * -(-len(handles) // columns) + 0.16 * (verdict.count("\n") + 1)  # legend, verdict
    graph_in = min(0.8 + (0.45 + 0.17 * lines) * (depth - 1) + 0.17 * lines, 12)
    height = top_in + graph_in + bottom_in
    fig = Figure(figsize=(fig_width, height), dpi=90)
    ax = fig.add_subplot()
    ax.set_axis_off()
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    ax.set_xlim(min(xs) - 0.35, max(xs) + 0.35)
    span = max(ys) - min(ys)
    pad = 0.3 if span == 0 else 0.4 * span / max(graph_in - 0.8, 0.2)  # about 0.4 inch above and below
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    fig.subplots_adjust(left=0.02, right=0.98, top=1 - top_in / height, bottom=bottom_in / height)
    points_per_unit = graph_in * 72 / (span + 2 * pad)
    half_height = {n.id: (FONT * 1.25 * (n.label.count("\n") + 1) / 2 + FONT * 0.6) / points_per_unit
                   for n in graph.nodes}
    _arrows(ax, graph, pos, half_height)
    for node in graph.nodes:
        style = dict(STYLE[node.kind])
        if node.freed:
            style.update(FREED_STYLE)
        if node.stale:
            style.update(STALE_STYLE)
        if highlight is not None and node.name == highlight:
            style.update(edgecolor="#d94801", linewidth=3)
        ax.text(*pos[node.id], node.label, ha="center", va="center", fontsize=FONT, family=MONO,
                bbox=style, zorder=2)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=columns, fontsize=8,
              frameon=False)
    ax.set_title(heading, fontsize=10)
    fig.text(0.5, 0.08 / height, verdict, ha="center", va="bottom", fontsize=8.5, family=MONO,
             color=STALE_RED if graph.backward_error else "#252525")
    return fig


def _title(graph: Graph, title: str | None) -> str:
    parts = [title] if title else []
    if graph.truncated:
        parts.append(f"too large: showing the first {len(graph.nodes)} nodes")
    if not graph.nodes:
        parts.append("no tensors yet")
    elif not any(n.kind == OP for n in graph.nodes):
        parts.append("no autograd graph: no op was recorded for these tensors")
    return " — ".join(parts)


def _verdict(graph: Graph, width: int) -> str:
    """What backward() will do, in one wrapped paragraph: the picture's answer before anyone runs it."""
    if not any(n.kind == OP for n in graph.nodes):
        return "backward(): nothing to walk"
    if graph.backward_error is None:
        return "backward(): every saved tensor is as it was saved; backward can run"
    return "\n".join(textwrap.wrap("backward() will raise " + graph.backward_error, width)[:6])
