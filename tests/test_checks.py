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
