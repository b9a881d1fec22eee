"""Image sets from small fake files: through torchvision (download=False) and without torch, the
same arrays; the download with progress from a local server; the .npz cache; the options."""

import gzip
import hashlib
import http.server
import os
import pickle
import sys
import threading
from functools import partial

import numpy
import pytest
import torchvision

from playground.data import imagefiles, load_dataset
from playground.data.imagefiles import read_cifar_folder, read_mnist_folder
from playground.data.images import cache_path, read_cache
from playground.errors import DataError
from tests.data.fake_files import cifar_arrays, mnist_arrays, write_cifar, write_mnist
from tests.project.test_bad_files import refused_within_memory


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path / "user-data"))


@pytest.mark.parametrize("name, cls", [("mnist", "MNIST"), ("fashion_mnist", "FashionMNIST"), ("kmnist", "KMNIST")])
def test_idx_files_read_the_same_through_torchvision_and_without_torch(tmp_path, name, cls):
    arrays = mnist_arrays()
    write_mnist(tmp_path / cls / "raw", arrays)
    ours = read_mnist_folder(tmp_path / cls / "raw")
    for part, train in (("train", True), ("test", False)):
        theirs = getattr(torchvision.datasets, cls)(str(tmp_path), train=train, download=False)
        assert numpy.array_equal(ours[f"x_{part}"][:, 0], theirs.data.numpy())
        assert numpy.array_equal(ours[f"y_{part}"], theirs.targets.numpy())
        assert numpy.array_equal(ours[f"x_{part}"][:, 0], arrays[f"x_{part}"])


def test_gzipped_idx_files_read_without_torch(tmp_path):
    arrays = mnist_arrays(1)
    write_mnist(tmp_path, arrays, gzipped=True)
    dataset = load_dataset({"name": "mnist", "source_folder": str(tmp_path), "normalize": "none"})
    assert numpy.array_equal(dataset.x_train.reshape(-1, 28, 28), arrays["x_train"])
    assert dataset.input_shape == (784,) and dataset.class_names[3] == "3"


@pytest.mark.parametrize("binary", [False, True])
def test_cifar_batches_read_the_same_through_torchvision_and_without_torch(tmp_path, monkeypatch, binary):
    arrays = cifar_arrays()
    write_cifar(tmp_path / "cifar-10-batches-py", arrays)
    write_cifar(tmp_path / "cifar-10-batches-bin", arrays, binary=True)
    # The fake batches cannot match the real files' checksums, which torchvision verifies.
    monkeypatch.setattr(torchvision.datasets.CIFAR10, "_check_integrity", lambda self: True)
    monkeypatch.setitem(torchvision.datasets.CIFAR10.meta, "md5", None)
    ours = read_cifar_folder(tmp_path / ("cifar-10-batches-bin" if binary else "cifar-10-batches-py"))
    for part, train in (("train", True), ("test", False)):
        theirs = torchvision.datasets.CIFAR10(str(tmp_path), train=train, download=False)
        assert numpy.array_equal(ours[f"x_{part}"], theirs.data.transpose(0, 3, 1, 2))
        assert numpy.array_equal(ours[f"y_{part}"], theirs.targets)


class RunsACommand:
    def __reduce__(self):
        return (os.system, ("echo this should never run",))


def test_a_pickled_batch_that_asks_for_code_is_refused(tmp_path, capfd):
    write_cifar(tmp_path, cifar_arrays())
    (tmp_path / "test_batch").write_bytes(pickle.dumps({"data": RunsACommand(), "labels": []}))
    with pytest.raises(DataError, match="is not a CIFAR-10 batch.*is not allowed"):
        read_cifar_folder(tmp_path)
    assert "never run" not in capfd.readouterr().out


