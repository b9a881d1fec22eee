"""The .bpp project file: a zip of project.json, weights and optimizer state, and history.

    project.json   format version, network spec, training settings, dataset config, view
                   state, and the training progress (step, epoch, random states)
    weights.npz    parameters and running statistics by stable name ("1.W", "3.running_mean")
    optimizer.npz  the optimizer's state ("velocity", "exp_avg", ...) and the epoch's batch order
    history.npz    the metric history, one array per series

Arrays are read with allow_pickle=False.
Opening checks everything before anything is used and raises FileFormatError with one
sentence; writing goes to a temporary file that is renamed into place.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

from playground.data import DatasetConfig
from playground.engine import NetworkSpec, OptimizerSpec
from playground.errors import FileFormatError, PlaygroundError

FORMAT_VERSION = 1
# Array members and the prefix their arrays carry in Project.arrays ("" for the batch order).
ARRAY_MEMBERS = {"weights.npz": "weights/", "optimizer.npz": "optimizer/", "history.npz": "history/"}
MEMBERS = {"project.json", *ARRAY_MEMBERS}
MAX_JSON_BYTES = 16 * 2**20
MAX_STATE_BYTES = 2 * 2**30  # unpacked, all members together; a zip bomb stops here unopened
PROGRESS_FIELDS = {"step": int, "epoch": int, "samples": int, "position": int, "batch_size": int,
                   "optimizer_steps": int, "learning_rate": float, "l1": float, "l2": float,
                   "epoch_loss_sum": float, "epoch_steps": int}


@dataclass
class Project:
    network: NetworkSpec
    optimizer: OptimizerSpec
    batch_size: int
    dataset: dict[str, Any]
    seed: int = 0
    epochs: int | None = None
    title: str = ""
    view: dict[str, Any] = field(default_factory=dict)
    progress: dict[str, Any] | None = None  # None: not trained yet
    arrays: dict[str, numpy.ndarray] = field(default_factory=dict)


def save_project(project: Project, path: str | Path) -> None:
    path = Path(path)
    document = {
        "format": FORMAT_VERSION, "title": project.title, "network": project.network.to_dict(),
        "training": {"optimizer": project.optimizer.to_dict(), "batch_size": project.batch_size,
                     "epochs": project.epochs, "seed": project.seed},
        "dataset": project.dataset, "view": project.view, "progress": project.progress}
    members = {}
    for member, prefix in ARRAY_MEMBERS.items():
        chosen = {k.removeprefix(prefix): v for k, v in project.arrays.items() if k.startswith(prefix)}
        if member == "optimizer.npz":
            chosen.update({k: v for k, v in project.arrays.items() if "/" not in k})
        buffer = io.BytesIO()
        numpy.savez(buffer, **chosen)
        members[member] = buffer.getvalue()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise PlaygroundError(f"Cannot write to {path.parent} ({error.strerror}): choose another folder.") from None
    try:
        with os.fdopen(handle, "wb") as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.json", json.dumps(document, indent=2))
            for member, data in members.items():
                archive.writestr(member, data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise PlaygroundError(f"Cannot save {path.name} ({error.strerror}): choose another place.") from None
        raise


def load_project(path: str | Path) -> Project:
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            unknown = sorted(set(infos) - MEMBERS)
            if unknown:
                raise FileFormatError(f"{path.name} holds {unknown[0]!r}, which a project file never has: it is "
                                      "not a Backprop Playground project.")
            if "project.json" not in infos:
                raise FileFormatError(f"{path.name} has no project.json: it is not a Backprop Playground project.")
            if infos["project.json"].file_size > MAX_JSON_BYTES:
                raise FileFormatError(f"{path.name}: project.json would unpack to {infos['project.json'].file_size:,}"
                                      f" bytes, more than the {MAX_JSON_BYTES:,} it may hold; it is refused unopened.")
            unpacked = sum(infos[m].file_size for m in ARRAY_MEMBERS if m in infos)
            if unpacked > MAX_STATE_BYTES:
                raise FileFormatError(f"{path.name}: its arrays would unpack to {unpacked:,} bytes, more than the "
                                      f"{MAX_STATE_BYTES:,} a project may hold; it is refused unopened.")
            document = _read_json(archive.read("project.json"), path.name)
            arrays = {}
            for member, prefix in ARRAY_MEMBERS.items():
                if member in infos:
                    for key, value in _read_arrays(archive.read(member), f"{path.name}: {member}").items():
                        arrays[key if (member == "optimizer.npz" and key == "order") else prefix + key] = value
    except FileNotFoundError:
        raise FileFormatError(f"There is no file {path}: check the path.") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise FileFormatError(f"{path.name} is not a readable project file ({error}): it may be damaged or "
                              "truncated.") from None
    return _project(document, arrays, path.name)


def _read_json(raw: bytes, name: str) -> dict[str, Any]:
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FileFormatError(f"{name}: project.json is not valid JSON ({error}).") from None
    if not isinstance(document, dict):
        raise FileFormatError(f"{name}: project.json must hold an object.")
    version = document.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileFormatError(f"{name}: project.json has no format version: it is not a project file.")
    if version > FORMAT_VERSION:
        raise FileFormatError(f"{name} was saved by a newer Backprop Playground (format {version}): update the "
                              "app to open it.")
    return document


def _read_arrays(raw: bytes, name: str) -> dict[str, numpy.ndarray]:
    try:
        with numpy.load(io.BytesIO(raw), allow_pickle=False) as stored:
            return {key: stored[key] for key in stored.files}
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        raise FileFormatError(f"{name} cannot be read ({error}); pickled or damaged arrays are refused.") from None


def _project(document: dict[str, Any], arrays: dict[str, numpy.ndarray], name: str) -> Project:
    training = document.get("training")
    if not isinstance(training, dict):
        raise FileFormatError(f"{name}: project.json lacks its training settings.")
    try:
        network = NetworkSpec.from_dict(document.get("network"))
        optimizer = OptimizerSpec.from_dict(training.get("optimizer", {}))
        dataset = DatasetConfig.from_dict(document.get("dataset")).to_dict()
        batch_size, epochs, seed = training.get("batch_size"), training.get("epochs"), training.get("seed", 0)
        for what, value, optional in (("batch size", batch_size, False), ("epochs", epochs, True),
                                      ("seed", seed, False)):
            if not (optional and value is None) and (not isinstance(value, int) or isinstance(value, bool)
                                                    or value < (0 if what == "seed" else 1)):
                raise FileFormatError(f"the {what} must be a whole number")
    except PlaygroundError as error:
        raise FileFormatError(f"{name} cannot be opened: {error}") from None
    progress = document.get("progress")
    if progress is not None:
        _check_progress(progress, name)
    view = document.get("view") or {}
    if not isinstance(view, dict):
        raise FileFormatError(f"{name}: the view state must be an object.")
    return Project(network, optimizer, batch_size, dataset, seed, epochs, str(document.get("title", "")), view,
                   progress, arrays)


def _check_progress(progress: Any, name: str) -> None:
    if not isinstance(progress, dict):
        raise FileFormatError(f"{name}: the training progress must be an object.")
    for key, kind in PROGRESS_FIELDS.items():
        value = progress.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int):
            raise FileFormatError(f"{name}: the training progress lacks a valid {key}.")
    for key in ("shuffle_rng", "dropout_rng"):
        if key in progress or key == "shuffle_rng":
            try:
                numpy.random.default_rng().bit_generator.state = progress.get(key)
            except (TypeError, ValueError, KeyError):
                raise FileFormatError(f"{name}: the saved random state {key} is damaged.") from None
