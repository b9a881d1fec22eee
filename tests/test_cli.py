"""The command line: gradcheck, presets, bench, and one-line errors with exit code 2."""

import json
import os
import subprocess
import sys

import pytest

from playground.cli import main
from playground.engine.activations import Tanh
from playground.project import list_presets
from tests.limits import run_capped


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True, timeout=300)


# Its 122,570 parameters take half a minute at the default batch and checks, in float64.
CHECKED_LIGHTER = {"cifar10-cnn": ["--batch-size", "2", "--max-checks", "10"]}


@pytest.mark.parametrize("name", list_presets())
def test_gradcheck_passes_for_every_preset(name, capsys):
    assert main(["gradcheck", "--preset", name, *CHECKED_LIGHTER.get(name, [])]) == 0
    assert capsys.readouterr().out.strip().endswith("(tolerance 1e-06)")


def test_gradcheck_json_report_for_a_spec_file(tmp_path, capsys):
    spec = tmp_path / "net.json"
    spec.write_text(json.dumps({"input_shape": [3], "loss": "cross_entropy", "layers": [
        {"type": "dense", "units": 5, "activation": "elu"}, {"type": "batchnorm"}, {"type": "dense", "units": 4}]}))
    assert main(["gradcheck", str(spec), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["passed"] is True
    assert set(report["parameters"]) == {"1.W", "1.b", "2.gamma", "2.beta", "3.W", "3.b", "input"}
    assert all(p["max_relative_error"] < 1e-6 for p in report["parameters"].values())


def test_gradcheck_of_one_example_where_no_batch_normalization_needs_two(capsys):
    assert main(["gradcheck", "--preset", "circle", "--batch-size", "1"]) == 0
    assert "FAIL" not in capsys.readouterr().out


def test_gradcheck_exits_1_when_a_gradient_is_wrong(monkeypatch, capsys):
    monkeypatch.setattr(Tanh, "backward", lambda self, xp, z, a, g, out, s: xp.multiply(g, 2.0, out=out))
    assert main(["gradcheck", "--preset", "circle"]) == 1
    assert "FAIL" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["gradcheck", "--preset", "nope"], "There is no preset 'nope': choose one of"),
    (["gradcheck", "missing.json"], "Cannot read missing.json"),
    (["gradcheck"], "one of the arguments"),
    (["frobnicate"], "invalid choice"),
    (["gradcheck", "--preset", "batchnorm", "--batch-size", "1"], "--batch-size must be 2 or more for a network "
                                                                   "with batch normalization"),
    (["gradcheck", "--preset", "circle", "--batch-size", "0"], "--batch-size must be"),
])
def test_user_errors_print_one_line_and_exit_2(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_spec_file_is_a_one_line_error(tmp_path):
    spec = tmp_path / "net.json"
    spec.write_text('{"input_shape": [2], "layers": [{"type": "dense", "units": 0}]}')
    result = run_cli("gradcheck", str(spec))
    assert result.returncode == 2
    assert result.stderr.strip() == "error: layer 1: units must be 1 or more; it is 0."


def test_presets_lists_every_preset(capsys):
    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ["circle", "digits-mlp", "mnist-mlp", "exploding"])


def test_bench_prints_ratios_for_the_small_cases():
    result = run_cli("bench", "--case", "tiny", "--threads", "1")
    assert result.returncode == 0, result.stderr
    assert "2-8-8-1 tanh" in result.stdout and "ratio" in result.stdout


def test_bench_in_the_installed_app_says_it_lacks_pytorch_rather_than_offering_pip(monkeypatch, capsys):
    """The frozen app has no pip to run: it says what it lacks, as its other exports and backends do."""
    monkeypatch.setitem(sys.modules, "torch", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert main(["bench", "--case", "tiny"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and "this installed app does not include PyTorch" in error
    assert "pip install" not in error, error


@pytest.mark.parametrize("where", ["/dev/zero", "fifo"])
def test_a_spec_naming_a_device_or_a_pipe_is_refused_at_once(tmp_path, where):
    """Read whole, /dev/zero fills memory and a FIFO waits forever for a writer; both are refused unread."""
    path = "/dev/zero" if where == "/dev/zero" else str(tmp_path / "pipe.json")
    if where == "fifo":
        os.mkfifo(path)
    result = run_capped(f"import sys\nfrom playground.cli import main\nsys.exit(main(['gradcheck', {path!r}]))",
                        1536 * 2**20, 20, tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"error: Cannot read {path}: it is a device, pipe or folder, not a file; check the path.\n"


def test_a_reader_that_stops_reading_ends_the_command_without_a_traceback():
    """`playground train ... --json | head -1`: once the reader has gone, the command stops quietly, as a shell's
    commands do when SIGPIPE ends them."""
    process = subprocess.Popen([sys.executable, "-m", "playground", "train", "--preset", "circle", "--epochs", "2000",
                                "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    process.stdout.close()  # as head does after its line: the epochs still to come fill the pipe and find it closed
    error = process.stderr.read()
    assert process.wait(timeout=300) == 141, error
    assert json.loads(first)["epoch"] == 1 and error == ""
