"""The Test images gallery of an image set, as a learner reads it: CIFAR-10's class names under its photos, and the
images shown, not predicted yet, from the moment the data are."""

import os
from pathlib import Path

import numpy
import pytest
from PySide6.QtWidgets import QSpinBox

from playground.data import load_dataset
from playground.data.images import cache_path, write_cache
from playground.project import Project, load_preset, save_project
from playground.session import gallery_examples
from tests.data.fake_files import cifar_arrays, mnist_arrays
from tests.ui.test_builder import select_row, type_into
from tests.ui.test_image_layers import open_window
from tests.ui.test_lessons import open_lesson
from tests.ui.widgets import click, find


@pytest.fixture
def cifar10():
    """CIFAR-10 as if downloaded: 40 test photos, enough for the gallery's 32."""
    write_cache(cache_path("cifar10", Path(os.environ["PLAYGROUND_DATA_DIR"])), cifar_arrays(per_batch=40))


def stepped(qtbot, size):
    window = open_window(qtbot, "cifar10-cnn", size)
    click(qtbot, window, "stepButton")
    gallery = window.gallery
    qtbot.waitUntil(lambda: window.latest is not None and window._drawn is window.latest
                    and gallery.predicted is not None, timeout=20_000)
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


def not_predicted(gallery) -> bool:
    """Every image under a grey "?", and the title saying so: no class made up before a network predicts."""
    return (gallery.predicted is None and all(label.toPlainText() == "?" for label in gallery.labels)
            and gallery.getPlotItem().titleLabel.text.startswith("Not predicted yet"))


def test_the_test_images_show_before_the_first_step_and_are_those_the_session_predicts(qtbot):
    """The gallery was blank until the first snapshot brought the images the session had picked."""
    window = open_window(qtbot, "digits-mlp", (1280, 760))
    gallery = window.gallery
    assert window.training.worker is None  # no session yet: nothing has predicted
    assert len(gallery.labels) == 32 and gallery.mosaic.image is not None and not_predicted(gallery)
    shown, image, labels = gallery.indices.copy(), gallery.mosaic.image.copy(), list(gallery.labels)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1, timeout=20_000)
    numpy.testing.assert_array_equal(window.latest.gallery[0], shown)  # the session predicts the images shown
    numpy.testing.assert_array_equal(gallery.mosaic.image, image)
    assert gallery.labels == labels and all(label.toPlainText() not in ("", "?") for label in labels)
    assert gallery.getPlotItem().titleLabel.text.startswith("Under each image, the class predicted")
    run = window.latest.run
    click(qtbot, window, "resetButton")  # a new network: the same images, its own predictions
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.run != run, timeout=20_000)
    numpy.testing.assert_array_equal(gallery.indices, shown)
    assert gallery.predicted is not None and all(label.toPlainText() != "?" for label in labels)
    select_row(qtbot, window, 0)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "50")  # another network: nothing predicted yet
    assert window.training.worker is None and not_predicted(gallery)
    numpy.testing.assert_array_equal(gallery.indices, shown)
    window.close()


def test_an_opened_project_shows_the_images_its_own_seed_picks(qtbot, tmp_path):
    """A project's seed picks its fixed samples: the gallery shows those, not the window's default seed's, and a
    network edited afterwards trains with that seed too."""
    # More test images than a fixed sample holds (1,000), so that the seed picks among them.
    arrays = mnist_arrays(train=100, test=1200)
    write_cache(cache_path("mnist", Path(os.environ["PLAYGROUND_DATA_DIR"])), {
        key: array[:, None] if key.startswith("x") else array for key, array in arrays.items()})
    preset = load_preset("mnist-mlp")
    dataset = load_dataset(preset.dataset)
    project = Project(preset.network, preset.optimizer, 10, preset.dataset, seed=5)
    save_project(project, tmp_path / "five.bpp")
    assert not numpy.array_equal(gallery_examples(dataset, 5), gallery_examples(dataset, 0))
    window = open_window(qtbot, "mnist-mlp", (1280, 760))
    assert window.projects.open_project(tmp_path / "five.bpp")
    gallery = window.gallery
    numpy.testing.assert_array_equal(gallery.indices, gallery_examples(dataset, 5))
    labels = list(gallery.labels)
    qtbot.waitUntil(lambda: window._drawn is not None and gallery.predicted is not None, timeout=20_000)
    numpy.testing.assert_array_equal(window.latest.gallery[0], gallery_examples(dataset, 5))
    assert gallery.labels == labels  # labelled where they were, not made again
    select_row(qtbot, window, 0)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "50")
    assert not_predicted(gallery)
    numpy.testing.assert_array_equal(gallery.indices, gallery_examples(dataset, 5))
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1, timeout=20_000)
    numpy.testing.assert_array_equal(window.latest.gallery[0], gallery_examples(dataset, 5))
    window.close()


def test_the_gallery_title_wraps_within_a_pane_beside_a_lesson(qtbot):
    """Beside a lesson at 1280×720 the title ran off the pane mid-word ("in red, a mist"): pyqtgraph keeps a title on
    one line and the plot as wide. It wraps to the pane, whole, above the images, before and after a prediction."""
    window = open_window(qtbot, "digits-mlp", (1280, 720))
    open_lesson(window, "Momentum and Adam")
    gallery = window.gallery
    qtbot.waitUntil(lambda: gallery.isVisible() and len(gallery.labels) == 32)
    for predicted in (False, True):
        if predicted:
            click(qtbot, window, "stepButton")
            qtbot.waitUntil(lambda: gallery.predicted is not None, timeout=20_000)
        caption = gallery.getPlotItem().titleLabel
        box = caption.item.sceneBoundingRect()
        assert 0 <= box.left() and box.right() <= gallery.width(), (predicted, box, gallery.width())
        assert box.bottom() <= min(label.sceneBoundingRect().top() for label in gallery.labels)
        assert gallery.getPlotItem().getViewBox().sceneBoundingRect().right() <= gallery.width()
    window.close()
