"""Each loss against PyTorch, and the fused classification losses at extreme logits."""

import numpy
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from playground.engine import DenseSpec, Network, NetworkSpec
from tests.engine.helpers import assert_close


def loss_and_grad(loss: str, logits: numpy.ndarray, y: numpy.ndarray, dtype: str = "float64"):
    """The engine loss and ∂L/∂output for given outputs, through a network with identity weights."""
    k = logits.shape[1]
    net = Network(NetworkSpec((k,), [DenseSpec(k, init="zeros")], loss), dtype=dtype)
    net.set("1.W", numpy.eye(k))
    batch = net.make_batch(logits, y)
    out = net._forward(batch.x, True)
    value = net.loss.forward_backward(out[:-1], batch.target)
    return value, numpy.array(net.loss.grad).T, net


def targets(loss: str, rng, n: int, k: int):
    if loss == "cross_entropy":
        return rng.integers(0, k, n)
    if loss == "binary_cross_entropy":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.normal(size=(n, k))


def torch_loss_and_grad(loss: str, logits, y):
    z = torch.from_numpy(logits).requires_grad_(True)
    if loss == "mse":
        value = torch.nn.functional.mse_loss(z, torch.from_numpy(y))
    elif loss == "cross_entropy":
        value = torch.nn.functional.cross_entropy(z, torch.from_numpy(y))
    else:
        value = torch.nn.functional.binary_cross_entropy_with_logits(z, torch.from_numpy(y))
    value.backward()
    return float(value.detach()), z.grad.numpy()


@given(loss=st.sampled_from(["mse", "cross_entropy", "binary_cross_entropy"]), n=st.integers(1, 12),
       k=st.integers(2, 6), seed=st.integers(0, 2**16), spread=st.sampled_from([0.1, 1.0, 30.0]))
def test_loss_matches_torch(loss, n, k, seed, spread):
    rng = numpy.random.default_rng(seed)
    logits = rng.normal(size=(n, k)) * spread
    y = targets(loss, rng, n, k)
    value, grad, _ = loss_and_grad(loss, logits, y)
    t_value, t_grad = torch_loss_and_grad(loss, logits, y)
    assert value == pytest.approx(t_value, rel=1e-10, abs=1e-13)
    assert_close(grad, t_grad, 1e-10, "dL/doutput")


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("loss", ["cross_entropy", "binary_cross_entropy"])
def test_huge_logits_give_finite_loss_and_gradient(loss, dtype):
    logits = numpy.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 5e3]])
    y = numpy.array([1, 0]) if loss == "cross_entropy" else numpy.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
    value, grad, _ = loss_and_grad(loss, logits, y, dtype)
    assert numpy.isfinite(value) and numpy.all(numpy.isfinite(grad))
    t_value, t_grad = torch_loss_and_grad(loss, logits, y)
    assert value == pytest.approx(t_value, rel=1e-6)
    numpy.testing.assert_allclose(grad, t_grad, atol=1e-7)


def test_cross_entropy_accepts_probability_targets():
    rng = numpy.random.default_rng(0)
    logits = rng.normal(size=(5, 3))
    soft = rng.dirichlet(numpy.ones(3), size=5)
    value, grad, _ = loss_and_grad("cross_entropy", logits, soft)
    z = torch.from_numpy(logits).requires_grad_(True)
    t_value = torch.nn.functional.cross_entropy(z, torch.from_numpy(soft))
    t_value.backward()
    assert value == pytest.approx(float(t_value.detach()), rel=1e-10)
    assert_close(grad, z.grad.numpy(), 1e-10)


def test_predictions_are_probabilities_for_classification():
    rng = numpy.random.default_rng(1)
    logits = rng.normal(size=(4, 3)) * 5
    _, _, net = loss_and_grad("cross_entropy", logits, numpy.zeros(4, int))
    probs = net.predict(logits)
    assert_close(probs, torch.softmax(torch.from_numpy(logits), 1).numpy(), 1e-12)
    _, _, net = loss_and_grad("binary_cross_entropy", logits, numpy.zeros((4, 3)))
    assert_close(net.predict(logits), torch.sigmoid(torch.from_numpy(logits)).numpy(), 1e-12)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_binary_cross_entropy_is_never_negative_on_large_logits(dtype):
    # Weights that grew huge give logits near ±1e10 that are right: each example's loss rounds to 0, and their
    # mean must not come out below 0 (it was −1.8e10 on gauss, as two sums of 1e12 cancelled).
    rng = numpy.random.default_rng(0)
    y = rng.integers(0, 2, (200, 1)).astype(float)
    logits = numpy.where(y == 1, 1.0, -1.0) * rng.uniform(1e9, 1e11, (200, 1))
    value, grad, _ = loss_and_grad("binary_cross_entropy", logits, y, dtype)
    assert value == 0.0 and numpy.all(grad == 0.0)
