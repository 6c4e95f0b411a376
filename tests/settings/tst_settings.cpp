// The typed settings table: defaults, types, round trip through the file.
#include "TestEnvironment.h"
#include "settings/Settings.h"
#include "settings/SettingsPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void keyTableIsComplete();
    void defaults();
    void roundTrip();
    void onlyChangedValuesAreStored();
    void rejectsValuesOfTheWrongKindOrRange();
    void unusableStoredValuesFallBackToDefaults();
    void unknownKeysSurvive();
    void changesAreSavedWithoutAsking();
    void recentOffers();
    void fileIsOwnerOnly();
    void failedSaveIsReported();

private:
    TestEnvironment m_environment;
    QString m_path;
};

void TestSettings::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
}

void TestSettings::init()
{
    m_path = SettingsPaths::settingsFile();
    QFile::remove(m_path);
}

void TestSettings::keyTableIsComplete()
{
    QSet<QString> names;
    const QList<Settings::Key> keys = Settings::allKeys();
    QCOMPARE(keys.size(), int(Settings::Key::KeyCount));
    for (Settings::Key key : keys) {
        const QString name = Settings::keyName(key);
        QVERIFY2(!name.isEmpty(), "every key has a name");
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
        QVERIFY2(Settings::defaultValue(key).isValid(), qPrintable(name));
    }
    QVERIFY(m_path.startsWith(m_environment.path()));
}

void TestSettings::defaults()
{
    Settings settings;
    QCOMPARE(settings.filePath(), QFileInfo(m_path).absoluteFilePath());
    QCOMPARE(settings.string(Settings::Key::Language), QStringLiteral("system"));
    QCOMPARE(settings.integer(Settings::Key::AutoRefreshMinutes), 5);
    QCOMPARE(settings.flag(Settings::Key::NotificationsEnabled), true);
    QCOMPARE(settings.stringList(Settings::Key::StickyLeadFields),
             (QStringList{QStringLiteral("offer"), QStringLiteral("wm"), QStringLiteral("country"),
                          QStringLiteral("currency"), QStringLiteral("ip"), QStringLiteral("ua"),
                          QStringLiteral("us"), QStringLiteral("uc"), QStringLiteral("un"),
                          QStringLiteral("ut"), QStringLiteral("um")}));
    QVERIFY(settings.stringList(Settings::Key::RecentOffers).isEmpty());
    QVERIFY(settings.string(Settings::Key::ActiveProfile).isEmpty());
    QVERIFY(settings.bytes(Settings::Key::MainWindowGeometry).isEmpty());
    for (Settings::Key key : Settings::allKeys())
        QVERIFY(settings.isDefault(key));
    QVERIFY2(!QFileInfo::exists(m_path), "reading defaults writes nothing");
}

void TestSettings::roundTrip()
{
    const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03\x00\x00 binary\n[blob]", 24);
    {
        Settings settings;
        QVERIFY(settings.setValue(Settings::Key::Language, QStringLiteral("ru")));
        QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, 0));
        QVERIFY(settings.setValue(Settings::Key::NotificationsEnabled, false));
        QVERIFY(settings.setValue(Settings::Key::StickyLeadFields, QStringList{QStringLiteral("offer")}));
        QVERIFY(settings.setValue(Settings::Key::ActiveProfile, QStringLiteral("b4f0e0c2-profile")));
        QVERIFY(settings.setValue(Settings::Key::MainWindowGeometry, geometry));
        QVERIFY(settings.save());
    }
    Settings reread;
    QCOMPARE(reread.string(Settings::Key::Language), QStringLiteral("ru"));
    QCOMPARE(reread.integer(Settings::Key::AutoRefreshMinutes), 0);
    QCOMPARE(reread.flag(Settings::Key::NotificationsEnabled), false);
    QCOMPARE(reread.stringList(Settings::Key::StickyLeadFields), QStringList{QStringLiteral("offer")});
    QCOMPARE(reread.string(Settings::Key::ActiveProfile), QStringLiteral("b4f0e0c2-profile"));
    QCOMPARE(reread.bytes(Settings::Key::MainWindowGeometry), geometry);
    QCOMPARE(reread.value(Settings::Key::AutoRefreshMinutes).metaType(), QMetaType::fromType<int>());
    QCOMPARE(reread.get<bool>(Settings::Key::NotificationsEnabled), false);

    // An empty sticky list is a choice, not "unset".
    QVERIFY(reread.setValue(Settings::Key::StickyLeadFields, QStringList()));
    QVERIFY(reread.save());
    QVERIFY(Settings().stringList(Settings::Key::StickyLeadFields).isEmpty());

    reread.resetAll();
    QVERIFY(reread.save());
    Settings afterReset;
    for (Settings::Key key : Settings::allKeys())
        QVERIFY(afterReset.isDefault(key));
}

void TestSettings::onlyChangedValuesAreStored()
{
    Settings settings;
    QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, 15));
    QVERIFY(settings.setValue(Settings::Key::Language, QStringLiteral("system"))); // the default
    QVERIFY(settings.save());
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("autoRefreshMinutes=15"));
    QVERIFY2(!text.contains("language"), text.constData());
}

