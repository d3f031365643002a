"""Every lesson notebook: runs top to bottom, matches its release, and is stored clean."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from autograde.release import LANDING, landing_page, release
from pitfalls.course import ROOT, folders
from tests.conftest import LESSONS


def lesson_files(root: Path, pattern: str = "*") -> list[Path]:
    """Files under root that belong to the course, not JupyterLab's .ipynb_checkpoints copies."""
    return sorted(p for p in root.rglob(pattern) if p.is_file() and ".ipynb_checkpoints" not in p.parts)


SOLUTIONS, RELEASE = folders().source, folders().release
STORED = lesson_files(SOLUTIONS, "*.ipynb") + lesson_files(RELEASE, "*.ipynb")


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_notebook_runs_top_to_bottom(graded, lesson):
    """Errors are allowed only in cells the author tagged raises-exception in the source, and those must
    really raise (the release tags every answer and test cell as well, so that a learner's Run All carries
    on past exercises not done yet). Read from the solved submission as the grading run executed it: the
    release with the solutions put in, every cell run top to bottom in a real kernel, hidden tests included."""
    tagged = {cell.id: "raises-exception" in cell.metadata.get("tags", [])
              for cell in nbformat.read(LESSONS[lesson].source, as_version=4).cells}
    nb = nbformat.read(graded.out / "autograded" / "solved" / lesson / f"{lesson}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        raised = any(o.output_type == "error" for o in cell.outputs)
        assert raised == tagged[cell.id], cell.source[:200]


def test_release_matches_what_nbgrader_writes(tmp_path):
    release(list(LESSONS.values()), tmp_path)
    written = {p.relative_to(tmp_path): p.read_bytes() for p in lesson_files(tmp_path)}
    stored = {p.relative_to(RELEASE): p.read_bytes() for name in LESSONS for p in lesson_files(RELEASE / name)}
    assert written.keys() == stored.keys(), "run `make release`"
    for path in written:
        assert written[path] == stored[path], f"notebooks/{path} differs from a fresh release: run `make release`"


def test_the_landing_page_is_what_make_release_writes():
    assert (RELEASE / LANDING).read_text() == landing_page(RELEASE), "run `make release`"


@pytest.mark.parametrize("path", STORED, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_clean(path: Path):
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        assert not cell.get("outputs"), f"{cell.get('id')}: stored outputs"
        assert cell.get("execution_count") is None, f"{cell.get('id')}: stored execution count"
    assert "widgets" not in nb["metadata"], "stored widget state"


def test_every_lesson_has_a_release_and_a_catalogue():
    from autograde.submissions import CATALOGUE

    for name, lesson in LESSONS.items():
        assert lesson.release.is_file(), f"{name}: run `make release`"
        assert (CATALOGUE / name).is_dir(), f"{name}: add tests/wrong_answers/{name}/"
