"""The window in Chinese: the catalogue is complete and current with the code, the window and the stepper built in
zh_CN leave no English behind, the Language menu keeps its choice for the next start, and without a compiled
catalogue the window starts in English."""

import importlib.util
import os
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTreeView,
    QWidget,
)

from playground.engine import DenseSpec, NetworkSpec, OptimizerSpec
from playground.errors import DataError
from playground.project import Project, load_preset, save_project
from playground.ui import MainWindow
from playground.ui.app import show_first
from playground.ui.downloads import ask_download
from playground.ui.lesson_list import LessonButton
from playground.ui.translation import SETTING, chosen_language, install_translators, remove_translators
from playground.words import term
from tests.ui.test_builder import drop, layer_types, open_window, palette_data, pick_palette, select_row, type_into
from tests.ui.test_gallery import cifar10, stepped  # noqa: F401 (a fixture)
from tests.ui.test_image_layers import choose_dataset, choose_tab, hover
from tests.ui.test_main_window import type_and_enter
from tests.ui.test_optional_parts import answer_notice
from tests.ui.test_projects import deeply_nested, huge_init_scale
from tests.ui.test_run_views import train_then_pause
from tests.ui.texts import english_words, window_texts
from tests.ui.widgets import click, find, menu_action

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "backprop_playground_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
QT_OPEN_FILE_DIALOG = QFileDialog.getOpenFileName  # before tests/ui/conftest.py makes an unanswered one fail


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


