// PlanPreview: what the GUI's plan dialog shows before a write — the plan,
// each step's SQL with the version-row changes, destructive statements,
// steps that cannot be applied, planner errors — and that it matches what
// the executor then does.

#include "alembicrenderer.h"
#include "executor.h"
#include "executortestsupport.h"
#include "planpreview.h"
#include "project.h"
#include "projectconfig.h"
#include "stepsql.h"
#include "writefixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace writefixtures;
using testsupport::queryRows;
using testsupport::runStatements;

namespace {

Project loadProject(const QString &dir)
{
    ProjectConfig::Options options;
    options.configFile = dir + u"/alembic.ini"_s;
    options.workingDirectory = dir;
    const ProjectConfig::Result config = ProjectConfig::discover(options);
    if (!config)
        qWarning("%s", qPrintable(config.error));
    return config ? Project::load(config.config) : Project();
}

PlanPreview::Request request(MigrationPlan::Kind kind, const QString &target, bool purge = false)
{
    PlanPreview::Request r;
    r.kind = kind;
    r.targets = {target};
    r.purge = purge;
    return r;
}

QStringList sqlOf(const PlanPreview::Step &step)
{
    QStringList sql;
    for (const RenderedStatement &s : step.statements)
        sql.append(s.sql);
    return sql;
}

} // namespace

class TestPlanPreview : public QObject
{
    Q_OBJECT

private slots:
    void upgradeFromNothingShowsEveryStatement();
    void downgradeFlagsDestructiveStatements();
    void untranslatableRevisionBlocksTheRun();
    void plannerErrorsAreReported_data();
    void plannerErrorsAreReported();
    void nothingToDo();
    void stampPurgeAndUnreadableTable();
    void statementFailingOnTheSchemaIsShownButNotBlocking();
    void previewMatchesWhatTheExecutorRuns();
    void alembicRendererUnblocksUntranslatableRevisions();
};

void TestPlanPreview::upgradeFromNothingShowsEveryStatement()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const Project project = loadProject(dir.path());
    QCOMPARE(project.graph.size(), 2);
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {u"CREATE TABLE other (x INTEGER)"_s}));
    const VersionTableState table = VersionTable::read(db);
    QCOMPARE(table.status, VersionTableState::Status::NoTable);

    const PlanPreview preview =
        PlanPreview::make(project, table, request(MigrationPlan::Kind::Upgrade, u"heads"_s));
    QVERIFY2(preview, qPrintable(preview.error));
    QVERIFY(preview.runnable());
    QCOMPARE(preview.setupStatements, QStringList{versionTableDdl(u"alembic_version"_s)});
    QCOMPARE(preview.steps.size(), 2);
    QCOMPARE(preview.plan.steps.size(), 2);
    const PlanPreview::Step &first = preview.steps[0];
    QVERIFY(first.blocker.isEmpty());
    QVERIFY(first.sqlError.isEmpty());
    QCOMPARE(first.statements.size(), 3);
    QVERIFY(first.statements[0].sql.startsWith(u"CREATE TABLE items"_s));
    QCOMPARE(first.statements[1].sql, u"INSERT INTO items (name) VALUES ('pen')"_s);
    QCOMPARE(first.versionStatements,
             QStringList{u"INSERT INTO alembic_version (version_num) VALUES ('%1')"_s.arg(kItems)});
    const PlanPreview::Step &second = preview.steps[1];
    QCOMPARE(second.statements.size(), 3);
    QVERIFY(second.statements[2].sql.startsWith(u"CREATE UNIQUE INDEX ix_items_name"_s));
    QCOMPARE(second.versionStatements,
             QStringList{u"UPDATE alembic_version SET version_num='%1' WHERE "
                         u"alembic_version.version_num = '%2'"_s.arg(kTags, kItems)});
    QCOMPARE(preview.destructiveCount(), 0);
    // Nothing was written.
    QCOMPARE(VersionTable::read(db).status, VersionTableState::Status::NoTable);
}

