// MigrationExecutor: each step all or nothing, refusals that write nothing,
// stop between steps, progress signals, the audit log, and a process killed
// at random moments leaving the database on a step boundary.

#include "auditlog.h"
#include "backup.h"
#include "executor.h"
#include "executortestsupport.h"
#include "versiontable.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace Qt::StringLiterals;
using namespace testsupport;
using retort::AuditEntry;
using retort::AuditLog;
using retort::ExecutionOptions;
using retort::ExecutionReport;
using retort::MigrationExecutor;
using retort::MigrationPlan;
using retort::PlanStep;
using retort::StatementSink;
using retort::StepRunOutcome;
using retort::VersionChange;

Q_DECLARE_METATYPE(retort::VersionChange)
Q_DECLARE_METATYPE(retort::ExecutionReport::Error)

namespace {

const QString brokenStatement = u"INSERT INTO no_such_table (x) VALUES (1)"_s;

// Three revisions that each create a table, fill it and change tables of
// earlier steps, so that a half-applied step would show in the dump.
QHash<QString, QStringList> threeSteps()
{
    return {
        {u"r1"_s,
         {u"CREATE TABLE account (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id))"_s,
          u"INSERT INTO account (id, name) VALUES (1, 'ann'), (2, 'bob')"_s,
          u"CREATE INDEX ix_account_name ON account (name)"_s,
          u"INSERT INTO account (id, name) VALUES (3, 'cy')"_s}},
        {u"r2"_s,
         {u"ALTER TABLE account ADD COLUMN email VARCHAR(120)"_s,
          u"UPDATE account SET email = name || '@example.org'"_s,
          u"CREATE TABLE invoice (id INTEGER NOT NULL, account_id INTEGER, PRIMARY KEY (id), "
          u"FOREIGN KEY(account_id) REFERENCES account (id))"_s,
          u"INSERT INTO invoice (id, account_id) VALUES (10, 1)"_s}},
        {u"r3"_s,
         {u"CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)"_s,
          u"INSERT INTO note (body) VALUES ('hello')"_s, u"DELETE FROM account WHERE id = 3"_s,
          u"DROP INDEX ix_account_name"_s}},
    };
}

QString newDatabase(const QTemporaryDir &dir, const QString &name,
                    const QStringList &statements = {u"CREATE TABLE existing (x)"_s,
                                                     u"INSERT INTO existing VALUES (42)"_s})
{
    const QString path = dir.filePath(name);
    QString error;
    if (!runStatements(path, statements, &error))
        qWarning("setting up %s failed: %s", qPrintable(path), qPrintable(error));
    return path;
}

ExecutionOptions noBackup()
{
    ExecutionOptions options;
    options.backup = false;
    return options;
}

QStringList backupsIn(const QString &folder)
{
    return QDir(folder).entryList({u"*.bak"_s, u"*.partial"_s}, QDir::Files);
}

AuditEntry lastAuditEntry(const QString &database)
{
    const AuditLog::ReadResult log = AuditLog::read(database);
    return log.entries.isEmpty() ? AuditEntry() : log.entries.last();
}

} // namespace

class TestExecutor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completedPlan();
    void failedStatementRollsBackItsStep_data();
    void failedStatementRollsBackItsStep();
    void failedBatchRebuildRollsBack_data();
    void failedBatchRebuildRollsBack();
    void versionRowMismatchRollsBack_data();
    void versionRowMismatchRollsBack();
    void runnerFailureRollsBack();
    void transactionControlIsRefused_data();
    void transactionControlIsRefused();
    void stopBetweenSteps_data();
    void stopBetweenSteps();
    void stopFromAnotherThread();
    void lockedDatabaseIsUntouched_data();
    void lockedDatabaseIsUntouched();
    void refusalCreatesNothing_data();
    void refusalCreatesNothing();
    void changedSincePlanningWritesNothing();
    void versionTableCreatedWithoutSteps_data();
    void versionTableCreatedWithoutSteps();
    void nothingToDoWritesNothing();
    void purgeEmptiesTheTableFirst_data();
    void purgeEmptiesTheTableFirst();
    void progressSignalsInOrder_data();
    void progressSignalsInOrder();
    void integrityChecksAreReported();
    void auditLogIsAppendOnly();
    void killedProcessLeavesAStepBoundary();
};

