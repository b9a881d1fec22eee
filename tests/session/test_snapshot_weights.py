"""Snapshots of small networks carry each Dense layer's weights and gradients, as copies."""

import numpy

from tests.session.helpers import Runner, preset_session


def test_small_networks_snapshot_their_dense_weights_and_gradients():
    session = preset_session("circle", snapshot_hz=1000)
    stream = session.run()
    for _ in range(4):
        snapshot = next(stream)
    assert snapshot.step > 0
    network = session.network
    layers = {layer.path: layer for layer in network.layers}
    assert sorted(snapshot.weights) == sorted(snapshot.weight_grads) == ["1", "2", "3"]
    assert snapshot.weights["1"].shape == snapshot.weight_grads["1"].shape == (2, 4)
    assert snapshot.weights["2"].shape == (4, 2) and snapshot.weights["3"].shape == (2, 1)
    # The generator waits at the yield: the network is as the snapshot saw it.
    for path in ("1", "2", "3"):
        assert numpy.array_equal(snapshot.weights[path], network.get(f"{path}.W"))
        assert numpy.array_equal(snapshot.weight_grads[path], layers[path].grads["W"])
    assert numpy.any(snapshot.weight_grads["1"] != 0)
    kept = {path: w.copy() for path, w in snapshot.weights.items()}
    for _ in range(3):
        later = next(stream)
    assert not numpy.array_equal(later.weights["1"], kept["1"])  # training moved on...
    assert all(numpy.array_equal(snapshot.weights[p], kept[p]) for p in kept)  # ...not the old snapshot's copies


def test_large_networks_snapshot_no_weights():
    session = preset_session("deep-sigmoid", snapshot_hz=1000)
    stream = session.run()
    next(stream)
    snapshot = next(stream)
    assert snapshot.boundary is not None  # a 2-D set, but 81 units: too many to draw each
    assert snapshot.weights == {} and snapshot.weight_grads == {} and snapshot.neuron_grids == {}


def test_no_gradient_is_reported_before_a_step_computed_one():
    """The gradient buffer holds zeros until the first backward: a snapshot then has no gradient to show, not a
    gradient of zero (which the views would read as vanished); from the first step on, and after a move to
    another backend only once a step ran there, it has."""
    session = preset_session("circle", start_paused=True)
    runner = Runner(session)
    first = runner.next()
    assert first.step == 0 and first.weights and first.weight_grads == {}
    assert all(stats.grad_norms == {} and stats.weight_gradient is None for stats in first.layers)
    assert "grad_norm/1.W" not in first.history
    session.control.step()
    stepped = runner.wait_for(lambda s: s.step == 1)
    assert sorted(stepped.weight_grads) == ["1", "2", "3"]
    assert all(stats.weight_gradient > 0 for stats in stepped.layers if stats.type == "dense")
    session.control.reset()
    reset = runner.wait_for(lambda s: s.run != stepped.run)
    assert reset.weight_grads == {} and all(stats.grad_norms == {} for stats in reset.layers)
    session.control.stop()
