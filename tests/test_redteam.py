"""Hostile and malformed submissions: each scores no more than the blank notebook or is flagged. They are
graded in the same batch as every honest submission of the suite (tests/conftest.py), whose grades
test_grading proves."""

from __future__ import annotations

import pytest

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


def test_honest_work_is_graded_in_the_same_batch_as_the_hostile_work(graded):
    """So every grade test_grading proves (solutions full, blanks zero, each wrong answer losing exactly
    its parts, nothing honest flagged) is proven beside the corpus, not apart from it."""
    students = {student for student, lesson in graded.rows if lesson == REDTEAM_LESSON}
    assert {f"redteam-{case.name}" for case in CASES} <= students
    assert {"solved", "blank"} <= students and any(s.startswith("wrong-") for s in students)
