#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   scripts/ember.sh demo   install dependencies, build, make Ember's own example
#                           model, compile and validate it with emberc, open it in
#                           the studio (or screenshot it when there is no display)
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
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$BUILD" -j "$(nproc)"
}

demo() {
  local emberc="$BUILD/app/emberc" model="$BUILD/ember_demo.tflite"
  "$emberc" example ember_demo -o "$model"
  "$emberc" inspect "$model"
  "$emberc" compile "$model" -o "$BUILD/ember_demo_pkg"
  "$emberc" validate "$model"
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
