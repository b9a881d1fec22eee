"""The Test images gallery of an image set, as a learner reads it: CIFAR-10's class names under its photos."""

import os
from pathlib import Path

import pytest

from playground.data.images import cache_path, write_cache
from tests.data.fake_files import cifar_arrays
from tests.ui.test_image_layers import open_window
from tests.ui.widgets import click


@pytest.fixture
def cifar10():
    """CIFAR-10 as if downloaded: 40 test photos, enough for the gallery's 32."""
    write_cache(cache_path("cifar10", Path(os.environ["PLAYGROUND_DATA_DIR"])), cifar_arrays(per_batch=40))


def stepped(qtbot, size):
    window = open_window(qtbot, "cifar10-cnn", size)
    click(qtbot, window, "stepButton")
    gallery = window.gallery
    qtbot.waitUntil(lambda: window.latest is not None and window._drawn is window.latest
                    and gallery.labels and gallery.labels[0].toPlainText() != "", timeout=20_000)
    return window, gallery


@pytest.mark.parametrize("size", [(1280, 720), (1400, 900)])
def test_the_mistakes_under_cifar_photos_can_be_read(qtbot, cifar10, size):
    """'ship≠airplane' under tiles 44 pixels wide ran into its neighbours' labels."""
    window, gallery = stepped(qtbot, size)
    names = window.dataset.class_names
    truth = window.dataset.y_test[gallery.indices]
    boxes = [label.sceneBoundingRect() for label in gallery.labels]
    predicted = window.latest.gallery[1]
    for k, box in enumerate(boxes):
        assert not any(box.intersects(other) for j, other in enumerate(boxes) if j != k), f"label {k} overlaps"
    for k, label in enumerate(gallery.labels):
        guess = predicted[k]
        assert label.toolTip() == f"predicted {names[guess]}, true class {names[truth[k]]}"
        lines = label.toPlainText().split("\n")
        assert len(lines) == (1 if guess == truth[k] else 2)
        for line, whole in zip(lines, (names[guess], f"≠ {names[truth[k]]}")):  # whole, or cut short
            assert line == whole or (line.endswith("…") and whole.startswith(line[:-1]) and len(line) > 4)
    window.close()


def test_the_gallery_says_what_its_red_labels_mean(qtbot, cifar10):
    """'0≠6' was never explained: nothing said it means predicted ≠ true."""
    window, gallery = stepped(qtbot, (1280, 720))
    caption = gallery.getPlotItem().titleLabel
    assert caption.isVisible() and "in red, a mistake: predicted ≠ true class" in caption.text
    assert caption.sceneBoundingRect().bottom() <= min(label.sceneBoundingRect().top() for label in gallery.labels)
    window.close()
