"""Assertions for test cells that fail with a message that teaches.

Every check looks at the exact type before the value, so an object that claims to equal
everything cannot pass. `torch.allclose` is bound here at import time, so code that later
replaces it does not change what these checks compute.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from .course import misconceptions

_allclose = torch.allclose
_np_allclose = np.allclose
_ndarray = np.ndarray
_backward = torch.Tensor.backward
_Tensor = torch.Tensor
_Parameter = torch.nn.Parameter
_TORCH_NAMED = (torch.dtype, torch.device)  # shown as torch writes them: torch.float64, cpu
_type = type
_repr = repr


# What a failed check shows about the learner's understanding: a misconception id (declared in course.toml),
# several, a dict from the value the learner gave to an id, or a probe run only when the check fails.
Shows = str | tuple | list | dict | Callable[[], Any] | None


class CheckFailed(AssertionError):
    """A test found a wrong answer; the message says what was given, what was expected, and why, and
    under it which misconception the answer looks like, where a check can tell."""

    def __init__(self, message: str, shown: tuple[str, ...] = ()):
        super().__init__(message + "".join("\n" + _diagnosis(m) for m in shown))
        self.misconceptions = shown

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for a failed check: its message alone. The frames are the checks' own,
        never the learner's, so they would only push the message down."""
        return [str(self)]


def _number(v: Any) -> str:
    """A number as a person reads it: six significant digits, a float still looks like a float."""
    if _type(v) is not float:
        return _repr(v)
    text = f"{v:.6g}"
    return text + ".0" if text.lstrip("-").isdigit() else text


def _listed(items: list[str], total: int, limit: int) -> str:
    """Items joined by commas, cut between two items (never inside one) to fit `limit` characters."""
    shown: list[str] = []
    for item in items:
        if len(", ".join([*shown, item, "…"])) > limit:
            break
        shown.append(item)
    return ", ".join(shown + (["…"] if len(shown) < total else []))


def _show(value: Any, limit: int = 120) -> str:
    """A short description of a learner's value that no custom __repr__ can hijack."""
    kind = _type(value)
    if kind in (bool, int, float, str, _type(None)):
        text = _repr(value)
    elif kind in _TORCH_NAMED:
        text = _repr(value)
    elif kind in (_Tensor, _Parameter):
        text = _tensor_repr(value, limit)
    elif kind is _ndarray:
        text = _array_repr(value, limit)
    elif kind in (tuple, list, set, frozenset):
        items = sorted(value, key=_repr) if kind in (set, frozenset) else list(value)
        brackets = "[]" if kind is list else "()" if kind is tuple else "{}"
        inner = _listed([_show(v, 50) for v in items[:20]], len(items), limit - 20)
        text = f"{kind.__name__} of {len(items)} {brackets[0]}{inner}{brackets[1]}"
    else:
        text = f"<{kind.__name__} object>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tensor_repr(t: torch.Tensor, limit: int = 120) -> str:
    tail = f"shape={tuple(t.shape)}, dtype={t.dtype}"
    values = [_number(v) for v in t.detach().flatten()[:12].tolist()]
    return f"tensor([{_listed(values, t.numel(), limit - len(tail) - 12)}], {tail})"


def _array_repr(a: np.ndarray, limit: int = 120) -> str:
    """A NumPy array is named as one: a learner who returned an array reads `array(...)`, not `tensor(...)`."""
    tail = f"shape={a.shape}, dtype={a.dtype}"
    values = [_number(v) for v in a.ravel()[:12].tolist()]
    return f"array([{_listed(values, a.size, limit - len(tail) - 11)}], {tail})"


_NOTHING = object()


def shown(shows: Shows, given: Any = _NOTHING) -> tuple[str, ...]:
    """The misconception ids a failed check names: `shows` as given, looked up by the learner's value
    when it is a dict (whose value may itself be a probe), or computed by a probe when it is a function
    (a probe that fails names none)."""
    if _type(shows) is dict:  # looked up by exact type and value: 1 is not True, a look-alike is nothing
        shows = next((v for k, v in shows.items() if _same(k, given)), None)
    if callable(shows):
        try:
            with warnings.catch_warnings():  # torch's warnings from the learner's code: not on the cell's stderr
                warnings.simplefilter("ignore")
                shows = shows()
        except Exception:  # noqa: BLE001 -- a probe on broken code proves nothing: no diagnosis
            return ()
    if _type(shows) is str:
        return (shows,)
    return tuple(m for m in shows if _type(m) is str) if _type(shows) in (tuple, list) else ()


