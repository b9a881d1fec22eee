"""`playground train`: a session run headless, reported per epoch as a table or as JSON lines."""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

from playground.cli_inputs import MAX_SEED, read_user_file
from playground.data import DatasetConfig, load_dataset
from playground.engine import NetworkSpec, OptimizerSpec
from playground.errors import PlaygroundError, parse_json, whole
from playground.project import Project, load_preset, load_project, save_project
from playground.project.presets import preset_from_dict
from playground.session import Session, Snapshot, project_of, session_for

DEFAULT_EPOCHS = 10
# A run this long takes days even for the smallest network; beyond it a typo, not a plan.
MAX_EPOCHS = 1_000_000
BAR_WIDTH = 30


def train(args: argparse.Namespace) -> int:
    if args.epochs is not None:
        whole(args.epochs, "--epochs", minimum=1, maximum=MAX_EPOCHS)
    if args.seed is not None:
        whole(args.seed, "--seed", minimum=0, maximum=MAX_SEED)
    if args.save is not None:
        check_destination(args.save)  # before training: a refused path would throw the whole run away
    project = _project_to_train(args)
    if args.seed is not None:
        project.seed = args.seed
    done = project.progress["epoch"] if project.progress else 0
    epochs = args.epochs or (DEFAULT_EPOCHS if project.progress else project.epochs or DEFAULT_EPOCHS)
    dataset = load_dataset(project.dataset, progress=None if args.json else download_progress)
    session = session_for(project, dataset, epochs=done + epochs, backend=args.backend, dtype=args.dtype,
                          every_epoch=True, details=False)
    report = _JsonReport() if args.json else _TableReport(done, done + epochs, dataset.task != "regression")
    if args.explain_auto and session.backend_notice is not None:  # why auto took NumPy, the inputs known sound
        print(f"notice: {session.backend_notice}", file=sys.stderr, flush=True)
    for snapshot in session.run():
        if snapshot.state == "diverged":
            message = snapshot.message or "Training diverged."
            if args.save:  # the session is back at its last finite state: worth keeping to resume from
                save_project(_trained(session, project), args.save)
                message += f" That state, at step {snapshot.step}, is saved in {args.save}."
            raise PlaygroundError(message)
        if snapshot.epoch_report is not None:
            report.epoch(snapshot)
        if snapshot.final:
            report.done(snapshot)
    if args.save is not None:
        save_project(_trained(session, project), args.save)
        if not args.json:
            print(f"saved {args.save}")
    return 0


def _trained(session: Session, project: Project) -> Project:
    """The project as trained, keeping what only the window uses (its training speed, the epoch it stops at, the
    lesson it shows, the runs kept for comparison and which of them its run is): the command line trains at full speed
    to its own end, and a project it saves opens in the window as it was, its run trained on."""
    trained = project_of(session, project.dataset, project.title, project.view)
    trained.pace, trained.stop_at_epoch, trained.lesson = project.pace, project.stop_at_epoch, project.lesson
    trained.runs, trained.run_kept_as = project.runs, project.run_kept_as
    return trained


def _project_to_train(args: argparse.Namespace) -> Project:
    if args.preset is not None:
        preset = load_preset(args.preset)
    elif Path(args.file).suffix == ".bpp":
        project = load_project(args.file)
        if args.dataset:
            raise PlaygroundError("A project keeps its own dataset: leave out --dataset.")
        return project
    else:
        path = Path(args.file)
        data = parse_json(read_user_file(args.file), str(path))
        if not (isinstance(data, dict) and "network" in data):
            if not args.dataset:
                raise PlaygroundError(f"{path} holds a network only: name its data with --dataset (for example "
                                      "--dataset circle).")
            dataset = DatasetConfig.from_dict({"name": args.dataset}).to_dict()
            return Project(NetworkSpec.from_dict(data), OptimizerSpec(), 32, dataset, title=path.stem)
        preset = preset_from_dict(path.stem, data)
    dataset = {"name": args.dataset} if args.dataset else dict(preset.dataset)
    return Project(preset.network, preset.optimizer, preset.batch_size, DatasetConfig.from_dict(dataset).to_dict(),
                   epochs=preset.epochs, title=preset.title)


