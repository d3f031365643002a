"""The benchmark's results as a markdown table, a PNG plot, and the README's copy of the table.

The budgets are the course's promises to presenters and instructors; every run says whether each
one held on the machine it ran on.
"""

from __future__ import annotations

import io
from pathlib import Path

from matplotlib.figure import Figure

from autograde.readme import update as readme_block

from .machine import line
from .pipeline import markdown as pipeline_table

BUDGETS = {  # name: (what, limit, higher is better, as the README states it, how a measurement reads)
    "lesson": ("each lesson runs within its budget", 1.0, False, "`budget_s` in course.toml", "{:.0%} of it"),
    "cell": ("no cell takes more than", 3.0, False, "< 3 s", "{:.2f} s"),
    "memory": ("a lesson's kernel peaks at", 1024.0, False, "< 1 GiB", "{:.0f} MiB"),
    "grading": ("grading, speed-up over stock nbgrader", 1.8, True, "≥ 1.8×", "{:.2f}×"),
    "redraw": ("explorer redraw at 100 nodes", 250.0, False, "< 250 ms", "{:.0f} ms"),
}


def worst(results: dict) -> dict[str, tuple[float, str]]:
    """The measured value each budget is held against, and where it was measured."""
    lessons = results["lessons"]
    slow = max(lessons, key=lambda n: lessons[n]["wall_s"] / budget(lessons[n]))
    cell = max(lessons, key=lambda n: lessons[n]["slowest_cell"]["seconds"])
    heavy = max(lessons, key=lambda n: lessons[n]["peak_mib"])
    at_100 = min(results["redraw"], key=lambda r: abs(r["nodes"] - 100))
    return {"lesson": (lessons[slow]["wall_s"] / budget(lessons[slow]),
                       f"{slow}: {lessons[slow]['wall_s']:.1f} s of {budget(lessons[slow]):g} s"),
            "cell": (lessons[cell]["slowest_cell"]["seconds"], cell),
            "memory": (lessons[heavy]["peak_mib"], heavy),
            "grading": (results["grading"]["speedup"], f"{results['grading']['submissions']} submissions"),
            "redraw": (at_100["widget_svg_ms"], f"{at_100['nodes']} nodes")}


def budget(row: dict) -> float:
    """A lesson's run-time budget in seconds, as course.toml declared it when it was measured."""
    return row.get("budget_s", 20.0)  # results from before budgets were declared: the course-wide 20 s


def repeats(results: dict) -> int:
    """How many runs of each notebook the medians were taken over (`--repeat`)."""
    return min(len(row["runs_s"]) for row in results["lessons"].values())


# `make autograde` in the `make bench` of that date: the figure per core that issue 23 asks to double
RECORDED = {"date": "2026-11-23", "commit": "ad6bdaa", "students": 20, "lessons": ["00", "01", "02", "03", "04"],
            "per_minute": 60.7, "cores": 2}


def lesson_span(names: list[str]) -> str:
    """`lessons 00–04` for a run of lessons, `lesson 02` for one, `lessons 00, 02` otherwise."""
    numbers = [name.split("_", 1)[0] for name in names]
    if len(numbers) == 1:
        return f"lesson {numbers[0]}"
    first = int(numbers[0]) if numbers[0].isdigit() else -1
    if numbers == [f"{first + i:02d}" for i in range(len(numbers))]:
        return f"lessons {numbers[0]}–{numbers[-1]}"
    return "lessons " + ", ".join(numbers)


def class_of(students: int, names: list[str]) -> str:
    """`20 students × lessons 00–04`: a synthetic class, as the tables name it."""
    return f"{students} student{'s' * (students != 1)} × {lesson_span(names)}"


def recorded_class(grading: dict) -> bool:
    """Whether this run graded the class of the RECORDED figure, so that their per-core figures compare."""
    numbers = [name.split("_", 1)[0] for name in grading.get("lessons", [])]
    return grading["students"] == RECORDED["students"] and numbers == RECORDED["lessons"]


