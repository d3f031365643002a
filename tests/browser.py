"""A real JupyterLab server on loopback and Debian's Chromium driven by Playwright, for the browser suite.

The server serves a scratch copy of the notebooks, so Run All and autosave never touch the tracked ones.
It runs with the configuration `make lab` uses (lab/student_config.py), unless told another.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from pitfalls.course import ROOT

STUDENT = ROOT / "lab" / "student_config.py"  # what `make lab` runs
INSTRUCTOR = ROOT / "lab" / "instructor_config.py"  # what `make lab-instructor` runs
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
STARTUP_SECONDS = 90
LAB_SETTINGS = {
    # no "get Jupyter news?" toast over the notebook
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    # render every cell, not only those in view, so every output can be checked
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server from the project's own environment, on a free loopback port with a token."""

    def __init__(self, root: Path, scratch: Path, config: Path = STUDENT, cwd: Path | None = None):
        self.root, self.port, self.token = root, free_port(), secrets.token_hex(16)
        self.config, self.cwd = config, cwd or scratch  # nbgrader reads nbgrader_config.py from the cwd
        self.log_path = scratch / "jupyterlab.log"
        settings = scratch / "lab-settings"
        for name, value in LAB_SETTINGS.items():
            (settings / name).parent.mkdir(parents=True, exist_ok=True)
            (settings / name).write_text(json.dumps(value))
        self.env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings),
                    "JUPYTERLAB_WORKSPACES_DIR": str(scratch / "workspaces"),
                    "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
                    "PYTHONPATH": str(ROOT)}  # as `make lab`: the server imports pitfalls.lab

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else "(no log)"

    @contextmanager
    def running(self):
        command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={self.port}",
                   "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={self.token}",
                   f"--ServerApp.root_dir={self.root}", "--ServerApp.port_retries=0", f"--config={self.config}"]
        if os.geteuid() == 0:
            command.append("--allow-root")
        with self.log_path.open("w") as log:
            server = subprocess.Popen(command, cwd=self.cwd, env=self.env, stdout=log,
                                      stderr=subprocess.STDOUT)
        try:
            self._wait_until_up(server)
            yield self
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()

    def _wait_until_up(self, server: subprocess.Popen) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {server.returncode} before it came up.\n"
                            f"--- server log ---\n{self.log()}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"JupyterLab did not answer on {self.url} within {STARTUP_SECONDS} s.\n"
                    f"--- server log ---\n{self.log()}", pytrace=False)


def require_chromium() -> None:
    """Fail with one line, not a stack trace, when Debian's chromium is not installed."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: the browser suite needs Debian's chromium "
                    "(sudo apt-get install -y chromium)", pytrace=False)


def scratch_copy(sources: list[Path], root: Path) -> None:
    """Copy lesson folders to where the server serves them from."""
    for source in sources:
        shutil.copytree(source, root / source.parent.name / source.name, dirs_exist_ok=True)
