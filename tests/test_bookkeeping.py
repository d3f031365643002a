"""Grading's bookkeeping: the scratch gradebooks of the workers, and the class gradebook of the driver."""

from __future__ import annotations

import subprocess
import sys

from pitfalls.course import ROOT


def test_a_workers_gradebook_does_not_wait_for_the_disk(tmp_path):
    """Only the worker's scratch copies are affected: the setting lives in the worker process."""
    code = ("import sqlalchemy, sys; from autograde.worker import scratch_gradebooks; scratch_gradebooks(); "
            "from nbgrader.api import Gradebook\n"
            "with Gradebook(f'sqlite:///{sys.argv[1]}') as gb:\n"
            "    print(gb.db.execute(sqlalchemy.text('PRAGMA synchronous')).scalar())")
    db = tmp_path / "gradebook.db"
    out = subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == "0"
