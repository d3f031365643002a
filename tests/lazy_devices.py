"""Devices that hold data on a CPU-only build: torch's lazy-tensor backend, standing in for GPUs in the tests."""

from __future__ import annotations

import functools


@functools.cache
def lazy_backend() -> None:
    """Start torch's lazy-tensor backend once a process, whichever test module asks first: a second start raises
    ("Tried to register multiple backend fallbacks for the same dispatch key Lazy")."""
    import torch._lazy.ts_backend  # noqa: PLC0415 -- only the tests that stand lazy devices in for GPUs need it

    torch._lazy.ts_backend.init()
