"""`make validate`: a learner's self-check, part by part, with an exit code that means something."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from autograde.submissions import solved
from pitfalls.course import ROOT
from tests.conftest import LESSONS

pytestmark = pytest.mark.slow  # whole notebooks run in real kernels

FIRST = next(iter(LESSONS.values()))


def validate(path):
    return subprocess.run([sys.executable, "-m", "pitfalls.validate", str(path)], cwd=ROOT,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[tuple[str, str], subprocess.CompletedProcess]:
    """`make validate` on every lesson's solved notebook and its release, two at a time: each is a whole notebook
    in a kernel of its own, one core's work, and the suite's budget has the second core to give."""
    folder = tmp_path_factory.mktemp("solved")
    paths = {}
    for lesson in LESSONS.values():
        paths[(lesson.name, "solved")] = folder / f"{lesson.name}.ipynb"
        paths[(lesson.name, "solved")].write_text(json.dumps(solved(lesson)))
        paths[(lesson.name, "blank")] = lesson.release
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(paths, pool.map(validate, paths.values()), strict=True))


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=list(LESSONS))
def test_solved_notebook_passes(checked, lesson):
    """Every lesson's solved notebook passes the self-check (the browser suite presses Validate on one)."""
    result = checked[(lesson.name, "solved")]
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASS") == len(lesson.points)


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=list(LESSONS))
def test_blank_notebook_fails_every_part_with_exit_1(checked, lesson):
    """Every lesson's release, as a learner first opens it (the browser suite presses Validate on one)."""
    result = checked[(lesson.name, "blank")]
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.count("FAIL") == len(lesson.points)
    assert "0 of" in result.stdout


@pytest.mark.parametrize("content, says", [
    (None, "no such file"),
    (b"", "empty file"),
    (b'{"cells": [', "invalid JSON"),
    (json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}).encode(),
     "not a notebook of this course"),
])
def test_unusable_file_is_one_line_and_exit_2(tmp_path, content, says):
    path = tmp_path / "mine.ipynb"
    if content is not None:
        path.write_bytes(content)
    result = validate(path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and says in result.stderr


def test_each_part_is_one_line_with_its_message_and_no_traceback():
    result = validate(FIRST.release)
    lines = result.stdout.splitlines()
    for part in FIRST.points:
        line = next(line for line in lines if f"  {part} " in line)
        assert line.startswith("FAIL") and line.split("0/", 1)[1][3:].strip(), f"{line}: no message"
    assert "not answered yet" in result.stdout
    assert "Traceback" not in result.stdout and "File " not in result.stdout
    assert lines[-1].startswith(f"0 of {len(FIRST.points)} parts pass the visible tests; {len(FIRST.points)} failed")


def test_json_gives_the_validate_button_every_part_and_the_summary():
    result = subprocess.run([sys.executable, "-m", "pitfalls.validate", "--json", str(FIRST.release)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [p["grade_id"] for p in report["parts"]] == list(FIRST.points)
    assert all(p["score"] == 0 and p["message"] for p in report["parts"])
    assert report["summary"].startswith("0 of")


def test_a_wrong_prediction_is_named_on_its_own_line_below_its_part():
    from pitfalls.validate import Part, report

    parts = [Part("pics-1-tests", 1.2, 2, "will_raise['A']: yours is False, expected True. exp saves its output.\n"
                                          "will_raise['C']: yours is True, expected False."),
             Part("pics-2-tests", 1, 1, "")]
    lines = report(parts).splitlines()
    assert lines[0].split() == ["FAIL", "pics-1-tests", "1.2/2", *parts[0].message.splitlines()[0].split()]
    assert lines[1] == " " * lines[0].index("will_raise") + "will_raise['C']: yours is True, expected False."
    assert lines[2].split() == ["PASS", "pics-2-tests", "1/1"]


def test_a_part_says_what_its_test_said_never_its_traceback():
    import nbformat

    from pitfalls.validate import why_failed

    def cell(*outputs):
        return nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(**o) for o in outputs])

    check = {"output_type": "error", "ename": "CheckFailed", "evalue": "x: yours is 1, expected 2.",
             "traceback": ["frames", "of", "checks.py"]}
    torch_error = {"output_type": "error", "ename": "RuntimeError", "evalue": "one of the variables…\nHint: …",
                   "traceback": []}
    unanswered = {"output_type": "error", "ename": "NotImplementedError", "evalue": "", "traceback": []}
    partial = {"output_type": "stream", "name": "stdout",
               "text": "✗ p['b']: yours is True, expected False. Why.\nPartial credit: 1 of 2 points: 1 of 2 …\n"}
    assert why_failed(cell(check)) == "x: yours is 1, expected 2."
    assert why_failed(cell(torch_error)) == "RuntimeError: one of the variables…"
    assert why_failed(cell(unanswered)).startswith("not answered yet")
    assert why_failed(cell(partial)) == "p['b']: yours is True, expected False. Why."
