"""One weight's gradient taken apart: ∂L/∂W[i, j] of a Dense layer as the sum over the batch of
x[i] · δ[j], and δ[j] traced back to the layer above or the loss, all in the trace's numbers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy

from playground.engine.losses import LOSS_CLASSES
from playground.engine.trace import StepTrace
from playground.ui.stepper.notation import factor, lines_html, number, tr
from playground.ui.stepper.phases import forward_record, function_formulas
from playground.words import term

TERMS_SHOWN = 4
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")  # the layer above's W and δ: W₃, δ₃


@dataclass
class ChainRule:
    """∂L/∂W[i, j] of a Dense layer as the sum over examples m of x[i, m] · δ[j, m], and δ[j] of one
    example traced back to the layer above (or the loss). All values are the trace's."""

    i: int
    j: int
    example: int
    x: numpy.ndarray  # x[i, m] for every example m
    delta: numpy.ndarray  # δ[j, m] for every example m
    entry: float  # ∂L/∂W[i, j] as the backward pass computed it
    z: float  # z[j] and a[j] of the chosen example
    a: float
    grad_a: float  # (∂L/∂a)[j] of the chosen example
    source: str  # where ∂L/∂a came from: "loss", or the type of the layer above
    source_path: str
    upstream: list[tuple[float, float]]  # (W_above[j, k], δ_above[k]) when the layer above is Dense
    prediction: tuple[float, float] | None  # (ŷ[j], y[j]) of the chosen example when ∂L/∂a is the loss's

    @property
    def products(self) -> numpy.ndarray:
        return self.x.astype(numpy.float64) * self.delta.astype(numpy.float64)

    @property
    def total(self) -> float:
        return float(self.products.sum())

    @property
    def upstream_total(self) -> float:
        return float(sum(w * d for w, d in self.upstream))


def chain_rule(trace: StepTrace, k: int, i: int, j: int, example: int = 0) -> ChainRule:
    """The chain rule of weight W[i, j] of the Dense layer of trace.backward[k]."""
    record = trace.backward[k]
    forward = forward_record(trace, record.path)
    delta = record.extras.get("delta", record.grad_output)
    above = trace.backward[k - 1] if k > 0 else None
    upstream: list[tuple[float, float]] = []
    prediction = None
    if above is None:
        source, source_path = "loss", ""
        prediction = (float(trace.prediction[j, example]), float(trace.target[j, example]))
    else:
        source, source_path = above.type, above.path
        if above.type == "dense":
            weights = trace.state_before[f"{above.path}.W"][j]
            above_delta = above.extras.get("delta", above.grad_output)[:, example]
            upstream = [(float(w), float(d)) for w, d in zip(weights, above_delta)]
    return ChainRule(i, j, example, forward.input[i].copy(), delta[j].copy(), float(record.param_grads["W"][i, j]),
                     float(forward.extras["z"][j, example]), float(forward.output[j, example]),
                     float(record.grad_output[j, example]), source, source_path, upstream, prediction)


def _sum_of_products(pairs: list[tuple[float, float]]) -> str:
    shown = " + ".join(f"{factor(a)} × {factor(b)}" for a, b in pairs[:TERMS_SHOWN])
    if len(pairs) > TERMS_SHOWN:
        shown += " + … " + tr("({0} terms)").format(len(pairs))
    return shown


def chain_rule_html(rule: ChainRule, activation: str, loss_name: str) -> str:
    i, j, m = rule.i, rule.j, rule.example
    _, derivative = function_formulas(activation)
    one = rule.x.size == 1
    at = "" if one else f", {m}"
    rows = []
    if one:
        rows.append((f"∂L/∂W[{i}, {j}] = x[{i}] · δ[{j}] = {factor(rule.x[0])} × {factor(rule.delta[0])} "
                     f"= {number(rule.total)}", tr("backward wrote {0}").format(number(rule.entry))))
    else:
        pairs = list(zip(rule.x.tolist(), rule.delta.tolist()))
        rows.append((tr("∂L/∂W[{0}, {1}] = Σ over the {2} examples of x[{0}, m] · δ[{1}, m]").format(
            i, j, rule.x.size), ""))
        rows.append((f"= {_sum_of_products(pairs)} = {number(rule.total)}",
                     tr("backward wrote {0}").format(number(rule.entry))))
        rows.append((tr("For example {0} of the batch:").format(m), ""))
    delta_m = float(rule.delta[m])
    rows.append((f"z[{j}{at}] = {number(rule.z)},   a[{j}{at}] = g(z[{j}{at}]) = {number(rule.a)}", ""))
    rows.append((f"δ[{j}{at}] = (∂L/∂a)[{j}{at}] · g'(z[{j}{at}]) = {factor(rule.grad_a)} × g'(z[{j}{at}]) "
                 f"= {number(delta_m)}", derivative))
    if rule.grad_a != 0:
        rows.append((f"g'(z[{j}{at}]) = δ[{j}{at}] / (∂L/∂a)[{j}{at}] = {number(delta_m / rule.grad_a)}", ""))
    else:
        rows.append((tr("g'(z[{0}]) multiplies a zero: (∂L/∂a)[{0}] = 0, so δ[{0}] = 0 whatever g' is").format(
            f"{j}{at}"), ""))
    if rule.source == "loss":
        y_hat, y = rule.prediction
        rows.append((f"(∂L/∂a)[{j}{at}] = {number(rule.grad_a)}",
                     tr("from the loss: {0}, with ŷ = {1}, y = {2}").format(
                         LOSS_CLASSES[loss_name].gradient_formula, number(y_hat), number(y))))
    elif rule.upstream:
        p = rule.source_path.translate(SUBSCRIPTS)
        rows.append((f"(∂L/∂a)[{j}{at}] = Σ_k W{p}[{j}, k] · δ{p}[k{at}] = {_sum_of_products(rule.upstream)} "
                     f"= {number(rule.upstream_total)}", tr("from layer {0} above").format(rule.source_path)))
    else:
        rows.append((f"(∂L/∂a)[{j}{at}] = {number(rule.grad_a)}",
                     tr("passed down by layer {0} ({1})").format(rule.source_path, term(rule.source))))
    return lines_html(rows)
