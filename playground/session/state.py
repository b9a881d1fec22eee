"""A session's state out, for project files, and back in: everything its next step depends on.

Kept apart from resume.py so that the session itself can export between steps (for a save
or an autosave while it trains), and restore (to go on on another backend), without importing
what builds sessions.
"""

from __future__ import annotations

from typing import Any

import numpy

from playground.errors import DataError
from playground.project.bpp import GRADIENT
from playground.words import listed, tr


def export_state(session: Any) -> tuple[dict[str, Any], dict[str, numpy.ndarray]]:
    """(JSON-able progress, arrays): weights, optimizer state, batch order, random states, history, and the last
    step's gradient once a step computed one."""
    net, optimizer, at = session.network, session.optimizer, session.at
    progress: dict[str, Any] = {
        "step": at.step, "epoch": at.epoch, "samples": at.samples, "position": at.position,
        "batch_size": session.batch_size, "optimizer_steps": optimizer.step_count,
        "schedule_start": optimizer.schedule_start,
        "learning_rate": optimizer.spec.learning_rate, "l1": optimizer.spec.l1, "l2": optimizer.spec.l2,
        "epoch_loss_sum": session._epoch_loss_sum, "epoch_steps": session._epoch_steps,
        "shuffle_rng": at.rng.bit_generator.state}
    if net.xp is numpy:  # CuPy's generator state cannot be saved: dropout masks then differ after a resume
        progress["dropout_rng"] = net.rng.bit_generator.state
    arrays = {f"weights/{k}": v for k, v in net.state_dict().items()}
    arrays.update({f"optimizer/{k}": net.backend.to_numpy(v) for k, v in optimizer.state.items()})
    arrays["order"] = numpy.asarray(at.order)
    arrays.update({f"history/{k}": v for k, v in session.history.arrays(undone=False).items()})
    # The last step's gradient: not needed by the next step, but what a run brought back (an Undo, another backend,
    # a project opened) shows at once: the blocks' colours, the Inspector, the Gradients tab. A step held in the
    # stepper is not applied: its gradient is not the last step's.
    gradient, known = session.held_step.applied_gradient()
    if known:
        arrays[GRADIENT] = net.backend.to_numpy(gradient)
    return progress, arrays


def restore_state(session: Any, progress: dict[str, Any], arrays: dict[str, numpy.ndarray]) -> None:
    """Continue from export_state's output. Whatever does not fit raises DataError before anything changes."""
    net, optimizer = session.network, session.optimizer
    weights = _part(arrays, "weights/")
    optimizer_state = _part(arrays, "optimizer/")
    gradient = arrays.get(GRADIENT)
    history = _part(arrays, "history/")
    order = arrays.get("order")
    if order is None or sorted(numpy.asarray(order).tolist()) != list(range(len(session.dataset.x_train))):
        raise DataError(tr("The saved batch order does not match the training data: the data set has changed."))
    if set(optimizer_state) != set(optimizer.state) or any(
            optimizer_state[k].shape != optimizer.state[k].shape for k in optimizer_state):
        raise DataError(tr("The saved optimizer state does not fit this optimizer: it was saved for another one."))
    if gradient is not None and gradient.shape != net.grad.shape:
        raise DataError(tr("The saved gradient has {0:,} numbers, but this network has {1:,} parameters: it belongs "
                           "to another network.").format(gradient.size, net.grad.size))
    extra = sorted(set(weights) - {f"{layer.path}.{key}" for layer in net.all_layers()
                                   for key in [*layer.params, *layer.state]})
    if extra:  # load_state_dict takes the weights it needs; one more says the file is another network's
        raise DataError(tr("The saved weights hold {0}, which this network has not: they belong to another "
                           "network.").format(listed(extra[:3])))
    net.load_state_dict(weights)  # checks every name and shape before writing any
    for key, value in optimizer_state.items():
        optimizer.state[key][...] = net.xp.asarray(value)
    optimizer.step_count = int(progress["optimizer_steps"])
    optimizer.schedule_start = int(progress.get("schedule_start", 0))  # files from before it was saved: 0
    optimizer.spec.learning_rate = float(progress["learning_rate"])
    optimizer.spec.l1, optimizer.spec.l2 = float(progress["l1"]), float(progress["l2"])
    session.batch_size = int(progress["batch_size"])
    at = session.at
    at.step, at.epoch, at.samples = (int(progress[k]) for k in ("step", "epoch", "samples"))
    at.position, at.order = int(progress["position"]), numpy.asarray(order, dtype=numpy.int64)
    session._epoch_loss_sum, session._epoch_steps = float(progress["epoch_loss_sum"]), int(progress["epoch_steps"])
    at.rng.bit_generator.state = progress["shuffle_rng"]
    if "dropout_rng" in progress and net.xp is numpy:
        net.rng.bit_generator.state = progress["dropout_rng"]
    if gradient is not None:
        net.grad[...] = net.xp.asarray(gradient)
        session.measurements.gradient_known = True
    steps = history.pop("step", numpy.zeros(0))
    for i, step in enumerate(steps):
        session.history.append(int(step), {name: float(series[i]) for name, series in history.items()}, force=True)
    session.guard.keep_backup(session.optimizer)


def _part(arrays: dict[str, numpy.ndarray], prefix: str) -> dict[str, numpy.ndarray]:
    return {key.removeprefix(prefix): value for key, value in arrays.items() if key.startswith(prefix)}
