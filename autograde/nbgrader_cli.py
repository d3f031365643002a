"""nbgrader with the course's config, from any working directory: as a program, or its settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from traitlets.config import Config, PyFileConfigLoader

from pitfalls.course import NBGRADER_CONFIG, ROOT


def course_settings(root: Path | None = None) -> Config:
    """The course's nbgrader config (nbgrader_config.py), pointed at another course folder if given."""
    config = PyFileConfigLoader(NBGRADER_CONFIG.name, path=str(NBGRADER_CONFIG.parent)).load_config()
    if root is not None:
        config.CourseDirectory.root = str(root)
    return config


def bin_on_path(env: dict) -> dict:
    """nbgrader starts `alembic` as a program: the environment's bin/ must be on PATH."""
    here = str(Path(sys.executable).parent)
    if here not in env.get("PATH", "").split(os.pathsep):
        env["PATH"] = os.pathsep.join([here, env.get("PATH", "")])
    return env


def course_env() -> dict:
    """This process's environment for a child that runs nbgrader on the course: the environment's
    bin/ on PATH, and the course importable (its exporter, preprocessors, helpers)."""
    env = bin_on_path(dict(os.environ))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def nbgrader(*args: str, root: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """`nbgrader ARGS` on this course; `root` moves its working files (gradebook, submitted …)."""
    command = [sys.executable, "-m", "nbgrader", *args]
    if root is not None:
        command.append(f"--CourseDirectory.root={root}")
    return subprocess.run(command, cwd=ROOT, env={**course_env(), **(env or {})}, capture_output=True, text=True)


def last_error(result: subprocess.CompletedProcess) -> str:
    """The most telling line of a failed nbgrader run's log, for a one-line report."""
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "| ERROR]" in line or "Error" in line]
    line = (errors or lines or ["nbgrader failed with no message"])[-1]
    return line.split("]", 1)[-1].strip() if line.startswith("[") else line


def outcome_error(outcome: dict) -> str:
    """The last line of a failed NbGraderAPI call's error or log."""
    lines = (outcome.get("error") or outcome.get("log") or "").strip().splitlines()
    return lines[-1] if lines else "nbgrader failed with no message"
