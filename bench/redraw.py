"""How long an explorer takes to redraw an autograd graph of 50, 100 and 200 nodes.

A slider move in StepThrough or GraphExplorer costs one `svg_bytes(graph_figure(graph))`; the
static PNG (for exported HTML and feedback) is timed beside it.
"""

from __future__ import annotations

import statistics
import time

import torch

from pitfalls.draw import graph_figure, png_bytes, svg_bytes
from pitfalls.graph import autograd_graph


def graph_of(nodes: int):
    """A tanh-MLP-like chain whose autograd graph has about `nodes` nodes (3 per layer)."""
    x = torch.randn(4, requires_grad=True)
    y = x
    while True:
        graph = autograd_graph({"x": x, "y": y}, max_nodes=10 * nodes)
        if len(graph.nodes) >= nodes:
            return graph
        y = (y * torch.randn(4, requires_grad=True)).tanh()


def median_seconds(fn, repeat: int = 7) -> float:
    fn()  # warm caches (fonts, layout) as a live explorer already has
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(sizes=(50, 100, 200)) -> list[dict]:
    rows = []
    for size in sizes:
        graph = graph_of(size)
        rows.append({
            "nodes": len(graph.nodes),
            "widget_svg_ms": 1000 * median_seconds(lambda g=graph: svg_bytes(graph_figure(g))),
            "static_png_ms": 1000 * median_seconds(lambda g=graph: png_bytes(graph_figure(g))),
        })
    return rows

