"""The training loop as a plain generator: it trains, applies commands between steps, and
yields a Snapshot at most `snapshot_hz` times a second by clock, never per step."""

from __future__ import annotations

import copy
import dataclasses
import itertools
import math
import os
import queue
import time
from collections.abc import Iterator
from typing import Any

import numpy
from threadpoolctl import threadpool_limits

from playground.data import Dataset
from playground.engine import (
    Batch,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
    StepTrace,
    choose_backend,
    get_backend,
)
from playground.engine.memory import check_memory
from playground.errors import DataError, PlaygroundError
from playground.session.config import PACE_STEPS, Command, Control, TrainingConfig
from playground.session.divergence import DivergenceGuard, all_finite
from playground.session.held_step import HeldStep
from playground.session.history_points import HistoryPoints
from playground.session.layer_pictures import LayerPictures
from playground.session.position import TrainingPosition
from playground.session.snapshot import EpochReport, Snapshot
from playground.session.snapshot_measures import GRID_RESOLUTION, SAMPLE_SIZE, Measurements, evaluation_chunk
from playground.session.state import export_state, restore_state
from playground.words import tr

_RUN_IDS = itertools.count(1)  # every network built, in any session, is a run of its own
IDLE_WAIT_S = 0.25
CHECK_EVERY = 32  # steps between checks of the weights (see _run_steps)
CHECKPOINT_SHARE = 0.001  # a burst's checkpoints take at most this share of its time (see _burst)
CHECKPOINT_SPACING_S = 0.1  # and come at least this often, which bounds the steps a rewind replays
REPORT_INTERVAL_S = 1.0  # whole-test-set metrics at most this often, at an epoch end