void TestExecutor::completedPlan()
{
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    MigrationExecutor executor;
    const ExecutionReport report = executor.run(linearUpgrade({u"r1"_s, u"r2"_s, u"r3"_s}), db, {},
                                                scriptedRunner(threeSteps()));
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.errorKind, ExecutionReport::Error::None);
    QCOMPARE(report.stepCount, 3);
    QCOMPARE(report.stepsCompleted, 3);
    QCOMPARE(report.rowsBefore, QStringList{});
    QCOMPARE(report.rowsAfter, QStringList{u"r3"_s});
    QVERIFY(report.integrityChecked);
    QVERIFY(report.integrityOk());
    QCOMPARE(report.foreignKeyViolations, QStringList{});
    QVERIFY(report.auditLogError.isEmpty());
    QCOMPARE(queryRows(db, u"SELECT version_num FROM alembic_version"_s), QStringList{u"r3"_s});
    QCOMPARE(queryRows(db, u"SELECT id, email FROM account ORDER BY id"_s),
             (QStringList{u"1|ann@example.org"_s, u"2|bob@example.org"_s}));
    QCOMPARE(queryRows(db, u"SELECT sql FROM sqlite_master WHERE name = 'alembic_version'"_s),
             QStringList{alembicVersionDdl});

    // The backup holds the database as it was before the first write.
    QVERIFY(!report.backupFile.isEmpty());
    QCOMPARE(QFileInfo(report.backupFile).absolutePath(), QFileInfo(db).absolutePath());
    QVERIFY(QRegularExpression(u"^app\\.db\\.\\d{8}_\\d{6}\\.bak$"_s)
                .match(QFileInfo(report.backupFile).fileName())
                .hasMatch());
    QCOMPARE(tableNames(report.backupFile), QStringList{u"existing"_s});
}

void TestExecutor::failedStatementRollsBackItsStep_data()
{
    QTest::addColumn<int>("failingStep");
    QTest::addColumn<int>("failingStatement");
    QTest::newRow("third statement of step 2") << 1 << 2;
    QTest::newRow("first statement of step 1") << 0 << 0;
    QTest::newRow("last statement of step 3") << 2 << 3;
    QTest::newRow("first statement of step 2, after DDL of step 1") << 1 << 0;
}

void TestExecutor::failedStatementRollsBackItsStep()
{
    QFETCH(int, failingStep);
    QFETCH(int, failingStatement);
    QTemporaryDir dir;
    const QStringList ids{u"r1"_s, u"r2"_s, u"r3"_s};

    // The reference: the same database after the steps before the failing one
    // (none: the version table, created in the first step's transaction, too).
    const QString reference = newDatabase(dir, u"reference.db"_s);
    MigrationExecutor executor;
    if (failingStep > 0) {
        const ExecutionReport prefix =
            executor.run(linearUpgrade(ids.mid(0, failingStep)), reference, noBackup(),
                         scriptedRunner(threeSteps()));
        QVERIFY2(prefix.ok, qPrintable(prefix.error));
    }
    const QStringList rowsAtFailure =
        failingStep > 0 ? QStringList{ids.at(failingStep - 1)} : QStringList{};

    QHash<QString, QStringList> statements = threeSteps();
    const QString failingId = ids.at(failingStep);
    statements[failingId][failingStatement] = brokenStatement;
    const QString db = newDatabase(dir, u"app.db"_s);
    const ExecutionReport report =
        executor.run(linearUpgrade(ids), db, {}, scriptedRunner(statements));

    QVERIFY(!report.ok);
    QVERIFY(!report.stopped);
    QCOMPARE(report.errorKind, ExecutionReport::Error::StatementFailed);
    QCOMPARE(report.stepsCompleted, failingStep);
    QCOMPARE(report.failedStep, failingStep);
    QCOMPARE(report.failedRevision, failingId);
    QCOMPARE(report.failedStatement, brokenStatement);
    QCOMPARE(report.sqliteMessage, u"no such table: no_such_table"_s);
    QVERIFY2(report.error.contains(failingId + u" (step "_s + failingId + u')'),
             qPrintable(report.error));
    QVERIFY2(report.error.contains(brokenStatement), qPrintable(report.error));
    QVERIFY2(report.error.contains(report.sqliteMessage), qPrintable(report.error));
    QCOMPARE(report.rowsAfter, rowsAtFailure);

    const QString expected = dump(reference);
    QVERIFY(!expected.startsWith(u"ERROR"_s));
    QCOMPARE(dump(db), expected);
    QVERIFY(!QFileInfo::exists(db + u"-journal"_s));
    QVERIFY(report.integrityOk());

    const AuditEntry audit = lastAuditEntry(db);
    QCOMPARE(audit.action, u"upgrade"_s);
    QCOMPARE(audit.outcome, AuditEntry::Outcome::Failed);
    QCOMPARE(audit.error, report.error);
    QCOMPARE(audit.steps.size(), failingStep + 1);
    QCOMPARE(audit.steps.last().outcome, u"failed"_s);
    QCOMPARE(audit.steps.last().revision, failingId);
    QCOMPARE(audit.steps.last().statements.last(), brokenStatement);
    QCOMPARE(audit.backupFile, report.backupFile);
}

void TestExecutor::failedBatchRebuildRollsBack_data()
{
    QTest::addColumn<int>("failAfter"); // rebuild statements run before the failure; -1: none fails
    QTest::newRow("after creating the copy") << 1;
    QTest::newRow("after filling the copy") << 2;
    QTest::newRow("after dropping the original") << 3;
    QTest::newRow("after renaming the copy") << 4;
    QTest::newRow("complete rebuild of a referenced table") << -1;
}

