"""Datasets in, arrays out: 2-D playground sets, bundled tables and digits, torchvision image sets,
CSV files. No Qt here. One entry point: `load_dataset(config)`.
"""

from __future__ import annotations

from typing import Any

from playground.data.bundled import LOADERS as BUNDLED
from playground.data.bundled import SOURCES as BUNDLED_SOURCES
from playground.data.csvfile import MAX_CSV_BYTES, load_csv
from playground.data.dataset import Dataset, DatasetConfig
from playground.data.folders import user_data_dir
from playground.data.images import IMAGE_SETS, Progress, load_images
from playground.data.preprocessing import Preprocessing, expand_features, feature_names_for
from playground.data.synthetic import SETS as SYNTHETIC
from playground.data.synthetic import SOURCE as SYNTHETIC_SOURCE
from playground.data.synthetic import generate
from playground.data.titles import dataset_title
from playground.errors import DataError
from playground.words import listed, tr


def dataset_names() -> list[str]:
    """Every dataset `load_dataset` knows by name ("csv" takes a path as well)."""
    return [*SYNTHETIC, *BUNDLED, *IMAGE_SETS, "csv"]


def dataset_source(name: str) -> str:
    """Where a named dataset comes from, in a sentence, without loading it."""
    if name in SYNTHETIC:
        return SYNTHETIC_SOURCE
    if name in BUNDLED:
        return BUNDLED_SOURCES[name]
    if name in IMAGE_SETS:
        return IMAGE_SETS[name][2]
    return "A CSV file you choose."


def load_dataset(config: DatasetConfig | dict[str, Any], progress: Progress | None = None) -> Dataset:
    """The dataset a config (as presets and project files store it) describes."""
    if not isinstance(config, DatasetConfig):
        config = DatasetConfig.from_dict(config)
    config.check()
    if config.name in SYNTHETIC:
        return generate(config)
    if config.name in BUNDLED:
        return BUNDLED[config.name](config)
    if config.name in IMAGE_SETS:
        return load_images(config, progress)
    if config.name == "csv":
        return load_csv(config)
    raise DataError(tr("There is no dataset {0!r}: choose one of {1}.").format(config.name, listed(dataset_names())))


__all__ = ["MAX_CSV_BYTES", "Dataset", "DatasetConfig", "Preprocessing", "dataset_names", "dataset_source",
           "dataset_title", "expand_features", "feature_names_for", "load_dataset", "user_data_dir"]
