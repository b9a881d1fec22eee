"""The engine on an NVIDIA GPU (CuPy) against the same engine on NumPy on this machine's CPU and against
PyTorch on CUDA, in samples/s of training steps.

    python benchmarks/gpu_vs_numpy.py

The same as `playground bench --backend cupy`. Two cases, both SGD with momentum 0.9 on shuffled
mini-batches gathered on the device, no loss read per step on either side: an MLP 784-4096-4096-10 ReLU
at batch 1024, and mnist-mlp (784-200-10, batch 64) on generated data of MNIST's shape. Targets on the
wide MLP: at least 20x NumPy, and at least 0.8x PyTorch on CUDA. Without a GPU it says "no GPU" and why,
and exits 0.
"""

import argparse
import sys

from playground.benchmark import gpu_cases
from playground.engine.backend import cupy_problem

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()  # --help, and no arguments
    problem = cupy_problem()
    if problem is not None:
        print(f"no GPU: {problem}")
        sys.exit(0)
    gpu_cases(lambda result: print(result.line(), flush=True))
