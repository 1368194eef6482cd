#include "sqltranslator.h"

#include "pythonast.h"
#include "sqlrenderer.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <charconv>
#include <cmath>
#include <vector>

namespace retort {

using namespace Qt::StringLiterals;

namespace {

struct TranslateError
{
    int line = 0;
    QString reason;
};

[[noreturn]] void fail(int line, const QString &reason)
{
    throw TranslateError{line, reason};
}

// Alembic's own message for constraint changes outside batch mode on SQLite.
QString noAlterOfConstraints()
{
    return QCoreApplication::translate(
        "retort::SqlTranslator",
        "Alembic cannot run this on SQLite: \"No support for ALTER of constraints in "
        "SQLite dialect. Please refer to the batch mode feature which allows for SQLite "
        "migrations using a copy-and-move strategy.\"");
}

// Python's repr() of a float: the shortest digits that round-trip, in fixed notation
// when the decimal exponent is in [-4, 16), else in scientific notation.
QString pythonFloatRepr(double value)
{
    if (std::isnan(value))
        return u"nan"_s;
    if (std::isinf(value))
        return value < 0 ? u"-inf"_s : u"inf"_s;
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const QString scientific = QString::fromLatin1(buffer, result.ptr - buffer);
    const qsizetype ePos = scientific.indexOf(u'e');
    QString mantissa = scientific.left(ePos);
    const int exponent = scientific.mid(ePos + 1).toInt();
    const bool negative = mantissa.startsWith(u'-');
    if (negative)
        mantissa.remove(0, 1);
    const QString digits = QString(mantissa).remove(u'.');
    QString out;
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out = u"0."_s + QString(-exponent - 1, u'0') + digits;
        } else if (digits.size() > exponent + 1) {
            out = digits.left(exponent + 1) + u'.' + digits.mid(exponent + 1);
        } else {
            out = digits + QString(exponent + 1 - digits.size(), u'0') + u".0"_s;
        }
    } else {
        out = digits.left(1);
        if (digits.size() > 1)
            out += u'.' + digits.mid(1);
        out += u'e';
        out += exponent < 0 ? u'-' : u'+';
        out += QString::number(std::abs(exponent)).rightJustified(2, u'0');
    }
    return negative ? u'-' + out : out;
}