void TestExecutor::failedBatchRebuildRollsBack()
{
    QFETCH(int, failAfter);
    QTemporaryDir dir;
    const QString db = newDatabase(
        dir, u"app.db"_s,
        {alembicVersionDdl, u"INSERT INTO alembic_version VALUES ('r1')"_s,
         u"CREATE TABLE account (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id))"_s,
         u"INSERT INTO account VALUES (1, 'ann'), (2, 'bob')"_s,
         u"CREATE TABLE invoice (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES "
         u"account (id) ON DELETE CASCADE)"_s,
         u"INSERT INTO invoice VALUES (10, 1), (11, 2)"_s});
    const QString before = dump(db);

    // batch_alter_table's copy-and-move, as Alembic runs it.
    QStringList rebuild{
        u"CREATE TABLE _alembic_tmp_account (id INTEGER NOT NULL, name VARCHAR(50), email "
        u"VARCHAR(120), PRIMARY KEY (id))"_s,
        u"INSERT INTO _alembic_tmp_account (id, name) SELECT account.id, account.name FROM "
        u"account"_s,
        u"DROP TABLE account"_s,
        u"ALTER TABLE _alembic_tmp_account RENAME TO account"_s,
        u"CREATE UNIQUE INDEX ix_account_email ON account (email)"_s,
    };
    if (failAfter >= 0)
        rebuild.insert(failAfter, brokenStatement);

    MigrationExecutor executor;
    const ExecutionReport report = executor.run(linearUpgrade({u"r2"_s}, {u"r1"_s}), db, {},
                                                scriptedRunner({{u"r2"_s, rebuild}}));
    QCOMPARE(queryRows(db, u"SELECT name FROM sqlite_master WHERE name LIKE '_alembic_tmp_%'"_s),
             QStringList{});
    QCOMPARE(queryRows(db, u"SELECT id, account_id FROM invoice ORDER BY id"_s),
             (QStringList{u"10|1"_s, u"11|2"_s}));
    QVERIFY(report.integrityOk());
    if (failAfter < 0) {
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(queryRows(db, u"SELECT id, name, email FROM account ORDER BY id"_s),
                 (QStringList{u"1|ann|NULL"_s, u"2|bob|NULL"_s}));
        QCOMPARE(report.foreignKeyViolations, QStringList{});
        return;
    }
    QCOMPARE(report.errorKind, ExecutionReport::Error::StatementFailed);
    QCOMPARE(report.stepsCompleted, 0);
    QCOMPARE(report.rowsAfter, QStringList{u"r1"_s});
    QCOMPARE(dump(db), before);
}

void TestExecutor::versionRowMismatchRollsBack_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<VersionChange>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("update of a row that is not there")
        << u"alembic_version"_s << VersionChange{VersionChange::Kind::Update, u"r0"_s, u"r2"_s}
        << u"Online migration expected to match one row when updating 'r0' to 'r2' in "
           u"'alembic_version'; 0 found"_s;
    QTest::newRow("delete of a row that is not there")
        << u"alembic_version"_s << VersionChange{VersionChange::Kind::Delete, u"r0"_s, {}}
        << u"Online migration expected to match one row when deleting 'r0' in "
           u"'alembic_version'; 0 found"_s;
    QTest::newRow("custom version table")
        << u"schema_revisions"_s << VersionChange{VersionChange::Kind::Update, u"r0"_s, u"r2"_s}
        << u"Online migration expected to match one row when updating 'r0' to 'r2' in "
           u"'schema_revisions'; 0 found"_s;
}

void TestExecutor::versionRowMismatchRollsBack()
{
    QFETCH(QString, table);
    QFETCH(VersionChange, change);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QString ddl = alembicVersionDdl;
    ddl.replace(u"alembic_version"_s, table);
    const QString db =
        newDatabase(dir, u"app.db"_s, {ddl, u"INSERT INTO %1 VALUES ('r1')"_s.arg(table)});
    const QString before = dump(db);

    MigrationPlan plan = linearUpgrade({u"r2"_s}, {u"r1"_s});
    plan.steps[0].versionChanges = {change};
    ExecutionOptions options;
    options.versionTable = table;
    MigrationExecutor executor;
    const ExecutionReport report = executor.run(
        plan, db, options,
        scriptedRunner(
            {{u"r2"_s,
              {u"CREATE TABLE made_by_r2 (x)"_s, u"INSERT INTO made_by_r2 VALUES (1)"_s}}}));
    QCOMPARE(report.errorKind, ExecutionReport::Error::VersionRowMismatch);
    QCOMPARE(report.error, message);
    QCOMPARE(report.failedStatement, change.sql(table));
    QCOMPARE(report.failedRevision, u"r2"_s);
    QCOMPARE(report.stepsCompleted, 0);
    QCOMPARE(dump(db), before);
    QCOMPARE(lastAuditEntry(db).error, message);
}

void TestExecutor::runnerFailureRollsBack()
{
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    const QString reason = u"revision not translatable: op.get_bind() at line 12"_s;
    auto runner = [&](const PlanStep &step, StatementSink &sink) {
        if (step.toRevisions.value(0) == u"r1"_s)
            return StepRunOutcome::success();
        // Some statements ran before the runner found the construct it cannot translate.
        sink.execute(u"CREATE TABLE partial (x)"_s);
        return StepRunOutcome::failure(reason);
    };
    MigrationExecutor executor;
    const ExecutionReport report =
        executor.run(linearUpgrade({u"r1"_s, u"r2"_s}), db, noBackup(), runner);
    QCOMPARE(report.errorKind, ExecutionReport::Error::StepNotRunnable);
    QCOMPARE(report.stepsCompleted, 1);
    QCOMPARE(report.failedRevision, u"r2"_s);
    QVERIFY2(report.error.contains(reason), qPrintable(report.error));
    QCOMPARE(tableNames(db), (QStringList{u"alembic_version"_s, u"existing"_s}));
    QCOMPARE(queryRows(db, u"SELECT version_num FROM alembic_version"_s), QStringList{u"r1"_s});
}

