"""Bad project files: each is refused with one FileFormatError that names the problem (on the
command line one `error: ...` line and exit 2), and nothing is loaded, unpickled or written.

The files are made from a real saved project (a circle session a few steps in) with one thing
changed. test_bpp.py covers a few of these on a hand-made project; here every case also goes
through the command line.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tracemalloc
import uuid
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy
import pytest

from playground.cli import main
from playground.data import load_dataset
from playground.errors import DataError, FileFormatError, PlaygroundError, ResourceError
from playground.project import bpp, load_preset, load_project, save_project
from playground.project.lessons import LessonError, LessonPlace, lesson_at
from playground.project.runs import KeptRun, RunSetup, kept_history
from playground.session import project_of, restore_state, session_for
from tests.limits import refused
from tests.session.helpers import preset_session
from tests.session.test_resume import next_losses

ROOT = Path(__file__).resolve().parents[2]
Members = dict[str, bytes]


# Making files.


def saved_members(folder: Path, steps: int = 3, kept_run: bool = False) -> Members:
    """The members of a circle project trained `steps` steps and saved the ordinary way; with `kept_run`, the
    run kept for comparison as well."""
    session = preset_session("circle", start_paused=True)
    next_losses(session, steps)
    path = folder / "valid.bpp"
    project = project_of(session, load_preset("circle").dataset)
    if kept_run:
        setup = RunSetup(project.network, project.optimizer, project.batch_size, project.dataset)
        project.runs = [KeptRun("Circle", setup, kept_history(session.history.arrays()), session.step, 0)]
    save_project(project, path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    path.unlink()
    return members


def zip_bytes(members: Members | list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)  # duplicates are what some cases test
        for name, data in members.items() if isinstance(members, dict) else members:
            archive.writestr(name, data)
    return buffer.getvalue()


def npz_bytes(arrays: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    numpy.savez(buffer, **arrays)  # allow_pickle: savez writes object arrays as pickles, as an attacker would
    return buffer.getvalue()


def npy_bytes(array: numpy.ndarray) -> bytes:
    buffer = io.BytesIO()
    numpy.save(buffer, array)
    return buffer.getvalue()


def npz_arrays(raw: bytes) -> dict[str, numpy.ndarray]:
    with numpy.load(io.BytesIO(raw)) as stored:
        return {key: stored[key] for key in stored.files}


def with_document(members: Members, change: Callable[[dict], Any]) -> Members:
    document = json.loads(members["project.json"])
    change(document)
    return {**members, "project.json": json.dumps(document).encode()}


def with_arrays(members: Members, member: str, **arrays: Any) -> Members:
    return {**members, member: npz_bytes({**npz_arrays(members[member]), **arrays})}


def encrypted_flag(members: Members) -> bytes:
    """A zip whose members say they are encrypted (general-purpose flag bit 0), as a password-protected one does."""
    raw = bytearray(zip_bytes(members, zipfile.ZIP_STORED))
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        while at >= 0:
            raw[at + flags_at] |= 0x1
            at = raw.find(signature, at + 1)
    return bytes(raw)


def npy_with_header(header: dict[str, Any], data: bytes) -> bytes:
    """An .npy with any header numpy's writer would format, whatever it says."""
    buffer = io.BytesIO()
    numpy.lib.format.write_array_header_1_0(buffer, header)
    return buffer.getvalue() + data


def weights_npz(npy: bytes) -> bytes:
    return zip_bytes({"1.W.npy": npy}, zipfile.ZIP_STORED)


def pickle_bomb_npz(marker: Path) -> bytes:
    """An .npz whose 1.W is a pickle that creates `marker` when unpickled: proof of whether it was."""

    class Touch:
        def __reduce__(self):
            return Path.touch, (marker,)

    buffer = io.BytesIO()
    numpy.save(buffer, numpy.array([Touch(), None], dtype=object), allow_pickle=True)
    return weights_npz(buffer.getvalue())


@pytest.fixture
def members(tmp_path) -> Members:
    return saved_members(tmp_path)


