#include "Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTranslator>

namespace ember::studio {

namespace {
QTranslator *g_translator = nullptr;
QString g_language;
}  // namespace

QStringList availableLanguages() { return {QString(), QStringLiteral("de"), QStringLiteral("zh_CN")}; }

QString languageDisplayName(const QString &code)
{
    // Each language names itself, so a user can find theirs in any UI language.
    if (code == QLatin1String("de")) return QStringLiteral("Deutsch");
    if (code == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

bool switchLanguage(const QString &code)
{
    if (g_translator) {
        QCoreApplication::removeTranslator(g_translator);
        delete g_translator;
        g_translator = nullptr;
    }
    g_language.clear();
    // Numbers follow the UI language (1.234.567 and 3,9 KiB in German).
    QLocale::setDefault(code == QLatin1String("de")      ? QLocale(QLocale::German, QLocale::Germany)
                        : code == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                         : QLocale(QLocale::English, QLocale::UnitedStates));
    if (code.isEmpty()) {
        // Removing the translator already posts LanguageChange.
        return true;
    }
    auto *t = new QTranslator;
    if (!t->load(QStringLiteral(":/i18n/ember_%1.qm").arg(code))) {
        delete t;
        return false;
    }
    QCoreApplication::installTranslator(t);
    g_translator = t;
    g_language = code;
    return true;
}

QString currentLanguage() { return g_language; }

}  // namespace ember::studio
