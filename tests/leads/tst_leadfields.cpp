#include "AccessibleNames.h"
#include "LeadForm.h"
#include "TestEnvironment.h"
#include "api/LeadEncoder.h"
#include "journal/LeadJson.h"
#include "leads/LeadFields.h"
#include "settings/Settings.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

// Walks LeadFields, the one table of a lead's fields: every row must reach the journal's JSON, the
// add.json body, the form and the settings under its own name, and the table must cover the API document.
class TestLeadFields : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableHasOneRowPerFieldAndNoClashes();
    void everyFieldRoundTripsThroughTheJournalJson();
    void everyFieldGoesOutUnderItsApiName();
    void everyFieldHasAFormRowNamedByItsLabel();
    void everyFieldRoundTripsThroughTheForm();
    void stickySettingsFollowTheTable();
    void apiDocumentFieldsAreAllCovered();

private:
    std::unique_ptr<TestEnvironment> m_environment;
};

namespace {

QString apiName(const LeadFieldDescriptor &field)
{
    return QLatin1String(field.apiName);
}

// A value every part accepts and gives back unchanged, per kind (the form converts some of them).
QString sampleValue(const LeadFieldDescriptor &field)
{
    switch (field.kind) {
    case LeadFieldKind::OrderId:
        return QStringLiteral("auto");
    case LeadFieldKind::Offer:
        return QStringLiteral("217");
    case LeadFieldKind::Phone:
        return QStringLiteral("79001234567");
    case LeadFieldKind::Email:
        return QStringLiteral("jane@example.com");
    case LeadFieldKind::Country:
        return QStringLiteral("kz");
    case LeadFieldKind::Currency:
        return QStringLiteral("KZT");
    case LeadFieldKind::Amount:
        return QStringLiteral("12.5");
    case LeadFieldKind::Quantity:
        return QStringLiteral("3");
    case LeadFieldKind::ItemList:
        return QStringLiteral("135,136");
    default:
        return QStringLiteral("text of ") + apiName(field);
    }
}

Lead leadWithOnly(const LeadFieldDescriptor &field)
{
    Lead lead;
    if (field.member)
        lead.*field.member = sampleValue(field);
    else if (field.kind == LeadFieldKind::Items)
        lead.items = {LeadItem{QStringLiteral("135"), 9900, 2}};
    else
        lead.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")}};
    return lead;
}

Lead leadWithEveryField()
{
    Lead lead;
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        const Lead one = leadWithOnly(field);
        if (field.member)
            lead.*field.member = one.*field.member;
        lead.items += one.items;
        lead.params += one.params;
    }
    return lead;
}

} // namespace

void TestLeadFields::initTestCase()
{
    m_environment = std::make_unique<TestEnvironment>();
}

void TestLeadFields::tableHasOneRowPerFieldAndNoClashes()
{
    QSet<int> fields;
    QSet<QString> names;
    QSet<int> formPositions;
    QSet<QString> objectNames;
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        const QString name = apiName(field);
        QVERIFY2(!fields.contains(int(field.field)), qPrintable(name));
        fields.insert(int(field.field));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
        QVERIFY2(!formPositions.contains(field.formPosition), qPrintable(name));
        formPositions.insert(field.formPosition);
        QVERIFY2(!objectNames.contains(QLatin1String(field.objectBaseName)), qPrintable(name));
        objectNames.insert(QLatin1String(field.objectBaseName));
        QVERIFY2(field.label && *field.label, qPrintable(name));
        const bool isTable = field.kind == LeadFieldKind::Items || field.kind == LeadFieldKind::Params;
        QVERIFY2(isTable == (field.member == nullptr), qPrintable(name));
        QVERIFY2((field.stickyPosition > 0) == (field.stickyLabel != nullptr), qPrintable(name));
        QVERIFY2(!field.stickyByDefault || field.stickyPosition > 0, qPrintable(name));
        QCOMPARE(LeadFields::find(field.field), &field);
        QCOMPARE(LeadFields::find(name), &field);
    }
    // No two rows fill the same member of Lead.
    const QList<LeadFieldDescriptor> &all = LeadFields::all();
    for (qsizetype i = 0; i < all.size(); ++i) {
        for (qsizetype j = i + 1; j < all.size(); ++j)
            QVERIFY2(!all.at(i).member || all.at(i).member != all.at(j).member, all.at(j).apiName);
    }
    // Every value of the validator's enum, from the first to the last, names exactly one row.
    for (int value = int(LeadField::OrderId); value <= int(LeadField::Params); ++value)
        QVERIFY2(fields.contains(value), qPrintable(QString::number(value)));
    QCOMPARE(fields.size(), LeadFields::all().size());

    // A section's fields are read together: no section is interrupted by another.
    QList<LeadFormSection> seen;
    for (const LeadFieldDescriptor &field : LeadFields::inFormOrder()) {
        if (!seen.isEmpty() && seen.last() == field.section)
            continue;
        QVERIFY2(!seen.contains(field.section), field.apiName);
        seen.append(field.section);
    }
}

