#include "CatalogComboBox.h"

#include "leads/CountryCatalog.h"
#include "leads/CurrencyCatalog.h"

#include <QCompleter>
#include <QLineEdit>

CatalogComboBox::CatalogComboBox(Catalog catalog, QWidget *parent) : QComboBox(parent), m_catalog(catalog)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(12);
    if (catalog == Catalog::Countries) {
        for (const CountryEntry &country : CountryCatalog::countries())
            addItem(CountryCatalog::displayText(country), country.code);
    } else {
        for (const CurrencyEntry &currency : CurrencyCatalog::currencies())
            addItem(CurrencyCatalog::displayText(currency), currency.code);
    }
    // Typing any part of a name or code narrows the list; only what is in the list validates.
    auto *completer = new QCompleter(model(), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(completer);

    connect(lineEdit(), &QLineEdit::editingFinished, this, [this] {
        const QString typedCode = codeFor(currentText());
        const int index = typedCode.isEmpty() ? -1 : findData(typedCode);
        if (index >= 0 && currentText() != itemText(index))
            setCurrentIndex(index);
    });
}

QString CatalogComboBox::codeFor(const QString &typed) const
{
    return m_catalog == Catalog::Countries ? CountryCatalog::codeFor(typed) : CurrencyCatalog::codeFor(typed);
}

QString CatalogComboBox::code() const
{
    const QString known = codeFor(currentText());
    return known.isEmpty() ? currentText().trimmed() : known;
}

void CatalogComboBox::setCode(const QString &code)
{
    const int index = code.isEmpty() ? -1 : findData(code.toUpper());
    setCurrentIndex(index);
    if (index < 0)
        setEditText(code);
}
