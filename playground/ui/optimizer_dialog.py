"""The optimizer's settings beyond the control bar's kind, learning rate and penalty: momentum and
Nesterov, Adam's betas and epsilon, RMSProp's smoothing, AdamW's weight decay, gradient clipping
and the learning-rate schedule. They apply to a running session at once, on the same weights."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.engine import SCHEDULES, OptimizerSpec
from playground.errors import PlaygroundError
from playground.ui.translation import tr
from playground.words import term

# Which settings each optimizer reads: the others are greyed out.
USED_BY = {"momentum": ("sgd", "rmsprop"), "nesterov": ("sgd",), "beta1": ("adam", "adamw"),
           "beta2": ("adam", "adamw"), "eps": ("adam", "adamw", "rmsprop"), "alpha": ("rmsprop",),
           "weight_decay": ("adamw",)}
SCHEDULE_USES = {"step_size": ("step",), "gamma": ("step", "exponential"), "total_steps": ("cosine",),
                 "min_lr": ("cosine",)}


def fraction(decimals: int) -> QDoubleSpinBox:
    """A spin box for a setting in [0, 1)."""
    return QDoubleSpinBox(decimals=decimals, minimum=0.0, maximum=1.0 - 10.0**-decimals, singleStep=0.05)


def number_field(tip: str) -> QLineEdit:
    field = QLineEdit()
    field.setToolTip(tip)
    return field


class OptimizerSettings(QDialog):
    def __init__(self, spec: OptimizerSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="optimizerSettings")
        self.setWindowTitle(self.tr("Optimizer settings: {0}").format(term(spec.kind)))
        self.base = copy.deepcopy(spec)
        self.chosen: OptimizerSpec | None = None  # what OK accepted
        self.fields: dict[str, Any] = {
            "momentum": fraction(3), "nesterov": QCheckBox(tr("Nesterov: step along g + μv")),
            "beta1": fraction(4), "beta2": fraction(4),
            "eps": number_field(tr("Added to the root of the squared-gradient average, so it never divides by 0")),
            "alpha": fraction(3),
            "weight_decay": number_field(tr("AdamW shrinks the weights by lr·decay each step, apart from "
                                            "the gradient")),
        }
        self.clip_norm, self.clip_norm_value = QCheckBox(tr("Clip the gradient's global norm at")), QLineEdit()
        self.clip_value, self.clip_value_value = QCheckBox(tr("Clip every gradient value to ±")), QLineEdit()
        self.schedule = QComboBox(objectName="scheduleSelector")
        for kind in SCHEDULES:
            self.schedule.addItem(term(kind), kind)
        self.schedule.setToolTip(tr("How the learning rate changes with the steps; a schedule chosen while "
                                    "training counts from then"))
        self.schedule_fields: dict[str, Any] = {
            "step_size": QSpinBox(minimum=1, maximum=10**9), "gamma": number_field(tr("The factor per period")),
            "total_steps": QSpinBox(minimum=1, maximum=10**9), "min_lr": number_field(tr("Where cosine ends")),
            "warmup_steps": QSpinBox(minimum=0, maximum=10**9)}
        self.error = QLabel(objectName="optimizerSettingsError", wordWrap=True)
        self.error.setStyleSheet("color: #c0392b")
        self._lay_out()
        self._show(spec)
        self.schedule.currentIndexChanged.connect(lambda _: self._enable())
        self.fields["momentum"].valueChanged.connect(lambda _: self._enable())
        for box in (self.clip_norm, self.clip_value):
            box.toggled.connect(lambda _: self._enable())
        self._enable()

    def _lay_out(self) -> None:
        optimizer = QGroupBox(tr("Optimizer"))
        form = QFormLayout(optimizer)
        for name, label in (("momentum", tr("Momentum μ")), ("nesterov", ""), ("beta1", tr("β₁ (first moment)")),
                            ("beta2", tr("β₂ (second moment)")), ("eps", tr("ε")),
                            ("alpha", tr("α (RMSProp smoothing)")), ("weight_decay", tr("Weight decay (AdamW)"))):
            form.addRow(label, self.fields[name])
        clipping = QGroupBox(tr("Gradient clipping"))
        clip_form = QFormLayout(clipping)
        clip_form.addRow(self.clip_norm, self.clip_norm_value)
        clip_form.addRow(self.clip_value, self.clip_value_value)
        schedule = QGroupBox(tr("Learning-rate schedule"))
        schedule_form = QFormLayout(schedule)
        schedule_form.addRow(tr("Schedule"), self.schedule)
        for name, label in (("step_size", tr("Steps per period")), ("gamma", tr("γ")),
                            ("total_steps", tr("Steps to the end")), ("min_lr", tr("Final rate")),
                            ("warmup_steps", tr("Warm-up steps"))):
            schedule_form.addRow(label, self.schedule_fields[name])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (optimizer, clipping, schedule, self.error, buttons):
            layout.addWidget(widget)

    def _show(self, spec: OptimizerSpec) -> None:
        fields = self.fields
        for name in ("momentum", "beta1", "beta2", "alpha"):
            fields[name].setValue(getattr(spec, name))
        fields["nesterov"].setChecked(spec.nesterov)
        fields["eps"].setText(f"{spec.eps:g}")
        fields["weight_decay"].setText(f"{spec.weight_decay:g}")
        for box, field, value, default in ((self.clip_norm, self.clip_norm_value, spec.clip_norm, 1.0),
                                           (self.clip_value, self.clip_value_value, spec.clip_value, 0.5)):
            box.setChecked(value is not None)
            field.setText(f"{value if value is not None else default:g}")
        schedule = spec.schedule
        self.schedule.setCurrentIndex(self.schedule.findData(schedule.kind))
        for name in ("step_size", "total_steps", "warmup_steps"):
            self.schedule_fields[name].setValue(getattr(schedule, name))
        for name in ("gamma", "min_lr"):
            self.schedule_fields[name].setText(f"{getattr(schedule, name):g}")

    def _enable(self) -> None:
        kind = self.base.kind
        for name, kinds in USED_BY.items():
            self.fields[name].setEnabled(kind in kinds)
        self.fields["nesterov"].setEnabled(kind == "sgd" and self.fields["momentum"].value() > 0)
        for name, kinds in SCHEDULE_USES.items():
            self.schedule_fields[name].setEnabled(self.schedule.currentData() in kinds)
        self.clip_norm_value.setEnabled(self.clip_norm.isChecked())
        self.clip_value_value.setEnabled(self.clip_value.isChecked())

    def spec(self) -> OptimizerSpec:
        """The settings as shown; raises PlaygroundError, in words, when one of them cannot be used."""
        spec, fields = copy.deepcopy(self.base), self.fields
        for name in ("momentum", "beta1", "beta2", "alpha"):
            setattr(spec, name, fields[name].value())
        spec.nesterov = fields["nesterov"].isChecked() and fields["nesterov"].isEnabled()
        spec.eps = _number(fields["eps"].text(), self.tr("ε"))
        spec.weight_decay = (_number(fields["weight_decay"].text(), self.tr("The weight decay"))
                             if spec.kind == "adamw" else 0.0)  # AdamW's alone
        spec.clip_norm = (_number(self.clip_norm_value.text(), self.tr("The clipping norm"))
                          if self.clip_norm.isChecked() else None)
        spec.clip_value = (_number(self.clip_value_value.text(), self.tr("The clipping value"))
                           if self.clip_value.isChecked() else None)
        schedule = spec.schedule
        schedule.kind = self.schedule.currentData()
        for name in ("step_size", "total_steps", "warmup_steps"):
            setattr(schedule, name, self.schedule_fields[name].value())
        schedule.gamma = _number(self.schedule_fields["gamma"].text(), self.tr("γ"))
        schedule.min_lr = _number(self.schedule_fields["min_lr"].text(), self.tr("The final rate"))
        spec.check()
        return spec

    def accept(self) -> None:
        try:
            self.chosen = self.spec()
        except PlaygroundError as error:
            self.error.setText(str(error))  # stays open: the person fixes the field
            return
        super().accept()


def _number(text: str, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise PlaygroundError(tr("{0} must be a number, such as 0.5 or 1e-3; it is {1!r}.").format(what, text)) \
            from None


def edit_optimizer_settings(window: Any) -> OptimizerSettings:
    """Open the dialog on the main window's optimizer. Accepted settings become the project's and,
    while a session runs, apply to it at once, with the control bar's kind, learning rate and penalty."""
    dialog = OptimizerSettings(window.run_in_use.chosen_optimizer(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one each time: the closed one goes

    def apply() -> None:
        window.preset.optimizer = dialog.chosen
        # The kind, rate and penalty are the control bar's, which the person may have changed while the dialog
        # was open: the dialog's copy of them from when it opened must not override what the bar shows.
        chosen = window.run_in_use.chosen_optimizer()
        window.mark_modified()
        if window.training.worker is not None:
            window.training.worker.control.set_optimizer_settings(chosen)

    dialog.accepted.connect(apply)
    dialog.open()  # not exec(): training and the window go on while it is open
    return dialog