class Session:
    """Trains one network on one dataset (a new network at each reset): where it is in the data is `at`,
    the states it can go back to are `guard`'s, and what its snapshots measure is `measurements`'."""

    def __init__(self, spec: NetworkSpec, dataset: Dataset, config: TrainingConfig) -> None:
        config.check()
        infos = spec.validate()
        dataset = dataset.shaped(spec.input_shape)  # images for a network that starts on them, else flat
        problem = dataset.fit_problem(spec.output_size, spec.loss, str(len(spec.layers)))
        if problem is not None:
            raise DataError(problem)
        self.spec, self.dataset, self.config = spec, dataset, config
        self.control = Control({info.path: (info.input_size, info.output_size) for info in infos
                                if info.type == "dense"}, float(numpy.finfo(config.dtype).max))
        self.batch_size = config.batch_size
        self._optimizer_spec = copy.deepcopy(config.optimizer)
        self.pace = config.pace
        self.stop_at_epoch = config.stop_at_epoch  # the window's goal (TrainingConfig.stop_at_epoch)
        self._build()

    def _build(self) -> None:
        """Everything that reset starts over: network, optimizer, order, counters, history."""
        config, dataset = self.config, self.dataset
        # Refused before anything is allocated. Buffers are prepared for several batch sizes at once: the
        # training batch's, and forward only, the two samples', a chunk of the test split's and its
        # remainder's, and for points, the boundary grid's.
        train, test = len(dataset.x_train), len(dataset.x_test)
        grid = config.details and dataset.points_train is not None
        evaluated = (min(SAMPLE_SIZE, train) + min(SAMPLE_SIZE, test)
                     + 2 * min(evaluation_chunk(self.spec, config.dtype), test) + (GRID_RESOLUTION**2 if grid else 0))
        backend, self.backend_notice = self._backend_for(config.backend)  # why auto took NumPy, if it did
        check_memory(self.spec, config.dtype, min(self.batch_size, train), train + test,
                     tr("use a smaller batch size or make its layers smaller"), evaluated, get_backend(backend))
        self.network = net = Network(self.spec, backend, config.dtype, config.seed)
        self.optimizer = Optimizer(net, self._optimizer_spec)
        self._optimizer_shown: OptimizerSpec | None = None  # snapshots' copy of its settings; None when stale
        self._data = net.make_batch(dataset.x_train, dataset.y_train)  # on the backend, once
        self._order: tuple[Any, Any] = (None, None)  # the epoch's batch order, and the same on the backend
        self.measurements = Measurements(net, dataset, self._data, config.seed, config.details)
        self.pictures = LayerPictures(net, dataset)
        self.at = TrainingPosition.start(len(dataset.x_train), config.seed)
        self._batch = None  # the training batch's buffers, reused from step to step
        # The history's points (between snapshots too, with each layer's weight norms as snapshots carry them: with
        # details) and the means since the point before that they hold.
        self.points = HistoryPoints(net, config.details)
        self.history = self.points.history
        self._loss_sum = self._loss_count = 0.0  # since the last snapshot
        self._epoch_loss_sum, self._epoch_steps = 0.0, 0
        self.guard = DivergenceGuard(net, self._data, self.at, self.optimizer)
        self.held_step = HeldStep(net, self.guard, self.measurements)  # the stepper's, until applied or dropped
        # (time, samples) when the throughput was last measured; None while nothing runs, so that a rate
        # is never worked out across a pause, a load or a reset.
        self._rate_mark: tuple[float, int] | None = None
        self._reported_step = 0
        self.run_id = next(_RUN_IDS)

    @property
    def step(self) -> int:
        return self.at.step

    @property
    def epoch(self) -> int:
        return self.at.epoch

    @property
    def samples(self) -> int:
        return self.at.samples

    # The generator.

    def run(self) -> Iterator[Snapshot]:
        threads = self.config.blas_threads or max(1, (os.cpu_count() or 1) - 1)
        # Overflow on the way to NaN is reported as divergence, not as NumPy warnings.
        with threadpool_limits(limits=threads), numpy.errstate(over="ignore", invalid="ignore", divide="ignore"):
            yield from self._loop()

    def _loop(self) -> Iterator[Snapshot]:
        self._paused, self._stopped, self._steps_left, self._until_epoch = self.config.start_paused, False, 0, None
        self._rate_mark = None  # nothing trained yet: the first snapshot has no rate, and marks the start if running
        interval = 1.0 / self.config.snapshot_hz
        # A project opened paused part-way shows its own test scores at once, not at the next epoch end.
        opened = self._pause_report() if self._paused and self.step > 0 else None
        # A resumed run's curve goes on from here: its first point adds no step, where it added the last step's norms
        # again, in place of the mean the saved point stands for.
        self.points.start_at(self.step)
        yield self._snapshot("paused" if self._paused else "running", opened)
        next_due = time.perf_counter() + interval
        report_due = -math.inf
        self._frame_start, self._frame_shown = self.step, False
        while not self._stopped:
            self._apply_commands(block=self._idle())
            if self._announce and not self._stopped:
                # Commands show at once, even while paused: the GUI learns the state from snapshots.
                self._announce = False
                fresh = self._paused and self.step != self._reported_step  # the test split as it is now
                yield self._snapshot("paused" if self._paused else "running", self._pause_report() if fresh else None)
            if self._stopped or self._idle():
                continue
            # Step and Epoch, asked for while paused, go at full speed.
            paced = self.pace != "full" and self._steps_left == 0 and self._until_epoch is None
            if paced and self._frame_shown:
                frame_due = self._next_frame(next_due, interval)
                if frame_due is None:
                    continue
                next_due = frame_due
            frame_left = self._frame_left() if paced else math.inf
            # A single step, the step just before a snapshot and a frame's last step record their update;
            # the rest run in bursts.
            capture = self._steps_left > 0 or frame_left <= 1 or time.perf_counter() >= next_due
            message = self._capture_step() if capture else self._run_steps(
                next_due, report_due, frame_left - 1, paced)
            if message is not None:
                self._paused, self._steps_left, self._until_epoch = True, 0, None
                self.history.went_back_to(self.step)  # the steps undone show until training moves on
                self.measurements.forget_last_step()
                self.points.start_at(self.step)  # the next point's means start here
                yield self._snapshot("diverged", message=message)
                continue
            paused_now = False
            if capture and self._steps_left:
                self._steps_left -= 1
                paused_now = self._steps_left == 0
            report, finished = None, False
            frame_done = paced and frame_left <= 1
            if self.at.epoch_done:
                frame_done = frame_done or (paced and self.pace == "epoch")
                self.at.next_epoch()
                finished = self.config.epochs is not None and self.epoch >= self.config.epochs
                if self._until_epoch is not None and self.epoch >= self._until_epoch:
                    self._paused, self._until_epoch, paused_now = True, None, True
                if self.epoch == self.stop_at_epoch and not self._paused:  # reached from below: once
                    self._paused, paused_now = True, True
                    self._notice = tr("Paused at the end of epoch {0}, where training was set to stop.").format(
                        self.epoch)
                now = time.perf_counter()
                if self.config.every_epoch or finished or paused_now or now >= report_due:
                    report = self._epoch_report()
                    # Within a quarter of the snapshots' budget: on MNIST's test split a report takes about 80 ms,
                    # and the snapshots' rotating slices keep the test scores current in between.
                    cost = time.perf_counter() - now
                    report_due = now + max(REPORT_INTERVAL_S, 4 * cost / self.config.overhead_budget)
            if paused_now and report is None:
                report = self._pause_report()
            if not capture and (finished or report is not None or paused_now or frame_done):
                # A snapshot after a burst (an epoch's end, the epoch to stop at): its last step's update, as a
                # recorded step gives, or the Inspector would show none when a whole run is one burst.
                self.measurements.record_update(self.optimizer)
            if finished:
                yield self._snapshot("finished", report, final=True)
                return
            if capture or report is not None or paused_now or frame_done:
                started = time.perf_counter()
                yield self._snapshot("paused" if self._paused else "running", report)
                self._frame_shown = frame_done
                cost = time.perf_counter() - started
                # Snapshots may take at most the budgeted share of the time: slow ones come less often.
                next_due = time.perf_counter() + max(interval, cost / self.config.overhead_budget)
        yield self._snapshot("stopped", final=True)

    # The pace: at a watching pace, each frame trains its steps (or epoch) and shows them, then waits for its time.

    def _next_frame(self, due: float, interval: float) -> float | None:
        """Once a frame is shown: None while the next one's time has not come (commands apply meanwhile);
        when it has, the time by which the frame that starts now shows its training at the latest."""
        wait = due - time.perf_counter()
        if wait > 0:
            self._apply_commands(block=True, timeout=wait)
            return None
        self._frame_start, self._frame_shown = self.step, False
        return time.perf_counter() + interval

    def _frame_left(self) -> float:
        """Steps the frame may still train: infinite at one epoch a frame, where the epoch's end ends it."""
        return PACE_STEPS[self.pace] - (self.step - self._frame_start) if self.pace in PACE_STEPS else math.inf

    # The stepper: one step recorded and held (held_step), applied only when asked.

    _new_trace = None
    _exported = None

    def _trace(self, example: int | None) -> StepTrace:
        count = len(self.dataset.x_train)
        if example is not None and example >= count:
            raise DataError(tr("There are {0} training examples, numbered 0 to {1}: pick one of those.").format(
                count, count - 1))
        in_order = example is None
        indices = self.at.batch(self.batch_size) if in_order else [example]
        batch = self.network.gather(self._data, numpy.asarray(indices))
        return self.held_step.trace(batch, self.optimizer, in_order)

    def _apply_trace(self) -> None:
        held = self.held_step
        if not held.held:
            return
        if not held.sound():
            # Training would stop here and keep the weights it had: so does the stepper.
            loss = held.loss
            held.drop()
            self._notice = tr("The step traced gives a loss of {0:.4g} and non-finite weights, so it was not applied "
                              "and the weights stay as they were; lower the learning rate or turn on gradient "
                              "clipping, or reset the network.").format(loss)
            return
        size, in_order, loss = held.apply(self.optimizer)
        # The optimizer's last step is still the traced one (any other step drops the held trace): its ratios, not
        # those of the step trained before it, are the last step's now.
        self.measurements.record_update(self.optimizer)
        if self.points.step_norms is not None:
            self.points.step_norms.add_step(self.optimizer)
        at = self.at
        at.step += 1
        at.samples += size
        self._loss_sum, self._loss_count = self._loss_sum + loss, self._loss_count + 1
        self.points.loss_total += loss
        self._epoch_loss_sum, self._epoch_steps = self._epoch_loss_sum + loss, self._epoch_steps + 1
        if in_order:
            at.position += size
            if at.epoch_done:
                at.next_epoch()

    # A weight set by hand: a what-if, scored on the test split at once.

    _notice: str | None = None  # for the next snapshot's message
    _backend_refused: str | None = None  # for the next snapshot
    _watched: tuple[bool, int | None] = (False, None)  # what the views of image layers ask snapshots for

    def _set_weight(self, path: str, row: int, column: int, value: float, expected: float | None) -> None:
        weights = self.network.parameters()[f"{path}.W"]
        current = self.network.backend.scalars(weights[row, column])[0]
        if expected is not None and current != weights.dtype.type(expected):
            self._notice = tr("W[{0}, {1}] of layer {2} has changed since that edit (training or a reset moved it), "
                              "so it stays as it is.").format(row, column, path)
            return
        weights[row, column] = value
        self._reported_step = -1  # the paused snapshot after it scores the whole test split again

    def _idle(self) -> bool:
        return self._paused and self._steps_left == 0 and self._until_epoch is None

    # Commands, applied between steps.

    _announce = False

    def _apply_commands(self, block: bool, timeout: float = IDLE_WAIT_S) -> None:
        if not block and self.control.queue.empty():
            return
        while True:
            try:
                command = self.control.queue.get(timeout=timeout) if block else self.control.queue.get_nowait()
            except queue.Empty:
                return
            self._apply(command)
            self._announce = self._announce or command.name not in ("stop", "step", "epoch")
            block = False

    def _apply(self, command: Command) -> None:
        name, value = command.name, command.value
        if name in ("learning_rate", "regularization", "optimizer", "optimizer_settings"):
            self._optimizer_shown = None
        if name not in ("trace", "apply_trace", "pause", "pace", "export", "watch", "stop_at_epoch"):
            self.held_step.drop()  # training or settings moved on: the held step no longer applies
        if name == "pause":
            self._paused, self._steps_left, self._until_epoch = True, 0, None
        elif name == "resume":
            if self._paused:
                self._rate_mark = (time.perf_counter(), self.samples)
            self._paused = False
        elif name == "step":
            self._paused, self._steps_left = True, self._steps_left + 1
        elif name == "epoch":
            self._paused, self._until_epoch = True, self.epoch + 1
        elif name == "stop":
            self._stopped = True
        elif name == "stop_at_epoch":
            self.stop_at_epoch = value
        elif name == "reset":
            self._build()
            self._steps_left, self._until_epoch = 0, None
        elif name == "learning_rate":
            self.optimizer.set_learning_rate(value)
        elif name == "pace":
            self.pace, self._frame_start, self._frame_shown = value, self.step, False
        elif name == "batch_size":
            self.batch_size = value
        elif name == "regularization":
            self.optimizer.spec.l1, self.optimizer.spec.l2 = value
        elif name == "export":
            self._exported = export_state(self)  # now, before any command after it changes the state
        elif name == "trace":
            self._paused, self._steps_left, self._until_epoch = True, 0, None
            self._new_trace = self._trace(value)
        elif name == "apply_trace":
            self._apply_trace()
        elif name == "weight":
            self._set_weight(*value)
        elif name == "watch":
            self._watched = value
        elif name == "optimizer":
            spec = self.optimizer.spec.with_kind(value)
            self._optimizer_spec = spec
            self.optimizer = Optimizer(self.network, spec)
        elif name == "backend":
            self._move_to(value)
        elif name == "optimizer_settings":
            old, self._optimizer_spec = self.optimizer, value
            self.optimizer = Optimizer(self.network, value)  # the Control's own copy
            for key, array in self.optimizer.state.items():
                if key in old.state:
                    array[...] = old.state[key]
            self.optimizer.step_count = old.step_count
            # The same schedule goes on where it was; another one starts now, not as if set at step 0.
            same = value.schedule == old.spec.schedule
            self.optimizer.schedule_start = old.schedule_start if same else old.step_count
            self.guard.carry_over(old, self.optimizer)

    def _move_to(self, backend: str) -> None:
        """The same run on another backend: its weights, optimizer state, batch order and history go across
        (export_state, restore_state) and training goes on where it was. A backend that cannot take the
        network leaves the run where it was, and the next snapshot says why."""
        here, config = self.network.backend.name, self.config
        try:
            chosen, notice = self._backend_for(backend)
            self._notice = notice or self._notice
            if chosen == here:
                self.config = dataclasses.replace(config, backend=backend)  # later runs are built as asked
                return
            state = export_state(self)
            kept, points = self.run_id, self.points
            self.config = dataclasses.replace(config, backend=backend)
            self._build()
        except PlaygroundError as error:
            self.config, self._backend_refused = config, backend
            self._notice = tr("{0} Training stays on {1}.").format(error, here)
            return
        restore_state(self, *state)
        self.run_id = kept
        self.points.carry_on_from(points)

    def _backend_for(self, requested: str) -> tuple[str, str | None]:
        """The backend `requested` ("auto", "numpy" or "cupy") computes this network on, and why when auto took
        NumPy: the GPU only for a network large enough to gain from it, at the run's batch size."""
        return choose_backend(requested, self.spec.multiply_adds_per_example() * self.batch_size)

    # Training.

    def _order_on_backend(self) -> Any:
        """The epoch's batch order where the batches are gathered, on the backend: moved there once an epoch."""
        order = self.at.order
        if self._order[0] is not order:
            self._order = order, self.network.backend.asarray(order)
        return self._order[1]

    def _capture_step(self, replayed: bool = False) -> str | None:
        """One step, every number checked, that records its update (‖Δθ‖ / ‖θ‖) for the snapshot after it:
        the stepper's steps, the step before each snapshot and a rewound burst's replay. The guard keeps the
        states before it and before the step before. A message instead when it diverged. A replayed step and
        one that diverges are points of the history (HistoryPoints.add_step_point)."""
        net, at, backend = self.network, self.at, self.network.backend
        batch = net.gather(self._data, at.batch(self.batch_size), self._batch)
        self._batch, step = batch, at.step + 1
        if not all_finite(backend, net.theta):  # went bad outside training (or loaded so)
            return self._diverged(batch, step)
        self.guard.keep_before_step(self.optimizer)
        loss = net.forward_backward(batch, True)
        loss, square = backend.scalars(loss, net.grad.dot(net.grad))  # one read of both
        sound = math.isfinite(loss) and all_finite(backend, net.grad, square)
        if replayed or not sound:
            self.points.add_step_point(step, loss, net)
        if not sound:
            return self._diverged(batch, step)
        self.optimizer.step()
        if not all_finite(backend, net.theta):  # an update can overflow with finite gradients
            if not replayed:
                self.points.add_step_point(step, loss, net)
            return self._diverged(batch, step)
        self.measurements.record_update(self.optimizer)
        if self.points.step_norms is not None and not replayed:  # a replayed step is a point of its own
            self.points.step_norms.add_step(self.optimizer)
        self._count_progress(at.position + batch.size, batch.size, 1, loss)
        return None

    def _diverged(self, batch: Batch, step: int) -> str:
        return self.guard.diverged(batch, step, self.optimizer, self.batch_size)

    def _run_steps(self, deadline: float, report_at: float, max_steps: float = math.inf,
                   until_epoch_end: bool = False) -> str | None:
        """Train until a command waits, the snapshot deadline passes, `max_steps` are done or an epoch
        ends whose end matters (a report is due at `report_at`, it is the last epoch or the one to stop at,
        or `until_epoch_end`); other epoch ends reshuffle and go on. A message instead when it diverged
        (see DivergenceGuard.diverged for the weights kept).

        Divergence checks are exact but cheap: every CHECK_EVERY steps the loss summed since the burst began
        (a non-finite loss at any step leaves it non-finite) and the weights are checked (a non-finite
        gradient always leaves non-finite weights behind), and a checkpoint kept. A non-finite loss or
        weights rewind to the checkpoint, and the steps from there run again one checked step at a time,
        which stops at the first unsound one."""
        if not all_finite(self.network.backend, self.network.theta):  # went bad outside training (or loaded so):
            return self._capture_step()  # the checked step says where
        replay = self._burst(deadline, report_at, max_steps, until_epoch_end)
        if not replay:
            return None
        # The replay adds a point a step from the checkpoint on: the burst's points after it go.
        self.history.drop_after(self.step)
        self.points.start_at(self.step)
        return self._replay(replay)

    def _burst(self, deadline: float, report_at: float, max_steps: float, until_epoch_end: bool) -> int:
        """The steps themselves, counted once at the end. When a non-finite loss or weights sent them back
        to the last checkpoint, how many steps that undid (the replay's bound); else 0. Everything the loop
        reads is a local variable: on tiny networks it runs a hundred thousand steps a second, and every
        attribute lookup shows.

        Checkpoints are copies of every parameter and the optimizer's state: on MNIST's 784-200-10 one costs
        as much as a few steps. So they come as far apart as keeps their copying under CHECKPOINT_SHARE of
        the time, but at least every CHECK_EVERY steps apart and at most CHECKPOINT_SPACING_S apart, and at
        every epoch end.

        Nothing is read on the host between checks: the losses add up on the backend, as on a GPU a read
        makes the step wait for the device. The checks come every CHECK_EVERY steps, or sooner when
        `max_steps` or the next point of the history is nearer (a step costs no more for either), and read the
        loss sum and the weights' squared norm in one transfer; the check at a point of the history reads the dot
        products of each layer's weights for their norms (StepNorms) in the same one. Those norms stand for the
        point's steps: every `next_sample` step adds its own on the backend, a comparison a step otherwise."""
        net, optimizer, at, backend, points = self.network, self.optimizer, self.at, self.network.backend, self.points
        data, order, theta, norms = self._data, self._order_on_backend(), net.theta, points.step_norms
        size, position, batch, batch_size = len(at.order), at.position, self._batch, self.batch_size
        no_commands, clock, finite, read = self.control.queue.empty, time.perf_counter, math.isfinite, backend.scalars
        run_on_past_epochs = not (self.config.every_epoch or self._until_epoch or until_epoch_end)
        # The first epoch end it may not run past: the last epoch's, or the goal's while the run is short of it.
        goal = math.inf if self.stop_at_epoch is None or self.stop_at_epoch <= at.epoch else self.stop_at_epoch
        end_epoch = min(goal, math.inf if self.config.epochs is None else self.config.epochs)
        zero = backend.xp.zeros((), backend.xp.float64) if backend.on_device else 0.0  # the losses add up in float64
        start, steps, loss_sum, loss_read = position, 0, zero, 0.0  # loss_read: the sum as last read on the host
        kept = self.guard.start_burst(optimizer)
        spacing = min(CHECKPOINT_SPACING_S, self.guard.checkpoint_seconds / CHECKPOINT_SHARE)
        checkpoint, steps_since_check, checkpoint_due = (position, steps, loss_read), 0, clock() + spacing
        check_at = min(CHECK_EVERY, max_steps, max(1, points.next_detail - at.step))
        sample_at = points.next_sample(at.step, steps)
        try:
            while True:
                batch = net.gather(data, order[position : position + batch_size], batch)
                loss_sum = loss_sum + net.forward_backward(batch, True)
                optimizer.step()
                position += batch.size
                steps += 1
                steps_since_check += 1
                if steps == sample_at:
                    norms.add_step(optimizer)
                    sample_at = points.next_sample(at.step, steps)
                if steps_since_check < check_at and position < size and clock() < deadline and no_commands():
                    continue
                # Every check_at steps, at every epoch end (a rewind never crosses one) and before leaving:
                point = at.step + steps >= points.next_detail
                if point and norms is not None:
                    loss_read, square, *products = read(loss_sum, theta.dot(theta), *norms.products(optimizer))
                else:
                    (loss_read, square), products = read(loss_sum, theta.dot(theta)), None
                if not (finite(loss_read) and all_finite(backend, theta, square)):
                    break
                steps_since_check = 0
                if point:
                    points.add_detail(at.step + steps, points.loss_total + loss_read, products, optimizer,
                                      self.measurements, clock)
                    sample_at = points.next_sample(at.step, steps)
                if steps >= max_steps:
                    return 0
                if position < size:
                    if clock() >= deadline or not no_commands():
                        return 0
                    if steps - checkpoint[1] >= CHECK_EVERY and clock() >= checkpoint_due:
                        kept.take()
                        checkpoint, checkpoint_due = (position, steps, loss_read), clock() + spacing
                    check_at = min(CHECK_EVERY, max_steps - steps, max(1, points.next_detail - at.step - steps))
                    continue
                if not run_on_past_epochs or at.epoch + 1 >= end_epoch or clock() >= report_at:
                    return 0
                self._count_progress(position, position - start, steps, loss_read)
                at.next_epoch()  # an epoch nobody reports on: its sums start over with the next
                self._epoch_loss_sum, self._epoch_steps = 0.0, 0
                order, position, start, steps, loss_sum, loss_read = self._order_on_backend(), 0, 0, 0, zero, 0.0
                kept.take()
                checkpoint, checkpoint_due = (position, steps, loss_read), clock() + spacing
                check_at = min(CHECK_EVERY, max_steps, max(1, points.next_detail - at.step))
                sample_at = points.next_sample(at.step, steps)
            kept.restore(optimizer)  # a non-finite loss or weights: back to the checkpoint
            undone = steps - checkpoint[1]
            position, steps, loss_read = checkpoint
            return undone
        finally:
            self._batch = batch
            self._count_progress(position, position - start, steps, loss_read)

    def _replay(self, steps: int) -> str | None:
        """The `steps` after a burst's checkpoint again, each checked: the unsound one is among them. The
        message of the step that diverged; None if none did (a NaN that does not repeat)."""
        for _ in range(steps):
            message = self._capture_step(replayed=True)
            if message is not None or self.at.epoch_done:
                return message
        return None

    def _count_progress(self, position: int, advanced: int, steps: int, loss_sum: float) -> None:
        # Counted once a burst, not once a step: on tiny networks every step's microsecond shows.
        at = self.at
        at.position = position
        at.step += steps
        self.measurements.gradient_known = self.measurements.gradient_known or steps > 0
        at.samples += advanced
        self._loss_sum += loss_sum
        self.points.loss_total += loss_sum
        self._loss_count += steps
        self._epoch_loss_sum += loss_sum
        self._epoch_steps += steps

    # Measuring.

    def _snapshot(self, state: str, report: EpochReport | None = None, message: str | None = None,
                  final: bool = False) -> Snapshot:
        details, at = self.config.details, self.at
        now = time.perf_counter()
        rate = math.nan
        # Not across a rewind either: a divergence puts the counters back to a kept step.
        if self._rate_mark is not None and now > self._rate_mark[0] and state != "diverged":
            rate = (at.samples - self._rate_mark[1]) / (now - self._rate_mark[0])
        self._rate_mark = (now, at.samples) if state == "running" else None
        train_loss = self._loss_sum / self._loss_count if self._loss_count else math.nan
        self._loss_sum = self._loss_count = 0.0
        # A snapshot while training runs measures a slice of each sample; at rest, all of it.
        measured = self.measurements.score_samples(details, whole=final or self._idle())
        snapshot = Snapshot(
            run=self.run_id, step=at.step, epoch=at.epoch, epoch_progress=at.position / len(at.order),
            samples_seen=at.samples, samples_per_s=rate, learning_rate=self.optimizer.learning_rate,
            batch_size=self.batch_size, state=state, train_loss=train_loss, test_loss=measured.test_loss,
            train_accuracy=measured.train_accuracy, test_accuracy=measured.test_accuracy,
            test_examples=measured.test_examples, test_measured=measured.test_measured,
            penalty=self.optimizer.penalty(), layers=measured.layers, gallery=measured.gallery, fit=measured.fit,
            epoch_report=report,
            message=message, final=final, backend=self.network.backend.name, backend_chosen=self.config.backend,
            backend_refused=self._backend_refused)
        self._backend_refused = None
        if details and self.measurements.has_grid:
            snapshot.boundary, snapshot.neuron_grids = self.measurements.boundary()
            snapshot.weights, snapshot.weight_grads = self.measurements.dense_weights()
        # In the history, the means since its last point (bursts add points between snapshots): one curve.
        stepped = self.points.stepped_since_point(at.step) and self.measurements.gradient_known
        values = {"train_loss": self.points.loss_since_point(at.step, self.points.loss_total),
                  "test_loss": snapshot.test_loss,
                  "learning_rate": snapshot.learning_rate,
                  "train_accuracy": snapshot.train_accuracy if snapshot.train_accuracy is not None else math.nan,
                  "test_accuracy": snapshot.test_accuracy if snapshot.test_accuracy is not None else math.nan}
        for layer in snapshot.layers:
            values.update({f"grad_norm/{layer.path}.{k}": v for k, v in layer.grad_norms.items()})
            values.update({f"update_ratio/{layer.path}.{k}": v for k, v in layer.update_ratios.items()})
        self.points.step_norm_means(values, stepped, self.optimizer)  # the weights': not only the last step's
        self.history.append(at.step, values, force=final or state != "running")
        snapshot.history = self.history.arrays()
        snapshot.trace, self._new_trace = self._new_trace, None
        snapshot.trace_held = self.held_step.held
        if self._optimizer_shown is None:
            self._optimizer_shown = copy.deepcopy(self.optimizer.spec)
        snapshot.optimizer = self._optimizer_shown
        snapshot.kernels, snapshot.feature_maps = self.pictures.measure(*self._watched)
        snapshot.exported, self._exported = self._exported, None
        snapshot.message, self._notice = snapshot.message or self._notice, None
        if state != "diverged" and all_finite(self.network.backend, self.network.theta):
            self.guard.keep_backup(self.optimizer)
        return snapshot

    def _epoch_report(self) -> EpochReport:
        train_loss = self._epoch_loss_sum / self._epoch_steps if self._epoch_steps else math.nan
        self._epoch_loss_sum, self._epoch_steps = 0.0, 0
        report = self.measurements.test_report(self.at.epoch, train_loss)
        self.history.append(self.at.step, {"epoch_train_loss": train_loss, "epoch_test_loss": report.test_loss,
                                           "epoch_test_accuracy": report.test_accuracy or math.nan}, force=True)
        self._reported_step = self.at.step
        return report

    def _pause_report(self) -> EpochReport:
        """The whole test split's scores for the weights as they are at a pause between epoch
        ends, so that what a paused window shows is not the last epoch end's. No history point."""
        self._reported_step = self.at.step
        return self.measurements.test_report(self.at.epoch, math.nan, at_step=self.at.step)
