"""What every export needs from a project: its checked weights, its data again and its history, and
a way to write a file that says why when it cannot.

Every exporter writes readable text a person can open, and raises PlaygroundError with a fix for
anything the person can cause (no PyTorch, weights of another network, a place that cannot be written).
"""

from __future__ import annotations

from pathlib import Path

import numpy

from playground.data import Dataset, load_dataset
from playground.data.images import Progress
from playground.engine import Network, NetworkSpec
from playground.engine.activations import make_activation
from playground.errors import DataError, PlaygroundError
from playground.project.bpp import Project
from playground.words import tr


def checked_state(network: NetworkSpec, state: dict[str, numpy.ndarray]) -> dict[str, numpy.ndarray]:
    """The state as NumPy arrays, after checking it holds every parameter and running statistic of the
    network with the right shape (DataError names the first one that does not fit)."""
    # The engine knows each layer's names and shapes: loading into a throwaway network checks them all.
    Network(network, seed=0).load_state_dict(state)
    return {name: numpy.asarray(value) for name, value in state.items()}


def activation_alpha(function: str, alpha: float | None) -> float | None:
    """The alpha a leaky_relu or elu uses: the layer's own, or the engine's default for the function."""
    return make_activation(function, alpha).alpha


def write_file(path: Path, data: str | bytes) -> None:
    """Write a whole file, or raise PlaygroundError saying why it cannot be written."""
    if path.is_dir():
        raise PlaygroundError(tr("{0} is a folder: give the name of a file to write.").format(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as error:
        raise PlaygroundError(tr("Cannot write {0} ({1}): choose another place.").format(
            path, error.strerror or error)) from None


def project_state(project: Project) -> dict[str, numpy.ndarray]:
    """A project's weights and running statistics; for a project not trained yet, the ones its first
    training step would start from (the network built from its seed, as a session builds it)."""
    weights = {k.removeprefix("weights/"): v for k, v in project.arrays.items() if k.startswith("weights/")}
    return weights or Network(project.network, seed=project.seed).state_dict()


def project_dataset(project: Project, progress: Progress | None = None) -> Dataset:
    """The project's data, loaded again from its settings (seed, split and subset give the same statistics),
    for the preprocessing its exports carry."""
    try:
        return load_dataset(project.dataset, progress)
    except DataError as error:
        raise PlaygroundError(tr("Exporting needs the project's data, to carry how the app prepared them: {0}")
                              .format(error)) from None


def project_history(project: Project) -> dict[str, numpy.ndarray]:
    history = {k.removeprefix("history/"): v for k, v in project.arrays.items() if k.startswith("history/")}
    if "step" not in history:
        raise PlaygroundError(tr("This project has no metric history yet: train it first."))
    return history
