"""Grading kernels forked from a warm parent, so a class does not pay torch's start-up once per notebook.

A fresh kernel spends about 3 s of CPU before a lesson's first line: Python and ipykernel start,
torch and the course helpers are imported, and torch imports torch._dynamo at the first optimizer.
Grading a class paid that for every submission. Here each worker keeps one fork server that has
imported all of it once; every notebook gets a kernel forked from it: a private copy-on-write copy
of that process, so nothing one notebook does can reach another or the server. The notebook's own
`import torch` still runs and finds the module ready; a learner's torch.py beside the notebook can
no longer stand in for torch.

The server: `python -m autograde.kernels`, one launch request per line on stdin ({"argv", "cwd",
"env"}, or {"reap": true} to end whatever its kernels left running), the kernel's pid per line on
stdout. ForkedKernelManager is the jupyter_client kernel manager that asks it, and falls back to an
ordinary launch for any kernel that is not ipykernel.

When grading, the server runs inside bubblewrap (autograde/bubblewrap.py) and so does every kernel it
forks: the sandbox is made once per worker, so fencing learner code in costs nothing per notebook.
Its kernels talk to the worker over Unix sockets in a folder both can see (a sandbox has no network),
are interrupted by message, and are found by their pid outside the sandbox to be stopped. Before it
forks a kernel, the server kills whatever the previous one left running.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Type

from . import bubblewrap

WARM = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "sqlite3",  # every kernel imports these
        "matplotlib_inline.backend_inline", "torch", "torch._dynamo",
        "torch.nn", "torch.optim", "numpy", "matplotlib", "ipywidgets", "pitfalls", "pitfalls.widgets",
        "pitfalls.checks", "autograde.audit")  # and each module a lesson declares (pitfalls.course.lesson_modules)
LAUNCHER = ["-m", "ipykernel_launcher"]


@functools.cache
def libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def die_with_parent() -> None:
    """Be killed when the process that started this one ends (Linux PR_SET_PDEATHSIG): nothing outlives
    the grading run. Safe between fork and exec once `libc()` has been called before the fork."""
    libc().prctl(1, signal.SIGKILL)


def serve() -> None:
    """The fork server's loop: import once, then fork one kernel per request."""
    die_with_parent()
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as ipykernel would
    os.environ.setdefault("PYTORCH_NVML_BASED_CUDA_CHECK", "1")  # asking about GPUs must not start CUDA here
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    import importlib

    from pitfalls.course import lesson_modules
    for name in (*WARM, *lesson_modules()):
        importlib.import_module(name)
    from pitfalls.draw.render import not_drawn
    for form in ("png", "svg"):
        not_drawn(form)  # drawn here once, not in every kernel of a grading worker, whose pictures are off
    import torch
    if torch.cuda.is_initialized():  # a forked child could not use CUDA then
        raise SystemExit("the fork server initialised CUDA; kernels are started the ordinary way")
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped as they exit
    if bubblewrap.inside():
        libc().prctl(4, 0)  # PR_SET_DUMPABLE 0: no kernel may read or trace this server's memory
    replies = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # whatever else writes to stdout (a kernel's C code, say) goes to the log, not the replies
    for line in sys.stdin:
        request = json.loads(line)
        bubblewrap.kill_the_rest()  # a process the last kernel left behind does not meet the next notebook
        if request.get("reap"):
            replies.write("0\n")
            replies.flush()
            continue
        pid = os.fork()
        if pid == 0:
            run_kernel(request, replies.fileno())
        replies.write(f"{pid}\n")
        replies.flush()


