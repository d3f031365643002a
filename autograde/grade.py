"""`make autograde`: grade a class folder in parallel with nbgrader; grades, feedback, integrity report.

Layout in:  SUBMISSIONS/<student>/<lesson>/<lesson>.ipynb (never modified)
Written to: OUT/grades.csv, OUT/integrity.csv, OUT/feedback/<student>/<lesson>/<lesson>.html,
            OUT/results/ (one JSON per graded submission), OUT/course/ and OUT/work/ (nbgrader's files).

Each submission is graded by its own worker process in a sandbox course with its own gradebook
(see worker.py), so workers never share a sqlite file; only this process writes the class
gradebook, from the results, before nbgrader exports the grade table. A result is written
atomically once its submission is fully graded, so a run that is killed loses only the work in
flight, and the next run picks up where it stopped. Already graded submissions are skipped unless
--regrade is given or the submission changed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import queue
import resource
import select
import shutil
import signal
import subprocess
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from tqdm import tqdm

from .export import FIXED
from .integrity import scan
from .kernels import die_with_parent, libc
from .lessons import REPO, SOLUTIONS, Lesson, lessons
from .nbgrader_cli import CONFIG_DIR, bin_on_path, course_env, last_error, nbgrader
from .rebuild import grade_id, is_answer, rebuild, text
from .screen import STUDENT_ID, problem, read_notebook
from .worker import course_settings

SAMPLE_CLASS = REPO / "autograde" / "sample_class"
DEFAULT_OUT = REPO / "build" / "grading"


@dataclass(frozen=True)
class Job:
    student: str
    lesson: str
    path: Path
    note: str = ""  # said in the status, e.g. a notebook saved under another name

    @property
    def key(self) -> str:
        return f"{self.student}/{self.lesson}"


@dataclass(frozen=True)
class Limits:
    jobs: int
    cell_timeout: int  # seconds per cell (then the cell is interrupted and the next one runs)
    notebook_timeout: int  # seconds per notebook (then its remaining cells are not run)
    memory_gib: float  # address space of each worker and its kernel


def collect(submissions: Path, known: dict[str, Lesson]) -> tuple[list[Job], list[dict]]:
    """Split the class folder into gradable jobs and rows that say why a folder cannot be graded."""
    jobs, rejected = [], []
    for student_dir in sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith(".")):
        student = student_dir.name
        for lesson_dir in sorted(p for p in student_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
            lesson = lesson_dir.name
            if not STUDENT_ID.match(student):
                rejected.append(row(student, lesson, "not graded: unusable student folder name"))
            elif lesson not in known:
                rejected.append(row(student, lesson, "not graded: no such lesson in this course"))
            else:
                path, note = find_notebook(lesson_dir)
                if why := problem(path, known[lesson]):
                    rejected.append(row(student, lesson, f"not graded: {why}"))
                else:
                    jobs.append(Job(student, lesson, path, note))
    return jobs, rejected


def find_notebook(lesson_dir: Path) -> tuple[Path, str]:
    """LESSON.ipynb, or the only notebook in the folder when it was saved under another name."""
    expected = lesson_dir / f"{lesson_dir.name}.ipynb"
    others = [p for p in lesson_dir.glob("*.ipynb") if p != expected]
    if not expected.exists() and len(others) == 1:
        return others[0], f"the notebook was named {others[0].name}"
    return expected, ""


def row(student: str, lesson: str, status: str) -> dict:
    return {"student": student, "lesson": lesson, "status": status}


def digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        for p in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if p.is_file() and ".ipynb_checkpoints" not in p.parts:
                h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


def write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(data)
    os.replace(tmp, path)


def prepare_course(out: Path, names: list[str]) -> tuple[Path, str]:
    """OUT/course: the lessons' sources and a gradebook that knows them (template.db), made once."""
    course = out / "course"
    version = digest(*(SOLUTIONS / name for name in names)) + ",".join(names)
    stamp = course / "version.txt"
    if stamp.exists() and stamp.read_text() == version:
        return course, version
    shutil.rmtree(course, ignore_errors=True)
    bin_on_path(os.environ)
    api = NbGraderAPI(config=course_settings(course))  # in this process: nbgrader is imported once
    for name in names:
        shutil.copytree(SOLUTIONS / name, course / SOLUTIONS.name / name)
        outcome = api.generate_assignment(name, force=True)
        if not outcome["success"]:
            lines = (outcome.get("error") or outcome.get("log") or "").strip().splitlines()
            raise SystemExit(f"could not prepare {name} for grading: {lines[-1] if lines else 'nbgrader failed'}")
    shutil.copy2(course / "gradebook.db", course / "template.db")
    write_atomic(stamp, version)
    return course, version


