"""`playground`: the window with no arguments, or on PROJECT.bpp; `train`, `gradcheck`, `bench`,
`presets`, `export` and `compare` headless.

Every error a user can cause prints one line `error: ...` on stderr and exits 2. What computes takes
`--backend auto|numpy|cupy`: auto is CuPy where it works and the network is large enough to gain from it,
else NumPy; asked for by name, auto says on stderr why it took NumPy.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from playground.cli_inputs import MAX_SEED, read_user_file
from playground.engine.backend import BACKEND_CHOICES, choose_backend
from playground.errors import PlaygroundError, whole

EXIT_USAGE = 2
EXIT_PIPE_CLOSED = 141  # as a shell reports a process that SIGPIPE ended: 128 + 13
BACKEND_HELP = ("where the arithmetic runs: auto is CuPy on an NVIDIA GPU where it works and the network is large "
                "enough to gain from it, else NumPy (and, asked for by name, says why)")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not a usage dump
        raise PlaygroundError(f"{message} (see 'playground --help').")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="playground", description="Backprop Playground: build, train and step "
                     "through neural networks. With no command, opens the window.")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window, train, pause, step and close; exit 0 if all of it worked")
    parser.add_argument("--backend", choices=BACKEND_CHOICES, help="the window's backend at first (default NumPy); "
                        + BACKEND_HELP)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = commands.add_parser("gradcheck", help="check the hand-written gradients against finite differences")
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument("spec", nargs="?", help="a network spec JSON file")
    source.add_argument("--preset", help="a preset name (see 'playground presets')")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--batch-size", type=int, default=8, help="examples in the random batch (default 8)")
    check.add_argument("--seed", type=int, default=0, help="seed for the network and the batch")
    check.add_argument("--max-checks", type=int, default=40, help="entries perturbed per parameter (default 40)")
    check.add_argument("--backend", choices=BACKEND_CHOICES, help=BACKEND_HELP + " (default auto)")

    bench = commands.add_parser("bench", help="time the engine against PyTorch eager, as ratios")
    bench.add_argument("--case", choices=["all", "mlp", "tiny", "circle"], default="all")
    bench.add_argument("--threads", type=int, action="append",
                       help="BLAS threads (repeatable; default: 1 and all cores)")
    bench.add_argument("--backend", choices=BACKEND_CHOICES, default="numpy",
                       help="numpy (default): the cases above on the CPU; cupy: a wide MLP and mnist-mlp on the GPU "
                       "against NumPy and PyTorch on CUDA; auto: cupy where it works")

    train = commands.add_parser("train", help="train a preset or a network headless")
    source = train.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="a project (.bpp) to continue, a preset-style JSON file (network, "
                        "training, dataset), or a network spec JSON with --dataset")
    source.add_argument("--preset", help="a preset name (see 'playground presets')")
    train.add_argument("--dataset", help="the dataset for a bare network spec, e.g. circle or digits")
    train.add_argument("--epochs", type=int, help="epochs to train (default: the preset's; for a project, 10 more)")
    train.add_argument("--seed", type=int, help="seed for the weights and the batch order (default 0)")
    train.add_argument("--backend", choices=BACKEND_CHOICES, help=BACKEND_HELP + " (default auto)")
    train.add_argument("--dtype", choices=["float32", "float64"],
                       help="float32 by default; a project goes on in the precision it was saved in")
    train.add_argument("--json", action="store_true", help="one JSON object per epoch on stdout")
    train.add_argument("--save", metavar="OUT.bpp", help="save the trained project here")

    commands.add_parser("presets", help="list the presets")

    export = commands.add_parser("export", help="export a project: a PyTorch model with a training script, an ONNX "
                                 "model, a NumPy script or its history")
    export.add_argument("project", help="the project (.bpp) to export")
    export.add_argument("--to", required=True, choices=["pytorch", "onnx", "numpy", "history"],
                        help="pytorch: <name>.py, <name>_state_dict.pt, <name>_optimizer.pt (the optimizer's state, "
                        "once the project has trained), train.py and data.npz in the folder OUT; "
                        "onnx: the ONNX model OUT.onnx, which takes raw rows; numpy: one script OUT.py that needs "
                        "only NumPy; history: the metric history as the CSV file OUT")
    export.add_argument("out", metavar="OUT", help="a folder for pytorch, an .onnx file for onnx, a .py file for "
                        "numpy, a .csv for history")
    export.add_argument("--name", default="model", help="pytorch: the base of the file names (default model)")

    compare = commands.add_parser("compare", help="the final metrics of projects' runs side by side")
    compare.add_argument("projects", nargs="+", metavar="PROJECT", help="projects (.bpp): each one's kept runs, "
                         "then its own run")
    compare.add_argument("--json", action="store_true", help="print the runs as JSON")
    return parser


def run_gradcheck(args: argparse.Namespace) -> int:
    from playground.engine import NetworkSpec, get_backend, gradient_check, random_batch
    from playground.engine.memory import check_memory

    whole(args.batch_size, "--batch-size", minimum=1)
    whole(args.max_checks, "--max-checks", minimum=1)
    whole(args.seed, "--seed", minimum=0, maximum=MAX_SEED)
    if args.preset is not None:  # `--preset=` names the empty preset, which does not exist
        from playground.project import load_preset

        spec = load_preset(args.preset).network
    else:
        spec = NetworkSpec.from_json(read_user_file(args.spec))
    if args.batch_size < 2 and any(info.type == "batchnorm" for info in spec.validate()):
        raise PlaygroundError("--batch-size must be 2 or more for a network with batch normalization, which normalizes "
                              "over the examples of a batch.")
    # In float64. The random batch, its targets and the copies of the input gradient that the check
    # keeps come on top of the network's buffers: as much again, so two batches in all.
    args.backend, notice = choose_backend(args.backend, spec.multiply_adds_per_example() * args.batch_size)
    check_memory(spec, "float64", examples=2 * args.batch_size, advice="lower --batch-size or make the layers smaller",
                 backend=get_backend(args.backend))
    x, y = random_batch(spec, args.batch_size, args.seed)
    print_notice(notice if args.explain_auto else None)
    report = gradient_check(spec, x, y, max_checks=args.max_checks, seed=args.seed, backend=args.backend)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        for check in report.checks:
            mark = "ok  " if check.passed else "FAIL"
            kinks = f", {check.at_kink} skipped at a ReLU kink" if check.at_kink else ""
            print(f"{mark} {check.name:<14} max relative error {check.max_relative_error:.2e}"
                  f"  ({check.checked} of {check.size} entries{kinks})")
        print("passed" if report.passed else "FAILED", f"(tolerance {report.to_dict()['tolerance']:.0e})")
    return 0 if report.passed else 1


def run_bench(args: argparse.Namespace) -> int:
    from playground.benchmark import format_result, gpu_cases, run_all

    if args.threads and min(args.threads) < 1:
        raise PlaygroundError("--threads must be 1 or more.")
    print_notice(args.backend_notice)
    if args.backend == "numpy":
        run_all(args.case, args.threads, lambda result: print(format_result(result), flush=True))
    else:
        gpu_cases(lambda result: print(result.line(), flush=True))
    return 0


def run_train(args: argparse.Namespace) -> int:
    from playground.training_cli import train

    return train(args)


def run_presets() -> int:
    from playground.project import list_presets, load_preset

    for name in list_presets():
        preset = load_preset(name)
        print(f"{name:<18} {preset.title}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from playground.project import load_project
    from playground.project.export import (
        export_history_csv,
        export_numpy_script,
        export_onnx,
        export_pytorch_project,
        project_dataset,
        project_history,
        project_state,
    )
    from playground.training_cli import download_progress

    project = load_project(args.project)
    out = Path(args.out)
    if args.to == "pytorch":
        written = export_pytorch_project(project, out, args.name, project_dataset(project, download_progress))
    elif args.to == "onnx":
        export_onnx(project.network, project_state(project), out, project_dataset(project, download_progress))
        written = [out]
    elif args.to == "numpy":
        export_numpy_script(project.network, project_state(project), out, project_dataset(project, download_progress))
        written = [out]
    else:
        export_history_csv(project_history(project), out)
        written = [out]
    for path in written:
        print(f"wrote {path}")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from playground.project import load_project
    from playground.project.runs import compared_runs

    runs = compared_runs([(name, load_project(name)) for name in args.projects])
    if len(runs) < 2:
        raise PlaygroundError("There is one run to compare: name two projects, or one with kept runs.")
    if args.json:
        print(json.dumps({"runs": runs}, indent=2, ensure_ascii=False))
        return 0
    print(f"{'run':<15}" + "".join(f"{number:>12}" for number in range(1, len(runs) + 1)))
    for metric in ("epoch", "step", "train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        cells = ("–" if run[metric] is None else f"{run[metric]:.4g}" for run in runs)
        print(f"{metric:<15}" + "".join(f"{cell:>12}" for cell in cells))
    for number, run in enumerate(runs, 1):
        print(f"{number}: {run['name']} ({run['project']}{', kept' if run['kept'] else ''})")
    return 0


def run_gui(smoke_test: bool = False, project: str | None = None, backend: str | None = None) -> int:
    from playground.system_libraries import check_display, check_window_libraries

    check_window_libraries()  # before Qt loads them: Qt's own abort names a plugin, not the package to install
    check_display()
    from playground.ui.app import run_app

    if project is not None and not Path(project).is_file():
        raise PlaygroundError(f"There is no project file {project}: check the path.")
    return run_app(smoke_test=smoke_test, project=project, backend=backend)


def choose_command_backend(args: argparse.Namespace) -> None:
    """The backend the command computes on, in args.backend. Auto stays "auto" to be chosen with the network
    (CuPy where it works and the network is large enough to gain from it, else NumPy), except for bench, which
    takes CuPy where it works. A train or gradcheck without --backend is auto, quietly: only auto asked for by
    name says why it took NumPy (args.explain_auto), once the command starts computing (a mistake in its inputs
    stays a one-line error). CuPy asked for where it cannot work is a BackendError with the reason."""
    args.backend_notice = None
    args.explain_auto = args.backend == "auto"
    if args.command in ("train", "gradcheck") and args.backend in (None, "auto"):
        args.backend = "auto"  # chosen, and its notice made, once the command has its network
    elif args.backend == "auto" and args.command != "bench":
        args.backend_notice = choose_backend("auto")[1]  # why CuPy cannot work here, if it cannot
    elif args.backend is not None:
        args.backend, args.backend_notice = choose_backend(args.backend)


def print_notice(notice: str | None) -> None:
    """The notice saying why the backend is what it is, if there is one, on stderr."""
    if notice is not None:
        print(f"notice: {notice}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    try:
        if len(arguments) == 1 and arguments[0].endswith(".bpp"):  # `playground PROJECT.bpp` opens it
            return run_gui(project=arguments[0])
        args = build_parser().parse_args(arguments)
        choose_command_backend(args)
        if args.command == "gradcheck":
            return run_gradcheck(args)
        if args.command == "bench":
            return run_bench(args)
        if args.command == "presets":
            return run_presets()
        if args.command == "train":
            return run_train(args)
        if args.command == "export":
            return run_export(args)
        if args.command == "compare":
            return run_compare(args)
        print_notice(args.backend_notice)
        return run_gui(args.smoke_test, backend=args.backend)
    except PlaygroundError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`playground compare a.bpp b.bpp | head`): nothing more to say, and no traceback.
        # What is still buffered for stdout goes nowhere, so that flushing it at exit raises nothing either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE_CLOSED


if __name__ == "__main__":
    sys.exit(main())
