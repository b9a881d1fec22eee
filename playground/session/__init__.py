"""The training loop as a plain generator, and what it reports. No Qt here."""

from playground.session.config import Control, TrainingConfig
from playground.session.history import History
from playground.session.loop import Session
from playground.session.resume import export_state, project_of, restore_state, session_for
from playground.session.snapshot import EpochReport, RegressionFit, Snapshot
from playground.session.snapshot_measures import gallery_examples
from playground.session.statistics import ClassificationReport, LayerStats

__all__ = ["ClassificationReport", "Control", "EpochReport", "History", "LayerStats", "RegressionFit",
           "Session", "Snapshot", "TrainingConfig", "export_state", "gallery_examples", "project_of", "restore_state",
           "session_for"]
