"""Dataset: what every data source hands the app, and the config that says which one to load."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from functools import partial
from typing import Any

import numpy

from playground import errors
from playground.data.preprocessing import Preprocessing, standardization
from playground.errors import DataError
from playground.words import term, tr

whole = partial(errors.whole, error=DataError)
real = partial(errors.real, error=DataError)
choice = partial(errors.choice, error=DataError)
check_fields = partial(errors.check_fields, error=DataError)

TASKS = ("regression", "binary", "multiclass")
NORMALIZATIONS = ("none", "unit", "standardize")


@dataclass
class Dataset:
    """Train and test arrays with what they mean.

    Inputs are (n, *input_shape) float32: one flat vector per example as loaded, and an image set's
    (C, H, W) images once `shaped` for a network that starts on images. Targets: class numbers (n,)
    for multi-class, 0/1 in (n, 1) for binary, values (n, k) for regression.
    """

    name: str
    title: str
    task: str
    x_train: numpy.ndarray
    y_train: numpy.ndarray
    x_test: numpy.ndarray
    y_test: numpy.ndarray
    input_shape: tuple[int, ...]
    feature_names: list[str]
    class_names: list[str]
    source: str  # where the data comes from, in a sentence, for the app to show
    preprocessing: Preprocessing  # how x_train and x_test were made from the raw examples
    raw_test: numpy.ndarray  # the test inputs as the source has them: preprocessing.prepare(raw_test) is x_test
    points_train: numpy.ndarray | None = None  # the raw (x1, x2) of 2-D sets, for plotting
    points_test: numpy.ndarray | None = None
    target_scale: tuple[float, float] | None = None  # (mean, std) when regression targets were standardized
    target_name: str = ""  # what a regression predicts, as a person names it ("price"); "" when it has no name
    test_images: numpy.ndarray | None = None  # image sets: the test images as they look, (n, C, H, W), for display

    @property
    def image_shape(self) -> tuple[int, ...] | None:
        """(C, H, W) of an image set's images (the 8×8 digits too); None for points and tables."""
        return None if self.test_images is None else tuple(self.test_images.shape[1:])

    def input_shape_for(self, images: bool) -> tuple[int, ...]:
        """What a network takes from these data: the images, when it starts on images and these are an
        image set; else one flat vector per example."""
        if images and self.image_shape is not None:
            return self.image_shape
        return (math.prod(self.input_shape),)

    def shaped(self, input_shape: tuple[int, ...]) -> Dataset:
        """The same examples as a network with this input shape takes them, flat or as (C, H, W) images:
        the arrays are views, and the preprocessing gives that shape too. DataError, saying what the data
        give, when they cannot be read so."""
        input_shape = tuple(input_shape)
        if input_shape == tuple(self.input_shape):
            return self
        size = math.prod(self.input_shape)
        if input_shape not in ((size,), self.image_shape):
            if self.image_shape is None:
                raise DataError(tr("The network takes inputs of shape {0}, but {1} gives {2} values: make the first "
                                   "layer match the data.").format(input_shape, self.title, size))
            raise DataError(tr("The network takes inputs of shape {0}, but {1} gives images of shape {2} ({3} values "
                               "flat): make the first layer match the data.").format(
                input_shape, self.title, self.image_shape, size))
        return replace(self, x_train=self.x_train.reshape(len(self.x_train), *input_shape),
                       x_test=self.x_test.reshape(len(self.x_test), *input_shape), input_shape=input_shape,
                       preprocessing=replace(self.preprocessing, input_shape=input_shape))

    @property
    def outputs(self) -> int:
        """Units the network's last layer needs: classes, 1 for binary, target columns."""
        if self.task == "multiclass":
            return len(self.class_names)
        return 1 if self.task == "binary" else self.y_train.reshape(len(self.y_train), -1).shape[1]

    @property
    def loss(self) -> str:
        return {"regression": "mse", "binary": "binary_cross_entropy", "multiclass": "cross_entropy"}[self.task]

    def fit_problem(self, outputs: int, loss: str, last_layer: str) -> str | None:
        """What stops a network with this many outputs and this loss from training on these data,
        in a sentence naming its last layer, or None. Losses are named as the window names them."""
        # Each task's targets are made for one loss. The task is named in words, never by its identifier.
        if loss != self.loss:
            if self.task == "binary":
                return tr("The {0} loss does not fit data of two classes: choose {1}.").format(term(loss),
                                                                                             term(self.loss))
            if self.task == "multiclass":
                return tr("The {0} loss does not fit data of {1} classes: choose {2}.").format(
                    term(loss), self.outputs, term(self.loss))
            return tr("The {0} loss does not fit data whose targets are numbers, not classes: choose {1}.").format(
                term(loss), term(self.loss))
        needed = self.outputs
        if outputs == needed:
            return None
        # One whole sentence for each task (and for one unit), so that a translation can order its words.
        if self.task == "binary":
            return tr("Two classes take one output, the chance of the second; layer {0} gives {1}: give it 1 "
                      "unit.").format(last_layer, outputs)
        if self.task == "multiclass":
            return tr("The data has {0} classes, so the network needs {0} outputs; layer {1} gives {2}: give it {0} "
                      "units.").format(needed, last_layer, outputs)
        if needed == 1:
            return tr("The data has 1 target values per example, so the network needs 1 outputs; layer {0} gives "
                      "{1}: give it 1 unit.").format(last_layer, outputs)
        return tr("The data has {0} target values per example, so the network needs {0} outputs; layer {1} gives "
                  "{2}: give it {0} units.").format(needed, last_layer, outputs)


