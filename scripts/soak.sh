#!/usr/bin/env bash
# Fault soak (issue 9): the app's core submits and refreshes leads against cpadesk-sandbox with every
# fault kind (~20 % of requests), killed with SIGKILL at random moments and restarted, for MINUTES
# (default 5); then it drains the outbox and counts: submitted, confirmed by the sandbox, duplicates,
# lost (both must be 0), restarts survived. Loopback only.
#
#   ./dev.sh soak [minutes] [cpadesk-soak options]     e.g. ./dev.sh soak 10 --rate 60 --seed 7
#   scripts/soak.sh BUILD_DIR [minutes] [cpadesk-soak options]
#
# The journal, sandbox state and logs of the run are kept in BUILD_DIR/soak-<time>/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${1:?usage: scripts/soak.sh BUILD_DIR [minutes] [cpadesk-soak options]}
minutes=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))
cmake --build "$build_dir" --target cpadesk-soak cpadesk-soak-driver cpadesk-sandbox >/dev/null
work="$build_dir/soak-$(date +%Y%m%d-%H%M%S)"
export LC_ALL=C.UTF-8
exec "$build_dir/bench/cpadesk-soak" --minutes "$minutes" --work "$work" \
    --sandbox "$build_dir/app/sandbox/cpadesk-sandbox" --driver "$build_dir/bench/cpadesk-soak-driver" "$@"
