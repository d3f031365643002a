"""Lesson 09's launcher and workers: real gloo process groups, bounded, and nothing left running."""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import multiprocessing.resource_tracker
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import torch
import torch.distributed as dist
from torch import save
from torch.distributed import destroy_process_group
from torch.distributed.distributed_c10d import destroy_process_group as c10d_destroy_process_group
from torch.multiprocessing.spawn import ProcessRaisedException
from torch.nn.parallel import DistributedDataParallel as DDP

from pitfalls import checks
from pitfalls.lessons import data_parallel as dp
from tests import batch
from tests.conftest import LESSONS
from tests.lazy_devices import lazy_backend

LESSON = "09_data_parallel"
# The launcher's tests run whichever lessons are selected; these read lesson 09's notebook.
needs_the_lesson = pytest.mark.skipif(LESSON not in LESSONS, reason=f"{LESSON} is not selected")


def running(pid: str) -> bool:
    """The process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def children(pid: str = "self") -> list[str]:
    """A process's children that still run (this process's by default, but the suite's class batch, grading
    meanwhile: tests/batch.py)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            found += Path(f"/proc/{pid}/task/{task}/children").read_text().split()
    except OSError:  # it ended meanwhile
        return []
    return [child for child in found if running(child) and child != batch.pid()]


def left_running() -> list[str]:
    """Every process this one started, directly or not, that still runs, but the two a kept forkserver leaves by
    design: the server itself and Python's resource tracker. A rank the forkserver forked is the server's child,
    not this process's: it is found here too."""
    kept = {str(dp.forkserver_pid()), str(multiprocessing.resource_tracker._resource_tracker._pid)}
    found, todo = [], children()
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children(pid)
    return [pid for pid in found if pid not in kept or dp.forkserver_pid() is None]


@pytest.fixture(params=["fork", "forkserver"])
def route(request, monkeypatch):
    """Each launch in the test started by fork (the route on a CPU-only Linux machine), then by the forkserver
    (a machine with a GPU, and macOS), forced here on the CPU."""
    monkeypatch.setenv("PITFALLS_START_METHOD", request.param)
    return request.param


def ranks_and_pids(rank, world):
    return rank, world, os.getpid(), dist.get_backend()


def fails_on_rank_1(rank, world):
    if rank == 1:
        raise ValueError("rank 1 gives up")
    dist.barrier()


def only_rank_0_reduces(rank, world):
    if rank == 0:
        dist.all_reduce(torch.ones(1))
    else:
        time.sleep(60)


def prints_and_saves(rank, world, path):
    print(f"hello from {rank}")
    if rank == 0:
        torch.save({"a": torch.ones(1)}, path)


def test_launch_runs_each_rank_in_a_process_of_its_own_and_leaves_none(route):
    found = dp.launch(ranks_and_pids)
    assert [f[:2] for f in found] == [(0, 2), (1, 2)]
    assert len({f[2] for f in found} | {os.getpid()}) == 3
    assert {f[3] for f in found} == {"gloo"}
    assert left_running() == []


def test_a_failing_rank_raises_its_own_error_and_the_others_are_killed(route):
    started = time.monotonic()
    with pytest.raises(ProcessRaisedException, match="rank 1 gives up"):
        dp.launch(fails_on_rank_1, timeout=20)
    assert time.monotonic() - started < 10
    assert left_running() == []


@pytest.mark.parametrize("world", [2, 3])
def test_the_rank_that_failed_first_is_reported_even_when_its_partners_failed_too(monkeypatch, world, route):
    """The race behind a flaky run: the ranks waiting in the barrier fail as soon as rank 1's process ends
    (gloo: connection closed by peer). A kernel that looks only once all have exited (a busy machine)
    must still report rank 1's own error, not a partner's consequence of it."""
    exits = []

    def late(context, *args):
        for p in context.processes:
            p.join(timeout=10)
        exits.append([p.exitcode for p in context.processes])
        return joined(context, *args)

    joined = dp._joined
    monkeypatch.setattr(dp, "_joined", late)
    with pytest.raises(ProcessRaisedException, match="rank 1 gives up") as raised:
        dp.launch(fails_on_rank_1, world=world, timeout=20)
    assert exits[0] == [1] * world, "every rank failed before the launcher looked"
    assert raised.value.error_index == 1
    assert left_running() == []


