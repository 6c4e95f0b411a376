#pragma once

#include <QByteArray>
#include <QString>

// The language in which the catalogues name countries and currencies: the interface's, as its installed
// translation says. The Russian catalogue translates this file's "en" to "ru"; with no catalogue, or one
// that does not say, names are in English. So names always match the rest of the window, and nothing
// has to be told which language was chosen (Qt's own catalogues name their layout direction the same
// way).
namespace NameLanguage {

// An ISO 639 code: "en", "ru".
QString current();
// The same as an ICU locale id.
QByteArray icuLocale();

} // namespace NameLanguage
