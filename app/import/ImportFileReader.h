#pragma once

#include "CsvDecoder.h"
#include "CsvParser.h"

#include <QByteArray>
#include <QObject>

#include <optional>

class QThread;

// Decodes and parses a whole file on a thread of its own: 100,000 rows take the better part of a
// second, which the window must not wait for (import.100k.dialog.stall). A newer read() makes the
// answer of an older one be dropped, as ImportChecker does.
class ImportFileReader : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ImportFileReader() override;

    void read(const QByteArray &bytes, CsvEncoding encoding, const CsvParser::Options &options);
    bool isBusy() const { return m_thread != nullptr; }

signals:
    void done(const CsvTable &table);

private:
    void startNext();

    struct Job
    {
        QByteArray bytes;
        CsvEncoding encoding;
        CsvParser::Options options;
    };
    QThread *m_thread = nullptr;
    std::optional<Job> m_pending;
};
