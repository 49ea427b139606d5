// TFLite_Detection_PostProcess (custom op; TFLM detection_postprocess.cc):
// SSD box decoding and non-maximum suppression.
//  1. decode: each box encoding (y, x, h, w) against its anchor (y, x, h, w)
//     into corners, in double as TFLM does (exp from libm);
//  2. NMS, fast (per anchor the top max_classes_per_detection classes, one NMS
//     over the best class score) or regular (one NMS per class, the best
//     max_detections over all classes);
//  3. four float32 outputs: boxes [.., 4], classes, scores, num_detections.
// Orderings match TFLM exactly: NMS candidates by a stable descending sort
// of the scores (TFLM's merge sort is stable), top-k selections by score and
// then lowest index (TFLM's partial sort uses that total order).
// Inputs must be float32 (TFLM refuses quantized ones). The options come as
// a FlexBuffer map in the custom options.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include <flatbuffers/flexbuffers.h>

#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    int maxDetections = 0, maxClassesPerDetection = 0, detectionsPerClass = 100;
    float scoreThreshold = 0.f, iouThreshold = 0.f;
    int numClasses = 0;
    bool regular = false;
    float yScale = 0.f, xScale = 0.f, hScale = 0.f, wScale = 0.f;
    // derived
    int numBoxes = 0, encStride = 4, classesWithBg = 0, labelOffset = 0, perAnchor = 1;
    int outCount = 0;  // detections the output tensors hold
};

bool readOptions(const std::vector<uint8_t> &buf, Params *p) {
    if (buf.empty() || !flexbuffers::VerifyBuffer(buf.data(), buf.size())) return false;
    const flexbuffers::Map m = flexbuffers::GetRoot(buf.data(), buf.size()).AsMap();
    p->maxDetections = m["max_detections"].AsInt32();
    p->maxClassesPerDetection = m["max_classes_per_detection"].AsInt32();
    if (!m["detections_per_class"].IsNull()) p->detectionsPerClass = m["detections_per_class"].AsInt32();
    if (!m["use_regular_nms"].IsNull()) p->regular = m["use_regular_nms"].AsBool();
    p->scoreThreshold = m["nms_score_threshold"].AsFloat();
    p->iouThreshold = m["nms_iou_threshold"].AsFloat();
    p->numClasses = m["num_classes"].AsInt32();
    p->yScale = m["y_scale"].AsFloat();
    p->xScale = m["x_scale"].AsFloat();
    p->hScale = m["h_scale"].AsFloat();
    p->wScale = m["w_scale"].AsFloat();
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const std::string name = "detection post-processing";
    if (op.inputs.size() != 3 || op.outputs.size() != 4)
        return opError(d, g, op, name + " expects 3 inputs (box encodings, class scores, anchors) and 4 outputs");
    for (size_t i = 0; i < 3; ++i)
        if (!g.hasInput(op, i)) return opError(d, g, op, name + " input " + std::to_string(i + 1) + " is missing");
    for (int o : op.outputs)
        if (o < 0) return opError(d, g, op, name + " needs all 4 outputs");
    Params p;
    if (!readOptions(op.attrs.customOptions, &p))
        return opError(d, g, op, name + " has no valid FlexBuffer options; re-export the model");
    const Tensor &enc = g.in(op, 0), &cls = g.in(op, 1), &anchors = g.in(op, 2);
    for (size_t i = 0; i < 3; ++i)
        if (g.in(op, i).dtype != DType::Float32)
            return opError(d, g, op,
                           name + " needs float32 inputs (TFLM does not decode " + dtypeName(g.in(op, i).dtype) +
                               "); dequantize before the op",
                           op.inputs[i]);
    if (enc.shape.size() != 3 || cls.shape.size() != 3 || anchors.shape.size() != 2)
        return opError(d, g, op, name + " needs 3-D box encodings and class scores and 2-D anchors", op.inputs[0]);
    if (enc.shape[0] != 1 || cls.shape[0] != 1)
        return opError(d, g, op, name + " supports batch 1 only", op.inputs[0]);
    if (enc.shape[2] < 4) return opError(d, g, op, "box encodings need at least 4 values per box", op.inputs[0]);
    p.numBoxes = enc.shape[1];
    if (p.numBoxes < 1) return opError(d, g, op, name + " needs at least one box", op.inputs[0]);
    p.encStride = enc.shape[2];
    if (cls.shape[1] != p.numBoxes)
        return opError(d, g, op, "class scores and box encodings disagree on the number of boxes", op.inputs[1]);
    if (anchors.shape != Shape{p.numBoxes, 4})
        return opError(d, g, op, "anchors must be [" + std::to_string(p.numBoxes) + ",4], not " +
                                     shapeString(anchors.shape), op.inputs[2]);
    p.classesWithBg = cls.shape[2];
    if (p.numClasses <= 0 || p.classesWithBg - p.numClasses < 0 || p.classesWithBg - p.numClasses > 1)
        return opError(d, g, op,
                       "num_classes " + std::to_string(p.numClasses) + " does not fit " +
                           std::to_string(p.classesWithBg) + " class scores per box (at most one background class)",
                       op.inputs[1]);
    p.labelOffset = p.classesWithBg - p.numClasses;
    if (p.maxDetections < 0) return opError(d, g, op, "max_detections must not be negative");
    if (!(p.iouThreshold > 0.f && p.iouThreshold <= 1.f))
        return opError(d, g, op, "nms_iou_threshold must be in (0, 1]");
    if (p.regular && p.detectionsPerClass <= 0) return opError(d, g, op, "detections_per_class must be positive");
    if (!p.regular && p.maxClassesPerDetection <= 0)
        return opError(d, g, op, "max_classes_per_detection must be positive");
    p.perAnchor = p.regular ? 1 : std::min(p.maxClassesPerDetection, p.numClasses);
    // TFLM's fast path writes detection k of anchor i at perAnchor * (i * perAnchor + k) + k, so its
    // outputs must hold perAnchor^2 * max_detections entries.
    const int64_t needed = int64_t(p.maxDetections) * p.perAnchor * p.perAnchor;
    const Tensor &boxes = g.out(op, 0), &classes = g.out(op, 1), &scores = g.out(op, 2), &num = g.out(op, 3);
    for (int o : op.outputs)
        if (g.tensors[size_t(o)].dtype != DType::Float32)
            return opError(d, g, op, name + " outputs are float32", o);
    p.outCount = int(classes.elements());
    if (scores.elements() != p.outCount || boxes.elements() != 4 * int64_t(p.outCount) || num.elements() != 1)
        return opError(d, g, op, "the outputs must be boxes [1,D,4], classes [1,D], scores [1,D] and one count",
                       op.outputs[0]);
    if (p.outCount < needed)
        return opError(d, g, op,
                       "the outputs hold " + std::to_string(p.outCount) + " detections but TFLM writes up to " +
                           std::to_string(needed),
                       op.outputs[1]);
    op.params = p;
    return true;
}

