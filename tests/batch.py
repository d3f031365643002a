"""The class batch's grading run, which tests/conftest.py starts in the background, in a module of its own so
that every test module sees the same record (pytest imports conftest.py under a name of its own): a test that
counts the processes it left behind must not count the batch's."""

from __future__ import annotations

import subprocess

running: subprocess.Popen | None = None  # the driver grading the batch, once started


def pid() -> str | None:
    return str(running.pid) if running is not None else None
