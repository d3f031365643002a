"""How a class's work arrives, graded end to end: nbgrader's exchange, and an LMS download with real names."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from autograde.nbgrader_cli import last_error, nbgrader
from autograde.submissions import solved
from pitfalls.course import ROOT, lessons

pytestmark = pytest.mark.slow

LESSON = list(lessons().values())[1]


def grade(submissions: Path, out: Path) -> dict[str, dict]:
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out),
                             "--jobs", "1"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with (out / "grades.csv").open() as f:
        return {row["student"]: row for row in csv.DictReader(f)}


AS_USER = """import sys, nbgrader.utils
account = sys.argv.pop(1)
nbgrader.utils.get_osusername = lambda: account  # the one OS account here stands for each learner
from nbgrader.apps.nbgraderapp import main
sys.argv[0] = "nbgrader"
main()
"""


def as_student(name: str, home: Path, *args: str) -> None:
    """A learner's own nbgrader command, in their home folder, with no course config of theirs, as the
    account `name` (nbgrader's exchange names a submission after the OS account that made it)."""
    home.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([sys.executable, "-c", AS_USER, name, *args], cwd=home,
                            env={**os.environ, "HOME": str(home)}, capture_output=True, text=True)
    assert result.returncode == 0, last_error(result)


def test_an_exchange_round_trip_is_graded(tmp_path):
    exchange, instructor = tmp_path / "exchange", tmp_path / "instructor"
    exchange.mkdir(mode=0o777)
    instructor.mkdir()
    where = [f"--Exchange.root={exchange}", f"--CourseDirectory.release_directory={LESSON.release.parent.parent}"]
    released = nbgrader("release_assignment", LESSON.name, *where, root=instructor)
    assert released.returncode == 0, last_error(released)
    for name, answer in (("ada", solved(LESSON)), ("ben", None)):
        home = tmp_path / "home" / name
        as_student(name, home, "fetch_assignment", LESSON.name, "--course=pytorch-pitfalls",
                   f"--Exchange.root={exchange}")
        if answer:
            (home / LESSON.name / f"{LESSON.name}.ipynb").write_text(json.dumps(answer))
        as_student(name, home, "submit", LESSON.name, "--course=pytorch-pitfalls", f"--Exchange.root={exchange}")
    collected = nbgrader("collect", LESSON.name, *where, root=instructor)
    assert collected.returncode == 0, last_error(collected)
    rows = grade(instructor / "submitted", tmp_path / "out")
    assert (rows["ada"]["score"], rows["ben"]["score"]) == (f"{LESSON.max_score:g}", "0")


def test_an_lms_download_with_real_names_is_graded_under_those_names(tmp_path):
    download = tmp_path / "download.zip"
    with zipfile.ZipFile(download, "w") as z:
        z.writestr(f"José Núñez_101_assignsubmission_file_{LESSON.name}.ipynb", json.dumps(solved(LESSON)))
        z.writestr(f"o'brien_102_assignsubmission_file_{LESSON.name}.ipynb", LESSON.release.read_bytes())
    out = tmp_path / "out"
    rows = grade(download, out)
    assert rows["José Núñez"]["score"] == f"{LESSON.max_score:g}" and rows["o'brien"]["score"] == "0"
    for name in ("José Núñez", "o'brien"):
        assert (out / "feedback" / name / LESSON.name / f"{LESSON.name}.html").is_file()