def sandbox(out: Path, course: Path, job: Job, notebook: dict) -> Path:
    """A one-submission nbgrader course: template gradebook, the lesson's files, the graded notebook."""
    box = out / "work" / job.student / job.lesson
    shutil.rmtree(box, ignore_errors=True)
    (box / "submitted" / job.student / job.lesson).mkdir(parents=True)
    shutil.copy2(course / "template.db", box / "gradebook.db")
    # nbgrader takes the cells it restores from the gradebook; the source notebook (solutions and
    # hidden tests) stays out of the sandbox, where learner code runs. Other lesson files are copied.
    shutil.copytree(course / SOLUTIONS.name / job.lesson, box / SOLUTIONS.name / job.lesson,
                    ignore=shutil.ignore_patterns("*.ipynb"))
    (box / "submitted" / job.student / job.lesson / f"{job.lesson}.ipynb").write_text(json.dumps(notebook))
    return box


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_jobs() -> int:
    """One worker per core, plus one: a worker idles while its kernel runs and its kernel is gone while the
    worker writes feedback, so one more keeps every core busy (50 submissions on 2 cores: 59 s, not 67 s)."""
    return cores() + 1


def in_worker(gib: float):
    """Runs in each worker before it starts: cap its memory (its kernels inherit the cap), and die
    with the driver, so a killed run leaves nothing behind that could write into the next one."""
    size = int(gib * 2**30)
    libc()  # loaded here: finding it between fork and exec would not be safe

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
        die_with_parent()
    return apply


class Worker:
    """A long-lived `autograde.worker` process; one that overruns is killed with its kernel."""

    def __init__(self, log: Path, limits: Limits):
        self.log, self.limits, self.proc = log, limits, None

    def start(self) -> None:
        env = course_env()
        threads = str(max(1, cores() // self.limits.jobs))
        env.update(OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads, PYTHONWARNINGS="ignore")
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("a") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "autograde.worker"], cwd=CONFIG_DIR,
                                         env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                         text=True, start_new_session=True,
                                         preexec_fn=in_worker(self.limits.memory_gib))

    def stop(self) -> None:
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
            self.proc = None

    def run(self, box: Path, job: Job) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        request = {"root": str(box), "student": job.student, "lesson": job.lesson,
                   "cell_timeout": self.limits.cell_timeout, "notebook_timeout": self.limits.notebook_timeout}
        bound = self.limits.notebook_timeout + 120
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.proc.stdout], [], [], bound)
            answer = self.proc.stdout.readline() if ready else None
        except BrokenPipeError:
            answer = ""
        if answer is None:
            self.stop()
            return {"status": f"not graded: grading was stopped after {bound} s"}
        if not answer.startswith("done"):
            self.stop()
            lines = [line for line in self.log.read_text().splitlines() if line.strip()]
            return {"status": f"not graded: the grading process failed ({(lines or ['no message'])[-1][:200]})"}
        return json.loads((box / "result.json").read_text())


def grade_one(out: Path, course: Path, version: str, job: Job, workers: queue.Queue) -> dict:
    """Grade one submission and store its result; the stored result is the commit point."""
    submitted, _ = read_notebook(job.path)
    release = json.loads((course / "notebooks" / job.lesson / f"{job.lesson}.ipynb").read_text())
    notebook, findings = rebuild(submitted, release)
    answers = {grade_id(c): text(c) for c in notebook["cells"] if is_answer(c)}
    findings += scan(answers)
    findings += [("a Python file beside the notebook (not used in grading)", p.name)
                 for p in sorted(job.path.parent.glob("*.py"))]
    box = sandbox(out, course, job, notebook)
    worker = workers.get()
    try:
        outcome = worker.run(box, job)
    finally:
        workers.put(worker)
    findings += [tuple(f) for f in outcome.get("findings", [])]
    feedback = box / "feedback" / job.student / job.lesson / f"{job.lesson}.html"
    dest = out / "feedback" / job.student / job.lesson / f"{job.lesson}.html"
    if feedback.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(feedback, dest)
    status = outcome["status"]
    if job.note and status.startswith("graded"):
        status = f"{status[:-1]}; {job.note})" if status.endswith(")") else f"{status} ({job.note})"
    result = {"student": job.student, "lesson": job.lesson, "submission": digest(job.path), "course": version,
              "status": status, "parts": outcome.get("parts", {}),
              "findings": [list(f) for f in findings]}
    write_atomic(result_path(out, job), json.dumps(result, indent=1))
    return result


def result_path(out: Path, job: Job) -> Path:
    return out / "results" / job.student / f"{job.lesson}.json"


def stored(out: Path, job: Job, version: str) -> dict | None:
    """The stored result for this exact submission and course version, if any."""
    try:
        result = json.loads(result_path(out, job).read_text())
    except (OSError, json.JSONDecodeError):
        return None
    return result if result.get("submission") == digest(job.path) and result.get("course") == version else None


