#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct sqlite3;

namespace retort {

// The parts of a schema that Alembic migrations make, normalised so that two
// databases built differently (by Alembic, by Retort, by hand) compare equal
// when they would behave the same: names compare case-insensitively, types are
// upper-cased without inner spaces, columns are compared by name rather than
// position, constraints as sets.
struct SchemaColumn
{
    QString name;
    QString type; // normalised declared type: "VARCHAR(50)", "NUMERIC(10,2)", "" when none
    bool notNull = false;
    std::optional<QString> defaultValue; // normalised DEFAULT expression
    int primaryKey = 0;                  // 1-based position in the primary key, 0 when not in it
    int hidden = 0;                      // PRAGMA table_xinfo: 2/3 for generated columns

    // "VARCHAR(50) NOT NULL DEFAULT 'x'": what a person reads in a difference.
    QString describe() const;
    bool operator==(const SchemaColumn &) const = default;
};

struct SchemaForeignKey
{
    QStringList columns;
    QString referredTable;
    QStringList referredColumns; // empty when REFERENCES names no column (the primary key)
    QString onUpdate;
    QString onDelete;

    QString describe() const; // "(author_id) REFERENCES author (id) ON DELETE CASCADE"
    bool operator==(const SchemaForeignKey &) const = default;
};

struct SchemaTable
{
    QString name;
    QString sql;                          // the CREATE TABLE statement as SQLite stores it
    QList<SchemaColumn> columns;          // in table order
    QList<QStringList> uniqueConstraints; // UNIQUE constraints (not indexes), sorted
    QList<SchemaForeignKey> foreignKeys;  // sorted
    QString canonical;                    // what equality means, as text
    size_t hash = 0;

    const SchemaColumn *column(const QString &name) const;
};

struct SchemaIndex
{
    QString name;
    QString table;
    QString sql;         // CREATE INDEX statement as stored
    QStringList columns; // an expression is shown as its SQL text
    bool unique = false;
    bool partial = false;
    QString canonical;
    size_t hash = 0;

    QString describe() const; // "UNIQUE ON book (isbn)"
};

// A view or a trigger: compared by its statement, whitespace collapsed.
struct SchemaDefinition
{
    QString name;
    QString table; // the table a trigger belongs to; for a view, its own name
    QString sql;
    QString canonical;
    size_t hash = 0;
};

// One difference between an expected and an actual schema.
struct SchemaDifference
{
    enum class Object
    {
        Table,
        Column,
        Index,
        UniqueConstraint,
        ForeignKey,
        View,
        Trigger,
    };
    enum class Change
    {
        Missing, // expected, not in the database
        Extra,   // in the database, not expected
        Changed, // in both, defined differently
    };
    Object object = Object::Table;
    Change change = Change::Missing;
    QString table;    // the table concerned (for a table, view or trigger: its own name)
    QString name;     // the column, index, view or trigger; the constraint described
    QString expected; // the expected definition, described (empty when Extra)
    QString actual;   // the database's definition, described (empty when Missing)

    // Stable identifiers for --json: "table", "column", ...; "missing", "extra", "changed".
    static QString objectKey(Object object);
    static QString changeKey(Change change);
    // "column book.isbn is missing (expected VARCHAR(13))", translated.
    QString describe() const;
    bool operator==(const SchemaDifference &) const = default;
};

struct SchemaDiff
{
    QList<SchemaDifference> differences;
    bool isEmpty() const { return differences.isEmpty(); }
    int size() const { return int(differences.size()); }
};

// A normalised snapshot of a database's schema: tables (columns, unique and
// foreign keys), indexes, views and triggers. The version table, SQLite's own
// tables (sqlite_sequence, sqlite_stat*) and automatic indexes are left out.
// Parts are shared between snapshots, so copying one is cheap.
class SchemaSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(retort::SchemaSnapshot)

public:
    struct ReadResult;

