"""nbgrader's Execute, bounded: a notebook time limit, a cap on output, and a kernel that may die.

Stock nbgrader gives up on the whole notebook when its kernel dies, and keeps every byte a cell
prints. Here the cells already run keep their results, the cells after a death or past the time
limit are marked as not run (so their tests score zero), and a flood of output is cut off.
"""

from __future__ import annotations

import time

from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Integer


def not_run(reason: str, here: bool = False):
    """The error a cell shows when it was stopped (here) or skipped because of an earlier stop."""
    text = f"stopped: {reason}" if here else f"not run: {reason}"
    return new_output("error", ename="NotRun", evalue=text, traceback=[f"NotRun: {text}"])


class BoundedExecute(Execute):
    notebook_timeout = Integer(600, help="seconds for the whole notebook; later cells are not run").tag(config=True)
    max_output_bytes = Integer(1_000_000, help="bytes of output kept per cell; the rest is dropped").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self.stopped: str | None = None
        self.deadline = time.monotonic() + self.notebook_timeout
        self.kept: dict[int, int] = {}  # cell index -> output bytes kept
        self.truncated: set[int] = set()
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not cell.source.strip():
            return super().preprocess_cell(cell, resources, index)
        if self.stopped is None and time.monotonic() > self.deadline:
            self.stopped = f"the notebook's time limit ({self.notebook_timeout} s) was reached"
        if self.stopped:
            cell.outputs = [not_run(self.stopped)]
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.stopped = "the kernel died (a crash, os._exit, or out of memory)"
        except (TimeoutError, RuntimeError):  # nbclient's CellTimeoutError: the kernel ignored the interrupt
            self.stopped = "a cell timed out and the kernel ignored the interrupt"
        cell.outputs.append(not_run(self.stopped, here=True))
        return cell, resources

    def output(self, outs, msg, display_id, cell_index):
        size = len(str(msg.get("content", "")))
        kept = self.kept.get(cell_index, 0)
        if kept + size > self.max_output_bytes:
            if cell_index not in self.truncated:
                self.truncated.add(cell_index)
                outs.append(new_output("stream", name="stdout",
                                       text=f"\n[output cut off at {self.max_output_bytes} bytes]\n"))
            return None
        self.kept[cell_index] = kept + size
        return super().output(outs, msg, display_id, cell_index)
