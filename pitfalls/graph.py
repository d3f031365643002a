"""The autograd graph as plain data: what `backward()` will walk, and which tensors are leaves."""

from __future__ import annotations

import re
from dataclasses import dataclass

import torch

LEAF = "leaf"  # a tensor autograd accumulates into (.grad is kept): requires_grad and no grad_fn
CONSTANT = "constant"  # a leaf that does not require grad: autograd never reaches it
TENSOR = "tensor"  # a non-leaf: the output of a recorded op, its .grad is freed unless retained
OP = "op"  # a grad_fn node, the backward of one forward op


OK = "ok"  # the saved tensor is as autograd left it
STALE = "stale"  # modified in place since it was saved: a backward() that reaches it raises
FREED = "freed"  # already released by an earlier backward(): a backward() that reaches it raises

_VERSIONS = re.compile(r"is at version (\d+); expected version (\d+)")


@dataclass(frozen=True)
class Saved:
    """One tensor a grad_fn saved for backward, with the version it had then and has now."""

    slot: str  # the argument it was saved as: self, other, result, mat2 ...
    tensor: str | None  # the name of the named tensor it is, if it is one
    shape: tuple[int, ...]
    saved_version: int | None
    version: int | None
    state: str = OK
    error: str | None = None  # what unpacking it raises: the very message backward() gives

    def line(self) -> str:
        """A short label line: 'self=b v0' or 'result=b v0→v1 STALE'."""
        if self.state == FREED:
            return f"{self.slot} freed"
        what = self.tensor or ("×".join(map(str, self.shape)) or "scalar")
        if self.state == STALE:
            return f"{self.slot}={what} v{self.saved_version}→v{self.version} STALE"
        return f"{self.slot}={what} v{self.version}"


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    label: str
    name: str | None = None
    saved: tuple[Saved, ...] = ()
    order: int = 0  # an op's sequence number: backward runs later-created ops first
    scalar: bool = False  # a tensor of one element: backward() needs no gradient argument

    @property
    def title(self) -> str:
        """The first label line: a tensor's name or an op's class name."""
        return self.label.split("\n", 1)[0]

    @property
    def stale(self) -> bool:
        """A saved tensor was modified in place since it was saved."""
        return any(s.state == STALE for s in self.saved)

    @property
    def freed(self) -> bool:
        """An earlier backward() released what this op saved."""
        return any(s.state == FREED for s in self.saved)


@dataclass(frozen=True)
class Graph:
    """Nodes and forward-direction edges (input -> op -> output) of one autograd graph."""

    nodes: tuple[Node, ...]
    edges: tuple[tuple[str, str], ...]
    truncated: bool = False

    @property
    def backward_error(self) -> str | None:
        """What a `backward()` through every op of this graph at once will raise (say, from a loss that
        sums all its results), found before anyone calls it."""
        return _first_error(self.nodes)

    @property
    def roots(self) -> tuple[str, ...]:
        """The named results nothing else in the graph uses: where a `backward()` would start."""
        used = {source for source, _ in self.edges}
        return tuple(n.name for n in self.nodes if n.kind == TENSOR and n.name is not None and n.id not in used)

    def error_from(self, name: str) -> str | None:
        """What `backward()` from the named tensor will raise: only the ops it reaches can break it."""
        inputs: dict[str, list[str]] = {}
        for source, target in self.edges:
            inputs.setdefault(target, []).append(source)
        start = next(n.id for n in self.nodes if n.name == name)
        reached, stack = {start}, [start]
        while stack:
            for source in inputs.get(stack.pop(), []):
                if source not in reached:
                    reached.add(source)
                    stack.append(source)
        return _first_error(n for n in self.nodes if n.id in reached)

    def kinds(self) -> dict[str, str]:
        """Map each named tensor to its kind, the facts a learner is asked to predict."""
        return {n.name: n.kind for n in self.nodes if n.name is not None}

    def leaves(self) -> set[str]:
        """Names of the tensors that `backward()` fills `.grad` for."""
        return {n.name for n in self.nodes if n.kind == LEAF and n.name is not None}


def _first_error(nodes) -> str | None:
    """The error of the first broken op a backward pass over these nodes meets, or None.

    Backward runs ops in reverse creation order, so the first op it reaches with a stale or freed
    saved tensor is the one with the highest sequence number.
    """
    broken = [n for n in nodes if n.stale or n.freed]
    if not broken:
        return None
    first = max(broken, key=lambda n: n.order)
    return next(s.error for s in first.saved if s.state != OK)


def tensor_kind(t: torch.Tensor) -> str:
    """Which of LEAF, CONSTANT or TENSOR a tensor is, by PyTorch's own rules."""
    if not t.is_leaf:
        return TENSOR
    return LEAF if t.requires_grad else CONSTANT


