"""Kept runs: named by how they differ from the run before, and kept in the project file, checked on load."""

import copy
import json
import re
import zipfile

import numpy
import pytest

from playground import words
from playground.data import DatasetConfig
from playground.engine import NetworkSpec
from playground.errors import FileFormatError
from playground.project import bpp, load_preset, load_project, save_project
from playground.project.runs import (
    MAX_KEPT_RUNS,
    MAX_RUN_SERIES,
    KeptRun,
    RunSetup,
    describe_change,
    final_metrics,
    kept_history,
    shown_name,
)
from playground.session import project_of
from playground.session.state import GRADIENT
from tests.project.test_bad_files import (
    npz_arrays,
    npz_bytes,
    saved_members,
    with_arrays,
    with_document,
    zip_bytes,
)
from tests.session.helpers import preset_session
from tests.session.test_resume import next_losses


def setup_of(preset: str) -> RunSetup:
    found = load_preset(preset)
    return RunSetup(found.network, found.optimizer, found.batch_size, found.dataset)


def changed(setup: RunSetup, layers=None, **optimizer) -> RunSetup:
    result = copy.deepcopy(setup)
    if layers is not None:
        spec = result.network.to_dict()
        spec["layers"] = layers(spec["layers"])
        result.network = NetworkSpec.from_dict(spec)
    for key, value in optimizer.items():
        setattr(result.optimizer, key, value)
    return result


def with_activation(activation):
    def change(layers):
        for layer in layers[:-1]:
            layer["activation"] = activation
        return layers
    return change


CIRCLE = setup_of("circle")  # two tanh layers (4 and 2 units), SGD at 0.03


@pytest.mark.parametrize("after, name", [
    (changed(CIRCLE, with_activation("relu")), "tanh → relu"),
    (changed(CIRCLE, learning_rate=0.3), "lr 0.03 → 0.3"),
    (changed(CIRCLE, lambda layers: [*layers[:1], {"type": "batchnorm"}, *layers[1:]]), "+ batchnorm"),
    (changed(CIRCLE, lambda layers: [*layers[:1], {"type": "dropout", "rate": 0.3}, *layers[1:]]), "+ dropout 0.3"),
    (changed(CIRCLE, lambda layers: layers[1:]), "− dense, − tanh"),
    (changed(CIRCLE, l2=0.001), "+ L2 0.001"),
    (changed(CIRCLE, kind="adam", learning_rate=0.001), "sgd → adam, lr 0.03 → 0.001"),
    (changed(CIRCLE, clip_norm=1.0), "+ clipping 1"),
    (changed(CIRCLE, with_activation("relu"), momentum=0.9), "tanh → relu, + momentum 0.9"),
    (CIRCLE, ""),
])
def test_a_run_is_named_by_how_it_differs_from_the_run_before(after, name):
    assert describe_change(CIRCLE, after) == name


def test_the_first_run_takes_the_name_it_is_given():
    assert describe_change(None, CIRCLE, "Circle") == "Circle"


@pytest.mark.parametrize("before, after, name", [
    ("deep-sigmoid", "deep-relu-he", "sigmoid → relu, init xavier_uniform → he_normal, lr 0.1 → 0.03"),
    # An activation counts as a layer of its own: a Dense sigmoid layer and Dense, BatchNorm, Sigmoid differ by one.
    ("deep-sigmoid", "batchnorm", "+ batchnorm ×10"),
    ("batchnorm", "deep-sigmoid", "− batchnorm ×10"),
    ("deep-sigmoid", "residual", "+ residual ×9"),
    ("digits-mlp", "mnist-mlp", "digits → mnist"),
])
def test_presets_are_named_by_what_the_seed_article_changes(before, after, name):
    assert describe_change(setup_of(before), setup_of(after)) == name


def test_a_name_is_stored_in_identifiers_and_shown_in_the_window_s_words(monkeypatch):
    """A name is the same whatever the window's language (a project file shared between languages keeps it); the
    window shows it with its words translated and its identifiers named as it names them (words.term)."""
    monkeypatch.setattr(words, "_translate", lambda text: f"«{text}»")  # marks what the window would translate
    after = changed(CIRCLE, lambda layers: [*layers[:1], {"type": "batchnorm"}, *layers[1:]], learning_rate=0.3,
                    clip_value=0.5)
    after.batch_size = 32
    name = describe_change(CIRCLE, after)
    assert name == "+ batchnorm, lr 0.03 → 0.3, + clipping at 0.5, batch 10 → 32"
    # The comma between the phrases too: Chinese parts them with "，".
    assert shown_name(name) == ("+ «BatchNorm»«, »«learning rate» 0.03 → 0.3«, »+ «clipping at» 0.5«, »«batch size» 10 "
                                "→ 32")
    many = describe_change(setup_of("exploding"), setup_of("deep-sigmoid"))
    assert many.startswith("plane → circle, ") and many.endswith(" more)")
    assert re.search(r" «\(\+\d+ more\)»$", shown_name(many))  # the translator marks the pattern it is given
    name = describe_change(setup_of("deep-sigmoid"), setup_of("deep-relu-he"))
    assert name == "sigmoid → relu, init xavier_uniform → he_normal, lr 0.1 → 0.03"
    assert shown_name(name) == ("sigmoid → ReLU«, »«weight init» «Xavier uniform» → «He normal»«, »«learning rate» 0.1 "
                                "→ 0.03")
    # Values listed keep their commas.
    more_features = copy.deepcopy(CIRCLE)
    more_features.dataset = {**CIRCLE.dataset, "features": ["x1", "x2", "x1_sq"], "noise": 0.2}
    assert shown_name(describe_change(CIRCLE, more_features)) == ("+ «noise» 0.2«, »«features» ['x1', 'x2'] → ['x1', "
                                                                  "'x2', 'x1_sq']")
    # A name an older version stored in the window's words stays as it was.
    assert shown_name("学习率 0.1 → 0.03") == "学习率 0.1 → 0.03"


