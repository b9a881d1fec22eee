"""Runs kept for comparison: each one's setup (network, optimizer, batch size, data) and metric
history, named by how it differs from the run before ("sigmoid → relu", "lr 0.1 → 0.03",
"+ batchnorm ×10"), and read back from a project file with every field checked. A name is stored as it is made, in
identifiers and a few fixed English words, the same whatever the window's language; the window and the command line
show it in words (shown_name: "learning rate 0.1 → 0.03", 学习率 0.1 → 0.03 in Chinese).

The name is worked out from the two setups alone (describe_change, a pure function): the networks
as sequences of layers, a Dense or Conv2D layer's activation counted as a layer of its own, so that
moving a sigmoid out of a Dense layer to put batch normalization before it reads "+ batchnorm".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy

from playground.data import DatasetConfig
from playground.engine import NetworkSpec, OptimizerSpec
from playground.errors import FileFormatError, PlaygroundError
from playground.project.presets import preset_words_in
from playground.resources import ENGLISH
from playground.words import term, tr

MAX_KEPT_RUNS = 12
MAX_NAME_CHARS = 200
NAME_CHARS = 90  # a derived name longer than this ends "(+N more)"
# What a comparison plots: the metrics below, and each weight's gradient norm and update ratio.
RUN_METRICS = ("step", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "epoch_train_loss",
               "epoch_test_loss", "epoch_test_accuracy", "learning_rate")
RUN_SERIES_PREFIXES = ("grad_norm/", "update_ratio/")
WEIGHT_SUFFIXES = (".W", ".K")
MAX_RUN_SERIES = 256  # per run: the metrics and two series for each of up to 123 weighted layers
# Pairs of layers weighed to name what changed between two networks, in a table of Python integers:
# 250 layers each (500 with their activations), under a tenth of a second.
MAX_ALIGNED_PAIRS = 250_000
SAME_SETTINGS = "same settings"  # the name of a run kept with the settings of the run kept before it


@dataclass
class RunSetup:
    """What a run trained: the network, the optimizer's settings, the batch size and the data."""

    network: NetworkSpec
    optimizer: OptimizerSpec
    batch_size: int
    dataset: dict[str, Any]


@dataclass
class KeptRun:
    name: str
    setup: RunSetup
    history: dict[str, numpy.ndarray] = field(default_factory=dict)
    step: int = 0
    epoch: int = 0


def kept_history(history: dict[str, numpy.ndarray]) -> dict[str, numpy.ndarray]:
    """The series of `history` a comparison plots, at most MAX_RUN_SERIES of them: the metrics, then
    the weights' gradient norms and update ratios in layer order."""
    metrics = [name for name in RUN_METRICS if name in history]
    weights = sorted((name for name in history if name.startswith(RUN_SERIES_PREFIXES)
                      and name.endswith(WEIGHT_SUFFIXES)), key=_series_order)
    return {name: numpy.array(history[name], dtype=numpy.float64)
            for name in [*metrics, *weights][:MAX_RUN_SERIES]}


def _series_order(name: str) -> tuple:
    kind, _, parameter = name.partition("/")
    return tuple((0, int(part), "") if _counting(part) else (1, 0, part) for part in parameter.split(".")), kind


def _counting(text: str) -> bool:
    return text.isascii() and text.isdigit()


# Naming a run by what changed.


def describe_change(before: RunSetup | None, after: RunSetup, first_name: str = "") -> str:
    """How `after` differs from `before`, in a few words joined by commas; `first_name` when there is no
    run before, and "" when nothing differs."""
    if before is None:
        return first_name[:MAX_NAME_CHARS]
    parts = [*_data_changes(before.dataset, after.dataset),
             *_network_changes(before.network.to_dict(), after.network.to_dict()),
             *_optimizer_changes(before.optimizer.to_dict(), after.optimizer.to_dict())]
    if before.batch_size != after.batch_size:
        parts.append(f"batch {before.batch_size} → {after.batch_size}")
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    text = ", ".join(parts)
    if len(text) <= NAME_CHARS:
        return text
    shown: list[str] = []
    for part in parts:
        if len(", ".join([*shown, part])) > NAME_CHARS - 12:
            break
        shown.append(part)
    return f"{', '.join(shown)} (+{len(parts) - len(shown)} more)"


