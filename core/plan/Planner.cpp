// Static memory planner.
//
// Algorithm (planMemory):
//  1. Lifetimes. Every non-constant tensor that an op reads or writes (or that
//     is a graph input/output) gets an inclusive interval of execution steps
//     (op indices in Graph::ops order): from the op that produces it (graph
//     inputs and tensors nobody produces: step 0) to the last op that reads it
//     (graph outputs: the last step; never read: its producing step). Graph
//     inputs/outputs are planned only when PlanRequest::ioInWorkspace is set.
//  2. Validation. Planner name, alignments (powers of two), unique pool names,
//     pins (tensor must be a planned activation, pool must exist), fixed shapes.
//     Every problem becomes one Diagnostic; nothing is planned then.
//  3. Pools. Each planned tensor goes to the pool it is pinned to, otherwise to
//     the first (default) pool. Pools are planned independently.
//  4. Placement order, per pool, fully tie-broken so plans are deterministic:
//       greedy-size       bytes desc, conflicts desc, name, tensor index
//       greedy-conflicts  conflicts desc, bytes desc, name, tensor index
//     where "conflicts" = number of other buffers in the pool whose lifetime
//     overlaps this one's.
//  5. Placement: buffers are placed one by one in that order at the lowest
//     offset (a multiple of max(request align, pool align)) where they do not
//     overlap, in bytes, any already placed buffer whose lifetime overlaps.
//  6. hill-climb: start from the better of the two greedy orders, then try a
//     bounded number of swaps of two positions in the placement order chosen by
//     a fixed-seed generator; keep a swap when the pool peak does not grow
//     (strictly better ones become the new best). Stops early when the peak
//     reaches the pool's lower bound. The iteration count shrinks with the
//     size of the conflict graph so a 100-tensor graph stays far below 100 ms.
//  7. Capacity: a pool with a size whose peak exceeds it is an error naming the
//     pool, its size, the bytes needed and missing, and the tensors past the end.
//
//  8. In place (PlanRequest::inPlace, --in-place on; off by default),
//     decided before step 3: ops may reuse a buffer (BufferShare). RESHAPE /
//     SQUEEZE / EXPAND_DIMS alias their input (same bytes, nothing copied);
//     the elementwise ops opMayShare accepts write over an input that dies
//     at that op; CONV_2D / DEPTHWISE_CONV_2D do so row by row through a
//     stack window (RowInPlace.h; not with --dim). Buffers that share form
//     one group, placed as one item (one offset) whose lifetime is the
//     union of its members' and whose size at each step is that of the
//     largest member live then (Item::segs: a chain that widens for two
//     steps reserves the wide size for those steps only). Not shared: graph
//     outputs, graph inputs unless --io workspace plans them (the run then
//     overwrites them, as TFLM's arena does), model state, tensors pinned to
//     different pools, and an in-place write over a buffer that any other
//     tensor sharing its bytes still reads at or after that op. A
//     convolution's output may be larger than its input (the rows go in
//     descending order, RowInPlace.h).
//
// Limits:
//  - Tensors are whole, contiguous buffers, so a plan can never go below the
//    lower bound: max over steps of the bytes live at that step, where
//    tensors sharing a buffer count once per step (at the step of an
//    in-place op, the larger of its input and output, also when a
//    convolution's output widens the channels). The row-by-row convolutions' window and ring are on the
//    stack, not in any pool (the layer's comment and the firmware's
//    measured stack show them). With --io workspace the graph input counts
//    in this bound and may itself be overwritten by its first convolution.
//  - Greedy placement is a heuristic for an NP-hard packing problem; the result
//    can exceed the lower bound even when a better packing exists. hill-climb
//    narrows the gap but searches only placement orders, not arbitrary offsets.
//  - Lifetimes follow the given op order; the planner does not reorder ops.
#include "Planner.h"
#include "PlanChecker.h"
#include "../ops/ConvCommon.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <set>
#include <tuple>

