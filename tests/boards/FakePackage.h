// A tiny hand-written package that follows the generated-code contract
// (header, entrypoint with layer hooks, static pools, metadata.json), so the
// firmware path can be tested without the model compiler.
//
// Model "tiny": in int8[n] → layer 0: t = sat(in + 3) → layer 1: out = sat(2 * t).
#pragma once

#include <string>

#include "core/codegen/CGenerator.h"

namespace ember::test {

inline int8_t tinyExpected(int8_t x) {
    int t = x + 3;
    t = t > 127 ? 127 : t;
    int o = 2 * t;
    o = o > 127 ? 127 : (o < -128 ? -128 : o);
    return int8_t(o);
}

// `poolSection` "" = default .bss; `poolBytes` >= n.
inline Artifacts tinyPackage(int n = 16, const std::string &poolSection = "", size_t poolBytes = 0) {
    if (poolBytes < size_t(n)) poolBytes = size_t(n);
    const std::string N = std::to_string(n), P = std::to_string(poolBytes);
    const std::string attr = poolSection.empty() ? "" : " __attribute__((section(\"" + poolSection + "\")))";
    Artifacts a;
    a.name = "tiny";
    a.files.push_back({"include/tiny/tiny.h",
        "#ifndef TINY_H\n#define TINY_H\n#include <stdint.h>\n"
        "#define TINY_INPUT_COUNT 1\n#define TINY_OUTPUT_COUNT 1\n#define TINY_INPUT_0_BYTES " + N + "\n"
        "#define TINY_OUTPUT_0_BYTES " + N + "\n#define TINY_LAYER_COUNT 2\n#define TINY_WORKSPACE_BYTES " + P + "\n"
        "struct tiny_inputs { int8_t *x; };\nstruct tiny_outputs { int8_t *y; };\n"
        "int32_t tiny_run(struct tiny_inputs *inputs, struct tiny_outputs *outputs);\n#endif\n"});
    a.files.push_back({"src/tiny.c",
        "#include \"tiny/tiny.h\"\n#ifndef EMBER_LAYER_BEGIN\n#define EMBER_LAYER_BEGIN(i) ((void)0)\n#endif\n"
        "#ifndef EMBER_LAYER_END\n#define EMBER_LAYER_END(i) ((void)0)\n#endif\n"
        "int32_t tiny_l00_add(const int8_t *in0, int8_t *out0);\nint32_t tiny_l01_mul(const int8_t *in0, int8_t *out0);\n"
        "static uint8_t tiny_workspace[" + P + "] __attribute__((aligned(16)))" + attr + ";\n"
        "int32_t tiny_run(struct tiny_inputs *inputs, struct tiny_outputs *outputs)\n{\n    int32_t rc;\n"
        "    EMBER_LAYER_BEGIN(0);\n    rc = tiny_l00_add(inputs->x, (int8_t *)tiny_workspace);\n    EMBER_LAYER_END(0);\n"
        "    if (rc) return rc;\n"
        "    EMBER_LAYER_BEGIN(1);\n    rc = tiny_l01_mul((const int8_t *)tiny_workspace, outputs->y);\n    EMBER_LAYER_END(1);\n"
        "    return rc;\n}\n"});
    a.files.push_back({"src/tiny_ops.c",
        "#include <stdint.h>\n"
        "int32_t tiny_l00_add(const int8_t *in0, int8_t *out0);\nint32_t tiny_l01_mul(const int8_t *in0, int8_t *out0);\n"
        "int32_t tiny_l00_add(const int8_t *in0, int8_t *out0)\n{\n    int i;\n    for (i = 0; i < " + N + "; ++i) {\n"
        "        int32_t t = in0[i] + 3;\n        out0[i] = (int8_t)(t > 127 ? 127 : t);\n    }\n    return 0;\n}\n"
        "int32_t tiny_l01_mul(const int8_t *in0, int8_t *out0)\n{\n    int i;\n    for (i = 0; i < " + N + "; ++i) {\n"
        "        int32_t t = 2 * in0[i];\n        out0[i] = (int8_t)(t > 127 ? 127 : (t < -128 ? -128 : t));\n    }\n    return 0;\n}\n"});
    a.files.push_back({"src/tiny_constants.c", "#include <stdint.h>\nconst int8_t tiny_unused_constant[4] = {1, 2, 3, 4};\n"});
    a.files.push_back({"metadata.json",
        "{\"name\": \"tiny\", \"inputs\": [{\"name\": \"x\", \"c_name\": \"x\", \"dtype\": \"int8\", \"shape\": [" + N +
        "], \"bytes\": " + N + ", \"scale\": 0.5, \"zero_point\": 0}],"
        " \"outputs\": [{\"name\": \"y\", \"c_name\": \"y\", \"dtype\": \"int8\", \"shape\": [" + N + "], \"bytes\": " + N +
        ", \"scale\": 1.0, \"zero_point\": 0}],"
        " \"layers\": [{\"index\": 0, \"name\": \"add\", \"op\": \"ADD\", \"function\": \"tiny_l00_add\", \"macs\": " + N + "},"
        " {\"index\": 1, \"name\": \"mul\", \"op\": \"MUL\", \"function\": \"tiny_l01_mul\", \"macs\": " + N + "}],"
        " \"pools\": [{\"name\": \"workspace\", \"size\": " + P + ", \"section\": \"" + poolSection +
        "\", \"align\": 16, \"app_provided\": false}], \"plan\": {}, \"constants_bytes\": 4}\n"});
    return a;
}

}  // namespace ember::test