void TestLeadFields::everyFieldRoundTripsThroughTheJournalJson()
{
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        const Lead lead = leadWithOnly(field);
        const QByteArray json = LeadJson::toJson(lead);
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY2(object.contains(apiName(field)), json.constData());
        QCOMPARE(object.size(), 1);
        Lead back;
        QVERIFY(LeadJson::fromJson(json, &back));
        QVERIFY2(back == lead, json.constData());
    }
    const Lead every = leadWithEveryField();
    Lead back;
    QVERIFY(LeadJson::fromJson(LeadJson::toJson(every), &back));
    QVERIFY(back == every);
}

void TestLeadFields::everyFieldGoesOutUnderItsApiName()
{
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        const Lead lead = leadWithOnly(field);
        const FormCodec::Pairs pairs = LeadEncoder::formPairs(lead);
        QVERIFY2(!pairs.isEmpty(), field.apiName);
        for (const auto &pair : pairs) {
            const QString expectedPrefix = field.member ? apiName(field) : apiName(field) + u'[';
            QVERIFY2(field.member ? pair.first == expectedPrefix : pair.first.startsWith(expectedPrefix),
                     qPrintable(pair.first));
        }
        if (field.member)
            QCOMPARE(pairs.first().second, lead.*field.member);

        const QByteArray body = LeadEncoder::jsonBody(lead);
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        QCOMPARE(object.keys(), QStringList{apiName(field)});
        if (field.member) {
            const QJsonValue value = object.value(apiName(field));
            // A field the table calls numeric may go out as a JSON number; the others always as strings.
            QCOMPARE(value.isString(), !field.jsonNumber || !value.isDouble());
            if (!field.jsonNumber)
                QCOMPARE(value.toString(), lead.*field.member);
        }
    }
}

void TestLeadFields::everyFieldHasAFormRowNamedByItsLabel()
{
    LeadForm form(nullptr, LeadFormDefaults());
    const QList<QWidget *> widgets = form.findChildren<QWidget *>();
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        const QString label = AccessibleNames::fromLabel(LeadForm::tr(field.label));
        auto *labelWidget =
            form.findChild<QLabel *>(QLatin1String(field.objectBaseName) + QStringLiteral("Label"));
        QVERIFY2(labelWidget, field.apiName);
        QCOMPARE(AccessibleNames::fromLabel(labelWidget->text()), label);
        const bool named = std::any_of(widgets.cbegin(), widgets.cend(), [&label](const QWidget *widget) {
            return widget->accessibleName() == label;
        });
        QVERIFY2(named, qPrintable(label));
        if (field.kind != LeadFieldKind::OrderId) // the order id is shown, not typed: it has no buddy
            QCOMPARE(labelWidget->buddy()->accessibleName(), label);
    }
}

void TestLeadFields::everyFieldRoundTripsThroughTheForm()
{
    LeadForm form(nullptr, LeadFormDefaults());
    const Lead every = leadWithEveryField();
    form.loadLead(every);
    QVERIFY(form.lead() == every);
    // And one at a time, so that a field the form drops cannot hide behind another.
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        const Lead one = leadWithOnly(field);
        form.loadLead(one);
        QVERIFY2(form.lead() == one, field.apiName);
    }
}

void TestLeadFields::stickySettingsFollowTheTable()
{
    QStringList candidates;
    QStringList standard;
    for (const LeadFieldDescriptor &field : LeadFields::stickyCandidates()) {
        candidates.append(apiName(field));
        if (field.stickyByDefault)
            standard.append(apiName(field));
    }
    QCOMPARE(Settings::stickyFieldCandidates(), candidates);
    QCOMPARE(Settings::defaultValue(Settings::Key::StickyLeadFields).toStringList(), standard);
    QCOMPARE(LeadFormDefaults::standardStickyFields(), standard);
}

void TestLeadFields::apiDocumentFieldsAreAllCovered()
{
    QFile file(QFINDTESTDATA("fixtures/add-json-fields.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    // In each "Field Description" table, a field's line starts with its name (required ones with a '*').
    static const QRegularExpression fieldLine(QStringLiteral("^([a-z]+)(\\*?)\\s"));
    QStringList documented;
    QStringList required;
    bool inTable = false;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Field Description"))) {
            inTable = true;
            continue;
        }
        if (line.trimmed().isEmpty())
            inTable = false;
        const QRegularExpressionMatch match = fieldLine.match(line);
        if (inTable && match.hasMatch()) {
            documented.append(match.captured(1));
            if (!match.captured(2).isEmpty())
                required.append(match.captured(1));
        }
    }
    QCOMPARE(documented.size(), 28);
    for (const QString &name : std::as_const(documented))
        QVERIFY2(LeadFields::find(name), qPrintable(name + QStringLiteral(" is in the API document")));
    QCOMPARE(required, (QStringList{QStringLiteral("id"), QStringLiteral("offer"), QStringLiteral("phone"),
                                    QStringLiteral("ip")}));
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        QVERIFY2(documented.contains(apiName(field)), field.apiName);
        QCOMPARE(field.required, required.contains(apiName(field)));
    }
}

QTEST_MAIN(TestLeadFields)
#include "tst_leadfields.moc"
