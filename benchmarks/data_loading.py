"""How long each data source takes to load, against the targets of issue 3.

    python benchmarks/data_loading.py

Targets: the 2-D sets and the bundled sets well under 100 ms; the MNIST .npz cache under 1 s.
The MNIST figure uses a cache of MNIST's size and sparsity (60,000 + 10,000 images, about 80%
zero pixels, like the real digits), since nothing can be downloaded here.
"""

import argparse
import tempfile
import time
from pathlib import Path

import numpy

from playground.data import load_dataset
from playground.data.images import cache_path, write_cache
from playground.data.synthetic import SETS


def best_ms(config: dict, repeats: int = 5) -> float:
    """Milliseconds of the fastest of `repeats` loads of `config`."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        load_dataset(config)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def mnist_like(rng: numpy.random.Generator, n: int) -> numpy.ndarray:
    images = rng.integers(0, 256, (n, 1, 28, 28), dtype=numpy.uint8)
    images[rng.random(images.shape) < 0.8] = 0
    return images


def main() -> None:
    rows = []
    for name in SETS:
        rows.append((f"{name} (500 points, generated)", best_ms({"name": name}), 100))
    for name in ("digits", "iris", "breast_cancer", "diabetes"):
        rows.append((f"{name} (bundled)", best_ms({"name": name}), 100))
    rng = numpy.random.default_rng(0)
    with tempfile.TemporaryDirectory() as folder:
        arrays = {"x_train": mnist_like(rng, 60_000), "y_train": rng.integers(0, 10, 60_000),
                  "x_test": mnist_like(rng, 10_000), "y_test": rng.integers(0, 10, 10_000)}
        write_cache(cache_path("mnist", Path(folder)), arrays)
        config = {"name": "mnist", "data_dir": folder, "normalize": "unit", "flatten": True}
        rows.append(("MNIST from its .npz cache, to [0,1], flattened", best_ms(config, 3), 1000))
    for label, ms, target in rows:
        verdict = "ok" if ms < target else "OVER"
        print(f"{verdict:<4} {label:<52} {ms:8.1f} ms   (target < {target} ms, {target / ms:5.1f}x headroom)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()  # --help, and no arguments
    main()
