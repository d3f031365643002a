"""Errors shown message first: the learner reads what went wrong, and asks for the frames with %tb.

IPython prints every frame of a traceback above its message, so an error raised deep inside copy.py
or torch fills a screen before the one line that teaches. Once pitfalls is imported in IPython, an
error shows its message first, then the lines of the notebook's own cells it passed through, then
how many library frames `%tb` would print. A failed check shows its message alone (CheckFailed
renders itself), and an exercise still raising the release's bare NotImplementedError() says it is
not answered yet.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path

RED, BOLD, DIM, RESET = "\x1b[31m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
CELL_FRAMES = 3  # a recursion in a cell shows its first and last frames, not all of them


def brief(error: BaseException, cell_of: Callable[[str], int | None]) -> list[str]:
    """The lines to show for an error: message first, then the notebook lines it passed through.

    `cell_of(filename)` is the execution count of the cell a file holds, or None for a library file.
    """
    frames = traceback.extract_tb(error.__traceback__)
    first = next((i for i, f in enumerate(frames) if cell_of(f.filename) is not None), 0)
    frames = frames[first:]  # what comes before the first cell is IPython running it
    mine = [f for f in frames if cell_of(f.filename) is not None]
    others = [f for f in frames if cell_of(f.filename) is None]
    message = str(error)
    if type(error) is NotImplementedError and not message and mine:
        here = mine[-1].name
        where = "this cell" if here == "<module>" else here
        message = f"not answered yet: {where} still raises NotImplementedError(). Replace that line with your code."
    lines = [f"{RED}{BOLD}{type(error).__name__}{RESET}" + (f": {message}" if message else "")]
    if len(mine) > CELL_FRAMES:
        mine = [*mine[:1], *mine[-(CELL_FRAMES - 1):]]
    for frame in mine:
        inside = "" if frame.name == "<module>" else f", in {frame.name}"
        lines.append(f"  Cell In[{cell_of(frame.filename)}], line {frame.lineno}{inside}: {(frame.line or '').strip()}")
    if others:
        files = list(dict.fromkeys(_short(f.filename) for f in others))
        through = ", ".join(files[:3]) + (", …" if len(files) > 3 else "")
        frames_in = f"{len(others)} frame{'s' if len(others) > 1 else ''} in {through}"
        lines.append(f"{DIM}  (+{frames_in}: %tb shows the whole traceback){RESET}")
    return ["\n".join(lines)]


def _short(filename: str) -> str:
    """A library file named from its package down: torch/_tensor.py, copy.py."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            return "/".join(parts[parts.index(marker) + 1:])
    return Path(filename).name


def _show_briefly(shell, etype, value, tb, tb_offset=None):
    """IPython's custom exception handler: shows `brief(...)`, and keeps the error for %tb."""
    from IPython.core.error import UsageError

    if issubclass(etype, SyntaxError) or etype is UsageError:  # IPython shows these well already
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb  # what %tb prints in full
    try:
        if hasattr(value, "_render_traceback_"):
            stb = value._render_traceback_()
        else:
            stb = brief(value, getattr(shell.compile, "_filename_map", {}).get)
    except Exception:  # an error whose str() itself fails: IPython's own display copes with it
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    shell._showtraceback(etype, value, stb)
    return stb


def show_errors_briefly() -> bool:
    """In IPython, show every error message first (True); elsewhere do nothing (False)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    load_ipython_extension(shell)
    return True


def load_ipython_extension(shell) -> None:
    """`--IPKernelApp.extensions=pitfalls.tracebacks`: for a kernel forked from a process that imported
    pitfalls before any shell existed (the grader's fork server), where the import's own call came too early;
    and the import's own call, where a shell exists."""
    shell.set_custom_exc((Exception,), _show_briefly)