def check_destination(path: str) -> None:
    """Refuse a place to save a project that cannot be written, before anything runs."""
    if not path.strip():
        raise PlaygroundError("--save needs a file name, such as --save trained.bpp.")
    target = Path(path)
    if target.is_dir():
        raise PlaygroundError(f"--save names the folder {path}: give a file inside it, such as "
                              f"{target / 'trained.bpp'}.")
    if target.suffix != ".bpp":
        raise PlaygroundError(f"--save {path} is not a project file name: end it with .bpp.")
    folder = target.parent
    while not folder.exists() and folder != folder.parent:  # saving makes the missing folders
        folder = folder.parent
    if not folder.is_dir():
        raise PlaygroundError(f"--save {path} lies inside {folder}, which is a file: choose another place.")
    try:  # a file made and removed at once: permissions alone do not tell (root, read-only mounts, /proc)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise PlaygroundError(f"Cannot write to {folder} ({error.strerror}): choose another place for --save.") \
            from None


def download_progress(what: str, done: int, total: int) -> None:
    share = f"{100 * done / total:5.1f}%" if total else f"{done / 2**20:.1f} MiB"
    print(f"\rDownloading {what}: {share}", end="", file=sys.stderr, flush=True)


def _metrics(snapshot: Snapshot) -> dict[str, Any]:
    report = snapshot.epoch_report
    values: dict[str, Any] = {"epoch": snapshot.epoch, "train_loss": report.train_loss, "test_loss": report.test_loss}
    if report.test_accuracy is not None:
        values["train_accuracy"] = snapshot.train_accuracy
        values["test_accuracy"] = report.test_accuracy
    values["samples_per_s"] = round(snapshot.samples_per_s, 1)
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in values.items()}


class _JsonReport:
    def __init__(self) -> None:
        self.last: dict[str, Any] = {}

    def epoch(self, snapshot: Snapshot) -> None:
        self.last = _metrics(snapshot)
        print(json.dumps(self.last), flush=True)

    def done(self, snapshot: Snapshot) -> None:
        print(json.dumps({"done": True, "state": snapshot.state, "steps": snapshot.step, **self.last}), flush=True)


class _TableReport:
    def __init__(self, first: int, epochs: int, classification: bool) -> None:
        self.first, self.epochs = first, epochs
        self.classification = classification
        self.every = max(1, (epochs - first) // 20)  # about twenty rows, however long the run
        self.tty = sys.stderr.isatty()
        header = f"{'epoch':>7} {'train loss':>12} {'test loss':>12}"
        if classification:
            header += f" {'train acc':>10} {'test acc':>10}"
        print(header + f" {'samples/s':>12}", flush=True)

    def epoch(self, snapshot: Snapshot) -> None:
        if self.tty:
            done = (snapshot.epoch - self.first) / (self.epochs - self.first)
            bar = "#" * int(BAR_WIDTH * done)
            print(f"\r[{bar:<{BAR_WIDTH}}] {snapshot.epoch}/{self.epochs}", end="", file=sys.stderr, flush=True)
        if snapshot.epoch % self.every and snapshot.epoch != self.epochs:
            return
        if self.tty:
            print("\r" + " " * (BAR_WIDTH + 20) + "\r", end="", file=sys.stderr)
        m = _metrics(snapshot)
        row = f"{m['epoch']:>7} {_number(m['train_loss']):>12} {_number(m['test_loss']):>12}"
        if self.classification:
            row += f" {_number(m.get('train_accuracy')):>10} {_number(m.get('test_accuracy')):>10}"
        rate = m["samples_per_s"]  # None when no training time passed since the last row
        print(row + (f" {rate:>12,.0f}" if rate is not None else f" {'-':>12}"), flush=True)

    def done(self, snapshot: Snapshot) -> None:
        if self.tty:
            print("\r" + " " * (BAR_WIDTH + 20) + "\r", end="", file=sys.stderr)
        epochs, steps = ("epoch" if snapshot.epoch == 1 else "epochs"), ("step" if snapshot.step == 1 else "steps")
        print(f"{snapshot.state} after {snapshot.epoch} {epochs} ({snapshot.step:,} {steps})", flush=True)


def _number(value: Any) -> str:
    return "-" if value is None else f"{value:.4f}"
