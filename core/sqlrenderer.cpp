#include "sqlrenderer.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace retort {

using namespace Qt::StringLiterals;

namespace {

// Thrown while rendering: Alembic would fail on this op against this schema.
struct RenderError
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw RenderError{message};
}

// Python's re with re.IGNORECASE and Unicode \w, as SQLAlchemy's reflection uses it.
QRegularExpression pythonRegex(const QString &pattern, bool ignoreCase)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (ignoreCase)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(pattern, options);
}

QString q(const QString &name)
{
    return SqlRenderer::quoteIdentifier(name);
}

QString quotedList(const QStringList &names)
{
    QStringList out;
    out.reserve(names.size());
    for (const QString &name : names)
        out.append(q(name));
    return out.join(u", "_s);
}

QString createTableSql(const QString &table, const QStringList &columns,
                       const QStringList &constraints)
{
    // SQLAlchemy's visit_create_table layout, which SQLite keeps verbatim in sqlite_master.
    QString sql = u"CREATE TABLE "_s + q(table) + u" ("_s;
    QString separator = u"\n"_s;
    for (const QString &column : columns) {
        sql += separator + u'\t' + column;
        separator = u", \n"_s;
    }
    if (!constraints.isEmpty())
        sql += separator + u'\t' + constraints.join(u", \n\t"_s);
    sql += u"\n)"_s;
    return sql;
}

QString foreignKeySql(const QString &name, const QStringList &columns, const QString &referredTable,
                      const QStringList &referredColumns, const QString &onDelete,
                      const QString &onUpdate, std::optional<bool> deferrable,
                      const QString &initially, const QString &match)
{
    QString sql;
    if (!name.isEmpty())
        sql += u"CONSTRAINT "_s + q(name) + u' ';
    sql += u"FOREIGN KEY("_s + quotedList(columns) + u") REFERENCES "_s + q(referredTable) +
           u" ("_s + quotedList(referredColumns) + u')';
    if (!match.isEmpty())
        sql += u" MATCH "_s + match;
    if (!onDelete.isEmpty())
        sql += u" ON DELETE "_s + onDelete;
    if (!onUpdate.isEmpty())
        sql += u" ON UPDATE "_s + onUpdate;
    if (deferrable)
        sql += *deferrable ? u" DEFERRABLE"_s : u" NOT DEFERRABLE"_s;
    if (!initially.isEmpty())
        sql += u" INITIALLY "_s + initially;
    return sql;
}

QString namedPrefix(const QString &name)
{
    return name.isEmpty() ? QString() : u"CONSTRAINT "_s + q(name) + u' ';
}

QString indexSql(const QString &name, const QString &table, bool unique,
                 const QStringList &renderedElements, const QString &where)
{
    QString sql = unique ? u"CREATE UNIQUE INDEX "_s : u"CREATE INDEX "_s;
    sql += q(name) + u" ON "_s + q(table) + u" ("_s + renderedElements.join(u", "_s) + u')';
    if (!where.isEmpty())
        sql += u" WHERE "_s + where;
    return sql;
}

QStringList renderedElements(const QList<IndexElement> &elements)
{
    QStringList out;
    for (const IndexElement &element : elements)
        out.append(element.isExpression ? element.text : q(element.text));
    return out;
}

QString createIndexSql(const IndexDef &index)
{
    return indexSql(index.name, index.table, index.unique, renderedElements(index.elements),
                    index.where);
}

// The column as SQLite's DDL compiler writes it in CREATE TABLE / ADD COLUMN.
struct ColumnSpec
{
    QString name;
    QString typeDdl;
    QString affinity;
    std::optional<QString> defaultSql;
    bool nullable = true;
    bool primaryKey = false;
    std::optional<bool> autoincrement;
};

QString columnSql(const ColumnSpec &column, bool inlinePrimaryKeyAutoincrement)
{
    if (column.typeDdl.isEmpty())
        fail(QCoreApplication::translate("retort::SqlTranslator",
                                         "Can't generate DDL for column '%1' of type NullType "
                                         "(its declared type is not one SQLAlchemy knows)")
                 .arg(column.name));
    QString sql = q(column.name) + u' ' + column.typeDdl;
    if (column.defaultSql)
        sql += u" DEFAULT "_s + *column.defaultSql;
    if (!column.nullable)
        sql += u" NOT NULL"_s;
    if (inlinePrimaryKeyAutoincrement)
        sql += u" PRIMARY KEY AUTOINCREMENT"_s;
    return sql;
}

ColumnSpec specOf(const ColumnDef &column)
{
    ColumnSpec spec;
    spec.name = column.name;
    spec.typeDdl = column.type.ddl;
    spec.affinity = column.type.affinity;
    if (column.serverDefault)
        spec.defaultSql = column.serverDefault->sql();
    spec.nullable = column.nullable;
    spec.primaryKey = column.primaryKey;
    spec.autoincrement = column.autoincrement;
    return spec;
}

void add(QList<RenderedStatement> &out, const QString &sql, bool destructive = false)
{
    out.append(RenderedStatement{sql, destructive});
}

// --- plain operations ----------------------------------------------------------

void renderCreateTable(const CreateTableOp &op, QList<RenderedStatement> &out)
{
    // Primary key: an explicit PrimaryKeyConstraint, else the primary_key=True columns
    // (the autoincrement=True one first, as SQLAlchemy's columns_autoinc_first).
    const ConstraintDef *explicitPk = nullptr;
    for (const ConstraintDef &constraint : op.constraints) {
        if (constraint.kind == ConstraintDef::Kind::PrimaryKey)
            explicitPk = &constraint;
    }
    QStringList pkColumns;
    QString pkName;
    if (explicitPk) {
        pkColumns = explicitPk->columns;
        pkName = explicitPk->name;
    } else {
        QStringList autoincrementFirst;
        for (const ColumnDef &column : op.columns) {
            if (!column.primaryKey)
                continue;
            if (column.autoincrement.value_or(false))
                autoincrementFirst.prepend(column.name);
            else
                pkColumns.append(column.name);
        }
        if (autoincrementFirst.size() == 1 && pkColumns.size() >= 1)
            pkColumns.prepend(autoincrementFirst.first());
        else
            pkColumns = autoincrementFirst + pkColumns;
    }
    QSet<QString> foreignKeyColumns;
    for (const ColumnDef &column : op.columns) {
        if (!column.foreignKeys.isEmpty())
            foreignKeyColumns.insert(column.name);
    }
    for (const ConstraintDef &constraint : op.constraints) {
        if (constraint.kind == ConstraintDef::Kind::ForeignKey) {
            for (const QString &column : constraint.foreignKey.columns)
                foreignKeyColumns.insert(column);
        }
    }
    QString inlinePk;
    if (op.sqliteAutoincrement && pkColumns.size() == 1 &&
        !foreignKeyColumns.contains(pkColumns.first())) {
        for (const ColumnDef &column : op.columns) {
            if (column.name == pkColumns.first() && column.type.affinity == u"Integer")
                inlinePk = column.name;
        }
    }

    QStringList columns;
    for (const ColumnDef &column : op.columns)
        columns.append(columnSql(specOf(column), column.name == inlinePk));

    QStringList constraints;
    if (!pkColumns.isEmpty() && inlinePk.isEmpty())
        constraints.append(namedPrefix(pkName) + u"PRIMARY KEY ("_s + quotedList(pkColumns) + u')');
    // Constraints passed to create_table exist before the table; those made from column
    // flags (unique=True, ForeignKey) are created as the columns join it, so come after.
    for (const ConstraintDef &constraint : op.constraints) {
        switch (constraint.kind) {
        case ConstraintDef::Kind::PrimaryKey:
            break;
        case ConstraintDef::Kind::Unique:
            constraints.append(namedPrefix(constraint.name) + u"UNIQUE ("_s +
                               quotedList(constraint.columns) + u')');
            break;
        case ConstraintDef::Kind::Check:
            constraints.append(namedPrefix(constraint.name) + u"CHECK ("_s + constraint.checkSql +
                               u')');
            break;
        case ConstraintDef::Kind::ForeignKey: {
            const ForeignKeySpec &fk = constraint.foreignKey;
            constraints.append(foreignKeySql(constraint.name, fk.columns, fk.referredTable,
                                             fk.referredColumns, fk.onDelete, fk.onUpdate,
                                             fk.deferrable, fk.initially, fk.match));
            break;
        }
        }
    }
    for (const ColumnDef &column : op.columns) {
        if (column.unique && !column.index)
            constraints.append(u"UNIQUE ("_s + q(column.name) + u')');
        for (const ForeignKeySpec &fk : column.foreignKeys)
            constraints.append(foreignKeySql(fk.name, {column.name}, fk.referredTable,
                                             fk.referredColumns, fk.onDelete, fk.onUpdate,
                                             fk.deferrable, fk.initially, fk.match));
    }
    add(out, createTableSql(op.table, columns, constraints));

    // Alembic walks table.indexes, a Python set: its order changes from run to run.
    // Retort keeps the op's order (index=True columns, then sa.Index arguments).
    for (const IndexDef &index : op.indexes) {
        IndexDef withTable = index;
        withTable.table = op.table;
        add(out, createIndexSql(withTable));
    }
}

