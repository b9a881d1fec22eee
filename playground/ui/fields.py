"""Input fields that say what they did with a value: a whole number outside its range is brought
in with a sentence saying what it became and why (Qt's own spin box silently puts the old value
back), a rate that cannot be used is refused with a sentence instead of being dropped silently,
and either is marked at the field itself."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QSpinBox, QWidget

REFUSED, WARNING = "refused", "warning"
# A border in the field's own place, so the mark shows in every style, with the reason as its tooltip.
MARKS = {REFUSED: "border: 2px solid #d62728; border-radius: 3px;",
         WARNING: "border: 2px solid #e8a33d; border-radius: 3px;"}


def mark_field(widget: QWidget, mark: str | None, reason: str = "", tip: str = "") -> None:
    """Mark `widget` as REFUSED or WARNING with `reason` as its tooltip; None takes the mark off and
    puts `tip` back as the tooltip."""
    widget.setProperty("mark", mark)
    name = type(widget).__name__
    widget.setStyleSheet(f"{name} {{ {MARKS[mark]} }}" if mark else "")
    widget.setToolTip(reason if mark else tip)


def field_mark(widget: QWidget) -> str | None:
    """The mark `widget` carries: REFUSED, WARNING or None."""
    return widget.property("mark")


class BoundedSpinBox(QSpinBox):
    """A spin box for a whole number in [minimum(), maximum()] that takes any whole number typed and
    brings one outside back in, with a sentence in `adjusted`: what was typed, what it became and
    why. Listen to `committed`, which carries only values in range, once typing ends (Enter, leaving
    the field) or at each arrow step; Qt's range is kept wide so that typing is never refused. A special
    value text names the minimum, as Qt's does (Qt's own would name the wide range's minimum instead)."""

    committed = Signal(int)
    adjusted = Signal(str)
    TYPABLE = 2**31 - 1

    def __init__(self, name: str, minimum: int, maximum: int, too_low: str, too_high: str, tip: str = "") -> None:
        """`too_low` and `too_high` are the reasons, formatted with {typed}, {became}, {minimum} and {maximum}."""
        super().__init__(objectName=name)
        super().setRange(-self.TYPABLE, self.TYPABLE)
        self.low, self.high = minimum, maximum
        self.too_low, self.too_high, self.tip = too_low, too_high, tip
        self.special = ""
        self.fitted = False  # see fit_to_range
        self.setToolTip(tip)
        self.setKeyboardTracking(False)
        self.valueChanged.connect(self._commit)

    def minimum(self) -> int:
        return self.low

    def maximum(self) -> int:
        return self.high

    def setMinimum(self, value: int) -> None:  # noqa: N802 (Qt's name)
        self.setRange(value, max(value, self.high))

    def setMaximum(self, value: int) -> None:  # noqa: N802 (Qt's name)
        self.setRange(min(value, self.low), value)

    def setRange(self, low: int, high: int) -> None:  # noqa: N802 (Qt's name)
        self.low, self.high = low, high
        if not low <= self.value() <= high:
            self.blockSignals(True)  # as Qt's own: a narrower range moves the value without a word
            self.setValue(min(max(self.value(), low), high))
            self.blockSignals(False)

    def specialValueText(self) -> str:  # noqa: N802 (Qt's name)
        return self.special

    def setSpecialValueText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.special = text
        self.setValue(self.value())  # Qt writes the field's text again at every setValue

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return self.special if self.special and value == self.low else super().textFromValue(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt's name)
        return self.low if self.special and text == self.special else super().valueFromText(text)

    def validate(self, text: str, pos: int) -> object:
        if self.special and text == self.special:
            return QValidator.State.Acceptable, text, pos
        if self.special and text and self.special.startswith(text):  # the words partly deleted
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def fit_to_range(self) -> None:
        """Ask for the width its range and special value text need, not that of the wide range Qt keeps for
        typing."""
        self.fitted = True
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._fitted(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._fitted(super().minimumSizeHint())

    def _fitted(self, hint: QSize) -> QSize:
        if self.fitted:
            metrics = self.fontMetrics()
            needed = max(metrics.horizontalAdvance(text) for text in (self.special, str(self.low), str(self.high)))
            hint.setWidth(hint.width() - metrics.horizontalAdvance(super().textFromValue(-self.TYPABLE)) + needed)
        return hint

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name)
        self.setValue(min(max(self.value() + steps, self.low), self.high))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 (Qt's name)
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() > self.low:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self.value() < self.high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags

    def _commit(self, value: int) -> None:
        became = min(max(value, self.low), self.high)
        if became != value:
            reason = self.too_low if value < became else self.too_high
            sentence = reason.format(typed=f"{value:,}", became=f"{became:,}", minimum=f"{self.low:,}",
                                     maximum=f"{self.high:,}")
            self.setValue(became)  # comes back here in range, and commits that
            mark_field(self, WARNING, sentence, self.tip)
            self.adjusted.emit(sentence)
            return
        if field_mark(self) is not None:
            mark_field(self, None, tip=self.tip)  # a value in range: the word about the last one is no longer news
        self.committed.emit(value)


class RateField(QComboBox):
    """An editable list of rates. A number typed applies as it is typed (`committed`); one that cannot
    be used is refused when typing ends: the field goes back to the last rate in use, marked, and
    `refused` says why. A rate above `warn_above` applies, with a warning at the field."""

    committed = Signal(float)
    refused = Signal(str)

    def __init__(self, name: str, choices: list[str], what: str, example: str, *, zero_allowed: bool,
                 warn_above: float | None = None, warning: str = "", tip: str = "") -> None:
        """`what` names the rate in a sentence ("learning rate"); `warning` is formatted with {value}."""
        super().__init__(objectName=name, editable=True)
        self.addItems(choices)
        # A rate typed is taken as typed: no completion ("0" would become the first rate starting with
        # 0, 0.00001) and no growing list of every rate once typed.
        self.setCompleter(None)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.what, self.example, self.zero_allowed = what, example, zero_allowed
        self.warn_above, self.warning, self.tip = warn_above, warning, tip
        self.setToolTip(tip)
        self.last = self._usable(self.currentText())
        self.currentTextChanged.connect(self._typed)
        self.lineEdit().editingFinished.connect(self._typing_ended)

    def value(self) -> float | None:
        """The rate in use: the last one typed or picked that could be used."""
        return self.last

    def show_value(self, value: float) -> None:
        """A rate from a project or preset, shown without emitting anything."""
        self.blockSignals(True)
        self.setCurrentText(f"{value:g}")
        self.blockSignals(False)
        self.last = value
        self._mark_size(value)

    def _usable(self, text: str) -> float | None:
        try:
            value = float(text)
        except ValueError:
            return None
        if not math.isfinite(value) or value < 0 or (value == 0 and not self.zero_allowed):
            return None
        return value + 0.0  # -0 is 0

    def _typed(self, text: str) -> None:
        value = self._usable(text)
        if value is None:
            return  # perhaps still typing ("0.", "1e"): judged when typing ends
        if value == self.last:
            return  # the same rate written again ("0.010"): nothing changed
        self.last = value
        self._mark_size(value)
        self.committed.emit(value)

    def _mark_size(self, value: float) -> None:
        if self.warn_above is not None and value > self.warn_above:
            mark_field(self, WARNING, self.warning.format(value=f"{value:g}"), self.tip)
        else:
            mark_field(self, None, tip=self.tip)

    def _typing_ended(self) -> None:
        text = self.currentText()
        if self._usable(text) is not None or self.last is None:
            return
        sentence = (self.tr("“{0}” is not a usable {1}: type a number 0 or above, such as {2}. It stays {3:g}.")
                    if self.zero_allowed else
                    self.tr("“{0}” is not a usable {1}: type a number above 0, such as {2}. It stays {3:g}.")
                    ).format(text.strip(), self.what, self.example, self.last)
        self.blockSignals(True)
        self.setCurrentText(f"{self.last:g}")
        self.blockSignals(False)
        mark_field(self, REFUSED, sentence, self.tip)
        self.refused.emit(sentence)
