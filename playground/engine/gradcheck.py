"""Gradient check: the hand-written backward against central finite differences in float64."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy

from playground.engine.image_layers import MaxPool2D
from playground.engine.layers import without_ones
from playground.engine.network import Network
from playground.engine.spec import NetworkSpec

STEP = 1e-6
# Errors are relative to the largest gradient entry of the parameter, floored here so that a
# parameter whose gradient is all but zero is judged by absolute error instead.
SCALE_FLOOR = 1e-3
TOLERANCE = 1e-6


@dataclass(frozen=True)
class ParameterCheck:
    name: str
    max_relative_error: float
    checked: int  # entries compared
    size: int
    at_kink: int = 0  # entries whose ±step crossed a kink (ReLU-like, or a max pool's choice), so were not compared

    @property
    def passed(self) -> bool:
        return self.max_relative_error < TOLERANCE


@dataclass(frozen=True)
class GradCheckReport:
    checks: list[ParameterCheck]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def max_relative_error(self) -> float:
        return max(check.max_relative_error for check in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "tolerance": TOLERANCE,
                "parameters": {c.name: {"max_relative_error": c.max_relative_error, "checked": c.checked,
                                        "at_kink": c.at_kink, "size": c.size, "passed": c.passed}
                               for c in self.checks}}


def relative_error(analytic: numpy.ndarray, numeric: numpy.ndarray, scale: float) -> float:
    if analytic.size == 0:
        return 0.0
    return float(numpy.max(numpy.abs(analytic - numeric)) / max(scale, SCALE_FLOOR))


def random_batch(spec: NetworkSpec, batch_size: int, seed: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Inputs and targets of the right shapes for the spec's loss."""
    rng = numpy.random.default_rng(seed)
    x = rng.standard_normal((batch_size, *spec.input_shape))
    outputs = spec.output_size
    if spec.loss == "cross_entropy":
        y = rng.integers(0, outputs, size=batch_size)
    elif spec.loss == "binary_cross_entropy":
        y = rng.integers(0, 2, size=(batch_size, outputs)).astype(numpy.float64)
    else:
        y = rng.standard_normal((batch_size, outputs))
    return x, y


def gradient_check(network: Network | NetworkSpec, x: numpy.ndarray, y: numpy.ndarray,
                   max_checks: int = 40, seed: int = 0, backend: str | None = None) -> GradCheckReport:
    """Compare every parameter's (and the input's) gradient with finite differences.

    Runs on a float64 copy in training mode, on `backend` (by default NumPy for a spec, the network's own
    for a network), so that a GPU's backward is checked against its own forward. Dropout masks are frozen
    by replaying the same random state for every evaluation. At most `max_checks` entries per parameter
    are perturbed, chosen with `seed`.
    """
    if isinstance(network, NetworkSpec):
        net = Network(network, backend or "numpy", "float64", seed)
    else:
        net = network.copy(backend=backend, dtype="float64")
    on, xp = net.backend, net.xp
    batch = net.make_batch(x, y)
    frozen = on.random_state(net.rng)

    def loss_and_input_grad() -> tuple[Any, Any]:
        on.set_random_state(net.rng, frozen)
        out = net._forward(batch.x, True)
        loss = net.loss.forward_backward(without_ones(out), batch.target)
        return loss, net._backward(net.loss.grad, True)

    # Where the loss has kinks: a ReLU-like unit's side of 0, and which value of its window a max
    # pool takes. A ±step that changes either is not compared.
    kinked = [layer for layer in net.all_layers()
              if getattr(getattr(layer, "activation", None), "kinked", False)]
    pools = [layer for layer in net.all_layers() if isinstance(layer, MaxPool2D)]

    def loss_only() -> tuple[Any, list[Any]]:
        on.set_random_state(net.rng, frozen)
        loss = net.loss.forward_backward(without_ones(net._forward(batch.x, True)), batch.target)
        return loss, [layer._z > 0 for layer in kinked] + [layer._argmax.copy() for layer in pools]

    def compare(name: str, values: Any, positions: list, analytic: numpy.ndarray,
                scale: float, size: int) -> ParameterCheck:
        # Worked out on the backend and read once per parameter.
        differences = [_central_difference(xp, values, at, loss_only) for at in positions]
        numeric = on.to_numpy(xp.stack([value for value, _ in differences])) if differences else numpy.zeros(0)
        keep = ~on.to_numpy(xp.stack([crossed for _, crossed in differences])) if differences else numpy.zeros(0, bool)
        error = relative_error(analytic[keep], numeric[keep], scale)
        return ParameterCheck(name, error, int(keep.sum()), size, int((~keep).sum()))

    _, input_grad = loss_and_input_grad()
    input_grad = on.to_numpy(input_grad)
    analytic_all = on.to_numpy(net.grad)
    pick = numpy.random.default_rng(seed)
    checks = []
    for name, where in net.parameter_slices().items():
        size, start = where.stop - where.start, where.start
        chosen = _choose(size, max_checks, pick)
        analytic = analytic_all[start : start + size]
        scale = float(numpy.max(numpy.abs(analytic))) if size else 0.0
        checks.append(compare(name, net.theta, list(start + chosen), analytic[chosen], scale, size))
    columns = without_ones(batch.x)
    chosen = _choose(columns.size, max_checks, pick)
    positions = numpy.unravel_index(chosen, columns.shape)
    scale = float(numpy.max(numpy.abs(input_grad)))
    checks.append(compare("input", columns, list(zip(*positions)), input_grad[positions], scale,
                          columns.size))
    return GradCheckReport(checks)


def _choose(size: int, max_checks: int, rng: numpy.random.Generator) -> numpy.ndarray:
    if size <= max_checks:
        return numpy.arange(size)
    return numpy.sort(rng.choice(size, max_checks, replace=False))


def _central_difference(xp: Any, values: Any, index: Any, loss: Any) -> tuple[Any, Any]:
    """(L(v + h) − L(v − h)) / 2h, and whether any kinked unit changed side between the two: both on the
    backend."""
    original = values[index].copy()  # a view on CuPy, which the writes below would change
    values[index] = original + STEP
    plus, plus_sides = loss()
    values[index] = original - STEP
    minus, minus_sides = loss()
    values[index] = original
    changed = [xp.any(a != b) for a, b in zip(plus_sides, minus_sides)]
    crossed = xp.any(xp.stack(changed)) if changed else xp.zeros((), dtype=bool)
    return (plus - minus) / (2 * STEP), crossed
