"""Lesson cells that build `nn.DataParallel` hold CPU tensors on a machine with one GPU or several.

With exactly one device, `DataParallel.__init__` moves the wrapped model onto it (`if len(self.device_ids) == 1:
self.module.to(self.src_device_obj)` in torch/nn/parallel/data_parallel.py); with none or several it leaves it.
There is no GPU here, so the tests make torch's own `__init__` take those branches with a device that holds data
on a CPU-only build, torch's lazy-tensor backend, and make `torch.equal` refuse two devices as it does on CUDA.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json

import pytest
import torch

from tests.lazy_devices import lazy_backend
from tests.selection import LESSONS

LESSON = "08_save_and_load"
# The cells section 5 and save-3 run, and what they read from earlier: imports, Classifier, as_if_on_gpu.
BEFORE = ("setup", "story", "gpu-file")
SPANS = (("text-16", "text-21"), ("text-27", "text-29"))  # section 5; save-3, from the broken warm start to the tests
DATA_PARALLEL = importlib.import_module("torch.nn.parallel.data_parallel")  # the module, not the function it exports
TORCH_EQUAL = torch.equal

pytestmark = pytest.mark.skipif(LESSON not in LESSONS, reason=f"{LESSON} is not selected")


def grade_id(cell: dict) -> str | None:
    return cell["metadata"].get("nbgrader", {}).get("grade_id")


def cells_run(nb: dict) -> list[dict]:
    """The code cells BEFORE names, and those between each SPAN's two markdown cells, in notebook order."""
    ids = [grade_id(c) for c in nb["cells"]]
    inside = {i for start, end in SPANS for i in range(ids.index(start), ids.index(end))}
    return [c for i, c in enumerate(nb["cells"])
            if c["cell_type"] == "code" and (ids[i] in BEFORE or i in inside)]


def equal_on_one_device(a, b):
    """torch.equal as on a GPU: ATen's cuda_equal checks the devices first."""
    if a.device != b.device:
        raise RuntimeError(f"Cannot compare two tensors on different devices: {a.device} and {b.device}")
    return TORCH_EQUAL(a, b)


@contextlib.contextmanager
def machine_with(devices: int):
    """DataParallel finds `devices` accelerators (lazy-tensor devices standing in for GPUs)."""
    lazy_backend()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DATA_PARALLEL, "_get_available_device_type", lambda: "lazy")
        patch.setattr(DATA_PARALLEL, "_get_all_device_indices", lambda: list(range(devices)))
        patch.setattr(torch, "equal", equal_on_one_device)
        # The lesson's gpu-file cell registers a location tagger: keep it out of the rest of the process.
        patch.setattr(torch.serialization, "_package_registry", list(torch.serialization._package_registry))
        yield


def devices_in(state: dict) -> set[str]:
    return {value.device.type for value in state.values()}


@pytest.mark.parametrize("devices, model_goes_to", [(1, "lazy"), (2, "cpu")])
def test_data_parallel_moves_the_model_only_with_one_device(devices, model_goes_to):
    """The stand-in takes torch's real branches: the tests below prove something only if one device moves it."""
    with machine_with(devices):
        wrapped = torch.nn.DataParallel(torch.nn.Linear(2, 1))
        assert wrapped.device_ids == list(range(devices))
        assert devices_in(wrapped.state_dict()) == {model_goes_to}
        with pytest.raises(RuntimeError, match="different devices"):
            torch.equal(torch.zeros(1), torch.zeros(1).to("lazy"))


@pytest.mark.parametrize("devices", [1, 2])
def test_lesson_08_warm_starts_compare_cpu_tensors_on_any_machine(devices):
    """Section 5's cells and save-3's tests, with the solution, run as on a machine with one GPU or two."""
    nb = json.loads(LESSONS[LESSON].source.read_text())
    namespace: dict = {"__name__": "__main__"}
    printed = io.StringIO()
    with machine_with(devices), contextlib.redirect_stdout(printed):
        for cell in cells_run(nb):
            source = "".join(cell["source"])
            meant_to_raise = "raises-exception" in cell["metadata"].get("tags", [])
            try:
                exec(compile(source, f"<cell {cell['id']}>", "exec"), namespace)
            except Exception as error:
                assert meant_to_raise, f"{cell['id']} raised {error!r}"
                assert "different devices" not in str(error), f"{cell['id']}: {error}"
            else:
                assert not meant_to_raise, f"{cell['id']} did not raise"
        assert devices_in(namespace["pretrained"].state_dict()) == {"cpu"}
        assert devices_in(namespace["pretrain"]()["model"]) == {"cpu"}
    assert printed.getvalue().rstrip().endswith("Success!")
