// Checked calls in src/<name>.c: <name>_last_error(), <name>_check_args (what
// every packed function does first: its DLTensor arguments against its
// table entry) and <name>_check_pools (what the C entrypoint does first: the
// application's pools against their planned sizes and alignment). Written
// before the functions that call them; GENERATED_API.md, "Checked calls".
#include "CText.h"
#include "Writers.h"

namespace ember::codegen {

namespace {

class CheckWriter {
public:
    CheckWriter(const Model &m, std::ostringstream &o) : m_(m), mode_(m.mode), name_(m.name), NAME_(m.NAME), o_(o) {}

    void write() {
        errorText();
        if (mode_.checkedPacked) checkArgs();
        if (mode_.checkPools) checkPools();
    }

private:
    // The message buffer, its accessor and two appenders (no stdio on a
    // microcontroller: text and decimal numbers are enough).
    void errorText() {
        const std::string buf = name_ + "_error";
        o_ << "/* Checked calls: the reason of the last refusal, for " << name_ << "_last_error(). */\n";
        o_ << "static char " << buf << "[200];\n\n";
        o_ << "const char *" << name_ << "_last_error(void)\n{\n    return " << buf << ";\n}\n\n";
        o_ << "/* Appends text / a decimal number to the message at position at (truncating). */\n";
        o_ << "static uint32_t " << name_ << "_put(uint32_t at, const char *s)\n{\n"
           << "    while (*s != '\\0' && at + 1u < (uint32_t)sizeof " << buf << ") " << buf << "[at++] = *s++;\n"
           << "    " << buf << "[at] = '\\0';\n    return at;\n}\n\n";
        o_ << "static uint32_t " << name_ << "_put_int(uint32_t at, int64_t v)\n{\n"
           << "    char digits[24];\n    int n = 0;\n"
           << "    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;\n"
           << "    if (v < 0) at = " << name_ << "_put(at, \"-\");\n"
           << "    do {\n        digits[n++] = (char)('0' + (int)(u % 10u));\n        u /= 10u;\n"
           << "    } while (u != 0u);\n"
           << "    while (n > 0) {\n        char c[2];\n        c[0] = digits[--n];\n        c[1] = '\\0';\n"
           << "        at = " << name_ << "_put(at, c);\n    }\n    return at;\n}\n\n";
    }

    std::string put(const std::string &at, const std::string &text) const {
        return name_ + "_put(" + at + ", \"" + text + "\")";
    }
    std::string putInt(const std::string &at, const std::string &v) const {
        return name_ + "_put_int(" + at + ", " + v + ")";
    }

