"""One grading run per OUT: a second run is refused at once with the holder named (its pid, host and start
time), and a run that was killed leaves no lock behind (the kernel drops an flock with its holder)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from autograde.grade import hold, main
from pitfalls.course import ROOT

HOLDER = """
import sys, time
from pathlib import Path
from autograde.grade import hold
lock, _ = hold(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(600)
"""


def test_a_second_run_is_refused_naming_the_first_and_a_killed_run_leaves_no_lock(tmp_path, capsys):
    first = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout.readline() == "held\n"
        lock, holder = hold(tmp_path)
        assert lock is None
        assert holder.startswith(f"grading run {first.pid} on {socket.gethostname()}, started 20")
        assert main(["--out", str(tmp_path)]) == 2
        assert f"{tmp_path} is being graded by grading run {first.pid}" in capsys.readouterr().err
    finally:
        first.kill()
        first.wait()
    lock, holder = hold(tmp_path)
    assert lock is not None and holder is None, "a killed run must not block the next one"
    assert f"grading run {os.getpid()} on" in (tmp_path / ".grading.lock").read_text()
