"""The window's status bar, whose messages wrap, and the run's readout on its right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

READOUT_SLACK_CHARACTERS = 12  # how much narrower a text must be before the readout gives its width back


class WrappingStatusBar(QStatusBar):
    """A status bar whose messages (showMessage, currentMessage as Qt's) are shown by a word-wrapped label: Qt
    paints a message on one line, cut at the first permanent widget, and a divergence's place and advice did not
    fit at 1280 pixels. The bar grows a line for a long message instead."""

    def __init__(self, parent: QWidget | None = None, **properties) -> None:
        super().__init__(parent, **properties)
        self.message_label = QLabel(objectName="statusMessage", wordWrap=True)
        # Any width the bar leaves it; its height follows the words' lines.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.insertPermanentWidget(0, self.message_label, 1)
        self.messageChanged.connect(self.message_label.setText)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.currentMessage():  # else Qt paints the message again, on one line, under the label
            super().paintEvent(event)


class RunReadout(QLabel):
    """The run's numbers, set at every snapshot, right-aligned at the status bar's end. A label sized to its text
    has the status bar laid out again, its word-wrapped message too, whenever the text's width changes: at nearly
    every snapshot (the step, the rate), most of a millisecond on the GUI thread that the training thread waits for.
    This label's size is fixed, so that a new text only repaints it; its width grows at once to show a longer text
    whole, and gives room back only to a text shorter by READOUT_SLACK_CHARACTERS (a pause drops the rate, a new
    run starts at "not trained yet"), so that a running readout's few digits more or less move nothing. It paints
    its own background, so that a new text repaints it alone, not the status bar and the window beneath it."""

    def __init__(self, parent: QWidget | None = None, **properties) -> None:
        super().__init__(parent, **properties)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setAutoFillBackground(True)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        # Measured here: a label's sizeHint is never below its minimum size, which is fixed to its width.
        metrics, margins = self.fontMetrics(), self.contentsMargins()
        frame = 2 * self.margin()
        wanted = metrics.size(0, self.text()).width() + margins.left() + margins.right() + frame
        width = self.maximumWidth()
        if wanted > width or wanted < width - READOUT_SLACK_CHARACTERS * metrics.averageCharWidth():
            width = wanted
        self.setFixedSize(width, metrics.height() + margins.top() + margins.bottom() + frame)  # unchanged: no relayout
