#!/usr/bin/env bash
# Fuzzing (libFuzzer, ASan + UBSan) of the TFLite importer and of the whole
# compile path, in a build of its own (build-fuzz, clang).
#   scripts/fuzz.sh [SECONDS]          each target for SECONDS (default 60; the test command runs 20)
#   scripts/fuzz.sh --runs N           each target for N executions (the long run: 1000000)
# The seed corpus is made by Ember's own builder (emberc example) from the
# main build, plus tests/fuzz/regressions (inputs that once failed). A crash, leak, sanitizer report, timeout (10 s per input) or
# out-of-memory (2 GB) fails the run and leaves the reproducer in
# build-fuzz/artifacts/. Progress goes to stderr; stdout gets one Markdown
# table (target, executions, seconds, result) for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${EMBER_BUILD_DIR:-build}
FUZZ_BUILD=${EMBER_FUZZ_BUILD_DIR:-build-fuzz}
limit=(-max_total_time="${1:-60}")
if [ "${1:-}" = "--runs" ]; then limit=(-runs="${2:?--runs needs a count}"); fi

{
  cmake -S . -B "$FUZZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DEMBER_FUZZ=ON -DEMBER_BUILD_STUDIO=OFF -DEMBER_BUILD_TESTS=OFF
  cmake --build "$FUZZ_BUILD" -j "$(nproc)" --target fuzz_import fuzz_compile fuzz_import_onnx
} >&2

seeds="$FUZZ_BUILD/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$FUZZ_BUILD/artifacts"
for m in $("$BUILD/app/emberc" example --list); do
  "$BUILD/app/emberc" example "$m" -o "$seeds/$m.tflite" >/dev/null
done
# ONNX seeds: the small node-test models of libonnx-testdata.
find /usr/share/libonnx-testdata/data/node -name model.onnx -size -2k 2>/dev/null | head -300 |
  while read -r m; do cp "$m" "$seeds/$(basename "$(dirname "$m")").onnx"; done
status=0
echo "| target | executions | seconds | result |"
echo "|---|---|---|---|"
for t in fuzz_import fuzz_compile fuzz_import_onnx; do
  corpus="$FUZZ_BUILD/corpus/$t"
  mkdir -p "$corpus"
  echo "== $t (${limit[*]})" >&2
  start=$(date +%s)
  result="no crash, timeout, leak or sanitizer report"
  if ! "$FUZZ_BUILD/tests/fuzz/$t" "$corpus" "$seeds" tests/fuzz/regressions "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$FUZZ_BUILD/artifacts/$t-" -print_final_stats=1 2>"$FUZZ_BUILD/$t.log"; then
    status=1
    result="FAILED (see $FUZZ_BUILD/$t.log and $FUZZ_BUILD/artifacts/)"
    tail -40 "$FUZZ_BUILD/$t.log" >&2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$FUZZ_BUILD/$t.log" | tail -1)
  echo "| $t | ${runs:-?} | $(( $(date +%s) - start )) | $result |"
done
exit $status
