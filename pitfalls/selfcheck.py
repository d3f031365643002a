"""`make test` in a student kit: is this installation ready for the course? One line per check.

It runs what a lesson needs, end to end, in under a minute: the pinned torch, the pictures, a real
Jupyter kernel, JupyterLab with nbgrader's Validate button, and a self-check of the first lesson.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time

from .course import ROOT, lessons

REQUIREMENTS = ROOT / "requirements.txt"


def pinned(package: str) -> str | None:
    found = re.search(rf"^{re.escape(package)}==(\S+)", REQUIREMENTS.read_text(), re.MULTILINE)
    return found[1] if found else None


def check_python() -> str:
    return f"Python {sys.version.split()[0]} at {sys.executable}"  # pyproject.toml refuses older than 3.11


def check_torch() -> str:
    import torch

    want = pinned("torch")
    if want and torch.__version__.split("+")[0] != want:
        raise RuntimeError(f"torch {torch.__version__}, the course is written for {want}: run `make install`")
    device = f"GPU: {torch.cuda.get_device_name(0)}" if torch.cuda.is_available() else "CPU"
    return f"torch {torch.__version__} ({device})"


def check_pictures() -> str:
    import torch

    from .draw import graph_figure, png_bytes
    from .graph import autograd_graph

    w = torch.ones(2, requires_grad=True)
    png = png_bytes(graph_figure(autograd_graph({"w": w, "y": (w * 2).sum()})))
    return f"pictures draw ({len(png) // 1024} KiB PNG)"


def check_lab() -> str:
    missing = [name for name in ("jupyterlab", "nbgrader", "ipywidgets", "ipykernel")
               if importlib.util.find_spec(name) is None]
    if missing:
        raise RuntimeError(f"missing {', '.join(missing)}: run `make install`")
    return "JupyterLab, nbgrader (Validate), ipywidgets and ipykernel are installed"


def check_first_lesson() -> str:
    from .validate import check, load

    lesson = next(iter(lessons().values()))
    nb, why = load(lesson.release)
    if nb is None:
        raise RuntimeError(why)
    started = time.monotonic()
    parts = check(nb, lesson.release.parent)
    return (f"{lesson.name} runs in a fresh kernel ({time.monotonic() - started:.0f} s) and its "
            f"{len(parts)} graded parts report back")


CHECKS = [check_python, check_torch, check_pictures, check_lab, check_first_lesson]


def main() -> int:
    failed = 0
    for check in CHECKS:
        try:
            print(f"ok    {check()}", flush=True)
        except Exception as error:  # noqa: BLE001 -- every failure becomes one readable line
            failed += 1
            print(f"FAIL  {check.__name__.removeprefix('check_')}: {error}", flush=True)
    print(f"\n{len(CHECKS) - failed} passed, {failed} failed")
    if not failed:
        print("Ready. `make lab` opens the course; start with notebooks/" + next(iter(lessons())) + ".")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