void TestExecutor::transactionControlIsRefused_data()
{
    QTest::addColumn<QString>("statement");
    QTest::newRow("COMMIT") << u"COMMIT"_s;
    QTest::newRow("END TRANSACTION") << u"END TRANSACTION"_s;
    QTest::newRow("ROLLBACK after a comment") << u"-- undo\nROLLBACK"_s;
    QTest::newRow("BEGIN as the second statement of a text")
        << u"INSERT INTO existing VALUES (1); BEGIN"_s;
}

void TestExecutor::transactionControlIsRefused()
{
    QFETCH(QString, statement);
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    const QString before = dump(db);
    MigrationExecutor executor;
    const ExecutionReport report =
        executor.run(linearUpgrade({u"r1"_s}, {}), db, noBackup(),
                     scriptedRunner({{u"r1"_s, {u"CREATE TABLE t (x)"_s, statement}}}));
    QCOMPARE(report.errorKind, ExecutionReport::Error::StatementFailed);
    QVERIFY2(report.error.contains(u"transaction"_s), qPrintable(report.error));
    // Even the version table, created in the same transaction, is gone.
    QCOMPARE(dump(db), before);
}

void TestExecutor::stopBetweenSteps_data()
{
    QTest::addColumn<int>("stopDuring");
    QTest::newRow("during the first step") << 0;
    QTest::newRow("during the second step") << 1;
    QTest::newRow("during the fourth step") << 3;
    QTest::newRow("during the last step") << 4;
}

void TestExecutor::stopBetweenSteps()
{
    QFETCH(int, stopDuring);
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    QStringList ids;
    QHash<QString, QStringList> statements;
    for (int k = 1; k <= 5; ++k) {
        ids.append(u"r%1"_s.arg(k));
        statements.insert(ids.last(), {u"CREATE TABLE t%1 (x)"_s.arg(k)});
    }
    MigrationExecutor executor;
    connect(&executor, &MigrationExecutor::stepStarted, this, [&](int index) {
        if (index == stopDuring)
            executor.requestStop();
    });
    const ExecutionReport report =
        executor.run(linearUpgrade(ids), db, noBackup(), scriptedRunner(statements));
    const bool last = stopDuring == 4;
    QCOMPARE(report.stopped, !last);
    QCOMPARE(report.ok, last);
    QCOMPARE(report.errorKind, ExecutionReport::Error::None);
    QVERIFY(report.error.isEmpty());
    QCOMPARE(report.stepsCompleted, stopDuring + 1);
    QCOMPARE(report.rowsAfter, QStringList{ids.at(stopDuring)});
    QCOMPARE(queryRows(db, u"SELECT version_num FROM alembic_version"_s),
             QStringList{ids.at(stopDuring)});
    QCOMPARE(queryRows(db, u"SELECT count(*) FROM sqlite_master WHERE name GLOB 't[0-9]'"_s),
             QStringList{QString::number(stopDuring + 1)});
    QCOMPARE(lastAuditEntry(db).outcome,
             last ? AuditEntry::Outcome::Ok : AuditEntry::Outcome::Stopped);
    QVERIFY(!executor.stopRequested()); // cleared for the next run
}

void TestExecutor::stopFromAnotherThread()
{
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    MigrationExecutor executor;
    QSemaphore reachedSecondStep;
    QSemaphore stopSent;
    auto runner = [&](const PlanStep &step, StatementSink &sink) {
        if (step.toRevisions.value(0) == u"r2"_s) {
            reachedSecondStep.release();
            stopSent.acquire();
        }
        sink.execute(u"CREATE TABLE t_"_s + step.toRevisions.value(0) + u" (x)"_s);
        return StepRunOutcome::success();
    };
    ExecutionReport report;
    std::thread worker([&] {
        report = executor.run(linearUpgrade({u"r1"_s, u"r2"_s, u"r3"_s, u"r4"_s}), db, noBackup(),
                              runner);
    });
    QVERIFY(reachedSecondStep.tryAcquire(1, 10000));
    executor.requestStop();
    stopSent.release();
    worker.join();
    QVERIFY(report.stopped);
    QCOMPARE(report.stepsCompleted, 2);
    QCOMPARE(report.rowsAfter, QStringList{u"r2"_s});
    QCOMPARE(tableNames(db),
             (QStringList{u"alembic_version"_s, u"existing"_s, u"t_r1"_s, u"t_r2"_s}));
}

