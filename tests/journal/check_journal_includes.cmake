# The journal depends on nothing above it: the types it returns live in app/journal (or app/leads,
# app/api), never in sync/, session/, status/, settings/ or ui/. And it reaches SQLite only through
# Qt SQL, so that opening it never depends on which SQLite library Qt's plugin was built with.
# Usage: cmake -DDIR=<folder to check> [-DEXPECT_VIOLATION=ON] -P check_journal_includes.cmake
file(GLOB sources "${DIR}/*.h" "${DIR}/*.cpp")
set(violations "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
        if(line MATCHES "#[ \t]*include[ \t]*[\"<](sync|session|status|settings|ui)/"
           OR line MATCHES "#[ \t]*include[ \t]*[\"<]sqlite3\\.h[\">]")
            string(APPEND violations "  ${source}: ${line}\n")
        endif()
    endforeach()
endforeach()
if(EXPECT_VIOLATION)
    if(violations STREQUAL "")
        message(FATAL_ERROR "the planted include in ${DIR} was not caught")
    endif()
elseif(NOT violations STREQUAL "")
    message(FATAL_ERROR "app/journal includes what it must not:\n${violations}")
endif()
