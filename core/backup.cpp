#include "backup.h"

#include "auditlog.h"
#include "sqliteconnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Long enough to ride out another connection's commit, short enough that a
// real lock is reported instead of hanging.
constexpr int busyTimeoutMs = 2000;

// The header fields SQLite's pager rewrites when it commits the copy: file
// change counter (24), schema cookie (40), version-valid-for and
// SQLITE_VERSION_NUMBER (92-99). Everything else in the 100-byte header is
// copied with page 1.
constexpr int headerSize = 100;
constexpr std::pair<int, int> rewrittenHeaderFields[] = {{24, 28}, {40, 44}, {92, 100}};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString absolutePath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString backupFolderFor(const QString &databasePath, const QString &folder)
{
    return folder.isEmpty() ? QFileInfo(databasePath).absolutePath()
                            : QDir::cleanPath(QDir(folder).absolutePath());
}

QString sqliteText(sqlite3 *handle)
{
    return QString::fromUtf8(sqlite3_errmsg(handle));
}

// The first column of the first row, or an empty string.
QString queryText(sqlite3 *handle, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    QString value;
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        value =
            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
    return value;
}

void removeWithSideFiles(const QString &path)
{
    for (const QString &suffix : {QString(), u"-journal"_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
}

// Copies every page of `from` into `to` in one step; a lock held by someone
// else is waited for (busy handlers, then a short retry) before giving up.
struct CopyOutcome
{
    int code = SQLITE_OK;
    QString message;
    bool busy() const { return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED; }
};

CopyOutcome copyPages(sqlite3 *from, sqlite3 *to)
{
    CopyOutcome outcome;
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) {
        outcome.code = sqlite3_extended_errcode(to);
        outcome.message = sqliteText(to);
        return outcome;
    }
    const QDeadlineTimer deadline(busyTimeoutMs);
    int rc = SQLITE_OK;
    while (true) {
        rc = sqlite3_backup_step(backup, -1);
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && !deadline.hasExpired()) {
            QThread::msleep(20);
            continue;
        }
        break;
    }
    const int finish = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        outcome.code = rc;
        outcome.message = QString::fromUtf8(sqlite3_errstr(rc));
    } else if (finish != SQLITE_OK) {
        outcome.code = finish;
        outcome.message = sqliteText(to);
    }
    return outcome;
}

// Claims a fresh backup name: the final name is free and its `.partial` was
// created by us, so two backups in the same second never share a file.
bool reserveBackupName(const QString &folder, const QString &databaseFileName, QString *finalPath,
                       QString *partialPath, QString *error)
{
    const QString stem =
        databaseFileName + u'.' + QDateTime::currentDateTime().toString(u"yyyyMMdd_HHmmss"_s);
    for (int n = 1; n < 10000; ++n) {
        const QString candidate =
            folder + u'/' + stem + (n > 1 ? u'-' + QString::number(n) : QString()) + u".bak"_s;
        const QString partial = candidate + u".partial"_s;
        if (QFileInfo::exists(candidate) || QFileInfo::exists(partial))
            continue;
        QFile file(partial);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            *finalPath = candidate;
            *partialPath = partial;
            return true;
        }
        if (!QFileInfo::exists(partial)) {
            *error =
                QCoreApplication::translate("retort::Backup", "Cannot create the backup %1: %2")
                    .arg(shown(candidate), file.errorString());
            return false;
        }
    }
    *error = QCoreApplication::translate("retort::Backup", "Cannot find a free backup name in %1.")
                 .arg(shown(folder));
    return false;
}

QByteArray readHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(headerSize);
}

