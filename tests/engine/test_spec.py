"""NetworkSpec: JSON round trips, shape inference, and messages that name the layer to fix."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from playground import words
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
    Network,
    NetworkSpec,
    ResidualSpec,
    starts_on_images,
)
from playground.errors import ResourceError, SpecError

activations = st.sampled_from(["linear", "relu", "tanh", "sigmoid", "elu", "softplus", "leaky_relu"])
leaf_layers = st.one_of(
    st.builds(DenseSpec, units=st.integers(1, 64), activation=activations,
              init=st.sampled_from(["zeros", "xavier_normal", "he_uniform", "normal"])),
    st.builds(ActivationSpec, type=st.sampled_from(["relu", "tanh", "sigmoid", "softmax"])),
    st.builds(DropoutSpec, rate=st.floats(0, 0.9)),
    st.builds(BatchNormSpec, momentum=st.floats(0, 1), eps=st.floats(1e-8, 1e-2)),
)


@given(layers=st.lists(leaf_layers, min_size=1, max_size=6), inputs=st.integers(1, 50),
       loss=st.sampled_from(["mse", "binary_cross_entropy"]))
def test_json_round_trip(layers, inputs, loss):
    spec = NetworkSpec((inputs,), [*layers, DenseSpec(2), ResidualSpec([DenseSpec(3, "tanh"), DenseSpec(2)])], loss)
    text = spec.to_json()
    assert NetworkSpec.from_json(text) == spec
    assert json.loads(text)["version"] == 1


def test_shapes_and_parameter_counts_are_inferred():
    spec = NetworkSpec((2,), [DenseSpec(4, "tanh"), DenseSpec(2, "tanh"), DenseSpec(1)], "mse")
    infos = spec.validate()
    assert [(i.path, i.output_size, i.parameter_count) for i in infos] == [("1", 4, 12), ("2", 2, 10), ("3", 1, 3)]
    assert spec.parameter_count() == 25
    assert Network(spec).theta.size == 25


@pytest.mark.parametrize("spec, message", [
    (NetworkSpec((2,), [], "mse"), "no layers: add a Dense layer"),
    (NetworkSpec((2,), [DenseSpec(0)], "mse"), "layer 1: units must be 1 or more; it is 0"),
    (NetworkSpec((2,), [DenseSpec(3), DenseSpec(1)], "cross_entropy"),
     "layer 2 gives 1 output, but cross-entropy needs 2 or more"),
    (NetworkSpec((2,), [DenseSpec(3), ActivationSpec("softmax")], "cross_entropy"),
     r"layer 2 \(softmax\): remove it"),
    (NetworkSpec((2,), [DenseSpec(1, "sigmoid")], "binary_cross_entropy"), "remove the final sigmoid"),
    (NetworkSpec((2,), [DenseSpec(3, "swish")], "mse"), "activation is 'swish': choose one of"),
    (NetworkSpec((2,), [DropoutSpec(1.0)], "mse"), "layer 1: rate must be less than 1"),
    (NetworkSpec((2,), [DenseSpec(3, "tanh", alpha=0.1)], "mse"), "alpha applies to leaky_relu and elu"),
    (NetworkSpec((1, 28, 28), [DenseSpec(3)], "mse"), r"add a Flatten layer before it, or give the network the flat "
                                                      r"input_shape \[784\]"),
    (NetworkSpec((2,), [DenseSpec(2), ResidualSpec([DenseSpec(2), DenseSpec(5)])], "mse"),
     r"layer 2 \(Residual\): its layers turn 2 features into 5.*make its last Dense layer 2 units"),
    (NetworkSpec((2,), [DenseSpec(2)], "hinge"), "The loss is 'hinge'"),
])
def test_bad_specs_name_the_layer_and_the_fix(spec, message):
    with pytest.raises(SpecError, match=message):
        spec.validate()


IMAGE = (3, 8, 8)


@pytest.mark.parametrize("spec, message", [
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3), DenseSpec(3)], "mse"),
     r"^layer 2 \(Dense\) takes a flat vector, but layer 1 \(Conv2D\) gives images of shape \(4, 6, 6\): add a "
     r"Flatten layer before it\.$"),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3), MaxPool2DSpec(2), ResidualSpec([DenseSpec(4)])], "mse"),
     r"^layer 3\.1 \(Dense\) takes a flat vector, but layer 2 \(MaxPool\) gives images of shape \(4, 3, 3\)"),
    (NetworkSpec((64,), [Conv2DSpec(4, 3), FlattenSpec(), DenseSpec(2)], "mse"),
     r"^layer 1 \(Conv2D\) takes images \(channels, height, width\), but the network's input is 64 flat features: "
     "use an image dataset, or start with a Dense layer"),
    (NetworkSpec(IMAGE, [FlattenSpec(), MaxPool2DSpec(2), DenseSpec(2)], "mse"),
     r"^layer 2 \(MaxPool\) takes images .* but layer 1 \(Flatten\) gives 192 flat features: put the conv and "
     "pooling layers before any Flatten"),
    (NetworkSpec(IMAGE, [GlobalAvgPoolSpec(), FlattenSpec(), DenseSpec(2)], "mse"),
     r"^layer 2 \(Flatten\) has nothing to flatten: layer 1 \(GlobalAvgPool\) gives 3 flat features already; "
     "remove it"),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 9), FlattenSpec(), DenseSpec(2)], "mse"),
     r"^layer 1 \(Conv2D\): its 9×9 kernel is larger than its input of 8×8: use a kernel of at most 8, or more "),
    (NetworkSpec((1, 4, 5), [Conv2DSpec(4, 7, padding=1), FlattenSpec(), DenseSpec(2)], "mse"),
     r"its 7×7 kernel is larger than its input of 4×5, 6×7 with its padding: use a kernel of at most 6"),
    (NetworkSpec(IMAGE, [AvgPool2DSpec(3), AvgPool2DSpec(3), FlattenSpec(), DenseSpec(2)], "mse"),
     r"^layer 2 \(AvgPool\): its 3×3 window is larger than its input of 2×2: use a size of at most 2, or remove the "
     r"layer\.$"),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3, stride=2, padding="same"), FlattenSpec(), DenseSpec(2)], "mse"),
     r'layer 1: padding "same" needs stride 1'),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3, padding="valid"), FlattenSpec(), DenseSpec(2)], "mse"),
     r"layer 1: padding is 'valid': give a whole number of 0 or more, or \"same\""),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3, padding=3), FlattenSpec(), DenseSpec(2)], "mse"),
     r"layer 1: padding 3 is as wide as the 3×3 kernel, so the outer outputs would see only zeros: use at most 2"),
    (NetworkSpec(IMAGE, [Conv2DSpec(0, 3), FlattenSpec(), DenseSpec(2)], "mse"), "layer 1: filters must be 1 or more"),
    (NetworkSpec(IMAGE, [Conv2DSpec(2, 3, "relu"), FlattenSpec(), DenseSpec(2)], "mse"),
     "layer 1: stride must be a whole number"),
    (NetworkSpec(IMAGE, [MaxPool2DSpec(2, 0), FlattenSpec(), DenseSpec(2)], "mse"),
     "layer 1: stride must be 1 or more"),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3, activation="tanh", alpha=0.1), FlattenSpec(), DenseSpec(2)], "mse"),
     "alpha applies to leaky_relu and elu"),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3), BatchNormSpec(), FlattenSpec(), DenseSpec(2)], "mse"),
     r"^layer 2 \(BatchNorm\) normalizes flat features, but layer 1 \(Conv2D\) gives images of shape \(4, 6, 6\): "
     "put it after a Flatten layer"),
    (NetworkSpec(IMAGE, [ActivationSpec("softmax"), FlattenSpec(), DenseSpec(2)], "mse"),
     r"^layer 1 \(softmax\) takes a flat vector, but the network's input is images of shape \(3, 8, 8\): add a "
     r"Flatten layer before it, or give the network the flat input_shape \[192\]\.$"),
    (NetworkSpec(IMAGE, [Conv2DSpec(4, 3, activation="relu")], "mse"),
     r"^layer 1 gives images of shape \(4, 6, 6\), but the loss compares flat vectors: end the network with a "
     "Flatten and a Dense layer, or with a GlobalAvgPool"),
    (NetworkSpec(IMAGE, [ResidualSpec([Conv2DSpec(4, 3, padding=1)]), GlobalAvgPoolSpec()], "mse"),
     r"^layer 1 \(Residual\): its layers turn images of shape \(3, 8, 8\) into \(4, 8, 8\), .* give its last "
     'Conv2D layer 3 filters, stride 1 and padding "same"'),
    (NetworkSpec((8, 8), [DenseSpec(3)], "mse"), r"take a flat vector or images as \(channels, height, width\)"),
])
def test_bad_image_networks_name_the_layer_and_the_fix(spec, message):
    with pytest.raises(SpecError, match=message):
        spec.validate()


def test_a_translated_message_still_names_the_layer_to_fix(monkeypatch):
    """The window shows these messages in its language: the layer's name goes through the translator too, and
    the builder still finds which layer a message is about (inspect's path, named_layer)."""
    chinese = {"layer {0}": "第 {0} 层", "{0}: {1}": "{0}：{1}", "{0} ({1})": "{0}（{1}）",
               "{0} must be {1} or more; it is {2}.": "{0} 必须不小于 {1}；现在是 {2}。",
               "{0} takes a flat vector, but {1} gives images of shape {2}: add a Flatten layer before it.":
                   "{0}接受扁平向量，但{1}给出的是形状为 {2} 的图像：请在它前面加一个展平层。",
               "Dense": "全连接", "Conv2D": "卷积"}
    monkeypatch.setattr(words, "_translate", lambda text: chinese.get(text, text))
    _, error, path = NetworkSpec((2,), [DenseSpec(2), ResidualSpec([DenseSpec(0)])], "mse").inspect()
    assert (str(error), path) == ("第 2.1 层：units 必须不小于 1；现在是 0。", "2.1")
    _, error, path = NetworkSpec(IMAGE, [Conv2DSpec(4, 3), DenseSpec(3)], "mse").inspect()
    assert str(error).startswith("第 2 层（全连接）接受扁平向量，但第 1 层（卷积）给出") and path == "2"


def test_image_shapes_and_parameter_counts_are_inferred():
    """LeNet-5 on 1×28×28, its first convolution padded to keep the size."""
    spec = NetworkSpec((1, 28, 28), [Conv2DSpec(6, 5, padding="same", activation="relu"), MaxPool2DSpec(2),
                                     Conv2DSpec(16, 5, activation="relu"), MaxPool2DSpec(2), FlattenSpec(),
                                     DenseSpec(120, "relu"), DenseSpec(84, "relu"), DenseSpec(10)], "cross_entropy")
    infos = spec.validate()
    assert [(i.type, i.output_shape, i.parameter_count) for i in infos] == [
        ("conv2d", (6, 28, 28), 156), ("maxpool2d", (6, 14, 14), 0), ("conv2d", (16, 10, 10), 2416),
        ("maxpool2d", (16, 5, 5), 0), ("flatten", (400,), 0), ("dense", (120,), 48120), ("dense", (84,), 10164),
        ("dense", (10,), 850)]
    assert infos[0].input_shape == (1, 28, 28) and infos[0].input_size == 784 and infos[4].output_size == 400
    assert spec.parameter_count() == 61706 == Network(spec).theta.size  # as torch counts LeNet-5
    strided = NetworkSpec((2, 9, 8), [Conv2DSpec(3, 4, stride=2, padding=1), AvgPool2DSpec(2, 1),
                                      ResidualSpec([Conv2DSpec(3, 2, padding="same")]), GlobalAvgPoolSpec()], "mse")
    assert [i.output_shape for i in strided.validate()] == [(3, 4, 4), (3, 3, 3), (3, 3, 3), (3, 3, 3), (3,)]
    assert strided.validate()[2].parameter_count == 3 * 2 * 2 * 3 + 3


def test_multiply_adds_count_each_weight_once_per_position_it_is_applied_at():
    """What Auto weighs a GPU by (backend.choose_backend). LeNet-5: a convolution's weights once per output
    position, a Dense layer's once, a pooling one per value out; a residual block counts its layers alone."""
    lenet = NetworkSpec((1, 28, 28), [Conv2DSpec(6, 5, padding="same"), MaxPool2DSpec(2), Conv2DSpec(16, 5),
                                      MaxPool2DSpec(2), FlattenSpec(), DenseSpec(120, "relu"), DenseSpec(10)],
                        "cross_entropy")
    assert lenet.multiply_adds_per_example() == (156 * 28 * 28 + 6 * 14 * 14 + 2416 * 10 * 10 + 16 * 5 * 5 + 400
                                                 + 48120 + 1210)
    residual = NetworkSpec((4,), [DenseSpec(8), ResidualSpec([DenseSpec(8), DropoutSpec(0.5)]), DenseSpec(1)], "mse")
    assert residual.multiply_adds_per_example() == 40 + 72 + 8 + 9


image_layers = st.one_of(
    st.builds(Conv2DSpec, filters=st.integers(1, 8), kernel=st.just(3), stride=st.integers(1, 2),
              padding=st.sampled_from([0, 1, 2]), activation=activations, init=st.sampled_from(["zeros", "he_normal"]),
              init_scale=st.none() | st.floats(0.1, 2)),
    st.builds(Conv2DSpec, filters=st.integers(1, 8), kernel=st.sampled_from([1, 2, 3]), padding=st.just("same")),
    st.builds(MaxPool2DSpec, size=st.integers(1, 2), stride=st.none() | st.integers(1, 2)),
    st.builds(AvgPool2DSpec, size=st.integers(1, 2), stride=st.none() | st.integers(1, 2)),
    st.builds(DropoutSpec, rate=st.floats(0, 0.9)),
    st.builds(ActivationSpec, type=st.sampled_from(["relu", "tanh"])),
)


@given(layers=st.lists(image_layers, max_size=3),
       shape=st.tuples(st.integers(1, 3), st.integers(16, 20), st.integers(16, 20)),
       end=st.sampled_from([[FlattenSpec(), DenseSpec(3)], [GlobalAvgPoolSpec()]]))
def test_image_networks_round_trip_through_json(layers, shape, end):
    block = ResidualSpec([Conv2DSpec(shape[0], 3, padding="same", activation="relu")])
    spec = NetworkSpec(shape, [block, *layers, *end], "mse")
    assert NetworkSpec.from_json(spec.to_json()) == spec


@pytest.mark.parametrize("data, message", [
    ([], "must be a JSON object"),
    ({"input_shape": [2], "layers": [{"type": "dense"}]}, r"layer 1 \(Dense\) is missing a setting: give units"),
    ({"input_shape": [2], "layers": [{"type": "dense", "units": "8"}]}, "units must be a whole number"),
    ({"input_shape": [2], "layers": [{"type": "dense", "units": 8, "unit": 3}]}, "unknown setting 'unit'"),
    ({"input_shape": [2], "layers": [{"type": "conv3d"}]}, "unknown type 'conv3d'"),
    ({"input_shape": [1, 8, 8], "layers": [{"type": "conv2d", "filters": 2}]},
     r"layer 1 \(Conv2D\) is missing a setting: give filters, kernel\."),
    ({"input_shape": [1, 8, 8], "layers": [{"type": "conv2d", "filters": 2, "kernel": 3, "padding": [1, 1]}]},
     r"layer 1: padding must be a whole number; it is \[1, 1\]"),
    ({"input_shape": [1, 8, 8], "layers": [{"type": "maxpool2d", "size": 2.5}]},
     "layer 1: size must be a whole number"),
    ({"input_shape": [1, 8, 8], "layers": [{"type": "flatten", "units": 3}]},
     r"layer 1 \(Flatten\) has unknown setting 'units'"),
    ({"input_shape": [2], "layers": [{"units": 3}]}, "must be an object with a type"),
    ({"input_shape": [2], "layers": [{"type": "dropout", "rate": True}]}, "rate must be a finite number"),
    ({"input_shape": "2", "layers": []}, "needs input_shape"),
    ({"input_shape": [2], "layers": {}}, "needs layers"),
    ({"version": 99, "input_shape": [2], "layers": []}, "newer Backprop Playground"),
    ({"input_shape": [2], "layers": [{"type": "residual", "layers": [{"type": "dense", "units": -1}]}]},
     "layer 1.1: units must be 1 or more"),
])
def test_malformed_json_gives_a_spec_error(data, message):
    with pytest.raises(SpecError, match=message):
        NetworkSpec.from_dict(data)


def test_invalid_json_text_is_a_spec_error():
    with pytest.raises(SpecError, match="not valid JSON"):
        NetworkSpec.from_json("{'layers': ")


@given(data=st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                     max_size=4)))
def test_arbitrary_json_gives_a_spec_or_a_spec_error(data):
    try:
        NetworkSpec.from_dict(data)
    except SpecError:
        pass


def test_a_network_too_big_for_memory_is_refused_before_allocation():
    spec = NetworkSpec((2,), [DenseSpec(10**9), DenseSpec(1)], "mse")
    with pytest.raises(ResourceError, match="make its layers smaller"):
        Network(spec)


@pytest.mark.parametrize("layers, images", [
    ([Conv2DSpec(4, 3), FlattenSpec(), DenseSpec(2)], True),
    ([ActivationSpec("relu"), DropoutSpec(0.1), MaxPool2DSpec(2), GlobalAvgPoolSpec(), DenseSpec(2)], True),
    ([ResidualSpec([ActivationSpec("tanh"), Conv2DSpec(1, 3, padding="same")]), FlattenSpec(), DenseSpec(2)], True),
    ([FlattenSpec(), DenseSpec(2)], True),
    ([DenseSpec(4), DenseSpec(2)], False),
    ([DropoutSpec(0.2), ResidualSpec([DenseSpec(3)]), DenseSpec(2)], False),
    ([ActivationSpec("relu")], False),
])
def test_the_first_layer_that_minds_the_shape_says_whether_a_network_starts_on_images(layers, images):
    assert starts_on_images(layers) is images