void renderAddColumn(const AddColumnOp &op, bool withIndex, QList<RenderedStatement> &out)
{
    add(out,
        u"ALTER TABLE "_s + q(op.table) + u" ADD COLUMN "_s + columnSql(specOf(op.column), false));
    if (withIndex && op.column.index)
        add(out, indexSql(u"ix_"_s + op.table + u'_' + op.column.name, op.table, op.column.unique,
                          {q(op.column.name)}, QString()));
}

void renderDropColumn(const DropColumnOp &op, QList<RenderedStatement> &out)
{
    add(out, u"ALTER TABLE "_s + q(op.table) + u" DROP COLUMN "_s + q(op.column), true);
}

void renderRenameColumn(const AlterColumnOp &op, QList<RenderedStatement> &out)
{
    if (op.newName.isEmpty() || op.newName == op.column)
        return;
    // Alembic's ColumnName construct: no COLUMN keyword (SQLite accepts both).
    add(out,
        u"ALTER TABLE "_s + q(op.table) + u" RENAME "_s + q(op.column) + u" TO "_s + q(op.newName));
}

void renderBulkInsert(const BulkInsertOp &op, QList<RenderedStatement> &out)
{
    for (const auto &row : op.rows) {
        QStringList columns;
        QStringList values;
        for (qsizetype i = 0; i < op.columns.size() && i < row.size(); ++i) {
            if (!row[i])
                continue;
            QString error;
            const std::optional<QString> literal =
                SqlRenderer::literalSql(*row[i], op.columns[i].type, &error);
            if (!literal)
                fail(error);
            columns.append(q(op.columns[i].name));
            values.append(*literal);
        }
        add(out, u"INSERT INTO "_s + q(op.table) + u" ("_s + columns.join(u", "_s) +
                     u") VALUES ("_s + values.join(u", "_s) + u')');
    }
}

// --- batch mode: reflection, as SQLAlchemy 1.4 reflects a SQLite table --------------

struct ReflectedType
{
    QString ddl; // empty for NullType
    QString affinity;
    bool isJson = false;
};

// SQLiteDialect._resolve_type_affinity, then the type's DDL rendering.
ReflectedType reflectType(const QString &declared)
{
    const QString upper = declared.toUpper();
    static const QRegularExpression typePattern = pythonRegex(u"^([\\w ]+)(\\(.*?\\))?"_s, false);
    const QRegularExpressionMatch match = typePattern.match(upper);
    QString name;
    QString args;
    bool hasArgs = false;
    if (match.hasMatch()) {
        name = match.captured(1);
        hasArgs = match.capturedStart(2) >= 0;
        args = match.captured(2);
    } else {
        hasArgs = true; // Python's `args = ""`: an empty argument list
    }
    // class name -> (rendered base, affinity, kind of arguments it takes)
    enum class Args
    {
        None,
        String,
        Numeric,
        Float,
        Timezone,
        Length,
        Json,
        Boolean
    };
    struct Known
    {
        QString base;
        QString affinity;
        Args args;
    };
    static const QHash<QString, Known> names = {
        {u"BIGINT"_s, {u"BIGINT"_s, u"Integer"_s, Args::None}},
        {u"BLOB"_s, {u"BLOB"_s, u"_Binary"_s, Args::Length}},
        {u"BOOL"_s, {u"BOOLEAN"_s, u"Boolean"_s, Args::Boolean}},
        {u"BOOLEAN"_s, {u"BOOLEAN"_s, u"Boolean"_s, Args::Boolean}},
        {u"CHAR"_s, {u"CHAR"_s, u"String"_s, Args::String}},
        {u"DATE"_s, {u"DATE"_s, u"Date"_s, Args::None}},
        {u"DATE_CHAR"_s, {u"DATE"_s, u"Date"_s, Args::None}},
        {u"DATETIME"_s, {u"DATETIME"_s, u"DateTime"_s, Args::Timezone}},
        {u"DATETIME_CHAR"_s, {u"DATETIME"_s, u"DateTime"_s, Args::Timezone}},
        {u"DOUBLE"_s, {u"FLOAT"_s, u"Numeric"_s, Args::Float}},
        {u"DECIMAL"_s, {u"DECIMAL"_s, u"Numeric"_s, Args::Numeric}},
        {u"FLOAT"_s, {u"FLOAT"_s, u"Numeric"_s, Args::Float}},
        {u"INT"_s, {u"INTEGER"_s, u"Integer"_s, Args::None}},
        {u"INTEGER"_s, {u"INTEGER"_s, u"Integer"_s, Args::None}},
        {u"JSON"_s, {u"JSON"_s, u"JSON"_s, Args::Json}},
        {u"NUMERIC"_s, {u"NUMERIC"_s, u"Numeric"_s, Args::Numeric}},
        {u"REAL"_s, {u"REAL"_s, u"Numeric"_s, Args::Float}},
        {u"SMALLINT"_s, {u"SMALLINT"_s, u"Integer"_s, Args::None}},
        {u"TEXT"_s, {u"TEXT"_s, u"String"_s, Args::String}},
        {u"TIME"_s, {u"TIME"_s, u"Time"_s, Args::Timezone}},
        {u"TIME_CHAR"_s, {u"TIME"_s, u"Time"_s, Args::Timezone}},
        {u"TIMESTAMP"_s, {u"TIMESTAMP"_s, u"DateTime"_s, Args::Timezone}},
        {u"VARCHAR"_s, {u"VARCHAR"_s, u"String"_s, Args::String}},
        {u"NVARCHAR"_s, {u"NVARCHAR"_s, u"String"_s, Args::String}},
        {u"NCHAR"_s, {u"NCHAR"_s, u"String"_s, Args::String}},
    };
    Known known;
    bool nullType = false;
    if (names.contains(name)) {
        known = names.value(name);
    } else if (name.contains(u"INT")) {
        known = {u"INTEGER"_s, u"Integer"_s, Args::None};
    } else if (name.contains(u"CHAR") || name.contains(u"CLOB") || name.contains(u"TEXT")) {
        known = {u"TEXT"_s, u"String"_s, Args::String};
    } else if (name.contains(u"BLOB") || name.isEmpty()) {
        nullType = true;
        known = {QString(), u"NullType"_s, Args::None};
    } else if (name.contains(u"REAL") || name.contains(u"FLOA") || name.contains(u"DOUB")) {
        known = {u"REAL"_s, u"Numeric"_s, Args::Float};
    } else {
        known = {u"NUMERIC"_s, u"Numeric"_s, Args::Numeric};
    }
    QList<qlonglong> numbers;
    if (hasArgs) {
        static const QRegularExpression digits(u"(\\d+)"_s);
        for (auto it = digits.globalMatch(args); it.hasNext();)
            numbers.append(it.next().captured(1).toLongLong());
    }
    // Arguments the type's constructor cannot take make SQLAlchemy warn and use none.
    int maxArgs = 0;
    switch (known.args) {
    case Args::None:
        maxArgs = 0;
        break;
    case Args::String:
        maxArgs = 2;
        break;
    case Args::Numeric:
        maxArgs = 4;
        break;
    case Args::Float:
        maxArgs = 3;
        break;
    case Args::Timezone:
        maxArgs = 1;
        break;
    case Args::Length:
        maxArgs = 1;
        break;
    case Args::Json:
        maxArgs = 1;
        break;
    case Args::Boolean:
        maxArgs = 2;
        break;
    }
    if (numbers.size() > maxArgs)
        numbers.clear();
    ReflectedType type;
    type.affinity = known.affinity;
    type.isJson = known.args == Args::Json;
    if (nullType)
        return type;
    type.ddl = known.base;
    if (known.args == Args::String && !numbers.isEmpty()) {
        type.ddl += u'(' + QString::number(numbers[0]) + u')';
        if (numbers.size() > 1)
            type.ddl += u" COLLATE \""_s + QString::number(numbers[1]) + u'"';
    } else if (known.args == Args::Numeric && !numbers.isEmpty()) {
        type.ddl += u'(' + QString::number(numbers[0]);
        if (numbers.size() > 1)
            type.ddl += u", "_s + QString::number(numbers[1]);
        type.ddl += u')';
    } else if (known.args == Args::Boolean && !numbers.isEmpty() && numbers[0] != 0) {
        fail(QCoreApplication::translate("retort::SqlTranslator",
                                         "the reflected type '%1' makes SQLAlchemy add a CHECK "
                                         "constraint, which is not supported")
                 .arg(declared));
    }
    return type;
}

