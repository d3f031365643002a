"""pitfalls.lab and the release: what a saved notebook keeps, what the release tags, what Validate says."""

from __future__ import annotations

import json

from autograde.release import CARRY_ON, LANDING, title
from pitfalls.course import folders
from pitfalls.lab import PICTURE, WIDGET_VIEW, dialog, keep_pictures
from tests.conftest import LESSONS


def test_a_saved_explorer_keeps_its_picture_instead_of_a_widget_view_no_later_session_can_draw():
    explorer = {"output_type": "display_data", "data": {WIDGET_VIEW: {"model_id": "abc"}, PICTURE: "iVBOR",
                                                         "text/plain": "VBox(...)"}}
    slider_only = {"output_type": "display_data", "data": {WIDGET_VIEW: {"model_id": "def"}, "text/plain": "IntSlider"}}
    model = {"type": "notebook", "content": {"cells": [{"cell_type": "code", "outputs": [explorer, slider_only]}]}}
    keep_pictures(model, path="lesson.ipynb")
    assert explorer["data"] == {PICTURE: "iVBOR", "text/plain": "VBox(...)"}
    assert WIDGET_VIEW in slider_only["data"], "a widget with no picture beside it is left as it is"
    keep_pictures({"type": "file", "content": "text"})


def tags(cell: dict) -> list[str]:
    return cell["metadata"].get("tags", [])


def test_the_release_lets_run_all_carry_on_past_every_exercise_and_only_past_exercises():
    for lesson in LESSONS.values():
        source, release = (json.loads(path.read_text())["cells"] for path in (lesson.source, lesson.release))
        assert len(source) == len(release)
        for theirs, ours in zip(source, release, strict=True):
            meta = ours["metadata"].get("nbgrader", {})
            exercise = ours["cell_type"] == "code" and bool(meta.get("solution") or meta.get("grade"))
            assert (CARRY_ON in tags(ours)) == (exercise or CARRY_ON in tags(theirs)), f"{lesson.name}: {ours['id']}"


def test_the_landing_page_lists_every_lesson_in_order():
    text = (folders().release / LANDING).read_text()
    links = [f"]({name}/{name}.ipynb)" for name in LESSONS]
    assert all(link in text for link in links)
    assert [text.index(link) for link in links] == sorted(text.index(link) for link in links)
    assert all(title(lesson.release) in text for lesson in LESSONS.values())


def validated(*parts: tuple[str, float, float, str]) -> str:
    return json.dumps({"parts": [dict(zip(["grade_id", "score", "points", "message"], p, strict=True)) for p in parts],
                       "summary": "1 of 2 parts pass the visible tests; 1 failed (2/4 points)."})


def test_the_validate_dialog_shows_the_summary_then_every_part_with_its_message():
    shown = dialog(1, validated(("a-tests", 2, 2, ""), ("b-tests", 0, 2, "x: yours is <1>, expected 2.")), "")
    (entry,) = shown["value"]["failed"]
    assert shown["success"] and entry["source"].startswith("1 of 2 parts pass")
    assert "✓ <b>a-tests</b> 2/2" in entry["error"]
    assert "✗ <b>b-tests</b> 0/2</span> x: yours is &lt;1&gt;" in entry["error"], "escaped, after its part"
    assert entry["error"].index("a-tests") < entry["error"].index("b-tests"), "in notebook order"


def test_the_validate_dialog_says_success_or_why_the_notebook_cannot_be_checked():
    assert dialog(0, validated(("a-tests", 2, 2, "")), "") == {"success": True, "value": {}}
    assert dialog(2, "", "cannot validate x.ipynb: not a notebook of this course\n") == {
        "success": False, "value": "cannot validate x.ipynb: not a notebook of this course"}