def describe(t: torch.Tensor) -> str:
    """The facts that decide leaf-ness, a few short lines: shape and dtype, then the grad flags."""
    shape = "×".join(map(str, t.shape)) or "scalar"
    dtype = str(t.dtype).removeprefix("torch.")
    flags = []
    if t.requires_grad:
        flags.append("requires_grad")
    if t.retains_grad:
        flags.append("retains_grad")
    return "\n".join([f"{shape} {dtype}", *flags])  # short lines keep wide rows readable


def _identity(t: torch.Tensor) -> tuple:
    """What makes two tensor objects the same tensor for a reader: same memory, same view."""
    return (t.untyped_storage().data_ptr(), t.storage_offset(), tuple(t.shape), t.stride(), t.dtype)


def saved_tensors(fn, names: dict[tuple, str] | None = None) -> tuple[Saved, ...]:
    """The tensors a grad_fn saved for backward, each checked the way backward will check it."""
    names = names or {}
    found = []
    for attr in dir(fn):
        if not attr.startswith("_raw_saved_"):
            continue
        slot = attr.removeprefix("_raw_saved_")
        raws = getattr(fn, attr)
        listed = isinstance(raws, (list, tuple))
        slots = [f"{slot}[{i}]" for i in range(len(raws))] if listed else [slot]
        try:
            values = getattr(fn, f"_saved_{slot}")  # unpacks with backward's own version check
        except RuntimeError as error:
            for name, raw in zip(slots, raws if listed else [raws], strict=True):
                found.append(_broken(name, raw.data, str(error), names))
            continue
        for name, t in zip(slots, values if listed else [values], strict=True):
            if isinstance(t, torch.Tensor):
                found.append(Saved(name, names.get(_identity(t)), tuple(t.shape), t._version, t._version))
    return tuple(found)


def _broken(slot: str, data: torch.Tensor | None, message: str, names: dict[tuple, str]) -> Saved:
    """A saved tensor backward cannot use: stale (modified in place) or freed by an earlier backward."""
    versions = _VERSIONS.search(message)
    state = STALE if "modified by an inplace operation" in message else FREED
    now = int(versions.group(1)) if versions else (data._version if data is not None else None)
    return Saved(slot, names.get(_identity(data)) if data is not None else None,
                 tuple(data.shape) if data is not None else (),
                 int(versions.group(2)) if versions else None, now, state, f"RuntimeError: {message}")


def autograd_graph(tensors: dict[str, torch.Tensor] | torch.Tensor, max_nodes: int = 200) -> Graph:
    """Walk `grad_fn.next_functions` back from named tensors, the way `backward()` will."""
    if isinstance(tensors, torch.Tensor):
        tensors = {"output": tensors}
    names = {id(t): name for name, t in tensors.items()}
    views = {}  # a saved tensor is often a new object over a named tensor's memory
    for name, t in tensors.items():
        views.setdefault(_identity(t), name)
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str]] = []
    truncated = False

    def tensor_node(t: torch.Tensor) -> str:
        key = f"t{id(t)}"
        if key not in nodes:
            name = names.get(id(t))
            title = name if name is not None else ("leaf" if t.requires_grad else "tensor")
            nodes[key] = Node(key, tensor_kind(t), f"{title}\n{describe(t)}", name, scalar=t.numel() == 1)
        return key

    def op_node(fn) -> str:
        key = f"f{id(fn)}"
        if key not in nodes:
            saved = saved_tensors(fn, views)
            label = "\n".join([type(fn).__name__, *(s.line() for s in saved)])
            nodes[key] = Node(key, OP, label, saved=saved, order=fn._sequence_nr())
        return key

    stack = []
    named_outputs = {}  # (grad_fn, output_nr) -> node of the named tensor it produced
    for t in tensors.values():
        key = tensor_node(t)
        if t.grad_fn is not None:
            edges.append((op_node(t.grad_fn), key))
            named_outputs[(t.grad_fn, t.output_nr)] = key
            stack.append(t.grad_fn)
    seen = set()
    while stack:
        fn = stack.pop()
        if fn in seen:
            continue
        seen.add(fn)
        if len(nodes) >= max_nodes:
            truncated = True
            break
        for parent, output_nr in fn.next_functions:
            if parent is None:
                continue
            if hasattr(parent, "variable"):  # AccumulateGrad: the leaf it accumulates into
                edges.append((tensor_node(parent.variable), op_node(fn)))
                continue
            # A named intermediate sits between the op that made it and the op that used it.
            source = named_outputs.get((parent, output_nr)) or op_node(parent)
            edges.append((source, op_node(fn)))
            stack.append(parent)
    return Graph(tuple(nodes.values()), tuple(dict.fromkeys(edges)), truncated)
