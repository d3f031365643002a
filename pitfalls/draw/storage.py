"""The storage picture: one strip per storage, one row per name showing which elements it sees."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..storage import StorageMap, View, covered
from .render import MONO

CHANGED = "#d94801"
BUMPED = "#8c6d31"
PALETTE = ["#6baed6", "#74c476", "#9e9ac8", "#fd8d3c", "#e377c2", "#8c6d31", "#17becf", "#bcbd22"]


def _describe(view: View) -> str:
    shape = "×".join(map(str, view.shape)) or "scalar"
    flags = []
    if view.requires_grad:
        flags.append("requires_grad")
    if not view.is_leaf:
        flags.append("non-leaf")
    head = f"{shape} {view.dtype}" + (f" v{view.version}" if view.version else "")
    return f"{head}  offset {view.offset} stride {tuple(view.stride)}  {' '.join(flags)}".rstrip()


def storage_figure(smap: StorageMap, title: str | None = None, changed: set[str] = frozenset(),
                   bumped: set[str] = frozenset(), max_rows: int = 60) -> Figure:
    """Draw which names share which storage; names a write just reached are marked in orange,
    names whose `_version` moved without their values changing in brown."""
    rows = sum(1 + len(group) for group in smap.groups()) or 1
    shown = min(rows, max_rows)
    fig = Figure(figsize=(11, 0.9 + 0.27 * shown), dpi=90)
    ax = fig.add_subplot()
    ax.set_axis_off()
    y = 0.0
    drawn = 0
    for storage, group in zip(smap.storages, smap.groups(), strict=True):
        if drawn >= max_rows:
            break
        numel = storage.numel
        ax.text(-0.02, y, f"storage {storage.index}: {numel} element{'s' * (numel != 1)} on {storage.device}",
                ha="right", va="center", fontsize=8.5, family=MONO, weight="bold")
        ax.broken_barh([(0, 1)], (y - 0.3, 0.6), facecolor="#f0f0f0", edgecolor="#969696")
        if 0 < numel <= 64:
            ax.vlines([i / numel for i in range(1, numel)], y - 0.3, y + 0.3, color="#bdbdbd", lw=0.6)
        y -= 1
        drawn += 1
        for view in (smap.view(name) for name in group):
            if drawn >= max_rows:
                break
            color = PALETTE[view.storage % len(PALETTE)]
            label = view.name if view.same_object_as is None else f"{view.name} is {view.same_object_as}"
            marker, ink = "", "#252525"
            if view.name in changed:
                marker, ink = "  ← changed", CHANGED
            elif view.name in bumped:
                marker, ink = "  ← _version bumped", BUMPED
            ax.text(-0.02, y, label + marker, ha="right", va="center", fontsize=8.5, family=MONO, color=ink,
                    weight="normal" if ink == "#252525" else "bold")
            cells = covered(view, numel)
            spans = _runs(cells, numel, per_cell=numel <= 64) if cells is not None else _span(view, numel)
            ax.broken_barh(spans, (y - 0.3, 0.6), facecolor=CHANGED if view.name in changed else color,
                           edgecolor="white", linewidth=0.5 if numel <= 64 else 0)
            ax.text(1.02, y, _describe(view), ha="left", va="center", fontsize=8, family=MONO,
                    color="#525252")
            y -= 1
            drawn += 1
        y -= 0.4
    ax.set_xlim(-0.75, 1.9)
    ax.set_ylim(y + 0.3, 0.8)
    heading = [title] if title else []
    shared = [g for g in smap.groups() if len(g) > 1]
    heading.append(f"{len(smap.views)} names, {len(smap.storages)} storages"
                   + (f", {len(shared)} shared" if shared else ", nothing shared"))
    if rows > max_rows:
        heading.append(f"too many: showing the first {max_rows} rows of {rows}")
    ax.set_title(" — ".join(heading), fontsize=10)
    fig.subplots_adjust(left=0.01, right=0.99, top=1 - 0.45 / fig.get_figheight(), bottom=0.02)
    return fig


def _runs(cells: list[int], numel: int, per_cell: bool) -> list[tuple[float, float]]:
    """Covered elements as bars: one per cell when cells are wide enough to see, else one per run."""
    if per_cell:
        return [(i / numel, 1 / numel) for i in cells]
    runs: list[list[int]] = []
    for i in cells:
        if runs and i == runs[-1][1]:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return [(a / numel, (b - a) / numel) for a, b in runs]


def _span(view: View, numel: int) -> list[tuple[float, float]]:
    """For a storage too big to draw cell by cell: the range from the view's first to last element."""
    if numel == 0 or not view.shape or 0 in view.shape:
        return [(view.offset / max(numel, 1), 1 / max(numel, 1))]
    last = view.offset + sum((n - 1) * s for n, s in zip(view.shape, view.stride, strict=True))
    return [(view.offset / numel, (last + 1 - view.offset) / numel)]