namespace ember {

namespace {

size_t alignUp(size_t v, size_t a) { return a <= 1 ? v : (v + a - 1) / a * a; }
bool isPow2(size_t v) { return v != 0 && (v & (v - 1)) == 0; }
bool lifetimesOverlap(int f1, int l1, int f2, int l2) { return f1 <= l2 && f2 <= l1; }

// A part of a shared buffer's lifetime and the bytes it needs then.
struct Seg {
    int first = 0, last = 0;
    size_t bytes = 0;
};

// One buffer to place inside one pool.
struct Item {
    int tensor = -1;
    std::string name;
    size_t bytes = 0;
    int first = 0, last = 0;
    size_t conflicts = 0;  // number of other items in the pool whose lifetimes overlap
    // A group of tensors sharing one buffer (step 8): the bytes it needs at
    // each step, the largest member live then (disjoint, by step); empty for
    // a lone tensor (`bytes` over [first, last]).
    std::vector<Seg> segs;
};

// The bytes of `it` needed while [first, last] (0: none of its steps).
size_t needDuring(const Item &it, int first, int last) {
    if (it.segs.empty()) return lifetimesOverlap(it.first, it.last, first, last) ? it.bytes : 0;
    size_t need = 0;
    for (const Seg &sg : it.segs)
        if (lifetimesOverlap(sg.first, sg.last, first, last)) need = std::max(need, sg.bytes);
    return need;
}

// The placement of one pool's items for one order.
struct Placement {
    std::vector<size_t> offsets;  // by item index
    std::vector<size_t> peakAt;   // peak after placing order[0..k]
    size_t peak = 0;
};

// Conflict counts without listing the pairs (a graph with 16k tensors alive
// at once has 134M of them): the items overlapping i are all but those that
// end before i starts and those that start after i ends. O(n log n).
void countConflicts(std::vector<Item> &items) {
    std::vector<int> firsts, lasts;
    firsts.reserve(items.size());
    lasts.reserve(items.size());
    for (const Item &it : items) {
        firsts.push_back(it.first);
        lasts.push_back(it.last);
    }
    std::sort(firsts.begin(), firsts.end());
    std::sort(lasts.begin(), lasts.end());
    for (Item &it : items) {
        const size_t endBefore = size_t(std::lower_bound(lasts.begin(), lasts.end(), it.first) - lasts.begin());
        const size_t startAfter = size_t(firsts.end() - std::upper_bound(firsts.begin(), firsts.end(), it.last));
        it.conflicts = items.size() - endBefore - startAfter - 1;
    }
}

// Placed buffers of one pool sorted by (offset, end): the byte ranges and
// lifetimes a new buffer is checked against, in the order of the gap search.
struct Placed {
    size_t lo, hi;
    int first, last;
    bool operator<(const Placed &o) const { return lo != o.lo ? lo < o.lo : hi < o.hi; }
};

// Step 5: lowest aligned offset that does not collide with placed conflicting
// buffers: walk the placed buffers by offset, skipping those whose lifetimes
// do not overlap, until a gap fits. Positions before `start` keep the offsets
// they have in `p` (the order's prefix is unchanged), which halves the cost of
// a hill-climb swap.
void placeFrom(const std::vector<Item> &items, const std::vector<int> &order, size_t align, size_t start,
               Placement &p) {
    p.offsets.resize(items.size(), 0);
    p.peakAt.resize(items.size(), 0);
    std::vector<Placed> placed;
    placed.reserve(order.size());
    for (size_t k = 0; k < start && k < order.size(); ++k) {
        const Item &it = items[size_t(order[k])];
        const size_t at = p.offsets[size_t(order[k])];
        if (!it.segs.empty())
            for (const Seg &sg : it.segs) placed.push_back({at, at + sg.bytes, sg.first, sg.last});
        else if (it.bytes > 0)
            placed.push_back({at, at + it.bytes, it.first, it.last});
    }
    std::sort(placed.begin(), placed.end());
    for (size_t k = start; k < order.size(); ++k) {
        const Item &it = items[size_t(order[k])];
        size_t at = 0;
        if (!it.segs.empty() && it.bytes > 0) {
            // A group needs different bytes at different steps, so a gap is
            // judged per placed buffer and the scan repeats until `at` holds.
            for (bool moved = true; moved;) {
                moved = false;
                for (const Placed &b : placed) {
                    const size_t need = needDuring(it, b.first, b.last);
                    if (need == 0 || at + need <= b.lo || b.hi <= at) continue;
                    at = alignUp(b.hi, align);
                    moved = true;
                }
            }
            for (const Seg &sg : it.segs) {
                const Placed mine{at, at + sg.bytes, sg.first, sg.last};
                placed.insert(std::upper_bound(placed.begin(), placed.end(), mine), mine);
            }
        } else if (it.bytes > 0) {
            for (const Placed &b : placed) {
                if (!lifetimesOverlap(it.first, it.last, b.first, b.last)) continue;
                if (at + it.bytes <= b.lo) break;
                if (b.hi > at) at = alignUp(b.hi, align);
            }
            const Placed mine{at, at + it.bytes, it.first, it.last};
            placed.insert(std::upper_bound(placed.begin(), placed.end(), mine), mine);
        }
        p.offsets[size_t(order[k])] = at;
        p.peakAt[k] = std::max(k ? p.peakAt[k - 1] : 0, at + it.bytes);
    }
    p.peak = order.empty() ? 0 : p.peakAt[order.size() - 1];
}

Placement place(const std::vector<Item> &items, const std::vector<int> &order, size_t align) {
    Placement p;
    placeFrom(items, order, align, 0, p);
    return p;
}

// Step 4: the two greedy orders, every tie broken down to the tensor index.
std::vector<int> greedyOrder(const std::vector<Item> &items, bool conflictsFirst) {
    std::vector<int> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](const Item &it) {
        return conflictsFirst ? std::make_pair(it.conflicts, it.bytes) : std::make_pair(it.bytes, it.conflicts);
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Item &x = items[size_t(a)], &y = items[size_t(b)];
        if (key(x) != key(y)) return key(x) > key(y);  // larger first
        if (x.name != y.name) return x.name < y.name;
        return x.tensor < y.tensor;
    });
    return order;
}

// Max over steps of the bytes live at that step (no alignment): no plan of
// these items can have a smaller peak.
// Bytes live at each step. Sweep over the steps with a difference array:
// O(items + steps).
std::vector<size_t> liveBytesPerStep(const std::vector<Item> &items, int steps) {
    const size_t n = size_t(std::max(steps, 1));
    std::vector<size_t> delta(n + 1, 0);
    auto add = [&](int first, int last, size_t bytes) {
        const size_t lo = size_t(std::max(first, 0));
        if (lo >= n || last < first) return;
        const size_t hi = std::min(size_t(last) + 1, n);
        delta[lo] += bytes;
        delta[hi] -= bytes;  // unsigned wrap-around cancels out in the running sum
    };
    for (const Item &it : items) {
        if (it.segs.empty()) add(it.first, it.last, it.bytes);
        for (const Seg &sg : it.segs) add(sg.first, sg.last, sg.bytes);
    }
    std::vector<size_t> out(n, 0);
    size_t live = 0;
    for (size_t s = 0; s < n; ++s) {
        live += delta[s];
        out[s] = live;
    }
    return out;
}

