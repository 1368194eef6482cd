#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

struct sqlite3;

namespace retort {

// What SQLite said about one piece of SQL run through its C API.
struct SqlOutcome
{
    int code = 0;             // SQLite's (extended) result code; 0 is SQLITE_OK
    QString message;          // sqlite3_errmsg(), or our own reason (see SqliteConnection::execute)
    QString statement;        // the statement that failed, when one did
    qint64 changes = 0;       // rows changed by the last statement (sqlite3_changes64)
    QList<QVariantList> rows; // what the statements returned, for queries

    bool ok() const { return code == 0; }
    int primaryCode() const { return code & 0xff; }
    bool isBusy() const;         // SQLITE_BUSY or SQLITE_LOCKED: another connection holds a lock
    bool isNotADatabase() const; // SQLITE_NOTADB or SQLITE_CORRUPT
};

// A QSQLITE connection that belongs to one scope, and so to the thread that
// opened it: a unique connection name, closed and removed when the scope ends.
//
// Statements go through SQLite's C API on the driver's own handle, because
// QSqlQuery runs only the first statement of a text and hides the row count
// of a statement that is not a query.
class SqliteConnection
{
public:
    enum class Mode
    {
        ReadOnly,        // never writes; a hot journal makes reads fail
        ReadWrite,       // the file must exist; a hot journal is rolled back on first read
        ReadWriteCreate, // creates the file when it is missing
    };

    SqliteConnection(const QString &path, Mode mode, int busyTimeoutMs, const QString &purpose);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Opens the connection; on failure the outcome carries SQLite's code and text.
    SqlOutcome open();
    QSqlDatabase database() const { return m_database; }
    sqlite3 *handle() const { return m_handle; }
    bool isReadOnly() const;
    bool inTransaction() const;

    // Returns why a statement must not run (empty: it may), before it runs.
    using StatementFilter = std::function<QString(const QString &statement)>;

    // Runs every statement in `sql`, collecting the rows of queries. A
    // statement the filter refuses fails with SQLITE_ERROR and its reason.
    SqlOutcome execute(const QString &sql, const StatementFilter &filter = {});

    // The `sqlite3*` inside a QSQLITE connection, or nullptr.
    static sqlite3 *handleOf(const QSqlDatabase &database);

private:
    QString m_connectionName;
    QSqlDatabase m_database;
    sqlite3 *m_handle = nullptr;
};

// SQLite's quoting of a string literal and of an identifier.
QString sqlStringLiteral(const QString &value);
QString sqlIdentifier(const QString &name);

// Whether a statement begins, commits or rolls back a transaction (a
// ROLLBACK TO a savepoint does not).
bool isTransactionControl(const QString &statement);

// The rows of a version table as VersionTable reads them (non-empty text
// values in insertion order), through an open connection.
struct VersionRows
{
    bool tableExists = false;
    QStringList rows;
    int rowCount = 0; // every row, including NULL or empty values
    SqlOutcome outcome;
};
VersionRows readVersionRows(SqliteConnection &connection, const QString &tableName);

} // namespace retort