def _value(value: Any) -> str:
    if value is None:
        return "off"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _setting_changes(before: dict[str, Any], after: dict[str, Any], names: dict[str, str] | None = None,
                     skip: tuple[str, ...] = ()) -> list[str]:
    """"name old → new" for each setting that differs; a number from 0 or off reads "+ name new", one to 0 or off
    "− name"."""
    names = names or {}
    found = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        if key in skip or old == new:
            continue
        name = names.get(key, key)
        numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) or v is None for v in (old, new))
        if numeric and not old:
            found.append(f"+ {name} {_value(new)}")
        elif numeric and not new:
            found.append(f"− {name}")
        else:
            found.append(f"{name} {_value(old)} → {_value(new)}")
    return found


def _data_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    before, after = _with_defaults(before), _with_defaults(after)
    if before.get("name") != after.get("name"):
        return [f"{before.get('name')} → {after.get('name')}"]
    return _setting_changes(before, after, skip=("name", "data_dir", "source_folder"))


def _with_defaults(dataset: dict[str, Any]) -> dict[str, Any]:
    """Dataset settings with every default written out, as a project file holds them."""
    try:
        return DatasetConfig.from_dict(dataset).to_dict()
    except PlaygroundError:
        return dataset


def _optimizer_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    # The optimizer's settings by their keys, but for a few read better in a word.
    optimizer_names = {"learning_rate": "lr", "l1": "L1", "l2": "L2", "clip_norm": "clipping",
                       "clip_value": "clipping at"}
    found = [f"{before['kind']} → {after['kind']}"] if before.get("kind") != after.get("kind") else []
    found += _setting_changes(before, after, optimizer_names, skip=("kind", "schedule"))
    old, new = before.get("schedule", {}), after.get("schedule", {})
    if old.get("kind") != new.get("kind"):
        found.append(f"schedule {old.get('kind')} → {new.get('kind')}")
    return found + _setting_changes(old, new, {"warmup_steps": "warm-up"}, skip=("kind",))


