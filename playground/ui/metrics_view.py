"""The test split's scores at the last reported epoch end: the confusion matrix, read as
"true class → predicted class", and each class's precision, recall and F1; for a regression, the
mean squared error and the typical error it means in the target's own units.

Epoch reports come in a few snapshots only, and the window may skip snapshots between two
redraws, so the window hands every report over as it arrives (`keep`) and the view draws the
newest one when it is visible.
"""

from __future__ import annotations

import math

import numpy
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from playground.data import Dataset
from playground.session import ClassificationReport, EpochReport, Snapshot
from playground.ui.theme import BLUE, ORANGE
from playground.ui.translation import shown_class_names
from playground.words import plain_number

SHADE = 0.65  # the strongest cell tint: dark text stays readable on it


def tinted(rgb: tuple[int, int, int], share: float) -> QColor:
    """`rgb` over white, `share` (0 to 1) of the way to it at most SHADE."""
    strength = SHADE * min(max(share, 0.0), 1.0)
    return QColor(*(round(255 - strength * (255 - channel)) for channel in rgb))


def typical_error(mean_squared_error: float, target_scale: tuple[float, float] | None) -> float:
    """The square root of a regression's mean squared error, in the target's own units: scaled back by the
    standard deviation when the network trained on the target standardized."""
    return math.sqrt(mean_squared_error) * (1.0 if target_scale is None else target_scale[1])


def read_only_table(name: str) -> QTableWidget:
    table = QTableWidget(objectName=name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # arrows move between cells; Tab goes on to the next control
    table.horizontalHeader().setMinimumSectionSize(24)
    table.verticalHeader().setMinimumSectionSize(18)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)  # ten classes without scrolling
    return table


class MetricsView(QWidget):
    def __init__(self) -> None:
        super().__init__(objectName="metricsView")
        self.summary = QLabel(objectName="metricsSummary", wordWrap=True)
        # At the top, where a classification's sentence is: a regression's, without tables under it, has the pane.
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.confusion = read_only_table("confusionMatrix")
        self.confusion.setToolTip(self.tr("Rows: the true class. Columns: the class the network predicted. "
                                          "The diagonal is what it got right."))
        self.confusion.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Columns share what the scores leave: a name wider than its column ends in "…" (its tooltip has it
        # whole), rather than losing letters at both ends ("ersicolo").
        self.confusion.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.scores = read_only_table("classScores")
        self.scores.setColumnCount(5)
        self.scores.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Precision"), self.tr("Recall"),
                                               self.tr("F1"), self.tr("Examples")])
        self.scores.verticalHeader().setVisible(False)
        self.caption = QLabel(self.tr("Confusion matrix: rows are the true class, columns the predicted one."),
                              wordWrap=True)
        tables = QHBoxLayout()
        matrix = QVBoxLayout()
        matrix.addWidget(self.caption)
        matrix.addWidget(self.confusion)
        tables.addLayout(matrix, 1)
        tables.addWidget(self.scores)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tables, 1)
        self.class_names: list[str] = []
        self.target_scale: tuple[float, float] | None = None  # (mean, std) of a regression target trained on scaled
        self._report: EpochReport | None = None
        self._drawn: EpochReport | None = None
        self.clear_run()

    def show_dataset(self, dataset: Dataset) -> None:
        """Name the classes of the data now in use; what was shown belongs to other data."""
        self.class_names = shown_class_names(dataset.class_names)
        self.target_scale = dataset.target_scale
        self.clear_run()

    def clear_run(self) -> None:
        self._report = self._drawn = None
        self.summary.setText(self.tr("The scores on the test data appear here at the end of the first epoch."))
        for table in (self.confusion, self.scores):
            table.setRowCount(0)
        self.confusion.setColumnCount(0)

    def keep(self, report: EpochReport) -> None:
        self._report = report

    def update_from(self, snapshot: Snapshot) -> None:
        report = self._report
        if report is None or report is self._drawn:
            return
        self._drawn = report
        tables = report.report is not None
        for widget in (self.caption, self.confusion, self.scores):
            widget.setVisible(tables)
        # The epochs done and the step, as the status bar counts them, not the epoch in progress beside them.
        when = (self.tr("Test data after epoch {0}").format(report.epoch) if report.at_step is None else
                self.tr("Test data at step {0:,}, paused after epoch {1} and part of the next").format(
                    report.at_step, report.epoch))
        if not tables:  # regression: the loss, and the error it means in the target's own units
            if self.target_scale is None:
                sentence = self.tr("{0}: mean squared error {1:.4g}. A typical error (its square root) is {2}, in "
                                   "the target's own units.")
            else:  # trained on the target scaled to a standard deviation of 1: scaled back, it means more
                sentence = self.tr("{0}: mean squared error {1:.4g}, on the target scaled to a standard deviation of "
                                   "1. A typical error (its square root, scaled back) is {2}, in the target's own "
                                   "units.")
            error = typical_error(report.test_loss, self.target_scale)
            self.summary.setText(sentence.format(when, report.test_loss, plain_number(error)))
            return
        scores = report.report
        self.summary.setText(self.tr("{0}: accuracy {1:.1%}, macro F1 {2:.3f}, loss {3:.4g}.")
                             .format(when, scores.accuracy, scores.macro_f1, report.test_loss))
        names = self._names(len(scores.confusion))
        self._show_confusion(scores.confusion, names)
        self._show_scores(scores, names)

    def _names(self, count: int) -> list[str]:
        names = self.class_names if len(self.class_names) == count else []
        return names or [str(number) for number in range(count)]

    def _show_confusion(self, confusion: numpy.ndarray, names: list[str]) -> None:
        table, count = self.confusion, len(confusion)
        table.setRowCount(count)
        table.setColumnCount(count)
        table.setHorizontalHeaderLabels(names)
        table.setVerticalHeaderLabels(names)
        for column, name in enumerate(names):
            table.horizontalHeaderItem(column).setToolTip(self.tr("Predicted as {0}").format(name))
        for true in range(count):
            total = int(confusion[true].sum())
            for predicted in range(count):
                number = int(confusion[true, predicted])
                share = number / total if total else 0.0
                item = QTableWidgetItem(str(number))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(tinted(BLUE if true == predicted else ORANGE, share))
                item.setForeground(QColor(20, 20, 20))
                item.setToolTip(self.tr("{0} of the {1} test examples of {2} predicted as {3} ({4:.0%})")
                                .format(number, total, names[true], names[predicted], share))
                table.setItem(true, predicted, item)

    def _show_scores(self, scores: ClassificationReport, names: list[str]) -> None:
        table, count = self.scores, len(names)
        table.setRowCount(count + 1)
        examples = scores.confusion.sum(axis=1)
        rows = [(names[i], scores.precision[i], scores.recall[i], scores.f1[i], int(examples[i])) for i in range(count)]
        rows.append((self.tr("average"), float(scores.precision.mean()), float(scores.recall.mean()),
                     scores.macro_f1, int(examples.sum())))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                text = value if column == 0 else str(value) if column == 4 else f"{value:.3f}"
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.item(count, 0).setToolTip(self.tr("The macro average: each class counts the same, however many "
                                                "examples it has."))
        table.resizeColumnsToContents()
        # As wide as its columns; the confusion matrix's columns share what is left, down to 24 px each.
        scroll_bar = table.verticalScrollBar().sizeHint().width()
        table.setFixedWidth(table.horizontalHeader().length() + scroll_bar + 2 * table.frameWidth())

