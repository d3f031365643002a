"""PyTorch Pitfalls: pictures of PyTorch's hidden state, and checks that teach.

Notebooks import the few friendly names below; the plumbing stays in the modules. The names are
loaded on first use, so a tool that needs only `pitfalls.course` (the grader, a worker process)
does not pay for torch, matplotlib and ipywidgets. Importing the package in IPython also makes
errors show their message first (`%tb` prints the full traceback).
"""

from __future__ import annotations

import importlib

from .tracebacks import show_errors_briefly

_WIDGETS = ("GraphExplorer", "ModuleExplorer", "PipelineExplorer", "StepThrough", "StorageExplorer",
            "show_graph", "show_modules", "show_schedule", "show_storage", "show_timeline")
_HOMES = {"autograd_graph": "graph", "set_scale": "draw.render", **{name: "widgets" for name in _WIDGETS}}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


show_errors_briefly()
