#include "OpStyle.h"

#include <algorithm>
#include <cmath>

namespace ember::studio {

QColor opColor(ember::OpType t)
{
    using ember::OpType;
    switch (t) {
    case OpType::Conv2D: return QColor(0x5b, 0x8d, 0xd6);
    case OpType::DepthwiseConv2D: return QColor(0x4d, 0xb6, 0xac);
    case OpType::FullyConnected: return QColor(0x95, 0x75, 0xcd);
    case OpType::AveragePool2D:
    case OpType::MaxPool2D:
    case OpType::Mean: return QColor(0x7c, 0xb3, 0x42);
    case OpType::Add:
    case OpType::Sub:
    case OpType::Mul:
    case OpType::Concatenation: return QColor(0xf0, 0x9a, 0x3e);
    case OpType::Softmax:
    case OpType::Logistic:
    case OpType::Tanh:
    case OpType::Relu:
    case OpType::Relu6:
    case OpType::LeakyRelu: return QColor(0xe5, 0x73, 0x95);
    case OpType::Reshape:
    case OpType::Transpose:
    case OpType::Pad:
    case OpType::StridedSlice: return QColor(0x90, 0xa4, 0xae);
    case OpType::Quantize:
    case OpType::Dequantize: return QColor(0xd4, 0xb1, 0x06);
    case OpType::Unsupported: return QColor(0xd3, 0x2f, 0x2f);
    default: break;
    }
    // The wider operator set by family: spatial, reductions, element-wise
    // arithmetic, activations, and data movement (the rest).
    switch (t) {
    case OpType::TransposeConv:
    case OpType::BatchMatMul: return QColor(0x5b, 0x8d, 0xd6);
    case OpType::L2Pool2D:
    case OpType::Sum:
    case OpType::ReduceMax:
    case OpType::ReduceMin:
    case OpType::ArgMax:
    case OpType::ArgMin:
    case OpType::Cumsum: return QColor(0x7c, 0xb3, 0x42);
    case OpType::AddN:
    case OpType::Div:
    case OpType::FloorDiv:
    case OpType::FloorMod:
    case OpType::Maximum:
    case OpType::Minimum:
    case OpType::SquaredDifference:
    case OpType::Equal:
    case OpType::NotEqual:
    case OpType::Greater:
    case OpType::GreaterEqual:
    case OpType::Less:
    case OpType::LessEqual:
    case OpType::LogicalAnd:
    case OpType::LogicalOr:
    case OpType::LogicalNot:
    case OpType::SelectV2: return QColor(0xf0, 0x9a, 0x3e);
    case OpType::HardSwish:
    case OpType::Elu:
    case OpType::Prelu:
    case OpType::LogSoftmax:
    case OpType::L2Normalization:
    case OpType::Abs:
    case OpType::Neg:
    case OpType::Exp:
    case OpType::Log:
    case OpType::Sqrt:
    case OpType::Rsqrt:
    case OpType::Square:
    case OpType::Sin:
    case OpType::Cos:
    case OpType::Floor:
    case OpType::Ceil:
    case OpType::Round: return QColor(0xe5, 0x73, 0x95);
    case OpType::Cast: return QColor(0xd4, 0xb1, 0x06);
    case OpType::DetectionPostProcess: return QColor(0x95, 0x75, 0xcd);
    default: return QColor(0x90, 0xa4, 0xae);
    }
}

QColor layerColor(int step)
{
    // Golden-angle hue steps keep neighbouring layers far apart in hue.
    const int hue = int((step * 137.508)) % 360;
    return QColor::fromHsl(hue, 150, 165);
}

QString quantLabel(const ember::Quant &q)
{
    if (q.empty()) return QString();
    if (q.perChannel())
        return QStringLiteral("per-channel (%1, axis %2)").arg(q.scale.size()).arg(q.axis);
    return QStringLiteral("s=%1 zp=%2").arg(double(q.sc()), 0, 'g', 5).arg(q.zp());
}

QString shortName(const std::string &name)
{
    const QString s = QString::fromStdString(name);
    const int semi = int(s.indexOf(QLatin1Char(';')));
    return semi > 0 ? s.left(semi) : s;
}

QString tensorLabel(const ember::Tensor &t)
{
    QString s = QStringLiteral("%1 %2").arg(QString::fromLatin1(ember::dtypeName(t.dtype)),
                                            QString::fromStdString(ember::shapeString(t.shape)));
    const QString q = quantLabel(t.quant);
    if (!q.isEmpty()) s += QStringLiteral("  ") + q;
    return s;
}

QColor heatColor(double fraction)
{
    // Hue runs from green-yellow (cheap) to red (hot); saturation rises with
    // the share so cheap layers stay quiet next to the op colours.
    const double f = std::clamp(fraction, 0.0, 1.0);
    const int hue = int(std::lround(75.0 * (1.0 - f)));
    const int sat = int(std::lround(110 + 130 * f));
    const int light = int(std::lround(175 - 55 * f));
    return QColor::fromHsl(hue, sat, light);
}

QString compactCount(qint64 v)
{
    const double a = double(v < 0 ? -v : v);
    auto fmt = [&](double scaled, const char *suffix) {
        const int decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
        return QString::number(v < 0 ? -scaled : scaled, 'f', decimals) + QLatin1String(suffix);
    };
    if (a >= 1e9) return fmt(a / 1e9, "G");
    if (a >= 1e6) return fmt(a / 1e6, "M");
    if (a >= 1e4) return fmt(a / 1e3, "k");
    return QString::number(v);
}

QStringList uniqueSuffixLabels(const QStringList &names)
{
    QList<QStringList> parts;
    for (const QString &n : names) parts << n.split(QLatin1Char('/'));
    auto suffix = [&parts](int i, int k) { return parts[i].mid(parts[i].size() - k).join(QLatin1Char('/')); };
    QStringList out;
    for (int i = 0; i < names.size(); ++i) {
        QString label = names[i];
        for (int k = 1; k < parts[i].size(); ++k) {
            const QString s = suffix(i, k);
            bool unique = true;
            for (int j = 0; j < names.size() && unique; ++j)
                if (j != i && (names[j] == s || names[j].endsWith(QLatin1Char('/') + s))) unique = false;
            if (unique) {
                label = s;
                break;
            }
        }
        out << label;
    }
    return out;
}

}  // namespace ember::studio
