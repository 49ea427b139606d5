// TFLM Signal library: SignalRfft and SignalIrfft (signal/micro/kernels/
// rfft.cc, irfft.cc), real FFTs of every row of the last axis through
// KISS FFT v130 as TFLM builds it: int16 (FIXED_POINT 16: Q15 twiddles,
// every butterfly stage divides by its radix with rounding), int32
// (FIXED_POINT 32: Q31) and float.
//  - RFFT: each input row (input_length <= fft_length samples) is zero-padded
//    to fft_length and transformed to fft_length/2+1 complex bins stored as
//    interleaved (real, imag) pairs: output last axis = fft_length + 2.
//  - IRFFT: fft_length/2+1 complex bins per row -> fft_length samples. The
//    fixed-point variants keep KISS FFT's scaling; float divides by fft_length.
// The same mixed-radix algorithm (radix 4, 2, 3, 5, generic) is written twice:
// as C++ for the reference executor and as C for the generated code. Both
// use the same primitive operations per type (Arith / kArithC below), so the
// rounding and wrap-around of every step is the one KISS FFT performs.
#include <cmath>
#include <cstring>
#include <map>
#include <vector>

#include "SignalCommon.h"

namespace ember {
namespace {

using signal::Check;

// --- arithmetic per scalar type (KISS FFT's _kiss_fft_guts.h macros) ---------

template <class T> struct Arith;

template <> struct Arith<int16_t> {
    using T = int16_t;
    static T add(T a, T b) { return T(int32_t(a) + b); }
    static T sub(T a, T b) { return T(int32_t(a) - b); }
    static T neg(T a) { return T(-int32_t(a)); }
    static T smul(T a, T b) { return T((int32_t(a) * b + 16384) >> 15); }
    static void cmul(T *m, const T *a, const T *b) {
        const T r = T((int32_t(a[0]) * b[0] - int32_t(a[1]) * b[1] + 16384) >> 15);
        const T i = T((int32_t(a[0]) * b[1] + int32_t(a[1]) * b[0] + 16384) >> 15);
        m[0] = r, m[1] = i;
    }
    static void fixdiv(T *c, int k) {
        c[0] = T((int32_t(c[0]) * (32767 / k) + 16384) >> 15);
        c[1] = T((int32_t(c[1]) * (32767 / k) + 16384) >> 15);
    }
    static T half(T x) { return T(x >> 1); }
    static T halfSum(T a, T b) { return T((int32_t(a) + b) >> 1); }
    static T halfDiff(T a, T b) { return T((int32_t(a) - b) >> 1); }
    static T twiddle(double v) { return T(std::floor(.5 + 32767 * v)); }
};

template <> struct Arith<int32_t> {
    using T = int32_t;
    static T add(T a, T b) { return T(uint32_t(a) + uint32_t(b)); }
    static T sub(T a, T b) { return T(uint32_t(a) - uint32_t(b)); }
    static T neg(T a) { return T(0u - uint32_t(a)); }
    static T smul(T a, T b) { return T((int64_t(a) * b + 1073741824) >> 31); }
    static void cmul(T *m, const T *a, const T *b) {
        const T r = T((int64_t(a[0]) * b[0] - int64_t(a[1]) * b[1] + 1073741824) >> 31);
        const T i = T((int64_t(a[0]) * b[1] + int64_t(a[1]) * b[0] + 1073741824) >> 31);
        m[0] = r, m[1] = i;
    }
    static void fixdiv(T *c, int k) {
        c[0] = T((int64_t(c[0]) * (2147483647 / k) + 1073741824) >> 31);
        c[1] = T((int64_t(c[1]) * (2147483647 / k) + 1073741824) >> 31);
    }
    static T half(T x) { return T(x >> 1); }
    static T halfSum(T a, T b) { return T(add(a, b) >> 1); }
    static T halfDiff(T a, T b) { return T(sub(a, b) >> 1); }
    static T twiddle(double v) { return T(std::floor(.5 + 2147483647.0 * v)); }
};

template <> struct Arith<float> {
    using T = float;
    static T add(T a, T b) { return a + b; }
    static T sub(T a, T b) { return a - b; }
    static T neg(T a) { return -a; }
    static T smul(T a, T b) { return a * b; }
    static void cmul(T *m, const T *a, const T *b) {
        const T r = a[0] * b[0] - a[1] * b[1];
        const T i = a[0] * b[1] + a[1] * b[0];
        m[0] = r, m[1] = i;
    }
    static void fixdiv(T *, int) {}
    static T half(T x) { return T(double(x) * .5); }
    static T halfSum(T a, T b) { return T(double(a + b) * .5); }
    static T halfDiff(T a, T b) { return T(double(a - b) * .5); }
    static T twiddle(double v) { return T(v); }
};

// --- plan (kiss_fft_alloc / kiss_fftr_alloc) ---------------------------------

// kf_factor: powers of 4, then 2, then odd factors up to sqrt(n), then the rest.
std::vector<int32_t> kissFactors(int n) {
    std::vector<int32_t> f;
    int p = 4;
    const double floorSqrt = std::floor(std::sqrt(double(n)));
    do {
        while (n % p) {
            switch (p) {
            case 4: p = 2; break;
            case 2: p = 3; break;
            default: p += 2; break;
            }
            if (p > floorSqrt) p = n;
        }
        n /= p;
        f.push_back(p);
        f.push_back(n);
    } while (n > 1);
    return f;
}

template <class T> struct Plan {
    int nfft = 0;  // complex FFT length (fft_length / 2)
    bool inverse = false;
    std::vector<int32_t> factors;
    std::vector<T> tw, superTw;  // interleaved (r, i)
};

template <class T> Plan<T> makePlan(int fftLength, bool inverse) {
    using A = Arith<T>;
    Plan<T> p;
    p.nfft = fftLength / 2;
    p.inverse = inverse;
    p.factors = kissFactors(p.nfft);
    for (int i = 0; i < p.nfft; ++i) {
        const double pi = 3.141592653589793238462643383279502884197169399375105820974944;
        double phase = -2 * pi * i / p.nfft;
        if (inverse) phase *= -1;
        p.tw.push_back(A::twiddle(std::cos(phase)));
        p.tw.push_back(A::twiddle(std::sin(phase)));
    }
    for (int i = 0; i < p.nfft / 2; ++i) {
        double phase = -3.14159265358979323846264338327 * (double(i + 1) / p.nfft + .5);
        if (inverse) phase *= -1;
        p.superTw.push_back(A::twiddle(std::cos(phase)));
        p.superTw.push_back(A::twiddle(std::sin(phase)));
    }
    return p;
}

// --- reference (C++) ----------------------------------------------------------

template <class T> struct Kiss {
    using A = Arith<T>;
    const Plan<T> &p;

    const T *tw(size_t k) const { return &p.tw[2 * k]; }

    void bfly2(T *F, size_t fs, int m) const {
        for (int u = 0; u < m; ++u) {
            T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), t[2];
            A::fixdiv(f0, 2), A::fixdiv(f1, 2);
            A::cmul(t, f1, tw(size_t(u) * fs));
            f1[0] = A::sub(f0[0], t[0]), f1[1] = A::sub(f0[1], t[1]);
            f0[0] = A::add(f0[0], t[0]), f0[1] = A::add(f0[1], t[1]);
        }
    }

