"""autograde.feedback: the hidden region of a test cell is cut out, and tracebacks are shortened."""

from __future__ import annotations

import nbformat

from autograde.feedback import PLACEHOLDER, HideHiddenTests, without_hidden_tests


def test_the_hidden_region_is_replaced_by_one_placeholder_line():
    source = 'check(a)\n    ### BEGIN HIDDEN TESTS\n    secret(b)\n    ### END HIDDEN TESTS\nprint("Success!")'
    assert without_hidden_tests(source) == f'check(a)\n    {PLACEHOLDER}\nprint("Success!")'


def test_tracebacks_of_test_cells_keep_only_the_message():
    cell = nbformat.v4.new_code_cell("### BEGIN HIDDEN TESTS\nsecret()\n### END HIDDEN TESTS")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "t"}
    cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue="wrong",
                                           traceback=["  secret()  # line that leaks", "CheckFailed: wrong"])]
    answer = nbformat.v4.new_code_cell("mine()")
    answer.metadata["nbgrader"] = {"solution": True, "grade_id": "a"}
    answer.outputs = [nbformat.v4.new_output("error", ename="E", evalue="x", traceback=["mine()", "E: x"])]
    nb = nbformat.v4.new_notebook(cells=[cell, answer])
    nb, _ = HideHiddenTests().preprocess(nb, {})
    assert "secret" not in nb.cells[0].source
    assert nb.cells[0].outputs[0].traceback == ["CheckFailed: wrong"]
    assert nb.cells[1].outputs[0].traceback == ["mine()", "E: x"], "the learner's own traceback stays"
