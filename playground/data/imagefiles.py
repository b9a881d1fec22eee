"""Readers for the standard MNIST-family IDX files and CIFAR-10 batches, without torch."""

from __future__ import annotations

import gzip
import io
import math
import pickle
from pathlib import Path

import numpy

from playground.data.reading import read_bounded
from playground.errors import DataError
from playground.words import tr

IDX_TYPES = {0x08: numpy.uint8, 0x09: numpy.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
MNIST_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
CIFAR_TRAIN = [f"data_batch_{i}" for i in range(1, 6)]
CIFAR_TEST = ["test_batch"]
# The largest real ones are about 50 MB (MNIST's training images) and 30 MB (a CIFAR-10 batch), unpacked.
MAX_IMAGE_FILE_BYTES = 256 * 2**20


def _find(folder: Path, stem: str) -> Path:
    for candidate in (stem, f"{stem}.gz", stem.replace("-idx", ".idx")):
        for path in (folder / candidate, folder / "raw" / candidate):
            if path.is_file():
                return path
    raise DataError(tr("{0} has no file {1} (or {1}.gz): choose the folder that holds the four IDX files.").format(
        folder, stem))


def _too_large(path: Path, size: int) -> DataError:
    return DataError(tr("{0} holds more than {1} MiB ({2:,} bytes or more), more than any image set's file: choose "
                        "the folder of the standard files.").format(path, MAX_IMAGE_FILE_BYTES // 2**20, size))


def _read(path: Path) -> bytes:
    return read_bounded(path, MAX_IMAGE_FILE_BYTES, lambda size: _too_large(path, size))


def read_idx(path: Path) -> numpy.ndarray:
    """An IDX file (optionally gzipped) as an array of its stated shape."""
    try:
        raw = _read(path)
        if path.suffix == ".gz":  # read as far as a file may unpack, and one byte more: no gzip bomb unpacks whole
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unpacking:
                raw = unpacking.read(MAX_IMAGE_FILE_BYTES + 1)
            if len(raw) > MAX_IMAGE_FILE_BYTES:
                raise _too_large(path, len(raw))
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise DataError(tr("Cannot read {0} ({1}): download it again.").format(path, error)) from None
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in IDX_TYPES:
        raise DataError(tr("{0} is not an IDX file: download it again.").format(path))
    dims = raw[3]
    header = 4 + 4 * dims
    if len(raw) < header:
        raise DataError(tr("{0} is cut short: download it again.").format(path))
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims))
    dtype = numpy.dtype(IDX_TYPES[raw[2]])
    expected = math.prod(shape) * dtype.itemsize  # in Python's integers: numpy.prod wraps past 2**63
    if len(raw) - header != expected:
        raise DataError(tr("{0} holds {1:,} bytes of data, but its header promises {2:,}: download it again.").format(
            path, len(raw) - header, expected))
    return numpy.frombuffer(raw, dtype, offset=header).reshape(shape).astype(dtype.newbyteorder("="))


def read_mnist_folder(folder: Path) -> dict[str, numpy.ndarray]:
    """x_train, y_train, x_test, y_test from the four IDX files of MNIST, Fashion-MNIST or KMNIST."""
    arrays = {}
    for part, (images, labels) in MNIST_FILES.items():
        x = read_idx(_find(folder, images))
        y = read_idx(_find(folder, labels))
        if x.ndim != 3 or y.ndim != 1 or len(x) != len(y):
            # Read from the data folder or from a folder the user chose: either way the remedy is other files.
            if part == "train":
                raise DataError(tr("The train images and labels in {0} do not match: choose a folder whose files "
                                   "belong together, or download them again.").format(folder))
            raise DataError(tr("The test images and labels in {0} do not match: choose a folder whose files "
                               "belong together, or download them again.").format(folder))
        arrays[f"x_{part}"] = x[:, None, :, :].astype(numpy.uint8)
        arrays[f"y_{part}"] = y.astype(numpy.int64)
    return arrays


class _ArraysOnly(pickle.Unpickler):
    """Unpickles the CIFAR-10 python batches and refuses anything but plain data and arrays."""

    ALLOWED = {("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
               ("numpy", "ndarray"), ("numpy", "dtype")}

    def find_class(self, module: str, name: str):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(tr("{0}.{1} is not allowed in a CIFAR batch").format(module, name))


def _read_batch(path: Path) -> bytes:
    try:
        return _read(path)
    except OSError as error:
        raise DataError(tr("Cannot read {0} ({1}): download it again.").format(path, error.strerror or error)) from None


def _cifar_python_batch(path: Path) -> tuple[numpy.ndarray, numpy.ndarray]:
    raw = _read_batch(path)
    try:
        # latin1, as torchvision reads them: the real batches are Python 2 pickles.
        batch = _ArraysOnly(io.BytesIO(raw), encoding="latin1").load()
        data = numpy.asarray(batch.get("data", batch.get(b"data")), dtype=numpy.uint8)
        labels = numpy.asarray(batch.get("labels", batch.get(b"labels")), dtype=numpy.int64)
    except Exception as error:  # any malformed pickle: the file is not a CIFAR batch
        raise DataError(tr("{0} is not a CIFAR-10 batch ({1}): download it again.").format(path, error)) from None
    if data.ndim != 2 or data.shape[1] != 3072 or len(data) != len(labels):
        raise DataError(tr("{0} is not a CIFAR-10 batch (unexpected shape {1}): download it again.").format(
            path, data.shape))
    return data.reshape(-1, 3, 32, 32), labels


def _cifar_binary_batch(path: Path) -> tuple[numpy.ndarray, numpy.ndarray]:
    raw = numpy.frombuffer(_read_batch(path), numpy.uint8)
    if raw.size % 3073:
        raise DataError(tr("{0} is not a CIFAR-10 binary batch (its size is not a multiple of 3073 bytes).").format(
            path))
    records = raw.reshape(-1, 3073)
    return records[:, 1:].reshape(-1, 3, 32, 32).copy(), records[:, 0].astype(numpy.int64)


def read_cifar_folder(folder: Path) -> dict[str, numpy.ndarray]:
    """CIFAR-10 from its python batches (cifar-10-batches-py) or binary ones (cifar-10-batches-bin)."""
    for base in (folder, folder / "cifar-10-batches-py", folder / "cifar-10-batches-bin"):
        if (base / "test_batch").is_file():
            read, suffix = _cifar_python_batch, ""
        elif (base / "test_batch.bin").is_file():
            read, suffix = _cifar_binary_batch, ".bin"
        else:
            continue
        arrays = {}
        for part, names in (("train", CIFAR_TRAIN), ("test", CIFAR_TEST)):
            missing = [n for n in names if not (base / f"{n}{suffix}").is_file()]
            if missing:
                raise DataError(tr("{0} lacks {1}: it needs all six CIFAR-10 batches.").format(
                    base, missing[0] + suffix))
            parts = [read(base / f"{n}{suffix}") for n in names]
            arrays[f"x_{part}"] = numpy.concatenate([p[0] for p in parts])
            arrays[f"y_{part}"] = numpy.concatenate([p[1] for p in parts])
        return arrays
    raise DataError(tr("{0} holds no CIFAR-10 batches: choose the {1} folder.").format(folder, "cifar-10-batches-py"))
