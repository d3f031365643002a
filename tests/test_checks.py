"""pitfalls.checks: type before value, messages that teach, and no fooling by look-alikes."""

from __future__ import annotations

import warnings

import pytest
import torch

from pitfalls import checks


class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __bool__(self):
        return True


def test_an_object_that_equals_everything_is_refused():
    with pytest.raises(checks.CheckFailed, match="should be a bool"):
        checks.expect_equal(AlwaysEqual(), True, "answer")


def test_bool_is_not_accepted_for_int_or_int_for_bool():
    with pytest.raises(checks.CheckFailed):
        checks.expect_equal(1, True, "answer")


def test_tensor_subclass_is_refused():
    class Sneaky(torch.Tensor):
        pass

    with pytest.raises(checks.CheckFailed, match="should be a Tensor"):
        checks.expect_tensor(torch.zeros(2).as_subclass(Sneaky), "t")


def test_close_reports_yours_and_expected():
    with pytest.raises(checks.CheckFailed, match=r"yours is tensor\(\[1.0, 2.0\].*expected tensor\(\[1.0, 3.0\]"):
        checks.expect_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 3.0]), "grad")


def test_close_checks_shape_and_dtype_first():
    with pytest.raises(checks.CheckFailed, match="shape"):
        checks.expect_close(torch.zeros(3), torch.zeros(2), "x")
    with pytest.raises(checks.CheckFailed, match="dtype"):
        checks.expect_close(torch.zeros(2, dtype=torch.float64), torch.zeros(2), "x")


def test_replacing_torch_allclose_does_not_fool_the_check(monkeypatch):
    monkeypatch.setattr(torch, "allclose", lambda *a, **k: True)
    monkeypatch.setattr(torch, "equal", lambda *a, **k: True)
    with pytest.raises(checks.CheckFailed):
        checks.expect_close(torch.zeros(2), torch.ones(2), "x")


def test_predictions_name_the_wrong_keys():
    with pytest.raises(checks.CheckFailed, match=r"1 of 2 predictions .*\['b'\]"):
        checks.expect_predictions({"a": True, "b": True}, {"a": True, "b": False}, "p")


def test_missing_prediction_keys_are_listed():
    with pytest.raises(checks.CheckFailed, match=r"missing \['b'\]"):
        checks.expect_keys({"a": True}, ["a", "b"], "p")


def test_quietly_keeps_warnings_off_stderr(capfd):
    def warns():
        warnings.warn("harmless", UserWarning, stacklevel=1)
        return 3

    assert checks.quietly(warns) == 3
    assert capfd.readouterr().err == ""


def test_hostile_repr_cannot_hide_the_failure():
    class Loud:
        def __repr__(self):
            raise RuntimeError("boom")

    with pytest.raises(checks.CheckFailed, match="Loud"):
        checks.expect_type(Loud(), int, "n")


def test_expect_raises_returns_the_message_and_fails_when_nothing_raises():
    msg = checks.expect_raises(lambda: (_ for _ in ()).throw(ValueError("bad leaf")), ValueError, "leaf", "it")
    assert msg == "bad leaf"
    with pytest.raises(checks.CheckFailed, match="did not"):
        checks.expect_raises(lambda: None, ValueError, "x", "nothing")


def test_choices_must_be_one_of_the_named_outcomes():
    outcomes = {"raises": "autograd raises", "fine": "right gradients"}
    checks.expect_choices({"a": "fine"}, outcomes, ["a"], "p")
    with pytest.raises(checks.CheckFailed, match=r"p\['a'\] is 'error'; answer with one of \['raises', 'fine'\]"):
        checks.expect_choices({"a": "error"}, outcomes, ["a"], "p")
    unanswered = r"not answered yet: replace the None of \['a'\] with 'raises' or 'fine'"
    with pytest.raises(checks.CheckFailed, match=unanswered):
        checks.expect_choices({"a": None}, outcomes, ["a"], "p")