size_t liveBytesBound(const std::vector<Item> &items, int steps) {
    const std::vector<size_t> live = liveBytesPerStep(items, steps);
    return *std::max_element(live.begin(), live.end());
}

// Small deterministic generator (splitmix64) so hill-climb gives the same
// plan on every machine and run.
struct SplitMix {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return size_t(next() % n); }
};

// Step 6. The work per evaluation grows with items + conflict edges, so the
// iteration budget is divided by it to bound the total time.
Placement hillClimb(const std::vector<Item> &items, size_t align, size_t bound) {
    std::vector<int> order = greedyOrder(items, false);
    Placement best = place(items, order, align);
    std::vector<int> other = greedyOrder(items, true);
    Placement alt = place(items, other, align);
    if (alt.peak < best.peak) {
        best = alt;
        order = other;
    }
    if (items.size() < 2) return best;
    size_t work = items.size();
    for (const Item &it : items) work += it.conflicts;
    const size_t kBudget = 1000000;
    const size_t iterations = std::clamp<size_t>(kBudget / work, 32, 3000);
    SplitMix rng{0x656d626572ull ^ items.size()};
    Placement trial = best;
    for (size_t k = 0; k < iterations && best.peak > bound; ++k) {
        size_t i = rng.below(order.size()), j = rng.below(order.size() - 1);
        if (j >= i) ++j;
        std::swap(order[i], order[j]);
        placeFrom(items, order, align, std::min(i, j), trial);
        if (trial.peak <= best.peak)
            best = trial;
        else {
            std::swap(order[i], order[j]);
            trial = best;
        }
    }
    return best;
}

Placement planPool(const std::vector<Item> &items, const std::string &planner, size_t align, int steps) {
    if (planner == "hill-climb") return hillClimb(items, align, liveBytesBound(items, steps));
    return place(items, greedyOrder(items, planner == "greedy-conflicts"), align);
}

std::string joinNames(const std::vector<std::string> &names) {
    std::string s;
    for (const auto &n : names) s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "(none)" : s;
}

std::vector<std::string> capped(std::vector<std::string> v, size_t max = 6) {
    if (v.size() > max) {
        const size_t more = v.size() - max;
        v.resize(max);
        v.push_back("and " + std::to_string(more) + " more");
    }
    return v;
}

// TFLite tensor names are often several names joined by ';'. Messages show
// the first (the most specific), and long lists are cut, so one error stays
// one readable line.
std::string shortTensorName(const std::string &name) {
    std::string s = name.substr(0, name.find(';'));
    if (s.size() > 60) s = "..." + s.substr(s.size() - 57);
    return s;
}

std::string joinTensorNames(const std::vector<std::string> &names, size_t max = 6) {
    std::string s;
    for (size_t i = 0; i < names.size() && i < max; ++i) s += (s.empty() ? "'" : ", '") + shortTensorName(names[i]) + "'";
    if (names.size() > max) s += " and " + std::to_string(names.size() - max) + " more";
    return s.empty() ? "(none)" : s;
}

bool isGraphIO(const Graph &g, int t) {
    const Tensor &x = g.tensors[size_t(t)];
    return x.isInput || x.isOutput || std::count(g.inputs.begin(), g.inputs.end(), t) ||
           std::count(g.outputs.begin(), g.outputs.end(), t);
}

// Graph outputs never share a buffer (the caller reads them after the run);
// graph inputs are planned only with --io workspace, where the run may
// overwrite them as TFLM's arena does (the caller writes them before each run).
bool isGraphOutput(const Graph &g, int t) {
    return g.tensors[size_t(t)].isOutput || std::count(g.outputs.begin(), g.outputs.end(), t);
}

// Step 2: everything wrong with the request, one diagnostic each.
void checkRequest(const Graph &g, const PlanRequest &req, const std::vector<Lifetime> &lts,
                  Diagnostics &d) {
    auto names = plannerNames();
    if (std::find(names.begin(), names.end(), req.planner) == names.end())
        d.error("unknown planner '" + req.planner + "'; use one of: " + joinNames(names));
    if (!isPow2(req.align))
        d.error("buffer alignment " + std::to_string(req.align) + " is not a power of two; use e.g. 4, 8 or 16");
    if (req.pools.empty()) d.error("no memory pool given; define at least one pool (e.g. 'workspace')");
    std::vector<std::string> poolNames;
    for (const PoolSpec &p : req.pools) {
        if (p.name.empty()) d.error("a memory pool has an empty name; give every pool a name");
        else if (std::count(poolNames.begin(), poolNames.end(), p.name))
            d.error("memory pool '" + p.name + "' is defined twice; give each pool a unique name");
        if (!isPow2(p.align))
            d.error("memory pool '" + p.name + "' has alignment " + std::to_string(p.align) +
                    ", which is not a power of two; use e.g. 4, 8 or 16");
        poolNames.push_back(p.name);
    }
    std::vector<std::string> planned;
    for (const Lifetime &lt : lts) planned.push_back(g.tensors[size_t(lt.tensor)].name);
    for (const auto &pin : req.pins) {
        const std::string &tensor = pin.first, &pool = pin.second;  // (lambdas cannot capture bindings)
        if (std::find(poolNames.begin(), poolNames.end(), pool) == poolNames.end()) {
            d.error("pinned to pool '" + pool + "', which does not exist; pools: " + joinNames(poolNames))
                .tensor = tensor;
            continue;
        }
        if (std::find(planned.begin(), planned.end(), tensor) != planned.end()) continue;
        auto it = std::find_if(g.tensors.begin(), g.tensors.end(), [&](const Tensor &x) { return x.name == tensor; });
        std::string why = "is not a tensor of the graph";
        if (it != g.tensors.end() && it->isConst) why = "is a constant (it stays in flash), not an activation";
        else if (it != g.tensors.end() && isGraphIO(g, int(it - g.tensors.begin())))
            why = "is a graph input/output kept outside the workspace (plan I/O in the workspace to pin it)";
        else if (it != g.tensors.end()) why = "is not used by any operator";
        d.error("cannot be pinned: it " + why + "; tensors that can be pinned: " + joinTensorNames(planned)).tensor = tensor;
    }
    for (const Lifetime &lt : lts) {
        const Tensor &t = g.tensors[size_t(lt.tensor)];
        if (std::any_of(t.shape.begin(), t.shape.end(), [](int32_t v) { return v < 0; }))
            d.error("shape " + shapeString(t.shape) + " has an unknown dimension; give it a fixed size before planning")
                .tensor = t.name;
    }
}

