#include "ColumnMapping.h"

#include "ImportFields.h"
#include "leads/PhoneNormalizer.h"

#include <QCryptographicHash>
#include <QSettings>

namespace {

// A spreadsheet export's guard against formulas ("'+7 900...", "'=x") is not part of the value.
QString cellText(const QString &cell)
{
    QString text = cell.trimmed();
    if (text.size() > 1 && text.at(0) == u'\'' && QStringLiteral("=+-@").contains(text.at(1)))
        text.remove(0, 1);
    return text;
}

QString normalised(const ImportField &field, const QString &text)
{
    if (text.isEmpty())
        return text;
    switch (field.field) {
    case LeadField::Phone: {
        const PhoneNormalizer::Result phone = PhoneNormalizer::normalize(text);
        return phone.isValid() ? phone.digits : text;
    }
    case LeadField::Country:
        return text.size() == 2 ? text.toLower() : text;
    case LeadField::Currency:
        return text.size() == 3 ? text.toUpper() : text;
    case LeadField::Base:
    case LeadField::More:
    case LeadField::Discount: {
        // Russian spreadsheets write "9900,50".
        QString number = text;
        number.remove(u' ').remove(QChar(0x00A0));
        return number.count(u',') == 1 && !number.contains(u'.') ? number.replace(u',', u'.') : number;
    }
    default:
        return text;
    }
}

} // namespace

ColumnMapping::ColumnMapping(int columnCount)
{
    for (int i = 0; i < columnCount; ++i)
        m_targets.append(QString());
}

ColumnMapping ColumnMapping::guessed(const QStringList &header, int columnCount)
{
    ColumnMapping mapping(columnCount);
    for (int column = 0; column < columnCount && column < header.size(); ++column) {
        const QString apiName = ImportFields::guess(header.at(column));
        // Two columns for one field ("Phone", "Phone 2"): the first one feeds it.
        if (!apiName.isEmpty() && mapping.columnOf(apiName) < 0)
            mapping.m_targets[column] = apiName;
    }
    return mapping;
}

void ColumnMapping::setTarget(int column, const QString &apiName)
{
    if (column < 0 || column >= m_targets.size())
        return;
    // One column per field (custom fields excepted): choosing a field for a column frees the other one.
    if (!apiName.isEmpty() && apiName != ImportFields::Params) {
        for (QString &other : m_targets) {
            if (other == apiName)
                other.clear();
        }
    }
    m_targets[column] = apiName;
}

void ColumnMapping::setConstant(const QString &apiName, const QString &value)
{
    if (value.trimmed().isEmpty())
        m_constants.remove(apiName);
    else
        m_constants.insert(apiName, value.trimmed());
}

Lead ColumnMapping::leadFor(const QStringList &cells, const QStringList &header,
                            QList<ImportCellProblem> *problems) const
{
    Lead lead;
    for (const ImportField &field : ImportFields::all()) {
        if (field.apiName == ImportFields::Params)
            continue;
        const int column = columnOf(field.apiName);
        QString text = column >= 0 ? cellText(cells.value(column)) : QString();
        const bool fromConstant = text.isEmpty();
        if (fromConstant)
            text = m_constants.value(field.apiName);
        if (field.member) {
            lead.*field.member = normalised(field, text);
        } else if (field.field == LeadField::Items && !text.isEmpty()) {
            QString error;
            if (!parseItems(text, &lead.items, &error) && problems)
                problems->append({fromConstant ? -1 : column, error});
        }
    }
    for (int column = 0; column < m_targets.size(); ++column) {
        if (m_targets.at(column) != ImportFields::Params)
            continue;
        const QString value = cellText(cells.value(column));
        if (value.isEmpty())
            continue;
        QString key = header.value(column).trimmed();
        if (key.isEmpty())
            key = tr("column %1").arg(column + 1);
        lead.params.append({key, value});
    }
    return lead;
}

int ColumnMapping::columnFor(LeadField field) const
{
    if (field == LeadField::Params)
        return int(m_targets.indexOf(ImportFields::Params));
    const ImportField *importField = ImportFields::find(field);
    return importField ? columnOf(importField->apiName) : -1;
}

bool ColumnMapping::parseItems(const QString &text, QList<LeadItem> *items, QString *error)
{
    items->clear();
    const QStringList goods = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &good : goods) {
        const QStringList parts = good.trimmed().split(u':');
        LeadItem item;
        item.id = parts.value(0).trimmed();
        bool priceOk = true, countOk = true;
        if (parts.size() > 1)
            item.price = parts.at(1).trimmed().replace(u',', u'.').toDouble(&priceOk);
        if (parts.size() > 2)
            item.count = parts.at(2).trimmed().toInt(&countOk);
        if (item.id.isEmpty() || parts.size() > 3 || !priceOk || !countOk) {
            *error =
                tr("\"%1\" is not a good as id:price:count (for example 135:9900:1).").arg(good.trimmed());
            items->clear();
            return false;
        }
        items->append(item);
    }
    return true;
}

namespace {

QString memoryGroup(const QStringList &header)
{
    const QByteArray joined = header.join(QChar(0x1F)).toUtf8();
    return QStringLiteral("mapping-") +
           QString::fromLatin1(QCryptographicHash::hash(joined, QCryptographicHash::Sha1).toHex());
}

} // namespace

ImportMappingMemory::ImportMappingMemory(const QString &filePath) : m_filePath(filePath) {}

void ImportMappingMemory::remember(const QStringList &header, const ColumnMapping &mapping)
{
    if (header.isEmpty() || m_filePath.isEmpty())
        return;
    QSettings settings(m_filePath, QSettings::IniFormat);
    settings.beginGroup(memoryGroup(header));
    settings.setValue(QStringLiteral("targets"), mapping.targets());
    QVariantMap constants;
    const QHash<QString, QString> values = mapping.constants();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        constants.insert(it.key(), it.value());
    settings.setValue(QStringLiteral("constants"), constants);
    settings.endGroup();
    settings.sync();
}

bool ImportMappingMemory::recall(const QStringList &header, ColumnMapping *mapping) const
{
    if (header.isEmpty() || m_filePath.isEmpty())
        return false;
    QSettings settings(m_filePath, QSettings::IniFormat);
    settings.beginGroup(memoryGroup(header));
    const QStringList targets = settings.value(QStringLiteral("targets")).toStringList();
    if (targets.size() != header.size())
        return false;
    ColumnMapping recalled(int(targets.size()));
    for (int column = 0; column < targets.size(); ++column) {
        if (targets.at(column).isEmpty() || ImportFields::find(targets.at(column)))
            recalled.setTarget(column, targets.at(column));
    }
    const QVariantMap constants = settings.value(QStringLiteral("constants")).toMap();
    for (auto it = constants.cbegin(); it != constants.cend(); ++it) {
        if (ImportFields::find(it.key()))
            recalled.setConstant(it.key(), it.value().toString());
    }
    *mapping = recalled;
    return true;
}
