/* ember_host_caller: a generic host-side caller for packages compiled with
 * --packed-wrappers. It knows nothing about any model: it opens the package
 * built as a shared library, finds NAME_lookup / NAME_function_count,
 * and uses the function table's argument descriptions to allocate every
 * buffer.
 * The table lists the entrypoint and then every layer in execution order.
 *
 *   ember_host_caller LIB NAME [--out DIR] [INPUT.bin ...]
 *
 * 1. runs the whole model through the packed entrypoint NAME_run;
 * 2. runs it again layer by layer through every layer's packed wrapper, in
 *    table order, passing tensors between layers by tensor id;
 * 3. checks that both give identical outputs (exit 0) or not (exit 1).
 * Inputs not given are filled with a fixed pseudo-random pattern. With
 * --out, the whole-model outputs are written as DIR/output<j>.bin.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ember/ember_runtime.h"

typedef const struct ember_function_info *(*lookup_fn)(const char *name);
typedef const char *(*last_error_fn)(void);

/* NAME_last_error, when the package checks its calls (not --unchecked-packed). */
static last_error_fn last_error;

static const char *reason(void) { return last_error ? last_error() : "(unchecked package)"; }

struct slot {
    int32_t tensor;
    uint8_t *data;
    uint32_t bytes;
};

static struct slot slots[4096];
static int nslots;

static uint8_t *tensor_buffer(int32_t tensor, uint32_t bytes)
{
    int i;
    for (i = 0; i < nslots; ++i)
        if (slots[i].tensor == tensor) return slots[i].data;
    if (nslots == (int)(sizeof slots / sizeof slots[0])) exit(3);
    slots[nslots].tensor = tensor;
    slots[nslots].bytes = bytes;
    slots[nslots].data = calloc(1, bytes + 16);
    return slots[nslots++].data;
}

/* Memory for a pool or the constants pool, aligned as its table entry asks
 * (at least 16). */
static void *aligned_alloc_arg(size_t n, uint32_t align)
{
    size_t a = align > 16 ? align : 16;
    uint8_t *p = calloc(1, n + 2 * a);
    if (!p) exit(3);
    return p + (a - (size_t)((uintptr_t)p % a)) % a;
}

static int32_t call(const struct ember_function_info *f, void **data)
{
    DLTensor t[64];
    EmberValue a[64];
    int32_t c[64];
    int32_t i;
    if (f->num_args > 64) return -100;
    for (i = 0; i < f->num_args; ++i) {
        const struct ember_arg_info *ai = &f->args[i];
        ember_tensor(&t[i], data[i], ai->ndim, ai->shape, ai->dtype_code, ai->dtype_bits);
        a[i].v_handle = &t[i];
        c[i] = EMBER_ARG_DLTENSOR;
    }
    return f->fn(a, c, f->num_args, 0, 0, 0);
}

