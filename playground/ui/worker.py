"""Runs a training session off the GUI thread and hands its snapshots to the GUI.

superqt's generator worker iterates the session in Qt's thread pool; commands (pause, step,
stop, ...) go straight to the session's own thread-safe channel, so they take effect within
one step however busy the GUI is.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QObject, Signal
from superqt.utils import create_worker

from playground.errors import PlaygroundError
from playground.session import Session, Snapshot
from playground.ui.translation import tr

STOP_TIMEOUT_S = 5.0
# Python's cyclic garbage collector runs on whichever thread allocates past its threshold: on the training thread
# it destroyed the Qt objects of windows gone (a test's, or a closed project's) there, which deadlocked with the GUI
# thread's own deletions on Qt's connection locks (seen in CI: a hang) or crashed. pyqtgraph's collector turns the
# automatic one off and collects on a timer of the GUI thread instead, from the first worker on.
_COLLECTOR: list[GarbageCollector] = []


@dataclass(frozen=True)
class WorkerFailure:
    message: str


def _guarded(session: Session, done: threading.Event) -> Iterator[Snapshot | WorkerFailure]:
    # Every failure becomes a message: superqt would turn a RuntimeError (CUDA's errors among
    # them) into a warning and drop it.
    try:
        yield from session.run()
    except PlaygroundError as error:
        yield WorkerFailure(str(error))
    except Exception as error:  # a bug, not the user's doing: say so, keep the details on stderr
        traceback.print_exc()
        yield WorkerFailure(tr("Training stopped because of an internal error ({0}: {1}). Please report it; the "
                               "details are in the terminal output.").format(type(error).__name__, error))
    finally:
        done.set()


class TrainingWorker(QObject):
    snapshot = Signal(object)  # each Snapshot, at most about 30 a second
    failed = Signal(str)
    finished = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.control = session.control
        self._done = threading.Event()
        self._started = False
        self._worker = create_worker(_guarded, session, self._done, _start_thread=False)
        self._worker.yielded.connect(self._route)
        self._worker.finished.connect(self.finished)

    def start(self) -> None:
        if not _COLLECTOR:
            _COLLECTOR.append(GarbageCollector(interval=1.0))
        self._started = True
        self._worker.start()

    @property
    def running(self) -> bool:
        return self._started and not self._done.is_set()

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> bool:
        """Ask the session to stop and wait for it, at most `timeout_s`; True when it has."""
        if not self._started or self._done.is_set():
            return True  # a stop left in the session's queue would end its next run at once
        self.control.stop()
        return self._done.wait(timeout_s)

    def _route(self, item: Snapshot | WorkerFailure) -> None:
        if isinstance(item, WorkerFailure):
            self.failed.emit(item.message)
        else:
            self.snapshot.emit(item)
