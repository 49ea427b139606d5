// Checked calls (GENERATED_API.md): every packed function and wrapper
// compares its DLTensor arguments with its table entry and refuses each kind
// of mismatch with its own code and a last-error message; the C entrypoint
// refuses a null, too small or misaligned application pool before writing
// into it; --unchecked-packed drops the checks. The generated C is built with
// gcc (-Werror) together with a small driver and run on the host.
#include <QtTest>

#include <map>

#include "TestUtil.h"
#include "core/validate/HostRunner.h"

using namespace ember;

namespace {

// Calls the entrypoint (table entry 0) and the first layer (entry 1) once
// correctly and once per kind of mismatch, from the function table alone.
// Prints one line per call: "<function> <case> <status> <last error>".
const char *kDriver = R"(#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "m/m.h"

#ifndef C_POOLS
static DLTensor t[64];
static EmberValue a[64];
static int32_t c[64];
static int64_t shapes[64][8];
static int64_t strides[8];
static uint8_t *bufs[64];

static uint8_t *alloc64(size_t n)
{
    uint8_t *p = calloc(1, n + 128);
    if (!p) exit(3);
    return p + (64 - (uintptr_t)p % 64) % 64;
}

/* Arguments exactly as the table entry describes them. */
static void setup(const struct ember_function_info *f)
{
    int32_t i;
    for (i = 0; i < f->num_args; ++i) {
        const struct ember_arg_info *ai = &f->args[i];
        if (!bufs[i]) bufs[i] = alloc64(ai->bytes < 1000 ? 1000 : ai->bytes);
        if (ai->init) memcpy(bufs[i], ai->init, ai->bytes);
        memcpy(shapes[i], ai->shape, sizeof(int64_t) * (size_t)(ai->ndim > 0 ? ai->ndim : 1));
        ember_tensor(&t[i], bufs[i], ai->ndim, shapes[i], ai->dtype_code, ai->dtype_bits);
        a[i].v_handle = &t[i];
        c[i] = EMBER_ARG_DLTENSOR;
    }
}

static int32_t pool_arg(const struct ember_function_info *f)
{
    int32_t i;
    for (i = 0; i < f->num_args; ++i)
        if (f->args[i].role == EMBER_ROLE_POOL || f->args[i].role == EMBER_ROLE_CONSTANTS) return i;
    return -1;
}

static void report(const struct ember_function_info *f, const char *what, int32_t status)
{
#ifdef UNCHECKED
    printf("%s %s %ld -\n", f->name, what, (long)status);
#else
    printf("%s %s %ld %s\n", f->name, what, (long)status, status != 0 ? m_last_error() : "-");
#endif
}

static void cases(const struct ember_function_info *f)
{
    const int32_t n = f->num_args, p = pool_arg(f);
    int32_t d;
    memset(bufs, 0, sizeof bufs); /* buffers of this function's sizes */
    setup(f);
    report(f, "ok", f->fn(a, c, n, 0, 0, 0));
    setup(f);
    report(f, "num_args", f->fn(a, c, n - 1, 0, 0, 0));
    setup(f);
    c[0] = EMBER_ARG_INT;
    report(f, "type_code", f->fn(a, c, n, 0, 0, 0));
#ifndef UNCHECKED /* would crash: nothing checks them */
    setup(f);
    a[0].v_handle = 0;
    report(f, "null_handle", f->fn(a, c, n, 0, 0, 0));
#endif
    setup(f);
    t[0].dtype.code = kDLFloat; /* a float32 tensor passed as the int8 input */
    t[0].dtype.bits = 32;
    report(f, "dtype", f->fn(a, c, n, 0, 0, 0));
    setup(f);
    t[0].ndim -= 1;
    report(f, "ndim", f->fn(a, c, n, 0, 0, 0));
    setup(f);
    shapes[0][t[0].ndim - 1] += 1;
    report(f, "shape", f->fn(a, c, n, 0, 0, 0));
    setup(f);
    for (d = 0; d < t[0].ndim; ++d) strides[d] = 2;
    t[0].strides = strides;
    report(f, "strides", f->fn(a, c, n, 0, 0, 0));
#ifndef UNCHECKED
    setup(f);
    t[0].data = 0;
    report(f, "null_data", f->fn(a, c, n, 0, 0, 0));
#endif
    if (p < 0) return;
    setup(f);
    shapes[p][0] = 1000;
    report(f, "bytes", f->fn(a, c, n, 0, 0, 0));
    setup(f);
    t[p].data = bufs[p] + 1;
    report(f, "align", f->fn(a, c, n, 0, 0, 0));
}

#else
static uint8_t *alloc64(size_t n)
{
    uint8_t *p = calloc(1, n + 128);
    if (!p) exit(3);
    return p + (64 - (uintptr_t)p % 64) % 64;
}

/* The C entrypoint with application pools: a 1,000-byte pool where more is
 * needed is refused and not one byte past it (or in it) is written. */
static void c_pools(void)
{
    const size_t need = M_POOL_WORKSPACE_BYTES, size = need + 64;
    uint8_t *big = alloc64(size);
    struct m_workspace_pools pools;
    size_t k, intact = 1;
    int32_t status;
    memset(big, 0x5A, size);
    memset(&pools, 0, sizeof pools);
    pools.workspace = big;
    pools.workspace_bytes = 1000;
    status = m_run(&pools);
    for (k = 0; k < size; ++k) intact &= big[k] == 0x5A;
    printf("c_run too_small_%s %ld %s\n", intact ? "intact" : "OVERWRITTEN", (long)status, m_last_error());
    printf("c_run accessor_%s 0 -\n", m_input_input_1(&pools) == 0 ? "null" : "NOT_NULL");
    pools.workspace_bytes = (uint32_t)need;
    pools.workspace = big + 1;
    status = m_check_pools(&pools);
    printf("c_run misaligned %ld %s\n", (long)status, m_last_error());
    pools.workspace = 0;
    status = m_run(&pools);
    printf("c_run null_pool %ld %s\n", (long)status, m_last_error());
    status = m_run(0);
    printf("c_run null_struct %ld %s\n", (long)status, m_last_error());
    pools.workspace = big;
    status = m_run(&pools);
    printf("c_run ok %ld -\n", (long)status);
}
#endif

int main(void)
{
#ifdef C_POOLS
    c_pools();
#else
    cases(&m_functions[0]);
    cases(&m_functions[1]);
#endif
    return 0;
}
)";

