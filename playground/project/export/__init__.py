"""Exports that let a person take a project further, one module per target: a PyTorch model with its
weights and optimizer (`pytorch`, `torch_optimizer`) and a script that trains it on as the app trains, also
distributed (`train_script`), an ONNX model for any runtime (`onnx_model`), a standalone NumPy script
(`numpy_script`) and the metric history as CSV (`history_csv`). The model exports take raw inputs as the data
set has them (`raw_inputs`); `common` holds what every export takes from a project."""

from playground.project.export.common import project_dataset, project_history, project_state
from playground.project.export.history_csv import export_history_csv
from playground.project.export.numpy_script import export_numpy_script
from playground.project.export.onnx_model import export_onnx
from playground.project.export.pytorch import export_pytorch, export_pytorch_project
from playground.project.export.torch_optimizer import project_optimizer
from playground.project.export.train_script import export_training_script

__all__ = ["export_history_csv", "export_numpy_script", "export_onnx", "export_pytorch", "export_pytorch_project",
           "export_training_script", "project_dataset", "project_history", "project_optimizer", "project_state"]
