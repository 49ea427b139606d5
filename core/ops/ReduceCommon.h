// Shared by the reductions over constant axes (SUM, REDUCE_MAX, REDUCE_MIN,
// and MEAN's loop nest): axis resolution like TFLite's ResolveAxis, the
// output-shape rule, and one loop nest split into kept and reduced dims that
// the reference executor and the C emitter walk in the same row-major order
// as TFLM's Reduce (so float sums add in the same order).
#pragma once

#include <string>
#include <vector>

#include "Common.h"
#include "OpError.h"

namespace ember::reduce {

struct Loop {
    int64_t extent;
    int64_t inStride;
    int64_t outStride;  // kept dims only
};

struct Loops {
    std::vector<Loop> kept, reduced;  // size-1 dims dropped, outermost first
    int64_t count = 1;                // input elements per output
    int64_t outElements = 1;
};

// Resolves negative and duplicate axes (input 1, a constant int32 tensor).
// TFLM fails at run time on an axis outside [-rank, rank); we refuse it here.
inline bool resolveAxes(const Graph &g, const Op &op, Diagnostics &d, const char *opName,
                        std::vector<bool> *reduced) {
    const Tensor &in = g.in(op, 0), &axis = g.in(op, 1);
    const int rank = int(in.shape.size());
    if (axis.dtype != DType::Int32)
        return opError(d, g, op, std::string(opName) + " needs an int32 axis tensor as input 2, not " +
                                     dtypeName(axis.dtype), op.inputs[1]);
    if (!axis.isConst)
        return opError(d, g, op, std::string(opName) + " needs constant axes; freeze the axis tensor in the model",
                       op.inputs[1]);
    if (axis.data.size() != size_t(axis.elements()) * 4)
        return opError(d, g, op, "the axis tensor has no data of the size its shape says", op.inputs[1]);
    reduced->assign(size_t(rank), false);
    for (int64_t i = 0; i < axis.elements(); ++i) {
        const int32_t a = axis.at<int32_t>(i);
        if (a < -rank || a >= rank)
            return opError(d, g, op,
                           "axis " + std::to_string(a) + " is out of range for the " + std::to_string(rank) +
                               "-D input " + shapeString(in.shape),
                           op.inputs[1]);
        (*reduced)[size_t(a < 0 ? a + rank : a)] = true;
    }
    return true;
}

// The reduced shape (keep_dims keeps size-1 dims); a full reduction yields a
// scalar, which converters write as [] or [1].
inline bool checkReducedShape(Diagnostics &d, const Graph &g, const Op &op, const std::vector<bool> &reduced) {
    const Shape &inShape = g.in(op, 0).shape;
    Shape inferred;
    for (size_t i = 0; i < inShape.size(); ++i) {
        if (!reduced[i])
            inferred.push_back(inShape[i]);
        else if (op.attrs.keepDims)
            inferred.push_back(1);
    }
    if (inferred.empty() && g.out(op).shape == Shape{1}) return true;
    return checkOutputShape(d, g, op, op.outputs[0], inferred);
}

inline Loops buildLoops(const Shape &shape, const std::vector<bool> &reduced) {
    Loops p;
    int64_t inStride = 1, outStride = 1;
    for (size_t d = shape.size(); d-- > 0;) {
        const int64_t e = shape[d];
        if (e != 1) {
            if (reduced[d]) {
                p.reduced.insert(p.reduced.begin(), {e, inStride, 0});
                p.count *= e;
            } else {
                p.kept.insert(p.kept.begin(), {e, inStride, outStride});
                outStride *= e;
            }
        }
        inStride *= e;
    }
    p.outElements = outStride;
    return p;
}

// Calls f(offset) for every combination of `loops`, row-major.
template <class F> void walk(const std::vector<Loop> &loops, int64_t base, F f) {
    std::vector<int64_t> idx(loops.size(), 0);
    int64_t off = base;
    for (;;) {
        f(off);
        size_t d = loops.size();
        for (; d-- > 0;) {
            off += loops[d].inStride;
            if (++idx[d] < loops[d].extent) break;
            off -= loops[d].inStride * loops[d].extent;
            idx[d] = 0;
        }
        if (d == size_t(-1)) return;
    }
}

// C offset expression over loop variables var0, var1, ...
inline std::string offsetExpr(const std::vector<Loop> &loops, const std::string &var, bool out) {
    std::string e;
    for (size_t i = 0; i < loops.size(); ++i) {
        const int64_t s = out ? loops[i].outStride : loops[i].inStride;
        if (!e.empty()) e += " + ";
        e += var + std::to_string(i) + (s == 1 ? "" : " * " + std::to_string(s));
    }
    return e.empty() ? "0" : e;
}

inline void openLoops(EmitContext &ctx, const std::vector<Loop> &loops, const std::string &var, int ind) {
    for (size_t i = 0; i < loops.size(); ++i) {
        const std::string v = var + std::to_string(i);
        ctx.line("for (int32_t " + v + " = 0; " + v + " < " + std::to_string(loops[i].extent) + "; ++" + v + ") {",
                 ind + int(i));
    }
}

inline void closeLoops(EmitContext &ctx, size_t n, int ind) {
    for (size_t i = n; i-- > 0;) ctx.line("}", ind + int(i));
}

}  // namespace ember::reduce
