"""Lessons: a teaching preset's experiment as a few steps, read from resources/lessons/<preset>.json.

Each step says what to do, what to notice and why; it may carry a change (what its button applies:
another preset's network, settings of the layers that match, a layer put after each match, optimizer
settings), and it carries the claim its "notice" makes as a check that session/lesson_checks.py
evaluates by training the preset headless at the lesson's seed:

    {"check": "grad_norm_ratio", "layers": [1, 11], "below": 1e-3, "after_epochs": 20}

A step's setup is the preset with every change up to and including its own applied; "versus_before"
compares it with the setup before the last change. Changes are worked on plain dicts, so the window
applies the very same edit to its builder.

A lesson in another language is its English file with the words of
resources/translations/<language>/lessons/<name>.json laid over it (project/translations.py): the checks and
changes are the English file's, so every language's lesson makes the same claims.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playground.engine import NetworkSpec, OptimizerSpec
from playground.engine.spec import layer_from_dict
from playground.errors import PlaygroundError, SpecError
from playground.project.presets import Preset, list_presets, load_preset
from playground.project.translations import checked_language, overlay_path, read_overlay, texts
from playground.resources import ENGLISH, resources_dir
from playground.words import listed, tr

STEPS = (3, 6)  # the fewest and most steps a lesson has
METRICS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy", "loss_gap")
VERSUS = ("lower", "higher")
# Each check's settings: those it needs, and those it may have besides "check" and "after_epochs".
CHECKS: dict[str, tuple[set[str], set[str]]] = {
    "grad_norm_ratio": ({"layers"}, {"below", "above"}),
    "update_ratio": ({"layer"}, {"below", "above"}),
    "metric": ({"metric"}, {"below", "above"}),
    "versus_before": ({"metric", "now"}, set()),
    "diverges": (set(), set()),
}
TABS = ("loss", "accuracy", "gradients", "activations", "metrics", "inspector", "compare")
MAX_EPOCHS = 200


class LessonError(PlaygroundError):
    """A lesson file that cannot be used: the app's own resources are damaged."""


@dataclass(frozen=True)
class Check:
    kind: str
    after_epochs: int
    settings: dict[str, Any]


@dataclass(frozen=True)
class Change:
    """What a step's button applies, as one edit of the network and one of the settings."""

    label: str
    network_of: str | None = None  # another preset's layers and loss
    layers: tuple[dict[str, Any], ...] = ()  # {"match": {...}, "set": {...}} on every layer that matches
    insert_after: dict[str, Any] | None = None  # {"match": {...}, "layer": {...}}: after each top-level match
    optimizer: dict[str, Any] = field(default_factory=dict)  # OptimizerSpec fields to set

    @property
    def edits_network(self) -> bool:
        return self.network_of is not None or bool(self.layers) or self.insert_after is not None


@dataclass(frozen=True)
class LessonStep:
    do: str
    notice: str
    why: str
    check: Check
    change: Change | None = None
    tab: str | None = None  # the output tab the step is about


@dataclass(frozen=True)
class Lesson:
    name: str  # its file's stem, the preset it teaches with
    title: str
    preset: str
    seed: int
    steps: tuple[LessonStep, ...]


@dataclass(frozen=True)
class LessonPlace:
    """Where a learner is in a lesson, as a project file keeps it: the lesson's name, the step shown and the steps
    whose change is in the saved network and settings, each step counted from 1 as the panel counts them."""

    name: str
    step: int
    made: tuple[int, ...] = ()


def lessons_dir() -> Path:
    return resources_dir() / "lessons"


def list_lessons() -> list[str]:
    return sorted(path.stem for path in lessons_dir().glob("*.json"))


def lesson_titles(language: str = ENGLISH) -> dict[str, str]:
    """Each lesson's title by name, in `language` where it has one, read without checking the rest (load_lesson
    does, when one opens)."""
    checked_language(language)
    titles = {}
    for name in list_lessons():
        try:
            titles[name] = str(json.loads((lessons_dir() / f"{name}.json").read_text(encoding="utf-8"))["title"])
        except (OSError, ValueError, TypeError, KeyError):
            titles[name] = name  # opening it says what is wrong
        try:
            words = read_overlay(language, f"lessons/{name}.json")
        except PlaygroundError:
            words = None  # the English title; opening it says what is wrong
        if isinstance(words, dict) and isinstance(words.get("title"), str):
            titles[name] = words["title"]
    return titles


