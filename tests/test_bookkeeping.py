"""Grading's bookkeeping: the scratch gradebooks of the workers, and the class gradebook of the driver."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from autograde.nbgrader_cli import course_env
from pitfalls.course import ROOT


def test_a_workers_gradebook_does_not_wait_for_the_disk(tmp_path):
    """Only the worker's scratch copies are affected: the setting lives in the worker process."""
    code = ("import sqlalchemy, sys; from autograde.worker import scratch_gradebooks; scratch_gradebooks(); "
            "from nbgrader.api import Gradebook\n"
            "with Gradebook(f'sqlite:///{sys.argv[1]}') as gb:\n"
            "    print(gb.db.execute(sqlalchemy.text('PRAGMA synchronous')).scalar())")
    db = tmp_path / "gradebook.db"
    out = subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, env=course_env(), capture_output=True,
                         text=True, check=True)
    assert out.stdout.split()[-1] == "0"


def nbgraders_way(course, results: list[dict]) -> None:
    """The class gradebook as the driver wrote it before, through nbgrader's per-submission calls."""
    import warnings  # noqa: PLC0415

    from nbgrader.api import Gradebook  # noqa: PLC0415

    db = course / "gradebook.db"
    shutil.copy2(course / "template.db", db)
    with warnings.catch_warnings(), Gradebook(f"sqlite:///{db}") as gb:
        warnings.simplefilter("ignore")
        for result in results:
            if not result["parts"]:
                continue
            gb.update_or_create_student(result["student_id"])
            gb.update_or_create_submission(result["lesson"], result["student_id"])
            for part, score in result["parts"].items():
                grade = gb.find_grade(part, result["lesson"], result["lesson"], result["student_id"])
                grade.auto_score = score
                grade.needs_manual_grade = False
        gb.db.commit()


def exported_through_the_orm(self, gradebook) -> None:
    """PartsExporter.export as it was: nbgrader's objects, one submission at a time."""
    from pathlib import Path  # noqa: PLC0415

    from autograde.export import fmt, write_csv  # noqa: PLC0415
    from pitfalls.course import lessons  # noqa: PLC0415

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


def contents(db) -> list[tuple]:
    """Every row of the gradebook's submission tables, by names rather than the random ids nbgrader gives."""
    import sqlite3  # noqa: PLC0415

    query = """
        SELECT 'grade', st.id, a.name, n.name, c.name, g.auto_score, g.manual_score, g.extra_credit,
               g.needs_manual_grade, sn.flagged, sn.late_submission_penalty, sa.timestamp, sa.extension
        FROM grade g JOIN submitted_notebook sn ON g.notebook_id = sn.id
        JOIN submitted_assignment sa ON sn.assignment_id = sa.id JOIN student st ON sa.student_id = st.id
        JOIN assignment a ON sa.assignment_id = a.id JOIN notebook n ON sn.notebook_id = n.id
        JOIN base_cell c ON g.cell_id = c.id
        UNION ALL
        SELECT 'comment', st.id, a.name, n.name, c.name, cm.auto_comment, cm.manual_comment, NULL, NULL, NULL,
               NULL, NULL, NULL
        FROM comment cm JOIN submitted_notebook sn ON cm.notebook_id = sn.id
        JOIN submitted_assignment sa ON sn.assignment_id = sa.id JOIN student st ON sa.student_id = st.id
        JOIN assignment a ON sa.assignment_id = a.id JOIN notebook n ON sn.notebook_id = n.id
        JOIN base_cell c ON cm.cell_id = c.id
        UNION ALL
        SELECT 'student', id, first_name, last_name, email, lms_user_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM student"""
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute(query).fetchall(), key=repr)


def synthetic_results(students: int) -> list[dict]:
    """Results as the workers store them: every lesson, scores of every kind, and rows never graded."""
    from pitfalls.course import lessons  # noqa: PLC0415

    found = []
    for i in range(students):
        for j, lesson in enumerate(lessons().values()):
            points = lesson.points
            parts = {part: [0.0, top / 3, top][(i + j + k) % 3] for k, (part, top) in enumerate(points.items())}
            graded = (i + j) % 7 != 3
            found.append({"student": f"Student {i}", "student_id": f"student-{i}", "lesson": lesson.name,
                          "status": "graded" if graded else "not graded: the grader failed on it (X)",
                          "parts": parts if graded else {}, "findings": []})
    return found


