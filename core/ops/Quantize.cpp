// Placeholder: not implemented yet. Replace with the real operator (see TEMPLATE.cpp).
#include "OpKernel.h"

namespace ember {

static bool notYet(Graph &, Op &op, Diagnostics &d) {
    auto &e = d.error("operator not implemented yet"); e.opIndex = op.index; e.opName = op.typeName; return false;
}

const OpKernel kQuantize = {OpType::Quantize, notYet, nullptr, nullptr, nullptr};

}  // namespace ember
