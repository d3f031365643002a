"""Real nbgrader grading of generated submissions: full marks, zero, and the wrong answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autograde.submissions import answer_cells, catalogue
from pitfalls.course import lessons
from tests.conftest import LESSONS

WRONG = [w for lesson in LESSONS.values() for w in catalogue(lesson)]


def parts(row: dict, lesson: str) -> dict[str, float]:
    return {part: float(row[part]) for part in LESSONS[lesson].points}


@pytest.mark.parametrize("lesson", LESSONS)
def test_solutions_get_full_marks_on_every_part(graded, lesson):
    row = graded[("solved", lesson)]
    assert row["status"] == "graded"
    assert parts(row, lesson) == LESSONS[lesson].points


@pytest.mark.parametrize("lesson", LESSONS)
def test_untouched_release_scores_zero_on_every_part(graded, lesson):
    row = graded[("blank", lesson)]
    assert row["status"] == "graded"
    assert parts(row, lesson) == {part: 0.0 for part in LESSONS[lesson].points}


@pytest.mark.parametrize("wrong", WRONG, ids=lambda w: f"{w.lesson}:{w.name}")
def test_wrong_answer_loses_exactly_its_parts(graded, wrong):
    """Every part of the learner's notebook that holds this answer scores what the catalogue says: 0 where
    one of its answers loses it, that answer's partial credit, full elsewhere (tests/classroom.py)."""
    notebook = graded.holding(wrong)
    assert parts(graded.row_of(wrong), wrong.lesson) == pytest.approx(notebook.expected(), abs=0.005), (
        f"{notebook.student}'s notebook holds {[a.name for a in notebook.answers]}")


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_graded_part_has_a_catalogued_wrong_answer(lesson):
    lost = {part for wrong in catalogue(LESSONS[lesson]) for part in wrong.loses}
    assert set(LESSONS[lesson].points) <= lost


@pytest.mark.parametrize("lesson", LESSONS)
def test_catalogue_names_real_cells(lesson):
    answers = set(answer_cells(json.loads(LESSONS[lesson].release.read_text())))
    parts = LESSONS[lesson].points
    for wrong in catalogue(LESSONS[lesson]):
        assert wrong.answer in answers, wrong.name
        assert set(wrong.loses) <= set(parts), wrong.name
        for part, points in wrong.scores:  # a partial score is partial: 0 belongs in loses, full in neither
            assert part in parts and part not in wrong.loses and 0 < points < parts[part], wrong.name


def test_catalogue_header_reads_partial_scores_and_stays_compatible(tmp_path, monkeypatch):
    from autograde import submissions
    from pitfalls.course import Lesson

    (tmp_path / "99_x").mkdir()
    (tmp_path / "99_x" / "a-old.py").write_text("# answer: a\n# loses: a-tests\nx = 1\n")
    (tmp_path / "99_x" / "a-new.py").write_text("# answer: a\n# loses: b-tests\n# scores: c-tests=1.5\nx = 2\n")
    monkeypatch.setattr(submissions, "CATALOGUE", tmp_path)
    parts = {"a-tests": 2.0, "b-tests": 1.0, "c-tests": 2.0}
    found = {w.name: w for w in submissions.catalogue(Lesson("99_x", "a test lesson"))}
    assert found["a-old"].scores == ()
    assert found["a-old"].expected(parts) == {"a-tests": 0.0, "b-tests": 1.0, "c-tests": 2.0}
    assert found["a-new"].expected(parts) == {"a-tests": 2.0, "b-tests": 0.0, "c-tests": 1.5}


def test_the_catalogue_holds_a_right_answer_that_makes_torch_warn():
    every = [w for lesson in lessons().values() for w in catalogue(lesson)]
    assert [w for w in every if not w.loses and not w.scores and "warn" in w.source.lower()]


def test_a_warning_on_stderr_never_costs_a_right_answer(graded):
    warning_cases = [w for w in WRONG if not w.loses and not w.scores and "warn" in w.source.lower()]
    if not warning_cases:
        pytest.skip("no lesson under test has a right answer that makes torch warn")
    for wrong in warning_cases:
        points = {part: float(graded.row_of(wrong)[part]) for part in LESSONS[wrong.lesson].points
                  if LESSONS[wrong.lesson].part_of(part) == wrong.answer}
        assert points and all(points[part] == LESSONS[wrong.lesson].points[part] for part in points)


