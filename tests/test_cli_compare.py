"""`playground compare`: the final metrics of projects' runs side by side, as text or JSON."""

import copy
import json

import pytest

from playground.cli import main
from playground.project import load_preset, load_project, save_project
from playground.project.runs import KeptRun, RunSetup


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """deep-sigmoid and deep-relu-he, each trained 3 epochs and saved."""
    folder = tmp_path_factory.mktemp("compare")
    paths = {}
    for preset in ("deep-sigmoid", "deep-relu-he"):
        paths[preset] = str(folder / f"{preset}.bpp")
        assert main(["train", "--preset", preset, "--epochs", "3", "--save", paths[preset]]) == 0
    return paths


def test_two_projects_side_by_side_as_json(trained, capsys):
    capsys.readouterr()
    assert main(["compare", trained["deep-sigmoid"], trained["deep-relu-he"], "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    # In the window's words, as its Compare tab names them (English here), not the identifiers a file stores.
    assert [run["name"] for run in runs] == ["Deep sigmoid", "sigmoid → ReLU, weight init Xavier uniform → He normal, "
                                                             "learning rate 0.1 → 0.03"]
    assert [run["project"] for run in runs] == [trained["deep-sigmoid"], trained["deep-relu-he"]]
    for run in runs:
        assert run["epoch"] == 3 and run["step"] == 75 and not run["kept"]
        assert 0 < run["test_loss"] < 1 and 0 <= run["test_accuracy"] <= 1
    assert runs[1]["test_loss"] < runs[0]["test_loss"]


def test_a_project_with_kept_runs_compares_them_with_its_own(trained, tmp_path, capsys):
    project = load_project(trained["deep-sigmoid"])
    history = {key.removeprefix("history/"): value for key, value in project.arrays.items()
               if key.startswith("history/")}
    project.runs = [KeptRun("Deep sigmoid", RunSetup(project.network, project.optimizer, 20, project.dataset),
                            history, 75, 3)]
    path = tmp_path / "kept.bpp"
    save_project(project, path)
    capsys.readouterr()
    assert main(["compare", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["run", "1", "2"] and lines[2].split() == ["step", "75", "75"]
    assert lines[-2:] == [f"1: Deep sigmoid ({path}, kept)", f"2: batch size 20 → 10 ({path})"]


def test_a_project_s_run_that_is_one_of_its_kept_runs_is_listed_once_where_it_is_now(trained, tmp_path, capsys):
    """Kept at step 75 and trained on to step 150: one run, at its place among the kept runs, at step 150."""
    path = tmp_path / "kept.bpp"
    assert main(["train", trained["deep-sigmoid"], "--epochs", "3", "--save", str(path)]) == 0
    project = load_project(path)
    before = load_project(trained["deep-sigmoid"])
    history = {key.removeprefix("history/"): value for key, value in before.arrays.items()
               if key.startswith("history/")}
    faster = copy.deepcopy(project.optimizer)
    faster.learning_rate = 0.3
    setup = RunSetup(project.network, project.optimizer, project.batch_size, project.dataset)
    project.runs = [KeptRun("Deep sigmoid", setup, history, 75, 3),
                    KeptRun("lr 0.1 → 0.3", RunSetup(project.network, faster, 10, project.dataset), history, 75, 3)]
    project.run_kept_as = 0
    save_project(project, path)
    capsys.readouterr()
    assert main(["compare", str(path), "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    assert [(run["name"], run["step"], run["epoch"], run["kept"]) for run in runs] == [
        ("Deep sigmoid", 150, 6, True), ("learning rate 0.1 → 0.3", 75, 3, True)]


@pytest.mark.parametrize("arguments, message", [
    (lambda paths: [paths["deep-sigmoid"]], "There is one run to compare"),
    (lambda paths: [paths["deep-sigmoid"], "missing.bpp"], "There is no file missing.bpp"),
    (lambda paths: [], "the following arguments are required: PROJECT"),
])
def test_user_errors_are_one_line_and_exit_2(trained, capsys, arguments, message):
    capsys.readouterr()
    assert main(["compare", *arguments(trained)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and message in error and error.count("\n") == 1


def test_a_preset_s_title_saved_in_chinese_is_printed_in_english(trained, tmp_path, capsys):
    """A project keeps the words of the window that saved it: the first kept run, and a project's run listed first,
    are named by a preset's title, which the command line prints in English."""
    chinese = load_preset("deep-sigmoid", "zh_CN").title
    project = load_project(trained["deep-sigmoid"])
    history = {key.removeprefix("history/"): value for key, value in project.arrays.items()
               if key.startswith("history/")}
    project.title = chinese
    project.runs = [KeptRun(chinese, RunSetup(project.network, project.optimizer, 20, project.dataset), history, 75, 3)]
    kept, plain = tmp_path / "kept.bpp", tmp_path / "plain.bpp"
    save_project(project, kept)
    project.runs = []
    save_project(project, plain)
    capsys.readouterr()
    for path in (kept, plain):
        assert main(["compare", str(path), trained["deep-relu-he"], "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["runs"][0]["name"] == "Deep sigmoid" != chinese
