"""pitfalls.storage: names are grouped by the memory they really share."""

from __future__ import annotations

import copy

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from pitfalls.storage import bumped, changed, covered, storage_map


def test_assignment_detach_data_and_views_share_while_clone_and_deepcopy_do_not():
    a = torch.arange(6.0).reshape(2, 3).requires_grad_()
    smap = storage_map({"a": a, "b": a, "detach": a.detach(), "data": a.data, "row": a[1],
                        "clone": a.clone(), "deepcopy": copy.deepcopy(a)})
    assert smap.sharing("a") == {"b", "detach", "data", "row"}
    assert smap.sharing("clone") == set() and smap.sharing("deepcopy") == set()


def test_assignment_is_the_same_object_but_detach_is_a_new_one():
    a = torch.zeros(3)
    smap = storage_map({"a": a, "b": a, "d": a.detach()})
    assert smap.view("b").same_object_as == "a" and smap.view("d").same_object_as is None


def test_a_view_records_its_offset_shape_and_stride():
    a = torch.zeros(4, 5)
    view = storage_map({"a": a, "v": a[1:, ::2]}).view("v")
    assert (view.offset, view.shape, view.stride) == (5, (3, 3), (5, 2))
    assert covered(view, 20) == [5, 7, 9, 10, 12, 14, 15, 17, 19]


def test_state_dict_aliases_the_model_and_its_deepcopy_does_not():
    model = torch.nn.Linear(2, 2)
    smap = storage_map({"model": model, "sd": model.state_dict(), "saved": copy.deepcopy(model.state_dict())})
    assert smap.sharing("model.weight") == {"sd['weight']"}
    assert smap.sharing("saved['weight']") == set()


def test_copy_copy_of_a_module_shares_every_parameter_and_deepcopy_none():
    model = torch.nn.Linear(2, 2)
    smap = storage_map({"model": model, "shallow": copy.copy(model), "deep": copy.deepcopy(model)})
    assert smap.sharing("model.weight") == {"shallow.weight"}
    assert smap.view("shallow.weight").same_object_as == "model.weight"
    assert smap.sharing("deep.weight") == set()


def test_plain_tensor_attributes_of_modules_are_listed_too():
    model = torch.nn.Linear(2, 2)
    model.cache = torch.ones(2)
    assert "model.cache" in {v.name for v in storage_map({"model": model}).views}


DERIVE = {
    "alias": lambda t: t,
    "detach": lambda t: t.detach(),
    "data": lambda t: t.data,
    "clone": lambda t: t.clone(),
    "row": lambda t: t[-1],  # a derived matrix can have a single row
    "column": lambda t: t[:, -1],
    "transpose": lambda t: t.t(),
    "every_other": lambda t: t[:, ::2],
    "deepcopy": lambda t: copy.deepcopy(t),
    "copy": lambda t: copy.copy(t),
    "contiguous_t": lambda t: t.t().contiguous(),
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(DERIVE)), st.integers(0, 20)), min_size=1, max_size=8),
       st.integers(0, 20))
def test_changed_names_are_exactly_those_a_write_really_reached(derivations, target):
    """Write through one name; the map reports as changed exactly the names whose values moved."""
    tensors = {"base": torch.arange(12.0).reshape(3, 4)}
    for n, (how, source) in enumerate(derivations):
        names = [k for k, t in tensors.items() if t.dim() == 2]  # every derivation takes a matrix
        tensors[f"t{n}"] = DERIVE[how](tensors[names[source % len(names)]])
    before_values = {k: t.clone() for k, t in tensors.items()}
    before = storage_map(tensors)
    written = list(tensors)[target % len(tensors)]
    tensors[written].add_(1)
    after = storage_map(tensors)
    really = {k for k, t in tensors.items() if not torch.equal(t, before_values[k])}
    assert changed(before, after) == really
    assert really | bumped(before, after) <= after.sharing(written) | {written}


def test_a_write_bumps_the_version_detach_shares_but_not_the_one_data_has():
    a = torch.zeros(3)
    names = {"a": a, "detached": a.detach(), "data": a.data}
    before = storage_map(names)
    a.add_(1)
    after = storage_map(names)
    assert changed(before, after) == {"a", "detached", "data"}
    assert "data" not in bumped(before, after)


def test_a_one_element_view_with_a_stride_can_be_fingerprinted():
    a = torch.arange(12.0).reshape(3, 4)
    one = a.t()[1][:1]  # shape (1,), stride (4,)
    before = storage_map({"one": one})
    a[0, 1] = 99.0  # the one element it sees
    assert changed(before, storage_map({"one": one})) == {"one"}