def test_the_class_gradebook_and_grades_csv_are_what_nbgraders_own_calls_gave(tmp_path):
    """The bulk gradebook holds the same rows as nbgrader's per-submission calls made, and the exporter (now
    reading plain rows in a few queries) writes the grades.csv it wrote through nbgrader's objects, from either."""
    from nbgrader.api import Gradebook  # noqa: PLC0415

    from autograde.export import PartsExporter, class_gradebook  # noqa: PLC0415
    from autograde.roster import row  # noqa: PLC0415
    from autograde.sandbox import prepare  # noqa: PLC0415
    from pitfalls.course import lessons  # noqa: PLC0415

    course, _ = prepare(tmp_path, list(lessons().values()))
    results = synthetic_results(4)
    statuses = tmp_path / "statuses.json"
    statuses.write_text(json.dumps([{**row(r["student"], r["lesson"], r["status"]), "student_id": r["student_id"]}
                                    for r in results]))
    made = {}
    for name, fill in (("nbgrader", nbgraders_way), ("bulk", class_gradebook)):
        fill(course, results)
        made[name] = contents(course / "gradebook.db")
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            PartsExporter(statuses=str(statuses), to=str(tmp_path / f"{name}.csv")).export(gb)
            exported_through_the_orm(PartsExporter(statuses=str(statuses), to=str(tmp_path / f"{name}-orm.csv")), gb)
    assert made["bulk"] == made["nbgrader"]
    assert len(made["bulk"]) > 100
    csv = {path.name: path.read_text() for path in tmp_path.glob("*.csv")}
    assert len(csv) == 4 and len(set(csv.values())) == 1, "every way gives the same grades.csv"
    assert csv["bulk.csv"].count("\n") == len(results) + 1


def test_the_summary_of_a_large_class_gives_counts_not_every_row(tmp_path, capsys):
    from autograde.export import write_csv  # noqa: PLC0415
    from autograde.grade import TABLE_ROWS, summary  # noqa: PLC0415

    n = TABLE_ROWS + 1
    rows = [{"student": f"s{i:04d}", "lesson": "01_leaf_tensors", "status": "graded" if i % 10 else "not graded: x",
             "score": "9", "max_score": "9", "leaf-1-tests": "2"} for i in range(n)]
    write_csv(rows, tmp_path / "grades.csv")
    summary(tmp_path / "grades.csv", {r["student"] for r in rows}, 3)
    printed = capsys.readouterr().out
    assert len(printed.splitlines()) < 20
    assert f"{n} rows: the grade table is in" in printed
    failed = sum(1 for i in range(n) if i % 10 == 0)
    assert f"{n - failed} graded, {failed} not graded, 3 flagged for review" in printed
    assert "leaf-1-tests" in printed  # per-part averages are still shown


def test_a_worker_opens_its_slots_gradebook_with_one_engine_and_reads_each_new_copy(tmp_path):
    """nbgrader makes an engine for every open; the worker keeps one per path, so SQLAlchemy's compiled
    queries are reused. The slot's gradebook is replaced by a fresh copy for each submission: every open
    must read the file as it is now, not a connection kept to the one before."""
    code = ("import shutil, sys, warnings; warnings.simplefilter('ignore')\n"
            "from autograde.worker import scratch_gradebooks; scratch_gradebooks()\n"
            "from nbgrader.api import Gradebook\n"
            "db, url = sys.argv[1], f'sqlite:///{sys.argv[1]}'\n"
            "with Gradebook(url) as gb:\n"
            "    gb.add_student('first'); engine = gb.engine\n"
            "shutil.copy2(sys.argv[2], db)\n"
            "with Gradebook(url) as gb:\n"
            "    print(gb.engine is engine, [s.id for s in gb.students])\n"
            "    gb.add_student('second')\n"
            "with Gradebook(url) as gb:\n"
            "    print(len(engine._compiled_cache) > 0, [s.id for s in gb.students])")
    empty = tmp_path / "empty.db"
    subprocess.run([sys.executable, "-c", "from nbgrader.api import Gradebook\n"
                    f"Gradebook('sqlite:///{empty}').close()"], cwd=ROOT, env=course_env(), check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "gradebook.db"), str(empty)], cwd=ROOT,
                         env=course_env(), capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["True []", "True ['second']"]
