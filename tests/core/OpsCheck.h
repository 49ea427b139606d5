// Helpers for the operator tests of tst_ops_elementwise and tst_ops_pool:
// run one graph three ways (the kernels' own prepare+eval, the reference
// executor, the generated C) and compare each with hand-worked values.
#pragma once

#include <QtTest>
#include <cmath>

#include "TestUtil.h"
#include "core/ops/OpKernel.h"

namespace ember::test {

// Prepares and evaluates every op with its kernel directly; first output.
inline TensorData runKernels(Graph g, const std::vector<TensorData> &inputs, std::string *error) {
    Diagnostics d;
    for (Op &op : g.ops) {
        const OpKernel *k = findKernel(op.type);
        if (!k || !k->prepare(g, op, d)) {
            *error = "prepare: " + d.format();
            return {};
        }
    }
    Buffers b(g.tensors.size());
    for (size_t t = 0; t < g.tensors.size(); ++t)
        b[t] = g.tensors[t].isConst ? g.tensors[t].data : std::vector<uint8_t>(g.tensors[t].bytes(), 0xA5);
    for (size_t i = 0; i < g.inputs.size(); ++i) b[size_t(g.inputs[i])] = inputs[i];
    for (const Op &op : g.ops) findKernel(op.type)->eval(g, op, b);
    return b[size_t(g.outputs[0])];
}

template <class T> QList<double> asList(const TensorData &bytes) {
    QList<double> l;
    for (T v : valuesOf<T>(bytes)) l.append(double(v));
    return l;
}

// Integers compare exactly; floats within a relative 1e-6 (the kernels
// do the same float operations in the same order, so this is tight).
inline bool sameValues(const QList<double> &got, const QList<double> &want, bool exact) {
    if (got.size() != want.size()) return false;
    for (qsizetype i = 0; i < got.size(); ++i) {
        const double tol = exact ? 0.0 : 1e-6 * std::max(1.0, std::fabs(want[i]));
        if (std::fabs(got[i] - want[i]) > tol) return false;
    }
    return true;
}

inline QString show(const QList<double> &l) {
    QStringList s;
    for (double v : l) s << QString::number(v, 'g', 9);
    return "[" + s.join(",") + "]";
}

// Checks the kernel, the reference executor and the generated C.
template <class T> void expectAllWays(const Graph &g, const std::vector<TensorData> &inputs, const QList<double> &want) {
    const bool exact = !std::is_floating_point_v<T>;
    std::string err;
    const QList<double> kernel = asList<T>(runKernels(g, inputs, &err));
    QVERIFY2(err.empty(), err.c_str());
    QVERIFY2(sameValues(kernel, want, exact), qPrintable("kernel " + show(kernel) + " want " + show(want)));
    const BothOutputs both = runBoth(g, inputs);
    QVERIFY2(both.error.empty(), both.error.c_str());
    const QList<double> ref = asList<T>(both.reference.at(0)), gen = asList<T>(both.generated.at(0));
    QVERIFY2(sameValues(ref, want, exact), qPrintable("reference " + show(ref) + " want " + show(want)));
    QVERIFY2(sameValues(gen, want, exact), qPrintable("generated C " + show(gen) + " want " + show(want)));
}

// The first error prepare reports for the graph's only op ("" if none).
inline std::string prepareError(Graph g) {
    Diagnostics d;
    Op &op = g.ops.at(0);
    const OpKernel *k = findKernel(op.type);
    if (!k || k->prepare(g, op, d)) return {};
    for (const Diagnostic &x : d.items())
        if (x.severity == Diagnostic::Severity::Error) return x.message;
    return "(prepare failed without an error)";
}

template <class T> TensorData data(std::initializer_list<T> v) { return bytesOf(std::vector<T>(v)); }

}  // namespace ember::test
