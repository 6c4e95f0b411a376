#!/usr/bin/env bash
# Builds the Debian package of CPA Desk from an existing build folder:
#   ./dev.sh package            (dev.sh builds first, then calls this with its build folder)
#   scripts/package.sh BUILD_DIR [OUTPUT_DIR]
# The .deb lands in OUTPUT_DIR (default: BUILD_DIR/packages). Install it with
#   sudo apt install ./build/packages/cpadesk_*.deb
set -euo pipefail
build_dir=$(realpath "${1:-build}")
out_dir=$(realpath -m "${2:-$build_dir/packages}")
mkdir -p "$out_dir"
cd "$build_dir"
cpack -G DEB -B "$out_dir" --config "$build_dir/CPackConfig.cmake"
# cpack leaves its staging tree beside the package; only the .deb is of interest.
rm -rf "$out_dir/_CPack_Packages"
ls -1 "$out_dir"/*.deb