// SQLAlchemy's text(): `:name` is a bind parameter (with no value here, Alembic would
// fail), `\:` is an escaped colon.
QString sqlFromText(const QString &text, int line)
{
    static const QRegularExpression bindParam(u"(?<![:\\w\\$\\\\]):([\\w\\$]+)(?![:\\w\\$])"_s,
                                              QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression escaped(u"\\\\(:[\\w\\$]*)(?![:\\w\\$])"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch match = bindParam.match(text);
    if (match.hasMatch())
        fail(line, QCoreApplication::translate(
                       "retort::SqlTranslator",
                       "the SQL text has a bind parameter ':%1' with no value (write '\\:' for a "
                       "literal colon)")
                       .arg(match.captured(1)));
    QString out = text;
    out.replace(escaped, u"\\1"_s);
    return out;
}

// ---------------------------------------------------------------------------
// Values: what an expression of the subset evaluates to.
// ---------------------------------------------------------------------------

struct Value
{
    enum class Kind
    {
        None,
        Bool,
        Integer,
        Float,
        String,
        Bytes,
        List,
        Tuple,
        Dict,
        Type,        // type
        Column,      // column (sa.Column, or sa.column in a table clause)
        ForeignKey,  // foreignKey
        Constraint,  // constraint
        Index,       // index
        Text,        // sa.text(): text is the SQL
        Expression,  // sa.func.x(), sa.true(), ...: text is the rendered SQL
        TableClause, // sa.table() / sa.Table(): text is the name, items are Columns
        MetaData,
        Callable,     // a function not called: text is its qualified name
        BatchContext, // the `as` name of a batch_alter_table block
    };
    Kind kind = Kind::None;
    int line = 0;
    bool boolean = false;
    QString text;
    double number = 0;
    std::vector<Value> items;  // List, Tuple, Dict keys, TableClause columns
    std::vector<Value> values; // Dict values
    ColumnType type;

    // The schema constructs, out of line: values are copied a lot while arguments bind.
    struct Payload
    {
        ColumnDef column;
        bool nullableGiven = false; // Column: nullable= was passed
        ForeignKeySpec foreignKey;
        ConstraintDef constraint;
        IndexDef index;
    };
    std::shared_ptr<Payload> payload;

    const Payload &data() const
    {
        static const Payload empty;
        return payload ? *payload : empty;
    }
    Payload &edit()
    {
        if (!payload)
            payload = std::make_shared<Payload>();
        else if (payload.use_count() > 1)
            payload = std::make_shared<Payload>(*payload);
        return *payload;
    }
};

QString describe(const Value &value)
{
    switch (value.kind) {
    case Value::Kind::None:
        return u"None"_s;
    case Value::Kind::Bool:
        return QCoreApplication::translate("retort::SqlTranslator", "a boolean");
    case Value::Kind::Integer:
    case Value::Kind::Float:
        return QCoreApplication::translate("retort::SqlTranslator", "a number");
    case Value::Kind::String:
        return QCoreApplication::translate("retort::SqlTranslator", "a string");
    case Value::Kind::Bytes:
        return QCoreApplication::translate("retort::SqlTranslator", "a bytes literal");
    case Value::Kind::List:
        return QCoreApplication::translate("retort::SqlTranslator", "a list");
    case Value::Kind::Tuple:
        return QCoreApplication::translate("retort::SqlTranslator", "a tuple");
    case Value::Kind::Dict:
        return QCoreApplication::translate("retort::SqlTranslator", "a dict");
    case Value::Kind::Type:
        return QCoreApplication::translate("retort::SqlTranslator", "a type");
    case Value::Kind::Column:
        return QCoreApplication::translate("retort::SqlTranslator", "a column");
    case Value::Kind::ForeignKey:
        return QCoreApplication::translate("retort::SqlTranslator", "a ForeignKey");
    case Value::Kind::Constraint:
        return QCoreApplication::translate("retort::SqlTranslator", "a constraint");
    case Value::Kind::Index:
        return QCoreApplication::translate("retort::SqlTranslator", "an Index");
    case Value::Kind::Text:
        return QCoreApplication::translate("retort::SqlTranslator", "a text() clause");
    case Value::Kind::Expression:
        return QCoreApplication::translate("retort::SqlTranslator", "a SQL expression");
    case Value::Kind::TableClause:
        return QCoreApplication::translate("retort::SqlTranslator", "a table");
    case Value::Kind::MetaData:
        return QCoreApplication::translate("retort::SqlTranslator", "a MetaData");
    case Value::Kind::Callable:
        return QCoreApplication::translate("retort::SqlTranslator", "the function %1")
            .arg(value.text);
    case Value::Kind::BatchContext:
        return QCoreApplication::translate("retort::SqlTranslator", "a batch operations object");
    }
    return QString();
}

// Arguments of one call, bound to parameter names the way Python binds them.
struct Arguments
{
    QString function;
    int line = 0;
    std::vector<std::pair<QString, Value>> named; // few: a linear search beats hashing
    std::vector<Value> rest;                      // *args
    QList<QPair<QString, Value>> extraKeywords;   // **kw

    bool has(const QString &name) const { return get(name) != nullptr; }
    const Value *get(const QString &name) const
    {
        for (const auto &entry : named) {
            if (entry.first == name)
                return &entry.second;
        }
        return nullptr;
    }
    // Given and not None.
    const Value *given(const QString &name) const
    {
        const Value *value = get(name);
        return value && value->kind != Value::Kind::None ? value : nullptr;
    }
    void remove(const QString &name)
    {
        std::erase_if(named, [&](const auto &entry) { return entry.first == name; });
    }
};

bool isOtherDialectKeyword(const QString &keyword)
{
    static const QStringList prefixes = {u"postgresql_"_s, u"mysql_"_s,  u"mariadb_"_s, u"mssql_"_s,
                                         u"oracle_"_s,     u"sybase_"_s, u"firebird_"_s};
    for (const QString &prefix : prefixes) {
        if (keyword.startsWith(prefix))
            return true;
    }
    return false;
}

// Qualified names are normalised so that every spelling of a construct is the same key:
// "sqlalchemy.types.Integer" -> "sqlalchemy.Integer", "alembic.op.f" -> "op.f", ...
QString normaliseQualifiedName(const QString &name)
{
    static const QList<QPair<QString, QString>> prefixes = {
        {u"sqlalchemy.sql.sqltypes."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.sql.schema."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.sql.expression."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.sql.elements."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.sql.functions."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.sql."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.types."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.schema."_s, u"sqlalchemy."_s},
        {u"sqlalchemy.dialects.sqlite.base."_s, u"sqlite."_s},
        {u"sqlalchemy.dialects.sqlite.json."_s, u"sqlite."_s},
        {u"sqlalchemy.dialects.sqlite."_s, u"sqlite."_s},
        {u"sqlalchemy.dialects."_s, u"dialect."_s},
        {u"sqlmodel.sql.sqltypes."_s, u"sqlmodel."_s},
        {u"alembic.op."_s, u"op."_s},
    };
    if (name == u"alembic.op")
        return u"op"_s;
    if (name.startsWith(u"sqlalchemy.") && name.indexOf(u'.', 11) < 0)
        return name; // already normal: sqlalchemy.Column
    for (const auto &[from, to] : prefixes) {
        if (name.startsWith(from))
            return to + name.mid(from.size());
    }
    return name;
}

// Generic SQLAlchemy types re-exported by the sqlite dialect module.
bool isSqliteReexport(const QString &name)
{
    static const QSet<QString> names = {u"BIGINT"_s,  u"BLOB"_s,     u"BOOLEAN"_s, u"CHAR"_s,
                                        u"DECIMAL"_s, u"FLOAT"_s,    u"INTEGER"_s, u"NUMERIC"_s,
                                        u"REAL"_s,    u"SMALLINT"_s, u"TEXT"_s,    u"TIMESTAMP"_s,
                                        u"VARCHAR"_s, u"NVARCHAR"_s, u"NCHAR"_s};
    return names.contains(name);
}

QString typeKey(const QString &qualified)
{
    if (qualified.startsWith(u"sqlalchemy."))
        return qualified.mid(11);
    if (qualified.startsWith(u"sqlite.")) {
        const QString name = qualified.mid(7);
        if (isSqliteReexport(name))
            return name;
        if (name == u"JSON" || name == u"DATETIME" || name == u"DATE" || name == u"TIME")
            return u"sqlite."_s + name;
        return QString();
    }
    if (qualified == u"sqlmodel.AutoString" || qualified == u"sqlmodel.GUID")
        return qualified;
    return QString();
}

bool isTypeName(const QString &qualified)
{
    static const QSet<QString> types = {u"Integer"_s,
                                        u"INTEGER"_s,
                                        u"INT"_s,
                                        u"BigInteger"_s,
                                        u"BIGINT"_s,
                                        u"SmallInteger"_s,
                                        u"SMALLINT"_s,
                                        u"String"_s,
                                        u"VARCHAR"_s,
                                        u"NVARCHAR"_s,
                                        u"CHAR"_s,
                                        u"NCHAR"_s,
                                        u"Text"_s,
                                        u"TEXT"_s,
                                        u"CLOB"_s,
                                        u"Unicode"_s,
                                        u"UnicodeText"_s,
                                        u"Boolean"_s,
                                        u"BOOLEAN"_s,
                                        u"DateTime"_s,
                                        u"DATETIME"_s,
                                        u"TIMESTAMP"_s,
                                        u"Date"_s,
                                        u"DATE"_s,
                                        u"Time"_s,
                                        u"TIME"_s,
                                        u"Float"_s,
                                        u"FLOAT"_s,
                                        u"REAL"_s,
                                        u"Numeric"_s,
                                        u"NUMERIC"_s,
                                        u"DECIMAL"_s,
                                        u"LargeBinary"_s,
                                        u"BLOB"_s,
                                        u"BINARY"_s,
                                        u"VARBINARY"_s,
                                        u"JSON"_s,
                                        u"Enum"_s,
                                        u"Interval"_s,
                                        u"PickleType"_s,
                                        u"Uuid"_s,
                                        u"sqlite.JSON"_s,
                                        u"sqlite.DATETIME"_s,
                                        u"sqlite.DATE"_s,
                                        u"sqlite.TIME"_s,
                                        u"sqlmodel.AutoString"_s,
                                        u"sqlmodel.GUID"_s};
    const QString key = typeKey(qualified);
    return !key.isEmpty() && types.contains(key);
}

// ---------------------------------------------------------------------------
// The translator
// ---------------------------------------------------------------------------

class Translator
{
public:
    explicit Translator(const QHash<QString, QString> &imports) : m_imports(imports) {}

    QList<MigrationOp> run(const PyFunction &function)
    {
        statements(function.body);
        return m_ops;
    }

private:
    struct Batch
    {
        QString name; // the `as` target
        BatchOp op;
        int line = 0;
    };

    // --- statements ------------------------------------------------------

    void statements(const QList<PyStatement> &body)
    {
        for (const PyStatement &statement : body)
            this->statement(statement);
    }

    void statement(const PyStatement &statement)
    {
        switch (statement.kind) {
        case PyStatement::Kind::Pass:
            return;
        case PyStatement::Kind::Unsupported:
            fail(statement.line,
                 QCoreApplication::translate("retort::SqlTranslator", "%1 is not supported")
                     .arg(statement.description));
        case PyStatement::Kind::Import:
            for (const auto &[name, path] : statement.bindings) {
                m_imports.insert(name, path);
                m_locals.remove(name);
            }
            return;
        case PyStatement::Kind::Assignment: {
            const Value value = evalStatementExpression(*statement.expression);
            m_locals.insert(statement.target, value);
            return;
        }
        case PyStatement::Kind::Expression: {
            const PyExpr &expr = *statement.expression;
            // Docstrings and other bare literals do nothing.
            if (expr.kind == PyExpr::Kind::String || expr.kind == PyExpr::Kind::Bytes ||
                expr.kind == PyExpr::Kind::Integer || expr.kind == PyExpr::Kind::Float ||
                expr.kind == PyExpr::Kind::None || expr.kind == PyExpr::Kind::True ||
                expr.kind == PyExpr::Kind::False)
                return;
            evalStatementExpression(expr);
            return;
        }
        case PyStatement::Kind::With:
            withStatement(statement);
            return;
        }
    }

    // A call at statement level may be an operation; anything else is just evaluated.
    Value evalStatementExpression(const PyExpr &expr)
    {
        if (expr.kind == PyExpr::Kind::Call) {
            const QString callee = callableName(*expr.base);
            if (callee.startsWith(u"op.") && callee != u"op.f")
                return operation(expr, callee.mid(3));
            if (callee.startsWith(u"batch.") && callee != u"batch.f")
                return batchOperation(expr, callee.mid(6));
        }
        return eval(expr);
    }

    void withStatement(const PyStatement &statement)
    {
        const PyExpr &context = *statement.expression;
        if (m_batch)
            fail(statement.line, QCoreApplication::translate(
                                     "retort::SqlTranslator",
                                     "a 'with' block inside a batch_alter_table block is not "
                                     "supported"));
        if (context.kind != PyExpr::Kind::Call ||
            callableName(*context.base) != u"op.batch_alter_table")
            fail(statement.line, QCoreApplication::translate(
                                     "retort::SqlTranslator",
                                     "'with' is only supported for op.batch_alter_table(...)"));
        const Arguments args =
            bind(context, u"batch_alter_table"_s,
                 {u"table_name"_s, u"schema"_s, u"recreate"_s, u"partial_reordering"_s,
                  u"copy_from"_s, u"table_args"_s, u"table_kwargs"_s, u"reflect_args"_s,
                  u"reflect_kwargs"_s, u"naming_convention"_s},
                 false, false);
        Batch batch;
        batch.name = statement.target;
        batch.line = statement.line;
        batch.op.table = requiredString(args, u"table_name"_s);
        checkNoSchema(args);
        if (const Value *recreate = args.given(u"recreate"_s)) {
            const QString mode = asString(*recreate, u"recreate"_s);
            if (mode == u"auto")
                batch.op.recreate = BatchOp::Recreate::Auto;
            else if (mode == u"always")
                batch.op.recreate = BatchOp::Recreate::Always;
            else if (mode == u"never")
                batch.op.recreate = BatchOp::Recreate::Never;
            else
                fail(recreate->line, QCoreApplication::translate(
                                         "retort::SqlTranslator",
                                         "recreate may be one of 'auto', 'always', or 'never'"));
        }
        for (const QString &unsupported :
             {u"partial_reordering"_s, u"copy_from"_s, u"reflect_args"_s, u"reflect_kwargs"_s,
              u"naming_convention"_s}) {
            if (const Value *value = args.given(unsupported)) {
                if (!(value->kind == Value::Kind::Tuple || value->kind == Value::Kind::List ||
                      value->kind == Value::Kind::Dict) ||
                    !value->items.empty())
                    fail(value->line,
                         QCoreApplication::translate("retort::SqlTranslator",
                                                     "batch_alter_table(%1=...) is not supported")
                             .arg(unsupported));
            }
        }
        if (const Value *tableArgs = args.given(u"table_args"_s)) {
            if (!tableArgs->items.empty() ||
                (tableArgs->kind != Value::Kind::Tuple && tableArgs->kind != Value::Kind::List))
                fail(tableArgs->line, QCoreApplication::translate(
                                          "retort::SqlTranslator",
                                          "batch_alter_table(table_args=...) is not supported"));
        }
        if (const Value *tableKwargs = args.given(u"table_kwargs"_s)) {
            if (tableKwargs->kind != Value::Kind::Dict)
                fail(tableKwargs->line, QCoreApplication::translate("retort::SqlTranslator",
                                                                    "table_kwargs must be a dict"));
            for (size_t i = 0; i < tableKwargs->items.size(); ++i) {
                const QString key = asString(tableKwargs->items[i], u"table_kwargs"_s);
                if (key == u"sqlite_autoincrement")
                    batch.op.sqliteAutoincrement =
                        asBool(tableKwargs->values[i], u"sqlite_autoincrement"_s);
                else if (!isOtherDialectKeyword(key))
                    fail(tableKwargs->line,
                         QCoreApplication::translate("retort::SqlTranslator",
                                                     "table_kwargs key '%1' is not supported")
                             .arg(key));
            }
        }

        Value context_value;
        context_value.kind = Value::Kind::BatchContext;
        context_value.line = statement.line;
        const bool hadLocal = !batch.name.isEmpty() && m_locals.contains(batch.name);
        const Value previous = hadLocal ? m_locals.value(batch.name) : Value();
        if (!batch.name.isEmpty())
            m_locals.insert(batch.name, context_value);
        m_batch = &batch;
        statements(statement.body);
        m_batch = nullptr;
        // The name stays bound after the block in Python, but a flushed batch can no longer
        // take operations: forget it so that a later use is reported.
        if (!batch.name.isEmpty()) {
            if (hadLocal)
                m_locals.insert(batch.name, previous);
            else
                m_locals.remove(batch.name);
        }
        checkBatch(batch);
        m_ops.append(MigrationOp{batch.op, batch.line});
    }

    // What Alembic would refuse when it flushes the batch.
    void checkBatch(const Batch &batch)
    {
        const bool recreate = batch.op.requiresRecreate();
        for (const BatchStep &step : batch.op.steps) {
            if (const auto *add = std::get_if<AddConstraintOp>(&step)) {
                if (!recreate)
                    fail(batch.line, noAlterOfConstraints());
                if (add->constraint.name.isEmpty())
                    fail(batch.line, QCoreApplication::translate(
                                         "retort::SqlTranslator",
                                         "Alembic cannot run this batch: a constraint added in "
                                         "batch mode must have a name (\"Constraint must have a "
                                         "name\"); give the ForeignKey / unique constraint a "
                                         "name"));
            } else if (std::holds_alternative<DropConstraintOp>(step)) {
                if (!recreate)
                    fail(batch.line, noAlterOfConstraints());
            } else if (const auto *alter = std::get_if<AlterColumnOp>(&step)) {
                if (!recreate && (alter->type || alter->nullable || alter->changesServerDefault))
                    fail(batch.line,
                         QCoreApplication::translate(
                             "retort::SqlTranslator",
                             "alter_column with recreate=\"never\" would emit ALTER COLUMN, "
                             "which SQLite does not support"));
            } else if (const auto *index = std::get_if<CreateIndexOp>(&step)) {
                if (recreate) {
                    for (const IndexElement &element : index->index.elements) {
                        if (element.isExpression)
                            fail(batch.line,
                                 QCoreApplication::translate(
                                     "retort::SqlTranslator",
                                     "Alembic cannot create the expression index '%1' in a "
                                     "batch that recreates the table")
                                     .arg(index->index.name));
                    }
                }
            }
        }
    }

    // --- names -----------------------------------------------------------

    // The normalised qualified name of a callee: "sqlalchemy.Column", "op.create_table",
    // "batch.add_column" (a method of the current batch context).
    QString callableName(const PyExpr &callee)
    {
        // The common `sa.X` / `op.X` shape, without building the dotted name first.
        if (callee.kind == PyExpr::Kind::Attribute && callee.base &&
            callee.base->kind == PyExpr::Kind::Name && !m_locals.contains(callee.base->text)) {
            const auto import = m_imports.constFind(callee.base->text);
            if (import != m_imports.cend())
                return normaliseQualifiedName(*import + u'.' + callee.text);
        }
        const QString dotted = callee.dottedName();
        if (dotted.isEmpty()) {
            if (callee.kind == PyExpr::Kind::Unsupported)
                fail(callee.line,
                     QCoreApplication::translate("retort::SqlTranslator", "%1 is not supported")
                         .arg(callee.text));
            fail(callee.line, QCoreApplication::translate(
                                  "retort::SqlTranslator",
                                  "calling the result of an expression is not supported"));
        }
        const QString root = dotted.section(u'.', 0, 0);
        const auto local = m_locals.constFind(root);
        if (local != m_locals.cend()) {
            if (local->kind == Value::Kind::BatchContext && dotted.count(u'.') == 1) {
                if (!m_batch || m_batch->name != root)
                    fail(callee.line, QCoreApplication::translate(
                                          "retort::SqlTranslator",
                                          "'%1' is used outside its batch_alter_table block")
                                          .arg(root));
                return u"batch."_s + dotted.section(u'.', 1);
            }
            if (local->kind == Value::Kind::Callable && dotted == root)
                return local->text;
            fail(callee.line, QCoreApplication::translate("retort::SqlTranslator",
                                                          "calling '%1' is not supported")
                                  .arg(dotted));
        }
        const auto import = m_imports.constFind(root);
        if (import == m_imports.cend())
            fail(callee.line, QCoreApplication::translate(
                                  "retort::SqlTranslator",
                                  "unknown name '%1' (only op, sqlalchemy and the names the "
                                  "file imports from them are understood)")
                                  .arg(root));
        return normaliseQualifiedName(*import + dotted.mid(root.size()));
    }

    Value reference(const PyExpr &expr)
    {
        const QString dotted = expr.dottedName();
        if (dotted.isEmpty())
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "attribute '%1' of an expression is not supported")
                     .arg(expr.text));
        const QString root = dotted.section(u'.', 0, 0);
        const auto local = m_locals.constFind(root);
        if (local != m_locals.cend()) {
            if (dotted == root)
                return *local;
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator", "'%1' is not supported")
                     .arg(dotted));
        }
        const QString qualified = callableName(expr);
        if (isTypeName(qualified))
            return makeType(qualified, Arguments{qualified, expr.line, {}, {}, {}});
        Value value;
        value.kind = Value::Kind::Callable;
        value.line = expr.line;
        value.text = qualified;
        return value;
    }

    // --- evaluation ------------------------------------------------------

    Value eval(const PyExpr &expr)
    {
        Value value;
        value.line = expr.line;
        switch (expr.kind) {
        case PyExpr::Kind::Unsupported:
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator", "%1 is not supported")
                     .arg(expr.text));
        case PyExpr::Kind::None:
            value.kind = Value::Kind::None;
            return value;
        case PyExpr::Kind::True:
        case PyExpr::Kind::False:
            value.kind = Value::Kind::Bool;
            value.boolean = expr.kind == PyExpr::Kind::True;
            return value;
        case PyExpr::Kind::Integer:
            value.kind = Value::Kind::Integer;
            value.text = expr.text;
            return value;
        case PyExpr::Kind::Float:
            value.kind = Value::Kind::Float;
            value.number = expr.number;
            value.text = pythonFloatRepr(expr.number);
            return value;
        case PyExpr::Kind::String:
            value.kind = Value::Kind::String;
            value.text = expr.text;
            return value;
        case PyExpr::Kind::Bytes:
            value.kind = Value::Kind::Bytes;
            value.text = expr.text;
            return value;
        case PyExpr::Kind::List:
        case PyExpr::Kind::Tuple:
            value.kind = expr.kind == PyExpr::Kind::List ? Value::Kind::List : Value::Kind::Tuple;
            for (const PyExprPtr &item : expr.items)
                value.items.push_back(eval(*item));
            return value;
        case PyExpr::Kind::Dict:
            value.kind = Value::Kind::Dict;
            for (qsizetype i = 0; i < expr.items.size(); ++i) {
                value.items.push_back(eval(*expr.items[i]));
                value.values.push_back(eval(*expr.values[i]));
            }
            return value;
        case PyExpr::Kind::Name:
        case PyExpr::Kind::Attribute:
            return reference(expr);
        case PyExpr::Kind::Call:
            return call(expr);
        }
        return value;
    }

    Arguments bind(const PyExpr &call, const QString &function, const QStringList &parameters,
                   bool varPositional, bool varKeyword)
    {
        Arguments args;
        args.function = function;
        args.line = call.line;
        for (qsizetype i = 0; i < call.items.size(); ++i) {
            Value value = eval(*call.items[i]);
            if (i < parameters.size())
                args.named.emplace_back(parameters[i], std::move(value));
            else if (varPositional)
                args.rest.push_back(value);
            else
                fail(call.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "too many positional arguments to %1()")
                                    .arg(function));
        }
        for (const PyKeyword &keyword : call.keywords) {
            Value value = eval(*keyword.value);
            if (parameters.contains(keyword.name)) {
                if (args.has(keyword.name))
                    fail(call.line,
                         QCoreApplication::translate("retort::SqlTranslator",
                                                     "%1() got multiple values for argument '%2'")
                             .arg(function, keyword.name));
                args.named.emplace_back(keyword.name, std::move(value));
            } else if (varKeyword) {
                args.extraKeywords.append({keyword.name, value});
            } else {
                fail(call.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "%1() got an unexpected keyword argument '%2'")
                         .arg(function, keyword.name));
            }
        }
        return args;
    }

    // Keyword arguments of other dialects are ignored on SQLite; the SQLite ones listed
    // are handled by the caller; anything else is not understood.
    static void checkExtraKeywords(const Arguments &args, const QStringList &handled = {})
    {
        for (const auto &[name, value] : args.extraKeywords) {
            if (isOtherDialectKeyword(name) || handled.contains(name))
                continue;
            fail(args.line,
                 QCoreApplication::translate("retort::SqlTranslator", "%1(%2=...) is not supported")
                     .arg(args.function, name));
        }
    }

    static const Value *extraKeyword(const Arguments &args, const QString &name)
    {
        for (const auto &[key, value] : args.extraKeywords) {
            if (key == name)
                return &value;
        }
        return nullptr;
    }

    static void checkNoSchema(const Arguments &args)
    {
        if (const Value *schema = args.given(u"schema"_s))
            fail(schema->line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "schema=%1 is not supported (SQLite has no schemas)")
                     .arg(schema->text));
    }

    static QString asString(const Value &value, const QString &what)
    {
        if (value.kind != Value::Kind::String)
            fail(value.line,
                 QCoreApplication::translate("retort::SqlTranslator", "%1 must be a string, not %2")
                     .arg(what, describe(value)));
        return value.text;
    }

    QString requiredString(const Arguments &args, const QString &name)
    {
        const Value *value = args.get(name);
        if (!value)
            fail(args.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "%1() is missing the argument '%2'")
                                .arg(args.function, name));
        return asString(*value, name);
    }

    static std::optional<QString> optionalString(const Arguments &args, const QString &name)
    {
        const Value *value = args.given(name);
        if (!value)
            return std::nullopt;
        return asString(*value, name);
    }

    static bool asBool(const Value &value, const QString &what)
    {
        if (value.kind == Value::Kind::Bool)
            return value.boolean;
        if (value.kind == Value::Kind::None)
            return false;
        if (value.kind == Value::Kind::Integer)
            return value.text != u"0";
        fail(value.line, QCoreApplication::translate("retort::SqlTranslator",
                                                     "%1 must be True or False, not %2")
                             .arg(what, describe(value)));
    }

    static bool optionalBool(const Arguments &args, const QString &name, bool fallback = false)
    {
        const Value *value = args.get(name);
        return value ? asBool(*value, name) : fallback;
    }

    static QStringList asStringList(const Value &value, const QString &what)
    {
        if (value.kind != Value::Kind::List && value.kind != Value::Kind::Tuple)
            fail(value.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "%1 must be a list of column names, not %2")
                     .arg(what, describe(value)));
        QStringList out;
        for (const Value &item : value.items)
            out.append(asString(item, what));
        return out;
    }

    static int asInt(const Value &value, const QString &what)
    {
        bool ok = false;
        const int result = value.text.toInt(&ok);
        if (value.kind != Value::Kind::Integer || !ok)
            fail(value.line, QCoreApplication::translate("retort::SqlTranslator",
                                                         "%1 must be an integer, not %2")
                                 .arg(what, describe(value)));
        return result;
    }

    // --- calls -----------------------------------------------------------

    Value call(const PyExpr &expr)
    {
        const QString qualified = callableName(*expr.base);
        if (qualified == u"op.f" || qualified == u"batch.f") {
            const Arguments args = bind(expr, u"op.f"_s, {u"name"_s}, false, false);
            Value value;
            value.kind = Value::Kind::String;
            value.line = expr.line;
            value.text = requiredString(args, u"name"_s);
            return value;
        }
        if (qualified.startsWith(u"op.") || qualified.startsWith(u"batch."))
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "%1() inside an expression is not supported")
                     .arg(qualified));
        if (isTypeName(qualified))
            return makeType(qualified, bindType(expr, qualified));
        if (qualified.startsWith(u"sqlalchemy.func.")) {
            return function(expr, qualified.mid(16));
        }
        const QString name = qualified.startsWith(u"sqlalchemy.") ? qualified.mid(11) : QString();
        if (name == u"Column")
            return column(expr);
        if (name == u"ForeignKey")
            return foreignKey(expr);
        if (name == u"ForeignKeyConstraint")
            return foreignKeyConstraint(expr);
        if (name == u"PrimaryKeyConstraint" || name == u"UniqueConstraint")
            return columnConstraint(expr, name);
        if (name == u"CheckConstraint")
            return checkConstraint(expr);
        if (name == u"Index")
            return indexValue(expr);
        if (name == u"text")
            return textClause(expr);
        if (name == u"true" || name == u"false" || name == u"null") {
            bind(expr, name, {}, false, false);
            Value value;
            value.kind = Value::Kind::Expression;
            value.line = expr.line;
            value.text = name == u"true" ? u"1"_s : name == u"false" ? u"0"_s : u"NULL"_s;
            return value;
        }
        if (name == u"literal_column") {
            const Arguments args = bind(expr, name, {u"text"_s, u"type_"_s}, false, false);
            Value value;
            value.kind = Value::Kind::Expression;
            value.line = expr.line;
            value.text = requiredString(args, u"text"_s);
            return value;
        }
        if (name == u"table")
            return tableClause(expr);
        if (name == u"column")
            return columnClause(expr);
        if (name == u"Table")
            return table(expr);
        if (name == u"MetaData") {
            bind(expr, name, {}, false, false);
            Value value;
            value.kind = Value::Kind::MetaData;
            value.line = expr.line;
            return value;
        }
        if (qualified.startsWith(u"dialect.") || qualified.startsWith(u"sqlite."))
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "type or construct %1 is not supported on SQLite")
                     .arg(qualified.section(u'.', 1)));
        if (qualified.startsWith(u"sqlalchemy."))
            fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "sqlalchemy.%1 is not supported")
                                .arg(name));
        fail(expr.line,
             QCoreApplication::translate("retort::SqlTranslator", "calling %1() is not supported")
                 .arg(qualified));
    }

    // --- types -----------------------------------------------------------

    Arguments bindType(const PyExpr &expr, const QString &qualified)
    {
        const QString key = typeKey(qualified);
        static const QStringList stringParams = {u"length"_s, u"collation"_s};
        static const QStringList numericParams = {u"precision"_s, u"scale"_s,
                                                  u"decimal_return_scale"_s, u"asdecimal"_s};
        static const QStringList floatParams = {u"precision"_s, u"asdecimal"_s,
                                                u"decimal_return_scale"_s};
        static const QHash<QString, QStringList> parameters = {
            {u"String"_s, stringParams},
            {u"VARCHAR"_s, stringParams},
            {u"NVARCHAR"_s, stringParams},
            {u"CHAR"_s, stringParams},
            {u"NCHAR"_s, stringParams},
            {u"Text"_s, stringParams},
            {u"TEXT"_s, stringParams},
            {u"CLOB"_s, stringParams},
            {u"Unicode"_s, stringParams},
            {u"UnicodeText"_s, stringParams},
            {u"sqlmodel.AutoString"_s, stringParams},
            {u"Boolean"_s, {u"create_constraint"_s, u"name"_s}},
            {u"BOOLEAN"_s, {u"create_constraint"_s, u"name"_s}},
            {u"DateTime"_s, {u"timezone"_s}},
            {u"DATETIME"_s, {u"timezone"_s}},
            {u"TIMESTAMP"_s, {u"timezone"_s}},
            {u"Time"_s, {u"timezone"_s}},
            {u"TIME"_s, {u"timezone"_s}},
            {u"Float"_s, floatParams},
            {u"FLOAT"_s, floatParams},
            {u"REAL"_s, floatParams},
            {u"Numeric"_s, numericParams},
            {u"NUMERIC"_s, numericParams},
            {u"DECIMAL"_s, numericParams},
            {u"LargeBinary"_s, {u"length"_s}},
            {u"BLOB"_s, {u"length"_s}},
            {u"BINARY"_s, {u"length"_s}},
            {u"VARBINARY"_s, {u"length"_s}},
            {u"JSON"_s, {u"none_as_null"_s}},
            {u"sqlite.JSON"_s, {u"none_as_null"_s}},
            {u"Interval"_s, {u"native"_s, u"second_precision"_s, u"day_precision"_s}},
            {u"Uuid"_s, {u"as_uuid"_s, u"native_uuid"_s}},
        };
        if (key == u"Enum") {
            Arguments args = bind(expr, key, {}, true, true);
            return args;
        }
        return bind(expr, key, parameters.value(key), false, false);
    }

    Value makeType(const QString &qualified, const Arguments &args)
    {
        const QString key = typeKey(qualified);
        ColumnType type;
        auto lengthSuffix = [&](const QString &name) -> QString {
            const Value *length = args.given(name);
            return length ? u'(' + QString::number(asInt(*length, name)) + u')' : QString();
        };
        auto collation = [&]() -> QString {
            const std::optional<QString> value = optionalString(args, u"collation"_s);
            return value ? u" COLLATE \""_s + *value + u'"' : QString();
        };
        static const QHash<QString, QString> stringBases = {
            {u"String"_s, u"VARCHAR"_s},    {u"VARCHAR"_s, u"VARCHAR"_s},
            {u"Unicode"_s, u"VARCHAR"_s},   {u"sqlmodel.AutoString"_s, u"VARCHAR"_s},
            {u"NVARCHAR"_s, u"NVARCHAR"_s}, {u"CHAR"_s, u"CHAR"_s},
            {u"NCHAR"_s, u"NCHAR"_s},       {u"Text"_s, u"TEXT"_s},
            {u"TEXT"_s, u"TEXT"_s},         {u"UnicodeText"_s, u"TEXT"_s},
            {u"CLOB"_s, u"CLOB"_s}};
        if (stringBases.contains(key)) {
            type.ddl = stringBases.value(key) + lengthSuffix(u"length"_s) + collation();
            type.affinity = u"String"_s;
        } else if (key == u"Integer" || key == u"INTEGER" || key == u"INT") {
            type.ddl = u"INTEGER"_s;
            type.affinity = u"Integer"_s;
        } else if (key == u"BigInteger" || key == u"BIGINT") {
            type.ddl = u"BIGINT"_s;
            type.affinity = u"Integer"_s;
        } else if (key == u"SmallInteger" || key == u"SMALLINT") {
            type.ddl = u"SMALLINT"_s;
            type.affinity = u"Integer"_s;
        } else if (key == u"Boolean" || key == u"BOOLEAN") {
            if (optionalBool(args, u"create_constraint"_s))
                fail(args.line, QCoreApplication::translate(
                                    "retort::SqlTranslator",
                                    "Boolean(create_constraint=True) is not supported"));
            type.ddl = u"BOOLEAN"_s;
            type.affinity = u"Boolean"_s;
            type.schemaTypeName = optionalString(args, u"name"_s).value_or(QString());
        } else if (key == u"DateTime" || key == u"DATETIME" || key == u"sqlite.DATETIME") {
            type.ddl = u"DATETIME"_s;
            type.affinity = u"DateTime"_s;
        } else if (key == u"TIMESTAMP") {
            type.ddl = u"TIMESTAMP"_s;
            type.affinity = u"DateTime"_s;
        } else if (key == u"Date" || key == u"DATE" || key == u"sqlite.DATE") {
            type.ddl = u"DATE"_s;
            type.affinity = u"Date"_s;
        } else if (key == u"Time" || key == u"TIME" || key == u"sqlite.TIME") {
            type.ddl = u"TIME"_s;
            type.affinity = u"Time"_s;
        } else if (key == u"Float" || key == u"FLOAT") {
            type.ddl = u"FLOAT"_s;
            type.affinity = u"Numeric"_s;
        } else if (key == u"REAL") {
            type.ddl = u"REAL"_s;
            type.affinity = u"Numeric"_s;
        } else if (key == u"Numeric" || key == u"NUMERIC" || key == u"DECIMAL") {
            type.ddl = key == u"DECIMAL" ? u"DECIMAL"_s : u"NUMERIC"_s;
            const Value *precision = args.given(u"precision"_s);
            const Value *scale = args.given(u"scale"_s);
            if (precision) {
                type.ddl += u'(' + QString::number(asInt(*precision, u"precision"_s));
                if (scale)
                    type.ddl += u", "_s + QString::number(asInt(*scale, u"scale"_s));
                type.ddl += u')';
            }
            type.affinity = u"Numeric"_s;
        } else if (key == u"LargeBinary" || key == u"BLOB" || key == u"PickleType") {
            type.ddl = u"BLOB"_s;
            type.affinity = u"_Binary"_s;
        } else if (key == u"BINARY" || key == u"VARBINARY") {
            type.ddl = key + lengthSuffix(u"length"_s);
            type.affinity = u"_Binary"_s;
        } else if (key == u"JSON" || key == u"sqlite.JSON") {
            type.ddl = u"JSON"_s;
            type.affinity = u"JSON"_s;
            type.isJson = true;
        } else if (key == u"Interval") {
            type.ddl = u"DATETIME"_s;
            type.affinity = u"Interval"_s;
        } else if (key == u"Uuid" || key == u"sqlmodel.GUID") {
            // sa.Uuid is SQLAlchemy 2.0's (1.4 has none); both it and sqlmodel's GUID are
            // CHAR(32) on SQLite.
            type.ddl = u"CHAR(32)"_s;
            type.affinity = key == u"Uuid" ? u"Uuid"_s : u"String"_s;
        } else if (key == u"Enum") {
            type = enumType(args);
        } else {
            fail(args.line,
                 QCoreApplication::translate("retort::SqlTranslator", "type %1 is not supported")
                     .arg(qualified));
        }
        Value value;
        value.kind = Value::Kind::Type;
        value.line = args.line;
        value.type = type;
        return value;
    }

    ColumnType enumType(const Arguments &args)
    {
        int longest = -1;
        for (const Value &item : args.rest) {
            if (item.kind != Value::Kind::String)
                fail(item.line, QCoreApplication::translate(
                                    "retort::SqlTranslator",
                                    "Enum values must be strings (a Python enum class is not "
                                    "supported), not %1")
                                    .arg(describe(item)));
            longest = std::max(longest, int(item.text.toUcs4().size()));
        }
        ColumnType type;
        type.affinity = u"String"_s;
        int length = longest;
        for (const auto &[name, value] : args.extraKeywords) {
            if (name == u"name")
                type.schemaTypeName =
                    value.kind == Value::Kind::None ? QString() : asString(value, name);
            else if (name == u"length")
                length = asInt(value, name);
            else if (name == u"create_constraint") {
                if (asBool(value, name))
                    fail(value.line, QCoreApplication::translate(
                                         "retort::SqlTranslator",
                                         "Enum(create_constraint=True) is not supported"));
            } else if (name != u"native_enum" && name != u"validate_strings" &&
                       name != u"inherit_schema" && name != u"omit_aliases")
                fail(value.line, QCoreApplication::translate("retort::SqlTranslator",
                                                             "Enum(%1=...) is not supported")
                                     .arg(name));
        }
        if (length < 0)
            fail(args.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "Enum() without values is not supported"));
        type.ddl = u"VARCHAR("_s + QString::number(length) + u')';
        return type;
    }

    // --- schema constructs -----------------------------------------------

    Value column(const PyExpr &expr)
    {
        Arguments args = bind(expr, u"Column"_s, {}, true, true);
        Value value;
        value.kind = Value::Kind::Column;
        value.line = expr.line;
        ColumnDef &column = value.edit().column;
        size_t next = 0;
        if (next < args.rest.size() && args.rest[next].kind == Value::Kind::String)
            column.name = args.rest[next++].text;
        else
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "a Column must have a name as its first argument"));
        if (next < args.rest.size() && args.rest[next].kind == Value::Kind::Type)
            column.type = args.rest[next++].type;
        bool typeGiven = !column.type.ddl.isEmpty();
        for (; next < args.rest.size(); ++next) {
            const Value &item = args.rest[next];
            if (item.kind == Value::Kind::ForeignKey) {
                ForeignKeySpec fk = item.data().foreignKey;
                fk.columns = {column.name};
                column.foreignKeys.append(fk);
            } else if (item.kind == Value::Kind::Constraint) {
                fail(item.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "a constraint inside Column() is not supported"));
            } else {
                fail(item.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "%1 as an argument of Column() is not supported")
                         .arg(describe(item)));
            }
        }
        bool primaryKey = false;
        std::optional<bool> nullable;
        for (const auto &[name, item] : args.extraKeywords) {
            if (name == u"type_") {
                if (item.kind != Value::Kind::Type)
                    fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                                "type_ must be a type"));
                column.type = item.type;
                typeGiven = true;
            } else if (name == u"nullable") {
                if (item.kind != Value::Kind::None)
                    nullable = asBool(item, name);
            } else if (name == u"primary_key") {
                primaryKey = asBool(item, name);
            } else if (name == u"server_default") {
                column.serverDefault = serverDefault(item);
            } else if (name == u"unique") {
                column.unique = asBool(item, name);
            } else if (name == u"index") {
                column.index = asBool(item, name);
            } else if (name == u"autoincrement") {
                if (item.kind == Value::Kind::Bool)
                    column.autoincrement = item.boolean;
                else if (!(item.kind == Value::Kind::String && item.text == u"auto") &&
                         !(item.kind == Value::Kind::String && item.text == u"ignore_fk"))
                    fail(item.line, QCoreApplication::translate(
                                        "retort::SqlTranslator",
                                        "autoincrement must be True, False or \"auto\""));
            } else if (name == u"comment" || name == u"default" || name == u"onupdate" ||
                       name == u"server_onupdate" || name == u"doc" || name == u"info") {
                // Client-side defaults and comments do not reach SQLite's DDL.
            } else if (!isOtherDialectKeyword(name)) {
                fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "Column(%1=...) is not supported")
                                    .arg(name));
            }
        }
        if (!typeGiven)
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator", "column '%1' has no type")
                     .arg(column.name));
        column.primaryKey = primaryKey;
        column.nullable = nullable.value_or(!primaryKey);
        value.edit().nullableGiven = nullable.has_value();
        return value;
    }

    std::optional<ServerDefault> serverDefault(const Value &value)
    {
        switch (value.kind) {
        case Value::Kind::None:
            return std::nullopt;
        case Value::Kind::String:
            return ServerDefault{ServerDefault::Kind::String, value.text};
        case Value::Kind::Text:
            return ServerDefault{ServerDefault::Kind::Text, value.text};
        case Value::Kind::Expression:
            return ServerDefault{ServerDefault::Kind::Expression, value.text};
        default:
            break;
        }
        fail(value.line, QCoreApplication::translate(
                             "retort::SqlTranslator",
                             "server_default must be a string, sa.text() or a SQL function, not "
                             "%1 (SQLAlchemy rejects it; write server_default=\"%2\" or "
                             "sa.text(\"%2\"))")
                             .arg(describe(value), value.kind == Value::Kind::Bool
                                                       ? (value.boolean ? u"1"_s : u"0"_s)
                                                       : value.text));
    }

    static QString validatedPhrase(const Value *value, const QString &what,
                                   const QRegularExpression &allowed)
    {
        if (!value)
            return QString();
        const QString phrase = asString(*value, what);
        if (!allowed.match(phrase).hasMatch())
            fail(value->line, QCoreApplication::translate("retort::SqlTranslator",
                                                          "Unexpected SQL phrase for %1: '%2'")
                                  .arg(what, phrase));
        return phrase;
    }

    void foreignKeyOptions(const Arguments &args, ForeignKeySpec &fk)
    {
        static const QRegularExpression cascade(
            u"^(?:RESTRICT|CASCADE|SET NULL|NO ACTION|SET DEFAULT)$"_s,
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression initially(u"^(?:DEFERRED|IMMEDIATE)$"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
        fk.name = optionalString(args, u"name"_s).value_or(QString());
        fk.onDelete = validatedPhrase(args.given(u"ondelete"_s), u"ondelete"_s, cascade);
        fk.onUpdate = validatedPhrase(args.given(u"onupdate"_s), u"onupdate"_s, cascade);
        fk.initially = validatedPhrase(args.given(u"initially"_s), u"initially"_s, initially);
        if (const Value *deferrable = args.given(u"deferrable"_s))
            fk.deferrable = asBool(*deferrable, u"deferrable"_s);
        fk.match = optionalString(args, u"match"_s).value_or(QString());
        if (optionalBool(args, u"use_alter"_s))
            fail(args.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "use_alter=True is not supported"));
        checkExtraKeywords(args);
    }

    // "table.column" -> (table, column)
    static QPair<QString, QString> splitColumnSpec(const Value &value)
    {
        const QString spec = asString(value, u"ForeignKey"_s);
        const QStringList parts = spec.split(u'.');
        if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
            fail(value.line, QCoreApplication::translate(
                                 "retort::SqlTranslator",
                                 "foreign key target '%1' is not of the form 'table.column'")
                                 .arg(spec));
        return {parts[0], parts[1]};
    }

    Value foreignKey(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"ForeignKey"_s,
                                    {u"column"_s, u"_constraint"_s, u"use_alter"_s, u"name"_s,
                                     u"onupdate"_s, u"ondelete"_s, u"deferrable"_s, u"initially"_s,
                                     u"link_to_name"_s, u"match"_s, u"info"_s},
                                    false, true);
        Value value;
        value.kind = Value::Kind::ForeignKey;
        value.line = expr.line;
        const Value *target = args.get(u"column"_s);
        if (!target)
            fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "ForeignKey() needs a target column"));
        const auto [table, column] = splitColumnSpec(*target);
        value.edit().foreignKey.referredTable = table;
        value.edit().foreignKey.referredColumns = {column};
        foreignKeyOptions(args, value.edit().foreignKey);
        return value;
    }

    Value foreignKeyConstraint(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"ForeignKeyConstraint"_s,
                                    {u"columns"_s, u"refcolumns"_s, u"name"_s, u"onupdate"_s,
                                     u"ondelete"_s, u"deferrable"_s, u"initially"_s, u"use_alter"_s,
                                     u"link_to_name"_s, u"match"_s, u"table"_s, u"info"_s},
                                    false, true);
        Value value;
        value.kind = Value::Kind::Constraint;
        value.line = expr.line;
        value.edit().constraint.kind = ConstraintDef::Kind::ForeignKey;
        ForeignKeySpec &fk = value.edit().constraint.foreignKey;
        const Value *columns = args.get(u"columns"_s);
        const Value *refColumns = args.get(u"refcolumns"_s);
        if (!columns || !refColumns)
            fail(expr.line, QCoreApplication::translate(
                                "retort::SqlTranslator",
                                "ForeignKeyConstraint() needs columns and refcolumns"));
        fk.columns = asStringList(*columns, u"columns"_s);
        if (refColumns->kind != Value::Kind::List && refColumns->kind != Value::Kind::Tuple)
            fail(refColumns->line,
                 QCoreApplication::translate("retort::SqlTranslator", "refcolumns must be a list"));
        for (const Value &ref : refColumns->items) {
            const auto [table, column] = splitColumnSpec(ref);
            if (!fk.referredTable.isEmpty() && fk.referredTable != table)
                fail(ref.line, QCoreApplication::translate(
                                   "retort::SqlTranslator",
                                   "ForeignKeyConstraint refers to more than one table"));
            fk.referredTable = table;
            fk.referredColumns.append(column);
        }
        if (fk.columns.size() != fk.referredColumns.size() || fk.columns.isEmpty())
            fail(expr.line, QCoreApplication::translate(
                                "retort::SqlTranslator",
                                "ForeignKeyConstraint needs as many refcolumns as columns"));
        foreignKeyOptions(args, fk);
        value.edit().constraint.name = fk.name;
        return value;
    }

    Value columnConstraint(const PyExpr &expr, const QString &name)
    {
        const Arguments args = bind(expr, name, {}, true, true);
        Value value;
        value.kind = Value::Kind::Constraint;
        value.line = expr.line;
        value.edit().constraint.kind = name == u"PrimaryKeyConstraint"
                                           ? ConstraintDef::Kind::PrimaryKey
                                           : ConstraintDef::Kind::Unique;
        for (const Value &item : args.rest)
            value.edit().constraint.columns.append(asString(
                item, QCoreApplication::translate("retort::SqlTranslator", "a constraint column")));
        for (const auto &[key, item] : args.extraKeywords) {
            if (key == u"name")
                value.edit().constraint.name =
                    item.kind == Value::Kind::None ? QString() : asString(item, key);
            else if (key != u"info" && !isOtherDialectKeyword(key))
                fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "%1(%2=...) is not supported")
                                    .arg(name, key));
        }
        return value;
    }

    Value checkConstraint(const PyExpr &expr)
    {
        const Arguments args =
            bind(expr, u"CheckConstraint"_s, {u"sqltext"_s, u"name"_s}, false, true);
        checkExtraKeywords(args, {u"info"_s});
        Value value;
        value.kind = Value::Kind::Constraint;
        value.line = expr.line;
        value.edit().constraint.kind = ConstraintDef::Kind::Check;
        const Value *sqltext = args.get(u"sqltext"_s);
        if (!sqltext)
            fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "CheckConstraint() needs a condition"));
        value.edit().constraint.checkSql = conditionSql(*sqltext);
        value.edit().constraint.name = optionalString(args, u"name"_s).value_or(QString());
        return value;
    }

    QString conditionSql(const Value &value)
    {
        if (value.kind == Value::Kind::String)
            return sqlFromText(value.text, value.line);
        if (value.kind == Value::Kind::Text)
            return value.text;
        fail(value.line,
             QCoreApplication::translate("retort::SqlTranslator",
                                         "a check condition must be a string or sa.text(), not %1")
                 .arg(describe(value)));
    }

    IndexElement indexElement(const Value &value)
    {
        if (value.kind == Value::Kind::String)
            return IndexElement{value.text, false};
        if (value.kind == Value::Kind::Text)
            return IndexElement{value.text, true};
        fail(value.line, QCoreApplication::translate(
                             "retort::SqlTranslator",
                             "an index column must be a column name or sa.text(), not %1")
                             .arg(describe(value)));
    }

    QString whereClause(const Value *value)
    {
        if (!value || value->kind == Value::Kind::None)
            return QString();
        if (value->kind == Value::Kind::Text)
            return value->text;
        fail(value->line, QCoreApplication::translate("retort::SqlTranslator",
                                                      "sqlite_where must be sa.text(...)"));
    }

    Value indexValue(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"Index"_s, {}, true, true);
        Value value;
        value.kind = Value::Kind::Index;
        value.line = expr.line;
        if (args.rest.empty() || args.rest[0].kind != Value::Kind::String)
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "an Index must have a name as its first argument"));
        value.edit().index.name = args.rest[0].text;
        for (size_t i = 1; i < args.rest.size(); ++i)
            value.edit().index.elements.append(indexElement(args.rest[i]));
        for (const auto &[key, item] : args.extraKeywords) {
            if (key == u"unique")
                value.edit().index.unique = asBool(item, key);
            else if (key == u"sqlite_where")
                value.edit().index.where = whereClause(&item);
            else if (key != u"info" && !isOtherDialectKeyword(key))
                fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "Index(%1=...) is not supported")
                                    .arg(key));
        }
        return value;
    }

    Value textClause(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"text"_s, {u"text"_s}, false, false);
        Value value;
        value.kind = Value::Kind::Text;
        value.line = expr.line;
        value.text = sqlFromText(requiredString(args, u"text"_s), expr.line);
        return value;
    }

    // sa.func.<name>(literal arguments), as SQLAlchemy renders it on SQLite.
    Value function(const PyExpr &expr, const QString &name)
    {
        if (name.contains(u'.'))
            fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "sa.func.%1() is not supported")
                                .arg(name));
        const Arguments args = bind(expr, u"func."_s + name, {}, true, false);
        // SQLAlchemy's function registry is case-insensitive; ANSI functions render
        // without parentheses, and SQLite's compiler has its own now / localtimestamp.
        static const QHash<QString, QString> noArgument = {
            {u"now"_s, u"CURRENT_TIMESTAMP"_s},
            {u"current_timestamp"_s, u"CURRENT_TIMESTAMP"_s},
            {u"current_date"_s, u"CURRENT_DATE"_s},
            {u"current_time"_s, u"CURRENT_TIME"_s},
            {u"current_user"_s, u"CURRENT_USER"_s},
            {u"session_user"_s, u"SESSION_USER"_s},
            {u"user"_s, u"USER"_s},
            {u"localtime"_s, u"LOCALTIME"_s},
            {u"localtimestamp"_s, u"DATETIME(CURRENT_TIMESTAMP, \"localtime\")"_s},
            {u"sysdate"_s, u"sysdate"_s},
        };
        const QString lower = name.toLower();
        Value value;
        value.kind = Value::Kind::Expression;
        value.line = expr.line;
        if (noArgument.contains(lower)) {
            if (!args.rest.empty())
                fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "sa.func.%1() takes no arguments here")
                                    .arg(name));
            value.text = noArgument.value(lower);
            return value;
        }
        if (lower == u"count" && args.rest.empty()) {
            value.text = u"count(*)"_s;
            return value;
        }
        if (lower == u"char_length")
            fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "sa.func.%1() is not supported")
                                .arg(name));
        QStringList arguments;
        for (const Value &argument : args.rest) {
            switch (argument.kind) {
            case Value::Kind::String:
                arguments.append(u'\'' + QString(argument.text).replace(u'\'', u"''"_s) + u'\'');
                break;
            case Value::Kind::Integer:
            case Value::Kind::Float:
                arguments.append(argument.text);
                break;
            case Value::Kind::Bool:
                arguments.append(argument.boolean ? u"1"_s : u"0"_s);
                break;
            case Value::Kind::None:
                arguments.append(u"NULL"_s);
                break;
            case Value::Kind::Text:
            case Value::Kind::Expression:
                arguments.append(argument.text);
                break;
            default:
                fail(argument.line, QCoreApplication::translate(
                                        "retort::SqlTranslator",
                                        "%1 as an argument of sa.func.%2() is not supported")
                                        .arg(describe(argument), name));
            }
        }
        value.text = name + u'(' + arguments.join(u", "_s) + u')';
        return value;
    }

    Value columnClause(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"column"_s, {u"text"_s, u"type_"_s}, false, false);
        Value value;
        value.kind = Value::Kind::Column;
        value.line = expr.line;
        value.edit().column.name = requiredString(args, u"text"_s);
        if (const Value *type = args.given(u"type_"_s)) {
            if (type->kind != Value::Kind::Type)
                fail(type->line,
                     QCoreApplication::translate("retort::SqlTranslator", "type_ must be a type"));
            value.edit().column.type = type->type;
        }
        return value;
    }

    Value tableClause(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"table"_s, {}, true, true);
        for (const auto &[key, item] : args.extraKeywords) {
            if (key != u"schema" || item.kind != Value::Kind::None)
                fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "table(%1=...) is not supported")
                                    .arg(key));
        }
        Value value;
        value.kind = Value::Kind::TableClause;
        value.line = expr.line;
        if (args.rest.empty() || args.rest[0].kind != Value::Kind::String)
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "a table must have a name as its first argument"));
        value.text = args.rest[0].text;
        for (size_t i = 1; i < args.rest.size(); ++i) {
            if (args.rest[i].kind != Value::Kind::Column)
                fail(args.rest[i].line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "%1 as an argument of table() is not supported")
                         .arg(describe(args.rest[i])));
            value.items.push_back(args.rest[i]);
        }
        return value;
    }

    Value table(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"Table"_s, {}, true, true);
        for (const auto &[key, item] : args.extraKeywords) {
            if (!(key == u"schema" && item.kind == Value::Kind::None) &&
                !isOtherDialectKeyword(key))
                fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "Table(%1=...) is not supported")
                                    .arg(key));
        }
        if (args.rest.size() < 2 || args.rest[0].kind != Value::Kind::String ||
            args.rest[1].kind != Value::Kind::MetaData)
            fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "Table() needs a name and a MetaData()"));
        Value value;
        value.kind = Value::Kind::TableClause;
        value.line = expr.line;
        value.text = args.rest[0].text;
        for (size_t i = 2; i < args.rest.size(); ++i) {
            if (args.rest[i].kind != Value::Kind::Column)
                fail(args.rest[i].line, QCoreApplication::translate(
                                            "retort::SqlTranslator",
                                            "%1 as an argument of Table() is only supported in "
                                            "create_table")
                                            .arg(describe(args.rest[i])));
            value.items.push_back(args.rest[i]);
        }
        return value;
    }

    // --- operations ------------------------------------------------------

    void emitOp(MigrationOp::Operation operation, int line)
    {
        m_ops.append(MigrationOp{std::move(operation), line});
    }

    Value operation(const PyExpr &expr, const QString &name)
    {
        if (name == u"create_table")
            return createTable(expr);
        if (name == u"drop_table") {
            const Arguments args = bind(expr, name, {u"table_name"_s, u"schema"_s}, false, true);
            checkNoSchema(args);
            checkExtraKeywords(args);
            emitOp(DropTableOp{requiredString(args, u"table_name"_s)}, expr.line);
        } else if (name == u"add_column") {
            const Arguments args =
                bind(expr, name, {u"table_name"_s, u"column"_s, u"schema"_s}, false, false);
            checkNoSchema(args);
            AddColumnOp op;
            op.table = requiredString(args, u"table_name"_s);
            op.column = columnArgument(args);
            if (op.column.unique && !op.column.index)
                fail(expr.line, noAlterOfConstraints());
            if (!op.column.foreignKeys.isEmpty())
                fail(expr.line, noAlterOfConstraints());
            emitOp(op, expr.line);
        } else if (name == u"drop_column") {
            const Arguments args =
                bind(expr, name, {u"table_name"_s, u"column_name"_s, u"schema"_s}, false, true);
            checkNoSchema(args);
            DropColumnOp op;
            op.table = requiredString(args, u"table_name"_s);
            op.column = requiredString(args, u"column_name"_s);
            op.existingType = existingType(args);
            emitOp(op, expr.line);
        } else if (name == u"create_index") {
            const Arguments args =
                bind(expr, name,
                     {u"index_name"_s, u"table_name"_s, u"columns"_s, u"schema"_s, u"unique"_s},
                     false, true);
            checkNoSchema(args);
            IndexDef index = indexArguments(args);
            index.table = requiredString(args, u"table_name"_s);
            emitOp(CreateIndexOp{index}, expr.line);
        } else if (name == u"drop_index") {
            const Arguments args =
                bind(expr, name, {u"index_name"_s, u"table_name"_s, u"schema"_s}, false, true);
            checkNoSchema(args);
            checkExtraKeywords(args);
            emitOp(DropIndexOp{requiredString(args, u"index_name"_s),
                               optionalString(args, u"table_name"_s).value_or(QString())},
                   expr.line);
        } else if (name == u"rename_table") {
            const Arguments args = bind(
                expr, name, {u"old_table_name"_s, u"new_table_name"_s, u"schema"_s}, false, false);
            checkNoSchema(args);
            emitOp(RenameTableOp{requiredString(args, u"old_table_name"_s),
                                 requiredString(args, u"new_table_name"_s)},
                   expr.line);
        } else if (name == u"alter_column") {
            AlterColumnOp op = alterColumn(expr, true);
            const bool changesComment = [&] {
                for (const PyKeyword &keyword : expr.keywords) {
                    if (keyword.name == u"comment" && keyword.value->kind != PyExpr::Kind::False)
                        return true;
                }
                return expr.items.size() > 3 && expr.items[3]->kind != PyExpr::Kind::False;
            }();
            if (op.type || op.nullable || op.changesServerDefault || changesComment)
                fail(expr.line,
                     QCoreApplication::translate(
                         "retort::SqlTranslator",
                         "alter_column outside batch_alter_table can only rename a column on "
                         "SQLite (Alembic would emit ALTER COLUMN, which SQLite rejects); use "
                         "op.batch_alter_table"));
            if (!op.newName.isEmpty() && op.newName != op.column)
                emitOp(op, expr.line);
        } else if (name == u"execute") {
            emitOp(executeOp(expr), expr.line);
        } else if (name == u"bulk_insert") {
            return bulkInsert(expr);
        } else if (name == u"batch_alter_table") {
            fail(expr.line, QCoreApplication::translate(
                                "retort::SqlTranslator",
                                "op.batch_alter_table() is only supported in a 'with' statement"));
        } else if (name == u"create_foreign_key" || name == u"create_unique_constraint" ||
                   name == u"create_check_constraint" || name == u"create_primary_key" ||
                   name == u"drop_constraint") {
            fail(expr.line, noAlterOfConstraints());
        } else if (name == u"get_bind" || name == u"get_context") {
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "op.%1() needs a database connection (Python logic)")
                     .arg(name));
        } else {
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator", "op.%1() is not supported")
                     .arg(name));
        }
        Value none;
        none.line = expr.line;
        return none;
    }

    ExecuteOp executeOp(const PyExpr &expr)
    {
        const Arguments args =
            bind(expr, u"execute"_s, {u"sqltext"_s, u"execution_options"_s}, false, false);
        const Value *sql = args.get(u"sqltext"_s);
        if (!sql)
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator", "execute() needs SQL"));
        QString text;
        if (sql->kind == Value::Kind::String)
            text = sqlFromText(sql->text, sql->line);
        else if (sql->kind == Value::Kind::Text)
            text = sql->text;
        else
            fail(sql->line, QCoreApplication::translate(
                                "retort::SqlTranslator",
                                "execute() of %1 is not supported (only SQL strings and "
                                "sa.text())")
                                .arg(describe(*sql)));
        checkSingleStatement(text, sql->line);
        return ExecuteOp{text};
    }

    // Python's sqlite3 (which Alembic uses) runs one statement per execute() and fails
    // on more: "You can only execute one statement at a time."
    static void checkSingleStatement(const QString &sql, int line)
    {
        enum class State
        {
            Normal,
            Single,
            Double,
            Bracket,
            Backtick,
            LineComment,
            BlockComment
        };
        State state = State::Normal;
        bool ended = false;
        for (qsizetype i = 0; i < sql.size(); ++i) {
            const QChar c = sql[i];
            const QChar next = i + 1 < sql.size() ? sql[i + 1] : QChar();
            switch (state) {
            case State::Normal:
                if (c == u'\'')
                    state = State::Single;
                else if (c == u'"')
                    state = State::Double;
                else if (c == u'[')
                    state = State::Bracket;
                else if (c == u'`')
                    state = State::Backtick;
                else if (c == u'-' && next == u'-')
                    state = State::LineComment;
                else if (c == u'/' && next == u'*')
                    state = State::BlockComment, ++i;
                else if (c == u';')
                    ended = true;
                else if (ended && !c.isSpace())
                    fail(line, QCoreApplication::translate(
                                   "retort::SqlTranslator",
                                   "execute() with more than one SQL statement (Python's sqlite3 "
                                   "runs only one at a time)"));
                break;
            case State::Single:
                if (c == u'\'')
                    state = State::Normal;
                break;
            case State::Double:
                if (c == u'"')
                    state = State::Normal;
                break;
            case State::Bracket:
                if (c == u']')
                    state = State::Normal;
                break;
            case State::Backtick:
                if (c == u'`')
                    state = State::Normal;
                break;
            case State::LineComment:
                if (c == u'\n')
                    state = State::Normal;
                break;
            case State::BlockComment:
                if (c == u'*' && next == u'/')
                    state = State::Normal, ++i;
                break;
            }
        }
    }

    ColumnDef columnArgument(const Arguments &args)
    {
        const Value *column = args.get(u"column"_s);
        if (!column || column->kind != Value::Kind::Column ||
            column->data().column.type.ddl.isEmpty())
            fail(args.line,
                 QCoreApplication::translate("retort::SqlTranslator", "%1() needs a sa.Column(...)")
                     .arg(args.function));
        return column->data().column;
    }

    std::optional<ColumnType> existingType(const Arguments &args)
    {
        for (const auto &[key, value] : args.extraKeywords) {
            if (key == u"existing_type" && value.kind == Value::Kind::Type)
                return value.type;
        }
        return std::nullopt;
    }

    IndexDef indexArguments(const Arguments &args)
    {
        IndexDef index;
        index.name = requiredString(args, u"index_name"_s);
        const Value *columns = args.get(u"columns"_s);
        if (!columns)
            fail(args.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "%1() needs the index columns")
                                .arg(args.function));
        if (columns->kind == Value::Kind::List || columns->kind == Value::Kind::Tuple) {
            for (const Value &item : columns->items)
                index.elements.append(indexElement(item));
        } else {
            fail(columns->line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "the index columns must be a list"));
        }
        index.unique = optionalBool(args, u"unique"_s);
        for (const auto &[key, value] : args.extraKeywords) {
            if (key == u"unique")
                index.unique = asBool(value, key);
            else if (key == u"sqlite_where")
                index.where = whereClause(&value);
            else if (!isOtherDialectKeyword(key) && key != u"info")
                fail(value.line, QCoreApplication::translate("retort::SqlTranslator",
                                                             "%1(%2=...) is not supported")
                                     .arg(args.function, key));
        }
        return index;
    }

    AlterColumnOp alterColumn(const PyExpr &expr, bool withTable)
    {
        QStringList parameters = {u"column_name"_s,       u"nullable"_s,
                                  u"comment"_s,           u"server_default"_s,
                                  u"new_column_name"_s,   u"type_"_s,
                                  u"existing_type"_s,     u"existing_server_default"_s,
                                  u"existing_nullable"_s, u"existing_comment"_s};
        if (withTable) {
            parameters.prepend(u"table_name"_s);
            parameters.append(u"schema"_s);
        } else {
            parameters.append({u"insert_before"_s, u"insert_after"_s});
        }
        const Arguments args = bind(expr, u"alter_column"_s, parameters, false, true);
        checkNoSchema(args);
        for (const auto &[key, value] : args.extraKeywords) {
            // autoincrement only matters to MySQL (Alembic warns and ignores it).
            if (key != u"autoincrement" && key != u"existing_autoincrement" &&
                !isOtherDialectKeyword(key))
                fail(value.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "alter_column(%1=...) is not supported")
                         .arg(key));
        }
        if (args.given(u"insert_before"_s) || args.given(u"insert_after"_s))
            fail(expr.line,
                 QCoreApplication::translate("retort::SqlTranslator",
                                             "insert_before / insert_after are not supported"));
        AlterColumnOp op;
        if (withTable)
            op.table = requiredString(args, u"table_name"_s);
        op.column = requiredString(args, u"column_name"_s);
        op.newName = optionalString(args, u"new_column_name"_s).value_or(QString());
        if (const Value *type = args.given(u"type_"_s)) {
            if (type->kind != Value::Kind::Type)
                fail(type->line,
                     QCoreApplication::translate("retort::SqlTranslator", "type_ must be a type"));
            op.type = type->type;
        }
        if (const Value *type = args.given(u"existing_type"_s)) {
            if (type->kind != Value::Kind::Type)
                fail(type->line, QCoreApplication::translate("retort::SqlTranslator",
                                                             "existing_type must be a type"));
            op.existingType = type->type;
        }
        if (const Value *nullable = args.given(u"nullable"_s))
            op.nullable = asBool(*nullable, u"nullable"_s);
        if (const Value *nullable = args.given(u"existing_nullable"_s))
            op.existingNullable = asBool(*nullable, u"existing_nullable"_s);
        if (const Value *serverDefault = args.get(u"server_default"_s)) {
            // server_default=False is Alembic's "unchanged".
            if (!(serverDefault->kind == Value::Kind::Bool && !serverDefault->boolean)) {
                op.changesServerDefault = true;
                op.serverDefault = this->serverDefault(*serverDefault);
            }
        }
        // existing_server_default and comments change nothing on SQLite.
        if (const Value *existing = args.given(u"existing_server_default"_s)) {
            if (!(existing->kind == Value::Kind::Bool && !existing->boolean))
                this->serverDefault(*existing);
        }
        return op;
    }

    Value createTable(const PyExpr &expr)
    {
        const Arguments args = bind(expr, u"create_table"_s, {u"table_name"_s}, true, true);
        CreateTableOp op;
        op.table = requiredString(args, u"table_name"_s);
        for (const auto &[key, value] : args.extraKeywords) {
            if (key == u"sqlite_autoincrement")
                op.sqliteAutoincrement = asBool(value, key);
            else if (key == u"schema") {
                if (value.kind != Value::Kind::None)
                    fail(value.line, QCoreApplication::translate(
                                         "retort::SqlTranslator",
                                         "schema=%1 is not supported (SQLite has no schemas)")
                                         .arg(value.text));
            } else if (key != u"comment" && key != u"info" && !isOtherDialectKeyword(key))
                fail(value.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "create_table(%1=...) is not supported")
                         .arg(key));
        }
        QSet<QString> names;
        QList<bool> nullableGiven;
        std::optional<ConstraintDef> explicitPrimaryKey;
        for (const Value &item : args.rest) {
            switch (item.kind) {
            case Value::Kind::Column:
                if (item.data().column.type.ddl.isEmpty())
                    fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                                "column '%1' has no type")
                                        .arg(item.data().column.name));
                if (names.contains(item.data().column.name))
                    fail(item.line, QCoreApplication::translate("retort::SqlTranslator",
                                                                "column '%1' is given twice")
                                        .arg(item.data().column.name));
                names.insert(item.data().column.name);
                op.columns.append(item.data().column);
                nullableGiven.append(item.data().nullableGiven);
                break;
            case Value::Kind::Constraint:
                if (item.data().constraint.kind == ConstraintDef::Kind::PrimaryKey) {
                    if (explicitPrimaryKey)
                        fail(item.line,
                             QCoreApplication::translate("retort::SqlTranslator",
                                                         "more than one PrimaryKeyConstraint"));
                    explicitPrimaryKey = item.data().constraint;
                }
                op.constraints.append(item.data().constraint);
                break;
            case Value::Kind::Index:
                op.indexes.append(item.data().index);
                break;
            default:
                fail(item.line, QCoreApplication::translate(
                                    "retort::SqlTranslator",
                                    "%1 as an argument of create_table() is not supported")
                                    .arg(describe(item)));
            }
        }
        auto checkColumns = [&](const QStringList &columns, int line) {
            for (const QString &column : columns) {
                if (!names.contains(column))
                    fail(line, QCoreApplication::translate("retort::SqlTranslator",
                                                           "column '%1' is not in table '%2'")
                                   .arg(column, op.table));
            }
        };
        for (const ConstraintDef &constraint : std::as_const(op.constraints)) {
            checkColumns(constraint.kind == ConstraintDef::Kind::ForeignKey
                             ? constraint.foreignKey.columns
                             : constraint.columns,
                         expr.line);
        }
        for (const IndexDef &index : std::as_const(op.indexes)) {
            for (const IndexElement &element : index.elements) {
                if (!element.isExpression)
                    checkColumns({element.text}, expr.line);
            }
        }
        if (explicitPrimaryKey) {
            // An explicit PrimaryKeyConstraint marks its columns as primary key, and NOT NULL
            // unless nullable= was given; SQLAlchemy warns and prefers it over column flags.
            QStringList flagged;
            for (const ColumnDef &column : std::as_const(op.columns)) {
                if (column.primaryKey)
                    flagged.append(column.name);
            }
            for (const QString &name : flagged) {
                if (!explicitPrimaryKey->columns.contains(name))
                    fail(expr.line, QCoreApplication::translate(
                                        "retort::SqlTranslator",
                                        "the PrimaryKeyConstraint and the columns marked "
                                        "primary_key=True disagree"));
            }
            for (qsizetype i = 0; i < op.columns.size(); ++i) {
                ColumnDef &column = op.columns[i];
                if (explicitPrimaryKey->columns.contains(column.name)) {
                    column.primaryKey = true;
                    if (!nullableGiven[i])
                        column.nullable = false;
                }
            }
        }
        int autoincrementTrue = 0;
        int primaryKeys = 0;
        for (const ColumnDef &column : std::as_const(op.columns)) {
            primaryKeys += column.primaryKey ? 1 : 0;
            autoincrementTrue += column.primaryKey && column.autoincrement.value_or(false);
        }
        if (autoincrementTrue > 0 && primaryKeys > 1)
            fail(expr.line, QCoreApplication::translate(
                                "retort::SqlTranslator",
                                "SQLite does not support autoincrement for composite primary "
                                "keys"));
        // index=True columns get SQLAlchemy's conventional name; listed before sa.Index ones.
        QList<IndexDef> columnIndexes;
        for (const ColumnDef &column : std::as_const(op.columns)) {
            if (!column.index)
                continue;
            IndexDef index;
            index.name = u"ix_"_s + op.table + u'_' + column.name;
            index.elements = {IndexElement{column.name, false}};
            index.unique = column.unique;
            columnIndexes.append(index);
        }
        op.indexes = columnIndexes + op.indexes;
        for (IndexDef &index : op.indexes)
            index.table = op.table;
        emitOp(op, expr.line);

        Value table;
        table.kind = Value::Kind::TableClause;
        table.line = expr.line;
        table.text = op.table;
        for (const ColumnDef &column : std::as_const(op.columns)) {
            Value columnValue;
            columnValue.kind = Value::Kind::Column;
            columnValue.edit().column = column;
            table.items.push_back(columnValue);
        }
        return table;
    }

    Value bulkInsert(const PyExpr &expr)
    {
        const Arguments args =
            bind(expr, u"bulk_insert"_s, {u"table"_s, u"rows"_s, u"multiinsert"_s}, false, false);
        const Value *table = args.get(u"table"_s);
        const Value *rows = args.get(u"rows"_s);
        if (!table || table->kind != Value::Kind::TableClause)
            fail(expr.line, QCoreApplication::translate(
                                "retort::SqlTranslator",
                                "bulk_insert() needs a table made with sa.table(...)"));
        if (!rows || rows->kind != Value::Kind::List)
            fail(expr.line, QCoreApplication::translate(
                                "retort::SqlTranslator",
                                "bulk_insert() needs a list of rows (\"List expected\")"));
        // Online, Alembic hands all rows to one executemany() built from the first row's
        // keys (multiinsert=True): later rows lose keys the first lacks, and a row missing
        // one of them fails. With multiinsert=False each row is inserted on its own.
        const Value *multiinsert = args.get(u"multiinsert"_s);
        const bool oneStatement = !multiinsert || asBool(*multiinsert, u"multiinsert"_s);
        BulkInsertOp op;
        op.table = table->text;
        for (const Value &column : table->items)
            op.columns.append(
                BulkInsertOp::Column{column.data().column.name, column.data().column.type});
        for (const Value &row : rows->items) {
            if (row.kind != Value::Kind::Dict)
                fail(row.line, QCoreApplication::translate(
                                   "retort::SqlTranslator",
                                   "bulk_insert() rows must be dicts (\"List of dictionaries "
                                   "expected\")"));
            QList<std::optional<LiteralValue>> values(op.columns.size());
            for (size_t i = 0; i < row.items.size(); ++i) {
                const QString key =
                    asString(row.items[i],
                             QCoreApplication::translate("retort::SqlTranslator", "a row key"));
                qsizetype index = -1;
                for (qsizetype c = 0; c < op.columns.size(); ++c) {
                    if (op.columns[c].name == key)
                        index = c;
                }
                if (index < 0)
                    fail(row.line, QCoreApplication::translate(
                                       "retort::SqlTranslator",
                                       "column '%1' is not in the table given to bulk_insert()")
                                       .arg(key));
                const LiteralValue literal = literalValue(row.values[i]);
                QString error;
                if (!SqlRenderer::literalSql(literal, op.columns[index].type, &error))
                    fail(row.values[i].line, error);
                values[index] = literal;
            }
            if (oneStatement && !op.rows.isEmpty()) {
                const auto &first = op.rows.first();
                for (qsizetype c = 0; c < values.size(); ++c) {
                    if (first[c] && !values[c])
                        fail(row.line, QCoreApplication::translate(
                                           "retort::SqlTranslator",
                                           "Alembic would fail on this row: \"A value is "
                                           "required for bind parameter '%1', in parameter "
                                           "group %2\" (every row needs the keys of the first, "
                                           "or pass multiinsert=False)")
                                           .arg(op.columns[c].name)
                                           .arg(op.rows.size()));
                    if (!first[c])
                        values[c].reset();
                }
            }
            op.rows.append(values);
        }
        emitOp(op, expr.line);
        Value none;
        none.line = expr.line;
        return none;
    }

    static LiteralValue literalValue(const Value &value)
    {
        LiteralValue literal;
        switch (value.kind) {
        case Value::Kind::None:
            literal.kind = LiteralValue::Kind::Null;
            break;
        case Value::Kind::Bool:
            literal.kind = LiteralValue::Kind::Bool;
            literal.boolean = value.boolean;
            literal.text = value.boolean ? u"True"_s : u"False"_s;
            break;
        case Value::Kind::Integer:
            literal.kind = LiteralValue::Kind::Integer;
            literal.text = value.text;
            break;
        case Value::Kind::Float:
            literal.kind = LiteralValue::Kind::Float;
            literal.text = value.text;
            literal.number = value.number;
            break;
        case Value::Kind::String:
            literal.kind = LiteralValue::Kind::String;
            literal.text = value.text;
            break;
        default:
            fail(value.line, QCoreApplication::translate(
                                 "retort::SqlTranslator",
                                 "%1 as a bulk_insert() value is not supported (only None, "
                                 "booleans, numbers and strings)")
                                 .arg(describe(value)));
        }
        return literal;
    }

    // --- batch operations --------------------------------------------------

    void addStep(BatchStep step) { m_batch->op.steps.append(std::move(step)); }

    Value batchOperation(const PyExpr &expr, const QString &name)
    {
        BatchOp &batch = m_batch->op;
        if (name == u"add_column") {
            const Arguments args = bind(
                expr, name, {u"column"_s, u"insert_before"_s, u"insert_after"_s}, false, false);
            if (args.given(u"insert_before"_s) || args.given(u"insert_after"_s))
                fail(expr.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "insert_before / insert_after are not supported"));
            AddColumnOp op;
            op.table = batch.table;
            op.column = columnArgument(args);
            addStep(op);
            // As Alembic's toimpl.add_column: the column's constraints and index follow.
            if (op.column.unique && !op.column.index) {
                ConstraintDef unique;
                unique.kind = ConstraintDef::Kind::Unique;
                unique.columns = {op.column.name};
                addStep(AddConstraintOp{unique});
            }
            for (const ForeignKeySpec &fk : std::as_const(op.column.foreignKeys)) {
                ConstraintDef constraint;
                constraint.kind = ConstraintDef::Kind::ForeignKey;
                constraint.name = fk.name;
                constraint.foreignKey = fk;
                addStep(AddConstraintOp{constraint});
            }
            if (op.column.index) {
                IndexDef index;
                index.name = u"ix_"_s + batch.table + u'_' + op.column.name;
                index.table = batch.table;
                index.elements = {IndexElement{op.column.name, false}};
                index.unique = op.column.unique;
                addStep(CreateIndexOp{index});
            }
        } else if (name == u"drop_column") {
            const Arguments args = bind(expr, name, {u"column_name"_s}, false, true);
            DropColumnOp op;
            op.table = batch.table;
            op.column = requiredString(args, u"column_name"_s);
            op.existingType = existingType(args);
            addStep(op);
        } else if (name == u"alter_column") {
            AlterColumnOp op = alterColumn(expr, false);
            op.table = batch.table;
            addStep(op);
        } else if (name == u"create_index") {
            const Arguments args = bind(expr, name, {u"index_name"_s, u"columns"_s}, false, true);
            IndexDef index = indexArguments(args);
            index.table = batch.table;
            addStep(CreateIndexOp{index});
        } else if (name == u"drop_index") {
            const Arguments args = bind(expr, name, {u"index_name"_s}, false, true);
            checkExtraKeywords(args);
            addStep(DropIndexOp{requiredString(args, u"index_name"_s), batch.table});
        } else if (name == u"create_foreign_key") {
            const Arguments args =
                bind(expr, name,
                     {u"constraint_name"_s, u"referent_table"_s, u"local_cols"_s, u"remote_cols"_s,
                      u"referent_schema"_s, u"onupdate"_s, u"ondelete"_s, u"deferrable"_s,
                      u"initially"_s, u"match"_s},
                     false, true);
            if (args.given(u"referent_schema"_s))
                fail(expr.line, QCoreApplication::translate(
                                    "retort::SqlTranslator",
                                    "referent_schema is not supported (SQLite has no schemas)"));
            ConstraintDef constraint;
            constraint.kind = ConstraintDef::Kind::ForeignKey;
            constraint.name = optionalString(args, u"constraint_name"_s).value_or(QString());
            ForeignKeySpec &fk = constraint.foreignKey;
            fk.referredTable = requiredString(args, u"referent_table"_s);
            const Value *local = args.get(u"local_cols"_s);
            const Value *remote = args.get(u"remote_cols"_s);
            if (!local || !remote)
                fail(expr.line, QCoreApplication::translate(
                                    "retort::SqlTranslator",
                                    "create_foreign_key() needs local_cols and remote_cols"));
            fk.columns = asStringList(*local, u"local_cols"_s);
            fk.referredColumns = asStringList(*remote, u"remote_cols"_s);
            if (fk.columns.size() != fk.referredColumns.size() || fk.columns.isEmpty())
                fail(expr.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "local_cols and remote_cols differ in length"));
            Arguments options = args;
            options.remove(u"constraint_name"_s);
            foreignKeyOptions(options, fk);
            fk.name = constraint.name;
            addStep(AddConstraintOp{constraint});
        } else if (name == u"create_unique_constraint" || name == u"create_primary_key") {
            const Arguments args =
                bind(expr, name, {u"constraint_name"_s, u"columns"_s}, false, true);
            checkExtraKeywords(args);
            ConstraintDef constraint;
            constraint.kind = name == u"create_primary_key" ? ConstraintDef::Kind::PrimaryKey
                                                            : ConstraintDef::Kind::Unique;
            constraint.name = optionalString(args, u"constraint_name"_s).value_or(QString());
            const Value *columns = args.get(u"columns"_s);
            if (!columns)
                fail(expr.line,
                     QCoreApplication::translate("retort::SqlTranslator", "%1() needs the columns")
                         .arg(name));
            constraint.columns = asStringList(*columns, u"columns"_s);
            addStep(AddConstraintOp{constraint});
        } else if (name == u"create_check_constraint") {
            const Arguments args =
                bind(expr, name, {u"constraint_name"_s, u"condition"_s}, false, true);
            checkExtraKeywords(args);
            ConstraintDef constraint;
            constraint.kind = ConstraintDef::Kind::Check;
            constraint.name = optionalString(args, u"constraint_name"_s).value_or(QString());
            const Value *condition = args.get(u"condition"_s);
            if (!condition)
                fail(expr.line,
                     QCoreApplication::translate("retort::SqlTranslator",
                                                 "create_check_constraint() needs a condition"));
            constraint.checkSql = conditionSql(*condition);
            addStep(AddConstraintOp{constraint});
        } else if (name == u"drop_constraint") {
            const Arguments args =
                bind(expr, name, {u"constraint_name"_s, u"type_"_s}, false, false);
            const QString constraintName = requiredString(args, u"constraint_name"_s);
            const QString type = optionalString(args, u"type_"_s).value_or(QString());
            static const QStringList types = {u"foreignkey"_s, u"unique"_s, u"check"_s,
                                              u"primary"_s};
            if (!type.isEmpty() && !types.contains(type))
                fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                            "unknown constraint type '%1'")
                                    .arg(type));
            addStep(DropConstraintOp{constraintName, type});
        } else if (name == u"execute") {
            // Runs at once, before the batch is flushed at the end of the block.
            emitOp(executeOp(expr), expr.line);
        } else {
            fail(expr.line, QCoreApplication::translate("retort::SqlTranslator",
                                                        "batch operation %1() is not supported")
                                .arg(name));
        }
        Value none;
        none.line = expr.line;
        return none;
    }

    QHash<QString, QString> m_imports;
    QHash<QString, Value> m_locals;
    QList<MigrationOp> m_ops;
    Batch *m_batch = nullptr;
};

} // namespace

Translation SqlTranslator::translate(const QString &source, Direction direction)
{
    Translation result;
    const QString name = direction == Direction::Upgrade ? u"upgrade"_s : u"downgrade"_s;
    const PythonModule module = PythonModule::parse(source, {name});
    if (!module.isValid()) {
        result.reason = QCoreApplication::translate("retort::SqlTranslator",
                                                    "the file cannot be read as Python: %1")
                            .arg(module.error());
        result.line = module.errorLine();
        return result;
    }
    const PyFunction *function = module.function(name);
    if (!function) {
        result.reason =
            QCoreApplication::translate("retort::SqlTranslator", "the file has no %1() function")
                .arg(name);
        return result;
    }
    try {
        Translator translator(module.imports());
        result.ops = translator.run(*function);
        result.translatable = true;
        result.line = 0;
    } catch (const TranslateError &error) {
        result.ops.clear();
        result.reason = error.reason;
        result.line = error.line;
    }
    return result;
}

} // namespace retort
