#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// The encodings spreadsheets write CSV in: Excel's "CSV UTF-8" (with a BOM), LibreOffice's UTF-8 (without
// one), Russian Excel's plain "CSV" (Windows-1251) and its "Unicode text" (UTF-16 with a BOM).
enum class CsvEncoding
{
    Utf8,
    Windows1251,
    Utf16LE,
    Utf16BE,
};

// Turns a file's bytes into text. Qt 6.4's QStringConverter knows no Windows-1251, so that code page is
// decoded from its table here (128 entries; the lower half is ASCII).
class CsvDecoder
{
    Q_DECLARE_TR_FUNCTIONS(CsvDecoder)

public:
    // A BOM decides; without one, UTF-16 shows as NUL bytes in every other position, and text that is
    // valid UTF-8 is taken as UTF-8 (Windows-1251 Cyrillic almost never is); the rest is Windows-1251.
    static CsvEncoding detect(const QByteArray &bytes);
    // The text without its BOM.
    static QString decode(const QByteArray &bytes, CsvEncoding encoding);
    // Why these bytes cannot be a CSV file ("empty", "binary"), translated; empty when they can.
    static QString problemWith(const QByteArray &bytes, CsvEncoding encoding);
    static QString displayName(CsvEncoding encoding);
    static QList<CsvEncoding> all();
};
