#!/usr/bin/env bash
# Side-by-side speed of one complete ADAN training iteration: `adan bench train` (this engine) against the
# PyTorch 1.13 reference (bench/torch/adan_iter.py, Debian's python3-torch, 2 threads). One JSON line per run.
# Run on a quiet machine: `bash bench/adan-vs-pytorch.sh [ITERS]` after `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
iters="${1:-40}"
py=/usr/bin/python3
for cfg in "1582 32" "1582 128" "1582 512" "4368 128"; do
  set -- $cfg
  node bin/adan.js bench train --dim "$1" --batch "$2" --iters "$iters" --json
  if "$py" -c 'import torch' 2>/dev/null; then
    # passive OpenMP waiting was PyTorch's best setting on 2 cores (see bench/torch/README.md)
    OMP_WAIT_POLICY=passive "$py" bench/torch/adan_iter.py --dim "$1" --batch "$2" --iters "$iters" --threads 2
  else
    echo '{"impl":"pytorch","skipped":"python3-torch not installed (apt-get install python3-torch)"}'
  fi
done