// --- reference -------------------------------------------------------------

struct Outputs {
    float *boxes, *classes, *scores, *num;
};

float iou(const float *boxes, int i, int j) {
    const float *a = boxes + 4 * i, *b = boxes + 4 * j;
    const float areaI = (a[2] - a[0]) * (a[3] - a[1]);
    const float areaJ = (b[2] - b[0]) * (b[3] - b[1]);
    if (areaI <= 0 || areaJ <= 0) return 0.0f;
    const float y0 = std::max<float>(a[0], b[0]), x0 = std::max<float>(a[1], b[1]);
    const float y1 = std::min<float>(a[2], b[2]), x1 = std::min<float>(a[3], b[3]);
    const float inter = std::max<float>(y1 - y0, 0.0f) * std::max<float>(x1 - x0, 0.0f);
    return inter / (areaI + areaJ - inter);
}

// Indices of the `k` largest values (ties: lower index first), in order.
void topK(const float *v, int n, int k, int *idx) {
    std::iota(idx, idx + n, 0);
    std::partial_sort(idx, idx + k, idx + n, [&](int i, int j) { return v[i] > v[j] || (v[i] == v[j] && i < j); });
}

std::vector<int> nms(const Params &p, const float *boxes, const float *scores, int maxDet) {
    std::vector<int> keep;
    for (int i = 0; i < p.numBoxes; ++i)
        if (scores[i] >= p.scoreThreshold) keep.push_back(i);
    std::stable_sort(keep.begin(), keep.end(), [&](int a, int b) { return scores[a] > scores[b]; });
    const size_t outSize = std::min(keep.size(), size_t(maxDet));
    std::vector<char> active(keep.size(), 1);
    size_t numActive = keep.size();
    std::vector<int> selected;
    for (size_t i = 0; i < keep.size(); ++i) {
        if (numActive == 0 || selected.size() >= outSize) break;
        if (!active[i]) continue;
        selected.push_back(keep[i]);
        active[i] = 0;
        --numActive;
        for (size_t j = i + 1; j < keep.size(); ++j)
            if (active[j] && iou(boxes, keep[i], keep[j]) > p.iouThreshold) {
                active[j] = 0;
                --numActive;
            }
    }
    return selected;
}

