# A Debian package from the build (issue 8):  ./dev.sh package  (scripts/package.sh)
# or by hand:  cmake --build build && cd build && cpack -G DEB
#
# dpkg-shlibdeps works out the libraries the binaries link (libqt6core6, libqt6widgets6,
# libqt6keychain1, ...). What Qt loads at run time as plugins it cannot see, so those are declared
# here: the xcb platform plugin, the SQLite driver of the journal and the SVG icon engine.

set(CPACK_PACKAGE_NAME cpadesk)
set(CPACK_PACKAGE_VENDOR "The CPA Desk developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop client for AlterCPA-style affiliate lead APIs")
set(CPACK_PACKAGE_DESCRIPTION
    "CPA Desk lets call-centre operators send customer orders (leads) to an affiliate
network and lets affiliate managers follow what became of them: statuses, hold and
cancellation reasons, approval and buyout rates. Orders are kept in a local journal
and retried safely when the network is unreachable. A built-in sandbox emulates the
API for training and tests. English and Russian interface.")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_CONTACT "The CPA Desk developers <cpadesk@users.noreply.github.com>")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME cpadesk)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6")
# Qt's own Russian catalogue (standard buttons and dialogs) and a keychain service for the API key;
# without them the app still works (English Qt dialogs; the key kept in a 0600 file, as it says).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring | kwalletmanager")

include(CPack)
