// Plan checker (PlanChecker.h). The overlap test walks each pool's buffers
// sorted by offset and compares each only with the buffers that start inside
// it, so a plan costs O(n log n + pairs that share bytes).
#include "PlanChecker.h"

#include <algorithm>
#include <numeric>

namespace ember {

namespace {

std::string shortName(const std::string &name) {
    std::string s = name.substr(0, name.find(';'));
    if (s.size() > 60) s = "..." + s.substr(s.size() - 57);
    return "'" + s + "'";
}

const char *kindName(ShareKind k) { return k == ShareKind::Alias ? "alias" : "in place"; }

struct Span {
    int tensor;
    std::string name;
    int pool;
    size_t lo, hi;
    int first, last;
};

// The overlap rule over spans (buffers with the lifetimes to judge by).
void findOverlaps(const std::vector<Span> &spans, const std::vector<BufferShare> &shares,
                  const std::vector<std::string> &poolNames, std::vector<std::string> &out, size_t &count,
                  size_t max) {
    // Alias classes: union-find over the tensors the Alias shares link.
    std::vector<int> root(spans.size());
    std::iota(root.begin(), root.end(), 0);
    std::vector<int> spanOf;
    for (size_t i = 0; i < spans.size(); ++i) {
        const int t = spans[i].tensor;
        if (t >= int(spanOf.size())) spanOf.resize(size_t(t) + 1, -1);
        spanOf[size_t(t)] = int(i);
    }
    auto span = [&](int t) { return t >= 0 && t < int(spanOf.size()) ? spanOf[size_t(t)] : -1; };
    auto find = [&](int x) {
        while (root[size_t(x)] != x) x = root[size_t(x)] = root[size_t(root[size_t(x)])];
        return x;
    };
    for (const BufferShare &sh : shares)
        if (sh.kind == ShareKind::Alias && span(sh.input) >= 0 && span(sh.output) >= 0)
            root[size_t(find(span(sh.input)))] = find(span(sh.output));
    auto inPlacePair = [&](const Span &a, const Span &b) {
        for (const BufferShare &sh : shares) {
            if (sh.kind != ShareKind::InPlace) continue;
            const Span *in = sh.input == a.tensor && sh.output == b.tensor   ? &a
                             : sh.input == b.tensor && sh.output == a.tensor ? &b
                                                                             : nullptr;
            if (!in) continue;
            const Span *o = in == &a ? &b : &a;
            if (in->last == sh.step && o->first == sh.step && in->lo == o->lo) return true;
        }
        return false;
    };
    std::vector<size_t> order(spans.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const Span &a = spans[x], &b = spans[y];
        return std::tie(a.pool, a.lo, a.hi, a.tensor) < std::tie(b.pool, b.lo, b.hi, b.tensor);
    });
    for (size_t i = 0; i < order.size(); ++i) {
        const Span &a = spans[order[i]];
        if (a.hi <= a.lo) continue;
        for (size_t j = i + 1; j < order.size(); ++j) {
            const Span &b = spans[order[j]];
            if (b.pool != a.pool || b.lo >= a.hi) break;
            if (b.hi <= b.lo || a.first > b.last || b.first > a.last) continue;
            if (find(int(order[i])) == find(int(order[j])) && a.lo == b.lo) continue;
            if (inPlacePair(a, b)) continue;
            if (count++ >= max) continue;
            const std::string pool = a.pool >= 0 && size_t(a.pool) < poolNames.size() ? poolNames[size_t(a.pool)] : "?";
            out.push_back(shortName(a.name) + " [" + std::to_string(a.lo) + ", " + std::to_string(a.hi) + ") steps " +
                          std::to_string(a.first) + ".." + std::to_string(a.last) + " and " + shortName(b.name) + " [" +
                          std::to_string(b.lo) + ", " + std::to_string(b.hi) + ") steps " + std::to_string(b.first) +
                          ".." + std::to_string(b.last) + " overlap in pool '" + pool + "' while both are live" +
                          " and no share of the plan allows it");
        }
    }
}

std::vector<std::string> poolNamesOf(const MemoryPlan &plan) {
    std::vector<std::string> r;
    for (const PoolSpec &p : plan.pools) r.push_back(p.name);
    return r;
}

void finish(std::vector<std::string> &out, size_t count, size_t max) {
    if (count > max) out.push_back("and " + std::to_string(count - max) + " more");
}

}  // namespace

std::vector<std::string> planOverlaps(const MemoryPlan &plan, size_t max) {
    std::vector<Span> spans;
    for (const PlannedBuffer &b : plan.buffers)
        spans.push_back({b.tensor, b.name, b.pool, b.offset, b.offset + b.bytes, b.first, b.last});
    std::vector<std::string> out;
    size_t count = 0;
    findOverlaps(spans, plan.shares, poolNamesOf(plan), out, count, max);
    finish(out, count, max);
    return out;
}

