"""Each parameter's gradient norm and update ratio at the history's points between snapshots, measured in the
burst that trains, on the backend, and read with the burst's check in its one transfer."""

from __future__ import annotations

import math
from typing import Any

from playground.engine import Network, Optimizer


class StepNorms:
    """‖∂L/∂θ‖ and ‖Δθ‖ / ‖θ‖ of each parameter at the step just taken: `products` works out the dot products
    they need on the backend (nothing is read), and `values` names them as the history's series, as a snapshot's
    layer statistics name theirs.

    The update comes from the optimizer, which keeps what its last step subtracted (s) and AdamW's decay d:
    θ before = (θ + s) / (1 − d) and Δθ = −(s + d·θ) / (1 − d), so that with the dot products g·g, s·s, θ·θ and
    θ·s of each parameter, and no copy of the weights, ‖Δθ‖ / ‖θ before‖ = ‖s + d·θ‖ / ‖θ + s‖.

    The dot products are of views made once, in the network's dtype (BLAS on NumPy: in float64 a copy of every
    vector would cost more than the dots). A product past float32's range is worked out again in float64; one
    below it (entries under about 1e-23) reads as zero."""

    def __init__(self, network: Network) -> None:
        self.network = network
        slices = list(network.parameter_slices().items())
        self._names = [name for name, _ in slices]
        self._grads = [network.grad[where] for _, where in slices]
        self._weights = [network.theta[where] for _, where in slices]
        self._step: tuple[Any, list[Any]] = (None, [])  # an optimizer's last-step vector, and its views

    def products(self, optimizer: Optimizer) -> list[Any]:
        """g·g, s·s, θ·θ and θ·s of every parameter, in that order and each in theta's order, as numbers on the
        backend (0-d arrays on a device), for the check to read."""
        if self._step[0] is not optimizer.last_step:  # a command replaced the optimizer
            self._step = optimizer.last_step, [optimizer.last_step[where] for where in
                                               self.network.parameter_slices().values()]
        steps = self._step[1]
        return ([part.dot(part) for part in self._grads] + [part.dot(part) for part in steps]
                + [part.dot(part) for part in self._weights] + [w.dot(s) for w, s in zip(self._weights, steps)])

    def values(self, products: list[float], optimizer: Optimizer) -> dict[str, float]:
        """The history's series of the products read: "grad_norm/<name>" and "update_ratio/<name>"."""
        count, decay = len(self._names), optimizer.last_decay
        if not all(map(math.isfinite, products)):
            return self._exact_values(optimizer)
        grads, steps, weights, crossed = (products[k * count : (k + 1) * count] for k in range(4))
        values = {}
        for name, grad, step, weight, cross in zip(self._names, grads, steps, weights, crossed):
            change = step + 2 * decay * cross + decay * decay * weight  # ‖s + d·θ‖²
            size = weight + 2 * cross + step  # ‖θ + s‖²
            values[f"grad_norm/{name}"] = math.sqrt(grad)
            values[f"update_ratio/{name}"] = _ratio(math.sqrt(max(change, 0.0)), math.sqrt(max(size, 0.0)))
        return values

    def _exact_values(self, optimizer: Optimizer) -> dict[str, float]:
        """The same in float64 (Network.parameter_norms), from vectors made for it."""
        grads, ratios = self.network.parameter_norms(self.network.grad), update_ratios(self.network, optimizer)
        values = {}
        for name in self._names:
            values[f"grad_norm/{name}"] = grads[name]
            values[f"update_ratio/{name}"] = ratios[name]
        return values


def update_ratios(network: Network, optimizer: Optimizer) -> dict[str, float]:
    """‖Δθ‖ / ‖θ before‖ of each parameter at the optimizer's last step, by name, in float64: the update the
    optimizer made (see StepNorms), which a float32 weight may be too coarse to take (a step under its rounding
    leaves it as it was, a ratio still measured)."""
    step, theta = optimizer.last_step, network.theta
    changes, sizes = network.parameter_norms(step + optimizer.last_decay * theta), network.parameter_norms(theta + step)
    return {name: _ratio(changes[name], size) for name, size in sizes.items()}


def _ratio(change: float, size: float) -> float:
    return change / size if size else math.nan
