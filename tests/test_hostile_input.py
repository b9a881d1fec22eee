"""Hostile input (issue 13): files, spec values, options and sizes that used to end in a traceback,
an overflow or the kernel's OOM killer are refused with one sentence, in bounded memory and time."""

import json
import resource
import subprocess
import sys

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.engine import NetworkSpec, OptimizerSpec, memory
from playground.engine.init import INITIALIZERS
from playground.engine.layer_specs import ActivationSpec, BatchNormSpec, DenseSpec, DropoutSpec
from playground.engine.memory import check_memory
from playground.engine.network import Network
from playground.errors import ResourceError, SpecError
from playground.project import Project, save_project
from tests.project.test_bad_files import saved_members, zip_bytes

ADDRESS_SPACE = 3 * 2**30  # the cap each memory case runs under: far below what the refused cases would take
CPU_CAP_S = 60  # CPU seconds, which other load on a shared machine does not stretch
BLOCKED_AFTER_S = 600  # the wall clock only guards against a case that blocks


def _limit_address_space_and_time() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_CAP_S, CPU_CAP_S))


def run_cli(*args: str, capped: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True,
                          timeout=BLOCKED_AFTER_S, preexec_fn=_limit_address_space_and_time if capped else None)


def assert_refused(result: subprocess.CompletedProcess, message: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert lines[0].endswith("."), lines[0]  # a sentence


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return str(path)


# Parsing.

DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = '{"input_shape": [' + "7" * 5000 + '], "layers": [{"type": "dense", "units": 1}]}'


@pytest.mark.parametrize("text, message", [(DEEP, "nested too deeply to read"),
                                           (LONG_NUMBER, "holds a number with thousands of digits")])
def test_unreadable_json_is_a_sentence_for_spec_and_preset_files(tmp_path, text, message):
    path = write(tmp_path / "net.json", text)
    assert_refused(run_cli("gradcheck", path), message)
    assert_refused(run_cli("train", path, "--dataset", "circle"), message)
    with pytest.raises(SpecError, match=message):
        NetworkSpec.from_json(text)


def test_residual_blocks_nest_only_so_deep():
    layer = {"type": "dense", "units": 2}
    for _ in range(300):
        layer = {"type": "residual", "layers": [layer]}
    with pytest.raises(SpecError, match="inside 9 residual blocks: nest them at most 8 deep"):
        NetworkSpec.from_dict({"input_shape": [2], "layers": [layer]})


# Values accepted but not usable.

def dense_at(scale: float) -> dict:
    return {"input_shape": [2], "loss": "binary_cross_entropy",
            "layers": [{"type": "dense", "units": 4, "init": "uniform", "init_scale": scale},
                       {"type": "dense", "units": 1}]}


def test_an_init_scale_the_initializer_cannot_draw_is_refused(tmp_path):
    with pytest.raises(SpecError, match="layer 1: init_scale must be 100.0 or less; it is 1e"):
        NetworkSpec.from_dict(dense_at(1e308))
    assert_refused(run_cli("gradcheck", write(tmp_path / "net.json", json.dumps(dense_at(1e308)))),
                   "init_scale must be 100.0 or less")


def test_a_project_with_an_unusable_init_scale_is_refused_on_opening(tmp_path):
    """The window's File › Open and `playground X.bpp` load it as `train` does (load_project)."""
    network = NetworkSpec((2,), [DenseSpec(4, "tanh", init="uniform", init_scale=1e308), DenseSpec(1)],
                          "binary_cross_entropy")  # built without from_dict: not checked yet
    path = tmp_path / "huge-scale.bpp"
    save_project(Project(network, OptimizerSpec(), 10, {"name": "circle"}), path)
    result = run_cli("train", str(path), "--epochs", "1")
    assert_refused(result, "init_scale must be 100.0 or less")
    assert result.stdout == ""


HOSTILE_REALS = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30),
                          st.sampled_from([1e308, -1e308, 1e-320, 5e-324, 1e39, 3.5e38, 101.0, 100.0, 10.0, 1e-8]))


