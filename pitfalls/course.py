"""The course registry: every lesson as `course.toml` declares it, and where nbgrader keeps it.

Every tool (release, grading, the integrity scan, validate, the bench, the tests, the README's lesson
table) asks this module about lessons; none keeps a list of its own. A lesson's points come from its
notebook's nbgrader metadata, which nbgrader itself grades by; the declaration names its parts, and
the suite checks that the notebook has exactly those.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the course: this repository, or a student kit
REGISTRY = ROOT / "course.toml"
NBGRADER_CONFIG = ROOT / "nbgrader_config.py"
KINDS = ("predict", "code", "debug", "stretch")


@dataclass(frozen=True)
class Folders:
    """nbgrader's folders for this course, as nbgrader_config.py maps them."""

    source: Path  # solutions and hidden tests (absent from a student kit)
    release: Path  # what learners get


@functools.cache
def folders() -> Folders:
    from traitlets.config import PyFileConfigLoader  # noqa: PLC0415 -- traitlets only when asked

    config = PyFileConfigLoader(NBGRADER_CONFIG.name, path=str(NBGRADER_CONFIG.parent)).load_config()
    course = config.CourseDirectory
    root = Path(course.get("root", ROOT))
    return Folders(root / course.get("source_directory", "source"), root / course.get("release_directory", "release"))


@dataclass(frozen=True)
class Misconception:
    """A mistaken belief a wrong answer shows, declared under its lesson in course.toml."""

    id: str  # stable, course-wide: "data-for-detach"
    lesson: str
    parts: tuple[str, ...]  # the graded parts whose checks can diagnose it
    name: str  # one line: what the learner believes
    explanation: str  # two sentences: why it is wrong, and what is true
    section: str  # where the lesson teaches it: "3" or "3, 'the GAN step'"

    def diagnosis(self) -> str:
        """The line a learner reads under a failed check: what it looks like, why, and where to look."""
        return f"{DIAGNOSIS}{self.name} [{self.id}]. {self.explanation} See section {self.section}."


DIAGNOSIS = "This looks like the misconception: "  # how a diagnosis line starts, wherever it is shown


@dataclass(frozen=True)
class Lesson:
    name: str  # "01_leaf_tensors": folder, notebook stem and nbgrader assignment name
    title: str
    status: str = "ready"
    minutes: int = 0
    budget_s: float = 20
    processes: int = 1
    modules: tuple[str, ...] = ()
    answer_files: dict[str, str] = field(default_factory=dict)  # file a learner writes -> its part
    parts: dict[str, str] = field(default_factory=dict)  # answer cell grade_id -> kind
    misconceptions: tuple[Misconception, ...] = ()

    @property
    def ready(self) -> bool:
        return self.status == "ready"

    @property
    def source(self) -> Path:
        return folders().source / self.name / f"{self.name}.ipynb"

    @property
    def release(self) -> Path:
        return folders().release / self.name / f"{self.name}.ipynb"

    @property
    def points(self) -> dict[str, float]:
        """grade_id of each test cell -> points, in notebook order, read from the release notebook."""
        return graded_parts(json.loads(self.release.read_text()))

    @property
    def max_score(self) -> float:
        return sum(self.points.values())

    @property
    def answer_cells(self) -> list[str]:
        """The parts answered in a notebook cell (the others are answered in a file)."""
        return [part for part in self.parts if part not in self.answer_files.values()]

    def part_of(self, test_id: str) -> str | None:
        """The answer cell a test cell grades: the declared part its grade_id starts with."""
        return next((part for part in self.parts if test_id.startswith(part + "-")), None)


def graded_parts(nb: dict) -> dict[str, float]:
    """grade_id -> points for every graded cell of a notebook's JSON, in notebook order."""
    found = {}
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            found[meta["grade_id"]] = float(meta.get("points", 0))
    return found


@functools.cache
def course() -> tuple[Lesson, ...]:
    """Every lesson declared in course.toml, ready or planned, in course order."""
    declared = tomllib.loads(REGISTRY.read_text())["lesson"]
    return tuple(_lesson(entry) for entry in declared)


def _lesson(entry: dict) -> Lesson:
    entry = dict(entry)
    believed = tuple(Misconception(lesson=entry["name"], **{k: tuple(v) if isinstance(v, list) else v
                                                           for k, v in m.items()})
                     for m in entry.pop("misconception", []))
    return Lesson(**{k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}, misconceptions=believed)


@functools.cache
def misconceptions() -> dict[str, Misconception]:
    """Every misconception of every lesson, by id (ids are unique across the course)."""
    found: dict[str, Misconception] = {}
    for lesson in course():
        for m in lesson.misconceptions:
            if m.id in found:
                raise ValueError(f"course.toml declares the misconception {m.id!r} twice")
            found[m.id] = m
    return found


DIAGNOSED = re.compile("^" + re.escape(DIAGNOSIS) + r".*? \[([a-z0-9][a-z0-9-]*)\]\.", re.MULTILINE)


def diagnosed(text: str) -> list[str]:
    """The misconception ids a test cell's output names, in order, each once: only lines that start as a
    diagnosis line does, so a sentence that merely quotes one names nothing."""
    return list(dict.fromkeys(DIAGNOSED.findall(text)))


def lessons() -> dict[str, Lesson]:
    """The ready lessons, in course order: the ones with notebooks to learn from and to grade."""
    return {lesson.name: lesson for lesson in course() if lesson.ready}


def lesson_modules() -> tuple[str, ...]:
    """Every course-owned module a ready lesson imports, for kernels that import them ahead of time."""
    return tuple(dict.fromkeys(m for lesson in lessons().values() for m in lesson.modules))
