// READ_VARIABLE and ASSIGN_VARIABLE. The importer resolves each resource
// variable (VAR_HANDLE) to a state tensor (Tensor::isVariable) and hands it
// to these ops as input 0, so both are plain copies from or into the state
// pool: READ_VARIABLE copies the variable to its output, ASSIGN_VARIABLE
// copies its value input into the variable (TFLM's MicroResourceVariables
// Read/Assign). CALL_ONCE initialisers become the variables' start-up values.
#include <cstring>

#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

// The variable (input 0) and the tensor copied from or to it.
bool prepareCopy(Graph &g, Op &op, Diagnostics &d, bool assign) {
    const size_t nIn = assign ? 2 : 1, nOut = assign ? 0 : 1;
    if (op.inputs.size() != nIn || op.outputs.size() != nOut || op.inputs[0] < 0)
        return opError(d, g, op,
                       std::string("expects ") + (assign ? "2 inputs (variable, value) and no output"
                                                         : "1 input (variable) and 1 output") +
                           "; the model is malformed");
    const Tensor &var = g.in(op, 0);
    if (!var.isVariable)
        return opError(d, g, op, "input 0 is not a resource variable; the model is malformed", op.inputs[0]);
    const int other = assign ? op.inputs[1] : op.outputs[0];
    if (other < 0) return opError(d, g, op, "the value input is missing; the model is malformed");
    const Tensor &t = g.tensors[size_t(other)];
    if (t.dtype != var.dtype || t.bytes() != var.bytes())
        return opError(d, g, op,
                       std::string(assign ? "assigns " : "reads ") + dtypeName(t.dtype) + " " + shapeString(t.shape) +
                           " but the variable '" + var.name + "' is " + dtypeName(var.dtype) + " " +
                           shapeString(var.shape) + " (TFLM sizes a variable by its first assignment); give every "
                           "assignment and read of a variable the same type and shape",
                       other);
    op.params = var.bytes();  // the copy's size
    return true;
}

bool prepareRead(Graph &g, Op &op, Diagnostics &d) { return prepareCopy(g, op, d, false); }
bool prepareAssign(Graph &g, Op &op, Diagnostics &d) { return prepareCopy(g, op, d, true); }

void evalRead(const Graph &, const Op &op, Buffers &b) { b[size_t(op.outputs[0])] = b[size_t(op.inputs[0])]; }
void evalAssign(const Graph &, const Op &op, Buffers &b) { b[size_t(op.inputs[0])] = b[size_t(op.inputs[1])]; }

void emitRead(const Graph &g, const Op &op, EmitContext &ctx) {
    const Tensor &var = g.in(op, 0);
    ctx.line("/* the variable '" + var.name + "' (" + std::to_string(var.bytes()) + " bytes of state) to the output */");
    ctx.line("memcpy(" + ctx.outputs[0] + ", " + ctx.inputs[0] + ", " + std::to_string(var.bytes()) + ");");
}

void emitAssign(const Graph &g, const Op &op, EmitContext &ctx) {
    const Tensor &var = g.in(op, 0);
    ctx.line("/* the value into the variable '" + var.name + "' (" + std::to_string(var.bytes()) +
             " bytes of state) */");
    ctx.line("memcpy(" + ctx.inputs[0] + ", " + ctx.inputs[1] + ", " + std::to_string(var.bytes()) + ");");
}

}  // namespace

extern const OpKernel kReadVariable, kAssignVariable;
const OpKernel kReadVariable = {OpType::ReadVariable, prepareRead, evalRead, emitRead, nullptr, "any type"};
const OpKernel kAssignVariable = {OpType::AssignVariable, prepareAssign, evalAssign, emitAssign, nullptr,
                                  "any type"};

}  // namespace ember
