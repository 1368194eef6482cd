#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// The rows of a database's version table, read without changing the file.
//
// The database is opened read-only (SQLite URI `mode=ro`), so neither its
// content nor its modification time changes, and no journal is created.
struct VersionTableState
{
    enum class Status {
        Ok,            // the table exists; `rows` holds its values (possibly none)
        NoTable,       // the database has no such table (not under Alembic yet)
        MissingFile,   // the path does not exist
        NotADatabase,  // the file is not an SQLite database (or is encrypted/corrupt)
        Locked,        // another connection holds a lock that prevents reading
        Unreadable,    // any other error opening or reading
    };
    Status status = Status::Unreadable;
    QStringList rows;          // version_num values in rowid order; see badValues
    QStringList badValues;     // rows that are NULL, empty, or not text, described (e.g. "NULL", "integer 42")
    QString error;             // human-readable, names the file and SQLite's message
    QString sqliteVersion;     // sqlite_version() of the library used

    bool readable() const { return status == Status::Ok || status == Status::NoTable; }
};

class VersionTable
{
public:
    static VersionTableState read(const QString &databasePath,
                                  const QString &tableName = QStringLiteral("alembic_version"));
};

} // namespace retort
