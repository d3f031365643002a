"""A module tree as plain data: what each module holds, what `state_dict()` saves, what `.to()` moves,
and the order in which `children()`, `modules()` and `named_modules()` visit it.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

PARAMETER = "parameter"  # in state_dict, moved by .to(), trained by the optimizer
BUFFER = "buffer"  # in state_dict, moved by .to(), not trained
NON_PERSISTENT = "buffer (persistent=False)"  # moved by .to(), NOT in state_dict
ATTRIBUTE = "plain tensor attribute"  # NOT in state_dict, NOT moved by .to(), invisible to nn.Module


@dataclass(frozen=True)
class Member:
    name: str
    kind: str
    shape: tuple[int, ...]

    @property
    def in_state_dict(self) -> bool:
        return self.kind in (PARAMETER, BUFFER)

    @property
    def moved_by_to(self) -> bool:
        return self.kind != ATTRIBUTE


@dataclass(frozen=True)
class ModNode:
    path: str  # as named_modules() spells it; '' is the root
    type: str
    depth: int
    members: tuple[Member, ...]
    shared_with: str | None = None  # the first path of this same module object, when it repeats

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1] if self.path else "(root)"


@dataclass(frozen=True)
class ModTree:
    nodes: tuple[ModNode, ...]  # depth-first, every path, repeats of a shared module included
    state_dict_keys: tuple[str, ...]

    def node(self, path: str) -> ModNode:
        return next(n for n in self.nodes if n.path == path)


def members(module: nn.Module) -> tuple[Member, ...]:
    """A module's own tensors, sorted into what nn.Module registers and what it does not see."""
    found = [Member(k, PARAMETER, tuple(p.shape)) for k, p in module._parameters.items() if p is not None]
    for k, b in module._buffers.items():
        if b is not None:
            kind = NON_PERSISTENT if k in module._non_persistent_buffers_set else BUFFER
            found.append(Member(k, kind, tuple(b.shape)))
    found += [Member(k, ATTRIBUTE, tuple(t.shape)) for k, t in vars(module).items() if isinstance(t, torch.Tensor)]
    return tuple(found)


def module_tree(model: nn.Module) -> ModTree:
    """Every module under `model` by every path it is reachable from, with what each holds."""
    nodes: list[ModNode] = []
    first_path: dict[int, str] = {}

    def visit(module: nn.Module, path: str, depth: int) -> None:
        shared = first_path.get(id(module))
        nodes.append(ModNode(path, type(module).__name__, depth, members(module), shared))
        if shared is not None:
            return  # its subtree is drawn once, under its first path
        first_path[id(module)] = path
        for name, child in module._modules.items():
            if child is not None:
                visit(child, f"{path}.{name}" if path else name, depth + 1)

    visit(model, "", 0)
    return ModTree(tuple(nodes), tuple(model.state_dict().keys()))


ORDERS = ("children()", "named_children()", "modules()", "named_modules()")


def visit_order(model: nn.Module, order: str) -> list[str]:
    """The paths the given iterator yields, in its order; a shared module is yielded once."""
    if order in ("children()", "named_children()"):
        return [p for p, _ in model.named_children()]
    if order in ("modules()", "named_modules()"):
        return [p for p, _ in model.named_modules()]
    raise ValueError(f"unknown order {order!r}; choose one of {', '.join(ORDERS)}")


def yielded(model: nn.Module, order: str) -> list[str]:
    """What each step of the iterator hands the caller, as a learner would print it."""
    kinds = {p: type(m).__name__ for p, m in model.named_modules()}
    paths = visit_order(model, order)
    if order.startswith("named_"):
        return [f"({p!r}, {kinds[p]})" for p in paths]
    return [f"{kinds[p]}" for p in paths]