def layer_tokens(layers: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """A network as a flat sequence: (kind, settings) per layer, a Dense or Conv2D layer's activation as a
    layer of its own after it, a residual block as "residual", its layers and an "end"."""
    tokens: list[tuple[str, dict[str, Any]]] = []
    for layer in layers:
        settings = {key: value for key, value in layer.items() if key not in ("type", "layers", "activation")}
        tokens.append((layer["type"], settings))
        activation = layer.get("activation", "linear")
        if layer["type"] in ("dense", "conv2d") and activation != "linear":
            tokens.append((activation, {key: settings.pop(key) for key in ("alpha",) if key in settings}))
        if layer["type"] == "residual":
            tokens += [*layer_tokens(layer.get("layers", [])), ("end", {})]
    return tokens


def _alignment(old: list, new: list) -> list[tuple[int, int]]:
    """The tokens of `old` and `new` paired as a person would read the change: the most layers of one kind paired
    in order, layers with the same settings first (so that removing the first layer pairs the rest with
    themselves, not each with the one before it)."""
    def weight(a: tuple, b: tuple) -> int:
        return 0 if a[0] != b[0] else 3 if a[1] == b[1] else 2

    n, m = len(old), len(new)
    if n * m > MAX_ALIGNED_PAIRS:  # the table below would take minutes and gigabytes: layers in the same place pair
        return [(k, k) for k in range(min(n, m)) if weight(old[k], new[k])]
    best = [[0] * (m + 1) for _ in range(n + 1)]  # best[i][j]: the most weight pairing old[i:] with new[j:]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = weight(old[i], new[j])
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired + best[i + 1][j + 1] if paired else 0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        paired = weight(old[i], new[j])
        if paired and best[i][j] == paired + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _network_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    old, new = layer_tokens(before["layers"]), layer_tokens(after["layers"])
    # (order, phrase) → how many layers it applies to: layers replaced, then added or removed, then settings.
    changes: Counter[tuple[int, str]] = Counter()
    last_old = last_new = -1
    for i, j in [*_alignment(old, new), (len(old), len(new))]:
        dropped, added = old[last_old + 1 : i], new[last_new + 1 : j]
        if len(dropped) == len(added):  # as many layers in their place: each replaced by the other
            for (old_kind, _), (new_kind, _) in zip(dropped, added):
                changes[0, f"{old_kind} → {new_kind}"] += 1
        else:
            for kind, _ in dropped:
                changes[1, f"− {kind}"] += kind != "end"
            for kind, settings in added:
                changes[1, f"+ {_described(kind, settings)}"] += kind != "end"
        if i < len(old):
            for phrase in _setting_changes(old[i][1], new[j][1]):
                changes[2, phrase] += 1
        last_old, last_new = i, j
    found = [phrase if count == 1 or order != 1 else f"{phrase} ×{count}"
             for (order, phrase), count in sorted(changes.items(), key=lambda item: item[0][0]) if count]
    if before.get("loss") != after.get("loss"):
        found.append(f"loss {before.get('loss')} → {after.get('loss')}")
    return found


def _described(kind: str, settings: dict[str, Any]) -> str:
    """A layer added, in a word or two: "dropout 0.3", "dense 16", "batchnorm"."""
    main = {"dense": "units", "conv2d": "filters", "dropout": "rate"}.get(kind)
    return f"{kind} {_value(settings[main])}" if main in settings else kind


# A kept run's name in the window's words.

# The stored name's phrases: "{key} {old} → {new}", "+ {key} {value}", "− {key}", "{old} → {new}" and these.
_PHRASE = re.compile(r"clipping at|same settings|\(\+(\d+) more\)|[A-Za-z_][A-Za-z0-9_-]*")
# Where two phrases of a stored name meet: a comma and a space outside the brackets of a value listed ("features
# ['x1', 'x2'] → ['x1']").
_BETWEEN_PHRASES = re.compile(r", (?![^\[]*\])")


def _setting_words() -> dict[str, str]:
    """The words of a stored name that the window says otherwise: settings by their controls' labels (made here: tr
    runs when called)."""
    return {"lr": tr("learning rate"), "batch": tr("batch size"), "loss": tr("loss"), "schedule": tr("schedule"),
            "clipping": tr("clipping"), "clipping at": tr("clipping at"), "warm-up": tr("warm-up"), "off": tr("off"),
            "same settings": tr("same settings"), "units": tr("units"), "filters": tr("filters"),
            "kernel": tr("kernel"), "stride": tr("stride"), "padding": tr("padding"), "size": tr("window"),
            "rate": tr("dropout rate"), "alpha": "α", "init": tr("weight init"), "bias_init": tr("bias init"),
            "init_scale": tr("init scale"), "momentum": tr("momentum"), "nesterov": "Nesterov", "beta1": "β₁",
            "beta2": "β₂", "eps": "ε", "weight_decay": tr("weight decay"), "step_size": tr("steps per period"),
            "gamma": "γ", "total_steps": tr("steps to the end"), "min_lr": tr("final rate"), "points": tr("points"),
            "noise": tr("noise"), "train_ratio": tr("training share"), "seed": tr("seed"),
            "features": tr("features"), "subset": tr("subset")}


def shown_name(name: str) -> str:
    """A kept run's name, stored in identifiers ("lr 0.01 → 0.001, init_scale 4 → 1"), in the window's words
    ("learning rate 0.01 → 0.001, init scale 4 → 1"; "学习率 0.01 → 0.001，初始缩放 4 → 1" in Chinese, whose
    phrases a full-width comma parts). Words it does not know, such as those of a name an older version stored in
    another language, stay as they are."""
    settings = _setting_words()

    def word(match: re.Match) -> str:
        if match[1] is not None:
            return tr("(+{0} more)").format(match[1])
        return settings.get(match[0]) or term(match[0])

    # The separator alone, as words.listed makes its own: the phrases are clauses ("学习率 0.1 → 0.03"), which
    # Chinese parts with "，", not a list of names, which it parts with "、".
    between = tr("{change}, {next_change}").format(change="", next_change="")
    return _BETWEEN_PHRASES.sub(lambda _: between, _PHRASE.sub(word, name))


def run_label(index: int, run: KeptRun, language: str = ENGLISH) -> str:
    """Kept run `index`'s name as it is shown in `language`: the first is the project's title, as written, or a
    preset's title in `language` (a project keeps the words of the window that kept the run: preset_words_in); the
    others say in words how each differs from the one before (stored in identifiers)."""
    return preset_words_in(run.name, language) if index == 0 else shown_name(run.name)


# The final metrics of a run, from its history.


def last_finite(history: dict[str, numpy.ndarray], *names: str) -> float | None:
    """The newest finite value of the first of `names` that has one."""
    for name in names:
        values = numpy.asarray(history.get(name, ()), dtype=numpy.float64)
        finite = values[numpy.isfinite(values)]
        if len(finite):
            return float(finite[-1])
    return None


def final_metrics(history: dict[str, numpy.ndarray]) -> dict[str, float | None]:
    """Where a run ended: its last step, and its last losses and accuracies, over the whole test split where
    an epoch report measured them (else the snapshots' fixed samples); None where it has none."""
    step = last_finite(history, "step")
    return {"step": None if step is None else int(step),
            "train_loss": last_finite(history, "epoch_train_loss", "train_loss"),
            "test_loss": last_finite(history, "epoch_test_loss", "test_loss"),
            "train_accuracy": last_finite(history, "train_accuracy"),
            "test_accuracy": last_finite(history, "epoch_test_accuracy", "test_accuracy")}


def compared_runs(projects: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    """Each project's kept runs and then its own run, as (file, Project) pairs give them, with where each ended:
    a run's name in words (shown_name; a kept run's own, for a project's run how it differs from the run listed
    before it), its file, step, epoch and final metrics (None where there are none). A project's run that is one of
    its kept runs (Project.run_kept_as) is listed once, in that run's place, where it is now: it may have trained
    on since it was kept."""
    found, before = [], None
    for where, project in projects:
        history = {key.removeprefix("history/"): value for key, value in project.arrays.items()
                   if key.startswith("history/")}
        epoch = (project.progress or {}).get("epoch", 0)
        setup = RunSetup(project.network, project.optimizer, project.batch_size, project.dataset)
        for index, run in enumerate(project.runs):
            now = index == project.run_kept_as
            found.append({"name": run_label(index, run), "project": where, "kept": True,
                          "epoch": epoch if now else run.epoch, **final_metrics(history if now else run.history)})
            before = setup if now else run.setup
        if project.run_kept_as is None:
            name = (preset_words_in(project.title, ENGLISH) or where if before is None
                    else shown_name(describe_change(before, setup) or SAME_SETTINGS))
            found.append({"name": name, "project": where, "kept": False, "epoch": epoch, **final_metrics(history)})
            before = setup
    return found


# In a project file: project.json's "runs" and "run_kept_as", and the member runs.npz ("<index>/<series>").


def runs_document(runs: list[KeptRun]) -> list[dict[str, Any]]:
    return [{"name": run.name, "network": run.setup.network.to_dict(), "dataset": run.setup.dataset,
             "training": {"optimizer": run.setup.optimizer.to_dict(), "batch_size": run.setup.batch_size},
             "step": run.step, "epoch": run.epoch} for run in runs]


def runs_arrays(runs: list[KeptRun]) -> dict[str, numpy.ndarray]:
    return {f"{index}/{name}": values for index, run in enumerate(runs) for name, values in run.history.items()}


def read_runs(entries: Any, arrays: dict[str, numpy.ndarray], where: str) -> list[KeptRun]:
    """The kept runs of project.json's "runs" with their series from runs.npz (keys "<index>/<series>"),
    every field checked; one FileFormatError sentence otherwise."""
    entries = [] if entries is None else entries
    if not isinstance(entries, list) or len(entries) > MAX_KEPT_RUNS:
        raise FileFormatError(tr("{0}: the kept runs must be a list of at most {1}.").format(where, MAX_KEPT_RUNS))
    histories: list[dict[str, numpy.ndarray]] = [{} for _ in entries]
    for key, values in arrays.items():
        index, _, series = key.partition("/")
        if not (_counting(index) and int(index) < len(entries) and series):
            raise FileFormatError(tr("{0}: {1} holds {2}, which belongs to no kept run: the file is damaged.")
                                  .format(where, "runs.npz", key))
        histories[int(index)][series] = values
    return [_read_run(entry, history, tr("{0}: kept run {1}").format(where, index + 1))
            for index, (entry, history) in enumerate(zip(entries, histories))]


def read_run_kept_as(value: Any, runs: list[KeptRun], where: str) -> int | None:
    """project.json's "run_kept_as": which of `runs` (its index, from 0) the project's own run is, kept and perhaps
    trained on since, so that keeping it again updates that run rather than adding it twice; None when it is none of
    them, as in files from before it was saved."""
    if value is None:
        return None
    if not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(runs)):
        raise FileFormatError(tr("{0}: the number of the kept run that its run is must name one of its {1} kept runs, "
                                 "counted from 0: the file is damaged.").format(where, len(runs)))
    return value


def _read_run(entry: Any, history: dict[str, numpy.ndarray], where: str) -> KeptRun:
    if not isinstance(entry, dict):
        raise FileFormatError(tr("{0} must be an object.").format(where))
    name, training = entry.get("name"), entry.get("training")
    if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
        raise FileFormatError(tr("{0}: its name must be text of at most {1} characters.").format(where, MAX_NAME_CHARS))
    if not isinstance(training, dict):
        raise FileFormatError(tr("{0} lacks its training settings.").format(where))
    step, epoch, batch_size = entry.get("step"), entry.get("epoch"), training.get("batch_size")
    for value, least, problem in ((step, 0, tr("{0}: its step must be a whole number.")),
                                  (epoch, 0, tr("{0}: its epoch must be a whole number.")),
                                  (batch_size, 1, tr("{0}: its batch size must be a whole number."))):
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            raise FileFormatError(problem.format(where))
    try:
        network, dataset = NetworkSpec.from_dict(entry.get("network")), DatasetConfig.from_dict(entry.get("dataset"))
        setup = RunSetup(network, OptimizerSpec.from_dict(training.get("optimizer")), batch_size, dataset.to_dict())
    except PlaygroundError as error:
        raise FileFormatError(tr("{0} cannot be read: {1}").format(where, error)) from None
    steps = history.get("step")
    lengths = {len(series) if series.ndim == 1 else -1 for series in history.values()}
    if steps is None or len(lengths) != 1 or -1 in lengths:
        raise FileFormatError(tr("{0}: its history is damaged: its series are not lists of one length with steps.")
                              .format(where))
    if len(history) > MAX_RUN_SERIES:
        raise FileFormatError(tr("{0}: its history has {1:,} series, more than the {2} a kept run keeps: the file is "
                                 "damaged.").format(where, len(history), MAX_RUN_SERIES))
    if not (numpy.isfinite(steps).all() and (steps >= 0).all()):
        raise FileFormatError(tr("{0}: its history's step numbers are not all whole numbers.").format(where))
    return KeptRun(name, setup, {key: numpy.array(values, dtype=numpy.float64) for key, values in history.items()},
                   step, epoch)
