"""`make validate NB=path`: a learner's self-check of one notebook, part by part.

Runs the notebook in a fresh kernel, scores each test cell the way nbgrader scores it, and
exits non-zero when any part fails (stock `nbgrader validate` exits 0 either way).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbgrader.utils import compute_checksum, determine_grade, is_grade, is_locked

from .course import lessons
from .screen import lesson_of, read_notebook

TIMEOUT = 30  # seconds per cell, as in grading


def load(path: Path):
    """The notebook to check, or a one-line reason it cannot be checked."""
    if not path.is_file():
        return None, f"{path}: no such file"
    nb, why = read_notebook(path)
    if why:
        return None, f"{path}: {why}"
    if lesson_of(nb) not in lessons():
        return None, f"{path}: not a notebook of this course (no graded parts of any lesson)"
    return nbformat.reads(json.dumps(nb), as_version=4), None


def first_failure(cell) -> str:
    """The last line of the error a test cell raised: the message the test wrote for the learner."""
    for output in cell.outputs:
        if output.output_type == "error" and output.ename == "NotImplementedError":
            return "not answered yet: the answer cell still raises NotImplementedError"
        if output.output_type == "error":
            return f"{output.ename}: {output.evalue}".splitlines()[0][:400]
        if output.output_type == "stream" and output.name == "stderr":
            return "wrote to stderr (graders count that as a failure): " + output.text.strip()[:200]
    return "scored below full marks"


def check(nb, workdir: Path) -> list[tuple[str, float, float, str]]:
    """Run the notebook; (grade_id, score, points, message) for every test cell."""
    os.environ["NBGRADER_EXECUTION"] = "validate"
    client = NotebookClient(nb, timeout=TIMEOUT, allow_errors=True, kernel_name="python3",
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(workdir)}})
    client.execute(stderr=subprocess.DEVNULL)  # the kernel's own start-up chatter
    results = []
    for cell in nb.cells:
        if not is_grade(cell) or cell.cell_type != "code":
            continue
        score, points = determine_grade(cell)
        message = "" if score == points else first_failure(cell)
        if is_locked(cell) and cell.metadata.nbgrader.get("checksum") not in (None, compute_checksum(cell)):
            message = (message + "; " if message else "") + "this test cell was edited: grading uses the original"
        results.append((cell.metadata.nbgrader.grade_id, score, points, message))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    args = parser.parse_args(argv)
    nb, why = load(args.notebook)
    if nb is None:
        print(f"cannot validate {why}", file=sys.stderr)
        return 2
    results = check(nb, args.notebook.resolve().parent)
    for grade_id, score, points, message in results:
        mark = "PASS" if score == points else "FAIL"
        print(f"{mark}  {grade_id:24} {score:g}/{points:g}  {message}".rstrip())
    passed = sum(score == points for _, score, points, _ in results)
    got = sum(score for _, score, _, _ in results)
    total = sum(points for _, _, points, _ in results)
    print(f"\n{passed} of {len(results)} parts pass the visible tests ({got:g}/{total:g} points). "
          "Hidden tests run when your work is graded.")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
