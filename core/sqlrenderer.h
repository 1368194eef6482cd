#pragma once

#include "migrationops.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// What a batch table rebuild needs to know about a live table, in the shape
// SQLite's PRAGMAs give it (SQLAlchemy 1.4 reflects a table from the same PRAGMAs).
class SchemaReflector
{
public:
    struct Column // PRAGMA table_xinfo
    {
        int cid = 0;
        QString name;
        QString type; // declared type, as written
        bool notNull = false;
        std::optional<QString> defaultValue; // dflt_value
        int primaryKey = 0;                  // position in the primary key, 0 when not in it
        int hidden = 0;                      // 0 normal, 1 hidden, 2/3 generated
    };
    struct ForeignKey // PRAGMA foreign_key_list, one row per column
    {
        int id = 0;
        int seq = 0;
        QString table;
        QString from;
        std::optional<QString> to; // unset when the REFERENCES clause names no column
        QString onUpdate;
        QString onDelete;
        QString match;
    };
    struct Index // PRAGMA index_list + index_info, with the index's CREATE statement
    {
        QString name;
        bool unique = false;
        QString origin; // "c" (CREATE INDEX), "u" (UNIQUE constraint), "pk"
        bool partial = false;
        QStringList columns;        // names; an expression column is an empty string
        bool hasExpression = false; // some column is an expression
        QString sql;                // from sqlite_master; empty for automatic indexes
    };

    virtual ~SchemaReflector() = default;
    virtual bool tableExists(const QString &table) const = 0;
    virtual QString tableSql(const QString &table) const = 0; // CREATE TABLE text
    virtual QList<Column> columns(const QString &table) const = 0;
    virtual QList<ForeignKey> foreignKeys(const QString &table) const = 0;
    virtual QList<Index> indexes(const QString &table) const = 0; // PRAGMA index_list order
};

// Reads the schema from a live SQLite connection (main and temp databases).
class SqliteSchemaReflector final : public SchemaReflector
{
public:
    explicit SqliteSchemaReflector(const QSqlDatabase &database) : m_database(database) {}

    bool tableExists(const QString &table) const override;
    QString tableSql(const QString &table) const override;
    QList<Column> columns(const QString &table) const override;
    QList<ForeignKey> foreignKeys(const QString &table) const override;
    QList<Index> indexes(const QString &table) const override;

private:
    QSqlDatabase m_database;
};

struct RenderedStatement
{
    QString sql; // without a trailing ';'
    // Loses data: DROP TABLE of a real table, DROP COLUMN, or the DROP TABLE of a
    // batch rebuild that leaves columns (or rows of them) behind.
    bool destructive = false;
};

struct RenderResult
{
    QList<RenderedStatement> statements;
    QStringList warnings; // e.g. an expression index a batch rebuild drops, as Alembic does
    QString error;        // why Alembic would fail here (translated); statements are empty then

    explicit operator bool() const { return error.isEmpty(); }
    QStringList sql() const;
};

// Turns MigrationOps into the SQLite statements Alembic 1.8.1 (with SQLAlchemy 1.4)
// runs for them: the same text, in the same order, so that the schema stored in
// sqlite_master is the same. Statements have no trailing ';' and keep SQLAlchemy's
// layout (a CREATE TABLE spans lines, columns indented with a tab).
//
// Most ops need no database; a batch_alter_table that rebuilds its table reflects
// the table first, so `schema` must show the database as it is right before the op
// (the executor renders one op at a time against the live connection).
class SqlRenderer
{
public:
    static RenderResult renderStatements(const MigrationOp &op, const SchemaReflector &schema);
    static QStringList render(const MigrationOp &op, const SchemaReflector &schema,
                              QString *error = nullptr);

    // Renders each op and runs its statements on `scratch` before rendering the next,
    // so that batch rebuilds see what earlier ops did. For previews and `--sql`.
    // Turns foreign keys off on `scratch` (a rebuild drops and renames tables).
    // Stops at the first failure (reported in *error) and returns what was rendered.
    static QStringList renderAll(const QList<MigrationOp> &ops, QSqlDatabase scratch,
                                 QString *error = nullptr);

    // A statement that by itself loses data: DROP TABLE of a table other than an
    // `_alembic_tmp_` one, or ALTER TABLE ... DROP COLUMN. (A batch rebuild's
    // DROP TABLE is flagged here too; RenderedStatement::destructive is exact.)
    static bool isDestructive(const QString &statement);

    // The statement as `alembic upgrade --sql` prints it: tabs as four spaces and
    // surrounding whitespace removed (the ';' is not added).
    static QString offlineText(const QString &statement);

    // An identifier quoted as SQLAlchemy's SQLite dialect quotes it: only when it is a
    // reserved word, has upper-case letters, or characters other than [A-Za-z0-9_$],
    // or starts with a digit or '$'.
    static QString quoteIdentifier(const QString &name);

    // A bulk_insert value as SQLAlchemy renders it as a literal for a column of `type`;
    // unset (with *error) where SQLAlchemy cannot render it.
    static std::optional<QString> literalSql(const LiteralValue &value, const ColumnType &type,
                                             QString *error = nullptr);
};

} // namespace retort