// Alembic's SQLiteImpl.autogen_column_reflect: a reflected default that looks like a
// SQL expression gets parentheses.
QString reflectedDefault(const QString &value)
{
    static const QRegularExpression digit = pythonRegex(u"^[0-9\\.]$"_s, false);
    static const QRegularExpression quoted = pythonRegex(u"^'.+'$"_s, false);
    static const QRegularExpression parenthesized = pythonRegex(u"^\\(.+\\)$"_s, false);
    if (value.isEmpty() || digit.match(value).hasMatch() || quoted.match(value).hasMatch() ||
        parenthesized.match(value).hasMatch())
        return value;
    return u'(' + value + u')';
}

QStringList columnsInSignature(const QString &signature)
{
    static const QRegularExpression pattern = pythonRegex(u"(?:\"(.+?)\")|([a-z0-9_]+)"_s, true);
    QStringList out;
    for (auto it = pattern.globalMatch(signature); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out.append(match.capturedStart(1) >= 0 ? match.captured(1) : match.captured(2));
    }
    return out;
}

// A column of the table being rebuilt. `key` is the name it had when reflected (or its
// name, for a column added by the batch): constraints and indexes refer to columns by key.
struct BatchColumn
{
    QString key;
    ColumnSpec spec;
    bool isJson = false;
    bool transferred = false; // copied from the old table
    QString castType;         // CAST the copied values to this type
    bool added = false;
    bool index = false;  // index=True on an added column
    bool unique = false; // unique=True on an added column
};

struct BatchConstraint
{
    ConstraintDef def; // column lists hold keys; referred columns are as reflected
};

struct BatchIndex
{
    QString name;
    bool unique = false;
    QStringList keys;
    QString where;
};

class BatchRebuild
{
public:
    BatchRebuild(const BatchOp &op, const SchemaReflector &schema) : m_op(op), m_schema(schema) {}

    void render(QList<RenderedStatement> &out, QStringList &warnings)
    {
        reflect(warnings);
        for (const BatchStep &step : m_op.steps)
            std::visit([this](const auto &s) { apply(s); }, step);
        emitStatements(out);
    }

private:
    BatchColumn *column(const QString &key)
    {
        for (BatchColumn &c : m_columns) {
            if (c.key == key)
                return &c;
        }
        return nullptr;
    }

    // --- reflection --------------------------------------------------------

