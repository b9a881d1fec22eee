"""Image sets that are not downloaded yet: the window asks, then downloads them off the GUI
thread with a progress dialog, and goes on with the data once it is here. A mixin of MainWindow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog
from superqt.utils import thread_worker

from playground.data import Dataset, DatasetConfig, load_dataset, user_data_dir
from playground.data.images import IMAGE_SETS, needs_download


def missing_download(config: dict[str, Any]) -> str | None:
    """The title of the image set `config` asks for when it still has to be downloaded, else None."""
    parsed = DatasetConfig.from_dict(config)
    return IMAGE_SETS[parsed.name][0] if needs_download(parsed) else None


@thread_worker
def _download(config: dict[str, Any], progress: Callable[[str, int, int], None]) -> Dataset:
    return load_dataset(config, progress)


class DownloadProgress(QObject):
    """Carries (what, bytes done, bytes in all) from the download's thread; a method of the window
    receives it, so Qt queues it to the GUI thread. Its own object, because a signal declared on
    the window class would disorder PySide's meta-object, which the window's slots extend."""

    progressed = Signal(str, int, int)


class DataDownloads(QMainWindow):
    def _init_downloads(self) -> None:
        self._download_dialog: QProgressDialog | None = None
        self.download_worker: Any = None
        self._download_progress = DownloadProgress(self)
        self._download_progress.progressed.connect(self._show_progress)

    def _offer_download(self, config: dict[str, Any], title: str, then: Callable[[Dataset], None]) -> bool:
        """Ask to download `title`; when the person agrees, download it and call `then` with the data.
        False when declined."""
        answer = QMessageBox.question(
            self, self.tr("Download {0}?").format(title),
            self.tr("{0} is not on this computer yet. Download it now? It is kept in {1} for next time.")
            .format(title, user_data_dir()))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        dialog = QProgressDialog(self.tr("Downloading {0}…").format(title), "", 0, 0, self)
        dialog.setCancelButton(None)  # a download in progress cannot be interrupted cleanly
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self._download_dialog = dialog
        worker = _download(config, self._download_progress.progressed.emit)
        worker.returned.connect(then)
        worker.errored.connect(lambda error: self._failed(str(error)))
        worker.finished.connect(dialog.close)
        self.download_worker = worker
        worker.start()
        return True

    def _show_progress(self, what: str, done: int, total: int) -> None:
        dialog = self._download_dialog
        dialog.setLabelText(self.tr("Downloading {0}: {1:.1f} MB").format(what, done / 2**20))
        dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)
