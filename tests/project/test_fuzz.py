"""Hypothesis mutates a valid project file at every level (the zip's bytes, the JSON document,
the .npz members, the .npy inside them, the arrays' dtypes and shapes): opening it, and using
it on the circle data, gives a working session or a PlaygroundError, never anything else."""

from __future__ import annotations

import functools
import io
import json
import os
import signal
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.data import Dataset, load_dataset
from playground.errors import PlaygroundError
from playground.project import bpp, load_preset, load_project
from playground.session import session_for
from tests.project.test_bad_files import (
    Members,
    npy_with_header,
    npz_arrays,
    npz_bytes,
    refused_within_memory,
    saved_members,
    zip_bytes,
)
from tests.session.test_resume import next_losses

ARRAY_MEMBERS = tuple(bpp.ARRAY_MEMBERS)


def fuzz(examples: int) -> settings:
    # tmp_path is a folder each example overwrites one file in, not state an example could leak into the next.
    return settings(max_examples=examples, suppress_health_check=[HealthCheck.function_scoped_fixture])


@functools.cache
def valid() -> Members:
    """A circle project 3 steps in (a mid-epoch SGD state, dropout and shuffle generators, history), with a
    kept run."""
    with tempfile.TemporaryDirectory() as folder:
        return saved_members(Path(folder), kept_run=True)


@functools.cache
def circle() -> Dataset:
    return load_dataset(load_preset("circle").dataset)


def check(raw: bytes, folder: Path) -> None:
    """Open the file and, if it opens, resume and train a step on it: only PlaygroundError may come out."""
    path = folder / "fuzzed.bpp"
    path.write_bytes(raw)
    try:
        project = load_project(path)
        session = session_for(project, circle(), start_paused=True, details=False)
    except PlaygroundError:
        return
    next_losses(session, 1)  # a session that builds also trains (a diverged step is a state, not an error)


# The zip's own bytes.

ANYWHERE = st.floats(0, 1, exclude_max=True)


def edits(where: st.SearchStrategy[float] = ANYWHERE, most: int = 6) -> st.SearchStrategy:
    """Edits at relative positions in a byte string: flip bits, insert or delete bytes, cut the rest."""
    edit = st.tuples(st.sampled_from(["flip", "insert", "delete", "cut"]), where, st.integers(0, 255))
    return st.lists(edit, min_size=1, max_size=most)


def edit_bytes(raw: bytes, changes: list[tuple[str, float, int]]) -> bytes:
    data = bytearray(raw)
    for kind, where, value in changes:
        at = int(where * len(data)) if data else 0
        if kind == "flip" and data:
            data[at] ^= value or 1
        elif kind == "insert":
            data[at:at] = bytes([value])
        elif kind == "delete":
            del data[at : at + 1 + value % 8]
        elif kind == "cut":
            del data[at:]
    return bytes(data)


@fuzz(300)
@given(changes=edits(), stored=st.booleans())
def test_bytes_of_the_zip_mutated(tmp_path, changes, stored):
    # Deflated, the edits land in compressed streams; stored, in the .npz members' own zip structures.
    raw = zip_bytes(valid(), zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    check(edit_bytes(raw, changes), tmp_path)


@fuzz(200)
@given(changes=edits(), member=st.sampled_from(ARRAY_MEMBERS))
def test_bytes_of_an_npz_member_mutated_under_a_valid_zip(tmp_path, changes, member):
    """The outer zip is sound (its checksums fit), so the damage reaches the .npz parser."""
    members = valid()
    check(zip_bytes({**members, member: edit_bytes(members[member], changes)}), tmp_path)


@fuzz(300)
@given(data=st.data(), member=st.sampled_from(ARRAY_MEMBERS))
def test_bytes_of_an_npy_mutated_under_valid_zips(tmp_path, data, member):
    """Both zips are sound, so the damage reaches the .npy header and data; edits favour the header."""
    members = valid()
    with zipfile.ZipFile(io.BytesIO(members[member])) as archive:
        inner = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(inner)))
    in_header = (inner[name].index(b"\n") + 1) / len(inner[name])
    changes = data.draw(edits(st.floats(0, in_header, exclude_max=True) | ANYWHERE, 4))
    inner[name] = edit_bytes(inner[name], changes)
    check(zip_bytes({**members, member: zip_bytes(inner, zipfile.ZIP_STORED)}), tmp_path)


