"""ipywidgets front-ends over the plain-data models: controls that redraw a picture.

Every explorer draws SVG for quick redraws, and also carries a PNG of its current picture in its
display data, so exported HTML and feedback files, which have no live kernel, still show it.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from functools import reduce
from html import escape
from operator import or_
from typing import Any

import ipywidgets as w
import torch
from IPython.display import Image
from matplotlib.figure import Figure

from .draw import graph_figure, png_bytes, svg_bytes
from .draw.graph import graph_sheet
from .draw.modtree import module_figure
from .draw.render import drawn, not_drawn, pixels
from .draw.schedule import schedule_figure
from .draw.storage import storage_figure, storage_size
from .graph import autograd_graph, tensor_kind
from .modtree import ORDERS, module_tree, visit_order, yielded
from .replay import replay, tensors_in, tidy
from .schedule import bubble_formula, schedule, timeline
from .storage import bumped, changed, storage_map

Tensors = dict[str, torch.Tensor]


def _as_tensors(tensors: Tensors | torch.Tensor) -> Tensors:
    if isinstance(tensors, torch.Tensor):
        return {"output": tensors}
    if not isinstance(tensors, dict) or not all(isinstance(t, torch.Tensor) for t in tensors.values()):
        raise TypeError("show_graph takes a tensor or a dict of named tensors, "
                        f"got {type(tensors).__name__}")
    return tensors


def _picture(figure: Callable[[], Figure]) -> Image:
    """The figure as a PNG; where pictures are off (a grading kernel) the stand-in, without building it."""
    return Image(png_bytes(figure()) if drawn() else not_drawn("png"))


def show_graph(tensors: Tensors | torch.Tensor, title: str | None = None) -> Image:
    """A static picture of the autograd graph behind some named tensors, saved versions included."""
    graph = autograd_graph(_as_tensors(tensors))
    return _picture(lambda: graph_figure(graph, title=title))


def show_storage(things: dict[str, Any], title: str | None = None) -> Image:
    """A static picture of which names (tensors, modules, state_dicts) share storage."""
    shared = storage_map(things)
    return _picture(lambda: storage_figure(shared, title=title))


def show_modules(model: torch.nn.Module, order: str | None = None, title: str | None = None) -> Image:
    """A static picture of a module tree; with `order`, every module that iterator visits is numbered."""
    visited = visit_order(model, order) if order else []
    tree = module_tree(model)
    return _picture(lambda: module_figure(tree, visited, title=title or order))


def schedules_figure(stages: int, micro_batches: int, forward: float = 1.0, backward: float = 2.0,
                     time_unit: str = "time (forward = 1)") -> Figure:
    """Naive, GPipe and 1F1B timelines simulated and stacked, each bubble next to its formula; `forward` and
    `backward` are one micro-batch's times on one stage (measured ones, in `time_unit`, where known). The
    naive row runs the m micro-batches one at a time, each all the way down and back before the next."""
    naive = "naive (one micro-batch at a time)"
    names = {naive: "naive", "GPipe": "GPipe", "1F1B": "1F1B"}
    timelines = {label: schedule(name, stages, micro_batches, forward, backward) for label, name in names.items()}
    pipelined = ("(p−1)/(m+p−1)", bubble_formula(stages, micro_batches))
    formulas = {naive: ("(p−1)/p", (stages - 1) / stages), "GPipe": pipelined, "1F1B": pipelined}
    return schedule_figure(timelines, formulas, title=f"p = {stages} stages, m = {micro_batches} micro-batches",
                           time_unit=time_unit, simulated=True)


def show_schedule(stages: int, micro_batches: int) -> Image:
    """A static picture of the three pipeline schedules for p stages and m micro-batches."""
    return _picture(lambda: schedules_figure(stages, micro_batches))


def show_timeline(records: Iterable | dict[str, Iterable], title: str = "measured", time_unit: str = "seconds",
                  row: str = "stage") -> Image:
    """A static Gantt chart of measured (stage, micro_batch, forward|backward|all-reduce, start, end)
    records; a dict of them, by name, stacks one chart per name (each row a `row`: a stage, or a rank)."""
    named = records if isinstance(records, dict) else {title: records}
    timelines = {name: timeline(r) for name, r in named.items()}
    return _picture(lambda: schedule_figure(timelines, time_unit=time_unit, row=row))


def facts_table(tensors: Tensors) -> str:
    """An HTML table of is_leaf, requires_grad and grad_fn: the facts the picture explains."""
    rows = "".join(
        f"<tr><td><code>{escape(name)}</code></td><td>{t.is_leaf}</td><td>{t.requires_grad}</td>"
        f"<td><code>{escape(type(t.grad_fn).__name__) if t.grad_fn else 'None'}</code></td>"
        f"<td>{tensor_kind(t)}</td><td>{t._version}</td></tr>"
        for name, t in tensors.items()
    )
    head = ("<tr><th>name</th><th>is_leaf</th><th>requires_grad</th><th>grad_fn</th><th>kind</th>"
            "<th>_version</th></tr>")
    return f"<table>{head}{rows}</table>"


class Explorer(w.VBox):
    """A picture with controls. Subclasses say what to draw; this keeps the picture and its PNG."""

    def __init__(self, controls: list[w.Widget], below: list[w.Widget] = ()):
        self.picture = w.Image(format="svg+xml", layout=w.Layout(max_width="100%"))
        super().__init__([*controls, self.picture, *below])

    def figure(self) -> Figure:
        raise NotImplementedError

    def redraw(self) -> None:
        if not drawn():  # pictures are off (a grading kernel): no figure is built only to be thrown away
            self.picture.value = not_drawn("svg")
            return
        fig = self.figure()
        # An SVG has no pixel size of its own to a browser: pin its width, 96 CSS px an inch at the
        # presenter's scale, so text is as big as it was drawn (the height follows the aspect ratio).
        self.picture.layout.width = f"{pixels(fig.get_figwidth())}px"
        self.picture.value = svg_bytes(fig)

    def static(self) -> Image:
        """The current picture as a PNG, for places without a live kernel."""
        return _picture(self.figure)


    def _repr_mimebundle_(self, **kwargs):
        """The live widget, and a PNG of its picture for wherever a widget cannot be drawn (a saved,
        exported or graded notebook: `make lab` saves the PNG alone); the metadata names the explorer."""
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(_picture(self.figure).data).decode()
        return bundle, {"pitfalls": {"explorer": type(self).__name__}}


class GraphExplorer(Explorer):
    """Pick a case from a menu; its autograd graph and leaf facts are redrawn at once.

    Each case is a function that builds fresh tensors, so no case sees another's state.
    """

    def __init__(self, cases: dict[str, Callable[[], Tensors]]):
        if not cases:
            raise ValueError("GraphExplorer needs at least one case to show")
        self.cases = cases
        # every case drawn on the same sheet: picking another case does not move what is below
        self.sheet = reduce(or_, (graph_sheet(autograd_graph(make()), name) for name, make in cases.items()))
        self.picker = w.Dropdown(options=list(cases), description="case", layout=w.Layout(width="60%"))
        self.facts = w.HTML()
        super().__init__([self.picker], [self.facts])
        self.picker.observe(lambda _: self.redraw(), names="value")
        self.redraw()

    def figure(self) -> Figure:
        return graph_figure(autograd_graph(self.tensors), title=self.picker.value, sheet=self.sheet)

    def redraw(self) -> None:
        self.tensors = self.cases[self.picker.value]()  # built once per pick: picture, PNG and table agree
        super().redraw()
        self.facts.value = facts_table(self.tensors)


LISTING_PX, LINE_PX = 13, 18  # the step-through's code listing: font size and line height, CSS px
SLIDER_PX = 32


def _listing(script: str, step) -> str:
    """The script with the statement just run highlighted and the ones still to come greyed out."""
    lines = script.splitlines()
    last = step.line + step.source.count("\n") if step.index else 0
    html = []
    for number, text in enumerate(lines, start=1):
        style = "color:#969696"
        if step.index and step.line <= number <= last:
            style = "background:#fdd0a2;font-weight:bold"
        elif number < (step.line if step.index else 1):
            style = "color:#000000"
        html.append(f'<div style="{style}">{number:>3}  {escape(text) or "&nbsp;"}</div>')
    return f'<pre style="margin:0;font-size:{LISTING_PX}px;line-height:{LINE_PX}px">{"".join(html)}</pre>'


def _outcome(step, total: int) -> str:
    if total == 0:
        return "<b>The script is empty: there is nothing to step through.</b>"
    parts = [f"<b>step {step.index} of {total}</b>: "
             + (f"ran <code>{escape(step.source.splitlines()[0])}</code>" if step.index else "before any line ran")]
    if step.error:
        parts.append(f'<pre style="color:#cb181d;white-space:pre-wrap;word-break:normal">{escape(step.error)}</pre>')
    if step.output:
        parts.append(f'<pre style="white-space:pre-wrap;word-break:normal">{escape(step.output)}</pre>')
    parts += [f'<div style="color:#8c6d31">{escape(message)}</div>' for message in step.warnings]
    return f'<div style="overflow-wrap:break-word">{"".join(parts)}</div>'  # wraps in its column, never widens it


VIEWS = {
    "graph": lambda namespace: autograd_graph(tensors_in(namespace)),
    "storage": lambda namespace: storage_map({k: v for k, v in namespace.items() if not k.startswith("_")}),
}


class StepThrough(Explorer):
    """Replay a few lines of torch code with a slider: after each line, the graph (or storage map).

    The script runs once, forward, when the explorer is made; moving the slider only redraws.
    A line that raises shows its error at that step, and the steps after it still run.
    """

    def __init__(self, script: str, view: str = "graph", namespace: dict[str, Any] | None = None):
        if view not in VIEWS:
            raise ValueError(f"view must be one of {', '.join(VIEWS)}, got {view!r}")
        self.script, self.view = tidy(script), view
        self.steps = replay(script, VIEWS[view], namespace)
        total = len(self.steps) - 1
        self.slider = w.IntSlider(value=total, min=0, max=max(total, 0), description="step",
                                  disabled=total == 0, continuous_update=True, layout=w.Layout(width="100%"))
        self.code = w.HTML(layout=w.Layout(width="60%", overflow="auto"))
        self.outcome = w.HTML(layout=w.Layout(flex="1 1 auto", overflow="auto"))
        self.room = self._room()
        # Slider, what the step did and the script side by side above the picture, whose own top says
        # what backward() will do: on a 768-px-high screen the control and the verdict show together.
        # The header is as tall as the listing (or five lines), whatever the step printed or raised.
        lines = max(len(self.script.splitlines()), 5)
        header = w.HBox([w.VBox([self.slider, self.outcome], layout=w.Layout(width="40%")), self.code],
                        layout=w.Layout(height=f"{max(lines * LINE_PX, SLIDER_PX + 4 * LINE_PX) + 8}px"))
        super().__init__([header])
        self.slider.observe(lambda _: self.redraw(), names="value")
        self.redraw()

    def _title(self, step) -> str:
        return f"after step {step.index}" if step.index else "before the first line"

    def _before(self, step):
        return self.steps[step.index - 1].snapshot if step.index else step.snapshot

    def _room(self):
        """The least room every step's picture fits in, so the output keeps its height while stepping."""
        if self.view == "graph":
            return reduce(or_, (graph_sheet(s.snapshot, self._title(s)) for s in self.steps))
        sizes = [storage_size(s.snapshot, self._title(s), changed(self._before(s), s.snapshot),
                              bumped(self._before(s), s.snapshot)) for s in self.steps]
        return max(w for w, _ in sizes), max(h for _, h in sizes)

    @property
    def step(self):
        return self.steps[self.slider.value]

    def figure(self) -> Figure:
        step, title = self.step, self._title(self.step)
        if self.view == "graph":
            return graph_figure(step.snapshot, title=title, sheet=self.room)
        before = self._before(step)
        return storage_figure(step.snapshot, title=title, changed=changed(before, step.snapshot),
                              bumped=bumped(before, step.snapshot), least=self.room)

    def redraw(self) -> None:
        super().redraw()
        total = len(self.steps) - 1
        self.code.value = _listing(self.script, self.step)
        self.outcome.value = _outcome(self.step, total)


