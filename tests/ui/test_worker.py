"""The training worker under pytest-qt: snapshots arrive on the GUI thread, commands take effect
within a step, stop leaves no thread running, and failures arrive as messages."""

import threading
import time

from PySide6.QtCore import QThread, QThreadPool

from playground.session import Session
from playground.ui.worker import TrainingWorker
from tests.session.helpers import preset_session


def make_worker(qtbot, session: Session) -> tuple[TrainingWorker, list]:
    worker = TrainingWorker(session)
    received = []
    worker.snapshot.connect(lambda snapshot: received.append((snapshot, QThread.currentThread())))
    worker.start()
    return worker, received


def test_snapshots_arrive_on_the_gui_thread_and_stop_leaves_no_thread(qtbot):
    worker, received = make_worker(qtbot, preset_session("circle"))
    qtbot.waitUntil(lambda: len(received) >= 3, timeout=10_000)
    gui = QThread.currentThread()
    assert all(thread is gui for _, thread in received)
    assert received[-1][0].step > received[0][0].step
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        assert worker.stop()
    assert not worker.running
    assert received[-1][0].final and received[-1][0].state == "stopped"
    assert QThreadPool.globalInstance().waitForDone(5_000)
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def test_pause_takes_effect_within_a_step_while_the_gui_is_busy(qtbot):
    session = preset_session("digits-mlp")
    worker, received = make_worker(qtbot, session)
    qtbot.waitUntil(lambda: session.step > 50, timeout=10_000)
    worker.control.pause()
    time.sleep(0.5)  # the GUI thread is busy and processes no events: the worker pauses anyway
    halted = session.step
    time.sleep(0.3)
    assert session.step == halted
    qtbot.waitUntil(lambda: received and received[-1][0].state == "paused", timeout=10_000)
    worker.control.step()
    qtbot.waitUntil(lambda: received[-1][0].step == halted + 1, timeout=10_000)
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()


def test_an_error_in_the_worker_reaches_the_gui_as_a_message(qtbot, monkeypatch):
    session = preset_session("circle")

    def broken(*_):
        raise RuntimeError("CUDA error: an illegal memory access was encountered")

    monkeypatch.setattr(session, "_run_steps", broken)
    worker = TrainingWorker(session)
    with qtbot.waitSignal(worker.failed, timeout=10_000) as failure:
        worker.start()
    assert "internal error (RuntimeError: CUDA error" in failure.args[0]
    qtbot.waitUntil(lambda: not worker.running, timeout=5_000)


def test_stopping_a_worker_that_never_started_is_immediate(qtbot):
    worker = TrainingWorker(preset_session("circle"))
    assert worker.stop(timeout_s=0.1) and not worker.running


def test_garbage_is_collected_on_the_gui_thread_while_the_worker_trains(qtbot):
    """Python's cyclic collector ran on whichever thread allocated past its threshold, the training thread most
    often: Qt objects of windows gone were destroyed there, which deadlocked with the GUI thread (a CI run hung)."""
    session = preset_session("circle")
    worker, received = make_worker(qtbot, session)
    qtbot.waitUntil(lambda: session.step > 20, timeout=10_000)
    collected_on = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            collected_on.append(threading.current_thread())

    for _ in range(300):
        Cycle()
    qtbot.waitUntil(lambda: len(collected_on) == 300, timeout=20_000)
    assert set(collected_on) == {threading.main_thread()}
    assert worker.stop()
