#include "PackageExport.h"

#include <QSaveFile>

namespace ember::studio {

bool exportArchive(const ember::Artifacts &a, const QString &path, QString *error)
{
    const std::vector<uint8_t> tar = a.toTar();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(reinterpret_cast<const char *>(tar.data()), qint64(tar.size())) != qint64(tar.size()) || !f.commit()) {
        if (error) *error = QStringLiteral("cannot write '%1': %2; choose a writable location").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool exportFolder(const ember::Artifacts &a, const QString &dir, QString *error)
{
    ember::Diagnostics d;
    if (!a.writePackage(dir.toStdString(), d)) {
        if (error) *error = QString::fromStdString(d.format());
        return false;
    }
    return true;
}

}  // namespace ember::studio