void TestSettings::rejectsValuesOfTheWrongKindOrRange()
{
    Settings settings;
    QSignalSpy changed(&settings, &Settings::valueChanged);
    QVERIFY(!settings.setValue(Settings::Key::AutoRefreshMinutes, -1));
    QVERIFY(!settings.setValue(Settings::Key::AutoRefreshMinutes, 24 * 60 + 1));
    QVERIFY(!settings.setValue(Settings::Key::AutoRefreshMinutes, QStringLiteral("soon")));
    QVERIFY(!settings.setValue(Settings::Key::Language, QStringLiteral("klingon")));
    QVERIFY(!settings.setValue(Settings::Key::StickyLeadFields, QStringList{QStringLiteral("phone")}));
    QVERIFY(!settings.setValue(Settings::Key::NotificationsEnabled, QStringLiteral("perhaps")));
    QVERIFY(!settings.setValue(Settings::Key::Language, QVariant()));
    QVERIFY(!settings.setValue(Settings::Key::AutoRefreshMinutes, QVariant()));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings.integer(Settings::Key::AutoRefreshMinutes), 5);

    QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, QStringLiteral("30")));
    QCOMPARE(settings.integer(Settings::Key::AutoRefreshMinutes), 30);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Settings::Key>(), Settings::Key::AutoRefreshMinutes);
    QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, 30));
    QCOMPARE(changed.count(), 1); // no change, no signal
}

void TestSettings::unusableStoredValuesFallBackToDefaults()
{
    QFile file(m_path);
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[app]\nautoRefreshMinutes=-7\nlanguage=tlh\nnotifications=maybe\n"
               "[leadForm]\nstickyFields=offer, phone\n");
    file.close();
    Settings settings;
    QCOMPARE(settings.integer(Settings::Key::AutoRefreshMinutes), 5);
    QCOMPARE(settings.string(Settings::Key::Language), QStringLiteral("system"));
    QCOMPARE(settings.flag(Settings::Key::NotificationsEnabled), true);
    QCOMPARE(settings.stringList(Settings::Key::StickyLeadFields),
             Settings::defaultValue(Settings::Key::StickyLeadFields).toStringList());
}

void TestSettings::unknownKeysSurvive()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[future]\nfeature=on\n");
    }
    Settings settings;
    QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, 9));
    QVERIFY(settings.save());
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll().contains("feature=on"), "a newer version's keys are not thrown away");
}

void TestSettings::changesAreSavedWithoutAsking()
{
    Settings settings;
    QVERIFY(settings.setValue(Settings::Key::Language, QStringLiteral("en")));
    QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, 2));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_path), 10000);
    Settings other;
    QCOMPARE(other.string(Settings::Key::Language), QStringLiteral("en"));
    QCOMPARE(other.integer(Settings::Key::AutoRefreshMinutes), 2);

    // And a change still pending when the object goes is written by its destructor.
    {
        Settings shortLived;
        QVERIFY(shortLived.setValue(Settings::Key::Language, QStringLiteral("ru")));
    }
    QCOMPARE(Settings().string(Settings::Key::Language), QStringLiteral("ru"));
}

void TestSettings::recentOffers()
{
    Settings settings;
    settings.rememberOffer(QStringLiteral("217"));
    settings.rememberOffer(QStringLiteral(" 42 "));
    settings.rememberOffer(QStringLiteral("217"));
    settings.rememberOffer(QString());
    QCOMPARE(settings.stringList(Settings::Key::RecentOffers),
             (QStringList{QStringLiteral("217"), QStringLiteral("42")}));
    for (int i = 0; i < 30; ++i)
        settings.rememberOffer(QString::number(1000 + i));
    const QStringList offers = settings.stringList(Settings::Key::RecentOffers);
    QCOMPARE(offers.size(), Settings::MaxRecentOffers);
    QCOMPARE(offers.first(), QStringLiteral("1029"));
}

void TestSettings::fileIsOwnerOnly()
{
    Settings settings;
    QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, 11));
    QVERIFY(settings.save());
    struct stat status = {};
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &status), 0);
    QCOMPARE(status.st_mode & 07777, 0600u);
}

void TestSettings::failedSaveIsReported()
{
    Settings settings;
    QSignalSpy failed(&settings, &Settings::saveFailed);
    settings.file().setBeforeVerifyHook([](const QString &path) {
        QFile written(path);
        if (written.open(QIODevice::WriteOnly | QIODevice::Truncate))
            written.write("[app]\nautoRefreshMinutes=1\n");
    });
    QVERIFY(settings.setValue(Settings::Key::AutoRefreshMinutes, 44));
    QVERIFY(!settings.save());
    QCOMPARE(failed.count(), 1);
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QCOMPARE(settings.integer(Settings::Key::AutoRefreshMinutes), 44); // kept in memory for the next try
    QVERIFY(!QFileInfo::exists(m_path));
    settings.file().setBeforeVerifyHook({});
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
