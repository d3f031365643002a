"""Synthetic submissions for a lesson: solved, blank, or with a catalogued wrong answer (tests and bench).

A "solved" answer is the source cell with the solution markers removed: what a learner who
got it right would have typed into the release notebook's answer cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pitfalls.course import ROOT, Lesson

CATALOGUE = ROOT / "tests" / "wrong_answers"  # the catalogue is test data; the bench reads it too
MARKERS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n", re.MULTILINE)


@dataclass(frozen=True)
class WrongAnswer:
    """One plausible mistake: the answer cell it replaces and the graded parts it must lose."""

    lesson: str
    name: str
    answer: str  # grade_id of the answer cell it replaces
    loses: tuple[str, ...]  # grade_ids of test cells that must score zero; empty = a right variant
    source: str
    scores: tuple[tuple[str, float], ...] = ()  # (grade_id, points) of parts it earns partial credit on
    shows: tuple[str, ...] = ()  # ids of the misconceptions it embodies (course.toml); empty for a right variant
    slip: str = ""  # why it embodies no misconception (a slip of form, a misread task): it must be diagnosed with none

    def expected(self, parts: dict[str, float]) -> dict[str, float]:
        """The points each graded part must give this answer: 0 if it loses it, its partial score, or full."""
        partial = dict(self.scores)
        return {part: 0.0 if part in self.loses else partial.get(part, points) for part, points in parts.items()}


def answer_cells(nb: dict) -> dict[str, dict]:
    return {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")}


def without_markers(text: str) -> str:
    return MARKERS.sub("", text + "\n").rstrip("\n")


def solved_answers(lesson: Lesson) -> dict[str, str]:
    """part -> the solution a learner would type, for every answer cell and answer file."""
    source = json.loads(lesson.source.read_text())
    cells = {gid: without_markers("".join(c["source"])) for gid, c in answer_cells(source).items()}
    files = {part: without_markers((lesson.source.parent / name).read_text())
             for name, part in lesson.answer_files.items()}
    return cells | files


def submission(lesson: Lesson, answers: dict[str, str]) -> dict:
    """The release notebook with the given answer cells filled in (answers to files are handed in beside it)."""
    nb = json.loads(lesson.release.read_text())
    cells = answer_cells(nb)
    for gid, text in answers.items():
        if gid in cells:
            cells[gid]["source"] = text
    return nb


def answer_files(lesson: Lesson, answers: dict[str, str]) -> dict[str, str]:
    """Each file the lesson asks for: the given answer to its part, else the released stub."""
    return {name: answers.get(part, (lesson.release.parent / name).read_text())
            for name, part in lesson.answer_files.items()}


def hand_in(folder: Path, lesson: Lesson, answers: dict[str, str]) -> None:
    """Write what a learner hands in to `folder`: the notebook with these answers, and the answer files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{lesson.name}.ipynb").write_text(json.dumps(submission(lesson, answers), indent=1))
    for name, text in answer_files(lesson, answers).items():
        (folder / name).write_text(text)


def solved(lesson: Lesson) -> dict:
    """The notebook of a learner who got every part right."""
    return submission(lesson, solved_answers(lesson))


def with_wrong_answer(lesson: Lesson, wrong: WrongAnswer) -> dict:
    """The notebook of a learner who got every part right but the one this wrong answer replaces."""
    return submission(lesson, {**solved_answers(lesson), wrong.answer: wrong.source})


def catalogue(lesson: Lesson) -> list[WrongAnswer]:
    """The wrong answers kept beside the tests for a lesson, each a small readable .py file.

    Header lines say what the file replaces and what it must cost:
        # answer: leaf-2
        # loses: leaf-2-tests          (empty for a right answer that must keep every point)
        # scores: leaf-1-tests=1.5     (optional: a predict part it earns partial credit on)
        # shows: leaf-kept-by-copy     (the misconceptions it embodies, declared in course.toml)
        # slip: the form: ...          (or why it embodies none: a slip of form, a misread task)
    """
    found = []
    for path in sorted((CATALOGUE / lesson.name).glob("*.py")):
        text = path.read_text()
        header = dict(re.findall(r"^# (answer|loses|scores|shows|slip):[ \t]*(.*)$", text, re.MULTILINE))
        loses = tuple(x.strip() for x in header.get("loses", "").split(",") if x.strip())
        scores = tuple((part.strip(), float(points)) for part, points in
                       (x.split("=") for x in header.get("scores", "").split(",") if x.strip()))
        shows = tuple(x.strip() for x in header.get("shows", "").split(",") if x.strip())
        found.append(WrongAnswer(lesson.name, path.stem, header["answer"].strip(), loses, text.rstrip("\n"),
                                 scores, shows, header.get("slip", "").strip()))
    return found
