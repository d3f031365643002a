"""The lessons as the repository holds them: names, source notebooks and graded parts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions"
RELEASE = REPO / "notebooks"


@dataclass(frozen=True)
class Lesson:
    name: str  # "01_leaf_tensors": folder, notebook stem and nbgrader assignment name
    parts: dict[str, float]  # grade_id of each test cell -> points

    @property
    def source(self) -> Path:
        return SOLUTIONS / self.name / f"{self.name}.ipynb"

    @property
    def release(self) -> Path:
        return RELEASE / self.name / f"{self.name}.ipynb"

    @property
    def max_score(self) -> float:
        return sum(self.parts.values())


def graded_parts(nb: dict) -> dict[str, float]:
    """grade_id -> points for every graded cell of a notebook's JSON, in notebook order."""
    parts = {}
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            parts[meta["grade_id"]] = float(meta.get("points", 0))
    return parts


def lessons() -> dict[str, Lesson]:
    """Every lesson with a source notebook, in course order."""
    found = {}
    for path in sorted(SOLUTIONS.glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb")):
        if path.stem == path.parent.name:
            nb = json.loads(path.read_text())
            found[path.stem] = Lesson(path.stem, graded_parts(nb))
    return found
