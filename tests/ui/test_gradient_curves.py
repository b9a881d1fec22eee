"""The Gradients tab's late curves are as smooth as its early ones: each late point stands for its steps
(session/step_norms.py), and the curve weights each by the steps it covers (plot_parts.smoothed_norm)."""

import numpy

from playground.session import loop
from playground.ui.plots import GradientPlot
from tests.session.helpers import preset_session
from tests.session.test_session import SteppedClock
from tests.session.test_step_means import alternating
from tests.ui.test_thinned_curves import drawn


def jitter(logs: numpy.ndarray) -> float:
    """How far a curve moves from one drawn point to the next, in decades: the root mean square."""
    assert len(logs) > 20
    return float(numpy.sqrt(numpy.mean(numpy.diff(logs) ** 2)))


def test_a_late_gradient_curve_of_gradients_that_alternate_tenfold_hardly_jitters(qtbot, monkeypatch):
    """A run on the circle whose every other gradient is ten times larger where it is measured: one step's norm is
    half a decade off the middle, and late points of one step each (five to a smoothing window) drew a curve that
    jumped by 0.18 of a decade from point to point, as much as the early one."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    session = preset_session("circle", epochs=400)
    alternating(session)
    last = list(session.run())[-1]
    plot = GradientPlot()
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    plot.reset(["1", "2"])
    plot.update_from(last)
    steps, logs = drawn(plot.curves["1"])
    early, late = (jitter(logs[(steps >= first) & (steps < end)]) for first, end in ((200, 500), (5000, 10_001)))
    assert late < 0.08 and late < early  # of one step each, late points jittered by 0.18
