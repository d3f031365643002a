"""The course registry: every lesson as `course.toml` declares it, and where nbgrader keeps it.

Every tool (release, grading, the integrity scan, validate, the bench, the tests, the README's lesson
table) asks this module about lessons; none keeps a list of its own. A lesson's points come from its
notebook's nbgrader metadata, which nbgrader itself grades by; the declaration names its parts, and
the suite checks that the notebook has exactly those.
"""

from __future__ import annotations

import functools
import json
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
    return tuple(Lesson(**{k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()})
                 for entry in declared)


def lessons() -> dict[str, Lesson]:
    """The ready lessons, in course order: the ones with notebooks to learn from and to grade."""
    return {lesson.name: lesson for lesson in course() if lesson.ready}


def lesson_modules() -> tuple[str, ...]:
    """Every course-owned module a ready lesson imports, for kernels that import them ahead of time."""
    return tuple(dict.fromkeys(m for lesson in lessons().values() for m in lesson.modules))
