"""Real nbgrader grading of generated submissions: full marks, zero, and the wrong answers."""

from __future__ import annotations

import base64
import csv
import json
import re
from pathlib import Path

import pytest

from autograde.submissions import answer_cells, catalogue
from pitfalls.course import lessons, misconceptions
from pitfalls.draw.render import not_drawn
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


def plain_errors(notebook: Path) -> list[str]:
    """Each error output of a notebook as the learner reads it, colours removed."""
    outputs = [o for cell in json.loads(notebook.read_text())["cells"] for o in cell.get("outputs", [])]
    return [re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(o["traceback"])) for o in outputs if o["output_type"] == "error"]


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_graded_notebook_shows_errors_message_first_and_its_pictures_as_the_stand_in(graded, lesson):
    """Grading kernels are forked from a server that imported pitfalls before any shell existed: their errors
    still read as in the learner's own kernel (message first, no frames), and no picture is drawn."""
    ran = {student: graded.out / "autograded" / student / lesson / f"{lesson}.ipynb" for student in ("blank", "solved")}
    shown = plain_errors(ran["blank"]) + plain_errors(ran["solved"])
    # IPython's own display starts with its header (Context: a rule of dashes; Plain: "Traceback …"); the course's
    # starts with the error's name and message (which may quote a rank's traceback: torch's ProcessRaisedException)
    assert not [t for t in shown if t.lstrip().startswith(("---", "Traceback"))], "IPython's traceback, graded"
    assert any(t.startswith("NotImplementedError: not answered yet") for t in plain_errors(ran["blank"]))
    outputs = [o for cell in json.loads(ran["solved"].read_text())["cells"] for o in cell.get("outputs", [])]
    pictures = {o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})}
    assert pictures == {base64.b64encode(not_drawn("png")).decode()}, "every picture is the stand-in"


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


# --- misconceptions: every wrong answer diagnosed as its `# shows:` says, correct work never ----------

RIGHT = [w for w in WRONG if not w.loses and not w.scores]  # right variants: must keep every point
MISTAKES = [w for w in WRONG if w.loses or w.scores]
BELIEFS = [w for w in MISTAKES if w.shows]  # each embodies a declared misconception
SLIPS = [w for w in MISTAKES if w.slip]  # each embodies none (a slip of form, a misread task), and says why
GOAL = 0.90  # precision, recall and the share diagnosed exactly, over the catalogue (issue 22)


def named(graded, student: str, lesson: str, part: str | None = None) -> set[str]:
    """Every misconception a graded submission's test cells named (those of this answer part, if given), as
    its stored result records them."""
    found = graded.result(student, lesson).get("misconceptions", {})
    return {m for test, ids in found.items() for m in ids if part is None or LESSONS[lesson].part_of(test) == part}


def named_for(graded, wrong) -> set[str]:
    """What the test cells of this catalogued answer's part named, in the learner's notebook that holds it
    (its other parts hold other answers: tests/classroom.py)."""
    return named(graded, graded.holding(wrong).student, wrong.lesson, wrong.answer)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_wrong_answer_shows_a_declared_misconception_of_its_lesson_and_part(lesson):
    """`# shows:` names at least one misconception declared under its own lesson, whose parts include the
    part the answer is to, or `# slip:` says why the answer embodies none; a right variant shows none."""
    declared = {m.id: m for m in LESSONS[lesson].misconceptions}
    for wrong in catalogue(LESSONS[lesson]):
        if wrong.loses or wrong.scores:
            assert bool(wrong.shows) != bool(wrong.slip), f"{wrong.name}: needs '# shows:' or '# slip:', not both"
            for m in wrong.shows:
                assert m in declared, f"{wrong.name} shows {m!r}, which {lesson} does not declare"
                assert wrong.answer in declared[m].parts, f"{wrong.name} is to {wrong.answer}, not a part of {m!r}"
        else:
            assert wrong.shows == () and not wrong.slip, f"{wrong.name} is a right variant: it shows no misconception"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_declared_misconception_is_shown_by_a_catalogue_answer_and_declares_parts_of_its_lesson(lesson):
    shown = {m for wrong in catalogue(LESSONS[lesson]) for m in wrong.shows}
    assert LESSONS[lesson].misconceptions, f"{lesson} declares no misconception"
    for m in LESSONS[lesson].misconceptions:
        assert m.id in shown, f"no catalogue answer of {lesson} shows {m.id!r}"
        assert m.parts and set(m.parts) <= set(LESSONS[lesson].parts), f"{m.id}: parts {m.parts}"
        assert m.name.strip() and m.explanation.strip() and m.section.strip(), m.id


def test_misconception_ids_are_unique_and_stable_words():
    every = [m for lesson in lessons().values() for m in lesson.misconceptions]
    assert len({m.id for m in every}) == len(every) == len(misconceptions())
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", m.id) for m in every)


def test_correct_work_is_never_diagnosed(graded):
    """Zero false diagnoses: the solutions, the blank releases, every right variant and every test cell of
    any honest submission that earned its full points (the sample class's correct work among them)."""
    for lesson in LESSONS:
        assert named(graded, "solved", lesson) == set(), lesson
        assert named(graded, "blank", lesson) == set(), lesson
    assert {w.name: named_for(graded, w) for w in RIGHT} == {w.name: set() for w in RIGHT}
    false = []
    for path in sorted((graded.out / "results").glob("*/*.json")):
        result = json.loads(path.read_text())
        if result["student"].startswith(("redteam-", "bad-")) or result["lesson"] not in LESSONS:
            continue  # the sample class is lesson 01's, graded whatever --lesson selects
        points = LESSONS[result["lesson"]].points
        false += [(result["student"], part, ids) for part, ids in result.get("misconceptions", {}).items()
                  if result["parts"].get(part) == points[part]]
    assert false == [], "test cells that earned full points named a misconception"


