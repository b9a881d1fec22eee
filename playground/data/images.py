"""MNIST, Fashion-MNIST, KMNIST and CIFAR-10: through torchvision once, then from an .npz cache.

The first load downloads the standard files (reporting progress), reads them with
torchvision.datasets and writes `<data folder>/<name>.npz`; later loads, and the packaged
app, read that cache with NumPy alone. A folder of the standard files can be read without
torch at all (`source_folder`).
"""

from __future__ import annotations

import math
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import numpy

from playground.data.dataset import Dataset, DatasetConfig
from playground.data.folders import user_data_dir
from playground.data.imagefiles import read_cifar_folder, read_mnist_folder
from playground.data.preprocessing import Preprocessing, standardization
from playground.data.titles import dataset_title
from playground.errors import DataError, install_advice
from playground.words import tr

Progress = Callable[[str, int, int], None]  # (what is downloading, bytes done, bytes in all or 0 when unknown)
DOWNLOAD_TIMEOUT_S = 30
CACHE_KEYS = ("x_train", "y_train", "x_test", "y_test")

# name: (torchvision class, class names, where it comes from); the titles are in titles.py
IMAGE_SETS = {
    "mnist": ("MNIST", [str(d) for d in range(10)],
              "MNIST (Y. LeCun, C. Cortes, C. J. C. Burges), from NIST's handwriting collections."),
    "fashion_mnist": ("FashionMNIST",
                      ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                       "Ankle boot"], "Fashion-MNIST (Zalando Research, 2017; MIT licence)."),
    "kmnist": ("KMNIST", ["o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"],
               "Kuzushiji-MNIST (ROIS-DS Center for Open Data in the Humanities, 2018; CC BY-SA 4.0)."),
    "cifar10": ("CIFAR10",
                ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
                "CIFAR-10 (A. Krizhevsky, V. Nair, G. Hinton, 2009), from the 80 million tiny images."),
}


def cache_path(name: str, data_dir: Path) -> Path:
    return data_dir / f"{name}.npz"


def config_cache_path(config: DatasetConfig) -> Path:
    """Where the cache of the image set `config` asks for is, or would be once downloaded."""
    data_dir = Path(config.data_dir).expanduser() if config.data_dir else user_data_dir()
    return cache_path(config.name, data_dir)


def needs_download(config: DatasetConfig) -> bool:
    """Whether loading `config` would download files first."""
    return config.name in IMAGE_SETS and not config.source_folder and not config_cache_path(config).is_file()


def load_images(config: DatasetConfig, progress: Progress | None = None) -> Dataset:
    cache = config_cache_path(config)
    if config.source_folder:
        arrays = read_folder(config.name, Path(config.source_folder).expanduser())
    elif cache.is_file():
        arrays = read_cache(cache)
    else:
        arrays = fetch_with_torchvision(config.name, cache.parent, progress)
        write_cache(cache, arrays)
    return _finish(config, arrays)


def read_folder(name: str, folder: Path) -> dict[str, numpy.ndarray]:
    if not folder.is_dir():
        raise DataError(tr("{0} is not a folder: choose the folder that holds the {1} files.").format(
            folder, dataset_title(name)))
    return read_cifar_folder(folder) if name == "cifar10" else read_mnist_folder(folder)


def read_cache(path: Path) -> dict[str, numpy.ndarray]:
    try:
        with numpy.load(path, allow_pickle=False) as stored:
            arrays = {key: stored[key] for key in CACHE_KEYS}
    except (OSError, ValueError, KeyError, EOFError) as error:
        raise DataError(tr("The cached data {0} is damaged ({1}): delete it and load the data set again.").format(
            path, error.__class__.__name__)) from None
    _check_arrays(arrays, str(path))
    return arrays


