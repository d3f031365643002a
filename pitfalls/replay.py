"""Replay a short script one statement at a time, keeping a snapshot of its state after each.

The explorers' step-through sliders move over these snapshots: the script runs once, forward,
exactly as it would in a cell, and each step records what a picture needs at that moment.
"""

from __future__ import annotations

import ast
import contextlib
import io
import textwrap
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch


@dataclass(frozen=True)
class Step:
    """The state after one statement ran (step 0: before any ran)."""

    index: int
    line: int  # the statement's first line in the script, 0 for step 0
    source: str  # the statement itself, '' for step 0
    snapshot: Any  # what the view function made of the namespace at this moment
    error: str | None = None  # 'RuntimeError: ...' when the statement raised
    output: str = ""  # what it printed
    warnings: tuple[str, ...] = ()


def tidy(script: str) -> str:
    """The script as it is replayed and listed: dedented, without blank lines around it, so a
    triple-quoted script in a notebook cell numbers its lines from its first statement."""
    return textwrap.dedent(script).strip("\n")


def statements(script: str) -> list[ast.stmt]:
    """The script's top-level statements: a `with` block or a loop is one step."""
    return ast.parse(script).body


def replay(script: str, view: Callable[[dict[str, Any]], Any],
           namespace: dict[str, Any] | None = None) -> list[Step]:
    """Run `script` statement by statement and snapshot `view(namespace)` after each.

    A statement that raises becomes that step's error and the replay goes on, as later cells of a
    notebook would; a script that does not parse is a single step holding the SyntaxError.
    """
    namespace = {"torch": torch} if namespace is None else namespace
    script = tidy(script)
    steps = [Step(0, 0, "", view(namespace))]
    try:
        body = statements(script)
    except SyntaxError as error:
        return [Step(0, error.lineno or 0, "", steps[0].snapshot, f"SyntaxError: {error.msg}")]
    for index, stmt in enumerate(body, start=1):
        code = compile(ast.Module([stmt], type_ignores=[]), "<script>", "exec")
        out, error = io.StringIO(), None
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
            warnings.simplefilter("always")
            try:
                exec(code, namespace)
            except Exception as raised:  # shown as this step's result; the replay goes on
                error = f"{type(raised).__name__}: {raised}"
        steps.append(Step(index, stmt.lineno, ast.get_source_segment(script, stmt) or "",
                          view(namespace), error, out.getvalue(),
                          tuple(f"{w.category.__name__}: {w.message}" for w in caught)))
    return steps


def tensors_in(namespace: dict[str, Any]) -> dict[str, torch.Tensor]:
    """The tensors a script has named: plain tensor variables, and each module's parameters and buffers."""
    found = {}
    for name, value in namespace.items():
        if name.startswith("_"):
            continue
        if isinstance(value, torch.Tensor):
            found[name] = value
        elif isinstance(value, torch.nn.Module):
            found.update({f"{name}.{k}": t for k, t in value.named_parameters()})
            found.update({f"{name}.{k}": t for k, t in value.named_buffers()})
    return found
