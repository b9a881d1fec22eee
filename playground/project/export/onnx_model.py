"""The ONNX export: one .onnx file that any ONNX runtime runs, written with the onnx package from the
network's own spec and weights, not through torch, so that the installed app writes it too.

It takes raw examples as the data set has them and gives what the app predicts: the app's preprocessing
(a 2-D set's features, the standardization, an image set's shape) comes first as ONNX operators, in
float64 as the app computes it, then the network in float32, then the softmax or sigmoid (or, for a
regression, the target's scale undone).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy

from playground import __version__
from playground.data import Dataset, Preprocessing
from playground.engine import (
    ActivationSpec,
    AvgPool2DSpec,
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    DropoutSpec,
    FlattenSpec,
    GlobalAvgPoolSpec,
    MaxPool2DSpec,
    NetworkSpec,
)
from playground.errors import PlaygroundError, install_advice
from playground.project.export.common import activation_alpha, checked_state, write_file
from playground.project.export.raw_inputs import NO_BREAK, RawInputs
from playground.words import tr

# Opset 17 (ONNX 1.12, 2022) has every operator used here, and runtimes from then on read it.
OPSET = 17
IR_VERSION = 8  # the IR version that goes with opset 17
ACTIVATIONS = {"relu": "Relu", "leaky_relu": "LeakyRelu", "elu": "Elu", "sigmoid": "Sigmoid", "tanh": "Tanh",
               "softplus": "Softplus", "softmax": "Softmax"}
# A 2-D set's features from its columns x1 and x2: the operator and the columns it takes, as FEATURES computes
# them (x1² is x1·x1, as NumPy computes a square).
FEATURE_NODES = {"x1": ("Identity", (0,)), "x2": ("Identity", (1,)), "x1²": ("Mul", (0, 0)),
                 "x2²": ("Mul", (1, 1)), "x1·x2": ("Mul", (0, 1)), "sin x1": ("Sin", (0,)), "sin x2": ("Sin", (1,)),
                 "cos x1": ("Cos", (0,)), "cos x2": ("Cos", (1,))}


def export_onnx(network: NetworkSpec, state: dict[str, numpy.ndarray], path: Path,
                dataset: Dataset | None = None) -> None:
    """Write an ONNX model whose input "raw" takes examples as the dataset has them (pixels as uint8, anything
    else as float64) and whose output is the app's predictions: "probabilities", or "values" in the target's
    own units. Without a dataset it takes the network's inputs as they are."""
    try:
        import onnx
    except ImportError:
        advice = install_advice("onnx", "pip install 'backprop-playground[export]'")
        raise PlaygroundError(tr("Exporting to ONNX needs the onnx package: {0}.").format(advice)) from None
    raw = RawInputs.of(network, dataset)
    state = checked_state(network, state)
    graph = _Graph(onnx)
    h = _preprocessing(graph, raw.preprocessing)
    h = _layers(graph, network.layers, tuple(network.input_shape), "", state, h)
    output = _answers(graph, raw, network.loss, h)
    model = graph.model(raw, output, network.output_size)
    onnx.checker.check_model(model, full_check=True)
    write_file(Path(path), model.SerializeToString())


