"""pitfalls.modtree: what each module holds, what state_dict() keeps, and who visits what."""

from __future__ import annotations

import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from pitfalls.modtree import ATTRIBUTE, BUFFER, NON_PERSISTENT, PARAMETER, module_tree, visit_order, yielded


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)
        self.register_buffer("mask", torch.ones(2), persistent=False)
        self.register_buffer("scale", torch.ones(1))
        self.cache = torch.zeros(2)


def test_members_are_sorted_into_parameters_buffers_and_plain_attributes():
    head = module_tree(Head()).node("")
    assert {m.name: m.kind for m in head.members} == {"mask": NON_PERSISTENT, "scale": BUFFER, "cache": ATTRIBUTE}
    assert {m.name: m.kind for m in module_tree(Head()).node("fc").members} == {"weight": PARAMETER, "bias": PARAMETER}


def test_only_parameters_and_persistent_buffers_enter_state_dict():
    tree = module_tree(Head())
    assert set(tree.state_dict_keys) == {"scale", "fc.weight", "fc.bias"}
    kept = {m.name for n in tree.nodes for m in n.members if m.in_state_dict}
    assert kept == {"scale", "weight", "bias"}


def test_plain_attributes_are_flagged_as_not_moved_by_to():
    head = Head()
    moved = {m.name: m.moved_by_to for m in module_tree(head).node("").members}
    head.to(torch.float64)
    assert moved == {"mask": True, "scale": True, "cache": False}
    assert head.mask.dtype == torch.float64 and head.cache.dtype == torch.float32  # what the flags claim


def test_a_shared_submodule_appears_twice_in_the_tree_but_is_visited_once():
    shared = nn.Linear(2, 2)
    model = nn.Sequential(shared, nn.ReLU(), shared)
    tree = module_tree(model)
    assert tree.node("2").shared_with == "0"
    assert visit_order(model, "modules()") == ["", "0", "1"]
    assert visit_order(model, "children()") == ["0", "1"]
    assert yielded(model, "named_children()") == ["('0', Linear)", "('1', ReLU)"]


def test_children_is_one_level_and_modules_goes_all_the_way_down():
    model = nn.Sequential(nn.Sequential(nn.Linear(1, 1)), nn.ReLU())
    assert visit_order(model, "children()") == ["0", "1"]
    assert visit_order(model, "modules()") == ["", "0", "0.0", "1"]


def random_model(draw_shape, pool):
    return nn.Sequential(*[pool[i % len(pool)] if reuse else nn.Linear(1, 1) for i, reuse in draw_shape])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), min_size=1, max_size=6),
       st.lists(st.tuples(st.integers(0, 5), st.booleans()), min_size=1, max_size=6))
def test_modules_visits_each_distinct_module_exactly_once(outer, inner):
    pool = [nn.Linear(1, 1), nn.ReLU(), nn.Tanh()]
    pool.append(random_model(inner, pool))
    model = random_model(outer, pool)
    distinct, stack = {}, [model]
    while stack:  # every module reachable through _modules, by identity
        m = stack.pop()
        if id(m) not in distinct:
            distinct[id(m)] = m
            stack += [c for c in m._modules.values() if c is not None]
    tree = module_tree(model)
    visited = visit_order(model, "modules()")
    assert len(visited) == len(distinct) == sum(n.shared_with is None for n in tree.nodes)
    assert set(visited) == {n.path for n in tree.nodes if n.shared_with is None}
