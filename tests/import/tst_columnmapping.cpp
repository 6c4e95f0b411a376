#include "import/ColumnMapping.h"
#include "import/ImportFields.h"
#include "leads/LeadFields.h"

#include <QTemporaryDir>
#include <QTest>

class TestColumnMapping : public QObject
{
    Q_OBJECT

private slots:
    void guessesEnglishAndRussianHeaders_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("apiName");
        QTest::newRow("Телефон") << QStringLiteral("Телефон") << QStringLiteral("phone");
        QTest::newRow("Номер телефона") << QStringLiteral("Номер телефона") << QStringLiteral("phone");
        QTest::newRow("ФИО") << QStringLiteral("ФИО") << QStringLiteral("name");
        QTest::newRow("Оффер") << QStringLiteral("Оффер") << QStringLiteral("offer");
        QTest::newRow("Номер заказа") << QStringLiteral("Номер заказа") << QStringLiteral("id");
        QTest::newRow("Phone number") << QStringLiteral("Phone number") << QStringLiteral("phone");
        QTest::newRow("utm_source") << QStringLiteral("utm_source") << QStringLiteral("us");
        QTest::newRow("IP") << QStringLiteral("IP") << QStringLiteral("ip");
        QTest::newRow("Комментарий") << QStringLiteral("Комментарий") << QStringLiteral("comm");
        QTest::newRow("items") << QStringLiteral("items") << QStringLiteral("items");
        QTest::newRow("unknown") << QStringLiteral("Колор") << QString();
    }
    void guessesEnglishAndRussianHeaders()
    {
        QFETCH(QString, header);
        QFETCH(QString, apiName);
        QCOMPARE(ImportFields::guess(header), apiName);
    }

    // A column can feed every field the form has, under the same API name and member: a field added to
    // LeadFields is importable without a second list to keep in step.
    void everyLeadFieldCanBeImported()
    {
        QCOMPARE(ImportFields::all().size(), LeadFields::all().size());
        for (const LeadFieldDescriptor &descriptor : LeadFields::all()) {
            const ImportField *field = ImportFields::find(descriptor.field);
            QVERIFY2(field, descriptor.apiName);
            QCOMPARE(field->apiName, QString::fromLatin1(descriptor.apiName));
            QVERIFY(field->member == descriptor.member);
            QVERIFY2(
                ImportFields::label(field->apiName).endsWith(QStringLiteral(" (%1)").arg(field->apiName)),
                descriptor.apiName);
        }
        QCOMPARE(ImportFields::label(QStringLiteral("wm")), QStringLiteral("Webmaster / source (wm)"));
    }

    void buildsTheLeadAsTheFormWould()
    {
        const QStringList header{QStringLiteral("Телефон"), QStringLiteral("ФИО"), QStringLiteral("Страна"),
                                 QStringLiteral("items"), QStringLiteral("Цвет")};
        ColumnMapping mapping = ColumnMapping::guessed(header, 5);
        QCOMPARE(mapping.targets(),
                 (QStringList{QStringLiteral("phone"), QStringLiteral("name"), QStringLiteral("country"),
                              QStringLiteral("items"), QString()}));
        mapping.setTarget(4, ImportFields::Params);
        mapping.setConstant(QStringLiteral("offer"), QStringLiteral("135"));
        mapping.setConstant(QStringLiteral("ip"), QStringLiteral("127.0.0.1"));
        QList<ImportCellProblem> problems;
        const Lead lead = mapping.leadFor({QStringLiteral("'+7 (900) 123-45-67"), QStringLiteral(" Иван "),
                                           QStringLiteral("RU"), QStringLiteral("135:9900:1;136:500,5:2"),
                                           QStringLiteral("red")},
                                          header, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(lead.phone, QStringLiteral("79001234567"));
        QCOMPARE(lead.name, QStringLiteral("Иван"));
        QCOMPARE(lead.country, QStringLiteral("ru"));
        QCOMPARE(lead.offer, QStringLiteral("135"));
        QCOMPARE(lead.ip, QStringLiteral("127.0.0.1"));
        QCOMPARE(lead.items.size(), 2);
        QCOMPARE(lead.items.at(1), (LeadItem{QStringLiteral("136"), 500.5, 2}));
        QCOMPARE(lead.params,
                 (QList<std::pair<QString, QString>>{{QStringLiteral("Цвет"), QStringLiteral("red")}}));
        QVERIFY(LeadValidator::validate(lead, LeadValidator::OrderIdRule::AssignedOnSubmit).isEmpty());
    }

    void badItemsCellIsReportedAtItsColumn()
    {
        ColumnMapping mapping(2);
        mapping.setTarget(1, QStringLiteral("items"));
        QList<ImportCellProblem> problems;
        mapping.leadFor({QStringLiteral("x"), QStringLiteral("135:abc:1")}, {}, &problems);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.at(0).column, 1);
        QVERIFY(problems.at(0).message.contains(QStringLiteral("135:abc:1")));
    }

    void oneColumnPerField()
    {
        ColumnMapping mapping(3);
        mapping.setTarget(0, QStringLiteral("phone"));
        mapping.setTarget(2, QStringLiteral("phone"));
        QCOMPARE(mapping.targets(), (QStringList{QString(), QString(), QStringLiteral("phone")}));
        mapping.setTarget(0, ImportFields::Params);
        mapping.setTarget(1, ImportFields::Params);
        QCOMPARE(mapping.columnFor(LeadField::Phone), 2);
        QCOMPARE(mapping.target(0), ImportFields::Params);
    }

    void remembersTheMappingForTheSameHeader()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("import-mappings.ini"));
        const QStringList header{QStringLiteral("A"), QStringLiteral("B")};
        ColumnMapping chosen(2);
        chosen.setTarget(0, QStringLiteral("phone"));
        chosen.setTarget(1, ImportFields::Params);
        chosen.setConstant(QStringLiteral("offer"), QStringLiteral("135"));
        ImportMappingMemory(path).remember(header, chosen);

        ColumnMapping recalled;
        QVERIFY(ImportMappingMemory(path).recall(header, &recalled));
        QCOMPARE(recalled, chosen);
        QVERIFY(!ImportMappingMemory(path).recall({QStringLiteral("A"), QStringLiteral("C")}, &recalled));
    }
};

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "tst_columnmapping.moc"
