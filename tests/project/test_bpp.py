"""The .bpp file: round trips, atomic writes, and bad files that load nothing."""

import io
import json
import zipfile

import numpy
import pytest

from playground.errors import FileFormatError
from playground.project import Project, bpp, load_preset, load_project, save_project
from playground.project.bpp import StepperPlace
from playground.project.lessons import LessonPlace


def sample_project() -> Project:
    preset = load_preset("circle")
    arrays = {"weights/1.W": numpy.arange(8.0).reshape(2, 4), "order": numpy.arange(250)}
    progress = {"step": 3, "epoch": 0, "samples": 30, "position": 30, "batch_size": 10, "optimizer_steps": 3,
                "learning_rate": 0.03, "l1": 0.0, "l2": 0.0, "epoch_loss_sum": 2.0, "epoch_steps": 3,
                "shuffle_rng": numpy.random.default_rng(1).bit_generator.state}
    return Project(preset.network, preset.optimizer, 10, {"name": "circle"}, 7, 100, "Circle", {"zoom": 1},
                   progress, arrays)


def test_round_trip(tmp_path):
    path = tmp_path / "p.bpp"
    save_project(sample_project(), path)
    loaded = load_project(path)
    original = sample_project()
    assert loaded.network == original.network and loaded.optimizer == original.optimizer
    assert loaded.dataset["name"] == "circle" and loaded.seed == 7 and loaded.epochs == 100
    assert loaded.progress == original.progress and loaded.view == {"zoom": 1}
    assert numpy.array_equal(loaded.arrays["weights/1.W"], original.arrays["weights/1.W"])
    assert sorted(zipfile.ZipFile(path).namelist()) == ["history.npz", "optimizer.npz", "project.json", "weights.npz"]
    with numpy.load(io.BytesIO(zipfile.ZipFile(path).read("weights.npz"))) as weights:
        assert weights.files == ["1.W"]


def test_the_epoch_to_stop_at_is_kept_and_a_file_without_one_trains_until_paused(tmp_path):
    path = tmp_path / "p.bpp"
    project = sample_project()
    assert project.stop_at_epoch is None
    save_project(project, path)
    assert load_project(path).stop_at_epoch is None
    project.stop_at_epoch = 40
    save_project(project, path)
    assert load_project(path).stop_at_epoch == 40
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    assert document["training"]["stop_at_epoch"] == 40
    del document["training"]["stop_at_epoch"]  # as files from before it have it
    older = tmp_path / "older.bpp"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(older, "w") as target:
        for member in source.namelist():
            target.writestr(member, json.dumps(document) if member == "project.json" else source.read(member))
    assert load_project(older).stop_at_epoch is None


def test_the_lesson_a_project_is_in_is_kept_and_older_files_are_in_none(tmp_path):
    path = tmp_path / "p.bpp"
    project = sample_project()
    save_project(project, path)
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    assert "lesson" not in document and load_project(path).lesson is None  # as files from before lessons were saved
    project.lesson = LessonPlace("overfit", 4, (3, 4))
    save_project(project, path)
    assert load_project(path).lesson == LessonPlace("overfit", 4, (3, 4))
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    # Older versions read no "lesson", so the format stays the one they open.
    assert document["lesson"] == {"name": "overfit", "step": 4, "made": [3, 4]} and document["format"] == 1


