"""Build synthetic submissions from a lesson: solved, blank, or with catalogued wrong answers.

A "solved" answer is the source cell with the solution markers removed: what a learner who
got it right would have typed into the release notebook's answer cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from autograde.lessons import Lesson

CATALOGUE = Path(__file__).resolve().parent / "wrong_answers"
MARKERS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n", re.MULTILINE)


@dataclass(frozen=True)
class WrongAnswer:
    """One plausible mistake: the answer cell it replaces and the graded parts it must lose."""

    lesson: str
    name: str
    answer: str  # grade_id of the answer cell it replaces
    loses: tuple[str, ...]  # grade_ids of test cells that must score zero; empty = a right variant
    source: str
    scores: dict[str, float] = field(default_factory=dict)  # grade_id -> the exact points a part must keep


def answer_cells(nb: dict) -> dict[str, dict]:
    return {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")}


def solved_answers(lesson: Lesson) -> dict[str, str]:
    """grade_id -> the solution a learner would type, for every answer cell."""
    source = json.loads(lesson.source.read_text())
    return {gid: MARKERS.sub("", "".join(c["source"]) + "\n").rstrip("\n")
            for gid, c in answer_cells(source).items()}


def submission(lesson: Lesson, answers: dict[str, str]) -> dict:
    """The release notebook with the given answer cells filled in."""
    nb = json.loads(lesson.release.read_text())
    cells = answer_cells(nb)
    for gid, text in answers.items():
        cells[gid]["source"] = text
    return nb


def solved(lesson: Lesson) -> dict:
    return submission(lesson, solved_answers(lesson))


def with_wrong_answer(lesson: Lesson, wrong: WrongAnswer) -> dict:
    return submission(lesson, {**solved_answers(lesson), wrong.answer: wrong.source})


def catalogue(lesson: Lesson) -> list[WrongAnswer]:
    """The wrong answers kept beside the tests for a lesson, each a small readable .py file.

    Header lines say what the file replaces and what it must cost:
        # answer: leaf-2
        # loses: leaf-2-tests          (empty for a right answer that must keep every point)
        # scores: leaf-1-tests=1.5     (optional: a part that must score exactly this many points,
                                        such as a predict part's partial credit)
    """
    found = []
    for path in sorted((CATALOGUE / lesson.name).glob("*.py")):
        text = path.read_text()
        header = dict(re.findall(r"^# (answer|loses|scores):[ \t]*(.*)$", text, re.MULTILINE))
        loses = tuple(x.strip() for x in header.get("loses", "").split(",") if x.strip())
        scores = {part.strip(): float(points) for part, points in
                  (x.split("=", 1) for x in header.get("scores", "").split(",") if x.strip())}
        found.append(WrongAnswer(lesson.name, path.stem, header["answer"].strip(), loses, text.rstrip("\n"), scores))
    return found
