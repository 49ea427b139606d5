// Export of a generated package: to a folder (Artifacts::writeTo) or to one
// POSIX tar archive (Artifacts::toTar, the same bytes `emberc compile
// --archive` writes).
#pragma once

#include <QString>

#include "core/codegen/CGenerator.h"

namespace ember::studio {

// Writes atomically (QSaveFile); false + `error` on failure.
bool exportArchive(const ember::Artifacts &a, const QString &path, QString *error);
bool exportFolder(const ember::Artifacts &a, const QString &dir, QString *error);

}  // namespace ember::studio
