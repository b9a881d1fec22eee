"""The engine against PyTorch eager, in one process, as ratios (`playground bench`).

Three cases: the MLP 784-256-128-10 (SGD with momentum and Adam), a tiny 2-8-8-1 tanh
network on 500 points full batch, and TensorFlow Playground's default (circle, 2-4-2-1
tanh, batch 10, 250 points, plain SGD). Each runs on one BLAS thread and on all cores,
set explicitly with threadpoolctl.

On a GPU (`playground bench --backend cupy`, benchmarks/gpu_vs_numpy.py) two other cases: a wide MLP
784-4096-4096-10 at batch 1024, and mnist-mlp (784-200-10, batch 64) on data of MNIST's shape, each on
CuPy against the same engine on NumPy on this machine's CPU and against PyTorch on CUDA.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy
from threadpoolctl import threadpool_limits

from playground.engine import DenseSpec, Network, NetworkSpec, Optimizer, OptimizerSpec, get_backend
from playground.errors import PlaygroundError, install_advice

# TensorFlow Playground's nn.ts run headless in Node on this machine: circle, 2-4-2-1 tanh,
# batch 10, 250 points, plain SGD. Quoted, not rerun here (it needs their source checked out).
TF_PLAYGROUND_EPOCHS_PER_S = 6900.0


@dataclass
class Result:
    case: str
    unit: str
    engine: float
    torch: float
    threads: int
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.engine / self.torch


# On one thread the clock is the process's CPU time, which other load on a shared machine
# barely disturbs; on several threads CPU time would add the threads up, so it is wall time.
CLOCK = {"clock": time.perf_counter}


def _rate(run: Callable[[], int], min_seconds: float) -> float:
    """Units per second of one timed run; `run` returns its unit count."""
    clock = CLOCK["clock"]
    start = clock()
    count = run()
    while clock() - start < min_seconds:
        count += run()
    return count / (clock() - start)


def _best_rates(engine_run: Callable[[], int], torch_run: Callable[[], int], repeats: int,
                min_seconds: float = 0.0) -> tuple[float, float]:
    """Best rate of each over `repeats` rounds that alternate the two, so that both see the
    same moments of a shared, noisy machine."""
    engine_best = torch_best = 0.0
    for _ in range(repeats):
        engine_best = max(engine_best, _rate(engine_run, min_seconds))
        torch_best = max(torch_best, _rate(torch_run, min_seconds))
    return engine_best, torch_best


def _torch():
    try:
        import torch
    except ImportError:
        advice = install_advice("PyTorch", "pip install 'backprop-playground[test]'")
        raise PlaygroundError(f"The benchmark compares with PyTorch, which is not installed: {advice}.") from None
    return torch


def _torch_mlp(torch, sizes: list[int], activation: str):
    layers: list[Any] = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        layers.append(torch.nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU() if activation == "relu" else torch.nn.Tanh())
    return torch.nn.Sequential(*layers)


def _engine_mlp(sizes: list[int], activation: str, loss: str, backend: str = "numpy") -> Network:
    layers = [DenseSpec(b, activation if i < len(sizes) - 2 else "linear")
              for i, b in enumerate(sizes[1:])]
    return Network(NetworkSpec((sizes[0],), layers, loss), backend, "float32", seed=0)


def mlp_case(kind: str, threads: int, samples: int = 60_000, batch: int = 128) -> Result:
    """Samples/s for one epoch of shuffled mini-batches (the last partial batch dropped)."""
    torch = _torch()
    sizes = [784, 256, 128, 10]
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((samples, 784)).astype(numpy.float32)
    y = rng.integers(0, 10, samples)
    steps = samples // batch
    order = [rng.permutation(samples) for _ in range(2)]
    opt_spec = (OptimizerSpec("sgd", learning_rate=0.01, momentum=0.9) if kind == "sgd"
                else OptimizerSpec("adam", learning_rate=1e-3))

    net = _engine_mlp(sizes, "relu", "cross_entropy")
    optimizer = Optimizer(net, opt_spec)
    data = net.make_batch(x, y)
    holder: list[Any] = [None]

    def engine_epoch() -> int:
        perm = order[0]
        for s in range(steps):
            holder[0] = net.gather(data, perm[s * batch : (s + 1) * batch], holder[0])
            net.train_batch(holder[0], optimizer)
        return steps * batch

    model = _torch_mlp(torch, sizes, "relu")
    t_opt = (torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9) if kind == "sgd"
             else torch.optim.Adam(model.parameters(), lr=1e-3))
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)
    loss_fn = torch.nn.CrossEntropyLoss()

    def torch_epoch() -> int:
        perm = torch.from_numpy(order[0])
        for s in range(steps):
            idx = perm[s * batch : (s + 1) * batch]
            t_opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(tx[idx]), ty[idx])
            loss.backward()
            t_opt.step()
            loss.item()
        return steps * batch

    engine_rate, torch_rate = _best_rates(engine_epoch, torch_epoch, 4)
    ceiling = gemm_ceiling(sizes, batch)
    note = f"engine at {engine_rate / ceiling:.0%} of the GEMM ceiling ({ceiling:,.0f} samples/s)"
    name = "SGD momentum 0.9" if kind == "sgd" else "Adam"
    return Result(f"MLP 784-256-128-10 ReLU, batch {batch}, {name}", "samples/s",
                  engine_rate, torch_rate, threads, note)


def gemm_ceiling(sizes: list[int], batch: int) -> float:
    """Samples/s if a step were only its matrix products (forward, ∂W with ∂b, ∂x but the first)."""
    rng = numpy.random.default_rng(1)
    products = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        w = rng.standard_normal((a + 1, b)).astype(numpy.float32)
        x = rng.standard_normal((a + 1, batch)).astype(numpy.float32)
        d = rng.standard_normal((b, batch)).astype(numpy.float32)
        products.append((w.T, x, numpy.empty((b, batch), numpy.float32)))
        products.append((x, d.T, numpy.empty((a + 1, b), numpy.float32)))
        if i > 0:
            products.append((numpy.ascontiguousarray(w[:-1]), d, numpy.empty((a, batch), numpy.float32)))

    def run() -> int:
        for _ in range(50):
            for left, right, out in products:
                numpy.dot(left, right, out=out)
        return 50 * batch

    return max(_rate(run, 0.0) for _ in range(5))


def tiny_case(threads: int) -> Result:
    """Steps/s of a 2-8-8-1 tanh network on 500 points, full batch, MSE, plain SGD."""
    torch = _torch()
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((500, 2)).astype(numpy.float32)
    y = numpy.sin(x[:, :1] * 2).astype(numpy.float32)
    net = _engine_mlp([2, 8, 8, 1], "tanh", "mse")
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.01))
    batch = net.make_batch(x, y)

    def engine_run() -> int:
        for _ in range(1000):
            net.train_batch(batch, optimizer)
        return 1000

    model = _torch_mlp(torch, [2, 8, 8, 1], "tanh")
    t_opt = torch.optim.SGD(model.parameters(), lr=0.01)
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)
    loss_fn = torch.nn.MSELoss()

    def torch_run() -> int:
        for _ in range(200):
            t_opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(tx), ty)
            loss.backward()
            t_opt.step()
            loss.item()
        return 200

    engine_rate, torch_rate = _best_rates(engine_run, torch_run, 5, 0.3)
    return Result("2-8-8-1 tanh, 500 points, full batch, SGD", "steps/s", engine_rate, torch_rate, threads)


def circle_case(threads: int) -> Result:
    """Epochs/s of TensorFlow Playground's default: 2-4-2-1 tanh, batch 10, 250 points, SGD."""
    torch = _torch()
    rng = numpy.random.default_rng(0)
    x = rng.uniform(-6, 6, (250, 2)).astype(numpy.float32)
    y = (numpy.hypot(x[:, 0], x[:, 1]) < 3).astype(numpy.float32)[:, None] * 2 - 1
    net = _engine_mlp([2, 4, 2, 1], "tanh", "mse")
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.03))
    data = net.make_batch(x, y)
    batches = [net.gather(data, numpy.arange(s, s + 10)) for s in range(0, 250, 10)]

    def engine_epoch() -> int:
        for _ in range(20):
            for batch in batches:
                net.train_batch(batch, optimizer)
        return 20

    model = _torch_mlp(torch, [2, 4, 2, 1], "tanh")
    t_opt = torch.optim.SGD(model.parameters(), lr=0.03)
    loss_fn = torch.nn.MSELoss()
    t_batches = [(torch.from_numpy(x[s : s + 10]), torch.from_numpy(y[s : s + 10])) for s in range(0, 250, 10)]

    def torch_epoch() -> int:
        for tx, ty in t_batches:
            t_opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(tx), ty)
            loss.backward()
            t_opt.step()
            loss.item()
        return 1

    engine_rate, torch_rate = _best_rates(engine_epoch, torch_epoch, 5, 0.3)
    note = (f"{engine_rate / TF_PLAYGROUND_EPOCHS_PER_S:.2f}x TensorFlow Playground's quoted "
            f"{TF_PLAYGROUND_EPOCHS_PER_S:,.0f} epochs/s")
    return Result("circle 2-4-2-1 tanh, batch 10, 250 points, SGD", "epochs/s", engine_rate, torch_rate,
                  threads, note)


