"""Whether a network fits its data: the loss the task takes and the outputs it needs.

Validation of a NetworkSpec knows nothing of data; these checks let the builder mark the
output layer before training would fail on the first batch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.data import Dataset
from playground.engine import LayerInfo


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataFit", text)


def data_fit_problem(dataset: Dataset | None, infos: list[LayerInfo], loss: str) -> str | None:
    """What stops this network from training on this data, in a sentence, or None."""
    if dataset is None or not infos:
        return None
    if loss != dataset.loss:  # each task's targets are made for one loss (see Dataset.loss)
        return _tr("The {0} loss does not fit {1} data: choose {2}.").format(loss, dataset.task, dataset.loss)
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
