"""NetworkSpec: JSON round trips, shape inference, and messages that name the layer to fix."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from playground.engine import (
    ActivationSpec,
    BatchNormSpec,
    DenseSpec,
    DropoutSpec,
    Network,
    NetworkSpec,
    ResidualSpec,
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
    (NetworkSpec((1, 28, 28), [DenseSpec(3)], "mse"), "flatten the images"),
    (NetworkSpec((2,), [DenseSpec(2), ResidualSpec([DenseSpec(2), DenseSpec(5)])], "mse"),
     r"layer 2 \(residual\): its layers turn 2 features into 5.*make its last Dense layer 2 units"),
    (NetworkSpec((2,), [DenseSpec(2)], "hinge"), "The loss is 'hinge'"),
])
def test_bad_specs_name_the_layer_and_the_fix(spec, message):
    with pytest.raises(SpecError, match=message):
        spec.validate()


@pytest.mark.parametrize("data, message", [
    ([], "must be a JSON object"),
    ({"input_shape": [2], "layers": [{"type": "dense"}]}, r"layer 1 \(dense\) is missing a setting: give units"),
    ({"input_shape": [2], "layers": [{"type": "dense", "units": "8"}]}, "units must be a whole number"),
    ({"input_shape": [2], "layers": [{"type": "dense", "units": 8, "unit": 3}]}, "unknown setting 'unit'"),
    ({"input_shape": [2], "layers": [{"type": "conv2d"}]}, "unknown type 'conv2d'"),
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
