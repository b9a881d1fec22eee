"""The .bpp project file: a zip of project.json, weights and optimizer state, and history.

    project.json   format version, network spec, training settings, dataset config, view
                   state, and the training progress (step, epoch, random states)
    weights.npz    parameters and running statistics by stable name ("1.W", "3.running_mean")
    optimizer.npz  the optimizer's state ("velocity", "exp_avg", ...) and the epoch's batch order
    history.npz    the metric history, one array per series
    runs.npz       the histories of the runs kept for comparison (runs.py), when there are any

Opening checks everything before anything is used and raises FileFormatError with one
sentence. Arrays are read by hand, not by numpy.load: each header is checked first (numbers
only, never pickles, no more data than the member holds), so a damaged or hostile file can
neither run code nor make the loader unpack more than MAX_STATE_BYTES.

Writing goes to a temporary ".<name>.<random>.part" beside the file that is renamed into
place, so a process killed mid-save leaves the old file whole. The .part it leaves is hidden,
never ends in .bpp, and is removed by a later save of the same file once it is an hour old. The saved file keeps the
mode of the file it replaces, and a new one gets the umask's (0644 under 022), as an editor's save gives.
"""

from __future__ import annotations

import ast
import glob
import io
import json
import math
import os
import re
import secrets
import stat
import time
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy

from playground.data import DatasetConfig
from playground.data.reading import NotAFile, open_regular
from playground.engine import NetworkSpec, OptimizerSpec
from playground.errors import FileFormatError, PlaygroundError
from playground.project.lessons import LessonPlace
from playground.project.runs import KeptRun, read_run_kept_as, read_runs, runs_arrays, runs_document
from playground.words import listed, tr

# 2 adds kept runs, 3 the last step's gradient; a file is written in the lowest format that holds what it has, so
# that older versions open a file without them.
FORMAT_VERSION = 3
# Array members and the prefix their arrays carry in Project.arrays ("" for the batch order); runs.npz's
# arrays go to Project.runs. gradient.npz holds the last step's gradient, which the views show (GRADIENT, as
# session/state.py exports it): written only once a step has computed one.
ARRAY_MEMBERS = {"weights.npz": "weights/", "optimizer.npz": "optimizer/", "history.npz": "history/",
                 "runs.npz": "runs/", "gradient.npz": "gradient/"}
GRADIENT = "gradient/last_step"
OPTIONAL_MEMBERS = {"runs.npz", "gradient.npz"}  # written only when the project has what they hold
HISTORIES = ("history.npz", "runs.npz")
TRAINED_MEMBERS = ("weights.npz", "optimizer.npz", "history.npz")  # always written; a trained project needs them
MEMBERS = {"project.json", *ARRAY_MEMBERS}
MAX_JSON_BYTES = 16 * 2**20
MAX_STATE_BYTES = 2 * 2**30  # unpacked, all members together; a zip bomb stops here unopened
PACKINGS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
READ_CHUNK = 2**20
NUMBER_DESCR = re.compile(r"[<>|=]?[fiu][0-9]{1,2}")  # integers and reals as .npy headers name them: "<f4", "|u1"
NPY_MAGIC = b"\x93NUMPY"
MAX_NPY_HEADER = 10_000  # as numpy.load allows
# What reading a damaged archive raises; NotImplementedError is zipfile's for features it lacks (strong
# encryption, patched data, a newer zip version), which a project file never uses.
UNREADABLE = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError, ValueError)
STALE_PART_S = 3600  # a save takes seconds: a .part this old was left by a process that died mid-save
# The training progress: whole numbers with the least each may be, and real numbers.
PROGRESS_COUNTS = {"step": 0, "epoch": 0, "samples": 0, "position": 0, "batch_size": 1, "optimizer_steps": 0,
                   "epoch_steps": 0}