def load_lesson(name: str, language: str = ENGLISH) -> Lesson:
    """The lesson checked, its words in `language` where it has them."""
    checked_language(language)
    if name not in list_lessons():  # a name, never a path
        raise LessonError(tr("There is no lesson {0!r}: choose one of {1}.").format(name, listed(list_lessons())))
    path = lessons_dir() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LessonError(tr("The lesson file {0} cannot be read ({1}): reinstall the app.")
                          .format(path, error)) from None
    try:
        lesson = lesson_from_dict(name, data)
    except PlaygroundError as error:
        raise LessonError(tr("The lesson {0!r} is damaged ({1}): reinstall the app.").format(name, error)) from None
    words = read_overlay(language, f"lessons/{name}.json")
    try:
        return translated(lesson, words)
    except PlaygroundError as error:
        path = overlay_path(language, f"lessons/{name}.json")
        raise LessonError(tr("The {0} translation of the lesson {1!r} ({2}) is damaged ({3}): reinstall the app.")
                          .format(language, name, path, error)) from None


def lesson_at(place: LessonPlace, language: str = ENGLISH) -> Lesson:
    """The lesson a project was saved in, checked to have the step it was at and a change at each step it made (a
    project saved by another version of the app may name a lesson or step this one does not have)."""
    if place.name not in list_lessons():
        raise LessonError(tr("This project was saved in the lesson {0!r}, which this version of Backprop Playground "
                             "does not have: open a lesson from the Lessons menu to go on with one.").format(
            place.name))
    lesson = load_lesson(place.name, language)
    count = len(lesson.steps)
    unmade = [step for step in place.made if step > count or lesson.steps[step - 1].change is None]
    if place.step > count or unmade:
        raise LessonError(tr("This project was saved at step {0} of the lesson {1!r}, whose steps differ in this "
                             "version of Backprop Playground: open the lesson from the Lessons menu to start it "
                             "again.").format(place.step, lesson.title))
    return lesson


def translated(lesson: Lesson, words: Any) -> Lesson:
    """`lesson` with the title and step texts of `words` (None: as it is), which must match it step by step."""
    if words is None:
        return lesson
    if not isinstance(words, dict) or words.keys() != {"title", "steps"}:
        raise PlaygroundError(tr("it must hold a title and steps, and nothing else"))
    if not isinstance(words["title"], str) or not words["title"].strip():
        raise PlaygroundError(tr("its title must be a sentence"))
    if not isinstance(words["steps"], list) or len(words["steps"]) != len(lesson.steps):
        raise PlaygroundError(tr("it must have {0} steps, as the lesson has").format(len(lesson.steps)))
    steps = []
    for index, (step, step_words) in enumerate(zip(lesson.steps, words["steps"])):
        keys = {"do", "notice", "why"} | ({"label"} if step.change is not None else set())
        found = texts(step_words, keys, tr("step {0}").format(index + 1))
        change = None if step.change is None else dataclasses.replace(step.change, label=found["label"])
        steps.append(dataclasses.replace(step, do=found["do"], notice=found["notice"], why=found["why"],
                                         change=change))
    return dataclasses.replace(lesson, title=words["title"], steps=tuple(steps))


