#include "CsvDecoder.h"

#include <QStringDecoder>

#include <array>

namespace {

// Windows-1251, bytes 0x80..0xFF (0x98 is unassigned).
constexpr std::array<char16_t, 128> cp1251Upper{
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A,
    0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122,
    0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6,
    0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456,
    0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, 0x0410,
    0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D,
    0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A,
    0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444,
    0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
};

bool startsWith(const QByteArray &bytes, const char *prefix, int size)
{
    return bytes.size() >= size && memcmp(bytes.constData(), prefix, size) == 0;
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

QString decodeUtf16(const QByteArray &bytes, QStringDecoder::Encoding encoding)
{
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    return decoder.decode(bytes);
}

} // namespace

CsvEncoding CsvDecoder::detect(const QByteArray &bytes)
{
    if (startsWith(bytes, "\xEF\xBB\xBF", 3))
        return CsvEncoding::Utf8;
    if (startsWith(bytes, "\xFF\xFE", 2))
        return CsvEncoding::Utf16LE;
    if (startsWith(bytes, "\xFE\xFF", 2))
        return CsvEncoding::Utf16BE;
    // Without a BOM: NULs in odd positions are the high bytes of Latin and Cyrillic UTF-16LE text.
    const qsizetype sample = qMin<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    qsizetype evenNuls = 0, oddNuls = 0;
    for (qsizetype i = 0; i < sample; ++i) {
        if (bytes.at(i) == '\0')
            ++(i % 2 ? oddNuls : evenNuls);
    }
    if (sample >= 2 && oddNuls > sample / 4 && evenNuls == 0)
        return CsvEncoding::Utf16LE;
    if (sample >= 2 && evenNuls > sample / 4 && oddNuls == 0)
        return CsvEncoding::Utf16BE;
    return isValidUtf8(bytes) ? CsvEncoding::Utf8 : CsvEncoding::Windows1251;
}

QString CsvDecoder::decode(const QByteArray &bytes, CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8: {
        const qsizetype skip = startsWith(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
        return QString::fromUtf8(bytes.constData() + skip, bytes.size() - skip);
    }
    case CsvEncoding::Utf16LE:
    case CsvEncoding::Utf16BE: {
        const bool little = encoding == CsvEncoding::Utf16LE;
        const qsizetype skip = startsWith(bytes, little ? "\xFF\xFE" : "\xFE\xFF", 2) ? 2 : 0;
        return decodeUtf16(bytes.mid(skip), little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
    }
    case CsvEncoding::Windows1251: {
        QString text(bytes.size(), Qt::Uninitialized);
        QChar *out = text.data();
        for (const char byte : bytes) {
            const auto value = static_cast<unsigned char>(byte);
            *out++ = QChar(value < 0x80 ? char16_t(value) : cp1251Upper[value - 0x80]);
        }
        return text;
    }
    }
    return QString();
}

QString CsvDecoder::problemWith(const QByteArray &bytes, CsvEncoding encoding)
{
    if (bytes.isEmpty())
        return tr("The file is empty.");
    // Text has no NUL characters and few control characters; images, archives and spreadsheets in
    // their own format (.xlsx is a zip) have many in their first kilobytes.
    const QString head = decode(bytes.left(8192), encoding);
    qsizetype control = 0;
    for (const QChar c : head) {
        if (c.unicode() == 0)
            return tr("This is not a text file (it holds binary data). Save the spreadsheet as CSV and "
                      "import that file.");
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\r' && c != u'\n')
            ++control;
    }
    if (control * 100 > head.size())
        return tr("This is not a text file (it holds binary data). Save the spreadsheet as CSV and "
                  "import that file.");
    if (decode(bytes, encoding).trimmed().isEmpty())
        return tr("The file holds no rows.");
    return QString();
}

QString CsvDecoder::displayName(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case CsvEncoding::Windows1251:
        return QStringLiteral("Windows-1251");
    case CsvEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case CsvEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    }
    return QString();
}

QList<CsvEncoding> CsvDecoder::all()
{
    return {CsvEncoding::Utf8, CsvEncoding::Windows1251, CsvEncoding::Utf16LE, CsvEncoding::Utf16BE};
}
