#!/usr/bin/env bash
# The one entry point for a developer or CI on Debian 12 / Ubuntu:
#   ./dev.sh start [app options]   install what is missing, build, start CPA Desk
#   ./dev.sh test                  install what is missing, build, run the whole test suite headless
#   ./dev.sh build | deps          the first steps alone
#   ./dev.sh package               a Debian package
#   ./dev.sh bench | soak | fuzz   benchmarks, fault soak and fuzzing (see README)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

BUILD_DIR=${CPADESK_BUILD_DIR:-build}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
    local missing=()
    while read -r pkg; do
        [ -z "$pkg" ] && continue
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' scripts/deps-debian.txt)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

# CPADESK_WERROR=ON|OFF in the environment sets the option of that name; unset, the build folder keeps
# what it had (so that `start` after `test` rebuilds nothing).
build() {
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        ${CPADESK_WERROR:+-DCPADESK_WERROR=$CPADESK_WERROR} >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

cmd=${1:-start}
shift || true
case "$cmd" in
deps) install_deps ;;
build) install_deps; build ;;
start)
    install_deps
    build
    exec "$BUILD_DIR/app/cpadesk" "$@"
    ;;
test)
    install_deps
    # What CI runs: warnings are errors there.
    CPADESK_WERROR=${CPADESK_WERROR:-ON} build
    cd "$BUILD_DIR"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
    ;;
*)
    if [ -x "scripts/$cmd.sh" ]; then install_deps; build; exec "scripts/$cmd.sh" "$BUILD_DIR" "$@"; fi
    echo "usage: $0 start|test|build|deps|package|bench|soak|fuzz" >&2
    exit 2
    ;;
esac
