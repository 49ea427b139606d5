// Argument and file helpers the board and RPC commands of emberc share.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ember {

// The value after option args[i] into v (i moves onto it); false, with the
// error on err, when the option is last.
inline bool takeOptionValue(const std::vector<std::string> &args, size_t &i, std::string &v, std::ostream &err) {
    if (i + 1 >= args.size()) {
        err << "emberc: " << args[i] << " needs a value\n";
        return false;
    }
    v = args[++i];
    return true;
}

// A raw input file's bytes into out; false, with the error on err, when it cannot be read.
inline bool readInputFile(const std::string &path, std::vector<uint8_t> &out, std::ostream &err) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        err << "emberc: cannot read input file " << path << "\n";
        return false;
    }
    const QByteArray b = f.readAll();
    out.assign(b.begin(), b.end());
    return true;
}

}  // namespace ember