def test_the_fit_of_a_regression_has_no_english_left(qtbot, chinese):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    choose_dataset(window, "diabetes")
    assert window.fit_view.isVisible()
    assert english_in(window) == []  # before a run: the line that says where the fit will show
    train_then_pause(qtbot, window, steps=50)
    assert window.fit_view.plot.getAxis("left").labelText == "预测病情进展"
    assert english_in(window) == []  # the typical error, the axes, the legend
    choose_dataset(window, "sine")
    qtbot.mouseClick(window.fit_view.show_test, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    train_then_pause(qtbot, window, steps=50)
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


def test_the_stepper_s_previous_and_next_in_chinese_name_phases_not_training_steps(qtbot, chinese):
    """步 is a training step in the window (单步 trains one, the stepper shows 第 n 步): Previous and Next move
    between the phases (阶段) of that one step, and say so."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    assert "步" in window.statusBar().currentMessage() and "步" in find(window, QPushButton, "stepButton").text()
    for name in ("stepperPrevButton", "stepperNextButton"):
        text = find(window, QPushButton, name).text()
        assert "阶段" in text and "步" not in text, text
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


def test_the_first_start_offers_the_lessons_in_chinese(qtbot, chinese):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    show_first(window, None)  # as the app starts without a project
    assert window.lessons.dock.isVisible() and window.lessons.dock.windowTitle() == "课程列表"
    buttons = window.findChildren(LessonButton)
    assert buttons and all(CJK.search(button.title.text()) and CJK.search(button.summary.text()) for button in buttons)
    assert english_in(window) == []
    click(qtbot, window, "startLesson_linear-regression")
    assert find(window, QLabel, "lessonTitle").text() == "线性回归与学习率"
    assert find(window, QPushButton, "lessonListButton").text() == "◂ 全部课程"
    window.close()


def test_a_divergence_is_told_in_chinese(qtbot, chinese):
    """The session's own sentences (the divergence, the weights taken back, the advice) reach the status bar
    translated."""
    window = MainWindow("plane")  # a regression: a huge learning rate blows its loss up
    qtbot.addWidget(window)
    window.show()
    type_and_enter(qtbot, find(window, QComboBox, "learningRateInput"), "1e9")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "diverged", timeout=20_000)
    message = window.statusBar().currentMessage()
    assert "发散" in message and "学习率" in message, message
    assert english_words(message) == [], message
    window.close()


def open_from_the_file_menu(qtbot, window: MainWindow, path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    file_menu = window.menuBar().actions()[0].menu()
    next(action for action in file_menu.actions() if action.text().startswith("打开")).trigger()


def test_help_about_names_the_backends_and_whether_they_work_in_chinese(qtbot, chinese, monkeypatch):
    """It read 计算后端：numpy: available, cupy: unavailable."""
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    window = MainWindow("circle")
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1]
    assert help_menu.text() == "帮助(&H)"
    next(action for action in help_menu.menu().actions() if action.text().startswith("关于")).trigger()
    assert len(shown) == 1
    title, text = shown[0]
    backends = text.split("<br>")[-1]  # the line before names the libraries' versions, as they spell themselves
    assert english_words(f"{title} {backends}") == [] and "NumPy: 可用" in backends, text
    window.close()


def test_the_save_and_open_dialogs_name_project_files_in_chinese(qtbot, chinese, monkeypatch):
    """The dialogs' own words come from Qt's catalogue; the filter that says which files are projects is ours."""
    filters = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, kinds: filters.append(kinds)
                        or ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, title, start, kinds: filters.append(kinds)
                        or ("", ""))
    window = MainWindow("circle")
    qtbot.addWidget(window)
    menu_action(window, "文件(&F)", "另存为(&A)…").trigger()
    menu_action(window, "文件(&F)", "打开(&O)…").trigger()
    assert len(filters) == 2
    for kinds in filters:
        assert "*.bpp" in kinds and CJK.search(kinds) and english_words(kinds) == [], kinds
    window.close()


def qt_dialog_texts(dialog: QDialog) -> list[str] | None:
    """What a person reads in one of Qt's own dialogs: its labels, buttons, lists to choose from, tooltips, and the
    headers of its file list and the types of the folders in it (None until it lists them); not the folders' paths,
    which are the computer's."""
    texts = [widget.text() for kind in (QLabel, QAbstractButton) for widget in dialog.findChildren(kind)]
    texts += [box.itemText(i) for box in dialog.findChildren(QComboBox) for i in range(box.count())]
    texts += [widget.toolTip() for widget in dialog.findChildren(QWidget)]
    for view in dialog.findChildren(QTreeView):
        model, listed = view.model(), view.rootIndex()
        if model.rowCount(listed) == 0:
            return None  # read off the GUI thread: not yet
        texts += [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
        texts += [model.index(row, 2, listed).data() for row in range(model.rowCount(listed))]
    return [text for text in texts if text and not os.path.isabs(text)]


def read_and_close_the_next_dialog(seen: list, read: Callable[[QDialog], list[str] | None]) -> None:
    """Note what `read` finds in the next modal dialog that opens, once it finds something, then close it as Escape
    would."""
    def when_open():
        dialog = QApplication.activeModalWidget()
        texts = read(dialog) if isinstance(dialog, QDialog) else None
        if texts is None:
            QTimer.singleShot(20, when_open)
            return
        seen.append(texts)
        dialog.reject()
    QTimer.singleShot(0, when_open)


def test_qt_s_own_buttons_and_file_dialog_read_chinese(qtbot, chinese, monkeypatch, tmp_path):
    """Qt's standard buttons come from its own catalogue; the file dialog Qt draws itself (where the desktop has no
    native one, as here) said '&Look in:', 'Files of &type:' and a folder's type, 'Folder', which that catalogue
    lacks."""
    (tmp_path / "数据").mkdir()  # the folder the Open dialog lists: one folder, whose type it names
    QSettings().setValue("last_folder", str(tmp_path))
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    seen = []
    read_and_close_the_next_dialog(seen, lambda dialog: [button.text() for button in
                                                         dialog.findChild(QDialogButtonBox).buttons()])
    qtbot.mouseClick(window.controls.optimizer_settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert sorted(seen[0]) == sorted(["确定", "取消"]), seen[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", QT_OPEN_FILE_DIALOG)  # Qt's, answered here
    read_and_close_the_next_dialog(seen, qt_dialog_texts)
    menu_action(window, "文件(&F)", "打开(&O)…").trigger()
    qtbot.waitUntil(lambda: len(seen) == 2)
    texts = seen[1]
    assert {"查找范围(&L)：", "文件类型(&T)：", "文件夹", "取消"} <= set(texts), texts
    assert [text for text in texts if english_words(text)] == [], texts
    window.close()


@pytest.mark.parametrize("make, words", [
    (lambda path: path.write_bytes(b"not a zip at all"), "不是可读取的项目文件"),
    (huge_init_scale, "init_scale"),
    (deeply_nested, "嵌套"),
    (lambda path: os.mkfifo(path), "不是文件"),
], ids=["not a zip", "init_scale too large", "nested too deeply", "a pipe"])
def test_a_file_that_cannot_be_opened_is_refused_in_chinese(qtbot, chinese, tmp_path, monkeypatch, make, words):
    """The project reader's and the engine's sentences (words.tr, issue 19) reach the window's message box
    translated, identifiers aside."""
    bad = tmp_path / "bad.bpp"
    make(bad)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    window = MainWindow("circle")
    qtbot.addWidget(window)
    open_from_the_file_menu(qtbot, window, bad, monkeypatch)
    assert len(warnings) == 1, warnings
    title, text = warnings[0]
    assert words in text and CJK.search(text), text
    # What Python's zipfile says of a file that is no zip is quoted as it says it, in brackets.
    quoted = re.sub(r"（[ -~]+）", " ", text.replace("init_scale", ""))
    assert english_words(f"{title} {quoted}") == [], text
    window.close()


@pytest.mark.parametrize("row, units, words", [
    (2, "3", "输出"),  # the data's sentence (Dataset.fit_problem): one output for two classes
    (1, "5", "残差"),  # the engine's: a residual block that does not give back its input's width
], ids=["too few outputs", "a residual block's width"])
def test_a_network_that_cannot_be_built_is_explained_in_chinese(qtbot, chinese, row, units, words):
    """The builder shows the engine's and the data's sentences translated, and still marks the layer they name
    ("第 3 层" in Chinese)."""
    window = open_window(qtbot)
    if words == "残差":
        pick_palette(qtbot, window, "残差块")
        click(qtbot, window, "addLayerButton")
        row = 3
    select_row(qtbot, window, row)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), units)
    message = find(window, QLabel, "networkError").text()
    assert words in message and english_words(message) == [], message
    marked = find(window, QTableWidget, "layerList").item(2, 1).background().color()
    assert marked.red() == 255, message
    window.close()


# What a spec file or the code calls layer types and tasks: a person building in the window never sees them.
IDENTIFIERS = re.compile(r"\b(dense|conv2d|maxpool2d|avgpool2d|flatten|globalavgpool|batchnorm|residual|dropout|"
                         r"multiclass|regression)\b")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_builder_s_likely_mistakes_name_layers_and_data_in_the_window_s_words(qtbot, request, language):
    """A Conv2D after a Dense, a Flatten missing, an output layer of the wrong size and a loss the data cannot take:
    each sentence names the layers as the palette does ("layer 2 (Conv2D)", "第 2 层（卷积）"), never by the file's
    identifier ("(conv2d)", "multiclass data"), and the layer it is about is marked."""
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    window = open_window(qtbot, "digits-mlp")  # Dense 200 ReLU, Dense 10 linear on 8×8 digits
    error = find(window, QLabel, "networkError")
    table = find(window, QTableWidget, "layerList")

    def refused(words: list[str], row: int) -> None:
        message = error.text()
        assert message and all(word in message for word in words), message
        assert not IDENTIFIERS.search(message), message
        if language == "zh_CN":
            assert CJK.search(message) and english_words(message) == [], message
        assert table.item(row, 1).background().color().red() == 255, message
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back to the preset's network
        assert not error.isVisible(), error.text()

    dense, conv = term("dense"), term("conv2d")
    typed = "{0}（{1}）" if language == "zh_CN" else "{0} ({1})"
    layer = "第 {0} 层" if language == "zh_CN" else "layer {0}"
    select_row(qtbot, window, 0)
    pick_palette(qtbot, window, conv)
    click(qtbot, window, "addLayerButton")  # a Conv2D after the first Dense layer
    refused([typed.format(layer.format(2), conv), typed.format(layer.format(1), dense)], 1)
    drop(window, palette_data(window, conv), 0, 0.2)  # a Conv2D first, and no Flatten before the Dense layers
    refused([typed.format(layer.format(2), dense), typed.format(layer.format(1), conv), term("flatten")], 1)
    select_row(qtbot, window, 1)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "5")  # five outputs for ten classes
    refused([layer.format(2), "10"], 1)
    find(window, QComboBox, "lossSelector").setCurrentText(term("mse"))  # a regression's loss for ten classes
    refused([term("mse"), term("cross_entropy"), "10"], 1)
    window.close()


def test_a_rate_that_cannot_be_used_is_refused_in_chinese(qtbot, chinese):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    type_and_enter(qtbot, find(window, QComboBox, "learningRateInput"), "-1")
    message = window.statusBar().currentMessage()
    assert "学习率" in message and english_words(message) == [], message
    window.close()


def test_the_data_line_and_the_data_s_sentences_name_the_data_set_by_its_chinese_title(qtbot, chinese):
    window = MainWindow("plane")  # whose identifier, "plane", english_words lets pass
    qtbot.addWidget(window)
    window.show()
    assert find(window, QLabel, "datasetSource").text().startswith("数据：平面（回归）。")
    with pytest.raises(DataError) as refused:  # the network's input, which the data cannot be read as
        window.dataset.shaped((3,))
    assert "平面（回归）" in str(refused.value) and english_words(str(refused.value)) == [], str(refused.value)
    window.close()


def test_the_data_sets_say_where_they_come_from_in_chinese(qtbot, chinese):
    """The data panel's tooltips read the same translated sources as the line under the plots."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    selector = window.data_panel.selector
    tips = {selector.itemData(i): selector.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(selector.count())}
    assert CJK.search(tips["iris"]) and CJK.search(tips["circle"]), tips
    window.close()


# The names of an image set's files, which a folder must hold under these names in any language.
FILE_NAMES = re.compile(r"[\w-]+-ubyte|t10k-|data_batch_1|test_batch|pip install '[^']*'")


@pytest.mark.parametrize("name", ["fashion_mnist", "cifar10"])
def test_the_question_to_download_and_the_notice_without_torchvision_say_what_a_folder_holds_in_chinese(
        qtbot, chinese, tmp_path, monkeypatch, name):
    """Both said "the four IDX files (…), gzipped or not" (or "CIFAR-10's python batches") in English."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("playground.ui.downloads.ask_download", ask_download)  # the question itself
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    seen = []
    for torchvision in (True, False):
        monkeypatch.setattr("playground.ui.downloads.can_download", lambda torchvision=torchvision: torchvision)
        answer_notice("取消", seen)
        choose_dataset(window, name)
        assert window.dataset.name == "circle"
    assert len(seen) == 2
    for _, text in seen:
        assert english_words(FILE_NAMES.sub(" ", text)) == [], text
    window.close()


@pytest.mark.usefixtures("cifar10")
def test_cifar_s_classes_are_named_in_chinese_in_the_gallery_and_the_feature_maps_line(qtbot, chinese):
    """'ship≠airplane' under the photos and 'true class cat · predicted dog' stayed English; the data keeps them."""
    window, gallery = stepped(qtbot, (1280, 720))
    for label in gallery.labels:
        assert CJK.search(label.toPlainText()) and english_words(label.toPlainText()) == [], label.toPlainText()
        assert english_words(label.toolTip()) == [], label.toolTip()
    choose_tab(qtbot, window.image_tabs, "特征图")
    view = window.feature_maps_view
    qtbot.waitUntil(lambda: view.shown is not None and view.prediction.text() != "", timeout=10_000)
    assert english_words(view.prediction.text()) == [], view.prediction.text()
    assert window.dataset.class_names[:2] == ["airplane", "automobile"]  # what exports and saved files name
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



def test_a_project_saved_in_english_opens_in_chinese_with_its_preset_s_words_in_chinese(qtbot, compiled, qapp,
                                                                                        tmp_path, monkeypatch):
    """A project keeps its preset's title and description in the language of the window that saved it, and so does the
    first run it kept, which is named by that title; a window in another language tells of them in its own."""
    saved = tmp_path / "circle.bpp"
    english = MainWindow("circle")
    qtbot.addWidget(english)
    english.show()
    train_then_pause(qtbot, english, steps=20)
    english.comparison.keep()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(saved), ""))
    menu_action(english, "&File", "Save &as…").trigger()
    qtbot.waitUntil(lambda: saved.is_file(), timeout=10_000)
    english.close()
    translators = install_translators(qapp, "zh_CN", compiled)
    try:
        window = MainWindow("xor")
        qtbot.addWidget(window)
        window.show()
        open_from_the_file_menu(qtbot, window, saved, monkeypatch)
        assert window.projects.project_path == saved
        circle = load_preset("circle", "zh_CN")
        assert find(window, QLabel, "presetDescription").text() == circle.description
        assert window.preset.title == circle.title  # the name of the first run kept, and of exports
        window.plot_tabs.setCurrentWidget(window.compare_view)
        qtbot.waitUntil(lambda: window.compare_view.legend.items[0][1].text.replace("<br>\u00a0\u00a0", " ")
                        == f"1: {circle.title}")
        assert english_in(window) == []
        window.close()
    finally:
        remove_translators(qapp, translators)


