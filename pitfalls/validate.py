"""`make validate NB=path`: a learner's self-check of one notebook, part by part.

Runs the notebook in a fresh kernel, scores each test cell the way nbgrader scores it, and
exits non-zero when any part fails (stock `nbgrader validate` exits 0 either way). Each part is one
line, its message first: what the check said, never the cell's source or a traceback. The Validate
button in `make lab` shows the same parts (pitfalls/lab.py runs this with --json).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbgrader.utils import compute_checksum, determine_grade, is_grade, is_locked

from .course import DIAGNOSIS, lessons
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


WRONG_ITEM = "✗ "  # how pitfalls.checks.Predictions prints a wrong prediction (importing it would import torch)


@dataclass(frozen=True)
class Part:
    """One graded part as the learner should read it."""

    grade_id: str
    score: float
    points: float
    message: str  # why it lost points, message first ("" when it passes); one line per wrong prediction

    @property
    def passed(self) -> bool:
        return self.score == self.points


def why_failed(cell) -> str:
    """What a failed test cell said: a check's own words, the first line of any other error, or the
    predictions it marked wrong; then the misconception each diagnosed, one line each."""
    for output in cell.outputs:
        if output.output_type == "error" and output.ename == "NotImplementedError" and not output.evalue:
            return "not answered yet: the answer cell still raises NotImplementedError()"
        if output.output_type == "error":
            said = output.evalue if output.ename == "CheckFailed" else f"{output.ename}: {output.evalue}"
            lines = said.strip().splitlines()
            if not lines:
                return output.ename
            return "\n".join([lines[0][:400], *(line for line in lines[1:] if line.startswith(DIAGNOSIS))])
        if output.output_type == "stream" and output.name == "stderr":
            return "wrote to stderr (graders count that as a failure): " + output.text.strip()[:200]
    printed = "".join(o.text for o in cell.outputs if o.output_type == "stream")
    wrong = [line.removeprefix(WRONG_ITEM) for line in printed.splitlines()
             if line.startswith(WRONG_ITEM) or line.startswith(DIAGNOSIS)]
    return "\n".join(wrong) or "scored below full marks"


def check(nb, workdir: Path) -> list[Part]:
    """Run the notebook; one Part for every test cell, in notebook order."""
    os.environ["NBGRADER_EXECUTION"] = "validate"
    client = NotebookClient(nb, timeout=TIMEOUT, allow_errors=True, kernel_name="python3",
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(workdir)}},
                            extra_arguments=["--InteractiveShell.xmode=Plain"])  # as grading: worker.course_config
    # only the parts are read from this run, never its pictures: the kernel draws none (pitfalls.draw.render.drawn)
    quiet = {**os.environ, "PITFALLS_PICTURES": "off"}
    client.execute(stderr=subprocess.DEVNULL, env=quiet)  # stderr: the kernel's own start-up chatter
    parts = []
    for cell in nb.cells:
        if not is_grade(cell) or cell.cell_type != "code":
            continue
        score, points = determine_grade(cell)
        message = "" if score == points else why_failed(cell)
        if is_locked(cell) and cell.metadata.nbgrader.get("checksum") not in (None, compute_checksum(cell)):
            message = (message + "; " if message else "") + "this test cell was edited: grading uses the original"
        parts.append(Part(cell.metadata.nbgrader.grade_id, score, points, message))
    return parts


def summary(parts: list[Part]) -> str:
    """One sentence for the whole notebook."""
    passed = sum(p.passed for p in parts)
    got, total = sum(p.score for p in parts), sum(p.points for p in parts)
    failed = f"; {len(parts) - passed} failed" if passed < len(parts) else ""
    return (f"{passed} of {len(parts)} parts pass the visible tests{failed} ({got:g}/{total:g} points). "
            "Hidden tests run when your work is graded.")


def report(parts: list[Part]) -> str:
    """A line per part, the message first after its mark; a wrong prediction per line below its part."""
    width = max((len(p.grade_id) for p in parts), default=0)
    lines = []
    for p in parts:
        head = f"{'PASS' if p.passed else 'FAIL'}  {p.grade_id:{width}}  {f'{p.score:g}/{p.points:g}':>7}  "
        first, *more = p.message.splitlines() or [""]
        lines.append((head + first).rstrip())
        lines += [" " * len(head) + line for line in more]
    return "\n".join([*lines, "", summary(parts)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--json", action="store_true", help="print the parts as JSON (for the Validate button)")
    args = parser.parse_args(argv)
    nb, why = load(args.notebook)
    if nb is None:
        print(f"cannot validate {why}", file=sys.stderr)
        return 2
    parts = check(nb, args.notebook.resolve().parent)
    if args.json:
        print(json.dumps({"parts": [asdict(p) for p in parts], "summary": summary(parts)}))
    else:
        print(report(parts))
    return 0 if all(p.passed for p in parts) else 1


if __name__ == "__main__":
    sys.exit(main())