FIRST = next(iter(LESSONS))  # build_class files the broken submissions under the first lesson


@pytest.mark.parametrize("student, reason", [
    ("bad-json", "invalid JSON"),
    ("bad-empty", "empty file"),
    ("bad-wrong-lesson", f"wrong lesson: expected {FIRST}, this notebook is lesson 99_not_this_one"),
])
def test_broken_submissions_get_a_row_that_says_what_is_wrong(graded, student, reason):
    row = graded[(student, FIRST)]
    assert row["status"].startswith("not graded:")
    assert reason in row["status"]
    assert row["score"] == "0"


def test_sample_class_grades_as_documented(graded):
    lesson = "01_leaf_tensors"
    scores = {s: graded[(f"sample-{s}", lesson)]["score"] for s in ("ada", "ben", "cleo", "dev")}
    assert scores == {"ada": "9", "ben": "6", "cleo": "0", "dev": "0"}
    assert "invalid JSON" in graded[("sample-dev", lesson)]["status"]


def test_honest_work_is_never_flagged(graded):
    """Solutions, blank notebooks, every catalogued wrong answer and the sample class: no findings, in the
    same batch as the red-team corpus."""
    assert [f for f in graded.flags if not f["student"].startswith(("bad-", "redteam-"))] == []


def test_feedback_is_written_for_every_graded_submission(graded):
    for (student, lesson), row in graded.rows.items():
        if row["status"] == "graded":
            assert (graded.out / "feedback" / student / lesson / f"{lesson}.html").is_file()


def test_submissions_are_never_modified(graded):
    assert graded.before == graded.after


def test_printed_table_shows_every_submission(graded):
    for student, lesson in graded.rows:
        assert any(line.startswith(student + " ") and lesson in line for line in graded.stdout.splitlines())


def visible_text(html: str) -> str:
    """What a reader of the feedback page sees: tags dropped, entities decoded, spaces collapsed."""
    import html as html_lib  # noqa: PLC0415
    import re  # noqa: PLC0415

    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", html)).split())


def hidden_lines(lesson: str, shown: Path) -> list[str]:
    """The lines of a lesson's hidden tests that appear nowhere in the notebook the student handed in."""
    source = json.loads(LESSONS[lesson].source.read_text())
    theirs = "\n".join(" ".join(line.split()) for cell in json.loads(shown.read_text())["cells"]
                       for line in "".join(cell["source"]).splitlines())
    found = []
    for cell in source["cells"]:
        text = "".join(cell["source"])
        if "BEGIN HIDDEN TESTS" in text:
            hidden = text.split("BEGIN HIDDEN TESTS", 1)[1].split("END HIDDEN TESTS", 1)[0]
            found += [" ".join(line.split()) for line in hidden.splitlines() if len(line.strip()) > 30]
    return [line for line in found if line not in theirs]


@pytest.mark.parametrize("lesson", LESSONS)
def test_feedback_shows_every_part_but_never_the_hidden_tests(graded, lesson):
    for student in ("solved", "blank"):
        page = visible_text((graded.out / "feedback" / student / lesson / f"{lesson}.html").read_text())
        for part in LESSONS[lesson].points:
            assert part in page
        assert "hidden tests ran here" in page
        shown = graded.submissions / student / lesson / f"{lesson}.ipynb"
        leaked = [line for line in hidden_lines(lesson, shown) if line in page]
        assert leaked == [], f"{student}/{lesson} feedback shows hidden test source: {leaked[:3]}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_feedback_shows_every_explorer_as_an_image_that_needs_no_network(graded, lesson):
    """Each explorer's PNG, not a widget view that only a script fetched from a CDN could draw."""
    page = (graded.out / "feedback" / "solved" / lesson / f"{lesson}.html").read_text()
    cells = json.loads(LESSONS[lesson].source.read_text())["cells"]
    explorers = sum(cell["cell_type"] == "code" and ("Explorer(" in "".join(cell["source"])
                                                     or "StepThrough(" in "".join(cell["source"])) for cell in cells)
    assert "application/vnd.jupyter.widget" not in page
    assert page.count('src="data:image/png;base64,') >= explorers
