"""Lesson 09's worker code: real `torch.distributed` process groups started from a notebook, bounded.

`launch(fn, *args)` runs `fn(rank, world_size, *args)` on `world` processes joined in a gloo process
group on the CPU, and returns each rank's return value. Gloo on the CPU on every machine, GPUs or not:
no worker here moves a tensor to a GPU, and NCCL, the GPU backend, takes CUDA tensors only. Every run
meets at a store on a loopback port this process holds for it (rendezvous), every collective has a
timeout, and every rank it starts is gone when it returns, raises, times out or is interrupted: no rank
outlives the cell that called it (the forkserver, where one is used, is kept: keep_forkserver). Each rank
gets its own copy of `args` (unpickled from bytes), on every route: a rank that trains the model it was given
changes neither the other rank's nor the kernel's.

Processes start with `fork` on Linux where that is safe (start_method): each rank is a copy of the kernel, a
worker defined in a notebook cell included, started in a fraction of a second. Where torch finds a GPU (or another
accelerator) fork is not safe once the kernel has run a backward, and macOS has no safe fork either: there the ranks
are forked by multiprocessing's *forkserver*, a server process started fresh (it never ran a backward) with torch
and this module imported, so that each launch stays fast. Windows has only `spawn` (a fresh interpreter per rank).
Where the ranks are not copies of the kernel, a worker or class defined in the notebook (`__main__`) goes to them by
value (cloudpickle); what a rank returns comes back by name, so the kernel gets its own class back. A rank's stdout
and stderr go to files, not to the notebook: a torch warning printed by a worker must not land on a test cell's
stderr. Its stdout comes back with its result; a failing rank's traceback comes back as torch's own exception. A
return value that cannot be pickled back (a DDP wrapper) comes back as a stand-in of a class named as its type, so
that a test's type check says what the worker returned.

Besides the launcher, the course's workers: the small model and data every demonstration shares,
the single-process reference and the DDP runs (right, and with each pitfall in place) it is compared
with.
"""

from __future__ import annotations

import contextlib
import copy
import ctypes
import ctypes.util
import functools
import io
import logging
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import os
import pickle
import signal
import socket
import sys
import tempfile
import time
import types
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import cloudpickle
import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP

WORLD = 2
# Seconds: a collective only some ranks call fails within this, and so does a whole run. A spawned rank
# imports torch afresh (seconds on a busy laptop), so spawn gets longer; a rank forked by the forkserver has torch
# imported already (the server's own start is done before the clock starts), but unpickles its worker first.
TIMEOUT = {"fork": 5.0, "forkserver": 10.0, "spawn": 60.0}
# What the forkserver imports once, before it forks any rank (DDP imports torch._dynamo at construction: seconds).
PRELOAD = ["torch", "torch._dynamo", __name__]


def start_method() -> str:
    """How ranks start: `fork` on Linux where it is safe (a copy of the kernel, in a fraction of a second);
    `forkserver` where fork is not safe (an accelerator, or macOS); `spawn` where there is no forkserver (Windows).
    PITFALLS_START_METHOD chooses one of the three instead."""
    chosen = os.environ.get("PITFALLS_START_METHOD")
    if chosen:
        return chosen
    if sys.platform == "linux" and not accelerator_found():
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def accelerator_found() -> bool:
    """Whether torch finds a CUDA GPU or another accelerator (MPS, XPU, ...). Then this process's first backward,
    even on CPU tensors, starts autograd's device threads and registers a pthread_atfork handler that marks every
    process forked after it: a backward there raises "Unable to handle autograd's threading in combination with
    fork-based multiprocessing" (torch/csrc/autograd/engine.cpp, start_device_threads; PyTorch's wiki page
    "Autograd and Fork"). With none, autograd starts no device thread and fork stays safe."""
    return torch.cuda.is_available() or torch.accelerator.is_available()


