"""The Metrics tab: the test split's confusion matrix and per-class scores at epoch ends, read
off the widgets a person sees."""

import math
import re

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QToolTip

from playground.ui import MainWindow
from playground.ui.data_panel import DatasetSelector
from tests.ui.widgets import click, find


def open_tab(qtbot, window, title: str) -> None:
    tabs = window.plot_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
    assert tabs.currentIndex() == index


def train_epochs(qtbot, preset: str, epochs: int) -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.epoch >= epochs, timeout=20_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)
    return window


def numbers(table: QTableWidget) -> list[list[int]]:
    return [[int(table.item(r, c).text()) for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_confusion_matrix_and_scores_agree_with_each_other_and_the_test_split(qtbot):
    window = train_epochs(qtbot, "iris", 3)
    summary = find(window, QLabel, "metricsSummary")
    open_tab(qtbot, window, "Metrics")
    confusion, scores = find(window, QTableWidget, "confusionMatrix"), find(window, QTableWidget, "classScores")
    qtbot.waitUntil(lambda: confusion.rowCount() == 3, timeout=5_000)
    names = ["setosa", "versicolor", "virginica"]
    assert [confusion.horizontalHeaderItem(i).text() for i in range(3)] == names
    assert [confusion.verticalHeaderItem(i).text() for i in range(3)] == names
    counts = numbers(confusion)
    total = sum(map(sum, counts))
    assert total == len(window.dataset.x_test)
    right = sum(counts[i][i] for i in range(3))
    assert f"accuracy {right / total:.1%}" in summary.text()
    assert [scores.item(r, 0).text() for r in range(4)] == [*names, "average"]
    for i in range(3):
        predicted_as_i, truly_i = sum(row[i] for row in counts), sum(counts[i])
        precision = counts[i][i] / predicted_as_i if predicted_as_i else 0.0
        recall = counts[i][i] / truly_i
        assert float(scores.item(i, 1).text()) == pytest.approx(precision, abs=5e-4)
        assert float(scores.item(i, 2).text()) == pytest.approx(recall, abs=5e-4)
        assert int(scores.item(i, 4).text()) == truly_i
    assert "predicted as" in confusion.item(0, 1).toolTip()
    # Right answers are tinted blue, mistakes orange, each by its share of the row.
    diagonal = confusion.item(0, 0).background().color()
    assert diagonal.blue() > diagonal.red()


def test_regression_shows_the_loss_only_and_new_data_clears_the_tab(qtbot):
    window = train_epochs(qtbot, "linear-regression", 1)
    open_tab(qtbot, window, "Metrics")
    summary = find(window, QLabel, "metricsSummary")
    qtbot.waitUntil(lambda: "error" in summary.text(), timeout=5_000)
    assert "accuracy" not in summary.text()
    # Diabetes' target was scaled to train on: the error scaled back is in its units (25 to 346).
    found = re.search(r"mean squared error ([\d.e+-]+), on the target scaled .* typical error .* is ([\d,.]+), in "
                      r"the target's own units", summary.text())
    assert found is not None, summary.text()
    mse, typical = float(found[1]), float(found[2].replace(",", ""))
    _, spread = window.dataset.target_scale
    assert 60 < spread < 90 and typical == pytest.approx(math.sqrt(mse) * spread, rel=1e-3)
    # The sentence reads at the top of the tab, as a classification's does, not in the middle of the empty pane.
    tab = window.metrics_view
    qtbot.waitUntil(lambda: summary.height() > tab.height() / 2)  # the pane is the sentence's, laid out
    picture = tab.grab().toImage()
    inked = [y for y in range(picture.height()) if any(picture.pixelColor(x, y).lightness() < 100
                                                        for x in range(0, picture.width(), 2))]
    assert inked and inked[0] < 3 * summary.fontMetrics().height() < picture.height() / 2, (inked[:1], picture.height())
    assert not find(window, QTableWidget, "confusionMatrix").isVisible()
    window.preset_selector.setCurrentText("iris")
    assert "end of the first epoch" in summary.text()
    assert find(window, QTableWidget, "confusionMatrix").rowCount() == 0


def test_the_accuracy_tab_of_a_regression_says_why_it_is_empty_and_a_classification_plots_instead(qtbot):
    window = train_epochs(qtbot, "linear-regression", 1)
    open_tab(qtbot, window, "Accuracy")
    note = find(window, QLabel, "accuracyNotApplicable")
    assert note.isVisible() and "no accuracy" in note.text() and "Loss tab" in note.text()
    choose = window.findChild(DatasetSelector, "datasetSelector")
    choose.activated.emit(choose.findData("iris"))  # the person picks a classification set
    assert not note.isVisible()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1, timeout=10_000)
    assert len(window.accuracy_plot.test_curve.getData()[0]) > 0
    window.close()


def test_a_class_name_wider_than_its_column_is_cut_with_an_ellipsis_and_whole_in_its_tooltip(qtbot):
    window = train_epochs(qtbot, "iris", 1)
    window.resize(1024, 700)  # the smallest screen the layout is made for
    open_tab(qtbot, window, "Metrics")
    confusion = find(window, QTableWidget, "confusionMatrix")
    qtbot.waitUntil(lambda: confusion.rowCount() == 3, timeout=5_000)
    header = confusion.horizontalHeader()
    width = header.fontMetrics().horizontalAdvance("versicolor")
    qtbot.waitUntil(lambda: header.sectionSize(1) < width + 8, timeout=5_000)  # the name does not fit its column
    assert header.textElideMode() == Qt.TextElideMode.ElideRight  # "versi…", not "ersicolo"
    for column, name in enumerate(["setosa", "versicolor", "virginica"]):
        pos = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
        QApplication.sendEvent(header.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, header.mapToGlobal(pos)))
        assert QToolTip.text() == f"Predicted as {name}"
        QToolTip.hideText()
    window.close()


def test_a_pause_between_epoch_ends_counts_epochs_and_steps_as_the_status_bar_does(qtbot):
    """The status bar counts the epochs done: the Metrics tab paused part-way names the same epoch and step, not the
    epoch in progress."""
    window = train_epochs(qtbot, "iris", 2)
    while window.latest.epoch_progress == 0:  # paused at an epoch end: a batch into the next epoch
        step = window.latest.step
        click(qtbot, window, "stepButton")
        qtbot.waitUntil(lambda step=step: window.latest.step == step + 1, timeout=10_000)
    qtbot.waitUntil(lambda: window._drawn is window.latest, timeout=10_000)
    open_tab(qtbot, window, "Metrics")
    summary = find(window, QLabel, "metricsSummary")
    qtbot.waitUntil(lambda: "paused" in summary.text(), timeout=5_000)
    epoch, at = re.match(r"epoch (\d+) · step ([\d,]+)", find(window, QLabel, "runReadout").text()).groups()
    assert summary.text().startswith(f"Test data at step {at}, paused after epoch {epoch} and part of the next:")