def test_without_a_compiled_catalogue_the_window_starts_in_english(qtbot, tmp_path, qapp):
    assert install_translators(qapp, "zh_CN", tmp_path) == []
    window = MainWindow("circle")
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"
    assert QApplication.translate("", "Stepper") == "Stepper"


def test_the_views_of_a_conv_network_in_chinese_leave_out_flatten_and_name_what_is_hovered(qtbot, chinese):
    """The Feature maps view leaves Flatten out (its values are the maps before it) in Chinese as in English, and the
    value under the pointer names its layer in Chinese, in both views."""
    window = MainWindow("digits-cnn")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    for title, view, row, point in (("特征图", window.feature_maps_view, "1", QPointF(1.5, 0.5)),
                                    ("滤波器", window.filters_view, "3", QPointF(1.5, 0.5))):
        choose_tab(qtbot, window.image_tabs, title)
        pictures = view.pictures
        qtbot.waitUntil(lambda pictures=pictures, row=row: row in pictures.rows
                        and pictures.rows[row].values is not None, timeout=10_000)
        for _ in range(4):  # the layouts follow the caption that came with the pictures
            QApplication.processEvents()
        box = pictures.rows[row].box
        hover(pictures.viewport(), pictures.mapFromScene(box.mapViewToScene(point)))
        qtbot.waitUntil(lambda view=view: view.hover.text() != "")
        assert view.hover.text().startswith(f"第 {row} 层"), view.hover.text()
        assert english_words(view.hover.text()) == [], view.hover.text()
    assert list(window.feature_maps_view.pictures.rows) == ["input", "1", "2", "3", "4", "6"]
    window.close()