void TestExecutor::lockedDatabaseIsUntouched_data()
{
    QTest::addColumn<QString>("holderStatements");
    QTest::newRow("another writer (BEGIN IMMEDIATE)") << u"BEGIN IMMEDIATE"_s;
    QTest::newRow("an exclusive lock") << u"BEGIN EXCLUSIVE"_s;
    // Reading does not stop a write transaction from starting, only from committing.
    QTest::newRow("a reader inside a transaction") << u"BEGIN; SELECT count(*) FROM existing"_s;
}

void TestExecutor::lockedDatabaseIsUntouched()
{
    QFETCH(QString, holderStatements);
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s,
                                   {u"CREATE TABLE existing (x)"_s, alembicVersionDdl,
                                    u"INSERT INTO alembic_version VALUES ('r1')"_s});
    QTest::qWait(20); // so that a write would show in the modification time
    const FileSnapshot before = FileSnapshot::take(db);

    retort::SqliteConnection holder(db, retort::SqliteConnection::Mode::ReadWrite, 0,
                                    u"test-holder"_s);
    QVERIFY(holder.open().ok());
    const retort::SqlOutcome held = holder.execute(holderStatements);
    QVERIFY2(held.ok(), qPrintable(held.message));

    MigrationExecutor executor;
    QElapsedTimer timer;
    timer.start();
    const ExecutionReport report =
        executor.run(linearUpgrade({u"r2"_s}, {u"r1"_s}), db, {},
                     scriptedRunner({{u"r2"_s, {u"CREATE TABLE t2 (x)"_s}}}));
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(report.errorKind, ExecutionReport::Error::Locked);
    QVERIFY2(report.error.contains(u"locked"_s), qPrintable(report.error));
    QCOMPARE(report.stepsCompleted, 0);
    QVERIFY(report.backupFile.isEmpty());
    holder.execute(u"ROLLBACK"_s);

    const FileSnapshot after = FileSnapshot::take(db);
    QVERIFY(after.bytes == before.bytes);
    QCOMPARE(after.modifiedNanoseconds, before.modifiedNanoseconds);
    QCOMPARE(backupsIn(dir.path()), QStringList{});
    QVERIFY(!QFileInfo::exists(db + u"-journal"_s));
    QCOMPARE(lastAuditEntry(db).outcome, AuditEntry::Outcome::Failed);
}

void TestExecutor::refusalCreatesNothing_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<ExecutionReport::Error>("error");
    QTest::newRow("missing database") << QByteArray() << ExecutionReport::Error::MissingDatabase;
    QTest::newRow("text file") << QByteArray(2048, 'x') << ExecutionReport::Error::NotADatabase;
}

void TestExecutor::refusalCreatesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(ExecutionReport::Error, error);
    QTemporaryDir dir;
    const QString db = dir.filePath(u"app.db"_s);
    if (!content.isEmpty()) {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const FileSnapshot before = FileSnapshot::take(db);
    MigrationExecutor executor;
    const ExecutionReport report = executor.run(
        linearUpgrade({u"r1"_s}), db, {}, scriptedRunner({{u"r1"_s, {u"CREATE TABLE t (x)"_s}}}));
    QCOMPARE(report.errorKind, error);
    QVERIFY2(report.error.contains(QDir::toNativeSeparators(db)), qPrintable(report.error));
    const FileSnapshot after = FileSnapshot::take(db);
    QCOMPARE(after.exists, before.exists);
    QVERIFY(after.bytes == before.bytes);
    QCOMPARE(after.directoryEntries, before.directoryEntries);
}

void TestExecutor::changedSincePlanningWritesNothing()
{
    QTemporaryDir dir;
    const QString db = newDatabase(
        dir, u"app.db"_s, {alembicVersionDdl, u"INSERT INTO alembic_version VALUES ('r2')"_s});
    const FileSnapshot before = FileSnapshot::take(db);
    MigrationExecutor executor;
    const ExecutionReport report =
        executor.run(linearUpgrade({u"r2"_s}, {u"r1"_s}), db, {},
                     scriptedRunner({{u"r2"_s, {u"CREATE TABLE t (x)"_s}}}));
    QCOMPARE(report.errorKind, ExecutionReport::Error::ChangedSincePlanning);
    QCOMPARE(report.rowsBefore, QStringList{u"r2"_s});
    QVERIFY2(report.error.contains(u"r1"_s) && report.error.contains(u"r2"_s),
             qPrintable(report.error));
    QVERIFY(FileSnapshot::take(db).bytes == before.bytes);
    QCOMPARE(backupsIn(dir.path()), QStringList{});
    QCOMPARE(lastAuditEntry(db).outcome, AuditEntry::Outcome::Failed);
}

void TestExecutor::versionTableCreatedWithoutSteps_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("ddl");
    QTest::newRow("alembic_version") << u"alembic_version"_s << alembicVersionDdl;
    QTest::newRow("configured name")
        << u"my_versions"_s
        << u"CREATE TABLE my_versions (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT "
           u"my_versions_pkc PRIMARY KEY (version_num)\n)"_s;
}

void TestExecutor::versionTableCreatedWithoutSteps()
{
    QFETCH(QString, table);
    QFETCH(QString, ddl);
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    ExecutionOptions options;
    options.versionTable = table;
    MigrationExecutor executor;
    const ExecutionReport report = executor.run(linearUpgrade({}), db, options, {});
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(queryRows(db, u"SELECT sql FROM sqlite_master WHERE name = '%1'"_s.arg(table)),
             QStringList{ddl});
    QCOMPARE(queryRows(db, u"SELECT count(*) FROM "_s + table), QStringList{u"0"_s});
    QVERIFY(!report.backupFile.isEmpty()); // creating the table is a write
}

