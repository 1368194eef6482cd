#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace retort {

// A column type as SQLAlchemy 1.4 renders it in SQLite DDL.
struct ColumnType
{
    QString ddl; // "VARCHAR(50)", "NUMERIC(10, 2)"; empty for a typeless sa.column("x")
    // SQLAlchemy's `_type_affinity` class name ("Integer", "String", "Numeric", "Boolean",
    // "DateTime", "Date", "Time", "_Binary", "JSON", "Interval", "Uuid", "NullType"): batch
    // mode CASTs a column's values when a type change crosses affinities.
    QString affinity = QStringLiteral("NullType");
    bool isJson = false;
    // The `name=` of an Enum or Boolean: Alembic forgets a named constraint with that
    // name when such a column is renamed or dropped in batch mode.
    QString schemaTypeName;

    bool operator==(const ColumnType &) const = default;
};

// A column's server default, as written in the migration.
struct ServerDefault
{
    enum class Kind
    {
        String,     // server_default="x": rendered as a quoted literal
        Text,       // sa.text("..."): rendered as is
        Expression, // sa.func.now(), sa.true(), ...: a SQL expression, rendered in parentheses
    };
    Kind kind = Kind::String;
    QString value; // the Python string, the text, or the rendered expression

    // What follows DEFAULT in the column definition.
    QString sql() const
    {
        switch (kind) {
        case Kind::String:
            return u'\'' + QString(value).replace(u'\'', QLatin1String("''")) + u'\'';
        case Kind::Text:
            return value;
        case Kind::Expression:
            return u'(' + value + u')';
        }
        return value;
    }
    // A SQL construct rather than a plain string: batch mode cannot add such a column
    // with ALTER TABLE and recreates the table.
    bool isClauseElement() const { return kind != Kind::String; }

    bool operator==(const ServerDefault &) const = default;
};

struct ForeignKeySpec
{
    QString name; // empty when unnamed
    QStringList columns;
    QString referredTable;
    QStringList referredColumns;
    QString onDelete;
    QString onUpdate;
    std::optional<bool> deferrable;
    QString initially;
    QString match;

    bool operator==(const ForeignKeySpec &) const = default;
};

struct ColumnDef
{
    QString name;
    ColumnType type;
    bool nullable = true;
    bool primaryKey = false;
    std::optional<bool> autoincrement; // as given; unset means SQLAlchemy's "auto"
    std::optional<ServerDefault> serverDefault;
    bool unique = false;               // unique=True
    bool index = false;                // index=True
    QList<ForeignKeySpec> foreignKeys; // sa.ForeignKey(...) arguments, one column each

    bool operator==(const ColumnDef &) const = default;
};

struct ConstraintDef
{
    enum class Kind
    {
        PrimaryKey,
        Unique,
        Check,
        ForeignKey
    };
    Kind kind = Kind::Unique;
    QString name;        // empty when unnamed
    QStringList columns; // PrimaryKey / Unique
    QString checkSql;    // Check: the condition's SQL
    ForeignKeySpec foreignKey;

    bool operator==(const ConstraintDef &) const = default;
};

struct IndexElement
{
    QString text;              // a column name, or SQL text for an expression
    bool isExpression = false; // from sa.text(...)

    bool operator==(const IndexElement &) const = default;
};

struct IndexDef
{
    QString name;
    QString table;
    QList<IndexElement> elements;
    bool unique = false;
    QString where; // sqlite_where=sa.text(...), empty when none

    bool operator==(const IndexDef &) const = default;
};

// A Python literal in a bulk_insert row.
struct LiteralValue
{
    enum class Kind
    {
        Null,
        Bool,
        Integer,
        Float,
        String
    };
    Kind kind = Kind::Null;
    bool boolean = false;
    QString text; // Integer: decimal digits; Float: Python's repr; String: the value
    double number = 0;

    bool operator==(const LiteralValue &) const = default;
};

// --- operations -------------------------------------------------------------

struct CreateTableOp
{
    QString table;
    QList<ColumnDef> columns;
    QList<ConstraintDef> constraints; // table-level arguments, in source order
    QList<IndexDef> indexes;          // index=True columns (named ix_<table>_<column>),
                                      // then sa.Index arguments in source order
    bool sqliteAutoincrement = false; // sqlite_autoincrement=True

    bool operator==(const CreateTableOp &) const = default;
};

struct DropTableOp
{
    QString table;
    bool operator==(const DropTableOp &) const = default;
};

struct AddColumnOp
{
    QString table;
    ColumnDef column;
    bool operator==(const AddColumnOp &) const = default;
};