    void bfly3(T *F, size_t fs, int m) const {
        const T *epi3 = tw(fs * size_t(m));
        for (int u = 0; u < m; ++u) {
            T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), *f2 = F + 2 * (u + 2 * m);
            T s0[2], s1[2], s2[2], s3[2];
            A::fixdiv(f0, 3), A::fixdiv(f1, 3), A::fixdiv(f2, 3);
            A::cmul(s1, f1, tw(size_t(u) * fs));
            A::cmul(s2, f2, tw(2 * size_t(u) * fs));
            s3[0] = A::add(s1[0], s2[0]), s3[1] = A::add(s1[1], s2[1]);
            s0[0] = A::sub(s1[0], s2[0]), s0[1] = A::sub(s1[1], s2[1]);
            f1[0] = A::sub(f0[0], A::half(s3[0]));
            f1[1] = A::sub(f0[1], A::half(s3[1]));
            s0[0] = A::smul(s0[0], epi3[1]), s0[1] = A::smul(s0[1], epi3[1]);
            f0[0] = A::add(f0[0], s3[0]), f0[1] = A::add(f0[1], s3[1]);
            f2[0] = A::add(f1[0], s0[1]), f2[1] = A::sub(f1[1], s0[0]);
            f1[0] = A::sub(f1[0], s0[1]), f1[1] = A::add(f1[1], s0[0]);
        }
    }