def backend() -> str:
    """gloo, on the CPU, on every machine: the workers keep their tensors on the CPU, which NCCL cannot
    reduce (it takes CUDA tensors only). (On a CUDA machine the ranks come from the forkserver: a rank forked
    from a kernel that has run a backward refuses its own, accelerator_found; seen with torch 2.11 on an H100.)"""
    return "gloo"


def loopback_interface() -> str | None:
    """The loopback network interface's name for gloo (`lo` on Linux, `lo0` on macOS), or None where
    none is named so: gloo then finds an address from the host name."""
    return next((name for _, name in socket.if_nameindex() if name.startswith("lo")), None)


def rendezvous() -> socket.socket:
    """The loopback socket the ranks meet at, bound to a port the system picks (port 0) and listening: rank 0
    serves torch's store on this very socket (TCPStore's master_listen_fd), and the launcher keeps it open until the
    launch ends, so no other launch can be handed the port meanwhile, as one could when a port found free was closed
    and handed to rank 0 to bind again (two launches at once then met at one port). The launcher runs no server
    itself: a thread of its own running while it forks is what fork must not copy (with the store served from the
    launcher, a forked rank once waited 20 s for a rank that never came). Rank 0 serves it with torch's classic
    server, not libuv's (the default): with libuv's, gloo's connectFullMesh failed now and then with "Connection
    closed by peer" (1 launch in 30 from the forkserver; none in 70 with the classic server; torch 2.13, measured)."""
    return socket.create_server(("127.0.0.1", 0))


@dataclass
class Rank:
    """What one rank gave back: its return value, what it printed, and its all-reduces."""

    rank: int
    value: object = None
    out: str = ""
    syncs: int = 0  # gradient buckets DDP all-reduced on this rank
    saves: int = 0  # calls to torch.save on this rank
    events: list = field(default_factory=list)  # (what, start, end) in seconds since the run began


def _die_with_parent() -> None:
    """SIGKILL when the process that started this one ends, even inside a C++ collective (Linux). A rank the
    forkserver started is the server's child, and holds the server's lifeline from the kernel (multiprocessing gives
    every child a copy, so that it may start processes of its own): let go of it, so that the server ends when the
    kernel does, and this rank with it."""
    if sys.platform == "linux":
        ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True).prctl(1, signal.SIGKILL)
    server = multiprocessing.forkserver._forkserver
    if server._forkserver_alive_fd is not None:
        os.close(server._forkserver_alive_fd)
        server._forkserver_alive_fd = server._forkserver_pid = None


_EVENTS: list = []  # [what, start, end], in seconds since the run began
_KEPT: list = []  # every DDP this rank built, alive until the process ends
_OPEN: dict = {}  # the interval of each kind still open
_CHECK_SAVE = torch.serialization._check_save_filelike  # private, called once by every torch.save (torch 2.13)
_SAVE_DELAY = [0.0]
_T0 = [0.0]


def _now() -> float:
    return time.perf_counter() - _T0[0]


def delay_saves(seconds: float) -> None:
    """In a worker: every later torch.save on this rank waits `seconds` before it writes (a slow disk on
    demand: whether the other ranks wait for the file shows)."""
    _SAVE_DELAY[0] = seconds


@contextlib.contextmanager
def timed(what: str):
    """In a worker: note `what` as one of this rank's events, from entering the block to leaving it (a
    pipeline stage's forward of one micro-batch, a send): it comes back in the rank's `events`."""
    start = _now()
    try:
        yield
    finally:
        _EVENTS.append([what, start, _now()])


