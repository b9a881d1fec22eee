"""Layers with hand-written forward and backward, side by side.

Inside the engine, a batch is stored features-by-samples: one column per example, as the
seed article writes z = Wᵀx + b. Every activation passed forward carries one extra last
row of ones, so a Dense layer's bias rides in its weight product: z = [W; b]ᵀ [x; 1],
and one product gives ∂L/∂W and ∂L/∂b together. Gradients passed backward have no such
row. Parameters and their gradients are views into the network's flat vectors.
"""

from __future__ import annotations

from typing import Any

from playground.engine.activations import make_activation
from playground.engine.init import initial_values


def without_ones(x: Any) -> Any:
    """The values of an array passed forward: every row but the last, the row of ones that carries the bias."""
    return x[:-1]


def ones_row_buffer(xp: Any, rows: int, n: int, dtype: Any) -> tuple[Any, Any]:
    """A (rows + 1, n) array whose last row is ones, and the view of its first rows."""
    full = xp.empty((rows + 1, n), dtype=dtype)
    full[rows] = 1
    return full, full[:rows]


class Layer:
    """The contract: forward(x, training) -> out, backward(grad_out) -> grad_in."""

    type = ""
    parameter_size = 0

    def __init__(self, xp: Any, dtype: Any, input_size: int, path: str) -> None:
        self.xp = xp
        self.dtype = dtype
        self.input_size = input_size
        self.output_size = input_size
        self.path = path
        self.params: dict[str, Any] = {}
        self.grads: dict[str, Any] = {}
        self.state: dict[str, Any] = {}  # kept between steps, not trained
        self.slices: dict[str, slice] = {}  # where each parameter lies in the network's flat vectors
        self.recorder: Any = None

    def bind(self, theta: Any, grad: Any, start: int) -> None:
        """Take views of this layer's segments of the flat parameter and gradient vectors, which begin
        at `start` in the network's; record where each parameter lies there (`slices`)."""

    def initialize(self, rng: Any) -> None:
        """Write starting values into the parameter views."""

    def prepare(self, n: int) -> None:
        """Allocate the buffers for batches of n examples."""
        self._out_full, self._out = ones_row_buffer(self.xp, self.output_size, n, self.dtype)
        self._grad_in = self.xp.empty((self.input_size, n), dtype=self.dtype)

    def forward(self, x: Any, training: bool) -> Any:
        raise NotImplementedError

    def backward(self, grad_out: Any, need_input_grad: bool = True) -> Any:
        raise NotImplementedError

    def record_forward(self) -> dict[str, Any]:
        """Named intermediates of the last forward, for the step trace."""
        return {}

    def record_backward(self) -> dict[str, Any]:
        """Named intermediates of the last backward, for the step trace."""
        return {}


