#!/usr/bin/env bash
# Benchmarks (issue 9): runs cpadesk-bench from BUILD_DIR; every figure with its baseline measured in
# the same run. The table goes to stdout, the JSON to BUILD_DIR/bench-results.json (or --json FILE).
#
#   ./dev.sh bench [cpadesk-bench options]          e.g. ./dev.sh bench --sections table,refresh
#   scripts/bench.sh BUILD_DIR [cpadesk-bench options]
#
# Figures are only comparable on the same machine: the JSON records cores, CPU and load average.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${1:?usage: scripts/bench.sh BUILD_DIR [cpadesk-bench options]}
shift
bench="$build_dir/bench/cpadesk-bench"
[ -x "$bench" ] || { echo "bench: $bench not built (configure with -DCPADESK_BUILD_BENCH=ON)" >&2; exit 2; }
cmake --build "$build_dir" --target cpadesk cpadesk-bench >/dev/null
json_args=(--json "$build_dir/bench-results.json")
for arg in "$@"; do [ "$arg" = "--json" ] && json_args=(); done
export LC_ALL=C.UTF-8
"$bench" --app "$build_dir/app/cpadesk" "${json_args[@]}" "$@"
[ ${#json_args[@]} -eq 0 ] || echo "JSON: $build_dir/bench-results.json"
