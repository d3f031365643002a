"""The class gradebook, filled from the results, and an nbgrader export plugin: one CSV row per student
and lesson, one column per graded part.

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
import shutil
import warnings
from pathlib import Path

from nbgrader.api import BaseCell, Comment, Grade, Gradebook, Student, SubmittedAssignment, SubmittedNotebook, new_uuid
from nbgrader.plugins import ExportPlugin
from sqlalchemy import func, insert
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


def class_gradebook(course: Path, results: list[dict]) -> None:
    """Rebuild the class gradebook (course/gradebook.db) from the stored results; the driver is its only writer.

    Each graded submission gets what nbgrader's `add_submission` makes (a submitted notebook per notebook,
    a grade per grade and task cell, a comment per solution and task cell), with each part's score as
    its auto score and no manual grade needed. Written in bulk, in one transaction: through nbgrader's
    per-submission calls, each committed on its own, it cost 11 to 110 ms a submission, linear in the class.
    """
    db = course / "gradebook.db"
    shutil.copy2(course / "template.db", db)
    with warnings.catch_warnings(), Gradebook(f"sqlite:///{db}") as gb:
        warnings.simplefilter("ignore")  # SQLAlchemy's notes from inside nbgrader
        lessons_in = {a.name: a for a in gb.assignments}
        students, submissions, notebooks, grades, comments = {}, [], [], [], []
        for result in results:
            if not result["parts"]:
                continue
            student, assignment = result["student_id"], lessons_in[result["lesson"]]
            students[student] = {"id": student}
            submission = {"id": new_uuid(), "assignment_id": assignment.id, "student_id": student}
            submissions.append(submission)
            scores = dict(result["parts"])
            for notebook in assignment.notebooks:
                nb = {"id": new_uuid(), "assignment_id": submission["id"], "notebook_id": notebook.id, "flagged": False}
                notebooks.append(nb)
                for cell in [*notebook.grade_cells, *notebook.task_cells]:
                    grade = {"id": new_uuid(), "notebook_id": nb["id"], "cell_id": cell.id, "auto_score": None,
                             "needs_manual_grade": True}
                    if notebook.name == result["lesson"] and cell.name in scores:
                        grade.update(auto_score=scores.pop(cell.name), needs_manual_grade=False)
                    grades.append(grade)
                comments += [{"id": new_uuid(), "notebook_id": nb["id"], "cell_id": cell.id}
                             for cell in [*notebook.solution_cells, *notebook.task_cells]]
            if scores:
                raise KeyError(f"{result['lesson']} has no graded cells {sorted(scores)}")
        for model, rows in ((Student, list(students.values())), (SubmittedAssignment, submissions),
                            (SubmittedNotebook, notebooks), (Grade, grades), (Comment, comments)):
            if rows:
                gb.db.execute(insert(model), rows)
        gb.db.commit()


def fmt(x: float) -> str:
    return f"{x:g}"


def submission_scores(gradebook) -> dict[str, float]:
    """Each submission's score as nbgrader defines it (SubmittedAssignment.score: the sum of its grades'
    scores), in one grouped query: nbgrader's own column asks once per submission, with no index to use."""
    query = (gradebook.db.query(SubmittedNotebook.assignment_id, func.coalesce(func.sum(Grade.score), 0.0))
             .join(Grade, Grade.notebook_id == SubmittedNotebook.id).group_by(SubmittedNotebook.assignment_id))
    return dict(query.all())


class PartsExporter(ExportPlugin):
    statuses = Unicode("", help="JSON file of {student, student_id, lesson, status} rows, one per submission"
                       ).tag(config=True)

    def export(self, gradebook) -> None:
        known = lessons()
        rows_in = json.loads(Path(self.statuses).read_text()) if self.statuses else []
        by_id = {(r.get("student_id", r["student"]), r["lesson"]): r for r in rows_in}
        rows, seen = [], set()
        scores = submission_scores(gradebook)
        lesson_of = {assignment.id: assignment for assignment in gradebook.assignments}
        grades = (gradebook.db.query(SubmittedAssignment.id, BaseCell.name, Grade.score, Grade.needs_manual_grade)
                  .join(SubmittedNotebook, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
                  .join(Grade, Grade.notebook_id == SubmittedNotebook.id).join(BaseCell, Grade.cell_id == BaseCell.id))
        by_submission: dict[str, list] = {}
        for submission_id, *grade in grades:  # plain rows in one query, not three ORM objects per grade
            by_submission.setdefault(submission_id, []).append(grade)
        for submission_id, student_id, assignment_id in gradebook.db.query(
                SubmittedAssignment.id, SubmittedAssignment.student_id, SubmittedAssignment.assignment_id):
            assignment = lesson_of[assignment_id]
            key = (student_id, assignment.name)
            seen.add(key)
            given = by_id.get(key, {"student": key[0], "status": "graded"})
            row = {"student": given["student"], "lesson": key[1], "status": given["status"]}
            for name, score, needs_manual_grade in by_submission.get(submission_id, []):
                row[name] = fmt(score)
                if needs_manual_grade:
                    row["status"] = "needs manual grade"
            row["score"] = fmt(scores.get(submission_id, 0.0))
            row["max_score"] = fmt(assignment.max_score)
            rows.append(row)
        for key, given in by_id.items():
            if key not in seen:
                top = known[given["lesson"]].max_score if given["lesson"] in known else 0
                rows.append({"student": given["student"], "lesson": given["lesson"], "status": given["status"],
                             "score": "0", "max_score": fmt(top)})
        write_csv(rows, Path(self.to or "grades.csv"))
        self.log.info("Exported %d rows to %s", len(rows), self.to)
