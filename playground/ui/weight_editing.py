"""One weight, edited by hand: the link selected in the network view, its weight and gradient, and
a field that sets the weight while training is paused. It is a what-if: the session scores the
edited network at once (Control.set_weight), so the loss, the boundary and the units show its effect
before training resumes, and Undo takes it back.

A weight edit is a command on the builder's undo stack, beside the edits of the layers, rather than
on a stack of its own: a person has one history, and Ctrl+Z or the builder's Undo takes back the last
thing done, whichever it was. The stack's order keeps that sound: an edit of the layers drops the
session, so a weight edit under it is reached again only once the layers are back as they were (and
the run set aside with them). Each command also carries the value it expects to find, so that an
undo after training or a reset moved the weight leaves it alone and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from playground.errors import PlaygroundError
from playground.session import Snapshot
from playground.session.config import Control
from playground.ui.network_view import NetworkView
from playground.ui.translation import tr

WEIGHT_LIMIT = 1000.0  # the field's range: far past where a tanh or sigmoid unit saturates
EDITABLE = ("paused", "diverged")  # the states a session waits in, taking commands without training

WeightKey = tuple[str, int, int]  # (Dense layer path, i, j) of W[i, j]


def describe(key: WeightKey) -> str:
    path, row, column = key
    return tr("W[{1}, {2}] of layer {0}").format(path, row, column)


class WeightEdit(QUndoCommand):
    """Setting one weight from `before` to `after`, each way only while the weight holds the other."""

    def __init__(self, send: Callable[[WeightKey, float, float], None], key: WeightKey, before: float,
                 after: float) -> None:
        super().__init__()
        self.send, self.key, self.before, self.after = send, key, before, after
        self._name()

    def _name(self) -> None:
        self.setText(tr("Set {0} to {1}").format(describe(self.key), f"{self.after:.4g}"))

    def redo(self) -> None:
        self.send(self.key, self.after, self.before)

    def undo(self) -> None:
        self.send(self.key, self.before, self.after)

    def id(self) -> int:
        return 2  # NetworkEdit's field edits are 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        # Arrow steps on one weight are one edit; stepping back to where it began is none.
        if not isinstance(other, WeightEdit) or other.key != self.key or other.before != self.after:
            return False
        self.after = other.after
        self._name()
        self.setObsolete(self.after == self.before)
        return True


class WeightEditor(QWidget):
    """The selected link's weight, editable while paused, and its gradient; shown while a link is
    selected. A view of the run (run_views.py): it shows the run in use's numbers, or none."""

    edited = Signal()  # a weight was sent to the session: the project changed
    notice = Signal(str)  # what an edit did, or why it could not

    def __init__(self, view: NetworkView, undo_stack: QUndoStack, control: Callable[[], Control | None],
                 latest: Callable[[], Snapshot | None], parent: QWidget | None = None) -> None:
        """`control`: the session in use's, if any; `latest`: the snapshot the window shows."""
        super().__init__(parent)
        self.setObjectName("weightEditor")
        self.undo_stack, self._control, self._latest = undo_stack, control, latest
        self.title = QLabel(objectName="weightTitle")
        self.field = QDoubleSpinBox(objectName="weightField", decimals=4, singleStep=0.1, keyboardTracking=False)
        self.field.setRange(-WEIGHT_LIMIT, WEIGHT_LIMIT)
        self.field.setToolTip(tr("The weight: type a value and press Enter, or step it with the arrows "
                                 "(from −1,000 to 1,000). Undo (Ctrl+Z) sets it back."))
        self.gradient = QLabel(objectName="weightGradient")
        self.note = QLabel(objectName="weightNote", wordWrap=True)
        close = QToolButton(text="✕", objectName="weightClose", autoRaise=True)
        close.setToolTip(tr("Deselect the link"))
        # Two short lines rather than one that would widen the network's column of the window.
        weight, about = QHBoxLayout(), QHBoxLayout()
        weight.setSpacing(6)
        weight.addWidget(self.title)
        weight.addWidget(self.field)
        weight.addStretch(1)
        weight.addWidget(close)
        about.setSpacing(12)  # its own: a nested layout takes its parent's (none, between the lines)
        about.addWidget(self.gradient)
        about.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.setSpacing(0)
        layout.addLayout(weight)
        layout.addLayout(about)
        self.key: WeightKey | None = None
        self._weight: float | None = None  # the weight as the session holds it, exactly
        self._dtype = float
        self.field.valueChanged.connect(self._commit)
        view.weight_selected.connect(self.select)
        close.clicked.connect(lambda: view.select_weight(None))
        # Its room stays when it hides: showing it must not shrink the network's picture, which would move the
        # units under a pointer that has not moved (Qt replays the pointer over the new picture), and a unit that
        # lands under it would take the decision boundary's place just as a weight's what-if is to be watched.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def select(self, path: str, row: int, column: int) -> None:
        """Show W[row, column] of layer `path`; an empty path shows none."""
        self.key = (path, row, column) if path else None
        self.setVisible(self.key is not None)
        self._show(self._latest())

    def update_from(self, snapshot: Snapshot) -> None:
        self._show(snapshot)

    def clear_run(self) -> None:
        self._show(None)

    def _show(self, snapshot: Snapshot | None) -> None:
        if self.key is None:
            return
        path, row, column = self.key
        self.title.setText(tr("Layer {0}, W[{1}, {2}] =").format(path, row, column))
        self.title.setToolTip(tr("The weight from input {1} of layer {0} to its unit {2}").format(path, row, column))
        weights = None if snapshot is None else snapshot.weights.get(path)
        known = weights is not None and row < weights.shape[0] and column < weights.shape[1]
        self._weight = float(weights[row, column]) if known else None
        self._dtype = weights.dtype.type if known else float
        self.field.blockSignals(True)
        self.field.setValue(self._weight if known else 0.0)
        self.field.blockSignals(False)
        self.field.setEnabled(known and snapshot.state in EDITABLE)
        if not known:
            self.gradient.setText("")
            self._say(tr("Train or step once to see it: the weights come from training."))
            return
        grads = snapshot.weight_grads.get(path)  # none before the first step has computed one
        self.gradient.setText(tr("∂L/∂W: no step yet") if grads is None else
                              tr("∂L/∂W = {0}").format(f"{grads[row, column]:.3g}"))
        self.gradient.setToolTip(tr("The gradient of the loss with respect to this weight, at step {0:,}: it does "
                                    "not change with an edit until the next step").format(snapshot.step))
        self._say("" if snapshot.state in EDITABLE else tr("Pause training to edit a weight."))

    def _say(self, note: str) -> None:
        self.note.setText(note)

    def _commit(self, value: float) -> None:
        if self.key is None or self._weight is None:
            return
        after = float(self._dtype(value))  # as the network stores it, so that undo finds it exactly
        self.undo_stack.push(WeightEdit(self._send, self.key, self._weight, after))

    def _send(self, key: WeightKey, value: float, expected: float) -> None:
        control = self._control()
        try:
            if control is None:
                raise PlaygroundError(tr("The run {0} was set in is gone (the network or the data changed "
                                         "since), so there is nothing to set.").format(describe(key)))
            control.set_weight(*key, value, expected)
        except PlaygroundError as error:
            self.notice.emit(str(error))
            return
        if key == self.key:
            self._weight = value  # sent: the next edit starts from it, before the snapshot says so
        self.notice.emit(tr("{0} set to {1}").format(describe(key), f"{value:.4g}"))
        self.edited.emit()
