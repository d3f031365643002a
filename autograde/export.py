"""An nbgrader export plugin: one CSV row per student and lesson, one column per graded part.

Used as `nbgrader export --exporter=autograde.export.PartsExporter`. The grading driver passes
every submission's status in a JSON file: a submission in the gradebook gets its scores and that
status; one that never reached the gradebook (unreadable, wrong lesson, a worker that failed)
gets a zero row that says why.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from nbgrader.plugins import ExportPlugin
from traitlets import Unicode

from .lessons import lessons

FIXED = ["student", "lesson", "status", "score", "max_score"]


def columns() -> list[str]:
    """The fixed columns, then every lesson's parts in course order."""
    parts = [part for lesson in lessons().values() for part in lesson.parts]
    return FIXED + list(dict.fromkeys(parts))


def write_csv(rows: list[dict], dest: Path) -> None:
    """Write atomically: a crash mid-write never leaves a half table where a whole one was."""
    tmp = dest.with_name(dest.name + ".tmp")
    with tmp.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns(), restval="")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: (r["student"], r["lesson"])))
    os.replace(tmp, dest)


def fmt(x: float) -> str:
    return f"{x:g}"


class PartsExporter(ExportPlugin):
    statuses = Unicode("", help="JSON file of {student, lesson, status} rows, one per submission").tag(config=True)

    def export(self, gradebook) -> None:
        known = lessons()
        statuses = {}
        if self.statuses and Path(self.statuses).exists():
            for row in json.loads(Path(self.statuses).read_text()):
                statuses[(row["student"], row["lesson"])] = row["status"]
        rows, seen = [], set()
        for assignment in gradebook.assignments:
            for submission in assignment.submissions:
                key = (submission.student.id, assignment.name)
                seen.add(key)
                row = {"student": key[0], "lesson": key[1], "status": statuses.get(key, "graded")}
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        row[grade.name] = fmt(grade.score)
                        if grade.needs_manual_grade:
                            row["status"] = "needs manual grade"
                row["score"] = fmt(submission.score)
                row["max_score"] = fmt(submission.max_score)
                rows.append(row)
        for (student, lesson), status in statuses.items():
            if (student, lesson) not in seen:
                top = known[lesson].max_score if lesson in known else 0
                rows.append({"student": student, "lesson": lesson, "status": status,
                             "score": "0", "max_score": fmt(top)})
        write_csv(rows, Path(self.to or "grades.csv"))
        self.log.info("Exported %d rows to %s", len(rows), self.to)
