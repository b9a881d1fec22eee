import pytest


@pytest.fixture(autouse=True)
def closing_discards_unsaved_work(monkeypatch):
    """Windows in tests close without the unsaved-changes question, which would wait for a click;
    the tests of that question set their own answer."""
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda window: "discard")
