"""The stepper's formulas and written-out sums as text: rich text that takes the height its lines need, and a font
whose combining hats (x̂, m̂, v̂) sit on their letters."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout
from PySide6.QtWidgets import QSizePolicy, QTextBrowser


def hat_offset(font: QFont) -> float:
    """How far above its letter's baseline `font` sets the combining circumflex of x̂ (the stepper's x̂, m̂, v̂ have no
    precomposed letter), in pixels: about 0 where the hat sits on the x."""
    layout = QTextLayout("x\u0302", font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    heights = [point.y() for run in layout.glyphRuns() for point in run.positions()]
    return max(heights) - min(heights) if heights else 0.0


def with_hats_in_place(font: QFont) -> QFont:
    """`font`, with the positioning of combining marks turned off where it lifts them off their letter: Qt sets
    DejaVu Sans's circumflex a whole line above the x (the hat lost, or on the line above), while the mark's own
    glyph is drawn over the letter before it. Other fonts are returned as they are."""
    if not hasattr(QFont, "Tag") or hat_offset(font) < QFontMetricsF(font).ascent() / 2:
        return font
    fixed = QFont(font)
    fixed.setFeature(QFont.Tag("mark"), 0)
    return fixed



class FittedText(QTextBrowser):
    """Rich text that asks for the height its document takes at the width it has, so that a layout gives it
    all its lines instead of a scroll bar."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        # Never a scroll bar: it would narrow the text, whose lines then need more height than was asked for.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        self.setSizePolicy(policy)

    def setHtml(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setHtml(text)
        self.updateGeometry()  # another text, another height

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        document = self.document().clone()
        frame = 2 * self.frameWidth()
        document.setTextWidth(width - frame)
        return math.ceil(document.size().height()) + frame

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(self.width() if self.width() > 0 else width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())
