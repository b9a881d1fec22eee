"""What the window's Filters and Feature maps views show, measured for a snapshot only while a view
asks for it (Control.watch_images): each Conv2D layer's kernels, and one test image followed through
every top-level layer, a forward of that one example on an evaluator twin of the network."""

from __future__ import annotations

from dataclasses import dataclass

import numpy

from playground.data import Dataset
from playground.engine import Network
from playground.engine.trace import Recorder


@dataclass
class FeatureMaps:
    """One test image as the network takes it and what each top-level layer makes of it."""

    index: int  # into the test split
    image: numpy.ndarray  # the input, in the network's shape: (C, H, W), or flat
    outputs: dict[str, numpy.ndarray]  # by layer path: maps (C, H, W), or a flat vector
    prediction: numpy.ndarray  # what the output means: values, or class probabilities


class LayerPictures:
    """Kernels and feature maps of one network on one dataset (as the session shaped it)."""

    def __init__(self, network: Network, dataset: Dataset) -> None:
        self.network, self.dataset = network, dataset
        self._evaluator: Network | None = None  # made at the first look: most runs never show feature maps
        self._shapes = {info.path: info.output_shape for info in network.spec.validate()}

    def kernels(self) -> dict[str, numpy.ndarray]:
        """Each Conv2D layer's K, (C, kh, kw, F), by path, blocks' layers too: host copies."""
        copy = self.network.backend.to_numpy
        return {layer.path: copy(layer.params["K"]) for layer in self.network.all_layers() if layer.type == "conv2d"}

    def feature_maps(self, index: int) -> FeatureMaps | None:
        """Test image `index` through the network as it is now (evaluation mode); None past the test split."""
        dataset = self.dataset
        if not 0 <= index < len(dataset.x_test):
            return None
        if self._evaluator is None:
            self._evaluator = self.network.with_own_buffers()
        net = self._evaluator
        batch = net.make_batch(dataset.x_test[index : index + 1], dataset.y_test[index : index + 1])
        recorder = Recorder(net.backend.to_numpy)
        prediction = net.predict_batch(batch, recorder)[0]
        outputs = {record.path: record.output[:, 0].reshape(self._shapes[record.path])
                   for record in recorder.forward_records}
        image = numpy.asarray(dataset.x_test[index], dtype=numpy.float32).reshape(self.network.spec.input_shape)
        return FeatureMaps(index, image, outputs, prediction)

    def measure(self, kernels: bool, image: int | None) -> tuple[dict[str, numpy.ndarray], FeatureMaps | None]:
        """What a snapshot carries for the views watching: the kernels if asked, the feature maps of `image`."""
        return (self.kernels() if kernels else {}), (None if image is None else self.feature_maps(image))
