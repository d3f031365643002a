"""The course registry: each lesson declared once in course.toml, and its notebook keeps the declaration."""

from __future__ import annotations

import json
import re

import pytest

from autograde import readme
from pitfalls.course import KINDS, course, folders, lessons

LESSONS = lessons()


def cells(lesson) -> list[dict]:
    return json.loads(lesson.source.read_text())["cells"]


def nbgrader(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def test_lessons_are_in_course_order_with_unique_names():
    names = [lesson.name for lesson in course()]
    assert names == sorted(names) and len(set(names)) == len(names)
    assert [int(name[:2]) for name in names] == list(range(len(names)))


def test_the_folders_come_from_nbgrader_config():
    assert (folders().source.name, folders().release.name) == ("solutions", "notebooks")


def test_a_lesson_is_ready_exactly_when_its_folders_exist():
    for lesson in course():
        assert lesson.source.is_file() == lesson.ready, lesson.name
        assert lesson.release.is_file() == lesson.ready, lesson.name


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=lambda lesson: lesson.name)
def test_the_notebook_has_exactly_the_declared_answer_cells_and_each_is_graded(lesson):
    answers = [nbgrader(c)["grade_id"] for c in cells(lesson) if nbgrader(c).get("solution")]
    assert answers == lesson.answer_cells
    graded = [nbgrader(c)["grade_id"] for c in cells(lesson) if nbgrader(c).get("grade")]
    assert all(lesson.part_of(test) for test in graded), graded
    assert {lesson.part_of(test) for test in graded} == set(lesson.parts)


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=lambda lesson: lesson.name)
def test_parts_are_of_mixed_kinds_and_their_headings_tell_the_truth(lesson):
    kinds = list(lesson.parts.values())
    assert len(kinds) >= 4 and set(kinds) <= set(KINDS)
    assert {"predict", "stretch"} <= set(kinds) and {"code", "debug"} & set(kinds)
    text = "\n".join("".join(c["source"]) for c in cells(lesson) if c["cell_type"] == "markdown")
    for part, kind in lesson.parts.items():
        points = sum(p for test, p in lesson.points.items() if lesson.part_of(test) == part)
        heading = re.search(rf"^### {re.escape(part)} \((\w+), ([\d.]+) points?\)$", text, re.MULTILINE)
        assert heading, f"{part}: no '### {part} ({kind}, {points:g} points)' heading"
        assert (heading[1], float(heading[2])) == (kind, points), part


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=lambda lesson: lesson.name)
def test_the_notebook_is_stamped_with_its_lesson(lesson):
    assert json.loads(lesson.source.read_text())["metadata"]["pitfalls"]["lesson"] == lesson.name


def test_answer_files_and_modules_are_where_the_declaration_says():
    import importlib

    for lesson in LESSONS.values():
        for name, part in lesson.answer_files.items():
            assert (lesson.source.parent / name).is_file(), f"{lesson.name}: {name}"
            assert part in lesson.parts, f"{lesson.name}: {name} answers {part}, which is not a declared part"
        for module in lesson.modules:
            assert module.startswith("pitfalls.lessons."), module
            importlib.import_module(module)


def test_the_readme_lesson_table_is_generated_from_the_registry():
    text = readme.README.read_text()
    assert readme.replace_block(text, "lessons", readme.lesson_table()) == text, "run `make release`"
