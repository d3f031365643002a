"""pitfalls.graph: the graph a learner sees is the graph autograd will walk."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from pitfalls.graph import CONSTANT, FREED, LEAF, OK, OP, STALE, TENSOR, autograd_graph, tensor_kind


def test_leaf_constant_and_non_leaf_are_told_apart():
    w = torch.randn(3, requires_grad=True)
    x = torch.randn(3)
    h = w * x
    assert autograd_graph({"w": w, "x": x, "h": h}).kinds() == {"w": LEAF, "x": CONSTANT, "h": TENSOR}


def test_named_intermediate_sits_between_its_ops():
    w = torch.randn(3, requires_grad=True)
    h = w * 2
    loss = (h ** 2).sum()
    g = autograd_graph({"w": w, "h": h, "loss": loss})
    ids = {n.name: n.id for n in g.nodes if n.name}
    ops = {n.id: n.title for n in g.nodes if n.kind == OP}
    into_h = [src for src, dst in g.edges if dst == ids["h"]]
    out_of_h = [dst for src, dst in g.edges if src == ids["h"]]
    assert [ops[i] for i in into_h] == ["MulBackward0"]
    assert [ops[i] for i in out_of_h] == ["PowBackward0"]


def test_retain_grad_shows_in_the_label():
    w = torch.randn(2, requires_grad=True)
    h = w * 3
    h.retain_grad()
    node = next(n for n in autograd_graph({"h": h}).nodes if n.name == "h")
    assert "retains_grad" in node.label


def test_tensor_with_no_graph_is_a_single_node():
    g = autograd_graph(torch.zeros(2))
    assert [n.kind for n in g.nodes] == [CONSTANT] and g.edges == ()


def test_huge_graph_is_cut_short_and_says_so():
    h = torch.zeros(1, requires_grad=True)
    for _ in range(3000):
        h = h + 1
    g = autograd_graph(h, max_nodes=100)
    assert g.truncated and len(g.nodes) <= 101


OPS = {
    "mul": lambda a, b: a * b,
    "add": lambda a, b: a + b,
    "slice": lambda a, b: a[1:],
    "double": lambda a, b: a.double().float(),
    "detach": lambda a, b: a.detach(),
    "no_grad": None,
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(OPS)), st.integers(0, 50), st.integers(0, 50)),
                min_size=1, max_size=8),
       st.lists(st.booleans(), min_size=2, max_size=2))
def test_reported_leaves_are_exactly_the_trainable_is_leaf_tensors(program, grads):
    """For random short programs, the graph's LEAF names are the tensors with is_leaf and requires_grad."""
    tensors = {f"in{i}": torch.randn(4, requires_grad=g) for i, g in enumerate(grads)}
    for n, (op, i, j) in enumerate(program):
        names = list(tensors)
        a, b = tensors[names[i % len(names)]], tensors[names[j % len(names)]]
        if a.shape != b.shape:
            b = a
        if op == "no_grad":
            with torch.no_grad():
                out = a * b
        else:
            out = OPS[op](a, b)
        tensors[f"t{n}"] = out
    graph = autograd_graph(tensors)
    assert graph.leaves() == {k for k, t in tensors.items() if t.is_leaf and t.requires_grad}
    assert graph.kinds() == {k: tensor_kind(t) for k, t in tensors.items()}


def test_saved_tensor_records_its_version_and_names_the_tensor():
    a = torch.randn(3, requires_grad=True)
    b = a.sigmoid()
    c = b * a
    mul = next(n for n in autograd_graph({"a": a, "b": b, "c": c}).nodes if n.title == "MulBackward0")
    assert {(s.slot, s.tensor, s.saved_version, s.version, s.state) for s in mul.saved} == {
        ("self", "b", 0, 0, OK), ("other", "a", 0, 0, OK)}


