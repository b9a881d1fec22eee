"""Whether a lesson tells the truth: each step's claim, checked by training its setup headless.

A setup (the lesson's preset with the changes made so far) trains for the epochs its check names, at
the lesson's seed, as the window would train it; then its network is measured, deterministically:

- the losses and accuracies over the whole splits, in evaluation mode ("loss_gap" is the test loss
  less the training loss);
- each weighted layer's gradient norm ‖∂L/∂W‖ on the session's fixed training sample (up to 1,000
  examples, as the snapshots measure), so that a claim does not hang on one batch;
- each layer's update ratio ‖ΔW‖ / ‖W‖ of one more optimizer step on that gradient.

Training is deterministic for a seed, so a claim holds or fails the same way every time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy

from playground.data import Dataset, load_dataset
from playground.project.lessons import Check, Lesson, setups_of
from playground.project.presets import Preset
from playground.session.config import TrainingConfig
from playground.session.loop import Session
from playground.session.statistics import WEIGHTS, predicted_classes, true_classes
from playground.session.step_norms import update_ratios


@dataclass
class Outcome:
    """What a setup's training came to."""

    diverged: bool
    metrics: dict[str, float | None]  # train_loss, test_loss, train_accuracy, test_accuracy, loss_gap
    grad_norms: dict[str, float] = field(default_factory=dict)  # by layer path: ‖∂L/∂W‖ (or K)
    update_ratios: dict[str, float] = field(default_factory=dict)  # by layer path: ‖ΔW‖ / ‖W‖


@dataclass
class StepResult:
    step: int  # from 1
    check: Check
    holds: bool
    observed: str  # what was measured, in words


def train_outcome(preset: Preset, dataset: Dataset, epochs: int, seed: int) -> Outcome:
    """Train `preset`'s network on `dataset` for `epochs` at `seed`, then measure it."""
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=epochs, seed=seed,
                            details=False, blas_threads=1)
    session = Session(preset.network, dataset, config)
    diverged = False
    for snapshot in session.run():
        if snapshot.state == "diverged":  # training pauses there with finite weights: measure those
            diverged = True
            session.control.stop()
    return _measured(session, diverged)


def _measured(session: Session, diverged: bool) -> Outcome:
    net, data, optimizer = session.network, session.dataset, session.optimizer
    metrics = {}
    for split, x, y in (("train", data.x_train, data.y_train), ("test", data.x_test, data.y_test)):
        metrics[f"{split}_loss"] = float(net.evaluate(x, y))
        metrics[f"{split}_accuracy"] = None if data.task == "regression" else float(numpy.mean(
            predicted_classes(data.task, net.predict(x)) == true_classes(data.task, y)))
    metrics["loss_gap"] = metrics["test_loss"] - metrics["train_loss"]
    pick = session.measurements.train_sample.pick
    net.forward_backward(net.make_batch(data.x_train[pick], data.y_train[pick]), True)
    optimizer.step()
    grads, ratios = net.parameter_norms(net.grad), update_ratios(net, optimizer)  # as the history measures a step
    weights = [name for name in grads if name.rpartition(".")[2] in WEIGHTS]
    return Outcome(diverged, metrics, {name.rpartition(".")[0]: grads[name] for name in weights},
                   {name.rpartition(".")[0]: ratios[name] for name in weights})


def _bounded(value: float | None, settings: dict) -> bool:
    if value is None or not math.isfinite(value):
        return False
    return value < settings.get("below", math.inf) and value > settings.get("above", -math.inf)


def _number(value: float | None) -> str:
    return "none" if value is None else f"{value:.3g}"


def _bounds(settings: dict) -> str:
    return " and ".join(f"{bound} {settings[bound]:g}" for bound in ("below", "above") if bound in settings)


def evaluate(check: Check, now: Outcome, before: Outcome | None = None) -> tuple[bool, str]:
    """Whether `check` holds of `now` (and `before`, the setup before the last change), and what was measured."""
    settings = check.settings
    if check.kind == "diverges":
        return now.diverged, "diverged" if now.diverged else "stayed finite"
    if now.diverged:
        return False, "training diverged"
    if check.kind == "grad_norm_ratio":
        first, last = settings["layers"]
        value = now.grad_norms[first] / now.grad_norms[last] if now.grad_norms[last] else math.nan
        return _bounded(value, settings), f"‖∂L/∂W‖ of layer {first} / layer {last} = {value:.3g} " \
                                          f"(asked: {_bounds(settings)})"
    if check.kind == "update_ratio":
        value = now.update_ratios[settings["layer"]]
        return _bounded(value, settings), f"update ratio of layer {settings['layer']} = {value:.3g} " \
                                          f"(asked: {_bounds(settings)})"
    metric = settings["metric"]
    value = now.metrics[metric]
    if check.kind == "metric":
        return _bounded(value, settings), f"{metric} = {_number(value)} (asked: {_bounds(settings)})"
    old = before.metrics[metric]
    holds = value is not None and old is not None and (value < old if settings["now"] == "lower" else value > old)
    return holds, f"{metric} {_number(value)} now, {_number(old)} before (asked: {settings['now']})"


def play_lesson(lesson: Lesson, dataset_for: Callable[[dict], Dataset] = load_dataset) -> list[StepResult]:
    """Every step's claim, checked; trainings the steps share (a setup and its epochs) run once."""
    outcomes: dict[str, Outcome] = {}
    datasets: dict[str, Dataset] = {}

    def outcome(preset: Preset, epochs: int) -> Outcome:
        data_key = json.dumps(preset.dataset, sort_keys=True)
        if data_key not in datasets:
            datasets[data_key] = dataset_for(preset.dataset)
        key = json.dumps([preset.network.to_dict(), preset.optimizer.to_dict(), preset.batch_size, data_key, epochs])
        if key not in outcomes:
            outcomes[key] = train_outcome(preset, datasets[data_key], epochs, lesson.seed)
        return outcomes[key]

    results = []
    for index, (step, (now, before)) in enumerate(zip(lesson.steps, setups_of(lesson))):
        epochs = step.check.after_epochs
        earlier = outcome(before, epochs) if step.check.kind == "versus_before" else None
        holds, observed = evaluate(step.check, outcome(now, epochs), earlier)
        results.append(StepResult(index + 1, step.check, holds, observed))
    return results
