#!/usr/bin/env bash
# Regenerates the README's figures (docs/figures/*.png) from an EmoDB run folder.
#
#   scripts/make-readme-figures.sh [RUN_FOLDER]
#
# RUN_FOLDER defaults to run-emodb; when it has no results.json yet it is made first with
# `adan reproduce emodb -o RUN_FOLDER $ADAN_REPRODUCE_ARGS` (e.g. ADAN_REPRODUCE_ARGS="--quick" for a smoke run,
# or "--features ../shared/data/emodb/opensmile/IS11.csv" to skip feature extraction).
# The figures are `adan report RUN_FOLDER --format png` with seed 1, copied under stable names.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN="${1:-run-emodb}"
ADAN="node bin/adan.js"
if [ ! -f "$RUN/results.json" ]; then
  # shellcheck disable=SC2086
  $ADAN reproduce emodb -o "$RUN" ${ADAN_REPRODUCE_ARGS:-}
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
$ADAN report "$RUN" --format png -o "$tmp" --seed 1
# and the HTML report beside the run, for a look at everything
$ADAN report "$RUN" -o "$RUN/report.html" --seed 1

out=docs/figures
mkdir -p "$out"
copy() { # copy FIRST-MATCHING-GLOB NAME
  local f
  f="$(ls "$tmp"/$1 2>/dev/null | head -n 1 || true)"
  if [ -n "$f" ]; then cp "$f" "$out/$2"; echo "  $out/$2 <- $(basename "$f")"; else echo "  (no $1 in this run)"; fi
}
echo "README figures:"
copy 'method-comparison.png' method-comparison.png
copy 'per-class-recall.png' per-class-recall.png
copy 'loss-curves-adan-*.png' loss-curves.png
copy 'tsne-latent-*.png' tsne-latent.png
copy 'tsne-feature-*.png' tsne-feature.png
copy 'confusion-norm-adan-dnn-real-synthetic.png' confusion-adan-dnn.png
copy 'confusion-norm-none-svm-real.png' confusion-none-svm.png
