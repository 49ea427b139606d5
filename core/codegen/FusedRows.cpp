// A fused convolution chain (plan/RowFusion.h, --in-place fuse) as one layer
// function: for each output row, the window of the intermediate tensor Y
// slides down (rows kept from the last output row move up; each new row of
// Y is computed from a window of X by the first convolution's own emitter),
// the second convolution's emitter writes one row of Z from that window,
// and an ADD in the chain adds it to the residual's row, straight into the
// output (which may be the residual's own buffer: MemoryPlan::shares).
#include "Model.h"

#include <algorithm>

#include "CText.h"
#include "../ops/ConvCommon.h"

namespace ember::codegen {

namespace {

std::string n(int64_t v) { return std::to_string(v); }

// Padding rows of a window: the zero point for int8 (TFLM skips those taps,
// and x - zp adds nothing), else 0.
std::string padRow(const Tensor &t, const std::string &dst, int64_t elements) {
    const int64_t zp = t.dtype == DType::Int8 && !t.quant.zeroPoint.empty() ? t.quant.zeroPoint[0] : 0;
    const std::string T = dtypeCType(t.dtype);
    if (zp == 0) return "memset(" + dst + ", 0, " + n(elements) + " * sizeof(" + T + "));";
    return "memset(" + dst + ", (unsigned char)(" + n(zp) + "), " + n(elements) + ");";
}

}  // namespace

bool Model::emitFusedLayer(const FusedChain &ch, const std::string &function, const std::vector<int> &shared,
                           Diagnostics &diags) {
    const Op &P = g.ops[size_t(ch.steps[0])];
    const Op &C = g.ops[size_t(ch.steps[1])];
    const Op *A = ch.steps.size() > 2 ? &g.ops[size_t(ch.steps[2])] : nullptr;
    const Op &last = A ? *A : C;
    const OpKernel *kp = findKernel(P.type), *kc = findKernel(C.type), *ka = A ? findKernel(A->type) : nullptr;
    if (!kp || !kp->emit || !kc || !kc->emit || (A && (!ka || !ka->emit || !ka->prepare))) {
        Diagnostic &e = diags.error("internal: a fused convolution chain has an op without a C emitter; compile "
                                    "with --in-place on and report the model");
        e.opIndex = last.index;
        e.opName = last.typeName;
        return false;
    }
    const ConvParams &pa = std::any_cast<const ConvParams &>(P.params);
    const ConvParams &pb = std::any_cast<const ConvParams &>(C.params);
    const int X = ch.input, R = ch.residual, Out = ch.output;
    const Tensor &tx = g.tensors[size_t(X)], &ty = g.tensors[size_t(ch.streamed[0])];
    const std::string T = dtypeCType(tx.dtype);
    auto isShared = [&](int t) { return std::find(shared.begin(), shared.end(), t) != shared.end(); };

    Layer L;
    L.op = &last;
    L.chain = {&P, &C};
    if (A) L.chain.push_back(A);
    L.function = function;
    L.ctx.symbolPrefix = function;
    L.ctx.target = opts.target;
    auto param = [&](int t, const std::string &name, bool output) {
        const bool writable = output || g.tensors[size_t(t)].isVariable;
        L.params.push_back(std::string(writable ? "" : "const ") + dtypeCType(g.tensors[size_t(t)].dtype) +
                           (isShared(t) ? " *" : " *restrict ") + name);
        L.argTensors.push_back(t);
        L.argIsOutput.push_back(output);
        (output ? L.ctx.outputs : L.ctx.inputs).push_back(name);
    };
    param(X, "in0", false);
    if (R >= 0 && R != X) param(R, "in1", false);
    param(Out, "out0", true);
    const std::string xName = "in0", rName = R == X ? "in0" : "in1";

    // Each op's code on its window, under its own symbol prefix.
    auto sub = [&](const Op &wop, const std::vector<std::string> &ins,
                   const std::string &out, const std::string &suffix) {
        EmitContext c;
        for (size_t i = 0; i < wop.inputs.size(); ++i) {
            const int t = i < ins.size() ? -1 : wop.inputs[i];
            if (i < ins.size()) c.inputs.push_back(ins[i]);
            else if (t < 0) c.inputs.push_back("0");
            else c.inputs.push_back("");  // filled below from the model's constants
        }
        c.outputs = {out};
        c.symbolPrefix = function + "_" + suffix;
        c.target = opts.target;
        return c;
    };
    // Constant inputs keep the model's arrays.
    auto constInputs = [&](const Op &op, EmitContext &c) {
        for (size_t i = 0; i < op.inputs.size(); ++i)
            if (c.inputs[i].empty()) c.inputs[i] = constSymbol[size_t(op.inputs[i])];
    };
    WindowedOp wa = convWindow(g, P, ch.spanIn);
    EmitContext ca = sub(wa.op, {"xw"}, "yrow", "a");
    constInputs(P, ca);
    kp->emit(wa.g, wa.op, ca);
    WindowedOp wb = convWindow(g, C, ch.spanMid);
    EmitContext cb = sub(wb.op, {"ywin"}, A ? "zrow" : "orow", "b");
    constInputs(C, cb);
    kc->emit(wb.g, wb.op, cb);
    EmitContext cc;
    if (A) {
        // The ADD on one row: its tensors re-shaped to [1, 1, W, C], prepared again.
        Graph w;
        w.name = g.name;
        Op rop = *A;
        std::vector<std::string> names;
        for (size_t i = 0; i < A->inputs.size(); ++i) {
            rop.inputs[i] = int(w.tensors.size());
            w.tensors.push_back(g.tensors[size_t(A->inputs[i])]);
            w.tensors.back().shape = {1, 1, pb.outW, pb.outC};
            names.push_back(A->inputs[i] == R ? "rrow" : "zrow");
        }
        rop.outputs[0] = int(w.tensors.size());
        w.tensors.push_back(g.tensors[size_t(Out)]);
        w.tensors.back().shape = {1, 1, pb.outW, pb.outC};
        Diagnostics pd;
        if (!ka->prepare(w, rop, pd)) {
            Diagnostic &e = diags.error("internal: the ADD of a fused convolution chain does not prepare on one row; "
                                        "compile with --in-place on and report the model");
            e.opIndex = A->index;
            e.opName = A->typeName;
            return false;
        }
        cc = sub(rop, names, "orow", "c");
        ka->emit(w, rop, cc);
    }

    const int64_t RX = int64_t(pa.inW) * pa.inC, RY = int64_t(pa.outW) * pa.outC, RZ = int64_t(pb.outW) * pb.outC;
    const int SA = ch.spanIn, SB = ch.spanMid;
    EmitContext &c = L.ctx;
    std::string names;
    for (const std::string &s : ch.streamedNames) names += (names.empty() ? "'" : " and '") + commentSafe(s) + "'";
    c.line("/* Fused: " + P.typeName + ", " + C.typeName + (A ? ", " + A->typeName : std::string()) +
           ", one output row at a time; " + names + " never exist whole. The window of " + n(SB) +
           " rows of the second convolution's input slides down (each of its rows is computed once, from a window of " +
           n(SA) + " input rows);");
    c.line(" * stack: " + n(int64_t(ch.stackBytes)) + " bytes." +
           (R >= 0 && isShared(R) && isShared(Out) ? " The output is stored over the residual input, row by row." : "") +
           " */");
    c.line(T + " xwin[" + n(SA * RX) + "];");
    c.line(T + " ywin[" + n(SB * RY) + "];");
    if (A) c.line(T + " zrow[" + n(RZ) + "];");
    c.line("for (int32_t oy = 0; oy < " + n(pb.outH) + "; ++oy) {");
    c.line("const int32_t top = oy * " + n(pb.strideH) + " - " + n(pb.padTop) + ";", 2);
    c.line("int32_t k0 = 0;", 2);
    if (pb.strideH < SB) {
        c.line("if (oy > 0) {", 2);
        c.line("/* rows the last window already holds */", 3);
        c.line("memmove(ywin, ywin + " + n(int64_t(pb.strideH) * RY) + ", " + n(int64_t(SB - pb.strideH) * RY) +
                   " * sizeof(" + T + "));",
               3);
        c.line("k0 = " + n(SB - pb.strideH) + ";", 3);
        c.line("}", 2);
    }
    c.line("for (int32_t k = k0; k < " + n(SB) + "; ++k) {", 2);
    c.line("const int32_t yy = top + k;", 3);
    c.line(T + " *const yrow = ywin + k * " + n(RY) + ";", 3);
    c.line("if (yy < 0 || yy >= " + n(pa.outH) + ") {", 3);
    c.line(padRow(ty, "yrow", RY), 4);
    c.line("continue;", 4);
    c.line("}", 3);
    c.line("{", 3);
    c.line("/* row yy of '" + commentSafe(ty.name) + "' (" + P.typeName + ") from input rows xt .. xt + " +
               n(SA - 1) + " */",
           4);
    c.line("const int32_t xt = yy * " + n(pa.strideH) + " - " + n(pa.padTop) + ";", 4);
    c.line("const " + T + " *xw = xwin;", 4);
    c.line("if (xt >= 0 && xt + " + n(SA) + " <= " + n(pa.inH) + ") {", 4);
    c.line("xw = " + xName + " + xt * " + n(RX) + ";", 5);
    c.line("} else {", 4);
    c.line("for (int32_t j = 0; j < " + n(SA) + "; ++j) {", 5);
    c.line("const int32_t xy = xt + j;", 6);
    c.line("if (xy < 0 || xy >= " + n(pa.inH) + ") " + padRow(tx, "xwin + j * " + n(RX), RX), 6);
    c.line("else memcpy(xwin + j * " + n(RX) + ", " + xName + " + xy * " + n(RX) + ", " + n(RX) + " * sizeof(" + T +
               "));",
           6);
    c.line("}", 5);
    c.line("}", 4);
    c.line("{", 4);
    c.body += indentBody(ca.body, "                ");
    c.line("}", 4);
    c.line("}", 3);
    c.line("}", 2);
    c.line("{", 2);
    if (A) {
        c.line("/* row oy of '" + commentSafe(g.tensors[size_t(ch.streamed[1])].name) + "' (" + C.typeName + ") */", 3);
    } else {
        c.line("/* row oy of the output (" + C.typeName + ") */", 3);
        c.line(T + " *const orow = out0 + oy * " + n(RZ) + ";", 3);
    }
    c.line("{", 3);
    c.body += indentBody(cb.body, "            ");
    c.line("}", 3);
    c.line("}", 2);
    if (A) {
        c.line("{", 2);
        c.line("/* " + A->typeName + " '" + commentSafe(g.layerName(*A)) + "' on row oy */", 3);
        c.line("const " + T + " *const rrow = " + rName + " + oy * " + n(RZ) + ";", 3);
        c.line(T + " *const orow = out0 + oy * " + n(RZ) + ";", 3);
        c.line("{", 3);
        c.body += indentBody(cc.body, "            ");
        c.line("}", 3);
        c.line("}", 2);
    }
    c.line("}");
    for (EmitContext *s : {&ca, &cb, &cc}) {
        for (ConstArray &a : s->constants) c.constants.push_back(std::move(a));
        for (auto &h : s->helpers) c.addHelper(h.first, h.second);
    }
    layers.push_back(std::move(L));
    return true;
}

}  // namespace ember::codegen
