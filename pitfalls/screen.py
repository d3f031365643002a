"""Decide whether a submitted file is a notebook of the expected lesson, before any grading.

Each problem comes back as one sentence an instructor can act on; nothing here raises.
"""

from __future__ import annotations

import json
from pathlib import Path

from .course import Lesson, graded_parts, lessons


def lesson_of(nb: dict) -> str | None:
    """The lesson a notebook belongs to: its `pitfalls.lesson` metadata, else its grade ids."""
    stamped = nb.get("metadata", {}).get("pitfalls", {}).get("lesson")
    if isinstance(stamped, str):
        return stamped
    ids = set(graded_parts(nb))
    for lesson in lessons().values():
        if ids & set(lesson.points):
            return lesson.name
    return None


def read_notebook(path: Path) -> tuple[dict | None, str | None]:
    """The notebook's JSON, or None and the reason it is not a usable notebook."""
    if not path.is_file():
        return None, f"missing: no {path.name} in {path.parent.name}/"
    raw = path.read_bytes()
    if not raw.strip():
        return None, "empty file: the notebook has no content"
    try:
        nb = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, f"not a notebook: invalid JSON ({e})"
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return None, "not a notebook: the JSON has no list of cells"
    if nb.get("nbformat") != 4:
        return None, f"unsupported notebook format {nb.get('nbformat')}: save it as nbformat 4"
    return nb, None


def problem(path: Path, lesson: Lesson) -> str | None:
    """Why `path` cannot be graded as `lesson`, or None when it can."""
    nb, why = read_notebook(path)
    if why:
        return why
    other = lesson_of(nb)
    if other != lesson.name:
        found = f"lesson {other}" if other else "no lesson of this course"
        return f"wrong lesson: expected {lesson.name}, this notebook is {found}"
    return None
