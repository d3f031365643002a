"""Kernels forked from the warm fork server behave like fresh kernels, and share nothing with each other."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from autograde.kernels import ForkedKernelManager, ForkServer, ReadyClient
from pitfalls.course import lessons

pytestmark = pytest.mark.slow  # real kernels


def run(cells: list[str], cwd, timeout: int = 30, forked: bool = True) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
    extra = {"kernel_manager_class": ForkedKernelManager} if forked else {}
    NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True, shutdown_kernel="immediate",
                   interrupt_on_timeout=True, resources={"metadata": {"path": str(cwd)}}, **extra).execute()
    return nb


def text(cell) -> str:
    return "".join(out.get("text", "") + out.get("evalue", "") for out in cell.outputs)


def test_a_forked_kernel_starts_in_the_notebooks_folder_and_imports_from_it(tmp_path):
    (tmp_path / "helper_beside.py").write_text("VALUE = 41\n")
    nb = run(["import os, helper_beside; print(os.getcwd(), helper_beside.VALUE + 1)"], tmp_path)
    assert text(nb.cells[0]).split() == [str(tmp_path), "42"]


def test_a_process_spawned_from_a_forked_kernel_imports_from_the_notebooks_folder(tmp_path):
    """A spawned worker (torch.multiprocessing, a DDP lesson) gets the notebook's folder, not the server's."""
    (tmp_path / "helper_beside.py").write_text("def triple(x):\n    return 3 * x\n")
    nb = run(["import multiprocessing as mp, helper_beside\n"
              "with mp.get_context('spawn').Pool(1) as pool:\n"
              "    print(pool.apply(helper_beside.triple, (14,)))"], tmp_path, timeout=60)
    assert text(nb.cells[0]).split() == ["42"]


def test_a_forked_kernel_comes_from_the_server_with_torch_already_imported(tmp_path):
    nb = run(["import os, sys; print(os.getppid(), 'torch' in sys.modules, os.getpid() == os.getpgid(0))"], tmp_path)
    parent, warm, own_group = text(nb.cells[0]).split()
    assert int(parent) == ForkServer._proc.pid
    assert (warm, own_group) == ("True", "True")


def test_a_kernel_is_ready_once_iopub_has_answered_and_nothing_of_its_start_is_left_for_the_first_cell(tmp_path):
    """The ready client does not wait on 0.2 s of silence, but still drains IOPub: the first message the first
    request meets is its own."""
    async def first_request() -> tuple[bool, str, bool]:
        km = ForkedKernelManager(kernel_name="python3")
        await km.start_kernel(cwd=str(tmp_path))
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
            sent = kc.execute("1")
            first = await kc.get_iopub_msg(timeout=30)
            return isinstance(kc, ReadyClient), first["msg_type"], first["parent_header"].get("msg_id") == sent
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)
    assert asyncio.run(first_request()) == (True, "status", True)


def test_one_fork_server_serves_kernel_after_kernel(tmp_path):
    parents = {text(run(["import os; print(os.getppid())"], tmp_path).cells[0]).strip() for _ in range(3)}
    assert parents == {str(ForkServer._proc.pid)}


def test_nothing_one_notebook_does_reaches_the_next(tmp_path):
    run(["import torch, pitfalls.checks as checks\n"
         "torch.allclose = lambda *a, **k: True\n"
         "checks.expect_close = lambda *a, **k: None\n"
         "torch.manual_seed(123); import random; random.seed(5)"], tmp_path)
    nb = run(["import torch, random, pitfalls.checks as checks\n"
              "print(torch.allclose(torch.zeros(1), torch.ones(1)), checks.expect_close.__module__)"], tmp_path)
    assert text(nb.cells[0]).split() == ["False", "pitfalls.checks"]


def test_two_forked_kernels_do_not_share_python_random_state(tmp_path):
    draws = [text(run(["import random; print(random.random())"], tmp_path).cells[0]) for _ in range(2)]
    assert draws[0] != draws[1]


def test_a_cell_past_its_timeout_is_interrupted_and_the_next_cell_still_runs(tmp_path):
    nb = run(["while True: pass", "print('after')"], tmp_path, timeout=3)
    assert "KeyboardInterrupt" in str(nb.cells[0].outputs) or "CellTimeoutError" in str(nb.cells[0].outputs)
    assert text(nb.cells[1]).strip() == "after"


def test_a_kernel_that_dies_is_reported_dead(tmp_path):
    with pytest.raises(DeadKernelError):
        run(["import os; os._exit(3)", "print('never')"], tmp_path)


def test_a_lesson_gives_the_same_outputs_in_a_forked_kernel_as_in_a_fresh_one(tmp_path):
    lesson = lessons()["02_inplace_and_version"]
    source = nbformat.read(lesson.source, as_version=4)
    cells = [cell.source for cell in source.cells if cell.cell_type == "code"]
    forked, fresh = (run(cells, lesson.source.parent, forked=flag) for flag in (True, False))

    def kinds(nb):
        return [sorted({out.output_type + ":" + out.get("ename", "") for out in cell.outputs}) for cell in nb.cells]
    assert kinds(forked) == kinds(fresh)
    def texts(nb):  # the kernel's pid names its temporary files; addresses differ from process to process
        return [re.sub(r"ipykernel_\d+|0x[0-9a-f]+", "…", text(cell)) for cell in nb.cells]
    assert texts(forked) == texts(fresh)


def test_kernels_die_with_the_fork_server(tmp_path):
    km = ForkedKernelManager(kernel_name="python3")
    asyncio.run(km.start_kernel(cwd=str(tmp_path)))
    pid = km.provisioner.pid
    assert os.getpgid(pid) == pid and ForkServer._proc is not None
    ForkServer._proc.kill()
    ForkServer._proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    pytest.fail("a forked kernel outlived its fork server")


def test_kernels_start_the_ordinary_way_when_the_fork_server_cannot_start(tmp_path, monkeypatch):
    never = [sys.executable, "-c", "raise SystemExit('no server here')"]
    monkeypatch.setattr(ForkServer, "command", classmethod(lambda cls: never))
    monkeypatch.setattr(ForkServer, "_proc", None)
    monkeypatch.setattr(ForkServer, "failed", False)
    for _ in range(2):
        nb = run(["import os; print(os.getppid())"], tmp_path)
        assert text(nb.cells[0]).strip() == str(os.getpid())  # launched by this process, not forked
    assert ForkServer.failed
