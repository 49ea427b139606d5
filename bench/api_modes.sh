#!/usr/bin/env bash
# RAM/flash effect of each generated-code option on one model, measured by
# compiling the package for Cortex-M4 (arm-none-eabi-gcc -O2) and reading
# `size`: flash = text + data, static RAM = data + bss. Memory the
# application provides (I/O buffers, app pools, constants pool) is listed
# separately from metadata.json.
#   bench/api_modes.sh [EMBERC] [MODEL]
set -euo pipefail
EMBERC=${1:-build/app/emberc}
MODEL=${2:-../shared/models/mlperf_tiny/kws/kws_ref_model.tflite}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
measure() {
  local label=$1; shift
  "$EMBERC" compile "$MODEL" -o "$tmp/pkg" --name m "$@" >/dev/null
  local objs=()
  for c in "$tmp"/pkg/src/*.c; do
    arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -std=c99 -O2 \
      -I"$tmp/pkg/include" -c "$c" -o "$c.o"
    objs+=("$c.o")
  done
  read -r text data bss < <(arm-none-eabi-size -t "${objs[@]}" | tail -1 | awk '{print $1, $2, $3}')
  local app
  app=$(python3 - "$tmp/pkg/metadata.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
o = m["options"]
io = 0 if o["io"] == "workspace" else sum(t["bytes"] for t in m["inputs"] + m["outputs"])
pools = sum(p["size"] for p in m["pools"] if p["app_provided"])
cp = m.get("constants_pool", {}).get("bytes", 0)
print(io + pools + cp)
PY
)
  printf '| %s | %d | %d | %d | %d |\n' "$label" $((text + data)) $((data + bss)) "$app" $((data + bss + app))
  rm -rf "$tmp/pkg"
}
echo "| option | flash bytes | static RAM bytes | RAM the application provides | total RAM |"
echo "|---|---|---|---|---|"
measure "defaults (unpacked, c, static pool, flash, separate)"
measure "--operators packed" --operators packed
measure "--interface-api packed" --interface-api packed
measure "--packed-wrappers" --packed-wrappers
measure "--app-pools" --app-pools
measure "--constants pool" --constants pool
measure "--io workspace" --io workspace
measure "--io workspace --app-pools" --io workspace --app-pools
measure "--align 4" --align 4