@st.composite
def hostile_layers(draw):
    kind = draw(st.sampled_from(["dense", "elu", "leaky_relu", "dropout", "batchnorm"]))
    if kind == "dense":
        return {"type": "dense", "units": draw(st.integers(1, 6)), "activation": draw(st.sampled_from(["elu", "tanh"])),
                "init": draw(st.sampled_from(INITIALIZERS)), "bias_init": draw(st.sampled_from(INITIALIZERS)),
                "init_scale": draw(HOSTILE_REALS)}
    if kind == "dropout":
        return {"type": "dropout", "rate": draw(HOSTILE_REALS)}
    if kind == "batchnorm":
        return {"type": "batchnorm", "momentum": draw(HOSTILE_REALS), "eps": draw(HOSTILE_REALS)}
    return {"type": kind, "alpha": draw(HOSTILE_REALS)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_layers(), min_size=1, max_size=3), st.booleans())
def test_spec_values_either_are_refused_or_give_a_network_with_finite_outputs(layers, training):
    data = {"input_shape": [3], "loss": "mse", "layers": [*layers, {"type": "dense", "units": 2}]}
    try:
        spec = NetworkSpec.from_dict(data)
    except SpecError as error:
        assert str(error).endswith("."), error
        return
    net = Network(spec, dtype="float32", seed=1)
    x = numpy.random.default_rng(0).uniform(-3, 3, size=(8, 3))
    assert numpy.isfinite(net.forward(x, training=training)).all(), data


@pytest.mark.parametrize("settings_, message", [({"eps": 0.0}, "eps must be 1e-30 or more"),
                                                ({"eps": 1e-45}, "eps must be 1e-30 or more"),
                                                ({"learning_rate": float("inf")}, "must be a finite number")])
def test_optimizer_values_that_cannot_work_are_refused(settings_, message):
    with pytest.raises(SpecError, match=message):
        OptimizerSpec.from_dict({"kind": "adam", **settings_})


def test_a_batchnorm_eps_lost_in_float32_is_refused():
    with pytest.raises(SpecError, match="layer 2: eps must be 1e-08 or more"):
        NetworkSpec((2,), [DenseSpec(3), BatchNormSpec(eps=1e-300), DenseSpec(1)]).validate()
    with pytest.raises(SpecError, match="layer 1: alpha must be 10.0 or less"):
        NetworkSpec((2,), [ActivationSpec("elu", alpha=1e308), DenseSpec(1)]).validate()
    DropoutSpec(0.5).check("layer 1")


# Options.

@pytest.mark.parametrize("args, message", [
    (["gradcheck", "--preset="], "There is no preset '': choose one of"),
    (["gradcheck", "--preset", "../presets/circle"], "There is no preset '../presets/circle'"),
    (["gradcheck", "--preset", "circle", "--seed", "-1"], "--seed must be 0 or more; it is -1."),
    (["gradcheck", "--preset", "circle", "--seed", str(2**64)], "--seed must be at most 4,294,967,295"),
    (["gradcheck", "--preset", "circle", "--max-checks", "0"], "--max-checks must be 1 or more"),
    (["train", "--preset=", "--epochs", "1"], "There is no preset '': choose one of"),
    (["train", "--preset", "circle", "--seed", "-3"], "--seed must be 0 or more; it is -3."),
    (["train", "--preset", "circle", "--epochs", "-5"], "--epochs must be 1 or more; it is -5."),
    (["train", "--preset", "circle", "--epochs", str(10**12)], "--epochs must be at most 1,000,000"),
    (["train", "--preset", "circle", "--epochs", "7" * 5000], "invalid int value"),
])
def test_bad_options_are_refused_with_a_sentence(args, message):
    result = run_cli(*args)
    assert_refused(result, message)
    assert result.stdout == ""


@pytest.mark.parametrize("where, message", [
    (lambda tmp: "", "--save needs a file name"),
    (lambda tmp: "   ", "--save needs a file name"),
    (lambda tmp: str(tmp), "--save names the folder"),
    (lambda tmp: str(tmp / "trained.csv"), "end it with .bpp"),
    (lambda tmp: str(tmp / "a-file" / "trained.bpp"), "which is a file: choose another place"),
    (lambda tmp: "/proc/trained.bpp", "Cannot write to /proc"),
])
def test_a_bad_save_destination_is_refused_before_the_first_step(tmp_path, where, message):
    (tmp_path / "a-file").write_text("not a folder")
    result = run_cli("train", "--preset", "circle", "--epochs", "200", "--save", where(tmp_path))
    assert_refused(result, message)
    assert result.stdout == ""  # not one epoch: the table's header is printed before the first step


