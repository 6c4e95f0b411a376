#!/usr/bin/env bash
# Fuzzing (issue 9): builds the libFuzzer targets with clang in their own build folder and runs each one
# for a bounded time on its seed corpus (fuzz/corpus/<target>/) plus the corpus grown by earlier runs.
#
#   ./dev.sh fuzz [seconds-per-target] [target...]        (default 60 s, every target)
#   scripts/fuzz.sh BUILD_DIR [seconds-per-target] [target...]
#
# Environment: CPADESK_FUZZ_BUILD_DIR (default BUILD_DIR-fuzz), CPADESK_FUZZ_JOBS (build jobs, default 2),
# CPADESK_FUZZ_SEED (libFuzzer's -seed, to replay a run; default a fresh one, printed in each log).
# Exit status 0 when no target found anything; otherwise 1, with each crashing input saved under
# FUZZ_BUILD_DIR/artifacts/<time>/ and the command that replays it. Keep such an input as a regression case:
# copy it to fuzz/corpus/<target>/regression-<what> once the bug is fixed (tst_fuzzcorpus runs every file there).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=${1:?usage: scripts/fuzz.sh BUILD_DIR [seconds-per-target] [target...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(add_reply list_reply form_codec lead_encoder phone_normalizer csv_reader)
fuzz_dir=${CPADESK_FUZZ_BUILD_DIR:-${build_dir%/}-fuzz}
jobs=${CPADESK_FUZZ_JOBS:-2}
seed_option=()
[ -z "${CPADESK_FUZZ_SEED:-}" ] || seed_option=(-seed="$CPADESK_FUZZ_SEED")

if ! command -v clang++ >/dev/null; then
    echo "fuzz: clang++ not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
fi

# Only the fuzz targets and the few sources they exercise are built: not the app, not the tests.
cmake -S . -B "$fuzz_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCPADESK_FUZZ=ON -DCPADESK_BUILD_TESTS=OFF -DCPADESK_BUILD_BENCH=OFF >/dev/null
cmake --build "$fuzz_dir" --target fuzz-all --parallel "$jobs"

# Allocation stacks of depth 5 keep ASan from spending most of its time recording them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:malloc_context_size=5}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LC_ALL=C.UTF-8

run_artifacts="$fuzz_dir/artifacts/$(date +%Y%m%d-%H%M%S)"
failed=()
printf '%-18s %8s %10s %8s %8s  %s\n' target seconds execs cov corpus result
for target in "${targets[@]}"; do
    binary="$fuzz_dir/fuzz/fuzz-$target"
    [ -x "$binary" ] || { echo "fuzz: no such target: $target" >&2; exit 2; }
    work="$fuzz_dir/corpus/$target"
    log="$fuzz_dir/logs/$target.log"
    mkdir -p "$work" "$run_artifacts" "$(dirname "$log")"
    # New inputs go to the work corpus (first folder); the committed seeds are only read.
    result=ok
    if ! "$binary" "${seed_option[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$run_artifacts/$target-" \
        "$work" "fuzz/corpus/$target" >"$log" 2>&1; then
        result=FAILED
        failed+=("$target")
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corpus=$(find "$work" -type f | wc -l)
    printf '%-18s %8s %10s %8s %8s  %s\n' "$target" "$seconds" "${execs:-?}" "${cov:-?}" "$corpus" "$result"
done

if [ ${#failed[@]} -gt 0 ]; then
    for target in "${failed[@]}"; do
        echo
        echo "== $target: $fuzz_dir/logs/$target.log"
        grep -E 'FUZZ CHECK FAILED|ERROR: |SUMMARY|^  ' "$fuzz_dir/logs/$target.log" | head -8
        for input in "$run_artifacts/$target-"*; do
            [ -e "$input" ] && echo "replay: $fuzz_dir/fuzz/fuzz-$target $input"
        done
    done
    exit 1
fi