    void reflect(QStringList &warnings)
    {
        const QString table = m_op.table;
        if (!m_schema.tableExists(table))
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "batch_alter_table: no such table: '%1'")
                     .arg(table));
        m_tableSql = m_schema.tableSql(table);
        const QList<SchemaReflector::Column> columns = m_schema.columns(table);
        QList<QPair<int, QString>> primaryKey;
        for (const SchemaReflector::Column &c : columns) {
            if (c.hidden == 1)
                continue;
            if (c.hidden != 0)
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "table '%1' has a generated column '%2', which "
                                                 "the built-in translator does not rebuild")
                         .arg(table, c.name));
            BatchColumn column;
            column.key = c.name;
            column.spec.name = c.name;
            const ReflectedType type = reflectType(c.type);
            column.spec.typeDdl = type.ddl;
            column.spec.affinity = type.affinity;
            column.isJson = type.isJson;
            column.spec.nullable = !c.notNull;
            column.spec.primaryKey = c.primaryKey > 0;
            if (c.defaultValue)
                column.spec.defaultSql = reflectedDefault(*c.defaultValue);
            column.transferred = true;
            m_columns.append(column);
            if (c.primaryKey > 0)
                primaryKey.append({c.primaryKey, c.name});
        }
        std::stable_sort(primaryKey.begin(), primaryKey.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });

        // Primary key (get_pk_constraint).
        if (!primaryKey.isEmpty()) {
            BatchConstraint pk;
            pk.def.kind = ConstraintDef::Kind::PrimaryKey;
            for (const auto &entry : std::as_const(primaryKey))
                pk.def.columns.append(entry.second);
            static const QRegularExpression pkName =
                pythonRegex(u"CONSTRAINT (\\w+) PRIMARY KEY"_s, true);
            const QRegularExpressionMatch match = pkName.match(m_tableSql);
            if (match.hasMatch())
                pk.def.name = match.captured(1);
            addReflected(pk);
        }
        reflectForeignKeys();
        reflectUniqueConstraints();
        reflectCheckConstraints();
        reflectIndexes(warnings);
    }

    void addReflected(const BatchConstraint &constraint)
    {
        if (constraint.def.name.isEmpty())
            m_unnamed.append(constraint);
        else
            setNamed(constraint);
    }

    // A Python dict assignment: a new name goes last, an existing one keeps its place.
    void setNamed(const BatchConstraint &constraint)
    {
        for (BatchConstraint &existing : m_named) {
            if (existing.def.name == constraint.def.name) {
                existing = constraint;
                return;
            }
        }
        m_named.append(constraint);
    }

    void reflectForeignKeys()
    {
        struct Fk
        {
            int id = 0;
            QString name;
            QStringList columns;
            QString referredTable;
            QStringList referredColumns;
            QString onDelete, onUpdate, initially;
            std::optional<bool> deferrable;
        };
        QList<Fk> byId;
        for (const SchemaReflector::ForeignKey &row : m_schema.foreignKeys(m_op.table)) {
            Fk *fk = nullptr;
            for (Fk &existing : byId) {
                if (existing.id == row.id)
                    fk = &existing;
            }
            if (!fk) {
                Fk created;
                created.id = row.id;
                created.referredTable = row.table;
                if (!row.to) {
                    // No referred column written: the referred table's primary key.
                    QList<QPair<int, QString>> pk;
                    for (const SchemaReflector::Column &c : m_schema.columns(row.table)) {
                        if (c.primaryKey > 0)
                            pk.append({c.primaryKey, c.name});
                    }
                    std::stable_sort(pk.begin(), pk.end(), [](const auto &a, const auto &b) {
                        return a.first < b.first;
                    });
                    for (const auto &entry : std::as_const(pk))
                        created.referredColumns.append(entry.second);
                }
                byId.append(created);
                fk = &byId.last();
            }
            fk->columns.append(row.from);
            if (row.to)
                fk->referredColumns.append(*row.to);
        }
        auto signature = [](const QStringList &columns, const QString &table,
                            const QStringList &referred) {
            return (columns + QStringList{table} + referred).join(QChar(0));
        };
        QList<QPair<QString, int>> keysBySignature; // signature -> index in byId, dict order
        for (qsizetype i = 0; i < byId.size(); ++i) {
            const QString sig =
                signature(byId[i].columns, byId[i].referredTable, byId[i].referredColumns);
            bool replaced = false;
            for (auto &entry : keysBySignature) {
                if (entry.first == sig) {
                    entry.second = int(i);
                    replaced = true;
                }
            }
            if (!replaced)
                keysBySignature.append({sig, int(i)});
        }
        static const QRegularExpression pattern =
            pythonRegex(u"(?:CONSTRAINT (\\w+) +)?"
                        u"FOREIGN KEY *\\( *(.+?) *\\) +"
                        u"REFERENCES +(?:(?:\"(.+?)\")|([a-z0-9_]+)) *\\((.+?)\\) *"
                        u"((?:ON (?:DELETE|UPDATE) "
                        u"(?:SET NULL|SET DEFAULT|CASCADE|RESTRICT|NO ACTION) *)*)"
                        u"((?:NOT +)?DEFERRABLE)?"
                        u"(?: +INITIALLY +(DEFERRED|IMMEDIATE))?"_s,
                        true);
        static const QRegularExpression onSplit = pythonRegex(u" *\\bON\\b *"_s, false);
        QList<Fk> result;
        for (auto it = pattern.globalMatch(m_tableSql); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QStringList columns = columnsInSignature(match.captured(2));
            QStringList referred = columnsInSignature(match.captured(5));
            if (match.captured(5).isEmpty())
                referred = columns;
            const QString referredName =
                match.capturedStart(3) >= 0 ? match.captured(3) : match.captured(4);
            const QString sig = signature(columns, referredName, referred);
            qsizetype found = -1;
            for (qsizetype i = 0; i < keysBySignature.size(); ++i) {
                if (keysBySignature[i].first == sig)
                    found = i;
            }
            if (found < 0)
                continue; // SQLAlchemy warns and skips it
            Fk fk = byId[keysBySignature[found].second];
            keysBySignature.removeAt(found);
            fk.name = match.captured(1);
            for (const QString &token :
                 match.captured(6).toUpper().split(onSplit, Qt::KeepEmptyParts)) {
                if (token.startsWith(u"DELETE")) {
                    const QString action = token.mid(6).trimmed();
                    if (!action.isEmpty() && action != u"NO ACTION")
                        fk.onDelete = action;
                } else if (token.startsWith(u"UPDATE")) {
                    const QString action = token.mid(6).trimmed();
                    if (!action.isEmpty() && action != u"NO ACTION")
                        fk.onUpdate = action;
                }
            }
            if (match.capturedStart(7) >= 0 && !match.captured(7).isEmpty())
                fk.deferrable = !match.captured(7).toUpper().contains(u"NOT");
            if (match.capturedStart(8) >= 0 && !match.captured(8).isEmpty())
                fk.initially = match.captured(8).toUpper();
            result.append(fk);
        }
        // The rest are inline REFERENCES clauses, kept as PRAGMA gives them (no options).
        for (const auto &entry : std::as_const(keysBySignature)) {
            Fk fk = byId[entry.second];
            fk.name.clear();
            result.append(fk);
        }
        for (const Fk &fk : std::as_const(result)) {
            BatchConstraint constraint;
            constraint.def.kind = ConstraintDef::Kind::ForeignKey;
            constraint.def.name = fk.name;
            constraint.def.foreignKey.name = fk.name;
            constraint.def.foreignKey.columns = fk.columns;
            constraint.def.foreignKey.referredTable = fk.referredTable;
            constraint.def.foreignKey.referredColumns = fk.referredColumns;
            constraint.def.foreignKey.onDelete = fk.onDelete;
            constraint.def.foreignKey.onUpdate = fk.onUpdate;
            constraint.def.foreignKey.deferrable = fk.deferrable;
            constraint.def.foreignKey.initially = fk.initially;
            addReflected(constraint);
        }
    }

    void reflectUniqueConstraints()
    {
        QList<QPair<QStringList, QString>> autoIndexes; // signature -> name (dict)
        for (const SchemaReflector::Index &index : m_schema.indexes(m_op.table)) {
            if (!index.name.startsWith(u"sqlite_autoindex") || index.hasExpression)
                continue;
            bool replaced = false;
            for (auto &entry : autoIndexes) {
                if (entry.first == index.columns) {
                    entry.second = index.name;
                    replaced = true;
                }
            }
            if (!replaced)
                autoIndexes.append({index.columns, index.name});
        }
        if (m_tableSql.isEmpty())
            return;
        static const QRegularExpression uniquePattern =
            pythonRegex(u"(?:CONSTRAINT \"?(.+?)\"? +)?UNIQUE *\\((.+?)\\)"_s, true);
        static const QRegularExpression inlinePattern = pythonRegex(
            u"(?:(\".+?\")|(?:[\\[`])?([a-z0-9_]+)(?:[\\]`])?) +[a-z0-9_ ]+? +UNIQUE"_s, true);
        QList<QPair<QString, QStringList>> parsed;
        for (auto it = uniquePattern.globalMatch(m_tableSql); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            parsed.append({match.captured(1), columnsInSignature(match.captured(2))});
        }
        for (auto it = inlinePattern.globalMatch(m_tableSql); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            parsed.append(
                {QString(), columnsInSignature(match.capturedStart(1) >= 0 ? match.captured(1)
                                                                           : match.captured(2))});
        }
        for (const auto &[name, columns] : std::as_const(parsed)) {
            for (qsizetype i = 0; i < autoIndexes.size(); ++i) {
                if (autoIndexes[i].first == columns) {
                    autoIndexes.removeAt(i);
                    BatchConstraint constraint;
                    constraint.def.kind = ConstraintDef::Kind::Unique;
                    constraint.def.name = name;
                    constraint.def.columns = columns;
                    addReflected(constraint);
                    break;
                }
            }
        }
    }

    void reflectCheckConstraints()
    {
        static const QRegularExpression pattern =
            pythonRegex(u"(?:CONSTRAINT (.+) +)?CHECK *\\( *(.+) *\\),? *"_s, true);
        static const QRegularExpression quotes(u"^\"|\"$"_s);
        for (auto it = pattern.globalMatch(m_tableSql); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            QString name = match.captured(1);
            name.remove(quotes);
            // Alembic skips reflected CHECK constraints without a name: a rebuild drops them.
            if (name.isEmpty())
                continue;
            BatchConstraint constraint;
            constraint.def.kind = ConstraintDef::Kind::Check;
            constraint.def.name = name;
            constraint.def.checkSql = match.captured(2);
            addReflected(constraint);
        }
    }

    void reflectIndexes(QStringList &warnings)
    {
        static const QRegularExpression partial = pythonRegex(u"\\)\\s+where\\s+(.+)"_s, true);
        for (const SchemaReflector::Index &index : m_schema.indexes(m_op.table)) {
            if (index.name.startsWith(u"sqlite_autoindex"))
                continue;
            if (index.hasExpression) {
                warnings.append(QCoreApplication::translate(
                                    "retort::SqlTranslator",
                                    "the expression index '%1' is not re-created by the table "
                                    "rebuild (Alembic cannot reflect it)")
                                    .arg(index.name));
                continue;
            }
            BatchIndex reflected;
            reflected.name = index.name;
            reflected.unique = index.unique;
            for (const QString &name : index.columns) {
                if (column(name))
                    reflected.keys.append(name);
            }
            if (index.partial) {
                const QRegularExpressionMatch match = partial.match(index.sql);
                if (match.hasMatch())
                    reflected.where = match.captured(1);
            }
            m_indexes.append(reflected);
        }
        std::stable_sort(m_indexes.begin(), m_indexes.end(),
                         [](const BatchIndex &a, const BatchIndex &b) { return a.name < b.name; });
    }

    // --- the batch's operations, as ApplyBatchImpl applies them ------------

    void popSchemaTypeConstraint(const std::optional<ColumnType> &type)
    {
        if (!type || type->schemaTypeName.isEmpty())
            return;
        for (qsizetype i = 0; i < m_named.size(); ++i) {
            if (m_named[i].def.name == type->schemaTypeName) {
                m_named.removeAt(i);
                return;
            }
        }
    }

    void apply(const AddColumnOp &op)
    {
        BatchColumn added;
        added.key = op.column.name;
        added.spec = specOf(op.column);
        added.isJson = op.column.type.isJson;
        added.added = true;
        added.index = op.column.index;
        added.unique = op.column.unique;
        // A Python dict assignment: re-adding a name replaces it in place, without its data.
        if (BatchColumn *existing = column(added.key))
            *existing = added;
        else
            m_columns.append(added);
    }

    void apply(const DropColumnOp &op)
    {
        BatchColumn *existing = column(op.column);
        if (!existing)
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "drop_column: table '%1' has no column '%2'")
                     .arg(m_op.table, op.column));
        for (BatchConstraint &constraint : m_unnamed) {
            if (constraint.def.kind == ConstraintDef::Kind::PrimaryKey)
                constraint.def.columns.removeAll(op.column);
        }
        for (BatchConstraint &constraint : m_named) {
            if (constraint.def.kind == ConstraintDef::Kind::PrimaryKey)
                constraint.def.columns.removeAll(op.column);
        }
        if (existing->transferred)
            m_droppedData = true;
        m_columns.removeIf([&](const BatchColumn &c) { return c.key == op.column; });
        popSchemaTypeConstraint(op.existingType);
    }

    void apply(const AlterColumnOp &op)
    {
        BatchColumn *existing = column(op.column);
        if (!existing)
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "alter_column: table '%1' has no column '%2'")
                     .arg(m_op.table, op.column));
        if (!op.newName.isEmpty() && op.newName != op.column) {
            existing->spec.name = op.newName;
            popSchemaTypeConstraint(op.existingType);
        }
        if (op.type) {
            // SQLiteImpl.cast_for_batch_migrate
            if (existing->transferred && existing->spec.affinity != op.type->affinity &&
                !op.type->isJson)
                existing->castType = op.type->ddl;
            existing->spec.typeDdl = op.type->ddl;
            existing->spec.affinity = op.type->affinity;
            existing->isJson = op.type->isJson;
        }
        if (op.nullable)
            existing->spec.nullable = *op.nullable;
        if (op.changesServerDefault) {
            if (op.serverDefault)
                existing->spec.defaultSql = op.serverDefault->sql();
            else
                existing->spec.defaultSql.reset();
        }
    }

    void apply(const CreateIndexOp &op) { m_newIndexes.append(op.index); }

    void apply(const DropIndexOp &op)
    {
        for (qsizetype i = 0; i < m_indexes.size(); ++i) {
            if (m_indexes[i].name == op.name) {
                m_indexes.removeAt(i);
                return;
            }
        }
        fail(QCoreApplication::translate("retort::SqlTranslator", "No such index: '%1'")
                 .arg(op.name));
    }

    void apply(const AddConstraintOp &op)
    {
        BatchConstraint constraint;
        constraint.def = op.constraint;
        if (constraint.def.kind == ConstraintDef::Kind::ForeignKey)
            constraint.def.foreignKey.name = constraint.def.name;
        if (constraint.def.kind == ConstraintDef::Kind::PrimaryKey) {
            m_unnamed.removeIf([](const BatchConstraint &c) {
                return c.def.kind == ConstraintDef::Kind::PrimaryKey;
            });
            m_named.removeIf([](const BatchConstraint &c) {
                return c.def.kind == ConstraintDef::Kind::PrimaryKey;
            });
        }
        setNamed(constraint);
    }

    void apply(const DropConstraintOp &op)
    {
        for (qsizetype i = 0; i < m_named.size(); ++i) {
            if (m_named[i].def.name == op.name) {
                if (m_named[i].def.kind == ConstraintDef::Kind::PrimaryKey) {
                    for (const QString &key : std::as_const(m_named[i].def.columns)) {
                        if (BatchColumn *c = column(key))
                            c->spec.primaryKey = false;
                    }
                }
                m_named.removeAt(i);
                return;
            }
        }
        fail(QCoreApplication::translate("retort::SqlTranslator", "No such constraint: '%1'")
                 .arg(op.name));
    }

    // --- output ------------------------------------------------------------

    QString nameOf(const QString &key)
    {
        const BatchColumn *c = column(key);
        return c ? c->spec.name : key;
    }

    QStringList namesOf(const QStringList &keys)
    {
        QStringList out;
        for (const QString &key : keys)
            out.append(nameOf(key));
        return out;
    }

    bool allPresent(const ConstraintDef &def)
    {
        const QStringList keys =
            def.kind == ConstraintDef::Kind::ForeignKey ? def.foreignKey.columns : def.columns;
        for (const QString &key : keys) {
            if (!column(key))
                return false;
        }
        return true;
    }

    QString constraintSql(const ConstraintDef &def)
    {
        switch (def.kind) {
        case ConstraintDef::Kind::PrimaryKey:
            return namedPrefix(def.name) + u"PRIMARY KEY ("_s + quotedList(namesOf(def.columns)) +
                   u')';
        case ConstraintDef::Kind::Unique:
            return namedPrefix(def.name) + u"UNIQUE ("_s + quotedList(namesOf(def.columns)) + u')';
        case ConstraintDef::Kind::Check:
            return namedPrefix(def.name) + u"CHECK ("_s + def.checkSql + u')';
        case ConstraintDef::Kind::ForeignKey: {
            const ForeignKeySpec &fk = def.foreignKey;
            return foreignKeySql(def.name, namesOf(fk.columns), fk.referredTable,
                                 fk.referredColumns, fk.onDelete, fk.onUpdate, fk.deferrable,
                                 fk.initially, fk.match);
        }
        }
        return QString();
    }

    void emitStatements(QList<RenderedStatement> &out)
    {
        const QString table = m_op.table;
        const QString temp = QString(u"_alembic_tmp_"_s + table).left(50);

        // Constraints of the new table, in the order Alembic copies them: named, then
        // unnamed (each group in a Python set's order in Alembic, so not fixed there),
        // skipping those that lost a column. The primary key is always written first.
        QList<ConstraintDef> constraints;
        std::optional<ConstraintDef> primaryKey;
        for (const QList<BatchConstraint> *group : {&m_named, &m_unnamed}) {
            for (const BatchConstraint &constraint : *group) {
                if (!allPresent(constraint.def))
                    continue;
                if (constraint.def.kind == ConstraintDef::Kind::PrimaryKey)
                    primaryKey = constraint.def;
                else
                    constraints.append(constraint.def);
            }
        }
        if (!primaryKey) {
            // The columns still flagged primary key make an implicit one.
            ConstraintDef implicit;
            implicit.kind = ConstraintDef::Kind::PrimaryKey;
            for (const BatchColumn &c : std::as_const(m_columns)) {
                if (c.spec.primaryKey && c.added)
                    implicit.columns.append(c.key);
            }
            if (!implicit.columns.isEmpty())
                primaryKey = implicit;
        }

        // sqlite_autoincrement from table_kwargs: a single integer primary key column
        // without foreign keys is written PRIMARY KEY AUTOINCREMENT inline.
        QString inlinePk;
        if (m_op.sqliteAutoincrement && primaryKey && primaryKey->columns.size() == 1) {
            const QString key = primaryKey->columns.first();
            bool hasForeignKey = false;
            for (const ConstraintDef &constraint : std::as_const(constraints)) {
                if (constraint.kind == ConstraintDef::Kind::ForeignKey &&
                    constraint.foreignKey.columns.contains(key))
                    hasForeignKey = true;
            }
            const BatchColumn *c = column(key);
            if (c && c->spec.affinity == u"Integer" && !hasForeignKey)
                inlinePk = key;
        }

        QStringList columnSqls;
        for (const BatchColumn &c : std::as_const(m_columns))
            columnSqls.append(columnSql(c.spec, c.key == inlinePk));
        QStringList constraintSqls;
        if (primaryKey && !primaryKey->columns.isEmpty() && inlinePk.isEmpty())
            constraintSqls.append(constraintSql(*primaryKey));
        for (const ConstraintDef &constraint : std::as_const(constraints))
            constraintSqls.append(constraintSql(constraint));
        add(out, createTableSql(temp, columnSqls, constraintSqls));

        // An added column keeps its index=True flag, so SQLAlchemy also indexes it on the
        // temporary table, under the temporary table's name.
        for (const BatchColumn &c : std::as_const(m_columns)) {
            if (c.added && c.index)
                add(out, indexSql(u"ix_"_s + temp + u'_' + c.spec.name, temp, c.unique,
                                  {q(c.spec.name)}, QString()));
        }

        QStringList targets;
        QStringList sources;
        for (const BatchColumn &c : std::as_const(m_columns)) {
            if (!c.transferred)
                continue;
            targets.append(q(c.spec.name));
            const QString source = q(table) + u'.' + q(c.key);
            sources.append(c.castType.isEmpty() ? source
                                                : u"CAST("_s + source + u" AS "_s + c.castType +
                                                      u") AS "_s + q(c.key));
        }
        if (targets.isEmpty())
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "the table rebuild would copy no column"));
        add(out, u"INSERT INTO "_s + q(temp) + u" ("_s + targets.join(u", "_s) + u") SELECT "_s +
                     sources.join(u", "_s) + u" \nFROM "_s + q(table));
        add(out, u"DROP TABLE "_s + q(table), m_droppedData);
        add(out, u"ALTER TABLE "_s + q(temp) + u" RENAME TO "_s + q(table));

        for (const BatchIndex &index : std::as_const(m_indexes))
            add(out,
                indexSql(index.name, table, index.unique, quotedNames(index.keys), index.where));
        for (const IndexDef &index : std::as_const(m_newIndexes)) {
            QStringList names;
            for (const IndexElement &element : index.elements) {
                const BatchColumn *c = column(element.text);
                if (!c)
                    fail(QCoreApplication::translate("retort::SqlTranslator",
                                                     "create_index '%1': no column with key "
                                                     "'%2' in the rebuilt table (Alembic looks "
                                                     "columns up by their name before any "
                                                     "rename in the same batch)")
                             .arg(index.name, element.text));
                names.append(q(c->spec.name));
            }
            add(out, indexSql(index.name, table, index.unique, names, index.where));
        }
    }

    QStringList quotedNames(const QStringList &keys)
    {
        QStringList out;
        for (const QString &key : keys)
            out.append(q(nameOf(key)));
        return out;
    }

    const BatchOp &m_op;
    const SchemaReflector &m_schema;
    QString m_tableSql;
    QList<BatchColumn> m_columns;
    QList<BatchConstraint> m_named;
    QList<BatchConstraint> m_unnamed;
    QList<BatchIndex> m_indexes;
    QList<IndexDef> m_newIndexes;
    bool m_droppedData = false;
};

