"""pitfalls.widgets and pitfalls.draw: moving a control changes the picture and the facts."""

from __future__ import annotations

import pytest
import torch

from pitfalls import GraphExplorer, show_graph
from pitfalls.draw import graph_figure
from pitfalls.graph import autograd_graph

PNG = b"\x89PNG"


def two_cases():
    def leaf():
        return {"w": torch.ones(2, requires_grad=True)}

    def product():
        w = torch.ones(2, requires_grad=True)
        return {"w": w, "h": w * 3}

    return {"a leaf": leaf, "a product": product}


def test_show_graph_returns_a_png():
    w = torch.ones(2, requires_grad=True)
    assert show_graph({"w": w, "h": w * 2}).data.startswith(PNG)


def test_picking_another_case_redraws_picture_and_table():
    explorer = GraphExplorer(two_cases())
    first_png, first_facts = bytes(explorer.picture.value), explorer.facts.value
    assert first_png.startswith(PNG) and "<code>h</code>" not in first_facts
    explorer.picker.value = "a product"
    assert bytes(explorer.picture.value) != first_png
    assert "<code>h</code>" in explorer.facts.value and "MulBackward0" in explorer.facts.value


def test_explorer_needs_a_case():
    with pytest.raises(ValueError, match="at least one case"):
        GraphExplorer({})


def test_truncated_graph_says_so_in_the_title():
    h = torch.zeros(1, requires_grad=True)
    for _ in range(500):
        h = h * 1.0
    fig = graph_figure(autograd_graph(h, max_nodes=50))
    assert "too large" in fig.axes[0].get_title()
