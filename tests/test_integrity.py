"""autograde.integrity: tampering with the kernel or the tests is reported; honest answers are not."""

from __future__ import annotations

import pytest

from autograde.integrity import scan, silent_passes
from autograde.submissions import catalogue, solved_answers
from tests.conftest import LESSONS


@pytest.mark.parametrize("source, finding", [
    ("get_ipython().input_transformers_cleanup.append(f)", "changes how IPython runs cells"),
    ("import sys\nsys.settrace(tracer)", "reaches into the kernel or the interpreter"),
    ("import os\nos._exit(0)", "ends the process"),
    ("exec(base64.b64decode(payload))", "runs code built at run time"),
    ("text = open('../../solutions/x.ipynb').read()", "touches files or other processes"),
    ("torch.allclose = lambda *a, **k: True", "rebinds a name the tests use"),
    ("setattr(checks, 'fail', print)", "rebinds a name the tests use"),
    ("class Yes:\n    def __eq__(self, other):\n        return True",
     "defines a comparison that can agree with anything"),
])
def test_each_kind_of_tampering_is_found_with_its_line(source, finding):
    found = scan({"leaf-1": source})
    assert any(f == f"leaf-1: {finding}" for f, _ in found), found
    assert all(evidence in source for _, evidence in found)


def test_no_solution_and_no_catalogued_answer_is_flagged():
    for lesson in LESSONS.values():
        assert scan(solved_answers(lesson)) == []
        for wrong in catalogue(lesson):
            assert scan({wrong.answer: wrong.source}) == [], wrong.name


def test_a_comment_that_mentions_a_pattern_is_not_a_finding():
    assert scan({"leaf-1": "# never call os._exit here\nx = 1"}) == []


def test_a_test_cell_that_ended_quietly_is_a_silent_pass():
    def cell(outputs):
        return {"cell_type": "code", "metadata": {"nbgrader": {"grade": True, "grade_id": "t"}}, "outputs": outputs}

    ok = cell([{"output_type": "stream", "name": "stdout", "text": ["Success!\n"]}])
    failed = cell([{"output_type": "error", "ename": "CheckFailed", "evalue": "", "traceback": []}])
    quiet = cell([])
    assert silent_passes({"cells": [ok, failed]}) == []
    assert silent_passes({"cells": [quiet]}) == [("t: passed without printing Success!", "(no output)")]
