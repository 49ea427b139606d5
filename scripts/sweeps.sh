#!/usr/bin/env bash
# The long sweeps that the test command leaves out (figures in the README):
#   1. fuzzing: each libFuzzer target for 1,000,000 executions (scripts/fuzz.sh);
#   2. the full API-mode matrix on KWS: all 64 combinations of the six
#      generator switches, each built with gcc, clang and arm-none-eabi-gcc and
#      run on every golden case (the test command runs a pairwise subset);
#   3. the differential tests with the generated C of every case built and run
#      (the test command builds it for a seeded half; TFLM and the reference
#      executor check every case either way).
# Needs the main build (scripts/ember.sh build). Usage: scripts/sweeps.sh [fuzz|matrix|diff]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${EMBER_BUILD_DIR:-build}
what=${1:-all}
if [ "$what" = all ] || [ "$what" = fuzz ]; then
  bash scripts/fuzz.sh --runs "${EMBER_FUZZ_RUNS:-1000000}"
fi
if [ "$what" = all ] || [ "$what" = matrix ]; then
  start=$(date +%s)
  EMBER_FULL_MATRIX=1 QT_QPA_PLATFORM=offscreen "$BUILD/tests/tst_api_modes" fullMatrixKws
  echo "full API-mode matrix: 64 packages passed in $(( $(date +%s) - start )) s"
fi
if [ "$what" = all ] || [ "$what" = diff ]; then
  start=$(date +%s)
  EMBER_FULL_MATRIX=1 QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD" -R '^tst_diff_' -j "$(nproc)" \
    --output-on-failure --timeout 3000
  echo "differential tests, generated C of every case: passed in $(( $(date +%s) - start )) s"
fi
