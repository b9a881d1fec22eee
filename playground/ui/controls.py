"""The training controls along the top of the window: preset, train / step / reset, the epoch
counter and the epoch to stop at, and the hyperparameters that apply while training runs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)
from superqt import QFlowLayout

from playground.engine import GPU_MIN_MULTIPLY_ADDS, OPTIMIZERS, OptimizerSpec, backend_availability
from playground.project import list_presets
from playground.project.bpp import LAST_EPOCH_TO_STOP_AT
from playground.ui.fields import BoundedSpinBox, RateField
from playground.words import term

LEARNING_RATES = ["0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"]
REGULARIZATION_RATES = ["0", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"]
REGULARIZATIONS = ("none", "L1", "L2")
LARGE_LEARNING_RATE = 10.0  # the top of the list: above it the field warns
BACKEND_NAMES = {"numpy": "NumPy", "cupy": "CuPy"}  # what a run computes on, as the window names it


def side_by_side(*widgets: QWidget) -> QWidget:
    """Widgets that stay together on one line when the control bar wraps."""
    group = QWidget()
    layout = QHBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for widget in widgets:
        layout.addWidget(widget)
    return group


ARROWS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}


class KeysOfTheFocusedControl(QObject):
    """The one-key shortcuts (Space trains, Right steps) give way to a control a person moved to with Tab:
    Space presses its button or ticks its box, arrows move its slider or tab bar, as in any window; a
    keyboard could not tick a box otherwise. After a click the shortcuts stay theirs (Qt marks a window whose
    focus moved by keyboard). Watches a window's widgets: their shortcut overrides rise to it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            focused = QApplication.focusWidget()
            if (focused is not None and focused.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
                    and (isinstance(focused, QAbstractButton) and event.key() == Qt.Key.Key_Space
                         or isinstance(focused, QAbstractSlider | QTabBar) and event.key() in ARROWS)):
                event.accept()  # the key goes to the control, not to a shortcut
                return True
        return False