def test_a_collective_only_one_rank_calls_times_out_and_leaves_nothing(route):
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="had not finished after 1.5 s"):
        dp.launch(only_rank_0_reduces, timeout=1.5)
    assert time.monotonic() - started < 5
    assert left_running() == []


def test_an_interrupt_kills_the_ranks(route):
    """An interrupt (SIGINT, as Jupyter's) raises KeyboardInterrupt in the launching process and leaves no rank:
    in a fresh process, since in the full suite's long-lived one the signal was twice not raised until the
    launch's 30 s timeout (cause not found)."""
    script = textwrap.dedent(f"""
        import os, signal, threading
        from pitfalls.lessons import data_parallel as dp
        from tests.test_data_parallel import left_running, only_rank_0_reduces
        threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
        try:
            dp.launch(only_rank_0_reduces, timeout=30, method={route!r})
        except KeyboardInterrupt:
            print("interrupted, left running:", left_running(), flush=True)
            os._exit(0)
        os._exit(1)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=dp.__file__.rsplit("/pitfalls/", 1)[0],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "interrupted, left running: []" in done.stdout, done.stdout + done.stderr[-2000:]
    assert left_running() == []


def test_ranks_die_with_a_killed_parent(tmp_path, route):
    """A kernel killed mid-run (SIGKILL: no finally runs) takes its ranks with it, and on the forkserver route
    the server too (its lifeline from the kernel closes; then the ranks, its children, get their signal)."""
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(f"""
        import os, time
        from pitfalls.lessons import data_parallel as dp
        def worker(rank, world):
            written = os.path.join({str(tmp_path)!r}, f"pid-{{rank}}")
            open(written + ".part", "w").write(f"{{os.getpid()}} {{os.getppid()}}")
            os.rename(written + ".part", written)
            time.sleep(60)
        if __name__ == "__main__":  # (a rank not forked from this script imports it first)
            dp.launch(worker, timeout=60)
    """))
    parent = subprocess.Popen([sys.executable, str(script)], cwd=dp.__file__.rsplit("/pitfalls/", 1)[0])
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("pid-?"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    pids = {pid for p in tmp_path.glob("pid-?") for pid in p.read_text().split()}  # the ranks and their parents
    assert len(pids) == 3  # two ranks, one parent: the script (fork) or the forkserver
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 5
    while any(map(running, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in pids if running(pid)], "a rank (or the forkserver) outlived its killed parent"


def test_output_saves_and_all_reduces_are_reported_per_rank(tmp_path):
    ranks = dp.launch_ranks(prints_and_saves, str(tmp_path / "x.pt"))
    assert [r.out for r in ranks] == ["hello from 0\n", "hello from 1\n"]
    assert [r.saves for r in ranks] == [1, 0]
    assert torch.load(tmp_path / "x.pt")["a"].item() == 1.0
    trained = dp.launch_ranks(dp.ddp_train, 3)
    assert [r.syncs for r in trained] == [3, 3]


def test_torch_save_still_checks_its_file_where_the_launcher_counts_saves(monkeypatch):
    """The launcher counts saves in torch.serialization._check_save_filelike, a private function that every
    torch.save calls once (torch 2.13): if a torch upgrade stops calling it, every count would read 0."""
    calls = []
    check = torch.serialization._check_save_filelike
    monkeypatch.setattr(torch.serialization, "_check_save_filelike", lambda f: calls.append(f) or check(f))
    buffer = io.BytesIO()
    save({"a": torch.ones(1)}, buffer)
    torch.save({"a": torch.ones(1)}, buffer, _use_new_zipfile_serialization=False)
    assert calls == [buffer, buffer], "torch.save no longer calls _check_save_filelike: count saves elsewhere"


def saves_by_its_imported_name(rank, world, path):
    if rank == 0:
        save({"a": torch.ones(1)}, path)  # `from torch import save`: bound before the launcher instruments


def test_a_save_imported_by_name_is_counted_too(tmp_path):
    ranks = dp.launch_ranks(saves_by_its_imported_name, str(tmp_path / "x.pt"))
    assert [r.saves for r in ranks] == [1, 0]


def saves_late_and_looks(rank, world, path, barrier):
    """Rank 0's saves slowed down; whether the file is there when each rank is done."""
    if rank == 0:
        dp.delay_saves(0.5)
        torch.save({"a": torch.ones(1)}, path)
    if barrier:
        dist.barrier()
    return Path(path).is_file()


@pytest.mark.parametrize("barrier", [True, False])
def test_delayed_saves_show_whether_the_ranks_wait_for_the_file(tmp_path, barrier):
    assert dp.launch(saves_late_and_looks, str(tmp_path / "x.pt"), barrier) == [True, barrier]


ENDINGS = {  # every route to ending the default group, each bound before the fork as a notebook cell binds it
    "dist.destroy_process_group()": lambda: dist.destroy_process_group(),
    "from torch.distributed import destroy_process_group": lambda: destroy_process_group(),
    "from torch.distributed.distributed_c10d import destroy_process_group": lambda: c10d_destroy_process_group(),
    "dist.destroy_process_group(dist.group.WORLD)": lambda: dist.destroy_process_group(dist.group.WORLD),
}


def trains_then_destroys_the_group(rank, world, ending):
    model = dp.make_model()
    ddp = DDP(model)
    x, y = dp.make_data()
    torch.nn.functional.mse_loss(ddp(dp.shard(x, rank, world)), dp.shard(y, rank, world)).backward()
    ENDINGS[ending]()  # PyTorch's tutorial's cleanup(), with the DDP still alive
    return dist.is_initialized()


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_worker_that_destroys_the_group_by_any_route_ends_cleanly(ending):
    """The group really ends, and the launch still returns: freeing a DDP whose group was destroyed hung
    now and then (4 to 12 launches in 20 per route, measured, before the launcher kept every DDP alive)."""
    for world in (2, 3, 2, 3, 2, 3):
        assert dp.launch(trains_then_destroys_the_group, ending, world=world) == [False] * world
    assert not left_running()


def returns_the_wrapper(rank, world):
    return DDP(dp.make_model())


def test_a_value_that_cannot_be_sent_back_comes_back_named_after_its_type():
    """A DDP wrapper cannot be pickled (its hooks are local functions): the rank still ends cleanly, and
    what comes back says what it was and why it stayed behind."""
    values = dp.launch(returns_the_wrapper)
    assert [type(v).__name__ for v in values] == ["DistributedDataParallel"] * 2
    assert not isinstance(values[0], DDP)
    assert repr(values[1]).startswith("<DistributedDataParallel returned by rank 1, which cannot be sent back")
    assert left_running() == []


def cells(*grade_ids: str) -> dict[str, str]:
    """Lesson 09's solution cells by grade_id, hidden tests left in, the nbgrader markers dropped."""
    from tests.selection import LESSONS  # noqa: PLC0415

    nb = json.loads(LESSONS[LESSON].source.read_text())
    found = {c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"]) for c in nb["cells"]
             if c["metadata"].get("nbgrader", {}).get("grade_id") in grade_ids}
    return {k: "\n".join(line for line in v.splitlines() if not line.strip().startswith("### "))
            for k, v in found.items()}


@needs_the_lesson
def test_a_dp_2_answer_that_returns_the_wrapper_reads_the_type_check_first():
    """The learner reads what they returned and what was expected, not a pickling error from a rank."""
    found = cells("setup", "dp-2-tests")
    namespace: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(found["setup"], namespace)
    exec("def train(rank, world_size, model, x, y, steps, lr):\n    return DDP(model)\n", namespace)
    with pytest.raises(checks.CheckFailed) as failed:
        exec(found["dp-2-tests"], namespace)
    assert str(failed.value).startswith("what train returned on rank 0 should be a Counted, but yours is "
                                        "<DistributedDataParallel object> (DistributedDataParallel). Return the model")


def test_ddp_on_two_half_batches_matches_one_process_on_the_whole_batch():
    reference = dp.single_process()
    rank0, rank1 = dp.launch(dp.ddp_train)
    assert dp.largest_difference(rank0, reference) < 1e-6
    assert dp.largest_difference(rank0, rank1) == 0


@pytest.mark.parametrize("bug", ["reinit", "module"])
def test_each_pitfall_breaks_the_match(bug):
    reference = dp.single_process()
    rank0, rank1 = dp.launch(dp.ddp_train, dp.STEPS, dp.LR, bug)
    assert dp.largest_difference(rank0, reference) > 1e-3
    assert dp.largest_difference(rank0, rank1) > 1e-3


def test_the_predict_snippets_end_as_the_lesson_says():
    truth = dp.launch(dp.outcomes)
    assert truth[0] == truth[1] == {"A": "same", "B": "differ", "C": "differ", "D": "raises", "E": "same",
                                    "F": "differ", "G": "differ"}


def test_averaged_means_floats_and_keeps_counters():
    a = {"w": torch.tensor([1.0, 3.0]), "n": torch.tensor(4)}
    b = {"w": torch.tensor([3.0, 5.0]), "n": torch.tensor(4)}
    out = dp.averaged([a, b])
    assert torch.equal(out["w"], torch.tensor([2.0, 4.0])) and torch.equal(out["n"], torch.tensor(4))


def placed(rank, world):
    """The backend a rank got, and where ddp_train's model, data and results live on it."""
    model, (x, y) = dp.make_model(), dp.make_data()
    ddp = DDP(model)
    trained = dp.ddp_train(rank, world, 1)
    return (dist.get_backend(), {p.device.type for p in ddp.parameters()}, {x.device.type, y.device.type},
            {v.device.type for v in trained.values()})


def test_a_machine_with_gpus_runs_the_lesson_on_gloo_with_every_tensor_on_the_cpu(monkeypatch):
    """The device choice forced: torch reports two CUDA GPUs and NCCL (fork, chosen here, carries the stand-in
    into the ranks). The workers keep their tensors on the CPU, which NCCL cannot reduce, so the lesson must stay
    on gloo there: it does, and nothing is put on a GPU."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    monkeypatch.setattr(dist, "is_nccl_available", lambda: True)
    assert dp.backend() == "gloo"
    assert dp.launch(placed, method="fork") == [("gloo", {"cpu"}, {"cpu"}, {"cpu"})] * 2
    assert left_running() == []


def adds_rank_plus_one(rank, world, t):
    """Changes the tensor it was given, then reads it once both ranks have changed theirs."""
    t.add_(rank + 1)
    dist.barrier()
    return t.tolist()


@pytest.mark.parametrize("method", ["fork", "forkserver", pytest.param("spawn", marks=pytest.mark.slow)])
def test_each_rank_changes_only_its_own_copy_of_the_arguments(method):
    """Under spawn torch.multiprocessing would hand every rank the kernel's own storage (shared memory):
    the launcher sends each rank bytes to unpickle, so a rank that trains the model it was given changes
    neither the other rank's nor the kernel's."""
    given = torch.zeros(3)
    assert dp.launch(adds_rank_plus_one, given, method=method) == [[1.0] * 3, [2.0] * 3]
    assert given.tolist() == [0.0] * 3
    assert left_running() == []


class Net(torch.nn.Linear):
    """A model class as a notebook cell defines it (made `__main__.Net` by the test that uses it)."""

    def greet(self):
        return "the kernel's own Net"


def trains_a_notebook_model(rank, world, model):
    """A worker as a notebook cell defines it: it names the notebook's class and returns the model it trained."""
    assert isinstance(model, Net)
    torch.nn.functional.mse_loss(DDP(model)(torch.ones(2, 2)), torch.zeros(2, 1)).backward()
    with torch.no_grad():
        model.weight -= 0.1 * model.weight.grad
    return model


@pytest.mark.parametrize("method", ["fork", "forkserver", pytest.param("spawn", marks=pytest.mark.slow)])
def test_a_notebook_worker_and_class_work_on_every_route(monkeypatch, method):
    """Where the ranks are not copies of the kernel, a worker and a class defined in the notebook go to them by
    value (cloudpickle), and the model a rank returns comes back by name: an object of the kernel's own class,
    whose methods are still the kernel's (cloudpickle's copy of a class, unpickled where the class lives, would
    replace them)."""
    main = sys.modules["__main__"]
    for obj in (Net, trains_a_notebook_model):
        monkeypatch.setattr(obj, "__module__", "__main__")
        monkeypatch.setattr(main, obj.__name__, obj, raising=False)
    greet = Net.greet
    model = Net(2, 1)
    values = dp.launch(trains_a_notebook_model, model, method=method)
    assert [type(v) for v in values] == [Net, Net]
    assert Net.greet is greet and values[0].greet() == "the kernel's own Net"
    assert torch.equal(values[0].weight, values[1].weight) and not torch.equal(values[0].weight, model.weight)
    assert left_running() == []


def its_port_is_taken(rank, world):
    """Whether this rank finds the port the ranks met at still bound (by the launcher's store)."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", int(os.environ["MASTER_PORT"])))
        except OSError:
            return True
        return False


def test_the_launcher_holds_the_port_the_ranks_meet_at_for_the_whole_run_and_frees_it_after(monkeypatch, route):
    """No other launch can be handed the port while the ranks use it (the launcher binds it, with port 0, and holds
    it to the end: the race of rev09's finding 14 gone), and it is free again after the launch, a failed one
    included; the launcher runs no thread of its own for it."""
    ports, threads = [], len(os.listdir("/proc/self/task"))
    def rendezvous():
        listener = opened()
        ports.append(listener.getsockname()[1])
        return listener

    opened = dp.rendezvous
    monkeypatch.setattr(dp, "rendezvous", rendezvous)
    assert dp.launch(its_port_is_taken) == [True, True]
    with pytest.raises(ProcessRaisedException):
        dp.launch(fails_on_rank_1, timeout=20)
    assert len(ports) == 2
    for port in ports:  # nothing listens there any more (its closed connections may linger in TIME_WAIT)
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", port))
            s.listen()
    assert len(os.listdir("/proc/self/task")) == threads


def test_launches_in_two_processes_at_once_all_meet_their_own_ranks(tmp_path, route):
    """The grader runs lessons in parallel: each launch's ranks meet at their own store."""
    script = tmp_path / "launches.py"
    script.write_text(textwrap.dedent("""
        from pitfalls.lessons import data_parallel as dp
        if __name__ == "__main__":
            for world in (2, 3, 2, 3, 2):
                assert dp.launch(dp.rank_sum, world=world) == [sum(range(world))] * world
    """))
    cwd = dp.__file__.rsplit("/pitfalls/", 1)[0]
    both = [subprocess.Popen([sys.executable, str(script)], cwd=cwd, stderr=subprocess.PIPE) for _ in range(2)]
    for p in both:
        assert p.wait(timeout=240) == 0, p.stderr.read().decode()[-2000:]


def test_a_failing_rank_leaves_nothing_on_stderr(capfd):
    """torch's join logs 'Terminating process … via signal SIGTERM' for each rank it kills itself; a test
    cell with anything on stderr scores 0. Several runs, since it was a race (a rank's pipe closed before
    its exit code could be read)."""
    for _ in range(5):
        with pytest.raises(ProcessRaisedException):
            dp.launch(fails_on_rank_1, timeout=20)
    assert capfd.readouterr().err == ""


def test_gloo_is_told_the_loopback_interface_by_its_name_here():
    assert dp.loopback_interface() == ("lo" if sys.platform == "linux" else dp.loopback_interface())
    assert dp.loopback_interface() in {name for _, name in __import__("socket").if_nameindex()}


def test_start_method_is_fork_on_linux_without_an_accelerator_and_can_be_chosen(monkeypatch):
    monkeypatch.delenv("PITFALLS_START_METHOD", raising=False)
    assert dp.start_method() == ("fork" if sys.platform == "linux" else "forkserver")
    for chosen in ("spawn", "forkserver", "fork"):
        monkeypatch.setenv("PITFALLS_START_METHOD", chosen)
        assert dp.start_method() == chosen


def test_where_cuda_is_available_the_ranks_come_from_the_forkserver(monkeypatch):
    """There a kernel that has run a backward has autograd's device threads, and a rank forked from it could
    not run its own backward: the launcher must not fork from the kernel."""
    monkeypatch.delenv("PITFALLS_START_METHOD", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert dp.start_method() == "forkserver"
    started = []
    start = torch.multiprocessing.start_processes
    monkeypatch.setattr(torch.multiprocessing, "start_processes",
                        lambda *a, **k: started.append(k["start_method"]) or start(*a, **k))
    assert dp.launch(dp.rank_sum) == [1, 1]
    assert started == ["forkserver"]


def test_the_forkserver_is_kept_between_launches_but_not_where_nbgrader_runs_the_notebook(monkeypatch):
    """Kept, it makes a launch about as fast as fork; nbgrader's audit stops the grading at a test cell when the
    kernel has a child process it did not have before the first cell, so there it is stopped after each launch,
    and so is the resource tracker it kept running."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    dp.launch(dp.rank_sum, method="forkserver")
    server = dp.forkserver_pid()
    assert server is not None and str(server) in children()
    dp.launch(dp.rank_sum, method="forkserver")
    assert dp.forkserver_pid() == server
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    dp.stop_resource_tracker()  # the server first (it holds the tracker's pipe), then the tracker: no hang
    assert children() == []
    assert dp.launch(dp.rank_sum, method="forkserver") == [1, 1]
    assert dp.forkserver_pid() is None and children() == []


def test_a_spawned_process_leaves_nothing_running_once_the_resource_tracker_is_stopped():
    """Lesson 09's spawn cell: the first spawned process also starts Python's resource tracker, which would
    live as long as the kernel (and the grader's audit counts every child process)."""
    import multiprocessing  # noqa: PLC0415

    child = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(0,))
    child.start()
    child.join()
    assert child.exitcode == 0 and children() != []  # the tracker
    dp.stop_resource_tracker()
    assert children() == []
    dp.stop_resource_tracker()  # stopping none is no error


@pytest.mark.slow
def test_importable_workers_run_under_spawn_too(monkeypatch):
    """The macOS and Windows route, forced on Linux: fresh interpreters that import the worker (and torch,
    seconds each on a busy machine), the proof and the BatchNorm comparison as the lesson runs them, and
    nothing left running after, not even the resource tracker that spawning starts."""
    monkeypatch.setenv("PITFALLS_START_METHOD", "spawn")
    assert dp.launch(dp.rank_sum) == [1, 1]
    rank0, rank1 = dp.launch(dp.ddp_train)
    assert dp.largest_difference(rank0, dp.single_process()) < 1e-6 and dp.largest_difference(rank0, rank1) == 0
    model, (x, y) = dp.make_model(norm=True), dp.make_data()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    default = dp.launch(dp.ddp_train, dp.STEPS, dp.LR, None, True)
    local = dp.launch(dp.local_state, model, x, y)
    assert dp.largest_difference(default[0], local[0]) == 0  # as under fork: the ranks trained copies
    assert dp.largest_difference(model.state_dict(), before) == 0
    assert left_running() == []


@pytest.mark.slow
def test_ranks_die_with_a_killed_kernel(tmp_path):
    """A Jupyter kernel killed while its cell waits in dp.launch (what JupyterLab's restart does to a stuck
    kernel) takes its ranks with it: the notebook's route, not a plain script's."""
    from jupyter_client.manager import start_new_kernel  # noqa: PLC0415 -- only this slow test needs it

    manager, client = start_new_kernel(kernel_name="python3", cwd=str(Path(dp.__file__).parents[2]))
    try:
        client.execute(textwrap.dedent(f"""
            import os, time
            from pitfalls.lessons import data_parallel as dp
            def worker(rank, world):
                written = os.path.join({str(tmp_path)!r}, f"pid-{{rank}}")
                open(written + ".part", "w").write(str(os.getpid()))
                os.rename(written + ".part", written)
                time.sleep(60)
            dp.launch(worker, timeout=60)
        """))
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("pid-?"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        pids = [p.read_text() for p in tmp_path.glob("pid-?")]
        assert len(pids) == 2
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)  # SIGKILL: no finally in the kernel runs
    deadline = time.monotonic() + 5
    while any(map(running, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in pids if running(pid)], "a rank outlived its killed kernel"


# ---- section 1's DataParallel cell on a machine with GPUs (none here: lazy-tensor devices stand in) -----

DATA_PARALLEL = importlib.import_module("torch.nn.parallel.data_parallel")  # the module, not the class it exports


def lazy(index: int = 0) -> torch.device:
    """A device that holds data on a CPU-only build (torch's lazy-tensor backend)."""
    lazy_backend()
    return torch.device("lazy", index)


def on(t: torch.Tensor, device) -> torch.Tensor:
    """`t` copied to lazy device `device` (an index), or to the CPU (-1, "cpu")."""
    return t.cpu() if device in (-1, "cpu") else t.cpu().to(lazy(device))


@contextlib.contextmanager
def machine_with(devices: int):
    """DataParallel finds `devices` accelerators. torch's own Python runs: DataParallel's __init__ and forward,
    replicate (the replicas, and what a forward's write to them does), Scatter and Gather (scalars become a
    vector). Only the copies that
    CUDA's C++ helpers make (torch.nn.parallel.comm) are done here by `.to()`, and the replicas run one
    after another instead of one thread per device."""
    def broadcast_coalesced(tensors, devices, buffer_size=0):
        return [[t if t.device == lazy(d) else on(t, d) for t in tensors] for d in devices]

    def scatter(tensor, devices, chunk_sizes=None, dim=0, streams=None):
        return tuple(on(c, d) for c, d in zip(tensor.cpu().chunk(len(devices), dim), devices, strict=True))

    def gather(tensors, dim=0, destination=None):
        return on(torch.cat([t.cpu() for t in tensors], dim), destination)

    def parallel_apply(replicas, inputs, kwargs, device_ids):
        return [m(*i, **k) for m, i, k in zip(replicas, inputs, kwargs, strict=True)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DATA_PARALLEL, "_get_available_device_type", lambda: (lazy(), "lazy")[1])
        patch.setattr(DATA_PARALLEL, "_get_all_device_indices", lambda: list(range(devices)))
        patch.setattr(DATA_PARALLEL, "parallel_apply", parallel_apply)
        for name, copies in [("broadcast_coalesced", broadcast_coalesced), ("scatter", scatter), ("gather", gather)]:
            patch.setattr(torch.nn.parallel.comm, name, copies)
        yield


@needs_the_lesson
@pytest.mark.parametrize("devices", [0, 1, 2])
def test_the_data_parallel_cell_runs_on_whatever_devices_data_parallel_finds(devices):
    """Section 1: with no device DataParallel just calls the model; with one it moved the model at
    construction, and with two it insists the model be on device 0 before it runs: the cells must feed
    each case on the model's device, and say what ran where. The traps cell: on two devices the forward's
    write is lost with the replicas, and the scalar loss comes back a vector, on device 0 (torch's warning
    printed, not written to stderr); on fewer, the model was simply called."""
    from tests.selection import LESSONS  # noqa: PLC0415

    nb = json.loads(LESSONS[LESSON].source.read_text())
    wanted = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") in ("setup", "story")
              or c.get("id") in ("09-dp-devices", "09-dp-replicas")]
    assert len(wanted) == 4
    namespace: dict = {"__name__": "__main__"}
    printed = io.StringIO()
    with (machine_with(devices) if devices else contextlib.nullcontext()), contextlib.redirect_stdout(printed):
        for cell in wanted:
            try:
                exec(compile("".join(cell["source"]), f"<cell {cell['id']}>", "exec"), namespace)
            except RuntimeError as error:  # the story cell's missing keys: meant to raise
                assert "Missing key(s)" in str(error)
    out = printed.getvalue()
    if devices == 0:
        assert "device_ids: []" in out and "same output as the model itself: True" in out
    else:
        assert f"device_ids: {list(range(devices))}" in out
        ran = ", ".join(f"('lazy:{i}', {6 // devices})" for i in range(devices))
        assert f"each copy of the model ran on (device, rows of the batch): [{ran}]" in out
    where = "cpu" if devices == 0 else "lazy:0"
    if devices < 2:
        assert "rows your model's forward counted: 8 of 8" in out
        assert f"the loss: shape () on {where}\n" in out
    else:
        assert "rows your model's forward counted: 0 of 8" in out
        assert (f"the loss: shape ({devices},) on {where} | warning: Was asked to gather along dimension 0, but all "
                "input tensors were scalars") in out


@needs_the_lesson
@pytest.mark.slow
def test_the_lesson_runs_from_the_forkserver_after_a_backward_in_the_kernel(monkeypatch, tmp_path):
    """Lesson 09's solution notebook top to bottom in a real kernel on the route a machine with a GPU takes (the
    forkserver, forced here), with a backward run in the kernel before the first launch (what broke every rank
    forked from the kernel where CUDA exists). Only the cells meant to raise raise; no rank is left running."""
    import nbformat  # noqa: PLC0415 -- only this slow test needs them
    from nbclient import NotebookClient  # noqa: PLC0415

    from tests.selection import LESSONS  # noqa: PLC0415

    nb = nbformat.read(LESSONS[LESSON].source, as_version=4)
    backward = nbformat.v4.new_code_cell("w = torch.ones(2, requires_grad=True)\n(w * w).sum().backward()\n"
                                         "print('start method:', dp.start_method(), '| grad:', w.grad.tolist())")
    after = nbformat.v4.new_code_cell("print('ranks left:', multiprocessing.active_children(), '| server:', "
                                      "dp.forkserver_pid() is not None)")
    nb.cells = [nb.cells[0], nb.cells[1], backward, *nb.cells[2:], after]
    monkeypatch.setenv("PITFALLS_START_METHOD", "forkserver")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            raised = [o for o in cell.outputs if o.output_type == "error"]
            intended = "raises-exception" in cell.metadata.get("tags", [])
            assert bool(raised) == intended, (cell.source[:200], raised and raised[0].evalue[-500:])
    assert "start method: forkserver | grad: [2.0, 2.0]" in nb.cells[2].outputs[0].text
    assert nb.cells[-1].outputs[0].text == "ranks left: [] | server: True\n"


def unconnected_while(monkeypatch, failing_launches: set[int]) -> list[int]:
    """Each rank's process group fails as gloo's does when its ranks cannot connect, in the launches numbered in
    `failing_launches` (1, 2, …); the launches made, counted."""
    launches: list[int] = []
    real_launched, real_init = dp._launched, dist.init_process_group

    def counted(*args, **kwargs):
        launches.append(len(launches) + 1)
        os.environ["PITFALLS_TEST_UNCONNECTED"] = "1" if launches[-1] in failing_launches else ""
        return real_launched(*args, **kwargs)

    def init(*args, **kwargs):  # in the forked rank: the environment of the launch that forked it
        if os.environ.get("PITFALLS_TEST_UNCONNECTED"):
            raise RuntimeError("Gloo connectFullMesh failed with [pair.cc:553] Connection closed by peer (made up)")
        return real_init(*args, **kwargs)
    monkeypatch.setenv("PITFALLS_TEST_UNCONNECTED", "")
    monkeypatch.setattr(dp, "_launched", counted)
    monkeypatch.setattr(dp.dist, "init_process_group", init)
    return launches


def test_a_launch_whose_ranks_never_connected_starts_again(monkeypatch):
    """(A real launch after it may meet gloo's own failure to connect too, and start again in its turn.)"""
    launches = unconnected_while(monkeypatch, {1})
    assert dp.launch(rank_times_ten, method="fork") == [0, 10]
    assert 2 <= len(launches) <= dp.CONNECT_TRIES


def test_ranks_that_never_connect_give_torchs_error_after_the_last_try(monkeypatch):
    launches = unconnected_while(monkeypatch, set(range(1, dp.CONNECT_TRIES + 2)))
    with pytest.raises(ProcessRaisedException, match="connectFullMesh failed"):
        dp.launch(rank_times_ten, method="fork")
    assert len(launches) == dp.CONNECT_TRIES


def test_a_function_that_raises_is_not_run_again_whatever_it_says(monkeypatch):
    launches = unconnected_while(monkeypatch, set())
    with pytest.raises(ProcessRaisedException, match="connectFullMesh failed, said the notebook"):
        dp.launch(raises_unconnected, method="fork")
    assert launches == [1]


def rank_times_ten(rank, world_size):
    return rank * 10


def raises_unconnected(rank, world_size):
    raise RuntimeError("Gloo connectFullMesh failed, said the notebook")
