#include "executor.h"

#include "auditlog.h"
#include "backup.h"
#include "sqliteconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <exception>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Long enough to ride out another connection's commit, short enough that a
// real lock is reported instead of hanging.
constexpr int busyTimeoutMs = 2000;

// A bulk insert can run thousands of statements; the audit log keeps the first ones.
constexpr int auditedStatementsPerStep = 500;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString directionOf(PlanStep::Kind kind)
{
    switch (kind) {
    case PlanStep::Kind::Upgrade:
        return u"upgrade"_s;
    case PlanStep::Kind::Downgrade:
        return u"downgrade"_s;
    case PlanStep::Kind::Stamp:
        return u"stamp"_s;
    }
    return {};
}

QString actionFor(MigrationPlan::Kind kind)
{
    switch (kind) {
    case MigrationPlan::Kind::Upgrade:
        return u"upgrade"_s;
    case MigrationPlan::Kind::Downgrade:
        return u"downgrade"_s;
    case MigrationPlan::Kind::Stamp:
        return u"stamp"_s;
    }
    return {};
}

// The revision a step runs: the one upgraded to, the one downgraded from, the
// one stamped (or, stamping to base, the one stamped away).
QString revisionOf(const PlanStep &step)
{
    switch (step.kind) {
    case PlanStep::Kind::Upgrade:
        return step.toRevisions.value(0);
    case PlanStep::Kind::Downgrade:
        return step.fromRevisions.value(0);
    case PlanStep::Kind::Stamp:
        return step.toRevisions.isEmpty() ? step.fromRevisions.value(0) : step.toRevisions.value(0);
    }
    return {};
}

// "abc123 (add column email)": the id, and the message when there is one.
QString revisionLabel(const PlanStep &step)
{
    const QString id = revisionOf(step);
    return step.doc.isEmpty() ? id : id + u" ("_s + step.doc + u')';
}

QString stepFailedText(const PlanStep &step, const QString &reason)
{
    switch (step.kind) {
    case PlanStep::Kind::Upgrade:
        return QCoreApplication::translate("retort::MigrationExecutor",
                                           "Upgrading to %1 failed: %2")
            .arg(revisionLabel(step), reason);
    case PlanStep::Kind::Downgrade:
        return QCoreApplication::translate("retort::MigrationExecutor", "Downgrading %1 failed: %2")
            .arg(revisionLabel(step), reason);
    case PlanStep::Kind::Stamp:
        return QCoreApplication::translate("retort::MigrationExecutor", "Stamping %1 failed: %2")
            .arg(revisionLabel(step), reason);
    }
    return reason;
}

QString rowsText(const QStringList &rows)
{
    return rows.isEmpty()
               ? QCoreApplication::translate("retort::MigrationExecutor", "no version row")
               : rows.join(u", "_s);
}

QString refuseTransactionControl(const QString &statement)
{
    if (!isTransactionControl(statement))
        return {};
    return QCoreApplication::translate(
        "retort::MigrationExecutor",
        "a migration may not begin, commit or roll back a transaction; each step runs in a "
        "transaction of its own");
}

// The executor's sink: runs each statement on the live connection and keeps a
// record of what ran and of the first failure.
class LiveSink final : public StatementSink
{
public:
    explicit LiveSink(SqliteConnection &connection) : m_connection(connection) {}

    bool execute(const QString &sql) override
    {
        if (m_failed) {
            m_lastError = QCoreApplication::translate("retort::MigrationExecutor",
                                                      "an earlier statement of this step failed");
            return false;
        }
        m_statements.append(sql);
        const SqlOutcome outcome = m_connection.execute(sql, refuseTransactionControl);
        m_lastChanges = outcome.changes;
        if (outcome.ok())
            return true;
        m_failed = true;
        m_failedStatement = outcome.statement.isEmpty() ? sql : outcome.statement;
        m_lastError = outcome.message;
        m_lastOutcome = outcome;
        return false;
    }
    QString lastError() const override { return m_lastError; }
    // Statements of the step's transaction that ran before the sink existed.
    void noteAlreadyRun(const QStringList &statements) { m_statements.append(statements); }
    QSqlDatabase database() const override { return m_connection.database(); }

