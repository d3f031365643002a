"""Adding a lesson is one folder, one declaration and its wrong-answer catalogue: proven on a copy of the
course, with a throwaway lesson that owns a module, asks for an answer file, and is released and graded."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pitfalls.course import ROOT

pytestmark = pytest.mark.slow
NAME = "12_throwaway"


def cell(kind, source: str, grade_id: str | None = None, solution=False, points: float = 0, locked=False):
    made = (new_markdown_cell if kind == "md" else new_code_cell)(textwrap.dedent(source).strip())
    if grade_id:
        made.metadata["nbgrader"] = {"grade_id": grade_id, "solution": solution, "grade": bool(points),
                                     "locked": locked, "schema_version": 3, **({"points": points} if points else {})}
    return made


def lesson_notebook() -> nbformat.NotebookNode:
    nb = new_notebook(cells=[
        cell("md", "# Lesson 12 — a throwaway lesson", "intro", locked=True),
        cell("code", "from pitfalls import checks\nfrom pitfalls.lessons import throwaway", "setup", locked=True),
        cell("md", "### throw-1 (code, 2 points)\n\nWrite `triple(x)`.", "text-1", locked=True),
        cell("code", """
            def triple(x):
                ### BEGIN SOLUTION
                return 3 * x
                ### END SOLUTION""", "throw-1", solution=True),
        cell("code", """
            checks.expect_equal(triple(2), 6, "triple(2)")
            ### BEGIN HIDDEN TESTS
            checks.expect_equal(triple(-5), -15, "triple(-5)")
            ### END HIDDEN TESTS
            print("Success!")""", "throw-1-tests", points=2, locked=True),
        cell("md", "### throw-2 (code, 1 point)\n\nIn `worker.py`, write `double(x)`: a worker process runs it.",
             "text-2", locked=True),
        cell("code", """
            result = throwaway.run_in_worker("worker", "double", 21)
            checks.expect_equal(result, 42, "double(21), run in a worker process")
            print("Success!")""", "throw-2-tests", points=1, locked=True),
    ])
    nb.metadata["pitfalls"] = {"lesson": NAME}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


LESSON_MODULE = '''"""Lesson 12's own code: runs a learner's function in a fresh worker process (spawn)."""

import importlib
import multiprocessing


def call(module, name, x, answers):
    answers.put(getattr(importlib.import_module(module), name)(x))


def run_in_worker(module, name, x):
    context = multiprocessing.get_context("spawn")  # the child imports everything anew, as on macOS
    answers = context.Queue()
    worker = context.Process(target=call, args=(module, name, x, answers))
    worker.start()
    try:
        return answers.get(timeout=60)
    finally:
        worker.join()
'''
WORKER = "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n"
DECLARATION = f'''
[[lesson]]
name = "{NAME}"
title = "a throwaway lesson"
status = "ready"
minutes = 5
modules = ["pitfalls.lessons.throwaway"]
answer_files = {{ "worker.py" = "throw-2" }}
parts = {{ throw-1 = "code", throw-2 = "code" }}
'''
WRONG = "# answer: throw-1\n# loses: throw-1-tests\ndef triple(x):\n    return x + x + 2  # right at 2 only\n"
WRONG_FILE = "# answer: throw-2\n# loses: throw-2-tests\ndef double(x):\n    return x * x\n"


def run(copy: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy)}  # the copy's code, not the checkout's
    result = subprocess.run([sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def git(copy: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=copy, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory) -> Path:
    """The course as a fresh clone has it, in a git repository of its own."""
    copy = tmp_path_factory.mktemp("course") / "course"
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split("\n")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes((ROOT / name).read_bytes())
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-qm", "the course")
    return copy


def test_a_new_lesson_is_its_folder_declaration_and_catalogue_then_released_and_graded(course_copy, tmp_path):
    copy = course_copy
    folder = copy / "solutions" / NAME
    folder.mkdir()
    nbformat.write(lesson_notebook(), folder / f"{NAME}.ipynb")
    (folder / "worker.py").write_text(WORKER)
    (copy / "pitfalls" / "lessons" / "throwaway.py").write_text(LESSON_MODULE)
    with (copy / "course.toml").open("a") as f:
        f.write(DECLARATION)
    catalogue = copy / "tests" / "wrong_answers" / NAME
    catalogue.mkdir()
    (catalogue / "throw-1-adds-two.py").write_text(WRONG)
    (catalogue / "throw-2-squares.py").write_text(WRONG_FILE)

    run(copy, "-m", "autograde.release")
    released = copy / "notebooks" / NAME
    assert "return 2 * x" not in (released / "worker.py").read_text()
    assert "NotImplementedError" in (released / "worker.py").read_text()
    changed = {line[3:].split("/")[0] + ("/" + line[3:].split("/")[1] if "/" in line[3:] else "")
               for line in git(copy, "status", "--porcelain", "-uall").splitlines()}
    generated = {f"notebooks/{NAME}", "notebooks/START_HERE.md", "README.md"}  # by `make release`
    assert changed == {f"solutions/{NAME}", "course.toml", "tests/wrong_answers", "pitfalls/lessons", *generated}, (
        "adding a lesson touched something else")
    assert "a throwaway lesson" in (copy / "README.md").read_text()

    script = textwrap.dedent(f"""
        from pathlib import Path
        from autograde.submissions import catalogue, hand_in, solved_answers
        from pitfalls.course import lessons
        lesson = lessons()["{NAME}"]
        root = Path("{tmp_path / 'class'}")
        hand_in(root / "solved" / lesson.name, lesson, solved_answers(lesson))
        hand_in(root / "blank" / lesson.name, lesson, {{}})
        for wrong in catalogue(lesson):
            hand_in(root / wrong.name / lesson.name, lesson, {{**solved_answers(lesson), wrong.answer: wrong.source}})
    """)
    run(copy, "-c", script)
    run(copy, "-m", "autograde.grade", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--jobs", "1")
    with (tmp_path / "out" / "grades.csv").open() as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    scores = {s: (rows[s]["throw-1-tests"], rows[s]["throw-2-tests"]) for s in rows}
    assert scores == {"solved": ("2", "1"), "blank": ("0", "0"),
                      "throw-1-adds-two": ("0", "1"), "throw-2-squares": ("2", "0")}
    assert json.loads((tmp_path / "out" / "results" / "solved" / f"{NAME}.json").read_text())["findings"] == []
