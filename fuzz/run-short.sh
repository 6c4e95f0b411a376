#!/usr/bin/env bash
# The CI fuzz step (ctest fuzz_short): build the libFuzzer targets with clang beside the test build and
# fuzz each one for a few seconds. Skipped (exit 77) when clang is not installed.
#   fuzz/run-short.sh SOURCE_DIR TEST_BUILD_DIR SECONDS_PER_TARGET
set -euo pipefail
source_dir=$1
build_dir=$2
seconds=$3
if ! command -v clang++ >/dev/null; then
    echo "clang++ not installed: fuzzing skipped (scripts/deps-debian.txt lists clang and libclang-rt-14-dev)"
    exit 77
fi
export CPADESK_FUZZ_BUILD_DIR="$build_dir/fuzz-clang"
export CPADESK_FUZZ_JOBS=${CPADESK_FUZZ_JOBS:-2}
exec "$source_dir/scripts/fuzz.sh" "$build_dir" "$seconds"