// Makes the copy's header the source's, so that the backup is the database
// file byte for byte. Only when everything but the fields the pager rewrites
// already matches, and the file is not in WAL mode (its header on disk may be
// older than the pages the copy took from the log).
void copySourceHeader(sqlite3 *source, const QString &sourcePath, const QString &copyPath)
{
    if (queryText(source, "PRAGMA main.journal_mode").compare(u"wal"_s, Qt::CaseInsensitive) == 0)
        return;
    const QByteArray sourceHeader = readHeader(sourcePath);
    QFile copy(copyPath);
    if (sourceHeader.size() != headerSize || QFileInfo(sourcePath).size() != copy.size())
        return;
    if (!copy.open(QIODevice::ReadWrite))
        return;
    const QByteArray copyHeader = copy.read(headerSize);
    if (copyHeader.size() != headerSize)
        return;
    QByteArray masked = sourceHeader;
    QByteArray maskedCopy = copyHeader;
    for (const auto &[begin, end] : rewrittenHeaderFields) {
        for (int i = begin; i < end; ++i)
            masked[i] = maskedCopy[i] = 0;
    }
    if (masked != maskedCopy || sourceHeader == copyHeader)
        return;
    if (copy.seek(0) && copy.write(sourceHeader) == headerSize && copy.flush()) {
#ifdef Q_OS_UNIX
        ::fsync(copy.handle());
#endif
    }
}

BackupError errorKindFor(const SqlOutcome &outcome)
{
    if (outcome.isBusy())
        return BackupError::Locked;
    if (outcome.isNotADatabase())
        return BackupError::NotADatabase;
    return BackupError::Failed;
}

QString describeOpenFailure(const QString &path, const SqlOutcome &outcome)
{
    const QString file = shown(path);
    switch (errorKindFor(outcome)) {
    case BackupError::Locked:
        return QCoreApplication::translate(
                   "retort::Backup",
                   "%1 is locked by another program (%2); nothing was changed. Try again when it "
                   "has finished.")
            .arg(file, outcome.message);
    case BackupError::NotADatabase:
        return QCoreApplication::translate("retort::Backup",
                                           "%1 is not a usable SQLite database: %2.")
            .arg(file, outcome.message);
    default:
        return QCoreApplication::translate("retort::Backup", "Cannot read %1: %2.")
            .arg(file, outcome.message);
    }
}

// Checks the path names an existing regular file.
bool checkDatabaseFile(const QString &path, BackupError *kind, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *kind = BackupError::MissingDatabase;
        *error = QCoreApplication::translate("retort::Backup", "The database %1 does not exist.")
                     .arg(shown(path));
        return false;
    }
    if (!info.isFile()) {
        *kind = BackupError::Failed;
        *error = QCoreApplication::translate("retort::Backup", "%1 is not a regular file.")
                     .arg(shown(path));
        return false;
    }
    return true;
}

void audit(const QString &databasePath, const QString &action, const QString &target,
           const QString &backupFile, bool ok, const QString &error,
           const QStringList &integrity = {})
{
    AuditEntry entry;
    entry.action = action;
    entry.target = target;
    entry.backupFile = backupFile;
    entry.outcome = ok ? AuditEntry::Outcome::Ok : AuditEntry::Outcome::Failed;
    entry.error = error;
    entry.integrity = integrity;
    AuditLog::append(databasePath, entry);
}

} // namespace