def _fields(data: Any, required: set[str], optional: set[str], what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise LessonError(tr("{0} must be an object").format(what))
    missing, unknown = required - data.keys(), data.keys() - required - optional
    if missing or unknown:
        raise LessonError(tr("{0} lacks {1} or has unknown {2}").format(what, sorted(missing), sorted(unknown)))
    return data


def lesson_from_dict(name: str, data: Any) -> Lesson:
    _fields(data, {"title", "preset", "steps"}, {"seed"}, tr("the lesson"))
    if data["preset"] not in list_presets():
        raise LessonError(tr("its preset {0!r} does not exist").format(data["preset"]))
    steps = data["steps"]
    if not isinstance(steps, list) or not STEPS[0] <= len(steps) <= STEPS[1]:
        raise LessonError(tr("a lesson has {0} to {1} steps").format(*STEPS))
    seed = data.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise LessonError(tr("its seed must be a whole number"))
    lesson = Lesson(name, str(data["title"]), data["preset"], seed,
                    tuple(_step(step, tr("step {0}").format(i + 1)) for i, step in enumerate(steps)))
    try:
        setups = setups_of(lesson)  # every change applies, and its result validates
    except SpecError as error:
        raise LessonError(tr("a change makes a network that cannot be built ({0})").format(error)) from None
    for index, step in enumerate(lesson.steps):
        if step.check.kind == "versus_before" and changes_before(lesson, index) == 0:
            raise LessonError(tr("step {0} compares with the run before a change, but no change came before")
                              .format(index + 1))
        _check_layers(step.check, setups[index][0], tr("step {0}").format(index + 1))
    return lesson


def _step(data: Any, where: str) -> LessonStep:
    _fields(data, {"do", "notice", "why", "check"}, {"change", "tab"}, where)
    for key in ("do", "notice", "why"):
        if not isinstance(data[key], str) or not data[key]:
            raise LessonError(tr("{0}: {1} must be a sentence").format(where, key))
    tab = data.get("tab")
    if tab is not None and tab not in TABS:
        raise LessonError(tr("{0}: the tab {1!r} is none of {2}").format(where, tab, listed(TABS)))
    change = None if data.get("change") is None else _change(data["change"], where)
    return LessonStep(data["do"], data["notice"], data["why"], _check(data["check"], where), change, tab)


def _check(data: Any, where: str) -> Check:
    kind = data.get("check") if isinstance(data, dict) else None
    if kind not in CHECKS:
        raise LessonError(tr("{0}: its check must be one of {1}").format(where, listed(CHECKS)))
    required, optional = CHECKS[kind]
    _fields(data, {"check", "after_epochs", *required}, optional, tr("{0}'s check").format(where))
    epochs = data["after_epochs"]
    if not isinstance(epochs, int) or isinstance(epochs, bool) or not 1 <= epochs <= MAX_EPOCHS:
        raise LessonError(tr("{0}: {1} must be a whole number from 1 to {2}").format(where, "after_epochs", MAX_EPOCHS))
    if optional and not optional & data.keys():
        raise LessonError(tr("{0}: its check needs a bound, {1} or {2}").format(where, "below", "above"))
    for bound in ("below", "above"):
        if bound in data and not (isinstance(data[bound], (int, float)) and not isinstance(data[bound], bool)):
            raise LessonError(tr("{0}: {1} must be a number").format(where, bound))
    if "metric" in data and data["metric"] not in METRICS:
        raise LessonError(tr("{0}: the metric must be one of {1}").format(where, listed(METRICS)))
    if "now" in data and data["now"] not in VERSUS:
        raise LessonError(tr("{0}: {1} must be {2} or {3}").format(where, "now", *VERSUS))
    settings = {key: value for key, value in data.items() if key not in ("check", "after_epochs")}
    if "layers" in settings:
        layers = settings["layers"]
        if not isinstance(layers, list) or len(layers) != 2:
            raise LessonError(tr("{0}: {1} must name two layers").format(where, "layers"))
        settings["layers"] = [str(path) for path in layers]
    if "layer" in settings:
        settings["layer"] = str(settings["layer"])
    return Check(kind, epochs, settings)


def _change(data: Any, where: str) -> Change:
    _fields(data, {"label"}, {"network_of", "layers", "insert_after", "optimizer"}, tr("{0}'s change").format(where))
    network_of, layers = data.get("network_of"), data.get("layers", [])
    if network_of is not None and network_of not in list_presets():
        raise LessonError(tr("{0}: {1} names no preset").format(where, "network_of"))
    if not isinstance(layers, list) or not all(
            isinstance(edit, dict) and edit.keys() == {"match", "set"} for edit in layers):
        raise LessonError(tr("{0}: {1} must be a list of {2}").format(where, "layers", '{"match": ..., "set": ...}'))
    insert = data.get("insert_after")
    if insert is not None and not (isinstance(insert, dict) and insert.keys() == {"match", "layer"}):
        raise LessonError(tr("{0}: {1} must be {2}").format(where, "insert_after", '{"match": ..., "layer": ...}'))
    optimizer = data.get("optimizer", {})
    if not isinstance(optimizer, dict):
        raise LessonError(tr("{0}: {1} must be an object").format(where, "optimizer"))
    change = Change(str(data["label"]), network_of, tuple(layers), insert, optimizer)
    if not (change.edits_network or optimizer):
        raise LessonError(tr("{0}: its change changes nothing").format(where))
    return change


def _check_layers(check: Check, preset: Preset, where: str) -> None:
    """The layers a check names have weights in the network it is evaluated on."""
    named = check.settings.get("layers", []) + ([check.settings["layer"]] if "layer" in check.settings else [])
    weighted = {info.path for info in preset.network.inspect()[0] if info.type in ("dense", "conv2d")}
    for path in named:
        if path not in weighted:
            raise LessonError(tr("{0}: its check names layer {1}, which has no weights there").format(where, path))


# Changes, on plain data.


def _normalized(layer: dict[str, Any], path: str) -> dict[str, Any]:
    """A layer's settings with its defaults filled in, for matching."""
    try:
        return NetworkSpec((1,), [layer_from_dict(layer, path)]).to_dict()["layers"][0]
    except SpecError:
        return layer


def _matches(layer: dict[str, Any], match: dict[str, Any], path: str) -> bool:
    full = _normalized(layer, path)
    return all(full.get(key) == value for key, value in match.items())


def changed_network(layers: list[dict[str, Any]], loss: str, change: Change) -> tuple[list[dict[str, Any]], str]:
    """The layers and loss after `change`: a copy, the input unchanged."""
    if change.network_of is not None:
        other = load_preset(change.network_of).network.to_dict()
        layers, loss = other["layers"], other["loss"]
    layers = copy.deepcopy(layers)
    for edit in change.layers:
        _set_matching(layers, edit["match"], edit["set"], "")
    if change.insert_after is not None:
        match, new = change.insert_after["match"], change.insert_after["layer"]
        result = []
        for index, layer in enumerate(layers):
            result.append(layer)
            if _matches(layer, match, str(index + 1)):
                result.append(copy.deepcopy(new))
        layers = result
    return layers, loss


def _set_matching(layers: list[dict[str, Any]], match: dict[str, Any], values: dict[str, Any], prefix: str) -> None:
    for index, layer in enumerate(layers):
        path = f"{prefix}{index + 1}"
        if _matches(layer, match, path):
            layer.update(copy.deepcopy(values))
        if layer.get("type") == "residual":
            _set_matching(layer.get("layers", []), match, values, f"{path}.")


def changed_optimizer(optimizer: OptimizerSpec, change: Change) -> OptimizerSpec:
    return OptimizerSpec.from_dict({**optimizer.to_dict(), **copy.deepcopy(change.optimizer)})


def with_change(preset: Preset, change: Change) -> Preset:
    """A copy of `preset` with `change` applied; a SpecError when the result would not validate."""
    network = preset.network.to_dict()
    network["layers"], network["loss"] = changed_network(network["layers"], network["loss"], change)
    result = copy.deepcopy(preset)
    result.network, result.optimizer = NetworkSpec.from_dict(network), changed_optimizer(preset.optimizer, change)
    return result


def epochs_to_train(lesson: Lesson, index: int) -> int | None:
    """The epochs step `index` has the learner train, its check's: the first step trains the preset as it comes
    and each step with a change a new run; None for the steps that look at the run before them."""
    step = lesson.steps[index]
    return step.check.after_epochs if index == 0 or step.change is not None else None


def changes_before(lesson: Lesson, index: int) -> int:
    """How many changes the steps up to and including `index` make."""
    return sum(step.change is not None for step in lesson.steps[: index + 1])


def setups_of(lesson: Lesson) -> list[tuple[Preset, Preset | None]]:
    """For each step, the setup its claim is about and the setup before the last change (None before any)."""
    now, before, found = load_preset(lesson.preset), None, []
    for step in lesson.steps:
        if step.change is not None:
            now, before = with_change(now, step.change), now
        found.append((now, before))
    return found