def test_backward_failure_becomes_a_message_with_torchs_words():
    a = torch.ones(2, requires_grad=True) * 1
    y = a.sigmoid()
    y.mul_(2)
    with pytest.raises(checks.CheckFailed, match="loss.backward\\(\\) failed: one of the variables .* Look"):
        checks.expect_backward(y.sum(), "loss", "Look for an in-place write.")
    b = torch.ones(2, requires_grad=True)
    checks.expect_backward((b * 2).sum(), "loss")
    assert b.grad.tolist() == [2.0, 2.0]


def test_replacing_backward_does_not_fool_the_check(monkeypatch):
    monkeypatch.setattr(torch.Tensor, "backward", lambda *a, **k: None)
    y = (torch.ones(2, requires_grad=True) * 1).sigmoid()
    y.mul_(2)
    with pytest.raises(checks.CheckFailed):
        checks.expect_backward(y.sum(), "loss")


def test_predictions_give_partial_credit_and_say_which_item_is_wrong(capsys):
    answers = {"a": True, "b": False, "c": True, "d": True}
    graded = checks.Predictions(answers, ["a", "b", "c", "d"], "p", points=2)
    graded.item("b", True, "b saved its output.")
    graded.items({"a": True, "b": False, "c": True, "d": True})  # b keeps its first result
    assert graded.score() == 1.5
    out = capsys.readouterr().out
    assert "p['b']: yours is False, expected True. b saved its output." in out
    assert out.splitlines()[-1] == "Partial credit: 1.5 of 2 points: 3 of 4 predictions in p are right."


def test_predictions_all_right_print_success_and_earn_every_point(capsys):
    graded = checks.Predictions({"a": "fine"}, ["a"], "p", points=2, choices={"fine": "ok", "raises": "no"})
    graded.item("a", "fine")
    assert graded.score() == 2.0
    assert capsys.readouterr().out.splitlines() == ["Success!"]


def test_predictions_that_are_not_answered_yet_earn_nothing_and_say_so():
    with pytest.raises(checks.CheckFailed, match=r"not answered yet: replace the None of \['b'\]"):
        checks.Predictions({"a": True, "b": None}, ["a", "b"], "p", points=2)


def test_a_prediction_of_the_wrong_type_is_wrong_even_when_it_compares_equal():
    graded = checks.Predictions({"a": True}, ["a"], "p", points=1)
    graded.answers["a"] = 1  # an int that == True
    graded.item("a", True)
    assert graded.score() == 0.0


def test_the_grader_recognises_the_partial_credit_line():
    from autograde import integrity

    assert integrity.SCORE_LINE == checks.SCORE_LINE


def test_predicted_set_scores_the_members_right_over_the_members_in_either_set(capsys):
    graded = checks.PredictedSet({"a", "b", "x"}, "keys", points=2)
    graded.item("a", True, "a is a parameter.")
    graded.item("m", False, "m is not persistent.")  # rightly left out: not counted
    graded.items({"a", "b", "c"}, "Read the tree.")
    assert graded.score() == 1.0  # right: a, b; wrong: c missing, x added
    out = capsys.readouterr().out.splitlines()
    assert "✗ keys is missing 'c'. Read the tree." in out
    assert "✗ keys should not have 'x'. Read the tree." in out
    assert out[-1].startswith("Partial credit: 1 of 2 points: 2 of the 4 members checked are right")


def test_predicted_set_gives_an_empty_answer_nothing_for_the_members_it_rightly_leaves_out():
    graded = checks.PredictedSet(set(), "keys", points=2)
    graded.item("m", False)
    graded.items({"a", "b"})
    assert graded.score() == 0.0


def test_predicted_set_all_right_prints_success(capsys):
    graded = checks.PredictedSet({"a", "b"}, "keys", points=2)
    graded.item("m", False)
    graded.items({"a", "b"})
    assert graded.score() == 2.0
    assert capsys.readouterr().out.splitlines() == ["Success!"]


def test_predicted_set_refuses_a_list_and_members_of_the_wrong_type():
    with pytest.raises(checks.CheckFailed, match=r"keys should be a set, but yours is list"):
        checks.PredictedSet(["a"], "keys", points=2)
    with pytest.raises(checks.CheckFailed, match=r"the member 1 of keys should be a str"):
        checks.PredictedSet({"a", 1}, "keys", points=2)

    class EqualsEveryKey(str):
        __hash__ = str.__hash__

        def __eq__(self, other):
            return True

    with pytest.raises(checks.CheckFailed, match=r"should be a str"):
        checks.PredictedSet({EqualsEveryKey("a")}, "keys", points=2)