void evalRegular(const Params &p, const float *boxes, const float *scores, const Outputs &out) {
    std::vector<int> boxIndex;  // anchor * classesWithBg + class + labelOffset
    std::vector<float> boxScore;
    std::vector<float> classScores(size_t(p.numBoxes));
    for (int c = 0; c < p.numClasses; ++c) {
        for (int b = 0; b < p.numBoxes; ++b) classScores[size_t(b)] = scores[b * p.classesWithBg + c + p.labelOffset];
        for (int s : nms(p, boxes, classScores.data(), p.detectionsPerClass)) {
            boxIndex.push_back(s * p.classesWithBg + c + p.labelOffset);
            boxScore.push_back(classScores[size_t(s)]);
        }
        const int n = int(boxIndex.size()), k = std::min(n, p.maxDetections);
        std::vector<int> order(static_cast<size_t>(n));
        topK(boxScore.data(), n, k, order.data());
        std::vector<int> idx(static_cast<size_t>(k));
        std::vector<float> val(static_cast<size_t>(k));
        for (int r = 0; r < k; ++r) {
            idx[size_t(r)] = boxIndex[size_t(order[size_t(r)])];
            val[size_t(r)] = boxScore[size_t(order[size_t(r)])];
        }
        boxIndex = idx;
        boxScore = val;
    }
    for (size_t r = 0; r < boxIndex.size(); ++r) {
        const int anchor = boxIndex[r] / p.classesWithBg;
        std::memcpy(out.boxes + 4 * r, boxes + 4 * anchor, 4 * sizeof(float));
        out.classes[r] = float(boxIndex[r] - anchor * p.classesWithBg - p.labelOffset);
        out.scores[r] = boxScore[r];
    }
    out.num[0] = float(boxIndex.size());
}

void evalFast(const Params &p, const float *boxes, const float *scores, const Outputs &out) {
    std::vector<int> classOrder(size_t(p.numBoxes) * size_t(p.numClasses));
    std::vector<float> maxScores(size_t(p.numBoxes));
    for (int b = 0; b < p.numBoxes; ++b) {
        const float *s = scores + b * p.classesWithBg + p.labelOffset;
        int *order = classOrder.data() + b * p.numClasses;
        topK(s, p.numClasses, p.perAnchor, order);
        maxScores[size_t(b)] = s[order[0]];
    }
    int written = 0;
    for (int sel : nms(p, boxes, maxScores.data(), p.maxDetections)) {
        const float *s = scores + sel * p.classesWithBg + p.labelOffset;
        const int *order = classOrder.data() + sel * p.numClasses;
        for (int c = 0; c < p.perAnchor; ++c) {
            const int at = p.perAnchor * written + c;
            std::memcpy(out.boxes + 4 * at, boxes + 4 * sel, 4 * sizeof(float));
            out.classes[at] = float(order[c]);
            out.scores[at] = s[order[c]];
            ++written;
        }
    }
    out.num[0] = float(written);
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const auto *enc = reinterpret_cast<const float *>(b[size_t(op.inputs[0])].data());
    const auto *scores = reinterpret_cast<const float *>(b[size_t(op.inputs[1])].data());
    const auto *anchors = reinterpret_cast<const float *>(b[size_t(op.inputs[2])].data());
    Outputs out;
    float **ptrs[4] = {&out.boxes, &out.classes, &out.scores, &out.num};
    for (size_t i = 0; i < 4; ++i) {
        auto &buf = b[size_t(op.outputs[i])];
        std::fill(buf.begin(), buf.end(), 0);  // slots TFLM does not write stay zero
        *ptrs[i] = reinterpret_cast<float *>(buf.data());
    }
    std::vector<float> boxes(size_t(p.numBoxes) * 4);
    bool valid = true;
    for (int i = 0; i < p.numBoxes; ++i) {
        const float *e = enc + i * p.encStride, *a = anchors + 4 * i;
        const auto yc = float(double(e[0]) / double(p.yScale) * double(a[2]) + double(a[0]));
        const auto xc = float(double(e[1]) / double(p.xScale) * double(a[3]) + double(a[1]));
        const auto hh = float(0.5 * std::exp(double(e[2]) / double(p.hScale)) * double(a[2]));
        const auto hw = float(0.5 * std::exp(double(e[3]) / double(p.wScale)) * double(a[3]));
        float *box = boxes.data() + 4 * i;
        box[0] = yc - hh;
        box[1] = xc - hw;
        box[2] = yc + hh;
        box[3] = xc + hw;
        if (box[0] >= box[2] || box[1] >= box[3]) valid = false;
    }
    if (!valid) return;  // TFLM fails the invoke; the generated code returns an error
    if (p.regular)
        evalRegular(p, boxes.data(), scores, out);
    else
        evalFast(p, boxes.data(), scores, out);
}

