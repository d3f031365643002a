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
    n, jobs = grading["submissions"], grading["jobs"]
    out += [f"| grading {grading['students']} students × {n // grading['students']} lessons = {n} submissions "
            "| seconds | submissions per minute | stock ÷ this |", "|---|---:|---:|---:|"]
    rows = ((f"`make autograde`, {jobs} workers (grades, feedback, integrity report)", grading["ours_s"]),
            ("stock `nbgrader autograde`, sequential (grades only)", grading["stock_s"]),
            (f"floor: each notebook run alone, summed, ÷ {grading['cores']} cores", grading["floor_s"]))
    for label, seconds in rows:
        out.append(f"| {label} | {seconds:.0f} | {60 * n / seconds:.1f} | {grading['stock_s'] / seconds:.2f}× |")
    out += ["", f"`make autograde` takes {grading['ours_s'] / grading['floor_s']:.2f}× the floor's time "
            "(under 1: faster than running every notebook alone, one per core).", ""]
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
    labels = [f"ours\n{grading['jobs']} workers", "stock\nsequential", "floor"]
    values = [grading["ours_s"], grading["stock_s"], grading["floor_s"]]
    middle.bar(labels, values, color=["#4c72b0", "#dd8452", "#bbbbbb"])
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
