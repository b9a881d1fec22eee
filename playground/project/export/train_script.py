"""train.py for the PyTorch export: plain PyTorch that goes on training the exported model as the app
trains it (its loss, L1/L2 on the weights, clipping, the learning-rate schedule with its warm-up, its batch
order), in one process or under torchrun with DistributedDataParallel, with the project's data.

The data: image sets come through torchvision and are prepared by the exported model's prepare(); every
other set is written beside it, as the app prepared it, in data.npz. data.npz also holds where training is
in its data (the epoch's batch order), so that the script's steps are the app's next steps.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy

from playground.data import Dataset
from playground.data.images import IMAGE_SETS
from playground.engine import NetworkSpec, OptimizerSpec
from playground.project.bpp import Project
from playground.project.export.common import write_file
from playground.project.export.raw_inputs import RawInputs, wrap
from playground.project.export.torch_optimizer import TrainedOptimizer, project_optimizer, torch_optimizer_args

DEFAULT_EPOCHS = 10  # as `playground train`: a project's own epochs when new, else 10 more
# The app's losses summed over a share of a batch, and how many values each example's loss is the mean of.
LOSS_SUMS = {
    "cross_entropy": ('F.cross_entropy(outputs, targets, reduction="sum")', "1"),
    "binary_cross_entropy": ('F.binary_cross_entropy_with_logits(outputs, targets, reduction="sum")',
                             "outputs.shape[1]"),
    "mse": ('F.mse_loss(outputs, targets, reduction="sum")', "outputs.shape[1]"),
}
RIGHT_ANSWERS = {
    "multiclass": "(outputs.argmax(dim=1) == targets).sum()",
    "binary": "((torch.sigmoid(outputs[:, 0]) > 0.5) == (targets[:, 0] > 0.5)).sum()",
}


def export_training_script(project: Project, dataset: Dataset, folder: Path, name: str = "model") -> list[Path]:
    """Write train.py, which trains <name>.py's model on from <name>_state_dict.pt (and <name>_optimizer.pt
    when the project was trained), and data.npz with the batch order (and the prepared data, for sets
    that do not come through torchvision). Returns the paths written."""
    network, spec = project.network, project.optimizer
    data = dataset.shaped(network.input_shape)
    raw = RawInputs.of(network, dataset)
    start, arrays = _start(project, len(data.x_train))
    torchvision = dataset.name in IMAGE_SETS
    if not torchvision:
        labels = numpy.int64 if raw.task == "multiclass" else numpy.float32  # class numbers, or targets
        arrays.update(x_train=data.x_train, y_train=data.y_train.astype(labels), x_test=data.x_test,
                      y_test=data.y_test.astype(labels))
    epochs = DEFAULT_EPOCHS if project.progress else project.epochs or DEFAULT_EPOCHS
    trained = project_optimizer(project) is not None  # the PyTorch export wrote its state
    code = "".join((
        _docstring(project, dataset, name, torchvision, trained),
        _imports(name, torchvision),
        _settings(project, start, epochs, name, trained),
        _loss_functions(network, raw.task),
        _optimizer_function(spec),
        _torchvision_data(dataset, project) if torchvision else ARRAY_DATA,
        BODY,
    ))
    folder = Path(folder)
    script, data_path = folder / "train.py", folder / "data.npz"
    buffer = io.BytesIO()
    numpy.savez_compressed(buffer, **arrays)
    write_file(data_path, buffer.getvalue())
    write_file(script, code)
    return [script, data_path]


def _start(project: Project, examples: int) -> tuple[dict[str, Any], dict[str, numpy.ndarray]]:
    """Where the app's training stands, and the epoch's batch order: a new project's as the session starts it
    (session/position.py: the seed's generator, its first permutation)."""
    progress = project.progress
    if progress is None:
        rng = numpy.random.default_rng(project.seed)
        order = rng.permutation(examples)
        return ({"step": 0, "epoch": 0, "samples": 0, "position": 0, "optimizer_steps": 0, "schedule_start": 0,
                 "epoch_loss_sum": 0.0, "epoch_steps": 0, "shuffle_rng": rng.bit_generator.state},
                {"order": order})
    start = {key: progress[key] for key in ("step", "epoch", "samples", "position", "optimizer_steps",
                                            "epoch_loss_sum", "epoch_steps", "shuffle_rng")}
    start["schedule_start"] = progress.get("schedule_start", 0)
    return start, {"order": numpy.asarray(project.arrays["order"], dtype=numpy.int64)}


def _docstring(project: Project, dataset: Dataset, name: str, torchvision: bool, trained: bool) -> str:
    state = f"{name}_state_dict.pt" + (f", the optimizer's state in {name}_optimizer.pt" if trained else "")
    data = (f"{dataset.title} comes through torchvision (downloaded into --data the first time) and is prepared by "
            f"{name}.prepare as the app prepared it" if torchvision else
            f"{dataset.title}, as the app prepared it, is in data.npz")
    where = wrap(f"It goes on where the app stopped: the weights in {state}, and the app's place in its data (the "
                 f"epoch's batch order, in data.npz). {data}.")
    return f'''"""Train the network exported from Backprop Playground further, with PyTorch alone: on this machine's
GPU or CPU, or on many at once with DistributedDataParallel.

    python train.py                          one process (on the GPU if there is one)
    torchrun --nproc_per_node 4 train.py     four processes on this machine: NCCL on GPUs, gloo on CPUs
    python train.py --epochs 5 --batch-size 256 --lr 0.01 --device cpu

{where}

Each step is the app's: its loss; its L1 and L2 penalties on the weights (W and K, not the biases nor batch
normalization's gamma and beta), added to their gradients before clipping; the clipping; and its learning-rate
schedule with the warm-up, counted in optimizer steps as the app counts them. The batches come in the app's
order, reshuffled at each epoch's end by the app's own seeded generator. So in one process, at the app's batch
size ({project.batch_size}), the losses are the ones the app would have computed (with --dtype float64, equal to
rounding: about 1e-15). Dropout draws torch's masks, not the app's.

Batches under N processes: --batch-size is the global batch, the examples of one step. Every step takes the
next batch of the app's order and each process takes its 1/N share; DDP averages the processes' gradients, and
each scales its share's loss so that the average is the gradient of the whole batch's mean loss. A step under N
processes is then the app's step at the same global batch, and the learning rate stays the app's. Batch
normalization on GPUs is synchronized (one batch's statistics); on CPUs each process normalizes its share by the
share's statistics. An epoch's last batch is left out when it has fewer examples than there are processes.

To keep N devices as busy as one, give a global batch N times the app's: with --batch-size, the learning rate is
scaled by the same factor (the linear scaling rule of Goyal et al., 2017) unless --lr sets it; a schedule's
warm-up then helps the larger rate start smoothly. For Adam and RMSprop a smaller increase is often better: set
--lr yourself.

Every epoch it prints one JSON line, as `playground train --json` does, and writes checkpoint.pt (the model, the
optimizer and the place in the data), which --resume goes on from.
"""

'''


def _imports(name: str, torchvision: bool) -> str:
    model_names = "build_model, prepare" if torchvision else "build_model"
    return f'''import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.distributed.nn  # before there is a process group: see end_processes()
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel

from {name} import {model_names}  # the exported model, beside this file

'''


def _settings(project: Project, start: dict[str, Any], epochs: int, name: str, trained: bool) -> str:
    spec = project.optimizer
    optimizer_state = f'HERE / "{name}_optimizer.pt"' if trained else "None"
    return f'''HERE = Path(__file__).resolve().parent
STATE_DICT = HERE / "{name}_state_dict.pt"
OPTIMIZER_STATE = {optimizer_state}  # the app's optimizer state, once it has trained
DATA = HERE / "data.npz"

# How the app trains this project.
BATCH_SIZE = {project.batch_size}
EPOCHS = {epochs}  # --epochs' default
SEED = {project.seed}
LEARNING_RATE = {spec.learning_rate!r}  # before the schedule
L1, L2 = {spec.l1!r}, {spec.l2!r}  # penalties l1·Σ|W| + (l2/2)·ΣW² on the weights, not the biases
CLIP_NORM = {spec.clip_norm!r}  # the gradient's global norm is clipped to this (None: not clipped)
CLIP_VALUE = {spec.clip_value!r}  # every gradient value is clipped to ± this (None: not clipped)
SCHEDULE = {json.dumps(spec.schedule.to_dict())}
# Where the app's training stands: steps, epochs and examples done, optimizer steps (the schedule counts
# from schedule_start), the place in the epoch's order, the epoch's losses so far, and the state of the
# generator that shuffles the next epoch's order.
START = {json.dumps(start, indent=4)}
TRAIN_SAMPLE = 1000  # training examples the reported train accuracy is measured on, as in the app
EVALUATION_CHUNK = 2048  # examples evaluated at once


def learning_rate_at(base_lr, step):
    """The app's schedule (its engine's schedules.py) at optimizer step `step`: a linear warm-up, then
    constant, step, exponential or cosine, counted from the warm-up's end."""
    warmup = SCHEDULE["warmup_steps"]
    if step < warmup:
        return base_lr * (step + 1) / warmup
    t = step - warmup
    kind = SCHEDULE["kind"]
    if kind == "constant":
        return base_lr
    if kind == "step":
        return base_lr * SCHEDULE["gamma"] ** (t // SCHEDULE["step_size"])
    if kind == "exponential":
        return base_lr * SCHEDULE["gamma"] ** t
    progress = min(t, SCHEDULE["total_steps"]) / SCHEDULE["total_steps"]
    return SCHEDULE["min_lr"] + (base_lr - SCHEDULE["min_lr"]) * (1 + math.cos(math.pi * progress)) / 2

'''


def _loss_functions(network: NetworkSpec, task: str) -> str:
    loss, values = LOSS_SUMS[network.loss]
    right = RIGHT_ANSWERS.get(task)
    answers = f'''

def right_answers(outputs, targets):
    """How many examples the network classifies as the app counts: the likeliest class, or p > 0.5."""
    return {right}
''' if right else "\n\nright_answers = None  # a regression: no accuracy\n"
    return f'''
def loss_sum(outputs, targets):
    """The app's loss, each example's summed: its mean over a batch is this over the batch's examples."""
    return {loss}


def values_per_example(outputs):
    """How many values the app's loss averages over per example (mse and binary cross-entropy: every output)."""
    return {values}
{answers}'''


def _optimizer_function(spec: OptimizerSpec) -> str:
    name, arguments = torch_optimizer_args(TrainedOptimizer(spec, 0, 0, {}))
    arguments.pop("lr")
    settings = "".join(f", {key}={value!r}" for key, value in arguments.items())
    return f'''

def build_optimizer(parameters, lr):
    """The app's optimizer, {spec.kind}: the same update rule (the learning rate is set at every step)."""
    return torch.optim.{name}(parameters, lr=lr{settings})

'''


ARRAY_DATA = '''
DOWNLOADS = False  # the data are in data.npz


def load_data(args):
    """The training and test splits as the app prepared them: inputs and targets, from data.npz."""
    with np.load(DATA) as stored:
        return (Split(torch.from_numpy(stored["x_train"]), torch.from_numpy(stored["y_train"])),
                Split(torch.from_numpy(stored["x_test"]), torch.from_numpy(stored["y_test"])))

'''


def _torchvision_data(dataset: Dataset, project: Project) -> str:
    config = project.dataset
    subset = config.get("subset")
    chosen = ""
    if subset is not None:
        if config.get("subset_mode") == "random":
            pick = (f"np.sort(np.random.default_rng({config.get('seed', 42)}).choice(len(images), {subset}, "
                    "replace=False))")
        else:
            pick = f"np.arange({subset})"
        chosen = f'''
        if train and {subset} < len(images):  # the app trains on a subset: {subset} images, chosen as it chose them
            chosen = {pick}
            images, labels = images[chosen], labels[chosen]'''
    return f'''
DOWNLOADS = True  # torchvision downloads the data into --data


def load_data(args):
    """The training and test splits: {dataset.title} through torchvision, downloaded by the first process
    while the others wait; the images stay as pixels and each batch is prepared as the app prepared it."""
    import torchvision.datasets

    kind = torchvision.datasets.{IMAGE_SETS[dataset.name][0]}
    if is_main():
        for train in (True, False):
            kind(args.data, train=train, download=True)
    if dist.is_initialized():
        dist.barrier()
    splits = []
    for train in (True, False):
        loaded = kind(args.data, train=train, download=False)
        images = np.asarray(loaded.data, dtype=np.uint8)
        # (n, height, width) for grey images, (n, height, width, 3) for colour: as (n, channels, height, width)
        images = images.transpose(0, 3, 1, 2) if images.ndim == 4 else images[:, None]
        labels = np.asarray(loaded.targets, dtype=np.int64){chosen}
        splits.append(Split(torch.from_numpy(np.ascontiguousarray(images)), torch.from_numpy(labels), prepare))
    return splits

'''


BODY = '''
class Split:
    """One split's examples: inputs (prepared, or raw with the function that prepares them) and targets."""

    def __init__(self, inputs, targets, prepare=None):
        self.inputs, self.targets, self.prepare = inputs, targets, prepare

    def __len__(self):
        return len(self.targets)

    def batch(self, indices, device, dtype):
        indices = torch.as_tensor(indices)
        x = self.inputs[indices]
        if self.prepare is not None:
            x = self.prepare(x)
        y = self.targets[indices].to(device)
        return x.to(device, dtype), y.to(dtype) if y.is_floating_point() else y


class Place:
    """Where training is in its data, as the app keeps it: the epoch's batch order, the place in it, and
    NumPy's generator, seeded as the app seeds it, that shuffles each next epoch's order."""

    def __init__(self, order, position, rng_state):
        self.order, self.position = np.asarray(order, dtype=np.int64), int(position)
        self.rng = np.random.default_rng()
        self.rng.bit_generator.state = rng_state

    def next_batch(self, size):
        batch = self.order[self.position : self.position + size]
        self.position += len(batch)
        return batch

    @property
    def epoch_done(self):
        return self.position >= len(self.order)

    def next_epoch(self):
        self.order = self.rng.permutation(len(self.order))
        self.position = 0


def is_main():
    return not dist.is_initialized() or dist.get_rank() == 0


def total(value, device):
    """A number summed over the processes."""
    if not dist.is_initialized():
        return float(value)
    tensor = torch.tensor(float(value), dtype=torch.float64, device=device)
    dist.all_reduce(tensor)
    return tensor.item()


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\\n\\n")[0])  # the first paragraph, whole
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs to train (default {EPOCHS})")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                        help=f"the global batch, shared among the processes (default the app's, {BATCH_SIZE})")
    parser.add_argument("--lr", type=float, help="the learning rate before the schedule (default the app's, "
                        f"{LEARNING_RATE}, times --batch-size / {BATCH_SIZE})")
    parser.add_argument("--device", help="cpu, cuda, cuda:1, mps, ... (default cuda when there is a GPU); "
                        "under torchrun each process takes the GPU of its local rank")
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32",
                        help="the arithmetic (default float32, as the app trains)")
    parser.add_argument("--max-steps", type=int, help="stop after this many steps (default: at the last epoch's end)")
    parser.add_argument("--log-steps", action="store_true", help="also print each step's loss as a JSON line")
    parser.add_argument("--checkpoint", default="checkpoint.pt", help="written every epoch (default checkpoint.pt)")
    parser.add_argument("--resume", metavar="CHECKPOINT", help="go on from a checkpoint this script wrote")
    if DOWNLOADS:
        parser.add_argument("--data", default="data", help="where torchvision keeps the data set (default data)")
    args = parser.parse_args()
    if args.epochs < 1 or args.batch_size < 1 or (args.max_steps is not None and args.max_steps < 1):
        parser.error("--epochs, --batch-size and --max-steps must be 1 or more")
    return args


def evaluate(model, split, indices, device, dtype):
    """(summed loss, right answers, examples) of this process's share of `indices`, in evaluation mode."""
    model.eval()
    mine = indices[dist.get_rank() :: dist.get_world_size()] if dist.is_initialized() else indices
    loss, right = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(mine), EVALUATION_CHUNK):
            x, y = split.batch(mine[start : start + EVALUATION_CHUNK], device, dtype)
            outputs = model(x)
            loss += loss_sum(outputs, y).item() / values_per_example(outputs)
            if right_answers is not None:
                right += int(right_answers(outputs, y))
    return total(loss, device), total(right, device), len(indices)


def report(model, train, test, train_sample, device, dtype, epoch, train_loss, rate):
    """The epoch's line, as `playground train --json` prints it."""
    test_loss, test_right, test_count = evaluate(model, test, np.arange(len(test)), device, dtype)
    values = {"epoch": epoch, "train_loss": train_loss, "test_loss": test_loss / test_count}
    if right_answers is not None:
        _, train_right, train_count = evaluate(model, train, train_sample, device, dtype)
        values["train_accuracy"] = train_right / train_count
        values["test_accuracy"] = test_right / test_count
    values["samples_per_s"] = round(rate, 1)
    return {key: None if isinstance(value, float) and not math.isfinite(value) else value
            for key, value in values.items()}


def save_checkpoint(path, model, optimizer, place, counters):
    """Everything the next step depends on, written whole or not at all."""
    partial = Path(f"{path}.part")
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "counters": counters,
                "order": torch.from_numpy(place.order), "position": place.position,
                "shuffle_rng": place.rng.bit_generator.state}, partial)
    os.replace(partial, path)


def start_processes(args):
    """(device, processes, this process's rank): one process, or under torchrun the process group, each
    process on the GPU of its local rank."""
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    if "RANK" not in os.environ:  # not started by torchrun
        return device, 1, 0
    if device.type == "cuda":
        device = torch.device("cuda", int(os.environ["LOCAL_RANK"]))
        torch.cuda.set_device(device)
    dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return device, dist.get_world_size(), dist.get_rank()


def end_processes():
    """End the process group while Python still runs. A gloo thread left running into Python's shutdown can
    abort the process there ("terminate called without an active exception"): letting go of a tensor made in
    Python, such as the last all-reduce's, it needs the interpreter being torn down. destroy_process_group()
    drops torch's own references to the group, and the group stops its threads when the last one goes: DDP's
    went with continue_training(), and torch.distributed.nn, imported before there was a group, holds none
    (imported after, as DDP imports it, its functions would keep the group as their default argument)."""
    dist.barrier()  # every process is done with the group's collectives
    dist.destroy_process_group()


def restore(args, device, dtype):
    """The model on the device, its optimizer, the counters and the place in the data, as the export left
    them, or as the checkpoint --resume names."""
    model = build_model()
    model.load_state_dict(torch.load(STATE_DICT))
    model.to(device, dtype)  # before a checkpoint's weights come in: they may hold more digits than float32's
    optimizer_state = torch.load(OPTIMIZER_STATE) if OPTIMIZER_STATE is not None else None
    counters = {key: value for key, value in START.items() if key not in ("position", "shuffle_rng")}
    with np.load(DATA) as stored:
        place = Place(stored["order"], START["position"], START["shuffle_rng"])
    if args.resume:
        checkpoint = torch.load(args.resume)
        model.load_state_dict(checkpoint["model"])
        optimizer_state, counters = checkpoint["optimizer"], checkpoint["counters"]
        place = Place(checkpoint["order"].numpy(), checkpoint["position"], checkpoint["shuffle_rng"])
    if dist.is_initialized() and device.type == "cuda":
        model = nn.SyncBatchNorm.convert_sync_batchnorm(model)  # one batch's statistics across the processes
    optimizer = build_optimizer(model.parameters(), LEARNING_RATE)  # its rate is set at every step
    if optimizer_state is not None:
        optimizer.load_state_dict(optimizer_state)
    return model, optimizer, counters, place


def train_step(trained, optimizer, weights, x, y, batch_size, lr):
    """One of the app's steps, on this process's share (x, y) of a batch of `batch_size` examples; returns
    the share's part of the batch's mean loss."""
    for group in optimizer.param_groups:
        group["lr"] = lr
    optimizer.zero_grad()
    outputs = trained(x)
    share = loss_sum(outputs, y) / (batch_size * values_per_example(outputs))
    # DDP averages the gradients over the processes: each scales its part by their number, so that the
    # average is the gradient of the whole batch's mean loss.
    (share * (dist.get_world_size() if dist.is_initialized() else 1)).backward()
    with torch.no_grad():  # the app's penalties on the weights, then its clipping
        for weight in weights:
            if L1:
                weight.grad.add_(torch.sign(weight), alpha=L1)
            if L2:
                weight.grad.add_(weight, alpha=L2)
    parameters = [parameter for group in optimizer.param_groups for parameter in group["params"]]
    if CLIP_NORM is not None:
        nn.utils.clip_grad_norm_(parameters, CLIP_NORM)
    if CLIP_VALUE is not None:
        nn.utils.clip_grad_value_(parameters, CLIP_VALUE)
    optimizer.step()
    return share.detach()


def continue_training(args, device, processes, rank):
    """Train on from where the app stopped, printing each epoch's line and the last one."""
    dtype = getattr(torch, args.dtype)
    train, test = load_data(args)
    model, optimizer, counters, place = restore(args, device, dtype)
    base_lr = args.lr if args.lr is not None else LEARNING_RATE * args.batch_size / BATCH_SIZE
    # The weights the app's L1 and L2 penalties apply to: Dense layers' W and Conv2D layers' kernels K.
    weights = [module.weight for module in model.modules() if isinstance(module, (nn.Linear, nn.Conv2d))]
    trained = model
    if dist.is_initialized():
        trained = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    rng = np.random.default_rng(SEED + 1)  # the app's fixed sample of the training split, for its accuracy
    train_sample = np.arange(len(train))
    if len(train) > TRAIN_SAMPLE:
        train_sample = np.sort(rng.choice(len(train), TRAIN_SAMPLE, replace=False))
    if is_main():
        how = f"{processes} processes ({dist.get_backend()})" if dist.is_initialized() else "one process"
        print(f"training on {how}, {device}, {args.dtype}: global batch {args.batch_size}, about "
              f"{args.batch_size // processes} per process; learning rate {base_lr:g} before the schedule",
              file=sys.stderr, flush=True)

    last, state = {}, "finished"
    end = counters["epoch"] + args.epochs
    stop_at = math.inf if args.max_steps is None else counters["step"] + args.max_steps
    while counters["epoch"] < end and state == "finished":
        trained.train()
        started, samples_before = time.perf_counter(), counters["samples"]
        loss_share = torch.zeros((), dtype=torch.float64, device=device)  # this process's part of the step losses
        steps = 0
        while not place.epoch_done and counters["step"] < stop_at:
            batch = place.next_batch(args.batch_size)
            if len(batch) < processes:
                continue  # too few to share: left out
            x, y = train.batch(np.array_split(batch, processes)[rank], device, dtype)
            lr = learning_rate_at(base_lr, counters["optimizer_steps"] - counters["schedule_start"])
            share = train_step(trained, optimizer, weights, x, y, len(batch), lr)
            loss_share += share
            steps += 1
            counters["step"] += 1
            counters["optimizer_steps"] += 1
            counters["samples"] += len(batch)
            if args.log_steps:
                loss = total(share.item(), device)
                if is_main():
                    print(json.dumps({"step": counters["step"], "loss": loss, "learning_rate": lr}), flush=True)
        elapsed = time.perf_counter() - started
        counters["epoch_loss_sum"] += total(loss_share.item(), device)
        counters["epoch_steps"] += steps
        if counters["step"] >= stop_at and (not place.epoch_done or counters["epoch"] + 1 < end):
            state = "stopped"  # by --max-steps
        if not place.epoch_done:
            break
        place.next_epoch()
        counters["epoch"] += 1
        train_loss = counters["epoch_loss_sum"] / counters["epoch_steps"] if counters["epoch_steps"] else math.nan
        counters["epoch_loss_sum"], counters["epoch_steps"] = 0.0, 0
        rate = (counters["samples"] - samples_before) / elapsed if elapsed > 0 else math.nan
        last = report(model, train, test, train_sample, device, dtype, counters["epoch"], train_loss, rate)
        if is_main():
            print(json.dumps(last), flush=True)
            save_checkpoint(args.checkpoint, model, optimizer, place, counters)
    if is_main():
        if state == "stopped":
            save_checkpoint(args.checkpoint, model, optimizer, place, counters)
        print(json.dumps({"done": True, "state": state, "steps": counters["step"], **last}), flush=True)
    print(f"process {rank + 1} of {processes}: {state} after {counters['step']} steps", file=sys.stderr, flush=True)


def main():
    args = parse_arguments()
    device, processes, rank = start_processes(args)
    continue_training(args, device, processes, rank)
    if dist.is_initialized():
        end_processes()


if __name__ == "__main__":
    main()
'''