BackupResult Backup::createFrom(sqlite3 *source, const QString &databasePath, const QString &folder)
{
    BackupResult result;
    const QString database = absolutePath(databasePath);
    const QString targetFolder = backupFolderFor(database, folder);
    if (!QDir().mkpath(targetFolder)) {
        result.errorKind = BackupError::Failed;
        result.error =
            QCoreApplication::translate("retort::Backup", "Cannot create the backup folder %1.")
                .arg(shown(targetFolder));
        return result;
    }
    QString finalPath;
    QString partialPath;
    if (!reserveBackupName(targetFolder, QFileInfo(database).fileName(), &finalPath, &partialPath,
                           &result.error)) {
        result.errorKind = BackupError::Failed;
        return result;
    }

    auto fail = [&](BackupError kind, const QString &message) {
        removeWithSideFiles(partialPath);
        result.errorKind = kind;
        result.error = message;
        return result;
    };

    sqlite3 *copy = nullptr;
    if (sqlite3_open_v2(partialPath.toUtf8().constData(), &copy, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        const QString message = copy ? sqliteText(copy) : QString();
        sqlite3_close(copy);
        return fail(BackupError::Failed, QCoreApplication::translate(
                                             "retort::Backup", "Cannot create the backup %1: %2.")
                                             .arg(shown(finalPath), message));
    }
    sqlite3_busy_timeout(copy, busyTimeoutMs);
    const CopyOutcome copied = copyPages(source, copy);
    sqlite3_close(copy);
    if (copied.code != SQLITE_OK) {
        if (copied.busy()) {
            return fail(
                BackupError::Locked,
                QCoreApplication::translate(
                    "retort::Backup", "Cannot back up %1: it is locked by another program (%2).")
                    .arg(shown(database), copied.message));
        }
        if ((copied.code & 0xff) == SQLITE_NOTADB || (copied.code & 0xff) == SQLITE_CORRUPT) {
            return fail(BackupError::NotADatabase,
                        QCoreApplication::translate("retort::Backup",
                                                    "%1 is not a usable SQLite database: %2.")
                            .arg(shown(database), copied.message));
        }
        return fail(BackupError::Failed,
                    QCoreApplication::translate("retort::Backup", "Cannot back up %1 to %2: %3.")
                        .arg(shown(database), shown(finalPath), copied.message));
    }
    copySourceHeader(source, database, partialPath);
    if (!QFile::rename(partialPath, finalPath)) {
        return fail(BackupError::Failed,
                    QCoreApplication::translate("retort::Backup", "Cannot rename %1 to %2.")
                        .arg(shown(partialPath), shown(finalPath)));
    }
    result.file = finalPath;
    return result;
}

BackupResult Backup::create(const QString &databasePath, const QString &folder)
{
    BackupResult result;
    const QString database = absolutePath(databasePath);
    if (!checkDatabaseFile(database, &result.errorKind, &result.error))
        return result;
    {
        // Read-write so that a transaction a crashed writer left behind is
        // rolled back first: the backup holds the last committed state.
        SqliteConnection connection(database, SqliteConnection::Mode::ReadWrite, busyTimeoutMs,
                                    u"backup"_s);
        SqlOutcome outcome = connection.open();
        // A read transaction keeps the file still while its pages and header are copied.
        if (outcome.ok())
            outcome = connection.execute(u"BEGIN; SELECT count(*) FROM sqlite_master"_s);
        if (!outcome.ok()) {
            result.errorKind = errorKindFor(outcome);
            result.error = describeOpenFailure(database, outcome);
        } else {
            result = createFrom(connection.handle(), database, folder);
            connection.execute(u"COMMIT"_s);
        }
    }
    if (result.errorKind != BackupError::MissingDatabase &&
        result.errorKind != BackupError::NotADatabase) {
        audit(database, u"backup"_s, database, result.file, bool(result), result.error);
    }
    return result;
}

QList<BackupInfo> Backup::list(const QString &databasePath, const QString &folder)
{
    const QString database = absolutePath(databasePath);
    const QDir dir(backupFolderFor(database, folder));
    const QRegularExpression pattern(u"^"_s +
                                     QRegularExpression::escape(QFileInfo(database).fileName()) +
                                     u"\\.(\\d{8}_\\d{6})(?:-(\\d+))?\\.bak$"_s);
    struct Found
    {
        BackupInfo info;
        int sequence;
    };
    QList<Found> found;
    const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch match = pattern.match(file.fileName());
        if (!match.hasMatch())
            continue;
        BackupInfo info;
        info.file = file.absoluteFilePath();
        info.time = QDateTime::fromString(match.captured(1), u"yyyyMMdd_HHmmss"_s);
        info.size = file.size();
        found.append({info, match.captured(2).isEmpty() ? 1 : match.captured(2).toInt()});
    }
    std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        if (a.info.time != b.info.time)
            return a.info.time > b.info.time;
        return a.sequence > b.sequence;
    });
    QList<BackupInfo> backups;
    for (const Found &f : std::as_const(found))
        backups.append(f.info);
    return backups;
}