void TestExecutor::nothingToDoWritesNothing()
{
    QTemporaryDir dir;
    const QString db = newDatabase(
        dir, u"app.db"_s, {alembicVersionDdl, u"INSERT INTO alembic_version VALUES ('r1')"_s});
    const FileSnapshot before = FileSnapshot::take(db);
    MigrationExecutor executor;
    const ExecutionReport report = executor.run(linearUpgrade({}, {u"r1"_s}), db, {}, {});
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.backupFile.isEmpty());
    QVERIFY(FileSnapshot::take(db).bytes == before.bytes);
    QCOMPARE(backupsIn(dir.path()), QStringList{});
}

void TestExecutor::purgeEmptiesTheTableFirst_data()
{
    QTest::addColumn<QStringList>("stampTo"); // empty: stamp base --purge
    QTest::newRow("stamp r3 --purge") << QStringList{u"r3"_s};
    QTest::newRow("stamp base --purge") << QStringList{};
}

void TestExecutor::purgeEmptiesTheTableFirst()
{
    QFETCH(QStringList, stampTo);
    QTemporaryDir dir;
    const QString db = newDatabase(
        dir, u"app.db"_s,
        {alembicVersionDdl, u"INSERT INTO alembic_version VALUES ('gone1'), ('gone2'), ('')"_s});
    MigrationPlan plan;
    plan.kind = MigrationPlan::Kind::Stamp;
    plan.target = stampTo.join(u' ');
    plan.purge = true;
    plan.rowsBefore = {u"gone1"_s, u"gone2"_s};
    for (const QString &revision : stampTo) {
        PlanStep step;
        step.kind = PlanStep::Kind::Stamp;
        step.toRevisions = {revision};
        step.versionChanges = {{VersionChange::Kind::Insert, {}, revision}};
        step.rowsAfter = {revision};
        plan.steps.append(step);
    }
    plan.rowsAfter = stampTo;
    MigrationExecutor executor;
    const ExecutionReport report = executor.run(plan, db, {}, {});
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(queryRows(db, u"SELECT version_num FROM alembic_version"_s), stampTo);
    QCOMPARE(report.rowsAfter, stampTo);
    const AuditEntry audit = lastAuditEntry(db);
    QCOMPARE(audit.action, u"stamp"_s);
    if (!stampTo.isEmpty())
        QCOMPARE(audit.steps.value(0).statements.value(0), u"DELETE FROM alembic_version"_s);
}

void TestExecutor::progressSignalsInOrder_data()
{
    QTest::addColumn<bool>("failSecondStep");
    QTest::addColumn<QStringList>("events");
    QTest::newRow("all steps complete")
        << false
        << QStringList{u"started 3"_s,         u"stepStarted 0/3 upgrade  -> r1, step r1"_s,
                       u"stepFinished 0 ok"_s, u"stepStarted 1/3 upgrade r1 -> r2, step r2"_s,
                       u"stepFinished 1 ok"_s, u"stepStarted 2/3 upgrade r2 -> r3, step r3"_s,
                       u"stepFinished 2 ok"_s, u"finished ok 3"_s};
    QTest::newRow("second step fails")
        << true
        << QStringList{u"started 3"_s,
                       u"stepStarted 0/3 upgrade  -> r1, step r1"_s,
                       u"stepFinished 0 ok"_s,
                       u"stepStarted 1/3 upgrade r1 -> r2, step r2"_s,
                       u"stepFinished 1 failed"_s,
                       u"finished failed 1"_s};
}

void TestExecutor::progressSignalsInOrder()
{
    QFETCH(bool, failSecondStep);
    QFETCH(QStringList, events);
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    QHash<QString, QStringList> statements = threeSteps();
    if (failSecondStep)
        statements[u"r2"_s].append(brokenStatement);

    MigrationExecutor executor;
    QSignalSpy startedSpy(&executor, &MigrationExecutor::started);
    QSignalSpy finishedSpy(&executor, &MigrationExecutor::finished);
    QStringList seen;
    connect(&executor, &MigrationExecutor::started, this,
            [&](int count) { seen.append(u"started %1"_s.arg(count)); });
    connect(&executor, &MigrationExecutor::stepStarted, this,
            [&](int index, int count, const QString &description) {
                seen.append(u"stepStarted %1/%2 %3"_s.arg(index).arg(count).arg(description));
            });
    connect(&executor, &MigrationExecutor::stepFinished, this, [&](int index, bool ok) {
        seen.append(u"stepFinished %1 %2"_s.arg(index).arg(ok ? u"ok"_s : u"failed"_s));
    });
    connect(&executor, &MigrationExecutor::finished, this, [&](const ExecutionReport &report) {
        seen.append(
            u"finished %1 %2"_s.arg(report.ok ? u"ok"_s : u"failed"_s).arg(report.stepsCompleted));
    });
    const ExecutionReport report = executor.run(linearUpgrade({u"r1"_s, u"r2"_s, u"r3"_s}), db,
                                                noBackup(), scriptedRunner(statements));
    QCOMPARE(seen, events);
    QCOMPARE(startedSpy.count(), 1);
    QCOMPARE(finishedSpy.count(), 1);
    QCOMPARE(finishedSpy.at(0).at(0).value<ExecutionReport>().stepsCompleted,
             report.stepsCompleted);
}

