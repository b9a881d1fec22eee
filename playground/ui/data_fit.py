"""Whether a network fits its data: the loss the task takes and the outputs it needs.

Validation of a NetworkSpec knows nothing of data; these checks let the builder mark the
output layer before training would fail on the first batch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.data import Dataset
from playground.engine import LayerInfo

# The losses each task's targets work with (multi-class targets are class numbers, which
# only cross-entropy takes).
LOSSES_FOR_TASK = {"regression": ("mse",), "binary": ("binary_cross_entropy", "mse"),
                   "multiclass": ("cross_entropy",)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataFit", text)


def fitting_loss(dataset: Dataset, loss: str) -> str:
    """The loss to keep: the current one when the task takes it, else the task's own."""
    return loss if loss in LOSSES_FOR_TASK[dataset.task] else dataset.loss


def data_fit_problem(dataset: Dataset | None, infos: list[LayerInfo], loss: str) -> str | None:
    """What stops this network from training on this data, in a sentence, or None."""
    if dataset is None or not infos:
        return None
    if loss not in LOSSES_FOR_TASK[dataset.task]:
        choices = " or ".join(LOSSES_FOR_TASK[dataset.task])
        return _tr("The {0} loss does not fit {1} data: choose {2}.").format(loss, dataset.task, choices)
    last = [info for info in infos if "." not in info.path][-1]
    needed, given = dataset.outputs, last.output_size
    if given == needed:
        return None
    if dataset.task == "multiclass":
        what = _tr("The data has {0} classes, so the network needs {0} outputs").format(needed)
    elif dataset.task == "binary":
        what = _tr("Two classes take one output, the chance of the second")
    else:
        what = _tr("The data has {0} target values per example, so the network needs {0} outputs").format(needed)
    units = _tr("1 unit") if needed == 1 else _tr("{0} units").format(needed)
    return _tr("{0}; layer {1} gives {2}: give it {3}.").format(what, last.path, given, units)
