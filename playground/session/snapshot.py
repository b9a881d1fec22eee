"""What a session reports: plain NumPy copies, safe to hand to another thread."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy

from playground.engine import OptimizerSpec, StepTrace
from playground.session.layer_pictures import FeatureMaps
from playground.session.statistics import ClassificationReport, LayerStats


@dataclass
class EpochReport:
    """Metrics over whole splits at the end of an epoch, or (at_step) when training paused."""

    epoch: int
    train_loss: float  # mean of the epoch's batch losses (as Keras reports it)
    test_loss: float  # over the whole test split
    test_accuracy: float | None = None
    report: ClassificationReport | None = None  # test confusion matrix, precision, recall, F1
    at_step: int | None = None  # made at a pause, at this step, between epoch ends (train_loss is NaN)


@dataclass
class RegressionFit:
    """A regression's predictions for a few examples of each split (at most FIT_SIZE of each), with their rows
    in the split: enough to draw predicted against true without the GUI running the network. The first target
    column, on the scale the network trains on (Dataset.target_scale scales it back)."""

    train_rows: numpy.ndarray
    train_predicted: numpy.ndarray
    test_rows: numpy.ndarray
    test_predicted: numpy.ndarray


@dataclass
class Snapshot:
    run: int  # which run this is: a new one for every network a session builds (start, reset, load)
    step: int
    epoch: int  # epochs completed
    epoch_progress: float  # share of the current epoch done
    samples_seen: int
    samples_per_s: float  # since the last snapshot, while running; NaN after a pause, a load or a reset
    learning_rate: float
    batch_size: int
    state: str  # "running", "paused", "diverged", "finished", "stopped"
    train_loss: float  # mean of the batch losses since the last snapshot
    test_loss: float  # on a fixed sample of the test split (up to 1,000 examples)
    train_accuracy: float | None = None  # on a fixed sample of the training split
    test_accuracy: float | None = None
    # The test sample's examples that test_loss and test_accuracy rest on, and how many of them were
    # measured at this snapshot: big networks measure a rotating slice while training runs.
    test_examples: int = 0
    test_measured: int = 0
    penalty: float = 0.0  # the L1/L2 term added to the loss
    layers: list[LayerStats] = field(default_factory=list)
    boundary: numpy.ndarray | None = None  # prediction over a grid of the input plane (or line)
    boundary_extent: tuple[float, float] = (-6.0, 6.0)
    neuron_grids: dict[str, numpy.ndarray] = field(default_factory=dict)  # small networks: each unit over the grid
    # Small networks with a grid too: each top-level Dense layer's W (fan_in, fan_out) and its gradient, by path.
    weights: dict[str, numpy.ndarray] = field(default_factory=dict)
    weight_grads: dict[str, numpy.ndarray] = field(default_factory=dict)
    # Classification: (indices into the test split, predicted classes) of a few test examples to show.
    gallery: tuple[numpy.ndarray, numpy.ndarray] | None = None
    fit: RegressionFit | None = None  # regression: predictions for a few examples of each split
    epoch_report: EpochReport | None = None
    history: dict[str, numpy.ndarray] = field(default_factory=dict)
    message: str | None = None
    final: bool = False
    exported: tuple[dict, dict[str, numpy.ndarray]] | None = None  # export_state's (progress, arrays), when asked
    trace: StepTrace | None = None  # a step just traced for the stepper, not yet applied (once, in one snapshot)
    # Whether a traced step is still held for apply_trace: training or a setting that moved on since dropped it.
    trace_held: bool = False
    # The optimizer's settings in use: a copy, made when they change, that the GUI may read while training runs.
    optimizer: OptimizerSpec | None = None
    # While the window's Filters or Feature maps view watches (Control.watch_images): each Conv2D layer's K by
    # path, and one test image through every layer.
    kernels: dict[str, numpy.ndarray] = field(default_factory=dict)
    feature_maps: FeatureMaps | None = None
    backend: str = "numpy"  # where the network computes: "numpy", or "cupy" on a GPU
    backend_chosen: str = "numpy"  # as asked for: "auto", "numpy" or "cupy"
    # A backend asked for that could not take the network (once, with the reason in `message`): the run stays
    # where it was, on the backend chosen before.
    backend_refused: str | None = None