void TestExecutor::integrityChecksAreReported()
{
    QTemporaryDir dir;
    const QString db =
        newDatabase(dir, u"app.db"_s,
                    {u"CREATE TABLE account (id INTEGER PRIMARY KEY)"_s,
                     u"CREATE TABLE invoice (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES "
                     u"account (id))"_s});
    MigrationExecutor executor;
    // Foreign keys are off while a step runs, so an orphan row goes in; the
    // check afterwards reports it.
    const ExecutionReport report = executor.run(
        linearUpgrade({u"r1"_s}), db, noBackup(),
        scriptedRunner({{u"r1"_s, {u"INSERT INTO invoice (id, account_id) VALUES (7, 99)"_s}}}));
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.integrityChecked);
    QCOMPARE(report.integrityMessages, QStringList{u"ok"_s});
    QCOMPARE(report.foreignKeyViolations.size(), 1);
    QVERIFY2(report.foreignKeyViolations.first().contains(u"invoice"_s) &&
                 report.foreignKeyViolations.first().contains(u"account"_s),
             qPrintable(report.foreignKeyViolations.first()));
    QCOMPARE(lastAuditEntry(db).foreignKeyViolations, report.foreignKeyViolations);
}

void TestExecutor::auditLogIsAppendOnly()
{
    QTemporaryDir dir;
    const QString db = newDatabase(dir, u"app.db"_s);
    const QString logPath = AuditLog::pathFor(db);
    QCOMPARE(logPath, db + u".retort-audit.jsonl"_s);
    MigrationExecutor executor;
    ExecutionReport report = executor.run(linearUpgrade({u"r1"_s}), db, {},
                                          scriptedRunner({{u"r1"_s, {u"CREATE TABLE a (x)"_s}}}));
    QVERIFY(report.ok);
    const QByteArray firstRun = fileBytes(logPath);
    QCOMPARE(firstRun.count('\n'), 1);

    ExecutionOptions repair;
    repair.auditAction = u"repair"_s;
    report = executor.run(linearUpgrade({u"r2"_s}, {u"r1"_s}), db, repair,
                          scriptedRunner({{u"r2"_s, {u"CREATE TABLE b (x)"_s}}}));
    QVERIFY(report.ok);
    const QByteArray bothRuns = fileBytes(logPath);
    QVERIFY(bothRuns.startsWith(firstRun));
    QCOMPARE(bothRuns.count('\n'), 2);

    const QJsonObject line =
        QJsonDocument::fromJson(bothRuns.mid(firstRun.size()).trimmed()).object();
    QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$"_s)
                .match(line.value(u"time"_s).toString())
                .hasMatch());
    QCOMPARE(line.value(u"action"_s).toString(), u"repair"_s);
    QCOMPARE(line.value(u"target"_s).toString(), u"r2"_s);
    QCOMPARE(line.value(u"rowsBefore"_s).toArray(), QJsonArray{u"r1"_s});
    QCOMPARE(line.value(u"rowsAfter"_s).toArray(), QJsonArray{u"r2"_s});
    QCOMPARE(line.value(u"backupFile"_s).toString(), report.backupFile);
    QCOMPARE(line.value(u"outcome"_s).toString(), u"ok"_s);
    QCOMPARE(line.value(u"retortVersion"_s).toString(), AuditLog::retortVersion());
    const QJsonObject step = line.value(u"steps"_s).toArray().at(0).toObject();
    QCOMPARE(step.value(u"revision"_s).toString(), u"r2"_s);
    QCOMPARE(step.value(u"direction"_s).toString(), u"upgrade"_s);
    QCOMPARE(step.value(u"versionChanges"_s).toArray(),
             QJsonArray{u"UPDATE alembic_version SET version_num='r2' WHERE "
                        u"alembic_version.version_num = 'r1'"_s});
    QCOMPARE(step.value(u"statements"_s).toArray().first().toString(), u"CREATE TABLE b (x)"_s);

    // A line cut short (a crash while writing) stays; the next entry starts a new line.
    {
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::Append));
        log.write("{\"time\": \"2024");
    }
    executor.run(linearUpgrade({}, {u"r2"_s}), db, {}, {});
    const AuditLog::ReadResult read = AuditLog::read(db);
    QCOMPARE(read.entries.size(), 3);
    QCOMPARE(read.malformedLines, QList<int>{3});
    QVERIFY(fileBytes(logPath).startsWith(bothRuns));
}

