// The README stays true: its `emberc compile` example is what emberc prints
// for that command today, and its generated sections (between
// "<!-- BEGIN generated:NAME -->" and "<!-- END generated:NAME -->") are the
// ones scripts/update_readme.py writes (the operator table is compared here;
// the benchmark tables come from benchmark runs too slow for a test).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "TestUtil.h"

using namespace ember;

namespace {

QString readme() {
    QFile f(QStringLiteral(EMBER_SOURCE_DIR) + "/README.md");
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString run(const QString &program, const QStringList &args, const QString &cwd, int *code) {
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(program, args);
    if (!p.waitForFinished(300000)) {
        p.kill();
        *code = -1;
        return {};
    }
    *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString section(const QString &text, const QString &name) {
    const QString begin = "<!-- BEGIN generated:" + name + " -->", end = "<!-- END generated:" + name + " -->";
    const qsizetype b = text.indexOf(begin), e = text.indexOf(end);
    if (b < 0 || e < b) return {};
    return text.mid(b + begin.size(), e - b - begin.size()).trimmed();
}

}  // namespace

class TstReadme : public QObject {
    Q_OBJECT

private slots:
    // The example block: "$ emberc compile M.tflite -o D --name N" followed
    // by the line emberc prints. Run the same command on the shared model.
    void compileExample() {
        const QString text = readme();
        QVERIFY(!text.isEmpty());
        const QRegularExpression re(QStringLiteral("\\n\\$ emberc (compile [^\\n]+)\\n([^\\n]+)\\n"));
        const auto m = re.match(text);
        QVERIFY2(m.hasMatch(), "README has no '$ emberc compile ...' example");
        QStringList args = m.captured(1).split(' ', Qt::SkipEmptyParts);
        const QString model = args.at(1);
        QVERIFY2(model == "kws_ref_model.tflite", "the example is expected to use the MLPerf KWS model");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(QString::fromStdString(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite")),
                            dir.filePath(model)));
        int code = 0;
        const QString out = run(EMBERC_PATH, args, dir.path(), &code).trimmed();
        QCOMPARE(code, 0);
        QCOMPARE(out, m.captured(2).trimmed());
    }

    // The operator table is `emberc ops --markdown`.
    void operatorTable() {
        const QString want = section(readme(), "ops");
        QVERIFY2(!want.isEmpty(), "README has no generated ops section");
        int code = 0;
        const QString got = run(EMBERC_PATH, {"ops", "--markdown"}, QDir::currentPath(), &code).trimmed();
        QCOMPARE(code, 0);
        QVERIFY2(got == want, "README's operator table is stale: run scripts/update_readme.py ops");
    }
};

QTEST_GUILESS_MAIN(TstReadme)
#include "tst_readme.moc"
