"""Saving a session and going on from the file repeats training exactly: same weights, same next loss."""

import json

import numpy
import pytest

from playground.cli import main
from playground.data import load_dataset
from playground.errors import DataError
from playground.project import load_project, save_project
from playground.session import project_of, session_for
from tests.session.helpers import preset_session


def next_losses(session, steps: int) -> list[float]:
    stream = session.run()
    next(stream)
    losses = []
    for _ in range(steps):
        session.control.step()
        losses.append(next(stream).train_loss)
    session.control.stop()
    list(stream)
    return losses


@pytest.mark.parametrize("name, opt", [("circle", {}), ("iris", {"dropout": True})])
def test_a_saved_session_continues_exactly(tmp_path, name, opt):
    original = preset_session(name, start_paused=True)
    if opt:
        from playground.engine import DenseSpec, DropoutSpec, NetworkSpec

        spec = NetworkSpec((4,), [DenseSpec(8, "relu"), DropoutSpec(0.3), DenseSpec(3)], "cross_entropy")
        original = type(original)(spec, original.dataset, original.config)
    next_losses(original, 37)  # mid-epoch, with optimizer and dropout state
    path = tmp_path / "run.bpp"
    save_project(project_of(original, {"name": name}), path)
    resumed = session_for(load_project(path), original.dataset, start_paused=True)
    assert resumed.step == 37 and numpy.array_equal(resumed.network.theta, original.network.theta)
    assert next_losses(original, 12) == next_losses(resumed, 12)
    assert numpy.array_equal(resumed.network.theta, original.network.theta)


def test_a_project_for_other_data_is_refused_before_anything_changes():
    source = preset_session("circle", start_paused=True)
    next_losses(source, 3)
    project = project_of(source, {"name": "circle"})
    other = load_dataset({"name": "circle", "points": 300})
    with pytest.raises(DataError, match="batch order does not match"):
        session_for(project, other)


def test_training_in_two_runs_through_a_file_equals_one_run(tmp_path, capsys):
    main(["train", "--preset", "gauss", "--epochs", "6", "--json"])
    straight = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    path = tmp_path / "half.bpp"
    main(["train", "--preset", "gauss", "--epochs", "3", "--json", "--save", str(path)])
    first = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    main(["train", str(path), "--epochs", "3", "--json"])
    second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    keys = ("epoch", "train_loss", "test_loss", "test_accuracy")
    resumed = [{k: line[k] for k in keys} for line in first[:-1] + second[:-1]]
    assert resumed == [{k: line[k] for k in keys} for line in straight[:-1]]
