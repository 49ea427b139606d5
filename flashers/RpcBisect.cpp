#include "RpcBisect.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ember::rpc {

double tensorElement(const std::vector<uint8_t> &bytes, size_t i, const ArgInfo &x) {
    const size_t width = std::max<size_t>(1, x.dtypeBits / 8);
    if ((i + 1) * width > bytes.size()) return NAN;
    const uint8_t *p = bytes.data() + i * width;
    if (x.dtypeCode == 2 && width == 4) {
        float f;
        std::memcpy(&f, p, 4);
        return f;
    }
    if (x.dtypeCode == 2 && width == 8) {
        double f;
        std::memcpy(&f, p, 8);
        return f;
    }
    int64_t v = 0;
    std::memcpy(&v, p, std::min<size_t>(width, 8));
    if (x.dtypeCode == 0 && width < 8) {  // sign-extend
        const int shift = int(64 - 8 * width);
        v = int64_t(uint64_t(v) << shift) >> shift;
    }
    return double(v);
}

TensorDifference compareTensor(const std::vector<uint8_t> &board, const std::vector<uint8_t> &host, const ArgInfo &x) {
    TensorDifference r;
    const size_t n = std::min(board.size(), host.size());
    for (size_t i = 0; i < n; ++i) r.bytes += board[i] != host[i];
    r.bytes += std::max(board.size(), host.size()) - n;
    const size_t width = std::max<size_t>(1, x.dtypeBits / 8);
    double lo = 0, hi = 0;
    for (size_t i = 0; (i + 1) * width <= n; ++i) {
        const double a = tensorElement(board, i, x), b = tensorElement(host, i, x);
        if (std::isnan(a) != std::isnan(b)) r.maxAbs = INFINITY;
        else if (!std::isnan(a)) r.maxAbs = std::max(r.maxAbs, std::fabs(a - b));
        if (!std::isnan(b)) {
            lo = std::min(lo, b);
            hi = std::max(hi, b);
        }
    }
    r.significant = x.dtypeCode == 2 ? r.maxAbs > 1e-4 * std::max(1e-6, hi - lo) : r.bytes > 0;
    return r;
}

Result<BisectResult> bisectLayers(Module &m, const PackageInfo &info, const Buffers &reference,
                                  const std::vector<TensorData> &inputs,
                                  const std::function<void(const BisectLayer &)> &onLayer,
                                  const std::atomic<bool> *cancel) {
    Diagnostics d;
    if (m.functions().size() != info.layers.size() + 1) {
        d.error("the board serves " + std::to_string(m.functions().size() - 1) + " layers but the model has " +
                std::to_string(info.layers.size()) + "; is the board running this model?");
        return d;
    }
    for (size_t i = 0; i < inputs.size(); ++i)
        if (Diagnostics e = m.setInput(int(i), inputs[i]); !e.ok()) return e;
    BisectResult out;
    out.layers = info.layers.size();
    for (size_t k = 0; k < info.layers.size(); ++k) {
        if (cancel && cancel->load()) {
            out.cancelled = true;
            return out;
        }
        const FunctionInfo &f = m.functions()[k + 1];
        const PackageInfo::Layer &L = info.layers[k];
        Result<CallResult> r = m.call(f.name);
        if (!r) return r.diagnostics();
        BisectLayer step;
        step.layer = k;
        step.layers = info.layers.size();
        step.name = L.name;
        step.op = L.op;
        step.function = f.name;
        for (const ArgInfo &x : f.args) {
            if (x.role != 1 || x.tensor < 0 || size_t(x.tensor) >= reference.size()) continue;
            // Compared by CRC-32 on the board; only a tensor that differs crosses the UART.
            Result<bool> same = m.tensorEquals(x.tensor, reference[size_t(x.tensor)]);
            if (!same) return same.diagnostics();
            if (*same) continue;
            Result<std::vector<uint8_t>> board = m.readTensor(x.tensor);
            if (!board) return board.diagnostics();
            const TensorDifference diff = compareTensor(*board, reference[size_t(x.tensor)], x);
            if (diff.bytes == 0) continue;
            const auto verdict = diff.significant ? BisectLayer::Verdict::Differs : BisectLayer::Verdict::WithinTolerance;
            if (step.verdict == BisectLayer::Verdict::Differs) continue;  // the first differing output is reported
            step.verdict = verdict;
            step.tensor = x;
            step.board = std::move(*board);
            step.host = reference[size_t(x.tensor)];
            step.difference = diff;
        }
        if (onLayer) onLayer(step);
        if (step.verdict == BisectLayer::Verdict::Differs) {
            out.diverged = true;
            out.first = std::move(step);
            return out;
        }
    }
    return out;
}

}  // namespace ember::rpc