def write_cache(path: Path, arrays: dict[str, numpy.ndarray]) -> None:
    """Compressed, and atomic: a crash mid-write never leaves a half cache behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".npz", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            numpy.savez_compressed(stream, **arrays)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _check_arrays(arrays: dict[str, numpy.ndarray], where: str) -> None:
    for part in ("train", "test"):
        x, y = arrays[f"x_{part}"], arrays[f"y_{part}"]
        if x.ndim != 4 or y.ndim != 1 or len(x) != len(y) or x.dtype != numpy.uint8:
            raise DataError(tr("The images in {0} have an unexpected layout: delete it and load the data set "
                               "again.").format(where))


def fetch_with_torchvision(name: str, data_dir: Path, progress: Progress | None) -> dict[str, numpy.ndarray]:
    """Read the set with torchvision.datasets, downloading its files first when they are missing."""
    title = dataset_title(name)
    try:
        import torchvision.datasets as tv
    except ImportError:
        advice = install_advice("torchvision", "pip install 'backprop-playground[datasets]'")
        raise DataError(tr("{0} is not downloaded yet, and downloading needs torchvision: {1}; or choose a folder "
                           "that holds the standard files.").format(title, advice)) from None
    cls = getattr(tv, IMAGE_SETS[name][0])
    root = data_dir / "torchvision"
    try:
        return _read_with(cls, root)
    except RuntimeError:  # torchvision's "Dataset not found": fetch the files, then read again
        _download_files(cls, root, title, progress)
    try:
        return _read_with(cls, root)
    except RuntimeError as error:
        raise DataError(tr("torchvision cannot read the downloaded {0} ({1}): delete {2} and try again.").format(
            title, error, root)) from None


def _read_with(cls, root: Path) -> dict[str, numpy.ndarray]:
    arrays = {}
    for part, train in (("train", True), ("test", False)):
        loaded = cls(str(root), train=train, download=False)
        images = numpy.asarray(loaded.data, dtype=numpy.uint8)
        arrays[f"x_{part}"] = images.transpose(0, 3, 1, 2) if images.ndim == 4 else images[:, None]
        arrays[f"y_{part}"] = numpy.asarray(loaded.targets, dtype=numpy.int64)
    _check_arrays(arrays, str(root))
    return {key: numpy.ascontiguousarray(value) for key, value in arrays.items()}


def _download_files(cls, root: Path, title: str, progress: Progress | None) -> None:
    """The set's archives, each checked against torchvision's checksum, then unpacked where it looks."""
    from torchvision.datasets.utils import check_integrity, extract_archive

    if hasattr(cls, "mirrors"):
        folder = root / cls.__name__ / "raw"
        files = [([f"{mirror}{name}" for mirror in cls.mirrors], name, md5) for name, md5 in cls.resources]
    else:
        folder, files = root, [([cls.url], cls.filename, cls.tgz_md5)]
    for urls, filename, md5 in files:
        archive = folder / filename
        if not check_integrity(str(archive), md5):
            _download_from_mirrors(urls, archive, title, progress)
            if not check_integrity(str(archive), md5):
                archive.unlink(missing_ok=True)
                raise DataError(tr("The {0} download is damaged (its checksum does not match): try again.").format(
                    title))
        extract_archive(str(archive), str(folder))


def _download_from_mirrors(urls: list[str], destination: Path, title: str, progress: Progress | None) -> None:
    failures = []
    for url in urls:
        try:
            download(url, destination, title, progress)
            return
        except DataError as error:
            failures.append(error)
    raise failures[-1]


def download(url: str, destination: Path, title: str, progress: Progress | None) -> None:
    """Stream `url` to `destination` with progress; fails within the timeout instead of hanging."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response, open(partial, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            while chunk := response.read(1 << 16):
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(title, done, total)
        os.replace(partial, destination)
    except (urllib.error.URLError, OSError, TimeoutError) as error:
        partial.unlink(missing_ok=True)
        reason = getattr(error, "reason", error)
        raise DataError(tr("Could not download {0} ({1}): check the internet connection, or download the standard "
                           "files elsewhere and choose their folder.").format(title, reason)) from None


def _finish(config: DatasetConfig, arrays: dict[str, numpy.ndarray]) -> Dataset:
    _, classes, source = IMAGE_SETS[config.name]
    x_train, y_train = arrays["x_train"], arrays["y_train"]
    if config.subset is not None and config.subset < len(x_train):
        if config.subset_mode == "random":
            rng = numpy.random.default_rng(config.seed)
            chosen = numpy.sort(rng.choice(len(x_train), config.subset, replace=False))
        else:
            chosen = numpy.arange(config.subset)
        x_train, y_train = x_train[chosen], y_train[chosen]
    shape = tuple(x_train.shape[1:])
    shift, scale = numpy.zeros(()), numpy.ones(())
    if config.normalize == "standardize":  # per channel, by the training images only
        shift, scale = (value[:, None, None] for value in standardization(x_train, axis=(0, 2, 3)))
    elif config.normalize == "unit":
        scale = numpy.array(255.0)
    preprocessing = Preprocessing(shape, (math.prod(shape),), shift=shift, scale=scale,
                                  normalization=config.normalize, pixel_range=(0, 255))
    c, h, w = shape
    names = [f"pixel {row},{col}" if c == 1 else f"{'RGB'[ch]} {row},{col}"
             for ch in range(c) for row in range(h) for col in range(w)]
    return Dataset(config.name, dataset_title(config.name), "multiclass", preprocessing.prepare(x_train), y_train,
                   preprocessing.prepare(arrays["x_test"]), arrays["y_test"], preprocessing.input_shape, names,
                   classes, source, preprocessing, arrays["x_test"], test_images=arrays["x_test"])