class Dense(Layer):
    """z = Wᵀx + b, a = g(z); W has shape (fan_in, fan_out)."""

    type = "dense"

    def __init__(self, xp, dtype, input_size, path, spec) -> None:
        super().__init__(xp, dtype, input_size, path)
        self.spec = spec
        self.output_size = spec.units
        self.parameter_size = (input_size + 1) * spec.units
        self.activation = make_activation(spec.activation, spec.alpha)
        self._linear = spec.activation == "linear"

    def bind(self, theta, grad, start):
        shape = (self.input_size + 1, self.output_size)
        weights = self.input_size * self.output_size
        self.slices = {"W": slice(start, start + weights), "b": slice(start + weights, start + theta.size)}
        self._block = theta.reshape(shape)
        self._grad_block = grad.reshape(shape)
        # [W; b]: the bias is the block's last row, the one that meets the row of ones.
        self.params = {"W": self._block[:-1], "b": self._block[-1]}
        self.grads = {"W": self._grad_block[:-1], "b": self._grad_block[-1]}
        self._block_t = self._block.T
        self._weight = self.params["W"]

    def initialize(self, rng):
        fan_in, fan_out = self.input_size, self.output_size
        spec = self.spec
        values = initial_values(spec.init, (fan_in, fan_out), fan_in, fan_out, rng, spec.init_scale)
        self.params["W"][...] = self.xp.asarray(values, dtype=self.dtype)
        bias = initial_values(spec.bias_init, (fan_out,), fan_in, fan_out, rng, spec.init_scale)
        self.params["b"][...] = self.xp.asarray(bias, dtype=self.dtype)

    def prepare(self, n):
        xp, dtype = self.xp, self.dtype
        self._z_full, self._z = ones_row_buffer(xp, self.output_size, n, dtype)
        if self._linear:
            self._out_full, self._out = self._z_full, self._z
        else:
            self._out_full, self._out = ones_row_buffer(xp, self.output_size, n, dtype)
            self._delta = xp.empty((self.output_size, n), dtype=dtype)
            self._scratch = xp.empty((self.output_size, n), dtype=dtype)
        self._grad_in = xp.empty((self.input_size, n), dtype=dtype)

    def forward(self, x, training):
        self._x = x
        self.xp.dot(self._block_t, x, out=self._z)
        if not self._linear:
            self.activation.forward(self.xp, self._z, self._out, self._scratch)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        xp = self.xp
        self._grad_out = grad_out
        delta = grad_out
        if not self._linear:
            delta = self._delta
            self.activation.backward(xp, self._z, self._out, grad_out, delta, self._scratch)
        self._delta_used = delta
        xp.dot(self._x, delta.T, out=self._grad_block)  # [∂W; ∂b] = [x; 1] δᵀ
        if not need_input_grad:
            return None
        xp.dot(self._weight, delta, out=self._grad_in)  # ∂L/∂x = W δ
        return self._grad_in

    def record_forward(self):
        return {"z": self._z, "a": self._out}

    def record_backward(self):
        return {"dL/da": self._grad_out, "delta": self._delta_used}


class Activation(Layer):
    """a = g(z), elementwise."""

    def __init__(self, xp, dtype, input_size, path, spec) -> None:
        super().__init__(xp, dtype, input_size, path)
        self.type = spec.type
        self.activation = make_activation(spec.type, spec.alpha)

    def prepare(self, n):
        super().prepare(n)
        self._scratch = self.xp.empty((self.input_size, n), dtype=self.dtype)

    def forward(self, x, training):
        self._z = without_ones(x)
        self.activation.forward(self.xp, self._z, self._out, self._scratch)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        self.activation.backward(self.xp, self._z, self._out, grad_out, self._grad_in, self._scratch)
        return self._grad_in


class Softmax(Layer):
    """a_i = exp(z_i) / Σ_j exp(z_j) over the features of each example."""

    type = "softmax"

    def forward(self, x, training):
        xp = self.xp
        z = without_ones(x)
        xp.subtract(z, z.max(axis=0, keepdims=True), out=self._out)
        xp.exp(self._out, out=self._out)
        xp.divide(self._out, self._out.sum(axis=0, keepdims=True), out=self._out)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        # ∂L/∂z = a ⊙ (g − Σ_j g_j a_j): the Jacobian-vector product, never the Jacobian.
        xp, a = self.xp, self._out
        weighted = (grad_out * a).sum(axis=0, keepdims=True)
        xp.subtract(grad_out, weighted, out=self._grad_in)
        xp.multiply(self._grad_in, a, out=self._grad_in)
        return self._grad_in


class Dropout(Layer):
    """Inverted dropout: keep each unit with probability 1 − p and scale it by 1/(1 − p)."""

    type = "dropout"

    def __init__(self, xp, dtype, input_size, path, spec, rng) -> None:
        super().__init__(xp, dtype, input_size, path)
        self.rate = spec.rate
        self.rng = rng

    def prepare(self, n):
        super().prepare(n)
        self._mask = self.xp.empty((self.input_size, n), dtype=self.dtype)

    def forward(self, x, training):
        xp = self.xp
        self._active = training and self.rate > 0
        if not self._active:
            return x
        draws = self.rng.random(self._mask.shape, dtype=self.dtype)
        xp.greater_equal(draws, self.rate, out=self._mask)
        xp.multiply(self._mask, 1.0 / (1.0 - self.rate), out=self._mask)
        xp.multiply(without_ones(x), self._mask, out=self._out)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        if not self._active:
            return grad_out
        self.xp.multiply(grad_out, self._mask, out=self._grad_in)
        return self._grad_in

    def record_forward(self):
        return {"mask": self._mask} if self._active else {}
