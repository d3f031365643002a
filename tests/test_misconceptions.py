"""Misconceptions, the frame: declared in course.toml, named by a failed check, kept by validate and grading.

The lessons' own declarations come from their authors; these tests declare throwaway ones of their own
(`declared`), so they pin the frame whatever the lessons declare.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from pitfalls import checks
from pitfalls import course as registry
from pitfalls.course import DIAGNOSIS, Misconception, diagnosed

LESSON = "01_leaf_tensors"
OTHER = "03_detach_vs_data"
LEAF = Misconception("test-leaf-by-copy", LESSON, ("leaf-1", "leaf-2"), "a copy of a leaf is a leaf",
                     "clone() records an operation, so its result is not a leaf. detach() makes a new leaf.", "2")
GRAD = Misconception("test-grad-kept", LESSON, ("leaf-2",), "only leaves get .grad, so nothing else matters",
                     "A non-leaf's .grad stays None unless retain_grad() is called. Read .grad on the leaf.", "3")
DATA = Misconception("test-data-for-detach", OTHER, ("detach-1",), ".data is detach()",
                     "Both share storage; only detach() keeps the version counter. Use detach().", "1")


@pytest.fixture
def declared(monkeypatch):
    """Lesson 01 declares LEAF and GRAD and lesson 03 declares DATA, for this test only."""
    extra = {LESSON: (LEAF, GRAD), OTHER: (DATA,)}
    real = registry.course()
    monkeypatch.setattr(registry, "course",
                        lambda: tuple(dataclasses.replace(lesson, misconceptions=extra.get(lesson.name, ()))
                                      for lesson in real))
    registry.misconceptions.cache_clear()
    yield
    registry.misconceptions.cache_clear()


def diagnosis_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(DIAGNOSIS)]


# --- declared in course.toml ---------------------------------------------------------------------------

def test_a_misconception_is_read_from_under_its_lesson_in_course_toml(tmp_path, monkeypatch):
    toml = tmp_path / "course.toml"
    toml.write_text('[[lesson]]\nname = "98_x"\ntitle = "x"\n\n'
                    '[[lesson.misconception]]\nid = "x-belief"\nparts = ["x-1", "x-2"]\nname = "x is y"\n'
                    'explanation = "It is not. It is z."\nsection = "2, \'the z step\'"\n\n'
                    '[[lesson]]\nname = "99_y"\ntitle = "y"\n')
    monkeypatch.setattr(registry, "REGISTRY", toml)
    registry.course.cache_clear()
    try:
        x, y = registry.course()
        assert x.misconceptions == (Misconception("x-belief", "98_x", ("x-1", "x-2"), "x is y", "It is not. It is z.",
                                                  "2, 'the z step'"),)
        assert y.misconceptions == ()
    finally:
        registry.course.cache_clear()


def test_an_id_declared_twice_is_refused(monkeypatch):
    real = registry.course()
    twice = dataclasses.replace(LEAF, lesson=OTHER)
    monkeypatch.setattr(registry, "course", lambda: tuple(
        dataclasses.replace(lesson, misconceptions={LESSON: (LEAF,), OTHER: (twice,)}.get(lesson.name, ()))
        for lesson in real))
    registry.misconceptions.cache_clear()
    try:
        with pytest.raises(ValueError, match="test-leaf-by-copy.*twice"):
            registry.misconceptions()
    finally:
        registry.misconceptions.cache_clear()


def test_the_diagnosis_line_names_the_belief_its_id_why_and_where_to_look():
    line = LEAF.diagnosis()
    assert line.startswith(DIAGNOSIS) and "\n" not in line
    assert LEAF.name in line and f"[{LEAF.id}]" in line and LEAF.explanation in line
    assert line.endswith("See section 2.")


# --- shows= on a check ---------------------------------------------------------------------------------

def failure(fn, *args, **kwargs) -> checks.CheckFailed:
    with pytest.raises(checks.CheckFailed) as failed:
        fn(*args, **kwargs)
    return failed.value


def test_a_failed_check_says_its_message_first_and_the_diagnosis_under_it(declared):
    error = failure(checks.expect_equal, True, False, "w.is_leaf", "See section 2.", shows=LEAF.id)
    first, *rest = str(error).splitlines()
    assert first == "w.is_leaf: yours is True, expected False. See section 2."
    assert rest == [LEAF.diagnosis()]
    assert error.misconceptions == (LEAF.id,)
    assert error._render_traceback_() == [str(error)]  # what IPython, the feedback page and validate show


def test_shows_may_name_several_misconceptions(declared):
    error = failure(checks.expect_tensor, None, "w.grad", shows=(LEAF.id, GRAD.id))
    assert diagnosis_lines(str(error)) == [LEAF.diagnosis(), GRAD.diagnosis()]


@pytest.mark.parametrize("given, named", [(True, (LEAF.id,)), (None, (GRAD.id,)), (1, ()), ("True", ())])
def test_a_dict_names_the_misconception_of_the_value_given_by_exact_type(declared, given, named):
    """1 == True and hash(1) == hash(True), but a learner who wrote 1 did not show the belief True shows."""
    shows = {True: LEAF.id, None: GRAD.id}
    assert checks.shown(shows, given) == named
    error = failure(checks.expect_equal, given, False, "w.is_leaf", shows=shows)
    assert error.misconceptions == named


def test_a_look_alike_value_names_nothing(declared):
    class EqualsEverything:
        __hash__ = object.__hash__

        def __eq__(self, other):
            return True

    class RaisesOnCompare:
        def __eq__(self, other):
            raise RuntimeError("no")

    assert checks.shown({True: LEAF.id}, EqualsEverything()) == ()
    assert checks.shown({(1, 2): LEAF.id}, (RaisesOnCompare(), 2)) == ()


def test_a_probe_runs_only_when_the_check_fails_and_names_what_it_returns(declared):
    calls = []

    def probe():
        calls.append(1)
        return GRAD.id

    checks.expect_equal(False, False, "w.is_leaf", shows=probe)
    assert calls == []
    assert failure(checks.expect_equal, True, False, "w.is_leaf", shows=probe).misconceptions == (GRAD.id,)
    assert calls == [1]


def test_a_probe_that_raises_or_returns_nonsense_names_nothing(declared):
    def broken():
        raise RuntimeError("the learner's function fails on the probe's input")

    error = failure(checks.expect_equal, True, False, "w.is_leaf", shows=broken)
    assert error.misconceptions == () and str(error) == "w.is_leaf: yours is True, expected False."
    assert checks.shown(lambda: 42) == () and checks.shown(lambda: None) == ()
    assert checks.shown(lambda: [LEAF.id, 3]) == (LEAF.id,)


def test_every_check_passes_shows_on(declared):
    import torch

    failed = [failure(checks.expect_type, 1, str, "x", shows=LEAF.id),
              failure(checks.expect_close, torch.zeros(2), torch.ones(2), "x", shows=LEAF.id),
              failure(checks.expect_close, torch.zeros(3), torch.ones(2), "x", shows=LEAF.id),
              failure(checks.expect_backward, torch.zeros(2, requires_grad=True), "loss", shows=LEAF.id),
              failure(checks.expect_raises, lambda: None, ValueError, "x", "f()", shows=LEAF.id),
              failure(checks.fail, "plain", LEAF.id)]
    assert all(f.misconceptions == (LEAF.id,) for f in failed)


def test_an_undeclared_id_says_so_and_names_nothing_for_grading(declared):
    error = failure(checks.expect_equal, 1, 2, "x", shows="no-such-belief")
    assert "'no-such-belief', which course.toml does not declare" in str(error).splitlines()[1]
    assert diagnosed(str(error)) == []


def test_a_check_without_shows_says_its_message_alone(declared):
    assert str(failure(checks.expect_equal, 1, 2, "x")) == "x: yours is 1, expected 2."


# --- predict parts -------------------------------------------------------------------------------------

def test_predictions_print_each_wrong_item_then_each_misconception_once_then_the_score(declared, capsys):
    graded = checks.Predictions({"A": True, "B": True, "C": False, "D": True}, ["A", "B", "C", "D"], "leafs", points=2)
    graded.item("A", False, "A is made by clone().", shows=LEAF.id)
    graded.item("B", False, "B too.", shows={True: LEAF.id})
    graded.items({"C": True, "D": True}, shows={"C": GRAD.id, "D": LEAF.id})
    assert graded.score() == 0.5
    lines = capsys.readouterr().out.splitlines()
    assert [line[:10] for line in lines[:3]] == ["✗ leafs['A", "✗ leafs['B", "✗ leafs['C"]
    assert lines[3:5] == [LEAF.diagnosis(), GRAD.diagnosis()]
    assert lines[5].startswith(checks.SCORE_LINE) and len(lines) == 6


def test_predictions_all_right_print_no_diagnosis(declared, capsys):
    graded = checks.Predictions({"A": False}, ["A"], "leafs", points=1)
    graded.item("A", False, shows=LEAF.id)
    assert graded.score() == 1.0
    assert capsys.readouterr().out == "Success!\n"


def test_a_predicted_set_names_the_misconception_of_a_member_wrongly_in_or_out(declared, capsys):
    graded = checks.PredictedSet({"w", "h"}, "leaves", points=2)
    graded.items({"w", "b"}, shows={"h": {True: LEAF.id}, "b": {False: GRAD.id}, "w": GRAD.id})
    graded.score()  # members in repr order: "b" is missing, "h" should not be there, "w" is right
    assert diagnosis_lines(capsys.readouterr().out) == [GRAD.diagnosis(), LEAF.diagnosis()]


def test_expect_predictions_names_the_misconceptions_of_the_wrong_keys_once(declared):
    error = failure(checks.expect_predictions, {"a": True, "b": True, "c": False}, {"a": False, "b": False, "c": False},
                    "p", shows={"a": LEAF.id, "b": LEAF.id, "c": GRAD.id})
    assert error.misconceptions == (LEAF.id,)


# --- diagnosed(): what grading reads back --------------------------------------------------------------

def test_diagnosed_reads_ids_only_from_diagnosis_lines(declared):
    text = "\n".join(["✗ leafs['A']: yours is True, expected False.", GRAD.diagnosis(), LEAF.diagnosis(),
                      GRAD.diagnosis(), "I think " + DATA.diagnosis(), f"[{DATA.id}].",
                      "Partial credit: 1 of 2 points"])
    assert diagnosed(text) == [GRAD.id, LEAF.id]


def test_diagnosed_finds_nothing_in_a_message_without_a_diagnosis():
    assert diagnosed("x: yours is 1, expected 2. See [section 2].") == []


# --- validate: make validate and the Validate button ----------------------------------------------------

def cell(*outputs):
    import nbformat

    return nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(**o) for o in outputs])


def test_validate_keeps_the_diagnosis_lines_under_the_message(declared):
    from pitfalls.validate import Part, report, why_failed

    error = failure(checks.expect_equal, True, False, "w.is_leaf", shows=(LEAF.id, GRAD.id))
    failed = cell({"output_type": "error", "ename": "CheckFailed", "evalue": str(error),
                   "traceback": error._render_traceback_()})
    assert why_failed(failed).splitlines() == ["w.is_leaf: yours is True, expected False.", LEAF.diagnosis(),
                                               GRAD.diagnosis()]
    printed = cell({"output_type": "stream", "name": "stdout",
                    "text": f"✗ p['A']: yours is True, expected False. Why.\n{LEAF.diagnosis()}\nPartial credit: …\n"})
    assert why_failed(printed).splitlines() == ["p['A']: yours is True, expected False. Why.", LEAF.diagnosis()]
    lines = report([Part("leaf-1-tests", 0, 2, why_failed(failed))]).splitlines()
    assert lines[0].startswith("FAIL") and lines[0].endswith("w.is_leaf: yours is True, expected False.")
    assert lines[1].strip() == LEAF.diagnosis() and lines[1].index(DIAGNOSIS) == lines[0].index("w.is_leaf")


# --- grading: the misconceptions a graded result records ------------------------------------------------

def graded_notebook(outputs: dict[str, list[dict]]) -> dict:
    """A graded notebook as nbgrader leaves it: test cells (grade_id -> outputs) and an answer cell."""
    cells = [{"cell_type": "code", "source": "", "metadata": {"nbgrader": {"grade_id": "leaf-1", "solution": True}},
              "outputs": [{"output_type": "stream", "name": "stdout", "text": LEAF.diagnosis() + "\n"}]}]
    cells += [{"cell_type": "code", "source": "", "metadata": {"nbgrader": {"grade_id": gid, "grade": True}},
               "outputs": outs} for gid, outs in outputs.items()]
    return {"cells": cells}


def test_a_graded_result_keeps_per_test_cell_only_the_lessons_declared_ids(declared):
    from autograde.worker import diagnoses

    error = failure(checks.expect_equal, True, False, "w.is_leaf", shows=LEAF.id)
    nb = graded_notebook({
        "leaf-1-tests": [{"output_type": "error", "ename": "CheckFailed", "evalue": str(error),
                          "traceback": error._render_traceback_()}],
        "leaf-2-tests": [{"output_type": "stream", "name": "stdout",
                          "text": f"✗ …\n{GRAD.diagnosis()}\n{DATA.diagnosis()}\nPartial credit: …\n"}],
        "leaf-3-tests": [{"output_type": "stream", "name": "stdout", "text": DATA.diagnosis() + "\nSuccess!\n"}],
        "leaf-4-tests": [{"output_type": "execute_result", "data": {"text/plain": json.dumps(GRAD.diagnosis())}}],
    })
    assert diagnoses(nb, LESSON) == {"leaf-1-tests": [LEAF.id], "leaf-2-tests": [GRAD.id]}
    assert diagnoses(nb, OTHER) == {"leaf-2-tests": [DATA.id], "leaf-3-tests": [DATA.id]}


def test_a_lesson_that_declares_nothing_records_nothing(declared):
    from autograde.worker import diagnoses

    nb = graded_notebook({"x-tests": [{"output_type": "stream", "name": "stdout", "text": LEAF.diagnosis()}]})
    assert diagnoses(nb, "00_reading_the_pictures") == {}


def test_a_probe_that_makes_torch_warn_writes_nothing_to_stderr(declared, capfd):
    import warnings

    def probe():
        warnings.warn("a non-leaf's .grad is being accessed", UserWarning, stacklevel=1)
        return LEAF.id

    assert failure(checks.expect_equal, 1, 2, "x", shows=probe).misconceptions == (LEAF.id,)
    assert capfd.readouterr().err == ""
