import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox


@pytest.fixture(autouse=True)
def no_dialog_waits_for_a_click(monkeypatch):
    """A modal question would wait for a click that never comes: windows in tests close without the
    unsaved-changes question, a download is declined, and other questions are answered No (tests of them set their own
    answers), warnings and notices recorded instead of shown."""
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda window: "discard")
    monkeypatch.setattr("playground.ui.downloads.ask_download", lambda window, title, name: "cancel")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)


@pytest.fixture(autouse=True)
def no_file_dialog_waits_for_a_choice(monkeypatch):
    """A file dialog a test did not answer would wait for ever: it fails the test instead."""
    def unanswered(*args, **kwargs):
        raise AssertionError(f"a file dialog opened that the test does not answer: {args[1:2]}")
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, unanswered)


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path, monkeypatch):
    """Each test's own data folder: autosaves, caches and locks never meet another test's or the user's."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    """Each test's own settings: a window closed by one test saves its splitters' sizes, which the next
    test's window would otherwise open with (a narrow tab pane left by a test at another size)."""
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "settings"))
