#!/usr/bin/env bash
# Builds the Debian package from the build tree into a temporary folder (cpack -G DEB, as
# scripts/package.sh does) and checks what it holds and what it declares.
#   check-package.sh BUILD_DIR
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB -B "$work" --config "$build_dir/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
debs=("$work"/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one .deb, found: ${debs[*]}"
deb=${debs[0]}
echo "built $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/files"
for path in \
    ./usr/bin/cpadesk \
    ./usr/share/icons/hicolor/scalable/apps/cpadesk.svg \
    ./usr/share/applications/cpadesk.desktop \
    ./usr/share/metainfo/io.github.cpadesk.CpaDesk.metainfo.xml \
    ./usr/share/cpadesk/translations/cpadesk_ru.qm \
    ./usr/share/cpadesk/translations/cpadesk_en.qm; do
    grep -qxF "$path" "$work/files" || { cat "$work/files"; fail "$path is missing from the package"; }
done
# Nothing may land outside /usr (no /usr/local, no build paths).
if grep -v -e '^\./$' -e '^\./usr/' "$work/files"; then fail "files outside /usr"; fi
if grep -q '^\./usr/local/' "$work/files"; then fail "files under /usr/local"; fi

[ "$(dpkg-deb -f "$deb" Package)" = cpadesk ] || fail "package name"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no maintainer"
[ -n "$(dpkg-deb -f "$deb" Section)" ] || fail "no section"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps (the libraries the binary links: Network and Sql join once the binary uses
# them) and declared by hand (the plugins Qt loads).
for dependency in libqt6core6 libqt6widgets6 libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6; do
    grep -Eq "(^|, )$dependency( |,|$)" <<<"$depends" || fail "Depends lacks $dependency"
done

# The binary in the package is the one that was built, stripped, and executable.
dpkg-deb -x "$deb" "$work/root"
[ -x "$work/root/usr/bin/cpadesk" ] || fail "usr/bin/cpadesk is not executable"
if file "$work/root/usr/bin/cpadesk" | grep -q 'not stripped'; then fail "the binary is not stripped"; fi
echo "package OK"
