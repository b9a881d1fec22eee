"""The status bar's run readout says what its test scores rest on."""

import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QLabel

from playground.data.images import cache_path, write_cache
from playground.ui import MainWindow
from tests.data.fake_files import mnist_arrays
from tests.ui.widgets import EventCounter, click, find


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


def test_the_readout_follows_every_snapshot_without_laying_the_status_bar_out_again(qtbot):
    """The step and the rate change the readout's width at nearly every snapshot: a label sized to its text had the
    status bar (and its wrapped message) laid out again each time, on the GUI thread the training waits for."""
    window = MainWindow("spiral")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    readout = find(window, QLabel, "runReadout")
    requests = EventCounter(QEvent.Type.LayoutRequest)
    window.statusBar().installEventFilter(requests)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step > 0, timeout=20_000)
    requests.count, drawn = 0, set()
    while len(drawn) < 24:  # two dozen snapshots drawn while training runs
        qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step not in drawn, timeout=20_000)
        drawn.add(window._drawn.step)
        assert f"step {window._drawn.step:,} · " in readout.text()  # the readout shows the snapshot drawn
    click(qtbot, window, "playButton")
    assert requests.count <= len(drawn) // 3, requests.count  # the readout grew now and then, to its widest text
    window.close()


def test_a_longer_readout_shows_whole_and_a_much_shorter_one_gives_its_room_back(qtbot):
    window = MainWindow("spiral")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    readout = find(window, QLabel, "runReadout")

    def shown_whole() -> bool:
        return readout.contentsRect().width() >= readout.fontMetrics().horizontalAdvance(readout.text())

    readout.setText("epoch 1 · step 10 · 900 samples/s · NumPy · test loss 0.69")
    qtbot.waitUntil(shown_whole)
    readout.setText("epoch 12 · step 1,210 · 123,456 samples/s · NumPy · test loss 0.6931 · test accuracy 50.0%")
    qtbot.waitUntil(shown_whole)
    wide = readout.width()
    readout.setText("epoch 12 · step 1,220 · 99,456 samples/s · NumPy · test loss 0.6931 · test accuracy 50.0%")
    assert readout.width() == wide and shown_whole()  # a digit fewer moves nothing
    readout.setText("not trained yet")
    qtbot.waitUntil(lambda: readout.width() < wide / 2)
    assert shown_whole()
    window.close()


def test_a_new_readout_and_epoch_repaint_their_labels_alone(qtbot):
    """The readout and the epoch counter change with every snapshot drawn: the labels paint their own background, so
    that the status bar and the control bar beneath them (and the window beneath those) are not painted again each
    time, on the GUI thread the training waits for; and the title's mark of unsaved work and the readout's tooltip
    are set only when they change."""
    window = MainWindow("spiral")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    readout, epoch = find(window, QLabel, "runReadout"), find(window, QLabel, "epochLabel")
    counters = {(widget, kind): EventCounter(kind) for widget, kind in (
        (readout, QEvent.Type.Paint), (epoch, QEvent.Type.Paint), (window.statusBar(), QEvent.Type.Paint),
        (window.controls, QEvent.Type.Paint), (window, QEvent.Type.ModifiedChange),
        (readout, QEvent.Type.ToolTipChange))}
    for (widget, _kind), counter in counters.items():
        widget.installEventFilter(counter)
    click(qtbot, window, "playButton")
    # Past the first steps, whose readout grew (and the status bar was laid out again) at nearly every snapshot.
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step > 1000, timeout=20_000)
    for counter in counters.values():
        counter.count = 0
    drawn = set()
    while len(drawn) < 16:  # snapshots drawn while training runs, each of a new epoch
        qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.epoch not in drawn, timeout=20_000)
        drawn.add(window._drawn.epoch)
        assert epoch.text() == f"Epoch {window._drawn.epoch:06d}"
    click(qtbot, window, "playButton")
    counts = {(widget.objectName(), kind.name): counter.count for (widget, kind), counter in counters.items()}
    assert min(counts[("runReadout", "Paint")], counts[("epochLabel", "Paint")]) >= len(drawn) - 2, counts
    # The readout still grows now and then to a longer text, which lays the status bar out again.
    beneath = [counts[(name, "Paint")] for name in ("statusBar", "")]  # the control bar is unnamed
    assert max(beneath) <= len(drawn) // 2, counts
    assert counts[("mainWindow", "ModifiedChange")] == 0 and counts[("runReadout", "ToolTipChange")] <= 2, counts
    window.close()