void renderBatch(const BatchOp &op, const SchemaReflector &schema, QList<RenderedStatement> &out,
                 QStringList &warnings)
{
    if (op.requiresRecreate()) {
        BatchRebuild(op, schema).render(out, warnings);
        return;
    }
    // Without a rebuild each step runs as the plain operation would.
    for (const BatchStep &step : op.steps) {
        if (const auto *add = std::get_if<AddColumnOp>(&step))
            renderAddColumn(*add, false, out);
        else if (const auto *drop = std::get_if<DropColumnOp>(&step))
            renderDropColumn(*drop, out);
        else if (const auto *alter = std::get_if<AlterColumnOp>(&step))
            renderRenameColumn(*alter, out);
        else if (const auto *index = std::get_if<CreateIndexOp>(&step))
            retort::add(out, createIndexSql(index->index));
        else if (const auto *dropIndex = std::get_if<DropIndexOp>(&step))
            retort::add(out, u"DROP INDEX "_s + q(dropIndex->name));
        else
            fail(QCoreApplication::translate(
                "retort::SqlTranslator",
                "No support for ALTER of constraints in SQLite dialect. Please refer to the batch "
                "mode feature which allows for SQLite migrations using a copy-and-move strategy."));
    }
}

} // namespace

// ---------------------------------------------------------------------------

