/* micro_speech_pipeline: an audio front end and a keyword model, two Ember
   packages in one firmware.

   One second of 16 kHz audio is cut into 49 frames of 30 ms (480 samples)
   every 20 ms (320 samples), as TFLM's micro_speech does. Each frame goes
   through audio_fe (TFLM's audio_preprocessor_int8: window, FFT, filter bank,
   noise reduction, PCAN, log; it keeps state between calls), which writes one
   row of 40 int8 features. The rows go into a rolling 49x40 window; once it is
   full, kws (the keyword model) runs on it and gives 4 int8 scores.

   Everything is printed over semihosting, one line each:
     row <k> <80 hex digits: the 40 feature bytes> ticks <t>
     scores <4 x 2 hex digits> ticks <t>
     top <label>
   "ticks" are SysTick counts at the core clock around each call; under QEMU
   with -icount shift=0 one tick is 40 instructions (25 MHz). */
#include <stdint.h>
#include <string.h>

#include "audio_fe/audio_fe.h"
#include "kws/kws.h"

#define SAMPLES 16000 /* one second at 16 kHz */
#define WINDOW 480    /* 30 ms */
#define STRIDE 320    /* 20 ms */
#define FEATURES 40
#define ROWS 49 /* (SAMPLES - WINDOW) / STRIDE + 1 */

#if AUDIO_FE_INPUT_0_BYTES != WINDOW * 2 || AUDIO_FE_OUTPUT_0_BYTES != FEATURES || KWS_INPUT_0_BYTES != ROWS * FEATURES
#error "the models do not fit this pipeline: audio_fe takes 480 int16 samples to 40 int8 features, kws takes 49x40"
#endif

/* ---- semihosting: output and exit through the debugger or QEMU ---- */
static int semihost_call(int op, const void *arg)
{
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static void print(const char *s) { semihost_call(0x04, s); /* SYS_WRITE0 */ }

void semihost_exit(int code)
{
    /* SYS_EXIT with ADP_Stopped_ApplicationExit (0) or RunTimeErrorUnknown. */
    semihost_call(0x18, (const void *)(uintptr_t)(code == 0 ? 0x20026u : 0x20023u));
}

static char *put_hex(char *p, uint32_t v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    int i;
    for (i = digits - 1; i >= 0; --i) *p++ = hex[(v >> (4 * i)) & 0xFu];
    return p;
}

static char *put_dec(char *p, uint32_t v)
{
    char tmp[10];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    while (n) *p++ = tmp[--n];
    return p;
}

static char *put_str(char *p, const char *s)
{
    while (*s) *p++ = *s++;
    return p;
}

/* ---- SysTick at the core clock, extended to 32 bits by counting wraps ---- */
#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define ICSR (*(volatile uint32_t *)0xE000ED04u)
static volatile uint32_t wraps;
void SysTick_Handler(void) { wraps++; }

static void ticks_init(void)
{
    SYST_RVR = 0xFFFFFFu;
    SYST_CVR = 0;
    SYST_CSR = 7u; /* core clock, interrupt, enable */
}

static uint32_t ticks(void)
{
    uint32_t w, v, pending;
    do {
        w = wraps;
        v = SYST_CVR;
        pending = ICSR & (1u << 26);
    } while (w != wraps);
    if (pending && v > 0x800000u) w++; /* a wrap whose interrupt is not taken yet */
    return (w << 24) + (0xFFFFFFu - v);
}

/* ---- the audio ---- */
static int16_t audio[SAMPLES];

#ifdef EMBER_AUDIO_CLIP
/* A recorded clip (16 kHz mono PCM16), linked in from AUDIO_C. */
extern const int16_t ember_audio_clip[SAMPLES];
static void load_audio(void) { memcpy(audio, ember_audio_clip, sizeof audio); }
#else
/* A deterministic test signal: a triangle-wave chirp from 250 Hz to 2 kHz whose
   loudness swells and fades, over a little pseudo-random noise. */
static void load_audio(void)
{
    uint32_t phase = 0, noise = 12345u, i;
    for (i = 0; i < SAMPLES; ++i) {
        const uint32_t hz = 250u + (1750u * i) / SAMPLES;
        const int32_t tri = (int32_t)(phase >> 16) < 32768 ? (int32_t)(phase >> 16) - 16384
                                                           : 49151 - (int32_t)(phase >> 16);
        const int32_t envelope = (int32_t)(i < SAMPLES / 2 ? i : SAMPLES - i); /* 0 .. 8000 */
        int32_t s;
        phase += hz * 268435u; /* hz * 2^32 / 16000 */
        noise = noise * 1664525u + 1013904223u;
        s = tri * envelope / 8000 + (int32_t)(noise >> 22) - 512;
        audio[i] = (int16_t)(s > 32767 ? 32767 : s < -32768 ? -32768 : s);
    }
}
#endif

static int8_t window[ROWS][FEATURES]; /* the rolling feature window, oldest row first */
static int8_t scores[4];
static const char *const labels[4] = {"silence", "unknown", "yes", "no"};

int main(void)
{
    struct audio_fe_inputs fe_in;
    struct audio_fe_outputs fe_out;
    struct kws_inputs kws_in;
    struct kws_outputs kws_out;
    char line[160], *p;
    uint32_t t0, t1;
    int k, j, best = 0;

    ticks_init();
    load_audio();
    audio_fe_reset();
    for (k = 0; k < ROWS; ++k) {
        /* Slide the window by one row, then append the new frame's features. */
        memmove(window[0], window[1], sizeof window - sizeof window[0]);
        fe_in.serving_default_audio_frame_0 = &audio[k * STRIDE];
        fe_out.partitionedcall_0 = window[ROWS - 1];
        t0 = ticks();
        if (audio_fe_run(&fe_in, &fe_out) != 0) return 1;
        t1 = ticks();
        p = put_str(line, "row ");
        p = put_dec(p, (uint32_t)k);
        *p++ = ' ';
        for (j = 0; j < FEATURES; ++j) p = put_hex(p, (uint8_t)window[ROWS - 1][j], 2);
        p = put_str(p, " ticks ");
        p = put_dec(p, t1 - t0);
        p = put_str(p, "\n");
        *p = 0;
        print(line);
    }
    kws_in.input = &window[0][0];
    kws_out.output = scores;
    t0 = ticks();
    if (kws_run(&kws_in, &kws_out) != 0) return 2;
    t1 = ticks();
    p = put_str(line, "scores ");
    for (j = 0; j < 4; ++j) {
        p = put_hex(p, (uint8_t)scores[j], 2);
        if (scores[j] > scores[best]) best = j;
    }
    p = put_str(p, " ticks ");
    p = put_dec(p, t1 - t0);
    p = put_str(p, "\ntop ");
    p = put_str(p, labels[best]);
    p = put_str(p, "\n");
    *p = 0;
    print(line);
    return 0;
}
