"""Static pictures of the plain-data models, as matplotlib figures and PNG bytes.

Figures are built without pyplot so drawing never opens a window or leaks into a notebook's
output on its own; callers decide how to show them.
"""

from __future__ import annotations

import io

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .graph import CONSTANT, LEAF, OP, TENSOR, Graph

STYLE = {
    LEAF: dict(facecolor="#c7e9c0", edgecolor="#238b45", boxstyle="round,pad=0.4", linestyle="-"),
    CONSTANT: dict(facecolor="#f0f0f0", edgecolor="#969696", boxstyle="round,pad=0.4", linestyle="--"),
    TENSOR: dict(facecolor="#c6dbef", edgecolor="#2171b5", boxstyle="round,pad=0.4", linestyle="-"),
    OP: dict(facecolor="#ffffff", edgecolor="#636363", boxstyle="round4,pad=0.3", linestyle=":"),
}
LEGEND = {
    LEAF: "leaf (requires grad): .grad is kept",
    CONSTANT: "leaf (no grad): autograd never reaches it",
    TENSOR: "non-leaf: .grad freed unless retain_grad()",
    OP: "grad_fn: backward of one op",
}


def layout(graph: Graph) -> dict[str, tuple[float, float]]:
    """Rows by depth from the inputs (networkx's topological generations), inputs on top."""
    g = nx.DiGraph()
    g.add_nodes_from(n.id for n in graph.nodes)
    g.add_edges_from(graph.edges)
    for depth, generation in enumerate(nx.topological_generations(g)):
        for node in generation:
            g.nodes[node]["depth"] = depth
    pos = nx.multipartite_layout(g, subset_key="depth", align="horizontal", scale=1.0)
    return {node: (float(x), -float(y)) for node, (x, y) in pos.items()}


def graph_figure(graph: Graph, title: str | None = None, highlight: str | None = None) -> Figure:
    """Draw an autograd graph: leaves green, non-leaf tensors blue, grad_fn nodes white."""
    pos = layout(graph)
    depth = len({round(y, 6) for _, y in pos.values()}) or 1
    width = max((sum(1 for _, y2 in pos.values() if abs(y2 - y) < 1e-6) for _, y in pos.values()),
                default=1)
    fig = Figure(figsize=(min(2.2 + 2.0 * width, 14), min(1.2 + 1.1 * depth, 12)), dpi=90)
    ax = fig.add_subplot()
    ax.set_axis_off()
    for src, dst in graph.edges:
        ax.annotate("", xy=pos[dst], xytext=pos[src],
                    arrowprops=dict(arrowstyle="-|>", color="#525252", shrinkA=16, shrinkB=16))
    for node in graph.nodes:
        style = dict(STYLE[node.kind])
        if highlight is not None and node.name == highlight:
            style.update(edgecolor="#d94801", linewidth=3)
        ax.text(*pos[node.id], node.label, ha="center", va="center", fontsize=9,
                family="monospace", bbox=style)
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    ax.set_xlim(min(xs) - 0.35, max(xs) + 0.35)
    ax.set_ylim(min(ys) - 0.3, max(ys) + 0.3)
    kinds = [k for k in (LEAF, CONSTANT, TENSOR, OP) if any(n.kind == k for n in graph.nodes)]
    ax.legend(handles=[Patch(facecolor=STYLE[k]["facecolor"], edgecolor=STYLE[k]["edgecolor"],
                             linestyle=STYLE[k]["linestyle"], label=LEGEND[k]) for k in kinds],
              loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8, frameon=False)
    if graph.truncated:
        title = (title + " — " if title else "") + f"too large: showing the first {len(graph.nodes)} nodes"
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def png_bytes(fig: Figure) -> bytes:
    """Render a figure to PNG, the form notebooks, widgets and feedback files all accept."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return buf.getvalue()
