import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def no_dialog_waits_for_a_click(monkeypatch):
    """A modal question would wait for a click that never comes: windows in tests close without the
    unsaved-changes question, and other questions are answered No (tests of them set their own
    answers), warnings and notices recorded instead of shown."""
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda window: "discard")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)
