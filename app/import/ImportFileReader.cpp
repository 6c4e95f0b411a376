#include "ImportFileReader.h"

#include <QThread>

#include <memory>

ImportFileReader::~ImportFileReader()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ImportFileReader::read(const QByteArray &bytes, CsvEncoding encoding, const CsvParser::Options &options)
{
    m_pending = Job{bytes, encoding, options};
    if (!m_thread)
        startNext();
}

void ImportFileReader::startNext()
{
    if (!m_pending)
        return;
    auto job = std::make_shared<Job>(std::move(*m_pending));
    m_pending.reset();
    auto result = std::make_shared<CsvTable>();
    m_thread = QThread::create([job, result] {
        *result = CsvParser::parse(CsvDecoder::decode(job->bytes, job->encoding), job->options);
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        // A newer request came meanwhile (another encoding, separator or header choice): read that.
        if (m_pending)
            startNext();
        else
            emit done(*result);
    });
    m_thread->start(QThread::LowPriority);
}
