// Export of a generated package: to a folder (Artifacts::writeTo) or to one
// uncompressed POSIX tar archive (ustar), the same layout `emberc compile
// --archive` writes.
#pragma once

#include <QByteArray>
#include <QString>

#include "core/codegen/CGenerator.h"

namespace ember::studio {

// ustar bytes with every file under "<prefix>/<path>".
QByteArray packageTar(const ember::Artifacts &a, const QString &prefix);
// Writes the archive to `path`; false + `error` on failure.
bool exportArchive(const ember::Artifacts &a, const QString &path, QString *error);
bool exportFolder(const ember::Artifacts &a, const QString &dir, QString *error);

}  // namespace ember::studio
