"""PyTorch Pitfalls: pictures of PyTorch's hidden state, and checks that teach.

Notebooks import the few friendly names below; the plumbing stays in the modules. Importing the
package in IPython also makes errors show their message first (`%tb` prints the full traceback).
"""

from .graph import autograd_graph
from .tracebacks import show_errors_briefly
from .widgets import (
    GraphExplorer,
    ModuleExplorer,
    PipelineExplorer,
    StepThrough,
    StorageExplorer,
    show_graph,
    show_modules,
    show_schedule,
    show_storage,
    show_timeline,
)

__all__ = [
    "GraphExplorer", "ModuleExplorer", "PipelineExplorer", "StepThrough", "StorageExplorer",
    "autograd_graph", "show_graph", "show_modules", "show_schedule", "show_storage", "show_timeline",
]

show_errors_briefly()