    void bfly4(T *F, size_t fs, int m) const {
        for (int u = 0; u < m; ++u) {
            T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), *f2 = F + 2 * (u + 2 * m), *f3 = F + 2 * (u + 3 * m);
            T s0[2], s1[2], s2[2], s3[2], s4[2], s5[2];
            A::fixdiv(f0, 4), A::fixdiv(f1, 4), A::fixdiv(f2, 4), A::fixdiv(f3, 4);
            A::cmul(s0, f1, tw(size_t(u) * fs));
            A::cmul(s1, f2, tw(2 * size_t(u) * fs));
            A::cmul(s2, f3, tw(3 * size_t(u) * fs));
            s5[0] = A::sub(f0[0], s1[0]), s5[1] = A::sub(f0[1], s1[1]);
            f0[0] = A::add(f0[0], s1[0]), f0[1] = A::add(f0[1], s1[1]);
            s3[0] = A::add(s0[0], s2[0]), s3[1] = A::add(s0[1], s2[1]);
            s4[0] = A::sub(s0[0], s2[0]), s4[1] = A::sub(s0[1], s2[1]);
            f2[0] = A::sub(f0[0], s3[0]), f2[1] = A::sub(f0[1], s3[1]);
            f0[0] = A::add(f0[0], s3[0]), f0[1] = A::add(f0[1], s3[1]);
            if (p.inverse) {
                f1[0] = A::sub(s5[0], s4[1]), f1[1] = A::add(s5[1], s4[0]);
                f3[0] = A::add(s5[0], s4[1]), f3[1] = A::sub(s5[1], s4[0]);
            } else {
                f1[0] = A::add(s5[0], s4[1]), f1[1] = A::sub(s5[1], s4[0]);
                f3[0] = A::sub(s5[0], s4[1]), f3[1] = A::add(s5[1], s4[0]);
            }
        }
    }

    void bfly5(T *F, size_t fs, int m) const {
        const T *ya = tw(fs * size_t(m)), *yb = tw(fs * 2 * size_t(m));
        for (int u = 0; u < m; ++u) {
            T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), *f2 = F + 2 * (u + 2 * m), *f3 = F + 2 * (u + 3 * m),
              *f4 = F + 2 * (u + 4 * m);
            T s[13][2];
            A::fixdiv(f0, 5), A::fixdiv(f1, 5), A::fixdiv(f2, 5), A::fixdiv(f3, 5), A::fixdiv(f4, 5);
            s[0][0] = f0[0], s[0][1] = f0[1];
            A::cmul(s[1], f1, tw(size_t(u) * fs));
            A::cmul(s[2], f2, tw(2 * size_t(u) * fs));
            A::cmul(s[3], f3, tw(3 * size_t(u) * fs));
            A::cmul(s[4], f4, tw(4 * size_t(u) * fs));
            for (int c = 0; c < 2; ++c) {
                s[7][c] = A::add(s[1][c], s[4][c]);
                s[10][c] = A::sub(s[1][c], s[4][c]);
                s[8][c] = A::add(s[2][c], s[3][c]);
                s[9][c] = A::sub(s[2][c], s[3][c]);
            }
            f0[0] = A::add(f0[0], A::add(s[7][0], s[8][0]));
            f0[1] = A::add(f0[1], A::add(s[7][1], s[8][1]));
            s[5][0] = A::add(A::add(s[0][0], A::smul(s[7][0], ya[0])), A::smul(s[8][0], yb[0]));
            s[5][1] = A::add(A::add(s[0][1], A::smul(s[7][1], ya[0])), A::smul(s[8][1], yb[0]));
            s[6][0] = A::add(A::smul(s[10][1], ya[1]), A::smul(s[9][1], yb[1]));
            s[6][1] = A::sub(A::neg(A::smul(s[10][0], ya[1])), A::smul(s[9][0], yb[1]));
            f1[0] = A::sub(s[5][0], s[6][0]), f1[1] = A::sub(s[5][1], s[6][1]);
            f4[0] = A::add(s[5][0], s[6][0]), f4[1] = A::add(s[5][1], s[6][1]);
            s[11][0] = A::add(A::add(s[0][0], A::smul(s[7][0], yb[0])), A::smul(s[8][0], ya[0]));
            s[11][1] = A::add(A::add(s[0][1], A::smul(s[7][1], yb[0])), A::smul(s[8][1], ya[0]));
            s[12][0] = A::add(A::neg(A::smul(s[10][1], yb[1])), A::smul(s[9][1], ya[1]));
            s[12][1] = A::sub(A::smul(s[10][0], yb[1]), A::smul(s[9][0], ya[1]));
            f2[0] = A::add(s[11][0], s[12][0]), f2[1] = A::add(s[11][1], s[12][1]);
            f3[0] = A::sub(s[11][0], s[12][0]), f3[1] = A::sub(s[11][1], s[12][1]);
        }
    }

    void bflyGeneric(T *F, size_t fs, int m, int pr) const {
        std::vector<T> scratch(2 * size_t(pr));
        for (int u = 0; u < m; ++u) {
            int k = u;
            for (int q1 = 0; q1 < pr; ++q1, k += m) {
                scratch[2 * q1] = F[2 * k], scratch[2 * q1 + 1] = F[2 * k + 1];
                A::fixdiv(&scratch[2 * q1], pr);
            }
            k = u;
            for (int q1 = 0; q1 < pr; ++q1, k += m) {
                size_t twidx = 0;
                F[2 * k] = scratch[0], F[2 * k + 1] = scratch[1];
                for (int q = 1; q < pr; ++q) {
                    twidx += fs * size_t(k);
                    if (twidx >= size_t(p.nfft)) twidx -= size_t(p.nfft);
                    T t[2];
                    A::cmul(t, &scratch[2 * q], tw(twidx));
                    F[2 * k] = A::add(F[2 * k], t[0]), F[2 * k + 1] = A::add(F[2 * k + 1], t[1]);
                }
            }
        }
    }

    void work(T *F, const T *f, size_t fs, const int32_t *fac) const {
        const int pr = fac[0], m = fac[1];
        for (int q = 0; q < pr; ++q) {
            if (m == 1) F[2 * q] = f[2 * q * fs], F[2 * q + 1] = f[2 * q * fs + 1];
            else work(F + 2 * size_t(q) * size_t(m), f + 2 * size_t(q) * fs, fs * size_t(pr), fac + 2);
        }
        switch (pr) {
        case 2: bfly2(F, fs, m); break;
        case 3: bfly3(F, fs, m); break;
        case 4: bfly4(F, fs, m); break;
        case 5: bfly5(F, fs, m); break;
        default: bflyGeneric(F, fs, m, pr); break;
        }
    }

    // kiss_fftr: `time` holds 2*nfft reals, `freq` gets nfft+1 complex bins.
    void rfft(const T *time, T *freq) const {
        const int n = p.nfft;
        std::vector<T> tmp(2 * size_t(n));
        work(tmp.data(), time, 1, p.factors.data());
        T tdc[2] = {tmp[0], tmp[1]};
        A::fixdiv(tdc, 2);
        freq[0] = A::add(tdc[0], tdc[1]);
        freq[2 * n] = A::sub(tdc[0], tdc[1]);
        freq[1] = freq[2 * n + 1] = T(0);
        for (int k = 1; k <= n / 2; ++k) {
            T fpk[2] = {tmp[2 * k], tmp[2 * k + 1]};
            T fpnk[2] = {tmp[2 * (n - k)], A::neg(tmp[2 * (n - k) + 1])};
            A::fixdiv(fpk, 2), A::fixdiv(fpnk, 2);
            const T f1k[2] = {A::add(fpk[0], fpnk[0]), A::add(fpk[1], fpnk[1])};
            const T f2k[2] = {A::sub(fpk[0], fpnk[0]), A::sub(fpk[1], fpnk[1])};
            T t[2];
            A::cmul(t, f2k, &p.superTw[2 * size_t(k - 1)]);
            freq[2 * k] = A::halfSum(f1k[0], t[0]);
            freq[2 * k + 1] = A::halfSum(f1k[1], t[1]);
            freq[2 * (n - k)] = A::halfDiff(f1k[0], t[0]);
            freq[2 * (n - k) + 1] = A::halfDiff(t[1], f1k[1]);
        }
    }

    // kiss_fftri: nfft+1 complex bins -> 2*nfft reals.
    void irfft(const T *freq, T *time) const {
        const int n = p.nfft;
        std::vector<T> tmp(2 * size_t(n));
        tmp[0] = A::add(freq[0], freq[2 * n]);
        tmp[1] = A::sub(freq[0], freq[2 * n]);
        A::fixdiv(&tmp[0], 2);
        for (int k = 1; k <= n / 2; ++k) {
            T fk[2] = {freq[2 * k], freq[2 * k + 1]};
            T fnkc[2] = {freq[2 * (n - k)], A::neg(freq[2 * (n - k) + 1])};
            A::fixdiv(fk, 2), A::fixdiv(fnkc, 2);
            const T fek[2] = {A::add(fk[0], fnkc[0]), A::add(fk[1], fnkc[1])};
            const T d[2] = {A::sub(fk[0], fnkc[0]), A::sub(fk[1], fnkc[1])};
            T fok[2];
            A::cmul(fok, d, &p.superTw[2 * size_t(k - 1)]);
            tmp[2 * k] = A::add(fek[0], fok[0]), tmp[2 * k + 1] = A::add(fek[1], fok[1]);
            tmp[2 * (n - k)] = A::sub(fek[0], fok[0]), tmp[2 * (n - k) + 1] = A::sub(fek[1], fok[1]);
            tmp[2 * (n - k) + 1] = A::neg(tmp[2 * (n - k) + 1]);
        }
        work(time, tmp.data(), 1, p.factors.data());
    }
};

// --- C emission ----------------------------------------------------------------

struct ArithC {
    const char *suffix, *type;
    std::string prims;   // add, sub, neg, smul, cmul, fixdiv, half (the complex FFT)
    std::string halves;  // hsum, hdiff (only the forward real FFT uses them)
};