void TestPlanPreview::downgradeFlagsDestructiveStatements()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {testsupport::alembicVersionDdl,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kTags),
                               u"CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR(50), "
                               u"note TEXT, PRIMARY KEY (id))"_s,
                               u"CREATE TABLE tags (id INTEGER NOT NULL, PRIMARY KEY (id))"_s,
                               u"CREATE UNIQUE INDEX ix_items_name ON items (name)"_s}));
    const PlanPreview preview = PlanPreview::make(project, VersionTable::read(db),
                                                  request(MigrationPlan::Kind::Downgrade, u"-1"_s));
    QVERIFY2(preview, qPrintable(preview.error));
    QVERIFY(preview.runnable());
    QVERIFY(preview.setupStatements.isEmpty());
    QCOMPARE(preview.steps.size(), 1);
    const PlanPreview::Step &step = preview.steps.first();
    QVERIFY2(step.sqlError.isEmpty(), qPrintable(step.sqlError));
    // DROP TABLE tags, and the batch rebuild that leaves "note" behind.
    QCOMPARE(step.destructiveCount(), 2);
    QCOMPARE(preview.destructiveCount(), 2);
    QVERIFY(sqlOf(step).contains(u"DROP TABLE tags"_s));
    QCOMPARE(step.versionStatements,
             QStringList{u"UPDATE alembic_version SET version_num='%1' WHERE "
                         u"alembic_version.version_num = '%2'"_s.arg(kItems, kTags)});
}

void TestPlanPreview::untranslatableRevisionBlocksTheRun()
{
    QTemporaryDir dir;
    QList<std::pair<QString, QString>> files = itemsAndTags();
    files.append({kBind + u"_bind.py"_s, bindRevision(kTags)});
    QVERIFY(makeProject(dir.path(), files));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {u"PRAGMA user_version = 1"_s}));
    const PlanPreview preview = PlanPreview::make(project, VersionTable::read(db),
                                                  request(MigrationPlan::Kind::Upgrade, u"head"_s));
    QVERIFY2(preview, qPrintable(preview.error));
    QVERIFY(!preview.runnable());
    QCOMPARE(preview.blockers.size(), 1);
    QVERIFY2(preview.blockers.first().contains(kBind), qPrintable(preview.blockers.first()));
    QVERIFY(preview.blockers.first().contains(u"get_bind"_s));
    QCOMPARE(preview.steps.size(), 3);
    QVERIFY(preview.steps[0].blocker.isEmpty());
    QVERIFY(preview.steps[1].blocker.isEmpty());
    QCOMPARE(preview.steps[2].blocker, preview.blockers.first());
    // The steps before it are still shown in full.
    QCOMPARE(preview.steps[1].statements.size(), 3);

    // Up to the revision before it, the plan can run.
    const PlanPreview partial = PlanPreview::make(project, VersionTable::read(db),
                                                  request(MigrationPlan::Kind::Upgrade, kTags));
    QVERIFY(partial.runnable());
}

void TestPlanPreview::plannerErrorsAreReported_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown") << int(MigrationPlan::Kind::Upgrade) << u"zzzz"_s
                             << u"Can't locate revision identified by 'zzzz'"_s;
    QTest::newRow("downgrade above")
        << int(MigrationPlan::Kind::Downgrade) << kTags << u"not a valid downgrade target"_s;
    QTest::newRow("empty") << int(MigrationPlan::Kind::Stamp) << QString()
                           << u"No target revision given."_s;
}

void TestPlanPreview::plannerErrorsAreReported()
{
    QFETCH(int, kind);
    QFETCH(QString, target);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {testsupport::alembicVersionDdl,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kItems)}));
    PlanPreview::Request r = request(MigrationPlan::Kind(kind), target);
    if (target.isEmpty())
        r.targets.clear();
    const PlanPreview preview = PlanPreview::make(project, VersionTable::read(db), r);
    QVERIFY(!preview);
    QVERIFY2(preview.error.contains(error), qPrintable(preview.error));
    QVERIFY(!preview.runnable());
    QVERIFY(!preview.changesNothing());
    QVERIFY(preview.steps.isEmpty());
}

