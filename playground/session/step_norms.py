"""Each layer's weight-gradient norm and update ratio at the history's points between snapshots, measured in the
burst that trains, on the backend, and read with the burst's check in its one transfer."""

from __future__ import annotations

import math
from typing import Any

from playground.engine import Network, Optimizer
from playground.session.statistics import WEIGHTS


class StepNorms:
    """‖∂L/∂W‖ and ‖ΔW‖ / ‖W‖ of each layer's weights (a Dense layer's W, a Conv2D's K: what the per-layer curves
    and kept runs show; biases and batch normalization keep the snapshots' points) at the step just taken, the
    gradient as backprop computed it (the optimizer's penalty and clipping leave network.grad as it was):
    `products` works out the dot products they need on the backend (nothing is read), and `values` names them
    as the history's series, as a snapshot's layer statistics name theirs.

    The update comes from the optimizer, which keeps what its last step subtracted (s) and AdamW's decay d:
    θ before = (θ + s) / (1 − d) and Δθ = −(s + d·θ) / (1 − d), so that with the dot products g·g, s·s, θ·θ and
    θ·s of each weight, and no copy of the weights, ‖Δθ‖ / ‖θ before‖ = ‖s + d·θ‖ / ‖θ + s‖.

    The dot products are of views made once, in the network's dtype (BLAS on NumPy: in float64 a copy of every
    vector would cost more than the dots). A product past float32's range is worked out again in float64; one
    below it (entries under about 1e-23) reads as zero."""

    def __init__(self, network: Network) -> None:
        self.network = network
        weights = {name: where for name, where in network.parameter_slices().items()
                   if name.rpartition(".")[2] in WEIGHTS}
        self._slices, names = list(weights.values()), list(weights)
        self._keys = [f"grad_norm/{name}" for name in names] + [f"update_ratio/{name}" for name in names]
        self._pairs: list[tuple[Any, Any]] = []  # the views each product multiplies,
        self._pairs_step: Any = None  # made for this last-step vector (a command may replace the optimizer)

    def products(self, optimizer: Optimizer) -> list[Any]:
        """g·g, s·s, θ·θ and θ·s of every weight, in that order and each in theta's order, as numbers on the
        backend (0-d arrays on a device), for the check to read."""
        if self._pairs_step is not optimizer.last_step:
            net, step = self.network, optimizer.last_step
            grads, steps, weights = ([vector[part] for part in self._slices] for vector in (net.grad, step, net.theta))
            self._pairs = [*zip(grads, grads), *zip(steps, steps), *zip(weights, weights), *zip(weights, steps)]
            self._pairs_step = step
        return [first.dot(second) for first, second in self._pairs]

    def values(self, products: list[float], optimizer: Optimizer) -> dict[str, float]:
        """The history's series of the products read: "grad_norm/<name>" and "update_ratio/<name>"."""
        if not all(map(math.isfinite, products)):
            return self._exact_values(optimizer)
        count, decay = len(self._slices), optimizer.last_decay
        norms = [math.sqrt(grad) for grad in products[:count]]
        for step, weight, cross in zip(products[count : 2 * count], products[2 * count : 3 * count],
                                       products[3 * count :]):
            size = weight + 2 * cross + step  # ‖θ + s‖²
            change = step + decay * (2 * cross + decay * weight)  # ‖s + d·θ‖²
            norms.append(math.sqrt(max(change, 0.0) / size) if size > 0 else math.nan)
        return dict(zip(self._keys, norms))

    def _exact_values(self, optimizer: Optimizer) -> dict[str, float]:
        """The same in float64 (Network.parameter_norms), from vectors made for it."""
        grads, ratios = self.network.parameter_norms(self.network.grad), update_ratios(self.network, optimizer)
        return {key: (grads if key.startswith("grad_norm/") else ratios)[key.partition("/")[2]] for key in self._keys}


def update_ratios(network: Network, optimizer: Optimizer) -> dict[str, float]:
    """‖Δθ‖ / ‖θ before‖ of each parameter at the optimizer's last step, by name, in float64: the update the
    optimizer made (see StepNorms), which a float32 weight may be too coarse to take (a step under its rounding
    leaves it as it was, a ratio still measured)."""
    step, theta = optimizer.last_step, network.theta
    changes, sizes = network.parameter_norms(step + optimizer.last_decay * theta), network.parameter_norms(theta + step)
    return {name: _ratio(changes[name], size) for name, size in sizes.items()}


def _ratio(change: float, size: float) -> float:
    return change / size if size else math.nan