def test_a_name_with_many_changes_says_how_many_more_there_are():
    name = describe_change(setup_of("exploding"), setup_of("deep-sigmoid"))
    assert len(name) <= 90 and name.startswith("plane → circle") and name.endswith("more)")


def test_a_kept_history_holds_what_a_comparison_plots():
    history = {"step": numpy.arange(3.0), "test_loss": numpy.ones(3), "grad_norm/2.W": numpy.ones(3),
               "grad_norm/2.b": numpy.ones(3), "update_ratio/10.W": numpy.ones(3), "grad_norm/3.1.K": numpy.ones(3)}
    assert list(kept_history(history)) == ["step", "test_loss", "grad_norm/2.W", "grad_norm/3.1.K",
                                           "update_ratio/10.W"]
    wide = {"step": numpy.zeros(1), **{f"grad_norm/{i}.W": numpy.zeros(1) for i in range(400)}}
    assert len(kept_history(wide)) == MAX_RUN_SERIES


def test_final_metrics_prefer_the_whole_test_split():
    nan = numpy.nan
    history = {"step": numpy.array([10.0, 20, 30]), "train_loss": numpy.array([0.9, 0.5, nan]),
               "test_loss": numpy.array([1.0, 0.6, 0.55]), "epoch_test_loss": numpy.array([nan, 0.58, nan]),
               "test_accuracy": numpy.array([0.5, 0.7, 0.8])}
    assert final_metrics(history) == {"step": 30.0, "train_loss": 0.5, "test_loss": 0.58, "train_accuracy": None,
                                      "test_accuracy": 0.8}


def kept(name: str, setup: RunSetup, steps: int = 4) -> KeptRun:
    history = {"step": numpy.arange(1.0, steps + 1), "test_loss": numpy.linspace(1, 0.5, steps),
               "grad_norm/1.W": numpy.full(steps, 1e-3)}
    return KeptRun(name, setup, history, steps, 1)


def test_kept_runs_come_back_from_the_project_file(tmp_path):
    project = bpp.Project(CIRCLE.network, CIRCLE.optimizer, CIRCLE.batch_size, CIRCLE.dataset)
    path = tmp_path / "plain.bpp"
    save_project(project, path)
    assert "runs.npz" not in zipfile.ZipFile(path).namelist()  # a file older versions open
    assert json.loads(zipfile.ZipFile(path).read("project.json"))["format"] == 1
    relu = changed(CIRCLE, with_activation("relu"))
    project.runs = [kept("Circle", CIRCLE), kept("tanh → relu", relu, steps=6)]
    save_project(project, path)
    assert json.loads(zipfile.ZipFile(path).read("project.json"))["format"] == 2
    loaded = load_project(path).runs
    assert [run.name for run in loaded] == ["Circle", "tanh → relu"]
    assert loaded[1].setup.network.to_dict() == relu.network.to_dict()
    assert loaded[1].setup.optimizer == relu.optimizer
    assert loaded[1].setup.dataset == DatasetConfig.from_dict(CIRCLE.dataset).to_dict()
    assert describe_change(loaded[0].setup, CIRCLE) == ""  # settings read back name no change
    for run, before in zip(loaded, project.runs):
        assert run.history.keys() == before.history.keys() and run.step == before.step
        assert all(numpy.array_equal(run.history[key], before.history[key]) for key in before.history)


def test_which_kept_run_the_project_s_run_is_comes_back_and_older_files_say_none(tmp_path):
    project = bpp.Project(CIRCLE.network, CIRCLE.optimizer, CIRCLE.batch_size, CIRCLE.dataset)
    project.runs = [kept("Circle", CIRCLE), kept("lr 0.03 → 0.3", changed(CIRCLE, learning_rate=0.3))]
    path = tmp_path / "kept.bpp"
    save_project(project, path)
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    assert "run_kept_as" not in document and load_project(path).run_kept_as is None  # as files from before it
    project.run_kept_as = 1
    save_project(project, path)
    document = json.loads(zipfile.ZipFile(path).read("project.json"))
    # Older versions read no "run_kept_as", so the format stays the one they open.
    assert document["run_kept_as"] == 1 and document["format"] == 2
    assert load_project(path).run_kept_as == 1


