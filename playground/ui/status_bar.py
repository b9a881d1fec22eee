"""The window's status bar, whose messages wrap."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget


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