    bool failed() const { return m_failed; }
    QString failedStatement() const { return m_failedStatement; }
    const SqlOutcome &failure() const { return m_lastOutcome; }
    qint64 lastChanges() const { return m_lastChanges; }
    const QStringList &statements() const { return m_statements; }

private:
    SqliteConnection &m_connection;
    QStringList m_statements;
    bool m_failed = false;
    QString m_failedStatement;
    QString m_lastError;
    SqlOutcome m_lastOutcome;
    qint64 m_lastChanges = 0;
};

// One call of MigrationExecutor::run(), from opening the file to the checks.
class Execution
{
public:
    Execution(MigrationExecutor &executor, const MigrationPlan &plan, const QString &database,
              const ExecutionOptions &options, const StepRunner &runner, ExecutionReport &report,
              AuditEntry &audit)
        : m_executor(executor), m_plan(plan), m_database(database), m_options(options),
          m_runner(runner), m_report(report), m_audit(audit),
          m_table(options.versionTable.isEmpty() ? u"alembic_version"_s : options.versionTable)
    {
    }

    // Returns whether the run belongs in the audit log: not when there was no
    // database to write to (a log file would be the only thing created).
    bool run();

private:
    void fail(ExecutionReport::Error kind, const QString &message)
    {
        m_report.errorKind = kind;
        m_report.error = message;
    }
    void rollBack(SqliteConnection &connection)
    {
        if (connection.inTransaction())
            connection.execute(u"ROLLBACK"_s);
    }
    void setForeignKeys(SqliteConnection &connection, bool on)
    {
        // Outside a transaction only: SQLite ignores the pragma inside one.
        connection.execute(on ? u"PRAGMA foreign_keys = ON"_s : u"PRAGMA foreign_keys = OFF"_s);
    }
    bool prepare(SqliteConnection &connection);
    bool runStep(SqliteConnection &connection, int index);
    void checkIntegrity(SqliteConnection &connection);
    QString lockedText(const QString &sqliteMessage) const
    {
        return QCoreApplication::translate("retort::MigrationExecutor",
                                           "%1 is locked by another program (%2); nothing was "
                                           "changed. Try again when it has finished.")
            .arg(shown(m_database), sqliteMessage);
    }
    // Inside a step: earlier steps may have been committed, so the message
    // that follows says where the database stands.
    QString lockedInStepText(const QString &sqliteMessage) const
    {
        return QCoreApplication::translate("retort::MigrationExecutor",
                                           "%1 is locked by another program (%2); try again when "
                                           "it has finished.")
            .arg(shown(m_database), sqliteMessage);
    }

    MigrationExecutor &m_executor;
    const MigrationPlan &m_plan;
    const QString m_database;
    const ExecutionOptions &m_options;
    const StepRunner &m_runner;
    ExecutionReport &m_report;
    AuditEntry &m_audit;
    const QString m_table;
    bool m_foreignKeysOn = false;
    bool m_committedChange = false;  // the table was created or purged, without steps
    bool m_transactionOpen = false;  // prepare() left the first step's transaction open
    QStringList m_prepareStatements; // version-table statements run before the first step
};

