"""The operating system's fence around learner code: what a grading kernel can see, through bubblewrap.

Learner code runs in the same kernel as the tests, so anything Python can do, it can do. What it can
*reach* is decided here, by Linux namespaces through bubblewrap (Debian's `bubblewrap`, the sandbox
Flatpak uses), not by scanning the code. A grading kernel, and every process it starts, sees:

* read-only: the system's /usr, the Python installation and the course's virtual environment, the
  course helpers (pitfalls/, course.toml) and the few autograde modules a kernel runs;
* read-write: its own submission's folder (the notebook, the lesson's released files, the learner's
  answer files) and the folder of its kernel's sockets; a private /tmp;
* its own process tree only (a new pid namespace: no /proc of the driver or of other kernels), and
  no network (a new network namespace with only a loopback device).

Everything else — the instructor's repository, solutions/, other students' submissions, results and
feedback, the home directory — is simply not there. Where bubblewrap cannot run (no user namespaces,
macOS), `available()` says why, and grading says so loudly.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pitfalls.course import REGISTRY, ROOT

KERNEL_SIDE = ("__init__.py", "kernels.py", "bubblewrap.py", "audit.py")  # autograde modules a fenced kernel imports
SYSTEM = ["--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
          "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
          # fontconfig complains on stderr without its config, and a test cell with stderr scores zero
          "--ro-bind-try", "/etc/fonts", "/etc/fonts", "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
          "--ro-bind-try", "/etc/localtime", "/etc/localtime"]
HOME = "/tmp"  # the kernel's home: private, empty, gone with the sandbox


def bwrap() -> str | None:
    return shutil.which("bwrap")


def readable() -> list[Path]:
    """What a kernel may read besides the system: Python, the environment, the course helpers."""
    paths = [Path(sys.base_prefix), Path(sys.prefix), ROOT / "pitfalls", REGISTRY]
    paths += [ROOT / "autograde" / name for name in KERNEL_SIDE if (ROOT / "autograde" / name).exists()]
    return list(dict.fromkeys(p.resolve() for p in paths))


@dataclass(frozen=True)
class Fence:
    """The two folders a grading worker's kernels may write: where their notebooks run, and their sockets."""

    work: Path
    runtime: Path

    @property
    def writable(self) -> list[Path]:
        return [self.work, self.runtime]


def wrap(command: list[str], writable: list[Path], cwd: str | None = None) -> list[str]:
    """`command` inside bubblewrap, seeing only `readable()` and, for writing, `writable`."""
    args = [bwrap() or "bwrap", "--unshare-all", "--die-with-parent", "--new-session", *SYSTEM,
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for path in readable():
        args += ["--ro-bind", str(path), str(path)]
    for path in writable:
        args += ["--bind", str(path), str(path)]
    args += ["--setenv", "HOME", HOME, "--setenv", "PITFALLS_SANDBOX", "1", "--setenv", "PYTHONPATH", str(ROOT),
             "--chdir", cwd or "/tmp"]
    return [*args, "--", *command]


@functools.cache
def available() -> str | None:
    """None when kernels can be fenced in on this machine; otherwise the reason they cannot."""
    if sys.platform != "linux":
        return f"bubblewrap needs Linux namespaces; this is {sys.platform}"
    if bwrap() is None:
        return "bubblewrap is not installed (Debian/Ubuntu: sudo apt-get install bubblewrap)"
    probe = subprocess.run(wrap([sys.executable, "-c", "import torch"], []), capture_output=True, text=True)
    if probe.returncode != 0:
        lines = [line for line in probe.stderr.splitlines() if line.strip()]
        return f"bubblewrap cannot start a sandbox here: {(lines or ['no message'])[-1]}"
    return None


def inside() -> bool:
    """True in a process bubblewrap started (where killing every other process is killing only ours)."""
    return os.environ.get("PITFALLS_SANDBOX") == "1" and os.getpid() < 10


def host_pid(ns_pid: int, ancestor: int) -> int | None:
    """The pid, as this (outer) namespace numbers it, of the process that a sandbox started by `ancestor`
    calls `ns_pid` (/proc/<pid>/status: NSpid lists a process's pid in each namespace it is in)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        pids = fields.get("NSpid", "").split()
        if len(pids) > 1 and int(pids[-1]) == ns_pid and descends_from(int(entry.name), ancestor):
            return int(entry.name)
    return None


def descends_from(pid: int, ancestor: int) -> bool:
    while pid > 1:
        if pid == ancestor:
            return True
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return False
        pid = int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))
    return False


def kill_the_rest() -> None:
    """In a sandbox, kill every process but bubblewrap's init and this one: nothing a kernel started
    (a daemon, a worker that outlived its cell) lives on to meet the next submission."""
    if not inside():
        return
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) not in (1, os.getpid()):
            try:
                os.kill(int(entry.name), 9)
            except OSError:
                pass
