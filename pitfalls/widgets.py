"""ipywidgets front-ends over the plain-data models: controls that redraw a picture."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w
import torch
from IPython.display import Image

from .draw import graph_figure, png_bytes
from .graph import autograd_graph, tensor_kind

Tensors = dict[str, torch.Tensor]


def show_graph(tensors: Tensors | torch.Tensor, title: str | None = None) -> Image:
    """A static picture of the autograd graph behind some named tensors (leaves in green)."""
    return Image(png_bytes(graph_figure(autograd_graph(tensors), title=title)))


def facts_table(tensors: Tensors) -> str:
    """An HTML table of is_leaf, requires_grad and grad_fn: the facts the picture explains."""
    rows = "".join(
        f"<tr><td><code>{escape(name)}</code></td><td>{t.is_leaf}</td><td>{t.requires_grad}</td>"
        f"<td><code>{escape(type(t.grad_fn).__name__) if t.grad_fn else 'None'}</code></td>"
        f"<td>{tensor_kind(t)}</td></tr>"
        for name, t in tensors.items()
    )
    head = "<tr><th>name</th><th>is_leaf</th><th>requires_grad</th><th>grad_fn</th><th>kind</th></tr>"
    return f"<table>{head}{rows}</table>"


class GraphExplorer(w.VBox):
    """Pick a case from a menu; its autograd graph and leaf facts are redrawn at once.

    Each case is a function that builds fresh tensors, so no case sees another's state.
    """

    def __init__(self, cases: dict[str, Callable[[], Tensors]]):
        if not cases:
            raise ValueError("GraphExplorer needs at least one case to show")
        self.cases = cases
        self.picker = w.Dropdown(options=list(cases), description="case", layout=w.Layout(width="60%"))
        self.picture = w.Image(format="png")
        self.facts = w.HTML()
        self.picker.observe(lambda _: self.redraw(), names="value")
        super().__init__([self.picker, self.picture, self.facts])
        self.redraw()

    def redraw(self) -> None:
        tensors = self.cases[self.picker.value]()
        self.picture.value = png_bytes(graph_figure(autograd_graph(tensors), title=self.picker.value))
        self.facts.value = facts_table(tensors)