def test_a_layer_dropped_on_the_middle_of_a_residual_block_goes_inside_it_in_chinese(qtbot, chinese):
    window = open_window(qtbot)
    select_row(qtbot, window, 1)
    pick_palette(qtbot, window, "残差块")
    click(qtbot, window, "addLayerButton")
    drop(window, palette_data(window, "批量归一化"), 2, 0.5)  # the middle of the block: inside it
    assert layer_types(window)[2:5] == ["残差块", "全连接 2 ReLU", "批量归一化"]
    assert find(window, QTableWidget, "layerList").item(4, 0).text().strip() == "3.2"
    window.close()


def test_the_edit_menu_names_each_edit_of_the_network_in_chinese(qtbot, chinese):
    """Undo in the Edit menu says what it takes back in the window's words: the palette's and the form's, not the
    layer dicts' identifiers ("设置第 1 层的 filters")."""
    window = open_window(qtbot, "digits-cnn")
    undo = menu_action(window, "编辑(&E)", "撤销(&U)")
    select_row(qtbot, window, 0)
    type_into(qtbot, find(window, QSpinBox, "filtersInput"), "12")
    assert "滤波器" in undo.text() and english_words(undo.text()) == [], undo.text()
    find(window, QComboBox, "activationInput").setCurrentIndex(0)
    assert "激活" in undo.text() and english_words(undo.text()) == [], undo.text()
    pick_palette(qtbot, window, "展平")
    click(qtbot, window, "addLayerButton")
    assert "展平" in undo.text(), undo.text()
    find(window, QComboBox, "lossSelector").setCurrentIndex(0)
    assert english_words(undo.text().replace("mse", "")) == [], undo.text()
    window.close()


