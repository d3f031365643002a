"""The machine a measurement was taken on, in one line: numbers mean little without it."""

from __future__ import annotations

import os
import platform
from pathlib import Path

import torch

from autograde.pool import cores


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def describe() -> dict:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    return {"cores": cores(), "cpu": cpu_model(), "memory_gib": round(memory, 1), "gpu": gpu,
            "torch": torch.__version__, "python": platform.python_version(), "os": platform.system()}


def line(machine: dict) -> str:
    return (f"{machine['cores']} cores ({machine['cpu']}), {machine['memory_gib']:.0f} GiB memory, {machine['gpu']}, "
            f"{machine['os']}, Python {machine['python']}, torch {machine['torch']}")
