"""Choosing a backend: auto takes CuPy only when it imports, finds a GPU and can allocate on it, and says why
not otherwise; asking for CuPy where it cannot work is an error with the reason."""

import sys
from types import SimpleNamespace

import pytest

from playground.engine import GPU_MIN_MULTIPLY_ADDS, backend_availability, choose_backend, get_backend
from playground.errors import BackendError
from tests.strict_cupy.strict_xp import xp as strict_cupy


class CudaError(RuntimeError):
    """As cupy_backends' CUDARuntimeError reads: the CUDA error's name, then its words."""


def fake_cupy(available: bool = True, devices: int | Exception = 1, allocation: Exception | None = None):
    def zeros(*args, **kwargs):
        if allocation is not None:
            raise allocation
        return SimpleNamespace()

    def count() -> int:
        if isinstance(devices, Exception):
            raise devices
        return devices

    return SimpleNamespace(is_available=lambda: available, zeros=zeros, asnumpy=lambda array: array,
                           cuda=SimpleNamespace(runtime=SimpleNamespace(getDeviceCount=count)))


NOT_INSTALLED = None  # sys.modules["cupy"] = None: `import cupy` raises ImportError
NO_DRIVER = fake_cupy(False, CudaError("cudaErrorInsufficientDriver: CUDA driver version is insufficient for CUDA "
                                       "runtime version"))
NO_DEVICE = fake_cupy(False, CudaError("cudaErrorNoDevice: no CUDA-capable device is detected"))
NO_ROOM = fake_cupy(allocation=CudaError("cudaErrorMemoryAllocation: out of memory"))


@pytest.mark.parametrize("cupy, reason", [(NOT_INSTALLED, "CuPy is not installed"),
                                          (NO_DRIVER, "no usable NVIDIA driver"),
                                          (NO_DEVICE, "found no NVIDIA GPU"),
                                          (NO_ROOM, "could not allocate memory on the GPU")],
                         ids=["not installed", "no driver", "no device", "no allocation"])
def test_auto_takes_numpy_and_says_why_when_cupy_cannot_work(monkeypatch, cupy, reason):
    monkeypatch.setitem(sys.modules, "cupy", cupy)
    name, notice = choose_backend("auto")
    assert name == "numpy" and reason in notice and "NumPy" in notice
    with pytest.raises(BackendError, match=reason):
        choose_backend("cupy")
    with pytest.raises(BackendError, match=reason):
        get_backend("cupy")
    assert reason in backend_availability()["cupy"]


def test_auto_takes_cupy_when_it_imports_finds_a_gpu_and_allocates(monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)
    assert choose_backend("auto") == ("cupy", None) == choose_backend("cupy")
    assert get_backend("auto").name == get_backend("cupy").name == "cupy"
    assert backend_availability() == {"numpy": None, "cupy": None}


def test_auto_takes_numpy_for_a_network_too_small_to_gain_from_the_gpu_and_says_why(monkeypatch):
    """A step of fewer multiply-adds than GPU_MIN_MULTIPLY_ADDS is mostly kernel launches on a GPU: NumPy, with
    the count in the notice; from the threshold on, CuPy. Asked for by name, CuPy is CuPy whatever the size."""
    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)
    name, notice = choose_backend("auto", GPU_MIN_MULTIPLY_ADDS - 1)
    assert name == "numpy" and f"takes {GPU_MIN_MULTIPLY_ADDS - 1:,} multiply-adds a training step" in notice
    assert "choose the CuPy backend to use the GPU anyway" in notice
    assert choose_backend("auto", GPU_MIN_MULTIPLY_ADDS) == ("cupy", None)
    assert choose_backend("cupy", 1) == ("cupy", None)


def test_numpy_is_always_there_and_unknown_names_say_what_to_choose():
    assert choose_backend("numpy") == ("numpy", None)
    with pytest.raises(BackendError, match="choose 'auto', 'numpy' or 'cupy'"):
        choose_backend("tpu")
