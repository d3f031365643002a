"""pitfalls.draw: the pictures say, in words, what the data model found."""

from __future__ import annotations

import torch

from pitfalls.draw import graph_figure, module_figure, storage_figure, svg_bytes
from pitfalls.graph import autograd_graph
from pitfalls.modtree import module_tree
from pitfalls.storage import storage_map


def texts(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text")))


def test_truncated_graph_says_so_in_the_title():
    h = torch.zeros(1, requires_grad=True)
    for _ in range(10_000):
        h = h * 1.0
    graph = autograd_graph(h)
    fig = graph_figure(graph)
    assert graph.truncated and "too large: showing the first" in fig.axes[0].get_title()
    assert svg_bytes(fig)


def test_a_tensor_with_no_graph_says_there_is_none():
    fig = graph_figure(autograd_graph(torch.zeros(2)))
    assert "no autograd graph" in fig.axes[0].get_title()


def test_a_stale_graph_states_the_error_before_backward_runs():
    a = torch.randn(3, requires_grad=True)
    b = a.exp()
    loss = b.sum()
    b.zero_()
    assert "backward() will raise RuntimeError: one of the variables needed" in texts(graph_figure(
        autograd_graph({"b": b, "loss": loss}))).replace("\n", " ")


def test_a_sound_graph_says_backward_can_run():
    a = torch.randn(3, requires_grad=True)
    assert "backward can run" in texts(graph_figure(autograd_graph((a * a).sum())))


def test_storage_picture_names_aliases_and_counts_shared_storages():
    a = torch.zeros(3)
    text = texts(storage_figure(storage_map({"a": a, "b": a, "c": a.clone()})))
    assert "b is a" in text and "3 names, 2 storages, 1 shared" in text


def test_big_module_trees_are_cut_short_and_say_so():
    model = torch.nn.Sequential(*[torch.nn.ReLU() for _ in range(100)])
    assert "too large: showing the first 60 of 101 modules" in texts(module_figure(module_tree(model)))