def run_all(cases: str = "all", thread_counts: list[int] | None = None,
            report: Callable[[Result], None] = print) -> list[Result]:
    torch = _torch()
    counts = thread_counts or sorted({1, os.cpu_count() or 1})
    results = []
    for threads in counts:
        torch.set_num_threads(threads)
        CLOCK["clock"] = time.process_time if threads == 1 else time.perf_counter
        with threadpool_limits(limits=threads):
            for name, run in (("mlp", lambda t: [mlp_case("sgd", t), mlp_case("adam", t)]),
                              ("tiny", lambda t: [tiny_case(t)]), ("circle", lambda t: [circle_case(t)])):
                if cases in ("all", name):
                    for result in run(threads):
                        report(result)
                        results.append(result)
    return results


def format_result(result: Result) -> str:
    clock = "CPU time" if result.threads == 1 else "wall time"
    line = (f"[{result.threads} thread{'s' if result.threads > 1 else ''}, {clock}] {result.case}: "
            f"engine {result.engine:,.0f} {result.unit}, PyTorch {result.torch:,.0f} {result.unit}, "
            f"ratio {result.ratio:.2f}x")
    return f"{line}; {result.note}" if result.note else line


# What CuPy should reach against NumPy on the CPU and against PyTorch on CUDA, on the wide MLP. mnist-mlp has
# none: its small matrices at batch 64 leave the GPU waiting on kernel launches, so it is reported, not judged.
GPU_TARGETS = {"numpy": 20.0, "torch": 0.8}
# (case, layer sizes, batch, samples, steps per timed run on NumPy, targets): NumPy takes seconds a step on the
# wide MLP.
GPU_CASES = (("MLP 784-4096-4096-10 ReLU, batch 1024, SGD momentum", [784, 4096, 4096, 10], 1024, 16 * 1024, 2,
              GPU_TARGETS),
             ("mnist-mlp 784-200-10 ReLU, batch 64, SGD momentum, MNIST-shaped data", [784, 200, 10], 64, 60_000,
              60_000 // 64, None))


@dataclass
class DeviceResult:
    case: str
    cupy: float  # samples/s, the engine on CuPy
    numpy: float  # samples/s, the engine on NumPy on this machine's CPU (all its cores)
    torch: float | None  # samples/s, PyTorch on CUDA; None without a CUDA build of PyTorch
    targets: dict[str, float] | None = None  # the ratios this case should reach, as GPU_TARGETS

    def line(self) -> str:
        versus_numpy = f"{self.cupy / self.numpy:,.1f}x NumPy{self._target('numpy')}"
        torch = ("PyTorch has no CUDA here" if self.torch is None else
                 f"PyTorch CUDA {self.torch:,.0f} samples/s, {self.cupy / self.torch:.2f}x{self._target('torch')}")
        return (f"[GPU] {self.case}: CuPy {self.cupy:,.0f} samples/s, NumPy {self.numpy:,.0f} samples/s on "
                f"{os.cpu_count()} CPU threads, {versus_numpy}; {torch}")

    def _target(self, against: str) -> str:
        return "" if self.targets is None else f" (target {self.targets[against]:g}x)"


def _engine_rate(sizes: list[int], x: numpy.ndarray, y: numpy.ndarray, batch: int, steps: int,
                 optimizer: OptimizerSpec, backend: str, seconds: float, repeats: int) -> float:
    """Samples/s of `steps` shuffled mini-batches at a time, as the session trains: the data moved to the
    backend once, each batch gathered there, no loss read on the host."""
    net = _engine_mlp(sizes, "relu", "cross_entropy", backend)
    opt = Optimizer(net, optimizer)
    data = net.make_batch(x, y)
    order = net.backend.asarray(numpy.random.default_rng(0).permutation(len(x)))
    holder: list[Any] = [None]

    def run() -> int:
        for s in range(steps):
            holder[0] = net.gather(data, order[s * batch : (s + 1) * batch], holder[0])
            net.train_batch(holder[0], opt)
        net.backend.synchronize()
        return steps * batch

    run()  # the first steps allocate (and on CuPy compile their kernels)
    return max(_rate(run, seconds) for _ in range(repeats))


def _torch_cuda_rate(sizes: list[int], x: numpy.ndarray, y: numpy.ndarray, batch: int, steps: int,
                     optimizer: OptimizerSpec, seconds: float, repeats: int) -> float | None:
    """The same on PyTorch on CUDA, the data there once, no loss read per step; None without CUDA."""
    torch = _torch()
    if not torch.cuda.is_available():
        return None
    cuda = torch.device("cuda")
    model = _torch_mlp(torch, sizes, "relu").to(cuda)
    opt = torch.optim.SGD(model.parameters(), lr=optimizer.learning_rate, momentum=optimizer.momentum)
    tx, ty = torch.from_numpy(x).to(cuda), torch.from_numpy(y.astype(numpy.int64)).to(cuda)
    order = torch.from_numpy(numpy.random.default_rng(0).permutation(len(x))).to(cuda)
    loss_fn = torch.nn.CrossEntropyLoss()

    def run() -> int:
        for s in range(steps):
            index = order[s * batch : (s + 1) * batch]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(tx[index]), ty[index]).backward()
            opt.step()
        torch.cuda.synchronize()
        return steps * batch

    run()
    return max(_rate(run, seconds) for _ in range(repeats))


def _mnist_shaped(samples: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Images of MNIST's shape and range (28×28 bytes scaled to [0, 1], flat) with labels: the timing does
    not depend on the values."""
    rng = numpy.random.default_rng(0)
    return (rng.integers(0, 256, (samples, 784), dtype=numpy.uint8).astype(numpy.float32) / 255,
            rng.integers(0, 10, samples))


def gpu_cases(report: Callable[[DeviceResult], None] = print, seconds: float = 1.0) -> list[DeviceResult]:
    """The wide MLP and mnist-mlp on the GPU; a BackendError saying why when CuPy cannot run here."""
    backend = get_backend("cupy")
    CLOCK["clock"] = time.perf_counter
    results = []
    momentum = OptimizerSpec("sgd", learning_rate=0.01, momentum=0.9)
    for case, sizes, batch, samples, numpy_steps, targets in GPU_CASES:
        x, y = _mnist_shaped(samples)
        steps = samples // batch
        result = DeviceResult(
            case, _engine_rate(sizes, x, y, batch, steps, momentum, backend.name, seconds, 3),
            _engine_rate(sizes, x, y, batch, numpy_steps, momentum, "numpy", seconds, 1),
            _torch_cuda_rate(sizes, x, y, batch, steps, momentum, seconds, 3), targets)
        report(result)
        results.append(result)
    return results
