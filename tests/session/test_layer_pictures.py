"""What snapshots carry for the Filters and Feature maps views: nothing until a view watches, then each
Conv2D layer's kernels and one test image through every layer, as the network computes them now."""

import numpy

from playground.engine import Network
from tests.session.helpers import preset_session


def test_snapshots_carry_kernels_and_feature_maps_only_while_watched():
    session = preset_session("digits-cnn", start_paused=True)
    stream = session.run()
    first = next(stream)
    assert first.kernels == {} and first.feature_maps is None  # nothing is watching: nothing is measured
    session.control.watch_images(True, 7)
    watched = next(stream)  # a command shows at once, even while paused
    net = session.network
    assert list(watched.kernels) == ["1", "3"]
    for path, kernels in watched.kernels.items():
        assert numpy.array_equal(kernels, net.get(f"{path}.K"))
        assert kernels is not net.get(f"{path}.K")  # a copy, safe on another thread
    maps = watched.feature_maps
    image = session.dataset.x_test[7]
    assert maps.index == 7 and numpy.array_equal(maps.image, image)
    assert {path: values.shape for path, values in maps.outputs.items()} == {
        "1": (16, 8, 8), "2": (16, 4, 4), "3": (32, 4, 4), "4": (32, 2, 2), "5": (128,), "6": (10,)}
    reference = Network(session.spec, seed=5)
    reference.load_state_dict(net.state_dict())
    numpy.testing.assert_allclose(maps.prediction, reference.predict(image[None])[0], rtol=1e-5, atol=1e-6)
    numpy.testing.assert_allclose(maps.outputs["6"], reference.forward(image[None])[0], rtol=1e-5, atol=1e-6)
    session.control.step()
    stepped = next(stream)
    assert not numpy.array_equal(stepped.kernels["1"], watched.kernels["1"])  # they follow training
    session.control.watch_images(False, None)
    quiet = next(stream)
    assert quiet.kernels == {} and quiet.feature_maps is None
    session.control.watch_images(False, 10_000)  # past the test split: no maps, and training goes on
    assert next(stream).feature_maps is None
    session.control.stop()
    list(stream)