ArithC arithC(DType dt) {
    if (dt == DType::Int16)
        return {"i16", "int16_t",
                "/* KISS FFT int16 (Q15) primitives: int arithmetic, rounding shift by 15, wrap to 16 bits. */\n"
                "static int16_t ember_kf_add_i16(int16_t a, int16_t b) { return (int16_t)(a + b); }\n"
                "static int16_t ember_kf_sub_i16(int16_t a, int16_t b) { return (int16_t)(a - b); }\n"
                "static int16_t ember_kf_neg_i16(int16_t a) { return (int16_t)(-a); }\n"
                "static int16_t ember_kf_smul_i16(int16_t a, int16_t b) { return (int16_t)(((int32_t)a * b + 16384) >> 15); }\n"
                "static void ember_kf_cmul_i16(int16_t *m, const int16_t *a, const int16_t *b) {\n"
                "    const int16_t r = (int16_t)(((int32_t)a[0] * b[0] - (int32_t)a[1] * b[1] + 16384) >> 15);\n"
                "    const int16_t i = (int16_t)(((int32_t)a[0] * b[1] + (int32_t)a[1] * b[0] + 16384) >> 15);\n"
                "    m[0] = r;\n"
                "    m[1] = i;\n"
                "}\n"
                "static void ember_kf_fixdiv_i16(int16_t *c, int k) {\n"
                "    c[0] = (int16_t)(((int32_t)c[0] * (32767 / k) + 16384) >> 15);\n"
                "    c[1] = (int16_t)(((int32_t)c[1] * (32767 / k) + 16384) >> 15);\n"
                "}\n"
                "static int16_t ember_kf_half_i16(int16_t x) { return (int16_t)(x >> 1); }\n",
                "static int16_t ember_kf_hsum_i16(int16_t a, int16_t b) { return (int16_t)(((int32_t)a + b) >> 1); }\n"
                "static int16_t ember_kf_hdiff_i16(int16_t a, int16_t b) { return (int16_t)(((int32_t)a - b) >> 1); }\n"};
    if (dt == DType::Int32)
        return {"i32", "int32_t",
                "/* KISS FFT int32 (Q31) primitives: 64-bit products, rounding shift by 31, 32-bit wrap-around. */\n"
                "static int32_t ember_kf_add_i32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }\n"
                "static int32_t ember_kf_sub_i32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }\n"
                "static int32_t ember_kf_neg_i32(int32_t a) { return (int32_t)(0u - (uint32_t)a); }\n"
                "static int32_t ember_kf_smul_i32(int32_t a, int32_t b) { return (int32_t)(((int64_t)a * b + 1073741824) >> 31); }\n"
                "static void ember_kf_cmul_i32(int32_t *m, const int32_t *a, const int32_t *b) {\n"
                "    const int32_t r = (int32_t)(((int64_t)a[0] * b[0] - (int64_t)a[1] * b[1] + 1073741824) >> 31);\n"
                "    const int32_t i = (int32_t)(((int64_t)a[0] * b[1] + (int64_t)a[1] * b[0] + 1073741824) >> 31);\n"
                "    m[0] = r;\n"
                "    m[1] = i;\n"
                "}\n"
                "static void ember_kf_fixdiv_i32(int32_t *c, int k) {\n"
                "    c[0] = (int32_t)(((int64_t)c[0] * (2147483647 / k) + 1073741824) >> 31);\n"
                "    c[1] = (int32_t)(((int64_t)c[1] * (2147483647 / k) + 1073741824) >> 31);\n"
                "}\n"
                "static int32_t ember_kf_half_i32(int32_t x) { return x >> 1; }\n",
                "static int32_t ember_kf_hsum_i32(int32_t a, int32_t b) { return ember_kf_add_i32(a, b) >> 1; }\n"
                "static int32_t ember_kf_hdiff_i32(int32_t a, int32_t b) { return ember_kf_sub_i32(a, b) >> 1; }\n"};
    return {"f32", "float",
            "/* KISS FFT float primitives. */\n"
            "static float ember_kf_add_f32(float a, float b) { return a + b; }\n"
            "static float ember_kf_sub_f32(float a, float b) { return a - b; }\n"
            "static float ember_kf_neg_f32(float a) { return -a; }\n"
            "static float ember_kf_smul_f32(float a, float b) { return a * b; }\n"
            "static void ember_kf_cmul_f32(float *m, const float *a, const float *b) {\n"
            "    const float r = a[0] * b[0] - a[1] * b[1];\n"
            "    const float i = a[0] * b[1] + a[1] * b[0];\n"
            "    m[0] = r;\n"
            "    m[1] = i;\n"
            "}\n"
            "static void ember_kf_fixdiv_f32(float *c, int k) { (void)c; (void)k; }\n"
            "static float ember_kf_half_f32(float x) { return (float)(x * .5); }\n",
            "static float ember_kf_hsum_f32(float a, float b) { return (float)((a + b) * .5); }\n"
            "static float ember_kf_hdiff_f32(float a, float b) { return (float)((a - b) * .5); }\n"};
}

// The butterflies, the recursion and the real-FFT wrappers, written once with
// @T (scalar type) and @S (suffix) placeholders. Complex values are
// interleaved (r, i) pairs; `tw` holds the nfft twiddles of the complex FFT.
const char *kKissC = R"C(/* KISS FFT (v130) for @T: one mixed-radix stage per factor pair (p, m). */
static void ember_kf_bfly2_@S(@T *F, size_t fs, int m, const @T *tw) {
    int u;
    for (u = 0; u < m; ++u) {
        @T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), t[2];
        ember_kf_fixdiv_@S(f0, 2);
        ember_kf_fixdiv_@S(f1, 2);
        ember_kf_cmul_@S(t, f1, tw + 2 * (u * fs));
        f1[0] = ember_kf_sub_@S(f0[0], t[0]);
        f1[1] = ember_kf_sub_@S(f0[1], t[1]);
        f0[0] = ember_kf_add_@S(f0[0], t[0]);
        f0[1] = ember_kf_add_@S(f0[1], t[1]);
    }
}

