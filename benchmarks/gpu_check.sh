#!/usr/bin/env bash
# What needs an NVIDIA GPU, in one call (a session lent a GPU machine runs this, and quotes its output):
#
#     bash benchmarks/gpu_check.sh            # python3 there is the image's, with CuPy and PyTorch
#
# tests/gpu/ (the engine on CuPy against NumPy in float64, every preset as on NumPy, digits-mlp's accuracy),
# then benchmarks/gpu_vs_numpy.py. Without a GPU the tests skip with "no GPU" and the benchmark says so.
# Exits with the tests' status.
set -u
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
export PYTHONPATH=$PWD PYTHONUNBUFFERED=1
nvidia-smi -L 2>/dev/null || echo "nvidia-smi: none here"
$PYTHON -c "import cupy, numpy, torch; print('cupy', cupy.__version__, 'numpy', numpy.__version__, 'torch', torch.__version__, 'cuda', torch.cuda.is_available())"
$PYTHON -m pytest -q -p no:cacheprovider -rs tests/gpu
status=$?
$PYTHON benchmarks/gpu_vs_numpy.py
exit $status
