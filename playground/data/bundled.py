"""The real data sets shipped in resources/datasets/, which work offline."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy

from playground.data.dataset import Dataset, DatasetConfig, finish_table
from playground.data.titles import dataset_title
from playground.errors import DataError
from playground.resources import resources_dir
from playground.words import tr

NUCLEUS_FEATURES = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                    "concave points", "symmetry", "fractal dimension"]

SOURCES = {
    "digits": "UCI Optical Recognition of Handwritten Digits, test set (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0).",
    "iris": "R. A. Fisher's iris measurements (1936), as in the UCI repository with its two errors fixed.",
    "breast_cancer": "UCI Breast Cancer Wisconsin (Diagnostic) (W. H. Wolberg, W. N. Street, O. L. Mangasarian, "
                     "1995; CC BY 4.0).",
    "diabetes": "Efron, Hastie, Johnstone and Tibshirani's diabetes study data (Least Angle Regression, 2004).",
}


def _path(name: str) -> Path:
    return resources_dir() / "datasets" / name


def _read(name: str, delimiter: str = ",", skip_header: bool = False) -> numpy.ndarray:
    path = _path(name)
    try:
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="ascii") as handle:
            return numpy.loadtxt(handle, delimiter=delimiter if delimiter != " " else None,
                                 skiprows=1 if skip_header else 0, ndmin=2)
    except (OSError, ValueError) as error:
        raise DataError(tr("The bundled file {0} cannot be read ({1}): reinstall the app.").format(
            path, error)) from None


def _header(name: str) -> list[str]:
    with open(_path(name), encoding="ascii") as handle:
        return handle.readline().strip().split(",")


def digits(config: DatasetConfig) -> Dataset:
    table = _read("digits.csv.gz")
    x, y = table[:, :64], table[:, 64].astype(numpy.int64)
    # "unit" divides by the largest value: each pixel counts 0 to 16 dots of a 4×4 block.
    return finish_table("digits", dataset_title("digits"), "multiclass", x, y, config,
                        [f"pixel {r},{c}" for r in range(8) for c in range(8)], [str(d) for d in range(10)],
                        SOURCES["digits"], images=x.reshape(-1, 1, 8, 8))


def iris(config: DatasetConfig) -> Dataset:
    table = _read("iris.csv", skip_header=True)
    classes = _header("iris.csv")[2:]
    return finish_table("iris", dataset_title("iris"), "multiclass", table[:, :4], table[:, 4].astype(numpy.int64),
                        config, ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
                        classes, SOURCES["iris"])


def breast_cancer(config: DatasetConfig) -> Dataset:
    table = _read("breast_cancer.csv", skip_header=True)
    names = [f"{kind} {feature}" for kind in ("mean", "error of", "worst") for feature in NUCLEUS_FEATURES]
    # Class 1 is benign in the file; the network predicts the probability of class 1.
    return finish_table("breast_cancer", dataset_title("breast_cancer"), "binary", table[:, :30],
                        table[:, 30], config, names, _header("breast_cancer.csv")[2:], SOURCES["breast_cancer"])


def diabetes(config: DatasetConfig) -> Dataset:
    x = _read("diabetes_data_raw.csv.gz", delimiter=" ")
    y = _read("diabetes_target.csv.gz")
    names = ["age", "sex", "body mass index", "blood pressure", "total cholesterol", "LDL", "HDL",
             "cholesterol / HDL", "log triglycerides", "blood sugar"]
    return finish_table("diabetes", dataset_title("diabetes"), "regression", x, y.reshape(-1, 1), config, names,
                        [], SOURCES["diabetes"], target_name=tr("disease progression"))


LOADERS = {"digits": digits, "iris": iris, "breast_cancer": breast_cancer, "diabetes": diabetes}