class StorageExplorer(StepThrough):
    """Step through a script and watch which names share storage, and which a write reached."""

    def __init__(self, script: str, namespace: dict[str, Any] | None = None):
        super().__init__(script, view="storage", namespace=namespace)


class ModuleExplorer(Explorer):
    """A module tree; press play to watch the order children(), modules() or named_modules() visit it."""

    def __init__(self, model: torch.nn.Module, order: str = "modules()"):
        self.model, self.tree = model, module_tree(model)
        self.order = w.Dropdown(options=ORDERS, value=order, description="iterate")
        self.slider = w.IntSlider(min=0, description="step")
        self.play = w.Play(min=0, interval=800, description="play")
        w.jslink((self.play, "value"), (self.slider, "value"))
        self.yields = w.HTML()
        self.state_keys = w.HTML(_state_dict_html(self.tree))
        super().__init__([self.order, w.HBox([self.play, self.slider])], [self.yields, self.state_keys])
        self.order.observe(lambda _: self._restart(), names="value")
        self.slider.observe(lambda _: self.redraw(), names="value")
        self._restart()

    def _restart(self) -> None:
        self.visits = visit_order(self.model, self.order.value)
        self.said = yielded(self.model, self.order.value)
        with self.hold_trait_notifications():
            self.play.max = self.slider.max = len(self.visits)
            self.play.value = self.slider.value = 0
        self.redraw()

    def figure(self) -> Figure:
        return module_figure(self.tree, self.visits[: self.slider.value], title=self.order.value)

    def redraw(self) -> None:
        super().redraw()
        shown = self.said[: self.slider.value]
        self.yields.value = (f"<b>for m in model.{escape(self.order.value)}</b> has yielded "
                             f"{len(shown)} of {len(self.said)}: " + ", ".join(f"<code>{escape(s)}</code>"
                                                                             for s in shown))