def grading_table(grading: dict) -> list[str]:
    """The ways one class was graded (and the floor), each per minute and per minute per core; then Dask ÷ local,
    and this run per core against the RECORDED figure when the class is the same."""
    n, jobs, n_cores, stock_s = grading["submissions"], grading["jobs"], grading["cores"], grading["stock_s"]
    graded = class_of(grading["students"], grading["lessons"]) if "lessons" in grading else \
        f"{grading['students']} students × {n // grading['students']} lessons"

    def row(label: str, seconds: float | None) -> str:
        if seconds is None:
            return f"| {label} | grades differ: not reported | | | |"
        return (f"| {label} | {seconds:.0f} | {60 * n / seconds:.1f} | {60 * n / seconds / n_cores:.1f} "
                f"| {stock_s / seconds:.2f}× |")

    out = [f"| grading {graded} = {n} submission{'s' * (n != 1)}, {n_cores} cores | seconds "
           "| submissions per minute | per minute per core | stock ÷ this |", "|---|---:|---:|---:|---:|",
           row(f"`make autograde`, {jobs} workers (grades, feedback, integrity report)", grading["ours_s"])]
    dasked = "dask_start_s" in grading  # (results from before the Dask path was measured have none)
    if dasked:
        out.append(row(f"`make autograde SCHEDULER=…`, the same {jobs} workers on a Dask cluster on loopback",
                       grading["dask_s"]))
    out.append(row("stock `nbgrader autograde`, sequential (grades only)", stock_s))
    if "floor_s" in grading:
        out += [row(f"floor: each notebook run alone, summed, ÷ {n_cores} cores", grading["floor_s"]), "",
                f"`make autograde` takes {grading['ours_s'] / grading['floor_s']:.2f}× the floor's time "
                "(under 1: faster than running every notebook alone, one per core)."]
    if not dasked:
        return out
    out += ["", "| compared | ratio |", "|---|---:|"]
    if (dask := grading["dask_s"]) is not None:
        out.append(f"| Dask ÷ local pool, seconds with the same {jobs} grading workers (the same grades.csv; the "
                   f"cluster's {grading['dask_start_s']:.0f} s start not counted) | {dask / grading['ours_s']:.2f}× |")
    else:
        differs = grading["dask_differs"]
        shown = ", ".join(differs[:3]) + (f" and {len(differs) - 3} more" if len(differs) > 3 else "")
        out.append(f"| Dask ÷ local pool | **not reported: grades.csv differs in {len(differs)} rows** ({shown}) |")
    then = RECORDED["per_minute"] / RECORDED["cores"]
    label = (f"`make autograde` per minute per core ÷ `make bench` of {RECORDED['date']} (commit {RECORDED['commit']}, "
             f"{class_of(RECORDED['students'], RECORDED['lessons'])}: {RECORDED['per_minute']} a minute "
             f"on {RECORDED['cores']} cores, {then:.1f} per core)")
    ratio = f"{60 * n / grading['ours_s'] / n_cores / then:.2f}×" if recorded_class(grading) else \
        f"not compared: this run graded {graded}"
    out.append(f"| {label} | {ratio} |")
    return out


def held(name: str, value: float) -> bool:
    _, limit, higher, _, _ = BUDGETS[name]
    return value >= limit if higher else value < limit


