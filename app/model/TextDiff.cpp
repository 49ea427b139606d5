#include "TextDiff.h"

#include <QHash>
#include <vector>

namespace ember::studio {

namespace {

// The lines both texts start and end with, and the lengths of what is left
// between them (n old lines, m new ones): only that middle is compared.
struct Middle {
    qsizetype pre, suf, n, m;
};

Middle trimCommonEnds(const QStringList &a, const QStringList &b)
{
    qsizetype pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    qsizetype suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    return {pre, suf, a.size() - pre - suf, b.size() - pre - suf};
}

// L[i][j]: the longest common subsequence of the middles' tails from i and j.
std::vector<std::vector<int>> lcsTable(const QStringList &a, const QStringList &b, qsizetype pre, qsizetype n,
                                       qsizetype m)
{
    std::vector<std::vector<int>> L(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            L[size_t(i)][size_t(j)] = a[pre + i] == b[pre + j] ? L[size_t(i + 1)][size_t(j + 1)] + 1
                                                               : std::max(L[size_t(i + 1)][size_t(j)], L[size_t(i)][size_t(j + 1)]);
    return L;
}

}  // namespace

LineDiff diffLines(const QStringList &a, const QStringList &b)
{
    LineDiff d;
    const auto [pre, suf, n, m] = trimCommonEnds(a, b);
    if (n == 0 && m == 0) return d;
    if (n * m <= 4'000'000) {
        // Classic LCS table over the middle; backtrack marks unmatched lines.
        const auto L = lcsTable(a, b, pre, n, m);
        qsizetype i = 0, j = 0;
        while (i < n && j < m) {
            if (a[pre + i] == b[pre + j]) { ++i; ++j; }
            else if (L[size_t(i + 1)][size_t(j)] >= L[size_t(i)][size_t(j + 1)]) { ++d.removed; ++i; }
            else { d.changed << int(pre + j); ++d.added; ++j; }
        }
        d.removed += int(n - i);
        for (; j < m; ++j) { d.changed << int(pre + j); ++d.added; }
        return d;
    }
    QHash<QString, int> old;
    for (qsizetype i = 0; i < n; ++i) ++old[a[pre + i]];
    int kept = 0;
    for (qsizetype j = 0; j < m; ++j) {
        auto it = old.find(b[pre + j]);
        if (it != old.end() && it.value() > 0) { --it.value(); ++kept; }
        else { d.changed << int(pre + j); ++d.added; }
    }
    d.removed = int(n) - kept;
    return d;
}

QStringList unifiedDiff(const QStringList &a, const QStringList &b, int context)
{
    // Edit script over the whole text: ' ' kept, '-' old only, '+' new only.
    struct Step { char kind; qsizetype ai, bi; };
    std::vector<Step> script;
    const auto [pre, suf, n, m] = trimCommonEnds(a, b);
    if (n == 0 && m == 0) return {};
    for (qsizetype k = 0; k < pre; ++k) script.push_back({' ', k, k});
    if (n * m <= 4'000'000) {
        const auto L = lcsTable(a, b, pre, n, m);
        qsizetype i = 0, j = 0;
        while (i < n && j < m) {
            if (a[pre + i] == b[pre + j]) script.push_back({' ', pre + i++, pre + j++});
            else if (L[size_t(i + 1)][size_t(j)] >= L[size_t(i)][size_t(j + 1)]) script.push_back({'-', pre + i++, pre + j});
            else script.push_back({'+', pre + i, pre + j++});
        }
        for (; i < n; ++i) script.push_back({'-', pre + i, pre + m});
        for (; j < m; ++j) script.push_back({'+', pre + n, pre + j});
    } else {
        for (qsizetype i = 0; i < n; ++i) script.push_back({'-', pre + i, pre});
        for (qsizetype j = 0; j < m; ++j) script.push_back({'+', pre + n, pre + j});
    }
    for (qsizetype k = 0; k < suf; ++k) script.push_back({' ', pre + n + k, pre + m + k});

    QStringList out;
    const qsizetype total = qsizetype(script.size());
    qsizetype k = 0;
    while (k < total) {
        while (k < total && script[size_t(k)].kind == ' ') ++k;
        if (k >= total) break;
        // A hunk: from `context` lines before this change to `context` after
        // the last change that is within 2 * context of the previous one.
        const qsizetype start = std::max<qsizetype>(0, k - context);
        qsizetype end = k;
        for (qsizetype q = k; q < total; ++q)
            if (script[size_t(q)].kind != ' ') {
                if (q - end > 2 * context) break;
                end = q;
            }
        end = std::min(total, end + context + 1);
        int na = 0, nb = 0;
        QStringList body;
        for (qsizetype q = start; q < end; ++q) {
            const Step &st = script[size_t(q)];
            if (st.kind != '+') ++na;
            if (st.kind != '-') ++nb;
            body << QLatin1Char(st.kind) + (st.kind == '+' ? b[st.bi] : a[st.ai]);
        }
        out << QStringLiteral("@@ -%1,%2 +%3,%4 @@").arg(script[size_t(start)].ai + 1).arg(na).arg(script[size_t(start)].bi + 1).arg(nb);
        out += body;
        k = end;
    }
    return out;
}

}  // namespace ember::studio
