"""Each layer's weight-gradient norm and update ratio at the history's points between snapshots, measured in the
burst that trains, on the backend, and read with the burst's check in its one transfer."""

from __future__ import annotations

import math
import operator
from typing import Any

import numpy

from playground.engine import Network, Optimizer
from playground.session.statistics import WEIGHTS


class StepNorms:
    """‖∂L/∂W‖ and ‖ΔW‖ / ‖W‖ of each layer's weights (a Dense layer's W, a Conv2D's K: what the per-layer curves
    and kept runs show; biases and batch normalization keep the snapshots' points) over the steps since the
    history's last point, the gradient as backprop computed it (the optimizer's penalty and clipping leave
    network.grad as it was). A point stands for its steps: `add_step` multiplies a step's squared norms into
    running products on the backend (nothing is read), `products` gives what a point reads, and `values` names
    their geometric means as the history's series, as a snapshot's layer statistics name theirs. Geometric, as
    the curves smooth them (ui/plot_parts.smoothed_norm): one batch's norm can be ten times the next one's, and on
    a log axis the mean of the logarithms is the middle the eye looks for. A product of float64s rather than a sum
    of logarithms: a multiplication costs a step less than a logarithm.

    The update comes from the optimizer, which keeps what its last step subtracted (s) and AdamW's decay d:
    θ before = (θ + s) / (1 − d) and Δθ = −(s + d·θ) / (1 − d), so that with the dot products s·s, θ·θ and θ·s of
    each weight, and no copy of the weights, ‖Δθ‖ / ‖θ before‖ = ‖s + d·θ‖ / ‖θ + s‖.

    The dot products are of views made once, in the network's dtype (BLAS on NumPy: in float64 a copy of every
    vector would cost more than the dots), each weight's dot methods bound with them: a step taken in is a dozen calls
    on a tiny network, and each call's lookups show. One call per vector pair (not one fused pass over all weights):
    BLAS's float32 sums are the numbers the history keeps, to the bit. A point whose products are not finite or zero
    (a square past float32's range, a product past float64's, a step with no gradient) is measured at its own step in
    float64."""

    def __init__(self, network: Network) -> None:
        self.network = network
        weights = {name: where for name, where in network.parameter_slices().items()
                   if name.rpartition(".")[2] in WEIGHTS}
        self._slices, names = list(weights.values()), list(weights)
        self.keys = [f"grad_norm/{name}" for name in names] + [f"update_ratio/{name}" for name in names]
        # Each weight's (gradient, last step, weight) views with their dot methods, made for this last-step vector (a
        # command may replace the optimizer).
        self._views: list[tuple[Any, ...]] = []
        self._views_step: Any = None
        # Float64: a float32 product of vanishing norms' squares, 1e-14 each, leaves its range within three steps. On
        # NumPy, Python's floats: a NumPy scalar's every conversion and operation costs several times one of theirs,
        # and a step taken in does a dozen of them a weight (a division by zero is NaN, as NumPy's would not be finite).
        backend = network.backend
        if backend.on_device:
            self._one, self._number, self._ratio = backend.xp.ones((), backend.xp.float64), _same, operator.truediv
        else:
            self._one, self._number, self._ratio = 1.0, float, _ratio
        self.count = 0  # steps taken in since the last point
        self._grads: list[Any] = []  # Π ‖∂L/∂W‖² of each weight over those steps
        self._ratios: list[Any] = []  # Π (‖Δθ‖ / ‖θ‖)² of each
        self.reset()

    def reset(self) -> None:
        """Start the next point's steps: those taken in so far were undone or stand in a point of their own."""
        self.count, self._grads, self._ratios = 0, [self._one] * len(self._slices), [self._one] * len(self._slices)

    def add_step(self, optimizer: Optimizer) -> None:
        """Take in the step just taken: four dot products a weight, on the backend."""
        grads, ratios, decay, number, ratio = self._grads, self._ratios, optimizer.last_decay, self._number, self._ratio
        index = 0
        for grad_dot, grad, step_dot, step, weight_dot, weight in self._views_for(optimizer):
            grads[index] = grads[index] * number(grad_dot(grad))  # not in place: on a device, 0-d arrays
            steps, weights, cross = number(step_dot(step)), number(weight_dot(weight)), number(weight_dot(step))
            change = steps + decay * (2 * cross + decay * weights) if decay else steps  # ‖s + d·θ‖²
            ratios[index] = ratios[index] * ratio(change, weights + 2 * cross + steps)  # / ‖θ + s‖²
            index += 1
        self.count += 1

    def products(self, optimizer: Optimizer) -> list[Any]:
        """What a point reads, as numbers on the backend (0-d arrays on a device): the products since the last
        point, in the order of `keys`. A point no step was taken in for yet takes in its own."""
        if self.count == 0:
            self.add_step(optimizer)
        return self._grads + self._ratios

    def values(self, products: list[float], optimizer: Optimizer) -> dict[str, float]:
        """The history's series of the products read: "grad_norm/<name>" and "update_ratio/<name>", geometric
        means over the steps taken in, which start over."""
        exponent = 0.5 / self.count  # (Π x²)^(1/2n): the geometric mean of the n steps' norms and ratios
        self.reset()
        if not all(0.0 < value < math.inf for value in products):  # NaN fails both
            return self._exact_values(optimizer)
        return dict(zip(self.keys, [value**exponent for value in products]))

    def _views_for(self, optimizer: Optimizer) -> list[tuple[Any, ...]]:
        if self._views_step is not optimizer.last_step:
            net, step = self.network, optimizer.last_step
            views = [(net.grad[part], step[part], net.theta[part]) for part in self._slices]
            self._views = [(grad.dot, grad, step.dot, step, weight.dot, weight) for grad, step, weight in views]
            self._views_step = step
        return self._views

    def _exact_values(self, optimizer: Optimizer) -> dict[str, float]:
        """The last step's, in float64 (Network.parameter_norms), from vectors made for it."""
        grads, ratios = self.network.parameter_norms(self.network.grad), update_ratios(self.network, optimizer)
        return {key: (grads if key.startswith("grad_norm/") else ratios)[key.partition("/")[2]] for key in self.keys}


def _same(value: Any) -> Any:
    return value


def update_ratios(network: Network, optimizer: Optimizer) -> dict[str, float]:
    """‖Δθ‖ / ‖θ before‖ of each parameter at the optimizer's last step, by name, in float64: the update the
    optimizer made (see StepNorms), which a float32 weight may be too coarse to take (a step under its rounding
    leaves it as it was, a ratio still measured). A step so large that θ before is lost in the rounding of θ after
    (a huge learning rate), or that moved weights of zero, is infinite: 0 / 0 would say NaN, as if nothing were
    known. No change of weights of zero is NaN."""
    step, theta = optimizer.last_step, network.theta
    changes, sizes = network.parameter_norms(step + optimizer.last_decay * theta), network.parameter_norms(theta + step)
    rounding = numpy.finfo(theta.dtype).eps * 4  # θ + s is exact to a few roundings of θ after's entries
    afters = network.parameter_norms(theta)
    return {name: _ratio(changes[name], size) if size > rounding * afters[name] else math.inf if changes[name]
            else math.nan for name, size in sizes.items()}


def _ratio(change: float, size: float) -> float:
    return change / size if size else math.nan
