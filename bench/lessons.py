"""How long each lesson takes to run live, which cell is slowest, and how much memory its kernel needs.

Each solutions notebook runs top to bottom in a fresh kernel, as a presenter's "Restart and Run All"
does: the wall time runs from asking for the kernel to the last cell's answer. The kernel's peak resident
memory is read inside the kernel after the last cell (`ru_maxrss`), so it is the notebook's own
high-water mark. The floor is what every notebook pays before its first lesson line: a fresh kernel
that runs only `import torch`.
"""

from __future__ import annotations

import statistics
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from pitfalls.course import lessons

PEAK_MEMORY = """\
import resource, sys
_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(_peak if sys.platform == "darwin" else _peak * 1024)"""  # bytes: macOS reports bytes, Linux KiB


def run_once(nb: nbformat.NotebookNode, cwd: Path) -> dict:
    """Run a notebook in a fresh kernel; wall seconds, seconds per cell, peak kernel bytes."""
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY))
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True, record_timing=True,
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(cwd)}})
    start = datetime.now(UTC)
    client.execute(stderr=subprocess.DEVNULL)  # the kernel's own start-up chatter
    done = stamp(nb.cells[-1], "iopub.execute_input")  # the lesson's last cell had answered
    cells = [(stamp(c, "shell.execute_reply") - stamp(c, "iopub.execute_input")).total_seconds()
             if "execution" in c.metadata else 0.0 for c in nb.cells[:-1]]  # markdown, empty cells
    peak = int(nb.cells[-1].outputs[0]["text"])
    return {"wall_s": (done - start).total_seconds(), "cells_s": cells, "peak_bytes": peak}


def stamp(cell, key: str) -> datetime:
    return datetime.fromisoformat(cell.metadata["execution"][key].replace("Z", "+00:00"))


def first_line(source: str) -> str:
    line = next((line for line in source.splitlines() if line.strip() and not line.startswith("#")), "")
    return line if len(line) <= 60 else line[:57] + "..."


def measure_notebook(path: Path, repeat: int = 3) -> dict:
    nb = nbformat.read(path, as_version=4)
    runs = [run_once(nb, path.parent) for _ in range(repeat)]
    per_cell = [statistics.median(run["cells_s"][i] for run in runs) for i in range(len(nb.cells))]
    slowest = max(range(len(per_cell)), key=per_cell.__getitem__)
    return {"wall_s": statistics.median(run["wall_s"] for run in runs),
            "runs_s": [run["wall_s"] for run in runs],
            "slowest_cell": {"index": slowest, "seconds": per_cell[slowest],
                             "source": first_line(nb.cells[slowest].source)},
            "peak_mib": max(run["peak_bytes"] for run in runs) / 2**20}


def floor(repeat: int = 3) -> dict:
    """A fresh kernel alone, and a fresh kernel that imports torch: the cost every lesson starts with."""
    here = Path.cwd()
    result = {}
    for label, source in (("kernel_s", "pass"), ("kernel_import_torch_s", "import torch")):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
        result[label] = statistics.median(run_once(nb, here)["wall_s"] for _ in range(repeat))
    return result


def measure(repeat: int = 3) -> dict:
    return {name: {**measure_notebook(lesson.source, repeat), "budget_s": lesson.budget_s}
            for name, lesson in lessons().items()}