def refuse_on_command_line(path: Path, capsys, message: str) -> None:
    """`playground train FILE` prints one `error: ...` line naming the problem and exits 2, writing nothing."""
    before = sorted(path.parent.iterdir())
    assert main(["train", str(path), "--epochs", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, captured.err
    assert "Traceback" not in captured.err and re.search(message, captured.err), captured.err
    assert sorted(path.parent.iterdir()) == before


# Files that do not open: the case, the file (members changed, or raw bytes), what the message says.

LOAD_CASES: list[tuple[str, Callable[[Members], Members | bytes], str]] = [
    ("not a zip", lambda m: b"just some text\n", "not a readable project file"),
    ("empty file", lambda m: b"", "not a readable project file"),
    ("newer format", lambda m: with_document(m, lambda d: d.update(format=bpp.FORMAT_VERSION + 1)),
     rf"newer Backprop Playground \(format {bpp.FORMAT_VERSION + 1}\)"),
    ("format zero", lambda m: with_document(m, lambda d: d.update(format=0)), "format 0, which no Backprop"),
    ("format as text", lambda m: with_document(m, lambda d: d.update(format="1")), "no format version"),
    ("format as true", lambda m: with_document(m, lambda d: d.update(format=True)), "no format version"),
    ("document is a list", lambda m: {**m, "project.json": b"[1, 2]"}, "must hold an object"),
    ("deeply nested JSON", lambda m: {**m, "project.json": b"[" * 100_000 + b"]" * 100_000}, "nested too deeply"),
    ("5000-digit number", lambda m: {**m, "project.json": b'{"format": ' + b"7" * 5000 + b"}"},
     "holds a whole number of 5000 digits"),
    # Once an OverflowError where a field's check turned it into a float.
    ("401-digit units", lambda m: {**m, "project.json": m["project.json"].replace(
        b'"units": 4', b'"units": 1' + b"0" * 400, 1)}, "holds a whole number of 401 digits"),
    ("network is 5", lambda m: with_document(m, lambda d: d.update(network=5)), "network description must be"),
    ("layers is text", lambda m: with_document(m, lambda d: d["network"].update(layers="dense")), "needs layers"),
    ("units as text", lambda m: with_document(m, lambda d: d["network"]["layers"][0].update(units="4")),
     "units must be a whole number"),
    ("unknown layer in a block", lambda m: with_document(m, lambda d: d["network"]["layers"].insert(
        1, {"type": "residual", "layers": [{"type": "conv9d"}]})), "unknown type 'conv9d'"),
    ("training is a list", lambda m: with_document(m, lambda d: d.update(training=[])), "lacks its training settings"),
    ("epochs 0", lambda m: with_document(m, lambda d: d["training"].update(epochs=0)), "epochs must be a whole"),
    ("seed as float", lambda m: with_document(m, lambda d: d["training"].update(seed=1.5)), "seed must be a whole"),
    ("stop at epoch 0", lambda m: with_document(m, lambda d: d["training"].update(stop_at_epoch=0)),
     "epoch to stop at must be a whole"),
    ("stop at epoch as text", lambda m: with_document(m, lambda d: d["training"].update(stop_at_epoch="20")),
     "epoch to stop at must be a whole"),
    # The window's field holds a 32-bit number.
    ("stop at epoch 2**40", lambda m: with_document(m, lambda d: d["training"].update(stop_at_epoch=2**40)),
     "epoch to stop at must be 1,000,000 at most"),
    ("optimizer kind 7", lambda m: with_document(m, lambda d: d["training"]["optimizer"].update(kind=7)),
     "The optimizer is 7: choose one of sgd"),
    ("dataset is text", lambda m: with_document(m, lambda d: d.update(dataset="circle")), "dataset settings must be"),
    ("title is a list", lambda m: with_document(m, lambda d: d.update(title=["x"])), "title must be text"),
    ("view is 3", lambda m: with_document(m, lambda d: d.update(view=3)), "view state must be an object"),
    ("progress is a list", lambda m: with_document(m, lambda d: d.update(progress=[])), "progress must be an object"),
    # A batch size of 0 would never move through the epoch: training would spin forever.
    ("progress batch size 0", lambda m: with_document(m, lambda d: d["progress"].update(batch_size=0)),
     "lacks a valid batch_size"),
    ("progress step -1", lambda m: with_document(m, lambda d: d["progress"].update(step=-1)), "lacks a valid step"),
    ("progress learning rate NaN", lambda m: with_document(m, lambda d: d["progress"].update(
        learning_rate=float("nan"))), "lacks a valid learning_rate"),
    ("progress l2 negative", lambda m: with_document(m, lambda d: d["progress"].update(l2=-0.1)), "lacks a valid l2"),
    ("schedule start past the steps", lambda m: with_document(m, lambda d: d["progress"].update(
        schedule_start=d["progress"]["optimizer_steps"] + 1)), "invalid schedule_start"),
    ("schedule start a string", lambda m: with_document(m, lambda d: d["progress"].update(schedule_start="0")),
     "invalid schedule_start"),
    ("position past the order", lambda m: with_document(m, lambda d: d["progress"].update(position=251)),
     "past the end of the epoch's batch order"),
    # The session starts the next epoch as the position reaches the end: at the end, training failed.
    ("position at the end of the order", lambda m: with_document(m, lambda d: d["progress"].update(position=250)),
     "past the end of the epoch's batch order"),
    ("random state out of range", lambda m: with_document(m, lambda d: d["progress"]["shuffle_rng"]["state"].update(
        state=-1)), "random state shuffle_rng is damaged"),
    ("random state too big", lambda m: with_document(m, lambda d: d["progress"]["dropout_rng"].update(
        uinteger=2**70)), "random state dropout_rng is damaged"),
    ("duplicated project.json", lambda m: [*m.items(), ("project.json", m["project.json"])],
     "holds project.json twice"),
    ("duplicated weights", lambda m: [("weights.npz", m["weights.npz"]), *m.items()], "holds weights.npz twice"),
    # Once told as a history with more series than no weights record, or as weights of another network.
    ("trained, without its weights", lambda m: {k: v for k, v in m.items() if k != "weights.npz"},
     "has no weights.npz, which the file of a trained project always holds: the file is damaged"),
    # Once told as a batch order of other data: "the data set has changed".
    ("trained, without its optimizer", lambda m: {k: v for k, v in m.items() if k != "optimizer.npz"},
     "has no optimizer.npz, which the file of a trained project always holds"),
    ("trained, without its history", lambda m: {k: v for k, v in m.items() if k != "history.npz"},
     "has no history.npz, which the file of a trained project always holds"),
    ("encrypted members", encrypted_flag, "is encrypted"),
    ("bzip2, which unpacks unbounded", lambda m: zip_bytes(m, zipfile.ZIP_BZIP2), "compression method 12"),
    ("infinite weights", lambda m: with_arrays(m, "weights.npz", **{"2.b": numpy.array([1, numpy.inf], "float32")}),
     "saved 2.b is not all finite numbers"),
    # Finite as float64, infinite as the float32 the network holds.
    ("weights past float32", lambda m: with_arrays(m, "weights.npz", **{"1.W": numpy.full((2, 4), 1e300)}),
     "saved 1.W is not all finite numbers in float32"),
    ("text weights", lambda m: with_arrays(m, "weights.npz", **{"3.W": numpy.array([["a"], ["b"]])}),
     "3.W holds <U1 data, but a project's arrays hold only real numbers"),
    ("complex weights", lambda m: with_arrays(m, "weights.npz", **{"1.b": numpy.zeros(4, complex)}),
     "1.b holds <c16 data"),
    ("structured weights", lambda m: with_arrays(m, "weights.npz", **{"1.b": numpy.zeros(4, "i4,f4")}),
     r"1.b holds \[\('f0'"),
    ("pickled weights", lambda m: with_arrays(m, "weights.npz", **{"1.W": numpy.array([{"a": 1}], dtype=object)}),
     "1.W holds pickled Python objects"),
    ("pickled history", lambda m: with_arrays(m, "history.npz", step=numpy.array([[1]], dtype=object)),
     "history.npz cannot be read .*pickled Python objects"),
    ("745 GiB header", lambda m: {**m, "weights.npz": weights_npz(npy_with_header(
        {"descr": "<f8", "fortran_order": False, "shape": (10**11,)}, bytes(64)))},
     "claims 800,000,000,000 bytes of data in a member of"),
    ("type numpy cannot parse", lambda m: {**m, "weights.npz": weights_npz(npy_with_header(
        {"descr": ",d", "fortran_order": False, "shape": (2,)}, bytes(16)))}, "1.W holds ,d data"),
    ("negative shape", lambda m: {**m, "weights.npz": weights_npz(npy_with_header(
        {"descr": "<f4", "fortran_order": False, "shape": (-2, 4)}, bytes(32)))}, "1.W has a damaged header"),
    ("duplicated array in an npz", lambda m: {**m, "weights.npz": zip_bytes(
        [("1.W.npy", npy_bytes(numpy.ones(3))), ("1.W.npy", npy_bytes(numpy.ones(3)))])}, "'1.W.npy' is not one more"),
    ("dates for weights", lambda m: with_arrays(m, "weights.npz", **{"1.b": numpy.zeros(4, "datetime64[s]")}),
     r"1.b holds <M8\[s\] data"),
    ("weights not an npz", lambda m: {**m, "weights.npz": b"PK\x03\x04 but no more"}, "weights.npz cannot be read"),
    ("npz member climbing out", lambda m: {**m, "weights.npz": zip_bytes({"../../evil.npy": npy_bytes(numpy.ones(3))})},
     "'../../evil.npy' is not one more array"),
    ("npz member not .npy", lambda m: {**m, "history.npz": zip_bytes({"notes.txt": b"x"})}, "'notes.txt' is not one"),
    ("order is one number", lambda m: with_arrays(m, "optimizer.npz", order=numpy.array(5)),
     "batch order must be a list of whole numbers"),
    ("order of reals", lambda m: with_arrays(m, "optimizer.npz", order=numpy.arange(250.0)),
     "batch order must be a list of whole numbers"),
    ("history of two lengths", lambda m: with_arrays(m, "history.npz", test_loss=numpy.zeros(2)),
     "history is damaged"),
    ("history longer than it can be", lambda m: with_arrays(m, "history.npz", **{
        k: numpy.zeros(2001) for k in npz_arrays(m["history.npz"])}), "step claims 2,001 numbers, more than the 2,000"),
    ("more history series than metrics", lambda m: with_arrays(m, "history.npz", **{
        f"grad_norm/{i}.W": numpy.zeros(len(npz_arrays(m["history.npz"])["step"])) for i in range(30)}),
     r"it has \d+ series, more than a network with 6 saved"),
    ("history step NaN", lambda m: with_arrays(m, "history.npz", step=numpy.full(5, numpy.nan)),
     "step numbers are not all whole numbers"),
    ("gradient as a table", lambda m: with_arrays(m, "gradient.npz", last_step=numpy.zeros((5, 5), numpy.float32)),
     "the saved gradient is damaged: it must be one list of numbers"),
    ("a gradient more", lambda m: with_arrays(m, "gradient.npz", last_step=numpy.zeros(25, numpy.float32),
                                              other=numpy.zeros(25, numpy.float32)),
     "the saved gradient is damaged"),
    ("lesson is text", lambda m: with_document(m, lambda d: d.update(lesson="overfit")),
     "the lesson it was saved in must be an object"),
    ("lesson without a name", lambda m: with_document(m, lambda d: d.update(lesson={"step": 2})),
     "the name of the lesson it was saved in must be text of 1 to 100 characters"),
    ("lesson name a page long", lambda m: with_document(m, lambda d: d.update(lesson={"name": "x" * 101, "step": 1})),
     "the name of the lesson it was saved in must be text"),
    ("lesson step 0", lambda m: with_document(m, lambda d: d.update(lesson={"name": "overfit", "step": 0})),
     "the lesson step it was saved at must be a whole number from 1"),
    ("lesson step as text", lambda m: with_document(m, lambda d: d.update(lesson={"name": "overfit", "step": "2"})),
     "the lesson step it was saved at must be a whole number from 1"),
    ("lesson step true", lambda m: with_document(m, lambda d: d.update(lesson={"name": "overfit", "step": True})),
     "the lesson step it was saved at must be a whole number from 1"),
    ("lesson changes made as a number", lambda m: with_document(m, lambda d: d.update(
        lesson={"name": "overfit", "step": 4, "made": 4})), "the lesson steps whose change was made must be a list"),
    ("lesson change made twice", lambda m: with_document(m, lambda d: d.update(
        lesson={"name": "overfit", "step": 4, "made": [4, 4]})), "must be a list of different whole numbers from 1"),
    ("stepper is a list", lambda m: with_document(m, lambda d: d.update(stepper=[0, 3])),
     "the step held in the stepper must be an object"),
    ("stepper in a project never trained", lambda m: with_document(m, lambda d: d.update(
        progress=None, stepper={"example": None, "phase": 3})), "the step held in the stepper must be an object"),
    ("stepper phase -1", lambda m: with_document(m, lambda d: d.update(stepper={"example": None, "phase": -1})),
     "the example and the phase of the step held in the stepper must be whole numbers from 0"),
    ("stepper example as text", lambda m: with_document(m, lambda d: d.update(stepper={"example": "5", "phase": 1})),
     "the example and the phase of the step held in the stepper must be whole numbers from 0"),
    ("stepper phase true", lambda m: with_document(m, lambda d: d.update(stepper={"example": None, "phase": True})),
     "the example and the phase of the step held in the stepper must be whole numbers from 0"),
    ("weight picked at a point", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "picked": {"1.W": [1.5, 2]}})),
     "the weights picked in the stepper must be at most 1,000 parameter names, each with a row and a column"),
    ("weight picked in three places", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "picked": {"1.W": [1, 2, 3]}})), "the weights picked in the stepper"),
    ("parameter followed as a number", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "follows": 3})), "the weights picked in the stepper"),
    ("weights picked in every parameter and more", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "picked": {f"{k}.W": [0, 0] for k in range(1001)}})),
     "the weights picked in the stepper must be at most 1,000"),
    ("cell picked in a phase that is not forward or backward", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "cells": {"update": {"1": [0, 0, 0]}}})),
     "the cells picked in the stepper must be at most 1,000 layer paths under \"forward\" and \"backward\""),
    ("cell picked at a point", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "cells": {"forward": {"1": [0, 1.5, 2]}}})),
     "the cells picked in the stepper"),
    ("cell picked with five numbers", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "cells": {"backward": {"1": [0, 1, 2, 3, 4]}}})),
     "the cells picked in the stepper"),
    ("cells as a list", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "cells": [[0, 1, 2]]})), "the cells picked in the stepper"),
    ("zoom of an empty shape", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "zoom": [{"shape": [0, 4], "region": [0, 0, 1, 1]}]})),
     "the stepper's zoom must be at most 1,000 heatmap shapes"),
    ("zoom to nothing", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "zoom": [{"shape": [2, 4], "region": [0, 0, 0, 1]}]})),
     "the stepper's zoom"),
    ("zoom with a region of text", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "zoom": [{"shape": [2, 4], "region": [0, "0", 1, 1]}]})),
     "the stepper's zoom"),
    ("zoom as an object", lambda m: with_document(m, lambda d: d.update(
        stepper={"example": None, "phase": 1, "zoom": {"2x4": [0, 0, 1, 1]}})), "the stepper's zoom"),
]


