// Application-wide setup shared by main() and the tests: resources, style,
// fonts, the saved language.
#pragma once

class QApplication;

namespace ember::studio {

// Organisation/application names (QSettings, data dir), Fusion style with the
// studio style sheet, embedded resources, and the language from Settings.
void setupApplication(QApplication &app);

}  // namespace ember::studio
