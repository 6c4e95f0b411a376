#!/usr/bin/env bash
# ./dev.sh mutants [NAME...]: proves that the tests guarding a promise can fail. Each patch in
# tests/mutants/ breaks one guard on purpose; its header names the tests that must then fail:
#   # Must fail: tst_outbox_faults tst_e2e_answers
# The patch is applied to a copy of the committed sources (never to this checkout), those tests are built
# and run, and the mutant must be killed (every named test fails). A mutant that survives is a test that
# cannot see the fault it exists for: the script exits non-zero.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# dev.sh passes its build folder first; the mutants get a folder of their own beside it.
work=${CPADESK_MUTANT_DIR:-${1:-build}-mutants}
shift || true
src=$work/src
build=$work/build
rm -rf "$src"
mkdir -p "$src" "$build"
git archive HEAD | tar -x -C "$src"
# A repository of its own: inside this checkout, `git apply` would patch (or silently skip) this one's files.
git -C "$src" init -q
git -C "$src" add -A
git -C "$src" -c user.name=mutants -c user.email=mutants@localhost commit -qm sources
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

patches=()
if [ $# -gt 0 ]; then
    for name in "$@"; do patches+=("tests/mutants/$name.patch"); done
else
    patches=(tests/mutants/*.patch)
fi

survived=0
for patch in "${patches[@]}"; do
    name=$(basename "$patch" .patch)
    tests=$(sed -n 's/^# Must fail: *//p' "$patch")
    if [ -z "$tests" ]; then
        echo "mutant $name: no '# Must fail:' line" >&2
        exit 2
    fi
    files=$(git apply --numstat "$patch" | cut -f3)
    git -C "$src" apply "$PWD/$patch"
    if git -C "$src" diff --quiet; then
        echo "mutant $name: the patch changed nothing" >&2
        exit 2
    fi
    # A fresh time stamp, so the build sees the change (and, after the reverse patch, the change back).
    (cd "$src" && touch $files)
    # shellcheck disable=SC2086
    cmake --build "$build" --target $tests >/dev/null
    killedBy=()
    for test in $tests; do
        if ! (cd "$build" && QT_QPA_PLATFORM=offscreen ctest -R "^$test\$" --timeout 600 >/dev/null 2>&1); then
            killedBy+=("$test")
        fi
    done
    git -C "$src" apply -R "$PWD/$patch"
    (cd "$src" && touch $files)
    if [ ${#killedBy[@]} -eq "$(echo $tests | wc -w)" ]; then
        echo "mutant $name: killed by ${killedBy[*]}"
    else
        echo "mutant $name: SURVIVED (must fail: $tests; failed: ${killedBy[*]:-none})"
        survived=$((survived + 1))
    fi
done
if [ $survived -gt 0 ]; then
    echo "$survived mutant(s) survived" >&2
    exit 1
fi
echo "every mutant killed"