def _same(key: Any, given: Any) -> bool:
    """`given` is this key of a `shows` dict: same exact type and equal (a comparison that raises is not)."""
    try:
        return _type(key) is _type(given) and bool(key == given)
    except Exception:  # noqa: BLE001 -- a learner's value may compare in any way; it names nothing then
        return False


def _diagnosis(misconception: str) -> str:
    known = misconceptions().get(misconception)
    return known.diagnosis() if known else f"(This check names {misconception!r}, which course.toml does not declare.)"


def fail(message: str, shows: Shows = None, given: Any = _NOTHING) -> None:
    """Fail the test with `message`, and under it the misconception the answer shows, if `shows` names one."""
    raise CheckFailed(message, shown(shows, given))


def expect_type(value: Any, expected: type | tuple[type, ...], name: str, hint: str = "",
                shows: Shows = None) -> None:
    """The exact type first: subclasses and look-alikes are not accepted."""
    allowed = expected if isinstance(expected, tuple) else (expected,)
    if _type(value) not in allowed:
        want = " or ".join(t.__name__ for t in allowed)
        yours = "None" if value is None else f"{_show(value)} ({_type(value).__name__})"
        fail(f"{name} should be a {want}, but yours is {yours}. {hint}".strip(), shows, value)


def expect_equal(value: Any, expected: Any, name: str, hint: str = "", shows: Shows = None) -> None:
    """Equal in exact type and value, for bools, ints and strings."""
    expect_type(value, _type(expected), name, hint, shows)
    if not value == expected:
        fail(f"{name}: yours is {_show(value)}, expected {_show(expected)}. {hint}".strip(), shows, value)


def expect_tensor(value: Any, name: str, hint: str = "", shows: Shows = None) -> torch.Tensor:
    """A real torch.Tensor (or Parameter), not a subclass that could rewrite comparisons."""
    expect_type(value, (_Tensor, _Parameter), name, hint, shows)
    return value


def expect_close(value: Any, expected: torch.Tensor | np.ndarray, name: str, hint: str = "",
                 shows: Shows = None) -> None:
    """Same type, shape and dtype, and values equal within float tolerance: a tensor against a tensor,
    a NumPy array against a NumPy array."""
    array = _type(expected) is _ndarray
    if array:
        expect_type(value, _ndarray, name, hint, shows)
    else:
        expect_tensor(value, name, hint, shows)
    if tuple(value.shape) != tuple(expected.shape):
        fail(f"{name} has shape {tuple(value.shape)}, expected {tuple(expected.shape)}. {hint}".strip(), shows)
    if value.dtype != expected.dtype:
        fail(f"{name} has dtype {value.dtype}, expected {expected.dtype}. {hint}".strip(), shows)
    close = (_np_allclose(value, expected, rtol=1e-5, atol=1e-6) if array
             else _allclose(value.detach(), expected.detach(), rtol=1e-5, atol=1e-6))
    if not close:
        fail(f"{name}: yours is {_show(value)}, expected {_show(expected)}. {hint}".strip(), shows)


def expect_answered(value: Any, name: str, say: str = "your answer") -> None:
    """An answer still at the release's placeholder (None) is not answered yet, not a value of the wrong type."""
    if value is None:
        fail(f"{name} is not answered yet: replace its None with {say}.")


def expect_keys(answers: Any, keys: list[str], name: str, kind: type = bool, say: str = "") -> None:
    """A dict of predictions with exactly these keys, each answered with the right type."""
    expect_type(answers, dict, name)
    missing = [k for k in keys if k not in answers]
    extra = [k for k in answers if k not in keys]
    if missing or extra:
        fail(f"{name} should have exactly the keys {keys}; missing {missing}, unexpected {extra}.")
    say = say or ("True or False" if kind is bool else f"a {kind.__name__}")
    unanswered = [k for k in keys if answers[k] is None]
    if unanswered:
        fail(f"{name} is not answered yet: replace the None of {unanswered} with {say}.")
    for key in keys:
        expect_type(answers[key], kind, f"{name}[{key!r}]", f"Replace each None with {say}.")


