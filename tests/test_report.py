"""OUT/misconceptions.csv and OUT/report.html, as functions of the results and files a grading run leaves.

These tests write small OUT folders by hand to pin the page's structure and its scaling; the real
page of a real grading run is opened in a real browser in tests/test_browser.py.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import subprocess
import sys

import pytest

from autograde import report
from autograde.export import write_csv
from autograde.grade import write_integrity, write_misconceptions
from pitfalls import course as registry
from pitfalls.course import ROOT, Misconception

LESSON = "01_leaf_tensors"
LEAF = Misconception("test-leaf-by-copy", LESSON, ("leaf-1",), "a copy of a leaf is a leaf",
                     "clone() records an operation. detach() makes a new leaf.", "2")
GRAD = Misconception("test-grad-kept", LESSON, ("leaf-2",), "every tensor gets a .grad",
                     "Only leaves keep .grad. Call retain_grad() on the others.", "3")


@pytest.fixture
def declared(monkeypatch):
    real = registry.course()
    monkeypatch.setattr(registry, "course", lambda: tuple(
        dataclasses.replace(lesson, misconceptions=(LEAF, GRAD) if lesson.name == LESSON else ()) for lesson in real))
    registry.misconceptions.cache_clear()
    yield
    registry.misconceptions.cache_clear()


def result(student: str, parts: dict, named: dict | None = None, findings=(), status="graded") -> dict:
    return {"student": student, "student_id": student, "lesson": LESSON, "status": status, "parts": parts,
            "misconceptions": named or {}, "findings": [list(f) for f in findings], "fenced": True}


FULL = {"leaf-1-tests": 2.0, "leaf-2-tests": 2.0, "leaf-3-copy-tests": 2.0, "leaf-3-train-tests": 1.0,
        "leaf-4-tests": 2.0}


def grades_row(r: dict) -> dict:
    scores = {k: f"{v:g}" for k, v in r["parts"].items()}
    return {"student": r["student"], "lesson": r["lesson"], "status": r["status"],
            "score": f"{sum(r['parts'].values()):g}", "max_score": "9", **scores}


def out_folder(tmp_path, results: list[dict], not_graded: list[tuple[str, str]] = ()) -> object:
    """An OUT as the driver leaves it: grades.csv, integrity.csv and misconceptions.csv from these results."""
    rows = [grades_row(r) for r in results]
    rows += [{"student": s, "lesson": LESSON, "status": f"not graded: {why}", "score": "0", "max_score": "9"}
             for s, why in not_graded]
    write_csv(rows, tmp_path / "grades.csv")
    write_integrity(tmp_path, results, None)
    write_misconceptions(tmp_path, results)
    return tmp_path


def test_misconceptions_csv_has_a_row_per_student_lesson_part_and_misconception(tmp_path, declared):
    results = [result("José Núñez", {**FULL, "leaf-1-tests": 0.0}, {"leaf-1-tests": [LEAF.id, GRAD.id]}),
               result("o'brien", {**FULL, "leaf-2-tests": 0.0}, {"leaf-2-tests": [GRAD.id, "not-declared"]}),
               result("ada", FULL)]
    write_misconceptions(tmp_path, results)
    with (tmp_path / "misconceptions.csv").open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [["student", "lesson", "part", "misconception", "name", "section"],
                    ["José Núñez", LESSON, "leaf-1-tests", GRAD.id, GRAD.name, "3"],
                    ["José Núñez", LESSON, "leaf-1-tests", LEAF.id, LEAF.name, "2"],
                    ["o'brien", LESSON, "leaf-2-tests", GRAD.id, GRAD.name, "3"]]


def test_a_result_from_before_misconceptions_writes_a_header_alone(tmp_path):
    old = result("ada", FULL)
    del old["misconceptions"]
    write_misconceptions(tmp_path, [old])
    assert (tmp_path / "misconceptions.csv").read_text().splitlines() == [
        "student,lesson,part,misconception,name,section"]


def test_report_is_one_page_with_no_script_and_nothing_fetched(tmp_path, declared):
    out = out_folder(tmp_path, [result("ada", FULL), result("ben", {**FULL, "leaf-1-tests": 0.0},
                                                            {"leaf-1-tests": [LEAF.id]})])
    page = report.page(out)
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page), "nothing fetched"
    assert "@import" not in page and not re.search(r"url\((?!#)", page), "only the page's own clip paths"
    assert page.count("<svg") == 3  # the lessons, the course's misconceptions, lesson 01
    assert "font-size" in page and "<text" in page, "the plots' words stay text"


def test_report_lists_misconceptions_per_part_with_name_id_section_and_learners(tmp_path, declared):
    results = [result(f"s{i}", {**FULL, "leaf-1-tests": 0.0}, {"leaf-1-tests": [LEAF.id]}) for i in range(3)]
    results += [result("t", {**FULL, "leaf-2-tests": 0.0}, {"leaf-2-tests": [GRAD.id, LEAF.id]})]
    page = report.page(out_folder(tmp_path, results))
    table = page.split('<table class="misconceptions">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1])
    cells = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in rows]
    assert cells == [["leaf-1-tests", LEAF.name, LEAF.id, "2", "3 (75%)"],
                     ["leaf-2-tests", GRAD.name, GRAD.id, "3", "1 (25%)"],
                     ["", LEAF.name, LEAF.id, "2", "1 (25%)"]]


def test_report_says_who_is_flagged_and_why_and_what_was_not_graded(tmp_path, declared):
    results = [result("<b>mallory</b>", FULL, findings=[("reads another student's files", "open('../x')")]),
               result("ada", FULL)]
    page = report.page(out_folder(tmp_path, results, not_graded=[("dev", "invalid JSON")]))
    flags = page.split('<table class="flags">', 1)[1].split("</table>", 1)[0]
    assert "&lt;b&gt;mallory&lt;/b&gt;" in flags and "<b>mallory" not in page, "names and evidence are escaped"
    assert "reads another student&#x27;s files" in flags and "open(&#x27;../x&#x27;)" in flags
    missing = page.split('<table class="not-graded">', 1)[1].split("</table>", 1)[0]
    assert re.findall(r"<td>(.*?)</td>", missing) == ["dev", LESSON, "invalid JSON"]
    assert "3 submissions from 3 learners in 1 lesson: 2 graded, 1 not graded, 1 flagged" in page


def test_report_of_a_class_without_misconceptions_says_so(tmp_path, monkeypatch):
    page = report.page(out_folder(tmp_path, [result("ada", FULL)]))
    assert "No failed check named a misconception." in page
    assert "No misconception diagnosed in this lesson." in page
    undeclared = {name: dataclasses.replace(lesson, misconceptions=()) for name, lesson in registry.lessons().items()}
    monkeypatch.setattr(report, "lessons", lambda: undeclared)
    assert "declares no misconceptions yet" in report.page(out_folder(tmp_path, [result("ada", FULL)]))


def test_a_class_of_600_gives_a_page_of_the_same_figures_and_bounded_tables(tmp_path, declared):
    """Per-lesson panels and the top misconceptions per part: the page grows with the findings, not the class."""
    results = [result(f"learner-{i:03}", {**FULL, "leaf-1-tests": float(i % 3), "leaf-2-tests": 0.0},
                      {"leaf-2-tests": [GRAD.id]} | ({"leaf-1-tests": [LEAF.id]} if i % 3 == 0 else {}))
               for i in range(600)]
    page = report.page(out_folder(tmp_path, results))
    assert page.count("<svg") == 3
    assert len(page) < 400_000
    table = page.split('<table class="misconceptions">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 3 and "200 <span class=share>(33%)" in table and "600 <span" in table


def test_report_runs_alone_from_an_out_folder(tmp_path):
    out_folder(tmp_path, [result("ada", FULL)])
    (tmp_path / "report.html").unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-m", "autograde.report", str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.html").is_file() and done.stdout.strip() == str(tmp_path / "report.html")
    wrong = subprocess.run([sys.executable, "-m", "autograde.report", str(tmp_path / "nowhere")], cwd=ROOT,
                           capture_output=True, text=True)
    assert wrong.returncode == 2 and "usage" in wrong.stderr


def test_work_graded_without_the_sandbox_is_one_sentence_not_a_row_per_submission(tmp_path):
    results = [result(f"s{i}", FULL) | {"fenced": False} for i in range(40)]
    results[0]["findings"] = [["reads another student's files", "open('../x')"]]
    write_csv([grades_row(r) for r in results], tmp_path / "grades.csv")
    write_integrity(tmp_path, results, "bubblewrap is not installed")
    page = report.page(tmp_path)
    said = "<b>40 submissions graded without the operating-system sandbox</b>: <code>bubblewrap is not installed"
    assert said in page
    assert page.split('<table class="flags">', 1)[1].split("</table>", 1)[0].count("<tr>") == 2  # header, 1 finding
