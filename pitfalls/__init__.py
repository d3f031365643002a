"""PyTorch Pitfalls: pictures of PyTorch's hidden state, and checks that teach.

Notebooks import the few friendly names below; the plumbing stays in the modules.
"""

from .draw.render import set_scale
from .graph import autograd_graph
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
    "autograd_graph", "set_scale", "show_graph", "show_modules", "show_schedule", "show_storage", "show_timeline",
]