std::vector<std::string> checkPlan(const Graph &g, const MemoryPlan &plan, size_t max) {
    std::vector<std::string> out;
    size_t count = 0;
    auto report = [&](const std::string &s) {
        if (count++ < max) out.push_back(s);
    };
    const int n = int(g.tensors.size());
    bool io = false;
    for (const PlannedBuffer &b : plan.buffers)
        if (b.tensor >= 0 && b.tensor < n) {
            const Tensor &t = g.tensors[size_t(b.tensor)];
            io = io || t.isInput || t.isOutput || std::count(g.inputs.begin(), g.inputs.end(), b.tensor) ||
                 std::count(g.outputs.begin(), g.outputs.end(), b.tensor);
        }
    std::vector<int> bufferOf(size_t(std::max(n, 0)), -1);
    for (size_t i = 0; i < plan.buffers.size(); ++i) {
        const PlannedBuffer &b = plan.buffers[i];
        if (b.tensor < 0 || b.tensor >= n) {
            report("buffer '" + b.name + "' names tensor " + std::to_string(b.tensor) + ", which the graph does not have");
            continue;
        }
        if (bufferOf[size_t(b.tensor)] >= 0) report("tensor " + shortName(b.name) + " has two buffers");
        bufferOf[size_t(b.tensor)] = int(i);
        if (b.pool < 0 || size_t(b.pool) >= plan.pools.size()) {
            report("tensor " + shortName(b.name) + " is in pool " + std::to_string(b.pool) + ", which the plan does not have");
            continue;
        }
        const size_t used = size_t(b.pool) < plan.poolUsed.size() ? plan.poolUsed[size_t(b.pool)] : 0;
        const size_t cap = plan.pools[size_t(b.pool)].size;
        if (b.offset + b.bytes > used || (cap && b.offset + b.bytes > cap))
            report("tensor " + shortName(b.name) + " [" + std::to_string(b.offset) + ", " +
                   std::to_string(b.offset + b.bytes) + ") ends past its pool '" + plan.pools[size_t(b.pool)].name +
                   "' (" + std::to_string(used) + " bytes used" + (cap ? ", " + std::to_string(cap) + " capacity" : "") + ")");
    }
    // Fused chains (RowFusion.h): each must be one the graph allows; their
    // streamed tensors then need no buffer.
    for (const FusedChain &c : plan.fused)
        if (!validFusedChain(g, c)) {
            std::string steps;
            for (int k : c.steps) steps += (steps.empty() ? "" : "+") + std::to_string(k);
            report("fused chain at ops " + steps + " is not one these ops and tensors allow");
        }
    // Lifetimes and sizes from the graph.
    std::vector<Span> spans;
    for (const Lifetime &lt : computeLifetimes(g, io, plan.fused)) {
        const Tensor &t = g.tensors[size_t(lt.tensor)];
        const int k = bufferOf[size_t(lt.tensor)];
        if (k < 0) {
            report("tensor " + shortName(t.name) + " (steps " + std::to_string(lt.first) + ".." + std::to_string(lt.last) +
                   ") has no buffer");
            continue;
        }
        const PlannedBuffer &b = plan.buffers[size_t(k)];
        if (b.bytes < lt.bytes)
            report("tensor " + shortName(t.name) + " needs " + std::to_string(lt.bytes) + " bytes but its buffer has " +
                   std::to_string(b.bytes));
        spans.push_back({lt.tensor, t.name, b.pool, b.offset, b.offset + std::max(b.bytes, lt.bytes), lt.first, lt.last});
    }
    // Every declared share must be one the op allows, between buffers at one offset.
    for (const BufferShare &sh : plan.shares) {
        const std::string what = std::string(kindName(sh.kind)) + " share at op " + std::to_string(sh.step);
        if (sh.input < 0 || sh.input >= n || sh.output < 0 || sh.output >= n) {
            report(what + " names a tensor the graph does not have");
            continue;
        }
        const std::string in = shortName(g.tensors[size_t(sh.input)].name), o = shortName(g.tensors[size_t(sh.output)].name);
        if (!opMayShare(g, sh.step, sh.input, sh.output, sh.kind)) {
            const std::string op = sh.step >= 0 && size_t(sh.step) < g.ops.size() ? g.ops[size_t(sh.step)].typeName : "?";
            report(what + " (" + op + ") of " + o + " over " + in + " is not allowed for that op and these tensors");
            continue;
        }
        const int a = bufferOf[size_t(sh.input)], b = bufferOf[size_t(sh.output)];
        if (a < 0 || b < 0) {
            report(what + ": " + (a < 0 ? in : o) + " has no buffer");
            continue;
        }
        const PlannedBuffer &x = plan.buffers[size_t(a)], &y = plan.buffers[size_t(b)];
        if (x.pool != y.pool || x.offset != y.offset)
            report(what + ": " + o + " does not start where " + in + " does");
    }
    findOverlaps(spans, plan.shares, poolNamesOf(plan), out, count, max);
    finish(out, count, max);
    return out;
}

}  // namespace ember
