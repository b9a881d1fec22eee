"""Shared helpers: one engine step with every gradient, and the same step in PyTorch."""

from __future__ import annotations

import numpy
import torch

from playground.engine import Network
from tests.engine.torch_mirror import as_engine, mirror, torch_loss, torch_parameters


def engine_step(net: Network, x: numpy.ndarray, y: numpy.ndarray, training: bool = True):
    """Output rows, loss, parameter gradients and input gradient of one forward and backward."""
    batch = net.make_batch(x, y)
    out = net._forward(batch.x, training)
    output = numpy.array(out[:-1]).T
    loss = net.loss.forward_backward(out[:-1], batch.target)
    input_grad = numpy.array(net._backward(net.loss.grad, True)).T
    grads = {f"{layer.path}.{name}": numpy.array(g) for layer in net.all_layers()
             for name, g in layer.grads.items()}
    return output, loss, grads, input_grad


def torch_step(net: Network, x: numpy.ndarray, y: numpy.ndarray, training: bool = True):
    """The same as engine_step, computed by PyTorch autograd on a mirror with the same weights.
    Call it after engine_step, so dropout reuses the engine's mask."""
    module = mirror(net)
    module.train(training)
    xt = torch.from_numpy(numpy.asarray(x, dtype=numpy.float64)).requires_grad_(True)
    output = module(xt)
    loss = torch_loss(net.spec.loss, output, y)
    loss.backward()
    grads = {name: as_engine(name, p.grad) for name, p in torch_parameters(net, module).items()}
    return output.detach().numpy(), float(loss.detach()), grads, xt.grad.numpy().reshape(len(x), -1), module


def assert_close(actual, expected, rtol: float, what: str = "") -> None:
    actual, expected = numpy.asarray(actual), numpy.asarray(expected)
    # Relative to the array's own scale, so entries near zero do not demand impossible digits;
    # floored for arrays that are zero in exact arithmetic (a bias before batch normalization).
    scale = max(float(numpy.max(numpy.abs(expected))) if expected.size else 0.0, 1e-3)
    numpy.testing.assert_allclose(actual, expected, rtol=rtol, atol=rtol * scale, err_msg=what)