QStringList RenderResult::sql() const
{
    QStringList out;
    out.reserve(statements.size());
    for (const RenderedStatement &statement : statements)
        out.append(statement.sql);
    return out;
}

RenderResult SqlRenderer::renderStatements(const MigrationOp &op, const SchemaReflector &schema)
{
    RenderResult result;
    try {
        std::visit(
            [&](const auto &operation) {
                using T = std::decay_t<decltype(operation)>;
                auto &out = result.statements;
                if constexpr (std::is_same_v<T, CreateTableOp>) {
                    renderCreateTable(operation, out);
                } else if constexpr (std::is_same_v<T, DropTableOp>) {
                    add(out, u"DROP TABLE "_s + q(operation.table), true);
                } else if constexpr (std::is_same_v<T, AddColumnOp>) {
                    renderAddColumn(operation, true, out);
                } else if constexpr (std::is_same_v<T, DropColumnOp>) {
                    renderDropColumn(operation, out);
                } else if constexpr (std::is_same_v<T, CreateIndexOp>) {
                    add(out, createIndexSql(operation.index));
                } else if constexpr (std::is_same_v<T, DropIndexOp>) {
                    add(out, u"DROP INDEX "_s + q(operation.name));
                } else if constexpr (std::is_same_v<T, RenameTableOp>) {
                    add(out, u"ALTER TABLE "_s + q(operation.table) + u" RENAME TO "_s +
                                 q(operation.newName));
                } else if constexpr (std::is_same_v<T, AlterColumnOp>) {
                    renderRenameColumn(operation, out);
                } else if constexpr (std::is_same_v<T, ExecuteOp>) {
                    add(out, operation.sql, isDestructive(operation.sql));
                } else if constexpr (std::is_same_v<T, BulkInsertOp>) {
                    renderBulkInsert(operation, out);
                } else if constexpr (std::is_same_v<T, BatchOp>) {
                    renderBatch(operation, schema, out, result.warnings);
                }
            },
            op.operation);
    } catch (const RenderError &error) {
        result.statements.clear();
        result.error = error.message;
    }
    return result;
}

