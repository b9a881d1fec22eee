"""Running a session on a thread of its own, as the GUI's worker does, with snapshots in a queue."""

from __future__ import annotations

import queue
import threading

from playground.data import load_dataset
from playground.project import load_preset
from playground.session import Session, Snapshot, TrainingConfig

WAIT_S = 10.0


def preset_session(name: str, **settings) -> Session:
    preset = load_preset(name)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, **settings)
    return Session(preset.network, load_dataset(preset.dataset), config)


class Runner:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.snapshots: queue.Queue[Snapshot] = queue.Queue()
        self.seen: list[Snapshot] = []  # every snapshot taken from the queue, in order
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            for snapshot in self.session.run():
                self.snapshots.put(snapshot)
        except BaseException as error:  # surfaced by the test that waits
            self.error = error

    def next(self, timeout: float = WAIT_S) -> Snapshot:
        try:
            snapshot = self.snapshots.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no snapshot within {timeout} s (error: {self.error!r})") from None
        self.seen.append(snapshot)
        return snapshot

    def wait_for(self, condition, timeout: float = WAIT_S) -> Snapshot:
        """The first snapshot that satisfies `condition`."""
        while True:
            snapshot = self.next(timeout)
            if condition(snapshot):
                return snapshot

    def drain(self) -> list[Snapshot]:
        found = []
        while True:
            try:
                found.append(self.snapshots.get_nowait())
            except queue.Empty:
                self.seen.extend(found)
                return found

    def stop(self) -> Snapshot:
        self.session.control.stop()
        final = self.wait_for(lambda s: s.final)
        self.thread.join(WAIT_S)
        assert not self.thread.is_alive()
        return final
