"""Setting one weight by hand between steps: a what-if the next paused snapshot scores at once,
undone only while the weight still holds the edited value."""

import numpy
import pytest

from playground.errors import PlaygroundError
from tests.session.helpers import preset_session


def paused_circle():
    session = preset_session("circle", start_paused=True, snapshot_hz=1000)
    stream = session.run()
    first = next(stream)
    session.control.step()
    stepped = next(stream)
    assert first.state == stepped.state == "paused" and stepped.step == 1
    return session, stream, stepped


def test_a_weight_set_while_paused_shows_in_the_next_snapshot_with_the_test_split_scored_again():
    session, stream, before = paused_circle()
    session.control.set_weight("2", 1, 0, 3.5)
    after = next(stream)
    assert after.state == "paused" and after.step == before.step
    assert after.weights["2"][1, 0] == 3.5 and session.network.get("2.W")[1, 0] == 3.5
    changed = numpy.argwhere(after.weights["2"] != before.weights["2"])
    assert changed.tolist() == [[1, 0]]  # that weight alone
    assert all(numpy.array_equal(after.weights[p], before.weights[p]) for p in ("1", "3"))
    assert after.epoch_report is not None and after.epoch_report.at_step == before.step
    assert after.test_loss != before.test_loss and not numpy.array_equal(after.boundary, before.boundary)
    assert not numpy.array_equal(after.neuron_grids["2"][0], before.neuron_grids["2"][0])


def test_a_weight_is_put_back_only_while_it_holds_the_value_expected():
    session, stream, before = paused_circle()
    old = float(before.weights["3"][0, 0])
    session.control.set_weight("3", 0, 0, -2.25)
    assert next(stream).weights["3"][0, 0] == -2.25
    session.control.set_weight("3", 0, 0, old, expected=-2.25)  # an undo of that edit
    undone = next(stream)
    assert undone.weights["3"][0, 0] == old and undone.message is None
    session.control.step()
    trained = next(stream)
    moved = float(trained.weights["3"][0, 0])
    assert moved != old
    session.control.set_weight("3", 0, 0, -2.25, expected=old)  # a redo after training moved the weight
    refused = next(stream)
    assert refused.weights["3"][0, 0] == moved and session.network.get("3.W")[0, 0] == moved
    assert "W[0, 0] of layer 3 has changed since that edit" in refused.message


@pytest.mark.parametrize("path, row, column, value, sentence", [
    ("7", 0, 0, 1.0, "There is no Dense layer '7' to set a weight of: pick one of 1, 2, 3."),
    ("2", 4, 0, 1.0, "Layer 2's W is 4 by 2: pick a row from 0 to 3 and a column from 0 to 1."),
    ("2", 0, 2, 1.0, "Layer 2's W is 4 by 2: pick a row from 0 to 3 and a column from 0 to 1."),
    ("2", -1, 0, 1.0, "The weight's row must be 0 or more; it is -1."),
    ("1", 0, 0, float("nan"), "The weight must be a finite number; it is nan."),
    ("1", 0, 0, float("inf"), "The weight must be a finite number; it is inf."),
    # Finite in Python, Inf in the network's float32.
    ("1", 0, 0, 1e39, "The weight must be 3.4028234663852886e+38 or less; it is 1e+39."),
    ("1", 0, 0, -1e39, "The weight must be -3.4028234663852886e+38 or more; it is -1e+39."),
])
def test_a_weight_not_there_or_not_finite_in_the_network_is_refused_with_a_sentence(path, row, column, value,
                                                                                  sentence):
    session = preset_session("circle", start_paused=True)
    with pytest.raises(PlaygroundError) as refused:
        session.control.set_weight(path, row, column, value)
    assert str(refused.value) == sentence
    assert session.control.queue.empty()


def test_a_float64_network_takes_a_weight_float32_could_not_hold():
    session = preset_session("circle", start_paused=True, dtype="float64")
    stream = session.run()
    next(stream)
    session.control.set_weight("1", 0, 0, 1e39)
    assert next(stream).weights["1"][0, 0] == 1e39
    session.control.stop()
    list(stream)