int main(int argc, char **argv)
{
    void *lib;
    lookup_fn lookup;
    const int32_t *count;
    const struct ember_function_info *table;
    const struct ember_function_info *run;
    char sym[256];
    const char *outdir = 0;
    int argi = 3, inputs_given = 0, k, i, j, nout = 0, same = 1;
    void *args[64];
    void *whole_out[64];
    uint32_t whole_bytes[64];
    int32_t out_tensor[64];
    uint32_t seed = 12345u;
    void *cpool = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: ember_host_caller LIB NAME [--out DIR] [INPUT.bin ...]\n");
        return 2;
    }
    lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], dlerror());
        return 2;
    }
    snprintf(sym, sizeof sym, "%s_lookup", argv[2]);
    *(void **)(&lookup) = dlsym(lib, sym);
    snprintf(sym, sizeof sym, "%s_function_count", argv[2]);
    count = (const int32_t *)dlsym(lib, sym);
    snprintf(sym, sizeof sym, "%s_functions", argv[2]);
    table = (const struct ember_function_info *)dlsym(lib, sym);
    snprintf(sym, sizeof sym, "%s_last_error", argv[2]);
    *(void **)(&last_error) = dlsym(lib, sym);
    if (!lookup || !count || !table) {
        fprintf(stderr, "%s has no function table for '%s' (compile with --packed-wrappers)\n", argv[1], argv[2]);
        return 2;
    }
    if (argi < argc && strcmp(argv[argi], "--out") == 0 && argi + 1 < argc) {
        outdir = argv[argi + 1];
        argi += 2;
    }
    snprintf(sym, sizeof sym, "%s_run", argv[2]);
    run = lookup(sym);
    if (!run || run->num_args > 64) {
        fprintf(stderr, "no function '%s' in the table\n", sym);
        return 2;
    }

    /* 1. the whole model through the packed entrypoint */
    for (i = 0; i < run->num_args; ++i) {
        const struct ember_arg_info *ai = &run->args[i];
        if (ai->role == EMBER_ROLE_INPUT) {
            uint8_t *b = tensor_buffer(ai->tensor, ai->bytes);
            if (argi < argc) {
                FILE *f = fopen(argv[argi++], "rb");
                if (!f || fread(b, 1, ai->bytes, f) != ai->bytes) {
                    fprintf(stderr, "cannot read %lu bytes for input '%s'\n", (unsigned long)ai->bytes, ai->name);
                    return 2;
                }
                fclose(f);
                ++inputs_given;
            } else {
                uint32_t n;
                for (n = 0; n < ai->bytes; ++n) {
                    seed = seed * 1664525u + 1013904223u;
                    b[n] = (uint8_t)(seed >> 24);
                }
                /* float inputs: keep them finite and moderate */
                if (ai->dtype_code == kDLFloat)
                    for (n = 0; n + 4 <= ai->bytes; n += 4) {
                        float v = (float)((int)b[n] - 128) / 64.0f;
                        memcpy(b + n, &v, 4);
                    }
            }
            args[i] = b;
        } else if (ai->role == EMBER_ROLE_OUTPUT) {
            whole_out[nout] = calloc(1, ai->bytes + 16);
            whole_bytes[nout] = ai->bytes;
            out_tensor[nout] = ai->tensor;
            args[i] = whole_out[nout++];
        } else if (ai->role == EMBER_ROLE_CONSTANTS) {
            cpool = aligned_alloc_arg(ai->bytes, ai->align);
            memcpy(cpool, ai->init, ai->bytes);
            args[i] = cpool;
        } else {
            args[i] = aligned_alloc_arg(ai->bytes, ai->align);
        }
    }
    k = call(run, args);
    if (k != 0) {
        fprintf(stderr, "%s returned %d: %s\n", run->name, k, reason());
        return 1;
    }
    printf("%s: ok (%d input(s) from files)\n", run->name, inputs_given);

    /* 2. layer by layer, tensors passed by id */
    for (j = 0; j < *count; ++j) {
        const struct ember_function_info *f = &table[j];
        const struct ember_function_info *byname;
        if (f == run) continue;
        byname = lookup(f->name); /* look every layer up by name, as a host would */
        if (byname != f || f->num_args > 64) {
            fprintf(stderr, "lookup('%s') failed\n", f->name);
            return 1;
        }
        for (i = 0; i < f->num_args; ++i) {
            const struct ember_arg_info *ai = &f->args[i];
            args[i] = ai->role == EMBER_ROLE_CONSTANTS ? cpool : tensor_buffer(ai->tensor, ai->bytes);
        }
        k = call(f, args);
        if (k != 0) {
            fprintf(stderr, "%s returned %d: %s\n", f->name, k, reason());
            return 1;
        }
    }
    printf("%d layer(s) called by name\n", *count - 1);

    /* 3. compare */
    for (i = 0; i < nout; ++i) {
        const uint8_t *layered = tensor_buffer(out_tensor[i], whole_bytes[i]);
        if (memcmp(layered, whole_out[i], whole_bytes[i]) != 0) same = 0;
        if (outdir) {
            FILE *f;
            snprintf(sym, sizeof sym, "%s/output%d.bin", outdir, i);
            f = fopen(sym, "wb");
            if (!f || fwrite(whole_out[i], 1, whole_bytes[i], f) != whole_bytes[i]) return 2;
            fclose(f);
        }
    }
    printf("outputs %s\n", same ? "identical" : "DIFFER");
    return same ? 0 : 1;
}
