"""autograde.roster: any name that can be a folder is a student, and an LMS download becomes a class."""

from __future__ import annotations

import json
import zipfile

from autograde.roster import NBGRADER_ID, collect, lms_pattern, safe_id, unpack_lms
from pitfalls.course import lessons

LESSONS = lessons()
FIRST = next(iter(LESSONS.values()))


def test_a_plain_name_is_its_own_id_and_any_other_gets_a_safe_distinct_one():
    assert safe_id("ada") == "ada"
    ids = [safe_id(n) for n in ("José Núñez", "Jose Nunez", "o'brien", "李雷", "Zoë van der Berg")]
    assert all(NBGRADER_ID.match(i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert ids[0].startswith("jose-nunez-") and ids[3].startswith("student-")


def test_students_keep_their_own_spelling(tmp_path):
    for name in ("José Núñez", "o'brien", ".hidden"):
        folder = tmp_path / name / FIRST.name
        folder.mkdir(parents=True)
        (folder / f"{FIRST.name}.ipynb").write_bytes(FIRST.release.read_bytes())
    jobs, rejected = collect(tmp_path, LESSONS)
    assert sorted(j.student for j in jobs) == ["José Núñez", "o'brien"] and rejected == []


def lms_zip(path, files: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def test_an_lms_download_is_laid_out_as_a_class_folder(tmp_path):
    notebook = FIRST.release.read_bytes()
    archive = lms_zip(tmp_path / "download.zip", {
        f"José Núñez_1234_assignsubmission_file_{FIRST.name}.ipynb": notebook,           # Moodle
        f"obrien_55_66_{FIRST.name}-1.ipynb": notebook,                                  # Canvas, a re-upload
        "readme.txt": b"not a submission",
    })
    skipped = unpack_lms(archive, tmp_path / "class", LESSONS)
    assert skipped == ["readme.txt"]
    laid_out = sorted(p.relative_to(tmp_path / "class").as_posix() for p in (tmp_path / "class").rglob("*.ipynb"))
    assert laid_out == [f"José Núñez/{FIRST.name}/{FIRST.name}.ipynb", f"obrien/{FIRST.name}/{FIRST.name}.ipynb"]
    assert json.loads((tmp_path / "class" / "obrien" / FIRST.name / f"{FIRST.name}.ipynb").read_bytes())


def test_the_lms_pattern_knows_every_lesson_and_no_other():
    import re

    pattern = re.compile(lms_pattern(LESSONS))
    for name in LESSONS:
        assert pattern.match(f"a b_1_{name}.ipynb")["file_id"] == name
    assert not pattern.match("a b_1_99_not_a_lesson.ipynb")
