"""The autograd graph as plain data: what `backward()` will walk, and which tensors are leaves."""

from __future__ import annotations

from dataclasses import dataclass

import torch

LEAF = "leaf"  # a tensor autograd accumulates into (.grad is kept): requires_grad and no grad_fn
CONSTANT = "constant"  # a leaf that does not require grad: autograd never reaches it
TENSOR = "tensor"  # a non-leaf: the output of a recorded op, its .grad is freed unless retained
OP = "op"  # a grad_fn node, the backward of one forward op


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    label: str
    name: str | None = None


@dataclass(frozen=True)
class Graph:
    """Nodes and forward-direction edges (input -> op -> output) of one autograd graph."""

    nodes: tuple[Node, ...]
    edges: tuple[tuple[str, str], ...]
    truncated: bool = False

    def kinds(self) -> dict[str, str]:
        """Map each named tensor to its kind, the facts a learner is asked to predict."""
        return {n.name: n.kind for n in self.nodes if n.name is not None}

    def leaves(self) -> set[str]:
        """Names of the tensors that `backward()` fills `.grad` for."""
        return {n.name for n in self.nodes if n.kind == LEAF and n.name is not None}


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


def autograd_graph(tensors: dict[str, torch.Tensor] | torch.Tensor, max_nodes: int = 400) -> Graph:
    """Walk `grad_fn.next_functions` back from named tensors, the way `backward()` will."""
    if isinstance(tensors, torch.Tensor):
        tensors = {"output": tensors}
    names = {id(t): name for name, t in tensors.items()}
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str]] = []
    truncated = False

    def tensor_node(t: torch.Tensor) -> str:
        key = f"t{id(t)}"
        if key not in nodes:
            name = names.get(id(t))
            title = name if name is not None else ("leaf" if t.requires_grad else "tensor")
            nodes[key] = Node(key, tensor_kind(t), f"{title}\n{describe(t)}", name)
        return key

    def op_node(fn) -> str:
        key = f"f{id(fn)}"
        if key not in nodes:
            nodes[key] = Node(key, OP, type(fn).__name__)
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
