// The .deb: CPack packages this build tree (nothing is rebuilt), dpkg-deb
// lists the Debian runtime packages as dependencies and the board tools as
// recommendations, and the package unpacked into a scratch root (dpkg -x)
// gives a working emberc that finds its data there.
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "PackageTestUtil.h"

using namespace ember::test;

class TestDeb : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString deb_;

private slots:
    void initTestCase();
    void controlFields();
    void unpackedEmbercWorks();
    void contents();
};

void TestDeb::initTestCase()
{
    for (const char *tool : {"cpack", "dpkg-deb", "dpkg"})
        if (!haveTool(tool)) QSKIP(qPrintable(QString(tool) + " not installed"));
    QVERIFY(tmp_.isValid());
    QElapsedTimer t;
    t.start();
    const Run r = run("cpack", {"-G", "DEB", "--config", EMBER_BINARY_DIR "/CPackConfig.cmake", "-B", tmp_.path()},
                      tmp_.path(), 240);
    QVERIFY2(r.ok(), r.message("cpack -G DEB"));
    const QStringList debs = QDir(tmp_.path()).entryList({"*.deb"}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    deb_ = tmp_.filePath(debs[0]);
    QVERIFY2(debs[0].startsWith("ember_" EMBER_VERSION_STRING), qPrintable(debs[0]));
    qInfo("%s: %lld KiB, %lld ms", qPrintable(debs[0]), QFileInfo(deb_).size() / 1024, t.elapsed());
}

void TestDeb::controlFields()
{
    const Run info = run("dpkg-deb", {"--info", deb_});
    QVERIFY2(info.ok(), info.message("dpkg-deb --info"));
    QString depends, recommends;
    for (const QString &line : info.output.split('\n')) {
        if (line.trimmed().startsWith("Depends:")) depends = line;
        if (line.trimmed().startsWith("Recommends:")) recommends = line;
    }
    qInfo("%s", qPrintable(depends.trimmed()));
    qInfo("%s", qPrintable(recommends.trimmed()));
    QVERIFY2(depends.contains("libqt6core6"), qPrintable(info.output));
    QVERIFY2(depends.contains("libc6"), qPrintable(depends));  // dpkg-shlibdeps ran
    if (QFile::exists(EMBER_BINARY_DIR "/app/studio/ember-studio"))
        for (const char *p : {"libqt6widgets6", "libqt6sql6-sqlite", "qt6-qpa-plugins", "libqscintilla2-qt6-15", "libgvc6"})
            QVERIFY2(depends.contains(p), p);
    for (const char *p : {"openocd", "qemu-system-arm", "gdb-multiarch", "gcc-arm-none-eabi"})
        QVERIFY2(recommends.contains(p), p);
    QVERIFY2(info.output.contains("Package: ember"), qPrintable(info.output));
}

void TestDeb::unpackedEmbercWorks()
{
    const QString root = tmp_.filePath("root");
    const Run x = run("dpkg", {"-x", deb_, root});
    QVERIFY2(x.ok(), x.message("dpkg -x"));
    const QString emberc = root + "/usr/bin/emberc";
    QVERIFY(QFileInfo(emberc).isExecutable());
    const Run v = run(emberc, {"--version"});
    QVERIFY2(v.ok(), v.message("emberc --version"));
    QVERIFY2(v.output.startsWith("emberc " EMBER_VERSION_STRING " (commit "), qPrintable(v.output));
    // The unpacked tree is self-contained: the catalogue next to it is read.
    QVERIFY(QFile::exists(root + "/usr/share/ember/boards/qemu-mps2-an386.json"));
    const Run b = run(emberc, {"boards"});
    QVERIFY2(b.ok() && b.output.contains("qemu-mps2-an386"), b.message("emberc boards"));
    const Run c = run(emberc, {"compile", kwsModel(), "-o", tmp_.filePath("pkg")});
    QVERIFY2(c.ok(), c.message("emberc compile"));
}

void TestDeb::contents()
{
    const Run c = run("dpkg-deb", {"--contents", deb_});
    QVERIFY2(c.ok(), c.message("dpkg-deb --contents"));
    for (const char *f : {"./usr/bin/emberc", "cmake/Ember/EmberConfig.cmake", "cmake/Ember/EmberConfigVersion.cmake",
                          "cmake/Ember/EmberModel.cmake", "./usr/share/ember/ember.mk", "./usr/share/ember/boards/"})
        QVERIFY2(c.output.contains(f), f);
    if (QFile::exists(EMBER_BINARY_DIR "/app/studio/ember-studio"))
        for (const char *f : {"./usr/bin/ember-studio", "./usr/share/applications/ember-studio.desktop",
                              "./usr/share/icons/hicolor/scalable/apps/ember-studio.svg",
                              "./usr/share/ember/translations/ember_de.qm"})
            QVERIFY2(c.output.contains(f), f);
    QVERIFY2(!c.output.contains("/usr/local/"), "installed under /usr/local");
}

QTEST_GUILESS_MAIN(TestDeb)
#include "tst_deb.moc"
