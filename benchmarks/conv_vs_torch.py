"""LeNet-5 training, the engine against PyTorch eager on the CPU in one process, and where the engine's
time goes.

    python benchmarks/conv_vs_torch.py [--threads N ...] [--seconds S]

LeNet-5 on 1×28×28 inputs: conv 6@5×5 padded "same", ReLU, max pool 2; conv 16@5×5, ReLU, max pool 2;
Flatten; Dense 120 and 84 with ReLU, 10; cross-entropy, SGD with momentum 0.9, batch 64, float32.
Random images with random labels (the timing does not depend on the values), shuffled mini-batches
gathered each step as a training loop does. Each side runs on one thread, timed by the process's
CPU time, then on all cores, timed by the wall clock; the rounds alternate the two, so both see the
same moments of a shared machine, and the best round of each counts.

Target: at least 0.5× PyTorch's samples/s (it convolves with oneDNN's direct convolution).

The breakdown runs training steps on a second network whose layers are timed as they run: each
layer's forward and backward, and inside a Conv2D its im2col, its col2im and its activation, so that
what remains of a Conv2D is its three matrix products. The GEMM ceiling is the samples/s of a step
made of nothing but the network's matrix products, with the same shapes and layouts.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from collections.abc import Callable

import numpy
import torch
from threadpoolctl import threadpool_limits

from playground.engine import (
    Conv2DSpec,
    DenseSpec,
    FlattenSpec,
    MaxPool2DSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
)

BATCH = 64
SAMPLES = 6400  # one timed run: 100 steps
TARGET = 0.5
LENET = NetworkSpec((1, 28, 28), [
    Conv2DSpec(6, 5, padding="same", activation="relu"), MaxPool2DSpec(2),
    Conv2DSpec(16, 5, activation="relu"), MaxPool2DSpec(2), FlattenSpec(),
    DenseSpec(120, "relu"), DenseSpec(84, "relu"), DenseSpec(10)], "cross_entropy")


def torch_lenet() -> torch.nn.Module:
    nn = torch.nn
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                         nn.Linear(84, 10))


def data() -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((SAMPLES, 1, 28, 28)).astype(numpy.float32)
    return x, rng.integers(0, 10, SAMPLES), rng.permutation(SAMPLES)


def engine_run(net: Network) -> Callable[[], int]:
    """One run of SAMPLES // BATCH training steps on `net`; returns the samples it trained on."""
    x, y, order = data()
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.01, momentum=0.9))
    prepared = net.make_batch(x, y)
    holder: list = [None]

    def run() -> int:
        for start in range(0, SAMPLES, BATCH):
            holder[0] = net.gather(prepared, order[start : start + BATCH], holder[0])
            net.train_batch(holder[0], optimizer)
        return SAMPLES

    return run


def torch_run() -> Callable[[], int]:
    x, y, order = data()
    model = torch_lenet()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    tx, ty, perm = torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(order)

    def run() -> int:
        for start in range(0, SAMPLES, BATCH):
            index = perm[start : start + BATCH]
            optimizer.zero_grad(set_to_none=True)
            loss = torch.nn.functional.cross_entropy(model(tx[index]), ty[index])
            loss.backward()
            optimizer.step()
            loss.item()
        return SAMPLES

    return run


def rate(run: Callable[[], int], clock: Callable[[], float], seconds: float) -> float:
    start = clock()
    count = run()
    while clock() - start < seconds:
        count += run()
    return count / (clock() - start)


def timed(function: Callable, key: str, totals: dict[str, float], clock: Callable[[], float]) -> Callable:
    def wrapper(*args, **kwargs):
        start = clock()
        result = function(*args, **kwargs)
        totals[key] += clock() - start
        return result

    return wrapper