# The JSON document.

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 300) | st.sampled_from([2**40, -(2**63), 10**30])
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=6)
    | st.sampled_from(["dense", "relu", "softmax", "dropout", "batchnorm", "residual", "adam", "sgd", "circle",
                       "cross_entropy", "mse", "PCG64", "step"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6)


def places(node: Any, path: tuple = ()) -> list[tuple]:
    """Every path from the root to a value, the root included."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += places(value, (*path, index))
    return found


def mutate(document: Any, data: st.DataObject) -> Any:
    path = data.draw(st.sampled_from(places(document)))
    action = data.draw(st.sampled_from(["replace", "delete", "wrap", "copy", "add"]))
    if not path:  # the root itself
        return data.draw(JSON_VALUES) if action == "replace" else [document]
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    key, value = path[-1], parent[path[-1]]
    if action == "replace":
        parent[key] = data.draw(JSON_VALUES)
    elif action == "delete":
        del parent[key]
    elif action == "wrap":
        parent[key] = [value]
    elif action == "copy" and isinstance(parent, list):  # one more layer, one more shape entry, ...
        parent.insert(key, json.loads(json.dumps(value)))
    elif action == "add" and isinstance(value, dict):
        name = data.draw(st.sampled_from(["units", "type", "layers", "kind", "rate", "extra", "state"]))
        value[name] = data.draw(JSON_VALUES)
    return document


@fuzz(500)
@given(data=st.data(), count=st.integers(1, 3))
def test_JSON_VALUES_and_structure_mutated(tmp_path, data, count):
    members = valid()
    document = json.loads(members["project.json"])
    for _ in range(count):
        document = mutate(document, data)
    check(zip_bytes({**members, "project.json": json.dumps(document).encode()}), tmp_path)


# The arrays' dtypes and shapes.

REAL_DTYPES = ["float16", "float32", "float64", ">f8", "int8", "int64", "uint8"]
DTYPES = [*REAL_DTYPES, "bool", "complex64", "<U3", "S2", "datetime64[s]", "i4,f4", "(2,)f4", "object"]


@st.composite
def arrays(draw) -> numpy.ndarray:
    dtype = draw(st.sampled_from(DTYPES))
    shape = draw(st.lists(st.sampled_from([0, 1, 2, 4, 250]), max_size=3).map(tuple))
    return numpy.zeros(shape, dtype=dtype)  # an object array is saved as a pickle


@fuzz(300)
@given(data=st.data(), member=st.sampled_from(ARRAY_MEMBERS), count=st.integers(1, 3))
def test_array_dtypes_and_shapes_mutated(tmp_path, data, member, count):
    members = valid()
    stored = npz_arrays(members[member])
    for _ in range(count):
        key = data.draw(st.sampled_from([*sorted(stored), "extra", "velocity", "exp_avg"]))
        action = data.draw(st.sampled_from(["replace", "retype", "reshape", "delete"]))
        if action == "delete":
            stored.pop(key, None)
        elif action == "replace" or key not in stored or stored[key].dtype.kind not in "iuf":
            stored[key] = data.draw(arrays())
        elif action == "retype":
            with numpy.errstate(invalid="ignore", over="ignore"):  # NaN in the history has no integer
                stored[key] = stored[key].astype(data.draw(st.sampled_from(REAL_DTYPES)))
        else:
            stored[key] = stored[key].reshape(data.draw(st.sampled_from([(-1,), (1, -1), (-1, 1)])))
    check(zip_bytes({**members, member: npz_bytes(stored)}), tmp_path)


def write(folder: Path, raw: bytes) -> Path:
    path = folder / "valid.bpp"
    path.write_bytes(raw)
    return path


def test_the_unmutated_file_trains(tmp_path):
    """The control: the file every test mutates opens and resumes."""
    project = load_project(write(tmp_path, zip_bytes(valid())))
    assert project.progress["step"] == 3
    assert len(next_losses(session_for(project, circle(), start_paused=True), 2)) == 2


@pytest.mark.parametrize("dtype", ["float16", "float64", ">f4", "int64"])
def test_weights_in_another_real_dtype_still_resume(tmp_path, dtype):
    """Not every mutation is damage: weights stored in another real dtype are converted, as the engine does."""
    members = valid()
    weights = {key: value.astype(dtype) for key, value in npz_arrays(members["weights.npz"]).items()}
    project = load_project(write(tmp_path, zip_bytes({**members, "weights.npz": npz_bytes(weights)})))
    session = session_for(project, circle(), start_paused=True)
    assert numpy.array_equal(session.network.get("1.W"), weights["1.W"].astype(numpy.float32))


# Deep nesting and huge numbers in the JSON, written as text: json.dumps cannot write 10**5000.

HUGE_LITERALS = ["1e308", "-1e308", "1e400", "-1e400", "1" + "0" * 400, "7" * 5000, "4.9e-324", "1e-400"]


def nested(depth: int, inner: str) -> str:
    return "[" * depth + inner + "]" * depth


@fuzz(200)
@given(data=st.data(), literal=st.sampled_from(HUGE_LITERALS), depth=st.sampled_from([0, 0, 1, 50, 900, 5000, 10**5]),
       dict_nesting=st.booleans())
def test_deep_nesting_and_huge_numbers_in_the_json(tmp_path, data, literal, depth, dict_nesting):
    members = valid()
    document = json.loads(members["project.json"])
    path = data.draw(st.sampled_from(places(document)[1:]))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = "__HUGE__"
    inner = ('{"a": ' * depth + literal + "}" * depth) if dict_nesting else nested(depth, literal)
    text = json.dumps(document).replace('"__HUGE__"', inner)
    check(zip_bytes({**members, "project.json": text.encode()}), tmp_path)


# Headers that declare huge arrays over a few bytes of data: refused from the header, nothing allocated.

HUGE_SHAPES = [(10**12,), (2**31, 2**31), (0, 10**30), (10**30, 0), (2**63,), (1,) * 70, (0,) * 70, (3, 2**62),
               (2001,), (250, 10**9)]


@fuzz(150)
@given(data=st.data(), member=st.sampled_from(ARRAY_MEMBERS), shape=st.sampled_from(HUGE_SHAPES),
       descr=st.sampled_from(["<f8", "<f4", "|u1", "<i8"]), stored=st.integers(0, 64))
def test_arrays_declaring_huge_shapes(tmp_path, data, member, shape, descr, stored):
    members = valid()
    with zipfile.ZipFile(io.BytesIO(members[member])) as archive:
        inner = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(inner)))
    inner[name] = npy_with_header({"descr": descr, "fortran_order": False, "shape": shape}, bytes(stored))
    with refused_within_memory() as peak:
        check(zip_bytes({**members, member: zip_bytes(inner, zipfile.ZIP_STORED)}), tmp_path)
    assert peak() < 64 * 2**20


# Paths that are not regular files: opening one must not block or read without end.

@pytest.mark.parametrize("kind", ["fifo", "folder", "link to /dev/zero", "/dev/zero", "link to a fifo"])
def test_paths_that_are_not_regular_files(tmp_path, kind):
    path = tmp_path / "project.bpp"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link to a fifo":
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    elif kind == "folder":
        path.mkdir()
    elif kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    else:
        path = Path("/dev/zero")
    signal.alarm(10)  # a read that blocks fails the test instead of hanging it
    try:
        with pytest.raises(PlaygroundError, match="it is a device, pipe or folder, not a file"):
            load_project(path)
    finally:
        signal.alarm(0)