def _instrument() -> None:
    """Note when this rank computes, all-reduces and saves: every DDP it builds times its forwards, the
    backward from the output's gradient to the last parameter's, and gets a comm hook that all-reduces
    as DDP would; every torch.save into a file, however it was imported (`from torch import save` in the
    notebook included), notes its call where torch.save checks its file first."""
    original = DDP.__init__

    def saved(f):
        if isinstance(f, io.BytesIO):  # memory, not a file: pickling a tensor does it (gather_object, for one)
            return _CHECK_SAVE(f)
        _EVENTS.append(["save", _now(), _now()])
        time.sleep(_SAVE_DELAY[0])
        return _CHECK_SAVE(f)

    def opened(what: str) -> None:  # an interval that ends when its closing hook says so
        _EVENTS.append([what, _now(), _now()])
        _OPEN[what] = _EVENTS[-1]

    def closes(what: str):
        def close(*_):
            if what in _OPEN:
                _OPEN[what][2] = _now()
        return close

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        _KEPT.append(self)  # freeing a DDP whose process group a worker destroyed can hang: never freed here
        self.register_forward_pre_hook(lambda *_: opened("forward"))

        def forwarded(module, inputs, output):
            closes("forward")()
            if isinstance(output, torch.Tensor) and output.requires_grad:
                output.register_hook(lambda grad: opened("backward"))
        self.register_forward_hook(forwarded)
        for param in self.module.parameters():
            if param.requires_grad:
                param.register_post_accumulate_grad_hook(closes("backward"))

        def hook(state, bucket):
            start = _now()
            tensor = bucket.buffer().div_(dist.get_world_size())
            work = dist.all_reduce(tensor, async_op=True).get_future()

            def done(fut):
                _EVENTS.append(["all-reduce", start, _now()])
                return fut.value()[0]
            return work.then(done)
        self.register_comm_hook(None, hook)
    DDP.__init__ = init
    torch.serialization._check_save_filelike = saved


def _run_rank(rank: int, fn, world: int, listener: socket.socket, folder: str, packed: bytes, timeout: float,
              start: float) -> None:
    """In each process: its output to files, its own copy of the arguments (and of `fn`, where it was not forked
    from the kernel), the process group, `fn`, its result to a file."""
    _die_with_parent()
    out = open(Path(folder) / f"out-{rank}.txt", "w", buffering=1)  # noqa: SIM115 -- lives as long as the rank
    err = open(Path(folder) / f"err-{rank}.txt", "w", buffering=1)  # noqa: SIM115
    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    sys.stdout, sys.stderr = out, err
    port = listener.getsockname()[1]
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(rank), WORLD_SIZE=str(world))
    interface = os.environ.get("GLOO_SOCKET_IFNAME") or loopback_interface()
    if interface:
        os.environ["GLOO_SOCKET_IFNAME"] = interface
    torch.set_num_threads(1)
    sent, args = pickle.loads(packed)
    fn = fn or sent
    _T0[0] = start
    _instrument()
    store = dist.TCPStore("127.0.0.1", port, world, is_master=rank == 0, timeout=timedelta(seconds=timeout),
                          wait_for_workers=False, master_listen_fd=listener.fileno() if rank == 0 else None,
                          use_libuv=False)
    dist.init_process_group(backend(), store=store, rank=rank, world_size=world, timeout=timedelta(seconds=timeout))
    try:
        value = fn(rank, world, *args)  # an error goes to torch's error file at once: no teardown that could wait
    except BaseException:
        (Path(folder) / f"failed-{rank}").write_text(repr(time.monotonic()))  # (one clock for every process)
        raise
    events = [tuple(e) for e in _EVENTS]
    _SAVE_DELAY[0] = 0.0
    result = Path(folder) / f"result-{rank}.pkl"
    try:
        _dump({"value": value, "events": events}, result)  # (a tensor's pickle calls torch.save: after the copy)
    except Exception as error:  # a value that cannot be pickled (a DDP wrapper): say what it was, not how it failed
        unsent = Unsent(rank, type(value).__module__, type(value).__qualname__, f"{type(error).__name__}: {error}")
        _dump({"value": unsent, "events": events}, result)
    if dist.is_initialized():  # (a worker may have ended it: the cleanup() of PyTorch's DDP tutorial)
        dist.destroy_process_group()
    out.flush()
    err.flush()
    # Leave as a forked rank does, without the interpreter's teardown: a spawned rank that exits normally
    # runs C++ destructors that can find a communication thread still running, and abort the process.
    os._exit(0)