def test_a_save_into_a_new_folder_still_works(tmp_path):
    result = run_cli("train", "--preset", "circle", "--epochs", "1", "--save", str(tmp_path / "new" / "run.bpp"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / "run.bpp").is_file()


# Allocations that grow with user input: refused before allocating, under a cap on memory and time.

def test_a_wide_layer_is_refused_for_its_batch_buffers(tmp_path):
    """3,000,000 units: 12 million parameters fit, the buffers for the batch and the evaluation do not."""
    spec = {"input_shape": [2], "loss": "binary_cross_entropy",
            "layers": [{"type": "dense", "units": 3_000_000, "activation": "tanh"}, {"type": "dense", "units": 1}]}
    result = run_cli("train", write(tmp_path / "wide.json", json.dumps(spec)), "--dataset", "circle", capped=True)
    assert_refused(result, "of memory is free: use a smaller batch size or make its layers smaller.")


@pytest.mark.parametrize("batch_size", ["10000000", str(10**15), "9" * 300])
def test_a_huge_gradcheck_batch_is_refused(batch_size):
    result = run_cli("gradcheck", "--preset", "circle", "--batch-size", batch_size, capped=True)
    assert_refused(result, "of memory is free: lower --batch-size or make the layers smaller.")


def test_buffers_for_a_batch_are_checked_before_they_are_made(monkeypatch):
    net = Network(NetworkSpec((2,), [DenseSpec(4, "tanh"), DenseSpec(1)]))
    net.forward(numpy.zeros((4, 2)))
    monkeypatch.setattr(memory, "available_memory", lambda: 2**20)
    with pytest.raises(ResourceError, match=r"A batch of 100,000 examples would need about 0\.\d GiB"):
        net.forward(numpy.zeros((100_000, 2)))


def test_the_estimate_counts_batch_buffers_and_absurd_sizes_stay_a_sentence(monkeypatch):
    spec = NetworkSpec((2,), [DenseSpec(3_000_000, "tanh"), DenseSpec(1)], "mse")
    monkeypatch.setattr(memory, "available_memory", lambda: 2 * 2**30)
    check_memory(spec, "float32")  # the parameters alone fit in 2 GiB
    with pytest.raises(ResourceError, match="would need about .* GiB to train"):
        check_memory(spec, "float32", examples=32)
    enormous = NetworkSpec((10**4000,), [DenseSpec(10**4000), DenseSpec(1)], "mse")
    with pytest.raises(ResourceError, match="more than 10\\^30 parameters and would need about more than"):
        check_memory(enormous, "float32")


# Kept runs: comparing networks of thousands of layers.

def test_compare_on_networks_of_thousands_of_layers_stays_within_memory_and_time(tmp_path):
    """Naming a run pairs its layers with the run before's: a table of every pair of layers took 3 GiB and
    minutes for two networks of 10,000 layers, a file of a few kilobytes."""
    members = saved_members(tmp_path, kept_run=True)
    document = json.loads(members["project.json"])
    for network, activation in ((document["network"], "tanh"), (document["runs"][0]["network"], "relu")):
        network["layers"] = [{"type": "dense", "units": 2, "activation": activation}] * 10_000 + [{"type": "dense",
                                                                                                      "units": 1}]
    del document["progress"]
    members = {name: raw for name, raw in members.items() if name in ("runs.npz",)}
    path = tmp_path / "deep.bpp"
    path.write_bytes(zip_bytes({**members, "project.json": json.dumps(document).encode()}))
    result = run_cli("compare", str(path), capped=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"2: ReLU → tanh ({path})"  # in the window's words


def conv_spec(input_shape: list[int], filters: int, kernel: int = 3) -> dict:
    return {"input_shape": input_shape, "loss": "cross_entropy",
            "layers": [{"type": "conv2d", "filters": filters, "kernel": kernel, "padding": "same",
                        "activation": "relu"}, {"type": "globalavgpool"}, {"type": "dense", "units": 10}]}


@pytest.mark.parametrize("command, spec", [
    # 1.2 million weights fit; 200,000 maps of each 8×8 digit do not.
    (["train", "--dataset", "digits", "--epochs", "1"], conv_spec([1, 8, 8], 200_000)),
    # 236 weights, and its maps take 1.5 GiB for the batch: its im2col columns take 225 values per pixel more.
    (["gradcheck", "--batch-size", "2"], conv_spec([1, 2048, 2048], 1, kernel=15)),
])
def test_image_layers_too_big_for_memory_are_refused_before_allocating(tmp_path, command, spec):
    result = run_cli(command[0], write(tmp_path / "conv.json", json.dumps(spec)), *command[1:], capped=True)
    assert_refused(result, "of memory is free:")
