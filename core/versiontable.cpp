#include "versiontable.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// SQLite primary result codes (the driver reports extended codes).
constexpr int sqliteCorrupt = 11;
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteNotADatabase = 26;

// Long enough to ride out a writer's brief commit, short enough not to hang.
constexpr int busyTimeoutMs = 200;

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"retort-versiontable-"_s + QString::number(++counter);
}

QString quotedIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

int primaryResultCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

QString sqliteMessage(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// A database in WAL mode (header bytes 18/19 == 2) makes even a read-only
// connection create -wal and -shm files next to it, and leave them behind.
// When no -wal file exists the main file holds every committed change, so it
// can be read as immutable, which creates nothing.
bool needsImmutableOpen(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(20);
    static const QByteArray magic("SQLite format 3\0", 16);
    const bool walMode =
        header.size() == 20 && header.startsWith(magic) && header.at(18) == 2 && header.at(19) == 2;
    return walMode && !QFileInfo::exists(path + u"-wal"_s);
}

QString databaseUri(const QString &path, bool immutable)
{
    // SQLite decodes %XX in a URI's path, so '?', '#' and '%' in names survive.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
    return u"file:"_s + encoded + u"?mode=ro"_s + (immutable ? u"&immutable=1"_s : QString());
}

QString describeBadValue(const QString &type, const QVariant &quoted, const QVariant &length)
{
    if (type == u"null"_s)
        return u"NULL"_s; // SQL's own word, the same in every language
    if (type == u"text"_s)
        return QCoreApplication::translate("retort::VersionTable", "empty string");
    if (type == u"blob"_s) {
        const qlonglong bytes = length.toLongLong();
        return bytes == 1 ? QCoreApplication::translate("retort::VersionTable", "blob (1 byte)")
                          : QCoreApplication::translate("retort::VersionTable", "blob (%1 bytes)")
                                .arg(bytes);
    }
    // SQLite's own rendering of the number.
    if (type == u"integer"_s)
        return QCoreApplication::translate("retort::VersionTable", "integer %1")
            .arg(quoted.toString());
    return QCoreApplication::translate("retort::VersionTable", "real %1").arg(quoted.toString());
}

VersionTableState readWith(QSqlDatabase &db, const QString &path, const QString &tableName)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const QString journalPath = path + u"-journal"_s;
    VersionTableState state;
    auto failWith = [&](const QSqlError &error) {
        const QString message = sqliteMessage(error);
        switch (primaryResultCode(error)) {
        case sqliteBusy:
        case sqliteLocked:
            state.status = VersionTableState::Status::Locked;
            state.error = QCoreApplication::translate(
                              "retort::VersionTable",
                              "Cannot read %1: %2. Another program is writing to it; try "
                              "again when it has finished.")
                              .arg(shownPath, message);
            break;
        case sqliteNotADatabase:
        case sqliteCorrupt:
            state.status = VersionTableState::Status::NotADatabase;
            state.error = QCoreApplication::translate("retort::VersionTable",
                                                      "%1 is not a usable SQLite database: %2.")
                              .arg(shownPath, message);
            break;
        case sqliteReadOnly:
            // A read-only connection cannot roll back a hot journal, the
            // unfinished transaction of a writer that stopped.
            if (QFileInfo::exists(journalPath)) {
                state.status = VersionTableState::Status::Unreadable;
                state.error = QCoreApplication::translate(
                                  "retort::VersionTable",
                                  "Cannot read %1: %2. A program writing to it stopped in the "
                                  "middle of a transaction and left %3 behind; opening the "
                                  "database once with write access (for example with sqlite3) "
                                  "rolls that transaction back.")
                                  .arg(shownPath, message, QDir::toNativeSeparators(journalPath));
                break;
            }
            Q_FALLTHROUGH();
        default:
            state.status = VersionTableState::Status::Unreadable;
            state.error = QCoreApplication::translate("retort::VersionTable", "Cannot read %1: %2.")
                              .arg(shownPath, message);
            break;
        }
        return state;
    };

    if (!db.open())
        return failWith(db.lastError());

    QSqlQuery query(db);
    query.setForwardOnly(true);

    // SQLite compares table names without regard to ASCII case, as Alembic's
    // lookups through it do.
    // (A failed prepare is where SQLite first reads the file and reports a
    // lock or a non-database, so check it before exec() replaces the error.)
    if (!query.prepare(u"SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                       u"AND name = ? COLLATE NOCASE"_s)) {
        return failWith(query.lastError());
    }
    query.addBindValue(tableName);
    if (!query.exec())
        return failWith(query.lastError());
    if (!query.next()) {
        state.status = VersionTableState::Status::NoTable;
        return state;
    }
    const QString storedName = query.value(0).toString();
    const QString table = quotedIdentifier(storedName);

    if (!query.prepare(u"SELECT name FROM pragma_table_info(?)"_s))
        return failWith(query.lastError());
    query.addBindValue(storedName);
    if (!query.exec())
        return failWith(query.lastError());
    QStringList columns;
    while (query.next())
        columns.append(query.value(0).toString());
    const auto hasColumn = [&columns](const QString &name) {
        return std::any_of(columns.cbegin(), columns.cend(), [&name](const QString &column) {
            return column.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    if (!hasColumn(u"version_num"_s)) {
        state.status = VersionTableState::Status::Unreadable;
        state.error = QCoreApplication::translate("retort::VersionTable",
                                                  "The table %1 in %2 has no version_num column, "
                                                  "so it is not an Alembic version table.")
                          .arg(storedName, shownPath);
        return state;
    }

    // Rows in insertion order when the table has a rowid. A column may shadow
    // one of the rowid's three names, so pick one no column uses; a WITHOUT
    // ROWID table (or a view) has none and keeps SQLite's order.
    QString orderBy;
    for (const QString &alias : {u"rowid"_s, u"_rowid_"_s, u"oid"_s}) {
        if (hasColumn(alias))
            continue;
        if (query.prepare(u"SELECT "_s + alias + u" FROM "_s + table + u" LIMIT 0"_s))
            orderBy = u" ORDER BY "_s + alias;
        break;
    }

    if (!query.exec(u"SELECT version_num, typeof(version_num), quote(version_num), "
                    u"length(version_num) FROM "_s +
                    table + orderBy)) {
        return failWith(query.lastError());
    }
    while (query.next()) {
        const QString type = query.value(1).toString();
        const QString text = query.value(0).toString();
        if (type == u"text"_s && !text.isEmpty())
            state.rows.append(text);
        else
            state.badValues.append(describeBadValue(type, query.value(2), query.value(3)));
    }
    if (query.lastError().isValid())
        return failWith(query.lastError());
    state.status = VersionTableState::Status::Ok;
    return state;
}

QString librarySqliteVersion()
{
    const QString connectionName = uniqueConnectionName();
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(u":memory:"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT sqlite_version()"_s) && query.next())
                version = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return version;
}

} // namespace

VersionTableState VersionTable::read(const QString &databasePath, const QString &tableName)
{
    static const QString sqliteVersion = librarySqliteVersion();

    const QString absolute = QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());
    const QString shownPath = QDir::toNativeSeparators(absolute);
    VersionTableState state;
    state.sqliteVersion = sqliteVersion;

    // Checked before SQLite sees the path: opening read-only, it would report a
    // missing file only as "unable to open database file", and a FIFO would block.
    const QFileInfo info(absolute);
    if (!info.exists()) {
        state.status = VersionTableState::Status::MissingFile;
        state.error =
            QCoreApplication::translate("retort::VersionTable", "The database %1 does not exist.")
                .arg(shownPath);
        return state;
    }
    if (info.isDir()) {
        state.status = VersionTableState::Status::Unreadable;
        state.error = QCoreApplication::translate(
                          "retort::VersionTable",
                          "%1 is a directory; give the path of the SQLite database file.")
                          .arg(shownPath);
        return state;
    }
    if (!info.isFile()) {
        state.status = VersionTableState::Status::Unreadable;
        state.error =
            QCoreApplication::translate("retort::VersionTable", "%1 is not a regular file.")
                .arg(shownPath);
        return state;
    }
    if (!info.isReadable()) {
        state.status = VersionTableState::Status::Unreadable;
        state.error = QCoreApplication::translate("retort::VersionTable",
                                                  "Cannot read %1: permission denied.")
                          .arg(shownPath);
        return state;
    }

    const QString connectionName = uniqueConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT="_s +
                             QString::number(busyTimeoutMs));
        db.setDatabaseName(databaseUri(absolute, needsImmutableOpen(absolute)));
        const VersionTableState read = readWith(db, absolute, tableName);
        state.status = read.status;
        state.rows = read.rows;
        state.badValues = read.badValues;
        state.error = read.error;
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return state;
}

} // namespace retort
