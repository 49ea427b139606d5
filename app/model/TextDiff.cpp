#include "TextDiff.h"

#include <QHash>
#include <vector>

namespace ember::studio {

LineDiff diffLines(const QStringList &a, const QStringList &b)
{
    LineDiff d;
    qsizetype pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    qsizetype suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    const qsizetype n = a.size() - pre - suf, m = b.size() - pre - suf;
    if (n == 0 && m == 0) return d;
    if (n * m <= 4'000'000) {
        // Classic LCS table over the middle; backtrack marks unmatched lines.
        std::vector<std::vector<int>> L(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                L[size_t(i)][size_t(j)] = a[pre + i] == b[pre + j] ? L[size_t(i + 1)][size_t(j + 1)] + 1
                                                                   : std::max(L[size_t(i + 1)][size_t(j)], L[size_t(i)][size_t(j + 1)]);
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

}  // namespace ember::studio
