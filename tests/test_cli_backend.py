"""--backend auto|numpy|cupy on every command that computes: auto says why it took NumPy, cupy where it cannot
work is a one-line error with the reason, and where CuPy works (the strict double stands in) they run on it."""

import json
import sys

import pytest

from playground.cli import main
from playground.engine import backend as engine_backend
from tests.strict_cupy import strict_xp
from tests.strict_cupy.strict_xp import xp as strict_cupy

COMMANDS = {
    "window": [],
    "train": ["train", "--preset", "circle", "--epochs", "1", "--json"],
    "gradcheck": ["gradcheck", "--preset", "circle", "--max-checks", "3"],
    "bench": ["bench", "--case", "circle"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_asking_for_cupy_where_it_cannot_work_is_an_error_with_the_reason(monkeypatch, capsys, command):
    monkeypatch.setitem(sys.modules, "cupy", None)  # `import cupy` fails, as where it is not installed
    assert main([*COMMANDS[command], "--backend", "cupy"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: CuPy is not installed"), lines


def test_auto_trains_on_numpy_with_a_notice_saying_why(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "cupy", None)
    assert main([*COMMANDS["train"], "--backend", "auto"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("notice: CuPy is not installed") and "runs on NumPy" in captured.err
    assert json.loads(captured.out.splitlines()[-1])["done"] is True


@pytest.mark.parametrize("backend", ["auto", "cupy"])
def test_training_and_the_gradient_check_run_on_cupy_where_it_works(monkeypatch, capsys, backend):
    """CuPy asked for by name, or auto for a network large enough to gain from the GPU (circle's counts as large
    here)."""
    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)
    monkeypatch.setattr(engine_backend, "GPU_MIN_MULTIPLY_ADDS", 100)
    strict_xp.TRANSFERS.clear()
    assert main([*COMMANDS["train"], "--backend", backend]) == 0
    assert main([*COMMANDS["gradcheck"], "--backend", backend]) == 0
    captured = capsys.readouterr()
    assert "notice" not in captured.err and captured.out.strip().endswith("(tolerance 1e-06)")
    assert strict_xp.TRANSFERS["to_device"] > 0  # the data went to the GPU


@pytest.mark.parametrize("asked", [[], ["--backend", "auto"]], ids=["by default", "by name"])
def test_auto_trains_and_checks_a_network_too_small_for_the_gpu_on_numpy(monkeypatch, capsys, asked):
    """circle's step (250 multiply-adds; 200 for the gradient check's 8 examples) would wait on kernel launches:
    NumPy, and auto asked for by name says why."""
    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)
    strict_xp.TRANSFERS.clear()
    assert main([*COMMANDS["train"], *asked]) == 0
    assert main([*COMMANDS["gradcheck"], *asked]) == 0
    err = capsys.readouterr().err
    assert strict_xp.TRANSFERS["to_device"] == 0  # nothing went to the GPU
    if asked:
        assert [line.split(", too few")[0] for line in err.splitlines()] == [
            "notice: The network takes 250 multiply-adds a training step",
            "notice: The network takes 200 multiply-adds a training step"]
    else:
        assert err == ""


def test_bench_on_the_gpu_reports_cupy_against_numpy_and_torch(monkeypatch, capsys):
    """The GPU's cases, made small, on the strict double: each line names both comparisons, and their targets
    where the case has them."""
    from playground import benchmark

    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)
    monkeypatch.setattr(benchmark, "GPU_CASES", (("tiny MLP", [784, 8, 10], 32, 256, 8, benchmark.GPU_TARGETS),
                                                 ("reported MLP", [784, 4, 10], 32, 256, 8, None)))
    assert main(["bench", "--backend", "cupy"]) == 0
    judged, reported = capsys.readouterr().out.strip().splitlines()
    assert judged.startswith("[GPU] tiny MLP: CuPy ") and "x NumPy (target 20x)" in judged
    assert "PyTorch has no CUDA here" in judged or "(target 0.8x)" in judged
    assert reported.startswith("[GPU] reported MLP: CuPy ") and "x NumPy;" in reported and "target" not in reported
