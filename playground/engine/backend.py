"""Array backends. Layers take their array module from here and never import one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy

from playground.errors import BackendError, install_advice

DTYPES = {"float32": numpy.float32, "float64": numpy.float64}


@dataclass(frozen=True)
class Backend:
    """An array module (NumPy or CuPy) plus the few conversions the engine needs."""

    name: str
    xp: ModuleType

    def asarray(self, values: Any, dtype: Any = None) -> Any:
        return self.xp.asarray(values, dtype=dtype)

    def to_numpy(self, array: Any) -> numpy.ndarray:
        """A host copy that later engine steps cannot overwrite."""
        if self.xp is numpy:
            return numpy.array(array, copy=True)
        return self.xp.asnumpy(array)

    def to_host(self, array: Any) -> numpy.ndarray:
        """The array on the host, copied only when it is not there already (a GPU array): for reading
        at once, before the engine's next step overwrites its buffers."""
        return array if self.xp is numpy else self.xp.asnumpy(array)

    def rng(self, seed: int) -> Any:
        """A random generator on the backend, for draws made during training (dropout)."""
        if self.xp is numpy:
            return numpy.random.default_rng(seed)
        return self.xp.random.default_rng(seed)


def _cupy_backend() -> Backend:
    try:
        import cupy
    except ImportError:
        advice = install_advice("CuPy", "pip install 'backprop-playground[gpu]'")
        raise BackendError(f"CuPy is not installed: {advice}; or choose the NumPy backend.") from None
    try:
        available = cupy.is_available()
    except Exception:  # the CUDA driver itself may be missing or broken
        available = False
    if not available:
        raise BackendError("CuPy found no usable NVIDIA GPU on this machine: choose the NumPy backend.")
    return Backend("cupy", cupy)


def _numpy_backend() -> Backend:
    return Backend("numpy", numpy)


# Each backend by name, and how to make it (or say why it cannot be made). Another array module with
# CuPy's API may be added here: the tests add their strict double of CuPy.
BACKENDS: dict[str, Callable[[], Backend]] = {"numpy": _numpy_backend, "cupy": _cupy_backend}


def get_backend(name: str = "numpy") -> Backend:
    """The backend called `name` ("numpy" or "cupy"), or a BackendError saying why not."""
    make = BACKENDS.get(name)
    if make is None:
        raise BackendError(f"Unknown backend {name!r}: choose 'numpy' or 'cupy'.")
    return make()


def backend_availability() -> dict[str, str | None]:
    """Each backend name mapped to None when usable, else the reason it is not."""
    reasons: dict[str, str | None] = {"numpy": None}
    try:
        _cupy_backend()
        reasons["cupy"] = None
    except BackendError as error:
        reasons["cupy"] = str(error)
    return reasons


def resolve_dtype(name: str) -> Any:
    try:
        return DTYPES[name]
    except KeyError:
        raise BackendError(f"Unknown number type {name!r}: choose 'float32' or 'float64'.") from None
