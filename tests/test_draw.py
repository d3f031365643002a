"""pitfalls.draw: the pictures say, in words, what the data model found, and every line can be followed.

The layout tests run on every picture the lessons draw (tests/lesson_pictures.py runs each solutions
notebook and records them), so a lesson that draws a new graph is checked without naming it here.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from unittest.mock import patch

import pytest
import torch
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.text import Text

from pitfalls.course import lessons
from pitfalls.draw import graph_figure, module_figure, storage_figure, svg_bytes
from pitfalls.draw.render import TEXT
from pitfalls.draw.schedule import COLOURS, schedule_figure
from pitfalls.graph import autograd_graph
from pitfalls.modtree import module_tree
from pitfalls.schedule import ALL_REDUCE, timeline
from pitfalls.storage import storage_map
from pitfalls.widgets import schedules_figure
from tests.conftest import LESSONS
from tests.geometry import flatten, inside, pieces, polyline_enters
from tests.lesson_pictures import drawn


@pytest.fixture(scope="module")
def lessons_drew(tmp_path_factory) -> dict[str, list]:
    """Every graph, storage map and module tree the lessons draw, from all lessons together."""
    scratch = tmp_path_factory.mktemp("drawn")
    found: dict[str, list] = {"graph": [], "storage": [], "modules": []}
    with ThreadPoolExecutor(2) as pool:  # one kernel a core
        for drew in pool.map(lambda lesson: drawn(lesson.source, scratch), LESSONS.values()):
            for kind, models in drew.items():
                found[kind] += models
    return found


def artist(fig, gid: str):
    return next(a for a in fig.findobj() if a.get_gid() == gid)


def written(fig) -> list[Text]:
    """Every piece of text a real draw puts on the figure (not, say, tick labels beyond the axis' end)."""
    drawn_texts, draw = [], Text.draw

    def recording(text, renderer):
        drawn_texts.append(text)
        return draw(text, renderer)

    with patch.object(Text, "draw", recording):
        FigureCanvasAgg(fig).draw()
    return [t for t in drawn_texts if t.get_visible() and t.get_text().strip()]


def outside_the_figure(fig) -> list[str]:
    """Texts whose rendered box sticks out of the figure: the reader sees them cut off."""
    texts = written(fig)
    whole, renderer = (0, 0, fig.bbox.width, fig.bbox.height), fig.canvas.get_renderer()
    return [t.get_text() for t in texts if not inside(tuple(t.get_window_extent(renderer).extents), whole, slack=0.5)]


def texts(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text")))


def title(fig) -> str:
    """A figure's title: the axes' own, or the text the picture names its title."""
    found = [t.get_text() for t in fig.findobj(match=lambda a: a.get_gid() == "title")]
    return "\n".join(found) or fig.axes[0].get_title()


def test_truncated_graph_says_so_in_the_title():
    h = torch.zeros(1, requires_grad=True)
    for _ in range(10_000):
        h = h * 1.0
    graph = autograd_graph(h)
    fig = graph_figure(graph)
    assert graph.truncated and "too large: showing the first" in title(fig)
    assert svg_bytes(fig)


def test_a_tensor_with_no_graph_says_there_is_none():
    fig = graph_figure(autograd_graph(torch.zeros(2)))
    assert "no autograd graph" in title(fig)


def test_a_stale_graph_states_the_error_before_backward_runs():
    a = torch.randn(3, requires_grad=True)
    b = a.exp()
    loss = b.sum()
    b.zero_()
    assert "backward() will raise RuntimeError: one of the variables needed" in texts(graph_figure(
        autograd_graph({"b": b, "loss": loss}))).replace("\n", " ")


def test_a_sound_graph_says_backward_can_run():
    a = torch.randn(3, requires_grad=True)
    assert "output.backward() can run" in texts(graph_figure(autograd_graph((a * a).sum())))


def test_storage_picture_names_aliases_and_counts_shared_storages():
    a = torch.zeros(3)
    text = texts(storage_figure(storage_map({"a": a, "b": a, "c": a.clone()})))
    assert "b is a" in text and "3 names, 2 storages, 1 shared" in text


def test_big_module_trees_are_cut_short_and_say_so():
    model = torch.nn.Sequential(*[torch.nn.ReLU() for _ in range(100)])
    assert "too large: showing the first 60 of 101 modules" in texts(module_figure(module_tree(model)))


def test_lessons_draw_graphs_storage_maps_and_module_trees(lessons_drew):
    """The recorder sees the lessons' pictures (a broken recorder would make the tests below vacuous)."""
    if set(LESSONS) != set(lessons()):  # `--lesson` chose a few, which need not draw every kind of picture
        assert any(lessons_drew.values()), f"no picture recorded from {list(LESSONS)}"
        return
    assert len(lessons_drew["graph"]) >= 20 and len(lessons_drew["storage"]) >= 20 and lessons_drew["modules"]
    assert any(n.stale for g in lessons_drew["graph"] for n in g.nodes)


def test_no_edge_passes_through_a_box_on_any_graph_the_lessons_draw(lessons_drew):
    """Each drawn edge (curves flattened) and its arrowhead miss every box but its own two."""
    for graph in (g for g in lessons_drew["graph"] if g.edges):
        fig = graph_figure(graph)
        boxes = [tuple(p.get_extents().extents) for p in artist(fig, "boxes").get_paths()]
        edges = pieces(artist(fig, "edges").get_path())
        heads = [[tuple(v) for v in p.vertices] for p in pieces(artist(fig, "arrowheads").get_path())]
        assert len(boxes) == len(graph.nodes) and len(edges) == len(heads) == len(graph.edges)
        assert all(len(set(head)) == 3 for head in heads), "every arrowhead is a triangle"
        names = {n.id: n.title for n in graph.nodes}
        for (source, target), edge, head in zip(graph.edges, edges, heads, strict=True):
            others = [(n.title, box) for n, box in zip(graph.nodes, boxes, strict=True) if n.id not in (source, target)]
            for line in [*flatten(edge), head + head[:1]]:
                through = [name for name, box in others if polyline_enters(line, box)]
                assert not through, f"the edge {names[source]} → {names[target]} passes through {through}"


def test_every_label_fits_its_box_and_every_text_its_figure(lessons_drew):
    for graph in lessons_drew["graph"]:
        fig = graph_figure(graph, title="after step 4: a title as long as a step-through gives")
        assert outside_the_figure(fig) == []
        renderer = fig.canvas.get_renderer()
        labels = [t for t in written(fig) if t.get_gid() == "label"]
        boxes = artist(fig, "boxes") if graph.nodes else None
        for label, path in zip(labels, boxes.get_paths() if boxes else [], strict=True):
            box = tuple(path.transformed(boxes.get_transform()).get_extents().extents)
            assert inside(tuple(label.get_window_extent(renderer).extents), box), label.get_text()
def test_storage_maps_and_module_trees_the_lessons_draw_cut_no_text_off(lessons_drew):
    for smap in lessons_drew["storage"]:
        assert outside_the_figure(storage_figure(smap, title="after step 6")) == []
    for tree in lessons_drew["modules"]:
        assert outside_the_figure(module_figure(tree, [n.path for n in tree.nodes], title="modules()")) == []


@pytest.mark.parametrize("stages, micro_batches", [(1, 1), (2, 3), (4, 4), (8, 1), (8, 16), (5, 16)])
def test_pipeline_timelines_cut_no_text_off(stages, micro_batches):
    assert outside_the_figure(schedules_figure(stages, micro_batches)) == []


def ddp_figure():
    """Two ranks' measured forward, backward and all-reduce, next to one process, as lesson 09 draws them."""
    ranks = [(r, step, kind, 10 * step + a + r, 10 * step + b + r) for r in (0, 1) for step in range(3)
             for kind, a, b in (("forward", 0, 2), ("backward", 2, 5), ("all-reduce", 5, 7 - r))]
    one = [(0, step, kind, 8 * step + a, 8 * step + b) for step in range(3)
           for kind, a, b in (("forward", 0, 3), ("backward", 3, 8))]
    return schedule_figure({"DDP, 2 ranks": timeline(ranks), "one process": timeline(one)},
                           time_unit="milliseconds", row="rank")


def test_a_data_parallel_timeline_shows_its_all_reduces_and_names_its_rows_ranks():
    fig = ddp_figure()
    words = texts(fig)
    assert "all-reduce" in words and "rank 1" in words and "stage" not in words
    orange = [c for ax in fig.axes for c in ax.collections if c.get_facecolor()[0].tolist()[:3] ==
              list(to_rgb(COLOURS[ALL_REDUCE]))]
    assert len(orange) == 2  # rank 0's and rank 1's, none for the single process
    assert outside_the_figure(fig) == []
    assert "all-reduce" not in texts(schedules_figure(2, 3))  # a pipeline's legend says nothing of it


def test_a_data_parallel_timeline_speaks_of_steps_not_of_a_pipeline():
    """A rank's bars are whole steps, and its all-reduce is work: no micro-batch, bubble or activations."""
    words = texts(ddp_figure()).replace("\n", " ")
    assert "F·step" in words and "B·step" in words and "milliseconds from the first forward" in words
    for pipeline_word in ("micro-batch", "bubble", "activations"):
        assert pipeline_word not in words
    pipeline = texts(schedules_figure(2, 3)).replace("\n", " ")
    assert "F·micro-batch" in pipeline and "bubble" in pipeline and "activations" in pipeline


@pytest.mark.parametrize("picture", [
    ddp_figure,
    lambda: graph_figure(autograd_graph({"w": (w := torch.ones(2, requires_grad=True)), "y": w * 2})),
    lambda: storage_figure(storage_map({"a": torch.zeros(3)})),
    lambda: module_figure(module_tree(torch.nn.Linear(2, 2))),
    lambda: schedules_figure(8, 16),
])
def test_every_text_is_big_enough_to_read_from_the_back_of_a_room(picture):
    """TEXT points is 13.3 CSS px at scale 1: no label, legend or tick is drawn smaller."""
    small = {t.get_text(): t.get_fontsize() for t in written(picture()) if t.get_fontsize() < TEXT}
    assert small == {}


@pytest.mark.parametrize("stages", range(1, 9))
@pytest.mark.parametrize("micro_batches", [1, 2, 5, 16])
def test_pipeline_rows_are_rows_not_slivers_at_any_size_the_explorer_offers(stages, micro_batches):
    """Each stage gets at least 28 CSS px of height, and every bar at least 2 px of width."""
    fig = schedules_figure(stages, micro_batches)
    FigureCanvasAgg(fig).draw()
    for ax in fig.axes:
        assert ax.bbox.height / stages >= 28
        for bars in ax.collections:
            widths = [path.transformed(bars.get_transform()).get_extents().width for path in bars.get_paths()]
            assert min(widths) >= 2


def test_the_verdict_speaks_for_each_result_and_only_of_the_ops_it_reaches():
    """A stale op off the loss's path: the picture says loss.backward() runs, and a backward from y raises."""
    x = torch.randn(3, requires_grad=True)
    y = x.exp()
    loss = (x * 2).sum()
    y.add_(1)
    said = texts(graph_figure(autograd_graph({"x": x, "y": y, "loss": loss}))).replace("\n", " ")
    assert "loss.backward() can run" in said
    assert "backward() from y will raise RuntimeError: one of the variables needed" in said


def test_the_module_legend_says_a_dtype_cast_skips_integer_tensors():
    """.double() leaves BatchNorm's integer num_batches_tracked alone: the legend must not say .to() moves all."""
    bn = torch.nn.BatchNorm1d(3).double()
    assert bn.running_mean.dtype == torch.float64 and bn.num_batches_tracked.dtype == torch.int64
    said = texts(module_figure(module_tree(bn))).replace("\n", " ")
    assert ".to(dtype) leaves integer buffers as they are" in said
