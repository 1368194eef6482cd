#include "sqliteconnection.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QString uriFor(const QString &path, SqliteConnection::Mode mode)
{
    // SQLite decodes %XX in a URI's path, so '?', '#' and '%' in names survive.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
    const QString modeName = mode == SqliteConnection::Mode::ReadOnly    ? u"ro"_s
                             : mode == SqliteConnection::Mode::ReadWrite ? u"rw"_s
                                                                         : u"rwc"_s;
    return u"file:"_s + encoded + u"?mode="_s + modeName;
}

QVariant columnValue(sqlite3_stmt *statement, int column)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue(qint64(sqlite3_column_int64(statement, column)));
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_TEXT:
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
            sqlite3_column_bytes(statement, column));
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, column)),
                          sqlite3_column_bytes(statement, column));
    default:
        return {};
    }
}

// The first `count` words of a statement, upper-case, skipping whitespace and
// SQL comments.
QStringList leadingWords(const QString &sql, int count)
{
    QStringList words;
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n && words.size() < count) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < n && sql.at(i + 1) == u'-') {
            while (i < n && sql.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && sql.at(i + 1) == u'*') {
            const qsizetype close = sql.indexOf(u"*/"_s, i + 2);
            i = close < 0 ? n : close + 2;
        } else if (c.isLetter() || c == u'_') {
            const qsizetype start = i;
            while (i < n && (sql.at(i).isLetterOrNumber() || sql.at(i) == u'_'))
                ++i;
            words.append(sql.mid(start, i - start).toUpper());
        } else {
            break;
        }
    }
    return words;
}

} // namespace

bool SqlOutcome::isBusy() const
{
    return primaryCode() == SQLITE_BUSY || primaryCode() == SQLITE_LOCKED;
}

bool SqlOutcome::isNotADatabase() const
{
    return primaryCode() == SQLITE_NOTADB || primaryCode() == SQLITE_CORRUPT;
}

SqliteConnection::SqliteConnection(const QString &path, Mode mode, int busyTimeoutMs,
                                   const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"retort-"_s + purpose + u'-' + QString::number(++counter);
    m_database = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    QString options = u"QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT="_s + QString::number(busyTimeoutMs);
    if (mode == Mode::ReadOnly)
        options += u";QSQLITE_OPEN_READONLY"_s;
    m_database.setConnectOptions(options);
    m_database.setDatabaseName(uriFor(path, mode));
}

SqliteConnection::~SqliteConnection()
{
    m_handle = nullptr;
    m_database.close();
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

SqlOutcome SqliteConnection::open()
{
    SqlOutcome outcome;
    if (!m_database.open()) {
        const QSqlError error = m_database.lastError();
        bool numeric = false;
        outcome.code = error.nativeErrorCode().toInt(&numeric);
        if (!numeric || outcome.code == 0)
            outcome.code = SQLITE_CANTOPEN;
        outcome.message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
        return outcome;
    }
    m_handle = handleOf(m_database);
    if (!m_handle) {
        outcome.code = SQLITE_MISUSE;
        outcome.message = u"the QSQLITE driver gave no sqlite3 handle"_s;
    }
    return outcome;
}

bool SqliteConnection::isReadOnly() const
{
    return m_handle && sqlite3_db_readonly(m_handle, "main") == 1;
}

bool SqliteConnection::inTransaction() const
{
    return m_handle && sqlite3_get_autocommit(m_handle) == 0;
}

SqlOutcome SqliteConnection::execute(const QString &sql, const StatementFilter &filter)
{
    SqlOutcome outcome;
    const QByteArray utf8 = sql.toUtf8();
    const char *cursor = utf8.constData();
    const char *const end = cursor + utf8.size();
    while (cursor < end) {
        sqlite3_stmt *statement = nullptr;
        const char *next = nullptr;
        int rc = sqlite3_prepare_v2(m_handle, cursor, int(end - cursor), &statement, &next);
        if (rc != SQLITE_OK) {
            outcome.code = sqlite3_extended_errcode(m_handle);
            outcome.message = QString::fromUtf8(sqlite3_errmsg(m_handle));
            outcome.statement = QString::fromUtf8(cursor, end - cursor).trimmed();
            sqlite3_finalize(statement);
            return outcome;
        }
        const QString text = QString::fromUtf8(cursor, (next ? next : end) - cursor).trimmed();
        cursor = next ? next : end;
        if (!statement)
            continue; // only whitespace or a comment
        if (filter) {
            const QString refusal = filter(text);
            if (!refusal.isEmpty()) {
                sqlite3_finalize(statement);
                outcome.code = SQLITE_ERROR;
                outcome.message = refusal;
                outcome.statement = text;
                return outcome;
            }
        }
        const int columns = sqlite3_column_count(statement);
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            QVariantList row;
            row.reserve(columns);
            for (int column = 0; column < columns; ++column)
                row.append(columnValue(statement, column));
            outcome.rows.append(row);
        }
        if (rc != SQLITE_DONE) {
            outcome.code = sqlite3_extended_errcode(m_handle);
            if (outcome.code == SQLITE_OK)
                outcome.code = rc;
            outcome.message = QString::fromUtf8(sqlite3_errmsg(m_handle));
            outcome.statement = text;
            sqlite3_finalize(statement);
            return outcome;
        }
        outcome.changes = sqlite3_changes64(m_handle);
        sqlite3_finalize(statement);
    }
    return outcome;
}

sqlite3 *SqliteConnection::handleOf(const QSqlDatabase &database)
{
    if (!database.isOpen() || !database.driver())
        return nullptr;
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QString sqlStringLiteral(const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

QString sqlIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

bool isTransactionControl(const QString &statement)
{
    const QStringList words = leadingWords(statement, 3);
    if (words.isEmpty())
        return false;
    const QString &first = words.first();
    if (first == u"BEGIN"_s || first == u"COMMIT"_s || first == u"END"_s)
        return true;
    if (first != u"ROLLBACK"_s)
        return false;
    // ROLLBACK [TRANSACTION] TO [SAVEPOINT] name undoes part of the
    // transaction and keeps it open.
    const qsizetype to = words.size() > 1 && words.at(1) == u"TRANSACTION"_s ? 2 : 1;
    return !(words.size() > to && words.at(to) == u"TO"_s);
}

VersionRows readVersionRows(SqliteConnection &connection, const QString &tableName)
{
    VersionRows result;
    result.outcome =
        connection.execute(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name = "_s +
                           sqlStringLiteral(tableName) + u" COLLATE NOCASE"_s);
    if (!result.outcome.ok() || result.outcome.rows.isEmpty())
        return result;
    result.tableExists = true;
    const QString table = sqlIdentifier(result.outcome.rows.first().first().toString());
    const QString select = u"SELECT version_num, typeof(version_num) FROM "_s + table;
    // Insertion order where the table has a rowid (a WITHOUT ROWID table has none).
    result.outcome = connection.execute(select + u" ORDER BY rowid"_s);
    if (!result.outcome.ok())
        result.outcome = connection.execute(select);
    if (!result.outcome.ok())
        return result;
    for (const QVariantList &row : std::as_const(result.outcome.rows)) {
        ++result.rowCount;
        const QString value = row.at(0).toString();
        if (row.at(1).toString() == u"text"_s && !value.isEmpty())
            result.rows.append(value);
    }
    result.outcome.rows.clear();
    return result;
}

} // namespace retort
