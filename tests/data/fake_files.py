"""Small stand-ins for the standard MNIST IDX files and CIFAR-10 batches, written to disk."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import numpy

MNIST_NAMES = {"train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
               "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}


def idx_bytes(array: numpy.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(numpy.uint8).tobytes()


def mnist_arrays(seed: int = 0, train: int = 30, test: int = 12) -> dict[str, numpy.ndarray]:
    rng = numpy.random.default_rng(seed)
    return {"x_train": rng.integers(0, 256, (train, 28, 28), dtype=numpy.uint8),
            "y_train": rng.integers(0, 10, train).astype(numpy.uint8),
            "x_test": rng.integers(0, 256, (test, 28, 28), dtype=numpy.uint8),
            "y_test": rng.integers(0, 10, test).astype(numpy.uint8)}


def write_mnist(folder: Path, arrays: dict[str, numpy.ndarray], gzipped: bool = False) -> dict[str, Path]:
    """The four IDX files; returns each file's path by its standard name."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for part, (images, labels) in MNIST_NAMES.items():
        for name, array in ((images, arrays[f"x_{part}"]), (labels, arrays[f"y_{part}"])):
            data = idx_bytes(array)
            path = folder / (f"{name}.gz" if gzipped else name)
            path.write_bytes(gzip.compress(data) if gzipped else data)
            written[name] = path
    return written


def cifar_arrays(seed: int = 0, per_batch: int = 4) -> dict[str, numpy.ndarray]:
    rng = numpy.random.default_rng(seed)
    return {"x_train": rng.integers(0, 256, (5 * per_batch, 3, 32, 32), dtype=numpy.uint8),
            "y_train": rng.integers(0, 10, 5 * per_batch),
            "x_test": rng.integers(0, 256, (per_batch, 3, 32, 32), dtype=numpy.uint8),
            "y_test": rng.integers(0, 10, per_batch)}


def write_cifar(folder: Path, arrays: dict[str, numpy.ndarray], binary: bool = False) -> None:
    """Batches laid out as cifar-10-batches-py (pickles, as torchvision reads) or -bin."""
    folder.mkdir(parents=True, exist_ok=True)
    names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
    if binary:
        (folder / "batches.meta.txt").write_text("\n".join(names) + "\n")
    else:
        (folder / "batches.meta").write_bytes(pickle.dumps({"label_names": names, "num_vis": 3072}))
    per_batch = len(arrays["x_test"])
    batches = [(f"data_batch_{i + 1}", slice(i * per_batch, (i + 1) * per_batch), "train") for i in range(5)]
    batches.append(("test_batch", slice(0, per_batch), "test"))
    for name, rows, part in batches:
        images = arrays[f"x_{part}"][rows].reshape(-1, 3072)
        labels = arrays[f"y_{part}"][rows]
        if binary:
            records = numpy.column_stack([labels.astype(numpy.uint8), images])
            (folder / f"{name}.bin").write_bytes(records.tobytes())
        else:
            batch = {"batch_label": name, "labels": [int(v) for v in labels], "data": images,
                     "filenames": ["x.png"] * len(labels)}
            (folder / name).write_bytes(pickle.dumps(batch))


def offline_config(config: dict, folder: Path) -> dict:
    """A preset's dataset settings, with an image set that needs a download read from small standard files."""
    config = dict(config)
    if config["name"] == "mnist":  # no download here: the same files, made small
        write_mnist(folder, mnist_arrays())
        config["source_folder"] = str(folder)
    elif config["name"] == "cifar10":
        write_cifar(folder, cifar_arrays())
        config["source_folder"] = str(folder)
    return config
