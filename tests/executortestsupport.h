// Helpers shared by the executor and backup suites and the executor_killee
// helper: scripted plans, statements on a scratch connection, dumps, and
// snapshots of a file that must not change.

#pragma once

#include "executor.h"
#include "migrationplan.h"
#include "sqliteconnection.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace testsupport {

using namespace Qt::StringLiterals;

// What the real Alembic leaves in sqlite_master (SQLAlchemy's layout).
inline const QString alembicVersionDdl =
    u"CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT "
    u"alembic_version_pkc PRIMARY KEY (version_num)\n)"_s;

// Runs statements on a connection of its own (creating the file if needed).
inline bool runStatements(const QString &path, const QStringList &statements,
                          QString *error = nullptr)
{
    retort::SqliteConnection connection(path, retort::SqliteConnection::Mode::ReadWriteCreate, 2000,
                                        u"test-writer"_s);
    retort::SqlOutcome outcome = connection.open();
    for (const QString &statement : statements) {
        if (!outcome.ok())
            break;
        outcome = connection.execute(statement);
    }
    if (!outcome.ok() && error)
        *error = outcome.statement + u": "_s + outcome.message;
    return outcome.ok();
}

// The rows a query returns, each row's values joined with '|'.
inline QStringList queryRows(const QString &path, const QString &sql)
{
    retort::SqliteConnection connection(path, retort::SqliteConnection::Mode::ReadWrite, 2000,
                                        u"test-reader"_s);
    retort::SqlOutcome outcome = connection.open();
    if (outcome.ok())
        outcome = connection.execute(sql);
    if (!outcome.ok())
        return {u"ERROR: "_s + outcome.message};
    QStringList rows;
    for (const QVariantList &row : std::as_const(outcome.rows)) {
        QStringList values;
        for (const QVariant &value : row)
            values.append(value.isNull() ? u"NULL"_s : value.toString());
        rows.append(values.join(u'|'));
    }
    return rows;
}

inline QStringList tableNames(const QString &path)
{
    return queryRows(path, u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
}

// `sqlite3 FILE .dump`: schema and content as SQL text, the reference for
// "the same database".
inline QString dump(const QString &path)
{
    const QString sqlite3 = QStandardPaths::findExecutable(u"sqlite3"_s);
    if (sqlite3.isEmpty())
        return u"ERROR: the sqlite3 shell is not installed"_s;
    QProcess shell;
    shell.start(sqlite3, {u"-readonly"_s, path, u".dump"_s});
    if (!shell.waitForFinished(30000) || shell.exitCode() != 0)
        return u"ERROR: "_s + QString::fromUtf8(shell.readAllStandardError());
    return QString::fromUtf8(shell.readAllStandardOutput());
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What must not change when a write is refused.
struct FileSnapshot
{
    bool exists = false;
    QByteArray bytes;
    qint64 modifiedNanoseconds = 0;
    QStringList directoryEntries;

    static FileSnapshot take(const QString &path)
    {
        FileSnapshot snapshot;
        const QFileInfo info(path);
        snapshot.exists = info.exists();
        snapshot.bytes = fileBytes(path);
        snapshot.modifiedNanoseconds = info.lastModified().toMSecsSinceEpoch() * 1000000;
#ifdef Q_OS_UNIX
        struct stat status;
        if (::stat(QFile::encodeName(path).constData(), &status) == 0) {
            snapshot.modifiedNanoseconds =
                qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec;
        }
#endif
        snapshot.directoryEntries =
            QDir(info.absolutePath())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                           QDir::Name);
        return snapshot;
    }
};

// Moves a file's modification time into the past, so that a write shows even
// on file systems with coarse timestamps.
inline bool backdate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-3).addMSecs(-123);
    return file.setFileTime(past, QFileDevice::FileModificationTime);
}

// Leaves the -journal of a writer killed in the middle of a transaction (a
// "hot journal"): the sqlite3 shell fills `filler`, then starts changing every
// row and is killed before it commits.
inline bool leaveHotJournal(const QString &path, QString *error)
{
    const QString sqlite3 = QStandardPaths::findExecutable(u"sqlite3"_s);
    if (sqlite3.isEmpty()) {
        *error = u"the sqlite3 shell is not installed"_s;
        return false;
    }
    QProcess writer;
    writer.start(sqlite3, {path});
    if (!writer.waitForStarted()) {
        *error = writer.errorString();
        return false;
    }
    // A one-page cache makes SQLite write the journal (and change the file)
    // long before the commit that never comes.
    writer.write("PRAGMA cache_size=1;\n"
                 "CREATE TABLE filler (x);\n"
                 "INSERT INTO filler SELECT randomblob(1000) FROM (WITH RECURSIVE r(i) AS "
                 "(SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 300) SELECT i FROM r);\n"
                 "BEGIN;\n"
                 "UPDATE filler SET x = zeroblob(1000);\n"
                 "DROP TABLE filler;\n"
                 "SELECT 'ready';\n");
    QByteArray output;
    QDeadlineTimer deadline(10000);
    while (!output.contains("ready") && !deadline.hasExpired()) {
        writer.waitForReadyRead(100);
        output += writer.readAllStandardOutput();
    }
    writer.kill();
    writer.waitForFinished();
    if (QFileInfo(path + u"-journal"_s).size() == 0) {
        *error = u"the killed writer left no journal"_s;
        return false;
    }
    return true;
}

// A linear chain of upgrades r1 -> r2 -> ... as the planner would make it:
// the first step inserts its row when the table has none, later ones update.
inline retort::MigrationPlan linearUpgrade(const QStringList &ids,
                                           const QStringList &rowsBefore = {})
{
    using retort::PlanStep;
    using retort::VersionChange;
    retort::MigrationPlan plan;
    plan.kind = retort::MigrationPlan::Kind::Upgrade;
    plan.target = ids.isEmpty() ? QString() : ids.last();
    plan.rowsBefore = rowsBefore;
    QString previous = rowsBefore.value(0);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        PlanStep step;
        step.kind = PlanStep::Kind::Upgrade;
        step.revision = int(i);
        step.fromRevisions = previous.isEmpty() ? QStringList{} : QStringList{previous};
        step.toRevisions = {ids.at(i)};
        step.doc = u"step "_s + ids.at(i);
        if (previous.isEmpty())
            step.versionChanges = {{VersionChange::Kind::Insert, {}, ids.at(i)}};
        else
            step.versionChanges = {{VersionChange::Kind::Update, previous, ids.at(i)}};
        step.rowsAfter = {ids.at(i)};
        plan.steps.append(step);
        previous = ids.at(i);
    }
    plan.rowsAfter = ids.isEmpty() ? rowsBefore : QStringList{ids.last()};
    return plan;
}

// The revision a scripted step stands for: the one it upgrades to.
inline QString scriptedRevision(const retort::PlanStep &step)
{
    return step.kind == retort::PlanStep::Kind::Downgrade ? step.fromRevisions.value(0)
                                                          : step.toRevisions.value(0);
}

// A runner that executes fixed statements per revision, one at a time, as the
// SQL renderer does.
inline retort::StepRunner scriptedRunner(const QHash<QString, QStringList> &statements)
{
    return [statements](const retort::PlanStep &step, retort::StatementSink &sink) {
        for (const QString &sql : statements.value(scriptedRevision(step))) {
            if (!sink.execute(sql))
                return retort::StepRunOutcome::failure(sink.lastError());
        }
        return retort::StepRunOutcome::success();
    };
}

} // namespace testsupport
