#!/usr/bin/env bash
# Fuzzing (libFuzzer, ASan + UBSan) of the TFLite importer and of the whole
# compile path, in a build of its own (build-fuzz, clang).
#   scripts/fuzz.sh [SECONDS]          each target for SECONDS (default 60; CI runs 30)
#   scripts/fuzz.sh --runs N           each target for N executions (the long run: 1000000)
# The seed corpus is made by Ember's own builder (emberc example) from the
# main build; a crash, leak, sanitizer report, timeout (10 s) or out-of-memory
# (2 GB) fails the run and leaves the reproducer in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${EMBER_BUILD_DIR:-build}
FUZZ_BUILD=${EMBER_FUZZ_BUILD_DIR:-build-fuzz}
limit=(-max_total_time="${1:-60}")
if [ "${1:-}" = "--runs" ]; then limit=(-runs="${2:?--runs needs a count}"); fi

cmake -S . -B "$FUZZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DEMBER_FUZZ=ON -DEMBER_BUILD_STUDIO=OFF -DEMBER_BUILD_TESTS=OFF >/dev/null
cmake --build "$FUZZ_BUILD" -j "$(nproc)" --target fuzz_import fuzz_compile

seeds="$FUZZ_BUILD/seeds"
mkdir -p "$seeds" "$FUZZ_BUILD/artifacts"
for m in $("$BUILD/app/emberc" example --list); do
  "$BUILD/app/emberc" example "$m" -o "$seeds/$m.tflite" >/dev/null
done
status=0
for t in fuzz_import fuzz_compile; do
  corpus="$FUZZ_BUILD/corpus/$t"
  mkdir -p "$corpus"
  echo "== $t (${limit[*]})"
  if ! "$FUZZ_BUILD/tests/fuzz/$t" "$corpus" "$seeds" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$FUZZ_BUILD/artifacts/$t-" -print_final_stats=1 2>"$FUZZ_BUILD/$t.log"; then
    status=1
    tail -40 "$FUZZ_BUILD/$t.log"
  fi
  grep -E "^stat::number_of_executed_units|^Done|ERROR" "$FUZZ_BUILD/$t.log" || true
done
exit $status