def test_a_failed_check_shows_its_message_alone_in_ipython():
    assert checks.CheckFailed("x: yours is 1, expected 2.")._render_traceback_() == ["x: yours is 1, expected 2."]


def test_floats_are_shown_to_six_digits_and_cut_between_numbers_never_inside_one():
    shown = checks._show(torch.tensor([0.1, 1 / 3, 2.0, -1e-8] * 10))
    assert shown.startswith("tensor([0.1, 0.333333, 2.0, -1e-08, ") and "…], shape=(40,), dtype=torch.float32)" in shown
    assert "0.10000000149" not in shown and len(shown) <= 120
    values = shown[len("tensor(["):shown.index("]")].split(", ")
    assert all(v == "…" or float(v) in (0.1, 0.333333, 2.0, -1e-08) for v in values)


def test_a_numpy_array_is_called_an_array_and_compared_as_one():
    import numpy as np

    assert checks._show(np.array([1.5, 2.0], dtype=np.float32)) == "array([1.5, 2.0], shape=(2,), dtype=float32)"
    checks.expect_close(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9]), "snapshot(w)")
    with pytest.raises(checks.CheckFailed, match=r"snapshot\(w\): yours is array\(\[1.0, 2.0\].*expected array"):
        checks.expect_close(np.array([1.0, 2.0]), np.array([1.0, 3.0]), "snapshot(w)")
    with pytest.raises(checks.CheckFailed, match="should be a ndarray, but yours is tensor"):
        checks.expect_close(torch.zeros(2), np.zeros(2), "snapshot(w)")


def test_none_is_reported_as_none_without_its_type():
    with pytest.raises(checks.CheckFailed, match=r"^h.grad should be a Tensor or Parameter, but yours is None\. L"):
        checks.expect_tensor(None, "h.grad", "Look.")


def unfinished(t):
    """Return a copy of t."""
    # YOUR CODE HERE
    raise NotImplementedError()


def emptied(t):
    """Return a copy of t."""
    # the learner deleted the raise line and wrote nothing yet


class Head(torch.nn.Module):
    def forward(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()


def test_an_exercise_that_still_raises_or_has_an_empty_body_is_not_answered_yet():
    with pytest.raises(checks.CheckFailed, match=r"^unfinished is not answered yet: it still raises") as raised:
        checks.quietly(unfinished, torch.zeros(1))
    assert raised.value.__suppress_context__, "no 'during handling of NotImplementedError' chain"
    with pytest.raises(checks.CheckFailed, match=r"^emptied is not answered yet: its body is still empty"):
        checks.quietly(emptied, torch.zeros(1))
    with pytest.raises(checks.CheckFailed, match=r"^Head.forward is not answered yet"):
        checks.quietly(Head(), torch.zeros(1))


def test_a_not_implemented_error_with_a_message_is_a_real_error_and_passes_through():
    def real(t):
        raise NotImplementedError("Could not run 'aten::foo' with arguments from the 'Sparse' backend")

    with pytest.raises(NotImplementedError, match="Could not run"):
        checks.quietly(real, torch.zeros(1))
    assert checks.quietly(lambda: None) is None, "a lambda that returns None is no unanswered exercise"


def test_an_answer_left_at_its_placeholder_is_not_answered_yet():
    checks.expect_answered(set(), "state_dict_keys")
    with pytest.raises(checks.CheckFailed, match=r"^state_dict_keys is not answered yet: replace its None with a set"):
        checks.expect_answered(None, "state_dict_keys", "a set of strings")


def test_dtypes_and_devices_are_shown_as_torch_writes_them():
    """A failed dtype check reads 'yours is torch.float32, expected torch.float64', not '<dtype object>'."""
    assert checks._show(torch.float64) == "torch.float64"
    assert checks._show(torch.device("cpu")) == "device(type='cpu')"
    with pytest.raises(checks.CheckFailed, match="torch.float32.*torch.float64"):
        checks.expect_equal(torch.float32, torch.float64, "the buffer's dtype")
