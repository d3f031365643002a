"""Which names share memory: tensors grouped by the storage under them, with each one's view of it.

Aliasing is invisible in a tensor's repr; it is visible here. `b = a` is the same object,
`a.detach()` and `a.data` are new objects over the same storage, `a.clone()` is new storage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import torch


@dataclass(frozen=True)
class View:
    """One named tensor's window onto its storage."""

    name: str
    storage: int  # index of its storage in the map, in order of first appearance
    offset: int
    shape: tuple[int, ...]
    stride: tuple[int, ...]
    dtype: str
    same_object_as: str | None  # an earlier name bound to this very tensor object (`b = a`)
    requires_grad: bool
    is_leaf: bool
    version: int
    fingerprint: int  # a hash of the values, to tell which names a mutation changed


@dataclass(frozen=True)
class Storage:
    index: int
    numel: int  # elements of the view's dtype that fit in the storage
    device: str


@dataclass(frozen=True)
class StorageMap:
    storages: tuple[Storage, ...]
    views: tuple[View, ...]

    def groups(self) -> list[list[str]]:
        """Names per storage: names in one list share memory, and writes through one show in all."""
        return [[v.name for v in self.views if v.storage == s.index] for s in self.storages]

    def sharing(self, name: str) -> set[str]:
        """The other names that share memory with `name`."""
        view = self.view(name)
        return {v.name for v in self.views if v.storage == view.storage and v.name != name}

    def view(self, name: str) -> View:
        for v in self.views:
            if v.name == name:
                return v
        raise KeyError(f"no tensor named {name!r} in this storage map; names: {[v.name for v in self.views]}")


def named_tensors(things: Mapping[str, Any]) -> dict[str, torch.Tensor]:
    """Flatten tensors, modules (parameters, buffers, plain tensor attributes) and dicts into names."""
    found: dict[str, torch.Tensor] = {}
    for name, value in things.items():
        if isinstance(value, torch.Tensor):
            found[name] = value
        elif isinstance(value, torch.nn.Module):
            for path, module in value.named_modules():
                prefix = f"{name}.{path}." if path else f"{name}."
                found.update({prefix + k: t for k, t in module._parameters.items() if t is not None})
                found.update({prefix + k: t for k, t in module._buffers.items() if t is not None})
                found.update({prefix + k: t for k, t in vars(module).items() if isinstance(t, torch.Tensor)})
        elif isinstance(value, Mapping):
            found.update(named_tensors({f"{name}[{k!r}]": v for k, v in value.items()}))
        elif isinstance(value, (list, tuple)):
            found.update(named_tensors({f"{name}[{i}]": v for i, v in enumerate(value)}))
    return found


def fingerprint(t: torch.Tensor) -> int:
    """A hash of a tensor's values, bytes and all, so any write to it changes it."""
    if t.device.type == "meta":
        return 0
    flat = t.detach().cpu().reshape(-1)
    # a fresh dense copy: .contiguous() keeps a one-element view's odd stride, which .view(uint8) refuses
    raw = torch.empty(flat.shape, dtype=flat.dtype).copy_(flat).view(torch.uint8)
    return hash(raw.numpy().tobytes())


def storage_map(things: Mapping[str, Any]) -> StorageMap:
    """Group named tensors (or modules, state_dicts, lists of them) by the storage they share."""
    tensors = named_tensors(things)
    keys: dict[tuple, int] = {}
    storages: list[Storage] = []
    objects: dict[int, str] = {}
    views = []
    for name, t in tensors.items():
        memory = t.untyped_storage()
        ptr = memory.data_ptr()
        key = (t.device.type, ptr) if ptr else ("empty", name)  # empty storages share nothing
        if key not in keys:
            keys[key] = len(storages)
            storages.append(Storage(len(storages), memory.nbytes() // max(t.element_size(), 1), str(t.device)))
        views.append(View(name, keys[key], t.storage_offset(), tuple(t.shape), t.stride(),
                          str(t.dtype).removeprefix("torch."), objects.get(id(t)),
                          t.requires_grad, t.is_leaf, t._version, fingerprint(t)))
        objects.setdefault(id(t), name)
    return StorageMap(tuple(storages), tuple(views))


def changed(before: StorageMap, after: StorageMap) -> set[str]:
    """Names whose values moved between two maps: what a write reached."""
    old = {v.name: v.fingerprint for v in before.views}
    return {v.name for v in after.views if v.name in old and old[v.name] != v.fingerprint}


def bumped(before: StorageMap, after: StorageMap) -> set[str]:
    """Names whose `_version` moved: views share one counter, so a write bumps even untouched views."""
    old = {v.name: v.version for v in before.views}
    return {v.name for v in after.views if v.name in old and old[v.name] != v.version}


def covered(view: View, numel: int, limit: int = 4096) -> list[int] | None:
    """Storage element indices a view touches (exact for small storages), None when too big to list."""
    if numel > limit or numel == 0:
        return None
    try:
        index = torch.arange(numel).as_strided(view.shape, view.stride, view.offset)
    except RuntimeError:
        return None
    return sorted(set(index.reshape(-1).tolist()))
