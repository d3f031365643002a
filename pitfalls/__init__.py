"""PyTorch Pitfalls: pictures of PyTorch's hidden state, and checks that teach.

Notebooks import the few friendly names below; the plumbing stays in the modules.
"""

from .graph import autograd_graph
from .widgets import GraphExplorer, show_graph

__all__ = ["GraphExplorer", "autograd_graph", "show_graph"]