def expect_predictions(answers: dict, truth: dict, name: str,
                       hint: str = "Run each line and look at .is_leaf and .grad_fn to see why.",
                       shows: dict[str, Shows] | None = None) -> None:
    """Every prediction right; the message names the wrong ones so the learner can rethink them, and
    the misconceptions they show (`shows`: key -> what a wrong prediction of that key shows)."""
    expect_keys(answers, list(truth), name, _type(next(iter(truth.values()))))
    wrong = [k for k in truth if not answers[k] == truth[k]]
    if wrong:
        found = [m for k in wrong for m in shown((shows or {}).get(k), answers[k])]
        fail(f"{len(wrong)} of {len(truth)} predictions in {name} are wrong: {wrong}. {hint}",
             tuple(dict.fromkeys(found)))


def expect_choices(answers: Any, choices: dict[str, str], keys: list[str], name: str) -> None:
    """A dict of predictions, each one of a few named outcomes (answered as a string)."""
    expect_keys(answers, keys, name, str, " or ".join(map(repr, choices)))
    for key in keys:
        if answers[key] not in choices:
            fail(f"{name}[{key!r}] is {_show(answers[key])}; answer with one of {list(choices)}: "
                 + "; ".join(f"{c!r} = {meaning}" for c, meaning in choices.items()) + ".")


class Predictions:
    """Grade a dict of predictions item by item, with partial credit for the items that are right.

    A predict part's test cell makes one of these, checks some items visibly with a reason for each
    (`item`), checks the rest in its hidden tests (`items`), and ends with `score()` as its last
    expression: nbgrader reads that number as the cell's points. The structure is checked first
    (a dict with exactly these keys, every value answered with the right type): a malformed answer
    raises, and earns nothing.
    """

    def __init__(self, answers: Any, keys: list[str], name: str, points: float,
                 choices: dict[str, str] | None = None, kind: type = bool):
        if choices is None:
            expect_keys(answers, keys, name, kind)
        else:
            expect_choices(answers, choices, keys, name)
        self.answers, self.keys, self.name, self.points = answers, list(keys), name, float(points)
        self.right: dict[str, bool] = {}  # key -> right, in the order the items were checked
        self.reasons: dict[str, str] = {}
        self.shown: dict[str, tuple[str, ...]] = {}  # wrong key -> the misconceptions it shows

    def item(self, key: str, expected: Any, why: str = "", shows: Shows = None) -> bool:
        """Check one prediction; when it is wrong, say what was given, what was expected, and why, and
        note the misconception it shows (`shows`, looked up by the given value when it is a dict)."""
        if key in self.right:
            return self.right[key]
        given = self.answers[key]
        ok = _type(given) is _type(expected) and given == expected
        self.right[key] = ok
        if not ok:
            self.reasons[key] = f"{self.name}[{key!r}]: yours is {_show(given)}, expected {_show(expected)}. {why}"
            self.shown[key] = shown(shows, given)
        return ok

    def items(self, truth: dict[str, Any], why: str = "", shows: dict[str, Shows] | None = None) -> None:
        """Check several predictions at once (items already checked keep their first result);
        `shows` maps a key to what a wrong prediction of it shows."""
        for key, expected in truth.items():
            self.item(key, expected, why, (shows or {}).get(key))

    def score(self) -> float:
        """Print a line per wrong item, then a line per misconception the wrong items show, then the
        closing line; return the points earned."""
        wrong = [k for k, ok in self.right.items() if not ok]
        for key in wrong:
            print("✗ " + self.reasons[key].strip())
        for misconception in dict.fromkeys(m for key in wrong for m in self.shown.get(key, ())):
            print(_diagnosis(misconception))
        earned = round(self.points * (len(self.right) - len(wrong)) / len(self.right), 2) if self.right else 0.0
        if not wrong and self.right:
            print("Success!")
        else:
            print(f"{SCORE_LINE} {earned:g} of {self.points:g} points: {self._tally(len(self.right) - len(wrong))}")
        return earned

    def _tally(self, right: int) -> str:
        return f"{right} of {len(self.right)} predictions in {self.name} are right."


