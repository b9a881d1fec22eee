"""train.py, the PyTorch export's training script: started as a person starts it, it takes the app's next
steps (the same losses, to 1e-9 in float64), and under torchrun it trains with DistributedDataParallel."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

from playground.cli import main
from playground.data import load_dataset
from playground.engine import (
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    FlattenSpec,
    MaxPool2DSpec,
    NetworkSpec,
    OptimizerSpec,
    ScheduleSpec,
)
from playground.project import Project, load_preset, load_project, save_project
from playground.session import Session, TrainingConfig, project_of, session_for
from playground.session.position import TrainingPosition
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.project.test_export import imported_names

pytest.importorskip("torch")
STEPS = 20
TOLERANCE = 1e-9
SCRIPT_TIMEOUT_S = 300


def stepped(session, steps):
    """The losses of the session's next `steps` steps, each taken as the window's Step button takes it."""
    run = session.run()
    start = next(run).step
    for _ in range(steps):
        session.control.step()
    losses = {}  # by step: each step's snapshot has the loss of that step alone
    for snapshot in run if steps else ():
        if snapshot.step > start:
            losses.setdefault(snapshot.step, snapshot.train_loss)
        if snapshot.step >= start + steps:
            break
    session.control.stop()
    for _ in run:
        pass
    return [losses[step] for step in range(start + 1, start + steps + 1)]


def project_file(tmp_path, network, optimizer, batch_size, dataset, steps):
    """A project trained `steps` steps in the app (in float32, as the window trains) and saved."""
    config = TrainingConfig(optimizer=optimizer, batch_size=batch_size, seed=3, start_paused=True, details=False)
    session = Session(network, load_dataset(dataset), config)
    stepped(session, steps)
    path = tmp_path / "project.bpp"
    save_project(project_of(session, dataset, "a project"), path)
    return path


def apps_next_losses(path, steps):
    """What the app computes from the saved project on, in float64."""
    project = load_project(path)
    session = session_for(project, load_dataset(project.dataset), dtype="float64", start_paused=True, details=False)
    return stepped(session, steps)


def exported(path, folder):
    assert main(["export", str(path), "--to", "pytorch", str(folder)]) == 0
    return folder / "train.py"


def script_lines(command, folder, env=None):
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder, env=env, timeout=SCRIPT_TIMEOUT_S)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()], done.stderr


def step_losses(lines):
    return [line["loss"] for line in lines if "step" in line and "done" not in line]


CASES = {
    # SGD with momentum and L2, batch normalization; 8 steps an epoch, the last of 26 examples; from a project
    # 5 steps in, with its velocity.
    "sgd-momentum-l2": (NetworkSpec((2,), [DenseSpec(8, "tanh"), BatchNormSpec(), DenseSpec(8, "relu"),
                                           DenseSpec(1)], "binary_cross_entropy"),
                        OptimizerSpec("sgd", learning_rate=0.1, momentum=0.9, l2=0.01), 32,
                        {"name": "circle", "points": 500}, 5),
    # Adam with both clippings and L1, on iris: 5 steps an epoch, from 3 steps in (Adam's moments and its count).
    "adam-clipping": (NetworkSpec((4,), [DenseSpec(16, "relu"), DenseSpec(3)], "cross_entropy"),
                      OptimizerSpec("adam", learning_rate=0.02, clip_norm=0.5, clip_value=0.05, l1=0.001), 16,
                      {"name": "iris"}, 3),
    # A cosine schedule behind a warm-up of 8 steps, RMSprop with momentum, a standardized regression target;
    # from the start.
    "schedule-warmup": (NetworkSpec((10,), [DenseSpec(12, "elu"), DenseSpec(1)], "mse"),
                        OptimizerSpec("rmsprop", learning_rate=0.01, momentum=0.5,
                                      schedule=ScheduleSpec("cosine", total_steps=10, min_lr=0.001, warmup_steps=8)),
                        24, {"name": "diabetes", "standardize_target": True}, 0),
    # A conv network on the 8×8 digits as images, AdamW with a step schedule already under way.
    "conv-adamw-step-schedule": (NetworkSpec((1, 8, 8), [Conv2DSpec(4, 3, padding="same", activation="relu"),
                                                         MaxPool2DSpec(2), FlattenSpec(), DenseSpec(10)],
                                             "cross_entropy"),
                                 OptimizerSpec("adamw", learning_rate=0.005, weight_decay=0.1,
                                               schedule=ScheduleSpec("step", step_size=6, gamma=0.5)),
                                 64, {"name": "digits", "normalize": "unit"}, 4),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_training_script_takes_the_apps_next_steps(tmp_path, case):
    network, optimizer, batch_size, dataset, steps_before = CASES[case]
    path = project_file(tmp_path, network, optimizer, batch_size, dataset, steps_before)
    script = exported(path, tmp_path / "export")
    assert imported_names(script) <= {"argparse", "json", "math", "os", "sys", "time", "pathlib", "numpy", "torch",
                                      "model"}
    lines, _ = script_lines([sys.executable, str(script), "--dtype", "float64", "--device", "cpu", "--log-steps",
                             "--max-steps", str(STEPS)], tmp_path)
    ours, apps = step_losses(lines), apps_next_losses(path, STEPS)
    assert len(ours) == len(apps) == STEPS
    assert [line["step"] for line in lines if "loss" in line] == list(range(steps_before + 1, steps_before + STEPS + 1))
    numpy.testing.assert_allclose(ours, apps, rtol=0, atol=TOLERANCE)
    assert lines[-1]["done"] and lines[-1]["state"] == "stopped" and lines[-1]["steps"] == steps_before + STEPS
    assert (tmp_path / "checkpoint.pt").is_file()


def test_an_image_set_comes_through_torchvision_prepared_as_the_app_prepares_it(tmp_path):
    """MNIST's files where torchvision keeps them, a random subset standardized by its own statistics: the
    script chooses the same images and prepares each batch as the app did, so its steps are the app's."""
    pytest.importorskip("torchvision")
    arrays = mnist_arrays(8)
    write_mnist(tmp_path / "idx", arrays)
    write_mnist(tmp_path / "data" / "MNIST" / "raw", arrays)  # as torchvision's download leaves them
    dataset = {"name": "mnist", "source_folder": str(tmp_path / "idx"), "normalize": "standardize", "subset": 20,
               "subset_mode": "random"}
    network = NetworkSpec((1, 28, 28), [Conv2DSpec(2, 5, stride=3, activation="relu"), FlattenSpec(), DenseSpec(10)],
                          "cross_entropy")
    path = project_file(tmp_path, network, OptimizerSpec("sgd", learning_rate=0.05, momentum=0.9), 8, dataset, 2)
    script = exported(path, tmp_path / "export")
    with numpy.load(tmp_path / "export" / "data.npz") as stored:
        assert list(stored) == ["order"]  # the images come through torchvision
    lines, _ = script_lines([sys.executable, str(script), "--dtype", "float64", "--device", "cpu", "--log-steps",
                             "--max-steps", str(STEPS), "--data", str(tmp_path / "data")], tmp_path)
    numpy.testing.assert_allclose(step_losses(lines), apps_next_losses(path, STEPS), rtol=0, atol=TOLERANCE)


