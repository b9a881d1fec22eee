"""Exports that let a person take a project further, one module per target: a PyTorch model with its
weights and optimizer (`pytorch`, `torch_optimizer`), a standalone NumPy script (`numpy_script`) and
the metric history as CSV (`history_csv`). Both model exports take raw inputs as the data set has
them (`raw_inputs`); `common` holds what every export takes from a project."""

from playground.project.export.common import project_dataset, project_history, project_state
from playground.project.export.history_csv import export_history_csv
from playground.project.export.numpy_script import export_numpy_script
from playground.project.export.pytorch import export_pytorch
from playground.project.export.torch_optimizer import project_optimizer

__all__ = ["export_history_csv", "export_numpy_script", "export_pytorch", "project_dataset", "project_history",
           "project_optimizer", "project_state"]
