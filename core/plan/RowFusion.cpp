#include "RowFusion.h"

#include <algorithm>

#include "../ops/ConvCommon.h"

namespace ember {

namespace {

const ConvParams *convOf(const Op &op) {
    if (op.type != OpType::Conv2D && op.type != OpType::DepthwiseConv2D) return nullptr;
    const ConvParams *p = std::any_cast<ConvParams>(&op.params);
    if (!p || p->batches != 1 || op.inputs.empty() || op.inputs[0] < 0 || op.outputs.size() != 1) return nullptr;
    return p;
}

bool graphIO(const Graph &g, int t) {
    const Tensor &x = g.tensors[size_t(t)];
    return x.isInput || x.isOutput || std::count(g.inputs.begin(), g.inputs.end(), t) ||
           std::count(g.outputs.begin(), g.outputs.end(), t);
}

// The one op reading t (counting each input slot), or -1 when none or several do.
int onlyReader(const Graph &g, int t) {
    int reader = -1, reads = 0;
    for (size_t s = 0; s < g.ops.size(); ++s)
        for (int i : g.ops[s].inputs)
            if (i == t) {
                reader = int(s);
                ++reads;
            }
    return reads == 1 ? reader : -1;
}

// A tensor the chain may keep off the memory plan: an activation only its
// next op reads.
bool streamable(const Graph &g, int t, const std::vector<char> &pinned) {
    if (t < 0 || size_t(t) >= g.tensors.size()) return false;
    const Tensor &x = g.tensors[size_t(t)];
    return !x.isConst && !x.isVariable && !graphIO(g, t) && !(size_t(t) < pinned.size() && pinned[size_t(t)]) &&
           x.elements() > 0;
}

size_t rowElements(const ConvParams &p, bool out) {
    return out ? size_t(p.outW) * size_t(p.outC) : size_t(p.inW) * size_t(p.inC);
}
int span(const ConvParams &p) { return (p.filterH - 1) * p.dilationH + 1; }

// The ADD writes output row oy over row oy of X: replays the generated loop
// (RowFusion.h) and checks that every row of X the first convolution reads,
// and the row the ADD reads, is still intact.
bool safeOverInput(const ConvParams &a, const ConvParams &b) {
    if (a.inH != b.outH || rowElements(a, false) != rowElements(b, true)) return false;
    const int spanA = span(a), spanB = span(b);
    std::vector<char> intact(size_t(a.inH), 1);
    for (int oy = 0; oy < b.outH; ++oy) {
        const int top = oy * b.strideH - b.padTop;
        const int k0 = oy > 0 && b.strideH < spanB ? spanB - b.strideH : 0;
        for (int k = k0; k < spanB; ++k) {
            const int yy = top + k;
            if (yy < 0 || yy >= a.outH) continue;
            for (int j = 0; j < spanA; ++j) {
                const int xy = yy * a.strideH - a.padTop + j;
                if (xy >= 0 && xy < a.inH && !intact[size_t(xy)]) return false;
            }
        }
        if (!intact[size_t(oy)]) return false;
        intact[size_t(oy)] = 0;
    }
    return true;
}

// The chain starting at op `s` (false: none). `used[k]`: op k is already in a chain.
bool chainAt(const Graph &g, int s, const std::vector<char> &pinned, const std::vector<char> &used, FusedChain *out) {
    const Op &P = g.ops[size_t(s)];
    const ConvParams *pa = convOf(P);
    if (!pa) return false;
    const int X = P.inputs[0], Y = P.outputs[0];
    if (!streamable(g, Y, pinned)) return false;
    const int c = onlyReader(g, Y);
    if (c <= s || used[size_t(c)]) return false;
    const Op &C = g.ops[size_t(c)];
    const ConvParams *pb = convOf(C);
    if (!pb || C.inputs[0] != Y || pb->inH != pa->outH || rowElements(*pb, false) != rowElements(*pa, true)) return false;
    const Tensor &tx = g.tensors[size_t(X)], &ty = g.tensors[size_t(Y)];
    if (tx.dtype != ty.dtype) return false;
    FusedChain ch;
    ch.steps = {s, c};
    ch.input = X;
    ch.streamed = {Y};
    ch.streamedNames = {ty.name};
    ch.output = C.outputs[0];
    ch.spanIn = span(*pa);
    ch.spanMid = span(*pb);
    const size_t el = dtypeSize(ty.dtype);
    size_t saved = size_t(ty.elements()) * el;
    const int Z = C.outputs[0];
    const int a = streamable(g, Z, pinned) ? onlyReader(g, Z) : -1;
    if (a > c && !used[size_t(a)]) {
        const Op &A = g.ops[size_t(a)];
        if (A.type == OpType::Add && A.inputs.size() == 2 && A.outputs.size() == 1) {
            const int R = A.inputs[0] == Z ? A.inputs[1] : A.inputs[0];
            const Tensor &tz = g.tensors[size_t(Z)];
            const bool ok = R >= 0 && R != Z && !g.tensors[size_t(R)].isConst && !g.tensors[size_t(R)].isVariable &&
                            g.tensors[size_t(R)].shape == tz.shape && g.out(A).shape == tz.shape &&
                            g.tensors[size_t(R)].dtype == tz.dtype && g.out(A).dtype == tz.dtype &&
                            (R != X || safeOverInput(*pa, *pb));
            if (ok) {
                ch.steps.push_back(a);
                ch.streamed.push_back(Z);
                ch.streamedNames.push_back(tz.name);
                ch.residual = R;
                ch.output = A.outputs[0];
                saved += size_t(tz.elements()) * el;
            }
        }
    }
    ch.stackBytes = (size_t(ch.spanIn) * rowElements(*pa, false) + size_t(ch.spanMid) * rowElements(*pb, false) +
                     (ch.residual >= 0 ? rowElements(*pb, true) : 0)) *
                    el;
    // Worth it only when the stack is small beside the bytes saved.
    if (ch.stackBytes > kRowFusionMaxStack || 2 * ch.stackBytes > saved) return false;
    *out = std::move(ch);
    return true;
}

}  // namespace

std::vector<FusedChain> findFusedChains(const Graph &g, const std::vector<char> &pinned) {
    std::vector<FusedChain> chains;
    if (!g.subgraphs.empty()) return chains;
    std::vector<char> used(g.ops.size(), 0);
    for (int s = 0; s < int(g.ops.size()); ++s) {
        FusedChain ch;
        if (used[size_t(s)] || !chainAt(g, s, pinned, used, &ch)) continue;
        for (int k : ch.steps) used[size_t(k)] = 1;
        chains.push_back(std::move(ch));
    }
    std::sort(chains.begin(), chains.end(), [](const FusedChain &x, const FusedChain &y) { return x.last() < y.last(); });
    return chains;
}

bool validFusedChain(const Graph &g, const FusedChain &c) {
    if (c.steps.size() < 2 || c.steps[0] < 0 || size_t(c.steps[0]) >= g.ops.size() || !g.subgraphs.empty()) return false;
    FusedChain full;
    const std::vector<char> used(g.ops.size(), 0);
    if (!chainAt(g, c.steps[0], {}, used, &full)) return false;
    // The plan may stop before the ADD (its Z pinned to a pool).
    if (c.steps.size() == 2 && full.steps.size() == 3) {
        full.steps.pop_back();
        full.streamed.pop_back();
        full.streamedNames.pop_back();
        full.residual = -1;
        full.output = g.ops[size_t(full.steps[1])].outputs[0];
    }
    return c.steps == full.steps && c.input == full.input && c.streamed == full.streamed && c.residual == full.residual &&
           c.output == full.output && c.spanIn == full.spanIn && c.spanMid == full.spanMid;
}

}  // namespace ember
