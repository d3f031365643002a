"""The benchmark: every budget is judged, a broken one is shown, and the README keeps its prose; grading three ways is
reported per core, a Dask run whose grades differ gets no number, and its loopback cluster leaves no process behind."""

from __future__ import annotations

import copy
import csv
import subprocess
import sys
from pathlib import Path

import pytest

from autograde.loopback import Cluster, grading_worker
from bench import grading, report
from pitfalls.course import ROOT, lessons

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
    "grading": {"students": 20, "lessons": ["00_reading_the_pictures", "01_leaf_tensors"], "submissions": 40,
                "jobs": 3, "cores": 2, "ours_s": 60.0, "dask_s": 75.0, "dask_start_s": 4.0, "dask_differs": [],
                "stock_s": 200.0, "floor_s": 83.0, "speedup": 200 / 60, "vs_floor": 83 / 60},
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
    assert "| 200 | 12.0 | 6.0 | 1.00× |" in table  # stock: 40 submissions in 200 s, 2 cores
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


def grading_rows(grading_results: dict) -> dict[str, list[str]]:
    """The grading section's table rows, by their first cell: the three ways, the floor and the ratios."""
    rows = [line.split(" | ") for line in report.grading_table(grading_results) if line.startswith("| ")]
    return {row[0].strip("| "): [cell.strip("| ") for cell in row[1:]] for row in rows}


def test_each_way_of_grading_is_shown_per_minute_and_per_minute_per_core():
    rows = grading_rows(RESULTS["grading"])  # 40 submissions on 2 cores
    assert rows["`make autograde`, 3 workers (grades, feedback, integrity report)"] == ["60", "40.0", "20.0", "3.33×"]
    assert rows["`make autograde SCHEDULER=…`, the same 3 workers on a Dask cluster on loopback"] == [
        "75", "32.0", "16.0", "2.67×"]
    assert rows["stock `nbgrader autograde`, sequential (grades only)"] == ["200", "12.0", "6.0", "1.00×"]
    dask = [cells for label, cells in rows.items() if label.startswith("Dask ÷ local pool")]
    assert dask == [["1.25×"]] and "the cluster's 4 s start not counted" in "\n".join(rows)


def test_a_dask_run_whose_grades_differ_reports_no_dask_number():
    results = copy.deepcopy(RESULTS["grading"])
    results.update(dask_s=None, dask_differs=["s000/01_leaf_tensors", "s003/00_reading_the_pictures"])
    rows = grading_rows(results)
    assert rows["`make autograde SCHEDULER=…`, the same 3 workers on a Dask cluster on loopback"][0] == (
        "grades differ: not reported")
    assert rows["Dask ÷ local pool"] == ["**not reported: grades.csv differs in 2 rows** (s000/01_leaf_tensors, "
                                         "s003/00_reading_the_pictures)"]
    assert "75" not in "\n".join(report.grading_table(results)) and report.plot({**RESULTS, "grading": results})


RECORDED_CLASS = [f"{n:02d}_lesson" for n in range(5)]


@pytest.mark.parametrize(("students", "names", "shown"), [
    (20, RECORDED_CLASS, "1.98×"),  # 100 submissions in 50 s on 2 cores: 60 a minute per core, 30.35 then
    (19, RECORDED_CLASS, "not compared: this run graded 19 students × lessons 00–04"),
    (20, RECORDED_CLASS[:4] + ["05_lesson"], "not compared: this run graded 20 students × lessons 00, 01, 02, 03, 05"),
])
def test_ours_per_core_is_compared_with_the_recorded_figure_only_for_its_class(students, names, shown):
    results = {**RESULTS["grading"], "students": students, "lessons": names, "submissions": students * 5,
               "ours_s": 50.0 * students / 20}
    compared = [(label, cells) for label, cells in grading_rows(results).items() if "÷ `make bench` of" in label]
    assert compared == [("`make autograde` per minute per core ÷ `make bench` of 2026-11-23 (commit ad6bdaa, 20 "
                         "students × lessons 00–04: 60.7 a minute on 2 cores, 30.4 per core)", [shown])]