bool Execution::run()
{
    const QFileInfo info(m_database);
    if (!info.exists()) {
        fail(ExecutionReport::Error::MissingDatabase,
             QCoreApplication::translate("retort::MigrationExecutor",
                                         "The database %1 does not exist; nothing was created.")
                 .arg(shown(m_database)));
        return false;
    }
    if (!info.isFile()) {
        fail(ExecutionReport::Error::NotADatabase,
             QCoreApplication::translate("retort::MigrationExecutor", "%1 is not a database file.")
                 .arg(shown(m_database)));
        return false;
    }
    // SQLite writes its journal beside the database, so the folder must be writable too.
    if (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable()) {
        fail(ExecutionReport::Error::ReadOnly,
             QCoreApplication::translate("retort::MigrationExecutor",
                                         "Cannot write to %1: the file or its folder is read-only.")
                 .arg(shown(m_database)));
        return true;
    }

    SqliteConnection connection(m_database, SqliteConnection::Mode::ReadWrite, busyTimeoutMs,
                                u"executor"_s);
    const SqlOutcome opened = connection.open();
    if (!opened.ok()) {
        if (opened.isNotADatabase()) {
            fail(ExecutionReport::Error::NotADatabase,
                 QCoreApplication::translate("retort::MigrationExecutor",
                                             "%1 is not a usable SQLite database: %2.")
                     .arg(shown(m_database), opened.message));
            return false;
        }
        fail(opened.isBusy() ? ExecutionReport::Error::Locked : ExecutionReport::Error::Unexpected,
             opened.isBusy()
                 ? lockedText(opened.message)
                 : QCoreApplication::translate("retort::MigrationExecutor", "Cannot open %1: %2.")
                       .arg(shown(m_database), opened.message));
        return true;
    }
    if (connection.isReadOnly()) {
        fail(ExecutionReport::Error::ReadOnly,
             QCoreApplication::translate("retort::MigrationExecutor",
                                         "Cannot write to %1: SQLite opened it read-only.")
                 .arg(shown(m_database)));
        return true;
    }

    const bool prepared = prepare(connection);
    for (int index = 0; prepared && index < m_plan.steps.size(); ++index) {
        if (m_executor.stopRequested()) {
            rollBack(connection); // the first step's transaction, when nothing ran in it yet
            setForeignKeys(connection, m_foreignKeysOn);
            m_transactionOpen = false;
            m_report.stopped = true;
            break;
        }
        if (!runStep(connection, index))
            break;
    }
    m_report.ok = m_report.errorKind == ExecutionReport::Error::None && !m_report.stopped;

    // A lock or a stop that ended the run before anything was committed
    // changed nothing, so its backup would only be clutter.
    const bool nothingChanged = m_report.stepsCompleted == 0 && !m_committedChange;
    if (nothingChanged && !m_report.backupFile.isEmpty() &&
        (m_report.errorKind == ExecutionReport::Error::Locked || m_report.stopped)) {
        QFile::remove(m_report.backupFile);
        m_report.backupFile.clear();
    }
    if (!prepared)
        return m_report.errorKind != ExecutionReport::Error::NotADatabase;

    const VersionRows after = readVersionRows(connection, m_table);
    if (after.outcome.ok())
        m_report.rowsAfter = after.rows;
    checkIntegrity(connection);
    return true;
}

