// The doctor: what is wrong with a database against its migration scripts,
// and how to put it right.
//
// A diagnosis compares three things: the version table's rows, the revision
// graph, and the database's schema against the schema each revision should
// leave (ExpectedSchemas). Each finding has a stable code, the evidence, and
// where Retort can produce one, a repair: the exact SQL it will run, on the
// version table, on a leftover `_alembic_tmp_*` table, or completing or
// reverting a half-applied revision with statements the translator produces.
// A repair is planned on an in-memory copy of the schema first (so a fix that
// uncovers the next problem, e.g. a version stamped back onto a half-applied
// revision, is planned through), then run on the database in one transaction
// after a backup, verified, re-diagnosed and audit-logged.

#pragma once

#include "fingerprint.h"
#include "schemasnapshot.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

class AlembicRenderer;
struct Project;

// What a repair does, and the SQL it runs (in one transaction, in order).
struct Repair
{
    // "stamp", "create-version-table", "delete-rows", "drop-tmp-table",
    // "revert", "complete", "recreate-missing".
    QString key;
    QString description; // translated
    QStringList statements;
    bool destructive = false; // drops a table or column that may hold data
    QStringList rowsAfter;    // the version table once it has run

    QJsonObject toJson() const;
};

// A schema difference and the revision it is about.
struct AttributedDifference
{
    enum class Role
    {
        CreatedBy,  // expected: this revision (already applied) made it so
        PendingIn,  // not expected yet: this pending revision makes it
        RemovedBy,  // not expected: this applied revision removed it
        NoRevision, // no revision makes it (created outside the migrations)
    };
    SchemaDifference difference;
    Role role = Role::NoRevision;
    QString revision; // the revision's id; empty for NoRevision

    static QString roleKey(Role role); // "created_by", "pending_in", "removed_by", "none"
    QString describe() const;          // translated, one line
    QJsonObject toJson() const;
};

struct Diagnosis
{
    enum class Severity
    {
        Info,    // worth knowing; the database is fine
        Warning, // Alembic works, but something is off
        Error,   // Alembic fails, or would do the wrong thing
    };
    QString code; // stable: scripts-syntax, no-version-table, half-applied, ...
    Severity severity = Severity::Error;
    QString title;       // one line, translated
    QString explanation; // plain words, translated

    // The evidence.
    QStringList rows;                    // version-table rows concerned
    QStringList revisions;               // revisions concerned
    QList<FingerprintCandidate> matches; // revisions the schema was matched against, best first
    QList<AttributedDifference> differences;
    QStringList details;    // further facts (file and line, SQLite's messages, ...), translated
    bool uncertain = false; // the expected schema involved is a best effort

    QList<Repair> repairs; // the first is the one proposed

    static QString severityKey(Severity severity); // "info", "warning", "error"
    QJsonObject toJson(const RevisionGraph &graph) const;
};

struct DoctorReport
{
    QString database;
    bool readable = false;
    QString error; // why the database could not be examined (translated)
    bool hasVersionTable = false;
    QStringList rows;
    QList<Diagnosis> diagnoses;
    QList<FingerprintCandidate> fingerprint; // the revisions the schema looks like, best first
    double milliseconds = 0;

    // No diagnosis above Info.
    bool healthy() const;
    // 0 healthy, 4 problems found, 5 database unreadable.
    int exitCode() const;
    const Diagnosis *find(const QString &code) const;
    QStringList codes() const;
    QJsonObject toJson(const RevisionGraph &graph) const;
};

struct RepairOptions
{
    bool backup = true;
    QString backupFolder; // empty: beside the database
    bool dryRun = false;  // plan only; write nothing
    // Renders untranslatable revisions for the diagnosis (see Doctor::diagnose);
    // may be null, must outlive the call.
    const AlembicRenderer *renderer = nullptr;
};

struct RepairReport
{
    bool ok = false;
    QString error; // translated
    QString code;  // as asked ("all", a code, or "code:repair")
    // What was (or, for a dry run, would be) done, in order.
    struct Step
    {
        QString code;
        QString repair;
        QString description;
        QStringList statements;
    };
    QList<Step> steps;
    QStringList statements; // every statement, in order, in one transaction
    bool destructive = false;
    DoctorReport before;
    DoctorReport after; // re-diagnosed (for a dry run: as predicted on a copy of the schema)
    QStringList rowsBefore, rowsAfter;
    QString backupFile;
    QStringList integrityMessages;    // after the repair; {"ok"} when sound
    QStringList foreignKeyViolations; // after the repair
    QString auditLogError;

    explicit operator bool() const { return ok; }
    QJsonObject toJson(const RevisionGraph &graph) const;
};

// SQLite's own checks of a database file, read-only: PRAGMA integrity_check
// (damaged pages, indexes that disagree with their tables) and PRAGMA
// foreign_key_check (rows whose foreign key points nowhere).
struct IntegrityReport
{
    QString database;
    QString error; // why the checks could not run (translated); empty when they ran
    QStringList integrityMessages;    // {"ok"} when sound
    QStringList foreignKeyViolations; // one per row, described (translated)
    double milliseconds = 0;

    bool readable() const { return error.isEmpty(); }
    bool sound() const
    {
        return readable() && integrityMessages == QStringList{QStringLiteral("ok")} &&
               foreignKeyViolations.isEmpty();
    }
    explicit operator bool() const { return sound(); }
    // One line for a message bar or a log, translated.
    QString summary() const;
};

class Doctor
{
    Q_DECLARE_TR_FUNCTIONS(retort::Doctor)

public:
    // Runs SQLite's checks on the file, opened read-only (nothing about it
    // changes); the same checks a diagnosis runs, without the project.
    static IntegrityReport checkIntegrity(const QString &databasePath);

    // `renderer` (may be null) renders the revisions the translator cannot
    // read, so that the schemas expected from them on are certain.
    static DoctorReport diagnose(const Project &project, const QString &databasePath,
                                 const AlembicRenderer *renderer = nullptr);

    // `code`: a diagnosis code, "all", or "code:repair" to choose one of a
    // diagnosis's repairs by key (e.g. "half-applied:complete").
    static RepairReport repair(const Project &project, const QString &databasePath,
                               const QString &code, const RepairOptions &options = {});
};

} // namespace retort