def _dump(obj, path: Path) -> None:
    with open(path, "wb") as f:
        _ByName(f, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)


class _ByName(pickle.Pickler):
    """A rank's pickler: a class or function the notebook defined (`__main__`) goes back by its name, as plain
    pickle sends it from a forked rank, also from a rank that holds a copy sent by value (the forkserver's, spawn's):
    the kernel gets its own class back. (cloudpickle's copy, unpickled in the kernel, would be the kernel's class
    too, but with every method replaced by the copy's.)"""

    def reducer_override(self, obj):
        if (isinstance(obj, type | types.FunctionType) and getattr(obj, "__module__", None) == "__main__"
                and "<locals>" not in obj.__qualname__):
            return _from_main, (obj.__qualname__,)
        return NotImplemented


def _from_main(qualname: str):
    """The kernel's own class or function of that name."""
    return functools.reduce(getattr, qualname.split("."), sys.modules["__main__"])


def launch_ranks(fn, *args, world: int = WORLD, timeout: float | None = None, method: str | None = None) -> list[Rank]:
    """Run `fn(rank, world, *args)` on `world` processes in one gloo process group; what each rank gave back.

    Raises torch's ProcessRaisedException with the first failing rank's traceback, or TimeoutError when
    the ranks have not all finished after `timeout` seconds (TIMEOUT[method] by default: a collective only
    some ranks called). Every rank is killed and reaped before this returns or raises, an interrupt
    included (on the forkserver route, see keep_forkserver for the server itself)."""
    method = method or start_method()
    timeout = TIMEOUT.get(method, TIMEOUT["spawn"]) if timeout is None else timeout
    forked = method == "fork"
    # Each rank unpickles its own copy of the arguments: no tensor shared between ranks and the kernel. A rank
    # that is not a copy of the kernel gets fn in the same bytes, by value where the notebook defined it.
    packed = cloudpickle.dumps((None if forked else fn, args))
    if forked:
        import torch._dynamo  # noqa: F401, PLC0415 -- DDP imports it at construction (about 2 s): once, before the fork
    elif method == "forkserver":
        multiprocessing.get_context(method).set_forkserver_preload(PRELOAD)
    tracker_ran = _tracker()._pid is not None
    for attempt in range(1, CONNECT_TRIES + 1):
        try:
            return _launched(fn if forked else None, world, packed, timeout, method, tracker_ran)
        except _Unconnected as unconnected:
            if attempt == CONNECT_TRIES:
                raise unconnected.__cause__ from None


# A rank's gloo failing to connect to the other ranks while the process group is made: now and then on a busy
# machine ("Connection closed by peer" from either rank within 50 ms of meeting at the store; 5 in 100 fork
# launches beside six busy processes on 2 cores, torch 2.13, measured; none in 60 with a second try). Where no
# rank's function raised, the launch starts again, as torchrun restarts a worker group: three tries in all.
UNCONNECTED = "Gloo connectFullMesh failed"
CONNECT_TRIES = 3


class _Unconnected(Exception):
    """A launch whose ranks never connected; its cause is torch's ProcessRaisedException."""