// Checks the version table, backs up and prepares the version table. When
// there are steps, returns with a transaction open: the one that took the
// backup runs the first step, so no other writer can commit in between.
bool Execution::prepare(SqliteConnection &connection)
{
    const SqlOutcome foreignKeys = connection.execute(u"PRAGMA foreign_keys"_s);
    m_foreignKeysOn = foreignKeys.ok() && !foreignKeys.rows.isEmpty() &&
                      foreignKeys.rows.first().value(0).toInt() == 1;

    auto failWith = [&](const SqlOutcome &outcome, const QString &otherwise) {
        rollBack(connection);
        setForeignKeys(connection, m_foreignKeysOn);
        if (outcome.isNotADatabase()) {
            fail(ExecutionReport::Error::NotADatabase,
                 QCoreApplication::translate("retort::MigrationExecutor",
                                             "%1 is not a usable SQLite database: %2.")
                     .arg(shown(m_database), outcome.message));
        } else if (outcome.isBusy()) {
            fail(ExecutionReport::Error::Locked, lockedText(outcome.message));
        } else {
            fail(ExecutionReport::Error::Unexpected, otherwise);
        }
        return false;
    };
    auto readAndCompare = [&](VersionRows *rows) {
        *rows = readVersionRows(connection, m_table);
        if (!rows->outcome.ok()) {
            return failWith(
                rows->outcome,
                QCoreApplication::translate("retort::MigrationExecutor",
                                            "Cannot read the version table %1 in %2: %3.")
                    .arg(m_table, shown(m_database), rows->outcome.message));
        }
        m_report.rowsBefore = rows->rows;
        m_report.rowsAfter = rows->rows;
        QStringList found = rows->rows;
        QStringList planned = m_plan.rowsBefore;
        std::sort(found.begin(), found.end());
        std::sort(planned.begin(), planned.end());
        if (found == planned)
            return true;
        rollBack(connection);
        setForeignKeys(connection, m_foreignKeysOn);
        fail(ExecutionReport::Error::ChangedSincePlanning,
             QCoreApplication::translate(
                 "retort::MigrationExecutor",
                 "The version table of %1 changed since the plan was made (planned from: %2; now: "
                 "%3). Nothing was written; plan again.")
                 .arg(shown(m_database), rowsText(m_plan.rowsBefore), rowsText(rows->rows)));
        return false;
    };

    // A write lock taken and given back at once: another program writing is
    // reported before anything (even a backup) is made. It also rolls back a
    // transaction that a crashed writer left in a hot journal.
    VersionRows rows;
    const SqlOutcome probe = connection.execute(u"BEGIN IMMEDIATE"_s);
    if (!probe.ok()) {
        return failWith(probe, QCoreApplication::translate("retort::MigrationExecutor",
                                                           "Cannot start a transaction on %1: %2.")
                                   .arg(shown(m_database), probe.message));
    }
    if (!readAndCompare(&rows))
        return false;
    rollBack(connection);

    if (m_executor.stopRequested()) {
        m_report.stopped = true;
        return false;
    }

    // SQLite's backup API cannot read from a connection inside a write
    // transaction, so the backup is taken under a read lock, which the first
    // write of the same transaction turns into a write lock. While it is held
    // no one else can commit, so the backup is exactly what the first step
    // changes.
    setForeignKeys(connection, false);
    const SqlOutcome begun = connection.execute(u"BEGIN"_s);
    if (!begun.ok()) {
        return failWith(begun, QCoreApplication::translate("retort::MigrationExecutor",
                                                           "Cannot start a transaction on %1: %2.")
                                   .arg(shown(m_database), begun.message));
    }
    if (!readAndCompare(&rows))
        return false;

    const bool createTable = !rows.tableExists;
    const bool purgeNow = m_plan.purge && m_plan.steps.isEmpty() && rows.rowCount > 0;
    const bool writes = !m_plan.steps.isEmpty() || createTable || purgeNow;
    if (writes && m_options.backup) {
        const BackupResult backup =
            Backup::createFrom(connection.handle(), m_database, m_options.backupFolder);
        if (!backup) {
            rollBack(connection);
            setForeignKeys(connection, m_foreignKeysOn);
            fail(backup.errorKind == BackupError::Locked ? ExecutionReport::Error::Locked
                                                         : ExecutionReport::Error::BackupFailed,
                 QCoreApplication::translate("retort::MigrationExecutor",
                                             "Nothing was written because the backup failed: %1")
                     .arg(backup.error));
            return false;
        }
        m_report.backupFile = backup.file;
    }

    if (createTable) {
        // Alembic's DDL, as it runs it before the first upgrade or stamp.
        m_prepareStatements.append(versionTableDdl(m_table));
    }
    if (purgeNow)
        m_prepareStatements.append(u"DELETE FROM "_s + m_table);
    for (const QString &statement : std::as_const(m_prepareStatements)) {
        const SqlOutcome outcome = connection.execute(statement);
        if (!outcome.ok()) {
            m_report.failedStatement = statement;
            m_report.sqliteMessage = outcome.message;
            return failWith(outcome, QCoreApplication::translate(
                                         "retort::MigrationExecutor",
                                         "Preparing the version table failed: %1\nStatement: %2")
                                         .arg(outcome.message, statement));
        }
    }
    if (!m_plan.steps.isEmpty()) {
        m_transactionOpen = true;
        return true;
    }
    const SqlOutcome committed = connection.execute(u"COMMIT"_s);
    if (!committed.ok()) {
        m_report.failedStatement = u"COMMIT"_s;
        m_report.sqliteMessage = committed.message;
        return failWith(committed,
                        QCoreApplication::translate("retort::MigrationExecutor",
                                                    "Preparing the version table failed: %1")
                            .arg(committed.message));
    }
    setForeignKeys(connection, m_foreignKeysOn);
    m_committedChange = !m_prepareStatements.isEmpty();
    if (purgeNow)
        m_report.rowsAfter.clear();
    return true;
}

