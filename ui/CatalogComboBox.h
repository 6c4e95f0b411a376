#pragma once

#include <QComboBox>

// An editable, searchable drop-down of one of the catalogues (countries, currencies), as the lead form
// and the settings' lead defaults both offer them: typing any part of a name or a code narrows the list,
// and a code or name typed settles on its entry once the user moves on. Each entry's data is its ISO code.
class CatalogComboBox : public QComboBox
{
    Q_OBJECT

public:
    enum class Catalog
    {
        Countries,
        Currencies
    };

    explicit CatalogComboBox(Catalog catalog, QWidget *parent = nullptr);

    // The ISO code of the entry chosen or typed (as the catalogue spells it: "KZ", "KZT"); what was typed
    // when it names no entry; empty when nothing was.
    QString code() const;
    // Chooses the entry with this code (any case); an unknown code is shown as typed text.
    void setCode(const QString &code);

private:
    QString codeFor(const QString &typed) const;

    Catalog m_catalog;
};
