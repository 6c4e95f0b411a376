#pragma once

#include <QTemporaryDir>

// Points QSettings and QStandardPaths at a fresh temporary folder for the life of a test executable,
// so that no test reads or writes the user's real configuration or journal.
class TestEnvironment
{
public:
    TestEnvironment();
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};