// Kills a process in the middle of a long upgrade, many times at random
// moments, and checks that SQLite's rollback of the hot journal leaves the
// database exactly on a step boundary.
void TestExecutor::killedProcessLeavesAStepBoundary()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal");
#else
    const int iterations = 25;
    const int steps = 200;
    const quint32 seed = qEnvironmentVariableIsSet("RETORT_KILL_SEED")
                             ? quint32(qEnvironmentVariableIntValue("RETORT_KILL_SEED"))
                             : 20240611u;
    qInfo("seed %u (set RETORT_KILL_SEED to repeat another)", seed);
    QRandomGenerator random(seed);
    QTemporaryDir dir;
    QElapsedTimer total;
    total.start();
    QList<int> reached;
    for (int iteration = 0; iteration < iterations; ++iteration) {
        const bool wal = iteration % 2 == 1;
        const bool backup = iteration % 3 == 0;
        const QString db = dir.filePath(u"kill%1.db"_s.arg(iteration));
        QStringList setup{u"CREATE TABLE progress (n INTEGER NOT NULL)"_s,
                          u"INSERT INTO progress VALUES (0)"_s};
        if (wal)
            setup.prepend(u"PRAGMA journal_mode = WAL"_s);
        QVERIFY(runStatements(db, setup));

        // Aim at a random step, then at a random moment inside or after it;
        // every fifth run at a random moment after the start (opening, the
        // backup, the first step). The aim stays in the first part of the
        // plan to keep the whole test under a minute (steps commit with fsync).
        const bool early = iteration % 5 == 2;
        const int aimStep = int(random.bounded(steps * 2 / 5));
        const int extraMicroseconds = int(random.bounded(early ? 150000 : 20000));
        QProcess killee;
        killee.setProcessChannelMode(QProcess::SeparateChannels);
        const QString backupFolder = dir.filePath(u"backups%1"_s.arg(iteration));
        QStringList arguments{db, QString::number(steps)};
        if (backup)
            arguments.append(backupFolder);
        killee.start(QStringLiteral(RETORT_EXECUTOR_KILLEE), arguments);
        QVERIFY2(killee.waitForStarted(), qPrintable(killee.errorString()));
        const QByteArray wanted = "step " + QByteArray::number(aimStep + 1) + '\n';
        QByteArray output;
        QDeadlineTimer deadline(20000);
        while (!early && !output.contains(wanted) && killee.state() == QProcess::Running &&
               !deadline.hasExpired()) {
            killee.waitForReadyRead(50);
            output += killee.readAllStandardOutput();
        }
        QThread::usleep(ulong(extraMicroseconds));
        killee.kill(); // SIGKILL
        QVERIFY(killee.waitForFinished(5000));
        output += killee.readAllStandardOutput();
        QVERIFY2(!output.contains("done"),
                 qPrintable(u"iteration %1 finished before the kill"_s.arg(iteration)));

        // A read-write open rolls back the interrupted transaction.
        const QStringList integrity = queryRows(db, u"PRAGMA integrity_check"_s);
        QCOMPARE(integrity, QStringList{u"ok"_s});
        const QStringList hasVersionTable =
            queryRows(db, u"SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"_s);
        int k = 0;
        if (hasVersionTable == QStringList{u"1"_s}) {
            const QStringList rows = queryRows(db, u"SELECT version_num FROM alembic_version"_s);
            QVERIFY2(rows.size() <= 1, qPrintable(rows.join(u", "_s)));
            if (!rows.isEmpty()) {
                QVERIFY2(rows.first().startsWith(u's'), qPrintable(rows.first()));
                k = rows.first().mid(1).toInt();
            }
        }
        QStringList expectedTables{u"progress"_s};
        if (hasVersionTable == QStringList{u"1"_s})
            expectedTables.append(u"alembic_version"_s);
        for (int step = 1; step <= k; ++step)
            expectedTables.append(u"t"_s + QString::number(step));
        std::sort(expectedTables.begin(), expectedTables.end());
        QStringList actualTables = tableNames(db);
        std::sort(actualTables.begin(), actualTables.end());
        QCOMPARE(actualTables, expectedTables);
        QCOMPARE(queryRows(db, u"SELECT n FROM progress"_s), QStringList{QString::number(k)});
        if (k > 0) {
            QCOMPARE(queryRows(db, u"SELECT count(*) FROM t%1"_s.arg(k)), QStringList{u"50"_s});
        }
        // No hot journal is left: a read-only reader can open the file now.
        // (A journal that was never made hot, killed before its header was
        // written, may stay; SQLite ignores it.)
        const retort::VersionTableState state = retort::VersionTable::read(db);
        QVERIFY2(state.readable(), qPrintable(state.error));
        // A backup cut short is never listed; the listed ones are sound.
        for (const retort::BackupInfo &info : retort::Backup::list(db, backupFolder))
            QCOMPARE(queryRows(info.file, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
        reached.append(k);
    }
    qInfo("killed at steps %s in %lld ms", qPrintable([&] {
              QStringList list;
              for (int k : std::as_const(reached))
                  list.append(QString::number(k));
              return list.join(u' ');
          }()),
          total.elapsed());
    // The kills landed inside the run, not all before or after it.
    const auto inside =
        std::count_if(reached.begin(), reached.end(), [&](int k) { return k > 0 && k < steps; });
    QVERIFY(inside >= iterations / 2);
    QVERIFY(total.elapsed() < 60000);
#endif
}

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
