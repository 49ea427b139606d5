// The runtime files of packed modes (Runtime.h). Same text for every model,
// so several packages can be linked into one firmware.
#include "Runtime.h"

namespace ember {
// Text of the installed DLPack header and its licence (EmbeddedDlpack.cpp,
// configured by CMake).
extern const char *const kDlpackHeader;
extern const char *const kDlpackLicense;
}  // namespace ember

namespace ember::codegen {

const char *const kPackedSignature =
    "(EmberValue *args, int32_t *type_codes, int32_t num_args, EmberValue *ret_value, int32_t *ret_type_code, "
    "void *resource_handle)";

const char *const kPackedUnusedArgs =
    "    (void)type_codes;\n    (void)ret_value;\n    (void)ret_type_code;\n    (void)resource_handle;\n";

namespace {

// ember_runtime.h: the packed calling convention and the function-table types.
const char *const kRuntimeHeader =
    "/* ember_runtime.h: packed calling convention of Ember-generated code. Do not edit. */\n"
    "#ifndef EMBER_RUNTIME_H_\n#define EMBER_RUNTIME_H_\n\n"
    "#include <stdint.h>\n\n#include \"dlpack/dlpack.h\"\n\n"
    "/* One argument or return value of a packed call (layout of TVM's TVMValue). */\n"
    "typedef union {\n    int64_t v_int64;\n    double v_float64;\n    void *v_handle;\n} EmberValue;\n\n"
    "/* Type codes of packed arguments; tensors are passed as DLTensor pointers. */\n"
    "#define EMBER_ARG_INT 0\n#define EMBER_ARG_FLOAT 2\n#define EMBER_ARG_HANDLE 3\n#define EMBER_ARG_NULL 4\n"
    "#define EMBER_ARG_DLTENSOR 7\n\n"
    "/* Every packed function has this type. Returns 0 on success. */\n"
    "typedef int32_t (*ember_packed_fn)(EmberValue *args, int32_t *type_codes, int32_t num_args,\n"
    "                                   EmberValue *ret_value, int32_t *ret_type_code, void *resource_handle);\n\n"
    "/* Status codes of packed calls (0 = success). A checked call compares every\n"
    " * argument with the function's table entry (struct ember_arg_info) before it\n"
    " * reads anything; <name>_last_error() then names the argument and the reason. */\n"
    "#define EMBER_ERROR_NUM_ARGS (-1)  /* wrong number of arguments */\n"
    "#define EMBER_ERROR_TYPE_CODE (-3) /* an argument is not a DLTensor (type code, null handle) */\n"
    "#define EMBER_ERROR_DTYPE (-4)     /* element type differs (code, bits, lanes) */\n"
    "#define EMBER_ERROR_NDIM (-5)      /* number of dimensions differs */\n"
    "#define EMBER_ERROR_SHAPE (-6)     /* a dimension differs, or the strides are not compact */\n"
    "#define EMBER_ERROR_BYTES (-7)     /* a pool or constants pool smaller than needed */\n"
    "#define EMBER_ERROR_ALIGN (-8)     /* data not aligned as the function needs */\n"
    "#define EMBER_ERROR_NULL_DATA (-9) /* null data pointer */\n\n"
    "/* Roles of packed arguments, described by the function table. */\n"
    "#define EMBER_ROLE_INPUT 0\n#define EMBER_ROLE_OUTPUT 1\n#define EMBER_ROLE_POOL 2\n"
    "#define EMBER_ROLE_CONSTANTS 3\n\n"
    "struct ember_arg_info {\n"
    "    const char *name;      /* tensor or pool name */\n"
    "    int32_t role;          /* EMBER_ROLE_* */\n"
    "    int32_t tensor;        /* tensor id shared between functions, -1 for pools */\n"
    "    uint8_t dtype_code;    /* DLDataTypeCode */\n"
    "    uint8_t dtype_bits;\n"
    "    int32_t ndim;\n"
    "    const int64_t *shape;\n"
    "    uint32_t bytes;\n"
    "    const void *init;      /* initial contents (constants pool image) or 0 */\n"
    "    uint32_t align;        /* the data pointer must be a multiple of this (bytes) */\n"
    "};\n\n"
    "struct ember_function_info {\n"
    "    const char *name;\n"
    "    ember_packed_fn fn;\n"
    "    int32_t num_args;\n"
    "    const struct ember_arg_info *args;\n"
    "};\n\n"
    "/* Data pointer of the i-th argument, a DLTensor. */\n"
    "static inline void *ember_arg_data(const EmberValue *args, int32_t i)\n{\n"
    "    const DLTensor *t = (const DLTensor *)args[i].v_handle;\n"
    "    return (char *)t->data + t->byte_offset;\n}\n\n"
    "/* Size in bytes of the i-th argument's data (dense, from its shape and dtype). */\n"
    "static inline uint32_t ember_arg_bytes(const EmberValue *args, int32_t i)\n{\n"
    "    const DLTensor *t = (const DLTensor *)args[i].v_handle;\n"
    "    uint64_t n = (uint64_t)t->dtype.lanes * t->dtype.bits / 8u;\n"
    "    int32_t d;\n"
    "    for (d = 0; d < t->ndim; ++d) n *= (uint64_t)t->shape[d];\n"
    "    return n > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)n;\n}\n\n"
    "/* Fills a dense CPU tensor descriptor. */\n"
    "static inline void ember_tensor(DLTensor *t, void *data, int32_t ndim, const int64_t *shape, uint8_t code,\n"
    "                                uint8_t bits)\n{\n"
    "    t->data = data;\n    t->device.device_type = kDLCPU;\n    t->device.device_id = 0;\n"
    "    t->ndim = ndim;\n    t->dtype.code = code;\n    t->dtype.bits = bits;\n    t->dtype.lanes = 1;\n"
    "    t->shape = (int64_t *)shape;\n    t->strides = 0;\n    t->byte_offset = 0;\n}\n\n"
    "#endif /* EMBER_RUNTIME_H_ */\n";

}  // namespace

std::vector<std::pair<std::string, std::string>> runtimeFiles() {
    return {{"include/ember/ember_runtime.h", kRuntimeHeader},
            {"include/dlpack/dlpack.h", kDlpackHeader},
            {"include/dlpack/COPYRIGHT", kDlpackLicense}};
}

}  // namespace ember::codegen