def _launched(fn, world: int, packed: bytes, timeout: float, method: str, tracker_ran: bool) -> list[Rank]:
    """One launch of `world` ranks (launch_ranks)."""
    with tempfile.TemporaryDirectory(prefix="pitfalls-ddp-") as folder:
        listener, context = rendezvous(), None
        try:
            context = mp.start_processes(_run_rank, args=(fn, world, listener, folder, packed,
                                                          timeout, time.perf_counter()),
                                         nprocs=world, join=False, start_method=method)
            deadline = time.monotonic() + timeout
            # Waited on in short slices: an interrupt (SIGINT) may land on another thread of the kernel, and Python
            # raises KeyboardInterrupt in the main thread only when it next runs, not inside a long wait.
            while not _joined(context, min(deadline - time.monotonic(), WAIT_SLICE), Path(folder)):
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"the {world} ranks had not finished after {timeout:g} s (a collective that "
                                       "only some ranks call waits for the others until the process group's "
                                       "timeout, set to the same here): all were killed")
        except mp.ProcessRaisedException as error:
            if UNCONNECTED in str(error) and not any(Path(folder).glob("failed-*")):
                raise _Unconnected() from error
            raise
        finally:
            if context is not None:
                _kill(context)
            listener.close()
            if method == "forkserver" and not keep_forkserver():
                stop_forkserver()
            if not tracker_ran and forkserver_pid() is None:
                stop_resource_tracker()
        return [_collected(Path(folder), rank) for rank in range(world)]


def keep_forkserver() -> bool:
    """Whether the forkserver stays up after a launch, for the next: yes, unless nbgrader runs the notebook.

    A server started afresh imports torch, torch._dynamo and this module (PRELOAD) before it forks a rank: a launch
    of ddp_train that starts it took 14-16 s, one that finds it running 0.3-0.4 s, on a shared 2-core machine under
    a load of 14 (2.9 s against 0.11 s under a load of 7: python -m bench.launch). So it is kept: one idle process
    that never ran a backward and holds no process group, port or GPU, and that exits when the kernel does, however
    it ends (its lifeline pipe from the kernel closes), its ranks with it (PR_SET_PDEATHSIG). Every rank is still
    killed and reaped before the launch returns. Where nbgrader executes the notebook (NBGRADER_EXECUTION set),
    whose audit stops the grading at a test cell when the kernel has a child process it did not have before the
    first cell, the server is stopped after each launch instead."""
    return "NBGRADER_EXECUTION" not in os.environ


def forkserver_pid() -> int | None:
    """The pid of the forkserver this process started and keeps, or None."""
    return multiprocessing.forkserver._forkserver._forkserver_pid


def stop_forkserver() -> None:
    """Stop the forkserver this process started, if one runs (multiprocessing's private _stop: it closes the
    server's lifeline and waits for it to exit)."""
    if forkserver_pid() is not None:
        multiprocessing.forkserver._forkserver._stop()


def _tracker():
    return multiprocessing.resource_tracker._resource_tracker


def stop_resource_tracker() -> None:
    """Stop the helper process that Python starts with the first spawned process and keeps until the
    interpreter exits (multiprocessing's resource tracker): a cell that spawned leaves nothing running. A
    forkserver holds the tracker's pipe open, so it is stopped first (else the tracker would never end)."""
    stop_forkserver()
    tracker = _tracker()
    if tracker._pid is not None:  # started by this process or, before a fork, by its parent
        try:
            tracker._stop()
        except ChildProcessError:  # the parent's: closing our copy of its pipe was all there was to do
            tracker._fd = tracker._pid = None


WAIT_SLICE = 0.25  # seconds between two looks at the ranks: the longest an interrupt waits to be raised


def _joined(context, wait: float, folder: Path) -> bool:
    """True once every rank exited cleanly; a failed rank kills the others first, so torch's join
    raises its exception without waiting, and takes them out of torch's sight, so that it reports the
    rank that failed first, not one killed here, nor one that failed because of it (a rank waiting in a
    collective fails when its partner's process ends; on a busy machine both have exited by the time
    this looks). torch's join also logs a warning for each rank it terminates itself: silenced, since
    the launcher's error says it all and a test cell's stderr must stay empty."""
    alive = [p for p in context.processes if p.exitcode is None]
    if alive:  # (waiting on no sentinel at all would sleep the whole timeout)
        ready = multiprocessing.connection.wait([p.sentinel for p in alive], timeout=max(wait, 0))
        for p in alive:
            if p.sentinel in ready:
                p.join(timeout=1)  # its pipe closed as it exits: reap it, so that its exit code is known
    failed = [rank for rank, p in enumerate(context.processes) if p.exitcode not in (None, 0)]
    if failed:
        _kill(context)
        first = context.processes[min(failed, key=lambda rank: _failed_at(folder, rank))].sentinel
        for sentinel in [s for s in context.sentinels if s != first]:
            del context.sentinels[sentinel]
    torch_log = logging.getLogger("torch.multiprocessing.spawn")
    torch_log.disabled, was = True, torch_log.disabled
    try:
        return context.join(timeout=0)
    finally:
        torch_log.disabled = was