    // From an open connection (main database only). `versionTable` is ignored.
    static ReadResult read(const QSqlDatabase &database,
                           const QString &versionTable = QStringLiteral("alembic_version"));
    // From a file, opened read-only (nothing about the file changes).
    static ReadResult readFile(const QString &path,
                               const QString &versionTable = QStringLiteral("alembic_version"));

    using Tables = QMap<QString, std::shared_ptr<const SchemaTable>>; // key: lower-case name
    using Indexes = QMap<QString, std::shared_ptr<const SchemaIndex>>;
    using Definitions = QMap<QString, std::shared_ptr<const SchemaDefinition>>;

    const Tables &tables() const { return m_tables; }
    const Indexes &indexes() const { return m_indexes; }
    const Definitions &views() const { return m_views; }
    const Definitions &triggers() const { return m_triggers; }
    const SchemaTable *table(const QString &name) const;
    const SchemaIndex *index(const QString &name) const;

    bool isEmpty() const;
    size_t hash() const { return m_hash; }
    bool operator==(const SchemaSnapshot &other) const;
    bool operator!=(const SchemaSnapshot &other) const { return !(*this == other); }

    // What makes `actual` differ from `expected`.
    static SchemaDiff compare(const SchemaSnapshot &expected, const SchemaSnapshot &actual);
    // The number of differences compare() would list, without describing them:
    // objects whose hashes agree are not looked into. Comparing many expected
    // snapshots with one actual one, pass the same memo each time: a table
    // shared by many snapshots is then compared once.
    using DifferenceMemo = QHash<const SchemaTable *, int>;
    static int differenceSize(const SchemaSnapshot &expected, const SchemaSnapshot &actual,
                              DifferenceMemo *memo = nullptr);

    // The statements that rebuild this schema in an empty database: tables,
    // indexes, views, triggers.
    QStringList createStatements() const;

    // This snapshot with the tables named in `tables` (lower case), and their
    // indexes and triggers, replaced by everything in `part`: the result of
    // replaying, on a database holding only those tables, what changes them.
    SchemaSnapshot patched(const QSet<QString> &tables, const SchemaSnapshot &part) const;

    // The statements that rebuild the tables named in `tables` (lower case),
    // with their indexes and triggers.
    QStringList createStatementsFor(const QSet<QString> &tables) const;

    // The same snapshot without the tables whose names start with `prefix`
    // (e.g. "_alembic_tmp_"), and their indexes and triggers.
    SchemaSnapshot withoutTablesPrefixed(const QString &prefix) const;

private:
    friend class SchemaReader;
    void finish(); // computes the hash

    Tables m_tables;
    Indexes m_indexes;
    Definitions m_views;
    Definitions m_triggers;
    size_t m_hash = 0;
};

struct SchemaSnapshot::ReadResult
{
    SchemaSnapshot snapshot;
    QString error; // translated; empty on success
    explicit operator bool() const { return error.isEmpty(); }
};

// Reads snapshots through one SQLite handle, again and again, reusing the parts
// whose CREATE statement has not changed since an earlier read: what makes
// replaying hundreds of revisions cheap. Not thread-safe; one per computation.
class SchemaReader
{
public:
    explicit SchemaReader(const QString &versionTable = QStringLiteral("alembic_version"))
        : m_versionTable(versionTable.toLower())
    {
    }
    SchemaSnapshot::ReadResult read(sqlite3 *handle);

private:
    // What was read for one object (type, name, table) the last time, as raw bytes.
    struct Entry
    {
        enum Kind
        {
            Table,
            Index,
            View,
            Trigger
        };
        Kind kind = Table;
        QByteArray sql;
        QString lowerName;
        std::shared_ptr<const SchemaTable> table;
        std::shared_ptr<const SchemaIndex> index;
        std::shared_ptr<const SchemaDefinition> definition;
    };
    QString m_versionTable;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace retort
