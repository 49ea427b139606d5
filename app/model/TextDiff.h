// Line diff between two builds of a generated file, for the code view's
// "what changed" markers.
#pragma once

#include <QList>
#include <QStringList>

namespace ember::studio {

struct LineDiff {
    QList<int> changed;  // 0-based lines of the new text that are new or edited
    int added = 0;       // lines only in the new text
    int removed = 0;     // lines only in the old text
    bool identical() const { return changed.isEmpty() && removed == 0; }
};

// Common prefix/suffix are skipped; the middle is an LCS when small enough,
// otherwise lines absent from the old middle are marked (an upper bound).
LineDiff diffLines(const QStringList &oldLines, const QStringList &newLines);

// A unified diff ("@@ -a,n +b,m @@" hunks, lines prefixed ' ', '-', '+') with
// `context` unchanged lines around each change; empty when identical. Large
// middles (beyond the LCS limit) are shown as one removed/added block.
QStringList unifiedDiff(const QStringList &oldLines, const QStringList &newLines, int context = 3);

}  // namespace ember::studio
