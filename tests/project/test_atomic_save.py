"""Saves are atomic: a process killed (SIGKILL) anywhere in a save leaves the old file whole.

A subprocess saves a 4 MiB project over the same path again and again; the test kills it at
random moments (and at two chosen ones) and opens the file after every kill. What a kill leaves
behind is a hidden ".<name>.<random>.part": never taken for a project (it does not end in
.bpp), and removed by a later save of the same file once it is stale.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy
import pytest

from playground.errors import FileFormatError
from playground.project import Project, bpp, load_preset, load_project, save_project

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = 2**20  # float32s of noise, which deflate cannot shrink: each save writes about 4 MiB
KILLS = 6
SEED = 20240601

# Saves a project of argv[4] weights to argv[1] forever, titled with a count that starts at argv[2] so that
# titles grow across runs. With a point of the save in argv[3] it stops there for good, and says so, to be killed.
SAVER = """
import os, sys, time, zipfile
import numpy
from playground.project import Project, load_preset, save_project

path, count, pause = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def stop(*args, **kwargs):
    print("paused", flush=True)
    time.sleep(600)

if pause == "before-rename":
    os.replace = stop
if pause == "mid-write":  # project.json, weights.npz and optimizer.npz written; history.npz not yet
    write = zipfile.ZipFile.writestr
    zipfile.ZipFile.writestr = lambda self, name, data: stop() if name == "history.npz" else write(self, name, data)
preset = load_preset("circle")
weights = numpy.random.default_rng(0).standard_normal(int(sys.argv[4])).astype(numpy.float32)
project = Project(preset.network, preset.optimizer, 10, dict(preset.dataset), arrays={"weights/big": weights})
print("ready", flush=True)
while True:
    count += 1
    project.title = str(count)
    save_project(project, path)
"""


def expected_weights() -> numpy.ndarray:
    return numpy.random.default_rng(0).standard_normal(WEIGHTS).astype(numpy.float32)


def first_version(path: Path) -> None:
    preset = load_preset("circle")
    save_project(Project(preset.network, preset.optimizer, 10, dict(preset.dataset), title="0",
                         arrays={"weights/big": expected_weights()}), path)


def start_saver(path: Path, count: int, pause: str | None = None) -> subprocess.Popen:
    saver = subprocess.Popen([sys.executable, "-c", SAVER, str(path), str(count), pause or "", str(WEIGHTS)],
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert saver.stdout.readline() == "ready\n"
    return saver


def kill(saver: subprocess.Popen) -> None:
    saver.send_signal(signal.SIGKILL)
    saver.wait(30)
    saver.stdout.close()
    assert saver.returncode == -signal.SIGKILL  # killed, not finished or crashed on its own


def whole_version(path: Path, weights: numpy.ndarray) -> int:
    """The title of the project at `path`, after checking it loads and holds exactly what was saved."""
    project = load_project(path)
    assert numpy.array_equal(project.arrays["weights/big"], weights)
    assert project.network == load_preset("circle").network
    return int(project.title)


def leftovers(folder: Path, path: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p != path)


def test_a_save_killed_at_random_moments_leaves_a_whole_file(tmp_path):
    path = tmp_path / "project.bpp"
    first_version(path)
    weights, timing = expected_weights(), random.Random(SEED)
    version = 0
    for _ in range(KILLS):
        saver = start_saver(path, version)
        time.sleep(timing.uniform(0.0, 0.5))  # a few saves' worth: anywhere in one, or between two
        kill(saver)
        newer = whole_version(path, weights)
        assert newer >= version  # never an older save than one already seen in place
        version = newer
    # Leftovers are hidden .part files of this project: nothing that a listing of projects would show.
    assert sorted(tmp_path.glob("*.bpp")) == [path]
    for part in leftovers(tmp_path, path):
        assert part.name.startswith(".project.bpp.") and part.suffix == ".part", part.name
        try:  # cut short (refused), or complete but not yet renamed (then it is a whole project too)
            whole_version(part, weights)
        except FileFormatError:
            pass


@pytest.mark.parametrize("pause", ["mid-write", "before-rename"])
def test_a_save_killed_at_its_worst_moments_leaves_the_old_file(tmp_path, pause):
    path = tmp_path / "project.bpp"
    first_version(path)
    before = path.read_bytes()
    saver = start_saver(path, 41, pause)
    assert saver.stdout.readline() == "paused\n"
    kill(saver)
    assert path.read_bytes() == before and whole_version(path, expected_weights()) == 0
    [part] = leftovers(tmp_path, path)
    assert part.name.startswith(".project.bpp.") and part.suffix == ".part"
    if pause == "mid-write":  # half a zip: refused, not half loaded
        with pytest.raises(FileFormatError, match="not a readable project file"):
            load_project(part)
    else:  # all written, the rename never happened: the new version sits complete beside the old
        assert whole_version(part, expected_weights()) == 42


def test_the_next_save_removes_stale_parts_and_keeps_recent_ones(tmp_path):
    path = tmp_path / "project.bpp"
    first_version(path)
    saver = start_saver(path, 0, "mid-write")
    assert saver.stdout.readline() == "paused\n"
    kill(saver)
    [stale] = leftovers(tmp_path, path)
    an_hour_ago = time.time() - bpp.STALE_PART_S - 60
    os.utime(stale, (an_hour_ago, an_hour_ago))
    recent = tmp_path / ".project.bpp.another-save-running.part"  # another process may be saving right now
    recent.write_bytes(b"in progress")
    other = tmp_path / ".other.bpp.x.part"  # another project's: not this save's to judge
    other.write_bytes(b"")
    os.utime(other, (an_hour_ago, an_hour_ago))
    first_version(path)
    assert leftovers(tmp_path, path) == sorted([recent, other])
    assert whole_version(path, expected_weights()) == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_saved_file_gets_the_umask_s_mode_and_a_file_saved_over_keeps_its_own(tmp_path):
    """Saves left 0600, the temporary file's mode, so that a project saved to share could not be read by others."""
    preset = load_preset("circle")
    project = Project(preset.network, preset.optimizer, 10, dict(preset.dataset))
    path = tmp_path / "shared.bpp"
    umask = os.umask(0o022)
    try:
        save_project(project, path)
        assert oct(os.stat(path).st_mode & 0o777) == oct(0o644)
        os.umask(0o077)  # a stricter umask changes no file that exists
        os.chmod(path, 0o640)
        save_project(project, path)
        assert oct(os.stat(path).st_mode & 0o777) == oct(0o640)
        save_project(project, tmp_path / "private.bpp")
        assert oct(os.stat(tmp_path / "private.bpp").st_mode & 0o777) == oct(0o600)
    finally:
        os.umask(umask)
    assert load_project(path).network == project.network
