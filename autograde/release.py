"""`make release`: regenerate the student notebooks in notebooks/ from solutions/ with nbgrader."""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--to", type=Path, default=RELEASE, help="release folder (default notebooks/)")
    args = parser.parse_args(argv)
    target = args.to.resolve()
    for name in lessons():
        shutil.rmtree(target / name, ignore_errors=True)  # a file dropped from solutions/ goes too
        release(name, target)
        print(f"released {name} -> {target / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