def _failed_at(folder: Path, rank: int) -> float:
    """When this rank's worker raised (time.monotonic(), the same clock in every process); minus
    infinity for a rank that ended without raising (killed by a signal, os._exit): nothing caused that."""
    try:
        return float((folder / f"failed-{rank}").read_text())
    except (OSError, ValueError):
        return float("-inf")


def _kill(context) -> None:
    for process in context.processes:
        if process.is_alive():
            process.kill()
        process.join()


@dataclass
class Unsent:
    """What a rank returned that could not be pickled back (a DDP wrapper, a lambda): its type's name and why."""

    rank: int
    module: str
    qualname: str
    why: str

    def stand_in(self) -> object:
        """An object of a class named as the returned value's (not that class), so that a test's type check
        reads 'yours is <DistributedDataParallel object>' instead of a pickling error."""
        name = self.qualname.rsplit(".", 1)[-1]
        kind = type(name, (_NotSentBack,), {"__module__": self.module, "__qualname__": self.qualname})
        return kind(self)


class _NotSentBack:
    def __init__(self, unsent: Unsent):
        self.unsent = unsent

    def __repr__(self) -> str:
        u = self.unsent
        return f"<{u.qualname} returned by rank {u.rank}, which cannot be sent back to this process ({u.why})>"


def _collected(folder: Path, rank: int) -> Rank:
    with open(folder / f"result-{rank}.pkl", "rb") as f:
        saved = pickle.load(f)
    if isinstance(saved["value"], Unsent):
        saved["value"] = saved["value"].stand_in()
    events = saved["events"]
    return Rank(rank, saved["value"], (folder / f"out-{rank}.txt").read_text(),
                sum(what == "all-reduce" for what, *_ in events), sum(what == "save" for what, *_ in events), events)


def launch(fn, *args, world: int = WORLD, timeout: float | None = None, method: str | None = None) -> list:
    """Run `fn(rank, world, *args)` on `world` processes in one gloo process group on the CPU; each rank's
    return value, in rank order, after printing what each rank printed (launch_ranks, with the counts
    left out)."""
    ranks = launch_ranks(fn, *args, world=world, timeout=timeout, method=method)
    for r in ranks:
        for line in r.out.splitlines():
            print(f"[rank {r.rank}] {line}")
    return [r.value for r in ranks]


# ---- the model, the data and the runs the lesson compares -------------------------------------------

STEPS, LR, BATCH = 5, 0.1, 8


def make_model(seed: int = 0, norm: bool = False) -> nn.Module:
    """A small regression model, the same on every rank that asks with the same seed."""
    torch.manual_seed(seed)
    layers = [nn.Linear(4, 8), *([nn.BatchNorm1d(8)] if norm else []), nn.Tanh(), nn.Linear(8, 1)]
    return nn.Sequential(*layers)


def make_data(seed: int = 1, batch: int = BATCH) -> tuple[torch.Tensor, torch.Tensor]:
    """One full batch (inputs, targets), the same on every rank."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, 4, generator=g)
    return x, x.sum(1, keepdim=True).sin() + 0.1 * torch.randn(batch, 1, generator=g)


def shard(t: torch.Tensor, rank: int, world: int) -> torch.Tensor:
    """This rank's contiguous share of a batch."""
    return t.chunk(world)[rank]


