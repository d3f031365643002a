"""autograde.rebuild: only answer cells come from a submission; every other change is reported."""

from __future__ import annotations

import copy
import json

from autograde.rebuild import grade_id, rebuild, text
from autograde.submissions import answer_cells, solved
from pitfalls.course import lessons

LESSON = lessons()["01_leaf_tensors"]


def release() -> dict:
    return json.loads(LESSON.release.read_text())


def test_an_honest_submission_is_graded_as_submitted_with_no_findings():
    nb = solved(LESSON)
    graded, findings = rebuild(nb, release())
    assert findings == []
    assert {g: text(c) for g, c in answer_cells(graded).items()} == {g: text(c) for g, c in answer_cells(nb).items()}


def test_an_edited_test_cell_is_put_back_and_reported():
    nb = solved(LESSON)
    test = next(c for c in nb["cells"] if grade_id(c) == "leaf-2-tests")
    test["source"] = "pass  # trust me\n"
    graded, findings = rebuild(nb, release())
    restored = next(c for c in graded["cells"] if grade_id(c) == "leaf-2-tests")
    assert text(restored) == text(next(c for c in release()["cells"] if grade_id(c) == "leaf-2-tests"))
    assert findings == [("test cell leaf-2-tests differs from the release", "pass  # trust me")]


def test_deleted_duplicated_and_retagged_cells_are_each_reported():
    nb = solved(LESSON)
    cells = nb["cells"]
    cells.remove(next(c for c in cells if grade_id(c) == "leaf-4-tests"))
    cells.append(copy.deepcopy(next(c for c in cells if grade_id(c) == "leaf-1-tests")))
    next(c for c in cells if grade_id(c) == "leaf-2-tests")["metadata"]["nbgrader"]["points"] = 99
    graded, findings = rebuild(nb, release())
    assert {f for f, _ in findings} == {"test cell leaf-4-tests deleted or its metadata removed",
                                        "cell leaf-1-tests duplicated",
                                        "test cell leaf-2-tests metadata changed"}
    assert [c["metadata"] for c in graded["cells"]] == [c["metadata"] for c in release()["cells"]]


def test_a_missing_answer_cell_leaves_the_release_stub():
    nb = solved(LESSON)
    nb["cells"] = [c for c in nb["cells"] if grade_id(c) != "leaf-2"]
    graded, _ = rebuild(nb, release())
    assert "NotImplementedError" in text(answer_cells(graded)["leaf-2"])