bool Execution::runStep(SqliteConnection &connection, int index)
{
    const PlanStep &step = m_plan.steps.at(index);
    const int count = int(m_plan.steps.size());
    Q_EMIT m_executor.stepStarted(index, count, step.logLine());

    AuditStep audited;
    audited.revision = revisionOf(step);
    audited.direction = directionOf(step.kind);
    audited.fromRevisions = step.fromRevisions;
    audited.toRevisions = step.toRevisions;
    LiveSink sink(connection);
    if (index == 0)
        sink.noteAlreadyRun(m_prepareStatements);

    auto record = [&](bool ok) {
        audited.statements = sink.statements().mid(0, auditedStatementsPerStep);
        audited.omittedStatements =
            std::max(0, int(sink.statements().size()) - auditedStatementsPerStep);
        audited.outcome = ok ? u"ok"_s : u"failed"_s;
        m_audit.steps.append(audited);
    };
    const QString rolledBack =
        QCoreApplication::translate(
            "retort::MigrationExecutor",
            "The step was rolled back; the database is as the previous step left it (version "
            "table: %1).")
            .arg(rowsText(m_report.rowsAfter));
    auto failStep = [&](ExecutionReport::Error kind, const QString &message,
                        const QString &statement, const QString &sqliteMessage) {
        rollBack(connection);
        setForeignKeys(connection, m_foreignKeysOn);
        m_report.failedStep = index;
        m_report.failedRevision = revisionOf(step);
        m_report.failedStatement = statement;
        m_report.sqliteMessage = sqliteMessage;
        fail(kind, message);
        record(false);
        Q_EMIT m_executor.stepFinished(index, false);
        return false;
    };
    auto failStatement = [&]() {
        const SqlOutcome &failure = sink.failure();
        const bool locked = failure.isBusy();
        const QString reason = locked ? lockedInStepText(sink.lastError()) : sink.lastError();
        return failStep(
            locked ? ExecutionReport::Error::Locked : ExecutionReport::Error::StatementFailed,
            stepFailedText(step, reason) + u'\n' +
                QCoreApplication::translate("retort::MigrationExecutor", "Statement: %1")
                    .arg(sink.failedStatement()) +
                u'\n' + rolledBack,
            sink.failedStatement(), sink.lastError());
    };

    // Batch operations rebuild tables by copy, drop and rename; with foreign
    // keys on, the drop would cascade into (or be refused by) the tables that
    // refer to the one being rebuilt.
    SqlOutcome begun;
    if (m_transactionOpen) {
        m_transactionOpen = false;
    } else {
        setForeignKeys(connection, false);
        begun = connection.execute(u"BEGIN IMMEDIATE"_s);
    }
    if (!begun.ok()) {
        const bool locked = begun.isBusy();
        return failStep(
            locked ? ExecutionReport::Error::Locked : ExecutionReport::Error::Unexpected,
            stepFailedText(step, locked ? lockedInStepText(begun.message) : begun.message) + u'\n' +
                rolledBack,
            u"BEGIN IMMEDIATE"_s, begun.message);
    }

    // Alembic empties the table before anything else, in the first transaction.
    if (index == 0 && m_plan.purge && !sink.execute(u"DELETE FROM "_s + m_table))
        return failStatement();

    if (step.kind != PlanStep::Kind::Stamp) {
        if (!m_runner) {
            return failStep(ExecutionReport::Error::StepNotRunnable,
                            stepFailedText(step, QCoreApplication::translate(
                                                     "retort::MigrationExecutor",
                                                     "no SQL was given for this revision")),
                            {}, {});
        }
        StepRunOutcome outcome;
        try {
            outcome = m_runner(step, sink);
        } catch (const std::exception &exception) {
            outcome = StepRunOutcome::failure(QString::fromLocal8Bit(exception.what()));
        } catch (...) {
            outcome = StepRunOutcome::failure(QCoreApplication::translate(
                "retort::MigrationExecutor", "the step runner failed unexpectedly"));
        }
        if (sink.failed())
            return failStatement();
        if (!outcome.ok()) {
            return failStep(ExecutionReport::Error::StepNotRunnable,
                            stepFailedText(step, outcome.error) + u'\n' + rolledBack, {}, {});
        }
    }

    for (const VersionChange &change : step.versionChanges) {
        const QString sql = change.sql(m_table);
        audited.versionChanges.append(sql);
        if (!sink.execute(sql))
            return failStatement();
        if (change.kind == VersionChange::Kind::Insert || sink.lastChanges() == 1)
            continue;
        // Alembic's words, so that scripts matching on them keep working.
        const QString message =
            change.kind == VersionChange::Kind::Update
                ? u"Online migration expected to match one row when updating '%1' to '%2' in "
                  u"'%3'; %4 found"_s.arg(change.from, change.to, m_table,
                                          QString::number(sink.lastChanges()))
                : u"Online migration expected to match one row when deleting '%1' in '%2'; %3 "
                  u"found"_s.arg(change.from, m_table, QString::number(sink.lastChanges()));
        return failStep(ExecutionReport::Error::VersionRowMismatch, message, sql, {});
    }

    if (!connection.inTransaction()) {
        return failStep(ExecutionReport::Error::Unexpected,
                        stepFailedText(step, QCoreApplication::translate(
                                                 "retort::MigrationExecutor",
                                                 "its transaction ended before the commit")),
                        {}, {});
    }
    const SqlOutcome committed = connection.execute(u"COMMIT"_s);
    if (!committed.ok()) {
        const bool locked = committed.isBusy();
        return failStep(
            locked ? ExecutionReport::Error::Locked : ExecutionReport::Error::StatementFailed,
            stepFailedText(step, locked ? lockedInStepText(committed.message) : committed.message) +
                u'\n' + rolledBack,
            u"COMMIT"_s, committed.message);
    }
    setForeignKeys(connection, m_foreignKeysOn);
    ++m_report.stepsCompleted;
    m_report.rowsAfter = step.rowsAfter;
    record(true);
    Q_EMIT m_executor.stepFinished(index, true);
    return true;
}