def single_process(model: nn.Module | None = None, x: torch.Tensor | None = None, y: torch.Tensor | None = None,
                   steps: int = STEPS, lr: float = LR, timed: list | None = None) -> dict[str, torch.Tensor]:
    """The reference: one process, the full batch, plain SGD on a copy of `model` (make_model() by
    default, on make_data()); the trained state_dict. `timed` gets each step's forward and backward as
    (0, step, kind, start, end) records, in milliseconds."""
    model = copy.deepcopy(model) if model is not None else make_model()
    if x is None:
        x, y = make_data()
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    t0 = time.perf_counter()
    for step in range(steps):
        opt.zero_grad()
        start = time.perf_counter()
        loss = nn.functional.mse_loss(model(x), y)
        middle = time.perf_counter()
        loss.backward()
        end = time.perf_counter()
        opt.step()
        if timed is not None:
            timed += [(0, step, kind, 1000 * (a - t0), 1000 * (b - t0))
                      for kind, a, b in (("forward", start, middle), ("backward", middle, end))]
    return {k: v.clone() for k, v in model.state_dict().items()}


def ddp_train(rank: int, world: int, steps: int = STEPS, lr: float = LR, bug: str | None = None,
              norm: bool = False) -> dict[str, torch.Tensor]:
    """A worker: DDP on this rank's half of the batch; its trained state_dict (without DDP's prefix).

    `bug` puts one pitfall in place: "reinit" (each rank re-initialises its model after wrapping),
    "module" (the forward goes through ddp.module, around DDP), "no_shard" (every rank trains on the
    whole batch: the same numbers, twice the work)."""
    model = make_model(norm=norm)
    ddp = DDP(model)
    if bug == "reinit":
        torch.manual_seed(100 + rank)
        for m in model.modules():
            if isinstance(m, nn.Linear):
                m.reset_parameters()
    x, y = make_data()
    if bug != "no_shard":
        x, y = shard(x, rank, world), shard(y, rank, world)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    forward = ddp.module if bug == "module" else ddp
    for _ in range(steps):
        opt.zero_grad()
        nn.functional.mse_loss(forward(x), y).backward()
        opt.step()
    return {k: v.clone() for k, v in model.state_dict().items()}


def timeline_records(ranks: list[Rank]) -> list[tuple]:
    """Each rank's forwards, backwards and gradient all-reduces as measured in the run, as
    (rank, step, kind, start, end) records for pitfalls.show_timeline, in milliseconds from the first
    forward."""
    kinds = ("forward", "backward", "all-reduce")
    t0 = min((start for r in ranks for what, start, _ in r.events if what == "forward"), default=0.0)
    records = []
    for r in ranks:
        steps = dict.fromkeys(kinds, 0)
        for what, start, end in r.events:
            if what in kinds:
                records.append((r.rank, steps[what], what, 1000 * (start - t0), 1000 * (end - t0)))
                steps[what] += 1
    return records


def rank_sum(rank: int, world: int) -> int:
    """A worker with no model: the sum of the ranks' numbers, all-reduced (the cheapest proof that a
    process group works, for the spawn route where each rank imports torch afresh)."""
    total = torch.tensor([rank])
    dist.all_reduce(total)
    return int(total)


