#pragma once

#include <QString>

// Where the per-user configuration files live. They sit beside the file a plain QSettings would use
// (so QSettings::setPath, used by the tests, moves them all at once) but never ARE that file: each of
// ours has exactly one writer, which is what makes the write-then-swap safe. Options, profiles and the
// fallback store of keys are three files, so that each is written whole by its one owner.
namespace SettingsPaths {
QString configDirectory();
QString settingsFile();
QString profilesFile();
QString credentialsFile();
} // namespace SettingsPaths
