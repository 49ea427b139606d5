// Helpers for the studio tests: an isolated data/config dir per test run (so
// tests never touch the user's projects or settings) and the MLPerf models.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

class QApplication;

namespace ember::studio::test {

// Points QStandardPaths and QSettings at a fresh temporary directory and
// runs setupApplication(). Call from initTestCase().
void isolate(QApplication &app, QTemporaryDir &dir);

// (row name, absolute path) of each MLPerf Tiny model in ../shared.
QList<QPair<QString, QString>> mlperfModels();
// The subset the core imports (the hybrid float32 KWS model is refused on
// purpose; tst_studio_open checks that refusal).
QList<QPair<QString, QString>> compilableModels();

}  // namespace ember::studio::test