def largest_difference(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> float:
    """The largest absolute difference between two state_dicts' floating-point values."""
    return max((a[k].double() - b[k].double()).abs().max().item() for k in a if a[k].is_floating_point())


class UnusedHead(nn.Module):
    """A model with a head that `forward` never calls: DDP waits for its gradient."""

    def __init__(self):
        super().__init__()
        self.body, self.head = nn.Linear(4, 1), nn.Linear(4, 1)

    def forward(self, x):
        return self.body(x)


def unused_parameters(rank: int, world: int, find_unused: bool = False, steps: int = 2) -> int:
    """A worker: train UnusedHead for `steps` steps; the number of steps it finished."""
    torch.manual_seed(0)
    ddp = DDP(UnusedHead(), find_unused_parameters=find_unused)
    x, y = make_data()
    done = 0
    for _ in range(steps):
        nn.functional.mse_loss(ddp(shard(x, rank, world)), shard(y, rank, world)).backward()
        done += 1
    return done


class Counted(nn.Sequential):
    """make_model's network that also counts the rows its forward has seen (a plain attribute, not state)."""

    rows_seen = 0

    def forward(self, x):
        self.rows_seen += x.shape[0]
        return super().forward(x)


def counted_model(seed: int = 0, norm: bool = False) -> Counted:
    """make_model(seed, norm) as a Counted network."""
    return Counted(*make_model(seed, norm))


def local_state(rank: int, world: int, model: nn.Module, x: torch.Tensor, y: torch.Tensor, steps: int = STEPS,
                lr: float = LR) -> dict[str, torch.Tensor]:
    """A worker: DDP without buffer broadcasts on this rank's half of the batch; this rank's own
    state_dict (its BatchNorm statistics are its own half's)."""
    wrapped = DDP(model, broadcast_buffers=False)  # each rank keeps the statistics of its own halves
    opt = torch.optim.SGD(wrapped.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        nn.functional.mse_loss(wrapped(shard(x, rank, world)), shard(y, rank, world)).backward()
        opt.step()
    return {k: v.clone() for k, v in model.state_dict().items()}


def averaged(states: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """The ranks' state_dicts averaged: floating-point values by their mean, counters as they are."""
    return {k: torch.stack([s[k] for s in states]).mean(0) if v.is_floating_point() else v.clone()
            for k, v in states[0].items()}


# ---- lesson 09's predictions: what each snippet leaves on the ranks -----------------------------------

def _snippet(name: str, rank: int, world: int) -> nn.Module:
    """Run one of the predict part's snippets on this rank; the model it leaves."""
    x, y = make_data()
    x, y = shard(x, rank, world), shard(y, rank, world)
    if name == "A":  # each rank seeds differently, builds its model, then wraps it
        torch.manual_seed(rank)
        model = nn.Linear(4, 1)
        ddp = DDP(model)
    elif name == "B":  # wrapped, then re-initialised with a per-rank seed
        model = make_model()
        ddp = DDP(model)
        torch.manual_seed(rank)
        model[0].reset_parameters()
    elif name in ("D", "E"):
        torch.manual_seed(0)
        model = UnusedHead()
        ddp = DDP(model, find_unused_parameters=name == "E")
    elif name == "F":
        model = make_model(norm=True)
        ddp = DDP(model)
    else:
        model = make_model()
        ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=LR)
    for _ in range(3):
        opt.zero_grad()
        if name == "C":  # the forward through ddp.module
            nn.functional.mse_loss(ddp.module(x), y).backward()
        elif name == "G":  # every backward inside no_sync()
            with ddp.no_sync():
                nn.functional.mse_loss(ddp(x), y).backward()
        else:
            nn.functional.mse_loss(ddp(x), y).backward()
        opt.step()
    return model


def _same_on_every_rank(model: nn.Module) -> bool:
    flat = torch.cat([t.detach().flatten().float() for t in model.state_dict().values()])
    gathered = [torch.empty_like(flat) for _ in range(dist.get_world_size())]
    dist.all_gather(gathered, flat)
    return all(torch.equal(gathered[0], g) for g in gathered)


def outcomes(rank: int, world: int, names: tuple[str, ...] = tuple("ABCDEFG")) -> dict[str, str]:
    """A worker: for each snippet, "same" (every rank ends with the same state_dict), "differ", or
    "raises"; the snippets run one after another in this one process group."""
    found = {}
    for name in names:
        try:
            model = _snippet(name, rank, world)
        except RuntimeError:
            found[name] = "raises"
            continue
        found[name] = "same" if _same_on_every_rank(model) else "differ"
    return found
