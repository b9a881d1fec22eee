"""The lesson panel, a dock beside the window: a lesson's current step (what to do, what to notice,
why), Back and Next, and the button that applies the change a step asks for. The same dock shows the list of
lessons (LessonList): at the app's first start, until the person closes it, and whenever a menu or the panel's
All lessons asks for it.

The button first keeps the run in use for comparison, then applies the change as one undoable
edit: the network through the builder, the optimizer's settings through SettingsEdit. Both start a
new run, which the Compare tab shows beside the kept one.

A project saved with the lesson shown keeps its place (LessonPlace): opened again, the panel shows that step with
the changes made before the save ticked, and changes nothing of the network, the settings or the run.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoCommand
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from playground.engine import OptimizerSpec
from playground.errors import PlaygroundError
from playground.project.lessons import (
    Change,
    Lesson,
    LessonPlace,
    changed_network,
    changed_optimizer,
    epochs_to_train,
    lesson_at,
    lesson_titles,
    load_lesson,
)
from playground.project.presets import Preset, load_preset
from playground.ui.builder import LayerBuilder
from playground.ui.comparison import RunComparison
from playground.ui.lesson_list import LessonList
from playground.ui.stepper.rich_text import with_hats_in_place
from playground.ui.translation import window_language

FLOATING_SIZE = (300, 460)  # the lesson dock floating over the window, when the screen has no room beside it
FLOATING_MARGIN = 40
FINISHED = "lessons/finished"  # QSettings: the names of the lessons a person took to their last step
LIST_CLOSED = "lessons/list_closed"  # QSettings: the person closed the list of lessons, which then opens only asked


class LessonPanel(QWidget):
    apply_requested = Signal(object)  # the step's Change
    step_shown = Signal(object)  # the LessonStep now shown
    step_chosen = Signal()  # a person went to the step shown, with Back or Next
    list_requested = Signal()  # All lessons

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.setFont(with_hats_in_place(self.font()))  # the m̂, v̂ and x̂ of the steps' formulas
        self.lesson: Lesson | None = None
        self.index = 0
        self.title = QLabel(objectName="lessonTitle", wordWrap=True)
        self.title.setStyleSheet("font-weight: bold;")
        self.counter = QLabel(objectName="lessonCounter")
        self.texts = {}
        body = QVBoxLayout()
        for key, heading in (("do", self.tr("What to do")), ("notice", self.tr("What to notice")),
                             ("why", self.tr("Why"))):
            label = QLabel(heading)
            label.setStyleSheet("font-weight: bold;")
            self.texts[key] = QLabel(objectName=f"lesson_{key}", wordWrap=True,
                                     textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            body.addWidget(label)
            body.addWidget(self.texts[key])
        # Back past a change made: the step describes the network before it, which is no longer the one shown.
        self.later_changes = QLabel(objectName="lessonLaterChanges", wordWrap=True, visible=False)
        self.later_changes.setStyleSheet("font-style: italic;")
        self.apply_button = QPushButton(objectName="lessonApplyButton")
        self.apply_button.setToolTip(self.tr("Keep the run in use for comparison, then make this change "
                                             "(Undo takes it back)"))
        # Mnemonics, so that a lesson steps from the keyboard wherever the focus is: Alt+B and Alt+N.
        self.back_button = QPushButton(self.tr("&Back"), objectName="lessonBackButton")
        self.back_button.setToolTip(self.tr("The step before (Alt+B)"))
        self.next_button = QPushButton(self.tr("&Next"), objectName="lessonNextButton")
        self.next_button.setToolTip(self.tr("The next step (Alt+N)"))
        all_lessons = QPushButton(self.tr("◂ All lessons"), objectName="lessonListButton", flat=True)
        all_lessons.setToolTip(self.tr("The list of lessons, in the order to take them"))
        all_lessons.clicked.connect(self.list_requested)
        top = QHBoxLayout()
        top.addWidget(all_lessons)
        top.addStretch(1)
        steps = QWidget()
        steps_layout = QVBoxLayout(steps)
        steps_layout.addWidget(self.title)
        steps_layout.addWidget(self.counter)
        steps_layout.addWidget(self.later_changes)
        steps_layout.addLayout(body)
        steps_layout.addWidget(self.apply_button)
        steps_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(steps)  # a long step on a small screen scrolls; the buttons below stay put
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(lambda: self._choose(self.index - 1))
        self.next_button.clicked.connect(lambda: self._choose(self.index + 1))
        self.apply_button.clicked.connect(lambda: self.apply_requested.emit(self.step().change))

    def show_lesson(self, lesson: Lesson, index: int = 0) -> None:
        """Show `lesson` at step `index` (from 0)."""
        self.lesson = lesson
        self.title.setText(lesson.title)
        self.go_to(index)

    def _choose(self, index: int) -> None:
        self.go_to(index)
        self.step_chosen.emit()

    def step(self):
        return self.lesson.steps[self.index]

    def go_to(self, index: int) -> None:
        count = len(self.lesson.steps)
        self.index = min(max(index, 0), count - 1)
        step = self.step()
        self.counter.setText(self.tr("Step {0} of {1}").format(self.index + 1, count))
        for key, label in self.texts.items():
            label.setText(getattr(step, key))
        self.apply_button.setVisible(step.change is not None)
        if step.change is not None:
            self.apply_button.setText(step.change.label)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < count - 1)
        self.step_shown.emit(step)

    def show_made(self, made: bool) -> None:
        """The step's button greyed and ticked while the change it made is in effect, else ready to make it."""
        self.apply_button.setEnabled(not made)
        self.apply_button.setText(f"✓ {self.step().change.label}" if made else self.step().change.label)

    def show_later_changes(self, labels: list[str]) -> None:
        """The changes of the steps after this one that are in effect: this step describes the network and
        settings before them."""
        if labels:
            self.later_changes.setText(self.tr("Made at a later step and still in effect: {0}. This step describes "
                                               "the network before it; Undo takes it back.").format(
                ", ".join(f"✓ {label}" for label in labels)))
        self.later_changes.setVisible(bool(labels))


