"""Lesson 10's worker code: one model split into pipeline stages, one stage per process, timed as it runs.

The processes are lesson 09's (`data_parallel.launch` and `launch_ranks`: fork on Linux, a gloo process
group on a fresh loopback port, a timeout, every rank killed and reaped before the call returns); this
module holds what they run (the naive split by hand, with dist.send and dist.recv, is the lesson's exercise,
not here). A stage is a slice of one `nn.Sequential` of blocks (`stage_module`): a slice
keeps the blocks' names, so a stage's `state_dict` keys are the whole model's keys for its part, and its
part only. `TimedStage` is `torch.distributed.pipelining.PipelineStage` with each micro-batch's forward and
backward noted as an event of its rank, so a run's timeline is measured, not simulated; `SavedBytes`
counts the bytes autograd keeps for backward on a rank (activations, not parameters), now and at most.
"""

from __future__ import annotations

import copy
import itertools
import time
from datetime import timedelta

import torch
import torch.distributed as dist
from torch import nn
from torch.distributed.pipelining import PipelineStage, Schedule1F1B, ScheduleGPipe, ScheduleInterleaved1F1B

from . import data_parallel as dp

WIDTH, BLOCKS, BATCH = 512, 8, 256
SCHEDULES = {"GPipe": ScheduleGPipe, "1F1B": Schedule1F1B}


def make_model(seed: int = 0, widths: tuple[int, ...] | None = None, norm: bool = False) -> nn.Sequential:
    """A stack of blocks (Linear, [BatchNorm1d], Tanh) through `widths` (BLOCKS blocks of WIDTH by default),
    the same on every rank that asks with the same seed."""
    widths = widths or (WIDTH,) * (BLOCKS + 1)
    torch.manual_seed(seed)
    return nn.Sequential(*[nn.Sequential(nn.Linear(a, b), *([nn.BatchNorm1d(b)] if norm else []), nn.Tanh())
                           for a, b in itertools.pairwise(widths)])


def make_data(model: nn.Sequential, seed: int = 1, batch: int = BATCH) -> tuple[torch.Tensor, torch.Tensor]:
    """One batch (inputs, targets) for `model`, the same on every rank."""
    g = torch.Generator().manual_seed(seed)
    first, last = model[0][0].in_features, model[-1][0].out_features
    return torch.randn(batch, first, generator=g), torch.rand(batch, last, generator=g) * 2 - 1


def halves(model: nn.Sequential, stages: int = dp.WORLD) -> list[int]:
    """Split points that give each stage the same number of blocks (the last gets what is left over):
    [0, ..., len(model)]."""
    return [round(s * len(model) / stages) for s in range(stages)] + [len(model)]


def stage_module(model: nn.Sequential, bounds: list[int], stage: int) -> nn.Sequential:
    """The blocks stage `stage` runs: model[bounds[stage]:bounds[stage + 1]], the same block objects, under
    the same names (a slice of a Sequential keeps its children's names)."""
    return model[bounds[stage]:bounds[stage + 1]]


def nan_outside(model: nn.Sequential, bounds: list[int], stage: int) -> None:
    """Fill every parameter outside stage `stage` with NaN, in place (in a worker, on its own copy): then a rank
    knows the other stages only from what it receives, as the exercises' tests make sure."""
    inside = {id(p) for p in stage_module(model, bounds, stage).parameters()}
    with torch.no_grad():
        for p in model.parameters():
            if id(p) not in inside:
                p.fill_(float("nan"))


def stage_input(stage: nn.Sequential, rows: int) -> torch.Tensor:
    """An empty tensor of the shape the stage takes: what a receiving stage receives into."""
    return torch.empty(rows, stage[0][0].in_features)


def loss_fn(output: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The loss every run here computes, on the last stage."""
    return nn.functional.mse_loss(output, target)


def layer_times(model: nn.Sequential, x: torch.Tensor, repeats: int = 3) -> list[float]:
    """Each block's forward plus backward time on `x`, in milliseconds, the best of `repeats` (measured in
    this process, block by block)."""
    times = []
    for block in model:
        x = x.detach().requires_grad_()
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            out = block(x)
            out.sum().backward()
            best = min(best, time.perf_counter() - start)
        block.zero_grad()
        times.append(1000 * best)
        x = out
    return times


def stage_times(times: list[float], bounds: list[int]) -> list[float]:
    """The sum of each stage's block times, for split points `bounds`."""
    return [sum(times[a:b]) for a, b in itertools.pairwise(bounds)]