// --- C emission ------------------------------------------------------------

const char *kHelpers = R"(/* TFLite_Detection_PostProcess helpers (TFLM detection_postprocess.cc) */
static float ember_dpp_iou(const float *boxes, int32_t i, int32_t j)
{
    const float *a = boxes + 4 * i, *b = boxes + 4 * j;
    float area_i = (a[2] - a[0]) * (a[3] - a[1]);
    float area_j = (b[2] - b[0]) * (b[3] - b[1]);
    float y0, x0, y1, x1, h, w, inter;
    if (area_i <= 0 || area_j <= 0) return 0.0f;
    y0 = a[0] < b[0] ? b[0] : a[0];
    x0 = a[1] < b[1] ? b[1] : a[1];
    y1 = b[2] < a[2] ? b[2] : a[2];
    x1 = b[3] < a[3] ? b[3] : a[3];
    h = y1 - y0;
    w = x1 - x0;
    inter = (h < 0.0f ? 0.0f : h) * (w < 0.0f ? 0.0f : w);
    return inter / (area_i + area_j - inter);
}

/* idx[0..k) = indices of the k largest v (ties: lower index first) */
static void ember_dpp_topk(const float *v, int32_t n, int32_t k, int32_t *idx)
{
    int32_t r, s;
    for (r = 0; r < n; ++r) idx[r] = r;
    for (r = 0; r < k; ++r) {
        int32_t best = r, t;
        for (s = r + 1; s < n; ++s) {
            float a = v[idx[s]], b = v[idx[best]];
            if (a > b || (a == b && idx[s] < idx[best])) best = s;
        }
        t = idx[r];
        idx[r] = idx[best];
        idx[best] = t;
    }
}

/* Single-class NMS: candidates >= score_thr by a stable descending sort of
   their scores (bottom-up merge sort), greedy IoU suppression. Returns the
   number of boxes written to selected. */
