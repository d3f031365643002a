"""`make autograde`: grade a class in parallel with nbgrader; grades, feedback, integrity report.

In:         SUBMISSIONS/<student>/<lesson>/<lesson>.ipynb (never modified), or an LMS download (a zip
            of `<student name>_…_<lesson>.ipynb` files, as nbgrader's zip_collect reads them)
Written to: OUT/grades.csv, OUT/integrity.csv, OUT/misconceptions.csv, OUT/report.html (report.py),
            OUT/feedback/<student>/<lesson>/<lesson>.html,
            OUT/autograded/<student>/<lesson>/<lesson>.ipynb (the graded notebook as it ran),
            OUT/results/ (one JSON per graded submission), OUT/course/ and OUT/work/ (nbgrader's files).

Each submission is graded by its own worker process in a course of its own (sandbox.py), so workers
never share a sqlite file; only this process writes the class gradebook, from the results, before
nbgrader exports the grade table. A result is written atomically once its submission is fully
graded, so a run that is killed loses only the work in flight, and the next run picks up where it
stopped. Already graded submissions are skipped unless --regrade is given or the submission changed.
"""

from __future__ import annotations

import argparse
import csv
import fcntl
import io
import json
import os
import shutil
import socket
import sys
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from tqdm import tqdm

from pitfalls.course import ROOT, lessons, misconceptions

from . import bubblewrap, report
from .export import FIXED, class_gradebook
from .grading import PAGES, Graded, Submission, graded_or_why
from .nbgrader_cli import last_error, nbgrader
from .pool import Limits, Workers, default_jobs
from .roster import Job, collect, row, unpack_lms
from .sandbox import fence, lesson_version, prepare
from .store import digest, write_atomic

SAMPLE_CLASS = ROOT / "autograde" / "sample_class"
DEFAULT_OUT = ROOT / "build" / "grading"


def answer_files(job: Job) -> dict[str, Path]:
    """The files of this lesson that the learner wrote, as they handed them in."""
    folder = job.path.parent
    return {name: folder / name for name in lessons()[job.lesson].answer_files if (folder / name).is_file()}


def submission(job: Job) -> Submission:
    """The submission as handed in, read here: graded on this machine or sent to a Dask worker."""
    allowed = lessons()[job.lesson].answer_files
    return Submission(job, job.path.read_bytes(), {name: path.read_bytes() for name, path in answer_files(job).items()},
                      tuple(p.name for p in sorted(job.path.parent.glob("*.py")) if p.name not in allowed),
                      submission_digest(job))


def commit(out: Path, graded: Graded) -> dict:
    """Write a graded submission's pages into OUT, then its result, atomically: the stored result is the commit
    point. A row without a fingerprint (the grader failed on it) is not stored, so the next run grades it again."""
    job = graded.job
    for kind, suffix in PAGES:
        if kind in graded.pages:
            write_atomic(out / kind / job.student / job.lesson / f"{job.lesson}.{suffix}", graded.pages[kind])
    if "submission" in graded.result:
        graded.result["course"] = lesson_version(job.lesson)
        write_atomic(result_path(out, job), json.dumps(graded.result, indent=1))
    return graded.result


def submission_digest(job: Job) -> str:
    return digest(job.path, *answer_files(job).values())


def result_path(out: Path, job: Job) -> Path:
    return out / "results" / job.student / f"{job.lesson}.json"


def stored(out: Path, job: Job) -> dict | None:
    """The stored result for this exact submission and its lesson as it is now, if any."""
    try:
        result = json.loads(result_path(out, job).read_text())
    except (OSError, json.JSONDecodeError):
        return None
    same = result.get("submission") == submission_digest(job) and result.get("course") == lesson_version(job.lesson)
    return result if same and result.get("student_id") == job.student_id else None


