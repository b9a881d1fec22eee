"""`playground train`: JSON lines per epoch, a readable table, and one-line errors."""

import json
import subprocess
import sys

import pytest

from playground.cli import main
from playground.project import load_project, save_project
from playground.project.bpp import StepperPlace
from playground.project.lessons import LessonPlace
from playground.project.runs import KeptRun, RunSetup


@pytest.mark.parametrize("preset", ["iris", "digits-cnn"])
def test_json_reports_every_epoch_then_done(capsys, preset):
    assert main(["train", "--preset", preset, "--epochs", "4", "--json", "--backend", "numpy"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["epoch"] for line in lines[:-1]] == [1, 2, 3, 4]
    fields = {"epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "samples_per_s"}
    assert set(lines[0]) == fields
    assert lines[-1]["done"] is True and lines[-1]["epoch"] == 4 and lines[-1]["state"] == "finished"
    assert 0 <= lines[-1]["test_accuracy"] <= 1


def test_regression_has_no_accuracy(capsys):
    assert main(["train", "--preset", "plane", "--epochs", "2", "--json"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert "test_accuracy" not in first and first["test_loss"] > 0


def test_the_same_seed_trains_the_same(capsys):
    runs = []
    for _ in range(2):
        main(["train", "--preset", "circle", "--epochs", "3", "--json", "--seed", "5"])
        runs.append([json.loads(line)["test_loss"] for line in capsys.readouterr().out.splitlines()])
    assert runs[0] == runs[1]


def test_table_output(capsys):
    assert main(["train", "--preset", "gauss", "--epochs", "3"]) == 0
    out = capsys.readouterr().out
    assert "train loss" in out and "test acc" in out and "finished after 3 epochs (75 steps)" in out
    assert main(["train", "--preset", "gauss", "--epochs", "1"]) == 0
    assert "finished after 1 epoch (25 steps)" in capsys.readouterr().out


def test_a_network_file_with_a_dataset(tmp_path, capsys):
    spec = tmp_path / "net.json"
    spec.write_text(json.dumps({"input_shape": [4], "loss": "cross_entropy", "layers": [
        {"type": "dense", "units": 6, "activation": "relu"}, {"type": "dense", "units": 3}]}))
    assert main(["train", str(spec), "--dataset", "iris", "--epochs", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["done"] is True


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True, timeout=300)


def test_a_diverged_run_saves_its_last_finite_state(tmp_path):
    diverging = tmp_path / "diverging.json"
    diverging.write_text(json.dumps(DIVERGING))
    out = tmp_path / "out.bpp"
    result = run_cli("train", str(diverging), "--epochs", "5", "--save", str(out))
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert line.startswith("error: Training diverged at step") and "\n" not in line
    step = int(line.split("back to those of step ")[1].split(",")[0])
    assert line.endswith(f" That state, at step {step}, is saved in {out}.")
    assert load_project(out).progress["step"] == step  # loading refuses weights that are not all finite


DIVERGING = {"network": {"input_shape": [2], "loss": "mse", "layers": [
    {"type": "dense", "units": 16, "activation": "relu"}, {"type": "dense", "units": 1}]},
    "training": {"optimizer": {"kind": "sgd", "learning_rate": 1000.0}, "batch_size": 10},
    "dataset": {"name": "plane"}}


def test_user_mistakes_are_one_line_errors(tmp_path):
    spec = tmp_path / "net.json"
    spec.write_text(json.dumps({"input_shape": [4], "layers": [{"type": "dense", "units": 1}]}))
    diverging = tmp_path / "diverging.json"
    diverging.write_text(json.dumps(DIVERGING))
    cases = [
        (["train", str(spec)], "holds a network only: name its data with --dataset"),
        (["train", str(spec), "--dataset", "circle"], "takes inputs of shape (4,), but Circle gives 2 values"),
        (["train", "--preset", "circle", "--epochs", "0"], "--epochs must be 1 or more"),
        (["train", str(diverging), "--epochs", "5"], "Training diverged at step"),
    ]
    for args, message in cases:
        result = run_cli(*args)
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 2, result.stderr
        assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr


def test_a_float64_run_goes_on_in_float64(tmp_path, capsys):
    saved = tmp_path / "precise.bpp"
    assert main(["train", "--preset", "circle", "--epochs", "1", "--dtype", "float64", "--save", str(saved)]) == 0
    assert main(["train", str(saved), "--epochs", "1", "--save", str(saved)]) == 0
    weights = {k: v for k, v in load_project(saved).arrays.items() if k.startswith("weights/")}
    assert weights and all(array.dtype == "float64" for array in weights.values())
    assert main(["train", str(saved), "--epochs", "1", "--dtype", "float32", "--save", str(saved)]) == 0
    assert all(v.dtype == "float32" for k, v in load_project(saved).arrays.items() if k.startswith("weights/"))



def test_a_project_trained_on_the_command_line_keeps_what_the_window_saved_in_it(tmp_path):
    """Its speed, epoch to stop at, lesson, description, and the runs kept for comparison with the one its run is."""
    saved = tmp_path / "run.bpp"
    assert main(["train", "--preset", "circle", "--epochs", "1", "--save", str(saved)]) == 0
    project = load_project(saved)
    project.pace, project.stop_at_epoch, project.lesson = "epoch", 7, LessonPlace("overfit", 3, (3,))
    project.view = {"description": "Two rings."}
    history = {key.removeprefix("history/"): value for key, value in project.arrays.items()
               if key.startswith("history/")}
    setup = RunSetup(project.network, project.optimizer, project.batch_size, project.dataset)
    project.runs, project.run_kept_as = [KeptRun("Circle", setup, history, project.progress["step"], 1)], 0
    save_project(project, saved)
    assert main(["train", str(saved), "--epochs", "1", "--save", str(saved)]) == 0
    trained = load_project(saved)
    assert (trained.pace, trained.stop_at_epoch, trained.progress["epoch"]) == ("epoch", 7, 2)
    assert trained.lesson == LessonPlace("overfit", 3, (3,)) and trained.view == {"description": "Two rings."}
    assert [run.name for run in trained.runs] == ["Circle"] and trained.run_kept_as == 0


def test_a_project_trained_on_the_command_line_holds_no_step_in_the_stepper(tmp_path):
    """The step the window's stepper held is the next step of the state saved: once trained on, it is no step to
    show, and the project saved opens where training left it."""
    saved = tmp_path / "run.bpp"
    assert main(["train", "--preset", "circle", "--epochs", "1", "--save", str(saved)]) == 0
    project = load_project(saved)
    project.stepper = StepperPlace(None, 3, "1.W", {"1.W": (0, 1)})
    save_project(project, saved)
    assert load_project(saved).stepper is not None
    assert main(["train", str(saved), "--epochs", "1", "--save", str(saved)]) == 0
    assert load_project(saved).stepper is None