PROGRESS_REALS = ("learning_rate", "l1", "l2", "epoch_loss_sum")
# Resuming puts each history series into a column of this many float64s (session.history.CAPACITY), which a
# saved series never fills; the series are the metrics below and one gradient norm and update ratio per saved
# weight.
HISTORY_POINTS = 2000
# A random state's 128-bit numbers have 39 digits; longer ones overflow the float conversions checks make.
MAX_INT_DIGITS = 40
HISTORY_METRICS = 16
PACES = ("step", "10 steps", "100 steps", "epoch", "full")  # a window's training speed: see session.config
LAST_EPOCH_TO_STOP_AT = 1_000_000  # the window's goal: a run this long takes days even for the smallest network
WEIGHTS_DTYPE = numpy.float32  # what the network holds its weights in, and so what finiteness means for them
LESSON_NAME_CHARACTERS = 100  # a lesson's name is its file's stem, a few words at most
PARAMETER_NAME_CHARACTERS = 100  # a parameter's stable name, "4.2.W": a path of at most 8 levels and a name
MAX_PICKED = 1000  # weights picked in the stepper, one per parameter: far more parameters than a network shows


@dataclass(frozen=True)
class StepperPlace:
    """Where the stepper was in the step the session held (traced, not applied) when the project was saved: the
    step traced on training example `example` (None: on the next mini-batch), the phase shown (counted from 0), the
    parameter its update phase follows ("2.W"; None: the first), the weight picked in each parameter,
    {"1.W": (row, column)} as the heatmaps draw it, and the cell picked in each phase of a layer on images, by
    (layer path, "forward" | "backward"): {("1", "forward"): (filter, row, column)}, and the part of the heatmaps of
    each shape zoomed to, {(rows, columns): (x, y, width, height)} in cells. The step itself is traced again from the
    saved state, which is the state before it."""

    example: int | None
    phase: int
    follows: str | None = None
    picked: dict[str, tuple[int, int]] = field(default_factory=dict)
    cells: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)
    zoom: dict[tuple[int, int], tuple[float, float, float, float]] = field(default_factory=dict)


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
    pace: str = "full"  # how much training each frame of the window shows (session.config.PACES)
    runs: list[KeptRun] = field(default_factory=list)  # kept for comparison
    run_kept_as: int | None = None  # the index in runs of the kept run that this project's run is (None: none)
    stop_at_epoch: int | None = None  # where the window pauses training by itself (None: until paused)
    lesson: LessonPlace | None = None  # the lesson the window showed, and where in it (None: none)
    stepper: StepperPlace | None = None  # the step the stepper showed, held and not applied (None: none)


