"""The benchmark's report: every budget is judged, a broken one is shown, and the README keeps its prose."""

from __future__ import annotations

import copy

import pytest

from bench import report

RESULTS = {
    "date": "2026-11-23", "seconds": 700.0,
    "machine": {"cores": 2, "cpu": "test CPU", "memory_gib": 24.0, "gpu": "no GPU", "torch": "2.13.0+cpu",
                "python": "3.11.7", "os": "Linux"},
    "floor": {"kernel_s": 0.6, "kernel_import_torch_s": 2.1},
    "lessons": {
        "00_reading_the_pictures": {"wall_s": 3.9, "runs_s": [3.9, 4.0, 3.8], "peak_mib": 331.0,
                                    "slowest_cell": {"index": 1, "seconds": 1.5, "source": "import copy"}},
        "01_leaf_tensors": {"wall_s": 4.4, "runs_s": [4.4, 4.5, 4.3], "peak_mib": 669.0,
                            "slowest_cell": {"index": 3, "seconds": 1.1, "source": "a | b"}},
    },
    "redraw": [{"nodes": 50, "widget_svg_ms": 40.0, "static_png_ms": 300.0},
               {"nodes": 101, "widget_svg_ms": 90.0, "static_png_ms": 415.0}],
    "grading": {"students": 20, "submissions": 40, "jobs": 3, "cores": 2, "ours_s": 60.0, "stock_s": 200.0,
                "floor_s": 83.0, "speedup": 200 / 60, "vs_floor": 83 / 60},
}


def test_the_table_says_how_many_runs_each_median_is_of():
    results = copy.deepcopy(RESULTS)
    for row in results["lessons"].values():
        row["runs_s"] = row["runs_s"] * 2 + [row["wall_s"]]
    assert "| lesson | run, median of 7 |" in report.markdown(results)


def budget_rows(table: str) -> dict[str, str]:
    rows = table.split("| budget |")[1].splitlines()[2:]
    return {row.split("|")[1].strip(): row.split("|")[-2].strip() for row in rows if row.startswith("|")}


def test_the_table_names_the_machine_every_lesson_and_the_whole_course():
    table = report.markdown(RESULTS)
    assert "2 cores (test CPU), 24 GiB memory, no GPU, Linux, Python 3.11.7, torch 2.13.0+cpu" in table
    assert "| lesson | run, median of 3 |" in table
    assert "| 01_leaf_tensors | 4.4 s | 1.10 s, cell 3 `a &#124; b` | 669 MiB |" in table
    assert "**8.3 s**" in table
    assert "| 200 | 12.0 | 1.00× |" in table  # stock: 40 submissions in 200 s
    assert "takes 0.72× the floor's time" in table


def test_every_budget_holds_on_good_numbers():
    assert set(budget_rows(report.markdown(RESULTS)).values()) == {"yes"}


@pytest.mark.parametrize(("path", "value", "budget"), [
    (("lessons", "01_leaf_tensors", "wall_s"), 21.0, "each lesson runs within its budget"),
    (("lessons", "00_reading_the_pictures", "slowest_cell", "seconds"), 3.2, "no cell takes more than"),
    (("lessons", "01_leaf_tensors", "peak_mib"), 1100.0, "a lesson's kernel peaks at"),
    (("grading", "speedup"), 1.7, "grading, speed-up over stock nbgrader"),
    (("redraw", 1, "widget_svg_ms"), 260.0, "explorer redraw at 100 nodes"),
])
def test_a_broken_budget_says_no(path, value, budget):
    results = copy.deepcopy(RESULTS)
    target = results
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    rows = budget_rows(report.markdown(results))
    assert rows[budget] == "**no**"
    assert [name for name, verdict in rows.items() if verdict != "yes"] == [budget]


def test_the_readme_table_is_replaced_between_its_markers_only(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- bench:start -->\nold table\n<!-- bench:end -->\noutro\n")
    assert report.update_readme(readme, "new table\n")
    assert readme.read_text() == "intro\n<!-- bench:start -->\nnew table\n<!-- bench:end -->\noutro\n"
    plain = tmp_path / "plain.md"
    plain.write_text("no markers\n")
    assert not report.update_readme(plain, "new table\n")
    assert plain.read_text() == "no markers\n"


def test_the_plot_is_a_png():
    assert report.plot(RESULTS)[:8] == b"\x89PNG\r\n\x1a\n"


def test_each_lesson_is_judged_against_its_own_budget():
    results = copy.deepcopy(RESULTS)
    results["lessons"]["01_leaf_tensors"].update(wall_s=25.0, budget_s=30.0)  # a lesson that starts processes
    table = report.markdown(results)
    assert budget_rows(table)["each lesson runs within its budget"] == "yes"
    assert "01_leaf_tensors: 25.0 s of 30 s" in table


def test_lesson_09s_launch_table_names_each_route_and_how_many_runs():
    from bench import launch  # noqa: PLC0415

    runs = {"fork": 5, "forkserver": 5, "spawn": 2, "reused": 5}
    table = launch.markdown({"rank_sum": {"fork_s": 0.31, "forkserver_s": 0.33, "forkserver_started_s": 9.5,
                                          "spawn_s": 2.5, "reused_s": 0.0021, "runs": runs}})
    assert "| `rank_sum` (an all-reduce of one number) | 0.31 s | 0.33 s | 9.50 s | 2.50 s | 0.002 s |" in table
    assert ("Medians of 5 fork launches, 5 forkserver launches with the server running, 2 spawn launches and 5 runs "
            "in one group; one launch that started the forkserver") in table


def test_the_table_shows_gpipes_measured_speed_up_next_to_the_bubble_bound():
    results = copy.deepcopy(RESULTS)
    results["pipeline"] = {"stages": 2, "naive_ms": 30.0,
                           "rows": [{"micro_batches": 4, "ms": 25.0, "speedup": 1.2, "bound": 1.6}]}
    table = report.markdown(results)
    assert "| m = 4 micro-batches | 25.0 ms | 1.20× | 1.60× | 75% |" in table
    assert "naive split (30.0 ms)" in table
    assert "micro-batches" not in report.markdown(RESULTS)  # older results: no pipeline table