static void ember_kf_bfly3_@S(@T *F, size_t fs, int m, const @T *tw) {
    const @T *epi3 = tw + 2 * (fs * m);
    int u;
    for (u = 0; u < m; ++u) {
        @T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), *f2 = F + 2 * (u + 2 * m);
        @T s0[2], s1[2], s2[2], s3[2];
        ember_kf_fixdiv_@S(f0, 3);
        ember_kf_fixdiv_@S(f1, 3);
        ember_kf_fixdiv_@S(f2, 3);
        ember_kf_cmul_@S(s1, f1, tw + 2 * (u * fs));
        ember_kf_cmul_@S(s2, f2, tw + 2 * (2 * u * fs));
        s3[0] = ember_kf_add_@S(s1[0], s2[0]);
        s3[1] = ember_kf_add_@S(s1[1], s2[1]);
        s0[0] = ember_kf_sub_@S(s1[0], s2[0]);
        s0[1] = ember_kf_sub_@S(s1[1], s2[1]);
        f1[0] = ember_kf_sub_@S(f0[0], ember_kf_half_@S(s3[0]));
        f1[1] = ember_kf_sub_@S(f0[1], ember_kf_half_@S(s3[1]));
        s0[0] = ember_kf_smul_@S(s0[0], epi3[1]);
        s0[1] = ember_kf_smul_@S(s0[1], epi3[1]);
        f0[0] = ember_kf_add_@S(f0[0], s3[0]);
        f0[1] = ember_kf_add_@S(f0[1], s3[1]);
        f2[0] = ember_kf_add_@S(f1[0], s0[1]);
        f2[1] = ember_kf_sub_@S(f1[1], s0[0]);
        f1[0] = ember_kf_sub_@S(f1[0], s0[1]);
        f1[1] = ember_kf_add_@S(f1[1], s0[0]);
    }
}

static void ember_kf_bfly4_@S(@T *F, size_t fs, int m, const @T *tw, int inverse) {
    int u;
    for (u = 0; u < m; ++u) {
        @T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), *f2 = F + 2 * (u + 2 * m), *f3 = F + 2 * (u + 3 * m);
        @T s0[2], s1[2], s2[2], s3[2], s4[2], s5[2];
        ember_kf_fixdiv_@S(f0, 4);
        ember_kf_fixdiv_@S(f1, 4);
        ember_kf_fixdiv_@S(f2, 4);
        ember_kf_fixdiv_@S(f3, 4);
        ember_kf_cmul_@S(s0, f1, tw + 2 * (u * fs));
        ember_kf_cmul_@S(s1, f2, tw + 2 * (2 * u * fs));
        ember_kf_cmul_@S(s2, f3, tw + 2 * (3 * u * fs));
        s5[0] = ember_kf_sub_@S(f0[0], s1[0]);
        s5[1] = ember_kf_sub_@S(f0[1], s1[1]);
        f0[0] = ember_kf_add_@S(f0[0], s1[0]);
        f0[1] = ember_kf_add_@S(f0[1], s1[1]);
        s3[0] = ember_kf_add_@S(s0[0], s2[0]);
        s3[1] = ember_kf_add_@S(s0[1], s2[1]);
        s4[0] = ember_kf_sub_@S(s0[0], s2[0]);
        s4[1] = ember_kf_sub_@S(s0[1], s2[1]);
        f2[0] = ember_kf_sub_@S(f0[0], s3[0]);
        f2[1] = ember_kf_sub_@S(f0[1], s3[1]);
        f0[0] = ember_kf_add_@S(f0[0], s3[0]);
        f0[1] = ember_kf_add_@S(f0[1], s3[1]);
        if (inverse) {
            f1[0] = ember_kf_sub_@S(s5[0], s4[1]);
            f1[1] = ember_kf_add_@S(s5[1], s4[0]);
            f3[0] = ember_kf_add_@S(s5[0], s4[1]);
            f3[1] = ember_kf_sub_@S(s5[1], s4[0]);
        } else {
            f1[0] = ember_kf_add_@S(s5[0], s4[1]);
            f1[1] = ember_kf_sub_@S(s5[1], s4[0]);
            f3[0] = ember_kf_sub_@S(s5[0], s4[1]);
            f3[1] = ember_kf_add_@S(s5[1], s4[0]);
        }
    }
}

static void ember_kf_bfly5_@S(@T *F, size_t fs, int m, const @T *tw) {
    const @T *ya = tw + 2 * (fs * m), *yb = tw + 2 * (fs * 2 * m);
    int u, c;
    for (u = 0; u < m; ++u) {
        @T *f0 = F + 2 * u, *f1 = F + 2 * (u + m), *f2 = F + 2 * (u + 2 * m), *f3 = F + 2 * (u + 3 * m);
        @T *f4 = F + 2 * (u + 4 * m);
        @T s[13][2];
        ember_kf_fixdiv_@S(f0, 5);
        ember_kf_fixdiv_@S(f1, 5);
        ember_kf_fixdiv_@S(f2, 5);
        ember_kf_fixdiv_@S(f3, 5);
        ember_kf_fixdiv_@S(f4, 5);
        s[0][0] = f0[0];
        s[0][1] = f0[1];
        ember_kf_cmul_@S(s[1], f1, tw + 2 * (u * fs));
        ember_kf_cmul_@S(s[2], f2, tw + 2 * (2 * u * fs));
        ember_kf_cmul_@S(s[3], f3, tw + 2 * (3 * u * fs));
        ember_kf_cmul_@S(s[4], f4, tw + 2 * (4 * u * fs));
        for (c = 0; c < 2; ++c) {
            s[7][c] = ember_kf_add_@S(s[1][c], s[4][c]);
            s[10][c] = ember_kf_sub_@S(s[1][c], s[4][c]);
            s[8][c] = ember_kf_add_@S(s[2][c], s[3][c]);
            s[9][c] = ember_kf_sub_@S(s[2][c], s[3][c]);
        }
        for (c = 0; c < 2; ++c) {
            f0[c] = ember_kf_add_@S(f0[c], ember_kf_add_@S(s[7][c], s[8][c]));
            s[5][c] = ember_kf_add_@S(ember_kf_add_@S(s[0][c], ember_kf_smul_@S(s[7][c], ya[0])),
                                      ember_kf_smul_@S(s[8][c], yb[0]));
            s[11][c] = ember_kf_add_@S(ember_kf_add_@S(s[0][c], ember_kf_smul_@S(s[7][c], yb[0])),
                                       ember_kf_smul_@S(s[8][c], ya[0]));
        }
        s[6][0] = ember_kf_add_@S(ember_kf_smul_@S(s[10][1], ya[1]), ember_kf_smul_@S(s[9][1], yb[1]));
        s[6][1] = ember_kf_sub_@S(ember_kf_neg_@S(ember_kf_smul_@S(s[10][0], ya[1])), ember_kf_smul_@S(s[9][0], yb[1]));
        s[12][0] = ember_kf_add_@S(ember_kf_neg_@S(ember_kf_smul_@S(s[10][1], yb[1])), ember_kf_smul_@S(s[9][1], ya[1]));
        s[12][1] = ember_kf_sub_@S(ember_kf_smul_@S(s[10][0], yb[1]), ember_kf_smul_@S(s[9][0], ya[1]));
        for (c = 0; c < 2; ++c) {
            f1[c] = ember_kf_sub_@S(s[5][c], s[6][c]);
            f4[c] = ember_kf_add_@S(s[5][c], s[6][c]);
            f2[c] = ember_kf_add_@S(s[11][c], s[12][c]);
            f3[c] = ember_kf_sub_@S(s[11][c], s[12][c]);
        }
    }
}