def save_project(project: Project, path: str | Path) -> None:
    path = Path(path)
    document = {
        "format": _format(project), "title": project.title, "network": project.network.to_dict(),
        "training": {"optimizer": project.optimizer.to_dict(), "batch_size": project.batch_size,
                     "epochs": project.epochs, "seed": project.seed, "pace": project.pace,
                     "stop_at_epoch": project.stop_at_epoch},
        "dataset": project.dataset, "view": project.view, "progress": project.progress}
    if project.runs:
        document["runs"] = runs_document(project.runs)
    if project.run_kept_as is not None:  # older versions read no "run_kept_as", and keep that run again as a new one
        document["run_kept_as"] = project.run_kept_as
    if project.lesson is not None:  # older versions read no "lesson", and open the project without it
        place = project.lesson
        document["lesson"] = {"name": place.name, "step": place.step, "made": list(place.made)}
    if project.stepper is not None:  # as "lesson": older versions read no "stepper", and open the project at its step
        held = project.stepper
        document["stepper"] = {"example": held.example, "phase": held.phase, "follows": held.follows,
                               "picked": {name: list(pick) for name, pick in held.picked.items()}}
        if held.cells:  # versions before it read no "cells", and open the step at the cells it moves most
            cells: dict[str, dict[str, list[int]]] = {}
            for (layer, direction), cell in held.cells.items():
                cells.setdefault(direction, {})[layer] = list(cell)
            document["stepper"]["cells"] = cells
        if held.zoom:  # versions before it read no "zoom", and open the heatmaps whole
            document["stepper"]["zoom"] = [{"shape": list(shape), "region": list(region)}
                                           for shape, region in held.zoom.items()]
    members = {}
    for member, prefix in ARRAY_MEMBERS.items():
        chosen = {k.removeprefix(prefix): v for k, v in project.arrays.items() if k.startswith(prefix)}
        if member in OPTIONAL_MEMBERS and not (chosen or member == "runs.npz" and project.runs):
            continue
        if member == "runs.npz":
            chosen = runs_arrays(project.runs)
        if member == "optimizer.npz":
            chosen.update({k: v for k, v in project.arrays.items() if "/" not in k})
        buffer = io.BytesIO()
        numpy.savez(buffer, **chosen)
        members[member] = buffer.getvalue()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.part"
        # Made as open() makes a file, not as mkstemp (0600, which nobody else could read once it is renamed).
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as error:
        raise PlaygroundError(tr("Cannot write to {0} ({1}): choose another folder.").format(
            path.parent, error.strerror)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            if path.exists():  # a save keeps the file's mode
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
            with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("project.json", json.dumps(document, indent=2))
                for member, data in members.items():
                    archive.writestr(member, data)
            # After the archive closes, so that the directory it writes last is on disk too.
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise PlaygroundError(tr("Cannot save {0} ({1}): choose another place.").format(
                path.name, error.strerror)) from None
        raise
    _remove_stale_parts(path)


def _format(project: Project) -> int:
    """The lowest format that holds what `project` has: older versions open it."""
    if GRADIENT in project.arrays:
        return FORMAT_VERSION
    return 2 if project.runs else 1


def _remove_stale_parts(path: Path) -> None:
    """Delete what saves of this file killed mid-write left behind; a recent one may be a save
    still running in another process, so it stays."""
    now = time.time()
    for part in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
        try:
            if now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
        except OSError:  # removed by another save meanwhile, or not ours to remove: the save itself succeeded
            continue


def load_project(path: str | Path) -> Project:
    path = Path(path)
    try:
        with open_regular(path) as stream, zipfile.ZipFile(stream) as archive:
            infos = _members(archive, path.name)
            document = _read_json(_unpack(archive, infos["project.json"]), path.name)
            _check_trained_members(document, infos, path.name)
            arrays: dict[str, numpy.ndarray] = {}
            for member, prefix in ARRAY_MEMBERS.items():
                if member in infos:
                    budget = MAX_STATE_BYTES - sum(array.nbytes for array in arrays.values())
                    raw = _unpack(archive, infos[member])
                    # A history series costs its column when resumed, however short it is in the file.
                    per_array, longest = (HISTORY_POINTS * 8, HISTORY_POINTS) if member in HISTORIES else (0, None)
                    for key, value in _read_arrays(raw, f"{path.name}: {member}", budget, per_array, longest).items():
                        arrays[key if (member == "optimizer.npz" and key == "order") else prefix + key] = value
    except FileNotFoundError:
        raise FileFormatError(tr("There is no file {0}: check the path.").format(path)) from None
    except (IsADirectoryError, PermissionError, NotAFile) as error:
        raise FileFormatError(tr("Cannot read {0} ({1}): choose a project file you may read.").format(
            path, error.strerror)) from None
    except UNREADABLE as error:
        raise FileFormatError(tr("{0} is not a readable project file ({1}): it may be damaged or truncated.").format(
            path.name, error)) from None
    _check_arrays(arrays, path.name)
    project = _project(document, {k: v for k, v in arrays.items() if not k.startswith("runs/")}, path.name)
    project.runs = read_runs(document.get("runs"), {k.removeprefix("runs/"): v for k, v in arrays.items()
                                                     if k.startswith("runs/")}, path.name)
    project.run_kept_as = read_run_kept_as(document.get("run_kept_as"), project.runs, path.name)
    return project


def _members(archive: zipfile.ZipFile, where: str) -> dict[str, zipfile.ZipInfo]:
    """The members by name, each checked safe to unpack; nothing is unpacked yet."""
    listed = archive.infolist()
    unknown = sorted({info.filename for info in listed} - MEMBERS)
    if unknown:
        raise FileFormatError(tr("{0} holds {1!r}, which a project file never has: it is not a Backprop Playground "
                                 "project.").format(where, unknown[0]))
    infos: dict[str, zipfile.ZipInfo] = {}
    for info in listed:
        # Readers disagree on which of two same-named members counts: refuse rather than pick one.
        if info.filename in infos:
            raise FileFormatError(tr("{0} holds {1} twice: it has been damaged or tampered with.").format(
                where, info.filename))
        problem = _packing_problem(info)
        if problem:
            raise FileFormatError(tr("{0}: {1}.").format(where, problem))
        infos[info.filename] = info
    if "project.json" not in infos:
        raise FileFormatError(tr("{0} has no project.json: it is not a Backprop Playground project.").format(where))
    if infos["project.json"].file_size > MAX_JSON_BYTES:
        raise FileFormatError(tr("{0}: project.json would unpack to {1:,} bytes, more than the {2:,} it may hold; it "
                                 "is refused unopened.").format(where, infos["project.json"].file_size, MAX_JSON_BYTES))
    unpacked = sum(infos[m].file_size for m in ARRAY_MEMBERS if m in infos)
    if unpacked > MAX_STATE_BYTES:
        raise FileFormatError(tr("{0}: its arrays would unpack to {1:,} bytes, more than the {2:,} a project may hold; "
                                 "it is refused unopened.").format(where, unpacked, MAX_STATE_BYTES))
    return infos


def _check_trained_members(document: dict[str, Any], infos: dict[str, zipfile.ZipInfo], name: str) -> None:
    """A trained project's file holds its weights, optimizer state and history (an untrained one's may lack them):
    without one, a later check would blame something else, such as data that changed."""
    if document.get("progress") is None:
        return
    for member in TRAINED_MEMBERS:
        if member not in infos:
            raise FileFormatError(tr("{0} has no {1}, which the file of a trained project always holds: the file is "
                                     "damaged.").format(name, member))


def _packing_problem(info: zipfile.ZipInfo) -> str | None:
    """What makes a member unsafe to unpack, if anything."""
    if info.flag_bits & 0x1:
        return tr("{0} is encrypted, which a project file never is").format(info.filename)
    # Only these two stop unpacking at the size the zip states (see _unpack); bzip2 and LZMA would not.
    if info.compress_type not in PACKINGS:
        return tr("{0} is packed with compression method {1}, which a project never uses").format(
            info.filename, info.compress_type)
    return None


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytearray:
    """A member's bytes. zipfile stops at the size the directory states and then checks the CRC,
    so a member that lies about its size is damaged, not a bomb; reading in chunks keeps each
    inflation step small."""
    with archive.open(info) as stream:
        return _read_exactly(stream, info.file_size, info.filename)


def _read_exactly(stream: IO[bytes], count: int, what: str) -> bytearray:
    # Grown as data arrives, never allocated from a stated size up front: sizes in a file can lie.
    data = bytearray()
    while len(data) < count:
        chunk = stream.read(min(READ_CHUNK, count - len(data)))
        if not chunk:
            raise EOFError(tr("{0} is truncated: it holds {1:,} of its {2:,} bytes").format(what, len(data), count))
        data += chunk
    return data


class _HugeNumber(Exception):
    """A whole number with more digits than any field of a project has (see MAX_INT_DIGITS)."""


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _HugeNumber(len(text.lstrip("-")))
    return int(text)


def _read_json(raw: bytes, name: str) -> dict[str, Any]:
    try:
        document = json.loads(raw.decode("utf-8"), parse_int=_whole_number)
    except _HugeNumber as digits:
        raise FileFormatError(tr("{0}: project.json holds a whole number of {1} digits, more than any setting has: "
                                 "the file is damaged.").format(name, digits)) from None
    except ValueError as error:  # not UTF-8, not JSON, or a number with thousands of digits
        raise FileFormatError(tr("{0}: project.json is not valid JSON ({1}).").format(name, error)) from None
    except RecursionError:
        raise FileFormatError(tr("{0}: project.json is nested too deeply to be a project.").format(name)) \
            from None
    if not isinstance(document, dict):
        raise FileFormatError(tr("{0}: project.json must hold an object.").format(name))
    version = document.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileFormatError(tr("{0}: project.json has no format version: it is not a project file.").format(
            name))
    if version > FORMAT_VERSION:
        raise FileFormatError(tr("{0} was saved by a newer Backprop Playground (format {1}): update the app to open "
                                 "it.").format(name, version))
    if version < 1:
        raise FileFormatError(tr("{0}: project.json has format {1}, which no Backprop Playground writes.").format(
            name, version))
    return document


def _read_arrays(raw: bytes, where: str, budget: int, per_array: int = 0,
                 longest: int | None = None) -> dict[str, numpy.ndarray]:
    """The arrays of an .npz (a zip of .npy files), unpacking at most `budget` bytes, each array counted
    `per_array` bytes more (what using it allocates) and refused from its header if it holds more than
    `longest` numbers."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            listed = archive.infolist()
            duplicated = {name for name, count in Counter(info.filename for info in listed).items() if count > 1}
            unpacked = sum(info.file_size + per_array for info in listed)
            if unpacked > budget:
                raise FileFormatError(tr("{0}: its arrays would take {1:,} bytes, more than the {2:,} left of the "
                                         "{3:,} a project may hold; it is refused unopened.").format(
                    where, unpacked, budget, MAX_STATE_BYTES))
            arrays = {}
            for info in listed:
                problem = _packing_problem(info)
                if problem or not _array_name(info.filename) or info.filename in duplicated:
                    raise _Damaged(problem or tr("{0!r} is not one more array").format(info.filename))
                with archive.open(info) as stream:
                    arrays[info.filename.removesuffix(".npy")] = _read_array(stream, info, longest)
            return arrays
    except (_Damaged, *UNREADABLE) as error:
        raise FileFormatError(tr("{0} cannot be read ({1}); pickled or damaged arrays are refused.").format(
            where, error)) from None


def _array_name(member: str) -> bool:
    """Whether a .npz member holds an array under a name the app gives: "1.W", "grad_norm/2.b"; never
    a path that climbs out (no empty, "." or ".." part, no backslash)."""
    parts = member.removesuffix(".npy").split("/")
    return member.endswith(".npy") and "\\" not in member and all(part not in ("", ".", "..") for part in parts)


class _Damaged(Exception):
    """Why an array member is refused; _read_arrays says it in a FileFormatError naming the file."""


def _read_array(stream: IO[bytes], info: zipfile.ZipInfo, longest: int | None = None) -> numpy.ndarray:
    """One .npy: its header checked before any of its data is read or allocated.

    The header is parsed here, not by numpy.lib.format, whose fallback for Python 2 headers
    raises whatever the tokenizer does: the format is a magic string, a version, a length and a
    Python dict literal, {'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), }."""
    key = info.filename.removesuffix(".npy")
    start = _read_exactly(stream, len(NPY_MAGIC) + 2, key)
    # Version 3 only differs in allowing non-Latin-1 field names, and a project's arrays have no fields.
    length_bytes = {(1, 0): 2, (2, 0): 4}.get((start[-2], start[-1]))
    if not start.startswith(NPY_MAGIC) or length_bytes is None:
        raise _Damaged(tr("{0} is not an array in a format a project file uses").format(key))
    length = int.from_bytes(_read_exactly(stream, length_bytes, key), "little")
    if length > MAX_NPY_HEADER:
        raise _Damaged(tr("{0} has a header of {1:,} bytes, more than an array's ever needs").format(key, length))
    try:  # literal_eval evaluates literals only, and raises only these on malformed ones (see its documentation)
        header = ast.literal_eval(_read_exactly(stream, length, key).decode("latin-1"))
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as error:
        raise _Damaged(tr("{0} has a damaged header ({1})").format(key, error.__class__.__name__)) from None
    if not (isinstance(header, dict) and header.keys() == {"descr", "fortran_order", "shape"}
            and isinstance(header["fortran_order"], bool) and isinstance(header["shape"], tuple)
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in header["shape"])):
        raise _Damaged(tr("{0} has a damaged header").format(key))
    shape, descr = header["shape"], header["descr"]
    if isinstance(descr, str) and descr.lstrip("<>|=").startswith("O"):
        raise _Damaged(tr("{0} holds pickled Python objects, which a project file never has").format(key))
    # Only integers and reals reach numpy.dtype, which raises SyntaxError or warns on some other strings.
    if not (isinstance(descr, str) and NUMBER_DESCR.fullmatch(descr)):
        raise _Damaged(tr("{0} holds {1} data, but a project's arrays hold only real numbers").format(key, descr))
    try:
        dtype = numpy.dtype(descr)
    except TypeError:  # a size no such type has, such as "<f3"
        raise _Damaged(tr("{0} has a damaged header: {1!r} is not a data type").format(key, descr)) from None
    if longest is not None and math.prod(shape) > longest:
        raise _Damaged(tr("{0} claims {1:,} numbers, more than the {2:,} it can hold").format(
            key, math.prod(shape), longest))
    size = math.prod(shape) * dtype.itemsize
    if size > info.file_size:
        raise _Damaged(tr("{0} claims {1:,} bytes of data in a member of {2:,}").format(key, size, info.file_size))
    data = _read_exactly(stream, size, key)
    return numpy.frombuffer(data, dtype).reshape(shape, order="F" if header["fortran_order"] else "C")


def _check_arrays(arrays: dict[str, numpy.ndarray], name: str) -> None:
    """What resuming assumes of the weights, the batch order and the history (see session.resume)."""
    # Training keeps the last finite weights, so a saved project never has others; and a session cannot
    # start from them (it has no finite step to go back to).
    # Checked as the network will hold them: 1e300 is a finite float64 but an infinite float32.
    weights = [key for key in arrays if key.startswith("weights/")]
    for key in weights:
        with numpy.errstate(over="ignore"):
            finite = numpy.isfinite(arrays[key].astype(WEIGHTS_DTYPE)).all()
        if not finite:
            raise FileFormatError(tr("{0}: the saved {1} is not all finite numbers in {2}: the file is damaged.")
                                  .format(name, key.removeprefix("weights/"), numpy.dtype(WEIGHTS_DTYPE).name))
    gradient = {key for key in arrays if key.startswith("gradient/")}
    if gradient - {GRADIENT} or GRADIENT in gradient and arrays[GRADIENT].ndim != 1:
        raise FileFormatError(tr("{0}: the saved gradient is damaged: it must be one list of numbers.").format(name))
    order = arrays.get("order")
    if order is not None and (order.ndim != 1 or order.dtype.kind not in "iu"):
        raise FileFormatError(tr("{0}: the saved batch order must be a list of whole numbers.").format(name))
    history = {key: value for key, value in arrays.items() if key.startswith("history/")}
    if any(series.ndim != 1 for series in history.values()) or len({len(s) for s in history.values()}) > 1:
        raise FileFormatError(tr("{0}: the saved history is damaged: its series are not lists of one length.").format(
            name))
    # Resuming appends point by point, each point to every series: this bounds its time as the budget its memory.
    if len(history) > 2 * len(weights) + HISTORY_METRICS:
        raise FileFormatError(tr("{0}: the saved history is damaged: it has {1:,} series, more than a network with "
                                 "{2:,} saved weights records.").format(name, len(history), len(weights)))
    steps = history.get("history/step")
    if steps is not None and not (numpy.isfinite(steps).all() and (steps >= 0).all()):
        raise FileFormatError(tr("{0}: the saved history is damaged: its step numbers are not all whole numbers.")
                              .format(name))


def _project(document: dict[str, Any], arrays: dict[str, numpy.ndarray], name: str) -> Project:
    training = document.get("training")
    if not isinstance(training, dict):
        raise FileFormatError(tr("{0}: project.json lacks its training settings.").format(name))
    try:
        network = NetworkSpec.from_dict(document.get("network"))
        optimizer = OptimizerSpec.from_dict(training.get("optimizer", {}))
        dataset = DatasetConfig.from_dict(document.get("dataset")).to_dict()
        batch_size, epochs, seed = training.get("batch_size"), training.get("epochs"), training.get("seed", 0)
        stop_at_epoch = training.get("stop_at_epoch")  # files from before it: until paused
        for value, least, optional, problem in ((batch_size, 1, False, tr("the batch size must be a whole number")),
                                                (epochs, 1, True, tr("the epochs must be a whole number")),
                                                (stop_at_epoch, 1, True,
                                                 tr("the epoch to stop at must be a whole number")),
                                                (seed, 0, False, tr("the seed must be a whole number"))):
            if not (optional and value is None) and (not isinstance(value, int) or isinstance(value, bool)
                                                    or value < least):
                raise FileFormatError(problem)
        if stop_at_epoch is not None and stop_at_epoch > LAST_EPOCH_TO_STOP_AT:
            raise FileFormatError(tr("the epoch to stop at must be {0:,} at most").format(LAST_EPOCH_TO_STOP_AT))
    except PlaygroundError as error:
        raise FileFormatError(tr("{0} cannot be opened: {1}").format(name, error)) from None
    pace = training.get("pace", "full")  # files from before the speed control: full speed
    if pace not in PACES:
        raise FileFormatError(tr("{0}: the training speed {1!r} is none of {2}.").format(name, pace, listed(PACES)))
    progress = document.get("progress")
    if progress is not None:
        _check_progress(progress, arrays, name)
    view = document.get("view") or {}
    if not isinstance(view, dict):
        raise FileFormatError(tr("{0}: the view state must be an object.").format(name))
    title = document.get("title", "")
    if not isinstance(title, str):
        raise FileFormatError(tr("{0}: the title must be text.").format(name))
    return Project(network, optimizer, batch_size, dataset, seed, epochs, title, view, progress, arrays, pace,
                   stop_at_epoch=stop_at_epoch, lesson=_lesson_place(document.get("lesson"), name),
                   stepper=_stepper_place(document.get("stepper"), progress, name))


def _lesson_place(lesson: Any, name: str) -> LessonPlace | None:
    """The lesson a project was saved in, as the file holds it; whether this app has that lesson and step is the
    window's to find out (project.lessons.lesson_at)."""
    if lesson is None:  # files from before lessons were saved, and projects saved outside one
        return None
    if not isinstance(lesson, dict):
        raise FileFormatError(tr("{0}: the lesson it was saved in must be an object: the file is damaged.").format(
            name))
    lesson_name, step, made = lesson.get("name"), lesson.get("step"), lesson.get("made", [])
    if not (isinstance(lesson_name, str) and 0 < len(lesson_name) <= LESSON_NAME_CHARACTERS):
        raise FileFormatError(tr("{0}: the name of the lesson it was saved in must be text of 1 to {1} characters: "
                                 "the file is damaged.").format(name, LESSON_NAME_CHARACTERS))
    if not _step_number(step):
        raise FileFormatError(tr("{0}: the lesson step it was saved at must be a whole number from 1: the file is "
                                 "damaged.").format(name))
    if not (isinstance(made, list) and all(_step_number(number) for number in made) and len(set(made)) == len(made)):
        raise FileFormatError(tr("{0}: the lesson steps whose change was made must be a list of different whole "
                                 "numbers from 1: the file is damaged.").format(name))
    return LessonPlace(lesson_name, step, tuple(sorted(made)))


def _stepper_place(stepper: Any, progress: Any, name: str) -> StepperPlace | None:
    """The step the stepper held when the project was saved, as the file holds it; whether its example, phase and
    picks fit the network and the data is the window's to find out."""
    if stepper is None:  # files from before it was saved, and projects saved with no step held
        return None
    if not isinstance(stepper, dict) or progress is None:
        raise FileFormatError(tr("{0}: the step held in the stepper must be an object, in a trained project: the file "
                                 "is damaged.").format(name))
    example, phase, follows, picked = (stepper.get(key) for key in ("example", "phase", "follows", "picked"))
    picked = {} if picked is None else picked
    if not (example is None or _counted(example)) or not _counted(phase):
        raise FileFormatError(tr("{0}: the example and the phase of the step held in the stepper must be whole "
                                 "numbers from 0: the file is damaged.").format(name))
    names = [follows] if follows is not None else []
    if isinstance(picked, dict):
        names += list(picked)
    if (not isinstance(picked, dict) or len(picked) > MAX_PICKED
            or not all(isinstance(key, str) and 0 < len(key) <= PARAMETER_NAME_CHARACTERS for key in names)
            or not all(isinstance(pick, list) and len(pick) == 2 and all(_counted(i) for i in pick)
                       for pick in picked.values())):
        raise FileFormatError(tr("{0}: the weights picked in the stepper must be at most {1:,} parameter names, each "
                                 "with a row and a column from 0: the file is damaged.").format(name, MAX_PICKED))
    return StepperPlace(example, phase, follows, {key: (pick[0], pick[1]) for key, pick in picked.items()},
                        _stepper_cells(stepper.get("cells"), name), _stepper_zoom(stepper.get("zoom"), name))


def _stepper_cells(cells: Any, name: str) -> dict[tuple[str, str], tuple[int, ...]]:
    """The cells picked in the phases of layers on images, {"forward": {"1": [5, 3, 6]}, "backward": {...}}, by
    (layer path, direction); whether they fit the network is the window's to find out."""
    cells = {} if cells is None else cells
    layers = list(cells.values()) if isinstance(cells, dict) else []
    if (not isinstance(cells, dict) or not set(cells) <= {"forward", "backward"}
            or not all(isinstance(by_path, dict) for by_path in layers)
            or sum(len(by_path) for by_path in layers) > MAX_PICKED
            or not all(isinstance(path, str) and 0 < len(path) <= PARAMETER_NAME_CHARACTERS
                       and isinstance(cell, list) and 1 <= len(cell) <= 4 and all(_counted(i) for i in cell)
                       for by_path in layers for path, cell in by_path.items())):
        raise FileFormatError(tr("{0}: the cells picked in the stepper must be at most {1:,} layer paths under "
                                 "\"forward\" and \"backward\", each with one to four whole numbers from 0: the file "
                                 "is damaged.").format(name, MAX_PICKED))
    return {(path, direction): tuple(cell) for direction, by_path in cells.items() for path, cell in by_path.items()}


def _stepper_zoom(zoom: Any, name: str) -> dict[tuple[int, int], tuple[float, float, float, float]]:
    """The part of the heatmaps of each shape zoomed to, [{"shape": [rows, columns], "region": [x, y, width,
    height]}], by shape; whether a shape is in the step is the window's to find out."""
    zoom = [] if zoom is None else zoom
    if (not isinstance(zoom, list) or len(zoom) > MAX_PICKED
            or not all(isinstance(entry, dict) and set(entry) == {"shape", "region"} for entry in zoom)
            or not all(isinstance(entry["shape"], list) and len(entry["shape"]) == 2
                       and all(_counted(n) and n > 0 for n in entry["shape"])
                       and isinstance(entry["region"], list) and len(entry["region"]) == 4
                       and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                               for v in entry["region"]) and min(entry["region"][2:]) > 0 for entry in zoom)):
        raise FileFormatError(tr("{0}: the stepper's zoom must be at most {1:,} heatmap shapes (two whole numbers from "
                                 "1), each with a region of four finite numbers, its width and height above 0: the "
                                 "file is damaged.").format(name, MAX_PICKED))
    return {(entry["shape"][0], entry["shape"][1]): tuple(float(v) for v in entry["region"]) for entry in zoom}


