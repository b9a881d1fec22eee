"""The double itself: it refuses what CuPy refuses (or does only by synchronizing), and keeps count of what
crosses between host and device. A double that let these through would prove nothing."""

import math

import numpy
import pytest

from tests.strict_cupy.strict_xp import TRANSFERS, DeviceArray, ImplicitTransfer, xp


@pytest.fixture
def device():
    TRANSFERS.clear()
    return xp.asarray(numpy.arange(6.0).reshape(2, 3))


@pytest.mark.parametrize("convert", [numpy.asarray, numpy.array, float, int, bool, math.isfinite,
                                     lambda a: f"{a:.3f}", lambda a: [0, 1][a]],
                         ids=["asarray", "array", "float", "int", "bool", "isfinite", "format", "index"])
def test_a_device_value_never_becomes_a_host_value_implicitly(device, convert):
    with pytest.raises(ImplicitTransfer):
        convert(device.sum() if convert is not numpy.asarray else device)


@pytest.mark.parametrize("apply", [lambda a: numpy.exp(a), lambda a: numpy.max(a), lambda a: numpy.add(a, 1, out=a),
                                   lambda a: numpy.concatenate([a, a]), lambda a: numpy.add.reduceat(a, [0])],
                         ids=["ufunc", "function", "out", "concatenate", "ufunc method"])
def test_numpy_functions_refuse_device_arrays(device, apply):
    with pytest.raises(TypeError):
        apply(device)


@pytest.mark.parametrize("mix", [lambda a, h: a + h, lambda a, h: h * a, lambda a, h: xp.add(a, h),
                                 lambda a, h: xp.dot(a.T, h), lambda a, h: a.__setitem__(Ellipsis, h)],
                         ids=["operator", "reflected", "function", "dot", "assignment"])
def test_host_and_device_arrays_never_mix(device, mix):
    with pytest.raises((TypeError, ValueError)):
        mix(device, numpy.ones((2, 3)))


def test_scalars_mix_with_device_arrays_and_results_stay_on_the_device(device):
    for result in (device + 1.5, numpy.float32(2) * device, device.sum(), xp.vdot(device, device), device[0, 1],
                   xp.exp(device), device.max(axis=0)):
        assert isinstance(result, DeviceArray)
    device[0, 0] = numpy.float64(7)  # a scalar, host or not, fills
    assert TRANSFERS["to_host"] == 0


def test_only_explicit_transfers_reach_the_host_and_each_is_counted(device):
    total = device.sum()
    assert isinstance(xp.asnumpy(device), numpy.ndarray) and xp.asnumpy(device).shape == (2, 3)
    assert total.item() == 15.0 and device.get()[1, 2] == 5.0
    assert TRANSFERS["to_host"] == 4 and TRANSFERS["to_device"] == 1


def test_views_write_through_to_the_array_they_view(device):
    view = device.T[1:]
    view[...] = 0
    assert xp.asnumpy(device).tolist() == [[0.0, 0.0, 0.0], [3.0, 0.0, 0.0]]


def test_the_random_generator_has_cupys_api():
    rng = xp.random.default_rng(3)
    assert callable(rng.bit_generator.state)  # a method in CuPy, not NumPy's dict
    with pytest.raises(TypeError, match="restores nothing"):
        rng.bit_generator.state = rng.bit_generator.state
    kept = rng.bit_generator._state.copy()  # its state is a device array the draws advance
    first = xp.asnumpy(rng.random((3,), dtype=numpy.float32))
    assert not numpy.array_equal(first, xp.asnumpy(rng.random((3,), dtype=numpy.float32)))
    rng.bit_generator._state[...] = kept
    assert numpy.array_equal(first, xp.asnumpy(rng.random((3,), dtype=numpy.float32)))


def test_the_device_has_memory_of_its_own():
    free, total = xp.cuda.Device().mem_info
    assert 0 < free <= total