// Step 7: one error per pool that the plan does not fit in.
void checkCapacity(const MemoryPlan &plan, Diagnostics &d) {
    for (size_t p = 0; p < plan.pools.size(); ++p) {
        const PoolSpec &spec = plan.pools[p];
        if (spec.size == 0 || plan.poolUsed[p] <= spec.size) continue;
        std::vector<std::string> past;
        std::string firstPast;
        for (const PlannedBuffer &b : plan.buffers)
            if (b.pool == int(p) && b.offset + b.bytes > spec.size) {
                if (firstPast.empty()) firstPast = b.name;
                past.push_back("'" + shortTensorName(b.name) + "' (offset " + std::to_string(b.offset) + ", " +
                               std::to_string(b.bytes) + " bytes)");
            }
        // The diagnostic names the first buffer past the end (a click on it selects it).
        d.error("memory pool '" + spec.name + "' has " + std::to_string(spec.size) + " bytes but the plan needs " +
                std::to_string(plan.poolUsed[p]) + " bytes (" + std::to_string(plan.poolUsed[p] - spec.size) +
                " bytes short); tensors placed past the end: " + joinNames(capped(past)) +
                "; enlarge the pool, pin tensors to another pool or try another planner").tensor = firstPast;
    }
}

std::string pad(std::string s, size_t w, bool right = false) {
    if (s.size() >= w) return s;
    return right ? std::string(w - s.size(), ' ') + s : s + std::string(w - s.size(), ' ');
}

}  // namespace

std::vector<std::string> plannerNames() { return {"greedy-size", "greedy-conflicts", "hill-climb"}; }

std::vector<Lifetime> computeLifetimes(const Graph &g, bool includeIO) {
    const int n = int(g.tensors.size());
    const int lastStep = std::max(0, int(g.ops.size()) - 1);
    std::vector<int> first(size_t(n), -1), lastRead(size_t(n), -1);
    std::vector<char> used(size_t(n), 0);
    for (int s = 0; s < int(g.ops.size()); ++s) {
        const Op &op = g.ops[size_t(s)];
        for (int t : op.outputs)
            if (t >= 0 && t < n) {
                used[size_t(t)] = 1;
                if (first[size_t(t)] < 0) first[size_t(t)] = s;
            }
        for (int t : op.inputs)
            if (t >= 0 && t < n) {
                used[size_t(t)] = 1;
                lastRead[size_t(t)] = s;
            }
        // IF/WHILE: the called subgraphs' tensors all live while the op runs
        // (a loop reuses them), beside its inputs and outputs.
        for (int t : controlFlowTensors(g, op))
            if (t < n) {
                used[size_t(t)] = 1;
                if (first[size_t(t)] < 0) first[size_t(t)] = s;
                lastRead[size_t(t)] = std::max(lastRead[size_t(t)], s);
            }
    }
    std::vector<Lifetime> out;
    for (int t = 0; t < n; ++t) {
        const Tensor &x = g.tensors[size_t(t)];
        const bool io = isGraphIO(g, t);
        if (x.isConst || (!used[size_t(t)] && !io) || (io && !includeIO)) continue;
        const bool isIn = x.isInput || std::count(g.inputs.begin(), g.inputs.end(), t);
        const bool isOut = x.isOutput || std::count(g.outputs.begin(), g.outputs.end(), t);
        Lifetime lt;
        lt.tensor = t;
        if (x.isVariable) {  // state: kept across calls, so live over the whole timeline
            lt.first = 0;
            lt.last = lastStep;
            lt.bytes = size_t(std::max<int64_t>(0, x.elements())) * dtypeSize(x.dtype);
            out.push_back(lt);
            continue;
        }
        // Not produced by an op (graph input, or a tensor read before anything
        // writes it): its contents must exist from the start.
        lt.first = (isIn || first[size_t(t)] < 0) ? 0 : first[size_t(t)];
        lt.last = std::max(lt.first, lastRead[size_t(t)]);
        if (isOut) lt.last = lastStep;
        const int64_t elems = x.elements();
        lt.bytes = elems > 0 ? size_t(elems) * dtypeSize(x.dtype) : 0;
        out.push_back(lt);
    }
    return out;
}