struct Call {
    int status = 99;
    std::string message;
};

// Compiles the model with `args` (name "m") and the driver with `defines`,
// runs it; the calls by "<function> <case>".
std::map<std::string, Call> runDriver(const std::vector<std::string> &args, const std::vector<std::string> &defines,
                                      QString *error) {
    std::map<std::string, Call> r;
    auto g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    if (!g) return *error = "cannot load kws", r;
    CompileOptions o;
    std::vector<std::string> rest;
    Diagnostics d;
    if (!parseCompileArgs(args, o, rest, d)) return *error = QString::fromStdString(d.format()), r;
    o.name = "m";
    auto a = compile(g.value(), o);
    if (!a) return *error = QString::fromStdString(a.diagnostics().format()), r;
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    if (!a->writeTo(root, d)) return *error = "cannot write the package", r;
    {
        QFile f(dir.filePath("driver.c"));
        if (!f.open(QIODevice::WriteOnly)) return *error = "cannot write driver.c", r;
        f.write(kDriver);
    }
    std::vector<std::string> cmd = {"gcc", "-std=c99", "-O0", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                    "-I" + root + "/include"};
    for (const auto &def : defines) cmd.push_back("-D" + def);
    for (const auto &f : a->files)
        if (f.first.size() > 2 && f.first.substr(f.first.size() - 2) == ".c") cmd.push_back(root + "/" + f.first);
    cmd.insert(cmd.end(), {root + "/driver.c", "-o", root + "/driver", "-lm"});
    std::string log;
    if (runProcess(cmd, &log) != 0) return *error = QString::fromStdString("gcc:\n" + log), r;
    log.clear();
    if (runProcess({root + "/driver"}, &log) != 0) return *error = QString::fromStdString("driver:\n" + log), r;
    for (const QString &line : QString::fromStdString(log).split('\n', Qt::SkipEmptyParts)) {
        const QStringList w = line.split(' ');
        if (w.size() < 4) continue;
        const QString fn = w[0].startsWith("m_run") || w[0] == "c_run" ? w[0] : "layer";
        r[(fn + " " + w[1]).toStdString()] = {w[2].toInt(), w.mid(3).join(' ').toStdString()};
    }
    qInfo("%s: %zu calls", qPrintable(QString::fromStdString(args.empty() ? "" : args[0])), r.size());
    return r;
}

struct Expect {
    const char *what;
    int status;
    const char *message;  // a part of the last error
};

const Expect kExpected[] = {
    {"ok", 0, "-"},
    {"num_args", -1, "arguments, expected"},
    {"type_code", -3, "type code 0, expected EMBER_ARG_DLTENSOR"},
    {"null_handle", -3, "null DLTensor handle"},
    {"dtype", -4, "dtype float32, expected int8"},
    {"ndim", -5, "ndim 3, expected 4"},
    {"shape", -6, "dimension 3 is 2, expected 1"},
    {"strides", -6, "strides are not compact row-major"},
    {"null_data", -9, "null data pointer"},
    {"bytes", -7, "1000 bytes, needs"},
    {"align", -8, "not aligned to 16 bytes"},
};

}  // namespace

