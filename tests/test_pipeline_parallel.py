"""Lesson 10's workers: stages on real gloo processes compute what one process computes, timed and counted."""

from __future__ import annotations

import multiprocessing

import pytest
import torch
import torch.distributed as dist

from pitfalls.lessons import data_parallel as dp
from pitfalls.lessons import pipeline_parallel as pp
from pitfalls.schedule import peak_in_flight, timeline
from pitfalls.widgets import PipelineExplorer, schedules_figure


@pytest.fixture(scope="module")
def small():
    """A small model with uneven widths and its batch: cheap to run on every rank."""
    model = pp.make_model(seed=2, widths=(6, 12, 8, 12, 4, 5))
    return model, *pp.make_data(model, seed=3, batch=8)


def joined(grads: list[dict]) -> dict:
    return {k: v for g in grads for k, v in g.items()}


def test_a_stage_is_a_slice_that_keeps_the_whole_models_names(small):
    model, *_ = small
    bounds = pp.halves(model)
    assert bounds == [0, 2, 5] and pp.halves(model, 3) == [0, 2, 3, 5]
    stages = [pp.stage_module(model, bounds, s) for s in range(2)]
    assert stages[0][0] is model[0]  # the same blocks, not copies
    assert list(stages[1].state_dict())[0] == "2.0.weight"
    assert sorted(k for s in stages for k in s.state_dict()) == sorted(model.state_dict())
    assert tuple(pp.stage_input(stages[1], 3).shape) == (3, 8)


def test_gpipe_with_one_micro_batch_is_the_naive_split_and_only_the_last_stage_has_the_loss(small):
    model, x, y = small
    for world in (2, 3):
        ranks = dp.launch_ranks(pp.pipelined, model, pp.halves(model, world), x, y, "GPipe", 1, world=world)
        loss, grads = pp.reference(model, x, y)
        assert [len(r.value["losses"]) for r in ranks] == [0] * (world - 1) + [1]
        assert ranks[-1].value["losses"][0] == pytest.approx(loss, abs=1e-6)
        assert pp.largest_difference(joined([r.value["gradients"] for r in ranks]), grads) < 1e-6
        assert sorted(joined([r.value["gradients"] for r in ranks])) == sorted(grads)
        records = pp.timeline_records(ranks)
        assert sorted((s, kind) for s, _, kind, *_ in records) == sorted(
            (s, kind) for s in range(world) for kind in ("forward", "backward"))


def test_a_receive_before_the_send_deadlocks_and_the_launcher_ends_it(small):
    model, x, y = small
    with pytest.raises(TimeoutError):
        dp.launch(pp.gradient_before_activation, model, pp.halves(model), x, y, timeout=1)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("name", ["GPipe", "1F1B"])
def test_a_schedule_equals_one_process_and_its_timeline_is_measured(small, name):
    model, x, y = small
    m = 4
    ranks = dp.launch_ranks(pp.pipelined, model, pp.halves(model), x, y, name, m)
    assert pp.largest_difference(joined([r.value["gradients"] for r in ranks]), pp.reference(model, x, y)[1]) < 1e-6
    assert [len(r.value["losses"]) for r in ranks] == [0, m]  # only the last stage gets the losses
    records = pp.timeline_records(ranks)
    assert len(records) == 2 * 2 * m  # every micro-batch's forward and backward on both stages, of the last step
    held = peak_in_flight(timeline(records))
    assert held == ({0: m, 1: m} if name == "GPipe" else {0: 2, 1: 1})
    forward, backward = pp.mean_times(records)
    assert forward > 0 and backward > 0
    assert all(t > 0 for t in pp.busy_ms(records))


def test_1f1b_saves_fewer_bytes_than_gpipe_on_the_first_stage():
    model = pp.make_model(widths=(32,) * 5)
    x, y = pp.make_data(model, batch=64)
    peak = {name: [r.value["peak_bytes"] for r in dp.launch_ranks(pp.pipelined, model, pp.halves(model), x, y, name, 8)]
            for name in ("GPipe", "1F1B")}
    assert peak["1F1B"][0] < peak["GPipe"][0]
    assert all(b > 0 for b in peak["GPipe"])
    # the batch left out, the bytes follow the micro-batches held: 8 against 2 on stage 0, 8 against 1 on stage 1
    assert peak["GPipe"][0] == 4 * peak["1F1B"][0] and peak["GPipe"][1] == 8 * peak["1F1B"][1]


def test_saved_bytes_counts_activations_not_parameters_and_frees_them_with_the_graph():
    layer = torch.nn.Linear(100, 100)
    x = torch.randn(10, 100)
    with pp.SavedBytes(layer.parameters()) as saved:
        out = layer(x).tanh()
    assert saved.now == saved.peak == 2 * 10 * 100 * 4  # the input to the Linear and tanh's output, no weight
    out.sum().backward()
    assert saved.now == 0 and saved.peak == 8000


def test_micro_batches_change_batchnorm_gradients(small):
    model = pp.make_model(widths=(6, 12, 8, 4), norm=True)
    x, y = pp.make_data(model, batch=16)
    ranks = dp.launch_ranks(pp.pipelined, model, pp.halves(model), x, y, "GPipe", 4, 1)
    piped = joined([r.value["gradients"] for r in ranks])
    assert pp.largest_difference(piped, pp.reference(model, x, y, 4)[1]) < 1e-6
    assert pp.largest_difference(piped, pp.reference(model, x, y)[1]) > 1e-4
    # one update per micro-batch, and one for the forward the stage runs on its first step to learn shapes
    assert [r.value["batches_tracked"] for r in ranks] == [[5, 5], [5]]
    assert [r.value["forward_calls"] for r in ranks] == [5, 5]


