"""nbgrader's Execute, bounded and audited: a notebook time limit, a cap on output, a kernel that may
die, and a kernel whose state is compared with its state at the start before every test cell.

Stock nbgrader gives up on the whole notebook when its kernel dies, and keeps every byte a cell
prints. Here the cells already run keep their results, the cells after a death or past the time
limit are marked as not run (so their tests score zero), and a flood of output is cut off.

Before the first cell, and again before each test cell, the kernel is asked for its fingerprint
(autograde.audit) through an execute request's user_expressions. The first answer is kept here,
outside the kernel; when a later one differs (a check, a torch function or a builtin replaced, an
input transformer, hook or exception handler installed, a thread or process of the notebook's own
left running), that test cell and every cell after it are not run, and the test cell says what
changed: the integrity report lists it (autograde.integrity.tampering).
"""

from __future__ import annotations

import ast
import json
import time

from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade
from traitlets import Integer

from .integrity import TAMPERED

AUDIT = '__import__("autograde.audit", fromlist=["fingerprint"]).fingerprint(detail={detail})'


def not_run(reason: str, here: bool = False):
    """The error a cell shows when it was stopped (here) or skipped because of an earlier stop."""
    text = f"stopped: {reason}" if here else f"not run: {reason}"
    return new_output("error", ename="NotRun", evalue=text, traceback=[f"NotRun: {text}"])


def tampered(test: str, changed: list[str]):
    """The error a test cell shows when the kernel was changed before it ran: what changed."""
    shown = ", ".join(changed[:6]) + (f" and {len(changed) - 6} more" if len(changed) > 6 else "")
    text = f"stopped: the kernel was changed before {test} ran: {shown}"
    return new_output("error", ename=TAMPERED, evalue=text, traceback=[f"{TAMPERED}: {text}"])


class AuditUnavailable(Exception):
    """The kernel could not be read before its first cell: grading it would prove nothing."""


class BoundedExecute(Execute):
    notebook_timeout = Integer(600, help="seconds for the whole notebook; later cells are not run").tag(config=True)
    max_output_bytes = Integer(1_000_000, help="bytes of output kept per cell; the rest is dropped").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self.stopped: str | None = None
        self.deadline = time.monotonic() + self.notebook_timeout
        self.kept: dict[int, int] = {}  # cell index -> output bytes kept
        self.truncated: set[int] = set()
        self.expected: dict | None = None  # the kernel's fingerprint before its first cell
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
            if self.expected is None:
                self.expected = self.fingerprint(detail=True)
                if isinstance(self.expected, str):
                    raise AuditUnavailable(f"the kernel could not be read before its first cell: {self.expected}")
            changed = self.changes() if is_grade(cell) else []
            if changed:
                test = cell.metadata.nbgrader.grade_id
                self.stopped = f"the kernel was changed before {test} ran"
                cell.outputs = [tampered(test, changed)]
                return cell, resources
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.stopped = "the kernel died (a crash, os._exit, or out of memory)"
        except (TimeoutError, RuntimeError):  # nbclient's CellTimeoutError: the kernel ignored the interrupt
            self.stopped = "a cell timed out and the kernel ignored the interrupt"
        cell.outputs.append(not_run(self.stopped, here=True))
        return cell, resources

    def fingerprint(self, detail: bool = False) -> dict | str:
        """The kernel's autograde.audit.fingerprint(), asked for by an empty, silent request; or why there is none."""
        request = self.kc.execute("", silent=True, store_history=False, allow_stdin=False,
                                  user_expressions={"audit": AUDIT.format(detail=detail)})
        reply = self.wait_for_reply(request) or {}
        answer = reply.get("content", {}).get("user_expressions", {}).get("audit")
        if answer is None:
            return "the kernel did not answer the audit"
        if answer.get("status") != "ok":
            return f"the audit failed in the kernel ({answer.get('ename')}: {answer.get('evalue')})"
        try:
            return json.loads(ast.literal_eval(answer["data"]["text/plain"]))
        except (KeyError, ValueError, SyntaxError, TypeError):
            return "the kernel's answer to the audit was not a fingerprint"

    def changes(self) -> list[str]:
        """What differs from the fingerprint taken before the first cell. A namespace that only gained
        names (torch and NumPy load some lazily) is accepted as it is now."""
        now = self.fingerprint()
        if isinstance(now, str):
            return [now]
        was, state = self.expected["state"], now["state"]
        changed = [what for what in sorted(was.keys() | state.keys()) if was.get(what) != state.get(what)]
        grown = [space for space, digest in now["spaces"].items() if self.expected["spaces"].get(space) != digest]
        if grown:
            detail = self.fingerprint(detail=True)
            if isinstance(detail, str):
                return [*changed, detail]
            for space in grown:
                was, names = self.expected["bindings"].get(space, {}), detail["bindings"].get(space, {})
                moved = [f"{space}.{name}" for name, value in was.items() if names.get(name) != value]
                changed += moved
                if not moved:
                    self.expected["spaces"][space] = detail["spaces"][space]
                    self.expected["bindings"][space] = names
        return changed

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