def best_split(times: list[float], stages: int) -> float:
    """The slowest stage's time under the best contiguous split, tried exhaustively (the truth a split is
    measured against)."""
    n = len(times)
    return min(max(stage_times(times, [0, *cut, n])) for cut in itertools.combinations(range(1, n), stages - 1))


def mean_loss(model: nn.Module, x: torch.Tensor, y: torch.Tensor, micro_batches: int = 1) -> torch.Tensor:
    """The mean of the loss over `micro_batches` equal micro-batches, run one after another through `model`
    (what a schedule's gradients are of: the same as the whole batch's loss unless the model mixes rows)."""
    return sum(loss_fn(model(xb), yb) for xb, yb in zip(x.chunk(micro_batches), y.chunk(micro_batches),
                                                           strict=True)) / micro_batches


def reference(model: nn.Module, x: torch.Tensor, y: torch.Tensor, micro_batches: int = 1) -> tuple[float, dict]:
    """One process, no pipeline: mean_loss and every parameter's gradient of it (the whole batch at once by
    default), on a copy of `model`."""
    model = copy.deepcopy(model)
    loss = mean_loss(model, x, y, micro_batches)
    loss.backward()
    return loss.item(), {k: p.grad.clone() for k, p in model.named_parameters()}


def busy_ms(records: list[tuple]) -> list[float]:
    """Each stage's time spent in forwards and backwards, from measured records, in their unit."""
    stages = sorted({stage for stage, *_ in records})
    return [sum(end - start for s, _, _, start, end in records if s == stage) for stage in stages]


def gradients(module: nn.Module) -> dict[str, torch.Tensor]:
    """Each parameter's gradient, by its name in `module`."""
    return {k: p.grad.clone() for k, p in module.named_parameters() if p.grad is not None}