class SettingsEdit(QUndoCommand):
    """Optimizer settings a lesson step applies: undone, the settings before come back. Each way, the window
    starts a new run with them."""

    def __init__(self, use: Callable[[OptimizerSpec], None], before: OptimizerSpec, after: OptimizerSpec,
                 text: str) -> None:
        super().__init__(text)
        self.use, self.before, self.after = use, before, after

    def redo(self) -> None:
        self.use(self.after)

    def undo(self) -> None:
        self.use(self.before)


def finished_lessons() -> set[str]:
    """The lessons a person took to their last step, in any earlier start too."""
    return set(QSettings().value(FINISHED, [], type=list))


class LessonDock(QDockWidget):
    """The lessons' dock, which says when a person closes it (its ×, or the list's Close): hidden with the window,
    or by the window, it says nothing."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        super().closeEvent(event)
        self.closed.emit()


class Lessons(QObject):
    """The window's lessons: the dock that shows the list of them or one of them, and applying the changes its
    steps ask for."""

    def __init__(self, window: QMainWindow, builder: LayerBuilder, comparison: RunComparison,
                 settings: Callable[[], OptimizerSpec], use_settings: Callable[[OptimizerSpec], None],
                 load_preset: Callable[[str], bool], show_tab: Callable[[str], None],
                 stop_after: Callable[[int, bool], None]) -> None:
        """`settings`: the optimizer settings shown; `use_settings` starts a new run with others; `load_preset`
        shows a preset by name, and says whether it is shown or will be once its data are downloaded (False when the
        person kept the unsaved work instead, or the data are not here); the window calls `preset_shown` when it is,
        and tells which is shown: `window.preset`; `show_tab` opens an output tab by the lesson data's name for it;
        `stop_after(epochs, new_run)` sets the epoch training stops at, so many epochs on from the run's epoch, or
        from the start of a new run."""
        super().__init__(window)
        self.window, self.builder, self.comparison = window, builder, comparison
        self.settings, self.use_settings, self.load_preset = settings, use_settings, load_preset
        self.stop_after = stop_after
        self.panel = LessonPanel()
        self.list = LessonList(lesson_titles(window_language()))
        # The dock takes the width a lesson asks for, list or lesson: the list's wrapped lines would widen it and
        # narrow the plots beside a lesson.
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(self.panel)
        self.dock = LessonDock(self.tr("Lesson"), window, objectName="lessonDock")
        self.dock.setWidget(self.pages)
        self.dock.setMinimumWidth(240)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        # Where the undo stack stood after each step's change was made (by step index), while the lesson is open:
        # a change in effect is not made twice (an inserted layer would be inserted again).
        self._made: dict[int, int] = {}
        # The steps whose change an opened project was saved with, and that project (the window's preset): no Undo
        # takes them back, so they stay made while it is shown.
        self._opened_with: tuple[Preset, frozenset[int]] | None = None
        self._waiting: Lesson | None = None  # a lesson opened, until its preset shows (its data downloaded)
        self.list.chosen.connect(self.open)
        self.list.close_requested.connect(self.dock.close)
        self.panel.list_requested.connect(self.show_list)
        self.dock.closed.connect(self._closed)
        self.panel.apply_requested.connect(self.apply)
        self.panel.step_shown.connect(lambda step: step.tab and show_tab(step.tab))
        self.panel.step_shown.connect(lambda _: self._show_made(builder.undo_stack.index()))
        self.panel.step_chosen.connect(self._stop_where_the_step_says)
        self.panel.step_shown.connect(lambda _: self._note_if_finished())
        builder.undo_stack.indexChanged.connect(self._show_made)
        # Another preset or project loaded: its network's edit history starts over, maybe without an index change.
        builder.changed.connect(lambda: self._show_made(builder.undo_stack.index()))

    def offer_at_start(self) -> None:
        """The list of lessons beside the window, as the app starts, unless the person closed it at a start before:
        then only the menus bring it."""
        if not QSettings().value(LIST_CLOSED, False, type=bool):
            self.show_list()

    def show_list(self) -> None:
        """The lessons in the order to take them, each a click from starting, those taken to their end ticked; a
        lesson shown before closes (a project saved now is saved without it)."""
        self.list.show_finished(finished_lessons())
        self.pages.setCurrentWidget(self.list)
        self.dock.setWindowTitle(self.tr("Lessons"))
        self._show_dock()

    def _note_if_finished(self) -> None:
        """A lesson shown at its last step counts as taken, from then on."""
        lesson = self.panel.lesson
        if self.panel.index == len(lesson.steps) - 1 and lesson.name not in finished_lessons():
            QSettings().setValue(FINISHED, sorted(finished_lessons() | {lesson.name}))

    def _closed(self) -> None:
        if self.pages.currentWidget() is self.list:
            QSettings().setValue(LIST_CLOSED, True)

    def _shows_lesson(self) -> bool:
        return not self.dock.isHidden() and self.pages.currentWidget() is self.panel

    def _close_lesson(self) -> None:
        """The lesson shown closes; the list, shown instead, stays."""
        if self.pages.currentWidget() is self.panel:
            self.dock.hide()

    def open(self, name: str) -> None:
        """Show lesson `name` from its first step, on its preset as it comes (a run trained on it stays): at once,
        or once its data are downloaded; a download declined, or unsaved work kept, opens no lesson over what is
        shown."""
        lesson = load_lesson(name, window_language())
        self._waiting = lesson
        if self._shows_preset_as_it_comes(lesson.preset):
            self.preset_shown(lesson.preset)
        elif not self.load_preset(lesson.preset):
            self._waiting = None  # the unsaved work kept, or the data not here: the window stays as it was

    def preset_shown(self, name: str) -> None:
        """The window shows preset `name` as it comes: the lesson opened for it shows from its first step, and a
        lesson about another preset closes (its steps would describe a network that is not there)."""
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting.preset == name:
            self._show_panel()
            self._made.clear()
            self._opened_with = None
            self.panel.show_lesson(waiting)
            self._stop_where_the_step_says()
        elif self.panel.lesson is not None and self.panel.lesson.preset != name:
            self._close_lesson()

    def place(self) -> LessonPlace | None:
        """Where the learner is in the lesson shown, for the project to keep; None when no lesson shows."""
        lesson = self.panel.lesson
        if lesson is None or not self._shows_lesson():  # closed: the project is saved without a lesson
            return None
        index = self.builder.undo_stack.index()
        made = tuple(step + 1 for step in range(len(lesson.steps)) if self._in_effect(step, index))
        return LessonPlace(lesson.name, self.panel.index + 1, made)

    def resume(self, place: LessonPlace | None) -> None:
        """Show the lesson an opened project was saved in, at its step, the changes it made counted as made; the
        project's network, settings and run are shown already and stay as they are. None closes the lesson shown.
        A lesson or step this version does not have closes it too, and raises a LessonError that says so."""
        self._made.clear()
        self._opened_with = self._waiting = None
        if place is None:
            self._close_lesson()
            return
        try:
            lesson = lesson_at(place, window_language())
        except PlaygroundError:
            self._close_lesson()
            raise
        self._opened_with = (self.window.preset, frozenset(step - 1 for step in place.made))
        self._show_panel()
        self.panel.show_lesson(lesson, place.step - 1)

    def _show_panel(self) -> None:
        self.pages.setCurrentWidget(self.panel)
        self.dock.setWindowTitle(self.tr("Lesson"))
        self._show_dock()

    def _show_dock(self) -> None:
        if not self.dock.isVisible():
            self._place_dock()
        self.dock.show()

    def _shows_preset_as_it_comes(self, name: str) -> bool:
        """Whether the window shows preset `name` with its own network, settings and data: a step's change, or
        an edit of the person's, would make the lesson's first steps untrue."""
        shown, network = self.window.preset, self.builder.spec if self.builder.error is None else None
        if shown is None or shown.name != name or network is None:
            return False
        preset = load_preset(name)
        return (network.to_dict() == preset.network.to_dict() and shown.dataset == preset.dataset
                and self.settings().to_dict() == preset.optimizer.to_dict()
                and self.window.batch_size_input.value() == preset.batch_size)

    def _place_dock(self) -> None:
        """Beside the window's columns where they keep their least width, else floating over its right edge
        (a 1024-pixel screen has no room for both)."""
        window = self.window
        room = window.width() - window.centralWidget().minimumSizeHint().width()
        floating = room < self.dock.minimumWidth() + FLOATING_MARGIN
        self.dock.setFloating(floating)
        if floating:
            frame = window.geometry()
            self.dock.setGeometry(frame.right() - FLOATING_SIZE[0], frame.top() + FLOATING_MARGIN, *FLOATING_SIZE)

    def apply(self, change: Change) -> None:
        """Keep the run in use, then make `change` as one edit that Undo takes back."""
        self.comparison.keep(quiet=True)
        stack = self.builder.undo_stack
        stack.beginMacro(change.label)
        if change.edits_network:
            layers, loss = changed_network(self.builder.state()["layers"], self.builder.loss, change)
            self.builder.edit(layers, change.label, None, loss)
        if change.optimizer:
            before = self.settings()
            stack.push(SettingsEdit(self.use_settings, before, changed_optimizer(before, change), change.label))
        stack.endMacro()
        self._made[self.panel.index] = stack.index()
        self._show_made(stack.index())
        self._stop_where_the_step_says()  # again: Train since the step was shown may have passed the epoch

    def _stop_where_the_step_says(self) -> None:
        """A step that trains (`epochs_to_train`) sets the epoch to stop at: so many epochs on from where the
        run is, or from the start for the new run its change begins, so that Train alone does what it says."""
        epochs = epochs_to_train(self.panel.lesson, self.panel.index)
        if epochs is not None:
            self.stop_after(epochs, self.panel.step().change is not None)

    def _show_made(self, index: int) -> None:
        """Whether the step shown has its change in effect, and which later steps' are, the undo stack at `index`."""
        lesson = self.panel.lesson
        if lesson is None:
            return
        shown = self.panel.index
        self.panel.show_later_changes([lesson.steps[step].change.label for step in range(shown + 1, len(lesson.steps))
                                       if self._in_effect(step, index)])
        if self.panel.step().change is not None:
            self.panel.show_made(self._in_effect(shown, index))

    def _in_effect(self, step: int, index: int) -> bool:
        """Whether step `step`'s change is in effect, the undo stack at `index`: made, and neither undone nor
        dropped (with its preset, or by an edit made after an Undo); or in the project opened, while it is shown.
        The stack is read only past the change: it empties itself, and says so, while it is destroyed."""
        change = self.panel.lesson.steps[step].change
        if change is None:
            return False
        opened = self._opened_with
        if opened is not None and opened[0] is self.window.preset and step in opened[1]:
            return True
        after = self._made.get(step)
        return after is not None and index >= after and self.builder.undo_stack.text(after - 1) == change.label
