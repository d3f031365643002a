"""Who handed in what: a class folder, or an LMS download, turned into one grading job per submission.

Students keep their own spelling everywhere a person reads it (grades.csv, feedback folders, the
summary); nbgrader, which wants a plain identifier, gets a safe id made from the name.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin

from pitfalls.course import Lesson
from pitfalls.screen import problem

NBGRADER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")  # a name nbgrader can use as it is


def safe_id(name: str) -> str:
    """The name itself when nbgrader can use it; else an ASCII spelling plus a short hash of the
    real name, so "José Núñez" and "Jose Nunez" never share an id."""
    if NBGRADER_ID.match(name):
        return name
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower() or "student"
    return f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"


@dataclass(frozen=True)
class Job:
    student: str  # as the class folder or the LMS spells it
    lesson: str
    path: Path
    note: str = ""  # said in the status, e.g. a notebook saved under another name

    @property
    def key(self) -> str:
        return f"{self.student}/{self.lesson}"

    @property
    def student_id(self) -> str:
        return safe_id(self.student)


def row(student: str, lesson: str, status: str) -> dict:
    return {"student": student, "lesson": lesson, "status": status}


def usable(name: str) -> bool:
    """A folder name that can be a student: not hidden, not a control character in sight."""
    return bool(name.strip()) and not name.startswith(".") and name.isprintable()


def collect(submissions: Path, known: dict[str, Lesson]) -> tuple[list[Job], list[dict]]:
    """Split the class folder into gradable jobs and rows that say why a folder cannot be graded."""
    jobs, rejected = [], []
    for student_dir in sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith(".")):
        student = student_dir.name
        for lesson_dir in sorted(p for p in student_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
            lesson = lesson_dir.name
            if not usable(student):
                rejected.append(row(student, lesson, "not graded: unusable student folder name"))
            elif lesson not in known:
                rejected.append(row(student, lesson, "not graded: no such lesson in this course"))
            else:
                path, note = find_notebook(lesson_dir)
                if why := problem(path, known[lesson]):
                    rejected.append(row(student, lesson, f"not graded: {why}"))
                else:
                    jobs.append(Job(student, lesson, path, note))
    clashes = {}
    for job in jobs:
        clashes.setdefault(job.student_id, set()).add(job.student)
    if any(len(names) > 1 for names in clashes.values()):
        raise SystemExit(f"two student folders map to one id: {[sorted(n) for n in clashes.values() if len(n) > 1]}")
    return jobs, rejected


def find_notebook(lesson_dir: Path) -> tuple[Path, str]:
    """LESSON.ipynb, or the only notebook in the folder when it was saved under another name."""
    expected = lesson_dir / f"{lesson_dir.name}.ipynb"
    others = [p for p in lesson_dir.glob("*.ipynb") if p != expected]
    if not expected.exists() and len(others) == 1:
        return others[0], f"the notebook was named {others[0].name}"
    return expected, ""


def lms_pattern(known: dict[str, Lesson]) -> str:
    """nbgrader zip_collect's named_regexp for an LMS download: `<student name>_<anything>_<lesson>.ipynb`
    (Moodle: `José Núñez_1234_assignsubmission_file_01_leaf_tensors.ipynb`; Canvas:
    `nunezjose_1234_5678_01_leaf_tensors.ipynb`), a copy number such as `-1` or ` (2)` allowed."""
    names = "|".join(map(re.escape, known))
    return (rf"^(?:.*/)?(?P<student_id>[^/_]+)_(?:[^/]*_)?(?P<file_id>{names})"
            r"(?:[ _-]?\(?\d+\)?)?\.ipynb$")


def unpack_lms(archive: Path, into: Path, known: dict[str, Lesson], pattern: str | None = None) -> list[str]:
    """Lay out an LMS download (a zip, or a folder of files) as <into>/<student>/<lesson>/<lesson>.ipynb,
    with nbgrader's own extractor and file-name collector; the names of files that matched nothing."""
    collector = FileNameCollectorPlugin(named_regexp=pattern or lms_pattern(known))
    with tempfile.TemporaryDirectory() as scratch:
        archives, extracted = Path(scratch) / "archives", Path(scratch) / "extracted"
        archives.mkdir()
        if archive.is_dir():
            shutil.copytree(archive, archives, dirs_exist_ok=True)
        else:
            shutil.copy2(archive, archives / archive.name)
        ExtractorPlugin().extract(str(archives), str(extracted))
        skipped = []
        for path in sorted(p for p in extracted.rglob("*") if p.is_file()):
            info = collector.collect(str(path))
            if not info:
                skipped.append(path.name)
                continue
            lesson = Path(info["file_id"]).stem
            dest = into / info["student_id"].strip() / lesson / f"{lesson}.ipynb"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
        return skipped
