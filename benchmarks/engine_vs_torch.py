"""The engine against PyTorch eager in one process, printed as ratios.

    python benchmarks/engine_vs_torch.py [--case all|mlp|tiny|circle] [--threads N ...]

The same as `playground bench`; the cases and their targets are in playground/benchmark.py.
"""

import sys

from playground.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
