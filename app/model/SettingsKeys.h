// Every QSettings key the studio reads or writes, in one place.
#pragma once

#include <QString>

namespace ember::studio::keys {

inline const QString kHostCc = QStringLiteral("tools/hostCc");          // host C compiler
inline const QString kArmGcc = QStringLiteral("tools/armGcc");          // arm-none-eabi-gcc
inline const QString kOpenOcd = QStringLiteral("tools/openocd");
inline const QString kQemu = QStringLiteral("tools/qemu");              // qemu-system-arm
inline const QString kLanguage = QStringLiteral("ui/language");         // "", "de", "zh_CN"
inline const QString kRecentFiles = QStringLiteral("ui/recentFiles");
inline const QString kGeometry = QStringLiteral("ui/geometry");
inline const QString kWindowState = QStringLiteral("ui/windowState");
inline const QString kLastDir = QStringLiteral("ui/lastDirectory");
inline const QString kBoard = QStringLiteral("boards/current");        // board id for Profile/Flash
inline const QString kExportDir = QStringLiteral("ui/exportDirectory");

inline constexpr int kMaxRecentFiles = 8;

}  // namespace ember::studio::keys