def run_kernel(request: dict, replies: int) -> None:
    """In the forked child: become the process `python -m ipykernel_launcher ARGS` would have been."""
    try:
        os.close(replies)
        os.setsid()  # its own process group, as jupyter_client gives every kernel: interrupts reach only it
        die_with_parent()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.chdir(request["cwd"])
        import multiprocessing.process
        # multiprocessing noted the server's folder when the server imported it; a spawned worker process
        # (a torch.distributed lesson) must find the notebook's files, as it does from a fresh kernel
        multiprocessing.process.ORIGINAL_DIR = os.path.abspath(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        parent = str(os.getppid())  # the kernel watches the server, its real parent, and dies with it
        os.environ["JPY_PARENT_PID"] = parent
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        import random
        random.seed()  # a fresh process would not share its random state with its siblings
        sys.argv = ["ipykernel_launcher", *request["argv"], f"--IPKernelApp.parent_handle={parent}",
                    "--IPKernelApp.extensions=pitfalls.tracebacks"]  # as the notebook's `import pitfalls` would
        from ipykernel import kernelapp
        kernelapp.launch_new_instance()
    finally:
        os._exit(0)


class ForkServer:
    """One fork server per worker process, started on first use; if it cannot serve, kernels start as usual.

    `fence` (set by the grading worker) names the folders a sandboxed kernel may write: the server then
    runs inside bubblewrap, and so does every kernel, forked or not.
    """

    fence: bubblewrap.Fence | None = None
    failed = False
    _lock = threading.Lock()
    _proc: subprocess.Popen | None = None

    @classmethod
    def command(cls) -> list[str]:
        plain = [sys.executable, "-m", "autograde.kernels"]
        return bubblewrap.wrap(plain, cls.fence.writable) if cls.fence else plain

    @classmethod
    def launch(cls, argv: list[str], cwd: str, env: dict) -> int:
        """The kernel's pid, as this process numbers it."""
        with cls._lock:
            if cls.failed:
                raise RuntimeError("the kernel fork server could not start")
            if cls._proc is None or cls._proc.poll() is not None:
                cls._proc = subprocess.Popen(cls.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                             env=dict(os.environ))
            try:
                cls._proc.stdin.write(json.dumps({"argv": argv, "cwd": cwd, "env": env}) + "\n")
                cls._proc.stdin.flush()
                reply = cls._proc.stdout.readline()
            except OSError:
                reply = ""
            if not reply.strip():
                cls.failed = True  # once is enough: every later kernel starts the ordinary way
                raise RuntimeError("the kernel fork server stopped")
            pid = int(reply)
            if cls.fence:  # the server numbers its children in the sandbox's own pid namespace
                pid = bubblewrap.host_pid(pid, cls._proc.pid)
                if pid is None:
                    raise RuntimeError("the sandboxed kernel could not be found")
        return pid


    @classmethod
    def reap(cls) -> None:
        """End every process the last kernel left in the sandbox (a kernel's work is over once its
        notebook has run: nothing of it may touch the files nbgrader reads next)."""
        with cls._lock:
            if cls.fence and cls._proc is not None and cls._proc.poll() is None:
                try:
                    cls._proc.stdin.write(json.dumps({"reap": True}) + "\n")
                    cls._proc.stdin.flush()
                    cls._proc.stdout.readline()
                except OSError:
                    pass


class ForkedProcess:
    """What jupyter_client needs of a Popen, for a kernel that is the fork server's child, not ours."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = -signal.SIGKILL  # the server reaps it; its exit status is not ours to read
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ReadyClient(AsyncKernelClient):
    """jupyter_client's kernel client, told the kernel is ready without waiting on silence.

    Stock `wait_for_ready` takes the kernel_info reply, then reads IOPub until it has been silent for 0.2 s:
    every graded notebook waited that long for nothing. A kernel answers each request on IOPub with busy,
    then idle, so here IOPub is read until the idle that answers the last kernel_info request: everything
    the kernel sent before it is drained, as before. A kernel whose IOPub is not connected yet is asked
    again, as stock does.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            asked = self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply" and await self._answered(asked):
                self._handle_kernel_info_reply(reply)
                return
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    async def _answered(self, request: str) -> bool:
        """Read IOPub up to the idle status that closes `request`; False when IOPub falls silent first."""
        while True:
            try:
                msg = await self.iopub_channel.get_msg(timeout=0.2)
            except Empty:
                return False
            if (msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle"
                    and msg["parent_header"].get("msg_id") == request):
                return True


class ForkedKernelManager(AsyncKernelManager):
    """A kernel manager whose ipykernel kernels come from the worker's fork server, fenced in where the
    worker set `ForkServer.fence`."""

    client_class = DottedObjectName("autograde.kernels.ReadyClient")
    client_factory = Type(klass=ReadyClient)

    async def _async_wait(self, pollinterval: float = 0.01) -> None:
        """Wait for a killed kernel to end, looking every 10 ms, not jupyter_client's 100 ms: it is gone within
        a few, and each graded notebook (grading shuts its kernels down at once) waited out a whole step."""
        await super()._async_wait(pollinterval)

    async def _async_pre_start_kernel(self, **kw):
        if ForkServer.fence:  # no network in the sandbox: Unix sockets in a folder the kernel can see
            self.transport = "ipc"
            self.connection_file = str(ForkServer.fence.runtime / f"kernel-{uuid.uuid4().hex[:12]}.json")
            self.ip = self.connection_file.removesuffix(".json") + "-ipc"
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        if ForkServer.fence:
            self.kernel_spec.interrupt_mode = "message"  # its pid is the sandbox's; a message always arrives
            kw["env"] = {**kw.get("env", os.environ), "HOME": bubblewrap.HOME,
                         "MPLCONFIGDIR": f"{bubblewrap.HOME}/matplotlib", "IPYTHONDIR": f"{bubblewrap.HOME}/ipython"}
        return cmd, kw

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        forkable = kernel_cmd[1:3] == LAUNCHER and os.path.realpath(kernel_cmd[0]) == os.path.realpath(sys.executable)
        try:
            if not forkable:
                raise ValueError("not ipykernel")
            pid = ForkServer.launch(kernel_cmd[3:], kw.get("cwd") or os.getcwd(), dict(kw.get("env") or os.environ))
        except (OSError, RuntimeError, ValueError):
            if ForkServer.fence:  # the ordinary way, but never outside the fence
                kernel_cmd = bubblewrap.wrap(kernel_cmd, ForkServer.fence.writable, kw.get("cwd"))
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        provisioner = self.provisioner
        provisioner.process, provisioner.pid, provisioner.pgid = ForkedProcess(pid), pid, pid
        self._reconcile_connection_info(provisioner.connection_info)


if __name__ == "__main__":
    serve()