def test_a_new_project_starts_in_the_sessions_batch_order(tmp_path):
    preset = load_preset("iris")
    project = Project(preset.network, preset.optimizer, preset.batch_size, preset.dataset, seed=7, epochs=4)
    save_project(project, tmp_path / "new.bpp")
    script = exported(tmp_path / "new.bpp", tmp_path / "export")
    with numpy.load(tmp_path / "export" / "data.npz") as stored:
        order = stored["order"]
        assert sorted(stored) == ["order", "x_test", "x_train", "y_test", "y_train"]
    expected = TrainingPosition.start(len(order), 7)
    numpy.testing.assert_array_equal(order, expected.order)
    text = script.read_text()
    assert "EPOCHS = 4" in text and "SEED = 7" in text and "OPTIMIZER_STATE = None" in text
    rng = numpy.random.default_rng()
    rng.bit_generator.state = json.loads(text.split("START = ")[1].split("\nTRAIN_SAMPLE")[0])["shuffle_rng"]
    numpy.testing.assert_array_equal(rng.permutation(len(order)), expected.rng.permutation(len(order)))


def test_the_training_script_goes_on_from_its_checkpoint(tmp_path):
    """Two epochs, or one and one more from the checkpoint: the same epoch lines."""
    preset = load_preset("iris")
    project = Project(preset.network, preset.optimizer, preset.batch_size, preset.dataset, seed=1)
    save_project(project, tmp_path / "iris.bpp")
    script = str(exported(tmp_path / "iris.bpp", tmp_path / "export"))
    command = [sys.executable, script, "--dtype", "float64", "--device", "cpu"]
    whole, _ = script_lines([*command, "--epochs", "2", "--checkpoint", "whole.pt"], tmp_path)
    first, _ = script_lines([*command, "--epochs", "1"], tmp_path)
    second, _ = script_lines([*command, "--epochs", "1", "--resume", "checkpoint.pt"], tmp_path)
    assert [line["epoch"] for line in whole[:2]] == [1, 2] and second[0]["epoch"] == 2
    for key in ("train_loss", "test_loss", "test_accuracy"):
        assert first[0][key] == pytest.approx(whole[0][key], abs=1e-12)
        assert second[0][key] == pytest.approx(whole[1][key], abs=1e-12)