std::vector<Lifetime> computeLifetimes(const Graph &g, bool includeIO, const std::vector<FusedChain> &chains) {
    std::vector<Lifetime> lts = computeLifetimes(g, includeIO);
    if (chains.empty()) return lts;
    std::vector<char> streamed(g.tensors.size(), 0);
    std::vector<int> until(g.tensors.size(), -1);
    for (const FusedChain &c : chains) {
        for (int t : c.streamed) streamed[size_t(t)] = 1;
        until[size_t(c.input)] = std::max(until[size_t(c.input)], c.last());
    }
    std::vector<Lifetime> out;
    for (Lifetime lt : lts) {
        if (streamed[size_t(lt.tensor)]) continue;
        lt.last = std::max(lt.last, until[size_t(lt.tensor)]);
        out.push_back(lt);
    }
    return out;
}

size_t activationLowerBound(const Graph &g) {
    std::vector<Item> items;
    for (const Lifetime &lt : computeLifetimes(g, true)) {
        Item it;
        it.bytes = lt.bytes;
        it.first = lt.first;
        it.last = lt.last;
        items.push_back(std::move(it));
    }
    return liveBytesBound(items, int(g.ops.size()));
}

// A pin may name a tensor by its full name or, when unambiguous, by the short
// form messages show (the first of TFLite's ';'-joined names).
PlanRequest resolvePinNames(const Graph &g, const PlanRequest &req, const std::vector<Lifetime> &lts) {
    PlanRequest r = req;
    r.pins.clear();
    for (const auto &[key, pool] : req.pins) {
        std::string name = key;
        bool exact = false;
        std::vector<std::string> shortMatches;
        for (const Lifetime &lt : lts) {
            const std::string &full = g.tensors[size_t(lt.tensor)].name;
            if (full == key) exact = true;
            else if (shortTensorName(full) == key) shortMatches.push_back(full);
        }
        if (!exact && shortMatches.size() == 1) name = shortMatches[0];
        r.pins[name] = pool;
    }
    return r;
}

// State (variable tensors) lives in its own pool, kStatePoolName: added after
// the request's pools when the request has none of that name, static or
// app-provided like the request's first pool.
PlanRequest withStatePool(const Graph &g, PlanRequest req, Diagnostics &d) {
    bool any = false;
    for (const Tensor &t : g.tensors) any = any || t.isVariable;
    if (!any) return req;
    bool have = false;
    for (const PoolSpec &p : req.pools) have = have || p.name == kStatePoolName;
    if (!req.pools.empty() && req.pools.front().name == kStatePoolName)
        d.error("pool '" + std::string(kStatePoolName) + "' holds the model's state and cannot be the first "
                "(default) pool; list another pool first, e.g. --pool workspace:0 --pool " + kStatePoolName + ":...");
    if (!have && !req.pools.empty()) {
        PoolSpec st;
        st.name = kStatePoolName;
        st.align = req.pools.front().align;
        st.appProvided = req.pools.front().appProvided;
        req.pools.push_back(st);
    }
    for (const auto &[tensor, pool] : req.pins) {
        auto it = std::find_if(g.tensors.begin(), g.tensors.end(), [&](const Tensor &x) { return x.name == tensor; });
        if (it != g.tensors.end() && it->isVariable && pool != kStatePoolName)
            d.error("is model state (kept between calls) and lives in pool '" + std::string(kStatePoolName) +
                    "'; place that pool with --pool " + kStatePoolName + ":SIZE:section=S instead of pinning")
                .tensor = tensor;
    }
    return req;
}

bool rowInPlaceSchedule(const Graph &g, const Op &op, RowSchedule *s) {
    if (!rowsInPlaceOp(op.type)) return false;
    const ConvParams *p = std::any_cast<ConvParams>(&op.params);
    if (!p || p->batches != 1 || op.inputs.empty() || op.outputs.size() != 1 || op.inputs[0] < 0) return false;
    RowGeometry q;
    q.inH = p->inH, q.inW = p->inW, q.inC = p->inC;
    q.outH = p->outH, q.outW = p->outW, q.outC = p->outC;
    q.filterH = p->filterH, q.strideH = p->strideH, q.dilationH = p->dilationH, q.padTop = p->padTop;
    q.elementBytes = dtypeSize(g.tensors[size_t(op.inputs[0])].dtype);
    return planRowInPlace(q, s);
}