def largest_difference(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> float:
    """The largest absolute difference between the values two dicts of tensors share a key for."""
    return max((a[k].double() - b[k].double()).abs().max().item() for k in a if k in b)


class SavedBytes:
    """A context: the bytes autograd keeps for backward while it is open (each storage counted once): now,
    and the most at once. `existing` are tensors that live anyway (the stage's parameters, the batch the
    schedule cuts its micro-batches from, as views): their storages are left out, so only what the step
    itself keeps for backward counts. An activation is counted from the forward that saves it until its
    graph is freed, by the backward that uses it."""

    def __init__(self, existing=()):
        self.now = self.peak = 0
        self._params = {t.untyped_storage().data_ptr() for t in existing}
        self._held: dict[int, int] = {}
        self._hooks = None

    def __enter__(self) -> SavedBytes:
        self._hooks = torch.autograd.graph.saved_tensors_hooks(self._pack, _unpack)
        self._hooks.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._hooks.__exit__(*exc)

    def _pack(self, tensor: torch.Tensor):
        key = tensor.untyped_storage().data_ptr()
        if key in self._params:
            return tensor
        if key not in self._held:
            self.now += tensor.untyped_storage().nbytes()
            self.peak = max(self.peak, self.now)
        self._held[key] = self._held.get(key, 0) + 1
        return _Held(self, key, tensor)

    def _release(self, key: int, nbytes: int) -> None:
        self._held[key] -= 1
        if not self._held[key]:
            del self._held[key]
            self.now -= nbytes


class _Held:
    """A saved tensor, counted until autograd lets go of it."""

    def __init__(self, counter: SavedBytes, key: int, tensor: torch.Tensor):
        self.counter, self.key, self.tensor = counter, key, tensor
        self.nbytes = tensor.untyped_storage().nbytes()

    def __del__(self):
        self.counter._release(self.key, self.nbytes)


def _unpack(held):
    return held.tensor if isinstance(held, _Held) else held


class TimedStage(PipelineStage):
    """A PipelineStage whose every micro-batch's forward and backward is noted as an event of its rank
    ("forward 3" from start to end): what the schedule runs, timed where it runs."""

    def forward_one_chunk(self, fwd_chunk_id, *args, **kwargs):
        with dp.timed(f"forward {fwd_chunk_id}"):
            return super().forward_one_chunk(fwd_chunk_id, *args, **kwargs)

    def backward_one_chunk(self, bwd_chunk_id, *args, **kwargs):
        with dp.timed(f"backward {bwd_chunk_id}"):
            return super().backward_one_chunk(bwd_chunk_id, *args, **kwargs)


def step(schedule, rank: int, world: int, x: torch.Tensor, y: torch.Tensor, losses: list) -> None:
    """One schedule step as each stage calls it: the inputs on the first stage, the targets (and the
    list that receives the micro-batches' losses) on the last, nothing on the ones between."""
    if rank == 0:
        schedule.step(x)
    elif rank == world - 1:
        schedule.step(target=y, losses=losses)
    else:
        schedule.step()


def pipelined(rank: int, world: int, model: nn.Sequential, bounds: list[int], x: torch.Tensor, y: torch.Tensor,
              schedule: str = "GPipe", micro_batches: int = 4, steps: int = 2) -> dict:
    """A worker: `steps` forward-backward steps of `schedule` over this rank's stage (no optimizer step,
    so every step computes the same gradients); what the last step measured on this rank: its seconds,
    the losses it got (the last stage's only), its most bytes saved for backward at once (the batch x, y
    left out: the micro-batches are views of it), its gradients, its stage's BatchNorm step counts, and how many
    times the stage's module ran forward in all the steps."""
    part = stage_module(model, bounds, rank)
    calls = []
    part.register_forward_pre_hook(lambda *_: calls.append(1))
    stage = TimedStage(part, rank, world, torch.device("cpu"))
    runner = SCHEDULES[schedule](stage, n_microbatches=micro_batches, loss_fn=loss_fn)
    for _ in range(steps):
        part.zero_grad()
        losses, saved = [], SavedBytes([*part.parameters(), x, y])
        with dp.timed("step"), saved:
            start = time.perf_counter()
            step(runner, rank, world, x, y, losses)
            seconds = time.perf_counter() - start
    return {"seconds": seconds, "losses": [float(loss) for loss in losses], "peak_bytes": saved.peak,
            "gradients": gradients(part),
            "batches_tracked": [int(b) for k, b in part.named_buffers() if k.endswith("num_batches_tracked")],
            "forward_calls": len(calls)}


def sweep(rank: int, world: int, model: nn.Sequential, bounds: list[int], x: torch.Tensor, y: torch.Tensor,
          runs: list[tuple[str, int]], repeats: int = 3) -> dict[tuple[str, int], float]:
    """A worker: for each (schedule, micro-batches) in `runs`, one step to warm up (not counted), then the
    fastest of `repeats` steps, in seconds; all in this one process group. A step starts at a barrier and
    ends when its slowest rank ends (the most over the ranks of each rank's time), so stage 0's last
    backward, which the last stage never waits for, is in it."""
    part = stage_module(model, bounds, rank)
    found = {}
    for name, m in runs:
        runner = SCHEDULES[name](PipelineStage(part, rank, world, torch.device("cpu")), n_microbatches=m,
                                 loss_fn=loss_fn)
        times = []
        for _ in range(repeats + 1):
            dist.barrier()
            start = time.perf_counter()
            step(runner, rank, world, x, y, [])
            times.append(time.perf_counter() - start)
        slowest = torch.tensor(times[1:], dtype=torch.float64)
        dist.all_reduce(slowest, op=dist.ReduceOp.MAX)
        found[(name, m)] = slowest.min().item()
    return found


def split_cost(model: nn.Sequential, x: torch.Tensor, y: torch.Tensor, micro_batches: int, repeats: int = 3) -> tuple:
    """In this process, no pipeline: the whole model's forward and backward on the whole batch, and on the batch
    cut into `micro_batches` run one after another (the same work, in pieces); each the fastest of `repeats`
    after one to warm up, in milliseconds."""
    found = []
    for m in (1, micro_batches):
        times = []
        for _ in range(repeats + 1):
            start = time.perf_counter()
            mean_loss(model, x, y, m).backward()
            times.append(1000 * (time.perf_counter() - start))
        found.append(min(times[1:]))
    model.zero_grad(set_to_none=True)
    return found[0], found[1]


def gradient_before_activation(rank: int, world: int, model: nn.Sequential, bounds: list[int], x: torch.Tensor,
                               y: torch.Tensor, group=None) -> None:
    """A worker that deadlocks: two stages, where stage 0 waits for the gradient of its output before it sends the
    output that stage 1 needs to compute that gradient. Both wait in dist.recv until the group's timeout."""
    part = stage_module(model, bounds, rank)
    if rank == 0:
        out = part(x)
        grad = torch.empty_like(out)
        dist.recv(grad, 1, group=group)  # waits for a gradient of an output not sent yet
        dist.send(out.detach(), 1, group=group)
    else:
        received = stage_input(part, len(x))
        dist.recv(received, 0, group=group)  # waits for the output that stage 0 holds back


def send_unreceived(rank: int, world: int, model: nn.Sequential, bounds: list[int], x: torch.Tensor,
                    y: torch.Tensor, group=None) -> None:
    """A worker whose send has no receive: stage 0 sends its output, stage 1 never posts the dist.recv."""
    if rank == 0:
        dist.send(stage_module(model, bounds, 0)(x).detach(), 1, group=group)


def what_gloo_raises(rank: int, world: int, fault, seconds: float, *args) -> tuple | None:
    """A worker: `fault(rank, world, *args, group=...)` in a new gloo group whose timeout is `seconds`; what this
    rank raised — (exception type, seconds it waited, the message's first line) — or None if it returned. Every
    rank then waits at a barrier of the launcher's group, so none has left while another still waits for it."""
    group = dist.new_group(timeout=timedelta(seconds=seconds))
    start = time.perf_counter()
    raised = None
    try:
        fault(rank, world, *args, group=group)
    except RuntimeError as error:
        raised = type(error).__name__, round(time.perf_counter() - start, 1), str(error).splitlines()[0]
    dist.barrier()
    return raised


def interleaved(rank: int, world: int, model: nn.Sequential, x: torch.Tensor, y: torch.Tensor,
                micro_batches: int = 4) -> dict:
    """A worker: ScheduleInterleaved1F1B over 2 * world stages, this rank holding stages rank and rank + world
    (each rank two non-adjacent slices of the model); one step's seconds on this rank, the losses it got, and
    every one of its stages' gradients."""
    stages = 2 * world
    bounds = halves(model, stages)
    parts = [stage_module(model, bounds, s) for s in (rank, rank + world)]
    pipes = [PipelineStage(part, s, stages, torch.device("cpu")) for part, s in zip(parts, (rank, rank + world),
                                                                                       strict=True)]
    runner = ScheduleInterleaved1F1B(pipes, n_microbatches=micro_batches, loss_fn=loss_fn)
    losses = []
    start = time.perf_counter()
    step(runner, rank, world, x, y, losses)
    return {"seconds": time.perf_counter() - start, "losses": [float(loss) for loss in losses],
            "gradients": {k: v for part in parts for k, v in gradients(part).items()}}


def timeline_records(ranks: list[dp.Rank]) -> list[tuple]:
    """Each stage's forwards and backwards of its last step, as measured in the run, as (stage, micro_batch,
    kind, start, end) records for pitfalls.show_timeline, in milliseconds from the first forward."""
    records = []
    for r in ranks:
        steps = [start for what, start, _ in r.events if what == "step"]
        since = steps[-1] if steps else float("-inf")
        for what, start, end in r.events:
            kind, _, micro = what.partition(" ")
            if kind in ("forward", "backward") and start >= since:
                records.append((r.rank, int(micro), kind, start, end))
    t0 = min(start for *_, start, _ in records)
    return [(s, i, k, 1000 * (a - t0), 1000 * (b - t0)) for s, i, k, a, b in records]


def mean_times(records: list[tuple]) -> tuple[float, float]:
    """The mean forward and the mean backward of one micro-batch on one stage, in the records' unit."""
    means = []
    for kind in ("forward", "backward"):
        spans = [end - start for _, _, k, start, end in records if k == kind]
        means.append(sum(spans) / len(spans))
    return means[0], means[1]


def train_stage(rank: int, world: int, stage: nn.Sequential, x: torch.Tensor, y: torch.Tensor, steps: int = 2,
                lr: float = 0.1, micro_batches: int = 2) -> nn.Sequential:
    """In a worker: train this rank's stage for `steps` SGD steps of GPipe; the stage, trained."""
    runner = ScheduleGPipe(PipelineStage(stage, rank, world, torch.device("cpu")), n_microbatches=micro_batches,
                           loss_fn=loss_fn)
    opt = torch.optim.SGD(stage.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        step(runner, rank, world, x, y, [])
        opt.step()
    return stage


def trained_whole(model: nn.Sequential, x: torch.Tensor, y: torch.Tensor, steps: int = 2, lr: float = 0.1,
                  micro_batches: int = 2) -> dict[str, torch.Tensor]:
    """The reference for train_stage: the whole model trained in one process, micro-batch losses averaged;
    its state_dict."""
    model = copy.deepcopy(model)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        mean_loss(model, x, y, micro_batches).backward()
        opt.step()
    return {k: v.clone() for k, v in model.state_dict().items()}


# ---- the rest of model parallelism: tensor parallel and FSDP2, tiny ---------------------------------

def tensor_parallel(rank: int, world: int) -> dict:
    """A worker: a two-layer MLP split Megatron-style over a 1-D DeviceMesh (first Linear by columns,
    second by rows); the collectives of one forward and of one backward (with an input that requires grad, and
    without), counted by CommDebugMode, and the first weight as each rank holds it."""
    from torch.distributed.device_mesh import init_device_mesh  # noqa: PLC0415
    from torch.distributed.tensor.debug import CommDebugMode  # noqa: PLC0415
    from torch.distributed.tensor.parallel import ColwiseParallel, RowwiseParallel, parallelize_module  # noqa: PLC0415

    mesh = init_device_mesh("cpu", (world,))
    torch.manual_seed(0)
    mlp = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 8))
    parallelize_module(mlp, mesh, {"0": ColwiseParallel(), "2": RowwiseParallel()})
    x = torch.randn(4, 8, requires_grad=True)
    with CommDebugMode() as forward:
        out = mlp(x)
    with CommDebugMode() as backward:
        out.sum().backward()
    out = mlp(x.detach())
    with CommDebugMode() as backward_no_input_grad:
        out.sum().backward()
    weight = mlp[0].weight
    return {"forward": _counts(forward), "backward": _counts(backward),
            "backward_no_input_grad": _counts(backward_no_input_grad),
            "weight": (type(weight).__name__, tuple(weight.shape), tuple(weight.to_local().shape),
                       str(weight.placements)), "output": (type(out).__name__, tuple(out.shape))}


