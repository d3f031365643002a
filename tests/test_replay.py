"""pitfalls.replay: a script replayed statement by statement, as a cell would run it."""

from __future__ import annotations

from pitfalls.replay import replay, tensors_in


def names(namespace):
    return sorted(k for k in namespace if not k.startswith("_") and k != "torch")


def test_one_step_per_statement_plus_the_start():
    steps = replay("a = 1\nb = a + 1\nc = b * 2\n", names)
    assert [s.snapshot for s in steps] == [[], ["a"], ["a", "b"], ["a", "b", "c"]]
    assert [s.line for s in steps] == [0, 1, 2, 3]


def test_a_block_is_one_step():
    steps = replay("x = 0\nwith torch.no_grad():\n    y = 1\n    z = 2\n", names)
    assert len(steps) == 3 and steps[2].source.startswith("with torch.no_grad():")
    assert steps[2].snapshot == ["x", "y", "z"]


def test_a_line_that_raises_is_that_steps_error_and_later_lines_still_run():
    steps = replay("a = 1\nb = 1 / 0\nc = 3\n", names)
    assert steps[2].error == "ZeroDivisionError: division by zero"
    assert steps[3].error is None and steps[3].snapshot == ["a", "c"]


def test_empty_script_is_just_the_start():
    steps = replay("", names)
    assert len(steps) == 1 and steps[0].error is None


def test_syntax_error_is_reported_not_raised():
    steps = replay("a = (\n", names)
    assert len(steps) == 1 and steps[0].error.startswith("SyntaxError")


def test_printed_output_and_warnings_are_kept_per_step():
    steps = replay("print('hi')\nimport warnings\nwarnings.warn('careful')\n", names)
    assert steps[1].output == "hi\n" and steps[1].warnings == ()
    assert steps[3].warnings == ("UserWarning: careful",)


def test_tensors_in_names_module_parameters_and_buffers():
    import torch

    namespace = {"x": torch.ones(1), "bn": torch.nn.BatchNorm1d(2), "_hidden": torch.ones(1), "n": 3}
    assert set(tensors_in(namespace)) == {"x", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var",
                                          "bn.num_batches_tracked"}


def test_a_script_in_triple_quotes_is_numbered_from_its_first_line():
    steps = replay("""
        a = 1
        b = 2
    """, names)
    assert [(s.line, s.source) for s in steps[1:]] == [(1, "a = 1"), (2, "b = 2")]