@pytest.fixture
def with_runs(tmp_path):
    return saved_members(tmp_path, kept_run=True)


def with_runs_arrays(members, **arrays):
    return with_arrays(members, "runs.npz", **arrays)


def first_run(change):
    def edit(document):
        change(document["runs"][0])
    return edit


BAD_RUNS = [
    ("runs not a list", lambda m: with_document(m, lambda d: d.update(runs={"name": "x"})), "a list of at most"),
    ("too many runs", lambda m: with_document(m, lambda d: d.update(runs=d["runs"] * (MAX_KEPT_RUNS + 1))),
     "a list of at most"),
    ("name not text", lambda m: with_document(m, first_run(lambda r: r.update(name=5))), "its name must be text"),
    ("name too long", lambda m: with_document(m, first_run(lambda r: r.update(name="x" * 201))),
     "at most 200 characters"),
    ("network of another kind", lambda m: with_document(m, first_run(lambda r: r["network"]["layers"][0].update(
        type="teleport"))), "kept run 1 cannot be read: layer 1 has unknown type"),
    ("negative step", lambda m: with_document(m, first_run(lambda r: r.update(step=-1))), "step must be a whole"),
    ("batch size 0", lambda m: with_document(m, first_run(lambda r: r["training"].update(batch_size=0))),
     "batch size must be a whole"),
    ("no training settings", lambda m: with_document(m, first_run(lambda r: r.pop("training"))),
     "lacks its training settings"),
    ("arrays of no run", lambda m: with_runs_arrays(m, **{"3/test_loss": numpy.zeros(2)}), "belongs to no kept run"),
    ("arrays without a run index", lambda m: with_runs_arrays(m, test_loss=numpy.zeros(2)), "belongs to no kept run"),
    ("series of two lengths", lambda m: with_runs_arrays(m, **{"0/test_loss": numpy.zeros(1)}), "history is damaged"),
    ("no steps", lambda m: {**m, "runs.npz": npz_bytes({k: v for k, v in npz_arrays(m["runs.npz"]).items()
                                                         if k != "0/step"})}, "history is damaged"),
    ("too many series", lambda m: with_runs_arrays(m, **{f"0/grad_norm/{i}.W": numpy.zeros(
        len(npz_arrays(m["runs.npz"])["0/step"])) for i in range(MAX_RUN_SERIES)}), "more than the 256"),
    ("step NaN", lambda m: with_runs_arrays(m, **{"0/step": numpy.full(
        len(npz_arrays(m["runs.npz"])["0/step"]), numpy.nan)}), "step numbers are not all whole"),
    ("runs longer than a history", lambda m: with_runs_arrays(m, **{"0/step": numpy.zeros(2001)}),
     "claims 2,001 numbers"),
    ("its run a kept run past the last", lambda m: with_document(m, lambda d: d.update(run_kept_as=1)),
     "the number of the kept run that its run is must name one of its 1 kept runs, counted from 0"),
    ("its run kept run -1", lambda m: with_document(m, lambda d: d.update(run_kept_as=-1)), "counted from 0"),
    ("its run kept run as text", lambda m: with_document(m, lambda d: d.update(run_kept_as="0")), "counted from 0"),
    ("its run kept run true", lambda m: with_document(m, lambda d: d.update(run_kept_as=True)), "counted from 0"),
]


@pytest.mark.parametrize("damage, message", [case[1:] for case in BAD_RUNS], ids=[case[0] for case in BAD_RUNS])
def test_a_file_with_bad_kept_runs_loads_nothing(tmp_path, with_runs, damage, message):
    path = tmp_path / "damaged.bpp"
    path.write_bytes(zip_bytes(with_runs))
    assert [run.name for run in load_project(path).runs] == ["Circle"]  # the file before the damage
    path.write_bytes(zip_bytes(damage(with_runs)))
    with pytest.raises(FileFormatError, match=message):
        load_project(path)


def test_a_deep_network_with_update_ratios_in_its_history_saves_and_opens(tmp_path):
    # Each weight has a gradient norm and an update ratio in the history: twice as many series as weights.
    session = preset_session("deep-sigmoid", start_paused=True)
    next_losses(session, 2)  # single steps record their update
    project = project_of(session, load_preset("deep-sigmoid").dataset)
    series = [key for key in project.arrays if key.startswith("history/update_ratio/")]
    assert len(series) == 22 and len([key for key in project.arrays if key.startswith("weights/")]) == 22
    save_project(project, tmp_path / "deep.bpp")
    # All of it, the last step's gradient too, which the views show.
    assert load_project(tmp_path / "deep.bpp").arrays.keys() == project.arrays.keys()
    assert GRADIENT in project.arrays


def test_a_name_fits_what_a_project_file_holds():
    assert describe_change(None, CIRCLE, "t" * 500) == "t" * 200