def fully_sharded(rank: int, world: int) -> dict:
    """A worker: the same MLP with FSDP2's fully_shard on each Linear and on the whole; the collectives of one
    forward and of one backward, counted by CommDebugMode, and its state_dict as this rank holds it: (type,
    global shape, this rank's shape) per key."""
    from torch.distributed.device_mesh import init_device_mesh  # noqa: PLC0415
    from torch.distributed.fsdp import fully_shard  # noqa: PLC0415
    from torch.distributed.tensor.debug import CommDebugMode  # noqa: PLC0415

    mesh = init_device_mesh("cpu", (world,))
    torch.manual_seed(0)
    mlp = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 8))
    for layer in (mlp[0], mlp[2], mlp):
        fully_shard(layer, mesh=mesh)
    with CommDebugMode() as forward:
        out = mlp(torch.randn(4, 8))
    with CommDebugMode() as backward:
        out.sum().backward()
    return {"forward": _counts(forward), "backward": _counts(backward),
            "state": {k: (type(v).__name__, tuple(v.shape), tuple(v.to_local().shape))
                      for k, v in mlp.state_dict().items()}}


def _counts(mode) -> dict[str, int]:
    """CommDebugMode's counts by the collective's short name (all_reduce, _allgather_base_, ...)."""
    return {str(k).split(".")[-1]: n for k, n in mode.get_comm_counts().items()}