void TestPlanPreview::nothingToDo()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {testsupport::alembicVersionDdl,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kTags)}));
    const PlanPreview preview = PlanPreview::make(
        project, VersionTable::read(db), request(MigrationPlan::Kind::Upgrade, u"heads"_s));
    QVERIFY(preview);
    QVERIFY(preview.changesNothing());
    QVERIFY(!preview.runnable());
}

void TestPlanPreview::stampPurgeAndUnreadableTable()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {testsupport::alembicVersionDdl,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kItems)}));
    const PlanPreview stamp = PlanPreview::make(project, VersionTable::read(db),
                                                request(MigrationPlan::Kind::Stamp, kTags));
    QVERIFY(stamp.runnable());
    QCOMPARE(stamp.steps.size(), 1);
    QVERIFY(stamp.steps.first().statements.isEmpty());
    QCOMPARE(stamp.steps.first().versionStatements.size(), 1);

    // Stamping base with --purge: no step, the table is emptied.
    const PlanPreview purge = PlanPreview::make(
        project, VersionTable::read(db), request(MigrationPlan::Kind::Stamp, u"base"_s, true));
    QVERIFY2(purge, qPrintable(purge.error));
    QVERIFY(purge.steps.isEmpty());
    QCOMPARE(purge.setupStatements, QStringList{u"DELETE FROM alembic_version"_s});
    QVERIFY(purge.runnable());
    // With a step, the purge runs first in the step's transaction.
    const PlanPreview purgeAndStamp = PlanPreview::make(
        project, VersionTable::read(db), request(MigrationPlan::Kind::Stamp, kTags, true));
    QCOMPARE(purgeAndStamp.steps.size(), 1);
    QCOMPARE(purgeAndStamp.setupStatements, QStringList{u"DELETE FROM alembic_version"_s});
    QCOMPARE(purgeAndStamp.steps.first().versionStatements,
             QStringList{u"INSERT INTO alembic_version (version_num) VALUES ('%1')"_s.arg(kTags)});

    VersionTableState unreadable;
    unreadable.status = VersionTableState::Status::NotADatabase;
    unreadable.error = u"app.db is not a database"_s;
    const PlanPreview refused =
        PlanPreview::make(project, unreadable, request(MigrationPlan::Kind::Upgrade, u"heads"_s));
    QCOMPARE(refused.error, unreadable.error);
    QVERIFY(!refused.runnable());
}

void TestPlanPreview::statementFailingOnTheSchemaIsShownButNotBlocking()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    // Someone made "items" by hand: the first step's CREATE TABLE fails there.
    QVERIFY(runStatements(db, {u"CREATE TABLE items (id INTEGER)"_s}));
    const PlanPreview preview = PlanPreview::make(
        project, VersionTable::read(db), request(MigrationPlan::Kind::Upgrade, u"heads"_s));
    QVERIFY(preview);
    QVERIFY(preview.blockers.isEmpty());
    QVERIFY(preview.runnable());
    QVERIFY2(preview.steps[0].sqlError.contains(u"already exists"_s),
             qPrintable(preview.steps[0].sqlError));
    QVERIFY(preview.steps[1].sqlError.contains(u"step 1"_s));
}

