// The API-mode decisions (Layout.h), in one place.
#include "Layout.h"

#include <algorithm>

namespace ember::codegen {

Layout decideLayout(const CompileOptions &opts, const Graph &g, const MemoryPlan &plan) {
    Layout m;
    m.packedLayers = opts.operators == OperatorsMode::Packed;
    m.packedEntry = opts.interfaceApi == InterfaceApi::Packed;
    m.packedWrappers = opts.packedWrappers;
    m.ioInWorkspace = opts.plan.ioInWorkspace;
    m.constantsPool = opts.constants == ConstantsPlacement::Pool;
    for (const PoolSpec &p : plan.pools) m.appPools = m.appPools || p.appProvided;

    for (size_t p = 0; p < plan.pools.size() && m.statePool < 0; ++p) {
        const auto inPool = [&](const PlannedBuffer &b) { return size_t(b.pool) == p; };
        if (plan.pools[p].name == kStatePoolName && std::any_of(plan.buffers.begin(), plan.buffers.end(), inPool))
            m.statePool = int(p);
    }
    m.stateAppProvided = m.statePool >= 0 && plan.pools[size_t(m.statePool)].appProvided;
    m.resetOnFirstRun = m.statePool >= 0 && !m.stateAppProvided;

    m.anyPacked = m.packedLayers || m.packedEntry || m.packedWrappers;
    m.layersIncludeRuntime = m.packedLayers;

    const bool cEntry = !m.packedEntry;
    m.runTakesIo = cEntry && !m.ioInWorkspace;
    m.runTakesPools = cEntry && (m.appPools || m.constantsPool);
    m.ioAccessors = cEntry && m.ioInWorkspace;

    for (size_t i = 0; i < g.inputs.size(); ++i) m.entryArgs.push_back({EntryArg::Input, i});
    for (size_t j = 0; j < g.outputs.size(); ++j) m.entryArgs.push_back({EntryArg::Output, j});
    for (size_t p = 0; p < plan.pools.size(); ++p)
        if (plan.pools[p].appProvided) m.entryArgs.push_back({EntryArg::Pool, p});
    if (m.constantsPool) m.entryArgs.push_back({EntryArg::Constants, 0});
    m.entryCopiesIo = m.packedEntry && m.ioInWorkspace;
    m.entryIncludesString = m.entryCopiesIo || m.packedWrappers || m.statePool >= 0;

    m.runWrapper = m.packedWrappers && cEntry;
    m.layerWrappers = m.packedWrappers && !m.packedLayers;
    m.functionTable = m.packedWrappers;

    m.checkedPacked = m.anyPacked && !opts.uncheckedPacked;
    m.entryArgInfos = m.packedWrappers || (m.checkedPacked && m.packedEntry);
    m.layerArgInfos = m.packedWrappers || (m.checkedPacked && m.packedLayers);
    m.checkPools = m.runTakesPools;
    m.lastError = m.checkedPacked || m.checkPools;
    m.errorCodes = m.anyPacked || m.checkPools;

    m.layerArgShapes = m.packedLayers || m.packedWrappers;
    m.ioShapes = m.entryArgInfos;
    m.poolShapes = m.entryArgInfos;
    m.constantsPoolShape = m.constantsPool && (m.packedLayers || m.entryArgInfos);
    return m;
}

size_t Layout::poolArg(size_t p) const {
    for (size_t a = 0; a < entryArgs.size(); ++a)
        if (entryArgs[a].kind == EntryArg::Pool && entryArgs[a].index == p) return a;
    return entryArgs.size();
}

size_t Layout::constantsArg() const {
    for (size_t a = 0; a < entryArgs.size(); ++a)
        if (entryArgs[a].kind == EntryArg::Constants) return a;
    return entryArgs.size();
}

}  // namespace ember::codegen
