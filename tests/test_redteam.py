"""Hostile and malformed submissions: each scores no more than the blank notebook or is flagged. They are
graded in the same batch as every honest submission of the suite (tests/conftest.py), whose grades
test_grading proves."""

from __future__ import annotations

import json

import pytest

from autograde.integrity import scan, stream_text
from tests.conftest import LESSONS, REDTEAM_LESSON
from tests.hostile import corpus

CASES = corpus()
pytestmark = [pytest.mark.grading,
              pytest.mark.skipif(REDTEAM_LESSON not in LESSONS, reason=f"the corpus attacks {REDTEAM_LESSON}")]


@pytest.fixture(scope="module")
def batch(graded):
    """The red-team corpus as the graded class holds it: rows and integrity flags by student."""
    rows = {r["student"].removeprefix("redteam-"): r for (student, lesson), r in graded.rows.items()
            if student.startswith("redteam-") and lesson == REDTEAM_LESSON}
    flags: dict[str, list] = {}
    for r in graded.flags:
        if r["student"].startswith("redteam-"):
            flags.setdefault(r["student"].removeprefix("redteam-"), []).append(r)
    return rows, flags, graded.stdout


def test_the_corpus_holds_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_submission_scores_no_more_than_blank_or_is_flagged(batch, case):
    rows, flags, _ = batch
    row = rows[case.name]
    flagged = case.name in flags
    assert float(row["score"]) == 0 or flagged, f"{case.case}: scored {row['score']} unflagged"
    for expect in case.expect:
        if expect == "flagged":
            assert flagged, f"{case.case}: not flagged"
        elif expect == "blank":
            assert float(row["score"]) == 0
        elif expect.startswith("status "):
            assert expect.removeprefix("status ") in row["status"], row["status"]
        elif expect.startswith("not graded: "):
            assert row["status"].startswith("not graded:") and expect.removeprefix("not graded: ") in row["status"]


def test_every_flag_quotes_its_evidence(batch):
    _, flags, stdout = batch
    for rows in flags.values():
        assert all(r["finding"] and r["evidence"] for r in rows)
    assert f"{len(flags)} flagged for review" in stdout


IN_ANSWERS = [case for case in CASES if case.into and case.into not in ("notebook", "raw")
              and not case.into.startswith("renamed ")]


@pytest.mark.parametrize("case", [c for c in IN_ANSWERS if "flagged" in c.expect
                                  and not scan({part.strip(): c.path.read_text() for part in c.into.split(",")})],
                         ids=lambda c: c.name)
def test_what_the_scan_cannot_see_the_run_time_audit_reports(batch, case):
    """Tampering written with nothing the syntax tree shows (a module reached through a function's parameter)
    is still reported: the kernel was found changed before a test cell, and the test cells from there score 0."""
    _, flags, _ = batch
    assert any("the kernel was changed before this test cell ran" in r["finding"] for r in flags[case.name])


def printed_lines(graded, student: str) -> list[str]:
    nb = json.loads((graded.out / "autograded" / student / REDTEAM_LESSON / f"{REDTEAM_LESSON}.ipynb").read_text())
    return [line for cell in nb["cells"] for out in cell.get("outputs", []) for line in stream_text(out).splitlines()]


@pytest.mark.parametrize("case", [c for c in CASES if "the sandbox" in c.case], ids=lambda c: c.name)
def test_what_only_the_sandbox_stops_reads_nothing_writes_nothing_and_earns_nothing(graded, case):
    """Each case prints READ or WROTE for what it reached; in the sandbox it reaches nothing."""
    student = f"redteam-{case.name}"
    assert [line for line in printed_lines(graded, student) if line.startswith(("READ", "WROTE"))] == []
    assert float(graded.rows[(student, REDTEAM_LESSON)]["score"]) == 0


def test_honest_work_is_graded_in_the_same_batch_as_the_hostile_work(graded):
    """So every grade test_grading proves (solutions full, blanks zero, each wrong answer losing exactly
    its parts, nothing honest flagged) is proven beside the corpus, not apart from it."""
    students = {student for student, lesson in graded.rows if lesson == REDTEAM_LESSON}
    assert {f"redteam-{case.name}" for case in CASES} <= students
    assert {"solved", "blank"} <= students and any(s.startswith("learner-") for s in students)
