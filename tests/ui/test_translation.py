"""The window in Chinese: the catalogue is complete and current with the code, the window and the stepper built in
zh_CN leave no English behind, the Language menu keeps its choice for the next start, and without a compiled
catalogue the window starts in English."""

import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMenu, QPushButton

from playground.ui import MainWindow
from playground.ui.translation import SETTING, chosen_language, install_translators, remove_translators
from tests.ui.texts import english_words, window_texts
from tests.ui.widgets import click, find

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "backprop_playground_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")


def packaging_translations():
    """packaging/translations.py (the folder is not a package: `packaging` is also PyPI's)."""
    spec = importlib.util.spec_from_file_location("playground_translations", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    """(context, source) → the message's translation element."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> Path:
    """The catalogue compiled as the build compiles it, into a folder of its own."""
    folder = tmp_path_factory.mktemp("translations")
    packaging_translations().compile_all(folder)
    return folder


@pytest.fixture
def chinese(compiled, qapp) -> Iterator[None]:
    """The app in zh_CN while the test runs; English again after it."""
    translators = install_translators(qapp, "zh_CN", compiled)
    assert len(translators) == 2  # the app's catalogue and Qt's own
    yield
    remove_translators(qapp, translators)


def test_the_catalogue_is_finished_and_current_with_the_code(tmp_path):
    """Every string is translated and none is left over; lupdate run again over the code finds the same strings, so
    a string added to the window without a translation fails here."""
    kept = messages(CATALOGUE)
    assert kept
    unfinished = [source for (_, source), translation in kept.items()
                  if translation.get("type") in ("unfinished", "obsolete", "vanished") or not translation.text]
    assert unfinished == []
    extracted = tmp_path / CATALOGUE.name
    extracted.write_bytes(CATALOGUE.read_bytes())
    packaging_translations().extract(extracted)
    assert set(messages(extracted)) == set(kept)


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\d+|n)")


def test_every_translation_keeps_the_placeholders_of_its_source():
    """A translation that drops, adds or renames a `{0}`, `{1:,}` or `%1` shows the wrong number, or raises when the
    message is formatted."""
    mismatched = [(source, translation.text) for (_, source), translation in messages(CATALOGUE).items()
                  if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text or ""))]
    assert mismatched == []


def english_in(window: MainWindow) -> list[tuple[str, str]]:
    return [(where, text) for where, text in window_texts(window) if english_words(text)]


def test_the_window_in_chinese_has_no_english_left(qtbot, chinese):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert english_in(window) == []
    window.builder.table.selectRow(0)  # the layer's properties: its activation and initializers
    assert window.builder.properties.fields
    assert english_in(window) == []
    window.close()


def test_every_phase_of_the_stepper_explains_in_chinese(qtbot, chinese):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    phases = len(window.stepper.phases())
    assert phases == 8  # three layers forward, the loss, three back, the update
    for phase in range(phases):
        assert window.stepper.current_phase() == phase
        assert english_in(window) == []
        assert CJK.search(window.stepper.formula.text()), window.stepper.formula.text()
        if phase < phases - 1:
            click(qtbot, window, "stepperNextButton")
    window.close()


def test_a_lesson_in_chinese_speaks_chinese_at_every_step(qtbot, chinese):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    menu = window.findChild(QMenu, "lessonMenu")
    next(action for action in menu.actions() if action.text().startswith("梯度消失")).trigger()
    assert window.preset_selector.currentText() == "deep-sigmoid" and window.lessons.dock.isVisible()
    assert CJK.search(window.description.text())  # the preset's description, from its translation
    while True:
        assert english_in(window) == []
        assert all(CJK.search(find(window, QLabel, f"lesson_{key}").text()) for key in ("do", "notice", "why"))
        forward = find(window, QPushButton, "lessonNextButton")
        if not forward.isEnabled():
            break
        click(qtbot, window, "lessonNextButton")
    window.close()


def test_a_divergence_is_told_in_chinese(qtbot, chinese):
    """The session's own sentences (the divergence, the weights taken back, the advice) reach the status bar
    translated."""
    window = MainWindow("plane")  # a regression: a huge learning rate blows its loss up
    qtbot.addWidget(window)
    window.show()
    field = find(window, QComboBox, "learningRateInput")
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "1e9")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "diverged", timeout=20_000)
    message = window.statusBar().currentMessage()
    assert "发散" in message and "学习率" in message, message
    assert english_words(message) == [], message
    window.close()


def language_action(window: MainWindow, title: str):
    menu = window.findChild(QMenu, "languageMenu")
    return next(action for action in menu.actions() if action.text() == title)


def test_the_language_menu_keeps_the_choice_for_the_next_start(qtbot, compiled, qapp):
    settings = QSettings()
    window = MainWindow("circle")
    qtbot.addWidget(window)
    assert chosen_language() == "system" and language_action(window, "System").isChecked()
    try:
        language_action(window, "中文").trigger()
        assert settings.value(SETTING) == "zh_CN"
        assert "starts again" in window.statusBar().currentMessage()
        assert window.menuBar().actions()[0].text() == "&File"  # this window stays as it was built
        translators = install_translators(qapp, chosen_language(), compiled)  # what the next start does
        try:
            again = MainWindow("circle")
            qtbot.addWidget(again)
            assert again.menuBar().actions()[0].text() == "文件(&F)"
            assert language_action(again, "中文").isChecked()
        finally:
            remove_translators(qapp, translators)
        language_action(window, "English").trigger()
        assert chosen_language() == "en" and install_translators(qapp, chosen_language(), compiled) == []
    finally:
        settings.remove(SETTING)


def test_without_a_compiled_catalogue_the_window_starts_in_english(qtbot, tmp_path, qapp):
    assert install_translators(qapp, "zh_CN", tmp_path) == []
    window = MainWindow("circle")
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"
    assert QApplication.translate("", "Stepper") == "Stepper"
