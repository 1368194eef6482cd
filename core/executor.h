// MigrationExecutor: applies a MigrationPlan to an SQLite database.
//
// Guarantees (DESIGN.md, "Nothing is lost"):
// - Nothing is written when the database is missing, is not a database, is
//   locked by another connection (2 s busy timeout), or when its version table
//   no longer holds the rows the plan was made from. A missing file is never
//   created; a run refused for a lock leaves no backup behind.
// - Before the first write the database is backed up (SQLite's online backup
//   API) unless the options turn that off. The backup is taken inside the
//   first step's transaction, so nobody can commit between the backup and the
//   first step.
// - Each step runs in one transaction holding its DDL and its version-row
//   changes, with foreign keys off (SQLite's 12-step ALTER procedure). A
//   missing version table is created with Alembic's DDL in the first step's
//   transaction (on its own when the plan has no steps), and `--purge` empties
//   it there too. Any failure - a statement, a version-row change matching
//   other than one row, a lock, the runner giving up - rolls the whole step
//   back: the database is left exactly as the last completed step left it,
//   with no half-built table and no `_alembic_tmp_*` copy, and the report
//   names the revision, the statement and SQLite's message. A crash or SIGKILL
//   leaves a hot journal (or WAL frames) that SQLite rolls back on the next
//   read-write open, with the same result.
// - A stop request is honoured between steps, never inside one.
// - Afterwards `PRAGMA integrity_check` and `PRAGMA foreign_key_check` are run
//   and reported, and the run (whatever its outcome, except a missing or
//   non-database file) is appended to the audit log beside the database.
//
// run() opens its own connection and closes it before returning, so it can be
// called from any thread; requestStop() may be called from any thread.

#pragma once

#include "migrationplan.h"

#include <QMetaType>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace retort {

// Where a step runner sends the statements of one step. The statements run at
// once, inside the step's transaction, so a runner that reads the schema
// through database() sees what the step's earlier statements made of it.
class StatementSink
{
public:
    virtual ~StatementSink() = default;

    // Runs `sql` (every statement in it). On failure returns false; lastError()
    // then holds SQLite's message, and the step will be rolled back.
    // Statements that end the transaction (BEGIN, COMMIT, END, ROLLBACK) are
    // refused.
    virtual bool execute(const QString &sql) = 0;
    virtual QString lastError() const = 0;

    // The live connection (owned by the executor's thread), for reading the
    // schema with QSqlQuery. Write through execute() only.
    virtual QSqlDatabase database() const = 0;
};

// What a step runner says about a step.
struct StepRunOutcome
{
    QString error; // e.g. "revision not translatable: ..."; empty on success

    static StepRunOutcome success() { return {}; }
    static StepRunOutcome failure(const QString &reason) { return {reason}; }
    bool ok() const { return error.isEmpty(); }
};

// Renders and runs one step's DDL/DML, statement by statement, through the
// sink. Not called for stamp steps (they change version rows only).
using StepRunner = std::function<StepRunOutcome(const PlanStep &step, StatementSink &sink)>;

struct ExecutionOptions
{
    bool backup = true;
    QString backupFolder; // empty: beside the database
    QString versionTable = QStringLiteral("alembic_version");
    QString auditAction; // empty: upgrade, downgrade or stamp after the plan's kind
};

struct ExecutionReport
{
    enum class Error
    {
        None,
        MissingDatabase,      // the file does not exist (nothing was created)
        NotADatabase,         // not an SQLite database, or a directory, a device, ...
        ReadOnly,             // the file or its folder cannot be written
        Locked,               // another connection holds a lock; this step changed nothing
        ChangedSincePlanning, // the version table no longer holds plan.rowsBefore
        BackupFailed,         // the backup could not be made; nothing was written
        StatementFailed,      // SQLite rejected a statement of the step
        VersionRowMismatch,   // an UPDATE/DELETE of a version row matched other than one row
        StepNotRunnable,      // the runner could not produce the step's SQL
        Unexpected,           // anything else; see error
    };

    bool ok = false;      // every step completed and was committed
    bool stopped = false; // a stop request ended the run between two steps
    Error errorKind = Error::None;
    // Translated, with the revision, the statement and SQLite's message. For
    // VersionRowMismatch it is Alembic's own text, verbatim.
    QString error;

    int stepCount = 0;
    int stepsCompleted = 0; // committed steps, from the first
    QStringList rowsBefore; // the version table as the run found it
    QStringList rowsAfter;  // and as it left it
    QString backupFile;     // empty when no backup was made (or needed)

    int failedStep = -1;    // index in plan.steps
    QString failedRevision; // the revision's id
    QString failedStatement;
    QString sqliteMessage;

    bool integrityChecked = false;
    QStringList integrityMessages;    // PRAGMA integrity_check; {"ok"} when sound
    QStringList foreignKeyViolations; // PRAGMA foreign_key_check, one line per row
    QString auditLogError;            // the run itself is unaffected

    bool integrityOk() const { return integrityMessages == QStringList{QStringLiteral("ok")}; }
    explicit operator bool() const { return ok; }
};

class MigrationExecutor : public QObject
{
    Q_OBJECT
public:
    explicit MigrationExecutor(QObject *parent = nullptr);

    // Applies the plan; blocking. Signals are emitted from the calling thread.
    ExecutionReport run(const MigrationPlan &plan, const QString &databasePath,
                        const ExecutionOptions &options, const StepRunner &runner);

    // Thread-safe: ends the current run before its next step. The request is
    // cleared when a run returns.
    void requestStop();
    bool stopRequested() const;

Q_SIGNALS:
    void started(int stepCount);
    // `index` counts from 0; `description` is the step's logLine().
    void stepStarted(int index, int count, const QString &description);
    void stepFinished(int index, bool ok);
    void finished(const retort::ExecutionReport &report);

private:
    std::atomic<bool> m_stopRequested{false};
};

} // namespace retort

Q_DECLARE_METATYPE(retort::ExecutionReport)
