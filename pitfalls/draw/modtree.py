"""The module-tree picture: the tree on the left, what each module holds in columns on the right,
and the modules an iterator has visited so far numbered in orange.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..modtree import ATTRIBUTE, BUFFER, NON_PERSISTENT, PARAMETER, Member, ModTree
from .render import MONO

VISITED = "#d94801"
COLUMNS = [  # (title, kinds, colour, x)
    ("parameters", (PARAMETER,), "#c7e9c0", 0.40),
    ("buffers", (BUFFER, NON_PERSISTENT), "#dadaeb", 0.62),
    ("plain tensor attributes", (ATTRIBUTE,), "#fcbba1", 0.82),
]
LEGEND = [
    ("#c7e9c0", "parameter: in state_dict, moved by .to(), trained"),
    ("#dadaeb", "buffer: in state_dict (unless persistent=False), moved by .to()"),
    ("#fcbba1", "plain tensor attribute: NOT in state_dict, NOT moved by .to()"),
]


def _cell(items: list[Member]) -> str:
    lines = []
    for m in items:
        shape = "×".join(map(str, m.shape)) or "scalar"
        note = " (not saved)" if m.kind == NON_PERSISTENT else ""
        lines.append(f"{m.name} {shape}{note}")
    return "\n".join(lines)


def module_figure(tree: ModTree, visited: list[str] = (), title: str | None = None, max_rows: int = 60) -> Figure:
    """Draw a module tree; `visited` lists the paths an iterator has yielded so far, in order."""
    nodes = tree.nodes[:max_rows]
    heights = [max(1, *(sum(m.kind in kinds for m in n.members) for _, kinds, _, _ in COLUMNS)) for n in nodes]
    total = sum(heights) + 1.5
    fig = Figure(figsize=(12, 1.3 + 0.24 * total), dpi=90)
    ax = fig.add_subplot()
    ax.set_axis_off()
    order = {path: i for i, path in enumerate(visited, start=1)}
    current = visited[-1] if visited else None
    for label, _, _, x in COLUMNS:
        ax.text(x, 0.6, label, ha="left", va="center", fontsize=9, weight="bold", family=MONO)
    y = -0.4
    for node, height in zip(nodes, heights, strict=True):
        middle = y - (height - 1) / 2
        x = 0.02 + 0.03 * node.depth
        name = node.name if node.path else "model"
        text = f"{name}: {node.type}" if node.shared_with is None else f"{name}: same module as '{node.shared_with}'"
        seen = node.shared_with is None and node.path in order
        style = dict(boxstyle="round,pad=0.3", facecolor="#ffffff", edgecolor="#636363")
        if seen:
            style.update(edgecolor=VISITED, linewidth=2)
        if seen and node.path == current:
            style.update(facecolor="#fdd0a2")
        ax.text(x, middle, text, ha="left", va="center", fontsize=8.5, family=MONO, bbox=style,
                color="#737373" if node.shared_with else "#000000")
        if seen:
            ax.text(x - 0.012, middle, str(order[node.path]), ha="right", va="center", fontsize=9,
                    color=VISITED, weight="bold")
        for _, kinds, colour, cx in COLUMNS:
            items = [m for m in node.members if m.kind in kinds]
            if items:
                ax.text(cx, middle, _cell(items), ha="left", va="center", fontsize=8, family=MONO,
                        bbox=dict(boxstyle="round,pad=0.25", facecolor=colour, edgecolor="none"))
        y -= height + 0.3
    ax.set_xlim(0, 1.05)
    ax.set_ylim(y, 1.0)
    ax.legend(handles=[Patch(facecolor=c, label=t) for c, t in LEGEND], loc="upper center",
              bbox_to_anchor=(0.5, 0.0), ncol=1, fontsize=8, frameon=False)
    heading = [title] if title else []
    if len(tree.nodes) > max_rows:
        heading.append(f"too large: showing the first {max_rows} of {len(tree.nodes)} modules")
    if heading:
        ax.set_title(" — ".join(heading), fontsize=10)
    legend_inches = 0.65
    fig.subplots_adjust(left=0.02, right=0.98, top=1 - 0.3 / fig.get_figheight(),
                        bottom=legend_inches / fig.get_figheight())
    return fig
