"""The engine on CuPy against NumPy in float64, to 1e-10: every layer, loss and optimizer, the step trace,
the gradient check run on the GPU, dropout's generator kept and put back, and the memory asked of the device.
Skipped, with the reason "no GPU", where CuPy cannot run."""

import numpy
import pytest

from playground.engine import DenseSpec, DropoutSpec, Network, NetworkSpec, Optimizer, OptimizerSpec, random_batch
from playground.errors import ResourceError
from tests import device_parity

RTOL = 1e-10


@pytest.mark.parametrize("name", device_parity.SPECS)
def test_every_layer_and_loss_gives_numpys_numbers(name):
    device_parity.check_network(name, "cupy", RTOL)


@pytest.mark.parametrize("name", device_parity.OPTIMIZER_SPECS)
def test_every_optimizer_steps_as_on_numpy(name):
    device_parity.check_optimizer(name, "cupy", RTOL)


def test_a_traced_step_records_numpys_numbers():
    device_parity.check_trace("cupy", RTOL)


@pytest.mark.parametrize("name", device_parity.SPECS)
def test_the_gradient_check_passes_on_the_gpu(name):
    device_parity.check_gradients(name, "cupy")


def test_dropout_draws_on_the_gpu_and_a_kept_state_draws_the_same_masks_again():
    from playground.session.divergence import Checkpoint

    spec = NetworkSpec((3,), [DenseSpec(8, "relu"), DropoutSpec(0.5), DenseSpec(2)], "cross_entropy")
    net = Network(spec, "cupy", "float64", seed=1)
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.1))
    x, y = random_batch(spec, 16, seed=0)
    kept = Checkpoint(net, optimizer)
    kept.take()
    first = net.backend.to_numpy(net.rng.random((64,), dtype=numpy.float32))
    kept.restore(optimizer)
    assert numpy.array_equal(net.backend.to_numpy(net.rng.random((64,), dtype=numpy.float32)), first)
    mask = net.trace_step(x, y, optimizer).forward[1].extras["mask"]
    assert set(numpy.unique(mask)) == {0.0, 2.0}


def test_a_network_larger_than_the_gpus_free_memory_is_refused_before_allocating():
    free = Network(NetworkSpec((2,), [DenseSpec(1)], "mse"), "cupy").backend.free_memory()
    units = int((free / 4 / 5) ** 0.5) + 1000  # 5 float32 copies of a units × units weight matrix pass it
    spec = NetworkSpec((units,), [DenseSpec(units), DenseSpec(1)], "mse")
    with pytest.raises(ResourceError, match="GPU memory"):
        Network(spec, "cupy")
