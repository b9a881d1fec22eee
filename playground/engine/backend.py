"""Array backends. Layers take their array module from here and never import one.

On NumPy the arrays live in the machine's memory; on CuPy in an NVIDIA GPU's, and every value read on the
host waits for the GPU to finish what it was given (a synchronization). So the engine keeps its values on
the backend and reads them only through `to_numpy`, `to_host` and `scalars`: where it must, each read one
transfer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy

from playground.errors import BackendError, install_advice
from playground.words import tr

DTYPES = {"float32": numpy.float32, "float64": numpy.float64}
BACKEND_CHOICES = ("auto", "numpy", "cupy")


@dataclass(frozen=True)
class Backend:
    """An array module (NumPy, or CuPy and what has its API) plus the few conversions the engine needs."""

    name: str
    xp: ModuleType

    @property
    def on_device(self) -> bool:
        """Whether the arrays live apart from the host (CuPy's on a GPU), so that reading one costs a transfer."""
        return self.xp is not numpy

    @property
    def number(self) -> Callable[[Any], Any]:
        """How the engine keeps a number it computed, such as a loss: as a float on NumPy, where reading it
        costs nothing; as it is on a device, a 0-d array, read only when `scalars` asks."""
        return float if self.xp is numpy else _as_it_is

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

    def scalars(self, *values: Any) -> list[float]:
        """Numbers the backend computed (0-d arrays; plain numbers pass through) as floats, read in one
        transfer however many they are."""
        if self.xp is numpy:
            return [float(value) for value in values]
        xp = self.xp
        computed = [value for value in values if not isinstance(value, (int, float))]
        read = iter(xp.asnumpy(xp.stack([value.astype(xp.float64) for value in computed])).tolist()
                    if computed else ())
        return [float(value) if isinstance(value, (int, float)) else next(read) for value in values]

    def rng(self, seed: int) -> Any:
        """A random generator on the backend, for draws made during training (dropout)."""
        if self.xp is numpy:
            return numpy.random.default_rng(seed)
        return self.xp.random.default_rng(seed)

    def random_state(self, rng: Any) -> Any:
        """A copy of a generator's state, for set_random_state. NumPy's is a dict; CuPy's lives on the device,
        where the draws read and advance it (its bit_generator.state is a method giving the address), so it
        is copied there."""
        if self.xp is numpy:
            return rng.bit_generator.state
        return rng.bit_generator._state.copy()

    def set_random_state(self, rng: Any, state: Any) -> None:
        if self.xp is numpy:
            rng.bit_generator.state = state
        else:
            rng.bit_generator._state[...] = state

    def free_memory(self) -> int | None:
        """Bytes free for new arrays on the device: what its driver reports free and what CuPy's memory pool
        holds unused. None on NumPy, whose arrays take the machine's memory."""
        if self.xp is numpy:
            return None
        free, _ = self.xp.cuda.Device().mem_info
        return free + self.xp.get_default_memory_pool().free_bytes()

    def synchronize(self) -> None:
        """Wait until the device has done everything it was given: for timing it."""
        if self.xp is not numpy:
            self.xp.cuda.Device().synchronize()


def _as_it_is(value: Any) -> Any:
    return value


def cupy_problem() -> str | None:
    """Why CuPy cannot compute here (not installed, no driver, no GPU, no memory on it); None when it imports,
    sees a GPU and a tiny array goes there and back."""
    try:
        import cupy
    except ImportError:
        advice = install_advice("CuPy", "pip install 'backprop-playground[gpu]'")
        return tr("CuPy is not installed ({0})").format(advice)
    except Exception as error:  # installed, but its CUDA libraries do not load
        return tr("CuPy is installed but does not load ({0})").format(error)
    try:
        available = cupy.is_available()
    except Exception:  # the CUDA driver itself may be missing or broken
        available = False
    if not available:
        return _missing_gpu(cupy)
    try:
        cupy.asnumpy(cupy.zeros(1))
    except Exception as error:
        return tr("CuPy could not allocate memory on the GPU ({0})").format(error)
    return None


def _missing_gpu(cupy: Any) -> str:
    """What CUDA says is missing: the driver, or the GPU itself."""
    try:
        count = cupy.cuda.runtime.getDeviceCount()
    except Exception as error:
        if "Driver" in str(error) or "driver" in str(error):
            return tr("CuPy found no usable NVIDIA driver on this machine")
        if "NoDevice" in str(error):
            return tr("CuPy found no NVIDIA GPU on this machine")
        return tr("CuPy cannot reach a GPU ({0})").format(error)
    return tr("CuPy found no NVIDIA GPU on this machine") if count == 0 else tr("CuPy cannot use this machine's GPU")


def _cupy_backend() -> Backend:
    problem = cupy_problem()
    if problem is not None:
        raise BackendError(tr("{0}; or choose the NumPy backend.").format(problem))
    import cupy

    return Backend("cupy", cupy)


def _numpy_backend() -> Backend:
    return Backend("numpy", numpy)


# Each backend by name, and how to make it (or say why it cannot be made). Another array module with
# CuPy's API may be added here: the tests add their strict double of CuPy.
BACKENDS: dict[str, Callable[[], Backend]] = {"numpy": _numpy_backend, "cupy": _cupy_backend}


# Auto takes the GPU for a network whose training step (the forward pass over the whole batch) has at least this
# many multiply-adds. Below it a step is dozens to hundreds of small kernel launches, each dearer than NumPy's
# arithmetic: on an H200 beside 16 CPU cores every bundled playground preset trained 3 to 50 times faster on
# NumPy (digits-mlp, 1.0M a step: 79,000 samples/s on CuPy, 277,000 to 489,000 on NumPy), while mnist-mlp
# (10.2M) ran 1.5 times faster on CuPy and an MLP 784-4096-4096-10 at batch 1024 (20G) 49 times.
GPU_MIN_MULTIPLY_ADDS = 10_000_000


def choose_backend(requested: str, multiply_adds_per_step: int | None = None) -> tuple[str, str | None]:
    """The backend to compute on for `requested` ("auto", "numpy" or "cupy"), and, when auto took NumPy, a
    notice saying why. Auto takes CuPy where it works, unless `multiply_adds_per_step` (the network's, when
    known) is too few for the GPU to gain; asking for a backend that cannot work here is a BackendError with
    the reason."""
    if requested == "auto":
        problem = cupy_problem()
        if problem is not None:
            return "numpy", tr("{0}: the arithmetic runs on NumPy.").format(problem)
        if multiply_adds_per_step is not None and multiply_adds_per_step < GPU_MIN_MULTIPLY_ADDS:
            return "numpy", tr("The network takes {0:,} multiply-adds a training step, too few for the GPU to gain "
                               "(it gains from about {1:,}): the arithmetic runs on NumPy, which is faster here; "
                               "choose the CuPy backend to use the GPU anyway.").format(
                multiply_adds_per_step, GPU_MIN_MULTIPLY_ADDS)
        return "cupy", None
    if requested not in BACKENDS:
        raise BackendError(tr("Unknown backend {0!r}: choose 'auto', 'numpy' or 'cupy'.").format(requested))
    BACKENDS[requested]()
    return requested, None


def get_backend(name: str = "numpy") -> Backend:
    """The backend called `name` ("numpy", "cupy", or "auto" for CuPy where it works), or a BackendError saying
    why not."""
    if name == "auto":
        name = choose_backend(name)[0]
    make = BACKENDS.get(name)
    if make is None:
        raise BackendError(tr("Unknown backend {0!r}: choose 'auto', 'numpy' or 'cupy'.").format(name))
    return make()


def backend_availability() -> dict[str, str | None]:
    """Each backend name mapped to None when usable, else the reason it is not."""
    return {"numpy": None, "cupy": cupy_problem()}


def resolve_dtype(name: str) -> Any:
    try:
        return DTYPES[name]
    except KeyError:
        raise BackendError(tr("Unknown number type {0!r}: choose 'float32' or 'float64'.").format(name)) from None
