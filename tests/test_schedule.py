"""pitfalls.schedule: timelines follow the dependencies, and the bubble is measured from them."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pitfalls.schedule import (
    ALL_REDUCE,
    BACKWARD,
    FORWARD,
    SCHEDULES,
    bubble_formula,
    bubble_fraction,
    peak_in_flight,
    schedule,
    timeline,
)

sizes = st.tuples(st.integers(1, 8), st.integers(1, 16))


@settings(max_examples=60, deadline=None)
@given(sizes, st.sampled_from(sorted(SCHEDULES)))
def test_every_task_runs_once_after_its_inputs_and_stages_never_overlap(size, name):
    p, m = size
    tasks = schedule(name, p, m)
    done = {(t.kind, t.stage, t.micro): t for t in tasks}
    assert len(done) == len(tasks) == 2 * p * m
    for t in tasks:
        if t.kind == FORWARD and t.stage > 0:
            assert done[(FORWARD, t.stage - 1, t.micro)].end <= t.start
        if t.kind == BACKWARD:
            assert done[(FORWARD, t.stage, t.micro)].end <= t.start
            if t.stage < p - 1:
                assert done[(BACKWARD, t.stage + 1, t.micro)].end <= t.start
    for s in range(p):
        mine = sorted((t for t in tasks if t.stage == s), key=lambda t: t.start)
        assert all(a.end <= b.start for a, b in pairwise(mine))


@settings(max_examples=60, deadline=None)
@given(sizes)
def test_measured_bubble_matches_the_formula(size):
    p, m = size
    assert bubble_fraction(schedule("GPipe", p, m)) == pytest.approx(bubble_formula(p, m))
    assert bubble_fraction(schedule("1F1B", p, m)) == pytest.approx(bubble_formula(p, m))
    assert bubble_fraction(schedule("naive", p, m)) == pytest.approx((p - 1) / p)


@settings(max_examples=40, deadline=None)
@given(sizes)
def test_1f1b_holds_at_most_p_micro_batches_where_gpipe_holds_all_m(size):
    p, m = size
    assert max(peak_in_flight(schedule("GPipe", p, m)).values()) == m
    assert max(peak_in_flight(schedule("1F1B", p, m)).values()) == min(p, m)


def test_measured_records_become_a_timeline():
    tasks = timeline([(0, 0, "forward", 0.0, 1.5), {"stage": 1, "micro_batch": 0, "kind": "backward",
                                                    "start": 2, "end": 3}])
    assert [(t.stage, t.kind, t.end) for t in tasks] == [(0, FORWARD, 1.5), (1, BACKWARD, 3.0)]
    assert bubble_fraction(tasks) == pytest.approx(1 - 2.5 / 6)


def test_a_measured_all_reduce_is_communication_not_work():
    """DDP's all-reduce overlaps the backward it serves: a rank that only waits for it is idle, and it
    holds no activations."""
    tasks = timeline([(0, 0, "forward", 0, 1), (0, 0, "backward", 1, 3), (0, 0, "all-reduce", 2.5, 4),
                      (1, 0, "forward", 0, 1), (1, 0, "backward", 1, 2), (1, 0, "all-reduce", 2, 4)])
    assert [t.kind for t in tasks[:3]] == [FORWARD, BACKWARD, ALL_REDUCE]
    assert bubble_fraction(tasks) == pytest.approx(1 - 5 / 8)
    assert peak_in_flight(tasks) == {0: 1, 1: 1}


@pytest.mark.parametrize("record, message", [
    ((0, 0, "sideways", 0, 1), "is not"),
    ((0, 0, "forward", 2, 1), "ends before it starts"),
    ((0, 0, "forward"), "is not"),
])
def test_bad_records_get_a_clear_error(record, message):
    with pytest.raises(ValueError, match=message):
        timeline([record])


def test_bad_sizes_and_names_get_a_clear_error():
    with pytest.raises(ValueError, match="at least one stage"):
        schedule("GPipe", 0, 4)
    with pytest.raises(ValueError, match="unknown schedule"):
        schedule("zigzag", 2, 2)
