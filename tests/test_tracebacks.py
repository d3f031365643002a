"""pitfalls.tracebacks: an error shows its message first, the notebook's lines next, the frames on request."""

from __future__ import annotations

import copy
import linecache
import re

import pytest
import torch

from pitfalls import checks
from pitfalls.tracebacks import brief, load_ipython_extension, show_errors_briefly

CELLS = {"<cell 3>": 3, "<cell 4>": 4}  # file name -> execution count, as IPython keeps them


def raised_in_cells(*sources: str) -> BaseException:
    """Run each source as if it were a notebook cell (cell 3, cell 4, …); the error the last one raises."""
    scope = {"copy": copy, "torch": torch}
    for name, source in zip(CELLS, sources, strict=False):
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)  # as IPython does
        try:
            exec(compile(source, name, "exec"), scope)
        except Exception as error:  # noqa: BLE001 -- the error under test
            return error
    raise AssertionError("nothing raised")


def plain(lines: list[str]) -> list[str]:
    """The text without its colours."""
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(lines)).splitlines()


def test_a_library_error_shows_its_message_first_then_the_cell_line_then_how_many_frames_are_hidden():
    error = raised_in_cells("m = torch.nn.Linear(2, 2)\nm.cache = m(torch.ones(2))\nbest = copy.deepcopy(m)")
    lines = plain(brief(error, CELLS.get))
    assert lines[0].startswith("RuntimeError: Only Tensors created explicitly by the user")
    assert lines[-2] == "  Cell In[3], line 3: best = copy.deepcopy(m)"
    assert lines[-1].startswith("  (+") and "copy.py" in lines[-1] and "%tb" in lines[-1]
    assert len(lines) <= len(str(error).splitlines()) + 2


def test_an_exercise_that_still_raises_not_implemented_says_it_is_not_answered_yet():
    error = raised_in_cells("def trainable_copy(t):\n    raise NotImplementedError()", "trainable_copy(1)")
    lines = plain(brief(error, CELLS.get))
    assert lines[0] == ("NotImplementedError: not answered yet: trainable_copy still raises NotImplementedError(). "
                        "Replace that line with your code.")
    assert lines[1:] == ["  Cell In[4], line 1: trainable_copy(1)",
                         "  Cell In[3], line 2, in trainable_copy: raise NotImplementedError()"]


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    instance = InteractiveShell.instance()
    yield instance
    InteractiveShell.clear_instance()


def test_in_ipython_errors_are_brief_checks_are_their_message_and_tb_prints_every_frame(shell, capsys):
    assert show_errors_briefly()
    shell.user_ns.update(copy=copy, torch=torch, checks=checks)
    shell.run_cell("m = torch.nn.Linear(2, 2)\nm.cache = m(torch.ones(2))\nbest = copy.deepcopy(m)")
    short = plain(capsys.readouterr().out.splitlines())
    assert short[0].startswith("RuntimeError: Only Tensors") and len(short) <= 6
    shell.run_cell("%tb")
    full = capsys.readouterr().out
    assert "copy.py" in full and "Traceback" in full and len(full.splitlines()) > 20
    shell.run_cell("checks.expect_equal(1, 2, 'x', 'Look there.')")
    assert capsys.readouterr().out.strip() == "x: yours is 1, expected 2. Look there."
    shell.run_cell("x = (")
    assert "SyntaxError" in capsys.readouterr().out, "IPython's own display of a syntax error stays"
    shell.run_cell("class Odd(Exception):\n    def __str__(self):\n        raise ValueError\nraise Odd()")
    assert "Odd" in capsys.readouterr().out and shell.custom_exceptions == (Exception,), "still installed"


def test_outside_ipython_nothing_is_installed():
    assert not show_errors_briefly()


def test_as_an_extension_it_installs_the_same_display_in_a_shell_that_imported_pitfalls_before_it_existed(
        shell, capsys):
    """The grader's fork server imports pitfalls before any kernel's shell exists; each kernel it forks loads
    this extension, so a graded notebook shows errors as the learner's own kernel does."""
    shell.custom_exceptions = ()
    shell.run_cell("raise RuntimeError('deep')")
    assert "Traceback" in capsys.readouterr().out, "IPython's own display before"
    load_ipython_extension(shell)
    shell.run_cell("raise RuntimeError('deep')")
    assert plain(capsys.readouterr().out.splitlines())[0] == "RuntimeError: deep"
