"""autograde.feedback: nbgrader's ClearHiddenTests cuts the hidden region, a note marks it, tracebacks shrink."""

from __future__ import annotations

import nbformat
from traitlets.config import Config

from autograde.feedback import PLACEHOLDER, FeedbackWithoutHiddenTests


def grade_cell(source: str, grade: bool = True) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": grade, "solution": not grade, "grade_id": "t", "points": 1}
    return cell


def feedback(*cells, config: Config | None = None) -> nbformat.NotebookNode:
    nb, _ = FeedbackWithoutHiddenTests(config=config).preprocess(nbformat.v4.new_notebook(cells=list(cells)), {})
    return nb


def test_the_hidden_region_is_replaced_by_one_placeholder_line():
    source = 'check(a)\n    ### BEGIN HIDDEN TESTS\n    secret(b)\n    ### END HIDDEN TESTS\nprint("Success!")'
    assert feedback(grade_cell(source)).cells[0].source == f'check(a)\n    {PLACEHOLDER}\nprint("Success!")'


def test_the_delimiters_come_from_the_course_config():
    config = Config()
    config.ClearHiddenTests.begin_test_delimeter = "SECRET START"
    config.ClearHiddenTests.end_test_delimeter = "SECRET END"
    source = "check(a)\n# SECRET START\nsecret(b)\n# SECRET END"
    assert "secret" not in feedback(grade_cell(source), config=config).cells[0].source


def test_tracebacks_of_test_cells_keep_only_the_message():
    cell = grade_cell("### BEGIN HIDDEN TESTS\nsecret()\n### END HIDDEN TESTS")
    cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue="wrong",
                                           traceback=["  secret()  # line that leaks", "CheckFailed: wrong"])]
    answer = grade_cell("mine()", grade=False)
    answer.outputs = [nbformat.v4.new_output("error", ename="E", evalue="x", traceback=["mine()", "E: x"])]
    nb = feedback(cell, answer)
    assert "secret" not in nb.cells[0].source
    assert nb.cells[0].outputs[0].traceback == ["CheckFailed: wrong"]
    assert nb.cells[1].outputs[0].traceback == ["mine()", "E: x"], "the learner's own traceback stays"