def test_the_training_scripts_help_says_what_it_is_in_a_whole_sentence(tmp_path):
    preset = load_preset("iris")
    save_project(Project(preset.network, preset.optimizer, preset.batch_size, preset.dataset), tmp_path / "iris.bpp")
    script = exported(tmp_path / "iris.bpp", tmp_path / "export")
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, cwd=tmp_path,
                          timeout=SCRIPT_TIMEOUT_S)
    assert done.returncode == 0, done.stderr
    description = " ".join(done.stdout.split("options:")[0].split("\n\n", 1)[1].split())
    assert description == ("Train the network exported from Backprop Playground further, with PyTorch alone: on "
                           "this machine's GPU or CPU, or on many at once with DistributedDataParallel.")


# A sitecustomize for the processes torchrun starts: as Python shuts down (the last atexit call), it names the
# threads still running beside the main one. A gloo thread among them can abort the process as the
# interpreter is torn down ("terminate called without an active exception"), rarely, on a loaded machine.
THREADS_AT_EXIT = """import atexit
import os
import sys


def name_threads():
    names = [open(f"/proc/self/task/{task}/comm").read().strip() for task in os.listdir("/proc/self/task")
             if task != str(os.getpid())]
    print(f"threads at exit: {sorted(names)}", file=sys.stderr, flush=True)


if "RANK" in os.environ and os.path.isdir("/proc/self/task"):
    atexit.register(name_threads)
"""


def test_torchrun_trains_on_two_processes(tmp_path):
    """digits-mlp on 2 CPU processes (gloo) for 2 epochs: each step is still the app's step (the two shares'
    gradients make the whole batch's), the loss falls and both processes finish, their process group's
    threads ended before Python shuts down."""
    preset = load_preset("digits-mlp")
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, start_paused=True,
                            details=False)
    session = Session(preset.network, load_dataset(preset.dataset), config)
    save_project(project_of(session, preset.dataset, preset.title), tmp_path / "digits.bpp")  # step 0
    script = exported(tmp_path / "digits.bpp", tmp_path / "export")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(THREADS_AT_EXIT)
    python_path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": python_path, "OMP_NUM_THREADS": "1"}  # torchrun's default: no OpenMP threads
    lines, errors = script_lines([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node",
                                  "2", str(script), "--epochs", "2", "--device", "cpu", "--dtype", "float64",
                                  "--log-steps"], tmp_path, env)
    assert "training on 2 processes (gloo), cpu, float64: global batch 64, about 32 per process" in errors
    assert "process 1 of 2: finished after 46 steps" in errors and "process 2 of 2: finished after 46 steps" in errors
    if Path("/proc/self/task").is_dir():  # Linux
        assert errors.count("threads at exit: []") == 2, errors
    numpy.testing.assert_allclose(step_losses(lines)[:STEPS], apps_next_losses(tmp_path / "digits.bpp", STEPS),
                                  rtol=0, atol=TOLERANCE)
    epochs = [line for line in lines if "epoch" in line and "done" not in line]
    assert [line["epoch"] for line in epochs] == [1, 2]
    assert epochs[1]["train_loss"] < epochs[0]["train_loss"] and epochs[1]["test_accuracy"] > 0.8
    assert lines[-1] == {"done": True, "state": "finished", "steps": 46, **epochs[1]}