class PredictedSet(Predictions):
    """Grade a predicted set member by member, with partial credit for the share of members right.

    Each member of the truth or of the answer is one item: a true member named, or a false one left
    out, is right; a true member missed, or a false one added, is wrong. A false member rightly left
    out is no item at all (else an empty set would earn points for every distractor), so once every
    member is checked (`items`) the score is |answer ∩ truth| / |answer ∪ truth| of the points.
    """

    def __init__(self, answers: Any, name: str, points: float, kind: type = str):
        hint = "Answer with a set: {\"a\", \"b\"}."
        expect_type(answers, set, name, hint)
        for member in answers:
            expect_type(member, kind, f"the member {_show(member)} of {name}", hint)
        self.answers, self.keys, self.name, self.points = answers, [], name, float(points)
        self.right: dict[Any, bool] = {}
        self.reasons: dict[Any, str] = {}
        self.shown: dict[Any, tuple[str, ...]] = {}

    def item(self, key: Any, expected: bool, why: str = "", shows: Shows = None) -> bool:
        """Check one member: `expected` says whether it belongs in the set; `shows`, what getting it wrong
        shows (a dict is looked up by whether the learner put it in the set)."""
        if key in self.right:
            return self.right[key]
        given = key in self.answers
        if not given and not expected:
            return True  # rightly left out: nothing to count
        self.right[key] = given == expected
        if not self.right[key]:
            what = "is missing" if expected else "should not have"
            self.reasons[key] = f"{self.name} {what} {_show(key)}. {why}"
            self.shown[key] = shown(shows, given)
        return self.right[key]

    def items(self, truth: set, why: str = "", shows: dict[Any, Shows] | None = None) -> None:
        """Check every member of the truth and of the answer (members already checked keep their result)."""
        for key in sorted(truth | self.answers, key=_repr):
            self.item(key, key in truth, why, (shows or {}).get(key))

    def _tally(self, right: int) -> str:
        return (f"{right} of the {len(self.right)} members checked are right "
                f"(a member missing from {self.name}, or there but not in the truth, is wrong).")


SCORE_LINE = "Partial credit:"  # how a predict part's closing line starts when some items are wrong


def expect_backward(loss: Any, name: str, hint: str = "", shows: Shows = None) -> None:
    """`loss.backward()` runs; if autograd refuses, the learner reads its message and where to look."""
    expect_tensor(loss, name, hint, shows)
    try:
        quietly(_backward, loss)
    except RuntimeError as error:
        fail(f"{name}.backward() failed: {error} {hint}".strip(), shows)


def quietly(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """Call learner code with its warnings kept off stderr; an exercise not done yet fails as one.

    nbgrader zeroes a test cell that writes to stderr, and torch warns on harmless things
    (reading a non-leaf's .grad, copy-constructing with torch.tensor), so a right answer
    that triggers a warning must not lose its points. A function that still raises the release's
    bare NotImplementedError(), or whose body is still empty, is reported as not answered yet.
    """
    unwritten = _unwritten(fn)
    if unwritten:
        fail(f"{unwritten} is not answered yet: its body is still empty. Write your code in its answer cell.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*args, **kwargs)
    except NotImplementedError as error:
        if str(error):  # torch's own NotImplementedErrors have a message: they are real errors
            raise
        where = _innermost(error.__traceback__)
    raise CheckFailed(f"{where} is not answered yet: it still raises NotImplementedError(). "
                      "Replace that line in its answer cell with your code.") from None


def _innermost(tb) -> str:
    """The qualified name of the function a traceback ends in (`FixedHead.forward`)."""
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_qualname


def _unwritten(fn: Callable) -> str | None:
    """The name of a learner's function (or module's forward) whose body holds nothing but a docstring,
    comments, `pass` or `...`; None for any function with code in it (a stub that still raises is
    caught when it raises)."""
    target = getattr(type(fn), "forward", None) if isinstance(fn, torch.nn.Module) else fn
    if not inspect.isfunction(target) or target.__name__ == "<lambda>":
        return None
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(target)))
    except (OSError, TypeError, SyntaxError):
        return None
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.FunctionDef) else [None]
    return target.__qualname__ if all(map(_placeholder, body)) else None


def _placeholder(node: ast.AST | None) -> bool:
    """A statement that does nothing: `pass`, `...`, a docstring."""
    return isinstance(node, ast.Pass) or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))


def expect_raises(fn: Callable, exception: type[BaseException], match: str, what: str, shows: Shows = None) -> str:
    """The call raises `exception` whose message contains `match`; returns the message."""
    try:
        quietly(fn)
    except exception as e:
        if match not in str(e):
            fail(f"{what} raised {exception.__name__}, but its message lacks {match!r}: {e}", shows)
        return str(e)
    fail(f"{what} should raise {exception.__name__} ({match!r}), but it did not.", shows)
