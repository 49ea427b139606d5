#include "StudioApp.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QSettings>
#include <QStyleFactory>

#include "SettingsKeys.h"
#include "Translations.h"

// Resources of a static library must be registered explicitly.
static void initStudioResources() { Q_INIT_RESOURCE(studio); }

namespace ember::studio {

void setupApplication(QApplication &app)
{
    initStudioResources();
    QApplication::setOrganizationName(QStringLiteral("Ember"));
    // No space in the application name: it names temporary folders
    // (QTemporaryDir's default template), and the board tools' scripts (gdb,
    // linker) do not survive a space in a path. The display name keeps it.
    QApplication::setApplicationName(QStringLiteral("ember-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Ember Studio"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(9.5);
    app.setFont(f);
    QFile qss(QStringLiteral(":/studio/studio.qss"));
    if (qss.open(QIODevice::ReadOnly)) app.setStyleSheet(QString::fromUtf8(qss.readAll()));
    const QString lang = QSettings().value(keys::kLanguage).toString();
    if (!lang.isEmpty()) switchLanguage(lang);
}

}  // namespace ember::studio