class ControlBar(QWidget):
    settings_changed = Signal()  # the person changed a setting that applies while training runs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown_running: bool | None = None
        self.preset_selector = QComboBox(objectName="presetSelector")
        self.preset_selector.addItems(list_presets())
        self.preset_selector.setToolTip(self.tr("Load a ready-made network, its training settings and dataset"))
        self.preset_selector.setPlaceholderText(self.tr("(project)"))  # while a project file is shown
        self.play_button = QPushButton(self.tr("Train"), objectName="playButton")
        self.step_button = QPushButton(self.tr("Step"), objectName="stepButton")
        self.step_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.step_button.setToolTip(self.tr("Train on one batch, then pause (Right arrow)"))
        self.reset_button = QPushButton(self.tr("Reset"), objectName="resetButton")
        self.reset_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reset_button.setToolTip(self.tr("Start over from freshly initialized weights (R)"))
        self.keep_button = QToolButton(text=self.tr("Keep"), objectName="keepRunButton")
        self.keep_button.setToolTip(self.tr("Keep this run for comparison with the next in the Compare tab (K)"))
        # The one-key shortcuts are actions, which the Run menu shows with their keys; each presses its button, which
        # shows the press and stays the one way to the command.
        self.train_action = self._key_action(self.tr("&Train"), Qt.Key.Key_Space, self.play_button)
        self.step_action = self._key_action(self.tr("&Step one batch"), Qt.Key.Key_Right, self.step_button)
        self.reset_action = self._key_action(self.tr("&Reset the weights"), Qt.Key.Key_R, self.reset_button)
        self.keep_action = self._key_action(self.tr("&Keep this run for comparison"), Qt.Key.Key_K, self.keep_button)
        self.speed_selector = QComboBox(objectName="speedSelector")
        for pace, label in (("step", self.tr("1 step a frame")), ("10 steps", self.tr("10 steps a frame")),
                            ("100 steps", self.tr("100 steps a frame")), ("epoch", self.tr("1 epoch a frame")),
                            ("full", self.tr("Full speed"))):
            self.speed_selector.addItem(label, pace)
        self.speed_selector.setCurrentIndex(self.speed_selector.count() - 1)
        self.speed_selector.setToolTip(self.tr(
            "How much training each frame shows, 30 frames a second: one step to watch every update, one epoch "
            "as TensorFlow Playground goes, or as fast as it goes. Applies at once; Step is always one step."))
        self.epoch_label = QLabel(objectName="epochLabel")
        # 0 is "never": training runs until paused, as it did before there was a goal.
        self.stop_at_input = BoundedSpinBox(
            "stopAtEpochInput", 0, LAST_EPOCH_TO_STOP_AT,
            self.tr("An epoch to stop at is 1 or more: {typed} became never, so training runs until paused."),
            self.tr("Training stops at epoch {maximum} at the latest: {typed} became {became}."),
            self.tr("Training pauses by itself at the end of this epoch, and Train goes on from there; "
                    "never: it trains until you pause it. Applies at once."))
        self.stop_at_input.setSpecialValueText(self.tr("never"))
        self.stop_at_input.setAccelerated(True)  # held arrows climb fast: lessons go to 100 epochs
        self.stop_at_input.fit_to_range()  # as 1280 pixels hold the bar on two rows in English and Chinese
        self.learning_rate_input = RateField(
            "learningRateInput", LEARNING_RATES, self.tr("learning rate"), "0.03", zero_allowed=False,
            warn_above=LARGE_LEARNING_RATE, tip=self.tr("Step size of each update; applies at once"),
            warning=self.tr("A learning rate of {value} is far above the usual 0.0001 to 1: training will likely "
                            "diverge. It applies all the same."))
        self.batch_size_input = BoundedSpinBox(
            "batchSizeInput", 1, 100_000, self.tr("A batch holds at least one example: {typed} became {became}."),
            self.tr("The training data has {maximum} examples, so a batch of {typed} became {became}, all of them."),
            self.tr("Examples per update; applies at once"))
        self.optimizer_selector = QComboBox(objectName="optimizerSelector")
        for kind in OPTIMIZERS:
            self.optimizer_selector.addItem(term(kind), kind)
        self.optimizer_selector.setToolTip(self.tr("How gradients become updates; switching keeps the weights"))
        self.optimizer_settings_button = QToolButton(text="…", objectName="optimizerSettingsButton")
        self.optimizer_settings_button.setToolTip(self.tr("More optimizer settings: momentum, Adam's betas, "
                                                          "gradient clipping, the learning-rate schedule"))
        self.regularization_selector = QComboBox(objectName="regularizationSelector")
        for kind, title in zip(REGULARIZATIONS, (self.tr("none"), "L1", "L2")):
            self.regularization_selector.addItem(title, kind)
        self.regularization_selector.setToolTip(self.tr("A penalty on large weights: L1 pushes them to zero, "
                                                        "L2 shrinks them; applies at once"))
        self.regularization_rate_input = RateField(
            "regularizationRateInput", REGULARIZATION_RATES, self.tr("regularization rate"), "0.001",
            zero_allowed=True, tip=self.tr("How strong the penalty is; applies at once"))
        self.backend_selector = QComboBox(objectName="backendSelector")
        self._list_backends()
        # One row on a wide screen; on a laptop's the groups wrap onto a second.
        layout = QFlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in ((QLabel(self.tr("Preset:")), self.preset_selector),
                      (self.play_button, self.speed_selector, self.step_button, self.reset_button,
                       self.keep_button, self.epoch_label, QLabel(self.tr("Stop at epoch:")), self.stop_at_input),
                      (QLabel(self.tr("Learning rate:")), self.learning_rate_input),
                      (QLabel(self.tr("Batch:")), self.batch_size_input),
                      (QLabel(self.tr("Optimizer:")), self.optimizer_selector, self.optimizer_settings_button),
                      (QLabel(self.tr("Regularization:")), self.regularization_selector,
                       self.regularization_rate_input),
                      (QLabel(self.tr("Backend:")), self.backend_selector)):
            layout.addWidget(side_by_side(*group))
        for changed in (self.learning_rate_input.committed, self.batch_size_input.committed,
                        self.optimizer_selector.currentIndexChanged, self.regularization_selector.currentIndexChanged,
                        self.regularization_rate_input.committed, self.speed_selector.currentIndexChanged,
                        self.stop_at_input.committed):
            changed.connect(self.settings_changed)
        self.enable_training(None)

    def _key_action(self, text: str, key: Qt.Key, button: QAbstractButton) -> QAction:
        action = QAction(text, self, shortcut=QKeySequence(key))
        action.triggered.connect(button.animateClick)
        self.addAction(action)  # its key works in the window with or without a menu
        return action

    def _list_backends(self) -> None:
        """NumPy, CuPy (greyed with the reason where it cannot work) and Auto, which says what it takes here."""
        selector, problem, tip = self.backend_selector, backend_availability()["cupy"], Qt.ItemDataRole.ToolTipRole
        selector.addItem("NumPy", "numpy")
        selector.setItemData(0, self.tr("The arithmetic runs on the CPU"), tip)
        selector.addItem(self.tr("CuPy (GPU)"), "cupy")
        selector.setItemData(1, problem or self.tr("The arithmetic runs on the NVIDIA GPU"), tip)
        selector.model().item(1).setEnabled(problem is None)
        selector.addItem(self.tr("Auto"), "auto")
        chosen = (self.tr("here, CuPy for a network of {0:,} multiply-adds a training step or more").format(
            GPU_MIN_MULTIPLY_ADDS) if problem is None else self.tr("here, NumPy: {0}").format(problem))
        selector.setItemData(2, self.tr("CuPy where it works and the network is large enough to gain from it, else "
                                        "NumPy ({0})").format(chosen), tip)
        selector.setToolTip(self.tr("Where the arithmetic runs; changing it moves the weights and the optimizer's "
                                    "state across, and training goes on"))

    def select_backend(self, name: str) -> None:
        """Show `name` ("numpy", "cupy" or "auto") chosen, as the command line asked."""
        self.backend_selector.setCurrentIndex(self.backend_selector.findData(name))

    def show_preset(self, name: str, changed: bool) -> None:
        """Name the preset shown, marked "(changed)" while its network or data are others (a lesson's change, an
        edit: as the preset's description hides then), or none, "(project)", for a project (`name` empty). Either
        mark leaves no item chosen, so that choosing the preset loads it as it comes; nothing is loaded here."""
        selector = self.preset_selector
        with QSignalBlocker(selector):
            if name and not changed:
                selector.setCurrentText(name)
                return
            selector.setCurrentIndex(-1)
            selector.setPlaceholderText(self.tr("{0} (changed)").format(name) if name else self.tr("(project)"))

    def enable_training(self, reason: str | None) -> None:
        """Play and Step work unless there is a reason they cannot, shown as their tooltip."""
        for control in (self.play_button, self.step_button, self.train_action, self.step_action):
            control.setEnabled(reason is None)
        self.play_button.setToolTip(reason or self.tr("Start or pause training (Space)"))

    def show_running(self, running: bool) -> None:
        """Play as Pause while training runs."""
        if running == self._shown_running:
            return  # a new icon and text re-lay the bar out: only when the state changes
        self._shown_running = running
        icon = QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if running else self.tr("Train"))
        self.train_action.setText(self.tr("&Pause") if running else self.tr("&Train"))

    def show_optimizer(self, spec: OptimizerSpec, batch_size: int, max_batch: int) -> None:
        """A preset's settings, shown without sending them anywhere."""
        widgets = (self.learning_rate_input, self.optimizer_selector, self.regularization_selector,
                   self.regularization_rate_input, self.batch_size_input)
        for widget in widgets:
            widget.blockSignals(True)
        self.learning_rate_input.show_value(spec.learning_rate)
        self.optimizer_selector.setCurrentIndex(self.optimizer_selector.findData(spec.kind))
        kind = "L1" if spec.l1 else "L2" if spec.l2 else "none"
        self.regularization_selector.setCurrentIndex(self.regularization_selector.findData(kind))
        self.regularization_rate_input.show_value(spec.l1 or spec.l2 or 0.0)
        self.batch_size_input.setMaximum(max_batch)
        self.batch_size_input.setValue(min(batch_size, max_batch))
        for widget in widgets:
            widget.blockSignals(False)

    def pace(self) -> str:
        """How much training each frame shows: one of session.config.PACES."""
        return self.speed_selector.currentData()

    def show_pace(self, pace: str) -> None:
        """A project's speed, shown without sending it anywhere."""
        self.speed_selector.blockSignals(True)
        self.speed_selector.setCurrentIndex(self.speed_selector.findData(pace))
        self.speed_selector.blockSignals(False)

    def stop_at_epoch(self) -> int | None:
        """The epoch at whose end training pauses by itself; None: never, it runs until paused."""
        return self.stop_at_input.value() or None

    def stop_at(self, epoch: int | None) -> None:
        """Stop at `epoch` (None: never) as if typed: a running session hears of it."""
        self.stop_at_input.setValue(min(epoch or 0, LAST_EPOCH_TO_STOP_AT))

    def show_stop_at(self, epoch: int | None) -> None:
        """A project's epoch to stop at, shown without sending it anywhere."""
        self.stop_at_input.blockSignals(True)
        self.stop_at(epoch)
        self.stop_at_input.blockSignals(False)

    def regularization(self) -> tuple[float, float] | None:
        """(l1, l2) as chosen, or None while no usable rate was given."""
        rate = self.regularization_rate_input.value()
        if rate is None:
            return None
        kind = self.regularization_selector.currentData()
        return (rate if kind == "L1" else 0.0, rate if kind == "L2" else 0.0)

    def learning_rate(self) -> float | None:
        """The learning rate in use: the last usable one typed or picked."""
        return self.learning_rate_input.value()
