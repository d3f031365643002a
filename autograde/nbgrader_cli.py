"""Run nbgrader's own command line with the course's config, from any working directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .lessons import REPO

CONFIG_DIR = Path(__file__).resolve().parent  # nbgrader reads nbgrader_config.py from its cwd


def bin_on_path(env: dict) -> dict:
    """nbgrader starts `alembic` as a program: the environment's bin/ must be on PATH."""
    here = str(Path(sys.executable).parent)
    if here not in env.get("PATH", "").split(os.pathsep):
        env["PATH"] = os.pathsep.join([here, env.get("PATH", "")])
    return env


def course_env() -> dict:
    """This process's environment for a child that runs nbgrader on the course: the environment's
    bin/ on PATH, and the repository importable (the course's exporter, preprocessors, helpers)."""
    env = bin_on_path(dict(os.environ))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def nbgrader(*args: str, root: Path | None = None) -> subprocess.CompletedProcess:
    """`nbgrader ARGS` on this course; `root` moves its working files (gradebook, submitted …)."""
    command = [sys.executable, "-m", "nbgrader", *args]
    if root is not None:
        command.append(f"--CourseDirectory.root={root}")
    return subprocess.run(command, cwd=CONFIG_DIR, env=course_env(), capture_output=True, text=True)


def last_error(result: subprocess.CompletedProcess) -> str:
    """The most telling line of a failed nbgrader run's log, for a one-line report."""
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "| ERROR]" in line or "Error" in line]
    line = (errors or lines or ["nbgrader failed with no message"])[-1]
    return line.split("]", 1)[-1].strip() if line.startswith("[") else line