def test_the_step_held_in_the_stepper_is_kept_and_older_files_hold_none(tmp_path):
    path = tmp_path / "p.bpp"
    project = sample_project()
    save_project(project, path)
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    assert "stepper" not in document and load_project(path).stepper is None  # as files from before it was saved
    project.stepper = StepperPlace(17, 4, "2.W", {"1.W": (5, 3), "2.b": (1, 0)})
    save_project(project, path)
    assert load_project(path).stepper == project.stepper
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    # Older versions read no "stepper" and open the project at the step it was saved at, in the format they open.
    assert document["stepper"] == {"example": 17, "phase": 4, "follows": "2.W",
                                   "picked": {"1.W": [5, 3], "2.b": [1, 0]}}
    assert document["format"] == 1
    project.stepper = StepperPlace(None, 0)  # traced on the mini-batch, at the first phase, nothing picked
    save_project(project, path)
    assert load_project(path).stepper == StepperPlace(None, 0, None, {})
    # A network on images: the cells picked in its conv and pooling phases, by layer and direction.
    project.stepper = StepperPlace(3, 12, None, {}, {("1", "forward"): (5, 3, 6), ("3", "backward"): (2, 1, 0, 7),
                                                     ("5", "forward"): (27,)})
    save_project(project, path)
    assert load_project(path).stepper == project.stepper
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    assert document["stepper"]["cells"] == {"forward": {"1": [5, 3, 6], "5": [27]}, "backward": {"3": [2, 1, 0, 7]}}
    # The heatmaps' zoom, by shape: the rows and columns of the 200×64 matrices shown.
    project.stepper = StepperPlace(None, 3, zoom={(200, 64): (10.5, 40.0, 12.25, 8.0)})
    save_project(project, path)
    assert load_project(path).stepper == project.stepper
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    assert document["stepper"]["zoom"] == [{"shape": [200, 64], "region": [10.5, 40.0, 12.25, 8.0]}]


def test_a_failed_save_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    path = tmp_path / "p.bpp"
    save_project(sample_project(), path)
    before = path.read_bytes()

    def broken(self, name, data, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", broken)
    with pytest.raises(Exception, match="Cannot save p.bpp"):
        save_project(sample_project(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.bpp"]


def write_zip(path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def good_members(tmp_path) -> dict[str, bytes]:
    save_project(sample_project(), tmp_path / "good.bpp")
    with zipfile.ZipFile(tmp_path / "good.bpp") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pickled_state() -> bytes:
    buffer = io.BytesIO()
    numpy.savez(buffer, order=numpy.array([{"a": 1}], dtype=object))
    return buffer.getvalue()


@pytest.mark.parametrize("change, message", [
    (lambda m: {"project.json": b"{}"}, "no format version"),
    (lambda m: {**m, "project.json": b"not json"}, "not valid JSON"),
    (lambda m: {**m, "../escape.txt": b"x"}, "holds '../escape.txt', which a project file never has"),
    (lambda m: {"weights.npz": m["weights.npz"]}, "has no project.json"),
    (lambda m: {**m, "project.json": json.dumps({"format": 99}).encode()}, "newer Backprop Playground"),
    (lambda m: {**m, "optimizer.npz": pickled_state()}, "optimizer.npz cannot be read .*pickled or damaged"),
    (lambda m: {**m, "project.json": m["project.json"].replace(b'"dense"', b'"conv9d"')}, "unknown type 'conv9d'"),
    (lambda m: {**m, "project.json": m["project.json"].replace(b'"batch_size": 10', b'"batch_size": "ten"')},
     "batch size must be a whole number"),
    (lambda m: {**m, "project.json": m["project.json"].replace(b'"step": 3', b'"step": "3"')},
     "lacks a valid step"),
])
def test_bad_project_files_say_what_is_wrong(tmp_path, change, message):
    path = tmp_path / "bad.bpp"
    write_zip(path, change(good_members(tmp_path)))
    with pytest.raises(FileFormatError, match=message):
        load_project(path)


def test_not_a_zip_and_truncated_files(tmp_path):
    (tmp_path / "text.bpp").write_text("hello")
    with pytest.raises(FileFormatError, match="not a readable project file"):
        load_project(tmp_path / "text.bpp")
    save_project(sample_project(), tmp_path / "whole.bpp")
    data = (tmp_path / "whole.bpp").read_bytes()
    (tmp_path / "cut.bpp").write_bytes(data[: len(data) // 2])
    with pytest.raises(FileFormatError):
        load_project(tmp_path / "cut.bpp")
    with pytest.raises(FileFormatError, match="There is no file"):
        load_project(tmp_path / "missing.bpp")


def test_a_member_that_unpacks_past_the_limit_is_refused_unopened(tmp_path, monkeypatch):
    monkeypatch.setattr(bpp, "MAX_STATE_BYTES", 1000)
    members = good_members(tmp_path)
    members["history.npz"] = bytes(5000)  # compresses to almost nothing, unpacks past the limit
    path = tmp_path / "bomb.bpp"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(FileFormatError, match="arrays would unpack to .* bytes, more than the 1,000"):
        load_project(path)