/* Any other radix p; `scratch` holds p complex values. */
static void ember_kf_bflyp_@S(@T *F, size_t fs, int m, int p, const @T *tw, int nfft, @T *scratch) {
    int u, q1, q, k;
    for (u = 0; u < m; ++u) {
        for (q1 = 0, k = u; q1 < p; ++q1, k += m) {
            scratch[2 * q1] = F[2 * k];
            scratch[2 * q1 + 1] = F[2 * k + 1];
            ember_kf_fixdiv_@S(scratch + 2 * q1, p);
        }
        for (q1 = 0, k = u; q1 < p; ++q1, k += m) {
            size_t twidx = 0;
            F[2 * k] = scratch[0];
            F[2 * k + 1] = scratch[1];
            for (q = 1; q < p; ++q) {
                @T t[2];
                twidx += fs * (size_t)k;
                if (twidx >= (size_t)nfft) twidx -= (size_t)nfft;
                ember_kf_cmul_@S(t, scratch + 2 * q, tw + 2 * twidx);
                F[2 * k] = ember_kf_add_@S(F[2 * k], t[0]);
                F[2 * k + 1] = ember_kf_add_@S(F[2 * k + 1], t[1]);
            }
        }
    }
}

static void ember_kf_work_@S(@T *F, const @T *f, size_t fs, const int32_t *fac, const @T *tw, int nfft,
                             int inverse, @T *scratch) {
    const int p = (int)fac[0], m = (int)fac[1];
    int q;
    for (q = 0; q < p; ++q) {
        if (m == 1) {
            F[2 * q] = f[2 * q * fs];
            F[2 * q + 1] = f[2 * q * fs + 1];
        } else {
            ember_kf_work_@S(F + 2 * (size_t)q * (size_t)m, f + 2 * (size_t)q * fs, fs * (size_t)p, fac + 2, tw, nfft,
                             inverse, scratch);
        }
    }
    switch (p) {
    case 2: ember_kf_bfly2_@S(F, fs, m, tw); break;
    case 3: ember_kf_bfly3_@S(F, fs, m, tw); break;
    case 4: ember_kf_bfly4_@S(F, fs, m, tw, inverse); break;
    case 5: ember_kf_bfly5_@S(F, fs, m, tw); break;
    default: ember_kf_bflyp_@S(F, fs, m, p, tw, nfft, scratch); break;
    }
}
)C";

const char *kRfftC = R"C(/* kiss_fftr: 2*n reals -> n+1 complex bins; tmp holds n complex values. */
static void ember_kf_rfft_@S(const @T *time, @T *freq, int n, const int32_t *fac, const @T *tw, const @T *stw,
                             @T *tmp, @T *scratch) {
    @T tdc[2];
    int k;
    ember_kf_work_@S(tmp, time, 1, fac, tw, n, 0, scratch);
    tdc[0] = tmp[0];
    tdc[1] = tmp[1];
    ember_kf_fixdiv_@S(tdc, 2);
    freq[0] = ember_kf_add_@S(tdc[0], tdc[1]);
    freq[2 * n] = ember_kf_sub_@S(tdc[0], tdc[1]);
    freq[1] = 0;
    freq[2 * n + 1] = 0;
    for (k = 1; k <= n / 2; ++k) {
        @T fpk[2], fpnk[2], f1k[2], f2k[2], t[2];
        fpk[0] = tmp[2 * k];
        fpk[1] = tmp[2 * k + 1];
        fpnk[0] = tmp[2 * (n - k)];
        fpnk[1] = ember_kf_neg_@S(tmp[2 * (n - k) + 1]);
        ember_kf_fixdiv_@S(fpk, 2);
        ember_kf_fixdiv_@S(fpnk, 2);
        f1k[0] = ember_kf_add_@S(fpk[0], fpnk[0]);
        f1k[1] = ember_kf_add_@S(fpk[1], fpnk[1]);
        f2k[0] = ember_kf_sub_@S(fpk[0], fpnk[0]);
        f2k[1] = ember_kf_sub_@S(fpk[1], fpnk[1]);
        ember_kf_cmul_@S(t, f2k, stw + 2 * (k - 1));
        freq[2 * k] = ember_kf_hsum_@S(f1k[0], t[0]);
        freq[2 * k + 1] = ember_kf_hsum_@S(f1k[1], t[1]);
        freq[2 * (n - k)] = ember_kf_hdiff_@S(f1k[0], t[0]);
        freq[2 * (n - k) + 1] = ember_kf_hdiff_@S(t[1], f1k[1]);
    }
}
)C";

