"""Pipeline schedules as timelines: which stage runs which micro-batch when, and how much sits idle.

A schedule is each stage's order of work; the timeline follows from the dependencies alone
(a forward needs the previous stage's forward, a backward the next stage's backward), so the
bubble is measured from the timeline, not assumed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FORWARD, BACKWARD, ALL_REDUCE = "F", "B", "R"  # R: a measured gradient all-reduce (DDP), not compute


@dataclass(frozen=True)
class Task:
    stage: int
    micro: int
    kind: str  # FORWARD or BACKWARD
    start: float
    end: float


def naive_orders(p: int, m: int) -> list[list[tuple[str, int]]]:
    """Model parallel without pipelining: each micro-batch goes all the way down and back first."""
    return [[(k, i) for i in range(m) for k in (FORWARD, BACKWARD)] for _ in range(p)]


def gpipe_orders(p: int, m: int) -> list[list[tuple[str, int]]]:
    """GPipe: all forwards, then all backwards, on every stage."""
    return [[(FORWARD, i) for i in range(m)] + [(BACKWARD, i) for i in range(m)] for _ in range(p)]


def one_f_one_b_orders(p: int, m: int) -> list[list[tuple[str, int]]]:
    """1F1B: a few warm-up forwards, then one forward and one backward in turn, then the rest."""
    orders = []
    for s in range(p):
        warmup = min(p - s - 1, m)
        order = [(FORWARD, i) for i in range(warmup)]
        for i in range(m - warmup):
            order += [(FORWARD, warmup + i), (BACKWARD, i)]
        order += [(BACKWARD, i) for i in range(m - warmup, m)]
        orders.append(order)
    return orders


SCHEDULES = {"naive": naive_orders, "GPipe": gpipe_orders, "1F1B": one_f_one_b_orders}


def simulate(orders: list[list[tuple[str, int]]], forward: float = 1.0, backward: float = 2.0) -> list[Task]:
    """Start every task as soon as its stage is free and its inputs exist."""
    p = len(orders)
    done: dict[tuple[str, int, int], float] = {}
    free = [0.0] * p
    nxt = [0] * p
    tasks = []
    while any(nxt[s] < len(orders[s]) for s in range(p)):
        progressed = False
        for s in range(p):
            if nxt[s] == len(orders[s]):
                continue
            kind, i = orders[s][nxt[s]]
            needs = [(FORWARD, s - 1, i)] if kind == FORWARD and s > 0 else []
            if kind == BACKWARD:
                needs = [(FORWARD, s, i)] + ([(BACKWARD, s + 1, i)] if s < p - 1 else [])
            if any(n not in done for n in needs):
                continue
            start = max([free[s], *(done[n] for n in needs)])
            end = start + (forward if kind == FORWARD else backward)
            done[(kind, s, i)] = free[s] = end
            tasks.append(Task(s, i, kind, start, end))
            nxt[s] += 1
            progressed = True
        if not progressed:
            raise ValueError("this schedule deadlocks: some stage waits for work that never comes")
    return tasks


def schedule(name: str, stages: int, micro_batches: int, forward: float = 1.0, backward: float = 2.0) -> list[Task]:
    """The timeline of a named schedule ('naive', 'GPipe' or '1F1B')."""
    if stages < 1 or micro_batches < 1:
        raise ValueError(f"need at least one stage and one micro-batch, got {stages} and {micro_batches}")
    if name not in SCHEDULES:
        raise ValueError(f"unknown schedule {name!r}; choose one of {', '.join(SCHEDULES)}")
    return simulate(SCHEDULES[name](stages, micro_batches), forward, backward)


def bubble_fraction(tasks: list[Task]) -> float:
    """The share of stage-time spent idle, measured: 1 - busy / (stages x makespan); an all-reduce is
    communication, not work: a stage that only waits for one is idle."""
    if not tasks:
        return 0.0
    stages = len({t.stage for t in tasks})
    span = max(t.end for t in tasks) - min(t.start for t in tasks)
    busy = sum(t.end - t.start for t in tasks if t.kind != ALL_REDUCE)  # it overlaps the backward
    return 1 - busy / (stages * span) if span > 0 else 0.0


def bubble_formula(stages: int, micro_batches: int) -> float:
    """GPipe's and 1F1B's bubble on paper: (p - 1) / (m + p - 1)."""
    return (stages - 1) / (micro_batches + stages - 1)


def peak_in_flight(tasks: list[Task]) -> dict[int, int]:
    """Per stage, the most micro-batches whose activations are held at once (forward done, backward not)."""
    peak = {}
    for stage in sorted({t.stage for t in tasks}):
        held = best = 0
        for t in sorted((t for t in tasks if t.stage == stage and t.kind != ALL_REDUCE), key=lambda t: t.start):
            held += 1 if t.kind == FORWARD else -1
            best = max(best, held)
        peak[stage] = best
    return peak


def timeline(records: Iterable) -> list[Task]:
    """Measured records, as (stage, micro_batch, 'forward'|'backward'|'all-reduce', start, end) tuples or dicts."""
    tasks = []
    for n, record in enumerate(records):
        if isinstance(record, dict):
            record = (record.get("stage"), record.get("micro_batch", record.get("micro")),
                      record.get("kind"), record.get("start"), record.get("end"))
        try:
            stage, micro, kind, start, end = record
            kind = {"forward": FORWARD, "f": FORWARD, "backward": BACKWARD, "b": BACKWARD,
                    "all-reduce": ALL_REDUCE, "r": ALL_REDUCE}[str(kind).lower()]
            task = Task(int(stage), int(micro), kind, float(start), float(end))
        except (TypeError, ValueError, KeyError) as error:
            raise ValueError(f"record {n} is not (stage, micro_batch, forward|backward|all-reduce, start, end): "
                             f"{record!r}") from error
        if task.end < task.start:
            raise ValueError(f"record {n} ends before it starts: {record!r}")
        tasks.append(task)
    return tasks