def test_the_inspector_names_the_layers_of_a_conv_network_in_chinese(qtbot, chinese):
    """The Inspector names each layer as the layer table does (卷积, 展平, 全连接 线性), not by its identifier."""
    window = open_window(qtbot, "digits-cnn")
    choose_tab(qtbot, window.plot_tabs, "检查器")
    click(qtbot, window, "stepButton")
    table = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: table.rowCount() == 6, timeout=10_000)
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names[0] == "1 · 卷积 ReLU" and names[4] == "5 · 展平", names
    assert [name for name in names if english_words(name)] == []
    window.close()


def menu_mnemonics(window: MainWindow) -> list[str]:
    """The Alt+ key of each menu bar title, as Qt reads it from the title's "&"."""
    return [QKeySequence.mnemonic(action.text()).toString() for action in window.menuBar().actions()]


def assert_menus_have_their_own_keys(window: MainWindow) -> None:
    keys = menu_mnemonics(window)
    assert all(keys) and len(set(keys)) == len(keys), keys  # one Alt+key opens one menu, not each in turn
    assert not {"Alt+B", "Alt+N"} & set(keys), keys  # a lesson's Back and Next


def test_every_menu_has_an_alt_key_of_its_own_in_english(qtbot):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    assert_menus_have_their_own_keys(window)
    window.close()