QStringList SqlRenderer::render(const MigrationOp &op, const SchemaReflector &schema,
                                QString *error)
{
    const RenderResult result = renderStatements(op, schema);
    if (error)
        *error = result.error;
    return result.sql();
}

QStringList SqlRenderer::renderAll(const QList<MigrationOp> &ops, QSqlDatabase scratch,
                                   QString *error)
{
    QStringList all;
    if (error)
        error->clear();
    const SqliteSchemaReflector reflector(scratch);
    QSqlQuery query(scratch);
    // A rebuild drops and renames tables that others may reference.
    query.exec(u"PRAGMA foreign_keys=OFF"_s);
    for (const MigrationOp &op : ops) {
        const RenderResult result = renderStatements(op, reflector);
        if (!result) {
            if (error)
                *error = result.error;
            return all;
        }
        for (const RenderedStatement &statement : result.statements) {
            all.append(statement.sql);
            if (!query.exec(statement.sql)) {
                if (error)
                    *error = query.lastError().text();
                return all;
            }
            query.finish();
        }
    }
    return all;
}

bool SqlRenderer::isDestructive(const QString &statement)
{
    static const QRegularExpression dropTable(
        u"^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:\"((?:[^\"]|\"\")*)\"|`([^`]*)`|\\[([^\\]]*)\\]|([^\\s;]+))"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dropColumn(
        u"^\\s*ALTER\\s+TABLE\\s+.+?\\s+DROP\\s+(?:COLUMN\\s+)?\\S"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = dropTable.match(statement);
    if (match.hasMatch()) {
        QString name;
        for (int group = 1; group <= 4; ++group) {
            if (match.capturedStart(group) >= 0)
                name = match.captured(group);
        }
        return !name.startsWith(u"_alembic_tmp_");
    }
    return dropColumn.match(statement).hasMatch();
}

QString SqlRenderer::offlineText(const QString &statement)
{
    return QString(statement).replace(u'\t', u"    "_s).trimmed();
}

QString SqlRenderer::quoteIdentifier(const QString &name)
{
    static const QSet<QString> reserved = {u"add"_s,          u"after"_s,
                                           u"all"_s,          u"alter"_s,
                                           u"analyze"_s,      u"and"_s,
                                           u"as"_s,           u"asc"_s,
                                           u"attach"_s,       u"autoincrement"_s,
                                           u"before"_s,       u"begin"_s,
                                           u"between"_s,      u"by"_s,
                                           u"cascade"_s,      u"case"_s,
                                           u"cast"_s,         u"check"_s,
                                           u"collate"_s,      u"column"_s,
                                           u"commit"_s,       u"conflict"_s,
                                           u"constraint"_s,   u"create"_s,
                                           u"cross"_s,        u"current_date"_s,
                                           u"current_time"_s, u"current_timestamp"_s,
                                           u"database"_s,     u"default"_s,
                                           u"deferrable"_s,   u"deferred"_s,
                                           u"delete"_s,       u"desc"_s,
                                           u"detach"_s,       u"distinct"_s,
                                           u"drop"_s,         u"each"_s,
                                           u"else"_s,         u"end"_s,
                                           u"escape"_s,       u"except"_s,
                                           u"exclusive"_s,    u"exists"_s,
                                           u"explain"_s,      u"false"_s,
                                           u"fail"_s,         u"for"_s,
                                           u"foreign"_s,      u"from"_s,
                                           u"full"_s,         u"glob"_s,
                                           u"group"_s,        u"having"_s,
                                           u"if"_s,           u"ignore"_s,
                                           u"immediate"_s,    u"in"_s,
                                           u"index"_s,        u"indexed"_s,
                                           u"initially"_s,    u"inner"_s,
                                           u"insert"_s,       u"instead"_s,
                                           u"intersect"_s,    u"into"_s,
                                           u"is"_s,           u"isnull"_s,
                                           u"join"_s,         u"key"_s,
                                           u"left"_s,         u"like"_s,
                                           u"limit"_s,        u"match"_s,
                                           u"natural"_s,      u"not"_s,
                                           u"notnull"_s,      u"null"_s,
                                           u"of"_s,           u"offset"_s,
                                           u"on"_s,           u"or"_s,
                                           u"order"_s,        u"outer"_s,
                                           u"plan"_s,         u"pragma"_s,
                                           u"primary"_s,      u"query"_s,
                                           u"raise"_s,        u"references"_s,
                                           u"reindex"_s,      u"rename"_s,
                                           u"replace"_s,      u"restrict"_s,
                                           u"right"_s,        u"rollback"_s,
                                           u"row"_s,          u"select"_s,
                                           u"set"_s,          u"table"_s,
                                           u"temp"_s,         u"temporary"_s,
                                           u"then"_s,         u"to"_s,
                                           u"transaction"_s,  u"trigger"_s,
                                           u"true"_s,         u"union"_s,
                                           u"unique"_s,       u"update"_s,
                                           u"using"_s,        u"vacuum"_s,
                                           u"values"_s,       u"view"_s,
                                           u"virtual"_s,      u"when"_s,
                                           u"where"_s};
    bool legal = !name.isEmpty();
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
              u == '_' || u == '$')) {
            legal = false;
            break;
        }
    }
    const bool needsQuotes = !legal || reserved.contains(name.toLower()) ||
                             name.front().isDigit() || name.front() == u'$' ||
                             name.toLower() != name;
    if (!needsQuotes)
        return name;
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