MAX_POINTS = 1_000_000  # generated points; far past what a plane of them shows, and a few tens of MB
# Settings older files may hold that no longer mean anything: "flatten" chose whether image sets came flat
# or as (C, H, W) images; now the network decides (Dataset.shaped).
RETIRED_SETTINGS = ("flatten",)


@dataclass
class DatasetConfig:
    """The JSON-able description of a dataset that presets and project files store."""

    name: str = "circle"
    seed: int = 42
    train_ratio: float = 0.5
    # 2-D sets
    points: int = 500
    noise: float = 0.0  # percent, 0 to 50
    features: list[str] | None = None  # default x1, x2 (x1 for 1-D sets)
    # tables and images
    normalize: str = "standardize"  # images: "unit" ([0, 1]) or "standardize"; digits too
    standardize_target: bool = False
    # image sets (loaded flat; Dataset.shaped gives the images to a network that starts on them)
    subset: int | None = None  # train on this many images
    subset_mode: str = "first"  # "first" or "random" (seeded)
    data_dir: str | None = None  # where downloads and caches go; default the user's data folder
    source_folder: str | None = None  # a folder of the standard IDX/CIFAR files, read without torch
    # CSV files
    path: str | None = None
    target: str | None = None  # the target column's name; default the last column
    task: str | None = None  # override the inferred task

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> DatasetConfig:
        if not isinstance(data, dict):
            raise DataError(tr("The dataset settings must be an object such as {0}.").format('{"name": "circle"}'))
        data = {key: value for key, value in data.items() if key not in RETIRED_SETTINGS}
        check_fields(data, {f.name for f in fields(cls)}, tr("The dataset settings"))
        config = cls(**data)
        config.check()
        return config

    def check(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise DataError(tr("The dataset settings need a name, such as {0} or {1}.").format('"circle"', '"digits"'))
        whole(self.seed, tr("The dataset seed"), minimum=0)
        real(self.train_ratio, tr("The train/test ratio"), minimum=0.1, maximum=0.9)
        whole(self.points, tr("The number of points"), minimum=4, maximum=MAX_POINTS)
        real(self.noise, tr("The noise (in percent)"), minimum=0.0, maximum=50.0)
        if self.features is not None and (not isinstance(self.features, list) or not self.features
                                          or not all(isinstance(f, str) for f in self.features)):
            raise DataError(tr("Choose at least one input feature, such as {0}.").format("x1"))
        choice(self.normalize, NORMALIZATIONS, tr("The normalization"))
        choice(self.subset_mode, ("first", "random"), tr("The subset mode"))
        if self.subset is not None:
            whole(self.subset, tr("The subset size"), minimum=1)
        if self.task is not None:
            choice(self.task, TASKS, tr("The task"))
        if not isinstance(self.standardize_target, bool):
            raise DataError(tr("{0} must be true or false.").format("standardize_target"))
        for name in ("data_dir", "source_folder", "path", "target"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise DataError(tr("{0} must be text.").format(name))


def split(n: int, train_ratio: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Shuffled train and test indices; both sides get at least one example."""
    if n < 2:
        raise DataError(tr("There is 1 example: at least 2 are needed to split into training and test data.") if n == 1
                        else tr("There are {0} examples: at least 2 are needed to split into training and test "
                                "data.").format(n))
    order = rng.permutation(n)
    cut = min(max(int(round(n * train_ratio)), 1), n - 1)
    return order[:cut], order[cut:]


def finish_table(name: str, title: str, task: str, x: numpy.ndarray, y: numpy.ndarray, config: DatasetConfig,
                 feature_names: list[str], class_names: list[str], source: str,
                 images: numpy.ndarray | None = None, target_name: str = "") -> Dataset:
    """Split a table, standardize its features (and a regression target when asked). For images,
    `images` holds them as they look, (n, C, H, W): the test ones are kept for display, and give the
    shape a network that starts on images takes (Dataset.shaped)."""
    rng = numpy.random.default_rng(config.seed)
    train, test = split(len(x), config.train_ratio, rng)
    input_shape = (x.shape[1],)
    shift, scale = numpy.zeros(()), numpy.ones(())
    if config.normalize == "standardize":
        shift, scale = standardization(x[train])
    elif config.normalize == "unit":
        scale = numpy.array(float(numpy.abs(x).max()) or 1.0)
    preprocessing = Preprocessing((x.shape[1],), input_shape, tuple(feature_names), shift=shift, scale=scale,
                                  normalization=config.normalize)
    x_train, x_test = preprocessing.prepare(x[train]), preprocessing.prepare(x[test])
    for part in (x_train, x_test):
        bad = ~numpy.isfinite(part.reshape(len(part), -1)).all(axis=0)
        if bad.any():
            raise DataError(tr("Column {0!r} holds values too large to train on once scaled (beyond ±3.4e38): "
                               "rescale or remove it.").format(feature_names[int(numpy.argmax(bad))]))
    y_train, y_test = y[train], y[test]
    target_scale = None
    if task == "regression":
        with numpy.errstate(over="ignore"):
            y_train, y_test = y_train.astype(numpy.float32), y_test.astype(numpy.float32)
        if not (numpy.isfinite(y_train).all() and numpy.isfinite(y_test).all()):
            raise DataError(tr("The target holds values too large to train on (beyond ±3.4e38): rescale it."))
        if config.standardize_target:
            # In float64: squares of float32 targets past 1.8e19 overflow float32, and an infinite std zeroes them.
            mean, std = (value.item() for value in standardization(y_train.reshape(-1, 1)))
            y_train, y_test = ((y_train - mean) / std).astype(numpy.float32), ((y_test - mean) / std).astype(
                numpy.float32)
            target_scale = (mean, std)
    elif task == "binary":
        y_train = y_train.astype(numpy.float32).reshape(-1, 1)
        y_test = y_test.astype(numpy.float32).reshape(-1, 1)
    return Dataset(name, title, task, x_train, y_train, x_test, y_test, input_shape, feature_names,
                   class_names, source, preprocessing, x[test], target_scale=target_scale, target_name=target_name,
                   test_images=None if images is None else images[test].astype(numpy.float32))
