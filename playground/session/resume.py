"""A session's state out and back in: everything its next step depends on, so it repeats exactly."""

from __future__ import annotations

import copy
from typing import Any

import numpy

from playground.data import Dataset
from playground.errors import DataError
from playground.project.bpp import Project
from playground.session.config import TrainingConfig
from playground.session.loop import Session
from playground.session.state import export_state


def restore_state(session: Session, progress: dict[str, Any], arrays: dict[str, numpy.ndarray]) -> None:
    """Continue from export_state's output. Whatever does not fit raises DataError before anything changes."""
    net, optimizer = session.network, session.optimizer
    weights = _part(arrays, "weights/")
    optimizer_state = _part(arrays, "optimizer/")
    history = _part(arrays, "history/")
    order = arrays.get("order")
    if order is None or sorted(numpy.asarray(order).tolist()) != list(range(len(session.dataset.x_train))):
        raise DataError("The saved batch order does not match the training data: the data set has changed.")
    if set(optimizer_state) != set(optimizer.state) or any(
            optimizer_state[k].shape != optimizer.state[k].shape for k in optimizer_state):
        raise DataError("The saved optimizer state does not fit this optimizer: it was saved for another one.")
    extra = sorted(set(weights) - {f"{layer.path}.{key}" for layer in net.all_layers()
                                   for key in [*layer.params, *layer.state]})
    if extra:  # load_state_dict takes the weights it needs; one more says the file is another network's
        raise DataError(f"The saved weights hold {', '.join(extra[:3])}, which this network has not: they belong "
                        "to another network.")
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
    steps = history.pop("step", numpy.zeros(0))
    for i, step in enumerate(steps):
        session.history.append(int(step), {name: float(series[i]) for name, series in history.items()}, force=True)
    session.guard.keep_backup(session.optimizer)


def _part(arrays: dict[str, numpy.ndarray], prefix: str) -> dict[str, numpy.ndarray]:
    return {key.removeprefix(prefix): value for key, value in arrays.items() if key.startswith(prefix)}


def project_of(session: Session, dataset: dict[str, Any], title: str = "", view: dict[str, Any] | None = None,
               state: tuple[dict[str, Any], dict[str, numpy.ndarray]] | None = None) -> Project:
    """The session as a project file holds it: its settings and everything needed to go on.
    `state` is export_state's output when the session made it itself (between steps, while it runs)."""
    progress, arrays = state if state is not None else export_state(session)
    config = session.config
    return Project(session.spec, copy.deepcopy(session.optimizer.spec), session.batch_size, dataset, config.seed,
                   config.epochs, title, view or {}, progress, arrays, session.pace)


def session_for(project: Project, dataset: Dataset, **settings: Any) -> Session:
    """A session on a project's network and data, continuing where the project left off."""
    config = TrainingConfig(optimizer=copy.deepcopy(project.optimizer), batch_size=project.batch_size,
                            seed=project.seed, **settings)
    session = Session(project.network, dataset, config)
    if project.progress is not None:
        restore_state(session, project.progress, project.arrays)
    return session