std::optional<QString> SqlRenderer::literalSql(const LiteralValue &value, const ColumnType &type,
                                               QString *error)
{
    auto refuse = [&]() -> std::optional<QString> {
        if (error)
            *error = QCoreApplication::translate("retort::SqlTranslator",
                                                 "SQLAlchemy cannot render the value %1 as a "
                                                 "literal for a column of type %2")
                         .arg(value.kind == LiteralValue::Kind::String ? u'\'' + value.text + u'\''
                                                                       : value.text,
                              type.ddl.isEmpty() ? u"NullType"_s : type.ddl);
        return std::nullopt;
    };
    auto quoted = [&]() -> QString {
        return u'\'' + QString(value.text).replace(u'\'', u"''"_s) + u'\'';
    };
    if (value.kind == LiteralValue::Kind::Null)
        return u"NULL"_s;
    const QString &affinity = type.affinity;
    if (affinity == u"Integer") {
        switch (value.kind) {
        case LiteralValue::Kind::Bool:
            return value.boolean ? u"1"_s : u"0"_s;
        case LiteralValue::Kind::Integer:
            return value.text;
        case LiteralValue::Kind::Float:
            if (!std::isfinite(value.number))
                return refuse();
            return QString::number(std::trunc(value.number), 'f', 0);
        case LiteralValue::Kind::String: {
            // Python's int(str)
            static const QRegularExpression integer(u"^\\s*([+-]?)(\\d+(?:_\\d+)*)\\s*$"_s);
            const QRegularExpressionMatch match = integer.match(value.text);
            if (!match.hasMatch())
                return refuse();
            QString digits = match.captured(2).remove(u'_');
            while (digits.size() > 1 && digits.startsWith(u'0'))
                digits.remove(0, 1);
            return (match.captured(1) == u"-" && digits != u"0" ? u"-"_s : QString()) + digits;
        }
        default:
            return refuse();
        }
    }
    if (affinity == u"Numeric") {
        // str(value)
        switch (value.kind) {
        case LiteralValue::Kind::Integer:
        case LiteralValue::Kind::Float:
            return value.text;
        case LiteralValue::Kind::String: {
            static const QRegularExpression number(
                u"^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$"_s);
            if (!number.match(value.text).hasMatch())
                return refuse();
            return value.text;
        }
        default:
            return refuse();
        }
    }
    if (affinity == u"String") {
        if (value.kind == LiteralValue::Kind::String)
            return quoted();
        return refuse();
    }
    if (affinity == u"Boolean") {
        if (value.kind == LiteralValue::Kind::Bool)
            return value.boolean ? u"1"_s : u"0"_s;
        if (value.kind == LiteralValue::Kind::Integer && (value.text == u"0" || value.text == u"1"))
            return value.text;
        return refuse();
    }
    if (affinity == u"NullType") {
        // SQLAlchemy's offline mode cannot render these; online (as Retort runs them) the
        // value is bound as Python gives it.
        switch (value.kind) {
        case LiteralValue::Kind::Bool:
            return value.boolean ? u"1"_s : u"0"_s;
        case LiteralValue::Kind::Integer:
        case LiteralValue::Kind::Float:
            return value.text;
        case LiteralValue::Kind::String:
            return quoted();
        default:
            return refuse();
        }
    }
    return refuse();
}

// ---------------------------------------------------------------------------
// SqliteSchemaReflector
// ---------------------------------------------------------------------------

namespace {

QString pragmaArgument(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

// PRAGMA main.x(t), then PRAGMA temp.x(t) when main has nothing, as SQLAlchemy does.
QList<QList<QVariant>> pragmaRows(const QSqlDatabase &database, const QString &pragma,
                                  const QString &argument)
{
    QList<QList<QVariant>> rows;
    for (const QString &schema : {u"main"_s, u"temp"_s}) {
        QSqlQuery query(database);
        query.setForwardOnly(true);
        if (!query.exec(u"PRAGMA "_s + schema + u'.' + pragma + u'(' + pragmaArgument(argument) +
                        u')'))
            continue;
        while (query.next()) {
            QList<QVariant> row;
            const int count = query.record().count();
            for (int i = 0; i < count; ++i)
                row.append(query.value(i));
            rows.append(row);
        }
        if (!rows.isEmpty())
            break;
    }
    return rows;
}

} // namespace

bool SqliteSchemaReflector::tableExists(const QString &table) const
{
    QSqlQuery query(m_database);
    query.prepare(
        u"SELECT 1 FROM (SELECT name, type FROM sqlite_master UNION ALL "
        u"SELECT name, type FROM sqlite_temp_master) WHERE type = 'table' AND name = ?"_s);
    query.addBindValue(table);
    return query.exec() && query.next();
}

QString SqliteSchemaReflector::tableSql(const QString &table) const
{
    QSqlQuery query(m_database);
    query.prepare(u"SELECT sql FROM (SELECT * FROM sqlite_master UNION ALL "
                  u"SELECT * FROM sqlite_temp_master) WHERE name = ? AND type = 'table'"_s);
    query.addBindValue(table);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return QString();
}

QList<SchemaReflector::Column> SqliteSchemaReflector::columns(const QString &table) const
{
    QList<Column> out;
    for (const QList<QVariant> &row : pragmaRows(m_database, u"table_xinfo"_s, table)) {
        if (row.size() < 7)
            continue;
        Column column;
        column.cid = row[0].toInt();
        column.name = row[1].toString();
        column.type = row[2].toString();
        column.notNull = row[3].toInt() != 0;
        if (!row[4].isNull())
            column.defaultValue = row[4].toString();
        column.primaryKey = row[5].toInt();
        column.hidden = row[6].toInt();
        out.append(column);
    }
    return out;
}

QList<SchemaReflector::ForeignKey> SqliteSchemaReflector::foreignKeys(const QString &table) const
{
    QList<ForeignKey> out;
    for (const QList<QVariant> &row : pragmaRows(m_database, u"foreign_key_list"_s, table)) {
        if (row.size() < 8)
            continue;
        ForeignKey fk;
        fk.id = row[0].toInt();
        fk.seq = row[1].toInt();
        fk.table = row[2].toString();
        fk.from = row[3].toString();
        if (!row[4].isNull())
            fk.to = row[4].toString();
        fk.onUpdate = row[5].toString();
        fk.onDelete = row[6].toString();
        fk.match = row[7].toString();
        out.append(fk);
    }
    return out;
}

QList<SchemaReflector::Index> SqliteSchemaReflector::indexes(const QString &table) const
{
    QList<Index> out;
    for (const QList<QVariant> &row : pragmaRows(m_database, u"index_list"_s, table)) {
        if (row.size() < 5)
            continue;
        Index index;
        index.name = row[1].toString();
        index.unique = row[2].toInt() != 0;
        index.origin = row[3].toString();
        index.partial = row[4].toInt() != 0;
        for (const QList<QVariant> &info : pragmaRows(m_database, u"index_info"_s, index.name)) {
            if (info.size() < 3)
                continue;
            if (info[2].isNull()) {
                index.hasExpression = true;
                index.columns.append(QString());
            } else {
                index.columns.append(info[2].toString());
            }
        }
        QSqlQuery query(m_database);
        query.prepare(u"SELECT sql FROM (SELECT * FROM sqlite_master UNION ALL "
                      u"SELECT * FROM sqlite_temp_master) WHERE name = ? AND type = 'index'"_s);
        query.addBindValue(index.name);
        if (query.exec() && query.next())
            index.sql = query.value(0).toString();
        out.append(index);
    }
    return out;
}

} // namespace retort