class _Graph:
    """The nodes and the weights of one ONNX graph, as they are added; every value is named once."""

    def __init__(self, onnx: Any) -> None:
        self.onnx, self.helper = onnx, onnx.helper
        self.nodes: list[Any] = []
        self.weights: list[Any] = []
        self._names: set[str] = {"raw"}

    def _name(self, wanted: str) -> str:
        name, n = wanted, 1
        while name in self._names:
            n += 1
            name = f"{wanted}_{n}"
        self._names.add(name)
        return name

    def constant(self, name: str, value: numpy.ndarray) -> str:
        name = self._name(name)
        self.weights.append(self.onnx.numpy_helper.from_array(numpy.ascontiguousarray(value), name))
        return name

    def add(self, op: str, inputs: list[str], name: str, **attributes: Any) -> str:
        """Append one node; returns the name of its output."""
        output = self._name(name)
        self.nodes.append(self.helper.make_node(op, inputs, [output], name=output, **attributes))
        return output

    def model(self, raw: RawInputs, output: str, outputs: int) -> Any:
        helper, tensor = self.helper, self.onnx.TensorProto
        p = raw.preprocessing
        pixels = p.pixel_range is not None
        inputs = [helper.make_tensor_value_info("raw", tensor.UINT8 if pixels else tensor.DOUBLE, ["n", *p.raw_shape])]
        name = "values" if raw.task == "regression" else "probabilities"
        self.nodes.append(helper.make_node("Identity", [output], [name], name=name))
        outputs_info = [helper.make_tensor_value_info(name, tensor.FLOAT, ["n", outputs])]
        graph = helper.make_graph(self.nodes, "backprop_playground", inputs, outputs_info, self.weights)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                  producer_name="Backprop Playground", producer_version=__version__,
                                  doc_string=_description(raw, name))
        model.ir_version = IR_VERSION
        metadata = {"task": raw.task, "preprocessing": raw.steps()}
        if raw.task != "regression":
            metadata["class_names"] = json.dumps(raw.class_names)
        if p.raw_names:
            metadata["raw_columns"] = json.dumps(list(p.raw_names))
        if raw.title is not None:
            metadata["data_set"] = raw.title
        helper.set_model_props(model, metadata)
        return model


def _description(raw: RawInputs, output: str) -> str:
    if raw.task == "multiclass":
        what = "the probability of each class, one column per class in the order of the metadata's class_names"
    elif raw.task == "binary":
        what = f"the probability of class {raw.class_names[1]!r} (the other is {raw.class_names[0]!r})"
    else:
        what = "the predicted values" + (" in the target's own units" if raw.target_scale is not None else "")
    kind = "uint8" if raw.preprocessing.pixel_range is not None else "float64"
    text = (f"A network exported from Backprop Playground. Input 'raw' ({kind}): {raw.raw_description()}; "
            f"prepared as the app prepared its data: {raw.steps()}. Output '{output}' (float32): {what}.")
    return text.replace(NO_BREAK, " ")


def _preprocessing(graph: _Graph, p: Preprocessing) -> str:
    """The network's float32 inputs from the raw examples, as Preprocessing.prepare makes them: in float64,
    the features of a 2-D set's points, then (value − shift) / scale, then float32 in the input shape."""
    tensor = graph.onnx.TensorProto
    h = "raw" if p.pixel_range is None else graph.add("Cast", ["raw"], "pixels", to=tensor.DOUBLE)
    shape = tuple(p.raw_shape)
    if p.features is not None:
        columns = [graph.add("Gather", [h, graph.constant(f"column_{i}", numpy.array([i], numpy.int64))],
                             f"x{i + 1}", axis=1) for i in range(p.raw_shape[0])]
        features = []
        for name in p.features:
            op, taken = FEATURE_NODES[name]
            features.append(graph.add(op, [columns[i] for i in taken], f"feature {name}"))
        h = graph.add("Concat", features, "features", axis=1)
        shape = (len(features),)
    if numpy.any(p.shift != 0):
        h = graph.add("Sub", [h, graph.constant("shift", numpy.asarray(p.shift, numpy.float64))], "shifted")
    if numpy.any(p.scale != 1):
        h = graph.add("Div", [h, graph.constant("scale", numpy.asarray(p.scale, numpy.float64))], "scaled")
    h = graph.add("Cast", [h], "inputs", to=tensor.FLOAT)
    if shape != tuple(p.input_shape):
        h = graph.add("Reshape", [h, graph.constant("input_shape", numpy.array([-1, *p.input_shape], numpy.int64))],
                      "inputs_shaped")
    return h