const char *kIrfftC = R"C(/* kiss_fftri: n+1 complex bins -> 2*n reals; tmp holds n complex values. */
static void ember_kf_irfft_@S(const @T *freq, @T *time, int n, const int32_t *fac, const @T *tw, const @T *stw,
                              @T *tmp, @T *scratch) {
    int k;
    tmp[0] = ember_kf_add_@S(freq[0], freq[2 * n]);
    tmp[1] = ember_kf_sub_@S(freq[0], freq[2 * n]);
    ember_kf_fixdiv_@S(tmp, 2);
    for (k = 1; k <= n / 2; ++k) {
        @T fk[2], fnkc[2], fek[2], d[2], fok[2];
        fk[0] = freq[2 * k];
        fk[1] = freq[2 * k + 1];
        fnkc[0] = freq[2 * (n - k)];
        fnkc[1] = ember_kf_neg_@S(freq[2 * (n - k) + 1]);
        ember_kf_fixdiv_@S(fk, 2);
        ember_kf_fixdiv_@S(fnkc, 2);
        fek[0] = ember_kf_add_@S(fk[0], fnkc[0]);
        fek[1] = ember_kf_add_@S(fk[1], fnkc[1]);
        d[0] = ember_kf_sub_@S(fk[0], fnkc[0]);
        d[1] = ember_kf_sub_@S(fk[1], fnkc[1]);
        ember_kf_cmul_@S(fok, d, stw + 2 * (k - 1));
        tmp[2 * k] = ember_kf_add_@S(fek[0], fok[0]);
        tmp[2 * k + 1] = ember_kf_add_@S(fek[1], fok[1]);
        tmp[2 * (n - k)] = ember_kf_sub_@S(fek[0], fok[0]);
        tmp[2 * (n - k) + 1] = ember_kf_neg_@S(ember_kf_sub_@S(fek[1], fok[1]));
    }
    ember_kf_work_@S(time, tmp, 1, fac, tw, n, 1, scratch);
}
)C";

std::string instantiate(const char *tmpl, const ArithC &a) {
    std::string s = tmpl;
    for (size_t pos; (pos = s.find("@T")) != std::string::npos;) s.replace(pos, 2, a.type);
    for (size_t pos; (pos = s.find("@S")) != std::string::npos;) s.replace(pos, 2, a.suffix);
    return s;
}

void useKissHelpers(EmitContext &ctx, DType dt, bool inverse) {
    const ArithC a = arithC(dt);
    const std::string sfx = a.suffix;
    ctx.addHelper("ember_kf_prims_" + sfx, a.prims);
    ctx.addHelper("ember_kf_work_" + sfx, instantiate(kKissC, a));
    if (inverse) ctx.addHelper("ember_kf_irfft_" + sfx, instantiate(kIrfftC, a));
    else {
        ctx.addHelper("ember_kf_halves_" + sfx, a.halves);
        ctx.addHelper("ember_kf_rfft_" + sfx, instantiate(kRfftC, a));
    }
}

// --- the ops ---------------------------------------------------------------------

struct Params {
    bool inverse = false;
    DType dt = DType::Int16;
    int fftLength = 0;
    int rows = 0;
    int inLength = 0;   // RFFT: reals per input row; IRFFT: complex bins per input row
    int outLength = 0;  // RFFT: complex bins per output row; IRFFT: reals per output row
    int maxRadix = 0;   // largest factor the generic butterfly sees (its scratch)
};

bool prepareFft(Graph &g, Op &op, Diagnostics &d, bool inverse) {
    const Check c{g, op, d, inverse ? "SignalIrfft" : "SignalRfft"};
    if (!c.io(1, 1)) return false;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    int64_t type = 0, fftLength = 0;
    if (!c.options(&m) || !c.intOption(m, "T", &type) || !c.intOption(m, "fft_length", &fftLength)) return false;
    Params p;
    p.inverse = inverse;
    // TensorType codes of the options' T.
    switch (type) {
    case 0: p.dt = DType::Float32; break;
    case 2: p.dt = DType::Int32; break;
    case 7: p.dt = DType::Int16; break;
    default: return c.fail("option T=" + std::to_string(type) + " is not int16, int32 or float32");
    }
    if (!c.tensor(0, false, p.dt, -1, "input (the type the options' T names)") ||
        !c.tensor(0, true, p.dt, -1, "output (the type the options' T names)"))
        return false;
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    if (in.shape.size() != out.shape.size())
        return c.fail("input " + shapeString(in.shape) + " and output " + shapeString(out.shape) +
                      " must have the same rank", op.outputs[0]);
    if (fftLength < 2 || fftLength % 2 || fftLength > (1 << 20))
        return c.fail("fft_length " + std::to_string(fftLength) + " must be even and at least 2 (KISS FFT's real "
                      "transform needs an even length)");
    p.fftLength = int(fftLength);
    // TFLM's KISS FFT build cannot allocate the generic butterfly's scratch
    // (radix 7, 11, ... and the length-1 transform), so it fails on those.
    int rest = p.fftLength / 2;
    for (int f : {2, 3, 5})
        while (rest % f == 0) rest /= f;
    if (p.fftLength < 4 || rest != 1)
        return c.fail("fft_length " + std::to_string(p.fftLength) + " is not supported: fft_length/2 must be at "
                      "least 2 and have no prime factors other than 2, 3 and 5 (TFLM's KISS FFT build)");
    const int inLast = in.shape.back(), outLast = out.shape.back();
    const int bins = p.fftLength / 2 + 1;
    if (!inverse) {
        p.inLength = inLast;
        p.outLength = outLast / 2;
        if (inLast < 1 || inLast > p.fftLength)
            return c.fail("input rows of " + std::to_string(inLast) + " samples do not fit fft_length " +
                          std::to_string(p.fftLength), op.inputs[0]);
        if (outLast != 2 * bins)
            return c.fail("the output's last axis must be " + std::to_string(2 * bins) + " (fft_length/2+1 complex "
                          "bins as real, imaginary pairs), not " + std::to_string(outLast), op.outputs[0]);
    } else {
        p.inLength = inLast / 2;
        p.outLength = outLast;
        if (inLast % 2 || p.inLength < bins)
            return c.fail("the input's last axis must hold at least fft_length/2+1 = " + std::to_string(bins) +
                          " complex bins as real, imaginary pairs, not " + std::to_string(inLast), op.inputs[0]);
        if (outLast != p.fftLength)
            return c.fail("the output's last axis must be fft_length " + std::to_string(p.fftLength) + ", not " +
                          std::to_string(outLast), op.outputs[0]);
    }
    const int64_t rowsIn = in.elements() / std::max(inLast, 1), rowsOut = out.elements() / std::max(outLast, 1);
    if (rowsIn != rowsOut)
        return c.fail("input " + shapeString(in.shape) + " and output " + shapeString(out.shape) +
                      " must have the same number of rows", op.outputs[0]);
    p.rows = int(rowsIn);
    const auto f = kissFactors(p.fftLength / 2);
    for (size_t i = 0; i < f.size(); i += 2) p.maxRadix = std::max(p.maxRadix, int(f[i]));
    op.params = p;
    return true;
}

