"""The generated class: every catalogued answer handed in by one of 50 generated learners, one answer to each
part of a notebook, as a real class hands work in.

A learner's notebook for a lesson holds, for each part, the next catalogued answer of that part not yet
handed in (the solution once a part's catalogue runs out), so the whole catalogue fits in as many notebooks
per lesson as its longest part has answers (198 notebooks for 599 answers, not 599). Each answer is then
proven where a real learner's would be: beside mistakes in the other parts, whose points it must not cost
(an answer that also cost another part would show as that part's wrong score, as in a one-mistake notebook).
Parts run in notebook order, so only an earlier part's answer could disturb a later part: what such an answer
could do to the kernel (a function replaced, a process left running) the grader's audit stops and reports,
and the suite requires no finding on honest work.
"""

from __future__ import annotations

from dataclasses import dataclass

from autograde.submissions import WrongAnswer, catalogue, hand_in, solved_answers
from pitfalls.course import Lesson

LEARNERS = 50


@dataclass(frozen=True)
class Notebook:
    """One generated learner's notebook for one lesson: a catalogued answer (or the solution) per part."""

    student: str
    lesson: Lesson
    answers: tuple[WrongAnswer, ...]  # the catalogued answers in it, one per part at most

    def expected(self) -> dict[str, float]:
        """The points each graded part must give this notebook: what its part's answer must earn."""
        points = self.lesson.points
        scores = [answer.expected(points) for answer in self.answers]
        return {part: min([full, *(s[part] for s in scores)]) for part, full in points.items()}

    def hand_in(self, root) -> None:
        hand_in(root / self.student / self.lesson.name, self.lesson,
                {**solved_answers(self.lesson), **{a.answer: a.source for a in self.answers}})


def notebooks(lessons: dict[str, Lesson]) -> list[Notebook]:
    """Every catalogued answer of these lessons in a generated learner's notebook; each learner hands in
    at most one notebook a lesson, and the lessons are spread so every learner hands in a few."""
    handed, start = [], 0
    for lesson in lessons.values():
        by_part: dict[str, list[WrongAnswer]] = {}
        for answer in catalogue(lesson):
            by_part.setdefault(answer.answer, []).append(answer)
        count = max(map(len, by_part.values()), default=0)
        if count > LEARNERS:
            raise ValueError(f"{lesson.name}: {count} catalogued answers to one part, more than {LEARNERS} learners")
        for i in range(count):
            student = f"learner-{(start + i) % LEARNERS + 1:02d}"
            handed.append(Notebook(student, lesson, tuple(answers[i] for answers in by_part.values()
                                                          if i < len(answers))))
        start += count
    return handed


def where(notebooks: list[Notebook]) -> dict[tuple[str, str], Notebook]:
    """(lesson, catalogue file stem) -> the notebook that holds that answer."""
    return {(nb.lesson.name, answer.name): nb for nb in notebooks for answer in nb.answers}
