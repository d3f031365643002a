"""One example of each explorer, rendered to PNG for the README and slides: `make pictures`."""

from __future__ import annotations

import sys
from pathlib import Path

import torch
from torch import nn

from .draw import graph_figure, module_figure, png_bytes, storage_figure
from .modtree import module_tree, visit_order
from .replay import replay
from .storage import changed
from .widgets import VIEWS, schedules_figure

STALE_SCRIPT = """\
x = torch.randn(4, 3)
w = torch.randn(3, 5, requires_grad=True)
h = torch.sigmoid(x @ w)
h -= h.mean()
loss = (h ** 2).mean()
"""
STORAGE_SCRIPT = """\
a = torch.arange(6.0).reshape(2, 3)
b = a
c = a.clone()
d = a.detach()
row = a[1]
row.zero_()
"""


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU())
        self.classifier = nn.Linear(8, 3)
        self.head = self.classifier
        self.register_buffer("mask", torch.ones(8), persistent=False)
        self.last_input = torch.zeros(4)


def pictures() -> dict[str, bytes]:
    """name -> PNG of each explorer on the example lesson 00 uses."""
    torch.manual_seed(0)
    graph = replay(STALE_SCRIPT, VIEWS["graph"])[-1].snapshot
    steps = replay(STORAGE_SCRIPT, VIEWS["storage"])
    net = Net()
    return {
        "graph-stale": png_bytes(graph_figure(graph, title="after h -= h.mean(): the sigmoid's saved output is stale")),
        "storage": png_bytes(storage_figure(steps[-1].snapshot, title="after row.zero_()",
                                            changed=changed(steps[-2].snapshot, steps[-1].snapshot))),
        "module-tree": png_bytes(module_figure(module_tree(net), visit_order(net, "modules()")[:4],
                                               title="modules(), four steps in")),
        "pipeline": png_bytes(schedules_figure(4, 4)),
    }


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "assets/pictures")
    out.mkdir(parents=True, exist_ok=True)
    for name, png in pictures().items():
        (out / f"{name}.png").write_bytes(png)
        print(out / f"{name}.png")
