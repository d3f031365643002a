"""Pipeline timelines as Gantt charts: one row per stage, forwards blue, backwards green, idle blank."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..schedule import BACKWARD, FORWARD, Task, bubble_fraction, peak_in_flight
from .render import MONO

COLOURS = {FORWARD: "#6baed6", BACKWARD: "#74c476"}


def _gantt(ax, tasks: list[Task], label_bars: bool) -> None:
    stages = sorted({t.stage for t in tasks})
    for kind in (FORWARD, BACKWARD):
        for stage in stages:
            bars = [(t.start, t.end - t.start) for t in tasks if t.stage == stage and t.kind == kind]
            ax.broken_barh(bars, (stage - 0.4, 0.8), facecolor=COLOURS[kind], edgecolor="white", linewidth=0.8)
    if label_bars:
        for t in tasks:
            ax.text((t.start + t.end) / 2, t.stage, f"{t.kind}{t.micro}", ha="center", va="center",
                    fontsize=7, family=MONO)
    ax.set_yticks(stages, [f"stage {s}" for s in stages], fontsize=8)
    ax.set_ylim(max(stages, default=0) + 0.6, min(stages, default=0) - 0.6)  # stage 0 on top
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _summary(name: str, tasks: list[Task], formula: tuple[str, float] | None) -> str:
    measured = bubble_fraction(tasks)
    text = f"{name}: bubble {measured:.1%} measured from the timeline"
    if formula is not None:
        text += f" · {formula[0]} = {formula[1]:.1%}"
    peak = max(peak_in_flight(tasks).values(), default=0)
    return text + f" · up to {peak} micro-batches' activations held on one stage"


def schedule_figure(timelines: dict[str, list[Task]], formulas: dict[str, tuple[str, float]] | None = None,
                    title: str | None = None, time_unit: str = "time (forward = 1)") -> Figure:
    """Stack one Gantt chart per named timeline on a shared time axis, each with its bubble measured."""
    formulas = formulas or {}
    stages = max((len({t.stage for t in tasks}) for tasks in timelines.values()), default=1)
    fig = Figure(figsize=(12, 0.9 + len(timelines) * (0.75 + 0.28 * stages)), dpi=90)
    axes = fig.subplots(len(timelines), 1, sharex=True, squeeze=False)[:, 0]
    for ax, (name, tasks) in zip(axes, timelines.items(), strict=True):
        width = max((t.end for t in tasks), default=1) - min((t.start for t in tasks), default=0)
        few = len(tasks) <= 160 and all((t.end - t.start) / max(width, 1e-9) > 0.012 for t in tasks)
        _gantt(ax, tasks, label_bars=few)
        ax.set_title(_summary(name, tasks, formulas.get(name)), fontsize=9, loc="left", family=MONO)
    axes[-1].set_xlabel(time_unit, fontsize=8)
    fig.legend(handles=[Patch(facecolor=COLOURS[FORWARD], label="forward (F·micro-batch)"),
                        Patch(facecolor=COLOURS[BACKWARD], label="backward (B·micro-batch)"),
                        Patch(facecolor="white", edgecolor="#969696", label="idle: the bubble")],
               loc="upper right", ncol=3, fontsize=8, frameon=False)
    if title:
        fig.suptitle(title, fontsize=10, x=0.02, ha="left")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / fig.get_figheight()))
    return fig
