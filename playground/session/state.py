"""A session's state out, for project files: everything its next step depends on.

Kept apart from resume.py so that the session itself can export between steps (for a save
or an autosave while it trains) without importing what builds sessions.
"""

from __future__ import annotations

from typing import Any

import numpy


def export_state(session: Any) -> tuple[dict[str, Any], dict[str, numpy.ndarray]]:
    """(JSON-able progress, arrays): weights, optimizer state, batch order, random states, history."""
    net, optimizer, at = session.network, session.optimizer, session.at
    progress: dict[str, Any] = {
        "step": at.step, "epoch": at.epoch, "samples": at.samples, "position": at.position,
        "batch_size": session.batch_size, "optimizer_steps": optimizer.step_count,
        "schedule_start": optimizer.schedule_start,
        "learning_rate": optimizer.spec.learning_rate, "l1": optimizer.spec.l1, "l2": optimizer.spec.l2,
        "epoch_loss_sum": session._epoch_loss_sum, "epoch_steps": session._epoch_steps,
        "shuffle_rng": at.rng.bit_generator.state}
    if net.xp is numpy:  # CuPy's generator state cannot be saved: dropout masks then differ after a resume
        progress["dropout_rng"] = net.rng.bit_generator.state
    arrays = {f"weights/{k}": v for k, v in net.state_dict().items()}
    arrays.update({f"optimizer/{k}": net.backend.to_numpy(v) for k, v in optimizer.state.items()})
    arrays["order"] = numpy.asarray(at.order)
    arrays.update({f"history/{k}": v for k, v in session.history.arrays().items()})
    return progress, arrays
