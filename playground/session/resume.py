"""A session's state out and back in: everything its next step depends on, so it repeats exactly."""

from __future__ import annotations

import copy
from typing import Any

import numpy

from playground.data import Dataset
from playground.project.bpp import Project
from playground.session.config import TrainingConfig
from playground.session.loop import Session
from playground.session.state import export_state, restore_state


def project_of(session: Session, dataset: dict[str, Any], title: str = "", view: dict[str, Any] | None = None,
               state: tuple[dict[str, Any], dict[str, numpy.ndarray]] | None = None) -> Project:
    """The session as a project file holds it: its settings and everything needed to go on.
    `state` is export_state's output when the session made it itself (between steps, while it runs)."""
    progress, arrays = state if state is not None else export_state(session)
    config = session.config
    return Project(session.spec, copy.deepcopy(session.optimizer.spec), session.batch_size, dataset, config.seed,
                   config.epochs, title, view or {}, progress, arrays, session.pace,
                   stop_at_epoch=session.stop_at_epoch)


def session_for(project: Project, dataset: Dataset, **settings: Any) -> Session:
    """A session on a project's network and data, continuing where the project left off: in the precision its
    weights were saved in (float64 for a run trained so) unless `settings` ask for another."""
    if settings.get("dtype") is None:
        saved = {array.dtype for key, array in project.arrays.items() if key.startswith("weights/")}
        settings["dtype"] = "float64" if numpy.dtype(numpy.float64) in saved else "float32"
    config = TrainingConfig(optimizer=copy.deepcopy(project.optimizer), batch_size=project.batch_size,
                            seed=project.seed, **settings)
    session = Session(project.network, dataset, config)
    if project.progress is not None:
        restore_state(session, project.progress, project.arrays)
    return session