def hold(out: Path):
    """Hold OUT for this run (an advisory lock the operating system drops when the run ends, however it
    ends), or None and a line naming the run that holds it: two runs must not grade into one OUT."""
    lock = (out / ".grading.lock").open("a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        return None, lock.read().strip() or "another grading run"
    lock.seek(0)
    lock.truncate()
    lock.write(f"grading run {os.getpid()} on {socket.gethostname()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
    lock.flush()
    return lock, None


def work_folder(out: Path) -> Path:
    """This run's working folder, OUT/work/<pid>: a run that was killed may take a moment to stop writing
    in its own, and must not meet this one there. Earlier runs' folders, and their sockets' folders (left
    behind when a run was killed), are removed."""
    here = out / "work" / str(os.getpid())
    for old in (out / "work").glob("*"):
        if old != here:
            for slot in old.glob("slot-*/"):
                shutil.rmtree(fence(slot).runtime, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)
    here.mkdir(parents=True, exist_ok=True)
    return here


def grade_all(out: Path, course: Path, version: str, jobs: list[Job], limits: Limits, regrade: bool,
              fenced: bool, client=None, require_sandbox: bool = False) -> list[dict]:
    """Every job's result: stored ones kept, the rest graded on this machine or, given a Dask client
    (cluster.connect), on that cluster; each committed as it comes."""
    done = {} if regrade else {j.key: r for j in jobs if (r := stored(out, j))}
    todo = [j for j in jobs if j.key not in done]
    if client is not None:
        from .cluster import graded_on
        where = f"on the Dask cluster at {client.scheduler.address} ({len(client.nthreads())} workers now)"
        graded = graded_on(client, course, version, todo, limits, require_sandbox, submission)
    else:
        where, graded = f"with {limits.jobs} workers", on_this_machine(out, course, version, todo, limits, fenced)
    print(f"{len(jobs)} submissions: {len(done)} already graded, {len(todo)} to grade {where}", flush=True)
    flagged = failed = 0
    with tqdm(total=len(todo), unit="nb", file=sys.stdout, dynamic_ncols=False, ncols=100, mininterval=2.0,
              disable=not todo) as bar:
        for one in graded:
            result = done[one.job.key] = commit(out, one)
            failed += result["status"].startswith("not graded")
            flagged += bool(result["findings"])
            bar.set_postfix_str(f"failed {failed}, flagged {flagged}")
            bar.update()
    return [done[j.key] for j in jobs]


def on_this_machine(out: Path, course: Path, version: str, todo: list[Job], limits: Limits,
                    fenced: bool) -> Iterator[Graded]:
    """Each submission of `todo` graded by this machine's workers, as it is done."""
    workers = Workers(work_folder(out), limits, fenced)
    pool = ThreadPoolExecutor(max_workers=limits.jobs)
    try:
        futures = [pool.submit(lambda job: graded_or_why(submission(job), course, version, workers.lend), job)
                   for job in todo]
        for future in as_completed(futures):
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # jobs in flight end first: each holds its worker
        workers.stop()


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


UNFENCED = "graded without the operating-system sandbox"


def write_integrity(out: Path, results: list[dict], unfenced_why: str | None) -> Path:
    """One row per finding; and, for work graded without the sandbox, one row that says so and why."""
    dest = out / "integrity.csv"
    lines = [("student", "lesson", "finding", "evidence")]
    lines += sorted((r["student"], r["lesson"], f, e) for r in results for f, e in r["findings"])
    lines += sorted((r["student"], r["lesson"], UNFENCED, r.get("unfenced") or unfenced_why or "")
                    for r in results if r.get("fenced") is False)
    text = io.StringIO(newline="")
    csv.writer(text).writerows(lines)
    write_atomic(dest, text.getvalue())
    return dest


MISCONCEPTION_COLUMNS = ("student", "lesson", "part", "misconception", "name", "section")


def misconception_rows(results: list[dict]) -> list[tuple[str, ...]]:
    """One row per student, lesson, test cell and misconception its failed checks named, from the results:
    a resumed run and a run on a cluster read the same. An id the course no longer declares is left out."""
    known = misconceptions()
    return sorted((r["student"], r["lesson"], part, m, known[m].name, known[m].section)
                  for r in results for part, ids in r.get("misconceptions", {}).items() for m in ids if m in known)


def write_misconceptions(out: Path, results: list[dict]) -> Path:
    """OUT/misconceptions.csv, beside grades.csv."""
    dest = out / "misconceptions.csv"
    text = io.StringIO(newline="")
    csv.writer(text).writerows([MISCONCEPTION_COLUMNS, *misconception_rows(results)])
    write_atomic(dest, text.getvalue())
    return dest


TABLE_ROWS = 2000  # the summary prints the grade table up to this many rows (the test class has ~620)


def summary(grades: Path, students: set[str], flagged: int) -> None:
    """The grade table as a person reads it, then per-part averages, failures and flags."""
    with grades.open() as f:
        rows = [r for r in csv.DictReader(f) if r["student"] in students]
    parts = [c for c in (rows[0].keys() if rows else []) if c not in FIXED and any(r[c] for r in rows)]
    header = ["student", "lesson", "score", *parts, "status"]
    table = [[r["student"], r["lesson"], f"{r['score']}/{r['max_score']}", *(r[p] or "-" for p in parts),
              r["status"]] for r in rows]
    if len(table) > TABLE_ROWS:  # a class this size is read in grades.csv, not scrolled through here
        print(f"{len(table)} rows: the grade table is in {grades}")
    else:
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


def warning(why: str) -> str:
    return ("\n" + "!" * 100 + f"\nGRADING WITHOUT THE OPERATING-SYSTEM SANDBOX: {why}.\n"
            "Learner code will run with this account's access to files: the course's solutions, other students'\n"
            "work and grades. Every such result is listed in integrity.csv. Install bubblewrap, or pass\n"
            "--require-sandbox to refuse to grade here.\n" + "!" * 100 + "\n")


def class_folder(submissions: Path, out: Path) -> Path:
    """The class as <student>/<lesson>/ folders: as given, or laid out from an LMS download."""
    if submissions.is_dir() and not any(p.is_dir() for p in submissions.iterdir()):
        archive = submissions  # a folder of LMS files, unzipped already
    elif zipfile.is_zipfile(submissions):
        archive = submissions
    else:
        return submissions
    folder = out / "collected"
    shutil.rmtree(folder, ignore_errors=True)
    skipped = unpack_lms(archive, folder, lessons())
    for name in skipped:
        print(f"skipped {name}: not <student name>_…_<lesson>.ipynb", flush=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, nargs="?", default=SAMPLE_CLASS,
                        help="<student>/<lesson>/<lesson>.ipynb folders, or an LMS zip (default: the sample class)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where grades and feedback go")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="workers (default: one per core, plus one)")
    parser.add_argument("--regrade", action="store_true", help="grade again what is already graded")
    parser.add_argument("--cell-timeout", type=int, default=30, help="seconds per cell")
    parser.add_argument("--notebook-timeout", type=int, default=300, help="seconds per notebook")
    parser.add_argument("--memory-gib", type=float, default=4.0, help="memory per worker and its kernel")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="grade on the workers of this Dask cluster (tcp://host:8786) instead of this machine")
    parser.add_argument("--require-sandbox", action="store_true",
                        help="refuse to grade where learner code cannot be fenced in by the operating system")
    args = parser.parse_args(argv)
    if not args.submissions.exists():
        print(f"error: {args.submissions} is not a folder of submissions or an LMS zip", file=sys.stderr)
        return 2
    # bubblewrap's probe starts Python and torch in a sandbox (1.3 s): it runs while the class is read and the
    # course is made, unless --require-sandbox must refuse before anything is written. A cluster's workers fence
    # in on their own hosts.
    probe = None if args.scheduler else ThreadPoolExecutor(1).submit(bubblewrap.available)
    if args.require_sandbox and probe and (why := probe.result()):
        print(warning(why), file=sys.stderr, flush=True)
        print("error: --require-sandbox: not grading", file=sys.stderr)
        return 2
    started = time.monotonic()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    lock, holder = hold(out)
    if lock is None:
        print(f"error: {out} is being graded by {holder}; wait for it to finish, or use another --out",
              file=sys.stderr)
        return 2
    client = None
    if args.scheduler:
        from .cluster import connect, ready
        client = connect(args.scheduler, out / "dask.log")
        ready(client, args.require_sandbox)
    known = lessons()
    submissions = class_folder(args.submissions.resolve(), out)
    jobs, rejected = collect(submissions, known)
    chosen = [known[name] for name in sorted({j.lesson for j in jobs} or known)]
    course, version = prepare(out, chosen)
    if unfenced_why := probe and probe.result():
        print(warning(unfenced_why), file=sys.stderr, flush=True)
    limits = Limits(max(1, args.jobs), args.cell_timeout, args.notebook_timeout, args.memory_gib)
    results = grade_all(out, course, version, jobs, limits, args.regrade, fenced=unfenced_why is None, client=client,
                        require_sandbox=args.require_sandbox)
    class_gradebook(course, results)
    statuses = rejected + [{**row(r["student"], r["lesson"], r["status"]), "student_id": r["student_id"]}
                           for r in results]
    grades = export(out, course, statuses)
    integrity = write_integrity(out, results, unfenced_why)
    diagnosed = write_misconceptions(out, results)
    page = report.write(out)
    print()
    flagged = len({(r["student"], r["lesson"]) for r in results if r["findings"]})
    summary(grades, {j.student for j in jobs} | {r["student"] for r in rejected}, flagged)
    if unfenced := sum(r.get("fenced") is False for r in results):
        print(f"{unfenced} graded WITHOUT the operating-system sandbox: {unfenced_why or 'see integrity.csv'}")
    print(f"\ngrades:         {grades}\nintegrity:      {integrity}\nmisconceptions: {diagnosed}"
          f"\nreport:         {page}\nfeedback:       {out / 'feedback'}"
          f"\ntook {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
