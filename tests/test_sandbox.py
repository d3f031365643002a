"""The operating system's fence around learner code (autograde/bubblewrap.py): a grading kernel sees its own
submission and the runtime, nothing else of the machine, has no network, and leaves nothing running."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograde import bubblewrap
from autograde.kernels import ForkedKernelManager, ForkServer
from autograde.submissions import hand_in, solved_answers
from pitfalls.course import ROOT, lessons

pytestmark = pytest.mark.slow  # real kernels in real sandboxes


@pytest.fixture(scope="module")
def fence(tmp_path_factory):
    """A worker's slot, fenced in as grading fences it (one fork server for the module, stopped afterwards)."""
    assert bubblewrap.available() is None, bubblewrap.available()
    slot = tmp_path_factory.mktemp("slot")
    made = bubblewrap.Fence(slot / "course" / "autograded", slot / "runtime")
    for folder in made.writable:
        folder.mkdir(parents=True)
    saved = ForkServer.fence, ForkServer._proc, ForkServer.failed
    ForkServer.fence, ForkServer._proc, ForkServer.failed = made, None, False
    yield made
    if ForkServer._proc is not None:
        ForkServer._proc.kill()
        ForkServer._proc.wait()
    ForkServer.fence, ForkServer._proc, ForkServer.failed = saved


def run(cells: list[str], cwd: Path, timeout: int = 30) -> list[str]:
    """Each cell's printed text (or its error), run in a kernel the fork server makes."""
    cwd.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True, interrupt_on_timeout=True,
                   shutdown_kernel="immediate", kernel_manager_class=ForkedKernelManager,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return ["".join(o.get("text", "") or f"{o.get('ename')}: {o.get('evalue')}" for o in c.outputs).strip()
            for c in nb.cells]


def test_a_fenced_kernel_sees_its_own_folder_and_the_runtime_and_nothing_else(fence):
    secret = fence.work.parent.parent.parent / "results" / "another-student.json"  # beside the slot, as OUT/results
    secret.parent.mkdir()
    secret.write_text("their answers")
    here = fence.work / "ada" / "01_leaf_tensors"
    hidden = [str(secret), str(ROOT / "solutions"), str(ROOT / "tests"), str(Path.home() / ".bashrc"), "/etc/passwd"]
    seen = run([
        "import os, torch, pitfalls.checks; print(os.getcwd())",
        f"print([os.path.exists(p) for p in {hidden!r}])",
        "import pathlib; print(sorted(p.name for p in pathlib.Path('/proc').iterdir() if p.name.isdigit()))",
        "open('notes.txt', 'w').write('mine'); print(open('notes.txt').read())",
        f"try:\n    open({str(secret.parent / 'planted.txt')!r}, 'w').write('x')\nexcept OSError as e:\n"
        "    print(type(e).__name__)",
    ], here)
    assert seen[0] == str(here), "the kernel runs in its notebook's folder, with torch and the helpers"
    assert seen[1] == "[False, False, False, False, False]", "nothing of the instructor's machine is there"
    assert len(json.loads(seen[2].replace("'", '"'))) <= 4, f"only the sandbox's own processes: {seen[2]}"
    assert seen[3] == "mine"
    assert seen[4] == "FileNotFoundError" and not (secret.parent / "planted.txt").exists(), "writes stay in the fence"


def test_a_fenced_kernel_has_no_network_but_its_own_loopback(fence):
    seen = run([
        "import socket\ntry:\n    socket.create_connection(('1.1.1.1', 80), timeout=2)\n    print('out')\n"
        "except OSError as e:\n    print(type(e).__name__)",
        "server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen(); "
        "client = socket.create_connection(server.getsockname()); print('loopback ok')",
    ], fence.work / "s" / "l")
    assert seen[0] in ("OSError", "ConnectionRefusedError", "TimeoutError") and seen[1] == "loopback ok"


def test_nothing_a_kernel_starts_outlives_it(fence):
    here = fence.work / "s" / "l"
    here.mkdir(parents=True, exist_ok=True)
    marker = here / "still-alive.txt"
    (here / "daemon.py").write_text(f"import time\nwhile True:\n    open({str(marker)!r}, 'a').write('x')\n"
                                    "    time.sleep(0.2)\n")
    seen = run(["import subprocess, sys, time\n"
                "subprocess.Popen([sys.executable, 'daemon.py'], start_new_session=True)\n"
                "time.sleep(1.5)\nprint('started')"], here)
    assert seen == ["started"] and marker.exists(), "the kernel started a process that outlives its cell"
    ForkServer.reap()
    size = marker.stat().st_size
    time.sleep(1)
    assert marker.stat().st_size == size, "the process the kernel started is still writing"


def test_a_fenced_forked_kernel_is_interrupted_and_goes_on(fence):
    seen = run(["import time; time.sleep(60)", "print('next')"], fence.work / "s" / "l", timeout=3)
    assert seen == ["KeyboardInterrupt:", "next"]


def grade(submissions: Path, out: Path, *extra: str, path: str | None = None) -> subprocess.CompletedProcess:
    env = None if path is None else {"PATH": path, "HOME": str(out), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out),
                           "--jobs", "1", *extra], cwd=ROOT, capture_output=True, text=True, env=env)


def test_without_bubblewrap_grading_says_so_loudly_and_can_refuse(tmp_path):
    lesson = lessons()["01_leaf_tensors"]
    hand_in(tmp_path / "class" / "ada" / lesson.name, lesson, solved_answers(lesson))
    no_bwrap = str(Path(sys.executable).parent)  # the environment's programs only: no bubblewrap on PATH
    refused = grade(tmp_path / "class", tmp_path / "refused", "--require-sandbox", path=no_bwrap)
    assert refused.returncode == 2 and "GRADING WITHOUT THE OPERATING-SYSTEM SANDBOX" in refused.stderr
    assert not (tmp_path / "refused" / "grades.csv").exists()
    graded = grade(tmp_path / "class", tmp_path / "out", path=no_bwrap)
    assert graded.returncode == 0, graded.stderr[-2000:]
    assert "GRADING WITHOUT THE OPERATING-SYSTEM SANDBOX" in graded.stderr
    assert "1 graded WITHOUT the operating-system sandbox" in graded.stdout
    with (tmp_path / "out" / "integrity.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert [(r["student"], r["finding"]) for r in rows] == [("ada", "graded without the operating-system sandbox")]
    assert "bubblewrap is not installed" in rows[0]["evidence"]
