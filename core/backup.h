#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

struct sqlite3;

namespace retort {

// Why a backup or a restore did not happen.
enum class BackupError
{
    None,
    MissingDatabase, // the database (or the backup to restore) does not exist
    NotADatabase,    // the file is not an SQLite database
    Locked,          // another connection holds a lock; nothing was changed
    Damaged,         // the backup to restore fails SQLite's integrity check
    Failed,          // anything else (disk full, permissions, ...); see the message
};

struct BackupResult
{
    QString file; // absolute path of the backup written
    BackupError errorKind = BackupError::None;
    QString error; // translated, names the files and SQLite's message
    explicit operator bool() const { return errorKind == BackupError::None; }
};

struct BackupInfo
{
    QString file;   // absolute path
    QDateTime time; // from the file name (local time)
    qint64 size = 0;
};

struct RestoreResult
{
    QString safetyBackup;          // the database as it was just before the restore
    QStringList integrityMessages; // integrity_check of the restored database; {"ok"} when sound
    BackupError errorKind = BackupError::None;
    QString error;
    explicit operator bool() const { return errorKind == BackupError::None; }
};

// Snapshots of a database, taken and put back with SQLite's online backup
// API, so they are consistent even while other connections use the file.
//
// A backup is `<database file name>.<yyyyMMdd_HHmmss>.bak` (local time),
// `-N` before `.bak` when that name is taken, beside the database or in a
// chosen folder. It is written as `<name>.partial` and renamed when complete,
// so a backup interrupted by a crash is never listed. For a database in
// rollback-journal mode the backup is a byte-for-byte copy of the file; in
// WAL mode it holds the same pages, with the header SQLite writes.
class Backup
{
public:
    // Backs up the database; records the backup in the audit log.
    static BackupResult create(const QString &databasePath, const QString &folder = {});

    // The backups of a database found in the folder (beside it by default),
    // newest first.
    static QList<BackupInfo> list(const QString &databasePath, const QString &folder = {});

    // Puts a backup back into the database: first backs up the database as it
    // is (into `folder`), then copies the backup's pages into the live file
    // through the backup API (other connections see the new content), then
    // checks integrity. A missing database is created; a file that is not a
    // database is renamed to the safety backup's name instead of being
    // copied. Recorded in the audit log.
    static RestoreResult restore(const QString &backupFile, const QString &databasePath,
                                 const QString &folder = {});

    // A backup through a connection that is already open (and possibly
    // holding a lock the caller keeps across the copy). `source` must belong
    // to the calling thread. Not recorded in the audit log.
    static BackupResult createFrom(sqlite3 *source, const QString &databasePath,
                                   const QString &folder);
};

} // namespace retort
