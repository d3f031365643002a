"""pitfalls.draw.layout: rows go with the data flow, and no edge passes through a box it does not join."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pitfalls.draw.layout import layered, rows, spread
from tests.geometry import crosses, polyline_enters


@st.composite
def dags(draw, most: int = 24):
    """Random DAGs with boxes of random sizes: edges only from a lower to a higher number."""
    n = draw(st.integers(1, most))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, min(n, i + 6))]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=2 * n)) if pairs else []
    sizes = {f"n{i}": (draw(st.floats(0.3, 3.0)), draw(st.floats(0.2, 1.2))) for i in range(n)}
    return sizes, [(f"n{i}", f"n{j}") for i, j in edges]


def rect(box):
    return box.x - box.width / 2, box.top, box.x + box.width / 2, box.bottom


@settings(max_examples=150, deadline=None)
@given(dags())
def test_no_edge_passes_through_a_box_it_does_not_join(dag):
    sizes, edges = dag
    layout = layered(sizes, edges)
    for route in layout.routes:
        others = [rect(b) for n, b in layout.boxes.items() if n not in (route.source, route.target)]
        assert not any(polyline_enters(list(route.points), r) for r in others), route


@settings(max_examples=150, deadline=None)
@given(dags())
def test_edges_bend_only_in_the_gaps_between_rows(dag):
    """The drawing may curve a slanted part however it likes within its height: no box is there."""
    sizes, edges = dag
    layout = layered(sizes, edges)
    for route in layout.routes:
        for (x0, y0), (x1, y1) in pairwise(route.points):
            assert y1 >= y0 - 1e-9, "every edge runs downwards"
            if x0 != x1:
                assert not any(b.top < y1 - 1e-9 and b.bottom > y0 + 1e-9 for b in layout.boxes.values()), route


@settings(max_examples=100, deadline=None)
@given(dags())
def test_edges_leave_the_bottom_of_their_source_and_enter_the_top_of_their_target(dag):
    sizes, edges = dag
    layout = layered(sizes, edges)
    assert [(r.source, r.target) for r in layout.routes] == edges
    for route in layout.routes:
        source, target = layout.boxes[route.source], layout.boxes[route.target]
        (x0, y0), (x1, y1) = route.points[0], route.points[-1]
        assert abs(y0 - source.bottom) < 1e-9 and abs(x0 - source.x) < source.width / 2
        assert abs(y1 - target.top) < 1e-9 and abs(x1 - target.x) < target.width / 2


@settings(max_examples=100, deadline=None)
@given(dags())
def test_boxes_do_not_overlap_and_fit_the_picture(dag):
    sizes, edges = dag
    layout = layered(sizes, edges)
    boxes = list(layout.boxes.values())
    for i, a in enumerate(boxes):
        assert -1e-9 <= a.x - a.width / 2 and a.x + a.width / 2 <= layout.width + 1e-9
        assert -1e-9 <= a.top and a.bottom <= layout.height + 1e-9
        for b in boxes[i + 1:]:
            apart = abs(a.x - b.x) >= (a.width + b.width) / 2 or abs(a.y - b.y) >= (a.height + b.height) / 2
            assert apart, (a, b)


def test_an_input_sits_just_above_the_op_that_uses_it():
    """A leaf used only at the end of a long chain is drawn beside that op, not on the top row."""
    edges = [("x", "f"), ("f", "g"), ("g", "h"), ("late", "h")]
    assert rows(["x", "f", "g", "h", "late"], edges) == {"x": 0, "f": 1, "g": 2, "h": 3, "late": 2}


def test_a_long_edge_goes_around_the_box_in_between():
    """Lesson 00's `h - h.mean()`: sigmoid -> sub passes beside mean, not through it."""
    sizes = {"sigmoid": (2.0, 0.4), "mean": (1.3, 0.2), "sub": (1.2, 0.2)}
    layout = layered(sizes, [("sigmoid", "mean"), ("mean", "sub"), ("sigmoid", "sub")])
    direct = layout.routes[2]
    assert not polyline_enters(list(direct.points), rect(layout.boxes["mean"]))
    assert not crosses(list(direct.points), list(layout.routes[0].points))


def test_a_chain_with_a_leaf_at_every_step_stays_straight():
    """Leaves sit beside the chain instead of pulling it sideways, step after step."""
    sizes = {"x": (1.0, 0.4)}
    edges = []
    last = "x"
    for i in range(30):
        sizes[f"w{i}"], sizes[f"mul{i}"] = (1.3, 0.6), (1.2, 0.3)
        edges += [(last, f"mul{i}"), (f"w{i}", f"mul{i}")]
        last = f"mul{i}"
    layout = layered(sizes, edges)
    xs = [layout.boxes[f"mul{i}"].x for i in range(30)]
    assert max(xs) - min(xs) < 0.1 and layout.width < 4


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(-10, 10), st.floats(0, 3)), min_size=1, max_size=12))
def test_spread_keeps_the_order_and_the_gaps_and_moves_nothing_it_need_not(items):
    desired = sorted(d for d, _ in items)
    gaps = [g for _, g in items[1:]]
    placed = spread(desired, gaps)
    assert all(b - a >= g - 1e-9 for (a, b), g in zip(pairwise(placed), gaps, strict=True))
    if all(b - a >= g for (a, b), g in zip(pairwise(desired), gaps, strict=True)):
        assert placed == pytest.approx(desired)


@settings(max_examples=30, deadline=None)
@given(dags())
def test_the_same_graph_is_laid_out_the_same_every_time(dag):
    """A step-through redraws a step from scratch: its boxes must not move between two looks."""
    sizes, edges = dag
    assert layered(sizes, edges) == layered(dict(sizes), list(edges))
