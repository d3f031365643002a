"""`make release`: regenerate the student notebooks in notebooks/ from solutions/ with nbgrader,
and notebooks/START_HERE.md, the page `make lab` opens on."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from .lessons import RELEASE, lessons
from .nbgrader_cli import last_error, nbgrader


def release(lesson: str, release_dir: Path = RELEASE) -> None:
    """Write `release_dir/<lesson>/` exactly as nbgrader generate_assignment makes it."""
    result = nbgrader("generate_assignment", lesson, "--force", "--no-db",
                      f"--CourseDirectory.release_directory={release_dir}")
    if result.returncode != 0:
        raise SystemExit(f"release of {lesson} failed: {last_error(result)}")


LANDING = "START_HERE.md"


def title(notebook: Path) -> str:
    """A lesson's title: the first heading of its first markdown cell."""
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] == "markdown":
            return "".join(cell["source"]).splitlines()[0].lstrip("# ").strip()
    return notebook.stem


def start_here(release_dir: Path = RELEASE) -> None:
    """Write the landing page: where to begin, the lessons in order, and how the notebooks behave."""
    rows = [f"- [{title(release_dir / name / f'{name}.ipynb')}]({name}/{name}.ipynb)"
            for name in lessons()]
    (release_dir / LANDING).write_text(LANDING_TEXT.format(lessons="\n".join(rows)))


LANDING_TEXT = """# Start here

Welcome to **PyTorch Pitfalls**. Take the lessons in order, starting with lesson 00, which teaches
the four pictures every later lesson uses. Click a lesson to open it:

{lessons}

**Run a lesson top to bottom** with *Run → Run All Cells*. Cells that show an error on purpose, and
the exercises you have not done yet, do not stop it.

**Exercises.** Each one has an answer cell: replace `raise NotImplementedError()` with your code.
The test cell below it checks your answer and says what to fix. The **Validate** button in the
notebook's toolbar checks every part of the notebook at once. When your work is graded, hidden
tests run as well, so make your answer right, not just green.

**Errors** show their message first. To see every frame of the last error, run `%tb` in a new cell.

**Pictures.** Move an explorer's slider or menu and its picture follows. A saved notebook keeps
each picture; after reopening it, run the picture's cell again to move it.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--to", type=Path, default=RELEASE, help="release folder (default notebooks/)")
    args = parser.parse_args(argv)
    target = args.to.resolve()
    for name in lessons():
        shutil.rmtree(target / name, ignore_errors=True)  # a file dropped from solutions/ goes too
        release(name, target)
        print(f"released {name} -> {target / name}")
    start_here(target)
    print(f"wrote {target / LANDING}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
