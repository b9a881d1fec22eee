"""Elementwise activation functions g, each with its derivative beside it.

`forward` writes a = g(z) into `out`; `backward` writes grad ⊙ g'(z) into `out`, using
z, a and a scratch buffer the calling layer owns, so training allocates nothing per step.
The scratch buffer keeps its contents from a layer's forward to its backward, so a
function may leave there what its backward needs (ReLU leaves its 0/1 mask).
"""

from __future__ import annotations

from typing import Any


class ActivationFunction:
    name = ""
    formula = ""
    derivative = ""
    kinked = False  # not differentiable at z = 0: finite differences must not straddle it

    def __init__(self, alpha: float | None = None) -> None:
        self.alpha = alpha

    def forward(self, xp: Any, z: Any, out: Any, scratch: Any) -> None:
        raise NotImplementedError

    def backward(self, xp: Any, z: Any, a: Any, grad: Any, out: Any, scratch: Any) -> None:
        raise NotImplementedError


class Linear(ActivationFunction):
    name = "linear"
    formula = "g(z) = z"
    derivative = "g'(z) = 1"

    def forward(self, xp, z, out, scratch):
        xp.copyto(out, z)

    def backward(self, xp, z, a, grad, out, scratch):
        xp.copyto(out, grad)


class ReLU(ActivationFunction):
    kinked = True
    name = "relu"
    formula = "g(z) = max(0, z)"
    derivative = "g'(z) = 1 if z > 0 else 0"

    def forward(self, xp, z, out, scratch):
        # z · 1[z > 0] with the mask kept for backward: faster than maximum(z, 0) and
        # lets NaN through, so a diverging run is noticed.
        xp.greater(z, 0, out=scratch)
        xp.multiply(z, scratch, out=out)

    def backward(self, xp, z, a, grad, out, scratch):
        xp.multiply(grad, scratch, out=out)


class LeakyReLU(ActivationFunction):
    kinked = True
    name = "leaky_relu"
    formula = "g(z) = z if z > 0 else α·z"
    derivative = "g'(z) = 1 if z > 0 else α"
    default_alpha = 0.01

    def forward(self, xp, z, out, scratch):
        xp.multiply(z, self.alpha, out=scratch)
        xp.maximum(z, scratch, out=out)  # valid because 0 <= α < 1

    def backward(self, xp, z, a, grad, out, scratch):
        xp.greater(z, 0, out=scratch)
        xp.multiply(scratch, 1.0 - self.alpha, out=scratch)
        xp.add(scratch, self.alpha, out=scratch)
        xp.multiply(grad, scratch, out=out)


class ELU(ActivationFunction):
    kinked = True
    name = "elu"
    formula = "g(z) = z if z > 0 else α·(eᶻ − 1)"
    derivative = "g'(z) = 1 if z > 0 else α·eᶻ"
    default_alpha = 1.0

    def forward(self, xp, z, out, scratch):
        xp.minimum(z, 0, out=scratch)
        xp.expm1(scratch, out=scratch)
        xp.multiply(scratch, self.alpha, out=scratch)
        xp.maximum(z, 0, out=out)
        xp.add(out, scratch, out=out)

    def backward(self, xp, z, a, grad, out, scratch):
        xp.minimum(z, 0, out=scratch)
        xp.exp(scratch, out=scratch)
        xp.multiply(scratch, self.alpha, out=scratch)
        xp.multiply(grad, xp.where(z > 0, 1, scratch), out=out)


class Sigmoid(ActivationFunction):
    name = "sigmoid"
    formula = "g(z) = 1 / (1 + e⁻ᶻ)"
    derivative = "g'(z) = g(z)·(1 − g(z))"

    def forward(self, xp, z, out, scratch):
        # 1 / (1 + e^-z) keeps full relative accuracy at both ends; e^-z is capped at e^88 so it
        # never overflows float32, which changes only values below 1e-38. Eight times faster
        # than going through logaddexp.
        xp.negative(z, out=out)
        xp.minimum(out, 88.0, out=out)
        xp.exp(out, out=out)
        xp.add(out, 1, out=out)
        xp.reciprocal(out, out=out)

    def backward(self, xp, z, a, grad, out, scratch):
        xp.subtract(1, a, out=scratch)
        xp.multiply(scratch, a, out=scratch)
        xp.multiply(grad, scratch, out=out)


class Tanh(ActivationFunction):
    name = "tanh"
    formula = "g(z) = tanh(z)"
    derivative = "g'(z) = 1 − tanh²(z)"

    def forward(self, xp, z, out, scratch):
        xp.tanh(z, out=out)

    def backward(self, xp, z, a, grad, out, scratch):
        xp.multiply(a, a, out=scratch)
        xp.subtract(1, scratch, out=scratch)
        xp.multiply(grad, scratch, out=out)


class Softplus(ActivationFunction):
    name = "softplus"
    formula = "g(z) = log(1 + eᶻ)"
    derivative = "g'(z) = 1 / (1 + e⁻ᶻ)"

    def forward(self, xp, z, out, scratch):
        xp.logaddexp(0, z, out=out)

    def backward(self, xp, z, a, grad, out, scratch):
        # sigmoid(z) = exp(z - softplus(z)), reusing the forward's result.
        xp.subtract(z, a, out=scratch)
        xp.exp(scratch, out=scratch)
        xp.multiply(grad, scratch, out=out)


ACTIVATION_FUNCTIONS: dict[str, type[ActivationFunction]] = {
    cls.name: cls for cls in (Linear, ReLU, LeakyReLU, ELU, Sigmoid, Tanh, Softplus)
}


def make_activation(name: str, alpha: float | None = None) -> ActivationFunction:
    """The activation function called `name`; `alpha` defaults per function."""
    cls = ACTIVATION_FUNCTIONS[name]
    if alpha is None:
        alpha = getattr(cls, "default_alpha", None)
    return cls(alpha)
