"""The data's side of an export: how the app prepared its inputs, what the outputs mean (class names,
the target's units), written out as NumPy or PyTorch code (prepare, predict, predict_class) and in
words for the exported file's docstring, so that the export takes examples as the data set has them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy

from playground.data import Dataset, Preprocessing
from playground.data.preprocessing import FEATURES
from playground.engine import NetworkSpec
from playground.errors import PlaygroundError
from playground.words import tr

TASKS = {"cross_entropy": "multiclass", "binary_cross_entropy": "binary", "mse": "regression"}
NAMED_COLUMNS = 12  # a docstring names this many raw columns at most; RAW_COLUMNS lists them all
WIDTH = 100  # of the lines written
NO_BREAK = "\0"  # a space that wrapping keeps: shapes stay on one line


@dataclass(frozen=True)
class RawInputs:
    """What predict needs beyond the network, for one export."""

    preprocessing: Preprocessing
    task: str
    class_names: list[str]
    target_scale: tuple[float, float] | None  # (mean, std) the network's target was standardized by
    title: str | None  # the data set's, None for a network exported without its data

    @classmethod
    def of(cls, network: NetworkSpec, dataset: Dataset | None) -> RawInputs:
        """The dataset's, after checking the network fits it; without a dataset, inputs are taken as they
        are and classes are numbered."""
        if dataset is None:
            task = TASKS[network.loss]
            classes = {"multiclass": network.output_size, "binary": 2}.get(task, 0)
            return cls(Preprocessing(network.input_shape, network.input_shape), task,
                       [str(i) for i in range(classes)], None, None)
        size = math.prod(dataset.preprocessing.input_shape)
        if size != network.input_size:
            raise PlaygroundError(tr("The network takes {0} inputs, but the {1} data give {2}: fit its input to the "
                                     "data before exporting.").format(network.input_size, dataset.title, size))
        problem = dataset.fit_problem(network.output_size, network.loss, network.validate()[-1].path)
        if problem is not None:
            raise PlaygroundError(problem)
        # prepare gives what the network takes: an image set's images for a conv network, else flat rows.
        preprocessing = dataset.shaped(network.input_shape).preprocessing
        return cls(preprocessing, dataset.task, list(dataset.class_names), dataset.target_scale, dataset.title)

    # Code. `array` is the module the code computes with: "np" or "torch".

    def constants(self, array: str) -> str:
        """The numbers prepare and predict use, as Python assignments."""
        p = self.preprocessing
        lines = ["# How the app prepared its data from raw examples, with the numbers it used (see prepare).",
                 f"RAW_SHAPE = {tuple(p.raw_shape)!r}  # one raw example{self._raw_shape_meaning()}"]
        if p.raw_names:
            lines.append(f"RAW_COLUMNS = {_list(list(p.raw_names))}")
        if p.features is not None:
            lines.append(f"FEATURES = {_list(list(p.features))}  # the network's inputs, made from the raw columns")
        shift, scale = self._normalization_comments()
        lines.append(f"SHIFT = {_array(p.shift, array)}  # {shift}")
        lines.append(f"SCALE = {_array(p.scale, array)}  # {scale}")
        lines.append(f"INPUT_SHAPE = {tuple(p.input_shape)!r}  # one prepared example, as the network takes it")
        if self.task != "regression":
            lines.append(f"CLASS_NAMES = {_list(self.class_names)}  # what the outputs mean, in their order")
        if self.target_scale is not None:
            mean, std = self.target_scale
            lines.append(f"TARGET_MEAN, TARGET_STD = {mean!r}, {std!r}  # the network learned (target − mean) / std")
        return "\n".join(lines) + "\n"

    def prepare_function(self, array: str) -> str:
        """prepare(raw): the network's inputs from raw examples, as the data set has them."""
        p = self.preprocessing
        if array == "np":
            signature, to_values = "prepare(raw)", "np.asarray(raw, dtype=np.float64)"
            stack, to_float32 = "np.column_stack({})", ".astype(np.float32)"
        else:
            signature, to_values = "prepare(raw) -> torch.Tensor", "torch.as_tensor(raw, dtype=torch.float64)"
            stack, to_float32 = "torch.stack({}, dim=1)", ".float()"
        body = [f"values = {to_values}.reshape(len(raw), *RAW_SHAPE)"]
        if p.features is not None:
            columns = ("x1", "x2")[:p.raw_shape[0]]
            body.append(f"{', '.join(columns)} = " + ", ".join(f"values[:, {i}]" for i in range(len(columns))))
            formulas = [FEATURES[name][1].replace("np.", f"{array}.") for name in p.features]
            body.append(f"values = {stack.format(_list(formulas, str, '    '))}  # FEATURES")
        body.append(f"return ((values - SHIFT) / SCALE).reshape(len(values), *INPUT_SHAPE){to_float32}")
        doc = wrap(f"The network's inputs for raw examples, shape (n,{NO_BREAK}*RAW_SHAPE): {self.steps()}; in "
                    "float32, as the app keeps its data, so that predictions match the app's.", "    ")
        lines = "\n".join(f"    {line}" for line in body)
        return f'''
def {signature}:
    """{doc.strip()}"""
{lines}
'''

    def predict_functions(self, array: str, outputs: str, signature: str, call: str) -> str:
        """predict, and predict_class for classification: `outputs` is the code for the network's outputs
        on prepared inputs x, `signature` the arguments before raw, `call` how predict is called."""
        returns, names = (" -> torch.Tensor", " -> list[str]") if array == "torch" else ("", "")
        if self.task == "regression":
            value = "outputs" if self.target_scale is None else "outputs * TARGET_STD + TARGET_MEAN"
        elif array == "np":
            value = "probabilities(outputs)"
        else:
            value = "torch.sigmoid(outputs)" if self.task == "binary" else "torch.softmax(outputs, dim=1)"
        code = f'''

def predict({signature}raw){returns}:
    """{wrap(f"For raw examples (see prepare), one row each: {self.answers()}.", "    ").strip()}"""
{outputs}
    return {value}
'''
        if self.task == "multiclass":
            code += f'''

def predict_class({signature}raw){names}:
    """The likeliest class's name for each raw example."""
    return [CLASS_NAMES[i] for i in {call}.argmax({"axis" if array == "np" else "dim"}=1).tolist()]
'''
        elif self.task == "binary":
            code += f'''

def predict_class({signature}raw){names}:
    """Each raw example's class name: CLASS_NAMES[1] where its probability is over 0.5, as the app counts."""
    return [CLASS_NAMES[int(p > 0.5)] for p in {call}[:, 0].tolist()]
'''
        return code

    def random_raw(self) -> str:
        """NumPy code for 5 made-up raw examples, given a generator rng."""
        if self.preprocessing.pixel_range is not None:
            low, high = self.preprocessing.pixel_range
            return f"rng.integers({low}, {high + 1}, size=(5, *RAW_SHAPE))"
        return "SHIFT + SCALE * rng.standard_normal((5, *RAW_SHAPE))"  # around the data's own values

    # Words.

    def description(self, predict_call: str) -> str:
        """A paragraph for the exported file's docstring: what predict takes and gives."""
        text = f"{predict_call} takes examples as the data set has them: {self.raw_description()}. It returns " \
               f"{self.answers()}"
        if self.task != "regression":
            text += f"; predict_class names the likeliest class, one of CLASS_NAMES ({_names(self.class_names)})"
        text += f". prepare(raw) makes the network's inputs from them as the app did: {self.steps()}."
        if self.title is not None:
            text = f"Data set: {_safe(self.title)}. " + text
        return wrap(text)

    def raw_description(self) -> str:
        p = self.preprocessing
        shape = f"shape (n,{NO_BREAK}{f',{NO_BREAK}'.join(str(d) for d in p.raw_shape)})"
        if self.title is None:
            return f"rows of the network's {math.prod(p.raw_shape)} inputs, {shape}, prepared as the app prepared " \
                   "its data: the export was made without the data"
        if p.pixel_range is not None:
            low, high = p.pixel_range
            return f"images of {shape} with pixel values {low} to {high}, as in the data files"
        if p.features is not None:
            return f"points (x1, x2), {shape}" if len(p.raw_names) == 2 else f"values of x1, {shape}"
        if len(p.raw_names) <= NAMED_COLUMNS:
            return f"rows of the columns {_names(list(p.raw_names))} as in the data file, {shape}"
        return f"rows of the {len(p.raw_names)} columns in RAW_COLUMNS as in the data file, {shape}"

    def steps(self) -> str:
        p = self.preprocessing
        steps = []
        if p.features is not None:
            steps.append(f"the features {', '.join(p.features)} of each point")
        part = "channel" if p.pixel_range is not None else "column"
        if p.normalization == "standardize":
            steps.append(f"each {part} standardized by the training split's mean (SHIFT) and standard deviation "
                         "(SCALE)")
        elif p.normalization == "unit":
            steps.append(f"divided by {float(p.scale):g} (SCALE)")
        if tuple(p.input_shape) != tuple(p.raw_shape) and p.features is None:
            steps.append(f"flattened to {p.input_shape[0]} values" if len(p.input_shape) == 1 else
                         f"reshaped to {tuple(p.input_shape)}")
        return ", then ".join(steps) or "the values as they are"

    def answers(self) -> str:
        if self.task == "multiclass":
            return "the probability of each class, one column per class in CLASS_NAMES's order"
        if self.task == "binary":
            return f"the probability of class {_names(self.class_names[1:])} (the other is " \
                   f"{_names(self.class_names[:1])})"
        if self.target_scale is None:
            return "the predicted values"
        return "the predicted values in the target's own units: the network learned the target standardized " \
               "(TARGET_MEAN, TARGET_STD), and predict undoes that"

    def _raw_shape_meaning(self) -> str:
        p = self.preprocessing
        if self.title is None:
            return ""
        if p.pixel_range is not None:
            return f": an image (channels, height, width), pixel values {p.pixel_range[0]} to {p.pixel_range[1]}"
        return ": a point" if p.features is not None else ": a row of the data file"

    def _normalization_comments(self) -> tuple[str, str]:
        p = self.preprocessing
        part = "channel" if p.pixel_range is not None else "column"
        if p.normalization == "standardize":
            return f"each {part}'s mean over the training split", f"each {part}'s standard deviation there"
        if p.normalization == "unit":
            return "nothing is subtracted", "the largest pixel value" if part == "channel" else "the largest " \
                "magnitude in the data"
        return "nothing is subtracted", "nor divided"