static int32_t ember_dpp_nms(const float *boxes, const float *scores, int32_t num_boxes, int32_t max_det,
                             float score_thr, float iou_thr, int32_t *keep, int32_t *order, int32_t *tmp,
                             uint8_t *active, int32_t *selected)
{
    int32_t kept = 0, i, j, width, out_size, num_active, num_selected = 0;
    for (i = 0; i < num_boxes; ++i)
        if (scores[i] >= score_thr) keep[kept++] = i;
    for (i = 0; i < kept; ++i) order[i] = keep[i];
    for (width = 1; width < kept; width *= 2) {
        int32_t lo;
        for (lo = 0; lo < kept; lo += 2 * width) {
            int32_t mid = lo + width < kept ? lo + width : kept;
            int32_t hi = lo + 2 * width < kept ? lo + 2 * width : kept;
            int32_t a = lo, b = mid, k = lo;
            while (k < hi) {
                if (a < mid && (b >= hi || !(scores[order[b]] > scores[order[a]])))
                    tmp[k++] = order[a++];
                else
                    tmp[k++] = order[b++];
            }
        }
        for (i = 0; i < kept; ++i) order[i] = tmp[i];
    }
    out_size = kept < max_det ? kept : max_det;
    num_active = kept;
    for (i = 0; i < kept; ++i) active[i] = 1;
    for (i = 0; i < kept; ++i) {
        if (num_active == 0 || num_selected >= out_size) break;
        if (!active[i]) continue;
        selected[num_selected++] = order[i];
        active[i] = 0;
        --num_active;
        for (j = i + 1; j < kept; ++j) {
            if (active[j] && ember_dpp_iou(boxes, order[i], order[j]) > iou_thr) {
                active[j] = 0;
                --num_active;
            }
        }
    }
    return num_selected;
}
)";

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ctx.addHelper("ember_dpp", kHelpers);
    const std::string N = std::to_string(p.numBoxes), C = std::to_string(p.classesWithBg);
    const std::string &enc = ctx.inputs[0], &sc = ctx.inputs[1], &anc = ctx.inputs[2];
    const std::string &ob = ctx.outputs[0], &oc = ctx.outputs[1], &os = ctx.outputs[2], &on = ctx.outputs[3];
    (void)g;
    ctx.line("/* TFLite_Detection_PostProcess: " + N + " boxes, " + std::to_string(p.numClasses) + " classes" +
             (p.labelOffset ? " + background" : "") + ", " + (p.regular ? "regular" : "fast") + " NMS, " +
             std::to_string(p.maxDetections) + " detections; scratch in static arrays */");
    const int sortLen = p.regular ? std::max(1, p.maxDetections + std::min(p.detectionsPerClass, p.numBoxes)) : 1;
    ctx.line("static float boxes[" + std::to_string(4 * p.numBoxes) + "];");
    ctx.line("static float best[" + N + "];");
    ctx.line("static int32_t keep[" + N + "], order[" + N + "], tmp[" + N + "], selected[" + N + "];");
    ctx.line("static uint8_t active[" + N + "];");
    if (p.regular) {
        const std::string L = std::to_string(sortLen);
        ctx.line("static int32_t box_index[" + L + "], rank[" + L + "], new_index[" + L + "];");
        ctx.line("static float box_score[" + L + "], new_score[" + L + "];");
    } else {
        ctx.line("static int32_t class_order[" + std::to_string(p.numBoxes * p.numClasses) + "];");
    }
    ctx.line("int32_t i, c, n, count = 0;");
    // Slots TFLM does not write keep zero.
    ctx.line("for (i = 0; i < " + std::to_string(4 * p.outCount) + "; ++i) " + ob + "[i] = 0.0f;");
    ctx.line("for (i = 0; i < " + std::to_string(p.outCount) + "; ++i) " + oc + "[i] = " + os + "[i] = 0.0f;");
    ctx.line(on + "[0] = 0.0f;");
    ctx.line("/* decode (y, x, h, w) against the anchors, in double as TFLM */");
    ctx.line("for (i = 0; i < " + N + "; ++i) {");
    ctx.line("const float *e = " + enc + " + i * " + std::to_string(p.encStride) + ", *a = " + anc + " + 4 * i;", 2);
    ctx.line("float yc = (float)((double)e[0] / (double)" + cFloat(p.yScale) + " * (double)a[2] + (double)a[0]);", 2);
    ctx.line("float xc = (float)((double)e[1] / (double)" + cFloat(p.xScale) + " * (double)a[3] + (double)a[1]);", 2);
    ctx.line("float hh = (float)(0.5 * exp((double)e[2] / (double)" + cFloat(p.hScale) + ") * (double)a[2]);", 2);
    ctx.line("float hw = (float)(0.5 * exp((double)e[3] / (double)" + cFloat(p.wScale) + ") * (double)a[3]);", 2);
    ctx.line("boxes[4 * i] = yc - hh;", 2);
    ctx.line("boxes[4 * i + 1] = xc - hw;", 2);
    ctx.line("boxes[4 * i + 2] = yc + hh;", 2);
    ctx.line("boxes[4 * i + 3] = xc + hw;", 2);
    ctx.line("if (boxes[4 * i] >= boxes[4 * i + 2] || boxes[4 * i + 1] >= boxes[4 * i + 3]) return -1; "
             "/* invalid box: TFLM fails too */",
             2);
    ctx.line("}");
    const std::string nmsArgs = cFloat(p.scoreThreshold) + ", " + cFloat(p.iouThreshold) +
                                ", keep, order, tmp, active, selected);";
    const std::string lo = std::to_string(p.labelOffset);
    if (p.regular) {
        ctx.line("/* regular NMS: per class, then the best " + std::to_string(p.maxDetections) + " overall */");
        ctx.line("for (c = 0; c < " + std::to_string(p.numClasses) + "; ++c) {");
        ctx.line("int32_t k;", 2);
        ctx.line("for (i = 0; i < " + N + "; ++i) best[i] = " + sc + "[i * " + C + " + c + " + lo + "];", 2);
        ctx.line("n = ember_dpp_nms(boxes, best, " + N + ", " + std::to_string(p.detectionsPerClass) + ", " +
                     nmsArgs,
                 2);
        ctx.line("for (i = 0; i < n; ++i) {", 2);
        ctx.line("box_index[count + i] = selected[i] * " + C + " + c + " + lo + ";", 3);
        ctx.line("box_score[count + i] = best[selected[i]];", 3);
        ctx.line("}", 2);
        ctx.line("n += count;", 2);
        ctx.line("k = n < " + std::to_string(p.maxDetections) + " ? n : " + std::to_string(p.maxDetections) + ";",
                 2);
        ctx.line("ember_dpp_topk(box_score, n, k, rank);", 2);
        ctx.line("for (i = 0; i < k; ++i) {", 2);
        ctx.line("new_index[i] = box_index[rank[i]];", 3);
        ctx.line("new_score[i] = box_score[rank[i]];", 3);
        ctx.line("}", 2);
        ctx.line("for (i = 0; i < k; ++i) {", 2);
        ctx.line("box_index[i] = new_index[i];", 3);
        ctx.line("box_score[i] = new_score[i];", 3);
        ctx.line("}", 2);
        ctx.line("count = k;", 2);
        ctx.line("}");
        ctx.line("for (i = 0; i < count; ++i) {");
        ctx.line("int32_t anchor = box_index[i] / " + C + ";", 2);
        ctx.line("for (c = 0; c < 4; ++c) " + ob + "[4 * i + c] = boxes[4 * anchor + c];", 2);
        ctx.line(oc + "[i] = (float)(box_index[i] - anchor * " + C + " - " + lo + ");", 2);
        ctx.line(os + "[i] = box_score[i];", 2);
        ctx.line("}");
    } else {
        const std::string K = std::to_string(p.perAnchor), NC = std::to_string(p.numClasses);
        ctx.line("/* fast NMS over each anchor's best class score, top " + K + " classes per anchor */");
        ctx.line("for (i = 0; i < " + N + "; ++i) {");
        ctx.line("const float *s = " + sc + " + i * " + C + " + " + lo + ";", 2);
        ctx.line("ember_dpp_topk(s, " + NC + ", " + K + ", class_order + i * " + NC + ");", 2);
        ctx.line("best[i] = s[class_order[i * " + NC + "]];", 2);
        ctx.line("}");
        ctx.line("n = ember_dpp_nms(boxes, best, " + N + ", " + std::to_string(p.maxDetections) + ", " + nmsArgs);
        ctx.line("for (i = 0; i < n; ++i) {");
        ctx.line("const float *s = " + sc + " + selected[i] * " + C + " + " + lo + ";", 2);
        ctx.line("for (c = 0; c < " + K + "; ++c) {", 2);
        ctx.line("int32_t at = " + K + " * count + c, k;", 3);
        ctx.line("int32_t cls = class_order[selected[i] * " + NC + " + c];", 3);
        ctx.line("for (k = 0; k < 4; ++k) " + ob + "[4 * at + k] = boxes[4 * selected[i] + k];", 3);
        ctx.line(oc + "[at] = (float)cls;", 3);
        ctx.line(os + "[at] = s[cls];", 3);
        ctx.line("++count;", 3);
        ctx.line("}", 2);
        ctx.line("}");
    }
    ctx.line(on + "[0] = (float)count;");
}

}  // namespace

extern const OpKernel kDetectionPostProcess;
const OpKernel kDetectionPostProcess = {OpType::DetectionPostProcess, prepare, eval, emit, nullptr, "float32"};

}  // namespace ember
