// The SQLite project store: create/save/reopen, build records, migrations
// from an empty (and an older) database, and atomic saves — a write that
// fails half-way leaves the previous state intact.
#include <QApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "HistoryView.h"
#include "MainWindow.h"
#include "ProjectStore.h"
#include "StudioTestUtil.h"

using namespace ember::studio;

class TestProjectStore : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    int n_ = 0;
    QString fresh() { return tmp_.path() + QStringLiteral("/db%1.sqlite").arg(++n_); }

    static Project sample()
    {
        Project p;
        p.name = "kws";
        p.modelPath = "/models/kws.tflite";
        p.modelHash = "abc123";
        p.options.name = "kws";
        p.options.planner = "greedy-size";
        p.options.pools = {PoolOption{"sram", 65536, ".sram", 16}, PoolOption{"dtcm", 0, {}, 8}};
        p.options.pins.insert("conv1/out", "dtcm");
        p.options.dims << "input:0=1..4";
        return p;
    }

private slots:
    void initTestCase() { test::isolate(*qApp, tmp_); }

    void migratesEmptyDatabase()
    {
        const QString path = fresh();
        {
            ProjectStore s(path);
            QVERIFY2(s.isOpen(), qPrintable(s.lastError()));
            QCOMPARE(s.schemaVersion(), ProjectStore::kSchemaVersion);
            QSqlQuery q(s.database());
            QVERIFY(q.exec("PRAGMA journal_mode"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QString("wal"));
            for (const char *t : {"projects", "project_options", "builds", "build_pools"}) {
                QSqlQuery c(s.database());
                QVERIFY2(c.exec(QString("SELECT count(*) FROM %1").arg(t)), t);
            }
        }
        // Reopening does not migrate again (and does not fail).
        ProjectStore again(path);
        QVERIFY(again.isOpen());
        QCOMPARE(again.schemaVersion(), ProjectStore::kSchemaVersion);
    }

    void migratesFromVersionOne()
    {
        const QString path = fresh();
        {
            // A database as the first schema left it, with one project.
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "v1");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("CREATE TABLE schema_version (version INTEGER NOT NULL)"));
            QVERIFY(q.exec("INSERT INTO schema_version VALUES (1)"));
            QVERIFY(q.exec("CREATE TABLE projects (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
                           " model_path TEXT NOT NULL UNIQUE, model_hash TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL)"));
            QVERIFY(q.exec("CREATE TABLE project_options (project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
                           " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (project_id, key))"));
            QVERIFY(q.exec("INSERT INTO projects(name, model_path, updated) VALUES ('old', '/m/old.tflite', '2024-01-01T00:00:00.000Z')"));
            QVERIFY(q.exec("INSERT INTO project_options VALUES (1, 'planner', '[\"greedy-size\"]')"));
            db.close();
        }
        QSqlDatabase::removeDatabase("v1");
        ProjectStore s(path);
        QVERIFY2(s.isOpen(), qPrintable(s.lastError()));
        QCOMPARE(s.schemaVersion(), 2);
        const std::optional<Project> p = s.projectForModel("/m/old.tflite");
        QVERIFY(p);
        QCOMPARE(p->name, QString("old"));
        QCOMPARE(p->options.planner, QString("greedy-size"));
        QVERIFY(s.builds(p->id).isEmpty());
    }

    void refusesNewerSchema()
    {
        const QString path = fresh();
        {
            ProjectStore s(path);
            QSqlQuery q(s.database());
            QVERIFY(q.exec("UPDATE schema_version SET version = 99"));
        }
        ProjectStore s(path);
        QVERIFY(!s.isOpen());
        QVERIFY(s.lastError().contains("newer"));
    }

    void createSaveReopen()
    {
        const QString path = fresh();
        Project p = sample();
        {
            ProjectStore s(path);
            QVERIFY(s.saveProject(p));
            QVERIFY(p.id > 0);
            p.options.align = 32;
            p.name = "kws-renamed";
            QVERIFY(s.saveProject(p));  // update in place
            QCOMPARE(s.projects().size(), 1);
        }
        ProjectStore s(path);
        const std::optional<Project> back = s.project(p.id);
        QVERIFY(back);
        QCOMPARE(back->name, QString("kws-renamed"));
        QCOMPARE(back->modelPath, p.modelPath);
        QCOMPARE(back->modelHash, p.modelHash);
        QVERIFY(back->options == p.options);
        QCOMPARE(back->options.toArgs(), p.options.toArgs());
        QVERIFY(s.projectForModel(p.modelPath));
        QVERIFY(s.removeProject(p.id));
        QVERIFY(!s.project(p.id));
    }

    void buildsRecordedAndCompared()
    {
        ProjectStore s(fresh());
        Project p = sample();
        QVERIFY(s.saveProject(p));
        BuildRecord a;
        a.projectId = p.id;
        a.time = QDateTime::fromString("2024-05-01T10:00:00.000Z", Qt::ISODateWithMs);
        a.options = p.options;
        a.status = "ok";
        a.poolPeaks = {{"sram", 16000}, {"dtcm", 0}};
        a.constantsBytes = 30008;
        a.codeBytes = 160000;
        QVERIFY(s.recordBuild(a));
        BuildRecord b = a;
        b.time = a.time.addSecs(60);
        b.options.planner = "greedy-conflicts";
        b.poolPeaks = {{"sram", 12000}, {"dtcm", 4000}};
        b.codeBytes = 161000;
        QVERIFY(s.recordBuild(b));
        BuildRecord f;
        f.projectId = p.id;
        f.time = b.time.addSecs(60);
        f.status = "failed";
        f.message = "pool 'tiny' is too small";
        QVERIFY(s.recordBuild(f));

        const QList<BuildRecord> list = s.builds(p.id);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].status, QString("failed"));  // newest first
        QCOMPARE(list[0].message, f.message);
        QCOMPARE(list[1].poolPeaks.value("dtcm"), qint64(4000));
        QCOMPARE(list[2].constantsBytes, qint64(30008));
        QVERIFY(list[2].options == a.options);

        const BuildComparison c = ProjectStore::compare(list[2], list[1]);
        QCOMPARE(c.optionChanges.size(), 1);
        QVERIFY(c.optionChanges.first().startsWith("planner: greedy-size → greedy-conflicts"));
        QCOMPARE(c.poolDelta.value("sram"), qint64(-4000));
        QCOMPARE(c.poolDelta.value("dtcm"), qint64(4000));
        QCOMPARE(c.codeDelta, qint64(1000));
        QCOMPARE(c.constantsDelta, qint64(0));

        HistoryView h(&s);
        h.setProject(p.id);
        QCOMPARE(h.buildCount(), 3);
        h.selectBuilds(1, 2);
        const QString html = h.comparisonHtml();
        QVERIFY(html.contains("greedy-size"));
        QVERIFY(html.contains("3.9 KiB"));
    }

    // A trigger makes the second statement of a save fail, after the first
    // write went through inside the transaction: the save must roll back.
    void interruptedWriteKeepsPreviousState_data()
    {
        QTest::addColumn<bool>("projectSave");
        QTest::newRow("project-options") << true;
        QTest::newRow("build-pools") << false;
    }

    void interruptedWriteKeepsPreviousState()
    {
        QFETCH(bool, projectSave);
        const QString path = fresh();
        Project p = sample();
        BuildRecord b;
        {
            ProjectStore s(path);
            QVERIFY(s.saveProject(p));
            b.projectId = p.id;
            b.status = "ok";
            b.options = p.options;
            b.poolPeaks = {{"sram", 100}};
            QVERIFY(s.recordBuild(b));
            QSqlQuery t(s.database());
            QVERIFY2(t.exec(projectSave ? "CREATE TRIGGER boom BEFORE INSERT ON project_options "
                                          "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
                                        : "CREATE TRIGGER boom BEFORE INSERT ON build_pools "
                                          "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"),
                     qPrintable(t.lastError().text()));
            if (projectSave) {
                Project changed = p;
                changed.name = "half-written";
                changed.modelHash = "ffff";
                changed.options.planner = "hill-climb";
                QVERIFY(!s.saveProject(changed));
                QVERIFY(s.lastError().contains("rolled back"));
            } else {
                BuildRecord second = b;
                second.poolPeaks = {{"sram", 200}};
                QVERIFY(!s.recordBuild(second));
            }
        }
        // Reopened from disk: exactly the state before the failed save.
        ProjectStore s(path);
        const std::optional<Project> back = s.project(p.id);
        QVERIFY(back);
        QCOMPARE(back->name, p.name);
        QCOMPARE(back->modelHash, p.modelHash);
        QVERIFY(back->options == p.options);
        const QList<BuildRecord> builds = s.builds(p.id);
        QCOMPARE(builds.size(), 1);
        QCOMPARE(builds[0].poolPeaks.value("sram"), qint64(100));
    }

    // The app side: opening a model creates its project, options persist
    // across sessions, and every compile is recorded.
    void studioRemembersOptionsAndBuilds()
    {
        const QString db = fresh();
        const QString model = test::mlperfModels()[4].second;  // kws int8
        qint64 id = -1;
        {
            MainWindow w(db);
            QVERIFY(w.openModel(model));
            id = w.projectId();
            QVERIFY(id > 0);
            BuildOptions o = w.session()->options();
            o.planner = "greedy-size";
            o.name = "kws";
            w.session()->setOptions(o);
            QVERIFY(w.compile());
            w.waitForCompile();
            QVERIFY(w.session()->build());
            QCOMPARE(w.historyView()->buildCount(), 1);
        }
        MainWindow w(db);
        QVERIFY(w.openModel(model));
        QCOMPARE(w.projectId(), id);
        QCOMPARE(w.session()->options().planner, QString("greedy-size"));
        QCOMPARE(w.session()->options().name, QString("kws"));
        const QList<BuildRecord> builds = w.store()->builds(id);
        QCOMPARE(builds.size(), 1);
        QCOMPARE(builds[0].status, QString("ok"));
        QVERIFY(builds[0].poolPeaks.value("workspace") > 0);
        QVERIFY(builds[0].codeBytes > 0);
        QCOMPARE(builds[0].options.planner, QString("greedy-size"));
    }
};

QTEST_MAIN(TestProjectStore)
#include "tst_project_store.moc"
