#include "FuzzSupport.h"
#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Every seed and every regression input of the fuzz targets (fuzz/corpus/<target>/), run once through
// the target with the normal compiler: the properties the fuzzers check hold for all of them. A failed
// property aborts (the test log names the target and file); inputs a fuzzer once broke the code with
// are kept there as regression-*.
extern "C" int fuzzAddReply(const uint8_t *data, size_t size);
extern "C" int fuzzListReply(const uint8_t *data, size_t size);
extern "C" int fuzzFormCodec(const uint8_t *data, size_t size);
extern "C" int fuzzLeadEncoder(const uint8_t *data, size_t size);
extern "C" int fuzzPhoneNormalizer(const uint8_t *data, size_t size);
extern "C" int fuzzCsvReader(const uint8_t *data, size_t size);

using FuzzTarget = int (*)(const uint8_t *, size_t);
Q_DECLARE_METATYPE(FuzzTarget)

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private slots:
    void corpusInputHoldsEveryProperty_data();
    void corpusInputHoldsEveryProperty();

private:
    TestEnvironment m_env;
};

void TestFuzzCorpus::corpusInputHoldsEveryProperty_data()
{
    QTest::addColumn<FuzzTarget>("target");
    QTest::addColumn<QString>("path");
    const std::pair<const char *, FuzzTarget> targets[] = {
        {"add_reply", fuzzAddReply},
        {"list_reply", fuzzListReply},
        {"form_codec", fuzzFormCodec},
        {"lead_encoder", fuzzLeadEncoder},
        {"phone_normalizer", fuzzPhoneNormalizer},
        {"csv_reader", fuzzCsvReader},
    };
    for (const auto &[name, target] : targets) {
        const QDir corpus(QStringLiteral(CPADESK_FUZZ_CORPUS) + QLatin1Char('/') + QLatin1String(name));
        const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(corpus.path()));
        for (const QString &file : files) {
            QTest::addRow("%s/%s", name, qPrintable(file)) << target << corpus.filePath(file);
        }
    }
}

void TestFuzzCorpus::corpusInputHoldsEveryProperty()
{
    QFETCH(FuzzTarget, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray input = file.readAll();
    // A failed property aborts inside the target; reaching the next line means they all held.
    QCOMPARE(target(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size())), 0);
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