def test_stale_saved_tensor_is_flagged_with_the_error_backward_will_raise():
    a = torch.randn(3, requires_grad=True)
    b = a.sigmoid()
    c = (b * 2).sum()
    b.add_(1)  # SigmoidBackward saved its output b at version 0; b is now at version 1
    graph = autograd_graph({"b": b, "c": c})
    stale = [s for n in graph.nodes for s in n.saved if s.state == STALE]
    assert [(s.slot, s.saved_version, s.version) for s in stale] == [("result", 0, 1)]
    with pytest.raises(RuntimeError) as raised:
        c.backward()
    assert graph.backward_error == f"RuntimeError: {raised.value}"


def test_saved_tensors_freed_by_backward_are_reported():
    a = torch.randn(3, requires_grad=True)
    loss = a.exp().sum()
    loss.backward()
    graph = autograd_graph(loss)
    assert any(s.state == FREED for n in graph.nodes for s in n.saved)
    assert "backward through the graph a second time" in graph.backward_error


def test_an_unbroken_graph_predicts_no_error():
    a = torch.randn(3, requires_grad=True)
    assert autograd_graph((a * a).sum()).backward_error is None


STEPS = {
    "mul": lambda a, b: a * b,
    "add": lambda a, b: a + b,
    "sigmoid": lambda a, b: a.sigmoid(),
    "exp": lambda a, b: a.exp(),
    "pow": lambda a, b: a ** 2,
    "add_": lambda a, b: a.add_(1),
    "mul_": lambda a, b: a.mul_(2),
    "setitem": lambda a, b: a.__setitem__(0, 5.0),
}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(STEPS)), st.integers(0, 50), st.integers(0, 50)),
                min_size=1, max_size=8))
def test_stale_is_reported_exactly_when_backward_raises_the_inplace_error(program):
    """For random programs mixing ops and in-place writes, the prediction matches what backward() does."""
    x = torch.randn(4, requires_grad=True)
    tensors = {"x": x, "h": x * 1.0}  # in-place writes go to non-leaves; a leaf would fail at once
    for n, (op, i, j) in enumerate(program):
        names = [k for k in tensors if k != "x" or not op.endswith(("_", "setitem"))]
        a, b = tensors[names[i % len(names)]], tensors[names[j % len(names)]]
        out = STEPS[op](a, b)
        if out is not None and out is not a:
            tensors[f"t{n}"] = out
    loss = sum(t.sum() for t in tensors.values() if t.requires_grad)
    graph = autograd_graph({**tensors, "loss": loss})
    try:
        loss.backward()
    except RuntimeError as error:
        assert "modified by an inplace operation" in str(error)
        assert graph.backward_error == f"RuntimeError: {error}"
    else:
        assert graph.backward_error is None
        assert not any(n.stale for n in graph.nodes)


def test_a_stale_op_that_the_loss_never_reaches_does_not_break_the_loss():
    """A red box off the loss's path: loss.backward() runs, and only a backward from y would raise."""
    x = torch.randn(3, requires_grad=True)
    y = x.exp()
    loss = (x * 2).sum()
    y.add_(1)  # ExpBackward saved its output y at version 0; the loss never reaches ExpBackward
    graph = autograd_graph({"x": x, "y": y, "loss": loss})
    assert any(n.stale for n in graph.nodes)
    assert set(graph.roots) == {"y", "loss"}
    assert graph.error_from("loss") is None
    loss.backward()  # runs, as predicted
    with pytest.raises(RuntimeError) as raised:
        y.sum().backward()
    assert graph.error_from("y") == f"RuntimeError: {raised.value}"


def test_roots_are_the_named_results_nothing_else_uses():
    w = torch.randn(3, requires_grad=True)
    h = w * 2
    loss = (h ** 2).sum()
    assert autograd_graph({"w": w, "h": h, "loss": loss}).roots == ("loss",)
    assert autograd_graph({"w": w, "h": h}).roots == ("h",)
    assert autograd_graph({"w": w}).roots == ()
