"""Image sets that are not downloaded yet: the window asks, then downloads them off the GUI
thread with a progress dialog, and goes on with the data once it is here. Where nothing can
download them (no torchvision), it says so first and offers to read their files from a folder
instead. The question to download offers that too, for a person who has the files. A folder that was read is kept
in QSettings, and the set is read from it again the next time, without a question, while it still holds the files."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
from superqt.utils import thread_worker

from playground.data import Dataset, DatasetConfig, dataset_title, load_dataset, user_data_dir
from playground.data.images import needs_download
from playground.errors import PlaygroundError, install_advice
from playground.ui.translation import tr

FOLDERS_SETTING = "image_set_folders"  # then "/<name>": the folder an image set's files were last read from


def missing_download(config: dict[str, Any]) -> str | None:
    """The title of the image set `config` asks for when it still has to be downloaded, else None."""
    parsed = DatasetConfig.from_dict(config)
    return dataset_title(parsed.name) if needs_download(parsed) else None


def can_download() -> bool:
    """Whether torchvision, which downloads the image sets, is installed here."""
    return importlib.util.find_spec("torchvision") is not None


def folder_files(name: str) -> str:
    """The files a folder must hold for image set `name`, in words, as the folder reader takes them."""
    if name == "cifar10":
        return tr("CIFAR-10's python batches (data_batch_1 … test_batch)")
    return tr("the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-…), gzipped or not")


def ask_download(parent: QWidget, title: str, name: str) -> str:
    """"download", "folder" (read image set `name`'s files from a folder instead) or "cancel": what to do about
    `title`, which is not on this computer yet."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Download {0}?").format(title),
                      tr("{0} is not on this computer yet. Download it now? It is kept in {1} for next time. If you "
                         "have its files, {2}, you can read them from a folder instead.")
                      .format(title, user_data_dir(), folder_files(name)), parent=parent)
    box.setObjectName("downloadQuestion")
    download = box.addButton(tr("Download"), QMessageBox.ButtonRole.AcceptRole)
    folder = box.addButton(tr("Read from a folder…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(download)
    box.exec()
    return {download: "download", folder: "folder"}.get(box.clickedButton(), "cancel")


@thread_worker
def _download(config: dict[str, Any], progress: Callable[[str, int, int], None]) -> Dataset:
    return load_dataset(config, progress)


class Folders(Protocol):
    """Where a file dialog opens, and remembering the folder chosen in one (ProjectFiles keeps both)."""

    def start_folder(self) -> str: ...

    def remember_folder(self, folder: str) -> None: ...


class DataDownloads(QObject):
    failed = Signal(str, str)  # why a download failed, and the title of the box that says so
    progressed = Signal(str, int, int)  # (what, bytes done, bytes in all), from the download's thread

    def __init__(self, window: QWidget, folders: Folders) -> None:
        """`window`: the one the questions and the progress dialog open over; `folders`: where a folder
        dialog opens, and where the next one will."""
        super().__init__(window)
        self.window, self.folders = window, folders
        self._dialog: QProgressDialog | None = None
        self.download_worker: Any = None
        self.progressed.connect(self._show_progress)  # queued to the GUI thread: this object lives there

    def offer_download(self, config: dict[str, Any], title: str, then: Callable[[dict, Dataset], None]) -> bool:
        """Ask to download `title`; when the person agrees, download it and call `then` with the config
        and the data. Without torchvision, offer its files from a folder instead. False when declined. A folder its
        files were read from before is read again, and nothing is asked."""
        if self._read_remembered_folder(config, then):
            return True
        if not can_download():
            return self._offer_folder(config, title, then)
        answer = ask_download(self.window, title, DatasetConfig.from_dict(config).name)
        if answer == "folder":
            return self.read_image_folder(config, title, then)
        if answer != "download":
            return False
        dialog = QProgressDialog(self.tr("Downloading {0}…").format(title), "", 0, 0, self.window)
        dialog.setCancelButton(None)  # a download in progress cannot be interrupted cleanly
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self._dialog = dialog
        worker = _download(config, self.progressed.emit)
        worker.returned.connect(lambda dataset: then(config, dataset))
        worker.errored.connect(lambda error: self.failed.emit(str(error), self.tr("{0} not downloaded").format(title)))
        worker.finished.connect(dialog.close)
        self.download_worker = worker
        worker.start()
        return True

    def _show_progress(self, what: str, done: int, total: int) -> None:
        dialog = self._dialog
        dialog.setLabelText(self.tr("Downloading {0}: {1:.1f} MB").format(what, done / 2**20))
        dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)

    def _offer_folder(self, config: dict[str, Any], title: str, then: Callable[[dict, Dataset], None]) -> bool:
        """Say that `title` cannot be downloaded here and why, and offer to read its files from a folder;
        False when the person does not choose one, or the folder does not hold the set."""
        name = DatasetConfig.from_dict(config).name
        advice = install_advice("torchvision", "pip install 'backprop-playground[datasets]'")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("{0} is not on this computer").format(title),
                          self.tr("{0} is not on this computer, and downloading it needs torchvision, which is not "
                                  "installed ({1}). If you have its files, {2}, choose the folder that holds them.")
                          .format(title, advice, folder_files(name)), parent=self.window)
        choose = box.addButton(self.tr("Choose folder…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("noDownloadNotice")
        box.exec()
        return box.clickedButton() is choose and self.read_image_folder(config, title, then)

    def read_image_folder(self, config: dict[str, Any], title: str, then: Callable[[dict, Dataset], None]) -> bool:
        """Ask for the folder of `title`'s files and call `then` with the config that reads it and the
        data; False when none was chosen or it does not hold the set (which says why)."""
        name = DatasetConfig.from_dict(config).name
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("The folder with {0}'s files: {1}").format(title, folder_files(name)),
            self.folders.start_folder())
        if not folder:
            return False
        self.folders.remember_folder(folder)
        chosen = {**config, "source_folder": folder}
        try:
            dataset = load_dataset(chosen)  # read from the folder: nothing to download
        except PlaygroundError as error:
            QMessageBox.warning(self.window, self.tr("{0} not loaded").format(title), str(error))
            return False
        QSettings().setValue(f"{FOLDERS_SETTING}/{name}", folder)
        then(chosen, dataset)
        return True

    def _read_remembered_folder(self, config: dict[str, Any], then: Callable[[dict, Dataset], None]) -> bool:
        """Call `then` with the image set of `config` read from the folder it was last read from; False when there
        is none, or the folder no longer holds the set (then the person is asked as before)."""
        folder = QSettings().value(f"{FOLDERS_SETTING}/{DatasetConfig.from_dict(config).name}")
        if not isinstance(folder, str) or not Path(folder).is_dir():
            return False
        chosen = {**config, "source_folder": folder}
        try:
            dataset = load_dataset(chosen)
        except PlaygroundError:
            return False
        then(chosen, dataset)
        return True