def _layers(graph: _Graph, layers: list, shape: tuple[int, ...], prefix: str, state: dict[str, numpy.ndarray],
            h: str) -> str:
    """The layers' operators after h, each named by its layer path; returns the last one's output."""
    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"

        def weight(name: str, path: str = path) -> str:
            return graph.constant(f"{path}.{name}", state[f"{path}.{name}"].astype(numpy.float32))

        if isinstance(layer, DenseSpec):
            h = graph.add("Gemm", [h, weight("W"), weight("b")], f"layer {path}: dense")
        elif isinstance(layer, Conv2DSpec):
            before, after = layer.padding_sides()
            # ONNX's Conv weights are (filters, channels, kh, kw): our K (C, kh, kw, F) permuted.
            kernels = graph.constant(f"{path}.K", state[f"{path}.K"].transpose(3, 0, 1, 2).astype(numpy.float32))
            h = graph.add("Conv", [h, kernels, weight("b")], f"layer {path}: conv2d",
                          kernel_shape=[layer.kernel] * 2, strides=[layer.stride] * 2,
                          pads=[before, before, after, after])
        elif isinstance(layer, (MaxPool2DSpec, AvgPool2DSpec)):
            op = "MaxPool" if isinstance(layer, MaxPool2DSpec) else "AveragePool"
            h = graph.add(op, [h], f"layer {path}: {layer.type}", kernel_shape=[layer.size] * 2,
                          strides=[layer.step] * 2)
        elif isinstance(layer, FlattenSpec):
            h = graph.add("Flatten", [h], f"layer {path}: flatten", axis=1)
        elif isinstance(layer, GlobalAvgPoolSpec):
            h = graph.add("GlobalAveragePool", [h], f"layer {path}: globalavgpool")
            h = graph.add("Flatten", [h], f"layer {path}: globalavgpool flat", axis=1)
        elif isinstance(layer, ActivationSpec):
            h = _activation(graph, layer.type, layer.alpha, h, f"layer {path}: {layer.type}")
        elif isinstance(layer, DropoutSpec):
            continue  # the identity at inference
        elif isinstance(layer, BatchNormSpec):
            names = [weight(name) for name in ("gamma", "beta", "running_mean", "running_var")]
            h = graph.add("BatchNormalization", [h, *names], f"layer {path}: batchnorm", epsilon=layer.eps)
        else:
            body = _layers(graph, layer.layers, shape, f"{path}.", state, h)
            h = graph.add("Add", [h, body], f"layer {path}: residual")
        if isinstance(layer, (DenseSpec, Conv2DSpec)) and layer.activation != "linear":
            h = _activation(graph, layer.activation, layer.alpha, h, f"layer {path}: {layer.activation}")
        shape = layer.output_shape(shape)
    return h


def _activation(graph: _Graph, function: str, alpha: float | None, h: str, name: str) -> str:
    attributes: dict[str, Any] = {}
    if function in ("leaky_relu", "elu"):
        attributes["alpha"] = float(activation_alpha(function, alpha))
    elif function == "softmax":
        attributes["axis"] = 1  # the app's softmax layer takes flat vectors: over each example's values
    return graph.add(ACTIVATIONS[function], [h], name, **attributes)


def _answers(graph: _Graph, raw: RawInputs, loss: str, h: str) -> str:
    """What the app's predictions are from the raw outputs: probabilities, or values in the target's units."""
    if loss == "cross_entropy":
        return graph.add("Softmax", [h], "softmax", axis=1)
    if loss == "binary_cross_entropy":
        return graph.add("Sigmoid", [h], "sigmoid")
    if raw.target_scale is None:
        return h
    mean, std = raw.target_scale
    h = graph.add("Mul", [h, graph.constant("target_std", numpy.array(std, numpy.float32))], "times_target_std")
    return graph.add("Add", [h, graph.constant("target_mean", numpy.array(mean, numpy.float32))], "plus_target_mean")
