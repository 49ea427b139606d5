#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   scripts/ember.sh demo   install dependencies, build, make Ember's own example
#                           model, compile and validate it with emberc, profile it
#                           on an emulated Cortex-M4 (per-layer table, bit-exact
#                           check), open it in the studio (or screenshot it when
#                           there is no display)
#   scripts/ember.sh test   install dependencies, build, run the whole test suite
#   scripts/ember.sh deps | build
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${EMBER_BUILD_DIR:-build}

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  libflatbuffers-dev flatbuffers-compiler nlohmann-json3-dev libdlpack-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libgl-dev
  libqscintilla2-qt6-dev libgraphviz-dev
  gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm openocd gdb-multiarch
  xvfb xauth
  python3-numpy python3-serial python3-pytest
  libonnx-dev libonnx-testdata libprotobuf-dev protobuf-compiler
)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  # Optimised, without debug information (which costs ~40% of the compile
  # time): configure a build folder of your own with -DCMAKE_BUILD_TYPE=
  # RelWithDebInfo or Debug to debug Ember itself.
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG"
  cmake --build "$BUILD" -j "$(nproc)"
}

demo() {
  local emberc="$BUILD/app/emberc" model="$BUILD/ember_demo.tflite"
  "$emberc" example ember_demo -o "$model"
  "$emberc" inspect "$model"
  "$emberc" compile "$model" -o "$BUILD/ember_demo_pkg"
  "$emberc" validate "$model"
  # The same package on an emulated Cortex-M4 (QEMU mps2-an386): per-layer
  # instruction counts and the board's outputs checked bit-exact against the
  # reference executor.
  if command -v qemu-system-arm >/dev/null && command -v arm-none-eabi-gcc >/dev/null; then
    "$emberc" profile "$model" --board qemu-mps2-an386
  else
    echo "qemu-system-arm or arm-none-eabi-gcc missing: skipping the emulated Cortex-M4 profile"
  fi
  local studio="$BUILD/app/studio/ember-studio"
  if [ -x "$studio" ]; then
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      "$studio" "$model"
    else
      QT_QPA_PLATFORM=offscreen "$studio" --screenshot "$BUILD/ember_demo.png" "$model"
      echo "no display: studio screenshot written to $BUILD/ember_demo.png"
    fi
  fi
}

runtests() {
  # Tests render widgets offscreen and build generated C with gcc, clang and
  # arm-none-eabi-gcc; QEMU runs the board tests; the differential tests run
  # TFLM's reference kernels (../shared/tools/tflm-ref); the fuzz targets
  # replay their regression inputs. The long sweeps (fuzzing, the full API-mode
  # matrix) are scripts/sweeps.sh; EMBER_FUZZ_SECONDS=N adds a short fuzzing run.
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)" --timeout 1500
  if [ "${EMBER_FUZZ_SECONDS:-0}" -gt 0 ]; then bash scripts/fuzz.sh "$EMBER_FUZZ_SECONDS"; fi
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build ;;
  demo) deps; build; demo ;;
  test) deps; build; runtests ;;
  *) echo "usage: $0 demo|test|deps|build" >&2; exit 2 ;;
esac
