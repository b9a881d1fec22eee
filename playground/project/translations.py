"""The words of the data files in another language: overlays that hold only text, laid over the English.

resources/translations/<language>/presets.json gives each preset's title and description, and
lessons/<name>.json a lesson's title and each step's do, notice, why and, where the step has a change, its
button's label; datasets.json where each dataset comes from (the sentence `dataset_source` gives in English).
Everything else (checks, changes, tabs) stays in the English file, so a translation cannot
change what a lesson claims. A language without a file falls back to English; a file that does not match its
English is a PlaygroundError.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playground.data import dataset_names, dataset_source
from playground.errors import PlaygroundError
from playground.resources import ENGLISH, LANGUAGES, translations_dir
from playground.words import listed, tr


def checked_language(language: str) -> str:
    if language not in LANGUAGES:
        raise PlaygroundError(tr("There is no language {0!r}: choose one of {1}.").format(
            language, listed(LANGUAGES)))
    return language


def overlay_path(language: str, relative: str) -> Path:
    """Where a language's translation of a data file lives: "presets.json" or "lessons/<name>.json"."""
    return translations_dir(language) / relative


def read_overlay(language: str, relative: str) -> Any | None:
    """A language's translation file, parsed; None for English or where the language has no such file."""
    if checked_language(language) == ENGLISH:
        return None
    path = overlay_path(language, relative)
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PlaygroundError(tr("The translation file {0} cannot be read ({1}): reinstall the app.").format(
            path, error)) from None


def texts(data: Any, keys: set[str], what: str) -> dict[str, str]:
    """`data` as an object of exactly `keys`, each a sentence."""
    if not isinstance(data, dict):
        raise PlaygroundError(tr("{0} must be an object").format(what))
    missing, unknown = sorted(keys - data.keys()), sorted(data.keys() - keys)
    if missing or unknown:
        raise PlaygroundError(tr("{0} lacks {1} or has unknown {2}").format(what, missing, unknown))
    for key in sorted(keys):
        if not isinstance(data[key], str) or not data[key].strip():
            raise PlaygroundError(tr("{0}: {1} must be a sentence").format(what, key))
    return data


def named_overlay(language: str, relative: str, names: list[str], kind: str, what: str,
                  check: Callable[[str, Any], Any]) -> dict[str, Any]:
    """A language's translation file of named things (`kind`, in words: "presets", "datasets"), each entry as
    `check(name, words)` gives it back: {} for English or where the language has no such file. A file that is not an
    object of known names, or an entry that `check` refuses, makes it damaged: a sentence that says so and what to
    do. `kind` and `what` are words the window shows, translated by the caller."""
    data = read_overlay(language, relative)
    if data is None:
        return {}
    try:
        if not isinstance(data, dict):
            raise PlaygroundError(tr("it must be an object of {0}").format(kind))
        unknown = sorted(data.keys() - set(names))
        if unknown:
            raise PlaygroundError(tr("it names {0} that do not exist: {1}").format(kind, listed(unknown)))
        return {name: check(name, words) for name, words in data.items()}
    except PlaygroundError as error:
        raise PlaygroundError(tr("The {0} translation of {1} ({2}) is damaged ({3}): reinstall the app.").format(
            language, what, overlay_path(language, relative), error)) from None


def dataset_source_in(name: str, language: str) -> str:
    """Where the dataset `name` comes from, in `language` where its datasets.json has the sentence, else in English."""
    sources = named_overlay(language, "datasets.json", dataset_names(), tr("datasets"),
                            tr("where the datasets come from"),
                            lambda named, words: texts({named: words}, {named}, tr("the datasets"))[named])
    return sources.get(name, dataset_source(name))
