/* Runs the KWS model that ember_add_model() compiled on each golden case and
   prints one PASS/FAIL line per case (on QEMU through semihosting). */
#include <stdio.h>
#include <string.h>

#include "kws/kws.h"

static int8_t in[KWS_INPUT_0_BYTES], out[KWS_OUTPUT_0_BYTES], expected[KWS_OUTPUT_0_BYTES];

static int readFile(const char *path, void *dst, size_t bytes)
{
    FILE *f = fopen(path, "rb");
    size_t got;
    if (!f) return 0;
    got = fread(dst, 1, bytes, f);
    fclose(f);
    return got == bytes;
}

int main(void)
{
    int k, failures = 0;
    for (k = 0; k < 3; ++k) {
        char path[1024];
        struct kws_inputs inputs;
        struct kws_outputs outputs;
        int32_t rc;
        snprintf(path, sizeof path, "%s/case%d.input0.bin", KWS_GOLDEN, k);
        if (!readFile(path, in, sizeof in)) {
            printf("case %d: FAIL cannot read %s\n", k, path);
            ++failures;
            continue;
        }
        snprintf(path, sizeof path, "%s/case%d.output0.bin", KWS_GOLDEN, k);
        if (!readFile(path, expected, sizeof expected)) {
            printf("case %d: FAIL cannot read %s\n", k, path);
            ++failures;
            continue;
        }
        inputs.input_1 = in;
        outputs.identity = out;
        rc = kws_run(&inputs, &outputs);
        if (rc != 0 || memcmp(out, expected, sizeof out) != 0) {
            printf("case %d: FAIL (status %d)\n", k, (int)rc);
            ++failures;
        } else {
            printf("case %d: PASS\n", k);
        }
    }
    printf("%s\n", failures ? "KWS FAILED" : "KWS BIT-EXACT");
    return failures ? 1 : 0;
}
