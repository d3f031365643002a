"""An nbgrader export plugin: one CSV row per student and lesson, one column per graded part.

Used as `nbgrader export --exporter=autograde.export.PartsExporter`. The grading driver passes
every submission's status in a JSON file: a submission in the gradebook gets its scores and that
status, under the student's own spelling (the gradebook knows only the safe id nbgrader needed);
one that never reached the gradebook (unreadable, wrong lesson, a worker that failed) gets a zero
row that says why.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from nbgrader.plugins import ExportPlugin
from traitlets import Unicode

from pitfalls.course import lessons

from .store import write_atomic

FIXED = ["student", "lesson", "status", "score", "max_score"]


def columns() -> list[str]:
    """The fixed columns, then every lesson's graded parts in course order."""
    parts = [part for lesson in lessons().values() for part in lesson.points]
    return FIXED + list(dict.fromkeys(parts))


def write_csv(rows: list[dict], dest: Path) -> None:
    """Written atomically: a crash mid-write never leaves a half table where a whole one was."""
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=columns(), restval="")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: (r["student"], r["lesson"])))
    write_atomic(dest, text.getvalue())


def fmt(x: float) -> str:
    return f"{x:g}"


class PartsExporter(ExportPlugin):
    statuses = Unicode("", help="JSON file of {student, student_id, lesson, status} rows, one per submission"
                       ).tag(config=True)

    def export(self, gradebook) -> None:
        known = lessons()
        rows_in = json.loads(Path(self.statuses).read_text()) if self.statuses else []
        by_id = {(r.get("student_id", r["student"]), r["lesson"]): r for r in rows_in}
        rows, seen = [], set()
        for assignment in gradebook.assignments:
            for submission in assignment.submissions:
                key = (submission.student.id, assignment.name)
                seen.add(key)
                given = by_id.get(key, {"student": key[0], "status": "graded"})
                row = {"student": given["student"], "lesson": key[1], "status": given["status"]}
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        row[grade.name] = fmt(grade.score)
                        if grade.needs_manual_grade:
                            row["status"] = "needs manual grade"
                row["score"] = fmt(submission.score)
                row["max_score"] = fmt(submission.max_score)
                rows.append(row)
        for key, given in by_id.items():
            if key not in seen:
                top = known[given["lesson"]].max_score if given["lesson"] in known else 0
                rows.append({"student": given["student"], "lesson": given["lesson"], "status": given["status"],
                             "score": "0", "max_score": fmt(top)})
        write_csv(rows, Path(self.to or "grades.csv"))
        self.log.info("Exported %d rows to %s", len(rows), self.to)
