#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

// Shared by every fuzz target, in both builds: the libFuzzer build (clang, sanitizers) and the test build
// (the normal compiler), where tst_fuzzcorpus runs the kept corpora as regression inputs.

// A failed property: prints what and where, then aborts so that libFuzzer keeps the input as a crash and
// tst_fuzzcorpus fails.
[[noreturn]] void fuzzFailure(const char *file, int line, const char *condition, const QString &detail);

#define FUZZ_CHECK(condition, detail)                                                                        \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            fuzzFailure(__FILE__, __LINE__, #condition, (detail));                                           \
    } while (false)

// Reads structured values off the fuzzer's bytes. Running out of bytes is not an error: every read then
// yields zero or empty, so any input builds a valid value and short inputs still mean something.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size) : m_data(data), m_size(size) {}

    bool atEnd() const { return m_pos >= m_size; }
    uint8_t byte();
    // A value in [low, high], from one or two bytes.
    int intInRange(int low, int high);
    // Up to maxBytes bytes (length from one byte) decoded as UTF-8: invalid sequences become U+FFFD, as
    // they do everywhere text enters the application.
    QString text(int maxBytes);
    // Eight raw bytes as a double: NaN, infinities, denormals and -0 included.
    double anyDouble();
    QByteArray rest();

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

// The libFuzzer entry point every target defines (renamed per target in the test build).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
