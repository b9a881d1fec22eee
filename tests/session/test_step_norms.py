"""Each layer's weight norms at the history's points between snapshots (session/step_norms.py): the update ratio
of every optimizer from what it keeps of its last step, as far as the weights moved, and float32's range."""

import copy
import math

import numpy
import pytest

from playground.engine import Network, Optimizer, random_batch
from playground.session.step_norms import StepNorms
from tests import device_parity

SPEC = device_parity.SPECS["batchnorm residual cross entropy"]


def stepped(kind: str, dtype: str) -> tuple[Network, Optimizer, object]:
    net = Network(SPEC, "numpy", dtype, seed=3)
    x, y = random_batch(SPEC, 6, seed=1)
    return net, Optimizer(net, copy.deepcopy(device_parity.OPTIMIZER_SPECS[kind])), net.make_batch(x, y)


@pytest.mark.parametrize("kind", list(device_parity.OPTIMIZER_SPECS))
def test_the_update_ratio_from_the_optimizers_last_step_is_how_far_the_weights_moved(kind):
    """In float64, where every update moves the weights: AdamW's decay, momentum, clipping and the penalties
    included, and a schedule that halves the rate after two steps."""
    net, optimizer, batch = stepped(kind, "float64")
    norms = StepNorms(net)
    for _ in range(3):
        before = net.theta.copy()
        net.forward_backward(batch, True)
        optimizer.step()
        values = norms.values(net.backend.scalars(*norms.products(optimizer)), optimizer)
        sizes, changes, grads = (net.parameter_norms(vector) for vector in (before, net.theta - before, net.grad))
        weights = [name for name in sizes if name.endswith(".W")]  # the Dense layers', in the block too
        assert set(values) == {f"{kind}/{name}" for kind in ("grad_norm", "update_ratio") for name in weights}
        for name in weights:
            assert values[f"grad_norm/{name}"] == pytest.approx(grads[name], rel=1e-9)
            assert values[f"update_ratio/{name}"] == pytest.approx(changes[name] / sizes[name], rel=1e-6), name


def test_a_gradient_past_float32s_range_is_measured_in_float64():
    net, optimizer, batch = stepped("sgd", "float32")
    net.forward_backward(batch, True)
    optimizer.step()
    net.grad[...] = 3e19  # its square is past float32's largest number
    norms = StepNorms(net)
    with numpy.errstate(over="ignore"):  # as the session trains
        products = net.backend.scalars(*norms.products(optimizer))
    assert not all(map(math.isfinite, products))
    values = norms.values(products, optimizer)
    assert values["grad_norm/1.W"] == pytest.approx(3e19 * math.sqrt(net.get("1.W").size), rel=1e-6)
    assert all(map(math.isfinite, values.values())) and 0 < values["update_ratio/1.W"] < 1


def test_a_weight_that_starts_at_zero_has_no_update_ratio():
    """‖ΔW‖ / ‖W before‖ with ‖W before‖ = 0: NaN, as the snapshots' update_ratios give, and the gradient's norm
    as ever (on NumPy the products are Python's floats, whose division by zero raises)."""
    net, optimizer, batch = stepped("sgd", "float32")
    net.set("1.W", numpy.zeros_like(net.get("1.W")))
    net.forward_backward(batch, True)
    optimizer.step()
    norms = StepNorms(net)
    values = norms.values(net.backend.scalars(*norms.products(optimizer)), optimizer)
    assert math.isnan(values["update_ratio/1.W"])
    gradient = net.parameter_norms(net.grad)["1.W"]
    assert values["grad_norm/1.W"] == pytest.approx(gradient, rel=1e-6)
    assert math.isfinite(values["update_ratio/5.W"])
