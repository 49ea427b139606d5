// Loads the embedded .qm translations (:/i18n/ember_<lang>.qm) and switches
// language at run time; widgets retranslate on QEvent::LanguageChange.
#pragma once

#include <QString>
#include <QStringList>

namespace ember::studio {

// Language codes offered in Settings ("" = English, the source language).
QStringList availableLanguages();
QString languageDisplayName(const QString &code);
// Installs the translator for `code` (removing the previous one). False when
// no translation is embedded for it.
bool switchLanguage(const QString &code);
QString currentLanguage();

}  // namespace ember::studio
