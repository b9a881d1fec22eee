"""The engine on the strict double of CuPy: layers, losses, optimizers, the step trace, the gradient check and
the network's API give NumPy's numbers, with nothing crossing to the host unasked (tests/device_parity.py)."""

import numpy
import pytest

from playground.engine import DenseSpec, DropoutSpec, Network, NetworkSpec, Optimizer, OptimizerSpec, random_batch
from playground.errors import ResourceError
from tests import device_parity
from tests.strict_cupy import strict_xp

# The double is NumPy underneath: the same operations in the same order give the same bits, so any
# difference is a difference in what the engine computes on a device.
RTOL = 1e-12


@pytest.mark.parametrize("name", device_parity.SPECS)
def test_every_layer_and_loss_gives_numpys_numbers(strict, name):
    device_parity.check_network(name, strict, RTOL)


@pytest.mark.parametrize("name", device_parity.OPTIMIZER_SPECS)
def test_every_optimizer_steps_as_on_numpy(strict, name):
    device_parity.check_optimizer(name, strict, RTOL)


def test_a_traced_step_records_numpys_numbers_as_host_copies(strict):
    device_parity.check_trace(strict, RTOL)


@pytest.mark.parametrize("name", ["batchnorm residual cross entropy", "conv pooling"])
def test_the_gradient_check_runs_on_the_device(strict, name):
    device_parity.check_gradients(name, strict)


def test_dropout_draws_on_the_device(strict):
    spec = NetworkSpec((3,), [DenseSpec(8, "relu"), DropoutSpec(0.5), DenseSpec(2)], "cross_entropy")
    net = Network(spec, strict, "float64", seed=1)
    x, y = random_batch(spec, 16, seed=0)
    trace = net.trace_step(x, y, Optimizer(net, OptimizerSpec("sgd", learning_rate=0.1)))
    mask = trace.forward[1].extras["mask"]
    assert isinstance(mask, numpy.ndarray) and set(numpy.unique(mask)) == {0.0, 2.0}
    assert numpy.isfinite(net.train_step(x, y, Optimizer(net)))


def test_a_training_step_leaves_its_loss_on_the_device(strict):
    """The loss of a step is the device's until someone asks for it: no transfer in forward, loss,
    backward or update."""
    spec = device_parity.SPECS["batchnorm residual cross entropy"]
    net = Network(spec, strict, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.1, momentum=0.9, clip_norm=1.0, l1=0.01))
    batch = net.make_batch(*random_batch(spec, 32, seed=0))
    strict_xp.TRANSFERS.clear()
    for _ in range(5):
        loss = net.train_batch(batch, optimizer)
    assert isinstance(loss, strict_xp.DeviceArray) and strict_xp.TRANSFERS["to_host"] == 0


def test_the_memory_a_network_needs_is_asked_of_the_device(strict, monkeypatch):
    """Host memory says nothing about a GPU's: a network that fits the machine but not the device is refused
    before anything is allocated, in the device's words."""
    spec = NetworkSpec((100,), [DenseSpec(1000, "relu"), DenseSpec(10)], "cross_entropy")
    Network(spec, strict)
    monkeypatch.setitem(strict_xp.DEVICE_MEMORY, "free", 2**20)
    with pytest.raises(ResourceError, match="GPU memory"):
        Network(spec, strict)
    Network(spec, "numpy")  # the machine's memory is another matter
