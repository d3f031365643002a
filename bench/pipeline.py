"""GPipe on this machine: lesson 10's model on two real processes, the measured speed-up over the naive split
next to what the bubble bound predicts, p·m / (m + p − 1)."""

from __future__ import annotations

from pitfalls.lessons import data_parallel as dp
from pitfalls.lessons import pipeline_parallel as pp

MICRO_BATCHES = (2, 4, 8)


def measure(repeat: int = 5) -> dict:
    """The naive split (GPipe with one micro-batch) and GPipe with each of MICRO_BATCHES, each the fastest of
    `repeat` steps after one to warm up (not counted), each step timed until its slowest rank is done (pp.sweep),
    all in one process group."""
    model = pp.make_model()
    x, y = pp.make_data(model)
    stages = dp.WORLD
    runs = [("GPipe", 1)] + [("GPipe", m) for m in MICRO_BATCHES]
    seconds = dp.launch(pp.sweep, model, pp.halves(model, stages), x, y, runs, repeat, timeout=300)[0]
    naive = seconds[("GPipe", 1)]
    return {"stages": stages, "naive_ms": 1000 * naive,
            "rows": [{"micro_batches": m, "ms": 1000 * seconds[("GPipe", m)], "speedup": naive / seconds[("GPipe", m)],
                      "bound": stages * m / (m + stages - 1)} for m in MICRO_BATCHES]}


def markdown(result: dict) -> list[str]:
    """The table's lines: each GPipe run's speed-up over the naive split, the bound's, and their ratio."""
    out = [f"| GPipe, {result['stages']} processes (lesson 10's model) | step | speed-up over the naive split "
           f"({result['naive_ms']:.1f} ms) | bubble bound p·m/(m+p−1) | measured ÷ bound |",
           "|---|---:|---:|---:|---:|"]
    out += [f"| m = {r['micro_batches']} micro-batches | {r['ms']:.1f} ms | {r['speedup']:.2f}× | {r['bound']:.2f}× "
            f"| {r['speedup'] / r['bound']:.0%}{' (above the bound: noise)' if r['speedup'] > r['bound'] else ''} |"
            for r in result["rows"]]
    return out