struct DropColumnOp
{
    QString table;
    QString column;
    std::optional<ColumnType> existingType;
    bool operator==(const DropColumnOp &) const = default;
};

struct CreateIndexOp
{
    IndexDef index;
    bool operator==(const CreateIndexOp &) const = default;
};

struct DropIndexOp
{
    QString name;
    QString table; // table_name=, may be empty
    bool operator==(const DropIndexOp &) const = default;
};

struct RenameTableOp
{
    QString table;
    QString newName;
    bool operator==(const RenameTableOp &) const = default;
};

// Outside a batch only a rename reaches SQLite; inside, every field can apply.
struct AlterColumnOp
{
    QString table;
    QString column;
    QString newName; // empty: no rename
    std::optional<ColumnType> type;
    std::optional<bool> nullable;
    bool changesServerDefault = false;          // server_default= was given
    std::optional<ServerDefault> serverDefault; // its value (unset: None, i.e. drop it)
    std::optional<ColumnType> existingType;
    std::optional<bool> existingNullable;

    bool operator==(const AlterColumnOp &) const = default;
};

struct ExecuteOp
{
    QString sql;
    bool operator==(const ExecuteOp &) const = default;
};

struct BulkInsertOp
{
    struct Column
    {
        QString name;
        ColumnType type; // affinity "NullType" for sa.column("x") without a type
        bool operator==(const Column &) const = default;
    };
    QString table;
    QList<Column> columns;
    // One entry per row and per column of `columns`; unset when the row has no such key.
    QList<QList<std::optional<LiteralValue>>> rows;

    bool operator==(const BulkInsertOp &) const = default;
};

// Batch-only steps.
struct AddConstraintOp
{
    ConstraintDef constraint;
    bool operator==(const AddConstraintOp &) const = default;
};

struct DropConstraintOp
{
    QString name;
    QString type; // type_= as given ("foreignkey", "unique", "check", "primary"), may be empty
    bool operator==(const DropConstraintOp &) const = default;
};

// One operation recorded inside `with op.batch_alter_table(...)`, in the form Alembic's
// toimpl hands it to the batch: an add_column with index=True is an AddColumnOp followed
// by a CreateIndexOp; one with a named sa.ForeignKey is followed by an AddConstraintOp.
using BatchStep = std::variant<AddColumnOp, DropColumnOp, AlterColumnOp, CreateIndexOp, DropIndexOp,
                               AddConstraintOp, DropConstraintOp>;

struct BatchOp
{
    enum class Recreate
    {
        Auto,
        Always,
        Never
    };
    QString table;
    Recreate recreate = Recreate::Auto;
    bool sqliteAutoincrement = false; // table_kwargs={"sqlite_autoincrement": True}
    QList<BatchStep> steps;

    // Alembic 1.8.1's SQLiteImpl.requires_recreate_in_batch for recreate="auto": the table
    // is rebuilt unless every step is an add_column (without a SQL-expression server
    // default), a create_index or a drop_index.
    bool requiresRecreate() const
    {
        if (recreate != Recreate::Auto)
            return recreate == Recreate::Always;
        for (const BatchStep &step : steps) {
            if (const auto *add = std::get_if<AddColumnOp>(&step)) {
                if (add->column.serverDefault && add->column.serverDefault->isClauseElement())
                    return true;
            } else if (!std::holds_alternative<CreateIndexOp>(step) &&
                       !std::holds_alternative<DropIndexOp>(step)) {
                return true;
            }
        }
        return false;
    }

    bool operator==(const BatchOp &) const = default;
};

// One `op.*` call of a migration function (a whole `with op.batch_alter_table()` block
// for BatchOp), with the line it starts on.
struct MigrationOp
{
    using Operation =
        std::variant<CreateTableOp, DropTableOp, AddColumnOp, DropColumnOp, CreateIndexOp,
                     DropIndexOp, RenameTableOp, AlterColumnOp, ExecuteOp, BulkInsertOp, BatchOp>;
    Operation operation;
    int line = 0;

    // Alembic's name of the operation: "create_table", "batch_alter_table", ...
    QString name() const
    {
        static const char *const names[] = {"create_table", "drop_table",       "add_column",
                                            "drop_column",  "create_index",     "drop_index",
                                            "rename_table", "alter_column",     "execute",
                                            "bulk_insert",  "batch_alter_table"};
        return QString::fromLatin1(names[operation.index()]);
    }

    bool operator==(const MigrationOp &) const = default;
};

} // namespace retort