bool opMayShare(const Graph &g, int step, int input, int output, ShareKind kind) {
    if (step < 0 || size_t(step) >= g.ops.size()) return false;
    const Op &op = g.ops[size_t(step)];
    const int n = int(g.tensors.size());
    if (input < 0 || input >= n || output < 0 || output >= n || input == output) return false;
    if (std::find(op.outputs.begin(), op.outputs.end(), output) == op.outputs.end()) return false;
    if (std::find(op.inputs.begin(), op.inputs.end(), input) == op.inputs.end()) return false;
    const Tensor &in = g.tensors[size_t(input)], &out = g.tensors[size_t(output)];
    if (in.isConst || out.isConst || in.isVariable || out.isVariable || in.dtype != out.dtype) return false;
    if (in.elements() <= 0) return false;
    // A convolution row by row through a window (RowInPlace.h): its output
    // may be smaller than its input.
    if (kind == ShareKind::InPlace && rowsInPlaceOp(op.type)) {
        RowSchedule s;
        return op.inputs[0] == input && rowInPlaceSchedule(g, op, &s);
    }
    if (in.elements() != out.elements()) return false;
    switch (kind) {
    case ShareKind::Alias:
        // A pure view: the output's bytes are the input's, in order.
        return (op.type == OpType::Reshape || op.type == OpType::Squeeze || op.type == OpType::ExpandDims) &&
               op.inputs.size() >= 1 && op.inputs[0] == input && op.outputs.size() == 1;
    case ShareKind::InPlace:
        // Kernels that read element i of each input before writing element i
        // of the output, at the same flat index (the input has the output's
        // shape; the other input of a binary op may still broadcast).
        switch (op.type) {
        case OpType::Add: case OpType::Sub: case OpType::Mul:
        case OpType::Relu: case OpType::Relu6: case OpType::Logistic: case OpType::Tanh:
            return op.outputs.size() == 1 && in.shape == out.shape;
        default:
            return false;
        }
    }
    return false;
}