void TestPlanPreview::previewMatchesWhatTheExecutorRuns()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {u"PRAGMA user_version = 1"_s}));
    const PlanPreview preview = PlanPreview::make(project, VersionTable::read(db),
                                                  request(MigrationPlan::Kind::Upgrade, kItems));
    QVERIFY(preview.runnable());

    MigrationExecutor executor;
    QStringList ran;
    const StepSql stepSql(project);
    const StepRunner runner = stepSql.runner();
    ExecutionOptions options;
    options.backup = false;
    const ExecutionReport report =
        executor.run(preview.plan, db, options, [&](const PlanStep &step, StatementSink &sink) {
            // Record what the real runner sends to the database.
            struct Recording final : StatementSink
            {
                StatementSink &inner;
                QStringList &log;
                Recording(StatementSink &i, QStringList &l) : inner(i), log(l) {}
                bool execute(const QString &sql) override
                {
                    log.append(sql);
                    return inner.execute(sql);
                }
                QString lastError() const override { return inner.lastError(); }
                QSqlDatabase database() const override { return inner.database(); }
            } recording(sink, ran);
            return runner(step, recording);
        });
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(ran, sqlOf(preview.steps.first()));
    QCOMPARE(queryRows(db, u"SELECT version_num FROM alembic_version"_s), QStringList{kItems});
}

void TestPlanPreview::alembicRendererUnblocksUntranslatableRevisions()
{
    QTemporaryDir dir;
    QList<std::pair<QString, QString>> files = itemsAndTags();
    files.append({kBind + u"_bind.py"_s, bindRevision(kTags)});
    files.append({u"e5e5e5e5e5e5_raises.py"_s,
                  revisionFile(u"e5e5e5e5e5e5"_s, kBind, u"raises"_s,
                               u"    raise ValueError('no way')"_s, u"    pass"_s)});
    QVERIFY(makeProject(dir.path(), files));
    const Project project = loadProject(dir.path());
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {testsupport::alembicVersionDdl,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kTags)}));
    const VersionTableState table = VersionTable::read(db);
    const PlanPreview::Request toBind = request(MigrationPlan::Kind::Upgrade, kBind);

    const PlanPreview without = PlanPreview::make(project, table, toBind);
    QVERIFY(without.needsRenderer());
    QVERIFY(!without.runnable());
    QVERIFY(!without.steps.first().translatable);

    AlembicRenderer::Settings off;
    off.interpreter = AlembicRenderer::disabledKeyword();
    const AlembicRenderer disabled(off);
    const PlanPreview turnedOff = PlanPreview::make(project, table, toBind, &disabled);
    QVERIFY(!turnedOff.runnable());
    QVERIFY2(turnedOff.blockers.first().contains(u"turned off"_s),
             qPrintable(turnedOff.blockers.first()));

    AlembicRenderer::Settings python;
    python.interpreter = u"/usr/bin/python3"_s;
    const AlembicRenderer renderer(python);
    QVERIFY2(renderer.probe(), qPrintable(renderer.probe().reason));
    const PlanPreview rendered = PlanPreview::make(project, table, toBind, &renderer);
    QVERIFY2(rendered.runnable(), qPrintable(rendered.blockers.join(u'\n')));
    QVERIFY(rendered.needsRenderer());
    QVERIFY(rendered.steps.first().renderedByAlembic);
    QVERIFY2(sqlOf(rendered.steps.first()).join(u' ').contains(u"CREATE TABLE t"_s),
             qPrintable(sqlOf(rendered.steps.first()).join(u'\n')));

    // A revision that raises cannot be rendered either: the plan is refused.
    const PlanPreview raising = PlanPreview::make(
        project, table, request(MigrationPlan::Kind::Upgrade, u"heads"_s), &renderer);
    QVERIFY(!raising.runnable());
    QCOMPARE(raising.blockers.size(), 1);
    QVERIFY2(raising.blockers.first().contains(u"e5e5e5e5e5e5"_s),
             qPrintable(raising.blockers.first()));
    QVERIFY(raising.steps[0].blocker.isEmpty());
    QCOMPARE(raising.steps[1].blocker, raising.blockers.first());
}

QTEST_GUILESS_MAIN(TestPlanPreview)
#include "tst_planpreview.moc"