def test_every_menu_has_an_alt_key_of_its_own_in_chinese(qtbot, chinese):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    assert CJK.search(window.menuBar().actions()[0].text())
    assert_menus_have_their_own_keys(window)
    window.close()


def a_project_at_warp_speed(path: Path) -> None:
    save_project(Project(NetworkSpec((2,), [DenseSpec(1)], "binary_cross_entropy"), OptimizerSpec(), 10,
                         {"name": "circle"}, pace="warp"), path)


def test_chinese_lists_are_parted_by_the_enumeration_comma_and_sentences_by_nothing(qtbot, chinese, tmp_path,
                                                                                   monkeypatch):
    """"、", not ", ": the features of new data, and the speeds a file may name, in the sentences that list them;
    and no space after a full stop 。."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    choose_dataset(window, "iris")
    news = window.statusBar().currentMessage()
    assert news.count("、") == 3 and ", " not in news, news
    assert news.count("。") >= 2 and "。 " not in news, news  # its sentences run on as Chinese ones do
    bad = tmp_path / "warp.bpp"
    a_project_at_warp_speed(bad)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    open_from_the_file_menu(qtbot, window, bad, monkeypatch)
    [refusal] = warnings
    assert "'warp'" in refusal and "step、10 steps、" in refusal and ", " not in refusal, refusal
    window.close()


@pytest.mark.parametrize(("preset", "view"), [("batchnorm", "gradient_plot"), ("residual", "gradient_plot"),
                                              ("batchnorm", "activation_plot"), ("deep-sigmoid", "activation_plot")])
def test_the_legends_of_a_deep_network_in_chinese_cover_no_curve_at_1280_by_720(qtbot, chinese, preset, view):
    """Chinese names are taller than English ones: their column still fits beside the curves, covering none."""
    from tests.ui.test_plots import assert_legend_beside_the_curves, stepped_once_at_1280_by_720

    window = stepped_once_at_1280_by_720(qtbot, preset, view)
    plot = getattr(window, view)
    plot = plot if view == "gradient_plot" else plot.plot
    assert "层" in plot.getPlotItem().legend.items[0][1].text
    assert_legend_beside_the_curves(plot)
    window.close()


@pytest.mark.parametrize("view", ["loss_plot", "accuracy_plot"])
def test_the_loss_and_accuracy_legends_in_chinese_are_above_their_curves_beside_a_lesson_at_1280_by_720(
        qtbot, chinese, view):
    """The Chinese name of the smoothed training loss lay over the curves in the view box: above it, it covers none."""
    from tests.ui.test_plots import assert_legend_above_the_curves, stepped_once_beside_a_lesson_at_1280_by_720

    window = stepped_once_beside_a_lesson_at_1280_by_720(qtbot, view)
    plot = window.loss_plot.plot if view == "loss_plot" else window.accuracy_plot
    assert "训练集" in plot.getPlotItem().legend.items[0][1].text
    assert_legend_above_the_curves(plot)
    window.close()


def test_the_compare_tab_names_runs_in_chinese_words(qtbot, chinese):
    """A kept run's name is stored in identifiers ("tanh → relu, lr 0.03 → 0.1": the same in every language); the
    legend and the status bar say it in the window's words, its parts parted by the full-width comma that parts
    clauses, not by the enumeration comma of a list of names (tanh → ReLU，学习率 0.03 → 0.1)."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    train_then_pause(qtbot, window, steps=50)
    window.comparison.keep()
    window.layer_list.selectRow(0)
    activation = find(window, QComboBox, "activationInput")
    activation.setCurrentIndex(activation.findData("relu"))  # a new network, a new run
    type_and_enter(qtbot, find(window, QComboBox, "learningRateInput"), "0.1")
    train_then_pause(qtbot, window, steps=20)
    window.comparison.keep()
    assert window.comparison.runs[1].name == "tanh → relu, lr 0.03 → 0.1"  # as a file keeps it, in any language
    message = window.statusBar().currentMessage()
    assert message.endswith("tanh → ReLU，学习率 0.03 → 0.1") and english_words(message) == [], message
    window.plot_tabs.setCurrentWidget(window.compare_view)
    legend = window.compare_view.legend
    # Each name in one line, however the legend wraps it: after "，" or between words.
    qtbot.waitUntil(lambda: [re.sub("(?<=，)<br>\u00a0\u00a0", "", label.text).replace("<br>\u00a0\u00a0", " ")
                             for _, label in legend.items][1] == "2: tanh → ReLU，学习率 0.03 → 0.1")
    window.close()