def grade_all(out: Path, course: Path, version: str, jobs: list[Job], limits: Limits, regrade: bool) -> list[dict]:
    done = {} if regrade else {j.key: r for j in jobs if (r := stored(out, j, version))}
    todo = [j for j in jobs if j.key not in done]
    print(f"{len(jobs)} submissions: {len(done)} already graded, {len(todo)} to grade with {limits.jobs} workers",
          flush=True)
    flagged = failed = 0
    workers: queue.Queue = queue.Queue()
    for i in range(limits.jobs):
        workers.put(Worker(out / "work" / f"worker-{i}.log", limits))
    with ThreadPoolExecutor(max_workers=limits.jobs) as pool, \
            tqdm(total=len(todo), unit="nb", file=sys.stdout, dynamic_ncols=False, ncols=100,
                 mininterval=2.0, disable=not todo) as bar:
        futures = {pool.submit(grade_one, out, course, version, job, workers): job for job in todo}
        try:
            for future in as_completed(futures):
                result = future.result()
                done[futures[future].key] = result
                failed += result["status"].startswith("not graded")
                flagged += bool(result["findings"])
                bar.set_postfix_str(f"failed {failed}, flagged {flagged}")
                bar.update()
        finally:
            while not workers.empty():
                workers.get().stop()
    return [done[j.key] for j in jobs]


def class_gradebook(course: Path, results: list[dict]) -> None:
    """Rebuild the class gradebook from the stored results; this process is its only writer."""
    db = course / "gradebook.db"
    shutil.copy2(course / "template.db", db)
    with warnings.catch_warnings(), Gradebook(f"sqlite:///{db}") as gb:
        warnings.simplefilter("ignore")  # SQLAlchemy's autoflush notes from inside nbgrader
        for result in results:
            if not result["parts"]:
                continue
            gb.update_or_create_student(result["student"])
            gb.update_or_create_submission(result["lesson"], result["student"])
            for part, score in result["parts"].items():
                grade = gb.find_grade(part, result["lesson"], result["lesson"], result["student"])
                grade.auto_score = score
                grade.needs_manual_grade = False
        gb.db.commit()


def export(out: Path, course: Path, rows: list[dict]) -> Path:
    """nbgrader export with the course's exporter; `rows` give every submission's status."""
    statuses = out / "statuses.json"
    write_atomic(statuses, json.dumps(rows, indent=1))
    dest = out / "grades.csv"
    result = nbgrader("export", "--exporter=autograde.export.PartsExporter", f"--to={dest}",
                      f"--PartsExporter.statuses={statuses}", root=course)
    if result.returncode != 0:
        raise SystemExit(f"export failed: {last_error(result)}")
    return dest


def write_integrity(out: Path, results: list[dict]) -> Path:
    dest = out / "integrity.csv"
    lines = [("student", "lesson", "finding", "evidence")]
    lines += sorted((r["student"], r["lesson"], f, e) for r in results for f, e in r["findings"])
    text = io.StringIO(newline="")
    csv.writer(text).writerows(lines)
    write_atomic(dest, text.getvalue())
    return dest


def summary(grades: Path, students: set[str], flagged: int) -> None:
    """The grade table as a person reads it, then per-part averages, failures and flags."""
    with grades.open() as f:
        rows = [r for r in csv.DictReader(f) if r["student"] in students]
    parts = [c for c in (rows[0].keys() if rows else []) if c not in FIXED and any(r[c] for r in rows)]
    header = ["student", "lesson", "score", *parts, "status"]
    table = [[r["student"], r["lesson"], f"{r['score']}/{r['max_score']}", *(r[p] or "-" for p in parts),
              r["status"]] for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table, strict=False)]
    for line in [header, *table]:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=False)).rstrip())
    graded = [r for r in rows if r["status"].startswith("graded")]
    print("\nper-part average over graded submissions:")
    for part in parts:
        scores = [float(r[part]) for r in graded if r[part]]
        if scores:
            print(f"  {part:28} {sum(scores) / len(scores):.2f}  ({len(scores)} submissions)")
    print(f"\n{len(graded)} graded, {len(rows) - len(graded)} not graded, {flagged} flagged for review")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, nargs="?", default=SAMPLE_CLASS,
                        help="class folder: <student>/<lesson>/<lesson>.ipynb (default: the sample class)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where grades and feedback go")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="workers (default: one per core, plus one)")
    parser.add_argument("--regrade", action="store_true", help="grade again what is already graded")
    parser.add_argument("--cell-timeout", type=int, default=30, help="seconds per cell")
    parser.add_argument("--notebook-timeout", type=int, default=300, help="seconds per notebook")
    parser.add_argument("--memory-gib", type=float, default=4.0, help="memory per worker and its kernel")
    args = parser.parse_args(argv)
    if not args.submissions.is_dir():
        print(f"error: {args.submissions} is not a folder of submissions", file=sys.stderr)
        return 2
    started = time.monotonic()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    known = lessons()
    jobs, rejected = collect(args.submissions.resolve(), known)
    course, version = prepare_course(out, sorted({j.lesson for j in jobs} or known))
    limits = Limits(max(1, args.jobs), args.cell_timeout, args.notebook_timeout, args.memory_gib)
    results = grade_all(out, course, version, jobs, limits, args.regrade)
    class_gradebook(course, results)
    grades = export(out, course, rejected + [row(r["student"], r["lesson"], r["status"]) for r in results])
    integrity = write_integrity(out, results)
    print()
    flagged = len({(r["student"], r["lesson"]) for r in results if r["findings"]})
    summary(grades, {j.student for j in jobs} | {r["student"] for r in rejected}, flagged)
    print(f"\ngrades:    {grades}\nintegrity: {integrity}\nfeedback:  {out / 'feedback'}"
          f"\ntook {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
