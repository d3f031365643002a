"""The module-tree picture: the tree on the left, what each module holds in columns on the right,
and the modules an iterator has visited so far numbered in orange.

Every column is as wide as its widest text, measured in inches like every picture here.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from ..modtree import ATTRIBUTE, BUFFER, NON_PERSISTENT, PARAMETER, Member, ModTree
from .render import LINE_EM, MONO, PX_PER_INCH, SANS_EM, TEXT, TITLE, mono_width, text_height

VISITED = "#d94801"
COLUMNS = [  # (title, kinds, colour)
    ("parameters", (PARAMETER,), "#c7e9c0"),
    ("buffers", (BUFFER, NON_PERSISTENT), "#dadaeb"),
    ("plain tensor attributes", (ATTRIBUTE,), "#fcbba1"),
]
LEGEND = [
    ("#c7e9c0", "parameter: in state_dict, moved by .to(), trained"),
    ("#dadaeb", "buffer: in state_dict (unless persistent=False), moved by .to()"),
    ("#fcbba1", "plain tensor attribute: NOT in state_dict, NOT moved by .to()"),
    (None, ".to(device) moves every parameter and buffer;\n.to(dtype) leaves integer buffers as they are"),
]  # a colour of None: a note under the entries, without a swatch
MARGIN = 0.15
GAP = 0.2  # between columns
INDENT = 0.3  # per level of the tree
NUMBER = mono_width("99 ")  # room left of the tree for the visit numbers
PAD = (0.08, 0.05)  # inside a box
SPACE = 0.12  # between rows
SWATCH = (0.36, 0.2)


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
    labels = [(f"{n.name if n.path else 'model'}: {n.type}" if n.shared_with is None
               else f"{n.name}: same module as '{n.shared_with}'") for n in nodes]
    cells = [[_cell([m for m in n.members if m.kind in kinds]) for _, kinds, _ in COLUMNS] for n in nodes]
    tree_width = NUMBER + max([INDENT * n.depth + mono_width(t) + 2 * PAD[0]
                               for n, t in zip(nodes, labels, strict=True)], default=1.0)
    widths = [max([len(name) * SANS_EM * TEXT / 72] + [mono_width(c[i]) + 2 * PAD[0] for c in cells])
              for i, (name, _, _) in enumerate(COLUMNS)]
    heights = [max([text_height(t)] + [text_height(c) for c in row if c]) + 2 * PAD[1]
               for t, row in zip(labels, cells, strict=True)]
    heading = [title] if title else []
    if len(tree.nodes) > max_rows:
        heading.append(f"too large: showing the first {max_rows} of {len(tree.nodes)} modules")
    head = LINE_EM * TITLE / 72 + SPACE if heading else 0.0
    legend = [(c, t, max(SWATCH[1], text_height(t)) + 0.06) for c, t in LEGEND]
    width = max(2 * MARGIN + tree_width + sum(GAP + w for w in widths),
                2 * MARGIN + max(SWATCH[0] + 0.12 + mono_width(t) for _, t in LEGEND))
    height = (2 * MARGIN + head + LINE_EM * TEXT / 72 + SPACE + sum(h + SPACE for h in heights) + SPACE
              + sum(h for _, _, h in legend))
    fig = Figure(figsize=(width, height), dpi=PX_PER_INCH)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)

    y = MARGIN
    if heading:
        ax.text(MARGIN, y, " — ".join(heading), ha="left", va="top", fontsize=TITLE, gid="title")
        y += head
    columns = [MARGIN + tree_width + GAP + sum(w + GAP for w in widths[:i]) for i in range(len(COLUMNS))]
    for (name, _, _), x in zip(COLUMNS, columns, strict=True):
        ax.text(x, y, name, ha="left", va="top", fontsize=TEXT, weight="bold")
    y += LINE_EM * TEXT / 72 + SPACE
    order = {path: i for i, path in enumerate(visited, start=1)}
    current = visited[-1] if visited else None
    for node, label, row, height_ in zip(nodes, labels, cells, heights, strict=True):
        middle = y + height_ / 2
        x = MARGIN + NUMBER + INDENT * node.depth
        seen = node.shared_with is None and node.path in order
        style = dict(facecolor="#ffffff", edgecolor="#636363", linewidth=1)
        if seen:
            style.update(edgecolor=VISITED, linewidth=2)
        if seen and node.path == current:
            style.update(facecolor="#fdd0a2")
        _boxed(ax, x, middle, label, style)
        ax.text(x + PAD[0], middle, label, ha="left", va="center", fontsize=TEXT, family=MONO,
                color="#737373" if node.shared_with else "#000000")
        if seen:
            ax.text(x - 0.06, middle, str(order[node.path]), ha="right", va="center", fontsize=TEXT,
                    color=VISITED, weight="bold", family=MONO)
        for (_, _, colour), cx, text in zip(COLUMNS, columns, row, strict=True):
            if text:
                _boxed(ax, cx, middle, text, dict(facecolor=colour, edgecolor="none"))
                ax.text(cx + PAD[0], middle, text, ha="left", va="center", fontsize=TEXT, family=MONO)
        y += height_ + SPACE
    y += SPACE
    for colour, text, h in legend:
        if colour is None:
            ax.text(MARGIN, y + h / 2, text, ha="left", va="center", fontsize=TEXT, family=MONO)
            y += h
            continue
        ax.add_patch(FancyBboxPatch((MARGIN, y + (h - SWATCH[1]) / 2), *SWATCH, facecolor=colour, edgecolor="none",
                                    boxstyle="round,pad=0,rounding_size=0.04"))
        ax.text(MARGIN + SWATCH[0] + 0.12, y + h / 2, text, ha="left", va="center", fontsize=TEXT, family=MONO)
        y += h
    return fig


def _boxed(ax, x: float, middle: float, text: str, style: dict) -> None:
    """A rounded box around `text` drawn from x (its left edge), centred on `middle`."""
    height = text_height(text) + 2 * PAD[1]
    ax.add_patch(FancyBboxPatch((x, middle - height / 2), mono_width(text) + 2 * PAD[0], height,
                                boxstyle="round,pad=0,rounding_size=0.05", **style))