RestoreResult Backup::restore(const QString &backupFile, const QString &databasePath,
                              const QString &folder)
{
    RestoreResult result;
    const QString backup = absolutePath(backupFile);
    const QString database = absolutePath(databasePath);
    auto finish = [&](BackupError kind, const QString &message) {
        result.errorKind = kind;
        result.error = message;
        audit(database, u"restore"_s, backup, result.safetyBackup, bool(result), result.error,
              result.integrityMessages);
        return result;
    };

    if (backup == database)
        return finish(BackupError::Failed, QCoreApplication::translate(
                                               "retort::Backup", "Cannot restore %1 onto itself.")
                                               .arg(shown(backup)));
    {
        BackupError kind = BackupError::None;
        QString message;
        if (!checkDatabaseFile(backup, &kind, &message)) {
            if (kind == BackupError::MissingDatabase)
                message =
                    QCoreApplication::translate("retort::Backup", "The backup %1 does not exist.")
                        .arg(shown(backup));
            result.errorKind = kind;
            result.error = message;
            return result; // nothing was attempted on the database
        }
    }

    SqliteConnection source(backup, SqliteConnection::Mode::ReadOnly, busyTimeoutMs,
                            u"restore-source"_s);
    SqlOutcome checked = source.open();
    if (checked.ok())
        checked = source.execute(u"PRAGMA integrity_check"_s);
    if (!checked.ok()) {
        result.errorKind = errorKindFor(checked);
        result.error =
            checked.isNotADatabase()
                ? QCoreApplication::translate(
                      "retort::Backup", "The backup %1 is not an SQLite database: %2; nothing was "
                                        "restored.")
                      .arg(shown(backup), checked.message)
                : QCoreApplication::translate(
                      "retort::Backup", "Cannot read the backup %1: %2; nothing was restored.")
                      .arg(shown(backup), checked.message);
        return result;
    }
    QStringList backupIntegrity;
    for (const QVariantList &row : std::as_const(checked.rows))
        backupIntegrity.append(row.value(0).toString());
    if (backupIntegrity != QStringList{u"ok"_s}) {
        result.errorKind = BackupError::Damaged;
        result.error =
            QCoreApplication::translate(
                "retort::Backup",
                "The backup %1 fails SQLite's integrity check (%2); nothing was restored.")
                .arg(shown(backup), backupIntegrity.join(u"; "_s));
        return result;
    }

    const bool databaseExists = QFileInfo::exists(database);
    if (databaseExists && !QFileInfo(database).isFile())
        return finish(BackupError::Failed,
                      QCoreApplication::translate("retort::Backup", "%1 is not a regular file.")
                          .arg(shown(database)));

    bool replaceDamagedFile = false;
    if (databaseExists) {
        SqliteConnection live(database, SqliteConnection::Mode::ReadWrite, busyTimeoutMs,
                              u"restore-target"_s);
        SqlOutcome outcome = live.open();
        // The write lock first, taken and given back: if someone else is
        // writing, nothing is done at all. Then a read lock for the safety
        // backup (the backup API cannot read through a write transaction).
        if (outcome.ok()) {
            outcome = live.execute(u"BEGIN IMMEDIATE; SELECT count(*) FROM sqlite_master; "
                                   u"ROLLBACK; BEGIN; SELECT count(*) FROM sqlite_master"_s);
        }
        if (!outcome.ok() && live.inTransaction())
            live.execute(u"ROLLBACK"_s);
        if (!outcome.ok() && outcome.isNotADatabase()) {
            replaceDamagedFile = true;
        } else if (!outcome.ok()) {
            return finish(errorKindFor(outcome), describeOpenFailure(database, outcome));
        } else {
            const BackupResult safety = createFrom(live.handle(), database, folder);
            live.execute(u"ROLLBACK"_s);
            if (!safety) {
                return finish(safety.errorKind,
                              QCoreApplication::translate(
                                  "retort::Backup",
                                  "Nothing was restored: the current database could not be backed "
                                  "up first. %1")
                                  .arg(safety.error));
            }
            result.safetyBackup = safety.file;
            // Between the ROLLBACK above and this copy another writer could
            // slip in (SQLite's backup API cannot copy into a connection that
            // has a transaction open); the window is as short as it gets.
            const CopyOutcome copied = copyPages(source.handle(), live.handle());
            if (copied.code != SQLITE_OK) {
                if (copied.busy()) {
                    // Nothing changed, so the safety backup is only clutter.
                    removeWithSideFiles(result.safetyBackup);
                    result.safetyBackup.clear();
                    return finish(BackupError::Locked,
                                  QCoreApplication::translate(
                                      "retort::Backup",
                                      "%1 is locked by another program (%2); nothing was "
                                      "changed. Try again when it has finished.")
                                      .arg(shown(database), copied.message));
                }
                return finish(BackupError::Failed,
                              QCoreApplication::translate(
                                  "retort::Backup",
                                  "Restoring %1 into %2 failed: %3. The database as it was is "
                                  "in %4.")
                                  .arg(shown(backup), shown(database), copied.message,
                                       shown(result.safetyBackup)));
            }
        }
    }

    if (replaceDamagedFile) {
        // SQLite cannot copy into a file it cannot read, so the damaged file
        // itself (with its journal, if any) becomes the safety backup.
        const QString targetFolder = backupFolderFor(database, folder);
        QString finalPath;
        QString partialPath;
        QString message;
        if (!QDir().mkpath(targetFolder) ||
            !reserveBackupName(targetFolder, QFileInfo(database).fileName(), &finalPath,
                               &partialPath, &message)) {
            return finish(
                BackupError::Failed,
                QCoreApplication::translate("retort::Backup",
                                            "Nothing was restored: %1 could not be moved aside. %2")
                    .arg(shown(database), message));
        }
        QFile::remove(partialPath);
        if (!QFile::rename(database, finalPath)) {
            return finish(
                BackupError::Failed,
                QCoreApplication::translate("retort::Backup",
                                            "Nothing was restored: %1 could not be moved to %2.")
                    .arg(shown(database), shown(finalPath)));
        }
        for (const QString &suffix : {u"-journal"_s, u"-wal"_s, u"-shm"_s}) {
            if (QFileInfo::exists(database + suffix))
                QFile::rename(database + suffix, finalPath + suffix);
        }
        result.safetyBackup = finalPath;
    }

    if (!databaseExists || replaceDamagedFile) {
        SqliteConnection live(database, SqliteConnection::Mode::ReadWriteCreate, busyTimeoutMs,
                              u"restore-target"_s);
        const SqlOutcome opened = live.open();
        if (!opened.ok()) {
            return finish(BackupError::Failed,
                          QCoreApplication::translate("retort::Backup", "Cannot create %1: %2.")
                              .arg(shown(database), opened.message));
        }
        const CopyOutcome copied = copyPages(source.handle(), live.handle());
        if (copied.code != SQLITE_OK) {
            return finish(
                BackupError::Failed,
                QCoreApplication::translate("retort::Backup", "Restoring %1 into %2 failed: %3.")
                    .arg(shown(backup), shown(database), copied.message));
        }
    }

    SqliteConnection live(database, SqliteConnection::Mode::ReadWrite, busyTimeoutMs,
                          u"restore-check"_s);
    SqlOutcome integrity = live.open();
    if (integrity.ok())
        integrity = live.execute(u"PRAGMA integrity_check"_s);
    if (!integrity.ok()) {
        return finish(BackupError::Failed,
                      QCoreApplication::translate(
                          "retort::Backup", "The restored database %1 could not be checked: %2.")
                          .arg(shown(database), integrity.message));
    }
    for (const QVariantList &row : std::as_const(integrity.rows))
        result.integrityMessages.append(row.value(0).toString());
    if (result.integrityMessages != QStringList{u"ok"_s}) {
        return finish(BackupError::Failed,
                      QCoreApplication::translate(
                          "retort::Backup",
                          "The restored database %1 fails SQLite's integrity check: %2. The "
                          "database as it was is in %3.")
                          .arg(shown(database), result.integrityMessages.join(u"; "_s),
                               shown(result.safetyBackup)));
    }
    return finish(BackupError::None, {});
}

} // namespace retort
