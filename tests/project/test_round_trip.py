"""A project saved from a session trains on exactly as if it had never been saved.

Session A trains N steps, is saved, loaded and resumed, and trains M more; session B trains
N + M steps straight. Their weights, running statistics and optimizer state agree bit for bit,
and so does the next loss. tests/session/test_resume.py checks this against the saved session
itself for circle and a dropout network; here it is checked against an unsaved run, for batch
normalization, Adam, momentum, residual blocks, settings changed mid-run and epoch ends on both
sides of the save, and through the command line and back.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from playground.cli import main
from playground.data import Dataset, load_dataset
from playground.engine import (
    ActivationSpec,
    BatchNormSpec,
    DenseSpec,
    DropoutSpec,
    NetworkSpec,
    OptimizerSpec,
    ScheduleSpec,
)
from playground.project import load_preset, load_project, save_project
from playground.session import Control, Session, TrainingConfig, project_of, session_for

Changes = dict[int, Callable[[Control], None]]


def train(session: Session, steps: int, changes: Changes | None = None) -> list[float]:
    """Take `steps` single steps in one run, applying changes[i] just before step i; each step's loss."""
    stream = session.run()
    next(stream)
    losses = []
    for i in range(steps):
        if changes and i in changes:
            changes[i](session.control)
            assert next(stream).step == session.step  # settings show in a snapshot of their own, before the step
        session.control.step()
        losses.append(next(stream).train_loss)
    session.control.stop()
    list(stream)
    return losses


def preset_run(name: str) -> tuple[Callable[[], Session], Dataset, dict]:
    """A maker of fresh identical sessions on a preset, its data, and the dataset settings a project keeps."""
    preset = load_preset(name)
    dataset = load_dataset(preset.dataset)
    config = {"optimizer": preset.optimizer, "batch_size": preset.batch_size, "start_paused": True}
    return lambda: Session(preset.network, dataset, TrainingConfig(**config)), dataset, dict(preset.dataset)


def everything_run() -> tuple[Callable[[], Session], Dataset, dict]:
    """Batch normalization and dropout together, trained by Adam with clipping, an L2 penalty and a step schedule."""
    preset = load_preset("circle")
    dataset = load_dataset(preset.dataset)
    spec = NetworkSpec((2,), [DenseSpec(8), BatchNormSpec(), ActivationSpec("relu"), DropoutSpec(0.25),
                              DenseSpec(1)], "binary_cross_entropy")
    optimizer = OptimizerSpec(kind="adam", learning_rate=0.01, clip_norm=1.0, l2=0.001,
                              schedule=ScheduleSpec(kind="step", step_size=20, gamma=0.5))
    config = {"optimizer": optimizer, "batch_size": 16, "seed": 3, "start_paused": True}
    return lambda: Session(spec, dataset, TrainingConfig(**config)), dataset, dict(preset.dataset)


def assert_same_state(resumed: Session, straight: Session) -> None:
    assert (resumed.step, resumed.epoch, resumed.samples) == (straight.step, straight.epoch, straight.samples)
    assert resumed.network.theta.tobytes() == straight.network.theta.tobytes()
    mine, theirs = resumed.network.state_dict(), straight.network.state_dict()  # running statistics too
    assert mine.keys() == theirs.keys() and all(mine[k].tobytes() == theirs[k].tobytes() for k in mine)
    assert resumed.optimizer.state.keys() == straight.optimizer.state.keys()
    assert all(resumed.optimizer.state[k].tobytes() == straight.optimizer.state[k].tobytes()
               for k in straight.optimizer.state)
    assert resumed.optimizer.step_count == straight.optimizer.step_count


def save_and_resume(session: Session, dataset: Dataset, settings: dict, path) -> Session:
    save_project(project_of(session, settings), path)
    return session_for(load_project(path), dataset, start_paused=True)


# (a maker of sessions, steps before the save, steps after it); circle and spiral have 25 batches an epoch,
# digits 23: the saves fall mid-epoch and the resumed runs cross an epoch end, which reshuffles.
RUNS = {
    "batchnorm preset (running statistics)": (lambda: preset_run("batchnorm"), 30, 30),
    "spiral preset (Adam)": (lambda: preset_run("spiral"), 30, 30),
    "digits-mlp preset (momentum, 10 classes)": (lambda: preset_run("digits-mlp"), 30, 20),
    "residual preset (blocks)": (lambda: preset_run("residual"), 20, 10),
    "batchnorm, dropout, Adam, clipping, L2, schedule": (everything_run, 20, 40),
    "saved at an epoch end": (lambda: preset_run("batchnorm"), 25, 5),
}


@pytest.mark.parametrize("make, before, after", RUNS.values(), ids=RUNS.keys())
def test_saving_and_resuming_changes_nothing(tmp_path, make, before, after):
    new_session, dataset, settings = make()
    saved, straight = new_session(), new_session()
    train(saved, before)
    resumed = save_and_resume(saved, dataset, settings, tmp_path / "run.bpp")
    assert_same_state(resumed, saved)
    losses = train(resumed, after)
    assert losses == train(straight, before + after)[before:]
    assert_same_state(resumed, straight)
    assert train(resumed, 1) == train(straight, 1)  # the next loss


def test_settings_changed_mid_run_are_saved_and_resumed(tmp_path):
    """The learning rate, penalties, batch size and optimizer changed while training are part of the file."""
    new_session, dataset, settings = preset_run("circle")
    changes: Changes = {
        3: lambda control: control.set_optimizer("adam"),
        7: lambda control: (control.set_learning_rate(0.05), control.set_regularization(0.001, 0.002)),
        11: lambda control: control.set_batch_size(7),  # 250 examples: the epoch ends on a batch of 5
    }
    saved, straight = new_session(), new_session()
    train(saved, 20, changes)
    resumed = save_and_resume(saved, dataset, settings, tmp_path / "changed.bpp")
    assert resumed.optimizer.spec.kind == "adam" and resumed.batch_size == 7
    assert resumed.optimizer.spec.learning_rate == 0.05 and (resumed.optimizer.spec.l1, resumed.optimizer.spec.l2) == (
        0.001, 0.002)
    assert train(resumed, 40) == train(straight, 60, changes)[20:]
    assert_same_state(resumed, straight)
    assert train(resumed, 1) == train(straight, 1)


def test_a_file_goes_to_the_command_line_and_back_without_a_difference(tmp_path, capsys):
    """Saved from a session as the window runs it, trained on headless, opened again in a session:
    the same weights and the same next loss as one session that never stopped."""
    new_session, dataset, settings = preset_run("spiral")
    window, straight = new_session(), new_session()
    train(window, 25)  # one epoch
    save_project(project_of(window, settings), tmp_path / "window.bpp")
    assert main(["train", str(tmp_path / "window.bpp"), "--epochs", "1", "--backend", "numpy", "--json",
                 "--save", str(tmp_path / "headless.bpp")]) == 0
    done = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert done["steps"] == 50 and done["epoch"] == 2
    back = session_for(load_project(tmp_path / "headless.bpp"), dataset, start_paused=True)
    assert back.step == 50
    assert train(back, 10) == train(straight, 60)[50:]
    assert_same_state(back, straight)
    assert train(back, 1) == train(straight, 1)
