#include "PackageExport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>

namespace ember::studio {

namespace {

void putOctal(char *field, int width, qint64 value)
{
    // width-1 octal digits then NUL, as ustar expects.
    const QByteArray s = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(field, s.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

QByteArray header(const QByteArray &name, qint64 size, qint64 mtime)
{
    QByteArray h(512, '\0');
    char *p = h.data();
    // Names over 100 bytes go into the 155-byte prefix field at a '/'.
    QByteArray n = name, prefix;
    if (n.size() > 100) {
        const int cut = n.lastIndexOf('/', 155);
        prefix = n.left(cut);
        n = n.mid(cut + 1);
    }
    memcpy(p, n.constData(), size_t(qMin<qsizetype>(n.size(), 100)));
    putOctal(p + 100, 8, 0644);
    putOctal(p + 108, 8, 0);
    putOctal(p + 116, 8, 0);
    putOctal(p + 124, 12, size);
    putOctal(p + 136, 12, mtime);
    memset(p + 148, ' ', 8);  // checksum is computed with blanks here
    p[156] = '0';
    memcpy(p + 257, "ustar", 6);
    memcpy(p + 263, "00", 2);
    memcpy(p + 345, prefix.constData(), size_t(qMin<qsizetype>(prefix.size(), 155)));
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i) sum += uint8_t(p[i]);
    const QByteArray c = QByteArray::number(sum, 8).rightJustified(6, '0');
    memcpy(p + 148, c.constData(), 6);
    p[154] = '\0';
    p[155] = ' ';
    return h;
}

}  // namespace

QByteArray packageTar(const ember::Artifacts &a, const QString &prefix)
{
    QByteArray out;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const auto &[path, text] : a.files) {
        const QByteArray name = (prefix.isEmpty() ? QString() : prefix + '/').toUtf8() + QByteArray::fromStdString(path);
        out += header(name, qint64(text.size()), now);
        out += QByteArray::fromStdString(text);
        out += QByteArray(int((512 - text.size() % 512) % 512), '\0');
    }
    out += QByteArray(1024, '\0');  // two zero blocks end the archive
    return out;
}

bool exportArchive(const ember::Artifacts &a, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(packageTar(a, QString::fromStdString(a.name))) < 0 || !f.commit()) {
        if (error) *error = QStringLiteral("cannot write '%1': %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool exportFolder(const ember::Artifacts &a, const QString &dir, QString *error)
{
    ember::Diagnostics d;
    if (!a.writeTo(dir.toStdString(), d)) {
        if (error) *error = QString::fromStdString(d.format());
        return false;
    }
    return true;
}

}  // namespace ember::studio