@contextlib.contextmanager
def refused_within_memory():
    """Trace Python's and NumPy's allocations inside the block; yields a function giving their peak."""
    peak = [0]
    tracemalloc.start()
    try:
        yield lambda: peak[0]
    finally:
        peak[0] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


@pytest.mark.parametrize("change, message", [case[1:] for case in LOAD_CASES], ids=[case[0] for case in LOAD_CASES])
def test_a_bad_file_is_refused_with_one_message(tmp_path, members, capsys, change, message):
    changed = change(members)
    path = tmp_path / "bad.bpp"
    path.write_bytes(changed if isinstance(changed, bytes) else zip_bytes(changed))
    with pytest.raises(FileFormatError, match=message):
        load_project(path)
    refuse_on_command_line(path, capsys, message)


def test_a_file_from_before_schedule_start_was_saved_still_opens(tmp_path, members):
    path = tmp_path / "older.bpp"
    path.write_bytes(zip_bytes(with_document(members, lambda d: d["progress"].pop("schedule_start"))))
    assert "schedule_start" not in load_project(path).progress


def test_a_file_from_before_the_gradient_was_saved_still_opens_and_trains(tmp_path, members, capsys):
    """Without gradient.npz, as format 1 and 2 files are, the project opens; its views show no gradient until a step
    computes one."""
    assert "gradient.npz" in members and json.loads(members["project.json"])["format"] == 3
    path = tmp_path / "older.bpp"
    path.write_bytes(zip_bytes(with_document({k: v for k, v in members.items() if k != "gradient.npz"},
                                             lambda d: d.update(format=1))))
    project = load_project(path)
    assert not any(key.startswith("gradient/") for key in project.arrays)
    assert not session_for(project, load_dataset(project.dataset)).measurements.gradient_known
    assert main(["train", str(path), "--epochs", "1", "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_a_lesson_this_version_lacks_is_no_damage_and_opening_it_says_what_to_do(tmp_path, members):
    """The file is whole, so the project opens (the window leaves the lesson out, with this sentence)."""
    for lesson, message in (({"name": "a-later-lesson", "step": 2}, "'a-later-lesson', which this version of "
                             "Backprop Playground does not have: open a lesson from the Lessons menu"),
                            ({"name": "overfit", "step": 5}, "step 5 of the lesson 'Overfitting, L2 and dropout', "
                             "whose steps differ in this version of Backprop Playground: open the lesson from the "
                             "Lessons menu"),
                            ({"name": "overfit", "step": 2, "made": [2]}, "step 2 of the lesson 'Overfitting")):
        path = tmp_path / "later.bpp"
        path.write_bytes(zip_bytes(with_document(members, lambda d, lesson=lesson: d.update(lesson=lesson))))
        place = load_project(path).lesson
        assert (place.name, place.step) == (lesson["name"], lesson["step"])
        with pytest.raises(LessonError, match=re.escape(message)):
            lesson_at(place)
    assert lesson_at(LessonPlace("overfit", 4, (3, 4))).name == "overfit"


def test_the_valid_file_these_are_made_from_opens_and_trains(tmp_path, members, capsys):
    """The control: without the change, the same file loads, resumes and trains from the command line."""
    path = tmp_path / "good.bpp"
    path.write_bytes(zip_bytes(members))
    assert load_project(path).progress["step"] == 3
    assert main(["train", str(path), "--epochs", "1", "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_a_folder_is_not_a_project(tmp_path, capsys):
    folder = tmp_path / "folder.bpp"
    folder.mkdir()
    with pytest.raises(FileFormatError, match="Cannot read .*folder.bpp"):
        load_project(folder)
    refuse_on_command_line(folder, capsys, "Cannot read .*folder.bpp")


def test_a_file_cut_anywhere_is_refused(tmp_path, members):
    whole = zip_bytes(members)
    path = tmp_path / "cut.bpp"
    for end in range(0, len(whole), 53):
        path.write_bytes(whole[:end])
        with pytest.raises(FileFormatError):
            load_project(path)


def test_a_member_that_lies_about_its_size_is_not_a_bomb(tmp_path, members):
    """The zip directory says project.json is 2 KB; its data inflates to 200 MB. Reading stops at
    the stated size (the checksum then fails) without inflating the rest."""
    padded = members["project.json"] + b" " * (200 * 2**20)
    raw = bytearray(zip_bytes({**members, "project.json": padded}))
    stated = len(members["project.json"]).to_bytes(4, "little")
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # the local and the central header
        at = raw.find(signature)
        raw[at + size_at : at + size_at + 4] = stated
    path = tmp_path / "bomb.bpp"
    path.write_bytes(bytes(raw))
    assert path.stat().st_size < 2**20
    with refused_within_memory() as peak, pytest.raises(FileFormatError, match="not a readable project file .*CRC"):
        load_project(path)
    assert peak() < 20 * 2**20


def test_an_array_member_that_unpacks_past_the_limit_is_refused_unread(tmp_path, members, monkeypatch):
    """A bomb one level down: weights.npz is small, but the .npy inside it inflates to 64 MiB."""
    monkeypatch.setattr(bpp, "MAX_STATE_BYTES", 16 * 2**20)
    buffer = io.BytesIO()
    numpy.savez_compressed(buffer, **{"1.W": numpy.zeros(8 * 2**20)})
    path = tmp_path / "bomb.bpp"
    path.write_bytes(zip_bytes({**members, "weights.npz": buffer.getvalue()}))
    assert path.stat().st_size < 2**20
    with refused_within_memory() as peak, pytest.raises(
            FileFormatError, match=r"weights.npz: its arrays would take 67,108,\d+ bytes, more "
                                   r"than the 16,7\d\d,\d+ left of the 16,777,216"):
        load_project(path)
    assert peak() < 8 * 2**20


def test_a_json_member_past_its_limit_is_refused_unopened(tmp_path, members, monkeypatch):
    monkeypatch.setattr(bpp, "MAX_JSON_BYTES", 1000)
    path = tmp_path / "big.bpp"
    path.write_bytes(zip_bytes(members))
    with pytest.raises(FileFormatError, match=r"project.json would unpack to [\d,]+ bytes, more than the 1,000"):
        load_project(path)


def test_pickled_arrays_are_never_unpickled(tmp_path, members):
    marker = tmp_path / "unpickled"
    path = tmp_path / "pickle.bpp"
    path.write_bytes(zip_bytes({**members, "weights.npz": pickle_bomb_npz(marker)}))
    with pytest.raises(FileFormatError, match="1.W holds pickled Python objects"):
        load_project(path)
    assert not marker.exists()
    # The check is able to fail: numpy.load trusting the file does run the pickle.
    with numpy.load(io.BytesIO(pickle_bomb_npz(marker)), allow_pickle=True) as trusting:
        trusting["1.W"]
    assert marker.exists()


@pytest.mark.parametrize("member", ["../evil.json", "/{absolute}/x", "weights.npz/../../x", "..\\evil.json"])
def test_path_traversal_names_are_refused_and_nothing_is_extracted(tmp_path, members, member, capsys, monkeypatch):
    absolute = Path("/tmp") / f"bpp-traversal-{uuid.uuid4().hex}"
    member = member.format(absolute=str(absolute).lstrip("/"))
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)  # so that a relative extraction would land beside the test's files
    path = folder / "traversal.bpp"
    path.write_bytes(zip_bytes({**members, member: b'{"format": 1}'}))
    assert member in zipfile.ZipFile(path).namelist()  # zipfile keeps the hostile name as it is
    with pytest.raises(FileFormatError, match="which a project file never has"):
        load_project(path)
    refuse_on_command_line(path, capsys, "which a project file never has")
    assert [p.relative_to(tmp_path) for p in sorted(tmp_path.rglob("*"))] == [
        Path("a"), Path("a/b"), Path("a/b/traversal.bpp")]
    assert not absolute.exists() and not (tmp_path.parent / "evil.json").exists()


def fresh_session():
    return preset_session("circle", start_paused=True)


WRONG_STATE: list[tuple[str, Callable[[dict[str, dict[str, numpy.ndarray]]], Any], str]] = [
    # The first layer fits; a later one does not, so a load that wrote as it checked would be caught half done.
    ("3.W of another shape", lambda s: s["weights.npz"].update({"3.W": numpy.zeros((4, 1), numpy.float32)}),
     r"saved 3.W has shape \(4, 1\), but this network's has \(2, 1\)"),
    ("1.W for 3 inputs", lambda s: s["weights.npz"].update({"1.W": numpy.zeros((3, 4), numpy.float32)}),
     r"saved 1.W has shape \(3, 4\), but this network's has \(2, 4\)"),
    ("3.b missing", lambda s: s["weights.npz"].pop("3.b"), "saved weights have no 3.b"),
    ("Adam state for SGD", lambda s: s["optimizer.npz"].update(exp_avg=numpy.zeros(25, numpy.float32)),
     "optimizer state does not fit"),
    ("order for other data", lambda s: s["optimizer.npz"].update(order=numpy.arange(300)),
     "batch order does not match"),
    ("one weight more", lambda s: s["weights.npz"].update({"9.W": numpy.zeros((2, 1), numpy.float32)}),
     "saved weights hold 9.W, which this network has not"),
    ("another network's gradient", lambda s: s["gradient.npz"].update(last_step=numpy.zeros(5, numpy.float32)),
     "saved gradient has 5 numbers, but this network has 25 parameters"),
]


@pytest.mark.parametrize("change, message", [case[1:] for case in WRONG_STATE], ids=[case[0] for case in WRONG_STATE])
def test_weights_that_do_not_fit_the_spec_are_refused_before_anything_changes(tmp_path, members, capsys, change,
                                                                              message):
    stored = {member: npz_arrays(members[member]) for member in bpp.ARRAY_MEMBERS if member in members}
    change(stored)
    changed = {**members, **{member: npz_bytes(arrays) for member, arrays in stored.items()}}
    path = tmp_path / "misfit.bpp"
    path.write_bytes(zip_bytes(changed))
    project = load_project(path)  # the file itself is sound: it is refused when used, on this network and data
    dataset = load_dataset(project.dataset)
    with pytest.raises(DataError, match=message):
        session_for(project, dataset)
    # No partial load: restoring into a live session leaves its weights, optimizer and counters as they were.
    session, untouched = fresh_session(), fresh_session()
    with pytest.raises(DataError, match=message):
        restore_state(session, project.progress, project.arrays)
    assert numpy.array_equal(session.network.theta, untouched.network.theta)
    assert session.step == 0 and session.optimizer.step_count == 0
    assert not any(len(series) for series in session.history.arrays().values())
    assert next_losses(session, 2) == next_losses(untouched, 2)
    refuse_on_command_line(path, capsys, message)


def billion_unit_members(members: Members) -> Members:
    def grow(document: dict) -> None:
        document["network"]["layers"][0]["units"] = 10**9
        document["network"]["layers"][1]["units"] = 10**9  # 10**18 weights between them: too big for any machine
        document["progress"] = None  # untrained, so the refusal is the network's, not the saved weights'

    return with_document(members, grow)


def test_a_network_too_big_for_memory_is_refused_before_allocating(tmp_path, members, capsys):
    path = tmp_path / "huge.bpp"
    path.write_bytes(zip_bytes(billion_unit_members(members)))
    project = load_project(path)
    assert project.network.parameter_count() > 10**18
    dataset = load_dataset(project.dataset)
    with refused_within_memory() as peak, pytest.raises(
            ResourceError, match="would need about .* GiB to train, but only .* is free"):
        session_for(project, dataset)
    assert peak() < 16 * 2**20  # numpy reports its allocations to tracemalloc: not one layer was made
    refuse_on_command_line(path, capsys, "make its layers smaller")


@pytest.mark.parametrize("case", ["pickled weights", "misfit", "huge"])
def test_the_real_command_prints_one_error_line_and_exits_2(tmp_path, members, case):
    """As a user runs it, in a process of its own: no traceback, exit status 2, nothing written."""
    if case == "pickled weights":
        members = with_arrays(members, "weights.npz", **{"1.W": numpy.array([None], dtype=object)})
    elif case == "misfit":
        members = with_arrays(members, "weights.npz", **{"1.W": numpy.zeros((3, 4), numpy.float32)})
    else:
        members = billion_unit_members(members)
    path = tmp_path / "bad.bpp"
    path.write_bytes(zip_bytes(members))
    result = subprocess.run([sys.executable, "-m", "playground", "train", str(path), "--epochs", "1"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["bad.bpp"]



# Finite weights of 1e20 load and train: that their squares overflow float32 is no divergence.
def test_weights_whose_squares_overflow_train(tmp_path, members):
    path = tmp_path / "big-weights.bpp"
    path.write_bytes(zip_bytes(with_arrays(members, "weights.npz", **{"1.W": numpy.full((2, 4), 1e20, numpy.float32)})))
    session = session_for(load_project(path), load_dataset(load_preset("circle").dataset), start_paused=True)
    stream = session.run()
    next(stream)
    session.control.step()
    assert next(stream).state == "paused"
    session.control.stop()
    list(stream)


# A project file cannot ask for more generated points than DatasetConfig allows.
def test_a_dataset_too_big_for_memory_is_refused_before_generating(tmp_path, members):
    def grow(document: dict) -> None:
        document["dataset"]["points"] = 10**15
        document["progress"] = None

    path = tmp_path / "points.bpp"
    path.write_bytes(zip_bytes(with_document(members, grow)))
    with pytest.raises(PlaygroundError):
        load_dataset(load_project(path).dataset)


@pytest.mark.parametrize("where", ["/dev/zero", "fifo"])
def test_a_device_or_a_pipe_is_refused_at_once(tmp_path, where):
    """zipfile would wait forever on a FIFO with no writer; both are refused before reading a byte."""
    path = "/dev/zero" if where == "/dev/zero" else str(tmp_path / "pipe.bpp")
    if where == "fifo":
        os.mkfifo(path)
    refused("from playground.project import load_project", f"load_project({path!r})",
            f"Cannot read {path} (it is a device, pipe or folder, not a file)", tmp_path, seconds=20)


def long_history_npz(points: int) -> bytes:
    """A history.npz whose step and train_loss series each hold `points` zeros: 400 MB unpacked for
    50M points, but written chunk by chunk and, deflated twice in the project file, a few KB."""
    header = io.BytesIO()
    numpy.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False, "shape": (points,)})
    zeros = bytes(2**22)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for series in ("step", "train_loss"):
            with archive.open(f"{series}.npy", "w", force_zip64=True) as member:
                member.write(header.getvalue())
                for start in range(0, points * 8, len(zeros)):
                    member.write(zeros[: min(len(zeros), points * 8 - start)])
    return buffer.getvalue()


def test_a_tiny_file_declaring_a_50M_step_history_is_refused_in_seconds_and_little_memory(tmp_path, members):
    """Read whole, the history took 400 MB per series and resuming appended it point by point (49 s);
    the header says how long it is, and no series is ever longer than the history keeps."""
    path = tmp_path / "long-history.bpp"
    path.write_bytes(zip_bytes({**members, "history.npz": long_history_npz(50_000_000)}))
    assert path.stat().st_size < 2**20
    refused("from playground.data import load_dataset\nfrom playground.project import load_project\n"
            "from playground.session import session_for",
            f"project = load_project({str(path)!r}); session_for(project, load_dataset(project.dataset))",
            "step claims 50,000,000 numbers, more than the 2,000 it can hold", tmp_path, memory=768 * 2**20,
            seconds=15)


def test_history_series_count_in_the_memory_budget_before_reading(tmp_path, members, monkeypatch):
    """Each series takes a column of 2,000 numbers when resumed, however short it is in the file."""
    history = npz_arrays(members["history.npz"])
    monkeypatch.setattr(bpp, "MAX_STATE_BYTES", 400 * 2**10 + sum(
        len(raw) for member, raw in members.items() if member != "project.json"))
    path = tmp_path / "many-series.bpp"
    path.write_bytes(zip_bytes({**members, "history.npz": npz_bytes({**history, **{
        f"extra{i}": numpy.zeros(len(history["step"])) for i in range(20)}})}))
    with pytest.raises(FileFormatError, match=r"history.npz: its arrays would take [\d,]+ bytes"):
        load_project(path)
    path.write_bytes(zip_bytes(members))
    assert load_project(path).progress is not None  # the same budget holds the file as saved


def test_the_history_bound_is_what_the_session_keeps():
    from playground.session import History

    assert History().capacity == bpp.HISTORY_POINTS
