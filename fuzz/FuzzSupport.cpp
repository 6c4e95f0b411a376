#include "FuzzSupport.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

void fuzzFailure(const char *file, int line, const char *condition, const QString &detail)
{
    std::fprintf(stderr, "FUZZ CHECK FAILED at %s:%d: %s\n  %s\n", file, line, condition,
                 detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

uint8_t FuzzInput::byte()
{
    return atEnd() ? 0 : m_data[m_pos++];
}

int FuzzInput::intInRange(int low, int high)
{
    const unsigned span = static_cast<unsigned>(high - low) + 1;
    unsigned value = byte();
    if (span > 256)
        value = (value << 8) | byte();
    return low + static_cast<int>(value % span);
}

QString FuzzInput::text(int maxBytes)
{
    const size_t wanted =
        std::min<size_t>(byte() % (static_cast<size_t>(maxBytes) + 1), m_size - std::min(m_pos, m_size));
    const QString result =
        QString::fromUtf8(reinterpret_cast<const char *>(m_data + m_pos), static_cast<qsizetype>(wanted));
    m_pos += wanted;
    return result;
}

double FuzzInput::anyDouble()
{
    unsigned char bytes[sizeof(double)] = {};
    for (unsigned char &b : bytes)
        b = byte();
    double value = 0;
    std::memcpy(&value, bytes, sizeof value);
    return value;
}

QByteArray FuzzInput::rest()
{
    if (atEnd())
        return {};
    const QByteArray result(reinterpret_cast<const char *>(m_data + m_pos),
                            static_cast<qsizetype>(m_size - m_pos));
    m_pos = m_size;
    return result;
}