namespace {

// Step 8: the buffers ops may reuse, in step order. `pool[t]` is the pool a
// planned tensor goes to (-1: not planned). A tensor's "content class" is
// the set of tensors aliasing the same bytes with the same contents; an
// in-place write is allowed only when every member of its input's class has
// been read for the last time (the input itself at this op, the others
// before it).
std::vector<BufferShare> findShares(const Graph &g, const std::vector<Lifetime> &lts, const std::vector<int> &pool,
                                   bool rows) {
    std::vector<BufferShare> shares;
    const size_t n = g.tensors.size();
    std::vector<int> ltOf(n, -1), cls(n, -1), shared(n, 0);
    for (size_t i = 0; i < lts.size(); ++i) ltOf[size_t(lts[i].tensor)] = int(i);
    std::vector<std::vector<int>> members;  // by class
    auto classOf = [&](int t) {
        if (cls[size_t(t)] < 0) {
            cls[size_t(t)] = int(members.size());
            members.push_back({t});
        }
        return cls[size_t(t)];
    };
    auto eligible = [&](int t) {
        return t >= 0 && size_t(t) < n && ltOf[size_t(t)] >= 0 && pool[size_t(t)] >= 0 && !isGraphOutput(g, t) &&
               !g.tensors[size_t(t)].isVariable && lts[size_t(ltOf[size_t(t)])].bytes > 0;
    };
    for (int s = 0; s < int(g.ops.size()); ++s) {
        const Op &op = g.ops[size_t(s)];
        if (op.outputs.size() != 1) continue;
        const int out = op.outputs[0];
        if (!eligible(out) || shared[size_t(out)]) continue;
        const Lifetime &lo = lts[size_t(ltOf[size_t(out)])];
        if (lo.first != s) continue;  // produced here, not read before
        for (int in : op.inputs) {
            if (!eligible(in) || pool[size_t(in)] != pool[size_t(out)]) continue;
            const Lifetime &li = lts[size_t(ltOf[size_t(in)])];
            const bool conv = rowsInPlaceOp(op.type);
            if (conv && !rows) continue;
            if ((!conv && li.bytes != lo.bytes) || li.first > s) continue;
            if (opMayShare(g, s, in, out, ShareKind::Alias)) {
                shares.push_back({ShareKind::Alias, s, in, out});
                const int c = classOf(in);
                cls[size_t(out)] = c;
                members[size_t(c)].push_back(out);
                shared[size_t(out)] = 1;
                break;
            }
            if (!opMayShare(g, s, in, out, ShareKind::InPlace)) continue;
            bool dies = true;
            for (int m : members[size_t(classOf(in))]) {
                const Lifetime &lm = lts[size_t(ltOf[size_t(m)])];
                if (m == in ? lm.last != s : lm.last >= s) dies = false;
            }
            if (!dies) continue;
            shares.push_back({ShareKind::InPlace, s, in, out});
            classOf(out);
            shared[size_t(out)] = 1;
            break;
        }
    }
    return shares;
}


// Steps 3 to 8 for a checked request and a fixed set of fused chains;
// `profile` gets the bytes live at each step, largest first (what the
// choice of chains compares).
Result<MemoryPlan> planWithChains(const Graph &g, const PlanRequest &req, std::vector<FusedChain> chains,
                                  std::vector<size_t> *profile) {
    Diagnostics d;
    const std::vector<Lifetime> lts = computeLifetimes(g, req.ioInWorkspace, chains);
    MemoryPlan plan;
    plan.planner = req.planner;
    plan.fused = std::move(chains);
    plan.pools = req.pools;
    plan.poolUsed.assign(req.pools.size(), 0);
    plan.steps = int(g.ops.size());

    // Step 3: the pool of each planned tensor.
    std::vector<int> poolOf(g.tensors.size(), -1);
    for (const Lifetime &lt : lts) {
        const Tensor &t = g.tensors[size_t(lt.tensor)];
        int pool = 0;
        if (t.isVariable)
            for (size_t p = 0; p < req.pools.size(); ++p)
                if (req.pools[p].name == kStatePoolName) pool = int(p);
        if (auto pin = req.pins.find(t.name); pin != req.pins.end() && !t.isVariable)
            for (size_t p = 0; p < req.pools.size(); ++p)
                if (req.pools[p].name == pin->second) pool = int(p);
        poolOf[size_t(lt.tensor)] = pool;
    }
    // Step 8: shared buffers; each group of tensors sharing one buffer is one
    // item (named after its first member) spanning their lifetimes.
    if (req.inPlace) plan.shares = findShares(g, lts, poolOf, req.inPlaceRows);
    std::vector<int> groupOf(g.tensors.size(), -1);
    std::vector<Item> groups;
    for (const Lifetime &lt : lts) {
        groupOf[size_t(lt.tensor)] = int(groups.size());
        Item it;
        it.tensor = lt.tensor;
        it.name = g.tensors[size_t(lt.tensor)].name;
        it.bytes = lt.bytes;
        it.first = lt.first;
        it.last = lt.last;
        groups.push_back(std::move(it));
    }
    std::vector<int> root(groups.size());
    std::iota(root.begin(), root.end(), 0);
    auto find = [&](int x) {
        while (root[size_t(x)] != x) x = root[size_t(x)] = root[size_t(root[size_t(x)])];
        return x;
    };
    for (const BufferShare &sh : plan.shares) {
        int a = find(groupOf[size_t(sh.input)]), b = find(groupOf[size_t(sh.output)]);
        if (a == b) continue;
        if (std::tie(groups[size_t(b)].first, b) < std::tie(groups[size_t(a)].first, a)) std::swap(a, b);
        Item &ga = groups[size_t(a)];
        const Item &gb = groups[size_t(b)];
        ga.bytes = std::max(ga.bytes, gb.bytes);
        ga.first = std::min(ga.first, gb.first);
        ga.last = std::max(ga.last, gb.last);
        root[size_t(b)] = a;
    }
    // A group's bytes step by step: the largest member live at each step
    // (a sweep over its members' lifetimes), so a chain that widens for a few
    // steps reserves the wide size only there.
    {
        std::vector<std::vector<Seg>> members(groups.size());
        for (const Lifetime &lt : lts) members[size_t(find(groupOf[size_t(lt.tensor)]))].push_back({lt.first, lt.last, lt.bytes});
        for (size_t i = 0; i < groups.size(); ++i) {
            if (members[i].size() < 2) continue;
            std::vector<std::pair<int, long>> ev;  // (step, +bytes at its first step / -bytes after its last)
            for (const Seg &m : members[i]) {
                ev.push_back({m.first, long(m.bytes)});
                ev.push_back({m.last + 1, -long(m.bytes)});
            }
            std::sort(ev.begin(), ev.end());
            std::multiset<size_t> live;
            std::vector<Seg> &out = groups[i].segs;
            for (size_t e = 0; e < ev.size();) {
                const int at = ev[e].first;
                for (; e < ev.size() && ev[e].first == at; ++e) {
                    if (ev[e].second >= 0) live.insert(size_t(ev[e].second));
                    else live.erase(live.find(size_t(-ev[e].second)));
                }
                if (e == ev.size() || live.empty()) continue;
                const size_t need = *live.rbegin();
                const int end = ev[e].first - 1;
                if (!out.empty() && out.back().bytes == need && out.back().last + 1 == at) out.back().last = end;
                else out.push_back({at, end, need});
            }
        }
    }
    std::vector<std::vector<Item>> byPool(req.pools.size());
    std::vector<std::vector<int>> groupIndex(req.pools.size());
    std::vector<Item> all;
    std::vector<std::pair<int, size_t>> placedAt(groups.size(), {-1, 0});  // group → (pool, item)
    for (size_t i = 0; i < groups.size(); ++i) {
        if (find(int(i)) != int(i)) continue;
        const int pool = poolOf[size_t(groups[i].tensor)];
        placedAt[i] = {pool, byPool[size_t(pool)].size()};
        all.push_back(groups[i]);
        byPool[size_t(pool)].push_back(groups[i]);
    }
    plan.lowerBound = liveBytesBound(all, plan.steps);
    if (profile) {
        *profile = liveBytesPerStep(all, plan.steps);
        std::sort(profile->rbegin(), profile->rend());
    }

    std::vector<Placement> placements(byPool.size());
    for (size_t p = 0; p < byPool.size(); ++p) {
        std::vector<Item> &items = byPool[p];
        countConflicts(items);
        const size_t align = std::max(req.align, req.pools[p].align);
        placements[p] = planPool(items, req.planner, align, plan.steps);
        plan.poolUsed[p] = placements[p].peak;
    }
    std::vector<const BufferShare *> shareOf(g.tensors.size(), nullptr);
    for (const BufferShare &sh : plan.shares) shareOf[size_t(sh.output)] = &sh;
    for (const Lifetime &lt : lts) {
        const auto [pool, item] = placedAt[size_t(find(groupOf[size_t(lt.tensor)]))];
        PlannedBuffer b;
        b.tensor = lt.tensor;
        b.name = g.tensors[size_t(lt.tensor)].name;
        b.pool = pool;
        b.offset = placements[size_t(pool)].offsets[item];
        b.bytes = lt.bytes;
        b.first = lt.first;
        b.last = lt.last;
        if (const BufferShare *sh = shareOf[size_t(lt.tensor)]) {
            b.sharesWith = sh->input;
            b.share = sh->kind;
        }
        plan.buffers.push_back(std::move(b));
    }
    std::sort(plan.buffers.begin(), plan.buffers.end(), [](const PlannedBuffer &a, const PlannedBuffer &b) {
        return std::tie(a.first, a.name, a.tensor) < std::tie(b.first, b.name, b.tensor);
    });

    checkCapacity(plan, d);
    if (!d.ok()) return d;
    // The independent check (PlanChecker.h), always on where it is cheap: a
    // violation is a planner bug, reported rather than emitted as wrong C.
    if (plan.buffers.size() <= 4000)
        if (const std::vector<std::string> v = checkPlan(g, plan, 3); !v.empty()) {
            std::string all;
            for (const std::string &x : v) all += (all.empty() ? "" : "; ") + x;
            d.error("internal error: the memory plan failed its check (" + all +
                    "); please report it, and compile with --in-place off meanwhile");
            return d;
        }
    return plan;
}

}  // namespace