bool prepareRfft(Graph &g, Op &op, Diagnostics &d) { return prepareFft(g, op, d, false); }
bool prepareIrfft(Graph &g, Op &op, Diagnostics &d) { return prepareFft(g, op, d, true); }

template <class T> void evalTyped(const Params &p, const uint8_t *inBytes, uint8_t *outBytes) {
    const Plan<T> plan = makePlan<T>(p.fftLength, p.inverse);
    const Kiss<T> k{plan};
    const T *in = reinterpret_cast<const T *>(inBytes);
    T *out = reinterpret_cast<T *>(outBytes);
    if (!p.inverse) {
        std::vector<T> work(size_t(p.fftLength));
        for (int r = 0; r < p.rows; ++r) {
            std::fill(work.begin(), work.end(), T(0));
            std::copy(in + size_t(r) * size_t(p.inLength), in + size_t(r + 1) * size_t(p.inLength), work.begin());
            k.rfft(work.data(), out + 2 * size_t(r) * size_t(p.outLength));
        }
    } else {
        for (int r = 0; r < p.rows; ++r) {
            T *o = out + size_t(r) * size_t(p.outLength);
            k.irfft(in + 2 * size_t(r) * size_t(p.inLength), o);
            if constexpr (std::is_same_v<T, float>)
                for (int i = 0; i < p.fftLength; ++i) o[i] /= float(p.fftLength);
        }
    }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    (void)g;
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *in = b[size_t(op.inputs[0])].data();
    uint8_t *out = b[size_t(op.outputs[0])].data();
    switch (p.dt) {
    case DType::Int16: evalTyped<int16_t>(p, in, out); break;
    case DType::Int32: evalTyped<int32_t>(p, in, out); break;
    default: evalTyped<float>(p, in, out); break;
    }
}

template <class T> void emitTyped(const Params &p, EmitContext &ctx) {
    const Plan<T> plan = makePlan<T>(p.fftLength, p.inverse);
    const ArithC a = arithC(p.dt);
    const std::string ty = a.type, sfx = a.suffix;
    useKissHelpers(ctx, p.dt, p.inverse);
    const std::string fac = ctx.constantI32("kf_factors", plan.factors, "KISS FFT radix/stride pairs");
    const std::string tw = ctx.constant("kf_twiddles", p.dt, plan.tw.data(), plan.tw.size(),
                                        "complex FFT twiddles (r, i)");
    // fft_length 2 has no super-twiddles; pass a one-element array so the symbol exists.
    std::vector<T> stwData = plan.superTw.empty() ? std::vector<T>{T(0)} : plan.superTw;
    const std::string stw = ctx.constant("kf_super_twiddles", p.dt, stwData.data(), stwData.size(),
                                         "real-FFT split twiddles (r, i)");
    const int n = p.fftLength / 2;
    ctx.line("static " + ty + " tmp[" + std::to_string(2 * n) + "];");
    ctx.line("static " + ty + " scratch[" + std::to_string(2 * std::max(p.maxRadix, 1)) + "];");
    if (!p.inverse) {
        ctx.line("static " + ty + " work[" + std::to_string(p.fftLength) + "];");
        ctx.line("int r, i;");
        ctx.line("for (r = 0; r < " + std::to_string(p.rows) + "; ++r) {");
        ctx.line("for (i = 0; i < " + std::to_string(p.inLength) + "; ++i) work[i] = " + ctx.inputs[0] + "[r * " +
                     std::to_string(p.inLength) + " + i];",
                 2);
        if (p.inLength < p.fftLength)
            ctx.line("for (i = " + std::to_string(p.inLength) + "; i < " + std::to_string(p.fftLength) +
                         "; ++i) work[i] = 0;",
                     2);
        ctx.line("ember_kf_rfft_" + sfx + "(work, " + ctx.outputs[0] + " + r * " + std::to_string(2 * p.outLength) +
                     ", " + std::to_string(n) + ", " + fac + ", " + tw + ", " + stw + ", tmp, scratch);",
                 2);
        ctx.line("}");
    } else {
        ctx.line("int r;");
        ctx.line("for (r = 0; r < " + std::to_string(p.rows) + "; ++r) {");
        ctx.line(ty + " *o = " + ctx.outputs[0] + " + r * " + std::to_string(p.outLength) + ";", 2);
        ctx.line("ember_kf_irfft_" + sfx + "(" + ctx.inputs[0] + " + r * " + std::to_string(2 * p.inLength) +
                     ", o, " + std::to_string(n) + ", " + fac + ", " + tw + ", " + stw + ", tmp, scratch);",
                 2);
        if (p.dt == DType::Float32) {
            ctx.line("{", 2);
            ctx.line("int i;", 3);
            ctx.line("/* KISS FFT leaves the inverse scaled by fft_length. */", 3);
            ctx.line("for (i = 0; i < " + std::to_string(p.fftLength) + "; ++i) o[i] /= " +
                         std::to_string(p.fftLength) + ";",
                     3);
            ctx.line("}", 2);
        }
        ctx.line("}");
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    (void)g;
    const auto &p = std::any_cast<const Params &>(op.params);
    switch (p.dt) {
    case DType::Int16: emitTyped<int16_t>(p, ctx); break;
    case DType::Int32: emitTyped<int32_t>(p, ctx); break;
    default: emitTyped<float>(p, ctx); break;
    }
}

}  // namespace

extern const OpKernel kSignalRfft, kSignalIrfft;
const OpKernel kSignalRfft = {OpType::SignalRfft, prepareRfft, eval, emit, nullptr, "int16, int32, float32"};
const OpKernel kSignalIrfft = {OpType::SignalIrfft, prepareIrfft, eval, emit, nullptr, "int16, int32, float32"};

}  // namespace ember
