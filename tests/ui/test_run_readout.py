"""The status bar's run readout says what its test scores rest on."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from playground.data.images import cache_path, write_cache
from playground.ui import MainWindow
from tests.data.fake_files import mnist_arrays
from tests.ui.widgets import click, find


def test_the_readout_says_how_many_test_examples_its_scores_rest_on(qtbot, tmp_path, monkeypatch):
    # mnist-mlp's 784-200-10 on images of MNIST's shape, as the cache of a download would hold them.
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    arrays = mnist_arrays(train=1200, test=1000)
    write_cache(cache_path("mnist", tmp_path), {key: array[:, None] if key.startswith("x") else array
                                                for key, array in arrays.items()})
    window = MainWindow("mnist-mlp")
    qtbot.addWidget(window)
    window.show()
    readout = find(window, QLabel, "runReadout")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: "the last 1,000 test examples, 50 of them measured" in readout.toolTip(), timeout=20_000)
    click(qtbot, window, "playButton")  # at rest, every example is measured at once
    qtbot.waitUntil(lambda: readout.toolTip() == "Test loss and accuracy on 1,000 test examples", timeout=20_000)
    window.close()


def test_the_readout_of_a_regression_names_no_accuracy(qtbot):
    window = MainWindow("linear-regression")
    qtbot.addWidget(window)
    window.show()
    readout = find(window, QLabel, "runReadout")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: "test loss" in readout.text(), timeout=20_000)
    assert "accuracy" not in readout.text()
    test_examples = len(window.dataset.x_test)
    assert readout.toolTip() == f"Test loss on {test_examples} test examples"
    window.close()


def test_the_test_loss_of_a_run_blown_up_reads_as_a_number_not_a_row_of_digits(qtbot):
    """The linear-regression lesson's step 3 (learning rate 1) blows the loss up to about 1e16; four decimals of it
    were seventeen digits and four zeros."""
    window = MainWindow("linear-regression")
    qtbot.addWidget(window)
    window.show()
    rate = find(window, QComboBox, "learningRateInput")
    rate.setFocus()
    rate.lineEdit().selectAll()
    qtbot.keyClicks(rate, "1")
    qtbot.keyClick(rate, Qt.Key.Key_Return)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "diverged", timeout=20_000)
    readout = find(window, QLabel, "runReadout")
    qtbot.waitUntil(lambda: window._drawn is window.latest)
    shown = re.search(r"test loss (\S+)", readout.text())[1]
    assert window.latest.test_loss > 1e9 and len(shown) <= 10, readout.text()
    assert float(shown) == pytest.approx(window.latest.test_loss, rel=1e-3)
    window.close()