class TstPackedChecks : public QObject {
    Q_OBJECT

private slots:
    // Each kind of mismatch, in the three kinds of packed function: the
    // wrappers of a C entrypoint and of typed layers (--packed-wrappers),
    // and the packed entrypoint and packed layers themselves.
    void eachMismatch_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("run");
        QTest::newRow("wrappers") << QStringList{"--packed-wrappers", "--app-pools"} << "m_run";
        QTest::newRow("packed-entry-and-layers")
            << QStringList{"--operators", "packed", "--interface-api", "packed", "--packed-wrappers", "--app-pools",
                           "--constants", "pool"}
            << "m_run";
    }

    void eachMismatch() {
        QFETCH(QStringList, args);
        QFETCH(QString, run);
        std::vector<std::string> a;
        for (const QString &s : args) a.push_back(s.toStdString());
        QString error;
        const auto calls = runDriver(a, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const bool layerHasPool = args.contains("pool");  // the constants pool
        for (const char *fn : {"m_run", "layer"}) {
            for (const Expect &e : kExpected) {
                const bool pooled = std::string(e.what) == "bytes" || std::string(e.what) == "align";
                const std::string key = std::string(fn) + " " + e.what;
                const auto it = calls.find(key);
                if (pooled && std::string(fn) == "layer" && !layerHasPool) {
                    QVERIFY2(it == calls.end(), key.c_str());
                    continue;
                }
                QVERIFY2(it != calls.end(), key.c_str());
                QVERIFY2(it->second.status == e.status,
                         qPrintable(QString("%1: status %2, expected %3 (%4)")
                                        .arg(key.c_str())
                                        .arg(it->second.status)
                                        .arg(e.status)
                                        .arg(it->second.message.c_str())));
                QVERIFY2(it->second.message.find(e.message) != std::string::npos,
                         qPrintable(QString::fromStdString(key + ": '" + it->second.message + "'")));
                // The message names the function and the argument.
                if (e.status < -1)
                    QVERIFY2(it->second.message.find("argument ") != std::string::npos, it->second.message.c_str());
            }
        }
    }

    // The C entrypoint with --app-pools: a 1,000-byte pool where 16,000 are
    // needed is refused before anything is written; misaligned and null
    // pools too; the accessors return a null pointer for bad pools.
    void tooSmallAppPoolRefused() {
        QString error;
        const auto calls = runDriver({"--app-pools", "--io", "workspace"}, {"C_POOLS"}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto check = [&](const std::string &key, int status, const std::string &part) {
            const auto it = calls.find("c_run " + key);
            QVERIFY2(it != calls.end(), key.c_str());
            QVERIFY2(it->second.status == status, qPrintable(QString::fromStdString(key + ": " + it->second.message)));
            QVERIFY2(it->second.message.find(part) != std::string::npos, it->second.message.c_str());
        };
        check("too_small_intact", -7, "pool 'workspace' has 1000 bytes (workspace_bytes), needs ");
        check("accessor_null", 0, "-");
        check("misaligned", -8, "pool 'workspace' is not aligned to 16 bytes");
        check("null_pool", -9, "pool 'workspace' is a null pointer");
        check("null_struct", -9, "pools struct is a null pointer");
        check("ok", 0, "-");
        const std::string small = calls.at("c_run too_small_intact").message;
        const size_t needs = std::stoul(small.substr(small.rfind(' ') + 1));
        QVERIFY2(needs >= 16000, small.c_str());  // KWS needs over 16,000 bytes
    }

    // --unchecked-packed: only the argument count is checked; a float32
    // tensor passed as the int8 input is read as it is.
    void uncheckedPacked() {
        QString error;
        const auto calls = runDriver({"--packed-wrappers", "--unchecked-packed"}, {"UNCHECKED"}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(calls.at("m_run num_args").status, -1);
        QCOMPARE(calls.at("layer num_args").status, -1);
        QCOMPARE(calls.at("m_run dtype").status, 0);
        QCOMPARE(calls.at("layer shape").status, 0);
        auto g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        QVERIFY(g.ok());
        CompileOptions checked, unchecked;
        checked.packedWrappers = unchecked.packedWrappers = true;
        unchecked.uncheckedPacked = true;
        auto a = compile(g.value(), checked), b = compile(g.value(), unchecked);
        QVERIFY(a.ok() && b.ok());
        const std::string &ca = *a->file("src/" + a->name + ".c"), &cb = *b->file("src/" + b->name + ".c");
        QVERIFY(ca.find("_check_args(") != std::string::npos);
        QVERIFY(cb.find("_check_args(") == std::string::npos);
        QVERIFY(cb.find("_last_error") == std::string::npos);
        QVERIFY2(cb.size() < ca.size(), "unchecked is smaller");
    }
};

QTEST_APPLESS_MAIN(TstPackedChecks)
#include "tst_packed_checks.moc"
