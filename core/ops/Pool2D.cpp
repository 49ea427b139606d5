// Placeholder: not implemented yet. Replace with the real operator (see TEMPLATE.cpp).
#include "OpKernel.h"

namespace ember {

static bool notYet(Graph &, Op &op, Diagnostics &d) {
    auto &e = d.error("operator not implemented yet"); e.opIndex = op.index; e.opName = op.typeName; return false;
}

const OpKernel kAveragePool2D = {OpType::AveragePool2D, notYet, nullptr, nullptr, nullptr};
const OpKernel kMaxPool2D = {OpType::MaxPool2D, notYet, nullptr, nullptr, nullptr};

}  // namespace ember
