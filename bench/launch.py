"""What a process-starting cell of lesson 09 pays: its ranks started by fork, by the forkserver, by spawn, or a job
run again in a process group that is already up.

Each row is one job, run these ways: a fresh launch with fork (the lesson's route on Linux without an accelerator),
with the forkserver (where torch finds a GPU, and on macOS) once the server runs, and with a server started for it
(the first launch of a kernel, or every launch where nbgrader runs the notebook), with spawn (Windows: each rank a
fresh interpreter that imports torch), and the same job repeated inside one launch, timed on rank 0 between barriers
(what reusing one process group for every cell would cost per cell). Medians, in seconds.
Run alone: python -m bench.launch [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch.distributed as dist

from pitfalls.lessons import data_parallel as dp

JOBS = {"rank_sum": (dp.rank_sum, "an all-reduce of one number"),
        "ddp_train": (dp.ddp_train, "DDP built, 5 SGD steps on half the batch each")}


def repeated(rank: int, world: int, job: str, times: int) -> list[float]:
    """A worker: the job `times` times in this one process group; each run's seconds, from a barrier to a barrier."""
    seconds = []
    for _ in range(times):
        dist.barrier()
        start = time.perf_counter()
        JOBS[job][0](rank, world)
        dist.barrier()
        seconds.append(time.perf_counter() - start)
    return seconds


def launched(job: str, method: str) -> float:
    start = time.perf_counter()
    dp.launch_ranks(JOBS[job][0], method=method)
    return time.perf_counter() - start


def measure(repeat: int = 5) -> dict:
    """Per job: median seconds of a fork launch, a forkserver launch with the server running, a forkserver launch
    that starts its server (one: the server imports torch, seconds), a spawn launch (fewer runs: seconds each) and a
    run in a reused group. The first fork launch imports torch._dynamo into this process (DDP needs it) and is left
    out."""
    launched("rank_sum", "fork")
    rows = {}
    for job in JOBS:
        dp.stop_forkserver()
        started = launched(job, "forkserver")
        kept = [launched(job, "forkserver") for _ in range(repeat)]
        fork = [launched(job, "fork") for _ in range(repeat)]
        spawn = [launched(job, "spawn") for _ in range(max(1, repeat // 2))]
        reused = dp.launch(repeated, job, repeat + 1)[0][1:]  # the first run in a fresh group warms it
        rows[job] = {"fork_s": statistics.median(fork), "forkserver_s": statistics.median(kept),
                     "forkserver_started_s": started, "spawn_s": statistics.median(spawn),
                     "reused_s": statistics.median(reused),
                     "runs": {"fork": repeat, "forkserver": repeat, "spawn": len(spawn), "reused": len(reused)}}
    dp.stop_resource_tracker()  # and the forkserver before it
    return rows


def markdown(rows: dict) -> str:
    runs = next(iter(rows.values()))["runs"]
    lines = ["| lesson 09 job | fork launch | forkserver launch | forkserver launch, server started | spawn launch "
             "| in a reused process group |", "|---|---|---|---|---|---|"]
    lines += [f"| `{job}` ({JOBS[job][1]}) | {r['fork_s']:.2f} s | {r['forkserver_s']:.2f} s | "
              f"{r['forkserver_started_s']:.2f} s | {r['spawn_s']:.2f} s | {r['reused_s']:.3f} s |"
              for job, r in rows.items()]
    lines.append(f"\nMedians of {runs['fork']} fork launches, {runs['forkserver']} forkserver launches with the server "
                 f"running, {runs['spawn']} spawn launches and {runs['reused']} runs in one group; one launch that "
                 "started the forkserver (2 ranks; a launch includes starting, joining and reaping its processes).")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    print(markdown(measure(parser.parse_args().repeat)))