def diagnosis_figures(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float, float]:
    """Precision (of the ids named, the share the catalogue says), recall (of the ids the catalogue says,
    the share named) and the share of answers whose named ids are exactly the catalogue's. Nothing named
    or nothing catalogued is 0, never a vacuous 1."""
    hits = sum(len(said & truth) for said, truth in pairs)
    said, truth = sum(len(s) for s, _ in pairs), sum(len(t) for _, t in pairs)
    return (hits / said if said else 0.0, hits / truth if truth else 0.0,
            sum(bool(t) and s == t for s, t in pairs) / len(pairs) if pairs else 0.0)


def test_a_slip_is_diagnosed_with_no_misconception(graded):
    """A wrong answer that embodies no belief (`# slip:`) must not be told it holds one."""
    assert {w.name: named_for(graded, w) for w in SLIPS} == {w.name: set() for w in SLIPS}


def test_wrong_answers_are_diagnosed_as_the_catalogue_says(graded):
    """Over every catalogued wrong answer that embodies a belief: what its graded result names vs its `# shows:`
    (precision, recall, exact share); over every wrong answer, slips included, the share diagnosed correctly (a
    slip correctly when nothing is named). The figures per lesson and in total go to
    OUT/../misconceptions-proof.txt and stdout (pytest -s), for the integrator."""
    by_lesson: dict[str, list] = {}
    misses = []
    for wrong in MISTAKES:
        said, truth = named_for(graded, wrong), set(wrong.shows)
        by_lesson.setdefault(wrong.lesson, []).append((said, truth))
        if said != truth or not (truth or wrong.slip):
            misses.append(f"{wrong.lesson}:{wrong.name} named {sorted(said)}, shows {sorted(truth)}")
    every = [pair for pairs in by_lesson.values() for pair in pairs]
    lines = [f"{'lesson':28} {'wrong':>5} {'slips':>5} {'precision':>9} {'recall':>6} {'exact':>6} {'correct':>7}"]
    for lesson, pairs in [*by_lesson.items(), ("total", every)]:
        beliefs = [(said, truth) for said, truth in pairs if truth]
        precision, recall, exact = diagnosis_figures(beliefs)
        correct = sum(said == truth for said, truth in pairs) / len(pairs)
        lines.append(f"{lesson:28} {len(pairs):5} {len(pairs) - len(beliefs):5} {precision:9.3f} {recall:6.3f} "
                     f"{exact:6.3f} {correct:7.3f}")
    text = "\n".join([*lines, "", f"{len(misses)} answers not diagnosed as catalogued:", *misses]) + "\n"
    (graded.out.parent / "misconceptions-proof.txt").write_text(text)
    print("\n" + text)
    precision, recall, exact = diagnosis_figures([(said, truth) for said, truth in every if truth])
    correct = sum(said == truth for said, truth in every) / len(every)
    assert min(precision, recall, exact, correct) >= GOAL, text


def test_misconceptions_csv_is_the_results_as_rows(graded):
    """One row per student, lesson, test cell and misconception, real names kept, made from the stored results."""
    from autograde.grade import MISCONCEPTION_COLUMNS, misconception_rows

    results = [json.loads(p.read_text()) for p in sorted((graded.out / "results").glob("*/*.json"))]
    with (graded.out / "misconceptions.csv").open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(MISCONCEPTION_COLUMNS)
    assert [tuple(r) for r in rows[1:]] == misconception_rows(results)
    assert {r[0] for r in rows[1:]} <= {student for student, _ in graded.rows}


def test_report_html_is_written_beside_the_grades(graded):
    page = (graded.out / "report.html").read_text()
    assert page.startswith("<!doctype html>") and "<script" not in page.lower()
    assert all(f'id="{lesson}"' in page for lesson in LESSONS)


def test_the_50_learners_report_is_the_batch_resumed_with_nothing_graded_again(graded, learner_class):
    n = sum(1 for student in learner_class.students for _ in (graded.submissions / student).iterdir())
    assert f"{n} submissions: {n} already graded, 0 to grade" in learner_class.stdout  # whichever lessons it holds
    with (learner_class.out / "grades.csv").open() as f:
        rows = {(r["student"], r["lesson"]): r for r in csv.DictReader(f)}
    assert rows == {key: row for key, row in graded.rows.items() if key[0] in learner_class.students}
    assert 0 < len(learner_class.students) <= 50
    assert (learner_class.out / "report.html").is_file() and (learner_class.out / "misconceptions.csv").is_file()


def test_feedback_shows_each_diagnosis_its_result_records(graded):
    """The learner reads in the feedback page the line that names each misconception the grading recorded."""
    known = misconceptions()
    for path in sorted((graded.out / "results").glob("*/*.json")):
        result = json.loads(path.read_text())
        page = graded.out / "feedback" / result["student"] / result["lesson"] / f"{result['lesson']}.html"
        if result.get("misconceptions"):
            text = visible_text(page.read_text())
            for ids in result["misconceptions"].values():
                assert all(" ".join(known[m].diagnosis().split()) in text for m in ids), (result["student"], ids)


def test_diagnosis_figures_are_never_vacuous():
    assert diagnosis_figures([(set(), set())]) == (0.0, 0.0, 0.0)
    assert diagnosis_figures([({"a"}, {"a"}), ({"a", "b"}, {"a"}), (set(), {"c"})]) == (2 / 3, 2 / 3, 1 / 3)
