"""Losses over a batch of columns, each computing its value and ∂L/∂output in one pass.

The classification losses take logits and fuse the final softmax or sigmoid, which keeps
them finite for any logit and makes the gradient simply (prediction − target) / n.

A loss's value stays on the backend (`number`, Backend.number): a float on NumPy, where reading it
costs nothing, and a 0-d array on a GPU, where reading it on the host would make every step wait for
the device. The training loop reads their sum every few dozen steps instead (Backend.scalars).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LOSSES = ("mse", "cross_entropy", "binary_cross_entropy")


class Loss:
    name = ""
    formula = ""
    gradient_formula = ""

    def __init__(self, xp: Any, dtype: Any, number: Callable[[Any], Any] = float) -> None:
        self.xp = xp
        self.dtype = dtype
        self.number = number
        self.grad: Any = None

    def prepare(self, outputs: int, n: int) -> None:
        self.grad = self.xp.empty((outputs, n), dtype=self.dtype)
        self._scratch = self.xp.empty((outputs, n), dtype=self.dtype)

    def forward_backward(self, output: Any, target: Any) -> Any:
        """The mean loss, on the backend; leaves ∂L/∂output in self.grad."""
        raise NotImplementedError

    def predict(self, output: Any) -> Any:
        """What the output means: values, or probabilities for classification."""
        return output


class MeanSquaredError(Loss):
    name = "mse"
    formula = "L = (1/(n·k)) Σ (ŷ − y)²"
    gradient_formula = "∂L/∂ŷ = 2 (ŷ − y) / (n·k)"

    def forward_backward(self, output, target):
        xp, diff = self.xp, self.grad
        xp.subtract(output, target, out=diff)
        count = diff.size
        loss = self.number(xp.vdot(diff, diff)) / count
        xp.multiply(diff, 2.0 / count, out=diff)
        return loss


class SoftmaxCrossEntropy(Loss):
    name = "cross_entropy"
    formula = "L = −(1/n) Σ y · log softmax(z)"
    gradient_formula = "∂L/∂z = (softmax(z) − y) / n"

    def forward_backward(self, output, target):
        xp, shifted, probs = self.xp, self._scratch, self.grad
        n = output.shape[1]
        # Shift by each column's max: exp never overflows, even for logits of 1e4.
        xp.subtract(output, output.max(axis=0, keepdims=True), out=shifted)
        xp.exp(shifted, out=probs)
        sums = probs.sum(axis=0, keepdims=True)
        log_sums = xp.log(sums)
        # Σ y = 1 per column, so L = Σ log Σ exp(s) − Σ y·s over the shifted logits s.
        loss = (self.number(log_sums.sum()) - self.number(xp.vdot(target, shifted))) / n
        xp.divide(probs, sums, out=probs)
        xp.subtract(probs, target, out=probs)
        xp.multiply(probs, 1.0 / n, out=probs)
        return loss

    def predict(self, output):
        xp = self.xp
        e = xp.exp(output - output.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)


class BinaryCrossEntropy(Loss):
    name = "binary_cross_entropy"
    formula = "L = (1/(n·k)) Σ [log(1 + eᶻ) − y·z]"
    gradient_formula = "∂L/∂z = (σ(z) − y) / (n·k)"

    def forward_backward(self, output, target):
        xp, softplus, grad = self.xp, self._scratch, self.grad
        count = output.size
        xp.logaddexp(0, output, out=softplus)
        # Each entry's log(1 + eᶻ) − y·z, then the sum: as rounded, each stays at least 0, where the two sums
        # apart cancel to a negative loss once the logits are large.
        xp.multiply(output, target, out=grad)
        xp.subtract(softplus, grad, out=grad)
        loss = self.number(grad.sum()) / count
        xp.subtract(output, softplus, out=grad)
        xp.exp(grad, out=grad)  # σ(z) = exp(z − log(1 + eᶻ))
        xp.subtract(grad, target, out=grad)
        xp.multiply(grad, 1.0 / count, out=grad)
        return loss

    def predict(self, output):
        return self.xp.exp(output - self.xp.logaddexp(0, output))


LOSS_CLASSES: dict[str, type[Loss]] = {
    cls.name: cls for cls in (MeanSquaredError, SoftmaxCrossEntropy, BinaryCrossEntropy)
}


def make_loss(name: str, xp: Any, dtype: Any, number: Callable[[Any], Any] = float) -> Loss:
    return LOSS_CLASSES[name](xp, dtype, number)
