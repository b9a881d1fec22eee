"""The app's first start, for a person who has never used it: the lesson dock opens on the list of lessons in the
order they teach, each a click from starting; closed, it stays closed at every start after, until Lessons or Help
brings it back. A window made otherwise (a project given, the tests' and the screenshots' windows) opens without it."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton

from playground.project import load_preset, save_project
from playground.project.lessons import list_lessons
from playground.session import project_of
from playground.ui import MainWindow
from playground.ui.app import show_first
from playground.ui.lesson_list import LessonButton
from playground.ui.lesson_panel import LIST_CLOSED
from tests.session.helpers import preset_session
from tests.ui.widgets import click, find, menu_action


def start_app(qtbot, project: str | None = None) -> MainWindow:
    """The window as `playground` (or `playground project.bpp`) starts it."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    show_first(window, project)
    return window


def shows_list(window: MainWindow) -> bool:
    return window.lessons.dock.isVisible() and find(window, QLabel, "lessonListHeading").isVisible()


def listed(window: MainWindow) -> list[tuple[str, str, str]]:
    """(name, title, what it teaches) of each lesson, top to bottom."""
    buttons = sorted(window.findChildren(LessonButton), key=lambda button: button.mapTo(window, button.pos()).y())
    return [(button.objectName().removeprefix("startLesson_"), button.title.text(), button.summary.text())
            for button in buttons]


def test_the_first_start_offers_the_lessons_in_teaching_order_linear_regression_first(qtbot):
    window = start_app(qtbot)
    assert shows_list(window) and window.lessons.dock.windowTitle() == "Lessons"
    lessons = listed(window)
    assert lessons[0][:2] == ("linear-regression", "1. Linear regression and the learning rate")
    assert lessons[-1][0] == "mnist-mlp"  # the one that needs a download comes last
    assert sorted(name for name, _, _ in lessons) == list_lessons()
    assert all(summary.endswith(".") for _, _, summary in lessons)  # a line on what each teaches, for every lesson
    assert window.preset_selector.currentText() == "circle"  # the window itself is as before, beside the list
    window.close()


def test_a_click_on_a_lesson_starts_it_on_its_preset_and_all_lessons_goes_back(qtbot):
    window = start_app(qtbot)
    assert shows_list(window)
    click(qtbot, window, "startLesson_linear-regression")
    assert window.preset_selector.currentText() == "linear-regression"
    assert find(window, QLabel, "lessonTitle").text() == "Linear regression and the learning rate"
    assert find(window, QLabel, "lessonCounter").text() == "Step 1 of 3"
    assert find(window, QLabel, "lesson_do").isVisible() and "Press Train" in find(window, QLabel, "lesson_do").text()
    assert window.lessons.dock.windowTitle() == "Lesson" and not shows_list(window)
    click(qtbot, window, "lessonListButton")
    assert shows_list(window)
    window.close()


def close_with_title_bar(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(find(window.lessons.dock, QAbstractButton, "qt_dockwidget_closebutton"),
                     Qt.MouseButton.LeftButton)


def close_with_button(qtbot, window: MainWindow) -> None:
    click(qtbot, window, "lessonListCloseButton")


@pytest.mark.parametrize("close", [close_with_title_bar, close_with_button])
def test_the_list_closed_stays_closed_at_the_next_start(qtbot, close):
    window = start_app(qtbot)
    close(qtbot, window)
    assert not window.lessons.dock.isVisible()
    window.close()
    assert QSettings().value(LIST_CLOSED, False, type=bool)  # read again from the settings file
    again = start_app(qtbot)
    assert not again.lessons.dock.isVisible()
    again.close()


def test_a_lesson_closed_is_not_the_list_closed_the_next_start_offers_it_again(qtbot):
    window = start_app(qtbot)
    click(qtbot, window, "startLesson_deep-sigmoid")
    assert find(window, QLabel, "lessonTitle").text() == "Vanishing gradients"
    close_with_title_bar(qtbot, window)
    window.close()
    again = start_app(qtbot)
    assert shows_list(again)
    again.close()


def test_the_window_closed_with_the_list_open_offers_it_again_at_the_next_start(qtbot):
    window = start_app(qtbot)
    window.lessons.dock.setFloating(True)  # a floating dock is a window of its own, hidden with the main window
    window.close()
    again = start_app(qtbot)
    assert shows_list(again)
    again.close()


@pytest.mark.parametrize("path", [("&Lessons", "&Start here: the lessons in order"),
                                  ("&Help", "&Start here: the lessons in order")])
def test_lessons_or_help_brings_the_closed_list_back(qtbot, path):
    window = start_app(qtbot)
    close_with_button(qtbot, window)
    assert not window.lessons.dock.isVisible()
    menu_action(window, *path).trigger()
    assert shows_list(window)
    click(qtbot, window, "startLesson_overfit")  # and a lesson starts from it as from the first start's
    assert window.preset_selector.currentText() == "overfit"
    assert find(window, QLabel, "lessonCounter").text() == "Step 1 of 4"
    window.close()


def test_a_project_given_on_the_command_line_opens_without_the_list(qtbot, tmp_path):
    path = tmp_path / "spiral.bpp"
    save_project(project_of(preset_session("spiral", start_paused=True), load_preset("spiral").dataset, "Spiral"), path)
    window = start_app(qtbot, str(path))
    assert window.projects.project_path == path and not window.lessons.dock.isVisible()
    window.close()


def test_a_window_made_without_the_app_s_start_opens_without_the_list(qtbot):
    window = MainWindow()  # as the tests, benchmarks and docs/make_screenshots.py make it
    qtbot.addWidget(window)
    window.show()
    assert not window.lessons.dock.isVisible()
    assert find(window, QPushButton, "startLesson_linear-regression")  # made, and shown when asked
    window.close()


def test_a_lesson_taken_to_its_last_step_is_ticked_in_the_list_then_and_at_the_next_start(qtbot):
    """A person coming back saw nine lessons alike, with nothing to say which they had taken."""
    window = start_app(qtbot)
    click(qtbot, window, "startLesson_linear-regression")
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonListButton")  # left at step 2 of 3: not taken
    assert not any(title.startswith("✓") for _, title, _ in listed(window))
    click(qtbot, window, "startLesson_linear-regression")
    for _ in range(2):
        click(qtbot, window, "lessonNextButton")
    assert find(window, QLabel, "lessonCounter").text() == "Step 3 of 3"
    click(qtbot, window, "lessonListButton")
    ticked = [name for name, title, _ in listed(window) if title.startswith("✓ ")]
    assert ticked == ["linear-regression"] and listed(window)[0][1] == "✓ 1. Linear regression and the learning rate"
    window.close()
    again = start_app(qtbot)  # the next start
    assert [name for name, title, _ in listed(again) if title.startswith("✓ ")] == ["linear-regression"]
    again.close()
