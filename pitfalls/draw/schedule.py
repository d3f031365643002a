"""Pipeline timelines as Gantt charts: one row per stage, forwards blue, backwards green, idle blank; a
measured all-reduce orange, in the lower part of its row, since it overlaps the backward it serves."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..schedule import ALL_REDUCE, BACKWARD, FORWARD, Task, bubble_fraction, peak_in_flight
from .render import LINE_EM, MONO, MONO_EM, PX_PER_INCH, TEXT, TITLE, mono_width

COLOURS = {FORWARD: "#6baed6", BACKWARD: "#74c476", ALL_REDUCE: "#fd8d3c"}
BAND = {FORWARD: (-0.4, 0.8), BACKWARD: (-0.4, 0.8), ALL_REDUCE: (0.1, 0.3)}  # a bar's place in its row
WIDTH = 9.4  # inches: fits a 1366-px-wide JupyterLab without shrinking
LEFT, RIGHT = 0.9, 0.2  # room for the stage names, and for the last tick label
ROW = 0.32  # one stage's row: a bar of 0.8 of it, readable at p = 8
TICKS = 0.45  # below a chart: tick labels (and under the last, the axis label)
MARGIN = 0.15


def _gantt(ax, tasks: list[Task], inches_per_unit: float, row: str = "stage") -> None:
    stages = sorted({t.stage for t in tasks})
    for kind in (FORWARD, BACKWARD, ALL_REDUCE):
        for stage in stages:
            bars = [(t.start, t.end - t.start) for t in tasks if t.stage == stage and t.kind == kind]
            if not bars:
                continue
            thin = min((w for _, w in bars), default=1) * inches_per_unit < 0.08  # a white edge would hide it
            ax.broken_barh(bars, (stage + BAND[kind][0], BAND[kind][1]), facecolor=COLOURS[kind], edgecolor="white",
                           linewidth=0 if thin else 0.8)
    named = {t: f"{t.kind}{t.micro}" for t in tasks if t.kind != ALL_REDUCE}  # an all-reduce sits under a B
    if all((t.end - t.start) * inches_per_unit >= mono_width(label) + 0.06 for t, label in named.items()):
        for t, label in named.items():  # every bar named, or none: a half-named row misleads
            ax.text((t.start + t.end) / 2, t.stage, label, ha="center", va="center", fontsize=TEXT, family=MONO)
    ax.set_yticks(stages, [f"{row} {s}" for s in stages], fontsize=TEXT)
    ax.set_ylim(max(stages, default=0) + 0.6, min(stages, default=0) - 0.6)  # stage 0 on top
    ax.tick_params(axis="x", labelsize=TEXT)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


UNITS = {"milliseconds": " ms", "seconds": " s"}  # a time axis's unit, as a length's caption writes it


def _summary(name: str, tasks: list[Task], formula: tuple[str, float] | None, row: str = "stage",
             time_unit: str = "", simulated: bool = False) -> str:
    span = max((t.end for t in tasks), default=0) - min((t.start for t in tasks), default=0)
    if row != "stage":  # a data-parallel run: each bar is a whole step, and an all-reduce is work, not a bubble
        return f"{name}: {span:.3g} {time_unit} from the first forward to the last bar's end"
    unit = UNITS.get(time_unit.split(" ")[0], "")
    where = "in the simulated timeline" if simulated else "measured from the timeline"
    text = f"{name}, {span:.3g}{unit} long: bubble {bubble_fraction(tasks):.1%} {where}"
    if formula is not None:
        text += f" · {formula[0]} = {formula[1]:.1%}"
    peak = max(peak_in_flight(tasks).values(), default=0)
    held = "1 micro-batch's activations" if peak == 1 else f"{peak} micro-batches' activations"
    return text + f" · up to {held} held on one {row}"


def schedule_figure(timelines: dict[str, list[Task]], formulas: dict[str, tuple[str, float]] | None = None,
                    title: str | None = None, time_unit: str = "time (forward = 1)", row: str = "stage",
                    simulated: bool = False) -> Figure:
    """Stack one Gantt chart per named timeline, each on its own time axis with its length and its
    bubble measured: bars stay wide enough to see even when one timeline is many times another. `row`
    names a row: a pipeline's stage, or a data-parallel run's rank (whose bars are steps, with no
    bubble or activations to speak of: its summary is its length alone). `simulated` timelines are computed
    from a model of the schedule, not recorded: their captions say so."""
    formulas = formulas or {}
    chars = int((WIDTH - 2 * MARGIN) * 72 / (MONO_EM * TEXT))
    heads = {name: "\n".join(textwrap.wrap(_summary(name, tasks, formulas.get(name), row, time_unit, simulated), chars))
             for name, tasks in timelines.items()}
    rows = {name: max(len({t.stage for t in tasks}), 1) for name, tasks in timelines.items()}
    line = LINE_EM * TEXT / 72
    top = MARGIN + (LINE_EM * TITLE / 72 if title else 0) + line + 0.15  # title, legend
    height = top + sum((h.count("\n") + 1) * line + 0.08 + ROW * rows[n] + TICKS for n, h in heads.items()) + MARGIN
    fig = Figure(figsize=(WIDTH, height), dpi=PX_PER_INCH)
    if title:
        fig.text(MARGIN / WIDTH, 1 - MARGIN / height, title, ha="left", va="top", fontsize=TITLE, gid="title")
    each = "micro-batch" if row == "stage" else "step"  # a pipeline's bars are micro-batches; a rank's, steps
    legend = [(COLOURS[FORWARD], "none", f"forward (F·{each})"), (COLOURS[BACKWARD], "none", f"backward (B·{each})"),
              ("white", "#969696", "idle: the bubble" if row == "stage" else "idle")]
    if any(t.kind == ALL_REDUCE for tasks in timelines.values() for t in tasks):
        legend.insert(2, (COLOURS[ALL_REDUCE], "none", "all-reduce"))
    x, y = MARGIN, top - 0.15 - line / 2
    for face, edge, text in legend:
        fig.patches.append(Rectangle((x / WIDTH, 1 - (y + 0.09) / height), 0.36 / WIDTH, 0.18 / height,
                                     facecolor=face, edgecolor=edge, transform=fig.transFigure, figure=fig))
        fig.text((x + 0.46) / WIDTH, 1 - y / height, text, ha="left", va="center", fontsize=TEXT, family=MONO)
        x += 0.46 + mono_width(text) + 0.35
    y = top
    for name, tasks in timelines.items():
        fig.text(MARGIN / WIDTH, 1 - y / height, heads[name], ha="left", va="top", fontsize=TEXT, family=MONO)
        y += (heads[name].count("\n") + 1) * line + 0.08
        chart = ROW * rows[name]
        ax = fig.add_axes((LEFT / WIDTH, 1 - (y + chart) / height, (WIDTH - LEFT - RIGHT) / WIDTH, chart / height))
        start = min((t.start for t in tasks), default=0)
        end = max((t.end for t in tasks), default=1)
        ax.set_xlim(start, end if end > start else start + 1)
        _gantt(ax, tasks, (WIDTH - LEFT - RIGHT) / max(end - start, 1e-12), row)
        y += chart + TICKS
    ax.set_xlabel(time_unit, fontsize=TEXT, labelpad=2)
    return fig
