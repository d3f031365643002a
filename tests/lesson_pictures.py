"""Every picture the lessons draw, as plain data: run each solutions notebook and record what it drew.

A first cell wraps the models the explorers draw from (autograd graphs, storage maps, module trees),
so whatever a lesson calls (StepThrough, GraphExplorer, show_graph, ...) is caught, every step of a
step-through and every case of a GraphExplorer included. A last cell pickles what was recorded.
Nothing here names a lesson's cells: a lesson that draws a new picture is covered by itself.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import nbformat
from nbclient import NotebookClient

RECORD = '''
import pitfalls.widgets as _pitfalls_widgets

_pitfalls_drawn = {"graph": [], "storage": [], "modules": []}


def _pitfalls_recording(kind, make):
    def recorded(*args, **kwargs):
        result = make(*args, **kwargs)
        _pitfalls_drawn[kind].append(result)
        return result
    return recorded


for _kind, _name in [("graph", "autograd_graph"), ("storage", "storage_map"), ("modules", "module_tree")]:
    setattr(_pitfalls_widgets, _name, _pitfalls_recording(_kind, getattr(_pitfalls_widgets, _name)))
_pitfalls_first_case = _pitfalls_widgets.GraphExplorer.__init__


def _pitfalls_every_case(self, cases):
    for make in cases.values():  # the explorer draws one case at a time: record them all
        _pitfalls_widgets.autograd_graph(make())
    _pitfalls_first_case(self, cases)


_pitfalls_widgets.GraphExplorer.__init__ = _pitfalls_every_case
'''

SAVE = '''
import pickle as _pickle

with open({path!r}, "wb") as _file:
    _pickle.dump(_pitfalls_drawn, _file)
'''


def drawn(notebook: Path, scratch: Path) -> dict[str, list]:
    """{"graph": [Graph, ...], "storage": [StorageMap, ...], "modules": [ModTree, ...]} one lesson drew."""
    nb = nbformat.read(notebook, as_version=4)
    out = scratch / f"{notebook.stem}.pickle"
    nb.cells.insert(0, nbformat.v4.new_code_cell(RECORD))
    nb.cells.append(nbformat.v4.new_code_cell(SAVE.format(path=str(out))))
    NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(scratch)}}).execute()
    return pickle.loads(out.read_bytes())
