"""Presets: a network, its training settings and its dataset, with a title and what it shows (in English, or
in another language from resources/translations/<language>/presets.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playground.engine import NetworkSpec, OptimizerSpec
from playground.engine.spec_checks import check_fields, whole
from playground.errors import PlaygroundError, SpecError
from playground.project.translations import named_overlay, texts
from playground.resources import ENGLISH, LANGUAGES, resources_dir
from playground.words import listed, tr

DEFAULT_PRESET = "circle"


@dataclass
class Preset:
    name: str
    title: str
    description: str
    network: NetworkSpec
    optimizer: OptimizerSpec
    batch_size: int
    dataset: dict[str, Any] = field(default_factory=dict)
    epochs: int | None = None  # how long the command line trains it unless told otherwise


def presets_dir() -> Path:
    return resources_dir() / "presets"


def list_presets() -> list[str]:
    return sorted(path.stem for path in presets_dir().glob("*.json"))


def load_preset(name: str, language: str = ENGLISH) -> Preset:
    path = presets_dir() / f"{name}.json"
    if name not in list_presets():  # a name, never a path: "../x" would read beside the presets
        raise PlaygroundError(tr("There is no preset {0!r}: choose one of {1}.")
                              .format(name, listed(list_presets())))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PlaygroundError(tr("The preset file {0} cannot be read ({1}): reinstall the app.")
                              .format(path, error)) from None
    try:
        preset = preset_from_dict(name, data)
    except SpecError as error:
        raise SpecError(tr("Preset {0!r}: {1}").format(name, error)) from None
    words = preset_translations(language).get(name)
    if words is not None:
        preset.title, preset.description = words["title"], words["description"]
    return preset


def preset_words_in(text: str, language: str) -> str:
    """A project's saved title or description in `language`. A project keeps its preset's words in the language of the
    window that saved it: those of a preset, in any language the app has, are that preset's in `language`; other
    text (a title the data gave, words of a preset this version lacks) stays as it is."""
    if text:
        for saved_in in LANGUAGES:
            for name in list_presets():
                preset = load_preset(name, saved_in)
                if text in (preset.title, preset.description):
                    shown = load_preset(name, language)
                    return shown.title if text == preset.title else shown.description
    return text


def preset_translations(language: str) -> dict[str, dict[str, str]]:
    """Each translated preset's title and description in `language`: {} for English or a language without them,
    and a preset missing from the file keeps its English words."""
    return named_overlay(language, "presets.json", list_presets(), tr("presets"), tr("the presets"),
                         lambda name, words: texts(words, {"title", "description"},
                                                   tr("the preset {0!r}").format(name)))


def preset_from_dict(name: str, data: Any) -> Preset:
    if not isinstance(data, dict):
        raise SpecError(tr("a preset must be a JSON object."))
    check_fields(data, {"title", "description", "network", "training", "dataset"}, tr("The preset"))
    training = data.get("training", {})
    if not isinstance(training, dict):
        raise SpecError(tr("the preset's training settings must be an object."))
    check_fields(training, {"optimizer", "batch_size", "epochs"}, tr("The training settings"))
    dataset = data.get("dataset", {})
    if not isinstance(dataset, dict):
        raise SpecError(tr("the preset's dataset settings must be an object."))
    return Preset(
        name=name,
        title=str(data.get("title", name)),
        description=str(data.get("description", "")),
        network=NetworkSpec.from_dict(data.get("network")),
        optimizer=OptimizerSpec.from_dict(training.get("optimizer", {})),
        batch_size=whole(training.get("batch_size", 10), tr("The batch size"), minimum=1),
        dataset=dataset,
        epochs=None if training.get("epochs") is None else whole(training["epochs"], tr("The epochs"), minimum=1),
    )