def test_first_load_goes_through_torchvision_and_later_loads_use_the_cache(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    arrays = mnist_arrays(2)
    write_mnist(data_dir / "torchvision" / "MNIST" / "raw", arrays)
    first = load_dataset({"name": "mnist", "data_dir": str(data_dir), "normalize": "none"}).shaped((1, 28, 28))
    assert cache_path("mnist", data_dir).is_file()
    assert numpy.array_equal(first.x_train[:, 0], arrays["x_train"])
    monkeypatch.setitem(sys.modules, "torchvision", None)  # the packaged app has no torch
    monkeypatch.setitem(sys.modules, "torchvision.datasets", None)
    again = load_dataset({"name": "mnist", "data_dir": str(data_dir), "normalize": "none"}).shaped((1, 28, 28))
    assert numpy.array_equal(again.x_train, first.x_train) and numpy.array_equal(again.y_test, first.y_test)


def test_without_torchvision_and_without_a_cache_the_message_says_how_to_fix_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "torchvision", None)
    monkeypatch.setitem(sys.modules, "torchvision.datasets", None)
    with pytest.raises(DataError, match=r"install it with pip install 'backprop-playground\[datasets\]'; or choose a"):
        load_dataset({"name": "fashion_mnist"})


def test_the_installed_app_does_not_offer_a_pip_command_it_cannot_run(monkeypatch):
    monkeypatch.setitem(sys.modules, "torchvision", None)
    monkeypatch.setitem(sys.modules, "torchvision.datasets", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as PyInstaller sets it
    with pytest.raises(DataError, match=r"installed app does not include torchvision.*or choose a folder") as error:
        load_dataset({"name": "fashion_mnist"})
    assert "pip install '" not in str(error.value)


def test_offline_fails_at_once_with_what_to_do(monkeypatch):
    monkeypatch.setattr(torchvision.datasets.KMNIST, "mirrors", ["http://127.0.0.1:9/"])  # nothing listens
    with pytest.raises(DataError, match="Could not download Kuzushiji-MNIST .*check the internet connection"):
        load_dataset({"name": "kmnist"})


@pytest.fixture
def file_server(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_download_reports_progress_checks_and_caches(tmp_path, monkeypatch, file_server):
    served, url = file_server
    arrays = mnist_arrays(3)
    files = write_mnist(served, arrays, gzipped=True)
    resources = [(path.name, hashlib.md5(path.read_bytes()).hexdigest()) for path in files.values()]
    monkeypatch.setattr(torchvision.datasets.MNIST, "mirrors", ["http://127.0.0.1:9/", url])
    monkeypatch.setattr(torchvision.datasets.MNIST, "resources", resources)
    reports = []
    dataset = load_dataset({"name": "mnist", "data_dir": str(tmp_path / "d"), "normalize": "none"},
                           progress=lambda what, done, total: reports.append((what, done, total)))
    assert numpy.array_equal(dataset.x_test.reshape(-1, 28, 28), arrays["x_test"])
    assert reports and reports[-1][0] == "MNIST digits"  # the window and the CLI say "Downloading"
    assert all(0 < done <= total for _, done, total in reports)
    assert read_cache(cache_path("mnist", tmp_path / "d"))["x_train"].shape == (30, 1, 28, 28)


def test_a_damaged_download_is_refused(tmp_path, monkeypatch, file_server):
    served, url = file_server
    write_mnist(served, mnist_arrays(), gzipped=True)
    monkeypatch.setattr(torchvision.datasets.MNIST, "mirrors", [url])
    monkeypatch.setattr(torchvision.datasets.MNIST, "resources",
                        [(name, "0" * 32) for name, _ in torchvision.datasets.MNIST.resources])
    with pytest.raises(DataError, match="checksum does not match"):
        load_dataset({"name": "mnist", "data_dir": str(tmp_path / "d")})
    assert not cache_path("mnist", tmp_path / "d").exists()


def test_subset_normalization_and_shape_options(tmp_path):
    write_mnist(tmp_path, mnist_arrays(4))
    base = {"name": "mnist", "source_folder": str(tmp_path)}
    first = load_dataset({**base, "subset": 10, "normalize": "unit"})
    assert first.x_train.shape == (10, 784) and 0 <= first.x_train.min() and first.x_train.max() <= 1
    sampled = load_dataset({**base, "subset": 10, "subset_mode": "random", "seed": 1, "normalize": "unit"})
    again = load_dataset({**base, "subset": 10, "subset_mode": "random", "seed": 1, "normalize": "unit"})
    assert numpy.array_equal(sampled.x_train, again.x_train)
    assert not numpy.array_equal(sampled.x_train, first.x_train)
    standardized = load_dataset({**base, "normalize": "standardize"}).shaped((1, 28, 28))
    assert standardized.x_train.shape == (30, 1, 28, 28) and standardized.input_shape == (1, 28, 28)
    assert abs(float(standardized.x_train.mean())) < 1e-5 and abs(float(standardized.x_train.std()) - 1) < 1e-4


def test_a_damaged_cache_says_to_delete_it(tmp_path):
    cache_path("mnist", tmp_path).write_bytes(b"not a zip")
    with pytest.raises(DataError, match="damaged.*delete it"):
        load_dataset({"name": "mnist", "data_dir": str(tmp_path)})


def test_idx_files_cut_short_are_refused(tmp_path):
    files = write_mnist(tmp_path, mnist_arrays())
    path = files["t10k-images-idx3-ubyte"]
    path.write_bytes(path.read_bytes()[:-5])
    with pytest.raises(DataError, match="header promises"):
        load_dataset({"name": "mnist", "source_folder": str(tmp_path)})


def test_images_and_labels_of_different_sets_in_a_chosen_folder_are_refused_with_what_to_do(tmp_path):
    arrays = mnist_arrays()
    arrays["y_test"] = arrays["y_test"][:-1]  # the labels of another set: one fewer than the images
    write_mnist(tmp_path, arrays)
    with pytest.raises(DataError, match="test images and labels in .* do not match: choose a folder whose files "
                                        "belong together, or download them again"):
        load_dataset({"name": "mnist", "source_folder": str(tmp_path)})


def test_an_idx_header_whose_size_overflows_64_bits_is_refused(tmp_path):
    """65,536⁴ bytes is 2⁶⁴, 0 in 64-bit arithmetic: the header would seem to fit an empty file."""
    files = write_mnist(tmp_path, mnist_arrays())
    files["t10k-images-idx3-ubyte"].write_bytes(bytes([0, 0, 0x08, 4]) + (65536).to_bytes(4, "big") * 4)
    with pytest.raises(DataError, match="holds 0 bytes of data, but its header promises 18,446,744,073,709,551,616"):
        load_dataset({"name": "mnist", "source_folder": str(tmp_path)})


def test_image_sets_keep_their_test_images_as_they_look(tmp_path):
    arrays = mnist_arrays(5)
    write_mnist(tmp_path, arrays)
    dataset = load_dataset({"name": "mnist", "source_folder": str(tmp_path), "normalize": "standardize"})
    assert numpy.array_equal(dataset.test_images[:, 0], arrays["x_test"])


def test_a_gzip_bomb_is_refused_after_unpacking_its_limit(tmp_path, monkeypatch):
    """A few KB of .gz that unpack to 64 MiB: read as far as a file may be, and no further."""
    monkeypatch.setattr(imagefiles, "MAX_IMAGE_FILE_BYTES", 2**20)
    path = tmp_path / "train-images-idx3-ubyte.gz"
    with gzip.open(path, "wb") as packing:
        for _ in range(64):
            packing.write(bytes(2**20))
    assert path.stat().st_size < 2**20
    with refused_within_memory() as peak, pytest.raises(DataError, match="holds more than 1 MiB"):
        imagefiles.read_idx(path)
    assert peak() < 8 * 2**20


def test_an_image_file_past_the_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(imagefiles, "MAX_IMAGE_FILE_BYTES", 1000)
    path = tmp_path / "test_batch.bin"
    path.write_bytes(bytes(3073))
    with pytest.raises(DataError, match=r"holds more than 0 MiB \(3,073 bytes or more\)"):
        imagefiles._cifar_binary_batch(path)
