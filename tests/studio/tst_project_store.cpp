// The SQLite project store: create/save/reopen, build records, migrations
// from an empty (and an older) database, and atomic saves — a write that
// fails half-way leaves the previous state intact.
#include <QApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QDir>
#include <QFileInfo>
#include <latch>
#include <thread>

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
        p.options.set("--name", "kws");
        p.options.set("--planner", "greedy-size");
        p.options.pools = {PoolOption{"sram", 65536, ".sram", 16}, PoolOption{"dtcm", 0, {}, 8}};
        p.options.pins.insert("conv1/out", "dtcm");
        p.options.dims << "input:0=1..4";
        return p;
    }

    static ProfileRecord sampleProfile(qint64 projectId, const QList<qint64> &counts)
    {
        ProfileRecord r;
        r.projectId = projectId;
        r.boardId = "qemu-mps2-an386";
        r.boardName = "QEMU MPS2-AN386 (Cortex-M4, emulated)";
        r.emulated = true;
        r.clockHz = 25000000;
        r.unit = "instructions";
        r.outputCheck = "bit-exact";
        r.stackUsed = 460;
        r.options = sample().options;
        const QStringList ops{"CONV_2D", "DEPTHWISE_CONV_2D", "SOFTMAX", "RESHAPE"};
        for (int i = 0; i < counts.size(); ++i)
            r.layers << ProfileLayer{QStringLiteral("layer%1").arg(i), ops[i % ops.size()], counts[i], counts[i] / 2};
        r.total = r.layerSum() + 40;
        return r;
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
        QCOMPARE(s.schemaVersion(), ProjectStore::kSchemaVersion);
        const std::optional<Project> p = s.projectForModel("/m/old.tflite");
        QVERIFY(p);
        QCOMPARE(p->name, QString("old"));
        QCOMPARE(p->options.planner(), QString("greedy-size"));
        QVERIFY(s.builds(p->id).isEmpty());
    }

    void migratesFromVersionTwoKeepingBuilds()
    {
        const QString path = fresh();
        {
            // A database as schema 2 left it (before profile runs): one project, one build.
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "v2");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *sql : {
                     "CREATE TABLE schema_version (version INTEGER NOT NULL)",
                     "INSERT INTO schema_version VALUES (2)",
                     "CREATE TABLE projects (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
                     " model_path TEXT NOT NULL UNIQUE, model_hash TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL)",
                     "CREATE TABLE project_options (project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
                     " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (project_id, key))",
                     "CREATE TABLE builds (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                     " project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE, time TEXT NOT NULL,"
                     " options TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',"
                     " constants_bytes INTEGER NOT NULL DEFAULT 0, code_bytes INTEGER NOT NULL DEFAULT 0,"
                     " elapsed_ms INTEGER NOT NULL DEFAULT 0)",
                     "CREATE TABLE build_pools (build_id INTEGER NOT NULL REFERENCES builds(id) ON DELETE CASCADE,"
                     " pool TEXT NOT NULL, peak_bytes INTEGER NOT NULL, PRIMARY KEY (build_id, pool))",
                     "CREATE INDEX builds_by_project ON builds(project_id, time)",
                     "INSERT INTO projects(name, model_path, updated) VALUES ('v2', '/m/v2.tflite', '2024-02-01T00:00:00.000Z')",
                     "INSERT INTO project_options VALUES (1, 'align', '[32]')",
                     "INSERT INTO builds(project_id, time, options, status, constants_bytes, code_bytes, elapsed_ms)"
                     " VALUES (1, '2024-02-01T10:00:00.000Z', '{\"planner\":\"linear\"}', 'ok', 1234, 5678, 42)",
                     "INSERT INTO build_pools VALUES (1, 'workspace', 16000)"})
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase("v2");
        ProjectStore s(path);
        QVERIFY2(s.isOpen(), qPrintable(s.lastError()));
        QCOMPARE(s.schemaVersion(), ProjectStore::kSchemaVersion);
        const std::optional<Project> p = s.projectForModel("/m/v2.tflite");
        QVERIFY(p);
        QCOMPARE(p->options.align(), 32);
        const QList<BuildRecord> builds = s.builds(p->id);
        QCOMPARE(builds.size(), 1);
        QCOMPARE(builds[0].constantsBytes, qint64(1234));
        QCOMPARE(builds[0].codeBytes, qint64(5678));
        QCOMPARE(builds[0].options.planner(), QString("linear"));
        QCOMPARE(builds[0].poolPeaks.value("workspace"), qint64(16000));
        // The new table works on the migrated database.
        QVERIFY(s.profiles(p->id).isEmpty());
        ProfileRecord r = sampleProfile(p->id, {100, 200});
        QVERIFY2(s.recordProfile(r), qPrintable(s.lastError()));
        QCOMPARE(s.profiles(p->id).size(), 1);
    }

    void profileRoundTripAndCompare()
    {
        ProjectStore s(fresh());
        Project p = sample();
        QVERIFY(s.saveProject(p));
        ProfileRecord a = sampleProfile(p.id, {1000, 250, 40});
        a.time = QDateTime::fromString("2024-03-01T10:00:00.000Z", Qt::ISODateWithMs);
        QVERIFY2(s.recordProfile(a), qPrintable(s.lastError()));
        ProfileRecord b = sampleProfile(p.id, {900, 250, 60});
        b.time = QDateTime::fromString("2024-03-01T11:00:00.000Z", Qt::ISODateWithMs);
        b.outputCheck = "mismatch";
        b.mismatch = "output 0 byte 3: 12 vs 13";
        QVERIFY(s.recordProfile(b));
        const QList<ProfileRecord> runs = s.profiles(p.id);
        QCOMPARE(runs.size(), 2);
        const ProfileRecord &newest = runs[0], &oldest = runs[1];
        QCOMPARE(newest.id, b.id);
        QCOMPARE(newest.outputCheck, QString("mismatch"));
        QCOMPARE(newest.mismatch, b.mismatch);
        QCOMPARE(oldest.boardId, QString("qemu-mps2-an386"));
        QCOMPARE(oldest.boardName, a.boardName);
        QVERIFY(oldest.emulated);
        QCOMPARE(oldest.clockHz, qint64(25000000));
        QCOMPARE(oldest.unit, QString("instructions"));
        QCOMPARE(oldest.total, a.total);
        QCOMPARE(oldest.layers.size(), 3);
        QCOMPARE(oldest.layers[1].name, QString("layer1"));
        QCOMPARE(oldest.layers[1].op, QString("DEPTHWISE_CONV_2D"));
        QCOMPARE(oldest.layers[2].count, qint64(40));
        QCOMPARE(oldest.layers[2].macs, qint64(20));
        QCOMPARE(oldest.stackUsed, qint64(460));
        QCOMPARE(oldest.options.planner(), QString("greedy-size"));
        QCOMPARE(oldest.millisAtClock(), double(a.total) * 1000.0 / 25e6);

        const ProfileComparison c = ProjectStore::compareProfiles(oldest, newest);
        QCOMPARE(c.totalDelta, b.total - a.total);
        QCOMPARE(c.layers.size(), 3);
        QCOMPARE(c.layers[0].delta(), qint64(-100));
        QCOMPARE(c.layers[1].delta(), qint64(0));
        QCOMPARE(c.layers[2].delta(), qint64(20));
        QVERIFY(c.sameBoard && c.sameLayers);

        // A run with an extra layer: compared against zero, flagged.
        ProfileRecord d = sampleProfile(p.id, {900, 250, 60, 7});
        const ProfileComparison e = ProjectStore::compareProfiles(newest, d);
        QVERIFY(!e.sameLayers);
        QCOMPARE(e.layers.size(), 4);
        QCOMPARE(e.layers[3].a, qint64(0));
        QCOMPARE(e.layers[3].delta(), qint64(7));
        // Deleting the project deletes its runs (and their layers).
        QVERIFY(s.removeProject(p.id));
        QVERIFY(s.profiles(p.id).isEmpty());
        QSqlQuery q(s.database());
        QVERIFY(q.exec("SELECT COUNT(*) FROM profile_layers") && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
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
            p.options.set("--align", "32");
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
        b.options.set("--planner", "greedy-conflicts");
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
        QVERIFY(c.optionChanges.first().startsWith("Planner: greedy-size → greedy-conflicts"));
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
                changed.options.set("--planner", "hill-climb");
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
    // Two studios starting at once on a database that does not exist yet:
    // both migrate (one waits for the other) and both record. It used to
    // fail "table projects already exists" about one try in six.
    void concurrentFirstOpen()
    {
        for (int round = 0; round < 20; ++round) {
            const QString path = fresh();
            std::latch go(2);
            QString errors[2];
            auto worker = [&](int k) {
                go.arrive_and_wait();
                ProjectStore s(path);
                if (!s.isOpen()) {
                    errors[k] = s.lastError();
                    return;
                }
                Project p = sample();
                p.modelPath = QStringLiteral("/models/m%1.tflite").arg(k);
                if (!s.saveProject(p)) {
                    errors[k] = s.lastError();
                    return;
                }
                BuildRecord b;
                b.projectId = p.id;
                b.status = "ok";
                if (!s.recordBuild(b)) errors[k] = s.lastError();
            };
            std::thread a(worker, 0), b(worker, 1);
            a.join();
            b.join();
            QVERIFY2(errors[0].isEmpty(), qPrintable(QString("round %1: %2").arg(round).arg(errors[0])));
            QVERIFY2(errors[1].isEmpty(), qPrintable(QString("round %1: %2").arg(round).arg(errors[1])));
            ProjectStore check(path);
            QVERIFY(check.isOpen());
            QCOMPARE(check.projects().size(), 2);
            QCOMPARE(check.schemaVersion(), ProjectStore::kSchemaVersion);
        }
    }

    // A damaged page is noticed at open: a clear error, the file left byte
    // for byte as it was, and a fresh database can be started beside it.
    void damagedDatabaseNoticedAtOpen()
    {
        const QString path = fresh();
        {
            ProjectStore s(path);
            QVERIFY(s.isOpen());
            for (int i = 0; i < 40; ++i) {
                Project p = sample();
                p.name = QString(200, QChar('p'));
                p.modelPath = QStringLiteral("/models/m%1.tflite").arg(i);
                QVERIFY(s.saveProject(p));
            }
        }
        QVERIFY(!QFile::exists(path + "-wal") || QFileInfo(path + "-wal").size() == 0);
        QByteArray bytes;
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            bytes = f.readAll();
        }
        QVERIFY(bytes.size() >= 3 * 4096);
        for (int i = 4096 + 8; i < 2 * 4096; ++i) bytes[i] = char(0x5A);  // page 2, past its header
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(bytes), qint64(bytes.size()));
        }
        {
            ProjectStore s(path);
            QVERIFY(!s.isOpen());
            QVERIFY(s.isDamaged());
            QVERIFY2(s.lastError().contains("damaged") && s.lastError().contains(path), qPrintable(s.lastError()));
            Project p = sample();
            QVERIFY(!s.saveProject(p));
            QVERIFY(s.startFresh());
            QVERIFY(s.isOpen() && !s.isDamaged());
            QVERIFY(s.path() != path && QFileInfo(s.path()).absolutePath() == QFileInfo(path).absolutePath());
            QVERIFY(s.saveProject(p));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll() == bytes, "the damaged file was changed");
        QVERIFY(!QFile::exists(path + "-wal") && !QFile::exists(path + "-shm"));
    }

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
            o.set("--planner", "greedy-size");
            o.set("--name", "kws");
            w.session()->setOptions(o);
            QVERIFY(w.compile());
            w.waitForCompile();
            QVERIFY(w.session()->build());
            QCOMPARE(w.historyView()->buildCount(), 1);
        }
        MainWindow w(db);
        QVERIFY(w.openModel(model));
        QCOMPARE(w.projectId(), id);
        QCOMPARE(w.session()->options().planner(), QString("greedy-size"));
        QCOMPARE(w.session()->options().name(), QString("kws"));
        const QList<BuildRecord> builds = w.store()->builds(id);
        QCOMPARE(builds.size(), 1);
        QCOMPARE(builds[0].status, QString("ok"));
        QVERIFY(builds[0].poolPeaks.value("workspace") > 0);
        QVERIFY(builds[0].codeBytes > 0);
        QCOMPARE(builds[0].options.planner(), QString("greedy-size"));
    }
};

QTEST_MAIN(TestProjectStore)
#include "tst_project_store.moc"
