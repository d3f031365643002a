"""Lesson 09 (or 10) on a machine with a CUDA GPU: its solution notebook, top to bottom, in a real Jupyter kernel.

The check the CPU-only test machine cannot make: where torch finds a GPU, a kernel that has run a backward can no
longer fork a rank that runs one (autograd's device threads), so the launcher must start the ranks from its
forkserver. A backward cell is put right after the setup cell, so every launch after it meets that kernel. Prints
the machine, then each code cell's seconds and any error, then a verdict; exits 0 when only the cells tagged
raises-exception raised. No network; the machine's own torch (any 2.x with torch.accelerator), under 4 minutes.

Run from the repository root, with the Python that has the machine's CUDA torch:
    python bench/gpu_check.py [--deps DIR] [--budget SECONDS] [--lesson 10_pipeline_parallel]
It needs nbclient, nbformat, ipykernel, ipywidgets, matplotlib, igraph and cloudpickle==3.1.3 importable; `--deps`
adds a folder of pure-Python packages (e.g. `pip install --target DIR cloudpickle==3.1.3`, made where there is a
network and carried over) to the path of this script and of the kernel.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NEEDED = ("torch", "cloudpickle", "nbclient", "nbformat", "ipykernel", "ipywidgets", "matplotlib", "igraph")
BACKWARD = ("w = torch.ones(2, requires_grad=True)  # (gpu_check) a backward in the kernel before the first launch\n"
            "(w * w).sum().backward()\n"
            "print('start method:', dp.start_method(), '| accelerator:', dp.accelerator_found(), '| grad:', w.grad)")


def missing() -> list[str]:
    """The modules the notebook and this script need that cannot be imported here."""
    gone = []
    for name in NEEDED:
        try:
            importlib.import_module(name)
        except ImportError:
            gone.append(name)
    return gone


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deps", help="a folder of extra pure-Python packages, for this script and the kernel")
    parser.add_argument("--budget", type=float, default=225.0, help="seconds for the whole notebook (default 225)")
    parser.add_argument("--lesson", default="09_data_parallel", help="a lesson whose setup imports dp")
    args = parser.parse_args()
    paths = [str(ROOT), *([str(Path(args.deps).resolve())] if args.deps else [])]
    sys.path[:0] = paths
    os.environ["PYTHONPATH"] = os.pathsep.join([*paths, *filter(None, [os.environ.get("PYTHONPATH")])])
    os.environ.pop("PITFALLS_START_METHOD", None)  # the launcher chooses, as on a learner's machine
    os.environ.pop("NBGRADER_EXECUTION", None)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if gone := missing():
        print("cannot run: not importable here:", ", ".join(gone))
        return 2
    import nbformat  # noqa: PLC0415 -- checked above
    import torch  # noqa: PLC0415
    from nbclient import NotebookClient  # noqa: PLC0415

    print(f"python {sys.version.split()[0]} | torch {torch.__version__} | cuda available {torch.cuda.is_available()}"
          f" | GPUs {torch.cuda.device_count()}" + (f" ({torch.cuda.get_device_name(0)})" if torch.cuda.is_available()
                                                     else ""))
    nb = nbformat.read(ROOT / "solutions" / args.lesson / f"{args.lesson}.ipynb", as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell(BACKWARD))  # after the title and the setup cell
    started, failed = time.monotonic(), []
    with tempfile.TemporaryDirectory(prefix="gpu-check-") as folder:
        client = NotebookClient(nb, timeout=90, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": folder}})
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                if time.monotonic() - started > args.budget:
                    print(f"stopped: the {args.budget:g} s budget is spent before cell {index}")
                    failed.append(index)
                    break
                name = cell.get("id") or index
                t0 = time.monotonic()
                try:
                    client.execute_cell(cell, index)
                except Exception as error:  # a cell past its timeout, a dead kernel
                    cell.outputs.append(nbformat.v4.new_output("error", ename=type(error).__name__,
                                                               evalue=str(error)[-300:], traceback=[]))
                errors = [o for o in cell.outputs if o.output_type == "error"]
                intended = "raises-exception" in cell.metadata.get("tags", [])
                verdict = "ok" if bool(errors) == intended else "UNEXPECTED"
                print(f"{time.monotonic() - t0:7.2f} s  cell {index:2} {name}: {verdict}"
                      + (f" ({'raised as tagged' if intended else 'raised'}: {errors[0].ename}: "
                         f"{errors[0].evalue.strip()[-300:]})" if errors else ""))
                if index == 2:
                    print("          " + "".join(o.get("text", "") for o in cell.outputs).strip())
                if verdict != "ok":
                    failed.append(index)
    print(f"total {time.monotonic() - started:.1f} s:", "PASS" if not failed else f"FAIL (cells {failed})")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