Result<MemoryPlan> planMemory(const Graph &g, const PlanRequest &request) {
    const std::vector<Lifetime> lts = computeLifetimes(g, request.ioInWorkspace);
    Diagnostics d;
    PlanRequest req = withStatePool(g, resolvePinNames(g, request, lts), d);
    checkRequest(g, req, lts, d);
    if (!d.ok()) return d;
    std::vector<size_t> best;
    Result<MemoryPlan> plan = planWithChains(g, req, {}, &best);
    if (!(req.inPlace && req.inPlaceRows && req.fuseRows) || best.empty()) return plan;
    // Step 8a: convolution chains streamed row by row (RowFusion.h), a
    // pinned tensor keeping its buffer. A chain is kept when it makes the
    // bytes live step by step, largest first, smaller (lexicographically):
    // a lower peak, or as high a peak at fewer steps. Fusing two
    // convolutions costs the stack and keeps their input live, which a
    // convolution written over its input (RowInPlace.h) does not need.
    std::vector<char> pinned(g.tensors.size(), 0);
    for (size_t t = 0; t < g.tensors.size(); ++t) pinned[t] = req.pins.count(g.tensors[t].name) ? 1 : 0;
    std::vector<FusedChain> kept;
    for (const FusedChain &c : findFusedChains(g, pinned)) {
        std::vector<FusedChain> trial = kept;
        trial.push_back(c);
        std::sort(trial.begin(), trial.end(), [](const FusedChain &x, const FusedChain &y) { return x.last() < y.last(); });
        std::vector<size_t> profile;
        Result<MemoryPlan> p = planWithChains(g, req, trial, &profile);
        if (profile.empty() || !(profile < best)) continue;  // (a plan over its pool's capacity may still fit fused)
        kept = std::move(trial);
        best = std::move(profile);
        plan = std::move(p);
    }
    return plan;
}

size_t MemoryPlan::totalUsed() const { return std::accumulate(poolUsed.begin(), poolUsed.end(), size_t(0)); }

const PlannedBuffer *MemoryPlan::find(int tensor) const {
    for (const PlannedBuffer &b : buffers)
        if (b.tensor == tensor) return &b;
    return nullptr;
}

std::string MemoryPlan::dump() const {
    size_t wName = 6, wPool = 4;
    for (const PlannedBuffer &b : buffers) wName = std::max(wName, shortTensorName(b.name).size());
    for (const PoolSpec &p : pools) wPool = std::max(wPool, p.name.size());
    std::string s = "memory plan (" + planner + ", " + std::to_string(steps) + " steps)\n";
    s += pad("tensor", wName) + "  " + pad("pool", wPool) + "  " + pad("offset", 8, true) + "  " +
         pad("bytes", 8, true) + "  lifetime\n";
    for (const PlannedBuffer &b : buffers) {
        const std::string pool = b.pool >= 0 && size_t(b.pool) < pools.size() ? pools[size_t(b.pool)].name : "?";
        s += pad(shortTensorName(b.name), wName) + "  " + pad(pool, wPool) + "  " + pad(std::to_string(b.offset), 8, true) + "  " +
             pad(std::to_string(b.bytes), 8, true) + "  " + std::to_string(b.first) + ".." + std::to_string(b.last);
        if (b.sharesWith >= 0) {
            const PlannedBuffer *o = find(b.sharesWith);
            s += std::string(b.share == ShareKind::Alias ? "  alias of " : "  in place over ") +
                 shortTensorName(o ? o->name : std::to_string(b.sharesWith));
        }
        s += "\n";
    }
    for (const FusedChain &c : fused) {
        std::string steps, names;
        for (int k : c.steps) steps += (steps.empty() ? "" : "+") + std::to_string(k);
        for (const std::string &t : c.streamedNames) names += std::string(names.empty() ? "" : ", ") + "'" + shortTensorName(t) + "'";
        s += "fused steps " + steps + ": tensor" + (c.streamed.size() > 1 ? "s " : " ") + names +
             " streamed row by row (no buffer; " + std::to_string(c.stackBytes) + " bytes of stack)\n";
    }
    for (size_t p = 0; p < pools.size() && p < poolUsed.size(); ++p) {
        s += "pool " + pools[p].name + ": " + std::to_string(poolUsed[p]) + " bytes";
        if (pools[p].size) s += " of " + std::to_string(pools[p].size);
        s += "\n";
    }
    char ratio[32] = "n/a";
    if (lowerBound) std::snprintf(ratio, sizeof ratio, "%.3f", double(totalUsed()) / double(lowerBound));
    s += "total: " + std::to_string(totalUsed()) + " bytes planned, lower bound " + std::to_string(lowerBound) +
         " bytes, ratio " + ratio + "\n";
    return s;
}

bool MemoryPlan::checkNoOverlap(std::string *why) const {
    const std::vector<std::string> v = planOverlaps(*this, 1);
    if (!v.empty() && why) *why = v.front();
    return v.empty();
}

}  // namespace ember
