"""Layers with more inside them: batch normalization and residual blocks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playground.engine.layers import Layer, without_ones


class BatchNorm(Layer):
    """x̂ = (x − μ_B) / √(σ²_B + ε), y = γ ⊙ x̂ + β, per feature over the batch.

    Training uses the batch's statistics and updates running ones (with the unbiased
    variance, as PyTorch does); evaluation uses the running statistics.
    """

    type = "batchnorm"

    def __init__(self, xp, dtype, input_size, path, spec) -> None:
        super().__init__(xp, dtype, input_size, path)
        self.momentum = spec.momentum
        self.eps = spec.eps
        self.parameter_size = 2 * input_size
        self.state = {
            "running_mean": xp.zeros(input_size, dtype=dtype),
            "running_var": xp.ones(input_size, dtype=dtype),
        }

    def bind(self, theta, grad, start):
        f = self.input_size
        self.slices = {"gamma": slice(start, start + f), "beta": slice(start + f, start + 2 * f)}
        self.params = {"gamma": theta[:f], "beta": theta[f:]}
        self.grads = {"gamma": grad[:f], "beta": grad[f:]}

    def initialize(self, rng):
        self.params["gamma"][...] = 1
        self.params["beta"][...] = 0
        self.state["running_mean"][...] = 0
        self.state["running_var"][...] = 1

    def forward(self, x, training):
        xp = self.xp
        x = without_ones(x)
        self._training = training
        if training:
            n = x.shape[1]
            mean = x.mean(axis=1, keepdims=True)
            centered = x - mean
            variance = (centered * centered).mean(axis=1, keepdims=True)
            m = self.momentum
            running_mean, running_var = self.state["running_mean"], self.state["running_var"]
            running_mean[...] = (1 - m) * running_mean + m * mean[:, 0]
            unbiased = variance[:, 0] * (n / (n - 1)) if n > 1 else variance[:, 0]
            running_var[...] = (1 - m) * running_var + m * unbiased
        else:
            centered = x - self.state["running_mean"][:, None]
            variance = self.state["running_var"][:, None]
        self._inv_std = 1.0 / xp.sqrt(variance + self.eps)
        self._x_hat = centered * self._inv_std
        gamma, beta = self.params["gamma"][:, None], self.params["beta"][:, None]
        xp.add(gamma * self._x_hat, beta, out=self._out)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        xp = self.xp
        grad_gamma = (grad_out * self._x_hat).sum(axis=1)
        grad_beta = grad_out.sum(axis=1)
        self.grads["gamma"][...] = grad_gamma
        self.grads["beta"][...] = grad_beta
        scale = self.params["gamma"][:, None] * self._inv_std
        if not self._training:
            xp.multiply(grad_out, scale, out=self._grad_in)
            return self._grad_in
        n = grad_out.shape[1]
        # The batch mean and variance depend on every example: their terms are the last two.
        mixed = grad_out - grad_beta[:, None] / n - self._x_hat * (grad_gamma[:, None] / n)
        xp.multiply(mixed, scale, out=self._grad_in)
        return self._grad_in

    def record_forward(self):
        return {"x_hat": self._x_hat}


class Residual(Layer):
    """out = x + f(x), where f is a block of layers that gives back the shape it gets."""

    type = "residual"

    def __init__(self, xp, dtype, input_size, path, children: list[Layer]) -> None:
        super().__init__(xp, dtype, input_size, path)
        self.children = children
        self.parameter_size = sum(child.parameter_size for child in children)

    def bind(self, theta, grad, start):
        offset = 0
        for child in self.children:
            size = child.parameter_size
            child.bind(theta[offset : offset + size], grad[offset : offset + size], start + offset)
            offset += size

    def initialize(self, rng):
        for child in self.children:
            child.initialize(rng)

    def prepare(self, n):
        super().prepare(n)
        for child in self.children:
            child.prepare(n)

    def walk(self, visit: Callable[[Layer], Any]) -> None:
        for child in self.children:
            visit(child)
            if isinstance(child, Residual):
                child.walk(visit)

    def forward(self, x, training):
        h = x
        for child in self.children:
            out = child.forward(h, training)
            if self.recorder is not None:
                self.recorder.forward(child, h, out)
            h = out
        self.xp.add(without_ones(x), without_ones(h), out=self._out)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        g = grad_out
        for child in reversed(self.children):
            grad_in = child.backward(g, True)
            if self.recorder is not None:
                self.recorder.backward(child, g, grad_in)
            g = grad_in
        self.xp.add(grad_out, g, out=self._grad_in)
        return self._grad_in