def test_the_sweep_times_every_run(small):
    model, x, y = small
    runs = [("GPipe", 1), ("GPipe", 2), ("1F1B", 2)]
    found = dp.launch(pp.sweep, model, pp.halves(model), x, y, runs, 1)
    assert [sorted(f) for f in found] == [sorted(runs)] * 2
    assert all(s > 0 for f in found for s in f.values())
    assert found[0] == found[1]  # each step is its slowest rank's time, the same on every rank


def test_split_cost_times_the_whole_batch_and_its_pieces(small):
    model, x, y = small
    whole, pieces = pp.split_cost(model, x, y, 4, repeats=1)
    assert whole > 0 and pieces > 0
    assert all(p.grad is None for p in model.parameters())


def test_gloo_raises_after_the_groups_timeout_for_two_receives_and_for_an_unreceived_send(small):
    model, x, y = small
    bounds = pp.halves(model)
    both = dp.launch(pp.what_gloo_raises, pp.gradient_before_activation, 0.3, model, bounds, x, y, timeout=10)
    assert [r[0] for r in both] == ["RuntimeError"] * 2 and any("Timed out" in r[2] for r in both)
    sent = dp.launch(pp.what_gloo_raises, pp.send_unreceived, 0.3, model, bounds, x, y, timeout=10)
    assert sent[1] is None and sent[0][0] == "RuntimeError" and "send" in sent[0][2]
    assert multiprocessing.active_children() == []


def test_interleaved_1f1b_runs_four_stages_on_two_ranks(small):
    model, x, y = small
    model = pp.make_model(seed=2, widths=(6, 12, 8, 12, 4))  # four blocks: one per stage
    ranks = dp.launch(pp.interleaved, model, x, y[:, :4])
    assert [len(r["losses"]) for r in ranks] == [0, 4]
    grads = {k: v for r in ranks for k, v in r["gradients"].items()}
    assert sorted(grads) == sorted(dict(model.named_parameters()))
    assert pp.largest_difference(grads, pp.reference(model, x, y[:, :4])[1]) < 1e-6


def test_nan_outside_leaves_only_the_stage_real(small):
    model, *_ = small
    model = pp.make_model(seed=2, widths=(6, 12, 8, 12, 4, 5))
    bounds = pp.halves(model)
    pp.nan_outside(model, bounds, 1)
    assert all(p.isnan().all() for p in pp.stage_module(model, bounds, 0).parameters())
    assert not any(p.isnan().any() for p in pp.stage_module(model, bounds, 1).parameters())


def test_a_trained_stage_matches_the_whole_model_trained_in_one_process(small):
    model, x, y = small

    def trained_parts(rank, world, model, bounds, x, y):
        return pp.train_stage(rank, world, pp.stage_module(model, bounds, rank), x, y).state_dict()

    parts = dp.launch(trained_parts, model, pp.halves(model), x, y)
    whole = pp.trained_whole(model, x, y)
    assert pp.largest_difference(joined(parts), whole) < 1e-6 and sorted(joined(parts)) == sorted(whole)


def test_best_split_is_the_slowest_stage_of_the_best_contiguous_split():
    assert pp.stage_times([1.0, 2.0, 3.0], [0, 2, 3]) == [3.0, 3.0]
    assert pp.best_split([1.0, 1.0, 1.0, 1.0, 4.0], 2) == 4.0
    assert pp.best_split([5.0, 1.0], 1) == 6.0


def test_layer_times_are_one_per_block():
    model = pp.make_model(widths=(4, 8, 4))
    times = pp.layer_times(model, torch.randn(3, 4), repeats=1)
    assert len(times) == 2 and all(t > 0 for t in times)
    assert all(p.grad is None for p in model.parameters())


def test_timed_events_come_back_and_a_save_into_memory_is_no_checkpoint(tmp_path):
    def gather_then_save(rank, world):
        with dp.timed("work"):
            parts = [None] * world if rank == 0 else None
            dist.gather_object({"w": torch.ones(2)}, parts, dst=0)  # pickles a tensor: torch.save into memory
            if rank == 0:
                torch.save(parts, tmp_path / "one.pt")

    ranks = dp.launch_ranks(gather_then_save)
    assert [r.saves for r in ranks] == [1, 0]
    assert all([what for what, *_ in r.events].count("work") == 1 for r in ranks)


def test_tensor_parallel_and_fsdp2_hold_shards_on_cpu_gloo():
    tp = dp.launch(pp.tensor_parallel)
    assert [t["weight"][:3] for t in tp] == [("DTensor", (16, 8), (8, 8))] * 2
    assert all(t["forward"] == {"all_reduce": 1} for t in tp)
    assert all(t["backward"] == {"all_reduce": 1} and t["backward_no_input_grad"] == {} for t in tp)
    fsdp = dp.launch(pp.fully_sharded)
    assert all(found["state"]["0.weight"] == ("DTensor", (16, 8), (8, 8)) for found in fsdp)
    assert all(found["backward"].get("_reduce_scatter_base_") == 2 for found in fsdp)  # one per sharded Linear


def test_the_pipeline_explorer_draws_measured_times():
    explorer = PipelineExplorer(stages=2, micro_batches=3, forward=2.5, backward=4.0, time_unit="milliseconds")
    fig = explorer.figure()
    assert "milliseconds" in [ax.get_xlabel() for ax in fig.axes]
    assert max(ax.get_xlim()[1] for ax in fig.axes) == pytest.approx(2 * (2.5 + 4.0) * 3)  # naive: m (F + B) per stage
    assert schedules_figure(2, 3).axes[-1].get_xlabel() == "time (forward = 1)"