    void checkArgs() {
        const std::string &n = name_;
        // "<function>: argument <i> '<name>': "
        o_ << "static uint32_t " << n << "_put_arg(const char *function, int32_t i, const struct ember_arg_info *a)\n{\n"
           << "    uint32_t at = " << n << "_put(0, function);\n"
           << "    at = " << put("at", ": argument ") << ";\n"
           << "    at = " << putInt("at", "i") << ";\n"
           << "    at = " << put("at", " '") << ";\n"
           << "    at = " << n << "_put(at, a->name);\n"
           << "    return " << put("at", "': ") << ";\n}\n\n";
        // int8, uint8, float32, ... as the host would write them.
        o_ << "static uint32_t " << n << "_put_dtype(uint32_t at, int32_t code, int32_t bits, int32_t lanes)\n{\n"
           << "    if (code == kDLInt) at = " << put("at", "int") << ";\n"
           << "    else if (code == kDLUInt) at = " << put("at", "uint") << ";\n"
           << "    else if (code == kDLFloat) at = " << put("at", "float") << ";\n"
           << "    else at = " << put(putInt(put("at", "type code "), "code"), " bits ") << ";\n"
           << "    at = " << putInt("at", "bits") << ";\n"
           << "    if (lanes != 1) at = " << putInt(put("at", "x"), "lanes") << ";\n"
           << "    return at;\n}\n\n";
        o_ << "/* Compares the arguments of a packed call with the function's table entry\n"
              " * before anything reads them: count, type codes, dtype, ndim, shape, bytes of\n"
              " * pools, compact strides, data pointer and alignment. Returns 0, or a\n"
              " * "
           << NAME_ << "_ERROR_* code with " << n << "_last_error() naming the argument. */\n";
        o_ << "int32_t " << n << "_check_args(const char *function, const struct ember_arg_info *info, int32_t n,\n"
           << "    const EmberValue *args, const int32_t *type_codes, int32_t num_args)\n{\n";
        o_ << "    int32_t i, d;\n    uint32_t at;\n";
        o_ << "    if (num_args != n) {\n"
           << "        at = " << put(n + "_put(0, function)", ": ") << ";\n"
           << "        at = " << put(putInt("at", "num_args"), " arguments, expected ") << ";\n"
           << "        " << putInt("at", "n") << ";\n"
           << "        return " << NAME_ << "_ERROR_NUM_ARGS;\n    }\n";
        o_ << "    for (i = 0; i < n; ++i) {\n"
           << "        const struct ember_arg_info *a = &info[i];\n"
           << "        const DLTensor *t;\n        uintptr_t data;\n";
        fail("type_codes == 0", "type codes missing", "TYPE_CODE");
        o_ << "        if (type_codes[i] != EMBER_ARG_DLTENSOR) {\n"
           << "            at = " << put(n + "_put_arg(function, i, a)", "type code ") << ";\n"
           << "            " << put(putInt("at", "type_codes[i]"), ", expected EMBER_ARG_DLTENSOR (7)") << ";\n"
           << "            return " << NAME_ << "_ERROR_TYPE_CODE;\n        }\n";
        o_ << "        t = args == 0 ? 0 : (const DLTensor *)args[i].v_handle;\n";
        fail("t == 0", "null DLTensor handle", "TYPE_CODE");
        o_ << "        if (t->dtype.code != a->dtype_code || t->dtype.bits != a->dtype_bits || t->dtype.lanes != 1) {\n"
           << "            at = " << put(n + "_put_arg(function, i, a)", "dtype ") << ";\n"
           << "            at = " << n << "_put_dtype(at, t->dtype.code, t->dtype.bits, t->dtype.lanes);\n"
           << "            " << n << "_put_dtype(" << put("at", ", expected ") << ", a->dtype_code, a->dtype_bits, 1);\n"
           << "            return " << NAME_ << "_ERROR_DTYPE;\n        }\n";
        o_ << "        if (t->ndim != a->ndim) {\n"
           << "            at = " << put(putInt(put(n + "_put_arg(function, i, a)", "ndim "), "t->ndim"), ", expected ")
           << ";\n"
           << "            " << putInt("at", "a->ndim") << ";\n"
           << "            return " << NAME_ << "_ERROR_NDIM;\n        }\n";
        fail("t->ndim > 0 && t->shape == 0", "null shape", "SHAPE");
        o_ << "        if (a->role == EMBER_ROLE_POOL || a->role == EMBER_ROLE_CONSTANTS) {\n"
           << "            /* a pool may be larger than the plan needs, never smaller */\n"
           << "            if (t->shape[0] < (int64_t)a->bytes) {\n"
           << "                at = " << put(putInt(n + "_put_arg(function, i, a)", "t->shape[0]"), " bytes, needs ")
           << ";\n"
           << "                " << putInt("at", "(int64_t)a->bytes") << ";\n"
           << "                return " << NAME_ << "_ERROR_BYTES;\n            }\n"
           << "        } else {\n";
        if (!m_.dyn.empty())
            // --dim: a dynamic axis is described as -(its bound).
            o_ << "            for (d = 0; d < a->ndim; ++d)\n"
               << "                if (a->shape[d] < 0 && (t->shape[d] < 1 || t->shape[d] > -a->shape[d])) {\n"
               << "                    at = " << putInt(put(n + "_put_arg(function, i, a)", "dimension "), "d") << ";\n"
               << "                    at = " << put(putInt(put("at", " is "), "t->shape[d]"), ", outside the bound 1..")
               << ";\n"
               << "                    " << putInt("at", "-a->shape[d]") << ";\n"
               << "                    return " << NAME_ << "_ERROR_EXTENT;\n                }\n";
        o_ << "            for (d = 0; d < a->ndim; ++d)\n"
           << "                if (" << (m_.dyn.empty() ? "" : "a->shape[d] >= 0 && ") << "t->shape[d] != a->shape[d]) {\n"
           << "                    at = " << putInt(put(n + "_put_arg(function, i, a)", "dimension "), "d") << ";\n"
           << "                    at = " << put(putInt(put("at", " is "), "t->shape[d]"), ", expected ") << ";\n"
           << "                    " << putInt("at", "a->shape[d]") << ";\n"
           << "                    return " << NAME_ << "_ERROR_SHAPE;\n                }\n"
           << "        }\n";
        o_ << "        if (t->strides != 0) {\n"
           << "            int64_t step = 1;\n"
           << "            for (d = t->ndim - 1; d >= 0; --d) {\n"
           << "                if (t->shape[d] != 1 && t->strides[d] != step) {\n"
           << "                    " << put(n + "_put_arg(function, i, a)", "strides are not compact row-major") << ";\n"
           << "                    return " << NAME_ << "_ERROR_SHAPE;\n                }\n"
           << "                step *= t->shape[d];\n            }\n        }\n";
        fail("t->data == 0", "null data pointer", "NULL_DATA");
        o_ << "        data = (uintptr_t)t->data + (uintptr_t)t->byte_offset;\n"
           << "        if (a->align > 1u && data % a->align != 0u) {\n"
           << "            at = " << put(n + "_put_arg(function, i, a)", "data not aligned to ") << ";\n"
           << "            " << put(putInt("at", "a->align"), " bytes") << ";\n"
           << "            return " << NAME_ << "_ERROR_ALIGN;\n        }\n";
        o_ << "    }\n    return 0;\n}\n\n";
    }

