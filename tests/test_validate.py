"""`make validate`: a learner's self-check, part by part, with an exit code that means something."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from autograde.submissions import solved
from pitfalls.course import ROOT
from tests.conftest import LESSONS

pytestmark = pytest.mark.slow  # whole notebooks run in real kernels

FIRST = next(iter(LESSONS.values()))


def validate(path):
    return subprocess.run([sys.executable, "-m", "pitfalls.validate", str(path)], cwd=ROOT,
                          capture_output=True, text=True)


def test_solved_notebook_passes(tmp_path):
    path = tmp_path / f"{FIRST.name}.ipynb"
    path.write_text(json.dumps(solved(FIRST)))
    result = validate(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASS") == len(FIRST.points)


def test_blank_notebook_fails_every_part_with_exit_1(tmp_path):
    result = validate(FIRST.release)
    assert result.returncode == 1
    assert result.stdout.count("FAIL") == len(FIRST.points)
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