def breakdown(clock: Callable[[], float], steps: int = 100) -> tuple[dict[str, float], float]:
    """Milliseconds per step in each part of the engine's training step, and the step's own."""
    net = Network(LENET, "numpy", "float32", seed=0)
    totals: dict[str, float] = defaultdict(float)
    for layer in net.layers:
        kind = {"conv2d": "conv", "maxpool2d": "pooling"}.get(layer.type, "dense and flatten")
        if kind == "conv":
            layer.im2col = timed(layer.im2col, "conv: im2col", totals, clock)
            layer.col2im = timed(layer.col2im, "conv: col2im", totals, clock)
            layer.activation.forward = timed(layer.activation.forward, "conv: ReLU", totals, clock)
            layer.activation.backward = timed(layer.activation.backward, "conv: ReLU", totals, clock)
        layer.forward = timed(layer.forward, kind, totals, clock)
        layer.backward = timed(layer.backward, kind, totals, clock)
    run = engine_run(net)
    run()  # buffers made, caches warm
    totals.clear()
    runs = max(1, steps * BATCH // SAMPLES)
    start = clock()
    for _ in range(runs):
        run()
    per_step = 1e3 / (runs * SAMPLES // BATCH)
    step = (clock() - start) * per_step
    parts = {key: value * per_step for key, value in totals.items()}
    parts["conv: products"] = parts.pop("conv") - sum(parts[k] for k in ("conv: im2col", "conv: col2im", "conv: ReLU"))
    parts["gather, loss, optimizer"] = step - sum(parts.values())
    return parts, step


def gemm_ceiling(clock: Callable[[], float]) -> float:
    """Milliseconds per step if a step were its matrix products alone: each Conv2D's z = [K; b]ᵀ cols,
    [∂K; ∂b] = cols δᵀ and (but the first) ∂cols = K δ, and each Dense layer's three as in training."""
    rng = numpy.random.default_rng(1)
    net = Network(LENET, "numpy", "float32", seed=0)
    products = []

    def arrays(*shapes):
        return [rng.standard_normal(shape).astype(numpy.float32) for shape in shapes]

    for i, layer in enumerate(net.layers):
        if layer.type == "conv2d":
            rows, columns = layer.spec.column_shape(layer.input_shape)
            filters, n = layer.output_shape[0], columns * BATCH
            block, cols, delta = arrays((rows, filters), (rows, n), (filters, n))
            products += [(block.T, cols, numpy.empty((filters, n), numpy.float32)),
                         (cols, delta.T, numpy.empty((rows, filters), numpy.float32))]
            if i > 0:
                products.append((numpy.ascontiguousarray(block[:-1]), delta,
                                 numpy.empty((rows - 1, n), numpy.float32)))
        elif layer.type == "dense":
            fan_in, units = layer.input_size + 1, layer.output_size
            block, x, delta = arrays((fan_in, units), (fan_in, BATCH), (units, BATCH))
            products += [(block.T, x, numpy.empty((units, BATCH), numpy.float32)),
                         (x, delta.T, numpy.empty((fan_in, units), numpy.float32)),
                         (numpy.ascontiguousarray(block[:-1]), delta, numpy.empty((fan_in - 1, BATCH), numpy.float32))]
    best = float("inf")
    for _ in range(5):
        start = clock()
        for _ in range(20):
            for left, right, out in products:
                numpy.dot(left, right, out=out)
        best = min(best, (clock() - start) / 20 * 1e3)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, action="append", help="thread counts (default: 1 and all cores)")
    parser.add_argument("--seconds", type=float, default=1.0, help="least time of one timed round")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    counts = args.threads or sorted({1, os.cpu_count() or 1})
    print(f"LeNet-5, 1×28×28, batch {BATCH}, float32, SGD momentum 0.9; torch {torch.__version__}, "
          f"NumPy {numpy.__version__}")
    for threads in counts:
        clock = time.process_time if threads == 1 else time.perf_counter
        torch.set_num_threads(threads)
        with threadpool_limits(limits=threads):
            engine, reference = engine_run(Network(LENET, "numpy", "float32", seed=0)), torch_run()
            engine_best = torch_best = 0.0
            for _ in range(args.rounds):
                engine_best = max(engine_best, rate(engine, clock, args.seconds))
                torch_best = max(torch_best, rate(reference, clock, args.seconds))
            ratio = engine_best / torch_best
            verdict = "meets" if ratio >= TARGET else "misses"
            label = f"{threads} thread{'s' if threads > 1 else ''}, {'CPU' if threads == 1 else 'wall'} time"
            print(f"\n[{label}] engine {engine_best:,.0f} samples/s, PyTorch {torch_best:,.0f} samples/s: "
                  f"ratio {ratio:.2f}x ({verdict} the {TARGET}x target)")
            parts, step = breakdown(clock)
            ceiling = gemm_ceiling(clock)
            print(f"  one engine step, {step:.2f} ms of {BATCH} samples (timers on), goes to:")
            for key, value in sorted(parts.items(), key=lambda item: -item[1]):
                print(f"    {key:<26}{value:6.2f} ms  {value / step:4.0%}")
            print(f"  GEMM ceiling: the step's products alone take {ceiling:.2f} ms, {BATCH / ceiling * 1e3:,.0f} "
                  f"samples/s; the engine runs at {BATCH / step * 1e3 / (BATCH / ceiling * 1e3):.0%} of it")


if __name__ == "__main__":
    main()