def test_results_from_before_the_dask_path_still_make_a_table():
    old = copy.deepcopy(RESULTS)
    for key in ("lessons", "dask_s", "dask_start_s", "dask_differs"):
        del old["grading"][key]
    table = report.markdown(old)
    assert "| grading 20 students × 2 lessons = 40 submissions, 2 cores |" in table
    assert "Dask" not in table and "÷ `make bench` of" not in table
    assert budget_rows(table)["grading, speed-up over stock nbgrader"] == "yes"


@pytest.mark.parametrize(("names", "span"), [
    (["02_inplace_and_version"], "lesson 02"),
    (["00_a", "01_b", "02_c"], "lessons 00–02"),
    (["00_a", "02_c"], "lessons 00, 02"),
    (["01_b", "00_a"], "lessons 01, 00"),
])
def test_a_class_names_its_lessons_as_a_span_when_they_run_on(names, span):
    assert report.lesson_span(names) == span
    assert report.class_of(1, names) == f"1 student × {span}" and report.class_of(3, names) == f"3 students × {span}"


def test_lessons_are_chosen_by_number_or_name_and_an_unknown_one_is_refused():
    course = list(lessons())
    assert grading.chosen(grading.CLASS) == course[:5]
    assert grading.chosen("all") == course
    assert grading.chosen(f"02, {course[4]}") == [course[2], course[4]]
    with pytest.raises(ValueError, match="no lesson '99'"):
        grading.chosen("01,99")


def write_grades(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, ["student", "lesson", "status", "score"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_grades_that_differ_in_one_cell_or_one_row_are_found(tmp_path):
    ada = {"student": "ada", "lesson": "01", "status": "graded", "score": "5"}
    ben = {"student": "ben", "lesson": "01", "status": "graded", "score": "3"}
    local = write_grades(tmp_path / "local.csv", [ada, ben])
    assert grading.differing(local, write_grades(tmp_path / "same.csv", [ben, ada])) == []  # order is not grades
    other = write_grades(tmp_path / "other.csv", [ada, {**ben, "score": "2"}, {**ben, "student": "cleo"}])
    assert grading.differing(local, other) == ["ben/01", "cleo/01"]


def test_the_bench_starts_its_grading_worker_as_make_grading_worker_does():
    def recipe(*jobs: str) -> str:
        run = subprocess.run(["make", "-n", "grading-worker", "SCHEDULER=tcp://127.0.0.1:8786", *jobs], cwd=ROOT,
                             capture_output=True, text=True, check=True)
        return next(line for line in run.stdout.replace("\\\n", " ").splitlines() if " worker " in line)

    from autograde.pool import default_jobs  # noqa: PLC0415

    for jobs, threads in (("JOBS=5", 5), ("JOBS=", default_jobs())):
        assert recipe(jobs).split()[-5:] == ["tcp://127.0.0.1:8786", *grading_worker(threads)]


def family(pids: set[int]) -> set[int]:
    """`pids` and every process descended from them, now."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(") ", 1)
        except OSError:
            continue
        parents[int(pid.split(" (")[0])] = int(rest.split()[1])
    found = set(pids)
    while more := {pid for pid, parent in parents.items() if parent in found} - found:
        found |= more
    return found & set(parents)


def living(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        alive |= {pid} if state != "Z" else set()
    return alive


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_loopback_cluster_has_one_thread_per_grading_worker_and_leaves_no_process_behind(tmp_path):
    from distributed import Client  # noqa: PLC0415

    with Cluster(tmp_path) as cluster:
        address = cluster.up({"grading": grading_worker(2)})
        with Client(address, set_as_default=False) as client:
            assert list(client.nthreads().values()) == [2]
            scratch = client.run(lambda dask_worker: dask_worker.local_directory)
        assert all(Path(folder).is_relative_to(cluster.local) for folder in scratch.values()), "the cluster's own"
        started = family({proc.pid for proc in cluster.procs})
        assert len(started) >= 3, "a scheduler, a nanny and its worker"
    assert not living(started)
    assert not cluster.local.exists(), "its scratch folder is removed with it"