    void fail(const std::string &cond, const std::string &text, const std::string &code) {
        o_ << "        if (" << cond << ") {\n"
           << "            " << put(name_ + "_put_arg(function, i, a)", text) << ";\n"
           << "            return " << NAME_ << "_ERROR_" << code << ";\n        }\n";
    }

    // The pools struct: every member against its planned size and alignment.
    void checkPools() {
        const std::string &n = name_;
        o_ << "static int32_t " << n << "_check_pool(const char *pool, const char *member, const void *data,\n"
           << "    uint32_t bytes, uint32_t needs, uint32_t align)\n{\n"
           << "    uint32_t at;\n"
           << "    if (needs == 0u) return 0; /* nothing planned in it */\n"
           << "    at = " << n << "_put(" << put("0", n + "_run: pool '") << ", pool);\n"
           << "    if (data == 0) {\n"
           << "        " << put("at", "' is a null pointer") << ";\n"
           << "        return " << NAME_ << "_ERROR_NULL_DATA;\n    }\n"
           << "    if (bytes < needs) {\n"
           << "        at = " << put(putInt(put("at", "' has "), "bytes"), " bytes (") << ";\n"
           << "        at = " << put(n + "_put(at, member)", "), needs ") << ";\n"
           << "        " << putInt("at", "needs") << ";\n"
           << "        return " << NAME_ << "_ERROR_BYTES;\n    }\n"
           << "    if ((uintptr_t)data % align != 0u) {\n"
           << "        " << put(putInt(put("at", "' is not aligned to "), "align"), " bytes") << ";\n"
           << "        return " << NAME_ << "_ERROR_ALIGN;\n    }\n"
           << "    return 0;\n}\n\n";
        o_ << "/* Refuses a null, too small or misaligned pool before anything is written\n"
              " * into it. Returns 0, or a "
           << NAME_ << "_ERROR_* code with " << n << "_last_error() naming it. */\n";
        o_ << "int32_t " << n << "_check_pools(const struct " << n << "_workspace_pools *pools)\n{\n";
        o_ << "    int32_t status = 0;\n";
        o_ << "    if (pools == 0) {\n        " << put("0", n + "_run: the pools struct is a null pointer") << ";\n"
           << "        return " << NAME_ << "_ERROR_NULL_DATA;\n    }\n";
        const MemoryPlan &plan = m_.plan;
        for (size_t p = 0; p < plan.pools.size(); ++p) {
            if (!plan.pools[p].appProvided) continue;
            const std::string c = sanitizeIdentifier(plan.pools[p].name), P = NAME_ + "_POOL_" + upper(c);
            o_ << "    if (status == 0) status = " << n << "_check_pool(\"" << cEscape(plan.pools[p].name) << "\", \""
               << c << "_bytes\", pools->" << c << ", pools->" << c << "_bytes, " << P << "_BYTES, " << P
               << "_ALIGN);\n";
        }
        if (mode_.constantsPool)
            o_ << "    if (status == 0) status = " << n
               << "_check_pool(\"constants\", \"constants_bytes\", pools->constants, pools->constants_bytes, "
               << NAME_ << "_CONSTANTS_POOL_BYTES, " << NAME_ << "_CONSTANTS_POOL_ALIGN);\n";
        o_ << "    return status;\n}\n\n";
    }

    const Model &m_;
    const Layout &mode_;
    const std::string &name_, &NAME_;
    std::ostringstream &o_;
};

}  // namespace

void writeChecks(const Model &m, std::ostringstream &o) { CheckWriter(m, o).write(); }

}  // namespace ember::codegen
