// A CONV_2D / DEPTHWISE_CONV_2D layer whose output is written over its input
// (MemoryPlan::shares, --in-place on), row by row as plan/RowInPlace.h
// describes: the op's own emitter writes the code of one output row from a
// window of input rows (the op re-shaped to that window, its top padding
// filled in), and the layer wraps it in the row loop that builds the
// window, saves the input rows the store reaches while later rows still
// read them, and stores the row.
#include "Model.h"

#include "../ops/ConvCommon.h"
#include "../plan/Planner.h"

namespace ember::codegen {

namespace {

std::string n(int64_t v) { return std::to_string(v); }

}  // namespace

WindowedOp convWindow(const Graph &g, const Op &op, int span) {
    // The op on one window: SPAN rows in, one row out, no top padding (the
    // window holds padding rows as the input's zero point, which adds
    // nothing, exactly as the skipped taps of the full op). Its graph holds
    // this op's tensors only (the emitters read its filter and bias, not the
    // rest of the model).
    WindowedOp w;
    w.g.name = g.name;
    w.op = op;
    for (size_t i = 0; i < op.inputs.size(); ++i) {
        if (op.inputs[i] < 0) continue;
        w.op.inputs[i] = int(w.g.tensors.size());
        w.g.tensors.push_back(g.tensors[size_t(op.inputs[i])]);
    }
    const ConvParams &p = std::any_cast<const ConvParams &>(op.params);
    w.op.outputs[0] = int(w.g.tensors.size());
    w.g.tensors.push_back(g.tensors[size_t(op.outputs[0])]);
    Tensor &row = w.g.tensors.back();
    row.shape = {1, 1, p.outW, p.outC};
    row.name += " (row)";
    Tensor &win = w.g.tensors[size_t(w.op.inputs[0])];
    win.shape = {1, span, p.inW, p.inC};
    win.name += " (window)";
    ConvParams rp = p;
    rp.inH = span;
    rp.outH = 1;
    rp.padTop = 0;
    w.op.params = rp;
    return w;
}

std::string indentBody(const std::string &body, const std::string &indent) {
    std::string out;
    size_t at = 0;
    while (at < body.size()) {
        size_t nl = body.find('\n', at);
        if (nl == std::string::npos) nl = body.size();
        const std::string ln = body.substr(at, nl - at);
        out += (ln.empty() ? "" : indent + ln) + "\n";
        at = nl + 1;
    }
    return out;
}

bool Model::emitConvRows(const Op &op, Layer &L, const OpKernel &kernel, Diagnostics &diags) {
    RowSchedule s;
    const ConvParams *pp = std::any_cast<ConvParams>(&op.params);
    if (!pp || !rowInPlaceSchedule(g, op, &s)) {
        Diagnostic &e = diags.error("internal: the plan writes this convolution over its input, but it has no "
                                    "row-by-row schedule; compile with --in-place off and report the model");
        e.opIndex = op.index;
        e.opName = op.typeName;
        return false;
    }
    const ConvParams &p = *pp;
    WindowedOp wo = convWindow(g, op, s.span);
    const Tensor &win = wo.g.tensors[size_t(wo.op.inputs[0])];
    EmitContext sub;
    sub.inputs = L.ctx.inputs;
    sub.inputs[0] = "win";
    sub.outputs = {"row"};
    sub.symbolPrefix = L.ctx.symbolPrefix;
    sub.target = L.ctx.target;
    kernel.emit(wo.g, wo.op, sub);

    const std::string T = dtypeCType(win.dtype);
    const std::string in = L.ctx.inputs[0], out = L.ctx.outputs[0];
    const std::string RI = n(int64_t(s.rowIn)), RO = n(int64_t(s.rowOut));
    // Padding rows: the zero point (int8; TFLM skips those taps, and x - zp = 0), else 0.
    const int64_t pad = win.dtype == DType::Int8 && !win.quant.zeroPoint.empty() ? win.quant.zeroPoint[0] : 0;
    EmitContext &c = L.ctx;
    const std::string stride = n(p.strideH), padTop = n(p.padTop), inH = n(p.inH), R = n(s.ring);
    c.line("/* In place: each output row is computed from a window of the " + n(s.span) +
           " input rows it reads, then stored over the input" +
           (s.descending ? std::string(", from the last row to the first") : "") +
           "; input rows the store reaches while later rows");
    c.line(" * still read them are saved first (" + n(s.ring) + "-row ring). Stack: " + n(int64_t(s.stackBytes)) +
           " bytes. */");
    c.line(T + " win[" + n(int64_t(s.span) * int64_t(s.rowIn)) + "];");
    if (s.ring > 0) c.line(T + " ring[" + n(int64_t(s.ring) * int64_t(s.rowIn)) + "];");
    c.line(T + " row[" + RO + "];");
    // Input rows the stores have reached so far: [0, saved_to) ascending,
    // [saved_from, inH) descending.
    if (s.ring > 0) c.line(s.descending ? "int32_t saved_from = " + inH + ";" : std::string("int32_t saved_to = 0;"));
    if (s.descending)
        c.line("for (int32_t oy = " + n(p.outH - 1) + "; oy >= 0; --oy) {");
    else
        c.line("for (int32_t oy = 0; oy < " + n(p.outH) + "; ++oy) {");
    c.line("for (int32_t k = 0; k < " + n(s.span) + "; ++k) {", 2);
    c.line("const int32_t iy = oy * " + stride + " - " + padTop + " + k;", 3);
    c.line(T + " *const dst = win + k * " + RI + ";", 3);
    c.line("if (iy < 0 || iy >= " + inH + ") {", 3);
    if (pad == 0)
        c.line("memset(dst, 0, " + RI + " * sizeof(" + T + "));", 4);
    else
        c.line("memset(dst, (unsigned char)(" + n(pad) + "), " + RI + ");", 4);
    if (s.ring > 0) {
        c.line(s.descending ? "} else if (iy >= saved_from) {" : "} else if (iy < saved_to) {", 3);
        c.line("memcpy(dst, ring + (iy % " + R + ") * " + RI + ", " + RI + " * sizeof(" + T + "));", 4);
    }
    c.line("} else {", 3);
    c.line("memcpy(dst, " + in + " + iy * " + RI + ", " + RI + " * sizeof(" + T + "));", 4);
    c.line("}", 3);
    c.line("}", 2);
    c.line("{", 2);
    c.body += indentBody(sub.body, "        ");
    c.line("}", 2);
    if (s.ring > 0 && !s.descending) {
        c.line("{", 2);
        c.line("/* input rows the store below reaches */", 3);
        c.line("int32_t end = ((oy + 1) * " + RO + " + " + RI + " - 1) / " + RI + ";", 3);
        c.line("if (end > " + inH + ") end = " + inH + ";", 3);
        c.line("for (int32_t iy = saved_to; iy < end; ++iy)", 3);
        c.line("if (iy >= (oy + 1) * " + stride + " - " + padTop + ") memcpy(ring + (iy % " + R + ") * " + RI +
                   ", " + in + " + iy * " + RI + ", " + RI + " * sizeof(" + T + "));",
               4);
        c.line("if (end > saved_to) saved_to = end;", 3);
        c.line("}", 2);
    } else if (s.ring > 0) {
        c.line("{", 2);
        c.line("/* input rows the store below reaches that rows 0 .. oy - 1 still read */", 3);
        c.line("const int32_t begin = oy * " + RO + " / " + RI + ";", 3);
        c.line("for (int32_t iy = begin; iy < saved_from; ++iy)", 3);
        c.line("if (iy <= (oy - 1) * " + stride + " - " + padTop + " + " + n(s.span - 1) + ") memcpy(ring + (iy % " + R +
                   ") * " + RI + ", " + in + " + iy * " + RI + ", " + RI + " * sizeof(" + T + "));",
               4);
        c.line("if (begin < saved_from) saved_from = begin;", 3);
        c.line("}", 2);
    }
    c.line("memcpy(" + out + " + oy * " + RO + ", row, " + RO + " * sizeof(" + T + "));", 2);
    c.line("}");
    for (ConstArray &a : sub.constants) c.constants.push_back(std::move(a));
    for (auto &h : sub.helpers) c.helpers.push_back(std::move(h));
    return true;
}

}  // namespace ember::codegen
