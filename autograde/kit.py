"""`make student-kit`: what a learner or an LMS gets, built from the release, with no solution in it.

build/student-kit/ holds the released notebooks, the helper package, the pinned requirements, the
course registry, and a Makefile and README of its own (`make lab`, `make test` for a self-check of
the install, `make validate`); build/student-kit/zips/<lesson>.zip is one lesson for an LMS upload.
Nothing is taken from solutions/: the notebooks are nbgrader's release (`make release`), as committed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

from pitfalls.course import NBGRADER_CONFIG, REGISTRY, ROOT, folders, lessons

from . import readme

DEFAULT = ROOT / "build" / "student-kit"
FROM_REPO = ["requirements.txt", "pyproject.toml", REGISTRY.name, NBGRADER_CONFIG.name, "lab/student_config.py",
             "lab/student/overrides.json", "lab/student/page_config.json"]  # make lab: the learner's JupyterLab
FROM_KIT = ["Makefile", "README.md"]  # the kit's own, in kit/
JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")


def build(dest: Path) -> Path:
    """A fresh kit at `dest`: released notebooks, helpers, requirements, the kit's Makefile and README."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(folders().release, dest / folders().release.name, ignore=JUNK)
    shutil.copytree(ROOT / "pitfalls", dest / "pitfalls", ignore=JUNK)
    for name in FROM_REPO:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    for name in FROM_KIT:
        shutil.copy2(ROOT / "kit" / name, dest / name)
    readme.update(dest / "README.md", "lessons", readme.lesson_table())
    for name in lessons():
        lesson_zip(dest / folders().release.name / name, dest / "zips" / f"{name}.zip")
    return dest


def lesson_zip(folder: Path, dest: Path) -> None:
    """One lesson's released folder as a zip, the way an LMS takes an upload."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            z.write(path, Path(folder.name) / path.relative_to(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT, help="where the kit goes (default build/student-kit)")
    args = parser.parse_args(argv)
    dest = build(args.out.resolve())
    print(f"student kit -> {dest} ({len(lessons())} lessons; zips in {dest / 'zips'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