def _counted(value: Any) -> bool:
    """Whether `value` is a whole number from 0 (not a bool, which JSON's true would give)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _step_number(value: Any) -> bool:
    """Whether `value` counts a lesson's steps as the panel does, from 1."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _check_progress(progress: Any, arrays: dict[str, numpy.ndarray], name: str) -> None:
    """Everything restore_state reads, so that resuming cannot fail halfway (or loop forever on a
    batch size of 0)."""
    if not isinstance(progress, dict):
        raise FileFormatError(tr("{0}: the training progress must be an object.").format(name))
    for key in (*PROGRESS_COUNTS, *PROGRESS_REALS):
        value = progress.get(key)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if key in PROGRESS_COUNTS:
            valid = number and isinstance(value, int) and value >= PROGRESS_COUNTS[key]
        elif key == "epoch_loss_sum":
            valid = number
        else:  # the learning rate and the penalties, as Control's setters allow them
            valid = number and math.isfinite(value) and (value > 0 if key == "learning_rate" else value >= 0)
        if not valid:
            raise FileFormatError(tr("{0}: the training progress lacks a valid {1}.").format(name, key))
    start = progress.get("schedule_start", 0)  # optional: older files do not have it
    if not (isinstance(start, int) and not isinstance(start, bool) and 0 <= start <= progress["optimizer_steps"]):
        raise FileFormatError(tr("{0}: the training progress has an invalid {1}.").format(name, "schedule_start"))
    order = arrays.get("order")
    # The session starts the next epoch as soon as the position reaches the end, so a saved one is always before it.
    if order is not None and progress["position"] >= len(order):
        raise FileFormatError(tr("{0}: the training progress is past the end of the epoch's batch order.").format(name))
    for key in ("shuffle_rng", "dropout_rng"):
        if key in progress or key == "shuffle_rng":
            try:
                numpy.random.PCG64().state = progress.get(key)  # the generator the session resumes into
            except (TypeError, ValueError, KeyError, OverflowError):
                raise FileFormatError(tr("{0}: the saved random state {1} is damaged.").format(name, key)) from None
