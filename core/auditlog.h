#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// One step of an audited run, as it was attempted.
struct AuditStep
{
    QString revision;  // the revision run; for a stamp, the revision stamped to (or from)
    QString direction; // "upgrade", "downgrade" or "stamp"
    QStringList fromRevisions;
    QStringList toRevisions;
    QStringList versionChanges; // the version-table statements
    QStringList statements;     // every statement run in the step, in order
    int omittedStatements = 0;  // statements beyond the kept ones (a huge bulk insert)
    QString outcome;            // "ok" or "failed"

    bool operator==(const AuditStep &) const = default;
};

// One write to a database: what was asked, what ran, how it ended.
struct AuditEntry
{
    enum class Outcome
    {
        Ok,
        Failed,
        Stopped
    };

    QDateTime time; // UTC; append() stamps the current time when it is not set
    QString action; // upgrade, downgrade, stamp, restore, backup, repair
    QString database;
    QString target; // the plan's target, or the backup restored
    QStringList rowsBefore;
    QStringList rowsAfter;
    int stepCount = 0; // steps planned
    QList<AuditStep> steps;
    QString backupFile;
    Outcome outcome = Outcome::Ok;
    QString error;
    QStringList integrity;            // PRAGMA integrity_check output ("ok" when sound)
    QStringList foreignKeyViolations; // PRAGMA foreign_key_check, described
    QString retortVersion;            // append() fills in this build's version when empty

    QJsonObject toJson() const;
    static AuditEntry fromJson(const QJsonObject &object);
    static QString outcomeName(Outcome outcome);

    bool operator==(const AuditEntry &) const = default;
};

// The append-only audit log beside a database, `<database>.retort-audit.jsonl`:
// one JSON object per line, earlier lines never rewritten.
class AuditLog
{
public:
    static QString pathFor(const QString &databasePath);

    struct AppendResult
    {
        QString error; // translated; empty on success
        explicit operator bool() const { return error.isEmpty(); }
    };
    // Appends one line (and flushes it to disk).
    static AppendResult append(const QString &databasePath, const AuditEntry &entry);

    struct ReadResult
    {
        QList<AuditEntry> entries; // oldest first
        QList<int> malformedLines; // 1-based line numbers that are not JSON objects
        QString error;             // translated; a missing log is not an error
        explicit operator bool() const { return error.isEmpty(); }
    };
    static ReadResult read(const QString &databasePath);

    static QString retortVersion();
};

} // namespace retort
