"""The window's notice when other data come in: what they are, and what they changed in the network and the run,
so that a learner sees why the picture moved."""

from __future__ import annotations

import math

from playground.data import Dataset
from playground.ui.translation import tr
from playground.words import listed, run_on, term

NAMED_FEATURES = 8  # the most features the notice names: more (64 pixels) is a count


def new_data_notice(dataset: Dataset, input_before: tuple[int, ...], output_fitted: bool, run_dropped: bool) -> str:
    """The sentences that say what `dataset` is, that the first layer takes its inputs when their number is not
    that of `input_before` (the shape it took), that the output layer gives what the data need when
    `output_fitted`, and that training starts over when a trained run was dropped."""
    names = dataset.feature_names
    if dataset.image_shape is not None:
        channels, height, width = dataset.image_shape
        news = (tr("New data: {0:,} training images of {1}×{2} pixels.") if channels == 1 else
                tr("New data: {0:,} training images of {1}×{2} pixels, {3} channels.")).format(
            len(dataset.x_train), height, width, channels)
    elif len(names) <= NAMED_FEATURES:
        news = tr("New data: {0} training points, features {1}.").format(len(dataset.x_train), listed(names))
    else:
        news = tr("New data: {0} training points, {1} features.").format(len(dataset.x_train), len(names))
    sentences = [news]
    inputs = math.prod(dataset.input_shape)
    if inputs != math.prod(input_before):
        sentences.append(tr("The first layer now takes {0:,} inputs.").format(inputs))
    if output_fitted:
        sentences.append((tr("The output layer now gives 1 output, for the {1} loss.") if dataset.outputs == 1
                          else tr("The output layer now gives {0} outputs, for the {1} loss.")).format(
            dataset.outputs, term(dataset.loss)))
    if run_dropped:
        sentences.append(tr("Training starts over from new random weights."))
    return run_on(sentences)