def _array(value: numpy.ndarray, array: str) -> str:
    """A float64 array as code; repr keeps every digit, so the export computes with the app's numbers."""
    if value.ndim == 0:
        return repr(float(value))
    items = _list(value.ravel().tolist())
    made = f"np.array({items})" if array == "np" else f"torch.tensor({items}, dtype=torch.float64)"
    return made if value.ndim == 1 else f"{made}.reshape{value.shape!r}"


def _list(items: list, code: Callable[[Any], str] = repr, indent: str = "") -> str:
    """A list as code: on one line when short, else wrapped between items; `indent` is the line's."""
    texts = [code(item) for item in items]
    if sum(len(text) + 2 for text in texts) <= 60:
        return f"[{', '.join(texts)}]"
    lines = [""]
    for text in texts:
        if lines[-1] and len(indent) + len(lines[-1]) + len(text) + 6 > WIDTH:
            lines.append("")
        lines[-1] += f"{text}, "
    return "[\n" + "".join(f"{indent}    {line.rstrip()}\n" for line in lines) + f"{indent}]"


def _names(names: list[str]) -> str:
    return ", ".join(_safe(repr(name)) for name in names)


def _safe(text: str) -> str:
    """Text that may go inside a triple-quoted docstring as it is."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def wrap(text: str, indent: str = "") -> str:
    wrapped = textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_long_words=False,
                            break_on_hyphens=False)
    return wrapped.replace(NO_BREAK, " ")
