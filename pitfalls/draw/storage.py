"""The storage picture: one strip per storage, one row per name showing which elements it sees.

Three columns, each as wide as its longest text (names on the left, the strip, what each view is on
the right), measured in inches like every picture here, so nothing is cut off at the edge.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from matplotlib.figure import Figure

from ..storage import StorageMap, View, covered
from .render import LINE_EM, MONO, PX_PER_INCH, SANS_EM, TEXT, TITLE, mono_width, text_height

CHANGED = "#d94801"
BUMPED = "#8c6d31"
PALETTE = ["#6baed6", "#74c476", "#9e9ac8", "#fd8d3c", "#e377c2", "#8c6d31", "#17becf", "#bcbd22"]
MARGIN = 0.15
GAP = 0.15  # between the columns
STRIP = (1.6, 3.2)  # the strip's least and most width, inches
MAX_WIDTH = 9.6  # inches: what a 1366-px-wide JupyterLab shows without shrinking (934 px)
BAR = 0.26  # a strip's height
SPACE = 0.12  # between rows, and again between storages


@dataclass(frozen=True)
class Row:
    label: str  # left column
    ink: str
    bold: bool
    view: View | None  # None: the storage's own strip
    describe: str  # right column
    numel: int  # elements in the storage the row is about


def _describe(view: View, wrap: bool) -> str:
    shape = "×".join(map(str, view.shape)) or "scalar"
    flags = []
    if view.requires_grad:
        flags.append("requires_grad")
    if not view.is_leaf:
        flags.append("non-leaf")
    head = " ".join([f"{shape} {view.dtype}" + (f" v{view.version}" if view.version else ""), *flags])
    where = f"offset {view.offset} stride {tuple(view.stride)}"
    return f"{head}\n{where}" if wrap else f"{head}  {where}"


def _rows(smap: StorageMap, changed: set[str], bumped: set[str], max_rows: int, wrap: bool) -> list[Row]:
    rows: list[Row] = []
    for storage, group in zip(smap.storages, smap.groups(), strict=True):
        numel = storage.numel
        rows.append(Row(f"storage {storage.index}: {numel} element{'s' * (numel != 1)} on {storage.device}",
                        "#000000", True, None, "", numel))
        for view in (smap.view(name) for name in group):
            label = view.name if view.same_object_as is None else f"{view.name} is {view.same_object_as}"
            ink = "#252525"
            if view.name in changed:
                label, ink = label + "  ← changed", CHANGED
            elif view.name in bumped:
                label, ink = label + "  ← _version bumped", BUMPED
            rows.append(Row(label, ink, ink != "#252525", view, _describe(view, wrap), numel))
    return rows[:max_rows]


@dataclass(frozen=True)
class _Plan:
    rows: list[Row]
    left: float  # column widths, inches
    strip: float
    right: float
    heading: str
    width: float
    height: float


def _heading(smap: StorageMap, title: str | None, rows: int, max_rows: int) -> str:
    heading = [title] if title else []
    shared = [g for g in smap.groups() if len(g) > 1]
    heading.append(f"{len(smap.views)} names, {len(smap.storages)} storages"
                   + (f", {len(shared)} shared" if shared else ", nothing shared"))
    if rows > max_rows:
        heading.append(f"too many: showing the first {max_rows} rows of {rows}")
    return " — ".join(heading)


def _row_height(row: Row) -> float:
    return max(BAR, text_height(row.describe)) + SPACE


def _plan(smap: StorageMap, title: str | None, changed: set[str], bumped: set[str], max_rows: int) -> _Plan:
    total = sum(1 + len(group) for group in smap.groups())
    for wrap in (False, True):  # what each view is on one line if that fits, else on two
        rows = _rows(smap, changed, bumped, max_rows, wrap)
        left = max((mono_width(r.label) for r in rows), default=0.0)
        right = max((mono_width(r.describe) for r in rows), default=0.0)
        strip = min(max(MAX_WIDTH - 2 * MARGIN - 2 * GAP - left - right, STRIP[0]), STRIP[1])
        width = 2 * MARGIN + left + GAP + strip + GAP + right
        if width <= MAX_WIDTH:
            break
    chars = int((width - 2 * MARGIN) * 72 / (SANS_EM * TITLE))
    heading = "\n".join(textwrap.wrap(_heading(smap, title, total, max_rows), chars))
    height = (2 * MARGIN + (heading.count("\n") + 1) * LINE_EM * TITLE / 72 + SPACE
              + sum(_row_height(r) for r in rows) + SPACE * sum(r.view is None for r in rows))
    return _Plan(rows, left, strip, right, heading, width, height)


def storage_size(smap: StorageMap, title: str | None = None, changed: set[str] = frozenset(),
                 bumped: set[str] = frozenset(), max_rows: int = 60) -> tuple[float, float]:
    """Inches `storage_figure` takes with the same arguments, without drawing it."""
    plan = _plan(smap, title, changed, bumped, max_rows)
    return plan.width, plan.height


def storage_figure(smap: StorageMap, title: str | None = None, changed: set[str] = frozenset(),
                   bumped: set[str] = frozenset(), max_rows: int = 60, least: tuple[float, float] = (0, 0)) -> Figure:
    """Draw which names share which storage; names a write just reached are marked in orange,
    names whose `_version` moved without their values changing in brown. `least` is the least
    size to take, in inches: a step-through keeps one size for all its steps."""
    plan = _plan(smap, title, changed, bumped, max_rows)
    width, height = max(plan.width, least[0]), max(plan.height, least[1])
    fig = Figure(figsize=(width, height), dpi=PX_PER_INCH)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.text(MARGIN, MARGIN, plan.heading, ha="left", va="top", fontsize=TITLE, gid="title")
    y = MARGIN + (plan.heading.count("\n") + 1) * LINE_EM * TITLE / 72 + SPACE
    x0 = MARGIN + plan.left + GAP  # the strips' left end
    for row in plan.rows:
        numel = row.numel
        if row.view is None:
            y += SPACE
        middle = y + _row_height(row) / 2
        ax.text(x0 - GAP, middle, row.label, ha="right", va="center", fontsize=TEXT, family=MONO, color=row.ink,
                weight="bold" if row.bold else "normal")
        if row.view is None:
            ax.broken_barh([(x0, plan.strip)], (middle - BAR / 2, BAR), facecolor="#f0f0f0", edgecolor="#969696")
            if 0 < numel <= 64:
                ax.vlines([x0 + plan.strip * i / numel for i in range(1, numel)], middle - BAR / 2, middle + BAR / 2,
                          color="#bdbdbd", lw=0.6)
        else:
            cells = covered(row.view, numel)
            spans = _runs(cells, numel, per_cell=numel <= 64) if cells is not None else _span(row.view, numel)
            colour = CHANGED if row.ink == CHANGED else PALETTE[row.view.storage % len(PALETTE)]
            ax.broken_barh([(x0 + plan.strip * a, plan.strip * w) for a, w in spans], (middle - BAR / 2, BAR),
                           facecolor=colour, edgecolor="white", linewidth=0.5 if numel <= 64 else 0)
            ax.text(x0 + plan.strip + GAP, middle, row.describe, ha="left", va="center", fontsize=TEXT, family=MONO,
                    color="#525252")
        y += _row_height(row)
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