def markdown(results: dict) -> str:
    machine, lessons, floor = results["machine"], results["lessons"], results["floor"]
    grading, redraw = results["grading"], results["redraw"]
    out = [f"Measured {results['date']} on {line(machine)} (`make bench`, {results['seconds'] / 60:.1f} min).", ""]
    out += [f"| lesson | run, median of {repeats(results)} | slowest cell | peak kernel memory |",
            "|---|---:|---|---:|"]
    for name, row in lessons.items():
        cell = row["slowest_cell"]
        out.append(f"| {name} | {row['wall_s']:.1f} s | {cell['seconds']:.2f} s, cell {cell['index']} "
                   f"`{cell['source'].replace('|', '&#124;')}` | {row['peak_mib']:.0f} MiB |")
    out.append(f"| **whole course** | **{sum(r['wall_s'] for r in lessons.values()):.1f} s** | | |")
    out += ["", f"Floor every lesson pays: a fresh kernel {floor['kernel_s']:.1f} s; "
            f"a fresh kernel that runs `import torch` {floor['kernel_import_torch_s']:.1f} s.", ""]
    out += [*grading_table(grading), ""]
    if "pipeline" in results:  # (results from before it was measured have none)
        out += [*pipeline_table(results["pipeline"]), ""]
    out += ["| explorer redraw | widget (SVG), median | static PNG, median |", "|---:|---:|---:|"]
    out += [f"| {r['nodes']} nodes | {r['widget_svg_ms']:.0f} ms | {r['static_png_ms']:.0f} ms |" for r in redraw]
    out += ["", "| budget | limit | measured, worst case | held |", "|---|---:|---|:---:|"]
    for name, (value, where) in worst(results).items():
        what, _, _, limit, shown = BUDGETS[name]
        verdict = "yes" if held(name, value) else "**no**"
        out.append(f"| {what} | {limit} | {shown.format(value)} ({where}) | {verdict} |")
    return "\n".join(out) + "\n"


def plot(results: dict) -> bytes:
    """Four panels: lesson run times over the floor, kernel memory, grading seconds, redraw time by size."""
    lessons, grading, redraw = results["lessons"], results["grading"], results["redraw"]
    fig = Figure(figsize=(16, 4.2), layout="constrained")
    left, memory, middle, right = fig.subplots(1, 4)
    names = [name.split("_", 1)[0] for name in lessons]
    floor = results["floor"]["kernel_import_torch_s"]
    walls = [row["wall_s"] for row in lessons.values()]
    left.bar(names, [floor] * len(walls), color="#bbbbbb", label="kernel + import torch")
    left.bar(names, [w - floor for w in walls], bottom=floor, color="#4c72b0", label="the lesson")
    left.scatter(range(len(lessons)), [budget(row) for row in lessons.values()], marker="_", s=400,
                 color="#c44e52", label="budget", zorder=3)
    left.set(title=f"lesson run time, median of {repeats(results)}", ylabel="seconds", xlabel="lesson",
             ylim=(0, 1.2 * max(budget(row) for row in lessons.values())))
    left.legend(loc="upper left", fontsize=8, ncols=3)
    memory.bar(names, [row["peak_mib"] for row in lessons.values()], color="#55a868")
    memory.axhline(BUDGETS["memory"][1], color="#c44e52", linestyle="--", label="budget")
    memory.set(title="peak kernel memory", ylabel="MiB", xlabel="lesson", ylim=(0, 1250))
    memory.legend(loc="upper left", fontsize=8)
    bars = [(f"local\n{grading['jobs']} workers", grading["ours_s"], "#4c72b0"),
            (f"Dask\n{grading['jobs']} workers", grading.get("dask_s"), "#8172b2"),
            ("stock\nsequential", grading["stock_s"], "#dd8452"), ("floor", grading.get("floor_s"), "#bbbbbb")]
    labels, values, colors = zip(*[bar for bar in bars if bar[1] is not None], strict=True)
    middle.bar(labels, values, color=colors)
    for x, v in enumerate(values):
        middle.text(x, v, f"{v:.0f} s", ha="center", va="bottom", fontsize=9)
    middle.set(title=f"grading {grading['submissions']} submissions", ylabel="seconds")
    nodes = [r["nodes"] for r in redraw]
    right.plot(nodes, [r["widget_svg_ms"] for r in redraw], "o-", label="widget (SVG)")
    right.plot(nodes, [r["static_png_ms"] for r in redraw], "s-", label="static PNG")
    right.axhline(BUDGETS["redraw"][1], color="#c44e52", linestyle="--", label="budget (widget, 100 nodes)")
    right.set(title="explorer redraw, median", xlabel="graph nodes", ylabel="milliseconds")
    right.legend(fontsize=8)
    fig.suptitle(line(results["machine"]), fontsize=9)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def update_readme(readme: Path, table: str) -> bool:
    """Put the table between the README's bench markers; False when the README has none."""
    return readme_block(readme, "bench", table)