void Execution::checkIntegrity(SqliteConnection &connection)
{
    const SqlOutcome integrity = connection.execute(u"PRAGMA integrity_check"_s);
    if (!integrity.ok()) {
        m_report.integrityMessages = {integrity.message};
        return;
    }
    m_report.integrityChecked = true;
    for (const QVariantList &row : integrity.rows)
        m_report.integrityMessages.append(row.value(0).toString());
    const SqlOutcome foreignKeys = connection.execute(u"PRAGMA foreign_key_check"_s);
    for (const QVariantList &row : foreignKeys.rows) {
        m_report.foreignKeyViolations.append(
            QCoreApplication::translate("retort::MigrationExecutor",
                                        "%1 row %2 refers to a missing row of %3 (foreign key %4)")
                .arg(row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                     row.value(3).toString()));
    }
}

} // namespace

MigrationExecutor::MigrationExecutor(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<retort::ExecutionReport>();
}

void MigrationExecutor::requestStop()
{
    m_stopRequested.store(true);
}

bool MigrationExecutor::stopRequested() const
{
    return m_stopRequested.load();
}

ExecutionReport MigrationExecutor::run(const MigrationPlan &plan, const QString &databasePath,
                                       const ExecutionOptions &options, const StepRunner &runner)
{
    ExecutionReport report;
    report.stepCount = int(plan.steps.size());
    Q_EMIT started(report.stepCount);

    const QString database = QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());
    AuditEntry audit;
    audit.action = options.auditAction.isEmpty() ? actionFor(plan.kind) : options.auditAction;
    audit.database = database;
    audit.target = plan.target;
    audit.stepCount = report.stepCount;

    bool logged = true;
    {
        Execution execution(*this, plan, database, options, runner, report, audit);
        logged = execution.run();
    }

    if (logged) {
        audit.rowsBefore = report.rowsBefore;
        audit.rowsAfter = report.rowsAfter;
        audit.backupFile = report.backupFile;
        audit.outcome = report.ok        ? AuditEntry::Outcome::Ok
                        : report.stopped ? AuditEntry::Outcome::Stopped
                                         : AuditEntry::Outcome::Failed;
        audit.error = report.error;
        audit.integrity = report.integrityMessages;
        audit.foreignKeyViolations = report.foreignKeyViolations;
        const AuditLog::AppendResult appended = AuditLog::append(database, audit);
        if (!appended)
            report.auditLogError = appended.error;
    }

    m_stopRequested.store(false);
    Q_EMIT finished(report);
    return report;
}

} // namespace retort