def _state_dict_html(tree) -> str:
    keys = ", ".join(f"<code>{escape(k)}</code>" for k in tree.state_dict_keys) or "(none)"
    left_out = [f"<code>{escape('.'.join(filter(None, [n.path, m.name])))}</code> ({escape(m.kind)})"
                for n in tree.nodes if n.shared_with is None for m in n.members if not m.in_state_dict]
    html = f"<div><b>state_dict() keys:</b> {keys}</div>"
    if left_out:
        html += f"<div><b>not in state_dict():</b> {', '.join(left_out)}</div>"
    return html


class PipelineExplorer(Explorer):
    """Sliders for stages and micro-batches; naive, GPipe and 1F1B timelines with their bubbles. `forward`
    and `backward` are one micro-batch's times on one stage: 1 and 2 by default, or measured ones (then
    in `time_unit`)."""

    def __init__(self, stages: int = 4, micro_batches: int = 4, forward: float = 1.0, backward: float = 2.0,
                 time_unit: str = "time (forward = 1)"):
        self.times = (forward, backward, time_unit)
        self.stages = w.IntSlider(value=stages, min=1, max=8, description="stages p")
        self.micro_batches = w.IntSlider(value=micro_batches, min=1, max=16, description="micro-batches m")
        super().__init__([w.HBox([self.stages, self.micro_batches])])
        for slider in (self.stages, self.micro_batches):
            slider.observe(lambda _: self.redraw(), names="value")
        self.redraw()

    def figure(self) -> Figure:
        return schedules_figure(self.stages.value, self.micro_batches.value, *self.times)
